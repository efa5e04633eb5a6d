"""The ``newsextract`` command line (typer)."""

from __future__ import annotations

import os

# One BLAS/OpenMP thread per process: parallelism comes from --workers processes, and
# several threads per worker would only fight over the same cores.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import datetime as dt
import json
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import ProgressColumn
from rich.text import Text

from .readers import DEFAULT_MAX_BYTES

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Structured records from Italian and English football news.")
corpus_app = typer.Typer(no_args_is_help=True, help="Build, check and count the annotated corpora.")
app.add_typer(corpus_app, name="corpus")
err = Console(stderr=True)


class RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task) -> Text:
        return Text(f"{task.speed or 0:.1f} art/s")


def _pairs(values: list[str], option: str) -> dict[str, str]:
    out = {}
    for value in values:
        key, sep, target = value.partition("=")
        if not sep or not key or not target:
            raise typer.BadParameter(f"expected KEY=VALUE, got {value!r}", param_hint=option)
        out[key.strip()] = target.strip()
    return out


def _date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2025-08-28", param_hint="--reference-date") from None


def count_inputs(inputs: list[str], follow_symlinks: bool) -> int:
    """How many records the inputs will give (files, plus lines of JSONL files): for the ETA."""
    from .readers import discover

    total = 0
    for spec in inputs:
        if spec == "-" or not Path(spec).exists():
            total += 1
            continue
        for path in discover(Path(spec), follow_symlinks):
            if path.suffix.lower() == ".jsonl" and path.is_file():
                try:
                    with path.open("rb") as fh:
                        total += max(1, sum(1 for line in fh if line.strip()))
                except OSError:
                    total += 1
            else:
                total += 1
    return total


