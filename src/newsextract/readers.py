"""Read inputs into articles: text/Markdown with sidecars, HTML, JSON and JSONL.

Every input yields either an :class:`Article` or a :class:`ReadError`, never an
exception, so one bad file cannot stop a batch. Files are found in a deterministic
(sorted) order; symlinks are followed only inside the input root unless asked.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import stat
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Iterable, Iterator

from charset_normalizer import from_bytes
from pydantic import BaseModel, ConfigDict, ValidationError

from .dates import parse_published

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
HTML_SUFFIXES = {".html", ".htm"}
SIDECAR = ".meta.json"
DEFAULT_MAX_BYTES = 5_000_000
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
UNICODE = {"utf-8", *(encoding for _, encoding in BOMS)}
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x9f]")
SURROGATE = re.compile("[\ud800-\udfff]")
ASCII_LETTER, OTHER_LETTER = re.compile(r"[A-Za-z]"), re.compile(r"[^\W\d_A-Za-z]")


def _utf8(text: str) -> str:
    """Lone surrogates (undecodable file names, JSON escapes) spelled out, so the text can be written as UTF-8."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8") if SURROGATE.search(text) else text


class _Clean:
    def __post_init__(self) -> None:
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if isinstance(value, str):
                setattr(self, f.name, _utf8(value))
            elif isinstance(value, list):
                setattr(self, f.name, [_utf8(v) for v in value])


@dataclass
class Article(_Clean):
    """One article as read, before any analysis."""

    doc_id: str
    source: str
    sha256: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    lang: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class ReadError(_Clean):
    """An input that could not become an article, and why."""

    doc_id: str
    source: str
    kind: str
    message: str
    sha256: str | None = None


class Meta(BaseModel):
    """Article metadata as a crawler hands it over (sidecar, JSON fields)."""

    model_config = ConfigDict(extra="ignore")

    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    lang: str | None = None


class JsonArticle(Meta):
    id: str | int
    text: str


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def doc_id_for(path: Path) -> str:
    return path.stem or path.name


def decode(data: bytes) -> str:
    """Bytes to text, or UnicodeError: see :func:`decode_as`."""
    return decode_as(data)[0]


