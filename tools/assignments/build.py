"""Write every chapter's assignment: student notebook, instructor notebook, autograder zip.

For each chapter notebook ``book/<chapter>.ipynb``, :func:`make_assignment`
writes, under ``<out>/<chapter>/``:

* ``student/<chapter>.ipynb``: the exercises, the setup code they need and
  answer stubs (``x = ...``), with no solution text or code, no outputs and no
  test (every test is hidden); it runs with the book's ``requirements.txt``;
* ``instructor/<chapter>.ipynb``: the same with every solution (otter's
  autograder notebook);
* ``<chapter>-autograder.zip``: otter's autograder (hidden tests, a
  ``requirements.txt`` and a copy of ``calcify_lib``), for ``otter run``
  (``tools/grade-submissions``), Gradescope or PrairieLearn.

``otter assign`` does the work on a source notebook written by
:func:`convert.otter_source` in a temporary folder; this module only names
and places its outputs.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

from . import convert

__all__ = ["Assignment", "make_assignment", "make_assignments", "runtime_requirements"]

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Assignment:
    """Where one chapter's assignment was written, and what it holds."""

    chapter: convert.Chapter
    folder: Path

    @property
    def student(self) -> Path:
        return self.folder / "student" / f"{self.chapter.name}.ipynb"

    @property
    def instructor(self) -> Path:
        return self.folder / "instructor" / f"{self.chapter.name}.ipynb"

    @property
    def autograder(self) -> Path:
        return self.folder / f"{self.chapter.name}-autograder.zip"

    def describe(self) -> str:
        c = self.chapter
        points = sum(e.points for e in c.exercises)
        line = (f"{c.name}: {len(c.exercises)} exercises, {c.autograded_questions} autograded questions "
                f"({points} points), {c.manual_questions} graded by hand")
        if c.unchecked_computations:
            line += f"; no check cell yet: {', '.join(c.unchecked_computations)}"
        return line


def runtime_requirements(root: Path = ROOT) -> str:
    """The book's ``requirements.txt`` without its editable install of ``calcify_lib``.

    A grading service installs these pins; ``calcify_lib`` itself travels in
    the autograder zip.
    """
    lines = (root / "requirements.txt").read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if line.strip() and not line.lstrip().startswith(("#", "-e", "--editable"))]
    return "\n".join(kept) + "\n"


def _student_cleanup(path: Path) -> None:
    """Drop the empty code cells that otter leaves where a solution cell had no stub."""
    notebook = nbformat.read(path, as_version=4)
    notebook.cells = [
        c for c in notebook.cells
        if not (c.cell_type == "code" and not c.source.strip())
    ]
    nbformat.write(notebook, path)


def make_assignment(notebook_path: Path, out: Path) -> Assignment:
    """Write one chapter's student and instructor notebooks and autograder zip under ``out/<chapter>``."""
    import logging

    from otter import logging as otter_logging
    from otter.assign import main as otter_assign

    name = notebook_path.stem
    chapter = convert.parse_chapter(nbformat.read(notebook_path, as_version=4), name)
    folder = out / name
    with tempfile.TemporaryDirectory(prefix=f"calcify-assign-{name}-") as scratch:
        work = Path(scratch)
        (work / "requirements.txt").write_text(runtime_requirements(), encoding="utf-8")
        shutil.copytree(ROOT / "calcify_lib", work / "calcify_lib",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        source = convert.otter_source(chapter, requirements="requirements.txt", autograder_files=["calcify_lib"])
        nbformat.write(source, work / f"{name}.ipynb")
        # otter warns when a chapter has no autograded question yet; describe() says so instead
        with contextlib.redirect_stdout(io.StringIO()), otter_logging.level_context(logging.ERROR):
            otter_assign(str(work / f"{name}.ipynb"), str(work / "dist"), no_pdfs=True, no_run_tests=True)
        zips = sorted((work / "dist" / "autograder").glob(f"{name}-autograder_*.zip"))
        if len(zips) != 1:
            raise RuntimeError(f"otter assign wrote {len(zips)} autograder zips for {name}")
        if folder.exists():
            shutil.rmtree(folder)
        (folder / "student").mkdir(parents=True)
        (folder / "instructor").mkdir()
        assignment = Assignment(chapter, folder)
        shutil.copy(work / "dist" / "student" / f"{name}.ipynb", assignment.student)
        shutil.copy(work / "dist" / "autograder" / f"{name}.ipynb", assignment.instructor)
        shutil.copy(zips[0], assignment.autograder)
    _student_cleanup(assignment.student)
    return assignment


def chapter_notebooks(book: Path, names: list[str] | None = None) -> list[Path]:
    """The chapter notebooks of ``book`` (all, or those named), in name order."""
    paths = sorted(p for p in book.glob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    if names is None:
        return paths
    by_name = {p.stem: p for p in paths}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise ValueError(f"no chapter {unknown} in {book}; the chapters are {sorted(by_name)}")
    return [by_name[n] for n in names]


def make_assignments(book: Path, out: Path, names: list[str] | None = None) -> list[Assignment]:
    """Write the assignment of every chapter in ``book`` (or of those named) under ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    return [make_assignment(path, out) for path in chapter_notebooks(book, names)]
