"""Sentence boundaries at punctuation and at line breaks.

News text puts headlines, captions, bylines and "see also" teasers on lines of their
own, without final punctuation; a line break therefore always ends a sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import Sentencizer


class LineSentencizer(Sentencizer):
    """spaCy's rule-based sentencizer plus a boundary after every line break."""

    def predict(self, docs):
        guesses = super().predict(docs)
        for doc, doc_guesses in zip(docs, guesses):
            for i in range(1, len(doc)):
                if "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_:
                    doc_guesses[i] = True
        return guesses


@Language.factory("newsextract_sentences", default_config={"punct_chars": None, "overwrite": False})
def make_sentences(nlp: Language, name: str, punct_chars: list[str] | None, overwrite: bool) -> LineSentencizer:
    return LineSentencizer(name=name, punct_chars=punct_chars, overwrite=overwrite)
