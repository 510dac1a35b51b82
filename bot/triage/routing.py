"""Who should this person contact, in what order, right now? (GUIDE.md §3)

`route_for(...)` is pure: risk, relationship, nation, the clock and a few hints in, an ordered
tuple of offers (service id + why) out. What is *said* about each offer comes from the
services file via `render.py`; this module only decides which and in what order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.triage.hours import is_open, next_opening
from bot.triage.risk import RiskLevel
from bot.triage.services import load_services

PARTNER_OR_FAMILY = frozenset({"partner", "ex-partner", "family"})
NATION_LINES = {
    "wales": "live_fear_free",
    "scotland": "scotland_da_helpline",
    "northern-ireland": "ni_da_helpline",
}


@dataclass(frozen=True)
class Offer:
    """One service to offer and why (a short reason a call handler or the person can read)."""

    service_id: str
    why: str


@dataclass(frozen=True)
class Route:
    """The services to offer, most important first, and the state of the stalking helpline."""

    risk: RiskLevel
    offers: tuple[Offer, ...]
    helpline_open: bool
    helpline_next_open: datetime | None
    abroad: bool = False  # say that 999 reaches UK police only from inside the UK

    @property
    def service_ids(self) -> tuple[str, ...]:
        """The offered service ids in order."""
        return tuple(offer.service_id for offer in self.offers)


def _domestic_abuse_line(nation: str | None) -> str:
    """The 24/7 domestic abuse line for the person's nation (England's when not known)."""
    return NATION_LINES.get(nation or "", "domestic_abuse_helpline")


def route_for(
    risk: RiskLevel | str,
    *,
    relationship: str | None,
    nation: str | None,
    abroad: bool,
    now: datetime,
    male_victim: bool = False,
    lgbt: bool = False,
    suicidal: bool = False,
    danger_over: bool = False,
) -> Route:
    """The ordered offers for this case at `now` (an aware datetime).

    An emergency route is 999 and the ways to reach it, nothing else. `danger_over` is for the end
    of a report that began or passed through an emergency, the person now safe: the same first,
    then the support a high-risk case is offered (police, advocacy, the helpline and the rest).
    """
    level = RiskLevel(risk)
    helpline = load_services()["stalking_helpline"]
    helpline_open = is_open(helpline, now)
    helpline_next = None if helpline_open else next_opening(helpline, now)
    partner_or_family = relationship in PARTNER_OR_FAMILY
    offers: list[Offer] = []

    def offer(service_id: str, why: str) -> None:
        if all(existing.service_id != service_id for existing in offers):
            offers.append(Offer(service_id, why))

    if level is RiskLevel.EMERGENCY:
        offer("police_emergency", "danger now")
        offer("silent_solution", "if you cannot speak")
        offer("emergency_sms", "if you are registered to text 999")
        offer("relay_uk", "if you use a textphone")
        if suicidal:
            offer("samaritans", "to talk to someone now")
        if not danger_over:
            return Route(level, tuple(offers), helpline_open, helpline_next, abroad)

    if suicidal:
        offer("samaritans", "suicidal thoughts")
        offer("police_emergency", "if your life is at immediate risk")

    if level in (RiskLevel.HIGH, RiskLevel.EMERGENCY):
        offer("police_non_emergency", "report to the police today")
        offer("paladin", "specialist stalking advocacy for high-risk cases")
        if helpline_open:
            offer("stalking_helpline", "stalking advice, open now")
        if partner_or_family:
            offer(_domestic_abuse_line(nation), "partner, ex-partner or family member")
        if nation in NATION_LINES:
            offer(NATION_LINES[nation], "support where you live")
    else:
        offer("police_non_emergency", "report to the police")
        if helpline_open:
            offer("stalking_helpline", "stalking advice, open now")
        if partner_or_family:
            offer(_domestic_abuse_line(nation), "partner, ex-partner or family member")

    if male_victim and partner_or_family:
        offer("mens_advice_line", "support for men")
    if lgbt:
        offer("galop", "support for LGBT+ people")

    if not helpline_open:
        offer("stalking_helpline", "stalking advice when it opens")
        if partner_or_family:
            offer(_domestic_abuse_line(nation), "open now")
        if nation in NATION_LINES:
            offer(NATION_LINES[nation], "open now")
        offer("victim_support", "support whether or not you report, open now")
        offer("samaritans", "to talk to someone now")

    offer("police_emergency", "if you are ever in danger")
    return Route(level, tuple(offers), helpline_open, helpline_next, abroad)
