"""The book's figures that are more than a line of plotting code.

Each function draws one kind of figure from the models of
:mod:`calcify_lib`, so that a chapter shows a figure with one call and the
static site and the live notebook draw it the same way.
"""

from __future__ import annotations

import html

import numpy as np
from matplotlib.patches import Rectangle

from .explorer import Explorer, Marker, Slider, View, figure_fraction, figure_png
from .patients import EXAMPLE_PATIENTS, REFERENCE_RANGES_MG_DL, Patient
from .precipitation import CA_X_P_THRESHOLDS, assess
from .units import ca_mg_dl_to_mmol_l, phosphate_mg_dl_to_mmol_l

__all__ = ["ca_p_plane", "ca_p_explorer", "describe_ca", "describe_phosphate", "readout_html"]

#: The window of the calcium-phosphate plane, in mg/dL.
CA_AXIS_MG_DL = (6.0, 16.0)
PHOSPHATE_AXIS_MG_DL = (1.0, 10.0)

_THRESHOLD_STYLE = {
    "kdoqi_2003": {"color": "#1f77b4", "linestyle": "--", "label": "KDOQI 2003 limit, 55 mg²/dL²"},
    "classic_70": {"color": "#d62728", "linestyle": "-", "label": "Classic threshold, 70 mg²/dL²"},
}
_PATIENT_STYLE = {
    "normal": ("o", "#2ca02c"),
    "primary_hyperparathyroidism": ("s", "#9467bd"),
    "chronic_kidney_disease": ("D", "#8c564b"),
    "vitamin_d_intoxication": ("^", "#ff7f0e"),
}


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
    ax.fill_between(ca, np.minimum(limit / ca, top), top, color="#d62728", alpha=0.10, lw=0)
    ax.fill_between(ca, PHOSPHATE_AXIS_MG_DL[0], np.minimum(limit / ca, top), color="#1f77b4", alpha=0.05, lw=0)
    ca_low, ca_high = (k.value for k in REFERENCE_RANGES_MG_DL["calcium"])
    p_low, p_high = (k.value for k in REFERENCE_RANGES_MG_DL["phosphate"])
    ax.add_patch(
        Rectangle(
            (ca_low, p_low),
            ca_high - ca_low,
            p_high - p_low,
            facecolor="none",
            edgecolor="#555555",
            linestyle=":",
            label="Adult reference ranges",
        )
    )
    for key, style in _THRESHOLD_STYLE.items():
        k = CA_X_P_THRESHOLDS[key].value
        ax.plot(ca, k / ca, **style)
    ax.text(15.6, 9.4, "supersaturated\n(simple picture)", ha="right", va="top", color="#a01010", fontsize=9)
    ax.text(6.3, 1.3, "stays dissolved", ha="left", va="bottom", color="#104e8b", fontsize=9)
    for p in patients:
        marker, color = _PATIENT_STYLE.get(p.key, ("o", "#333333"))
        ax.plot(p.ca_mg_dl.value, p.phosphate_mg_dl.value, marker=marker, color=color, ms=8,
                linestyle="none", markeredgecolor="black", label=p.label)
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
    ax.legend(loc="lower right", fontsize=8, framealpha=0.9)
    return ax


def describe_ca(ca_mg_dl: float) -> str:
    """Words for a calcium setting, both unit systems: ``"10.0 mg/dL (2.50 mmol/L)"``."""
    ca_mmol_l = ca_mg_dl_to_mmol_l(ca_mg_dl)  # validates before formatting
    return f"{ca_mg_dl:.1f} mg/dL ({ca_mmol_l:.2f} mmol/L)"


def describe_phosphate(phosphate_mg_dl: float) -> str:
    """Words for a phosphate setting, both unit systems: ``"4.0 mg/dL (1.29 mmol/L)"``."""
    phosphate_mmol_l = phosphate_mg_dl_to_mmol_l(phosphate_mg_dl)  # validates before formatting
    return f"{phosphate_mg_dl:.1f} mg/dL ({phosphate_mmol_l:.2f} mmol/L)"


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
    updates the readout (:func:`readout_html`).  The classic threshold plays
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

    fig, ax = plt.subplots(figsize=(6.4, 4.8), layout="constrained")
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
