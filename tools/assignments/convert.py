"""From a chapter notebook's MyST exercises to otter-grader's source notebook.

A chapter notebook states an exercise as

* an ``{exercise}`` directive with a ``:label:``;
* its solution, either a folded ``{solution} LABEL`` directive (text only) or
  a ``{solution-start} LABEL`` ... ``{solution-end}`` pair whose markdown and
  code cells between the two are the solution;
* for a computable exercise, a *check cell* inside that solution: a code cell
  tagged ``remove-cell`` (the page does not show it) and :data:`CHECK_TAG`,
  whose ``# answer NAME: description`` lines name the answer variables and
  whose ``assert`` statements check them with tolerances, for example::

      # answer f_60: the heterogeneous factor f(θ) at θ = 60°
      assert abs(f_60 - 5 / 32) < 1e-9

:func:`parse_chapter` reads that structure, refusing anything malformed
with a ``ValueError`` that names the chapter and the exercise.
:func:`otter_source` writes otter's source ("master") notebook from it:

* a computable exercise becomes an autograded question worth one point per
  ``assert``, each ``assert`` one hidden test case (with the check cell's
  other statements before it).  Its answer cell holds one stub per answer
  variable (``f_60 = ...``), the solution code follows in the instructor
  version only.  If its solution ends in text (the explanation), that text
  becomes a second, manually graded question ``LABEL-written``.
* an exercise without a check cell (prose) becomes one manually graded
  question: a markdown answer cell, plus a code answer cell if the book's
  solution computes something.

Every test is hidden, so the student notebook carries no expected value; the
otter init and check cells are off, so it needs nothing but the book's
``requirements.txt``.  The assignment keeps only the code cells that the
solutions and checks depend on (the setup cells, tagged ``hide-cell``, and
the cells that define a name they use), not the chapter's figures and
explorers: a student reads the chapter on the site and works in the
assignment.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Iterable

import nbformat

__all__ = [
    "CHECK_TAG",
    "SETUP_TAG",
    "Answer",
    "Check",
    "Exercise",
    "Chapter",
    "parse_chapter",
    "otter_source",
    "plain_markdown",
]

#: The tag that marks a check cell (with ``remove-cell``, which hides it on the page).
CHECK_TAG = "calcify-check"
#: The tag of a chapter's setup cells; they always go into the assignment.
SETUP_TAG = "hide-cell"
#: The tag that hides a cell from the page; a check cell must carry it.
HIDE_TAG = "remove-cell"

_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})\{(?P<name>[\w-]+)\}[ \t]*(?P<argument>.*?)[ \t]*$")
_OPTION = re.compile(r"^:(?P<key>[\w-]+):[ \t]*(?P<value>.*)$")
_ANSWER = re.compile(r"^#\s*answer\s+(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<description>\S.*)$")
_ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<content>[^`]*)`")


@dataclass(frozen=True)
class Answer:
    """An answer variable of a computable exercise: its name and what it holds."""

    name: str
    description: str


@dataclass(frozen=True)
class Check:
    """A check cell: the answer variables, the setup statements and the asserts."""

    answers: tuple[Answer, ...]
    #: one test case per ``assert``: the statements before it that are not asserts, then it
    cases: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Exercise:
    """One exercise of a chapter, with its solution split into what otter needs."""

    label: str
    number: int
    prompt: str
    #: the solution's text before its first code cell, and between code cells
    lead_in: tuple[str, ...]
    #: the solution's code cells (check cells excluded)
    code: tuple[str, ...]
    #: the solution's text after its last code cell (all of it when there is no code)
    explanation: tuple[str, ...]
    check: Check | None

    @property
    def autograded(self) -> bool:
        return self.check is not None

    @property
    def written(self) -> bool:
        """Whether a manually graded part remains (all of a prose exercise)."""
        return self.check is None or bool(self.explanation)

    @property
    def points(self) -> int:
        return len(self.check.cases) if self.check else 0


@dataclass(frozen=True)
class Chapter:
    """A chapter as the assignment sees it."""

    name: str
    title: str
    #: the chapter's code cells outside solutions, in order, with their tags
    code: tuple[tuple[str, tuple[str, ...]], ...]
    exercises: tuple[Exercise, ...]

    @property
    def autograded_questions(self) -> int:
        return sum(e.autograded for e in self.exercises)

    @property
    def manual_questions(self) -> int:
        return sum(e.written for e in self.exercises)

    @property
    def unchecked_computations(self) -> tuple[str, ...]:
        """Exercises whose solution computes something but that have no check cell yet."""
        return tuple(e.label for e in self.exercises if e.code and e.check is None)

    def needed_code(self) -> tuple[str, ...]:
        """The chapter's code cells that the solutions and checks need, in order.

        Setup cells (tag ``hide-cell``) always; any other code cell if it
        defines a name that a solution, a check or an already needed cell
        uses.  Cells are considered from the last to the first, so a name is
        supplied by the last cell before the exercises that defines it.
        """
        needed = set()
        for exercise in self.exercises:
            for source in exercise.code + ((exercise.check.source,) if exercise.check else ()):
                needed |= _names(source)[1]
        keep = []
        for source, tags in reversed(self.code):
            defined, used = _names(source)
            if SETUP_TAG in tags or defined & needed:
                keep.append(source)
                needed |= used
        return tuple(reversed(keep))


# -- reading ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Directive:
    name: str
    argument: str
    options: dict
    body: str


def _markdown_items(text: str) -> list[str | _Directive]:
    """Split markdown into plain text and top-level MyST directive blocks, in order."""
    items: list[str | _Directive] = []
    lines = text.split("\n")
    plain: list[str] = []
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if not match:
            plain.append(lines[i])
            i += 1
            continue
        fence = match["fence"]
        end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == fence), None)
        if end is None:
            raise ValueError(f"directive {{{match['name']}}} opened with {fence} is never closed")
        body = lines[i + 1:end]
        options = {}
        while body and _OPTION.match(body[0]):
            option = _OPTION.match(body[0])
            options[option["key"]] = option["value"].strip()
            body = body[1:]
        if "\n".join(plain).strip():
            items.append("\n".join(plain).strip())
        plain = []
        items.append(_Directive(match["name"], match["argument"], options, "\n".join(body).strip()))
        i = end + 1
    if "\n".join(plain).strip():
        items.append("\n".join(plain).strip())
    return items


def _names(source: str) -> tuple[set[str], set[str]]:
    """The names a code cell defines (assigns, imports) and the names it reads."""
    tree = ast.parse(source)
    defined, used = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (defined if isinstance(node.ctx, (ast.Store, ast.Del)) else used).add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                defined.add(alias.asname or alias.name.split(".")[0])
    return defined, used


def _top_level_assigned(source: str) -> set[str]:
    names = set()
    for node in ast.parse(source).body:
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            targets = [node.target]
        elif isinstance(node, ast.For):
            targets = [node.target]
        for target in targets:
            names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
    return names


def parse_check(source: str, *, where: str) -> Check:
    """Read a check cell: its ``# answer`` lines and its asserts, one test case each."""
    answers = tuple(
        Answer(m["name"], m["description"].strip())
        for m in (_ANSWER.match(line.strip()) for line in source.splitlines())
        if m
    )
    if not answers:
        raise ValueError(f"{where}: the check cell names no answer variable ('# answer NAME: description')")
    tree = ast.parse(source)
    asserts = [node for node in tree.body if isinstance(node, ast.Assert)]
    if not asserts:
        raise ValueError(f"{where}: the check cell asserts nothing")
    used = set().union(*(_names(ast.unparse(node))[1] for node in asserts))
    unchecked = [a.name for a in answers if a.name not in used]
    if unchecked:
        raise ValueError(f"{where}: no assert checks the answer variable(s) {unchecked}")
    cases, setup = [], []
    for node in tree.body:
        segment = ast.get_source_segment(source, node)
        if isinstance(node, ast.Assert):
            cases.append("\n".join(setup + [segment]))
        else:
            setup.append(segment)
    return Check(answers, tuple(cases), source)


