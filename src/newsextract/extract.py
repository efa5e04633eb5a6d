"""The extraction core: one article in, one validated record out.

``extract`` is a pure function of the article, the loaded pipelines and the options: it
does no I/O and keeps no state, so the batch engines can run it anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from . import __version__
from .dates import find_dateline
from .kb import fold
from .langid import detect
from .linker import Linker, entity_key
from .people import club_of, group_people, person_name, role_of
from .pipeline import Pipelines
from .readers import Article, ReadError
from .schema import ErrorInfo, ErrorRecord, Record, Versions
from .tokenizer import doc_text, make_doc

OUTPUT_LABELS = ("CLUB", "PERSON", "VENUE", "COMPETITION", "DATE", "LOCATION")
REF_FIELDS = {"home": "home", "away": "away", "club": "club", "from": "from_club", "to": "to_club",
              "person": "person", "coach_in": "coach_in", "coach_out": "coach_out", "venue": "venue",
              "competition": "competition", "winner": "winner"}
CLUB_FIELDS = ("home", "away", "club", "from", "to")


@dataclass(frozen=True)
class Options:
    lang: str | None = None
    reference_date: str | None = None


def versions(pipes: Pipelines, lang: str | None = None) -> Versions:
    return Versions(newsextract=__version__, models={lang: pipes.version(lang)} if lang else {})


def error_record(err: ReadError) -> ErrorRecord:
    return ErrorRecord(doc_id=err.doc_id, source=err.source, sha256=err.sha256,
                       error=ErrorInfo(kind=err.kind, message=err.message),
                       versions=Versions(newsextract=__version__))


def extract(article: Article, pipes: Pipelines, options: Options = Options()) -> Record:
    """Language, entities (linked, grouped, dated) and events for one article."""
    return extract_batch([article], pipes, options)[0]


def extract_batch(articles: list[Article], pipes: Pipelines, options: Options = Options()) -> list[Record]:
    """``extract`` for many articles, running each language's pipeline with nlp.pipe (faster in batches)."""
    prepared = [_prepare(a, pipes, options) for a in articles]
    docs: dict[int, Doc] = {}
    for code in sorted({doc.lang_ for _, doc in prepared if doc is not None}):
        nlp = pipes.get(code)
        idx = [i for i, (_, doc) in enumerate(prepared) if doc is not None and doc.lang_ == code]
        for i, doc in zip(idx, nlp.pipe((prepared[i][1] for i in idx), batch_size=32)):
            docs[i] = doc
    out = []
    for i, (record, _) in enumerate(prepared):
        if i in docs:
            entities, index = build_entities(docs[i])
            record.update(entities=entities, events=build_events(docs[i], entities, index),
                          versions=versions(pipes, docs[i].lang_).model_dump())
        out.append(Record.model_validate(record))
    return out


def _prepare(article: Article, pipes: Pipelines, options: Options) -> tuple[dict, Doc | None]:
    """The record's metadata part, and the unprocessed Doc when the language is supported."""
    lang = detect(article.text, forced=options.lang, hint=article.lang)
    warnings = list(article.warnings)
    if lang.warning:
        warnings.append(lang.warning)
    published, published_from = article.published, "metadata" if article.published else None
    if published is None and (dateline := find_dateline(article.text, lang.code)):
        published, published_from = dateline, "dateline"
    if published is None and options.reference_date:
        published, published_from = options.reference_date, "cli"
    record = dict(
        doc_id=article.doc_id, source=article.source, sha256=article.sha256, title=article.title, url=article.url,
        outlet=article.outlet, published=published, published_from=published_from, text_length=len(article.text),
        language=dict(code=lang.code, confidence=lang.confidence, supported=lang.supported, method=lang.method),
        warnings=warnings, versions=versions(pipes).model_dump(),
    )
    nlp = pipes.get(lang.code) if lang.supported else None
    if nlp is None:
        warnings.append(f"language '{lang.code}' is not supported: no entities extracted")
        return record, None
    if lang.code in pipes.warnings:
        warnings.append(pipes.warnings[lang.code])
    if published is None:
        warnings.append("no publication date (metadata, dateline or --reference-date): relative dates are null")
    doc = make_doc(nlp, article.text)
    doc._.published = published
    return record, doc


@dataclass(frozen=True)
class Mention:
    """An entity span's fields read once: a Span rebuilds its text and its ``_`` values on every access."""

    text: str
    start_char: int
    end_char: int
    label_: str
    kb_id_: str
    value: str | None = None
    granularity: str | None = None

    @classmethod
    def of(cls, span: Span, text: str) -> "Mention":
        dated = (span._.value, span._.granularity) if span.label_ == "DATE" else ()
        return cls(text[span.start_char : span.end_char], span.start_char, span.end_char, span.label_, span.kb_id_, *dated)


