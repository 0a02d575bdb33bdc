"""Issue 14's classes of bad input, each reproduced: the loader answers with file:line and a fix, never a
traceback, never a hang; nothing outside the data folder is read; validate and build agree on ids."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_site
from explainer.safety import markdown_problem, outline_problems
from explainer.text_policy import Strictness, code_point, refusal, visible
from explainer.validate import load_explainer
from helpers import edit, line_of, problems_of

ACTOR = "data/actors/north-council.yaml"


def only(messages: list[str]) -> str:
    assert len(messages) == 1, messages
    return messages[0]


# -- 1. deep nesting: refused at its line, before any recursive code runs --------------------------------


@pytest.mark.parametrize("depth", [40, 500, 1000, 20000])
def test_deep_nesting_is_refused_at_its_line(mini_data: Path, depth: int):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "kind: council", "kind: " + "[" * depth + "council" + "]" * depth)
    line = line_of(path, "kind: [")
    assert only(problems_of(mini_data)) == (
        f"{ACTOR}:{line}: values are nested more than 32 levels deep here; data files need only a few: "
        "close the brackets that are left open, or fix the indentation")


def test_deep_block_nesting_names_the_line_where_it_gets_too_deep(mini_data: Path):
    lines = [f"{'  ' * i}k{i}:" for i in range(700)] + [f"{'  ' * 700}end"]
    (mini_data / "kinds.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert only(problems_of(mini_data)).startswith("data/kinds.yaml:33: values are nested more than 32 levels")


def test_a_few_levels_are_fine(mini_data: Path):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "aims:\n  - Keep the canals full.", "aims:\n  - Keep the canals full.\nextra: " + "[" * 20 + "]" * 20)
    assert only(problems_of(mini_data)).startswith(f"{ACTOR}:")  # an unknown field, not "too deep"
    assert "unknown field 'extra'" in only(problems_of(mini_data))


# -- 2. nothing from outside the data folder -------------------------------------------------------------


def test_a_symlink_to_a_file_elsewhere_is_not_read(mini_data: Path, tmp_path: Path):
    secret = tmp_path / "elsewhere.yaml"
    secret.write_text((mini_data / "actors/river-guild.yaml").read_text(encoding="utf-8").replace(
        "name: River Guild", "name: SECRET FROM ELSEWHERE"), encoding="utf-8")
    (mini_data / "actors/river-guild.yaml").unlink()
    (mini_data / "actors/river-guild.yaml").symlink_to(secret)
    messages = problems_of(mini_data)
    assert messages == ["data/actors/river-guild.yaml:1: a symbolic link is not read: data files must be regular "
                        "files inside the data folder; copy the file here instead of linking to it"]


def test_a_symlinked_folder_is_not_followed(mini_data: Path, tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "ghost.yaml").write_text("id: ghost\n", encoding="utf-8")
    (mini_data / "actors" / "more").symlink_to(outside, target_is_directory=True)
    assert only(problems_of(mini_data)).startswith("data/actors/more:1: a symbolic link is not read")


def test_a_build_with_a_symlink_publishes_nothing_from_it(mini_data: Path, tmp_path: Path):
    secret = tmp_path / "glossary-elsewhere.yaml"
    secret.write_text((mini_data / "glossary.yaml").read_text(encoding="utf-8").replace(
        "The elected council", "SECRET FROM ELSEWHERE"), encoding="utf-8")
    (mini_data / "glossary.yaml").unlink()
    (mini_data / "glossary.yaml").symlink_to(secret)
    build = build_site(tmp_path, mini_data)
    assert build.returncode == 1 and "Traceback" not in build.output
    assert "data/glossary.yaml:1: a symbolic link is not read" in build.output
    assert not (build.site / "glossary" / "index.html").exists()


def test_a_pipe_is_refused_without_blocking(mini_data: Path):
    os.mkfifo(mini_data / "events.yaml.tmp")
    (mini_data / "events.yaml").unlink()
    os.rename(mini_data / "events.yaml.tmp", mini_data / "events.yaml")
    started = time.monotonic()
    messages = problems_of(mini_data)
    assert time.monotonic() - started < 5
    assert "data/events.yaml:1: not a regular file (a pipe, socket or device); data files must be plain files" in messages


def test_a_huge_file_is_refused_before_it_is_read(mini_data: Path, tmp_path: Path):
    """`make site` hashed every data file whole for its cache key: a 1 GB stray file cost 1 GB of memory."""
    huge = mini_data / "actors" / "huge.yaml"
    with huge.open("wb") as out:  # sparse: 2 GiB on paper, nothing on disk
        out.truncate(2 * 1024**3)
    script = (f"import resource, sys; sys.path.insert(0, {str(ROOT / 'hooks')!r})\n"
              "from explainer.pipeline import prepare\nfrom explainer.problems import DataError\n"
              f"try:\n    prepare({str(mini_data)!r}, cache_dir={str(tmp_path / 'cache')!r})\n"
              "except DataError as err:\n    print(err.report())\n"
              "print('peak', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert "data/actors/huge.yaml:1: file is 2097152 KiB; data files must be under 512 KiB" in run.stdout, run.stderr
    peak_kib = int(run.stdout.rsplit("peak", 1)[1])
    assert peak_kib < 400 * 1024, f"{peak_kib} KiB: the file was read"


# -- 3. ids against page paths: validate and build agree ----------------------------------------------


def test_an_actor_called_index_is_refused_by_validate_at_its_id(mini_data: Path, tmp_path: Path):
    path = mini_data / "actors/river-guild.yaml"
    path.rename(mini_data / "actors/index.yaml")
    edit(mini_data / "actors/index.yaml", "id: river-guild", "id: index")
    for data_file in ("actors/north-council.yaml", "events.yaml"):  # references follow the rename
        (mini_data / data_file).write_text((mini_data / data_file).read_text(encoding="utf-8")
                                           .replace("river-guild", "index"), encoding="utf-8")
    line = line_of(mini_data / "actors/index.yaml", "id: index")
    expected = (f"data/actors/index.yaml:{line}: id: the page of actor 'index' would be at actors/index.md, the "
                "place of the actors index; choose another id")
    assert expected in problems_of(mini_data)
    build = build_site(tmp_path, mini_data)
    assert build.returncode == 1 and expected in build.output


def test_a_hand_written_page_at_a_generated_place_is_an_error_naming_both(mini_data: Path, tmp_path: Path):
    docs = tmp_path / "docs"
    (docs / "glossary").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "glossary" / "index.md").write_text("# My glossary\n", encoding="utf-8")
    with pytest.raises(Exception) as err:
        load_explainer(mini_data, docs)
    assert [str(p) for p in err.value.problems] == [
        "docs/glossary/index.md:1: this hand-written page is at the place of the glossary page, which the site "
        "generates; rename or move the page"]
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), str(mini_data), str(docs)],
                         capture_output=True, text=True)
    assert run.returncode == 1 and "docs/glossary/index.md:1:" in run.stderr


def test_validate_checks_the_project_pages():
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


# -- 4. invisible and control characters -------------------------------------------------------------


@pytest.mark.parametrize("char", ["\u202e", "\u202a", "\u2066", "\u2069", "\u200b", "\u2060", "\ufeff", "\u00ad",
                                  "\x00", "\x07", "\x0b", "\x1b", "\x0c", "\x08", "\x85", "\x9b", "\u2028"])
def test_an_invisible_character_in_a_variant_is_refused_by_code_point(mini_data: Path, char: str):
    path = mini_data / "glossary.yaml"
    escape = f"\\u{ord(char):04x}"
    edit(path, "  - NC\n", f'  - "N{escape}C"\n')
    line = line_of(path, f'"N{escape}C"')
    message = only(problems_of(mini_data))
    assert message.startswith(f"data/glossary.yaml:{line}: terms[0].variants[0]: ")
    assert code_point(char) in message and char not in message


def test_a_zero_width_space_typed_into_prose_is_found_on_its_own_line(mini_data: Path):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "description: The North Council is elected", "description: >-\n  The North\n  Council is\u200b elected")
    line = line_of(path, "Council is\u200b")
    assert only(problems_of(mini_data)) == (
        f"{ACTOR}:{line}: description: holds U+200B ZERO WIDTH SPACE, an invisible character (it is kept only as a "
        "joiner between two letters of Arabic-script or Indic text); delete it")


def test_bidi_override_in_a_title_and_control_in_a_paragraph(mini_data: Path):
    path = mini_data / "articles/river-dispute.yaml"
    edit(path, 'title: "The River Dispute"', 'title: "The River \\u202eDispute"')
    edit(path, "text: The North Council signed", 'text: "The North Council signed')
    edit(path, "It is a deal.", 'It is a\\a deal."')  # a YAML escape: BEL
    messages = problems_of(mini_data)
    assert any("title: holds U+202E RIGHT-TO-LEFT OVERRIDE, which silently reorders" in m for m in messages)
    assert any("paragraphs[0].text: holds the control character U+0007 BELL" in m for m in messages), messages


def test_joiners_stay_where_a_script_needs_them():
    persian = "می\u200cخواهم"  # "I want": the non-joiner is part of the spelling
    assert refusal(persian, Strictness.PROSE) is None
    assert refusal(persian, Strictness.EXACT) is not None  # not in names, variants and quotes
    assert refusal("Dae\u200csh", Strictness.PROSE) is not None  # between Latin letters it only hides
    assert refusal("line one\nline\ttwo", Strictness.EXACT) is None


def test_text_is_normalised_to_nfc(mini_data: Path):
    path = mini_data / "glossary.yaml"
    decomposed = unicodedata.normalize("NFD", "Nørth Cöuncil")
    edit(path, "name: Nørth Council", f"name: {decomposed}")
    explainer = load_explainer(mini_data)
    forms = [f for t in explainer.terms for f in t.forms()]
    assert "Nørth Cöuncil" in forms and decomposed not in forms


def test_messages_never_print_invisible_characters(mini_data: Path):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "aims:", "ai\u202ems:")
    message = only(problems_of(mini_data))
    assert "\u202e" not in message and "<U+202E RIGHT-TO-LEFT OVERRIDE>" in message
    assert visible("a\x1b[31mb") == "a<U+001B ESCAPE>[31mb"


# -- 7. messages that point at the real place --------------------------------------------------------


def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path: Path):
    data = tmp_path / "data"
    subprocess.run(["cp", "-r", str(ROOT / "data"), str(data)], check=True)
    path = data / "articles/alliance-vs-isis.yaml"
    edit(path, 'title: "Alliance vs ISIS?"', 'title: "Alliance vs ISIS?')
    line = line_of(path, 'title: "Alliance')
    message = only(problems_of(data))
    assert message.startswith(f"data/articles/alliance-vs-isis.yaml:{line}: a quoted value that starts on this line "
                              "runs on to line ")
    assert "add the missing closing quote" in message


def test_a_folder_in_place_of_a_data_file_is_named_once(mini_data: Path):
    (mini_data / "actors/river-guild.yaml").unlink()
    (mini_data / "actors/river-guild.yaml").mkdir()
    assert problems_of(mini_data) == ["data/actors/river-guild.yaml:1: this is a folder, but the name is that of a "
                                      "data file; move its content out and make it a file"]


# -- 8. structure from prose -------------------------------------------------------------------------


@pytest.mark.parametrize("prose", ["# A heading", "Text.\n\n## Sub-heading", "Title\n=====", "Title\n---"])
def test_headings_in_prose_are_refused(mini_data: Path, prose: str):
    path = mini_data / "actors/north-council.yaml"
    block = "\n".join("  " + line if line else "" for line in prose.split("\n"))
    edit(path, "description: The North Council is elected every four years.", f"description: |-\n{block}")
    message = only(problems_of(mini_data))
    assert message.startswith(f"{ACTOR}:{line_of(path, 'description: |-')}: description: ")
    assert "makes a heading, but the page makes its own headings" in message


def test_a_hash_that_is_no_heading_is_fine():
    assert markdown_problem("Item #3, and a \\# at the start") is None
    assert markdown_problem("A line\n\n---\n\nafter a rule") is None


def test_every_generated_page_has_one_h1(real_build):
    for page in sorted(real_build.site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert len(soup.find_all("h1")) <= 1, page
    assert outline_problems("<h1>a</h1><p>b</p><h1 id=x>c</h1>") == ["2 <h1> headings (a page has one, its title)"]


def test_the_size_cap_is_checked_without_reading(mini_data: Path, monkeypatch):
    big = mini_data / "kinds.yaml"
    with big.open("ab") as out:
        out.truncate(600 * 1024)
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert any("file is 600 KiB" in m for m in problems_of(mini_data))
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before < 50 * 1024


def test_a_last_line_without_its_colon_is_named_inside_the_file(mini_data: Path):
    """Found by `make fuzz` (seed 2026): a file cut short after a word was reported one line past its end."""
    path = mini_data / "kinds.yaml"
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(text + "\n  dangling words", encoding="utf-8")
    lines = path.read_text(encoding="utf-8").count("\n") + 1
    message = only(problems_of(mini_data))
    line = int(message.split(":")[1])
    assert 1 <= line <= lines, message
    assert "add the missing ':'" in message
