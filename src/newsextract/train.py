"""Train a language's pipeline from the corpora and ship it to ``models/<lang>``.

The statistical part (tok2vec + NER) is trained by spaCy from ``data/ner.cfg``, seeded,
on the training split plus name-swapped copies of it (``augment``);
our components are then added (``pipeline.assemble``), the whole pipeline is scored
per label on dev and test, and the scores are written into its meta.json.
"""

from __future__ import annotations

import random
import re
import shutil
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import DocBin
from spacy.training import Example
from spacy.util import load_config

from . import __version__
from .corpus import canonical, club_key, event_clubs, read_jsonl
from .eventclf import PAIR_TYPES, LogReg, features, normalized
from .events import DRAW, QUALIFY
from .kb import KnowledgeBase
from .pipeline import assemble
from .tokenizer import blank

CONFIG = resources.files("newsextract") / "data" / "ner.cfg"
AUGMENT = {"it": 1, "en": 2}  # name-swapped copies per language, chosen on the dev splits


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


QUOTED = re.compile(r'"([^"\n]*)"')


def augment(articles: list[dict], kb: KnowledgeBase, nlp: Language, copies: int = 1, seed: int = 0) -> list[dict]:
    """Name-swapped copies of training articles, so the model learns contexts, not names.

    Each club written by its own name becomes a random KB club (the same one throughout
    the article); each person becomes another person of the corpus, surname-only
    mentions following the full name's replacement. Half the copies are set with
    typographic apostrophes and quotes (’ “ ”), as most published text is and none of the
    corpora is. Copies whose spans would not fall on token boundaries are left out.
    Training data only.
    """
    rng = random.Random(seed)
    clubs = sorted({name for c in kb.entries["clubs"].values() if not c.national_team for name in [c.name, *c.aliases]
                    if " " in name or len(name) > 3})
    people = sorted({a["text"][s["start"]:s["end"]] for a in articles for s in a["spans"]
                     if s["label"] == "PERSON" and " " in a["text"][s["start"]:s["end"]].strip()})
    out = []
    for n in range(copies):
        for art in articles:
            swap: dict[tuple[str, str], str] = {}
            text, spans, shift, pos = [], [], 0, 0
            for sp in sorted(art["spans"], key=lambda s: s["start"]):
                surface = art["text"][sp["start"]:sp["end"]]
                new = _swap(sp, surface, art["text"], swap, clubs, people, rng)
                text.append(art["text"][pos:sp["start"]])
                start = sp["start"] + shift
                spans.append({"start": start, "end": start + len(new), "label": sp["label"]})
                text.append(new)
                shift += len(new) - len(surface)
                pos = sp["end"]
            text.append(art["text"][pos:])
            new_text = "".join(text)
            if rng.random() < 0.5:
                new_text = typographic(new_text)
            doc = nlp.make_doc(new_text)
            if all(doc.char_span(sp["start"], sp["end"]) is not None for sp in spans):
                out.append({"id": f"{art['id']}-aug{n}", "text": new_text, "spans": spans})
    return out


def typographic(text: str) -> str:
    """Straight apostrophes and double quotes as typeset text has them; the length is unchanged."""
    return QUOTED.sub(r"“\1”", text.replace("'", "’"))


def _swap(sp: dict, surface: str, text: str, swap: dict, clubs: list[str], people: list[str], rng: random.Random) -> str:
    norm = sp.get("norm") or surface
    if sp["label"] == "CLUB" and norm == surface and not surface.isupper():
        return swap.setdefault(("CLUB", norm), rng.choice(clubs))
    if sp["label"] == "PERSON" and not surface.isupper():
        full = swap.setdefault(("PERSON", norm), rng.choice(people))
        return full if surface == norm or " " in surface else full.split()[-1]
    return surface


def event_rows(nlp: Language, articles: list[dict]) -> dict[str, tuple[list[list[str]], list[set[str]]]]:
    """Features and gold labels for both event classifiers: every sentence, and every candidate club pair."""
    kb = KnowledgeBase()
    extractor = nlp.get_pipe("newsextract_events")
    rows: dict[str, tuple[list, list]] = {"sentences": ([], []), "pairs": ([], [])}
    docs = []
    for art in articles:
        doc = nlp.make_doc(art["text"])
        doc._.published = art.get("meta", {}).get("published")
        docs.append(doc)
    with nlp.select_pipes(disable=["newsextract_events"]):
        for art, doc in zip(articles, nlp.pipe(docs)):
            norm = normalized(doc, doc._.published)
            for sent in doc.sents:
                names = {canonical(art["text"], sp) for sp in art["spans"] if sent.start_char <= sp["start"] < sent.end_char}
                rows["sentences"][0].append(features(norm, sent, list(sent.ents)))
                rows["sentences"][1].append({ev["type"] for ev in art.get("events", []) if reports(ev, names, sent.text)})
            gold = [(ev["type"], frozenset(club_key(kb, n) for n in event_clubs(ev))) for ev in art.get("events", []) if ev["type"] in PAIR_TYPES]
            for cand in extractor.read(doc)[1]:
                rows["pairs"][0].append(cand.feats)
                rows["pairs"][1].append({kind for kind, keys in gold if keys == cand.keys})
    return rows


