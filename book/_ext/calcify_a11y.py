"""Fix what axe-core finds wrong on every page of the stock Jupyter Book 1 stack.

``tests/test_accessibility.py`` runs axe-core on every built page and fails on
anything ``serious`` or ``critical``.  On the stock theme it found the
following; each is fixed here, for every page, present and future.

Controls whose accessible name is not their visible label (WCAG 2.5.3)
    pydata-sphinx-theme's search buttons read "Search Ctrl+K" but are named
    "Search" by ``aria-label``; its colour-mode button shows a sun, moon or
    half circle whose ``title`` says Light, Dark or System Settings, but is named
    "Color mode".  myst-nb's ``<summary>`` of a hidden cell reads "Show code
    cell content" but is named "Toggle hidden content".  A speech-input user
    who says what they see ("click Show code cell content") is not understood.
    The two theme components are overridden by the templates in
    ``templates/`` (searched before the theme's own); the summary keeps
    myst-nb's markup without its ``aria-label``, so its name is its text.

A bibliography list with the wrong children (critical)
    docutils wraps citations in ``<div role="list">`` but gives each one the
    role ``doc-biblioentry``, which is not a list item (and was deprecated in
    DPUB-ARIA 1.1 for that reason).  Each citation becomes ``role="listitem"``.

Data cells with no header (critical)
    A comparison table written in Markdown leaves its top-left header cell
    empty and puts row labels in its first column, but Markdown has no row
    headers: every label becomes a ``<td>`` and the cells of that row are
    announced with no header.  A table whose top-left header cell is empty gets
    its first column marked as docutils' stub column (what the ``table``
    directive's ``:stub-columns: 1`` does), so each label is a ``<th>``.

A sidebar toggle with no name (serious)
    A chapter with pages nested under it in ``_toc.yml`` (the API reference)
    gets, in pydata-sphinx-theme's sidebar, a ``<summary>`` that holds only a
    decorative chevron: a screen reader announces a nameless button on every
    page.  Each such summary is named after the entry it opens, "Pages under
    API reference".

The root ``index.html``
    sphinx-external-toc writes a one-line ``<meta http-equiv="Refresh">`` with
    no ``<html lang>``, no ``<title>`` and no link for a reader whose browser
    does not follow the refresh.  A complete page that does the same is
    written in its place.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from docutils import nodes
from sphinx.transforms import SphinxTransform

_TEMPLATES = Path(__file__).parent / "templates"
_HTML_BUILDERS = ("html", "dirhtml", "singlehtml")
_MYST_NB_SUMMARY = '<summary aria-label="Toggle hidden content">\n'


def _templates_first(app, config) -> None:
    # Before the themes' own component folders, which they append to templates_path.
    config.templates_path.insert(0, str(_TEMPLATES))


def _visit_hidden_cell(self, node) -> None:
    from myst_nb.sphinx_ import visit_HideCellInput

    start = len(self.body)
    visit_HideCellInput(self, node)
    self.body[start:] = ["<summary>\n" if part == _MYST_NB_SUMMARY else part for part in self.body[start:]]


def _depart_hidden_cell(self, node) -> None:
    from myst_nb.sphinx_ import depart_HideCellInput

    depart_HideCellInput(self, node)


def _visit_citation(self, node) -> None:
    start = len(self.body)
    type(self).visit_citation(self, node)  # the translator's own (docutils') markup
    self.body[start:] = [part.replace('role="doc-biblioentry"', 'role="listitem"') for part in self.body[start:]]


def _depart_citation(self, node) -> None:
    type(self).depart_citation(self, node)


class RowLabelsInFirstColumn(SphinxTransform):
    """Make the first column row headers when the table's top-left header cell is empty."""

    default_priority = 800

    def apply(self, **kwargs) -> None:
        for tgroup in self.document.findall(nodes.tgroup):
            colspecs = [child for child in tgroup.children if isinstance(child, nodes.colspec)]
            heads = [child for child in tgroup.children if isinstance(child, nodes.thead)]
            if len(colspecs) < 2 or not heads or any(spec.get("stub") for spec in colspecs):
                continue
            rows = [row for row in heads[0].children if isinstance(row, nodes.row)]
            if rows and rows[0].children and not rows[0].children[0].astext().strip():
                colspecs[0]["stub"] = 1


_REDIRECT = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Refresh" content="0; url={url}">
<title>{title}</title>
</head>
<body>
<main>
<h1>{title}</h1>
<p>The book starts at <a href="{url}">{first}</a>.</p>
</main>
</body>
</html>
"""


def _name_sidebar_toggles(app, pagename, templatename, context, doctree) -> None:
    """Wrap the theme's ``generate_toctree_html`` so that each ``<summary>`` it makes has a name."""
    generate = context.get("generate_toctree_html")
    if generate is None or getattr(generate, "calcify_named", False):
        return

    def generate_named(kind, *args, **kwargs):
        out = generate(kind, *args, **kwargs)
        if isinstance(out, str):
            return out
        for summary in out.select("li > details > summary"):
            link = summary.parent.find_previous_sibling("a")
            if link is not None and not summary.get("aria-label") and not summary.get_text(strip=True):
                summary["aria-label"] = f"Pages under {link.get_text(strip=True)}"
        return out

    generate_named.calcify_named = True
    context["generate_toctree_html"] = generate_named


def _write_root_redirect(app, exception) -> None:
    """Replace sphinx-external-toc's bare redirect stub with a complete page."""
    root_doc = app.config.root_doc
    if exception is not None or app.builder.name != "html" or root_doc == "index" or "index" in app.env.found_docs:
        return
    title = app.config.html_title or app.config.project
    first = app.env.titles[root_doc].astext() if root_doc in app.env.titles else title
    (Path(app.outdir) / "index.html").write_text(
        _REDIRECT.format(
            lang=escape(app.config.language or "en"),
            url=escape(app.builder.get_target_uri(root_doc)),
            title=escape(title),
            first=escape(first),
        ),
        encoding="utf8",
    )


def setup(app):
    from myst_nb.sphinx_ import HideCodeCellNode

    app.setup_extension("myst_nb")  # its node visitors must be registered before ours replace them
    handlers = {builder: (_visit_hidden_cell, _depart_hidden_cell) for builder in _HTML_BUILDERS}
    app.add_node(HideCodeCellNode, override=True, **handlers)
    handlers = {builder: (_visit_citation, _depart_citation) for builder in _HTML_BUILDERS}
    app.add_node(nodes.citation, override=True, **handlers)
    app.add_transform(RowLabelsInFirstColumn)
    app.connect("config-inited", _templates_first)
    # After pydata-sphinx-theme has put its generate_toctree_html in the context (priority 500).
    app.connect("html-page-context", _name_sidebar_toggles, priority=600)
    # After sphinx-external-toc's own build-finished handler (priority 500) has run.
    app.connect("build-finished", _write_root_redirect, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
