"""Every page of the built site on a phone, in dark mode, in search, and on the scales.

Headless Debian chromium through Playwright, no network (every request outside the local
server is aborted and counted), the site served from _build/html (or CALCIFY_SITE).
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from urllib.parse import quote

import pytest
import yaml

from conftest import ROOT, SITE

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGE_LIMIT_BYTES = 3_000_000
EXPLORER_LIMIT_BYTES = 1_000_000
PHONE = {"width": 390, "height": 844}


def _pages():
    return sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html")
                  if not {"_static", "_sources", "_images"} & set(p.relative_to(SITE).parts)
                  and p.name not in ("genindex.html", "search.html") and p.relative_to(SITE).as_posix() != "index.html")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site_url():
    if not (SITE / "search.html").exists():
        pytest.fail("the site is not built: run the README's build command first")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _context(browser, site_url, **options):
    context = browser.new_context(**options)
    context.blocked = []

    def only_local(route):
        if route.request.url.startswith(site_url + "/"):
            route.continue_()
        else:
            context.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    return context


def _settle(page):
    page.wait_for_load_state("load")
    page.evaluate("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
    page.evaluate("() => document.fonts.ready.then(() => true)")


_SIDEWAYS = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= width + 1) { continue; }
    // inside a box that scrolls or clips sideways: the page itself does not move
    let boxed = false;
    for (let p = el; p && p !== document.body; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (style.position === "fixed" || style.visibility === "hidden") { boxed = true; break; }  // a drawer, off-canvas
      const o = style.overflowX;
      if (p !== el && (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") && p.getBoundingClientRect().right <= width + 1) { boxed = true; break; }
    }
    if (!boxed) { out.push(`${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80) + ` right ${r.right.toFixed(0)}`); }
  }
  return {scrollWidth: document.documentElement.scrollWidth, width: width, out: out.slice(0, 8)};
}"""

_TARGETS = """() => {
  const small = [];
  const sel = ".calcify-explorer input, .calcify-explorer select, .calcify-explorer label.cx-option, " +
              ".bd-header button, .bd-header .btn, .header-article button, .header-article .btn";
  for (const el of document.querySelectorAll(sel)) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === "hidden") { continue; }
    const radio = el.type === "radio";  // inside its label, which is the target
    if (!radio && (r.width < 24 || r.height < 24)) { small.push(`${el.tagName.toLowerCase()}.${el.className} ${r.width.toFixed(0)}x${r.height.toFixed(0)}`); }
  }
  return small;
}"""


def test_no_page_scrolls_sideways_on_a_phone_and_its_controls_are_large_enough_to_touch(browser, site_url):
    context = _context(browser, site_url, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    page = context.new_page()
    problems, boxed_tables = [], 0
    for path in _pages():
        page.goto(f"{site_url}/{path}", wait_until="load")
        _settle(page)
        m = page.evaluate(_SIDEWAYS)
        if m["scrollWidth"] > m["width"] or m["out"]:
            problems.append(f"{path}: page {m['scrollWidth']} px wide at {m['width']}: {m['out']}")
        small = page.evaluate(_TARGETS)
        if small:
            problems.append(f"{path}: controls under 24 x 24 CSS px: {small[:5]}")
        boxed_tables += page.evaluate("""() => [...document.querySelectorAll('.bd-article table')].filter(t => {
            const r = t.getBoundingClientRect(); return r.right > document.documentElement.clientWidth; }).length""")
    assert problems == []
    assert context.blocked == []
    context.close()


def _luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b):
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


_COLOURS = """() => {
  const parse = s => { const m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) { return null; }
    const v = m[1].split(",").map(Number); return {rgb: v.slice(0, 3), a: v.length > 3 ? v[3] : 1}; };
  const background = el => {
    for (let p = el; p; p = p.parentElement) {
      const c = parse(getComputedStyle(p).backgroundColor);
      if (c && c.a > 0.5) { return c.rgb; }
    }
    return parse(getComputedStyle(document.body).backgroundColor).rgb;
  };
  const visible = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const texts = [];
  const sel = ".calcify-explorer legend, .calcify-explorer label, .calcify-explorer output, " +
              ".calcify-explorer .cx-readout, .calcify-explorer .cx-description, .bd-article td, .bd-article th";
  for (const el of document.querySelectorAll(sel)) {
    if (!visible(el) || !el.textContent.trim()) { continue; }
    texts.push({what: el.tagName.toLowerCase() + " " + el.textContent.trim().slice(0, 30),
                color: parse(getComputedStyle(el).color).rgb, background: background(el)});
  }
  const pictures = [];
  for (const img of document.querySelectorAll(".bd-article .cell_output img, .calcify-explorer img")) {
    if (!visible(img)) { continue; }
    const own = parse(getComputedStyle(img).backgroundColor);
    pictures.push({src: img.getAttribute("src").slice(0, 40), background: own && own.a > 0.5 ? own.rgb : background(img.parentElement)});
  }
  return {theme: document.documentElement.dataset.theme, texts: texts, pictures: pictures};
}"""


