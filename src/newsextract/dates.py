"""DATE normalization: ISO 8601 values resolved against the publication date.

Decades, seasons and years are read from the span itself; relative days (ieri, last night) and
this/last/next week, month, year or season follow small tables; everything else with calendar
content (weekdays, months, day-month-year) goes through dateparser on the DATE span alone, with
the article's language and the publication date as the relative base. When the span leaves the
year, month or week open, the direction decides: "scorso"/"last" and "prossimo"/"next" in or right
next to the span pick strictly before or after the publication date; otherwise the tense of the
span's clause (else of its sentence) picks before or after, the day or month of publication
included; with no cue the nearest candidate wins. The machine clock is never used: without a
publication date relative values are null.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from .sentences import sentences
from .tokenizer import doc_text

DAY = dt.timedelta(days=1)

# Relative days, keyed after leading articles are dropped ("l'altro ieri" -> "altro ieri").
OFFSETS = {
    "it": {"oggi": 0, "stasera": 0, "stamattina": 0, "stamani": 0, "stanotte": 0, "in serata": 0, "oggi pomeriggio": 0,
           "ieri": -1, "ieri sera": -1, "ieri pomeriggio": -1, "ieri notte": -1, "ieri mattina": -1, "altra sera": -2,
           "altroieri": -2, "altro ieri": -2, "avantieri": -2, "domani": 1, "domani sera": 1, "domani pomeriggio": 1,
           "dopodomani": 2},
    "en": {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "yesterday": -1,
           "last night": -1, "yesterday afternoon": -1, "yesterday evening": -1, "day before yesterday": -2,
           "tomorrow": 1, "tomorrow night": 1, "tomorrow evening": 1, "tomorrow afternoon": 1, "day after tomorrow": 2},
}
# "la prossima settimana", "l'anno scorso", "this season": a shift word before or after a unit (none: this one).
SHIFTS = {
    "it": {"scorso": -1, "scorsa": -1, "passato": -1, "passata": -1, "prossimo": 1, "prossima": 1, "questo": 0,
           "questa": 0, "quest'": 0, "in corso": 0},
    "en": {"last": -1, "previous": -1, "next": 1, "coming": 1, "this": 0, "current": 0},
}
UNITS = {
    "it": {"settimana": "week", "fine settimana": "weekend", "weekend": "weekend", "mese": "month", "anno": "year",
           "estate": "year", "primavera": "year", "autunno": "year", "stagione": "season"},
    "en": {"week": "week", "weekend": "weekend", "month": "month", "year": "year", "summer": "year", "spring": "year",
           "autumn": "year", "season": "season", "term": "season", "campaign": "season"},
}
# Named days and "primo" read as the dates they stand for.
ALIASES = {
    "primo": "1", "capodanno": "1 gennaio", "epifania": "6 gennaio", "ferragosto": "15 agosto",
    "vigilia di natale": "24 dicembre", "natale": "25 dicembre", "santo stefano": "26 dicembre",
    "new year's day": "1 january", "christmas eve": "24 december", "christmas day": "25 december",
    "christmas": "25 december", "boxing day": "26 december", "new year's eve": "31 december",
}
DECADE_WORDS = {
    "anni venti": "192", "anni trenta": "193", "anni quaranta": "194", "anni cinquanta": "195", "anni sessanta": "196",
    "anni settanta": "197", "anni ottanta": "198", "anni novanta": "199", "anni duemila": "200",
    "twenties": "192", "thirties": "193", "forties": "194", "fifties": "195", "sixties": "196", "seventies": "197",
    "eighties": "198", "nineties": "199", "noughties": "200",
}
WEEKDAYS = {
    "it": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
    "en": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
}


def _alternatives(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


SHIFTED = {
    lang: re.compile(
        rf"(?:(?P<before>{_alternatives(SHIFTS[lang])})\s*)?(?P<unit>{_alternatives(UNITS[lang])})"
        rf"(?:\s+(?P<after>{_alternatives(SHIFTS[lang])}))?"
    )
    for lang in SHIFTS
}
ALIAS = re.compile(rf"\b(?:{_alternatives(ALIASES)})\b")
DECADE = re.compile(
    r"\banni\s+'?(?P<c1>\d{2})?(?P<t1>\d)0\b|\b(?P<c2>\d{2})?(?P<t2>\d)0'?s\b"  # anni '80, anni 2000 | 1990s, '90s
    rf"|\b(?P<word>{_alternatives(DECADE_WORDS)})\b"
)
SEASON = re.compile(r"\b(\d{4})\s*[/-]\s*(\d{2}|\d{4})\b(?![/.-]\d)")
YEAR = re.compile(r"\b\d{4}\b")
MONTHLESS = {  # a day of the month without its month: "16", "domenica 16", "Sunday 16th"
    lang: re.compile(rf"(?:(?:{'|'.join(names)}) )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?".replace("ì", "[ìi]"))
    for lang, names in WEEKDAYS.items()
}
LEAD = re.compile(
    r"^(?:(?:the|il|lo|la|i|gli|le|in|nel|nella|nei|negli|on|a|ad|di|del|della|da|dal|dalla|entro|by|until|since|"
    r"from|during|earlier|later)\s+|(?:l|nell|dell|dall|all|sull)')+"
)
MODIFIERS = re.compile(
    r"\b(?:scors[oa]|passat[oa]|prossim[oa]|last|previous|next|coming|this|questo|questa|sera|pomeriggio|mattina|"
    r"notte|night|evening|afternoon|morning|early|late|inizio|fine|metà|estate|primavera|autunno|summer|spring|"
    r"autumn)\b|'s\b"
)
# Direction words in or right next to the span: strictly before or after the publication date.
SPAN_CUES = {
    "past": re.compile(r"\b(?:scors[oa]|passat[oa]|last|previous)\b"),
    "future": re.compile(r"\b(?:prossim[oa]|next|coming)\b"),
}
# Tense cues of the clause around a date (then of its sentence), Italian and English.
PAST_CUES = (
    # passato prossimo and trapassato: avere + participle, essere + participle of a verb of motion or state
    r"(?:ha|hanno|ho|abbiamo|aver|avere|aveva|avevano)\s+(?:\w+\s+)?"
    r"(?:\w+(?:at|it|ut)[oaie]|(?:ri)?(?:vint|pers|mess|pres|fatt|dett|chius|rimast|vist|scelt|giunt|raggiunt|concess|"
    r"sconfitt|spes|espuls|promoss|rott|success)[oaie])",
    r"(?:è|sono|era|erano|essere)\s+(?:\w+\s+)?(?:stat|partit|arrivat|tornat|rientrat|andat|rimast|uscit|entrat|"
    r"passat|diventat|cadut|success|venut|giunt)[oaie]",
    r"(?:vint|pers|battut|pareggiat|conquistat|disputat|sconfitt|segnat|subit)[oaie]",
    r"era|erano|aveva|avevano|fu|furono|scors[oaie]|passat[oaie]|ieri|(?:giorni|settimane|mesi|anni)\s+fa",
    # present perfect, simple past (regular unless passive, and common irregular verbs), adverbs
    r"(?:has|have|'ve)\s+(?:\w+\s+)?(?:been|\w+(?:en|wn))",
    r"(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbeing\s)(?<!\bbeen\s)"
    r"(?!(?:united|need|indeed|speed|scheduled|planned|expected)\b)\w{3,}ed",
    r"was|were|had|did|beat|won|lost|drew|came|went|held|saw|fell|took|made|got|struck|kept|met|gave|sent|said|told|"
    r"sold|bought|paid|ran|began|became|stood|found|broke|spoke",
    r"ago|yesterday|earlier|last(?!\s+\d)|previous|previously",
)
FUTURE_CUES = (
    # future tense, modals, schedules, fixtures in the present
    r"\w+rà|\w+ranno|\w+(?:[adeirv]|ot)remo|prossim[oaie]|domani|in programma|previst[oa]|fissat[oa]|programmat[oa]|"
    r"rimandat[oa]|rinviat[oa]|attes[oaie]|attende|attendono",
    r"può|possono|potrebbe|potrebbero|deve|devono|dovrebbe|dovrebbero|c'è(?!\s+stat)",
    r"ospita|ospitano|affronta|affrontano|gioca|giocano|incontra|incontrano|riceve|ricevono|scade|scadono|prepara|"
    r"preparano|torna|tornano|riprende|riparte|compie|si gioca|scende in campo|scendono in campo",
    r"will|'ll|shall|must|can|could|would|might|going to|to be|set to|due to|scheduled|planned|upcoming|coming|"
    r"ahead of|next|tomorrow",
    r"face|faces|host|play|plays|visit|visits|travel|travels|welcome|welcomes|take on|takes on|meet|meets|return|"
    r"returns|begin|begins|open|opens|resume|resumes|take place|takes place|comes|turns|need|needs|prepare|prepares|"
    r"closes|shuts|ends|expires|runs|kick off|kicks off",
)
TENSE_CUES = {
    kind: re.compile(rf"\b(?:{'|'.join(cues)})\b(?!-)") for kind, cues in (("past", PAST_CUES), ("future", FUTURE_CUES))
}
WEEKDAY_RES = {lang: [re.compile(rf"\b{name}\b".replace("ì", "[ìi]")) for name in names] for lang, names in WEEKDAYS.items()}
SPACES = re.compile(r"\s+")
DEGREE = re.compile(r"(\d)\s*[°º]")
DIGIT = re.compile(r"\d")
SENTENCE = re.compile(r"[.!?](?=\s|$)|\n")
CLAUSE = re.compile(
    r"[.!?](?=\s|$)|\n|[,;:()\"“”«»–—]"
    r"|\b(?:that|which|who|whose|when|while|where|because|but|although|after|che|cui|quando|mentre|dove|perché|ma|"
    r"sebbene|dopo)\b"
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
    """The season (July to June) holding day, shifted; in June, between seasons, the last one is the one just ended."""
    start = (day.year if day.month >= 7 else day.year - 1) + shift
    if shift < 0 and day.month == 6:
        start += 1
    return f"{start}-{(start + 1) % 100:02d}"


def _week_of(day: dt.date, shift: int = 0) -> str:
    year, week, _ = (day + 7 * shift * DAY).isocalendar()
    return f"{year}-W{week:02d}"


def _weekend_of(day: dt.date, shift: int = 0) -> str:
    """The ISO week of the weekend: the first after day (1), the last before it (-1), or day's own (0)."""
    if shift > 0:
        day += ((5 - day.weekday()) % 7 or 7) * DAY
    elif shift < 0:
        day -= ((day.weekday() + 1) % 7 or 7) * DAY
    return _week_of(day)


