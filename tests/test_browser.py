"""The site in a real browser: Playwright driving Debian's Chromium (/usr/bin/chromium, no download).

Every check runs twice: on the classroom copy (made like `make offline`, unzipped, opened from
file:// with every request that is not a local file refused and recorded) and on the published build
served on 127.0.0.1. Without Chromium the suite is skipped, except with CI=true, where it fails.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from classroom import AXE

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# WCAG 2.2 A/AA and axe's best-practice rules (landmark-unique, region, heading-order, ...): the theme
# overrides in hooks/explainer/theme/ exist for some of them (the search dialog's name, the sections' names).
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
EXTRA_RULES = ["aria-dialog-name"]
LOCAL_SCHEMES = {"file", "data", "blob", "about"}

# The real site's pages, by kind, as paths in each build (published: directory URLs).
PAGES = {
    "home": ("index.html", ""),
    "articles index": ("articles/index.html", "articles/"),
    "actors index": ("actors/index.html", "actors/"),
    "actor": ("actors/isis.html", "actors/isis/"),
    "article": ("articles/alliance-vs-isis.html", "articles/alliance-vs-isis/"),
    "retelling": ("articles/alliance-vs-isis-in-plain-words.html", "articles/alliance-vs-isis-in-plain-words/"),
    "glossary": ("glossary.html", "glossary/"),
    "teachers": ("teachers.html", "teachers/"),
    "claims": ("claims.html", "claims/"),
    "loaded words": ("wording.html", "wording/"),
    "relationships": ("relationships.html", "relationships/"),
    "timeline": ("timeline.html", "timeline/"),
    "map": ("maps/alliance-vs-isis.html", "maps/alliance-vs-isis/"),
    "actor with a map": ("actors/russia.html", "actors/russia/"),
    "lesson": ("classroom/alliance-vs-isis.html", "classroom/alliance-vs-isis/"),
    "handout": ("classroom/alliance-vs-isis-handout.html", "classroom/alliance-vs-isis-handout/"),
    "key": ("classroom/alliance-vs-isis-key.html", "classroom/alliance-vs-isis-key/"),
    "quiz": ("classroom/alliance-vs-isis-quiz.html", "classroom/alliance-vs-isis-quiz/"),
    "vocabulary": ("classroom/alliance-vs-isis-vocabulary.html", "classroom/alliance-vs-isis-vocabulary/"),
    "briefing": ("classroom/alliance-vs-isis-briefing.html", "classroom/alliance-vs-isis-briefing/"),
}
ACTOR = "Islamic State (ISIS)"  # the name of the "actor" page above


def _chromium_or_skip():
    try:
        from playwright.sync_api import sync_playwright  # noqa: F401
    except ImportError as err:
        problem = f"Playwright is not installed ({err})"
    else:
        problem = None if CHROMIUM.is_file() else (f"no Chromium at {CHROMIUM}; run: sudo apt-get install -y chromium "
                                                   "(make test installs it when run as root)")
    if problem:
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"{problem}: the browser tests cannot be skipped on CI", pytrace=False)
        pytest.skip(problem)


@pytest.fixture(scope="module")
def browser():
    _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# -- the two builds ---------------------------------------------------------------------------------


@dataclass
class Site:
    kind: str  # "offline" or "served"
    base: str  # URL of the site's root folder, ending in "/"
    folder: Path  # the built files

    def url(self, kind: str, fragment: str = "") -> str:
        offline_path, served_path = PAGES[kind]
        return self.base + (offline_path if self.kind == "offline" else served_path) + fragment


@pytest.fixture(scope="module")
def offline_site(real_classroom) -> Site:
    """The classroom copy, built once for the whole run (conftest), opened from its unzipped folder."""
    _, folder = real_classroom
    return Site("offline", folder.as_uri() + "/", folder)


@pytest.fixture(scope="module")
def served_site(real_server, real_build) -> Site:
    """The published build, built and served once for the whole run (conftest)."""
    return Site("served", real_server, real_build.site)


@pytest.fixture(params=["offline", "served"])
def site(request) -> Site:
    return request.getfixturevalue(f"{request.param}_site")


# -- a page that records what goes wrong ------------------------------------------------------------


@dataclass
class Watch:
    site: Site
    outside: list[str] = field(default_factory=list)  # requests that left the copy (offline) or the server
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        if self.site.kind == "offline":
            return parts.scheme in LOCAL_SCHEMES
        return parts.scheme in LOCAL_SCHEMES or url.startswith(self.site.base)

    def assert_clean(self) -> None:
        assert self.outside == [], f"requests outside the site: {self.outside}"
        assert self.console == [], f"console errors: {self.console}"
        assert self.errors == [], f"page errors: {self.errors}"


@contextlib.contextmanager
def _watched_tab(browser, site: Site, width: int = 1280, **options):
    """A fresh browser tab on `site` that records outside requests, console errors and page errors;
    `width` and `options` (e.g. `has_touch=True`, `java_script_enabled=False`) set up its browser."""
    context = browser.new_context(viewport={"width": width, "height": 900}, service_workers="block", **options)
    watch = Watch(site)

    def on_request(request):
        if not watch.allowed(request.url):
            watch.outside.append(request.url)

    def route(route):
        if watch.allowed(route.request.url):
            route.continue_()
        else:
            route.abort()  # the network is cut

    context.on("request", on_request)
    context.route("**/*", route)
    page = context.new_page()
    page.set_default_timeout(5000)
    # A page load goes through the route above, request by request: the article page's many files take
    # longer than 5 s when the machine is busy, and a slow load is not what these tests check.
    page.set_default_navigation_timeout(20_000)
    page.on("console", lambda msg: msg.type == "error" and watch.console.append(f"{page.url}: {msg.text}"))
    page.on("pageerror", lambda err: watch.errors.append(f"{page.url}: {err}"))
    page.watch = watch
    yield page
    context.close()
    watch.assert_clean()


@pytest.fixture
def tab(browser, site):
    with _watched_tab(browser, site) as page:
        yield page


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")


def _heading(page) -> str:
    return page.locator("h1").first.inner_text().rstrip("¶").strip()  # without the permalink sign


def _target(page) -> dict | None:
    return page.evaluate("""() => { const t = document.querySelector(':target');
        if (!t) return null; const s = getComputedStyle(t);
        return {id: t.id, classes: [...t.classList], background: s.backgroundColor,
                outline: s.outlineStyle + ' ' + s.outlineWidth}; }""")


# -- the checks ------------------------------------------------------------------------------------


def test_navigation_home_actor_article_and_back(tab, site):
    _open(tab, site.url("home"))
    tab.locator("article").get_by_role("link", name="The actors").click()
    tab.wait_for_url(site.url("actors index"))
    tab.locator("article").get_by_role("link", name=ACTOR, exact=True).first.click()
    tab.wait_for_url(site.url("actor"))
    assert _heading(tab) == ACTOR
    tab.go_back()
    tab.wait_for_url(site.url("actors index"))
    tab.go_back()
    tab.wait_for_url(site.url("home"))
    tab.locator("article").get_by_role("link", name="The article").click()
    tab.wait_for_url(site.url("articles index"))
    tab.locator("article").get_by_role("link", name="Alliance vs ISIS?").first.click()
    tab.wait_for_url(site.url("article"))
    assert _heading(tab) == "Alliance vs ISIS?"
    # The navigation sidebar reaches every section too.
    tab.locator("nav.md-nav--primary").get_by_role("link", name="Glossary").first.click()
    tab.wait_for_url(site.url("glossary"))
    tab.go_back()
    tab.wait_for_url(site.url("article"))


def test_quote_link_lands_on_the_highlighted_words_and_back(tab, site):
    _open(tab, site.url("actor"))
    quote = tab.locator(".xp-cover blockquote a").first
    cover_id = quote.evaluate("a => a.closest('.xp-cover').id")
    quote.click()
    tab.wait_for_url(lambda url: _same_page_url(url, site, "article") and "#q-" in url)
    target = _target(tab)
    assert target is not None and "xp-quote" in target["classes"]
    assert cover_id == "about-" + target["id"]
    # Visibly highlighted: a background stronger than the other quoted spans', and an outline.
    others = tab.evaluate("""id => [...document.querySelectorAll('.xp-quote:not(:target)')]
        .filter(e => e.dataset.span !== id).map(e => getComputedStyle(e).backgroundColor)""", target["id"])
    assert target["background"] not in {"rgba(0, 0, 0, 0)", *others}
    assert not target["outline"].startswith("none")
    assert tab.locator(":target").is_visible() and _in_viewport(tab, ":target")
    # The card beside the words leads back to the explanation on the actor page.
    back = tab.locator(f"aside.xp-notes .xp-notecard a[href$='#{cover_id}']")
    assert back.count() == 1
    back.scroll_into_view_if_needed()  # as a reader scrolls to the card when it sits below the words
    back.click()
    tab.wait_for_url(site.url("actor", "#" + cover_id))
    assert _target(tab)["id"] == cover_id and _in_viewport(tab, ":target")


def _same_page_url(url: str, site: Site, kind: str) -> bool:
    return url.split("#")[0] == site.url(kind)


def _in_viewport(page, selector: str) -> bool:
    return page.evaluate("""s => { const r = document.querySelector(s).getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight; }""", selector)


def test_search_finds_a_variant_name(tab, site):
    _open(tab, site.url("home"))
    search = tab.locator("input.md-search__input")
    assert search.is_visible()
    search.click()
    tab.keyboard.type("Daesh")  # Material searches on key events; fill() would not trigger it
    results = tab.locator(".md-search-result__item > a")
    results.first.wait_for()
    top = results.first.get_attribute("href")
    assert top.split("#")[0].split("?")[0] == site.url("actor"), top  # the best match is the group's own page
    results.first.click()
    tab.wait_for_url(lambda url: _same_page_url(url.split("?")[0], site, "actor"))
    assert _heading(tab) == ACTOR
    # search.highlight marks the word on the page once the page's scripts have run: wait for it
    tab.locator("mark[data-md-highlight]").first.wait_for(state="attached", timeout=10_000)
    assert tab.locator("mark[data-md-highlight]").count() > 0


def _preview_for(page, term) -> str:
    """The definition the term's preview shows (it opens at once on focus, after a short delay on hover)."""
    preview = page.locator("#xp-preview")
    preview.wait_for(state="visible")
    assert term.get_attribute("aria-expanded") == "true"
    return preview.locator(".xp-preview-text").inner_text()


