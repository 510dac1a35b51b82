"""Pure helpers for `make bench`: percentiles, latency summaries, memory of a process tree.

No I/O except reading a `/proc`-shaped directory, which tests replace with a fake one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

PROC = Path("/proc")


def percentile(values: Sequence[float], q: float) -> float:
    """The nearest-rank percentile (q in 0..100): a value that was really measured, never an
    interpolation, so p95 of 20 samples is the 19th smallest. NaN when there are no values."""
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be within 0..100, not {q}")
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True)
class LatencySummary:
    """Latencies of one measured phase, in milliseconds, and its throughput."""

    count: int
    errors: int
    fallbacks: int  # answered with the channel's static safety message (a turn that failed or timed out)
    p50_ms: float
    p95_ms: float
    max_ms: float
    wall_s: float
    per_second: float

    def as_dict(self) -> dict[str, float | int | None]:
        """For the JSON results file: rounded to what is worth reading, None where nothing was measured."""
        return {k: rounded(v, 1) if isinstance(v, float) else v for k, v in asdict(self).items()}


def summarise(seconds: Sequence[float], errors: int, fallbacks: int, wall_s: float) -> LatencySummary:
    """Summarise successful request latencies (seconds) of a phase that took `wall_s` seconds."""
    ms = [s * 1000 for s in seconds]
    return LatencySummary(
        count=len(ms),
        errors=errors,
        fallbacks=fallbacks,
        p50_ms=percentile(ms, 50),
        p95_ms=percentile(ms, 95),
        max_ms=max(ms) if ms else math.nan,
        wall_s=wall_s,
        per_second=(len(ms) / wall_s) if wall_s > 0 else math.nan,
    )


def rounded(value: float | None, digits: int) -> float | None:
    """`value` rounded, or None when it is missing or NaN (JSON has no NaN)."""
    if value is None or math.isnan(value):
        return None
    return round(value, digits)


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """numerator / denominator; None when either is missing or the denominator is zero."""
    if numerator is None or denominator is None or math.isnan(numerator) or math.isnan(denominator):
        return None
    if denominator == 0:
        return None
    return numerator / denominator


def difference(later: float | None, earlier: float | None) -> float | None:
    """later - earlier; None when either is missing."""
    if later is None or earlier is None:
        return None
    return later - earlier


def vmrss_kib(status_text: str) -> int:
    """The `VmRSS:` figure (kB) of a /proc/PID/status text; 0 when absent (a zombie, a kernel thread)."""
    for line in status_text.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def parent_pid(stat_text: str) -> int:
    """The parent pid from a /proc/PID/stat text. The command name may hold spaces and
    parentheses, so the fields are read after its last ')'."""
    after_name = stat_text[stat_text.rindex(")") + 2 :].split()
    return int(after_name[1])


def process_tree(pid: int, proc: Path = PROC) -> list[int]:
    """`pid` and every descendant still running."""
    children: dict[int, list[int]] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = parent_pid((entry / "stat").read_text())
        except (OSError, ValueError, IndexError):
            continue  # the process ended while we looked
        children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, []))
    return tree


def tree_rss_mib(pid: int, proc: Path = PROC) -> float:
    """Resident memory of `pid` and its descendants, in MiB (shared pages counted in each)."""
    total_kib = 0
    for member in process_tree(pid, proc):
        try:
            total_kib += vmrss_kib((proc / str(member) / "status").read_text())
        except OSError:
            continue
    return total_kib / 1024
