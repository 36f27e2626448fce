from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return r"""
        CREATE TABLE IF NOT EXISTS "company" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "timezone" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS "login_failure" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "key" VARCHAR(300) NOT NULL,
    "at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_login_failu_key_2c4272" ON "login_failure" ("key");
CREATE INDEX IF NOT EXISTS "idx_login_failu_at_ce3ac2" ON "login_failure" ("at");
COMMENT ON TABLE "login_failure" IS 'A failed login attempt, counted per e-mail and per client address for rate limiting.';
CREATE TABLE IF NOT EXISTS "user_login" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "email" VARCHAR(254) NOT NULL UNIQUE,
    "password_hash" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "user_login" IS 'A login: one e-mail and password, shared by all of a person''s memberships.';
CREATE TABLE IF NOT EXISTS "contact" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "legal_form" VARCHAR(16) NOT NULL,
    "name" VARCHAR(300) NOT NULL,
    "email" VARCHAR(254),
    "phone" VARCHAR(50),
    "telegram" VARCHAR(100),
    "tax_id" VARCHAR(50),
    "notes" TEXT,
    "manager_id" INT,
    "created_at" TIMESTAMPTZ NOT NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_contact_manager_edd662" ON "contact" ("manager_id");
CREATE INDEX IF NOT EXISTS "idx_contact_company_963466" ON "contact" ("company_id", "kind", "name");
COMMENT ON COLUMN "contact"."kind" IS 'CLIENT: CLIENT\nCONTRACTOR: CONTRACTOR';
COMMENT ON COLUMN "contact"."legal_form" IS 'PERSON: PERSON\nORGANIZATION: ORGANIZATION';
CREATE TABLE IF NOT EXISTS "membership" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "role" VARCHAR(16) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "title" VARCHAR(200),
    "path" VARCHAR(1000) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "last_login_at" TIMESTAMPTZ,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "contact_id" INT REFERENCES "contact" ("id") ON DELETE CASCADE,
    "manager_id" INT REFERENCES "membership" ("id") ON DELETE RESTRICT,
    "user_id" INT NOT NULL REFERENCES "user_login" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_membership_company_a01ee2" UNIQUE ("company_id", "user_id")
);
CREATE INDEX IF NOT EXISTS "idx_membership_path_28713e" ON "membership" ("path");
COMMENT ON COLUMN "membership"."role" IS 'OWNER: OWNER\nSTAFF: STAFF\nCLIENT: CLIENT\nCONTRACTOR: CONTRACTOR';
COMMENT ON TABLE "membership" IS 'A person in one company; `path` is the materialised org-tree path, e.g. `/1/7/42/`.';
CREATE TABLE IF NOT EXISTS "invitation" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "email" VARCHAR(254) NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "name" VARCHAR(200),
    "title" VARCHAR(200),
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "accepted_at" TIMESTAMPTZ,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "contact_id" INT REFERENCES "contact" ("id") ON DELETE CASCADE,
    "invited_by_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE CASCADE,
    "manager_id" INT REFERENCES "membership" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "invitation"."role" IS 'OWNER: OWNER\nSTAFF: STAFF\nCLIENT: CLIENT\nCONTRACTOR: CONTRACTOR';
COMMENT ON TABLE "invitation" IS 'An e-mailed link to join a company; the token is stored hashed and works once.';
CREATE TABLE IF NOT EXISTS "session" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "membership_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "session" IS 'A refresh-token family: one login on one device; revoking it ends every token of it.';
CREATE TABLE IF NOT EXISTS "refresh_token" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "used_at" TIMESTAMPTZ,
    "session_id" UUID NOT NULL REFERENCES "session" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "address" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "label" VARCHAR(100),
    "text" VARCHAR(500) NOT NULL,
    "details" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "created_at" TIMESTAMPTZ NOT NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "contact_id" INT NOT NULL REFERENCES "contact" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "outbox_email" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "to" VARCHAR(254) NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "sent_at" TIMESTAMPTZ,
    "attempts" INT NOT NULL,
    "next_attempt_at" TIMESTAMPTZ,
    "claimed_until" TIMESTAMPTZ,
    "last_error" VARCHAR(500),
    "failed_at" TIMESTAMPTZ,
    "company_id" INT REFERENCES "company" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_outbox_emai_sent_at_6f1407" ON "outbox_email" ("sent_at", "failed_at", "next_attempt_at");
CREATE TABLE IF NOT EXISTS "order" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "number" INT NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "description" TEXT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "deadline" TIMESTAMPTZ NOT NULL,
    "source" VARCHAR(16) NOT NULL,
    "price" DECIMAL(12,2),
    "contractor_fee" DECIMAL(12,2),
    "internal_note" TEXT,
    "rating" SMALLINT,
    "feedback" TEXT,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "completed_at" TIMESTAMPTZ,
    "overdue_for" TIMESTAMPTZ,
    "due_soon_for" TIMESTAMPTZ,
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
COMMENT ON COLUMN "order"."status" IS 'NEW: NEW\nASSIGNED: ASSIGNED\nIN_PROGRESS: IN_PROGRESS\nDONE: DONE\nCANCELLED: CANCELLED';
COMMENT ON COLUMN "order"."source" IS 'STAFF: STAFF\nPORTAL: PORTAL\nEMAIL: EMAIL\nTELEGRAM: TELEGRAM\nWEBCHAT: WEBCHAT\nAPI: API';
CREATE TABLE IF NOT EXISTS "comment" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "body" TEXT NOT NULL,
    "visibility" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "author_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE RESTRICT,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "order_id" INT NOT NULL REFERENCES "order" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_comment_order_i_b2fec7" ON "comment" ("order_id", "visibility");
COMMENT ON COLUMN "comment"."visibility" IS 'INTERNAL: INTERNAL\nCLIENT: CLIENT\nCONTRACTOR: CONTRACTOR';
CREATE TABLE IF NOT EXISTS "order_counter" (
    "last_number" INT NOT NULL,
    "company_id" INT NOT NULL PRIMARY KEY REFERENCES "company" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "order_counter" IS 'The last order number of a company; its row is locked while a number is taken.';
CREATE TABLE IF NOT EXISTS "order_status_change" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "from_status" VARCHAR(16),
    "to_status" VARCHAR(16) NOT NULL,
    "at" TIMESTAMPTZ NOT NULL,
    "comment" TEXT,
    "by_id" INT REFERENCES "membership" ("id") ON DELETE SET NULL,
    "order_id" INT NOT NULL REFERENCES "order" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "order_status_change"."from_status" IS 'NEW: NEW\nASSIGNED: ASSIGNED\nIN_PROGRESS: IN_PROGRESS\nDONE: DONE\nCANCELLED: CANCELLED';
COMMENT ON COLUMN "order_status_change"."to_status" IS 'NEW: NEW\nASSIGNED: ASSIGNED\nIN_PROGRESS: IN_PROGRESS\nDONE: DONE\nCANCELLED: CANCELLED';
CREATE TABLE IF NOT EXISTS "photo" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "caption" VARCHAR(500),
    "storage_key" VARCHAR(200) NOT NULL UNIQUE,
    "thumbnail_key" VARCHAR(200) NOT NULL UNIQUE,
    "content_type" VARCHAR(50) NOT NULL,
    "width" INT NOT NULL,
    "height" INT NOT NULL,
    "size" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "order_id" INT NOT NULL REFERENCES "order" ("id") ON DELETE CASCADE,
    "uploaded_by_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE RESTRICT
);
COMMENT ON COLUMN "photo"."kind" IS 'BEFORE: BEFORE\nCOMPLETION: COMPLETION\nISSUE: ISSUE';
COMMENT ON TABLE "photo" IS 'An image attached to an order; the files live in photo storage under random keys.';
CREATE TABLE IF NOT EXISTS "task" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "title" VARCHAR(300) NOT NULL,
    "description" TEXT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "deadline" TIMESTAMPTZ NOT NULL,
    "requires_acknowledgement" BOOL NOT NULL,
    "acknowledged_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "completed_at" TIMESTAMPTZ,
    "overdue_for" TIMESTAMPTZ,
    "assignee_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE RESTRICT,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "creator_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE RESTRICT,
    "order_id" INT REFERENCES "order" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_task_company_07ca3e" ON "task" ("company_id", "status", "deadline");
CREATE INDEX IF NOT EXISTS "idx_task_status_b1cfb9" ON "task" ("status", "deadline");
COMMENT ON COLUMN "task"."status" IS 'OPEN: OPEN\nDONE: DONE\nCANCELLED: CANCELLED';
CREATE TABLE IF NOT EXISTS "template" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "description" TEXT NOT NULL,
    "deadline_in_hours" INT NOT NULL,
    "shared_with_all" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "owner_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "template"."kind" IS 'ORDER: ORDER\nTASK: TASK';
CREATE TABLE IF NOT EXISTS "template_share" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "member_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE CASCADE,
    "template_id" INT NOT NULL REFERENCES "template" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_template_sh_templat_975bc6" UNIQUE ("template_id", "member_id")
);
COMMENT ON TABLE "template_share" IS 'A template shared with one member.';
CREATE TABLE IF NOT EXISTS "event_counter" (
    "last_seq" BIGINT NOT NULL,
    "company_id" INT NOT NULL PRIMARY KEY REFERENCES "company" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "order_event" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "seq" BIGINT NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "order_id" INT NOT NULL,
    "actor_id" INT,
    "at" TIMESTAMPTZ NOT NULL,
    "client_id" INT NOT NULL,
    "contractor_id" INT,
    "responsible_path" VARCHAR(1000) NOT NULL,
    "comment_id" INT,
    "comment_visibility" VARCHAR(16),
    "published_at" TIMESTAMPTZ,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_order_event_company_71da1c" UNIQUE ("company_id", "seq")
);
CREATE INDEX IF NOT EXISTS "idx_order_event_publish_80321d" ON "order_event" ("published_at");
COMMENT ON COLUMN "order_event"."kind" IS 'CREATED: CREATED\nUPDATED: UPDATED\nSTATUS_CHANGED: STATUS_CHANGED\nASSIGNED: ASSIGNED\nCOMMENTED: COMMENTED\nPHOTO_ADDED: PHOTO_ADDED\nOVERDUE: OVERDUE';
COMMENT ON COLUMN "order_event"."comment_visibility" IS 'INTERNAL: INTERNAL\nCLIENT: CLIENT\nCONTRACTOR: CONTRACTOR';
CREATE TABLE IF NOT EXISTS "notification" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(32) NOT NULL,
    "text" TEXT NOT NULL,
    "order_id" INT,
    "task_id" INT,
    "conversation_id" INT,
    "event_id" BIGINT,
    "created_at" TIMESTAMPTZ NOT NULL,
    "read_at" TIMESTAMPTZ,
    "published_at" TIMESTAMPTZ,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "member_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_notificatio_publish_890eb1" ON "notification" ("published_at");
CREATE INDEX IF NOT EXISTS "idx_notificatio_member__65d5e9" ON "notification" ("member_id", "created_at");
COMMENT ON COLUMN "notification"."kind" IS 'ORDER_CREATED: ORDER_CREATED\nORDER_ASSIGNED: ORDER_ASSIGNED\nORDER_STATUS_CHANGED: ORDER_STATUS_CHANGED\nORDER_COMMENTED: ORDER_COMMENTED\nORDER_DEADLINE_SOON: ORDER_DEADLINE_SOON\nORDER_OVERDUE: ORDER_OVERDUE\nTASK_ASSIGNED: TASK_ASSIGNED\nTASK_OVERDUE: TASK_OVERDUE\nMESSAGE_RECEIVED: MESSAGE_RECEIVED';
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return r"""
        """


MODELS_STATE = (
    "eJztXWtz4jgW/SsqvuxsVaanO93pns1sbRUhTg87BFJAZrZmmPI4IMAbIzO2STq72/99Jd"
    "kGP2RjAzZCuV942LrCHL2uzn3ov42FPcGW+6ZlL5YGeWlcov82iLHA9EPy1hlqGMvl5ga7"
    "4BkPFi87jhR6cD3HGHv08tSwXEwvTbA7dsylZ9qEXiUry2IX7TEtaJLZ5tKKmH+usO7ZM+"
    "zNsUNv/PY7vWySCf6C3fDr8lGfmtiaxB7WnLDf5td172XJr7WJd8MLsl970Me2tVqQTeHl"
    "ize3ybq0STx2dYYJdgwPs+o9Z8Uenz1d8EfDf+Q/6aaI/4gRmQmeGivLi/zdB31zraHr3d"
    "5QH2hDXW+UAGhsEwYufVSX//sZe4Rvz999+PTh+/cfP3xPi/DHXF/59NX/6Q0wviCHpzts"
    "fOX3Dc/wS3CMN6Dy9xSsrbnhiHENyyeQpY+cRDbEMQ/a8MIG201/qgPchfFFtzCZeXOG6N"
    "u3OVD+3Oy3fmz2v6Gl/sp+0qYDwB8Y3eDWuX+P4b3B1zMX+D82KYVxVKY+nBv3w1ajFqA/"
    "fiiA88cPmTCzW3GUxw5maOiGl8b5mt5hiIqxjksm0J4Eom/CD6fYx+kfnPSI9RJMXDnQD9"
    "u32mDYvL1jP7dw3T8tjl9zqLE75/zqS+LqNx8TzbSuBP3SHv6I2Ff0a6+rcXht15s5/Bc3"
    "5Ya/NtgzGSvP1on9rBuTyBwbXg1R+8pWh+ljZCpjFx6M8eOz4Uz02J3IykGeTM9gyLnp/n"
    "EVCN/81McWLyToCcFC2V5XdII94WvY98Ormx4R0Qjw4gE77txc7gnV7boiVaGiHZX2ZRfv"
    "CVTTr0ZVlOhdj6qKe4LU8mtRFSR75T3YX3S8MExrT6R6vCqN1VQArWCaPSmw6EZkgcn+PY"
    "rXomyPciZ09t2zK7E6VAVoObc9e0+A7lgdqgLkGe7jnvgMaRXKwoMXS/r/9139h0E1qsLE"
    "5yEdP+0/YfPZSHtSeM4mtmdOzfEhNirdSFUqwcV2e/a5nbX/i99K9sKxvSKev6KJke0RPL"
    "TpS8HO2NrUp6CaxcfsITHjY1c9zFgHXJwvEl1yYRBjxp+SVceE0xSCgImPEwzZZLwZL7eN"
    "j280CcLfsj0BniDLJI/Is9G/bZMgAwW8/g/Im2N6+RETZLrI9WyHlp0b7py+GWSCnm3n0U"
    "U2GeM3jQRiFVQPdgK57AQ43FAWJbHXAipaCi6KMNi0VLal4CLFYTu2lWEl0MhqwUFu02cy"
    "6AhJgR3Kyox1o/dLV+tfIv42IoNh8+bmEvG3EWl12lp3eIn8d/q91x32m61hjwpsPifnnS"
    "Jt9e5jgaZ6l2SxNy3FbsUbqlaTmWSrYC0WMy9rIGSZy7w9ev8rBJgtwjpbekuhHJM6zERz"
    "3BUTbJJgkzyITTK2a/qyNGltO7R6XFLBVj+RVg4xyW1mYzzGy91Gd0L0AA0t2RKmUjsHu1"
    "e91J4yLrR9b3kCY/cw28uUVbgsrlGhnXCVbKgcGlZOC9Gp5aFkj03JQacVoOtzek45aONC"
    "0Gl9WFNuXKkpNw3xje1gc0Z+wi8pMiTTxB/WdGI9N4tsppcd43nNeSZWGooA/d/Y83dyzU"
    "Grea01MuaHA8CrpIdXEuHUzLgd5GDE142wZLNEUYDj8+N2dMcbT7C9p4eiPmUnCm1cXxJD"
    "m+0+W8rUWtII1rFnJrkxTGvl4IbADBa7f5ZnCLNYSX0aKbrdFoamgaWKySLDY64c3hnyTZ"
    "0TtMROYM3ihin2dWyZmHgo8PhEU9tBrLsgy1yYHm0qgUWsoh8Bu5hcdrFHLFhKs1nUoHhV"
    "dprj8afvCzHV73OY6vdppnoHcqVG8qxWsNViTEtEcVS5DEX0K8EiFNe+spegRbxcgfWHzv"
    "auTRBdF2yCNx4SfywNb/4Hc49gvhIL2jkd07BMly4XtjP71nMwRqzIGcJvZm/QH9+9++7T"
    "dx/Ov/tDtPxU8huC1ee36IZt5dKLv8OCdMQFCdwIwI1A/u03+BGcPsBsmSiDb1hePeX33d"
    "tC+LJi2RPE2zTC4ELwWhTiaKtbhuvpPq9RvuFTwmBfBvvyCQxnsC+fAqxgAa0EVrZtLodp"
    "RALGP9iUj2lT5pzP/sDeu0rFmidRjQxYsCDXZkHuUwWt324NwYR8FBOyMAOT7gYh3OJ4Uk"
    "jDlMQrNF/UB9mJdNZ4+Bxe2s6+OQZUnC5jKLnYdffPLjDwa1F18EGCoSIgBQxjnYmGTnHE"
    "Odhd0gIm/Qe1YnWSnYrqW97K1cdzg8z2zazDgRrwClu8PkU7GCSy2pankS5WM0KnKshoVW"
    "hGB5gg8dfhYNLdueEcCqwBq0tVxCD912HTf5V0BuzjKe2n8yHLc9AQuAPG7p/lOQQ6fknd"
    "WxeF8xLq6jpVu9dB8gxIngGeL5A840hLouytXMjpZeXuNLIjYuDUJHP7BiSz0KPh/r59LW"
    "7euFSihVcrc/KGyao1dP2gKL+toq3A/2muR4O7oeD3tGGqR+afJYyY8Z4lUxxsiL1guxFp"
    "luydRqQXFIk7CjYm3/ppWKfGwrReLnl8kB+lavvBQhP8ZI7xD7T4k/1IGwCZHsJk4iL8hJ"
    "2XIImrPaWXRYFH1fzIgfdB2dPQ4aef7Yp64+/TFRmzdkL8l9jLh380pJuPznI2RqCxv0aN"
    "nY/enVo9LgkKncwK3SbCtaTnb1IOfFW3+6rGw4nr9P+TDejCDoDJbra7n1qMut2ThE8Sxo"
    "qgXykJz72ABdpw6B2crQpzB1uuYRbVhnlhXzONZmIxXPfZdiZniBuuJujhBRmWxVRRIwiq"
    "/4uLIsckinTgQ1YNFgC5LADHPglBIt6/knMQwlFS2siSEoRI+WKB3LB1y0Zfra1bibw7cC"
    "SwBOpQeDawQCOKHBucrRQZkULgg6CKBkL/NS6lgawF1Mts8q5o5o28xBup1DH4i2ApzHHv"
    "CMorqHBcFML3IgffizS+E+yJD7oeUiDFEEdEVOjEeXqE9q9hTIUIofzmtvmvv8bUiE6v+z"
    "ksHoG+1eldJRBnS7O3mgjyId1YtpGBeVQoAfqUSSkF+3Xv/qqjobu+1moP2r1uXF/jN9kl"
    "esEMY0ubnSTKNpntAHNUCnAugDNsWLJnb7U2LJArpyr18vi5clTEFXKQHCUHyTEyOpwuto"
    "dJ6QDBrDWTQWHXFJBBkV6bTQZFBkmlZFAsI/QjvcHe+QP/DjxRnTxRiH2axtieCjqUlZnS"
    "aJxSumcLzwxLn9rOYtcmidcgdcPcaf1Br3uJ/PcR6fU/N7vtX5vDNrsa/SZH40Au7moP8q"
    "jZZi4ZG1KH0ZyCVKoHrwXUA/iiGGOdQ1in7QF07nWMjJk7yyawkVEP42rMLvQXRIpgDshr"
    "CfUgPnw3JrYwa0W20WUtoAK6dZtc5M2VfHp7HKD+gfoH6h8oaqlo1O0UdREaNZLpdT8uVf"
    "kMryy/q2HpgTvifmApn+g18PzbN/FWxMtQkXEcX1f4kbuQl3N7RlzC7QW2A/lea7b69Fbe"
    "g/1F43yYwPITvX2WZ/2xeUF9TaxVbAJiSd5DJZ0fhB18IXSzqQenYbNLYBKqOX1ZKXrFVp"
    "TkroSDdVcP/8YiJ4RsgCMiCqJciSnhwZ4INijZHFZYXgl86+awgG3J7urqsi3RtbtEk0fE"
    "IJ2HzOk8AvVLoMRn6ldRkfqYtLdSa1kRw0pCqS05cATiMIBkHkBjy6BtMNFXxBO5NWxZGZ"
    "PC0NYytzU/UBk7ji04ji8v4jIqpYL5tIawwBhRUGZIxQRhOMk8nI5lyZOsSRU05EmGcD12"
    "vGr9/f0D5IT+/uuz5fL8/TeFqiV77ZDPfzJd88G0TO8FiN16iV2gxWqkxSLdXKgTbvflj9"
    "cgcyOwvqf1u83OJQo/jcgpBV4Ah5kNvbocJr05t0s6X8ZkwF9MGCoOfnhV4MoVqHKoRkUA"
    "Uzm3RLJBXFX4/Vr/3xNZ1XyokrhGx+x2VP3l6ACwKpl3MYltbPGOgdunukS/3Roeax/v92"
    "qR71bY3XO8ttZFDrqDj4Xo080K7R7+hj0rjN8/mNtvRmNimQQ3aPFYkfgNkQAwAnUyAkGz"
    "Fgd2IwD6hEBH80zPKhViuxaQeXsvk2tX9MlSOOelhoyJ1Yd2o1Htmlcbn7WZrHfhsjbSNU"
    "Lf1X4piT4TuUT0ZUSag0H7c1e7vkThpxFpd/W7fu8zVRYGjOlafxmR615Xu0TsdURazW5L"
    "63SY6PqjHDTXeplNtWI+yRWVU5DiOhFKq5Dt1LVXzjhjCSowTNfSMq9HDQrSzc0l4m8jct"
    "frDxn17L+PiHbbbNOv/G1EhlpH+9xv3l6i8NOI/KJd0SEyvETBBzra79p0oN+15RinS8cU"
    "teE1HpsLwxKP0bVMcoD6Qm8C4ZM10orAvdZa7dtm55t352fnHN5NRtgQ9w/pkyw2cUpTXB"
    "bltDDAnQ83rRc7xLB0liiijMqWElTBQ6purY0iwx4nBfuA9k0rc5e3kVLIj+b9+aeP6/0d"
    "+5K3tRvQft5J7+/omJ8wwqdMP47KQBeG+BKwzRaxza6Wkx1bPS4JrS5Lqwu2L4IY8sWSUf"
    "I7jfaELPj4ytPQ6fFtP2FnssIsVWnZhk6IQjvL3M6soVybts8ODZ2UhZaWuaWDbDIl3ali"
    "QmBTEvlT+flnyrlTRWUAVfBSqxHXNUFW+qyYmJxCzMPBE1s+lO23STkANw0uXYeW9BdM+m"
    "fLoZsWhJkBfC1LqH+HP+qIL/8HgVb5k46imlKGS6BAyz0AtuqlTUxiG1fuC4C7UQJq7buS"
    "LWzFZ4WEylQA4chadQCIX4XTcHp5L9KT1xpX3TCfamdOqqgxkOlToO59p1MsXXIQ1LxnAt"
    "JI/LQiPTvWQ+emS2cOQfcsnaR1wH37WnODzE7RnFIIreXc9uw9O9Qdq0NVgDzDfdwTnyGt"
    "Qp0JrtqEv2zctewVc5FpZEWNhPfPtgaP0KffFN0WRNIYzjFiuYsQl0V+SACyp8hAwUblB2"
    "R6LnLsZ2S6yLLHj3iCnuemhWmRoDi94RmPmLxpJFCuoPrt6Skyo06koQmVDkPhmbBKx6Ik"
    "pCDloJBxKRPPVoCd6RE8tOlL9dzMUXt8ZZmB9p/2Y+pW1tyf1Mm2LQB+fIY+3ghUmQ0Igv"
    "zqnF2njr3Q9wvfSVQhsRuj4hE8nr1nS8YqkDrIQ+2GLO/fBv6McjnFFDyTbiG0xGS7i0dE"
    "JJ5mpfUWL2saB5N4SpOAlEM1msEhLU6xjVa5tDhgdikI6+7mlirpTZ8pF+xt1xR69n52uS"
    "6ylchsEmQu6BMgw/OM8RxPkGcjg/jE4w+Ibl7R1LSwiyzzCSOTIF43YnYTJrUijJ90DDKx"
    "F+gRv7hpLrOSX4D9tVz760f6t3bdjoWyUu/ErrSbXp/uqfx3lsn19q5Ddetel2VyDT/TPd"
    "lgcE+L8Tc5dlljIyNTTHZGnoiICvp3DUcyBLOVTieoMkAnxA4zAo470cTPDyyE9XkO1udp"
    "rL35avFADNMqi3ZKEPAugjfzsWL+gRymMrNIQk7m+X3nuaTQVJIzkyTBfjYntObiCsq6PG"
    "w0BZv3Od3tzAXUUyacGwHAU4Cna/5HMAVkohkWByxzAlkgp8MrY8PlcKY5dhMDTSs9pqul"
    "ZRuTHWLt0oKAL0SDHZKzhcz7MpgYIuO8blvDqQKcnhqlysHP/c8FRofQLz3b5uCFJao9Qq"
    "9Arn1IqX9sawCkgIcU8HG0IQX88VLA9+60bkn4ucwlYq+n4kwIed1Ljw+JqJMQk1zuxMF/"
    "rkxan05VHVrGwpMZFrsWXtm2hQ0ibvG8ahI94IHWU1Wjr6/U2+pXvV4n1uBX7eS0d397pd"
    "HRl0hvneYHIvjtQmMKxCG7nczjDxjr7NVNbcYa8tG+hvEN+WhfRzsbrmvOCC6Z4i0hBYw+"
    "ZNSsD1emP5ROpxkTAlwlsZpKNrGDUU8a20hZo164IoHtqRi+iRW8aAo3OFu7cAeOrTgF8K"
    "3bLC3Z3Lu3VfrYQVpDTPe3Bn+WtMk0vHeWazaNloJ8I6e06p/lWECVj4fq9a+1/iXibyMy"
    "bA5+ukTsVQ5jEH8Xwi/u1mF5mSHf0fxcTQgOGPjBwB9DWxkDf2gP1k2iz+2VI7D1Z66OQl"
    "kgHkSBJHSmwBP92fTmumFZJS24Amkw3JYw3IIhL7ujq23IA3K6AhL1mZQmUSMigCmwqMdk"
    "UXlfBIavIBMVGbgFMt1mdGeuv+ybKT4gjgasLoUQrzRnfBy0HNJujep25k5312W3Z1tCoR"
    "TydVjEdFhkE4wWfPgI0icVEhHwf7/FuEW/rB8IAazgkVhBvxHKqQoxGdAVBPrXeiCWwjUh"
    "Bchu18Ki88meykLUOHJiIBdVFRIdbLsiFkzRoIkVgjc2L5ZVxarUMbQnTLycc2li93M1DM"
    "xKljqXphIDoTS8gdK6AT/JxcV/CnYF5iz//JdASpnDX/52fv7+/afzt+8/fn/x4dOni+/f"
    "rsFO38pD/ar9mQF/FiXc4IgYSTmJw83A3BuGT7Oi+TdyN3f29Z1O8LrgQefeeCA7Hb97bc"
    "zyZgjF9mY1zA15s3TpCbr2uVmRJnhFrjStvtYc8ohq/8OI3N9d+1eCDyMyGDaH9wO99WOz"
    "+5ndiH8XHw/T6t3eal2/5vDjiNz92Bv29Ob1Nbse+TIivZ+1/jVLXhx8SFJRx3HlgcReh2"
    "dMogdmF43+Ge8ZSiGZ6+nBIYWzjF6DCd0y2Za83E44KgPTkTBqjnDVunSAV1IOJqY0uLTz"
    "L+kvmPTP6ktDlFs622tTJCuzKrWjA+e7t4U8OFmxbMXlrShxOj/GrDRxtthzvlC8R4cIPZ"
    "m0Z5qW6WUcArB9eyCuSeIjLxgaWr/b7LDzHv1PVM/vtKluT5V8/s70/u6w32wNe32m+Ief"
    "5dDml6sHy3TnO/keJmVrSTJwBDZNdkUpBAmcDY9vkgXHuApJ6NpMhl3bM6fm2Aj+eYqyjt"
    "0/yyOtSbJktdlYNybriGM4JFuFUMODhxrqa5Y09nVE/K8b/jP+Pbyf5E9FV8OyEd40cSEs"
    "ca01rzvtrqYPeuz8N8HFsOSGU41+9QMmIw8d+xrcXYtGv40IXZoHzc+a3tdaWvtnJpy8so"
    "um9/68SAjbeXYE23kqRBB/KXXmc1he5q54EE2uiqA1yONyeK9Cw30s6VG4kQBAhSzfE3Zc"
    "rpqU5vmSkgBwGmDfXaysf0BUSiFUazZSQ0RldoOoaw5i/2yHJo+IQaJMmUksYCtfSUMDW1"
    "mNSgIBT4dCFTjgowRHQ0xOGXSljclpYscczxsCaj24c5ZHqhubMpCh75QmzbMc2pwxCsLk"
    "WtnuMBERJVjKRKK4i4sCHDAtlZ0ojt1LuEUul2UQDooriO67oi5GeR5GaQcj4gnPP/rnoN"
    "fN9pkTn3U0Mcce+h+im5ZT1LFywGVg5DPuSXL9LL7DYBVc7Rs0tu9i9vX/WLn3VA=="
)
