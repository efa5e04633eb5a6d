"""Test helpers: components over text with entities given by hand; reading inputs."""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from newsextract.readers import Article, ReadError, read_inputs


def annotate(nlp: Language, text: str, people: tuple[str, ...] = (), dates: tuple[str, ...] = (), published: str | None = None,
             clubs: tuple[str, ...] = ()) -> Doc:
    """Run every component, with the named PERSON, DATE and CLUB strings preset as entities (as a model would find them)."""
    doc = nlp.make_doc(text)
    doc._.published = published
    spans = []
    for label, names in (("PERSON", people), ("DATE", dates), ("CLUB", clubs)):
        for name in names:
            for mo in re.finditer(re.escape(name), text):
                spans.append(doc.char_span(mo.start(), mo.end(), label=label))
    doc.ents = filter_spans([s for s in spans if s is not None])
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def read_all(*inputs: Path | str, **kwargs) -> list[Article | ReadError]:
    return list(read_inputs([str(i) for i in inputs], **kwargs))


def only(items: list) -> Article | ReadError:
    assert len(items) == 1, items
    return items[0]
