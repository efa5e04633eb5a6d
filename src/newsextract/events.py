"""Event extraction from linked entities: results, fixtures, draws, qualifications,
transfers and coach changes, as a spaCy component setting ``doc._.events``.

Rules read one sentence at a time, using the entities already found and linked and the
cue words of both languages. Sentences in a teaser block ("Leggi anche", "see also",
"READ MORE" and the headline that follows) are skipped: they announce other articles,
not this one's news. Events of one article that describe the same happening (same type
and clubs) are merged, keeping the most specific fields.

Each event is a plain dict whose entity references are ``{"start", "end"}`` character
offsets of entity spans, resolved to record entity ids when the record is built.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from pathlib import Path

import srsly

from spacy.language import Language
from spacy.tokens import Doc, Span

from .cues import Cue
from .linker import STAGES, span_key
from .eventclf import PAIR_TYPES, LogReg, features, normalized, pair_features
from .sentences import sentences
from .people import club_of, group_people, role_of
from .tokenizer import doc_text, span_text

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)

TEASER = Cue(r"^[ \t]*(leggi anche|see also|read more|read also|related|guarda anche|potrebbe interessarti|ti potrebbe interessare|also read|more:)\b[^\w\n]*", re.M)
SCORE = re.compile(r"(?<![\d:/])(?<!\d[.,])(\d{1,2})\s?[-–:]\s?(\d{1,2})(?![\d:/]|[.,]\d|\s?(?:mln|milioni|million|m\b|bn|%))")
PEN_SCORE = Cue(r"(\d{1,2})\s?[-–]\s?(\d{1,2})\s*(?:\)?\s*)(?:ai rigori|dopo i rigori|d\.?c\.?r\.?|dcr|on penalties|on pens|pens\b|penalties)|(?:rigori|penalties|pens|shoot-?out)[^.\d]{0,20}(\d{1,2})\s?[-–]\s?(\d{1,2})")
AET = Cue(r"\b(a\.?e\.?t|after extra[- ]time|in extra[- ]time|d\.?t\.?s|dopo i (?:tempi )?supplementari|ai supplementari)\b")
AGG = Cue(r"(?:aggregate|aggregato|complessivo|andata e ritorno|somma dei due match|\bagg\b\.?)\D{0,20}(\d{1,2})\s?[-–]\s?(\d{1,2})|(\d{1,2})\s?[-–]\s?(\d{1,2})\s*(?:on aggregate|aggregate|agg\b|nel doppio confronto|complessivo)")
RESULT_VERBS = Cue(
    r"\b(beat|beats|beaten by|defeated|defeats|thrashed|thrash|edged|edge|routed|hammered|drew with|draw with|drew \d+-\d+ with|held|"
    r"win over|victory over|defeat (?:to|by)|loss to|lost to|beating|defeating|thrashing|edging|overcoming|"
    r"battendo|superando|sconfiggendo|travolgendo|"
    r"battuto|batte|battono|sconfitto|superato|supera|travolto|travolge|pareggiato con|pareggia con|espugna|espugnato|"
    r"stende|schianta|piega|liquida|regola|vittoria (?:sul|sulla|sullo|contro)|sconfitta (?:contro|con|sul|sulla|in casa)|"
    r"sbanca|sbancato|fermat[oa] sul pari da\w*|bloccat[oa] sul pari da\w*|strappa(?:to)? un punto (?:a|al|alla|allo|contro)|"
    r"cade (?:contro|sul campo d\w*)|ko (?:contro|con|sul campo d\w*)|crolla (?:contro|sul campo d\w*)|"
    r"fell to|lost at|were held by|was held by|held to a draw by|came from behind to beat|saw off|overcame|crashed out to|"
    r"stunned|edged past|eased past|cruised past|swept aside|brushed aside|dispatched)\b",
)
KNOCKOUT_WORDS = (r"eliminat\w*|knocked out|knocking out|knock out|knock(?:ed|s|ing)?(?= (?:[\w'’.-]+ ){1,4}out of\b)|dumped out|sent home|"
                  r"estromess\w*|fatto fuori|buttat[oaie] fuori|sbattut[oaie] fuori|ousted|ousting|ousts|oust")
KNOCKOUT = Cue(rf"\b({KNOCKOUT_WORDS})\b")
ELIMINATE = Cue(rf"\b({KNOCKOUT_WORDS}|superare|superato|superando|got past|gets past|get past|getting past|squeez\w* past|removed|saw off|seen off)\b")
QUALIFY = Cue(
    r"\b(qualified|qualifies|securing a (?:spot|place|berth)|secured a (?:spot|place|berth)|book(?:ed|s)? (?:a|their|its|his) (?:place|spot|ticket)|"
    r"through to|went through|(?:sent|sends|send|put|puts) (?:\w+ ){0,3}through\b|advanced to|advances to|reached the|reach the|into the (?:league phase|group stage|last|next round|final|semi)|"
    r"qualificat[oaie]|si qualifica\w*|approda\w*|accede\w*|passa(?:to)? il turno|supera(?:to)? il turno|"
    r"vola(?:no)? (?:in (?:finale|semifinale|serie|champions|europa|conference|premier)|ai|agli|alla|nella)|stacca(?:to|no)? il pass\w*|conquista\w* (?:il pass|l'accesso|la qualificazione)|"
    r"(?:were|was|been|are|is|get|got) promoted|(?:won|win|secured|sealed|clinched) promotion|promotion to|"
    r"(?:sealed|secured|clinched|earned|booked) (?:their |a |its )?qualification|"
    r"(?:conquist|otten|ottien|vale|chius|chiud|blind|centr)\w* (?:anche )?(?:la )?(?:matematica )?qualificazione|"
    r"promoss[oaie](?! da)|conquista\w* la promozione|torna(?:no)? in serie a|salgono in serie a|sale in serie a|"
    r"(?:assicurat|conquistat|garantit|blindat)\w* (?:un |il )?(?:posto|pass)|clinched (?:a |their |its )?(?:place|spot|berth)|"
    r"(?:sealed|secured|booked|earned) (?:a |their |its )?(?:place|spot|berth) in|"
    r"(?:secured|clinched|sealed|booked|earned|guaranteed) (?:[\w-]+ ){0,5}(?:champions league|europa league|conference league|european) (?:spot|place|berth|football)|"
    r"(?:went|go|goes|going) up (?:as (?:champions|runners-up)|automatically)|crowned champions|(?:back|return) (?:in|to) the (?:premier league|top flight)|"
    r"promozione (?:matematica|diretta)|(?:salire|sale|salgono|tornare) in (?:serie a|serie b|massima serie))\b",
)
OUTCOME = Cue(r"\d\s?[-–]\s?\d|\b(win|wins|won|victory|defeat|defeated|loss|lost|draw|drew|stalemate|beat|beaten|"
               r"vittori\w*|vint\w*|vince\w*|sconfitt\w*|pers[oa]\b|perde\w*|pareggi\w*|battut\w*|successo|ko)\b")
NOT_REAL = Cue(r"\b(favou?red to|hoping to|hope to|bid to|chance to|could|would|might|potrebbe|spera|sperano|punta a|per provare|"
               r"non (?:\w+ ){0,2}(?:qualificat|promoss)\w*|not (?:yet )?(?:qualified|through|promoted))\b")
FIXTURE = Cue(
    r"\b(will (?:face|host|play|meet|visit|travel)|(?:are|is) set to (?:face|host|meet|play)|face|faces|host|hosts|visit|visits|meet|take on|takes on|clash|"
    r"affronterà|affronteranno|affronta|sfiderà|sfideranno|sfida|ospiterà|ospita|riceve|riceverà|in programma|trasferta|attende|"
    r"giocherà|scenderà in campo|match|partita|gara|sarà|hosting|welcomes?|at home to|trips? to)\b",
)
DRAW = Cue(
    r"\b(sorteggi\w*|urna di|drawn\b|draw (?:for|ceremony|took place|was made|pitted|paired|handed|in nyon|in monaco)\b|"
    r"(?:the|['’]s)\s+(?:[a-z]+\s+)?draw\b(?!\s+(?:with|against|at|level|away|for|from|in|on|between)\b))",
)
DRAW_AHEAD = Cue(r"\b(?:draw|sorteggio)\W+(?:\w+\W+){0,5}?(?:is on|takes place|will|is set|is scheduled|in programma|sarà|si terrà|è previsto)\b|"
                 r"\b(?:attende\w*|await\w*|ahead of|in vista del|before) (?:\w+ ){0,2}(?:il |the )?(?:sorteggio|draw)\b|\bsarà sorteggiat")
TRANSFER = Cue(
    r"\b(sign|signs|signed|signing|join|joins|joined|joining|move to|moves to|moved to|transfer|loan|bid for|offer for|"
    r"acquisto|acquistato|ufficiale|firma|firmato|trasferimento|prestito|arriva|arrivato|approda|passa al|passa alla|cessione|ceduto|"
    r"trattativa|offerta|accordo|ingaggio|here we go|completed|completes|unveiled|presentato|"
    r"bid|deal|medical|swoop|move for|target|linked with|personal terms|pursuing|pursue|chasing|interest from|interest in|enquiry|enquiries|"
    r"monitoring|closing in on|sounded out|agreed a fee|in talks|talks with|interesse|sondaggio|sondato|si lavora su|chiuso per|"
    r"messo sul tavolo|inseguono|insegue|corteggia|nel mirino|"
    r"(?:to|al|all['’]|alla|allo) [^,.;]{2,40}, (?:official|agreed|ufficiale|fatta))\b",
)
OFFICIAL = Cue(r"\b(officially|official|ufficiale|ufficializzato|completed|completes|unveiled|announced|confirmed|signed|joined|ha firmato|è un nuovo|presentato)\b")
AGREED = Cue(r"\b(agreed|agreement|deal (?:done|struck|in place)|here we go|accordo raggiunto|intesa raggiunta|c'è l'accordo|fumata bianca|visite mediche|medical)\b")
COACH = Cue(
    r"\b(sacked|sacks?|fired|fires|axed|axes|dismissed|dismisses|appointed|appoints|named|names|replace[sd]?|replacing|successor|succeeds?|parted (?:company|ways)|"
    r"resigned|resigns|steps down|stepped down|takes charge|took charge|caretaker|interim|esonerat\w*|esonero|nuovo|new|"
    r"sostitui\w*|al posto di|dimission\w*|ingaggiat\w*|scelto|affidat\w*|successore|subentra\w*|addio|lascia|leaves|"
    r"in place of|sollevat\w* dall['’]incarico|mutual consent|(?:separazione|risoluzione) consensuale|take over|takes over)\b",
)
COACH_ROLE = Cue(r"\b(manager|head coach|coach|boss|allenatore|tecnico|mister|ct|commissario tecnico|panchina|dugout|esonerat\w*|esonero|sacked|sacking)\b")
HISTORY = Cue(r"\b(academy|youth|came through|as a \d+-year-old|settore giovanile|vivaio|cresciuto|primavera|began his career|iniziato la carriera)\b")
LOAN_STATE = Cue(r"(?:,|\bwho is|\bche è)\s+(?:currently\s+|attualmente\s+)?(?:on loan (?:at|from|with)|in prestito (?:al|alla|dal|dalla|all'|dall'))")
DEAL = Cue(r"\b(bid|offer|fee|deal|loan|prestito|offerta|trattativa|accordo|riscatto|clausola|release clause|medical|visite mediche|here we go|contract|contratto)\b")
COACH_OUT = Cue(r"\b(sacked|sacks?|fired|fires|axed|axes|dismissed|dismisses|esonerat\w*|esonero|dimission\w*|resigned|resigns|steps down|stepped down|parted|replacing|al posto di|sostituisce|successor to|succeeds|replaces|dopo l'addio di|exit of|departure of|"
                r"in place of|sollevat\w* dall['’]incarico|mutual consent|(?:separazione|risoluzione) consensuale)\b")
HOME_WORDS = Cue(r"\b(in casa|tra le mura amiche|davanti al proprio pubblico|at home|host|hosts|hosted|ospita|ospiterà|riceve|riceverà)\b")
AWAY_WORDS = Cue(r"\b(in trasferta|away at|away to|trip to|travel to|travels to|visit|visits|trasferta|espugna\w*|sul campo|in casa del|in casa della|in casa dell)\b")
FEE = re.compile(r"(?:€|£|\$)\s?\d+(?:[.,]\d+)?\s?(?:m|mln|million|milioni|bn|k)?\b|\d+(?:[.,]\d+)?\s?(?:milioni|million|mln)(?:\s(?:di euro|euro|di sterline|pounds|sterline))?", re.I)
OPPONENT_CUE = Cue(r"\b(host\w*|fac\w+|play\w*|meet\w*|visit\w*|travel\w* to|trips? to|go to|goes to|head to|heads to|away (?:at|to)|at home to|welcom\w*|entertain\w*|(?:are|is) at(?! home)|against|v|vs|contro|affront\w+|ospit\w+|sfid\w+|riceve\w*|in casa (?:del|della|dell)|trasferta|poi|then|before|after)\b")
CONNECTOR = Cue(r"poi|then|before|after")
PRESENT_FIXTURE = Cue(r"\b(host|hosts|welcome|welcomes|entertain|entertains|visit|visits|face|faces|take on|takes on|meet|meets|go to|goes to|"
                     r"travel to|travels to|(?:are|is) at(?! home)|at home to|away (?:at|to))\b")
PLAYED = Cue(r"\b(won|beat|beaten|lost|drew|defeated|thrashed|hammered|edged)\b")
FUTURE = Cue(r"\b(will|set to|next|upcoming|prossim\w*|in programma|\w+erà|\w+eranno|\w+irà|sarà|tonight|stasera|this evening|later today|in serata)\b")
DECIDER = Cue(r"\b(?<!semi-)(?<!quarter-)(?<!di )(final|finale|won the|vinto la|vince la|conquista la|trophy|trofeo|cup win)\b")
STANDING = Cue(r"\b(behind|ahead of|above|below|clear of|adrift of|level with|level on points with|lead over|gap to|"
               r"dietro|davanti a\w*|alle spalle d\w*|sopra|sotto|distanza da\w*|distacco da\w*|vantaggio su\w*)"
               r"\s+(?:(?:the|leaders|champions|holders|rivals|il|la|lo|l['’]|i|gli|le|al|alla|allo|ai|agli|capolista)\s*)*$")
BEATEN_OBJECT = Cue(r"\b(?:beat|beaten|beating|defeated|thrashed|hammered|routed|eliminated)\s+(?:the\s+)?$")
AS_OPPONENT = Cue(r"\b(?:contro|against|over|vs?|al|allo|alla|all['’]|sul|sulla|sull['’]|by|dal|dalla|dall['’]|from)\s*(?:(?:il|lo|la|l['’]|the)\s*)?$")
BEATEN_BY = Cue(r"\b(?:defeat|defeats|loss|lost|losing|beaten|knocked out|eliminated|dumped out|sconfitt\w*|battut\w*|superat\w*|"
                r"eliminat\w*|estromess\w*|ko)\b[^.;:]{0,40}?\b(?:by|to|against|da|dal|dalla|dallo|dall['’]|contro)\s*"
                r"(?:(?:the|il|lo|la|l['’])\s*)?$")
WON_OVER = Cue(r"\b(?:beat|beats|defeated|defeats|thrashed|edged|routed|hammered|overcame|saw off|knocked out|eliminated|"
               r"win over|victory over|ha battuto|hanno battuto|batte|battono|ha sconfitto|sconfigge|ha superato|supera|travolge|"
               r"piega|stende|liquida|regola|espugna|ha eliminato|elimina|vittoria (?:sul|sulla|sullo|contro))\b[^.;:]{0,25}$")
PASSIVE = Cue(r"\b(?:were|was|been|being|get|got|è stat[oa]|sono stat[ie]|viene|vengono|venne)\s+(?:\w+\s+)?$")
RETURN_LEG = Cue(r"\b(ritorno|second[- ]leg|return leg|return fixture|the return(?! of))\b")
RELATIVE = Cue(r",\s*(?:che|who|which)\b")
ASIDE = Cue(r",\s*(?:(?:a|an|the|un|una|uno|il|lo|la|l['’])\s+)?(?:[\w-]+\s+){0,2}?(?:che|who|which)\b")
FIRST_LEG = Cue(r"\b(andata|first[- ]leg|in vista del ritorno|ahead of the (?:second leg|return))\b")
GOALS_BETWEEN = re.compile(r"\s+(\d{1,2})\s+")
GOALS_AFTER = re.compile(r"\s+(\d{1,2})(?![\d'’:,-]|\.\d|\s?(?:mins?|minutes?|minuti|points|punti|pts|goals|gol|games|years|anni)\b)")
SCORE_TO_OPPONENT = Cue(r"\s*(?:in casa |at home |away )?(?:by|to|against|with|con|contro|dal|dalla|dallo|dall['’]|da)\s*(?:(?:the|il|lo|la|l['’])\s*)?")
PARTICIPLE_OUT = Cue(r"(?:eliminat|estromess|superat)[oaie]|(?:buttat|sbattut)[oaie] fuori")
HAVE_AUX = Cue(r"\b(?:ha|hanno|aveva|avevano|abbia|aver|avere|avendo)\s+(?:\w+\s+)?$")
AGENT = Cue(r"\b(?:by|da|dal|dalla|dallo|dall['’]|dai|per mano (?:del|della|dello|dell['’]))\s*(?:the\s*)?$")
WIN = Cue(r"\b(vittori\w*|vint[oa]|vince\w*|successo|win|wins|won|victory|beat|beating)\b")
LOST = Cue(r"\b(subit[oa]|sconfitt[ao]|pers[oa]|ko|defeat|lost|losing|beaten)\b")
TIE_WORDS = Cue(r"\b(andata|ritorno|legs?|doppio confronto|aggregate|aggregato|complessivo|(?:dopo|forte|after|following) (?:il|lo|l['’]|del|dello|dell['’]|the|a|an) (?:\w+ )?\d{1,2}\s?[-–]\s?\d{1,2})\b")
KO_STAGE = Cue(r"\b(semi-finals?|semifinal\w*|quarter-finals?|quarti|ottavi|round of (?:16|32)|last (?:16|eight|four)|sedicesimi|"
               r"(?:third|fourth|fifth|sixth) round|(?:terzo|quarto|quinto) turno|play-?offs?|knockout|eliminazione diretta)\b")
INTEREST_FROM = re.compile(r"\b(interest|interesse|offer|offerta|bid|approach|enquiry|enquiries)\s+(from|del|dello|della|dell'|dei)\W*\w*\W*$")
MOVE_FROM = re.compile(r"\b(from|dal|dalla|dallo|dall'|lascia|leave|leaves|leaving|ceduto dal)\W*\w*\W*$")
MOVE_TO = re.compile(r"\b(to|join|joins|joined|joining|al|alla|allo|all'|per il|verso|sign for|signs for|signed for|at|by|with)\W*\w*\W*$")
TIME = re.compile(r"\b(?:alle\s+|at\s+|ore\s+)?([01]?\d|2[0-3])[:.]([0-5]\d)\b")


CLAUSE_BREAK = Cue(r";|,\s*(?:and|but|while|whereas|e|ed|ma|mentre|invece)\s|\s(?:while|whereas|mentre)\s")
EITHER_GAP = Cue(r"\s*,?\s*(?:or|o|oppure)\s+(?:(?:the|il|lo|la|l['’]|i|gli|le)\s*)?")
PLAYER_LIST = Cue(r"\s*(?:,|and|e|ed|as well as|oltre a)\s")
ONE_TO_OTHER = Cue(r"\s+(?:to|al|all['’]|alla|allo|→|->)\s*")
LIST_GAP = Cue(r"^[\s,;]*(?:(?:and|e|ed|plus|as well as|oltre a|nonché)\s+)?(?:(?:the|il|lo|la|l['’]|i|gli|le)\s*)?$")
SIDE_AFTER = Cue(r"(?:['’]s?)?\s+(?:side|team|men|squad|charges|outfit|troops|players|boys|lads)\b(?![-’'])")
SIDE_BEFORE = Cue(r"\b(?:la squadra|i ragazzi|gli uomini|la formazione|la truppa|la banda|i giocatori|la compagine)\s+di\s+$")
VERSUS_GAP = Cue(r"^\s*(?:v|vs\.?|-|–|contro)\s*$")


def versus_pairs(text: str, base: int, clubs: list[Span]) -> list[tuple[Span, Span]]:
    """'A v B', 'A-B', 'A contro B' pairings written without a score."""
    pairs = []
    for a, b in zip(clubs, clubs[1:]):
        gap = text[a.end_char - base : b.start_char - base]
        after = text[b.end_char - base : b.end_char - base + 8]
        if VERSUS_GAP.match(gap) and not SCORE.match(after.strip()):
            pairs.append((a, b))
    return pairs


def list_after(text: str, base: int, clubs: list[Span], start: int | None) -> list[Span]:
    """The clubs listed one after another ('X, Y and Z') from the first club after position start."""
    if start is None:
        return []
    after = [c for c in clubs if c.start_char - base >= start]
    if not after or after[0].start_char - base - start > 40:
        return []
    chain = [after[0]]
    for nxt in after[1:]:
        if not LIST_GAP.match(text[chain[-1].end_char - base : nxt.start_char - base]):
            break
        chain.append(nxt)
    return chain


DEFAULT_THRESHOLDS = {"match_result": 0.7, "fixture": 0.6, "draw": 0.5, "qualification": 0.5, "transfer": 0.5, "coach_change": 0.5}


@lru_cache(maxsize=64)
def scores_in(text: str) -> tuple[re.Match, ...]:
    """Match scores in a sentence: not penalty scores, not clock times (20:45). Cached: several rules ask."""
    pen = PEN_SCORE.search(text)
    pen_start = (pen.start(1) if pen.group(1) else pen.start(3)) if pen else None
    return tuple(m for m in SCORE.finditer(text)
                 if m.start() != pen_start and not PEN_SCORE.match(text, m.start()) and not (":" in m.group(0) and len(m.group(2)) == 2))


def teaser_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of teaser blocks: the marker line and the next non-empty line."""
    out = []
    for mo in TEASER.finditer(text):
        line_end = text.find("\n", mo.start())
        line_end = len(text) if line_end < 0 else line_end
        rest = text[mo.end() : line_end].strip()
        end = line_end
        if not rest:
            nxt = re.search(r"\S[^\n]*", text[line_end:])
            end = line_end + nxt.end() if nxt else len(text)
        out.append((mo.start(), end))
    return out


