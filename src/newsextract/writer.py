"""JSONL output: UTF-8, one record a line, durable while running, atomic when done.

Records are appended (and flushed) to ``OUTPUT.partial`` as they are made, so a killed
run can be resumed; only a finished run renames it to ``OUTPUT``, so a crash never leaves
a half-written output file. ``-`` writes straight to stdout.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from pydantic import BaseModel


def dumps(record: BaseModel) -> str:
    return _encode(record.model_dump(mode="json", exclude_none=False))


@dataclass(frozen=True)
class Line:
    """One output line, serialized where its record was made (a worker process), and what the run summary counts.

    Worker processes send lines rather than records: rebuilding pydantic models from
    pickles in the writing process would cost it more than writing.
    """

    text: str
    ok: bool
    lang: str | None = None
    error_kind: str | None = None

    @classmethod
    def of(cls, record: BaseModel) -> "Line":
        data = record.model_dump(mode="json", exclude_none=False)
        return cls(_encode(data), *_counted(data))

    @classmethod
    def parse(cls, text: str) -> "Line":
        """A line read back from a JSONL shard."""
        return cls(text, *_counted(json.loads(text)))


def _encode(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _counted(data: dict) -> tuple[bool, str | None, str | None]:
    if data["status"] == "ok":
        return True, data["language"]["code"], None
    return False, None, data["error"]["kind"]


def done_keys(path: Path) -> tuple[set[tuple[str, str, str | None]], int]:
    """Keys (doc_id, source, sha256) of complete records in a partial output, and its valid length in bytes."""
    keys: set[tuple[str, str, str | None]] = set()
    good = 0
    if not path.exists():
        return keys, 0
    with path.open("rb") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                break
            try:
                rec = json.loads(line)
            except ValueError:
                break
            keys.add((rec.get("doc_id"), rec.get("source"), rec.get("sha256")))
            good += len(line)
    return keys, good


class JsonlWriter:
    """Context manager: ``write(record)`` per record; rename into place on clean exit."""

    def __init__(self, output: str, resume: bool = False):
        self.output = output
        self.resume = resume
        self.done: set[tuple[str, str, str | None]] = set()
        self._fh: IO[str] | None = None

    @property
    def partial(self) -> Path:
        return Path(self.output + ".partial")

    def __enter__(self) -> "JsonlWriter":
        if self.output == "-":
            self._fh = sys.stdout
            return self
        Path(self.output).parent.mkdir(parents=True, exist_ok=True)
        if self.resume:
            final = Path(self.output)
            if final.exists() and not self.partial.exists():
                os.replace(final, self.partial)
            self.done, good = done_keys(self.partial)
            with self.partial.open("r+b" if self.partial.exists() else "wb") as fh:
                fh.truncate(good)
            self._fh = self.partial.open("a", encoding="utf-8", errors="backslashreplace")
        else:
            self._fh = self.partial.open("w", encoding="utf-8", errors="backslashreplace")
        return self

    def write(self, record: BaseModel | Line) -> None:
        assert self._fh is not None
        self._fh.write((record.text if isinstance(record, Line) else dumps(record)) + "\n")
        self._fh.flush()

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._fh is None or self._fh is sys.stdout:
            return
        self._fh.close()
        if exc_type is None:
            os.replace(self.partial, self.output)
