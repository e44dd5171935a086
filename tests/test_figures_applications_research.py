"""Figures, tables and the explorer of the chapter on the T50 test: every number from the model."""

from __future__ import annotations

import gzip
import re

import matplotlib.pyplot as plt
import pytest

from calcify_lib import calciprotein as cp
from calcify_lib import style
from calcify_lib.explorer import Slider
from calcify_lib.figures import applications_research as ar


@pytest.fixture(scope="module")
def explorer():
    return ar.propensity_explorer()


def test_the_sera_table_shows_each_serums_model_t50_beside_the_published_mean():
    table = ar.sera_table()
    assert [row[0] for row in table.rows] == [cp.SERUM_LABELS[k] for k in ar.SERUM_KEYS]
    for key, row in zip(ar.SERUM_KEYS, table.rows):
        cells = dict(zip(table.columns, row))
        assert cells["model T50 (min)"] == f"{cp.t50_minutes(**ar.serum_values(key)):.0f}"
    healthy = dict(zip(table.columns, table.rows[0]))
    assert healthy["published T50 (min)"] == "329 ± 58"
    dialysis = dict(zip(table.columns, table.rows[2]))
    assert dialysis["published T50 (min)"] == "246 ± 64"


def test_the_calibration_table_separates_fixed_from_fitted_and_shows_the_targets_met():
    table = ar.calibration_table()
    status = {row[0]: row[2] for row in table.rows}
    assert status["magnesium constant K_Mg"] == "fitted"
    assert status["pyrophosphate constant K_PP"] == "fitted"
    assert status["T50 of the healthy adult"].startswith("fixed")
    assert status["CKD stages 3-4"] == "prediction"
    model = {row[0]: row[4] for row in table.rows}
    assert model["magnesium constant K_Mg"] == "+73 min"
    assert model["pyrophosphate constant K_PP"] == "246 min"


def test_the_determinants_show_what_ca_x_p_and_si_cannot_see():
    rows = {row[0]: row for row in ar.determinants_table().rows}
    healthy_cap = rows["fetuin-A"][4]
    # fetuin-A and pyrophosphate shorten T50 while Ca × P and the serum SI stay those of the healthy serum
    for name in ("fetuin-A", "pyrophosphate"):
        assert int(rows[name][3]) < 0
        assert rows[name][4] == healthy_cap
    assert int(rows["phosphate"][4]) > int(healthy_cap)
    for (label, _, after, t50), row in zip(ar.determinant_rows(), ar.determinants_table().rows):
        assert row[2] == f"{t50:.0f}"


def test_the_curves_figure_marks_each_t50_at_half_way():
    fig, ax = plt.subplots()
    try:
        ar.transformation_curves(ax)
        marks = [line for line in ax.get_lines()
                 if len(line.get_xdata()) == 1 and float(line.get_ydata()[0]) == 0.5]
        expected = sorted(cp.t50_minutes(**ar.serum_values(k)) for k in ("healthy", "haemodialysis"))
        assert sorted(float(m.get_xdata()[0]) for m in marks) == pytest.approx(expected)
        colours = {line.get_color() for line in ax.get_lines()}
        assert style.color("serum", "healthy") in colours and style.color("serum", "haemodialysis") in colours
    finally:
        plt.close(fig)


def test_the_determinants_chart_draws_one_bar_per_determinant():
    fig, ax = plt.subplots()
    try:
        ar.determinants_chart(ax)
        widths = [patch.get_width() for patch in ax.patches]
        base = cp.t50_minutes()
        assert widths == pytest.approx([t50 - base for *_, t50 in ar.determinant_rows()])
    finally:
        plt.close(fig)


def test_the_treatment_tables_keep_trial_data_apart_from_the_model():
    trials = ar.treatments_table()
    assert "not model output" in trials.caption
    calipso = trials.rows[0]
    assert calipso[3:5] == ("11 %", "20 %")
    model = {row[0]: row for row in ar.model_treatments_table().rows}
    magnesium = next(row for name, row in model.items() if name.startswith("dialysate magnesium"))
    assert int(magnesium[2]) == pytest.approx(cp.BRESSENDORFF_T50_RISE_MINUTES.value, abs=1)


@pytest.mark.parametrize("t50, words", [(400.0, "healthy range"), (260.0, "above the haemodialysis mean"),
                                        (200.0, "typical haemodialysis"), (120.0, "very high propensity")])
def test_the_verdict_follows_the_published_ranges(t50, words):
    assert words in ar.t50_verdict(t50)


def test_the_explorer_has_four_sliders_and_hundreds_of_views(explorer):
    assert [c.name for c in explorer.controls] == ["phosphate_mmol_l", "magnesium_mmol_l", "fetuin_a_g_l",
                                                   "pyrophosphate_umol_l"]
    assert all(isinstance(c, Slider) for c in explorer.controls)
    assert 100 <= len(explorer.combinations()) <= 999


def test_the_explorer_is_page_light(explorer):
    page = explorer.to_html()
    assert len(page.encode()) < 400 * 1024
    assert len(gzip.compress(page.encode())) < 60 * 1024
    assert len({view.png for view in explorer.views()}) == 1  # one picture; the chosen serum is dots


def test_the_explorer_readout_and_dots_follow_the_model(explorer):
    setting = dict(phosphate_mmol_l=2.4, magnesium_mmol_l=0.6, fetuin_a_g_l=0.5, pyrophosphate_umol_l=2.26)
    view = explorer.view_at(**setting)
    t50 = cp.t50_minutes(**setting)
    assert re.search(rf"T50 = <strong>{t50:.0f} min</strong>", view.readout_html)
    assert f"{t50:.0f} min" in view.alt
    middle = view.markers[3]
    assert middle.label == f"T50 = {t50:.0f} min"
    # the dots move right as the inhibitors rise
    richer = explorer.view_at(**dict(setting, fetuin_a_g_l=0.9))
    assert richer.markers[3].x > middle.x


# -- self-checks and the exercise's table ----------------------------------------------------------
def test_halving_fetuin_a_takes_a_quarter_off_t50_in_the_self_check():
    check = ar.self_check_halved_fetuin()
    share = cp.FETUIN_A_SHARE.value
    assert check.answer == pytest.approx(cp.HEALTHY_T50_MINUTES.value * (1 - share / 2), abs=0.5)


def test_the_determinant_self_check_marks_the_change_that_costs_the_most():
    check = ar.self_check_largest_determinant()
    worst = min(ar.determinant_rows(), key=lambda row: row[3])[0]
    (right,) = [o for o in check.options if o.correct]
    assert right.text.lower().startswith(worst.lower())


def test_the_comparison_table_refuses_no_serum():
    with pytest.raises(ValueError, match="t50_by_serum"):
        ar.t50_comparison_table({})
