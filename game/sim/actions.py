"""What a player can ask for: small frozen records of ids, saved and replayed as they are."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True)
class EndPhase:
    """Finish the current phase and move to the next."""


@dataclass(frozen=True)
class UseLever:
    lever: str
    target: str | None = None  # a member, group, bloc or body id, as the lever's target kind says


@dataclass(frozen=True)
class TableDraft:
    body: str
    clauses: tuple[str, ...]


@dataclass(frozen=True)
class ReviseDraft:
    body: str
    clauses: tuple[str, ...]


@dataclass(frozen=True)
class Choose:
    choice: str
    option: str


Action = Union[EndPhase, UseLever, TableDraft, ReviseDraft, Choose]

_TYPES = {
    "end_phase": EndPhase,
    "use_lever": UseLever,
    "table_draft": TableDraft,
    "revise_draft": ReviseDraft,
    "choose": Choose,
}
_NAMES = {cls: name for name, cls in _TYPES.items()}


def action_to_dict(action: Action) -> dict:
    """A JSON-ready dict: {"type": ..., fields...}."""
    data: dict = {"type": _NAMES[type(action)]}
    for key, value in vars(action).items():
        if value is None:
            continue
        data[key] = list(value) if isinstance(value, tuple) else value
    return data


class BadAction(ValueError):
    """An action record that does not describe any action (from a save file, say)."""


def action_from_dict(data: object) -> Action:
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise BadAction("an action must be an object with a 'type'")
    cls = _TYPES.get(data["type"])
    if cls is None:
        raise BadAction(f"unknown action type {data['type']!r}")
    fields = {k: v for k, v in data.items() if k != "type"}
    expected = cls.__dataclass_fields__
    for key, value in fields.items():
        if key not in expected:
            raise BadAction(f"{data['type']}: unknown field {key!r}")
        if key == "clauses":
            if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
                raise BadAction(f"{data['type']}: 'clauses' must be a list of ids")
            fields[key] = tuple(value)
        elif not isinstance(value, str):
            raise BadAction(f"{data['type']}: {key!r} must be a string")
    try:
        return cls(**fields)
    except TypeError as exc:
        raise BadAction(f"{data['type']}: {exc}") from None
