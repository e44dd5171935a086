"""The chemistry chapter's simple picture: calcium × phosphate against a threshold.

The calcium-phosphate plane with the clinical thresholds and the example patients
(:func:`~calcify_lib.figures.chemistry.ca_p_plane`), its explorer
(:func:`~calcify_lib.figures.chemistry.ca_p_explorer`), the words and readouts that go with it,
the tables of thresholds and patients, and the self-check on units.
"""

from __future__ import annotations

import html

import numpy as np
from matplotlib.patches import Rectangle

from ... import style
from ..._validation import Range, accepts
from ...explorer import Explorer, Marker, Slider, View, figure_fraction, figure_png
from ...patients import EXAMPLE_PATIENTS, REFERENCE_RANGES_MG_DL, Patient
from ...precipitation import CA_X_P_THRESHOLDS, assess
from ...selfcheck import NumericEntry
from ...tables import Table
from ...units import (PHOSPHORUS_MOLAR_MASS_G_MOL, ca_mg_dl_to_mmol_l, ca_x_p_mg2_dl2_to_mmol2_l2,
                     phosphate_mg_dl_to_mmol_l)

__all__ = [
    "CA_AXIS_MG_DL",
    "PHOSPHATE_AXIS_MG_DL",
    "ca_p_plane",
    "describe_ca",
    "describe_phosphate",
    "readout_html",
    "ca_p_explorer",
    "threshold_table",
    "simple_picture_table",
    "self_check_phosphate_units",
]


#: The window of the calcium-phosphate plane, in mg/dL.
CA_AXIS_MG_DL = (6.0, 16.0)
PHOSPHATE_AXIS_MG_DL = (1.0, 10.0)

_THRESHOLD_STYLE = {  # the classic threshold solid black, the KDOQI limit dashed dark grey (as the captions say)
    "kdoqi_2003": {**style.line_kw("reference", "second_threshold", with_label=False), "linestyle": "--",
                   "label": "KDOQI 2003 limit, 55 mg²/dL²"},
    "classic_70": {**style.line_kw("reference", "threshold", with_label=False), "linestyle": "-",
                   "label": "Classic threshold, 70 mg²/dL²"},
}


@style.styled
def ca_p_plane(ax, *, patients: tuple[Patient, ...] = EXAMPLE_PATIENTS, shade: str = "classic_70"):
    """Draw the calcium-phosphate plane on ``ax``.

    Curves of constant Ca×P product (hyperbolas, P = K / Ca) mark the
    KDOQI 2003 limit and the classic threshold; the region above the
    ``shade`` threshold is tinted as "supersaturated" in the simple
    picture.  Secondary axes give mmol/L.  Patients are plotted as labelled
    points at their cited lab values.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax``, for chaining.
    """
    if shade not in CA_X_P_THRESHOLDS:
        raise ValueError(f"shade must be one of {sorted(CA_X_P_THRESHOLDS)}; got {shade!r}")
    ca = np.linspace(*CA_AXIS_MG_DL, 400)
    top = PHOSPHATE_AXIS_MG_DL[1]
    limit = CA_X_P_THRESHOLDS[shade].value
    ax.fill_between(ca, np.minimum(limit / ca, top), top, color=style.color("reference", "supersaturated"),
                    alpha=0.12, lw=0)
    ax.fill_between(ca, PHOSPHATE_AXIS_MG_DL[0], np.minimum(limit / ca, top),
                    color=style.color("reference", "undersaturated"), alpha=0.06, lw=0)
    ca_low, ca_high = (k.value for k in REFERENCE_RANGES_MG_DL["calcium"])
    p_low, p_high = (k.value for k in REFERENCE_RANGES_MG_DL["phosphate"])
    ax.add_patch(
        Rectangle(
            (ca_low, p_low),
            ca_high - ca_low,
            p_high - p_low,
            facecolor=style.color("reference", "reference_range"),
            edgecolor=style.GREYS["dark_grey"],
            alpha=0.8,
            linestyle=":",
            label="Adult reference ranges",
        )
    )
    for key, line in _THRESHOLD_STYLE.items():
        k = CA_X_P_THRESHOLDS[key].value
        ax.plot(ca, k / ca, **line)
    ax.text(15.6, 9.4, "above the threshold\n(simple picture)", ha="right", va="top", fontsize=style.SMALL_PT)
    ax.text(6.3, 1.3, "below the threshold", ha="left", va="bottom", fontsize=style.SMALL_PT)
    for p in patients:  # each patient in the colour and marker of its condition
        ax.plot(p.ca_mg_dl.value, p.phosphate_mg_dl.value, marker=style.marker("condition", p.key),
                color=style.color("condition", p.key), ms=9, linestyle="none",
                markeredgecolor=style.OKABE_ITO["black"], label=p.label)
    ax.set_xlim(*CA_AXIS_MG_DL)
    ax.set_ylim(*PHOSPHATE_AXIS_MG_DL)
    ax.set_xlabel("Total serum calcium (mg/dL)")
    ax.set_ylabel("Serum phosphate (mg/dL)")
    ca_factor = float(ca_mg_dl_to_mmol_l(1.0))
    p_factor = float(phosphate_mg_dl_to_mmol_l(1.0))
    top_axis = ax.secondary_xaxis("top", functions=(lambda x: x * ca_factor, lambda x: x / ca_factor))
    top_axis.set_xlabel("Calcium (mmol/L)")
    right_axis = ax.secondary_yaxis("right", functions=(lambda y: y * p_factor, lambda y: y / p_factor))
    right_axis.set_ylabel("Phosphate (mmol/L)")
    # Below the plane, so that no patient hides behind it.
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, frameon=False,
              fontsize=style.SMALL_PT - 1)
    return ax


