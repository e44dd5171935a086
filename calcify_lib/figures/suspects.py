"""Figures of the homeostasis model: time courses, a lab panel, the disease explorer, a lab table.

Everything drawn here comes from :mod:`calcify_lib.homeostasis`; the
reference ranges come from :data:`calcify_lib.patients.LAB_REFERENCE_RANGES`.
The chapter "The usual suspects" calls these functions and nothing else.
"""

from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING

import numpy as np

from .. import homeostasis, style
from .._validation import Range, accepts
from ..cited import CitedConstant, basis_counts, constants_in
from ..homeostasis.conditions import SEVERITY, check_condition, check_treatments
from ..explorer import Choice, Explorer, Marker, Slider, View, figure_fraction, figure_png
from ..patients import CAUSES_OF_METASTATIC_CALCIFICATION, LAB_REFERENCE_RANGES
from ..tables import Table
from ..selfcheck import MultipleChoice, NumericEntry, Option
from ..units import CALCIUM_MOLAR_MASS_G_MOL, ca_x_p_mg2_dl2_to_mmol2_l2

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "CONDITION_LABELS", "TREATMENT_LABELS", "ONSET_DAYS_HIDDEN", "scenario_label", "PANEL_ROWS", "time_course", "lab_panel",
    "lab_readout_html", "disease_explorer", "lab_table",
    "HYPERCALCIURIA_WOMEN_MG_DAY", "EXPLORER_SUGGESTIONS", "time_course_figure", "push_table",
    "hypercalciuria_thresholds_mmol_day", "severity_figure", "ranking_table", "treatment_table",
    "COURSE_FIELDS", "course_table", "MODEL_COUNTERPARTS", "cited_versus_model_table",
    "LAB_COLUMNS", "severity_table", "suggestions_table", "basis_census",
    "self_check_ckd_product", "self_check_suppressed_pth_cause",
]

#: Display names of the conditions (the book's legend vocabulary, :mod:`calcify_lib.style`).
CONDITION_LABELS = {c: style.label("condition", c) for c in homeostasis.CONDITIONS}
TREATMENT_LABELS = {
    "phosphate_binder": "phosphate binder",
    "dialysis": "dialysis",
    "cinacalcet": "cinacalcet",
    "parathyroidectomy": "parathyroidectomy",
    "glucocorticoid": "glucocorticoid",
    "stop_vitamin_d": "stop vitamin D",
    "bisphosphonate": "bisphosphonate",
}

def scenario_label(condition: str, treatments=(), *, short: bool = False) -> str:
    """The name of a scenario, with chronic kidney disease told apart by dialysis.

    ``'chronic_kidney_disease'`` is *CKD before dialysis* untreated or without
    the treatment ``'dialysis'``, and *CKD on dialysis* with it (the model
    then also lowers the residual GFR above severity 1,
    :mod:`calcify_lib.homeostasis.conditions`); every other condition keeps
    its name in :data:`CONDITION_LABELS`.  ``short``: "CKD" for chronic
    kidney disease.

    Examples
    --------
    >>> scenario_label("chronic_kidney_disease"), scenario_label("chronic_kidney_disease", ("dialysis",))
    ('Chronic kidney disease before dialysis', 'Chronic kidney disease on dialysis')
    >>> scenario_label("sarcoidosis", ("glucocorticoid",))
    'Sarcoidosis'
    """
    condition = check_condition(condition)
    chosen = check_treatments(treatments)
    if condition != "chronic_kidney_disease":
        return CONDITION_LABELS[condition]
    name = "CKD" if short else CONDITION_LABELS[condition]
    return name + (" on dialysis" if "dialysis" in chosen else " before dialysis")


#: The rows of the lab panel: (Labs field, label, unit, format).
PANEL_ROWS = (
    ("total_ca_mg_dl", "total calcium", "mg/dL", "{:.1f}"),
    ("ionized_ca_mmol_l", "ionized calcium", "mmol/L", "{:.2f}"),
    ("phosphate_mg_dl", "phosphate", "mg/dL", "{:.1f}"),
    ("pth_pg_ml", "PTH", "pg/mL", "{:.0f}"),
    ("calcitriol_pg_ml", "calcitriol", "pg/mL", "{:.0f}"),
    ("fgf23_relative", "FGF23", "× normal", "{:.1f}"),
    ("ca_x_p_mg2_dl2", "Ca × P", "mg²/dL²", "{:.0f}"),
    ("urine_ca_mmol_day", "urine calcium", "mmol/day", "{:.1f}"),
)
_LOG2_SPAN = 4.0  # the panel runs from 1/16 to 16 times normal


