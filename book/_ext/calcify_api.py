"""Publish the docstrings of :mod:`calcify_lib` on the book's "API reference" page.

``book/api.md`` runs ``sphinx.ext.autodoc`` (with ``sphinx.ext.napoleon`` for the
numpy-style sections) over every module of the package.  Two things that the
package's docstrings leave to the code are added here, so that the page shows
them as well as the prose:

The constants and their sources
    Every constant of :mod:`calcify_lib` is a
    :class:`~calcify_lib.cited.CitedConstant` with a unit, a temperature, a note
    and a citation key, but a module-level instance has no docstring of its own,
    so stock autodoc would skip it (or print its whole ``repr``).  Each one
    defined in a module is documented where it is defined: its value and unit
    beside its name, then its note, the temperature at which it holds, what the
    value rests on (``basis``, where the constant states it) and its source,
    cited into the book's bibliography.  A constant a module only imports is
    left to the module that defines it.

The accepted ranges
    A function decorated with ``calcify_lib``'s ``@accepts(...)`` records, in
    ``func.__accepts__``, a mapping from each argument's name to the range it
    accepts (whose ``str()`` reads like "0 to 10 mmol/L").  Its entry gets a
    small table, "Accepted ranges", of argument and range.  A function without
    ``__accepts__`` is left exactly as it is.

Phones
    Signatures and constants' names are long identifiers; ``static/calcify_api.css``
    lets them break anywhere below 640 px, so the page never scrolls sideways.
    A display equation wider than the column scrolls in its own box;
    ``static/calcify_api.js`` makes each such box a tab stop for keyboard users.
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import numbers
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.ext.autodoc import DataDocumenter, ModuleDocumenter, ModuleLevelDocumenter
from sphinx.pycode import ModuleAnalyzer
from sphinx.errors import PycodeError
from sphinx.transforms import SphinxTransform

#: Characters that would start inline markup inside a table cell.
_RST_SPECIAL = str.maketrans({char: "\\" + char for char in "\\*`|_[]"})


def _escape(text: object) -> str:
    """``text`` as literal reST on one line; a name it quotes in backticks becomes code."""
    parts = " ".join(str(text).split()).split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: keep it as a character
        parts = ["`".join(parts)]
    return "".join(f"``{part}``" if odd and part else part.translate(_RST_SPECIAL)
                   for odd, part in ((i % 2 == 1, part) for i, part in enumerate(parts)))


# --- accepted ranges ------------------------------------------------------------------------


def accepted_ranges_lines(obj: Any) -> list[str]:
    """The reST of an "Accepted ranges" table for ``obj``, or ``[]`` when it declares none.

    Reads ``obj.__accepts__`` (argument name -> range); a class is read through
    its ``__init__``.  Anything that is not a non-empty mapping adds nothing.
    """
    accepts = getattr(obj, "__accepts__", None)
    if accepts is None and inspect.isclass(obj):
        accepts = getattr(obj.__dict__.get("__init__"), "__accepts__", None)
    if not isinstance(accepts, Mapping) or not accepts:
        return []
    lines = [
        "",
        ".. list-table:: Accepted ranges",
        "   :header-rows: 1",
        "   :class: calcify-accepted-ranges",
        "",
        "   * - argument",
        "     - accepted range",
    ]
    for argument, accepted in accepts.items():
        lines += [f"   * - ``{argument}``", f"     - {_escape(accepted)}"]
    return lines + [""]


def _append_accepted_ranges(app, what, name, obj, options, lines) -> None:
    if what in ("function", "method", "class"):
        lines.extend(accepted_ranges_lines(obj))


# --- defaults Sphinx cannot print --------------------------------------------------------------


def _printable_defaults(app, what, name, obj, options, signature, return_annotation):
    """Replace a default whose source text Sphinx cannot parse by the value's ``repr``.

    ``autodoc_preserve_defaults`` shows defaults as written in the source, but
    Sphinx's own parser rejects some valid Python there (a generator expression,
    ``tuple(float(s) for s in range(0, 181, 15))``); the value it builds is shown instead.
    """
    if not signature or what not in ("function", "method", "class"):
        return None
    from sphinx.pycode.ast import unparse

    try:
        arguments = ast.parse(f"def f{signature}: pass").body[0].args
    except SyntaxError:
        return None
    # The values themselves: autodoc_preserve_defaults has replaced the signature's
    # defaults by their source text, so read them from the (unwrapped) function.
    function = inspect.unwrap(obj.__init__ if inspect.isclass(obj) else obj)
    code = getattr(function, "__code__", None)
    if code is None:
        return None
    names = code.co_varnames[: code.co_argcount]
    values = dict(zip(names[len(names) - len(function.__defaults__ or ()):], function.__defaults__ or ()))
    values.update(function.__kwdefaults__ or {})
    positional = arguments.posonlyargs + arguments.args
    named = list(zip(positional[len(positional) - len(arguments.defaults):], arguments.defaults))
    named += [(arg, default) for arg, default in zip(arguments.kwonlyargs, arguments.kw_defaults) if default]
    for arg, default in named:
        try:
            unparse(default)
        except Exception:  # noqa: BLE001 (Sphinx raises a bare NotImplementedError or ValueError)
            if arg.arg not in values:
                continue
            text = ast.get_source_segment(f"def f{signature}: pass", default)
            signature = signature.replace(text, repr(values[arg.arg]), 1)
    return signature, return_annotation


# --- cited constants --------------------------------------------------------------------------


def _is_cited_constant(obj: Any) -> bool:
    from calcify_lib.cited import CitedConstant

    return isinstance(obj, CitedConstant)


def _cited_table(obj: Any) -> dict:
    """``obj`` if it is a non-empty mapping of cited constants (a table of them), else ``{}``."""
    if isinstance(obj, Mapping) and obj and all(_is_cited_constant(value) for value in obj.values()):
        return dict(obj)
    return {}


@functools.lru_cache(maxsize=None)
def _assigned_at_top_level(modname: str) -> frozenset[str]:
    """The names a module's own source assigns at its top level (not the ones it imports)."""
    source = inspect.getsource(importlib.import_module(modname))
    names = set()
    for statement in ast.parse(source).body:
        targets = []
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, ast.AnnAssign):
            targets = [statement.target]
        for target in targets:
            names.update(node.id for node in ast.walk(target) if isinstance(node, ast.Name))
    return frozenset(names)


