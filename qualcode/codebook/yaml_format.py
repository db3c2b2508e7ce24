"""The YAML codebook format: text <-> :class:`CodebookSpec`.

The file is composed into PyYAML's node tree rather than loaded into Python
objects, so that every refusal can name the line it is about, and so that
YAML anchors and aliases can be followed without being expanded (an alias
that makes a code its own descendant is caught instead of looping, and a
"billion laughs" file stops at the code limit). The format itself is
documented in ``codebooks/README.md``.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from qualcode.codebook.colors import normalise_color
from qualcode.codebook.spec import (
    MAX_CODES,
    MAX_DEPTH,
    MAX_NAME_LENGTH,
    PATH_SEPARATOR,
    CodebookSpec,
    CodeSpec,
    format_code_path,
    name_key,
)
from qualcode.errors import CodebookError

#: Longest description, inclusion, exclusion or example text accepted.
MAX_TEXT_LENGTH = 20_000

TOP_LEVEL_KEYS = ("name", "description", "language", "version", "codes")
CODE_KEYS = (
    "name",
    "description",
    "inclusion",
    "exclusion",
    "example",
    "color",
    "key",
    "guid",
    "children",
)
_TEXT_KEYS = ("description", "inclusion", "exclusion", "example")
_NULL_TAG = "tag:yaml.org,2002:null"
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class _MarkingLoader(yaml.SafeLoader):
    """A SafeLoader that remembers where each alias was written.

    PyYAML hands back the anchored node itself for an alias, so the alias's
    own line is lost; a cycle is best reported at the alias that closes it.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.alias_lines: dict[tuple[int, int], int] = {}

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if not self.check_event(AliasEvent):
            return super().compose_node(parent, index)
        line = self.peek_event().start_mark.line + 1
        node = super().compose_node(parent, index)
        self.alias_lines[(id(parent), index if isinstance(index, int) else id(index))] = line
        return node


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


def _compose(text: str, source: str) -> tuple[Node, dict[tuple[int, int], int]]:
    try:
        loader = _MarkingLoader(text)
    except yaml.reader.ReaderError as error:
        raise _reader_error(error, text, source) from None
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if error.context_mark and "end of stream" in str(error.problem):
            mark = error.context_mark  # where the unclosed quote or bracket opened
        problem = " ".join(str(error.problem or error.context or "bad YAML").split())
        if error.context and error.problem:
            problem = f"{problem} ({' '.join(str(error.context).split())})"
        raise CodebookError(
            source, f"not valid YAML: {problem}", mark.line + 1 if mark else None
        ) from None
    except yaml.reader.ReaderError as error:
        raise _reader_error(error, text, source) from None
    except RecursionError:
        raise CodebookError(source, "not valid YAML: nested too deeply to read") from None
    finally:
        loader.dispose()
    if root is None:
        raise CodebookError(source, "empty codebook: write at least 'name:' and 'codes:'", 1)
    return root, loader.alias_lines


def _reader_error(error: yaml.reader.ReaderError, text: str, source: str) -> CodebookError:
    """PyYAML refuses control characters before parsing; name their line."""
    line = text.count("\n", 0, error.position) + 1
    return CodebookError(
        source, f"not valid YAML: control character U+{error.character:04X} is not allowed", line
    )


