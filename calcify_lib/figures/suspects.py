"""Figures of the homeostasis model: time courses, a lab panel, the disease explorer, a lab table.

Everything drawn here comes from :mod:`calcify_lib.homeostasis`; the
reference ranges come from :data:`calcify_lib.patients.LAB_REFERENCE_RANGES`.
The chapter "The usual suspects" calls these functions and nothing else.
"""

from __future__ import annotations

import html
import math

import numpy as np

from . import homeostasis
from .explorer import Explorer, Marker, Slider, View, figure_fraction, figure_png
from .patients import LAB_REFERENCE_RANGES
from .tables import Table

__all__ = [
    "CONDITION_LABELS", "TREATMENT_LABELS", "PANEL_ROWS", "time_course", "lab_panel",
    "lab_readout_html", "disease_explorer", "lab_table",
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
    at that severity, untreated or with one treatment.
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

    def render(condition: float, severity: float, treatment: float) -> View:
        name = conditions[int(condition)]
        chosen = treatments[int(treatment)]
        labs = homeostasis.steady_state(name, severity, () if chosen == "none" else (chosen,))
        markers = []
        for field, label, _, _ in PANEL_ROWS:
            x = round(8.0 * _x(getattr(labs, field), getattr(normal, field)))
            markers.append(Marker(*places[(field, x)], label, "#d62728"))
        where = ", ".join(
            f"{label} {'high' if getattr(labs, f) > (hi if hi is not None else math.inf) else 'low' if getattr(labs, f) < (lo if lo is not None else -math.inf) else 'in range'}"
            for f, label, _, _ in PANEL_ROWS[:5] for lo, hi in [_range(f)]
        )
        treated = "untreated" if chosen == "none" else f"with {TREATMENT_LABELS[chosen]}"
        alt = f"Lab panel: {CONDITION_LABELS[name]}, severity {severity:g}, {treated}: {where}."
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
            Slider("condition", "Condition", tuple(float(i) for i in range(len(conditions))), 0.0,
                   lambda v: CONDITION_LABELS[conditions[int(v)]]),
            Slider("severity", "Severity", tuple(float(s) for s in severities), 1.0,
                   lambda v: f"{v:g} ({'normal' if v == 0 else 'typical' if v == 1 else 'severe' if v == 2 else 'between'})"),
            Slider("treatment", "Treatment", tuple(float(i) for i in range(len(treatments))), 0.0,
                   lambda v: "none" if treatments[int(v)] == "none" else TREATMENT_LABELS[treatments[int(v)]]),
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
