"""Speciation and saturation indices of serum, checked against sources and hand calculations."""

from __future__ import annotations

import math

import numpy as np
import pytest

from calcify_lib import chemistry, thermodynamics as td
from calcify_lib.chemistry import NORMAL_SERUM, PHASES, speciate, speciate_grid, speciate_serum

SERUM = dict(mg_mmol_l=0.85, albumin_g_l=40.0)
# Serum's magnesium and small anions (citrate, bicarbonate), as in NORMAL_SERUM.
SERUM_LIGANDS = {name: NORMAL_SERUM[name].value for name in ("mg_mmol_l", "citrate_mmol_l", "bicarbonate_mmol_l")}
REPORTED_SPECIES = ("Ca+2", "HPO4-2", "H2PO4-", "PO4-3", "H3PO4", "CaHPO4", "CaH2PO4+", "CaPO4-", "MgHPO4", "NaHPO4-")


def test_the_result_carries_every_species_the_book_names():
    s = speciate(2.4, 1.2, 7.4, mg_mmol_l=0.9)
    assert set(REPORTED_SPECIES) <= set(s.species_mmol_l)
    assert all(v >= 0.0 for v in s.species_mmol_l.values())
    assert s.free_ca_mmol_l == s.species_mmol_l["Ca+2"]


@pytest.mark.parametrize(("citrate_mmol_l", "bicarbonate_mmol_l"), [(0.0, 0.0), (0.116, 24.0), (15.0, 30.0)])
@pytest.mark.parametrize("albumin_g_l", [0.0, 40.0])
@pytest.mark.parametrize("ph", [6.8, 7.4, 7.8])
def test_mass_balances_close_to_one_part_in_a_billion(ph, albumin_g_l, citrate_mmol_l, bicarbonate_mmol_l):
    s = speciate(2.6, 2.1, ph, mg_mmol_l=0.9, albumin_g_l=albumin_g_l, citrate_mmol_l=citrate_mmol_l,
                 bicarbonate_mmol_l=bicarbonate_mmol_l)
    assert {"Ca", "Mg", "Na", "P", "citrate", "bicarbonate"} <= set(s.mass_balance_residuals())
    for element, residual in s.mass_balance_residuals().items():
        assert abs(residual) < 1e-9, element


def test_the_result_is_electroneutral_when_chloride_balances_the_charge():
    s = speciate(2.4, 1.2, 7.4, mg_mmol_l=0.9)
    charge = sum(chemistry.SPECIES[k] * v for k, v in s.species_mmol_l.items() if k != "Ca-albumin")
    assert abs(charge) < 1e-9 * 140.0


def test_ionic_strength_is_recomputed_from_the_species():
    s = speciate(2.4, 1.2, 7.4, mg_mmol_l=0.9)
    by_hand = 0.5 * sum(chemistry.SPECIES[k] ** 2 * v for k, v in s.species_mmol_l.items()) * 1e-3
    assert s.ionic_strength_mol_l == pytest.approx(by_hand, rel=1e-12)
    # Plasma's ionic strength is about 0.15-0.16 mol/L; this protein-free saline is close.
    assert 0.14 < s.ionic_strength_mol_l < 0.16


def test_activity_coefficients_are_davies_and_match_published_plasma_values():
    s = speciate(2.4, 1.2, 7.4)
    i = s.ionic_strength_mol_l
    for z in (1, 2, 3):
        assert s.activity_coefficients[z] == pytest.approx(10 ** td.davies_log_gamma(z, i, 37.0), rel=1e-12)
        assert s.activity_coefficients[-z] == s.activity_coefficients[z]
    assert s.activity_coefficients[0] == 1.0
    # Granjon et al.'s rat model uses f1 0.76, f2 0.33, f3 0.08 at plasma ionic strength.
    assert [round(s.activity_coefficients[z], 2) for z in (1, 2, 3)] == pytest.approx([0.76, 0.33, 0.08], abs=0.01)


