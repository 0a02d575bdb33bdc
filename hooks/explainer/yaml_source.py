"""Read one YAML file safely into plain values plus the line of every key, for precise messages.

Safe by construction: PyYAML's SafeLoader (no Python objects), a size cap checked before reading,
UTF-8 only, a depth cap checked on the parser's events before any tree is built (the tree builders
recurse), no anchors or aliases (which also rules out "billion laughs" bombs), and duplicate keys
refused instead of the last one silently winning. Every text value and key follows `text_policy`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem
from .text_policy import Strictness, code_point, normalise, refusal, strictness_of

MAX_BYTES = 512 * 1024
# Data files need a handful of levels; far more is a damaged file, and the tree builders (PyYAML's
# and ours) recurse once per level, so a few hundred would exhaust the stack.
MAX_DEPTH = 32

Path_ = tuple[str | int, ...]


@dataclass
class YamlDoc:
    """A parsed file: its values, and where each key path stands in the file (1-based lines)."""

    file: str
    data: object
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of the deepest part of `path` that exists: a missing field points at its parent."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


class _NoAliasLoader(yaml.SafeLoader):
    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _Refused(event.start_mark.line + 1, "YAML aliases (*name) are not allowed; write the value out")
        return super().compose_node(parent, index)

    def compose_scalar_node(self, anchor):
        return self._refuse_anchor(anchor) or super().compose_scalar_node(anchor)

    def compose_sequence_node(self, anchor):
        return self._refuse_anchor(anchor) or super().compose_sequence_node(anchor)

    def compose_mapping_node(self, anchor):
        return self._refuse_anchor(anchor) or super().compose_mapping_node(anchor)

    def _refuse_anchor(self, anchor):
        if anchor is not None:
            event = self.peek_event()
            raise _Refused(event.start_mark.line + 1, f"YAML anchors (&{anchor}) are not allowed; write the value out")
        return None


class _Scalars(yaml.constructor.SafeConstructor):
    """Scalars as YAML 1.1 types, except dates, which stay text: the models parse them."""


_Scalars.add_constructor("tag:yaml.org,2002:timestamp", _Scalars.construct_yaml_str)
_SCALARS = _Scalars()


class _Refused(Exception):
    def __init__(self, line: int, message: str):
        self.line, self.message = line, message


def read_yaml(path: Path, shown_as: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse `path`; on failure return no document and one problem saying what to fix."""

    def fail(line: int, message: str):
        return None, [Problem(shown_as, line, "", message)]

    try:
        with path.open("rb") as handle:  # the caller made sure it is a regular file: no FIFO can block here
            size = os.fstat(handle.fileno()).st_size
            raw = handle.read(MAX_BYTES + 1) if size <= MAX_BYTES else b""
    except OSError as err:
        return fail(1, f"file cannot be read ({err.strerror or err}); check that it exists and that you may read it")
    size = max(size, len(raw))  # it may have grown since: never more than the cap is read
    if size > MAX_BYTES:
        return fail(1, f"file is {size // 1024} KiB; data files must be under {MAX_BYTES // 1024} KiB (split it up)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return fail(line, f"file is not UTF-8 text (byte 0x{raw[err.start]:02x}); save it as UTF-8")
    text = text.removeprefix("\ufeff")
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return fail(1, "file is empty; add its content or delete the file")
    too_deep = _too_deep_at(text)
    if too_deep:
        return fail(too_deep, f"values are nested more than {MAX_DEPTH} levels deep here; data files need only "
                              "a few: close the brackets that are left open, or fix the indentation")
    root = _fast_compose(text)
    try:
        if root is None:
            loader = _NoAliasLoader(text)
            try:
                root = loader.get_single_node()
            finally:
                loader.dispose()
    except _Refused as err:
        return fail(err.line, err.message)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if err.context_mark and "quoted scalar" in (err.context or ""):
            mark = err.context_mark  # point at the opening quote, not at the end of the file
        if err.context_mark and "could not find expected ':'" in (err.problem or ""):
            mark = err.context_mark  # where the line that lacks its ':' starts, not where the scan gave up
        # A mark at the end of the stream can stand one line past the last: never name a line the file lacks.
        line = min(mark.line + 1 if mark else 1, text.count("\n") + 1)
        runaway = _runaway_quote(text, line)
        if runaway:
            return fail(runaway, f"a quoted value that starts on this line runs on to line {line}, where the "
                                 "next quote mark closes it; add the missing closing quote on this line")
        return fail(line, _explain_syntax_error(err))
    except yaml.reader.ReaderError as err:  # a control character: binary data, or a damaged file
        line = text[: err.position].count("\n") + 1
        char = chr(err.character) if isinstance(err.character, int) else err.character
        return fail(line, f"the file holds the control character {code_point(char)}, which YAML does not allow; "
                          "is this a text file? Save it as plain UTF-8 text")
    except yaml.YAMLError as err:  # pragma: no cover - other errors of PyYAML carry a mark
        return fail(1, "not valid YAML: " + " ".join(str(err).split()))
    doc = YamlDoc(shown_as, None)
    problems: list[Problem] = []
    doc.data = _to_python(root, (), doc, problems, text.split("\n"))
    return (None if problems else doc), problems


def _too_deep_at(text: str) -> int | None:
    """The line where nesting first passes `MAX_DEPTH`, read from the parser's events (the parser is a
    state machine, not recursive); None when the file stays within it."""
    for loader in dict.fromkeys((_CLoader or yaml.SafeLoader, yaml.SafeLoader)):
        depth = 0
        try:
            for event in yaml.parse(text, Loader=loader):
                if isinstance(event, yaml.CollectionStartEvent):
                    depth += 1
                    if depth > MAX_DEPTH:
                        return event.start_mark.line + 1
                elif isinstance(event, yaml.CollectionEndEvent):
                    depth -= 1
            return None
        except yaml.YAMLError:
            continue  # libyaml stops at its own nesting limit (or a syntax error): the pure-Python parser says where
    return None


def _runaway_quote(text: str, error_line: int) -> int | None:
    """The line of a quoted value left open, when that is what broke the file: the last value read before
    the error is quoted, spans lines, and ends on the error's line (a later quote mark closed it)."""
    last = None
    try:
        for last in yaml.parse(text, Loader=yaml.SafeLoader):
            pass
    except yaml.YAMLError:
        pass
    if not isinstance(last, yaml.ScalarEvent) or last.style not in ("'", '"'):
        return None
    start, end = last.start_mark.line + 1, last.end_mark.line + 1
    return start if start < end == error_line else None
# Tags of plain YAML values; any other tag (`!!python/object`, `!custom`) is refused, never constructed.
_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}


