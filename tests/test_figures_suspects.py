"""The homeostasis chapter's figures show what the model computes, and nothing typed by hand."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pytest

from calcify_lib import disease_figures as d, homeostasis as h
from calcify_lib.patients import LAB_REFERENCE_RANGES


@pytest.fixture(scope="module")
def explorer():
    return d.disease_explorer()


def test_the_explorer_covers_every_condition_severity_and_treatment(explorer):
    sizes = [len(s.values) for s in explorer.sliders]
    assert sizes == [len(h.CONDITIONS), 5, len(h.TREATMENTS) + 1]
    assert len(explorer.combinations()) == len(h.CONDITIONS) * 5 * (len(h.TREATMENTS) + 1)


def test_the_readout_is_the_model_steady_state(explorer):
    view = explorer.view_at(condition=float(h.CONDITIONS.index("chronic_kidney_disease")), severity=1.0,
                            treatment=float(1 + h.TREATMENTS.index("dialysis")))
    labs = h.steady_state("chronic_kidney_disease", 1.0, ("dialysis",))
    assert view.readout_html == d.lab_readout_html(labs, h.steady_state("normal"))
    assert f"phosphate <strong>{labs.phosphate_mg_dl:.1f}</strong>" in view.readout_html
    assert "Chronic kidney disease" in view.alt and "dialysis" in view.alt


def test_one_picture_serves_every_setting_and_the_dots_move(explorer):
    normal = explorer.view_at(condition=0.0, severity=1.0, treatment=0.0)
    vitd = explorer.view_at(condition=float(h.CONDITIONS.index("vitamin_d_intoxication")), severity=2.0,
                            treatment=0.0)
    assert normal.png == vitd.png
    assert normal.markers != vitd.markers
    assert len(normal.markers) == len(d.PANEL_ROWS)


def test_the_normal_adult_sits_on_the_one_times_line(explorer):
    view = explorer.view_at(condition=0.0, severity=1.0, treatment=0.0)
    xs = {round(m.x, 6) for m in view.markers}
    assert len(xs) == 1  # every lab at exactly 1x normal


def test_the_lab_table_is_generated_by_the_model():
    table = d.lab_table(1.0)
    assert len(table.columns) == 2 + len(h.CONDITIONS)
    row = next(r for r in table.rows if r[0].startswith("total calcium"))
    for column, condition in zip(row[2:], h.CONDITIONS):
        assert column == f"{h.steady_state(condition, 1.0).total_ca_mg_dl:.1f}"
    ranges = {r[0]: r[1] for r in table.rows}
    low, high = (c.value for c in LAB_REFERENCE_RANGES["pth_pg_ml"])
    assert ranges["PTH (pg/mL)"] == f"{low:g}–{high:g}"


def test_time_course_draws_four_panels_with_the_treatment_day_marked():
    trajectory = h.simulate("chronic_kidney_disease", 1.0, days=120.0, treatments=("dialysis",),
                            treatment_start_day=60.0)
    fig, axes = plt.subplots(2, 2)
    d.time_course(axes.ravel(), trajectory)
    for ax in axes.ravel():
        xs = [line.get_xdata() for line in ax.get_lines()]
        assert any(len(x) == 2 and x[0] == x[1] == 60.0 for x in xs)
    plt.close(fig)


def test_time_course_refuses_the_wrong_number_of_axes():
    fig, axes = plt.subplots(1, 3)
    with pytest.raises(ValueError, match="axes must hold 4 axes; got 3"):
        d.time_course(axes, h.simulate("normal", days=10.0))
    plt.close(fig)


def test_the_lab_table_refuses_an_impossible_severity():
    with pytest.raises(ValueError, match=re.escape("severity must lie in 0 to 2")):
        d.lab_table(3.0)
