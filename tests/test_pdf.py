"""The PDF edition (_build/pdf/calcify.pdf, written by tools/build-pdf), read with poppler.

``pdftotext`` gives each page's text, ``pdfimages`` the embedded pictures and ``pdftoppm``
each page as pixels.  CALCIFY_PDF points the tests at another file.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

PDF = Path(os.environ.get("CALCIFY_PDF", ROOT / "_build" / "pdf" / "calcify.pdf"))
INTERACTIVE = "interactive on the book's website"


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _title(entry: str) -> str:
    md, nb = ROOT / f"{entry}.md", ROOT / f"{entry}.ipynb"
    if md.exists():
        lines = md.read_text(encoding="utf-8").splitlines()
    else:
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        lines = [line for c in cells if c["cell_type"] == "markdown" for line in "".join(c["source"]).splitlines()]
    return next(line[2:].strip() for line in lines if line.startswith("# "))


TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
CHAPTERS = [c["file"] for c in TOC["chapters"]]
TITLES = [_title(entry) for entry in CHAPTERS]


def _stored_outputs():
    for path in sorted((ROOT / "book").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            tags = cell.get("metadata", {}).get("tags", [])
            if cell["cell_type"] == "code" and not {"hide-cell", "remove-cell", "remove-output"} & set(tags):
                yield from cell.get("outputs", [])


@pytest.fixture(scope="module")
def pages() -> list[str]:
    if not PDF.exists():
        pytest.fail(f"{PDF} is missing: run the README's PDF command (bash tools/build-pdf)")
    text = subprocess.run(["pdftotext", "-layout", str(PDF), "-"], capture_output=True, text=True, check=True).stdout
    found = text.split("\f")
    return found[:-1] if not found[-1].strip() else found


def _first_page_with(pages, needle: str, start: int = 1) -> int:
    for number in range(start, len(pages) + 1):
        head = _normal(" ".join(line for line in pages[number - 1].splitlines()[:8] if line.strip()))
        if _normal(needle) in head:
            return number
    raise AssertionError(f"{needle!r} heads no page from page {start} on")


def test_every_chapter_starts_a_page_in_the_books_order_and_the_contents_give_its_page(pages):
    contents = _normal(pages[1])
    assert "contents" in contents
    start, starts = 3, []
    for title in TITLES:
        start = _first_page_with(pages, title, start)
        starts.append(start)
        match = re.search(re.escape(_normal(title)) + r" (\d+)", contents)
        assert match, f"{title!r} is not in the table of contents"
        assert int(match.group(1)) == start, f"{title!r}: contents say page {match.group(1)}, it starts on {start}"
        start += 1
    assert starts == sorted(starts)


def test_the_page_count_is_plausible_for_the_text(pages):
    words = sum(len(page.split()) for page in pages)
    assert len(pages) >= 2 + len(CHAPTERS) + 1  # cover, contents, introduction, a page per chapter at least
    assert 120 <= words / len(pages) <= 900, f"{words} words on {len(pages)} pages"


def test_every_figure_is_embedded():
    listing = subprocess.run(["pdfimages", "-list", str(PDF)], capture_output=True, text=True, check=True).stdout
    images = [line for line in listing.splitlines()[2:] if line.split()[2:3] == ["image"]]
    figures = sum(1 for output in _stored_outputs() if "image/png" in output.get("data", {}))
    explorers = sum(1 for o in _stored_outputs() if "calcify-explorer" in "".join(o.get("data", {}).get("text/html", "")))
    assert figures > 0
    assert len(images) >= figures + explorers, f"{len(images)} images for {figures} figures and {explorers} explorers"


def test_every_explorer_prints_its_first_view_and_says_it_is_interactive_on_the_website(pages):
    explorers = sum(1 for o in _stored_outputs() if "calcify-explorer" in "".join(o.get("data", {}).get("text/html", "")))
    assert explorers > 0
    assert _normal(" ".join(pages)).count(INTERACTIVE) == explorers


def test_solutions_are_at_the_end_of_their_chapter_not_inline(pages):
    starts = []
    start = 3
    for title in TITLES:
        start = _first_page_with(pages, title, start)
        starts.append(start)
        start += 1
    starts.append(len(pages) + 1)
    checked = 0
    for (first, end), title in zip(zip(starts, starts[1:]), TITLES):
        chapter = pages[first - 1:end - 1]
        exercise_pages = [n for n, p in enumerate(chapter) if re.search(r"Exercise \d+\b", p) and "Solution to" not in p]
        solution_pages = [n for n, p in enumerate(chapter) if "Solution to" in p]
        if not solution_pages:
            continue
        heading = next((n for n, p in enumerate(chapter) if "Solutions to the exercises" in p), None)
        assert heading is not None, f"{title}: solutions with no Solutions section"
        assert min(solution_pages) >= heading, f"{title}: a solution is printed inline, before the Solutions section"
        assert max(exercise_pages) <= heading, f"{title}: an exercise after the solutions"
        checked += 1
    assert checked >= 3


def test_no_page_is_blank_and_nothing_runs_into_the_side_margins(tmp_path):
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "24", "-gray", str(PDF), str(tmp_path / "p")], check=True)
    shots = sorted(tmp_path.glob("p-*.pgm"))
    assert shots
    margin_px = round(10 / 25.4 * 24)  # the outer 10 mm of the 15 mm side margins
    for shot in shots:
        with Image.open(shot) as picture:
            image = picture.convert("L")
            width, height = image.size
            body = image.crop((0, round(0.07 * height), width, round(0.92 * height)))
            assert body.getextrema()[0] < 200, f"{shot.name}: a blank page"
            for strip in (body.crop((0, 0, margin_px, body.height)), body.crop((width - margin_px, 0, width, body.height))):
                assert strip.getextrema()[0] > 200, f"{shot.name}: something is cut off at the page edge"
