"""A fault corpus, generated in tmp_path: every bad input becomes exactly one error record, never a crash.

Reader-level tests look at each fault on its own; ``test_cli_on_the_whole_fault_corpus`` runs the
``run`` command end to end over all of them and checks the output line by line.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import stat
import struct
import threading
import zipfile
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsextract.batch import process
from newsextract.cli import app, count_inputs
from newsextract.extract import Options, error_record
from newsextract.readers import Article, ReadError, decode
from newsextract.schema import OUTPUT_ADAPTER, ErrorRecord, Record
from newsextract.writer import JsonlWriter

from helpers import only, read_all

IT_TEXT = ("L'Inter ha battuto il Torino 5-0 a San Siro nella prima giornata di Serie A. "
           "Lautaro Martinez ha segnato una doppietta e Marcus Thuram ha aggiunto altre due reti.\n")
EN_TEXT = "Arsenal beat Chelsea 2-1 at the Emirates on Saturday evening in front of a sold-out crowd of supporters.\n"
LATIN1_TEXT = ("Perché la Juventus è tornata a vincere? La città di Torino ha festeggiato fino a tardi: "
               "più di trentamila tifosi allo stadio, un'attesa durata già tre settimane. Così Vlahovic ha segnato al 90°.\n")
CP1252_TEXT = ("Il Napoli ha pagato 40 milioni di € per l’attaccante: “È un sogno che si avvera”, ha detto il presidente… "
               "La società è già al lavoro per il prossimo colpo – forse già entro venerdì.\n")
OTHER_LANGUAGES = {
    "fr": "Le Paris Saint-Germain a battu l'Olympique de Marseille deux buts à zéro dimanche soir au Parc des Princes, "
          "grâce à un doublé de son attaquant vedette devant quarante-sept mille spectateurs.\n",
    "de": "Der FC Bayern München hat am Samstag gegen Borussia Dortmund mit drei zu eins gewonnen, nachdem Harry Kane "
          "in der zweiten Halbzeit zweimal getroffen hatte und die Gäste nie ins Spiel fanden.\n",
    "kk": "Қазақстан құрамасы жексенбі күні Астанада өткен іріктеу матчында Дания құрамасын екі бір есебімен жеңіп, "
          "тарихи жеңіске жетті. Жанкүйерлер түні бойы қала көшелерінде тойлады.\n",
}
NO_ARTICLE_HTML = """<!DOCTYPE html><html><head><title>Calcio</title><script>window.dataLayer = [];</script>
<style>body { margin: 0 }</style></head><body><div id="app"></div><script src="/bundle.js"></script></body></html>
"""
ARTICLE_HTML = """<html><head><title>Inter travolge il Torino</title>
<meta property="article:published_time" content="2025-08-25T20:45:00+02:00">
<link rel="canonical" href="https://example.com/calcio/inter-torino"></head><body><article><h1>Inter travolge il Torino</h1>
<p>L'Inter ha battuto il Torino 5-0 a San Siro nella prima giornata di Serie A. Lautaro Martinez ha segnato una
doppietta e Marcus Thuram ha aggiunto altre due reti nel secondo tempo, davanti a settantamila tifosi.</p>
</article></body></html>
"""
MAX_BYTES = 20_000  # a small --max-bytes for the corpus: only size/big.txt is over it
NON_UTF8_NAME = b"caf\xe9 notizia.txt"  # a Latin-1 file name, as unpacked from an old archive


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def png_bytes() -> bytes:
    """A real 2x2 PNG image."""
    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def zip_bytes(tmp: Path) -> bytes:
    path = tmp / "made.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("article.txt", IT_TEXT * 20)
        zf.writestr("meta.json", json.dumps({"title": "x"}))
    data = path.read_bytes()
    path.unlink()
    return data



def utf8_name_supported(folder: Path) -> bool:
    try:
        probe = os.path.join(os.fsencode(folder), NON_UTF8_NAME)
        with open(probe, "wb"):
            pass
        os.unlink(probe)
        return True
    except OSError:
        return False


class Blocked(Exception):
    pass


@pytest.fixture
def deadline():
    """Fail (instead of hanging the suite) if reading blocks, e.g. on a FIFO. The signal is sent to the
    main thread itself: a plain alarm may go to another thread and not interrupt the blocked open()."""
    def timeout(signum, frame):
        raise Blocked("reading the inputs blocked")  # not TimeoutError: that is an OSError, which readers catch

    old = signal.signal(signal.SIGALRM, timeout)
    timer = threading.Timer(60, signal.pthread_kill, (threading.main_thread().ident, signal.SIGALRM))
    timer.start()
    yield
    timer.cancel()
    signal.signal(signal.SIGALRM, old)


# --- the corpus --------------------------------------------------------------------------------

def build_corpus(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """corpus/ (the input root) and outside/ (a folder next to it); returns the root and, for every
    output line expected, its source -> "ok" or the error kind."""
    root, outside = tmp_path / "corpus", tmp_path / "outside"
    expected: dict[str, str] = {}

    def add(rel: str, data: bytes | str, outcome: str) -> Path:
        expected[rel] = outcome
        return write(root / rel, data)

    add("ok/inter.txt", IT_TEXT, "ok")
    add("ok/arsenal.md", "# Arsenal 2-1 Chelsea\n\n" + EN_TEXT, "ok")
    add("ok/inter.html", ARTICLE_HTML, "ok")
    add("ok/item.json", json.dumps({"id": "item-1", "text": EN_TEXT, "published": "2025-08-26"}), "ok")
    add("empty/empty.txt", b"", "empty")
    add("empty/blank.txt", b"  \n\t\r\n   \n", "empty")
    add("empty/empty.json", b"", "empty")
    add("empty/empty.jsonl", b"\n\n", "empty")
    add("empty/no-article.html", NO_ARTICLE_HTML, "empty")
    add("binary/image.png", png_bytes(), "decode")
    add("binary/photo.txt", png_bytes(), "decode")
    add("binary/archive.zip", zip_bytes(tmp_path), "decode")
    add("binary/controls.txt", bytes(range(1, 32)) * 8, "decode")
    add("binary/all-bytes.txt", bytes(range(1, 256)) * 4, "decode")
    add("encoding/invalid-utf8.txt", IT_TEXT.encode() + b"Ciao \xc3\x28 e \xff fine.\n", "ok")
    add("encoding/latin1.txt", LATIN1_TEXT.encode("latin-1"), "ok")
    add("encoding/cp1252.txt", CP1252_TEXT.encode("cp1252"), "ok")
    add("encoding/utf16le.txt", LATIN1_TEXT.encode("utf-16"), "ok")  # with its BOM
    add("encoding/utf16be.txt", b"\xfe\xff" + CP1252_TEXT.encode("utf-16-be"), "ok")
    add("encoding/utf16-truncated.txt", IT_TEXT.encode("utf-16")[:-1], "decode")
    add("size/big.txt", IT_TEXT * (MAX_BYTES // len(IT_TEXT) + 1), "too_large")
    for lang, text in OTHER_LANGUAGES.items():
        add(f"lang/{lang}.txt", text, "ok")
    add("json/deep.json", "[" * 15_000, "format")
    add("json/list.json", json.dumps([{"id": 1, "text": "x"}]), "format")
    feed = [json.dumps({"id": "f1", "text": IT_TEXT}), "{broken", "", json.dumps([1, 2]), "null",
            json.dumps({"id": "f6", "text": 6}), json.dumps({"id": True}), json.dumps({"id": "f8", "text": EN_TEXT})]
    write(root / "jsonl/feed.jsonl", "\n".join(feed) + "\n")
    expected.update({"jsonl/feed.jsonl:1": "ok", "jsonl/feed.jsonl:2": "format", "jsonl/feed.jsonl:4": "format",
                     "jsonl/feed.jsonl:5": "format", "jsonl/feed.jsonl:6": "format", "jsonl/feed.jsonl:7": "format",
                     "jsonl/feed.jsonl:8": "ok"})
    write(root / "jsonl/windows.jsonl", b'\xef\xbb\xbf{"id": "w1", "text": "' + EN_TEXT.strip().encode() + b'"}\r\n{"id": "w2", "text": "x\\u00e9"}\r\n')
    expected.update({"jsonl/windows.jsonl:1": "ok", "jsonl/windows.jsonl:2": "ok"})
    add("sidecar/a.txt", IT_TEXT, "ok")
    write(root / "sidecar/a.meta.json", "{broken sidecar")
    write(root / "sidecar/orphan.meta.json", '{"title": "no article"}')
    write(root / ".hidden.txt", IT_TEXT)
    write(root / "ok/.DS_Store", b"\x00\x00\x00\x01Bud1")
    # symlinks: a loop, an escape (file and folder), one inside, a dangling one, one to itself
    write(outside / "secret.txt", EN_TEXT)
    (root / "links").mkdir()
    (root / "links/loop").symlink_to("..", target_is_directory=True)
    (root / "links/escape.txt").symlink_to(outside / "secret.txt")
    (root / "links/escape-dir").symlink_to(outside, target_is_directory=True)
    (root / "links/inside.txt").symlink_to("../ok/inter.txt")
    expected["links/inside.txt"] = "ok"
    (root / "links/dangling.txt").symlink_to("nowhere.txt")
    expected["links/dangling.txt"] = "unreadable"
    (root / "links/self.txt").symlink_to("self.txt")
    expected["links/self.txt"] = "unreadable"
    (root / "special").mkdir()
    os.mkfifo(root / "special/pipe.txt")
    expected["special/pipe.txt"] = "unreadable"
    locked = add("perm/locked.txt", IT_TEXT, "ok" if os.geteuid() == 0 else "unreadable")
    locked.chmod(0)
    add("names/derby di Milano.txt", IT_TEXT, "ok")
    add("names/città – perché ñ 日本語 ⚽.txt", IT_TEXT, "ok")
    if utf8_name_supported(root / "names"):
        with open(os.path.join(os.fsencode(root / "names"), NON_UTF8_NAME), "wb") as fh:
            fh.write(IT_TEXT.encode())
        expected["names/caf\\udce9 notizia.txt"] = "ok"  # written out so the output stays valid UTF-8
    add("dup/a.txt", EN_TEXT, "ok")
    add("dup/a copy.txt", EN_TEXT, "ok")
    return root, expected


def source_order(source: str) -> tuple:
    path, _, line = source.partition(".jsonl:")
    return (tuple(path.split("/")), int(line or 0))


def listing(folder: Path) -> dict[str, tuple]:
    out = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            st = os.lstat(path)
            out[os.path.relpath(path, folder)] = (stat.S_IFMT(st.st_mode), st.st_size, st.st_mtime_ns, st.st_mode)
    return out


# --- each fault at reader level --------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b" ", b"\n\n\n", b" \t\r\n\x0b\x0c ", "\u00a0\u2003\n".encode()])
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".json", ".jsonl", ""])
def test_empty_and_whitespace_only_files(tmp_path, data, suffix):
    write(tmp_path / f"void{suffix}", data)
    err = only(read_all(tmp_path))
    unicode_spaces_in_json = suffix in (".json", ".jsonl") and data.strip()  # not JSON whitespace
    assert isinstance(err, ReadError) and err.kind == ("format" if unicode_spaces_in_json else "empty"), err
    line = ":1" if unicode_spaces_in_json and suffix == ".jsonl" else ""
    assert (err.doc_id, err.source) == (f"void{line}", f"void{suffix}{line}")


@pytest.mark.parametrize("name", ["image.png", "image.txt", "image", "image.html", "image.json", "image.md"])
def test_png_is_a_decode_error(tmp_path, name):
    write(tmp_path / name, png_bytes())
    err = only(read_all(tmp_path))
    assert isinstance(err, ReadError) and err.kind == "decode" and err.sha256 == hashlib.sha256(png_bytes()).hexdigest()


@pytest.mark.parametrize("name", ["archive.zip", "archive.txt"])
def test_zip_is_a_decode_error(tmp_path, name):
    write(tmp_path / name, zip_bytes(tmp_path))
    err = only(read_all(tmp_path / name))
    assert isinstance(err, ReadError) and err.kind == "decode"


@pytest.mark.parametrize("data", [bytes(range(1, 32)) * 8, bytes(range(1, 256)) * 4, b"\x1b[31m\x07\x08\x01\x02" * 50])
def test_binary_without_nul_bytes_is_a_decode_error(tmp_path, data):
    write(tmp_path / "blob.txt", data)
    err = only(read_all(tmp_path))
    assert isinstance(err, ReadError) and err.kind == "decode"


def test_invalid_utf8_in_text_is_read_with_a_warning(tmp_path):
    write(tmp_path / "bad.txt", IT_TEXT.encode() + b"Ciao \xc3\x28 e \xff fine.\n")
    art = only(read_all(tmp_path))
    assert isinstance(art, Article) and art.text.startswith(IT_TEXT) and "Ciao " in art.text
    assert any("not UTF-8" in w for w in art.warnings)


def test_latin1_italian_is_decoded(tmp_path):
    write(tmp_path / "latin1.txt", LATIN1_TEXT.encode("latin-1"))
    art = only(read_all(tmp_path))
    assert isinstance(art, Article) and art.text == LATIN1_TEXT
    assert any("not UTF-8" in w for w in art.warnings)


@pytest.mark.parametrize("text", ["Perché è così", "La città è più bella", "Già 90°: Dušan, però…", "“Sì” €"])
def test_short_western_texts_are_decoded(text):
    assert decode(text.encode("cp1252")) == text


def test_cp1252_with_euro_and_curly_quotes_is_decoded(tmp_path):
    write(tmp_path / "cp1252.txt", CP1252_TEXT.encode("cp1252"))
    art = only(read_all(tmp_path))
    assert isinstance(art, Article) and art.text == CP1252_TEXT
    assert "€" in art.text and "“" in art.text and "’" in art.text


@pytest.mark.parametrize("text, encoding", [
    ("Футбольная команда «Спартак» выиграла матч в Москве со счётом два один в воскресенье вечером.", "cp1251"),
    ("Ο Ολυμπιακός κέρδισε τον Παναθηναϊκό με δύο γκολ στο Φάληρο την Κυριακή το βράδυ.", "cp1253"),
])
def test_other_legacy_encodings_go_to_charset_normalizer(text, encoding):
    assert decode(text.encode(encoding)) == text


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-16"), lambda t: b"\xff\xfe" + t.encode("utf-16-le"), lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
    lambda t: t.encode("utf-32"), lambda t: t.encode("utf-8-sig"),
])
def test_unicode_with_bom(tmp_path, encode):
    write(tmp_path / "bom.txt", encode(CP1252_TEXT))
    art = only(read_all(tmp_path))
    assert isinstance(art, Article) and art.text == CP1252_TEXT and art.warnings == []


def test_utf16_with_bom_cut_in_the_middle(tmp_path):
    write(tmp_path / "cut.txt", IT_TEXT.encode("utf-16")[:-1])
    err = only(read_all(tmp_path))
    assert isinstance(err, ReadError) and err.kind == "decode"


def test_over_max_bytes(tmp_path):
    write(tmp_path / "big.txt", "x" * 5001)
    write(tmp_path / "big.html", "<p>" + "x" * 5000 + "</p>")
    write(tmp_path / "edge.txt", "x" * 5000)
    big_html, big, edge = read_all(tmp_path, max_bytes=5000)
    assert isinstance(big, ReadError) and big.kind == "too_large" and "5001" in big.message and "5000" in big.message
    assert isinstance(big_html, ReadError) and big_html.kind == "too_large"
    assert isinstance(edge, Article)


@pytest.mark.slow
def test_real_50_mb_file(tmp_path, monkeypatch):
    path = tmp_path / "huge" / "huge.txt"
    path.parent.mkdir()
    with path.open("wb") as fh:
        for _ in range(50):
            fh.write(IT_TEXT.encode() * (1_000_000 // len(IT_TEXT) + 1))
    assert path.stat().st_size > 50_000_000
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["run", str(path.parent), "-o", str(out), "--workers", "1", "--quiet"])
    assert result.exit_code == 1, result.output
    rec = OUTPUT_ADAPTER.validate_json(out.read_bytes())
    assert isinstance(rec, ErrorRecord) and rec.error.kind == "too_large" and rec.source == "huge.txt"


def test_100k_line_jsonl(tmp_path):
    lines, kinds = [], []
    for i in range(100_000):
        if i % 997 == 1:
            lines.append('{"id": %d, "text": "unterminated' % i)
            kinds.append("format")
        elif i % 997 == 2:
            lines.append(json.dumps(["not", "an", "object", i]))
            kinds.append("format")
        elif i % 997 == 3:
            lines.append(json.dumps({"id": i, "text": None}))
            kinds.append("format")
        elif i % 997 == 4:
            lines.append("")  # blank: no item
        else:
            lines.append(json.dumps({"id": i, "text": f"Articolo {i}: l'Inter ha vinto ancora.", "published": "2025-08-26"}))
            kinds.append("ok")
    path = write(tmp_path / "big.jsonl", "\n".join(lines) + "\n")
    items = read_all(path)
    assert [getattr(i, "kind", "ok") for i in items] == kinds
    assert len(items) == 100_000 - 101 == count_inputs([str(path)], False)
    assert len({i.source for i in items}) == len(items)
    assert items[0].source == "big.jsonl:1" and items[-1].source == "big.jsonl:100000"


def test_html_with_no_article(tmp_path):
    write(tmp_path / "app.html", NO_ARTICLE_HTML)
    err = only(read_all(tmp_path))
    assert isinstance(err, ReadError) and err.kind == "empty"


@pytest.mark.parametrize("lang", sorted(OTHER_LANGUAGES))
def test_other_languages_become_unsupported_records(tmp_path, pipes, lang):
    write(tmp_path / f"{lang}.txt", OTHER_LANGUAGES[lang])
    art = only(read_all(tmp_path))
    assert isinstance(art, Article) and art.text == OTHER_LANGUAGES[lang]
    record = process(art, pipes, Options())
    assert isinstance(record, Record), record
    assert record.language.supported is False and record.language.code not in ("it", "en")
    assert record.entities == [] and record.events == []
    assert any("not supported" in w for w in record.warnings)


def test_symlink_loop_to_parent(tmp_path):
    root = tmp_path / "root"
    write(root / "a.txt", EN_TEXT)
    write(root / "sub" / "b.txt", EN_TEXT)
    (root / "sub" / "loop").symlink_to("..", target_is_directory=True)
    (root / "sub" / "deeper").mkdir()
    (root / "sub" / "deeper" / "back").symlink_to("../..", target_is_directory=True)
    for follow in (False, True):
        assert [i.source for i in read_all(root, follow_symlinks=follow)] == ["a.txt", "sub/b.txt"]


def test_symlink_to_itself(tmp_path):
    (tmp_path / "self.txt").symlink_to("self.txt")
    err = only(read_all(tmp_path))
    assert isinstance(err, ReadError) and (err.kind, err.source) == ("unreadable", "self.txt")


def test_dangling_symlink(tmp_path):
    (tmp_path / "gone.txt").symlink_to("nowhere.txt")
    err = only(read_all(tmp_path))
    assert isinstance(err, ReadError) and err.kind == "unreadable"


def test_symlinks_outside_the_root(tmp_path):
    root, outside = tmp_path / "root", tmp_path / "outside"
    write(root / "a.txt", EN_TEXT)
    write(outside / "secret.txt", IT_TEXT)
    write(outside / "deep" / "more.txt", IT_TEXT)
    (root / "file-link.txt").symlink_to(outside / "secret.txt")
    (root / "dir-link").symlink_to(outside, target_is_directory=True)
    (root / "relative-link.txt").symlink_to("../outside/secret.txt")
    assert [i.source for i in read_all(root)] == ["a.txt"]
    followed = read_all(root, follow_symlinks=True)
    assert [i.source for i in followed] == ["a.txt", "dir-link/deep/more.txt", "dir-link/secret.txt", "file-link.txt", "relative-link.txt"]
    assert all(isinstance(i, Article) for i in followed)


def test_unreadable_file_chmod_000(tmp_path):
    write(tmp_path / "locked.txt", IT_TEXT).chmod(0)
    item = only(read_all(tmp_path))
    if os.geteuid() == 0:  # root reads it anyway
        assert isinstance(item, Article)
    else:
        assert isinstance(item, ReadError) and item.kind == "unreadable"


def test_unreadable_file_simulated(tmp_path, monkeypatch):
    write(tmp_path / "locked.txt", IT_TEXT)
    write(tmp_path / "locked.jsonl", '{"id": 1, "text": "x"}\n')

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    monkeypatch.setattr(Path, "open", denied)
    items = read_all(tmp_path)
    assert [(i.source, i.kind, i.sha256) for i in items] == [("locked.jsonl", "unreadable", None), ("locked.txt", "unreadable", None)]
    assert all("Permission denied" in i.message for i in items)


def test_fifo_does_not_block(tmp_path, deadline):
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe.jsonl")
    items = read_all(tmp_path)
    assert [(i.source, i.kind) for i in items] == [("pipe.jsonl", "unreadable"), ("pipe.txt", "unreadable")]


def test_names_with_spaces_and_non_ascii(tmp_path):
    names = ["derby di Milano.txt", "città – perché ñ 日本語 ⚽.txt", "  leading and trailing  .md"]
    for name in names:
        write(tmp_path / name, IT_TEXT)
    items = read_all(tmp_path)
    assert sorted((i.doc_id, i.source) for i in items) == sorted((Path(n).stem, n) for n in names)
    assert all(isinstance(i, Article) for i in items)


def test_non_utf8_file_name_gives_writable_records(tmp_path):
    if not utf8_name_supported(tmp_path):
        pytest.skip("the file system refuses non-UTF-8 names")
    folder = os.fsencode(tmp_path)
    for name, data in ((NON_UTF8_NAME, IT_TEXT.encode()), (b"vuoto \xff.txt", b"")):
        with open(os.path.join(folder, name), "wb") as fh:
            fh.write(data)
    art, err = read_all(tmp_path)
    assert isinstance(art, Article) and art.source == "caf\\udce9 notizia.txt" and art.doc_id == "caf\\udce9 notizia"
    assert isinstance(err, ReadError) and err.source == "vuoto \\udcff.txt"
    out = tmp_path / "out.jsonl"
    with JsonlWriter(str(out)) as writer:
        writer.write(error_record(err))
    assert json.loads(out.read_text(encoding="utf-8"))["source"] == "vuoto \\udcff.txt"


def test_duplicate_files_both_become_records(tmp_path):
    write(tmp_path / "a.txt", IT_TEXT)
    write(tmp_path / "copy of a.txt", IT_TEXT)
    write(tmp_path / "sub" / "a.txt", IT_TEXT)
    items = read_all(tmp_path)
    assert [(i.doc_id, i.source) for i in items] == [("a", "a.txt"), ("copy of a", "copy of a.txt"), ("a", "sub/a.txt")]
    assert len({i.sha256 for i in items}) == 1


# --- the whole corpus through the command line -------------------------------------------------

def test_cli_on_the_whole_fault_corpus(tmp_path, deadline):
    root, expected = build_corpus(tmp_path)
    out = tmp_path / "out.jsonl"
    before = listing(tmp_path)
    result = CliRunner().invoke(app, ["run", str(root), "-o", str(out), "--workers", "1", "--quiet", "--max-bytes", str(MAX_BYTES)])
    assert result.exit_code == 1, (result.output, result.exception)

    # nothing written anywhere but the output file (and no .partial left behind)
    after = listing(tmp_path)
    assert after.pop("out.jsonl")[0] == stat.S_IFREG
    assert after == before

    # valid UTF-8 JSONL, each line a valid record
    raw = out.read_bytes()
    assert raw.endswith(b"\n")
    lines = raw.decode("utf-8").split("\n")[:-1]
    records = [OUTPUT_ADAPTER.validate_python(json.loads(line)) for line in lines]

    # every input exactly once, in discovery order
    sources = [r.source for r in records]
    assert len(sources) == len(set(sources)) == len(expected)
    assert set(sources) == set(expected)
    assert sources == sorted(expected, key=source_order)
    outcome = {r.source: "ok" if isinstance(r, Record) else r.error.kind for r in records}
    assert outcome == expected
    errors = sum(isinstance(r, ErrorRecord) for r in records)
    assert 0 < errors < len(records)

    by_source = {r.source: r for r in records}
    assert by_source["encoding/latin1.txt"].text_length == len(LATIN1_TEXT)
    assert by_source["encoding/cp1252.txt"].text_length == len(CP1252_TEXT)
    assert by_source["encoding/utf16le.txt"].sha256 == hashlib.sha256(LATIN1_TEXT.encode("utf-16")).hexdigest()
    for lang in OTHER_LANGUAGES:
        rec = by_source[f"lang/{lang}.txt"]
        assert rec.language.supported is False and any("not supported" in w for w in rec.warnings)
    assert by_source["dup/a.txt"].sha256 == by_source["dup/a copy.txt"].sha256
    assert by_source["dup/a.txt"].doc_id != by_source["dup/a copy.txt"].doc_id
    assert by_source["jsonl/feed.jsonl:1"].doc_id == "f1" and by_source["jsonl/feed.jsonl:2"].doc_id == "feed:2"
    assert any("a.meta.json" in w for w in by_source["sidecar/a.txt"].warnings)
    assert by_source["ok/inter.html"].published == "2025-08-25"
