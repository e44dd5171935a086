"""The usual suspects' lab panel: one scenario's labs against the reference ranges, and its explorer.

The names of the conditions and treatments
(:func:`~calcify_lib.figures.suspects.scenario_label`), the panel of labs drawn on a log scale
around the normal adult (:func:`~calcify_lib.figures.suspects.lab_panel`), the disease explorer
that moves condition, severity and treatment
(:func:`~calcify_lib.figures.suspects.disease_explorer`), and the tables of labs and of settings
worth trying in the explorer.
"""

from __future__ import annotations

import math

import numpy as np

from ... import homeostasis, style
from ..._validation import accepts
from ...homeostasis.conditions import SEVERITY, check_condition, check_treatments
from ...explorer import Choice, Explorer, Marker, Slider, View, figure_fraction, figure_png
from ...patients import LAB_REFERENCE_RANGES
from ...tables import Table

__all__ = [
    "CONDITION_LABELS",
    "TREATMENT_LABELS",
    "scenario_label",
    "PANEL_ROWS",
    "lab_panel",
    "lab_readout_html",
    "disease_explorer",
    "lab_table",
    "EXPLORER_SUGGESTIONS",
    "suggestions_table",
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
    its name in :data:`~calcify_lib.figures.suspects.panel.CONDITION_LABELS`.  ``short``: "CKD" for chronic
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


def suggestions_table(settings=EXPLORER_SUGGESTIONS) -> Table:
    """Steady-state labs of chosen (condition, severity, treatment) settings, one row each.

    Parameters
    ----------
    settings : sequence of (str, float, str or None)
        Condition (one of :data:`calcify_lib.homeostasis.CONDITIONS`),
        severity (0-2) and one treatment (one of
        :data:`calcify_lib.homeostasis.TREATMENTS`) or ``None`` for
        untreated.  By default the explorer's suggestions,
        :data:`~calcify_lib.figures.suspects.panel.EXPLORER_SUGGESTIONS`.

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
