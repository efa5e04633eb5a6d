"""The extraction core over every sample and corpus document: offsets that round-trip, valid records."""

from __future__ import annotations

import pytest

from newsextract.corpus import read_jsonl
from newsextract.extract import Options, build_entities, extract_batch
from newsextract.readers import Article, read_inputs, sha256

from conftest import CORPORA, SAMPLES
from helpers import annotate


def corpus_articles() -> list[Article]:
    out = []
    for path in sorted(CORPORA.glob("[ie][tn]/*.jsonl")):
        for doc in read_jsonl(path):
            out.append(Article(doc["id"], doc["id"], sha256(doc["text"].encode()), doc["text"], published=doc["meta"].get("published")))
    return out


@pytest.mark.slow
def test_every_mention_round_trips_on_samples_and_corpora(pipes):
    articles = [a for a in read_inputs([str(SAMPLES)]) if isinstance(a, Article)] + corpus_articles()
    assert len(articles) > 600
    for article, record in zip(articles, extract_batch(articles, pipes, Options())):
        assert record.text_length == len(article.text)
        for entity in record.entities:
            for m in entity.mentions:
                assert article.text[m.start : m.end] == m.text, (article.doc_id, m)
        for event in record.events:
            assert article.text[event.evidence.start : event.evidence.end] == event.evidence.text


def test_record_for_unsupported_language_has_no_entities(pipes):
    text = "Le Paris Saint-Germain a battu l'Olympique de Marseille trois buts à zéro au Parc des Princes dimanche soir."
    [record] = extract_batch([Article("fr", "fr.txt", sha256(text.encode()), text)], pipes, Options())
    assert record.language.code == "fr" and not record.language.supported
    assert record.entities == [] and any("not supported" in w for w in record.warnings)


def test_relative_dates_need_a_publication_date(pipes):
    text = "Martedì sera il Napoli ha battuto la Roma 2-1 al Maradona davanti a cinquantamila tifosi."
    article = Article("x", "x.txt", sha256(text.encode()), text)
    [undated] = extract_batch([article], pipes, Options())
    [dated] = extract_batch([article], pipes, Options(reference_date="2025-08-28"))
    value = lambda r: [e.value for e in r.entities if e.type == "DATE"]  # noqa: E731
    assert value(undated) == [None] and value(dated) == ["2025-08-26"]
    assert dated.published_from == "cli" and any("publication date" in w for w in undated.warnings)


def test_an_unknown_club_however_named_is_one_entity(en):
    doc = annotate(en, "Kelsington Rovers beat Bury 2-0. Kelsington now top the table.", clubs=("Kelsington Rovers", "Kelsington"))
    entities, _ = build_entities(doc)
    kelsington = [e for e in entities if e["name"].startswith("Kelsington")]
    assert len(kelsington) == 1 and kelsington[0]["name"] == "Kelsington Rovers"
    assert [m["text"] for m in kelsington[0]["mentions"]] == ["Kelsington Rovers", "Kelsington"]
