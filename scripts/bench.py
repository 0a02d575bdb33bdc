#!/usr/bin/env python3
"""Measure what the explainer's hooks cost, and how the build grows with the size of the data.

Usage:
    python scripts/bench.py [--quick] [--sizes 50,200,1000] [--runs 5] [--json bench-results.json]
                            [--serve real|synthetic|none] [--keep DIR]

For each size N it generates an invented data set (N actors in four kinds, three quote anchors
each into one article of N/2 paragraphs, relationships, a glossary of N/2 terms with variants)
and measures, each as the median of several runs:

- the full `mkdocs build --strict` with the hooks (wall time, CPU time, peak memory, site bytes),
  twice per run: with new data (the cache emptied: load, check, render) and again with the data
  unchanged (pages from the hooks' cache), checking that both give the same bytes;
- the same pages built by plain Material: the Markdown the hooks render (`prepare()`), written
  out once, built with the hooks switched off, the same theme settings and the same nav;
- validation alone (`load_explainer`), in this process.

Then validation of the real data, and `mkdocs serve` on a copy of the real data: the rebuild after
touching one actor file and after editing it. Prints a table and writes it as JSON so results can
be compared between commits. `--quick` is the smoke mode the test suite runs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import queue
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from explainer import parts  # noqa: E402
from explainer.navigation import site_nav  # noqa: E402
from explainer.pipeline import prepare  # noqa: E402
from explainer.problems import DataError  # noqa: E402
from explainer.validate import load_explainer  # noqa: E402

FULL_SIZES = (50, 200, 1000)
QUICK_SIZES = (4, 12)
TARGETS = {
    # figure: (limit, what it is)
    "hooks_over_plain": (1.05, "hooks / plain build time at the middle size, data as last built"),
    "time_growth": (5.5, "build time, largest / middle size"),
    "bytes_per_page_growth": (1.3, "site bytes per page, largest / smallest size"),
    "largest_build_s": (30.0, "build time at the largest size (s)"),
    "peak_memory_mb": (500.0, "peak memory of any build (MB)"),
    "validation_real_s": (0.5, "validation alone on the real data (s)"),
    "serve_rebuild_s": (1.5, "serve: edit of one actor file until the rebuild is done (s)"),
}

# --- The invented data set ---------------------------------------------------------------------

SYLLABLES = ["ka", "lo", "mi", "ve", "ru", "ta", "zo", "ne", "pi", "du",
             "sa", "fe", "go", "hi", "ju", "le", "mo", "nu", "ri", "wa"]
KINDS = [("council", "Councils", "Council"), ("guild", "Guilds", "Guild"),
         ("league", "Leagues", "League"), ("company", "Companies", "Company")]
FILLER = ("the river market season report north valley road harvest meeting tax bridge record said "
          "was had new old after before during across many few local members their with over under "
          "mill canal water grain ferry toll winter spring council vote letter town square").split()
RELATIONS = ["backs", "fights", "rival", "cooperates", "part-of", "split-from"]
SOURCES = 10


def _word(i: int, syllables: int) -> str:
    """An invented word, different for every i: i written in base 20 with syllables as digits."""
    parts = []
    for _ in range(syllables):
        i, digit = divmod(i, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
    return "".join(parts)


class _Text:
    """Filler sentences with glossary terms sprinkled in, reproducible from a seed."""

    def __init__(self, rng: random.Random, terms: list[str]):
        self.rng, self.terms = rng, terms

    def sentence(self, words: int = 12, term: bool = True) -> str:
        out = [self.rng.choice(FILLER) for _ in range(words)]
        if term and self.terms:
            out[self.rng.randrange(1, words)] = self.rng.choice(self.terms)
        return " ".join(out).capitalize() + "."

    def prose(self, sentences: int, terms: int) -> str:
        return " ".join(self.sentence(term=i < terms) for i in range(sentences))


def generate(n: int, target: Path, seed: int = 7) -> dict:
    """Write an invented data set of `n` actors into `target`; returns counts for the report."""
    rng = random.Random(seed + n)
    n_paragraphs = max(1, n // 2)
    n_terms = max(1, n // 2)
    (target / "actors").mkdir(parents=True)
    (target / "articles").mkdir()
    heads = [_word(i, 3).capitalize() for i in range(n_terms)]
    actors = []
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        name = f"{_word(i * 7919 % 160000, 4).capitalize()} {kind[2]}"
        actors.append((name.lower().replace(" ", "-"), name, kind[0]))
    term_forms = [f for h in heads for f in (h, f"{h}-Pact", f"{h}s")]
    text = _Text(rng, term_forms)

    sources = [{"id": f"src-{k:02d}", "publisher": f"{_word(k + 11, 2).capitalize()} Gazette",
                "title": text.sentence(6, term=False), "date": f"20{10 + k}-0{1 + k % 9}"} for k in range(SOURCES)]
    _dump(target / "sources.yaml", {"sources": sources})
    _dump(target / "kinds.yaml", {"kinds": [{"id": k, "title": t, "description": text.sentence(10, term=False)}
                                            for k, t, _ in KINDS]})
    terms = []
    for k, head in enumerate(heads):
        term = {"id": head.lower(), "term": head, "variants": [f"{head}-Pact", {"name": head.upper(), "note": "in capitals"}],
                "plurals": [f"{head}s"], "short": text.sentence(10, term=False),
                "definition": text.prose(3, 0)}
        if k % 5 == 0:
            term["case"] = "insensitive"
            del term["variants"][1]  # the capitals are already covered
        if k % 4 == 0 and k < n:
            term["actor"] = actors[k][0]
        terms.append(term)
    _dump(target / "glossary.yaml", {"terms": terms})

    # Every actor quotes three sentences that name it; paragraph p holds the quotes of six anchors.
    paragraphs: list[list[str]] = [[] for _ in range(n_paragraphs)]
    covers: dict[str, list] = {a[0]: [] for a in actors}
    for i, (actor_id, name, _) in enumerate(actors):
        for c in range(3):
            p = min((3 * i + c) // 6, n_paragraphs - 1)
            quote = f"{name} met the {rng.choice(FILLER)} envoys for talk number {c + 1}"
            paragraphs[p].append(f"{quote}, {text.sentence(8)[:-1].lower()}.")
            anchor = {"paragraph": f"para-{p + 1:04d}", "quote": quote, "comment": text.prose(3, 2)}
            if c == 2 and i % 3 == 0:
                anchor["correction"] = text.prose(1, 1)
            covers[actor_id].append(anchor)
    article = {"id": "synthetic-article", "title": "An Invented Article", "genre": "opinion piece",
               "author": "Nobody in Particular", "provenance": "Generated for the benchmark.",
               "paragraphs": [{"id": f"para-{p + 1:04d}", "text": " ".join(sentences + [text.sentence()])}
                              for p, sentences in enumerate(paragraphs)]}
    _dump(target / "articles" / "synthetic-article.yaml", article)

    for i, (actor_id, name, kind) in enumerate(actors):
        others = [a for a in rng.sample(range(n), min(n, 4)) if a != i][:3]
        actor = {
            "id": actor_id, "name": name, "kind": kind,
            "aliases": [f"The {name.split()[0]}s", {"name": f"{name.split()[0].upper()}", "note": "in letters"}],
            "summary": text.sentence(14, term=False),
            "description": text.prose(4, 3),
            "aims": [text.sentence() for _ in range(3)],
            "relationships": [{"target": actors[o][0], "type": RELATIONS[(i + o) % len(RELATIONS)],
                               "since": f"20{10 + o % 10}", "note": text.prose(2, 1),
                               "sources": [f"src-{(i + o) % SOURCES:02d}"]} for o in others],
            "named_in_article": i % 7 != 0,
            "article_role": text.prose(2, 1),
            "record": text.prose(10, 6),
            "aftermath": text.prose(4, 2),
            "covers": covers[actor_id],
            "sources": [f"src-{i % SOURCES:02d}", f"src-{(i + 3) % SOURCES:02d}"],
            "reviewed": "2026-01-15",
        }
        _dump(target / "actors" / f"{actor_id}.yaml", actor)
    return {"actors": n, "paragraphs": n_paragraphs, "terms": n_terms}


def _dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")


# --- Builds ----------------------------------------------------------------------------------------


def _site_config() -> dict:
    """mkdocs.yml as plain values (tags such as !ENV read as nothing: only paths and nav are used)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader) or {}


