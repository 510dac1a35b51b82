"""Turn a route into what the assistant says, from the services file only.

Three styles: `text` (web chat), `sms` (short, GSM-7 characters only so a message is not
split into expensive UCS-2 parts or garbled) and `voice` (numbers read digit by digit, no
"click" or "tap"). Phone numbers are always written exactly as in the services file.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.triage.hours import closes_at, is_open, next_opening
from bot.triage.routing import Route
from bot.triage.services import Service, digits, load_services, timezone

STYLES = ("text", "sms", "voice")
_SMS_MAX_OFFERS = 4

# The GSM 03.38 default alphabet and its extension table (SMS without Unicode).
GSM7_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = "^{}\\[~]|€\f"
_GSM7 = frozenset(GSM7_BASIC + GSM7_EXTENSION)
_TO_GSM7 = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
        "\u00a0": " ",
        "\u2022": "-",
    }
)


def is_gsm7(text: str) -> bool:
    """Whether every character is in the GSM-7 alphabet."""
    return all(ch in _GSM7 for ch in text)


def to_gsm7(text: str) -> str:
    """Fold typographic characters to GSM-7 and drop anything else (emoji, etc.)."""
    folded = text.translate(_TO_GSM7)
    return "".join(ch for ch in folded if ch in _GSM7)


def _check_style(style: str) -> None:
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; use one of {STYLES}")


def _finish(text: str, style: str) -> str:
    return to_gsm7(text) if style == "sms" else text


def _number(service: Service, style: str) -> str:
    return service.spoken if style == "voice" else service.number


def _other(service: Service, wanted_digits: str, style: str) -> str:
    """One of a service's other numbers (e.g. "55"), as written in the file."""
    for number in service.other_numbers:
        if digits(number) == wanted_digits:
            return " ".join(digits(number)) if style == "voice" else number
    raise LookupError(f"{service.id} has no number {wanted_digits}")


def _clock(moment: datetime, style: str) -> str:
    if style == "voice":
        hour = moment.hour % 12 or 12
        suffix = "am" if moment.hour < 12 else "pm"
        return f"{hour}{suffix}" if moment.minute == 0 else f"{hour}:{moment.minute:02d}{suffix}"
    return moment.strftime("%H:%M")


def _day(moment: datetime, now: datetime) -> str:
    days = (moment.date() - now.date()).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days < 7:
        return moment.strftime("%A")
    return f"{moment.strftime('%A')} {moment.day} {moment.strftime('%B')}"


def render_emergency(style: str, *, abroad: bool = False) -> str:
    """What to do in an emergency: 999 first, then the Silent Solution, emergencySMS, Relay UK."""
    _check_style(style)
    services = load_services()
    police, silent = services["police_emergency"], services["silent_solution"]
    sms, relay = services["emergency_sms"], services["relay_uk"]
    call = _number(police, style)
    press = _other(silent, "55", style)
    lines = {
        "text": [
            f"If you are in danger now, call {call}.",
            f"If you cannot speak, call {call} from a mobile, stay on the line and press {press} when the "
            f"recorded message asks. Pressing {press} does not tell the police where you are.",
            f"If you are deaf, hard of hearing or speech-impaired and registered with emergencySMS, "
            f"text {sms.text_number}.",
            f"Textphone users: {relay.number}.",
        ],
        "sms": [
            f"In danger now? Call {call}.",
            f"Can't speak? Call {call} from a mobile, stay on the line, press {press} when asked.",
            f"Registered for emergencySMS? Text {sms.text_number}. Textphone: {relay.number}.",
        ],
        "voice": [
            f"If you are in danger now, hang up and call {call}.",
            f"If you cannot speak, call {call} from a mobile, stay on the line, and press {press} "
            "when the recorded message asks.",
        ],
    }[style]
    if abroad:
        lines.append(_abroad_line(style))
    return _finish("\n".join(lines), style)


def _abroad_line(style: str) -> str:
    police = load_services()["police_emergency"]
    call = _number(police, style)
    eu = _other(police, "112", style)
    return (
        f"{call} reaches UK police only from inside the UK. If you are abroad, call the local emergency "
        f"number ({eu} in Europe)."
    )


def render_helpline_hours(now: datetime, style: str) -> str:
    """Whether the National Stalking Helpline is open now, and until or from when."""
    _check_style(style)
    helpline = load_services()["stalking_helpline"]
    local = now.astimezone(timezone())
    name = f"The {helpline.name} ({_number(helpline, style)})"
    if is_open(helpline, now):
        closing = closes_at(helpline, now)
        until = f" until {_clock(closing, style)}" if closing else ""
        return _finish(f"{name} is open now{until}.", style)
    opening = next_opening(helpline, now)
    if opening is None:
        return _finish(f"{name} is closed now. {helpline.hours_text}.", style)
    when = f"{_day(opening, local)} at {_clock(opening, style)}"
    return _finish(f"{name} is closed now; it opens again {when}.", style)


def _offer_line(service: Service, why: str, route: Route, now: datetime | None, style: str) -> str:
    number = _number(service, style)
    if service.id == "police_non_emergency":
        if style == "voice":
            return f"To report to the police, call {number}, or use your police force's online form."
        if style == "sms":
            return f"Police: call {number} or report online ({why})."
        return f"Police: call {number}, or report online on your police force's website ({why})."
    if service.id == "police_emergency":
        return f"If you are ever in danger, call {number}." if route.risk.value != "emergency" else ""
    if service.id == "stalking_helpline" and now is not None:
        return render_helpline_hours(now, style)
    if service.id == "relay_uk":
        return f"Textphone: {number} in an emergency, or {_other(service, '18001101', style)} for the police."
    hours = (
        "24/7"
        if service.hours.always and style != "voice"
        else ("day and night" if service.hours.always else service.hours_text.lower())
    )
    if style == "sms":
        return f"{service.name}: {number} ({hours})."
    if style == "voice":
        return f"{service.name}: {number}, {hours}."
    return f"{service.name}: {number} ({why}; {hours})."


def render_route(route: Route, style: str, now: datetime | None = None) -> str:
    """The offers of a route as one message in the given style (numbers from the services file)."""
    _check_style(style)
    services = load_services()
    lines: list[str] = []
    if route.risk.value == "emergency":
        lines.append(render_emergency(style, abroad=route.abroad))
        skip = {"police_emergency", "silent_solution", "emergency_sms", "relay_uk"}
    else:
        skip = set()
        if route.abroad:
            lines.append(_abroad_line(style))
    if now is None and route.helpline_next_open is not None:
        now = route.helpline_next_open - timedelta(seconds=1)  # only used to word the opening day
    offers = [offer for offer in route.offers if offer.service_id not in skip]
    if style == "sms" and len(offers) > _SMS_MAX_OFFERS:
        # Keep SMS short: the first offers, and always the 999 reminder when the route has it.
        tail = [offer for offer in offers if offer.service_id == "police_emergency"]
        offers = [o for o in offers if o.service_id != "police_emergency"][:_SMS_MAX_OFFERS] + tail
    for offer in offers:
        line = _offer_line(services[offer.service_id], offer.why, route, now, style)
        if line:
            lines.append(line)
    return _finish("\n".join(lines), style)