def stand_ins(doc: Doc, ents: list[Span]) -> tuple[list[Span], dict[tuple[int, int], dict]]:
    """A person's side named in place of the club ("Conte's side", "la squadra di Italiano") as a CLUB span
    of the club the article states for that person ("il Napoli di Antonio Conte", "Napoli's Conte"), else
    of the one the KB has them coaching that day (doc._.coached); the person's mention is dropped.

    Returns the entities with the stand-ins, and each stand-in's offsets mapped to a mention of its club,
    which is what events then refer to."""
    text = doc_text(doc)
    clubs = [e for e in ents if e.label_ == "CLUB"]
    people = [e for e in ents if e.label_ == "PERSON"]
    if not clubs or not people:
        return ents, {}
    sides = {}
    for person in people:
        after = SIDE_AFTER.match(text, person.end_char)
        before = SIDE_BEFORE.search(_preceding(text, 0, person, 30))
        if after or before:
            sides[person.start_char] = (person.start_char - len(before.group(0)) if before else person.start_char, after.end() if after else person.end_char)
    found: dict[int, tuple[Span, Span]] = {}
    coached = doc._.coached or {}
    for group in group_people(people) if sides else []:
        named = [p for p in group if p.start_char in sides]
        if named and (club := club_of(text, group, clubs, coached=coached)) is not None:
            for person in named:
                side = doc.char_span(*sides[person.start_char], label="CLUB", kb_id=span_key(club), alignment_mode="expand")
                if side is not None:
                    found[person.start_char] = (side, club)
    if not found:
        return ents, {}
    kept = [e for e in ents if e.start_char not in found or e.label_ != "PERSON"]
    merged = sorted(kept + [side for side, _ in found.values()], key=lambda e: e.start_char)
    return merged, {(side.start_char, side.end_char): _ref(club) for side, club in found.values()}