@accepts(ca_mg_dl=assess.__accepts__["ca_mg_dl"])
def describe_ca(ca_mg_dl: float) -> str:
    """Words for a calcium setting, both unit systems: ``"10.0 mg/dL (2.50 mmol/L)"``."""
    ca_mmol_l = ca_mg_dl_to_mmol_l(ca_mg_dl)  # validates before formatting
    return f"{ca_mg_dl:.1f} mg/dL ({ca_mmol_l:.2f} mmol/L)"


@accepts(phosphate_mg_dl=assess.__accepts__["phosphate_mg_dl"])
def describe_phosphate(phosphate_mg_dl: float) -> str:
    """Words for a phosphate setting, both unit systems: ``"4.0 mg/dL (1.29 mmol/L)"``."""
    phosphate_mmol_l = phosphate_mg_dl_to_mmol_l(phosphate_mg_dl)  # validates before formatting
    return f"{phosphate_mg_dl:.1f} mg/dL ({phosphate_mmol_l:.2f} mmol/L)"


@accepts(**assess.__accepts__)
def readout_html(ca_mg_dl: float, phosphate_mg_dl: float, *, threshold: str = "classic_70") -> str:
    """The explorer's readout: Q in both units, Q/Ksp and the verdict.

    The numbers come from :func:`calcify_lib.precipitation.assess`.
    """
    a = assess(ca_mg_dl, phosphate_mg_dl, threshold=threshold)
    return (
        f'<span class="cx-q">Q = Ca × P = <strong>{a.q_mg2_dl2:.1f} mg²/dL²</strong> '
        f"({a.q_mmol2_l2:.2f} mmol²/L²)</span><br>"
        f'<span class="cx-ratio">Q/Ksp = <strong>{a.ratio:.2f}</strong></span> → '
        f'<span class="cx-verdict"><strong>{html.escape(a.verdict)}</strong></span>'
    )


@accepts(initial_ca_mg_dl=Range(*CA_AXIS_MG_DL, "mg/dL", kind="number"),
         initial_phosphate_mg_dl=Range(*PHOSPHATE_AXIS_MG_DL, "mg/dL", kind="number"))
def ca_p_explorer(
    *,
    ca_values_mg_dl: tuple[float, ...] = tuple(np.round(np.arange(6.0, 16.01, 0.5), 2)),
    phosphate_values_mg_dl: tuple[float, ...] = tuple(np.round(np.arange(1.0, 10.01, 0.5), 2)),
    initial_ca_mg_dl: float = 9.5,
    initial_phosphate_mg_dl: float = 3.5,
    threshold: str = "classic_70",
) -> Explorer:
    """The chemistry chapter's explorer: move calcium and phosphate, watch Q cross Ksp.

    The plane is drawn once; each setting moves a marker to its point and
    updates the readout (:func:`~calcify_lib.figures.chemistry.readout_html`).  The classic threshold plays
    Ksp by default.
    """
    import matplotlib.pyplot as plt

    ca_values = tuple(float(v) for v in ca_values_mg_dl)
    p_values = tuple(float(v) for v in phosphate_values_mg_dl)
    for name, values, axis in (
        ("ca_values_mg_dl", ca_values, CA_AXIS_MG_DL),
        ("phosphate_values_mg_dl", p_values, PHOSPHATE_AXIS_MG_DL),
    ):
        if min(values) < axis[0] or max(values) > axis[1]:
            raise ValueError(f"{name} must lie within the plotted range {axis[0]:g} to {axis[1]:g} mg/dL; got {values!r}")

    fig, ax = style.subplots(height_in=4.8)
    ca_p_plane(ax, shade=threshold)
    fig.canvas.draw()
    png = figure_png(fig)
    positions = {(c, p): figure_fraction(ax, c, p) for c in ca_values for p in p_values}
    plt.close(fig)
    limit = CA_X_P_THRESHOLDS[threshold].value

    def render(ca_mg_dl: float, phosphate_mg_dl: float) -> View:
        a = assess(ca_mg_dl, phosphate_mg_dl, threshold=threshold)
        x, y = positions[(ca_mg_dl, phosphate_mg_dl)]
        where = "above" if a.ratio > 1 else ("on" if a.ratio == 1 else "below")
        alt = (
            f"Calcium-phosphate plane with the chosen point at calcium {ca_mg_dl:.1f} mg/dL and "
            f"phosphate {phosphate_mg_dl:.1f} mg/dL, {where} the {limit:.0f} mg²/dL² curve."
        )
        return View(
            png=png,
            alt=alt,
            readout_html=readout_html(ca_mg_dl, phosphate_mg_dl, threshold=threshold),
            markers=(Marker(x, y, f"Ca {ca_mg_dl:.1f}, P {phosphate_mg_dl:.1f} mg/dL", "#000000"),),
        )

    a_limit = assess(10.0, limit / 10.0, threshold=threshold)
    description = (
        "Total calcium runs across (6 to 16 mg/dL) and phosphate up (1 to 10 mg/dL); curves mark "
        "Ca×P = 55 and 70 mg²/dL², and four example patients are plotted. In this simple picture "
        f"the {limit:.0f} mg²/dL² threshold ({a_limit.threshold_mmol2_l2:.2f} mmol²/L²) plays the "
        "role of Ksp: above its curve the serum counts as supersaturated."
    )
    return Explorer(
        "Push Q past Ksp: calcium and phosphate",
        description,
        [
            Slider("ca_mg_dl", "Calcium", ca_values, float(initial_ca_mg_dl), describe_ca),
            Slider("phosphate_mg_dl", "Phosphate", p_values, float(initial_phosphate_mg_dl), describe_phosphate),
        ],
        render,
    )


