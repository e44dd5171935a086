"""The usual suspects' tables: how each condition pushes the labs, how the treatments pull them back.

The push of each condition (:func:`~calcify_lib.figures.suspects.push_table`), their ranking by
saturation (:func:`~calcify_lib.figures.suspects.ranking_table`), treatments
(:func:`~calcify_lib.figures.suspects.treatment_table`), labs against severity
(:func:`~calcify_lib.figures.suspects.severity_table`), published cohorts beside the model
(:func:`~calcify_lib.figures.suspects.cited_versus_model_table`), the census of the model's
constants (:func:`~calcify_lib.figures.suspects.basis_census`) and the chapter's self-checks.
"""

from __future__ import annotations

import numpy as np

from ... import homeostasis
from ..._validation import accepts
from ...cited import basis_counts, constants_in
from ...homeostasis.conditions import SEVERITY, check_condition
from ...patients import CAUSES_OF_METASTATIC_CALCIFICATION, LAB_REFERENCE_RANGES
from ...tables import Table
from ...selfcheck import MultipleChoice, NumericEntry, Option
from ...units import ca_x_p_mg2_dl2_to_mmol2_l2
from .course import _lower_first
from .panel import CONDITION_LABELS, PANEL_ROWS, TREATMENT_LABELS, scenario_label

__all__ = [
    "push_table",
    "ranking_table",
    "treatment_table",
    "LAB_COLUMNS",
    "severity_table",
    "MODEL_COUNTERPARTS",
    "cited_versus_model_table",
    "basis_census",
    "self_check_ckd_product",
    "self_check_suppressed_pth_cause",
]


@accepts(severity=SEVERITY)
def push_table(condition: str, severity: float = 1.0) -> Table:
    """How far one condition pushes the blood towards precipitation, beside the normal adult.

    Both rows are :func:`calcify_lib.homeostasis.steady_state` (untreated).
    The last row gives the change: the ratio of the calcium × phosphate
    products, the gain in the saturation index of hydroxyapatite
    (per Ca₅(PO₄)₃OH) and the factor by which the ion activity product
    grows, :math:`\\mathrm{IAP}/\\mathrm{IAP_{normal}} = 10^{\\Delta\\mathrm{SI}}`
    (the solubility product is the same in both sera).

    Parameters
    ----------
    condition : str
        One of :data:`calcify_lib.homeostasis.CONDITIONS`.
    severity : float
        0-2 (0 the normal adult, 1 typical, 2 severe).

    Returns
    -------
    calcify_lib.tables.Table
        Rows "normal adult", the condition at ``severity``, and "change";
        columns Ca × P (mg²/dL²) and SI hydroxyapatite.

    Raises
    ------
    ValueError, TypeError
        From :func:`calcify_lib.homeostasis.steady_state`, for an unknown
        condition or a severity outside 0-2.
    """
    sick = homeostasis.steady_state(condition, severity)
    normal = homeostasis.steady_state("normal")
    name = f"{_lower_first(scenario_label(condition))}, severity {severity:g}"
    gain = sick.si_hydroxyapatite - normal.si_hydroxyapatite
    rows = [
        ["normal adult", f"{normal.ca_x_p_mg2_dl2:.1f}", f"{normal.si_hydroxyapatite:+.2f}"],
        [name, f"{sick.ca_x_p_mg2_dl2:.1f}", f"{sick.si_hydroxyapatite:+.2f}"],
        ["change", f"×{sick.ca_x_p_mg2_dl2 / normal.ca_x_p_mg2_dl2:.2f}",
         f"{gain:+.2f} (ion activity product ×{10 ** gain:.1f})"],
    ]
    return Table.build(
        f"The push towards precipitation: {name}, against the normal adult (steady state, untreated)",
        ["serum", "Ca × P (mg²/dL²)", "SI hydroxyapatite"], rows,
    )


