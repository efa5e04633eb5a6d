"""Language identification: langdetect, seeded, with a rule for texts too short for it.

langdetect is unreliable below a dozen words (a headline alone). For such texts the
choice is made between the supported languages only, by counting their function words
and adding langdetect's probabilities for them; the confidence is capped at 0.6 and a
warning says so. With no evidence either way the language is 'und' (unsupported).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

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

DetectorFactory.seed = 0


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
    DetectorFactory.seed = 0
    try:
        return {r.lang: r.prob for r in detect_langs(sample)}
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
