"""The hooks' cache of rendered pages may only save time: never stale pages, never a problem hidden."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REAL_DATA, ROOT, build_site
from helpers import edit
from explainer import cache
from explainer.pipeline import prepare
from explainer.problems import DataError

SITE = {"site_name": "Test", "site_url": "https://example.org/", "directory_urls": True}


def _entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("*.json"))


def test_unchanged_data_comes_from_the_cache_and_gives_the_same_pages(mini_data: Path, tmp_path: Path):
    cache_dir = tmp_path / "cache"
    fresh = prepare(mini_data, cache_dir=cache_dir, **SITE)
    again = prepare(mini_data, cache_dir=cache_dir, **SITE)
    assert not fresh.cached and again.cached
    assert again.pages == fresh.pages and again.sections == fresh.sections
    assert again.glossary.state() == fresh.glossary.state()
    assert len(_entries(cache_dir)) == 1


def test_an_edit_is_never_served_from_the_cache(mini_data: Path, tmp_path: Path):
    cache_dir = tmp_path / "cache"
    prepare(mini_data, cache_dir=cache_dir, **SITE)
    edit(mini_data / "actors" / "north-council.yaml", "elected every four years", "elected every five years")
    edited = prepare(mini_data, cache_dir=cache_dir, **SITE)
    page = next(p for p in edited.pages if p.path == "actors/north-council.md")
    assert not edited.cached and "every five years" in page.markdown


def test_site_settings_and_code_are_part_of_the_key(mini_data: Path, tmp_path: Path, monkeypatch):
    key = cache.fingerprint(mini_data, SITE)
    assert cache.fingerprint(mini_data, {**SITE, "site_url": "https://example.net/"}) != key
    assert cache.fingerprint(mini_data, {**SITE, "directory_urls": False}) != key
    code = tmp_path / "code"
    shutil.copytree(cache.CODE, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "CODE", code)
    assert cache.fingerprint(mini_data, SITE) == key  # the same code elsewhere
    template = code / "templates" / "actor.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert cache.fingerprint(mini_data, SITE) != key


def test_data_with_problems_is_always_checked_and_never_stored(mini_data: Path, tmp_path: Path):
    cache_dir = tmp_path / "cache"
    good = mini_data / "actors" / "river-guild.yaml"
    text = good.read_text(encoding="utf-8")
    prepare(mini_data, cache_dir=cache_dir, **SITE)
    good.write_text(text.replace("kind: guild", "kind: gild"), encoding="utf-8")
    with pytest.raises(DataError) as err:
        prepare(mini_data, cache_dir=cache_dir, **SITE)
    assert "unknown kind 'gild'" in err.value.report()
    assert len(_entries(cache_dir)) == 1  # only the good build's entry
    good.write_text(text, encoding="utf-8")
    assert prepare(mini_data, cache_dir=cache_dir, **SITE).cached  # back to the good data: back from the cache


@pytest.mark.parametrize("damage", ["", "{not json", '{"format": 0}', "[1, 2]", '{"format": 1}',
                                    '{"format": 1, "pages": [[1, 2, 3]], "glossary": {}, "sections": []}'])
def test_a_damaged_entry_is_rebuilt_from_the_data(mini_data: Path, tmp_path: Path, damage: str):
    cache_dir = tmp_path / "cache"
    fresh = prepare(mini_data, cache_dir=cache_dir, **SITE)
    (entry,) = _entries(cache_dir)
    entry.write_text(damage, encoding="utf-8")
    rebuilt = prepare(mini_data, cache_dir=cache_dir, **SITE)
    assert not rebuilt.cached and rebuilt.pages == fresh.pages
    assert prepare(mini_data, cache_dir=cache_dir, **SITE).cached  # and written again


def test_an_edit_while_building_is_not_stored_under_the_old_key(mini_data: Path, tmp_path: Path, monkeypatch):
    """A file saved between computing the key and reading the data: the pages are of the new data."""
    from explainer import render

    cache_dir = tmp_path / "cache"
    original = render.render_pages

    def render_then_save(*args, **kwargs):
        pages = original(*args, **kwargs)
        edit(mini_data / "actors" / "north-council.yaml", "every four years", "every five years")
        return pages

    monkeypatch.setattr(render, "render_pages", render_then_save)
    prepare(mini_data, cache_dir=cache_dir, **SITE)
    assert _entries(cache_dir) == []
    monkeypatch.setattr(render, "render_pages", original)
    again = prepare(mini_data, cache_dir=cache_dir, **SITE)
    assert not again.cached and "every five years" in {p.path: p.markdown for p in again.pages}["actors/north-council.md"]


def test_a_process_whose_code_changed_on_disk_neither_reads_nor_stores(mini_data: Path, tmp_path: Path, monkeypatch):
    """`serve` keeps the modules it imported: after a code edit its pages are not the new code's."""
    cache_dir = tmp_path / "cache"
    prepare(mini_data, cache_dir=cache_dir, **SITE)
    monkeypatch.setattr(cache, "IMPORTED_CODE", "an older version of the code")
    stale = prepare(mini_data, cache_dir=cache_dir, **SITE)
    assert not stale.cached and len(_entries(cache_dir)) == 1
    assert cache.fingerprint(mini_data, SITE) is None


