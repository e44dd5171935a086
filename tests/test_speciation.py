"""Speciation and saturation indices of serum, checked against sources and hand calculations."""

from __future__ import annotations

import math

import numpy as np
import pytest

from calcify_lib import chemistry, thermodynamics as td
from calcify_lib.chemistry import NORMAL_SERUM, PHASES, speciate, speciate_grid, speciate_serum

SERUM = dict(mg_mmol_l=0.85, albumin_g_l=40.0)
REPORTED_SPECIES = ("Ca+2", "HPO4-2", "H2PO4-", "PO4-3", "H3PO4", "CaHPO4", "CaH2PO4+", "CaPO4-", "MgHPO4", "NaHPO4-")


def test_the_result_carries_every_species_the_book_names():
    s = speciate(2.4, 1.2, 7.4, mg_mmol_l=0.9)
    assert set(REPORTED_SPECIES) <= set(s.species_mmol_l)
    assert all(v >= 0.0 for v in s.species_mmol_l.values())
    assert s.free_ca_mmol_l == s.species_mmol_l["Ca+2"]


@pytest.mark.parametrize("albumin_g_l", [0.0, 40.0])
@pytest.mark.parametrize("ph", [6.8, 7.4, 7.8])
def test_mass_balances_close_to_one_part_in_a_billion(ph, albumin_g_l):
    s = speciate(2.6, 2.1, ph, mg_mmol_l=0.9, albumin_g_l=albumin_g_l)
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
    s = speciate(total_ca_mmol_l, 1.2, 7.4, mg_mmol_l=0.85, albumin_g_l=albumin_g_l)
    assert 0.44 <= s.ionized_fraction <= 0.53
    # Ionized calcium inside (or at the edge of) its adult reference range, 1.1-1.3 mmol/L.
    assert 1.0 <= s.free_ca_mmol_l <= 1.3


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


def test_hydroxyapatite_stays_supersaturated_while_brushite_and_acp_cross_zero_as_ph_rises():
    # The pH explorer's lesson: hypercalcaemic, hyperphosphataemic serum from pH 6.8 to 8.0.
    ph = np.round(np.arange(6.8, 8.001, 0.1), 2)
    s = speciate_serum(12.0, 8.5, ph=ph)
    assert np.all(s.saturation_index("hydroxyapatite") > 0)
    for phase in ("brushite", "amorphous_calcium_phosphate"):
        si = s.saturation_index(phase)
        assert si[0] < 0 < si[-1], phase


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
