"""Ablation on the held-out test splits: statistical model only, KB ruler only, both.

    .venv/bin/python bench/ablation.py [--split test]

Prints exact-span NER F1 (overall, CLUB, PERSON) and linking accuracy per language for
each configuration, and F1 on names never seen in training.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsextract.evaluate import Evaluator, load_gold, seen_names  # noqa: E402
from newsextract.pipeline import Pipelines, ruler_only  # noqa: E402


def configs(lang: str) -> dict[str, Pipelines]:
    both = Pipelines()
    model = Pipelines()
    model.get(lang).remove_pipe("newsextract_kb_ruler")
    ruler = Pipelines()
    ruler._loaded[lang] = ruler_only(lang)
    return {"model only": model, "ruler only": ruler, "model + ruler": both}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="test")
    args = ap.parse_args()
    for lang in ("it", "en"):
        gold = load_gold([ROOT / "corpora" / lang / f"{args.split}.jsonl"])
        seen = seen_names([ROOT / "corpora" / lang / "train.jsonl"])
        for name, pipes in configs(lang).items():
            m, _ = Evaluator(pipes, seen=seen).run(gold)
            ner = m["ner"]
            per = ner["per_label"]
            print(f"{lang} {args.split} {name:14s} NER F1 {ner['f1']:.3f} (CLUB {per.get('CLUB', {}).get('f1', 0):.3f}, "
                  f"PERSON {per.get('PERSON', {}).get('f1', 0):.3f}) unseen-name F1 {ner['unseen']['f1']:.3f} "
                  f"linking {m['linking']['accuracy'] or 0:.3f}")


if __name__ == "__main__":
    main()