def _range(field: str) -> tuple[float | None, float | None]:
    low, high = LAB_REFERENCE_RANGES.get(field, (None, None))
    return (None if low is None else low.value, None if high is None else high.value)


#: Days after the model's abrupt onset that the chapter's time courses leave out.
#: The model switches a disease on overnight in a normal adult; its first days
#: are the answer to that impossible push (a PTH spike in primary
#: hyperparathyroidism, a fall of calcium in chronic kidney disease before the
#: glands answer), not the disease a patient has.
ONSET_DAYS_HIDDEN = 30.0


#: The longest course :func:`calcify_lib.homeostasis.simulate` computes, for the day arguments here.
_COURSE_DAYS = Range(0.0, 36_500.0, "days", kind="number")


def _window_start(trajectory: homeostasis.Trajectory, from_day: float) -> float:
    """``from_day`` if it leaves part of ``trajectory`` to draw; else a ValueError naming it."""
    if not from_day < trajectory.days:
        raise ValueError(f"from_day must be less than the course's {trajectory.days:g} days; "
                         f"got {from_day:g} days")
    return from_day


@accepts(from_day=_COURSE_DAYS)
@style.styled
def time_course(axes, trajectory: homeostasis.Trajectory, *, from_day: float = 0.0) -> None:
    """Four panels (total calcium, phosphate, PTH, calcitriol) against days, ranges shaded.

    ``axes`` is a sequence of four matplotlib axes.  The course is drawn in
    the colour of its condition (:func:`calcify_lib.style.color`), the
    reference ranges as grey bands; a dotted line marks the day treatment
    starts, when there is a treatment.  Only the days from ``from_day`` (0 to
    less than ``trajectory.days``) are drawn, and the y axes fit those days.
    """
    fields = (("total_ca_mg_dl", "total calcium (mg/dL)"), ("phosphate_mg_dl", "phosphate (mg/dL)"),
              ("pth_pg_ml", "PTH (pg/mL)"), ("calcitriol_pg_ml", "calcitriol (pg/mL)"))
    if len(axes) != len(fields):
        raise ValueError(f"axes must hold {len(fields)} axes; got {len(axes)}")
    start = _window_start(trajectory, from_day)
    shown = trajectory.time_days >= start
    t = trajectory.time_days[shown]
    course = style.line_kw("condition", trajectory.condition, with_label=False)
    course["linestyle"] = "-"  # one condition per figure: its colour names it, a solid line reads best
    for ax in axes:
        style.pin(ax)
    for ax, (field, label) in zip(axes, fields):
        low, high = _range(field)
        if low is not None and high is not None:
            ax.axhspan(low, high, color=style.color("reference", "reference_range"), lw=0,
                       label=style.label("reference", "reference_range"))
        values = getattr(trajectory, field)[shown]
        ax.plot(t, values, **course)
        if trajectory.treatments and trajectory.treatment_start_day >= start:
            ax.axvline(trajectory.treatment_start_day, color=style.color("event", "treatment_start"),
                       ls=style.linestyle("event", "treatment_start"), lw=1.2)
        ax.set_ylabel(label)
        ax.set_xlim(t[0], t[-1])
        top = max(float(np.max(values)), high or 0.0) * 1.15
        ax.set_ylim(0.0, top)
    for ax in axes[-2:]:
        ax.set_xlabel("days after onset")


def _x(value: float, normal: float) -> float:
    """Position on the panel's log2 axis, clipped to its edges."""
    if value <= 0.0:
        return -_LOG2_SPAN
    return min(max(math.log2(value / normal), -_LOG2_SPAN), _LOG2_SPAN)