def parse_chapter(notebook: nbformat.NotebookNode, name: str) -> Chapter:
    """Read a chapter notebook's exercises, solutions, checks and code cells.

    Raises
    ------
    ValueError
        On a solution or check outside an exercise, a solution for an unknown
        label, an unclosed solution, a check cell without ``remove-cell``, two
        check cells in one solution, or an answer variable that the solution
        never assigns.
    """
    title = ""
    code: list[tuple[str, tuple[str, ...]]] = []
    prompts: dict[str, str] = {}
    order: list[str] = []
    parts: dict[str, dict] = {}
    open_label: str | None = None

    def solution_part(label: str) -> dict:
        if label not in prompts:
            raise ValueError(f"{name}: a solution for {label!r}, which is not an exercise above it")
        if label in parts:
            raise ValueError(f"{name}: exercise {label!r} has two solutions")
        parts[label] = {"lead_in": [], "code": [], "after": [], "check": None}
        return parts[label]

    for cell in notebook.cells:
        if cell.cell_type == "code":
            tags = tuple(cell.metadata.get("tags", ()))
            if open_label is None:
                if CHECK_TAG in tags:
                    raise ValueError(f"{name}: a check cell outside any solution:\n{cell.source}")
                code.append((cell.source, tags))
                continue
            part = parts[open_label]
            if CHECK_TAG in tags:
                where = f"{name}, exercise {open_label}"
                if HIDE_TAG not in tags:
                    raise ValueError(f"{where}: the check cell must also be tagged {HIDE_TAG!r}")
                if part["check"] is not None:
                    raise ValueError(f"{where}: two check cells in one solution")
                part["check"] = parse_check(cell.source, where=where)
            elif cell.source.strip():
                part["code"].append(cell.source)
                part["lead_in"] += part["after"]
                part["after"] = []
            continue
        if cell.cell_type != "markdown":
            continue
        for item in _markdown_items(cell.source):
            if isinstance(item, str):
                if open_label is not None:
                    parts[open_label]["after"].append(item)
                elif not title:
                    heading = re.search(r"^#\s+(.+)$", item, flags=re.MULTILINE)
                    title = heading.group(1).strip() if heading else ""
                continue
            if item.name == "exercise":
                label = item.options.get("label")
                if not label:
                    raise ValueError(f"{name}: an exercise without a :label:")
                if open_label is not None:
                    raise ValueError(f"{name}: exercise {label!r} starts inside the solution of {open_label!r}")
                prompts[label] = item.body
                order.append(label)
            elif item.name == "solution":
                solution_part(item.argument)["after"].append(item.body)
            elif item.name == "solution-start":
                solution_part(item.argument)
                open_label = item.argument
            elif item.name == "solution-end":
                if open_label is None:
                    raise ValueError(f"{name}: a solution-end with no solution-start")
                open_label = None
            elif open_label is not None:
                parts[open_label]["after"].append(f"```{{{item.name}}} {item.argument}\n{item.body}\n```")
    if open_label is not None:
        raise ValueError(f"{name}: the solution of {open_label!r} is never ended")

    exercises = []
    for number, label in enumerate(order, start=1):
        part = parts.get(label, {"lead_in": [], "code": [], "after": [], "check": None})
        check = part["check"]
        if check is not None:
            assigned = set().union(*(_top_level_assigned(s) for s in part["code"])) if part["code"] else set()
            missing = [a.name for a in check.answers if a.name not in assigned]
            if missing:
                raise ValueError(f"{name}, exercise {label}: the solution never assigns {missing}")
        exercises.append(
            Exercise(label, number, prompts[label], tuple(part["lead_in"]), tuple(part["code"]),
                     tuple(part["after"]), check)
        )
    return Chapter(name, title or name, tuple(code), tuple(exercises))


