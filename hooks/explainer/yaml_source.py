"""Read one YAML file safely into plain values plus the line of every key, for precise messages.

Safe by construction: PyYAML's SafeLoader (no Python objects), a size cap, UTF-8 only, no anchors or
aliases (which also rules out "billion laughs" bombs), and duplicate keys refused instead of the
last one silently winning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem

MAX_BYTES = 512 * 1024

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
        size = path.stat().st_size
        raw = path.read_bytes() if size <= MAX_BYTES else b""
    except OSError as err:
        return fail(1, f"file cannot be read ({err.strerror or err}); check that it exists and that you may read it")
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
        return fail(mark.line + 1 if mark else 1, _explain_syntax_error(err))
    except yaml.reader.ReaderError as err:  # a control character: binary data, or a damaged file
        line = text[: err.position].count("\n") + 1
        code = err.character if isinstance(err.character, int) else ord(err.character)
        return fail(line, f"the file holds a control character (0x{code:02x}) that YAML does not allow; "
                          "is this a text file? Save it as plain UTF-8 text")
    except yaml.YAMLError as err:  # pragma: no cover - other errors of PyYAML carry a mark
        return fail(1, "not valid YAML: " + " ".join(str(err).split()))
    except RecursionError:
        return fail(1, _TOO_DEEP)
    doc = YamlDoc(shown_as, None)
    problems: list[Problem] = []
    try:
        doc.data = _to_python(root, (), doc, problems)
    except RecursionError:
        return fail(1, _TOO_DEEP)
    return (None if problems else doc), problems


_TOO_DEEP = "values are nested far too deeply (hundreds of levels); data files need only a few"
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
    if "mapping values are not allowed" in problem:
        return "unexpected ':' — put text that contains ': ' in quotes, or fix the indentation"
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return "indentation does not line up with the lines above; align it with spaces"
    context = f" {err.context}" if err.context else ""
    return f"not valid YAML:{context} {problem}".rstrip()


def _to_python(node: Node, path: Path_, doc: YamlDoc, problems: list[Problem]):
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
            key = key_node.value
            here = key_node.start_mark.line + 1
            if key in result:
                first = doc.lines[path + (key,)]
                problems.append(
                    Problem(doc.file, here, dotted(path + (key,)),
                            f"duplicate key '{key}' (first given on line {first}); keep one of them")
                )
                continue
            doc.lines[path + (key,)] = here
            result[key] = _to_python(value_node, path + (key,), doc, problems)
        return result
    if isinstance(node, SequenceNode):
        return [_to_python(item, path + (i,), doc, problems) for i, item in enumerate(node.value)]
    if node.tag == _STR_TAG:
        return node.value  # what the constructor would give, without its bookkeeping (most values)
    value = _SCALARS.construct_object(node, deep=True)
    _SCALARS.constructed_objects.clear()  # it caches every node it saw: keep nothing between files
    return value


def dotted(path: Path_) -> str:
    """`('relationships', 2, 'target')` -> `relationships[2].target`, the form messages use."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