def test_free_phosphate_ratio_at_blood_ph_is_the_classic_four_to_one():
    # [HPO4]/[H2PO4] = K2 γ1 / ({H+} γ2): with pKa2 7.18 at 37 °C and Davies γ at I = 0.15
    # the apparent pK'2 is 6.81, the "6.8" of physiology texts, and the ratio is 10^0.59 = 3.9.
    s = speciate(2.4, 1.2, 7.4)
    g1, g2 = s.activity_coefficients[1], s.activity_coefficients[2]
    pka2 = td.phosphoric_acid_pka(37.0)[1]
    expected = 10 ** (7.4 - pka2) * g1 / g2
    assert s.species_mmol_l["HPO4-2"] / s.species_mmol_l["H2PO4-"] == pytest.approx(expected, rel=1e-10)
    assert pka2 - math.log10(g1 / g2) == pytest.approx(6.81, abs=0.02)
    assert expected == pytest.approx(3.9, abs=0.15)


def test_hand_computed_ion_pair_cahpo4():
    # Mass action in activities: [CaHPO4] = K γ2² [Ca][HPO4] (γ of the neutral pair is 1).
    s = speciate(2.4, 1.2, 7.4)
    k = 10 ** td.ion_pair_log_k("CaHPO4", 37.0)
    g2 = s.activity_coefficients[2]
    expected = k * g2 * g2 * s.species_mmol_l["Ca+2"] * s.species_mmol_l["HPO4-2"] * 1e-3
    assert s.species_mmol_l["CaHPO4"] == pytest.approx(expected, rel=1e-12)


def test_normal_serum_is_about_half_ionized():
    # Moore (1970): mean ionized calcium 1.14 mmol/L; about half of serum calcium is ionized
    # (Mamedova 2024): about half ionized, so 45-50 % at 40 g/L albumin.
    s = speciate_serum(9.42, 3.72)
    assert float(s.free_ca_mmol_l) == pytest.approx(1.14, abs=0.005)
    assert 0.45 <= float(s.ionized_fraction) <= 0.50


@pytest.mark.parametrize(("total_ca_mmol_l", "albumin_g_l"), [(2.2, 40.0), (2.5, 40.0), (2.35, 35.0), (2.35, 45.0)])
def test_ionized_fraction_stays_near_half_across_the_normal_ranges(total_ca_mmol_l, albumin_g_l):
    s = speciate(total_ca_mmol_l, 1.2, 7.4, albumin_g_l=albumin_g_l, **SERUM_LIGANDS)
    assert 0.44 <= s.ionized_fraction <= 0.53
    # Ionized calcium inside (or at the edge of) its adult reference range, 1.1-1.3 mmol/L.
    assert 1.0 <= s.free_ca_mmol_l <= 1.3


def _log_free_ca_slope(ph_low, ph_high, **serum):
    s = speciate_serum(9.42, 3.72, ph=np.array([ph_low, ph_high]), **serum)
    free = np.asarray(s.free_ca_mmol_l)
    return (math.log10(free[1]) - math.log10(free[0])) / (ph_high - ph_low)


def test_ionized_calcium_falls_with_ph_as_laboratories_measure():
    # At constant total calcium, log10[Ca2+] falls by 0.221 +/- 0.040 (2 SD) per pH unit in serum
    # equilibrated at two pCO2 values (Thode et al. 1982): why laboratories pH-correct ionized
    # calcium, and why hyperventilation brings on tetany.
    measured = chemistry.SERUM_IONIZED_CA_PH_SLOPE
    assert _log_free_ca_slope(7.2, 7.6) == pytest.approx(measured.value, abs=measured.uncertainty)
    # Acidosis frees calcium from albumin; alkalosis binds it.
    acid, normal, alkaline = (float(speciate_serum(9.42, 3.72, ph=ph).free_ca_mmol_l) for ph in (7.1, 7.4, 7.7))
    assert acid > normal + 0.1 > alkaline + 0.2


def test_without_proton_competition_ionized_calcium_would_hardly_move_with_ph():
    # The same serum with no protein: only the phosphate pairs and CaCO3 respond to pH, and the
    # slope is a small fraction of the measured one.  The albumin term carries the pH effect.
    assert abs(_log_free_ca_slope(7.2, 7.6, albumin_g_l=0.0)) < 0.25 * abs(
        chemistry.SERUM_IONIZED_CA_PH_SLOPE.value)


