"""Language identification: langdetect, seeded, with a rule for texts too short for it.

langdetect compares every sampled n-gram against all of its 55 language profiles, so a
first pass runs on a shortlist only: Italian, English and the languages (Latin-script
ones) most easily taken for them, with three random restarts instead of seven (as
accurate on our corpora). A verdict other than Italian or English, or none, is taken
again by plain langdetect, so unsupported articles keep their exact language code.

langdetect is unreliable below a dozen words (a headline alone). For such texts the
choice is made between the supported languages only, by counting their function words
and adding langdetect's probabilities for them; the confidence is capped at 0.6 and a
warning says so. With no evidence either way the language is 'und' (unsupported).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from langdetect import DetectorFactory, detect_langs
from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY
from langdetect.lang_detect_exception import LangDetectException
from langdetect.utils.lang_profile import LangProfile
from langdetect.utils.ngram import NGram

SUPPORTED = ("it", "en")
SHORT_WORDS = 12
SAMPLE_CHARS = 500
FUNCTION_WORDS = {
    "it": {"il", "lo", "la", "i", "gli", "le", "di", "del", "della", "dei", "che", "e", "è", "per", "con", "un", "una",
           "non", "alla", "al", "nel", "nella", "da", "dal", "sul", "contro", "ai", "agli", "anche", "più", "ha", "sono"},
    "en": {"the", "of", "and", "to", "in", "is", "for", "with", "a", "an", "on", "at", "by", "from", "as", "that",
           "this", "was", "has", "have", "after", "against", "their", "his", "will", "be", "are", "set", "into"},
}
WORD = re.compile(r"[^\W\d_]+")
TRIALS = 3
SHORTLIST = ("it", "en", "fr", "es", "pt", "ca", "ro", "de", "nl", "da", "sv", "no", "pl", "cs", "hr", "tr", "vi", "cy")

DetectorFactory.seed = 0


class _Normal(dict):
    """str.translate table applying langdetect's per-character normalization, filled as characters appear."""

    def __missing__(self, code: int) -> str:
        self[code] = NGram.normalize(chr(code))
        return self[code]


NORMAL = _Normal()


@lru_cache(maxsize=1 << 16)
def word_ngrams(word: str, spaced: bool) -> tuple[str, ...]:
    """langdetect's 1- to 3-grams of one normalized word, with the space after it if spaced.

    The buffer restarts at a space; no n-gram ends on a capital that follows a capital."""
    padded = " " + word + (" " if spaced else "")
    grams = []
    for j in range(1, len(padded)):
        if not (padded[j].isupper() and padded[j - 1].isupper()):
            grams.extend(padded[j + 1 - n : j + 1] for n in range(1, min(3, j + 1) + 1))
    return tuple(g for g in grams if g != " ")


class FastDetector(Detector):
    """langdetect's Detector with the same n-grams, taken a word at a time (cached: news repeats its
    words) rather than a character at a time."""

    def _extract_ngrams(self) -> list[str]:
        known = self.word_lang_prob_map
        words = self.text.translate(NORMAL).split(" ")
        last = len(words) - 1
        return [gram for k, word in enumerate(words) if word for gram in word_ngrams(word, k < last) if gram in known]


@lru_cache(maxsize=1)
def shortlist_factory() -> DetectorFactory:
    """The shortlist's profiles, loaded from langdetect's own profile files on first use."""
    factory = DetectorFactory()
    factory.seed = 0
    for i, code in enumerate(SHORTLIST):
        profile = json.loads((Path(PROFILES_DIRECTORY) / code).read_text(encoding="utf-8"))
        factory.add_profile(LangProfile(**profile), i, len(SHORTLIST))
    return factory


@dataclass(frozen=True)
class LangResult:
    code: str
    confidence: float
    supported: bool
    method: str
    warning: str | None = None


def _langdetect(text: str) -> dict[str, float]:
    """langdetect on the opening (enough for a verdict, and fast), lowercased when shouted."""
    sample = text[:SAMPLE_CHARS]
    letters = [c for c in sample if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > len(letters) / 2:
        sample = sample.lower()
    probs = _shortlisted(sample)
    if probs and max(probs, key=probs.get) in SUPPORTED:
        return probs
    DetectorFactory.seed = 0
    try:
        return {r.lang: r.prob for r in detect_langs(sample)}
    except LangDetectException:
        return {}


def _shortlisted(sample: str) -> dict[str, float]:
    detector = FastDetector(shortlist_factory())
    detector.n_trial = TRIALS
    detector.append(sample)
    try:
        return {r.lang: r.prob for r in detector.get_probabilities()}
    except LangDetectException:
        return {}


def detect(text: str, forced: str | None = None, hint: str | None = None) -> LangResult:
    """Language of an article. forced (--lang) wins; hint (metadata) is used for short texts."""
    if forced:
        return LangResult(forced, 1.0, forced in SUPPORTED, "forced")
    words = WORD.findall(text.lower())
    if len(words) >= SHORT_WORDS:
        probs = _langdetect(text)
        if probs:
            code, prob = max(probs.items(), key=lambda kv: kv[1])
            return LangResult(code, round(prob, 4), code in SUPPORTED, "langdetect")
        return LangResult("und", 0.0, False, "langdetect", "langdetect found no language")
    if hint:
        return LangResult(hint, 1.0, hint in SUPPORTED, "metadata")
    probs = _langdetect(text) if words else {}
    scores = {code: sum(w in FUNCTION_WORDS[code] for w in words) + probs.get(code, 0.0) for code in SUPPORTED}
    code, score = max(scores.items(), key=lambda kv: kv[1])
    if score <= 0.2 or list(scores.values()).count(score) > 1:
        return LangResult("und", 0.0, False, "short-text", "text too short to tell its language; use --lang")
    confidence = min(0.6, score / (sum(scores.values()) or 1) * 0.6)
    return LangResult(code, round(confidence, 4), True, "short-text", f"short text ({len(words)} words): language guessed as {code}")
