"""Test helpers: run our components over text with some entities given by hand."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans


def annotate(nlp: Language, text: str, people: tuple[str, ...] = (), dates: tuple[str, ...] = (), published: str | None = None) -> Doc:
    """Run every component, with the named PERSON and DATE strings preset as entities (as a model would find them)."""
    doc = nlp.make_doc(text)
    doc._.published = published
    spans = []
    for label, names in (("PERSON", people), ("DATE", dates)):
        for name in names:
            for mo in re.finditer(re.escape(name), text):
                spans.append(doc.char_span(mo.start(), mo.end(), label=label))
    doc.ents = filter_spans([s for s in spans if s is not None])
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
