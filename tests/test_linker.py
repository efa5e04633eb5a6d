"""Linking: KB ids, outlets that hold club names, places versus clubs, nicknames."""

from __future__ import annotations

import pytest

from newsextract.linker import span_key

from helpers import annotate


def ents(doc):
    return [(e.text, e.label_, e.kb_id_) for e in doc.ents]


def test_aliases_link_to_one_club(it):
    doc = it("L'Internazionale di Chivu e l'Inter Milano sono la stessa squadra: i nerazzurri giocano a San Siro.")
    assert {kb for _, label, kb in ents(doc) if label == "CLUB"} == {"inter"}
    assert ("San Siro", "VENUE", "san-siro") in ents(doc)


def test_outlet_names_are_not_clubs(it):
    doc = it("Inter News 24 e Milan TV raccontano la partita della Juventus.")
    assert [e[0] for e in ents(doc)] == ["Juventus"]


def test_exonym_and_full_name(it):
    doc = it("Prima l'Olimpia Lubiana, poi il Kuopion Palloseura.")
    assert [e[2] for e in ents(doc)] == ["olimpija-ljubljana", "kups"]


def test_city_reading_of_a_club_name_is_dropped(en):
    doc = en("The squad flew to Milan on Monday before facing Juventus.")
    assert [e[0] for e in ents(doc)] == ["Juventus"]


def test_nickname_needs_football_context(it):
    assert ents(it("Il derby: i nerazzurri hanno vinto la partita.")) == [("nerazzurri", "CLUB", "inter")]
    assert all(e[2] != "inter" for e in ents(it("Le maglie nerazzurri sono in vendita.")))


def test_model_label_overridden_by_kb_for_known_names(it):
    doc = it.make_doc("Slovan Bratislava ha giocato bene.")
    doc.ents = [doc.char_span(0, 17, label="PERSON")]
    for _, proc in it.pipeline:
        doc = proc(doc)
    assert ents(doc) == [("Slovan Bratislava", "CLUB", "slovan-bratislava")]


def test_token_flags_find_sentence_openers(it):
    from newsextract.linker import TokenFlags

    doc = it("«Ieri sera il Napoli ha vinto.» ** Domani si gioca.\n\n– Teams drawn, Inter 24 ore")
    flags = TokenFlags.of(doc)
    opener = [all(t.is_punct or t.is_space for t in tok.sent[: tok.i - tok.sent.start]) for tok in doc]
    assert [flags.opens_sentence(i) for i in range(len(doc))] == opener
    assert [doc[i].text for i in range(len(doc)) if flags.opens_sentence(i) and doc[i].is_alpha] == ["Ieri", "Domani", "Teams"]


def test_short_name_takes_the_club_the_article_names(pipes):
    nlp = pipes.get("en")
    doc = nlp("Manchester United beat Fulham 1-0 at Old Trafford on Saturday. United host Brighton next week.")
    assert ("United", "CLUB", "manchester-united") in ents(doc)
    doc = nlp("Newcastle United beat Fulham 1-0 at St James' Park on Saturday. United host Brighton next week.")
    assert ("United", "CLUB", "newcastle-united") in ents(doc)
    doc = nlp("Manchester United and Newcastle United both won on Saturday. United host Brighton next week.")
    assert ("United", "CLUB", "newcastle-united") in ents(doc)


def test_shared_nickname_follows_the_article(it):
    doc = it("Il Bologna ha battuto il Verona 2-0. I rossoblù salgono al quarto posto in classifica.")
    assert ("rossoblù", "CLUB", "bologna") in ents(doc)
    doc = it("L'Atalanta ha battuto il Lecce 3-1 in campionato. I nerazzurri di Gasperini volano.")
    assert ("nerazzurri", "CLUB", "atalanta") in ents(doc)


def test_shared_nickname_without_a_named_club_stays_as_read(it):
    doc = it("Il derby: i rossoblù hanno vinto la partita.")
    assert all(kb == "" for _, label, kb in ents(doc) if label == "CLUB")


def test_part_of_a_named_clubs_name_is_that_club(it):
    doc = annotate(it, "Lo Sparta Praga ha vinto. Ora lo Sparta guida la classifica.", clubs=("Sparta Praga", "Sparta"))
    assert ("Sparta", "CLUB", "sparta-prague") in ents(doc)


def test_part_of_an_unnamed_clubs_name_stays_unlinked(it):
    """A club the KB lacks may share a word with one it has."""
    assert ("Sparta", "CLUB", "") in ents(annotate(it, "Lo Sparta ha vinto il derby.", clubs=("Sparta",)))


def test_part_of_one_grounds_name_read_as_a_club_is_that_ground(it):
    doc = annotate(it, "La Sampdoria vince 2-1 al Liberati contro la Ternana.", clubs=("Liberati",))
    assert ("Liberati", "VENUE", "stadio-libero-liberati") in ents(doc)


def test_a_town_several_clubs_share_read_as_a_club_is_a_place(en):
    doc = annotate(en, "The coach moved to Manchester in the summer.", clubs=("Manchester",))
    assert ("Manchester", "LOCATION", "") in ents(doc)


def test_short_form_of_an_unknown_club_is_the_same_club(en):
    """'Kelsington' beside 'Kelsington Rovers' (a club the KB lacks) is one club, not two."""
    doc = annotate(en, "Kelsington Rovers beat Bury 2-0. Kelsington now top the table.", clubs=("Kelsington Rovers", "Kelsington"))
    long, short = (e for e in doc.ents if e.text.startswith("Kelsington"))
    assert span_key(short) == span_key(long) == "kelsington rovers"


