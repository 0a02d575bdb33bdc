"""Every class of bad input gets one message naming the file, the line and what to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import edit, line_of, problems_of

ACTOR = "data/actors/north-council.yaml"


def only(messages: list[str]) -> str:
    assert len(messages) == 1, messages
    return messages[0]


# --- files that are not valid YAML ---------------------------------------------------------------


def test_tab_indentation(mini_data: Path):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "aims:\n  - Keep", "aims:\n\t- Keep")
    line = line_of(path, "\t- Keep")
    assert only(problems_of(mini_data)) == f"{ACTOR}:{line}: a tab character is used for indentation; YAML needs spaces"


def test_bad_indentation(mini_data: Path):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "  - name: The Council", " - name: The Council")
    message = only(problems_of(mini_data))
    assert message.startswith(f"{ACTOR}:{line_of(path, ' - name: The Council')}:")
    assert "indentation" in message


def test_unclosed_quote(mini_data: Path):
    path = mini_data / "articles/river-dispute.yaml"
    edit(path, 'title: "The River Dispute"', 'title: "The River Dispute')
    assert only(problems_of(mini_data)) == (
        f"data/articles/river-dispute.yaml:{line_of(path, 'title:')}: "
        "a quoted value that starts on this line is never closed; add the closing quote"
    )


def test_duplicate_key(mini_data: Path):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "kind: council\n", "kind: council\nkind: guild\n")
    first, second = line_of(path, "kind: council"), line_of(path, "kind: guild")
    assert only(problems_of(mini_data)) == (
        f"{ACTOR}:{second}: kind: duplicate key 'kind' (first given on line {first}); keep one of them"
    )


def test_alias_bomb_is_refused_quickly(mini_data: Path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    (mini_data / "glossary.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    message = only(problems_of(mini_data))
    assert message == "data/glossary.yaml:1: YAML anchors (&a) are not allowed; write the value out"


def test_alias_without_anchor_line(mini_data: Path):
    path = mini_data / "actors/river-guild.yaml"
    edit(path, "sources: [almanac, gazette-2020]", "sources: *nothing")
    assert "aliases (*name) are not allowed" in only(problems_of(mini_data))


def test_oversized_file(mini_data: Path):
    (mini_data / "glossary.yaml").write_text("# x\n" + "#" * (600 * 1024), encoding="utf-8")
    message = only(problems_of(mini_data))
    assert message.startswith("data/glossary.yaml:1: file is 600 KiB; data files must be under 512 KiB")


def test_empty_file(mini_data: Path):
    (mini_data / "kinds.yaml").write_text("# nothing yet\n\n", encoding="utf-8")
    assert only(problems_of(mini_data)) == "data/kinds.yaml:1: file is empty; add its content or delete the file"


def test_not_utf8(mini_data: Path):
    path = mini_data / "sources.yaml"
    path.write_bytes(path.read_bytes().replace("Almanac".encode(), "Alm\xe4nac".encode("latin-1")))
    message = only(problems_of(mini_data))
    text = path.read_bytes().split(b"\n")
    expected_line = next(i for i, l in enumerate(text, start=1) if b"\xe4" in l)
    assert message == f"data/sources.yaml:{expected_line}: file is not UTF-8 text (byte 0xe4); save it as UTF-8"


def test_stray_files(mini_data: Path):
    (mini_data / "notes.txt").write_text("todo", encoding="utf-8")
    (mini_data / "actors" / "extra.yml").write_text("id: extra", encoding="utf-8")
    assert sorted(problems_of(mini_data)) == [
        "data/actors/extra.yml:1: data files end in .yaml, not .yml; rename the file",
        "data/notes.txt:1: not a data file: only .yaml files belong in the data folder; move it elsewhere",
    ]


# --- files that are YAML but do not fit the format -------------------------------------------------


def test_missing_field_with_misspelling(mini_data: Path):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "summary:", "sumary:")
    messages = problems_of(mini_data)
    assert f"{ACTOR}:1: missing required field 'summary' ('sumary' looks like a misspelling of it)" in messages
    assert f"{ACTOR}:{line_of(path, 'sumary:')}: sumary: unknown field 'sumary' (did you mean 'summary'?)" in messages


def test_missing_field_plain(mini_data: Path):
    path = mini_data / "actors/river-guild.yaml"
    edit(path, "reviewed: 2026-11-01\n", "")
    assert only(problems_of(mini_data)) == "data/actors/river-guild.yaml:1: missing required field 'reviewed'; add `reviewed:`"


def test_unknown_nested_field(mini_data: Path):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "    note: Signed the water pact", "    notes: Signed the water pact")
    messages = problems_of(mini_data)
    line = line_of(path, "notes: Signed")
    assert f"{ACTOR}:{line}: relationships[0].notes: unknown field 'notes' (did you mean 'note'?)" in messages


def test_wrong_type(mini_data: Path):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "aims:\n  - Keep the canals full.", "aims: Keep the canals full.")
    message = only(problems_of(mini_data))
    assert message.startswith(f"{ACTOR}:{line_of(path, 'aims:')}: aims: Input should be a valid list")


def test_bad_enum_and_slug(mini_data: Path):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "type: cooperates", "type: friends")
    edit(path, "kind: council", "kind: Council Body")
    messages = problems_of(mini_data)
    assert any(m.startswith(f"{ACTOR}:{line_of(path, 'type: friends')}: relationships[0].type: Input should be 'backs'") for m in messages)
    assert f"{ACTOR}:{line_of(path, 'kind: Council')}: kind: must be lower-case words joined by hyphens, like `city-council`" in messages


def test_raw_html_is_refused(mini_data: Path):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "description: The North Council", "description: <script>alert(1)</script> The North Council")
    message = only(problems_of(mini_data))
    assert message.startswith(f"{ACTOR}:{line_of(path, 'description:')}: description: raw HTML is not allowed")


@pytest.mark.parametrize("link", ["javascript:alert(1)", "data:text/html;base64,xx", "JavaScript:void(0)"])
def test_script_links_are_refused(mini_data: Path, link: str):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "description: The North Council", f"description: See [this]({link}). The North Council")
    message = only(problems_of(mini_data))
    assert "links must start with http:// or https://" in message
    assert message.startswith(f"{ACTOR}:{line_of(path, 'description:')}: description:")


def test_bad_url_in_source(mini_data: Path):
    path = mini_data / "sources.yaml"
    edit(path, "url: https://example.org/gazette/water-pact", "url: javascript:alert(1)")
    assert only(problems_of(mini_data)) == (
        f"data/sources.yaml:{line_of(path, 'url:')}: sources[0].url: "
        "a URL must start with http:// or https:// and contain no spaces"
    )


def test_tooltip_too_long(mini_data: Path):
    path = mini_data / "glossary.yaml"
    edit(path, "short: A gate that controls the flow of water.", "short: " + "word " * 30)
    message = only(problems_of(mini_data))
    assert message.endswith("terms[2].short: has 30 words; keep it to 25 words or fewer")


# --- files that do not agree with each other -------------------------------------------------------


def test_unknown_actor_with_suggestion(mini_data: Path):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "target: river-guild", "target: river-gild")
    assert only(problems_of(mini_data)) == (
        f"{ACTOR}:{line_of(path, 'target: river-gild')}: relationships[0].target: "
        "unknown actor 'river-gild' (did you mean 'river-guild'?)"
    )


def test_unknown_source_and_kind(mini_data: Path):
    path = mini_data / "actors/river-guild.yaml"
    edit(path, "sources: [almanac, gazette-2020]", "sources: [almanack, gazette-2020]")
    edit(path, "kind: guild", "kind: guilds")
    messages = problems_of(mini_data)
    assert messages == [
        f"data/actors/river-guild.yaml:{line_of(path, 'kind: guilds')}: kind: unknown kind 'guilds' (did you mean 'guild'?)",
        f"data/actors/river-guild.yaml:{line_of(path, 'sources: [almanack')}: sources[0]: unknown source 'almanack' (did you mean 'almanac'?)",
    ]


def test_unknown_paragraph(mini_data: Path):
    path = mini_data / "actors/river-guild.yaml"
    edit(path, "paragraph: opening", "paragraph: openin")
    assert only(problems_of(mini_data)) == (
        f"data/actors/river-guild.yaml:{line_of(path, 'paragraph: openin')}: covers[0].paragraph: "
        "unknown paragraph of 'river-dispute' 'openin' (did you mean 'opening'?)"
    )


def test_quote_not_found_shows_nearest_text(mini_data: Path):
    path = mini_data / "actors/river-guild.yaml"
    edit(path, "quote: Guild's Pact", "quote: Guilds Pact")
    assert only(problems_of(mini_data)) == (
        f"data/actors/river-guild.yaml:{line_of(path, 'quote: Guilds Pact')}: covers[0].quote: quote not found in "
        "paragraph 'opening'; nearest text is \"Guild's Pact\" (the article has ''' here)"
    )


def test_quote_found_twice(mini_data: Path):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "    suffix: and the Irrigation\n", "")
    assert only(problems_of(mini_data)) == (
        f"{ACTOR}:{line_of(path, 'quote: the sluices')}: covers[1].quote: quote occurs more than once in paragraph "
        "'sluices'; add `prefix:` or `suffix:` with the words next to the one you mean"
    )


def test_two_terms_claim_one_variant(mini_data: Path):
    path = mini_data / "glossary.yaml"
    edit(path, "variants: [Irrigation Service]", "variants: [Irrigation Service, nc]")
    message = only(problems_of(mini_data))
    assert message == (
        f"data/glossary.yaml:{line_of(path, '- id: is-acronym')}: terms[1]: 'nc' is claimed by term 'is-acronym' "
        f"and by term 'north-council' (line {line_of(path, '- id: north-council')}); keep it in one"
    )


def test_id_must_match_file_name(mini_data: Path):
    (mini_data / "actors/river-guild.yaml").rename(mini_data / "actors/guild.yaml")
    messages = problems_of(mini_data)
    assert "data/actors/guild.yaml:1: id: id 'river-guild' must match the file name 'guild'; rename one of them" in messages


def test_every_problem_is_reported_at_once(mini_data: Path):
    edit(mini_data / "actors/north-council.yaml", "target: river-guild", "target: nobody")
    edit(mini_data / "actors/river-guild.yaml", "quote: Guild's Pact", "quote: Nothing like this")
    edit(mini_data / "sources.yaml", "publisher: Valley Almanac\n", "")
    messages = problems_of(mini_data)
    assert [m.split(":")[0] for m in messages] == [
        "data/actors/north-council.yaml", "data/actors/river-guild.yaml", "data/sources.yaml"]


# --- more files that are not what they claim to be --------------------------------------------------


def test_deep_nesting_is_refused_without_a_traceback(mini_data: Path):
    (mini_data / "glossary.yaml").write_text("terms: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert only(problems_of(mini_data)) == (
        "data/glossary.yaml:1: values are nested far too deeply (hundreds of levels); data files need only a few")


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/name:os.system", "!custom"])
def test_yaml_tags_are_refused_not_constructed(mini_data: Path, tag: str):
    path = mini_data / "actors/river-guild.yaml"
    edit(path, "sources: [almanac, gazette-2020]", f'sources: {tag} ["echo hi"]')
    assert only(problems_of(mini_data)) == (
        f"data/actors/river-guild.yaml:{line_of(path, 'sources: !')}: sources: YAML tags like '{tag}' are not allowed; "
        "write a plain value")


def test_binary_file_named_yaml(mini_data: Path):
    (mini_data / "kinds.yaml").write_bytes(b"kinds:\n  - id: x\x00\x01\x02\n")
    assert only(problems_of(mini_data)) == (
        "data/kinds.yaml:2: the file holds a control character (0x00) that YAML does not allow; "
        "is this a text file? Save it as plain UTF-8 text")


def test_top_level_list_instead_of_fields(mini_data: Path):
    (mini_data / "kinds.yaml").write_text("- id: council\n- id: guild\n", encoding="utf-8")
    assert only(problems_of(mini_data)) == "data/kinds.yaml:1: expected a mapping of fields (kinds) at the top level"


def test_placeholders_left_by_the_scaffold_are_named_with_what_belongs_there(mini_data: Path):
    path = mini_data / "actors/river-guild.yaml"
    edit(path, "reviewed: 2026-11-01", "reviewed: TODO")
    assert only(problems_of(mini_data)) == (
        f"data/actors/river-guild.yaml:{line_of(path, 'reviewed: TODO')}: reviewed: replace the placeholder TODO: "
        "When the page was last checked against its sources: `YYYY-MM-DD`.")


# --- end to end: the commands contributors run print the message, never a traceback ----------------

BREAKAGES = {
    "tab": ("actors/north-council.yaml", "aims:\n  - Keep", "aims:\n\t- Keep", "a tab character is used for indentation"),
    "unclosed quote": ("articles/river-dispute.yaml", 'title: "The River Dispute"', 'title: "The River Dispute',
                       "never closed"),
    "duplicate key": ("actors/north-council.yaml", "kind: council\n", "kind: council\nkind: guild\n", "duplicate key 'kind'"),
    "misspelt field": ("actors/north-council.yaml", "summary:", "sumary:", "unknown field 'sumary' (did you mean 'summary'?)"),
    "wrong type": ("actors/north-council.yaml", "aims:\n  - Keep the canals full.", "aims: Keep the canals full.",
                   "aims: Input should be a valid list"),
    "unknown actor": ("actors/north-council.yaml", "target: river-guild", "target: river-gild",
                      "unknown actor 'river-gild' (did you mean 'river-guild'?)"),
    "quote not found": ("actors/river-guild.yaml", "quote: Guild's Pact", "quote: Guilds Pact", "quote not found"),
    "alias bomb": ("glossary.yaml", "terms:", "x: &a [1, 2]\ny: [*a, *a]\nterms:", "YAML anchors (&a) are not allowed"),
    "script link": ("actors/north-council.yaml", "description: The North Council",
                    "description: See [x](javascript:alert(1)). The North Council",
                    "link 'javascript:alert(1)' is not allowed: links must start with http:// or https://"),
    "deep nesting": ("glossary.yaml", "terms:", "x: " + "[" * 3000 + "]" * 3000 + "\nterms:", "nested far too deeply"),
}


def _break(mini_data: Path, name: str) -> str:
    file, old, new, expected = BREAKAGES[name]
    edit(mini_data / file, old, new)
    return expected


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_validate_script_prints_the_message_and_exits_1(mini_data: Path, name: str):
    import subprocess
    import sys

    from conftest import ROOT

    expected = _break(mini_data, name)
    run = subprocess.run([sys.executable, str(ROOT / "scripts/validate.py"), str(mini_data)],
                         capture_output=True, text=True, timeout=60, cwd=mini_data.parent)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert expected in run.stderr
    assert run.stderr.splitlines()[0].startswith("data/"), run.stderr


@pytest.mark.parametrize("name", ["tab", "alias bomb", "deep nesting", "unknown actor"])
def test_mkdocs_build_prints_the_message_and_exits_1(mini_data: Path, tmp_path: Path, name: str):
    from conftest import build_site

    expected = _break(mini_data, name)
    build = build_site(tmp_path, mini_data)
    assert build.returncode == 1
    assert "Traceback" not in build.output
    assert expected in build.output and "data/" in build.output


def test_oversized_file_is_refused_before_it_is_parsed(mini_data: Path, monkeypatch):
    from explainer import yaml_source

    parsed = []
    monkeypatch.setattr(yaml_source, "_fast_compose", lambda text: parsed.append(len(text)))
    (mini_data / "glossary.yaml").write_text("terms:\n" + "  - x\n" * 200_000, encoding="utf-8")
    message = only(problems_of(mini_data))
    assert "data files must be under 512 KiB (split it up)" in message
    assert parsed and all(n < 512 * 1024 for n in parsed)  # the other files were, the big one never


def test_malformed_urls_are_refused_before_they_crash_the_build(mini_data: Path):
    actor, sources = mini_data / "actors/north-council.yaml", mini_data / "sources.yaml"
    edit(actor, "description: The North Council", "description: See [x](http://[C01]/). The North Council")
    edit(sources, "url: https://example.org/gazette/water-pact", "url: https://[gazette]/water-pact")
    assert problems_of(mini_data) == [
        f"{ACTOR}:{line_of(actor, 'description:')}: description: link 'http://[C01]/' is not a valid URL; "
        "check the address and its brackets",
        f"data/sources.yaml:{line_of(sources, 'url:')}: sources[0].url: not a valid URL; check the address and its brackets",
    ]


def test_names_that_become_headings_must_be_one_line(mini_data: Path):
    path = mini_data / "glossary.yaml"
    edit(path, "    term: sluice\n", '    term: "sluice\\n{: onclick=x }"\n')
    line = line_of(path, 'term: "sluice')
    assert only(problems_of(mini_data)) == (
        f"data/glossary.yaml:{line}: terms[2].term: must be on one line "
        "(it becomes a heading or a name in running text)")


def test_suggestions_prefer_ids_that_start_alike():
    from explainer.validate import suggest

    known = ["eastern-regional-government", "capital-government", "river-guild", "north-council"]
    assert suggest("eastern-regional-govt", known) == "eastern-regional-government"
    assert suggest("capitol", known) == "capital-government"  # a misspelt first word alone
    assert suggest("river-gild", known) == "river-guild"
    assert suggest("nobody-at-all", known) is None


def test_dates_must_be_real(mini_data: Path):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "since: 2020-05", "since: 2020-13")
    assert only(problems_of(mini_data)) == (
        f"{ACTOR}:{line_of(path, 'since: 2020-13')}: relationships[0].since: "
        "'2020-13' is not a real date; check the month (01-12) and the day")


def test_a_relationship_cannot_end_before_it_begins(mini_data: Path):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "since: 2020-05", "since: 2020-05\n    until: 2019-12-31")
    assert only(problems_of(mini_data)) == (
        f"{ACTOR}:{line_of(path, '- target: river-guild')}: relationships[0]: "
        "`until` (2019-12-31) is before `since` (2020-05); swap or correct them")


def test_a_paragraph_is_one_line(mini_data: Path):
    path = mini_data / "articles/river-dispute.yaml"
    edit(path, "    text: A sluice at dawn", "    text: |\n      A sluice at dawn\n\n      - and a list")
    message = only(problems_of(mini_data))
    assert message.startswith(f"data/articles/river-dispute.yaml:{line_of(path, 'text: |')}: paragraphs[1].text: holds a line break")


def test_pictures_from_data_are_refused(mini_data: Path):
    path = mini_data / "actors/north-council.yaml"
    edit(path, "description: The North Council", "description: See ![map](https://example.org/map.png). The North Council")
    message = only(problems_of(mini_data))
    assert message.startswith(f"{ACTOR}:{line_of(path, 'description:')}: description: pictures are not allowed in data text")
