"""The command line end to end: run on samples and seeds, exit codes, stdin, merge, evaluate."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsextract.cli import app
from newsextract.schema import OUTPUT_ADAPTER

from conftest import ROOT, SAMPLES

SHARED = ROOT.parent / "shared"
runner = CliRunner()


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_run_samples(tmp_path):
    out = tmp_path / "samples.jsonl"
    result = runner.invoke(app, ["run", str(SAMPLES), "-o", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    records = lines(out)
    assert len(records) == 6
    for rec in records:
        OUTPUT_ADAPTER.validate_python(rec)
        assert rec["status"] == "ok" and rec["language"]["code"] in ("it", "en")
    by_id = {r["doc_id"]: r for r in records}
    assert by_id["napoli-genoa"]["title"] == "Napoli-Genoa 2-1" and by_id["napoli-genoa"]["published_from"] == "metadata"
    assert by_id["juve-transfer"]["published"] == "2025-07-14"
    assert by_id["serie-a-roundup"]["source"] == "roundup.jsonl:1"
    assert not (tmp_path / "samples.jsonl.partial").exists()


def test_utf8_output_not_ascii_escaped(tmp_path):
    out = tmp_path / "o.jsonl"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Il Napoli di Højlund ha vinto a Torino. È festa al Maradona, città in delirio.", encoding="utf-8")
    runner.invoke(app, ["run", str(tmp_path / "in"), "-o", str(out), "--workers", "1", "-q"])
    assert "Højlund" in out.read_text(encoding="utf-8")


def test_error_records_and_exit_code_1(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("L'Inter ha battuto il Torino cinque a zero a San Siro davanti a settantamila spettatori.", encoding="utf-8")
    (src / "empty.txt").write_text("   \n", encoding="utf-8")
    (src / "bin.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    out = tmp_path / "o.jsonl"
    result = runner.invoke(app, ["run", str(src), "-o", str(out), "--workers", "1", "-q"])
    assert result.exit_code == 1
    records = {r["doc_id"]: r for r in lines(out)}
    assert records["good"]["status"] == "ok"
    assert records["empty"]["error"]["kind"] == "empty"
    assert records["bin"]["error"]["kind"] == "decode"


@pytest.mark.parametrize("args", [["run", "x", "--engine", "spark"], ["run", "x", "--model", "it"],
                                  ["run", "x", "--reference-date", "yesterday"], ["evaluate", "nope.jsonl"]])
def test_usage_errors_exit_2(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 2


def test_stdin_to_stdout():
    proc = subprocess.run([sys.executable, "-m", "newsextract.cli", "run", "-", "-o", "-", "-q"], input="Arsenal beat Chelsea 2-1 at the Emirates Stadium on Saturday evening in a thrilling London derby.",
                          capture_output=True, text=True, cwd=ROOT)
    rec = json.loads(proc.stdout.splitlines()[0])
    assert rec["doc_id"] == "stdin" and rec["language"]["code"] == "en"


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="seed articles not available")
def test_seeds_give_two_valid_records_the_scorer_reads(tmp_path):
    out = tmp_path / "seeds.jsonl"
    assert runner.invoke(app, ["run", str(SHARED / "seeds"), "-o", str(out), "--workers", "1", "-q"]).exit_code == 0
    records = lines(out)
    assert sorted(r["language"]["code"] for r in records) == ["en", "it"]
    score = subprocess.run([sys.executable, str(SHARED / "acceptance" / "score.py"), "--gold", str(SHARED / "acceptance" / "seeds-gold.json"),
                            "--pred", str(out), "--texts", str(SHARED / "seeds"), "--json"], capture_output=True, text=True)
    summary = json.loads(score.stdout)["summary"]
    assert summary["found"] == 2 and summary["lang_acc"] == 1.0


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="seed articles not available")
def test_merge_seeds_consolidates_shared_happenings(tmp_path):
    out, events = tmp_path / "seeds.jsonl", tmp_path / "events.jsonl"
    runner.invoke(app, ["run", str(SHARED / "seeds"), "-o", str(out), "--workers", "1", "-q"])
    assert runner.invoke(app, ["merge", str(out), "-o", str(events)]).exit_code == 0
    both = {h["type"]: h for h in lines(events) if len(h["sources"]) == 2}
    assert {"draw", "qualification", "match_result"} <= set(both)
    celtic = both["match_result"]
    assert {p["kb_id"] for p in celtic["participants"]} == {"kairat-almaty", "celtic"}
