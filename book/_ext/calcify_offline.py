"""Make the built site work with no network, and keep its pages light.

MathJax from a local copy
-------------------------
Sphinx loads MathJax from a CDN by default, and a student reading the book
offline (or behind a strict firewall) would then see raw TeX.  This
extension copies MathJax 3 (``tex-chtml.js`` and its fonts) from the
``sphinx-mathjax-offline`` wheel, pinned in ``requirements-book.txt``, into
``_build/html/_static/mathjax``; ``_config.yml`` points ``mathjax_path``
there.  That wheel's own Sphinx hook cannot be used: its package folder is
named ``sphinx-mathjax-offline``, which Python cannot import, so we locate
its files through the installed distribution's metadata instead.

No stored widget state
----------------------
When a notebook runs at build time, nbclient records the state of every
ipywidget it created, and myst-nb embeds that state in the page.  The book's
explorers (:mod:`calcify_lib.explorer`) show their static ``text/html``
rendering on the site, so the widget state would be dead weight (about
40 KB for the chemistry explorer) that nothing reads.  It is dropped.
"""

from __future__ import annotations

import shutil
from importlib import metadata
from pathlib import Path

_DISTRIBUTION = "sphinx-mathjax-offline"
#: What tex-chtml.js loads: itself and the CommonHTML web fonts.
_FILES = ("tex-chtml.js",)
_FOLDERS = ("output/chtml/fonts/woff-v2",)


def _mathjax_source() -> Path:
    for file in metadata.distribution(_DISTRIBUTION).files or ():
        if file.name == "tex-chtml.js":
            return Path(file.locate()).parent
    raise RuntimeError(f"tex-chtml.js not found in the installed {_DISTRIBUTION} distribution")


def _copy_mathjax(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    source = _mathjax_source()
    target = Path(app.outdir) / "_static" / "mathjax"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in _FILES:
        shutil.copy2(source / name, target / name)
    for folder in _FOLDERS:
        shutil.copytree(source / folder, target / folder)


def _drop_widget_state(app, doctree) -> None:
    nb_metadata = getattr(app.env, "nb_metadata", {}).get(app.env.docname, {})
    nb_metadata.get("js_files", {}).pop("ipywidgets_state", None)


def setup(app):
    app.connect("doctree-read", _drop_widget_state)
    app.connect("build-finished", _copy_mathjax)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