def common_words(nlp: Language, articles: list[dict]) -> set[str]:
    """Words the training articles write in lowercase outside any entity: capitalized at a sentence start they are no names."""
    words = set()
    for art in articles:
        inside = {i for sp in art["spans"] for i in range(sp["start"], sp["end"])}
        words |= {t.text for t in nlp.make_doc(art["text"]) if t.is_alpha and t.is_lower and len(t) > 2 and t.idx not in inside}
    return words


def fit_events(nlp: Language, articles: list[dict]) -> dict[str, int]:
    """Train the event component's sentence and pair classifiers on gold events; returns the row counts."""
    rows = event_rows(nlp, articles)
    extractor = nlp.get_pipe("newsextract_events")
    extractor.classifier = LogReg().fit(*rows["sentences"])
    extractor.pairs = LogReg(PAIR_TYPES).fit(*rows["pairs"], epochs=300)
    return {name: len(r[0]) for name, r in rows.items()}


def refit(lang: str, corpora: Path, model: Path) -> dict:
    """Refit what is learned after NER (common words, event classifier) of a shipped pipeline, and re-score it."""
    nlp = spacy.load(model)
    splits = {s: read_jsonl(corpora / lang / f"{s}.jsonl") for s in ("train", "dev", "test")}
    nlp.get_pipe("newsextract_linker").common = common_words(nlp, splits["train"])
    fit_events(nlp, splits["train"])
    nlp.meta["newsextract_metrics"] = {split: per_label(nlp, splits[split]) for split in ("dev", "test")}
    nlp.to_disk(model)
    return nlp.meta["newsextract_metrics"]


def reports(ev: dict, names: set[str], text: str) -> bool:
    """Whether a sentence naming these entities states the gold event (for classifier labels)."""
    has = lambda key: ev.get(key) in names  # noqa: E731
    kind = ev["type"]
    if kind in ("match_result", "fixture"):
        return has("home") and has("away")
    if kind == "transfer":
        return has("person") and (has("from") or has("to"))
    if kind == "coach_change":
        return has("club") and (has("coach_in") or has("coach_out"))
    if kind == "draw":
        return bool(DRAW.search(text)) and (not ev.get("clubs") or bool(names & set(ev["clubs"])))
    return has("club") and bool(QUALIFY.search(text))


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
    r4 = lambda v: round(float(v or 0.0), 4)  # noqa: E731
    per = {label: {"p": r4(s["p"]), "r": r4(s["r"]), "f1": r4(s["f"])} for label, s in (scores.get("ents_per_type") or {}).items()}
    return {"p": r4(scores["ents_p"]), "r": r4(scores["ents_r"]), "f1": r4(scores["ents_f"]), "per_label": per}


def train_language(lang: str, corpora: Path, output: Path, workdir: Path, overrides: dict | None = None,
                   augment_copies: int | None = None) -> dict:
    """Train, assemble, score and save one language; returns the metrics written to meta.json."""
    from spacy.cli.train import train as spacy_train

    lang_dir = corpora / lang
    splits = {s: read_jsonl(lang_dir / f"{s}.jsonl") for s in ("train", "dev", "test") if (lang_dir / f"{s}.jsonl").exists()}
    workdir.mkdir(parents=True, exist_ok=True)
    tok = blank(lang)
    copies = AUGMENT.get(lang, 1) if augment_copies is None else augment_copies
    train_docs = splits["train"] + augment(splits["train"], KnowledgeBase(), tok, copies=copies)
    to_docbin(train_docs, tok).to_disk(workdir / "train.spacy")
    to_docbin(splits["dev"], tok).to_disk(workdir / "dev.spacy")
    config = load_config(Path(str(CONFIG)), overrides={"nlp.lang": lang}, interpolate=False)
    config.to_disk(workdir / "config.cfg")
    run = {"paths.train": str(workdir / "train.spacy"), "paths.dev": str(workdir / "dev.spacy"), **(overrides or {})}
    spacy_train(workdir / "config.cfg", workdir / "out", use_gpu=-1, overrides=run)
    nlp = assemble(spacy.load(workdir / "out" / "model-best"))
    nlp.get_pipe("newsextract_linker").common = common_words(nlp, splits["train"])
    fit_events(nlp, splits["train"])
    metrics = {split: per_label(nlp, splits[split]) for split in ("dev", "test") if splits.get(split)}
    nlp.meta.update(name=f"newsextract_{lang}", version=__version__, description="Football news NER, KB linking, dates and events")
    nlp.meta["newsextract_metrics"] = metrics
    nlp.meta["newsextract_training"] = {"articles": {s: len(a) for s, a in splits.items()}, "augmented": len(train_docs) - len(splits["train"]),
                                        "config_overrides": overrides or {}}
    if output.exists():
        shutil.rmtree(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    return metrics
