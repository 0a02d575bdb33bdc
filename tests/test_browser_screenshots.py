"""Pictures of every kind of page at 390, 768 and 1,280 px, for people to look at.

The classroom copy is opened from file:// with the network cut, each page kind at each width, and a
full-page screenshot is written to `test-output/screenshots/<kind>-<width>.png` (`SCREENSHOTS` to
put them elsewhere; CI keeps them as an artifact). What is asserted is what a picture shows at a
glance: the page is exactly as wide as the window (nothing sticks out sideways) and not blank.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

from conftest import ROOT
from test_browser import PAGES, _open, _watched_tab, browser, offline_site  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser

WIDTHS = [390, 768, 1280]
FOLDER = Path(os.environ.get("SCREENSHOTS", ROOT / "test-output" / "screenshots"))


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_kind_pictured_at_each_width(browser, offline_site, width):
    FOLDER.mkdir(parents=True, exist_ok=True)
    with _watched_tab(browser, offline_site, width, has_touch=width < 700) as tab:
        for kind in PAGES:
            _open(tab, offline_site.url(kind))
            tab.wait_for_timeout(150)  # Material's first render (sidebars, the reading view's modes)
            picture = tab.screenshot(full_page=True)
            (FOLDER / f"{kind.replace(' ', '-')}-{width}.png").write_bytes(picture)
            shot_width, shot_height = _png_size(picture)
            assert shot_width == width, (kind, shot_width)
            assert shot_height > 600, kind
            assert len(picture) > 20_000, kind  # a page with text on it, not a blank one