def _mention(m: Mention) -> dict:
    return {"text": m.text, "start": m.start_char, "end": m.end_char}


def build_entities(doc: Doc) -> tuple[list[dict], dict[tuple[int, int], dict]]:
    """Entities grouped from doc.ents, and a map from each mention's offsets to its entity."""
    text = doc_text(doc)
    ents = [Mention.of(e, text) for e in doc.ents if e.label_ in OUTPUT_LABELS]
    groups: dict[tuple, list[Mention]] = {}
    for ent in ents:
        if ent.label_ == "PERSON":
            continue
        if ent.label_ == "DATE":
            key = ("DATE", ent.value or fold(ent.text))
        else:
            key = (ent.label_, entity_key(ent.label_, ent.kb_id_, ent.text, doc._.club_forms))
        groups.setdefault(key, []).append(ent)
    for group in group_people([e for e in ents if e.label_ == "PERSON"]):
        groups[("PERSON", group[0].start_char)] = group
    clubs = [e for e in ents if e.label_ == "CLUB"]
    ordered = sorted(groups.values(), key=lambda g: g[0].start_char)
    kb_names = doc._.kb_names or {}
    out, index = [], {}
    for i, group in enumerate(ordered, 1):
        first = group[0]
        entity = {"id": f"e{i}", "type": first.label_, "name": _name(kb_names, group), "kb_id": first.kb_id_ or None,
                  "mentions": [_mention(m) for m in group]}
        if first.label_ == "DATE":
            entity["value"], entity["granularity"] = first.value, first.granularity
        if first.label_ == "PERSON":
            entity["role"] = role_of(text, group)
            club = club_of(text, group, clubs, coached=doc._.coached)
            entity["club"] = club.text if club is not None else None
        out.append(entity)
        for m in group:
            index[(m.start_char, m.end_char)] = entity
    for entity in out:
        if entity.get("club"):
            entity["club"] = _club_name(entity["club"], out)
    return out, index


def _name(kb_names: dict[str, str], group: list[Mention]) -> str:
    first = group[0]
    if first.label_ == "PERSON":
        return person_name(group)
    if first.kb_id_ and (name := kb_names.get(f"{first.label_}:{first.kb_id_}")):
        return name
    return max((Linker.clean(m.text) for m in group), key=len)


def _club_name(text: str, entities: list[dict]) -> str:
    for e in entities:
        if e["type"] == "CLUB" and any(m["text"] == text for m in e["mentions"]):
            return e["name"]
    return text


def build_events(doc: Doc, entities: list[dict], index: dict[tuple[int, int], dict]) -> list[dict]:
    """Schema events from doc._.events, span references resolved to entity ids and names."""

    text = doc_text(doc)

    def ref(r: dict | None) -> dict | None:
        if not r:
            return None
        entity = index.get((r["start"], r["end"]))
        if entity is None:
            return {"entity": None, "name": text[r["start"] : r["end"]], "kb_id": None}
        return {"entity": entity["id"], "name": entity["name"], "kb_id": entity["kb_id"]}

    out = []
    for ev in doc._.events or []:
        item = {"type": ev["type"], "evidence": ev["evidence"], "confidence": ev["confidence"]}
        participants = []
        for field, target in REF_FIELDS.items():
            if ev.get(field) is not None and target in ALLOWED[ev["type"]]:
                item[target] = ref(ev[field])
                if field in CLUB_FIELDS and item[target]:
                    participants.append(item[target])
        for field in ("clubs", "eliminated"):
            refs = [ref(r) for r in ev.get(field) or []]
            participants += refs
            if field == "eliminated" and ev["type"] == "qualification":
                item["eliminated"] = refs
        seen, unique = set(), []
        for p in participants:
            if p["name"] not in seen:
                seen.add(p["name"])
                unique.append(p)
        item["participants"] = unique
        for field in ("score", "aggregate", "penalties", "extra_time", "stage", "date", "time", "place", "fee", "status", "method"):
            if ev.get(field) is not None and field in ALLOWED[ev["type"]]:
                item[field] = ev[field]
        out.append(item)
    return out


ALLOWED = {
    "match_result": {"score", "aggregate", "penalties", "extra_time", "stage", "date", "venue", "competition", "home", "away", "winner"},
    "fixture": {"stage", "date", "time", "venue", "competition", "home", "away"},
    "draw": {"stage", "date", "place", "competition"},
    "qualification": {"stage", "method", "competition", "club"},
    "transfer": {"fee", "status", "date", "person", "from_club", "to_club"},
    "coach_change": {"date", "club", "coach_in", "coach_out"},
}

