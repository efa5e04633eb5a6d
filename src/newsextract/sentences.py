"""Sentence boundaries at punctuation and at line breaks.

News text puts headlines, captions, bylines and "see also" teasers on lines of their
own, without final punctuation; a line break therefore always ends a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import numpy as np

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

NEWLINE = re.compile("\n")


class LineSentencizer(Sentencizer):
    """spaCy's rule-based sentencizer plus a boundary after every line break, the token after it
    found from the tokens' character offsets (walking the Doc would build a Token object each step)."""

    def predict(self, docs):
        guesses = super().predict(docs)
        for doc, doc_guesses in zip(docs, guesses):
            starts = doc.to_array(IDX).tolist()
            for mo in NEWLINE.finditer(doc.text):
                after = bisect_right(starts, mo.start())  # the token after the one holding the line break
                if after < len(doc):
                    doc_guesses[after] = True
        return guesses


@Language.factory("newsextract_sentences", default_config={"punct_chars": None, "overwrite": False})
def make_sentences(nlp: Language, name: str, punct_chars: list[str] | None, overwrite: bool) -> LineSentencizer:
    return LineSentencizer(name=name, punct_chars=punct_chars, overwrite=overwrite)


def sentences(doc: Doc) -> list[Span]:
    """doc.sents read from the SENT_START array, without building every token; the whole doc when unset."""
    if len(doc) == 0:
        return []
    flags = doc.to_array(SENT_START)
    if not (flags[1:] != 0).any():
        return [doc[:]]
    cuts = [0, *(int(i) + 1 for i in np.flatnonzero(flags[1:] == 1)), len(doc)]
    return [doc[a:b] for a, b in zip(cuts, cuts[1:])]
