"""Turning what the assistant said (Rasa's collected messages) into plain text for a channel."""

from __future__ import annotations

from typing import Any


def button_titles(message: dict[str, Any]) -> list[str]:
    """The titles of a message's buttons or quick replies, in order."""
    return [str(b.get("title") or b.get("payload") or "").strip() for b in message.get("buttons") or []]


def options_sentence(titles: list[str]) -> str:
    """'Reply: Yes, No or I'd rather not say' — for channels without buttons."""
    titles = [t for t in titles if t]
    if not titles:
        return ""
    listed = titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " or " + titles[-1]
    return f"Reply: {listed}"


def texts_for_sms(messages: list[dict[str, Any]]) -> list[str]:
    """Each message's text, with its buttons written out as options to reply with."""
    texts: list[str] = []
    for message in messages:
        text = str(message.get("text") or "").strip()
        options = options_sentence(button_titles(message))
        combined = f"{text}\n{options}" if text and options else text or options
        if combined:
            texts.append(combined)
    return texts


def custom_voice_action(messages: list[dict[str, Any]]) -> str:
    """The last `{"custom": {"voice": ...}}` instruction ("dial", "hangup"), or ""."""
    action = ""
    for message in messages:
        custom = message.get("custom")
        if isinstance(custom, dict) and isinstance(custom.get("voice"), str):
            action = custom["voice"]
    return action