def threshold_table() -> Table:
    """The clinical calcium × phosphate thresholds, in both unit systems, with their sources.

    One row per entry of :data:`calcify_lib.precipitation.CA_X_P_THRESHOLDS`:
    the threshold in mg²/dL², converted to mmol²/L² with
    :func:`calcify_lib.units.ca_x_p_mg2_dl2_to_mmol2_l2`, and its citation key.
    """
    rows = [[name, f"{k.value:.0f}", f"{ca_x_p_mg2_dl2_to_mmol2_l2(k.value):.2f}", k.citation]
            for name, k in CA_X_P_THRESHOLDS.items()]
    return Table.build("Clinical calcium × phosphate thresholds", ["threshold", "mg²/dL²", "mmol²/L²", "source"],
                       rows)


def simple_picture_table(patients: tuple[Patient, ...] = EXAMPLE_PATIENTS, *,
                         threshold: str = "classic_70") -> Table:
    """Patients in the simple picture: Ca × P in both units, Q/Ksp and the verdict.

    Each row is :func:`calcify_lib.precipitation.assess` of one patient's
    cited calcium and phosphate, with ``threshold`` (a key of
    :data:`calcify_lib.precipitation.CA_X_P_THRESHOLDS`) playing Ksp.

    Raises
    ------
    ValueError
        For an unknown ``threshold`` (from :func:`calcify_lib.precipitation.assess`).
    """
    rows, limit = [], None
    for p in patients:
        a = assess(p.ca_mg_dl.value, p.phosphate_mg_dl.value, threshold=threshold)
        limit = a.threshold_mg2_dl2
        rows.append([p.label, f"{a.ca_mg_dl:.1f}", f"{a.phosphate_mg_dl:.1f}",
                     f"{a.q_mg2_dl2:.1f}", f"{a.q_mmol2_l2:.2f}", f"{a.ratio:.2f}", a.verdict])
    if limit is None:
        raise ValueError("patients must hold at least one patient; got none")
    return Table.build(
        f"Representative patients in the simple picture (Ksp = {limit:.0f} mg²/dL²)",
        ["patient", "Ca (mg/dL)", "P (mg/dL)", "Ca×P (mg²/dL²)", "Ca×P (mmol²/L²)", "Q/Ksp", "verdict"],
        rows,
    )


# -- self-checks (calcify_lib.selfcheck): every number from the models ----------------------------

@accepts(phosphate_mg_dl=assess.__accepts__["phosphate_mg_dl"])
def self_check_phosphate_units(phosphate_mg_dl: float = 6.2) -> NumericEntry:
    """Numeric self-check: a phosphate in mg/dL (reported as phosphorus) to mmol/L."""
    mmol_l = float(phosphate_mg_dl_to_mmol_l(phosphate_mg_dl))
    molar_mass = PHOSPHORUS_MOLAR_MASS_G_MOL.value
    return NumericEntry(
        question=(f"A dialysis patient's serum phosphate is {phosphate_mg_dl:g} mg/dL. "
                  "What is it in mmol/L? (two decimals)"),
        answer=mmol_l, tolerance=0.02, unit="mmol/L",
        explanation=(f"Laboratories report phosphate as phosphorus: {phosphate_mg_dl:g} mg/dL × 10 dL/L ÷ "
                     f"{molar_mass:.2f} g/mol = {mmol_l:.2f} mmol/L."),
        too_low=(f"A decilitre is a tenth of a litre: multiply by 10 before dividing by {molar_mass:.2f} g/mol, and "
                 "use the molar mass of phosphorus, not of the PO₄ ion."),
        too_high=f"Divide by the molar mass of phosphorus, {molar_mass:.2f} g/mol, after converting dL to L.",
    )
