"""No script from data: a corpus of XSS payloads through every text field of the small data set.

Each payload is either refused by the validator with a message naming the field, or, where it is
accepted (plain-text fields are escaped, harmless text stays text), the built HTML holds nothing
live: no script or frame from data, no event-handler attribute, no javascript:/data: URL.
"""

from __future__ import annotations

import fnmatch
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, build_site
from explainer import model
from explainer.loader import _inner_model
from explainer.safety import html_problems, markdown_problem, unsafe_url
from helpers import edit, problems_of

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=https://evil.example></iframe>",
    "<style>body{display:none}</style>",
    "[x](javascript:alert(1))",
    "[x]( javascript:alert(1) )",
    "[x](JaVaScRiPt:alert(1))",
    "[x](<javascript:alert(1)>)",
    "<javascript:alert(1)>",
    "[x][1]\n\n[1]: javascript:alert(1)",
    "[x]\n\n[x]: <javascript:alert(1)>",
    "[x](jav&#x61;script:alert(1))",
    "[x](jav&#97;script:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "![x](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "Text\n{: onclick=\"alert(1)\" }",
    "Text { onclick=alert(1) }",
    "[x](https://example.org){: onmouseover=alert(1) }",
    "[x](//evil.example/x)",
]
# Accepted in Markdown fields, and harmless there: the build test proves they stay text.
HARMLESS = [
    "[x](https://example.org \"t\" onclick=alert(1))",
    "[x](https://example.org\"onclick=\"alert(1))",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "`<script>alert(1)</script>`",
]
# Text that is data about the data, not prose: ids, references, dates, quotes of the article.
NOT_TEXT = {"id", "paragraph", "quote", "prefix", "suffix", "target", "type", "kind", "case", "sources",
            "actor", "article", "date", "since", "until", "url", "reviewed", "plurals"}


def _is_markdown(file: str, path: tuple) -> bool:
    """Whether the model reads the value at `path` as Markdown (prose rendered as HTML)."""
    schema = next(m for pattern, m in model.FILE_MODELS.items() if fnmatch.fnmatch(file, pattern))
    info = None
    for part in (p for p in path if not isinstance(p, int)):
        if schema is None or part not in schema.model_fields:
            return False
        info = schema.model_fields[part]
        schema = _inner_model(info.annotation)
    return info is not None and "_check_markdown" in repr((info.annotation, info.metadata))


