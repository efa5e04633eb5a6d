"""Training: a tiny pipeline from the shipped config, and the shipped models' recorded metrics."""

from __future__ import annotations

import json

import pytest
import spacy

from newsextract.corpus import read_jsonl
from newsextract.pipeline import OUR_COMPONENTS
from newsextract.kb import KnowledgeBase
from newsextract.train import augment, to_docbin, train_language, typographic
from newsextract.tokenizer import blank

from conftest import CORPORA, ROOT

MODELS = ROOT / "models"


@pytest.mark.slow
def test_smoke_train_tiny_pipeline(tmp_path):
    """Same config as the shipped models, a few documents, a few steps: a loadable, scored pipeline."""
    corpora = tmp_path / "corpora"
    (corpora / "it").mkdir(parents=True)
    docs = read_jsonl(CORPORA / "it" / "train.jsonl")
    for split, part in (("train", docs[:8]), ("dev", docs[8:10]), ("test", docs[10:12])):
        (corpora / "it" / f"{split}.jsonl").write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in part), encoding="utf-8")
    metrics = train_language("it", corpora, tmp_path / "models" / "it", tmp_path / "work",
                             {"training.max_steps": 30, "training.eval_frequency": 10})
    nlp = spacy.load(tmp_path / "models" / "it")
    assert {"tok2vec", "ner", *OUR_COMPONENTS} <= set(nlp.pipe_names)
    assert set(metrics) == {"dev", "test"} and "per_label" in metrics["dev"]
    recorded = nlp.meta["newsextract_metrics"]
    assert all(recorded[s]["f1"] == pytest.approx(metrics[s]["f1"]) for s in metrics)
    assert not any((tmp_path / "models" / "it").glob("**/model-last"))


def test_docbin_rejects_misaligned_spans():
    with pytest.raises(ValueError, match="token boundaries"):
        to_docbin([{"id": "x", "text": "Internazionale", "spans": [{"start": 0, "end": 5, "label": "CLUB"}]}], blank("it"))


def test_typographic_copies_keep_every_span():
    assert typographic('L\'Inter di "Chivu", dell\'Atalanta') == "L’Inter di “Chivu”, dell’Atalanta"
    articles = read_jsonl(CORPORA / "it" / "train.jsonl")[:40]
    copies = augment(articles, KnowledgeBase(), blank("it"), copies=1)
    curly = [a for a in copies if "’" in a["text"]]
    assert curly and len(curly) < len(copies)
    tok = blank("it")
    assert all(tok(a["text"]).char_span(sp["start"], sp["end"]) is not None for a in curly for sp in a["spans"])


@pytest.mark.parametrize("lang", ["it", "en"])
def test_shipped_model_loads_with_recorded_metrics(lang):
    path = MODELS / lang
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    metrics = meta["newsextract_metrics"]
    for split in ("dev", "test"):
        assert {"CLUB", "PERSON", "VENUE", "COMPETITION", "DATE", "LOCATION"} <= set(metrics[split]["per_label"])
        assert metrics[split]["f1"] >= 0.85
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    assert size <= 30 * 1024 * 1024
    nlp = spacy.load(path)
    doc = nlp("Il Napoli di Antonio Conte ha battuto la Juventus al Maradona." if lang == "it"
              else "Arsenal beat Chelsea at the Emirates Stadium, said Mikel Arteta.")
    assert {e.label_ for e in doc.ents} >= {"CLUB", "PERSON"}
