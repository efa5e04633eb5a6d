"""Trained judges for the event rules: small multi-label logistic regressions.

Two of them sit in the event component, both trained on the gold events of the
training split:

* the sentence classifier decides whether a sentence really reports a result, a
  fixture, a transfer... and so vetoes rule output in standings tables, career
  histories and other sentences that merely look like news;
* the pair classifier decides, for every two clubs a sentence names together (or one
  club and the article's main club, for "they face Roma"), whether the article reports
  a result or a fixture between them. It sees the words around and between the names
  and what the rules made of them, so it learns where the rules go wrong.

Features are words with entities replaced by their labels (dates by whether they fall
before or after publication), so the models learn contexts rather than names. Rows are
sparse lists of feature indices; training is full-batch gradient descent in numpy.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_SPACE, LIKE_NUM, LOWER
from spacy.tokens import Doc, Span

TYPES = ("match_result", "fixture", "draw", "qualification", "transfer", "coach_change")
PAIR_TYPES = ("match_result", "fixture")
MIN_POSITIVES = 30
SCORE_RE = re.compile(r"^\d{1,2}[-–:]\d{1,2}$")


def normalized(doc: Doc, published: str | None, ents: list[Span] | None = None) -> list[str]:
    """Every token as the classifiers see it, computed once per document from token arrays.

    Lowercased words; each entity as one <LABEL> token (dates as <PAST> or <FUTURE> of
    publication when their value is known); numbers and scores as <NUM>; "" for spaces
    and the inner tokens of entities. ents: doc.ents, when the caller has them already.
    """
    values = {e.start: e._.value for e in (doc.ents if ents is None else ents) if e.label_ == "DATE"}
    strings = doc.vocab.strings
    words: dict[int, str] = {}
    out = []
    for i, (iob, label, space, num, lower) in enumerate(doc.to_array([ENT_IOB, ENT_TYPE, IS_SPACE, LIKE_NUM, LOWER]).tolist()):
        if iob == 1 or space:
            out.append("")
        elif label:
            kind = strings[label]
            if kind == "DATE":
                value = values.get(i)
                out.append("<DATE>" if not (value and published) else "<PAST>" if value[:10] <= published else "<FUTURE>")
            else:
                out.append(f"<{kind}>")
        elif num:
            out.append("<NUM>")
        else:
            if lower not in words:
                word = strings[lower]
                words[lower] = "<NUM>" if word[:1].isdigit() and SCORE_RE.match(word) else word
            out.append(words[lower])
    return out


def window(norm: list[str], start: int, end: int) -> list[str]:
    return [t for t in norm[max(start, 0) : end] if t]


def features(norm: list[str], sent: Span, ents: list[Span]) -> list[str]:
    """Unigrams and bigrams of the sentence, plus counts of clubs and people (ents: the sentence's entities)."""
    toks = window(norm, sent.start, sent.end)
    feats = toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])]
    clubs = len({e.kb_id_ or e.text for e in ents if e.label_ == "CLUB"})
    people = sum(1 for e in ents if e.label_ == "PERSON")
    return feats + [f"clubs={min(clubs, 3)}", f"people={min(people, 2)}"]


def pair_features(norm: list[str], sent: Span, first: Span, second: Span | None, clubs: list[Span], rules: set[str]) -> list[str]:
    """Features of a candidate pair: the words before, between and after its club mentions.

    second is None when the other club is the article's main club, not named in the
    sentence ("they host Roma"). clubs: the sentence's clubs, in order; rules: the event
    types the rules read for this pair.
    """
    order = [c.start for c in clubs]
    where = [order.index(first.start)] + ([order.index(second.start)] if second is not None else [])
    last = second if second is not None else first
    before = window(norm, max(sent.start, first.start - 4), first.start)
    after = window(norm, last.end, min(sent.end, last.end + 4))
    feats = [f"b:{w}" for w in before] + [f"a:{w}" for w in after]
    feats += [f"b1:{before[-1]}" if before else "b1:^", f"a1:{after[0]}" if after else "a1:$"]
    if second is None:
        feats.append("implicit")
    else:
        gap = window(norm, first.end, second.start)
        feats += [f"g:{w}" for w in gap] + [f"g {a} {b}" for a, b in zip(gap, gap[1:])]
        feats.append(f"gap={' '.join(gap)}" if len(gap) <= 3 else f"gaplen={min(len(gap) // 5, 4)}")
        feats.append("adjacent" if "<CLUB>" not in gap else "apart")
        feats.append(f"between={min(where[1] - where[0] - 1, 3)}")
    feats += [f"first@{min(where[0], 3)}", f"last@{min(len(clubs) - 1 - where[-1], 3)}"]
    feats += [f"start:{w}" for w in window(norm, sent.start, min(sent.end, sent.start + 2))]
    feats += [f"clubs={min(len(clubs), 5)}"] + [f"rule={t}" for t in sorted(rules)] + ([] if rules else ["rule=none"])
    return feats + [f"s:{w}" for w in set(window(norm, sent.start, sent.end))]