def _calcium_partition(s):
    sp = {k: float(v) for k, v in s.species_mmol_l.items()}
    total = float(s.ca_mmol_l)
    return {"ionized": sp["Ca+2"] / total, "protein": sp["Ca-albumin"] / total,
            "complexed": (sp["CaCit-"] + sp["CaHCO3+"] + sp["CaCO3"]) / total,
            "phosphate pairs": (sp["CaHPO4"] + sp["CaH2PO4+"] + sp["CaPO4-"]) / total}


def test_normal_serum_calcium_is_half_ionized_two_fifths_bound_and_a_tenth_complexed():
    # About 50 % ionized, 40 % protein-bound and 10 % complexed with anions (Mamedova 2024);
    # the small anions here are citrate and bicarbonate, the rest of the complexed tenth is phosphate.
    parts = _calcium_partition(speciate_serum(9.42, 3.72))
    assert 0.45 <= parts["ionized"] <= 0.52
    assert 0.36 <= parts["protein"] <= 0.44
    assert 0.05 <= parts["complexed"] <= 0.10
    assert 0.08 <= parts["complexed"] + parts["phosphate pairs"] <= 0.13
    assert sum(parts.values()) == pytest.approx(1.0, rel=1e-9)


def test_complexed_calcium_does_not_scale_with_albumin():
    # Halving albumin nearly halves the bound calcium, but the citrate and bicarbonate complexes
    # follow the free ion, not the protein: per unit of Ca2+ they stay the same.
    low = speciate_serum(9.42, 3.72, albumin_g_l=20.0)
    normal = speciate_serum(9.42, 3.72, albumin_g_l=40.0)
    per_free_ca = [float((s.species_mmol_l["CaCit-"] + s.species_mmol_l["CaHCO3+"] + s.species_mmol_l["CaCO3"])
                         / s.free_ca_mmol_l) for s in (low, normal)]
    bound = [float(s.species_mmol_l["Ca-albumin"]) for s in (low, normal)]
    assert per_free_ca[0] == pytest.approx(per_free_ca[1], rel=0.03)
    assert bound[0] < 0.65 * bound[1]


def test_citrate_anticoagulation_chelates_ionized_calcium():
    # Citrate at anticoagulant strength (10-20 mmol/L) takes ionized calcium far below the
    # 0.5 mmol/L or so at which blood stops clotting; plasma's own citrate binds only a few per cent.
    plasma = speciate_serum(9.42, 3.72)
    citrated = speciate_serum(9.42, 3.72, citrate_mmol_l=15.0)
    assert float(citrated.free_ca_mmol_l) < 0.35 < 1.1 < float(plasma.free_ca_mmol_l)
    assert float(plasma.species_mmol_l["CaCit-"] / plasma.ca_mmol_l) < 0.05


def test_low_albumin_raises_the_ionized_fraction_as_the_correction_formula_assumes():
    low = speciate(2.0, 1.2, 7.4, albumin_g_l=25.0)
    normal = speciate(2.0, 1.2, 7.4, albumin_g_l=40.0)
    assert low.ionized_fraction > normal.ionized_fraction
    # The model's bound calcium per gram of albumin is of the size Pain et al. measured
    # (median 0.025, 95 % range 0.007-0.053 mmol/g).
    per_gram = normal.species_mmol_l["Ca-albumin"] / 40.0
    assert 0.007 < per_gram < 0.053


def test_a_protein_free_ultrafiltrate_is_mostly_free_ions():
    s = speciate(1.3, 1.2, 7.4, mg_mmol_l=0.6)
    assert 0.88 < s.ionized_fraction < 0.97
    assert s.species_mmol_l["Ca-albumin"] == 0.0


