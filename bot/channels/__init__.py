"""Rasa input channels: web chat, Twilio SMS, Twilio voice and a loopback-only REST channel.

Every channel runs the same inbound checks (`inbound.py`), the same guarded Rasa turn
(`turn.py`) and answers with the same static safety message when anything fails
(`safety.py`). Only code in this package and `bot/nlu`, `bot/stores` may import `rasa`.
"""
