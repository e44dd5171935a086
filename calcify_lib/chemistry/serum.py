"""Serum in clinical units: a normal adult's composition, and the albumin correction of total calcium.

:data:`~calcify_lib.chemistry.serum.NORMAL_SERUM` is the background every chapter means by "serum";
:func:`~calcify_lib.chemistry.speciate_serum` speciates a serum given as the laboratory reports
it (total calcium and inorganic phosphate in mg/dL).
:func:`~calcify_lib.chemistry.albumin_corrected_calcium_mg_dl` is the laboratories' empirical
correction of total calcium for albumin, which the speciation replaces with
chemistry.
"""

from __future__ import annotations

import numpy as np

from .._validation import Range, accepts
from ..cited import CitedConstant
from ._ranges import _ALBUMIN_G_L, _CITRATE_MMOL_L, _CONCENTRATION_MMOL_L, _PH, _TEMPERATURE_C
from .speciation import Speciation, speciate_grid

__all__ = [
    "NORMAL_SERUM", "speciate_serum", "PAYNE_1973_COEFFICIENT_MG_DL_PER_G_DL",
    "COMMON_CORRECTION_COEFFICIENT_MG_DL_PER_G_DL", "REFERENCE_ALBUMIN_G_DL",
    "albumin_corrected_calcium_mg_dl",
]

# ------------------------------------------------------------------ serum

#: The background composition of a normal adult serum, used wherever a chapter
#: needs "serum" rather than a beaker: pH, albumin, magnesium, sodium.
NORMAL_SERUM: dict[str, CitedConstant] = {
    "ph": CitedConstant(7.40, "(pH units)", 37.0, "kratz2004laboratory",
                        "Middle of the arterial reference range 7.35-7.45.", basis="convention"),
    "albumin_g_l": CitedConstant(40.0, "g/L", None, "kratz2004laboratory",
                                 "Middle of the adult reference range 35-50 g/L (3.5-5.0 g/dL).",
                                 basis="convention"),
    "mg_mmol_l": CitedConstant(0.85, "mmol/L", None, "kratz2004laboratory",
                               "Total serum magnesium, middle of the adult reference range (0.7-1.0 mmol/L); "
                               "its protein binding is not modelled.", basis="convention"),
    "na_mmol_l": CitedConstant(140.0, "mmol/L", None, "kratz2004laboratory",
                               "Serum sodium, middle of the adult reference range 135-145 mmol/L.",
                               basis="convention"),
    "citrate_mmol_l": CitedConstant(0.116, "mmol/L", None, "garcia2021citrate",
                                    "Serum citrate, middle of the reference interval of healthy adults "
                                    "(1.48-2.97 mg/dL, n = 553; citric acid 192.1 g/mol).",
                                    basis="convention"),
    "bicarbonate_mmol_l": CitedConstant(24.0, "mmol/L", None, "kratz2004laboratory",
                                        "Plasma bicarbonate, middle of the usual adult range 22-26 mmol/L; "
                                        "taken as HCO3- + CO3-2 + their calcium complexes.",
                                        basis="convention"),
}


@accepts(total_ca_mg_dl=Range(0.0, 30.0, "mg/dL"), phosphate_mg_dl=Range(0.0, 30.0, "mg/dL"), ph=_PH,
         albumin_g_l=_ALBUMIN_G_L, citrate_mmol_l=_CITRATE_MMOL_L,
         bicarbonate_mmol_l=_CONCENTRATION_MMOL_L, temperature_c=_TEMPERATURE_C)
def speciate_serum(
    total_ca_mg_dl: float | np.ndarray,
    phosphate_mg_dl: float | np.ndarray,
    *,
    ph: float | np.ndarray = NORMAL_SERUM["ph"].value,
    albumin_g_l: float | np.ndarray = NORMAL_SERUM["albumin_g_l"].value,
    citrate_mmol_l: float | np.ndarray = NORMAL_SERUM["citrate_mmol_l"].value,
    bicarbonate_mmol_l: float | np.ndarray = NORMAL_SERUM["bicarbonate_mmol_l"].value,
    temperature_c: float = 37.0,
) -> Speciation:
    """Speciate a serum given in clinical units: total calcium and inorganic phosphate in mg/dL.

    Converts with :mod:`calcify_lib.units` and calls
    :func:`~calcify_lib.chemistry.speciate_grid` with the rest of
    :data:`~calcify_lib.chemistry.serum.NORMAL_SERUM` (magnesium, sodium, citrate and
    bicarbonate; chloride balances the charge).  Accepts scalars or arrays; a scalar input still
    gives array fields of shape ``()``, so convert with ``float()``.  ``phosphate_mg_dl`` is the
    laboratory's "phosphate" (inorganic phosphate, as phosphorus), not total plasma phosphorus.

    Notes
    -----
    Normal serum (9.42 mg/dL calcium, 3.72 mg/dL phosphate, pH 7.4, albumin
    40 g/L) comes out with calcium 48.5 % ionized (1.14 mmol/L), 40.1 %
    protein-bound, 8.7 % complexed with citrate and bicarbonate and 2.7 % in
    phosphate ion pairs, against the classic partition of about 50 / 40 / 10
    (:cite:`mamedova2024calcium`).  Its inorganic phosphate is 83.5 % free,
    5.3 % in calcium pairs, 5.3 % MgHPO₄⁰ and 5.9 % NaHPO₄⁻, with none bound to
    protein; ultrafiltration studies (Walser, 1961) find about half free, a
    third complexed and 10-15 % protein-bound.  The model has no
    protein-bound phosphate (no cited constant), so its free phosphate, and
    the SI of every phase, are probably too high (see :mod:`calcify_lib.chemistry`).

    Examples
    --------
    >>> s = speciate_serum(9.42, 3.72)
    >>> round(float(s.free_ca_mmol_l), 2), round(float(s.saturation_index("hydroxyapatite")), 1)
    (1.14, 10.0)
    """
    from ..units import ca_mg_dl_to_mmol_l, phosphate_mg_dl_to_mmol_l

    return speciate_grid(
        ca_mg_dl_to_mmol_l(total_ca_mg_dl), phosphate_mg_dl_to_mmol_l(phosphate_mg_dl), ph,
        temperature_c=temperature_c, na_mmol_l=NORMAL_SERUM["na_mmol_l"].value,
        mg_mmol_l=NORMAL_SERUM["mg_mmol_l"].value, albumin_g_l=albumin_g_l,
        citrate_mmol_l=citrate_mmol_l, bicarbonate_mmol_l=bicarbonate_mmol_l,
    )


