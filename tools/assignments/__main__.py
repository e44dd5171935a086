"""``python -m assignments make|grade ...``: see the package docstring."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import build, grade

ROOT = Path(__file__).resolve().parents[2]


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m assignments", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("make", help="write student and instructor notebooks and autograder zips")
    make.add_argument("chapters", nargs="*", help="chapter names (default: every notebook in book/)")
    make.add_argument("--book", type=Path, default=ROOT / "book", help="the folder of chapter notebooks")
    make.add_argument("--out", type=Path, default=ROOT / "_build" / "assignments", help="output folder")
    run = commands.add_parser("grade", help="grade a folder of submitted notebooks with otter run")
    run.add_argument("autograder", type=Path, help="the chapter's autograder zip")
    run.add_argument("submissions", type=Path, help="a folder of submitted .ipynb files")
    run.add_argument("out_csv", type=Path, help="the CSV of scores per question to write")
    run.add_argument("--jobs", type=int, default=None, help="submissions graded at once (default: CPU count)")
    options = parser.parse_args(arguments)

    start = time.perf_counter()
    if options.command == "make":
        made = build.make_assignments(options.book, options.out, options.chapters or None)
        for summary in made:
            print(summary.describe())
        print(f"{len(made)} assignments written to {options.out} in {time.perf_counter() - start:.1f} s")
    else:
        rows = grade.grade_folder(options.autograder, options.submissions, options.out_csv, jobs=options.jobs)
        print(f"{len(rows)} submissions graded into {options.out_csv} in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
