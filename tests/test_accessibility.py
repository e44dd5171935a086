"""Accessibility and link integrity of every page of the built site.

Every HTML page of the build is audited, not a chosen few: the chapters, the
references, the root ``index.html`` (a redirect to the first chapter) and the
``search.html`` and ``genindex.html`` pages that Sphinx writes, because a reader
reaches them too (the search box submits to ``search.html``; ``genindex.html``
is linked from every page's ``<link rel="index">``).  Only Sphinx's asset
folders (``_static``, ``_images``, ``_sources``...) are left out: they hold
no pages.

* axe-core (bundled in the pinned ``axe-playwright-python``), with its
  experimental rules switched on, must find nothing of impact ``serious`` or
  ``critical``; lesser findings are printed.
* No page may request anything from outside the local server, raise a page
  error, or get an HTTP error for one of its own files.
* Every internal ``href``/``src`` must name a file of the build, and every
  ``#fragment`` an ``id`` (or ``name``) in its target page.

All pages are visited in one browser, one context and one tab, once; the axe
and network tests share that visit.  The link test needs no browser.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml

from conftest import ROOT, SITE

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: Known messages of the book theme and sphinx-thebe, not of the book's own code.
THEME_NOISE = (
    "Identifier 'THEBE_JS_URL' has already been declared",
    "Got invalid theme mode",
)
FAILING_IMPACTS = ("serious", "critical")
#: A stand-in origin for resolving relative links without a server.
_BASE = "http://calcify.invalid/"


def _site_pages() -> list[str]:
    """Every HTML page of the build, as a path relative to the site root."""
    if not (SITE / "index.html").exists():
        pytest.fail(f"the site is not built at {SITE}: run the README's build command first")
    return sorted(
        path.relative_to(SITE).as_posix()
        for path in SITE.rglob("*.html")
        if not path.relative_to(SITE).parts[0].startswith("_")
    )


def _toc_pages() -> set[str]:
    """The page that each entry of ``_toc.yml`` becomes, plus the root redirect."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf8"))
    files = {toc["root"]}
    stack = list(toc.get("chapters", [])) + list(toc.get("parts", []))
    while stack:
        entry = stack.pop()
        if "file" in entry:
            files.add(entry["file"])
        stack.extend(entry.get("chapters", []) + entry.get("sections", []))
    return {f"{Path(name).with_suffix('')}.html" for name in files} | {"index.html"}


# --- the browser visit, shared by the axe and network tests -------------------------------

