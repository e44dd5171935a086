"""The "Seeing is believing" page in a browser: both explorers work from the keyboard, and agree with the models."""

import pytest

from calcify_lib.figures import seeing
from test_site import _own_problems, _text, browser, page, site_url  # noqa: F401  (pytest fixtures)

pytestmark = pytest.mark.browser


def _open(page, site_url, title):
    page.goto(f"{site_url}/book/seeing.html", wait_until="load")
    explorer = page.locator(".calcify-explorer", has_text=title)
    explorer.wait_for()
    explorer.scroll_into_view_if_needed()
    return explorer


def test_the_stain_explorer_changes_stain_and_deposit_from_the_keyboard(page, site_url):
    explorer = _open(page, site_url, "Four ways to look at one deposit")
    readout = explorer.locator(".cx-readout")
    assert _text(readout.inner_html()) == _text(seeing.slide_readout_html("dystrophic", "h_and_e"))
    first = explorer.locator(".cx-stage img").get_attribute("src")
    stains = explorer.get_by_role("group", name="Stain")
    stains.get_by_role("radio", name="H&E").focus()
    page.keyboard.press("ArrowRight")  # von Kossa
    assert stains.get_by_role("radio", name="von Kossa").is_checked()
    assert _text(readout.inner_html()) == _text(seeing.slide_readout_html("dystrophic", "von_kossa"))
    assert explorer.locator(".cx-stage img").get_attribute("src") != first
    page.keyboard.press("Tab")  # on to the deposit group
    page.keyboard.press("ArrowRight")  # metastatic
    assert explorer.get_by_role("radio", name="Metastatic (alveolar walls)").is_checked()
    assert "basement membranes" in explorer.locator(".cx-stage img").get_attribute("alt")
    assert not _own_problems(page)


def test_turning_the_stage_from_the_keyboard_follows_the_polariser_law(page, site_url):
    explorer = _open(page, site_url, "Turn the stage")
    readout = explorer.locator(".cx-readout")
    stage = explorer.get_by_role("slider", name="Stage rotation")
    assert _text(readout.inner_html()) == _text(seeing.polarizer_readout_html("calcium_oxalate_monohydrate", 5.0, 0.0))
    dot = explorer.locator(".cx-marker").first.get_attribute("style")
    stage.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")  # 45°: the crystal's axis on the polariser
    assert stage.get_attribute("aria-valuetext") == "45°"
    assert _text(readout.inner_html()) == _text(seeing.polarizer_readout_html("calcium_oxalate_monohydrate", 5.0, 45.0))
    assert "extinct" in readout.inner_text().lower()
    assert explorer.locator(".cx-marker").first.get_attribute("style") != dot
    explorer.get_by_role("radio", name="Apatite deposit").check()
    assert _text(readout.inner_html()) == _text(seeing.polarizer_readout_html("hydroxyapatite_deposit", 5.0, 45.0))
    assert "black" in readout.inner_text()
    assert not _own_problems(page)
