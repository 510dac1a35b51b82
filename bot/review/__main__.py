"""`python -m bot.review`: serve the review site with waitress on BIND_HOST:REVIEW_PORT."""

from __future__ import annotations

import logging

from waitress import serve

from bot.records.db import create_schema, engine_of, make_session_factory
from bot.review.app import create_app
from bot.settings import get_settings


def main() -> None:
    """Start the site in the foreground; Ctrl-C stops it."""
    settings = get_settings()
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # waitress logs no requests (it has no access log); its own messages carry no personal data.
    session_factory = make_session_factory(settings)
    create_schema(engine_of(session_factory))  # idempotent: a first run shows an empty queue, not an error
    app = create_app(settings, session_factory)
    logging.getLogger(__name__).info("review site on http://%s:%d", settings.bind_host, settings.review_port)
    serve(app, host=settings.bind_host, port=settings.review_port, threads=8, ident="review")


if __name__ == "__main__":
    main()
