"""newsextract evaluate: metric keys, gates, and the HTML report's structure."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from newsextract.cli import app
from newsextract.evaluate import lookup, prf

runner = CliRunner()
KEYS = ["language.accuracy", "ner.f1", "ner.per_label.CLUB.p", "ner.per_label.PERSON.f1", "linking.accuracy",
        "dates.accuracy", "events.f1", "people.accuracy", "ner.overlap.f1"]


@pytest.fixture(scope="module")
def gold(tmp_path_factory):
    """Three small annotated documents: one read perfectly, one whose gold holds a span no reader would find, one
    where the gold misses a club the KB knows."""
    folder = tmp_path_factory.mktemp("gold") / "it"
    folder.mkdir()
    tail = " La partita è stata seguita da moltissimi tifosi arrivati da tutta la regione per l'occasione."
    docs = [
        {"id": "ok", "text": "Serie A: Inter-Torino 5-0 a San Siro." + tail, "meta": {"published": "2025-08-26"},
         "spans": [{"start": 0, "end": 7, "label": "COMPETITION"}, {"start": 9, "end": 14, "label": "CLUB"},
                   {"start": 15, "end": 21, "label": "CLUB"}, {"start": 28, "end": 36, "label": "VENUE"}],
         "events": [{"type": "match_result", "home": "Inter", "away": "Torino", "score": "5-0", "venue": "San Siro"}]},
        {"id": "missed-person", "text": "Il tecnico Kirill Keker guida il Kairat Almaty contro il Celtic." + tail, "meta": {"published": "2025-08-26"},
         "spans": [{"start": 11, "end": 23, "label": "PERSON"}, {"start": 24, "end": 29, "label": "PERSON"}, {"start": 33, "end": 46, "label": "CLUB"},
                   {"start": 57, "end": 63, "label": "CLUB"}], "events": []},
        {"id": "spurious", "text": "Il Sassuolo gioca bene, dice la stampa." + tail, "meta": {"published": "2025-08-26"},
         "spans": [], "events": []},
    ]
    path = folder / "gold.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def test_prf():
    assert prf(1, 1, 0) == {"p": 0.5, "r": 1.0, "f1": 0.6667}
    assert prf(0, 0, 0)["f1"] == 0.0


def test_metrics_json_keys_and_html(gold, tmp_path):
    m, r = tmp_path / "m.json", tmp_path / "r.html"
    result = runner.invoke(app, ["evaluate", str(gold), "--json", str(m), "--html", str(r)])
    assert result.exit_code == 0, result.output
    metrics = json.loads(m.read_text())
    for key in KEYS:
        lookup(metrics, key)
        lookup(metrics["by_language"]["it"], key)
    assert metrics["documents"] == 3 and metrics["language"]["accuracy"] == 1.0
    assert metrics["events"]["f1"] == 1.0 and metrics["events"]["fields"]["score"] == 1.0

    class Sections(HTMLParser):
        def __init__(self):
            super().__init__()
            self.sections, self.marks = [], []

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "section" and attrs.get("class") == "doc":
                self.sections.append(attrs["id"])
            if tag == "mark":
                self.marks.append(self.sections[-1] if self.sections else None)

    parser = Sections()
    parser.feed(r.read_text(encoding="utf-8"))
    assert parser.sections == ["missed-person", "spurious"]
    assert "missed-person" in parser.marks
    html = r.read_text(encoding="utf-8")
    assert "FN guida (PERSON)" in html and "FP Sassuolo (CLUB)" in html
    assert "class='confusion'" in html and "<h3>gold</h3>" in html and "<h3>predicted</h3>" in html


def test_fail_under_gates(gold):
    assert runner.invoke(app, ["evaluate", str(gold), "--fail-under", "events.f1=0.5"]).exit_code == 0
    result = runner.invoke(app, ["evaluate", str(gold), "--fail-under", "ner.f1=0.99"])
    assert result.exit_code == 1
    assert runner.invoke(app, ["evaluate", str(gold), "--fail-under", "no.such.metric=1"]).exit_code == 2
