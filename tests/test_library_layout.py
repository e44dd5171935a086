"""The library's house: modules a reader can take in, and packages that keep their callers working.

A module that grows past 800 lines becomes a package of the same name, one
module per process or part (``homeostasis``, ``chemistry``, ``tissue``,
``figures.chemistry``, ``figures.suspects``), whose ``__init__`` re-exports
what callers import, so that no caller, notebook or test has to change.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import calcify_lib
from calcify_lib.cited import CitedConstant

LIBRARY = Path(calcify_lib.__file__).parent
MAX_LINES = 800

MODULE_FILES = sorted(LIBRARY.rglob("*.py"))

# Packages that split one module's content: everything public in their modules is importable from
# the package itself.  (calcify_lib and calcify_lib.figures are collections of modules instead.)
SPLIT_PACKAGES = sorted(
    info.name for info in pkgutil.walk_packages(calcify_lib.__path__, "calcify_lib.")
    if info.ispkg and info.name != "calcify_lib.figures"
)


def _public_top_level_names(path: Path) -> list[str]:
    names = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
    return [n for n in names if not n.startswith("_")]


@pytest.mark.parametrize("path", MODULE_FILES, ids=lambda p: str(p.relative_to(LIBRARY)))
def test_no_module_of_the_library_is_over_800_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, (
        f"{path.relative_to(LIBRARY.parent)} has {lines} lines (at most {MAX_LINES}): split it by the "
        "science, into a package of the same name whose __init__ re-exports what callers import"
    )


def test_the_split_packages_are_the_expected_ones():
    assert {"calcify_lib.homeostasis", "calcify_lib.chemistry", "calcify_lib.tissue",
            "calcify_lib.figures.chemistry", "calcify_lib.figures.suspects"} <= set(SPLIT_PACKAGES)


# These replaced one module each and promise that everything public is importable from the package,
# as it was from the module.  homeostasis promises its API and every constant (the test below).
WHOLE_REEXPORT = ("calcify_lib.chemistry", "calcify_lib.tissue",
                  "calcify_lib.figures.chemistry", "calcify_lib.figures.suspects")


def _not_reexported(package_name: str, wanted) -> list[str]:
    package = importlib.import_module(package_name)
    missing = []
    for path in sorted(Path(package.__file__).parent.glob("*.py")):
        if path.name == "__init__.py":
            continue
        module = importlib.import_module(f"{package_name}.{path.stem}")
        for name in _public_top_level_names(path):
            value = getattr(module, name)
            if wanted(value) and getattr(package, name, None) is not value:
                missing.append(f"{path.stem}.{name}")
    return missing


@pytest.mark.parametrize("package_name", WHOLE_REEXPORT)
def test_everything_public_in_a_split_module_is_still_importable_from_its_old_name(package_name):
    missing = _not_reexported(package_name, lambda value: True)
    assert not missing, f"{package_name} does not re-export: {', '.join(missing)}"


@pytest.mark.parametrize("package_name", SPLIT_PACKAGES)
def test_every_constant_of_a_split_package_is_importable_from_the_package(package_name):
    missing = _not_reexported(package_name, lambda value: isinstance(value, CitedConstant))
    assert not missing, f"{package_name} does not re-export the constants {', '.join(missing)}"


@pytest.mark.parametrize("package_name", SPLIT_PACKAGES)
def test_a_split_package_names_only_what_it_has_in_its_public_api(package_name):
    package = importlib.import_module(package_name)
    assert getattr(package, "__all__", None), f"{package_name} declares no __all__"
    assert [n for n in package.__all__ if not hasattr(package, n)] == []
