"""Figures of the chapter "Applications I: diagnosis and treatment".

The work-up as a decision diagram, the case library and the model's own
patients as tables, the diagnosis workbench (labs → :func:`calcify_lib.diagnosis.interpret`
→ a dot on the calcium-phosphate plane) and the treatment planner
(condition × treatment × start day → :func:`calcify_lib.diagnosis.plan_treatment`).
Every number comes from :mod:`calcify_lib.diagnosis`, :mod:`calcify_lib.cases`
and :mod:`calcify_lib.homeostasis`; thresholds are read from their cited
constants.
"""

from __future__ import annotations

import functools
import html
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.ticker import MaxNLocator

from .. import cases, diagnosis, homeostasis, style
from .._validation import Range, accepts
from ..explorer import Choice, Explorer, Marker, Slider, View, figure_fraction, figure_png
from ..selfcheck import MultipleChoice, NumericEntry, Option
from ..precipitation import CLASSIC_CA_X_P_THRESHOLD_MG2_DL2, KDOQI_2003_CA_X_P_LIMIT_MG2_DL2
from ..tables import Table

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "CONDITION_LABELS", "TREATMENT_LABELS", "PLANNER_TREATMENTS", "WORKBENCH_VITAMIN_D",
    "WORKBENCH_PTH", "workup_diagram", "case_table", "reasons_table", "round_trip_table",
    "ca_p_plane", "ca_p_plane_figure", "workbench_explorer", "course_panels", "course_figure",
    "planner_table", "planner_explorer", "binder_table", "PLANNER_DAYS",
    "self_check_corrected_calcium", "self_check_suppressed_pth",
]

CONDITION_LABELS = {c: style.label("condition", c) for c in homeostasis.CONDITIONS}
TREATMENT_LABELS = {
    "phosphate_binder": "phosphate binder", "dialysis": "dialysis", "cinacalcet": "cinacalcet",
    "parathyroidectomy": "parathyroidectomy", "glucocorticoid": "glucocorticoid",
    "stop_vitamin_d": "stop vitamin D", "bisphosphonate": "bisphosphonate",
}


def _treatment_words(treatments: tuple[str, ...]) -> str:
    return " + ".join(TREATMENT_LABELS[t] for t in treatments) if treatments else "no treatment"


def _cause_words(cause: str) -> str:
    """The condition's label as it reads inside a sentence ("vitamin D intoxication", "normal")."""
    label = CONDITION_LABELS[cause].replace("Normal adult", "normal")
    return label[0].lower() + label[1:]


# ------------------------------------------------------------------ the decision diagram

@style.styled
def _diagram(ax) -> None:
    d = diagnosis
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    ax.axis("off")
    box = dict(boxstyle="round,pad=0.35", fc=style.WHITE, ec=style.OKABE_ITO["black"], lw=1.2)

    def node(x, y, text, condition=None):
        kw = dict(box)
        if condition is not None:
            kw.update(ec=style.color("condition", condition), lw=2.5)
        ax.text(x, y, text, ha="center", va="center", fontsize=style.SMALL_PT, bbox=kw, zorder=3)

    def arrow(x0, y0, x1, y1, text=""):
        ax.annotate("", xy=(x1, y1), xytext=(x0, y0),
                    arrowprops=dict(arrowstyle="-|>", color=style.GREYS["dark_grey"], lw=1.2), zorder=1)
        if text:
            ax.text((x0 + x1) / 2, (y0 + y1) / 2, text, ha="center", va="center", fontsize=style.SMALL_PT,
                    color=style.OKABE_ITO["black"], bbox=dict(fc=style.WHITE, ec="none", pad=0.5), zorder=2)

    ca_hi = d.CA_HIGH_MG_DL.value
    node(5.0, 9.4, f"Correct calcium for albumin\nCa + {diagnosis.COMMON_CORRECTION_COEFFICIENT_MG_DL_PER_G_DL.value:g}"
                   f" × (4.0 − albumin)")
    node(2.3, 7.3, f"Ca > {ca_hi:g} mg/dL:\nmeasure PTH")
    node(7.7, 7.3, f"Ca ≤ {ca_hi:g}: phosphate\n> {d.PHOSPHATE_HIGH_MG_DL.value:g} mg/dL?")
    arrow(4.2, 8.95, 2.8, 7.8, "high")
    arrow(5.8, 8.95, 7.2, 7.8, "not high")
    node(0.95, 5.2, "Primary hyper-\nparathyroidism", "primary_hyperparathyroidism")
    arrow(1.9, 6.8, 1.1, 5.75, f"≥ {d.PTH_SUPPRESSED_BELOW_PG_ML.value:g}")
    node(3.6, 5.2, f"PTH suppressed:\n25-OH-D > {d.CALCIDIOL_INTOXICATION_ABOVE_NG_ML.value:g}?")
    arrow(2.7, 6.8, 3.4, 5.75, f"< {d.PTH_SUPPRESSED_BELOW_PG_ML.value:g}")
    node(1.6, 3.0, "Vitamin D\nintoxication", "vitamin_d_intoxication")
    arrow(3.1, 4.7, 2.0, 3.55, "yes")
    node(4.6, 3.0, f"calcitriol\n> {d.CALCITRIOL_HIGH_PG_ML.value:g} pg/mL?")
    arrow(3.9, 4.7, 4.4, 3.55, "no")
    node(2.9, 0.8, "Sarcoidosis\n(granuloma)", "sarcoidosis")
    arrow(4.2, 2.5, 3.3, 1.35, "yes")
    node(6.0, 0.8, "Bone destruction\n(PTHrP? not decided)", "bone_destruction")
    arrow(5.0, 2.5, 5.7, 1.35, "no")
    node(7.9, 5.0, f"eGFR < {d.EGFR_LOW_BELOW_ML_MIN_1_73M2.value:g}\nand PTH high?")
    arrow(7.7, 6.75, 7.8, 5.55, "yes")
    node(8.6, 3.0, "Chronic kidney\ndisease", "chronic_kidney_disease")
    arrow(8.0, 4.45, 8.4, 3.55, "yes")
    node(9.0, 9.35, "both in range:\nnormal serum,\ndystrophic", "normal")
    arrow(8.4, 7.8, 8.9, 8.7, "no")


