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
    "eJztXW1z4rYW/isaf+l2hs1uskm2k97pDMuSljYLO4Tcdra74xVYgBsjUVskob3571fyC5"
    "Zt2diAwXj1JQ7SObL9HL2cN8n/ajNiIMs5aZHZHOKldgX+1TCcIfZPvKoBNDifhxW8gMKh"
    "5dKOBKKhQ204oqx4DC0HsSIDOSPbnFOTYFaKF5bFC8mIEZp4EhYtsPn3AumUTBCdIptV/P"
    "mFFZvYQE/ICX7O7/WxiSwj8rCmwe/tlut0OXfLOpheu4T8bkN9RKzFDIfE8yWdEryiNjHl"
    "pROEkQ0p4s1Te8Efnz+d/6LBG3lPGpJ4jyjwGGgMFxYVXneoh2Warnd7A/22PdB1rQBAI4"
    "I5uOxRHfftJ/wRXp6dnr89/+HN5fkPjMR9zFXJ22fv1iEwHqMLT3egPbv1kEKPwsU4BNW9"
    "JmBtTaEtxzWgjyHLHjmObIBjFrRBQYht2J/2Ae4MPukWwhM65Yi+fp0B5X+b/dYvzf4LRv"
    "U9vyVhA8AbGF2/6syr43iH+FJzhv4huBDGIs/+cNbuBi1tL0BfnufA+fI8FWZeFUV5ZCOO"
    "hg5pEuf3rIYjKsc6yhlD2/BZT4J/jrGPsxc0etha+hNXBvSDzof27aD54SO/3cxx/rZc/J"
    "qDNq85c0uXsdIXlzExrRoBv3cGvwD+E3zqddsuvMShE9u9Y0g3+KTxZ4ILSnRMHnVoCHNs"
    "UBqg9sxXh/G9MJXxgiEc3T9C29AjNcLKgR9MCjlyTrJ/vPOZr3/rI8slkvQEf6HsrBo6wp"
    "7wHPT9oDTsEYJGgGZDZDtTc74lVB9WDdUVKtZRWV920JZANb1m6ooSq6VMVdwSpJbXSl1B"
    "Igs6JE86mkHT2hKpnttUm7eUAy1/mq08WHyWJ2ckbd5PVs3OZvESiOHEfSV+b36n5KQusY"
    "2iU366eWRG6dZZSFoTA/SSSwkZwDLxPaAE/EVMDCDwLa0fAbOQWPE9wsB0gEOJzWin0Jmy"
    "C8QGeCT2vQMIHqETLQZvCc0ry61alhsKhnhes2LFUEfb7SKPTcGo0m23i4RVYRMrxW5r48"
    "XMBbnDngmyEZIAO+CtMtZa7/duu38F3MtnzLTx6+sr4F4+49ZNp90dXAHvyn73uoN+szXo"
    "MYbw//i8k0dWp5c5RHUatytCSfGqqKD26sSo2JK5Fx8GTRsIaQ4MukXv/wYB5ouwzpfeQi"
    "hHuHYz0Rx2xVReIuUl2omXSJQ6epqbrLUNpB7lrKHUj0TKASaZYoajEZpvNrpjrDsQdMWW"
    "sDrJ2bde9UI2ZZRpvW15BGN3N+Zlwk9XFFeRaSNcKzZUdg2r6xZiU8uwYI9N8KlOK0HX8+"
    "nZxaCNMqlO68GaCKwlptwkxNfERuYE/4aWCWdImht/1dKR9dw0zzQrtuHjyucZW2kYAuy9"
    "EfUsueZtq/m+raXMDzuAt5YxtzjCiZlxPcj+iN83whWbJfICHJ0f16M7CmNzW08PeaN8Rw"
    "ptVF+SQ5ue0FBmEOyGTEx8DU1rYSNNEgaL1DeyAmEWp9THAun6WBgY+5EqzgsgpWg2pw0w"
    "IgvMugCYI9uPZrmBKf5zZJkIU+DH4MGY2IB3F2CZM5MyUUkiYiXdRMXFqhUXu0eSpTTdi+"
    "qTlxWnOZz/9E0uT/WbDE/1m6SnegPnyh6dZ3sFu14e0wJ5dWUuQ4J+JVmEotpX+hI0i9Ll"
    "WH/YbO8QDNi6QDAKMyS+ziGdfuXpETxXYsY6p21Cy3TYckHsyUtqIwQ4SQOgk8kJ+Prq9N"
    "XbV+dnr77Klp9S7iFZff4UDbaFwwq/qAXpgAuSSiNQaQTVN79VHsHxA8yXiSL4BvT1U35P"
    "X+fCl5OlTxCvkwirFIJvRSEWpW5Bh+qeX6O44BPMKr6s4stHMJxVfPkYYFUR0FJg5WZzMU"
    "wFDjX+VUz5kDFl1+ezPbB3fjM1RVUYsCqCvLcIcp8paP1Oa6BCyAcJIUv3xOsOwhLs1cb4"
    "RKKOj1cQvtgfZEfSWaPb59Cc2Ntu/K7jdBlByUGOs/3BFLdeK3UafGWGGftobCNnOuA7qD"
    "RJoDFS38gKNdoepU5XpOpsrH11nbIDd2pbntqWp3zqalvegZbEqks5lzudWdmbjGyBTYVL"
    "qixfX32V+krv7jrv5eKNcsUkvFiYxgnnrdfQ9dItPVmJUnDfNNNX6oTK/ZbekfqZCY2Yey"
    "Tas6qUYR9gLzE3BLGkWxpCL8iT0egbJi+9A57GcGZayys389DLfydeGqKBHswR+pGRP5B7"
    "JgBgUoCw4QD0gOylfzwUGbNiWUpjOTfZsR2UPg3tfvpZr6hr/xkv8IjLCbh34n/Of9IqNx"
    "81MgwjpbF/ixq7O3o3knqUUyl0VVbowtz5gjkFcT4VBV8fBY9uVFC7f3OEFuPdbPMIWMR1"
    "u6X/Pe4wrgn6pTrh3fwCiTYc5B2kq8Ju6N7VMPNqwy6xp5mKezyh4zwS22gAZwr56afDJY"
    "CWxVVR6G/X+c4BwpHYMh14l02rCEC1IgCHPmO1Qn7/Uk5YDUZJ4SBLglHtwcm3RUSZbuno"
    "18t0K7CjV33+oQLqUPAdCIlGJHwiIl0pggKRykGoiwbC3hoV0kBWDPXbM3mad09f1pa+xK"
    "ZU9CRZCjPSO3z6GiocF7nwvcjA9yKJr4Go/KMmAwakHGKBpQ6dOEuPaP8xiKgQAZQvPjT/"
    "+D6iRtz0uj8H5AL0rZveuxjifGmmC0Oy0/raIjAFc5EpBvqYc9UK9ve9u3c3bfCx3251bj"
    "u9blRfcyt5ESswg6z15k0cZYInG8Ascimcc+CsDJb02bteBovahVuWenn4Xbh1xFXtbjzI"
    "7sZD7BU7Xmyret5ogL3E2yGIJetr5CFRmd6OyGFq96yCX90H/qIcIft0hATYJ+309aeoBb"
    "xVttm1YzopzUITaOljYs82FUm0hUoL5mO7f9vrXgHv+hn3+j83u51PzUGHl4q/qiEcdYxd"
    "uWfg7jkoXDFzfx9RYQZSoR68YqgfwBf5XLIZHtmkw5vNvTZMmbnTnN4hT/0wLieuwO4gUw"
    "QzQF5x1A/i3XdjTCgqFFVYMdQB3X3HFKp7zNjx2TjKt61828q3rXywlfITrvfB5kkfEw5J"
    "SuKuDkcSbRxiU2jpfr7ddmDV/owkP7VNpu8VwUlIo6vJOC41IbG3oEPy1HadFxI3vVjdyH"
    "LVE5dQX3lBVHbiUS2xjQynPCWFDFxSUzdjKV4wZzH8C8ninOkACyw1RLkUZ+6QGBIVMd2L"
    "ENDXAt99exGUvZve1etr7/LTZTcQucCmTgyo8okBh/JnVEykNXRnVAzh/XgzSt3jhWxzNN"
    "VkW7y8mkbmDq+QRplQxzSsGxkm1AOy5Ye7pav5Akst1NC4MXWRy5i6yDCmLhLfLZ5LTlhJ"
    "R9gnryG6pcS6eTKm9BMCv972uuk55T5LXLszRxT8D1imc4xBjQxwORjZJlXceoopa7yBdz"
    "ItYZ+L2fP/AT6sJSs="
)