@style.styled
def lab_panel(ax, normal: homeostasis.Labs) -> None:
    """Draw the empty lab panel: one row per lab, its reference range shaded grey, normal at 1×."""
    ax.set_xlim(-_LOG2_SPAN, _LOG2_SPAN)
    ax.set_ylim(len(PANEL_ROWS) - 0.5, -0.5)
    for row, (field, label, unit, _) in enumerate(PANEL_ROWS):
        low, high = _range(field)
        normal_value = getattr(normal, field)
        left = -_LOG2_SPAN if low is None else _x(low, normal_value)
        right = _LOG2_SPAN if high is None else _x(high, normal_value)
        if low is not None or high is not None:
            ax.fill_betweenx([row - 0.32, row + 0.32], left, right,
                             color=style.color("reference", "reference_range"), lw=0)
        ax.axhline(row, color=style.GREYS["light_grey"], lw=0.8, zorder=0)
    ax.axvline(0.0, color=style.GREYS["dark_grey"], lw=1)
    ticks = np.arange(-_LOG2_SPAN, _LOG2_SPAN + 1)
    ax.set_xticks(ticks)
    ax.set_xticklabels([f"{2 ** k:g}×" if k >= 0 else f"1/{2 ** -k:g}" for k in ticks.astype(int)])
    ax.set_yticks(range(len(PANEL_ROWS)))
    ax.set_yticklabels([f"{label} ({unit})" for _, label, unit, _ in PANEL_ROWS])
    ax.set_xlabel("multiple of normal (log scale); grey: reference range")


def lab_readout_html(labs: homeostasis.Labs, normal: homeostasis.Labs) -> str:
    """The labs as text, with the hydroxyapatite SI and the daily urinary calcium, from the model."""
    parts = []
    for field, label, unit, fmt in PANEL_ROWS:
        parts.append(f"{label} <strong>{fmt.format(getattr(labs, field))}</strong> {unit}")
    si_change = labs.si_hydroxyapatite - normal.si_hydroxyapatite
    return ("; ".join(parts) + f". SI of hydroxyapatite <strong>{labs.si_hydroxyapatite:+.2f}</strong> "
            f"({si_change:+.2f} from normal).")


def _treatment_choices() -> tuple[str, ...]:
    return ("none",) + tuple(homeostasis.TREATMENTS)


def disease_explorer(*, severities: tuple[float, ...] = (0.0, 0.5, 1.0, 1.5, 2.0)) -> Explorer:
    """Condition, severity and treatment against the lab panel, at steady state.

    One picture (the panel); a dot per lab moves with the settings.  Each
    setting is :func:`calcify_lib.homeostasis.steady_state` of the condition
    at that severity, untreated or with one treatment.  Condition and
    treatment are names, so they are :class:`~calcify_lib.explorer.Choice`
    controls (radio buttons on the static page) and the render function
    receives them as strings (``condition="chronic_kidney_disease"``,
    ``treatment="none"``); severity is a quantity, so it is a slider.
    """
    import matplotlib.pyplot as plt

    conditions = tuple(homeostasis.CONDITIONS)
    treatments = _treatment_choices()
    normal = homeostasis.steady_state("normal")
    fig, ax = style.subplots(height_in=3.9, dpi=90)
    fig.get_layout_engine().set(w_pad=0.12)  # room for the last tick label, "16×"
    lab_panel(ax, normal)
    fig.canvas.draw()
    png = figure_png(fig, dpi=90, colors=32)
    rows = {field: row for row, (field, _, _, _) in enumerate(PANEL_ROWS)}
    places = {(field, k): figure_fraction(ax, k / 8.0, rows[field]) for field in rows
              for k in range(int(-8 * _LOG2_SPAN), int(8 * _LOG2_SPAN) + 1)}
    plt.close(fig)

    def render(condition: str, severity: float, treatment: str) -> View:
        labs = homeostasis.steady_state(condition, severity, () if treatment == "none" else (treatment,))
        markers = []
        for field, label, _, _ in PANEL_ROWS:
            x = round(8.0 * _x(getattr(labs, field), getattr(normal, field)))
            markers.append(Marker(*places[(field, x)], label, style.color("condition", condition)))
        where = ", ".join(
            f"{label} {'high' if getattr(labs, f) > (hi if hi is not None else math.inf) else 'low' if getattr(labs, f) < (lo if lo is not None else -math.inf) else 'in range'}"
            for f, label, _, _ in PANEL_ROWS[:5] for lo, hi in [_range(f)]
        )
        treated = "untreated" if treatment == "none" else f"with {TREATMENT_LABELS[treatment]}"
        name = scenario_label(condition, () if treatment == "none" else (treatment,))
        alt = f"Lab panel: {name}, severity {severity:g}, {treated}: {where}."
        return View(png=png, alt=alt, readout_html=lab_readout_html(labs, normal), markers=tuple(markers))

    description = (
        "Each row is one lab, drawn as a multiple of the normal adult's value on a log scale (the grey "
        "line is 1×); the grey band is its adult reference range (for Ca × P, below the KDOQI limit; "
        "for urine calcium, below the hypercalciuria threshold). The dot, in the colour of the condition, "
        "is the model's steady state for the chosen condition, severity and treatment. Severity 0 is the normal adult, 1 a typical "
        "presentation, 2 severe. Chronic kidney disease without the dialysis treatment is CKD before dialysis; "
        "with it, it is CKD on dialysis, whose residual kidney function falls further above severity 1."
    )
    return Explorer(
        "The usual suspects: condition, severity, treatment",
        description,
        [
            Choice("condition", "Condition", tuple((c, CONDITION_LABELS[c]) for c in conditions), "normal"),
            Slider("severity", "Severity", tuple(float(s) for s in severities), 1.0,
                   lambda v: f"{v:g} ({'normal' if v == 0 else 'typical' if v == 1 else 'severe' if v == 2 else 'between'})"),
            Choice("treatment", "Treatment",
                   tuple((t, "none" if t == "none" else TREATMENT_LABELS[t]) for t in treatments), "none"),
        ],
        render,
    )


