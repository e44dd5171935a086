"""The clinic chapter's figures: the work-up, the cases and both explorers show what calcify_lib computes."""

from __future__ import annotations

import html
import re

import matplotlib.pyplot as plt
import numpy as np
import pytest

from calcify_lib import cases, diagnosis, homeostasis, style
from calcify_lib.figures import applications_clinic as clinic


@pytest.fixture(scope="module")
def workbench():
    return clinic.workbench_explorer()


@pytest.fixture(scope="module")
def planner():
    return clinic.planner_explorer()


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_the_case_table_is_interpret_on_every_case_and_all_agree():
    table = clinic.case_table()
    assert len(table.rows) == len(cases.CASES)
    for case, row in zip(cases.CASES, table.rows):
        r = diagnosis.interpret(**case.arguments())
        assert row[4].startswith(clinic._cause_words(r.likely_cause)) and row[4].endswith(r.kind)
        assert row[5] == "yes"


def test_the_reasons_table_prints_the_function_s_reasons_in_order():
    table = clinic.reasons_table("humoral_malignancy")
    r = diagnosis.interpret(**cases.case("humoral_malignancy").arguments())
    assert [row[1] for row in table.rows[:len(r.reasons)]] == list(r.reasons)
    assert any("PTHrP" in row[1] for row in table.rows if row[0] == "cannot exclude")


def test_the_round_trip_table_reads_every_model_patient_as_itself():
    table = clinic.round_trip_table()
    for condition, row in zip(homeostasis.CONDITIONS, table.rows):
        assert row[-1].startswith(clinic._cause_words(condition))


def test_the_diagram_draws_every_threshold_from_the_constants():
    fig = clinic.workup_diagram()
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    for constant in (diagnosis.CA_HIGH_MG_DL, diagnosis.PTH_SUPPRESSED_BELOW_PG_ML,
                     diagnosis.CALCIDIOL_INTOXICATION_ABOVE_NG_ML, diagnosis.CALCITRIOL_HIGH_PG_ML,
                     diagnosis.EGFR_LOW_BELOW_ML_MIN_1_73M2, diagnosis.PHOSPHATE_HIGH_MG_DL):
        assert f"{constant.value:g}" in texts
    for condition in homeostasis.CONDITIONS:
        assert style.color("condition", condition).lower() in {
            matplotlib_color(t) for t in fig.axes[0].texts}
    plt.close(fig)


def matplotlib_color(text) -> str:
    from matplotlib.colors import to_hex
    patch = text.get_bbox_patch()
    return to_hex(patch.get_edgecolor()) if patch is not None else ""


def test_the_workbench_readout_is_interpret_and_the_dot_takes_the_cause_s_colour(workbench):
    view = workbench.view_at(calcium=12.5, phosphate=3.7, pth="low", vitamin_d="high_125", egfr="normal")
    r = diagnosis.interpret(total_ca_mg_dl=12.5, phosphate_mg_dl=3.7, pth_pg_ml=8.0, calcidiol_ng_ml=30.0,
                            calcitriol_pg_ml=100.0, egfr_ml_min_1_73m2=95.0)
    assert r.likely_cause == "sarcoidosis"
    assert view.readout_html == clinic._interpretation_html(r)
    assert view.markers[0].color == style.color("condition", "sarcoidosis")
    assert all(reason in _text(view.readout_html) for reason in r.reasons[1:])


def test_the_workbench_has_one_picture_and_the_dot_moves(workbench):
    a = workbench.view_at(calcium=8.0, phosphate=2.4, pth="normal", vitamin_d="normal", egfr="normal")
    b = workbench.view_at(calcium=12.5, phosphate=6.5, pth="normal", vitamin_d="normal", egfr="normal")
    assert a.png == b.png
    assert (a.markers[0].x, a.markers[0].y) != (b.markers[0].x, b.markers[0].y)
    assert b.markers[0].y < a.markers[0].y  # higher calcium is higher in the picture
    assert len(workbench.combinations()) <= 400


