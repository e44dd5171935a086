"""The simple picture of precipitation: the ionic product Q against Ksp.

A salt stays dissolved while the product of its ions' concentrations, the
*ionic product* Q, is below its *solubility product* Ksp, and may
precipitate once Q exceeds it.  The ratio

.. math::

    S = \\frac{Q}{K_{sp}}

is the *saturation ratio*: below 1 the solution is undersaturated, above 1
supersaturated.  Supersaturation says that precipitation is
thermodynamically favoured (the free energy of forming solid is
:math:`\\Delta G = -RT \\ln S < 0` per formula unit); it says nothing about
how fast, or whether, crystals actually appear.

The clinic's version of Q is the calcium × phosphate product, the product
of *total* serum calcium and *total* serum phosphate
(:func:`ca_x_p_mg2_dl2`).  Its "Ksp" is an empirical threshold, not a
thermodynamic constant (:data:`CA_X_P_THRESHOLDS`).

Assumptions and limits
----------------------
* Total concentrations stand in for the free ions.  In serum about half of
  calcium is bound to protein or complexed, and at pH 7.4 only about one
  phosphate in 10⁵ is the PO₄³⁻ ion that the textbook formula names
  (:func:`calcify_lib.chemistry.phosphate_fractions`).
* The product is taken as 1:1, which is the stoichiometry of no
  calcium phosphate that forms in tissue (hydroxyapatite is
  Ca₅(PO₄)₃OH).
* pH, ionic strength, temperature and inhibitors are ignored.

These are deliberate: the simple picture is a teaching device and a
clinical rule of thumb.  The saturation index of :mod:`calcify_lib.chemistry`
is the measure chemists use.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import Range, accepts
from .cited import CitedConstant
from .units import (
    CA_MG_DL_RANGE,
    CA_MMOL_L_RANGE,
    PHOSPHATE_MG_DL_RANGE,
    PHOSPHATE_MMOL_L_RANGE,
    ca_mg_dl_to_mmol_l,
    ca_x_p_mg2_dl2_to_mmol2_l2,
    phosphate_mg_dl_to_mmol_l,
)

__all__ = [
    "KDOQI_2003_CA_X_P_LIMIT_MG2_DL2",
    "CLASSIC_CA_X_P_THRESHOLD_MG2_DL2",
    "BLOCK_1998_CA_X_P_RISK_MG2_DL2",
    "CA_X_P_THRESHOLDS",
    "DISSOLVED",
    "SATURATED",
    "SUPERSATURATED",
    "ionic_product",
    "ca_x_p_mg2_dl2",
    "saturation_ratio",
    "verdict",
    "Assessment",
    "assess",
    "threshold_verdict", "BELOW_THRESHOLD", "AT_THRESHOLD", "ABOVE_THRESHOLD",
]

KDOQI_2003_CA_X_P_LIMIT_MG2_DL2 = CitedConstant(
    value=55.0,
    unit="mg²/dL²",
    temperature_c=None,
    citation="kdoqi2003bone",
    note=(
        "KDOQI 2003 guideline 6.5: in CKD stages 3-5 keep the serum calcium-phosphorus "
        "product below 55 mg²/dL² (4.43 mmol²/L²)."
    ),
    basis="guideline",
)
CLASSIC_CA_X_P_THRESHOLD_MG2_DL2 = CitedConstant(
    value=70.0,
    unit="mg²/dL²",
    temperature_c=None,
    citation="hawley2006calcium",
    note=(
        "The classic teaching figure: since the early 1970s the consensus has been that "
        "Ca×P should not exceed about 70 mg²/dL² (5.6 mmol²/L²) if extraskeletal "
        "calcification is to be avoided.  A clinical rule of thumb with no single "
        "originating experiment, not a measured solubility product."
    ),
    basis="guideline",
)
BLOCK_1998_CA_X_P_RISK_MG2_DL2 = CitedConstant(
    value=72.0,
    unit="mg²/dL²",
    temperature_c=None,
    citation="block1998association",
    note=(
        "In a national sample of US haemodialysis patients, a Ca×P product above "
        "72 mg²/dL² was associated with a relative risk of death of 1.34."
    ),
    basis="measured",
)

#: The thresholds the book uses, by short name.  Each value is in mg²/dL².
CA_X_P_THRESHOLDS: dict[str, CitedConstant] = {
    "kdoqi_2003": KDOQI_2003_CA_X_P_LIMIT_MG2_DL2,
    "classic_70": CLASSIC_CA_X_P_THRESHOLD_MG2_DL2,
    "block_1998": BLOCK_1998_CA_X_P_RISK_MG2_DL2,
}

DISSOLVED = "stays dissolved"
SATURATED = "at saturation: solid and solution are in balance"
SUPERSATURATED = "supersaturated: precipitation is favoured"

#: Verdicts against a clinical Ca × P threshold, which is not a solubility product:
#: the same serum can be below the threshold and supersaturated for hydroxyapatite.
BELOW_THRESHOLD = "below the clinical threshold"
AT_THRESHOLD = "at the clinical threshold"
ABOVE_THRESHOLD = "above the clinical threshold: calcification risk in the simple picture"

_PRODUCT_MMOL2_L2_RANGE = (0.0, CA_MMOL_L_RANGE[1] * PHOSPHATE_MMOL_L_RANGE[1])
_PRODUCT_MG2_DL2_RANGE = (0.0, CA_MG_DL_RANGE[1] * PHOSPHATE_MG_DL_RANGE[1])

_CA_MMOL_L = Range(*CA_MMOL_L_RANGE, "mmol/L")
_PHOSPHATE_MMOL_L = Range(*PHOSPHATE_MMOL_L_RANGE, "mmol/L")
_CA_MG_DL = Range(*CA_MG_DL_RANGE, "mg/dL")
_PHOSPHATE_MG_DL = Range(*PHOSPHATE_MG_DL_RANGE, "mg/dL")


@accepts(ca_mmol_l=_CA_MMOL_L, phosphate_mmol_l=_PHOSPHATE_MMOL_L)
def ionic_product(ca_mmol_l: float | np.ndarray, phosphate_mmol_l: float | np.ndarray) -> float | np.ndarray:
    """The source's ionic product, Q = [Ca][P], in mmol²/L².

    .. math:: Q = [\\mathrm{Ca}]\\,[\\mathrm{P}]

    Parameters
    ----------
    ca_mmol_l : float or array
        Calcium concentration, 0-7.5 mmol/L.
    phosphate_mmol_l : float or array
        Phosphate concentration (as phosphorus), 0-10 mmol/L.

    Returns
    -------
    float or ndarray
        Q in mmol²/L².

    Notes
    -----
    With total concentrations this is the clinical Ca×P product in SI units.
    See the module docstring for what the 1:1 product leaves out.
    """
    return ca_mmol_l * phosphate_mmol_l


@accepts(ca_mg_dl=_CA_MG_DL, phosphate_mg_dl=_PHOSPHATE_MG_DL)
def ca_x_p_mg2_dl2(ca_mg_dl: float | np.ndarray, phosphate_mg_dl: float | np.ndarray) -> float | np.ndarray:
    """The clinical calcium × phosphate product in mg²/dL².

    .. math:: \\mathrm{Ca \\times P} = \\mathrm{Ca}\\,[\\mathrm{mg/dL}] \\times \\mathrm{P}\\,[\\mathrm{mg/dL}]

    Compared in practice with :data:`KDOQI_2003_CA_X_P_LIMIT_MG2_DL2`
    (55 mg²/dL², :cite:`kdoqi2003bone`) and the older
    :data:`CLASSIC_CA_X_P_THRESHOLD_MG2_DL2` (70 mg²/dL², :cite:`hawley2006calcium`).
    """
    return ca_mg_dl * phosphate_mg_dl


@accepts(q=Range(0.0, 1e300, "(unit of ksp)"), ksp=Range(1e-300, 1e300, "(unit of q)", kind="number"))
def saturation_ratio(q: float | np.ndarray, ksp: float) -> float | np.ndarray:
    """The saturation ratio S = Q / Ksp.

    Parameters
    ----------
    q : float or array
        The ionic product, ≥ 0, in the same unit as ``ksp``.
    ksp : float
        The solubility product (or, in the simple clinical picture, the
        threshold that stands in for it); must be positive.

    Returns
    -------
    float or ndarray
        S, dimensionless.  S < 1: undersaturated; S > 1: supersaturated.
    """
    return q / ksp


@accepts(ratio=Range(0.0, 1e300, "(dimensionless)", kind="number"))
def verdict(ratio: float) -> str:
    """The verdict of the simple picture for a saturation ratio.

    Returns :data:`DISSOLVED` for S < 1, :data:`SATURATED` for S = 1 and
    :data:`SUPERSATURATED` for S > 1.
    """
    if ratio < 1.0:
        return DISSOLVED
    if ratio == 1.0:
        return SATURATED
    return SUPERSATURATED


@accepts(ratio=Range(0.0, 1e300, "(dimensionless)", kind="number"))
def threshold_verdict(ratio: float) -> str:
    """The verdict of the simple picture when a clinical Ca × P threshold plays Ksp.

    Returns :data:`BELOW_THRESHOLD` for ratio < 1, :data:`AT_THRESHOLD` at 1 and
    :data:`ABOVE_THRESHOLD` above.  The words speak of a threshold, not of
    saturation: a clinical threshold is read from patients, and serum below it
    is still supersaturated for hydroxyapatite (:mod:`calcify_lib.chemistry`).
    """
    if ratio < 1.0:
        return BELOW_THRESHOLD
    if ratio == 1.0:
        return AT_THRESHOLD
    return ABOVE_THRESHOLD


@dataclass(frozen=True)
class Assessment:
    """The simple picture for one pair of lab values.

    All attributes carry their unit in their name; ``ratio`` is Q/Ksp with
    the threshold in ``threshold_mg2_dl2`` standing in for Ksp.
    """

    ca_mg_dl: float
    phosphate_mg_dl: float
    ca_mmol_l: float
    phosphate_mmol_l: float
    q_mg2_dl2: float
    q_mmol2_l2: float
    threshold_mg2_dl2: float
    threshold_mmol2_l2: float
    ratio: float
    verdict: str

    @property
    def supersaturated(self) -> bool:
        """True when Q exceeds the threshold."""
        return self.ratio > 1.0


@accepts(ca_mg_dl=Range(*CA_MG_DL_RANGE, "mg/dL", kind="number"),
         phosphate_mg_dl=Range(*PHOSPHATE_MG_DL_RANGE, "mg/dL", kind="number"))
def assess(ca_mg_dl: float, phosphate_mg_dl: float, *, threshold: str = "classic_70") -> Assessment:
    """Place one patient's calcium and phosphate in the simple picture.

    Parameters
    ----------
    ca_mg_dl : float
        Total serum calcium, 0-30 mg/dL.
    phosphate_mg_dl : float
        Serum phosphate as phosphorus, 0-30 mg/dL.
    threshold : str
        Which clinical threshold plays Ksp: a key of :data:`CA_X_P_THRESHOLDS`.

    Returns
    -------
    Assessment
        Both concentrations in both unit systems, Q, Q/Ksp and the verdict.

    Examples
    --------
    >>> a = assess(9.4, 3.7)
    >>> round(a.q_mg2_dl2, 2), round(a.ratio, 3), a.verdict
    (34.78, 0.497, 'below the clinical threshold')
    """
    if not isinstance(threshold, str) or threshold not in CA_X_P_THRESHOLDS:
        raise ValueError(
            f"threshold must be one of {sorted(CA_X_P_THRESHOLDS)}; got {threshold!r}"
        )
    ca, p = ca_mg_dl, phosphate_mg_dl
    limit = CA_X_P_THRESHOLDS[threshold].value
    q = ca_x_p_mg2_dl2(ca, p)
    ratio = saturation_ratio(q, limit)
    return Assessment(
        ca_mg_dl=ca,
        phosphate_mg_dl=p,
        ca_mmol_l=ca_mg_dl_to_mmol_l(ca),
        phosphate_mmol_l=phosphate_mg_dl_to_mmol_l(p),
        q_mg2_dl2=q,
        q_mmol2_l2=ca_x_p_mg2_dl2_to_mmol2_l2(q),
        threshold_mg2_dl2=limit,
        threshold_mmol2_l2=ca_x_p_mg2_dl2_to_mmol2_l2(limit),
        ratio=ratio,
        verdict=threshold_verdict(ratio),
    )
