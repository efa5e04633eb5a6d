"""Score the full pipeline against annotated fixtures (the corpora JSONL format).

Metrics, overall and under ``by_language.<code>``:

* ``language.accuracy``
* ``ner.{p,r,f1}`` exact span (spaCy's Scorer), ``ner.per_label.<LABEL>.{p,r,f1}``,
  ``ner.overlap.{p,r,f1}`` (same label, overlapping span), ``ner.unseen.{p,r,f1}`` for
  names that never occur in the training files given with ``--seen``
* ``linking.accuracy``: found gold CLUB/VENUE/COMPETITION mentions whose gold name is in the KB
  that carry the right KB id (``linking.accuracy_all``: of all such gold mentions, found or not)
* ``people.accuracy``: found PERSON mentions whose entity carries the gold full name
* ``dates.accuracy``: found DATE mentions with the gold value (``dates.accuracy_all``: of all gold dates)
* ``events.{p,r,f1}`` on type + participating clubs, ``events.per_type.<type>``,
  ``events.fields.<field>`` accuracy on matched events (score, date, venue, home, competition)
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example
from spacy.vocab import Vocab

from .corpus import canonical, club_key, event_clubs, read_jsonl
from .extract import Options, extract
from .kb import KnowledgeBase, fold
from .pipeline import Pipelines
from .readers import Article, sha256
from .schema import Record

LINKED = ("CLUB", "VENUE", "COMPETITION")
FIELDS = ("score", "date", "venue", "home", "competition")


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


@dataclass
class DocResult:
    gold: dict
    record: Record
    lang: str
    gold_spans: set[tuple[int, int, str]]
    pred_spans: set[tuple[int, int, str]]
    counts: Counter = field(default_factory=Counter)

    @property
    def has_errors(self) -> bool:
        return self.gold_spans != self.pred_spans or self.counts["event_fp"] + self.counts["event_fn"] > 0


class Evaluator:
    def __init__(self, pipes: Pipelines, kb: KnowledgeBase | None = None, seen: set[str] | None = None):
        self.pipes = pipes
        self.kb = kb or KnowledgeBase.with_extra([Path(p) for p in pipes.extra_kb])
        self.seen = seen

    def run(self, gold_docs: list[dict]) -> tuple[dict, list[DocResult]]:
        results = [self.score_doc(g) for g in gold_docs]
        metrics = self.aggregate(results)
        metrics["by_language"] = {
            lang: self.aggregate([r for r in results if r.lang == lang]) for lang in sorted({r.lang for r in results})
        }
        return metrics, results

    def score_doc(self, gold: dict) -> DocResult:
        meta = gold.get("meta", {})
        article = Article(doc_id=gold["id"], source=gold["id"], sha256=sha256(gold["text"].encode()), text=gold["text"],
                          published=meta.get("published"))
        record = extract(article, self.pipes, Options())
        lang = meta.get("lang") or record.language.code
        gold_spans = {(s["start"], s["end"], s["label"]) for s in gold["spans"]}
        mention_entity = {(m.start, m.end): e for e in record.entities for m in e.mentions}
        pred_spans = {(m.start, m.end, e.type) for e in record.entities for m in e.mentions}
        res = DocResult(gold, record, lang, gold_spans, pred_spans)
        c = res.counts
        c["lang_ok"] += record.language.code == lang
        for s, e, label in gold_spans:
            if any(label == pl and s < pe and ps < e for ps, pe, pl in pred_spans):
                c["overlap_tp_gold"] += 1
        c["overlap_fn"] = len(gold_spans) - c["overlap_tp_gold"]
        c["overlap_fp"] = sum(1 for ps, pe, pl in pred_spans if not any(pl == l and ps < e and s < pe for s, e, l in gold_spans))
        c["overlap_tp"] = len(pred_spans) - c["overlap_fp"]
        if self.seen is not None:
            unseen_gold = {sp for sp in gold_spans if fold(gold["text"][sp[0]:sp[1]]) not in self.seen}
            unseen_pred = {sp for sp in pred_spans if fold(gold["text"][sp[0]:sp[1]]) not in self.seen}
            c["unseen_tp"] = len(unseen_gold & unseen_pred)
            c["unseen_fp"] = len(unseen_pred - unseen_gold)
            c["unseen_fn"] = len(unseen_gold - unseen_pred)
        for sp in gold["spans"]:
            ent = mention_entity.get((sp["start"], sp["end"]))
            found = ent is not None and ent.type == sp["label"]
            name = canonical(gold["text"], sp)
            if sp["label"] in LINKED:
                ids = self.kb.lookup(sp["label"], name)
                if ids:
                    c["link_all"] += 1
                    c["link_total"] += found
                    c["link_ok"] += found and ent.kb_id in ids
            elif sp["label"] == "PERSON" and found:
                c["person_total"] += 1
                c["person_ok"] += fold(ent.name) == fold(name)
            elif sp["label"] == "DATE" and sp.get("norm"):
                c["date_all"] += 1
                if found:
                    c["date_total"] += 1
                    c["date_ok"] += ent.value == sp["norm"]
        self._events(gold, record, c)
        return res

    def _club_key(self, name: str) -> str:
        return club_key(self.kb, name)

    def _events(self, gold: dict, record: Record, c: Counter) -> None:
        gold_events = [(g["type"], {self._club_key(n) for n in event_clubs(g)}, g) for g in gold.get("events", [])]
        used: set[int] = set()
        for ev in record.events:
            clubs = {p.kb_id or self._club_key(p.name) for p in ev.participants}
            hit = None
            for i, (gtype, gclubs, _) in enumerate(gold_events):
                if i in used or gtype != ev.type:
                    continue
                union = clubs | gclubs
                if not union or len(clubs & gclubs) / len(union) >= 0.5:
                    hit = i
                    break
            if hit is None:
                c["event_fp"] += 1
                c[f"event_fp:{ev.type}"] += 1
                continue
            used.add(hit)
            c["event_tp"] += 1
            c[f"event_tp:{ev.type}"] += 1
            self._fields(ev, gold_events[hit][2], c)
        for i, (gtype, _, _) in enumerate(gold_events):
            if i not in used:
                c["event_fn"] += 1
                c[f"event_fn:{gtype}"] += 1

    def _fields(self, ev, gold: dict, c: Counter) -> None:
        for name in FIELDS:
            want = gold.get(name)
            if want is None:
                continue
            got = getattr(ev, name, None)
            if name == "home":
                got = (got.kb_id or self._club_key(got.name)) if got else None
                want = self._club_key(want)
            elif name in ("venue", "competition"):
                got = fold(got.name) if got else None
                label = name.upper()
                ids = self.kb.lookup(label, want)
                if got and ids and getattr(ev, name).kb_id in ids:
                    got = want = "ok"
                else:
                    want = fold(want)
            c[f"field_total:{name}"] += 1
            c[f"field_ok:{name}"] += got == want

    @staticmethod
    def aggregate(results: list[DocResult]) -> dict:
        total: Counter = Counter()
        for r in results:
            total.update(r.counts)
        ner = span_scores([(r.gold_spans, r.pred_spans, len(r.gold["text"])) for r in results])
        events_types = sorted({k.split(":", 1)[1] for k in total if k.startswith(("event_tp:", "event_fn:", "event_fp:"))})
        out = {
            "documents": len(results),
            "language": {"accuracy": ratio(total["lang_ok"], len(results))},
            "ner": {**ner, "overlap": prf(total["overlap_tp"], total["overlap_fp"], total["overlap_fn"])},
            "linking": {"accuracy": ratio(total["link_ok"], total["link_total"]), "accuracy_all": ratio(total["link_ok"], total["link_all"]),
                        "total": total["link_all"]},
            "people": {"accuracy": ratio(total["person_ok"], total["person_total"]), "total": total["person_total"]},
            "dates": {"accuracy": ratio(total["date_ok"], total["date_total"]), "accuracy_all": ratio(total["date_ok"], total["date_all"]),
                      "total": total["date_all"]},
            "events": {**prf(total["event_tp"], total["event_fp"], total["event_fn"]),
                       "per_type": {t: prf(total[f"event_tp:{t}"], total[f"event_fp:{t}"], total[f"event_fn:{t}"]) for t in events_types},
                       "fields": {f: ratio(total[f"field_ok:{f}"], total[f"field_total:{f}"]) for f in FIELDS}},
        }
        if "unseen_tp" in total or any("unseen_fn" in r.counts for r in results):
            out["ner"]["unseen"] = prf(total["unseen_tp"], total["unseen_fp"], total["unseen_fn"])
        return out


def span_scores(examples: list[tuple[set, set, int]]) -> dict:
    """Exact-span P/R/F overall and per label with spaCy's Scorer, on character-level docs."""
    vocab = Vocab()
    spacy_examples = []
    for gold_spans, pred_spans, n_chars in examples:
        words = ["x"] * n_chars
        pred = Doc(vocab, words=words, spaces=[False] * n_chars)
        ref = Doc(vocab, words=words, spaces=[False] * n_chars)
        pred.ents = [pred.char_span(s, e, label=l) for s, e, l in sorted(pred_spans) if e > s]
        ref.ents = [ref.char_span(s, e, label=l) for s, e, l in sorted(gold_spans) if e > s]
        spacy_examples.append(Example(pred, ref))
    scores = Scorer.score_spans(spacy_examples, "ents")
    per_label = {k: {"p": round(v["p"], 4), "r": round(v["r"], 4), "f1": round(v["f"], 4)} for k, v in (scores["ents_per_type"] or {}).items()}
    return {"p": round(scores["ents_p"] or 0.0, 4), "r": round(scores["ents_r"] or 0.0, 4), "f1": round(scores["ents_f"] or 0.0, 4),
            "per_label": per_label}


