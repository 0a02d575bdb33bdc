"""Every page of both builds (the published site and the classroom copy), the theme's HTML included,
passes the W3C Nu HTML checker (npm `vnu-jar`, pinned in package-lock.json; runs on Java)."""

from __future__ import annotations

import json
import subprocess

import pytest

from classroom import make_zip, unzip
from conftest import REAL_DATA
from tools import VNU_JAR, java, npm_package


def nu_check(folder) -> list[dict]:
    """The checker's errors for every HTML file under `folder` (warnings are not errors)."""
    run = subprocess.run([java(), "-jar", str(npm_package(VNU_JAR)), "--errors-only", "--format", "json",
                          "--skip-non-html", str(folder)], capture_output=True, text=True, timeout=600)
    report = json.loads(run.stderr or run.stdout or '{"messages": []}')
    errors = [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]
    assert run.returncode == (1 if errors else 0), run.stderr[-2000:]
    return errors


def _shown(errors: list[dict], folder) -> str:
    return "\n".join(f"{m.get('url', '').split(str(folder))[-1]}:{m.get('lastLine', '?')}: {m['message']}"
                     for m in errors[:40])


@pytest.fixture(scope="module")
def offline_folder(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nu-offline")
    run = make_zip(tmp / "build", REAL_DATA, tmp / "dist")
    assert run.returncode == 0, run.output
    return unzip(next((tmp / "dist").glob("*.zip")), tmp / "unpacked")


def test_the_published_site_is_valid_html(real_build):
    pages = sorted(real_build.site.rglob("*.html"))
    assert len(pages) > 10
    errors = nu_check(real_build.site)
    print(f"Nu HTML checker, published site: {len(pages)} pages, {len(errors)} errors")
    assert errors == [], _shown(errors, real_build.site)


def test_the_classroom_copy_is_valid_html(offline_folder):
    pages = sorted(offline_folder.rglob("*.html"))
    assert len(pages) > 10
    errors = nu_check(offline_folder)
    print(f"Nu HTML checker, classroom copy: {len(pages)} pages, {len(errors)} errors")
    assert errors == [], _shown(errors, offline_folder)


def test_the_checker_finds_what_the_theme_got_wrong(tmp_path):
    """What Material 9.8.1 wrote before the theme overrides (hooks/explainer/theme/) fixed it: the checker must call each an error."""
    (tmp_path / "page.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>'
        '<input type="checkbox" id="a" autocomplete="off"><label for="a" tabindex="">A</label>'
        '<label for="nothing">B</label><figure markdown="0"><figcaption>c</figcaption></figure></body></html>',
        encoding="utf-8")
    messages = " ".join(m["message"] for m in nu_check(tmp_path))
    for expected in ("tabindex", "autocomplete", "“for” attribute", "“markdown” not allowed"):
        assert expected in messages