def _inherit(docs_dir: Path, hooks: list[str]) -> dict:
    """A config that is mkdocs.yml, with the paths it gives relative to itself made absolute. Without
    the hooks, it lists what the hooks would add (the generator's theme folder, stylesheets, scripts,
    Markdown extensions and features), so plain Material builds the same pages the same way."""
    config = {"INHERIT": str(ROOT / "mkdocs.yml"), "docs_dir": str(docs_dir), "hooks": hooks}
    if not hooks:
        theme = _site_config().get("theme") or {}
        config["theme"] = {"name": theme.get("name", "material"), "custom_dir": str(parts.THEME_DIR),
                           "features": parts.merged(parts.THEME_FEATURES, theme.get("features"))}
        config["extra_css"] = list(parts.STYLESHEETS)
        config["extra_javascript"] = list(parts.SCRIPTS)
        config["markdown_extensions"] = [{name: settings} if settings else name
                                         for name, settings in parts.MARKDOWN_EXTENSIONS.items()]
        config["extra"] = {"polyfills": list(parts.POLYFILLS)}
    return config


HOME_PAGE = "# A synthetic site\n\nInvented data for the benchmark: see the [actors](actors/index.md).\n"


def _synthetic_docs(target: Path) -> Path:
    """The site's assets (styles, scripts, vendored files) with a generic home page and nothing else
    hand-written: the real pages link to pages a synthetic data set need not have."""
    shutil.copytree(ROOT / "docs", target)
    for page in target.glob("*.md"):
        page.unlink()
    (target / "index.md").write_text(HOME_PAGE, encoding="utf-8")
    return target


