"""The JSON Schemas of scenario and member-data files, generated from the pydantic models."""

from __future__ import annotations

import json

from game.authoring.model import MembersFile, ScenarioFile


def _text(model, title: str) -> str:
    schema = model.model_json_schema(by_alias=True)
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        **{k: v for k, v in schema.items() if k != "title"},
    }
    return json.dumps(schema, indent=1, sort_keys=False) + "\n"


def scenario_schema_text() -> str:
    return _text(ScenarioFile, "Critical Engagement scenario")


def members_schema_text() -> str:
    return _text(MembersFile, "Critical Engagement member-state data")
