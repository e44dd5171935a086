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

from .. import homeostasis
from ..cited import CitedConstant
from ..explorer import Choice, Explorer, Marker, Slider, View, figure_fraction, figure_png
from ..patients import LAB_REFERENCE_RANGES
from ..tables import Table
from ..units import CALCIUM_MOLAR_MASS_G_MOL

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "CONDITION_LABELS", "TREATMENT_LABELS", "PANEL_ROWS", "time_course", "lab_panel",
    "lab_readout_html", "disease_explorer", "lab_table",
    "HYPERCALCIURIA_WOMEN_MG_DAY", "EXPLORER_SUGGESTIONS", "time_course_figure", "push_table",
    "hypercalciuria_thresholds_mmol_day", "severity_figure", "suggestions_table",
]

CONDITION_LABELS = {
    "normal": "Normal adult",
    "primary_hyperparathyroidism": "Primary hyperparathyroidism",
    "vitamin_d_intoxication": "Vitamin D intoxication",
    "sarcoidosis": "Sarcoidosis",
    "chronic_kidney_disease": "Chronic kidney disease",
    "bone_destruction": "Bone destruction",
}
TREATMENT_LABELS = {
    "phosphate_binder": "phosphate binder",
    "dialysis": "dialysis",
    "cinacalcet": "cinacalcet",
    "parathyroidectomy": "parathyroidectomy",
    "glucocorticoid": "glucocorticoid",
    "stop_vitamin_d": "stop vitamin D",
    "bisphosphonate": "bisphosphonate",
}

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


def time_course(axes, trajectory: homeostasis.Trajectory) -> None:
    """Four panels (total calcium, phosphate, PTH, calcitriol) against days, ranges shaded.

    ``axes`` is a sequence of four matplotlib axes.  A dotted line marks the
    day treatment starts, when there is a treatment.
    """
    fields = (("total_ca_mg_dl", "total calcium (mg/dL)"), ("phosphate_mg_dl", "phosphate (mg/dL)"),
              ("pth_pg_ml", "PTH (pg/mL)"), ("calcitriol_pg_ml", "calcitriol (pg/mL)"))
    if len(axes) != len(fields):
        raise ValueError(f"axes must hold {len(fields)} axes; got {len(axes)}")
    t = trajectory.time_days
    for ax, (field, label) in zip(axes, fields):
        low, high = _range(field)
        if low is not None and high is not None:
            ax.axhspan(low, high, color="#2ca02c", alpha=0.12, lw=0, label="adult reference range")
        ax.plot(t, getattr(trajectory, field), color="#d62728", lw=2)
        if trajectory.treatments:
            ax.axvline(trajectory.treatment_start_day, color="black", ls=":", lw=1)
        ax.set_ylabel(label)
        ax.set_xlim(t[0], t[-1])
        values = getattr(trajectory, field)
        top = max(float(np.max(values)), high or 0.0) * 1.15
        ax.set_ylim(0.0, top)
    for ax in axes[-2:]:
        ax.set_xlabel("days after onset")


def _x(value: float, normal: float) -> float:
    """Position on the panel's log2 axis, clipped to its edges."""
    if value <= 0.0:
        return -_LOG2_SPAN
    return min(max(math.log2(value / normal), -_LOG2_SPAN), _LOG2_SPAN)


def lab_panel(ax, normal: homeostasis.Labs) -> None:
    """Draw the empty lab panel: one row per lab, its reference range shaded, normal at 1×."""
    ax.set_xlim(-_LOG2_SPAN, _LOG2_SPAN)
    ax.set_ylim(len(PANEL_ROWS) - 0.5, -0.5)
    for row, (field, label, unit, _) in enumerate(PANEL_ROWS):
        low, high = _range(field)
        normal_value = getattr(normal, field)
        left = -_LOG2_SPAN if low is None else _x(low, normal_value)
        right = _LOG2_SPAN if high is None else _x(high, normal_value)
        if low is not None or high is not None:
            ax.fill_betweenx([row - 0.32, row + 0.32], left, right, color="#2ca02c", alpha=0.18, lw=0)
        ax.axhline(row, color="0.85", lw=0.8, zorder=0)
    ax.axvline(0.0, color="0.4", lw=1)
    ticks = np.arange(-_LOG2_SPAN, _LOG2_SPAN + 1)
    ax.set_xticks(ticks)
    ax.set_xticklabels([f"{2 ** k:g}×" if k >= 0 else f"1/{2 ** -k:g}" for k in ticks.astype(int)])
    ax.set_yticks(range(len(PANEL_ROWS)))
    ax.set_yticklabels([f"{label} ({unit})" for _, label, unit, _ in PANEL_ROWS])
    ax.set_xlabel("multiple of the normal adult (log scale); green: reference range")


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
    fig, ax = plt.subplots(figsize=(6.4, 3.9), layout="constrained", dpi=90)
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
            markers.append(Marker(*places[(field, x)], label, "#d62728"))
        where = ", ".join(
            f"{label} {'high' if getattr(labs, f) > (hi if hi is not None else math.inf) else 'low' if getattr(labs, f) < (lo if lo is not None else -math.inf) else 'in range'}"
            for f, label, _, _ in PANEL_ROWS[:5] for lo, hi in [_range(f)]
        )
        treated = "untreated" if treatment == "none" else f"with {TREATMENT_LABELS[treatment]}"
        alt = f"Lab panel: {CONDITION_LABELS[condition]}, severity {severity:g}, {treated}: {where}."
        return View(png=png, alt=alt, readout_html=lab_readout_html(labs, normal), markers=tuple(markers))

    description = (
        "Each row is one lab, drawn as a multiple of the normal adult's value on a log scale (the grey "
        "line is 1×); the green band is its adult reference range (for Ca × P, below the KDOQI limit; "
        "for urine calcium, below the hypercalciuria threshold). The red dot is the model's steady state "
        "for the chosen condition, severity and treatment. Severity 0 is the normal adult, 1 a typical "
        "presentation, 2 severe."
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
             "sarcoidosis": "sarcoidosis", "chronic_kidney_disease": "CKD", "bone_destruction": "bone destr."}
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