def write_configs(data_dir: Path, work: Path) -> tuple[Path, Path, int]:
    """A config that builds `data_dir` with the hooks, and one that builds the same pages without."""
    hooks_config = {**_inherit(_synthetic_docs(work / "docs"), [str(ROOT / "hooks" / "explainer_hooks.py")]),
                    "extra": {"explainer": {"data": str(data_dir)}}, "nav": ["index.md"]}
    prepared = prepare(data_dir)
    docs = _synthetic_docs(work / "plain-docs")
    for page in prepared.pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    (docs / parts.TEXTS_SCRIPT).parent.mkdir(parents=True, exist_ok=True)
    (docs / parts.TEXTS_SCRIPT).write_text(prepared.texts_script, encoding="utf-8")  # the hook's one generated asset
    plain_config = {**_inherit(docs, []), "nav": site_nav(["index.md"], prepared.sections)}
    hooks_file, plain_file = work / "mkdocs-hooks.yml", work / "mkdocs-plain.yml"
    hooks_file.write_text(yaml.safe_dump(hooks_config), encoding="utf-8")
    plain_file.write_text(yaml.safe_dump(plain_config), encoding="utf-8")
    return hooks_file, plain_file, len(prepared.pages) + 1


def _env() -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    env.pop("OFFLINE", None)  # the published build, whatever the calling shell has set
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as `make` builds: the hooks' byte-code is kept
    return env


