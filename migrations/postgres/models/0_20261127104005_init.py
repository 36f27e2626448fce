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
    "company_id" INT REFERENCES "company" ("id") ON DELETE CASCADE
);
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
    "assignee_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE RESTRICT,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "creator_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE RESTRICT,
    "order_id" INT REFERENCES "order" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_task_company_07ca3e" ON "task" ("company_id", "status", "deadline");
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
    "eJztXW1z4jgS/isqvtxsVTYzySQzW8zVVRFC5rglkAJys7WbLY+CBXhjJNY2k8nuzX8/ye"
    "8vsrExNkajLxhstWwetaTW0632360VUZFunnbJag3xS6sN/m5huEL0S/zSCWjB9Tq4wE5Y"
    "8FG3y85ChR5Ny4Azi56eQ91E9JSKzJmhrS2NYHoWb3SdnSQzWlDDi+DUBmt/bpBikQWyls"
    "igF377nZ7WsIq+ItP7uX5S5hrS1cjDaiq7t31esV7W9rk+tm7sguxuj8qM6JsVDgqvX6wl"
    "wX5pDVvs7AJhZEALseotY8Menz2d+0e9f+Q8aVDEecSQjIrmcKNbob/7qATnWooyHE2VSW"
    "+qKK0CAM0IZuDSRzXtf79gj/Dj+dnF+4uf3r67+IkWsR/TP/P+m3PrABhH0IZnOG19s69D"
    "CzolbIwDUO1jAtbuEhp8XL3yMWTpI8eR9XDMgtY7EWAb6FMd4K7gV0VHeGEtGaJv3mRA+d"
    "/OuPvvzvgVLfUDuyWhHcDpGEP30rlzjeEd4GtpK/QXwYUwDsvUh3Prftpt1QL0u4scOL+7"
    "SIWZXYqiPDMQQ0OBVhLna3qFIcrHOioZQ1t1RU+9L8eo4/QPqiOsv7gDVwb00/5tbzLt3N"
    "6x261M80/dxq8z7bEr5/bZl9jZV+9izeRXAj71p/8G7Cf4dTTs2fAS01oY9h2DctNfW+yZ"
    "4MYiCibPClRDY6x31kPtG5sd5k+hoYydeISzp2doqErkSmjmwF80CzLkzKR+XLnCNz+PkW"
    "4X4miCO1H2/YqOUBO+ebrvnQ00ImQRoNUjMsylti4J1a1fkahQUUWlumyikkB1nGpERYle"
    "taipWBKkrlOLqCCRjfVIvipoBTW9JFIju6oeqykHWu4we1Rg0YXICuHyGmXXIqxGGSodfU"
    "uqEqtDVIDWS2KRkgDdsTpEBciC5lNJfKa0CmHhQas1/f9lZ/+pW41IMDGTnJyTNCM9eik2"
    "ZNHqNthyhh0+qiOMpoR+5By/ukF9gsyFDMzV+SoG7wpiuLCfklXHhJNrFg71F13RpLN/Wr"
    "TcNgKw1cEA/ciMEKQCXcNPwCLgD6JhAIFLJH4A1hLR008IA80EpkUMWnYJzSU9QKyCZ2I8"
    "mYDgGTptxRCroHpJTDaLmESeBZuXNfMFRKQmL/NQZrRUOjV5mSDNDKKn0JI9vFnZIPfpM0"
    "HaQxJge7JNxro1+jTsjdvAPjzgybRzc9MG9uEBdwf93nDaBs6R/h4Np+NOdzqiAsH3+LiT"
    "p63O3uVoqrM4bRa0FLsUbahaOfqGzYK1UPRWWkdI4+etEtr/HQLMJmGFTb2FUI5I7WegOe"
    "yMKZ0g0gmyFydIuNXR17VGa9uh1aOSArb6kbSyh0lmM8PZDK13690x0T00dMOmMJHa2V29"
    "KoXWlFGh7WvLI+i7+1leJtxQRXENC+2Ea8O6yr5htWkhOrQ8FtTYhJxUWg66DqdnFIM2Ki"
    "SV1oE1ETeSGHKTEN8QA2kL/DN6SZAhqT5Fr6Yj09w0spmeNuCzz3nGZhqKAP3fyHJWcp1J"
    "t3Pda6WMD3uAV8iQkjjCiZFxO8huj68b4YaNEnkBjo6P29GdBaEnpYeHvEEsRwpt1F7iQ5"
    "ser1fIbVjQCTYgCw3fQE3fGKjFcYNFrp9kOcJ0VlKZh4pu94WBueupYrIAWsx3bJ0Ax9Wp"
    "gjUyXG+W7ZhiP2e6hrAF3BAzMCcGYOoCdG2lWbSpOB6xim4i/WLN8os9Ic5Ums6iusWr8t"
    "Mcjj99m4upfpvBVL9NMtU7kCs1kme1gi0WY1ogbLzKaShkX3Emoaj1lT4FraLlcsw/dLQ3"
    "CQZ0XiAYBRESn9fQWn5m4REsVmJFldPQoK6ZdLogxuJHy0AIsCInAJ0uTsHn12ev37++OH"
    "/9mTf9VHIPzuzzW3jBtjHpyd/lhHTACUmGEcgwguYvv2UcwfEDzKaJIvh65cUzfs/e5MKX"
    "FUsfIN4kEZYhBN+LQRxudR2aluLwGsUbPiEs/cvSv3wE3Vn6l48BVukBrQRWtmwuhmlIQv"
    "Z/6VM+pE/Z5nzKA3tvCrW5NY5qqMNKD3JtHuQxNdDG/e5UupAP4kLmpnxRTHef/+67dMXP"
    "+xLGy3Nf1AfZkShrdPscWhOjbBYKEYfLCEomMs3yeZcmTi2idj6Z0SQPSC7DWGdmk2PscQ"
    "Yy17SARv9BrVgdpVJRe8vamMpsCfGibCoPG6iJXWHXrk9QBZOZc7YlhqOT1QLToUqm0Mk1"
    "okuYZKah/cGkmEto7AusCatLJMSqjG4bozkFfjllG/dbnPi2yPWTrAg3wympWH5RmXG8Lt"
    "WpOl5MZoOQ2SBkKIfMBnGgKbHprZwrimNj7tSzQ2IySqfJ7euyplwX/f19/5rfvFGpWAtv"
    "Npp6ymTF6rrOLh+nrcKtYP/TTBe9GXDKJZ1y4rHTJzGvXFSzmrSx08Oes9wINUv6SiOkBX"
    "k20rgLkx+dvKJzuNL0l7a94cXZdkmc3S8q+qLN0Ada/At5og0ANAsgrJoAfUHGi5uVlMzp"
    "ad5Ommpusud1UPowtP/hZ7uh3vrnfINnrJ2AfSf2cfGvVuPGo5OMhZG02L9Hi93uvTu1el"
    "RSGnRNNuiCLZsFQ1njcjL4cnvwZXR/bJ0BbU0DOndEW1zNdg+8ilC3JVn4OGEsCPqVkvB2"
    "WCvHGvbCXdNNYTti1LYw81rDdmHHMg2nFoGm+UwM9QTYnhgVPL4AqOvMFIXuLvF/mCD0oj"
    "GeDbzPqqUHoFkegEOn9m8Q719JYn+vlxR2siQE5dbvfDuT5dItHX2xlm4FEsnIl2o2wBzy"
    "3q7JsYhCL95MN4pgqJCMQRDFAqH/GhWyQHwB8VJ1nOVNJZGVSSKRCwV95UyFGeEdbnkBDY"
    "7LXPheZuB7mcRXRRb/VbFTCiQf4pCICEqcZUf0fplGTAgPyle3nV9+iJgRg9Hwo1c8BH13"
    "MLqKIc6mZmujchL83OgEpmAeFoqBPmdSQsF+Pbq/GvTA3bjX7U/6o2HUXrMvslP0hOZtlu"
    "wM4igTvNgB5rCUxDkHznLBkj56i7VgkclfqjIvD5/8RURcZVKNgyTVOESKguPFdj85CuTu"
    "zJrJIE81OWRQSGvTyaBQJ6mUDIqkOH6iF9jRfuDfJU9UJ0/kYZ+kMbbnNvZkm0xptI4pf7"
    "GOFlBX5sRY7dok0Roa3TB3vfFkNGwD5/iAR+OPnWH/1860z86GfzWjcWRy6WrfTFGzz7xh"
    "bEgdTnMKUiEN9gXEA/gyH2OdQVgn/QF07DVgysid5hMIZMTDuBq3C70DzxDMANmXEA/i/a"
    "sxJtw0DOlOF19ABHTrdrk0N/nv8a1xJPUvqX9J/UuKulE06naKOg+NGkpdWo5LFT5lKUtY"
    "CnXFDUcsB5bwmUvdyL+ymaRCUYaC9OPovGK/Q1Ymmtye4hXb/gJiyASmNXt9RhvrkXzt2X"
    "wYx/MTvnyS5f0hdkHFJ9ZkPPBRWW0nGX4eJxdpbs6ECMpcV0KsmpvHPxAvsiAd4JCIgChX"
    "4h94JCpn1ZFOTHnlhcC3bmJKUijpqi4uhcJeI7JDk4fEZI6OJufoOBRF1rAmFZAhaxjC9R"
    "Bk1QbSOa8a4QbS+W8hyQqkCwpVG0hHvIXyF83UHjVds15kEF29iytpmtZomobUPAF5viC5"
    "aA1NbgSme73xsDNoA+/bAz6miEa5jkiHXtx1BL24JAWjGiIy0hHL3YMlHdxV4GobUMVQDY"
    "tITJu5JGoaxFXta/Pt/5LIiuacjOMa7rPbUXWmoz3AKmRCozi2kck75XXRh1nHO1rNc4p6"
    "6p7hDvWL7HUFH9n7RhcrVD2cBXva/jjnFY5OM0JV1zBq0eKRIsEFufKvc+XvNl9+YAMBaT"
    "dwbDFLs/RCe1R8gSYv45vkRg0/WQLnrNxKEbH60G61qp3bauOtglF8F84qkK4R+mHvU0H0"
    "mUgb0I8H3JlM+h+Hves28L494P5QuRuPPlKjYMIYLf/HA74eDXttwD4fcLcz7PYGAybqf2"
    "0GneVPs4lWzCazwnICUllHQl3l8pGaZGPMUqagHN3Ul27yfNSiIN3ctIF9eMB3o/GUUczO"
    "8QH3bjt9+tM+POBpb9D7OO7ctoH37QF/6l3RLjJtA/cL7e13fdrR7/rN6KdrQ+O14TWaaS"
    "uop+x29WTiHdQROnWFj9YZywP3utft33YGr87OT85teIOUah7uF8lU0EGg7xwVRTkpLOHO"
    "hpvWiwwMdYXttCxisiUE5Q7N4lYbRYY9TgL2CdVNPXWVF0gJFC/z9vz9O399x35kLe0mVM"
    "8HyfUd7fMqI3aK6HFYRqqwjOWUPtg8PtjNWt2x1aOSstWb0uqc5QtnE9Zqzaj3nXp7TFbG"
    "8janoTkxFs6uy4JBFhEhyUDzoiyc7Z7FgizCMhJVGbtSI67+crpwauaInEDrlL3nkXksqr"
    "dxOQluElw6D63pHTT6Z4uhmxSUI4OMwCpg/u0/s7g9/e8FWuETi4ctpZRAIY6VuwdsxctS"
    "Esc2atznADcwAmrV3YZNbPlHhZjJlAPh0Fy1B4i/i1DC5PSeR5N9i6tumI9VmeMmagRk+h"
    "RgeD8Y5MtO5m51LJnvJ7SrUhDNjmjoUjPpyMFRz8I5kSZ2JFB3CfHiGMnXXGitl8QiJRXq"
    "jtUhKkAWNJ9K4jOlVYgzwFWbX4v1uy7ZMId6Ky2W3Lt+sjWknD59UHRbaHlrukRAh6YFbF"
    "ngBBADMgcQuAuVD0CzTGCQZ6CZQCezJ6SC56WmI1rELU4vWPAJ4dNWDOUKqi+R+qsxNKHQ"
    "QeusuZXCkesxqfpIlzcNhjnBuBTZ5ZKDnRlhNCX0o3pu5qAaX1m+kPLDfsTcShv74zbZtg"
    "nAieZWZoGAzLQoyug6N8hKKRfsH6uiwUFPgsf7W6RkS0YqaHRIuNgNWTwaRkY/NSsoJucr"
    "IFZcT0x6cGlIpMHDbGNjS4u6xqVLPGFJyEQkNbrBZbKMfAutYskypNslJ6y7u1uqpDcdpp"
    "yztvUp9PT17NovspXI7GCgregTAGhZcLZEKrAIgNghHj8AungFc01HJtC1LwhoGNh1A+Y3"
    "YVIbzPhJA2KVrMATejGTXGYld5Dr62atr4V/Y/VV72Y0pmsq58jyO97eDXrOa5GD73RNNp"
    "nc02L2oRmrrBlMySuRnr8jJCKC/R1/PWe+93NmvaAzsR/UHa0UOkAVATomtp8ecNiBJvpm"
    "j1xYn2dgfc552+xys3rEUNOLop0QlHjnwZvFWLH4QBumIqNITK7J4/vOY0muoaTAq36fNZ"
    "XWnN9A8cvLhSZn8b6kq50lh3pKhTMQkHhy8DS1vzhDQCqaXnGJpXwhciGohWbDmxFMc+gm"
    "ljRt4zHdrHUC1R322iUFJb5yN9g+OVuZj7sJLoZQP6/b13CsACeHxkZl5rbjzzlOBy8uPd"
    "3nYHklqn2x1pYM3JL1r5P1l4mhZWLoKNoyMfThEkOP7nrDgvDbMm3APo8laFBmey7cPxpE"
    "kXiYZHIkBvpzo9H6FGrS0DI6UheIH0J4RYiOIOa3eFY1MQ14pPVU1ej+mXpb/Wo0GkQa/K"
    "ofH/bub696tPfFkt4meYAQfrvQlRxxmcWuyf1PMtPps5vYzLTMUvk99G9omtoCo4IpvmJS"
    "ktGVGRXrw5XNK4XTKUaEJK4N8Zo1bGCXTp3GcONFnTrejCR9D/nwjc3geVN4yTeu5lbgyI"
    "yTA9+63ZING3tLeyUPvUlniui6B9rPknSZeddOMt1m4VIy38QxzfonGZ4x4ffDjMbXvXEb"
    "2IcHPO1Mfm4D9tkMJ4F95MLPV2uvfJMhb9KWAOn4lY5fQR2/np9Q0bCyJBuD4wNOnR25sp"
    "J44G0koCMFUpVnzVoqUNcLevY40tKhV8ChJx086YoutoNHktMVkKjPuDCJGhKRmEoW9ZAs"
    "qq2LkuHLyUSFOm6OTKcp6mzbL2UzhbvE0YTVJRDileYMj4KWQdr5qG5n7hTTL7s92w7wpI"
    "BjwwJmwwKCEVjZ3YeTPieXCIf/+y3CLTplnQB5yQoeiBV0GqGYqRCRkbYCx/7yO2IhXGNS"
    "EtntVlh4PClpLISdI0cGcl5TIaZg2w0xd4iWllgueCPjYlFTrEobo4MMbbbkGRfulUyrAg"
    "ZlpDfwmMbNrHn/C+2NBVOwhUQEdJmcX17mcUpdXqY7pdi12DaF9boIwm5xAdE9y+WQOstw"
    "SJ2lZgFLIvyfyWiYxh36InGmWJtZ4H9A18xjNLMywGVgZLuk4t6nkyjPyyq4KvsOm7KT2b"
    "f/A6IgWQg="
)
