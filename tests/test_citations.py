"""Every constant carries a citation that resolves in references.bib, a unit and a temperature."""

from __future__ import annotations

import dataclasses
import importlib
import json
import pkgutil
import re

import calcify_lib
from calcify_lib.cited import CitedConstant

from conftest import BOOK, ROOT

BIB_KEYS = set(re.findall(r"^@\w+\{([^,\s]+),", (ROOT / "references.bib").read_text(), re.M))


def _constants(obj, seen):
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, CitedConstant):
        yield obj
    elif isinstance(obj, dict):
        for value in obj.values():
            yield from _constants(value, seen)
    elif isinstance(obj, (tuple, list)):
        for value in obj:
            yield from _constants(value, seen)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for field in dataclasses.fields(obj):
            yield from _constants(getattr(obj, field.name), seen)


def _all_constants():
    seen, found = set(), []
    # Subpackages too (calcify_lib.homeostasis keeps each process's constants in its own module),
    # deepest first, so that a constant a package re-exports is named after the module defining it.
    modules = pkgutil.walk_packages(calcify_lib.__path__, prefix="calcify_lib.")
    for module_info in sorted(modules, key=lambda info: (-info.name.count("."), info.name)):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if not name.startswith("__"):
                found.extend((f"{module_info.name}.{name}", c) for c in _constants(value, seen))
    return found


def test_the_library_has_cited_constants():
    assert len(_all_constants()) >= 20


def test_every_constant_cites_a_key_in_references_bib():
    missing = [(where, c.citation) for where, c in _all_constants() if c.citation not in BIB_KEYS]
    assert not missing


def test_every_constant_states_its_unit_temperature_and_meaning():
    for where, c in _all_constants():
        assert c.unit.strip(), where
        assert c.temperature_c is None or 0.0 <= c.temperature_c <= 100.0, where
        assert len(c.note) > 20, where


def test_every_cite_in_docstrings_resolves():
    keys = set()
    for path in (ROOT / "calcify_lib").rglob("*.py"):
        keys.update(re.findall(r":cite:`([^`]+)`", path.read_text()))
    assert keys and keys <= BIB_KEYS, keys - BIB_KEYS


def test_every_cite_in_the_book_resolves():
    keys = set()
    for path in list(BOOK.rglob("*.md")) + list(BOOK.rglob("*.ipynb")):
        text = path.read_text()
        if path.suffix == ".ipynb":
            text = "\n".join("".join(c["source"]) for c in json.loads(text)["cells"])
        for group in re.findall(r"\{cite:[a-z]+\}`([^`]+)`", text):
            keys.update(k.strip() for k in group.split(","))
    assert keys and keys <= BIB_KEYS, keys - BIB_KEYS
