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


FINNISH = "HJK voitti kotonaan KuPSin maalein kaksi yksi, kun hyökkääjä teki molemmat maalit toisella puoliajalla täpötäyden stadionin edessä."
VIETNAMESE = "Câu lạc bộ Hà Nội đã đánh bại Hải Phòng với tỷ số hai một trong trận đấu diễn ra tối qua, và người hâm mộ đã ăn mừng chiến thắng đến khuya."


def test_word_ngrams_are_langdetects():
    from langdetect.detector import Detector

    from newsextract.langid import FastDetector, shortlist_factory

    for text in ("  INTER e MILAN:  VAR, FIGC -- ÈÀ école d'été... ", "Il Napoli ha battuto la Roma 2-1.\n", VIETNAMESE, "Ǆemal ǄEMAL ab  ",
                 "Қазақстан құрамасы жеңіп, Астанада", "x"):
        ours, theirs = FastDetector(shortlist_factory()), Detector(shortlist_factory())
        for detector in (ours, theirs):
            detector.append(text)
            detector.cleaning_text()
        assert ours._extract_ngrams() == theirs._extract_ngrams()


def test_languages_off_the_shortlist_keep_langdetects_code():
    from langdetect import DetectorFactory, detect_langs

    from newsextract.langid import SHORTLIST

    assert "fi" not in SHORTLIST
    DetectorFactory.seed = 0
    assert detect(FINNISH).code == detect_langs(FINNISH)[0].lang == "fi"
    assert not detect(FINNISH).supported


def test_shortlisted_neighbours_are_not_taken_for_english():
    result = detect(VIETNAMESE)
    assert result.code == "vi" and not result.supported
