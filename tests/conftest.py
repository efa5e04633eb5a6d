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