def time_course_figure(trajectory: homeostasis.Trajectory) -> Figure:
    """The chapter's time-course figure: :func:`time_course` on a 2 × 2 grid.

    Parameters
    ----------
    trajectory : calcify_lib.homeostasis.Trajectory
        A course from :func:`calcify_lib.homeostasis.simulate`.

    Returns
    -------
    matplotlib.figure.Figure
        A 7.0 × 4.8 inch figure (constrained layout, shared day axis) with
        four axes: total calcium, phosphate, PTH and calcitriol against days,
        adult reference ranges shaded, and a dotted line on the day treatment
        starts when there is one.
    """
    import matplotlib.pyplot as plt

    if not isinstance(trajectory, homeostasis.Trajectory):
        raise TypeError(f"trajectory must be a calcify_lib.homeostasis.Trajectory; got {type(trajectory).__name__}")
    fig, axes = plt.subplots(2, 2, figsize=(7.0, 4.8), layout="constrained", sharex=True)
    time_course(axes.ravel(), trajectory)
    return fig


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
    name = f"{_lower_first(CONDITION_LABELS[condition])}, severity {severity:g}"
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
        7.0 × 3.0 inches, two axes sharing the severity axis.  The y axes
        run from 0 to 70 mg²/dL² and 0 to 9 mmol/day, or higher if the
        model's values need it.

    Raises
    ------
    ValueError
        If fewer than two severities are given, or from
        :func:`calcify_lib.homeostasis.steady_state` for an unknown
        condition or a severity outside 0-2.
    """
    import matplotlib.pyplot as plt

    values = np.asarray(severities, dtype=float)
    if values.ndim != 1 or values.size < 2:
        raise ValueError(f"severities must be a sequence of at least two severities in 0 to 2; got {severities!r}")
    labs = [homeostasis.steady_state(condition, float(s)) for s in values]
    product = [l.ca_x_p_mg2_dl2 for l in labs]
    urine_ca = [l.urine_ca_mmol_day for l in labs]
    limit = LAB_REFERENCE_RANGES["ca_x_p_mg2_dl2"][1].value
    men, women = hypercalciuria_thresholds_mmol_day()
    fig, (blood, urine) = plt.subplots(1, 2, figsize=(7.0, 3.0), layout="constrained", sharex=True)
    blood.plot(values, product, color="#d62728", lw=2)
    blood.axhline(limit, color="black", ls="--", lw=1, label="KDOQI 2003 limit")
    blood.set_ylim(0.0, max(70.0, 1.1 * max(product)))
    blood.set_ylabel("plasma Ca × P (mg²/dL²)")
    blood.legend(loc="lower right", fontsize=8)
    urine.plot(values, urine_ca, color="#d62728", lw=2)
    urine.axhline(men, color="black", ls="--", lw=1, label="hypercalciuria, men")
    urine.axhline(women, color="black", ls=":", lw=1, label="hypercalciuria, women")
    urine.set_ylim(0.0, max(9.0, 1.1 * max(urine_ca)))
    urine.set_ylabel("urine calcium (mmol/day)")
    urine.legend(loc="lower right", fontsize=8)
    for ax in (blood, urine):
        ax.set_xlabel(f"severity of {_lower_first(CONDITION_LABELS[condition])}")
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
        rows.append([CONDITION_LABELS[condition], f"{severity:g}", (treatment or "none").replace("_", " "),
                     f"{labs.total_ca_mg_dl:.1f}", f"{labs.phosphate_mg_dl:.1f}", f"{labs.pth_pg_ml:.0f}",
                     f"{labs.calcitriol_pg_ml:.0f}", f"{labs.ca_x_p_mg2_dl2:.0f}"])
    return Table.build("The explorer's suggestions, checked (steady states)",
                       ["condition", "severity", "treatment", "Ca (mg/dL)", "P (mg/dL)", "PTH (pg/mL)",
                        "calcitriol (pg/mL)", "Ca × P (mg²/dL²)"], rows)
