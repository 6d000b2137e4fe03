"""Saves: atomic JSON, replayed and checked on load; bad saves explained, never fatal to the others."""

import json
import os

import pytest

from game import saves
from game.analysis.runs import play
from game.sim.actions import EndPhase
from game.sim.rules import apply, new_game
from game.sim.state import state_hash


@pytest.fixture
def midgame(tutorial):
    s = new_game(tutorial, 12)
    for _ in range(7):
        s, _ = apply(tutorial, s, EndPhase(), strict=True)
        if s.pending:
            break
    return s


def test_save_then_load_gives_the_same_state(tutorial, midgame, tmp_path):
    path = saves.save(tutorial, midgame, tmp_path, "one")
    assert path == tmp_path / "one.json"
    assert saves.load(tutorial, path) == midgame


def test_finished_game_round_trip(tutorial, tmp_path):
    s = play(tutorial, "historical", 4)
    assert saves.load(tutorial, saves.save(tutorial, s, tmp_path, "done")) == s


def test_overwrite_keeps_a_backup_and_leaves_no_temp_files(tutorial, midgame, tmp_path):
    saves.save(tutorial, midgame, tmp_path, "slot")
    later, _ = apply(tutorial, midgame, EndPhase())
    saves.save(tutorial, later, tmp_path, "slot")
    assert saves.load(tutorial, tmp_path / "slot.json") == later
    assert (tmp_path / "slot.json.bak").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slot.json", "slot.json.bak"]


def test_names_are_made_safe(tutorial, midgame, tmp_path):
    path = saves.save(tutorial, midgame, tmp_path, "../../etc/passwd")
    assert path.parent == tmp_path and path.name == "______etc_passwd.json"


def _corrupt(path, fn):
    data = json.loads(path.read_text())
    fn(data)
    path.write_text(json.dumps(data))


@pytest.mark.parametrize(
    ("name", "damage", "message"),
    [
        ("truncated", lambda p: p.write_text(p.read_text()[: len(p.read_text()) // 2]), "damaged"),
        ("empty", lambda p: p.write_text(""), "damaged"),
        ("binary", lambda p: p.write_bytes(os.urandom(300)), "damaged"),
        ("not a save", lambda p: p.write_text('{"hello": 1}'), "not a Critical Engagement save"),
        (
            "flipped byte",
            lambda p: p.write_text(p.read_text().replace('"seed": 12', '"seed": 13')),
            "checksum",
        ),
        (
            "future version",
            lambda p: _corrupt(p, lambda d: d.update(format=99)),
            "newer than this version",
        ),
        ("huge", lambda p: p.write_bytes(b" " * (saves.MAX_SAVE_BYTES + 1)), "far too big"),
    ],
)
def test_bad_saves_get_a_clear_message(tutorial, midgame, tmp_path, name, damage, message):
    path = saves.save(tutorial, midgame, tmp_path, name)
    damage(path)
    with pytest.raises(saves.SaveError, match=message):
        saves.load(tutorial, path)


def test_a_changed_scenario_is_detected(tutorial, midgame, tmp_path):
    data = saves.to_json(tutorial, midgame)
    data["scenario"]["hash"] = "0" * 64
    body = {k: v for k, v in data.items() if k != "checksum"}
    data["checksum"] = saves._checksum(body)
    with pytest.raises(saves.SaveError, match="different version of the scenario"):
        saves.restore(tutorial, data)


def test_a_save_that_replays_differently_is_refused(tutorial, midgame):
    data = saves.to_json(tutorial, midgame)
    data["state_hash"] = "f" * 64
    data["checksum"] = saves._checksum({k: v for k, v in data.items() if k != "checksum"})
    with pytest.raises(saves.SaveError, match="replays to a different game"):
        saves.restore(tutorial, data)


def test_an_illegal_action_in_a_save_is_refused(tutorial, midgame):
    data = saves.to_json(tutorial, midgame)
    data["actions"].insert(0, {"type": "use_lever", "lever": "lobby_state", "target": "member:FRA"})
    data["checksum"] = saves._checksum({k: v for k, v in data.items() if k != "checksum"})
    with pytest.raises(saves.SaveError, match="no longer legal"):
        saves.restore(tutorial, data)


def test_one_bad_save_never_takes_the_list_down(tutorial, midgame, tmp_path):
    saves.save(tutorial, midgame, tmp_path, "good")
    (tmp_path / "bad.json").write_text("{{{")
    (tmp_path / "other.json").write_bytes(b"\xff\xfe")
    entries = {e.name: e for e in saves.list_saves(tmp_path)}
    assert entries["good"].problem == "" and entries["good"].scenario == "tutorial"
    assert "damaged" in entries["bad"].problem and entries["other"].problem
    assert saves.list_saves(tmp_path / "missing") == []


def test_state_hash_is_stable_across_processes(tutorial):
    """The digest depends only on the state (no PYTHONHASHSEED, no ids)."""
    import subprocess
    import sys
    from pathlib import Path

    s = play(tutorial, "historical", 4)
    code = (
        "from game.authoring import load_scenario; from game.analysis.runs import play; "
        "from game.sim.state import state_hash; "
        "print(state_hash(play(load_scenario('scenarios/tutorial.yaml'), 'historical', 4)))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "123"}
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.stdout.strip() == state_hash(s)
