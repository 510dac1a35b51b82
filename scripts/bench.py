"""`make bench`: how fast the assistant is and how much memory it takes, on this machine.

Prints, and writes to var/bench/results.json:
  1. `rasa train` time (cold cache; `--skip-train` to skip);
  2. start time of the three servers, Rasa's resident memory after warm-up and after the load;
  3. REST latency p50/p95 per turn at 1 and 10 concurrent report conversations, and throughput;
  4. the same for stock Rasa's starter bot (`rasa init`), and ours-p95 / starter-p95 at 10 (target <= 1.5);
  5. first reply to an emergency message, p95 at 10 concurrent conversations;
  6. signed SMS and voice webhooks, p95 at 10 concurrent conversations;
  7. how much a 50,000-character web chat message, sent again and again, delays 5 other visitors.

Everything runs on loopback with throwaway databases, fresh secrets and temporary folders,
all removed at the end (also on error and Ctrl-C). The machine may be shared: the load
average is recorded with each phase, so read the figures with it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `tests.integration` lives at the root

import bench_clients as clients
from bench_clients import REPORT_TURNS, STARTER_TURNS, Recorder, Tally, Twilio, run_parallel
from bench_processes import Children, StarterBot, time_training
from bench_stats import difference, ratio, rounded, tree_rss_mib

from bot.settings import PROJECT_ROOT
from bot.stack import MODEL, Stack
from tests.integration.stack_fixture import RunningStack, free_port, test_overrides

RESULTS = PROJECT_ROOT / "var" / "bench" / "results.json"
TARGET_RATIO = 1.5
PHASE_DEADLINE_S = 900  # no load phase may run longer than this, whatever the machine is doing


def say(line: str) -> None:
    """A progress line."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {line}", flush=True)


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def wait_for_model(minutes: float) -> None:
    """Wait for `make train` (run by someone else) to finish writing the model; never train it here."""
    deadline = time.monotonic() + minutes * 60
    last_size, polls = -1, 0
    while time.monotonic() < deadline:
        size = MODEL.stat().st_size if MODEL.exists() else -1
        if size > 0 and size == last_size:
            return  # not growing any more: written
        if size < 0 and polls % 4 == 0:
            say(f"waiting for {MODEL.relative_to(PROJECT_ROOT)} (being trained? else run `make train`)...")
        last_size, polls = size, polls + 1
        time.sleep(15 if size < 0 else 5)
    raise RuntimeError(f"no trained model at {MODEL} after {minutes:.0f} minutes; run `make train`")


def measure(
    name: str, workers: list[Callable[[], None]], recorder: Recorder, concurrent: int | None = None
) -> dict[str, Any]:
    """Run one load phase and summarise it (`concurrent`: conversations at once, if not one per worker)."""
    concurrent = concurrent or len(workers)
    say(f"{name}: {concurrent} conversation(s) at once (load average {load_average()[0]})")
    wall = run_parallel(workers, PHASE_DEADLINE_S)
    summary = recorder.summary(wall).as_dict()
    say(
        f"  {summary['count']} requests, p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, "
        f"{summary['per_second']} /s, errors {summary['errors']}, "
        f"safety-fallback replies {summary['fallbacks']}"
    )
    return {**summary, "concurrent": concurrent, "load_average": load_average()}


def rest_phases(url: str, turns: tuple[str, ...], single_runs: int, concurrency: int, prefix: str) -> dict:
    """REST conversations: `single_runs` one after another, then `concurrency` at once."""
    single = Recorder()

    def one_after_another() -> None:
        for _ in range(single_runs):
            clients.rest_conversation(url, turns, single, prefix)

    results = {"concurrent_1": measure(f"{prefix} REST, one at a time", [one_after_another], single)}
    many = Recorder()
    results[f"concurrent_{concurrency}"] = measure(
        f"{prefix} REST", [lambda: clients.rest_conversation(url, turns, many, prefix)] * concurrency, many
    )
    return results


def servers_rss(running: RunningStack) -> dict[str, float]:
    """Resident memory (MiB) of each server's process tree."""
    return {
        server.name: round(tree_rss_mib(server.process.pid), 1)
        for server in running.stack.servers
        if server.process is not None and server.process.poll() is None
    }


