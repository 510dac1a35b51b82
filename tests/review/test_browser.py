"""The review site in headless Chromium (Debian's, never a downloaded build), served by waitress.

Scenario from issue 5: sign in with a one-time code, see an emergency at the top of the queue,
open it, read the transcript, add a note, mark it actioned, sign out. Screenshots of the queue
and of the incident page are kept under var/screenshots/.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator
from pathlib import Path

import pyotp
import pytest
from waitress.server import create_server

from bot.crypto import new_key
from bot.records import store
from bot.records.db import create_schema, engine_of, make_session_factory
from bot.review import accounts
from bot.review.app import create_app
from bot.settings import PROJECT_ROOT, settings_from
from tests.review.conftest import PASSWORD, add_tracker_events, make_tracker_table

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = PROJECT_ROOT / "var" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (apt-get install chromium)"
    ),
]


@pytest.fixture
def served_site(tmp_path: Path) -> Iterator[dict[str, object]]:
    """The site on a free loopback port with a supervisor (one-time code), an emergency and a report."""
    url = f"sqlite:///{tmp_path / 'records.db'}"
    settings = settings_from(
        {
            "DATABASE_URL": url,
            "TRACKER_STORE_URL": url,
            "FIELD_ENCRYPTION_KEYS": new_key(),
            "REVIEW_SECRET_KEY": secrets.token_hex(32),
        }
    )
    db = make_session_factory(settings)
    create_schema(engine_of(db))
    make_tracker_table(url)
    _account, secret = accounts.create_handler(
        db, "sam", PASSWORD, role="supervisor", with_totp=True, actor="test"
    )
    store.save_report(
        db,
        conversation_id="conv-standard",
        session_key="s1",
        channel="sms",
        risk_level="standard",
        risk_reasons=[],
        fields={"narrative": {"value": "He sends me flowers every week.", "source": "said"}},
        reporter="self",
        suspect_relationship="colleague",
        nation="england",
        behaviours=["contacting"],
        advice_given=["stalking_helpline"],
        consent_keep=True,
        consent_share_police=None,
        consent_contact=None,
        transcript=None,
    )
    words = "hes outside the door again banging it wont stop"
    emergency = store.record_emergency(
        db,
        conversation_id="conv-urgent",
        session_key="s1",
        channel="webchat",
        signals=[("suspect_present", words)],
    ).reference
    add_tracker_events(
        url, "conv-urgent", [("user", words), ("bot", "Call 999 now. If you cannot speak, press 55.")], 1.7e9
    )
    server = create_server(create_app(settings, db), host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield {
            "base": f"http://127.0.0.1:{server.effective_port}",
            "secret": secret,
            "emergency": emergency,
            "db": db,
        }
    finally:
        server.close()
        thread.join(timeout=5)
        engine_of(db).dispose()


def test_handler_signs_in_with_a_code_and_actions_an_emergency(served_site: dict[str, object]) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, emergency = served_site["base"], served_site["emergency"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="en-GB")
            page.on(
                "console", lambda message: problems.append(message.text) if message.type == "error" else None
            )
            page.on("pageerror", lambda error: problems.append(str(error)))

            page.goto(f"{base}/queue")
            expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
            # Keyboard only: type into each labelled field and submit with Enter.
            page.get_by_label("Username").fill("sam")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_label("One-time code").fill(pyotp.TOTP(served_site["secret"]).now())
            page.get_by_label("One-time code").press("Enter")

            expect(page.get_by_role("heading", name="Queue")).to_be_visible()
            first_row = page.locator("#queue tbody tr").first
            expect(first_row).to_contain_text(emergency)
            expect(first_row).to_contain_text("Emergency")
            expect(first_row).to_contain_text("New – not yet taken")
            expect(page.get_by_role("alert")).to_contain_text("1 new emergency")
            page.screenshot(path=str(SCREENSHOTS / "review-queue.png"), full_page=True)

            first_row.get_by_role("link", name=emergency).click()
            expect(page.get_by_role("heading", name=f"Incident {emergency}")).to_be_visible()
            transcript = page.locator("ol.transcript")
            expect(transcript).to_contain_text("hes outside the door again banging it wont stop")
            expect(transcript).to_contain_text("Call 999 now")

            page.get_by_label("Add a note").fill("Police dispatched; called back at 14:05.")
            page.get_by_role("button", name="Save note").click()
            expect(page.locator(".note")).to_contain_text("Police dispatched; called back at 14:05.")

            page.get_by_label("Status").select_option("actioned")
            page.get_by_role("button", name="Change status").click()
            expect(page.locator("dl.record").first).to_contain_text("Actioned")
            page.screenshot(path=str(SCREENSHOTS / "review-incident.png"), full_page=True)

            page.get_by_role("button", name="Sign out", exact=True).click()
            expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
            page.goto(f"{base}/incidents/{emergency}")
            expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
        finally:
            browser.close()

    assert problems == []  # no CSP violations or script errors
    incident = store.get_incident(served_site["db"], emergency)
    assert incident.status == "actioned"
    assert [note.body for note in incident.notes] == ["Police dispatched; called back at 14:05."]
    assert (SCREENSHOTS / "review-queue.png").stat().st_size > 0
