"""Our spaCy components: assembled, serialized, reloaded, and run with n_process=2."""

from __future__ import annotations

import spacy

from newsextract.pipeline import OUR_COMPONENTS, assemble, ruler_only
from newsextract.tokenizer import blank

TEXTS = [
    "L'Inter ha battuto il Torino 5-0 a San Siro. I nerazzurri volano in Serie A.",
    "Inter News 24 racconta la vittoria del Kairat Almaty contro il Celtic ai rigori.",
    "Arsenal beat Chelsea 2-1 at the Emirates Stadium in the Premier League.",
]


def summary(doc):
    return ([(e.text, e.label_, e.kb_id_, e._.value) for e in doc.ents], doc._.events)


def test_assemble_adds_components_in_order():
    nlp = ruler_only("it")
    assert nlp.pipe_names[0] == "newsextract_sentences"
    assert [n for n in nlp.pipe_names if n in OUR_COMPONENTS] == list(OUR_COMPONENTS)
    assert assemble(nlp).pipe_names == nlp.pipe_names


def test_round_trip_to_disk(tmp_path):
    nlp = ruler_only("it")
    nlp.to_disk(tmp_path / "it")
    again = spacy.load(tmp_path / "it")
    assert again.pipe_names == nlp.pipe_names
    for text in TEXTS:
        assert summary(again(text)) == summary(nlp(text))


def test_tokenizer_round_trip(tmp_path):
    nlp = blank("it")
    nlp.to_disk(tmp_path / "tok")
    assert [t.text for t in spacy.load(tmp_path / "tok")("Juve-Milan in Serie A.")] == ["Juve", "-", "Milan", "in", "Serie", "A", "."]


def test_n_process_2_matches_single_process():
    nlp = ruler_only("it")
    single = [summary(d) for d in nlp.pipe(TEXTS)]
    multi = [summary(d) for d in nlp.pipe(TEXTS, n_process=2, batch_size=1)]
    assert multi == single
    assert any(s[1] for s in single)


def test_label_map_for_foreign_pipelines():
    nlp = blank("en")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([{"label": "PER", "pattern": "Mikel Arteta"}, {"label": "ORG", "pattern": "Arsenal"},
                        {"label": "MONEY", "pattern": "£40m"}])
    assemble(nlp, label_map={"ORG": "CLUB"})
    doc = nlp("Mikel Arteta wants Arsenal to spend £40m.")
    assert {(e.text, e.label_) for e in doc.ents} == {("Mikel Arteta", "PERSON"), ("Arsenal", "CLUB")}
