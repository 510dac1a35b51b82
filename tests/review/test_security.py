"""Security behaviour of the review site, on SQLite and on PostgreSQL (see conftest.site)."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError

from bot.records import store
from bot.records.models import AuditEvent
from tests.review.conftest import PASSWORD, Site, add_tracker_events, make_emergency, make_report, post_form

HOSTILE = '<script>alert("owned")</script><img src=x onerror=alert(1)>'


def _get_urls(site: Site) -> list[str]:
    """Every GET page of the site except the public ones, with sample arguments filled in."""
    samples = {"reference": "SK-0000TEST", "note_id": 1, "conversation_id": "conv-1", "fmt": "csv"}
    urls = []
    for rule in site.app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in ("static", "health.healthz", "auth.sign_in"):
            continue
        urls.append(rule.build({name: samples[name] for name in rule.arguments})[1])
    return urls


def test_every_page_without_a_session_redirects_to_sign_in(site: Site) -> None:
    client = site.client()
    urls = _get_urls(site)
    assert len(urls) >= 12  # the walk found the site's pages, not nothing
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.headers["Location"].startswith("/sign-in"), url


@pytest.mark.parametrize(
    "url", ["/sign-out", "/incidents/SK-0000TEST/take", "/supervisor/accounts/x/disable"]
)
def test_post_without_a_session_changes_nothing(site: Site, url: str) -> None:
    response = site.client().post(url)
    assert response.status_code in (302, 400)
    assert "sign_out" not in site.audit_actions()


def test_health_check_answers_without_a_session(site: Site) -> None:
    response = site.client().get("/healthz")
    assert response.status_code == 200 and response.get_data(as_text=True) == "ok"


@pytest.mark.parametrize(
    "url",
    ["/supervisor/audit", "/supervisor/export", "/supervisor/export/incidents.csv", "/supervisor/accounts"],
)
def test_handler_cannot_reach_supervisor_pages(site: Site, url: str) -> None:
    site.add_handler("alice")
    response = site.sign_in("alice").get(url)
    assert response.status_code == 403
    assert "access_denied" in site.audit_actions()
    assert "export" not in site.audit_actions()


def test_handler_cannot_change_accounts(site: Site) -> None:
    site.add_handler("alice")
    site.add_handler("bob")
    client = site.sign_in("alice")
    response = post_form(client, "/supervisor/accounts/bob/disable", {})
    assert response.status_code == 403
    assert "disable_handler" not in site.audit_actions()


def test_supervisor_reaches_supervisor_pages(site: Site) -> None:
    site.add_handler("sam", "supervisor")
    client = site.sign_in("sam")
    for url in ("/supervisor/audit", "/supervisor/export", "/supervisor/accounts"):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/incidents/{ref}/notes", {"body": "a note"}),
        ("/incidents/{ref}/status", {"status": "closed"}),
        ("/incidents/{ref}/take", {}),
        ("/sign-out-everywhere", {}),
    ],
)
def test_post_without_csrf_token_is_refused(site: Site, path: str, data: dict[str, str]) -> None:
    reference = make_emergency(site)
    site.add_handler("alice")
    client = site.sign_in("alice")
    response = client.post(path.format(ref=reference), data=data)
    assert response.status_code == 400
    incident = store.get_incident(site.db, reference)
    assert (incident.notes, incident.status, incident.assigned_to) == ([], "new", None)
    assert client.get("/queue").status_code == 200  # still signed in: sign-out-everywhere did not run


def test_sign_in_without_csrf_token_is_refused(site: Site) -> None:
    site.add_handler("alice")
    response = site.client().post("/sign-in", data={"username": "alice", "password": PASSWORD})
    assert response.status_code == 400
    assert "sign_in" not in site.audit_actions()


def test_cross_site_post_is_refused_even_with_a_token(site: Site) -> None:
    reference = make_emergency(site)
    site.add_handler("alice")
    client = site.sign_in("alice")
    page = client.get(f"/incidents/{reference}").get_data(as_text=True)
    from tests.review.conftest import csrf_token_from

    response = client.post(
        f"/incidents/{reference}/take",
        data={"csrf_token": csrf_token_from(page)},
        headers={"Sec-Fetch-Site": "cross-site"},
    )
    assert response.status_code == 403
    assert store.get_incident(site.db, reference).assigned_to is None


def test_another_handlers_note_cannot_be_edited_through_a_forged_id(site: Site) -> None:
    reference = make_emergency(site)
    alice = site.add_handler("alice")
    site.add_handler("bob")
    note = store.add_note(site.db, reference, handler_id=alice.id, body="alice's note")
    bob = site.sign_in("bob")
    url = f"/incidents/{reference}/notes/{note.id}/edit"
    assert bob.get(url).status_code == 403
    assert post_form(bob, url, {"body": "changed by bob"}).status_code == 403
    assert store.get_incident(site.db, reference).notes[0].body == "alice's note"
    assert "access_denied" in site.audit_actions(reference)


def test_a_note_cannot_be_edited_under_another_incidents_reference(site: Site) -> None:
    first = make_emergency(site, "conv-a")
    second = make_report(site, "conv-b")
    alice = site.add_handler("alice")
    note = store.add_note(site.db, first, handler_id=alice.id, body="original")
    client = site.sign_in("alice")
    response = post_form(client, f"/incidents/{second}/notes/{note.id}/edit", {"body": "moved"})
    assert response.status_code == 404
    assert store.get_incident(site.db, first).notes[0].body == "original"


def test_author_can_edit_their_own_note(site: Site) -> None:
    reference = make_emergency(site)
    alice = site.add_handler("alice")
    note = store.add_note(site.db, reference, handler_id=alice.id, body="first draft")
    client = site.sign_in("alice")
    response = post_form(client, f"/incidents/{reference}/notes/{note.id}/edit", {"body": "second draft"})
    assert response.status_code == 302
    assert store.get_incident(site.db, reference).notes[0].body == "second draft"


@pytest.mark.parametrize(("minutes", "still_signed_in"), [(14, True), (16, False)])
def test_session_expires_after_fifteen_idle_minutes(site: Site, minutes: int, still_signed_in: bool) -> None:
    site.add_handler("alice")
    client = site.sign_in("alice")
    site.clock.advance(minutes=minutes)
    response = client.get("/queue")
    assert (response.status_code == 200) is still_signed_in
    if not still_signed_in:
        assert response.headers["Location"].startswith("/sign-in")
        assert client.get("/queue").status_code == 302  # the session is gone, not just refused once


def test_activity_keeps_the_session_alive(site: Site) -> None:
    site.add_handler("alice")
    client = site.sign_in("alice")
    for _ in range(3):
        site.clock.advance(minutes=10)
        assert client.get("/queue").status_code == 200


def test_queue_refresh_polls_do_not_keep_an_idle_session_alive(site: Site) -> None:
    site.add_handler("alice")
    client = site.sign_in("alice")
    for _ in range(4):
        site.clock.advance(minutes=4)
        client.get("/queue/stamp", headers={"X-Review-Passive": "1"})
    response = client.get("/queue/stamp", headers={"X-Review-Passive": "1"})
    assert response.status_code == 401
    assert client.get("/queue").status_code == 302


def test_sign_out_everywhere_ends_every_session_of_the_account(site: Site) -> None:
    site.add_handler("alice")
    laptop, desktop = site.sign_in("alice"), site.sign_in("alice")
    assert post_form(laptop, "/sign-out-everywhere", {}).status_code == 302
    assert desktop.get("/queue").status_code == 302
    assert laptop.get("/queue").status_code == 302
    assert site.sign_in("alice").get("/queue").status_code == 200  # signing in again works


def test_sign_out_ends_the_session(site: Site) -> None:
    site.add_handler("alice")
    client = site.sign_in("alice")
    post_form(client, "/sign-out", {})
    assert client.get("/queue").status_code == 302


def test_disabled_account_loses_its_session_and_cannot_sign_in(site: Site) -> None:
    site.add_handler("alice")
    site.add_handler("sam", "supervisor")
    alice = site.sign_in("alice")
    supervisor = site.sign_in("sam")
    post_form(supervisor, "/supervisor/accounts/alice/disable", {}, token_page="/supervisor/accounts")
    assert alice.get("/queue").status_code == 302
    response = post_form(site.client(), "/sign-in", site.sign_in_data("alice"), token_page="/sign-in")
    assert response.status_code == 200 and "did not work" in response.get_data(as_text=True)


def _failed_sign_in(site: Site, name: str, password: str) -> str:
    response = post_form(site.client(), "/sign-in", site.sign_in_data(name, password), token_page="/sign-in")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_five_failed_sign_ins_lock_the_account_for_fifteen_minutes(site: Site) -> None:
    site.add_handler("alice")
    for _ in range(5):
        _failed_sign_in(site, "alice", "wrong password!!")
    locked_page = _failed_sign_in(site, "alice", PASSWORD)  # the right password, while locked
    assert "did not work" in locked_page
    assert "account_locked" in site.audit_actions()
    site.clock.advance(minutes=14)
    _failed_sign_in(site, "alice", PASSWORD)
    site.clock.advance(minutes=2)
    assert site.sign_in("alice").get("/queue").status_code == 200


def test_four_failed_sign_ins_do_not_lock_the_account(site: Site) -> None:
    site.add_handler("alice")
    for _ in range(4):
        _failed_sign_in(site, "alice", "wrong password!!")
    assert site.sign_in("alice").get("/queue").status_code == 200


def test_failure_message_is_the_same_for_unknown_user_wrong_password_and_locked(site: Site) -> None:
    site.add_handler("alice")
    unknown = _failed_sign_in(site, "nobody", PASSWORD)
    wrong = _failed_sign_in(site, "alice", "wrong password!!")
    for _ in range(5):
        _failed_sign_in(site, "alice", "wrong password!!")
    locked = _failed_sign_in(site, "alice", PASSWORD)

    def message(page: str) -> str:
        return page.split('class="flash error"', 1)[1].split("</div>", 1)[0]

    assert message(unknown) == message(wrong) == message(locked)


def test_supervisor_cannot_sign_in_without_a_one_time_code(site: Site) -> None:
    site.add_handler("sam", "supervisor")
    response = post_form(
        site.client(),
        "/sign-in",
        {"username": "sam", "password": PASSWORD, "code": ""},
        token_page="/sign-in",
    )
    assert response.status_code == 200 and "did not work" in response.get_data(as_text=True)
    assert site.sign_in("sam").get("/queue").status_code == 200


def test_handler_with_a_one_time_code_needs_it(site: Site) -> None:
    site.add_handler("alice", totp=True)
    response = post_form(
        site.client(),
        "/sign-in",
        {"username": "alice", "password": PASSWORD, "code": "000000"},
        token_page="/sign-in",
    )
    assert "did not work" in response.get_data(as_text=True)


def test_a_one_time_code_cannot_be_used_twice(site: Site) -> None:
    site.add_handler("sam", "supervisor")
    code = site.code_for("sam")
    site.sign_in("sam", code=code)
    response = post_form(
        site.client(), "/sign-in", site.sign_in_data("sam", code=code), token_page="/sign-in"
    )
    assert "did not work" in response.get_data(as_text=True)


def test_hostile_transcript_text_is_shown_escaped(site: Site) -> None:
    reference = make_report(site, "conv-hostile", narrative=HOSTILE)
    add_tracker_events(
        site.settings.tracker_store_url, "conv-hostile", [("user", HOSTILE), ("bot", "Thank you.")], 1.7e9
    )
    site.add_handler("alice")
    client = site.sign_in("alice")
    for url in (f"/incidents/{reference}", "/conversations/conv-hostile", f"/incidents/{reference}/summary"):
        page = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in page and "<img src=x" not in page, url
        assert "&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt;" in page, url


def test_incident_page_shows_the_full_transcript_from_the_tracker_store(site: Site) -> None:
    reference = make_report(site, "conv-full")
    add_tracker_events(
        site.settings.tracker_store_url,
        "conv-full",
        [("user", "my ex keeps turning up"), ("bot", "Are you safe to talk?"), ("user", "yes for now")],
        1.7e9,
    )
    site.add_handler("alice")
    page = site.sign_in("alice").get(f"/incidents/{reference}").get_data(as_text=True)
    assert "my ex keeps turning up" in page and "yes for now" in page
    assert "tracker store" in page


def test_conversations_list_includes_conversations_without_a_record(site: Site) -> None:
    reference = make_report(site, "conv-with-record")
    add_tracker_events(site.settings.tracker_store_url, "conv-with-record", [("user", "hello")], 1.7e9)
    add_tracker_events(
        site.settings.tracker_store_url, "conv-left-halfway", [("user", "I think")], 1.7e9 + 60
    )
    site.add_handler("alice")
    page = site.sign_in("alice").get("/conversations").get_data(as_text=True)
    assert "conv-left-h" in page and "No record" in page
    assert reference in page


def test_every_view_of_an_incident_or_transcript_is_audited(site: Site) -> None:
    reference = make_report(site, "conv-audit")
    add_tracker_events(site.settings.tracker_store_url, "conv-audit", [("user", "hello")], 1.7e9)
    site.add_handler("alice")
    client = site.sign_in("alice")
    for url in (
        f"/incidents/{reference}",
        f"/incidents/{reference}/summary",
        f"/incidents/{reference}/summary.pdf",
        "/conversations",
        "/conversations/conv-audit",
    ):
        assert client.get(url).status_code == 200, url
    actions = site.audit_actions()
    for action in ("view_incident", "view_transcript", "view_summary", "download_pdf", "view_conversations"):
        assert action in actions, action
    assert site.audit_actions(reference).count("view_transcript") == 2  # incident page and conversation page
    assert all(
        e.actor == "handler:alice"
        for e in store.list_audit(site.db, reference=reference)
        if e.action.startswith("view")
    )


def test_every_change_and_export_is_audited(site: Site) -> None:
    reference = make_emergency(site)
    site.add_handler("sam", "supervisor")
    client = site.sign_in("sam")
    page = f"/incidents/{reference}"
    post_form(client, f"{page}/take", {}, token_page=page)
    post_form(client, f"{page}/notes", {"body": "called back"}, token_page=page)
    post_form(client, f"{page}/status", {"status": "actioned"}, token_page=page)
    assert client.get("/supervisor/export/incidents.csv").status_code == 200
    assert client.get("/supervisor/export/incidents.json").status_code == 200
    actions = site.audit_actions()
    for action in ("assign", "add_note", "change_status", "export"):
        assert action in actions, action
    assert actions.count("export") == 2
    incident = store.get_incident(site.db, reference)
    assert (incident.status, incident.assigned_to, incident.notes[0].body) == (
        "actioned",
        "sam",
        "called back",
    )


def test_audit_log_page_has_no_way_to_change_entries(site: Site) -> None:
    site.add_handler("sam", "supervisor")
    client = site.sign_in("sam")
    page = client.get("/supervisor/audit").get_data(as_text=True)
    assert "<form" in page and 'method="post"' not in page.split("<main", 1)[1]
    assert post_form(client, "/supervisor/audit", {}).status_code == 405


def test_audit_rows_cannot_be_changed_in_the_database(site: Site) -> None:
    store.audit(site.db, "test", "view_incident", "SK-0000TEST")
    with pytest.raises(DBAPIError), site.db.begin() as session:
        session.execute(update(AuditEvent).values(actor="someone-else"))
    with site.db.begin() as session:
        assert session.scalars(select(AuditEvent.actor)).all() == ["test"]


@pytest.mark.parametrize("url", ["/sign-in", "/queue", "/incidents/{ref}", "/healthz"])
def test_every_page_carries_the_security_headers(site: Site, url: str) -> None:
    reference = make_emergency(site)
    site.add_handler("alice")
    client = site.client() if url == "/sign-in" else site.sign_in("alice")
    response = client.get(url.format(ref=reference))
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'none'",
    ):
        assert directive in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["Cache-Control"] == "no-store"


def test_pages_have_no_inline_script(site: Site) -> None:
    reference = make_emergency(site)
    site.add_handler("alice")
    page = site.sign_in("alice").get(f"/incidents/{reference}").get_data(as_text=True)
    assert page.count("<script") == 1 and '<script src="/static/review.js">' in page
    assert " on" + "click=" not in page


def test_session_cookie_is_httponly_and_samesite_strict(site: Site) -> None:
    site.add_handler("alice")
    client = site.client()
    response = post_form(client, "/sign-in", site.sign_in_data("alice"), token_page="/sign-in")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "Secure" not in cookie  # served over plain http on loopback by default


def test_queue_shows_emergencies_first_and_marks_new_ones_in_words(site: Site) -> None:
    standard = make_report(site, "conv-standard")
    high = make_report(site, "conv-high", risk="high")
    emergency = make_emergency(site, "conv-emergency")
    site.add_handler("alice")
    page = site.sign_in("alice").get("/queue").get_data(as_text=True)
    assert page.index(emergency) < page.index(high) < page.index(standard)
    assert "New – not yet taken" in page and "1 new emergency not yet taken" in page


def test_queue_filters_by_risk_and_finds_a_reference(site: Site) -> None:
    standard = make_report(site, "conv-standard")
    emergency = make_emergency(site, "conv-emergency")
    site.add_handler("alice")
    client = site.sign_in("alice")
    page = client.get("/queue?risk=standard").get_data(as_text=True)
    assert standard in page and emergency not in page
    page = client.get(f"/queue?reference={emergency.lower()}").get_data(as_text=True)
    assert emergency in page and standard not in page


def test_queue_stamp_changes_when_a_new_incident_arrives(site: Site) -> None:
    site.add_handler("alice")
    client = site.sign_in("alice")
    before = client.get("/queue/stamp").get_json()["stamp"]
    make_emergency(site)
    assert client.get("/queue/stamp").get_json()["stamp"] != before


def test_summary_pdf_is_a_pdf(site: Site) -> None:
    reference = make_report(site, "conv-pdf", narrative="Łukasz said ‘I’ll wait’ – 😟")
    site.add_handler("alice")
    response = site.sign_in("alice").get(f"/incidents/{reference}/summary.pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    assert response.headers["Content-Disposition"].startswith("attachment")
