"""Consolidation of events across records."""

from __future__ import annotations

from newsextract.merge import consolidate


def club(name, kb_id):
    return {"entity": "e1", "name": name, "kb_id": kb_id}


def qualification(doc_id, beaten):
    event = {"type": "qualification", "club": club("Kairat Almaty", "kairat-almaty"), "eliminated": [club(*b) for b in beaten],
             "participants": [], "evidence": {"start": 0, "end": 1, "text": "x"}, "confidence": 0.7}
    return {"doc_id": doc_id, "status": "ok", "language": {"code": "en"}, "events": [event]}


def test_qualifications_start_and_join_the_ties_they_report():
    happenings = consolidate([qualification("a", [("Celtic", "celtic"), ("KuPS", "kups")]), qualification("b", [("Celtic", "celtic")])])
    by_type = {}
    for h in happenings:
        by_type.setdefault(h.type, []).append(h)
    assert [h.sources for h in by_type["qualification"]] == [["a", "b"]]
    ties = {frozenset(p["kb_id"] for p in h.participants): h.sources for h in by_type["match_result"]}
    assert ties == {frozenset({"kairat-almaty", "celtic"}): ["a", "b"], frozenset({"kairat-almaty", "kups"}): ["a"]}
