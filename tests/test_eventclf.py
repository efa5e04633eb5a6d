"""The event classifiers: sparse logistic regression and the features of candidate club pairs."""

from __future__ import annotations

import pytest

from newsextract.eventclf import MIN_POSITIVES, PAIR_TYPES, LogReg, normalized, pair_features


def toy(n=80):
    rows = [["score", f"noise{i % 7}"] for i in range(n)] + [["future", f"noise{i % 7}"] for i in range(n)]
    labels = [{"match_result"}] * n + [{"fixture"}] * n
    return rows, labels


def test_logreg_learns_separable_labels():
    clf = LogReg(PAIR_TYPES).fit(*toy())
    assert clf.predict(["score"])["match_result"] > 0.9 > clf.predict(["score"])["fixture"]
    assert clf.predict(["future"])["fixture"] > 0.9 > clf.predict(["future"])["match_result"]


def test_logreg_round_trips_through_dict():
    clf = LogReg(PAIR_TYPES).fit(*toy())
    again = LogReg.from_dict(clf.to_dict())
    assert again.labels == PAIR_TYPES
    for feats in (["score"], ["future", "noise3"], ["unknown"]):
        assert again.predict(feats) == pytest.approx(clf.predict(feats), abs=1e-4)


def test_untrained_or_rare_labels_do_not_veto():
    assert LogReg().predict(["anything"]) == {t: 1.0 for t in LogReg().labels}
    rows, labels = toy(MIN_POSITIVES - 1)
    clf = LogReg(PAIR_TYPES).fit(rows, labels)
    assert clf.predict(["score"]) == {"match_result": 1.0, "fixture": 1.0}


def test_pair_features_read_gap_and_context(en):
    doc = en("Arsenal beat Chelsea 2-1 at the Emirates on Sunday.")
    clubs = [e for e in doc.ents if e.label_ == "CLUB"]
    sent = doc[:]
    norm = normalized(doc, "2025-01-10")
    feats = pair_features(norm, sent, clubs[0], clubs[1], clubs, {"match_result"})
    assert {"gap=beat", "adjacent", "a1:<NUM>", "b1:^", "rule=match_result", "first@0", "last@0"} <= set(feats)
    implicit = pair_features(norm, sent, clubs[1], None, clubs, set())
    assert "implicit" in implicit and "rule=none" in implicit and not any(f.startswith("gap") for f in implicit)