def workup_diagram() -> Figure:
    """The work-up of :func:`calcify_lib.diagnosis.interpret` as boxes and arrows, thresholds from its constants.

    Leaves have the colour of their condition (:mod:`calcify_lib.style`).
    """
    fig, ax = style.subplots(height_in=6.4)
    _diagram(ax)
    return fig


# ------------------------------------------------------------------ tables

_LAB_SHORT = {"total_ca_mg_dl": "Ca", "phosphate_mg_dl": "P", "albumin_g_dl": "alb", "pth_pg_ml": "PTH",
              "calcidiol_ng_ml": "25D", "calcitriol_pg_ml": "1,25D", "egfr_ml_min_1_73m2": "eGFR"}


def _labs_words(case: cases.Case) -> str:
    return ", ".join(f"{_LAB_SHORT[name]} {c.value:g}" for name, c in case.labs)


def case_table(library=cases.CASES) -> Table:
    """Each case of the library: labs, the expected and the computed cause and kind, and whether it is decided."""
    rows = []
    for case in library:
        r = diagnosis.interpret(**case.arguments())
        injury = {True: "yes", False: "no", None: "not known"}[case.tissue_injury]
        rows.append((case.title, _labs_words(case), injury,
                     f"{_cause_words(case.expected_cause)} / {case.expected_kind}",
                     f"{_cause_words(r.likely_cause)} / {r.kind}",
                     "yes" if (r.likely_cause, r.kind) == (case.expected_cause, case.expected_kind) else "NO",
                     "; ".join(r.cannot_exclude) or "—"))
    return Table.build(
        "The case library through interpret(): labs (Ca, P mg/dL; alb g/dL; PTH, 1,25D pg/mL; 25D ng/mL; "
        "eGFR mL/min/1.73 m²), expected and computed cause / kind",
        ("case", "labs", "tissue injured", "expected", "computed", "agree", "cannot exclude"), rows)


def reasons_table(key: str) -> Table:
    """The reasons, next tests and look-alikes of :func:`~calcify_lib.diagnosis.interpret` for one case."""
    case = cases.case(key)
    r = diagnosis.interpret(**case.arguments())
    rows = [(str(i + 1), text) for i, text in enumerate(r.reasons)]
    rows.append(("verdict", f"{_cause_words(r.likely_cause)}, {r.kind}"
                            f"{'' if r.decided else ' (not decided: a test is missing)'}"))
    if r.next_tests:
        rows.append(("next tests", "; ".join(r.next_tests)))
    if r.cannot_exclude:
        rows.append(("cannot exclude", "; ".join(r.cannot_exclude)))
    return Table.build(f"{case.title}: {_labs_words(case)}", ("step", "reasoning"), rows)


