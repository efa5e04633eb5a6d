"""DATE normalization: ISO 8601 values resolved against the publication date.

Seasons, decades, weeks and bare relative words (ieri, last night) follow small tables;
everything with calendar content (weekdays, months, day-month-year) goes through
dateparser on the DATE span alone, with the article's language and the publication date
as the relative base. Whether a weekday or month lies before or after the publication
date is read from the sentence (tense and cue words); with no cue, the nearest day wins.
The machine clock is never used: without a publication date relative values are null.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

DAY = dt.timedelta(days=1)

OFFSETS = {
    "it": {"oggi": 0, "stasera": 0, "stamattina": 0, "stamani": 0, "stanotte": 0, "in serata": 0, "oggi pomeriggio": 0,
           "ieri": -1, "ieri sera": -1, "ieri pomeriggio": -1, "ieri notte": -1, "ieri mattina": -1, "l'altra sera": -2,
           "altroieri": -2, "l'altro ieri": -2, "avantieri": -2, "domani": 1, "domani sera": 1, "domani pomeriggio": 1,
           "dopodomani": 2},
    "en": {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "earlier today": 0,
           "later today": 0, "yesterday": -1, "last night": -1, "yesterday afternoon": -1, "yesterday evening": -1,
           "tomorrow": 1, "tomorrow night": 1, "tomorrow evening": 1, "tomorrow afternoon": 1},
}
WEEKS = {
    "it": {"questa settimana": 0, "la settimana scorsa": -1, "settimana scorsa": -1, "la scorsa settimana": -1,
           "scorsa settimana": -1, "la prossima settimana": 1, "prossima settimana": 1, "la settimana prossima": 1,
           "settimana prossima": 1},
    "en": {"this week": 0, "last week": -1, "next week": 1},
}
SEASON_WORDS = {
    "it": {"questa stagione": 0, "stagione in corso": 0, "la stagione in corso": 0, "la scorsa stagione": -1,
           "scorsa stagione": -1, "la stagione scorsa": -1, "stagione scorsa": -1, "la prossima stagione": 1,
           "prossima stagione": 1, "la stagione prossima": 1},
    "en": {"this season": 0, "last season": -1, "next season": 1, "this term": 0, "last term": -1, "next term": 1},
}
TENS = {"venti": 2, "trenta": 3, "quaranta": 4, "cinquanta": 5, "sessanta": 6, "settanta": 7, "ottanta": 8, "novanta": 9,
        "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}
WEEKDAYS = {
    "it": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
    "en": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
}
MODIFIERS = re.compile(
    r"\b(scors[oa]|prossim[oa]|last|next|this|coming|on|sera|pomeriggio|mattina|notte|night|evening|afternoon|morning|"
    r"nel|nella|in|di|del|della|a|ad|entro|da|dal|by|until|since|from|early|late|inizio|fine|metà)\b|['’]s\b",
    re.I,
)
PAST_CUES = re.compile(
    r"\b(ha|hanno|è stat[oa]|sono stat[ie]|aveva|avevano|era|erano|scors[oa]|fa|ieri|"
    r"was|were|had|did|has been|have been|last|ago|yesterday|earlier)\b|\b\w+(ato|ito|uto|ata|ita|uta|ati|iti|uti)\b|\b\w{3,}ed\b",
    re.I,
)
FUTURE_CUES = re.compile(
    r"\b(will|'ll|shall|next|upcoming|coming|ahead of|set to|due to|scheduled|prossim[oa]|in programma|domani|"
    r"attende|attendono|sfiderà|ospiterà|affronterà|giocherà|sarà|saranno|andrà|tornerà)\b|\b\w{3,}(erà|irà|ranno|remo)\b|"
    r"\b\w+ing\s+(on|this)\b",
    re.I,
)


def parse_published(value: str) -> str | None:
    """A publication date from metadata ('2025-08-27', '2025-08-27T10:00Z', '27 Aug 2025')."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    if not re.search(r"\d{4}", value):
        return None
    import dateparser

    parsed = dateparser.parse(value, settings={"REQUIRE_PARTS": ["day", "month", "year"], "RELATIVE_BASE": dt.datetime(2000, 1, 1)})
    return parsed.date().isoformat() if parsed else None


