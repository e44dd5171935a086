"""Re-run the book's notebooks in place, so their stored outputs match calcify_lib.

Run this after changing calcify_lib or a notebook, then commit the notebooks:
nbval compares every stored output with a fresh run, and CI fails on any
difference.

    .venv/bin/python tools/refresh_notebooks.py            # every notebook in book/
    .venv/bin/python tools/refresh_notebooks.py book/chemistry.ipynb

Each notebook runs top to bottom in a fresh kernel, from the book/ folder
(as Binder and the site build do).  Timing metadata and widget state are not
stored, so a re-run of unchanged code changes no byte apart from the
widgets' random model ids, which nbval ignores.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def refresh(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=600,
        record_timing=False,
        store_widget_state=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    notebook.metadata.pop("widgets", None)
    notebook.metadata["language_info"] = {"name": "python"}
    nbformat.write(notebook, path)
    print(f"refreshed {path.relative_to(ROOT)}")


def main(arguments: list[str]) -> int:
    paths = [Path(a).resolve() for a in arguments] or sorted((ROOT / "book").rglob("*.ipynb"))
    for path in paths:
        if ".ipynb_checkpoints" not in path.parts:
            refresh(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
