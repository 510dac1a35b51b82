"""Rasa NLU components (run inside Rasa, .venv-rasa only)."""
