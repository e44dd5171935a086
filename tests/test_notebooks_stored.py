"""Notebooks are stored executed and clean, so that nbval really compares something.

nbval only compares a cell that has an execution count: a notebook stored
cleared passes while checking nothing.  These tests close that gap.
"""

from __future__ import annotations

import json

import pytest
import yaml

from conftest import BOOK, ROOT

NOTEBOOKS = sorted(p for p in BOOK.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def _code_cells(path):
    cells = json.loads(path.read_text())["cells"]
    return [c for c in cells if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def test_there_are_notebooks_to_check():
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_code_cell_was_run_top_to_bottom_in_one_kernel(path):
    counts = [c["execution_count"] for c in _code_cells(path)]
    assert None not in counts, f"{path.name}: a code cell was stored without being run"
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: execution counts {counts}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_cell_is_stored_with_an_error_or_a_warning(path):
    for cell in _code_cells(path):
        for output in cell["outputs"]:
            assert output["output_type"] != "error", "".join(cell["source"])
            if output.get("name") == "stderr":
                raise AssertionError(f"stderr in {path.name}: {output['text']}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_code_cell_that_draws_a_figure_has_caption_and_alt_text(path):
    for cell in _code_cells(path):
        if any("image/png" in o.get("data", {}) for o in cell["outputs"]):
            meta = cell["metadata"].get("mystnb", {})
            assert meta.get("figure", {}).get("caption"), "".join(cell["source"])
            assert meta.get("image", {}).get("alt"), "".join(cell["source"])


MAX_CODE_CELL_LINES = 10


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_code_cells_only_call_the_library(path):
    # A chapter's helpers live in calcify_lib.figures.<chapter>; its cells are short calls.
    for cell in _code_cells(path):
        source = "".join(cell["source"]).strip()
        lines = [line for line in source.splitlines() if line.strip()]
        defines = [line for line in lines if line.lstrip().startswith(("def ", "class ", "async def "))]
        assert not defines, f"{path.name}: a code cell defines {defines[0].strip()!r}:\n{source}"
        assert len(lines) <= MAX_CODE_CELL_LINES, (
            f"{path.name}: a code cell runs {len(lines)} lines (at most {MAX_CODE_CELL_LINES}):\n{source}"
        )


MAX_CODE_LINE_CHARACTERS = 88


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_code_line_is_wider_than_the_page(path):
    # A longer line scrolls sideways in its box at desktop width.  Every code
    # cell counts, hidden ones included: a check cell is read in the instructor's notebook.
    wide = [
        f"cell {number}, {len(line)} characters: {line}"
        for number, cell in enumerate(json.loads(path.read_text())["cells"])
        if cell["cell_type"] == "code"
        for line in "".join(cell["source"]).splitlines()
        if len(line) > MAX_CODE_LINE_CHARACTERS
    ]
    assert not wide, (f"{path.name}: {len(wide)} code line(s) longer than "
                      f"{MAX_CODE_LINE_CHARACTERS} characters:\n" + "\n".join(wide))


def test_every_toc_entry_exists_and_every_chapter_is_in_the_toc():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    entries = [toc["root"]] + [c["file"] for c in toc.get("chapters", [])]
    for entry in entries:
        assert any((ROOT / f"{entry}{suffix}").exists() for suffix in (".md", ".ipynb")), entry
    pages = {str(p.relative_to(ROOT).with_suffix("")) for p in list(BOOK.glob("*.md")) + NOTEBOOKS}
    assert pages == set(entries)
