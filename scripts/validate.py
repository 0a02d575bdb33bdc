#!/usr/bin/env python3
"""Check the data folder without building the site: every problem at once, then a summary.

Usage: python scripts/validate.py [--config-file mkdocs.yml | DATA_DIR [DOCS_DIR]]
(default: the data folder of this repository's mkdocs.yml; `make validate CONFIG=...` checks another site's)
The hand-written pages (the config's `docs_dir`, or DOCS_DIR) are checked against the pages the data generates.
Exit status: 0 when the data is good, 1 when it has problems.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from explainer.problems import DataError  # noqa: E402
from explainer.report import summarise  # noqa: E402
from explainer.site_config import SettingsError, read_site  # noqa: E402
from explainer.validate import load_explainer  # noqa: E402


def main(argv: list[str]) -> int:
    docs_dir = None
    if len(argv) > 2 and argv[1] == "--config-file" or len(argv) == 1:
        try:
            site = read_site(argv[2] if len(argv) > 2 else ROOT / "mkdocs.yml")
        except SettingsError as err:
            print(err, file=sys.stderr)
            return 1
        data_dir, docs_dir = site.data_dir, site.docs_dir
    else:
        data_dir = Path(argv[1])
        docs_dir = Path(argv[2]) if len(argv) > 2 else None
    # As the build decides: a site without a home page of its own gets a generated one.
    home_page = docs_dir is not None and not any((docs_dir / name).is_file() for name in ("index.md", "README.md"))
    started = time.perf_counter()
    try:
        explainer = load_explainer(data_dir, docs_dir, home_page)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    for line in summarise(explainer).lines():
        print(line)
    print(f"data is valid (checked in {elapsed:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
