"""The stomach: the alkaline tide of the acid-secreting mucosa.

For every proton a parietal cell pumps into the gland lumen, it returns a
bicarbonate ion to the blood on its other side.  :func:`~calcify_lib.tissue.gastric_venous_blood`
writes that as a mass balance: the bicarbonate added per minute over the
blood flow through the mucosa gives the rise of the venous base excess.
The acid outputs are measured (:cite:`feldman1983gastric`); the mucosal
blood flow is an assumption (:data:`~calcify_lib.tissue.stomach.GASTRIC_MUCOSAL_BLOOD_FLOW_ML_MIN`),
because no measurement of the interstitial pH of the gastric lamina
propria during the alkaline tide was found.

Assumptions and limits
----------------------
* All secreted acid is matched by bicarbonate into the mucosal venous
  blood; none is carried away by the lymph or neutralised in the mucosa.
* The mucosal blood flow is set, not measured: the pH it gives is an
  order of magnitude, not a measurement.
"""

from __future__ import annotations

from .._validation import accepts
from ..cited import CitedConstant
from ._ranges import _ACID, _BE, _FLOW
from .blood import BloodGas, _brent, _hco3, blood_co2_content_ml_dl, blood_ph, mixed_venous_blood

__all__ = [
    "BASAL_ACID_OUTPUT_MMOL_H",
    "STIMULATED_ACID_OUTPUT_MMOL_H",
    "GASTRIC_MUCOSAL_BLOOD_FLOW_ML_MIN",
    "POSTPRANDIAL_BASE_EXCESS_MMOL_L",
    "gastric_venous_blood",
]

BASAL_ACID_OUTPUT_MMOL_H = CitedConstant(
    5.2, "mmol H+/h", None, "feldman1983gastric",
    "Basal gastric acid output of healthy people: basal bicarbonate secretion (2.6 mmol/h) was about "
    "50 % of basal H+ secretion in 14 healthy subjects, so about 5.2 mmol/h.", basis="derived")
STIMULATED_ACID_OUTPUT_MMOL_H = CitedConstant(
    20.2, "mmol H+/h", None, "feldman1983gastric",
    "Gastric H+ secretion of healthy subjects during an intravenous pentagastrin infusion; taken "
    "as the output after a meal.", basis="measured")
#: Blood flow through the acid-secreting mucosa, by acid-secretion state: modelling assumptions.
GASTRIC_MUCOSAL_BLOOD_FLOW_ML_MIN = {
    "fasting": CitedConstant(
        100.0, "mL blood/min", 37.0, "feldman1983gastric",
        "ASSUMED, not measured: blood flow through the acid-secreting mucosa of a fasting adult.  "
        "No human measurement was used; set as an order of magnitude (a few per cent of the "
        "splanchnic flow) so that the mass balance can be written at all.", basis="set"),
    "after_meal": CitedConstant(
        200.0, "mL blood/min", 37.0, "feldman1983gastric",
        "ASSUMED, not measured: mucosal blood flow during secretion, set to twice the fasting value "
        "so that the mass balance follows the rise of mucosal flow with acid secretion.", basis="set"),
}
POSTPRANDIAL_BASE_EXCESS_MMOL_L = CitedConstant(
    1.05, "mmol/L", 37.0, "niv1995alkaline",
    "Rise of the base excess of arterialised venous blood 45 min after a test meal (19 patients "
    "with duodenal ulcer, ± 0.14 SE): the systemic alkaline tide.", basis="measured",
    uncertainty=0.14)

# ------------------------------------------------------------------ stomach

@accepts(acid_output_mmol_h=_ACID, mucosal_blood_flow_ml_min=_FLOW, base_excess_mmol_l=_BE)
def gastric_venous_blood(acid_output_mmol_h: float, mucosal_blood_flow_ml_min: float, *,
                         base_excess_mmol_l: float = 0.0) -> BloodGas:
    """Blood leaving the acid-secreting mucosa: the alkaline tide as a mass balance.

    For every H⁺ that the parietal cells pump into the lumen, one HCO₃⁻
    (from CO₂ and water, by carbonic anhydrase) leaves them across the
    basolateral membrane in exchange for Cl⁻.  The blood thus loses acid
    without changing its total CO₂, so its base excess rises by

    .. math:: \\Delta\\mathrm{BE} = \\frac{J_{\\mathrm{H^+}}}{\\dot Q_{\\mathrm{mucosa}}}

    on top of the ordinary arterio-venous change of a working tissue, taken
    to be that of mixed venous blood (PCO₂ 45, PO₂ 40 mmHg).  The new PCO₂
    is the one at which the blood, with the higher base excess, holds the
    same CO₂ content (:func:`~calcify_lib.tissue.blood_co2_content_ml_dl`); pH follows from
    :func:`~calcify_lib.tissue.blood_ph` and bicarbonate from Henderson–Hasselbalch.

    Parameters
    ----------
    acid_output_mmol_h : float
        H⁺ secreted, 0-100 mmol/h: basal about 5.2, stimulated 20.2
        (:data:`~calcify_lib.tissue.stomach.BASAL_ACID_OUTPUT_MMOL_H`,
        :data:`~calcify_lib.tissue.stomach.STIMULATED_ACID_OUTPUT_MMOL_H`,
        :cite:`feldman1983gastric`).
    mucosal_blood_flow_ml_min : float
        Blood flow through the secreting mucosa, greater than 0 and at most 5000 mL/min.  **A
        modelling assumption**: the chapter uses 100 mL/min fasting and 200 mL/min after a meal
        (:data:`~calcify_lib.tissue.stomach.GASTRIC_MUCOSAL_BLOOD_FLOW_ML_MIN`); no human value
        was used.
    base_excess_mmol_l : float
        Base excess of the arterial blood that enters, −30 to 30 mmol/L.

    Returns
    -------
    BloodGas

    Notes
    -----
    The venous blood is well mixed: it is the *average* of the mucosa.
    Next to a secreting gland the interstitium may be far more alkaline;
    no one has measured it (no interstitial pH of the gastric lamina propria
    during the alkaline tide was found).  The gland's own CO₂ production is
    folded into the assumed mixed-venous starting point.

    Examples
    --------
    >>> round(gastric_venous_blood(0.0, 100.0).ph, 2)
    7.38
    >>> gastric_venous_blood(20.2, 200.0).ph > gastric_venous_blood(5.2, 100.0).ph
    True
    """
    start = mixed_venous_blood(base_excess_mmol_l=base_excess_mmol_l)
    added = acid_output_mmol_h / 60.0 / (mucosal_blood_flow_ml_min / 1000.0)
    new_be = base_excess_mmol_l + added
    so2 = start.o2_saturation

    def same_content(pco2: float) -> float:
        ph = blood_ph(pco2, base_excess_mmol_l=min(new_be, 30.0), o2_saturation=so2)
        return blood_co2_content_ml_dl(pco2, min(max(ph, 6.0), 8.5), so2) - start.co2_content_ml_dl

    pco2 = _brent(same_content, 10.0, start.pco2_mmhg + 1e-9)
    ph = blood_ph(pco2, base_excess_mmol_l=min(new_be, 30.0), o2_saturation=so2)
    return BloodGas(ph, pco2, None, so2, new_be, _hco3(ph, pco2), start.co2_content_ml_dl,
                    start.o2_content_ml_dl)


