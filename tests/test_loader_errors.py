"""Bad scenario files: every problem located as path:line:col with a message a person can act on."""

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.authoring import validate_path
from game.authoring.loader import SCENARIO_DIR

TUTORIAL = (SCENARIO_DIR / "tutorial.yaml").read_text(encoding="utf-8")
LINE_RE = re.compile(r"^(?P<path>[^\n]+?):(?P<line>\d+):(?P<col>\d+): error: (?P<msg>.+)$")


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "data").mkdir()
    shutil.copy(SCENARIO_DIR / "data" / "un_members.yaml", tmp_path / "data" / "un_members.yaml")
    return tmp_path


def problems(folder: Path, content: str | bytes, name: str = "s.yaml"):
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    out = validate_path(path)
    parsed = []
    for report in out:
        head, *rest = report.split("\n")
        m = LINE_RE.match(head)
        assert m, f"not path:line:col: {head!r}"
        if rest:  # the offending line, then a caret under the column
            assert len(rest) == 2 and rest[1].strip() == "^", report
        parsed.append((int(m["line"]), int(m["col"]), m["msg"]))
    return parsed


def edit(old: str, new: str, count: int = 1) -> str:
    assert old in TUTORIAL, old
    return TUTORIAL.replace(old, new, count)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_tutorial_is_valid(folder):
    assert problems(folder, TUTORIAL) == []


CASES = [
    # (name, text or edit, expected message fragment, needle for the expected line or None)
    (
        "misspelled key",
        edit(
            "    strength: 0.5\n    reactions:\n      - {members: [PRK]",
            "    strenght: 0.5\n    reactions:\n      - {members: [PRK]",
        ),
        "unknown key 'strenght'; did you mean 'strength'?",
        "strenght: 0.5",
    ),
    (
        "unknown clause id",
        edit(
            "    if: {draft_has: icc_referral}\n    then:\n      - call_recorded_vote: CUB",
            "    if: {draft_has: icc_referal}\n    then:\n      - call_recorded_vote: CUB",
        ),
        "unknown clause 'icc_referal'; did you mean 'icc_referral'?",
        "icc_referal",
    ),
    (
        "duplicate id",
        edit("  - id: humanitarian_access", "  - id: abductions"),
        "duplicate id 'abductions'",
        '  - id: abductions\n    name: "Humanitarian',
    ),
    (
        "HRC size",
        edit("ARE, VNM,", "ARE,"),
        "HRC in 2014 has 46 members; it must have 47 seats",
        None,
    ),
    (
        "UNSC permanent",
        edit("permanent: [CHN, FRA, RUS, GBR, USA]", "permanent: [CHN, FRA, RUS, GBR]"),
        "5 permanent members",
        "permanent: [CHN",
    ),
    (
        "non-existent state",
        edit(
            "[ARG, AUS, LUX, KOR, RWA, TCD, CHL, JOR, LTU, NGA]",
            "[ARG, AUS, LUX, KOR, RWA, TCD, CHL, JOR, LTU, XYZ]",
        ),
        "unknown member 'XYZ'",
        "XYZ",
    ),
    (
        "dates out of order",
        edit('  - date: "2014-10"', '  - date: "2014-01"'),
        "turn dates must increase",
        '  - date: "2014-01"',
    ),
    (
        "probability",
        edit("  - id: nuclear_threat\n", "  - id: nuclear_threat\n    probability: 1.5\n"),
        "less than or equal to 1",
        "probability: 1.5",
    ),
    (
        "chance",
        edit("    if: {flag: dialogue_suspended}", "    if: {chance: -0.2}"),
        "greater than or equal to 0",
        "chance: -0.2",
    ),
    (
        "duplicate key",
        edit('    short: "HRC"\n', '    short: "HRC"\n    short: "Council"\n'),
        "duplicate key 'short'",
        'short: "Council"',
    ),
    (
        "unknown condition",
        edit("    if: {flag: dialogue_suspended}", "    if: {flagg: dialogue_suspended}"),
        "did you mean 'flag'?",
        "flagg",
    ),
    (
        "unknown effect",
        edit("      - milestone: coi_report\n", "      - milestones: coi_report\n"),
        "did you mean 'milestone'?",
        "milestones: coi_report",
    ),
    (
        "draft condition outside a draft",
        edit("    if: {flag: dialogue_suspended}", "    if: {draft_has: icc_referral}"),
        "acts on a draft",
        "if: {draft_has: icc_referral}\n    effects:",
    ),
    (
        "flag never set",
        edit("    if: {flag: dialogue_suspended}", "    if: {flag: dialog_suspended}"),
        "flag 'dialog_suspended' is tested but never set; did you mean 'dialogue_suspended'?",
        "dialog_suspended",
    ),
    (
        "missing key",
        edit('title: "Tutorial: from the Commission\'s report to the Security Council"\n', ""),
        "missing required key 'title'",
        None,
    ),
    (
        "wrong type",
        edit("    strength: 0.1\n", "    strength: high\n"),
        "expected a number, got 'high'",
        "strength: high",
    ),
    (
        "unquoted no",
        edit(
            'vote: "no", reason: "vetoes any referral of the DPRK to the ICC"}',
            'vote: no, reason: "vetoes"}',
        ),
        "put the word in quotes",
        "vote: no, reason",
    ),
    (
        "bad date",
        edit('  - date: "2014-03"\n    label: "March', '  - date: "2014-3"\n    label: "March'),
        'is not valid: a date is written "YYYY-MM"',
        '"2014-3"',
    ),
    (
        "bad member id",
        edit(
            "[ARG, AUS, LUX, KOR, RWA, TCD, CHL, JOR, LTU, NGA]",
            "[ARG, AUS, LUX, KOR, RWA, TCD, CHL, JOR, LTU, ng]",
        ),
        "ISO 3166-1 alpha-3",
        ", ng]",
    ),
    (
        "escaping data path",
        edit("  data: data/un_members.yaml", "  data: ../../etc/passwd"),
        "no '..'",
        "../../etc/passwd",
    ),
    (
        "event on no turn",
        edit('  - id: tip_veto\n    date: "2015-02"', '  - id: tip_veto\n    date: "2015-03"'),
        "no turn is dated 2015-03",
        'date: "2015-03"',
    ),
    (
        "meter start",
        edit("start: 10, income: 6", "start: 30, income: 6"),
        "start (30) is outside [0, 20]",
        "start: 30",
    ),
    (
        "lever without target uses chosen",
        edit("    target: group_or_bloc\n", ""),
        "'chosen' means the lever's target",
        None,
    ),
    (
        "unknown choice in history",
        edit(
            "choose: {choice: dprk_offer, option: refuse}",
            "choose: {choice: dprk_ofer, option: refuse}",
        ),
        "unknown choice 'dprk_ofer'; did you mean 'dprk_offer'?",
        "dprk_ofer",
    ),
    (
        "unknown option",
        edit(
            "choose: {choice: dprk_offer, option: refuse}",
            "choose: {choice: dprk_offer, option: refuze}",
        ),
        "has no option 'refuze'; did you mean 'refuse'?",
        "refuze",
    ),
    (
        "wrong kind for the council",
        edit("  - body: UNSC\n    kind: substantive", "  - body: UNSC\n    kind: draft"),
        "takes procedural or substantive texts",
        None,
    ),
]


