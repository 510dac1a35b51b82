"""The web chat page in headless Chromium, against the channel with a scripted stub assistant.

The server is `tests/channels/serve_webchat.py`, started in `.venv-rasa` (it imports rasa);
these tests run in `.venv` with playwright driving /usr/bin/chromium.
"""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

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

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def page_url() -> Iterator[str]:
    if not RASA_PYTHON.exists():
        pytest.skip(".venv-rasa is missing")
    port = _free_port()
    server = subprocess.Popen(
        [str(RASA_PYTHON), "-m", "tests.channels.serve_webchat", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/webhooks/webchat/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def page(page_url: str) -> Iterator[Page]:
    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(viewport={"width": 800, "height": 900})
        page = context.new_page()
        page.goto("about:blank")
        page.goto(page_url)
        page.wait_for_selector(".msg.bot")
        yield page
        browser.close()


def test_conversation_with_buttons_and_typing(page: Page) -> None:
    page.get_by_role("button", name="Yes, it's safe").click()
    page.wait_for_selector("text=Tell me in your own words")
    before = bot_count(page)
    send(page, "He leaves gifts on my car every week")
    wait_for_reply(page, before)
    link = page.locator(".msg.bot a").last
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert link.get_attribute("target") == "_blank"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "webchat-stub.png"), full_page=True)


def test_quick_exit_button_replaces_the_page_and_leaves_nothing_behind(page: Page) -> None:
    visited = intercept_neutral_site(page, "https://neutral.example/")
    page.get_by_role("button", name="Exit this page").click()
    page.wait_for_url("https://neutral.example/")
    assert visited == ["https://neutral.example/"]
    page.go_back()
    assert "webchat" not in page.url  # the chat is not in the back-button history
    assert page.url == "about:blank"


def test_shift_pressed_three_times_exits(page: Page) -> None:
    intercept_neutral_site(page, "https://neutral.example/")
    page.locator("body").press("Shift")
    page.locator("body").press("Shift")
    page.locator("body").press("Shift")
    page.wait_for_url("https://neutral.example/")


def test_typing_capital_letters_does_not_exit(page: Page) -> None:
    visited = intercept_neutral_site(page, "https://neutral.example/")
    page.get_by_label("Your message").type("He Said He Would Come Back")
    assert visited == []
    assert "webchat" in page.url


def test_page_keeps_nothing_in_browser_storage(page: Page) -> None:
    send(page, "yes")
    page.wait_for_selector("text=Tell me in your own words")
    assert storage_is_empty(page)
    assert page.context.cookies() == []


def test_keyboard_only_use(page: Page) -> None:
    # The first choice is focused when offered; Enter picks it.
    assert page.evaluate("document.activeElement.textContent") == "Yes, it's safe"
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Tell me in your own words")
    page.get_by_label("Your message").focus()
    before = bot_count(page)
    page.keyboard.type("He waits outside my work")
    page.keyboard.press("Enter")
    wait_for_reply(page, before)
    # From the skip link (first in the tab order) Tab reaches the exit button, with a visible outline.
    page.locator(".skip-link").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "quick-exit"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


@pytest.mark.parametrize("width", [320])
def test_page_fits_a_narrow_screen_without_sideways_scrolling(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 700})
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.get_by_role("button", name="Exit this page").is_visible()


def test_emergency_banner_is_visible_after_scrolling(page: Page) -> None:
    for _ in range(6):
        before = bot_count(page)
        send(page, "It happened again today and I wrote it down")
        wait_for_reply(page, before)
    page.mouse.wheel(0, 5000)
    assert page.get_by_text("If you are in danger now, call 999").is_visible()
