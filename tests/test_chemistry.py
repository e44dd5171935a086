"""Phosphoric acid's dissociation and hydroxyapatite's Ksp against published numbers."""

from __future__ import annotations

import numpy as np
import pytest

from calcify_lib import chemistry


def test_pka_values_at_25_c_are_bates_and_the_database_value():
    # Bates (1951) 2.148, Bates & Acree (1943) 7.200, phreeqc.dat 12.346.
    assert chemistry.phosphoric_acid_pka(25.0) == pytest.approx((2.148, 7.200, 12.346), abs=1e-3)


def test_pka2_at_37_c_agrees_with_an_independent_van_t_hoff_estimate():
    # phreeqc.dat: pKa2(25 °C) = 7.207 and ΔH = +4.14 kJ/mol, moved to 37 °C by van't Hoff.
    r, t0, t = 8.314462618, 298.15, 310.15
    vant_hoff = 7.207 + 4140.0 / (r * np.log(10.0)) * (1.0 / t - 1.0 / t0)
    assert chemistry.phosphoric_acid_pka(37.0)[1] == pytest.approx(vant_hoff, abs=0.01)
    assert chemistry.phosphoric_acid_pka(37.0)[1] == pytest.approx(7.18, abs=0.005)


def test_pka3_at_37_c_is_12_25():
    assert chemistry.phosphoric_acid_pka(37.0)[2] == pytest.approx(12.25, abs=0.005)


def test_fractions_sum_to_one_across_the_ph_scale():
    ph = np.linspace(0.0, 14.0, 141)
    f = chemistry.phosphate_fractions(ph)
    total = f.h3po4 + f.h2po4 + f.hpo4 + f.po4
    assert np.allclose(total, 1.0, rtol=0, atol=1e-14)


def test_at_each_pka_the_two_neighbouring_forms_are_equal():
    pkas = chemistry.phosphoric_acid_pka(37.0)
    pairs = [("h3po4", "h2po4"), ("h2po4", "hpo4"), ("hpo4", "po4")]
    for pka, (acid, base) in zip(pkas, pairs):
        f = chemistry.phosphate_fractions(pka)
        assert getattr(f, acid) == pytest.approx(getattr(f, base), rel=0.02)


def test_hand_computed_fractions_at_blood_ph():
    pka1, pka2, pka3 = chemistry.phosphoric_acid_pka(37.0)
    h = 10.0**-7.4
    k1, k2, k3 = 10.0**-pka1, 10.0**-pka2, 10.0**-pka3
    terms = np.array([h**3, k1 * h**2, k1 * k2 * h, k1 * k2 * k3])
    expected = terms / terms.sum()
    f = chemistry.phosphate_fractions(7.4)
    assert [f.h3po4, f.h2po4, f.hpo4, f.po4] == pytest.approx(list(expected), rel=1e-12)


def test_at_blood_ph_fewer_than_one_phosphate_in_1e5_is_po4():
    f = chemistry.phosphate_fractions(7.4)
    assert 5e-6 < f.po4 < 1e-5
    assert f.hpo4 > f.h2po4


def test_alkalinity_raises_the_po4_share():
    shares = chemistry.phosphate_fractions(np.array([7.0, 7.2, 7.4, 7.6, 7.8])).po4
    assert np.all(np.diff(shares) > 0)


def test_hydroxyapatite_ksp_matches_mcdowell_at_37_and_25_c():
    assert chemistry.hydroxyapatite_log_ksp(37.0) == pytest.approx(-58.63, abs=0.005)
    assert chemistry.hydroxyapatite_log_ksp(25.0) == pytest.approx(-58.52, abs=0.005)


def test_hydroxyapatite_is_less_soluble_when_warmer():
    assert chemistry.hydroxyapatite_log_ksp(37.0) < chemistry.hydroxyapatite_log_ksp(25.0)