# --------------------------------------------------------- corrected calcium

PAYNE_1973_COEFFICIENT_MG_DL_PER_G_DL = CitedConstant(
    1.0, "(mg/dL of calcium) per (g/dL of albumin)", None, "payne1973interpretation",
    "Payne's original formula: adjusted Ca = Ca - albumin + 4.0 (mg/dL, g/dL), from the "
    "regression of calcium on albumin in 200 sera (r = 0.867).",
    basis="measured",
)
COMMON_CORRECTION_COEFFICIENT_MG_DL_PER_G_DL = CitedConstant(
    0.8, "(mg/dL of calcium) per (g/dL of albumin)", None, "lian2018albumin",
    "The variant used by most laboratories, Ca + 0.8 (4.0 - albumin); 0.02 mmol/L per g/L in SI units.",
    basis="guideline",
)
REFERENCE_ALBUMIN_G_DL = CitedConstant(
    4.0, "g/dL", None, "payne1973interpretation",
    "The albumin concentration at which corrected and measured calcium coincide.",
    basis="convention",
)


@accepts(total_ca_mg_dl=Range(0.0, 30.0, "mg/dL"), albumin_g_dl=Range(0.0, 10.0, "g/dL"),
         coefficient_mg_dl_per_g_dl=Range(0.0, 2.0, "mg/dL per g/dL", kind="number"))
def albumin_corrected_calcium_mg_dl(
    total_ca_mg_dl: float | np.ndarray,
    albumin_g_dl: float | np.ndarray,
    *,
    coefficient_mg_dl_per_g_dl: float = COMMON_CORRECTION_COEFFICIENT_MG_DL_PER_G_DL.value,
) -> float | np.ndarray:
    """Albumin-corrected ("adjusted") total calcium, in mg/dL.

    .. math::

        \\mathrm{Ca_{corr}} = \\mathrm{Ca} + k\\,(4.0 - \\mathrm{albumin})

    Payne's original coefficient is k = 1.0 (:cite:`payne1973interpretation`,
    :data:`~calcify_lib.chemistry.serum.PAYNE_1973_COEFFICIENT_MG_DL_PER_G_DL`); most
    laboratories use the variant k = 0.8 (the default,
    :data:`~calcify_lib.chemistry.serum.COMMON_CORRECTION_COEFFICIENT_MG_DL_PER_G_DL`).

    Parameters
    ----------
    total_ca_mg_dl : float or array
        Measured total calcium, 0-30 mg/dL.
    albumin_g_dl : float or array
        Serum albumin, 0-10 g/dL.
    coefficient_mg_dl_per_g_dl : float
        k, 0-2 mg/dL per g/dL.

    Notes
    -----
    An empirical regression, not chemistry: it assumes a fixed amount of
    calcium per gram of albumin.  It performs poorly in kidney disease and in
    critical illness, where measuring ionized calcium is better
    (:cite:`lian2018albumin`).  :func:`~calcify_lib.chemistry.speciate` with ``albumin_g_l``
    computes the binding instead.

    Examples
    --------
    >>> round(albumin_corrected_calcium_mg_dl(8.0, 2.5), 2)
    9.2
    >>> round(albumin_corrected_calcium_mg_dl(8.0, 2.5, coefficient_mg_dl_per_g_dl=1.0), 2)
    9.5
    """
    ca, albumin, k = total_ca_mg_dl, albumin_g_dl, coefficient_mg_dl_per_g_dl
    return ca + k * (REFERENCE_ALBUMIN_G_DL.value - albumin)
