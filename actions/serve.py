"""Run the action server on loopback (`python -m actions.serve`).

rasa_sdk's own runner listens on every interface and its error handler echoes the whole
request (the user's messages) back and into the logs. This runner binds to BIND_HOST
(loopback by default: the action server has no authentication) and answers errors with
the action's name only.
"""

from __future__ import annotations

import logging

from rasa_sdk.endpoint import create_app
from sanic import response

from bot.settings import get_settings

logger = logging.getLogger("actions")


def main() -> None:
    settings = get_settings()
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = create_app("actions", cors_origins=None)

    async def failed(request, exception: Exception):
        body = request.json if isinstance(request.json, dict) else {}
        name = str(body.get("next_action", "?"))
        logger.error("action %s failed: %s", name, type(exception).__name__)
        return response.json({"error": "action failed", "action_name": name}, status=500)

    app.error_handler.add(Exception, failed)
    app.run(host=settings.bind_host, port=settings.actions_port, workers=1, access_log=False, motd=False)


if __name__ == "__main__":
    main()
