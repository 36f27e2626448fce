"""The `inbox` scenario's data: conversations and their messages, which datagen makes none of.

For the read scenarios' company only, and only once (skipped when it has conversations):
its channels connected (an e-mail address, a Telegram bot, a website chat; no IMAP host or
bot token, so no worker polls or sends anything) and 3,000 conversations whose last messages
fall over the last 90 days, about 43 minutes apart, so that the inbox's order (newest first)
has no ties. A third are OPEN; e-mail, Telegram and the website chat share them 3:2:2. Ten in
thirteen are linked to one of the company's clients (and named after it), the rest known only
by the name the channel gave. Two in eleven are unassigned; the others go round the staff
tree (the owner, the heads and their staff), so that the staff head's team holds some and the
other teams the rest: the head sees 468 open ones (permissions/conversations.py: the
unassigned and its subtree's). Each choice takes its own modulus of the conversation's
number, so that status, channel, party and message count do not go together.

Each conversation has 2 to 6 messages, inbound and outbound in turn from an inbound first one,
5 minutes to 4 hours apart; `first_inbound_at`, `first_response_at` (the second message),
`last_message_at` and `last_direction` are those messages'. An odd count ends inbound: an open
one of those waits for an answer. Outbound messages were sent (SENT, one attempt), by the
assignee or, unassigned, by the owner. Made inside PostgreSQL: one statement for the
conversations and their messages together.
"""

from __future__ import annotations

from typing import Any

CONVERSATIONS = 3_000
DAYS = 90

CHANNELS_SQL = """
INSERT INTO channel_config (company_id, email_address, telegram_bot_name, webchat_widget_key,
    webchat_allowed_origins, imap_last_uid, email_code_attempts, updated_at)
VALUES ($1, 'inbox@company-' || $1::int || '.bench.test', 'bench_company_' || $1::int || '_bot',
    md5('widget ' || $1::int), '[]', 0, 0, now())
ON CONFLICT (company_id) DO NOTHING
"""

# src: one row per conversation i (its messages n, their spacing, the parties); the
# conversations are inserted from it and their messages joined back by the unique thread key.
INBOX_SQL = """
WITH staff AS (
    SELECT array_agg(id ORDER BY id) AS ids FROM membership
    WHERE company_id = $1 AND role IN ('OWNER', 'STAFF')
), clients AS (
    SELECT array_agg(id ORDER BY id) AS ids FROM contact
    WHERE company_id = $1 AND kind = 'CLIENT' AND NOT archived
), src AS (
    SELECT i, p.n, p.gap, p.channel, p.last - (p.n - 1) * p.gap AS start,
        CASE WHEN i % 11 NOT IN (0, 5) THEN s.ids[1 + (i / 5) % cardinality(s.ids)] END
            AS assignee,
        s.ids[1] AS owner, k.id AS contact_id, k.name AS contact_name,
        CASE p.channel WHEN 'EMAIL' THEN 'client' || i || '@mail.bench.test'
            WHEN 'TELEGRAM' THEN (700000 + i)::text
            ELSE 'visitor-' || left(md5(i::text), 16) END AS external_key
    FROM generate_series(0, $2 - 1) AS i
    CROSS JOIN staff s CROSS JOIN clients c
    CROSS JOIN LATERAL (SELECT 2 + i % 5 AS n, (5 + (i * 37) % 240) * interval '1 minute' AS gap,
        (ARRAY['EMAIL', 'EMAIL', 'EMAIL', 'TELEGRAM', 'TELEGRAM', 'WEBCHAT', 'WEBCHAT'])[1 + i % 7]
            AS channel,
        now() - $3 * interval '1 day' + (i * $3 * interval '1 day') / $2 AS last) p
    LEFT JOIN contact k ON i % 13 NOT IN (0, 4, 9) AND k.id = c.ids[1 + (i * 11) % cardinality(c.ids)]
), made AS (
    INSERT INTO conversation (company_id, channel, status, subject, external_key, external_name,
        contact_id, assignee_id, first_inbound_at, first_response_at, last_message_at,
        last_direction, unanswered_level, created_at)
    SELECT $1, channel, CASE WHEN i % 3 = 0 THEN 'OPEN' ELSE 'CLOSED' END,
        CASE WHEN channel = 'EMAIL' THEN 'Cleaning request ' || i END, external_key,
        COALESCE(contact_name, 'Visitor ' || i), contact_id, assignee, start, start + gap,
        start + (n - 1) * gap, CASE WHEN n % 2 = 1 THEN 'INBOUND' ELSE 'OUTBOUND' END, 0, start
    FROM src
    RETURNING id, external_key
)
INSERT INTO message (company_id, conversation_id, direction, body, author_id, external_id,
    delivery_status, attempts, sent_at, created_at)
SELECT $1, m.id, CASE WHEN k % 2 = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END,
    CASE WHEN k % 2 = 0 THEN 'Hello, about the cleaning (' || k || ')'
        ELSE 'Thank you, we will come on time (' || k || ')' END,
    CASE WHEN k % 2 = 1 THEN COALESCE(s.assignee, s.owner) END,
    CASE WHEN s.channel = 'EMAIL' THEN '<m' || s.i || '.' || k || '@mail.bench.test>' END,
    'SENT', k % 2, CASE WHEN k % 2 = 1 THEN s.start + k * s.gap END, s.start + k * s.gap
FROM made m JOIN src s ON s.external_key = m.external_key
CROSS JOIN generate_series(0, s.n - 1) AS k
"""


async def prepare(conn: Any, company_id: int, conversations: int = CONVERSATIONS) -> None:
    """Give the company its inbox, once (nothing when it has conversations already)."""
    if await conn.fetchval(
        "SELECT EXISTS (SELECT 1 FROM conversation WHERE company_id = $1)", company_id
    ):
        return
    async with conn.transaction():
        await conn.execute(CHANNELS_SQL, company_id)
        await conn.execute(INBOX_SQL, company_id, conversations, DAYS)
    await conn.execute("VACUUM ANALYZE conversation, message, channel_config")
