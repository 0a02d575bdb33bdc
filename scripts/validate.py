#!/usr/bin/env python3
"""Check the data folder without building the site: every problem at once, then a summary.

Usage: python scripts/validate.py [--config-file mkdocs.yml | DATA_DIR]
(default: the data folder of this repository's mkdocs.yml; `make validate CONFIG=...` checks another site's)
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
    if len(argv) > 2 and argv[1] == "--config-file" or len(argv) == 1:
        try:
            data_dir = read_site(argv[2] if len(argv) > 2 else ROOT / "mkdocs.yml").data_dir
        except SettingsError as err:
            print(err, file=sys.stderr)
            return 1
    else:
        data_dir = Path(argv[1])
    started = time.perf_counter()
    try:
        explainer = load_explainer(data_dir)
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
