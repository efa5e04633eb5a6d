"""One entity per person: merge the mentions of a name within an article, find role and club.

A shorter mention joins the longer name it is a part of ("Keker" -> "Kirill Keker",
"ten Hag" -> "Erik ten Hag", "Lautaro" -> "Lautaro Martínez"): after the full name, the
most recent matching full name; before any full name, only when exactly one full name
in the article matches.
"""

from __future__ import annotations

import re
from typing import Protocol

ROLES = {
    "coach": r"tecnico|allenatore|mister|coach|manager|head coach|boss|ct|commissario tecnico|interim",
    "goalkeeper": r"portiere|goalkeeper|keeper|numero uno|estremo difensore",
    "president": r"presidente|president|chairman|patron|owner|proprietario",
    "referee": r"arbitro|referee|direttore di gara|fischietto|official|var",
    "agent": r"agente|procuratore|agent|intermediario",
    "sporting director": r"direttore sportivo|ds|sporting director|director of football|dirigente",
    "executive": r"chief executive|ceo|amministratore delegato|technical director|direttore tecnico|direttore generale|executive",
    "player": r"attaccante|centravanti|punta|difensore|centrocampista|terzino|esterno|trequartista|regista|bomber|"
    r"striker|forward|winger|defender|midfielder|full-back|centre-back|captain|capitano|playmaker|talento|talent|"
    r"player|giocatore|calciatore|veterano|veteran|attacker|teenager|youngster|fantasista",
}
ROLE_RE = {role: re.compile(rf"\b(?:{pat})\b\W*(?:\w+\W+){{0,3}}$", re.I) for role, pat in ROLES.items()}
CLUB_LINK = re.compile(rf"^\s*(?:di|del|dello|della|dell['’]|of|at|from|['’]s|(?:['’]s\s+)?(?:[\w-]+\s+)?(?:{ROLES['player']}|{ROLES['goalkeeper']}))?\s*$", re.I)
CLUB_AFTER = re.compile(rf"\s*(?:,\s*(?:[\w-]+\s+)?(?:{ROLES['player']}|{ROLES['goalkeeper']})\s+)?(?:of|at|del|dello|della|dell['’]|di)\s*", re.I)
POSSESSIVE = re.compile(r"['’]s$")
SPACES = re.compile(r"\s+")


class Mention(Protocol):
    """A name in the text: a spaCy Span, or its fields read once (extract.Mention)."""

    text: str
    start_char: int
    end_char: int
    kb_id_: str


def _tokens(name: str) -> list[str]:
    return [t for t in SPACES.split(name.strip()) if t]


def _is_part(short: list[str], full: list[str]) -> bool:
    """short is a contiguous run of full's tokens (surname, first name, 'ten Hag')."""
    n = len(short)
    return n < len(full) and any(full[i : i + n] == short for i in range(len(full) - n + 1))


def group_people(mentions: list[Mention]) -> list[list[Mention]]:
    """Groups of PERSON mentions (in text order) that name the same person."""
    keyed: list[tuple[Mention, str]] = []
    folded: dict[str, list[str]] = {}
    for m in mentions:
        toks = _tokens(POSSESSIVE.sub("", m.text))
        key = " ".join(toks).casefold()
        folded.setdefault(key, [t.casefold() for t in toks])
        keyed.append((m, key))
    longer = {key: [k for k, other in folded.items() if _is_part(short, other)] for key, short in folded.items()}
    canon = {key: found[0] for key, found in longer.items() if len(found) == 1}
    groups: dict[str, list[Mention]] = {}
    order: list[str] = []
    last_full: dict[str, str] = {}
    for m, key in keyed:
        target = key
        seen = [k for k in longer[key] if k in last_full]
        if seen:
            target = max(seen, key=lambda k: last_full[k])
        elif key in canon:
            target = canon[key]
        while target in canon and canon[target] != target:
            target = canon[target]
        last_full[key] = m.start_char
        if target not in groups:
            groups[target] = []
            order.append(target)
        groups[target].append(m)
    return [groups[k] for k in order]


def person_name(group: list[Mention]) -> str:
    """The fullest form used: most tokens, then longest, then first seen."""
    best = max(group, key=lambda m: (len(_tokens(m.text)), len(m.text), -m.start_char))
    return POSSESSIVE.sub("", best.text).strip()


def role_of(text: str, group: list[Mention], offset: int = 0) -> str | None:
    """A role the text states just before a mention ('il tecnico Kirill Keker'); text starts at offset."""
    for m in group:
        start = m.start_char - offset
        before = text[max(0, start - 40) : start]
        for role, pattern in ROLE_RE.items():
            if pattern.search(before):
                return role
    return None


def club_of(text: str, group: list[Mention], clubs: list[Mention], offset: int = 0, coached: dict[int, str] | None = None) -> Mention | None:
    """A club stated for the person: 'l'Inter di Chivu', 'Real Madrid's Ancelotti', 'X of Celtic', 'Genk striker X',
    'X, centravanti dello Slavia'; else the club the KB has them coaching (coached: mention offset -> club id, see
    Linker._coached)."""
    for m in group:
        for club in clubs:
            between = text[club.end_char - offset : m.start_char - offset] if club.end_char <= m.start_char else None
            after = text[m.end_char - offset : club.start_char - offset] if m.end_char <= club.start_char else None
            if between is not None and CLUB_LINK.match(between):
                return club
            if after is not None and CLUB_AFTER.fullmatch(after):
                return club
    kb_ids = {coached[m.start_char] for m in group if m.start_char in (coached or {})}
    return next((c for c in clubs if c.kb_id_ in kb_ids), None)
