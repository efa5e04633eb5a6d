"""Sentence boundaries at punctuation and at line breaks.

News text puts headlines, captions, bylines and "see also" teasers on lines of their
own, without final punctuation; a line break therefore always ends a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import numpy as np
import srsly

from spacy.attrs import IDX, IS_PUNCT, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from .tokenizer import doc_text

NEWLINE = re.compile("\n")


class LineSentencizer(Sentencizer):
    """spaCy's rule-based sentencizer plus a boundary after every line break.

    Its rules (a sentence ends after punct_chars and the punctuation that follows them)
    are read from the ORTH and IS_PUNCT arrays, and the token after a line break from
    the tokens' character offsets: walking the Doc would build a Token object each step.
    """

    def predict(self, docs):
        punct = {get_string_id(c) for c in self.punct_chars}
        guesses = []
        for doc in docs:
            if not len(doc):
                guesses.append([])
                continue
            orth, is_punct, starts = doc.to_array([ORTH, IS_PUNCT, IDX]).T.tolist()
            doc_guesses = [False] * len(doc)
            doc_guesses[0] = True
            start, seen_period = 0, False
            for i, (o, p) in enumerate(zip(orth, is_punct)):
                if seen_period and not p and o not in punct:
                    doc_guesses[start] = True
                    start, seen_period = i, False
                elif o in punct:
                    seen_period = True
            doc_guesses[start] = True
            for mo in NEWLINE.finditer(doc_text(doc)):
                after = bisect_right(starts, mo.start())  # the token after the one holding the line break
                if after < len(doc):
                    doc_guesses[after] = True
            guesses.append(doc_guesses)
        return guesses

    def to_disk(self, path, *, exclude=()):
        """As spaCy's, with punct_chars sorted: a set's order changes between runs, the shipped file should not."""
        srsly.write_json(ensure_path(path).with_suffix(".json"), {"punct_chars": sorted(self.punct_chars), "overwrite": self.overwrite})


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