def ranking_table(severities=(1.0, 2.0)) -> Table:
    """The five causes ranked by how far each raises the hydroxyapatite SI, at each severity.

    A property of the model, not of patients: each column is
    :func:`calcify_lib.homeostasis.steady_state` of every condition at one
    severity, untreated, sorted by the gain in the saturation index of
    hydroxyapatite over the normal adult, with the calcium × phosphate
    product beside it.  Chronic kidney disease is CKD before dialysis
    (:func:`~calcify_lib.figures.suspects.scenario_label`).  Two columns that order the causes differently
    show how much the ranking depends on the chosen severity.

    Parameters
    ----------
    severities : sequence of float
        One or more severities, each 0-2.

    Returns
    -------
    calcify_lib.tables.Table
        One row per rank (1 the largest push); for each severity a column
        "cause: ΔSI (Ca × P)".

    Raises
    ------
    ValueError, TypeError
        If no severity is given, or from
        :func:`calcify_lib.homeostasis.steady_state` for a severity outside
        0-2.
    """
    values = [SEVERITY.check("severities", v) for v in np.atleast_1d(np.asarray(severities, dtype=float))]
    if not values:
        raise ValueError(f"severities must hold at least one severity in 0 to 2; got {severities!r}")
    normal = homeostasis.steady_state("normal")
    causes = [c for c in homeostasis.CONDITIONS if c != "normal"]
    columns = []
    for severity in values:
        labs = {c: homeostasis.steady_state(c, severity) for c in causes}
        order = sorted(causes, key=lambda c: -labs[c].si_hydroxyapatite)
        columns.append([f"{scenario_label(c, short=True)}: {labs[c].si_hydroxyapatite - normal.si_hydroxyapatite:+.2f} "
                        f"({labs[c].ca_x_p_mg2_dl2:.0f})" for c in order])
    rows = [[str(rank + 1)] + [column[rank] for column in columns] for rank in range(len(causes))]
    return Table.build(
        "The causes ranked by the model: gain in SI of hydroxyapatite over the normal adult "
        "(Ca × P in mg²/dL²), steady state, untreated",
        ["rank"] + [f"severity {v:g}" for v in values], rows,
    )


@accepts(severity=SEVERITY)
def treatment_table(condition: str, severity: float, treatment_sets) -> Table:
    """Steady-state labs of one condition at one severity under several sets of treatments.

    Parameters
    ----------
    condition : str
        One of :data:`calcify_lib.homeostasis.CONDITIONS`.
    severity : float
        0-2.
    treatment_sets : sequence of sequences of str
        Each a set of treatments from :data:`calcify_lib.homeostasis.TREATMENTS`
        (an empty one for untreated).

    Returns
    -------
    calcify_lib.tables.Table
        One row per set, named by :func:`~calcify_lib.figures.suspects.scenario_label` (CKD
        before or on dialysis) and its treatments: total calcium, phosphate, PTH, the calcium ×
        phosphate product, the SI of hydroxyapatite and the daily urinary calcium of
        :func:`calcify_lib.homeostasis.steady_state`.
    """
    sets = [tuple(t) if not isinstance(t, str) else (t,) for t in treatment_sets]
    if not sets:
        raise ValueError(f"treatment_sets must hold at least one set of treatments; got {treatment_sets!r}")
    rows = []
    for chosen in sets:
        labs = homeostasis.steady_state(condition, severity, chosen)
        named_by_dialysis = condition == "chronic_kidney_disease" and "dialysis" in chosen
        shown = [TREATMENT_LABELS[t] for t in homeostasis.TREATMENTS
                 if t in chosen and not (named_by_dialysis and t == "dialysis")]
        name = scenario_label(condition, chosen, short=True)
        rows.append([" + ".join([name] + shown) if shown or named_by_dialysis else f"{name}, untreated",
                     f"{labs.total_ca_mg_dl:.1f}", f"{labs.phosphate_mg_dl:.1f}", f"{labs.pth_pg_ml:.0f}",
                     f"{labs.ca_x_p_mg2_dl2:.1f}", f"{labs.si_hydroxyapatite:+.2f}",
                     f"{labs.urine_ca_mmol_day:.1f}"])
    return Table.build(
        f"{CONDITION_LABELS[condition]} at severity {severity:g}: treatments at steady state",
        ["scenario", "Ca (mg/dL)", "P (mg/dL)", "PTH (pg/mL)", "Ca × P (mg²/dL²)", "SI HAP",
         "urine Ca (mmol/day)"], rows,
    )


