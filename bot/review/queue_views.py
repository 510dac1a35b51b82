"""The queue: incidents, emergencies first, newest first within each level, with filters."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from flask import Blueprint, current_app, jsonify, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from bot.records import store
from bot.records.vocabulary import CHANNELS, RISK_LEVELS, STATUSES
from bot.review.clock import now
from bot.review.presentation import day_end_utc, day_start_utc

queue = Blueprint("queue", __name__)
PAGE_SIZE = 50


@dataclass(frozen=True)
class QueueFilters:
    """What the handler narrowed the queue to; unknown values are ignored, never trusted."""

    risk: str | None
    status: str | None
    channel: str | None
    date_from: date | None
    date_to: date | None
    reference: str | None
    page: int

    def store_arguments(self) -> dict[str, object]:
        """Keyword arguments for `store.list_incidents` / `count_incidents`."""
        return {
            "risk": self.risk,
            "status": self.status,
            "channel": self.channel,
            "since": day_start_utc(self.date_from) if self.date_from else None,
            "until": day_end_utc(self.date_to) if self.date_to else None,
            "reference": self.reference,
        }

    def query_args(self) -> dict[str, str]:
        """The filters as URL query arguments (for links and the refresh poll)."""
        args = {
            "risk": self.risk,
            "status": self.status,
            "channel": self.channel,
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "reference": self.reference,
        }
        return {key: value for key, value in args.items() if value}


def _choice(name: str, allowed: tuple[str, ...]) -> str | None:
    value = request.args.get(name, "")
    return value if value in allowed else None


def _day(name: str) -> date | None:
    try:
        return date.fromisoformat(request.args.get(name, ""))
    except ValueError:
        return None


def filters_from_request() -> QueueFilters:
    """The queue filters in this request's query string."""
    reference = request.args.get("reference", "").strip()[:20] or None
    try:
        page = max(1, int(request.args.get("page", "1")))
    except ValueError:
        page = 1
    return QueueFilters(
        risk=_choice("risk", RISK_LEVELS),
        status=_choice("status", STATUSES),
        channel=_choice("channel", CHANNELS),
        date_from=_day("from"),
        date_to=_day("to"),
        reference=reference,
        page=page,
    )


def _stamp(rows: list[store.IncidentSummary], total: int) -> str:
    """A short fingerprint of what the queue shows: it changes when anything on it changes."""
    digest = hashlib.sha256(str(total).encode())
    for row in rows:
        digest.update(f"|{row.reference}|{row.risk_level}|{row.status}|{row.updated_at.isoformat()}".encode())
    return digest.hexdigest()[:16]


def _load(filters: QueueFilters) -> tuple[list[store.IncidentSummary], int]:
    db = current_app.extensions["review_db"]
    arguments = filters.store_arguments()
    rows = store.list_incidents(db, **arguments, limit=PAGE_SIZE, offset=(filters.page - 1) * PAGE_SIZE)
    return rows, store.count_incidents(db, **arguments)


@queue.route("/")
def home() -> Response:
    """The queue is the home page."""
    return redirect(url_for("queue.show_queue"))


@queue.route("/queue")
def show_queue() -> str:
    """The queue page (it refreshes itself when the incidents on it change)."""
    filters = filters_from_request()
    rows, total = _load(filters)
    new_emergencies = [row for row in rows if row.risk_level == "emergency" and row.status == "new"]
    return render_template(
        "queue.html",
        rows=rows,
        total=total,
        filters=filters,
        new_emergencies=new_emergencies,
        stamp=_stamp(rows, total),
        poll_url=url_for("queue.queue_stamp", **filters.query_args(), page=filters.page),
        page_size=PAGE_SIZE,
        risk_levels=RISK_LEVELS,
        statuses=STATUSES,
        channels=CHANNELS,
        generated_at=now(),
    )


@queue.route("/queue/stamp")
def queue_stamp() -> Response:
    """The queue's fingerprint, for the page's refresh poll (no personal data)."""
    rows, total = _load(filters_from_request())
    return jsonify(stamp=_stamp(rows, total))
