from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return r"""
        CREATE TABLE IF NOT EXISTS "company" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "timezone" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS "login_failure" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "key" VARCHAR(300) NOT NULL,
    "at" TIMESTAMP NOT NULL
) /* A failed login attempt, counted per e-mail and per client address for rate limiting. */;
CREATE INDEX IF NOT EXISTS "idx_login_failu_key_2c4272" ON "login_failure" ("key");
CREATE INDEX IF NOT EXISTS "idx_login_failu_at_ce3ac2" ON "login_failure" ("at");
CREATE TABLE IF NOT EXISTS "user_login" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "email" VARCHAR(254) NOT NULL UNIQUE,
    "password_hash" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMP NOT NULL
) /* A login: one e-mail and password, shared by all of a person's memberships. */;
CREATE TABLE IF NOT EXISTS "contact" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(16) NOT NULL /* CLIENT: CLIENT\nCONTRACTOR: CONTRACTOR */,
    "legal_form" VARCHAR(16) NOT NULL /* PERSON: PERSON\nORGANIZATION: ORGANIZATION */,
    "name" VARCHAR(300) NOT NULL,
    "email" VARCHAR(254),
    "phone" VARCHAR(50),
    "telegram" VARCHAR(100),
    "tax_id" VARCHAR(50),
    "notes" TEXT,
    "manager_id" INT,
    "created_at" TIMESTAMP NOT NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_contact_manager_edd662" ON "contact" ("manager_id");
CREATE INDEX IF NOT EXISTS "idx_contact_company_963466" ON "contact" ("company_id", "kind", "name");
CREATE TABLE IF NOT EXISTS "membership" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "role" VARCHAR(16) NOT NULL /* OWNER: OWNER\nSTAFF: STAFF\nCLIENT: CLIENT\nCONTRACTOR: CONTRACTOR */,
    "name" VARCHAR(200) NOT NULL,
    "title" VARCHAR(200),
    "path" VARCHAR(1000) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "last_login_at" TIMESTAMP,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "contact_id" INT REFERENCES "contact" ("id") ON DELETE CASCADE,
    "manager_id" INT REFERENCES "membership" ("id") ON DELETE RESTRICT,
    "user_id" INT NOT NULL REFERENCES "user_login" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_membership_company_a01ee2" UNIQUE ("company_id", "user_id")
) /* A person in one company; `path` is the materialised org-tree path, e.g. `\/1\/7\/42\/`. */;
CREATE INDEX IF NOT EXISTS "idx_membership_path_28713e" ON "membership" ("path");
CREATE TABLE IF NOT EXISTS "invitation" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "role" VARCHAR(16) NOT NULL /* OWNER: OWNER\nSTAFF: STAFF\nCLIENT: CLIENT\nCONTRACTOR: CONTRACTOR */,
    "name" VARCHAR(200),
    "title" VARCHAR(200),
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP NOT NULL,
    "accepted_at" TIMESTAMP,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "contact_id" INT REFERENCES "contact" ("id") ON DELETE CASCADE,
    "invited_by_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE CASCADE,
    "manager_id" INT REFERENCES "membership" ("id") ON DELETE CASCADE
) /* An e-mailed link to join a company; the token is stored hashed and works once. */;
CREATE TABLE IF NOT EXISTS "session" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "revoked_at" TIMESTAMP,
    "membership_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE CASCADE
) /* A refresh-token family: one login on one device; revoking it ends every token of it. */;
CREATE TABLE IF NOT EXISTS "refresh_token" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP NOT NULL,
    "used_at" TIMESTAMP,
    "session_id" CHAR(36) NOT NULL REFERENCES "session" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "address" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "label" VARCHAR(100),
    "text" VARCHAR(500) NOT NULL,
    "details" TEXT,
    "latitude" REAL,
    "longitude" REAL,
    "created_at" TIMESTAMP NOT NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "contact_id" INT NOT NULL REFERENCES "contact" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "outbox_email" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "to" VARCHAR(254) NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "sent_at" TIMESTAMP,
    "company_id" INT REFERENCES "company" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "order" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "number" INT NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "description" TEXT NOT NULL,
    "status" VARCHAR(16) NOT NULL /* NEW: NEW\nASSIGNED: ASSIGNED\nIN_PROGRESS: IN_PROGRESS\nDONE: DONE\nCANCELLED: CANCELLED */,
    "deadline" TIMESTAMP NOT NULL,
    "source" VARCHAR(16) NOT NULL /* STAFF: STAFF\nPORTAL: PORTAL\nEMAIL: EMAIL\nTELEGRAM: TELEGRAM\nWEBCHAT: WEBCHAT\nAPI: API */,
    "price" VARCHAR(40),
    "contractor_fee" VARCHAR(40),
    "internal_note" TEXT,
    "rating" SMALLINT,
    "feedback" TEXT,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "completed_at" TIMESTAMP,
    "overdue_for" TIMESTAMP,
    "due_soon_for" TIMESTAMP,
    "address_id" INT NOT NULL REFERENCES "address" ("id") ON DELETE RESTRICT,
    "client_id" INT NOT NULL REFERENCES "contact" ("id") ON DELETE RESTRICT,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "contractor_id" INT REFERENCES "contact" ("id") ON DELETE RESTRICT,
    "created_by_id" INT REFERENCES "membership" ("id") ON DELETE SET NULL,
    "responsible_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_order_company_18037f" UNIQUE ("company_id", "number")
);
CREATE INDEX IF NOT EXISTS "idx_order_company_6193d3" ON "order" ("company_id", "status", "deadline");
CREATE INDEX IF NOT EXISTS "idx_order_company_0e795a" ON "order" ("company_id", "deadline");
CREATE INDEX IF NOT EXISTS "idx_order_status_17d050" ON "order" ("status", "deadline");
CREATE TABLE IF NOT EXISTS "comment" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "body" TEXT NOT NULL,
    "visibility" VARCHAR(16) NOT NULL /* INTERNAL: INTERNAL\nCLIENT: CLIENT\nCONTRACTOR: CONTRACTOR */,
    "created_at" TIMESTAMP NOT NULL,
    "author_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE RESTRICT,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "order_id" INT NOT NULL REFERENCES "order" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_comment_order_i_b2fec7" ON "comment" ("order_id", "visibility");
CREATE TABLE IF NOT EXISTS "order_counter" (
    "last_number" INT NOT NULL,
    "company_id" INT NOT NULL PRIMARY KEY REFERENCES "company" ("id") ON DELETE CASCADE
) /* The last order number of a company; its row is locked while a number is taken. */;
CREATE TABLE IF NOT EXISTS "order_status_change" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "from_status" VARCHAR(16) /* NEW: NEW\nASSIGNED: ASSIGNED\nIN_PROGRESS: IN_PROGRESS\nDONE: DONE\nCANCELLED: CANCELLED */,
    "to_status" VARCHAR(16) NOT NULL /* NEW: NEW\nASSIGNED: ASSIGNED\nIN_PROGRESS: IN_PROGRESS\nDONE: DONE\nCANCELLED: CANCELLED */,
    "at" TIMESTAMP NOT NULL,
    "comment" TEXT,
    "by_id" INT REFERENCES "membership" ("id") ON DELETE SET NULL,
    "order_id" INT NOT NULL REFERENCES "order" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "photo" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(16) NOT NULL /* BEFORE: BEFORE\nCOMPLETION: COMPLETION\nISSUE: ISSUE */,
    "caption" VARCHAR(500),
    "storage_key" VARCHAR(200) NOT NULL UNIQUE,
    "thumbnail_key" VARCHAR(200) NOT NULL UNIQUE,
    "content_type" VARCHAR(50) NOT NULL,
    "width" INT NOT NULL,
    "height" INT NOT NULL,
    "size" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "order_id" INT NOT NULL REFERENCES "order" ("id") ON DELETE CASCADE,
    "uploaded_by_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE RESTRICT
) /* An image attached to an order; the files live in photo storage under random keys. */;
CREATE TABLE IF NOT EXISTS "task" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "description" TEXT NOT NULL,
    "status" VARCHAR(16) NOT NULL /* OPEN: OPEN\nDONE: DONE\nCANCELLED: CANCELLED */,
    "deadline" TIMESTAMP NOT NULL,
    "requires_acknowledgement" INT NOT NULL,
    "acknowledged_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "completed_at" TIMESTAMP,
    "overdue_for" TIMESTAMP,
    "assignee_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE RESTRICT,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "creator_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE RESTRICT,
    "order_id" INT REFERENCES "order" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_task_company_07ca3e" ON "task" ("company_id", "status", "deadline");
CREATE INDEX IF NOT EXISTS "idx_task_status_b1cfb9" ON "task" ("status", "deadline");
CREATE TABLE IF NOT EXISTS "template" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(16) NOT NULL /* ORDER: ORDER\nTASK: TASK */,
    "name" VARCHAR(200) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "description" TEXT NOT NULL,
    "deadline_in_hours" INT NOT NULL,
    "shared_with_all" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "owner_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "template_share" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "member_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE CASCADE,
    "template_id" INT NOT NULL REFERENCES "template" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_template_sh_templat_975bc6" UNIQUE ("template_id", "member_id")
) /* A template shared with one member. */;
CREATE TABLE IF NOT EXISTS "event_counter" (
    "last_seq" BIGINT NOT NULL,
    "company_id" INT NOT NULL PRIMARY KEY REFERENCES "company" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "order_event" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "seq" BIGINT NOT NULL,
    "kind" VARCHAR(16) NOT NULL /* CREATED: CREATED\nUPDATED: UPDATED\nSTATUS_CHANGED: STATUS_CHANGED\nASSIGNED: ASSIGNED\nCOMMENTED: COMMENTED\nPHOTO_ADDED: PHOTO_ADDED\nOVERDUE: OVERDUE */,
    "order_id" INT NOT NULL,
    "actor_id" INT,
    "at" TIMESTAMP NOT NULL,
    "client_id" INT NOT NULL,
    "contractor_id" INT,
    "responsible_path" VARCHAR(1000) NOT NULL,
    "comment_id" INT,
    "comment_visibility" VARCHAR(16) /* INTERNAL: INTERNAL\nCLIENT: CLIENT\nCONTRACTOR: CONTRACTOR */,
    "published_at" TIMESTAMP,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_order_event_company_71da1c" UNIQUE ("company_id", "seq")
);
CREATE INDEX IF NOT EXISTS "idx_order_event_publish_80321d" ON "order_event" ("published_at");
CREATE TABLE IF NOT EXISTS "notification" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(32) NOT NULL /* ORDER_CREATED: ORDER_CREATED\nORDER_ASSIGNED: ORDER_ASSIGNED\nORDER_STATUS_CHANGED: ORDER_STATUS_CHANGED\nORDER_COMMENTED: ORDER_COMMENTED\nORDER_DEADLINE_SOON: ORDER_DEADLINE_SOON\nORDER_OVERDUE: ORDER_OVERDUE\nTASK_ASSIGNED: TASK_ASSIGNED\nTASK_OVERDUE: TASK_OVERDUE\nMESSAGE_RECEIVED: MESSAGE_RECEIVED */,
    "text" TEXT NOT NULL,
    "order_id" INT,
    "task_id" INT,
    "conversation_id" INT,
    "event_id" BIGINT,
    "created_at" TIMESTAMP NOT NULL,
    "read_at" TIMESTAMP,
    "published_at" TIMESTAMP,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "member_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_notificatio_publish_890eb1" ON "notification" ("published_at");
CREATE INDEX IF NOT EXISTS "idx_notificatio_member__65d5e9" ON "notification" ("member_id", "created_at");
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSON NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return r"""
        """


MODELS_STATE = (
    "eJztXWtz4ka6/itdfDnZKjKZ8YxncpytU4WxPGGDwQU42UpIKTI0oLVoEUnY492T/77dLQ"
    "ndWkJCSIie9wsXqd9GPH17+3kv/Z/W2pxjw37TNdcbjby2rtB/WkRbY/ohfquNWtpmE9xg"
    "Fxzt0eBlZ6FCj7ZjaTOHXl5oho3ppTm2Z5a+cXST0KtkaxjsojmjBXWyDC5tif7nFquOuc"
    "TOClv0xm+/08s6meMv2Pa/bp7UhY6NeeRh9Tn7bX5ddV43/FqPOLe8IPu1R3VmGts1CQpv"
    "Xp2VSXaldeKwq0tMsKU5mFXvWFv2+OzpvD/q/yP3SYMi7iOGZOZ4oW0NJ/R3H9XgWktVB8"
    "OJOlYmqtoqANDMJAxc+qg2//dL9gjfXrz78OnD9+8/fvieFuGPubvy6S/3pwNgXEEOz2DS"
    "+ovf1xzNLcExDkDl7wlYuyvNEuPql48hSx85jqyPYxa0/oUA26A/1QHuWvuiGpgsnRVD9O"
    "3bDCh/7oy6P3ZG39BSf2M/adIB4A6MgXfrwr3H8A7wdfQ1/rdJCmEclqkP59bDpNuqBeiP"
    "H3Lg/PFDKszsVhTlmYUZGqrmJHG+oXcYomKso5IxtOee6Bv/wzn2cfoH50NivHoTVwb0k9"
    "6dMp507u7Zz61t+0+D49eZKOzOBb/6Grv6zcdYM+0qQb/0Jj8i9hX9OhwoHF7TdpYW/8Wg"
    "3OTXFnsmbeuYKjFfVG0emmP9qz5qf7HVYfEUmsrYhUdt9vSiWXM1cie0cpBn3dEYcnayf1"
    "x7wrc/jbDBCwl6grdQ9nYVnWFP+Mvv+/7VoEeENAK8fsSWvdI3JaG621UkK1S0o9K+bOOS"
    "QHXcamRFid51qKpYEqSuW4usIJlb59H8ouK1phslkRryqhRWUw60vGn2rMCiG5E1JuV7FK"
    "9F2h5lzensW7IrsTpkBWizMh2zJED3rA5ZAXI0+6kkPhNahbTw4PWG/v+yq//Eq0ZWmPg8"
    "pOLn8hM2n42UZ4nnbGI6+kKfHWOjMghVJRNcbLdnXphp+7/orXgvnJlb4rgrmhjZIcETk7"
    "7k7IzdoD4J1Sw+Zo+JGR+78mHGOuD6Yh3rkmuNaEv+lKw6JpykEARMfJRgSCfj9Wi5fXx8"
    "q0MQ/pbtCfAcGTp5Qo6J/mXqBGnI4/V/QM4K08tPmCDdRrZjWrTsSrNX9E0jc/RiWk82Ms"
    "kMv2nFEKugerATNMtOgP0NZV4Seycgo6XgMg+DTUulWwouExy2ZRopVgKFbNcc5B59Jo2O"
    "kATYvmyTsW4NfxkooyvE36ZkPOnc3l4h/jYl3X5PGUyukPtOvw8Hk1GnOxlSgeBzfN7J01"
    "bvPuZoqndxFjtoKXYr2lC1mswatgrWYjFz0gZCmrnMKdH7v0KA2SKssqW3EMoRqeNMNKdd"
    "McEmCTbJo9gkI7umLxud1nZAq0clJWz1M2llH5PMZtZmM7w5bHTHRI/Q0A1bwmRqZ2/3qh"
    "baU0aF9u8tz2DsHmd7mbAKF8U1LHQQrg0bKseGldNCdGp5LNhjE3LQaQXoupyeVQzaqBB0"
    "WhfWhBtXYspNQnxrWlhfkp/wa4IMSTXx+zWdWc9NI5vpZUt72XGesZWGIkD/N3bcnVxn3O"
    "3cKK2U+eEI8Erp4RVHODEz7gfZG/F1I9ywWSIvwNH5cT+6s8ATrPT0kNen7EyhjepLYmjT"
    "3WcLmVoLGsH65lInt5pubC3cEpjBIvfbWYYwg5VUF6Gi+21haOFZqpgs0hzmyuG0kWvqnK"
    "MNtjxrFjdMsa8zQ8fEQZ7HJ1qYFmLdBRn6WndoUwksYhX9CNjFmmUXe8KCpTSdRfWKV2Wn"
    "OR1/+j4XU/0+g6l+n2SqDyBXaiTPagVbLsa0QBRHlctQSL8SLEJR7St9CVpHy+VYf+hsb5"
    "sE0XXBJDjwkPhjozmrP5h7BPOVWNPOaemaodt0uTCt5beOhTFiRdoIv1m+QX989+67T999"
    "uPjuD9HyU8lvCFaf38Ibtq1NL/4OC9IJFyRwIwA3guZvv8GP4PwBZstEEXz98vIpv+/e5s"
    "KXFUufIN4mEQYXgq9FIQ63uqHZjuryGsUbPiEM9mWwL5/BcAb78jnAChbQSmBl2+ZimIYk"
    "YPyDTfmUNmXO+ZQH9sGWKtY8jmpowIIFuTYL8ogqaKNedwIm5JOYkIUZmFTbC+EWx5NCGq"
    "Y4Xr75oj7IzqSzRsPn8Ma0yuYYkHG6jKBkY9sun11g7NYi6+CDBEN5QPIYxjoTDZ3jiLOw"
    "vaEFdPoPasXqLDsV1becra3OVhpZls2sw4Ea8wq7vD5JOxgkstqXp5EuVktCpyrIaJVrRg"
    "eYIPHX8WBS7ZVmHQusMatLVsQg/ddx038VdAYc4QXtp6sJy3PQErgDRu63sxwCLbek6uyK"
    "wnkJdXWdqt3rIHkGJM8AzxdInnGiJbHprZzL6WVrHzSyQ2Lg1NTk9vVIZqFHw8ND70bcvF"
    "GpWAtvt/r8DZOVa+i6QVFuW4Vbgf/TTI8GO6DgS9ow5SPz2zEjZrRnNSkO1sdesN0INUv6"
    "TiPUC/LEHXkbk2/dNKwLba0br1c8PsiNUjXdYKE5ftZn+Ada/Nl8og2AdAdhMrcRfsbWq5"
    "fE1VzQy6LAo2p+5Mj7oPRp6PjTz35FvfX3xZbMWDsh/kvs5cP/tRo3H7UzNkagsX+NGjsf"
    "vQe1elQSFLomK3RBhGtBz9+4HPiq7vdVjYYT1+n/1zSgczsAxrvZ4X5qEeq2JAkfJ4wlQb"
    "9SEp57AQu0Yd87OF0V5g62XMPMqw3zwq5mGs7Eotn2i2nN24gbrubo8RVphsFUUc0Lqv8f"
    "G4WOSRTpwMesGiwAzbIAnPokhAbx/pWcg+CPksJGloQgRMrnC+SGrVs6+nJt3Qrk3YEjgR"
    "ugDvlnAws0otCxwelKkRYqBD4Ismgg9F/jQhrITkC+zCbv8mbeyEq8kUgdg78IlsIM9w6v"
    "vIQKx2UufC8z8L1M4jvHjvig6wkFUgxxSESGTpylRyj/nERUCB/Kb+46//xbRI3oDwef/e"
    "Ih6Lv94XUMcbY0O9u5IB/SrWFqKZiHhWKgL5iUVLDfDB+u+wq6Hynd3rg3HET1NX6TXaIX"
    "dD+2tNOPo2yS5QEwh6UA5xw4w4YlffaWa8MCuXKqUi9PnytHRlwhB8lJcpCcIqPD+WJ7nJ"
    "QOEMxaMxnkd00BGRTqtelkUGiQVEoGRTJCP9Eb7J0/8O/AE9XJE/nYJ2mM/amgfdkmUxqt"
    "c0r3bOClZqgL01of2iTRGhrdMPfKaDwcXCH3fUqGo8+dQe/XzqTHroa/NaNxIBd3tQd51G"
    "wzbxgbUofRnIJUqAfvBOQD+DIfY51BWCftAXTutbSUmTvNJhDIyIdxNWYX+gsiRTAD5J2E"
    "fBAfvxsTU5i1It3oshOQAd26TS7NzZV8fnscoP6B+gfqHyjqRtGo+ynqPDRqKNNrOS5V+g"
    "yvLL+rZqieO2I5sKRP9Op5/pVNvBXyMpRkHEfXFX7kLuTl3J8Rl3B7gWlBvtearT7DrfNo"
    "flE4Hyaw/IRvt7OsPyYvqO6INfAHPiutrZ1h53FTt+bmTExJmetKiFV7+/gvLPIsSAc4JC"
    "IhypXYBx7NuWDXkU5M+eWlwLduYgoolPSuLi+Fwk5dOaDJQ2KQo6PJOTpORZE1rEklZMga"
    "hnA9BFm1jnTuySxCR7rdoS1ZjnRBoWod6Ux/o/ys2/qjbujOKzjR1bu5AtW0RtU01M0TkO"
    "dzkovW0ORGYH1PGQ06/Svkf5qSc/JohH1EOvTy7iPozZVZ0KshIgOGWGEMFhi4q8CVK1DF"
    "UA2LAKbN3BI1DeKq4tp2+n9JZGUzTsZxDY/Z/ai6y9ERYJUyoVEc28jinXK69mn28W6vFh"
    "lF/e6eYQ7dFTnqDj4S+0Y3K7R7uBv2tPg498RLtxm1uaET3KLFI0WiN0QCwAjUyQh4zZof"
    "2EAA9AmBjubojlEodmUn0OTtfZPMq+EnS+CclXMpIlYf2q1WtWtebXxWMFkfwmUF0jVCP1"
    "B+KYg+E7lC9GVKOuNx7/NAublC/qcp6Q3U+9HwM1UWxozp2n2ZkpvhQLlC7HVKup1BV+n3"
    "mejuYzNort0ym2jFbJIrLCchxXUmlFYu26ltbq1ZyhKUY5jupJu8HrUoSLe3V4i/Tcn9cD"
    "Rh1LP7PiXKXadHv/K3KZkofeXzqHN3hfxPU/KLck2HyOQKeR/oaL/v0YF+32vGON1YuqgN"
    "b/BMX2tGShSsLxMfoK7QG0/4bI20InBvlG7vrtP/5t1F+4LDG6Ra83H/kEwRHTgAL3BRlJ"
    "PCAHc23LRebBHNUFkEZhGVLSEIkZvFtTaKDHucBOxj2jeN1F1eICWRH837i08fd/s79iVr"
    "azem/byf3N/RMT9nhE+RfhyWgS4MPp5gm81jm91u5ge2elQSWr0prS7YvgiCs9YbRskfNN"
    "pjsuDj25yGTo5v8xlb8y1mOcCKNnRMFNq5ye3MGso2afsc0NBxWWjpJre0F6Zd0J0qIgQ2"
    "JZE/lRvYXcydKiwDqIKXWo247giywknYI3ISMQ9Hzxj1WLTfxuUA3CS4dB3a0F/Q6Z8thm"
    "5SEGYG8LUsoP4d/wwBvvwfBVrpjxAIa0opLoECLfcI2MqXjyiObVS5zwFuoATU2ncbtrDl"
    "nxViKlMOhENr1REg/iqchpPLe56evNO46ob5XDtzXEWNgEyfAg0e+v18eQi9oOaSmb1C8d"
    "OS9OxID13pNp05BN2zcPazMfft6640sjxHc0outDYr0zFLdqh7VoesADma/VQSnwmtQp4J"
    "rtpMemzcdc0tc5FppUWN+Pfbe4NH6NMHRfcFkbQmK4wMzXYQl0VuSAAyF0hD3kblB6Q7Nr"
    "LMF6TbyDBnT3iOXla6gWkRrzi94WhPmLxpxVCuoPoSSf4aQxNKHYbCmlstHIsSk6qPdHnb"
    "YJgTjEuReLYc7MyQ4IlJX6rnZk7a4yvLDFR+2o+oW2lzf1wn27cAuPEZ6iwQgJyqssyuC8"
    "tcq+XCd2JVNNiNUfIIHscs2ZKRChod5CF3Qxb3bwN/xmY5xeQ87GUttMSku4uHRBo8zTbW"
    "W7yoaRxM4glNAlIO1WgGh7Q4+TZaxdLigNklJ6yHm1uqpDddplywt91R6On72c2uyF4is0"
    "OQvqZPgDTH0WYrPEeOiTTiEo8/ILp5RQvdwDYy9GeMdIJ43YjZTZjUljB+0tLI3FyjJ/xq"
    "J7nMSn4B9tfN2l9Lfzb9tXI7HNE9lfvOMrne3fcV9wD04DPdk43HD7QYf2vGLmumpWSKSc"
    "/IExKRQf+OH8Sb7yTerKN4ExHe3myl0gmqCNAxseOMgNNONNEzfHJhfZGB9YXgXOnVdv1I"
    "NN0oinZCEPDOgzfzsWL+gRymIrNITK7J8/vBc0muqaTAod4v+pzWnF9B2ZWHjaZg876iu5"
    "2VgHpKhTMQADwFeNr6vwVTQCqafnHAEo4+LwS11Gx4M5xpTt3EQNM2HtPtxjC1+QGxdklB"
    "wBeiwY7J2ULm/SaYGELjvG5bw7kCnJwaG5WDn/ufC4wOvl96us3B8UtUe4Rejlz7kFL/1N"
    "YASAEPKeCjaEMK+NOlgB/eK4OC8HOZK8Rez8WZEPK6Fx4fDaJOfEwyuRML/7nVaX0qVXVo"
    "GQPPl1jsWnhtmgbWiLjFs6qJ9YBHWk9Vjb67Um+rXw+H/UiDX/fi097D3bVCR18svXWSHw"
    "jhdwiNKRCH7HZNHn/AWKevbnIz1pCP9msY35CP9utoZ8229SXBBVO8xaSA0YeMmvXhyvSH"
    "wuk0I0KAa0Ospg2b2MGo1xjbSFGjnr8ige0pH76xFTxvCjc4Wzt3B46sODnwrdss3bC5t7"
    "RV+tRBWhNM97caf5akydS/1840m4ZLQb6Rc1r12xkWUOnjoYajG2V0hfjblEw645+uEHtt"
    "hjGIvwvhF3drv3yTIT/Q/FxNCA4Y+MHAH0FbGgO/bw9WdaKuzK0lsPWnro5CWSAeRIEkdK"
    "bAc/VFd1aqZhgFLbgCaTDcFjDcgiEvvaPLbcgDcroCEvWFFCZRQyKAKbCop2RReV8Ehi8n"
    "ExUauDky3aZ0Z66/lM0U7xFHY1aXRIhXmjM+CloGabdDdT9zp9q7svuzLSFfCrk6LGI6LD"
    "IJRms+fATpk3KJCPi/3yLcolvWDYQAVvBErKDbCMVUhYgM6AoC/Ws3EAvhGpMCZPdrYeH5"
    "pKSyEDaOnBnIeVWFWAfbr4h5UzRoYrngjcyLRVWxKnUM5RkTJ+Ncmsj9TA0Ds5KFzqWpxE"
    "DYGN5Aat2An+Ri4z8FuwJ9mX3+iyclzeEv/3tx8f79p4u37z9+f/nh06fL79/uwE7eykL9"
    "uveZAd8OE25wRExDOYnjzcDcG4ZPs6L5N3Q3c/Z1nU7wruBR595oIDsdv6U2ZlkzhGR7sx"
    "rmhqxZuvAEXfvcLEkTfEWuNN2R0pnwiGr3w5Q83N+4V7wPUzKedCYPY7X7Y2fwmd2Ifhcf"
    "D9Md3t0pA7dm/+OU3P84nAzVzs0Nux76MiXDn5XRDUte7H2IU1GnceWBxF7HZ0zCB2bnjf"
    "6ZlQylaJjr6dEhhbOMvgYTuqGzLXmxnXBYBqYjYdQc4ap14QCvuBxMTElwaeff0F/Q6Z9V"
    "N5oot3S616ZItsmq1IEOnO/e5vLgZMXSFZe3osTp/BizwsTZuuR8IXmP9hF61mnP1A3dST"
    "kEYP/2QFxTg4+8YGgoo0Gnz857dD9RPb/fo7o9VfL5O9P7B5NRpzsZjpji739uhja/2T4a"
    "ur06yPcwLltLkoETsGlNV5R8kMDZ8PQmWXCMq5CErs1kODAdfaHPNO+fJyjryP12FmlN4i"
    "WrzcYamKxDjuGQbBVCDY8eaqjuWNLI1ylxvwb8Z/S7fz/On4qu+mVDvGnsgl/iRunc9HsD"
    "RR0P2flvgot+yYBTDX91AyZDDx356t3diYa/TQldmsedz4o6UrpK72cmHL9yiKb3/iJPCN"
    "tFegTbRSJEEH8pdOazX77JXfEomlwVQWuQx+X4XoWa/VTQozCQAECFLN8ztmyumhTm+eKS"
    "AHASYNddrKh/QFhKIlRrNlJDRGV6g8hrDmL/7IAmD4lBoswmk1jAVn4lDQ1sZTUqCQQ8HQ"
    "tV4IBPEhwNMTlF0G1sTE4HW/ps1RJQ696ddhaprgVlIEPfOU2a7QzanDEKwuRa6e4wIREp"
    "WMpYorjLyxwcMC2VniiO3Yu5RW42RRD2ikuI7ru8LkZZHkZJByPiCM8/+sd4OEj3mROfdT"
    "TXZw76f0Q3LeeoY2WAy8DIZtzj5Ho7usNgFVyXDRoru5j99V+JBjS4"
)