def _model_arguments(condition: str) -> dict[str, float]:
    labs = homeostasis.steady_state(condition, 1.0)
    lever, value, _ = homeostasis.severity_lever(condition, 1.0)
    return dict(
        total_ca_mg_dl=labs.total_ca_mg_dl, phosphate_mg_dl=labs.phosphate_mg_dl, pth_pg_ml=labs.pth_pg_ml,
        calcitriol_pg_ml=labs.calcitriol_pg_ml,
        calcidiol_ng_ml=value if lever == "calcifediol" else homeostasis.NORMAL_CALCIFEDIOL_NG_ML.value,
        egfr_ml_min_1_73m2=value if lever == "gfr" else diagnosis.NORMAL_EGFR_ML_MIN_1_73M2.value,
    )


def round_trip_table() -> Table:
    """The model's patients (steady state, severity 1) read by :func:`~calcify_lib.diagnosis.interpret`."""
    rows = []
    for condition in homeostasis.CONDITIONS:
        a = _model_arguments(condition)
        r = diagnosis.interpret(**a)
        rows.append((CONDITION_LABELS[condition], f"{a['total_ca_mg_dl']:.1f}", f"{a['phosphate_mg_dl']:.1f}",
                     f"{a['pth_pg_ml']:.0f}", f"{a['calcidiol_ng_ml']:.0f}", f"{a['calcitriol_pg_ml']:.0f}",
                     f"{a['egfr_ml_min_1_73m2']:.0f}", f"{_cause_words(r.likely_cause)} / {r.kind}"))
    return Table.build(
        "The model's own patients (steady state at severity 1) through interpret()",
        ("model condition", "Ca mg/dL", "P mg/dL", "PTH pg/mL", "25-OH-D ng/mL", "calcitriol pg/mL",
         "eGFR", "interpret() says"), rows)


# ------------------------------------------------------------------ the calcium-phosphate plane

_P_LIM = (1.5, 8.0)
_CA_LIM = (7.0, 15.5)


@style.styled
def ca_p_plane(ax, *, show_model: bool = True) -> None:
    """Phosphate (x) against corrected calcium (y): reference ranges, Ca×P curves, the model's patients.

    The grey rectangle is where both are in range; the curves are Ca×P = 55
    (KDOQI) and 70 mg²/dL² (classic teaching); each of the model's
    conditions sits at its steady state (severity 1), in its colour and marker.
    """
    d = diagnosis
    ax.set_xlim(*_P_LIM)
    ax.set_ylim(*_CA_LIM)
    ax.fill_between([d.PHOSPHATE_LOW_MG_DL.value, d.PHOSPHATE_HIGH_MG_DL.value], d.CA_LOW_MG_DL.value,
                    d.CA_HIGH_MG_DL.value, color=style.color("reference", "reference_range"), lw=0,
                    label="both in range")
    p = np.linspace(*_P_LIM, 200)
    for constant, kind in ((KDOQI_2003_CA_X_P_LIMIT_MG2_DL2, "threshold"),
                           (CLASSIC_CA_X_P_THRESHOLD_MG2_DL2, "second_threshold")):
        ax.plot(p, constant.value / p, color=style.color("reference", kind),
                ls=style.linestyle("reference", kind), lw=1.3, label=f"Ca×P = {constant.value:g}")
    if show_model:
        for condition in homeostasis.CONDITIONS:
            labs = homeostasis.steady_state(condition, 1.0)
            ax.plot(labs.phosphate_mg_dl, labs.total_ca_mg_dl, ls="none", ms=8, mec=style.OKABE_ITO["black"],
                    mew=0.6, marker=style.marker("condition", condition),
                    color=style.color("condition", condition), label=style.short_label("condition", condition))
    ax.set_xlabel("phosphate (mg/dL)")
    ax.set_ylabel("corrected calcium (mg/dL)")


def ca_p_plane_figure(library=cases.CASES) -> Figure:
    """The plane with the case library's patients as numbered black dots beside the model's conditions."""
    fig, ax = style.subplots(height_in=4.8)
    ca_p_plane(ax)
    for i, case in enumerate(library, start=1):
        r = diagnosis.interpret(**case.arguments())
        p = case.lab("phosphate_mg_dl")
        ax.plot(p, r.corrected_ca_mg_dl, "o", color=style.OKABE_ITO["black"], ms=4)
        ax.annotate(str(i), (p, r.corrected_ca_mg_dl), xytext=(4, 3), textcoords="offset points",
                    fontsize=style.SMALL_PT)
    ax.legend(loc="upper right", fontsize=style.SMALL_PT - 1, ncol=2, handlelength=1.5)
    return fig


