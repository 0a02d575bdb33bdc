"""Shared fixtures: copies of data folders to break, and builds of the site into temporary folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
REAL_DATA = ROOT / "data"


@dataclass
class Build:
    returncode: int
    output: str
    site: Path


def write_config(tmp: Path, data_dir: Path, extra_config: dict | None = None) -> Path:
    """A config file in `tmp` that is the real mkdocs.yml with its data folder set to `data_dir`."""
    config = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": str(ROOT / "docs"),
        "hooks": [str(ROOT / "hooks" / "explainer_hooks.py")],
        "extra": {"explainer": {"data": str(data_dir)}},
        **(extra_config or {}),
    }
    config_file = tmp / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    return config_file


# Builds the tests share are dated like `make site` dates them (by a commit time), so any other build
# of the same data can be compared with them byte for byte.
SOURCE_DATE_EPOCH = "1764000000"


def build_site(tmp: Path, data_dir: Path, site_dir: Path | None = None, extra_config: dict | None = None,
               env: dict | None = None) -> Build:
    """Build the real mkdocs.yml against `data_dir` into a temporary folder, as `mkdocs build --strict`."""
    config_file = write_config(tmp, data_dir, extra_config)
    site_dir = site_dir or tmp / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    env.pop("OFFLINE", None)  # the published build, whatever the calling shell has set
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=tmp,
    )
    return Build(run.returncode, run.stdout + run.stderr, site_dir)


@pytest.fixture
def mini_data(tmp_path: Path) -> Path:
    """A private copy of the small invented data set, free to break."""
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture(scope="session")
def real_build(tmp_path_factory) -> Build:
    tmp = tmp_path_factory.mktemp("real")
    build = build_site(tmp, REAL_DATA, env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def explainer():
    """The real data, loaded and checked once: an `Explainer` is frozen, so tests can share it."""
    from explainer.validate import load_explainer

    return load_explainer(REAL_DATA)


@pytest.fixture(scope="session")
def real_classroom(tmp_path_factory) -> tuple[Path, Path]:
    """The real site's classroom zip, made once like `make offline`, and the folder it unzips to (on a
    path with a space, as on real drives): every test of the offline copy reads these."""
    from classroom import make_zip, unzip  # classroom.py imports this module

    tmp = tmp_path_factory.mktemp("classroom")
    run = make_zip(tmp / "build", REAL_DATA, tmp / "dist")
    assert run.returncode == 0, run.output
    (zip_path,) = (tmp / "dist").glob("*.zip")
    return zip_path, unzip(zip_path, tmp / "usb stick")


@pytest.fixture(scope="session")
def real_server(real_build):
    """The real published build served on 127.0.0.1 (a free port) for the whole run: its base URL."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(real_build.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def mini_build(tmp_path_factory) -> Build:
    tmp = tmp_path_factory.mktemp("mini")
    build = build_site(tmp, MINI)
    assert build.returncode == 0, build.output
    return build
