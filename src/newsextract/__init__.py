"""newsextract: structured records from Italian and English football news.

    >>> import newsextract
    >>> nlp = newsextract.load()
    >>> record = nlp.extract("L'Inter ha battuto il Torino 5-0 a San Siro.", published="2025-08-26")
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsextract")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

__all__ = ["__version__", "load", "NewsExtractor"]


def __getattr__(name):
    if name in ("load", "NewsExtractor"):
        from . import api

        return getattr(api, name)
    raise AttributeError(name)
