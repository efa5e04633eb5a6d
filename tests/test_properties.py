"""Property-based tests: readers, date normalization and language identification never raise."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsextract import dates, langid
from newsextract.readers import Article, ReadError, decode, read_bytes, read_jsonl
from newsextract.schema import ErrorInfo

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ERROR_KINDS = set(get_args(ErrorInfo.model_fields["kind"].annotation))

suffixes = st.one_of(
    st.sampled_from(["", ".txt", ".md", ".text", ".html", ".htm", ".HTML", ".json", ".JSON", ".jsonl", ".png", ".zip", ".csv"]),
    st.from_regex(r"\.[A-Za-z0-9_-]{1,6}", fullmatch=True),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["id", "text", "title", "published", "url", "source", "lang", "x"]) | st.text(max_size=5), inner, max_size=6),
    max_leaves=12,
)
articles = st.fixed_dictionaries(
    {"id": st.one_of(st.text(), st.integers()), "text": st.text()},
    optional={k: st.one_of(st.none(), st.text(), st.integers()) for k in ("title", "published", "url", "source", "lang")},
)
json_lines = st.lists(st.one_of(json_values, articles).map(lambda v: json.dumps(v).encode()) | st.binary(max_size=40), max_size=8)
crafted = st.sampled_from([
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"<html>", b"<p>",
    b"{", b"[", b'{"id": 1, "text": "', "perché è".encode("latin-1"), "€“”".encode("cp1252"), b"\x00", b"\r\n",
])
text_bytes = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(st.one_of(crafted, st.binary(max_size=20), st.text(max_size=20).map(str.encode)), max_size=10).map(b"".join),
    st.text(st.characters(max_codepoint=255), max_size=200).map(lambda t: t.encode("latin-1")),
)


def check_writable(item: Article | ReadError) -> None:
    """What the output writer needs: UTF-8-encodable strings and a schema error kind."""
    assert isinstance(item, (Article, ReadError))
    for value in vars(item).values():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str):
                text.encode("utf-8")
    if isinstance(item, ReadError):
        assert item.kind in ERROR_KINDS
    else:
        assert item.text.strip()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("props")  # an empty folder: no sidecars to find


@SETTINGS
@given(data=text_bytes)
def test_decode_returns_text_or_raises_unicode_error_only(data):
    try:
        text = decode(data)
    except UnicodeError:
        return
    assert isinstance(text, str)
    text.encode("utf-8")


@SETTINGS
@given(text=st.text(max_size=300), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_decode_round_trips_unicode_with_bom_or_utf8(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # lone surrogates
        return
    try:
        assert decode(data) == text
    except UnicodeError:
        assert "\x00" in text or sum(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in text) > 3


@SETTINGS
@given(data=text_bytes, suffix=suffixes)
def test_read_bytes_never_raises(folder, data, suffix):
    path = folder / f"doc{suffix}"
    items = list(read_bytes(data, path, path.name, "doc", max_bytes=250))
    assert items
    if suffix.lower() != ".jsonl":
        assert len(items) == 1 and items[0].source == path.name
    for item in items:
        check_writable(item)


@SETTINGS
@given(data=st.one_of(st.binary(max_size=400), json_lines.map(b"\n".join), json_lines.map(b"\r\n".join)))
def test_read_jsonl_never_raises(data):
    items = list(read_jsonl(data, "feed", "feed.jsonl"))
    lines = [n for n, line in enumerate(data.split(b"\n"), 1) if line.removeprefix(b"\xef\xbb\xbf" if n == 1 else b"").strip()]
    assert [i.source for i in items] == ([f"feed.jsonl:{n}" for n in lines] or ["feed.jsonl"])
    for item in items:
        check_writable(item)


@SETTINGS
@given(lines=st.lists(articles, min_size=1, max_size=6))
def test_read_jsonl_reads_every_good_line(lines):
    items = list(read_jsonl(b"\n".join(json.dumps(v).encode() for v in lines), "feed", "feed.jsonl"))
    assert len(items) == len(lines)
    for value, item in zip(lines, items):
        assert isinstance(item, Article) == (bool(value["text"].strip()) and all(
            value.get(k) is None or isinstance(value[k], str) for k in ("title", "published", "url", "source", "lang")))


@SETTINGS
@given(text=st.text(max_size=80), lang=st.sampled_from(["it", "en", "fr", "", "xx"]),
       ref=st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))),
       context=st.text(max_size=80))
def test_dates_normalize_never_raises(text, lang, ref, context):
    value, granularity = dates.normalize(text, lang, ref, context)
    assert value is None or isinstance(value, str)
    assert granularity is None or isinstance(granularity, str)


@SETTINGS
@given(text=st.one_of(st.text(max_size=200), st.lists(st.sampled_from(["il", "la", "the", "of", "Inter", "gol", "2-1", "!", "\n"]), max_size=30).map(" ".join)),
       forced=st.one_of(st.none(), st.sampled_from(["it", "en", "fr"])), hint=st.one_of(st.none(), st.text(max_size=3)))
def test_langid_detect_never_raises(text, forced, hint):
    result = langid.detect(text, forced=forced, hint=hint)
    assert 0.0 <= result.confidence <= 1.0
    assert result.supported == (result.code in langid.SUPPORTED)
    assert result.method in ("langdetect", "short-text", "metadata", "forced")
