"""`mkdocs serve` (what `make serve` runs) while the data goes bad and good again: it keeps serving."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import write_config
from helpers import edit, line_of

PAGE = "actors/north-council/"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> BeautifulSoup:
    with urllib.request.urlopen(url, timeout=10) as response:  # a hang fails here, not the whole suite
        assert response.status == 200
        return BeautifulSoup(response.read().decode("utf-8"), "html.parser")


def _until(check, what: str, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            result = check()
        except OSError:
            result = None
        if result:
            return result
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.3)


@pytest.fixture
def served(tmp_path: Path, mini_data: Path):
    port = _free_port()
    config = write_config(tmp_path, mini_data, {"dev_addr": f"127.0.0.1:{port}",
                                                "extra": {"explainer": {"data": str(mini_data), "cache": False}}})
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(config)],
                              stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    base = f"http://127.0.0.1:{port}/"
    try:
        _until(lambda: _get(base + PAGE), "the first build", 90)
        yield base, mini_data, tmp_path / "serve.log"
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def test_serve_keeps_the_last_good_pages_and_shows_the_problems(served):
    base, data, log = served
    assert _get(base + PAGE).select_one(".xp-preview-problems") is None
    path = data / "actors" / "north-council.yaml"
    edit(path, "kind: council", "kind: counsel")
    line = line_of(path, "kind: counsel")
    banner = _until(lambda: _get(base + PAGE).select_one(".xp-preview-problems"), "the problems banner")
    page = _get(base + PAGE)
    assert f"data/actors/north-council.yaml:{line}: kind: unknown kind 'counsel'" in banner.get_text()
    assert page.select_one("article h1").get_text(strip=True).startswith("North Council")  # the last good page
    assert _get(base).select_one(".xp-preview-problems") is not None  # on hand-written pages too
    assert f"north-council.yaml:{line}" in log.read_text(encoding="utf-8")  # and in the terminal
    edit(path, "kind: counsel", "kind: council")
    _until(lambda: _get(base + PAGE).select_one(".xp-preview-problems") is None, "the banner to go")
