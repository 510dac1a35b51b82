"""Rasa-side stores configured from settings (runs in .venv-rasa only)."""
