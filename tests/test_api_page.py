"""The API reference: every science module has its section, and declared ranges are printed.

The first tests exercise ``book/_ext/calcify_api.py`` on small stand-in functions,
without a build.  The others read the built pages (``SITE``, or ``CALCIFY_SITE``): the
reference is ``book/api`` and the sections that ``_toc.yml`` lists under it (split so
that no page passes 3 MB).  Each module of ``calcify_lib`` has its section on one of
them, every public function that declares ``__accepts__`` shows each argument's range
in its "Accepted ranges" table, every cited constant links into the book's
bibliography, and no reST was left unparsed.
"""

from __future__ import annotations

import importlib
import inspect
import posixpath
import re
import sys
from html import unescape

import pytest
import yaml
from docutils.core import publish_doctree
from docutils import nodes

from conftest import BOOK, ROOT, SITE

sys.path.insert(0, str(BOOK / "_ext"))
import calcify_api  # noqa: E402  (the book's Sphinx extension, from book/_ext)

SCIENCE_MODULES = ("units", "precipitation", "thermodynamics", "chemistry", "nucleation", "homeostasis",
                   "patients", "explorer", "tables", "cited")  # the first ones; every module is checked below
FIGURES_MODULES = ("figures", "figures.two_faces", "figures.chemistry", "figures.suspects")


class _Range:
    """Stands in for calcify_lib's Range: only its words matter to the page."""

    def __init__(self, words):
        self.words = words

    def __str__(self):
        return self.words


def _table_rows(lines):
    """The rows of the reST table in ``lines``, as lists of cell texts, and the table's title."""
    doctree = publish_doctree("\n".join(lines), settings_overrides={"report_level": 2, "halt_level": 2})
    (table,) = list(doctree.findall(nodes.table))
    title = next(iter(table.findall(nodes.title))).astext()
    rows = [[entry.astext() for entry in row.findall(nodes.entry)] for row in table.findall(nodes.row)]
    return title, rows


def test_a_function_that_declares_no_ranges_is_left_as_it_is():
    def dose_mg(weight_kg):
        """A function with no declaration."""

    lines = ["A function with no declaration."]
    calcify_api._append_accepted_ranges(None, "function", "dose_mg", dose_mg, {}, lines)
    assert lines == ["A function with no declaration."]


def test_an_empty_or_malformed_declaration_adds_nothing():
    def f(x):
        pass

    for declaration in ({}, None, "0 to 1", ["x"]):
        f.__accepts__ = declaration
        assert calcify_api.accepted_ranges_lines(f) == []


def test_declared_ranges_become_a_table_of_argument_and_range():
    def ionic_product(ca_mmol_l, phosphate_mmol_l, days):
        pass

    ionic_product.__accepts__ = {
        "ca_mmol_l": _Range("0 to 7.5 mmol/L"),
        "phosphate_mmol_l": _Range("0 to 10 mmol/L"),
        "days": _Range("greater than 0 and at most `horizon` days"),
    }
    lines = ["The ionic product."]
    calcify_api._append_accepted_ranges(None, "function", "ionic_product", ionic_product, {}, lines)
    title, rows = _table_rows(lines)
    assert title == "Accepted ranges"
    assert rows == [
        ["argument", "accepted range"],
        ["ca_mmol_l", "0 to 7.5 mmol/L"],
        ["phosphate_mmol_l", "0 to 10 mmol/L"],
        ["days", "greater than 0 and at most horizon days"],
    ]


def test_a_unit_with_markup_characters_stays_literal():
    def f(x):
        pass

    f.__accepts__ = {"x": _Range("0 to 5 mg*dL|_x_")}
    _, rows = _table_rows(calcify_api.accepted_ranges_lines(f))
    assert rows[1] == ["x", "0 to 5 mg*dL|_x_"]


def test_a_default_sphinx_cannot_parse_is_shown_as_its_value():
    def polarizer(*, stages_deg=tuple(float(s) for s in range(0, 46, 15)), thickness_um=5.0):
        pass

    written = "(*, stages_deg=tuple(float(s) for s in range(0, 46, 15)), thickness_um=5.0)"
    shown, _ = calcify_api._printable_defaults(None, "function", "polarizer", polarizer, {}, written, None)
    assert shown == "(*, stages_deg=(0.0, 15.0, 30.0, 45.0), thickness_um=5.0)"


# --- the built page ---------------------------------------------------------------------------


API_ENTRY = "book/api"


def _api_documents():
    """``book/api`` and the documents that ``_toc.yml`` nests under it, in order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf8"))
    stack = list(toc.get("chapters", [])) + list(toc.get("parts", []))
    while stack:
        entry = stack.pop(0)
        if entry.get("file") == API_ENTRY:
            found, nested = [API_ENTRY], list(entry.get("sections", []))
            while nested:
                section = nested.pop(0)
                found.append(section["file"])
                nested = section.get("sections", []) + nested
            return found
        stack += entry.get("chapters", []) + entry.get("sections", [])
    pytest.fail(f"{API_ENTRY} is not in _toc.yml")


@pytest.fixture(scope="module")
def api_pages():
    """Each built page of the reference, by its path in the site, in the book's order."""
    pages = {}
    for document in _api_documents():
        page = SITE / f"{document}.html"
        if not page.exists():
            pytest.fail(f"the API page is not built at {page}: run the README's build command first")
        pages[f"{document}.html"] = page.read_text(encoding="utf8")
    return pages


