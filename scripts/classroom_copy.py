"""Build the classroom (offline) copy of the site and pack it as one deterministic zip.

    python scripts/classroom_copy.py [--config-file mkdocs.yml] [--dist dist] [--version V]

The site is built from the same config as the published one with OFFLINE=true, which switches on
Material's offline plugin (no directory URLs, search index inlined for file://). The build goes
into a temporary folder and the zip is written next to its final name, then renamed over it: a
failed build or pack leaves the previous zip as it was.

The zip holds one folder, `<site>-classroom-<version>/`, with `index.html` at its top. Entries are
sorted and carry fixed timestamps and permissions, so the same sources give the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from explainer.site_config import SettingsError, read_site  # noqa: E402
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "site"


def site_name(config_file: Path) -> str:
    """The site's name: the unit's title from its data (`unit.yaml`), else `site_name` from the config."""
    site = read_site(config_file)
    unit = site.data_dir / "unit.yaml"
    if unit.is_file():
        data = yaml.safe_load(unit.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("title"), str):
            return data["title"]
    return site.site_name


def _git(folder: Path, *args: str) -> str | None:
    """A git command's output in `folder`, or None when the folder is in no repository (or git is missing)."""
    try:
        run = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return run.stdout.strip() or None


def site_version(config_file: Path) -> str:
    """The version of the site, not of the generator: `git describe` of the repository the site's
    config is in (a tag if there is one, else the short commit; `-dirty` if edited). A site in no
    repository is named by its data: `data-` and the start of a hash of every file in its data folder,
    so the same data gives the same name and any edit a new one."""
    folder = config_file.resolve().parent
    described = _git(folder, "describe", "--tags", "--always", "--dirty")
    if described:
        return described
    data_dir = read_site(config_file).data_dir
    digest = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        digest.update(path.relative_to(data_dir).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return f"data-{digest.hexdigest()[:10]}"


def source_date_epoch(config_file: Path) -> str:
    """Dates MkDocs writes (the sitemap's lastmod) come from the site's last commit, not from the clock
    (a site in no repository: 0, so that its builds are the same too)."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    return _git(config_file.resolve().parent, "log", "-1", "--format=%ct") or "0"


def build(config_file: Path, site_dir: Path) -> None:
    env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": source_date_epoch(config_file)}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                          "-f", str(config_file), "-d", str(site_dir)], env=env, stdout=sys.stderr)
    if run.returncode != 0:
        raise SystemExit(f"The classroom copy was not built (mkdocs exited with {run.returncode}); "
                         "the previous zip, if any, is unchanged.")
    if not (site_dir / "index.html").is_file() or not (site_dir / "search" / "search_index.js").is_file():
        raise SystemExit("The build has no index.html or no inlined search index: is the offline plugin enabled?")


def pack(site_dir: Path, zip_path: Path, folder: str) -> None:
    """Write `site_dir` into `zip_path` under `folder/`, deterministically.

    Source maps (`*.map`, a third of the theme's bytes) are left out: a browser fetches them only
    for its developer tools, and a classroom copy is for reading.
    """
    files = sorted(p for p in site_dir.rglob("*") if p.is_file() and p.suffix != ".map")
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            info.create_system = 3  # Unix, so the permissions above are read back
            archive.writestr(info, path.read_bytes(), compresslevel=9)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--dist", type=Path, default=None, help="folder for the zip (default: dist/ beside the config)")
    parser.add_argument("--version", default=None, help="version in the zip's name (default: git describe of the site, else a hash of its data)")
    parser.add_argument("--path-only", action="store_true", help="print only the zip's path (for `make publish`)")
    args = parser.parse_args(argv)
    args.dist = (args.dist or args.config_file.absolute().parent / "dist").resolve()

    try:
        title = site_name(args.config_file)
        version = args.version or site_version(args.config_file)
    except SettingsError as err:
        raise SystemExit(str(err)) from None
    name = f"{slug(title)}-classroom-{version}"
    args.dist.mkdir(parents=True, exist_ok=True)
    target = args.dist / f"{name}.zip"
    with tempfile.TemporaryDirectory(prefix=".classroom-", dir=args.dist) as tmp:
        site_dir = Path(tmp) / name
        build(args.config_file.resolve(), site_dir)
        partial = Path(tmp) / f"{name}.zip"
        pack(site_dir, partial, name)
        os.replace(partial, target)  # same file system: the old zip is replaced in one step
    size = target.stat().st_size
    print(target if args.path_only else f"{target} ({size:,} bytes, {size / 1_000_000:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