@accepts(severity=SEVERITY)
def lab_table(severity: float = 1.0) -> Table:
    """Every condition's steady-state labs at ``severity``, beside the adult reference ranges."""
    conditions = tuple(homeostasis.CONDITIONS)
    labs = {c: homeostasis.steady_state(c, severity) for c in conditions}
    rows = []
    for field, label, unit, fmt in PANEL_ROWS + (("si_hydroxyapatite", "SI hydroxyapatite", "log10", "{:+.2f}"),):
        low, high = _range(field)
        if low is None and high is None:
            band = "1 (normal)" if field == "fgf23_relative" else "–"
        elif low is None:
            band = f"< {high:g}"
        else:
            band = f"{low:g}–{high:g}"
        rows.append([f"{label} ({unit})", band] + [fmt.format(getattr(labs[c], field)) for c in conditions])
    short = {"normal": "normal", "primary_hyperparathyroidism": "PHPT", "vitamin_d_intoxication": "vit D intox.",
             "sarcoidosis": "sarcoidosis", "chronic_kidney_disease": "CKD before dialysis",
             "bone_destruction": "bone destr."}
    return Table.build(
        f"Steady-state labs of the homeostasis model at severity {severity:g}, untreated",
        ["lab", "adult range"] + [short[c] for c in conditions],
        rows,
    )


# ------------------------------------------------------------ the chapter's figures and tables

#: Hypercalciuria in women; the men's limit is ``LAB_REFERENCE_RANGES["urine_ca_mmol_day"]``.
HYPERCALCIURIA_WOMEN_MG_DAY = CitedConstant(
    250.0, "mg/day", None, "walker2018primary",
    "Upper limit of normal urinary calcium in women, 250 mg/day; above it is hypercalciuria "
    "(men: 300 mg/day).",
    basis="guideline",
)

#: The settings that the chapter suggests trying in the disease explorer:
#: (condition, severity, treatment or ``None``), each untreated and treated.
EXPLORER_SUGGESTIONS = (
    ("primary_hyperparathyroidism", 1.0, None), ("primary_hyperparathyroidism", 1.0, "cinacalcet"),
    ("sarcoidosis", 2.0, None), ("sarcoidosis", 2.0, "glucocorticoid"),
    ("chronic_kidney_disease", 2.0, None), ("chronic_kidney_disease", 2.0, "dialysis"),
    ("bone_destruction", 2.0, None), ("bone_destruction", 2.0, "bisphosphonate"),
    ("vitamin_d_intoxication", 1.0, None), ("vitamin_d_intoxication", 1.0, "glucocorticoid"),
    ("chronic_kidney_disease", 1.0, None), ("chronic_kidney_disease", 1.0, "parathyroidectomy"),
)