def test_in_dark_mode_explorers_figures_and_tables_stay_legible(browser, site_url):
    context = _context(browser, site_url, viewport={"width": 1280, "height": 900}, color_scheme="dark")
    context.add_init_script("localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark');")
    page = context.new_page()
    checked = {"texts": 0, "pictures": 0}
    problems = []
    for path in _pages():
        page.goto(f"{site_url}/{path}", wait_until="load")
        _settle(page)
        found = page.evaluate(_COLOURS)
        assert found["theme"] == "dark", path
        for text in found["texts"]:
            ratio = _contrast(text["color"], text["background"])
            if ratio < 4.5:
                problems.append(f"{path}: {text['what']!r} contrast {ratio:.1f} ({text['color']} on {text['background']})")
        for picture in found["pictures"]:
            if _luminance(picture["background"]) < 0.5:  # the dark theme is about 0.01
                problems.append(f"{path}: picture {picture['src']} on a dark background {picture['background']}")
        checked["texts"] += len(found["texts"])
        checked["pictures"] += len(found["pictures"])
    assert problems[:10] == []
    assert checked["texts"] > 100 and checked["pictures"] > 10
    assert context.blocked == []
    context.close()


def _chapter_terms():
    """One word from each chapter's title (its longest), and the page that must be found."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    for entry in [c["file"] for c in toc["chapters"]]:
        md, nb = ROOT / f"{entry}.md", ROOT / f"{entry}.ipynb"
        if md.exists():
            lines = md.read_text(encoding="utf-8").splitlines()
        else:
            cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
            lines = [ln for c in cells if c["cell_type"] == "markdown" for ln in "".join(c["source"]).splitlines()]
        title = next(line[2:] for line in lines if line.startswith("# "))
        word = max(re.findall(r"[A-Za-z]+", title), key=len)
        yield entry, word


def test_search_works_offline_and_finds_every_chapter_by_a_word_of_its_title(browser, site_url):
    context = _context(browser, site_url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    missed = []
    for entry, word in _chapter_terms():
        page.goto(f"{site_url}/search.html?q={quote(word)}", wait_until="load")
        page.wait_for_function("() => { const s = document.querySelector('#search-results .search-summary');"
                               " return s && /\\d/.test(s.textContent); }", timeout=20000)
        links = page.eval_on_selector_all("#search-results li a", "els => els.map(a => a.getAttribute('href'))")
        if not any(f"{entry}.html" in link for link in links):
            missed.append(f"{word!r} does not find {entry}: {links[:5]}")
    assert missed == []
    assert context.blocked == []
    context.close()


_WEIGHT = """() => {
  const entries = [performance.getEntriesByType("navigation")[0], ...performance.getEntriesByType("resource")];
  return {bytes: entries.reduce((sum, e) => sum + (e.decodedBodySize || 0), 0),
          explorers: [...document.querySelectorAll(".calcify-explorer")].map(e => new Blob([e.outerHTML]).size)};
}"""


def test_every_page_is_under_3_mb_cold_and_the_largest_explorer_under_1_mb(browser, site_url):
    weights, explorers = {}, []
    for path in _pages():
        context = _context(browser, site_url, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(f"{site_url}/{path}", wait_until="load")
        _settle(page)
        page.wait_for_timeout(300)
        measured = page.evaluate(_WEIGHT)
        weights[path] = measured["bytes"]
        explorers += measured["explorers"]
        assert context.blocked == [], path
        context.close()
    heavy = {path: f"{size / 1e6:.2f} MB" for path, size in weights.items() if size >= PAGE_LIMIT_BYTES}
    assert heavy == {}, f"pages over 3 MB cold: {heavy}"
    assert explorers and max(explorers) < EXPLORER_LIMIT_BYTES
