"""Unit conversions, checked against hand computation from the IUPAC atomic weights."""

from __future__ import annotations

import numpy as np
import pytest

from calcify_lib import units


def test_calcium_of_ten_mg_dl_is_two_and_a_half_mmol_l():
    # 10 mg/dL = 100 mg/L; 100 mg/L / 40.078 g/mol = 2.49513 mmol/L
    assert units.ca_mg_dl_to_mmol_l(10.0) == pytest.approx(100.0 / 40.078, rel=1e-12)
    assert units.ca_mg_dl_to_mmol_l(10.0) == pytest.approx(2.49513, abs=1e-5)


def test_phosphate_of_three_point_one_mg_dl_is_one_mmol_l():
    # 31 mg/L / 30.973762 g/mol = 1.000847 mmol/L
    assert units.phosphate_mg_dl_to_mmol_l(3.1) == pytest.approx(31.0 / 30.973762, rel=1e-12)


def test_kdoqi_limit_of_55_mg2_dl2_is_4_43_mmol2_l2():
    assert units.ca_x_p_mg2_dl2_to_mmol2_l2(55.0) == pytest.approx(4.4306, abs=1e-4)


def test_classic_threshold_of_70_mg2_dl2_is_5_64_mmol2_l2():
    assert units.ca_x_p_mg2_dl2_to_mmol2_l2(70.0) == pytest.approx(5.6389, abs=1e-4)


def test_product_conversion_equals_product_of_single_ion_conversions():
    ca, p = 9.4, 3.7
    direct = units.ca_mg_dl_to_mmol_l(ca) * units.phosphate_mg_dl_to_mmol_l(p)
    assert units.ca_x_p_mg2_dl2_to_mmol2_l2(ca * p) == pytest.approx(direct, rel=1e-12)


@pytest.mark.parametrize("ca_mg_dl", [0.0, 0.1, 4.5, 8.5, 9.4, 10.5, 15.0, 29.9])
def test_calcium_round_trips(ca_mg_dl):
    assert units.ca_mmol_l_to_mg_dl(units.ca_mg_dl_to_mmol_l(ca_mg_dl)) == pytest.approx(ca_mg_dl, rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("phosphate_mg_dl", [0.0, 0.5, 2.5, 3.7, 6.2, 12.0, 30.0])
def test_phosphate_round_trips(phosphate_mg_dl):
    there = units.phosphate_mg_dl_to_mmol_l(phosphate_mg_dl)
    assert units.phosphate_mmol_l_to_mg_dl(there) == pytest.approx(phosphate_mg_dl, rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("product", [0.0, 20.0, 55.0, 70.0, 300.0])
def test_product_round_trips(product):
    there = units.ca_x_p_mg2_dl2_to_mmol2_l2(product)
    assert units.ca_x_p_mmol2_l2_to_mg2_dl2(there) == pytest.approx(product, rel=1e-12, abs=1e-15)


def test_conversions_accept_arrays_for_figures():
    grid = np.linspace(6.0, 16.0, 11)
    converted = units.ca_mg_dl_to_mmol_l(grid)
    assert isinstance(converted, np.ndarray) and converted.shape == (11,)
    assert converted == pytest.approx(grid * 10.0 / 40.078)


def test_scalars_come_back_as_plain_floats():
    assert type(units.ca_mg_dl_to_mmol_l(10)) is float
