"""Escaping and the nesting of overlapping quoted spans."""

import markdown
import pytest

from explainer.markup import md_escape, pieces
from explainer.validate import Span


def span(id_, start, end):
    return Span(id_, "owner", "article", "p", start, end, None)


def test_md_escape_renders_the_same_characters():
    text = "1958. *not bold* _x_ [link](y) <b>&amp; `code` {#id} # hash"
    html = markdown.markdown(md_escape(text), extensions=["attr_list"])
    assert html == "<p>1958. *not bold* _x_ [link](y) &lt;b&gt;&amp;amp; `code` {#id} # hash</p>"


def test_nested_spans_stay_whole():
    out = pieces("abcdefgh", [span("outer", 0, 8), span("inner", 2, 4)])
    assert [(p.kind, p.span.id if p.span else p.text) for p in out] == [
        ("open", "outer"), ("text", "ab"), ("open", "inner"), ("text", "cd"), ("close", "inner"),
        ("text", "efgh"), ("close", "outer")]


def test_crossing_spans_are_split_and_first_fragment_has_the_id():
    out = pieces("abcdef", [span("x", 0, 4), span("y", 2, 6)])
    opens = [(p.span.id, p.first) for p in out if p.kind == "open"]
    assert opens == [("x", True), ("y", True), ("y", False)]
    closes = [(p.span.id, p.last) for p in out if p.kind == "close"]
    assert closes == [("y", False), ("x", True), ("y", True)]
    assert "".join(p.text for p in out) == "abcdef"


@pytest.mark.parametrize("directory_urls", [True, False])
def test_links_in_raw_html_are_the_urls_mkdocs_would_write(directory_urls):
    """The article's note cards are raw HTML, which MkDocs leaves alone: their links must be what it
    writes for Markdown links, with directory URLs (published) and without (the classroom copy)."""
    from mkdocs.utils import get_relative_url

    from explainer.render import page_url, relative_url

    pages = ["index.md", "glossary.md", "actors/index.md", "actors/x.md", "articles/a.md", "classroom/a-handout.md"]
    for target in pages:
        for origin in pages:
            expected = get_relative_url(page_url(target, directory_urls), page_url(origin, directory_urls))
            assert relative_url(page_url(target, directory_urls), page_url(origin, directory_urls)) == expected
    assert page_url("actors/x.md", True) == "actors/x/" and page_url("actors/x.md", False) == "actors/x.html"
