"""The repository speaks for itself: no code, test or text points at machines, trackers or files outside it.

A newcomer who clones the repository can follow every reference in it: a
source is cited by a key of ``references.bib``, never by a note kept
elsewhere; no path names a developer's machine; no comment sends the reader
to an issue tracker they may not see.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import ROOT

#: What a pointer outside the repository looks like (this file, which defines them, is not scanned).
FORBIDDEN = {
    "a path on a developer's machine": re.compile("|".join(("/" + "work/", "/" + "home/", "/" + "root/", "/" + "Users/"))),
    "a notes file outside the repository": re.compile("|".join(("reference" + "-values", "stack" + "-facts", r"\bshared" + "/"))),
    "an issue of a tracker": re.compile(r"\b(the|an|this) " + "issue" + r"('s)?\b|\b" + "issue" + r"s? ?#?\d+", re.IGNORECASE),
}
#: Where a pattern may appear for a reason that is not a pointer (a journal's issue number).
ALLOWED = (re.compile(r"issue number|volume, issue|the issue \(pages|within the issue", re.IGNORECASE),)


def _tracked_text_files() -> list[str]:
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    return [f for f in files if f.endswith((".py", ".md", ".ipynb", ".yml", ".toml", ".txt", ".bib", ".cfg", ".html"))
            and not f.startswith(".ci/") and f != "tests/test_repository_speaks_for_itself.py"]


@pytest.mark.parametrize("what", sorted(FORBIDDEN))
def test_nothing_points_outside_the_repository(what):
    pattern = FORBIDDEN[what]
    hits = []
    for name in _tracked_text_files():
        for number, line in enumerate((ROOT / name).read_text(encoding="utf-8").splitlines(), start=1):
            if pattern.search(line) and not any(a.search(line) for a in ALLOWED):
                hits.append(f"{name}:{number}: {line.strip()[:120]}")
    assert hits == [], f"{what}:\n" + "\n".join(hits)
