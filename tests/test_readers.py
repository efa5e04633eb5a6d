"""Unit tests of the readers: every input becomes an Article or a ReadError, in a stable order."""

from __future__ import annotations

import hashlib
import io
import json
import os
import sys
from pathlib import Path

import pytest

from newsextract import readers
from newsextract.readers import Article, ReadError, decode, discover, doc_id_for, read_bytes, read_jsonl

from helpers import only, read_all

IT_TEXT = ("L'Inter ha battuto il Torino 5-0 a San Siro nella prima giornata di Serie A. "
           "Lautaro Martinez ha segnato una doppietta e Marcus Thuram ha aggiunto altre due reti.\n")
EN_TEXT = "Arsenal beat Chelsea 2-1 at the Emirates on Saturday evening in front of a sold-out crowd.\n"

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="it"><head><meta charset="utf-8"><title>Inter travolge il Torino</title>
<meta property="og:title" content="Inter travolge il Torino 5-0">
<meta property="article:published_time" content="2025-08-25T20:45:00+02:00">
<meta property="og:site_name" content="Gazzetta Esempio">
<link rel="canonical" href="https://example.com/calcio/inter-torino"></head>
<body><nav><a href="/">Home</a> | <a href="/calcio">Calcio</a></nav>
<article><h1>Inter travolge il Torino 5-0</h1>
<p>L'Inter ha battuto il Torino 5-0 a San Siro nella prima giornata di Serie A. Lautaro Martinez ha segnato una
doppietta e Marcus Thuram ha aggiunto altre due reti nel secondo tempo, davanti a settantamila tifosi.</p>
<p>Cristian Chivu, al debutto in campionato sulla panchina nerazzurra, ha elogiato la squadra dopo la partita:
una prova di carattere contro un avversario che non ha mai smesso di lottare.</p>
</article><footer><p>Copyright 2025 Esempio S.p.A.</p></footer></body></html>
"""
NO_ARTICLE_HTML = """<!DOCTYPE html><html><head><title>Calcio</title><meta name="description" content="Notizie">
<script>window.dataLayer = [];</script><style>body { margin: 0 }</style></head>
<body><div id="app"></div><script src="/bundle.js"></script></body></html>
"""


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path



def sha(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


# --- text, Markdown and sidecars ---------------------------------------------------------------

def test_text_file_without_sidecar(tmp_path):
    write(tmp_path / "derby.txt", IT_TEXT)
    art = only(read_all(tmp_path))
    assert isinstance(art, Article)
    assert (art.doc_id, art.source, art.text, art.sha256) == ("derby", "derby.txt", IT_TEXT, sha(IT_TEXT))
    assert (art.title, art.published, art.url, art.outlet, art.lang, art.warnings) == (None, None, None, None, None, [])


def test_text_with_sidecar_metadata(tmp_path):
    write(tmp_path / "derby.txt", IT_TEXT)
    write(tmp_path / "derby.meta.json", json.dumps({
        "title": "Inter-Torino 5-0", "published": "2025-08-26T22:10:00Z", "url": "https://example.com/a",
        "source": "Gazzetta Esempio", "lang": " IT-it ", "author": "ignored: unknown fields are fine"}))
    art = only(read_all(tmp_path))  # the sidecar is metadata, not an input of its own
    assert isinstance(art, Article) and art.warnings == []
    assert (art.title, art.published, art.url, art.outlet, art.lang) == (
        "Inter-Torino 5-0", "2025-08-26", "https://example.com/a", "Gazzetta Esempio", "it")
    assert art.sha256 == sha(IT_TEXT)  # of the article bytes, not the sidecar


def test_sidecar_with_a_date_that_is_not_a_date_warns(tmp_path):
    write(tmp_path / "a.txt", IT_TEXT)
    write(tmp_path / "a.meta.json", json.dumps({"title": "T", "published": "last tuesday-ish"}))
    art = only(read_all(tmp_path))
    assert isinstance(art, Article) and art.title == "T" and art.published is None
    assert len(art.warnings) == 1 and "published" in art.warnings[0]


@pytest.mark.parametrize("sidecar", [
    b"{not json", b"[1, 2, 3]", b'{"title": 42}', b'{"published": ["2025-08-26"]}', b"", b"\xff\xfe\x00garbage",
    b"[" * 50_000,
])
def test_invalid_sidecar_is_a_warning_not_a_failure(tmp_path, sidecar):
    write(tmp_path / "a.txt", IT_TEXT)
    write(tmp_path / "a.meta.json", sidecar)
    art = only(read_all(tmp_path))
    assert isinstance(art, Article) and art.text == IT_TEXT
    assert art.title is None and art.published is None
    assert len(art.warnings) == 1 and "a.meta.json" in art.warnings[0]


def test_sidecar_that_is_a_directory_is_ignored(tmp_path):
    write(tmp_path / "a.txt", IT_TEXT)
    (tmp_path / "a.meta.json").mkdir()
    art = only(read_all(tmp_path))
    assert isinstance(art, Article) and art.warnings == []


def test_markdown(tmp_path):
    md = "# Inter-Torino 5-0\n\n*San Siro*, 25 agosto. " + IT_TEXT
    write(tmp_path / "notes" / "match.md", md)
    write(tmp_path / "notes" / "match.meta.json", '{"title": "Da sidecar"}')
    art = only(read_all(tmp_path))
    assert isinstance(art, Article)
    assert (art.doc_id, art.source, art.text, art.title) == ("match", "notes/match.md", md, "Da sidecar")


def test_file_without_suffix_is_text(tmp_path):
    write(tmp_path / "ARTICLE", EN_TEXT)
    art = only(read_all(tmp_path))
    assert isinstance(art, Article) and (art.doc_id, art.text) == ("ARTICLE", EN_TEXT)


def test_utf8_bom_is_dropped(tmp_path):
    write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + IT_TEXT.encode())
    art = only(read_all(tmp_path))
    assert isinstance(art, Article) and art.text == IT_TEXT and art.warnings == []


# --- HTML --------------------------------------------------------------------------------------

def test_html_article_text_and_metadata(tmp_path):
    write(tmp_path / "inter.html", ARTICLE_HTML)
    art = only(read_all(tmp_path))
    assert isinstance(art, Article), art
    assert (art.doc_id, art.source, art.sha256) == ("inter", "inter.html", sha(ARTICLE_HTML))
    assert art.title == "Inter travolge il Torino 5-0"
    assert art.published == "2025-08-25"
    assert art.url == "https://example.com/calcio/inter-torino"
    assert art.outlet == "Gazzetta Esempio"
    assert "Lautaro Martinez ha segnato una" in art.text and "Chivu" in art.text
    assert "Copyright" not in art.text and "<p>" not in art.text


def test_html_sidecar_overrides_page_metadata(tmp_path):
    write(tmp_path / "inter.htm", ARTICLE_HTML)
    write(tmp_path / "inter.meta.json", '{"title": "Titolo del crawler", "published": "2025-08-26"}')
    art = only(read_all(tmp_path))
    assert isinstance(art, Article)
    assert (art.title, art.published, art.url) == ("Titolo del crawler", "2025-08-26", "https://example.com/calcio/inter-torino")


@pytest.mark.parametrize("html", [NO_ARTICLE_HTML, "<html><head><title>Vuota</title></head><body></body></html>", "<", "   \n"])
def test_html_without_article_is_empty(tmp_path, html):
    write(tmp_path / "page.html", html)
    err = only(read_all(tmp_path))
    assert isinstance(err, ReadError) and err.kind == "empty"
    assert (err.doc_id, err.source, err.sha256) == ("page", "page.html", sha(html))


def test_html_in_latin1(tmp_path):
    html = ARTICLE_HTML.replace("charset=\"utf-8\"", "charset=\"iso-8859-1\"").replace("5-0 a San Siro", "5-0 a San Siro, città in festa")
    write(tmp_path / "latin.html", html.encode("latin-1"))
    art = only(read_all(tmp_path))
    assert isinstance(art, Article) and "città in festa" in art.text


# --- JSON --------------------------------------------------------------------------------------

def test_json_object(tmp_path):
    data = json.dumps({"id": 42, "text": IT_TEXT, "title": "Inter-Torino", "published": "26 Aug 2025",
                       "url": "https://example.com/42", "source": "Esempio", "lang": "it", "extra": {"a": 1}})
    write(tmp_path / "feed" / "item.json", data)
    art = only(read_all(tmp_path))
    assert isinstance(art, Article)
    assert (art.doc_id, art.source, art.sha256, art.text) == ("42", "feed/item.json", sha(data), IT_TEXT)
    assert (art.title, art.published, art.url, art.outlet, art.lang) == ("Inter-Torino", "2025-08-26", "https://example.com/42", "Esempio", "it")


@pytest.mark.parametrize("data, kind", [
    ('{"id": "a"}', "format"),
    ('{"text": "no id"}', "format"),
    ('{"id": "a", "text": 5}', "format"),
    ('{"id": [1], "text": "x"}', "format"),
    ('[{"id": "a", "text": "x"}]', "format"),
    ('"just a string"', "format"),
    ("{'id': 'a', 'text': 'single quotes'}", "format"),
    ('{"id": "a", "text": "x"', "format"),
    ("[" * 100_000, "format"),
    ("", "empty"),
    (" \n\t", "empty"),
])
def test_bad_json_object(tmp_path, data, kind):
    write(tmp_path / "bad.json", data)
    err = only(read_all(tmp_path))
    assert isinstance(err, ReadError) and err.kind == kind, err
    assert (err.doc_id, err.source, err.sha256) == ("bad", "bad.json", sha(data))


def test_json_object_with_blank_text_is_empty(tmp_path):
    write(tmp_path / "blank.json", '{"id": "a", "text": " \\n "}')
    err = only(read_all(tmp_path))
    assert isinstance(err, ReadError) and (err.doc_id, err.source, err.kind) == ("a", "blank.json", "empty")


def test_json_in_utf16_with_bom(tmp_path):
    write(tmp_path / "w.json", json.dumps({"id": "w", "text": "Perché è così"}, ensure_ascii=False).encode("utf-16"))
    art = only(read_all(tmp_path))
    assert isinstance(art, Article) and art.text == "Perché è così"


# --- JSONL -------------------------------------------------------------------------------------

def test_jsonl_good_malformed_and_wrong_type_lines(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": IT_TEXT, "published": "2025-08-26"}),   # 1 good
        "",                                                                     # 2 blank: skipped
        "{not json at all",                                                     # 3 malformed
        json.dumps([1, 2, 3]),                                                  # 4 wrong type: array
        "17",                                                                   # 5 wrong type: number
        json.dumps({"id": "a6", "text": 17}),                                   # 6 wrong field type
        json.dumps({"id": "a7"}),                                               # 7 missing text
        json.dumps({"id": 8, "text": EN_TEXT, "title": "Arsenal"}),             # 8 good, int id
        json.dumps({"id": "a9", "text": "  "}),                                 # 9 empty text
        "   ",                                                                  # 10 blank
    ]
    data = "\n".join(lines) + "\n"
    write(tmp_path / "feed.jsonl", data)
    items = read_all(tmp_path)
    got = [(type(i).__name__, i.doc_id, i.source, getattr(i, "kind", None)) for i in items]
    assert got == [
        ("Article", "a1", "feed.jsonl:1", None),
        ("ReadError", "feed:3", "feed.jsonl:3", "format"),
        ("ReadError", "feed:4", "feed.jsonl:4", "format"),
        ("ReadError", "feed:5", "feed.jsonl:5", "format"),
        ("ReadError", "feed:6", "feed.jsonl:6", "format"),
        ("ReadError", "feed:7", "feed.jsonl:7", "format"),
        ("Article", "8", "feed.jsonl:8", None),
        ("ReadError", "a9", "feed.jsonl:9", "empty"),
    ]
    assert [i.sha256 for i in items] == [sha(lines[n - 1]) for n in (1, 3, 4, 5, 6, 7, 8, 9)]
    assert items[0].published == "2025-08-26" and items[6].title == "Arsenal"


def test_jsonl_bom_crlf_and_carriage_return_inside_a_line(tmp_path):
    data = b'\xef\xbb\xbf{"id": "a", "text": "uno"}\r\n{"id": "b",\r "text": "due"}\r\n'
    write(tmp_path / "win.jsonl", data)
    items = read_all(tmp_path)
    assert [(type(i).__name__, i.doc_id, i.source) for i in items] == [("Article", "a", "win.jsonl:1"), ("Article", "b", "win.jsonl:2")]
    assert items[1].sha256 == sha(b'{"id": "b",\r "text": "due"}')  # the line without its line ending


def test_jsonl_line_not_utf8_and_line_too_large(tmp_path):
    big = json.dumps({"id": "big", "text": "x" * 500})
    write(tmp_path / "f.jsonl", b'{"id": "a", "text": "caf\xe9"}\n' + big.encode() + b'\n{"id": "c", "text": "ok"}\n')
    items = read_all(tmp_path, max_bytes=200)  # JSONL files are not limited as a whole, each line is
    assert [(i.source, getattr(i, "kind", "ok")) for i in items] == [("f.jsonl:1", "decode"), ("f.jsonl:2", "too_large"), ("f.jsonl:3", "ok")]


@pytest.mark.parametrize("data", [b"", b"\n\n  \r\n\t\n"])
def test_empty_jsonl_is_one_error(tmp_path, data):
    write(tmp_path / "none.jsonl", data)
    err = only(read_all(tmp_path))
    assert isinstance(err, ReadError) and (err.doc_id, err.source, err.kind) == ("none", "none.jsonl", "empty")


def test_read_jsonl_from_bytes():
    items = list(read_jsonl(b'{"id": 1, "text": "a"}\n[]', "s", "s.jsonl"))
    assert [(type(i).__name__, i.source) for i in items] == [("Article", "s.jsonl:1"), ("ReadError", "s.jsonl:2")]


def test_jsonl_lone_surrogates_are_made_writable():
    art = only(list(read_jsonl(b'{"id": "x\\ud800", "text": "a \\udc00 b", "title": "\\ud83d"}', "s", "s.jsonl")))
    assert isinstance(art, Article)
    for value in (art.doc_id, art.text, art.title):
        value.encode("utf-8")  # does not raise: the output writer can write it
    assert art.doc_id == "x\\ud800"


# --- stdin -------------------------------------------------------------------------------------

def fake_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_text(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "stdin.meta.json", '{"title": "must not be read"}')  # stdin has no sidecar
    fake_stdin(monkeypatch, IT_TEXT.encode())
    art = only(read_all("-"))
    assert isinstance(art, Article)
    assert (art.doc_id, art.source, art.sha256, art.text, art.title) == ("stdin", "-", sha(IT_TEXT), IT_TEXT, None)


def test_stdin_jsonl(monkeypatch):
    fake_stdin(monkeypatch, b'\xef\xbb\xbf  {"id": "s1", "text": "uno"}\n\n{broken\n{"id": "s4", "text": "quattro"}\n')
    items = read_all("-")
    assert [(type(i).__name__, i.doc_id, i.source) for i in items] == [
        ("Article", "s1", "-:1"), ("ReadError", "stdin:3", "-:3"), ("Article", "s4", "-:4")]


@pytest.mark.parametrize("data, kind", [(b"", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "decode"), (b"x" * 100, "too_large")])
def test_stdin_bad_input(monkeypatch, data, kind):
    fake_stdin(monkeypatch, data)
    err = only(read_all("-", max_bytes=50))
    assert isinstance(err, ReadError) and (err.doc_id, err.source, err.kind) == ("stdin", "-", kind)


# --- doc_id, source, sha256 ----------------------------------------------------------------------

@pytest.mark.parametrize("name, doc_id", [("a.txt", "a"), ("a.b.txt", "a.b"), ("README", "README"), ("x.tar.gz", "x.tar"), ("città.md", "città")])
def test_doc_id_is_the_file_name_without_its_extension(name, doc_id):
    assert doc_id_for(Path("some/dir") / name) == doc_id


def test_sources_are_posix_paths_relative_to_each_input(tmp_path):
    write(tmp_path / "in" / "2025" / "08" / "a.txt", EN_TEXT)
    write(tmp_path / "in" / "b.txt", EN_TEXT)
    write(tmp_path / "single.txt", IT_TEXT)
    items = read_all(tmp_path / "in", tmp_path / "single.txt")
    assert [(i.doc_id, i.source) for i in items] == [("a", "2025/08/a.txt"), ("b", "b.txt"), ("single", "single.txt")]
    assert [i.sha256 for i in items] == [sha(EN_TEXT), sha(EN_TEXT), sha(IT_TEXT)]


def test_missing_input_is_an_error(tmp_path):
    err = only(read_all(tmp_path / "nope"))
    assert isinstance(err, ReadError) and err.kind == "unreadable" and err.doc_id == "nope" and err.sha256 is None


def test_too_large_file_is_not_read(tmp_path, monkeypatch):
    write(tmp_path / "big.txt", "x" * 1001)
    write(tmp_path / "ok.txt", "x" * 1000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("a too-large file must not be read") if self.name == "big.txt" else b"x" * 1000)
    big, ok = read_all(tmp_path, max_bytes=1000)
    assert isinstance(big, ReadError) and (big.kind, big.sha256) == ("too_large", None) and "1001" in big.message
    assert isinstance(ok, Article)


def test_unreadable_file(tmp_path, monkeypatch):
    write(tmp_path / "a.txt", EN_TEXT)
    write(tmp_path / "b.txt", EN_TEXT)
    real = Path.read_bytes

    def deny(self):
        if self.name == "a.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    a, b = read_all(tmp_path)
    assert isinstance(a, ReadError) and (a.kind, a.source) == ("unreadable", "a.txt") and "Permission denied" in a.message
    assert isinstance(b, Article)


def test_unlistable_folder(tmp_path, monkeypatch):
    write(tmp_path / "ok" / "a.txt", EN_TEXT)
    write(tmp_path / "secret" / "b.txt", EN_TEXT)
    real = os.scandir
    monkeypatch.setattr(readers.os, "scandir", lambda p: (_ for _ in ()).throw(PermissionError(13, "denied")) if str(p).endswith("secret") else real(p))
    a, err = read_all(tmp_path)
    assert isinstance(a, Article) and a.source == "ok/a.txt"
    assert isinstance(err, ReadError) and (err.kind, err.source) == ("unreadable", "secret")


# --- discovery ---------------------------------------------------------------------------------

def test_discovery_is_sorted_and_deterministic(tmp_path):
    for rel in ["c.txt", "a/z.txt", "B.txt", "b.txt", "a/b/x.md", "a/a.json", "a1.txt", "10.txt", "9.txt"]:
        write(tmp_path / rel, EN_TEXT)
    expected = ["10.txt", "9.txt", "B.txt", "a/a.json", "a/b/x.md", "a/z.txt", "a1.txt", "b.txt", "c.txt"]
    first = [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)]
    assert first == expected
    assert [i.source for i in read_all(tmp_path)] == expected
    assert [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)] == first


def test_hidden_files_folders_and_sidecars_are_skipped(tmp_path):
    write(tmp_path / "a.txt", EN_TEXT)
    write(tmp_path / ".DS_Store", b"\x00\x01")
    write(tmp_path / ".hidden.txt", EN_TEXT)
    write(tmp_path / ".git" / "HEAD", "ref: refs/heads/main\n")
    write(tmp_path / "sub" / ".cache" / "x.txt", EN_TEXT)
    write(tmp_path / "orphan.meta.json", '{"title": "no article"}')
    assert [i.source for i in read_all(tmp_path)] == ["a.txt"]


def test_a_hidden_input_named_explicitly_is_read(tmp_path):
    write(tmp_path / ".draft.txt", EN_TEXT)
    assert isinstance(only(read_all(tmp_path / ".draft.txt")), Article)


def test_inputs_keep_their_order(tmp_path):
    write(tmp_path / "z.txt", EN_TEXT)
    write(tmp_path / "a.txt", IT_TEXT)
    assert [i.doc_id for i in read_all(tmp_path / "z.txt", tmp_path / "a.txt")] == ["z", "a"]


def test_symlink_inside_root_is_followed(tmp_path):
    write(tmp_path / "real" / "a.txt", EN_TEXT)
    (tmp_path / "link.txt").symlink_to(tmp_path / "real" / "a.txt")
    assert [(i.doc_id, i.source) for i in read_all(tmp_path)] == [("link", "link.txt"), ("a", "real/a.txt")]


def test_read_bytes_directly():
    items = list(read_bytes(IT_TEXT.encode(), Path("x/y.txt"), "y.txt", "y", sidecar=False))
    assert isinstance(only(items), Article) and items[0].doc_id == "y"


def test_decode_basics():
    assert decode("Perché".encode()) == "Perché"
    assert decode(b"\xfe\xff" + "Perché".encode("utf-16-be")) == "Perché"
    assert decode(b"\xff\xfe\x00\x00" + "Perché".encode("utf-32-le")) == "Perché"
    with pytest.raises(UnicodeError):
        decode(b"abc\x00def")
    with pytest.raises(UnicodeError):
        decode(bytes(range(1, 32)) * 4)  # valid UTF-8, but control characters only
