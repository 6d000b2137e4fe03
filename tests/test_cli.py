"""The command line: exit codes, output shapes, and the same JSON for any number of workers."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.authoring.loader import SCENARIO_DIR
from game.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(*args, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_validate_ok_exits_0(capsys):
    assert main(["validate", str(SCENARIO_DIR / "tutorial.yaml")]) == 0
    assert "ok" in capsys.readouterr().out


def test_validate_problems_exit_1(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: x\n", encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:" in out and ": error: missing required key" in out


@pytest.mark.parametrize(
    "args", [["validate", "/no/such/file.yaml"], ["validate", "."], ["validate"], ["nonsense"]]
)
def test_usage_errors_exit_2(args):
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_validate_never_tracebacks_on_hostile_input(tmp_path):
    """A script can feed validate anything: it answers 1 with located errors."""
    cases = {
        "bomb.yaml": b"a: &a [1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b]\n",
        "obj.yaml": b"!!python/object/apply:os.system ['touch /tmp/pwned']\n",
        "bin.yaml": bytes(range(256)),
        "big.yaml": b"a: " + b"x" * (10 * 1024 * 1024),
    }
    for name, raw in cases.items():
        (tmp_path / name).write_bytes(raw)
    result = run("validate", *sorted(str(tmp_path / n) for n in cases))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout.count(": error: ") == len(cases)


def test_schema_to_stdout_and_file(tmp_path, capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Critical Engagement scenario" and "calendar" in schema["properties"]
    out = tmp_path / "s.json"
    assert main(["schema", "--out", str(out)]) == 0
    assert json.loads(out.read_text()) == schema


def test_shipped_schemas_are_current():
    """scenarios/scenario.schema.json (and the member-data one) match the models: regenerate with
    `python main.py schema --out scenarios/scenario.schema.json` after changing the format."""
    from game.authoring.schema import members_schema_text, scenario_schema_text

    assert (SCENARIO_DIR / "scenario.schema.json").read_text(
        encoding="utf-8"
    ) == scenario_schema_text()
    assert (SCENARIO_DIR / "data" / "members.schema.json").read_text(
        encoding="utf-8"
    ) == members_schema_text()


def test_shipped_scenarios_point_editors_at_the_schema():
    for path in SCENARIO_DIR.glob("*.yaml"):
        assert path.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=scenario.schema.json"
        ), path


def test_unknown_scenario_lists_the_available_ones():
    result = run("simulate", "no_such_scenario", "--runs", "1")
    assert result.returncode == 2
    assert "tutorial" in result.stderr and "Traceback" not in result.stderr


def test_simulate_json_shape(capsys):
    assert (
        main(
            [
                "simulate",
                "tutorial",
                "--strategy",
                "historical",
                "--runs",
                "20",
                "--seed",
                "3",
                "--json",
            ]
        )
        == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert {
        "scenario",
        "strategy",
        "runs",
        "seed",
        "seconds",
        "votes",
        "milestones",
        "score",
    } <= set(report)
    assert report["scenario"] == "tutorial" and report["runs"] == 20 and report["seed"] == 3
    assert set(report["score"]) == {"mean", "p05", "p95"}
    assert report["votes"]
    for v in report["votes"]:
        assert {
            "id",
            "turn",
            "body",
            "kind",
            "title",
            "held",
            "recorded",
            "adopted",
            "yes",
            "no",
            "abstain",
            "absent",
        } <= set(v)
        assert v["body"] in ("HRC", "GA3", "GA", "UNSC")
        assert v["kind"] in ("draft", "amendment", "no_action", "procedural", "substantive")
        assert len(v["turn"]) == 7 and v["turn"][4] == "-"
        for key in ("held", "recorded", "adopted"):
            assert 0.0 <= v[key] <= 1.0
        for key in ("yes", "no", "abstain", "absent"):
            assert set(v[key]) == {"mean", "p05", "p95"}
    assert all(0.0 <= share <= 1.0 for share in report["milestones"].values())


def test_simulate_same_json_for_any_number_of_workers():
    """Same arguments, same JSON (but `seconds`), whatever the number of worker processes."""
    outs = []
    for workers in ("1", "2", "3"):
        result = run(
            "simulate",
            "tutorial",
            "--strategy",
            "random",
            "--runs",
            "40",
            "--seed",
            "9",
            "--json",
            "--workers",
            workers,
        )
        assert result.returncode == 0, result.stderr
        report = json.loads(result.stdout)
        report.pop("seconds")
        outs.append(report)
    assert outs[0] == outs[1] == outs[2]


def test_simulate_text_report(capsys):
    assert main(["simulate", "tutorial", "--strategy", "passive", "--runs", "5"]) == 0
    out = capsys.readouterr().out
    assert "milestones reached" in out and "score" in out


def test_python_dash_m_game_and_console_script_agree():
    a = subprocess.run(
        [sys.executable, "-m", "game", "validate", str(SCENARIO_DIR / "tutorial.yaml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert a.returncode == 0 and "ok" in a.stdout