@app.command()
def run(
    inputs: list[str] = typer.Argument(..., help="Files or folders (searched recursively), or '-' for stdin"),
    output: str = typer.Option("-", "--output", "-o", help="JSONL output file, '-' for stdout"),
    lang: Optional[str] = typer.Option(None, help="Force the language of every article (it, en)"),
    model: list[str] = typer.Option([], help="LANG=PATH_OR_PACKAGE: use another spaCy pipeline for a language"),
    label_map: list[str] = typer.Option([], help="THEIR=OUR label mapping for --model pipelines, e.g. PER=PERSON"),
    kb: list[Path] = typer.Option([], help="Extra knowledge-base YAML file(s), same schema as the shipped KB"),
    reference_date: Optional[str] = typer.Option(None, help="Publication date for articles with none (YYYY-MM-DD)"),
    workers: int = typer.Option(os.cpu_count() or 1, min=1, help="Worker processes (local engine)"),
    engine: str = typer.Option("local", help="local, or dask (needs newsextract[dask])"),
    scheduler: Optional[str] = typer.Option(None, help="Dask scheduler address; without it a local cluster is started"),
    resume: bool = typer.Option(False, help="Skip inputs already in the output (by doc_id and sha256)"),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, help="Inputs larger than this become error records"),
    follow_symlinks: bool = typer.Option(False, help="Follow symlinks that leave the input folder"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary"),
) -> None:
    """Turn articles into JSONL records, one per article (or an error record saying why not)."""
    from .batch import Settings, Summary, drive, run_local, skip_done
    from .extract import Options
    from .kb import KBError, KnowledgeBase
    from .readers import read_inputs
    from .writer import JsonlWriter

    if engine not in ("local", "dask"):
        raise typer.BadParameter("must be 'local' or 'dask'", param_hint="--engine")
    if resume and output == "-":
        raise typer.BadParameter("--resume needs an output file", param_hint="--resume")
    for path in kb:
        try:
            KnowledgeBase.with_extra([path])
        except KBError as exc:
            raise typer.BadParameter(str(exc), param_hint="--kb") from None
    settings = Settings(models=_pairs(model, "--model"), extra_kb=[str(p) for p in kb], label_map=_pairs(label_map, "--label-map"),
                        options=Options(lang=lang, reference_date=_date(reference_date)))
    summary = Summary()
    show = not quiet and err.is_terminal
    with JsonlWriter(output, resume=resume) as writer:
        items = skip_done(read_inputs(inputs, max_bytes, follow_symlinks), writer.done, summary)
        if engine == "dask":
            from .cluster import run_dask

            results = run_dask(inputs, settings, scheduler, workers, output, max_bytes, follow_symlinks, writer.done)
        else:
            results = run_local(items, settings, workers)
        if show:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            total = count_inputs(inputs, follow_symlinks) - len(writer.done)
            columns = [TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), RateColumn(), TimeRemainingColumn()]
            with Progress(*columns, console=err, transient=True) as progress:
                task = progress.add_task("extract", total=max(total, 0))
                drive(results, writer.write, summary, lambda: progress.advance(task))
        else:
            drive(results, writer.write, summary)
    if not quiet:
        langs = ", ".join(f"{k}: {v}" for k, v in sorted(summary.languages.items())) or "none"
        kinds = ", ".join(f"{k}: {v}" for k, v in sorted(summary.error_kinds.items()))
        rate = summary.records / summary.seconds if summary.seconds else 0.0
        err.print(f"{summary.records} records ({langs}), {summary.errors} errors{f' ({kinds})' if kinds else ''}"
                  f"{f', {summary.skipped} already done' if summary.skipped else ''} in {summary.seconds:.1f}s ({rate:.1f} articles/s)"
                  f"{'' if output == '-' else f' -> {output}'}")
    raise typer.Exit(1 if summary.errors else 0)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output line (generated from the pydantic models)."""
    from .schema import json_schema

    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@corpus_app.command("build")
def corpus_build(corpora: Path = typer.Argument(Path("corpora"), help="Folder holding it/ and en/")) -> None:
    """Convert corpora/<lang>/src/*.txt (inline markup) into corpora/<lang>/{train,dev,test}.jsonl."""
    from .corpus import CorpusError, build, write_jsonl
    from .tokenizer import blank

    for lang_dir in sorted(p for p in corpora.iterdir() if (p / "src").is_dir()):
        try:
            splits = build(lang_dir, blank(lang_dir.name).tokenizer)
        except CorpusError as exc:
            err.print(f"[red]{lang_dir}[/red]:\n{exc}")
            raise typer.Exit(1) from None
        for split, articles in splits.items():
            write_jsonl(articles, lang_dir / f"{split}.jsonl")
            err.print(f"{lang_dir.name}/{split}.jsonl: {len(articles)} articles")


@corpus_app.command("stats")
def corpus_stats(corpora: Path = typer.Argument(Path("corpora")), markdown: bool = typer.Option(False, help="Markdown tables")) -> None:
    """Articles, tokens, mentions per label, distinct names and styles of the corpora."""
    from .corpus import stats

    typer.echo(stats(corpora, markdown))



@app.command()
def train(
    langs: list[str] = typer.Argument(["it", "en"], help="Languages to train"),
    corpora: Path = typer.Option(Path("corpora"), help="Folder with <lang>/{train,dev,test}.jsonl"),
    models: Path = typer.Option(Path("models"), help="Where the trained pipelines go (<models>/<lang>)"),
    workdir: Path = typer.Option(Path("training"), help="Scratch folder for DocBins and checkpoints"),
    max_steps: Optional[int] = typer.Option(None, help="Override training.max_steps"),
    augment: Optional[int] = typer.Option(None, min=0, help="Name-swapped copies of the training split to add (default: per language)"),
    refit_only: bool = typer.Option(False, help="Keep the trained NER; refit what is learned after it and re-score"),
) -> None:
    """Reproduce models/<lang> from the corpora (seeded), and record dev/test scores in its meta.json."""
    from .train import refit, train_language

    overrides = {"training.max_steps": max_steps} if max_steps else {}
    for lang in langs:
        metrics = refit(lang, corpora, models / lang) if refit_only else train_language(lang, corpora, models / lang, workdir / lang, overrides, augment)
        for split, m in metrics.items():
            labels = " ".join(f"{k} {v['f1']:.3f}" for k, v in sorted(m["per_label"].items()))
            err.print(f"{lang} {split}: F1 {m['f1']:.3f} (P {m['p']:.3f} R {m['r']:.3f}) | {labels}")


@app.command()
def evaluate(
    gold: list[Path] = typer.Argument(..., help="Annotated JSONL files (corpora format)"),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write the metrics as JSON"),
    html_out: Optional[Path] = typer.Option(None, "--html", help="Write an HTML report with displaCy renderings"),
    fail_under: list[str] = typer.Option([], help="KEY=VALUE: exit 1 when a metric (e.g. ner.f1) is below VALUE"),
    seen: list[Path] = typer.Option([], help="Training files: report ner.unseen on names they never contain"),
    model: list[str] = typer.Option([], help="LANG=PATH_OR_PACKAGE, as for run"),
    kb: list[Path] = typer.Option([], help="Extra knowledge-base YAML file(s)"),
) -> None:
    """Score the full pipeline against annotated fixtures, per language and per label."""
    from rich.table import Table

    from .evaluate import Evaluator, flat, html_report, load_gold, lookup, seen_names
    from .pipeline import Pipelines

    gates = {k: float(v) for k, v in _pairs(fail_under, "--fail-under").items()}
    missing = [str(p) for p in gold if not p.is_file()]
    if missing:
        raise typer.BadParameter(f"no such file: {', '.join(missing)}", param_hint="GOLD")
    pipes = Pipelines(models=_pairs(model, "--model"), extra_kb=[str(p) for p in kb])
    metrics, results = Evaluator(pipes, seen=seen_names(seen) if seen else None).run(load_gold(gold))
    table = Table(title=f"newsextract evaluation ({metrics['documents']} documents)")
    langs = sorted(metrics["by_language"])
    for col in ["metric", "all", *langs]:
        table.add_column(col, justify="left" if col == "metric" else "right")
    per_lang = {lang: dict(flat(metrics["by_language"][lang])) for lang in langs}
    for key, value in flat(metrics, skip="by_language"):
        if key.endswith(("total", "documents")):
            continue
        table.add_row(key, _fmt(value), *[_fmt(per_lang[lang].get(key)) for lang in langs])
    Console().print(table)
    if json_out:
        json_out.write_text(json.dumps(metrics, indent=2, ensure_ascii=False), encoding="utf-8")
    if html_out:
        html_out.write_text(html_report(metrics, results), encoding="utf-8")
    failed = []
    for key, threshold in gates.items():
        try:
            value = lookup(metrics, key)
        except KeyError:
            raise typer.BadParameter(f"unknown metric {key!r}", param_hint="--fail-under") from None
        if value is None or value < threshold:
            failed.append(f"{key} = {value} < {threshold}")
    if failed:
        err.print("[red]below threshold:[/red] " + "; ".join(failed))
        raise typer.Exit(1)


def _fmt(value) -> str:
    return "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


@app.command()
def merge(
    records: list[Path] = typer.Argument(..., help="JSONL files written by 'newsextract run'"),
    output: str = typer.Option("-", "--output", "-o", help="JSONL of consolidated events, '-' for stdout"),
) -> None:
    """Consolidate events across articles and languages: one line per real-world happening."""
    from .merge import consolidate, read_records
    from .writer import JsonlWriter

    missing = [str(p) for p in records if not p.is_file()]
    if missing:
        raise typer.BadParameter(f"no such file: {', '.join(missing)}", param_hint="RECORDS")
    happenings = consolidate(read_records(records))
    with JsonlWriter(output) as writer:
        for happening in happenings:
            writer.write(happening)
    multi = sum(1 for h in happenings if len(h.sources) > 1)
    err.print(f"{len(happenings)} happenings, {multi} reported by more than one article")


if __name__ == "__main__":
    app()
