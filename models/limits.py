"""Rate counters: how often one limit was used in one fixed window (permissions/counters.py).

One row per limit, subject and window, not one per attempt: the row is what a concurrent
attempt waits on, so the count it sees is always the last one committed.
"""

from __future__ import annotations

from tortoise import fields

from compat.tortoise_models import Model


class RateCounter(Model):
    """`bucket` names the limit and whom it counts (e.g. `login-email:a@example.com`);
    `window_start` and `expires` are seconds since the epoch."""

    id = fields.BigIntField(primary_key=True)
    bucket = fields.CharField(max_length=400)
    window_start = fields.BigIntField()
    used = fields.IntField(default=0)
    expires = fields.BigIntField(db_index=True)

    class Meta:
        table = "rate_counter"
        unique_together = (("bucket", "window_start"),)