def decode_as(data: bytes) -> tuple[str, str]:
    """(text, encoding): a BOM, else UTF-8, else Windows-1252 when that reads as Western European
    text (charset-normalizer guesses wrong on short Latin-1 texts), else charset-normalizer's best.
    Text decoded into control characters is binary: UnicodeError."""
    text, encoding = _guess(data)
    if len(CONTROL.findall(text)) > max(3, len(text) // 100):
        raise UnicodeError(f"looks binary (decoded as {encoding} into control characters)")
    return text, encoding


def _guess(data: bytes) -> tuple[str, str]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    if b"\x00" in data:
        raise UnicodeError("binary content (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        other = len(OTHER_LETTER.findall(text))  # Cyrillic or Greek read as cp1252 is almost all accented letters
        if other <= 0.5 * (other + len(ASCII_LETTER.findall(text))):
            return text, "cp1252"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnicodeError("not decodable as text in any known encoding")
    return str(best), best.encoding


def _meta_fields(meta: Meta, warnings: list[str]) -> dict:
    published = None
    if meta.published:
        published = parse_published(meta.published)
        if published is None:
            warnings.append(f"metadata 'published' {meta.published!r} is not a date; ignored")
    lang = meta.lang.strip().lower()[:2] if meta.lang else None
    return {"title": meta.title, "published": published, "url": meta.url, "outlet": meta.source, "lang": lang}


def read_sidecar(path: Path, warnings: list[str]) -> dict:
    sidecar = path.with_name(path.stem + SIDECAR)
    if not sidecar.is_file():
        return {}
    try:
        meta = Meta.model_validate_json(sidecar.read_bytes())
    except (OSError, ValidationError, ValueError) as exc:
        warnings.append(f"sidecar {sidecar.name} ignored: {str(exc).splitlines()[0]}")
        return {}
    return _meta_fields(meta, warnings)


def read_html(data: bytes) -> tuple[str, dict]:
    import trafilatura

    doc = trafilatura.bare_extraction(decode(data), with_metadata=True, include_comments=False)
    if doc is None:
        return "", {}
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    meta = {"title": get("title"), "url": get("url"), "outlet": get("sitename")}
    if get("date"):
        meta["published"] = parse_published(get("date"))
    return get("text") or "", meta


def _article(doc_id: str, source: str, digest: str, text: str, meta: dict, warnings: list[str]) -> Article | ReadError:
    if not text.strip():
        return ReadError(doc_id, source, "empty", "no article text (empty or whitespace only)", digest)
    return Article(doc_id, source, digest, text, warnings=warnings, **{k: v for k, v in meta.items() if v})


def read_json_object(obj: object, doc_id: str, source: str, digest: str) -> Article | ReadError:
    try:
        item = JsonArticle.model_validate(obj)
    except ValidationError as exc:
        problems = ", ".join(f"{'.'.join(map(str, e['loc'])) or 'line'}: {e['msg']}" for e in exc.errors())
        return ReadError(doc_id, source, "format", f"not an article object ({problems})", digest)
    warnings: list[str] = []
    return _article(str(item.id), source, digest, item.text, _meta_fields(item, warnings), warnings)


def read_jsonl(data: bytes | Iterable[bytes], stem: str, rel: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """One article or error per non-blank line (lines end at \\n only), from bytes or an open file;
    a file with no line at all is one "empty" error."""
    found = False
    for lineno, raw in enumerate(data.split(b"\n") if isinstance(data, bytes) else data, 1):
        raw = raw.removeprefix(codecs.BOM_UTF8) if lineno == 1 else raw
        raw = raw.rstrip(b"\r\n")
        if not raw.strip():
            continue
        found = True
        doc_id, source, digest = f"{stem}:{lineno}", f"{rel}:{lineno}", sha256(raw)
        if len(raw) > max_bytes:
            yield ReadError(doc_id, source, "too_large", f"line {lineno}: {len(raw)} bytes is over the {max_bytes}-byte limit (--max-bytes)", digest)
            continue
        try:
            obj = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield ReadError(doc_id, source, "decode", f"line {lineno} is not UTF-8: {exc}", digest)
            continue
        except (ValueError, RecursionError) as exc:
            yield ReadError(doc_id, source, "format", f"line {lineno} is not valid JSON: {exc}", digest)
            continue
        yield read_json_object(obj, doc_id, source, digest)
    if not found:
        yield ReadError(stem, rel, "empty", "no JSON lines (empty or whitespace only)")


def read_file(path: Path, rel: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """Everything one file holds: one article or error, or one per JSONL line (streamed)."""
    doc_id = doc_id_for(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            yield ReadError(doc_id, rel, "unreadable", "not a regular file")
            return
        if path.suffix.lower() == ".jsonl":
            with path.open("rb") as fh:
                yield from read_jsonl(fh, doc_id, rel, max_bytes)
            return
        if info.st_size > max_bytes:
            yield ReadError(doc_id, rel, "too_large", f"{info.st_size} bytes is over the {max_bytes}-byte limit (--max-bytes)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ReadError(doc_id, rel, "unreadable", f"cannot read file: {exc.strerror or exc}")
        return
    yield from read_bytes(data, path, rel, doc_id, max_bytes)


def read_bytes(data: bytes, path: Path, rel: str, doc_id: str, max_bytes: int = DEFAULT_MAX_BYTES,
               sidecar: bool = True) -> Iterator[Article | ReadError]:
    """The article (or error) in data, read as path's suffix says; metadata from path's sidecar if any."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(data, doc_id, rel, max_bytes)
        return
    digest = sha256(data)
    if not data.strip():
        yield ReadError(doc_id, rel, "empty", "empty or whitespace-only file", digest)
        return
    if len(data) > max_bytes:
        yield ReadError(doc_id, rel, "too_large", f"{len(data)} bytes is over the {max_bytes}-byte limit (--max-bytes)", digest)
        return
    warnings: list[str] = []
    try:
        if suffix == ".json":
            yield read_json_object(json.loads(decode(data)), doc_id, rel, digest)
            return
        if suffix in HTML_SUFFIXES:
            text, meta = read_html(data)
            if not text.strip():
                yield ReadError(doc_id, rel, "empty", "no article text found in the HTML", digest)
                return
        else:
            text, encoding = decode_as(data)
            meta = {}
            if encoding not in UNICODE:
                warnings.append(f"not UTF-8: decoded as {encoding} (a guess)")
    except UnicodeError as exc:
        yield ReadError(doc_id, rel, "decode", str(exc), digest)
        return
    except (ValueError, RecursionError) as exc:
        yield ReadError(doc_id, rel, "format", f"not valid JSON: {exc}", digest)
        return
    if sidecar:
        meta = {**meta, **{k: v for k, v in read_sidecar(path, warnings).items() if v}}
    yield _article(doc_id, rel, digest, text, meta, warnings)


def discover(root: Path, follow_symlinks: bool = False) -> Iterator[Path]:
    """Input files under root in sorted order: hidden files and sidecars skipped.

    Symlinks are followed only when they stay inside root, unless follow_symlinks;
    directory loops are broken by remembering each real directory once.
    """
    if not root.is_dir():
        yield root
        return
    real_root = root.resolve()
    seen: set[str] = set()

    def walk(folder: Path) -> Iterator[Path]:
        real = os.path.realpath(folder)
        if real in seen:
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            yield folder
            return
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith(".") or entry.name.endswith(SIDECAR):
                continue
            if entry.is_symlink() and not follow_symlinks:
                target = Path(os.path.realpath(path))
                if not target.is_relative_to(real_root):
                    continue
            try:
                is_dir = entry.is_dir()
            except OSError:  # a symlink to itself: read_file reports it
                is_dir = False
            if is_dir:
                yield from walk(path)
            else:
                yield path

    yield from walk(root)


def input_files(inputs: list[str], follow_symlinks: bool = False) -> Iterator[tuple[Path, str] | ReadError | str]:
    """What the inputs name, in order: (file, path relative to its input root), '-' for stdin, or a listing error."""
    for spec in inputs:
        if spec == "-":
            yield spec
            continue
        root = Path(spec)
        if not root.exists() and not root.is_symlink():
            yield ReadError(root.name, spec, "unreadable", "no such file or directory")
            continue
        base = root if root.is_dir() else root.parent
        for path in discover(root, follow_symlinks):
            rel = path.relative_to(base).as_posix() if path != base else path.name
            yield ReadError(path.name, rel, "unreadable", "cannot list directory") if path.is_dir() else (path, rel)


def read_inputs(inputs: list[str], max_bytes: int = DEFAULT_MAX_BYTES, follow_symlinks: bool = False) -> Iterator[Article | ReadError]:
    """All articles and errors from files, folders, or '-' (stdin), in a stable order."""
    for entry in input_files(inputs, follow_symlinks):
        if entry == "-":
            data = sys.stdin.buffer.read()
            fake = Path("stdin.jsonl" if data.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"{") else "stdin.txt")
            yield from read_bytes(data, fake, "-", "stdin", max_bytes, sidecar=False)
        elif isinstance(entry, ReadError):
            yield entry
        else:
            yield from read_file(entry[0], entry[1], max_bytes)