_MATH_TYPESET = """async () => {
    if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
        await MathJax.startup.promise;  // audit the typeset math, not raw TeX
    }
}"""
_AXE_RUN = """async () => {
    const experimental = axe.getRules(['experimental']).map(rule => rule.ruleId);
    const rules = Object.fromEntries(experimental.map(id => [id, {enabled: true}]));
    const results = await axe.run(document, {rules, resultTypes: ['violations']});
    return {version: axe.version, violations: results.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.map(node => node.target.join(' ')),
    }))};
}"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest's output clean
        pass


@pytest.fixture(scope="module")
def visits():
    """Open every page once; record its requests, errors and axe findings."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    pages = _site_pages()
    handler = functools.partial(_QuietHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site_url = f"http://127.0.0.1:{server.server_address[1]}"
    records = {path: defaultdict(list) for path in pages}
    current = {"path": None, "url": None, "auditing": False}

    def route(route):
        request, record = route.request, records[current["path"]]
        if not request.url.startswith(site_url + "/"):
            record["blocked"].append(request.url)
            route.abort()
        elif request.is_navigation_request() and request.url != current["url"]:
            # A page that moves the reader on (the root redirect) is audited as served;
            # where it leads is audited as a page of its own.
            record["redirects"].append(request.url)
            route.abort("aborted")
        else:
            route.continue_()

    def problem(text):
        if not any(noise in text for noise in THEME_NOISE):
            # axe-core re-fetches stylesheets for its CSS rules and resolves their @import
            # against the page, not the sheet (theme.css's "../basic.css" becomes /basic.css):
            # its 404s are the audit's own, not the page's, and are only reported.
            fetch = text.startswith(("HTTP ", "console error: Failed to load resource"))
            bucket = "axe_fetches" if current["auditing"] and fetch else "problems"
            records[current["path"]][bucket].append(text)

    axe_script = Axe().axe_script
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 1000})
            context.route("**/*", route)
            tab = context.new_page()
            tab.on("pageerror", lambda error: problem(f"page error: {error}"))
            tab.on("console", lambda m: problem(f"console {m.type}: {m.text}") if m.type == "error" else None)
            tab.on("response", lambda r: problem(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
            for path in pages:
                current["path"], current["url"] = path, f"{site_url}/{path}"
                tab.goto(current["url"], wait_until="load")
                tab.evaluate(_MATH_TYPESET)
                current["auditing"] = True
                tab.evaluate(axe_script)
                result = tab.evaluate(_AXE_RUN)
                current["auditing"] = False
                records[path]["axe_version"] = result["version"]
                records[path]["violations"] = result["violations"]
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return records


def _findings(visits, impacts):
    return [
        f"{v['id']} ({v['impact']}) on {path}: {v['help']}\n    " + "\n    ".join(v["targets"])
        for path, record in visits.items()
        for v in record["violations"]
        if v["impact"] in impacts
    ]


def test_the_audit_covers_every_page_of_the_table_of_contents():
    pages = set(_site_pages())
    assert _toc_pages() <= pages, f"pages of _toc.yml missing from the build: {sorted(_toc_pages() - pages)}"


@pytest.mark.browser
def test_no_page_has_a_serious_or_critical_accessibility_violation(visits):
    lesser = _findings(visits, ("moderate", "minor", None))
    version = next(iter(visits.values()))["axe_version"]
    print(f"\naxe-core {version}, {len(visits)} pages; moderate and minor findings ({len(lesser)}):")
    print("\n".join(lesser) or "    none")
    serious = _findings(visits, FAILING_IMPACTS)
    assert not serious, "axe-core found (rule, impact, page, elements):\n" + "\n".join(serious)


@pytest.mark.browser
def test_no_page_requests_anything_from_outside_or_fails_to_load(visits):
    for path, record in visits.items():
        assert record["blocked"] == [], f"{path} asked for outside resources: {record['blocked']}"
        assert record["problems"] == [], f"{path}: {record['problems']}"
    redirects = {path: record["redirects"] for path, record in visits.items() if record["redirects"]}
    print(f"\npages that move the reader on (each target is audited as its own page): {redirects}")
    axe_fetches = sorted({text for record in visits.values() for text in record["axe_fetches"] if text.startswith("HTTP")})
    print(f"failed fetches of axe-core itself, not of the pages: {axe_fetches}")


# --- links and anchors, from the HTML alone -------------------------------------------------


class _PageLinks(HTMLParser):
    """The ids a page offers and the links it makes (tag, attribute, value)."""

    _LINK_ATTRIBUTES = {"href", "src", "action", "poster", "data"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for key in ("id", "name"):
            if attributes.get(key) and not (key == "name" and tag == "meta"):
                self.ids.add(attributes[key])
        for key, value in attrs:
            if key in self._LINK_ATTRIBUTES and value is not None:
                self.links.append((tag, key, value.strip()))
            elif key == "srcset" and value:
                self.links.extend((tag, key, part.split()[0]) for part in value.split(",") if part.strip())
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            _, _, target = (attributes.get("content") or "").partition("url=")
            if target:
                self.links.append((tag, "refresh", target.strip()))

    handle_startendtag = handle_starttag


@functools.lru_cache(maxsize=None)
def _parse(path: str) -> _PageLinks:
    parser = _PageLinks()
    parser.feed((SITE / path).read_text(encoding="utf8"))
    parser.close()
    return parser


def test_every_internal_link_and_anchor_resolves():
    broken, outbound, loads_from_outside = [], set(), []
    for page in _site_pages():
        page_url = urljoin(_BASE, page)
        for tag, attribute, value in _parse(page).links:
            scheme = urlsplit(value).scheme.lower()
            if scheme in ("mailto", "tel", "data", "javascript"):
                continue
            if scheme in ("http", "https") or value.startswith("//"):
                if tag == "a":
                    outbound.add(value)  # a link the reader may follow: fine
                else:
                    loads_from_outside.append(f"{page}: <{tag} {attribute}={value!r}>")
                continue
            target = urlsplit(urljoin(page_url, value))
            if not target.geturl().startswith(_BASE):
                broken.append(f"{page}: <{tag} {attribute}={value!r}> leaves the site")
                continue
            relative = unquote(target.path[len(urlsplit(_BASE).path):]) or "index.html"
            file = SITE / relative
            if file.is_dir():
                file, relative = file / "index.html", f"{relative.rstrip('/')}/index.html".lstrip("/")
            if not file.is_file():
                broken.append(f"{page}: <{tag} {attribute}={value!r}> -> missing {relative}")
            elif target.fragment and file.suffix == ".html":
                fragment = unquote(target.fragment)
                if fragment not in _parse(relative).ids:
                    broken.append(f"{page}: <{tag} {attribute}={value!r}> -> no id {fragment!r} in {relative}")
    print(f"\n{len(outbound)} outbound links (followed only by the reader):")
    print("\n".join(f"    {url}" for url in sorted(outbound)) or "    none")
    assert not (loads_from_outside or broken), (
        "resources loaded from outside:\n" + "\n".join(loads_from_outside) + "\nbroken internal links:\n" + "\n".join(broken)
    )
