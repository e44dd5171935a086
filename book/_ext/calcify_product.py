"""The book as a product: phone, dark mode and print styles, and stored outputs checked.

Every page, present and future, gets ``static/calcify_product.css``:

On a phone (390 CSS pixels wide)
    Nothing may make the page scroll sideways.  A long unbreakable word (a URL
    in the bibliography, a DOI, a long identifier in a table) may break
    anywhere; a wide table or a wide display equation scrolls inside its own
    box, never the page.

In the theme's dark mode
    pydata-sphinx-theme already puts PNG figures and notebook HTML outputs on a
    light panel.  The explorers' own controls (radio pills, outputs) are drawn
    in the explorer's light colours, so the whole explorer panel is a light
    panel with dark text, and its picture is not dimmed.

In print (the PDF edition, ``tools/build-pdf``)
    Only the chapter: no header, sidebars, buttons or footer navigation;
    figures, tables and code never wider than the page (long code lines wrap),
    and no figure or table split across pages.

Keyboard
    A display equation wider than its column scrolls in its own box; ``static/calcify_product.js``
    gives each such box a tab stop (MathJax's menu, which is not loaded, used to).

Stored outputs
--------------
The site publishes the outputs stored in the notebooks (``execute_notebooks:
off`` in ``_config.yml``); the test run proves them current (nbval compares
every text, HTML and PNG output with a fresh execution against the current
``calcify_lib``).  A notebook stored with a code cell that was never run
would publish a page with a figure silently missing, so the build warns
(an error under ``-W``) about every such cell, and about a stored error.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.util import logging

LOGGER = logging.getLogger(__name__)
_STATIC = Path(__file__).parent / "static"


def _add_static(app, config) -> None:
    if str(_STATIC) not in config.html_static_path:  # calcify_api shares the folder
        config.html_static_path.append(str(_STATIC))


def _check_stored_outputs(app, docname, source) -> None:
    """Warn about code cells stored unrun, or stored with an error, when the build does not execute."""
    if app.config.nb_execution_mode != "off":
        return
    path = Path(app.env.doc2path(docname))
    if path.suffix != ".ipynb":
        return
    import nbformat

    notebook = nbformat.reads(source[0], as_version=4)
    for number, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        if cell.get("execution_count") is None:
            LOGGER.warning(
                f"code cell {number} is stored without being run, so the page would miss its output: "
                "run tools/refresh_notebooks.py",
                location=docname,
            )
        elif any(output.get("output_type") == "error" for output in cell.get("outputs", [])):
            LOGGER.warning(f"code cell {number} is stored with an error", location=docname)


def _html_visitors_for_singlehtml(app) -> None:
    """Give the singlehtml builder (the PDF edition's) every visitor the html builder has.

    Sphinx looks a builder's node visitors up by its name, and falls back to its
    format ("html") only when no extension registered any for that name.
    sphinx-exercise registers its own for "singlehtml", so the visitors that other
    extensions registered for "html" alone (sphinx-jupyterbook-latex's hidden cells,
    for one) are missing there, and the build fails on the first such node.
    """
    if app.builder.name != "singlehtml":
        return
    handlers = app.registry.translation_handlers
    single = handlers.setdefault("singlehtml", {})
    for node, visitors in handlers.get("html", {}).items():
        single.setdefault(node, visitors)


def setup(app):
    app.connect("config-inited", _add_static)
    app.connect("builder-inited", _html_visitors_for_singlehtml)
    app.add_css_file("calcify_product.css")
    app.add_js_file("calcify_product.js")  # a tab stop on each display equation that scrolls
    app.connect("source-read", _check_stored_outputs)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
