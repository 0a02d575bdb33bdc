"""The classroom (offline) copy, made the way `make offline` makes it, into temporary folders."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT, write_config

SCRIPT = ROOT / "scripts" / "classroom_copy.py"

# Vendored files and the sha256 each must have (their SOURCE.txt says where they come from).
SHIM = ROOT / "hooks" / "explainer" / "theme" / "assets" / "vendor" / "iframe-worker" / "shim.js"
SHIM_SHA256 = "e8e412dbcfea9b7e31b5ffa288d7b6035915e714c542f4176a0cdbe262fc9609"  # iframe-worker 1.0.4
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"  # axe-core 4.14.1


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Run:
    returncode: int
    output: str


def make_zip(tmp: Path, data_dir: Path, dist: Path, version: str = "test") -> Run:
    """Run scripts/classroom_copy.py (what `make offline` runs) against `data_dir`, writing into `dist`."""
    tmp.mkdir(parents=True, exist_ok=True)
    config_file = write_config(tmp, data_dir)
    run = subprocess.run([sys.executable, str(SCRIPT), "--config-file", str(config_file), "--dist", str(dist),
                          "--version", version], capture_output=True, text=True, cwd=tmp)
    return Run(run.returncode, run.stdout + run.stderr)


def unzip(zip_path: Path, target: Path) -> Path:
    """Unpack the zip as a teacher would; returns the one folder it holds."""
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(target)
    folders = [p for p in target.iterdir()]
    assert len(folders) == 1 and folders[0].is_dir(), folders
    return folders[0]