class LogReg:
    """Multi-label logistic regression over sparse binary features, serializable to JSON."""

    def __init__(self, labels: tuple[str, ...] = TYPES, vocab: dict[str, int] | None = None, weights: np.ndarray | None = None,
                 bias: np.ndarray | None = None, positives: dict[str, int] | None = None):
        self.labels = tuple(labels)
        self.vocab = vocab or {}
        self.weights = weights
        self.bias = bias
        self.positives = positives or {}

    @property
    def trained(self) -> bool:
        return self.weights is not None

    def _rows(self, rows: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Known feature indices of all rows, flattened, and the row each index belongs to."""
        idx, owner = [], []
        lookup = self.vocab.get
        for i, feats in enumerate(rows):
            known = set(map(lookup, feats))
            known.discard(None)
            idx += known
            owner += [i] * len(known)
        return np.array(idx, dtype=np.int64), np.array(owner, dtype=np.int64)

    def _scores(self, idx: np.ndarray, owner: np.ndarray, n: int) -> np.ndarray:
        z = np.tile(self.bias, (n, 1))
        np.add.at(z, owner, self.weights[idx])
        return 1 / (1 + np.exp(-z))

    def fit(self, rows: list[list[str]], labels: list[set[str]], epochs: int = 80, lr: float = 0.5, l2: float = 1e-4,
            min_count: int = 5) -> "LogReg":
        counts: dict[str, int] = {}
        for feats in rows:
            for f in set(feats):
                counts[f] = counts.get(f, 0) + 1
        self.vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
        idx, owner = self._rows(rows)
        y = np.array([[t in lab for t in self.labels] for lab in labels], dtype=np.float32).reshape(len(rows), len(self.labels))
        self.positives = {t: int(n) for t, n in zip(self.labels, y.sum(axis=0))}
        self.weights = np.zeros((len(self.vocab), len(self.labels)), dtype=np.float32)
        self.bias = np.zeros(len(self.labels), dtype=np.float32)
        pos = y.mean(axis=0).clip(1e-3, 1 - 1e-3)
        sample_w = np.where(y > 0, 0.5 / pos, 0.5 / (1 - pos)).astype(np.float32)
        for _ in range(epochs):
            grad = (self._scores(idx, owner, len(rows)) - y) * sample_w / len(rows)
            step = np.zeros_like(self.weights)
            np.add.at(step, idx, grad[owner])
            self.weights -= lr * (step + l2 * self.weights)
            self.bias -= lr * grad.sum(axis=0)
        return self

    def predict(self, feats: list[str]) -> dict[str, float]:
        """Probability per label; 1.0 for labels the training data had too few rows of to judge."""
        return self.predict_many([feats])[0]

    def predict_many(self, rows: list[list[str]]) -> list[dict[str, float]]:
        """``predict`` for many rows in one matrix operation."""
        if not self.trained:
            return [{t: 1.0 for t in self.labels} for _ in rows]
        if not rows:
            return []
        judged = [self.positives.get(t, 0) >= MIN_POSITIVES for t in self.labels]
        idx, owner = self._rows(rows)
        return [{t: float(v) if ok else 1.0 for t, v, ok in zip(self.labels, p, judged)}
                for p in self._scores(idx, owner, len(rows)).tolist()]

    def to_dict(self) -> dict:
        if not self.trained:
            return {}
        return {"labels": list(self.labels), "vocab": self.vocab, "weights": self.weights.round(5).tolist(),
                "bias": self.bias.round(5).tolist(), "positives": self.positives}

    @classmethod
    def from_dict(cls, data: dict, labels: tuple[str, ...] = TYPES) -> "LogReg":
        if not data:
            return cls(labels)
        return cls(tuple(data.get("labels", labels)), data["vocab"], np.array(data["weights"], dtype=np.float32),
                   np.array(data["bias"], dtype=np.float32), data.get("positives"))