def _lower_first(label: str) -> str:
    return label[:1].lower() + label[1:]


@accepts(from_day=Range(0.0, 36_500.0, "days", kind="number", optional=True))
def time_course_figure(trajectory: homeostasis.Trajectory, *,
                       from_day: float | None = None) -> Figure:
    """The chapter's time-course figure: :func:`time_course` on a 2 × 2 grid, onset left out.

    Parameters
    ----------
    trajectory : calcify_lib.homeostasis.Trajectory
        A course from :func:`calcify_lib.homeostasis.simulate`.
    from_day : float or None
        The first day drawn, 0 to less than ``trajectory.days``.  By default
        (``None``) :data:`ONSET_DAYS_HIDDEN` (30 days) for a course longer
        than that, else 0 (the whole course): the model's disease starts
        overnight in a normal adult, and its first days (a spike of PTH, a
        fall of calcium before the glands answer) are the answer to that
        impossible onset, not the settled disease.  Pass 0 to see them.

    Returns
    -------
    matplotlib.figure.Figure
        A figure of the book's width (:data:`calcify_lib.style.FIGURE_WIDTH_IN`)
        and 4.8 inches high (constrained layout, shared day axis) with
        four axes: total calcium, phosphate, PTH and calcitriol against days
        after onset, from ``from_day`` on, adult reference ranges shaded grey,
        and a dotted line on the day treatment starts when there is one.

    Raises
    ------
    TypeError
        If ``trajectory`` is not a :class:`~calcify_lib.homeostasis.Trajectory`.
    ValueError
        If ``from_day`` is outside 0 to ``trajectory.days`` (exclusive).
    """
    if not isinstance(trajectory, homeostasis.Trajectory):
        raise TypeError(f"trajectory must be a calcify_lib.homeostasis.Trajectory; got {type(trajectory).__name__}")
    if from_day is None:
        from_day = ONSET_DAYS_HIDDEN if trajectory.days > ONSET_DAYS_HIDDEN else 0.0
    start = _window_start(trajectory, from_day)
    fig, axes = style.subplots(2, 2, height_in=4.8, sharex=True)
    time_course(axes.ravel(), trajectory, from_day=start)
    return fig


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
    (:func:`scenario_label`).  Two columns that order the causes differently
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
        One row per set, named by :func:`scenario_label` (CKD before or on
        dialysis) and its treatments: total calcium, phosphate, PTH, the
        calcium × phosphate product, the SI of hydroxyapatite and the daily
        urinary calcium of :func:`calcify_lib.homeostasis.steady_state`.
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


#: The columns :func:`course_table` can show: (Trajectory field, heading, format).
COURSE_FIELDS = {
    "total_ca_mg_dl": ("Ca (mg/dL)", "{:.1f}"),
    "phosphate_mg_dl": ("P (mg/dL)", "{:.1f}"),
    "pth_pg_ml": ("PTH (pg/mL)", "{:.0f}"),
    "calcitriol_pg_ml": ("calcitriol (pg/mL)", "{:.0f}"),
    "calcifediol_ng_ml": ("25-OH-D (ng/mL)", "{:.0f}"),
    "bone_ca_mmol_day": ("bone (mmol Ca/day)", "{:+.2f}"),
    "urine_ca_mmol_day": ("urine Ca (mmol/day)", "{:.1f}"),
}


