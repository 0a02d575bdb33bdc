"""`make publish`: the site with the classroom zip inside it, offered on the teachers page with the
zip's real size and contents, read from the zip at build time; `make site` stays without it."""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import MINI, REAL_DATA, ROOT, build_site, write_config
from site_pages import page, resolve


def _with_zip(data_dir: Path, zip_path: Path | str) -> dict:
    return {"extra": {"explainer": {"data": str(data_dir), "classroom_zip": str(zip_path)}}}


def _download_section(site: Path):
    soup = page(site, "teachers/")
    heading = soup.find(id="get-the-classroom-copy")
    assert heading is not None
    section = []
    for el in heading.find_next_siblings():
        if el.name == "h2":
            break
        section.append(el)
    return soup, section


def _small_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name in ("copy/index.html", "copy/actors/a.html", "copy/404.html", "copy/style.css"):
            archive.writestr(name, "x" * 100)
    return path


def test_the_zip_is_published_and_described_from_itself(tmp_path: Path):
    zip_path = _small_zip(tmp_path / "river-classroom-v1.zip")
    build = build_site(tmp_path, MINI, extra_config=_with_zip(MINI, zip_path))
    assert build.returncode == 0, build.output
    published = build.site / "downloads" / "river-classroom-v1.zip"
    assert published.read_bytes() == zip_path.read_bytes()
    soup, section = _download_section(build.site)
    text = " ".join(" ".join(el.get_text(" ", strip=True).split()) for el in section)
    size = zip_path.stat().st_size
    assert f"{size / 1e6:.2f} MB, {size:,} bytes" in text
    assert "one folder, copy : 2 pages" in text and "4 files in all" in text  # the 404 page is not counted
    link = section[0].find("a")
    assert link.get_text(strip=True) == "Download the classroom copy"
    target, _ = resolve(build.site, build.site / "teachers" / "index.html", link["href"])
    assert target == published
    # The classroom pages it holds, by their titles, in the order of the menu.
    names = [a.get_text(strip=True) for a in section[1].find_all("a")]
    assert names[0] == "Lesson plan: The River Dispute" and names[-1] == "Teacher briefing: The River Dispute"
    assert len(names) == len(set(names)) >= 3
    assert "classroom-download" not in str(soup)  # the marker itself is gone


def test_quick_build_says_how_the_zip_is_made(mini_build):
    _, section = _download_section(mini_build.site)
    text = " ".join(el.get_text(" ", strip=True) for el in section)
    assert "built without the download" in text and "make publish" in text and "make offline" in text
    assert not (mini_build.site / "downloads").exists()


@pytest.mark.parametrize("problem", ["missing", "not a zip"])
def test_a_bad_zip_setting_stops_the_build_with_its_path(tmp_path: Path, problem: str):
    zip_path = tmp_path / "broken.zip"
    if problem == "not a zip":
        zip_path.write_text("not a zip", encoding="utf-8")
    build = build_site(tmp_path, MINI, extra_config=_with_zip(MINI, zip_path))
    assert build.returncode != 0
    assert "classroom_zip (CLASSROOM_ZIP)" in build.output and str(zip_path) in build.output
    assert ("there is no file at" if problem == "missing" else "not a readable zip") in build.output
    assert "Traceback" not in build.output


def test_make_publish_builds_the_zip_then_the_site_with_it_inside(tmp_path: Path):
    # The real target, pointed at a config in a temporary folder: the zip goes to dist/ and the site
    # to site/ beside that config, and the site's teachers page offers that very zip.
    config = write_config(tmp_path, REAL_DATA)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("OFFLINE", None)
    env.pop("CLASSROOM_ZIP", None)
    run = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "publish", f"CONFIG={config}"],
                         capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    (zip_path,) = (tmp_path / "dist").glob("*.zip")
    site = tmp_path / "site"
    assert (site / "downloads" / zip_path.name).read_bytes() == zip_path.read_bytes()
    with zipfile.ZipFile(zip_path) as archive:
        pages = [n for n in archive.namelist() if n.endswith(".html") and not n.endswith("/404.html")]
    _, section = _download_section(site)
    text = " ".join(" ".join(el.get_text(" ", strip=True).split()) for el in section)
    size = zip_path.stat().st_size
    assert f"{size / 1e6:.2f} MB, {size:,} bytes" in text and f": {len(pages)} pages" in text
    assert "Teacher briefing: Alliance vs ISIS?" in text
    assert "classroom_zip: !ENV [CLASSROOM_ZIP, \"\"]" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "<!-- classroom-download -->" in (ROOT / "docs" / "teachers.md").read_text(encoding="utf-8")