def build(config_file: Path, site_dir: Path) -> dict:
    """One `mkdocs build --strict` in a child process: wall and CPU seconds, peak memory, bytes."""
    shutil.rmtree(site_dir, ignore_errors=True)
    log = tempfile.TemporaryFile()
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
        stdout=log, stderr=subprocess.STDOUT, env=_env(), cwd=config_file.parent,
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        log.seek(0)
        raise SystemExit(f"build of {config_file} failed:\n{log.read().decode(errors='replace')[-4000:]}")
    total = html = pages = 0
    digest = hashlib.sha256()
    for file in sorted(site_dir.rglob("*")):
        if file.is_file():
            content = file.read_bytes()
            digest.update(f"{file.relative_to(site_dir).as_posix()}\0{len(content)}\0".encode() + content)
            size = len(content)
            total += size
            if file.suffix == ".html" and file.name != "404.html":
                html += size
                pages += 1
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
            "site_bytes": total, "html_bytes": html, "html_pages": pages, "digest": digest.hexdigest()}


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def time_validation(data_dir: Path, runs: int) -> float:
    load_explainer(data_dir)  # warm: imports and compiled patterns are not what we measure
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        load_explainer(data_dir)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure_size(n: int, runs: int, work: Path) -> dict:
    data_dir = work / "data"
    counts = generate(n, data_dir)
    hooks_file, plain_file, n_pages = write_configs(data_dir, work)
    cache_dir = work / ".cache"  # where the hooks keep rendered pages (mkdocs.yml: extra.explainer.cache)
    first_runs, again_runs, plain_runs = [], [], []
    build(hooks_file, work / "site-hooks")  # warm-up, not timed: byte-code written, files in the OS cache
    build(plain_file, work / "site-plain")
    for k in range(runs):  # interleaved, so load from elsewhere on the machine hits all alike
        if k % 2:  # and plain first every other run, so no side always runs in the same position
            plain_runs.append(build(plain_file, work / "site-plain"))
        shutil.rmtree(cache_dir, ignore_errors=True)
        first_runs.append(build(hooks_file, work / "site-hooks"))  # new data: load, check, render
        again_runs.append(build(hooks_file, work / "site-hooks"))  # same data again: pages from the cache
        if not k % 2:
            plain_runs.append(build(plain_file, work / "site-plain"))
    last = first_runs[-1]
    result = {
        **counts,
        "pages": n_pages,
        "build_s": _median(first_runs, "wall_s"),
        "build_cpu_s": _median(first_runs, "cpu_s"),
        "rebuild_s": _median(again_runs, "wall_s"),
        "rebuild_cpu_s": _median(again_runs, "cpu_s"),
        "plain_s": _median(plain_runs, "wall_s"),
        "plain_cpu_s": _median(plain_runs, "cpu_s"),
        "validation_s": time_validation(data_dir, max(3, runs)),
        "peak_mb": max(r["peak_mb"] for r in first_runs + again_runs),
        "plain_peak_mb": max(r["peak_mb"] for r in plain_runs),
        "site_bytes": last["site_bytes"],
        "bytes_per_page": last["site_bytes"] / n_pages,
        "html_bytes_per_page": last["html_bytes"] / n_pages,
        "plain_bytes_per_page": plain_runs[-1]["site_bytes"] / n_pages,
        # The cache may only save time: the site it gives must be the very bytes of a build from the data.
        "same_site_from_cache": all(f["digest"] == a["digest"] for f, a in zip(first_runs, again_runs)),
    }
    # Ratios of builds run side by side (a plain build right after the hooks' ones), median over the
    # runs: a machine busy for a while slows both sides of a pair, and cancels out.
    for name, runs_of_hooks in (("hooks_over_plain", again_runs), ("first_over_plain", first_runs)):
        for suffix, key in (("", "wall_s"), ("_cpu", "cpu_s")):
            result[name + suffix] = statistics.median(h[key] / p[key] for h, p in zip(runs_of_hooks, plain_runs))
    return result


# --- mkdocs serve ----------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure_serve(config_file: Path, data_dir: Path, rounds: int) -> dict:
    """Start `mkdocs serve` on a copy of a site's data; time rebuilds after a touch and after an edit.

    Each round touches one actor file (same bytes, new modification time: the pages come from the
    cache) and then edits it (a comment line added: loaded, checked and rendered again). The
    `*_to_done_s` figures run from the change to "Reloading browsers" (they include MkDocs' file
    polling, every 0.5 s); `*_rebuild_s` from "Detected file changes" to that line.
    """
    actor = sorted((data_dir / "actors").glob("*.yaml"))[0]
    lines: queue.Queue = queue.Queue()
    port = _free_port()
    child = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(config_file), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=_env(), cwd=config_file.parent,
    )
    log: list[str] = []

    def read():
        for line in child.stdout:
            log.append(line)
            lines.put((time.perf_counter(), line))

    threading.Thread(target=read, daemon=True).start()

    def wait_for(text: str, timeout: float = 120.0) -> float:
        deadline = time.perf_counter() + timeout
        while True:
            try:
                at, line = lines.get(timeout=max(0.01, deadline - time.perf_counter()))
            except queue.Empty:
                raise SystemExit(f"mkdocs serve: no '{text}' within {timeout:.0f} s:\n{''.join(log)[-4000:]}") from None
            if "ERROR" in line or "Aborted" in line:
                raise SystemExit(f"mkdocs serve failed:\n{''.join(log)[-4000:]}")
            if text in line:
                return at

    def timed(change) -> tuple[float, float]:
        time.sleep(1.0)  # let the watcher take its snapshot of the quiet tree
        started = time.perf_counter()
        change()
        detected = wait_for("Detected file changes")
        done = wait_for("Reloading browsers")
        return done - started, done - detected

    times: dict[str, list[tuple[float, float]]] = {"touch": [], "edit": []}
    try:
        wait_for("Serving on")
        for k in range(rounds):
            times["touch"].append(timed(lambda: os.utime(actor)))
            text = actor.read_text(encoding="utf-8")
            times["edit"].append(timed(lambda: actor.write_text(f"{text}# edit {k} for the benchmark\n", encoding="utf-8")))
    finally:
        child.terminate()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
    result = {"file": actor.name, "rounds": rounds}
    for what, pairs in times.items():
        result[f"{what}_to_done_s"] = statistics.median(p[0] for p in pairs)
        result[f"{what}_rebuild_s"] = statistics.median(p[1] for p in pairs)
    return result


