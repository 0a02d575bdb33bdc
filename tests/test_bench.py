"""The benchmark's smoke mode runs, so the script cannot rot; its figures are read, never asserted."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

PER_SIZE = ["actors", "pages", "build_s", "build_cpu_s", "rebuild_s", "rebuild_cpu_s", "plain_s", "plain_cpu_s",
            "validation_s", "peak_mb", "site_bytes", "bytes_per_page", "html_bytes_per_page", "hooks_over_plain",
            "hooks_over_plain_cpu", "first_over_plain", "first_over_plain_cpu"]


def test_quick_bench_writes_every_figure(tmp_path):
    out = tmp_path / "bench.json"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py"), "--quick", "--json", str(out)],
                         capture_output=True, text=True, cwd=tmp_path, timeout=180)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "hooks / plain" in run.stdout
    result = json.loads(out.read_text(encoding="utf-8"))
    assert len(result["sizes"]) >= 2
    for size in result["sizes"].values():
        assert all(isinstance(size[key], (int, float)) and size[key] > 0 for key in PER_SIZE), size
        assert size["same_site_from_cache"] is True  # a build from the cache gives the same bytes
    for name, target in result["targets"].items():
        assert isinstance(target["value"], float) and target["met"] in (True, False), name
    serve = result["serve"]
    assert serve["edit_rebuild_s"] > 0 and serve["touch_rebuild_s"] > 0 and result["machine"]["cpus"] >= 1
