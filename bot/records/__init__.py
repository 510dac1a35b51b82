"""Incident records: SQLAlchemy 2 models, the store that reads and writes them, retention and export.

Callers (actions, review site, CLI) go through `bot.records.store`; sessions come from
`bot.records.db.make_session_factory(settings)`.
"""