def test_compiled_templates_are_kept_per_version_of_the_code(tmp_path: Path, monkeypatch):
    """Jinja keys its bytecode by template source only; the environment's options live in the code."""
    first = cache.templates_dir(tmp_path)
    assert first.is_dir() and first.name == f"templates-{cache.IMPORTED_CODE[:16]}"
    monkeypatch.setattr(cache, "IMPORTED_CODE", "0" * 64)
    second = cache.templates_dir(tmp_path)
    assert second.is_dir() and second != first and not first.exists()


def test_a_hit_keeps_an_entry_longest(mini_data: Path, tmp_path: Path):
    cache_dir = tmp_path / "cache"
    favourite = prepare(mini_data, cache_dir=cache_dir, **SITE)
    previous = "four"
    for years in ("two", "three", "five"):
        edit(mini_data / "actors" / "north-council.yaml", f"every {previous} years", f"every {years} years")
        previous = years
        prepare(mini_data, cache_dir=cache_dir, **SITE)
        edit(mini_data / "actors" / "north-council.yaml", f"every {previous} years", "every four years")
        previous = "four"
        hit = prepare(mini_data, cache_dir=cache_dir, **SITE)
        assert hit.cached and hit.pages == favourite.pages  # and so the most recently used


def test_an_unreadable_data_file_is_a_message(mini_data: Path, monkeypatch):
    target = mini_data / "actors" / "river-guild.yaml"
    real_open = Path.open

    def refuse(path: Path, *args, **kwargs):
        if path == target:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    assert cache.fingerprint(mini_data, SITE)  # no exception: the key only has to differ
    with pytest.raises(DataError) as err:
        prepare(mini_data, **SITE)
    assert f"{mini_data.name}/actors/river-guild.yaml:1: file cannot be read (Permission denied)" in err.value.report()


def test_the_cache_keeps_a_few_entries(mini_data: Path, tmp_path: Path):
    cache_dir = tmp_path / "cache"
    previous = "four"
    for years in ("two", "three", "five", "six", "seven"):
        edit(mini_data / "actors" / "north-council.yaml", f"every {previous} years", f"every {years} years")
        previous = years
        prepare(mini_data, cache_dir=cache_dir, **SITE)
    assert len(_entries(cache_dir)) == cache.KEEP
    assert not list(cache_dir.glob("*.tmp"))


def test_a_build_from_the_cache_is_byte_identical(tmp_path: Path, monkeypatch):
    """The real data built twice with one cache folder: the second build reads the cache, same bytes."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    first = build_site(tmp_path, REAL_DATA, tmp_path / "first")
    assert first.returncode == 0, first.output
    (entry,) = _entries(tmp_path / ".cache" / "explainer")
    stored = entry.stat().st_ino
    second = build_site(tmp_path, REAL_DATA, tmp_path / "second")
    assert second.returncode == 0, second.output
    assert _entries(tmp_path / ".cache" / "explainer") == [entry] and entry.stat().st_ino == stored  # read, not rewritten
    files = sorted(p.relative_to(first.site) for p in first.site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second.site) for p in second.site.rglob("*") if p.is_file())
    assert [str(f) for f in files if (first.site / f).read_bytes() != (second.site / f).read_bytes()] == []


@pytest.mark.parametrize("setting, folder", [(False, None), (True, ".cache/explainer"), ("elsewhere", "elsewhere")])
def test_the_cache_setting(tmp_path: Path, setting, folder):
    build = build_site(tmp_path, ROOT / "tests" / "fixtures" / "mini",
                       extra_config={"extra": {"explainer": {"data": str(ROOT / "tests" / "fixtures" / "mini"), "cache": setting}}})
    assert build.returncode == 0, build.output
    if folder is None:
        assert not (tmp_path / ".cache").exists()
    else:
        assert len(_entries(tmp_path / folder)) == 1


def test_no_cache_is_committed():
    """A cache entry is trusted as the checked pages of its data: one must never arrive with a commit."""
    tracked = subprocess.run(["git", "ls-files", "--", ".cache", "**/.cache/**"], capture_output=True, text=True, cwd=ROOT)
    assert tracked.returncode == 0 and tracked.stdout == ""
    assert ".cache/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_a_template_edit_shows_in_the_next_render_of_the_same_process(mini_data: Path, tmp_path: Path, monkeypatch):
    """`serve` keeps one Jinja environment (and a bytecode folder) between rebuilds: an edited template still shows."""
    from explainer import render
    from explainer.validate import load_explainer

    templates = tmp_path / "templates"
    shutil.copytree(render.TEMPLATES, templates)
    monkeypatch.setattr(render, "TEMPLATES", templates)
    render._environment.cache_clear()
    try:
        explainer = load_explainer(mini_data)
        bytecode = tmp_path / "bytecode"
        bytecode.mkdir()
        before = render.render_pages(explainer, bytecode_dir=bytecode)
        assert list(bytecode.iterdir())  # compiled templates kept for the next process
        actor = templates / "actor.md.j2"
        actor.write_text(actor.read_text(encoding="utf-8") + "\nEdited template.\n", encoding="utf-8")
        after = render.render_pages(explainer, bytecode_dir=bytecode)
        page = {p.path: p.markdown for p in after}["actors/north-council.md"]
        assert "Edited template." in page and page != {p.path: p.markdown for p in before}["actors/north-council.md"]
    finally:
        render._environment.cache_clear()
