"""Per-language spaCy pipelines: find, load once, and complete them with our components.

Our trained pipelines in ``models/<lang>/`` already list every component in their
config.cfg. A user's own pipeline (``--model it=it_core_news_lg``) gets the missing ones
added: a label map onto our labels, the KB ruler, linker, date normalizer and event
extractor. Without any trained pipeline a language falls back to the KB ruler alone,
and every record says so in its warnings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import dates, events, linker, sentences  # noqa: F401  (register factories)
from .tokenizer import blank

SUPPORTED = ("it", "en")
OUR_COMPONENTS = ("newsextract_kb_ruler", "newsextract_linker", "newsextract_dates", "newsextract_events")
DEFAULT_LABEL_MAP = {"PER": "PERSON", "LOC": "LOCATION", "GPE": "LOCATION", "ORG": "CLUB", "FAC": "VENUE", "EVENT": "COMPETITION"}
LABELS = {"CLUB", "PERSON", "VENUE", "COMPETITION", "DATE", "LOCATION"}


def models_dir() -> Path:
    """NEWSEXTRACT_MODELS, else the repository's models/ folder."""
    env = os.environ.get("NEWSEXTRACT_MODELS")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "models"


@Language.factory("newsextract_label_map", default_config={"mapping": DEFAULT_LABEL_MAP})
def make_label_map(nlp: Language, name: str, mapping: dict[str, str]):
    """Renames a foreign pipeline's labels onto ours and drops the ones we do not use."""

    def label_map(doc: Doc) -> Doc:
        spans = []
        for ent in doc.ents:
            label = mapping.get(ent.label_, ent.label_)
            if label in LABELS:
                spans.append(doc.char_span(ent.start_char, ent.end_char, label=label))
        doc.ents = [s for s in spans if s is not None]
        return doc

    return label_map


def assemble(nlp: Language, extra_kb: list[str] | None = None, label_map: dict[str, str] | None = None) -> Language:
    """Add whatever of our components the pipeline lacks, in data-flow order."""
    kb_cfg = {"extra_kb": [str(p) for p in extra_kb or []]}
    if not any(n in nlp.pipe_names for n in ("parser", "senter", "sentencizer", "newsextract_sentences")):
        nlp.add_pipe("newsextract_sentences", first=True)
    if "ner" in nlp.pipe_names and set(nlp.get_pipe("ner").labels) - LABELS and "newsextract_label_map" not in nlp.pipe_names:
        nlp.add_pipe("newsextract_label_map", after="ner", config={"mapping": {**DEFAULT_LABEL_MAP, **(label_map or {})}})
    for name in OUR_COMPONENTS:
        if name not in nlp.pipe_names:
            cfg = kb_cfg if name in ("newsextract_kb_ruler", "newsextract_linker") else {}
            nlp.add_pipe(name, config=cfg)
    return nlp


def ruler_only(lang: str) -> Language:
    return assemble(blank(lang))


@dataclass
class Pipelines:
    """Loads each language's pipeline on first use and keeps it for the process."""

    models: dict[str, str] = field(default_factory=dict)
    extra_kb: list[str] = field(default_factory=list)
    label_map: dict[str, str] = field(default_factory=dict)
    _loaded: dict[str, Language] = field(default_factory=dict, repr=False)
    warnings: dict[str, str] = field(default_factory=dict)

    def get(self, lang: str) -> Language | None:
        if lang not in SUPPORTED and lang not in self.models:
            return None
        if lang not in self._loaded:
            self._loaded[lang] = self._load(lang)
        return self._loaded[lang]

    def _load(self, lang: str) -> Language:
        spec = self.models.get(lang)
        path = Path(spec) if spec else models_dir() / lang
        if spec or path.exists():
            override = {}
            if self.extra_kb:
                cfg = {"extra_kb": list(self.extra_kb)}
                override = {"components": {"newsextract_kb_ruler": cfg, "newsextract_linker": cfg}}
            nlp = spacy.load(spec) if spec else spacy.load(path, config=override)
            return assemble(nlp, self.extra_kb, self.label_map)
        self.warnings[lang] = f"no trained pipeline for '{lang}' in {path}: knowledge-base ruler only"
        return assemble(blank(lang), self.extra_kb)

    def version(self, lang: str) -> str:
        nlp = self._loaded.get(lang)
        if nlp is None:
            return "none"
        return f"{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '0')}"
