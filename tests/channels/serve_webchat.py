"""Serve the web chat page with a scripted stub assistant, for developing the page and for
the page-level browser tests (no Rasa model needed).

    .venv-rasa/bin/python -m tests.channels.serve_webchat --port 5099

The stub answers like the real assistant's first steps: a greeting with Yes/No buttons,
999 advice when a message says someone is outside now, and an echo otherwise.
"""

from __future__ import annotations

import argparse

from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from bot.channels.webchat import WebChatInput
from tests.channels.harness import StubAssistant, safety, settings


def scripted_reply(message: UserMessage) -> list[object]:
    """A few turns of a plausible conversation."""
    text = (message.text or "").lower()
    if text == "hello":
        return [
            "Hello. I'm an automated assistant. I can help you report stalking or harassment.",
            {
                "text": "First: is it safe for you to talk now?",
                "buttons": [{"title": "Yes, it's safe", "payload": "yes"}, {"title": "No", "payload": "no"}],
            },
        ]
    if "outside" in text:
        return ["Please call 999 now. If you can't speak, call 999 from a mobile and press 55 when asked."]
    if text == "yes":
        return ["Thank you. Tell me in your own words what has been happening."]
    return [f"Thank you. I've noted that. More help: https://www.suzylamplugh.org/ ({len(text)} characters)"]


def main() -> None:
    """Run the page on loopback until interrupted."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=5099)
    args = parser.parse_args()
    app = Sanic("webchat_dev")
    channel = WebChatInput.from_credentials(
        {"settings": settings(), "safety": safety(), "exit_url": "https://neutral.example/"}
    )
    app.blueprint(channel.blueprint(StubAssistant(reply=scripted_reply)), url_prefix="/webhooks/webchat")
    app.run(host="127.0.0.1", port=args.port, access_log=False, motd=False)


if __name__ == "__main__":
    main()
