"""The terminal game driven by piped input: menus, drafting, forecasts, votes, saves, end of input."""

import io
import subprocess
import sys
from pathlib import Path

from game import saves
from game.console.play import Console
from game.sim.rules import new_game

ROOT = Path(__file__).resolve().parents[1]


def drive(scenario, lines: list[str], folder: Path, seed: int = 3):
    out = io.StringIO()
    console = Console(
        scenario, new_game(scenario, seed), folder, io.StringIO("\n".join(lines) + "\n"), out
    )
    code = console.run()
    return code, out.getvalue(), console


def test_draft_lobby_forecast_vote(tutorial, tmp_path):
    lines = [
        "1",  # end briefing
        "1",
        "2",
        "3",
        "4",
        "5",
        "f",
        "t",  # draft for the HRC with 4 clauses, forecast, table
        "3",
        "KEN",  # lobby one state: Kenya
        "11",  # forecast our text
        "e",
        "e",
        "e",
    ]  # end diplomacy, opposition, votes
    code, text, console = drive(tutorial, lines, tmp_path)
    assert code == 0
    assert "Drafting for the Human Rights Council" in text
    assert "Forecast for the Human Rights Council" in text and "Chance of adoption" in text
    assert "European Union tables in the HRC" in text
    assert "HRC: Situation of human rights in the DPRK (HRC) - " in text
    assert "By regional group:" in text
    assert "What changed this turn" in text
    assert "End of input: game saved to" in text
    assert (tmp_path / "autosave-tutorial.json").exists()


class Answerer(io.StringIO):
    """Input that answers each prompt as a player would: the first option of a choice, else 'e'."""

    def __init__(self):
        super().__init__()
        self.console = None
        self.lines = 0

    def readline(self, *args):
        self.lines += 1
        if self.lines > 500:
            return ""
        return "1\n" if self.console.state.pending else "e\n"


def test_whole_game_by_ending_every_phase(tutorial, tmp_path):
    """Ending every phase plays the game to its debrief; choices get answered on the way."""
    out, answers = io.StringIO(), Answerer()
    console = Console(tutorial, new_game(tutorial, 3), tmp_path, answers, out)
    answers.console = console
    assert console.run() == 0
    text = out.getvalue()
    assert console.state.over
    assert "Debrief" in text and "Score" in text and "You and history" in text


def test_save_and_load_at_a_prompt(tutorial, tmp_path):
    code, text, console = drive(tutorial, ["e", "save mine", "e"], tmp_path)
    assert (tmp_path / "mine.json").exists()
    state_at_save = saves.load(tutorial, tmp_path / "mine.json")
    assert state_at_save.phase == "diplomacy"
    code, text, console = drive(tutorial, ["load mine", "status"], tmp_path, seed=99)
    assert "Loaded mine.json" in text
    assert console.state == state_at_save


def test_load_lists_saves_and_reports_a_damaged_one(tutorial, tmp_path):
    drive(tutorial, ["1", "save good"], tmp_path)
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    code, text, console = drive(tutorial, ["load", "2"], tmp_path)
    assert "broken: broken.json is damaged" in text
    assert "good: tutorial" in text


def test_bad_input_is_explained_not_fatal(tutorial, tmp_path):
    code, text, console = drive(tutorial, ["hello", "0", "99", "help", "1"], tmp_path)
    assert code == 0 and "Type a number from 1 to" in text and "Commands at any prompt" in text


def test_text_command_with_piped_stdin(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "main.py",
            "text",
            "--scenario",
            "tutorial",
            "--seed",
            "5",
            "--saves",
            str(tmp_path),
        ],
        cwd=ROOT,
        input="1\n12\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "seed 5" in result.stdout and "Diplomacy phase" in result.stdout
    assert "End of input: game saved" in result.stdout
    assert list(tmp_path.glob("autosave-tutorial.json"))


def test_quit_saves(tutorial, tmp_path):
    code, text, console = drive(tutorial, ["1", "quit"], tmp_path)
    assert code == 0 and "Goodbye" in text and (tmp_path / "autosave-tutorial.json").exists()
