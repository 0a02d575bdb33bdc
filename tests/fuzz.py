"""Seeded fuzzing of the data folder: mutate copies of the real data files, load and render each result.

Every run must end in a clean build (the data is accepted and every page renders) or a clean refusal
(only `data/<file>:<line>: ...` messages, each naming a file that is there and a line inside it,
with no invisible character printed raw); anything else (an exception, a hang) is a crash.

    python tests/fuzz.py [--runs N] [--seed S] [--timeout SECONDS]    (`make fuzz`: a longer run)

The suite runs a short, fixed-seed round (tests/test_fuzz.py); a failing run prints its seed and
mutations, so it can be replayed with `--seed`.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from explainer.pipeline import prepare  # noqa: E402
from explainer.problems import DataError  # noqa: E402
from explainer.text_policy import BIDI_CONTROLS  # noqa: E402

REAL_DATA = ROOT / "data"
# `file:line: ...`, the file as the loader shows it: relative to the working folder, or absolute.
MESSAGE = re.compile(r"^([^:]+):(\d+): \S")
# Characters worth trying: controls, bidi, zero-width, combining marks, line separators, odd scripts.
TRICKY = ["\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u202e", "\u202a", "\u2066", "\u2069",
          "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u0301", "\u0308", "\u20dd", "\u2028",
          "\u2029", "\u061c", "\u200f", "\ufffd", "\U0001f600", "\u0645", "\u0915", ":", "- ", "#", "'", '"',
          "{", "[", "&a ", "*a", "!!", "\t", "\n", "\n  ", "%", "@", "`", "|", ">", "\\", "\\x07", "\\u202e"]


class Hang(Exception):
    pass


@dataclass
class Outcome:
    kind: str  # "clean build" | "clean refusal" | "crash"
    detail: str = ""


@dataclass
class Tally:
    runs: int = 0
    kinds: Counter = field(default_factory=Counter)
    crashes: list[str] = field(default_factory=list)
    mutations: Counter = field(default_factory=Counter)

    def line(self) -> str:
        return (f"{self.runs} runs: {self.kinds['clean build']} clean builds, {self.kinds['clean refusal']} clean "
                f"refusals, {self.kinds['crash']} crashes")


# -- mutations: each takes the file's bytes and the random source, returns new bytes -------------------


def _walk(data, path=()):
    """Every (path, value) in a parsed document, containers included."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _walk(value, path + (i,))


def _set(data, path, value):
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _get(data, path):
    for part in path:
        data = data[part]
    return data


def _structured(change):
    """A mutation of the parsed document, written back as YAML (comments and layout are lost: fine here)."""

    def mutate(raw: bytes, rng: random.Random) -> bytes:
        try:  # an earlier mutation may have left no YAML, or one too deep for PyYAML: then change nothing
            data = yaml.safe_load(raw.decode("utf-8"))
            places = [p for p, _ in _walk(data) if p]
            if not places:
                return raw
            change(data, places, rng)
            return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100).encode("utf-8")
        except (yaml.YAMLError, UnicodeError, RecursionError):
            return raw

    mutate.__name__ = change.__name__
    return mutate


@_structured
def delete_key(data, places, rng):
    keyed = [p for p in places if isinstance(p[-1], str)]
    if keyed:
        path = rng.choice(keyed)
        del _get(data, path[:-1])[path[-1]]


@_structured
def change_type(data, places, rng):
    _set(data, rng.choice(places), rng.choice([0, -1, 3.5, True, None, [], {}, ["x"], {"x": 1}, "", "2015-13-40",
                                              "x" * 300, "a b", "index", "TODO"]))


@_structured
def swap_values(data, places, rng):
    first, second = rng.choice(places), rng.choice(places)
    if first[: len(second)] == second or second[: len(first)] == first:
        return  # one holds the other
    a, b = _get(data, first), _get(data, second)
    _set(data, first, b)
    _set(data, second, a)


@_structured
def duplicate_list_item(data, places, rng):
    lists = [p for p in places if isinstance(_get(data, p), list) and _get(data, p)]
    if lists:
        items = _get(data, rng.choice(lists))
        at = rng.randrange(len(items))
        items.insert(at, items[at])


def truncate(raw: bytes, rng: random.Random) -> bytes:
    return raw[: rng.randrange(len(raw) + 1)]  # may cut a UTF-8 sequence in two


def insert_unicode(raw: bytes, rng: random.Random) -> bytes:
    text = raw.decode("utf-8", errors="surrogateescape")
    pieces = [rng.choice(TRICKY) if rng.random() < 0.8 else chr(rng.choice([rng.randrange(0x20, 0x3000),
                                                                            rng.randrange(0x10000, 0x10FFFF)]))
              for _ in range(rng.randint(1, 4))]
    at = rng.randrange(len(text) + 1)
    text = text[:at] + "".join(pieces) + text[at:]
    return text.encode("utf-8", errors="surrogateescape") if _encodable(text) else raw


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8", errors="surrogateescape")
    except UnicodeEncodeError:
        return False
    return True


