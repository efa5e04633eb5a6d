"""The library entry point: load the pipelines once, then extract records from texts."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .extract import Options, extract
from .pipeline import Pipelines
from .readers import Article
from .schema import Record


class NewsExtractor:
    """Loaded pipelines plus options; ``extract`` turns a text into a :class:`Record`."""

    def __init__(self, pipes: Pipelines, options: Options = Options()):
        self.pipes = pipes
        self.options = options

    def extract(self, text: str, *, published: str | None = None, lang: str | None = None, doc_id: str = "text",
                title: str | None = None, url: str | None = None, outlet: str | None = None) -> Record:
        article = Article(doc_id=doc_id, source=doc_id, sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
                          text=text, title=title, published=published, url=url, outlet=outlet)
        options = Options(lang=lang or self.options.lang, reference_date=self.options.reference_date)
        return extract(article, self.pipes, options)


def load(models: dict[str, str] | None = None, kb: list[str | Path] | None = None, reference_date: str | None = None,
         label_map: dict[str, str] | None = None) -> NewsExtractor:
    """Pipelines for Italian and English (ours by default, or {'it': 'path-or-package'})."""
    pipes = Pipelines(models=dict(models or {}), extra_kb=[str(p) for p in kb or []], label_map=dict(label_map or {}))
    return NewsExtractor(pipes, Options(reference_date=reference_date))