@pytest.fixture(scope="module")
def api_html(api_pages):
    """All pages of the reference, for the checks that need no page boundary."""
    return "\n".join(api_pages.values())


def test_the_reference_is_split_under_the_api_page_and_the_references_stay_last():
    documents = _api_documents()
    assert len(documents) > 1, "the API reference is one page again: it passed 3 MB cold"
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf8"))
    assert toc["chapters"][-1]["file"] == "book/references"


def _text(html):
    """The words of some HTML, with Sphinx's typographic apostrophes and quotes made plain again."""
    words = unescape(re.sub(r"<[^>]+>", " ", html))
    words = words.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'}))
    return re.sub(r"\s+", " ", words).strip()


def _entry(pages, qualified_name):
    """The page of one documented object, and its HTML from its anchor to the next documented object."""
    for path, html in pages.items():
        start = html.find(f'id="{qualified_name}"')
        if start >= 0:
            following = re.compile(r'id="calcify_lib\.[^"]+"').search(html, start + 1)
            return path, html[start:following.start() if following else len(html)]
    raise AssertionError(f"{qualified_name} is not documented on the API pages")


def _references_link(path):
    """How a link from the page at ``path`` into the References page starts."""
    return f'href="{posixpath.relpath("book/references.html", posixpath.dirname(path))}#'


def _documented_modules():
    import pkgutil

    import calcify_lib

    yield "calcify_lib"
    for info in pkgutil.walk_packages(calcify_lib.__path__, "calcify_lib."):
        if not info.name.rsplit(".", 1)[-1].startswith("_"):
            yield info.name


@pytest.mark.parametrize("module", SCIENCE_MODULES + FIGURES_MODULES)
def test_every_module_has_its_section(api_html, module):
    assert f'id="module-calcify_lib.{module}"' in api_html


def test_every_module_of_the_package_is_on_the_page(api_html):
    missing = [name for name in _documented_modules() if f'id="module-{name}"' not in api_html]
    assert missing == [], f"modules of calcify_lib with no section on the API pages (book/api/): {missing}"


def _public_functions(modname):
    """The functions documented in ``modname``'s section: its own, and for a package those it exports.

    A function a package exports from one of its modules is documented once, on the package
    (``calcify_lib.chemistry.speciate``), and left out of its module's section.
    """
    module = importlib.import_module(modname)
    names = getattr(module, "__all__", None) or [n for n in vars(module) if not n.startswith("_")]
    parent = modname.rpartition(".")[0]
    package = importlib.import_module(parent) if parent else None
    for name in names:
        obj = getattr(module, name)
        if not inspect.isfunction(obj):
            continue
        if hasattr(module, "__path__"):  # a package: what it exports from its own modules
            if obj.__module__ == modname or obj.__module__.startswith(modname + "."):
                yield name, obj
        elif obj.__module__ == modname and not (
                package is not None and modname.count(".") >= 2 and name in getattr(package, "__all__", ())
                and getattr(package, name, None) is obj):
            yield name, obj


def test_every_declared_range_appears_beside_its_function(api_pages):
    declared = 0
    for modname in _documented_modules():
        for name, function in _public_functions(modname):
            accepts = getattr(function, "__accepts__", None)
            if not accepts:
                continue
            _, entry = _entry(api_pages, f"{modname}.{name}")
            assert "Accepted ranges" in entry, f"{modname}.{name} declares ranges, but the page shows none"
            table = _text(entry[entry.find("Accepted ranges"):])
            for argument, accepted in accepts.items():
                words = " ".join(str(accepted).replace("`", "").split())
                assert f"{argument} {words}" in table, f"{modname}.{name}: {argument} {words!r} is missing"
                declared += 1
    print(f"\n{declared} declared ranges found on the API page")


def _numbers(value):
    """Every number in a constant's value (a number, or a tuple of them, nested)."""
    if isinstance(value, (tuple, list)):
        return [number for item in value for number in _numbers(item)]
    return [value]


def test_every_cited_constant_shows_its_value_and_links_to_the_bibliography(api_pages):
    from calcify_lib.cited import CitedConstant

    shown = 0
    for modname in _documented_modules():
        module = importlib.import_module(modname)
        for name in sorted(calcify_api._assigned_at_top_level(modname)):
            constant = getattr(module, name, None)
            if name.startswith("_") or not isinstance(constant, CitedConstant):
                continue
            path, entry = _entry(api_pages, f"{modname}.{name}")
            for value in (f"{number:.12g}".replace("e-", "e−") for number in _numbers(constant.value)):
                assert value in _text(entry), f"{modname}.{name}: its value {value} is not shown"
            assert _references_link(path) in entry, f"{modname}.{name}: no link to its source"
            shown += 1
    assert shown > 50
    print(f"\n{shown} cited constants shown, each linked to the References page")


def test_no_markup_is_left_unparsed(api_html):
    text = _text(api_html)
    for leftover in (":cite:", ":func:", ":class:", ":mod:", ":math:", ".. math::", ".. py:", ":Source:", "<module '"):
        assert leftover not in text, f"{leftover!r} printed as text on the API page"
