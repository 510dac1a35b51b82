"""Shared helpers for the web chat browser tests (no tests here; run from .venv with Debian chromium)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page, Playwright

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def launch(playwright: Playwright) -> Browser:
    """Headless system Chromium (never a downloaded browser)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)


def intercept_neutral_site(page: Page, exit_url_prefix: str = "https://") -> list[str]:
    """Answer every outside navigation with a tiny page (no network), recording the URLs."""
    visited: list[str] = []

    def fulfil(route) -> None:
        visited.append(route.request.url)
        route.fulfill(
            status=200, content_type="text/html", body="<html><title>Weather</title><p>Sunny</p></html>"
        )

    page.route(f"{exit_url_prefix}**", fulfil)
    return visited


def storage_is_empty(page: Page) -> bool:
    """No localStorage, sessionStorage or cookies left for the page's origin."""
    counts = page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie.length]")
    return counts == [0, 0, 0]


def send(page: Page, text: str) -> None:
    """Type a message and send it with Enter, as a keyboard user would."""
    page.get_by_label("Your message").fill(text)
    page.get_by_label("Your message").press("Enter")


def wait_for_reply(page: Page, count_before: int, timeout_ms: int = 20_000) -> None:
    """Wait until the assistant has added a message after `count_before` bot messages."""
    page.wait_for_function(
        "n => document.querySelectorAll('.msg.bot').length > n && document.getElementById('typing').hidden",
        arg=count_before,
        timeout=timeout_ms,
    )


def bot_count(page: Page) -> int:
    return page.locator(".msg.bot").count()
