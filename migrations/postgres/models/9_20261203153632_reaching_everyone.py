from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return r"""
        CREATE TABLE IF NOT EXISTS "outbound_message" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "order_id" INT,
    "kind" VARCHAR(32) NOT NULL,
    "channel" VARCHAR(16) NOT NULL,
    "to" VARCHAR(300) NOT NULL,
    "subject" VARCHAR(300),
    "text" TEXT NOT NULL,
    "locale" VARCHAR(8) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "error" VARCHAR(500),
    "attempts" INT NOT NULL,
    "next_attempt_at" TIMESTAMPTZ,
    "claimed_until" TIMESTAMPTZ,
    "dedupe_key" VARCHAR(200) UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "sent_at" TIMESTAMPTZ,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "contact_id" INT REFERENCES "contact" ("id") ON DELETE CASCADE,
    "member_id" INT REFERENCES "membership" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_outbound_me_order_i_9f1259" ON "outbound_message" ("order_id");
CREATE INDEX IF NOT EXISTS "idx_outbound_me_status_27001a" ON "outbound_message" ("status", "next_attempt_at");
CREATE INDEX IF NOT EXISTS "idx_outbound_me_company_850d11" ON "outbound_message" ("company_id", "order_id", "id");
COMMENT ON COLUMN "outbound_message"."kind" IS 'ORDER_CREATED: ORDER_CREATED\nORDER_ASSIGNED: ORDER_ASSIGNED\nORDER_STATUS_CHANGED: ORDER_STATUS_CHANGED\nORDER_COMMENTED: ORDER_COMMENTED\nORDER_DEADLINE_SOON: ORDER_DEADLINE_SOON\nORDER_OVERDUE: ORDER_OVERDUE\nTASK_ASSIGNED: TASK_ASSIGNED\nTASK_OVERDUE: TASK_OVERDUE\nMESSAGE_RECEIVED: MESSAGE_RECEIVED\nVISIT_REMINDER: VISIT_REMINDER\nORDER_ESCALATED: ORDER_ESCALATED\nCONVERSATION_UNANSWERED: CONVERSATION_UNANSWERED\nRATING_REQUESTED: RATING_REQUESTED\nWEBHOOK_DISABLED: WEBHOOK_DISABLED';
COMMENT ON COLUMN "outbound_message"."channel" IS 'IN_APP: IN_APP\nEMAIL: EMAIL\nTELEGRAM: TELEGRAM\nSMS: SMS';
COMMENT ON COLUMN "outbound_message"."status" IS 'PENDING: PENDING\nSENT: SENT\nFAILED: FAILED';
COMMENT ON TABLE "outbound_message" IS 'One message on one channel to one person; the queue of channels/delivery.py''s kind';
        CREATE TABLE IF NOT EXISTS "rating_link" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "order_id" INT NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "used_at" TIMESTAMPTZ,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_rating_link_order_i_462cd5" ON "rating_link" ("order_id");
COMMENT ON TABLE "rating_link" IS 'A finished order''s single-use rating link for its client (PUBLIC_URL/rate/<token>).';
        CREATE TABLE IF NOT EXISTS "telegram_link" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "used_at" TIMESTAMPTZ,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "contact_id" INT REFERENCES "contact" ("id") ON DELETE CASCADE,
    "member_id" INT REFERENCES "membership" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "telegram_link" IS 'A t.me deep link''s start token (stored hashed), single use, for a contact or a member.';
        ALTER TABLE "membership" ADD "telegram_chat_id" BIGINT;
        ALTER TABLE "membership" ADD "notification_preferences" JSONB;
        ALTER TABLE "membership" ADD "locale" VARCHAR(8);
        ALTER TABLE "contact" ADD "telegram_chat_id" BIGINT;
        ALTER TABLE "contact" ADD "locale" VARCHAR(8);
        ALTER TABLE "contact" ADD "notify_by" JSONB;
        ALTER TABLE "order" ADD "escalation_level" INT NOT NULL DEFAULT 0;
        ALTER TABLE "order" ADD "escalated_for" TIMESTAMPTZ;
        ALTER TABLE "order" ADD "reminded_for" TIMESTAMPTZ;
        COMMENT ON COLUMN "notification"."kind" IS 'ORDER_CREATED: ORDER_CREATED\nORDER_ASSIGNED: ORDER_ASSIGNED\nORDER_STATUS_CHANGED: ORDER_STATUS_CHANGED\nORDER_COMMENTED: ORDER_COMMENTED\nORDER_DEADLINE_SOON: ORDER_DEADLINE_SOON\nORDER_OVERDUE: ORDER_OVERDUE\nTASK_ASSIGNED: TASK_ASSIGNED\nTASK_OVERDUE: TASK_OVERDUE\nMESSAGE_RECEIVED: MESSAGE_RECEIVED\nVISIT_REMINDER: VISIT_REMINDER\nORDER_ESCALATED: ORDER_ESCALATED\nCONVERSATION_UNANSWERED: CONVERSATION_UNANSWERED\nRATING_REQUESTED: RATING_REQUESTED\nWEBHOOK_DISABLED: WEBHOOK_DISABLED';
        ALTER TABLE "conversation" ADD "unanswered_for" TIMESTAMPTZ;
        ALTER TABLE "conversation" ADD "unanswered_level" INT NOT NULL DEFAULT 0;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return r"""
        ALTER TABLE "order" DROP COLUMN "escalation_level";
        ALTER TABLE "order" DROP COLUMN "escalated_for";
        ALTER TABLE "order" DROP COLUMN "reminded_for";
        ALTER TABLE "contact" DROP COLUMN "telegram_chat_id";
        ALTER TABLE "contact" DROP COLUMN "locale";
        ALTER TABLE "contact" DROP COLUMN "notify_by";
        ALTER TABLE "membership" DROP COLUMN "telegram_chat_id";
        ALTER TABLE "membership" DROP COLUMN "notification_preferences";
        ALTER TABLE "membership" DROP COLUMN "locale";
        ALTER TABLE "conversation" DROP COLUMN "unanswered_for";
        ALTER TABLE "conversation" DROP COLUMN "unanswered_level";
        COMMENT ON COLUMN "notification"."kind" IS 'ORDER_CREATED: ORDER_CREATED\nORDER_ASSIGNED: ORDER_ASSIGNED\nORDER_STATUS_CHANGED: ORDER_STATUS_CHANGED\nORDER_COMMENTED: ORDER_COMMENTED\nORDER_DEADLINE_SOON: ORDER_DEADLINE_SOON\nORDER_OVERDUE: ORDER_OVERDUE\nTASK_ASSIGNED: TASK_ASSIGNED\nTASK_OVERDUE: TASK_OVERDUE\nMESSAGE_RECEIVED: MESSAGE_RECEIVED';
        DROP TABLE IF EXISTS "rating_link";
        DROP TABLE IF EXISTS "telegram_link";
        DROP TABLE IF EXISTS "outbound_message";"""


MODELS_STATE = (
    "eJztXet32ri2/1e0+DLtWkzaJk2bk5k16xJCU84kkAukvfcMs1yDleATI3P8SJpzz/zvV5"
    "IfyLZsbLCNUfUlAVtbNr+tx9Z+/l9raWrQsI+65nKlopfWOfi/FlKXEH+I32qDlrparW+Q"
    "C446M2jbOdNoZjuWOnfw5XvVsCG+pEF7bukrRzcRvopcwyAXzTluqKOH9SUX6f9yoeKYD9"
    "BZQAvf+ONPfFlHGvwO7eDr6lG516GhRV5W18iz6XXFeVnRa33kfKINydNmytw03CVaN169"
    "OAsTha115JCrDxBBS3Ug6d6xXPL65O38Hxr8Iu9N1028V2RoNHivuobD/NyZsr7WUpTBcK"
    "KMexNFaRUAaG4iAi5+VZv++gfyCj8fv3v/8f3ZyYf3Z7gJfc3wyse/vEevgfEIKTyDSesv"
    "el91VK8FxXgNKv2fgLW7UC0+rkH7GLL4lePIBjhmQRtcWGO7Hk91gLtUvysGRA/OgiD69m"
    "0GlF86o+7nzugVbvWaPNLEE8CbGAP/1rF3j+C9xtfRl/DfJiqEMUtTH86tu0m3VQvQH97n"
    "wPnD+1SYya0oyoY5V41CGK8pakQYonoAPsuB71kqvGdxdJ9N6xE/XFmYrmUnQf77eDjgg5"
    "wgjGGt6XMH/AcYup1Yl0vD/Nd7F80JnGDm6oajI/uIPO+3qjiRAT0BivS8tO1/GSzmr246"
    "/xNnR/d6eEEhM23nwaK90A4uYswxn6Cl4R0Vv61qqORtlaWOXAdyOJW6W2Z3snkX5XDL3y"
    "Qbs9SXso+uYXeRiuxnaEFtN+Q39iPBT4L/pNu6o1hwSX6PlbYupWKeRi6hTkI9tyD57Yrq"
    "JAG+xHeIrMJHOUoZX/l90qPgwyFKj/gHakNkvPijIAPXSf+mN550bm4jy/9lZ9Ijd47p1Z"
    "fY1VcfYltC2An42p98BuQr+Mdw0IvvEmG7yT9a5J1U1zEVZD4rqsacXoKrAWp/kXPX/SNz"
    "SCAXZur88Vm1NCVyhzmToSfdoWsWZwJe+MSffh9Bb2HjjAT/CNoPOzrAkfBXMPaDq+sRwZ"
    "y14XIGLXuhr3aE6ibsSFSo8EDFY9nmbaRFgOp43YiKEr7rqHNnR5C6Xi+Cg6TYj7phlAPV"
    "mHQlKl6m68zM7wpcqvqucA1pVz3S0+HJUTkH13IJ0e4zkPYi7IiysJC961AifYgK0GphOu"
    "aOAN2SPkQFiI4gxYaWvqtEQMfROOxIRLAc1X7cEaUJ7kJYeOByhX//rgNp4ncjKkzelINP"
    "u+9udMr1ngTe4JDp6Pf6vIxT8IDpSlS41JWuOOYj3BWrzkqfkG5ExQnffcKCUxnDqst0JS"
    "pcS3zSVx92XddvvF4EB0lRHXyQXZRwdvHx6oT9iYqcAw34YKlLxV1pZYgPXm93tDNRMZsv"
    "VEehxhZz1wNgF3f1xetJVLSe4WxhmrvK7l+9XkQFiaqnXKQp5Sz3Q787wZd9/HuIG4aho1"
    "2H14j2dI07EhWrcKEvAa1gmRcNL2IZNI/NNFth9Fb8UDnHE87xtHl8ZIcITkz8J+fZsrvu"
    "T0AVMz2Cl4kZPYqLjRmWOxCCBml1rz+UAVrX67EbdigIamTaLo+XsYm8VBHeDDW/O0KcNN"
    "JzvMijJvx0R3I92m6TL3mrgwD8mViRoAbIogwcE/zT1BFQge+T/gtwFhBQpQLQbWBjKRG3"
    "Xaj2Av9TkQaII6INTDSHR60YYhV0L33cm+XjDgMTZF7n4JBARC/30zze17hVupf7acL/2j"
    "LTvK97yF1SkPv4nVQ8QxJgB7RNxro1/Drojc4B/TdF40nn06dzQP9NUfe63xtMzoH3H38f"
    "DiajTncyxATrz/F1Jw+v3n3Iwap3cT+xNafIrSijag33aNguWEu0h1MsDCEkkADnA5hswg"
    "rZeguhHKEqZ6HZ745ZcTyN9PpNh14sr9/IWfP7Sse9bcH1KKWAXD8QLgeYZLJZnc/harvZ"
    "HSMtgdEN28JE4rN/elUKnSmjRFtFxDRt7pYeEuO7FBfElSWSkUZJWKlaCC8ts4IjNkEnBy"
    "0HXU+nZxWDNkokB60HayJQKrHkJiH+ZFpQf0C/w5eEMiTVKTzo6cBGbpqyuU3skM+hzjO2"
    "02AE8O+GjneS64y7ncteK2V9KAFeIWOo4ggnVsbNIPszvm6EG7ZK5AU4uj5uRne+jrXaeX"
    "nIG7V1oNBG5SU+tOkBqoUM1AWNYMzA5hjBosM+3Qi2jLbbbAQDK9zcREBHwERwbZr6tlKd"
    "xTdilyJGqiUeCJauGroNNWBaDz87FoSANGkDePRwBL69effm45v3x2++cSxh1TyDYw77g9"
    "0pXRtf/DNmIfsjXIrwjT/CmfOntJzVaTmTdh1p12m+PCQNO4cPMNk+iuAbtK9qAO/PmvPu"
    "bS58SbP0BeJtEmFp00lngLg2HUO1HcUwH3S0BeMTxFLh32SFPxuIqKwseA8tiCWzQin7sv"
    "rYKXvf4fC9kjR9tWeobBjelSaoDH32acQR7yR4oT+kHgZ51ALpuv92fHxy8vH47cmHs9P3"
    "Hz+enr0NT4nJW1nHxYv+FTkxRpiSNDTgU7r+xBnoFyY+D6ooza4cEMWAn2GqqgSKQMSrd3"
    "W5GA6vI6vLRT+G6eDu5qKHBTw6/nEj3UmBWoMUty2luiS13N2bvLtLc7405x8QrNLgXE3e"
    "YbsopgyFnP/ShL9PEz619OwO7J0tVDK4OKrMhJUG+9oM9iMsoI363Ym02O/FYs9NKa3Yfk"
    "YZfvyuzCsdxytwWqgPsgMZrNFoRbgyrd0zH4m3XEZQsqFt7556bOz1IurkkxmA84Dk2w/r"
    "zAR8iDPOgvYKN9DxL6gVq4McVFjeclyb6OzR7mmgaFpg2mGX9ifoAJOZpnOuVPXnmj7E4c"
    "SuVzI7dy7IVCwNPSA8wmSa7lwTUcIks5mXB5NiL1SrLLDGpC9REZM5zbfMaa7otu3uqoER"
    "PbW5TAHf9BTwhyiO1p0B/hAxCpJMK76AtRtWgieblhm5c4C094zchzgN95hk+lDgqjKE9x"
    "Yfw59NSxtBG5IHJqJ4ow3aWYG8K7+pYoVtcwTz+vlmTQR/JuWnw8SzuAugAhpy8ZMNgr6z"
    "EtC2s5PbVvmkzXlu/whdPpgYIhnDW2sMr0yZKFMm7tljT9zwOpkycdPO3nQuB5hkshnvYt"
    "vMbIZMxlY0nL/Sq3pnKSTDq1p6/pbi+bufjEcjeI/n2sJTtXJOS5H77azDkuW19JS/uc5K"
    "6RjLKhvynNFEmOU5Q54z5DlDyqHynCH5G+ev71PPPWrc3fUv+eyNUsU47Lq6dkRoxZq6dG"
    "M88XjFcoH+0syjhr2OONjxtCFe7EI7duCIjqwmnTkC7DnHDYYt6ScNZhTkscf4B5OfPcvH"
    "vbrUjZdzmgSVWkjwJ/pFg0/6HP6Cmz+Zj5gBQHcARJoN4BO0Xny7iXmPL/NMMdU8pORzUP"
    "oyVP7ys1lQb/1676I54ROgTyJ/3v/Watx61M44GEmJ/UeU2Ons3YrrUUop0DVZoFun8S6Y"
    "6CROJ5XIm5XI0ZzpdaY7aBrQufMdxIfZ9mH5EdXtji5LcYWxIOhX6rNETR8caTgwiaSLwt"
    "SqQCXMvNIwbexJpl5pbFrlOvARagMaRqGB2QtQDYOIoqpfOeAnG6yHnM2TgcvsWloAmmUB"
    "2Hed7Qbp/Supsh26GhY1siQIZdr/fFnp5dEtHX2xjm4JsTOPTMRsSLsJREIKo/y1i7pJ75"
    "qDIO6eLQpiVQqQHU3D2Ns8GTK4lSlGqkyjKr021sWe2lT0+tOr/xTmUpSloPYi3OFfDQsJ"
    "dyGBeOnr3+Wt0JJVoCWZxP47R8rI8Jzx2wsoy53mwvc0A9/TJL4adPBpg7PzTDCQfIgZEh"
    "EGcZaI1vufSUQ6S9S8CCW06+HgKmgeL4QRq3mBt3HH1TjFAD4ZppqCOUsUA/2eUAkF++Xw"
    "7uK6B25HvW5/3PfLjoSiML1JLq2LAIx6netEZRH0sAXMLJXEOQfOqjVf6E/ckOnM0hYMWY"
    "3FLcIrB1vdQp6903dLsc7esspFVeL8/qtciIhrholSVg+ornrAPnKxHy625SRjl2loN2bJ"
    "lnkv96DMDGYwR5nJTO50ZSazllSuzAzX8Ud8g/ynLxxXawYVuYnGU2o269RsBmxJKt42F7"
    "kPaJushGsdUiF7Az6ohnJvWsttWRLtodGMue2NxsPBOfD+T9FwdNUZ9P/RmfTJVfZbM5gT"
    "rFF5VdRB+yYzYUsV9UkuFfVJhor6JKmirtmBpmH6uzo8aDBIhUZwSCAewKf5bCwZJpa0Ms"
    "zFrFhrGvEwrsZQiJ/AEwQzQA4pxIO4/GGMTG5C9XQzYUggArp1GwmbWyf28M44TOpa0yKh"
    "gwpJ+cgZy3/H4iYf2QRh3Hyizx3wH2DodmXqMybmb+bqhqMj+4g8bx9hfwSo7CEfH93tqE"
    "mEdBAf8tKSWK8lkRYzeFFmHLV8+kSIEO00CQ5nga9ktBvmXDUKCd1rChE21Ki4cpZDWjlL"
    "FVbO0kRuUgeNb9y70B9St1EetUBF1/92fHxy8vH47cmHs9P3Hz+enr0Nt9Xkraz99aJ/RV"
    "aVCFOkw4J0WKC8kw4L0rDeNOPvZsN6HuMvU1mas6/IitKMXtG0HNVQ/Hig3cASvrC0H0iy"
    "q9WcCVoRZB5HHQsedYPnrV6w6BOxco9JV6LiNDd0iBxZLzlHLTHq5mBasg53viElXXuKDi"
    "xZNjknYLKqX260ZH0xWV+sCrhq8E705K50F8VQLtvop6jYYdON6XuGCALaHDjqg5dBZ71E"
    "g1fT1jNmhflsT1uv2wCZ1lI1dBtqpCaYYT5DC8xVm1NJrJxup2iKOsAyn0lWH9oTHkoL8n"
    "GhItwlUSBTvfo5mDI7iw2edWeBG5GaZOQlpi1SngxTYiIE6NiaIsM0H90VSaP5yj8Ct73W"
    "r8m1mYl7IE6AM/widhs848dC9pEAQajZ+Io9V1FagqFIdLrHlT+zfD6ZJtKjsy6PznC25L"
    "U4hAQCeqqV7yAhVZ4yRqvpuEpVsozRajy2u8RoVSm/0kPS9x51LuaIr+ztTOmVnt2+K6GX"
    "csWhNjbR2vjWV1r11v+C4Hdy3YHLlSML0O6hMFQRUcxrLaAcVolDu+3O/gl5622GrLsmER"
    "DlSuIyZqbGERfSHYKD9kLgW7dDsHSjSR/q4rrRsHt3AZYzZLJQQpMLJfjiF0cXnSpfsST1"
    "nWvfNlrKYpyaY0JtwYnDIZcTqMkTaG6omAea4iKHFyO6YWeME0teN5nXhmo7CrQsk1MzOy"
    "vhKkslnut8JVlBI4qCIlMqQiinU5On077sFQ1jqYBq9YYhXI+DdrWeC8slRCl5lbxb7Wx/"
    "hXWjapW9ZuCA+KTb+kw3dOdFKnbrVexKtViNajFmmHNlws2JkaI9NJkJZOz1RoPO9TkIPk"
    "3RIWWxkjrMdOjF1WHimwuzYCaLCI303uB6xUhvoypwpQJUMVRZEolpM49ETYO4Kk+jUP7f"
    "EVnRgr7iuLJzdjOq3nZUAqxCVrSLYxvZvCPgjrAsMep3J3vz4KKjmue7FQz3DK+tsEmpJ/"
    "hotmOXDA8vCfI6asz7pGjqywanekd1XNtjsKoZOkqmUw5vtPlF5CJiNrfK3HJFmEmbeDdp"
    "VGB630GsQloLLGeu8IDSZ15qG16T9N/Fdk7OcY6C21pO4rXZe/wftn5GtFc8PQkHpQqlVh"
    "WKPw/yA7smkAIYR6h1dKdYrqmQoMn6kCb5wrFvlsA5q5RehKw+tFutaoWE2hSA64V7G+Xf"
    "mrpG6Ae9rwXRJyTnAP+Zos543L8a9C7PQfBpivoD5XY0vMLS1ZioBsMvU3Q5HPTOAfk7Rd"
    "3OoNu7viak4cdm6AXZTb+IVpClE1AneCA6wFzGZtt0rXnKFpRjmobUTd6PWhikT5/OAf03"
    "RbfD0YTo6r3/U9S76fTxV/pviia9697VqHNzDoJPU/S1d4GnyOQc+B/wbL/t44l+22/GPF"
    "1ZOo+Hl3CuL1WDP0dDmvgE9YiOfOIcXGymVZsH7mWv27/pXL96d9w+jqVhDXB/zwkfDROG"
    "3MOiKCeJJdzZcON+oYVUQyFpyouIbAlCEVzK6pba/GN1AvYxHptG6ilvTSWQ49HJ8ccP4f"
    "mOfMk62o3xOL9Onu/wnNeIhqzIOGZp5BCWATnSmJ3HmO2utC25HqWUXG8K1znHF05uMkbt"
    "XXS2x2ilU3RzGM1xiibnT2M73/c4reR0kzltPkFLcyEpiViU0TFSyecm85kwyjYxf7ZgdJ"
    "xWcrrJnMYIqAaVsbZgdYJY8voAeI0RUAz4BDmhn6laBB6pDKSOqxQsuCQ/Y6u5FKeVU6nJ"
    "UynmHFOE0TFSyefm8xnyqrrn4TLklnSXPG4UjxlXQS6T+QyOUmVxWCjuEo7Fa1B61VMKBq"
    "tEiKQDGi9axasdUSxYhaWRqMoYoBpxDa3phZMOR+gEMlOWB65v/ZoVHbdxOgku79QWetMX"
    "QzdJKFcGDr6+pFQI2giNHLQyPHCficjDaJ2doRU+DzkrfqZEsXGODiVgK14Jxzi20RNTDn"
    "CjQVm1jd2GLbz5V4WYHJoD4Vgcnoxz3QxzUmbKM5JDMbZumA91MMfl/gjI+C3A4O76usUR"
    "00oAWMiyi3GEIwJq4XjtiOBGspztXLwxzJUmyLoRGZoL3cbrMmfyF68GSmPXugsV5SrYeJ"
    "BorRamY+44oG5JH6IC5Kj2zpUscRfiLG5xsVHWlM1Eq/JsG13TJQEzrbSkG8H99sbcG/jt"
    "10031vucLCAgqZ8BpQVegoCgQCc9NP8CdMemRTd1Gxjm/BFq4HmhG6T6pd+cFNNUHyFK1v"
    "0sv/vN2T1Tc1A0xg4gdFIKmki8cGaKGJV0NOJq/4qkA8qhKRwiODHxn+r1hHsd8WVqCUte"
    "9iPCadraH5dgN20AXrYGZb4mqCmZMkkYJDMA1bnY3lvmUtktt0esiwbHOAqe3sMxd+RkpI"
    "NGZ4AQm5HFQ6JksGOznAjzhLgyxQryxpIzJA1eZkvxCK0ilLyoK4x0gUlIEjKBc40eGjLJ"
    "cL5zV7Ekw9IimBPWTZbAIsqE8o69npmBc9QN7Q/px9tV2GSjXrODgL7EbwBUx1HnC6gBxw"
    "Qq8vSQvwB8lgX3ugFtYOhPEOgI0L4BMToRKhcRdaWlIs1cgkf4YidVm5U8odBxm0mQIo/d"
    "tR67H3VeeFC+U1pA2+gD2kXv03CEj1ref1Iu5+b2GovcwwEplxN8xke18fgON6P/mnH4mq"
    "sp2WXTs/gyJCKI5TXUvfQXMQWvW0WAjpGVMwP2u9BEsD7OhfVxBtbHSaydhbucIVU3iqKd"
    "IJR458GbeAUSj1YKU5FVJEbX5PV967Uk11KSsZLEwX7WNdxzfgElbC/Pn5wz/QIfghYcjV"
    "QqnGsCiScvjEX/N2cJSI9g8ZtLLDPi2WQeyB9MSd4Ml5t9s1hqbxuPqbsyTFXbIuQ2SSjx"
    "lfGLZapyZXnDJlgemHletwniUAFOLo3NK3Toxy2let+FYU0b/e7WLTfaJ0bwwTVUCzyb1i"
    "NQHWAiCPxwT88jmnZpA9WCYIkRBOoCC4lt4K6omQEsTEv/t4naYPaCv1mmi7SkiaKKh0zR"
    "FBGvbgvOXcuCeIgT/+xHuHKIjYNYPYKwyp9w/8/4ErSWNnh1b0E8ctH8pQ1oaYgnFQ+rZw"
    "gfNfXFBu+Ojj62p2iJSRcAX8HvgBzdwC8IqDv7a4AnxwJa+AEqAqpNDC2j0d11D3i/tg1s"
    "E/8iQCRpG5DBQRrhC8/4nw2dKVKRRt/Ocg2I3wx+xwuqjZmBOyAvgN+doLMyVPyDXmnmEg"
    "/qN+vfeLR6eZ3bQLO5UmQYXp5WSZIN4+W3iQWi8hvhPvQnep+wV6GYSltRvbYiWVRQFhWM"
    "oi1MUUFZ6EoWuhIFbl0WutrjShJKh/yNMk8UA9NBkzfO1mWnf/2/54D+I7UMe7+Tr97/Kb"
    "oZDiafyQX/Q1ym349TRSCxJ7mTXYmMpatPJ/auWkmxjEpkwcEnCejfx8NBiu2ToYmv5vrc"
    "Af8Bhm5XBmrr13sXzQlkYObqhqMj+4g877c9CDMEo+wlKL7atKOWDdJBfAmiZ09+SuDsQR"
    "4hFMjVvIxx7p04k7JLao7lkOBHTq9MVR6FDGYuN6rkkEdfeUZ8knZfCYZN3nEYpdpxMDbt"
    "TF5sNHp57QPbel4tRpSqyRLZlqqMsxxC1lmqjHWWUGK4lldsZakj1+Fl5Uqd/jxSaYHkLA"
    "VrdWgU2QvTNKCKUmIzQ6IYpjNMVRWogQK03sl/MRxeR+Sqi3787HZ3c9HDh4fYsToJNaSF"
    "bYo7+7B0soZGk2to0IwtRbfVCNGPLOIx9pgC8EWpfmT8pDth+q4prjuhLCstGtc5W00iPa"
    "GsNiSrDR0QqtLluSJcZbUhWW3oEMGV1YakY3lD/XNlYRxZGOcAsZWFcWRhnMMfxbIwTpMK"
    "46RHoMTiqnaskJA3pupA4I7a2h/1VRnweDE340ehpn/1RSQY2LKjmQJk80U0KXbQfHPaNR"
    "K849V38GhJwI4Dlq7tAASfoAUeoBNmSQOvSM/eK30h/gKvOWnWyuiRE7XzB1P9ivhu/RkL"
    "45FBMnUGyXDd7tLtYHxnux/LLUdawNJH62HaQvJYwPZTWblxDK5Wg7SnuohNQzmvhJ1eGJ"
    "FfNqW28G5aso0jCQWl3NLFHydoUW3lFEZVua7coOHFy9ARDGKBwybhjTYT4WvbeER6IV4x"
    "QrLKe/qO6I20J3lJI2R0sIwO3pdLrYwOJn236hcvK4np262YzT4q2bSGt71BQfgpzTkgfw"
    "+lPg27jxQ5N7B0Ap4aDuSUkMs5l0TD6rg/BctRuI0BtQfIr1aT6fue1U2N3vDhlYN1h1cR"
    "Ml28zPF5cHfXv0zxYovRxUB3XV07ItSl6JP3UJORB7u3yXuzh50X9HfGAzrCYbmNIoRDLm"
    "MOmrysSZ1XutAgrs6LHIGJRmErvsdo5fxu8vw2n6CluVC55/lpZDM6Rir53GQ+B1qrgi79"
    "USqpyZbe5/Xh6mlTt/CO3s3vXHRc95HIvGELu3SHbowlq6g7NGt9kR6POfx2ozt4XnfHUr"
    "x2fwiAoztODnzrzhTfsLU3L66pieL3XU51AvH5VqXvkjRzB/famaZutlWV5m5pWK7TsCx8"
    "idLh6LI3Ogf03xRNOuPfzwH52wwbG/3PhZ8/rIP2TYZ8S6t+NVUxpd+E9JuIoC2M30RgZl"
    "d0pCxMlxdvkp4KjkcrFQ+8tJB4pYCa8qw7C0U1OFmYMg3jHGppDy9gD5eGvPSBLrYhTyqn"
    "K1CiPqPCSlSGRGIqtaj71KLSsSg1fDk1UczELRprEZN+dozUDdRLY9KXQIhXGqcbBS1DaR"
    "eiullzp9hh2xwBugEV8GRYQGRYWvtuSacPLwI3Dwk3xJbVLXptZZztXrWCHhOKiQoRGikr"
    "cOSvcCIWwjVGJZHdLIWx68mOwgJrHDkwkPOKCrEBtlkQ85doKYnlgjeyLjYp7LX3BJHTJT"
    "Vh6D6cEDEi9zMlDEhaKnOm6V4MhI3RGwgtG9Dc/Db8F+dUoD+kwsxS1beFva0W478dH5+c"
    "fDx+e/Lh7PT9x4+nZ29DsJO3slC/6F8R4Nuswi1llyuyVuTQSwwRnJj4T/Vaib1OijJ1Eu"
    "WtwNQbhi6zvPWXuZu5+npOJzBsWOraG00+gOfvTgezrBVCsLNZDWtD1ipdeIGufW0WhAU/"
    "kCtNd9TrTGiguvdhiu5uL70r/ocpGk86k7ux0v3cGVyRG9HvU9QZj/tXA3In+DRF3eHNTW"
    "/g9Rx8nKLbz8PJUOlcXpLrzJcpGn7pjS7veufA/xBXRe3HlWcfLuoNnXhlVmIrGkwhU/hv"
    "gLR4+LM0oR+eCV3WbJG1RQ4LXDbN9UrFmzRXlOIDzKNtsii1pQPnu7e5PDhJs3TB5W3Shx"
    "Mf8ZbFl4sIkRzR3CBbihCpcTzTDd3h6F/yHQ/4PW01wuvBnKDRGw061+cg+ITl/Os+lu2x"
    "kE//E7l/MBl1upPhiAj+wedmSPMrd2bo9mIr38M4bS1JBhqSladJglIAknQ23L9JVjrGVa"
    "iErs1kODAd/V6fq/4vT6isI/fbWUprFG9ZbQbdtcmacQyXOWxlqGHpoYZKqCWNfJ0i7+ta"
    "/xn9HtyP6095V4O2jN40diFocdnrXF73Bz1lPBwOglaRi0HLtU6V/eoFTDIvHfnq3w1J2W"
    "9ThLfmceeqp4x63V7/CyGOX5miL/1xf4K/3/QHNEoz+j14tx5e865ZTMMLVIbEDxx3Jv3h"
    "QLkbdAbjr72Rp0nm3piiEb40uMIP+e87LDyQpvErU/S1d/F5OPxdueyPOxc0N2v8yjZS6s"
    "lxnvC74/Tou+NEeCP8zpFO06PugvZNnkalSKFVBNzJHDTle0Sq9mNBb8g1hQSUq6F8gpZN"
    "xarCOso4pQQ4CbDn6lbUt4GlEgjVmg3sMho0nSHimrLIL9uC5QyZTPLZZAWc1LT+IIyWmt"
    "ZqRBIZrFUWqlJ/vZfAbhlPVATdxsYTdVb6xHyEXMNAeK+dZRRQV7rihM1qq6knTQL7MgnI"
    "9HcVp78jk0lZqHYhb6ooVTlY73cYR5D+8D4H0B/ep+JMbsVd1/BZ0ySn7wTKG+pmMXQ1Jg"
    "YLsJd5waQmqCEnyDyaIBpD6tpb8T1OK3VCTVYVwO8rr55gYT5HKSWXm8xlCz5hSWM75S5L"
    "KbncZC5LtV+FpYbwHJgVhTZOJ9GVSlWpVG262k8qVfesVOWvvRLgnMM3vus0SXPdZXyfWh"
    "ztdeR+O0uDPY+3rE2JTQ+4S2jb+CdSTXYbRJXcCxUhSFVK8LsDLaQayiN88dp55Z2k8rtW"
    "5TfDka1iAtfkTVaHt/D54dMnmgjk06cpuh2OJiQq0Ps/Rb2bTh9/pf+maNK77l2NOjfnIP"
    "hEfbG7nzsT6oJNPkxR57Z/DvCfVj42VhwpiNnjuJwcyfm4uKausQTK8LY3aBVkI6E5B+Qv"
    "CeQcjqmPPf3fEDa4s3/COUeTkG7nYEgaHEq7pZWjkmI/kZ2jANJxuiYvWI3Eu6ihNEEoB3"
    "guwO91C4tROpqZLtpGMcmjl+rJJqsnPY75CUTg1iyPdSB53mSex89KBTnOIRfQkCwcwzXd"
    "wtIet05hPlk92UuT5Rh8Ar0Y3g0uSQYW+mGKhncT/1LwqRmyu4tUZD9DUirvnlfEO3s6Jq"
    "nl6tvkycjwy4BPPAVIqmqJRypMNvHSLYPSO+pH8o5SbVt/QLBgdZkYlUDBqWWmcZMODBVl"
    "01TnhbMOskRyuHKqfMo0FdJtoTl234JuC/78LgXbsKfDGr35oWWXwgi0+BXA4O76usWVEE"
    "oAt5DPwoHiGxONcgDsmdF3R3cY9CMmsOx2k4Jquh8I6+FENXA7lqe98XoRaAkuVpg24o/g"
    "ZRh2eDqYANOgYNRmZLu4vy/r7sQYy38VdC0KhhfHq4gZeekORUumUemFnaK+Sn7+f+oUxP"
    "E0ijVmYmZjnkah7RHPcHoP/ygdE78oa2cHhBthWlJ60pFxt7W7Hu2sCpda8PK14DNT45wp"
    "0pM5Bu2bDH8pCu4qkjmyixR3Dmzwq+CuNNKrgu9VwewsBbCOUokH9bu8xTyyannEoebstV"
    "ut78luavRPHPe8ZIBF1vnb3uCyP7g6B/6HKRrTYhNjWmriU6dP0/h6/5ux3vviD4dH6dp6"
    "hkTaveKaz7hQmcA12/jFIZeG5CYbkueGinmgKS5ydI4VeYOpM04sed1kXlPfG2hZPNVEug"
    "gRpRJPhDjNJUKcZogQp0kRwiZSV/HlkyGTU6nJU0m6h6TPLoHdQ1zMraK1dFkaaRiWriE1"
    "uobsuYyBiAhLl4Z9uTRETCe7+zVEuhMW5cRE3gy1t2GVAPIP4d/A7u472OFVx1HnC1Kfth"
    "xTfCfsT6DhXcwov52RmQEu3dwcRXej4VlRo+032aBbHXCvGxA4C9UBc/wG4Fl3FkBFwA+K"
    "BH7HbfAIVw6+iptCsH4KsB08WQFuCS2gxjW1JXc/RZaKNHOJG7+AV0uo6eobZjgfrV5e/0"
    "I7wIdbTPCT7T2dIAt0G5DUrcBemM/oqNXmWtljdnRp5a7Tyk14VThyOkIkhGm1hjzTxBWR"
    "qH8oUAXAjtMJiHclVj5b/zcH59QFI2guT0KcsybZEMhGV9A6HSMTLkt6JeNWqh7T0RdX9S"
    "i1ZFXlKPVE9IJJSlkiiavUje1TN8a4N++ssRHNjz+ObXTmNip/ppeKsGuie/2hxUugGWnQ"
    "zsyg6TUlcARtq8yhmXoib8ymJfQRHS5V3SCiBJY2UpwVUxxx44SlOHc0SP4+Ps1Tpgi3Sj"
    "+nnyYKFXmorSDS8ItsDzunA/F8aypkwBwve4WrcnFIxQO9/NpcDGxbOjbxe5A+Tk32cWJ4"
    "toWbdQq19LhO6M6WzkpZYN4V0pyxROItYcenJ7n2jZOMfeMkofAlmK1MiwN0utaXpZHeWy"
    "mj17VJQFcxG1GCUMRRXIH0441I1bafTYtzrEoPdUwQigB43SGP+lItvlhHiERAvYbFmmJW"
    "cLGO0MjFOrlYU4C2WawThCKO4goWa29EbrFYJwhFAHwvi7Wra8qTauia7vBKS+sP2ctJnF"
    "ygZeVvx8cnJx+P3558ODt9//Hj6dnbcH1J3spaaC76V/1BjB8pi49XQpinD97ICZZUmFPk"
    "PniwU8gnvwepyGmyImc9fQoHf3JIRdiJaogAdaABHyx1qTjmI+TELKTv/UlKESCve/MPUZ"
    "yZTmEHVi6xCFyowT8txM6Gcws6hW00afSiGSfLN9M8wxnNP/isaw+wcKogPrVEPS/qqmGY"
    "z1goMi39QUccU8nfx8NBNvScLuKSlT53wH+AoduVSbytX+9dRPPSgZmrGw5+kSPyvN9a9e"
    "8MBLLsnSG+CcTEJ9JBfGdwV9qWDrRRSulA22ApOIwXSzhw5XXtyuG8GORxrd51ca8raJmO"
    "i+U5zE18OeGOTsoWx2Mu1qKd5TIXSh3uuvHmOD0EvObAUbGoDu4tc0lD3fCCvjDNx3OgOz"
    "bwmAhe+fC0fRoM02ugWebKBiqw4AqqDo2Ta8V4Us1TpmilvhimqpEYPBrmRw/zYGWZc2jb"
    "UGsD2yQxgf6j1fkcN4IamL3gjvxWXgihpkPai2YiiG9PkYpM4imI38XzQ7TfhOj6EYYkKD"
    "At3C+SBzf8EYl0ujIMsE4fwzUfEthmKe4iZCL5ydest/PnahGZkiGpX4bcjx6hEmnRgnOo"
    "P20lLsZIpbzYFHkxT8BVuBFuwfg4bS3q8T1IhE3ncy7teGOCFPY9l2UE2MEepOqMUgrrkf"
    "BjlNhyJZkRSpE6KZXGJ0VOFEG8hayWUesBYos4GaEjY8rXQ88Mc/64rVk/QSwt+lJmaf6G"
    "+gPkzDz4XUHKhI2UCfPm1ixs49gts+aBGDpy5tUsT/AeYQy7Jt6eIVfwZm9nCt6EF/gHrl"
    "tuNHJ8m7lYNHC+0Yx9NjU8GPpSd4CKNPC8MJcAf6Y92uAVPHo4At8M80FHP9MIwHP1v+B3"
    "dbky4BEewd9e/5Iwb5Tc/xR9e8ajB++neKhauFvSzTf4faXj/Rd/s0giQsxAzQa2jocyfS"
    "BcmfNFukHCe0Nym+16N5NEpr+rWIeKWpTl6UePNffynjzWFAIm03ufy+nrfYbT1/uk01dk"
    "XhQa63FKkeTSmq1Erg2LiKxBc2Gc6Us7Bvi7RbGBzBBVhaiYa/dOXjrlSVhfPW8KnnQV3M"
    "qUrJ6ZRhuFqjEkAggVPZ5IlmTwbUmzpX8DS/UFCyiYRLWJ4IM/0nbLX7DYQ/zwbfivb8Tb"
    "YmE+484t2od/NvjJTghXFT1nimh3GEKa4h28otXWe+TaESZ8DRbqEwQzCBFwXAsR/xDkmM"
    "CviKhDO2eu56jmdu5gaqm4rdnzw+IoE9NFJ7+5gHLT8du8WZ8z0z4nRCdvYiYxTnftWFNI"
    "7+CIxrYMfw8v6iDJjozECiGFEKO+7kAdf1lPylqmaUAVpdiGQqIY5jNMVRXowbJeL+gXw+"
    "F1BPSLfhzVu5uL3ujVO8oB3Eh3Ug4Imm6T368pFlTttML1fMA5pOIZ5SoJBLxXdcPFC46i"
    "I8UynwuIKBxKeVaLj+lAWC12WGOphMG0ZnWDTESfzhBx/SKl6bki07M/J2ZFoY3TSXS5af"
    "6JoqJoln+GRqIqzfl1m/OTA7gEaAtVZTxUdCNTN0d10XANlQDnHL7xXaeoQwpzKA2VwhwR"
    "vkDlS19Jf+l1J9LaUWndyzhs6eYPFtmNZhBFY1tvtIcMkW+hAPemBUggqd/PLzS4VacBps"
    "QE8c2//rOufQMLLGVDqw1s+nSgzi3TtoEFndDEEDGGVPGQKfoWyYb1LejDgKoNgXlPvwTx"
    "sraX9J8YXF6pYG6p9gI3dKgFxlBXNsyIimXsS/RH0ONr3AXljxZ+TcelLEHwuxPk3iZHLd"
    "w00otJbDb+9I31KL1YGufFIs9dFdn6w5FfaHBHyEQCtmYlErsI5RzULIlIyJc2pB/x7+Dr"
    "9nvIXSbE2Ai4AW2TTVmt7qjXmfQuz4H/YYrubi+9K/6HKRpPOpO7sdL93BlckRvR71PUGY"
    "/7VwNyJ/g0Rd3hzU1v4PUcfJyi28/DyVDpXF6S68yXKRp+6Y0u73rnwP8Qlzjy2Bzefchh"
    "cngXV/gxGdg+JDLEhxLANgNgTV3fEGjd9gaX/cFVQRtyQIa54n3AXL/rdns9yqnw4xR96v"
    "SvySXvfzO4tEVJFVlHJWvVs6C9wk+AStr4T8WVQylQmudyLW2FM8jK5LFb2IzjR7cE3tn2"
    "NQ65jOdsdDznLim5ZTbuw+K1NJv/gGZzXx26Fd/jtHJ+N3l+BwrwQjqNKJHUamw2NjOK7B"
    "0Ndkx0x4FBnNdaFx1dTconNHQdmhA0qDzPsT7Fm7SzrE+m31hZMq1zWZ98AmAiahnyU5cC"
    "x6RfV9CyTUQzpwLMepdadsL0poGt62j18pMNAhVawvZU7iOm6JUv+bV9a5QGnnVnAQhnzP"
    "v7tq/u8C6S5K/Ecff1EfimQc1dQZLhnYQBPUKSGjZ4N5LRdYrPwvhZ6jobrE3DhTQ41zVI"
    "3pfYsYgFy4JLMvSt1wB+120H/445zB3as8FSxXiTsBrfIBWsNFE1zkS1D11+s/IiSk1+MW"
    "Bbw9Flb6SE+vzI1ynyvq419dHvwf24pp93NWjLaPhjF4IWl73O5XV/0FPGw+EgaBW5GLRc"
    "a//Zr1M06Yx/Z1468tW/G5Ky36YIC5/jzlVPGfW6vf4XQhy/MkVf+uP+BH+/6Q/wU89B9H"
    "vwbj28q1+zmIYXiJVjgB847kz6w4FyN+gMxl97I8/mwb0xRSN8aXCFH/Lfd1g8Jk3jV6bo"
    "a+/i83D4u3LZH3cuqLY9fmUbvfvJcQ7l2slxqm6N3Ir52Xo76raziiFv9MTqD5TO7e058P"
    "5PUe8GCwPngP7Dg7B33bsadW7wAPQ/TdH4ZnwO8J9mmEccs4iS2WvdZIZsqV0+yaVdPsnQ"
    "Lp8ktcu2O/snnBerN78mEU+FXwnIDpZpkwhnVX37LmNIt40hNcy5ahSq8LamEALw6IA+yz"
    "Gcz1IH85l0KGAcCrBwiLdF/LeZbgSF7bHSFFvMFCv9NEo+00rb9o9lD5G27R+H12vNcpEt"
    "KUolWsXR47xpg7KyBiW0GNKJ4Ad0IrBJzEFxljNkcvls8vIpY3wqS+vvqHOncEZ/hkg6BD"
    "clqYKAoMqcCnvJqeDP8FKwDXs6rNGbH1p2MWxquooDBTdHtor9eGeNVAf/vmsdcbMiM3fb"
    "G0pO4HaKETTcXFYb3OtItxdQA9Q/5CdaquHBgD+7NgRed4B0R+P4Sej+3NBJWP+r27uL63"
    "5XuRtdvyHD5M2vjvkI0W+vk7kAKnrGZr+nQr5LP4rjUmXZixsaXnx4ELOWeTzclYVqL4ro"
    "eKJU5ViCGqTkKb+cn9TwpEMvrobHLyKxBdejlAJy/UC4nEvR425XV9ytuaS45O+W/JWKPK"
    "kcadghs7k1xSf4RR4sdZl2zozcb2edNB2/ZaGzpnO0hECDcEWPe+QcSEqRASqwgle2g4eS"
    "BojgCrXXbf+QCFzSFzkZqsBXjQD6xTvK846bVT1GnjibdeKUxyN5PJLHI3k8kuKzPB5J/s"
    "rjkfRzOHhYpZ+DPMof2lFe+jlIP4emgdtYP4cOtPT5osXRPfl32llaJ3XdZpO6KR1SqcZp"
    "lhrnCU9GvViJTIZEwJjS49PTPGEMp6fpYQzkXiy4brUqgrDfXEB03+UKEnmXESTyjhMkgj"
    "cziDj7fnppaYak/trS+zk9l1ZFOiHd1rmZ/fX/C8fIWQ=="
)
