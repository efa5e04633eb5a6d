"""Language identification, including the short-text rule."""

from __future__ import annotations

from newsextract.langid import detect


def test_long_texts():
    it = detect("Il Napoli ha battuto la Roma per due a uno allo stadio Maradona davanti a cinquantamila tifosi in festa.")
    en = detect("Arsenal beat Chelsea two-one at the Emirates on Saturday evening in front of a sold-out crowd of supporters.")
    assert (it.code, it.supported, it.method) == ("it", True, "langdetect")
    assert (en.code, en.supported) == ("en", True)


def test_deterministic():
    text = "Kairat Almaty avversaria di Inter e Real Madrid in Champions League"
    assert len({detect(text) for _ in range(5)}) == 1


def test_other_language_is_unsupported():
    fr = detect("Le Paris Saint-Germain a battu l'Olympique de Marseille trois buts à zéro au Parc des Princes dimanche soir.")
    assert fr.code == "fr" and not fr.supported


def test_headline_only_text_uses_function_words():
    result = detect("Inter, accordo con il Torino per il nuovo difensore")
    assert result.code == "it" and result.method == "short-text" and result.confidence <= 0.6 and result.warning


def test_no_evidence_is_undetermined():
    result = detect("Kvaratskhelia 2025")
    assert result.code == "und" and not result.supported and result.warning


def test_forced_and_metadata():
    assert detect("whatever text", forced="it").method == "forced"
    assert detect("Kvaratskhelia!", hint="it").code == "it"
