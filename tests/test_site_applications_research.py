"""The T50 explorer of the chapter "Applications II: research frontiers", in a real browser on the built site.

Run against a built site: ``CALCIFY_SITE=<...>/_build/html pytest tests/test_site_applications_research.py``.
"""

from __future__ import annotations

from calcify_lib import calciprotein as cp
from calcify_lib.figures import applications_research as research
from test_site import _own_problems, _text, browser, page, site_url  # noqa: F401  (fixtures)


def test_keyboard_moves_the_t50_explorer_and_the_readout_is_the_models(page, site_url):  # noqa: F811
    page.goto(f"{site_url}/book/applications_research.html", wait_until="load")
    explorer = page.locator(".calcify-explorer", has_text="ions against inhibitors")
    explorer.wait_for()
    explorer.scroll_into_view_if_needed()
    phosphate = explorer.get_by_role("slider", name="Phosphate", exact=True)
    fetuin = explorer.get_by_role("slider", name="Fetuin-A")
    readout = explorer.locator(".cx-readout")
    t50_dot = explorer.locator(".cx-marker").nth(3)
    healthy = research.serum_values("healthy")
    setting = {k: healthy[k] for k in ("phosphate_mmol_l", "magnesium_mmol_l", "fetuin_a_g_l",
                                       "pyrophosphate_umol_l")}
    assert _text(readout.inner_html()) == _text(research.propensity_readout_html(**setting))
    assert f"{cp.t50_minutes():.0f} min" in _text(readout.inner_html())
    left_before = t50_dot.evaluate("e => parseFloat(e.style.left)")

    phosphate.focus()
    page.keyboard.press("End")  # the highest phosphate
    setting["phosphate_mmol_l"] = research.EXPLORER_PHOSPHATE_MMOL_L[-1]
    assert phosphate.get_attribute("aria-valuetext") == f"{setting['phosphate_mmol_l']:.1f} mmol/L"
    assert _text(readout.inner_html()) == _text(research.propensity_readout_html(**setting))
    assert t50_dot.evaluate("e => parseFloat(e.style.left)") < left_before  # earlier T50: the dot moves left

    fetuin.focus()
    page.keyboard.press("Home")  # the least fetuin-A
    setting["fetuin_a_g_l"] = research.EXPLORER_FETUIN_A_G_L[0]
    assert _text(readout.inner_html()) == _text(research.propensity_readout_html(**setting))
    t50 = cp.t50_minutes(**setting)
    assert f"T50 = {t50:.0f} min" in _text(readout.inner_html())
    assert f"{t50:.0f} min" in explorer.locator(".cx-stage img").get_attribute("alt")
    assert _own_problems(page) == []
    assert page.blocked == []


def test_the_chapter_page_stays_light(site_url):  # noqa: F811
    from pathlib import Path

    from conftest import SITE

    assert Path(SITE, "book", "applications_research.html").stat().st_size < 600_000
