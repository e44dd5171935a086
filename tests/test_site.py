"""The built static site, driven in headless Chromium with no kernel and no network.

Needs the site built into _build/html (the README's test command builds it
first) and Debian's chromium at /usr/bin/chromium, driven by Playwright
through ``executable_path``; ``playwright install`` is never used.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from html import unescape

import pytest

from calcify_lib import homeostasis
from calcify_lib.figures import chemistry as figures
from calcify_lib.figures import suspects as disease_figures

from conftest import SITE

pytestmark = pytest.mark.browser

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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest's output clean
        pass


@pytest.fixture(scope="module")
def site_url():
    if not (SITE / "book" / "chemistry.html").exists():
        pytest.fail("the site is not built: run the README's build command first")
    handler = functools.partial(_QuietHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
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


@pytest.fixture()
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.blocked = []
    page.problems = []

    def only_local(route):
        if route.request.url.startswith(site_url + "/"):
            route.continue_()
        else:
            page.blocked.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    page.on("console", lambda m: page.problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("response", lambda r: page.problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    yield page
    context.close()


def _own_problems(page):
    return [p for p in page.problems if not any(noise in p for noise in THEME_NOISE)]


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html.replace("<br>", " ")))).strip()


def _open_chemistry(page, site_url):
    page.goto(f"{site_url}/book/chemistry.html", wait_until="load")
    explorer = page.locator(".calcify-explorer").first
    explorer.wait_for()
    explorer.scroll_into_view_if_needed()
    return explorer


def test_every_page_loads_with_no_errors_and_no_outside_requests(page, site_url):
    for path in ("book/intro.html", "book/chemistry.html", "book/suspects.html"):
        page.goto(f"{site_url}/{path}", wait_until="load")
        page.wait_for_timeout(300)
    assert page.blocked == []
    assert _own_problems(page) == []


def test_math_is_typeset_from_the_local_mathjax(page, site_url):
    page.goto(f"{site_url}/book/chemistry.html", wait_until="load")
    page.locator("mjx-container").first.wait_for(timeout=15000)
    assert page.locator("mjx-container").count() > 10


def test_keyboard_moves_the_static_explorer_and_the_readout_follows_calcify_lib(page, site_url):
    explorer = _open_chemistry(page, site_url)
    calcium, phosphate = explorer.locator("input.cx-slider").nth(0), explorer.locator("input.cx-slider").nth(1)
    figure = explorer.locator(".cx-stage")
    readout = explorer.locator(".cx-readout")
    marker = explorer.locator(".cx-marker").first

    assert _text(readout.inner_html()) == _text(figures.readout_html(9.5, 3.5))
    before_picture = figure.screenshot()
    before_alt = explorer.locator(".cx-stage img").get_attribute("alt")
    before_position = marker.get_attribute("style")

    calcium.focus()
    for _ in range(5):  # 9.5 -> 12.0 mg/dL in steps of 0.5
        page.keyboard.press("ArrowRight")
    phosphate.focus()
    for _ in range(6):  # 3.5 -> 6.5 mg/dL
        page.keyboard.press("ArrowRight")

    assert _text(readout.inner_html()) == _text(figures.readout_html(12.0, 6.5))
    assert "above the clinical threshold" in readout.inner_text()
    assert explorer.locator("output").nth(0).inner_text() == figures.describe_ca(12.0)
    assert calcium.get_attribute("aria-valuetext") == figures.describe_ca(12.0)
    assert explorer.locator(".cx-stage img").get_attribute("alt") != before_alt
    assert marker.get_attribute("style") != before_position
    assert figure.screenshot() != before_picture

    page.keyboard.press("Home")  # phosphate to its lowest setting, 1.0 mg/dL
    assert _text(readout.inner_html()) == _text(figures.readout_html(12.0, 1.0))
    assert "below the clinical threshold" in readout.inner_text()
    assert _own_problems(page) == []
    assert page.blocked == []


def test_exercise_solutions_are_hidden_until_opened(page, site_url):
    page.goto(f"{site_url}/book/chemistry.html", wait_until="load")
    solutions = page.locator(".solution.dropdown")
    assert solutions.count() >= 3
    first = solutions.first
    body = first.locator(".admonition-title ~ *").first
    first.scroll_into_view_if_needed()
    assert not body.is_visible()
    first.locator(".admonition-title").click()
    body.wait_for(state="visible")


def test_keyboard_moves_the_ph_explorer_and_its_saturation_indices_follow_calcify_lib(page, site_url):
    page.goto(f"{site_url}/book/chemistry.html", wait_until="load")
    explorer = page.locator(".calcify-explorer", has_text="Move the pH")
    explorer.wait_for()
    explorer.scroll_into_view_if_needed()
    calcium, phosphate, ph = (explorer.locator("input.cx-slider").nth(i) for i in range(3))
    readout = explorer.locator(".cx-readout")
    figure = explorer.locator(".cx-stage")
    dot = explorer.locator(".cx-marker").first

    assert _text(readout.inner_html()) == _text(figures.si_readout_html(9.5, 3.7, 7.4))
    before_dot = dot.get_attribute("style")
    ph.focus()
    for _ in range(4):  # pH 7.4 -> 7.8; the picture stays, the dots move
        page.keyboard.press("ArrowRight")
    assert _text(readout.inner_html()) == _text(figures.si_readout_html(9.5, 3.7, 7.8))
    assert dot.get_attribute("style") != before_dot

    before_picture = figure.screenshot()
    phosphate.focus()
    page.keyboard.press("End")  # phosphate 8.5 mg/dL: a new picture
    assert _text(readout.inner_html()) == _text(figures.si_readout_html(9.5, 8.5, 7.8))
    assert figure.screenshot() != before_picture
    ph.focus()
    page.keyboard.press("End")  # pH 8.0: ACP crosses zero; brushite, whose SI barely moves with pH, does not
    assert _text(readout.inner_html()) == _text(figures.si_readout_html(9.5, 8.5, 8.0))
    text = readout.inner_text()
    assert "ACP +" in text and "HAP +" in text and "DCPD -" in text
    assert _own_problems(page) == []
    assert page.blocked == []


def test_keyboard_operates_the_disease_explorer_and_the_labs_follow_the_model(page, site_url):
    page.goto(f"{site_url}/book/suspects.html", wait_until="load")
    explorer = page.locator(".calcify-explorer", has_text="The usual suspects")
    explorer.wait_for()
    explorer.scroll_into_view_if_needed()
    # Condition and treatment are names: radio groups, found by their accessible names.
    conditions = explorer.get_by_role("group", name="Condition")
    treatments = explorer.get_by_role("group", name="Treatment")
    severity = explorer.get_by_role("slider", name="Severity")
    assert conditions.get_by_role("radio").count() == len(homeostasis.CONDITIONS)
    assert treatments.get_by_role("radio").count() == 1 + len(homeostasis.TREATMENTS)
    readout = explorer.locator(".cx-readout")
    normal = homeostasis.steady_state("normal")
    assert _text(readout.inner_html()) == _text(disease_figures.lab_readout_html(normal, normal))
    first_dot = explorer.locator(".cx-marker").nth(2).get_attribute("style")  # phosphate

    def focused_name():
        return page.evaluate("document.activeElement.labels[0].textContent")

    conditions.get_by_role("radio", name="Normal adult").focus()
    for _ in range(homeostasis.CONDITIONS.index("chronic_kidney_disease")):
        page.keyboard.press("ArrowDown")  # the arrow keys move within the group and select
    assert conditions.get_by_role("radio", name="Chronic kidney disease").is_checked()
    assert focused_name() == "Chronic kidney disease"
    ckd = homeostasis.steady_state("chronic_kidney_disease", 1.0)
    assert _text(readout.inner_html()) == _text(disease_figures.lab_readout_html(ckd, normal))
    assert explorer.locator(".cx-marker").nth(2).get_attribute("style") != first_dot
    assert "Chronic kidney disease" in explorer.locator(".cx-stage img").get_attribute("alt")

    page.keyboard.press("Tab")  # a radio group is one tab stop: on to the severity slider
    assert page.evaluate("document.activeElement.type") == "range"
    page.keyboard.press("ArrowRight")  # severity 1 -> 1.5
    assert severity.get_attribute("aria-valuetext") == "1.5 (between)"
    worse = homeostasis.steady_state("chronic_kidney_disease", 1.5)
    assert _text(readout.inner_html()) == _text(disease_figures.lab_readout_html(worse, normal))
    page.keyboard.press("ArrowLeft")

    page.keyboard.press("Tab")  # into the treatment group, on its checked radio
    assert focused_name() == "none"
    for _ in range(1 + homeostasis.TREATMENTS.index("dialysis")):
        page.keyboard.press("ArrowRight")
    assert treatments.get_by_role("radio", name="dialysis").is_checked()
    treated = homeostasis.steady_state("chronic_kidney_disease", 1.0, ("dialysis",))
    assert _text(readout.inner_html()) == _text(disease_figures.lab_readout_html(treated, normal))
    assert treated.phosphate_mg_dl < ckd.phosphate_mg_dl
    assert _own_problems(page) == []
    assert page.blocked == []


#: Measures one explorer panel in the page, in CSS pixels.
_MEASURE_PANEL = """panel => {
  const box = panel.getBoundingClientRect();
  const size = el => { const r = el.getBoundingClientRect(); return [r.width, r.height]; };
  const outside = [];
  for (const el of panel.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) { continue; }  // hidden: style, script, unused markers
    if (r.left < box.left - 0.5 || r.right > box.right + 0.5) {
      outside.push(`${el.tagName.toLowerCase()}.${el.className}: ${r.left.toFixed(1)}..${r.right.toFixed(1)}`);
    }
  }
  return {
    left: box.left, right: box.right, viewport: document.documentElement.clientWidth,
    scrollWidth: panel.scrollWidth, clientWidth: panel.clientWidth,
    ranges: [...panel.querySelectorAll("input[type=range]")].map(size),
    selects: [...panel.querySelectorAll("select")].map(size),
    groups: [...panel.querySelectorAll("fieldset")].map(size),
    options: [...panel.querySelectorAll("fieldset label")].map(size),
    radios: [...panel.querySelectorAll("input[type=radio]")].map(size),
    outside: outside,
  };
}"""


def test_every_explorer_fits_a_phone_and_its_controls_stay_usable(page, site_url):
    page.set_viewport_size({"width": 390, "height": 844})
    paths = sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html")
                   if "_static" not in p.parts and "calcify-explorer" in p.read_text(encoding="utf-8"))
    assert {"book/chemistry.html", "book/suspects.html"} <= set(paths)
    seen = {"panels": 0, "ranges": 0, "groups": 0}
    for path in paths:
        page.goto(f"{site_url}/{path}", wait_until="load")
        panels = page.locator(".calcify-explorer")
        panels.first.wait_for()
        for n in range(panels.count()):
            m = panels.nth(n).evaluate(_MEASURE_PANEL)
            where = f"{path}, explorer {n + 1}"
            assert m["outside"] == [], f"{where}: these overflow the panel"
            assert m["scrollWidth"] <= m["clientWidth"], where
            assert m["left"] >= 0 and m["right"] <= m["viewport"], f"{where} makes the page scroll sideways"
            for width, height in m["ranges"] + m["selects"]:
                assert width >= 150 and height >= 24, f"{where}: a {width:.0f} × {height:.0f} px control"
            for width, height in m["groups"]:
                assert width >= 150, f"{where}: a radio group {width:.0f} px wide"
            for width, height in m["options"]:
                assert height >= 24 and width >= 44, f"{where}: a {width:.0f} × {height:.0f} px radio target"
            for width, height in m["radios"]:
                assert width >= 16 and height >= 16, f"{where}: a {width:.0f} × {height:.0f} px radio"
            seen["panels"] += 1
            seen["ranges"] += len(m["ranges"])
            seen["groups"] += len(m["groups"]) + len(m["selects"])
    assert seen["panels"] >= 3 and seen["ranges"] >= 6 and seen["groups"] >= 2

    # and a tap on a phone works: choose a condition by its words
    page.goto(f"{site_url}/book/suspects.html", wait_until="load")
    explorer = page.locator(".calcify-explorer", has_text="The usual suspects")
    explorer.get_by_text("Sarcoidosis", exact=True).click()
    normal = homeostasis.steady_state("normal")
    sarcoidosis = homeostasis.steady_state("sarcoidosis", 1.0)
    readout = explorer.locator(".cx-readout")
    assert _text(readout.inner_html()) == _text(disease_figures.lab_readout_html(sarcoidosis, normal))
    assert _own_problems(page) == []
    assert page.blocked == []