def bench_ours(work: Path, args: argparse.Namespace, results: dict[str, Any], stacks: list[Stack]) -> None:
    """Phases 2, 3, 5, 6 and 7 against our own stack."""
    overrides = test_overrides(work)
    stack = Stack(overrides=overrides, log_dir=work / "logs")
    stacks.append(stack)
    say("starting the action server, Rasa and the review site...")
    started = time.perf_counter()
    stack.start()
    results["server_start_s"] = round(time.perf_counter() - started, 1)
    say(f"  all health checks green after {results['server_start_s']} s")
    running = RunningStack(stack, overrides)
    url = running.rasa_url
    n = args.concurrency

    say("warming up (one report conversation, one emergency, one web chat)...")
    clients.rest_conversation(url, REPORT_TURNS, None, "warmup")
    clients.emergency_first_reply(url, Recorder(), Tally())
    clients.webchat_conversation(url, REPORT_TURNS[:3], Recorder())
    results["rss_mib_after_warmup"] = servers_rss(running)
    say(f"  resident memory (MiB): {results['rss_mib_after_warmup']}")

    results["rest"] = rest_phases(url, REPORT_TURNS, args.single_runs, n, "ours")

    first_replies, quoted_999 = Recorder(), Tally()

    def emergencies() -> None:
        for _ in range(args.emergency_rounds):
            clients.emergency_first_reply(url, first_replies, quoted_999)

    results["emergency_first_reply"] = measure("emergency first reply", [emergencies] * n, first_replies)
    results["emergency_first_reply"]["replies_quoting_999"] = quoted_999.count

    twilio = Twilio(url, running.public_base_url, running.twilio_auth_token)
    sms = Recorder()
    results["sms"] = measure(
        "SMS webhook (signed)",
        [lambda i=i: clients.sms_conversation(twilio, i, REPORT_TURNS, sms) for i in range(n)],
        sms,
    )
    voice = Recorder()
    results["voice"] = measure(
        "voice webhook (signed)",
        [lambda i=i: clients.voice_call(twilio, 100 + i, REPORT_TURNS, voice) for i in range(n)],
        voice,
    )
    results["webchat_long_message"] = webchat_long_message(url, args.webchat_others)

    results["rss_mib_after_load"] = servers_rss(running)
    say(f"resident memory after the load (MiB): {results['rss_mib_after_load']}")
    stack.stop()


def webchat_long_message(url: str, others: int) -> dict[str, Any]:
    """p95 of short web chat messages from `others` visitors, without and with one visitor
    pasting a 50,000-character message over and over."""
    quiet = Recorder()
    without = measure(
        "web chat, short messages only",
        [lambda: clients.webchat_conversation(url, REPORT_TURNS, quiet)] * others,
        quiet,
    )
    busy, long_messages, done = Recorder(), Recorder(), threading.Event()

    def short_visitors() -> None:
        visitors = [lambda: clients.webchat_conversation(url, REPORT_TURNS, busy)] * others
        try:
            run_parallel(visitors, PHASE_DEADLINE_S)
        finally:
            done.set()

    with_long = measure(
        f"web chat, short messages while a {clients.LONG_TEXT_CHARS:,}-character message is sent repeatedly",
        [short_visitors, lambda: clients.webchat_long_sender(url, done, long_messages, max_sends=500)],
        busy,
        concurrent=others + 1,
    )
    long_summary = long_messages.summary(with_long["wall_s"]).as_dict()
    say(f"  the long message itself: {long_summary['count']} sent, p95 {long_summary['p95_ms']} ms")
    return {
        "without": without,
        "with_long_message": with_long,
        "long_message": long_summary,
        "p95_delay_ms": rounded(difference(with_long["p95_ms"], without["p95_ms"]), 1),
        "p95_ratio": rounded(ratio(with_long["p95_ms"], without["p95_ms"]), 2),
    }


def bench_starter(work: Path, args: argparse.Namespace, results: dict[str, Any], children: Children) -> None:
    """Phase 4: stock Rasa's starter bot, trained and served the same way, same load."""
    starter = StarterBot(work / "starter", free_port())
    say("creating and training stock Rasa's starter bot (`rasa init --no-prompt`)...")
    results["starter_init_and_train_s"] = round(starter.create(children, args.train_timeout), 1)
    say(f"  done in {results['starter_init_and_train_s']} s")
    if starter.needs_action_server():
        say("  note: the starter's stories call custom actions, but no action server is run for it")
    say("starting the starter bot...")
    results["starter_server_start_s"] = round(starter.serve(children, 600), 1)
    say(f"  answering after {results['starter_server_start_s']} s")
    clients.rest_conversation(starter.url, STARTER_TURNS, None, "warmup")
    assert starter.process is not None
    results["starter_rss_mib_after_warmup"] = round(tree_rss_mib(starter.process.pid), 1)
    results["starter_rest"] = rest_phases(
        starter.url, STARTER_TURNS, args.single_runs, args.concurrency, "starter"
    )
    results["starter_rss_mib_after_load"] = round(tree_rss_mib(starter.process.pid), 1)
    children.stop_all()


def _phase_row(label: str, phase: dict[str, Any] | None) -> str:
    if not phase:
        return f"  {label:45} (not measured)"
    return (
        f"  {label:45} p50 {phase['p50_ms']!s:>7} ms  p95 {phase['p95_ms']!s:>7} ms  "
        f"{phase['per_second']!s:>5} /s  n={phase['count']} errors={phase['errors']} "
        f"fallbacks={phase['fallbacks']}"
    )


