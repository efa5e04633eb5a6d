"""Tokenizer tuned for football news, registered for use from a pipeline's config.cfg.

spaCy's default rules keep "Inter-Torino" and "Juve-Milan" as one token and treat the
"A." of "Serie A." as an abbreviation; both would hide entity boundaries from NER.
"""

from __future__ import annotations

import re

import spacy
from spacy.util import compile_infix_regex, compile_suffix_regex, registry

TEAM_HYPHEN = r"(?<=[^\W\d_])[-–](?=[^\W\d_])"
CAPITAL_DOT = r"(?<=^[A-Z])\."
SINGLE_CAPITAL = re.compile(r"^[A-Z]\.$")


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
