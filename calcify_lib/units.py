"""Converting calcium and phosphate between clinical and SI units.

Laboratories in the United States report serum calcium and phosphate in
mg/dL; most of the world and all of chemistry use mmol/L.  Phosphate is
reported *as elemental phosphorus*: "phosphate 3.7 mg/dL" means 3.7 mg of
phosphorus atoms per decilitre, whatever the protonation of the phosphate
ions that carry them.  The conversions are therefore

.. math::

    c\\,[\\mathrm{mmol/L}] = \\frac{10\\,\\mathrm{dL/L} \\times c\\,[\\mathrm{mg/dL}]}{M\\,[\\mathrm{g/mol}]}

with :math:`M` the standard atomic weight of calcium or of phosphorus
(IUPAC 2021, :cite:`prohaska2022atomic`).  Every function accepts a number
or an array (for figures) and refuses values outside the range a serum
sample can have, with a message that states the range.

Accepted ranges
---------------
Calcium 0–30 mg/dL (0–7.5 mmol/L) and phosphate 0–30 mg/dL (0–10 mmol/L).
The upper bounds are about 50 % above the highest values reported in
living patients, so a real laboratory value always passes and a typing
slip (1000 mg/dL) does not.
"""

from __future__ import annotations

import numpy as np

from ._validation import Range, accepts
from .cited import CitedConstant

__all__ = [
    "CALCIUM_MOLAR_MASS_G_MOL",
    "PHOSPHORUS_MOLAR_MASS_G_MOL",
    "CA_MG_DL_RANGE",
    "CA_MMOL_L_RANGE",
    "PHOSPHATE_MG_DL_RANGE",
    "PHOSPHATE_MMOL_L_RANGE",
    "ca_mg_dl_to_mmol_l",
    "ca_mmol_l_to_mg_dl",
    "phosphate_mg_dl_to_mmol_l",
    "phosphate_mmol_l_to_mg_dl",
    "ca_x_p_mg2_dl2_to_mmol2_l2",
    "ca_x_p_mmol2_l2_to_mg2_dl2",
]

CALCIUM_MOLAR_MASS_G_MOL = CitedConstant(
    value=40.078,
    unit="g/mol",
    temperature_c=None,
    citation="prohaska2022atomic",
    note="Standard atomic weight of calcium, Ar(Ca) = 40.078(4).",
    basis="measured", uncertainty=0.004,
)
PHOSPHORUS_MOLAR_MASS_G_MOL = CitedConstant(
    value=30.973762,
    unit="g/mol",
    temperature_c=None,
    citation="prohaska2022atomic",
    note="Standard atomic weight of phosphorus, Ar(P) = 30.973 761 998(5), rounded.",
    basis="measured", uncertainty=5e-9,
)

_DL_PER_L = 10.0

#: Accepted ranges as (low, high).  See the module docstring for the reasoning.
CA_MG_DL_RANGE = (0.0, 30.0)
CA_MMOL_L_RANGE = (0.0, 7.5)
PHOSPHATE_MG_DL_RANGE = (0.0, 30.0)
PHOSPHATE_MMOL_L_RANGE = (0.0, 10.0)
_CA_X_P_MG2_DL2_RANGE = (0.0, CA_MG_DL_RANGE[1] * PHOSPHATE_MG_DL_RANGE[1])
_CA_X_P_MMOL2_L2_RANGE = (0.0, CA_MMOL_L_RANGE[1] * PHOSPHATE_MMOL_L_RANGE[1])

_CA_MG_DL = Range(*CA_MG_DL_RANGE, "mg/dL")
_CA_MMOL_L = Range(*CA_MMOL_L_RANGE, "mmol/L")
_PHOSPHATE_MG_DL = Range(*PHOSPHATE_MG_DL_RANGE, "mg/dL")
_PHOSPHATE_MMOL_L = Range(*PHOSPHATE_MMOL_L_RANGE, "mmol/L")

_CA_FACTOR = _DL_PER_L / CALCIUM_MOLAR_MASS_G_MOL.value  # (mmol/L) per (mg/dL)
_P_FACTOR = _DL_PER_L / PHOSPHORUS_MOLAR_MASS_G_MOL.value


@accepts(ca_mg_dl=_CA_MG_DL)
def ca_mg_dl_to_mmol_l(ca_mg_dl: float | np.ndarray) -> float | np.ndarray:
    """Total calcium from mg/dL to mmol/L.

    ``ca_mmol_l = 10 * ca_mg_dl / 40.078`` (about ``0.2495 * ca_mg_dl``);
    atomic weight from :cite:`prohaska2022atomic`.

    Examples
    --------
    >>> round(ca_mg_dl_to_mmol_l(10.0), 4)
    2.4951
    """
    return ca_mg_dl * _CA_FACTOR


@accepts(ca_mmol_l=_CA_MMOL_L)
def ca_mmol_l_to_mg_dl(ca_mmol_l: float | np.ndarray) -> float | np.ndarray:
    """Total calcium from mmol/L to mg/dL: ``ca_mg_dl = ca_mmol_l * 40.078 / 10``."""
    return ca_mmol_l / _CA_FACTOR


@accepts(phosphate_mg_dl=_PHOSPHATE_MG_DL)
def phosphate_mg_dl_to_mmol_l(phosphate_mg_dl: float | np.ndarray) -> float | np.ndarray:
    """Phosphate (reported as phosphorus) from mg/dL to mmol/L.

    ``phosphate_mmol_l = 10 * phosphate_mg_dl / 30.974`` (about
    ``0.3229 * phosphate_mg_dl``).

    Examples
    --------
    >>> round(phosphate_mg_dl_to_mmol_l(3.1), 4)
    1.0008
    """
    return phosphate_mg_dl * _P_FACTOR


@accepts(phosphate_mmol_l=_PHOSPHATE_MMOL_L)
def phosphate_mmol_l_to_mg_dl(phosphate_mmol_l: float | np.ndarray) -> float | np.ndarray:
    """Phosphate from mmol/L to mg/dL (as phosphorus): ``× 30.974 / 10``."""
    return phosphate_mmol_l / _P_FACTOR


@accepts(ca_x_p_mg2_dl2=Range(*_CA_X_P_MG2_DL2_RANGE, "mg²/dL²"))
def ca_x_p_mg2_dl2_to_mmol2_l2(ca_x_p_mg2_dl2: float | np.ndarray) -> float | np.ndarray:
    """The calcium × phosphate product from mg²/dL² to mmol²/L².

    The factor is the product of the two single-ion factors,
    ``(10/40.078) * (10/30.974) = 0.08056``: 55 mg²/dL² is 4.43 mmol²/L².
    """
    return ca_x_p_mg2_dl2 * _CA_FACTOR * _P_FACTOR


@accepts(ca_x_p_mmol2_l2=Range(*_CA_X_P_MMOL2_L2_RANGE, "mmol²/L²"))
def ca_x_p_mmol2_l2_to_mg2_dl2(ca_x_p_mmol2_l2: float | np.ndarray) -> float | np.ndarray:
    """The calcium × phosphate product from mmol²/L² to mg²/dL² (divide by 0.08056)."""
    return ca_x_p_mmol2_l2 / (_CA_FACTOR * _P_FACTOR)
