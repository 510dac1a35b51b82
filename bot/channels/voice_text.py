"""Making the assistant's text read well aloud."""

from __future__ import annotations

import re
import unicodedata

from bot.channels.directory import speak_digits

# Phone-number-like runs: three or more digits, possibly in groups ("0808 802 0300", "999").
_NUMBER_RUN = re.compile(r"(?<![\d:])\d{3,}(?: \d{2,})*(?![\d:])|(?<![\d:])\d{2,}(?: \d{2,})+(?![\d:])")
_YEAR = re.compile(r"(?:19|20)\d\d")
# Keys to press ("press 55") are keys, not a quantity: "5 5", never "fifty-five".
_KEYS = re.compile(
    r"(?<=\b[Pp]ress )\d{2}\b|(?<=\b[Pp]ressing )\d{2}\b"
    r"|\b\d{2}(?= (?:on the keypad|when (?:asked|prompted)))"
)
_URL = re.compile(r"https?://\S+")


def speakable(text: str) -> str:
    """Text for `<Say>`: no emoji or symbols, no links, phone numbers read digit by digit."""
    kept = "".join(
        char
        for char in text
        if unicodedata.category(char) not in ("So", "Sk", "Cs", "Co", "Cn", "Mn", "Cf") or char == " "
    )
    kept = _URL.sub("", kept)  # a web address cannot be followed on a call; voice wording should not need one
    kept = _NUMBER_RUN.sub(
        lambda m: m.group(0) if _YEAR.fullmatch(m.group(0)) else speak_digits(m.group(0)), kept
    )
    kept = _KEYS.sub(lambda m: speak_digits(m.group(0)), kept)
    kept = kept.replace("*", "").replace("_", " ").replace("#", "")
    kept = re.sub(r"\s+", " ", kept)
    return re.sub(r" ([.,!?;:])", r"\1", kept).strip()


def keypad_menu(titles: list[str]) -> str:
    """ "Press 1 for Yes. Press 2 for No." for the options the assistant offered."""
    return " ".join(f"Press {number} for {title}." for number, title in enumerate(titles, start=1) if title)
