"""Calcification propensity of serum: a model of the T50 test.

Serum is supersaturated for hydroxyapatite, yet it stays liquid.  The T50
test of Pasch and colleagues (:cite:`pasch2012nanoparticle`) turns that
defence into a number.  Serum is mixed with calcium and phosphate solutions
so that it is made supersaturated on purpose; amorphous *primary
calciprotein particles* (CPPs, mineral held in a coat of fetuin-A and other
proteins) form at once; after a delay they ripen into larger, crystalline
*secondary* CPPs, which scatter more light.  A nephelometer follows the
scatter at 37 °C, and T50 is the time at which the signal has risen half way
from the primary to the secondary plateau.  A serum that holds its mineral
amorphous for longer has a longer T50 and a lower calcification propensity.

The model
---------
The assay well holds serum diluted by half (:data:`ASSAY_SERUM_FRACTION`)
with calcium and phosphate added (:data:`ASSAY_ADDED_CA_MMOL_L`,
:data:`ASSAY_ADDED_PHOSPHATE_MMOL_L`).  :func:`assay_speciation` speciates
that mixture with :func:`calcify_lib.chemistry.speciate` (albumin, magnesium,
citrate and bicarbonate of the serum, diluted, at 37 °C), which gives the
saturation index SI of hydroxyapatite in the well.  Four things set T50:

.. math::

    T_{50} = T_{50}^{\\mathrm{healthy}}\\;
    10^{-(\\mathrm{SI} - \\mathrm{SI_h})}\\;
    \\frac{1 - s_F + s_F\\,F/F_h}{1}\\;
    \\frac{1 + [\\mathrm{Mg}]_w/K_{Mg}}{1 + [\\mathrm{Mg}]_{w,h}/K_{Mg}}\\;
    \\frac{1 + [\\mathrm{PP_i}]_w/K_{PP}}{1 + [\\mathrm{PP_i}]_{w,h}/K_{PP}}

* **Supersaturation** (the ions): the ripening rate is taken proportional to
  the hydroxyapatite supersaturation ratio IAP/Ksp of the well (order one,
  :data:`SUPERSATURATION_ORDER`), so T50 falls tenfold per unit of SI.
  Phosphate, ionized calcium and pH raise SI; magnesium (MgHPO₄⁰) and
  albumin (calcium binding) lower it, as :mod:`calcify_lib.chemistry`
  computes.
* **Fetuin-A** (F) stabilises the primary particles: T50 grows linearly with
  it, and a serum without fetuin-A keeps half of the healthy delay
  (:data:`FETUIN_A_SHARE`, :cite:`schafer2003fetuin`).
* **Magnesium** also slows the ripening itself (it enters the amorphous
  mineral and delays its crystallisation), a saturable factor with
  :data:`MAGNESIUM_HALF_EFFECT_MMOL_L` fitted to the dialysate-magnesium trial
  of :cite:`bressendorff2018magnesium`.
* **Pyrophosphate** poisons the growing crystal faces
  (:cite:`fleisch1962pyrophosphate`): a saturable factor with
  :data:`PYROPHOSPHATE_HALF_EFFECT_UMOL_L` fitted so that a haemodialysis
  serum gives the mean T50 of a haemodialysis cohort.

The subscript h marks the healthy adult of :data:`HEALTHY_SERUM` (the
defaults of :func:`t50_minutes`), *w* a concentration in the well.  The
fraction transformed follows the Johnson-Mehl-Avrami-Kolmogorov law

.. math::

    X(t) = 1 - \\exp\\!\\left[-\\ln 2\\,(t/T_{50})^{n}\\right],\\qquad n = 4,

sigmoidal in time, with X(T50) = 1/2 (:cite:`avrami1939kinetics`).

What is fixed and what is fitted
--------------------------------
Fixed from the literature: the assay's composition (Pasch 2012), the
healthy mean T50 (:data:`HEALTHY_T50_MINUTES`, PREVEND, n = 6231), the
share of fetuin-A (Schäfer 2003), the order in supersaturation (one) and
the Avrami exponent (four), and every chemical constant of
:mod:`calcify_lib.chemistry`.  Fitted, one target each: the magnesium
constant to Bressendorff's +73 min for a serum magnesium 0.45 mmol/L higher,
and the pyrophosphate constant to ISAR's haemodialysis mean of 246 min.
The CKD stage 3-4 serum is then a prediction, not a fit.

Assumptions and limits
----------------------
* A ratio model anchored on one population mean: it gives T50 relative to
  the healthy adult, not from first principles.  The shares and orders are
  simple choices, stated in each constant's note.
* The serum's own calcium and phosphate are diluted by the added ones
  (about 6 % of the well's calcium and 9 % of its phosphate), so the model
  puts the weight of phosphate in the steep dependence on supersaturation.
* Albumin acts only through calcium binding in the well; its share in
  coating the particles is not separated from it.  Other proteins (Gla-rich
  protein, matrix Gla protein), citrate beyond its calcium binding, and
  osteoclast activity (a determinant in :cite:`smith2014serum`) are not in
  the model.
* The assay's buffer sets the well's pH (:data:`ASSAY_PH`).  The sample's
  pH matters only through the ionized calcium it was measured at: given
  ``ionized_ca_mmol_l``, the serum's total calcium is found at that pH.
* Concentrations: serum values, refused outside the ranges of human serum
  declared by :func:`t50_minutes`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import chemistry
from ._validation import Range, accepts
from .cited import CitedConstant

__all__ = [
    "ASSAY_SERUM_FRACTION", "ASSAY_ADDED_CA_MMOL_L", "ASSAY_ADDED_PHOSPHATE_MMOL_L", "ASSAY_PH",
    "ASSAY_TEMPERATURE_C",
    "HEALTHY_T50_MINUTES", "DIALYSIS_T50_MINUTES", "FETUIN_A_SHARE", "SUPERSATURATION_ORDER",
    "AVRAMI_EXPONENT", "MAGNESIUM_HALF_EFFECT_MMOL_L", "PYROPHOSPHATE_HALF_EFFECT_UMOL_L",
    "BRESSENDORFF_T50_RISE_MINUTES", "BRESSENDORFF_SERUM_MG_RISE_MMOL_L", "NORMAL_TOTAL_CA_MMOL_L",
    "HEALTHY_SERUM", "CKD_3_4_SERUM", "DIALYSIS_SERUM", "SERA", "SERUM_LABELS",
    "AssayWell", "assay_speciation", "t50_minutes", "Transformation", "transformation",
    "serum_total_ca_mmol_l", "TrialResult", "TRIALS",
]

# ------------------------------------------------------------------ the assay

ASSAY_SERUM_FRACTION = CitedConstant(
    0.5, "1 (volume fraction of serum in the well)", 37.0, "pasch2012nanoparticle",
    "Serum makes up half of the well's volume; the rest is the calcium and phosphate solutions, "
    "buffered near pH 7.4 in 140 mmol/L NaCl. As recalled from the methods of Pasch 2012; the search "
    "tool reached only its abstract, so this is unverified.",
    basis="convention",
)
ASSAY_ADDED_CA_MMOL_L = CitedConstant(
    10.0, "mmol/L (final concentration in the well)", 37.0, "pasch2012nanoparticle",
    "Calcium added by the assay, as final concentration in the well (on top of the serum's own). "
    "The value usually quoted for the T50 test; Pasch 2012's methods were not reachable here, so unverified.",
    basis="convention",
)
ASSAY_ADDED_PHOSPHATE_MMOL_L = CitedConstant(
    6.0, "mmol/L (final concentration in the well)", 37.0, "pasch2012nanoparticle",
    "Phosphate added by the assay, as final concentration in the well (on top of the serum's own). "
    "The value usually quoted for the T50 test; Pasch 2012's methods were not reachable here, so unverified.",
    basis="convention",
)
ASSAY_PH = CitedConstant(
    7.40, "(pH units)", 37.0, "pasch2012nanoparticle",
    "The calcium and phosphate solutions are buffered (HEPES) at pH 7.40, which sets the well's pH "
    "whatever the sample's. As recalled from Pasch 2012's methods, not read here: unverified.",
    basis="convention",
)
ASSAY_TEMPERATURE_C = CitedConstant(
    37.0, "°C", None, "pasch2012nanoparticle",
    "The nephelometer holds the plate at body temperature.", basis="convention",
)
_ASSAY_NA_MMOL_L = 140.0  # sodium of serum and of the assay solutions alike (NORMAL_SERUM), not a new constant

# ------------------------------------------------------------------ published T50

HEALTHY_T50_MINUTES = CitedConstant(
    329.0, "min", 37.0, "eelderink2020serum",
    "Mean T50 of the general population, PREVEND (n = 6231), SD 58 min: the anchor of the model, "
    "the T50 of HEALTHY_SERUM.", basis="measured", uncertainty=58.0,
)
DIALYSIS_T50_MINUTES = CitedConstant(
    246.0, "min", 37.0, "lorenz2017worsening",
    "Mean baseline T50 of haemodialysis patients, ISAR (n = 188), SD 64 min; it fell to 190 ± 68 min "
    "over 24 months. The target of PYROPHOSPHATE_HALF_EFFECT_UMOL_L.", basis="measured", uncertainty=64.0,
)
BRESSENDORFF_T50_RISE_MINUTES = CitedConstant(
    73.0, "min", 37.0, "bressendorff2018magnesium",
    "Between-group difference in T50 after 28 days of dialysate magnesium 2.0 against 1.0 mEq/L "
    "(1.0 against 0.5 mmol/L), 95 % CI 30-116 min, n = 57 (T50 247 ± 69 -> 302 ± 66 min with high "
    "magnesium, 233 ± 81 -> 229 ± 93 min with standard). The target of MAGNESIUM_HALF_EFFECT_MMOL_L.",
    basis="measured",
)
BRESSENDORFF_SERUM_MG_RISE_MMOL_L = CitedConstant(
    0.45, "mmol/L", None, "bressendorff2018magnesium",
    "Between-group difference in total serum magnesium that the higher dialysate magnesium produced. "
    "The abstract seen here breaks off after '0.'; 0.45 mmol/L is recalled, not read: unverified.",
    basis="measured",
)

# ------------------------------------------------------------------ model parameters

FETUIN_A_SHARE = CitedConstant(
    0.5, "1 (fraction of the healthy delay)", 37.0, "schafer2003fetuin",
    "Fetuin-A accounts for about half of the capacity of serum to inhibit calcium phosphate "
    "precipitation in vitro, as the fetuin-A-deficient serum of Schäfer 2003 shows (as recalled; "
    "not re-read here). Set so that a serum without fetuin-A keeps half of the healthy T50 factor.",
    basis="set",
)
SUPERSATURATION_ORDER = CitedConstant(
    1.0, "1 (order of the ripening rate in IAP/Ksp of hydroxyapatite)", 37.0, "pasch2012nanoparticle",
    "The ripening of primary into secondary CPPs is taken to be first order in the supersaturation "
    "ratio of hydroxyapatite in the well: T50 falls tenfold per unit of SI. A choice, not a fit "
    "(with it, the ISAR target needs a pyrophosphate constant within the plasma range).",
    basis="convention",
)
AVRAMI_EXPONENT = CitedConstant(
    4.0, "1", 37.0, "avrami1939kinetics",
    "Avrami exponent of the sigmoidal transformation: 4 is the classic value for a constant rate of "
    "nucleation and three-dimensional growth. Sets the steepness of the curve, not T50.",
    basis="convention",
)
MAGNESIUM_HALF_EFFECT_MMOL_L = CitedConstant(
    0.4012, "mmol/L (total magnesium in the well)", 37.0, "bressendorff2018magnesium",
    "Well magnesium at which magnesium's kinetic factor 1 + Mg/K doubles the ripening time. Set so "
    "that raising DIALYSIS_SERUM's magnesium by BRESSENDORFF_SERUM_MG_RISE_MMOL_L (0.45 mmol/L) "
    "raises the model's T50 by BRESSENDORFF_T50_RISE_MINUTES (73 min), the thermodynamic effect of "
    "magnesium (MgHPO4 pairs, from calcify_lib.chemistry) included.",
    basis="set",
)
PYROPHOSPHATE_HALF_EFFECT_UMOL_L = CitedConstant(
    3.505, "µmol/L (pyrophosphate in the well)", 37.0, "lorenz2017worsening",
    "Well pyrophosphate at which its factor 1 + PPi/K doubles the ripening time. Set so that "
    "DIALYSIS_SERUM gives DIALYSIS_T50_MINUTES (246 min, ISAR), after MAGNESIUM_HALF_EFFECT_MMOL_L "
    "was set (the two are fitted together).",
    basis="set",
)
NORMAL_TOTAL_CA_MMOL_L = CitedConstant(
    2.35, "mmol/L", None, "peterson2010physiologically",
    "Total serum calcium of the book's normal adult (the normal steady state of the Peterson-Riggs "
    "model, calcify_lib.patients): used when no ionized calcium is given.",
    basis="convention",
)

# ------------------------------------------------------------------ sera

_NS = chemistry.NORMAL_SERUM

#: A healthy adult's serum: the defaults of :func:`t50_minutes` (keyword → value with its source).
HEALTHY_SERUM: dict[str, CitedConstant] = {
    "phosphate_mmol_l": CitedConstant(
        1.2, "mmol/L", None, "peterson2010physiologically",
        "Normal serum phosphate, the book's normal adult (3.7 mg/dL).", basis="convention"),
    "magnesium_mmol_l": _NS["mg_mmol_l"],
    "fetuin_a_g_l": CitedConstant(
        0.7, "g/L", None, "smith2020calciprotein",
        "Serum fetuin-A of a healthy adult, within the 0.5-1.0 g/L usually quoted for adults; values "
        "depend on the immunoassay. As recalled, unverified.", basis="convention"),
    "pyrophosphate_umol_l": CitedConstant(
        3.26, "µmol/L", None, "lomashvili2005pyrophosphate",
        "Plasma pyrophosphate of 36 normal subjects, 3.26 ± 0.17 µmol/L (mean ± SE).",
        basis="measured", uncertainty=0.17),
    "albumin_g_l": _NS["albumin_g_l"],
    "ph": _NS["ph"],
}
#: A patient with CKD stages 3-4: phosphate at the top of its target, the other values normal
#: (no cohort means of fetuin-A, pyrophosphate or magnesium were found for this stage).
CKD_3_4_SERUM: dict[str, CitedConstant] = {
    **HEALTHY_SERUM,
    "phosphate_mmol_l": CitedConstant(
        1.486, "mmol/L", None, "kdoqi2003bone",
        "4.6 mg/dL (1.49 mmol/L): the upper limit of the KDOQI target for CKD stages 3-4 "
        "(as calcify_lib.vascular's CKD stage 4 exposure).", basis="guideline"),
}
#: A patient on maintenance haemodialysis, before a session.
DIALYSIS_SERUM: dict[str, CitedConstant] = {
    **HEALTHY_SERUM,
    "phosphate_mmol_l": CitedConstant(
        2.002, "mmol/L", None, "block1998association",
        "6.2 mg/dL (2.00 mmol/L): mean serum phosphorus of US haemodialysis patients "
        "(as calcify_lib.vascular's dialysis exposure).", basis="measured"),
    "magnesium_mmol_l": CitedConstant(
        0.88, "mmol/L", None, "leenders2018routine",
        "Mean plasma magnesium before dialysis, 0.88 ± 0.14 mmol/L (SD), 34 patients dialysed against "
        "0.50 mmol/L magnesium, the standard dialysate of Bressendorff 2018.",
        basis="measured", uncertainty=0.14),
    "fetuin_a_g_l": CitedConstant(
        0.6, "g/L", None, "ketteler2003association",
        "Typical serum fetuin-A in haemodialysis (about 13-15 µmol/L at 48 kDa), below the healthy "
        "value; assay-dependent. From the project's checked notes on Ketteler 2003 and NECOSAD, "
        "computed rather than read: unverified.", basis="convention"),
    "pyrophosphate_umol_l": CitedConstant(
        2.26, "µmol/L", None, "lomashvili2005pyrophosphate",
        "Plasma pyrophosphate of 38 haemodialysis patients, 2.26 ± 0.19 µmol/L (mean ± SE).",
        basis="measured", uncertainty=0.19),
}
#: The chapter's three sera, by key.
SERA: dict[str, dict[str, CitedConstant]] = {
    "healthy": HEALTHY_SERUM, "ckd_3_4": CKD_3_4_SERUM, "haemodialysis": DIALYSIS_SERUM,
}
#: Display names of :data:`SERA`.
SERUM_LABELS = {"healthy": "Healthy adult", "ckd_3_4": "CKD stages 3-4", "haemodialysis": "Haemodialysis"}

# ------------------------------------------------------------------ ranges

_PHOSPHATE = Range(0.3, 4.0, "mmol/L", kind="number")
_IONIZED_CA = Range(0.6, 2.0, "mmol/L", kind="number", optional=True)
_MAGNESIUM = Range(0.2, 3.0, "mmol/L", kind="number")
_FETUIN = Range(0.0, 2.0, "g/L", kind="number")
_PYROPHOSPHATE = Range(0.0, 20.0, "µmol/L", kind="number")
_ALBUMIN = Range(10.0, 60.0, "g/L", kind="number")
_PH = Range(7.0, 7.8, "(pH units)", kind="number")
_SERUM = dict(phosphate_mmol_l=_PHOSPHATE, ionized_ca_mmol_l=_IONIZED_CA, magnesium_mmol_l=_MAGNESIUM,
              fetuin_a_g_l=_FETUIN, pyrophosphate_umol_l=_PYROPHOSPHATE, albumin_g_l=_ALBUMIN, ph=_PH)
_H = {name: c.value for name, c in HEALTHY_SERUM.items()}


def _serum_speciation(total_ca_mmol_l, phosphate_mmol_l, magnesium_mmol_l, albumin_g_l, ph):
    return chemistry.speciate(
        total_ca_mmol_l, phosphate_mmol_l, ph, temperature_c=ASSAY_TEMPERATURE_C.value,
        na_mmol_l=_ASSAY_NA_MMOL_L, mg_mmol_l=magnesium_mmol_l, albumin_g_l=albumin_g_l,
        citrate_mmol_l=_NS["citrate_mmol_l"].value, bicarbonate_mmol_l=_NS["bicarbonate_mmol_l"].value)


@accepts(ionized_ca_mmol_l=Range(0.6, 2.0, "mmol/L", kind="number"),
         phosphate_mmol_l=_PHOSPHATE, magnesium_mmol_l=_MAGNESIUM, albumin_g_l=_ALBUMIN, ph=_PH)
def serum_total_ca_mmol_l(ionized_ca_mmol_l: float, *, phosphate_mmol_l: float = 1.2,
                          magnesium_mmol_l: float = 0.85, albumin_g_l: float = 40.0,
                          ph: float = 7.4) -> float:
    """Total serum calcium that carries a given ionized calcium, with :func:`calcify_lib.chemistry.speciate`.

    Solves ``speciate(Ca_T, ...).free_ca_mmol_l = ionized_ca_mmol_l`` for
    Ca_T at 37 °C with plasma's citrate and bicarbonate
    (:data:`calcify_lib.chemistry.NORMAL_SERUM`); free calcium rises
    monotonically with total calcium, so the root is unique (Brent's method,
    to 1e-10 mmol/L).

    Examples
    --------
    >>> round(serum_total_ca_mmol_l(1.14), 2)
    2.35
    """
    from scipy.optimize import brentq

    def gap(total):
        return _serum_speciation(total, phosphate_mmol_l, magnesium_mmol_l, albumin_g_l, ph).free_ca_mmol_l \
            - ionized_ca_mmol_l

    return float(brentq(gap, ionized_ca_mmol_l, 3.0 * ionized_ca_mmol_l + 2.0, xtol=1e-10))


@dataclass(frozen=True)
class AssayWell:
    """The content of one well of the T50 assay, and its chemistry.

    Attributes
    ----------
    serum_total_ca_mmol_l, serum_ionized_ca_mmol_l : float
        The serum's total and ionized calcium before mixing.
    ca_mmol_l, phosphate_mmol_l, magnesium_mmol_l, albumin_g_l : float
        Totals in the well (serum diluted, calcium and phosphate added).
    fetuin_a_g_l, pyrophosphate_umol_l : float
        Inhibitors in the well.
    speciation : chemistry.Speciation
        The well speciated at the assay's temperature.
    saturation_index : float
        SI of hydroxyapatite in the well (per Ca₅(PO₄)₃OH).
    serum_saturation_index : float
        SI of hydroxyapatite in the serum itself, before the assay.
    """

    serum_total_ca_mmol_l: float
    serum_ionized_ca_mmol_l: float
    ca_mmol_l: float
    phosphate_mmol_l: float
    magnesium_mmol_l: float
    albumin_g_l: float
    fetuin_a_g_l: float
    pyrophosphate_umol_l: float
    speciation: chemistry.Speciation
    saturation_index: float
    serum_saturation_index: float


@accepts(**_SERUM)
def assay_speciation(
    *,
    phosphate_mmol_l: float = HEALTHY_SERUM["phosphate_mmol_l"].value,
    ionized_ca_mmol_l: float | None = None,
    magnesium_mmol_l: float = HEALTHY_SERUM["magnesium_mmol_l"].value,
    fetuin_a_g_l: float = HEALTHY_SERUM["fetuin_a_g_l"].value,
    pyrophosphate_umol_l: float = HEALTHY_SERUM["pyrophosphate_umol_l"].value,
    albumin_g_l: float = HEALTHY_SERUM["albumin_g_l"].value,
    ph: float = HEALTHY_SERUM["ph"].value,
) -> AssayWell:
    """The assay well for a serum: its composition and its speciation (:class:`AssayWell`).

    The serum is diluted to :data:`ASSAY_SERUM_FRACTION` and
    :data:`ASSAY_ADDED_CA_MMOL_L` calcium and :data:`ASSAY_ADDED_PHOSPHATE_MMOL_L`
    phosphate are added; sodium stays 140 mmol/L (serum and assay solutions
    alike), citrate and bicarbonate are the serum's, diluted.  Speciated
    with :func:`calcify_lib.chemistry.speciate` at
    :data:`ASSAY_TEMPERATURE_C` and the serum's pH.  Without
    ``ionized_ca_mmol_l``, the serum's total calcium is
    :data:`NORMAL_TOTAL_CA_MMOL_L`; with it, the total that carries that
    ionized calcium (:func:`serum_total_ca_mmol_l`).  Arguments as
    :func:`t50_minutes`.

    Examples
    --------
    >>> well = assay_speciation()
    >>> round(well.ca_mmol_l, 3), round(well.phosphate_mmol_l, 1)
    (11.175, 6.6)
    >>> round(well.saturation_index - well.serum_saturation_index, 2)
    5.85
    """
    if ionized_ca_mmol_l is None:
        total = NORMAL_TOTAL_CA_MMOL_L.value
    else:
        total = serum_total_ca_mmol_l(ionized_ca_mmol_l, phosphate_mmol_l=phosphate_mmol_l,
                                      magnesium_mmol_l=magnesium_mmol_l, albumin_g_l=albumin_g_l, ph=ph)
    serum = _serum_speciation(total, phosphate_mmol_l, magnesium_mmol_l, albumin_g_l, ph)
    f = ASSAY_SERUM_FRACTION.value
    ca = f * total + ASSAY_ADDED_CA_MMOL_L.value
    p = f * phosphate_mmol_l + ASSAY_ADDED_PHOSPHATE_MMOL_L.value
    well = chemistry.speciate(
        ca, p, ASSAY_PH.value, temperature_c=ASSAY_TEMPERATURE_C.value, na_mmol_l=_ASSAY_NA_MMOL_L,
        mg_mmol_l=f * magnesium_mmol_l, albumin_g_l=f * albumin_g_l,
        citrate_mmol_l=f * _NS["citrate_mmol_l"].value, bicarbonate_mmol_l=f * _NS["bicarbonate_mmol_l"].value)
    return AssayWell(
        serum_total_ca_mmol_l=float(total), serum_ionized_ca_mmol_l=float(serum.free_ca_mmol_l),
        ca_mmol_l=ca, phosphate_mmol_l=p, magnesium_mmol_l=f * magnesium_mmol_l, albumin_g_l=f * albumin_g_l,
        fetuin_a_g_l=f * fetuin_a_g_l, pyrophosphate_umol_l=f * pyrophosphate_umol_l, speciation=well,
        saturation_index=float(well.saturation_index("hydroxyapatite")),
        serum_saturation_index=float(serum.saturation_index("hydroxyapatite")),
    )


def _factors(well: AssayWell) -> dict[str, float]:
    """Each factor of T50 / T50(healthy): supersaturation, fetuin-A, magnesium, pyrophosphate."""
    healthy = _healthy_well()
    share = FETUIN_A_SHARE.value
    k_mg = MAGNESIUM_HALF_EFFECT_MMOL_L.value
    k_pp = PYROPHOSPHATE_HALF_EFFECT_UMOL_L.value
    return {
        "supersaturation": 10.0 ** (-SUPERSATURATION_ORDER.value
                                    * (well.saturation_index - healthy.saturation_index)),
        "fetuin_a": (1.0 - share) + share * well.fetuin_a_g_l / healthy.fetuin_a_g_l,
        "magnesium": (1.0 + well.magnesium_mmol_l / k_mg) / (1.0 + healthy.magnesium_mmol_l / k_mg),
        "pyrophosphate": (1.0 + well.pyrophosphate_umol_l / k_pp) / (1.0 + healthy.pyrophosphate_umol_l / k_pp),
    }


def _healthy_well() -> AssayWell:
    return assay_speciation()


def _t50(well: AssayWell) -> float:
    return HEALTHY_T50_MINUTES.value * math.prod(_factors(well).values())


@accepts(**_SERUM)
def t50_minutes(
    *,
    phosphate_mmol_l: float = 1.2,
    ionized_ca_mmol_l: float | None = None,
    magnesium_mmol_l: float = 0.85,
    fetuin_a_g_l: float = HEALTHY_SERUM["fetuin_a_g_l"].value,
    pyrophosphate_umol_l: float = HEALTHY_SERUM["pyrophosphate_umol_l"].value,
    albumin_g_l: float = 40.0,
    ph: float = 7.4,
) -> float:
    """The model's T50, in minutes, for a serum of this composition under the assay's conditions.

    .. math::

        T_{50} = T_{50}^{\\mathrm{healthy}}\\,10^{-(\\mathrm{SI}-\\mathrm{SI_h})}
        \\,\\phi_F\\,\\phi_{Mg}\\,\\phi_{PP}

    (see the module notes for each factor).  The defaults are a healthy
    adult's (:data:`HEALTHY_SERUM`), for which T50 is
    :data:`HEALTHY_T50_MINUTES`.

    Parameters
    ----------
    phosphate_mmol_l : float
        Serum inorganic phosphate, 0.3-4.0 mmol/L.
    ionized_ca_mmol_l : float or None
        Serum ionized calcium at the sample's pH, 0.6-2.0 mmol/L; None takes
        total calcium :data:`NORMAL_TOTAL_CA_MMOL_L` (ionized 1.14 mmol/L in
        the healthy serum).
    magnesium_mmol_l : float
        Total serum magnesium, 0.2-3.0 mmol/L.
    fetuin_a_g_l : float
        Serum fetuin-A, 0-2.0 g/L.
    pyrophosphate_umol_l : float
        Plasma pyrophosphate, 0-20 µmol/L.
    albumin_g_l : float
        Serum albumin, 10-60 g/L.
    ph : float
        The sample's pH, 7.0-7.8.  The assay's buffer sets the well's pH
        (:data:`ASSAY_PH`), so ``ph`` changes T50 only through
        ``ionized_ca_mmol_l``: the same ionized calcium at a higher pH means
        more total calcium.

    Returns
    -------
    float
        T50 in minutes: the time at which half of the primary CPPs have
        become secondary CPPs, where the nephelometry signal is half way
        between its two plateaus.

    Examples
    --------
    >>> round(t50_minutes())
    329
    >>> t50_minutes(phosphate_mmol_l=2.0) < t50_minutes()
    True
    """
    return _t50(assay_speciation(
        phosphate_mmol_l=phosphate_mmol_l, ionized_ca_mmol_l=ionized_ca_mmol_l,
        magnesium_mmol_l=magnesium_mmol_l, fetuin_a_g_l=fetuin_a_g_l,
        pyrophosphate_umol_l=pyrophosphate_umol_l, albumin_g_l=albumin_g_l, ph=ph))


@dataclass(frozen=True)
class Transformation:
    """The time course of one T50 assay, from :func:`transformation`.

    Attributes
    ----------
    minutes : numpy.ndarray
        The reading times given.
    fraction_transformed : numpy.ndarray
        X(t), the fraction of primary CPPs that have become secondary CPPs:
        the nephelometry signal scaled to 0 at the primary plateau and 1 at
        the secondary one.
    t50_minutes : float
        The model's T50 (X = 1/2).
    saturation_index : float
        SI of hydroxyapatite in the well.
    factors : dict
        T50 / T50(healthy) split into its factors: ``'supersaturation'``,
        ``'fetuin_a'``, ``'magnesium'``, ``'pyrophosphate'``.
    well : AssayWell
        The well's composition and chemistry.
    """

    minutes: np.ndarray
    fraction_transformed: np.ndarray
    t50_minutes: float
    saturation_index: float
    factors: dict[str, float]
    well: AssayWell

    def t50_read_minutes(self) -> float:
        """T50 read from the readings, as the assay does: where the signal crosses half way.

        Linear interpolation between the two readings that bracket X = 1/2.

        Raises
        ------
        ValueError
            If the readings never reach half way (the assay would report
            T50 beyond its last reading) or start above it.
        """
        x, t = self.fraction_transformed, self.minutes
        above = np.nonzero(x >= 0.5)[0]
        if above.size == 0:
            raise ValueError(f"the signal never reaches half way within the readings (last reading at "
                             f"{t[-1]:g} min, X = {x[-1]:.3f}); T50 lies beyond them")
        i = int(above[0])
        if i == 0:
            raise ValueError(f"the first reading (at {t[0]:g} min) is already past half way; read earlier")
        return float(t[i - 1] + (0.5 - x[i - 1]) * (t[i] - t[i - 1]) / (x[i] - x[i - 1]))


@accepts(minutes=Range(0.0, 10000.0, "min"), **_SERUM)
def transformation(
    *,
    minutes: float | np.ndarray,
    phosphate_mmol_l: float = 1.2,
    ionized_ca_mmol_l: float | None = None,
    magnesium_mmol_l: float = 0.85,
    fetuin_a_g_l: float = HEALTHY_SERUM["fetuin_a_g_l"].value,
    pyrophosphate_umol_l: float = HEALTHY_SERUM["pyrophosphate_umol_l"].value,
    albumin_g_l: float = 40.0,
    ph: float = 7.4,
) -> Transformation:
    """The assay's time course: the fraction of primary CPPs transformed at each reading.

    .. math::

        X(t) = 1 - \\exp\\!\\left[-\\ln 2\\,(t/T_{50})^{n}\\right]

    with T50 from :func:`t50_minutes` and n = :data:`AVRAMI_EXPONENT`:
    sigmoidal, 0 at the start, 1/2 at T50, approaching 1.

    Parameters
    ----------
    minutes : float or array
        Reading times, 0-10000 min (the assay reads for about 10 hours);
        increasing, for :meth:`Transformation.t50_read_minutes`.
    phosphate_mmol_l, ionized_ca_mmol_l, magnesium_mmol_l, fetuin_a_g_l, pyrophosphate_umol_l, albumin_g_l, ph
        The serum, as :func:`t50_minutes`.

    Returns
    -------
    Transformation

    Examples
    --------
    >>> curve = transformation(minutes=np.arange(0.0, 601.0, 2.0))
    >>> round(curve.t50_minutes), round(curve.t50_read_minutes())
    (329, 329)
    """
    t = np.atleast_1d(np.asarray(minutes, dtype=float))
    if t.size > 1 and np.any(np.diff(t) <= 0):
        raise ValueError("minutes must increase from one reading to the next")
    well = assay_speciation(
        phosphate_mmol_l=phosphate_mmol_l, ionized_ca_mmol_l=ionized_ca_mmol_l,
        magnesium_mmol_l=magnesium_mmol_l, fetuin_a_g_l=fetuin_a_g_l,
        pyrophosphate_umol_l=pyrophosphate_umol_l, albumin_g_l=albumin_g_l, ph=ph)
    factors = _factors(well)
    t50 = HEALTHY_T50_MINUTES.value * math.prod(factors.values())
    x = 1.0 - np.exp(-math.log(2.0) * (t / t50) ** AVRAMI_EXPONENT.value)
    return Transformation(minutes=t, fraction_transformed=x, t50_minutes=t50,
                          saturation_index=well.saturation_index, factors=factors, well=well)


# ------------------------------------------------------------------ treatments under study

@dataclass(frozen=True)
class TrialResult:
    """A published result of a treatment that aims at calcification: cited data, not model output.

    Attributes
    ----------
    treatment, trial, population, outcome : str
        What was given, the trial's name, who took part, what was measured.
    treated, control : CitedConstant or None
        The outcome in the treated and the control group (None where the
        source reports no pair of numbers).
    finding : str
        The result in words.
    """

    treatment: str
    trial: str
    population: str
    outcome: str
    treated: CitedConstant | None
    control: CitedConstant | None
    finding: str


def _trial_value(value: float, unit: str, citation: str, note: str, sd: float | None = None) -> CitedConstant:
    return CitedConstant(value, unit, None, citation, note, basis="measured", uncertainty=sd)


#: Treatments under study, with their trial numbers (cited data, not model output).
TRIALS: tuple[TrialResult, ...] = (
    TrialResult(
        "SNF472 (hexasodium fytate), IV during dialysis", "CaLIPSO, phase 2b",
        "274 haemodialysis patients, CAC Agatston 100-3500; 52 weeks",
        "change of the coronary artery calcium volume score",
        _trial_value(11.0, "% over 52 weeks", "raggi2020slowing",
                     "CAC volume score with SNF472 300 and 600 mg pooled, +11 % (95 % CI 7-15)"),
        _trial_value(20.0, "% over 52 weeks", "raggi2020slowing", "CAC volume score with placebo, +20 % (95 % CI 14-26); P = 0.016"),
        "progression slowed by about half (P = 0.016)"),
    TrialResult(
        "SNF472 (hexasodium fytate), IV during dialysis", "CaLIPSO, phase 2b",
        "the same patients", "change of the aortic valve calcium score",
        _trial_value(14.0, "% over 52 weeks", "raggi2020slowing", "Aortic valve calcium score with SNF472 (pooled doses), +14 %"),
        _trial_value(98.0, "% over 52 weeks", "raggi2020slowing", "Aortic valve calcium score with placebo, +98 %; P < 0.001"),
        "valve calcification slowed; thoracic aorta 23 % against 28 % (not significant)"),
    TrialResult(
        "dialysate magnesium 1.0 instead of 0.5 mmol/L", "Bressendorff 2018, randomised, double-blind",
        "57 haemodialysis patients; 28 days", "T50 at follow-up (min)",
        _trial_value(302.0, "min", "bressendorff2018magnesium", "T50 with high dialysate magnesium at follow-up, 302 ± 66 min (SD)", 66.0),
        _trial_value(229.0, "min", "bressendorff2018magnesium", "T50 with standard dialysate magnesium at follow-up, 229 ± 93 min (SD)", 93.0),
        "T50 longer by 73 min (95 % CI 30-116) between groups"),
    TrialResult(
        "sodium thiosulfate", "systematic review of 77 trials (6898 participants)",
        "CKD, mostly dialysis", "progression of vascular calcification", None, None,
        "with magnesium, the most consistent slowing, in small and short trials (Xu 2022); "
        "in calciphylaxis used off-label on observational evidence (Nigwekar 2018)"),
    TrialResult(
        "vitamin K2 (menaquinone-7) with rivaroxaban", "Valkyrie, randomised",
        "132 haemodialysis patients with atrial fibrillation; 18 months",
        "progression of the coronary artery calcium score", None, None,
        "not slowed (De Vriese 2020; as recalled)"),
)