@dataclass
class _Reader:
    """One pass over a composed file; holds what must be unique codebook-wide."""

    source: str
    alias_lines: dict[tuple[int, int], int]
    count: int = 0
    keys: dict[str, tuple[str, int]] = field(default_factory=dict)
    guids: dict[int, tuple[str, int]] = field(default_factory=dict)

    def fail(self, problem: str, node: Node | int | None) -> CodebookError:
        line = _line(node) if isinstance(node, Node) else node
        return CodebookError(self.source, problem, line)

    def fields(self, node: MappingNode, allowed: tuple[str, ...], what: str) -> dict[str, Node]:
        found: dict[str, tuple[str, Node, Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise self.fail(
                    f"{what}: a key must be a plain word, not a list or mapping", key_node
                )
            written = key_node.value.strip()
            if written == "<<":
                raise self.fail(f"{what}: YAML merge keys ('<<') are not supported", key_node)
            key = "color" if written == "colour" else written
            if key not in allowed:
                raise self.fail(
                    f"{what}: unknown key {written!r}; allowed keys are {', '.join(allowed)}"
                    + (" (or 'colour')" if "color" in allowed else ""),
                    key_node,
                )
            if key in found:
                first_written, first_key, _ = found[key]
                raise self.fail(
                    f"{what}: {written!r} given twice (first as {first_written!r} "
                    f"at line {_line(first_key)})",
                    key_node,
                )
            found[key] = (written, key_node, value_node)
        return {key: value for key, (_, _, value) in found.items()}

    def text(self, node: Node | None, what: str, key: str, limit: int = MAX_TEXT_LENGTH) -> str:
        if node is None or (isinstance(node, ScalarNode) and node.tag == _NULL_TAG):
            return ""
        if not isinstance(node, ScalarNode):
            kind = "list" if isinstance(node, SequenceNode) else "mapping"
            raise self.fail(f"{what}: '{key}' must be text, not a {kind}", node)
        value = str(node.value).strip()
        if len(value) > limit:
            raise self.fail(
                f"{what}: '{key}' is {len(value):,} characters long (at most {limit:,})", node
            )
        return value

    def name(self, node: Node | None, what: str, parent: Node) -> str:
        value = self.text(node, what, "name", limit=10 * MAX_NAME_LENGTH)
        if not value:
            raise self.fail(f"{what}: 'name' is missing or empty", node or parent)
        if len(value) > MAX_NAME_LENGTH:
            raise self.fail(
                f"{what}: name is {len(value)} characters long (at most {MAX_NAME_LENGTH})",
                node,
            )
        if _CONTROL.search(value):
            raise self.fail(f"{what}: name {value!r} spans lines or holds control characters", node)
        return value

    def codes(
        self, node: Node, parent_path: tuple[str, ...], ancestors: tuple[int, ...], via: int | None
    ) -> tuple[CodeSpec, ...]:
        where = f"children of {format_code_path(parent_path)!r}" if parent_path else "codes"
        if isinstance(node, ScalarNode) and node.tag == _NULL_TAG:
            if not parent_path:
                raise self.fail("'codes' is empty: a codebook needs at least one code", node)
            return ()
        if not isinstance(node, SequenceNode):
            raise self.fail(f"{where} must be a list ('- name: ...' items)", node)
        if not node.value and not parent_path:
            raise self.fail("'codes' is empty: a codebook needs at least one code", node)
        depth = len(parent_path) + 1
        if depth > MAX_DEPTH:
            raise self.fail(f"{where}: codes are nested more than {MAX_DEPTH} levels deep", node)
        siblings: dict[str, int] = {}
        result = []
        for index, item in enumerate(node.value):
            alias_line = self.alias_lines.get((id(node), index), via)
            if id(item) in ancestors:
                raise self.fail(
                    f"{where}: a YAML alias makes a code its own descendant (a cycle)",
                    alias_line if alias_line is not None else item,
                )
            code = self.code(item, parent_path, ancestors)
            key = name_key(code.name)
            if key in siblings:
                raise self.fail(
                    f"{where}: two codes named {code.name!r} (first at line {siblings[key]}); "
                    "sibling names must differ, ignoring case",
                    item,
                )
            siblings[key] = _line(item)
            result.append(code)
        return tuple(result)

    def code(
        self, node: Node, parent_path: tuple[str, ...], ancestors: tuple[int, ...]
    ) -> CodeSpec:
        if not isinstance(node, MappingNode):
            raise self.fail(
                "a code must be a mapping with at least a name (write '- name: ...')", node
            )
        self.count += 1
        if self.count > MAX_CODES:
            raise self.fail(f"more than {MAX_CODES:,} codes; that is not a usable codebook", node)
        label = f"code under {format_code_path(parent_path)!r}" if parent_path else "code"
        fields = self.fields(node, CODE_KEYS, label)
        name = self.name(fields.get("name"), label, node)
        if PATH_SEPARATOR in name:
            raise self.fail(
                f"code {name!r}: a name may not contain {PATH_SEPARATOR!r} "
                "(it separates names in code paths)",
                fields["name"],
            )
        path = (*parent_path, name)
        what = f"code {format_code_path(path)!r}"
        texts = {key: self.text(fields.get(key), what, key) for key in _TEXT_KEYS}
        color = self.color(fields.get("color"), what)
        shortcut = self.shortcut(fields.get("key"), what)
        guid = self.guid(fields.get("guid"), what)
        children_node = fields.get("children")
        children: tuple[CodeSpec, ...] = ()
        if children_node is not None:
            children_key = next(k for k, v in node.value if v is children_node)
            via = self.alias_lines.get((id(node), id(children_key)))
            if id(children_node) in ancestors:
                raise self.fail(
                    f"{what}: a YAML alias makes a code its own descendant (a cycle)",
                    via if via is not None else children_node,
                )
            children = self.codes(
                children_node, path, (*ancestors, id(node), id(children_node)), via
            )
        return CodeSpec(name=name, color=color, key=shortcut, guid=guid, children=children, **texts)

    def color(self, node: Node | None, what: str) -> str | None:
        if node is None:
            return None
        value = self.text(node, what, "color", limit=100)
        if not value:
            raise self.fail(
                f"{what}: 'color' is empty; quote hex colours (color: \"#d95f02\"), "
                "because YAML reads an unquoted # as the start of a comment",
                node,
            )
        try:
            return normalise_color(value)
        except ValueError as error:
            raise self.fail(f"{what}: {error}", node) from None

    def shortcut(self, node: Node | None, what: str) -> str | None:
        if node is None:
            return None
        value = self.text(node, what, "key", limit=100)
        if len(value) != 1 or not (value in "123456789" or value.isalpha()):
            raise self.fail(
                f"{what}: key {value!r} must be one character, '1' to '9' or a letter", node
            )
        if value in self.keys:
            other, line = self.keys[value]
            raise self.fail(f"{what}: key {value!r} is already used by {other} (line {line})", node)
        self.keys[value] = (what.removeprefix("code "), _line(node))
        return value

    def guid(self, node: Node | None, what: str) -> str | None:
        if node is None:
            return None
        value = self.text(node, what, "guid", limit=100)
        try:
            number = uuid.UUID(value).int
        except ValueError:
            raise self.fail(f"{what}: guid {value!r} is not a GUID/UUID", node) from None
        if number in self.guids:
            other, line = self.guids[number]
            raise self.fail(
                f"{what}: guid {value!r} is already used by {other} (line {line})", node
            )
        self.guids[number] = (what.removeprefix("code "), _line(node))
        return value


def parse_codebook_yaml(text: str, source: str) -> CodebookSpec:
    """Read a YAML codebook; refuse it with :class:`CodebookError` naming the line.

    ``source`` is the file path (or another label) used in error messages and
    kept on the result. A missing top-level ``name`` falls back to the file
    name without its extension.
    """
    root, alias_lines = _compose(text, source)
    reader = _Reader(source, alias_lines)
    if not isinstance(root, MappingNode):
        kind = "a list" if isinstance(root, SequenceNode) else "plain text"
        raise reader.fail(
            f"the top level must be a mapping with 'name:' and 'codes:', not {kind}", root
        )
    fields = reader.fields(root, TOP_LEVEL_KEYS, "codebook")
    if "codes" not in fields:
        raise reader.fail("codebook: 'codes' is missing (the list of codes)", root)
    name = (
        reader.name(fields["name"], "codebook", root)
        if "name" in fields
        else PurePath(source).stem or "codebook"
    )
    language = reader.text(fields.get("language"), "codebook", "language", limit=35) or None
    if language is not None and not _LANGUAGE.fullmatch(language):
        raise reader.fail(
            f"codebook: language {language!r} is not a language tag such as 'nl' or 'en-GB'",
            fields["language"],
        )
    return CodebookSpec(
        name=name,
        codes=reader.codes(fields["codes"], (), (id(root),), None),
        source=source,
        description=reader.text(fields.get("description"), "codebook", "description"),
        language=language,
        version=reader.text(fields.get("version"), "codebook", "version", limit=100) or None,
    )


class _Dumper(yaml.SafeDumper):
    """Writes the layout people write by hand: list items indented under their
    key, multi-line texts as ``|`` blocks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)


def _code_mapping(code: CodeSpec) -> dict[str, Any]:
    mapping: dict[str, Any] = {"name": code.name}
    for key in _TEXT_KEYS:
        if getattr(code, key):
            mapping[key] = getattr(code, key)
    for key in ("color", "key", "guid"):
        if getattr(code, key) is not None:
            mapping[key] = getattr(code, key)
    if code.children:
        mapping["children"] = [_code_mapping(child) for child in code.children]
    return mapping


def dump_codebook_yaml(spec: CodebookSpec) -> str:
    """Write ``spec`` as YAML that :func:`parse_codebook_yaml` reads back equal.

    Empty fields are left out; the source path is not written.
    """
    document: dict[str, Any] = {"name": spec.name}
    if spec.description:
        document["description"] = spec.description
    if spec.language:
        document["language"] = spec.language
    if spec.version:
        document["version"] = spec.version
    document["codes"] = [_code_mapping(code) for code in spec.codes]
    return yaml.dump(
        document,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=88,
        indent=2,
        default_flow_style=False,
    )