def test_the_workbench_names_the_kidney_only_when_the_egfr_is_low(workbench):
    low = workbench.view_at(calcium=9.5, phosphate=6.5, pth="high", vitamin_d="normal", egfr="low")
    normal = workbench.view_at(calcium=9.5, phosphate=6.5, pth="high", vitamin_d="normal", egfr="normal")
    assert "chronic kidney disease" in _text(low.readout_html).lower()
    assert "(not decided)" in _text(normal.readout_html)


def test_the_planner_readout_gives_the_model_s_time_to_normal_calcium(planner):
    view = planner.view_at(condition="vitamin_d_intoxication", treatment="stop_vitamin_d", start_day=30.0)
    course = diagnosis.plan_treatment("vitamin_d_intoxication", "stop_vitamin_d", start_day=30.0, days=540.0)
    assert f"calcium normal after {clinic._days_words(course.days_to_normal_calcium)}" in _text(view.readout_html)
    end = course.treated.labs_at(540.0)
    assert f"{end.total_ca_mg_dl:.1f}" in view.readout_html


def test_a_treatment_without_a_lever_stores_one_picture_and_says_so(planner):
    early = planner.view_at(condition="sarcoidosis", treatment="parathyroidectomy", start_day=30.0)
    late = planner.view_at(condition="sarcoidosis", treatment="parathyroidectomy", start_day=180.0)
    assert early.png == late.png and "no lever" in early.readout_html
    treated = planner.view_at(condition="sarcoidosis", treatment="glucocorticoid", start_day=30.0)
    assert treated.png != early.png and "no lever" not in treated.readout_html


def test_the_planner_page_stays_light(planner):
    assert len(planner.to_html()) < 420_000
    assert len(planner.combinations()) == 5 * len(clinic.PLANNER_TREATMENTS) * 2


def test_the_planner_table_shows_each_condition_s_main_treatment():
    table = clinic.planner_table(start_day=90.0)
    main = [row for row in table.rows if row[2] == "main"]
    assert [row[0] for row in main] == [clinic.CONDITION_LABELS[c] for c in diagnosis.MAIN_TREATMENTS]
    course = diagnosis.plan_treatment("bone_destruction", "bisphosphonate", start_day=90.0, days=455.0)
    assert main[-1][3] == clinic._days_words(course.days_to_normal_calcium)


def test_the_binder_table_is_the_model_s_absorption():
    table = clinic.binder_table((1500.0,))
    extra = diagnosis.binder_calcium_absorbed_mmol_day(1500.0)
    assert table.rows[0][1] == f"{extra:.1f}"


def test_the_course_figure_draws_treated_and_untreated_courses():
    course = diagnosis.plan_treatment("primary_hyperparathyroidism", "parathyroidectomy", start_day=30.0,
                                      days=120.0)
    fig = clinic.course_figure(course)
    ax = fig.axes[0]
    ys = [line.get_ydata() for line in ax.get_lines() if len(line.get_ydata()) > 2]
    assert any(np.array_equal(y, course.treated.total_ca_mg_dl) for y in ys)
    assert any(np.array_equal(y, course.untreated.total_ca_mg_dl) for y in ys)
    plt.close(fig)


def test_the_plane_places_every_case():
    fig = clinic.ca_p_plane_figure()
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert labels == [str(i) for i in range(1, len(cases.CASES) + 1)]
    plt.close(fig)


# -- self-checks -----------------------------------------------------------------------------------
def test_the_corrected_calcium_self_check_adds_the_albumin_shortfall():
    check = clinic.self_check_corrected_calcium(9.9, 2.4)
    k = diagnosis.COMMON_CORRECTION_COEFFICIENT_MG_DL_PER_G_DL.value
    assert check.answer == pytest.approx(9.9 + k * (4.0 - 2.4))


def test_a_suppressed_pth_with_a_high_calcitriol_points_at_a_granuloma():
    (right,) = [o for o in clinic.self_check_suppressed_pth().options if o.correct]
    assert right.text == "Sarcoidosis"
    with pytest.raises(ValueError, match="pth_pg_ml"):
        clinic.self_check_suppressed_pth(pth_pg_ml=-1.0)
