"""Web chat session tokens."""

from __future__ import annotations

from bot.channels.webchat_sessions import WebChatSessions


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def test_issued_token_verifies_to_its_session() -> None:
    sessions = WebChatSessions("secret", 60, Clock())
    token, session = sessions.issue()
    assert sessions.verify(token) == session
    assert session.conversation_id.startswith("web-")


def test_session_ids_are_unguessable_and_distinct() -> None:
    sessions = WebChatSessions("secret", 60)
    ids = {sessions.issue()[1].session_id for _ in range(500)}
    assert len(ids) == 500
    assert all(len(i) >= 22 for i in ids)  # 128 random bits in URL-safe base64


def test_token_expires_after_the_session_lifetime() -> None:
    clock = Clock()
    sessions = WebChatSessions("secret", 60, clock)
    token, _ = sessions.issue()
    clock.now += 59 * 60
    assert sessions.verify(token) is not None
    clock.now += 61
    assert sessions.verify(token) is None


def test_renewed_token_extends_the_same_session() -> None:
    clock = Clock()
    sessions = WebChatSessions("secret", 60, clock)
    token, session = sessions.issue()
    clock.now += 50 * 60
    renewed = sessions.renew(session)
    clock.now += 50 * 60
    assert sessions.verify(token) is None
    assert sessions.verify(renewed) == sessions.verify(renewed)
    assert sessions.verify(renewed).session_id == session.session_id


def test_changing_any_part_of_a_token_invalidates_it() -> None:
    sessions = WebChatSessions("secret", 60, Clock())
    token, _ = sessions.issue()
    session_id, expires, mac = token.split(".")
    forged = [
        f"someoneelse.{expires}.{mac}",
        f"{session_id}.{int(expires) + 3600}.{mac}",
        f"{session_id}.{expires}.{mac[:-1]}A" if mac[-1] != "A" else f"{session_id}.{expires}.{mac[:-1]}B",
        f"{session_id}.{expires}",
        "",
    ]
    assert all(sessions.verify(f) is None for f in forged)


def test_revoked_session_is_refused_even_with_a_renewed_token() -> None:
    sessions = WebChatSessions("secret", 60, Clock())
    token, session = sessions.issue()
    renewed = sessions.renew(session)
    sessions.revoke(session)
    assert sessions.verify(token) is None and sessions.verify(renewed) is None


def test_missing_secret_still_signs_with_a_random_key() -> None:
    first, second = WebChatSessions("", 60), WebChatSessions("", 60)
    token, _ = first.issue()
    assert first.verify(token) is not None
    assert second.verify(token) is None