# -- writing ------------------------------------------------------------------------------------
def plain_markdown(text: str) -> str:
    """MyST roles as plain Jupyter markdown: ``{term}`word <target>``` → word, citations in brackets."""

    def replace(match: re.Match) -> str:
        content = match["content"]
        if match["role"].startswith("cite"):
            return "(" + content.replace(",", ", ") + ")"
        target = re.match(r"^(.*?)\s*<[^>]*>$", content)
        return target.group(1) if target else content

    return _ROLE.sub(replace, text)


def _raw(text: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_raw_cell(text)


def _md(text: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_markdown_cell(plain_markdown(text))


def _solution_code(lines_before: Iterable[str], code: Iterable[str]) -> nbformat.NotebookNode:
    """A code answer cell: what the student sees, then the solution (instructor version only)."""
    body = "\n\n".join(c.strip() for c in code)
    return nbformat.v4.new_code_cell(
        "\n".join(list(lines_before) + ["# BEGIN SOLUTION NO PROMPT", body, "# END SOLUTION"])
    )


def _question(name: str, **config) -> nbformat.NotebookNode:
    lines = [f"# BEGIN QUESTION", f"name: {name}"] + [f"{k}: {str(v).lower() if isinstance(v, bool) else v}"
                                                       for k, v in config.items()]
    return _raw("\n".join(lines))


def _exercise_cells(exercise: Exercise) -> list[nbformat.NotebookNode]:
    heading = f"### Exercise {exercise.number}\n\n"
    cells: list[nbformat.NotebookNode] = []
    if exercise.check is not None:
        stubs = []
        for answer in exercise.check.answers:
            stubs += [f"# {answer.description}", f"{answer.name} = ..."]
        cells += [
            _question(exercise.label, points=exercise.points, check_cell=False),
            _md(heading + exercise.prompt + "\n\nPut your answers in the variables of the cell below, computed"
                " with `calcify_lib`; they are graded automatically."),
            _raw("# BEGIN SOLUTION"),
            *[_md(text) for text in exercise.lead_in],
            _solution_code(stubs, exercise.code),
            _raw("# END SOLUTION"),
            _raw("# BEGIN TESTS"),
            *[nbformat.v4.new_code_cell("# HIDDEN\n" + case) for case in exercise.check.cases],
            _raw("# END TESTS"),
            _raw("# END QUESTION"),
        ]
        if exercise.explanation:
            cells += [
                _question(f"{exercise.label}-written", manual=True, points=1),
                _md(f"*Exercise {exercise.number}, in words:* answer the parts of the exercise that ask for an "
                    "explanation or a judgement (graded by hand)."),
                _raw("# BEGIN SOLUTION"),
                *[_md(text) for text in exercise.explanation],
                _raw("# END SOLUTION"),
                _raw("# END QUESTION"),
            ]
        return cells
    cells += [
        _question(exercise.label, manual=True, points=1),
        _md(heading + exercise.prompt + "\n\nAnswer in the cell below (graded by hand)."),
        _raw("# BEGIN SOLUTION"),
        *[_md(text) for text in exercise.lead_in],
    ]
    if exercise.code:
        cells.append(_solution_code(["# Your computation (graded by hand with your answer)"], exercise.code))
    cells += [*[_md(text) for text in exercise.explanation], _raw("# END SOLUTION"), _raw("# END QUESTION")]
    return cells


def otter_source(chapter: Chapter, *, requirements: str | None = None,
                 autograder_files: Iterable[str] = ()) -> nbformat.NotebookNode:
    """Otter's source notebook for a chapter: config, setup, then one question per exercise part.

    Parameters
    ----------
    chapter
        The parsed chapter.
    requirements
        A requirements file (relative to the source notebook) that otter's
        autograder zip installs on Gradescope or PrairieLearn; ``None`` for none.
    autograder_files
        Files or folders (relative to the source notebook) that go into the
        autograder zip only and are copied next to each submission when it is
        graded (the ``calcify_lib`` package, so a grading service needs no copy of the book).
    """
    files = list(autograder_files)
    config = [
        "# ASSIGNMENT CONFIG",
        f"name: {chapter.name}",
        "init_cell: false",
        "check_all_cell: false",
        "export_cell: false",
        "run_tests: false",
        "python_version: 3.11",
        "generate: true",
        "tests:",
        "  files: false",
        "  ok_format: true",
    ]
    if requirements:
        config += [f"requirements: {requirements}", "overwrite_requirements: false"]
    if files:
        config += ["autograder_files:"] + [f"  - {f}" for f in files]
    intro = (
        f"# {chapter.title}: exercises\n\n"
        f"This notebook holds the exercises of the chapter *{chapter.title}* of Calcify, an executable textbook of "
        "pathologic calcification. Read the chapter first. Then run the setup cells below and answer each exercise "
        "in the cells that follow it: replace each `...` with a value computed with `calcify_lib`, and write "
        "explanations in the markdown cells. Keep the variable names: they are what is graded. The notebook needs "
        "only the book's `requirements.txt`."
    )
    cells = [_raw("\n".join(config)), nbformat.v4.new_markdown_cell(intro)]
    needed = chapter.needed_code()
    if needed:
        cells.append(nbformat.v4.new_markdown_cell("## Setup\n\nThe chapter's code that the exercises build on."))
        cells += [nbformat.v4.new_code_cell(source) for source in needed]
    cells.append(nbformat.v4.new_markdown_cell("## Exercises"))
    for exercise in chapter.exercises:
        cells += _exercise_cells(exercise)
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata["language_info"] = {"name": "python"}
    return notebook