DATELINE = re.compile(
    r"\b(\d{1,2}\s+[A-Za-zàèéìòù]{3,10}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})\b"
)


def find_dateline(text: str, lang: str | None) -> str | None:
    """The article's own date from its first lines (bylines, datelines), if it states one."""
    import dateparser

    for mo in DATELINE.finditer(text[:400]):
        parsed = dateparser.parse(
            mo.group(1),
            languages=[lang] if lang in WEEKDAYS else None,
            settings={"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY", "RELATIVE_BASE": dt.datetime(2000, 1, 1)},
        )
        if parsed:
            return parsed.date().isoformat()
    return None


def season_of(day: dt.date, shift: int = 0) -> str:
    start = (day.year if day.month >= 7 else day.year - 1) + shift
    return f"{start}-{(start + 1) % 100:02d}"


def tense(context: str) -> str | None:
    """'past', 'future' or None from cue words around a date."""
    past = len(PAST_CUES.findall(context))
    future = len(FUTURE_CUES.findall(context)) * 2
    if past == future:
        return None
    return "past" if past > future else "future"


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def _weekday(core: str, lang: str) -> int | None:
    for i, name in enumerate(WEEKDAYS[lang]):
        if core == name or core == name.rstrip("ì") + "i":
            return i
    return None


def normalize(text: str, lang: str, ref: dt.date | None, context: str = "") -> tuple[str | None, str | None]:
    """(ISO value, granularity) for one DATE span; (None, None) when it cannot be resolved."""
    low = _clean(text)
    lang = lang if lang in WEEKDAYS else "en"
    if mo := re.search(r"\b(\d{2})(\d{2})\s*['’]?s\b|anni\s+(\d{2})(\d{2})\b", low):
        century, decade = mo.group(1) or mo.group(3), mo.group(2) or mo.group(4)
        return f"{century}{decade[0]}X", "decade"
    if mo := re.search(r"anni\s+['’]?(\d)0\b|\b['’](\d)0s\b", low):
        return f"19{mo.group(1) or mo.group(2)}X", "decade"
    for word, digit in TENS.items():
        if re.search(rf"\b{word}\b", low):
            return f"19{digit}X", "decade"
    if mo := re.search(r"\b(\d{4})\s*[/-]\s*(\d{2}|\d{4})\b", low):
        start, end = int(mo.group(1)), int(mo.group(2)[-2:])
        if end == (start + 1) % 100:
            return f"{start}-{end:02d}", "season"
    stripped = re.sub(r"^(the|la|il|l'|lo|on|in|nel|nella|di|del|by)\s+", "", low)
    if re.fullmatch(r"\d{4}", stripped):
        return stripped, "year"
    if ref is None:
        return _absolute(low, lang)
    if stripped in SEASON_WORDS[lang] or low in SEASON_WORDS[lang]:
        return season_of(ref, SEASON_WORDS[lang].get(stripped, SEASON_WORDS[lang].get(low, 0))), "season"
    for table in (OFFSETS[lang], {"last night": -1} if lang == "en" else {}):
        if low in table or stripped in table:
            return (ref + table.get(low, table.get(stripped, 0)) * DAY).isoformat(), "day"
    if low in WEEKS[lang] or stripped in WEEKS[lang]:
        year, week, _ = (ref + 7 * WEEKS[lang].get(low, WEEKS[lang].get(stripped, 0)) * DAY).isocalendar()
        return f"{year}-W{week:02d}", "week"
    core = MODIFIERS.sub(" ", low).strip()
    core = re.sub(r"\s+", " ", core)
    direction = "past" if re.search(r"\b(scors[oa]|last)\b", low) else "future" if re.search(r"\b(prossim[oa]|next|coming)\b", low) else tense(context)
    weekday = _weekday(core, lang)
    if weekday is not None:
        delta = (weekday - ref.weekday()) % 7
        if delta == 0:
            delta = {"past": -7, "future": 7}.get(direction, 0) if re.search(r"\b(scors[oa]|last|prossim[oa]|next)\b", low) else 0
        elif direction == "past" or (direction is None and delta > 3):
            delta -= 7
        return (ref + delta * DAY).isoformat(), "day"
    return _parse(core or low, lang, ref.isoformat(), direction)