#: Headings and formats of the labs :func:`~calcify_lib.figures.suspects.severity_table` can show.
LAB_COLUMNS = {field: (f"{label} ({unit})", fmt) for field, label, unit, fmt in PANEL_ROWS} | {
    "si_hydroxyapatite": ("SI HAP", "{:+.2f}"),
}
_LEVER_HEADINGS = {
    "adenoma_mass": "adenoma (× normal glands)",
    "calcifediol": "25-OH-D (ng/mL)",
    "ectopic_hydroxylase": "granulomas (× normal renal calcitriol)",
    "gfr": "GFR (mL/min)",
    "tumour_osteolysis": "osteolysis (mmol Ca/day)",
}


def severity_table(condition: str, severities, fields=("total_ca_mg_dl", "phosphate_mg_dl",
                                                       "pth_pg_ml")) -> Table:
    """What severity sets for ``condition``, and the steady-state labs it gives, one row per severity.

    Parameters
    ----------
    condition : str
        One of :data:`calcify_lib.homeostasis.CONDITIONS` except ``'normal'``.
    severities : sequence of float
        Each 0-2.
    fields : sequence of str
        Keys of :data:`~calcify_lib.figures.suspects.tables.LAB_COLUMNS`.

    Returns
    -------
    calcify_lib.tables.Table
        Severity, the lever of :func:`calcify_lib.homeostasis.severity_lever`
        (for chronic kidney disease, the GFR of CKD before dialysis) and the
        chosen labs of :func:`calcify_lib.homeostasis.steady_state`, untreated.
    """
    condition = check_condition(condition)
    if condition == "normal":
        raise ValueError("condition must be a disease, not 'normal': severity sets nothing in the normal adult")
    unknown = [f for f in fields if f not in LAB_COLUMNS]
    if unknown or not fields:
        raise ValueError(f"fields must be names from {', '.join(map(repr, LAB_COLUMNS))}; got {fields!r}")
    rows, lever = [], None
    for severity in severities:
        severity = SEVERITY.check("severities", severity)
        lever, value, _ = homeostasis.severity_lever(condition, severity)
        labs = homeostasis.steady_state(condition, severity)
        rows.append([f"{severity:g}", f"{value:.3g}"]
                    + [LAB_COLUMNS[f][1].format(getattr(labs, f)) for f in fields])
    if not rows:
        raise ValueError(f"severities must hold at least one severity in 0 to 2; got {severities!r}")
    return Table.build(f"{scenario_label(condition)}: what severity sets, and the steady state (untreated)",
                       ["severity", _LEVER_HEADINGS[lever]] + [LAB_COLUMNS[f][0] for f in fields], rows)


#: The model's counterpart of each cited patient of the chemistry chapter:
#: condition -> (severity, treatments).  The cited kidney patient is on
#: haemodialysis, so its counterpart is the model's CKD on dialysis at severity 2
#: (near-anuric) with a phosphate binder; every other cause is severity 1, untreated.
MODEL_COUNTERPARTS = {
    "normal": (0.0, ()),
    "primary_hyperparathyroidism": (1.0, ()),
    "vitamin_d_intoxication": (1.0, ()),
    "sarcoidosis": (1.0, ()),
    "chronic_kidney_disease": (2.0, ("phosphate_binder", "dialysis")),
    "bone_destruction": (1.0, ()),
}


