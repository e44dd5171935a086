"""The vascular chapter on the built static site: its explorer works with the keyboard, with no kernel."""

from __future__ import annotations

import pytest

from calcify_lib import vascular
from calcify_lib.figures import transdifferentiation as td

from test_site import _own_problems, _text, browser, page, site_url  # noqa: F401  (pytest fixtures)

pytestmark = pytest.mark.browser


def _expected(phosphate_mmol_l: float, years: float) -> str:
    run = vascular.simulate_media(phosphate_mmol_l, 20.0)  # the explorer's horizon: its longest duration
    return _text(td.artery_readout_html(run, years))


def test_keyboard_moves_the_artery_explorer_and_the_readout_follows_calcify_lib(page, site_url):  # noqa: F811
    page.goto(f"{site_url}/book/transdifferentiation.html", wait_until="load")
    explorer = page.locator(".calcify-explorer").first
    explorer.wait_for()
    explorer.scroll_into_view_if_needed()
    phosphate, years = explorer.locator("input.cx-slider").nth(0), explorer.locator("input.cx-slider").nth(1)
    readout = explorer.locator(".cx-readout")
    picture = explorer.locator(".cx-stage img")
    marker = explorer.locator(".cx-marker").first

    assert _text(readout.inner_html()) == _expected(1.2, 5.0)
    assert "within the normal range" in readout.inner_text()
    before_src, before_marker = picture.get_attribute("src"), marker.get_attribute("style")

    phosphate.focus()
    for _ in range(5):  # 1.2 -> 1.4 -> 1.5 -> 1.6 -> 1.8 -> 2.0 mmol/L
        page.keyboard.press("ArrowRight")
    years.focus()
    page.keyboard.press("ArrowRight")  # 5 -> 7 years
    page.keyboard.press("ArrowRight")  # 7 -> 10 years

    assert _text(readout.inner_html()) == _expected(2.0, 10.0)
    assert "above the 10 m/s cut-off" in readout.inner_text()
    assert explorer.locator("output").nth(0).inner_text() == td.describe_phosphate_mmol_l(2.0)
    assert years.get_attribute("aria-valuetext") == td.describe_years(10.0)
    assert picture.get_attribute("src") != before_src
    assert marker.get_attribute("style") != before_marker
    assert "osteogenic" in picture.get_attribute("alt")

    page.keyboard.press("Home")  # back to 1 year
    assert _text(readout.inner_html()) == _expected(2.0, 1.0)
    assert _own_problems(page) == []
    assert page.blocked == []


def test_the_chapter_page_has_its_figures_with_alt_text_and_hidden_solutions(page, site_url):  # noqa: F811
    page.goto(f"{site_url}/book/transdifferentiation.html", wait_until="load")
    images = page.locator("figure img")
    assert images.count() >= 6
    for i in range(images.count()):
        assert len(images.nth(i).get_attribute("alt") or "") > 40
    solutions = page.locator(".solution.dropdown")
    assert solutions.count() >= 5
    first = solutions.first
    body = first.locator(".admonition-title ~ *").first
    first.scroll_into_view_if_needed()
    assert not body.is_visible()
    first.locator(".admonition-title").click()
    body.wait_for(state="visible")