def _comment(modname: str, name: str) -> list[str]:
    """The ``#:`` comment above ``name`` in ``modname``'s source, or ``[]``."""
    try:
        analyzer = ModuleAnalyzer.for_module(modname)
        analyzer.analyze()
    except PycodeError:
        return []
    return list(analyzer.attr_docs.get(("", name), []))


def _number(value: Any) -> str:
    """A constant's value as written: every digit kept, no float noise; a tuple as a tuple."""
    if isinstance(value, (tuple, list)):
        return "(" + ", ".join(_number(item) for item in value) + ")"
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return format(value, ".12g").replace("e-", "e−")
    return str(value)


class ModuleDataDocumenter(DataDocumenter):
    """Data at a module's top level, documented by its ``#:`` comment and never by its type's docstring.

    A name the module imports (``homeostasis.CONDITIONS`` from ``.conditions``)
    takes the comment of the module that assigns it.  Its value is shown beside
    its name when it is short.  (Named apart from ``data`` so that napoleon
    does not read a comment's first colon as "type: description".)
    """

    objtype = "moduledata"
    directivetype = "data"
    priority = DataDocumenter.priority + 5
    #: A value whose repr is longer than this is left to the comment.
    longest_value = 60

    @classmethod
    def can_document_member(cls, member: Any, membername: str, isattr: bool, parent: Any) -> bool:
        return isinstance(parent, ModuleDocumenter) and isattr

    def should_suppress_value_header(self) -> bool:
        return super().should_suppress_value_header() or len(repr(self.object)) > self.longest_value

    def get_doc(self) -> list[list[str]]:
        name = self.objpath[-1]
        comment = _comment(self.modname, name)
        if not comment:
            package = self.modname.split(".")[0]
            for modname, module in sorted(sys.modules.items()):
                if (modname.startswith(package + ".") and getattr(module, name, None) is self.object
                        and name in _assigned_at_top_level(modname)):
                    comment = _comment(modname, name)
                    break
        table = _cited_table(self.object)
        if table:
            comment = [*comment, ""] + [
                f"* ``{key}``: {_number(c.value)} {'' if c.unit.strip() == '1' else c.unit}, {c.conditions}; "
                f":cite:p:`{c.citation}`" for key, c in table.items()] + [""]
        return [comment]


class CitedConstantDocumenter(ModuleDataDocumenter):
    """A module-level :class:`~calcify_lib.cited.CitedConstant`: value and unit, note, source."""

    objtype = "citedconstant"
    priority = DataDocumenter.priority + 10

    @classmethod
    def can_document_member(cls, member: Any, membername: str, isattr: bool, parent: Any) -> bool:
        return isinstance(parent, ModuleDocumenter) and _is_cited_constant(member)

    def check_module(self) -> bool:
        # The instance's __module__ is its class's (calcify_lib.cited): ask the source instead.
        return self.objpath[-1] in _assigned_at_top_level(self.modname)

    def add_directive_header(self, sig: str) -> None:
        ModuleLevelDocumenter.add_directive_header(self, sig)  # without DataDocumenter's repr
        constant = self.object
        unit = "" if constant.unit.strip() == "1" else f" {constant.unit}"
        self.add_line(f"   :value: {_number(constant.value)}{unit}", self.get_sourcename())

    def get_doc(self) -> list[list[str]]:
        constant = self.object
        lines = [*super().get_doc()[0], "", *constant.note.splitlines(), ""]
        lines.append(f":Temperature: {constant.conditions}")
        basis = getattr(constant, "basis", None)
        if basis is not None:
            lines.append(f":Basis: {_escape(getattr(basis, 'value', basis))}")
        lines += [f":Source: :cite:p:`{constant.citation}`", ""]
        return [lines]


