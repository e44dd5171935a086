"""The two-faces chapter's figures show what the nucleation model computes, and nothing typed by hand."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pytest

from calcify_lib import chemistry, homeostasis, nucleation
from calcify_lib.explorer import Choice, Slider
from calcify_lib.figures import two_faces as faces


def test_the_serum_supersaturation_is_the_chemistry_si_per_growth_unit():
    si = float(chemistry.speciate_serum(9.42, 3.72).saturation_index("hydroxyapatite"))
    assert faces.serum_saturation_ratio(9.42, 3.72) == pytest.approx(10 ** (si / 9), rel=1e-12)


def test_a_condition_supersaturation_comes_from_its_steady_state():
    labs = homeostasis.steady_state("chronic_kidney_disease", 1.0)
    expected = nucleation.saturation_ratio_per_growth_unit(labs.si_hydroxyapatite, "hydroxyapatite")
    assert faces.condition_saturation_ratio("chronic_kidney_disease") == expected


def test_normal_blood_on_damaged_membranes_is_called_dystrophic():
    assert faces.verdict(9.5, 3.5, "damaged_membranes").startswith("Dystrophic")


def test_normal_blood_on_healthy_tissue_forms_nothing():
    for surface in faces.HEALTHY_TISSUE_SURFACES:
        assert faces.verdict(9.5, 3.5, surface).startswith("No calcification")


def test_kidney_failure_blood_on_collagen_is_called_metastatic():
    assert faces.verdict(9.5, 7.5, "collagen").startswith("Metastatic")


def test_abnormal_blood_on_damaged_membranes_is_called_mixed():
    assert faces.verdict(9.5, 7.5, "damaged_membranes").startswith("Mixed")


def test_abnormal_blood_on_endothelium_still_waits_longer_than_a_lifetime():
    assert faces.verdict(9.5, 7.5, "healthy_endothelium").startswith("Abnormal blood, yet")


def test_the_verdict_follows_the_induction_time_not_a_lookup():
    # The same blood and surface, with the model's induction time compared to a lifetime.
    s = faces.serum_saturation_ratio(12.5, 3.5)
    angle = nucleation.SURFACES["collagen"].contact_angle_deg.value
    years = nucleation.induction_time_s(s, contact_angle_deg=angle) / faces.SECONDS_PER_YEAR
    fast = faces.verdict(12.5, 3.5, "collagen").startswith("Metastatic")
    assert fast == (years < faces.LIFETIME_YEARS)


def test_the_readout_numbers_are_the_models():
    s = faces.serum_saturation_ratio(11.5, 5.5)
    readout = faces.nucleation_readout_html(11.5, 5.5, "collagen")
    barrier = nucleation.nucleation_barrier_kt(s, contact_angle_deg=110.0)
    assert f"S = <strong>{s:.2f}</strong>" in readout
    assert f"{barrier:.1f} kT" in readout
    assert f"{nucleation.critical_radius_nm(s):.2f} nm" in readout
    wait = faces.describe_duration(nucleation.induction_time_s(s, contact_angle_deg=110.0))
    assert wait in readout


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(0.5, "under a second"), (1.0, "1 second"), (45.0, "45 seconds"), (7200.0, "2 hours"),
     (86400.0 * 3, "3 days"), (faces.SECONDS_PER_YEAR * 250, "250 years"), (math.inf, "never (S ≤ 1)")],
)
def test_waiting_times_read_in_words(seconds, words):
    assert faces.describe_duration(seconds) == words


def test_the_sera_table_holds_every_condition_and_surface_from_the_models():
    table = faces.sera_table()
    assert [row[0] for row in table.rows] == [
        "Normal adult", "Primary hyperparathyroidism", "Vitamin D intoxication", "Sarcoidosis",
        "Chronic kidney disease before dialysis", "Bone destruction"]
    assert len(table.columns) == 5 + len(nucleation.SURFACES)
    ckd = homeostasis.steady_state("chronic_kidney_disease", 1.0)
    row = table.rows[homeostasis.CONDITIONS.index("chronic_kidney_disease")]
    assert row[3] == f"{ckd.si_hydroxyapatite:+.2f}"
    s = nucleation.saturation_ratio_per_growth_unit(ckd.si_hydroxyapatite, "hydroxyapatite")
    assert row[6] == faces.describe_duration(nucleation.induction_time_s(s, contact_angle_deg=110.0))


def test_the_surface_table_shows_each_angle_and_its_factor():
    table = faces.surface_table()
    assert len(table.rows) == len(nucleation.SURFACES)
    for row, surface in zip(table.rows, nucleation.SURFACES.values()):
        angle = surface.contact_angle_deg.value
        assert row[1] == f"{angle:.0f}°"
        assert row[2] == f"{nucleation.heterogeneous_factor(angle):.3f}"
        assert row[4] == surface.contact_angle_deg.citation


def test_the_nucleus_table_gives_the_barrier_radius_and_size():
    table = faces.nucleus_table({"normal": 12.8})
    (row,) = table.rows
    assert row[3] == f"{nucleation.nucleation_barrier_kt(12.8):.1f}"
    assert row[4] == f"{nucleation.critical_radius_nm(12.8):.2f}"
    assert row[5] == f"{nucleation.critical_nucleus_growth_units(12.8):.0f}"


def test_the_cluster_figure_marks_each_barrier_at_its_critical_radius():
    fig, ax = plt.subplots()
    faces.cluster_energy(ax, {"a": 12.8, "b": 14.0})
    dots = [line for line in ax.get_lines() if line.get_marker() == "o"]
    assert len(dots) == 2
    x, y = dots[0].get_data()
    assert x[0] == pytest.approx(nucleation.critical_radius_nm(12.8))
    assert y[0] == pytest.approx(nucleation.nucleation_barrier_kt(12.8))
    plt.close(fig)


def test_the_wetting_figure_marks_every_surface_on_the_f_curve():
    fig, ax = plt.subplots()
    faces.wetting(ax)
    dots = [line for line in ax.get_lines() if line.get_linestyle() == "None"]
    assert len(dots) == len(nucleation.SURFACES)
    for dot, surface in zip(dots, nucleation.SURFACES.values()):
        x, y = dot.get_data()
        assert y[0] == pytest.approx(nucleation.heterogeneous_factor(x[0]))
    plt.close(fig)


def test_the_induction_map_draws_one_curve_per_surface_and_a_line_per_serum():
    fig, ax = plt.subplots()
    faces.induction_map(ax)
    curves = [line for line in ax.get_lines() if len(line.get_xdata()) > 2]
    verticals = [line for line in ax.get_lines() if len(set(line.get_xdata())) == 1]
    assert len(curves) == len(nucleation.SURFACES)
    assert len(verticals) == len(homeostasis.CONDITIONS)  # normal and five causes
    plt.close(fig)


@pytest.fixture(scope="module")
def explorer():
    return faces.two_faces_explorer()


def test_the_explorer_has_quantities_as_sliders_and_surfaces_as_a_choice(explorer):
    kinds = [type(c) for c in explorer.controls]
    assert kinds == [Slider, Slider, Choice]
    assert [value for value, _ in explorer.controls[2].options] == list(nucleation.SURFACES)
    assert len(explorer.combinations()) == 7 * 7 * 3


def test_the_explorer_readout_and_alt_text_follow_the_model(explorer):
    view = explorer.view_at(ca_mg_dl=9.5, phosphate_mg_dl=3.5, surface="damaged_membranes")
    assert view.readout_html == faces.nucleation_readout_html(9.5, 3.5, "damaged_membranes")
    assert "Dystrophic" in view.readout_html
    assert "Damaged membranes" in view.alt or "damaged membranes" in view.alt.lower()
    assert len(view.markers) == 1


def test_the_contact_angle_table_shows_the_barrier_falling_by_f_and_the_rate_rising():
    s = faces.serum_saturation_ratio(9.42, 3.72)
    table = faces.contact_angle_table(s, (180.0, 90.0, 60.0))
    assert [row[0] for row in table.rows] == ["180°", "90°", "60°"]
    homogeneous = nucleation.nucleation_barrier_kt(s)
    assert table.rows[1][3] == "0.5000"  # f(90°) = 1/2: half the barrier
    assert table.rows[2][4] == f"{math.exp(homogeneous * (1 - 5 / 32)):.2g}"  # f(60°) = 5/32
    with pytest.raises(ValueError, match="contact_angles_deg"):
        faces.contact_angle_table(s, (200.0,))


def test_equal_barriers_need_ln_s_divided_by_the_root_of_f():
    s = faces.serum_saturation_ratio(9.42, 3.72)
    s_needed = math.exp(math.log(s) / math.sqrt(0.2))
    table = faces.equal_barrier_table({"wetting": (s, 0.2), "endothelium": (s_needed, 1.0)})
    assert table.rows[0][-1] == table.rows[1][-1]
    assert table.rows[1][3] == f"{9 * math.log10(s_needed):+.2f}"
    with pytest.raises(ValueError, match="f"):
        faces.equal_barrier_table({"wetting": (s, 1.5)})
    with pytest.raises(ValueError, match="settings"):
        faces.equal_barrier_table({})


def test_a_thousand_times_the_volume_waits_a_thousand_times_less():
    s = faces.serum_saturation_ratio(9.42, 3.72)
    table = faces.volume_wait_table(s, {"1 mm³": 1e-9, "1 mL": 1e-6})
    assert [row[3] for row in table.rows] == ["1", "1e+03"]
    assert table.rows[0][2] == faces.describe_duration(nucleation.induction_time_s(s))
    with pytest.raises(TypeError, match="volumes_m3"):
        faces.volume_wait_table(s, [1e-9])