def _first_of_month(day: dt.date, shift: int = 0) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 + shift, 12)
    return dt.date(year, month + 1, 1)


def _month_of(day: dt.date, shift: int = 0) -> str:
    return f"{_first_of_month(day, shift):%Y-%m}"


def _year_of(day: dt.date, shift: int = 0) -> str:
    return f"{day.year + shift:04d}"


# Each unit's value (from the publication date and the shift) and granularity.
SHIFTED_VALUE = {
    "week": (_week_of, "week"), "weekend": (_weekend_of, "week"), "month": (_month_of, "month"),
    "year": (_year_of, "year"), "season": (season_of, "season"),
}


def tense(context: str, span: str = "") -> str | None:
    """'past', 'future' or None from the cue words of the span's clause, else of its sentence (or of the context)."""
    low, target = context.replace("’", "'").lower(), span.replace("’", "'").lower().strip()
    at = low.find(target) if target else -1
    scopes = [_around(low, at, at + len(target), breaks) for breaks in (CLAUSE, SENTENCE)] if at >= 0 else [low]
    for scope in scopes:
        past, future = (len(TENSE_CUES[kind].findall(scope)) for kind in ("past", "future"))
        if past != future:
            return "past" if past > future else "future"
    return None


def _around(text: str, start: int, end: int, breaks: re.Pattern) -> str:
    """The text around [start, end) up to the nearest breaks on either side."""
    left = max((mo.end() for mo in breaks.finditer(text, 0, start)), default=0)
    right = breaks.search(text, end)
    return text[left : right.start() if right else len(text)]


