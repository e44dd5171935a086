"""The kidney: the cortex that returns bicarbonate and the papilla that is acidic.

The proximal tubule reabsorbs about four fifths of the filtered
bicarbonate and hands it to the peritubular capillaries of the cortex
(:func:`~calcify_lib.tissue.renal_cortex_plasma`, :cite:`hamm2008renal`, :cite:`hall2021guyton`).
The papilla, where nephrocalcinosis and Randall's plaque form, is the
opposite case: its vasa recta blood was measured more acidic than
arterial blood (:func:`~calcify_lib.tissue.renal_papilla_ph`, :cite:`kuramochi1996changes`).

Assumptions and limits
----------------------
* The cortical PCO₂ is set equal to arterial
  (:data:`~calcify_lib.tissue.kidney.RENAL_CORTEX_PCO2_MMHG`, an assumption); the cortex may carry
  more CO₂, which would make it more acidic.
* The papillary pH is a measurement in the rat in antidiuresis, applied
  to people.
"""

from __future__ import annotations

from .._validation import accepts
from ..cited import CitedConstant
from ..homeostasis.kidney import NORMAL_GFR_ML_MIN
from ._ranges import _BE
from .blood import arterial_blood, henderson_hasselbalch_ph

__all__ = [
    "FILTRATION_FRACTION",
    "PROXIMAL_WATER_FRACTION",
    "PROXIMAL_BICARBONATE_FRACTION",
    "RENAL_CORTEX_PCO2_MMHG",
    "PAPILLA_PH_BELOW_ARTERIAL",
    "renal_cortex_plasma",
    "renal_papilla_ph",
]

FILTRATION_FRACTION = CitedConstant(
    0.2, "1", None, "hall2021guyton",
    "Glomerular filtration rate over renal plasma flow (about 125 / 650 mL/min).", basis="measured")
PROXIMAL_WATER_FRACTION = CitedConstant(
    0.65, "1", None, "hall2021guyton",
    "Share of the filtered water reabsorbed by the proximal tubule (about 65 %).", basis="measured")
PROXIMAL_BICARBONATE_FRACTION = CitedConstant(
    0.8, "1", None, "hamm2008renal",
    "Share of the filtered bicarbonate (4000-4500 mmol/day) reabsorbed by the proximal tubule: "
    "75-80 %.", basis="measured", uncertainty=0.05)
RENAL_CORTEX_PCO2_MMHG = CitedConstant(
    40.0, "mmHg", 37.0, "hamm2008renal",
    "ASSUMED, not measured here: PCO2 of cortical peritubular blood, set equal to arterial so that "
    "the cortical pH shows the effect of the returned bicarbonate alone.  "
    "Rat micropuncture suggests the cortex may carry more CO2, which would make it more acidic.",
    basis="set")
PAPILLA_PH_BELOW_ARTERIAL = CitedConstant(
    0.585, "(pH units)", 37.0, "kuramochi1996changes",
    "How much more acidic papillary vasa recta blood was than systemic arterial blood in "
    "antidiuresis (rat): 0.44-0.73 pH units; the middle of that range.", basis="derived",
    uncertainty=0.145)

# ------------------------------------------------------------------ kidney

@accepts(base_excess_mmol_l=_BE)
def renal_cortex_plasma(*, base_excess_mmol_l: float = 0.0) -> tuple[float, float, float]:
    """Peritubular capillary plasma of the cortex: (pH, PCO₂ mmHg, HCO₃⁻ mmol/L).

    The textbook reason for an alkaline renal interstitium is that the
    proximal tubule returns thousands of millimoles of bicarbonate a day to
    the peritubular blood.  A mass balance on one minute of plasma flow:
    the glomerulus filters GFR of plasma with arterial bicarbonate *a*; the
    proximal tubule returns a fraction f_w = 0.65 of that water carrying a
    fraction f_b = 0.8 of its bicarbonate; the efferent plasma (RPF − GFR,
    with RPF = GFR / 0.2) joins it.  The peritubular bicarbonate is

    .. math::

        [\\mathrm{HCO_3^-}]_{pt} = a\\,\\frac{(\\mathrm{RPF} - \\mathrm{GFR}) + f_b\\,\\mathrm{GFR}}
            {(\\mathrm{RPF} - \\mathrm{GFR}) + f_w\\,\\mathrm{GFR}},

    only a little above *a*: the "thousands of millimoles" are the same
    bicarbonate that was filtered a moment before, and the reabsorbate
    (f_b a / f_w ≈ 30 mmol/L) is only mildly richer than plasma.  pH follows
    from Henderson–Hasselbalch at the cortical PCO₂, **assumed** equal to
    arterial (:data:`~calcify_lib.tissue.kidney.RENAL_CORTEX_PCO2_MMHG`).

    GFR is the homeostasis model's normal 100 mL/min; the ratio above does
    not depend on it, so a failing kidney changes this little.

    Examples
    --------
    >>> ph, pco2, hco3 = renal_cortex_plasma()
    >>> round(ph - arterial_blood().ph, 3) > 0, round(hco3, 1)
    (True, 25.4)
    """
    a = arterial_blood(base_excess_mmol_l=base_excess_mmol_l)
    gfr = NORMAL_GFR_ML_MIN.value
    rpf = gfr / FILTRATION_FRACTION.value
    efferent = rpf - gfr
    hco3 = a.hco3_mmol_l * ((efferent + PROXIMAL_BICARBONATE_FRACTION.value * gfr)
                            / (efferent + PROXIMAL_WATER_FRACTION.value * gfr))
    pco2 = RENAL_CORTEX_PCO2_MMHG.value
    return henderson_hasselbalch_ph(hco3, pco2), pco2, hco3


@accepts(base_excess_mmol_l=_BE)
def renal_papilla_ph(*, base_excess_mmol_l: float = 0.0) -> float:
    """pH of the papillary interstitium: arterial pH minus 0.585 (:cite:`kuramochi1996changes`).

    Kuramochi and colleagues measured papillary vasa recta blood 0.44-0.73
    pH units *more acidic* than systemic arterial blood in antidiuretic rats
    (:data:`~calcify_lib.tissue.kidney.PAPILLA_PH_BELOW_ARTERIAL`, the middle of that range); in
    diuresis the ascending vasa recta became 0.23-0.30 more alkaline.  The
    interstitium is taken to share the vasa recta's pH.  An alkaline niche
    at the tip of the loop of Henle, behind Randall's plaque, is a
    hypothesis that these measurements do not support on average.

    >>> round(renal_papilla_ph(), 2)
    6.82
    """
    return arterial_blood(base_excess_mmol_l=base_excess_mmol_l).ph - PAPILLA_PH_BELOW_ARTERIAL.value