#: The PTH levels of the workbench: (value, words), pg/mL.
WORKBENCH_PTH = {"low": (8.0, "low, 8 pg/mL"), "normal": (40.0, "normal, 40 pg/mL"),
                 "high": (150.0, "high, 150 pg/mL")}
#: The vitamin D patterns of the workbench: (25-OH-D ng/mL, calcitriol pg/mL, words).
WORKBENCH_VITAMIN_D = {
    "not_measured": (None, None, "not measured"),
    "normal": (30.0, 40.0, "normal (25-OH-D 30, calcitriol 40)"),
    "high_25": (400.0, 30.0, "25-OH-D very high (400 ng/mL)"),
    "high_125": (30.0, 100.0, "calcitriol high (100 pg/mL)"),
}
_WORKBENCH_EGFR = {"normal": (95.0, "95 (normal)"), "low": (15.0, "15 (kidney failure)")}


def _interpretation_html(r: diagnosis.Interpretation) -> str:
    verdict = f"<strong>{html.escape(_cause_words(r.likely_cause))}</strong>, {r.kind}"
    if not r.decided:
        verdict += " (not decided)"
    parts = [f"<p>{verdict}; corrected Ca {r.corrected_ca_mg_dl:.1f} mg/dL, Ca×P {r.ca_x_p_mg2_dl2:.0f} "
             f"mg²/dL², hydroxyapatite SI {r.si_hydroxyapatite:.1f}.</p>"]
    # the first reason (albumin) is the same for every view of the workbench: skip it
    items = "".join(f"<li>{html.escape(x)}</li>" for x in r.reasons[1:])
    parts.append(f"<ul>{items}</ul>")
    if r.next_tests:
        parts.append(f"<p>Next: {html.escape('; '.join(r.next_tests))}.</p>")
    if r.cannot_exclude:
        parts.append(f"<p>Cannot exclude: {html.escape('; '.join(r.cannot_exclude))}.</p>")
    return "".join(parts)


def workbench_explorer(*, calcium_steps=(8.0, 9.5, 11.0, 12.5), phosphate_steps=(2.4, 3.7, 5.0, 6.5)) -> Explorer:
    """Calcium × phosphate × PTH level × vitamin D pattern × eGFR → :func:`~calcify_lib.diagnosis.interpret`.

    One picture (the plane, :func:`ca_p_plane`); the patient is a dot in the
    colour of the likely cause; the readout gives the verdict, the reasons,
    the next tests and the look-alikes.  Albumin is 4.0 g/dL throughout.
    """
    import matplotlib.pyplot as plt

    fig, ax = style.subplots(height_in=4.2, width_in=6.0, dpi=72)
    ca_p_plane(ax)
    ax.legend(loc="upper right", fontsize=style.SMALL_PT - 1, ncol=2, handlelength=1.5)
    fig.canvas.draw()
    png = figure_png(fig, dpi=72, colors=32)
    places = {(ca, p): figure_fraction(ax, p, ca) for ca in calcium_steps for p in phosphate_steps}
    plt.close(fig)

    def render(calcium: float, phosphate: float, pth: str, vitamin_d: str, egfr: str) -> View:
        d25, d125, _ = WORKBENCH_VITAMIN_D[vitamin_d]
        r = diagnosis.interpret(total_ca_mg_dl=calcium, phosphate_mg_dl=phosphate,
                                pth_pg_ml=WORKBENCH_PTH[pth][0], calcidiol_ng_ml=d25, calcitriol_pg_ml=d125,
                                egfr_ml_min_1_73m2=_WORKBENCH_EGFR[egfr][0])
        alt = (f"Calcium-phosphate plane: the patient at phosphate {phosphate:g} and calcium {calcium:g} mg/dL, "
               f"read as {_cause_words(r.likely_cause)}, {r.kind}.")
        marker = Marker(*places[(calcium, phosphate)], "patient", style.color("condition", r.likely_cause))
        return View(png=png, alt=alt, readout_html=_interpretation_html(r), markers=(marker,))

    description = (
        "Phosphate across, corrected calcium up (albumin 4.0 g/dL). Grey box: both in range; black dashed "
        "and grey dotted curves: Ca×P 55 and 70 mg²/dL²; the labelled symbols are the model's patients "
        "at severity 1. The dot is the patient you set, in the colour of the cause interpret() names; "
        "the readout gives its reasoning. In a live notebook, call diagnosis.interpret with any labs."
    )
    return Explorer(
        "Diagnosis workbench",
        description,
        [
            Slider("calcium", "Total calcium (mg/dL)", tuple(calcium_steps), 11.0, lambda v: f"{v:g} mg/dL"),
            Slider("phosphate", "Phosphate (mg/dL)", tuple(phosphate_steps), 3.7, lambda v: f"{v:g} mg/dL"),
            Choice("pth", "PTH", tuple((k, w) for k, (_, w) in WORKBENCH_PTH.items()), "high"),
            Choice("vitamin_d", "Vitamin D", tuple((k, w) for k, (_, _, w) in WORKBENCH_VITAMIN_D.items()),
                   "not_measured"),
            Choice("egfr", "eGFR (mL/min/1.73 m²)", tuple((k, w) for k, (_, w) in _WORKBENCH_EGFR.items()),
                   "normal"),
        ],
        render,
    )