def cited_versus_model_table() -> Table:
    """The chemistry chapter's cited patients beside the model's steady states, cause by cause.

    Left: total calcium, phosphate and the SI of hydroxyapatite of each
    patient of :data:`calcify_lib.patients.CAUSES_OF_METASTATIC_CALCIFICATION`
    (cited single cases, cohort means or illustrative values; the basis of
    each value is named), speciated by
    :func:`calcify_lib.chemistry.speciate_serum` at pH 7.4.  Right: the
    same labs from :func:`calcify_lib.homeostasis.steady_state` of the
    scenario in :data:`~calcify_lib.figures.suspects.tables.MODEL_COUNTERPARTS`.

    Returns
    -------
    calcify_lib.tables.Table
        One row per cause.
    """
    from ...chemistry import speciate_serum

    rows = []
    for patient in CAUSES_OF_METASTATIC_CALCIFICATION:
        severity, treatments = MODEL_COUNTERPARTS[patient.key]
        ca, phosphate = patient.ca_mg_dl, patient.phosphate_mg_dl
        cited_si = float(speciate_serum(ca.value, phosphate.value).saturation_index("hydroxyapatite"))
        labs = homeostasis.steady_state(patient.key, severity, treatments)
        extra = " + ".join(TREATMENT_LABELS[t] for t in treatments if t != "dialysis")
        scenario = (scenario_label(patient.key, treatments, short=True) + (f" + {extra}" if extra else "")
                    + ("" if patient.key == "normal" else f", severity {severity:g}"))
        rows.append([patient.label, f"{ca.value:.1f} ({ca.basis})", f"{phosphate.value:.1f} ({phosphate.basis})",
                     f"{cited_si:+.2f}", scenario, f"{labs.total_ca_mg_dl:.1f}", f"{labs.phosphate_mg_dl:.1f}",
                     f"{labs.si_hydroxyapatite:+.2f}"])
    return Table.build(
        "Cited patients (chemistry chapter) and the model's steady states: total calcium and phosphate "
        "in mg/dL, SI of hydroxyapatite at pH 7.4",
        ["cited patient", "Ca (basis)", "P (basis)", "SI HAP", "model scenario", "Ca", "P", "SI HAP"], rows,
    )


def basis_census(module=homeostasis) -> Table:
    """The model's constants counted by how they were obtained, with the hand-set count as caption.

    Counts every constant ``module`` defines, submodules included
    (:func:`calcify_lib.cited.constants_in`), by its ``basis``
    (:func:`calcify_lib.figures.chemistry.basis_table`), and names the
    measured ones; the caption says how many are ``'set'``: chosen by hand
    so that the model lands on a stated target, not measured.
    """
    from ..chemistry import basis_table  # the same census as the chemistry chapter's

    found = constants_in(module)
    n_set = basis_counts(c for _, c in found)["set"]
    return basis_table(module, caption=f"{n_set} of the model's {len(found)} constants are set by hand",
                       named=("measured",))


@accepts(severity=SEVERITY)
def self_check_ckd_product(severity: float = 1.0) -> NumericEntry:
    """Numeric self-check: the Ca × P product of the model's CKD before dialysis, in mg²/dL².

    The question gives the steady-state total calcium and phosphate of
    :func:`calcify_lib.homeostasis.steady_state` for chronic kidney disease
    at ``severity`` (untreated: CKD before dialysis), rounded to 0.1 mg/dL as
    the chapter's tables show them; the answer is the product of the two
    shown values, :math:`\\mathrm{Ca} \\times \\mathrm{P}` in mg²/dL², right
    within 0.5 mg²/dL², and the explanation sets it against the KDOQI 2003
    limit (``LAB_REFERENCE_RANGES["ca_x_p_mg2_dl2"]``) and the normal adult.
    The too-low hint gives the product in mmol²/L², the usual slip; values
    within the tolerance of :math:`\\mathrm{Ca} \\times \\mathrm{P}` computed
    from the unrounded labs are right as well.
    """
    labs = homeostasis.steady_state("chronic_kidney_disease", severity)
    normal = homeostasis.steady_state("normal")
    ca_mg_dl, p_mg_dl = round(labs.total_ca_mg_dl, 1), round(labs.phosphate_mg_dl, 1)
    product = round(ca_mg_dl * p_mg_dl, 2)
    limit = LAB_REFERENCE_RANGES["ca_x_p_mg2_dl2"][1].value
    in_mmol = float(ca_x_p_mg2_dl2_to_mmol2_l2(product))
    side = "below" if product < limit else "above"
    calcium = "lower" if labs.total_ca_mg_dl < normal.total_ca_mg_dl else "higher"
    return NumericEntry(
        question=(f"The model's patient with chronic kidney disease before dialysis (severity "
                  f"{severity:g}) has total calcium {ca_mg_dl:.1f} mg/dL and phosphate "
                  f"{p_mg_dl:.1f} mg/dL. What is the calcium × phosphate product, in mg²/dL²? "
                  "(one decimal)"),
        answer=product, tolerance=0.5, unit="mg²/dL²", decimals=1,
        explanation=(f"Ca × P = {ca_mg_dl:.1f} × {p_mg_dl:.1f} = {product:.1f} mg²/dL², "
                     f"{side} the KDOQI limit of {limit:g} and {product / normal.ca_x_p_mg2_dl2:.2f} "
                     f"times the normal adult's {normal.ca_x_p_mg2_dl2:.1f}. Calcium is {calcium} "
                     f"than the normal adult's {normal.total_ca_mg_dl:.1f} mg/dL and phosphate "
                     f"{labs.phosphate_mg_dl / normal.phosphate_mg_dl:.1f} times its "
                     f"{normal.phosphate_mg_dl:.1f} mg/dL: in kidney disease the product is phosphate."),
        too_low=(f"Multiply the two values as given, in mg/dL; in mmol/L the same product is "
                 f"only {in_mmol:.2f} mmol²/L²."),
        too_high="Multiply the total calcium by the phosphate, each in mg/dL, once.",
    )


