"""The rating page in a real browser (headless Chromium, tests/support/browser.py): the link
comes from the client's real "done, rate us" message (RATING_REQUESTED in Order.outbound's
queue), opened on a phone-sized screen; the client picks stars with the keyboard, writes a
comment and sends; the order is rated once. The same link sent again from a page opened
before says it was used and changes nothing; opened afresh, it shows why instead of the form.
The one-click unsubscribe page's button (a plain form, no script) does the RFC 8058 POST.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.async_api import Browser, ViewportSize, expect
from starlette.applications import Starlette

from models import Contact, DeliveryChannel, NotificationKind, Order, OutboundMessage
from resolvers.unsubscribe import unsubscribe_url
from schema.ids import decode_id
from tests.support.api import Api, Session, register
from tests.support.world import CREATE_CONTACT, contact, create_order, move
from tests.test_link_pages_browser import (
    ORIGIN,
    browser,
    no_horizontal_scroll,
    visit,
)

pytestmark = [pytest.mark.asyncio, pytest.mark.xdist_group("rating_page_browser")]
__all__ = ["browser"]  # the module-scoped Chromium fixture, shared

READ = "query($id: ID!) { node(id: $id) { ... on Order { rating feedback } } }"


async def client_card(api: Api, owner: Session, **fields: Any) -> tuple[str, str]:
    data = await api.ok(
        CREATE_CONTACT,
        {
            "input": {
                "kind": "CLIENT",
                "legalForm": "PERSON",
                "name": "Anna Petrova",
                "addresses": [{"text": "Tverskaya 1"}],
                **fields,
            }
        },
        owner.access,
    )
    contact = data["createContact"]["contact"]
    return contact["id"], contact["addresses"][0]["id"]


async def finished(api: Api, owner: Session, **client: Any) -> tuple[str, str]:
    """A DONE order (price, fee and note set) and the link of its client's rating request."""
    client_id, address_id = await client_card(api, owner, email="anna@example.test", **client)
    worker = await contact(api, owner, "CONTRACTOR", "Sergey Cleaner")
    order = await create_order(
        api,
        owner,
        title="Windows, 3rd floor",
        clientId=client_id,
        addressId=address_id,
        contractorId=worker.id,
        price="1500.00",
        contractorFee="900.00",
        internalNote="door code 1234",
    )
    await move(api, owner, order["id"], "IN_PROGRESS")
    await move(api, owner, order["id"], "DONE")
    message = await OutboundMessage.get(
        order_id=decode_id(order["id"], "Order"), kind=NotificationKind.RATING_REQUESTED
    )
    found = re.search(rf"{re.escape(ORIGIN)}/rate/[A-Za-z0-9_-]+", message.text)
    assert found is not None, message.text
    return order["id"], found.group(0)


async def test_a_client_rates_from_its_phone_once(
    api: Api, app: Starlette, browser: Browser
) -> None:
    owner = await register(api)
    order_id, link = await finished(api, owner)
    phone = ViewportSize(width=375, height=667)

    async with visit(browser, app, phone) as early, visit(browser, app, phone) as seen:
        await early.page.goto(link)  # opened before the rating, sent after it
        page = seen.page
        await page.goto(link)
        await expect(page.get_by_role("heading", name="Rate the work")).to_be_visible()
        await expect(page.locator("#order")).to_contain_text("Windows, 3rd floor")
        body = await page.locator("body").inner_text()
        for secret in ("1500", "900", "door code"):
            assert secret not in body
        await no_horizontal_scroll(page)

        # Nothing chosen: the page asks for stars and sends nothing.
        await page.get_by_role("button", name="Send rating").click()
        await expect(page.locator("#rating-error")).to_have_text("Choose from 1 to 5 stars.")
        await expect(page.get_by_role("radio", name="5 stars: excellent")).to_be_focused()
        assert await seen.graphql_posts() == []

        # The keyboard alone: arrows move through the stars (5 down to 1 in the page).
        await page.keyboard.press("ArrowDown")
        await expect(page.get_by_role("radio", name="4 stars: very good")).to_be_checked()
        await page.keyboard.press("Tab")
        await expect(page.get_by_label("Anything to add? (optional)")).to_be_focused()
        await page.keyboard.type("Clean <b>glass</b>")
        await page.keyboard.press("Tab")
        await page.keyboard.press("Enter")
        await expect(page.locator("#done-text")).to_have_text("Thank you! Your rating is saved.")
        await expect(page.locator("#form")).to_be_hidden()
        await no_horizontal_scroll(page)
        assert_token_kept_to_the_mutation_by_link(seen, link)

        # The page opened earlier sends the same link: it says so and changes nothing.
        await early.page.get_by_role("radio", name="1 star: poor").check()
        await early.page.get_by_role("button", name="Send rating").click()
        await expect(early.page.get_by_role("alert")).to_have_text(
            "This rating link was used already: the order is rated."
        )
        await expect(early.page.locator("#form")).to_be_hidden()

        # Opened again: the reason, no form.
        await page.goto(link)
        await expect(page.get_by_role("alert")).to_have_text(
            "This rating link was used already: the order is rated."
        )
        await expect(page.get_by_role("button", name="Send rating")).to_be_hidden()

    data = await api.ok(READ, {"id": order_id}, owner.access)
    assert data["node"] == {"rating": 4, "feedback": "Clean <b>glass</b>"}
    assert (await Order.get(id=decode_id(order_id, "Order"))).rating == 4


def assert_token_kept_to_the_mutation_by_link(seen: Any, link: str) -> None:
    """As the invitation page: the token only in the page's address and rateOrderByLink's
    body, and no Referer anywhere."""
    token = link.rsplit("/", 1)[1]
    for request in seen.seen:
        if request.is_navigation_request():
            continue
        assert "referer" not in request.headers, request.url
        assert token not in request.url
        if request.post_data and token in request.post_data:
            assert request.url == f"{ORIGIN}/graphql"
            assert "rateOrderByLink" in request.post_data


async def test_the_page_in_russian_for_a_russian_client(
    api: Api, app: Starlette, browser: Browser
) -> None:
    owner = await register(api)
    _, link = await finished(api, owner, locale="ru")
    async with visit(browser, app, ViewportSize(width=375, height=667)) as seen:
        page = seen.page
        await page.goto(link)
        await expect(page.get_by_role("heading", name="Оцените работу")).to_be_visible()
        await page.get_by_role("radio", name="5 звёзд: отлично").check()
        await page.get_by_role("button", name="Отправить оценку").click()
        await expect(page.locator("#done-text")).to_have_text("Спасибо! Ваша оценка сохранена.")


async def test_the_unsubscribe_pages_button_works_without_a_script(
    api: Api, app: Starlette, browser: Browser
) -> None:
    owner = await register(api)
    client_id, _ = await client_card(api, owner, email="unsub@example.test")
    pk = decode_id(client_id, "Contact")
    link = unsubscribe_url(pk, DeliveryChannel.EMAIL)
    async with visit(browser, app, ViewportSize(width=375, height=667)) as seen:
        page = seen.page
        await page.goto(link)
        assert (await Contact.get(id=pk)).notify_by is None  # opening it changed nothing
        await page.get_by_role("button", name="Unsubscribe").click()
        await expect(page.get_by_role("status")).to_contain_text("no more e-mail messages")
        await no_horizontal_scroll(page)
        [post] = [r for r in seen.seen if r.method == "POST"]
        assert post.post_data == "List-Unsubscribe=One-Click"
        assert "referer" not in post.headers
    assert (await Contact.get(id=pk)).notify_by == []
