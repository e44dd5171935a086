"""Reading a patient's labs: the work-up of hypercalcaemia and hyperphosphataemia, and a treatment planner.

:func:`interpret` takes the labs a clinician has (total calcium, phosphate,
albumin, and whichever of PTH, 25-hydroxyvitamin D, calcitriol and eGFR
were measured) and walks the standard work-up
(:cite:`minisola2015diagnosis`, :cite:`walker2018primary`,
:cite:`tebben2016vitamin`, :cite:`stewart2005hypercalcemia`,
:cite:`kdigo2017ckdmbd`):

1. Correct total calcium for albumin,
   :math:`\\mathrm{Ca_{corr}} = \\mathrm{Ca} + 0.8\\,(4.0 - \\mathrm{albumin})`
   (mg/dL, g/dL; :func:`calcify_lib.chemistry.albumin_corrected_calcium_mg_dl`
   with its default coefficient, 0.8 mg/dL per g/dL, :cite:`lian2018albumin`).
2. High calcium with PTH high, or "inappropriately normal" (not suppressed
   below :data:`PTH_SUPPRESSED_BELOW_PG_ML`): primary hyperparathyroidism.
3. High calcium with PTH suppressed: 25-OH-D above
   :data:`CALCIDIOL_INTOXICATION_ABOVE_NG_ML` means vitamin D intoxication;
   otherwise calcitriol above its reference range means a granulomatous
   source (sarcoidosis); otherwise (calcitriol low or normal) bone
   destruction.
4. Calcium normal or low with phosphate high, eGFR below
   :data:`EGFR_LOW_BELOW_ML_MIN_1_73M2` and PTH high: chronic kidney disease.

The answer names one of :data:`calcify_lib.homeostasis.CONDITIONS`, so
that it can be compared with the model: :func:`interpret` applied to the
labs of :func:`calcify_lib.homeostasis.steady_state` (condition, severity 1)
returns that condition for every condition.  It also says what the labs
*cannot* decide, rather than guessing: a missing test
(:attr:`Interpretation.decided` is then ``False`` and
:attr:`Interpretation.next_tests` names it), and the look-alikes outside the
model (:attr:`Interpretation.cannot_exclude`): PTHrP-mediated (humoral)
hypercalcaemia of malignancy looks like bone destruction; familial
hypocalciuric hypercalcaemia and tertiary hyperparathyroidism look like
primary hyperparathyroidism; lymphoma makes calcitriol like a granuloma;
one eGFR cannot tell acute from chronic kidney disease.

:func:`plan_treatment` runs :func:`calcify_lib.homeostasis.simulate` with
and without a treatment started on a chosen day and reports how long the
labs take to reach their targets; :func:`binder_calcium_absorbed_mmol_day`
computes the calcium load of a calcium-based phosphate binder, which the
model's :func:`~calcify_lib.homeostasis.simulate` has no lever for.

Assumptions and limits
----------------------
* Thresholds are adult reference limits and guideline cut-offs; real
  laboratories and assays differ (PTH assays especially).  A value on a
  threshold counts as inside the range.
* "Raised" serum means corrected calcium or phosphate above its reference
  range: the direction that raises supersaturation.  Low values are
  reported in :attr:`Interpretation.reasons` but do not make the serum
  pro-calcifying.
* The serum :attr:`Interpretation.si_hydroxyapatite` is computed from the
  *measured* total calcium and the patient's albumin
  (:func:`calcify_lib.chemistry.speciate_serum`, pH 7.4), not from the
  albumin-corrected calcium: the speciation binds calcium to the albumin
  that is there.
* One sample, no urine and no history.  A teaching tool: it must not guide
  the care of a patient.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from . import homeostasis
from ._validation import Range, accepts
from .chemistry import COMMON_CORRECTION_COEFFICIENT_MG_DL_PER_G_DL, albumin_corrected_calcium_mg_dl, speciate_serum
from .cited import CitedConstant
from .homeostasis.conditions import SEVERITY
from .patients import LAB_REFERENCE_RANGES, REFERENCE_RANGES_MG_DL
from .precipitation import KDOQI_2003_CA_X_P_LIMIT_MG2_DL2, ca_x_p_mg2_dl2
from .units import CALCIUM_MOLAR_MASS_G_MOL

__all__ = [
    "Interpretation", "interpret", "KINDS",
    "CA_LOW_MG_DL", "CA_HIGH_MG_DL", "PHOSPHATE_LOW_MG_DL", "PHOSPHATE_HIGH_MG_DL",
    "PTH_HIGH_PG_ML", "PTH_SUPPRESSED_BELOW_PG_ML", "CALCIDIOL_INTOXICATION_ABOVE_NG_ML",
    "CALCITRIOL_HIGH_PG_ML", "CALCITRIOL_HIGH_WOMEN_PG_ML", "EGFR_LOW_BELOW_ML_MIN_1_73M2",
    "ALBUMIN_LOW_G_DL", "NORMAL_EGFR_ML_MIN_1_73M2",
    "MAIN_TREATMENTS", "TreatmentCourse", "plan_treatment", "binder_calcium_absorbed_mmol_day",
]

#: The three kinds of calcification :func:`interpret` names.
KINDS = ("dystrophic", "metastatic", "mixed")

# ------------------------------------------------------------------ thresholds

CA_LOW_MG_DL, CA_HIGH_MG_DL = REFERENCE_RANGES_MG_DL["calcium"]
PHOSPHATE_LOW_MG_DL, PHOSPHATE_HIGH_MG_DL = REFERENCE_RANGES_MG_DL["phosphate"]
_PTH_LOW, PTH_HIGH_PG_ML = LAB_REFERENCE_RANGES["pth_pg_ml"]
_CALCITRIOL_LOW, CALCITRIOL_HIGH_PG_ML = LAB_REFERENCE_RANGES["calcitriol_pg_ml"]

PTH_SUPPRESSED_BELOW_PG_ML = CitedConstant(
    20.0, "pg/mL", None, "minisola2015diagnosis",
    "Intact PTH below about 20 pg/mL (2 pmol/L) with hypercalcaemia is suppressed and points to a "
    "PTH-independent cause; from 20 pg/mL up, PTH is inappropriately normal or high and the "
    "parathyroids drive the calcium.", basis="guideline")
CALCIDIOL_INTOXICATION_ABOVE_NG_ML = CitedConstant(
    150.0, "ng/mL", None, "holick2011evaluation",
    "25-hydroxyvitamin D above 150 ng/mL (375 nmol/L): the level at which vitamin D intoxication with "
    "hypercalcaemia is usually seen (tebben2016vitamin).", basis="guideline")
CALCITRIOL_HIGH_WOMEN_PG_ML = CitedConstant(
    78.0, "pg/mL", None, "mayo2024calcitriol",
    "Upper limit of the adult reference range of 1,25-dihydroxyvitamin D in women (men: 64 pg/mL).",
    basis="guideline")
EGFR_LOW_BELOW_ML_MIN_1_73M2 = CitedConstant(
    60.0, "mL/min/1.73 m²", None, "kdigo2017ckdmbd",
    "eGFR below 60 mL/min/1.73 m²: GFR categories G3a to G5, the range to which the CKD-MBD "
    "guideline's recommendations apply.", basis="guideline")
NORMAL_EGFR_ML_MIN_1_73M2 = CitedConstant(
    100.0, "mL/min/1.73 m²", None, "peterson2010physiologically",
    "The GFR of the homeostasis model's normal adult (100 mL/min), read as an eGFR: what interpret() "
    "is given for a model patient without kidney disease.", basis="convention")
ALBUMIN_LOW_G_DL = CitedConstant(
    3.5, "g/dL", None, "kratz2004laboratory",
    "Lower limit of the adult reference range of serum albumin.", basis="guideline")

# ------------------------------------------------------------------ the interpretation


@dataclass(frozen=True)
class Interpretation:
    """What :func:`interpret` concludes from one set of labs.

    Attributes
    ----------
    corrected_ca_mg_dl : float
        Albumin-corrected total calcium (coefficient 0.8 mg/dL per g/dL).
    ca_x_p_mg2_dl2 : float
        Corrected calcium × phosphate, mg²/dL² (:func:`calcify_lib.precipitation.ca_x_p_mg2_dl2`).
    si_hydroxyapatite : float
        Saturation index of hydroxyapatite in the serum
        (:func:`calcify_lib.chemistry.speciate_serum`, measured calcium, the
        patient's albumin, pH 7.4).
    likely_cause : str
        One of :data:`calcify_lib.homeostasis.CONDITIONS`; ``'normal'``
        when corrected calcium and phosphate are both in range.
    kind : str
        ``'dystrophic'`` (serum not raised: any calcification is local),
        ``'metastatic'`` (serum raised, tissue not known to be injured) or
        ``'mixed'`` (serum raised and tissue injured).
    reasons : tuple of str
        One sentence per step, each with the value that drove it.
    next_tests : tuple of str
        What to measure next when the picture is incomplete.
    decided : bool
        ``True`` when the labs given settle the cause among the model's
        conditions; ``False`` when a missing test or a pattern outside the
        model leaves it open (``likely_cause`` is then the most likely of
        the model's conditions, and ``reasons`` says why).
    cannot_exclude : tuple of str
        Causes outside the model that give the same labs.
    calcium_status, phosphate_status : str
        ``'low'``, ``'normal'`` or ``'high'`` against the reference range
        (corrected calcium).
    """

    corrected_ca_mg_dl: float
    ca_x_p_mg2_dl2: float
    si_hydroxyapatite: float
    likely_cause: str
    kind: str
    reasons: tuple[str, ...]
    next_tests: tuple[str, ...]
    decided: bool
    cannot_exclude: tuple[str, ...]
    calcium_status: str
    phosphate_status: str


def _status(value: float, low: CitedConstant, high: CitedConstant) -> str:
    return "low" if value < low.value else "high" if value > high.value else "normal"


def _g(value: float) -> str:
    """A lab value as a clinician writes it: 3 significant figures, at most one decimal."""
    if abs(value) >= 100:
        return f"{value:.0f}"
    return f"{value:.1f}".removesuffix(".0")


_LAB_FIELDS = ("total_ca_mg_dl", "phosphate_mg_dl", "pth_pg_ml", "calcitriol_pg_ml")


@functools.lru_cache(maxsize=1)
def _model_pictures() -> dict[str, homeostasis.Labs]:
    return {c: homeostasis.steady_state(c, 1.0) for c in homeostasis.CONDITIONS}


def _words(condition: str) -> str:
    return condition.replace("_", " ").replace("vitamin d", "vitamin D")


def _nearest_condition(ca: float, p: float, pth: float | None, calcitriol: float | None) -> str:
    """The condition whose severity-1 steady state is nearest, in log units, to the labs given."""
    given = {"total_ca_mg_dl": ca, "phosphate_mg_dl": p, "pth_pg_ml": pth, "calcitriol_pg_ml": calcitriol}
    best, best_d = "normal", math.inf
    for condition, labs in _model_pictures().items():
        d = sum(math.log(max(v, 1e-3) / getattr(labs, f)) ** 2 for f, v in given.items() if v is not None)
        if d < best_d:
            best, best_d = condition, d
    return best


_OPT = dict(kind="number", optional=True)


@accepts(
    total_ca_mg_dl=Range(2.0, 25.0, "mg/dL", kind="number"),
    phosphate_mg_dl=Range(0.3, 25.0, "mg/dL", kind="number"),
    albumin_g_dl=Range(0.5, 7.0, "g/dL", kind="number"),
    pth_pg_ml=Range(0.0, 5000.0, "pg/mL", **_OPT),
    calcidiol_ng_ml=Range(0.0, 2000.0, "ng/mL", **_OPT),
    calcitriol_pg_ml=Range(0.0, 1000.0, "pg/mL", **_OPT),
    egfr_ml_min_1_73m2=Range(0.0, 200.0, "mL/min/1.73 m²", **_OPT),
)
def interpret(*, total_ca_mg_dl: float, phosphate_mg_dl: float, albumin_g_dl: float = 4.0,
              pth_pg_ml: float | None = None, calcidiol_ng_ml: float | None = None,
              calcitriol_pg_ml: float | None = None, egfr_ml_min_1_73m2: float | None = None,
              tissue_injury: bool | None = None) -> Interpretation:
    """Read one patient's labs: the likely cause, the kind of calcification, and why.

    The steps are those of the module docstring; each threshold is a
    :class:`~calcify_lib.cited.CitedConstant` of this module or of
    :mod:`calcify_lib.patients` (reference ranges).  Albumin correction:
    Ca_corr = Ca + 0.8 (4.0 − albumin), mg/dL and g/dL
    (:func:`calcify_lib.chemistry.albumin_corrected_calcium_mg_dl`).

    Parameters
    ----------
    total_ca_mg_dl : float
        Measured total serum calcium, 2-25 mg/dL.
    phosphate_mg_dl : float
        Serum phosphate (as phosphorus), 0.3-25 mg/dL.
    albumin_g_dl : float
        Serum albumin, 0.5-7 g/dL (default 4.0, where no correction is made).
    pth_pg_ml : float or None
        Intact PTH, 0-5000 pg/mL; ``None`` if not measured.
    calcidiol_ng_ml : float or None
        25-hydroxyvitamin D, 0-2000 ng/mL.
    calcitriol_pg_ml : float or None
        1,25-dihydroxyvitamin D, 0-1000 pg/mL.
    egfr_ml_min_1_73m2 : float or None
        Estimated GFR, 0-200 mL/min/1.73 m².
    tissue_injury : bool or None
        Whether the tissue where calcification is seen is known to be
        injured (necrosis, inflammation, a damaged valve); ``None``: not known.

    Returns
    -------
    Interpretation

    Raises
    ------
    ValueError
        A number outside its range, NaN or infinite (the message names the
        argument, the value and the accepted range with its unit).
    TypeError
        A value that is not a number (a string, a boolean), or a
        ``tissue_injury`` that is not ``True``, ``False`` or ``None``.

    Examples
    --------
    >>> r = interpret(total_ca_mg_dl=11.2, phosphate_mg_dl=2.6, pth_pg_ml=145)
    >>> r.likely_cause, r.kind
    ('primary_hyperparathyroidism', 'metastatic')
    >>> r.reasons[2]
    'PTH 145 pg/mL is high while calcium is high: parathyroid-driven.'
    >>> round(interpret(total_ca_mg_dl=10.1, phosphate_mg_dl=2.6, albumin_g_dl=2.6).corrected_ca_mg_dl, 2)
    11.22
    """
    if tissue_injury is not None and not isinstance(tissue_injury, (bool, np.bool_)):
        raise TypeError(f"tissue_injury must be True, False or None; got {tissue_injury!r} of type "
                        f"{type(tissue_injury).__name__}")
    ca_m, p, alb = total_ca_mg_dl, phosphate_mg_dl, albumin_g_dl
    pth, d25, d125, egfr = pth_pg_ml, calcidiol_ng_ml, calcitriol_pg_ml, egfr_ml_min_1_73m2
    k = COMMON_CORRECTION_COEFFICIENT_MG_DL_PER_G_DL.value
    ca = float(albumin_corrected_calcium_mg_dl(ca_m, alb))
    cap = float(ca_x_p_mg2_dl2(ca, p))
    si = float(speciate_serum(ca_m, p, albumin_g_l=10.0 * alb).saturation_index("hydroxyapatite"))
    ca_status = _status(ca, CA_LOW_MG_DL, CA_HIGH_MG_DL)
    p_status = _status(p, PHOSPHATE_LOW_MG_DL, PHOSPHATE_HIGH_MG_DL)
    reasons: list[str] = []
    tests: list[str] = []
    mimics: list[str] = []

    # 1. calcium, corrected for albumin
    ca_lo, ca_hi = CA_LOW_MG_DL.value, CA_HIGH_MG_DL.value
    if alb == 4.0:
        reasons.append(f"Albumin 4.0 g/dL: corrected calcium equals measured calcium, {_g(ca)} mg/dL, "
                       f"{ca_status} (range {ca_lo:g}-{ca_hi:g}).")
    else:
        low_alb = " (low)" if alb < ALBUMIN_LOW_G_DL.value else ""
        reasons.append(f"Albumin {_g(alb)} g/dL{low_alb}: corrected calcium {_g(ca_m)} + {k:g} × "
                       f"(4.0 − {_g(alb)}) = {ca:.1f} mg/dL, {ca_status} (range {ca_lo:g}-{ca_hi:g}).")
        if ca_status != _status(ca_m, CA_LOW_MG_DL, CA_HIGH_MG_DL):
            reasons.append(f"The correction changes the verdict: measured calcium {_g(ca_m)} mg/dL alone "
                           f"would read {_status(ca_m, CA_LOW_MG_DL, CA_HIGH_MG_DL)}.")
        tests.append("ionized calcium (the albumin correction is unreliable in kidney disease and "
                     "critical illness)")
    p_lo, p_hi = PHOSPHATE_LOW_MG_DL.value, PHOSPHATE_HIGH_MG_DL.value
    kdoqi = KDOQI_2003_CA_X_P_LIMIT_MG2_DL2.value
    reasons.append(f"Phosphate {_g(p)} mg/dL is {p_status} (range {p_lo:g}-{p_hi:g}); Ca×P {cap:.0f} mg²/dL² "
                   f"is {'above' if cap > kdoqi else 'below'} the KDOQI limit of {kdoqi:g}; "
                   f"hydroxyapatite SI {si:.1f}.")

    # 2. the cause
    pth_supp = PTH_SUPPRESSED_BELOW_PG_ML.value
    pth_hi = PTH_HIGH_PG_ML.value
    egfr_low = EGFR_LOW_BELOW_ML_MIN_1_73M2.value
    decided = True
    if ca_status == "high":
        if pth is None:
            cause, decided = "primary_hyperparathyroidism", False
            reasons.append("PTH not measured: parathyroid-driven and PTH-independent hypercalcaemia cannot "
                           "be told apart; primary hyperparathyroidism is named only because it is the "
                           "commonest cause of hypercalcaemia, not because the labs show it.")
            tests.append("intact PTH")
        elif pth >= pth_supp:
            cause = "primary_hyperparathyroidism"
            if pth > pth_hi:
                reasons.append(f"PTH {_g(pth)} pg/mL is high while calcium is high: parathyroid-driven.")
            else:
                reasons.append(f"PTH {_g(pth)} pg/mL is inside the range but not suppressed (below "
                               f"{pth_supp:g}) although calcium is high: inappropriately normal, "
                               f"parathyroid-driven.")
            mimics.append("familial hypocalciuric hypercalcaemia")
            tests.append("24-hour urine calcium and the calcium/creatinine clearance ratio (low in familial "
                         "hypocalciuric hypercalcaemia)")
            if egfr is not None and egfr < egfr_low:
                mimics.append("tertiary hyperparathyroidism of chronic kidney disease")
                reasons.append(f"eGFR {_g(egfr)} is low: after long kidney disease the glands can secrete "
                               f"autonomously (tertiary hyperparathyroidism), which these labs cannot tell "
                               f"from a primary adenoma.")
        else:
            reasons.append(f"PTH {_g(pth)} pg/mL is suppressed (below {pth_supp:g}) while calcium is high: "
                           f"the calcium comes from outside the parathyroids.")
            vdi = CALCIDIOL_INTOXICATION_ABOVE_NG_ML.value
            d125_hi = CALCITRIOL_HIGH_PG_ML.value
            if d25 is not None and d25 > vdi:
                cause = "vitamin_d_intoxication"
                reasons.append(f"25-OH-D {_g(d25)} ng/mL is above {vdi:g}: vitamin D intoxication.")
            elif d125 is not None and d125 > d125_hi:
                cause = "sarcoidosis"
                women = CALCITRIOL_HIGH_WOMEN_PG_ML.value
                note = (f" (above the men's limit; within the women's, {women:g})" if d125 <= women else "")
                reasons.append(f"Calcitriol {_g(d125)} pg/mL is high{note} while PTH is suppressed: "
                               f"unregulated 1α-hydroxylase, a granulomatous source (sarcoidosis).")
                mimics.append("lymphoma or another granulomatous disease (tuberculosis) making calcitriol")
                if d25 is None:
                    decided = False
                    reasons.append("25-OH-D not measured: vitamin D intoxication, which can raise calcitriol "
                                   "too, is not excluded.")
                    tests.append("25-OH-D")
            elif d125 is None:
                cause, decided = "bone_destruction", False
                missing = "25-OH-D and calcitriol" if d25 is None else "calcitriol"
                reasons.append(f"{missing} not measured: vitamin D excess, a granuloma and bone destruction "
                               f"cannot be told apart; bone destruction is named only because malignancy is "
                               f"the commonest PTH-independent cause.")
                tests.extend(["25-OH-D", "calcitriol"] if d25 is None else ["calcitriol"])
                mimics.append("PTHrP-mediated (humoral) hypercalcaemia of malignancy")
                tests.append("PTHrP")
            else:
                cause = "bone_destruction"
                reasons.append(f"Calcitriol {_g(d125)} pg/mL is not raised (upper limit {d125_hi:g}) and "
                               f"25-OH-D is {'not measured' if d25 is None else _g(d25) + ' ng/mL'}: "
                               f"calcium released from bone.")
                if d25 is None:
                    decided = False
                    reasons.append("25-OH-D not measured: vitamin D intoxication, in which calcitriol is "
                                   "often normal, is not excluded.")
                    tests.append("25-OH-D")
                reasons.append("PTHrP-mediated (humoral) hypercalcaemia of malignancy gives the same labs "
                               "and is not in the model: these labs cannot tell it from osteolysis.")
                mimics.append("PTHrP-mediated (humoral) hypercalcaemia of malignancy")
                tests.extend(["PTHrP", "serum protein electrophoresis and free light chains (myeloma)",
                              "imaging of the skeleton"])
    elif p_status == "high" or (ca_status == "low" and egfr is not None and egfr < egfr_low):
        if egfr is None:
            cause, decided = "chronic_kidney_disease", False
            reasons.append(f"Phosphate is high and eGFR not measured: kidney failure is the commonest cause "
                           f"of hyperphosphataemia, named as the most likely, not shown.")
            tests.append("creatinine and eGFR")
        elif egfr < egfr_low:
            cause = "chronic_kidney_disease"
            reasons.append(f"eGFR {_g(egfr)} mL/min/1.73 m² is below {egfr_low:g}: the kidneys cannot excrete "
                           f"the phosphate load.")
            if pth is None:
                decided = False
                reasons.append("PTH not measured: the secondary hyperparathyroidism of CKD is expected but "
                               "not shown.")
                tests.append("intact PTH")
            elif pth > pth_hi:
                reasons.append(f"PTH {_g(pth)} pg/mL is high with calcium {ca_status}: secondary "
                               f"hyperparathyroidism of chronic kidney disease.")
            else:
                reasons.append(f"PTH {_g(pth)} pg/mL is not raised: unusual with this eGFR; check the assay "
                               f"and vitamin D treatment.")
            mimics.append("acute kidney injury (one eGFR cannot tell acute from chronic)")
            tests.append("a second eGFR three months later (CKD means lasting more than three months)")
        else:
            decided = False
            cause = _nearest_condition(ca, p, pth, d125)
            reasons.append(f"Phosphate is high but eGFR {_g(egfr)} is not low: none of the model's causes fits; "
                           f"the nearest of its conditions is {_words(cause)}.")
            low_pth = pth is not None and pth < PTH_SUPPRESSED_BELOW_PG_ML.value
            mimics.extend(["hypoparathyroidism" if low_pth or pth is None else "pseudohypoparathyroidism",
                           "tumoral calcinosis (FGF23 deficiency or resistance)",
                           "a phosphate load or a haemolysed sample"])
            if pth is None:
                tests.append("intact PTH")
            tests.append("a repeat sample without haemolysis")
    elif ca_status == "low":
        decided = False
        cause = _nearest_condition(ca, p, pth, d125)
        reasons.append(f"Calcium is low with phosphate not raised: not a cause of metastatic calcification in "
                       f"the model; the nearest of its conditions is {_words(cause)}.")
        mimics.extend(["vitamin D deficiency", "hypomagnesaemia"])
        tests.extend(["25-OH-D", "magnesium"] + ([] if pth is not None else ["intact PTH"]))
    else:
        cause = "normal"
        reasons.append("Calcium and phosphate are in range: no systemic cause of calcification.")
        if pth is not None and pth > pth_hi:
            reasons.append(f"PTH {_g(pth)} pg/mL is high with normal calcium: secondary hyperparathyroidism "
                           f"(vitamin D deficiency, early kidney disease) or normocalcaemic primary "
                           f"hyperparathyroidism, neither a cause of metastatic calcification yet.")
            tests.append("25-OH-D")
        if egfr is not None and egfr < egfr_low:
            reasons.append(f"eGFR {_g(egfr)} is low but phosphate is not yet raised: kidney disease without "
                           f"the mineral disorder that drives calcification.")
        if d25 is not None and d25 > CALCIDIOL_INTOXICATION_ABOVE_NG_ML.value:
            reasons.append(f"25-OH-D {_g(d25)} ng/mL is very high with calcium still normal: intoxication may "
                           f"be starting; repeat the calcium.")

    # 3. the kind
    raised = ca_status == "high" or p_status == "high"
    if not raised:
        kind = "dystrophic"
        reasons.append("The serum is not raised, so it does not drive calcification: any calcification "
                       "is local, dystrophic" + (", in the injured tissue." if tissue_injury else "."))
    elif tissue_injury:
        kind = "mixed"
        reasons.append("The serum is raised and the tissue is injured: both faces at once, mixed.")
    else:
        kind = "metastatic"
        known = "not injured" if tissue_injury is False else "not known to be injured"
        reasons.append(f"The serum is raised and the tissue is {known}: metastatic.")
    return Interpretation(
        corrected_ca_mg_dl=ca, ca_x_p_mg2_dl2=cap, si_hydroxyapatite=si, likely_cause=cause, kind=kind,
        reasons=tuple(reasons), next_tests=tuple(dict.fromkeys(tests)), decided=decided,
        cannot_exclude=tuple(dict.fromkeys(mimics)), calcium_status=ca_status, phosphate_status=p_status,
    )


# ------------------------------------------------------------------ the treatment planner

#: The main treatment of each condition in the model, as the chapter plans it: surgery for an
#: adenoma (:cite:`walker2018primary`), stopping the vitamin D (:cite:`tebben2016vitamin`),
#: glucocorticoids for a granuloma (:cite:`tebben2016vitamin`), a phosphate binder with dialysis
#: in kidney failure (:cite:`kdigo2017ckdmbd`), a bisphosphonate for osteolysis
#: (:cite:`major2001zoledronic`).
MAIN_TREATMENTS: dict[str, tuple[str, ...]] = {
    "primary_hyperparathyroidism": ("parathyroidectomy",),
    "vitamin_d_intoxication": ("stop_vitamin_d",),
    "sarcoidosis": ("glucocorticoid",),
    "chronic_kidney_disease": ("phosphate_binder", "dialysis"),
    "bone_destruction": ("bisphosphonate",),
}


@dataclass(frozen=True, eq=False)
class TreatmentCourse:
    """A treated and an untreated course of one condition, from :func:`plan_treatment`.

    Attributes
    ----------
    condition, severity, treatments, start_day, days
        What was simulated.
    treated, untreated : calcify_lib.homeostasis.Trajectory
        The course with the treatments started on ``start_day``, and without.
    days_to_normal_calcium : float or None
        Days from the start of treatment until total calcium is at or below
        the upper reference limit (10.5 mg/dL) and stays there to the end;
        0 if it already is; ``None`` if it never gets there.
    days_to_target_phosphate : float or None
        The same for phosphate and its upper reference limit (4.5 mg/dL), the
        target "towards normal" of :cite:`kdigo2017ckdmbd`.
    """

    condition: str
    severity: float
    treatments: tuple[str, ...]
    start_day: float
    days: float
    treated: homeostasis.Trajectory
    untreated: homeostasis.Trajectory
    days_to_normal_calcium: float | None
    days_to_target_phosphate: float | None


def _days_to(t: np.ndarray, values: np.ndarray, limit: float, start: float) -> float | None:
    after = t >= start
    bad = after & (values > limit)
    if not bad.any():
        return 0.0
    last_bad = int(np.nonzero(bad)[0][-1])
    if last_bad == len(t) - 1:
        return None
    # linear interpolation of the last crossing, between the last point above and the next
    t0, t1, v0, v1 = t[last_bad], t[last_bad + 1], values[last_bad], values[last_bad + 1]
    return float(t0 + (v0 - limit) / (v0 - v1) * (t1 - t0) - start)


@functools.lru_cache(maxsize=64)
def _untreated(condition: str, severity: float, days: float) -> homeostasis.Trajectory:
    """The untreated course (a pure function of its arguments, with read-only arrays: safe to reuse)."""
    return homeostasis.simulate(condition, severity, days)


@accepts(start_day=Range(0.0, "days", "days", kind="number"), severity=SEVERITY,
         days=Range(1.0, 3650.0, "days", kind="number"))
def plan_treatment(condition: str, treatments=(), *, start_day: float = 90.0, severity: float = 1.0,
                   days: float = 540.0) -> TreatmentCourse:
    """Start ``treatments`` on ``start_day`` in a patient whose ``condition`` began on day 0.

    Runs :func:`calcify_lib.homeostasis.simulate` twice, with and without the
    treatments, and finds when calcium and phosphate reach their upper
    reference limits for good (:class:`TreatmentCourse`).

    Parameters
    ----------
    condition : str
        One of :data:`calcify_lib.homeostasis.CONDITIONS`.
    treatments : sequence of str
        Names from :data:`calcify_lib.homeostasis.TREATMENTS` (a single name is
        accepted); :data:`MAIN_TREATMENTS` holds each condition's main one.
    start_day : float
        0 to ``days``.
    severity : float
        0-2, as for :func:`~calcify_lib.homeostasis.simulate`.
    days : float
        Length of the course, 1-3650 days.

    Notes
    -----
    The model's levers act at once, or with the half-time of their constants:
    glucocorticoids cut granuloma calcitriol production the day they start,
    where patients take days to weeks; cinacalcet in CKD lowers calcium far
    more than PTH (a left shift of calcium sensing, :data:`~calcify_lib.homeostasis.conditions.CINACALCET_SET_POINT_FACTOR`),
    where trials see PTH fall by about 40 % (:cite:`block2004cinacalcet`).

    Examples
    --------
    >>> course = plan_treatment("sarcoidosis", "glucocorticoid", start_day=90)
    >>> course.days_to_normal_calcium < 2
    True
    """
    chosen = homeostasis.conditions.check_treatments(treatments)
    names = tuple(t for t in homeostasis.TREATMENTS if t in chosen)
    treated = homeostasis.simulate(condition, severity, days, names, treatment_start_day=start_day)
    untreated = _untreated(homeostasis.conditions.check_condition(condition), severity, days)
    t = treated.time_days
    return TreatmentCourse(
        condition=condition, severity=severity, treatments=names, start_day=start_day, days=days,
        treated=treated, untreated=untreated,
        days_to_normal_calcium=_days_to(t, treated.total_ca_mg_dl, CA_HIGH_MG_DL.value, start_day),
        days_to_target_phosphate=_days_to(t, treated.phosphate_mg_dl, PHOSPHATE_HIGH_MG_DL.value, start_day),
    )


@accepts(elemental_ca_mg_day=Range(0.0, 5000.0, "mg/day", kind="number"), severity=SEVERITY)
def binder_calcium_absorbed_mmol_day(elemental_ca_mg_day: float, *,
                                     condition: str = "chronic_kidney_disease",
                                     severity: float = 1.0) -> float:
    """Extra calcium absorbed from a calcium-based phosphate binder, mmol/day.

    .. math::

        \\Delta A = \\frac{m_\\mathrm{Ca}}{M_\\mathrm{Ca}}\\,
        \\left[a_p + a_a \\frac{v^2}{v^2 + K^2}\\right]

    the binder's elemental calcium (mg/day over the molar mass of calcium)
    times the net fraction of dietary calcium the model's gut absorbs at the
    steady state of ``condition`` (vitamin D receptor activity v;
    :mod:`calcify_lib.homeostasis.gut`).  The model's
    :func:`~calcify_lib.homeostasis.simulate` has no lever for calcium
    intake, so this is the load, not its course: compare it with the urine
    calcium of the same steady state, all the failing kidney can excrete.

    Assumptions: binder calcium is absorbed like dietary calcium, and the
    calcium it spends binding phosphate in the gut is ignored (so this is an
    upper estimate).  KDOQI capped binder calcium at 1500 mg/day and total
    intake at 2000 mg/day (:cite:`kdoqi2003bone`).

    Examples
    --------
    >>> round(binder_calcium_absorbed_mmol_day(1500.0), 1)
    2.9
    """
    from .homeostasis import gut, model, serum

    condition = homeostasis.conditions.check_condition(condition)
    y, m = model.steady_vector(condition, severity, frozenset())
    c, p = y[model.CA] / m.volume_l, y[model.PI] / m.volume_l
    fi, fuf = serum.serum_table().fractions(c, p)
    state = model.State(*(float(v) for v in y[:model.N_STATES]))
    s = model.signals(state, fi, fuf, m)
    fraction = float(gut.calcium_absorption_mmol_day(s, m)) / m.ca_intake
    return elemental_ca_mg_day / CALCIUM_MOLAR_MASS_G_MOL.value * fraction
