"""Rasa-side tests run in .venv-rasa (`make unit`)."""