def test_normal_serum_is_supersaturated_for_apatite_and_undersaturated_for_brushite_and_acp():
    # Drouet (2013) and the NBS work: plasma is supersaturated with respect to hydroxyapatite and
    # OCP, undersaturated with respect to brushite; amorphous calcium phosphate does not form.
    s = speciate_serum(9.42, 3.72)
    si = {phase: float(s.saturation_index(phase)) for phase in PHASES}
    assert si["hydroxyapatite"] > 5
    assert si["octacalcium_phosphate"] > 0
    assert si["beta_tricalcium_phosphate"] > 0
    assert si["brushite"] < 0
    assert si["amorphous_calcium_phosphate"] < 0


def test_saturation_index_of_hydroxyapatite_by_hand():
    s = speciate(2.4, 1.2, 7.4)
    g = s.activity_coefficients
    log_iap = (5 * math.log10(g[2] * s.species_mmol_l["Ca+2"] * 1e-3)
               + 3 * math.log10(g[3] * s.species_mmol_l["PO4-3"] * 1e-3)
               + math.log10(g[1] * s.species_mmol_l["OH-"] * 1e-3))
    assert s.saturation_index("hydroxyapatite") == pytest.approx(log_iap - td.log_ksp("hydroxyapatite", 37.0), abs=1e-10)


def test_hydroxyapatite_stays_supersaturated_while_acp_crosses_zero_as_ph_rises():
    # The pH explorer's lesson: hypercalcaemic, hyperphosphataemic serum from pH 6.8 to 8.0.
    ph = np.round(np.arange(6.8, 8.001, 0.1), 2)
    s = speciate_serum(12.0, 8.5, ph=ph)
    assert np.all(s.saturation_index("hydroxyapatite") > 0)
    acp = s.saturation_index("amorphous_calcium_phosphate")
    assert acp[0] < 0 < acp[-1]
    # Brushite (CaHPO4.2H2O) hardly feels the pH in serum: the HPO4-2 that alkalosis adds is paid
    # for by the calcium that albumin binds, so it stays within 0.15 of saturation throughout.
    assert np.all(np.abs(s.saturation_index("brushite")) < 0.15)


def test_grid_and_scalar_paths_agree():
    ca = np.array([1.0, 2.4, 4.0])[:, None]
    p = np.array([0.5, 1.2, 3.0])[None, :]
    grid = speciate_grid(ca, p, 7.4, mg_mmol_l=0.85, albumin_g_l=40.0)
    for i, c in enumerate(ca[:, 0]):
        for j, q in enumerate(p[0]):
            one = speciate(float(c), float(q), 7.4, mg_mmol_l=0.85, albumin_g_l=40.0)
            assert grid.free_ca_mmol_l[i, j] == pytest.approx(one.free_ca_mmol_l, rel=1e-12)
            for phase in PHASES:
                assert grid.saturation_index(phase)[i, j] == pytest.approx(one.saturation_index(phase), abs=1e-10)


def test_serum_background_constants_are_the_ones_documented():
    assert NORMAL_SERUM["albumin_g_l"].value == 40.0
    assert NORMAL_SERUM["ph"].value == 7.4


def test_payne_original_and_common_corrections_differ_by_the_coefficient():
    # 8.0 mg/dL with albumin 2.5 g/dL: 8.0 + 1.0 x 1.5 = 9.5 (Payne 1973); 8.0 + 0.8 x 1.5 = 9.2.
    original = chemistry.albumin_corrected_calcium_mg_dl(
        8.0, 2.5, coefficient_mg_dl_per_g_dl=chemistry.PAYNE_1973_COEFFICIENT_MG_DL_PER_G_DL.value)
    assert original == pytest.approx(9.5)
    assert chemistry.albumin_corrected_calcium_mg_dl(8.0, 2.5) == pytest.approx(9.2)
    assert chemistry.albumin_corrected_calcium_mg_dl(9.0, 4.0) == pytest.approx(9.0)


def test_warmer_serum_is_more_supersaturated_for_hydroxyapatite():
    # HAP's solubility falls with temperature (McDowell 1977), so fever raises SI.
    cool = speciate(2.4, 1.2, 7.4, temperature_c=25.0).saturation_index("hydroxyapatite")
    warm = speciate(2.4, 1.2, 7.4, temperature_c=40.0).saturation_index("hydroxyapatite")
    assert warm > cool
