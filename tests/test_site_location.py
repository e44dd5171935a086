"""The body-map explorer of the chapter on local pH, in a real browser on the built site.

Run against a built site: ``CALCIFY_SITE=<...>/_build/html pytest tests/test_site_location.py``.
"""

from __future__ import annotations

from calcify_lib import homeostasis
from calcify_lib.figures import location
from test_site import _own_problems, _text, browser, page, site_url  # noqa: F401  (fixtures)


def test_keyboard_drives_the_body_map_and_the_readout_is_the_models(page, site_url):  # noqa: F811
    page.goto(f"{site_url}/book/location.html", wait_until="load")
    explorer = page.locator(".calcify-explorer", has_text="Where the mineral goes")
    explorer.wait_for()
    explorer.scroll_into_view_if_needed()
    conditions = explorer.get_by_role("group", name="Condition")
    stomach = explorer.get_by_role("group", name="Stomach")
    severity = explorer.get_by_role("slider", name="Severity")
    readout = explorer.locator(".cx-readout")
    picture = explorer.locator(".cx-stage img")
    assert _text(readout.inner_html()) == _text(location.body_map_readout_html("normal", 1.0, "after_meal"))
    before = picture.get_attribute("src")

    conditions.get_by_role("radio", name="Normal adult").focus()
    for _ in range(homeostasis.CONDITIONS.index("chronic_kidney_disease")):
        page.keyboard.press("ArrowDown")
    assert conditions.get_by_role("radio", name="Chronic kidney disease").is_checked()
    assert _text(readout.inner_html()) == _text(
        location.body_map_readout_html("chronic_kidney_disease", 1.0, "after_meal"))
    assert picture.get_attribute("src") != before
    assert "chronic kidney disease" in picture.get_attribute("alt")

    page.keyboard.press("Tab")  # on to the severity slider
    page.keyboard.press("End")
    assert severity.get_attribute("aria-valuetext") == "2 (severe)"
    assert _text(readout.inner_html()) == _text(
        location.body_map_readout_html("chronic_kidney_disease", 2.0, "after_meal"))

    stomach.get_by_role("radio", name="fasting").check()
    assert _text(readout.inner_html()) == _text(
        location.body_map_readout_html("chronic_kidney_disease", 2.0, "fasting"))
    assert _own_problems(page) == []
    assert page.blocked == []


def test_the_location_page_stays_light(site_url):  # noqa: F811
    from pathlib import Path

    from conftest import SITE

    assert Path(SITE, "book", "location.html").stat().st_size < 600_000
