"""The normal adult, the five conditions and the seven treatments: the parameters of each scenario.

Every regulatory law of the model is a normalised function equal to 1 at
the normal adult, so the normal steady state sits at the normal values by
construction (:func:`normal_parameters`).  A condition at a severity, and
any treatments, then move a few levers (:func:`build_parameters`).

Conditions and what severity scales
-----------------------------------
Severity 0 is the normal adult, 1 a typical presentation of the form that
causes metastatic calcification, 2 severe; the lever moves monotonically
in between.

``'normal'``
    No lever: severity has no effect.
``'primary_hyperparathyroidism'``
    Secretory mass of a single adenoma, A = severity² × 1.3 (normal glands
    = 1); severity 1 gives the mean preoperative calcium of a surgical
    series, 11.2 mg/dL (:cite:`mazzaglia2008changing`), severity 2 about
    13 mg/dL.
``'vitamin_d_intoxication'``
    Exogenous 25-hydroxyvitamin D, 30 + severity × 370 ng/mL: 400 ng/mL at
    severity 1, the hundreds of ng/mL reached after megadose supplements
    (:cite:`tebben2016vitamin`, :cite:`araki2011vitamin`).
``'sarcoidosis'``
    Granuloma 1α-hydroxylase, E = severity × 2.3 (normal renal production
    = 1): severity 1 raises calcitriol to about 2.5 times normal with
    hypercalcaemia and suppressed PTH (:cite:`papapoulos1979dihydroxycholecalciferol`,
    :cite:`tebben2016vitamin`).
``'chronic_kidney_disease'``
    CKD before dialysis: GFR, falling geometrically from 100 mL/min
    (severity 0) to 12 mL/min (severity 1: kidney failure, G5, before
    dialysis, :cite:`kdigo2017ckdmbd`) and on to 5 mL/min (severity 2).
    CKD on dialysis (with the treatment ``'dialysis'``): the residual GFR
    is that of severity 1, 12 mL/min, up to severity 1 (dialysis started in
    kidney failure), then falls geometrically to 1.5 mL/min at severity 2,
    the near-anuric patient of long-term haemodialysis
    (:cite:`obi2016residual`) whom the cohorts describe
    (:cite:`block1998association`).
``'bone_destruction'``
    Tumour osteolysis (osteolytic metastases, myeloma), severity × 15 mmol
    calcium per day: severity 1 gives a total calcium of about 12 mg/dL with
    PTH suppressed (:cite:`stewart2005hypercalcemia`; calcium is 11 mg/dL or
    more in 13 % of newly diagnosed myeloma, :cite:`kyle2003review`).
    Humoral (PTHrP) hypercalcaemia of malignancy is not modelled: this is
    local osteolysis: phosphate stays normal or mildly raised (about
    5 mg/dL at severity 1) while the kidneys work, because FGF23 rises with
    the phosphate and calcium set free from bone (:mod:`~calcify_lib.homeostasis.fgf23`).

Treatments (levers on parameters)
---------------------------------
``'phosphate_binder'``
    Absorbed phosphate × 0.75 (:cite:`kdigo2017ckdmbd`).
``'dialysis'``
    Thrice-weekly haemodialysis averaged over the week: a phosphate
    clearance of 7 L/day (:cite:`daugirdas2015removal`) and diffusive
    calcium exchange with a 1.25 mmol/L dialysate (:cite:`kdigo2017ckdmbd`);
    its constants are in :mod:`~calcify_lib.homeostasis.kidney`.  In ``'chronic_kidney_disease'``
    it also sets the residual GFR of CKD on dialysis (above).
``'cinacalcet'``
    Left shift of the calcium-sensing curves of parathyroid secretion,
    parathyroid growth and kidney, s = 0.88 (:cite:`peacock2005cinacalcet`,
    :cite:`block2004cinacalcet`).
``'parathyroidectomy'``
    The adenoma is removed; normal tissue remains (:cite:`walker2018primary`).
    Hyperplastic glands removed at parathyroidectomy regrow under a
    persisting stimulus (CKD), so there the operation changes only the
    course, not the steady state.
``'glucocorticoid'``
    Granuloma 1α-hydroxylase × 0.1 and calcium absorption × 0.7
    (:cite:`tebben2016vitamin`).
``'stop_vitamin_d'``
    The exogenous vitamin D stops; its stores wash out with a half-life of
    two months (:cite:`jones2008pharmacokinetics`).
``'bisphosphonate'``
    Osteoclastic resorption, tumour osteolysis included, × 0.3, reached
    with a half-time of 2 days (:cite:`major2001zoledronic`).

In :func:`~calcify_lib.homeostasis.simulate` the disease starts at day 0
in a normal adult and the treatments at ``treatment_start_day``.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from .._validation import Range, accepts
from . import bone, fgf23, gut, kidney, parathyroid, serum, vitamin_d
from .parameters import Parameters, cited, rate_per_day

__all__ = ["CONDITIONS", "TREATMENTS", "severity_lever", "build_parameters", "normal_parameters"]

#: The conditions :func:`steady_state` and :func:`simulate` know.
CONDITIONS = (
    "normal",
    "primary_hyperparathyroidism",
    "vitamin_d_intoxication",
    "sarcoidosis",
    "chronic_kidney_disease",
    "bone_destruction",
)
#: The treatments, each a lever on one or two parameters (see the module docstring).
TREATMENTS = (
    "phosphate_binder",
    "dialysis",
    "cinacalcet",
    "parathyroidectomy",
    "glucocorticoid",
    "stop_vitamin_d",
    "bisphosphonate",
)

SEVERITY_RANGE = (0.0, 2.0)
#: What every function taking a ``severity`` accepts.
SEVERITY = Range(*SEVERITY_RANGE, "(dimensionless)", kind="number")

# ------------------------------------------------------------------ conditions (severity 1)

ADENOMA_MASS_AT_SEVERITY_1 = cited(1.3, "1 (normal glands = 1)", "mazzaglia2008changing",
                                   "Adenoma secretory mass at severity 1 (it grows as severity squared), "
                                   "set so that total calcium is 11.2 mg/dL, the mean preoperative value "
                                   "of the 2005 patients of a surgical series.", basis="set")
EXOGENOUS_CALCIFEDIOL_AT_SEVERITY_1_NG_ML = cited(
    370.0, "ng/mL", "tebben2016vitamin",
    "Excess 25-OH-D at severity 1 (400 ng/mL in all): intoxication usually means more than 150 ng/mL, and "
    "megadose cases reach several hundred (645 and 1220 ng/mL in araki2011vitamin).",
    basis="convention",
)
ECTOPIC_HYDROXYLASE_AT_SEVERITY_1 = cited(
    2.3, "1 (normal renal production = 1)", "tebben2016vitamin",
    "Granuloma 1alpha-hydroxylase at severity 1, set so that calcitriol is about 2.5 times normal with "
    "hypercalcaemia and suppressed PTH, the pattern of hypercalcaemic sarcoidosis.", basis="set")
CKD_GFR_AT_SEVERITY_1_ML_MIN = cited(12.0, "mL/min", "kdigo2017ckdmbd",
                                     "Kidney failure (GFR category G5, below 15 mL/min) before dialysis.",
                                     basis="convention")
CKD_GFR_AT_SEVERITY_2_ML_MIN = cited(5.0, "mL/min", "kdigo2017ckdmbd",
                                     "Advanced kidney failure, 5 mL/min, as severity 2.", basis="convention")
CKD_RESIDUAL_GFR_ON_DIALYSIS_ML_MIN = cited(
    1.5, "mL/min", "obi2016residual",
    "Residual GFR of CKD on dialysis at severity 2, the long-term haemodialysis patient: incident "
    "patients start with a renal urea clearance of median 3.3 (1.9-5.0) mL/min that falls by about "
    "1.1 mL/min a year; set near anuria so that binder plus dialysis leaves phosphate near the 6 mg/dL "
    "of haemodialysis cohorts (block1998association).", basis="set")
TUMOUR_OSTEOLYSIS_AT_SEVERITY_1_MMOL_DAY = cited(
    15.0, "mmol/day", "stewart2005hypercalcemia",
    "Calcium released by tumour osteolysis at severity 1, set so that total calcium is about "
    "12 mg/dL with PTH suppressed: local osteolytic hypercalcaemia of malignancy.", basis="set")

# ------------------------------------------------------------------ treatments

BINDER_ABSORBED_P_FACTOR = cited(0.75, "1", "kdigo2017ckdmbd",
                                 "Fraction of absorbed phosphate left by a phosphate binder at usual doses (a "
                                 "few hundred mg of phosphorus bound a day); set so that a near-anuric "
                                 "haemodialysis patient on a binder keeps a phosphate near the 6 mg/dL of "
                                 "haemodialysis cohorts (block1998association): it binds about 180 of the "
                                 "725 mg of phosphorus absorbed a day at normal absorption.",
                                 basis="set")
CINACALCET_SET_POINT_FACTOR = cited(0.88, "1", "peacock2005cinacalcet",
                                    "Left shift of the calcium-sensing curves by cinacalcet; set so that "
                                    "calcium falls by about 1 mg/dL, into the normal range, while PTH falls "
                                    "by only a few per cent (73 % normocalcaemic, PTH -7.6 %).", basis="set")
GLUCOCORTICOID_ECTOPIC_FACTOR = cited(0.1, "1", "tebben2016vitamin",
                                      "Granuloma 1alpha-hydroxylase left under glucocorticoids; set, with the "
                                      "absorption factor, so that glucocorticoids bring calcium back into "
                                      "range in sarcoidosis.", basis="set")
GLUCOCORTICOID_CA_ABSORPTION_FACTOR = cited(0.7, "1", "tebben2016vitamin",
                                            "Intestinal calcium absorption left under glucocorticoids; set, "
                                            "with the granuloma factor, so that glucocorticoids bring calcium "
                                            "back into range in sarcoidosis.", basis="set")
BISPHOSPHONATE_RESORPTION_FACTOR = cited(0.3, "1", "major2001zoledronic",
                                         "Osteoclastic resorption, tumour osteolysis included, left under a "
                                         "bisphosphonate; set so that calcium "
                                         "in bone destruction falls by more than 1 mg/dL.", basis="set")
BISPHOSPHONATE_ONSET_HALF_LIFE_DAYS = cited(
    2.0, "days", "major2001zoledronic",
    "Half-time for a bisphosphonate to reach its full effect; set so that calcium is normal after a "
    "few days (after zoledronic acid: by day 4 in about half, by day 10 in 88 %).", basis="set")


# ------------------------------------------------------------------ the parameters of a scenario

@functools.lru_cache(maxsize=1)
def normal_parameters() -> Parameters:
    """The normal adult, anchored on the chemistry of normal serum: no disease, no treatment."""
    c0 = serum.NORMAL_TOTAL_CA_MMOL_L.value
    p0 = serum.NORMAL_PHOSPHATE_MMOL_L.value
    fi0, fuf0 = serum.serum_table().fractions(c0, p0)
    ica0 = c0 * fi0
    uf0 = c0 * fuf0
    return Parameters(
        volume_l=serum.ECF_VOLUME_L.value, c0=c0, p0=p0, ica0=ica0,
        gfr_ratio=1.0, adenoma_mass=0.0, ectopic=0.0, exogenous_ng_ml=0.0, tumour_mmol_day=0.0,
        p_absorption_factor=1.0, ca_absorption_factor=1.0, dialysis=0.0, casr_factor=1.0,
        ectopic_factor=1.0, resorption_factor=1.0,
        k_bis=rate_per_day(BISPHOSPHONATE_ONSET_HALF_LIFE_DAYS),
        **parathyroid.parameters(ica0), **vitamin_d.parameters(), **fgf23.parameters(),
        **gut.parameters(), **bone.parameters(), **kidney.parameters(ica0, uf0, p0),
    )


def ckd_gfr_ml_min(severity: float, on_dialysis: bool = False) -> float:
    """GFR falls geometrically: 100 -> 12 mL/min over severity 0-1, 12 -> 5 mL/min over 1-2.

    CKD before dialysis.  ``on_dialysis``: the residual GFR of CKD on
    dialysis, the same up to severity 1, then 12 -> 1.5 mL/min over 1-2.
    """
    g0 = kidney.NORMAL_GFR_ML_MIN.value
    g1 = CKD_GFR_AT_SEVERITY_1_ML_MIN.value
    g2 = (CKD_RESIDUAL_GFR_ON_DIALYSIS_ML_MIN if on_dialysis else CKD_GFR_AT_SEVERITY_2_ML_MIN).value
    if severity <= 1.0:
        return g0 * (g1 / g0) ** severity
    return g1 * (g2 / g1) ** (severity - 1.0)


def condition_levers(condition: str, severity: float) -> dict[str, float]:
    """The fields of :class:`~.parameters.Parameters` that ``condition`` at ``severity`` sets."""
    if condition == "primary_hyperparathyroidism":
        return {"adenoma_mass": severity ** 2 * ADENOMA_MASS_AT_SEVERITY_1.value}
    if condition == "vitamin_d_intoxication":
        return {"exogenous_ng_ml": severity * EXOGENOUS_CALCIFEDIOL_AT_SEVERITY_1_NG_ML.value}
    if condition == "sarcoidosis":
        return {"ectopic": severity * ECTOPIC_HYDROXYLASE_AT_SEVERITY_1.value}
    if condition == "chronic_kidney_disease":
        return {"gfr_ratio": ckd_gfr_ml_min(severity) / kidney.NORMAL_GFR_ML_MIN.value}
    if condition == "bone_destruction":
        return {"tumour_mmol_day": severity * TUMOUR_OSTEOLYSIS_AT_SEVERITY_1_MMOL_DAY.value}
    return {}


def treatment_levers(treatments: frozenset[str]) -> dict[str, float]:
    """The fields of :class:`~.parameters.Parameters` that the ``treatments`` set."""
    levers: dict[str, float] = {}
    if "phosphate_binder" in treatments:
        levers["p_absorption_factor"] = BINDER_ABSORBED_P_FACTOR.value
    if "dialysis" in treatments:
        levers["dialysis"] = 1.0
    if "cinacalcet" in treatments:
        levers["casr_factor"] = CINACALCET_SET_POINT_FACTOR.value
    if "parathyroidectomy" in treatments:
        levers["adenoma_mass"] = 0.0
    if "glucocorticoid" in treatments:
        levers["ectopic_factor"] = GLUCOCORTICOID_ECTOPIC_FACTOR.value
        levers["ca_absorption_factor"] = GLUCOCORTICOID_CA_ABSORPTION_FACTOR.value
    if "stop_vitamin_d" in treatments:
        levers["exogenous_ng_ml"] = 0.0
    if "bisphosphonate" in treatments:
        levers["resorption_factor"] = BISPHOSPHONATE_RESORPTION_FACTOR.value
    return levers


@accepts(severity=SEVERITY)
def build_parameters(condition: str, severity: float, treatments: frozenset[str]) -> Parameters:
    """The normal adult with the levers of ``condition`` at ``severity``, then of the ``treatments``."""
    levers = condition_levers(condition, severity)
    if condition == "chronic_kidney_disease" and "dialysis" in treatments:  # CKD on dialysis
        levers["gfr_ratio"] = ckd_gfr_ml_min(severity, on_dialysis=True) / kidney.NORMAL_GFR_ML_MIN.value
    levers.update(treatment_levers(treatments))  # a treatment overrides the disease's lever
    return replace(normal_parameters(), **levers) if levers else normal_parameters()


# ------------------------------------------------------------------ checking the input

def check_condition(condition: object) -> str:
    """``condition`` if it is one of :data:`CONDITIONS`; else ``TypeError``/``ValueError`` listing them."""
    choices = ", ".join(map(repr, CONDITIONS))
    if not isinstance(condition, str):
        raise TypeError(f"condition must be one of {choices}; got {condition!r} of type "
                        f"{type(condition).__name__}")
    if condition not in CONDITIONS:
        raise ValueError(f"condition must be one of {choices}; got {condition!r}")
    return condition


def check_treatments(treatments: object) -> frozenset[str]:
    """The set of ``treatments`` (one name or a sequence of names from :data:`TREATMENTS`)."""
    choices = ", ".join(map(repr, TREATMENTS))
    if isinstance(treatments, str):
        treatments = (treatments,)
    if treatments is None or isinstance(treatments, (bytes, dict)) or not hasattr(treatments, "__iter__"):
        raise TypeError(f"treatments must be a sequence of names from {choices}; got {treatments!r}")
    items = tuple(treatments)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"treatments must be names from {choices}; got {item!r} of type "
                            f"{type(item).__name__}")
        if item not in TREATMENTS:
            raise ValueError(f"treatments must be names from {choices}; got {item!r}")
    return frozenset(items)


@accepts(severity=SEVERITY)
def severity_lever(condition: str, severity: float = 1.0) -> tuple[str, float, str]:
    """What ``severity`` sets for ``condition``: (name, value, unit).

    For ``'chronic_kidney_disease'`` this is the GFR of CKD before dialysis;
    on dialysis the residual GFR above severity 1 is lower (the module
    docstring says how much).

    Examples
    --------
    >>> severity_lever("chronic_kidney_disease", 1.0)
    ('gfr', 12.0, 'mL/min')
    >>> severity_lever("vitamin_d_intoxication", 1.0)
    ('calcifediol', 400.0, 'ng/mL')
    >>> severity_lever("normal", 2.0)
    ('none', 0.0, '')
    """
    condition = check_condition(condition)
    s = severity
    levers = condition_levers(condition, s)
    if condition == "primary_hyperparathyroidism":
        return ("adenoma_mass", levers["adenoma_mass"], "x normal gland mass")
    if condition == "vitamin_d_intoxication":
        return ("calcifediol", vitamin_d.NORMAL_CALCIFEDIOL_NG_ML.value + levers["exogenous_ng_ml"], "ng/mL")
    if condition == "sarcoidosis":
        return ("ectopic_hydroxylase", levers["ectopic"], "x normal renal calcitriol production")
    if condition == "chronic_kidney_disease":
        return ("gfr", ckd_gfr_ml_min(s), "mL/min")
    if condition == "bone_destruction":
        return ("tumour_osteolysis", levers["tumour_mmol_day"], "mmol Ca/day")
    return ("none", 0.0, "")
