"""Tokenizer tuned for football news, registered for use from a pipeline's config.cfg.

spaCy's default rules keep "Inter-Torino" and "Juve-Milan" as one token and treat the
"A." of "Serie A." as an abbreviation; both would hide entity boundaries from NER.

The Doc it makes keeps the text it came from (``make_doc``, ``doc_text``, ``span_text``),
for the components after NER that read the text many times per document.
"""

from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, compile_suffix_regex, registry

TEAM_HYPHEN = r"(?<=[^\W\d_])[-–](?=[^\W\d_])"
CAPITAL_DOT = r"(?<=^[A-Z])\."
SINGLE_CAPITAL = re.compile(r"^[A-Z]\.$")
TEXT_KEY = "newsextract.text"


def doc_text(doc: Doc) -> str:
    """doc.text, kept in doc.user_data: spaCy rebuilds it from every token on each access.

    A Doc's text never changes (retokenizing keeps it), so the copy stays valid; it is
    kept with the token count it was read at, and read again when that count changes.
    """
    kept = doc.user_data.get(TEXT_KEY)
    if kept is None or kept[0] != len(doc):
        kept = doc.user_data[TEXT_KEY] = (len(doc), doc.text)
    return kept[1]


def make_doc(nlp, text: str) -> Doc:
    """nlp.make_doc, the text it was given kept for ``doc_text``."""
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = (len(doc), text)
    return doc


def span_text(span: Span) -> str:
    """span.text from the kept document text (Span.text also walks every token)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def customize(nlp, tok):
    """Split hyphens between words and drop single-capital-letter abbreviations."""
    tok.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, TEAM_HYPHEN]).finditer
    tok.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, CAPITAL_DOT]).search
    tok.rules = {k: v for k, v in tok.rules.items() if not SINGLE_CAPITAL.match(k)}
    return tok


@registry.tokenizers("newsextract.tokenizer.v1")
def create_tokenizer():
    default = registry.tokenizers.get("spacy.Tokenizer.v1")()

    def make(nlp):
        return customize(nlp, default(nlp))

    return make


def blank(lang: str):
    """A blank pipeline for lang with the football-news tokenizer."""
    return spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": "newsextract.tokenizer.v1"}}})
