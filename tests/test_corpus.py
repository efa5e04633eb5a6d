"""The corpora: exact offsets, valid annotations, honest splits, exact conversion."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsextract.corpus import LABELS, CorpusError, build, check_article, parse_file, parse_markup, read_jsonl
from newsextract.tokenizer import blank

from conftest import CORPORA, SAMPLES

LANGS = [d.name for d in sorted(CORPORA.iterdir()) if (d / "src").is_dir()]


def corpus_docs():
    for lang in LANGS:
        for split in ("train", "dev", "test"):
            path = CORPORA / lang / f"{split}.jsonl"
            if path.exists():
                for doc in read_jsonl(path):
                    yield lang, split, doc


def test_markup_offsets_round_trip():
    text, spans = parse_markup("L'[Inter](CLUB) di [Chivu](PERSON|Cristian Chivu) [martedì](DATE|2025-08-26).")
    assert text == "L'Inter di Chivu martedì."
    assert [text[s["start"]:s["end"]] for s in spans] == ["Inter", "Chivu", "martedì"]
    assert spans[1]["norm"] == "Cristian Chivu" and spans[2]["norm"] == "2025-08-26"


def test_checker_reports_problems(tmp_path):
    src = tmp_path / "train_x.txt"
    src.write_text("### id: x-1\n### published: 2025-08-28\n[Keker](PERSON|Kirill Keker) [ieri](DATE) [Inte](CLUB)r\n"
                   '@event {"type": "match_result", "home": "Milan"}\n', encoding="utf-8")
    problems = " ".join(check_article(parse_file(src)[0], blank("it").tokenizer))
    assert "Kirill Keker" in problems and "needs a value" in problems and "token boundaries" in problems and "Milan" in problems


def test_bad_event_json_names_file_and_line(tmp_path):
    src = tmp_path / "train_x.txt"
    src.write_text("### id: x-1\n### published: 2025-08-28\ntesto\n@event {bad json}\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"train_x.txt:4"):
        parse_file(src)


@pytest.mark.parametrize("lang", LANGS)
def test_built_jsonl_equals_conversion_of_sources(lang):
    """The committed JSONL is exactly what the converter makes of the authoring files."""
    splits = build(CORPORA / lang, blank(lang).tokenizer)
    for split, articles in splits.items():
        committed = (CORPORA / lang / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
        assert committed == [json.dumps(a.to_json(), ensure_ascii=False) for a in articles]


def test_every_span_round_trips_and_is_valid():
    toks = {lang: blank(lang).tokenizer for lang in LANGS}
    n = 0
    for lang, _, doc in corpus_docs():
        spans = sorted(doc["spans"], key=lambda s: s["start"])
        prev = 0
        tokens = toks[lang](doc["text"])
        for sp in spans:
            assert sp["label"] in LABELS
            assert sp["start"] >= prev, f"{doc['id']}: overlapping spans"
            assert tokens.char_span(sp["start"], sp["end"]) is not None, f"{doc['id']}: {sp}"
            prev = sp["end"]
            n += 1
    assert n > 0


def test_no_text_shared_between_splits():
    seen: dict[str, tuple[str, str]] = {}
    for lang, split, doc in corpus_docs():
        for sent in re.split(r"(?<=[.!?])\s+|\n", doc["text"]):
            sent = sent.strip()
            if len(sent) < 60:
                continue
            other = seen.setdefault(sent, (split, doc["id"]))
            assert other[0] == split, f"{doc['id']} ({split}) shares a sentence with {other[1]} ({other[0]}): {sent!r}"


def test_test_split_has_unseen_names():
    """At least 30% of the test split's clubs and people never occur in train."""
    for lang in LANGS:
        train = {doc["text"][s["start"]:s["end"]].casefold() for _, split, doc in corpus_docs() if split == "train"
                 for s in doc["spans"] if s["label"] in ("CLUB", "PERSON")}
        test = {doc["text"][s["start"]:s["end"]].casefold() for l, split, doc in corpus_docs() if split == "test" and l == lang
                for s in doc["spans"] if s["label"] in ("CLUB", "PERSON")}
        if test:
            assert len(test - train) / len(test) >= 0.3


def test_sample_articles_are_original_and_readable():
    from newsextract.readers import Article, read_inputs

    items = list(read_inputs([str(SAMPLES)]))
    assert items and all(isinstance(i, Article) for i in items)
    suffixes = {p.suffix for p in Path(SAMPLES).iterdir()}
    assert {".txt", ".md", ".html", ".json", ".jsonl"} <= suffixes
