"""The record schema: generated JSON Schema, and records that validate against it."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from newsextract.cli import app
from newsextract.schema import OUTPUT_ADAPTER, json_schema


def test_schema_command_prints_generated_schema():
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json_schema()


def test_schema_covers_both_record_kinds():
    schema = json_schema()
    text = json.dumps(schema)
    for key in ("doc_id", "language", "entities", "mentions", "events", "sha256", "published_from", "error"):
        assert key in text


def test_error_record_validates_and_bad_record_does_not():
    err = {"status": "error", "doc_id": "x", "source": "x.txt", "sha256": None,
           "error": {"kind": "decode", "message": "binary"}, "versions": {"newsextract": "0.1.0", "models": {}}}
    assert OUTPUT_ADAPTER.validate_python(err).doc_id == "x"
    with pytest.raises(ValidationError):
        OUTPUT_ADAPTER.validate_python({**err, "error": {"kind": "nonsense", "message": ""}})
