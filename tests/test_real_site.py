"""The real site, built from data/: every actor page, every quote link, every correction, every variant."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REAL_DATA
from explainer.report import summarise
from site_pages import content, html_files, note_links, page, resolve, words_of


def article_path(explainer) -> str:
    (article_id,) = explainer.articles
    return f"articles/{article_id}/"


def test_every_actor_has_a_page_with_sources_and_review_date(real_build, explainer):
    for actor in explainer.actors.values():
        soup = content(page(real_build.site, f"actors/{actor.id}/"))
        assert soup.h1.get_text().strip("¶ ") == actor.name
        assert len(soup.find(id="sources").find_next("ol").find_all("li")) >= 2, actor.id
        assert soup.select_one(".xp-reviewed time")["datetime"] == actor.reviewed.isoformat()


def test_article_text_is_verbatim(real_build, explainer):
    (article,) = explainer.articles.values()
    soup = page(real_build.site, article_path(explainer))
    for paragraph in article.paragraphs:
        element = soup.find(id=f"p-{paragraph.id}")
        assert element is not None, paragraph.id
        assert words_of(element) == paragraph.text


def test_article_matches_the_original_text_file(explainer):
    """The data holds the article exactly as supplied (a copy of the original file is kept in the tests)."""
    original = Path(__file__).parent / "fixtures" / "original" / "alliance-vs-isis.txt"
    lines = [line for line in original.read_text(encoding="utf-8").splitlines() if line.strip()]
    (article,) = explainer.articles.values()
    assert [article.title, *(p.text for p in article.paragraphs)] == lines


def test_every_paragraph_is_explained(explainer):
    summary = summarise(explainer)
    assert summary.uncovered == [] and summary.covered == summary.paragraphs


def test_every_quote_link_reaches_its_words_and_comes_back(real_build, explainer):
    site = real_build.site
    checked = 0
    for actor in explainer.actors.values():
        actor_file = site / "actors" / actor.id / "index.html"
        for link in content(page(site, f"actors/{actor.id}/")).select(".xp-cover blockquote a"):
            target, fragment = resolve(site, actor_file, link["href"])
            article = page(site, str(target.relative_to(site)))
            span = article.find(id=fragment)
            assert span is not None and "xp-quote" in span["class"], (actor.id, link["href"])
            back = note_links(article, f"about-{fragment}")
            assert len(back) == 1, fragment
            assert back[0].find_parent(class_="xp-notecard")["data-span"] == fragment
            back_file, back_fragment = resolve(site, target, back[0]["href"])
            assert back_file == actor_file and page(site, f"actors/{actor.id}/").find(id=back_fragment)
            checked += 1
    assert checked == len([s for s in explainer.spans if s.kind == "actor"]) >= len(explainer.actors)


# Each correction the reader must see: (actor, words it covers, what the correction must say).
CORRECTIONS = [
    ("china", "Chinese", r"(?i)four|not (a )?(part|member)"),
    ("russia", "1958", r"1944"),
    ("ypg", "YPG", r"(?i)different|separate|distinct"),
    ("pkk", "PKK", r"(?i)different|separate|distinct"),
    ("peshmerga", "Peshmergha", r"Peshmerga"),
    ("china", "NPC", r"CNPC"),
    ("us-led-coalition", "General Allen", r"(?i)envoy"),
    ("china", "Chinese military advisors", r"(?i)confirm|denied"),
    ("china", "peacekeeping", r"(?i)peacekeep"),
]


@pytest.mark.parametrize("actor_id, words, says", CORRECTIONS)
def test_corrections_are_on_the_explainer_and_at_the_words(real_build, explainer, actor_id, words, says):
    spans = [s for s in explainer.spans_of(actor_id) if s.anchor.correction and words in
             explainer.articles[s.article].paragraphs[[p.id for p in explainer.articles[s.article].paragraphs].index(s.paragraph)].text[s.start:s.end]]
    assert spans, f"{actor_id} has no correction on words containing {words!r}"
    span = spans[0]
    assert re.search(says, span.anchor.correction), span.anchor.correction
    cover = page(real_build.site, f"actors/{actor_id}/").find(id=f"about-{span.id}")
    assert re.search(says, cover.select_one(".admonition.warning").get_text())
    article = page(real_build.site, article_path(explainer))
    refs = note_links(article, f"about-{span.id}")
    assert len(refs) == 1
    card = refs[0].find_parent(class_="xp-notecard")
    assert "xp-notecard-correction" in card["class"] and re.search(says, card.select_one(".xp-correction").get_text())


@pytest.mark.parametrize("form", ["ISIS", "Islāmic State", "Peshmergha", "YPG", "PKK", "Free Syrian Army", "Al Qaeda"])
def test_article_variants_are_marked(real_build, explainer, form):
    article = content(page(real_build.site, article_path(explainer)))
    assert form in [a.get_text() for a in article.select("abbr.xp-term")]


@pytest.mark.parametrize("form", ["ISIL", "Daesh", "Peshmerga", "Islamic State"])
def test_other_variants_are_marked_somewhere(real_build, form):
    site = real_build.site
    found = [f for f in html_files(site) if form in [a.get_text() for a in page(site, str(f.relative_to(site))).select("article abbr.xp-term")]]
    assert found, f"{form} is never marked"


def test_the_verb_is_is_never_marked(real_build):
    site = real_build.site
    for file in html_files(site):
        for abbr in page(site, str(file.relative_to(site))).select("abbr.xp-term"):
            assert abbr.get_text() == "IS" or abbr.get_text().casefold() != "is", file


def test_hand_written_pages_have_tooltips(real_build):
    home = content(page(real_build.site, ""))
    assert home.select("abbr.xp-term[title][tabindex='0']")


def test_no_marks_in_headings_code_links_or_navigation(real_build):
    site = real_build.site
    for file in html_files(site):
        soup = page(site, str(file.relative_to(site)))
        assert not soup.select(":is(h1,h2,h3,h4,h5,h6,a,code,pre,nav,header,title) abbr.xp-term"), file


def test_generator_code_names_nothing_from_the_data(explainer):
    """Another article is a new data folder: no actor id, name or glossary term appears in code."""
    names = {a.id for a in explainer.actors.values()} | {a.name for a in explainer.actors.values()}
    names |= {form for term in explainer.terms for form in term.forms() if len(form) >= 4 and form[0].isupper()}
    code_root = REAL_DATA.parent
    files = [p for d in ("hooks", "scripts") for p in (code_root / d).rglob("*")
             if p.suffix in (".py", ".j2", ".html", ".js")]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        for name in names:
            assert not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text), f"{path}: {name}"
