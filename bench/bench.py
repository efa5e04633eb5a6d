"""Throughput benchmark: prints articles/s, words/s, time per stage, peak RSS, first-record latency.

    .venv/bin/python bench/bench.py [--articles 2000] [--workers 2]

Generates a corpus of articles (paragraphs of the annotated corpora recombined, so the
texts are realistic and every article is different), then measures:

* the full pipeline in one process, split by stage (reading, language, NER, linking,
  dates, events, writing), and the bare spaCy NER (tok2vec + ner) on the same texts;
* `newsextract run` with 1 and N workers (wall time, articles/s, peak RSS per worker);
* the time from starting `newsextract run` to its first record on disk.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsextract.corpus import read_jsonl  # noqa: E402
from newsextract.extract import Options, build_entities, build_events, extract_batch  # noqa: E402
from newsextract.langid import detect  # noqa: E402
from newsextract.pipeline import Pipelines  # noqa: E402
from newsextract.readers import read_inputs  # noqa: E402

STAGES = {"tok2vec": "ner", "ner": "ner", "newsextract_sentences": "ner", "newsextract_kb_ruler": "linking",
          "newsextract_linker": "linking", "newsextract_dates": "dates", "newsextract_events": "events"}


def generate(folder: Path, n: int, seed: int = 0) -> int:
    """n article files with sidecars, built from shuffled paragraphs of one language's corpus."""
    rng = random.Random(seed)
    words = 0
    for lang in ("it", "en"):
        paras = [p for split in ("train", "dev") for d in read_jsonl(ROOT / "corpora" / lang / f"{split}.jsonl")
                 for p in d["text"].split("\n") if len(p) > 80]
        for i in range(n // 2):
            text = "\n".join(rng.sample(paras, 4))
            words += len(text.split())
            (folder / f"{lang}-{i:05d}.txt").write_text(text, encoding="utf-8")
            (folder / f"{lang}-{i:05d}.meta.json").write_text(json.dumps({"published": "2025-08-28"}), encoding="utf-8")
    return words


def stages(folder: Path) -> dict[str, float]:
    """Seconds per stage for the whole corpus in this process, plus bare NER."""
    pipes, t = Pipelines(), defaultdict(float)
    for lang in ("it", "en"):
        pipes.get(lang)
    start = time.perf_counter()
    articles = [a for a in read_inputs([str(folder)])]
    t["reading"] = time.perf_counter() - start
    docs = []
    for art in articles:
        s = time.perf_counter()
        lang = detect(art.text, hint=art.lang)
        t["language"] += time.perf_counter() - s
        nlp = pipes.get(lang.code)
        s = time.perf_counter()
        doc = nlp.make_doc(art.text)
        doc._.published = art.published
        t["ner"] += time.perf_counter() - s
        for name, proc in nlp.pipeline:
            s = time.perf_counter()
            doc = proc(doc)
            t[STAGES.get(name, "ner")] += time.perf_counter() - s
        s = time.perf_counter()
        entities, index = build_entities(doc)
        build_events(doc, entities, index)
        t["linking"] += time.perf_counter() - s
        docs.append((lang.code, art.text))
    s = time.perf_counter()
    for art in articles:
        json.dumps({"text": art.text}, ensure_ascii=False)
    t["writing"] = time.perf_counter() - s
    bare = 0.0
    for lang in ("it", "en"):
        nlp = pipes.get(lang)
        texts = [text for code, text in docs if code == lang]
        s = time.perf_counter()
        with nlp.select_pipes(enable=["tok2vec", "ner"]):
            for doc in nlp.pipe(texts, batch_size=64):
                pass
        bare += time.perf_counter() - s
    t["bare_ner"] = bare
    s = time.perf_counter()
    for i in range(0, len(articles), 32):
        extract_batch(articles[i : i + 32], pipes, Options())
    t["full_batched"] = time.perf_counter() - s
    return dict(t)


def cli_run(folder: Path, workers: int, out: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of the largest process, for `newsextract run`."""
    cmd = [sys.executable, "-c", "import resource, sys; from newsextract.cli import app\n"
           "try:\n    app()\nexcept SystemExit:\n    pass\n"
           "print(max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss), file=sys.stderr)",
           "run", str(folder), "-o", str(out), "--workers", str(workers), "-q"]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    return wall, int(proc.stderr.strip().splitlines()[-1]) / 1024


def first_record(folder: Path, out: Path) -> float:
    partial = Path(str(out) + ".partial")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "newsextract.cli", "run", str(folder), "-o", str(out), "--workers", "1", "-q"], cwd=ROOT)
    while not (partial.exists() and partial.stat().st_size) and proc.poll() is None:
        time.sleep(0.01)
    latency = time.perf_counter() - start
    proc.kill()
    return latency


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        words = generate(folder, args.articles)
        n = args.articles
        print(f"corpus: {n} articles, {words} words")
        t = stages(folder)
        full = t["full_batched"]
        print("single process, per stage, one document at a time (s): "
              + ", ".join(f"{k} {v:.2f}" for k, v in t.items() if k not in ("bare_ner", "full_batched")))
        print(f"single process full pipeline (extract_batch, chunks of 32): {n / full:.1f} articles/s, {words / full:.0f} words/s")
        print(f"bare NER (tok2vec+ner, nlp.pipe): {n / t['bare_ner']:.1f} articles/s, {words / t['bare_ner']:.0f} words/s")
        print(f"full pipeline / bare NER throughput: {t['bare_ner'] / full:.2f}")
        walls = {}
        for workers in sorted({1, args.workers}):
            wall, rss = cli_run(folder, workers, Path(tmp) / f"out{workers}.jsonl")
            walls[workers] = wall
            print(f"newsextract run --workers {workers}: {wall:.1f}s wall, {n / wall:.1f} articles/s, {words / wall:.0f} words/s, peak RSS {rss:.0f} MB")
        if args.workers > 1:
            same = (Path(tmp) / "out1.jsonl").read_bytes() == (Path(tmp) / f"out{args.workers}.jsonl").read_bytes()
            print(f"speed-up {args.workers} workers vs 1: {walls[1] / walls[args.workers]:.2f}x; identical output: {same}")
        print(f"first record after start: {first_record(folder, Path(tmp) / 'first.jsonl'):.2f}s")
        print(f"bench process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