@pytest.mark.parametrize(("name", "text", "fragment", "needle"), CASES, ids=[c[0] for c in CASES])
def test_bad_scenario_reports(folder, name, text, fragment, needle):
    found = problems(folder, text)
    assert found, f"{name}: no problem reported"
    matching = [p for p in found if fragment in p[2]]
    assert matching, f"{name}: expected {fragment!r} in {found}"
    if needle is not None:
        assert matching[0][0] == line_of(text, needle), (name, matching[0], line_of(text, needle))


RAW_CASES = [
    ("empty", b"", "empty file"),
    ("only a comment", b"# nothing\n", "empty file"),
    ("a list", b"- 1\n- 2\n", "mapping of keys"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not UTF-8"),
    ("nul bytes", b"id: x\x00\x00", "binary"),
    ("latin-1", "title: caf\u00e9\n".encode("latin-1"), "not UTF-8"),
    (
        "yaml bomb",
        (
            b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        ),
        "anchors",
    ),
    ("alias only", b"a: *b\n", "alias"),
    ("python tag", b"x: !!python/object/apply:os.system ['echo hacked']\n", "tags"),
    ("custom tag", b"x: !include other.yaml\n", "tags"),
    ("deep nesting", b"x: " + b"[" * 5000 + b"]" * 5000 + b"\n", "nesting"),
    ("ten megabytes", b"# " + b"x" * (10 * 1024 * 1024) + b"\n", "limited to 2 MB"),
    ("broken syntax", b"title: [unclosed\nid: x\n", "invalid YAML"),
    ("tabs", b"a:\n\tb: 1\n", "invalid YAML"),
    ("two documents", b"a: 1\n---\nb: 2\n", "only one YAML document"),
]


@pytest.mark.parametrize(("name", "raw", "fragment"), RAW_CASES, ids=[c[0] for c in RAW_CASES])
def test_hostile_or_broken_files(folder, name, raw, fragment):
    found = problems(folder, raw)
    assert any(fragment in p[2] for p in found), found


def test_several_problems_are_all_reported(folder):
    text = edit("    strength: 0.1\n", "    strength: high\n")
    text = text.replace('    short: "HRC"\n', '    shrt: "HRC"\n', 1)
    found = problems(folder, text)
    assert len(found) >= 2


def test_member_data_problems_point_into_the_member_file(folder):
    data = (folder / "data" / "un_members.yaml").read_text(encoding="utf-8")
    (folder / "data" / "un_members.yaml").write_text(
        data.replace("group: WEOG", "group: WOEG", 1), encoding="utf-8"
    )
    out = validate_path(folder / "s.yaml") if (folder / "s.yaml").exists() else None
    (folder / "s.yaml").write_text(TUTORIAL, encoding="utf-8")
    out = validate_path(folder / "s.yaml")
    assert out and "un_members.yaml" in out[0] and "did you mean 'WEOG'" in out[0]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(folder, raw):
    problems(folder, raw, "fuzz.yaml")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(0, len(TUTORIAL) - 1), st.integers(1, 40), st.text(max_size=30))
def test_corrupted_tutorial_never_raises(folder, start, length, junk):
    """Any slice of the tutorial replaced by junk gets located problems or passes - never a traceback."""
    problems(folder, TUTORIAL[:start] + junk + TUTORIAL[start + length :], "fuzz.yaml")
