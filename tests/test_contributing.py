"""What a contributor meets before the data: editor schemas, scaffolds, pre-commit, workflows, make."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import MINI, REAL_DATA, ROOT
from helpers import edit, line_of, problems_of

sys.path.insert(0, str(ROOT / "scripts"))
import schemas  # noqa: E402

SCRIPTS = ROOT / "scripts"


def run(*args, cwd=ROOT, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd, timeout=300, **kw)


# --- schemas -------------------------------------------------------------------------------------


def test_schemas_are_up_to_date_with_the_model():
    result = run(sys.executable, SCRIPTS / "schemas.py", "--check")
    assert result.returncode == 0, result.stderr + "\nrun `make schemas` and commit schemas/"


def test_schemas_accept_the_mini_and_real_data_and_catch_a_typo(tmp_path: Path):
    import jsonschema

    for data_dir in (MINI, REAL_DATA):
        for path in sorted(data_dir.rglob("*.yaml")):
            header = schemas.header_for(path, data_dir)
            schema = json.loads((ROOT / "schemas" / Path(header.split("=", 1)[1]).name).read_text(encoding="utf-8"))
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
            data = json.loads(json.dumps(data, default=str))  # dates as text, as editors read them
            jsonschema.validate(data, schema)
    actor = json.loads((ROOT / "schemas/actors.schema.json").read_text(encoding="utf-8"))
    bad = {**yaml.safe_load((MINI / "actors/river-guild.yaml").read_text(encoding="utf-8")), "sumary": "x"}
    bad = json.loads(json.dumps(bad, default=str))
    with pytest.raises(jsonschema.ValidationError, match="sumary"):
        jsonschema.validate(bad, actor)


def test_every_field_has_a_description_for_the_editor():
    for name in ("actors", "glossary", "sources", "articles", "kinds"):
        schema = json.loads((ROOT / f"schemas/{name}.schema.json").read_text(encoding="utf-8"))
        objects = [schema, *schema.get("$defs", {}).values()]
        for obj in objects:
            for field, spec in obj.get("properties", {}).items():
                assert spec.get("description"), f"schemas/{name}: {obj.get('title')}.{field} has no description"
                assert spec["markdownDescription"] == spec["description"]


def test_check_jsonschema_reads_yaml_data_with_the_schemas():
    checker = Path(sys.executable).parent / "check-jsonschema"
    result = run(checker, "--schemafile", ROOT / "schemas/actors.schema.json", *sorted((MINI / "actors").glob("*.yaml")))
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_headers_are_added_once_and_the_validator_accepts_them(mini_data: Path):
    changed = schemas.add_headers(mini_data)
    assert len(changed) == len(list(mini_data.rglob("*.yaml")))
    assert schemas.add_headers(mini_data) == []  # idempotent
    first = (mini_data / "actors/river-guild.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=" + os.path.relpath(ROOT / "schemas/actors.schema.json", mini_data / "actors")
    assert problems_of(mini_data) == []


def test_every_real_data_file_points_at_its_schema():
    missing = [p.relative_to(REAL_DATA).as_posix() for p in sorted(REAL_DATA.rglob("*.yaml"))
               if schemas.with_header(p.read_text(encoding="utf-8"), schemas.header_for(p, REAL_DATA))
               != p.read_text(encoding="utf-8")]
    assert missing == [], "run `make schemas` to add the `# yaml-language-server: $schema=` line"


# --- scaffolding ---------------------------------------------------------------------------------


def scaffold(*args, data: Path) -> subprocess.CompletedProcess:
    """The scaffold, run by a contributor standing beside the data folder."""
    return run(sys.executable, SCRIPTS / "scaffold.py", *args, "--data", data, cwd=data.parent)


def test_new_actor_fails_with_clear_messages_until_filled_then_passes(mini_data: Path):
    result = scaffold("actor", "east-league", data=mini_data)
    assert result.returncode == 0, result.stderr
    path = mini_data / "actors/east-league.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    messages = problems_of(mini_data)
    assert messages and all(m.startswith("data/actors/east-league.yaml:") for m in messages)
    assert all("replace the placeholder TODO: " in m for m in messages), messages
    assert f"data/actors/east-league.yaml:{line_of(path, 'kind: TODO')}: kind: replace the placeholder TODO: " \
           "One of the kinds listed in `data/kinds.yaml`." in messages
    assert "One of: council, guild." in text
    for key, value in {"name": "East League", "kind": "guild", "summary": "A league of eastern boatmen.",
                       "description": "The East League runs the ferries.", "reviewed": "2026-11-20"}.items():
        edit(path, f"{key}: TODO", f"{key}: {value}")
    edit(path, "  - TODO", "  - almanac")
    assert problems_of(mini_data) == []


def test_new_term_is_appended_and_passes_once_filled(mini_data: Path):
    result = scaffold("term", "ferry", data=mini_data)
    assert result.returncode == 0, result.stderr
    path = mini_data / "glossary.yaml"
    messages = problems_of(mini_data)
    assert len(messages) == 3 and all("terms[4]" in m and "replace the placeholder TODO" in m for m in messages)
    text = path.read_text(encoding="utf-8")
    text = text.replace("term: TODO", "term: ferry").replace("short: TODO", "short: A boat that carries people across.")
    path.write_text(text.replace("definition: TODO", "definition: A boat on a fixed crossing."), encoding="utf-8")
    assert problems_of(mini_data) == []


@pytest.mark.parametrize("args, message", [
    (("actor", "river-guild"), "error: data/actors/river-guild.yaml already exists; edit it, or pick another ID"),
    (("actor", "River Guild"), "error: 'River Guild' is not a valid id: use lower-case letters, digits and single hyphens"),
    (("actor", "east--league"), "is not a valid id"),
    (("actor", ""), "error: give the new actor's id, e.g. `make new-actor ID=city-council`"),
    (("term", "sluice"), "error: a term with id 'sluice' is already in data/glossary.yaml; edit that one, or pick another ID"),
])
def test_scaffold_refuses_existing_or_bad_ids(mini_data: Path, args, message):
    before = {p: p.read_bytes() for p in mini_data.rglob("*")if p.is_file()}
    result = scaffold(*args, data=mini_data)
    assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in mini_data.rglob("*") if p.is_file()} == before


# --- make, workflows, pre-commit, yamllint -----------------------------------------------------


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return {m.group(1) for m in re.finditer(r"^([a-z][a-z0-9-]*):(?!=)", text, re.M)}


def workflows() -> dict[str, dict]:
    files = sorted((ROOT / ".github/workflows").glob("*.yml"))
    assert files
    return {f.name: yaml.safe_load(f.read_text(encoding="utf-8")) for f in files}


SETUP_COMMANDS = re.compile(r"^(apt-get (update|install) .*)$")


def test_workflows_parse_and_every_command_is_a_make_target():
    targets = make_targets()
    called = set()
    for name, flow in workflows().items():
        assert flow.get(True, flow.get("on")), f"{name}: no trigger"  # `on:` reads as True in YAML 1.1
        for job_name, job in flow["jobs"].items():
            assert job.get("runs-on"), f"{name}: {job_name} has no runs-on"
            for step in job["steps"]:
                assert ("run" in step) != ("uses" in step), f"{name}: {job_name}: {step}"
                if "uses" in step:
                    assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), step["uses"]
                    continue
                for line in filter(None, (ln.strip() for ln in step["run"].splitlines())):
                    if SETUP_COMMANDS.match(line):
                        continue
                    match = re.fullmatch(r"make ([a-z][a-z0-9-]*)", line)
                    assert match, f"{name}: {job_name}: `{line}` should be a make target"
                    assert match.group(1) in targets, f"{name}: make {match.group(1)} is not in the Makefile"
                    called.add(match.group(1))
    assert {"validate", "site", "test", "offline", "properdocs"} <= called


def test_pull_requests_are_checked_and_main_is_published():
    flow = workflows()["checks.yml"]
    triggers = flow[True]
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    steps = flow["jobs"]["site"]["steps"]
    assert "chromium" in steps[0]["run"]
    uploads = [s["with"]["path"] for s in steps if s.get("uses", "").startswith("actions/upload-artifact")]
    assert uploads == ["test-output/screenshots/", "site/", "dist/*.zip"]  # the tests' pictures, the site, the zip
    publish = flow["jobs"]["publish"]
    assert "refs/heads/main" in publish["if"] and publish["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}


def test_pre_commit_config_is_valid_and_runs_the_three_checks():
    pre_commit = Path(sys.executable).parent / "pre-commit"
    result = run(pre_commit, "validate-config", ROOT / ".pre-commit-config.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    hooks = {h["id"]: h for repo in yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"]
             for h in repo["hooks"]}
    assert {"validate-data", "check-jsonschema", "yamllint"} <= set(hooks)
    assert hooks["validate-data"]["entry"] == "make validate"
    assert (ROOT / hooks["check-jsonschema"]["entry"]).is_file()


def test_yamllint_accepts_the_data_and_the_workflows():
    yamllint = Path(sys.executable).parent / "yamllint"
    result = run(yamllint, "--strict", "-f", "parsable", "data", "tests/fixtures/mini", ".github", ".pre-commit-config.yaml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_failed_make_site_leaves_the_previous_site_exactly_as_it_was(mini_data: Path, tmp_path: Path):
    edit(mini_data / "actors/river-guild.yaml", "quote: Guild's Pact", "quote: Guild's Pakt")
    config = tmp_path / "mkdocs.yml"
    config.write_text(yaml.safe_dump({
        "INHERIT": str(ROOT / "mkdocs.yml"), "docs_dir": str(ROOT / "docs"),
        "hooks": [str(ROOT / "hooks/explainer_hooks.py")], "extra": {"explainer": {"data": str(mini_data)}},
    }), encoding="utf-8")
    site = tmp_path / "site"
    (site / "deep").mkdir(parents=True)
    (site / "index.html").write_text("previous good build", encoding="utf-8")
    (site / "deep/page.html").write_bytes(b"\x00kept")
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    result = run("make", "--no-print-directory", "site", f"CONFIG={config}", f"SITE={site}")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "data/actors/river-guild.yaml:" in output and "covers[0].quote: quote not found" in output
    assert "Traceback" not in output
    assert {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert not (tmp_path / "site.old").exists()


def test_makefile_has_the_contributor_targets():
    assert {"schemas", "new-actor", "new-term", "properdocs", "validate", "site", "test"} <= make_targets()
