"""The Dask engine: the same extraction core on a dask.distributed cluster.

Input files are cut into shards of consecutive files; each shard is one task that reads
its files, extracts, and writes a JSONL shard next to the output (disk to disk, so the
cluster's workers must see the input and output paths, e.g. on a shared file system).
The client streams the shards back in order, so the output equals the local engine's.
Each worker process loads the pipelines once and keeps them.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

from .batch import Settings, key_of, process
from .readers import ReadError, input_files, read_file, read_inputs
from .writer import Line, dumps

SHARD_FILES = 16
_PIPES: dict[str, object] = {}


def process_shard(files: list[tuple[str, str]], settings: Settings, max_bytes: int, done: set, out_path: str) -> str:
    """Extract every article of a shard's files into out_path (written atomically)."""
    key = repr(settings)
    if key not in _PIPES:
        _PIPES[key] = settings.pipelines()
    pipes = _PIPES[key]
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        for path, rel in files:
            for item in read_file(Path(path), rel, max_bytes):
                if key_of(item) not in done:
                    fh.write(dumps(process(item, pipes, settings.options)) + "\n")
    os.replace(tmp, out_path)
    return out_path


def _plan(inputs: list[str], follow_symlinks: bool) -> list[list[tuple[str, str]] | str | ReadError]:
    """Consecutive file shards, with stdin ('-') and listing errors kept in their place."""
    plan: list = []
    for entry in input_files(inputs, follow_symlinks):
        if isinstance(entry, (ReadError, str)):
            plan.append(entry)
        elif plan and isinstance(plan[-1], list) and len(plan[-1]) < SHARD_FILES:
            plan[-1].append((str(entry[0]), entry[1]))
        else:
            plan.append([(str(entry[0]), entry[1])])
    return plan


def run_dask(inputs: list[str], settings: Settings, scheduler: str | None, workers: int, output: str,
             max_bytes: int, follow_symlinks: bool, done: set) -> Iterator[Line]:
    """Output lines in input order, computed on a cluster (a local one when scheduler is None)."""
    from dask.distributed import Client, LocalCluster

    from .extract import error_record

    shard_dir = Path(tempfile.mkdtemp(prefix=".newsextract-shards-", dir=None if output == "-" else Path(output).resolve().parent))
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        with Client(scheduler or cluster) as client:
            plan = _plan(inputs, follow_symlinks)
            futures = {}
            for i, step in enumerate(plan):
                if isinstance(step, list):
                    futures[i] = client.submit(process_shard, step, settings, max_bytes, done, str(shard_dir / f"{i:06d}.jsonl"), pure=False)
            for i, step in enumerate(plan):
                if isinstance(step, ReadError):
                    yield Line.of(error_record(step))
                elif isinstance(step, str):
                    pipes = settings.pipelines()
                    for item in read_inputs([step], max_bytes):
                        if key_of(item) not in done:
                            yield Line.of(process(item, pipes, settings.options))
                else:
                    path = Path(futures.pop(i).result())
                    with path.open(encoding="utf-8") as fh:
                        for line in fh:
                            yield Line.parse(line.rstrip("\n"))
                    path.unlink()
    finally:
        if cluster is not None:
            cluster.close()
        shutil.rmtree(shard_dir, ignore_errors=True)
