"""Two builds of the same commit are byte-identical, on the real data: every file, sitemaps and search index."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
from pathlib import Path

from conftest import REAL_DATA, ROOT, SOURCE_DATE_EPOCH, build_site
from helpers import problems_of


def test_two_builds_of_the_real_data_are_byte_identical(tmp_path: Path, real_build):
    """A fresh build (its own empty cache) against the build the other tests share, both dated alike."""
    assert problems_of(REAL_DATA) == []
    build = build_site(tmp_path, REAL_DATA, env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
    assert build.returncode == 0, build.output
    first, second = real_build.site, build.site
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert {Path("sitemap.xml"), Path("sitemap.xml.gz"), Path("search/search_index.json")} <= set(files)
    different = [str(f) for f in files if (first / f).read_bytes() != (second / f).read_bytes()]
    assert different == []
    sitemap = (first / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap)) <= {"2025-11-24"}
    assert int.from_bytes((first / "sitemap.xml.gz").read_bytes()[4:8], "little") == 1763942400  # that day, 00:00 UTC
    assert gzip.decompress((first / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap


def test_make_dates_the_build_by_the_last_commit():
    commit_time = subprocess.run(["git", "log", "-1", "--format=%ct"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    show = subprocess.run(["make", "-s", "--no-print-directory", "-f", "Makefile", "-f", "-", "show-epoch"],
                          input="show-epoch:\n\t@echo $$SOURCE_DATE_EPOCH\n", capture_output=True, text=True,
                          cwd=ROOT, timeout=60, env={k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"})
    assert show.stdout.strip() == commit_time and commit_time, show.stdout + show.stderr
