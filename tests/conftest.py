"""Shared fixtures and paths for the test suite."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
#: The built site; CALCIFY_SITE points the browser tests at another build (a helper's
#: `jupyter-book build . --path-output DIR` writes DIR/_build/html).
SITE = Path(os.environ.get("CALCIFY_SITE", ROOT / "_build" / "html"))
