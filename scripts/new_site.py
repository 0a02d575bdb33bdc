#!/usr/bin/env python3
"""Start a site for another article: a short config, a data folder that builds at once, an empty docs/.

    python scripts/new_site.py DIR      (make new-site DIR=...)

Everything else (templates, stylesheets, scripts, the theme's fixes) comes from the generator, so
the new folder holds only what belongs to its article. The data is a small, valid example to replace
file by file; `make validate CONFIG=DIR/mkdocs.yml` says what is wrong after each edit.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STARTER = Path(__file__).resolve().parent / "new_site"
sys.path.insert(0, str(ROOT / "hooks"))

from explainer.loader import shown_path  # noqa: E402


def _hooks_path(site: Path) -> str:
    """The generator's hook file as the config must name it: relative to the site when they share a
    parent folder not far up, else absolute."""
    hook = ROOT / "hooks" / "explainer_hooks.py"
    relative = os.path.relpath(hook, site)
    return Path(relative).as_posix() if relative.count("..") <= 3 else hook.as_posix()


def main(argv: list[str]) -> int:
    if len(argv) < 2 or not argv[1].strip():
        print("give the new site's folder, e.g. `make new-site DIR=../my-article`", file=sys.stderr)
        return 2
    site = Path(argv[1]).absolute()
    if site.exists() and any(site.iterdir()):
        print(f"{argv[1]} already exists and is not empty; pick a new folder", file=sys.stderr)
        return 1
    shutil.copytree(STARTER, site, dirs_exist_ok=True)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("HOOKS_PATH", _hooks_path(site)), encoding="utf-8")
    (site / "docs").mkdir(exist_ok=True)
    (site / "docs" / ".gitkeep").touch()
    shown = shown_path(site)
    print(f"started a site in {shown}: edit {shown}/data/ (start with unit.yaml and articles/), then\n"
          f"  make serve CONFIG={shown}/mkdocs.yml       # live preview\n"
          f"  make validate CONFIG={shown}/mkdocs.yml    # every problem, file and line\n"
          f"  make site CONFIG={shown}/mkdocs.yml        # strict build into {shown}/site/\n"
          f"  make offline CONFIG={shown}/mkdocs.yml     # the classroom zip, into {shown}/dist/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
