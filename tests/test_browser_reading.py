"""The article's reading view in a real browser, as a reader meets it: at 390, 768 and 1,280 px, on
the classroom copy from file:// with the network cut and on the published build.

What is measured: the text of every paragraph holds no note text and nothing but glossary marks is
drawn on it in Read mode; every passage's card is reached in one gesture (beside the text on a wide
screen, in a sheet on a phone) and marks its words; modes are remembered; term previews show a
definition and a link without covering the line; landing on a link marks its words; targets are at
least 24 x 24 px; nothing scrolls sideways; axe (WCAG 2.2 A/AA) finds nothing, sheet open or not.
"""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import REAL_DATA
from test_browser import _axe, _open, _watched_tab, browser, offline_site, served_site, site  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser

WIDTHS = [390, 768, 1280]
ARTICLE = yaml.safe_load((REAL_DATA / "articles" / "alliance-vs-isis.yaml").read_text(encoding="utf-8"))


def _article(tab, site, fragment: str = "") -> None:
    _open(tab, site.url("article", fragment))
    tab.wait_for_selector("#xp-modes fieldset")  # the reading script has run


# What Read mode may draw on the words: nothing but the glossary's dotted underline and the cues.
_DRAWN_SHARE = """() => {
    let drawn = 0, all = 0;
    for (const p of document.querySelectorAll('.xp-paragraph')) {
        const walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let node = walk.nextNode(); node; node = walk.nextNode()) {
            if (node.parentElement.closest('.xp-pnum, .xp-cue, .xp-label, .xp-visually-hidden')) continue;
            const n = node.textContent.trim().length;
            all += n;
            for (let e = node.parentElement; e && e !== p.parentElement; e = e.parentElement) {
                if (e.matches('abbr.xp-term')) continue;
                const s = getComputedStyle(e);
                const filled = s.backgroundColor !== 'rgba(0, 0, 0, 0)' && s.backgroundColor !== 'transparent';
                const lined = s.borderBottomStyle !== 'none' || s.textDecorationLine !== 'none' && !e.matches('a, abbr');
                if (e !== p && (filled || lined)) { drawn += n; break; }
            }
        }
    }
    return drawn / all;
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_read_mode_is_the_text_alone(browser, site, width, capsys):
    with _watched_tab(browser, site, width) as tab:
        _article(tab, site)
        assert tab.locator("#xp-reader").get_attribute("data-mode") == "read"
        # Each paragraph says exactly the article's words, once the number and the cues are set aside.
        texts = tab.evaluate("""() => [...document.querySelectorAll('.xp-paragraph')].map(p => {
            const c = p.cloneNode(true);
            c.querySelectorAll('.xp-pnum, .xp-cue, .xp-label').forEach(e => e.remove());
            return c.textContent.trim(); })""")
        assert texts == [p["text"] for p in ARTICLE["paragraphs"]]
        # Numbers in the margin count body paragraphs only; captions have none.
        numbers = tab.evaluate("() => [...document.querySelectorAll('.xp-para')].map(p => "
                               "(p.querySelector('.xp-pnum') || {}).textContent || null)")
        body = [p for p in ARTICLE["paragraphs"] if p.get("kind", "paragraph") == "paragraph"]
        assert [n for n in numbers if n] == [f"Paragraph {k}" for k in range(1, len(body) + 1)]
        assert tab.locator(".xp-pnum").first.evaluate("e => e.getBoundingClientRect().right") <= \
            tab.locator(".xp-paragraph").first.evaluate("e => e.getBoundingClientRect().left + 1")
        share = tab.evaluate(_DRAWN_SHARE)
        assert share == 0
        assert tab.evaluate("document.documentElement.scrollWidth") == width
        with capsys.disabled():
            print(f"\narticle {site.kind} {width}px: Read mode highlights {share:.0%} of the text", end=" ")


@pytest.mark.parametrize("width", WIDTHS)
def test_controls_are_at_least_24_px(browser, site, width, capsys):
    with _watched_tab(browser, site, width) as tab:
        _article(tab, site)
        sizes = tab.evaluate("""() => [...document.querySelectorAll('a.xp-cue, .xp-mode label, a.xp-passage-num')]
            .filter(e => e.getClientRects().length).map(e => { const r = e.getBoundingClientRect();
                return [e.className || e.textContent, r.width, r.height]; })""")
        assert sizes and all(w >= 24 and h >= 24 for _, w, h in sizes), [s for s in sizes if s[1] < 24 or s[2] < 24][:5]
        smallest = min(min(w, h) for _, w, h in sizes)
        with capsys.disabled():
            print(f"\narticle {site.kind} {width}px: smallest control {smallest:.1f} px", end=" ")


def test_wide_screen_notes_sit_beside_their_paragraph_and_mark_their_words(browser, site):
    with _watched_tab(browser, site, 1280) as tab:
        _article(tab, site)
        for para in tab.locator(".xp-para.xp-has-notes").all():
            text, notes = para.locator(".xp-paragraph"), para.locator("aside.xp-notes")
            assert notes.is_visible()
            assert notes.bounding_box()["x"] >= text.bounding_box()["x"] + text.bounding_box()["width"]
            assert abs(notes.bounding_box()["y"] - text.bounding_box()["y"]) < 4  # level with it
        # Pointing at a card marks its words; moving away unmarks them.
        card = tab.locator(".xp-notecard[data-span]").nth(4)
        span_id = card.get_attribute("data-span")
        words = tab.locator(f".xp-paragraph [data-span='{span_id}']")
        card.hover()
        assert "xp-lit" in words.first.get_attribute("class")
        assert words.first.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
        tab.mouse.move(5, 450)
        assert "xp-lit" not in words.first.get_attribute("class")
        # Focusing the card's link by keyboard does the same.
        card.locator("a").focus()
        assert "xp-lit" in words.first.get_attribute("class")


def test_wide_screen_cue_brings_its_card_into_view(browser, site):
    with _watched_tab(browser, site, 1280) as tab:
        _article(tab, site)
        # The last passage of the longest paragraph: its notes start below the visible part of the column.
        cue = tab.locator("#p-russian-airstrikes-begin a.xp-cue").last
        group_id = cue.get_attribute("href")[1:]
        cue.click()
        group, notes = tab.locator(f"[id='{group_id}']"), tab.locator("#p-russian-airstrikes-begin aside.xp-notes")
        box, view = group.bounding_box(), notes.bounding_box()
        assert view["y"] - 1 <= box["y"] < view["y"] + view["height"]
        assert "xp-current" in group.get_attribute("class")
        assert tab.evaluate("id => document.activeElement.id === id", group_id)
        assert "xp-active" in tab.locator(f"[data-passage='{group_id}'].xp-passage").get_attribute("class")
        assert tab.evaluate("location.hash") == ""  # the page did not jump


@pytest.mark.parametrize("width", [390, 768])
def test_phone_cue_opens_a_sheet_that_closes_and_gives_focus_back(browser, site, width):
    with _watched_tab(browser, site, width, has_touch=True) as tab:
        _article(tab, site)
        assert not tab.locator("aside.xp-notes").first.is_visible()  # notes wait behind their cues
        cue = tab.locator("#p-us-on-back-burner a.xp-cue").nth(1)
        group_id = cue.get_attribute("href")[1:]
        cue.tap()
        sheet = tab.locator("dialog.xp-sheet")
        assert sheet.is_visible() and sheet.locator(f"[id='{group_id}'] .xp-notecard").count() >= 1
        # The words stay in sight above the sheet, and the page does not scroll behind it.
        words_top = tab.locator(f"[data-passage='{group_id}'].xp-passage").evaluate("e => e.getBoundingClientRect().top")
        assert 0 <= words_top < sheet.bounding_box()["y"] - 20
        before = tab.evaluate("scrollY")
        tab.mouse.wheel(0, 400)
        assert tab.evaluate("scrollY") == before
        assert tab.evaluate("document.activeElement.className") == "xp-sheet-close"
        assert sheet.bounding_box()["y"] + sheet.bounding_box()["height"] <= 900 + 1  # at the bottom, on screen
        assert _axe(tab) == []
        tab.keyboard.press("Escape")
        assert not sheet.is_visible()
        assert tab.locator(f"#p-us-on-back-burner aside.xp-notes [id='{group_id}']").count() == 1  # back in place
        tab.wait_for_function("document.activeElement.classList.contains('xp-cue')")  # once it has closed
        # The close button, reached by keyboard alone.
        tab.keyboard.press("Enter")
        assert sheet.is_visible()
        tab.keyboard.press("Enter")  # focus is on Close
        assert not sheet.is_visible()
        # Tapping the passage's words (not a term in them) opens its notes as well.
        x, y = tab.evaluate("""id => { const p = document.getElementById(id);
            const walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
            for (let t = walk.nextNode(); t; t = walk.nextNode()) {
                if (t.parentElement.closest('abbr') || t.textContent.trim().length < 3) continue;
                const r = document.createRange(); r.setStart(t, 0); r.setEnd(t, 2);
                const b = r.getBoundingClientRect(); return [b.left + b.width / 2, b.top + b.height / 2]; } }""",
                            tab.locator(f"[data-passage='{group_id}'].xp-passage").get_attribute("id"))
        tab.touchscreen.tap(x, y)
        assert sheet.is_visible() and sheet.locator(f"[id='{group_id}']").count() == 1
        tab.locator(".xp-sheet-close").tap()
        assert tab.evaluate("document.documentElement.scrollWidth") == width


def test_modes_show_claim_types_or_every_note_and_are_remembered(browser, site):
    with _watched_tab(browser, site, 390, has_touch=True) as tab:
        _article(tab, site)
        claim = tab.locator(".xp-paragraph .xp-claim").first
        assert claim.evaluate("e => getComputedStyle(e).borderBottomStyle") == "none"
        tab.locator("label[for='xp-mode-claims']").tap()
        assert tab.locator("#xp-reader").get_attribute("data-mode") == "claims"
        assert claim.evaluate("e => getComputedStyle(e).borderBottomStyle") != "none"
        assert tab.locator(".xp-paragraph .xp-quote").first.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
        tab.reload()
        tab.wait_for_selector("#xp-modes fieldset")
        assert tab.locator("#xp-mode-claims").is_checked()
        assert tab.locator("#xp-reader").get_attribute("data-mode") == "claims"
        # A passage with no claim has no cue in this mode, and tapping its words opens nothing.
        quiet = tab.locator("a.xp-cue:not(.xp-has-claim)").first
        assert not quiet.is_visible()
        tab.evaluate("href => document.querySelector(`.xp-passage[data-passage='${href.slice(1)}']`).click()",
                     quiet.get_attribute("href"))
        assert not tab.locator("dialog.xp-sheet").is_visible()
        # In claims mode the sheet holds the claims only.
        tab.locator("#p-intel-sharing-agreement a.xp-cue").first.tap()
        cards = tab.locator("dialog.xp-sheet .xp-notecard")
        kinds = [c.get_attribute("class") for c in cards.all() if c.is_visible()]
        assert kinds and all("xp-notecard-claim" in k for k in kinds)
        tab.locator(".xp-sheet-close").tap()
        # All notes: every note's words are marked, and on a phone the notes follow their paragraph.
        tab.locator("label[for='xp-mode-all']").tap()
        assert tab.locator(".xp-paragraph .xp-quote").first.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
        notes = tab.locator("#p-intel-sharing-agreement aside.xp-notes")
        assert notes.is_visible()
        assert notes.bounding_box()["y"] >= tab.locator("#p-intel-sharing-agreement .xp-paragraph").bounding_box()["y"] + 20
        tab.locator("label[for='xp-mode-read']").tap()
        assert not notes.is_visible()


@pytest.mark.parametrize("mode", ["read", "claims", "all"])
@pytest.mark.parametrize("width", WIDTHS)
def test_accessibility_of_each_mode_wcag22(browser, site, width, mode):
    with _watched_tab(browser, site, width) as tab:
        _article(tab, site)
        tab.locator(f"label[for='xp-mode-{mode}']").click()
        assert _axe(tab) == []


def _preview_clear_of_the_line(tab, term) -> None:
    preview = tab.locator("#xp-preview")
    preview.wait_for(state="visible")
    line = term.evaluate("e => { const r = e.getClientRects()[0]; return [r.top, r.bottom]; }")
    box = preview.bounding_box()
    assert box["y"] >= line[1] or box["y"] + box["height"] <= line[0], (box, line)


def test_term_preview_by_pointer_and_keyboard_leads_on(browser, site):
    with _watched_tab(browser, site, 1280) as tab:
        _article(tab, site)
        term = tab.locator(".xp-paragraph abbr.xp-term[data-term='moscow']").first
        assert term.get_attribute("title") is None  # one preview, not also the browser's tooltip
        term.hover()
        _preview_clear_of_the_line(tab, term)
        preview = tab.locator("#xp-preview")
        assert "Russia" in preview.inner_text() and tab.locator(".md-tooltip2--active").count() == 0
        tab.mouse.move(5, 5)
        preview.wait_for(state="hidden")
        # Keyboard: the term takes focus and shows its preview; Tab goes on to the next stop (a term costs
        # one Tab stop); Enter moves into the preview, Escape closes it and gives the focus back.
        term.focus()
        _preview_clear_of_the_line(tab, term)
        tab.keyboard.press("Tab")
        assert tab.evaluate("document.activeElement.closest('#xp-preview') === null")
        assert term.get_attribute("aria-expanded") == "false"  # its preview closed (the next term's may open)
        term.focus()
        tab.keyboard.press("Enter")
        assert tab.evaluate("document.activeElement.closest('#xp-preview') !== null")
        tab.keyboard.press("Escape")
        assert not preview.is_visible() and tab.evaluate("document.activeElement.dataset.term") == "moscow"
        # Enter on the term opens it with the focus on "More", which leads to the actor page.
        tab.keyboard.press("Enter")
        assert tab.evaluate("document.activeElement.closest('#xp-preview') !== null")
        tab.keyboard.press("Enter")
        tab.wait_for_url(re.compile(r".*/actors/russia(/|\.html)$"))


def test_term_preview_by_tap_leads_to_the_glossary(browser, site):
    with _watched_tab(browser, site, 390, has_touch=True) as tab:
        _article(tab, site)
        term = tab.locator(".xp-paragraph abbr.xp-term[data-term='civil-war']").first
        term.tap()
        _preview_clear_of_the_line(tab, term)
        more = tab.locator("#xp-preview a")
        assert more.bounding_box()["height"] >= 24
        tab.locator("h1").tap()  # a tap elsewhere closes it
        assert not tab.locator("#xp-preview").is_visible()
        term.tap()
        more.tap()
        tab.wait_for_url(re.compile(r".*/glossary(/|\.html)#civil-war$"))


def test_landing_on_a_paragraph_or_on_words_marks_them(browser, site):
    with _watched_tab(browser, site, 1280) as tab:
        _article(tab, site, "#p-china-stays-out")
        row = tab.locator("#p-china-stays-out")
        assert row.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
        # Landing on words (an explainer's quote link): every piece of them is marked (words that cross
        # other quoted words are split in pieces; the first carries the id).
        span = "q-russia--syria-is-russias-only-arab-ally"
        assert tab.locator(f"[id='{span}']").count() == 1
        _article(tab, site, "#" + span)
        pieces = tab.locator(f".xp-paragraph [data-span='{span}']")
        assert all("xp-lit" in p.get_attribute("class") for p in pieces.all())
        assert tab.locator(":target").evaluate("e => getComputedStyle(e).outlineStyle") != "none"


def test_without_javascript_notes_follow_each_paragraph(browser, site):
    with _watched_tab(browser, site, 390, java_script_enabled=False) as tab:
        _open(tab, site.url("article"))
        assert not tab.locator("#xp-modes").is_visible()
        notes = tab.locator("#p-intel-sharing-agreement aside.xp-notes")
        text = tab.locator("#p-intel-sharing-agreement .xp-paragraph")
        assert notes.is_visible() and notes.bounding_box()["y"] > text.bounding_box()["y"] + text.bounding_box()["height"] - 1
        # A cue is a plain link to its notes.
        cue = tab.locator("#p-intel-sharing-agreement a.xp-cue").first
        assert tab.locator(cue.get_attribute("href")).count() == 1
        assert tab.evaluate("document.documentElement.scrollWidth") == 390


def test_printed_article_lists_each_paragraphs_notes_after_it(browser, site):
    with _watched_tab(browser, site, 1280) as tab:
        _article(tab, site)
        tab.emulate_media(media="print")
        assert not tab.locator("#xp-modes").is_visible()
        notes = tab.locator("#p-intel-sharing-agreement aside.xp-notes")
        text = tab.locator("#p-intel-sharing-agreement .xp-paragraph")
        assert notes.is_visible() and notes.bounding_box()["y"] > text.bounding_box()["y"] + text.bounding_box()["height"] - 1
        assert tab.pdf(format="A4").startswith(b"%PDF")