@lru_cache(maxsize=1024)
def _clean(text: str) -> str:
    """Lowercased, spaces squeezed, '2°' read as '2'. Cached: a sentence is the context of each of its dates."""
    return SPACES.sub(" ", DEGREE.sub(r"\1", text.replace("’", "'"))).strip().lower()


def _weekday(core: str, lang: str) -> int | None:
    """The weekday the span names (lunedì or lunedi), if any."""
    return next((i for i, pattern in enumerate(WEEKDAY_RES[lang]) if pattern.search(core)), None)


def normalize(text: str, lang: str, ref: dt.date | None, context: str = "") -> tuple[str | None, str | None]:
    """(ISO value, granularity) for one DATE span; (None, None) when it cannot be resolved."""
    lang = lang if lang in WEEKDAYS else "en"
    low = ALIAS.sub(lambda mo: ALIASES[mo.group()], LEAD.sub("", _clean(text)))
    if found := _decade(low) or _season(low) or (YEAR.fullmatch(low) and (low, "year")):
        return found
    core = SPACES.sub(" ", MODIFIERS.sub(" ", low)).strip()
    if mo := MONTHLESS[lang].fullmatch(core):
        core = _coordinated(mo["day"], context) or core
    if ref is None:
        return _parse(core, lang, None, None, False, None) if YEAR.search(core) else (None, None)
    if found := _relative(low, lang, ref):
        return found
    explicit = next((kind for kind, cue in SPAN_CUES.items() if cue.search(_with_neighbours(text, context))), None)
    direction = explicit or tense(context, text)
    weekday = _weekday(core, lang)
    if weekday is not None and not DIGIT.search(core):
        delta = (weekday - ref.weekday()) % 7
        days = [ref + (delta + week) * DAY for week in (-7, 0, 7)]
        return _pick(days, ref, direction, bool(explicit)).isoformat(), "day"
    return _parse(core, lang, ref, direction, bool(explicit), weekday)


