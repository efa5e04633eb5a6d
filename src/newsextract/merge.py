"""Consolidation across articles: one event per real-world happening.

Events from different records (and languages) describe the same happening when they
have the same type, the same participants (by KB id, else folded name) and compatible
dates (equal where both are known, within two days for day dates, or one missing).
Draws group by competition; qualifications by qualifying club; transfers by person and
destination; coach changes by club and incoming coach; a qualification "A eliminated B"
also counts as a report of the A-B tie (a tie no article reports as a result starts
from it). Each group becomes one
consolidated event with its ``sources`` (doc_ids), the fields its sources agree on or,
where they disagree, the most reported value and a note of the others.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Iterable

from .kb import fold
from .schema import Happening

IDENTITY_FIELDS = {"home", "away", "club", "person", "to_club", "coach_in", "participants", "evidence", "confidence", "type"}


def ref_key(ref: dict | None) -> str | None:
    if not ref:
        return None
    return ref.get("kb_id") or fold(ref.get("name", ""))


def identity(ev: dict) -> tuple:
    """What must be equal for two events to be the same happening."""
    kind = ev["type"]
    if kind in ("match_result", "fixture"):
        teams = {ref_key(ev.get("home")), ref_key(ev.get("away"))} - {None}
        return (kind, frozenset(teams or {ref_key(p) for p in ev.get("participants", [])}))
    if kind == "qualification":
        return (kind, ref_key(ev.get("club")))
    if kind == "transfer":
        return (kind, fold((ev.get("person") or {}).get("name", "")), ref_key(ev.get("to_club")))
    if kind == "coach_change":
        return (kind, ref_key(ev.get("club")), fold((ev.get("coach_in") or {}).get("name", "")))
    return (kind,)


def dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    if len(a) == len(b) == 10:
        try:
            return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= 2
        except ValueError:
            return a == b
    return a.startswith(b) or b.startswith(a)


def compatible(group: list[dict], ev: dict) -> bool:
    if not all(dates_compatible(g.get("date"), ev.get("date")) for g in group):
        return False
    if ev["type"] == "draw":
        comps = {ref_key(g.get("competition")) for g in group} - {None}
        mine = ref_key(ev.get("competition"))
        return not comps or mine is None or mine in comps
    return True


def _strip(value):
    """Drop record-local entity ids, which differ between records of the same happening."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k != "entity"}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _value(v):
    return json.dumps(v, sort_keys=True, ensure_ascii=False) if isinstance(v, (dict, list)) else v


def consolidate(records: Iterable[dict]) -> list[Happening]:
    """Group the events of many records into happenings, in first-reported order."""
    groups: list[tuple[tuple, list[dict]]] = []
    for rec in records:
        if rec.get("status", "ok") != "ok":
            continue
        for ev in rec.get("events") or []:
            item = {**_strip(ev), "_doc": rec["doc_id"], "_lang": (rec.get("language") or {}).get("code")}
            key = identity(ev)
            for gkey, members in groups:
                if gkey == key and compatible(members, item):
                    members.append(item)
                    break
            else:
                groups.append((key, [item]))
    _ties_from_qualifications(groups)
    return [_happening(i, members) for i, (_, members) in enumerate(groups, 1)]


def _ties_from_qualifications(groups: list[tuple[tuple, list[dict]]]) -> None:
    """A qualification 'A eliminated B' reports the A-B tie too: its article joins the tie's sources, or starts the tie."""
    quals = [q for key, members in groups if key[0] == "qualification" for q in members]
    for q in quals:
        for beaten in q.get("eliminated") or []:
            teams = frozenset({ref_key(q.get("club")), ref_key(beaten)} - {None})
            if len(teams) != 2:
                continue
            members = next((m for key, m in groups if key == ("match_result", teams)), None)
            if members is None:
                members = []
                groups.append((("match_result", teams), members))
            if q["_doc"] not in {m["_doc"] for m in members}:
                members.append({"type": "match_result", "participants": [q["club"], beaten], "_doc": q["_doc"], "_lang": q["_lang"],
                                "confidence": q.get("confidence", 0.0)})


def _happening(index: int, members: list[dict]) -> Happening:
    fields: dict = {}
    notes = []
    names = sorted({k for m in members for k in m if not k.startswith("_") and k not in ("evidence", "confidence", "type", "participants")})
    for name in names:
        values = Counter(_value(m[name]) for m in members if m.get(name) not in (None, [], False))
        if not values:
            continue
        if all(isinstance(m.get(name), list) for m in members if m.get(name)):
            union = []
            for m in members:
                union += [x for x in m.get(name) or [] if x not in union]
            fields[name] = union
            continue
        best, _ = values.most_common(1)[0]
        fields[name] = next(m[name] for m in members if _value(m.get(name)) == best)
        if len(values) > 1 and name not in IDENTITY_FIELDS:
            by_value = {str(v): sorted({m["_doc"] for m in members if _value(m.get(name)) == v}) for v in values}
            notes.append({"field": name, "values": by_value})
    participants, seen = [], set()
    for m in members:
        for p in m.get("participants", []):
            if ref_key(p) not in seen:
                seen.add(ref_key(p))
                participants.append(p)
    return Happening(
        id=f"h{index}", type=members[0]["type"], participants=participants, fields=fields,
        sources=sorted({m["_doc"] for m in members}), languages=sorted({m["_lang"] for m in members if m["_lang"]}),
        disagreements=notes, confidence=max(m.get("confidence", 0.0) for m in members),
    )


def read_records(paths: list[Path]) -> Iterable[dict]:
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)
