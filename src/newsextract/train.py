"""Train a language's pipeline from the corpora and ship it to ``models/<lang>``.

The statistical part (tok2vec + NER) is trained by spaCy from ``data/ner.cfg``, seeded;
our components are then added (``pipeline.assemble``), the whole pipeline is scored
per label on dev and test, and the scores are written into its meta.json.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import DocBin
from spacy.training import Example
from spacy.util import load_config

from . import __version__
from .corpus import read_jsonl
from .pipeline import assemble
from .tokenizer import blank

CONFIG = resources.files("newsextract") / "data" / "ner.cfg"


def to_docbin(articles: list[dict], nlp: Language) -> DocBin:
    """Gold docs for spaCy training; every span must fall on token boundaries."""
    db = DocBin()
    for art in articles:
        doc = nlp.make_doc(art["text"])
        spans = []
        for sp in art["spans"]:
            span = doc.char_span(sp["start"], sp["end"], label=sp["label"])
            if span is None:
                raise ValueError(f"{art['id']}: span {art['text'][sp['start']:sp['end']]!r} is not on token boundaries")
            spans.append(span)
        doc.ents = spans
        db.add(doc)
    return db


def examples(nlp: Language, articles: list[dict]) -> list[Example]:
    out = []
    for art in articles:
        doc = nlp.make_doc(art["text"])
        ents = [(sp["start"], sp["end"], sp["label"]) for sp in art["spans"]]
        out.append(Example.from_dict(doc, {"entities": ents}))
    return out


def per_label(nlp: Language, articles: list[dict]) -> dict:
    """Exact-span P/R/F overall and per label for the full pipeline, via spaCy's Scorer."""
    scores = nlp.evaluate(examples(nlp, articles))
    out = {"p": scores["ents_p"], "r": scores["ents_r"], "f1": scores["ents_f"], "per_label": {}}
    for label, s in (scores.get("ents_per_type") or {}).items():
        out["per_label"][label] = {"p": s["p"], "r": s["r"], "f1": s["f"]}
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in out.items()}


def train_language(lang: str, corpora: Path, output: Path, workdir: Path, overrides: dict | None = None) -> dict:
    """Train, assemble, score and save one language; returns the metrics written to meta.json."""
    from spacy.cli.train import train as spacy_train

    lang_dir = corpora / lang
    splits = {s: read_jsonl(lang_dir / f"{s}.jsonl") for s in ("train", "dev", "test") if (lang_dir / f"{s}.jsonl").exists()}
    workdir.mkdir(parents=True, exist_ok=True)
    tok = blank(lang)
    for split in ("train", "dev"):
        to_docbin(splits[split], tok).to_disk(workdir / f"{split}.spacy")
    config = load_config(Path(str(CONFIG)), overrides={"nlp.lang": lang}, interpolate=False)
    config.to_disk(workdir / "config.cfg")
    run = {"paths.train": str(workdir / "train.spacy"), "paths.dev": str(workdir / "dev.spacy"), **(overrides or {})}
    spacy_train(workdir / "config.cfg", workdir / "out", use_gpu=-1, overrides=run)
    nlp = assemble(spacy.load(workdir / "out" / "model-best"))
    metrics = {split: per_label(nlp, splits[split]) for split in ("dev", "test") if splits.get(split)}
    nlp.meta.update(name=f"newsextract_{lang}", version=__version__, description="Football news NER, KB linking, dates and events")
    nlp.meta["newsextract_metrics"] = metrics
    nlp.meta["newsextract_training"] = {"articles": {s: len(a) for s, a in splits.items()}, "overrides": run}
    if output.exists():
        shutil.rmtree(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    return metrics
