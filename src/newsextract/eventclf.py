"""Which event types a sentence reports: a small multi-label logistic regression.

The event rules find participants and fields; this classifier, trained on the gold
events of the training split, decides whether a sentence really reports a result, a
fixture, a transfer... and so vetoes rule output in standings tables, career histories
and other sentences that merely look like news. Features are the sentence's words and
bigrams with entities replaced by their labels (dates by whether they fall before or
after publication), so it learns contexts rather than names.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.tokens import Span

TYPES = ("match_result", "fixture", "draw", "qualification", "transfer", "coach_change")
MIN_POSITIVES = 30
SCORE_RE = re.compile(r"^\d{1,2}[-–:]\d{1,2}$")


def features(sent: Span, published: str | None, ents: list[Span] | None = None) -> list[str]:
    """Unigrams and bigrams over normalized tokens, plus counts of clubs and people (ents: the sentence's entities)."""
    ents = list(sent.ents) if ents is None else ents
    starts = {e.start: e for e in ents}
    toks = []
    for tok in sent:
        if tok.ent_type_ and tok.ent_iob_ == "I":
            continue
        if tok.ent_type_ == "DATE":
            ent = starts.get(tok.i)
            value = ent._.value if ent is not None else None
            toks.append("<DATE>" if not (value and published) else "<PAST>" if value[:10] <= published else "<FUTURE>")
        elif tok.ent_type_:
            toks.append(f"<{tok.ent_type_}>")
        elif tok.like_num or SCORE_RE.match(tok.text):
            toks.append("<NUM>")
        elif not tok.is_space:
            toks.append(tok.lower_)
    feats = toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])]
    clubs = len({e.kb_id_ or e.text for e in ents if e.label_ == "CLUB"})
    people = sum(1 for e in ents if e.label_ == "PERSON")
    return feats + [f"clubs={min(clubs, 3)}", f"people={min(people, 2)}"]


class EventSentenceClassifier:
    def __init__(self, vocab: dict[str, int] | None = None, weights: np.ndarray | None = None, bias: np.ndarray | None = None,
                 positives: dict[str, int] | None = None):
        self.vocab = vocab or {}
        self.weights = weights
        self.bias = bias
        self.positives = positives or {}

    @property
    def trained(self) -> bool:
        return self.weights is not None

    def _matrix(self, rows: list[list[str]]) -> np.ndarray:
        x = np.zeros((len(rows), len(self.vocab)), dtype=np.float32)
        for i, feats in enumerate(rows):
            for f in feats:
                j = self.vocab.get(f)
                if j is not None:
                    x[i, j] = 1.0
        return x

    def fit(self, rows: list[list[str]], labels: list[set[str]], epochs: int = 60, lr: float = 0.5, l2: float = 1e-4,
            min_count: int = 2) -> "EventSentenceClassifier":
        counts: dict[str, int] = {}
        for feats in rows:
            for f in set(feats):
                counts[f] = counts.get(f, 0) + 1
        self.vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
        x = self._matrix(rows)
        y = np.array([[t in lab for t in TYPES] for lab in labels], dtype=np.float32)
        self.positives = {t: int(n) for t, n in zip(TYPES, y.sum(axis=0))}
        self.weights = np.zeros((x.shape[1], len(TYPES)), dtype=np.float32)
        self.bias = np.zeros(len(TYPES), dtype=np.float32)
        pos = y.mean(axis=0).clip(1e-3, 1)
        sample_w = np.where(y > 0, 0.5 / pos, 0.5 / (1 - pos)).astype(np.float32)
        for _ in range(epochs):
            p = 1 / (1 + np.exp(-(x @ self.weights + self.bias)))
            grad = (p - y) * sample_w / len(x)
            self.weights -= lr * (x.T @ grad + l2 * self.weights)
            self.bias -= lr * grad.sum(axis=0)
        return self

    def predict(self, feats: list[str]) -> dict[str, float]:
        """Probability per type; 1.0 for types the training data had too few sentences of to judge."""
        if not self.trained:
            return {t: 1.0 for t in TYPES}
        p = 1 / (1 + np.exp(-(self._matrix([feats]) @ self.weights + self.bias)))[0]
        return {t: float(v) if self.positives.get(t, 0) >= MIN_POSITIVES else 1.0 for t, v in zip(TYPES, p)}

    def to_dict(self) -> dict:
        if not self.trained:
            return {}
        return {"vocab": self.vocab, "weights": self.weights.round(5).tolist(), "bias": self.bias.round(5).tolist(),
                "positives": self.positives}

    @classmethod
    def from_dict(cls, data: dict) -> "EventSentenceClassifier":
        if not data:
            return cls()
        return cls(data["vocab"], np.array(data["weights"], dtype=np.float32), np.array(data["bias"], dtype=np.float32),
                   data.get("positives"))
