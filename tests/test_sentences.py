"""Sentence boundaries: spaCy's punctuation rules plus one after every line break."""

from __future__ import annotations

from newsextract.corpus import read_jsonl
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


def test_punctuation_rules_equal_spacy_sentencizer(root):
    """The array-based rules give spaCy's Sentencizer boundaries wherever no line break intervenes."""
    ours, theirs = blank("it"), blank("it")
    ours.add_pipe("newsextract_sentences")
    theirs.add_pipe("sentencizer")
    texts = [d["text"] for lang in ("it", "en") for d in read_jsonl(root / "corpora" / lang / "dev.jsonl")]
    texts += ["", "   ", "...", "Fine!!! E poi? «Sì.» Basta", "No punctuation at all"]
    for text in texts:
        flat = text.replace("\n", " ")
        assert [s.text for s in ours(flat).sents] == [s.text for s in theirs(flat).sents]
