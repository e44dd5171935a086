"""Grade a folder of submitted notebooks with ``otter run`` (no Docker) into a CSV.

``otter grade`` runs each submission in a Docker container; ``otter run``
grades one submission in the current environment, which has everything a
chapter needs (``requirements.txt``).  :func:`grade_folder` calls it for each
``.ipynb`` of a folder, a few at a time, and writes one CSV row per
submission: the file name, the score of each autograded question, the total
and the possible total.  Manually graded questions are not in the zip's
tests and so not in the CSV; grade them by reading the notebooks (or on
Gradescope).

A submission runs top to bottom in a fresh kernel, as the student's own code:
grade only on a machine and account where that is acceptable.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import zipfile
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

__all__ = ["question_names", "grade_notebook", "grade_folder"]


def question_names(autograder: Path) -> list[str]:
    """The autograded questions of an autograder zip (its ``tests/*.py``), in file order."""
    with zipfile.ZipFile(autograder) as archive:
        names = [Path(n).stem for n in archive.namelist() if n.startswith("tests/") and n.endswith(".py")]
    return sorted(names)


def grade_notebook(autograder: Path, notebook: Path, *, strict: bool = False) -> dict[str, float]:
    """Grade one notebook with ``otter run``: score per question, plus ``total`` and ``possible``.

    A notebook that cannot be graded at all (not a notebook, no kernel) scores
    0 on every question, and ``error`` holds otter's message.  A cell that
    raises is skipped and grading goes on, as for any student; with
    ``strict``, it raises ``nbclient``'s ``CellExecutionError`` instead (the
    tests use this to show that a notebook runs top to bottom).
    """
    import otter.run

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        results = otter.run.main(str(notebook.resolve()), autograder=str(autograder.resolve()),
                                 output_dir=None, no_logo=True, debug=strict)
    scores = {name: float(r.score) for name, r in results.results.items()}
    row: dict[str, float | str] = dict(scores)
    row["total"] = float(results.total)
    row["possible"] = float(results.possible)
    if results.has_catastrophic_failure():
        row["error"] = str(results.catastrophic_error)
    return row


def grade_folder(autograder: Path, submissions: Path, out_csv: Path, *, jobs: int | None = None,
                 strict: bool = False) -> list[dict]:
    """Grade every ``.ipynb`` in ``submissions`` and write the scores per question to ``out_csv``.

    ``jobs`` submissions are graded at once (default: one per CPU); ``strict``
    is passed to :func:`grade_notebook`.

    Raises
    ------
    ValueError
        If ``autograder`` is not a zip file or has no test (a chapter whose
        exercises are all graded by hand), or ``submissions`` holds no notebook.
    """
    if not zipfile.is_zipfile(autograder):
        raise ValueError(f"autograder={str(autograder)!r} is not an otter autograder zip")
    notebooks = sorted(p for p in submissions.glob("*.ipynb") if not p.name.startswith("."))
    if not notebooks:
        raise ValueError(f"submissions={str(submissions)!r} holds no .ipynb file")
    questions = question_names(autograder)
    if not questions:
        raise ValueError(f"autograder={str(autograder)!r} has no autograded question: this chapter is graded by hand")
    workers = max(1, min(jobs or os.cpu_count() or 1, len(notebooks)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        graded = list(pool.map(partial(grade_notebook, strict=strict), [autograder] * len(notebooks), notebooks))
    rows = []
    for path, scores in zip(notebooks, graded):
        row = {"submission": path.name}
        row.update({q: scores.get(q, 0.0) for q in questions})
        row.update(total=scores["total"], possible=scores["possible"], error=scores.get("error", ""))
        rows.append(row)
    out_csv.parent.mkdir(parents=True, exist_ok=True)
    with out_csv.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["submission", *questions, "total", "possible", "error"])
        writer.writeheader()
        writer.writerows(rows)
    return rows
