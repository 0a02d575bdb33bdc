"""A site made with `make new-site` for an invented unit of three articles (a news report, an
official statement, a report in Russian): each article is first-class in the built pages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

UNIT = ROOT / "tests" / "fixtures" / "unit"
BY_DATE = ["Council votes to sell the harbour", "Statement on the harbour", "Гавань продана"]


def _run(*args, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("OFFLINE", None)
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def _unit_site(folder: Path, change=None) -> Path:
    """`scripts/new_site.py` into `folder`, its example data replaced by the unit (then `change(folder)`),
    built strictly."""
    made = _run(sys.executable, ROOT / "scripts" / "new_site.py", folder)
    assert made.returncode == 0, made.stderr
    shutil.rmtree(folder / "data")
    shutil.copytree(UNIT, folder / "data")
    if change:
        change(folder)
    built = _run(sys.executable, "-m", "mkdocs", "build", "--strict", "-f", folder / "mkdocs.yml", cwd=folder)
    assert built.returncode == 0, built.stdout + built.stderr
    return folder


@pytest.fixture(scope="module")
def unit_site(tmp_path_factory) -> Path:
    return _unit_site(tmp_path_factory.mktemp("unit") / "harbour")


def page(site: Path, path: str) -> BeautifulSoup:
    soup = BeautifulSoup((site / "site" / path).read_text(encoding="utf-8"), "html.parser")
    for permalink in soup.select("a.headerlink"):
        permalink.decompose()
    return soup


def test_the_new_site_holds_only_its_own_files(unit_site: Path):
    """The generator brings its parts: the site folder has a config, data and an empty docs/."""
    assert sorted(p.name for p in unit_site.iterdir() if p.name not in ("site", ".cache")) == [".gitignore", "data", "docs", "mkdocs.yml"]
    assert [p.name for p in (unit_site / "docs").iterdir()] == [".gitkeep"]
    assert len((unit_site / "mkdocs.yml").read_text(encoding="utf-8").splitlines()) <= 30
    for asset in ("stylesheets/reading.css", "javascripts/reading.js", "assets/vendor/iframe-worker/shim.js"):
        assert (unit_site / "site" / asset).is_file(), asset


def test_the_unit_names_the_site_and_opens_the_generated_home_page(unit_site: Path):
    home = page(unit_site, "index.html")
    assert home.h1.get_text(strip=True) == "Reading the harbour sale"
    assert home.title.get_text().endswith("Reading the harbour sale")
    assert "Three texts about the sale" in home.select_one("article").get_text()
    listed = [a.get_text(strip=True) for a in home.select("article li a[href*='articles/']")]
    assert listed == BY_DATE
    assert "news report" in home.select_one("article").get_text() and "official statement" in home.select_one("article").get_text()
    # The menu lists the generated home page as "Home", under the site's name (not the name twice).
    first = home.select_one("nav.md-nav--primary > ul > li a")
    assert first.get_text(strip=True) == "Home"


def test_articles_are_listed_by_date_with_their_genre(unit_site: Path):
    index = page(unit_site, "articles/index.html")
    items = index.select("article li")
    assert [li.a.get_text(strip=True) for li in items] == BY_DATE
    assert "official statement" in items[1].get_text()
    # The nav lists them by date too, each with its genre.
    nav = page(unit_site, "articles/index.html").select_one("nav.md-nav--primary")
    listed = [a.get_text(" ", strip=True) for a in nav.select("a[href^='harbour-']")]
    genres = ["news report", "official statement", "news report"]
    assert [n for n in listed if "(" in n] == [f"{title} ({genre})" for title, genre in zip(BY_DATE, genres)]


def test_an_actor_page_groups_its_quotes_by_article_and_says_which(unit_site: Path):
    council = page(unit_site, "actors/harbour-council/index.html")
    headings = [h.get_text(strip=True) for h in council.select("h3")]
    assert headings[:2] == ["In “Council votes to sell the harbour”", "In “Statement on the harbour”"]
    sections = {h.get_text(strip=True): h for h in council.select("h3")}
    news = sections["In “Council votes to sell the harbour”"]
    quote = news.find_next("blockquote").a
    assert quote["href"].startswith("../../articles/harbour-news/#q-harbour-council--")
    statement = sections["In “Statement on the harbour”"]
    assert "The statement is its own." in statement.find_next("p", class_=False).get_text()
    assert statement.find_next("blockquote").a["href"].startswith("../../articles/harbour-statement/#")
    record = sections["Against “Statement on the harbour”"]
    assert "Twelve jobs were lost" in record.find_next("p").get_text()


def test_whether_an_article_names_an_actor_is_per_article(unit_site: Path):
    union = page(unit_site, "actors/dockers-union/index.html")
    assert "Not named in these articles" in union.get_text()
    actors = page(unit_site, "actors/index.html")
    rows = {li.a.get_text(strip=True): li.get_text() for li in actors.select("article li")}
    assert "not named in these articles" in rows["Dockers' Union"]
    assert "not named" not in rows["Blue Line"]  # the statement and the Russian report name it
    blue = page(unit_site, "actors/blue-line/index.html")
    assert "The news report does not name the buyer." in blue.get_text()


def test_who_backs_whom_has_a_page_for_each_article_day(unit_site: Path):
    first = page(unit_site, "relationships/index.html")
    later = page(unit_site, "relationships-2021-04-10/index.html")
    switch = first.select_one("nav.xp-date-switch")
    assert [li.get_text(strip=True) for li in switch.select("li")] == ["1 March 2021", "10 April 2021", "2 May 2021"]
    assert switch.select_one("[aria-current=page]").get_text() == "1 March 2021"
    assert switch.select("a")[0]["href"] == "../relationships-2021-04-10/"
    intro = next(p for p in later.select("article p") if "This page shows" in p.get_text())
    assert "the day “Statement on the harbour” describes" in " ".join(intro.get_text().split())
    assert later.h1.get_text(strip=True) == "Who backs whom on 10 April 2021"
    # The tie that began in April 2021 is not a tie on 1 March, and is one on 10 April.
    assert not first.select("table.xp-matrix .xp-tie-cooperates")
    assert later.select("table.xp-matrix .xp-tie-cooperates")



def test_a_sites_wording_reaches_the_texts_the_drawings_write(unit_site: Path):
    """`texts:` replaces a text the timeline's drawing lays out in Python, not only a template's."""
    titles = [t.get_text() for t in page(unit_site, "timeline/index.html").select("svg.xp-timeline-axis g.xp-tl-strip > text")]
    assert "Mar to Apr 2021, one tick a week" in titles
    assert not any("a tick every week" in title for title in titles)

def test_glossary_backlinks_group_by_article(unit_site: Path):
    glossary = page(unit_site, "glossary/index.html")
    entry = glossary.find(id="quay").find_parent("dt") or glossary.find(id="quay")
    text = glossary.get_text(" ", strip=True)
    assert "Used in the articles:" in text
    block = glossary.find(string=lambda s: s and "Used in the articles:" in s).find_next("ul")
    assert entry is not None and block is not None
    groups = [li.em.get_text(strip=True) for li in glossary.select("li") if li.em and li.em.get_text(strip=True) in BY_DATE]
    assert {"Council votes to sell the harbour", "Гавань продана"} <= set(groups)


def test_quotes_in_another_script_get_readable_ids(unit_site: Path):
    article = page(unit_site, "articles/harbour-ru/index.html")
    ids = [el["id"] for el in article.select("[id^='q-blue-line--']")]
    assert ids and all("синяя" in i or "компания" in i for i in ids), ids
    assert not article.select("[id*='--quote']")


def test_make_targets_take_the_sites_config(unit_site: Path):
    config = unit_site / "mkdocs.yml"
    validated = _run("make", "--no-print-directory", "validate", f"CONFIG={config}")
    assert validated.returncode == 0 and "data is valid" in validated.stdout, validated.stderr
    broken = unit_site / "data" / "actors" / "blue-line.yaml"
    text = broken.read_text(encoding="utf-8")
    try:
        broken.write_text(text.replace("Компания «Синяя линия»", "Компания «Синяя линия» X"), encoding="utf-8")
        failed = _run("make", "--no-print-directory", "validate", f"CONFIG={config}")
        assert failed.returncode != 0
        assert f"{broken.as_posix()}:" in failed.stderr, failed.stderr  # outside the working folder: the full path
        assert "Traceback" not in failed.stderr
    finally:
        broken.write_text(text, encoding="utf-8")
    actor = _run("make", "--no-print-directory", "new-actor", "ID=harbour-pilots", f"CONFIG={config}")
    try:
        assert actor.returncode == 0, actor.stderr
        assert (unit_site / "data" / "actors" / "harbour-pilots.yaml").is_file()
        assert f"CONFIG={config.as_posix()}" in actor.stdout
    finally:
        (unit_site / "data" / "actors" / "harbour-pilots.yaml").unlink(missing_ok=True)


def test_an_unknown_setting_is_a_message(tmp_path: Path):
    folder = tmp_path / "site"
    assert _run(sys.executable, ROOT / "scripts" / "new_site.py", folder).returncode == 0
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    data: data", "    data: data\n    cahce: false"), encoding="utf-8")
    built = _run(sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, cwd=folder)
    assert built.returncode != 0
    assert "unknown setting `extra.explainer.cahce` (did you mean `cache`?); known settings: data, cache" in built.stdout + built.stderr
    assert "Traceback" not in built.stdout + built.stderr
    validated = _run("make", "--no-print-directory", "validate", f"CONFIG={config}")
    assert "unknown setting `extra.explainer.cahce`" in validated.stderr


def test_an_article_in_another_language_is_marked_as_such(unit_site: Path):
    article = page(unit_site, "articles/harbour-ru/index.html")
    assert article.h1["lang"] == "ru"
    paragraphs = article.select(".xp-para")
    assert paragraphs and all(p["lang"] == "ru" for p in paragraphs)
    assert page(unit_site, "articles/index.html").find("a", string="Гавань продана")["lang"] == "ru"
    assert not page(unit_site, "articles/harbour-news/index.html").select("[lang=ru]")


def test_a_headline_is_quoted_like_a_paragraph(unit_site: Path):
    article = page(unit_site, "articles/harbour-news/index.html")
    quoted = article.h1.select_one("span[id^='q-harbour-council--council-votes']")
    assert quoted is not None and quoted.get_text() == "Council votes"
    council = page(unit_site, "actors/harbour-council/index.html")
    link = council.select_one(f"blockquote a[href$='#{quoted['id']}']")
    assert link is not None and "(the headline)" in link.find_parent("blockquote").get_text()


def test_timeline_events_are_placed_after_the_article_they_follow(unit_site: Path):
    timeline = page(unit_site, "timeline/index.html")
    tags = {e["id"]: (e.select_one(".xp-after-tag").get_text(strip=True) if e.select_one(".xp-after-tag") else None)
            for e in timeline.select(".xp-event-entry[id]") if not e["id"].startswith("the-article-")}
    assert tags["council-vote"] is None  # the day of the first article
    assert tags["sale-agreed"] == "After “Council votes to sell the harbour”"  # April: maybe before the 10th
    assert tags["jobs-lost"] == "After “Гавань продана”"
    assert [e["id"] for e in timeline.select(".xp-event-article")] == [
        "the-article-harbour-news", "the-article-harbour-statement", "the-article-harbour-ru"]
    vote = timeline.find(id="council-vote")
    assert "(Council votes to sell the harbour)" in vote.get_text(" ", strip=True).replace("( ", "(").replace(" )", ")")


def test_a_unit_gives_its_own_wording_for_a_topic_text(unit_site: Path):
    intro = page(unit_site, "actors/index.html").select_one("article p")
    assert intro.get_text(strip=True) == "The council, the company and the union the three texts name, each with its ties and sources."


def test_the_classroom_download_says_it_in_the_unit_s_own_words(tmp_path: Path):
    """The download marker on a hand-written page takes its text from the catalogue with the unit's
    `texts:` replacements, like the generated pages."""
    own = "Ask the harbour school's library for the classroom copy of this site."

    def change(folder: Path) -> None:
        (folder / "docs" / "teachers.md").write_text("# For teachers\n\n<!-- classroom-download -->\n", encoding="utf-8")
        unit = folder / "data" / "unit.yaml"
        unit.write_text(unit.read_text(encoding="utf-8").replace("texts:\n", f"texts:\n  pages.download.none: \"{own}\"\n"),
                        encoding="utf-8")

    site = _unit_site(tmp_path / "harbour", change)
    text = page(site, "teachers/index.html").select_one("article").get_text(" ", strip=True)
    assert own in text and "built without the download" not in text


@pytest.mark.parametrize("article, form", [("harbour-news", "news"), ("harbour-statement", "statement")])
def test_an_article_is_spoken_of_as_what_it_is(unit_site: Path, article: str, form: str):
    """A news report *reports* and a statement *states*: their pages use their form's words, never the
    opinion piece's ("argues", "the author")."""
    from explainer.catalogue import TEXTS

    retelling = TEXTS["pages"]["retelling"]
    reading = page(unit_site, f"articles/{article}/index.html")
    heading = reading.select_one(".xp-summary-label").get_text(strip=True)
    assert heading == TEXTS["article"]["summary_heading"][form] != TEXTS["article"]["summary_heading"]["opinion"]
    assert "argues" not in heading
    link = reading.select_one(".xp-retelling-link").get_text(" ", strip=True)
    assert f"({retelling['link_note'][form]})" in link and "author" not in link
    note = page(unit_site, f"articles/{article}-in-plain-words/index.html").select_one(".xp-retelling-note")
    assert note.select_one(".admonition-title").get_text(strip=True) == retelling["note_title"][form]
    words = " ".join(note.get_text(" ", strip=True).split())
    assert "author" not in words and f"the {dict(news='reporter', statement='statement')[form]}" in words


