"""Taking the report: which questions exist, what an answer means, what the record holds.

Pure Python (standard library and `bot.triage` only), used by the action server. The
actions stay thin: they read the tracker, call these functions and carry the result out.
"""