@accepts(days=Range(0.0, 36_500.0, "days"))
def course_table(trajectory: homeostasis.Trajectory, days, fields=("total_ca_mg_dl", "phosphate_mg_dl",
                                                                   "pth_pg_ml")) -> Table:
    """Chosen labs of a simulated course on chosen days, counted from onset and from treatment.

    Parameters
    ----------
    trajectory : calcify_lib.homeostasis.Trajectory
        From :func:`calcify_lib.homeostasis.simulate`.
    days : sequence of float
        Days after onset, each 0 to ``trajectory.days``.  The labs are
        :meth:`~calcify_lib.homeostasis.Trajectory.labs_at` that day; the
        extra arrays (``calcifediol_ng_ml``, ``bone_ca_mmol_day``) are read
        from the stored course, linearly interpolated.
    fields : sequence of str
        Keys of :data:`COURSE_FIELDS`.

    Returns
    -------
    calcify_lib.tables.Table
        One row per day: the day after onset, the day of treatment (when
        there is one) and the chosen labs.
    """
    if not isinstance(trajectory, homeostasis.Trajectory):
        raise TypeError(f"trajectory must be a calcify_lib.homeostasis.Trajectory; got {type(trajectory).__name__}")
    unknown = [f for f in fields if f not in COURSE_FIELDS]
    if unknown or not fields:
        raise ValueError(f"fields must be names from {', '.join(map(repr, COURSE_FIELDS))}; got {fields!r}")
    when = Range(0.0, trajectory.days, "days")
    treated = bool(trajectory.treatments)
    rows = []
    for day in np.atleast_1d(when.check("days", days)):
        day = float(day)
        labs = trajectory.labs_at(day).as_dict()
        cells = [f"{day:g}"]
        if treated:
            cells.append(f"{day - trajectory.treatment_start_day:g}")
        for field in fields:
            value = labs[field] if field in labs else float(np.interp(day, trajectory.time_days,
                                                                      getattr(trajectory, field)))
            cells.append(COURSE_FIELDS[field][1].format(value))
        rows.append(cells)
    treatment = " + ".join(TREATMENT_LABELS[t] for t in trajectory.treatments)
    caption = (f"{scenario_label(trajectory.condition, trajectory.treatments if treated else ())}, "
               f"severity {trajectory.severity:g}"
               + (f": {treatment} from day {trajectory.treatment_start_day:g}" if treated else "")
               + " (simulated course)")
    return Table.build(caption, ["day after onset"] + (["day of treatment"] if treated else [])
                       + [COURSE_FIELDS[f][0] for f in fields], rows)


