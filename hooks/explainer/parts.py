"""What the generator brings to every site, so that a site is its data, its own pages and a short config.

The theme folder holds the template overrides, stylesheets, scripts and vendored files; MkDocs
copies its files into the site like any theme's. The lists say what each page loads, in order
(the site's own `extra_css` and `extra_javascript` come after them), and which Markdown extensions
and theme features the generated pages rely on. The MkDocs hook applies them; nothing here imports
MkDocs.
"""

from __future__ import annotations

from pathlib import Path

THEME_DIR = Path(__file__).parent / "theme"

STYLESHEETS = (
    "stylesheets/theme.css",
    "stylesheets/explainer.css",
    "stylesheets/critical.css",  # claim marks, the timeline
    "stylesheets/relationships.css",  # who backs whom: the network, the table or cards, each actor's own drawing
    "stylesheets/timeline.css",  # the timeline's scaled overview, gaps and "after the article" tags
    "stylesheets/reading.css",  # the article's reading view, notes, sheet and term previews
    "stylesheets/levels.css",  # the two reading levels and their switch; the plain-words retelling
    "stylesheets/print.css",  # handouts: @media print rules only
)

SCRIPTS = (
    "javascripts/search-variants.js",  # the search box writes dashes, apostrophes and quotes plainly as typed
    "javascripts/claim-filter.js",  # the claims page's filter; without it every claim shows
    "javascripts/relationships.js",  # pick an actor in the network to see its ties; without it every tie shows
    "javascripts/reading.js",  # the article's modes, notes and sheet; without it the notes follow each paragraph
    "javascripts/levels.js",  # the reading-level switch, remembered; without it the standard texts show
    "javascripts/previews.js",  # term previews with a link; without it the glossary marks keep their title tooltip
)

# Lets search run from file:// and keeps Material's offline plugin from adding its CDN copy (see the
# folder's SOURCE.txt). Over http(s) it does nothing.
POLYFILLS = ("assets/vendor/iframe-worker/shim.js",)

# The extensions the generated Markdown is written for, with the settings it needs.
MARKDOWN_EXTENSIONS: dict[str, dict] = {
    "admonition": {},
    "attr_list": {},
    "md_in_html": {},
    "tables": {},
    "toc": {"permalink": True},
    "pymdownx.details": {},
    "pymdownx.superfences": {},
}

# Material features the pages use: glossary tooltips, section indexes, pruned navigation for large sites.
THEME_FEATURES = (
    "content.tooltips",
    "navigation.sections",
    "navigation.indexes",
    "navigation.prune",
    "navigation.top",
    "navigation.footer",
    "search.highlight",
    "toc.follow",
)


def merged(ours, theirs) -> list:
    """Our entries first, then the site's own (strings, or MkDocs' script objects), each path once."""
    theirs = list(theirs or [])
    listed = {str(entry) for entry in theirs}
    return [entry for entry in ours if entry not in listed] + theirs
