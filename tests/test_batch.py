"""The batch engines: same output for any number of workers, kill and resume, Dask."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsextract.cli import app

from conftest import CORPORA, ROOT

runner = CliRunner()


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    """Forty articles written out as files from the dev splits."""
    from newsextract.corpus import read_jsonl

    folder = tmp_path_factory.mktemp("articles")
    docs = read_jsonl(CORPORA / "it" / "dev.jsonl")[:20] + read_jsonl(CORPORA / "en" / "dev.jsonl")[:20]
    for doc in docs:
        (folder / f"{doc['id']}.txt").write_text(doc["text"], encoding="utf-8")
        (folder / f"{doc['id']}.meta.json").write_text(f'{{"published": "{doc["meta"]["published"]}"}}', encoding="utf-8")
    return folder


def run(args: list[str]) -> int:
    return runner.invoke(app, ["run", *args, "-q"]).exit_code


@pytest.mark.slow
def test_same_output_for_one_and_two_workers(articles, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run([str(articles), "-o", str(one), "--workers", "1"]) == 0
    assert run([str(articles), "-o", str(two), "--workers", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()
    assert one.read_text().count("\n") == 40


@pytest.mark.slow
def test_kill_and_resume_loses_and_duplicates_nothing(articles, tmp_path):
    clean, killed = tmp_path / "clean.jsonl", tmp_path / "killed.jsonl"
    assert run([str(articles), "-o", str(clean), "--workers", "1"]) == 0
    cmd = [sys.executable, "-m", "newsextract.cli", "run", str(articles), "-o", str(killed), "--workers", "1", "-q"]
    proc = subprocess.Popen(cmd, cwd=ROOT)
    partial = Path(str(killed) + ".partial")
    deadline = time.time() + 120
    while time.time() < deadline and (not partial.exists() or partial.read_text().count("\n") < 5):
        time.sleep(0.1)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not killed.exists() and 5 <= partial.read_text().count("\n") < 40
    assert run([str(articles), "-o", str(killed), "--workers", "2", "--resume"]) == 0
    assert killed.read_bytes() == clean.read_bytes()


@pytest.mark.slow
def test_dask_local_cluster_equals_local_engine(articles, tmp_path):
    pytest.importorskip("dask.distributed")
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert run([str(articles), "-o", str(local), "--workers", "1"]) == 0
    assert run([str(articles), "-o", str(dask), "--engine", "dask", "--workers", "2"]) == 0
    assert dask.read_bytes() == local.read_bytes()