def _with_neighbours(span: str, context: str) -> str:
    """The span with the words right before and after it in the context: 'next [Saturday]'s', '[martedì] scorso'."""
    target = _clean(span)
    mo = re.search(rf"(?:[\w']+ )?{re.escape(target)}(?: \w+)?", _clean(context)) if target else None
    return mo.group() if mo else target


def _coordinated(day: str, context: str) -> str | None:
    """A bare day with the month of the day it is paired with: '9' in '9 e 10 aprile', '4' in 'May 3 and 4'."""
    low, pair = _clean(context), r"\s*(?:,|-|–|e|ed|and|or|o)\s*(?:il |the )?"
    if mo := re.search(rf"\b{day}{pair}\d{{1,2}}\s+([^\W\d]+(?:\s+\d{{4}})?)", low):
        return f"{day} {mo[1]}"
    if mo := re.search(rf"\b([^\W\d]+)\s+\d{{1,2}}{pair}{day}\b", low):
        return f"{mo[1]} {day}"
    return None


def _decade(low: str) -> tuple[str, str] | None:
    if not (mo := DECADE.search(low)):
        return None
    if mo["word"]:
        return f"{DECADE_WORDS[mo['word']]}X", "decade"
    tens = mo["t1"] or mo["t2"]
    century = mo["c1"] or mo["c2"] or ("19" if tens >= "2" else "20")  # '90s -> 1990s, '00s -> 2000s
    return f"{century}{tens}X", "decade"


