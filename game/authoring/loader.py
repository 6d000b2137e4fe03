"""Loads scenario and member-data files: read safely, validate the structure, check the meaning."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import ValidationError

from game.authoring import checks, compile
from game.authoring.diagnostics import problems_from, render
from game.authoring.model import MembersFile, ScenarioFile
from game.authoring.yaml_reader import Document, Problem, ReadError, decode, read_yaml
from game.sim.scenario import Scenario

SCENARIO_DIR = Path(__file__).resolve().parents[2] / "scenarios"
SCHEMA_NAME = "scenario.schema.json"
MEMBERS_SCHEMA_NAME = "members.schema.json"


class ScenarioError(Exception):
    """Every problem found in a file (and the files it references), ready to print."""

    def __init__(self, problems: list[Problem], texts: dict[str, str]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems
        self.texts = texts

    def report(self) -> str:
        return "\n".join(render(p, self.texts.get(p.path)) for p in self.problems)


def _read(path: Path, shown: str) -> tuple[bytes, Document]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ScenarioError(
            [Problem(shown, 1, 1, f"can't read the file: {exc.strerror or exc}")], {}
        ) from None
    try:
        text = decode(raw, shown)
        return raw, read_yaml(text, shown)
    except ReadError as exc:
        text = raw.decode("utf-8", errors="replace") if len(raw) < 4_000_000 else ""
        raise ScenarioError([exc.problem], {shown: text}) from None


def _mapping(doc: Document, what: str) -> None:
    if not isinstance(doc.data, dict):
        got = "an empty file" if doc.data is None else f"a {type(doc.data).__name__}"
        raise ScenarioError(
            [Problem(doc.path, 1, 1, f"a {what} file is a YAML mapping of keys; this is {got}")],
            {doc.path: doc.text},
        )


def _findings_to_problems(findings, docs: dict[str, Document]) -> list[Problem]:
    out = []
    for f in findings:
        doc = docs[f.file]
        line, col = doc.mark(f.path, key=f.key)
        out.append(Problem(doc.path, line, col, f.message))
    return sorted(out, key=lambda p: (p.path, p.line, p.col))


_MEMBERS_CACHE: dict[str, tuple[MembersFile, Document]] = {}


def read_members(path: Path, shown: str) -> tuple[bytes, MembersFile, Document]:
    raw, doc = _read(path, shown)
    key = hashlib.sha256(raw).hexdigest()
    cached = _MEMBERS_CACHE.get(key)
    if cached is not None:
        data, old = cached
        return raw, data, Document(shown, old.text, old.data, old.value_marks, old.key_marks)
    _mapping(doc, "member data")
    try:
        data = MembersFile.model_validate(doc.data)
    except ValidationError as exc:
        raise ScenarioError(problems_from(exc, doc, MembersFile), {shown: doc.text}) from None
    findings = checks.check_members_file(data)
    if findings:
        raise ScenarioError(_findings_to_problems(findings, {"members": doc}), {shown: doc.text})
    _MEMBERS_CACHE[key] = (data, doc)
    return raw, data, doc


def _members_path(scenario_path: Path, ref: str, doc: Document) -> Path:
    """The member data file a scenario names: inside the scenario's folder, else the shipped one."""
    rel = Path(ref)
    line, col = doc.mark(("members", "data"))
    if rel.is_absolute() or ".." in rel.parts:
        raise ScenarioError(
            [
                Problem(
                    doc.path,
                    line,
                    col,
                    f"{ref!r}: give a path inside the scenario's folder (no absolute paths, no '..')",
                )
            ],
            {doc.path: doc.text},
        )
    for base in (scenario_path.parent, SCENARIO_DIR):
        candidate = base / rel
        if candidate.is_file():
            return candidate
    raise ScenarioError(
        [
            Problem(
                doc.path,
                line,
                col,
                f"member data file {ref!r} not found next to the scenario or in {SCENARIO_DIR}",
            )
        ],
        {doc.path: doc.text},
    )


def load_scenario(path: str | Path) -> Scenario:
    """A Scenario ready to play, or ScenarioError listing every problem found."""
    path = Path(path)
    shown = str(path)
    raw, doc = _read(path, shown)
    _mapping(doc, "scenario")
    try:
        model = ScenarioFile.model_validate(doc.data)
    except ValidationError as exc:
        raise ScenarioError(problems_from(exc, doc, ScenarioFile), {shown: doc.text}) from None
    members_path = _members_path(path, model.members.data, doc)
    members_raw, members, members_doc = read_members(members_path, str(members_path))
    findings = checks.check_scenario(model, members)
    if findings:
        raise ScenarioError(
            _findings_to_problems(findings, {"scenario": doc, "members": members_doc}),
            {shown: doc.text, members_doc.path: members_doc.text},
        )
    digest = hashlib.sha256(raw + b"\0" + members_raw).hexdigest()
    return compile.scenario(model, members, digest)


def validate_path(path: str | Path) -> list[str]:
    """Rendered problems for one file (a scenario or a member-data file); [] when valid."""
    path = Path(path)
    try:
        raw, doc = _read(path, str(path))
        if isinstance(doc.data, dict) and "members" in doc.data and "groups" in doc.data:
            read_members(path, str(path))
        else:
            load_scenario(path)
    except ScenarioError as exc:
        return [render(p, exc.texts.get(p.path)) for p in exc.problems]
    return []


def available() -> list[Path]:
    """The scenarios shipped in scenarios/, by name."""
    return sorted(p for p in SCENARIO_DIR.glob("*.yaml") if p.is_file())


def resolve(name_or_path: str) -> Path | None:
    """A scenario name ("tutorial") or a path to a file; None if neither exists."""
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml") and candidate.is_file():
        return candidate
    named = SCENARIO_DIR / f"{name_or_path}.yaml"
    if named.is_file():
        return named
    return candidate if candidate.is_file() else None
