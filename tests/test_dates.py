"""DATE normalization: expressions, publication dates and sentences, with the value a careful reader gives.

Weekdays were checked with ``datetime``: 2025-08-28 (the GUIDELINES example) is a Thursday,
so Mon 25, Tue 26, Wed 27, Fri 29, Sat 30, Sun 31 August; Mon 1, Tue 2, Wed 3, Thu 4 September;
the previous Thursday, Friday, Saturday and Sunday are 21, 22, 23 and 24 August.
ISO weeks: 2025-08-28 is in 2025-W35; 2025-12-30 is in 2026-W01; 2025-12-28 ends 2025-W52.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsextract.dates import find_dateline, normalize, parse_published

THU = dt.date(2025, 8, 28)  # Thursday, the GUIDELINES' example
SAT = dt.date(2025, 8, 30)  # Saturday
SUN_JAN = dt.date(2025, 1, 5)  # Sunday, just after New Year
SAT_MAR = dt.date(2025, 3, 15)  # Saturday, late in the 2024-25 season
FRI_JUN = dt.date(2025, 6, 20)  # Friday, between seasons
TUE_DEC = dt.date(2025, 12, 30)  # Tuesday, ISO week 2026-W01
SUN_DEC = dt.date(2025, 12, 28)  # Sunday, last day of 2025-W52

NONE = (None, None)

IT = [
    # absolute dates in many written forms
    ("28 agosto 2025", THU, "Milano, 28 agosto 2025 – L'Inter ha presentato il nuovo acquisto.", ("2025-08-28", "day")),
    ("sabato 30 agosto", THU, "L'Inter affronterà l'Udinese sabato 30 agosto a San Siro.", ("2025-08-30", "day")),
    ("30/08/2025", THU, "Calcio d'inizio il 30/08/2025 alle 20:45.", ("2025-08-30", "day")),
    ("30.08.2025", THU, "La gara si giocherà il 30.08.2025.", ("2025-08-30", "day")),
    ("2025-08-30", THU, "Data della partita: 2025-08-30.", ("2025-08-30", "day")),
    ("30 ago 2025", THU, "Aggiornato il 30 ago 2025.", ("2025-08-30", "day")),
    ("domenica 31 agosto 2025", THU, "Il derby si giocherà domenica 31 agosto 2025.", ("2025-08-31", "day")),
    ("1° settembre", THU, "Il mercato chiude il 1° settembre.", ("2025-09-01", "day")),
    ("il 2 settembre", THU, "Le liste vanno consegnate entro il 2 settembre.", ("2025-09-02", "day")),
    ("14 luglio", THU, "Il 14 luglio l'Inter ha battuto il Monaco in amichevole.", ("2025-07-14", "day")),
    ("28 dicembre", SUN_JAN, "Il 28 dicembre il Milan ha perso a Roma.", ("2024-12-28", "day")),
    ("6 gennaio", TUE_DEC, "L'Inter tornerà in campo il 6 gennaio contro il Napoli.", ("2026-01-06", "day")),
    ("primo luglio", FRI_JUN, "Il nuovo allenatore prenderà servizio il primo luglio.", ("2025-07-01", "day")),
    ("ferragosto", THU, "L'addio del tecnico a ferragosto è stato un colpo.", ("2025-08-15", "day")),
    ("Natale", THU, "Il difensore tornerà prima di Natale.", ("2025-12-25", "day")),
    # a bare day takes the month of the day it is paired with, or of the weekday it falls on
    ("9", THU, "Le gare si giocheranno il 9 e 10 settembre.", ("2025-09-09", "day")),
    ("16", THU, "I ritorni si giocheranno il 16 e il 17 settembre.", ("2025-09-16", "day")),
    ("domenica 14", THU, "La Serbia chiuderà il girone in casa domenica 14.", ("2025-09-14", "day")),
    # weekdays: tense and cue words of the sentence
    ("sabato", THU, "L'Inter ha battuto il Torino sabato a San Siro.", ("2025-08-23", "day")),
    ("sabato", THU, "L'Inter affronterà l'Udinese sabato a San Siro.", ("2025-08-30", "day")),
    ("mercoledì", THU, "Il Napoli affronterà il Cagliari mercoledì al Maradona.", ("2025-09-03", "day")),
    ("venerdì", THU, "La squadra è partita venerdì per Almaty.", ("2025-08-22", "day")),
    ("domenica", THU, "Il Milan ha pareggiato domenica contro il Cagliari.", ("2025-08-24", "day")),
    ("martedì", THU, "La Lazio giocherà martedì a Roma.", ("2025-09-02", "day")),
    ("lunedì", THU, "Il Milan ospita il Lecce lunedì a San Siro.", ("2025-09-01", "day")),  # present of a fixture
    ("sabato", THU, "Il campionato riprende sabato dopo la sosta.", ("2025-08-30", "day")),
    ("domenica sera", THU, "La Roma giocherà domenica sera all'Olimpico.", ("2025-08-31", "day")),
    ("sabato scorso", THU, "Sabato scorso la Juventus ha vinto a Parma.", ("2025-08-23", "day")),
    ("domenica scorsa", THU, "Domenica scorsa il Napoli ha vinto a Bologna.", ("2025-08-24", "day")),
    ("lunedì prossimo", THU, "Lunedì prossimo il giocatore sosterrà le visite mediche.", ("2025-09-01", "day")),
    ("il prossimo martedì", THU, "Il sorteggio si terrà il prossimo martedì.", ("2025-09-02", "day")),
    # GUIDELINES: "prossimo" takes the nearest future day, so the Friday after a Thursday is tomorrow
    ("venerdì prossimo", THU, "Venerdì prossimo sarà presentato il nuovo acquisto.", ("2025-08-29", "day")),
    ("martedì", THU, "martedì", ("2025-08-26", "day")),  # no cue: the nearest Tuesday (GUIDELINES example)
    # two clauses, two tenses: each weekday follows its own verb
    ("venerdì", THU, "Venerdì Conte ha detto che il Napoli affronterà il Milan mercoledì.", ("2025-08-22", "day")),
    ("mercoledì", THU, "Venerdì Conte ha detto che il Napoli affronterà il Milan mercoledì.", ("2025-09-03", "day")),
    # the weekday of publication: that very day, unless "scorso" / "prossimo"
    ("giovedì", THU, "Il sorteggio è in programma giovedì a Montecarlo.", ("2025-08-28", "day")),
    ("giovedì", THU, "Giovedì l'Inter ha ufficializzato l'acquisto.", ("2025-08-28", "day")),
    ("giovedì scorso", THU, "Giovedì scorso il Milan ha presentato Modric.", ("2025-08-21", "day")),
    ("giovedì prossimo", THU, "Giovedì prossimo è in programma il sorteggio.", ("2025-09-04", "day")),
    ("sabato", SAT, "La Juventus gioca sabato alle 18 contro il Genoa.", ("2025-08-30", "day")),
    ("martedì", THU, "Sarri aveva lasciato martedì scorso, dopo la sconfitta con l'Udinese.", ("2025-08-26", "day")),
    ("giovedì", THU, "Giovedì scorso il Milan ha presentato Modric.", ("2025-08-21", "day")),  # "scorso" outside the span
    # the clause of the span decides, not a past verb in a relative clause or after "dopo"
    ("domenica", THU, "Il Milan, che ha perso a Lecce, affronterà il Napoli domenica.", ("2025-08-31", "day")),
    ("lunedì", THU, "Il Milan ha ripreso gli allenamenti dopo il pareggio di lunedì.", ("2025-08-25", "day")),
    ("mercoledì", THU, "Il rientro del capitano è fissato per mercoledì.", ("2025-09-03", "day")),  # present passive
    # relative days
    ("oggi", THU, "Oggi l'Inter presenta il nuovo acquisto.", ("2025-08-28", "day")),
    ("ieri", THU, "Ieri il Milan ha battuto il Lecce.", ("2025-08-27", "day")),
    ("domani", THU, "Domani la Juventus affronterà il Genoa.", ("2025-08-29", "day")),
    ("dopodomani", THU, "Dopodomani si gioca a San Siro.", ("2025-08-30", "day")),
    ("stasera", THU, "Stasera l'Atalanta gioca a Bergamo.", ("2025-08-28", "day")),
    ("ieri sera", THU, "Ieri sera la Roma ha pareggiato.", ("2025-08-27", "day")),
    ("ieri pomeriggio", THU, "Ieri pomeriggio il club ha annunciato l'acquisto.", ("2025-08-27", "day")),
    ("l'altro ieri", THU, "L'altro ieri il Napoli ha ufficializzato l'acquisto.", ("2025-08-26", "day")),
    ("l'altroieri", THU, "L'altroieri la squadra è rientrata a Milano.", ("2025-08-26", "day")),
    ("domani sera", THU, "Domani sera si gioca il derby.", ("2025-08-29", "day")),
    # months alone
    ("gennaio", THU, "L'Inter lo aveva acquistato a gennaio dal Genoa.", ("2025-01", "month")),
    ("a gennaio", THU, "Il mercato riaprirà a gennaio.", ("2026-01", "month")),
    ("lo scorso maggio", THU, "Lo scorso maggio il Napoli ha vinto lo scudetto.", ("2025-05", "month")),
    ("marzo prossimo", THU, "Il nuovo stadio sarà pronto a marzo prossimo.", ("2026-03", "month")),
    ("agosto", THU, "Ad agosto il Milan ha speso 100 milioni.", ("2025-08", "month")),
    ("lo scorso agosto", THU, "Lo scorso agosto il club aveva cambiato allenatore.", ("2024-08", "month")),
    ("giugno", THU, "Il suo contratto scadrà a giugno.", ("2026-06", "month")),
    ("settembre", THU, "Il difensore tornerà in campo a settembre.", ("2025-09", "month")),
    ("dicembre", THU, "A dicembre aveva segnato una doppietta al Verona.", ("2024-12", "month")),
    ("fine agosto", THU, "Il mercato chiude a fine agosto.", ("2025-08", "month")),
    ("agosto 2025", THU, "Il bilancio di agosto 2025 è positivo.", ("2025-08", "month")),
    ("giugno 2024", THU, "Nel giugno 2024 ha firmato con la Juventus.", ("2024-06", "month")),
    ("il mese scorso", THU, "Il mese scorso ha firmato il rinnovo.", ("2025-07", "month")),
    ("la prossima estate", THU, "Non giocherà fino alla prossima estate.", ("2026", "year")),
    ("estate 2020", THU, "Era arrivato in Germania nell'estate 2020.", ("2020", "year")),
    # years
    ("nel 2024", THU, "Nel 2024 l'Inter ha vinto lo scudetto.", ("2024", "year")),
    ("2015", THU, "È arrivato in Italia nel 2015.", ("2015", "year")),
    ("l'anno scorso", THU, "L'anno scorso ha segnato 20 gol.", ("2024", "year")),
    ("quest'anno", THU, "Quest'anno il Milan punta allo scudetto.", ("2025", "year")),
    ("l'anno prossimo", THU, "L'anno prossimo scadrà il suo contratto.", ("2026", "year")),
    # seasons
    ("2024/25", THU, "Nella stagione 2024/25 ha segnato 20 gol.", ("2024-25", "season")),
    ("stagione 2024-25", THU, "Nella stagione 2024-25 ha segnato 20 gol.", ("2024-25", "season")),
    ("2024/2025", THU, "Il bilancio 2024/2025 chiude in attivo.", ("2024-25", "season")),
    ("questa stagione", THU, "Questa stagione l'Inter punta alla Champions.", ("2025-26", "season")),
    ("la scorsa stagione", THU, "La scorsa stagione ha segnato 20 gol.", ("2024-25", "season")),
    ("la stagione in corso", SAT_MAR, "La stagione in corso è la sua ultima.", ("2024-25", "season")),
    ("la prossima stagione", SAT_MAR, "La prossima stagione giocherà in Premier.", ("2025-26", "season")),
    ("la prossima stagione", FRI_JUN, "La prossima stagione giocherà in Premier.", ("2025-26", "season")),
    # in June, between seasons, "scorsa" is the season just ended
    ("la scorsa stagione", FRI_JUN, "La scorsa stagione ha segnato 20 gol.", ("2024-25", "season")),
    # decades
    ("gli anni Novanta", THU, "Il Milan dominava negli anni Novanta.", ("199X", "decade")),
    ("anni '80", THU, "Il Napoli degli anni '80.", ("198X", "decade")),
    ("anni 80", THU, "Il Napoli degli anni 80.", ("198X", "decade")),
    ("anni 2000", THU, "L'Inter degli anni 2000.", ("200X", "decade")),
    ("anni Duemila", THU, "Il calcio italiano degli anni Duemila.", ("200X", "decade")),
    ("anni Settanta", THU, "La Juventus degli anni Settanta.", ("197X", "decade")),
    # weeks
    ("la prossima settimana", THU, "La prossima settimana il Milan giocherà due volte.", ("2025-W36", "week")),
    ("la settimana scorsa", THU, "La settimana scorsa ha firmato il rinnovo.", ("2025-W34", "week")),
    ("questa settimana", THU, "Questa settimana si chiude il mercato.", ("2025-W35", "week")),
    ("questa settimana", TUE_DEC, "Questa settimana la squadra si allena a Dubai.", ("2026-W01", "week")),
    ("lo scorso weekend", dt.date(2025, 9, 1), "Lo scorso weekend il Milan ha perso.", ("2025-W35", "week")),
    # no publication date: relative values are null, anything with a year still resolves
    ("28 agosto 2025", None, "Milano, 28 agosto 2025.", ("2025-08-28", "day")),
    ("agosto 2025", None, "Il bilancio di agosto 2025.", ("2025-08", "month")),
    ("stagione 2024/25", None, "Nella stagione 2024/25 ha segnato 20 gol.", ("2024-25", "season")),
    ("2015", None, "È arrivato in Italia nel 2015.", ("2015", "year")),
    ("gli anni Novanta", None, "Il Milan degli anni Novanta.", ("199X", "decade")),
    ("ieri", None, "Ieri il Milan ha battuto il Lecce.", NONE),
    ("sabato", None, "L'Inter ha battuto il Torino sabato.", NONE),
    ("30 agosto", None, "L'Inter affronterà l'Udinese il 30 agosto.", NONE),
    ("la prossima stagione", None, "La prossima stagione giocherà in Premier.", NONE),
    ("la prossima settimana", None, "La prossima settimana il Milan giocherà due volte.", NONE),
    # not dates at all
    ("boh", THU, "Boh, vedremo.", NONE),
    ("il calcio", THU, "Il calcio è uno sport.", NONE),
    ("20:45", THU, "Calcio d'inizio alle 20:45.", NONE),  # a clock time alone is not a date
    ("90 minuti", THU, "Ha giocato 90 minuti.", NONE),  # a duration is not a date
]

EN = [
    # absolute dates in many written forms
    ("August 30, 2025", THU, "Arsenal will host Liverpool on August 30, 2025.", ("2025-08-30", "day")),
    ("30th August", THU, "Arsenal will host Liverpool on 30th August.", ("2025-08-30", "day")),
    ("Aug 30", THU, "The match is scheduled for Aug 30.", ("2025-08-30", "day")),
    ("Aug. 30", THU, "Kick-off on Aug. 30 is at 3pm.", ("2025-08-30", "day")),
    ("30 August 2025", THU, "Published 30 August 2025.", ("2025-08-30", "day")),
    ("Saturday, August 30", THU, "Chelsea play Fulham on Saturday, August 30.", ("2025-08-30", "day")),
    ("September 1st", THU, "The transfer window closes on September 1st.", ("2025-09-01", "day")),
    ("the 1st of September", THU, "The window shuts on the 1st of September.", ("2025-09-01", "day")),
    ("2025-08-30", THU, "Match date: 2025-08-30.", ("2025-08-30", "day")),
    ("July 13", THU, "Chelsea won the Club World Cup on July 13.", ("2025-07-13", "day")),
    ("December 28", SUN_JAN, "Chelsea lost at Ipswich on December 28.", ("2024-12-28", "day")),
    ("January 4", TUE_DEC, "Arsenal will face Bournemouth on January 4.", ("2026-01-04", "day")),
    # the weekday settles the year, whatever the tense
    ("Saturday 30 August", THU, "Slot promised a response at Anfield on Saturday 30 August.", ("2025-08-30", "day")),
    ("2011-12-05", THU, "He made his debut on 2011-12-05.", ("2011-12-05", "day")),  # a date, not the 2011-12 season
    ("Christmas", THU, "United could be out of Europe before Christmas.", ("2025-12-25", "day")),
    ("New Year's Day", SUN_DEC, "Arsenal travel to Brentford on New Year's Day.", ("2026-01-01", "day")),
    ("4", THU, "The play-off games are on September 3 and 4.", ("2025-09-04", "day")),
    ("August 2025", THU, "Spending in August 2025 broke records.", ("2025-08", "month")),
    ("May 2024", THU, "He signed in May 2024.", ("2024-05", "month")),
    # weekdays: tense and cue words of the sentence
    ("Saturday", THU, "Inter beat Torino 5-0 on Saturday.", ("2025-08-23", "day")),
    ("Saturday", THU, "Inter will face Udinese on Saturday.", ("2025-08-30", "day")),
    ("Friday", THU, "Liverpool drew 1-1 with Newcastle on Friday.", ("2025-08-22", "day")),
    ("Wednesday", THU, "Chelsea will face Fulham on Wednesday.", ("2025-09-03", "day")),
    ("Monday", THU, "Arsenal host Chelsea on Monday night.", ("2025-09-01", "day")),  # present of a fixture
    ("Sunday", THU, "Manchester United beat Fulham on Sunday.", ("2025-08-24", "day")),
    ("Friday", THU, "The club confirmed the signing on Friday.", ("2025-08-22", "day")),
    ("Saturday night", THU, "Spurs lost 2-0 at home on Saturday night.", ("2025-08-23", "day")),
    ("Tuesday", THU, "Tuesday", ("2025-08-26", "day")),  # no cue: the nearest Tuesday
    ("Sunday", THU, "Sunday", ("2025-08-31", "day")),  # no cue: the nearest Sunday
    ("last Saturday", THU, "Celtic won last Saturday.", ("2025-08-23", "day")),
    ("next Monday", THU, "The striker will have a medical next Monday.", ("2025-09-01", "day")),
    ("this Saturday", THU, "Leeds travel to Arsenal this Saturday.", ("2025-08-30", "day")),
    # GUIDELINES: "next" takes the nearest future day, so the Friday after a Thursday is tomorrow
    ("next Friday", THU, "The deal should be completed next Friday.", ("2025-08-29", "day")),
    # two clauses, two tenses: each weekday follows its own verb
    ("Friday", THU, "Conte said on Friday that Napoli will face Milan on Wednesday.", ("2025-08-22", "day")),
    ("Wednesday", THU, "Conte said on Friday that Napoli will face Milan on Wednesday.", ("2025-09-03", "day")),
    # the weekday of publication: that very day, unless "last" / "next"
    ("Thursday", THU, "The Champions League draw takes place on Thursday in Monaco.", ("2025-08-28", "day")),
    ("last Thursday", THU, "Last Thursday the club sacked its coach.", ("2025-08-21", "day")),
    ("next Thursday", THU, "The draw will be held next Thursday.", ("2025-09-04", "day")),
    ("Saturday", SAT, "Arsenal play Leeds on Saturday.", ("2025-08-30", "day")),
    # ambiguous: same weekday with a future verb could be next week; GUIDELINES' "nearest future day" is the day itself
    ("Thursday", THU, "Inter will face Milan on Thursday.", ("2025-08-28", "day")),
    # "next" outside the span still counts
    ("Saturday", SAT, "Simone Inzaghi's side now turn to next Saturday's final.", ("2025-09-06", "day")),
    # the clause of the span decides, not a past verb in a relative clause or after "after"
    ("Monday", THU, "Italy, who beat Albania on Saturday, need a draw in Leipzig on Monday.", ("2025-09-01", "day")),
    ("Wednesday", THU, "Newcastle will play at Wembley after a 2-0 win on Wednesday completed the job.", ("2025-08-27", "day")),
    ("Monday", THU, "A victory parade is planned along the seafront on Monday.", ("2025-09-01", "day")),  # present passive
    ("Wednesday", THU, "The final will be played on Wednesday.", ("2025-09-03", "day")),  # future passive
    # possessive weekdays
    ("Thursday's", THU, "Inter learned their opponents in Thursday's draw.", ("2025-08-28", "day")),
    ("Thursday's", SAT, "Celtic were knocked out after Thursday's defeat.", ("2025-08-28", "day")),
    ("Saturday's", THU, "Ahead of Saturday's game against Burnley, Slot spoke to reporters.", ("2025-08-30", "day")),
    ("Sunday’s", THU, "Amorim was criticised after Sunday’s defeat.", ("2025-08-24", "day")),
    # relative days
    ("today", THU, "Inter face Milan today.", ("2025-08-28", "day")),
    ("yesterday", THU, "Chelsea signed him yesterday.", ("2025-08-27", "day")),
    ("tomorrow", THU, "Arsenal will face Leeds tomorrow.", ("2025-08-29", "day")),
    ("tonight", THU, "Liverpool play Newcastle tonight.", ("2025-08-28", "day")),
    ("last night", THU, "Spurs were beaten last night.", ("2025-08-27", "day")),
    ("tomorrow night", THU, "The derby kicks off tomorrow night.", ("2025-08-29", "day")),
    ("earlier today", THU, "The club confirmed the deal earlier today.", ("2025-08-28", "day")),
    ("the day before yesterday", THU, "He arrived the day before yesterday.", ("2025-08-26", "day")),
    ("the day after tomorrow", THU, "The squad flies out the day after tomorrow.", ("2025-08-30", "day")),
    # months alone
    ("March", THU, "He joined the club in March.", ("2025-03", "month")),
    ("next March", THU, "The new stand opens next March.", ("2026-03", "month")),  # GUIDELINES example
    ("last May", THU, "Tottenham won the Europa League last May.", ("2025-05", "month")),
    ("in January", THU, "The window reopens in January.", ("2026-01", "month")),
    ("October", THU, "Inter were beaten in October.", ("2024-10", "month")),
    ("June", THU, "His contract will expire in June.", ("2026-06", "month")),
    ("September", THU, "The league resumes in September.", ("2025-09", "month")),
    ("last August", THU, "He was sacked last August.", ("2024-08", "month")),
    ("late August", THU, "The deal was agreed in late August.", ("2025-08", "month")),
    ("last month", THU, "He signed a new contract last month.", ("2025-07", "month")),
    ("next month", TUE_DEC, "The window opens next month.", ("2026-01", "month")),
    ("later this month", THU, "Sparta begin their campaign later this month.", ("2025-08", "month")),
    ("May 31", THU, "The league phase begins on September 17, with the final in Munich on May 31.", ("2026-05-31", "day")),
    # years
    ("2015", THU, "He moved to England in 2015.", ("2015", "year")),
    ("in 2026", THU, "The World Cup will be held in 2026.", ("2026", "year")),
    ("last year", THU, "He scored 20 goals last year.", ("2024", "year")),
    ("this year", THU, "City want to win the league this year.", ("2025", "year")),
    ("next year", THU, "His contract expires next year.", ("2026", "year")),
    ("last summer", dt.date(2025, 1, 18), "He asked to leave last summer.", ("2024", "year")),
    ("this summer", THU, "Liverpool spent more than £250m this summer.", ("2025", "year")),
    # seasons
    ("the 2025-26 season", THU, "He will captain the side in the 2025-26 season.", ("2025-26", "season")),
    ("2024-25", THU, "He scored 20 goals in 2024-25.", ("2024-25", "season")),
    ("2023/24", THU, "Leverkusen went unbeaten in 2023/24.", ("2023-24", "season")),
    ("1999-2000", THU, "Lazio won the title in 1999-2000.", ("1999-00", "season")),
    ("this season", THU, "Arsenal want to win the league this season.", ("2025-26", "season")),  # GUIDELINES example
    ("this season", SAT_MAR, "Liverpool have lost once this season.", ("2024-25", "season")),
    ("last season", THU, "Liverpool won the title last season.", ("2024-25", "season")),
    ("next season", THU, "The new stadium will be ready next season.", ("2026-27", "season")),
    ("next season", FRI_JUN, "He will play in Serie A next season.", ("2025-26", "season")),
    # in June, between seasons, "last season" is the one just ended
    ("last season", FRI_JUN, "He scored 16 goals in all competitions last season.", ("2024-25", "season")),
    ("the season", dt.date(2025, 2, 9), "It was their fourth defeat of the season.", ("2024-25", "season")),
    # decades
    ("the 2000s", THU, "Milan ruled Europe in the 2000s.", ("200X", "decade")),
    ("early 2000s", THU, "In the early 2000s Arsenal went unbeaten.", ("200X", "decade")),
    ("the '90s", THU, "Manchester United dominated the '90s.", ("199X", "decade")),
    ("the 90s", THU, "Manchester United dominated the 90s.", ("199X", "decade")),
    ("the 1980s", THU, "Liverpool ruled Europe in the 1980s.", ("198X", "decade")),
    ("the nineties", THU, "Milan ruled Europe in the nineties.", ("199X", "decade")),
    ("the 2010s", THU, "Juventus won nine titles in the 2010s.", ("201X", "decade")),
    # weeks
    ("last week", THU, "He signed last week.", ("2025-W34", "week")),
    ("this week", THU, "The deal will be completed this week.", ("2025-W35", "week")),
    ("next week", THU, "The deal will be completed next week.", ("2025-W36", "week")),
    ("next week", SUN_DEC, "The squad flies to Dubai next week.", ("2026-W01", "week")),
    ("next weekend", SUN_DEC, "Barcelona host Espanyol next weekend.", ("2026-W01", "week")),
    ("two weeks ago", THU, "He signed two weeks ago.", ("2025-W33", "week")),
    ("3 days ago", THU, "He signed 3 days ago.", ("2025-08-25", "day")),
    # no publication date: relative values are null, anything with a year still resolves
    ("August 30, 2025", None, "Arsenal host Liverpool on August 30, 2025.", ("2025-08-30", "day")),
    ("May 2024", None, "He signed in May 2024.", ("2024-05", "month")),
    ("the 2025-26 season", None, "He will captain the side in the 2025-26 season.", ("2025-26", "season")),
    ("the 2000s", None, "Milan ruled Europe in the 2000s.", ("200X", "decade")),
    ("yesterday", None, "Chelsea signed him yesterday.", NONE),
    ("Saturday", None, "Inter beat Torino on Saturday.", NONE),
    ("Aug 30", None, "The match is scheduled for Aug 30.", NONE),
    ("this season", None, "Arsenal want to win the league this season.", NONE),
    ("next March", None, "The new stand opens next March.", NONE),
    ("last week", None, "He signed last week.", NONE),
    # not dates at all
    ("", THU, "", NONE),
    ("the second half", THU, "He scored in the second half.", NONE),
    ("Premier League", THU, "He plays in the Premier League.", NONE),
    ("8pm", THU, "Kick-off is at 8pm.", NONE),  # a clock time alone is not a date
    ("90 minutes", THU, "He played 90 minutes.", NONE),  # a duration is not a date
]


def _params(rows):
    return [pytest.param(text, ref, context, expected, id=f"{text or '<empty>'}@{ref}") for text, ref, context, expected in rows]


@pytest.mark.parametrize(("text", "ref", "context", "expected"), _params(IT))
def test_normalize_italian(text, ref, context, expected):
    assert normalize(text, "it", ref, context) == expected


@pytest.mark.parametrize(("text", "ref", "context", "expected"), _params(EN))
def test_normalize_english(text, ref, context, expected):
    assert normalize(text, "en", ref, context) == expected


def test_tables_are_large_enough():
    assert len(IT) >= 65 and len(EN) >= 65


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-08-27", "2025-08-27"),
        ("2025-08-27T10:00:00Z", "2025-08-27"),
        ("2025-08-27T23:30:00+02:00", "2025-08-27"),
        ("27 Aug 2025", "2025-08-27"),
        ("Wed, 27 Aug 2025 10:00:00 +0000", "2025-08-27"),
        ("27 agosto 2025", "2025-08-27"),
        ("garbage", None),
        ("", None),
        ("Aug 2025", None),  # no day: not a publication date
    ],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Redazione\n·28 agosto 2025\nL'Inter ha battuto il Torino 5-0 a San Siro.", "it", "2025-08-28"),
        ("MILANO, 28 agosto 2025 – L'Inter ha presentato il nuovo acquisto.", "it", "2025-08-28"),
        ("LONDON, Aug 28, 2025 – Arsenal have signed a new striker.", "en", "2025-08-28"),
        ("By John Smith\nAugust 28, 2025\nArsenal have signed a new striker.", "en", "2025-08-28"),
        ("L'Inter ha battuto il Torino 5-0 a San Siro sabato sera.", "it", None),
        ("Arsenal beat Leeds 5-0 on Saturday.", "en", None),
    ],
)
def test_find_dateline(text, lang, expected):
    assert find_dateline(text, lang) == expected
