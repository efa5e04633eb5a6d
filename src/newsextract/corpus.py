"""Annotated corpora: convert the inline authoring markup to span JSONL, validate, count.

Authoring files (``corpora/<lang>/src/<split>_*.txt``) hold articles separated by header
blocks::

    ### id: it-train-a-001
    ### published: 2025-08-28
    ### style: match_report
    Il [Napoli](CLUB) ha battuto l'[Inter](CLUB) al [Maradona](VENUE|Stadio Diego Armando Maradona) ...
    @event {"type": "match_result", "home": "Napoli", "away": "Inter", "score": "3-1"}

``[surface](LABEL)`` or ``[surface](LABEL|normalized)`` marks an entity; the markup is
removed and the span offsets recorded, so the JSONL text is exactly the article as a
reader would see it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .kb import KnowledgeBase, fold

LABELS = ("CLUB", "PERSON", "VENUE", "COMPETITION", "DATE", "LOCATION")
EVENT_TYPES = ("match_result", "fixture", "draw", "qualification", "transfer", "coach_change")
SPLITS = ("train", "dev", "test")
MARK = re.compile(r"\[([^\[\]\n]+)\]\((" + "|".join(LABELS) + r")(?:\|([^()\n]*))?\)")
DATE_VALUE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?|\d{4}-\d{2}|\d{3}X|\d{4}-W\d{2}")
CLUB_FIELDS = ("home", "away", "club", "from", "to", "winner")
CLUB_LIST_FIELDS = ("clubs", "eliminated")


class CorpusError(ValueError):
    """An authoring file breaks the format; the message names file, article and problem."""


@dataclass
class AnnotatedArticle:
    """One annotated article: plain text, gold spans, metadata, gold events."""

    id: str
    text: str
    spans: list[dict] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    events: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"id": self.id, "text": self.text, "spans": self.spans, "meta": self.meta, "events": self.events}


def parse_markup(marked: str) -> tuple[str, list[dict]]:
    """Strip inline markup, returning the plain text and its spans with exact offsets."""
    out, spans, pos = [], [], 0
    length = 0
    for mo in MARK.finditer(marked):
        before = marked[pos : mo.start()]
        out.append(before)
        length += len(before)
        surface, label, norm = mo.group(1), mo.group(2), mo.group(3)
        span = {"start": length, "end": length + len(surface), "label": label}
        if norm is not None:
            span["norm"] = None if norm.strip() == "?" else norm.strip()
        spans.append(span)
        out.append(surface)
        length += len(surface)
        pos = mo.end()
    out.append(marked[pos:])
    return "".join(out), spans


def parse_file(path: Path) -> list[AnnotatedArticle]:
    """Read one authoring file into articles (text, spans, meta, events)."""
    articles: list[AnnotatedArticle] = []
    header: dict | None = None
    body: list[str] = []
    events: list[dict] = []

    def flush() -> None:
        if header is None:
            return
        marked = "\n".join(body).strip("\n").rstrip()
        text, spans = parse_markup(marked)
        art_id = header.pop("id")
        articles.append(AnnotatedArticle(art_id, text, spans, dict(header), list(events)))

    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("### id:"):
            flush()
            header, body, events = {"id": line.split(":", 1)[1].strip()}, [], []
        elif header is not None and not body and line.startswith("### "):
            key, _, value = line[4:].partition(":")
            header[key.strip()] = value.strip()
        elif line.startswith("@event "):
            try:
                events.append(json.loads(line[7:]))
            except ValueError as exc:
                raise CorpusError(f"{path}:{lineno}: event is not valid JSON: {exc}") from None
        elif header is not None:
            body.append(line)
        elif line.strip():
            raise CorpusError(f"{path}:{lineno}: text before the first '### id:' header")
    flush()
    return articles


def check_article(art: AnnotatedArticle, tokenizer=None) -> list[str]:
    """Problems in one article: offsets, labels, normalized values, event references."""
    problems = []
    prev_end = -1
    for sp in art.spans:
        surface = art.text[sp["start"] : sp["end"]]
        if surface != surface.strip() or not surface:
            problems.append(f"span {surface!r} has surrounding whitespace")
        if sp["start"] < prev_end:
            problems.append(f"span {surface!r} overlaps the previous one")
        prev_end = sp["end"]
        if sp["label"] == "DATE":
            if "norm" not in sp:
                problems.append(f"DATE {surface!r} needs a value: [{surface}](DATE|2025-08-26) or (DATE|?)")
            elif sp["norm"] is not None and not DATE_VALUE.fullmatch(sp["norm"]):
                problems.append(f"DATE {surface!r} value {sp['norm']!r} is not YYYY, YYYY-MM, YYYY-MM-DD, YYYY-YY, YYYX, YYYY-Www")
        if tokenizer is not None and tokenizer(art.text).char_span(sp["start"], sp["end"]) is None:
            problems.append(f"span {surface!r} at {sp['start']} does not fall on token boundaries")
    persons = {art.text[s["start"] : s["end"]] for s in art.spans if s["label"] == "PERSON"}
    for sp in art.spans:
        if sp["label"] == "PERSON" and sp.get("norm") and sp["norm"] not in persons:
            problems.append(f"PERSON norm {sp['norm']!r} is not a PERSON mention in this article")
    clubs = {canonical(art.text, s) for s in art.spans if s["label"] == "CLUB"}
    if "published" not in art.meta or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", art.meta.get("published", "")):
        problems.append("header '### published: YYYY-MM-DD' missing or malformed")
    for ev in art.events:
        if ev.get("type") not in EVENT_TYPES:
            problems.append(f"event type {ev.get('type')!r} unknown")
        for name in event_clubs(ev):
            if name not in clubs:
                problems.append(f"event club {name!r} is not the normalized name of any CLUB span")
    return [f"{art.id}: {p}" for p in problems]


def canonical(text: str, span: dict) -> str:
    """The gold normalized name of a span: its norm if given, else its surface text."""
    return span.get("norm") or text[span["start"] : span["end"]]


def club_key(kb: KnowledgeBase, name: str) -> str:
    """What a club name is compared by in events: its KB id when unambiguous, else its folded form."""
    ids = kb.lookup("CLUB", name)
    return sorted(ids)[0] if len(ids) == 1 else fold(name)


def event_clubs(ev: dict) -> list[str]:
    """Club names an event refers to, in any of the club-bearing fields."""
    names = [ev[k] for k in CLUB_FIELDS if isinstance(ev.get(k), str)]
    for k in CLUB_LIST_FIELDS:
        names += [n for n in ev.get(k) or [] if isinstance(n, str)]
    for pair in ev.get("pairings") or []:
        names += [n for n in pair if isinstance(n, str)]
    return names


def build(lang_dir: Path, tokenizer=None) -> dict[str, list[AnnotatedArticle]]:
    """Parse every authoring file of one language into splits, validating as it goes."""
    splits: dict[str, list[AnnotatedArticle]] = {s: [] for s in SPLITS}
    problems: list[str] = []
    for path in sorted((lang_dir / "src").glob("*.txt")):
        split = path.name.split("_", 1)[0]
        if split not in splits:
            raise CorpusError(f"{path}: file name must start with one of {SPLITS} and '_'")
        for art in parse_file(path):
            art.meta.update(lang=lang_dir.name, split=split)
            problems += [f"{path.name}: {p}" for p in check_article(art, tokenizer)]
            splits[split].append(art)
    ids = Counter(a.id for arts in splits.values() for a in arts)
    problems += [f"duplicate article id {i}" for i, n in ids.items() if n > 1]
    if problems:
        raise CorpusError("\n".join(problems))
    return splits


def write_jsonl(articles: list[AnnotatedArticle], path: Path) -> None:
    path.write_text("".join(json.dumps(a.to_json(), ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def stats(corpora: Path, markdown: bool = False) -> str:
    """A table of the corpora built as JSONL: per language and split, and distinct names across both."""
    rows, distinct = [], {label: set() for label in LABELS}
    styles: Counter = Counter()
    for lang_dir in sorted(p for p in corpora.iterdir() if p.is_dir() and (p / "train.jsonl").exists()):
        for split in SPLITS:
            path = lang_dir / f"{split}.jsonl"
            if not path.exists():
                continue
            arts = read_jsonl(path)
            labels = Counter(sp["label"] for a in arts for sp in a["spans"])
            for a in arts:
                styles[a["meta"].get("style", "?")] += 1
                for sp in a["spans"]:
                    distinct[sp["label"]].add(canonical(a["text"], sp).casefold())
            tokens = sum(len(TOKEN.findall(a["text"])) for a in arts)
            rows.append([lang_dir.name, split, len(arts), tokens, sum(labels.values()),
                         sum(1 for a in arts if a.get("events")), sum(len(a.get("events", [])) for a in arts),
                         *[labels[label] for label in LABELS]])
    head = ["lang", "split", "articles", "tokens", "mentions", "with events", "events", *LABELS]
    lines = [head, *rows]
    out = _table(lines, markdown)
    out += "\n\n" + _table([["distinct", *LABELS], ["names", *[len(distinct[label]) for label in LABELS]]], markdown)
    out += "\n\n" + _table([["style", "articles"], *[[s, n] for s, n in styles.most_common()]], markdown)
    return out


TOKEN = re.compile(r"\w+|[^\w\s]")


def _table(rows: list[list], markdown: bool) -> str:
    cells = [[str(c) for c in row] for row in rows]
    if markdown:
        out = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * len(cells[0])]
        return "\n".join(out + ["| " + " | ".join(r) + " |" for r in cells[1:]])
    widths = [max(len(r[i]) for r in cells) for i in range(len(cells[0]))]
    return "\n".join("  ".join(c.rjust(w) for c, w in zip(r, widths)) for r in cells)
