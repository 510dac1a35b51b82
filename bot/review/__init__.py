"""The call handlers' review site (Flask).

Build it with `create_app(settings, session_factory)`; serve it with `python -m bot.review`.
"""

from bot.review.app import create_app

__all__ = ["create_app"]