#: Headings and formats of the labs :func:`severity_table` can show.
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
        Keys of :data:`LAB_COLUMNS`.

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
    scenario in :data:`MODEL_COUNTERPARTS`.

    Returns
    -------
    calcify_lib.tables.Table
        One row per cause.
    """
    from ..chemistry import speciate_serum

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


def hypercalciuria_thresholds_mmol_day() -> tuple[float, float]:
    """The hypercalciuria thresholds (men, women), in mmol of calcium per day.

    Men: the upper limit of ``LAB_REFERENCE_RANGES["urine_ca_mmol_day"]``
    (300 mg/day); women: :data:`HYPERCALCIURIA_WOMEN_MG_DAY` divided by the
    molar mass of calcium, :data:`calcify_lib.units.CALCIUM_MOLAR_MASS_G_MOL`
    :cite:`walker2018primary`.
    """
    men = LAB_REFERENCE_RANGES["urine_ca_mmol_day"][1].value
    women = HYPERCALCIURIA_WOMEN_MG_DAY.value / CALCIUM_MOLAR_MASS_G_MOL.value
    return men, women


def severity_figure(condition: str, severities) -> Figure:
    """Blood and urine against severity, at steady state: where a condition calcifies.

    Left: the plasma calcium × phosphate product, against the KDOQI 2003
    limit (dashed).  Right: daily urinary calcium, against the hypercalciuria
    thresholds of :func:`hypercalciuria_thresholds_mmol_day` for men (dashed)
    and women (dotted).  Each point is
    :func:`calcify_lib.homeostasis.steady_state` of ``condition`` at one
    severity, untreated.

    Parameters
    ----------
    condition : str
        One of :data:`calcify_lib.homeostasis.CONDITIONS`.
    severities : sequence of float
        The severities to compute, each 0-2; at least two.

    Returns
    -------
    matplotlib.figure.Figure
        The book's width (:data:`calcify_lib.style.FIGURE_WIDTH_IN`) by 3.2
        inches, two axes sharing the severity axis, the curves in the colour
        of the condition.  The y axes
        run from 0 to 70 mg²/dL² and 0 to 9 mmol/day, or higher if the
        model's values need it.

    Raises
    ------
    ValueError
        If fewer than two severities are given, or from
        :func:`calcify_lib.homeostasis.steady_state` for an unknown
        condition or a severity outside 0-2.
    """
    values = np.asarray(severities, dtype=float)
    if values.ndim != 1 or values.size < 2:
        raise ValueError(f"severities must be a sequence of at least two severities in 0 to 2; got {severities!r}")
    labs = [homeostasis.steady_state(condition, float(s)) for s in values]
    product = [l.ca_x_p_mg2_dl2 for l in labs]
    urine_ca = [l.urine_ca_mmol_day for l in labs]
    limit = LAB_REFERENCE_RANGES["ca_x_p_mg2_dl2"][1].value
    men, women = hypercalciuria_thresholds_mmol_day()
    fig, (blood, urine) = style.subplots(1, 2, height_in=3.2, sharex=True)
    course = {"color": style.color("condition", condition), "lw": style.LINE_WIDTH}
    first = {"color": style.color("reference", "threshold"), "ls": style.linestyle("reference", "threshold"),
             "lw": 1.2}
    second = {"color": style.color("reference", "second_threshold"),
              "ls": style.linestyle("reference", "second_threshold"), "lw": 1.5}
    with style.context():
        blood.plot(values, product, **course)
        blood.axhline(limit, label="KDOQI 2003 limit", **first)
        blood.set_ylim(0.0, max(70.0, 1.1 * max(product)))
        blood.set_ylabel("plasma Ca × P (mg²/dL²)")
        blood.legend(loc="lower right")
        urine.plot(values, urine_ca, **course)
        urine.axhline(men, label="hypercalciuria, men", **first)
        urine.axhline(women, label="hypercalciuria, women", **second)
        urine.set_ylim(0.0, max(9.0, 1.1 * max(urine_ca)))
        urine.set_ylabel("urine calcium (mmol/day)")
        urine.legend(loc="lower right")
        fig.supxlabel(f"severity of {_lower_first(scenario_label(condition))}", fontsize=style.BASE_PT)
    return fig


def suggestions_table(settings=EXPLORER_SUGGESTIONS) -> Table:
    """Steady-state labs of chosen (condition, severity, treatment) settings, one row each.

    Parameters
    ----------
    settings : sequence of (str, float, str or None)
        Condition (one of :data:`calcify_lib.homeostasis.CONDITIONS`),
        severity (0-2) and one treatment (one of
        :data:`calcify_lib.homeostasis.TREATMENTS`) or ``None`` for
        untreated.  By default the explorer's suggestions,
        :data:`EXPLORER_SUGGESTIONS`.

    Returns
    -------
    calcify_lib.tables.Table
        Total calcium, phosphate, PTH, calcitriol and Ca × P of
        :func:`calcify_lib.homeostasis.steady_state` for each setting.
    """
    rows = []
    for condition, severity, treatment in settings:
        labs = homeostasis.steady_state(condition, severity, (treatment,) if treatment else ())
        rows.append([scenario_label(condition, (treatment,) if treatment else ()), f"{severity:g}",
                     (treatment or "none").replace("_", " "),
                     f"{labs.total_ca_mg_dl:.1f}", f"{labs.phosphate_mg_dl:.1f}", f"{labs.pth_pg_ml:.0f}",
                     f"{labs.calcitriol_pg_ml:.0f}", f"{labs.ca_x_p_mg2_dl2:.0f}"])
    return Table.build("The explorer's suggestions, checked (steady states)",
                       ["condition", "severity", "treatment", "Ca (mg/dL)", "P (mg/dL)", "PTH (pg/mL)",
                        "calcitriol (pg/mL)", "Ca × P (mg²/dL²)"], rows)


def basis_census(module=homeostasis) -> Table:
    """The model's constants counted by how they were obtained, with the hand-set count as caption.

    Counts every constant ``module`` defines, submodules included
    (:func:`calcify_lib.cited.constants_in`), by its ``basis``
    (:func:`calcify_lib.figures.chemistry.basis_table`), and names the
    measured ones; the caption says how many are ``'set'``: chosen by hand
    so that the model lands on a stated target, not measured.
    """
    from .chemistry import basis_table  # the same census as the chemistry chapter's

    found = constants_in(module)
    n_set = basis_counts(c for _, c in found)["set"]
    return basis_table(module, caption=f"{n_set} of the model's {len(found)} constants are set by hand",
                       named=("measured",))


# ------------------------------------------------------------ self-checks

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