def _season(low: str) -> tuple[str, str] | None:
    mo = SEASON.search(low)
    if mo and int(mo[2][-2:]) == (int(mo[1]) + 1) % 100:
        return f"{mo[1]}-{mo[2][-2:]}", "season"
    return None


def _relative(low: str, lang: str, ref: dt.date) -> tuple[str, str] | None:
    """Relative days (ieri, last night) and this/last/next week, month, year or season."""
    if (offset := OFFSETS[lang].get(low)) is not None:
        return (ref + offset * DAY).isoformat(), "day"
    if mo := SHIFTED[lang].fullmatch(low):
        value, granularity = SHIFTED_VALUE[UNITS[lang][mo["unit"]]]
        return value(ref, SHIFTS[lang].get(mo["before"] or mo["after"], 0)), granularity
    return None


def _pick(candidates: list[dt.date], ref: dt.date, direction: str | None, strict: bool) -> dt.date:
    """The latest candidate before ref (past), the earliest after it (future), else the nearest.

    ref itself counts as before or after it unless strict ("scorso", "next").
    """
    if direction == "past":
        return max(c for c in candidates if c < ref or (c == ref and not strict))
    if direction == "future":
        return min(c for c in candidates if c > ref or (c == ref and not strict))
    return min(candidates, key=lambda c: abs(c - ref))


@lru_cache(maxsize=4096)
def _parse(
    core: str, lang: str, ref: dt.date | None, direction: str | None, strict: bool, weekday: int | None
) -> tuple[str | None, str | None]:
    """dateparser on the cleaned span; a year or month it leaves open fits its weekday, else the direction from ref."""
    data = _parser(lang, ref or dt.date(2000, 1, 1)).get_date_data(core)
    if data.date_obj is None or data.date_obj.time() != dt.time():
        return None, None  # nothing, or a clock time or a duration rather than a date
    day = data.date_obj.date()
    if data.period == "year":
        return _year_of(day), "year"
    if data.period == "week":
        return _week_of(day), "week"
    if ref and not YEAR.search(core):
        years = (ref.year - 1, ref.year, ref.year + 1)
        if data.period == "month":
            day = _pick([dt.date(y, day.month, 1) for y in years], ref.replace(day=1), direction, strict)
        else:
            if MONTHLESS[lang].fullmatch(core):  # that day of a month around ref
                days = [d for k in range(-2, 3) if (d := _replace(_first_of_month(ref, k), day=day.day))]
            else:
                days = [d for y in years if (d := _replace(day, year=y))]
            if fitting := [d for d in days if d.weekday() == weekday]:
                days, direction = fitting, None  # the weekday settles it
            day = _pick(days, ref, direction, strict)
    if data.period == "month":
        return _month_of(day), "month"
    return day.isoformat(), "day"


def _replace(date: dt.date, **parts: int) -> dt.date | None:
    try:
        return date.replace(**parts)
    except ValueError:  # 29 February, 31 April
        return None


@lru_cache(maxsize=64)
def _parser(lang: str, base: dt.date):
    from dateparser.date import DateDataParser

    settings = {"RELATIVE_BASE": dt.datetime.combine(base, dt.time()), "DATE_ORDER": "DMY"}
    return DateDataParser(languages=[lang], settings=settings)


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
        dates = [ent for ent in doc.ents if ent.label_ == "DATE"]
        if not dates:
            return doc
        ref = dt.date.fromisoformat(doc._.published) if doc._.published else None
        text = doc_text(doc)
        sents = sentences(doc) if doc.has_annotation("SENT_START") else []
        sent_starts = [s.start for s in sents]
        for ent in dates:
            if sents:
                sent = sents[bisect_right(sent_starts, ent.start) - 1]
                context = text[sent.start_char : sent.end_char]
            else:
                context = text[max(0, ent.start_char - self.context_chars) : ent.end_char + self.context_chars]
            ent._.value, ent._.granularity = normalize(text[ent.start_char : ent.end_char], self.lang, ref, context)
        return doc

    def to_disk(self, path, exclude=()):
        pass

    def from_disk(self, path, exclude=()):
        return self