# ------------------------------------------------------------------ the treatment planner

_COURSE_PANELS = (
    ("total_ca_mg_dl", "calcium (mg/dL)", (diagnosis.CA_LOW_MG_DL, diagnosis.CA_HIGH_MG_DL)),
    ("phosphate_mg_dl", "phosphate (mg/dL)", (diagnosis.PHOSPHATE_LOW_MG_DL, diagnosis.PHOSPHATE_HIGH_MG_DL)),
    ("si_hydroxyapatite", "hydroxyapatite SI", None),
    ("urine_ca_mmol_day", "urine Ca (mmol/day)", None),
)


@style.styled
def course_panels(axes, course: diagnosis.TreatmentCourse, *, start_line: bool = True) -> None:
    """Four panels against days: calcium, phosphate, hydroxyapatite SI, urine calcium.

    The treated course in the colour of the condition, the untreated one as a
    grey dashed line, reference ranges as grey bands, a dotted line on the
    day treatment starts.
    """
    if len(axes) != len(_COURSE_PANELS):
        raise ValueError(f"axes must hold {len(_COURSE_PANELS)} axes; got {len(axes)}")
    color = style.color("condition", course.condition)
    for ax, (field, label, band) in zip(axes, _COURSE_PANELS):
        style.pin(ax)
        if band is not None:
            ax.axhspan(band[0].value, band[1].value, color=style.color("reference", "reference_range"), lw=0)
        u, t = course.untreated, course.treated
        ax.plot(u.time_days, getattr(u, field), color=style.color("reference", "guide"), ls="--", lw=1.5)
        ax.plot(t.time_days, getattr(t, field), color=color, lw=2.0)
        if start_line:
            ax.axvline(course.start_day, color=style.color("event", "treatment_start"),
                       ls=style.linestyle("event", "treatment_start"), lw=1.2)
        ax.text(0.0, 1.03, label, transform=ax.transAxes, ha="left", va="bottom", fontsize=style.SMALL_PT)
        ax.set_xlim(0, course.days)
        ax.set_xticks(np.linspace(0.0, course.days, 4))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=3))
        values = np.concatenate([getattr(u, field), getattr(t, field)])
        lo, hi = float(values.min()), float(values.max())
        if band is not None:
            lo, hi = min(lo, band[0].value), max(hi, band[1].value)
        pad = 0.08 * (hi - lo) or 0.5
        ax.set_ylim(lo - pad, hi + pad)
    for ax in axes[-2:]:
        ax.set_xlabel("days after onset")


def course_figure(course: diagnosis.TreatmentCourse, *, width_in: float = style.FIGURE_WIDTH_IN,
                  height_in: float = 4.4, dpi: int = 100) -> Figure:
    """:func:`course_panels` in a 2 × 2 figure."""
    fig, axes = style.subplots(2, 2, height_in=height_in, width_in=width_in, sharex=True, dpi=dpi)
    course_panels(list(axes.ravel()), course)
    return fig


#: The treatment options of the planner: each a tuple of names from homeostasis.TREATMENTS.
PLANNER_TREATMENTS: tuple[tuple[str, ...], ...] = (
    ("parathyroidectomy",), ("cinacalcet",), ("stop_vitamin_d",), ("glucocorticoid",), ("bisphosphonate",),
    ("phosphate_binder", "dialysis"),
)
_PLANNER_CONDITIONS = tuple(c for c in homeostasis.CONDITIONS if c != "normal")


def _days_words(days: float | None, after: str = "") -> str:
    if days is None:
        return "not reached"
    return "already" if days == 0 else after + (f"{days:.0f} d" if days >= 2 else f"{days * 24:.0f} h")


