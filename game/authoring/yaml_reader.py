"""Reads untrusted YAML into plain data, with the line and column of every key and value.

Only YAML's core scalars are built (null, bool, int, float, str); anchors, aliases and explicit
tags are refused while parsing, before anything is built, so alias bombs and `!!python/object`
never get a chance. Size, nesting depth and node count are bounded; duplicate keys are errors.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import yaml
import yaml.reader
from yaml.resolver import Resolver

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 48
MAX_NODES = 400_000

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster
_RESOLVER = Resolver()
_E = yaml.events
_SCALAR, _MAPPING_START, _SEQUENCE_START = (
    _E.ScalarEvent,
    _E.MappingStartEvent,
    _E.SequenceStartEvent,
)
_MAPPING_END, _SEQUENCE_END = _E.MappingEndEvent, _E.SequenceEndEvent
Path = tuple  # of str keys and int indices


@dataclass(frozen=True)
class Problem:
    """Something wrong at a place in a file; line and column are 1-based."""

    path: str
    line: int
    col: int
    message: str


@dataclass
class Document:
    """Parsed data plus where each path starts in the source."""

    path: str
    text: str
    data: object = None
    value_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def mark(self, loc: Path, key: bool = False) -> tuple[int, int]:
        """(line, col), 1-based, of the deepest known node on `loc` (its key if `key`)."""
        loc = tuple(loc)
        while True:
            if key and loc in self.key_marks:
                return self.key_marks[loc]
            if loc in self.value_marks:
                return self.value_marks[loc]
            if not loc:
                return (1, 1)
            loc = loc[:-1]
            key = False


class ReadError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_BOOLS = {
    w: w.lower() in ("yes", "true", "on", "y")
    for base in ("yes", "no", "true", "false", "on", "off")
    for w in (base, base.capitalize(), base.upper())
}
_NUMERIC_START = frozenset("-+.0123456789")
_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+")


def _scalar(event) -> object:
    value = event.value
    if event.style or not event.implicit[0]:
        return value  # quoted or block text: always a string
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]  # YAML 1.1: yes/no/on/off are booleans (hence ISO ids like NOR)
    if value[0] not in _NUMERIC_START:
        return value
    # The common plain numbers, read without YAML's general resolver (same result: these
    # forms resolve to int and float in YAML 1.1, and leading zeros, which mean octal, are
    # left to the general path).
    if _PLAIN_INT.fullmatch(value):
        return int(value)
    if _PLAIN_FLOAT.fullmatch(value):
        return float(value)
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, event.implicit)
    if tag.endswith(":int"):
        return _int(value)
    if tag.endswith(":float"):
        return _float(value)
    return value  # str, and timestamps kept as text


def _int(value: str) -> int | str:
    v = value.replace("_", "")
    sign = -1 if v.startswith("-") else 1
    v = v.lstrip("+-")
    try:
        if v.startswith("0x"):
            return sign * int(v[2:], 16)
        if v.startswith("0b"):
            return sign * int(v[2:], 2)
        if v.startswith("0o"):
            return sign * int(v[2:], 8)
        if v.startswith("0") and len(v) > 1 and ":" not in v:
            return sign * int(v, 8)
        if ":" in v:
            return value  # sexagesimal: leave as text rather than guess
        return sign * int(v)
    except ValueError:
        return value


def _float(value: str) -> float | str:
    v = value.replace("_", "").lower()
    if v in (".nan",):
        return math.nan
    if v in (".inf", "+.inf"):
        return math.inf
    if v == "-.inf":
        return -math.inf
    try:
        return float(v)
    except ValueError:
        return value


def read_yaml(text: str, path: str) -> Document:
    """Parse `text` (already decoded) into a Document, or raise ReadError with a located problem."""
    doc = Document(path=path, text=text)
    value_marks, key_marks = doc.value_marks, doc.key_marks
    # Frames of open containers: [container, path, pending key (mappings), key mark, is-mapping]
    stack: list[list] = []
    nodes = 0
    root_seen = False

    def fail(mark, message):
        line = mark.line + 1 if mark is not None else 1
        col = mark.column + 1 if mark is not None else 1
        raise ReadError(Problem(path, line, col, message))

    parser = None
    try:
        parser = _Loader(text)
        # The parser's events are read one by one (not through yaml.parse's generator): this
        # loop runs once per value of every scenario and member file loaded.
        while True:
            event = parser.get_event()
            t = type(event)
            if t is _SCALAR:
                node_kind = 0
            elif t is _MAPPING_START:
                node_kind = 1
            elif t is _SEQUENCE_START:
                node_kind = 2
            elif t is _MAPPING_END or t is _SEQUENCE_END:
                frame = stack.pop()
                value = frame[0]
                if not stack:
                    doc.data = value
                    root_seen = True
                else:
                    parent = stack[-1]
                    if parent[4]:
                        parent[0][parent[2]] = value
                        parent[2] = _NO_KEY
                    else:
                        parent[0].append(value)
                continue
            elif t is _E.StreamEndEvent:
                break
            elif t is _E.DocumentStartEvent:
                if root_seen:
                    fail(
                        event.start_mark,
                        "only one YAML document is allowed per file (found a second '---')",
                    )
                continue
            elif t is _E.AliasEvent:
                fail(
                    event.start_mark,
                    "YAML aliases (*name) are not allowed: write the value out in full",
                )
            else:
                continue  # stream start, document end
            # A node starts: scalar, mapping or sequence.
            nodes += 1
            if nodes > MAX_NODES:
                fail(
                    event.start_mark,
                    f"the file has more than {MAX_NODES} values; split it or simplify it",
                )
            if event.anchor:
                fail(
                    event.start_mark,
                    f"YAML anchors (&{event.anchor}) are not allowed: write values out in full",
                )
            tag = event.tag
            if tag is not None and tag != "!":  # "!" only marks a quoted scalar as a string
                fail(event.start_mark, f"YAML tags ({tag}) are not allowed in scenario files")
            start = event.start_mark
            mark = (start.line + 1, start.column + 1)
            if stack:
                parent = stack[-1]
                if parent[4]:
                    key = parent[2]
                    if key is _NO_KEY:
                        # This node is a mapping key.
                        if node_kind:
                            fail(start, "mapping keys must be plain values, not lists or mappings")
                        # Keys stay text: every key in our formats is a name, and YAML 1.1
                        # would otherwise read `no:` as false and `2014:` as a number.
                        key = event.value
                        if key in parent[0]:
                            fail(start, f"duplicate key {key!r} (the later one would silently win)")
                        parent[2] = key
                        parent[3] = mark
                        continue
                    loc = parent[1] + (key,)
                    key_marks[loc] = parent[3]
                else:
                    loc = parent[1] + (len(parent[0]),)
            else:
                parent = None
                loc = ()
            value_marks[loc] = mark
            if node_kind == 0:
                value = _scalar(event)
                if parent is None:
                    doc.data = value
                    root_seen = True
                elif parent[4]:
                    parent[0][parent[2]] = value
                    parent[2] = _NO_KEY
                else:
                    parent[0].append(value)
            else:
                if len(stack) >= MAX_DEPTH:
                    fail(start, f"nesting deeper than {MAX_DEPTH} levels")
                is_mapping = node_kind == 1
                stack.append([{} if is_mapping else [], loc, _NO_KEY, None, is_mapping])
    except ReadError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or "invalid YAML"
        if exc.context:
            message = (
                f"{exc.context}: {message}"
                if "while" not in exc.context
                else f"{message} ({exc.context})"
            )
        fail(mark, f"invalid YAML: {message}")
    except yaml.reader.ReaderError as exc:
        pos = exc.position
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise ReadError(
            Problem(
                path,
                line,
                col,
                f"the file contains a control character (#x{ord(char):04x}) that YAML does not allow",
            )
        ) from None
    except yaml.YAMLError as exc:
        raise ReadError(
            Problem(path, 1, 1, "invalid YAML: " + " ".join(str(exc).split()))
        ) from None
    except RecursionError:
        raise ReadError(Problem(path, 1, 1, f"nesting deeper than {MAX_DEPTH} levels")) from None
    finally:
        if parser is not None:
            parser.dispose()
    return doc


class _NoKey:
    def __repr__(self) -> str:
        return "<no key>"


_NO_KEY = _NoKey()


def decode(raw: bytes, path: str) -> str:
    """Bytes to text, refusing oversize, binary and non-UTF-8 files with a located message."""
    if len(raw) > MAX_BYTES:
        raise ReadError(
            Problem(
                path,
                1,
                1,
                f"the file is {len(raw) / 1e6:.1f} MB; scenario files are limited to {MAX_BYTES // (1024 * 1024)} MB",
            )
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ReadError(
            Problem(
                path,
                line,
                col,
                f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8",
            )
        ) from None
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        col = nul - (text.rfind("\n", 0, nul) + 1) + 1
        raise ReadError(
            Problem(path, line, col, "the file contains NUL bytes: it looks binary, not YAML text")
        )
    return text
