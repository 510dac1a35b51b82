"""The real web chat page on the running stack (`stack` fixture from the integration conftest),
in headless Chromium: a whole report, an emergency mid-report, quick exit, keyboard-only use.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, sync_playwright
from test_webchat_support import (
    SCREENSHOTS,
    bot_count,
    intercept_neutral_site,
    launch,
    send,
    storage_is_empty,
    wait_for_reply,
)

pytestmark = [pytest.mark.browser, pytest.mark.stack]

NARRATIVE = (
    "My ex-partner keeps turning up outside my work and sends me messages every day since we split up in March. "
    "Last week he left flowers on my car."
)
SKIP_WORDS = "I'd rather not say"


@pytest.fixture
def page(stack) -> Iterator[Page]:
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_context(viewport={"width": 1000, "height": 900}).new_page()
        page.goto("about:blank")
        page.goto(stack.rasa_url + "/webhooks/webchat/")
        page.wait_for_selector(".msg.bot", timeout=30_000)
        yield page
        browser.close()


def answer(page: Page, text: str) -> str:
    """Send one message; return everything the assistant said in reply."""
    before = bot_count(page)
    send(page, text)
    wait_for_reply(page, before, timeout_ms=30_000)
    return " ".join(page.locator(".msg.bot").all_inner_texts()[before:])


def choose_or_type(page: Page, preferred: tuple[str, ...]) -> str:
    """Click the first offered choice matching `preferred`, else type the first preferred answer."""
    before = bot_count(page)
    for label in preferred:
        choice = page.locator(".choices button", has_text=label)
        if choice.count():
            choice.first.click()
            wait_for_reply(page, before, timeout_ms=30_000)
            return " ".join(page.locator(".msg.bot").all_inner_texts()[before:])
    return answer(page, preferred[0])


def test_whole_report_by_web_chat_is_saved_as_an_incident(stack, page: Page) -> None:
    before = {i["reference"] for i in stack.export()}
    choose_or_type(page, ("Yes", "yes"))  # safe to talk
    said = answer(page, NARRATIVE)
    for _ in range(25):  # answer the remaining questions, skipping what can be skipped
        if "reference" in said.lower():
            break
        said = choose_or_type(page, ("Yes", SKIP_WORDS, "Skip", "No"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "webchat.png"), full_page=True)
    new = [i for i in stack.export() if i["reference"] not in before]
    assert [i["channel"] for i in new] == ["webchat"]
    assert new[0]["conversation_id"].startswith("web-")


def test_emergency_mid_report_answers_999_at_once_and_records_it(stack, page: Page) -> None:
    choose_or_type(page, ("Yes", "yes"))
    answer(page, "He keeps texting me and my friends.")
    said = answer(page, "hes outside my door right now banging and wont stop")
    assert "999" in said
    emergencies = [i for i in stack.export() if i["channel"] == "webchat" and i["risk_level"] == "emergency"]
    assert emergencies


def test_quick_exit_on_the_real_page_leaves_nothing_behind(stack, page: Page) -> None:
    visited = intercept_neutral_site(page, stack.overrides["QUICK_EXIT_URL"])
    choose_or_type(page, ("Yes", "yes"))
    page.get_by_role("button", name="Exit this page").click()
    page.wait_for_url(stack.overrides["QUICK_EXIT_URL"])
    assert visited == [stack.overrides["QUICK_EXIT_URL"]]
    page.go_back()
    assert page.url == "about:blank"


def test_keyboard_only_report_start(page: Page) -> None:
    page.locator(".skip-link").focus()  # the start of the tab order; keyboard only from here
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "message"
    said = answer(page, "yes")
    assert said.strip()
    assert storage_is_empty(page)