@accepts(start_day=Range(1.0, 3650.0, "days", kind="number"))
def planner_table(*, start_day: float = 90.0, extra=(
        ("primary_hyperparathyroidism", ("cinacalcet",)),
        ("vitamin_d_intoxication", ("stop_vitamin_d", "glucocorticoid")),
        ("chronic_kidney_disease", ("phosphate_binder",)),
        ("chronic_kidney_disease", ("dialysis",)),
        ("chronic_kidney_disease", ("cinacalcet",)))) -> Table:
    """Each condition's main treatment (and a few others) started on ``start_day``: time to target and the labs.

    Times are from the start of treatment until total calcium stays at or below
    10.5 mg/dL, and phosphate at or below 4.5 mg/dL
    (:func:`calcify_lib.diagnosis.plan_treatment`); the labs are the untreated
    steady course on the start day and the treated one a year later.
    """
    plans = [(c, diagnosis.MAIN_TREATMENTS[c], "main") for c in _PLANNER_CONDITIONS]
    plans += [(c, t, "other") for c, t in extra]
    rows = []
    for condition, treatments, role in plans:
        course = diagnosis.plan_treatment(condition, treatments, start_day=start_day, days=start_day + 365.0)
        before = course.treated.labs_at(start_day - 1e-3) if start_day > 0 else course.untreated.labs_at(0.0)
        after = course.treated.labs_at(course.days)
        rows.append((CONDITION_LABELS[condition], _treatment_words(course.treatments), role,
                     _days_words(course.days_to_normal_calcium), _days_words(course.days_to_target_phosphate),
                     f"{before.total_ca_mg_dl:.1f} → {after.total_ca_mg_dl:.1f}",
                     f"{before.phosphate_mg_dl:.1f} → {after.phosphate_mg_dl:.1f}",
                     f"{before.pth_pg_ml:.0f} → {after.pth_pg_ml:.0f}",
                     f"{before.si_hydroxyapatite:.2f} → {after.si_hydroxyapatite:.2f}",
                     f"{before.urine_ca_mmol_day:.1f} → {after.urine_ca_mmol_day:.1f}"))
    return Table.build(
        f"Treatments started on day {start_day:g} (model severity 1): time to calcium ≤ "
        f"{diagnosis.CA_HIGH_MG_DL.value:g} and phosphate ≤ {diagnosis.PHOSPHATE_HIGH_MG_DL.value:g} mg/dL, "
        f"and the labs from the start to a year later",
        ("condition", "treatment", "role", "calcium normal after", "phosphate at target after",
         "Ca mg/dL", "P mg/dL", "PTH pg/mL", "HAP SI", "urine Ca mmol/day"), rows)


@functools.lru_cache(maxsize=None)
def _course(condition: str, treatments: tuple[str, ...], start_day: float, days: float) -> diagnosis.TreatmentCourse:
    return diagnosis.plan_treatment(condition, treatments, start_day=start_day, days=days)


def _no_lever(course: diagnosis.TreatmentCourse) -> bool:
    """True when the treatment changes nothing in this condition (the model has no lever for it there)."""
    t, u = course.treated, course.untreated
    return all(np.allclose(np.interp(u.time_days, t.time_days, getattr(t, f)), getattr(u, f), rtol=1e-6, atol=0.0)
               for f, _, _ in _COURSE_PANELS)


#: Length of every course of the planner, in days: 18 months, a year after the later start.
PLANNER_DAYS = 540.0


