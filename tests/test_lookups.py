"""The lookups that keep rendering linear: spans, paragraphs, events and terms by id, quoted words
kept on the span, relative links, and the glossary walk over many blocks. Each must give what a scan
of the whole list gives."""

from __future__ import annotations

import posixpath
import re

import markdown

from conftest import MINI
from explainer.glossary_marker import GlossaryExtension, GlossaryIndex
from explainer.model import Term
from explainer.render import page_paths, render_pages
from explainer.validate import load_explainer


def test_span_lookups_match_a_scan_of_every_span():
    ex = load_explainer(MINI)
    assert ex.spans
    for span in ex.spans:
        paragraph = next(p for p in ex.articles[span.article].paragraphs if p.id == span.paragraph)
        assert span.words == paragraph.text[span.start:span.end]
        assert ex.paragraph(span.article, span.paragraph) is paragraph
        assert ex.spans_of(span.owner, span.kind) == [s for s in ex.spans if s.owner == span.owner and s.kind == span.kind]
        assert ex.spans_in(span.article, span.paragraph) == [
            s for s in ex.spans if (s.article, s.paragraph) == (span.article, span.paragraph)]
    assert ex.span_of("claim", "no-such-claim") is None
    assert ex.find_paragraph(next(iter(ex.articles)), "no-such-paragraph") is None
    for event in ex.events:
        assert ex.event(event.id) is event
    for term in ex.terms:
        assert ex.term(term.id) is term


def test_render_pages_returns_what_it_built_and_reuses_what_it_is_given():
    ex = load_explainer(MINI)
    pages = render_pages(ex)
    assert pages.paths == page_paths(ex) and isinstance(pages.glossary, GlossaryIndex)
    again = render_pages(ex, paths=pages.paths, glossary=pages.glossary)
    assert again == pages and again.paths is pages.paths and again.glossary is pages.glossary


def test_links_are_relative_to_the_linking_page():
    """Relative URLs are remembered per folder of the linking page: each must still resolve from its page."""
    ex = load_explainer(MINI)
    targets = set(page_paths(ex).values())
    checked = 0
    for page in render_pages(ex):
        for url in re.findall(r"\]\(([^)\s#]+\.md)(?:#[^)\s]*)?[)\s]", page.markdown):
            assert posixpath.normpath(posixpath.join(posixpath.dirname(page.path), url)) in targets, (page.path, url)
            checked += 1
    assert checked > 20


TERMS = [
    Term(id="alpha", term="Alpha", short="First.", definition="Long text."),
    Term(id="beta", term="beta", case="insensitive", short="Second.", definition="Long text."),
]


def _html(text: str, every: bool) -> str:
    extension = GlossaryExtension()
    extension.index = GlossaryIndex(TERMS)
    extension.every = every
    html = markdown.markdown(text, extensions=[extension])
    return html


def test_marks_in_text_and_tails_keep_their_order_on_a_page_of_many_blocks():
    blocks = "\n\n".join(f"Alpha and *beta* then Beta, alpha and **x** Alpha {i}." for i in range(300))
    html = _html(blocks, every=True)
    assert html.count('data-term="alpha"') == 600 and html.count('data-term="beta"') == 600
    first = html.split("</p>")[0]
    assert first == ('<p><abbr class="xp-term" data-term="alpha" tabindex="0" title="First.">Alpha</abbr> and '
                     '<em><abbr class="xp-term" data-term="beta" tabindex="0" title="Second.">beta</abbr></em> then '
                     '<abbr class="xp-term" data-term="beta" tabindex="0" title="Second.">Beta</abbr>, alpha and '
                     '<strong>x</strong> <abbr class="xp-term" data-term="alpha" tabindex="0" title="First.">Alpha</abbr> 0.')
    once = _html(blocks, every=False)
    assert once.count("<abbr") == 2  # the first "Alpha" and the first "beta"; "Beta" is the same form
