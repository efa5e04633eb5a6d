"""The local batch engine: read, extract in N worker processes, write in input order.

Parallelism lives here, around the pure ``extract`` core: each worker process loads the
pipelines once; articles travel in small chunks; at most a few chunks per worker are in
flight, so memory stays flat however many inputs there are, and results are written in
input order, so the output is the same for any number of workers.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Iterable, Iterator

from .extract import Options, error_record, extract, extract_batch
from .pipeline import Pipelines
from .readers import Article, ReadError
from .schema import ErrorRecord, Record
from .writer import Line

Item = Article | ReadError
Result = Record | ErrorRecord

_WORKER: tuple[Pipelines, Options] | None = None


@dataclass
class Settings:
    """What a worker needs to build its own pipelines: plain, picklable values."""

    models: dict[str, str] = field(default_factory=dict)
    extra_kb: list[str] = field(default_factory=list)
    label_map: dict[str, str] = field(default_factory=dict)
    options: Options = Options()

    def pipelines(self) -> Pipelines:
        return Pipelines(models=dict(self.models), extra_kb=list(self.extra_kb), label_map=dict(self.label_map))


@dataclass
class Summary:
    records: int = 0
    errors: int = 0
    skipped: int = 0
    languages: Counter = field(default_factory=Counter)
    error_kinds: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def add(self, line: Line) -> None:
        if line.ok:
            self.records += 1
            self.languages[line.lang] += 1
        else:
            self.errors += 1
            self.error_kinds[line.error_kind] += 1


def process(item: Item, pipes: Pipelines, options: Options) -> Result:
    """One input to one output line; an unexpected failure becomes an error record."""
    if isinstance(item, ReadError):
        return error_record(item)
    try:
        return extract(item, pipes, options)
    except Exception as exc:  # one bad article must not stop the batch
        return error_record(ReadError(item.doc_id, item.source, "internal", f"{type(exc).__name__}: {exc}", item.sha256))


def _init_worker(settings: Settings) -> None:
    global _WORKER
    _WORKER = (settings.pipelines(), settings.options)


def process_chunk(chunk: list[Item], pipes: Pipelines, options: Options) -> list[Result]:
    """Many inputs at once (NER batched with nlp.pipe); falls back to one by one if the batch fails."""
    articles = [item for item in chunk if isinstance(item, Article)]
    try:
        done = iter(extract_batch(articles, pipes, options))
    except Exception:
        return [process(item, pipes, options) for item in chunk]
    return [error_record(item) if isinstance(item, ReadError) else next(done) for item in chunk]


def _process_chunk(chunk: list[Item]) -> list[Line]:
    assert _WORKER is not None
    return [Line.of(r) for r in process_chunk(chunk, *_WORKER)]


def _chunks(items: Iterable[Item], size: int, first: int = 4) -> Iterator[list[Item]]:
    """Chunks of `size` items, the first one small so the first record is written early."""
    it = iter(items)
    chunk = list(islice(it, first))
    while chunk:
        yield chunk
        chunk = list(islice(it, size))


def run_local(items: Iterable[Item], settings: Settings, workers: int = 1, chunk_size: int = 32) -> Iterator[Line]:
    """Output lines in input order, from this process (workers=1) or a pool of processes."""
    if workers <= 1:
        pipes = settings.pipelines()
        for chunk in _chunks(items, chunk_size):
            yield from (Line.of(r) for r in process_chunk(chunk, pipes, settings.options))
        return
    window = workers * 3
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(settings,)) as pool:
        pending: deque = deque()
        for chunk in _chunks(items, chunk_size):
            pending.append(pool.submit(_process_chunk, chunk))
            while len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def key_of(item: Item) -> tuple[str, str, str | None]:
    return (item.doc_id, item.source, item.sha256)


def skip_done(items: Iterable[Item], done: set, summary: Summary) -> Iterator[Item]:
    for item in items:
        if key_of(item) in done:
            summary.skipped += 1
            continue
        yield item


def drive(results: Iterable[Line], write: Callable[[Line], None], summary: Summary,
          tick: Callable[[], None] = lambda: None) -> Summary:
    start = time.perf_counter()
    for result in results:
        write(result)
        summary.add(result)
        tick()
    summary.seconds = time.perf_counter() - start
    return summary
