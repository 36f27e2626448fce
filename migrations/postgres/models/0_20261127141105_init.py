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
CREATE INDEX IF NOT EXISTS "idx_order_company_fbde22" ON "order" ("company_id", "completed_at");
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
CREATE TABLE IF NOT EXISTS "chat_start" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "address" VARCHAR(100) NOT NULL,
    "at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_chat_start_at_f42a90" ON "chat_start" ("at");
CREATE INDEX IF NOT EXISTS "idx_chat_start_address_bbfb6c" ON "chat_start" ("address", "at");
COMMENT ON TABLE "chat_start" IS 'A website chat started from a client address, counted to rate-limit chat starts.';
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
    "eJztXe1z4rbW/1c0fLntDN3uJpvd3vTOnSGEbLlNIAOkvdPScRVQghsjU9skm96n//sjyS"
    "/ItmxssI3Q6gsvto4wvyMdHZ03/a+1tOfIct907eUK4tfWOfhfC8MlIh+St9qgBVerzQ16"
    "wYP3Fms74xrdu54DZx65/AAtF5FLc+TOHHPlmTYmV/HasuhFe0Yamvhxc2mNzT/XyPDsR+"
    "QtkENu/PobuWziOfqM3PDr6sl4MJE1jz2sOae/za4b3uuKXetj74o1pL92b8xsa73Em8ar"
    "V29h46i1iT169RFh5EAP0e49Z00fnz5d8EfDf+Q/6aaJ/4gczRw9wLXlcX/33thcaxnGYD"
    "gxxr2JYbRKADSzMQWXPKrL/v0jfYRvTt69//j+u9MP778jTdhjRlc+/u3/9AYYn5DBM5i0"
    "/mb3oQf9FgzjDajsPQVrdwEdMa5h+wSy5JGTyIY45kEbXthguxlPTYC7hJ8NC+FHb0ERff"
    "s2B8qfOqPuD53RV6TV1/QnbTIB/IkxCG6d+Pco3ht8PXOJ/rJxKYx5muZwbt1Nuq1GgP7w"
    "vgDOH95nwkxvxVGeOYiiYUAvjfMluUMRFWMdp0ygPQ9I34QfjnGMkz84H2LrNRBcOdBP+j"
    "e98aRzc0t/bum6f1oMv86kR++csKuviatffUiwKeoE/Nyf/ADoV/DLcNBj8Nqu9+iwX9y0"
    "m/zSos8E155tYPvFgHNOxoZXQ9T+pqvDwxMnyuiFezh7eoHO3Ijd4VYO/Gx6kCLnpsfHRU"
    "B89eMIWayRYCQEC2U/6ugIR8Lf4dgPr25GBKcRoOU9ctyFudoTqpuoI1WhIgOVjGUX7QlU"
    "x+9GVZTIXY+oinuC1PV7URUke+3d258NtISmtSdSQ9ZVj/ZUAK1AzB4VWGQjskR4/xHFel"
    "F2RDlzIn33HEq0D1UBWi1sz94ToFvah6oAedB92hOfCelCWXjQckX+/76r/yToRlWYmBwy"
    "0PP+AptJo96zwjIb2575YM6q2KgMuK5UhQuuTMOzn9C+WHVW5oR2oypO5O4z0QWqGFZdri"
    "tV4VqSzRh83Feu3/i9KA6SAT2yLVtUoI4HeHWi/lRFzkMWenTg0liv5lWoD35vd6wzlTCj"
    "dj37xM6y9MVvJfWNmb3Gnr93EWM7xGhik5eCakd305+CG2qmnVWJGdPS1MZstoAYI4u2ej"
    "AfqwCt6/fYjTpUBDU6bZcny8REXkJMxP086I4Sp03sAk913ACf7aw24+22+atbHQzQN9Rm"
    "hubAMvET8Gzwh21iAEHg9/4eeAsEmL4JTBe4nu2QtgvoLsgbxHPwYjtPLrDxDL1pJRCroX"
    "vtR5fLj45Cg2tRJ29EoKIn/ayIh5e0yvakn6V8vI5tZXjRe3i9ZCD3yTNBMkNSYIe0MmPd"
    "Gv486I3OAXub4vGkc3V1DtjbFHev+73B5Bz47+T7cDAZdbqTISHYfE7KnSK8evehAKveJb"
    "28G07RW3FGNRpSItkq2EhEiZc1EbLCSbw9Rv8XCDBdhA269JZCOUZVjaA57IqpY3Z0zE4l"
    "MTuxvebnlUl624HrcUoFuX4kXA4xyWUznM3QarfZnSCtgNGSLWEq8TnYvRql9pRxou17yy"
    "OYu9VsL1NRU2Vx5Yl2wlWyqVI1rMwsRETLfckRm6LTg1aArm/Tc8pBGyfSg9aHNRXmnBK5"
    "aYivbAeZj/hH9JoyhmSGwIU9HdnIzTI2k8sOfIlsnomVhiBA/jfy/J1cZ9ztXPZaGfKhAn"
    "iVjIBOIpySjNtBDmZ80whLJiWKAhyXj9vRnW0ipfcWD0Vjro8U2ri+JIY2O72klIO6pBPs"
    "2n408RU0rbWDWgI3WOx+O88RZtGWxgPXdLsvDDwEnipKC6BHQx29NvAdxHOwQk7gzWKOKf"
    "p1ZpkIeyDIiAAPtgPocAGWuTQ9wiqBR6ymH9F+Mbn8Yk9IsJRmW1GD5nX5aQ5nPz0tZKk+"
    "zbFUn6Yt1TsYVxo0njUKtloW0xJZjnUuQ5x+JViE4tpX9hK0jLcrsP4Qae/aGJB1wcZoEy"
    "Hx+wp6i99peASNlViSwemY0DJdslzYzuM3noMQoE3aAL15fAN+//bdtx+/fX/y7e+i5aeW"
    "3xCsPr/yG7a1Sy7+lliQfo00YnLj10iB+00vVE0uVDq8QIcXyL8t1/EFxw8wXT7K4Bu2V0"
    "8pfve2EL60WbaAeJtGWIcWfCmKMs91C7qe4ds7yjM+Raz9ztrvfATTWfudjwFW7RmtBVa6"
    "nS6HKUeh57/2NR/S18xsQfsDe+cqVaMliSo3YbVnuTHP8ogoaKN+d6JdywdxLQsrFxpukB"
    "UvTjTV5QuTeIVujeYgO5LBGk+rQyvb2b96g3riMoaSi1x3//IpY78XVSefLsxXBKTAwthk"
    "gb5jnHEOclekgUn+QaNYHeWgIvqWt3YNWpRi78pFDKgx67DL+lN0gOkCkNvqq5HF6hETUa"
    "UrQRaS6BomXTCzOpgMdwGdqsAa075URUyXzdyxbKZhuu563w2y6tUzdZVR2auMHqPy2XSR"
    "0WPBqM5o5hF6IAvqwp+Fgnjm2P12XkSz47f05QJrqg9Ea2ro1B0HrKv/6Oo/OkRPV/850J"
    "IoO5cLReet3Z1mNkemoy9l5m/gDROGXt3d9S/F7I1TJTi8XpvzN5RWranrZ3X6vOK5wP5p"
    "buiVu/EV7hlsoZ7XsZ2ItoiPLJkS+UPsBdsNji3ZOw1uFBRJnAw2Jt/4daQf4NK0Xs9Zgq"
    "OfZm/72Y5z9GzO0Pek+bP9RBgATA8gPHcBIvvu16AKtf1ALosyJ+v5kYr3QdliqHrxs11R"
    "b/3rYY1nlE+A/RJ9ef/vlnTyqJ2zMdIa+5eosbPZuxPX45RaoZNZoduk6JdMUUjS6aD67U"
    "H18XoITQYqywZ04Ujl5DDbPaA2Zrrd0/yeNBgrgn6tRniWriDQhsM0hmxVmGUCMA2zqDbM"
    "GvuaKV9KCrrui+3M24B52Ofg/hVAy6KqKAyqgvzDBdw56CIduMqutQdALg/AoY9ykcjuX8"
    "tBLuEsKe1kSRHqkh7FKk7orVs2+mpt3VJqZxGdiFuQ9lOIlFRGa1WHOn4xS5FGFN7KVYog"
    "16jOGIRNWbI2UyR0cbJGVRLyr1EplSQiUK8m07uiNYPySgalil6hz4K1MSfeI2ivoAZyVg"
    "jfsxx8z9L4zpFHdGTB8jIhQIoh5khUGMR5ikXvv5OYThFC+dVN579fx/SK6+HgU9icg757"
    "PbxIIE7Xam89F1Ryu7JsmIE5T5QA/YFSKQX75fDu4roHbke9bn/cHw7iChy7SS+RC2aYFd"
    "+5TqJs48cdYOapNM4FcNY7mGzprdYORlf5qku9PHyVLxVxzXH06OpJ9VVPOkQtmuPFtppi"
    "NDoNv2HrUDg0BdYhbtRmW4e4SVK7dSgSUE/kBn1nD/ybX9E+uhkW49YmpMYPYgnYkrZwbK"
    "9vH9LKbO1oHVMNews9Qst4sJ3lriyJ9yA1Y257o/FwcA789ykejj51Bv1fOpM+vcp/k4M5"
    "+oCBek8tati/LpmhpAkHOwGp1AiOCNQD+KyYMTvHlp12FRDZ68AMyZ3lLtjQqIdxPR4Z8g"
    "siRTAH5IhCPYirH8bYFpbiyfbHRAQqoNu0N0beAvDHt8fRXgHtFdBeAW29lsrCut16XcTC"
    "ypWv3s/MqnzZalq0GlpGELq4H1jKV68OogT3LTfFRSQqMo/j6wo7X1wXGy5Q6Y25EmxHF7"
    "HWRfEkdp8N1969/bnHrIcCFxp/u53nRrNZQyMyQ9bsS6PnfIRbGvKL0S4Fk605+UgLxLL7"
    "2oHWcGG4UsYoW1GXQC0Wa3d9/wcSRXNkA8yRKIhyLY6Xe3su2M5lW/zC9krg27TFT9umso"
    "e6urYpfu0uwXKOTBdKkblQSqB+CXT5TP2KJ2nO7vhWai2Lc0MllNqSE0dArieQzBNoZkHC"
    "g7mxxp4oCGTLypgk1ryWmdcWdD0DOY4tOJE1L3WVp1LB2dxAfmXMUFBmSsUI9XSSeTodyu"
    "8pGUsVdHtKhnAzXs96Eyf8M0SFiRPR8aJ5iRObRvUae+3Q+/Fsuua9aZneqzbsNmvY1Wax"
    "Bs1i3DAX6oTbMx/iPcjMBDr2eqNB5/ochJ+m+JjSVLQNMxt6dW2Y5ObCLhmqGqPR0XXCnH"
    "sdtVgHrkyBKocqT6IxlXNLJBvEddUxiPT/PZFVLeIsiSs/Z7ej6i9HFcCqZEXLJLaxxTsG"
    "7ojoEqN+d3Kofbw/qkWxW+Fwz4naippUuoOPlzNY0+Hhb9iz6iGQIeatXZ+NcG6ZOF0VIb"
    "rR9isjJG7HlWlRA/KRsow18W+yWNbsvsMIzqwWRJtckWFjUiwzmoj+lzZcNGm4CEZfcWA3"
    "BFrtEaiSnulZpfKmIwKZrRAyRaDxT5bCOa8UaIysObRbrXqX5sbMbhthvYvJbUPdIPSD3s"
    "8l0ack54C8THFnPO5/GvQuz0H4aYr7A+N2NPxEdJoxNchFX6b4cjjonQP6OsXdzqDbu76m"
    "pNFHOaxx/CJcxhbH0yloiTsSy1shF69rr51ZxhJUYJpG1DKvRy0C0tXVOWBvU3w7HE2ohd"
    "x/n+LeTadPvrK3KZ70rnufRp2bcxB+muKfexdkikzOQfCBzPbbPpnot3055unKMUU8vEQz"
    "cwkt8RyNaJIT1Cd6ExAX4KKcvmQRuJe9bv+mc/3Vu5P2CYN3UwE4xP19+iiTTfLZAyqLcp"
    "pYw50PN+kXORhaBq3+UUZlSxGqEMjVtNZGkKGPk4J9TMamlbnL21ApFO5zevLxQ7S/o1/y"
    "tnZjMs6v0/s7Mufn1C5VZhzzNHoI6zQY7UIu4kJer+Y7cj1OqbkuC9cF2xdBtjtnhi472x"
    "O0OhRZHkYLQpHp/tPaLeI8Sas5LTOn7WfkzNeIVhouy+gEqeazzHymjHJtwp8dGJ2k1ZyW"
    "mdNBMaiS8X0xIu09FAX4+eWjysX38TQaVR022SCukSm09ClQMTqFbEyV16W9Lztuk3Qa3D"
    "S4XGhSOXTThFoy6ODfEupf9YeYRVF6e0Or/BlmvKaUEaMq0HIrwFa9qqdJbOPKfQFw4/Gj"
    "jY1dyRa24lIhoTIVQDgRf6uj2LfDnF7ei4zkSONqGuZjHcxJFTUGMnkKMLi7vi5W7TzIst"
    "+7MG6Uq6/IyI6N0IXpEskhGJ6layyPWRRndwHx4zE6zgqhtVrYnr3ngLqlfagKkAfdpz3x"
    "mZAu1BFwScVG1+vORav2bK+uvaahY62spK/wfntr7hd5+k3TbTlgrckCAVp6DDBa4KfKAP"
    "sBQBBs674HpucCx34Bpgsse/aE5uBlYVqINAmakxsefEL4TSuBcg3db68uk5mNJY1RVen0"
    "LFbIrnSOVoJKVwwV2qfKpKMWsGUNMZrY5KV+S9ZBR3yVdqyKxX5MOc2S/UkNdtsC4OctGb"
    "MNQUPFvPTx5k0L2wfHXhr7ZbklupA42lfxRDfP3pOTsQ6kzoVSm5HlgwN12K9cEUUFz+Nc"
    "Ct1Y2VkVHInEYlbapIqycQU6niClSegCYg3GEOgiV8X2XeWKXGmfVUFYd/dV1Wnt9N0Mgq"
    "1u5H/I3t6uoiZb7ZodDMwleQIAPQ/OFmgOPBtA7NshvwdkLwseTAu5wDKfETAxYH0D6nSi"
    "VGtMzZUOxHN7CZ7Qq5s2bdbyC6W221yqoN52N7rtfiJ/a9ddWkgr9Qbtonc1HJGtlv9Oyz"
    "Xf3F4TlXs4oOWaw89kqzYe35Fm7E2OzdcMZtRZyq5nxZGooJY3cO5KIMQMIrfKAJ0gq2YG"
    "HFbQxA8JLYT1SQ7WJ2msvcV6eY+haZVFO0Wo8S6CN41bozGXDKYyUiRBJ7N831mWFBIlOZ"
    "IkCfaLOSc9F1dQovZ6/ynY0y/IJmghsEhlwrkh0HgK8HTNvwQiIBPNsLnGMic5SFdE+cKM"
    "5HKE3Byaxdp6Kz2m65Vlw/kO+YtpQo2vzrCr0pSrj9eQwfPAzfOmXRDHCnBaNEp10AaL6R"
    "f4IsJY/2xXhBe2qDe0bv8DNaDrkmGJkICQ6tWJszB+00dcyOBf0Ecy6CMZ4mjrIxkOdyTD"
    "8LY3KAk/ozkH9PVYohb1OQul54dExpgQk1xrjIP+XJukP4MoT6SNheaPSBzDeGHbFoJYzP"
    "G8bhIj4J70UxfToyvNcv1iOLyOMfyinxR7dzcXPTL7EuXm0xYHDr9dDKMCcl2DUOb5p23g"
    "2aub2jZwXR/6S5jfumrwl8Hn0KZSsphsnEr7CHTd0+Zw9W19O9Tl3K/iqeq4HsIPK5lg12"
    "5CabwtZd2EvG9Ae7MKVIyMr+BFC+1VUi/yiwA4vuIUwLdpR7dksndvP/ehs8EmiOxvIXuW"
    "tBM2vNfOdcTyrep0xmoPqM6wqjDDaji67I3OAXub4kln/OM5oK9yOIPYuxB+8bAO28sM+Y"
    "7u53qSerSDXzv4Y2gr4+AP/cGGiY2FvXYEvv7M1VFIqw0PotQUIinQ3HgxvYUBLaukB1dA"
    "rR23JRy32pGXPdDVduRp43QNRtQXXNqIypFoTLUV9ZBWVDYWtYWvoCWKm7gFKuxmDGemv+"
    "xbzz8wHI1pXwohXmut+jhoOUa7CNXtljvDjdpuL+sEQirg67CA6rDAxggs2fQR1GkqRCKw"
    "//0asy36bf1ECG0VPJBV0GdCOVUhRqN1BYH+FU3EUrgmqDSy27UwXp7sqSzwzpEjA7moqp"
    "AYYNsVsUBEa02sELwxuVhWFatTx+g9I+zlnIcTu5+rYSDastR5OLU4CKWxGyitG7ATZFz0"
    "p2BXYD7mnzsTUClz6Mw/T05OTz+evD398N3Z+48fz757G4GdvpWH+kX/EwW+zRvc9NE0kt"
    "okqpPALBqGiVmR/OXu5kpfP+gERQ0rlb3x1Hgyf/famOVJCMX2Zg3IhjwpXVpANy6bFWHB"
    "FxRK0x31OhOWUe1/mOK720v/SvBhiseTzuRubHR/6Aw+0Rvx7+JzaLrDm5vewO85/DjFtz"
    "8MJ0Ojc3lJr3Nfpnj4U290ScshBx+SpqjDhPLoUmHVW0z4Y82LZv/M9kylkCz0tHJI9aFJ"
    "X4IL3TLplrzcTpin0eJImDWHmWpdOsErSacFUxpcMvhX5BdM8meNFRRVq86O2hTRyqxK7R"
    "jA+e5toQhO2ixbcXkrKsXOzksrbThb7ikvFB/RIULPJhmZpmV6GccKbN8eiHuS+BANikZv"
    "NOhc04Ml/U9Ez7/uE92eKPnsner9g8mo050MR1TxDz/Loc2v1veW6S52ij1M0jZSZOAA1j"
    "TZFaUQJB1seHiXrA6Mq9EI3ZjLcGB75oM5g8E/T5msY/fbeUZrnGxZb33XjctaH+amUw1r"
    "0nlYjqERWUljX6fY/7qxf8a/h/eT9lPR1bAtZzdNXAhbXPY6l9f9Qc8YD+mJcoKLYcuNTZ"
    "X/6idMcg8d+xrcjUj5b1NMluZx51PPGPW6vf5PlDh5ZRdN7/SkSArbSXYG20kqRRB9LnW4"
    "dNhe5qFYiSZXR9KaruNSfVQhdJ9KRhRuKDSgQivfM3JcppqUtvMlKTXAaYD9cLGy8QE8lU"
    "KoNuyk1hmV2QxR1x1E/9kOLOfIdKFMmY1Y2lr5hTBaWyvrUUl0wlNVqGob8EGSo3VOThl0"
    "pc3J6azMif2EhMb16F47z7AOV6bhRc0aOzVNm9UPZVbXJeRqLiFHJ5OxgG6piKQ4VTVYH3"
    "YYx5D+8L4A0B/eZ+JMbyXDv8he06a77xTKWw5J4ugaLK4VYq9ra2lLkCQ7yCKWIJaHuXZ3"
    "4nuSVtuEZDYVoM8r//C40nyOU2ouy8xlBz0TTWM34y5PqbksM5e12a/G43r4U9OLQpuk0+"
    "hqo6o2qspu9tNG1QMbVcWyVwNccPgmVx2ZLNddLvapJbBex+638yzYs2TLxozYbIO7RK5L"
    "/iKzZLdB3Mi9gBgjZlJCnz3kYGgZT+hVW7ybtXhzbNgpmW5DLrMNvEU2DVdXrILG1dUU3w"
    "5HE5pO579Pce+m0ydf2dsUT3rXvU+jzs05CD9N8c+9i+4Pnck5CD5Mcee2fw7IS6sYG2tO"
    "sSPs8daC4sLFuLihbvDskOFtb9AqyUZKcw7oK82AHI5ZmRP2Lgkb1vd/oJnAfJDt3OBIJM"
    "5B3dG1UcspObHlogTSSTqZBZaUeJf1jqYI9QAvBPiD6RDdycT39hrvYo0U0WubpMw2SZ9j"
    "QeUNtDPLEx1onsvM8+QGqSTHBeQKeo+VY/jcdIi2Jzzgr5iunu5FZj2G7EAvhneDS1q6hH"
    "2Y4uHdJLgUfpJDd9cxHNnQqxvDkTgevaB1KUGlUApdlQWbtJu1prp5cFa6vhhPpIer4Dw/"
    "nUyvnavyeKdKOleD+V0JtlFPxzV6i0PLi8IYtOQRwODu+rol1BCa9qweKb4J1agAwEyOVo"
    "DuMOxHTWD55SYD1WxvNR+HwUwGex5EeeP3opAIrvUIyhAugS+fQzLbjb/kGlV+JEk8QiCo"
    "XB254hP+/URjLlMt4d+PjP9kxLJ75E+ZhPjV2HgbMWlEaOmhaZ7Odmvc97+3LUqboao3Q9"
    "3bc4GOnF1CLWwvM/yVmHvrKKHGCynhHNji2BRKGu3WFLs1uZWlBNZxKvWgfle0DH1eFfok"
    "1IK1dif5nu6mwQChcc8vwVVGzt/2Bpf9wadzEHyY4jErkz5mRdKvOv1rGjLkv8sh7wP1R8"
    "CjbOszR6LM+Y+VWfKSSmUK13xnjoBc+9FldqvOLEh4MDfW2DMFcaxbXHdJYs1rmXnNnN/I"
    "cWyBvShbhYhTqadCnBVSIc5yVIiztArhUq2rvPjkyPRUknkq6XCH7NmlcLjDmnCr7CmQPI"
    "12dOpQhwZDHQ5cPFxFhLWL/lAu+pjrZH8/faw7ZVFOTeTtUPsLVgUgfxH+en5138OvDD0P"
    "zhb0ZMVqXMudqD+FhncTTmYOuGx3cxzdrY5nA8bbb/NBtzrgwbQQ8BbQAzPyBODF9BYAYh"
    "BkJYGg4zZ4QiuPXCVNEdj8CnA9MlkBaYkcAJOW2oq7n2IH4rm9JI1fwVdBSrP7LTei36xe"
    "v/6e9UH2t4TmH67/ABRcYLqA1kwE7sJ+wW9abaGjPeFK147uJh3dlFelsxdjREp4Vxso8E"
    "qj66gFiAFVAuwknYJ41+Loc82/BDhnCoywud4MCbabdE2ga11JB3WCTLnyxLWMW219zEZf"
    "XeujNpTVVRzQ19JLVgfkiTSu2jx2SPMYF+G8t9FGtdD0JLbxmStV4Tp/79y18YP52BJVro"
    "s1aOeWrvObUjjCtnUWr8vckUuzaCm9RUdLaFpUlSDaRka8YkYsbpKwkvgOifTvk7Mi54OQ"
    "Vtn79LPUCSHu0lsZC6Ldldrp8ETqhdGcnJ0WAvo0B+hTIdAr2xEAnb1L52m0w12wU6cArV"
    "0ag1/OppciVHEU1yUuVtB1X2xHsAxmZ6ekCFUAvOksFXMJywvrGJEKqDcgrBlmJYV1jEYL"
    "67SwZgDtIqxThCqO4hqEtT8idxDWKUIVAD+IsF6bc+MZWubc9ERn8JmP+eIkSa6QWPnnyc"
    "np6ceTt6cfvjt7//Hj2XdvI/mSvpUnaC76n/qDBD8yhI9/1ppo/76VEzypMqlWh+DBXlk6"
    "4h50foHM+QWb6VM6X0dAqsJK1EDSjocs9OjA5ebU6qJrf5pSBcibXvwjFO9tr3TAkZBYBS"
    "40EE8QYeeimYO88kdMZ9CrZkyu/qzpF3Q/W0DPeDHnj6h0dQcxtUa9KOrQsuwXohTZjvlo"
    "YoHj5D/j4SAfekEXSc3KnHng/4BlurVpvK1/PawxKyUE7tem5ZEHeUN/79+t5lcGCln+yp"
    "BcBBLqE+0guTKsV/MdA57ilDrgSWItOArxTznci7riCwSbDDGa2OSl/lCTg0rQKgNNqgtw"
    "mAR6wh2blC1BhEOiRTsvxCHSOtabxttTKzDwmwMPElUdPDj2kqUmEIG+sO2nc2B6LvCZCL"
    "4K4GkHNASmr8HcsVcugMBBKwQ9ltfQSvCknl+Z4hV8tWw4pzkTLDODbebByrFnyHXRvA1c"
    "m6ZxBD8NZzPSCM3B/SvpKGjlZ33MTcR6mdsYkdtTDLFNIzu4/I0I3SAphCZxZKVnxEoXRn"
    "8iVQFRp200GROy4UMK2zzDXYxMpbjGhu12wVwto1NyJM3rkIexI9SiLTpohsznndTFBKnW"
    "F2XRF4sEyEcL4Q6MT9I2Yh4/gEYoO58LWcelCSo99FzWEftHu5FqMqrcG3vQESa0b27mbr"
    "WYqcuN2hVIYCcbHdckmxBKCRgl2XGwbRAEflFaEEQdt8GM7C/obc8GdGR8Y5lL0+Mo3Tfp"
    "DVYNP1DkiHYuUlpXXG96R7NDfPu+ke2yiaMGnEHldacmdeVGx7NaqvJeptXq1qMOcszZQr"
    "QYBXdyVyK4aXOQfCYt2GsQ7LRIVeZBGmJoORIFBfvJ2VmhyNaznMjWs5RgX61KLZ1+cwXR"
    "racmg1+DpYy9jyPR9r6S9r6DLmZ//z/Ew16R"
)