def load_gold(paths: list[Path]) -> list[dict]:
    docs = []
    for path in paths:
        for doc in read_jsonl(path):
            doc.setdefault("meta", {}).setdefault("lang", path.parent.name if path.parent.name in ("it", "en") else None)
            docs.append(doc)
    return docs


def seen_names(paths: list[Path]) -> set[str]:
    """Folded surface forms of every annotated mention in training files."""
    return {fold(d["text"][s["start"]:s["end"]]) for p in paths for d in read_jsonl(p) for s in d["spans"]}


def lookup(metrics: dict, key: str):
    node = metrics
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise KeyError(key)
        node = node[part]
    return node


def html_report(metrics: dict, results: list[DocResult]) -> str:
    """Readable HTML: metrics, per-label confusion, and gold beside predicted for each document with errors."""
    from spacy import displacy

    confusion: Counter = Counter()
    for r in results:
        for s, e, l in r.gold_spans:
            over = [pl for ps, pe, pl in r.pred_spans if ps < e and s < pe]
            confusion[(l, over[0] if over else "MISSED")] += 1
        for s, e, l in r.pred_spans:
            if not any(gs < e and s < ge for gs, ge, _ in r.gold_spans):
                confusion[("NONE", l)] += 1
    labels = sorted({a for a, _ in confusion} | {b for _, b in confusion})
    rows = "".join(
        f"<tr><th>{g}</th>" + "".join(f"<td class='{'ok' if g == p else 'bad' if confusion[(g, p)] else ''}'>{confusion[(g, p)] or ''}</td>" for p in labels) + "</tr>"
        for g in labels
    )
    sections = []
    for r in results:
        if not r.has_errors:
            continue
        text = r.gold["text"]
        fp = sorted(r.pred_spans - r.gold_spans)
        fn = sorted(r.gold_spans - r.pred_spans)

        def render(spans, title):
            ents = [{"start": s, "end": e, "label": l} for s, e, l in sorted(spans)]
            return displacy.render({"text": text, "ents": ents, "title": title}, style="ent", manual=True, page=False)

        errs = "".join(f"<li class='fp'>FP {html.escape(text[s:e])} ({l})</li>" for s, e, l in fp)
        errs += "".join(f"<li class='fn'>FN {html.escape(text[s:e])} ({l})</li>" for s, e, l in fn)
        errs += f"<li>events: {r.counts['event_tp']} right, {r.counts['event_fp']} spurious, {r.counts['event_fn']} missed</li>"
        sections.append(
            f"<section class='doc' id='{html.escape(r.gold['id'])}'><h2>{html.escape(r.gold['id'])} ({r.lang})</h2><ul class='errors'>{errs}</ul>"
            f"<div class='pair'><div class='gold'><h3>gold</h3>{render(r.gold_spans, 'gold')}</div>"
            f"<div class='pred'><h3>predicted</h3>{render(r.pred_spans, 'predicted')}</div></div></section>"
        )
    summary = "".join(f"<tr><th>{html.escape(k)}</th><td>{v}</td></tr>" for k, v in flat(metrics, skip="by_language"))
    style = ("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px}"
             ".pair{display:grid;grid-template-columns:1fr 1fr;gap:1em}.fp{color:#b00}.fn{color:#a60}td.bad{background:#fdd}td.ok{background:#dfd}"
             "section.doc{border-top:2px solid #888;margin-top:2em}")
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>newsextract evaluation</title><style>{style}</style></head><body>"
            f"<h1>newsextract evaluation</h1><table class='metrics'>{summary}</table>"
            f"<h2>Confusion (rows gold, columns predicted)</h2><table class='confusion'><tr><th></th>{''.join(f'<th>{l}</th>' for l in labels)}</tr>{rows}</table>"
            f"<h2>Documents with errors ({len(sections)})</h2>{''.join(sections)}</body></html>")


def flat(metrics: dict, prefix: str = "", skip: str | None = None) -> list[tuple[str, object]]:
    out = []
    for k, v in metrics.items():
        if k == skip:
            continue
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out += flat(v, key + ".")
        else:
            out.append((key, v))
    return out