def _short_of(term) -> str:
    # The preview script keeps the title (the tooltip without JavaScript) as data-short.
    return term.evaluate("e => e.dataset.short")


def test_glossary_preview_on_hover(tab, site):
    _open(tab, site.url("article"))
    term = tab.locator("article abbr.xp-term").first
    definition = _short_of(term)
    term.hover()
    assert definition and _preview_for(tab, term).strip() == definition.strip()


def test_glossary_preview_on_keyboard_focus(tab, site):
    _open(tab, site.url("actor"))
    term = tab.locator("article abbr.xp-term").first
    definition = _short_of(term)
    # Focus whatever comes just before the term in the tab order, then press Tab once.
    term.evaluate("""term => {
        const all = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
            .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0);
        const before = all[all.indexOf(term) - 1];
        before.focus();
    }""")
    tab.keyboard.press("Tab")
    assert term.evaluate("e => e === document.activeElement")
    assert _preview_for(tab, term).strip() == definition.strip()


def test_every_page_loads_cleanly(tab, site, offline_site, capsys):
    """Every page of the copy: no outside request, no console or page error, every picture shown."""
    folder = offline_site.folder
    pages = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 20
    for path in pages:
        _open(tab, site.base + (path if site.kind == "offline" else _directory_url(path)))
        broken = tab.evaluate("() => [...document.images].filter(i => !i.complete || !i.naturalWidth).map(i => i.src)")
        assert broken == [], (path, broken)
        assert tab.locator("h1").count() >= 1, path
    # Search is ready offline too: the index loaded and the worker answers.
    tab.locator("input.md-search__input").click()
    tab.keyboard.type("glossary")
    tab.locator(".md-search-result__item").first.wait_for()
    tab.watch.assert_clean()
    with capsys.disabled():  # shown in every run, not only with -s
        print(f"\nbrowser ({site.kind}): {len(pages)} pages loaded, 0 outside requests, 0 errors", end=" ")