def nest_deeply(raw: bytes, rng: random.Random) -> bytes:
    lines = raw.split(b"\n")
    candidates = [i for i, line in enumerate(lines) if re.match(rb"^\s*[a-z_]+: \S", line)]
    if not candidates:
        return raw
    i = rng.choice(candidates)
    depth = rng.choice([5, 40, 200, 600, 1500, 5000])
    opener, closer = rng.choice([(b"[", b"]"), (b"{a: ", b"}")])
    key, _, value = lines[i].partition(b": ")
    closing = closer * depth if rng.random() < 0.8 else b""  # sometimes never closed
    lines[i] = key + b": " + opener * depth + value + closing
    return b"\n".join(lines)


def combining_storm(raw: bytes, rng: random.Random) -> bytes:
    text = raw.decode("utf-8", errors="surrogateescape")
    at = rng.randrange(len(text) + 1)
    marks = "".join(rng.choice("\u0300\u0301\u0302\u0308\u0327\u0338\u20dd") for _ in range(rng.randint(1, 60)))
    return (text[:at] + marks + text[at:]).encode("utf-8", errors="surrogateescape")


MUTATIONS = [delete_key, change_type, swap_values, duplicate_list_item, truncate, insert_unicode, nest_deeply,
             combining_storm]


# -- one run ----------------------------------------------------------------------------------------


def _invisible(text: str) -> bool:
    return any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in text)


def judge(data_dir: Path, timeout: float) -> Outcome:
    """Load and render `data_dir` as a build does (no cache); say how it ended."""

    def alarm(*_):
        raise Hang()

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        prepared = prepare(data_dir)
        if not prepared.pages:
            return Outcome("crash", "accepted, but no page was generated")
        for page in prepared.pages:  # what the policy refuses must never reach a page
            hidden = next((c for c in page.markdown if c not in "\n\t" and (unicodedata.category(c) == "Cc"
                                                                          or c in BIDI_CONTROLS)), None)
            if hidden:
                return Outcome("crash", f"{page.path} publishes U+{ord(hidden):04X}")
        return Outcome("clean build")
    except DataError as err:
        return _judge_messages(data_dir, [str(p) for p in err.problems])
    except Hang:
        return Outcome("crash", f"no answer within {timeout} s (a hang)")
    except BaseException:  # noqa: BLE001 - anything else is exactly what the fuzzer looks for
        return Outcome("crash", traceback.format_exc(limit=-8))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _judge_messages(data_dir: Path, messages: list[str]) -> Outcome:
    if not messages:
        return Outcome("crash", "refused with no message")
    for message in messages:
        if "Traceback" in message or _invisible(message.replace("\n", " ")) or "\n" in message:
            return Outcome("crash", f"message not clean: {message!r}")
        found = MESSAGE.match(message)
        if not found:
            return Outcome("crash", f"message names no data file and line: {message!r}")
        where = Path(os.path.abspath(found.group(1)))
        line = int(found.group(2))
        if where != data_dir and data_dir not in where.parents:
            return Outcome("crash", f"message names no file of the data folder: {message!r}")
        if not (where.exists() or where.is_symlink()) and where != data_dir / "articles":
            return Outcome("crash", f"message names a file that is not there: {message!r}")
        if where.is_file() and not where.is_symlink():
            lines = where.read_bytes().count(b"\n") + 1
            if not 1 <= line <= lines:
                return Outcome("crash", f"line {line} is outside the file ({lines} lines): {message!r}")
    return Outcome("clean refusal")


def fuzz(runs: int, seed: int, timeout: float = 10.0, report=print, budget: float | None = None) -> Tally:
    """`runs` mutated copies of the real data, from `seed`; every crash is described in `Tally.crashes`.
    With `budget` (seconds), it stops early once that is spent: the runs made are the seed's first ones."""
    rng = random.Random(seed)
    tally = Tally()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        shutil.copytree(REAL_DATA, data_dir)
        files = sorted(p for p in data_dir.rglob("*.yaml"))
        originals = {p: p.read_bytes() for p in files}
        for run in range(runs):
            if budget is not None and time.perf_counter() - started > budget:
                break
            target = rng.choice(files)
            raw = originals[target]
            applied = []
            for _ in range(rng.choice([1, 1, 1, 2, 3])):
                mutation = rng.choice(MUTATIONS)
                raw = mutation(raw, rng)
                applied.append(mutation.__name__)
            target.write_bytes(raw)
            outcome = judge(data_dir, timeout)
            target.write_bytes(originals[target])
            tally.runs += 1
            tally.kinds[outcome.kind] += 1
            tally.mutations.update(applied)
            if outcome.kind == "crash":
                tally.crashes.append(f"run {run} (seed {seed}) on {target.relative_to(data_dir.parent)} "
                                     f"with {', '.join(applied)}: {outcome.detail}")
                report(tally.crashes[-1])
    return tally


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=None, help="default: a new one, printed")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds one run may take")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 32)
    started = time.perf_counter()
    tally = fuzz(args.runs, seed, args.timeout)
    print(f"seed {seed}: {tally.line()} in {time.perf_counter() - started:.0f} s")
    print("mutations: " + ", ".join(f"{name} {count}" for name, count in sorted(tally.mutations.items())))
    return 1 if tally.crashes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