def report(results: dict[str, Any], concurrency: int) -> None:
    """The figures, readable."""
    key = f"concurrent_{concurrency}"
    ours, starter = results.get("rest", {}), results.get("starter_rest", {})
    chat = results.get("webchat_long_message", {})
    rss_rasa = (
        results.get("rss_mib_after_warmup", {}).get("rasa"),
        results.get("rss_mib_after_load", {}).get("rasa"),
    )
    lines = [
        "",
        "== make bench results",
        f"  load average at start / end: {results.get('load_average_at_start')} / "
        f"{results.get('load_average_at_end')} on {os.cpu_count()} CPUs",
        f"  {'training (`rasa train`, cold cache)':45} "
        + (f"{results['train_s']} s" if "train_s" in results else "skipped"),
        f"  {'server start (launch to health checks green)':45} {results.get('server_start_s')} s",
        f"  {'Rasa RSS after warm-up / after the load':45} {rss_rasa[0]} / {rss_rasa[1]} MiB",
        f"  {'all servers RSS after the load':45} {results.get('rss_mib_after_load')} MiB",
        _phase_row("REST, 1 conversation", ours.get("concurrent_1")),
        _phase_row(f"REST, {concurrency} conversations", ours.get(key)),
        _phase_row("starter bot REST, 1 conversation", starter.get("concurrent_1")),
        _phase_row(f"starter bot REST, {concurrency} conversations", starter.get(key)),
        f"  {'starter: init+train / start':45} {results.get('starter_init_and_train_s')} s / "
        f"{results.get('starter_server_start_s')} s",
        f"  {'starter: RSS after warm-up / after the load':45} "
        f"{results.get('starter_rss_mib_after_warmup')} / {results.get('starter_rss_mib_after_load')} MiB",
        f"  {f'ours p95 / starter p95 at {concurrency}':45} {results.get('p95_ratio_vs_starter')} "
        f"(target <= {TARGET_RATIO})",
        _phase_row(f"emergency first reply, {concurrency} at once", results.get("emergency_first_reply")),
        _phase_row(f"SMS webhook, {concurrency} at once", results.get("sms")),
        _phase_row(f"voice webhook, {concurrency} at once", results.get("voice")),
        _phase_row("web chat short messages, alone", chat.get("without")),
        _phase_row("web chat short messages, with 50k pastes", chat.get("with_long_message")),
        _phase_row("the 50k messages themselves", chat.get("long_message")),
        f"  {'50k pastes delay the others p95 by':45} {chat.get('p95_delay_ms')} ms "
        f"(x{chat.get('p95_ratio')})",
        f"  written to {RESULTS.relative_to(PROJECT_ROOT)}",
    ]
    print("\n".join(lines), flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="scripts/bench.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--skip-train", action="store_true", help="do not time `rasa train` (it takes minutes)"
    )
    parser.add_argument(
        "--skip-starter", action="store_true", help="do not build and measure the starter bot"
    )
    parser.add_argument("--concurrency", type=int, default=10, help="conversations at once (default 10)")
    parser.add_argument("--single-runs", type=int, default=2, help="conversations one at a time (default 2)")
    parser.add_argument(
        "--emergency-rounds",
        type=int,
        default=3,
        help="emergency conversations started by each concurrent sender (default 3)",
    )
    parser.add_argument("--webchat-others", type=int, default=5, help="short-message visitors (default 5)")
    parser.add_argument("--train-timeout", type=float, default=3600, help="seconds allowed per training")
    parser.add_argument(
        "--wait-model-minutes",
        type=float,
        default=60,
        help="how long to wait for models/stalkbot.tar.gz (default 60)",
    )
    args = parser.parse_args(argv)
    if not 1 <= args.concurrency <= 50 or not 1 <= args.webchat_others <= 20:
        parser.error("keep --concurrency within 1..50 and --webchat-others within 1..20")
    return args


def _stop_on_sigterm(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    work = Path(tempfile.mkdtemp(prefix="stalkbot-bench-"))
    children, stacks = Children(), []
    results: dict[str, Any] = {
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "cpus": os.cpu_count(),
        "load_average_at_start": load_average(),
        "concurrency": args.concurrency,
    }
    code = 1
    try:
        wait_for_model(args.wait_model_minutes)
        if not args.skip_train:
            say("timing `rasa train` into a temporary folder, cold cache (several minutes)...")
            results["train_s"] = round(
                time_training(
                    children, work / "train-out", work / "train-cache", work / "train.log", args.train_timeout
                ),
                1,
            )
            say(f"  trained in {results['train_s']} s")
        bench_ours(work, args, results, stacks)
        if not args.skip_starter:
            bench_starter(work, args, results, children)
            ours = results["rest"][f"concurrent_{args.concurrency}"]["p95_ms"]
            theirs = results["starter_rest"][f"concurrent_{args.concurrency}"]["p95_ms"]
            results["p95_ratio_vs_starter"] = rounded(ratio(ours, theirs), 2)
        code = 0
    except KeyboardInterrupt:
        say("interrupted; stopping everything")
        code = 130
    except (RuntimeError, TimeoutError, OSError) as error:
        say(f"failed: {error}")
        for log in sorted((work / "logs").glob("*.log")):
            say(f"---- last lines of {log.name}\n{log.read_text(errors='replace')[-2000:]}")
    finally:
        clients.STOP.set()
        for stack in stacks:
            stack.stop()
        children.stop_all()
        shutil.rmtree(work, ignore_errors=True)
    results["load_average_at_end"] = load_average()
    results["complete"] = code == 0
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    report(results, args.concurrency)
    return code


if __name__ == "__main__":
    sys.exit(main())