def real_site_copy(work: Path) -> tuple[Path, Path]:
    """The real site's config and a copy of its data, so the serve measurement can edit files freely."""
    data_dir = work / "data"
    shutil.copytree(ROOT / "data", data_dir)
    config = {**_inherit(ROOT / "docs", [str(ROOT / "hooks" / "explainer_hooks.py")]),
              "extra": {"explainer": {"data": str(data_dir)}}}
    config_file = work / "mkdocs-real.yml"
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    return config_file, data_dir


# --- Report ----------------------------------------------------------------------------------------


def git_commit() -> str | None:
    run = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "hooks", "scripts", "mkdocs.yml"],
                           capture_output=True, text=True, cwd=ROOT).stdout.strip()
    return (run.stdout.strip() + ("+changes" if dirty else "")) if run.returncode == 0 else None


def summarise(sizes: dict[int, dict], real_validation: float | None, serve: dict | None) -> dict:
    ns = sorted(sizes)
    small, middle, large = ns[0], ns[len(ns) // 2] if len(ns) > 2 else ns[0], ns[-1]
    figures = {
        "hooks_over_plain": sizes[middle]["hooks_over_plain"],
        "first_over_plain": sizes[middle]["first_over_plain"],
        "time_growth": sizes[large]["build_s"] / sizes[middle]["build_s"],
        "bytes_per_page_growth": sizes[large]["bytes_per_page"] / sizes[small]["bytes_per_page"],
        "html_bytes_per_page_growth": sizes[large]["html_bytes_per_page"] / sizes[small]["html_bytes_per_page"],
        "largest_build_s": sizes[large]["build_s"],
        "peak_memory_mb": max(s["peak_mb"] for s in sizes.values()),
        "validation_real_s": real_validation,
        "serve_rebuild_s": serve["edit_to_done_s"] if serve else None,
        "serve_touch_s": serve["touch_to_done_s"] if serve else None,
    }
    targets = {}
    for name, (limit, what) in TARGETS.items():
        value = figures[name]
        targets[name] = {"what": what, "value": value, "limit": limit, "met": None if value is None else value <= limit}
    return {"sizes_compared": {"small": small, "middle": middle, "large": large}, "figures": figures, "targets": targets}


def print_table(result: dict) -> None:
    sizes = result["sizes"]
    rows = [
        ("actors (N)", "{:.0f}", "actors"), ("pages", "{:.0f}", "pages"),
        ("plain Material, s", "{:.2f}", "plain_s"),
        ("hooks, new data, s", "{:.2f}", "build_s"), ("  / plain (wall)", "{:.3f}", "first_over_plain"),
        ("  / plain (CPU)", "{:.3f}", "first_over_plain_cpu"),
        ("hooks, data as last built, s", "{:.2f}", "rebuild_s"), ("  / plain (wall)", "{:.3f}", "hooks_over_plain"),
        ("  / plain (CPU)", "{:.3f}", "hooks_over_plain_cpu"), ("  same bytes as new data", "{}", "same_site"),
        ("validation alone, s", "{:.3f}", "validation_s"), ("peak memory, MB", "{:.0f}", "peak_mb"),
        ("site, MB", "{:.1f}", "site_mb"), ("site bytes / page, KB", "{:.1f}", "bytes_per_page_kb"),
        ("HTML bytes / page, KB", "{:.1f}", "html_bytes_per_page_kb"),
        ("plain site bytes / page, KB", "{:.1f}", "plain_bytes_per_page_kb"),
    ]
    for s in sizes.values():
        s["site_mb"] = s["site_bytes"] / 1e6
        s["same_site"] = "yes" if s["same_site_from_cache"] else "NO"
        for key in ("bytes_per_page", "html_bytes_per_page", "plain_bytes_per_page"):
            s[key + "_kb"] = s[key] / 1024
    keys = list(sizes)
    width = max(len(r[0]) for r in rows)
    print(f"\n{'median of ' + str(result['runs']) + ' runs':<{width}}  " + "  ".join(f"{'N=' + k:>9}" for k in keys))
    for label, fmt, key in rows:
        print(f"{label:<{width}}  " + "  ".join(f"{fmt.format(sizes[k][key]):>9}" for k in keys))
    print()
    for name, target in result["targets"].items():
        value = "n/a" if target["value"] is None else f"{target['value']:.3f}"
        verdict = {True: "ok", False: "MISSED", None: "not measured"}[target["met"]]
        print(f"{target['what']:<62} {value:>8}  (target <= {target['limit']})  {verdict}")
    first = result["figures"]["first_over_plain"]
    print(f"{'for comparison: the same, new data (first build, empty cache)':<62} {first:>8.3f}  (no target)")
    if result.get("serve"):
        serve = result["serve"]
        print(f"serve ({serve['site']}, median of {serve['rounds']}): edit to done {serve['edit_to_done_s']:.2f} s "
              f"(rebuild itself {serve['edit_rebuild_s']:.2f} s); touch to done {serve['touch_to_done_s']:.2f} s "
              f"(rebuild itself {serve['touch_rebuild_s']:.2f} s)")
    print(f"machine: {result['machine']['cpus']} CPUs, Python {result['machine']['python']}, "
          f"{result['machine']['platform']}; commit {result['commit']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smoke mode: small sizes, one run, serve on synthetic data")
    parser.add_argument("--sizes", help=f"comma-separated actor counts (default {','.join(map(str, FULL_SIZES))})")
    parser.add_argument("--runs", type=int, help="runs per measurement, median reported (default 5; 1 with --quick)")
    parser.add_argument("--json", default=str(ROOT / "bench-results.json"), help="where to write the results")
    parser.add_argument("--serve", choices=("real", "synthetic", "none"),
                        help="site for the serve rebuild (default real; synthetic with --quick)")
    parser.add_argument("--keep", help="keep the generated data and sites in this folder")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else list(QUICK_SIZES if args.quick else FULL_SIZES)
    runs = args.runs or (1 if args.quick else 5)
    serve_site = args.serve or ("synthetic" if args.quick else "real")

    work_root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="explainer-bench-"))
    work_root.mkdir(parents=True, exist_ok=True)
    try:
        measured: dict[int, dict] = {}
        for n in sizes:
            print(f"N={n}: generating and building {runs} time(s)...", file=sys.stderr, flush=True)
            work = work_root / f"n{n}"
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir()
            measured[n] = measure_size(n, runs, work)
        try:
            real_validation = time_validation(ROOT / "data", 5)
        except DataError as err:
            print(f"the real data does not validate; its figure is left out:\n{err.report()}", file=sys.stderr)
            real_validation = None
        serve = None
        if serve_site == "real":
            print("serve: real site...", file=sys.stderr, flush=True)
            if real_validation is not None:
                serve = {"site": "real", **measure_serve(*real_site_copy(work_root / "real"), 3)}
        elif serve_site == "synthetic":
            n = sizes[0]
            print(f"serve: synthetic site N={n}...", file=sys.stderr, flush=True)
            work = work_root / f"n{n}"
            serve = {"site": f"synthetic N={n}", **measure_serve(work / "mkdocs-hooks.yml", work / "data", 1 if args.quick else 3)}
    finally:
        if not args.keep:
            shutil.rmtree(work_root, ignore_errors=True)

    result = {
        "commit": git_commit(),
        "quick": args.quick,
        "runs": runs,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "sizes": {str(n): m for n, m in measured.items()},
        "validation_real_s": real_validation,
        "serve": serve,
        **summarise(measured, real_validation, serve),
    }
    print_table(result)
    Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"results written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
