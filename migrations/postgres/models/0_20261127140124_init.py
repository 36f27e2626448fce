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
    "rR9isjJG7HlemoAQtXzSYPgzSzWhCFcUVGhknhymgienRtm2jSNhEMsOLAbgi0ZiPQFj3T"
    "s0qlRkcEMhsaZAoy458shXNetc8YWXNot1r1rr6NWdY2wnoXq9qGukHoB72fS6JPSc4BeZ"
    "niznjc/zToXZ6D8NMU9wfG7Wj4iagtY2pzi75M8eVw0DsH9HWKu51Bt3d9TUmjj3IY3PhF"
    "uIy5jadT0Nh2JMa1Ql5c1147s4wlqMA0jahlXo9aBKSrq3PA3qb4djiaUCO4/z7FvZtOn3"
    "xlb1M86V33Po06N+cg/DTFP/cuyBSZnIPgA5ntt30y0W/7cszTlWOKeHiJZuYSWuI5GtEk"
    "J6hP9CYgLsBFOd3FInAve93+Tef6q3cn7RMG76bIb4j7+/RpJZv8sgdUFuU0sYY7H27SL3"
    "IwtAxa4KOMypYiVCFWq2mtjSBDHycF+5iMTStzl7ehUiii5/Tk44dof0e/5G3txmScX6f3"
    "d2TOz6npqcw45mn0ENaZLtpLXMRLvF7Nd+R6nFJzXRauC7YvgoT25Yo6B3aa7QlaHW0sD6"
    "MF0cZ0/2ntFlSepNWclpnT9jNy5mtEiwmXZXSCVPNZZj5TRrk24c8OjE7Sak7LzOmg3lPJ"
    "EL4YkfYeimL4/ApR5UL4eBqNqo6MbBDXyBRa+qCnGJ1CNqbKS8/elx23SToNbhpcLjSpHL"
    "ppQi0ZdHxvCfWv+nPKoii9vaFV/pgyXlPKCEMVaLkVYKteYdMktnHlvgC48fjRxsauZAtb"
    "camQUJkKIJyIv9WB6tthTi/vRUZypHE1DfOxDuakihoDmTwFGNxdXxcraB4k0u9d+zZKx1"
    "dkZMdG6MJ0ieQQDM/SZZTHLIqzu4D48RgdZ4XQWi1sz95zQN3SPlQFyIPu0574TEgX6gi4"
    "pGKjS3LnolV7QlfXXtPQsVZWXld4v701vYs8/abptjSv1mSBAK0uBhgt8FNlgP0AIAi2dd"
    "8D03OBY78A0wWWPXtCc/CyMC1EmgTNyQ0PPiH8ppVAuYbutxeQyczGksaoqnR6FqtVVzpH"
    "K0Gli4IK7VNlMk4L2LKGGE1s8lK/JeugI75KO1bFYj+mnGbJ/qQGu20B8POWjNmGoKF6Xf"
    "oE86aF7YNjL439stwSXUgc7at4optn78nJWAdS50KpzcjywYE67FeuiKKCR24uhW6s7KwK"
    "jkRiMSttUkXZuAIdT5DSJHSNsAZjCHQdq2L7rnJ1rLTPqiCsu/uq6rR2+m4GwVY38j9kb2"
    "9XUZOtds0OBuaSPAGAngdnCzQHng0g9u2Q3wOylwUPpoVcYJnPCJgYsL4BdTpRqjWm5koH"
    "4rm9BE/o1U2bNmv5hVLbbS5VUG+7G912P5G/tesuLaSVeoN20bsajshWy3+nFZlvbq+Jyj"
    "0c0IrM4WeyVRuP70gz9ibH5msGM+osZdez4khUUMsbOFolEGIGkVtlgE6QVTMDDito4ueA"
    "FsL6JAfrkzTW3mK9vMfQtMqinSLUeBfBm8at0ZhLBlMZKZKgk1m+7yxLComSHEmSBPvFnJ"
    "OeiysoUXu9/xTs6RdkE7QQWKQy4dwQaDwFeLrmXwIRkIlm2FxjmZMcpCuifGFGcjlCbg7N"
    "Ym29lR7T9cqy4XyH/MU0ocZXZ9hVacrVJ2jI4Hng5nnTLohjBTgtGqU6S4PF9At8EWGsf7"
    "Yrwgtb1Btat/+ZGdB1ybBESEBI9erEWRi/6SMuZPAv6CMZ9JEMcbT1kQyHO5JheNsblISf"
    "0ZwD+nosUYv6nIXS80MiY0yISa41xkF/rk3Sn0GUJ9LGQvNHJI5hvLBtC0Es5nheN4kRcE"
    "/6qYvp0ZVmuX4xHF7HGH7RT4q9u5uLHpl9iXLzaYsDh98uhlEBua5BKPP80zbw7NVNbRu4"
    "rg/9JcxvXTX4y+BzaFMpWUw2TqV9BLruaXO4+ra+Hepy7lfxVHVcD+GHlUywazehNN6Wsm"
    "5C3jegvVkFKkbGV/CihfYqqRf5RQAcX3EK4Nu0o1sy2bu3n/vQ2WATRPa3kD1L2gkb3mvn"
    "OmL5VnU6Y7UHVGdYVZhhNRxd9kbngL1N8aQz/vEc0Fc5nEHsXQi/eFiH7WWGfEf3cz1JPd"
    "rBrx38MbSVcfCH/mDDxMbCXjsCX3/m6iik1YYHUWoKkRRobryY3sKAllXSgyug1o7bEo5b"
    "7cjLHuhqO/K0cboGI+oLLm1E5Ug0ptqKekgrKhuL2sJX0BLFTdwCFXYzhjPTX/at5x8Yjs"
    "a0L4UQr7VWfRy0HKNdhOp2y53hRm23l3UCIRXwdVhAdVhgYwSWbPoI6jQVIhHY/36N2Rb9"
    "tn4ihLYKHsgq6DOhnKoQo9G6gkD/iiZiKVwTVBrZ7VoYL0/2VBZ458iRgVxUVUgMsO2KWC"
    "CitSZWCN6YXCyritWpY/SeEfZyzsOJ3c/VMBBtWeo8nFochNLYDZTWDdgJMi76U7ArMB/z"
    "z50JqJQ5dOafJyenpx9P3p5++O7s/cePZ9+9jcBO38pD/aL/iQLf5g1u+mgaSW0S1UlgFg"
    "3DxKxI/nJ3c6WvH3SCooaVyt54ajyZv3ttzPIkhGJ7swZkQ56ULi2gG5fNirDgCwql6Y56"
    "nQnLqPY/TPHd7aV/JfgwxeNJZ3I3Nro/dAaf6I34d/E5NN3hzU1v4Pccfpzi2x+Gk6HRub"
    "yk17kvUzz8qTe6pOWQgw9JU9RhQnl0qbDqLSb8seZFs39me6ZSSBZ6Wjmk+tCkL8GFbpl0"
    "S15uJ8zTaHEkzJrDTLUuneCVpNOCKQ0uGfwr8gsm+bPGCoqqVWdHbYpoZValdgzgfPe2UA"
    "QnbZatuLwVlWJn56WVNpwt95QXio/oEKFnk4xM0zK9jGMFtm8PxD1JfIgGRaM3GnSu6cGS"
    "/iei51/3iW5PlHz2TvX+wWTU6U6GI6r4h5/l0OZX63vLdBc7xR4maRspMnAAa5rsilIIkg"
    "42PLxLVgfG1WiEbsxlOLA988GcweCfp0zWsfvtPKM1Trast77rxmWtD3PTqYY16Twsx9CI"
    "rKSxr1Psf93YP+Pfw/tJ+6noatiWs5smLoQtLnudy+v+oGeMh/REOcHFsOXGpsp/9RMmuY"
    "eOfQ3uRqT8tykmS/O486lnjHrdXv8nSpy8soumd3pSJIXtJDuD7SSVIog+lzpcOmwv81Cs"
    "RJOrI2lN13GpPqoQuk8lIwo3FBpQoZXvGTkuU01K2/mSlBrgNMB+uFjZ+ACeSiFUG3ZS64"
    "zKbIao6w6i/2wHlnNkulCmzEYsba38QhitrZX1qCQ64akqVLUN+CDJ0Tonpwy60ubkdFbm"
    "xH5CQuN6dK+dZ1iHK9PwomaNnZqmzeqHMqvrEnI1l5Cjk8lYQLdURFKcqhqsDzuMY0h/eF"
    "8A6A/vM3Gmt5LhX2SvadPddwrlLYckcXQNFtcKsde1tbQlSJIdZBFLEMvDXLs78T1Jq21C"
    "MpsK0OeVf3hcaT7HKTWXZeayg56JprGbcZen1FyWmcva7FfjcT38qelFoU3SaXS1UVUbVW"
    "U3+2mj6oGNqmLZqwEuOHyTq45MlusuF/vUElivY/fbeRbsWbJlY0ZstsFdItclf5FZstsg"
    "buReQIwRMymhzx5yMLSMJ/SqLd7NWrw5NuyUTLchl9kG3iKbhqsrVkHj6mqKb4ejCU2n89"
    "+nuHfT6ZOv7G2KJ73r3qdR5+YchJ+m+OfeRfeHzuQcBB+muHPbPwfkpVWMjTWn2BH2eGtB"
    "ceFiXNxQN3h2yPC2N2iVZCOlOQf0lWZADseszAl7l4QN6/s/0ExgPsh2bnAkEueg7ujaqO"
    "WUnNhyUQLpJJ3MAktKvMt6R1OEeoAXAvzBdIjuZOJ7e413sUaK6LVNUmabpM+xoPIG2pnl"
    "iQ40z2XmeXKDVJLjAnIFvcfKMXxuOkTbEx7wV0xXT/cisx5DdqAXw7vBJS1dwj5M8fBuEl"
    "wKP8mhu+sYjmzo1Y3hSByPXtC6lKBSKIWuyoJN2s1aU908OCtdX4wn0sNVcJ6fTqbXzlV5"
    "vFMlnavB/K4E26in4xq9xaHlRWEMWvIIYHB3fd0SaghNe1aPFN+EalQAYCZHK0B3GPajJr"
    "D8cpOBara3mo/DYCaDPQ+ivPF7UUgE13oEZQiXwJfPIZntxl9yjSo/kiQeIRBUro5c8Qn/"
    "fqIxl6mW8O9Hxn8yYtk98qdMQvxqbLyNmDQitPTQNE9nuzXu+9/bFqXNUNWboe7tuUBHzi"
    "6hFraXGf5KzL11lFDjhZRwDmxxbAoljXZrit2a3MpSAus4lXpQvytahj6vCn0SasFau5N8"
    "T3fTYIDQuOeX4Coj5297g8v+4NM5CD5M8ZiVSR+zIulXnf41DRny3+WQ94H6I+BRtvWZI1"
    "Hm/MfKLHlJpTKFa74zR0Cu/egyu1VnFiQ8mBtr7JmCONYtrrsksea1zLxmzm/kOLbAXpSt"
    "QsSp1FMhzgqpEGc5KsRZWoVwqdZVXnxyZHoqyTyVdLhD9uxSONxhTbhV9hRInkY7OnWoQ4"
    "OhDgcuHq4iwtpFfygXfcx1sr+fPtadsiinJvJ2qP0FqwKQvwh/Pb+67+FXhp4HZwt6smI1"
    "ruVO1J9Cw7sJJzMHXLa7OY7uVsezAePtt/mgWx3wYFoIeAvogRl5AvBiegsAMQiykkDQcR"
    "s8oZVHrpKmCGx+BbgemayAtEQOgElLbcXdT7ED8dxeksav4Ksgpdn9lhvRb1avX3/P+iD7"
    "W0LzD9d/AAouMF1AayYCd2G/4DetttDRnnCla0d3k45uyqvS2YsxIiW8qw0UeKXRddQCxI"
    "AqAXaSTkG8a3H0ueZfApwzBUbYXG+GBNtNuibQta6kgzpBplx54lrGrbY+ZqOvrvVRG8rq"
    "Kg7oa+klqwPyRBpXbR47pHmMi3De22ijWmh6Etv4zJWqcJ2/d+7a+MF8bIkq18UatHNL1/"
    "lNKRxh2zqL12XuyKVZtJTeoqMlNC2qShBtIyNeMSMWN0lYSXyHRPr3yVmR80FIq+x9+lnq"
    "hBB36a2MBdHuSu10eCL1wmhOzk4LAX2aA/SpEOiV7QiAzt6l8zTa4S7YqVOA1i6NwS9n00"
    "sRqjiK6xIXK+i6L7YjWAazs1NShCoA3nSWirmE5YV1jEgF1BsQ1gyzksI6RqOFdVpYM4B2"
    "EdYpQhVHcQ3C2h+ROwjrFKEKgB9EWK/NufEMLXNueqIz+MzHfHGSJFdIrPzz5OT09OPJ29"
    "MP3529//jx7Lu3kXxJ38oTNBf9T/1Bgh8Zwsc/a020f9/KCZ5UmVSrQ/BgrywdcQ86v0Dm"
    "/ILN9CmdryMgVWElaiBpx0MWenTgcnNqddG1P02pAuRNL/4Rive2VzrgSEisAhcaiCeIsH"
    "PRzEFe+SOmM+hVMyZXf9b0C7qfLaBnvJjzR1S6uoOYWqNeFHVoWfYLUYpsx3w0scBx8p/x"
    "cJAPvaCLpGZlzjzwf8Ay3do03ta/HtaYlRIC92vT8siDvKG/9+9W8ysDhSx/ZUguAgn1iX"
    "aQXBnWq/mOAU9xSh3wJLEWHIX4pxzuRV3xBYJNhhhNbPJSf6jJQSVolYEm1QU4TAI94Y5N"
    "ypYgwiHRop0X4hBpHetN4+2pFRj4zYEHiaoOHhx7yVITiEBf2PbTOTA9F/hMBF8F8LQDGg"
    "LT12Du2CsXQOCgFYIey2toJXhSz69M8Qq+Wjac05wJlpnBNvNg5dgz5Lpo3gauTdM4gp+G"
    "sxlphObg/pV0FLTysz7mJmK9zG2MyO0phtimkR1c/kaEbpAUQpM4stIzYqULoz+RqoCo0z"
    "aajAnZ8CGFbZ7hLkamUlxjw3a7YK6W0Sk5kuZ1yMPYEWrRFh00Q+bzTupiglTri7Loi0UC"
    "5KOFcAfGJ2kbMY8fQCOUnc+FrOPSBJUeei7riP2j3Ug1GVXujT3oCBPaNzdzt1rM1OVG7Q"
    "oksJONjmuSTQilBIyS7DjYNggCvygtCKKO22BG9hf0tmcDOjK+scyl6XGU7pv0BquGHyhy"
    "RDsXKa0rrje9o9khvn3fyHbZxFEDzqDyulOTunKj41ktVXkv02p161EHOeZsIVqMgju5Kx"
    "HctDlIPpMW7DUIdlqkKvMgDTG0HImCgv3k7KxQZOtZTmTrWUqwr1allk6/uYLo1lOTwa/B"
    "Usbex5Foe19Je99BF7O//x/nJVTR"
)
