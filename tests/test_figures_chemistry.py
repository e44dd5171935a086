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
    assert "chemistry.ALBUMIN_CA_ASSOCIATION_L_MOL" in set_row[3]
    assert set_row[3].count(", ") + 1 == int(set_row[1])
