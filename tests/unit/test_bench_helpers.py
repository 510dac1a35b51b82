"""The pure helpers behind `make bench`: percentiles, summaries, process memory, TwiML reading."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from bench_clients import LONG_TEXT, LONG_TEXT_CHARS, _next_gather
from bench_stats import (
    difference,
    parent_pid,
    percentile,
    process_tree,
    ratio,
    rounded,
    summarise,
    tree_rss_mib,
    vmrss_kib,
)

TWENTY = [float(v) for v in range(1, 21)]


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [
        (TWENTY, 50, 10.0),
        (TWENTY, 95, 19.0),
        (TWENTY, 100, 20.0),
        (TWENTY, 0, 1.0),
        ([5.0], 95, 5.0),
        ([3.0, 1.0, 2.0], 50, 2.0),
        ([10.0, 20.0], 95, 20.0),
    ],
)
def test_percentile_is_the_nearest_rank_of_the_sorted_values(
    values: list[float], q: float, expected: float
) -> None:
    assert percentile(values, q) == expected


def test_percentile_of_no_values_is_nan() -> None:
    assert math.isnan(percentile([], 95))


@pytest.mark.parametrize("q", [-1, 101])
def test_percentile_outside_0_to_100_is_refused(q: float) -> None:
    with pytest.raises(ValueError):
        percentile([1.0], q)


def test_summary_reports_milliseconds_and_requests_per_second() -> None:
    summary = summarise([0.1, 0.2, 0.3, 0.4], errors=1, fallbacks=2, wall_s=2.0)
    assert (summary.count, summary.errors, summary.fallbacks) == (4, 1, 2)
    assert summary.p50_ms == pytest.approx(200.0)
    assert summary.p95_ms == pytest.approx(400.0)
    assert summary.per_second == pytest.approx(2.0)


def test_summary_without_samples_is_written_as_nulls_not_nan() -> None:
    written = summarise([], errors=3, fallbacks=0, wall_s=1.0).as_dict()
    assert written["p95_ms"] is None
    assert written["max_ms"] is None
    assert written["errors"] == 3


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        (300.0, 200.0, 1.5),
        (None, 200.0, None),
        (300.0, None, None),
        (300.0, 0.0, None),
        (math.nan, 1.0, None),
    ],
)
def test_ratio_is_none_when_it_cannot_be_computed(
    numerator: float | None, denominator: float | None, expected: float | None
) -> None:
    assert ratio(numerator, denominator) == expected


def test_difference_and_rounding_pass_missing_values_through() -> None:
    assert difference(None, 1.0) is None
    assert difference(5.0, 2.0) == 3.0
    assert rounded(None, 1) is None
    assert rounded(math.nan, 1) is None
    assert rounded(1.26, 1) == 1.3


def test_vmrss_is_read_from_the_status_text_and_zero_when_absent() -> None:
    assert vmrss_kib("Name:\trasa\nVmPeak:\t  9000 kB\nVmRSS:\t  4096 kB\n") == 4096
    assert vmrss_kib("Name:\tkworker\n") == 0


def test_parent_pid_survives_a_command_name_with_spaces_and_parentheses() -> None:
    assert parent_pid("1234 (python (x) y) S 42 1234 1234 0 -1") == 42


def _fake_proc(root: Path, processes: dict[int, tuple[int, int]]) -> Path:
    """pid -> (parent pid, VmRSS kB), laid out as /proc is."""
    for pid, (ppid, rss) in processes.items():
        folder = root / str(pid)
        folder.mkdir()
        (folder / "stat").write_text(f"{pid} (rasa) S {ppid} {pid} {pid} 0")
        (folder / "status").write_text(f"Name:\trasa\nVmRSS:\t{rss} kB\n")
    (root / "self").mkdir()  # not a pid: ignored
    return root


def test_memory_of_a_process_counts_its_descendants_and_nothing_else(tmp_path: Path) -> None:
    proc = _fake_proc(
        tmp_path,
        {10: (1, 1024), 11: (10, 2048), 12: (11, 1024), 20: (1, 99_999)},  # 20 is a stranger
    )
    assert sorted(process_tree(10, proc)) == [10, 11, 12]
    assert tree_rss_mib(10, proc) == pytest.approx(4.0)


@pytest.mark.parametrize(
    ("twiml", "expected"),
    [
        (
            '<Response><Gather action="https://report.example.test/webhooks/voice/webhook?turn=2&amp;opts=WyJ5Il0%3D">'
            "<Say>Hello</Say></Gather></Response>",
            "/webhooks/voice/webhook?turn=2&opts=WyJ5Il0%3D",
        ),
        ("<Response><Say>Goodbye</Say><Hangup/></Response>", None),
        ("not xml", None),
    ],
)
def test_a_call_goes_on_where_the_last_gather_says_and_ends_without_one(
    twiml: str, expected: str | None
) -> None:
    assert _next_gather(twiml) == expected


def test_the_long_web_chat_message_is_fifty_thousand_characters() -> None:
    assert len(LONG_TEXT) == LONG_TEXT_CHARS == 50_000
