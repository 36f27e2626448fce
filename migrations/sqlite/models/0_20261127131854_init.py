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
CREATE INDEX IF NOT EXISTS "idx_contact_company_251c9a" ON "contact" ("company_id", "name", "id");
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
CREATE INDEX IF NOT EXISTS "idx_membership_manager_a45ecf" ON "membership" ("manager_id");
CREATE INDEX IF NOT EXISTS "idx_membership_contact_764db1" ON "membership" ("contact_id");
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
CREATE INDEX IF NOT EXISTS "idx_address_contact_40047b" ON "address" ("contact_id", "id");
CREATE TABLE IF NOT EXISTS "outbox_email" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "to" VARCHAR(254) NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "sent_at" TIMESTAMP,
    "attempts" INT NOT NULL,
    "next_attempt_at" TIMESTAMP,
    "claimed_until" TIMESTAMP,
    "last_error" VARCHAR(500),
    "failed_at" TIMESTAMP,
    "company_id" INT REFERENCES "company" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_outbox_emai_sent_at_6f1407" ON "outbox_email" ("sent_at", "failed_at", "next_attempt_at");
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
    "cancelled_at" TIMESTAMP,
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
CREATE INDEX IF NOT EXISTS "idx_order_company_329166" ON "order" ("company_id", "deadline", "id");
CREATE INDEX IF NOT EXISTS "idx_order_company_720dd4" ON "order" ("company_id", "created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_order_client__88f882" ON "order" ("client_id", "deadline", "id");
CREATE INDEX IF NOT EXISTS "idx_order_contrac_8ae394" ON "order" ("contractor_id", "deadline", "id");
CREATE INDEX IF NOT EXISTS "idx_order_respons_d78c0e" ON "order" ("responsible_id", "deadline", "id");
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
CREATE INDEX IF NOT EXISTS "idx_order_statu_order_i_ded851" ON "order_status_change" ("order_id", "id");
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
CREATE INDEX IF NOT EXISTS "idx_photo_order_i_8ff1ff" ON "photo" ("order_id", "created_at");
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
CREATE INDEX IF NOT EXISTS "idx_task_company_1d24e6" ON "task" ("company_id", "deadline", "id");
CREATE INDEX IF NOT EXISTS "idx_task_assigne_472780" ON "task" ("assignee_id", "deadline");
CREATE INDEX IF NOT EXISTS "idx_task_creator_afb4b6" ON "task" ("creator_id", "deadline");
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
CREATE TABLE IF NOT EXISTS "api_token" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "read_only" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "last_used_at" TIMESTAMP,
    "expires_at" TIMESTAMP,
    "revoked_at" TIMESTAMP,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "created_by_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE CASCADE,
    "member_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_api_token_company_cdef59" ON "api_token" ("company_id", "created_at");
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
    "eJztXWtz4ji6/isqvpzZKqanO510z8lsnSpCSA87BFJAZramM+VxQAneGJmxTdLZPf3fV5"
    "Iv+CIbG2Mj1O8XLrZeYR7dXj3vRf9pLa05Np03XWu50slr6xz9p0X0JaYfkrfaqKWvVpsb"
    "7IKr35u87CxS6N5xbX3m0ssPuulgemmOnZltrFzDIvQqWZsmu2jNaEGDPG4urYnx1xprrv"
    "WI3QW26Y3Pf9DLBpnjL9gJvq6etAcDm/PYwxpz9tv8uua+rvi1PnGveEH2a/fazDLXS7Ip"
    "vHp1FxYJSxvEZVcfMcG27mJWvWuv2eOzp/P/aPCPvCfdFPEeMSIzxw/62nQjf/de21xrad"
    "pwNNUmvammtUoANLMIA5c+qsP//SN7hO9P3p1+PP3x/YfTH2kR/pjhlY9fvZ/eAOMJcniG"
    "09ZXfl93da8Ex3gDKn9Pwdpd6LYY16B8Aln6yElkAxzzoA0ubLDd9KcmwF3qXzQTk0d3wR"
    "B9+zYHyl874+7PnfF3tNTf2E9adAB4A2Po3zrx7jG8N/i6xhL/2yKlMI7KNIdz63babTUC"
    "9IfTAjh/OM2Emd2KozyzMUND0900zpf0DkNUjHVcMoH23Bd9E3w4xj5O/+B8RMxXf+LKgX"
    "7av+5Npp3rG/ZzS8f5y+T4daY9dueEX31NXP3uQ6KZwkrQb/3pz4h9Rb+Phj0Or+W4jzb/"
    "xU256e8t9kz62rU0Yr1o+jwyxwZXA9S+stXh4SkylbEL9/rs6UW351rsTmTlIM+GqzPknH"
    "T/uPCFr34ZY5MXEvQEf6HshxUdYU/4GvT94OqmR0Q0Ary8x7azMFYVoboOK1IVKtpRaV92"
    "cEWgOl41qqJE77pUVawIUterRVWQrLV7b33R8FI3zIpIjXhVPVZTAbT8afaowKIbkSUm1X"
    "sUr0XZHmXP6exbsSuxOlQFaLWwXKsiQDesDlUBcnXnqSI+U1qFsvDg5Yr+/6qr/9SvRlWY"
    "+Dyk4efqEzafjXrPCs/ZxHKNB2O2j43KMFKVqnDpK0NzrSdcFavOypiyalTCie2KrRMra5"
    "8cv5UcrTNrTVxv5RejOiJ4atGXgoO2u6lPQXWUz237xIzPcephxjrg8mSZ6JJLneiP/ClZ"
    "dUw4TbUILBZxIibbaGHEy22zW7Q6BOHv2d4Jz5FpkCfkWuhflkGQjnz7x0/IXWDE5x1kOM"
    "hxLZuWXejOgr7pZI5eLPvJQRaZ4TetBGI1VA/2FLnsKTjYeBcl+0MBFS0qZ0WYfloq26Jy"
    "luL6bcvMsKb0yHrJQe7TZ9LpCEmBHcjKjHVr9NuwNz5H/O2OTKadq6tzxN/uSHfQ7w2n58"
    "h7p99Hw+m4052OqMDmc3LeKdJW7z4UaKp3SbZ/01LsVryhGjUtSrYKNmJZdLMGQpZZ0a3Q"
    "+79BgNkirLGltxTKMan9TDSHXTHBdgu2273YbmO7pi8rg9a2Q6vHJRVs9SNp5QCT3GbWZz"
    "O82m10J0T30NCSLWEqtbO/e9VK7SnjQtv3lkcwdvezvUxZz8viGhXaCVfJhsq+YeW0EJ1a"
    "7kv22JQcdFoBuh6nZ5eDNi4EndaDNeXulppy0xBfWTY2Hskv+DVFhmS6QgQ1HVnPzSKb6W"
    "Vbfwk5z8RKQxGg/xu73k6uM+l2LnutjPlhD/Aq6QmXRDg1M24H2R/xTSMs2SxRFOD4/Lgd"
    "3dnGY67y9FDU9+5IoY3rS2Jos92MS5laSxrBBtajQa50w1zbuCUwg8Xut/MMYSYrqT1Eim"
    "63haEH31LFZJHuMpcXt408U+ccrbDtW7O4YYp9nZkGJi7yPWPRg2Uj1l2QaSwNlzaVwCJW"
    "04+AXUwuu9gTFiyl2SyqX7wuO83h+NP3hZjq9zlM9fs0U70DudIgedYo2GoxpiWiXepchi"
    "L6lWARimtf2UvQMl6uwPpDZ3vHIoiuCxbBGw+JP1e6u/iTuUcwX4kl7Zy2oZuGQ5cLy378"
    "3rUxRqxIG+E3j2/Qnz+8++HjD6cnP/wpWn5q+Q3B6vM5umFbO/TiH4kF6XOoEdMbn0MF7g"
    "9YqJpcqMC9ANwL5N+Wg3/B8QPMlo8y+Abl1VOK370thC8rlj1BvE0jDK4F34qiHG11U3dc"
    "zeM7yjd8ShjszmB3PoLhDHbnY4AVLKO1wMq20+UwjUjA+Adb8yFtzZwLqg7sraNUrH4S1c"
    "iABctyY5blMVXQxv3uFEzLBzEtCzNYaY4fAi+OM4U0Vkm8ArNGc5AdSWeNh9XhlWVXzdGg"
    "4nQZQ8nBjlM9O8PEq0XVwQcJmoqA5DOMTSZqOsYRZ2NnRQsY9B80itVRdiqqb7lrR5stdP"
    "JYNTMRB2rCK+zy+hTtYJAIbFueHbpYPRI6VUFGsEIzOsAEidP2B5PmLHR7X2BNWF2qIgbp"
    "03ZMn6YZjrOuukFWMYsaZJurIdtcSd/TMX6g09/Cw0zgfRq7387zP7W9kl4r8qJwjElTXa"
    "dur03I1QK5WsChCnK1HGhJlL2VC/lSrZ2dRnZEDHzlZG5f33YhdJS5ve1fips3LpVo4fXa"
    "mL9hsmoNXS8Gz2uraCvwf5rrKONsLDsVTePq2YjaCdt4vGfJFHYdYC/YbkSaJXunEekFRc"
    "Lc/I3J917W3wd9aZiv5zwczQuKtrzYtDl+Nmb4J1r82XqiDYAMF2EydxB+xvarnzPYeqCX"
    "RXFu9fzInvdB2dPQ/qef7Yp66+8PazJj7YT4L7GX0/9rSTcftXM2RqCxf4saOx+9O7V6XB"
    "IUOpkVuk1AdUmH8qQcuEBvd4GOR6836VYqG9CF/UqT3Wx398cYdVuRgE8SxoqgXysJz53L"
    "Bdpw4HSerQpzv22uYRbVhnlhTzONJv7RHefFsudtxO2hc3T/inTTZKqo7udw+B8HRU4vFe"
    "nA+6waLAByWQAOffCGRLx/LcduBKOktJElJQgJGIrlB4CtWzb6am3dUmpnEZ0ITuo+mDoU"
    "HNkt0Igip3lnK0V6pFCdPgibJFJtrkhAKqlGVRL6r3EplSQUUC+DzruiGV7yErykUhThL4"
    "K1Mcffwy+voAZyVgjfsxx8z9L4zrErPpB+SoEUQxwRUaET5ykWvX9OYzpFAOV3151//i2m"
    "VwxGw09B8Qj03cHoIoE4W6vd9VyQd+vKtPQMzKNCCdAfmJRSsF+Obi8GPXQz7nX7k/5oGF"
    "fg+E12iV4wghjmziCJskUed4A5KgU4F8AZdjDZs7daOxjIyVSXenn4nEwq4gq5bg6S6+YQ"
    "mUOOF9v9pA6BoOmG2aGgawrYoUivzWaHIoOkdnYonKCe6A32zh/4Dy//eHgzSJ0MFFLjx2"
    "b4zZJmOLZnIw9kZWY7WseUcdzEj7qpPVj2ctcmidcgdcPc9MaT0fAcee93ZDT+1Bn2f+9M"
    "++xq9JscjQPp4Os9Y6Zh+7pkREkTBnYKUqkeHAqoB/BZMTI7h8tOmwro3GvrGTN3lrlgI6"
    "MexvVYZOgviBTBHJBDCfUg3n83JpYwcUq2PSYUUAHdpq0x8qbrPr49DlgFwCoAVgFgr6Vi"
    "WLez10UY1kiy4Wo0q/JJhlmKYd3UfNfFamApn2vY9xKsmvst4pGoyDiOryv8NGhIDbs9KT"
    "PhpgTLhpTDDRuERmv33vrS43yYwCgUvd3OMwxZvKAWEms1W4fYOQOBks7PaPe/ELrZ1PyD"
    "2tklMAk1nOqsFL1iKUpy18LBOuv7f2GRf0I2wBERBVGuxZRwb80FG5RsDisorwS+TXNYwL"
    "Zkd3V12Zbo2l2iySNikPpD5tQfvvolUOIz9auoSHNM2luptayIYSWh1JYcOAJxGEAyD6CZ"
    "qdM2mGtr4orcGrasjElhaGuZ25qf6Y1t2xKcCJkXjBmVUsF82kDEYIwoKDOkYoIwnGQeTo"
    "ey5EnWpAoa8iRDuBk7Xr2hAN4ZhsJQgPB4w7xQgE2hesleK+Dznw3HuDdMw30FYrdZYhdo"
    "sQZpsUg3F+qE23354zXI3Ais7/XGw87gHAWf7sgxBV4Ah5kNvbocJr25sEo6X8ZkwF9MGE"
    "UOfnh14MoVqHKoRkUAUzm3RLJBXFdkfqj/V0RWNR+qJK7RMbsdVW852gOsSuZoTGIbW7xj"
    "4I6pLjHud6eH2sd7vVrkuxV09xyvrbDIXnfw8QD9Nese3oY9K8LfOxvea0Z9bhokHecf3m"
    "h7sf6J23FlOizAHTCzxQO3w6wSVGFc0Z5hMLgyiogeHbiJJrkJv4MVB3YjAJqNQFt0Ddcs"
    "FewbCshMNMjkZBZ9shTOefkrY2LNod1q1bv6NsasbSbrXVi1jXSD0A97v5VEn4mcI/pyRz"
    "qTSf/TsHd5joJPd6Q/1G7Go09UbZkwzi38ckcuR8PeOWKvd6TbGXZ7gwETDT/KQbhFF+Ey"
    "dFtUTkGy7UjItUJWXMda27OMJajAMA2lZV6PWhSkq6tzxN/uyM1oPGUkuPd+R3rXnT79yt"
    "/uyLQ36H0ad67PUfDpjvzWu6BDZHqO/A90tN/06UC/6csxTle2IWrDSzwzlropHqOhTHKA"
    "ekJvfOECrSinuVgE7mWv27/uDL57d9I+4fBu0tYGuJ+mz9/YREw94LIop4UB7ny4ab3YJr"
    "qpsZQVZVS2lKAKvlpNa20UGfY4KdgntG+ambu8jZRCHj3vTz5+CPd37Eve1m5C+/kgvb+j"
    "Y37OqKcy/TgqA10YIl3ASlzESrxezXds9bgktLosrS7Yvgii2ZcrZhzYabQnZMHbWJ6GFn"
    "gbs/2nuZtTeVIWWlrmlraesT1fY5Yet2xDJ0ShnWVuZ9ZQjkXbZ4eGTspCS8vc0n4Go5Iu"
    "fDEhsB6KfPi8nEflXPiiMoAqeEY2iGtIhZY+uigmpxDHtPdkqvdl+21SDsBNgxtxTSqHbl"
    "oQZgbw7y2h/u3/5K3QS68ytMofvBXVlDLcUAVa7h6wVS9VZxLbuHJfANy4/2hjfVeyha34"
    "rJBQmQognPC/BUf17TCnl/ciPTnUuJqG+Vg7c1JFjYFMnwINbweDYim6/UD6iklvIzH7iv"
    "TsWA9dGA6dOQTds3Ri4An34uwudPJ4jIazQmitFpZrVexQN6wOVQFydeepIj5TWoU6E1y9"
    "SabZuOtaa+YM1cqKVArut7cGLNGn3xTdFrjUmi4wYvmyEJdFXvAHsh6QjvyNyk/IcB1kWy"
    "/IcJBpzZ7wHL0sDBPTIn5xesPVnzB500qgXEP121OiZMYXSUMTKh1wxLOvlY46SkhBmksh"
    "41ImhrIAOzMieGrRl/q5mYP2+H0yM3ue9mPqVtbcn9TJti0AXiSONtsINJSBCk6Zbnqyfb"
    "CtpVYtbitRhcT+q4qHbrlWxZaMVSB1dI/aDVne3Q0cWeXykSl4LOJSaJjJjhOIiEg8zUob"
    "JlDWUg4W8pQmAVmvGrSKQ2amYvuucpmZwApTENbdrS91sp0ecS7Y6oaMevb2dhUW2cprdg"
    "gylvQJkO66+myB58i1kE48HvInRPey6MEwsYNM4xkjgyBeN2JmFCa1JoyutHUyt5boCb86"
    "aWqzll8otd2OBL/BtrvRbfcT/Vu77tICWak3aBe9q9GYbrW8d5Zj+PpmQFXu0ZDlGA4+06"
    "3aZHJLi/E3OTZfMz0jc1B2hqaIiApqeQOHhfiTmEbnrTJAJ8T2MwIOO9HET7YshPVJDtYn"
    "aazdxXp5T3TDLIt2ShDwLoI388RiXoQcpjKzSEJO5vl957mk0FSSM5MkwX4x5rTm4gpKWB"
    "72n4I9/YJughYCRioTzo0A4CnA0zH+LZgCMtEMigOWOeEukOPjGyPJ5XC5OXQTA3srPabr"
    "lWnp8x0i8tKCgC/EjO2TyoUzIWSwPETGedMmiGMFOD01SnU6BPdSF9giAu/1bFOEG5So17"
    "Wu+ikQuuPQbomxQJDp1YnTHf6AQxtksC/AIQNwyEAcbThk4HCHDIxuesOS8HOZc8Rej8Vr"
    "EU4OKD0+JCJjAkxy2Rgb/7U2aH0aVZ5oGRPPH7HYh/HCskysE3GL51WT6AH3tJ66Gj280m"
    "yrX4xGg1iDX/ST097t9UWPjr5EAvU04xDBbxdiVCAOWfVkHn/AgWevbmpz4JDx+FsY35AH"
    "99to54BTKZkeNS4FNgLI5Nkcrh7Xt0OmyWo5PFXH9RB2WMkmdjATSmNtKWsmjNoGwJpVIA"
    "difAUvmjoOzpEv3IFjK04BfJs2dEs291a2cx86GmyK6f5W58+SNsIG99q5hthoqTqNsWAB"
    "hQirPUZYjcaXvfE54m93ZNqZ/HKO2KscxiD+LoRf3K2D8jJDvqP5uZ6gHjDwg4E/hrYyBv"
    "7AHqwZRFtYa1tg689cHYWyQDyIQlPoTIHn2ovhLjTdNEtacAXSYLgtYbgFQ152R1fbkAfk"
    "dA0k6gspTaJGRABTYFEPyaLyvggMX0EmKjJwC2TYzejOXH+pmqHeJ44mrC6FEK81V30ctB"
    "zSLkR1O3OnOWHZ7WmdUCCFPB0WMR0WWQSjJR8+gjxNhUQE/N/nGLfolfUCIYAVPBAr6DVC"
    "OVUhJgO6gkD/CgdiKVwTUoDsdi0sOp9UVBaixpEjA7moqpDoYNsVMX+KBk2sELyxebGsKl"
    "anjtF7xsTNOQ8ndj9Xw8CsZKnzcGoxEErDGyitG/ATZBz8l2BXYDzmnzvjSylz6Mz/npy8"
    "f//x5O37Dz+enX78ePbj2xDs9K081C/6nxjw7SjhBkfTSMpJ7G8G5t4wfJoVzb+Ru7mzr+"
    "d0gsOCe51746HxdPxW2pjlzRCK7c0amBvyZunSE3Tjc7MiTfANudJ0x73OlEdUex/uyO3N"
    "pXfF/3BHJtPO9HaidX/uDD+xG/Hv4nNouqPr697Qqzn4eEdufh5NR1rn8pJdj3y5I6Nfe+"
    "NLlg7Z/5Ckog7jygOpwvbPmEQP6i4a/TOrGEohmevp3iGFQ5O+BRO6abAtebmdcFQGpiNh"
    "1BzhqnXpAK+kHExMaXBp51/RXzDon9VWuihbdbbXpkhWZlVqRwfOd28LeXCyYtmKy1tRKn"
    "Z+Xlpp4mxZcb5QvEcHCD0btGcapuFmHCuwfXsgrkniQzQYGr3xsDNgB0t6n6ieP+hT3Z4q"
    "+fyd6f3D6bjTnY7GTPEPPsuhza/W96bhLHbyPUzKNpJk4ABsmuyKUgASOBse3iQLjnE1kt"
    "CNmQyHlms8GDPd/+cpyjp2v51HWpNkyXrzu25M1nCYG4Qa1qTz8BhDLWRJY1/viPd1w3/G"
    "vwf3k/yp6GpQNsKbJi4EJS57nctBf9jTJiN2opzgYlByw6lGv3oBk5GHjn3174ai0W93hC"
    "7Nk86nnjbudXv9X5lw8soumt77kyIhbCfZEWwnqRBB/KXU4dJBeZm74l40uTqC1iCPy/69"
    "CnXnqaRH4UYCABWyfM/YdrhqUprnS0oCwGmAPXexsv4BUSmFUG3YSA0RldkNoq45iP2zHZ"
    "o8IgaJMmUmsYCt/EYaGtjKelQSCHjaF6rAAR8kOBpicsqgK21MTmdlTK0nLCTXw3vtPGJd"
    "XxmaGxZr7NQ0oNUPRatDCrmaU8ixwaQtdKeUR1Jcaj9YH7Ybx5D+cFoA6A+nmTizW0n3L7"
    "rXtNjuO4XylkOSInINJtcKsIfcWsAESbKDLMIE8TjMtbNTuydlgROSmSrAX1be4XGl2zku"
    "Ca0scyvb+JlqGruRu1FJaGWZWxlovxqP64meml4U2qQcoAukKpCqstN+QKoemFQVz70AcM"
    "Hum1x1pGKusW3MFi0Rb+3daeey1psycLbMMa1M7RxmmvnCCY+FyKZNIyIq8tNnZ0X46bOz"
    "bH6a3UsE9K9WZRD2iyuI7ruiwbF5sbHp0Fji+omV4gj/YzIaZnqBBiLJXbUxc9H/I9Nwjl"
    "GRzQGXgRHbS6d8xZNu4e34JplVcFE13VnVxezrfwHMF28b"
)
