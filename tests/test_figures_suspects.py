"""The homeostasis chapter's figures show what the model computes, and nothing typed by hand."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import numpy as np
import pytest

from calcify_lib import homeostasis as h
from calcify_lib import style
from calcify_lib.figures import suspects as d
from calcify_lib.patients import LAB_REFERENCE_RANGES


@pytest.fixture(scope="module")
def explorer():
    return d.disease_explorer()


def test_the_explorer_covers_every_condition_severity_and_treatment(explorer):
    sizes = [len(s.values) for s in explorer.sliders]
    assert sizes == [len(h.CONDITIONS), 5, len(h.TREATMENTS) + 1]
    assert len(explorer.combinations()) == len(h.CONDITIONS) * 5 * (len(h.TREATMENTS) + 1)


def test_the_readout_is_the_model_steady_state(explorer):
    view = explorer.view_at(condition="chronic_kidney_disease", severity=1.0, treatment="dialysis")
    labs = h.steady_state("chronic_kidney_disease", 1.0, ("dialysis",))
    assert view.readout_html == d.lab_readout_html(labs, h.steady_state("normal"))
    assert f"phosphate <strong>{labs.phosphate_mg_dl:.1f}</strong>" in view.readout_html
    assert "Chronic kidney disease" in view.alt and "dialysis" in view.alt


def test_one_picture_serves_every_setting_and_the_dots_move(explorer):
    normal = explorer.view_at(condition="normal", severity=1.0, treatment="none")
    vitd = explorer.view_at(condition="vitamin_d_intoxication", severity=2.0, treatment="none")
    assert normal.png == vitd.png
    assert normal.markers != vitd.markers
    assert len(normal.markers) == len(d.PANEL_ROWS)


def test_the_normal_adult_sits_on_the_one_times_line(explorer):
    view = explorer.view_at(condition="normal", severity=1.0, treatment="none")
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


# ------------------------------------------------ the chapter's figures and tables, as the notebook calls them

def test_time_course_figure_is_the_chapter_figure_with_four_panels():
    trajectory = h.simulate("sarcoidosis", days=60.0, treatments=("glucocorticoid",), treatment_start_day=30.0)
    fig = d.time_course_figure(trajectory)
    assert tuple(fig.get_size_inches()) == (style.FIGURE_WIDTH_IN, 4.8)
    assert len(fig.axes) == 4
    ylabels = [ax.get_ylabel() for ax in fig.axes]
    assert ylabels == ["total calcium (mg/dL)", "phosphate (mg/dL)", "PTH (pg/mL)", "calcitriol (pg/mL)"]
    shown = trajectory.time_days >= d.ONSET_DAYS_HIDDEN  # the onset is left out
    course = fig.axes[0].get_lines()[0]
    assert list(course.get_ydata()) == list(trajectory.total_ca_mg_dl[shown])
    assert fig.axes[0].get_xlim()[0] == pytest.approx(d.ONSET_DAYS_HIDDEN, abs=0.25)
    assert course.get_color().lower() == style.color("condition", "sarcoidosis").lower()
    plt.close(fig)


def test_the_chapter_figure_leaves_out_the_calcium_dip_of_an_overnight_kidney_failure():
    trajectory = h.simulate("chronic_kidney_disease", days=120.0)
    early = trajectory.time_days < d.ONSET_DAYS_HIDDEN
    dip = float(np.min(trajectory.total_ca_mg_dl[early]))
    fig = d.time_course_figure(trajectory)
    drawn = fig.axes[0].get_lines()[0].get_ydata()
    assert dip < 7.5 < float(np.min(drawn))   # the transient is below anything drawn
    plt.close(fig)
    whole = d.time_course_figure(trajectory, from_day=0.0)
    assert float(np.min(whole.axes[0].get_lines()[0].get_ydata())) == dip
    plt.close(whole)


def test_the_chapter_figure_refuses_a_window_outside_the_course():
    trajectory = h.simulate("normal", days=20.0)
    fig = d.time_course_figure(trajectory)   # a course no longer than the onset is drawn whole
    assert fig.axes[0].get_xlim() == (0.0, 20.0)
    plt.close(fig)
    with pytest.raises(ValueError, match="from_day must be"):
        d.time_course_figure(trajectory, from_day=25.0)
    with pytest.raises(ValueError, match="from_day"):
        d.time_course_figure(trajectory, from_day=-1.0)


def test_time_course_figure_refuses_anything_but_a_trajectory():
    with pytest.raises(TypeError, match="trajectory must be a calcify_lib.homeostasis.Trajectory; got Labs"):
        d.time_course_figure(h.steady_state("normal"))


@pytest.mark.parametrize("condition", [c for c in h.CONDITIONS if c != "normal"])
def test_the_push_table_is_the_model_against_the_normal_adult(condition):
    normal, sick = h.steady_state("normal"), h.steady_state(condition, 1.0)
    rows = {r[0]: r[1:] for r in d.push_table(condition).rows}
    label = d.scenario_label(condition)
    assert list(rows) == ["normal adult", f"{label[:1].lower()}{label[1:]}, severity 1", "change"]
    assert rows["normal adult"] == (f"{normal.ca_x_p_mg2_dl2:.1f}", f"{normal.si_hydroxyapatite:+.2f}")
    sick_row = list(rows.values())[1]
    assert sick_row == (f"{sick.ca_x_p_mg2_dl2:.1f}", f"{sick.si_hydroxyapatite:+.2f}")
    gain = sick.si_hydroxyapatite - normal.si_hydroxyapatite
    assert rows["change"][0] == f"×{sick.ca_x_p_mg2_dl2 / normal.ca_x_p_mg2_dl2:.2f}"
    assert rows["change"][1] == f"{gain:+.2f} (ion activity product ×{10 ** gain:.1f})"


def test_bone_destruction_pushes_harder_than_primary_hyperparathyroidism():
    def gain(condition):
        return float(d.push_table(condition).rows[2][2].split()[0])
    assert gain("bone_destruction") > 0.5 > gain("primary_hyperparathyroidism") > 0.0


def test_the_push_table_refuses_an_unknown_condition_or_severity():
    with pytest.raises(ValueError, match="condition"):
        d.push_table("gout")
    with pytest.raises(ValueError, match=re.escape("severity must lie in 0 to 2")):
        d.push_table("sarcoidosis", 2.5)


def test_hypercalciuria_thresholds_are_300_and_250_mg_of_calcium_a_day():
    men, women = d.hypercalciuria_thresholds_mmol_day()
    assert men == LAB_REFERENCE_RANGES["urine_ca_mmol_day"][1].value
    assert men * 40.078 == pytest.approx(300.0, rel=0.01)   # 7.5 mmol/day is 300 mg/day of calcium
    assert women * 40.078 == pytest.approx(250.0, rel=1e-9)
    assert women < men


def test_severity_figure_draws_the_model_against_the_thresholds():
    severities = np.linspace(0.0, 2.0, 5)
    fig = d.severity_figure("primary_hyperparathyroidism", severities)
    blood, urine = fig.axes
    assert tuple(fig.get_size_inches()) == (style.FIGURE_WIDTH_IN, 3.2)
    labs = [h.steady_state("primary_hyperparathyroidism", s) for s in severities]
    curve, limit = blood.get_lines()
    assert list(curve.get_ydata()) == [l.ca_x_p_mg2_dl2 for l in labs]
    assert list(limit.get_ydata()) == [LAB_REFERENCE_RANGES["ca_x_p_mg2_dl2"][1].value] * 2
    curve, men, women = urine.get_lines()
    assert list(curve.get_ydata()) == [l.urine_ca_mmol_day for l in labs]
    assert [men.get_ydata()[0], women.get_ydata()[0]] == list(d.hypercalciuria_thresholds_mmol_day())
    assert blood.get_ylim() == (0.0, 70.0) and urine.get_ylim() == (0.0, 9.0)
    assert fig.get_supxlabel() == "severity of primary hyperparathyroidism"  # one label for both panels
    plt.close(fig)


def test_severity_figure_raises_its_axes_when_the_model_goes_off_the_top():
    fig = d.severity_figure("bone_destruction", [0.0, 2.0])
    blood, urine = fig.axes
    assert blood.get_ylim()[1] > h.steady_state("bone_destruction", 2.0).ca_x_p_mg2_dl2 > 70.0
    assert urine.get_ylim()[1] > h.steady_state("bone_destruction", 2.0).urine_ca_mmol_day > 9.0
    plt.close(fig)


def test_severity_figure_needs_at_least_two_severities():
    with pytest.raises(ValueError, match="severities must be a sequence of at least two"):
        d.severity_figure("sarcoidosis", [1.0])


def test_the_suggestions_table_is_the_model_steady_state_of_each_setting():
    table = d.suggestions_table()
    assert len(table.rows) == len(d.EXPLORER_SUGGESTIONS)
    for row, (condition, severity, treatment) in zip(table.rows, d.EXPLORER_SUGGESTIONS):
        labs = h.steady_state(condition, severity, (treatment,) if treatment else ())
        assert row[0] == d.scenario_label(condition, (treatment,) if treatment else ())
        assert row[3:] == (f"{labs.total_ca_mg_dl:.1f}", f"{labs.phosphate_mg_dl:.1f}", f"{labs.pth_pg_ml:.0f}",
                           f"{labs.calcitriol_pg_ml:.0f}", f"{labs.ca_x_p_mg2_dl2:.0f}")


def test_every_suggestion_pairs_an_untreated_setting_with_a_treated_one():
    pairs = list(zip(d.EXPLORER_SUGGESTIONS[::2], d.EXPLORER_SUGGESTIONS[1::2]))
    for untreated, treated in pairs:
        assert untreated[:2] == treated[:2] and untreated[2] is None and treated[2] in h.TREATMENTS


def test_dialysis_lowers_the_product_of_severe_kidney_disease_in_the_suggestions():
    # Dialysis alone, in a near-anuric patient, lowers Ca x P but leaves it about the KDOQI limit:
    # haemodialysis without a binder cannot keep up with the diet.
    rows = {(r[0], r[1], r[2]): r for r in d.suggestions_table().rows}
    limit = LAB_REFERENCE_RANGES["ca_x_p_mg2_dl2"][1].value
    untreated = float(rows[("Chronic kidney disease before dialysis", "2", "none")][-1])
    dialysed = float(rows[("Chronic kidney disease on dialysis", "2", "dialysis")][-1])
    assert untreated > limit
    assert dialysed < untreated - 10.0


def test_the_census_counts_each_constant_of_the_model_once_by_its_basis():
    from calcify_lib.cited import BASES, constants_in

    table = d.basis_census()
    found = [c for _, c in constants_in(h)]
    counts = {row[0]: int(row[1]) for row in table.rows}
    assert tuple(counts) == BASES
    assert sum(counts.values()) == len(found)
    assert counts["set"] == sum(c.basis == "set" for c in found)
    assert table.caption == f"{counts['set']} of the model's {len(found)} constants are set by hand"


def test_the_census_sees_a_constant_change_its_basis(monkeypatch):
    """Not a stored number: turning a set gain into a measured one moves one count between rows."""
    import dataclasses

    from calcify_lib.homeostasis import kidney

    before = {row[0]: int(row[1]) for row in d.basis_census().rows}
    monkeypatch.setattr(kidney, "RENAL_P_PTH_EXPONENT",
                        dataclasses.replace(kidney.RENAL_P_PTH_EXPONENT, basis="measured"))
    after = {row[0]: int(row[1]) for row in d.basis_census().rows}
    assert (after["set"], after["measured"]) == (before["set"] - 1, before["measured"] + 1)


# ------------------------------------------------ kidney disease before and on dialysis, rankings, tables

def test_kidney_disease_is_named_before_or_on_dialysis_everywhere_it_appears(explorer):
    assert d.scenario_label("chronic_kidney_disease") == "Chronic kidney disease before dialysis"
    assert d.scenario_label("chronic_kidney_disease", ("dialysis", "cinacalcet"), short=True) == "CKD on dialysis"
    assert d.scenario_label("bone_destruction", ("dialysis",)) == "Bone destruction"
    on = explorer.view_at(condition="chronic_kidney_disease", severity=2.0, treatment="dialysis")
    before = explorer.view_at(condition="chronic_kidney_disease", severity=2.0, treatment="cinacalcet")
    assert "on dialysis" in on.alt and "before dialysis" in before.alt
    assert "CKD before dialysis" in d.lab_table(1.0).columns
    with pytest.raises(ValueError, match="condition"):
        d.scenario_label("gout")


def test_the_ranking_is_the_model_sorted_by_the_gain_in_saturation_index():
    table = d.ranking_table((1.0, 2.0))
    normal = h.steady_state("normal").si_hydroxyapatite
    assert table.columns == ("rank", "severity 1", "severity 2")
    for column, severity in ((1, 1.0), (2, 2.0)):
        gains = [float(row[column].split(": ")[1].split()[0]) for row in table.rows]
        assert gains == sorted(gains, reverse=True)
        first = table.rows[0][column].split(":")[0]
        best = max((c for c in h.CONDITIONS if c != "normal"),
                   key=lambda c: h.steady_state(c, severity).si_hydroxyapatite)
        assert first == d.scenario_label(best, short=True)
        assert gains[0] == pytest.approx(h.steady_state(best, severity).si_hydroxyapatite - normal, abs=0.006)
    assert table.rows[-1][1].startswith("Primary hyperparathyroidism")


def test_the_treatment_table_names_dialysis_patients_and_shows_their_steady_state():
    sets = ((), ("phosphate_binder",), ("dialysis", "phosphate_binder"))
    table = d.treatment_table("chronic_kidney_disease", 2.0, sets)
    assert [r[0] for r in table.rows] == ["CKD before dialysis, untreated", "CKD before dialysis + phosphate binder",
                                          "CKD on dialysis + phosphate binder"]
    labs = h.steady_state("chronic_kidney_disease", 2.0, ("dialysis", "phosphate_binder"))
    assert table.rows[2][1:] == (f"{labs.total_ca_mg_dl:.1f}", f"{labs.phosphate_mg_dl:.1f}", f"{labs.pth_pg_ml:.0f}",
                                 f"{labs.ca_x_p_mg2_dl2:.1f}", f"{labs.si_hydroxyapatite:+.2f}",
                                 f"{labs.urine_ca_mmol_day:.1f}")
    with pytest.raises(ValueError, match="treatments"):
        d.treatment_table("chronic_kidney_disease", 1.0, [("saline",)])


def test_the_course_table_reads_the_simulated_course_on_the_days_asked():
    course = h.simulate("bone_destruction", days=60.0, treatments=("bisphosphonate",), treatment_start_day=30.0)
    table = d.course_table(course, (30.0, 40.0), ("total_ca_mg_dl", "bone_ca_mmol_day"))
    assert table.columns == ("day after onset", "day of treatment", "Ca (mg/dL)", "bone (mmol Ca/day)")
    assert table.rows[1][:3] == ("40", "10", f"{course.labs_at(40.0).total_ca_mg_dl:.1f}")
    assert table.rows[1][3] == f"{np.interp(40.0, course.time_days, course.bone_ca_mmol_day):+.2f}"
    with pytest.raises(ValueError, match=re.escape("days must lie in 0 to 60 days")):
        d.course_table(course, (61.0,))
    with pytest.raises(ValueError, match="fields must be"):
        d.course_table(course, (1.0,), ("gfr",))


def test_the_severity_table_is_the_lever_and_the_steady_state_at_each_severity():
    table = d.severity_table("chronic_kidney_disease", (0.5, 2.0), ("phosphate_mg_dl", "fgf23_relative"))
    assert table.columns[1] == "GFR (mL/min)"
    for row, s in zip(table.rows, (0.5, 2.0)):
        labs = h.steady_state("chronic_kidney_disease", s)
        assert row == (f"{s:g}", f"{h.severity_lever('chronic_kidney_disease', s)[1]:.3g}",
                       f"{labs.phosphate_mg_dl:.1f}", f"{labs.fgf23_relative:.1f}")
    with pytest.raises(ValueError, match="not 'normal'"):
        d.severity_table("normal", (1.0,))
    with pytest.raises(ValueError, match=re.escape("severities must lie in 0 to 2")):
        d.severity_table("sarcoidosis", (2.5,))


def test_cited_patients_stand_beside_the_model_scenario_of_the_same_cause():
    from calcify_lib.chemistry import speciate_serum
    from calcify_lib.patients import CAUSES_OF_METASTATIC_CALCIFICATION

    table = d.cited_versus_model_table()
    assert len(table.rows) == len(CAUSES_OF_METASTATIC_CALCIFICATION)
    for row, patient in zip(table.rows, CAUSES_OF_METASTATIC_CALCIFICATION):
        severity, treatments = d.MODEL_COUNTERPARTS[patient.key]
        labs = h.steady_state(patient.key, severity, treatments)
        cited = speciate_serum(patient.ca_mg_dl.value, patient.phosphate_mg_dl.value)
        assert row[3] == f"{float(cited.saturation_index('hydroxyapatite')):+.2f}"
        assert row[5:] == (f"{labs.total_ca_mg_dl:.1f}", f"{labs.phosphate_mg_dl:.1f}",
                           f"{labs.si_hydroxyapatite:+.2f}")
    kidney = next(r for r in table.rows if r[0] == "CKD on dialysis")
    assert kidney[4].startswith("CKD on dialysis")


def test_the_ckd_product_check_multiplies_the_labs_it_shows():
    q = d.self_check_ckd_product()
    labs = h.steady_state("chronic_kidney_disease", 1.0)
    shown_ca, shown_p = round(labs.total_ca_mg_dl, 1), round(labs.phosphate_mg_dl, 1)
    assert f"{shown_ca:.1f} mg/dL" in q.question and f"{shown_p:.1f} mg/dL" in q.question
    assert q.answer == pytest.approx(shown_ca * shown_p)
    assert q.verdict(labs.ca_x_p_mg2_dl2) == "right"  # the unrounded product is right too
    assert q.verdict(labs.ca_x_p_mg2_dl2 / 12.4) == "low"  # the product in mmol²/L²
    assert ("below" if q.answer < 55 else "above") + " the KDOQI limit" in q.explanation


def test_the_suppressed_pth_check_names_the_cause_whose_calcitriol_escapes_control():
    q = d.self_check_suppressed_pth_cause()
    labs = {o.text: o for o in q.options}
    assert q.answer.text == "Sarcoidosis"
    sarcoid = h.steady_state("sarcoidosis", 1.0)
    assert sarcoid.calcitriol_pg_ml > 64 and sarcoid.pth_pg_ml < 15 and sarcoid.total_ca_mg_dl > 10.5
    vitd = h.steady_state("vitamin_d_intoxication", 1.0)
    assert f"calcitriol {vitd.calcitriol_pg_ml:.0f} pg/mL" in labs["Vitamin D intoxication"].feedback
    with pytest.raises(ValueError, match="severity=0.5"):
        d.self_check_suppressed_pth_cause(0.5)
