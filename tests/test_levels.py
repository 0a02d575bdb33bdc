"""Two reading levels: the simple versions in the data, their checks, their grades and their pages.

The data: a simple version stands beside a standard text (`simple:`), and a paragraph may be retold
(`retelling:`); a simple text with nothing to simplify, or a list simplified to another length, is
one clear message. The grades: every text of the real data meets its level's target (textstat's
Flesch-Kincaid grade), and `make validate` says so. The pages: both levels are in the HTML (so
search finds both), marked for the switch; the article's retelling has its own page with the
article's paragraph numbers, labelled as the site's summary.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINI, REAL_DATA, ROOT, build_site
from helpers import edit, line_of, problems_of
from site_pages import content, page

from explainer import levels
from explainer.validate import load_explainer

ACTOR = "data/actors/north-council.yaml"


def only(messages: list[str]) -> str:
    assert len(messages) == 1, messages
    return messages[0]


# --- the data ------------------------------------------------------------------------------------


def test_a_simple_version_needs_a_standard_text_beside_it(mini_data: Path):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "aims:\n", "simple:\n  record: Simple words about a record there is not.\naims:\n")
    message = only(problems_of(mini_data))
    assert message.startswith(f"{ACTOR}:{line_of(path, 'simple:')}:"), message
    assert "`simple.record` has no standard `record`" in message and "add `record:` or remove `simple.record`" in message


def test_simple_aims_are_one_for_each_standard_aim(mini_data: Path):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "aims:\n", "simple:\n  aims: [Keep water in., And more.]\naims:\n")
    message = only(problems_of(mini_data))
    assert message.startswith(f"{ACTOR}:{line_of(path, 'simple:')}:"), message
    assert "`simple.aims` has 2 items and `aims` has 1" in message and "one simple item for each" in message


def test_an_unknown_key_under_simple_is_named(mini_data: Path):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "aims:\n", "simple:\n  descripton: A typo.\naims:\n")
    message = only(problems_of(mini_data))
    assert message.startswith(f"{ACTOR}:{line_of(path, 'descripton')}:"), message
    assert "descripton" in message


def test_a_retelling_is_one_paragraph(mini_data: Path):
    path = mini_data / "articles/river-dispute.yaml"
    text = path.read_text(encoding="utf-8")
    first_text = next(line for line in text.splitlines() if line.strip().startswith("text:"))
    indent = first_text[: len(first_text) - len(first_text.lstrip())]
    edit(path, first_text, f"{first_text}\n{indent}retelling: |\n{indent}  One line.\n{indent}  Two lines.")
    message = only(problems_of(mini_data))
    assert message.startswith(f"data/articles/river-dispute.yaml:{line_of(path, 'retelling:')}:"), message
    assert "one paragraph" in message


def test_missing_simple_versions_are_listed_not_refused(mini_data: Path):
    explainer = load_explainer(mini_data)  # the invented data has no simple versions: still valid
    gaps = levels.missing(explainer)
    assert "actor:north-council description" in gaps
    assert any(g.startswith("retelling:river-dispute#1") for g in gaps)


# --- the grades ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    return load_explainer(REAL_DATA)


def test_every_explainer_text_of_the_real_data_has_a_simple_version(real):
    assert levels.missing(real) == []


@pytest.mark.parametrize("level", list(levels.Level))
def test_each_level_meets_its_target(real, level):
    grades = [g for g in levels.measure(real) if g.level == level]
    assert grades, level
    misses = [f"{g.key} ({g.grade:.1f})" for g in grades if g.misses]
    assert misses == [], f"above grade {levels.TARGETS[level]:g}: {misses}"


def test_simple_texts_read_easier_than_their_standard_ones(real):
    grades = {(g.key, g.level): g.grade for g in levels.measure(real)}
    harder = [key for (key, level), value in grades.items()
              if level == levels.Level.simple and value > grades[(key, levels.Level.standard)] + 0.5]
    assert harder == []
    simple = [v for (k, lv), v in grades.items() if lv == levels.Level.simple]
    standard = [v for (k, lv), v in grades.items() if lv == levels.Level.standard]
    assert sum(simple) / len(simple) <= 6 and sum(standard) / len(standard) <= 8


def test_grades_come_from_textstat():
    import textstat

    text = "The cat sat on the mat. It was a sunny day, and the children played outside until dinner."
    assert levels.grade(text) == pytest.approx(textstat.flesch_kincaid_grade(text))
    assert levels.grade("Short words. Short lines.") < levels.grade(
        "Considerable international disagreement characterised the deliberations concerning intervention.")


def test_make_validate_reports_each_level_and_what_misses(mini_data: Path):
    real_run = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), str(REAL_DATA)],
                              capture_output=True, text=True)
    assert real_run.returncode == 0, real_run.stderr
    lines = real_run.stdout.splitlines()
    for level, target in (("standard", "9"), ("simple", "6"), ("retelling", "7")):
        line = next(l for l in lines if l.startswith(f"reading level {level} "))
        assert f"target {target} or below" in line and "mean" in line and "highest" in line and "0 misses" in line
    assert "texts with no simple version yet: 0" in lines
    # A simple text that reads too hard is named, with its grade.
    path = mini_data / "actors/north-council.yaml"
    edit(path, "aims:\n", "simple:\n  description: >-\n    Notwithstanding considerable institutional "
                          "complications, the quadrennially constituted council deliberates comprehensively.\naims:\n")
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), str(mini_data)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    simple = next(l for l in run.stdout.splitlines() if l.startswith("reading level simple "))
    assert "1 miss" in simple
    assert "  above target: actor:north-council" in run.stdout


# --- the pages -----------------------------------------------------------------------------------


def test_both_levels_are_in_the_page_and_the_standard_one_comes_first(real_build, real):
    soup = page(real_build.site, "actors/ypg/")
    actor = real.actors["ypg"]
    blocks = content(soup).select(".xp-level")
    assert blocks, "no levelled text on the YPG page"
    standard = [b for b in blocks if "xp-level-standard" in b["class"]]
    simple = [b for b in blocks if "xp-level-simple" in b["class"]]
    assert len(standard) == len(simple)
    words = " ".join(simple[0].get_text().split())
    assert words.startswith(" ".join(actor.simple.description.split())[:60])
    # Each simple block follows its standard one.
    for block in simple:
        previous = block.find_previous_sibling(class_="xp-level")
        assert previous is not None and "xp-level-standard" in previous["class"]
    # The correction, in an admonition, is one admonition per level.
    corrections = content(soup).select(".admonition.warning")
    assert sorted(" ".join(c["class"]) for c in corrections) == [
        "admonition warning xp-level xp-level-simple", "admonition warning xp-level xp-level-standard"]


def test_every_page_with_explainer_prose_carries_both_levels(real_build):
    for url in ["glossary/", "timeline/", "claims/", "wording/", "actors/", "articles/alliance-vs-isis/"]:
        blocks = content(page(real_build.site, url)).select(".xp-level")
        levels_seen = {c for b in blocks for c in b["class"] if c in ("xp-level-standard", "xp-level-simple")}
        assert levels_seen == {"xp-level-standard", "xp-level-simple"}, url


def test_search_index_holds_both_levels(real_build, real):
    index = json.loads((real_build.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(" ".join(doc["text"].split()) for doc in index["docs"])
    term = real.term("levant")
    simple_words = " ".join(term.simple.definition.split())[:50]
    standard_words = " ".join(term.definition.split())[:50]
    assert simple_words in text and standard_words in text


def test_the_retelling_page_numbers_paragraphs_as_the_article_does(real_build, real):
    article = real.articles["alliance-vs-isis"]
    soup = page(real_build.site, "articles/alliance-vs-isis-in-plain-words/")
    body = content(soup)
    note = body.select_one(".xp-retelling-note")
    assert note is not None and "not the author's words" in note.get_text()
    retold = body.select(".xp-retold")
    expected = [p for p in article.paragraphs if p.retelling]
    assert [r["id"] for r in retold] == [f"p-{p.id}" for p in expected]
    for block, paragraph in zip(retold, expected):
        number = real.paragraph_number(article.id, paragraph.id)
        head = block.select_one(".xp-retold-head")
        assert head.strong.get_text() == f"Paragraph {number}"
        link = head.select_one("a")["href"]
        assert link.endswith(f"#p-{paragraph.id}")
        assert " ".join(paragraph.retelling.split())[:40] in " ".join(block.get_text().split())
    # The article page links to it, and the article's own words are not in it.
    article_page = content(page(real_build.site, "articles/alliance-vs-isis/"))
    assert article_page.select_one(".xp-retelling-link a")["href"].startswith("../alliance-vs-isis-in-plain-words")
    assert article.paragraphs[1].text[:60] not in body.get_text()


def test_no_retelling_page_without_retold_paragraphs(mini_build):
    assert not (mini_build.site / "articles" / "river-dispute-in-plain-words").exists()
    assert (mini_build.site / "articles" / "river-dispute").exists()
    assert content(page(mini_build.site, "articles/river-dispute/")).select_one(".xp-retelling-link") is None


def test_without_simple_versions_pages_have_no_level_marks(mini_build):
    assert content(page(mini_build.site, "actors/north-council/")).select(".xp-level") == []


def test_a_second_article_gets_its_own_retelling(tmp_path: Path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    (data / "articles" / "second-dispute.yaml").write_text(
        "id: second-dispute\ntitle: \"A Second Dispute\"\nprovenance: Invented for the tests.\nparagraphs:\n"
        "  - id: only\n    text: Mills stood still for a week while lawyers argued.\n"
        "    retelling: The second article, told simply.\n", encoding="utf-8")
    build = build_site(tmp_path, data)
    assert build.returncode == 0, build.output
    retold = content(page(build.site, "articles/second-dispute-in-plain-words/"))
    assert "The second article, told simply." in retold.get_text()
    assert retold.select_one(".xp-retold")["id"] == "p-only"
    assert not (build.site / "articles" / "river-dispute-in-plain-words").exists()