def _directory_url(path: str) -> str:
    """Where the published build (directory URLs) has the page the offline build has at `path`."""
    if path == "index.html" or path.endswith("/index.html"):
        return path.removesuffix("index.html")
    return path.removesuffix(".html") + "/"


def _axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    # preload: false, or axe fetches the stylesheets with XMLHttpRequest, which file:// refuses (a console error).
    return page.evaluate("""([tags, extra]) => axe.run(document, {runOnly: {type: 'tag', values: tags},
            rules: Object.fromEntries(extra.map(r => [r, {enabled: true}])), resultTypes: ['violations'], preload: false})
        .then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary)})))""", [WCAG, EXTRA_RULES])


def _assert_no_violations(page) -> None:
    time.sleep(0.1)  # let Material finish its first render (sidebars, tooltips)
    violations = _axe(page)
    assert violations == [], "\n".join(f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"])
                                       for v in violations)


def test_accessibility_of_every_page(tab, site, offline_site, capsys):
    """axe (WCAG 2.2 AA and best practice) on every page of the build, whatever pages the data makes."""
    folder = offline_site.folder
    pages = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 20
    found = {}
    for path in pages:
        _open(tab, site.base + (path if site.kind == "offline" else _directory_url(path)))
        time.sleep(0.1)  # let Material finish its first render (sidebars, tooltips)
        violations = _axe(tab)
        if violations:
            found[path] = violations
    assert found == {}, "\n".join(f"{path}: {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"])
                                   for path, violations in found.items() for v in violations)
    with capsys.disabled():
        print(f"\naxe ({site.kind}): {len(pages)} pages, WCAG 2.2 AA and best practice, 0 violations", end=" ")


