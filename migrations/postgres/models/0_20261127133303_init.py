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
CREATE INDEX IF NOT EXISTS "idx_contact_company_251c9a" ON "contact" ("company_id", "name", "id");
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
CREATE INDEX IF NOT EXISTS "idx_membership_manager_a45ecf" ON "membership" ("manager_id");
CREATE INDEX IF NOT EXISTS "idx_membership_contact_764db1" ON "membership" ("contact_id");
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
CREATE INDEX IF NOT EXISTS "idx_address_contact_40047b" ON "address" ("contact_id", "id");
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
    "cancelled_at" TIMESTAMPTZ,
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
CREATE INDEX IF NOT EXISTS "idx_order_company_329166" ON "order" ("company_id", "deadline", "id");
CREATE INDEX IF NOT EXISTS "idx_order_company_720dd4" ON "order" ("company_id", "created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_order_client__88f882" ON "order" ("client_id", "deadline", "id");
CREATE INDEX IF NOT EXISTS "idx_order_contrac_8ae394" ON "order" ("contractor_id", "deadline", "id");
CREATE INDEX IF NOT EXISTS "idx_order_respons_d78c0e" ON "order" ("responsible_id", "deadline", "id");
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
CREATE INDEX IF NOT EXISTS "idx_order_statu_order_i_ded851" ON "order_status_change" ("order_id", "id");
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
CREATE INDEX IF NOT EXISTS "idx_photo_order_i_8ff1ff" ON "photo" ("order_id", "created_at");
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
CREATE INDEX IF NOT EXISTS "idx_task_company_1d24e6" ON "task" ("company_id", "deadline", "id");
CREATE INDEX IF NOT EXISTS "idx_task_assigne_472780" ON "task" ("assignee_id", "deadline");
CREATE INDEX IF NOT EXISTS "idx_task_creator_afb4b6" ON "task" ("creator_id", "deadline");
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
CREATE TABLE IF NOT EXISTS "api_token" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "read_only" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "last_used_at" TIMESTAMPTZ,
    "expires_at" TIMESTAMPTZ,
    "revoked_at" TIMESTAMPTZ,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "created_by_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE CASCADE,
    "member_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_api_token_company_cdef59" ON "api_token" ("company_id", "created_at");
CREATE TABLE IF NOT EXISTS "conversation" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "channel" VARCHAR(16) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "subject" VARCHAR(300),
    "external_key" VARCHAR(300) NOT NULL,
    "external_name" VARCHAR(300),
    "first_inbound_at" TIMESTAMPTZ,
    "first_response_at" TIMESTAMPTZ,
    "last_message_at" TIMESTAMPTZ NOT NULL,
    "last_direction" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "assignee_id" INT REFERENCES "membership" ("id") ON DELETE SET NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "contact_id" INT REFERENCES "contact" ("id") ON DELETE SET NULL,
    "order_id" INT REFERENCES "order" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_conversatio_company_3fd142" ON "conversation" ("company_id", "last_message_at");
CREATE INDEX IF NOT EXISTS "idx_conversatio_company_5654a2" ON "conversation" ("company_id", "channel", "external_key");
COMMENT ON COLUMN "conversation"."channel" IS 'STAFF: STAFF\nPORTAL: PORTAL\nEMAIL: EMAIL\nTELEGRAM: TELEGRAM\nWEBCHAT: WEBCHAT\nAPI: API';
COMMENT ON COLUMN "conversation"."status" IS 'OPEN: OPEN\nCLOSED: CLOSED';
COMMENT ON COLUMN "conversation"."last_direction" IS 'INBOUND: INBOUND\nOUTBOUND: OUTBOUND';
CREATE TABLE IF NOT EXISTS "message" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "direction" VARCHAR(16) NOT NULL,
    "body" TEXT NOT NULL,
    "external_id" VARCHAR(300),
    "client_key" VARCHAR(100),
    "delivery_status" VARCHAR(16) NOT NULL,
    "attempts" INT NOT NULL,
    "next_attempt_at" TIMESTAMPTZ,
    "claimed_until" TIMESTAMPTZ,
    "last_error" VARCHAR(500),
    "sent_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "author_id" INT REFERENCES "membership" ("id") ON DELETE SET NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "conversation_id" INT NOT NULL REFERENCES "conversation" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_message_convers_7b4db8" UNIQUE ("conversation_id", "client_key")
);
CREATE INDEX IF NOT EXISTS "idx_message_convers_efe042" ON "message" ("conversation_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_message_company_3bd1fb" ON "message" ("company_id", "external_id");
CREATE INDEX IF NOT EXISTS "idx_message_deliver_020acf" ON "message" ("delivery_status", "next_attempt_at");
COMMENT ON COLUMN "message"."direction" IS 'INBOUND: INBOUND\nOUTBOUND: OUTBOUND';
COMMENT ON COLUMN "message"."delivery_status" IS 'PENDING: PENDING\nSENT: SENT\nFAILED: FAILED';
CREATE TABLE IF NOT EXISTS "message_attachment" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "file_name" VARCHAR(200) NOT NULL,
    "content_type" VARCHAR(100) NOT NULL,
    "size" INT NOT NULL,
    "storage_key" VARCHAR(100) NOT NULL UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "message_id" INT NOT NULL REFERENCES "message" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "message_attachment" IS 'A file that came with an inbound message, kept in the attachment store under a';
CREATE TABLE IF NOT EXISTS "channel_config" (
    "email_address" VARCHAR(254) UNIQUE,
    "smtp_host" VARCHAR(253),
    "smtp_port" INT,
    "smtp_username" VARCHAR(254),
    "smtp_password" TEXT,
    "imap_host" VARCHAR(253),
    "imap_port" INT,
    "imap_username" VARCHAR(254),
    "imap_password" TEXT,
    "imap_uid_validity" BIGINT,
    "imap_last_uid" BIGINT NOT NULL,
    "imap_claimed_until" TIMESTAMPTZ,
    "imap_last_error" VARCHAR(500),
    "telegram_token" TEXT,
    "telegram_bot_name" VARCHAR(100),
    "telegram_secret_hash" VARCHAR(64) UNIQUE,
    "webchat_widget_key" VARCHAR(64) UNIQUE,
    "webchat_allowed_origins" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "company_id" INT NOT NULL PRIMARY KEY REFERENCES "company" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "telegram_update" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "update_id" BIGINT NOT NULL,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ NOT NULL,
    "processed_at" TIMESTAMPTZ,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_telegram_up_company_f9b295" UNIQUE ("company_id", "update_id")
);
CREATE INDEX IF NOT EXISTS "idx_telegram_up_process_6475a3" ON "telegram_update" ("processed_at");
COMMENT ON TABLE "telegram_update" IS 'An update taken from the webhook: its unique (company, update_id) drops a repeat; the';
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
    "eJztXe1z4rbW/1c0fLnbGbrdzcvu3vTOnSGEbLlNIAOkvdPScR0sghsjU9skm96n//sjyS"
    "/ItmxssI3Q6gsvto4wvyMdHZ03/a+1tA1ouW+79nKlo9fWBfhfC+lLiD8kb7VBS1+tNjfI"
    "BU9/sGjbGdPowfUcfebhy3PdciG+ZEB35pgrz7QRvorWlkUu2jPc0ESPm0trZP65hppnP0"
    "JvAR1849ff8GUTGfALdMOvqydtbkLLiD2saZDfptc173VFr/WRd00bkl970Ga2tV6iTePV"
    "q7ewUdTaRB65+ggRdHQPku49Z00enzxd8EfDf+Q/6aaJ/4gMjQHn+trymL/7oG2utTRtMJ"
    "xo495E01olAJrZiICLH9Wl//6RPMK3J+/PPp59Ov1w9gk3oY8ZXfn4t//TG2B8QgrPYNL6"
    "m97XPd1vQTHegErfU7B2F7rDxzVsn0AWP3IS2RDHPGjDCxtsN+OpCXCX+hfNgujRWxBE37"
    "3LgfKnzqj7Q2f0Brf6hvykjSeAPzEGwa0T/x7Be4OvZy7hXzYqhTFL0xzOrftJt9UI0B/O"
    "CuD84SwTZnIrjvLMgQQNTffSOF/hOwRRPtZxygTaRkD6NvxwjGMc/0FjiKzXQHDlQD/p3/"
    "bGk87tHfm5pev+aVH8OpMeuXNCr74mrr75kGBT1An4uT/5AZCv4JfhoEfhtV3v0aG/uGk3"
    "+aVFnklfe7aG7BdNNxgZG14NUfubrA7zJ0aUkQsP+uzpRXcMLXaHWTnQs+npBDk3PT4uA+"
    "LrH0fQoo04IyFYKPtRR0c4Ev4Ox354dTMiGI0ALh+g4y7M1Z5Q3UYdyQoVHqh4LLtwT6A6"
    "fjeyooTvelhV3BOkrt+LrCDZa+/B/qLBpW5aeyI1pF31SE8F0ArE7FGBhTciS4j2H1G0F2"
    "lHlGNg6bvnUCJ9yArQamF79p4A3ZE+ZAXI092nPfGZ4C6khQcuV/j/77v6T4JuZIWJyiEN"
    "Pu8vsKk06j1LLLOR7Zlzc1bFRmXAdCUrXPrK1Dz7Ce6LVWdlTkg3suKE7z5jXaCKYdVlup"
    "IVriXejOmP+8r1W78XyUHSdA9vyxYVqOMBXp2oP1mR86AFHx19qa1XRhXqg9/bPe1MJsyI"
    "Xc8+sbMsffFbSX1jZq+R5+9d+NgOEZzY+KWg2tHd9CfhhppqZ1ViRrU0uTGbLXSEoEVazc"
    "3HKkDr+j12ow4lQY1M2+XJMjGRlzrC4t4IuiPEaRM7x1MdN8BnO6vNeLtt/upWBwH4LbGZ"
    "QQNYJnoCng3+sE0EdBD4vb8H3gICqm8C0wWuZzu47UJ3F/hNRwZ4sZ0nF9hoBt+2EojV0L"
    "3yo4vlR4ehwbWokzcikNGTfl7Ew4tbZXvSz1M+Xse2MrzoPbReUpD7+Jl0PENSYIe0ImPd"
    "Gv486I0uAH2bovGkc319AejbFHVv+r3B5AL47/j7cDAZdbqTISbYfE7KnSK8ev+hAKveJ7"
    "28G06RW3FGNRpSItgq2EhEiZc1EbLCSbw9Rv9XCDBZhDWy9JZCOUZVjaA57IqpYnZUzE4l"
    "MTuxveaXlYl724HrcUoJuX4kXA4xyWWzPpvB1W6zO0FaAaMFW8Jk4nOwe9VK7SnjRNv3lk"
    "cwd6vZXqaipsriyhLthKtgU6VqWKlZCIuWh5IjNkWnBi0HXd+m55SDNk6kBq0PayrMOSVy"
    "0xBf2w40H9GP8DVlDMkMgQt7OrKRm2Vsxpcd/SWyeSZWGowA/t/Q83dynXG3c9VrZciHCu"
    "CVMgI6iXBKMm4HOZjxTSMsmJQoCnBcPm5Hd7aJlN5bPBSNuT5SaOP6Eh/a7PSSUg7qkk6w"
    "G/vRRNe6aa0d2OK4wWL323mOMIu01OZM0+2+MDAPPFWEFugeCXX02sB3EBtgBZ3Am0UdU+"
    "TrzDIh8kCQEQHmtgPIcAGWuTQ9zCqOR6ymH1F+MbH8Yk+Qs5RmW1GD5nX5aQ5nPz0tZKk+"
    "zbFUn6Yt1TsYVxo0njUKtlwW0xJZjnUuQ4x+xVmE4tpX9hK0jLcrsP5gae/aCOB1wUZwEy"
    "Hx+0r3Fr+T8AgSK7HEg9Mxdct08XJhO4/feg6EgDRpA/j28S34/bv333387uzku995y08t"
    "v8FZfX5lN2xrF1/8LbEg/RppxPjGr5EC95taqJpcqFR4gQovEH9bruILjh9gsnyUwTdsL5"
    "9S/P5dIXxJs2wB8S6NsAot+FoUZZbrlu56mm/vKM/4FLHyOyu/8xFMZ+V3PgZYlWe0FljJ"
    "drocpgyFmv/K13xIXzO1Be0P7L0rVY2WJKrMhFWe5cY8yyOsoI363YlyLR/EtcytXKi5QV"
    "Y8P9FUlS9M4hW6NZqD7EgGazytDq5sZ//qDfKJyxhKLnTd/cunjP1eZJ18qjBfEZACC2OT"
    "BfqOccY50F3hBib+B41idZSDCutb3trVSFGKvSsXUaDGtMMu7U/SAaYKQG6rr4YXq0eERZ"
    "WqBFlIoiuYVMHM6mDS3IXuVAXWmPQlK2KqbOaOZTM103XX+26QZa+eqaqMil5l9BiVz6aL"
    "jB4LRnVGM4/gHC+oC38WcuKZY/fbeRHNjt/Slwu0qToQramhU3ccsKr+o6r/qBA9Vf3nQE"
    "ui6FwuFJ23dnea2QyZir4Umb+BN4wbenV/37/iszdOleDwem0abwmtXFPXz+r0ecVygf7T"
    "3NArd+Mr3DPYQj6vYzsRbREfWSIl8ofYc7YbDFuydxrMKCiSOBlsTL7160jP9aVpvV7QBE"
    "c/zd72sx0N+GzO4Pe4+bP9hBkATA9AZLgA4n33a1CF2p7jy7zMyXp+pOJ9ULYYql78bFfU"
    "W/+ar9GM8AnQXyIvZ/9uCSeP2jkbI6Wxf40aO529O3E9TqkUOpEVuk2KfskUhSSdCqrfHl"
    "Qfr4fQZKCyaEAXjlRODrPdA2pjpts9ze9Jg7Ek6NdqhKfpChxtOExjyFaFaSYA1TCLasO0"
    "sa+ZsqWkdNd9sR2jDaiH3QAPr0C3LKKK6kFVkH+4gDkHnacDV9m18gCI5QE49FEuAtn9az"
    "nIJZwlpZ0sKUJV0qNYxQm1dctGX66tW0rtLKITMQvSfgqRlMporepQxy9mydOIwlu5SpHO"
    "NKozBmFTlqxNFQlVnKxRlQT/a1hKJYkI5KvJ9L5ozaC8kkGpolfwC2dtzIn3CNpLqIGcF8"
    "L3PAff8zS+BvSwjsxZXiYYSD7EDIkMgzhPsej9dxLTKUIo39x2/vtNTK+4GQ4+h80Z6Ls3"
    "w8sE4mSt9tYGp5LbtWXrGZizRAnQ54RKKtivhveXNz1wN+p1++P+cBBX4OhNcglfMMOs+M"
    "5NEmUbPe4AM0ulcC6As9rBZEtvuXYwqspXXerl4at8yYhrjqNHVU+qr3rSIWrRHC+21RSj"
    "UWn4DVuHwqHJsQ4xozbbOsRMktqtQ5GAesI3yDt94N/8ivbRzbAYtzIhNX4QS8CWtIVje3"
    "37kFZka0frmGrYW/BRt7S57Sx3ZUm8B6EZc9cbjYeDC+C/T9Fw9Lkz6P/SmfTJVfabGMxR"
    "BwzUe2pRw/51wQwlTTjYMUilRnBEIB/A58WM2Tm27LSrAMteR8+Q3Fnugg2NfBjX45HBv8"
    "BTBHNAjijkg7j6YYxsbimebH9MRCADuk17Y8QtAH98exzlFVBeAeUVUNZroSys263XRSys"
    "TPnq/cys0petJkWrdUsLQhf3A0v66tVBlOC+5aaYiERJ5nF8XaHni6tiwwUqvVFXgu2oIt"
    "aqKJ7A7rPh2nuwv/So9ZDjQmNvt/PcaDZtqEVmyJp9aeScj3BLg38x2qUgvDXHH0mBWHpf"
    "OdAaLgxXyhhlS+oSqMVi7a4f/oC8aI5sgBkSCVGuxfHyYBuc7Vy2xS9sLwW+TVv8lG0qe6"
    "jLa5ti1+4SLGfIVKEUkQulBOoXR5fP1K9Ykubsju+E1rIYN1RCqS05cTjkagKJPIFmlo55"
    "YGhr5PGCQLasjElixWuReW3prqdBx7E5J7Lmpa6yVDI4mxvIr4wZCspMqRihmk4iT6dD+T"
    "0FY6mEbk/BEG7G61lv4oR/hig3cSI6XjQvcWLTqF5jrx16P55N13wwLdN7VYbdZg27yizW"
    "oFmMGeZcnXB75kO8B5GZQMZebzTo3FyA8NMUHVOairJhZkMvrw0T31zYJUNVYzQquo6bc6"
    "+iFuvAlSpQ5VBlSRSmYm6JRIO4rjoGkf6/J7KyRZwlcWXn7HZU/eWoAlilrGiZxDa2eMfA"
    "HWFdYtTvTg61j/dHNS92KxzuOVFbUZNKd/DxcgZrMjz8DXtWPQQ8xLy167NRNywTpasiRD"
    "fafmWExO24Mh01oOGq2eRhkGZWC6wwrvDIMAlcGU14j65sE03aJoIBVhzYDYHSbDjaomd6"
    "VqnU6IhAZEODSEFm7JOlcM6r9hkjaw7tVqve1bcxy9pGWO9iVdtQNwj9oPdzSfQJyQXAL1"
    "PUGY/7nwe9qwsQfpqi/kC7Gw0/Y7VlTGxu0ZcpuhoOeheAvE5RtzPo9m5uCGn0UQyDG7sI"
    "lzG3sXQSGtuOxLhWyIvr2mtnlrEEFZimEbXI61ELg3R9fQHo2xTdDUcTYgT336eod9vp46"
    "/0bYomvZve51Hn9gKEn6bo594lniKTCxB8wLP9ro8n+l1fjHm6ckweD6/gzFzqFn+ORjTJ"
    "CeoTvQ2IC3BRTHcxD9yrXrd/27l58/6kfULh3RT5DXE/S59Wsskvm8OyKKeJFdz5cON+oY"
    "N0SyMFPsqobClCGWK1mtbaMDLkcVKwj/HYtDJ3eRsqiSJ6Tk8+foj2d+RL3tZujMf5TXp/"
    "h+e8QUxPZcYxS6OGsMp0UV7iIl7i9crYketxSsV1UbjO2b5wEtqXK+Ic2Gm2J2hVtLE4jO"
    "ZEG5P9p7VbUHmSVnFaZE7bz9Ax1pAUEy7L6ASp4rPIfCaMcm3Mnx0YnaRVnBaZ00G9p5Ih"
    "fDEi5T3kxfD5FaLKhfCxNApVFRnZIK6RKbT0QU8xOolsTJWXnn0oO26TdArcNLhMaFI5dN"
    "OESjKo+N4S6l/155RFUXp7Qyv9MWWsppQRhsrRcivAVr7Cpkls48p9AXDj8aONjV3BFrbi"
    "UiGhMhVAOBF/qwLVt8OcXt6LjORI42oa5mMdzEkVNQYyfgowuL+5KVbQPEik37v2bZSOL8"
    "nIjo3QheliycEZnqXLKI9pFGd3oaPHY3ScFUJrtbA9e88BdUf6kBUgT3ef9sRngruQR8Al"
    "FRtVkjsXrdoTurr2moSOtbLyusL77a3pXfjpN023pXm1JgsISHUxQGmBnyoD7DnQQbCt+x"
    "6Yngsc+wWYLrDs2RM0wMvCtCBuEjTHNzz9CaK3rQTKNXS/vYBMZjaWMEZVqdOzaK260jla"
    "CSpVFJRrnyqTcVrAljVEcGLjl/otWQcd8VXasSoW+zHlNEv2JzXYbQuAn7ekzTYEDdXrUi"
    "eYNy1s54691PbLckt0IXC0r+SJbp69JydjHQidCyU3I8sHB6qwX7EiigoeubnkurGysyoY"
    "EoHFrLBJFWXjClQ8QUqTUDXCGowhUHWsiu27ytWxUj6rgrDu7quq09rpuxk4W93I/5C9vV"
    "1FTbbaNTsImEv8BED3PH22gAbwbKAj3w75PcB7WTA3LegCy3yGwESA9g2I04lQrRExVzo6"
    "MuwleIKvbtq0WcsvlNpuM6mCatvd6Lb7Cf+tXXdpIa3QG7TL3vVwhLda/jupyHx7d4NV7u"
    "GAVGQOP+Ot2nh8j5vRNzE2XzM9o85Sdj0rhkQGtbyBo1UCIaZhuVUG6ARZNTPgsIImfg5o"
    "IaxPcrA+SWPtLdbLB6SbVlm0U4QK7yJ4k7g1EnNJYSojRRJ0Isv3nWVJIVGSI0mSYL+YBu"
    "65uIIStVf7T86efoE3QQuORSoTzg2BwpODp2v+xREBmWiGzRWWOclBqiLKV2YkFyPk5tAs"
    "VtZb4TFdryxbN3bIX0wTKnxVhl2Vplx1goYIngdmnjftgjhWgNOiUaizNGhMP8cXEcb6Z7"
    "sivLBFvaF1+5+ZobsuHpYQcgiJXp04C+M3dcSFCP4FdSSDOpIhjrY6kuFwRzIM73qDkvBT"
    "mgtAXo8lalGds1B6fghkjAkxybXGOPDPtYn707DyhNtY0HiE/BjGS9u2oI74HM/rJjECHn"
    "A/dTE9utIs1y+Hw5sYwy/7SbF3f3vZw7MvUW4+bXFg8NvFMMohVzUIRZ5/ygaevbrJbQNX"
    "9aG/hvmtqgZ/HXwObSoli8nGqZSPQNU9bQ5X39a3Q13O/Sqeyo7rIfywggl25SYUxttS1k"
    "3I+gaUN6tAxcj4Cl600F4l9SK/CoDjK04BfJt2dAsme/f2cx86G2wC8f5Wp8+SdsKG99q5"
    "jli2VZ3OWOUBVRlWFWZYDUdXvdEFoG9TNOmMf7wA5FUMZxB958LPH9Zhe5Eh39H9XE9Sj3"
    "LwKwd/DG1pHPyhP1gzkbaw1w7H15+5OnJpleGBl5qCJQU0tBfTW2i6ZZX04HKoleO2hONW"
    "OfKyB7rcjjxlnK7BiPqCShtRGRKFqbKiHtKKSseisvAVtEQxE7dAhd2M4Uz1l33r+QeGoz"
    "HpSyLEa61VHwctx2gXobrdcqe5UdvtZZ1ASAV8HRYQHRbYCIIlnT6cOk2FSDj2v19jtkW/"
    "rZ8IoayCB7IK+kwopyrEaJSuwNG/oolYCtcElUJ2uxbGypM9lQXWOXJkIBdVFRIDbLsiFo"
    "hopYkVgjcmF8uqYnXqGL1niLyc83Bi93M1DEhaljoPpxYHoTB2A6l1A3qCjAv/5OwKzMf8"
    "c2cCKmkOnfnnycnp6ceTd6cfPp2fffx4/uldBHb6Vh7ql/3PBPg2a3BTR9MIapOoTgLTaB"
    "gqZnnyl7mbK339oBMYNaxU9sZT4/H83WtjlichJNubNSAb8qR0aQHduGyWhAVfUShNd9Tr"
    "TGhGtf9hiu7vrvwrwYcpGk86k/ux1v2hM/hMbsS/88+h6Q5vb3sDv+fw4xTd/TCcDLXO1R"
    "W5znyZouFPvdEVKYccfEiaog4TyqNKhVVvMWGPNS+a/TPbM5VCsNDTyiFVhyZ9DS50yyRb"
    "8nI7YZZGiSNu1hyiqnXpBK8knRJMaXDx4F/hXzDxn9VWOq9adXbUJo9WZFVqxwDO9+8KRX"
    "CSZtmKyzteKXZ6Xlppw9lyT3kh+YgOEXo28cg0LdPLOFZg+/aA35PAh2gQNHqjQeeGHCzp"
    "f8J6/k0f6/ZYyafvRO8fTEad7mQ4Iop/+FkMbX61frBMd7FT7GGStpEiAwewpomuKIUgqW"
    "DDw7tkVWBcjUboxlyGA9sz5+ZMD/55ymQdu9/OM1qjZMt667tuXNbqMDeValiTzkNzDLXI"
    "Shr7OkX+1439M/49vJ+0n/Kuhm0Zu2niQtjiqte5uukPetp4SE6U41wMW25squxXP2GSee"
    "jY1+BuRMp+myK8NI87n3vaqNft9X8ixMkru2h6pydFUthOsjPYTlIpgvBLqcOlw/YiD8VK"
    "NLk6ktZUHZfqowp196lkROGGQgHKtfI9Q8elqklpO1+SUgGcBtgPFysbH8BSSYRqw05qlV"
    "GZzRB53UHkn+3AcoZMFcoU2YilrJVfCaOVtbIelUQlPFWFqrIBHyQ5WuXklEFX2Jyczsqc"
    "2E+Qa1yP7rXzDOv6ytS8qFljp6Yps/qhzOqqhFzNJeTIZNIWulsqIilOVQ3Whx3GMaQ/nB"
    "UA+sNZJs7kVjL8C+81bbL7TqG85ZAkhq7B4loh9qq2lrIECbKDLGIJonmYa3cnvidplU1I"
    "ZFMB/LLyD48rzec4peKyyFx24DPWNHYz7rKUissic1mZ/Wo8roc9Nb0otEk6ha4yqiqjqu"
    "hmP2VUPbBRlS97FcAFh29y1RHJct1lYp9aHOt17H47z4I9S7ZszIhNN7hL6Lr4L1JLdhvE"
    "jdwLHSFITUrwiwcdpFvaE3xVFu9mLd4MG3ZKptuQi2wDb+FNw/U1raBxfT1Fd8PRhKTT+e"
    "9T1Lvt9PFX+jZFk95N7/Ooc3sBwk9T9HPvsvtDZ3IBgg9T1LnrXwD80irGxppT7DB7vDWn"
    "uHAxLm6oGzw7ZHjXG7RKspHQXADySjIgh2Na5oS+C8KG9cMfcMYxH2Q7NxgSgXNQd3Rt1H"
    "JKTmy5KIF0kk5kgSUk3mW9oylCNcALAT43Haw7mejBXqNdrJE8emWTFNkm6XMsqLwBd2Z5"
    "ogPFc5F5ntwgleQ4h1xC77F0DDdMB2t73AP+iunq6V5E1mPwDvRyeD+4IqVL6IcpGt5Pgk"
    "vhJzF0dxXDkQ29vDEciePRC1qXElQSpdBVWbBJuVlrqpunz0rXF2OJ1HDlnOenkumVc1Uc"
    "71RJ52owvyvBNurpuEZvcWhZURiDFj8CGNzf3LS4GkLTntUjxTehGhUAmMrRCtAdhv3ICS"
    "y73GSgmu2tZuMwqMlgz4Mob/1eJBLBtR5BGcLF8eUzSGa78ZdMo8qPJIlHCASVqyNXfMK/"
    "n2jMZKol/PuR8R+PWHoP/ykTE79qG28jwo0wLTk0zVPZbo37/ve2RSkzVPVmqAfb4OjI2S"
    "XUwvYiw1+JubeOEmqskOLOgS2OTa6kUW5NvluTWVlKYB2nkg/q90XL0OdVoU9CzVlrd5Lv"
    "6W4aDBAa9/wSXGXk/F1vcNUffL4AwYcpGtMy6WNaJP26078hIUP+uxjyPlB/ODzKtj4zJN"
    "Kc/1iZJS+pVKZwzXfmcMiVH11kt+rM0jEPDG2NPJMTx7rFdZckVrwWmdfU+Q0dx+bYi7JV"
    "iDiVfCrEeSEV4jxHhThPqxAu0brKi0+GTE0lkaeSCnfInl0ShzusMbfKngLJ0ihHpwp1aD"
    "DU4cDFw2VEWLnoD+Wij7lO9vfTx7qTFuXURN4Otb9gVQDyV+GvZ1f3PfzKuufpswU5WbEa"
    "13In6k+i4d2Ek5kBLtvdHEd3q+NZ0+Ptt/mgWx0wNy0IvIXugRl+AvBiegugIxBkJYGg4z"
    "Z4gisPX8VNIdj8CnA9PFkBbgkdoCcttRV3P0WOjgx7iRu/gjdBSrP7HTOi365ev/me9oH3"
    "t5jmH67/AARcYLqA1EwE7sJ+QW9bba6jPeFKV47uJh3dhFelsxdjRFJ4Vxso8Eqi64gFiA"
    "JVAuwknYR41+Loc82/ODhnCoywudoMcbabZE0ga11JB3WCTLryxLWMW2V9zEZfXuujMpTV"
    "VRzQ19JLVgdkiRSuyjx2SPMYE+G8t9FGttD0JLbxmStU4Tp/79y10dx8bPEq18UatHNL1/"
    "lNCRxh2zqL12XuyIVZtKTeosOlblpElcDaRka8YkYsbpKwkvgOgfTvk/Mi54PgVtn79PPU"
    "CSHu0ltpC6zdldrpsETyhdGcnJ8WAvo0B+hTLtAr2+EAnb1LZ2mUw52zUycArV0Sg1/Opp"
    "cilHEU1yUuVrrrvtgOZxnMzk5JEcoAeNNZKuZSLy+sY0QyoN6AsKaYlRTWMRolrNPCmgK0"
    "i7BOEco4imsQ1v6I3EFYpwhlAPwgwnptGtqzbpmG6fHO4DMf88VJklwisfLPk5PT048n70"
    "4/fDo/+/jx/NO7SL6kb+UJmsv+5/4gwY8M4eOftcbbv2/lBEsqTarVIXiwV5YOvweVXyBy"
    "fsFm+pTO1+GQyrASNZC040ELPjr6cnNqddG1P00pA+RNL/4Rig+2VzrgiEssAxcaiCeIsH"
    "PhzIFe+SOmM+hlMyZXf9b0C3yYLXRPezGNR1i6ugOfWqFeFHXdsuwXrBTZjvloIo7j5D/j"
    "4SAfek4XSc3KnHng/4BlurVpvK1/zdeIlhICD2vT8vCDvCW/9+9W8ysDgSx/ZUguAgn1iX"
    "SQXBnWK2PHgKc4pQp4ElgLjkL8Uw73oq74AsEmQwQnNn6pP9TkoBK0ykCT6gIcJoGecE8n"
    "ZYsT4ZBo0c4LcYi0jvWm8fbUCgT85sDTsaoO5o69pKkJWKAvbPvpApieC3wmgjcBPO2ABs"
    "P0DTAce+UCHThwBXWP5jW0Ejyp51emaKW/WrZukJwJmplBN/Ng5dgz6LrQaAPXJmkcwU/r"
    "sxluBA3w8Io7Clr5WR+GCWkvho0gvj1FOrJJZAeTvxGhGySFkCSOrPSMWOnC6E+kKiCqtI"
    "0mY0I2fEhhm2e4i5HJFNfYsN0umKtldEqGpHkd8jB2hFq0RQfOoPm8k7qYIFX6oij6YpEA"
    "+Wgh3IHxSdpGzOMH0AhF53Mh67gwQaWHnssqYv9oN1KNRZV3oGPOFi3OZiu4k7vJ0jdtDh"
    "I/rrYGNWwNSFGQzMLlfGgZEgmzi0/OzwtFEp3nRBKdp2rTrlZlEA6aS4huPTmwfs57mf0V"
    "Q6L2VyX3V3vZZfddzP7+f8jPOOs="
)
