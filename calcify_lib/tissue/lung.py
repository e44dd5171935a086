"""The lung: gas exchange in a unit of given ventilation-perfusion ratio.

The apex of the upright lung is ventilated well and perfused poorly
(V̇A/Q̇ about 3.3), the base the reverse (about 0.63), so the blood leaving
the apex has lost more CO₂ and is more alkaline (:cite:`west1962regional`,
:cite:`west2012respiratory`).  :func:`~calcify_lib.tissue.lung_unit` solves the steady gas
exchange of one unit for CO₂ and O₂ together, with the blood chemistry of
:mod:`calcify_lib.tissue.blood`; :data:`~calcify_lib.tissue.lung.WEST_PUBLISHED` holds West's
printed values, which the model is checked against but does not use.

Assumptions and limits
----------------------
* Steady state, sea-level air, mixed venous blood at PO₂ 40 and PCO₂
  45 mmHg entering every unit, end-capillary blood in equilibrium with the
  alveolar gas (no diffusion limitation).
* One unit stands for a horizontal slice; no shunt, no dead space.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .._validation import accepts
from ..cited import CitedConstant
from ._ranges import _BE, _VQ
from .blood import (
    BloodGas,
    _brent,
    _gas,
    mixed_venous_blood,
)

__all__ = [
    "BAROMETRIC_PRESSURE_MMHG",
    "WATER_VAPOUR_PRESSURE_MMHG",
    "INSPIRED_O2_FRACTION",
    "VENTILATION_UNITS_FACTOR",
    "WEST_APEX_VQ",
    "WEST_BASE_VQ",
    "WEST_PUBLISHED",
    "LungUnit",
    "lung_unit",
    "lung_ph",
]

BAROMETRIC_PRESSURE_MMHG = CitedConstant(760.0, "mmHg", None, "west2012respiratory",
                                         "Standard barometric pressure at sea level, used in the alveolar gas equation.", basis="convention")
WATER_VAPOUR_PRESSURE_MMHG = CitedConstant(47.0, "mmHg", 37.0, "west2012respiratory",
                                           "Saturated water vapour at body temperature.",
                                           basis="measured")
INSPIRED_O2_FRACTION = CitedConstant(0.2093, "1", None, "west2012respiratory",
                                     "Fraction of O2 in dry air.", basis="measured")
VENTILATION_UNITS_FACTOR = CitedConstant(
    8.63, "(L BTPS/min)·mmHg per (mL STPD/100 mL)·(L/min)", 37.0, "west2012respiratory",
    "V̇A/Q̇ = 8.63 (CvCO2 - CcCO2) / PACO2: the 0.863 of the alveolar ventilation equation "
    "(STPD to BTPS at 37 °C, mmHg) times 10 (contents per 100 mL to per litre).", basis="derived")
WEST_APEX_VQ = CitedConstant(
    3.3, "1", None, "west1962regional",
    "Ventilation-perfusion ratio of the uppermost slice of the upright lung in West's figure "
    "(PCO2 about 28 mmHg, pH about 7.51 there).", basis="measured")
WEST_BASE_VQ = CitedConstant(
    0.63, "1", None, "west1962regional",
    "Ventilation-perfusion ratio of the lowest slice of the upright lung in West's figure "
    "(PCO2 about 42 mmHg, pH about 7.39 there).", basis="measured")

#: West's figure, as printed: the values the lung model is checked against (not used by it).
WEST_PUBLISHED = {
    "lung_apex": {
        "pco2_mmhg": CitedConstant(28.0, "mmHg", 37.0, "west1962regional",
                                   "Alveolar PCO2 of the apical slice in West's figure.", basis="measured"),
        "ph": CitedConstant(7.51, "(pH units)", 37.0, "west1962regional",
                            "End-capillary blood pH of the apical slice in West's figure.", basis="measured"),
    },
    "lung_base": {
        "pco2_mmhg": CitedConstant(42.0, "mmHg", 37.0, "west1962regional",
                                   "Alveolar PCO2 of the basal slice in West's figure.", basis="measured"),
        "ph": CitedConstant(7.39, "(pH units)", 37.0, "west1962regional",
                            "End-capillary blood pH of the basal slice in West's figure.", basis="measured"),
    },
}

# ------------------------------------------------------------------ the lung

@dataclass(frozen=True)
class LungUnit:
    """End-capillary blood (and alveolar gas) of one lung unit, from :func:`~calcify_lib.tissue.lung_unit`.

    Attributes
    ----------
    ventilation_perfusion_ratio : float
        V̇A/Q̇ of the unit.
    blood : BloodGas
        End-capillary blood, in equilibrium with the alveolar gas: its
        ``pco2_mmhg`` and ``po2_mmhg`` are the alveolar partial pressures.
    respiratory_exchange_ratio : float
        CO₂ given off over O₂ taken up by the unit (``nan`` for a shunt, V̇/Q̇ = 0).
    """

    ventilation_perfusion_ratio: float
    blood: BloodGas
    respiratory_exchange_ratio: float

    @property
    def ph(self) -> float:
        return self.blood.ph

    @property
    def pco2_mmhg(self) -> float:
        return self.blood.pco2_mmhg

    @property
    def po2_mmhg(self) -> float:
        return self.blood.po2_mmhg


@accepts(ventilation_perfusion_ratio=_VQ, base_excess_mmol_l=_BE)
def lung_unit(ventilation_perfusion_ratio: float, *, base_excess_mmol_l: float = 0.0) -> LungUnit:
    """Gas exchange in one lung unit: alveolar gas and end-capillary blood at a V̇A/Q̇.

    Mixed venous blood (PO₂ 40, PCO₂ 45 mmHg, :func:`~calcify_lib.tissue.mixed_venous_blood`)
    flows through a unit ventilated with humidified air (PIO₂ =
    (760 − 47) × 0.2093 = 149 mmHg, no CO₂).  At steady state, with the blood
    leaving in equilibrium with the alveolar gas,

    .. math::

        \\frac{\\dot V_A}{\\dot Q} = \\frac{8.63\\,(C_{\\bar v\\mathrm{CO_2}} - C_{c\\mathrm{CO_2}})}{P_{A\\mathrm{CO_2}}},
        \\qquad
        P_{A\\mathrm{O_2}} = P_{I\\mathrm{O_2}} - P_{A\\mathrm{CO_2}}\\left[F_{I\\mathrm{O_2}}
            + \\frac{1 - F_{I\\mathrm{O_2}}}{R}\\right],
        \\quad R = \\frac{C_{\\bar v\\mathrm{CO_2}} - C_{c\\mathrm{CO_2}}}{C_{c\\mathrm{O_2}} - C_{\\bar v\\mathrm{O_2}}},

    the CO₂ balance and the alveolar gas equation (which carries the
    nitrogen balance) (:cite:`west2012respiratory`).  Contents come from
    :func:`~calcify_lib.tissue.blood_co2_content_ml_dl` (Haldane effect) and
    :func:`~calcify_lib.tissue.oxygen_saturation` (Bohr effect); pH from :func:`~calcify_lib.tissue.blood_ph`.  The
    two equations are solved as nested one-dimensional roots (Brent).

    Parameters
    ----------
    ventilation_perfusion_ratio : float
        V̇A/Q̇, 0 (a shunt: the blood leaves as it came) to 100 (nearly dead space, where the
        blood equations leave their range).  West's apex is 3.3 and his base 0.63
        (:data:`~calcify_lib.tissue.lung.WEST_APEX_VQ`,
        :data:`~calcify_lib.tissue.lung.WEST_BASE_VQ`).
    base_excess_mmol_l : float
        Base excess of all blood, −30 to 30 mmol/L (0 normal).

    Returns
    -------
    LungUnit

    Notes
    -----
    Diffusion equilibrium is assumed (true at rest at sea level); the inflowing blood is the
    same everywhere; haemoglobin 15 g/dL.  West's figure gives apex PCO₂ ≈ 28 mmHg, pH ≈ 7.51
    and base PCO₂ ≈ 42 mmHg, pH ≈ 7.39 (:cite:`west1962regional`,
    :data:`~calcify_lib.tissue.lung.WEST_PUBLISHED`); this model gives 29 mmHg and 7.48 at the
    apex, 42 mmHg and 7.39 at the base: within 1.1 mmHg and 0.03 pH.  Its blood buffers a little
    more strongly than the curve behind West's figure (Zander's buffer value,
    :func:`~calcify_lib.tissue.blood_ph`).

    Examples
    --------
    >>> apex = lung_unit(3.3)
    >>> round(apex.pco2_mmhg), round(apex.ph, 2)
    (29, 7.48)
    """
    vq = ventilation_perfusion_ratio
    venous = mixed_venous_blood(base_excess_mmol_l=base_excess_mmol_l)
    if vq == 0.0:
        return LungUnit(0.0, venous, math.nan)
    pio2 = (BAROMETRIC_PRESSURE_MMHG.value - WATER_VAPOUR_PRESSURE_MMHG.value) * INSPIRED_O2_FRACTION.value
    fio2 = INSPIRED_O2_FRACTION.value
    cv_co2, cv_o2 = venous.co2_content_ml_dl, venous.o2_content_ml_dl

    def blood_at(pco2: float) -> BloodGas:
        # For this PACO2, the PAO2 that satisfies the alveolar gas equation.
        def gas_equation(po2: float) -> float:
            gas = _gas(pco2, po2, base_excess_mmol_l)
            co2_out = cv_co2 - gas.co2_content_ml_dl
            o2_in = gas.o2_content_ml_dl - cv_o2
            return po2 - (pio2 - pco2 * (fio2 + (1.0 - fio2) * o2_in / co2_out))

        po2 = _brent(gas_equation, venous.po2_mmhg + 1e-6, pio2 - 1e-6)
        return _gas(pco2, po2, base_excess_mmol_l)

    def co2_balance(pco2: float) -> float:
        gas = blood_at(pco2)
        return vq * pco2 - VENTILATION_UNITS_FACTOR.value * (cv_co2 - gas.co2_content_ml_dl)

    pco2 = _brent(co2_balance, 0.05, venous.pco2_mmhg - 1e-6)
    blood = blood_at(pco2)
    ratio = (cv_co2 - blood.co2_content_ml_dl) / (blood.o2_content_ml_dl - cv_o2)
    return LungUnit(float(vq), blood, ratio)


@accepts(ventilation_perfusion_ratio=_VQ, base_excess_mmol_l=_BE)
def lung_ph(ventilation_perfusion_ratio: float, *, base_excess_mmol_l: float = 0.0) -> float:
    """End-capillary blood pH of a lung unit with this V̇A/Q̇ (see :func:`~calcify_lib.tissue.lung_unit`).

    Parameters
    ----------
    ventilation_perfusion_ratio : float
        0-100 (dimensionless); a negative, NaN or infinite ratio is refused.
    base_excess_mmol_l : float
        −30 to 30 mmol/L.

    Returns
    -------
    float

    Examples
    --------
    >>> round(lung_ph(3.3), 2), round(lung_ph(0.63), 2)
    (7.48, 7.39)
    """
    return lung_unit(ventilation_perfusion_ratio, base_excess_mmol_l=base_excess_mmol_l).ph