def _aliased(value, aliases: dict[tuple[int, int], dict]):
    """An event field with every reference to a stand-in replaced by one to its club's mention."""
    if isinstance(value, list):
        return [_aliased(v, aliases) for v in value]
    if isinstance(value, dict) and value.keys() == {"start", "end"}:
        return aliases.get((value["start"], value["end"]), value)
    return value


def _ref(span: Span) -> dict:
    return {"start": span.start_char, "end": span.end_char}




def _preceding(text: str, base: int, span: Span, width: int) -> str:
    """Up to width characters of text (which starts at offset base) right before span."""
    return text[max(0, span.start_char - base - width) : span.start_char - base]


def _move_side(text: str, base: int, club: Span) -> str | None:
    """'from' or 'to' when a move word comes right before a club ('dall'Udinese', 'joined Bayern');
    interest from a club is a move to it ('interest from Napoli')."""
    before = _preceding(text, base, club, 25).lower()
    if INTEREST_FROM.search(before):
        return "to"
    return "from" if MOVE_FROM.search(before) else "to" if MOVE_TO.search(before) else None


def elimination_cues(text: str) -> list[tuple[re.Match, int]]:
    """The first elimination cue of each clause of a sentence, with the offset where its clause ends."""
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(text)] + [len(text)]
    cues: dict[int, re.Match] = {}
    for mo in ELIMINATE.finditer(text):
        cues.setdefault(next(b for b in breaks if mo.start() < b), mo)
    return [(mo, end) for end, mo in sorted(cues.items())]


def in_aside(pos: int, asides: list[tuple[int, int, Span | None]]) -> bool:
    """Whether a character offset falls inside one of a sentence's relative clauses (EventExtractor._asides)."""
    return any(start <= pos < end for start, end, _ in asides)


def surname(person: Span) -> str:
    """The last word of a person's name, lowercased: how a later mention ('Turan') meets the full name."""
    return span_text(person).rsplit(maxsplit=1)[-1].lower()


def _players(text: str, base: int, people: list[Span]) -> list[Span]:
    """The people of a sentence who may be moving: no role stated, or a player's."""
    return [p for p in people if role_of(text, [p], base) in (None, "player", "goalkeeper")]


def club_keys(ev: dict, spans: dict[tuple[int, int], Span]) -> frozenset[str]:
    """Keys of the clubs an event names in its single-club fields and its eliminated list."""
    refs = [ev.get(f) for f in ("home", "away", "club", "from", "to")] + list(ev.get("eliminated") or [])
    return frozenset(span_key(spans[(r["start"], r["end"])]) for r in refs if r and (r["start"], r["end"]) in spans)


MAX_PAIR_CLUBS = 6


@dataclass
class Candidate:
    """Two clubs a sentence may report a result or fixture between, for the pair classifier to judge.

    mode "pair": both named in the sentence; "main": one named, the other the article's
    main club ("they host Roma").
    """

    mode: str
    first: Span
    second: Span | None
    keys: frozenset[str]
    sent: Span
    common: dict
    venue: Span | None
    rules: dict[str, dict] = field(default_factory=dict)
    feats: list[str] = field(default_factory=list)


