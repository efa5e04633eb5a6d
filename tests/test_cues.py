"""Cue patterns: case-insensitive matches at the offsets of the original text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsextract.cues import Cue, lower


def test_matches_any_case_at_original_offsets():
    cue = Cue(r"\b(ha battuto|beat)\b")
    text = "Il Milan HA BATTUTO la Roma; Arsenal Beat Chelsea"
    found = [(m.start(), m.end()) for m in cue.finditer(text)]
    assert found == [(m.start(), m.end()) for m in re.finditer(r"\b(ha battuto|beat)\b", text, re.I)]
    assert [text[a:b] for a, b in found] == ["HA BATTUTO", "Beat"]


def test_characters_that_lower_to_two_keep_their_place():
    text = "İstanbul Başakşehir beat Roma"
    assert len(lower(text)) == len(text)
    assert Cue(r"\bbeat\b").search(text).start() == text.index("beat")


@given(st.text())
def test_lower_keeps_length(text):
    assert len(lower(text)) == len(text)
