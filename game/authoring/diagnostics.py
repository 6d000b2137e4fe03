"""Turns validation errors into `path:line:col: error: message` reports with the line and a caret."""

from __future__ import annotations

import difflib
import typing
from typing import Annotated, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from game.authoring.yaml_reader import Document, Problem

_ID_HELP = "an id uses letters, digits and _ and starts with a letter"
_PATTERN_HELP = {
    r"^[A-Za-z][A-Za-z0-9_]*$": _ID_HELP,
    r"^[A-Z]{3}$": "a member state id is its ISO 3166-1 alpha-3 code in capitals, like NOR or KOR",
    r"^\d{4}-(0[1-9]|1[0-2])$": 'a date is written "YYYY-MM", in quotes or not, like "2014-03"',
}
_TYPE_NAMES = {
    "string_type": "a string",
    "float_type": "a number",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
}


def render(problem: Problem, text: str | None) -> str:
    """`path:line:col: error: message`, then the offending line and a caret under the column."""
    message = " ".join(problem.message.split())  # one line, always
    head = f"{problem.path}:{problem.line}:{problem.col}: error: {message}"
    if not text:
        return head
    lines = text.splitlines()
    if not 1 <= problem.line <= len(lines):
        return head
    line = lines[problem.line - 1]
    if len(line) > 200:
        start = max(0, problem.col - 80)
        line = line[start : start + 160]
        col = problem.col - start
    else:
        col = problem.col
    pad = "".join(ch if ch == "\t" else " " for ch in line[: max(0, col - 1)])
    return f"{head}\n    {line}\n    {pad}^"


def data_path(data: object, loc: tuple) -> tuple:
    """The path into the parsed data that a pydantic `loc` describes (union tags skipped)."""
    path: list = []
    node = data
    for item in loc:
        if (
            isinstance(node, dict)
            and item in node
            or isinstance(node, list)
            and isinstance(item, int)
            and 0 <= item < len(node)
        ):
            path.append(item)
            node = node[item]
        # anything else is a union tag or a type name pydantic inserted: skip it
    return tuple(path)


def _strip(tp):
    while get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    return tp


def _tag(tp) -> str | None:
    if get_origin(tp) is Annotated:
        for meta in get_args(tp)[1:]:
            if type(meta).__name__ == "Tag":
                return meta.tag
    return None


def _field_by_key(model: type[BaseModel], key) -> FieldInfo | None:
    for name, info in model.model_fields.items():
        if (info.alias or name) == key:
            return info
    return None


def keys_of(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _is_union(tp) -> bool:
    return get_origin(tp) in (Union, typing.Union) or type(tp).__name__ == "UnionType"


def model_at(root: type, loc: tuple) -> type[BaseModel] | None:
    """The pydantic model validating the mapping at `loc`, when that can be told."""
    tp, i = root, 0
    while True:
        tp = _strip(tp)
        if _is_union(tp):
            members = get_args(tp)
            tagged = [m for m in members if i < len(loc) and _tag(m) == loc[i]]
            if tagged:
                tp, i = tagged[0], i + 1
                continue
            real = [m for m in members if m is not type(None)]
            if len(real) != 1:
                return None  # an untagged union: can't tell which member was meant
            tp = real[0]
            continue
        if i >= len(loc):
            break
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            info = _field_by_key(tp, loc[i])
            if info is None:
                return None
            tp = info.annotation
        elif get_origin(tp) is list:
            tp = get_args(tp)[0]
        elif get_origin(tp) is dict:
            tp = get_args(tp)[1]
        else:
            return None
        i += 1
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def _suggest(word, choices) -> str:
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def problems_from(exc: ValidationError, doc: Document, root: type[BaseModel]) -> list[Problem]:
    """One located, plain-English problem per pydantic error."""
    out: list[Problem] = []
    seen: set[tuple] = set()
    errors = exc.errors(include_url=False)
    # A misspelled key shows up twice: as an unknown key and as a missing one. Say it once.
    misspelled = {
        (data_path(doc.data, tuple(e["loc"][:-1])), m)
        for e in errors
        if e["type"] == "extra_forbidden"
        for m in difflib.get_close_matches(
            str(e["loc"][-1]),
            [str(x["loc"][-1]) for x in errors if x["type"] == "missing"],
            n=3,
            cutoff=0.6,
        )
    }
    for err in errors:
        if (
            err["type"] == "missing"
            and (data_path(doc.data, tuple(err["loc"][:-1])), str(err["loc"][-1])) in misspelled
        ):
            continue
        loc = tuple(err["loc"])
        kind = err["type"]
        path = data_path(doc.data, loc)
        key_mark = False
        message = err["msg"]
        value = err.get("input")
        if kind == "missing":
            name = loc[-1]
            message = f"missing required key {name!r}"
            path = data_path(doc.data, loc[:-1])
        elif kind == "extra_forbidden":
            name = loc[-1]
            parent = model_at(root, loc[:-1])
            hint = _suggest(name, keys_of(parent)) if parent else ""
            if parent and not hint:
                hint = f" (expected one of: {', '.join(keys_of(parent))})"
            message = f"unknown key {name!r}{hint}"
            key_mark = True
        elif kind.startswith("unknown_") or kind == "union_tag_not_found":
            keys = list(value) if isinstance(value, dict) else []
            tags = message.rpartition(": ")[2].split(", ")
            hint = _suggest(keys[0], tags) if keys else ""
            what = kind.removeprefix("unknown_")
            if not isinstance(value, dict):
                message = f"expected a {what} (a mapping), got {_short(value)}"
            else:
                message = f"{_short(keys[0] if keys else value)} does not start a {what}{hint} ({message})"
                key_mark = bool(keys)
                if keys:
                    path = path + (keys[0],)
        elif kind == "string_pattern_mismatch":
            pattern = (err.get("ctx") or {}).get("pattern", "")
            message = f"{_short(value)} is not valid: {_PATTERN_HELP.get(pattern, 'it must match ' + pattern)}"
        elif kind == "literal_error":
            expected = (err.get("ctx") or {}).get("expected", "")
            options = [o.strip(" '") for o in expected.replace(" or ", ", ").split(", ")]
            message = f"{_short(value)} is not one of {expected}{_suggest(value, options)}"
            if isinstance(value, bool):
                message += (
                    " (YAML reads unquoted yes/no/on/off as true/false: put the word in quotes)"
                )
        elif kind in _TYPE_NAMES:
            message = f"expected {_TYPE_NAMES[kind]}, got {_short(value)}"
        elif kind == "value_error":
            message = message.removeprefix("Value error, ")
        else:
            message = (
                f"{message} (got {_short(value)})"
                if value is not None and not isinstance(value, (dict, list))
                else message
            )
        line, col = doc.mark(path, key=key_mark)
        ident = (line, col, message)
        if ident in seen:
            continue
        seen.add(ident)
        out.append(Problem(doc.path, line, col, message))
    out.sort(key=lambda p: (p.line, p.col))
    return out