def _text_leaves(data, path=()):
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in NOT_TEXT:
                yield from _text_leaves(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _text_leaves(value, path + (i,))
    elif isinstance(data, str):
        yield path


def _set(data, path, value):
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def _fill(data_dir: Path, make_value) -> dict[str, list[tuple]]:
    """Replace every text value of every file by `make_value(file, path, old)`; returns the paths per file."""
    touched = {}
    for file in sorted(data_dir.rglob("*.yaml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        rel = file.relative_to(data_dir).as_posix()
        leaves = list(_text_leaves(data))
        for path in leaves:
            old = data
            for key in path:
                old = old[key]
            new = make_value(rel, path, old)
            if new is not None:
                _set(data, path, new)
        touched[rel] = leaves
        file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return touched


def _dotted(path) -> str:
    return re.sub(r"\.\[", "[", ".".join(f"[{p}]" if isinstance(p, int) else p for p in path))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_refused_in_every_markdown_field(mini_data: Path, payload: str):
    touched = _fill(mini_data, lambda rel, path, old: f"{old} {payload}")
    messages = problems_of(mini_data)
    assert messages, "the payload was accepted everywhere"
    for rel, leaves in touched.items():
        for path in leaves:
            if _is_markdown(rel, path):
                prefix = f"data/{rel}:"
                where = f": {_dotted(path)}: "
                hits = [m for m in messages if m.startswith(prefix) and where in m]
                assert hits, f"{payload!r} not refused in {rel} {_dotted(path)}"
                assert re.search(r"raw HTML is not allowed|links must start with http|curly braces are not allowed|pictures are not allowed",
                                 hits[0]), hits[0]
    assert not any("Traceback" in m for m in messages)


def test_accepted_payloads_stay_dead_in_the_built_html(mini_data: Path, tmp_path: Path):
    """Every text field gets every payload its validator accepts; the site builds and nothing is live."""
    # A lesson's vocabulary must be words of the article, and a payload in a term's name changes its
    # words: keep only the term whose plural (not text, so left alone) the article uses.
    edit(mini_data / "classroom.yaml", "vocabulary: [sluice, guild-pact]", "vocabulary: [sluice]")
    pending: dict[tuple[str, tuple], list[str]] = {}
    for payload in PAYLOADS + HARMLESS:
        for field in _accepting_fields(mini_data, payload, tmp_path):
            pending.setdefault(field, []).append(payload)
    assert pending
    rounds = 0
    while pending:  # short fields (a word limit) take a few payloads per build
        rounds += 1
        data = tmp_path / f"round-{rounds}" / "data"
        shutil.copytree(mini_data, data)
        now = {field: payloads[:2] if field[1][-1] in ("summary", "short") else payloads
               for field, payloads in pending.items()}
        _fill(data, lambda rel, path, old: " ".join([old, *now[(rel, path)]]) if (rel, path) in now else None)
        if problems_of(data):  # too long together (a length limit): one payload per build for those
            shutil.rmtree(data)
            shutil.copytree(mini_data, data)
            now = {field: payloads[:1] for field, payloads in pending.items()}
            _fill(data, lambda rel, path, old: " ".join([old, *now[(rel, path)]]) if (rel, path) in now else None)
        assert problems_of(data) == []
        build = build_site(data.parent, data)
        assert build.returncode == 0, build.output
        _assert_nothing_live(build.site)
        pending = {f: p[len(now[f]):] for f, p in pending.items() if p[len(now[f]):]}
    assert rounds < 40


def _assert_nothing_live(site: Path):
    pages = list(site.rglob("*.html"))
    assert any("alert(1)" in p.read_text(encoding="utf-8") for p in pages), "payloads should appear, as text"
    for file in pages:
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":  # never run; the payload must stay inside a JSON string
                json.loads(script.get_text())
                continue
            assert "alert" not in script.get_text() and "evil" not in script.get("src", ""), file
        for tag in soup.find_all(["iframe", "style", "object", "embed", "foreignobject"]):
            assert "alert" not in str(tag) and "evil" not in str(tag) and "display:none" not in str(tag), file
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                value = " ".join(value) if isinstance(value, list) else value
                assert not (name.startswith("on") and "alert" in value), (file, tag)
                if name in ("href", "src", "action", "formaction", "xlink:href"):
                    assert not unsafe_url(value), (file, tag)


def _accepting_fields(mini_data: Path, payload: str, tmp_path: Path) -> list[tuple[str, tuple]]:
    """Fields of the mini data set that accept `payload` (each filled alone, all at once per payload)."""
    copy = tmp_path / f"probe-{abs(hash(payload))}"
    shutil.copytree(mini_data, copy)
    touched = _fill(copy, lambda rel, path, old: f"{old} {payload}")
    messages = problems_of(copy)
    out = []
    for rel, leaves in touched.items():
        for path in leaves:
            where = re.compile(rf":\d+: {re.escape(_dotted(path))}[.:]")  # `aliases[0]` is read as `aliases[0].name`
            refused = any(m.startswith(f"{copy.name}/{rel}:") and where.search(m) for m in messages)
            if not refused:
                out.append((rel, path))
    shutil.rmtree(copy)
    return out


def test_the_html_guard_finds_what_the_validator_refuses():
    html = ('<p><a href="jav&#x61;script:alert(1)">x</a><img src="data:image/svg+xml,x" onerror="alert(1)">'
            '<script>alert(1)</script><a href=" java\tscript:x">y</a><a href="https://example.org">ok</a></p>')
    found = html_problems(html)
    assert sorted(found) == sorted(['href="javascript:alert(1)" on <a>', 'event handler attribute onerror= on <img>',
                                    'src="data:image/svg+xml,x" on <img>', "<script> element",
                                    'href=" java\tscript:x" on <a>'])
    assert html_problems('<p><a href="https://example.org/a?b=c#d">ok</a> <a href="../x.md">rel</a></p>') == []


@pytest.mark.parametrize("snippet", [
    '<a href="javascript:alert(1)">x</a>', '<A HREF="JavaScript:alert(1)">x</A>', "<a href='javascript:alert(1)'>x</a>",
    "<a href=javascript:alert(1)>x</a>", '<a href = "vbscript:x">x</a>', '<a href="//evil.example/">x</a>',
    '<a href="/\\evil.example/">x</a>', '<a href="http://[x]/">x</a>', '<a href=" javascript:x">x</a>',
    '<a href="ja\nvascript:x">x</a>', '<a href="java&#x09;script:x">x</a>', '<a href="javascript&colon;x">x</a>',
    '<img src="data:image/png;base64,AAAA">', '<form action="javascript:x"></form>', '<p onclick="x()">x</p>',
    '<p ONMOUSEOVER="x()">x</p>', '<p style="background:url(x)">x</p>', '<iframe src="https://example.org"></iframe>',
    '<ScRiPt>x()</ScRiPt>', '<a href="https://example.org/\u00e9" ping="javascript:x">x</a>',
    '<img/onerror="x()" src="a.png">', '<p\tSTYLE = "x">x</p>', '<a xlink:href="javascript:x">x</a>',
    '<a title="x" href="data:text/html,x">x</a>', '</p><object data="x.swf"></object>',
    '<a href="/&bsol;evil.example/">x</a>', '<a href="/&sol;evil.example/">x</a>',
    '<a href="https://&lbrack;x&rbrack;/">x</a>', '<img srcset="a.png 1x, //evil.example/b.png 2x">',
    '<img srcset="data:image/png;base64,AAAA 1x">', '<a href="https://example.org/" ping="x.html javascript:x">x</a>',
    '<svg><circle r="1"/></svg>', '<SVG class="xp-graphs"></SVG>', '<svg class="xp-graph" onload="x()"></svg>',
    '<svg class="xp-graph"><script>x()</script></svg>', '<svg class="xp-graph"><a href="javascript:x">x</a></svg>',
])
def test_the_quick_look_lets_no_unsafe_snippet_through(snippet: str):
    """Pages skip the full parse when a quick look finds nothing: it must never miss what the parse finds."""
    assert html_problems(f"<article><p>Some text.</p>{snippet}<p>More.</p></article>")


def test_character_references_cannot_spell_a_link_past_the_check():
    assert "not allowed" in markdown_problem("See [x](/&bsol;evil.example/).")


def test_attributes_without_a_value_run_nothing():
    assert html_problems('<p onclick>x</p><p style>y</p><p on-click="x" on="y">z</p>') == []


def test_ordinary_pages_skip_the_full_parse(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("full parse run on an ordinary page")

    monkeypatch.setattr("explainer.safety._Scanner", refuse)
    page = ('<article><h1 id="x">T</h1><p>See <a href="../actors/river-guild/#q-x--y">a</a>, '
            '<a href="https://example.org/a?b=c&amp;d=e#f" title="It\'s &quot;here&quot;">b</a>, '
            '<a href="mailto:team@example.org">c</a>, <a href="glossary.html#term">d</a>, <a href="/abs/">e</a>, '
            '<a href="#top">f</a>, <img alt="" src="../assets/x.png"> <abbr class="xp-term" data-term="t" '
            'tabindex="0" title="A short, plain definition.">T</abbr>: whatever data-is= "here"</p>'
            '<svg aria-labelledby="t" class="xp-graph xp-graph-ego" viewBox="0 0 10 10" role="img"><title id="t">T</title>'
            '<a href="../actors/x/"><text x="1" y="1">X</text></a><line x1="0" y1="0" x2="1" y2="1"/></svg></article>')
    assert html_problems(page) == []


def test_a_generated_page_with_a_live_script_fails_the_build(mini_data: Path, tmp_path: Path):
    """If the validator ever missed one, the hook stops the build: simulate with a template that emits one."""
    hooks = tmp_path / "hooks"
    shutil.copytree(ROOT / "hooks", hooks)
    template = hooks / "explainer/templates/actor.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + '\n<a href="javascript:alert(1)">x</a>\n', encoding="utf-8")
    build = build_site(tmp_path, mini_data, extra_config={"hooks": [str(hooks / "explainer_hooks.py")]})
    assert build.returncode == 1
    assert 'generated page would contain href="javascript:alert(1)" on <a>; nothing was built' in build.output
    assert "Traceback" not in build.output
