"""Sentence boundaries: spaCy's punctuation rules plus one after every line break."""

from __future__ import annotations

from newsextract.sentences import sentences as sentence_spans
from newsextract.tokenizer import blank


def sentences(text: str) -> list[str]:
    nlp = blank("it")
    nlp.add_pipe("newsextract_sentences")
    return [s.text for s in nlp(text).sents]


def test_line_break_ends_a_headline_without_punctuation():
    assert sentences("Inter, vittoria a Torino\nIl Napoli pareggia. Juve ko") == [
        "Inter, vittoria a Torino\n", "Il Napoli pareggia.", "Juve ko"]


def test_breaks_in_whitespace_tokens_and_after_spaces():
    assert sentences("Titolo\n\nPrimo paragrafo senza punto\n") == ["Titolo\n\n", "Primo paragrafo senza punto\n"]
    assert sentences("A \n B\r\nC  \n\n  D") == ["A \n ", "B\r\n", "C  \n\n  ", "D"]


def test_no_line_break():
    assert sentences("Una sola frase senza punto") == ["Una sola frase senza punto"]


def test_sentence_spans_equal_doc_sents_and_whole_doc_when_unset():
    nlp = blank("en")
    nlp.add_pipe("newsextract_sentences")
    doc = nlp("HEADLINE WITHOUT STOP\nArsenal won. Chelsea lost!\n\nSee also\nMore news")
    assert [s.text for s in sentence_spans(doc)] == [s.text for s in doc.sents]
    bare = blank("en")("No boundaries set here. None at all.")
    assert [s.text for s in sentence_spans(bare)] == [bare.text]
    assert sentence_spans(blank("en")("")) == []
