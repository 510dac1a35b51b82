"""The action server's actions (rasa-sdk): thin shells that call `bot/`.

rasa-sdk registers every Action subclass found in this package's modules.
"""

from actions import emergency, info, report, report_form  # noqa: F401 (registration)