def _exported_by_package(modname: str, name: str, obj: Any) -> bool:
    """Whether ``modname``'s package (below ``calcify_lib``) exports this very function or class in its ``__all__``."""
    package_name = modname.rpartition(".")[0]
    package = sys.modules.get(package_name)
    if "." not in package_name or package is None or not hasattr(package, "__path__"):
        return False
    if not (inspect.isfunction(obj) or inspect.isclass(obj)):
        return False
    return name in getattr(package, "__all__", ()) and getattr(package, name, None) is obj


class CalcifyModuleDocumenter(ModuleDocumenter):
    """``automodule`` that also documents the module's undocstringed public data.

    Kept besides what stock autodoc keeps: every cited constant the module
    assigns itself, and every table of them (in ``__all__`` or not: the page
    traces every number); data the module assigns and documents with a ``#:``
    comment, which its docstrings may name although ``__all__`` leaves it out;
    and data named in ``__all__`` (``precipitation.DISSOLVED``,
    ``homeostasis.CONDITIONS``), so that the docstrings' references resolve.

    Left out: a function or class of a package's submodule that the package
    itself exports in its ``__all__`` (``chemistry.speciation.speciate`` is
    documented once, as ``chemistry.speciate``), so that every reference to
    it has one target.
    """

    def filter_members(self, members, want_all):
        kept = super().filter_members(members, want_all)
        if not want_all:
            return kept
        kept = [(name, obj, isattr) for name, obj, isattr in kept
                if not _exported_by_package(self.modname, name, obj)]
        names = {name for name, _, _ in kept}
        own = _assigned_at_top_level(self.modname)
        public = set(self.__all__ or ())
        excluded = set(self.options.exclude_members or ())
        for member in members:
            name, obj = member.__name__, member.object
            if name in names or name in excluded or name.startswith("_"):
                continue
            if _is_cited_constant(obj) and name in own:  # even one left out of __all__
                kept.append((name, obj, False))
            elif callable(obj) or inspect.ismodule(obj):
                continue
            elif name in public or (name in own and (_comment(self.modname, name) or _cited_table(obj))):
                kept.append((name, obj, True))
        return kept


# --- headings inside module docstrings ---------------------------------------------------------

_UNDERLINE = re.compile(r"^\s*([-=~^\"'`#*+]) *\1{2,}\s*$")
_SECTION_CLASS = "calcify-docstring-section"


def _titles_to_rubrics(app, what, name, obj, options, lines) -> None:
    """Turn the section titles a docstring keeps after napoleon into rubrics.

    A title inside a docstring cannot open a section of the page (docutils
    nests it wherever it lands, and repeated titles such as "Assumptions and
    limits" clash as targets).  It becomes a rubric, made a heading one level
    below the page section around it by :class:`DocstringHeadings`.
    """
    index = 1
    while index < len(lines):
        title, underline = lines[index - 1], lines[index]
        previous_blank = index < 2 or not lines[index - 2].strip()
        if (title.strip() and previous_blank and _UNDERLINE.match(underline)
                and len(underline.strip()) >= len(title.strip())):
            indent = title[: len(title) - len(title.lstrip())]
            lines[index - 1 : index + 1] = [f"{indent}.. rubric:: {title.strip()}", f"{indent}   :class: {_SECTION_CLASS}", ""]
        index += 1


class DocstringHeadings(SphinxTransform):
    """Give a module docstring's rubrics (its own titles, napoleon's "Notes", "Examples"...)
    the heading level below their page section; rubrics inside an entry stay rubrics."""

    default_priority = 900

    def apply(self, **kwargs) -> None:
        for rubric in self.document.findall(nodes.rubric):
            if "docstring of" not in (rubric.source or "") or any(
                    isinstance(parent, addnodes.desc) for parent in _ancestors(rubric)):
                continue
            depth = sum(isinstance(parent, nodes.section) for parent in _ancestors(rubric))
            rubric["heading-level"] = min(depth + 1, 6)


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


_STATIC = Path(__file__).parent / "static"


def _add_static(app, config) -> None:
    config.html_static_path.append(str(_STATIC))


def _api_page_script(app, pagename, templatename, context, doctree) -> None:
    """On pages that document modules, make each too-wide display equation a tab stop."""
    if doctree is not None and any(name.startswith("module-calcify_lib")
                                   for node in doctree.findall(nodes.section) for name in node["ids"]):
        app.add_js_file("calcify_api.js")


def setup(app):
    app.setup_extension("sphinx.ext.autodoc")
    app.connect("config-inited", _add_static)
    app.add_css_file("calcify_api.css")  # phone-width wrapping of signatures (static/)
    app.connect("html-page-context", _api_page_script)
    app.add_autodocumenter(CalcifyModuleDocumenter, override=True)
    app.add_autodocumenter(ModuleDataDocumenter)
    app.add_autodocumenter(CitedConstantDocumenter)
    # After napoleon (priority 500) has turned the numpy sections into reST.
    app.connect("autodoc-process-docstring", _titles_to_rubrics, priority=600)
    app.connect("autodoc-process-docstring", _append_accepted_ranges, priority=610)
    app.add_transform(DocstringHeadings)
    app.connect("autodoc-process-signature", _printable_defaults)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
