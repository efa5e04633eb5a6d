"""The knowledge base: size, validation with file and field in errors, lookups."""

from __future__ import annotations

import pytest

from newsextract.kb import KBError, KnowledgeBase, fold


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase()


def test_shipped_kb_sizes(kb):
    assert len(kb.entries["clubs"]) >= 1700
    assert len(kb.entries["venues"]) >= 1100
    assert len(kb.entries["competitions"]) >= 50
    assert len(kb.coaches) >= 600


@pytest.mark.parametrize(
    "label, text, lang, expected",
    [
        ("CLUB", "Inter", None, "inter"),
        ("CLUB", "Internazionale", None, "inter"),
        ("CLUB", "nerazzurri", "it", "inter"),
        ("CLUB", "Olimpia Lubiana", "it", "olimpija-ljubljana"),
        ("CLUB", "Kuopion Palloseura", None, "kups"),
        ("CLUB", "Barça", None, "barcelona"),
        ("CLUB", "Spurs", "en", "tottenham-hotspur"),
        ("VENUE", "Stadio Giuseppe Meazza", None, "san-siro"),
        ("COMPETITION", "Champions League", None, "uefa-champions-league"),
    ],
)
def test_lookup(kb, label, text, lang, expected):
    assert expected in kb.lookup(label, text, lang)


def test_nicknames_can_be_switched_off(kb):
    assert not kb.lookup("CLUB", "nerazzurri", "it", nicknames=False)


def test_every_club_venue_exists(kb):
    for club in kb.entries["clubs"].values():
        assert club.venue is None or club.venue in kb.entries["venues"]


def test_fold():
    assert fold("L’Équipe") == fold("l'equipe") == "lequipe"


def test_invalid_file_names_file_and_field(tmp_path):
    bad = tmp_path / "extra.yaml"
    bad.write_text("clubs:\n  - id: Bad Id\n    name: X\n    country: ITA\n", encoding="utf-8")
    with pytest.raises(KBError) as exc:
        KnowledgeBase([bad])
    msg = str(exc.value)
    assert "extra.yaml" in msg and "clubs.0.id" in msg and "clubs.0.city" in msg


def test_duplicate_ids_and_unknown_venues_are_errors(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("clubs:\n  - {id: inter, name: Inter, country: ITA, city: Milan}\n", encoding="utf-8")
    with pytest.raises(KBError, match="duplicate id 'inter'"):
        KnowledgeBase.with_extra([extra])
    extra.write_text("clubs:\n  - {id: new-club, name: New, country: ITA, city: Bari, venue: nowhere}\n", encoding="utf-8")
    with pytest.raises(KBError, match="unknown venue id 'nowhere'"):
        KnowledgeBase.with_extra([extra])


def test_user_kb_adds_entries(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("clubs:\n  - {id: borgoverde, name: Borgoverde Calcio, aliases: [Borgoverde], country: ITA, city: Borgoverde}\n",
                     encoding="utf-8")
    kb = KnowledgeBase.with_extra([extra])
    assert kb.lookup("CLUB", "borgoverde") == {"borgoverde"}


def test_entries_sharing_a_short_form(kb):
    assert {"manchester-united", "newcastle-united", "leeds-united"} <= kb.sharing("CLUB", "United")
    assert {"bologna", "genoa", "cagliari"} <= kb.sharing("CLUB", "rossoblù")
    assert kb.sharing("CLUB", "Manchester United") == {"manchester-united"}
    assert kb.sharing("VENUE", "Liberati") == {"stadio-libero-liberati"}
    assert kb.sharing("CLUB", "Polpette") == set()


@pytest.mark.parametrize("part", ["Torino", "Benfica", "Juventus", "Roma"])
def test_a_grounds_town_or_club_is_no_short_form_of_it(kb, part):
    """Words a ground is named for by its town or club far more often name the club or the town."""
    assert kb.sharing("VENUE", part) == set()


def _coaches(tmp_path, name: str, body: str):
    path = tmp_path / name
    path.write_text("coaches:\n" + body, encoding="utf-8")
    return path


def test_coach_spells_are_validated_with_file_and_field(tmp_path):
    bad = _coaches(tmp_path, "coaches_x.yaml", "  - {id: x-y, name: X Y, tenures: [{club: napoli, start: 'May 2024'}]}\n")
    with pytest.raises(KBError, match=r"coaches_x.yaml: field coaches.0.tenures.0.start"):
        KnowledgeBase.with_extra([bad])
    bad.write_text("coaches:\n  - {id: x-y, name: X Y, tenures: [{club: atlantis-fc, start: 2024-05}]}\n", encoding="utf-8")
    with pytest.raises(KBError, match="coaches.x-y.tenures.club: unknown club id 'atlantis-fc'"):
        KnowledgeBase.with_extra([bad])


def test_a_coach_listed_in_two_files_keeps_every_spell(tmp_path):
    first = _coaches(tmp_path, "a.yaml", "  - {id: zz-coach, name: Zeno Zanetti, tenures: [{club: napoli, start: 2022-07-01, end: 2023-06-30}]}\n")
    second = _coaches(tmp_path, "b.yaml", "  - {id: zz-coach, name: Zeno Zanetti, aliases: [Zenone Zanetti], "
                                          "tenures: [{club: tottenham-hotspur, start: 2023-07-01}]}\n")
    kb = KnowledgeBase.with_extra([first, second])
    coach = kb.coaches["zz-coach"]
    assert {t.club for t in coach.tenures} == {"napoli", "tottenham-hotspur"} and coach.aliases == ["Zenone Zanetti"]


def test_a_coach_is_read_as_the_club_they_ran_that_day_among_those_named(tmp_path):
    extra = _coaches(tmp_path, "c.yaml", "  - {id: zz-coach, name: Zeno Zanetti, tenures: [{club: napoli, start: 2022-07-01, end: 2023-06}, "
                                         "{club: tottenham-hotspur, start: 2023-07-01}]}\n")
    kb = KnowledgeBase.with_extra([extra])
    named = {"napoli", "tottenham-hotspur", "inter"}
    assert kb.coached("Zeno Zanetti", "2023-03-01", named) == "napoli"
    assert kb.coached("Zanetti", "2024-03-01", named) == "tottenham-hotspur"
    assert kb.coached("Zanetti", "2024-03-01", {"napoli", "inter"}) is None
    assert kb.coached("Zanetti", None, named) is None
    assert kb.coached("Zanetti", None, {"inter", "napoli"}) == "napoli"
