"""Cross-writer check of the event classifiers on the training split.

    .venv/bin/python bench/crosswriter.py [--folds a:b,b:a] [it en]

The event classifiers are refit on some writers' training articles (ids
``<lang>-train-<writer>-NNN``) and scored on another's, with the shipped NER. Without
--folds every writer is held out in turn and the others fit on (leave one writer out).
Prints event P/R/F1 over all folds and F1 per type; a yardstick for how the classifiers
cope with words a writer they never saw uses, without touching dev or test.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsextract.evaluate import Evaluator, load_gold  # noqa: E402
from newsextract.pipeline import Pipelines  # noqa: E402
from newsextract.train import fit_events  # noqa: E402


def writer(gold: dict) -> str:
    return gold["id"].split("-")[2]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("langs", nargs="*", default=["it", "en"])
    ap.add_argument("--folds", help="FIT:TEST writer groups, comma-separated, e.g. a:b,b:a")
    args = ap.parse_args()
    for lang in args.langs:
        pipes = Pipelines()
        nlp = pipes.get(lang)
        golds = load_gold([ROOT / "corpora" / lang / "train.jsonl"])
        writers = sorted({writer(g) for g in golds})
        if args.folds:
            folds = [tuple(f.split(":")) for f in args.folds.split(",")]
        else:
            folds = [("".join(w for w in writers if w != held), held) for held in writers]
        total: Counter = Counter()
        for fit, held in folds:
            fit_events(nlp, [g for g in golds if writer(g) in fit])
            _, results = Evaluator(pipes).run([g for g in golds if writer(g) in held])
            for r in results:
                total.update({k: v for k, v in r.counts.items() if k.startswith("event_")})
        tp, fp, fn = total["event_tp"], total["event_fp"], total["event_fn"]
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        per_type = {t: round(2 * total[f"event_tp:{t}"] / max(1, 2 * total[f"event_tp:{t}"] + total[f"event_fp:{t}"] + total[f"event_fn:{t}"]), 3)
                    for t in sorted({k.split(":")[1] for k in total if ":" in k})}
        print(f"{lang} folds {' '.join(f'{a}->{b}' for a, b in folds)}: P {p:.3f} R {r:.3f} F1 {2 * p * r / max(1e-9, p + r):.3f} {per_type}")


if __name__ == "__main__":
    main()
