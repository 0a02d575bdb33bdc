"""A short, seeded fuzz round in every run of the suite (`make fuzz` runs a long one)."""

from __future__ import annotations

import time

import fuzz

# At most RUNS runs, and no more than BUDGET seconds of them on a busy machine (always the seed's first ones).
RUNS, SEED, BUDGET, AT_LEAST = 120, 14, 40, 40


def test_mutated_data_ends_in_a_clean_build_or_clean_messages():
    started = time.perf_counter()
    tally = fuzz.fuzz(RUNS, SEED, budget=BUDGET)
    elapsed = time.perf_counter() - started
    print(f"fuzz, seed {SEED}: {tally.line()} in {elapsed:.0f} s")
    assert tally.crashes == []
    assert AT_LEAST <= tally.runs <= RUNS
    # Both endings were reached, and every kind of mutation was tried: the round tests something.
    assert tally.kinds["clean build"] > 0 and tally.kinds["clean refusal"] > 0
    assert set(tally.mutations) == {m.__name__ for m in fuzz.MUTATIONS}
    assert elapsed < 60, "the suite's round must stay under a minute; lower RUNS"


def test_the_judge_calls_a_traceback_a_crash(tmp_path, monkeypatch):
    monkeypatch.setattr(fuzz, "prepare", lambda data_dir: {}["missing"])
    assert fuzz.judge(tmp_path, timeout=5).kind == "crash"


def test_the_judge_calls_a_hang_a_crash(tmp_path, monkeypatch):
    monkeypatch.setattr(fuzz, "prepare", lambda data_dir: time.sleep(5))
    outcome = fuzz.judge(tmp_path, timeout=0.2)
    assert outcome.kind == "crash" and "hang" in outcome.detail


def test_the_judge_wants_file_and_line_in_every_message(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "kinds.yaml").write_text("a: 1\nb: 2\n", encoding="utf-8")
    data = tmp_path / "data"
    kinds = data / "kinds.yaml"
    assert fuzz._judge_messages(data, [f"{kinds}:2: a: wrong"]).kind == "clean refusal"
    assert fuzz._judge_messages(data, [f"{kinds}:9: a: wrong"]).kind == "crash"  # past the end
    assert fuzz._judge_messages(data, ["something broke"]).kind == "crash"
    assert fuzz._judge_messages(data, [f"{tmp_path}/elsewhere.yaml:1: a: wrong"]).kind == "crash"  # not the data
    assert fuzz._judge_messages(data, [f"{kinds}:1: holds \u202e"]).kind == "crash"  # printed raw
