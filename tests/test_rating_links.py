"""Rating a finished order from its mailed link, without logging in: the page shows the
order's number and title (never money) in the client's language with the headers a URL
holding a credential needs; `rateOrderByLink` rates that order under rateOrder's rules, once;
a link used twice, altered, expired, for an order rated another way or reopened changes
nothing and says why; bad input writes nothing and leaves the link usable.
The page in a browser: test_rating_page_browser.py.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest

from models import Contact, Order, OrderEvent
from models.outbound import RatingLink
from permissions.tokens import hash_token
from resolvers.rating_links import new_rating_link
from schema.ids import decode_id
from tests.support.api import Api, Session, count_statements, register
from tests.support.world import ContactCard, contact, create_order, move, portal_member
from tests.test_link_pages import assert_link_headers

pytestmark = pytest.mark.asyncio

RATE_BY_LINK = """mutation($t: String!, $r: Int!, $f: String) {
  rateOrderByLink(token: $t, rating: $r, feedback: $f) { rated errors { field code message } } }"""
RATE = """mutation($id: ID!, $r: Int!, $f: String) {
  rateOrder(id: $id, rating: $r, feedback: $f) { errors { field code } } }"""
READ = "query($id: ID!) { node(id: $id) { ... on Order { rating feedback status } } }"


@dataclass
class Finished:
    owner: Session
    client: ContactCard
    portal: Session
    order_id: str  # global id
    pk: int
    number: int
    url: str

    @property
    def token(self) -> str:
        return urlsplit(self.url).path.rsplit("/", 1)[1]


async def finished_order(api: Api, title: str = "Window cleaning <b>&</b>") -> Finished:
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Anna Petrova")
    portal = await portal_member(api, owner, client, "Anna Portal")
    worker = await contact(api, owner, "CONTRACTOR", "Sergey Cleaner")
    order = await create_order(
        api,
        owner,
        title=title,
        clientId=client.id,
        addressId=client.address_ids[0],
        contractorId=worker.id,
        price="1500.00",
        contractorFee="900.00",
        internalNote="door code 1234",
    )
    await move(api, owner, order["id"], "IN_PROGRESS")
    await move(api, owner, order["id"], "DONE")
    pk = decode_id(order["id"], "Order")
    row = await Order.get(id=pk)
    url = await new_rating_link(pk, row.company_id)
    return Finished(owner, client, portal, order["id"], pk, order["number"], url)


async def rate(api: Api, token: str, rating: int, feedback: str | None = None) -> dict[str, object]:
    data = await api.ok(RATE_BY_LINK, {"t": token, "r": rating, "f": feedback})
    payload: dict[str, object] = data["rateOrderByLink"]
    return payload


async def read(api: Api, who: Session, order_id: str) -> dict[str, object]:
    data = await api.ok(READ, {"id": order_id}, who.access)
    node: dict[str, object] = data["node"]
    return node


async def test_a_client_rates_its_order_from_the_link_once(api: Api) -> None:
    done = await finished_order(api)
    assert urlsplit(done.url).path.startswith("/rate/")
    link = await RatingLink.get(token_hash=hash_token(done.token))
    assert link.token_hash != done.token
    assert done.token not in link.token_hash
    assert timedelta(days=29) < link.expires_at - datetime.now(UTC) <= timedelta(days=30)

    with count_statements() as counter:
        page = await api.http.get(urlsplit(done.url).path)
    assert len(counter.statements) <= 4  # link, order, contact, company
    assert page.status_code == 200
    assert_link_headers(page.headers)
    assert f"Order {done.number}: Window cleaning &lt;b&gt;&amp;&lt;/b&gt;" in page.text
    for secret in ("1500", "900", "door code", "<b>"):
        assert secret not in page.text  # no price, fee or note; the title escaped
    assert done.token not in page.text  # the script reads it from the path
    assert page.text.count('type="radio" name="rating"') == 5
    assert '<script src="/pages/rate/rate.js" defer></script>' in page.text
    assert "<script>" not in page.text
    assert " style=" not in page.text

    events_before = await OrderEvent.filter(order_id=done.pk).count()
    answer = await rate(api, done.token, 5, "  Spotless, thank you  ")
    assert answer == {"rated": True, "errors": []}
    seen = await read(api, done.portal, done.order_id)
    assert seen == {"rating": 5, "feedback": "Spotless, thank you", "status": "DONE"}
    assert await OrderEvent.filter(order_id=done.pk).count() == events_before + 1
    assert (await RatingLink.get(id=link.id)).used_at is not None

    again = await rate(api, done.token, 1, "changed my mind")
    assert again["rated"] is False
    assert again["errors"] == [
        {
            "field": ["token"],
            "code": "NOT_FOUND",
            "message": "This rating link was used already: the order is rated.",
        }
    ]
    assert await read(api, done.portal, done.order_id) == seen
    reopened = await api.http.get(urlsplit(done.url).path)
    assert reopened.status_code == 200
    assert "This rating link was used already" in reopened.text
    assert '<form id="form" method="post" novalidate hidden>' in reopened.text


async def test_two_sends_at_once_rate_once(api: Api) -> None:
    done = await finished_order(api)
    answers = await asyncio.gather(*(rate(api, done.token, r) for r in (2, 4)))
    assert sorted(bool(a["rated"]) for a in answers) == [False, True]
    winner = next(r for r, a in zip((2, 4), answers, strict=True) if a["rated"])
    assert (await Order.get(id=done.pk)).rating == winner


async def test_an_order_rated_in_the_portal_keeps_that_rating(api: Api) -> None:
    done = await finished_order(api)
    data = await api.ok(RATE, {"id": done.order_id, "r": 4, "f": "fine"}, done.portal.access)
    assert data["rateOrder"]["errors"] == []

    answer = await rate(api, done.token, 1, "awful")
    assert answer["rated"] is False
    assert answer["errors"] == [
        {"field": ["token"], "code": "CONFLICT", "message": "This order has been rated already."}
    ]
    assert await read(api, done.portal, done.order_id) == {
        "rating": 4,
        "feedback": "fine",
        "status": "DONE",
    }
    assert (await RatingLink.get(token_hash=hash_token(done.token))).used_at is None
    page = await api.http.get(urlsplit(done.url).path)
    assert "This order has been rated already." in page.text


async def test_bad_ratings_write_nothing_and_leave_the_link_usable(api: Api) -> None:
    done = await finished_order(api)
    for rating in (0, 6, -1):
        answer = await rate(api, done.token, rating)
        assert answer["rated"] is False
        assert answer["errors"] == [
            {"field": ["rating"], "code": "INVALID", "message": "The rating is from 1 to 5 stars."}
        ]
    too_long = await rate(api, done.token, 3, "x" * 5001)
    assert too_long["errors"] == [
        {
            "field": ["feedback"],
            "code": "INVALID",
            "message": "The comment is too long: keep it under 5,000 characters.",
        }
    ]
    assert await read(api, done.portal, done.order_id) == {
        "rating": None,
        "feedback": None,
        "status": "DONE",
    }
    assert (await rate(api, done.token, 3))["rated"] is True


async def test_altered_expired_and_reopened_links_change_nothing(api: Api) -> None:
    done = await finished_order(api)
    altered = done.token[:-1] + ("A" if done.token[-1] != "A" else "B")
    answer = await rate(api, altered, 5)
    assert answer["errors"] == [
        {
            "field": ["token"],
            "code": "NOT_FOUND",
            "message": "This rating link is not valid: "
            "open it again from the message, copied whole.",
        }
    ]
    assert (await api.http.get(f"/rate/{altered}")).status_code == 404
    assert (await rate(api, "x" * 500, 5))["errors"][0]["code"] == "NOT_FOUND"  # type: ignore[index]
    malformed = await api.http.get("/rate/not a token!")
    assert malformed.status_code == 404
    assert "Not Found:" in malformed.text

    await move(api, done.owner, done.order_id, "IN_PROGRESS", "the vase is broken")
    reopened = await rate(api, done.token, 5)
    assert [(e["code"], e["field"]) for e in reopened["errors"]] == [  # type: ignore[attr-defined]
        ("INVALID", ["token"])
    ]
    await move(api, done.owner, done.order_id, "DONE")

    _ = await RatingLink.filter(order_id=done.pk).update(
        expires_at=datetime.now(UTC) - timedelta(seconds=1)
    )
    expired = await rate(api, done.token, 5)
    assert expired["errors"] == [
        {"field": ["token"], "code": "EXPIRED", "message": "This rating link has expired."}
    ]
    assert "This rating link has expired." in (await api.http.get(f"/rate/{done.token}")).text
    assert (await Order.get(id=done.pk)).rating is None


async def test_a_link_rates_its_own_order_only(api: Api) -> None:
    first = await finished_order(api)
    other = await finished_order(api)
    assert (await rate(api, first.token, 2))["rated"] is True
    assert (await Order.get(id=first.pk)).rating == 2
    assert (await Order.get(id=other.pk)).rating is None


async def test_the_page_and_its_answers_speak_the_clients_language(api: Api) -> None:
    done = await finished_order(api, title="Мойка окон")
    _ = await Contact.filter(id=decode_id(done.client.id, "Contact")).update(locale="ru")
    page = await api.http.get(f"/rate/{done.token}")
    assert '<html lang="ru">' in page.text
    assert f"Заказ {done.number}: Мойка окон" in page.text
    assert "5 звёзд: отлично" in page.text
    answer = await rate(api, done.token, 9)
    assert answer["errors"][0]["message"] == "Оценка: от 1 до 5 звёзд."  # type: ignore[index]


async def test_only_the_pages_own_files_are_served(api: Api) -> None:
    for name, kind in (("rate.js", "text/javascript"), ("rate.css", "text/css")):
        asset = await api.http.get(f"/pages/rate/{name}")
        assert asset.status_code == 200
        assert asset.headers["content-type"].startswith(kind)
    for name in ("rate.html", "..%2Frate.html", "pages.js"):
        assert (await api.http.get(f"/pages/rate/{name}")).status_code == 404