def _absolute(low: str, lang: str) -> tuple[str | None, str | None]:
    """Only expressions that carry their own year can be resolved without a reference."""
    if not re.search(r"\b\d{4}\b", low):
        return None, None
    return _parse(MODIFIERS.sub(" ", low).strip(), lang, None, None)


@lru_cache(maxsize=4096)
def _parse(core: str, lang: str, ref: str | None, direction: str | None) -> tuple[str | None, str | None]:
    settings = {"RELATIVE_BASE": dt.datetime.fromisoformat(ref) if ref else dt.datetime(2000, 1, 1), "DATE_ORDER": "DMY"}
    if direction:
        settings["PREFER_DATES_FROM"] = direction
    data = _cached_parser(lang, tuple(sorted(settings.items(), key=str))).get_date_data(core)
    if data.date_obj is None:
        return None, None
    has_year = bool(re.search(r"\b\d{4}\b", core))
    if ref is None and not has_year:
        return None, None
    day = data.date_obj.date()
    if data.period == "year":
        return f"{day.year:04d}", "year"
    if data.period == "month":
        if not has_year and direction is None and ref:
            day = _nearest_month(day, dt.date.fromisoformat(ref))
        return f"{day.year:04d}-{day.month:02d}", "month"
    if data.period == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}", "week"
    if not has_year and direction is None and ref:
        day = _nearest_day(day, dt.date.fromisoformat(ref))
    return day.isoformat(), "day"


@lru_cache(maxsize=64)
def _cached_parser(lang: str, settings: tuple):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[lang], settings=dict(settings))


def _nearest_day(day: dt.date, ref: dt.date) -> dt.date:
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidates.append(day.replace(year=year))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - ref).days))


def _nearest_month(day: dt.date, ref: dt.date) -> dt.date:
    candidates = [dt.date(y, day.month, 1) for y in (ref.year - 1, ref.year, ref.year + 1)]
    return min(candidates, key=lambda d: abs((d.year - ref.year) * 12 + d.month - ref.month))


for _name in ("published",):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _name in ("value", "granularity"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


@Language.factory("newsextract_dates", default_config={"context_chars": 80})
def make_date_normalizer(nlp: Language, name: str, context_chars: int) -> "DateNormalizer":
    return DateNormalizer(nlp.lang, context_chars)


class DateNormalizer:
    """Sets ``span._.value`` and ``span._.granularity`` on DATE entities from ``doc._.published``."""

    def __init__(self, lang: str, context_chars: int = 80):
        self.lang = lang
        self.context_chars = context_chars

    def __call__(self, doc: Doc) -> Doc:
        ref = dt.date.fromisoformat(doc._.published) if doc._.published else None
        for ent in doc.ents:
            if ent.label_ != "DATE":
                continue
            sent = ent.sent.text if doc.has_annotation("SENT_START") else doc.text
            lo = max(0, ent.start_char - self.context_chars)
            window = doc.text[lo : ent.end_char + self.context_chars]
            context = window if tense(window) else sent
            ent._.value, ent._.granularity = normalize(ent.text, self.lang, ref, context)
        return doc

    def to_disk(self, path, exclude=()):
        pass

    def from_disk(self, path, exclude=()):
        return self
