"""Every notebook runs where Binder runs it: `pip install -r requirements.txt`, nothing more.

``tools/run-tests`` builds that environment in ``_build/binder/venv`` (``ensure_binder_venv``
in ``tools/_env.sh``) and has nbval execute every notebook, top to bottom, in its kernel
``calcify-binder``: the run's nbval items are the proof, and no notebook runs twice.  When
this file runs without nbval (``pytest tests/test_binder_environment.py``), it executes the
notebooks in that kernel itself.
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from conftest import BOOK, ROOT

BINDER = ROOT / "_build" / "binder"
PYTHON = BINDER / "venv" / "bin" / "python"
KERNEL = "calcify-binder"
NOTEBOOKS = sorted(p for p in BOOK.glob("*.ipynb"))


def _pins(name: str) -> dict[str, str]:
    pins = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", line.strip())
        if match:
            pins[match.group(1).lower().replace("_", "-")] = match.group(2)
    return pins


@pytest.fixture(scope="module")
def installed() -> dict[str, str]:
    if not PYTHON.exists():
        pytest.fail("Binder's environment is missing: tools/run-tests makes it (ensure_binder_venv)")
    listing = subprocess.run(
        [str(PYTHON), "-m", "pip", "list", "--format=json", "--disable-pip-version-check"],
        capture_output=True, text=True, check=True,
    ).stdout
    return {p["name"].lower().replace("_", "-"): p["version"] for p in json.loads(listing)}


def test_binder_is_told_the_python_of_the_tests():
    assert (ROOT / "runtime.txt").read_text().strip() == "python-3.11"
    version = subprocess.run([str(PYTHON), "-c", "import sys; print(sys.version_info[:2])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    assert version == "(3, 11)"


def test_binders_environment_has_every_runtime_pin_and_nothing_of_the_book_or_the_tests(installed):
    runtime = _pins("requirements.txt")
    assert runtime, "requirements.txt pins nothing"
    for name, version in runtime.items():
        assert installed.get(name) == version, f"{name}: {installed.get(name)} installed, {version} pinned"
    # The book's and the tests' own packages (with what only they pull in) must be absent.
    only_elsewhere = {}
    for other in ("requirements-book.txt", "requirements-pdf.txt", "requirements-test.txt"):
        only_elsewhere.update({k: v for k, v in _pins(other).items() if k not in runtime})
    assert {"jupyter-book", "pytest", "nbval"} <= set(only_elsewhere)
    present = sorted(set(only_elsewhere) & set(installed))
    assert present == [], f"Binder's environment holds packages it would not have: {present}"
    # and every package in it is pinned by constraints.txt, as requirements.txt asks
    constraints = _pins("constraints.txt")
    unpinned = sorted(n for n in installed if n not in constraints and n not in runtime
                      and n not in {"pip", "setuptools", "calcify-lib", "calcify"})
    assert unpinned == [], f"packages with no pin in constraints.txt: {unpinned}"


def test_every_notebook_runs_top_to_bottom_in_binders_environment(request, monkeypatch):
    spec = json.loads((BINDER / "kernels" / KERNEL / "kernel.json").read_text())
    assert spec["argv"][0] == str(PYTHON)
    option = request.config.option
    if getattr(option, "nbval", False) and getattr(option, "nbval_kernel_name", None) == KERNEL:
        # This run's nbval items execute every notebook in that kernel (and compare outputs).
        return
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("JUPYTER_PATH", str(BINDER))  # where the kernel "calcify-binder" is
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(notebook, kernel_name=KERNEL, timeout=600,
                                resources={"metadata": {"path": str(path.parent)}})
        client.execute()  # raises CellExecutionError on the first failing cell