def planner_explorer(*, starts: tuple[float, ...] = (30.0, 180.0)) -> Explorer:
    """Condition × treatment × start day → the course (:func:`calcify_lib.diagnosis.plan_treatment`).

    One small palette picture per setting (four panels, :func:`course_panels`),
    drawn on one reused figure; a treatment the model has no lever for in a
    condition leaves the untreated course, drawn without a start line, so
    those pictures are stored once.  The readout gives the times to target
    and the labs on the start day and at the end.
    """
    import matplotlib.pyplot as plt

    days = PLANNER_DAYS
    if not all(0.0 < s < days for s in starts):
        raise ValueError(f"starts must lie between 0 and {days:g} days; got {starts!r}")
    fig, axes = style.subplots(2, 2, height_in=3.9, width_in=6.0, sharex=True, dpi=60, layout=None)
    fig.subplots_adjust(left=0.09, right=0.98, bottom=0.13, top=0.93, wspace=0.25, hspace=0.35)
    axes = list(axes.ravel())
    pictures: dict[tuple, bytes] = {}

    def render(condition: str, treatment: str, start_day: float) -> View:
        treatments = tuple(treatment.split("+"))
        course = _course(condition, treatments, start_day, days)
        inert = _no_lever(course)
        key = (condition, "none" if inert else treatment, None if inert else start_day)
        if key not in pictures:
            for ax in axes:
                ax.clear()
            course_panels(axes, course, start_line=not inert)
            pictures[key] = figure_png(fig, dpi=60, colors=12)
        before = course.treated.labs_at(start_day - 1e-3)
        end = course.treated.labs_at(days)
        words = _treatment_words(course.treatments)
        if inert:
            effect = "the model has no lever for it here: the course is the untreated one."
        else:
            effect = (f"calcium normal after <strong>{_days_words(course.days_to_normal_calcium)}</strong>; "
                      f"phosphate ≤ {diagnosis.PHOSPHATE_HIGH_MG_DL.value:g}: "
                      f"<strong>{_days_words(course.days_to_target_phosphate, 'after ')}</strong>.")
        readout = (
            f"<p>{html.escape(words.capitalize())} from day {start_day:g}: {effect}</p>"
            f"<p>Day {start_day:g} → {days:g}: Ca {before.total_ca_mg_dl:.1f} → {end.total_ca_mg_dl:.1f}, "
            f"P {before.phosphate_mg_dl:.1f} → {end.phosphate_mg_dl:.1f} mg/dL; PTH {before.pth_pg_ml:.0f} → "
            f"{end.pth_pg_ml:.0f} pg/mL; Ca×P {before.ca_x_p_mg2_dl2:.0f} → {end.ca_x_p_mg2_dl2:.0f}; "
            f"SI {before.si_hydroxyapatite:.2f} → {end.si_hydroxyapatite:.2f}; urine Ca "
            f"{before.urine_ca_mmol_day:.1f} → {end.urine_ca_mmol_day:.1f} mmol/day.</p>"
        )
        alt = (f"{CONDITION_LABELS[condition]}, {words} from day {start_day:g}: calcium "
               f"{before.total_ca_mg_dl:.1f} to {end.total_ca_mg_dl:.1f} mg/dL, phosphate "
               f"{before.phosphate_mg_dl:.1f} to {end.phosphate_mg_dl:.1f} mg/dL.")
        return View(png=pictures[key], alt=alt, readout_html=readout)

    description = (
        f"The disease starts on day 0 in a normal adult (model severity 1); the treatment starts on the chosen "
        f"day (dotted line). Four panels over {days:g} days: total calcium and phosphate (grey bands: reference "
        f"ranges), the saturation index (SI) of hydroxyapatite in serum, and urine calcium. Coloured: treated; "
        f"grey dashed: untreated."
    )
    explorer = Explorer(
        "Treatment planner",
        description,
        [
            Choice("condition", "Condition", tuple((c, CONDITION_LABELS[c]) for c in _PLANNER_CONDITIONS),
                   "primary_hyperparathyroidism"),
            Choice("treatment", "Treatment", tuple(("+".join(t), _treatment_words(t)) for t in PLANNER_TREATMENTS),
                   "parathyroidectomy"),
            Slider("start_day", "Treatment starts (day)", tuple(starts), starts[0],
                   lambda v: f"day {v:g}"),
        ],
        render,
    )
    explorer.views()  # draw every picture now, then release the figure
    plt.close(fig)
    return explorer


def binder_table(binder_doses=(500.0, 1000.0, 1500.0)) -> Table:
    """The calcium a calcium-based binder adds in CKD (model, severity 1), against what the urine removes."""
    urine = homeostasis.steady_state("chronic_kidney_disease", 1.0).urine_ca_mmol_day
    rows = []
    for mg in binder_doses:
        extra = diagnosis.binder_calcium_absorbed_mmol_day(mg)
        rows.append((f"{mg:g}", f"{extra:.1f}", f"{urine:.1f}", f"{extra / urine:.1f}×"))
    return Table.build(
        "A calcium-based binder in kidney failure (model, GFR 12 mL/min): extra calcium absorbed a day, "
        "against the urine calcium of the same patient",
        ("binder calcium (mg/day)", "extra absorbed (mmol/day)", "urine calcium (mmol/day)",
         "extra / urine"), rows)


# ------------------------------------------------------------------ self-checks

@accepts(total_ca_mg_dl=Range(2.0, 25.0, "mg/dL", kind="number"),
         albumin_g_dl=Range(0.5, 7.0, "g/dL", kind="number"))