def test_an_unknown_text_key_is_a_message_with_its_line(tmp_path: Path):
    from helpers import line_of, problems_of

    data = tmp_path / "data"
    shutil.copytree(UNIT, data)
    unit = data / "unit.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("pages.actors.intro_unit:", "pages.actor.intro_unit:"),
                    encoding="utf-8")
    assert problems_of(data) == [f"data/unit.yaml:{line_of(unit, 'pages.actor.intro_unit')}: texts.pages.actor.intro_unit: "
                                 "unknown text 'pages.actor.intro_unit' (did you mean 'pages.actors.intro_unit'?)"]


def test_a_site_outside_git_is_versioned_by_its_data(tmp_path: Path):
    """The classroom zip of a site in no git repository is named after its data, not after the
    generator's commit: the same data gives the same name, an edit a new one."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from classroom_copy import site_version

    made = _run(sys.executable, ROOT / "scripts" / "new_site.py", tmp_path / "site")
    assert made.returncode == 0, made.stderr
    config = tmp_path / "site" / "mkdocs.yml"
    first = site_version(config)
    assert re.fullmatch(r"data-[0-9a-f]{10}", first) and site_version(config) == first
    unit = tmp_path / "site" / "data" / "unit.yaml"
    unit.write_text(unit.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert site_version(config) not in {first, ""}


def test_a_lesson_asks_about_the_actors_its_article_names():
    """Questions on an actor belong to the lessons of the articles that name or quote it, not to every lesson."""
    import dataclasses

    from explainer import model
    from explainer.validate import load_explainer

    question = model.Question(ask="Who sold the harbour?", answer="The council did.")
    unit = dataclasses.replace(load_explainer(UNIT), actor_questions={
        "blue-line": [question], "harbour-council": [question], "dockers-union": [question]})
    asked = {article: [actor.id for actor, _ in unit.questions_for(article)] for article in unit.articles}
    assert asked == {"harbour-news": ["harbour-council"], "harbour-statement": ["blue-line", "harbour-council"],
                     "harbour-ru": ["blue-line"]}


def test_each_article_has_its_own_classroom_pack(unit_site: Path):
    """Two lessons, each on its article: listed by date in the nav, each asking about the actors its
    article names, each handout saying what to mark for its kind of text."""
    nav = page(unit_site, "index.html").select_one("nav.md-nav--primary")
    classroom = [a.get_text(" ", strip=True) for a in nav.select("a[href*='classroom/']")]
    assert [c for c in classroom if c.startswith("Lesson plan")] == [
        "Lesson plan: Council votes to sell the harbour", "Lesson plan: Statement on the harbour"]
    news = page(unit_site, "classroom/harbour-news/index.html").select_one("article")
    statement = page(unit_site, "classroom/harbour-statement/index.html").select_one("article")
    asked = {name: [h.get_text(strip=True) for h in lesson.select("h3")] for name, lesson in
             (("news", news), ("statement", statement))}
    assert "Blue Line" not in " ".join(asked["news"]) and any("Harbour Council" in h for h in asked["news"])
    assert any("Blue Line" in h for h in asked["statement"])
    margin = {form: page(unit_site, f"classroom/{article}-handout/index.html").select_one(".xp-sheet-intro").get_text(" ", strip=True)
              for form, article in (("news", "harbour-news"), ("statement", "harbour-statement"))}
    assert "who the report quotes" in margin["news"] and "what the statement asks for or promises" in margin["statement"]
    assert not any("writer's feelings" in text for text in margin.values())


def test_claims_and_loaded_words_say_which_article_they_are_in(unit_site: Path):
    claims = page(unit_site, "claims/index.html").select_one("article")
    headings = [h.get_text(strip=True) for h in claims.select("h2")]
    assert [h for h in headings if h in BY_DATE] == BY_DATE[:2]  # the articles with claims, by date
    wording = " ".join(page(unit_site, "wording/index.html").select_one("article").get_text().split())
    assert "(paragraph 2 of “Statement on the harbour”)" in wording
