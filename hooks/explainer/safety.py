"""No script from data: what the Markdown of a data file may turn into, checked before and after rendering.

Policy (CONTRIBUTING.md explains it to contributors): prose in data files is Markdown without raw
HTML; links are http(s) or mailto (or relative); no `{ ... }` attribute lists. The validator refuses
anything else with a message (`markdown_problem`). As a second line, the hook scans every generated
page's HTML (`html_problems`) and fails the build if a script, a frame, an event handler or a
`javascript:` / `data:` URL got through anyway, so such a page is never published.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown

SAFE_SCHEMES = ("http", "https", "mailto")
BANNED_TAGS = frozenset({
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "link", "meta", "base",
    "form", "input", "button", "textarea", "select", "svg", "math", "template", "noscript", "portal",
})
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "background",
                            "data", "ping", "cite", "longdesc", "lowsrc", "dynsrc"})

HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
# Python-Markdown's attr_list turns `{: onclick=... }` or `{ .class }` into attributes of the element.
_ATTR_LIST = re.compile(r"\{[^{}\n]*\}")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


@functools.cache
def _markdown() -> markdown.Markdown:
    """The Markdown the pages use, for finding every link a text makes (inline, reference, image,
    autolink); made on first use, as a build whose pages come from the cache checks no data text."""
    return markdown.Markdown(extensions=["attr_list", "tables", "footnotes", "def_list"])


def unsafe_url(value: str) -> bool:
    """True if a browser would run or embed something from this URL, or leave the site by `//host`."""
    # Browsers drop tabs and newlines anywhere in a URL and trim control characters and spaces.
    compact = re.sub(r"[\x00-\x20\x7f]", "", value)
    scheme = _SCHEME.match(compact)
    if scheme:
        return scheme.group(1).lower() not in SAFE_SCHEMES
    return compact.startswith(("//", "\\", "/\\"))


def _made_by_templates(tag: str, attrs: list) -> bool:
    """Two inert elements only templates write (data text may hold no HTML at all): structured data
    (`<script type="application/ld+json">`, never run) and the build-time diagram (`<svg class="xp-graph">`,
    whose children are still checked for handlers, styles and URLs like everything else)."""
    values = dict(attrs)
    if tag == "script":
        return values.get("type") == "application/ld+json" and "src" not in values
    return tag == "svg" and "xp-graph" in (values.get("class") or "").split()


def _parses(url: str) -> bool:
    """MkDocs checks every link with urllib, which raises on some malformed ones (`http://[x]/`)."""
    try:
        urlsplit(url)
    except ValueError:
        return False
    return True


_HANDLER = re.compile(r"on[a-z]+")


def _urls_of(name: str, value: str) -> list[str]:
    """The URLs an attribute holds: `srcset` lists "url width" candidates, `ping` space-separated URLs."""
    if name == "srcset":
        return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]
    if name == "ping":
        return value.split()
    return [value] if value else []


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in BANNED_TAGS and not _made_by_templates(tag, attrs):
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if value is None:  # `<p onclick>`: an attribute without a value runs and styles nothing
                continue
            if _HANDLER.fullmatch(name):
                self.problems.append(f"event handler attribute {name}= on <{tag}>")
            elif name == "style":
                self.problems.append(f"style attribute on <{tag}>")
            elif name in URL_ATTRIBUTES:
                for url in _urls_of(name, value):
                    if unsafe_url(url):
                        self.problems.append(f"{name}=\"{value[:40]}\" on <{tag}>")
                    elif not _parses(url):
                        self.problems.append(f"invalid URL {name}=\"{value[:40]}\" on <{tag}>")

    handle_startendtag = handle_starttag


# A quick look for anything the full scan could object to; pages without any (nearly all) skip the
# slow pure-Python HTML parse. Loose on purpose: a false alarm only costs the full scan. It reads the
# lower-cased page, and each pattern starts with a literal character, which the regex engine finds
# with a fast scan (a pattern starting with a class like [\s"'] is tried at every position instead).
# A URL attribute is suspect unless its value is double-quoted printable ASCII without brackets or
# backslashes, with no character reference but `&amp;` (the parse decodes them: `&sol;` is a `/`),
# that plainly starts as http(s), mailto, a fragment, or a relative path (no scheme before the first
# `/`, `#`, `?`).
_PLAIN_URL = r"""(?:https?://|mailto:|#|\.{1,2}/|/(?![/\\])|[a-z0-9_.~%-]+(?=[/#?"]))[!#-%'-Z^-~]*(?:&amp;[!#-%'-Z^-~]*)*"(?=[\s/>])"""


def _after(names) -> str:
    """`=` preceded by one of `names` as an attribute name: a look-behind per name length (they must be fixed)."""
    by_length: dict[int, list[str]] = {}
    for name in sorted(names):
        by_length.setdefault(len(name), []).append(re.escape(name))
    return "|".join(f"(?<=[\\s/\"'](?:{'|'.join(group)})=)" for _, group in sorted(by_length.items()))


_QUICK_LOOK = [
    re.compile(r"<\s*/?\s*(?:" + "|".join(sorted(BANNED_TAGS - {"svg"})) + r")\b"),
    # An <svg> is suspect unless it is the templates' diagram (`class="xp-graph ..."`, which data text,
    # holding no HTML, cannot write); its children meet the other patterns like any element.
    re.compile(r"""<\s*svg\b(?![^<>]*\sclass="xp-graph[\s"])"""),
    re.compile(r"&(?:#|colon;|tab;|newline;)"),  # entities could spell `javascript:` past the URL check
    re.compile(r"=(?<=\s=)"),  # `name = value`: the look-behinds below expect `name=`
    re.compile(r"""on(?<=[\s/"']on)[a-z]+\s*="""),  # event handlers; the name is matched first, then
    re.compile(r"""style(?<=[\s/"']style)\s*="""),  # what stands before it (two patterns: each keeps its prefix)
    re.compile("=(?:" + _after(URL_ATTRIBUTES) + r")(?!\"" + _PLAIN_URL + ")"),
]


def html_problems(html: str) -> list[str]:
    """Script-bearing things in rendered HTML: banned elements, on* and style attributes, unsafe URLs."""
    lowered = html.lower()
    if not any(pattern.search(lowered) for pattern in _QUICK_LOOK):
        return []
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.problems


# Headings: `# Title` (ATX) or a line underlined with `===` / `---` (setext). A heading in prose would
# break the page's outline (a second <h1>, an entry in its table of contents): templates make headings.
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.MULTILINE)
_SETEXT_HEADING = re.compile(r"^ {0,3}\S.*\n {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)


def markdown_problem(text: str) -> str | None:
    """Why a Markdown text from a data file is refused, in a contributor's words; None when it is fine."""
    heading = _ATX_HEADING.search(text) or _SETEXT_HEADING.search(text)
    if heading:
        return ("a line starting with '#' (or underlined with '===' or '---') makes a heading, but the page "
                "makes its own headings; write it as a sentence, or put a backslash before the '#' (\\#)")
    if HTML_TAG.search(text):
        return ("raw HTML is not allowed in data files; write Markdown instead "
                "(for example **bold** or [text](https://example.org))")
    braces = _ATTR_LIST.search(text)
    if braces:
        return (f"'{braces.group(0)[:40]}': curly braces are not allowed in data text (Markdown would read "
                "them as HTML attributes); use ( ) instead")
    if "[" not in text and "<" not in text:
        return None  # no link, image, autolink or footnote can come out of it: skip rendering
    md = _markdown()
    md.reset()
    html = md.convert(text)
    if "<img" in html:
        return ("pictures are not allowed in data text: the classroom copy must work with no network, and a "
                "picture from another site would not; link to it instead: [what it shows](https://...)")
    for found in html_problems(html):
        link = re.search(r'="(.*)" on <', found)
        if link and found.startswith("invalid URL"):
            return f"link '{link.group(1)}' is not a valid URL; check the address and its brackets"
        if link:
            return f"link '{link.group(1)}' is not allowed: links must start with http:// or https://"
        return f"not allowed in data text: {found}"  # pragma: no cover - refused by the checks above
    return None


_H1 = re.compile(r"<h1[\s>]")


def outline_problems(html: str) -> list[str]:
    """A page has one <h1>, its title: a second one (a heading that came from data) breaks its outline."""
    count = len(_H1.findall(html))
    return [f"{count} <h1> headings (a page has one, its title)"] if count > 1 else []
