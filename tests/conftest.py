"""Shared fixtures: the repository paths and pipelines loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "corpora" / "samples"
CORPORA = ROOT / "corpora"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def pipes():
    """The shipped pipelines (models/<lang>), loaded once."""
    from newsextract.pipeline import Pipelines

    return Pipelines()


@pytest.fixture(scope="session")
def extractor():
    import newsextract

    return newsextract.load()


@pytest.fixture(scope="session")
def it():
    """Italian pipeline of our components on a blank model: KB ruler, linker, dates, events."""
    from newsextract.pipeline import ruler_only

    return ruler_only("it")


@pytest.fixture(scope="session")
def en():
    """English pipeline of our components on a blank model."""
    from newsextract.pipeline import ruler_only

    return ruler_only("en")
