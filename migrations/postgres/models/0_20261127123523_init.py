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
    "eJztXWtz4ka6/itdfDnZKjKZ8dgzOc7WqcJYnrDB4AKcbCWkFBkao7VoEUnY492T/77dLQ"
    "l0aQkJkGja7xcuUr+NePr29vNe+j+NhT3FlvuubS+WBnltXKL/NIixwPRD8lYTNYzlcnOD"
    "XfCMB4uXnUQKPbieY0w8enlmWC6ml6bYnTjm0jNtQq+SlWWxi/aEFjTJ4+bSiph/rrDu2Y"
    "/Ym2OH3vjtd3rZJFP8Fbvh1+WTPjOxNY09rDllv82v697rkl/rEO+GF2S/9qBPbGu1IJvC"
    "y1dvbpN1aZN47OojJtgxPMyq95wVe3z2dMEfDf+R/6SbIv4jRmSmeGasLC/ydx/0zbWGrv"
    "f6I32ojXS9UQKgiU0YuPRRXf7vH9kjfHv24fzz+fcfP51/T4vwx1xf+fyX/9MbYHxBDk9v"
    "1PiL3zc8wy/BMd6Ayt9TsLbnhiPGNSyfQJY+chLZEMc8aMMLG2w3/akOcBfGV93C5NGbM0"
    "Tfv8+B8ufWoP1ja/ANLfU39pM2HQD+wOgFt878ewzvDb6eucD/tkkpjKMy9eHcuB+1G7UA"
    "/em8AM6fzjNhZrfiKE8czNDQDS+N8zW9wxAVYx2XTKA9DUTfhR9OsY/TPzjtE+s1mLhyoB"
    "91brXhqHV7x35u4bp/Why/1khjd8741dfE1W8+JZppXQn6pTP6EbGv6Nd+T+Pw2q736PBf"
    "3JQb/dpgz2SsPFsn9otuTCNzbHg1RO0vtjrMniJTGbvwYEyeXgxnqsfuRFYO8mx6BkPOTf"
    "ePq0D45qcBtnghQU8IFsrOuqIT7Al/hX0/vLrpERGNAC8esOPOzeWeUN2uK1IVKtpRaV92"
    "8Z5AtfxqVEWJ3vWoqrgnSG2/FlVBslfeg/1VxwvDtPZEqs+r0lhNBdAKptmTAotuRBaY7N"
    "+jeC3K9ihnSmffPbsSq0NVgJZz27P3BOiO1aEqQJ7hPu2Jz4hWoSw8eLGk/3/f1X8UVKMq"
    "THwe0vHz/hM2n420Z4XnbGJ75sycHGKj0otUpSpcxtLUPfsJ74tVa2mOWDUq4cR2xfaZnb"
    "VPjt9KjtaJvSKev/KLUe0TPLLpS8FB297Up6A6yue2Q2LG5zj1MGMdcHG2SHTJhUGMR/6U"
    "rDomnKZaBBaLOBGTbbQw4+W22S0aLYLwt2zvhKfIMskT8mz0L9skyECB/eMH5M0x4vMOMl"
    "3kerZDy84Nd07fDDJFL7bz5CKbTPC7RgKxCqoHe4pc9hQcbryLkv1rARUtKhdFmH5aKtui"
    "cpHi+h3byrCmaGS14CB36DMZdISkwA5lZca60f+lpw0uEX8bk+GodXNzifjbmLS7Ha03uk"
    "T+O/3e740GrfaoTwU2n5PzTpG2+vCpQFN9SLL9m5Zit+INVatpUbJVsBbLopc1ELLMit4e"
    "vf8NAswWYZ0tvaVQjkkdZqI57ooJtluw3R7EdhvbNX1dmrS2HVo9Lqlgq59IK4eY5DazMZ"
    "ng5W6jOyF6gIaWbAlTqZ2D3ateak8ZF9q+tzyBsXuY7WXKel4W16jQTrhKNlQODSunhejU"
    "8lCyx6bkoNMK0PU5PacctHEh6LQ+rCl3t9SUm4b4xnaw+Uh+wq8pMiTTFSKs6cR6bhbZTC"
    "87xsua80ysNBQB+r+x5+/kWsN261prZMwPB4BXSU+4JMKpmXE7yMGIrxthyWaJogDH58ft"
    "6E42HnN7Tw9Ffe9OFNq4viSGNtvNuJSptaQRrGs/muTGMK2VgxsCM1jsfjPPEGaxkvosUn"
    "S7LQzNAksVk0WGx1xevCbyTZ1TtMROYM3ihin2dWKZmHgo8IxFM9tBrLsgy1yYHm0qgUWs"
    "oh8Bu5hcdrEnLFhKs1nUoHhVdprj8acfCzHVH3OY6o9ppnoHcqVG8qxWsNViTEtEu1S5DE"
    "X0K8EiFNe+spegRbxcgfWHzvauTRBdF2yCNx4SfywNb/4Hc49gvhIL2jkd07BMly4XtvP4"
    "redgjFiRJsLvHt+hP7778N3n787PvvtDtPxU8huC1ee36IZt5dKLv8OCdMQFCdwIwI1A/u"
    "03+BGcPsBsmSiDb1hePeX3w/tC+LJi2RPE+zTC4ELwVhTiaKtbhuvpPq9RvuFTwmBfBvvy"
    "CQxnsC+fAqxgAa0EVrZtLodpRALGP9iUj2lT5pzP/sDeu0rF5CdRjQxYsCDXZkEeUAVt0G"
    "mPwIR8FBOyMFOV7gah7uJ4UkhXlcQrNF/UB9mJdNZ4+Bxe2s6+uRhUnC5jKLnYdffPwjD0"
    "a1F18EEipiIgBQxjnQmZTnHEOdhd0gIm/Qe1YnWSnYrqW97K1Sdzgzzum4GIAzXkFbZ5fY"
    "p2MEj4tS2fDl2sHgmdqiDzV6EZHWCCBGmHg0l354ZzKLCGrC5VEYM0aTumSdNN113tu0FW"
    "MVsaZJWrIKtcSR/TAZ7R6W/uYybwMo3db+b5mTp+Sb8VeVE4rqSurlO11ybkZIGcLOBQBT"
    "lZjrQkyt7KhXypVu5OIzsiBr5yMrdvYLsQOsrc33euxc0bl0q08GplTt8xWbWGrh9r57dV"
    "tBX4P811lHE3lp09TePq2YiaCdt4vGfJFF4dYi/YbkSaJXunEekFRcLZgo3Jt35235mxMK"
    "3XSx525gc/234M2hQ/mxP8Ay3+bD/RBkCmhzCZugg/Y+c1yA1sz+hlUTxbNT9y4H1Q9jR0"
    "+Olnu6Le+PtsRSasnRD/JfZy/n8N6eajZs7GCDT2t6ix89G7U6vHJUGhk1mh2wROl3QoT8"
    "qBC/R2F+h4lHqdbqWyAV3YrzTZzXZ3f4xRt3sS8EnCWBH0KyXhuXO5QBsOnc6zVWHut801"
    "zKLaMC/sa6bRBD+G677YzrSJuD10ih5ekWFZTBU1glwN/+OiyCmlIh34kFWDBUAuC8CxD9"
    "iQiPev5HiNcJSUNrKkBCEBQ7H8ALB1y0Zfra1bSu0sohPBidxHU4fCo7kFGlHk1O5spciI"
    "FAIfBFU0EPqvcSkNZC2gXsKcD0UTuuTlc0llJMJfBUthjntHUF5BheOiEL4XOfhepPGdYk"
    "98zvyIAimGOCKiQifO0yO0f45iKkQI5Te3rX/+LaZGdPu9L2HxCPTtbv8qgThbmr3VVJBm"
    "68ayjQzMo0IJ0GdMSinYr/v3V10N3Q20dmfY6ffi+hq/yS7RC2YYstzqJlG2yeMOMEelAO"
    "cCOMOGJXv2VmvDAimYqlIvj5+CSUVcIbXNUVLbHCNRyOlie5hMIRAjXTMZFHZNARkU6bXZ"
    "ZFBkkFRKBsUSjT/RG+ydP/DvwBPVyROF2KdpjO0ZxkNZmSmNxillEbfwo2HpM9tZ7Nok8R"
    "qkbpg7bTDs9y6R/z4m/cGXVq/za2vUYVej3+RoHEjxXu35MDXbzCVjQ+owmlOQSvXgtYB6"
    "AF8UY6xzCOu0PYDOvY6RMXNn2QQ2MuphXI3Zhf6CSBHMAXktoR7Eh+/GxBYmQ8k2uqwFVE"
    "C3bpOLvCm4T2+PA9Q/UP9A/QNFLRWNup2iLkKjRhII78elKp84mKUNNiw9cEfcDyzl8wcH"
    "nn/75nOLeBkqMo7j6wo/yRnSvW5PtEy4vcB2II1wzVaf/sp7sL9qnA8TWH6it5t51h+bF9"
    "TXxFrFJiB2dkCopPPz1YMvhG429eCQdXYJTEI1py8rRa/YipLclXCw7urhX1jkhJANcERE"
    "QZQrMSU82FPBBiWbwwrLK4Fv3RwWsC3ZXV1dtiW6dpdo8ogYpPOQOZ1HoH4JlPhM/SoqUh"
    "+T9l5qLStiWEkotSUHjkAcBpDMA2hiGbQNpvqKeCK3hi0rY1IY2lrmtubndGPHsQWnPOZF"
    "XEalVDCf1hAWGCMKygypmCAMJ5mH07EseZI1qYKGPMkQrseOV62/v38uodDff31kYZ6//6"
    "ZQtWSvHfL5z6ZrPpiW6b0CsVsvsQu0WI20WKSbC3XC7b788RpkbgTW97RBr9W9ROGnMTml"
    "wAvgMLOhV5fDpDfndknny5gM+IsJQ8XBD68KXLkCVQ7VqAhgKueWSDaIqwq/X+v/eyKrmg"
    "9VEtfomN2Oqr8cHQBWJfMuJrGNLd4xcAdUlxh02qNj7eP9Xi3y3Qq7e47X1rrIQXfwsRB9"
    "ulmh3cPfsGeF8fvnvfvNaEwtk+AGLR4rEr8hEgBGoE5GIGjW4sBuBECfEOhonulZpUJs1w"
    "Iyb+9lcu2KPlkK57zUkDGx+tBuNKpd82rjszaT9S5c1ka6Ruh72i8l0Wcil4i+jElrOOx8"
    "6WnXlyj8NCadnn436H+hysKQMV3rL2Ny3e9pl4i9jkm71Wtr3S4TXX+Ug+ZaL7OpVswnua"
    "JyClJcJ0JpFbKduvbKmWQsQQWG6Vpa5vWoQUG6ublE/G1M7vqDEaOe/fcx0W5bHfqVv43J"
    "SOtqXwat20sUfhqTX7QrOkRGlyj4QEf7XYcO9LuOHON06ZiiNrzGE3NhWOIxupZJDlBf6F"
    "0gfLJGWhG411q7c9vqfvPhrHnG4d1khA1xP0+fZLGJU5rhsiinhQHufLhpvdghhqWzRBFl"
    "VLaUoAoeUnVrbRQZ9jgp2Ie0b1qZu7yNlEJ+NB/PPn9a7+/Yl7yt3ZD28256f0fH/JQRPm"
    "X6cVQGujDEl4BttohtdrWc7tjqcUlodVlaXbB9EcSQL5aMkt9ptCdkwcdXnoYW+Piy/ae1"
    "myt3UhZaWuaWtp+xM11hlpS2bEMnRKGdZW5n1lCuTdtnh4ZOykJLy9zSQd6gko5zMSGwHo"
    "o85/xMQ+Uc56IygCr4I9aI65oKLX0qUExOIY7p4ClMH8r226QcgJsGl65DS/oLJv2z5dBN"
    "C8LMAF61JdS/wx9qxZf/g0Cr/JlWUU0pw/lToOUeAFv1EmQmsY0r9wXA3SgBtfZdyRa24r"
    "NCQmUqgHBkrToAxG/CPTy9vBfpyWuNq26YT7UzJ1XUGMj0KVDvvtstlhg7CF/fM9VsJFJe"
    "kZ4d66Fz06Uzh6B7lk7HO+RenO25QR5P0XBWCK3l3PbsPTvUHatDVYA8w33aE58RrUKdCa"
    "7a1M5s3LXtFXOGamTFB4X3m1vDhOjTb4puCxdqjOYYsSxViMsiP/gD2TNkoGCj8gMyPRc5"
    "9gsyXWTZkyc8RS9z08K0SFCc3vCMJ0zeNRIoV1D99kQkmfFF0tCESgcc8ZxnpaOOElKQXF"
    "LIuJSJXCzAzvQJHtn0pXpu5qg9vrIcUPtP+zF1K2vuT+pk2xYAPxJHn2wEqsz7BOGcdc6u"
    "M8de6PsFaiWqkNhhVfFYLc/esyVjFUgdzqN2Q5b3bwPPVbmcYgqePrgQWmKyAwMiIhJPs9"
    "LGBZQ1jYNJPKVJQHKpGs3gkACp2EarXAIkMLsUhHV3c0uV9KbPlAv2tmsKPXs/u1wX2Upk"
    "tggyF/QJkOF5xmSOp8izkUF84vEHRDevaGZa2EWW+YyRSRCvGzG7CZNaEcZPOgaZ2gv0hF"
    "/dNJdZyS/A/lqu/fUT/Vu7bsdCWal3YlfaTX9A91T+O8vZe3vXpbp1v8dy9oaf6Z5sOLyn"
    "xfibHLusiZGREyg791JERAX9u4bDN4LZSqcTVBmgE2KHGQHHnWjiJ0UWwvosB+uzNNbefL"
    "V4IIZplUU7JQh4F8Gb+Vgx/0AOU5lZJCEn8/y+81xSaCrJmUmSYL+YU1pzcQVlXR42moLN"
    "+5zuduYC6ikTzo0A4CnA0zX/LZgCMtEMiwOWOYEskL3jjbHhcjjTHLuJgaaVHtPV0rKN6Q"
    "6xdmlBwBeiwQ7J2cIZCzKYGCLjvG5bw6kCnJ4apTptgfufC4wOoV96ts3BC0tUe1higVMV"
    "4PCEY1sDINk/JPuPow3J/o+X7L9/p/VKws9lLhF7PRVnQsjgX3p8SESdhJjkcicO/nNl0v"
    "p0qurQMhaePmKxa+GVbVvYIOIWz6sm0QMeaD1VNfr6Sr2tftXvd2MNftVJTnv3t1caHX2J"
    "ROZpfiCC3y40pkAcstvJPP6Asc5e3dRmrCHz8FsY35CP9m20s+G65iPBJVO8JaSA0YeMmv"
    "XhyvSH0uk0Y0KAqyRWU8kmdjDqSWMbKWvUC1cksD0VwzexghdN4QanqBfuwLEVpwC+dZul"
    "JZt797ZKHztIa4Tp/tbgz5I2mYb3mrlm02gpyDdySqt+M8cCqnw8VH9wrQ0uEX8bk1Fr+N"
    "MlYq9yGIP4uxB+cbcOy8sM+Y7m52pCcMDADwb+GNrKGPhDe7BuEn1urxyBrT9zdRTKAvEg"
    "CiShMwWe6i+mN9cNyyppwRVIg+G2hOEWDHnZHV1tQx6Q0xWQqC+kNIkaEQFMgUU9JovK+y"
    "IwfAWZqMjALZDpNqM7c/1l30zxAXE0ZHUphHilOePjoOWQdmtUtzN3ursuuz3bEgqlkK/D"
    "IqbDIptgtODDR5A+qZCIgP/7LcYt+mX9QAhgBY/ECvqNUE5ViMmAriDQv9YDsRSuCSlAdr"
    "sWFp1P9lQWosaREwO5qKqQ6GDbFbFgigZNrBC8sXmxrCpWpY6hPWPi5ZxLE7ufq2FgVrLU"
    "uTSVGAil4Q2U1g34SS4u/lOwKzAf889/CaSUOfzlf8/OPn78fPb+46fvL84/f774/v0a7P"
    "StPNSvOl8Y8M0o4QZHxEjKSRxuBubeMHyaFc2/kbu5s6/vdILXBQ8698YD2en43WtjljdD"
    "KLY3q2FuyJulS0/Qtc/NijTBG3KlaQ+01ohHVPsfxuT+7tq/EnwYk+GoNbof6u0fW70v7E"
    "b8u/h4mHb/9lbr+TWHH8fk7sf+qK+3rq/Z9ciXMen/rA2uWfLi4EOSijqOKw8k9jo8YxI9"
    "MLto9M9kz1AKyVxPDw4pnGX0Fkzolsm25OV2wlEZmI6EUXOEq9alA7yScjAxpcGlnX9Jf8"
    "Gkf1ZfGqLc0tlemyJZmVWpHR04P7wv5MHJimUrLu9FidP5MWalibPFnvOF4j06ROjZpD3T"
    "tEwv4xCA7dsDcU0SH3nB0NAGvVaXnffof6J6frdDdXuq5PN3pvf3RoNWe9QfMMU//CyHNr"
    "9cPVimO9/J9zApW0uSgSOwabIrSiFI4Gx4fJMsOMZVSELXZjLs2Z45MydG8M9TlHXsfjOP"
    "tCbJktVmY92YrCOO4ZBsFUINDx5qqK9Z0tjXMfG/bvjP+PfwfpI/FV0Ny0Z408SFsMS11r"
    "rudnqaPuyz898EF8OSG041+tUPmIw8dOxrcHctGv02JnRpHra+aPpAa2udn5lw8soumt7H"
    "syIhbGfZEWxnqRBB/LXUmc9heZm74kE0uSqC1iCPy+G9Cg33qaRH4UYCABWyfM/YcblqUp"
    "rnS0oCwGmAfXexsv4BUSmFUK3ZSA0RldkNoq45iP2zHZo8IgaJMmUmsYCtfCMNDWxlNSoJ"
    "BDwdClXggI8SHA0xOWXQlTYmp7U0R/YTFpLr63vNPGLdWJq6ty5W2xlnQKsfi1aHFHIVp5"
    "Bjg0mfG24pj6S41GGwPm43jiH96bwA0J/OM3Fmt5LuX3SvabPddwrlLYckReRqTK4VYg+5"
    "tYAJkmQHWYQJ4nGYK3endk/KAickM1WAvy79w+NKt3NcElpZ5lZ28DPVNHYjd6OS0Moytz"
    "LQfhUe1xM947wotEk5QBdIVSBVZaf9gFQ9MqkqnnsB4ILdN7nqSMVcY8eczBsi3tq/08xl"
    "rTdl4GyZU1qZmjnMNPOFEx4LkU2bRkRU5KcvLorw0xcX2fw0u5cI6F8uyyAcFFcQ3Q9Fg2"
    "PzYmPTobHECxIrxRH+x7Dfy/QCDUWSu2pz4qH/R5bpnqIimwMuAyO2l075iifdwpvxTTKr"
    "4GrfdGf7LmZ//Ree2gne"
)