def _fast_compose(text: str) -> Node | None:
    """The node tree from libyaml, when it is there and the file is plain: about 20 times faster.

    None when the pure-Python loader must do it: no libyaml, a syntax error, an anchor or an alias.
    That loader gives the same tree, and the messages contributors see.
    """
    if not _CLoader:
        return None
    try:
        if "&" in text or "*" in text:  # perhaps an anchor or alias, perhaps bold Markdown: look
            for event in yaml.parse(text, Loader=_CLoader):
                if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                    return None
        return yaml.compose(text, Loader=_CLoader)
    except yaml.YAMLError:
        return None


_CLoader = getattr(yaml, "CSafeLoader", None)
_STR_TAG = "tag:yaml.org,2002:str"


def _explain_syntax_error(err: yaml.MarkedYAMLError) -> str:
    problem = (err.problem or "").strip()
    if "\\t" in problem or "'\\t'" in problem or "tab" in problem:
        return "a tab character is used for indentation; YAML needs spaces"
    if "found unexpected end of stream" in problem or "found unexpected end" in problem:
        return "a quoted value that starts on this line is never closed; add the closing quote"
    if "could not find expected ':'" in problem:
        return "this line is neither `key: value` nor a list item; add the missing ':' (or put the text in quotes)"
    if "mapping values are not allowed" in problem:
        return "unexpected ':' — put text that contains ': ' in quotes, or fix the indentation"
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return "indentation does not line up with the lines above; align it with spaces"
    context = f" {err.context}" if err.context else ""
    return f"not valid YAML:{context} {problem}".rstrip()


def _text(value: str, node: Node, path: Path_, doc: YamlDoc, problems: list[Problem], source: list[str],
          strictness: Strictness | None = None) -> str:
    """A text value or key as the policy wants it (NFC), or a problem naming the refused character."""
    value = normalise(value)
    refused = refusal(value, strictness or strictness_of(path))
    if refused:
        at, message = refused
        problems.append(Problem(doc.file, _line_of_char(value[at], node, source), dotted(path), message))
    return value


def _line_of_char(char: str, node: Node, source: list[str]) -> int:
    """The line of the value that holds `char` as typed; its first line when it was written as an escape."""
    first, last = node.start_mark.line, node.end_mark.line
    for number in range(first, min(last, len(source) - 1) + 1):
        if char in source[number]:
            return number + 1
    return first + 1


def _to_python(node: Node, path: Path_, doc: YamlDoc, problems: list[Problem], source: list[str]):
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if node.tag not in _PLAIN_TAGS:
        problems.append(Problem(doc.file, node.start_mark.line + 1, dotted(path),
                                f"YAML tags like '{node.tag.replace('tag:yaml.org,2002:', '!!')}' are not allowed; "
                                "write a plain value"))
        return None
    if isinstance(node, MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                problems.append(Problem(doc.file, key_node.start_mark.line + 1, dotted(path), "keys must be plain names"))
                continue
            key = _text(key_node.value, key_node, path + (key_node.value,), doc, problems, source, Strictness.EXACT)
            here = key_node.start_mark.line + 1
            if key in result:
                first = doc.lines[path + (key,)]
                problems.append(
                    Problem(doc.file, here, dotted(path + (key,)),
                            f"duplicate key '{key}' (first given on line {first}); keep one of them")
                )
                continue
            doc.lines[path + (key,)] = here
            result[key] = _to_python(value_node, path + (key,), doc, problems, source)
        return result
    if isinstance(node, SequenceNode):
        return [_to_python(item, path + (i,), doc, problems, source) for i, item in enumerate(node.value)]
    if node.tag == _STR_TAG:  # what the constructor would give, without its bookkeeping (most values)
        return _text(node.value, node, path, doc, problems, source)
    value = _SCALARS.construct_object(node, deep=True)
    _SCALARS.constructed_objects.clear()  # it caches every node it saw: keep nothing between files
    return value


def dotted(path: Path_) -> str:
    """`('relationships', 2, 'target')` -> `relationships[2].target`, the form messages use."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
