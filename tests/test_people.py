"""One entity per person, with role and club where stated."""

from __future__ import annotations


from newsextract.extract import build_entities

from helpers import annotate



def people(doc):
    entities, _ = build_entities(doc)
    return {e["name"]: ([m["text"] for m in e["mentions"]], e["role"], e["club"]) for e in entities if e["type"] == "PERSON"}


def test_surname_after_full_name_merges_with_role_and_club(it):
    doc = annotate(it, "L'Inter di Cristian Chivu sfida il tecnico Kirill Keker. Keker è carico, Chivu pure.",
                   people=("Cristian Chivu", "Kirill Keker", "Keker", "Chivu"))
    got = people(doc)
    assert got["Kirill Keker"] == (["Kirill Keker", "Keker"], "coach", None)
    assert got["Cristian Chivu"] == (["Cristian Chivu", "Chivu"], None, "Inter")


def test_surname_before_full_name_merges_only_when_unique(it):
    doc = annotate(it, "Rossi segna. Poi Paolo Rossi esulta.", people=("Paolo Rossi", "Rossi"))
    assert people(doc)["Paolo Rossi"][0] == ["Rossi", "Paolo Rossi"]
    doc = annotate(it, "Inzaghi parla. Simone Inzaghi e Filippo Inzaghi sono fratelli.",
                   people=("Simone Inzaghi", "Filippo Inzaghi", "Inzaghi"))
    assert set(people(doc)) == {"Inzaghi", "Simone Inzaghi", "Filippo Inzaghi"}


def test_multiword_surname(it):
    doc = annotate(it, "Erik ten Hag è a Leverkusen. Ten Hag sorride, ten Hag parla.", people=("Erik ten Hag", "ten Hag", "Ten Hag"))
    assert people(doc)["Erik ten Hag"][0] == ["Erik ten Hag", "Ten Hag", "ten Hag"]


def test_a_players_club_stated_before_his_position(en):
    doc = annotate(en, "Wolves bid for Genk striker Tolu Arokodare and for Brentford's young forward Bryan Mbeumo.",
                   people=("Tolu Arokodare", "Bryan Mbeumo"))
    got = people(doc)
    assert (got["Tolu Arokodare"][2], got["Bryan Mbeumo"][2]) == ("Genk", "Brentford")
