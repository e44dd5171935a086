"""Course assignments generated from the book's own notebooks.

The book is the one source.  Each chapter notebook in ``book/`` states its
exercises as MyST ``{exercise}`` directives, with a folded ``{solution}`` or a
``solution-start`` / ``solution-end`` pair around solution cells.  An exercise
that asks for something computable carries, inside its solution, an invisible
*check cell* (tags ``remove-cell`` and :data:`convert.CHECK_TAG`): it names the
answer variables in ``# answer NAME: what it holds`` lines and asserts on
them with tolerances.  The book build and nbval run it, so the book's own
solutions are checked.

This package turns such a chapter into otter-grader's assignment format and
runs ``otter assign`` on it (:mod:`.build`), and grades a folder of
submissions with ``otter run`` into a CSV (:mod:`.grade`):

* :mod:`.convert` reads a chapter (exercises, solutions, checks, the code
  cells the solutions depend on) and writes otter's source notebook;
* :mod:`.build` writes, per chapter, the student notebook, the instructor
  notebook and the autograder zip under ``_build/assignments/<chapter>/``;
* :mod:`.grade` grades submissions without Docker.

Command line (the README's ``tools/make-assignments`` and
``tools/grade-submissions`` call these)::

    python -m assignments make [--out DIR] [CHAPTER ...]
    python -m assignments grade AUTOGRADER_ZIP FOLDER OUT_CSV
"""