def self_check_corrected_calcium(total_ca_mg_dl: float = 9.9, albumin_g_dl: float = 2.4) -> NumericEntry:
    """Numeric self-check: the albumin-corrected calcium of a patient with a low albumin."""
    k = diagnosis.COMMON_CORRECTION_COEFFICIENT_MG_DL_PER_G_DL.value
    r = diagnosis.interpret(total_ca_mg_dl=total_ca_mg_dl, phosphate_mg_dl=3.5, albumin_g_dl=albumin_g_dl)
    high = diagnosis.CA_HIGH_MG_DL.value
    verdict = "above" if r.corrected_ca_mg_dl > high else "within"
    return NumericEntry(
        question=(f"A patient's total calcium is {total_ca_mg_dl:g} mg/dL and her albumin {albumin_g_dl:g} g/dL. "
                  f"What is her albumin-corrected calcium, with the usual coefficient {k:g}? (one decimal)"),
        answer=r.corrected_ca_mg_dl, tolerance=0.05, unit="mg/dL", decimals=1,
        explanation=(f"Corrected calcium = {total_ca_mg_dl:g} + {k:g} × (4.0 − {albumin_g_dl:g}) = "
                     f"{r.corrected_ca_mg_dl:.1f} mg/dL, {verdict} the upper limit of {high:g} mg/dL: "
                     "the low albumin hid a high calcium."),
        too_low=(f"Add {k:g} mg/dL for every g/dL of albumin below 4.0; the correction raises a calcium "
                 "measured with a low albumin."),
        too_high=f"Use the coefficient {k:g} mg/dL per g/dL (Payne's original 1.0 gives a higher value).",
    )


@accepts(total_ca_mg_dl=Range(2.0, 25.0, "mg/dL", kind="number"),
         pth_pg_ml=Range(0.0, 5000.0, "pg/mL", kind="number"),
         calcidiol_ng_ml=Range(0.0, 2000.0, "ng/mL", kind="number"),
         calcitriol_pg_ml=Range(0.0, 1000.0, "pg/mL", kind="number"))
def self_check_suppressed_pth(total_ca_mg_dl: float = 12.5, pth_pg_ml: float = 5.0, calcidiol_ng_ml: float = 30.0,
                              calcitriol_pg_ml: float = 90.0) -> MultipleChoice:
    """Multiple-choice self-check: the cause :func:`calcify_lib.diagnosis.interpret` names for a suppressed PTH."""
    r = diagnosis.interpret(total_ca_mg_dl=total_ca_mg_dl, phosphate_mg_dl=4.0, pth_pg_ml=pth_pg_ml,
                            calcidiol_ng_ml=calcidiol_ng_ml, calcitriol_pg_ml=calcitriol_pg_ml)
    d = diagnosis
    pth_low, d_high = d.PTH_SUPPRESSED_BELOW_PG_ML.value, d.CALCIDIOL_INTOXICATION_ABOVE_NG_ML.value
    c_high = d.CALCITRIOL_HIGH_PG_ML.value
    why = {
        "primary_hyperparathyroidism": (f"PTH {pth_pg_ml:g} pg/mL is below {pth_low:g}: the parathyroids are "
                                        "switched off, as they should be when calcium is high."),
        "vitamin_d_intoxication": (f"25-OH-D {calcidiol_ng_ml:g} ng/mL is ordinary; intoxication needs more "
                                   f"than {d_high:g} ng/mL."),
        "sarcoidosis": (f"With PTH suppressed and 25-OH-D ordinary, calcitriol {calcitriol_pg_ml:g} pg/mL is "
                        f"above {c_high:g}: something outside the kidney makes it, as a granuloma does."),
        "bone_destruction": (f"Bone is the cause left when neither vitamin D metabolite is raised; here "
                             f"calcitriol {calcitriol_pg_ml:g} pg/mL is above {c_high:g}."),
    }
    options = tuple(Option(_cause_words(c)[0].upper() + _cause_words(c)[1:], c == r.likely_cause, text)
                    for c, text in why.items())
    return MultipleChoice(
        question=(f"Calcium {total_ca_mg_dl:g} mg/dL, PTH {pth_pg_ml:g} pg/mL, 25-OH-D {calcidiol_ng_ml:g} ng/mL "
                  f"and calcitriol {calcitriol_pg_ml:g} pg/mL. Which cause does the work-up name?"),
        options=options,
        explanation=(f"interpret() names {_cause_words(r.likely_cause)}: suppressed PTH, then 25-OH-D, then "
                     "calcitriol. It cannot exclude " + "; ".join(r.cannot_exclude) + "."
                     if r.cannot_exclude else
                     f"interpret() names {_cause_words(r.likely_cause)}: suppressed PTH, then 25-OH-D, then "
                     "calcitriol."),
    )
