from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return r"""
        CREATE TABLE IF NOT EXISTS "contact_skill" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "skill" VARCHAR(50) NOT NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "contact_id" INT NOT NULL REFERENCES "contact" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_contact_ski_contact_9b709e" UNIQUE ("contact_id", "skill")
) /* One skill tag of a contractor ("windows"), normalised to lower case. */;
CREATE INDEX IF NOT EXISTS "idx_contact_ski_company_8a48dd" ON "contact_skill" ("company_id", "skill");
        CREATE TABLE IF NOT EXISTS "order_series" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "description" TEXT NOT NULL,
    "price" VARCHAR(40),
    "contractor_fee" VARCHAR(40),
    "internal_note" TEXT,
    "frequency" VARCHAR(16) NOT NULL /* DAILY: DAILY\nWEEKLY: WEEKLY\nMONTHLY: MONTHLY */,
    "interval" SMALLINT NOT NULL,
    "weekdays" JSON NOT NULL,
    "month_day" SMALLINT,
    "until" DATE,
    "count" INT,
    "start_date" DATE NOT NULL,
    "visit_time" VARCHAR(8) NOT NULL,
    "duration_minutes" INT NOT NULL,
    "active" INT NOT NULL,
    "ended_at" TIMESTAMP,
    "last_date" DATE,
    "made_until" DATE,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "address_id" INT NOT NULL REFERENCES "address" ("id") ON DELETE RESTRICT,
    "client_id" INT NOT NULL REFERENCES "contact" ("id") ON DELETE RESTRICT,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "contractor_id" INT REFERENCES "contact" ("id") ON DELETE RESTRICT,
    "created_by_id" INT REFERENCES "membership" ("id") ON DELETE SET NULL,
    "responsible_id" INT NOT NULL REFERENCES "membership" ("id") ON DELETE RESTRICT
) /* Regular work at one address; its orders are made ahead, up to a horizon, by a round. */;
CREATE INDEX IF NOT EXISTS "idx_order_serie_company_2aad83" ON "order_series" ("company_id", "created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_order_serie_client__aae0fa" ON "order_series" ("client_id", "created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_order_serie_contrac_5213f5" ON "order_series" ("contractor_id", "created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_order_serie_respons_7fd6cf" ON "order_series" ("responsible_id", "created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_order_serie_active_6a8e10" ON "order_series" ("active", "made_until");
        CREATE TABLE IF NOT EXISTS "order_series_skip" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "day" DATE NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "series_id" INT NOT NULL REFERENCES "order_series" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_order_serie_series__9fbd06" UNIQUE ("series_id", "day")
) /* A day of a series that must never get an order (skipSeriesVisit). */;
        ALTER TABLE "company" ADD "working_hours" JSON NOT NULL DEFAULT '[]';
        ALTER TABLE "company" ADD "locale" VARCHAR(8) NOT NULL DEFAULT 'en';
        ALTER TABLE "company" ADD "unanswered_escalation_minutes" INT;
        ALTER TABLE "company" ADD "overdue_escalation_minutes" INT;
        ALTER TABLE "company" ADD "visit_reminder_hours" INT;
        ALTER TABLE "contact" ADD "working_hours" JSON NOT NULL DEFAULT '[]';
        ALTER TABLE "order" ADD "series_day" DATE;
        ALTER TABLE "order" ADD "visit_end" TIMESTAMP;
        -- SQLite's ALTER TABLE cannot add a constraint: the reference comes with the column.
        ALTER TABLE "order" ADD "series_id" INT REFERENCES "order_series" ("id") ON DELETE RESTRICT;
        ALTER TABLE "order" ADD "visit_start" TIMESTAMP;
        CREATE UNIQUE INDEX "uid_order_series__61c4c1" ON "order" ("series_id", "series_day");
        CREATE INDEX "idx_order_contrac_c685e6" ON "order" ("contractor_id", "visit_start");
        CREATE INDEX "idx_order_company_5ce787" ON "order" ("company_id", "visit_start", "id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return r"""
        DROP INDEX IF EXISTS "idx_order_company_5ce787";
        DROP INDEX IF EXISTS "idx_order_contrac_c685e6";
        DROP INDEX IF EXISTS "uid_order_series__61c4c1";
        ALTER TABLE "company" DROP COLUMN "working_hours";
        ALTER TABLE "company" DROP COLUMN "locale";
        ALTER TABLE "company" DROP COLUMN "unanswered_escalation_minutes";
        ALTER TABLE "company" DROP COLUMN "overdue_escalation_minutes";
        ALTER TABLE "company" DROP COLUMN "visit_reminder_hours";
        ALTER TABLE "contact" DROP COLUMN "working_hours";
        ALTER TABLE "order" DROP COLUMN "series_day";
        ALTER TABLE "order" DROP COLUMN "visit_end";
        ALTER TABLE "order" DROP COLUMN "series_id";
        ALTER TABLE "order" DROP COLUMN "visit_start";
        DROP TABLE IF EXISTS "order_series";
        DROP TABLE IF EXISTS "order_series_skip";
        DROP TABLE IF EXISTS "contact_skill";"""


MODELS_STATE = (
    "eJztXetz4ji2/1dUfNnuKibTnUd3b2Zr69KE7mEmgRSQmb07TLkNVoI2Rmb9SDpzZ/73K8"
    "nYyLZsbLCNUesLD1tHmN+Rjo7OS//XWloGNJ2TrrVc6fildQn+r4X1JSQf4rfaoKWvVpsb"
    "9IKrz0zWds41mjmurc9dcvleNx1ILhnQmdto5SILk6vYM0160ZqThgg/bC55GP3Xg5prPU"
    "B3AW1y47ffyWWEDfgVOsHX1aN2j6BpRB4WGfS32XXNfVmxa33sfmIN6a/NtLlleku8abx6"
    "cRcWDlsj7NKrDxBDW3ch7d61Pfr49OnWfzT4R/6Tbpr4j8jRGPBe90yX+7szbXOtpWmD4U"
    "Qb9yaa1ioA0NzCFFzyqA779w/0Eb47fXv+/vzD2bvzD6QJe8zwyvu//J/eAOMTMngGk9Zf"
    "7L7u6n4LhvEGVPaegLW70G0xrkH7GLLkkePIBjhmQRtc2GC7GU91gLvUv2omxA/ugiL65k"
    "0GlL90Rt0fO6NXpNVr+pMWmQD+xBisb5369yjeG3xdtIR/WLgQxjxNfTi37ibdVi1AvzvP"
    "gfO781SY6a0oyqY1181CGG8oakQY4noA/pAD3w+p8H6Io/ts2Y/kx7WF5dlOEuSfxsOBGO"
    "QEYQxrA81d8CcwkZOQy6Vh/o97D88pnGDmIdNF2Dmhv/fPqjiRAT0Fiva8dJz/mjzmr246"
    "/4qzo3s9/Mggsxz3wWa9sA4+xphjPUHbICsqeVrd1OnTakuEPRcKOJW6WmZ3sn0VFXBrvU"
    "g2RtSXso5uYPewjp1naENjP+S39qPAT4L/hBzkajZc0v9jp8mlVMzTyBXUSajnNqT/XdPd"
    "JMBX5A7VVcQoRynjkn9NehJ8OEbtkfxBY4jNl/UoyMB10r/pjSedm9uI+L/qTHr0zim7+h"
    "K7+updbEkIOwG/9ic/AvoV/Hs46MVXibDd5N8t+ky651oatp413eB2L8HVALW/6L7r/pHb"
    "JNALM33++Kzbhha5w+3J8BNymcwSTMCPa+JPP4+gL9gEI2G9Be2HHR3hSPgrGPvB1c2I4P"
    "bacDmDtrNAqz2hugk7khUqMlDJWHZEC2kRoDp+N7KiRO66+tzdE6Su34vkIGnOIzLNcqAa"
    "065kxcvy3Jn1VYNLHe0L15B11aM9HZ8elXNwLZcQ7z8DWS/SjiibKNn7DiXah9QAaQ600b"
    "4LHoNpHHYkI1irheVae8J0S/uQFSBXdx73xGdCupAWHrhckf+/70ybrLuRFSZfJsGn/Vc3"
    "JpN6TxIvcNhy0T2al7ELHnBdyQqXvkKaaz3CfbHqrNCEdiMrTuTuE1GcyhhWXa4rWeFakp"
    "2+/rCvXL/xe5EcJE13yUZ2UcLeZY1XJ+xPVuRcaMIHW19q3sooQ33we7tjncmK2Xyhuxpz"
    "tlj7bgC7pKtf/J5kQoua2K1TK83oHr0V187mloddf1ssBnaI4cQiLzmVtO6mPwltNUyXLR"
    "MzptPKjRmZwBhDk7a6Rw9lgNb1e+yGHUqCGp22y9NlbCIvdUwWR2PdHSVOersE4ZhRX1h6"
    "RCaKttsWlNnqYAC/o+ZYaAAT4UfgWuA/FsJAB+vgzh+Au4CAaecAOcAh4pa0XejOgrzp2A"
    "A0oscBFp7Dk1YMsQq6V8GizQoWhYEtP2+UXUggY7joRZ4wRtIqPVz0IhHIaFtpYYw97C0Z"
    "yH3yTDqZIQmwA9omY90a/jrojS4Be5vi8aTz6dMlYG9T3L3u9waTS+C/k+/DwWTU6U6GhG"
    "DzOS538vDq7bscrHobD7jYcIreijKq1rjphq2CtYRNu8XieUMCBXA+gOkirNGltxDKEapy"
    "BM1hV8yKA9NV+Fw69HKFz0X2ml9XiPS2A9ejlBJy/Ui4HGCSyWZ9Poer3WZ3jLQERjdsCZ"
    "OJz+vdq1ZoTxkl2im0vGlzt/TY8nVsXkFceSIVsp+ElZmFiGiZFRyxCTo1aAXo+jY9uxi0"
    "USI1aH1YExkHCZGbhPiTZUP0gH+GLwljSGp0ZdDTkY3cNGMzuWzrz6HNM7bSEATI/4auv5"
    "PrjLudq14rRT6UAK+UyQhxhBOScTvI6xlfN8INkxJ5AY7Kx+3ozjdJC3uLh7zpD0cKbVRf"
    "EkObnulVyEFd0AnGDWyBEyw67NOdYMtou+1OMLAizS0MEAYWhhvX1JeV7i6+UL8UdVItyU"
    "CwkW4iBxrAsh++c20IAW3SBvDk4QR8+f7t9++/Pz/9/ovAE1bNbwjcYb/xK6XnkIu/xzxk"
    "v4WiiNz4LZw5vyvPWZ2eM+XXUX6d5utDyrFz/ADT5aMIvkH7qgbw4bw5b9/kwpc2SxcQb5"
    "IIK59OOgPk9emYuuNqpvWA8A6MTxArg78y+B/BdFYG/2OAVZmkqynx5RTFlKNQ818Z+Q9p"
    "5Ge2oP2BvXOkqrsQR5WbsMqkX5tJf0QUtFG/O1E2/YPY9IXV2zRnnby5e46e/CXceLwCt0"
    "Z9kB3JYI3mM8CVZe+fZCyfuIyg5EDH2T/Lf+z3IuvkU8W28oC0tjDWWXTrGGecDZ0VaYDI"
    "P6gVq6MeVPWXKDv2oaWKuuVb/4gO5DkaTTffu4KLDxfrsMv6k3SYqUJ42+pMEW3oAROxpS"
    "ri5ZLuCiZVOLA8mDRnodtlgTWmfcmKmCofuGP5QA05jrevBUb2KoKq2mLTqy0eo/JZd7HF"
    "Y8GoynD5EbwnC+rCn4WCgPnI/XZWyLztt/TlAmuqzvOsa+hUHWiu6nqouh4qBlTV9TjQkt"
    "h0LucK//ScnWY2R6bCe5vM37W7VRjbd3fXvxKzN0oV47DnIeOE0so1ddnCeObziucC+6eZ"
    "sX3Oxhm9ZzSPfG7tdiycJzqympSiG2Av2G5wbEnfaXCjIE9m7npj8p1fIfZeXyLz5ZJl0L"
    "LcCfKJfTHgE5rDH0jzJ4ueLw2QCyA2HADJvvtlXV/WuieXRam51fxIyfugdDFUvvjZrqhz"
    "h2izX6Iv54c4QXuLPGpnbIyUxv4tauxs9u7E9SilUuiarNBtakAUzIGJ06msje1ZG9GCG6"
    "p8UI5Q+Pgw2z1iO2K63dP8HjcYS4J+pUZ4lg8j0IaDPJl0VZilmjANM682zBr7mql/rgI7"
    "ImGlO86zZRttwDzsBpi9AN00qSqqr8vO/M0B3GHjIh24zK6VB6BZHoBDH9LQILt/JUc0BL"
    "OksJMlQahqxuQraaK2bunoy7V1S6ideXQibkHaTyGSUhmtVB3qGAZhuCPSiIJbmUqRzjWq"
    "MgZhU/euzRQJVf2uVpWE/GtYSCUJCeQr+vU2b1GqrJpUiapq8KtgbcyI91i3l1ADuciF70"
    "UGvhdJfA3oEh1ZsLxMCJBiiDkSGQZxlmLR+9ckolMEUL666fzrdUSvuB4OPgfNOei718OP"
    "McTpWu16hqBU4CfT0lMw54lioN9TKqlgvxrefbzugdtRr9sf94eDqALHbtJL5AIKyi50ru"
    "MoW/hhB5h5KoVzDpzVDiZdesu1g1Fl5KpSLw9fRk5GXDMcPao8V3XluQ5R7Oh4sS2n2pGq"
    "87C1DI2qVnAAI1owgwVGNG5ypxvROFlSuREtlOOP5AZ9Zw/8u3+yRHgzKIqvLG11W9oCti"
    "QNQdvPmQhom2wUah3TWRImfNBN7d6yl7uyJNpDoxlz2xuNh4NL4L9P8XD0uTPo/7sz6dOr"
    "/LdmMEcd9BGCe5bLZHqWYTI9S5pMaw5DaJg9qY44BAJSoREcEsgH8EU+m3+GyT/pUSGy19"
    "ZTJHeaV2VDIx/G1TiuyC+IFMEMkEMK+SAufxhjS1ixKN1tFRLIgG7dTqvmHsRwfHucDarP"
    "lk0TsLSF5YnMNz8RdVOMbIIw7j5Bcxf8CUzkVGY+4zKnZh4yXYSdE/p7h0ieokBlD/n46G"
    "5HXSK0g/iQV56t9HmgPFvKs6U8MA3ywOTxEnA1/vezhEtf259W9tdNbR1+ux9Y0pf4X0e6"
    "7ute4aJqJZnHUQ/UIzJFYXYFy+9Rd8iYdiUrTnMTQeyqyvU5qjoyf5hlqxMR8g0p5QMuOr"
    "DUqQg5AVP1VTPRqiHEwF8T0+MMwjVza7CB5oRNt2YyDzEErDlw9Qc/mXgzfcCraeuZsMJ6"
    "dqat122ALXupm8iBBnAtYFrP0AZz3YHJLOZyup3iKe4A23qmCc6sJzKUFvTjQsekS2rzYB"
    "aiSzDlZr0DnpG7II2Q4z/EtAXIR0JJiDBgY2uKTct69Fa0otCr9fak7bd+Ta/NLNID9eTP"
    "yIM4bfBMfhbyPwkwhIZDrjhzHaflWkdSm3yu/J4VuME1UWEZdYVlhLMlr5cjJJDQ3Vy+l0"
    "OZo1SgddNxVWY+FWjdeGz3CbSuUn8deu7M+tpjEUIC9ZW/nam9WqyhFoYaVRwvS8/UDTxj"
    "5BdDZxeGX+l1elYOu6+0sZpr5BdRxfzWEuphlUSlOd7sP1AkbzN03Q2JhChXElw5swyBup"
    "Ae1RO0lwLfuqN6VIhD+lCXN8SBX7sLsJwjUzVjm1wzdq1+CWzRqfoVT1LfvvZNo7UsLtQ0"
    "ptQWnDgCcjWBmjyB5qZOeGBoHnZFiR5bVsY4seJ1k3lt6o6rQdu27CKKfZRKhoDyGkpNRQ"
    "wFRaZUhFBNpyZPp0P5KxrGUgnN6g1DuJ7g2WojF5ZLiFOKI/i32tnxCptG1Rp7rSA47Ak5"
    "aIZM5L4ow269hl1lFqvRLMYNc6FOuL26QbSHJjOBjr3eaNC5vgTBpyk+plIUyoaZDr28Nk"
    "xyc2EVTEeN0KjoDWFUjIo2qgJXpkAVQ5UnUZg2c0vUNIirijQK9f89kZUtISeOKz9nt6Pq"
    "L0clwCrl4R5xbCOLdwTcEdElRv3u5GARXGxUi2K3guGeEbUVNil1Bx8tWejR4eFXMtxk9P"
    "ifNEN/2RJU7+qu5/gM1g0T4WRNxPBG26+LGLsdVbNFDchHykzWxL/JMrbS+w5yFdJaED1z"
    "RQYUoiinNEn/X3zndB/naqSt7SYem7/XVhUhq9Ki0m0i64GdH9gNgdKoBFqqi1yzUNm1kK"
    "DJBo4mBbfxT5bAOevAlQhZfWi3WtWu+rVZ9DbSfhdr3oa6RugHvV8Lok9JLgF5meLOeNz/"
    "POhdXYLg0xT3B9rtaPiZqEtjausLv0zx1XDQuwT0dYq7nUG3d31NScOPzTD08at4ETMfTy"
    "ehke9IjHq5vMeO5dnzlCUoxzQNqZu8HrUISJ8+XQL2NsW3w9GEGt/99ynu3XT65Ct7m+JJ"
    "77r3edS5uQTBpyn+tfeRTJHJJVh/ILP9tk8m+m2/GfN0ZSMRD6/gHC11UzxHQ5r4BPWJTt"
    "bEObjYTDe1CNyrXrd/07l+9fa0fcrg3ZyzFOB+LsgHDasz3MOiKCeJFdzZcJN+oY11U6PF"
    "Q4uobAlCGWLE6tbaCDL0cRKwj8nYNFN3eRsqiSKJzk7fvwv3d/RL1tZuTMb5dXJ/R+a8QU"
    "1eRcYxT6OGsMqwUd7pPN5pb2XsyPUopeJ6U7gu2L4ICkFxduyisz1Gq6Kcm8NoQZQz3X+a"
    "uwWzx2kVp5vMaesJ2oYH6UFFRRkdI1V8bjKfKaMci/BnB0bHaRWnm8zpmNu2CKNjpIrPze"
    "czFB0amIfLUHhioOJxo3jMBbEImZxWyICnyuKwVNylHItZJ9al2wuGUUeIVCSFKI7arzhd"
    "LIyap1Goquj0GnEN3UKFy2FG6CSyt5cH7tqMOys6buN0CtwkuFycZzF0k4RKMgjwXWtKha"
    "CN0KhBqxJXDlkiN4wj3xta6Svk8upnSn6FYOtQArbyHfwUxza6Y8oBbjQJobax2zDBm18q"
    "xPTQHAjHMkRUBtZ2mJM6U56RHKqxdcN8rIM5rvdHQCZPAQZ319ctgZpWAsBSHtYURziioB"
    "bOJIwobrT+zt5HPoVVfCSRG5GhuUAOkcuCyV/8DDGWhNFd6PjhGONecqG1WliuteeAuqV9"
    "yAqQqzuPe+IzIV3II9ziaqM6iS4TrcrzwLuWRyO/W2np4MH99tascPL0m6ZbT6KbLCCgRU"
    "kBowV+pmtwdBzbNP8AkOuw4+CQA0xr/ggN8LxAJj2Xbd2cHvOmP0KcPJGu/O63151LTaZu"
    "jB9A6uxqVuK2cIp1jErVEhda/4oUqshhKRxiOLHIS/V2woOO+DKthCWL/fWeKU3qb7ZU24"
    "T+Ziu3XeaP4INn6jZ4tuxHoBPZjImw9U1NvjT2D4YGug3BUjfIzQXUjTbwVvSkUB0sLBv9"
    "YeE2mL2QbzZZboyk5K/iR+jJpHRFseHcs21IBitdGx7hygUI05NGw+NO/0b6fyaXoL10wK"
    "t7G5JhiOcvbcDyq550MkqeIXw09BcHvD05ed+e4iUhpYePkkasBDt5QMCW0tfR808deprp"
    "aHR33QP+v20DxyL/CNAAdQfQwUEbkQvP5M2B7hTr2GBPZ3smJE8Gv5Jh5hBmkA7oA5Bnp+"
    "isTJ38oVeGtSRj9PvNfzxZvbzOufTlqZ8SmrbT6qvwJkRxm5gRTNyI9IGe2H3K3nVZe1Xp"
    "pN5jvVRlDlWZI4K2NJU5VLa4yhaXBW6VLX5ISRJqh+KFcnv9kEgHTV44W1ed/vX/XgL2Rg"
    "uC9H6mX/33Kb4ZDiY/0gvrD3GdPs8iW35ZkEBjT3InO52fp6vPnPC2Wk2xjHT+YOOTBPSn"
    "8XAgBpOniUtzNHfBn8BETmWgtv5x7+E5hQzMPGS6CDsn9Pf+eQBlhmKULYLi0qYdzV+gHc"
    "RFENt7itMRsgd5hFCioLkyxnnGKWwpOfR5Tl47PkiLpXYwk0ch+/i6vUSjr7w4WJrypwXD"
    "JneeUYRqz8HYtD15sdHo59QFCXN5rRhRqiZrZDuaMj7kULI+pOpYHxJGDM9mDlttibDnii"
    "KCUqe/iFSFxAtEwcYcGnOuW5YJdZySMhcSxTCdEaqqQA0MoPVO/o/D4XVEr/rYj+/d7m4+"
    "9sjmIbatTkINyZ/bpcIGT6fyd5ucv8u8xUWX1QjRt6zicf6YAvBFqb5l/FRttvRV8zirdK"
    "nabN8i1wVLTSI0UlU6UJUOjgjVpkQ4SoerqnSgKh0cI7iq0oFKym9IEkVbJeWrpPzjx1Yl"
    "5auk/OMfxSopv0lJ+XnSxv18CYEDqWhCtDxwR33tj2hVBjx+zs34UarpX30CKwdbdjZTgG"
    "y+jCbNCZpvTWvq0OQdP7fUp6UJOy5Yeo4LMHyCNniALk3e8XNRX9Ge/Uf6hcYLvE7mMJXS"
    "o/CY5U26luggZZUkU2eSTMEqwOWU/22o4FAesG/UF5LHA3aYqo6NY3C1FqQD1WRqGsr7F2"
    "USp2xvSZovWyniaw+lqkWxAkVbFSPWXptvCLapRumo50kptoJNA83sVapJnarJvW0ttf3O"
    "II910eAEMcmPIScL636cjHTQ5KBmyRlZXOlVyu7xKbvzTX3FvNm4HEmDxWwpAcNV5OEW9f"
    "8rv39Ck4hZi4vhyZOondr2nVqoF5exUTtCePNu0fhxtd3Lr3xLOWHd3adU5bbXryIr2OqG"
    "5WXTt7ersMl2Wz8GaEmeAOiuq88X0GBFw9aG+B9Ysa17ZEIHmOgJ0gJbrG9AawpTKg9Te7"
    "2tY8Nagkf44ghs/1X8QqHtNmcqVdvuWrfdj0h0+mO+XVpA2+gN2sfep+GIbLX8d7LZGt7c"
    "XhOVezggu63wM9mqjcd3pBl7a8bma66n1NpKzwbmSGRQy6MIX+QqanaRUdTsIlnUbC3ENC"
    "K3igAdIytnBhxW0ESwPs2F9WkG1qdJrN2Ft5xhHZlF0U4QKrzz4E3jy2hsJIOpiBSJ0TVZ"
    "vu8sS3KJkgxJEgf7GRmk5/wKSthe7T8Fe/oF2QQtitRm2RAoPEXVWdAfAhGQ7speN1dYZi"
    "TxqIiQb8xIrvINlfX2KDD1VqalGzvkGSYJFb4qE65MU27RTDjleajC88DN87pdEMcKcFI0"
    "Fj4XsUpnBDuyTeCLCI5yS3dFuEGLakPrOCG5Ce0xiLpoIgyD8zjCJuGNNnfKhuOQYemXWY"
    "8RUr3azzmM3kj7JV+qKFeDOqHjUAYodUIH7btVrVCvLZ5nv2jHQ4Q6toa3vUFB+BnNJaCv"
    "xxLAyK8jRSw1PJ2EdpojscsEmGQaZuiJFIj0pxE9irQxofEAxeGMmfVns7qpsSJteOVoS9"
    "Jy+O1iIxWQqwK1TZ5/yhyevrrJbQ6ne9+d+B6jVfO7yfPbeoK2QXb396KiPtmMjpEqPjeZ"
    "z4F5pWD91yiVcheoUqX14eqb/XYopblfkVLZcT2ES7Zhgl15DBvjeCnqMeTdBMqxlaPIY3"
    "QFz1sbr5QSj98EwNEVJwe+dfu8GyZ793Z5HzoxbALJ/lZnz5L0xwb32pk+Wb5VlX5Z5QFV"
    "yVYlJlsNR1e90SVgb1M86Yx/vgT0tRnOIPYuhF88rIP2TYZ8R/dzNfk9ysGvHPwRtKVx8A"
    "f+YA1hbWF5ouLEqaujkFYZHkRZKkRSQEN7Ru5C003BkX2ZHlwBtXLcFnDcKkde+kCX25Gn"
    "jNMVGFGfcWEjKkeiMFVW1ENaUdlYVBa+nJYobuIWLcwb0372PNYhMC+NaV8SIV7poQ5R0D"
    "KMdiGq2y13mhO2zXGaQ0AFfB0WUB0WWBiCJZs+ouMa8pAIz2PgbYt+W3Uow0Gtgj4TiqkK"
    "ERqlKwj0r3AiFsI1RqWQ3a6F8fJkT2WBd44cGch5VYXYANuuiK1FtNLEcsEbkYtNOiOh9w"
    "Sx27U87LJ1OKFiRO5nahiQtiRIbJoexEHYGLuB1LqBqTuu5sD/CnYF6CEVZp6qviXsTbUY"
    "//309Ozs/embs3cfLs7fv7/48CYEO3krC/WP/c8U+DZvcEtZ5YrIihx2iSGGE4u8VG+VOO"
    "ikKNMmUZ4EZtEwTMyK5C93N1P6+kEnMGxYquyNZsmT+bvXxixLQki2N6tBNmRJ6cICunbZ"
    "LAkLvqFQmu6o15mwjGr/wxTf3V75V9Yfpng86Uzuxlr3x87gM70R/S4+kqY7vLnpDfyeg4"
    "9TfPvjcDLUOldX9Dr3ZYqHv/RGV7Qy8vpD3BR1mFAeVTWsfIsJfxJ53uyf+Z6pFA0LPS0d"
    "UnV+0rfgQjcR3ZIX2wnzNEocCbPmMFOtCyd4xemUYEqCSwb/ivwCIn9WW+miwtXpUZsi2i"
    "arUjsGcL59kyuCkzZLV1zeiKqys6PTChvOlnvKC8lHdIDQEyIjE5nITTlhYPv2QNxTg8/T"
    "oGj0RoPONT1j0v9E9PzrPtHtiZLP3qneP5iMOt3JcEQV/+BzM7T5lTczkbPYKfYwTltLkY"
    "EDWNOarigFIKlgw8O7ZFVgXIVG6NpchgPLRfdorq//ecJkHbnfzjJa43jLaku9blzW6lw3"
    "lWpYkc7Dcgy10Eoa+TrF/teN/TP6Pbgft5+KrgZtObtp7ELQ4qrXubruD3raeEgPlxNcDF"
    "pubKr8Vz9hknvoyNf13ZCU/zbFZGkedz73tFGv2+v/QonjV3bR9M5O86SwnaZnsJ0mUgTh"
    "10LnTAftmzwUS9HkqkhaU3Vcyo8q1J3HghGFGwoFqNDK9wRth6kmhe18cUoFcBJgP1ysaH"
    "wATyURqjU7qVVGZTpD5HUH0X+2A8s5MlUos8lGLGWt/EYYrayV1agkKuGpLFSVDfggydEq"
    "J6cIuo3Nyems0MR6hELjenivnWVY11dIc8NmtR2gpszqhzKrqxJyFZeQo5NJW+hOoYikKF"
    "U5WB92GEeQfneeA+h356k401vx8C+y17To7juB8pZDkji6GotrBdir2lrKEtSQHWQeSxDL"
    "w/Scnfgep1U2oSabCuDXlX94XGE+RykVl5vMZRs+EU1jN+MuT6m43GQuK7Nfhcf18Aeo54"
    "U2TqfQVUZVZVRtutlPGVUPbFQVy14FcM7hG191mmS57nKxTy2B9Tpyv51lwZ7HW9ZmxGYb"
    "3CV0HPIXmSW7DaJG7oWOMWQmJfjVhTbWTe0Rvvjt/COSlPG7VuM3x5Gd8uo25E02h7fI/u"
    "HTJ1ZM49OnKb4djiY0s85/n+LeTadPvrK3KZ70rnufR52bSxB8muJfex+7P3Yml2D9YYo7"
    "t/1LQF5a+dhYcbYdYY/rCeoM5+PihrrGY0SGt71BqyAbKc0loK80GXI4ZhVP2HtD2ODN/g"
    "PnAktCup+DI2lwOuqOXo5KDsyJrBwFkI7TNVlgNRLvoo7SBKEa4LkAv0c2UaMQnlke3sUw"
    "KaJX5skmmyd9jq2LcMCdWR7rQPG8yTyP75UKclxALqEjWTqGG8gm2p7wrL98unqylybrMW"
    "QH+nF4N7iiVUzYhyke3k3Wl4JPzdDdVThHOvTyhnPETkrPaV2KUUmUTVdm7Sblca2ohJ4+"
    "L1xqjCdSw1VwtJ/Kq1d+1uY4qgr6WdfzuxRsw56Oa/Tmh5YXhRFoySOAwd31dUuoIdTtZD"
    "1SfGOqUQ6Afb/f/ugOg37kBJZfblJQTXdc8yEZzGSw55mUN34vEongYqdRRhyofllR1xIM"
    "4gDT4JSY7ch2SX+/bLqTYyz/VTAWIhhegjAIbuSlR0AsuUaln+YSDa5YF/1mUQyC0IhYYy"
    "7JLxYaETpLyAxn98ifQoT4Rdt4ZzFpRGjpeXOuShSsPVZib9udMtuVb7abWYZgT5FefS5o"
    "32T4SzGPV1F9jhdSwjmwxREslDTKDSx2A3MrSwGso1TyQf02bwX/rAL+cagFa+1O8j3ZTY"
    "0BVeOeX72siJy/7Q2u+oPPl2D9YYrHrML8mNWX/9TpX9MQK/+9GfJ+rf4IeJRuredIpDk6"
    "szTLZ1ypTOCa7fwSkKu4gya7oeemTnhgaB52kSDud4urM06seN1kXrNgAWjbItNEugoRpZ"
    "JPhbjIpUJcZKgQF0kVwqFaV3HxyZGpqdTkqaTCQ9Jnl8ThIR7hVtEDNHka5RhWoSE1hoYc"
    "uO66jAirkIZDhTREXCf7xzVEupMW5cRE3g61v2CVAPI3Ed/Ar+57+OF119XnC3ooZTmu+E"
    "7Yn0TDu5hTfjcnMwdcurs5iu5Wx7OmR9tv80G3OuAemRC4C90Fc/IE4Bm5C6BjsM7iAuuO"
    "2+ARrlxylTSFYPMrwHHJZAWkJbSBHrfUltz9FNs6NqwlafwCXi2hgfTvueF8snp5/QPrgG"
    "xuCcHfHP/XKbIAOYDWmgTOwnrGJ6220Mse86MrL3edXm7Kq8KpnhEiKVyrNRTGpaGI1PzD"
    "gCoAdpxOQrwr8fI56A8BzqkCI2iudkKCvSZdEOhCV9A7HSOTrqxzJeNWmR7T0ZfX9KisZF"
    "UVVfRV9IJVFXkihauyjR3SNsaFN+9tsZEtjj+ObXTmNqrgn187rWvhe/TQElX8izRoZ5b8"
    "85tSOIK2VRb9S92RN2bRknqLDpc6MqkqQbSNlGDFlEDcOGEpwR0N0r9PL/Kcq0Jape/TLx"
    "Inq/iorSA2yIPsDrugA/liaypkwJyIvcLHCAlI5QO9/MOEONh2DGwS96BinJoc48TxbIcw"
    "6xRqFXGdsJ0t3ZW2ILwrZDnjieQTYacXZ7nWjbOMdeMsYfClmK0sWwB0utWXp1HRWymj13"
    "NoQlcxH1GCUMZRXIH2449I3XGeLVuwrUpPdUwQygB43SmPaKkXF9YRIhlQr0FYM8wKCusI"
    "jRLWSWHNANpFWCcIZRzFFQhrf0TuIKwThDIAfhBh7SFDe9JNZCBXdBYuesgWJ3FyicTK30"
    "9Pz87en745e/fh4vz9+4sPb0L5kryVJWg+9j/3BzF+pAgf/8xTkT14Kyd4Uml2kYfgwV4p"
    "n+IelCGnyYaczfQpnPwpIJVhJaohA9SFJnyw9aXGjq4vsvYnKWWAvO7FP0RxZrmFA1iFxD"
    "JwoYb4tBA7B85t6Bb20aTRy+acLN9N8wxnrP7gMzIeYOFSQWJqhXpe1HXTtJ6JUmTZ6AFh"
    "gavkp/FwkA29oIu4ZoXmLvgTmMipTONt/ePew6wuHZh5yHTJg5zQ3/tnq/6VgUKWvTLEF4"
    "GY+kQ7iK8M3srYMYA2SqkCaBusBYf5YokArryhXTmCF4M6rtWHLh5UgpYZuFhewNxkrSfc"
    "sUnZEkTMxVq0s0LmQq3D2zTenqeHgd8cuDpR1cG9bS1ZqhsR6AvLerwEyHWAz0Twag1Pe0"
    "1DYHoNDNtaOUAHNlxB3WV5cq0YT6r5lSle6S+mpRs0B4+l+bHNPFjZ1hw6DjTawLFoTuD6"
    "p/X5nDSCBpi9kI7WrfwUQgNB1othYUhuT7GOLRopSJ7Fj0N0vg/RXWcY0qTAtHS/SB3c8E"
    "8kyumqNMA6Yww3fEhgm2W4i5DJFCdfs91uPVeL6JQcSf065GHsCJVoizacQ/S0k7oYI1X6"
    "YlP0xTwJV+FCuAPj47S1mMcPoBE2nc+5rOONSVI49FxWGWBHu5GqM0spPI9EnKPEH1eSma"
    "EUOSel0vykyI4iyLdQp2XUuoHYIU9G6syY8u3QM9OaP+7q1k8QK4++0lmav6B+AzUzj35V"
    "UDphI3XCvLU1C/s49quseSSOjpx1NctTvEcEw65FlmcoVLz525mKN+UF+YOblludHF9mHl"
    "EN3C+sYp/DHA8mWiIX6NgAzwtrCchn1qMDXsGThxPwxbQeEP6OZQBe6v8Dv+rLlQlPyAj+"
    "8vqHhHuj5P6n+MszGT1kPSVD1Sbd0m6+wK8rRNZf8s2mhQgJAw0HOIgMZfaDcGXNF+kOCf"
    "8J6W2+6/1cEpnxrnJtKmoxlqdvPTbcy7vz2FBIWEzvPFfQ13lG0Nd5MugrMi8KjfU4pUx6"
    "ac1eIs+BRVTWoLk0wfSlbQPWq0WxgcwRVYWonLJ7ryid8jSsDrTRfCFSrtZ3MvUqfdPmIK"
    "WWlNGyAqMlVfJTD/gVQ8uRSKg7nF5c5EqSvMhIkrxInOG4WhUyC/vNJUS3mnKxfnnoJMLp"
    "oSMciQodKRg6ctDF7K//B7JZ23s="
)
