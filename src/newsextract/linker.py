"""Entity linking to the knowledge base, as spaCy components.

* ``newsextract_kb_ruler`` matches KB names and aliases (multi-word ones
  case-insensitively, one-word names and nicknames as written). It runs after the
  statistical NER and only fills gaps, so the model's reading of context wins.
* ``newsextract_linker`` removes mentions inside news-outlet names (Inter News 24,
  Milan TV), drops ruler matches that are really places ("in Milan"), relabels KB names
  the model gave the wrong type, and sets ``kb_id_`` on CLUB, VENUE and COMPETITION.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy
import srsly
from spacy.attrs import IS_ALPHA, IS_DIGIT, IS_PUNCT, IS_SPACE, LOWER, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .cues import Cue
from .kb import KINDS, KnowledgeBase, fold
from .people import POSSESSIVE, group_people, person_name
from .tokenizer import doc_text, span_text

LINKED = tuple(KINDS.values())
OUTLET_WORDS = r"(?:News(?:\s?24)?|TV|Channel|Radio|Magazine|Web|Live|Zone|Hub|Daily|Insider|Times|Fans?)"
DEFAULT_OUTLETS = [
    "Sky Sport", "Sky Sports", "Sky Sport 24", "DAZN", "BBC Sport", "The Athletic", "ESPN", "Gazzetta dello Sport",
    "La Gazzetta dello Sport", "Corriere dello Sport", "Tuttosport", "TuttoMercatoWeb", "Calciomercato.com", "MUTV",
    "LFCTV", "Yahoo Sports", "Marca", "AS", "Mundo Deportivo", "Kicker", "L'Équipe", "Record", "A Bola", "talkSPORT",
]
CLUB_WORDS = {"fc", "afc", "cf", "sc", "sk", "nk", "fk", "ac", "ssc", "ssd", "us", "asd", "bk", "if", "ik", "aik", "united", "city",
              "town", "rovers", "athletic", "wanderers", "albion", "county", "dinamo", "dynamo", "sporting", "olympique",
              "racing", "calcio", "spor", "spartak", "lokomotiv", "cska", "rapid", "hotspur", "argyle", "stanley", "orient",
              "academical", "thistle", "rangers", "borussia", "eintracht", "fortuna", "hertha", "union", "vfb", "vfl", "tsg",
              "bayer", "ajax", "feyenoord", "olympiacos", "olympiakos", "panathinaikos", "galatasaray", "fenerbahçe", "beşiktaş"}
DEMONYM_ENDINGS = ("ish", "ian", "an", "ese", "esi", "i", "h", "ic", "ean", "ino", "ina", "ini", "ine", "ois", "aise", "ais", "ako", "aka", "aki", "ache",
                   "iot", "iota", "ioti", "k")
DEMONYM = re.compile(rf"^[A-Za-zÀ-ÿ][a-zà-ÿ]+(?:{'|'.join(DEMONYM_ENDINGS)})$")
ROLE_BEFORE = re.compile(r"\b(goalkeeper|keeper|striker|forward|winger|defender|midfielder|captain|coach|manager|boss|referee|"
                         r"portiere|attaccante|difensore|centrocampista|capitano|tecnico|allenatore|arbitro|esterno|terzino)\s+$", re.I)
STAGES = Cue(
    r"\b(league phase|fase campionato|fase a gironi|group stage|gironi|playoff|play-off|preliminar\w*|qualifying round|"
    r"third qualifying round|terzo turno preliminare|round of 16|ottavi(?: di finale)?|quarter-finals?|quarti(?: di finale)?|"
    r"semi-finals?|semifinal\w*|final\b|finale\b|knockout round play-offs?|sedicesimi|round of 32)\b",
)
PLACE_PREPS = {"in", "to", "at", "from", "near", "da", "verso", "around", "across", "dal", "dalla", "nel", "nella", "nell'", "dall'"}
FOOTBALL_WORDS = re.compile(
    r"\b(calcio|gol|goal|partita|match|campionato|league|club|allenatore|coach|manager|stadio|stadium|squadra|team|"
    r"vittoria|win|sconfitta|defeat|pareggio|draw|tifosi|fans|attaccante|striker|portiere|goalkeeper|derby|coppa|cup)\b",
    re.I,
)

ELIDED = re.compile(r"[^\W\d_]{1,5}['’]", re.I)
ARTICLE_BEFORE = re.compile(r"(?:\b(?:the|i|gli|le)\s+)$", re.I)
PLURAL_ENDINGS = {"en": "s", "it": "ie"}
ARTICLE = re.compile(r"^(?:(?:the|il|lo|la|i|gli|le)\s+|l['’]\s*)", re.I)
CLUB_WORD_IDS = {get_string_id(w) for w in CLUB_WORDS}

for _name in ("outlets", "club_venues", "kb_names", "club_forms", "coached"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@dataclass(frozen=True)
class TokenFlags:
    """Token attributes of a doc read once into lists (0/1 flags, LOWER ids, each token's sentence start):
    indexing a Doc builds a Token object each time."""

    punct: list[int]
    space: list[int]
    digit: list[int]
    alpha: list[int]
    lower: list[int]
    sent_start: list[int]

    @classmethod
    def of(cls, doc: Doc) -> "TokenFlags":
        starts = numpy.maximum.accumulate(numpy.where(doc.to_array(SENT_START) == 1, numpy.arange(len(doc)), 0))
        return cls(*doc.to_array([IS_PUNCT, IS_SPACE, IS_DIGIT, IS_ALPHA, LOWER]).T.tolist(), starts.tolist())

    def opens_sentence(self, i: int) -> bool:
        """Token i is the first word of its sentence, punctuation aside ('**Has it sunk in?')."""
        return all(self.punct[j] or self.space[j] for j in range(self.sent_start[i], i))


def kb_phrases(kb: KnowledgeBase, lang: str) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(label, id, text) phrases for the two matchers: case-insensitive and as written.

    Multi-word names match case-insensitively; one-word names and nicknames only as
    written, capitalized or in capitals (so the adjective "europeo" is not Euro 2024).
    National teams are left to the model: their names are also the countries' names.
    """
    lower, exact = [], []
    for pat in kb.patterns(lang):
        entry = kb.get(pat["label"], pat["id"])
        text = pat["pattern"]
        nick = text in getattr(entry, "nicknames", ()) or text in getattr(entry, "shared_nicknames", ())
        if getattr(entry, "national_team", False) and not nick:
            continue
        if " " in text.strip() and not nick:
            lower.append((pat["label"], pat["id"], text.lower()))
        else:
            for variant in dict.fromkeys((text, text[:1].upper() + text[1:], text.upper())):
                exact.append((pat["label"], pat["id"], variant))
    return lower, exact


def _stems(country: str) -> list[tuple[str, tuple[str, ...]]]:
    """How a demonym of a one-word country name starts and may end: the name less up to two final
    letters and any ending ('kazak-i', 'brazil-ian'); less three, only the commonest endings
    ('engl-ish', 'germ-an': not 'mald-ini'); less '-stan' ('kazakh')."""
    stems = [(country[: len(country) - cut], DEMONYM_ENDINGS) for cut in range(3) if len(country) - cut >= 3]
    if len(country) >= 6:
        stems.append((country[:-3], ("ish", "ian", "an", "ese")))
    stems += [(country[: -len(tail)], ("", *DEMONYM_ENDINGS)) for tail in ("stan", "istan") if country.endswith(tail)]
    return stems


@Language.factory("newsextract_kb_ruler", default_config={"extra_kb": []})
def make_kb_ruler(nlp: Language, name: str, extra_kb: list[str]) -> "KBRuler":
    return KBRuler(nlp, KnowledgeBase.with_extra([Path(p) for p in extra_kb]))


class KBRuler:
    """Adds KB names the model did not find as entities, or found only a part of that is no KB name
    itself ('Queen' of "Queen's Park").

    Two phrase matchers, built from the KB when the pipeline loads, so the patterns
    always follow the KB files; ``ent_id_`` records the KB id of what it added.
    """

    def __init__(self, nlp: Language, kb: KnowledgeBase):
        self.kb, self.lang = kb, nlp.lang
        self.matchers = {"LOWER": PhraseMatcher(nlp.vocab, attr="LOWER"), "ORTH": PhraseMatcher(nlp.vocab, attr="ORTH")}
        lower, exact = kb_phrases(kb, nlp.lang)
        for attr, phrases in (("LOWER", lower), ("ORTH", exact)):
            keyed: dict[str, list] = {}
            texts = [t for _, _, t in phrases]
            for (label, kb_id, _), doc in zip(phrases, nlp.tokenizer.pipe(texts)):
                keyed.setdefault(f"{label}|{kb_id}", []).append(doc)
            for key, docs in keyed.items():
                self.matchers[attr].add(key, docs)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in self.matchers.values():
            for key, start, end in matcher(doc):
                label, kb_id = doc.vocab.strings[key].split("|", 1)
                spans.append(Span(doc, start, end, label=label, span_id=kb_id))
        ents = list(doc.ents)
        for span in filter_spans(spans):
            inside = [e for e in ents if e.start < span.end and span.start < e.end]
            if all(span.start <= e.start and e.end <= span.end and not self._known(e) for e in inside):
                ents = [e for e in ents if e not in inside] + [span]
        doc.ents = sorted(ents, key=lambda s: s.start)
        return doc

    def _known(self, ent: Span) -> bool:
        """A KB name itself ('World Cup' in 'World Cup qualifiers', 'Eagles' in 'the Eagles'): kept as the model read it."""
        text = Linker.clean(span_text(ent))
        return any(self.kb.lookup(label, text, self.lang) for label in LINKED)

    def to_disk(self, path, exclude=()):
        pass

    def from_disk(self, path, exclude=()):
        return self


@Language.factory(
    "newsextract_linker",
    default_config={"extra_kb": [], "outlets": DEFAULT_OUTLETS},
)
def make_linker(nlp: Language, name: str, extra_kb: list[str], outlets: list[str]) -> "Linker":
    return Linker(nlp.lang, KnowledgeBase.with_extra([Path(p) for p in extra_kb]), outlets)


class Linker:
    """Cleans entity spans with KB knowledge and sets kb_id_ for linked types."""

    def __init__(self, lang: str, kb: KnowledgeBase, outlets: list[str]):
        self.lang = lang
        self.kb = kb
        self.outlets = list(outlets)
        self.common: set[str] = set()
        self.cities = {fold(c.city) for c in kb.entries["clubs"].values()}
        homes = Counter(fold(c.city) for c in kb.entries["clubs"].values() if not c.national_team)
        self.club_cities = {city for city, n in homes.items() if n > 1}
        self.countries = {n.casefold() for c in kb.entries["clubs"].values() if c.national_team for n in c.names()}
        self.country_stems: dict[str, set[str]] = {}
        for country in self.countries:
            if " " not in country:
                for stem, endings in _stems(country):
                    self.country_stems.setdefault(stem, set()).update(endings)
        self._compile()

    def _compile(self) -> None:
        known = "|".join(re.escape(o) for o in sorted(self.outlets, key=len, reverse=True))
        self.outlet_re = re.compile(
            rf"(?<!\w)(?:{known})(?!\w)|(?<![\w-])(?:[\w'.&-]*[A-Z][\w'.&-]*\s){{0,3}}[\w'.&-]*[A-Z][\w'.&-]*\s?{OUTLET_WORDS}(?:\s?24)?(?!\w)"
        )
        self.outlet_hint = re.compile(rf"{known}|{OUTLET_WORDS}")

    def outlet_spans(self, text: str) -> list[tuple[int, int]]:
        """Outlet names in text. The full pattern is slow to scan with, so it runs only on texts
        holding a known outlet or an outlet word, which every match contains."""
        if not self.outlet_hint.search(text):
            return []
        return [mo.span() for mo in self.outlet_re.finditer(text)]

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        outlets = self.outlet_spans(text)
        doc._.outlets = outlets
        football = bool(FOOTBALL_WORDS.search(text))
        tokens = TokenFlags.of(doc)
        kept = []
        for ent in doc.ents:
            if any(a < ent.end_char and ent.start_char < b for a, b in outlets):
                continue
            ent = self._link(doc, text, tokens, ent, football)
            if ent is not None:
                kept.append(ent)
        ents = self._countries(doc, text, self._in_context(doc, text, self._harmonize(doc, text, filter_spans(kept))))
        doc.ents = ents
        doc._.club_forms = self._short_forms(text, ents)
        clubs = self.kb.entries["clubs"]
        doc._.club_venues = {e.kb_id_: clubs[e.kb_id_].venue for e in ents if e.label_ == "CLUB" and e.kb_id_ in clubs}
        doc._.kb_names = {f"{e.label_}:{e.kb_id_}": self.kb.get(e.label_, e.kb_id_).name for e in ents if e.kb_id_ and e.label_ in LINKED}
        doc._.coached = self._coached(doc, text, ents)
        return doc

    def _coached(self, doc: Doc, text: str, ents: list[Span]) -> dict[int, str]:
        """The club each person mention's coach ran on the publication day, when the KB knows one and the article names it.
        A surname alone is read as the full name the article gives it ('Alonso' after 'Marcos Alonso' is no Xabi Alonso)."""
        if not self.kb.coaches:
            return {}
        named = {e.kb_id_ for e in ents if e.label_ == "CLUB" and e.kb_id_}
        out = {}
        for group in group_people([e for e in ents if e.label_ == "PERSON"]) if named else []:
            if club := self.kb.coached(person_name(group), doc._.published, named):
                out.update((e.start_char, club) for e in group)
        return out

    def _harmonize(self, doc: Doc, text: str, ents: list[Span]) -> list[Span]:
        """One label per unlinked name in an article: a name read as a person after a role word
        ('goalkeeper Anarbekov') is a person everywhere, else the majority label wins; an
        unlinked club name that is a person's name or surname in the article is that person."""
        votes: dict[str, Counter] = {}
        for e in ents:
            if not e.kb_id_ and e.label_ in ("PERSON", "CLUB"):
                weight = 3 if ROLE_BEFORE.search(text[max(0, e.start_char - 30) : e.start_char]) else 1
                votes.setdefault(text[e.start_char : e.end_char], Counter())[e.label_] += weight
        people = {text[e.start_char : e.end_char] for e in ents if e.label_ == "PERSON"}
        people |= {name.split()[-1] for name in people if " " in name}
        out = []
        for e in ents:
            name = text[e.start_char : e.end_char]
            vote = votes.get(name)
            if vote and not e.kb_id_ and len(vote) > 1:
                e = Span(doc, e.start, e.end, label=vote.most_common(1)[0][0])
            elif e.label_ == "CLUB" and not e.kb_id_ and name in people:
                e = Span(doc, e.start, e.end, label="PERSON")
            out.append(e)
        return out

    def _in_context(self, doc: Doc, text: str, ents: list[Span]) -> list[Span]:
        """Club names the article's other clubs explain: 'United' in a story naming Manchester United,
        'i rossoblù' in one naming Bologna, 'nerazzurri' in an Atalanta story that names no Inter.

        A club named outright (by name or alias) anchors. An unlinked club mention, or one linked
        by a nickname other clubs share, takes the anchor it fits; of several, the last named before it.
        A town that is part of an anchor's name ('Almaty' beside 'Kairat Almaty') is the town,
        whether read as a club or a person.
        Unanchored, a part of a KB club's name stays unlinked (a club the KB lacks may share a word
        with one it has: 'Sparta', 'Dinamo'); a part of no club's name but of just one ground's
        ('al Liberati') is that ground.
        """
        named: list[tuple[int, str]] = []
        for e in ents:
            if e.label_ == "CLUB" and e.kb_id_ and self.kb.lookup("CLUB", self.clean(text[e.start_char : e.end_char]), self.lang, nicknames=False):
                named.append((e.start_char, e.kb_id_))
        anchors = {kb_id for _, kb_id in named}
        anchored = {start for start, _ in named}
        bare = {fold(self.clean(text[e.start_char : e.end_char])) for e in ents
                if e.label_ == "CLUB" and not e.kb_id_ and not ARTICLE_BEFORE.search(text[max(0, e.start_char - 5) : e.start_char])}
        out = []
        for e in ents:
            if self._nickname(text, e, bare) and (before := [kb_id for start, kb_id in named if start < e.start_char]):
                e = Span(doc, e.start, e.end, label="CLUB", kb_id=before[-1])
            elif e.label_ == "PERSON" and len(e) == 1 and self._anchored_town(self.clean(text[e.start_char : e.end_char]), anchors):
                e = Span(doc, e.start, e.end, label="LOCATION")
            elif e.label_ == "CLUB" and e.start_char not in anchored:
                name = self.clean(text[e.start_char : e.end_char])
                sharing = self.kb.sharing("CLUB", name)
                fits = sharing & anchors
                if len(fits) > 1:
                    before = [kb_id for start, kb_id in named if start < e.start_char and kb_id in fits]
                    fits = {before[-1]} if before else set()
                if len(fits) == 1 and not e.kb_id_ and fold(name) in self.cities:
                    e = Span(doc, e.start, e.end, label="LOCATION")
                elif len(fits) == 1 and (not e.kb_id_ or len(sharing) > 1):
                    e = Span(doc, e.start, e.end, label="CLUB", kb_id=fits.pop())
                elif not sharing and not e.kb_id_ and len(grounds := self.kb.sharing("VENUE", name)) == 1:
                    e = Span(doc, e.start, e.end, label="VENUE", kb_id=grounds.pop())
            out.append(e)
        return out

    def _anchored_town(self, name: str, anchors: set[str]) -> bool:
        """A town that is part of the name of a club the article names ('Almaty', 'Kairat Almaty')."""
        return fold(name) in self.cities and bool(self.kb.sharing("CLUB", name) & anchors)

    def _nickname(self, text: str, e: Span, bare: set[str]) -> bool:
        """An unlinked club name the KB does not know, always written after a definite article and
        plural ('the Doonhamers', 'i Trifogli'): a nickname, for the club last named before it."""
        if e.label_ != "CLUB" or e.kb_id_ or len(e) > 2:
            return False
        name = self.clean(text[e.start_char : e.end_char])
        return (name[-1:].lower() in PLURAL_ENDINGS.get(self.lang, "")
                and bool(ARTICLE_BEFORE.search(text[max(0, e.start_char - 5) : e.start_char])) and fold(name) not in bare)

    def _countries(self, doc: Doc, text: str, ents: list[Span]) -> list[Span]:
        """A country read both as the place and as its national team in an article where no other
        national team is named is the place throughout ('Kairat Almaty of Kazakhstan … Kazakhstan
        is one of the largest countries')."""
        teams = {e.kb_id_ for e in ents if e.label_ == "CLUB" and e.kb_id_ and self._national({e.kb_id_})}
        places = {fold(text[e.start_char : e.end_char]) for e in ents if e.label_ == "LOCATION"}
        if len(teams) != 1:
            return ents
        return [Span(doc, e.start, e.end, label="LOCATION") if e.kb_id_ in teams and fold(text[e.start_char : e.end_char]) in places else e
                for e in ents]

    def _short_forms(self, text: str, ents: list[Span]) -> dict[str, str]:
        """Unlinked club names that are a part of just one longer unlinked club name in the
        article ('Crawley' beside 'Crawley Town'), mapped to it (folded): one club however named."""
        names = {fold(self.clean(text[e.start_char : e.end_char])) for e in ents if e.label_ == "CLUB" and not e.kb_id_}
        forms = {}
        for name in names:
            longer = [n for n in names if n != name and f" {name} " in f" {n} "]
            if longer and all(f" {n} " in f" {max(longer, key=len)} " for n in longer):
                forms[name] = max(longer, key=len)
        return forms

    def _common_word(self, tokens: TokenFlags, ent: Span, ent_text: str) -> bool:
        """A capitalized ordinary word at the start of a sentence ('Teams drawn…', 'Geographically, …'),
        or one in capitals anywhere ('… al sorteggio – VIDEO')."""
        if len(ent) != 1 or not (tokens.opens_sentence(ent.start) or (ent_text.isupper() and len(ent_text) > 3)):
            return False
        low = ent_text.lower()
        if any(self.kb.lookup(label, ent_text, self.lang) for label in LINKED):
            return False
        return low in self.common or (self.lang == "en" and low.endswith("ly"))

    def _trim(self, doc: Doc, tokens: TokenFlags, ent: Span) -> Span | None:
        """Drop what the model glued onto a person's name: an ordinary word opening the sentence
        ('Instead Eliezer Mayenda'), trailing numbers ('Ange Postecoglou 16'); punctuation and
        elided articles ('all’', 'd’') around any entity. Nothing left, no entity."""
        start, end = ent.start, ent.end
        person = ent.label_ == "PERSON"
        punct, digit = tokens.punct, tokens.digit
        while end > start and (punct[end - 1] or (person and digit[end - 1]) or ELIDED.fullmatch(doc[end - 1].text)):
            end -= 1
        while start < end - 1 and ELIDED.fullmatch(doc[start].text):
            start += 1
        while start < end and (punct[start] or (person and end - start > 2 and tokens.opens_sentence(start)
                                                and doc[start].lower_ in self.common)):
            start += 1
        if start == end or not any(tokens.alpha[start:end]):
            return None
        return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_, span_id=ent.id_)

    def _link(self, doc: Doc, text: str, tokens: TokenFlags, ent: Span, football: bool) -> Span | None:
        if ent.label_ != "DATE":
            ent = self._trim(doc, tokens, ent)
            if ent is None:
                return None
        label = ent.label_
        ent_text = text[ent.start_char : ent.end_char]
        if label in ("PERSON", "CLUB") and self._common_word(tokens, ent, ent_text):
            return None
        if label in ("CLUB", "PERSON", "COMPETITION", "VENUE") and (STAGES.fullmatch(ent_text) or self._stage_end(doc, text, ent)):
            return None
        from_ruler = bool(ent.id_)  # Span.ent_id_ would find the span's syntactic root first
        if from_ruler and label == "CLUB" and fold(ent_text) in self.cities and self._placelike(doc, ent):
            return None
        if label not in LINKED and label not in ("LOCATION", "PERSON"):
            return ent
        if len(ent) == 1 and label in ("PERSON", "CLUB") and self._demonym(ent_text):
            return None
        if label == "PERSON" and not CLUB_WORD_IDS.isdisjoint(tokens.lower[ent.start : ent.end]):
            label = "CLUB"
        name = self.clean(ent_text)
        ids = self.kb.lookup(label, name, self.lang, nicknames=football) if label in LINKED else set()
        if label == "CLUB" and not ids and len(ent) == 1 and ROLE_BEFORE.search(text[max(0, ent.start_char - 30) : ent.start_char]):
            label = "PERSON"
        if label == "CLUB" and ids and self._national(ids) and self._placelike(doc, ent):
            return Span(doc, ent.start, ent.end, label="LOCATION")
        if label == "CLUB" and not ids and (fold(name) in self.club_cities or (fold(name) in self.cities and self._placelike(doc, ent))):
            return Span(doc, ent.start, ent.end, label="LOCATION")
        if label == "PERSON" and name.casefold() in self.countries:
            return Span(doc, ent.start, ent.end, label="LOCATION")
        if not ids:
            for other in LINKED:
                if other != label and (alt := self.kb.lookup(other, name, self.lang, nicknames=False)):
                    if self._may_relabel(label, other, ent, ent_text, alt):
                        label, ids = other, alt
                        break
        if not ids:
            return Span(doc, ent.start, ent.end, label=label)
        kb_id = self._choose(label, ids, name)
        return Span(doc, ent.start, ent.end, label=label, kb_id=kb_id)

    @staticmethod
    def _stage_end(doc: Doc, text: str, ent: Span) -> bool:
        """The last word of a stage's name read as a name of its own ('Phase' of 'League Phase')."""
        return ent.start > 0 and len(ent) == 1 and bool(STAGES.fullmatch(text[doc[ent.start - 1].idx : ent.end_char]))

    def _national(self, ids: set[str]) -> bool:
        return any(getattr(self.kb.get("CLUB", i), "national_team", False) for i in ids)

    def _demonym(self, text: str) -> bool:
        """'Kazakh', 'Brazilian', 'kazaki': an adjective of a country the KB knows, not a name."""
        if not DEMONYM.match(text) or text.casefold() in self.countries or self.kb.lookup("CLUB", text):
            return False
        low = text.casefold()
        return any(low[i:] in self.country_stems.get(low[:i], ()) for i in range(3, len(low)))

    def _may_relabel(self, label: str, other: str, ent: Span, ent_text: str, ids: set[str]) -> bool:
        """Trust the KB over the model's label for a known name, except where places and clubs share it."""
        if other == "CLUB" and self._national(ids):
            return False
        if label == "LOCATION":
            return len(ent) > 1 and fold(ent_text) not in self.cities
        return True

    def _choose(self, label: str, ids: set[str], text: str) -> str:
        key = fold(text)
        exact = sorted(i for i in ids if fold(self.kb.get(label, i).name) == key)
        return (exact or sorted(ids))[0]

    @staticmethod
    def clean(text: str) -> str:
        text = POSSESSIVE.sub("", text.strip())
        return ARTICLE.sub("", text) or text

    @staticmethod
    def _placelike(doc: Doc, ent: Span) -> bool:
        """After a place preposition, or coordinated with a place ('Russia and China')."""
        prev = doc[ent.start - 1] if ent.start > 0 else None
        if prev is None:
            return False
        if prev.lower_ in ("and", "e", "or", "o") and ent.start > 1:
            return doc[ent.start - 2].ent_type_ == "LOCATION" or doc[ent.start - 2].lower_ in PLACE_PREPS
        if prev.lower_ == "of" and ent.start > 1:
            return doc[ent.start - 2].ent_type_ in ("CLUB", "PERSON")
        return prev.lower_ in PLACE_PREPS

    def to_disk(self, path, exclude=()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg.json", {"outlets": self.outlets, "common_words": sorted(self.common)})

    def from_disk(self, path, exclude=()):
        cfg = srsly.read_json(Path(path) / "cfg.json")
        self.outlets = cfg["outlets"]
        self.common = set(cfg.get("common_words", []))
        self._compile()
        return self


def entity_key(label: str, kb_id: str, text: str, club_forms: dict[str, str] | None) -> str:
    """What tells one club, venue or competition of an article from another: its KB id, else its
    name folded; a short form of a longer unlinked club name ('Crawley') counts as that name."""
    if kb_id:
        return kb_id
    name = fold(Linker.clean(text))
    return (club_forms or {}).get(name, name) if label == "CLUB" else name


def span_key(span: Span) -> str:
    """entity_key of a span; the document's club forms are read only for a span the KB did not link."""
    return span.kb_id_ or entity_key(span.label_, "", span_text(span), span.doc._.club_forms)
