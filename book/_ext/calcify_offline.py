"""Make the built site work with no network, and keep its pages light.

MathJax from a local copy, without its menu
-------------------------------------------
Sphinx loads MathJax from a CDN by default, and a student reading the book
offline (or behind a strict firewall) would then see raw TeX.  This
extension copies MathJax 3 from the ``sphinx-mathjax-offline`` wheel,
pinned in ``requirements-book.txt``, into ``_build/html/_static/mathjax``;
``_config.yml`` points ``mathjax_path`` there.  That wheel's own Sphinx hook
cannot be used: its package folder is named ``sphinx-mathjax-offline``,
which Python cannot import, so we locate its files through the installed
distribution's metadata instead.

Pages load MathJax's loader (``startup.js``) and the components that
``_config.yml`` lists in ``mathjax3_config.loader.load``: the TeX input, the
CommonHTML output and the hidden MathML that screen readers read
(``a11y/assistive-mml``).  The combined ``tex-chtml.js`` (1.1 MB) would
also bring MathJax's right-click menu (0.43 MB of the 1.1), which the book
does not need; without it a page with math loads about 0.75 MB of MathJax.
The TeX extensions are copied too, so that MathJax's autoload finds a
package such as ``mhchem`` locally if a chapter ever uses one.

No icon script: Font Awesome as the theme's web font
----------------------------------------------------
pydata-sphinx-theme puts ``_static/scripts/fontawesome.js`` on every page:
1.45 MB of JavaScript holding every Font Awesome icon as SVG, which swaps
the page's ``<i class="fa-solid fa-bars">`` elements for inline SVG.  The
theme's stylesheet already carries Font Awesome's web-font CSS (the
``@font-face`` rules and a ``::before`` glyph for every icon class), so the
same icons render without the script, from ``fa-solid-900.woff2``
(156 KB, loaded only by a page that shows a solid icon).  The script is
replaced by a one-line file of the same name (the theme's template links
it), and its source map is removed.

The search index only on the search page
----------------------------------------
pydata-sphinx-theme links ``searchindex.js`` (0.3 MB, and growing with
every chapter) from every page, for its optional search-as-you-type.  That
option is off here: the search box sends the reader to ``search.html``,
which loads the index itself.  So the index's ``<script>`` is removed from
every other page.

No stored widget state
----------------------
When a notebook runs at build time, nbclient records the state of every
ipywidget it created, and myst-nb embeds that state in the page.  The book's
explorers (:mod:`calcify_lib.explorer`) show their static ``text/html``
rendering on the site, so the widget state would be dead weight (about
40 KB for the chemistry explorer) that nothing reads.  It is dropped.
"""

from __future__ import annotations

import re
import shutil
from importlib import metadata
from pathlib import Path

_DISTRIBUTION = "sphinx-mathjax-offline"
#: The loader and the components that _config.yml's mathjax3_config.loader.load
#: names, with what they need: the core, the TeX font data and the web fonts.
_FILES = (
    "startup.js",
    "core.js",
    "input/tex.js",
    "output/chtml.js",
    "output/chtml/fonts/tex.js",
    "a11y/assistive-mml.js",
)
_FOLDERS = ("output/chtml/fonts/woff-v2", "input/tex/extensions")
_FONTAWESOME_STUB = (
    "/* Font Awesome's SVG script is not used: the icons render from the web font that\n"
    "   pydata-sphinx-theme's stylesheet declares (book/_ext/calcify_offline.py). */\n"
)


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
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / name, target / name)
    for folder in _FOLDERS:
        shutil.copytree(source / folder, target / folder)


def _drop_icon_script(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    scripts = Path(app.outdir) / "_static" / "scripts"
    if (scripts / "fontawesome.js").exists():
        (scripts / "fontawesome.js").write_text(_FONTAWESOME_STUB, encoding="utf-8")
        (scripts / "fontawesome.js.map").unlink(missing_ok=True)


_SEARCH_INDEX_TAG = re.compile(r'\n?[ \t]*<script src="(?:\.\./)*searchindex\.js"></script>')


def _search_index_only_on_search_page(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    if app.config.html_theme_options.get("search_as_you_type"):
        return  # then every page needs the index
    outdir = Path(app.outdir)
    search_page = outdir / "search.html"
    for page in outdir.rglob("*.html"):
        if page == search_page or "_static" in page.relative_to(outdir).parts:
            continue
        text = page.read_text(encoding="utf-8")
        lighter = _SEARCH_INDEX_TAG.sub("", text)
        if lighter != text:
            page.write_text(lighter, encoding="utf-8")


def _drop_widget_state(app, doctree) -> None:
    nb_metadata = getattr(app.env, "nb_metadata", {}).get(app.env.docname, {})
    nb_metadata.get("js_files", {}).pop("ipywidgets_state", None)


def setup(app):
    app.connect("doctree-read", _drop_widget_state)
    app.connect("build-finished", _copy_mathjax)
    app.connect("build-finished", _drop_icon_script)
    app.connect("build-finished", _search_index_only_on_search_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