@accepts(severity=SEVERITY)
def self_check_suppressed_pth_cause(severity: float = 1.0) -> MultipleChoice:
    """Multiple-choice self-check: the cause with high calcium, suppressed PTH and high calcitriol.

    The right option is the one cause whose steady state at ``severity``
    (:func:`calcify_lib.homeostasis.steady_state`, untreated) has total
    calcium above its adult reference range, PTH below it and calcitriol
    above it (``LAB_REFERENCE_RANGES``); each option's feedback gives that
    cause's calcium, PTH and calcitriol from the model.

    Raises
    ------
    ValueError
        If ``severity`` is outside 0-2, or if at that severity not exactly
        one cause of the model shows the pattern (at mild severities no
        cause leaves all three ranges).
    """
    ca_high = LAB_REFERENCE_RANGES["total_ca_mg_dl"][1].value
    pth_low = LAB_REFERENCE_RANGES["pth_pg_ml"][0].value
    calcitriol_high = LAB_REFERENCE_RANGES["calcitriol_pg_ml"][1].value
    causes = [c for c in homeostasis.CONDITIONS if c != "normal"]
    labs = {c: homeostasis.steady_state(c, severity) for c in causes}
    matches = [c for c in causes if labs[c].total_ca_mg_dl > ca_high and labs[c].pth_pg_ml < pth_low
               and labs[c].calcitriol_pg_ml > calcitriol_high]
    if len(matches) != 1:
        raise ValueError(f"severity={severity:g}: {len(matches)} causes show high calcium, suppressed PTH "
                         "and high calcitriol in the model; accepted: a severity (0 to 2) at which "
                         "exactly one does")

    def feedback(c: str) -> str:
        l = labs[c]
        return (f"In the model at severity {severity:g}, {_lower_first(scenario_label(c))} has calcium "
                f"{l.total_ca_mg_dl:.1f} mg/dL, PTH {l.pth_pg_ml:.0f} pg/mL and calcitriol "
                f"{l.calcitriol_pg_ml:.0f} pg/mL.")

    options = tuple(Option(scenario_label(c), c == matches[0], feedback(c)) for c in causes)
    return MultipleChoice(
        question=(f"A patient has calcium above {ca_high:g} mg/dL, PTH below {pth_low:g} pg/mL and "
                  f"calcitriol above {calcitriol_high:g} pg/mL, with a normal 25-hydroxyvitamin D. "
                  "Which of the model's causes fits?"),
        options=options,
        explanation=("Suppressed PTH means the glands are working and something else adds calcium; "
                     "a high calcitriol that no PTH asked for comes from granulomas, whose "
                     "1α-hydroxylase takes no orders. Vitamin D intoxication has a high "
                     "25-hydroxyvitamin D and a calcitriol that is normal or low."),
    )