def test_short_form_shared_by_two_unknown_clubs_stays_apart(en):
    doc = annotate(en, "Kelsington Rovers and Kelsington Athletic drew. Kelsington fans left early.",
                   clubs=("Kelsington Rovers", "Kelsington Athletic", "Kelsington"))
    assert doc._.club_forms == {}


def test_kb_name_extends_a_part_the_model_found(en):
    doc = annotate(en, "Rangers lost at home to Queen's Park in the cup.", clubs=("Queen",))
    assert ("Queen's Park", "CLUB", "queens-park") in ents(doc)


def test_model_span_that_is_a_kb_name_is_kept(en):
    """'the Eagles' is a KB form too, but 'Eagles' is a name of its own."""
    doc = annotate(en, "They beat the Eagles 2-0 last week.", clubs=("Eagles",))
    assert [text for text, label, _ in ents(doc) if label == "CLUB"] == ["Eagles"]


@pytest.mark.parametrize("word, demonym", [("Kazakh", True), ("kazaki", True), ("Brazilian", True), ("English", True),
                                           ("Cypriot", True), ("Greek", True),
                                           ("Maldini", False), ("Liberati", False), ("Barbieri", False)])
def test_demonyms_of_known_countries_but_not_surnames_like_them(pipes, word, demonym):
    assert pipes.get("it").get_pipe("newsextract_linker")._demonym(word) is demonym


def test_a_town_in_a_named_clubs_name_is_the_town(en):
    doc = annotate(en, "Kairat Almaty drew. Visitors must travel far to reach Almaty.", clubs=("Almaty",))
    assert ("Almaty", "LOCATION", "") in ents(doc)


def test_an_unknown_plural_nickname_after_the_article_is_the_club_last_named(en, it):
    doc = annotate(en, "Union Saint-Gilloise won the title. It takes the Unionists into the Champions League.", clubs=("Unionists",))
    assert ("Unionists", "CLUB", "union-saint-gilloise") in ents(doc)
    doc = annotate(it, "Il Panathinaikos ha vinto. I Trifogli salgono al terzo posto.", clubs=("Trifogli",))
    assert ("Trifogli", "CLUB", "panathinaikos") in ents(doc)
    # a name also written without the article is a name, not a nickname
    doc = annotate(en, "Celtic beat Colliers 2-0. The Colliers had won their last three.", clubs=("Colliers",))
    assert [kb for text, label, kb in ents(doc) if text == "Colliers"] == ["", ""]


def test_elided_articles_and_stage_words_are_no_names(it):
    doc = annotate(it, "Parla Rossi all’orgoglio sportivo: il Kairat approda alla League Phase.", people=("Rossi all’", "Phase"))
    assert [text for text, label, _ in ents(doc) if label == "PERSON"] == ["Rossi"]


def test_a_town_in_a_named_clubs_name_read_as_a_person_is_the_town(en):
    doc = annotate(en, "Kairat Almaty won. Celtic will travel far to reach Almaty, a city near China.", people=("Almaty",))
    assert ("Almaty", "LOCATION", "") in ents(doc)


def test_a_country_also_named_as_a_place_is_the_place_when_no_national_team_plays(en):
    text = "Kairat Almaty of Kazakhstan beat Celtic. Geographically, Kazakhstan is one of the largest countries."
    doc = annotate(en, text, clubs=("Kazakhstan",))
    assert [label for t, label, _ in ents(doc) if t == "Kazakhstan"] == ["LOCATION", "LOCATION"]
    doc = annotate(en, "Italy beat Kazakhstan 2-0 in Kazakhstan.", clubs=("Kazakhstan", "Italy"))
    assert [label for t, label, _ in ents(doc) if t == "Kazakhstan"][0] == "CLUB"


def test_an_ordinary_word_in_capitals_is_no_name(pipes):
    """The shipped Italian linker (it knows the corpus's ordinary words), given 'VIDEO' as a person."""
    nlp = pipes.get("it")
    text = "La reazione della squadra al sorteggio di Champions League – VIDEO"
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(text.index("VIDEO"), len(text), label="PERSON")]
    for name, proc in nlp.pipeline:
        if name not in ("tok2vec", "ner"):
            doc = proc(doc)
    assert "VIDEO" not in {e.text for e in doc.ents}


def test_a_club_read_on_a_persons_surname_is_the_person(en):
    doc = annotate(en, "Swindon appointed Ian Holloway. Holloway, 61, last managed Grimsby Town.", people=("Ian Holloway",), clubs=("Holloway",))
    assert [label for text, label, _ in ents(doc) if text == "Holloway"] == ["PERSON"]


def test_a_surname_is_a_coach_only_under_the_full_name_the_article_gives_it(en):
    from helpers import annotate

    text = "Bayer Leverkusen beat Bayern 2-0. Marcos Alonso watched from the stands; Alonso has not played since March. Xabi Alonso was pleased."
    doc = annotate(en, text, people=("Marcos Alonso", "Alonso", "Xabi Alonso"), published="2024-03-10")
    coached = {text[start : text.index(" ", start)]: club for start, club in doc._.coached.items()}
    assert coached == {"Xabi": "bayer-leverkusen"}
