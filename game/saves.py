"""Saved games: JSON files of the seed and the action log, written atomically, checked on load."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from game import __version__, paths
from game.files import write_atomic
from game.sim.actions import BadAction, action_from_dict, action_to_dict
from game.sim.rules import apply, new_game, why_not
from game.sim.scenario import Scenario
from game.sim.state import GameState, state_hash

FORMAT = 1
MAGIC = "critical-engagement-save"
MAX_SAVE_BYTES = 20 * 1024 * 1024
AUTOSAVE = "autosave"


class SaveError(Exception):
    """A save that can't be used, with a sentence saying why and what to do."""


def default_dir() -> Path:
    """The platform's per-user data folder for saves."""
    return paths.saves_dir()


def _checksum(body: dict) -> str:
    blob = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(blob.encode("ascii")).hexdigest()


def to_json(scenario: Scenario, state: GameState, label: str = "") -> dict:
    body = {
        "magic": MAGIC,
        "format": FORMAT,
        "label": label,
        "scenario": {"id": scenario.id, "title": scenario.title, "hash": scenario.content_hash},
        "seed": state.seed,
        "actions": [action_to_dict(a) for a in state.log],
        "state_hash": state_hash(state),
        "turn": state.turn,
        "date": scenario.calendar[state.turn].date,
        "phase": state.phase,
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "versions": {"game": __version__, "numpy": np.__version__},
    }
    return {**body, "checksum": _checksum(body)}


def safe_name(name: str) -> str:
    """A file name from what a player typed: letters, digits, - and _ only."""
    cleaned = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name.strip())[:60]
    return cleaned or "save"


def save(scenario: Scenario, state: GameState, folder: Path, name: str, label: str = "") -> Path:
    path = Path(folder) / f"{safe_name(name)}.json"
    write_atomic(path, json.dumps(to_json(scenario, state, label), indent=1))
    return path


def autosave_name(scenario: Scenario) -> str:
    return f"{AUTOSAVE}-{scenario.id}"


def autosave(scenario: Scenario, state: GameState, folder: Path) -> Path:
    """Write the scenario's autosave (one per scenario, replaced each time); OSError if it can't."""
    return save(scenario, state, folder, autosave_name(scenario), label=scenario.title)


def read(path: Path) -> dict:
    """The save's JSON, checked for size, shape, version and checksum."""
    try:
        size = path.stat().st_size
        if size > MAX_SAVE_BYTES:
            raise SaveError(
                f"{path.name} is {size / 1e6:.1f} MB: far too big to be a save of this game."
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SaveError(f"There is no save called {path.name}.") from None
    except OSError as exc:
        raise SaveError(f"{path.name} can't be read: {exc.strerror or exc}.") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise SaveError(
            f"{path.name} is damaged (not valid JSON; perhaps cut short). Load another save."
        ) from None
    if not isinstance(data, dict) or data.get("magic") != MAGIC:
        raise SaveError(f"{path.name} is not a Critical Engagement save.")
    fmt = data.get("format")
    if not isinstance(fmt, int) or isinstance(fmt, bool):
        raise SaveError(f"{path.name} is damaged (no format version).")
    if fmt > FORMAT:
        versions = data.get("versions") if isinstance(data.get("versions"), dict) else {}
        raise SaveError(
            f"{path.name} uses save format {fmt}, newer than this version of the game reads "
            f"(format {FORMAT}, game {__version__}; it was saved by game {versions.get('game', '?')}). "
            "Update the game to load it."
        )
    body = {k: v for k, v in data.items() if k != "checksum"}
    if data.get("checksum") != _checksum(body):
        raise SaveError(
            f"{path.name} is damaged (its checksum doesn't match). Load another save, or its .bak copy."
        )
    for key, kind in (("seed", int), ("actions", list), ("state_hash", str), ("scenario", dict)):
        if not isinstance(data.get(key), kind):
            raise SaveError(f"{path.name} is damaged (no valid {key!r}).")
    return data


def restore(scenario: Scenario, data: dict, name: str = "the save") -> GameState:
    """Replay a save's actions from its seed and check the result is the state that was saved."""
    meta = data["scenario"]
    if meta.get("id") != scenario.id:
        raise SaveError(f"{name} belongs to scenario {meta.get('id')!r}, not {scenario.id!r}.")
    if meta.get("hash") != scenario.content_hash:
        raise SaveError(
            f"{name} was made with a different version of the scenario {scenario.id!r} "
            "(its file has changed since); it can't be replayed faithfully."
        )
    state = new_game(scenario, data["seed"])
    for i, raw in enumerate(data["actions"]):
        try:
            action = action_from_dict(raw)
        except BadAction as exc:
            raise SaveError(f"{name} is damaged (action {i + 1}: {exc}).") from None
        reason = why_not(scenario, state, action)
        if reason is not None:
            raise SaveError(f"{name} doesn't replay: action {i + 1} is no longer legal ({reason}).")
        state, _ = apply(scenario, state, action)
    if state_hash(state) != data["state_hash"]:
        raise SaveError(
            f"{name} replays to a different game than was saved (another numpy or game version?). "
            f"Saved with {data.get('versions')}."
        )
    return state


def load(scenario: Scenario, path: Path) -> GameState:
    return restore(scenario, read(path), Path(path).name)


@dataclass(frozen=True)
class SaveEntry:
    name: str
    path: Path
    scenario: str = ""
    date: str = ""
    phase: str = ""
    saved_at: str = ""
    problem: str = ""  # why it can't be loaded, if it can't


def list_saves(folder: Path) -> list[SaveEntry]:
    """Every save in the folder, newest first; a damaged one is listed with its problem."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    entries = []
    for path in folder.glob("*.json"):
        try:
            data = read(path)
            entries.append(
                SaveEntry(
                    path.stem,
                    path,
                    str(data["scenario"].get("id", "")),
                    str(data.get("date", "")),
                    str(data.get("phase", "")),
                    str(data.get("saved_at", "")),
                )
            )
        except SaveError as exc:
            entries.append(SaveEntry(path.stem, path, problem=str(exc)))
    entries.sort(key=lambda e: (e.saved_at, e.name), reverse=True)
    return entries
