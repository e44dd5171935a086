"""The chemistry chapter's tables and figures show what the models compute, and nothing typed by hand."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from calcify_lib import chemistry, precipitation, units
from calcify_lib.figures import chemistry as figures
from calcify_lib.patients import EXAMPLE_PATIENTS


def test_the_threshold_table_converts_every_cited_threshold():
    table = figures.threshold_table()
    assert [r[0] for r in table.rows] == list(precipitation.CA_X_P_THRESHOLDS)
    for row, k in zip(table.rows, precipitation.CA_X_P_THRESHOLDS.values()):
        assert row[1:] == (f"{k.value:.0f}", f"{units.ca_x_p_mg2_dl2_to_mmol2_l2(k.value):.2f}", k.citation)
    kdoqi = dict((r[0], r) for r in table.rows)["kdoqi_2003"]
    assert float(kdoqi[2]) == pytest.approx(55.0 * 0.0806, abs=0.01)   # 1 mg²/dL² is 0.0806 mmol²/L²


def test_the_simple_picture_table_is_assess_of_each_patient():
    table = figures.simple_picture_table()
    assert len(table.rows) == len(EXAMPLE_PATIENTS)
    for row, p in zip(table.rows, EXAMPLE_PATIENTS):
        a = precipitation.assess(p.ca_mg_dl.value, p.phosphate_mg_dl.value)
        assert row == (p.label, f"{a.ca_mg_dl:.1f}", f"{a.phosphate_mg_dl:.1f}", f"{a.q_mg2_dl2:.1f}",
                       f"{a.q_mmol2_l2:.2f}", f"{a.ratio:.2f}", a.verdict)
    assert "Ksp = 70 mg²/dL²" in table.caption


def test_a_lower_threshold_raises_every_saturation_ratio():
    classic = figures.simple_picture_table()
    kdoqi = figures.simple_picture_table(threshold="kdoqi_2003")
    assert "Ksp = 55 mg²/dL²" in kdoqi.caption
    for a, b in zip(classic.rows, kdoqi.rows):
        assert float(b[5]) > float(a[5])


def test_the_simple_picture_table_refuses_no_patients_and_an_unknown_threshold():
    with pytest.raises(ValueError, match="patients must hold at least one patient"):
        figures.simple_picture_table(())
    with pytest.raises(ValueError, match="threshold"):
        figures.simple_picture_table(threshold="kdoqi_2099")


def test_phosphate_fractions_figure_draws_four_forms_that_add_up_to_one():
    fig, ax = plt.subplots()
    assert figures.phosphate_fractions_vs_ph(ax) is ax
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["H₃PO₄", "H₂PO₄⁻", "HPO₄²⁻", "PO₄³⁻"]
    total = sum(np.asarray(line.get_ydata()) for line in lines)
    assert np.allclose(total, 1.0)
    ph = np.asarray(lines[0].get_xdata())
    expected = chemistry.phosphate_fractions(ph, temperature_c=37.0)
    assert np.array_equal(lines[2].get_ydata(), expected.hpo4)
    assert "blood pH 7.35–7.45" in [t.get_text() for t in ax.get_legend().get_texts()]
    plt.close(fig)


def test_at_blood_ph_the_figure_shows_mostly_hpo4_and_h2po4():
    fig, ax = plt.subplots()
    figures.phosphate_fractions_vs_ph(ax, ph=np.array([7.4]))
    shares = {line.get_label(): float(line.get_ydata()[0]) for line in ax.get_lines()}
    assert shares["HPO₄²⁻"] + shares["H₂PO₄⁻"] > 0.999
    assert shares["HPO₄²⁻"] > shares["H₂PO₄⁻"]
    plt.close(fig)


def test_the_speciation_table_is_the_model_speciation():
    table = figures.speciation_table(9.42, 3.72)
    s = chemistry.speciate_serum(9.42, 3.72)
    calcium = [r for r in table.rows if r[0] == "calcium"]
    phosphate = [r for r in table.rows if r[0] == "phosphate"]
    # Calcium: free, on albumin, three small-anion complexes (bicarbonate, citrate, carbonate) and
    # three phosphate pairs.
    assert (len(calcium), len(phosphate)) == (8, 8)
    free = calcium[0]
    assert free[1] == "Ca²⁺ (free, ionized)"
    assert free[2] == f"{float(s.free_ca_mmol_l):.3g}"
    assert free[3] == f"{100 * float(s.free_ca_mmol_l / s.ca_mmol_l):.2g}"
    po4 = phosphate[-1]
    assert po4[2] == f"{float(s.species_mmol_l['PO4-3']):.3g}"
    assert table.caption == ("Where calcium and phosphate are in normal serum "
                             "(Ca 9.42, P 3.72 mg/dL, pH 7.40, 37 °C)")


def test_the_speciation_table_accounts_for_nearly_all_of_each_total():
    table = figures.speciation_table(9.2, 6.2, name="dialysis serum")
    for element in ("calcium", "phosphate"):
        shares = sum(float(r[3]) for r in table.rows if r[0] == element)
        assert shares == pytest.approx(100.0, abs=1.5)   # the rounding of each share to 2 digits
    assert table.caption.startswith("Where calcium and phosphate are in dialysis serum (Ca 9.20, P 6.20")


def test_the_speciation_table_follows_ph():
    acid = {r[1]: float(r[3]) for r in figures.speciation_table(ph=7.0).rows if r[0] == "phosphate"}
    alkaline = {r[1]: float(r[3]) for r in figures.speciation_table(ph=7.8).rows if r[0] == "phosphate"}
    assert alkaline["PO₄³⁻ (free)"] > acid["PO₄³⁻ (free)"]
    assert alkaline["H₂PO₄⁻"] < acid["H₂PO₄⁻"]


def test_the_speciation_table_refuses_an_impossible_serum():
    with pytest.raises(ValueError, match="ph"):
        figures.speciation_table(ph=15.0)


def test_the_basis_table_names_the_hand_set_constants_of_the_chemistry():
    from calcify_lib import thermodynamics
    from calcify_lib.cited import BASES, constants_in

    table = figures.basis_table(thermodynamics, chemistry)
    found = constants_in(thermodynamics, chemistry)
    assert [row[0] for row in table.rows] == list(BASES)
    assert sum(int(row[1]) for row in table.rows) == len(found)
    set_row = dict((row[0], row) for row in table.rows)["set"]
    assert "chemistry.binding.ALBUMIN_CA_ASSOCIATION_L_MOL" in set_row[3]
    assert set_row[3].count(", ") + 1 == int(set_row[1])


# -- the readouts that replaced runs of print lines --------------------------------------
def test_the_phosphate_shares_add_up_to_one_and_follow_ph():
    shares = {r[0]: float(r[1]) for r in figures.phosphate_shares_table(7.4).rows}
    assert sum(shares.values()) == pytest.approx(1.0, abs=1e-3)
    assert shares["PO₄³⁻"] == pytest.approx(chemistry.phosphate_fractions(7.4).po4, rel=1e-2)
    alkaline = {r[0]: float(r[1]) for r in figures.phosphate_shares_table(7.6).rows}
    assert alkaline["PO₄³⁻"] > shares["PO₄³⁻"]


def test_a_higher_charge_is_shielded_more():
    rows = figures.activity_table(9.42, 3.72).rows
    gammas = [float(r[1]) for r in rows if r[0].startswith("γ")]
    assert len(gammas) == 3 and 1.0 > gammas[0] > gammas[1] > gammas[2] > 0.0
    s = chemistry.speciate_serum(9.42, 3.72)
    assert gammas[1] == pytest.approx(float(s.activity_coefficients[2]), abs=5e-4)


def test_less_albumin_leaves_more_calcium_ionized():
    rows = figures.albumin_sweep_table((40.0, 30.0, 20.0)).rows
    free = [float(r[1]) for r in rows]
    assert free == sorted(free) and free[0] < free[-1]


def test_the_albumin_correction_table_is_the_corrections_and_the_model():
    rows = {r[0]: r[1] for r in figures.albumin_correction_table(7.6, 2.5).rows}
    assert rows["corrected calcium, k = 1.0 (Payne)"] == f"{7.6 + 1.0 * 1.5:.1f}"
    assert rows["corrected calcium, k = 0.8 (common)"] == f"{7.6 + 0.8 * 1.5:.1f}"
    free = float(chemistry.speciate_serum(7.6, 3.72, albumin_g_l=25.0).free_ca_mmol_l)
    assert rows["model: ionized calcium of this serum"].startswith(f"{free:.2f}")
    equivalent = float(rows["model: total calcium with that ionized calcium at albumin 40 g/L"])
    back = float(chemistry.speciate_serum(equivalent, 3.72).free_ca_mmol_l)
    assert back == pytest.approx(free, abs=0.01)   # the total is rounded to 0.1 mg/dL


def test_serum_shifts_phosphate_towards_hpo4_and_pairs_a_sixth_of_it():
    rows = {r[0]: r[1:] for r in figures.serum_phosphate_table().rows}
    ideal_pka2, serum_pka2 = (float(v) for v in rows["apparent pKa2"])
    assert serum_pka2 < ideal_pka2
    by_concentration, as_activity = rows["PO₄³⁻, share by concentration"], rows["PO₄³⁻, share as activity"]
    assert float(by_concentration[1]) > float(by_concentration[0]) > float(as_activity[1])
    assert 10 <= float(rows["in ion pairs (% of phosphate)"][1]) <= 25


def test_the_phase_table_divides_each_si_by_the_ions_of_its_product():
    table = figures.phase_si_table(9.42, 3.72)
    s = chemistry.speciate_serum(9.42, 3.72)
    assert len(table.rows) == len(chemistry.PHASES)
    for row, phase in zip(table.rows, chemistry.PHASES):
        si = float(s.saturation_index(phase))
        assert row[1] == f"{si:+.2f}"
        assert float(row[4]) == pytest.approx(si / int(row[3]), abs=0.006)
    with pytest.raises(ValueError, match="phases must be one or more of"):
        figures.phase_si_table(phases=("calcite",))


def test_magnesium_lowers_the_saturation_indices_only_a_little():
    rows = figures.magnesium_table((0.0, 0.85, 1.5)).rows
    hap = [float(r[1]) for r in rows]
    assert hap == sorted(hap, reverse=True)
    assert 0.0 < hap[0] - hap[-1] < 0.2


def test_the_disputed_constants_carry_the_library_notes():
    from calcify_lib import thermodynamics

    rows = figures.disputed_constants_table().rows
    assert rows[1][2] == thermodynamics.ION_PAIRS["CaPO4-"].log_k.note
    assert "phreeqc.dat" in rows[0][2]


def test_the_dialysis_serum_gains_less_per_ion_than_its_ca_x_p_suggests():
    rows = {r[0]: r[1:] for r in figures.compare_sera_table(9.42, 3.72, 9.2, 6.2).rows}
    assert rows["Ca × P (mg²/dL²)"][2] == f"×{9.2 * 6.2 / (9.42 * 3.72):.2f}"
    assert float(rows["SI of hydroxyapatite"][1]) > float(rows["SI of hydroxyapatite"][0])
    assert float(rows["free Ca²⁺ (mmol/L)"][1]) < float(rows["free Ca²⁺ (mmol/L)"][0])
    per_ion = float(rows["SI of hydroxyapatite"][2].split("×")[-1].split()[0])
    assert 1.0 < per_ion < (9.2 * 6.2 / (9.42 * 3.72)) ** 0.5   # the product's own per-ion factor
