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
    "assignee_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE RESTRICT,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "creator_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE RESTRICT,
    "order_id" INT REFERENCES "order" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_task_company_07ca3e" ON "task" ("company_id", "status", "deadline");
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
    "eJztXW1z4jgS/isqvtxeFTubZJKZvezVVRHizHJLIAXO7dUuW14DCvhiZNY2yWTv5r+fJN"
    "v4TTY2xkZo9IUXWy3MI6nVerrV+m9rZc2h6bzrWqu1jt5a1+C/LaSvIP6QvNUGLX29Dm+Q"
    "C64+NWnZWaTQ1HFtfebiy0+66UB8aQ6dmW2sXcNC+CramCa5aM1wQQMtwksbZPyxgZprLa"
    "C7hDa+8etv+LKB5vAzdIKv62ftyYDmPPawxpz8Nr2uuW9req2H3DtakPzaVJtZ5maFwsLr"
    "N3dpoW1pA7nk6gIiaOsuJNW79oY8Pnk6/48G/8h70rCI94gRmTl80jemG/m7Uy281tK0wV"
    "DVxoqqaa0SAM0sRMDFj+rQf78gj/Dtxfnlx8vv33+4/B4XoY+5vfLxi/fTITCeIIVnoLa+"
    "0Pu6q3slKMYhqPQ9BWt3qdtsXIPyCWTxIyeRDXDMgza4EGIb9qcmwF3pnzUTooW7JIiene"
    "VA+a/OqPtjZ/QNLvVX8pMWHgDewBj4ty68ewTvEF/XWME/LVQK46hMczi3HtVuqxGgP1wW"
    "wPnDZSbM5FYc5ZkNCRqa7qZxvsV3CKJsrOOSCbTnvui74MMp9nH8B+dDZL75iisHerV3r4"
    "zVzv0D+bmV4/xhUvw6qkLuXNCrb4mr33xINNO2EvBzT/0RkK/gl+FAofBajruw6S+G5dRf"
    "WuSZ9I1rach61fR5RMcGVwPUvpDZ4ek5osrIhak+e37V7bkWuxOZOdCL4eoEOSfdP2584b"
    "ufRtCkhRg9wZ8oe9uKTrAnfAn6fnA17BERiwCuptB2lsa6IlT324pEhQp3VNyXHVgRqI5X"
    "jago4bsuNhUrgtT1ahEVJGvjTq3PGlzphlkRqSGtSiE1FUDLV7MnBRZeiKwgqt6jaC3C9i"
    "h7jrVvxa5E6hAVoPXScq2KAD2QOkQFyNWd54r4qLgKYeGBqzX+/1Vnf9WvRlSYqB7S4Et1"
    "hU21kfIimM4myxfrwspa0MRvJWGdWRvkeiqajesQQdXCLwXR7Yb1CWg30E54SMxoZxQPM9"
    "IBVxerRJdc6Uhf0Kck1RHh9JqYQS3HV8zZ7LIRL7eLYG51EIDfEiMXzoFpoGfgWuA/loGA"
    "Dnyi+gfgLiG+/AwRMBzguJaNyy51Z4nfdDQHr5b97AALzeC7VgKxGqqXxDdfxDcMVkhFWd"
    "mtgIjU91URShaXyqa+r1KkrG2ZGbS3gjYrCnIPP5OOR0gK7ECWZ6xbw58Hyuga0LcJGqud"
    "u7trQN8mqNvvKQP1Gnjv+PtwoI46XXWIBcLPSb1TpK3OPxRoqvMkLRu2FLkVb6hGfUCczY"
    "KNuIDcrIGQ5f9xK/T+rxBgMglrZOothXJM6jCK5rgzpnSySSfbQZxssVXT57WBa9uj1eOS"
    "Arb6ibRygEluM+uzGVzvN7oTogdoaM6mMJHa2V+9aqXWlHGh3WvLExi7h1leptycZXGNCu"
    "2FK2dD5dCwUloIq5ZpyR6bkpOdloGux+nZ5aCNC8lO68GaiktKqdw0xHeWDY0F+gm+pciQ"
    "TJ91UNOJ9dwsshlftvXXLeeZmGkwAvh/Q9dbyXXG3c6t0srQDweAV8iQpSTCKc24G2R/xD"
    "eNMGdaoijAcf24G91ZGNpUWT0UDZI6UWjj9hIb2ux40FKu1pJOsL61MNCdbpgbG7YYbrDY"
    "/XaeI8wkJbWnSNHdvjDw5HuqiCzQXRKb4LaB5+qcgzW0fW8WdUyRrzPTgMgFfggjeLJsQL"
    "oLMI2V4eKmYnjEavoR6Rfjyy/2DBlTaTaL6hevy09zPP70fSGm+n0OU/0+zVTvQa40SJ41"
    "CrZYjGmJbQl1TkMR+4oxCcWtr+wpaBUvV2D+wdresRDA84KFYBgh8ftad5e/k/AIEiuxwp"
    "3TNnTTcPB0YdmLb10bQkCKtAF8t3gHfv/u/LuP311efPc7a/qp5TcYs8+v0QXbxsEXf5MT"
    "0hEnJBlGIMMI+F9+yziC0weYTBNl8A3Ki2f8np8VwpcUy1YQZ2mEZQjB12IQR1vd1B1X83"
    "iN8g2fEpb+ZelfPoHhLP3LpwCr9IDWAitZNpfDNCIhx7/0KR/Tp0w5n+rAPjpCbZ5OohoZ"
    "sNKD3JgHeYQNtFGvq0oX8lFcyMyUQprj70lm7yeVeYWSeAXui+YgO5HOGt8+B9eWXXXTvI"
    "jqMoaSAx2nel6vsVeLqINPZswpApLPMDaZOecUR5wNnTUuYOB/0ChWJ9mpsL3lbhxtttTR"
    "omqqGArUmFbYpfUJ2sFkZqZdiQfxZLVAWFXJFE2FNLqESWayOhxMmrPU7UOBNSZ1iYRYnd"
    "FtI/iEgV+qZON+ixHfFrvfzotws72SmrstKjPaN9V16o4Xk9kgZDYIGcohs0EcaUrkvZUL"
    "RXFsnL1GdkRMRunw3L4+a8p00T8+9m7ZzRuXSrTwZmPM3xFZsYaut8vHa6toK9B/muuid0"
    "JOuaJTTjx2up3wysV7Fk8bOwPsGcuNSLNkrzQivaDIRhp/YfKtl1f0SV8Z5ts13fDibbu0"
    "vN0vc/hizOAPuPiL9YwbABgugGjuAPgC7Tc/K6n1hC+zdtLU8yMHXgdlq6HDq5/dhnrr70"
    "8bNCPtBOgvkZfLf7S400ftnIWRtNi/Roudjt69Wj0uKQ06ng26cMtmyVDWpJwMvtwdfBnf"
    "H9tkQBtvQBeOaEt2s/0Dr2LUbUUWPkkYC4J+rSQ8DWtlWMNBuGu2KUwjRqmFWdQapoU9yz"
    "SaWkR3nFfLnrcB9cTMwfQN6KZJTFHd3yX+FwdEDrJj2cCHrFp6APjyABw7tT9HvH8tif2D"
    "UVLayZISlFu/i+1Mlku3bPTFWrqVSCQjD23lwBwKTm9lWESRg12zjSI9UkjGIIhigeB/DU"
    "tZIFsB8VJ1nBdNJZGXSSKVCwV+ZkyFOeEdfnkBDY6rQvhe5eB7lcZ3Dl32UcQqBpINcURE"
    "hE6cZ0co/1ZjJkQA5Tf3nX//NWZG9IeDT0HxCPTd/vAmgTiZmt3NnJHg58609AzMo0IJ0J"
    "+IlFCw3w4fb/oKeBgp3d64NxzE7TV6k1zCF4xgs2Snn0TZQos9YI5KSZwL4CwXLNnaW6wF"
    "i0z+Upd5efzkLyLiKpNqHCWpxjFSFJwutofJUSB3ZzZMBgVdk0EGRXptNhkUGSS1kkGxFM"
    "fP+AZ5pw/8m+SJmuSJAuzTNMbu3MaBLM+URuuU8hebcKGb2pNlr/ZtkngNXDfMgzIaDwfX"
    "wHufoOHoU2fQ+6Wj9sjV6Dc+Gkcml673ZIqGfeacsSFNOM0xSKV68FZAPICvijHWOYR12h"
    "+Ada+tZ2juLJ9AKCMexvW4XfAvsAzBHJC3EuJBfPhujCxmGoZsp8tWQAR0m3a58Jv89/TW"
    "OJL6l9S/pP4lRc0Vjbqboi5Co0ZSl1bjUoVPWUoSluqm5ocjVgNL+MylfuRf1UxSkShDQc"
    "ZxfF6hZ8jKRJO7U7wi6i+wbJnAtGGvz3DjTq3PCuXDGJ6f6O12nvfHogW1LbEm44FPympr"
    "5/h5vFykhTkTS1DmuhZi1dlM/wNZkQXZAEdEBES5Fv/A1JozVh3ZxFRQXgh8myamJIWS3d"
    "XFpVDIMSJ7NHlETObo4DlHx7EoMs6aVECGjDOEmyHI6g2k844aYQbSbU8hyQukCwvVG0hn"
    "BQvlF8MxpoZpuG8yiK7ZxZU0TRs0TSPdPAV5sSC5eA08NwLpe8po0Olfg+DTBJ1SRKNcR2"
    "RDL+46At9cWiWjGmIy0hHL3IMlHdx14EoNqHKoRkUkpnwuiXiDuK59bVv7vyKyojknk7hG"
    "x+xuVL3p6ACwCpnQKIltbPLOOC76OOt4r1eznKJBd89xh26LHHQFH9v7hhcruHt4C/as/X"
    "HeEY5eM+pz00CwhYvHioQ35Mq/yZW/33zFgQ0FpN3AsMVcwzVL7VHZCvC8jOfJjRp9shTO"
    "ebmVYmLNod1q1Tu3NcZbhVp8H84qlG4Q+oHyc0n0icg1wC8T1BmPe58Gyu01CD5NUG+gPY"
    "yGn7BRMCaM1vbLBN0OB8o1IK8T1O0Mukq/T0S3H/mgs7bTbKoV88msqJyAVNaJUFeFfKSO"
    "tbFnGVNQgWG6leZ5PmphkO7urgF9m6CH4UglFLP3PkHKfaeHv9K3CVKVvvJp1Lm/BsGnCf"
    "pZucFDRL0G/gc82h96eKA/9PgYp2vbYLXhLZwZK93M2O0ayCQHqCf0zhc+WWcsC9xbpdu7"
    "7/S/Ob9oX1B4w5RqAe6X6VTQYaDvEyyLclpYwp0PN64X2kg3NbLTsozJlhKUOzTLW20YGf"
    "I4KdjHuG+amau8UEqgeJn3Fx8/bNd35Eve0m6M+3k/vb7DY35OiJ0y/TgqI7uwjOWUPtgi"
    "PtjNer5nq8clZavz0uqM5QtjE9ZqTaj3vUZ7QlbG8vLT0IwYC2/XZckgi5iQZKBZURbeds"
    "9yQRZRGYmqjF1pENftcrp0auaYnEDrlIPnkZmW7bdJOQluGlw8D63xLxj4z5ZDNy0oNYOM"
    "wCph/h0+szid/g8CrfCJxaOWUkagEMPKPQC24mUpSWIbN+4LgBsaAY32Xc4mtuJaIWEyFU"
    "A4MlcdAOKvIpQwPb0X6clbi6tpmE+1MydN1BjI+CnA4LHfL5adzN/qWDHfT2RXpSA9O9ZD"
    "l4aDNQeje5bOiTSmkUDdpY4Wp0i+FkJrvbRcq2KHeiB1iAqQqzvPFfFRcRXiKLh682uRcd"
    "e1NsSh3sqKJQ/ut3eGlOOnD4vuCi1vqUsITN1xAZUFXgAxsJ6ADvyFyg/AcB1gW6/AcIBp"
    "zZ7hHLwuDRPiIn5xfMPVnyF610qgXEP1FVJ/cUMTCh20TppbKx25npBqjnQ54xjmFONSZp"
    "dLAXZmiKBq4Zf6uZmj9vja8oVUV/sxcytL9ydtsl0TgBfNrc1CAZlpURTt+mRbK61asH+i"
    "Co6DngSP93etii0Zq4DrkHCxG7J8NIyMfuIrKKbgERArpicmO7g0IsKxmuU2trSsa1y6xF"
    "OWhExE0qAbXCbLKLbQKpcsQ7pdCsK6v7ulTnrTY8oZa9sthZ69nl1vi+wkMjsIGCv8BEB3"
    "XX22hHPgWkBHHvH4A8CLV/BkmNABpvECgYEArRsQvwmR2iDCT9o6mlsr8AzfnDSXWcsvyP"
    "U1X+tr4U+svlHuhiO8pvLeSX7H+4e+4h2LHH7Ga7Lx+BEXo298rLJmekZeiez8HREREezv"
    "5PGcxc7nzDugM7Uf1NdWGlZQZYBOiB1mBBxX0cRP9iiE9UUO1heM02aXm9UU6YZZFu2UoM"
    "S7CN4kxorEB1KYymiRhBzP+n1vXVJIlZQ46vfVmOOaixso2/JyoclYvC/xamfJoJ4y4QwF"
    "JJ4MPB3jT4YKyEQzKC6xlAcil4JaaDacj2CaYzexpGm5x3SzNi19vsdeu7SgxFfuBjskZy"
    "vzcfPgYoiM86Z9DacKcFo1cpWZm8afM5wOQVx6ts/BDUrUe7DWjgzckvVvkvWXiaFlYug4"
    "2jIx9PESQw8flEFJ+KnMNSCvpxI0KLM9lx4fHFEkASa5HIkN/9gYuD4NmzS4jAnnC8gOIb"
    "yxLBPqiN3iedUkesAU11NXo2+vNNvqN8NhP9bgN72k2nu8v1Hw6EskvU3zABH89qErGeIy"
    "ix3P408y09mzm9jMtMxS+TWMb91xjAWCJVN8JaQkoyszKjaHK5lXSqdTjAlJXDnxmnGm2K"
    "VThxtuvKxTJ5iRpO+hGL6JGbxoCi954mrhDhybcQrg27RbkjPdW9kreexNOirE6x6dPkva"
    "ZRbca+e6zaKlZL6JU5r12zmeMeH3wwxHt8roGtC3CVI745+uAXnlw0lA35nws7t1UJ5nyH"
    "naEiAdv9LxK6jjN/ATagbSltbGZviAM2dHpqwkHlgbCbCmgHPt1XCXmm6aJT17DGnp0Cvh"
    "0JMOnuyOLraDR5LTNZCor6g0iRoRkZhKFvWYLCrti5LhK8hERQZugUynGd2Z2i9VM4X7xN"
    "GY1CUQ4rXmDI+DlkPabVHdzdxpzrbs7mw7IJACng0LiA0LLATBig4fRvqcQiIM/u/XGLfo"
    "lfUC5CUreCRW0GuEcqZCTEbaCgz7azsQS+GakJLI7rbCovqkorEQdY6cGMhFTYVEB9ttiP"
    "kqWlpiheCN6cWyplidNobyApGbcy5J7H6uhQFJyVLnktTiIOSGNxDaNqAneTjwD8aqwFjk"
    "n//hSwlz+MffLi7ev/94cfb+w/dXlx8/Xn1/tgU7fSsP9ZveJwJ8O0q4ySNCOOUkDqeBaT"
    "QMVbMs/Ru5m6t9vaATuC14UN0b38iMx2+lhVmehhBsbdaAbsjT0qUVdOO6WZAm+IpCaboj"
    "paPSnbbehwl6fLj1rvgfJmisdtTHsdb9sTP4RG7Ev7OPB+kO7++VgVdz8HGCHn4cqkOtc3"
    "tLrke+TNDwX8roliSv9T8kqajjhPLIxE6HZ0yiByYX3f0zq7iVgrPQ04NDKs+y+Rpc6KZB"
    "luTlVsJRGamOmLvmEoe4F+YYEnJSMaXBjR7dvtZZuYWzozZZsjybUnsGcJ6fFYrgJMWyDZ"
    "czVuJseoxVaeJsVVFfCN6jA4ReDNwzDdNwM5LA714esGvi+MgDgoYyGnT65Lw/7xO28/s9"
    "bNtjI5++E7t/oI46XXU4IoZ/8JkPa369mZqGs9wr9jAp20iSgSOwabwbSgFIMtjw+C5ZGR"
    "hXIwndmMuwA21jtmwxyGr/TjuPqNbDMnID4SmN63YO0fwCbafkqU0REQGN9IurqyL72K6u"
    "svexkXsJ1ma9LoOwX1xAdM+LroDyFkAZBwelEf7neDjIXtKzU/TNjZkL/gewBXiKZkAOuA"
    "SMmFWX2sWW3LCWMNdIBTdVfdpVJ7Mv/wcJ+RiR"
)
