"""JSONL writing: atomic rename, partial files, resume bookkeeping."""

from __future__ import annotations

import pytest

from newsextract.schema import ErrorInfo, ErrorRecord, Versions
from newsextract.writer import JsonlWriter, done_keys


def rec(i: int) -> ErrorRecord:
    return ErrorRecord(doc_id=f"d{i}", source=f"d{i}.txt", sha256=str(i), error=ErrorInfo(kind="empty", message="é"),
                       versions=Versions(newsextract="0"))


def test_atomic_rename_only_on_success(tmp_path):
    out = tmp_path / "o.jsonl"
    with pytest.raises(RuntimeError):
        with JsonlWriter(str(out)) as w:
            w.write(rec(1))
            raise RuntimeError("crash")
    assert not out.exists() and (tmp_path / "o.jsonl.partial").exists()
    with JsonlWriter(str(out)) as w:
        w.write(rec(1))
    assert out.read_text(encoding="utf-8").count("\n") == 1 and "é" in out.read_text(encoding="utf-8")
    assert not (tmp_path / "o.jsonl.partial").exists()


def test_resume_truncates_a_torn_last_line(tmp_path):
    out = tmp_path / "o.jsonl"
    partial = tmp_path / "o.jsonl.partial"
    with pytest.raises(RuntimeError):
        with JsonlWriter(str(out)) as w:
            w.write(rec(1))
            w.write(rec(2))
            raise RuntimeError
    partial.write_bytes(partial.read_bytes() + b'{"doc_id": "d3", "sour')
    keys, _ = done_keys(partial)
    assert keys == {("d1", "d1.txt", "1"), ("d2", "d2.txt", "2")}
    with JsonlWriter(str(out), resume=True) as w:
        assert w.done == keys
        w.write(rec(3))
    assert [line[:14] for line in out.read_text().splitlines()] == ['{"status":"err'] * 3


def test_resume_on_a_finished_output_keeps_it(tmp_path):
    out = tmp_path / "o.jsonl"
    with JsonlWriter(str(out)) as w:
        w.write(rec(1))
    with JsonlWriter(str(out), resume=True) as w:
        assert ("d1", "d1.txt", "1") in w.done
    assert out.read_text().count("\n") == 1


def test_line_carries_the_record_text_and_its_counts(extractor):
    from newsextract.writer import Line, dumps

    record = extractor.extract("L'Inter ha battuto il Torino 5-0 a San Siro.", published="2025-08-26")
    line = Line.of(record)
    assert line.text == dumps(record) and (line.ok, line.lang, line.error_kind) == (True, "it", None)
    assert Line.parse(line.text) == line
    err = Line.of(rec(1))
    assert (err.ok, err.lang, err.error_kind) == (False, None, "empty") and Line.parse(err.text) == err
