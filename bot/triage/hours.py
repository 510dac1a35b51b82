"""Is a service open now, and when does it next open? Local UK time, bank holidays, DST.

All inputs must be timezone-aware datetimes; they are converted to the services file's time
zone (Europe/London), so a UTC clock on a server gives the right answer in summer and winter.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.triage.services import Service, load_bank_holidays, timezone

_LOOK_AHEAD_DAYS = 21  # longer than any run of closed days (Christmas to New Year plus weekends)


def _local(now: datetime) -> datetime:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("opening hours need a timezone-aware datetime")
    return now.astimezone(timezone())


def _closed_all_day(service: Service, day: date) -> bool:
    return service.hours.closed_on_bank_holidays and day in load_bank_holidays()


def is_open(service: Service, now: datetime) -> bool:
    """Whether the service answers at `now`. Unknown hours count as not open (we cannot promise)."""
    if service.hours.always:
        return True
    if service.hours.unknown:
        return False
    local = _local(now)
    if _closed_all_day(service, local.date()):
        return False
    clock = local.time()
    return any(opens <= clock < closes for opens, closes in service.hours.windows(local.weekday()))


def closes_at(service: Service, now: datetime) -> datetime | None:
    """When the current opening ends (local time), or None if closed, always open or unknown."""
    if service.hours.always or service.hours.unknown or not is_open(service, now):
        return None
    local = _local(now)
    for opens, closes in service.hours.windows(local.weekday()):
        if opens <= local.time() < closes:
            return datetime.combine(local.date(), closes, tzinfo=local.tzinfo)
    return None


def next_opening(service: Service, now: datetime) -> datetime | None:
    """When a closed service next opens (local time). None if it is open now, always open or unknown."""
    if service.hours.always or service.hours.unknown or is_open(service, now):
        return None
    local = _local(now)
    zone = local.tzinfo
    for offset in range(_LOOK_AHEAD_DAYS):
        day = local.date() + timedelta(days=offset)
        if _closed_all_day(service, day):
            continue
        for opens, _closes in service.hours.windows(day.weekday()):
            candidate = datetime.combine(day, opens, tzinfo=zone)
            if candidate > local:
                return candidate
    return None