def test_accessibility_of_the_404_page(browser, served_site):
    # 404.html uses root-absolute paths: it is only ever reached on a server, so it is checked there.
    with _watched_tab(browser, served_site) as page:
        _open(page, served_site.base + "404.html")
        _assert_no_violations(page)


def test_printing_a_page_as_a_handout(tab, site):
    _open(tab, site.url("article"))
    tab.emulate_media(media="print")
    for chrome in ["header.md-header", ".md-sidebar--primary", ".md-sidebar--secondary", "footer.md-footer"]:
        assert not tab.locator(chrome).first.is_visible(), chrome
    assert tab.locator("article h1").is_visible() and tab.locator("article .xp-quote").first.is_visible()
    quote = tab.locator("article .xp-quote").first.evaluate("e => getComputedStyle(e).printColorAdjust")
    assert quote == "exact"  # the highlight survives printing
    pdf = tab.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def _rendered_map(page) -> dict:
    """What the browser drew of each map on the page: its outlines image, its size, its markers and
    the boxes of its labels as laid out (real text metrics, not the build's estimate)."""
    return page.evaluate("""() => [...document.querySelectorAll('div.xp-map')].map(m => {
        const img = m.querySelector('img.xp-map-base'), svg = m.querySelector('svg.xp-map-marks');
        const r = svg.getBoundingClientRect();
        return {loaded: img.complete && img.naturalWidth > 0, width: r.width, height: r.height,
                imgHeight: img.getBoundingClientRect().height,
                markers: [...svg.querySelectorAll('g.xp-map-marker')].map(g => g.dataset.place),
                labels: [...svg.querySelectorAll('text')].map(t => { const b = t.getBBox();
                    return {text: t.textContent, x: b.x, y: b.y, x2: b.x + b.width, y2: b.y + b.height}; })};
    })""")


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("kind", ["map", "actor with a map", "timeline"])
def test_maps_show_with_their_outlines_and_labels_apart(browser, site, kind, width):
    with _watched_tab(browser, site, width=width) as page:
        _open(page, site.url(kind))
        maps = _rendered_map(page)
        assert maps, "no map on the page"
        for drawn in maps:
            assert drawn["loaded"], "the outlines image did not load"
            assert drawn["width"] > 300 and abs(drawn["height"] - drawn["imgHeight"]) < 1  # the marks lie on the outlines
            assert drawn["markers"]
            boxes = drawn["labels"]
            for i, a in enumerate(boxes):
                for b in boxes[i + 1:]:
                    apart = a["x2"] <= b["x"] or b["x2"] <= a["x"] or a["y2"] <= b["y"] or b["y2"] <= a["y"]
                    assert apart, (a, b)
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing scrolls sideways


def test_every_map_marker_is_in_the_list_under_it(tab, site):
    _open(tab, site.url("map"))
    markers = _rendered_map(tab)[0]["markers"]
    listed = tab.evaluate("[...document.querySelectorAll('div.xp-map-place')].map(d => d.id.replace('place-', ''))")
    assert sorted(markers) == sorted(listed)
    for place in markers:
        assert tab.locator(f"div#place-{place}").is_visible()


def test_a_place_mark_leads_to_the_map(tab, site):
    _open(tab, site.url("actor with a map"))
    mark = tab.locator("article abbr.xp-term[data-term='tartus']").first
    mark.focus()
    more = tab.locator(".xp-preview a").first
    more.wait_for(state="visible")
    more.click()
    tab.wait_for_url(lambda url: "maps/alliance-vs-isis" in url and url.endswith("#place-tartus"))
    assert tab.locator("div#place-tartus").is_visible()


def test_printing_the_map(tab, site):
    _open(tab, site.url("map"))
    tab.emulate_media(media="print")
    drawn = _rendered_map(tab)[0]
    assert drawn["loaded"] and drawn["width"] > 300
    pdf = tab.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