class EventExtractor:
    """Rule-based events per sentence over linked entities, judged by two trained classifiers.

    The sentence classifier vetoes rule events in sentences that do not report news; the
    pair classifier, when trained, decides the results and fixtures: one per club pair it
    accepts, with the fields the rules read for that pair, or read afresh.
    """

    def __init__(self, min_confidence: float = 0.0, thresholds: dict[str, float] | None = None):
        self.min_confidence = min_confidence
        self.thresholds = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
        self.classifier = LogReg()
        self.pairs = LogReg(PAIR_TYPES)

    def __call__(self, doc: Doc) -> Doc:
        all_ents, aliases = stand_ins(doc, list(doc.ents))
        draw_story = bool(DRAW.search(doc_text(doc)))
        events, candidates = self.read(doc, pairs=self.pairs.trained, ents=all_ents)
        if self.pairs.trained:
            events = [e for e in events if e["type"] not in PAIR_TYPES or e.get("listed")] + self._pair_events(candidates, draw_story)
        spans = {(e.start_char, e.end_char): e for e in all_ents}
        events += self._ties(spans, events) + self._return_legs(doc, all_ents, events)
        self._fill_from_context(doc, all_ents, events)
        if draw_story:
            lines = {(ev["evidence"]["start"], ev["evidence"]["end"]) for ev in events if ev["type"] == "fixture"}
            drawn = [_ref(e) for e in all_ents if e.label_ == "CLUB" and any(a <= e.start_char < b for a, b in lines)]
            for ev in events:
                if ev["type"] == "draw":
                    ev["clubs"] = ev["clubs"] + drawn
        doc._.events = [{k: _aliased(v, aliases) for k, v in e.items()} for e in self._merge(spans, events) if e["confidence"] >= self.min_confidence]
        return doc

    @staticmethod
    def _return_legs(doc: Doc, ents: list[Span], events: list[dict]) -> list[dict]:
        """The second leg of a two-legged tie a fixture's sentence announces ('andata a X il 30 aprile,
        ritorno il 6 maggio a Milano'): sides swapped, the later date, the home ground named after the cue.

        Both legs are numbered so that the per-article merge keeps them apart."""
        out = []
        for ev in [e for e in events if e["type"] == "fixture"]:
            text, base = ev["evidence"]["text"], ev["evidence"]["start"]
            if not FIRST_LEG.search(text) or not (cue := RETURN_LEG.search(text)):
                continue
            inside = [e for e in ents if base <= e.start_char and e.end_char <= ev["evidence"]["end"]]
            days = [e._.value for e in inside if e.label_ == "DATE" and e._.value]
            later = [v for v in inside if v.label_ == "VENUE" and v.start_char - base > cue.start()]
            first, second = ev["home"], ev["away"]
            home = next((e for e in ents if e.start_char == first["start"]), None)
            if later and home is not None and home.kb_id_ and (doc._.club_venues or {}).get(home.kb_id_) == later[0].kb_id_:
                first, second = second, first
            ev.update(home=first, away=second, leg=1, date=days[0] if days else ev.get("date"))
            out.append({**ev, "home": second, "away": first, "leg": 2, "date": days[1] if len(days) > 1 else None, "venue": _ref(later[0]) if later else None})
        return out

    @staticmethod
    def _ties(spans: dict[tuple[int, int], Span], events: list[dict]) -> list[dict]:
        """The ties a qualification reports ("A eliminated B"), as results, where no result between them was read."""
        have = {club_keys(ev, spans) for ev in events if ev["type"] == "match_result"}
        out = []
        for ev in [e for e in events if e["type"] == "qualification"]:
            for beaten in ev.get("eliminated") or []:
                pair = {"home": ev["club"], "away": beaten}
                if (keys := club_keys(pair, spans)) not in have and len(keys) == 2:
                    have.add(keys)
                    out.append({**{k: ev[k] for k in ("evidence", "date", "competition", "stage", "confidence") if k in ev},
                                "type": "match_result", **pair, "winner": ev["club"], "score": None})
        return out

    def read(self, doc: Doc, pairs: bool = True, ents: list[Span] | None = None) -> tuple[list[dict], list[Candidate]]:
        """Rule events the sentence classifier accepts, and (if pairs) every sentence's club pairs with their features.

        ents: the entities with their stand-ins (see stand_ins), when the caller has them already; else built here.
        """
        teasers = teaser_ranges(doc_text(doc))
        all_ents = stand_ins(doc, list(doc.ents))[0] if ents is None else ents
        norm = normalized(doc, doc._.published, all_ents)
        for e in all_ents:
            if e.label_ == "CLUB" and norm[e.start] != "<CLUB>":
                norm[e.start : e.end] = ["<CLUB>"] + [""] * (len(e) - 1)
        draw_story = bool(DRAW.search(doc_text(doc)))
        spans = {(e.start_char, e.end_char): e for e in all_ents}
        sents = sentences(doc)
        lede = " ".join(span_text(s) for s in sents[:2])
        knockout_round = bool(KO_STAGE.search(lede)) and not FIRST_LEG.search(lede)
        preview = self._looks_ahead(doc, all_ents, lede)
        clubs = [e for e in all_ents if e.label_ == "CLUB"]
        main = self._main_club(doc_text(doc), clubs, next((s.end_char for s in sents if clubs and s.end_char > clubs[0].start_char), 0))
        text = doc_text(doc)
        coached = doc._.coached or {}
        coaches = frozenset(surname(e) for e in all_ents if e.label_ == "PERSON" and (role_of(text, [e]) == "coach" or e.start_char in coached))
        events: list[dict] = []
        candidates: list[Candidate] = []
        for sent in sents:
            if any(a <= sent.start_char < b or a < sent.end_char <= b for a, b in teasers):
                continue
            sent_ents = [e for e in all_ents if sent.start_char <= e.start_char and e.end_char <= sent.end_char]
            asides = self._asides(sent, sent_ents)
            found, common = self._sentence(doc, norm, sent, sent_ents, main, draw_story, knockout_round, coaches, asides, preview)
            events += found["kept"]
            if pairs:
                candidates += self._candidates(doc, norm, sent, sent_ents, main, found["all"], common, spans, asides)
        return events, candidates

    def _candidates(self, doc, norm, sent, ents, main, found, common, spans, asides) -> list[Candidate]:
        """A sentence's club pairs (in long lists only neighbours and the head; never two alternatives, "Real Betis
        or Jagiellonia", nor across a relative clause, see _may_meet), each club with the main club, and
        a lone club with the club whose ground the sentence names ("Club Brugge won 3-1 at the Gewiss Stadium").

        A club named as a reference in the table ("six points behind Liverpool") plays in none of them."""
        text = doc_text(doc)
        clubs = self._distinct([e for e in ents if e.label_ == "CLUB" and not STANDING.search(_preceding(text, 0, e, 40))])
        venue = next((e for e in ents if e.label_ == "VENUE"), None)
        pairs = [(a, b) for a, b in combinations(clubs, 2)
                 if not EITHER_GAP.fullmatch(text[a.end_char : b.start_char]) and self._may_meet(a, b, asides)]
        if len(clubs) > MAX_PAIR_CLUBS:
            pairs = [(a, b) for a, b in pairs if a is clubs[0] or clubs.index(b) == clubs.index(a) + 1]
        todo = [("pair", a, b) for a, b in pairs]
        named = {span_key(c) for c in clubs}
        if main is not None and len(clubs) <= 3 and span_key(main) not in named:
            todo += [("main", c, main) for c in clubs]
        host = self._venue_club(doc, venue)
        if len(clubs) == 1 and host is not None and span_key(host) not in named and (main is None or span_key(host) != span_key(main)):
            todo.append(("main", clubs[0], host))
        out = []
        for mode, first, second in todo:
            keys = frozenset((span_key(first), span_key(second)))
            rules: dict[str, dict] = {}
            for ev in found:
                if ev["type"] in (*PAIR_TYPES, "qualification") and keys <= club_keys(ev, spans) and not (ev.get("listed") and ev["type"] in rules):
                    rules[ev["type"]] = ev
            feats = pair_features(norm, sent, first, second if mode == "pair" else None, clubs, set(rules))
            out.append(Candidate(mode, first, second, keys, sent, common, venue, rules, feats))
        return out

    @staticmethod
    def _asides(sent: Span, ents: list[Span]) -> list[tuple[int, int, Span | None]]:
        """Relative clauses of a sentence that describe a club or a player ('Djurgården, who knocked out
        Rapid Wien,'; 'Tommy Watson, a 19-year-old who has agreed to join Brighton,'): their character
        range and the club the clause speaks for: the club named, a person's stated club ('il Bologna di
        Italiano, che ha eliminato l'Atalanta'), none for a player. A coach's clause, or one after a
        date or a competition, speaks for a club it does not name and is left out."""
        text, base = span_text(sent), sent.start_char
        clubs = [e for e in ents if e.label_ == "CLUB"]
        out = []
        for mo in ASIDE.finditer(text):
            end = text.find(",", mo.end())
            end = len(text) if end < 0 else end
            head = next((e for e in reversed(ents) if e.end_char <= base + mo.start() and not text[e.end_char - base : mo.start()].strip()), None)
            if head is None or head.label_ not in ("CLUB", "PERSON"):
                continue
            speaks_for = head if head.label_ == "CLUB" else club_of(text, [head], clubs, base)
            if speaks_for is None and role_of(text, [head], base) == "coach":
                continue
            out.append((base + mo.start(), base + end, speaks_for))
        return out

    @staticmethod
    def _may_meet(a: Span, b: Span, asides: list[tuple[int, int, Span | None]]) -> bool:
        """A club in a relative clause meets only the club the clause speaks for, or one in the same clause:
        not the opponent of the sentence's main clause ('Chelsea meet Djurgården, who knocked out Rapid Wien')."""
        for start, end, speaks_for in asides:
            inside = [start <= c.start_char < end for c in (a, b)]
            if inside[0] != inside[1]:
                other = b if inside[0] else a
                if speaks_for is None or span_key(speaks_for) != span_key(other):
                    return False
        return True

    def _pair_events(self, candidates: list[Candidate], draw_story: bool = False) -> list[dict]:
        """Results and fixtures the pair classifier accepts; rule-read events first, so their fields win the merge.

        A result the rules did not read needs an outcome in its sentence (a score, a win,
        a defeat): "X guida il Kairat contro il Celtic" names a match but reports none. Two
        clubs each already given a result (a fixture) in the sentence by likelier pairs play
        no result (fixture) with each other ("Leeds beat Stoke 6-0, and Burnley beat Sheffield
        United 2-1"; "Montrose v Arbroath, Kelty Hearts v Queen of the South"). In a draw story a
        club is drawn against one opponent per sentence ("Lugano were paired with Čukarički, Levski
        drew Hapoel"), so a club given a fixture by a likelier pair, named next to it first, gets no other. A sentence's one
        score is one result: a club the rules gave it plays no result the rules did not read
        ("Peterhead went top after Forfar were held 0-0 by Stirling Albion").
        """
        judged = list(zip(candidates, self.pairs.predict_many([c.feats for c in candidates])))
        kinds = [self._kind(cand, probs) for cand, probs in judged]
        accepted = {i for i, ((_, probs), kind) in enumerate(zip(judged, kinds)) if probs[kind] >= self.thresholds[kind]}
        for kind in PAIR_TYPES:
            played: set[tuple[int, str]] = set()
            scored: set[tuple[int, str]] = set()
            order = (lambda i: (kind not in judged[i][0].rules, not self._adjacent(judged[i][0]), -judged[i][1][kind])) if draw_story else (
                lambda i: (kind not in judged[i][0].rules, -judged[i][1][kind]))
            for i in sorted((i for i in accepted if kinds[i] == kind), key=order):
                cand = judged[i][0]
                sides = {(cand.sent.start, k) for k in cand.keys}
                lone_score = kind == "match_result" and kind not in cand.rules and len(scores_in(span_text(cand.sent))) <= 1
                if sides <= played or (draw_story and kind == "fixture" and sides & played) or (lone_score and sides & scored):
                    accepted.discard(i)
                else:
                    played |= sides
                    if kind in cand.rules and cand.rules[kind].get("score"):
                        scored |= sides
        out, fresh = [], []
        for i in sorted(accepted):
            (cand, probs), kind = judged[i], kinds[i]
            if kind in cand.rules:
                out.append({**cand.rules[kind], "confidence": round(probs[kind], 3)})
            elif kind == "fixture" or OUTCOME.search(span_text(cand.sent)):
                fresh.append({**self._fresh_event(kind, cand), "confidence": round(probs[kind], 3)})
        return out + fresh

    @staticmethod
    def _adjacent(cand: Candidate) -> bool:
        """The pair's two clubs are named with no other club between them."""
        if cand.mode != "pair":
            return False
        return not any(e.label_ == "CLUB" and cand.first.end_char <= e.start_char < cand.second.start_char for e in cand.sent.ents)

    def _kind(self, cand: Candidate, probs: dict[str, float]) -> str:
        """The likelier of result and fixture; a result the rules read stands unless the sentence looks ahead."""
        kind = max(PAIR_TYPES, key=lambda t: probs[t] / self.thresholds[t])
        if kind == "fixture" and "match_result" in cand.rules and not FUTURE.search(span_text(cand.sent)):
            return "match_result"
        return kind

    def _fresh_event(self, kind: str, cand: Candidate) -> dict:
        """A result or fixture the rules did not read: sides from order and home/away words."""
        sent, text = cand.sent, span_text(cand.sent)
        home, away = (cand.second, cand.first) if cand.mode == "main" else (cand.first, cand.second)
        if AWAY_WORDS.search(text) and not HOME_WORDS.search(text):
            home, away = away, home
        if (kb_home := self._venue_home(sent.doc, cand.venue, [home, away])) is not None:
            home, away = kb_home, (away if kb_home is home else home)
        ev = {**cand.common, "type": kind, "home": _ref(home), "away": _ref(away)}
        if kind == "match_result":
            last = cand.second if cand.mode == "pair" else cand.first
            near = [m for m in scores_in(text) if cand.first.start_char - sent.start_char <= m.start() <= last.end_char - sent.start_char + 12]
            ev["score"] = f"{near[0].group(1)}-{near[0].group(2)}" if near else None
            self._details(ev, text, sent, home, away, cand.venue)
        else:
            if time_mo := TIME.search(text):
                ev["time"] = f"{int(time_mo.group(1)):02d}:{time_mo.group(2)}"
            if cand.venue is not None:
                ev["venue"] = _ref(cand.venue)
        return ev

    @staticmethod
    def _fill_from_context(doc: Doc, ents: list[Span], events: list[dict]) -> None:
        """Date and competition an event's sentence leaves out, from the article around it.

        A result takes the nearest earlier day not after publication; a fixture the
        nearest day after it; both take the article's only competition, if it names one.
        """
        days = [(e.start_char, e._.value) for e in ents if e.label_ == "DATE" and e._.value and len(e._.value) == 10]
        comps = {e.kb_id_ or span_text(e): e for e in ents if e.label_ == "COMPETITION"}
        published = doc._.published
        for ev in events:
            if ev["type"] in ("match_result", "fixture") and not ev.get("date") and published:
                at = ev["evidence"]["start"]
                if ev["type"] == "match_result":
                    before = [v for start, v in days if start < at and v <= published]
                    ev["date"] = before[-1] if before else None
                else:
                    ahead = [v for start, v in days if v > published]
                    ev["date"] = ahead[0] if ahead else None
            if not ev.get("competition") and len(comps) == 1 and ev["type"] != "transfer":
                ev["competition"] = _ref(next(iter(comps.values())))

    @staticmethod
    def _main_club(text: str, clubs: list[Span], lede: int) -> Span | None:
        """The club the article is about: most mentioned, mentions before lede (the end of the first
        sentence naming a club) counting double, mentions as an opponent ('2-0 al Cagliari', 'have beaten Madrid') half."""
        if not clubs:
            return None
        counts: Counter = Counter()
        for c in clubs:
            weight = 2 if c.start_char < lede else 1
            before = _preceding(text, 0, c, 25)
            counts[span_key(c)] += weight / 2 if AS_OPPONENT.search(before) or BEATEN_OBJECT.search(before) else weight
        best = max(counts, key=lambda k: (counts[k], -next(i for i, c in enumerate(clubs) if span_key(c) == k)))
        return next(c for c in clubs if span_key(c) == best) if counts[best] >= 2 or len(counts) == 1 else None

    def _sentence(self, doc: Doc, norm: list[str], sent: Span, ents: list[Span], main: Span | None, draw_story: bool,
                  knockout_round: bool = False, coaches: frozenset[str] = frozenset(), asides: list | None = None,
                  preview: bool = False) -> tuple[dict, dict]:
        """The rule events of a sentence, all and those the sentence classifier keeps, and its common fields.

        Without a club or a person named, only a draw or the main club's qualification can be read.
        """
        text = span_text(sent)
        clubs = self._distinct([e for e in ents if e.label_ == "CLUB"])
        people = [e for e in ents if e.label_ == "PERSON"]
        if not clubs and not people and not DRAW.search(text) and not (main is not None and QUALIFY.search(text)):
            return {"all": [], "kept": []}, {}
        dates = [e for e in ents if e.label_ == "DATE" and e._.value]
        venue = next((e for e in ents if e.label_ == "VENUE"), None)
        comp = next((e for e in ents if e.label_ == "COMPETITION"), None)
        stage_mo = STAGES.search(text)
        common = {
            "evidence": {"start": sent.start_char, "end": sent.end_char, "text": text},
            "date": dates[0]._.value if dates else None,
            "competition": _ref(comp) if comp else None,
            "stage": stage_mo.group(1).lower() if stage_mo else None,
        }
        out = self._rules(doc, sent, text, ents, clubs, people, venue, common, main, draw_story, knockout_round, coaches, asides, preview)
        if not out:
            return {"all": out, "kept": out}, common
        probs = self.classifier.predict(features(norm, sent, ents) if self.classifier.trained else [])
        kept = [{**ev, "confidence": round(min(ev["confidence"], probs[ev["type"]]), 3)}
                for ev in out if ev.get("listed") or probs[ev["type"]] >= self.thresholds[ev["type"]]]
        return {"all": out, "kept": kept}, common

    def _rules(self, doc, sent, text, ents, clubs, people, venue, common, main, draw_story, knockout_round=False,
               coaches: frozenset[str] = frozenset(), asides: list | None = None, preview: bool = False) -> list[dict]:
        """Every rule's events for one sentence; results and fixtures need a club named in it, transfers and coach changes a person
        (coach changes also a coach's role, said here or anywhere in the article: coaches holds their surnames). A result
        told in a relative clause does not stop the fixture of the main clause ("l'Empoli sfiderà il Bologna, che ha superato
        l'Atalanta per 1-0").

        A result with a winner decides a tie when a shoot-out, an aggregate, extra time or a
        knockout stage says so, or when it is a bare result line ("Real Madrid 1-0 Juventus")
        of an article whose opening names a knockout round; not in a sentence about the match
        ahead ("L'Inter ospita stasera il Feyenoord nel ritorno, forte dello 0-2 dell'andata")."""
        out: list[dict] = self._results(doc, sent, clubs, venue, common, main) if clubs else []
        result_line = knockout_round and len(clubs) == 2 and len(text.split()) <= 12
        deciders = [e for e in out if e.get("winner") and (e.get("aggregate") or e.get("penalties") or e.get("extra_time")
                                                           or KO_STAGE.search(text) or result_line)]
        if DECIDER.search(text) or FIRST_LEG.search(text) or (FIXTURE.search(text) and FUTURE.search(text)):
            deciders = []
        for ev in deciders:
            loser = ev["away"] if ev["winner"] == ev["home"] else ev["home"]
            method = "aggregate" if ev.get("aggregate") else "penalties" if ev.get("penalties") else "extra_time" if ev.get("extra_time") else None
            out.append({**common, "type": "qualification", "club": ev["winner"], "eliminated": [loser], "method": method, "confidence": 0.6})
        if DRAW.search(text) and not DRAW_AHEAD.search(text) and not (common["date"] and doc._.published and common["date"][:10] > doc._.published):
            place = next((span_text(e) for e in ents if e.label_ == "LOCATION"), None)
            out.append({**common, "type": "draw", "clubs": [_ref(c) for c in clubs], "place": place, "confidence": 0.7})
        if (not deciders and (QUALIFY.search(text) or self._knockout(text, clubs, main)) and not NOT_REAL.search(text)
                and not self._long_ago(common["date"], doc._.published)):
            out += self._qualification(sent, clubs, main, common)
        asides = asides or []
        free = [c for c in clubs if not in_aside(c.start_char, asides)]
        results = [e for e in out if e["type"] == "match_result" and not (in_aside(e["home"]["start"], asides) or in_aside(e["away"]["start"], asides))]
        if free and not results and all(in_aside(sent.start_char + m.start(), asides) for m in scores_in(text)):
            all_clubs = [e for e in ents if e.label_ == "CLUB"]
            out += (self._draw_line(sent, all_clubs, common) if draw_story else []) or self._fixtures(doc, sent, free, all_clubs, venue, main, common, draw_story, preview)
        if TRANSFER.search(text) and not HISTORY.search(text) and not self._past_move(text, common["date"], doc._.published):
            movers = [p for p in people if surname(p) not in coaches]
            if movers:
                tr = self._transfer(sent, clubs, movers, common)
                if tr:
                    out += [tr, *self._more_moves(sent, clubs, movers, tr)]
            elif not people and clubs and (DEAL.search(text) or FEE.search(text)) and (player := self._last_player(doc, sent)) is not None:
                tr = self._transfer(sent, clubs, [], common, player)
                out += [tr] if tr else []
        if people and COACH.search(text) and (COACH_ROLE.search(text) or any(surname(p) in coaches for p in people)):
            cc = self._coach(sent, clubs, people, common, main)
            if cc:
                out.append(cc)
        return out

    @staticmethod
    def _past_move(text: str, date: str | None, published: str | None) -> bool:
        """A move told as background: dated months before publication, or a player's current loan ("on loan from Chelsea")."""
        return bool(LOAN_STATE.search(text)) or EventExtractor._long_ago(date, published)

    @staticmethod
    def _long_ago(date: str | None, published: str | None) -> bool:
        """A sentence dated months before publication tells background, not news."""
        if not (date and published):
            return False
        try:
            return (dt.date.fromisoformat(published) - dt.date.fromisoformat((date + "-01-01")[:10])).days > 120
        except ValueError:
            return False

    @staticmethod
    def _distinct(clubs: list[Span]) -> list[Span]:
        seen, out = set(), []
        for c in clubs:
            if span_key(c) not in seen:
                seen.add(span_key(c))
                out.append(c)
        return out

    def _results(self, doc, sent, clubs, venue, common, main) -> list[dict]:
        """The results of a sentence: one per score (an aggregate's score only when no leg's is told),
        per 'A 2 B 1' line, per elimination cue, else per win verb."""
        text, base = span_text(sent), sent.start_char
        out = []
        scores = scores_in(text)
        pen_mo = PEN_SCORE.search(text)
        if not scores and pen_mo:
            scores = (pen_mo,)
        used: set[str] = set()
        host = self._venue_club(doc, venue)
        read = []
        totals = [m.span() for m in AGG.finditer(text)]
        legs = [mo for mo in scores if not any(a <= mo.start() < b for a, b in totals)]
        for mo in legs or scores:
            pair = self._pair_for_score(text, base, clubs, base + mo.start(), base + mo.end(), used)
            visitor = not pair and len(clubs) == 1 and host is not None and not {span_key(host), span_key(clubs[0])} & used
            if visitor:
                pair = (host, clubs[0])
            if not pair:
                continue
            home, away = pair
            used |= {span_key(home), span_key(away)}
            score = None if mo is pen_mo else f"{mo.group(1)}-{mo.group(2)}"
            if visitor and score:
                before = _preceding(text, base, away, 40)
                beaten = WON_OVER.search(before) or (LOST.search(text[max(0, mo.start() - 40) : mo.end() + 25]) and not BEATEN_BY.search(before))
                score = self._winner_first(mo, home_won=bool(beaten))
            elif score and home.end_char <= base + mo.start() and SCORE_TO_OPPONENT.fullmatch(text[mo.end() : away.start_char - base]):
                home, away, score = self._told_by_first(doc, text, mo, home, away, venue)
            ev = {**common, "type": "match_result", "home": _ref(home), "away": _ref(away), "score": score, "confidence": 0.9}
            if len(scores) == 1 or len(clubs) == 2:
                self._details(ev, text, sent, home, away, venue)
            out.append(ev)
            read.append(mo)
        for home, away, score in self._goal_lines(text, base, clubs):
            if not ({span_key(home), span_key(away)} & used):
                used |= {span_key(home), span_key(away)}
                out.append({**common, "type": "match_result", "home": _ref(home), "away": _ref(away), "score": score, "confidence": 0.9, "listed": True})
        if len(out) == 1 and len(scores) > 1 and TIE_WORDS.search(text):
            out += self._other_legs(text, scores, read[0], out[0])
            if len(out) == 2 and out[0].get("score") and not out[0].get("aggregate"):
                self._aggregate(out[0], out[1])
            elif len(out) == 1 and out[0].get("score") and out[0].get("aggregate"):
                out += self._leg_from_aggregate(out[0])
        if out or FUTURE.search(text):
            return out
        if elims := elimination_cues(text):
            for elim, end in elims:
                winner, losers = self._eliminated(sent, clubs, elim, main, end)
                for loser in losers:
                    ev = {**common, "type": "match_result", "home": _ref(winner), "away": _ref(loser), "score": None,
                          "winner": _ref(winner), "confidence": 0.5}
                    self._details(ev, text, sent, winner, loser, venue if len(losers) == 1 else None)
                    ev["winner"] = _ref(winner)
                    out.append(ev)
        elif verb := RESULT_VERBS.search(text):
            subject = self._subject(sent, clubs, verb.start(), None)
            after = [c for c in clubs if c.start_char >= base + verb.end() and subject is not None and span_key(c) != span_key(subject)]
            if subject is not None and after and after[0].start_char - (base + verb.end()) <= 40:
                home, away = subject, after[0]
                ev = {**common, "type": "match_result", "home": _ref(home), "away": _ref(away), "score": None, "confidence": 0.6}
                self._details(ev, text, sent, home, away, venue)
                out.append(ev)
        return out

    def _told_by_first(self, doc, text, mo, first, second, venue) -> tuple[Span, Span, str]:
        """A score told from the first club's side ('Forfar were held 0-0 by Stirling', 'FCSB were beaten
        4-0 by Lyon at the Groupama Stadium', 'il Trapani cade in casa 1-2 con il Cerignola'): the first
        club got the fewer goals when it lost, the more when it won; it is at home unless the ground
        or an away word says otherwise."""
        near = text[max(0, mo.start() - 40) : mo.end()]
        lost, won = LOST.search(near), WIN.search(near)
        score = self._winner_first(mo, home_won=not lost) if lost or won else f"{mo.group(1)}-{mo.group(2)}"
        host = self._venue_home(doc, venue, [first, second])
        if host is second or (host is None and AWAY_WORDS.search(text) and not HOME_WORDS.search(text)):
            return second, first, "-".join(reversed(score.split("-")))
        return first, second, score

    @staticmethod
    def _winner_first(mo: re.Match, home_won: bool) -> str:
        """A score told winner first ('won 3-1 at the Gewiss Stadium', 'lost 2-0 at Reading'), as home-away."""
        high, low = sorted((int(mo.group(1)), int(mo.group(2))), reverse=True)
        return f"{high}-{low}" if home_won else f"{low}-{high}"

    @staticmethod
    def _goal_lines(text: str, base: int, clubs: list[Span]) -> list[tuple[Span, Span, str]]:
        """Results written with each side's goals after its name, as British papers do: 'East Fife 2 Clyde 2'."""
        out = []
        for a, b in zip(clubs, clubs[1:]):
            between = GOALS_BETWEEN.fullmatch(text[a.end_char - base : b.start_char - base])
            after = GOALS_AFTER.match(text[b.end_char - base :])
            if between and after:
                out.append((a, b, f"{between.group(1)}-{after.group(1)}"))
        return out

    @staticmethod
    def _leg_from_aggregate(ev: dict) -> list[dict]:
        """The other leg of a tie whose result and aggregate a sentence tells ('beaten 4-0 by Lyon …,
        out by an aggregate of 7-1'): sides swapped, the goals the aggregate leaves, when only one
        way of reading the aggregate leaves none negative. The aggregate is then set home-away."""
        home, away = map(int, ev["score"].split("-"))
        high, low = sorted(map(int, ev["aggregate"].split("-")), reverse=True)
        readings = {(h, a) for h, a in ((high, low), (low, high)) if h >= home and a >= away}
        if len(readings) != 1:
            return []
        total_home, total_away = readings.pop()
        ev["aggregate"] = f"{total_home}-{total_away}"
        if total_home != total_away:
            ev["winner"] = ev["home"] if total_home > total_away else ev["away"]
        return [{**{k: ev[k] for k in ("evidence", "competition", "stage")}, "type": "match_result", "home": ev["away"], "away": ev["home"],
                 "score": f"{total_away - away}-{total_home - home}", "date": None, "confidence": 0.5, "listed": True}]

    @staticmethod
    def _aggregate(ev: dict, other: dict) -> None:
        """A tie's aggregate from its two legs, and its winner when the aggregate decides it."""
        home, away = map(int, ev["score"].split("-"))
        other_home, other_away = map(int, other["score"].split("-"))
        ev["aggregate"] = f"{home + other_away}-{away + other_home}"
        if home + other_away != away + other_home:
            ev["winner"] = ev["home"] if home + other_away > away + other_home else ev["away"]

    @staticmethod
    def _other_legs(text: str, scores: tuple[re.Match, ...], read: re.Match, ev: dict) -> list[dict]:
        """The other leg of a tie a result's sentence recalls ('ha battuto 2-0 il PAOK nel ritorno, dopo
        il 2-1 ottenuto a Salonicco'): each further score, not an aggregate or a shoot-out, is a match
        between the same clubs with the sides swapped, its score told from the first's side
        ('il 2-1 ottenuto a Salonicco') unless a defeat is said ('il 3-2 subito in Norvegia').

        Marked "listed": the pair classifier keeps one result per pair and would drop it."""
        taken = [m.span() for cue in (AGG, PEN_SCORE) for m in cue.finditer(text)]
        out = []
        for mo in scores:
            if mo is read or any(a <= mo.start() < b for a, b in taken):
                continue
            lost = LOST.search(text[max(0, mo.start() - 25) : mo.end() + 25])
            score = f"{mo.group(1)}-{mo.group(2)}" if lost else f"{mo.group(2)}-{mo.group(1)}"
            out.append({**{k: ev[k] for k in ("evidence", "competition", "stage")}, "type": "match_result", "home": ev["away"],
                        "away": ev["home"], "score": score, "date": None, "confidence": 0.5, "listed": True})
        return out

    def _details(self, ev, text, sent, home, away, venue) -> None:
        """Extra time, penalties, aggregate and venue; the winner from the deciding score, else from
        the words before a side ('defeat by PSG', 'Inter beat Milan')."""
        base = sent.start_char
        first, second = sorted((home, away), key=lambda c: c.start_char)
        between = text[first.end_char - base : second.start_char - base]
        if BEATEN_BY.search(_preceding(text, base, second, 60)) and not WON_OVER.search(between):
            ev["winner"] = _ref(second)
        elif WON_OVER.search(between) and not PASSIVE.search(between):
            ev["winner"] = _ref(first)
        if AET.search(text):
            ev["extra_time"] = True
        if venue is not None:
            ev["venue"] = _ref(venue)
        if pm := PEN_SCORE.search(text):
            ev["penalties"] = f"{pm.group(1) or pm.group(3)}-{pm.group(2) or pm.group(4)}"
        if am := AGG.search(text):
            ev["aggregate"] = f"{am.group(1) or am.group(3)}-{am.group(2) or am.group(4)}"
        for field in ("score", "aggregate", "penalties"):
            if ev.get(field):
                h, a = (int(x) for x in ev[field].split("-"))
                if h != a:
                    ev["winner"] = ev["home"] if h > a else ev["away"]

    @staticmethod
    def _pair_for_score(text: str, base: int, clubs: list[Span], s: int, e: int, used: set[str]) -> tuple[Span, Span] | None:
        """Clubs around a score: 'A-B 2-1', 'A 2-1 B', 'A were held 0-0 by B', 'A beat B 2-1'; not two clubs
        of different clauses before it when one follows ('A drew, while B beat C 2-0')."""
        before = [c for c in clubs if c.end_char <= s and span_key(c) not in used]
        after = [c for c in clubs if c.start_char >= e and span_key(c) not in used]
        if after and before and not text[e - base : after[0].start_char - base].strip() and not text[before[-1].end_char - base : s - base].strip():
            return before[-1], after[0]
        if after and before and SCORE_TO_OPPONENT.fullmatch(text[e - base : after[0].start_char - base]):
            return before[-1], after[0]
        if len(before) >= 2:
            a, b = before[-2], before[-1]
            gap = text[a.end_char - base : b.start_char - base]
            if (len(gap) <= 60 or RESULT_VERBS.search(gap)) and not (after and CLAUSE_BREAK.search(gap)):
                return a, b
        if before and after:
            return before[-1], after[0]
        return None

    @staticmethod
    def _subject(sent: Span, clubs: list[Span], cue_start: int, main: Span | None) -> Span | None:
        """The club a cue word speaks of: one just before it ('Kairat qualified'), else the sentence's
        opening club ('Newcastle lost at home and still qualified'), else the article's main club.
        A club named as the beaten side ('il Girona ha battuto il Barcellona e ha conquistato…') is not it."""
        before = [c for c in clubs if c.end_char <= sent.start_char + cue_start]
        text = span_text(sent)
        beaten = [c for c in before if WON_OVER.search(_preceding(text, sent.start_char, c, 40))]
        if beaten and len(before) > len(beaten):
            before = [c for c in before if c not in beaten]
        if before:
            near = before[-1]
            gap = sent.doc.char_span(near.end_char, sent.start_char + cue_start, alignment_mode="expand")
            if gap is not None and (len(gap) <= 5 or (len(gap) <= 10 and RELATIVE.search(gap.text))):
                return near
            if main is None:
                return before[0]
            opens = before[0].start - sent.start <= 2 and all(span_key(c) != span_key(main) for c in before)
            return before[0] if opens else main
        return main if main is not None else (clubs[0] if clubs else None)

    @staticmethod
    def _eliminated(sent: Span, clubs: list[Span], cue: re.Match, main: Span | None, end: int) -> tuple[Span | None, list[Span]]:
        """Who went through and who went out at an elimination cue. Active ('A eliminated B'): the
        subject beat the clubs after the cue. Passive ('B were knocked out by A', 'il Fenerbahçe
        eliminato ai rigori'): the club before the cue (else the main club: 'They were knocked out by
        Inter') went out, beaten by the one after 'by'/'da', else by the article's main club.
        end: where the cue's clause ends (an offset in the sentence)."""
        text, base = span_text(sent), sent.start_char
        passive = PASSIVE.search(text[: cue.start()]) or (
            PARTICIPLE_OUT.fullmatch(cue.group(0)) and not HAVE_AUX.search(text[max(0, cue.start() - 16) : cue.start()]))
        before = [c for c in clubs if c.end_char <= base + cue.start()]
        if passive and (before or main is not None):
            agents = [c for c in clubs if base + cue.end() <= c.start_char < base + end and AGENT.search(_preceding(text, base, c, 25))]
            loser = before[-1] if before else main
            winner = agents[0] if agents else main if before else None
            return (winner, [loser]) if winner is not None and span_key(winner) != span_key(loser) else (None, [])
        winner = EventExtractor._subject(sent, clubs, cue.start(), main)
        return winner, [c for c in clubs if winner is not None and span_key(c) != span_key(winner) and base + cue.end() <= c.start_char < base + end]

    @staticmethod
    def _knockout(text: str, clubs: list[Span], main: Span | None = None) -> bool:
        """'A eliminated B', 'A ha superato B in semifinale', 'they were knocked out by B' (the main club
        the other side): a club went through by beating another."""
        sides = {span_key(c) for c in clubs} | ({span_key(main)} if main is not None else set())
        return len(clubs) >= 1 and len(sides) >= 2 and bool(KNOCKOUT.search(text) or (ELIMINATE.search(text) and STAGES.search(text)))

    def _qualification(self, sent, clubs, main, common) -> list[dict]:
        """Who went through and whom they eliminated, once per clause with an elimination cue
        ("PSV got past Juventus, and Feyenoord dumped out AC Milan"): a club of another clause
        was not eliminated by this one's subject."""
        text, base = span_text(sent), sent.start_char
        cue = QUALIFY.search(text)
        method = None
        if re.search(r"rigori|penalt|pens\b|shoot", text, re.I):
            method = "penalties"
        elif AGG.search(text) or re.search(r"aggregate|doppio confronto", text, re.I):
            method = "aggregate"
        elif AET.search(text):
            method = "extra_time"
        elif re.search(r"away goals?|gol in trasferta", text, re.I):
            method = "away_goals"
        out = []
        for n, (elim_mo, end) in enumerate(elimination_cues(text) or [(None, len(text))]):
            club = self._subject(sent, clubs, min(m.start() for m in (cue if n == 0 else None, elim_mo) if m), main)
            eliminated = [c for c in clubs if club is not None and span_key(c) != span_key(club) and elim_mo
                          and elim_mo.start() < c.start_char - base < end]
            if elim_mo and (voiced := self._eliminated(sent, clubs, elim_mo, main, end))[1] and voiced[1][0].start_char < base + elim_mo.start():
                club, eliminated = voiced
            if club is None:
                continue
            chain = [club]
            if cue is not None and n == 0 and club in clubs:
                for prev in reversed(clubs[: clubs.index(club)]):
                    if not LIST_GAP.match(text[prev.end_char - base : chain[0].start_char - base]) or AS_OPPONENT.search(_preceding(text, base, prev, 25)):
                        break
                    chain.insert(0, prev)
            beaten = [[_ref(e)] for e in eliminated if e not in chain] or [[]]
            out += [{**common, "type": "qualification", "club": _ref(c), "eliminated": lost, "method": method, "confidence": 0.7 if clubs else 0.5}
                    for c in chain for lost in beaten]
        return out

    @staticmethod
    def _fixtures(doc, sent, clubs, all_clubs, venue, main, common, draw_story=False, preview=False) -> list[dict]:
        """Upcoming matches: the club just before a fixture cue ('l'Inter riceverà'), else the
        sentence's subject, against each club the cue points at, up to the club of the next cue
        ("Chelsea entertain Bournemouth, Newcastle are at Brentford"). A connector ('then', 'before', 'poi')
        has no club of its own: the club before it is an opponent ("host Ipswich on Friday before
        travelling to Brentford"), and one right before another cue gives way to it.

        A sentence looks ahead by a future tense or date; in a preview (see _looks_ahead) also by
        an English present one, "Club verb Club" with no score or result word ("Burnley are at home to Fulham").

        In a draw story every fixture cue looks ahead, and its "A v B" pairings and a list of three
        or more opponents are kept as read ("listed"), as the draw lines are."""
        text, base = span_text(sent), sent.start_char
        if draw_story and (pairs := versus_pairs(text, base, all_clubs)):
            return [{**common, "type": "fixture", "home": _ref(h), "away": _ref(a), "confidence": 0.6, "listed": True} for h, a in pairs]
        ahead = bool(common["date"] and doc._.published and len(common["date"]) == 10 and common["date"] > doc._.published)
        present = preview and not scores_in(text) and not PLAYED.search(text) and any(
            EventExtractor._named_before(text, base, clubs, cue) and list_after(text, base, clubs, cue.end()) for cue in PRESENT_FIXTURE.finditer(text))
        if not ahead and not present and not (FIXTURE.search(text) and (FUTURE.search(text) or draw_story)):
            return []
        teams = [c for c in clubs if not STANDING.search(_preceding(text, base, c, 40))]
        if len(teams) == 1 and main is not None and span_key(main) != span_key(teams[0]):
            teams = [teams[0], main] if re.search(r"\b(affronter\w+|ospiter\w+|host\w*|riceve\w*)\b", text, re.I) else [main, teams[0]]
        if len(teams) < 2:
            return []
        if pairs := versus_pairs(text, base, all_clubs):
            return [{**common, "type": "fixture", "home": _ref(h), "away": _ref(a), "confidence": 0.6} for h, a in pairs]
        cues = list(OPPONENT_CUE.finditer(text))
        cues = [cue for n, cue in enumerate(cues) if not (CONNECTOR.fullmatch(cue.group(0)) and n + 1 < len(cues) and cues[n + 1].start() - cue.end() <= 12)]
        subject = EventExtractor._subject(sent, teams, cues[0].start(), main) if cues else teams[0]
        others = [c for c in teams if subject is not None and span_key(c) != span_key(subject)]
        matches: list[tuple[Span, Span]] = []
        named = [None if CONNECTOR.fullmatch(cue.group(0)) else EventExtractor._named_before(text, base, teams, cue) for cue in cues]
        for n, cue in enumerate(cues):
            away = bool(re.match(r"travel|trip|visit|go|head|trasferta|in casa|away|ospite\b|are at|is at", cue.group(0), re.I))
            local = named[n] or subject
            rivals = others if local is subject else [c for c in teams if span_key(c) != span_key(local)]
            stop = next((c.start_char for c in named[n + 1 :] if c is not None), sent.end_char)
            for other in [c for c in list_after(text, base, rivals, cue.end()) if c.start_char < stop]:
                pair = (other, local) if away else (local, other)
                if all(span_key(pair[0]) != span_key(p[0]) or span_key(pair[1]) != span_key(p[1]) for p in matches):
                    matches.append(pair)
        if not matches and subject is not None and others:
            home, away = subject, others[0]
            if AWAY_WORDS.search(text) and not HOME_WORDS.search(text):
                home, away = away, home
            matches = [(home, away)]
        if len(matches) == 1 and (kb_home := EventExtractor._venue_home(doc, venue, list(matches[0]))) is not None:
            matches = [(kb_home, next(t for t in matches[0] if t is not kb_home))]
        out = []
        listed = (draw_story and len(matches) >= 3 and subject is not None and any(c is subject for c in clubs)
                  and all(subject in pair for pair in matches))
        for home, away in matches:
            ev = {**common, "type": "fixture", "home": _ref(home), "away": _ref(away), "confidence": 0.6}
            if listed:
                ev["listed"] = True
            if (time_mo := TIME.search(text)) and len(matches) == 1:
                ev["time"] = f"{int(time_mo.group(1)):02d}:{time_mo.group(2)}"
            if venue is not None and len(matches) == 1:
                ev["venue"] = _ref(venue)
            out.append(ev)
        return out

    @staticmethod
    def _looks_ahead(doc: Doc, ents: list[Span], lede: str) -> bool:
        """An article about matches to come: its opening speaks of the future, or it names a day after publication."""
        published = doc._.published
        return bool(FUTURE.search(lede)) or bool(published and any(
            e.label_ == "DATE" and e._.value and len(e._.value) == 10 and e._.value > published for e in ents))

    @staticmethod
    def _named_before(text: str, base: int, teams: list[Span], cue: re.Match) -> Span | None:
        """The club named just before a fixture cue, its subject ('Newcastle are at Brentford'), if any."""
        near = [c for c in teams if c.end_char - base <= cue.start()]
        gap = text[near[-1].end_char - base : cue.start()] if near else ","
        return near[-1] if len(gap.split()) <= 2 and "," not in gap else None

    @staticmethod
    def _draw_line(sent: Span, clubs: list[Span], common: dict) -> list[dict]:
        """'Inter: Manchester City, Arsenal, Leverkusen…' in a draw story: one fixture per opponent.

        Marked "listed": the pair classifier, which sees one pair at a time, does not overrule them.
        """
        text, base = span_text(sent), sent.start_char
        colon = text.find(":")
        if colon < 0 or len(clubs) < 3 or clubs[0].end_char - base > colon:
            return []
        chain = list_after(text, base, clubs[1:], colon + 1)
        if len(chain) < 2:
            return []
        return [{**common, "type": "fixture", "home": _ref(clubs[0]), "away": _ref(c), "confidence": 0.5, "listed": True} for c in chain]

    @staticmethod
    def _venue_club(doc: Doc, venue: Span | None) -> Span | None:
        """The club of this article whose home ground the venue is."""
        if venue is None or not venue.kb_id_:
            return None
        homes = doc._.club_venues or {}
        return next((e for e in doc.ents if e.label_ == "CLUB" and homes.get(e.kb_id_) == venue.kb_id_), None)

    @staticmethod
    def _venue_home(doc, venue, teams) -> Span | None:
        if venue is None or not venue.kb_id_:
            return None
        homes = doc._.club_venues or {}
        for t in teams[:2]:
            if t.kb_id_ and homes.get(t.kb_id_) == venue.kb_id_:
                return t
        return None

    @staticmethod
    def _transfer(sent, clubs, people, common, player: Span | None = None) -> dict | None:
        """A move of the sentence's first player, or of player, named before the sentence that speaks of
        him without his name ('il belga', 'the midfielder')."""
        text = span_text(sent)
        base = sent.start_char
        players = [player] if player is not None else _players(text, base, people)
        if not players:
            return None
        person = players[0]
        to_club = from_club = None
        for c in clubs:
            side = _move_side(text, base, c)
            if side == "from":
                from_club = from_club or c
            elif side == "to":
                to_club = to_club or c
        cue = TRANSFER.search(text)
        if from_club is None and player is None:
            from_club = club_of(text, [person], [c for c in clubs if c is not to_club], base)
        if from_club is None and to_club is not None:
            from_club = next((c for c in clubs if ONE_TO_OTHER.fullmatch(text[c.end_char - base : to_club.start_char - base])), None)
        if to_club is None and from_club is None and not DEAL.search(text):
            return None
        if to_club is None:
            buyers = [c for c in clubs if c is not from_club and cue and c.end_char - base <= cue.start()]
            rest = [c for c in clubs if c is not from_club]
            to_club = buyers[0] if buyers else rest[0] if rest and from_club is None else None
        if to_club is None and from_club is None:
            return None
        status = "official" if OFFICIAL.search(text) else "agreed" if AGREED.search(text) else "rumour"
        fee = FEE.search(text)
        return {**common, "type": "transfer", "person": _ref(person), "from": _ref(from_club) if from_club else None,
                "to": _ref(to_club) if to_club else None, "fee": fee.group(0) if fee else None, "status": status,
                "confidence": 0.6}

    @staticmethod
    def _last_player(doc: Doc, sent: Span) -> Span | None:
        """The player named last before a sentence, in the same paragraph or the one before: whom 'il belga' means."""
        text = doc_text(doc)
        start = text.rfind("\n", 0, max(0, text.rfind("\n", 0, sent.start_char)))
        before = [e for e in doc.ents if e.label_ == "PERSON" and start < e.start_char and e.end_char <= sent.start_char]
        before = [e for e in before if role_of(text, [e]) in (None, "player", "goalkeeper")]
        return before[-1] if before else None

    @staticmethod
    def _more_moves(sent, clubs, people, first: dict) -> list[dict]:
        """Further players of a transfer sentence, each with a move word and a club of his own
        ('Lucca, arrivato dall'Udinese, … Simeone ha salutato per trasferirsi al Torino'), or listed
        after the first with a club stated for him ('PSV winger Noa Lang and Udinese striker Lorenzo Lucca')."""
        text, base = span_text(sent), sent.start_char
        players = _players(text, base, people)
        out = []
        for i, person in enumerate(players[1:], start=1):
            end = players[i + 1].start_char if i + 1 < len(players) else sent.end_char
            own = [c for c in clubs if person.end_char <= c.start_char < min(end, person.end_char + 60)]
            gap = text[players[i - 1].end_char - base : person.start_char - base]
            listed = len(gap) <= 40 and PLAYER_LIST.match(gap)
            if not listed and not TRANSFER.search(text[players[i - 1].end_char - base : end - base]):
                continue
            sides = {"from": None, "to": None}
            for c in own:
                side = _move_side(text, base, c)
                if side and sides[side] is None:
                    sides[side] = _ref(c)
            if sides["from"] is None and (origin := club_of(text, [person], clubs, base)) is not None:
                sides["from"] = _ref(origin)
            if sides["from"] is None and sides["to"] is None:
                continue
            out.append({**first, "person": _ref(person), "from": sides["from"], "to": sides["to"] or (first["to"] if sides["from"] else None), "fee": None})
        return out

    @staticmethod
    def _coach(sent, clubs, people, common, main) -> dict | None:
        """A coach change: who comes, who goes, and the club stated for either ('allenatore della
        Juventus'), else the sentence's first club not named as an opponent, else the main club."""
        text, base = span_text(sent), sent.start_char
        own = [c for c in clubs if not AS_OPPONENT.search(_preceding(text, base, c, 25))]
        club = club_of(text, people, clubs, base) or next(iter(own), main)
        if club is None:
            return None
        out_mo = COACH_OUT.search(text)
        coach_in = coach_out = None
        for p in people:
            rel = p.start_char - sent.start_char
            near_out = out_mo and (abs(rel - out_mo.end()) < 30 or abs(rel - out_mo.start()) < 30)
            if near_out and coach_out is None and re.search(r"replacing|al posto di|sostituisce|successor to|succeeds|replaces|dopo l'addio di|exit of|departure of|in place of", out_mo.group(0), re.I) and rel > out_mo.start():
                coach_out = p
            elif near_out and coach_out is None and not re.search(r"replacing|al posto di|sostituisce|successor|succeeds|replaces|in place of", out_mo.group(0), re.I):
                coach_out = p
            elif coach_in is None:
                coach_in = p
        if coach_in is None and coach_out is None:
            return None
        return {**common, "type": "coach_change", "club": _ref(club), "coach_in": _ref(coach_in) if coach_in else None,
                "coach_out": _ref(coach_out) if coach_out else None, "confidence": 0.6}

    @staticmethod
    def _merge(spans: dict[tuple[int, int], Span], events: list[dict]) -> list[dict]:
        """One event per happening in this article: same type and same clubs (draws: one per article),
        except two results of the same clubs that are two meetings (see _another_meeting)."""
        merged: dict[tuple, dict] = {}
        for ev in events:
            if ev["type"] == "draw":
                key = (ev["type"],)
            elif ev["type"] == "transfer":
                key = (ev["type"], span_text(spans[(ev["person"]["start"], ev["person"]["end"])]).split()[-1])
            else:
                key = (ev["type"], club_keys(ev, spans))
                if ev.get("leg") and key in merged and merged[key].get("leg", ev["leg"]) != ev["leg"]:
                    key += (ev["leg"],)
                base, n = key, 0
                while key in merged and EventExtractor._another_meeting(merged[key], ev, spans):
                    n += 1
                    key = base + (n,)
            if key not in merged:
                merged[key] = ev
                continue
            kept = merged[key]
            for field, value in ev.items():
                if field == "clubs":
                    have = {(r["start"], r["end"]) for r in kept.get("clubs", [])}
                    known = {span_key(spans[k]) for k in have if k in spans}
                    kept["clubs"] = kept.get("clubs", []) + [r for r in value if span_key(spans[(r["start"], r["end"])]) not in known]
                elif field == "eliminated":
                    kept[field] = kept.get(field, []) + value
                elif kept.get(field) in (None, [], False) and value not in (None, [], False):
                    kept[field] = value
            kept["confidence"] = max(kept["confidence"], ev["confidence"])
        return list(merged.values())


    @staticmethod
    def _another_meeting(kept: dict, ev: dict, spans: dict[tuple[int, int], Span]) -> bool:
        """Two results of the same clubs are two matches (the legs of a tie, a past meeting recalled)
        when their scores differ and the sides are swapped, their dates differ, or either speaks
        of legs or an aggregate; a live blog's running scores, same sides, stay one match."""
        if kept["type"] != "match_result" or not (kept.get("score") and ev.get("score")):
            return False

        def goals(e):
            home, away = (span_key(spans[(e[s]["start"], e[s]["end"])]) for s in ("home", "away"))
            h, a = e["score"].split("-")
            return {home: int(h), away: int(a)}, home

        (kept_goals, kept_home), (ev_goals, ev_home) = goals(kept), goals(ev)
        if kept_goals == ev_goals:
            return False
        legs = any(FIRST_LEG.search(e["evidence"]["text"]) or RETURN_LEG.search(e["evidence"]["text"]) or e.get("aggregate") for e in (kept, ev))
        dated = kept.get("date") and ev.get("date") and kept["date"] != ev["date"]
        return bool(legs or dated or kept_home != ev_home)

    def to_disk(self, path, exclude=()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "classifier.json", self.classifier.to_dict())
        srsly.write_json(path / "pairs.json", self.pairs.to_dict())

    def from_disk(self, path, exclude=()):
        saved = {name: Path(path) / f"{name}.json" for name in ("classifier", "pairs")}
        data = {name: srsly.read_json(p) if p.exists() else {} for name, p in saved.items()}
        self.classifier = LogReg.from_dict(data["classifier"])
        self.pairs = LogReg.from_dict(data["pairs"], PAIR_TYPES)
        return self


@Language.factory("newsextract_events", default_config={"min_confidence": 0.0, "thresholds": DEFAULT_THRESHOLDS})
def make_events(nlp: Language, name: str, min_confidence: float, thresholds: dict[str, float]) -> EventExtractor:
    return EventExtractor(min_confidence, thresholds)
