"""Every word the generator writes comes from its catalogue (hooks/explainer/texts/en.yaml).

The real site is built with a unit that replaces every catalogue text by a pseudo-translation: the
same words with accented letters ("Ŵĥáť ťĥé áŕťíçĺé..."), as translators' tools test software before
a second language. Any plain-letter word left on a page is then either the site's own data (the
article, the actors, the glossary...) or a text written in code or a template, which a second
language could not reach: the test names each one and the page it is on.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from babel.dates import get_month_names
from bs4 import BeautifulSoup, Comment

from conftest import REAL_DATA, ROOT, build_site
from explainer.render import page_url

DOCS = ROOT / "docs"

PLAIN, PSEUDO = ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                 "áƀçďéƒĝĥíĵķĺɱńóƥɋŕšťúṽŵẋýžÁƁÇĎÉƑĜĤÍĴĶĹṀŃÓƤɊŔŠŤÚṼŴẊÝŽ")
ACCENTED = str.maketrans(PLAIN, PSEUDO)
# Kept as they are in a text: placeholders, Markdown link targets and HTML entities.
KEPT = re.compile(r"\{[^}]*\}|\]\([^)]*\)|&\w+;")
# The words of a page a reader meets as text: element text and these attributes.
READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "aria-description", "aria-roledescription")
LETTERS = re.compile(r"[A-Za-z]{2,}")


def pseudo(text: str) -> str:
    """`text` with every plain letter accented, its placeholders and link targets untouched."""
    out, last = [], 0
    for kept in KEPT.finditer(text):
        out += [text[last:kept.start()].translate(ACCENTED), kept.group()]
        last = kept.end()
    return "".join(out + [text[last:].translate(ACCENTED)])


def _leaves(texts: dict, prefix: str = ""):
    for key, value in texts.items():
        if isinstance(value, dict):
            yield from _leaves(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def _strings(value) -> list[str]:
    """Every string in a YAML document: the site's own words, which may stand on any page."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


UNIT = ROOT / "tests" / "fixtures" / "unit"


def _pseudo_texts(unit_file: Path) -> list[str]:
    """Give the unit in `unit_file` every catalogue text, pseudo-translated; return the texts that
    cannot come from data (they hold HTML), which stay English."""
    from explainer.catalogue import TEXTS

    unit = yaml.safe_load(unit_file.read_text(encoding="utf-8"))
    replaced, kept = {}, []
    for key, value in _leaves(TEXTS):
        if not isinstance(value, str):
            continue
        if "<" in value:  # a text with HTML in it cannot come from data: it stays English here
            kept.append(value)
            continue
        replaced[key] = pseudo(" ".join(value.split()))  # a site's texts are one line each
    unit["texts"] = replaced
    unit_file.write_text(yaml.safe_dump(unit, allow_unicode=True, sort_keys=True), encoding="utf-8")
    return kept


@pytest.fixture(scope="module", params=["real site", "unit of three articles"])
def pseudo_site(request, tmp_path_factory):
    """(site folder, hand-written pages' folder, the words the site may show that are not the catalogue's)."""
    tmp = tmp_path_factory.mktemp("pseudo")
    if request.param == "real site":
        source, data, docs = REAL_DATA, tmp / "data", DOCS
        shutil.copytree(source, data)
        kept = _pseudo_texts(data / "unit.yaml")
        build = build_site(tmp, data)
        assert build.returncode == 0, build.output
        site = build.site
    else:  # a site of its own, with the home page it generates
        source, folder = UNIT, tmp / "harbour"
        made = subprocess.run([sys.executable, ROOT / "scripts" / "new_site.py", folder], capture_output=True, text=True)
        assert made.returncode == 0, made.stderr
        shutil.rmtree(folder / "data")
        shutil.copytree(source, folder / "data")
        kept = _pseudo_texts(folder / "data" / "unit.yaml")
        built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", folder / "mkdocs.yml"],
                               capture_output=True, text=True, cwd=folder)
        assert built.returncode == 0, built.stdout + built.stderr
        site, docs = folder / "site", folder / "docs"
    own = [s for path in sorted(source.rglob("*.yaml")) for s in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))]
    months = [m for width in ("wide", "abbreviated") for m in get_month_names(width, locale="en").values()]
    return site, docs, _normal("\x00".join(own + kept + months))


def _normal(text: str) -> str:
    """Text as a page shows it, to compare: one space for any run of them, no emphasis marks, any case."""
    return re.sub(r"[ \t\n]+", " ", text.replace("*", "")).casefold()


def _read_words(soup: BeautifulSoup) -> list[str]:
    """The texts of a page's content a reader meets: its words and the names of its controls."""
    content = soup.select_one("main .md-content")
    for hidden in content.select("script, style, code, a.headerlink"):
        hidden.decompose()
    texts = [str(s) for s in content.find_all(string=True) if not isinstance(s, Comment)]
    texts += [el[a] for el in content.find_all(True) for a in READ_ATTRIBUTES if el.get(a)]
    return texts


def test_every_word_the_generator_writes_comes_from_the_catalogue(pseudo_site):
    site, docs, own = pseudo_site
    leaks: dict[str, set[str]] = {}
    # The site's hand-written pages (docs/) are its own content, like its data.
    own_pages = {page_url(p.relative_to(docs).as_posix(), True) + "index.html" for p in docs.rglob("*.md")}
    # Material's own 404 page is the theme's, in the theme's language (`theme.language`), like its menus.
    own_pages.add("404.html")
    pages = [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).as_posix() not in own_pages]
    assert len(pages) > 15
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if soup.select_one("main .md-content") is None:
            continue
        for text in _read_words(soup):
            # The pseudo-translated words are the catalogue's; between them stands the data.
            # Data joined in code by punctuation ("name: note", "title (date)") counts as data.
            for piece in re.split(rf"[{PSEUDO}]+|[.,:;]\s|\s\(|\)\s?|…|\s[–—·]\s|\s“", text):
                piece = piece.strip(" \n\t.,:;!?()[]“”\"'‘’–—-·/|%+×#*0123456789")
                if LETTERS.search(piece) and _normal(piece) not in own:
                    leaks.setdefault(piece, set()).add(path.relative_to(site).as_posix())
    shown = "\n".join(f"  {piece!r} on {', '.join(sorted(where)[:3])}" + (f" and {len(where) - 3} more" if len(where) > 3 else "")
                      for piece, where in sorted(leaks.items()))
    assert not leaks, f"{len(leaks)} texts on the pages are not in the catalogue:\n{shown}"
