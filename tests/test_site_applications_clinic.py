"""The clinic chapter on the built site: both explorers answer the keyboard, and their readouts are calcify_lib's."""

from __future__ import annotations

from test_site import _own_problems, _text, browser, page, site_url  # noqa: F401  (fixtures)

from calcify_lib import diagnosis
from calcify_lib.figures import applications_clinic as clinic


def test_keyboard_moves_the_workbench_and_the_readout_is_interpret(page, site_url):
    page.goto(f"{site_url}/book/applications_clinic.html", wait_until="load")
    explorer = page.locator(".calcify-explorer", has_text="Diagnosis workbench")
    explorer.wait_for()
    explorer.scroll_into_view_if_needed()
    readout = explorer.locator(".cx-readout")
    pth = explorer.get_by_role("group", name="PTH")
    pth.get_by_role("radio", name="high, 150 pg/mL").focus()
    page.keyboard.press("ArrowUp")  # high -> normal
    page.keyboard.press("ArrowUp")  # normal -> low
    assert pth.get_by_role("radio", name="low, 8 pg/mL").is_checked()
    r = diagnosis.interpret(total_ca_mg_dl=11.0, phosphate_mg_dl=3.7, pth_pg_ml=8.0,
                            egfr_ml_min_1_73m2=95.0)
    assert _text(readout.inner_html()) == _text(clinic._interpretation_html(r))
    assert "not decided" in readout.inner_text()
    calcium = explorer.get_by_role("slider", name="Total calcium (mg/dL)")
    calcium.focus()
    page.keyboard.press("ArrowRight")  # 11.0 -> 12.5
    assert calcium.get_attribute("aria-valuetext") == "12.5 mg/dL"
    r = diagnosis.interpret(total_ca_mg_dl=12.5, phosphate_mg_dl=3.7, pth_pg_ml=8.0,
                            egfr_ml_min_1_73m2=95.0)
    assert _text(readout.inner_html()) == _text(clinic._interpretation_html(r))
    assert _own_problems(page) == []
    assert page.blocked == []


def test_keyboard_moves_the_planner_and_the_time_to_normal_calcium_is_the_model_s(page, site_url):
    page.goto(f"{site_url}/book/applications_clinic.html", wait_until="load")
    explorer = page.locator(".calcify-explorer", has_text="Treatment planner")
    explorer.wait_for()
    explorer.scroll_into_view_if_needed()
    conditions = explorer.get_by_role("group", name="Condition")
    treatments = explorer.get_by_role("group", name="Treatment")
    conditions.get_by_role("radio", name="Primary hyperparathyroidism").focus()
    page.keyboard.press("ArrowDown")  # -> vitamin D intoxication
    assert conditions.get_by_role("radio", name="Vitamin D intoxication").is_checked()
    treatments.get_by_role("radio", name="parathyroidectomy").focus()
    page.keyboard.press("ArrowRight")  # -> cinacalcet
    page.keyboard.press("ArrowRight")  # -> stop vitamin D
    assert treatments.get_by_role("radio", name="stop vitamin D").is_checked()
    course = diagnosis.plan_treatment("vitamin_d_intoxication", "stop_vitamin_d", start_day=30.0, days=540.0)
    text = explorer.locator(".cx-readout").inner_text()
    assert f"calcium normal after {clinic._days_words(course.days_to_normal_calcium)}" in text
    start = explorer.get_by_role("slider", name="Treatment starts (day)")
    start.focus()
    page.keyboard.press("End")
    assert start.get_attribute("aria-valuetext") == "day 180"
    late = diagnosis.plan_treatment("vitamin_d_intoxication", "stop_vitamin_d", start_day=180.0, days=540.0)
    text = explorer.locator(".cx-readout").inner_text()
    assert f"calcium normal after {clinic._days_words(late.days_to_normal_calcium)}" in text
    assert _own_problems(page) == []
    assert page.blocked == []
