"""The book's figures that are more than a line of plotting code.

Each function draws one kind of figure from the models of
:mod:`calcify_lib`, so that a chapter shows a figure with one call and the
static site and the live notebook draw it the same way.
"""

from __future__ import annotations

import html
from dataclasses import replace

import numpy as np
from matplotlib.patches import Rectangle

from .. import style
from .._validation import Range, accepts
from ..cited import BASES, basis_counts, constants_in
from ..chemistry import (COMMON_CORRECTION_COEFFICIENT_MG_DL_PER_G_DL, NORMAL_SERUM,
                         PAYNE_1973_COEFFICIENT_MG_DL_PER_G_DL, PHASES, REFERENCE_ALBUMIN_G_DL,
                         albumin_corrected_calcium_mg_dl, phosphate_fractions, speciate, speciate_serum)
from ..explorer import Explorer, Marker, Slider, View, figure_fraction, figure_png
from ..patients import CAUSES_OF_METASTATIC_CALCIFICATION, EXAMPLE_PATIENTS, REFERENCE_RANGES_MG_DL, Patient
from ..precipitation import CA_X_P_THRESHOLDS, assess
from ..selfcheck import MultipleChoice, NumericEntry, Option
from ..tables import Table
from ..thermodynamics import ION_PAIRS, LOG_KSP, davies_a, ion_pair_log_k, log_ksp
from ..units import (PHOSPHORUS_MOLAR_MASS_G_MOL, ca_mg_dl_to_mmol_l, ca_x_p_mg2_dl2_to_mmol2_l2,
                     phosphate_mg_dl_to_mmol_l)

__all__ = [
    "ca_p_plane", "ca_p_explorer", "describe_ca", "describe_phosphate", "readout_html",
    "PHASE_LABELS", "phosphate_speciation_vs_ph", "saturation_vs_ph", "saturation_table",
    "simple_versus_honest", "si_readout_html", "si_ph_explorer",
    "threshold_table", "simple_picture_table", "phosphate_fractions_vs_ph", "speciation_table",
    "BASIS_MEANINGS", "basis_table",
    "phosphate_shares_table", "activity_table", "albumin_sweep_table", "albumin_correction_table",
    "serum_phosphate_table", "phase_si_table", "magnesium_table", "disputed_constants_table",
    "compare_sera_table",
]

#: The window of the calcium-phosphate plane, in mg/dL.
CA_AXIS_MG_DL = (6.0, 16.0)
PHOSPHATE_AXIS_MG_DL = (1.0, 10.0)

# One serum in clinical units, as speciate_serum accepts it, one number each; pH grids may be arrays.
_SERUM = {name: replace(declared, kind="number") for name, declared in speciate_serum.__accepts__.items()}
_PH_GRID = replace(speciate_serum.__accepts__["ph"], optional=True)

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


# ------------------------------------------------------------ saturation index

#: Display names of the five calcium phosphates (the book's legend vocabulary, :mod:`calcify_lib.style`).
PHASE_LABELS = {phase: style.label("phase", phase) for phase in PHASES}
_PHASE_STYLE = {phase: style.line_kw("phase", phase, with_label=False) for phase in PHASES}
_PHASE_SHORT = {phase: style.short_label("phase", phase) for phase in PHASES}
_PH_AXIS = (6.8, 8.0)
_SI_AXIS = (-5.0, 16.0)

#: The forms of phosphate drawn against pH, in the colours of :mod:`calcify_lib.style` ("species").
_PHOSPHATE_FORMS = ("H2PO4-", "HPO4-2", "PO4-3", "CaHPO4", "CaH2PO4+", "CaPO4-", "MgHPO4", "NaHPO4-")


@style.styled
@accepts(total_ca_mg_dl=_SERUM["total_ca_mg_dl"], phosphate_mg_dl=_SERUM["phosphate_mg_dl"], ph=_PH_GRID)
def phosphate_speciation_vs_ph(ax, *, total_ca_mg_dl: float = 9.42, phosphate_mg_dl: float = 3.72,
                               ph: np.ndarray | None = None):
    """Where serum phosphate is, as a fraction of the total, against pH (log scale).

    Computed with :func:`calcify_lib.chemistry.speciate_serum` (normal serum
    background: albumin 40 g/L, magnesium 0.85 mmol/L, sodium 140 mmol/L,
    37 °C).  The blood pH range is shaded.
    """
    ph = np.linspace(6.0, 9.0, 121) if ph is None else np.asarray(ph, dtype=float)
    s = speciate_serum(total_ca_mg_dl, phosphate_mg_dl, ph=ph)
    total = s.phosphate_mmol_l
    for key in _PHOSPHATE_FORMS:
        ax.plot(ph, s.species_mmol_l[key] / total, **style.line_kw("species", key))
    ax.axvspan(*_BLOOD_PH, color=style.color("reference", "reference_range"), zorder=0,
               label=f"blood pH {_BLOOD_PH[0]:.2f}–{_BLOOD_PH[1]:.2f}")
    ax.set_yscale("log")
    ax.set_ylim(1e-7, 1.5)
    ax.set_xlim(ph.min(), ph.max())
    ax.set_xlabel("pH")
    ax.set_ylabel("fraction of total phosphate")
    ax.legend(loc="lower right", fontsize=style.SMALL_PT - 1, ncol=2, framealpha=0.9)
    return ax


@style.styled
@accepts(total_ca_mg_dl=_SERUM["total_ca_mg_dl"], phosphate_mg_dl=_SERUM["phosphate_mg_dl"], ph=_PH_GRID)
def saturation_vs_ph(ax, *, total_ca_mg_dl: float = 9.42, phosphate_mg_dl: float = 3.72,
                     ph: np.ndarray | None = None, legend: bool = True):
    """Saturation index of the five calcium phosphates against pH, for one serum.

    Lines above zero are supersaturated.  Serum background as in
    :func:`phosphate_speciation_vs_ph`.
    """
    ph = np.linspace(*_PH_AXIS, 61) if ph is None else np.asarray(ph, dtype=float)
    s = speciate_serum(total_ca_mg_dl, phosphate_mg_dl, ph=ph)
    ax.axhspan(_SI_AXIS[0], 0.0, color=style.color("reference", "undersaturated"), alpha=0.06, lw=0)
    ax.axhspan(0.0, _SI_AXIS[1], color=style.color("reference", "supersaturated"), alpha=0.08, lw=0)
    ax.axhline(0.0, color=style.OKABE_ITO["black"], lw=1)
    for phase in PHASES:
        ax.plot(ph, s.saturation_index(phase), label=PHASE_LABELS[phase], **_PHASE_STYLE[phase])
    ax.text(ph.min() + 0.02, 0.3, "supersaturated", fontsize=style.SMALL_PT, va="bottom")
    ax.text(ph.min() + 0.02, -0.3, "undersaturated", fontsize=style.SMALL_PT, va="top")
    ax.set_xlim(ph.min(), ph.max())
    ax.set_ylim(*_SI_AXIS)
    ax.set_xlabel("pH")
    ax.set_ylabel("saturation index, log10(IAP/Ksp)")
    if legend:
        ax.legend(loc="upper center", ncol=2, frameon=False, bbox_to_anchor=(0.5, -0.16))
    return ax


def saturation_table(patients: tuple[Patient, ...] = CAUSES_OF_METASTATIC_CALCIFICATION) -> Table:
    """Ca×P and the SI of each phase for each patient, in normal serum background at pH 7.4."""
    rows = []
    for p in patients:
        ca, phosphate = p.ca_mg_dl.value, p.phosphate_mg_dl.value
        s = speciate_serum(ca, phosphate)
        rows.append([p.label, f"{ca:.1f}", f"{phosphate:.1f}", f"{ca * phosphate:.0f}",
                     f"{float(s.free_ca_mmol_l):.2f}"]
                    + [f"{float(s.saturation_index(phase)):+.2f}" for phase in PHASES])
    short = {"hydroxyapatite": "SI HAP", "brushite": "SI DCPD", "octacalcium_phosphate": "SI OCP",
             "beta_tricalcium_phosphate": "SI β-TCP", "amorphous_calcium_phosphate": "SI ACP"}
    return Table.build(
        "Saturation indices at pH 7.4, 37 °C, albumin 40 g/L (calcify_lib.chemistry)",
        ["patient", "Ca mg/dL", "P mg/dL", "Ca×P", "Ca²⁺ mmol/L"] + [short[p] for p in PHASES],
        rows,
    )


@accepts(total_ca_mg_dl=_SERUM["total_ca_mg_dl"], phosphate_mg_dl=_SERUM["phosphate_mg_dl"], ph=_SERUM["ph"])
def simple_versus_honest(total_ca_mg_dl: float, phosphate_mg_dl: float, *, ph: float = 7.4) -> Table:
    """The simple picture (Ca×P against 70) and the honest one (SI) for one serum, side by side."""
    a = assess(total_ca_mg_dl, phosphate_mg_dl)
    s = speciate_serum(total_ca_mg_dl, phosphate_mg_dl, ph=ph)
    po4_share = float(s.species_mmol_l["PO4-3"] / s.phosphate_mmol_l)
    rows = [
        ["calcium that counts", f"total {total_ca_mg_dl:.1f} mg/dL ({float(s.ca_mmol_l):.2f} mmol/L)",
         f"free Ca²⁺ {float(s.free_ca_mmol_l):.2f} mmol/L ({100 * float(s.ionized_fraction):.0f} % of total)"],
        ["phosphate that counts", f"total {phosphate_mg_dl:.1f} mg/dL ({float(s.phosphate_mmol_l):.2f} mmol/L)",
         f"free PO₄³⁻ {float(s.species_mmol_l['PO4-3']) * 1e3:.3f} µmol/L ({po4_share:.1e} of total)"],
        ["product", f"Ca×P = {a.q_mg2_dl2:.1f} mg²/dL²",
         f"IAP of Ca₅(PO₄)₃OH = 10^{float(s.log_iap('hydroxyapatite')):.2f}"],
        ["compared with", f"{a.threshold_mg2_dl2:.0f} mg²/dL² (a clinical threshold)",
         f"Ksp = 10^{float(s.log_iap('hydroxyapatite') - s.saturation_index('hydroxyapatite')):.2f} "
         "(McDowell 1977)"],
        ["ratio", f"Q/threshold = {a.ratio:.2f}",
         f"SI = {float(s.saturation_index('hydroxyapatite')):+.2f} (IAP/Ksp = 10^SI)"],
        ["verdict", a.verdict, "supersaturated for hydroxyapatite"
         if float(s.saturation_index("hydroxyapatite")) > 0 else "undersaturated for hydroxyapatite"],
        ["what else it sees", "nothing: blind to pH, albumin, temperature",
         f"pH {ph:.2f}, albumin {NORMAL_SERUM['albumin_g_l'].value:.0f} g/L, ion pairs, activities, 37 °C"],
    ]
    return Table.build(f"Simple and honest pictures of one serum (Ca {total_ca_mg_dl:.1f}, "
                       f"P {phosphate_mg_dl:.1f} mg/dL, pH {ph:.2f})",
                       ["", "simple picture", "honest picture"], rows)


@accepts(total_ca_mg_dl=_SERUM["total_ca_mg_dl"], phosphate_mg_dl=_SERUM["phosphate_mg_dl"], ph=_SERUM["ph"])
def si_readout_html(total_ca_mg_dl: float, phosphate_mg_dl: float, ph: float) -> str:
    """The pH explorer's readout: the SI of each phase and its verdict, from calcify_lib."""
    s = speciate_serum(total_ca_mg_dl, phosphate_mg_dl, ph=ph)
    items = []
    for phase in PHASES:
        si = float(s.saturation_index(phase))
        verdict = "supersaturated" if si > 0 else "undersaturated"
        items.append(f"{_PHASE_SHORT[phase]} <strong>{si:+.2f}</strong> {verdict}")
    return (f"Free Ca²⁺ {float(s.free_ca_mmol_l):.2f} mmol/L at pH {ph:.2f}. SI: " + "; ".join(items))


def si_ph_explorer(
    *,
    ca_values_mg_dl: tuple[float, ...] = (8.5, 9.5, 12.0, 14.5),
    phosphate_values_mg_dl: tuple[float, ...] = (2.5, 3.7, 6.0, 8.5),
    ph_values: tuple[float, ...] = tuple(np.round(np.arange(6.8, 8.001, 0.1), 2)),
    initial: tuple[float, float, float] = (9.5, 3.7, 7.4),
) -> Explorer:
    """The chemistry chapter's second explorer: pH, calcium and phosphate against five phases.

    For each calcium and phosphate the picture shows the SI of every phase
    across pH 6.8-8.0; a dot per phase marks the chosen pH, and the readout
    gives the numbers.  One picture per calcium-phosphate pair, so moving pH
    only moves the dots.
    """
    import matplotlib.pyplot as plt

    pictures: dict[tuple[float, float], tuple[bytes, dict]] = {}
    for ca in ca_values_mg_dl:
        for phosphate in phosphate_values_mg_dl:
            fig, ax = style.subplots(width_in=6.0, height_in=3.8, dpi=72)
            saturation_vs_ph(ax, total_ca_mg_dl=ca, phosphate_mg_dl=phosphate, legend=False)
            ax.set_title(f"Ca {ca:.1f} mg/dL, phosphate {phosphate:.1f} mg/dL")
            with style.context():  # a one-row legend of the short names, which the description spells out
                lines = {line.get_label(): line for line in ax.get_lines()}
                ax.legend([lines[PHASE_LABELS[p]] for p in PHASES], [_PHASE_SHORT[p] for p in PHASES],
                          ncol=len(PHASES),
                          loc="upper center", bbox_to_anchor=(0.5, -0.22), frameon=False,
                          handlelength=1.6, columnspacing=1.0)
            fig.canvas.draw()
            s = speciate_serum(ca, phosphate, ph=np.asarray(ph_values))
            places = {}
            for phase in PHASES:
                si = s.saturation_index(phase)
                for ph, value in zip(ph_values, si):
                    y = min(max(float(value), _SI_AXIS[0]), _SI_AXIS[1])  # dot stays on the picture
                    places[(phase, ph)] = figure_fraction(ax, ph, y)
            pictures[(ca, phosphate)] = (figure_png(fig, dpi=72, colors=48), places)
            plt.close(fig)

    def render(ca_mg_dl: float, phosphate_mg_dl: float, ph: float) -> View:
        png, places = pictures[(ca_mg_dl, phosphate_mg_dl)]
        s = speciate_serum(ca_mg_dl, phosphate_mg_dl, ph=ph)
        above = [_PHASE_SHORT[p] for p in PHASES if float(s.saturation_index(p)) > 0]
        alt = (f"SI against pH, Ca {ca_mg_dl:.1f}, P {phosphate_mg_dl:.1f} mg/dL, dots at pH {ph:.2f}; "
               f"supersaturated: {', '.join(above) if above else 'none'}.")
        markers = tuple(Marker(*places[(phase, ph)], _PHASE_SHORT[phase], _PHASE_STYLE[phase]["color"])
                        for phase in PHASES)
        return View(png=png, alt=alt, readout_html=si_readout_html(ca_mg_dl, phosphate_mg_dl, ph),
                    markers=markers)

    description = (
        "Lines: the saturation index of five calcium phosphates across pH 6.8 to 8.0 for the chosen total "
        "calcium and phosphate, in a normal serum background (albumin 40 g/L, magnesium 0.85 mmol/L, "
        "37 °C). Above the zero line a phase is supersaturated. Dots mark the chosen pH. HAP: hydroxyapatite; "
        "OCP: octacalcium phosphate; β-TCP: β-tricalcium phosphate; DCPD: brushite; ACP: amorphous calcium "
        "phosphate."
    )
    return Explorer(
        "Move the pH: which calcium phosphates are supersaturated?",
        description,
        [
            Slider("ca_mg_dl", "Calcium", tuple(float(v) for v in ca_values_mg_dl), float(initial[0]), describe_ca),
            Slider("phosphate_mg_dl", "Phosphate", tuple(float(v) for v in phosphate_values_mg_dl),
                   float(initial[1]), describe_phosphate),
            Slider("ph", "pH", tuple(float(v) for v in ph_values), float(initial[2]), lambda v: f"pH {v:.2f}"),
        ],
        render,
    )


# ------------------------------------------------------------ the chapter's tables and figures

#: The arterial blood pH range, shaded on the pH figures (NORMAL_SERUM's pH is its middle).
_BLOOD_PH = (7.35, 7.45)

#: Display names of the species of :func:`speciation_table`.
_SPECIES_NAMES = {
    "Ca+2": "Ca²⁺ (free, ionized)", "Ca-albumin": "bound to albumin", "CaHPO4": "CaHPO₄⁰",
    "CaPO4-": "CaPO₄⁻", "CaH2PO4+": "CaH₂PO₄⁺", "HPO4-2": "HPO₄²⁻", "H2PO4-": "H₂PO₄⁻",
    "NaHPO4-": "NaHPO₄⁻", "MgHPO4": "MgHPO₄⁰", "PO4-3": "PO₄³⁻ (free)",
    "CaHCO3+": "CaHCO₃⁺", "CaCit-": "calcium citrate, CaCit⁻", "CaCO3": "CaCO₃⁰",
}
_CALCIUM_SPECIES = ("Ca+2", "Ca-albumin", "CaHCO3+", "CaCit-", "CaCO3", "CaHPO4", "CaPO4-", "CaH2PO4+")
_PHOSPHATE_SPECIES = ("HPO4-2", "H2PO4-", "NaHPO4-", "MgHPO4", "CaHPO4", "CaPO4-", "CaH2PO4+", "PO4-3")


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


@style.styled
@accepts(ph=replace(phosphate_fractions.__accepts__["ph"], optional=True),
         temperature_c=phosphate_fractions.__accepts__["temperature_c"])
def phosphate_fractions_vs_ph(ax, *, ph: np.ndarray | None = None, temperature_c: float = 37.0):
    """How pH shares phosphate among its four forms, in an ideal solution (linear scale).

    One line per form (H₃PO₄, H₂PO₄⁻, HPO₄²⁻, PO₄³⁻) from
    :func:`calcify_lib.chemistry.phosphate_fractions` (no ion pairs, no
    activity corrections), with the blood pH range 7.35-7.45 shaded.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    ph : array, optional
        The pH grid, 0-14; by default 500 points from 1.0 to 13.5.
    temperature_c : float
        0-100 °C; sets the acidity constants.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax``, for chaining.
    """
    ph = np.linspace(1.0, 13.5, 500) if ph is None else np.asarray(ph, dtype=float)
    shares = phosphate_fractions(ph, temperature_c=temperature_c).as_dict()
    for species, share in shares.items():
        ax.plot(ph, share, **style.line_kw("species", species))
    ax.axvspan(*_BLOOD_PH, color=style.color("reference", "reference_range"),
               label=f"blood pH {_BLOOD_PH[0]:.2f}–{_BLOOD_PH[1]:.2f}")
    ax.set_xlabel("pH")
    ax.set_ylabel("fraction of total phosphate")
    ax.legend(loc="center right")
    return ax


@accepts(total_ca_mg_dl=_SERUM["total_ca_mg_dl"], phosphate_mg_dl=_SERUM["phosphate_mg_dl"], ph=_SERUM["ph"],
         temperature_c=_SERUM["temperature_c"])
def speciation_table(total_ca_mg_dl: float = 9.42, phosphate_mg_dl: float = 3.72, *, ph: float = 7.4,
                     temperature_c: float = 37.0, name: str = "normal serum") -> Table:
    """Where calcium and phosphate are in one serum, as mmol/L and as a share of each total.

    Computed with :func:`calcify_lib.chemistry.speciate_serum` (normal serum
    background: albumin 40 g/L, magnesium 0.85, sodium 140, citrate 0.116 and
    bicarbonate 24 mmol/L).  Calcium rows: the free ion, albumin-bound calcium,
    the bicarbonate, citrate and carbonate complexes and the three calcium
    phosphate ion pairs; phosphate rows: the free ions and every phosphate ion
    pair.  A pair containing both elements appears under each.

    Parameters
    ----------
    total_ca_mg_dl, phosphate_mg_dl : float
        Total serum calcium and phosphate (as phosphorus), in mg/dL.
    ph : float
        Serum pH.
    temperature_c : float
        0-100 °C.
    name : str
        What the serum is, for the caption.
    """
    s = speciate_serum(total_ca_mg_dl, phosphate_mg_dl, ph=ph, temperature_c=temperature_c)
    mmol = {k: float(v) for k, v in s.species_mmol_l.items()}
    rows = []
    for element, total, species in (("calcium", float(s.ca_mmol_l), _CALCIUM_SPECIES),
                                    ("phosphate", float(s.phosphate_mmol_l), _PHOSPHATE_SPECIES)):
        rows += [[element, _SPECIES_NAMES[k], f"{mmol[k]:.3g}", f"{100 * mmol[k] / total:.2g}"] for k in species]
    return Table.build(
        f"Where calcium and phosphate are in {name} (Ca {total_ca_mg_dl:.2f}, P {phosphate_mg_dl:.2f} mg/dL, "
        f"pH {ph:.2f}, {temperature_c:g} °C)",
        ["element", "species", "mmol/L", "% of total"], rows,
    )


#: What each basis of a constant (:data:`calcify_lib.cited.BASES`) means, in the chapters' words.
BASIS_MEANINGS = {
    "measured": "measured, or fitted to measurements",
    "derived": "computed from other cited values",
    "guideline": "a guideline's threshold or a reference range",
    "convention": "exact by definition, or a chosen reference state",
    "set": "set by hand to reproduce a stated target",
}


def basis_table(*modules, caption: str | None = None, named: tuple[str, ...] = ("set",)) -> Table:
    """How the constants of ``modules`` were obtained: a census by basis.

    One row per basis of :data:`calcify_lib.cited.BASES`, in that order: how
    many of the constants the modules define (a package's submodules
    included; :func:`calcify_lib.cited.constants_in`) have it, what it means,
    and, for the bases in ``named`` (by default only ``'set'``), which they
    are (module and name, without ``calcify_lib.``).  The caption defaults to
    the modules' names and the total.
    """
    found = constants_in(*modules)
    counts = basis_counts(c for _, c in found)
    rows = []
    for basis in BASES:
        names = [where.removeprefix("calcify_lib.") for where, c in found if c.basis == basis]
        rows.append([basis, counts[basis], BASIS_MEANINGS[basis],
                     ", ".join(names) if basis in named else ""])
    if caption is None:
        caption = (f"How the {len(found)} constants of "
                   f"{' and '.join(m.__name__.removeprefix('calcify_lib.') for m in modules)} were obtained")
    return Table.build(caption, ["basis", "constants", "meaning", "which"], rows)


# -- the chapter's readouts as tables (no runs of print lines) ----------------------------
#: Display names of the four forms of phosphate in an ideal solution.
_FORM_NAMES = {"H3PO4": "H₃PO₄", "H2PO4-": "H₂PO₄⁻", "HPO4-2": "HPO₄²⁻", "PO4-3": "PO₄³⁻"}
#: The ion pairs of phosphate, summed in :func:`serum_phosphate_table`.
_PHOSPHATE_PAIRS = ("CaHPO4", "CaH2PO4+", "CaPO4-", "MgHPO4", "NaHPO4-")


@accepts(ph=replace(phosphate_fractions.__accepts__["ph"], kind="number"),
         temperature_c=phosphate_fractions.__accepts__["temperature_c"])
def phosphate_shares_table(ph: float = 7.4, temperature_c: float = 37.0) -> Table:
    """How one pH shares phosphate among its four forms in an ideal solution.

    One row per form, from :func:`calcify_lib.chemistry.phosphate_fractions`
    (the three acidity constants at ``temperature_c``; no ion pairs, no
    activity corrections).
    """
    shares = phosphate_fractions(ph, temperature_c=temperature_c).as_dict()
    rows = [[_FORM_NAMES[k], f"{float(v):.3g}"] for k, v in shares.items()]
    return Table.build(f"Phosphate's four forms at pH {ph:.2f}, {temperature_c:g} °C "
                       "(ideal solution)", ["form", "share of total phosphate"], rows)


@accepts(total_ca_mg_dl=_SERUM["total_ca_mg_dl"], phosphate_mg_dl=_SERUM["phosphate_mg_dl"],
         ph=_SERUM["ph"])
def activity_table(total_ca_mg_dl: float = 9.42, phosphate_mg_dl: float = 3.72, *,
                   ph: float = 7.4) -> Table:
    """The Davies constant, the ionic strength and the activity coefficients of one serum.

    From :func:`calcify_lib.thermodynamics.davies_a` and the speciation of
    :func:`calcify_lib.chemistry.speciate_serum` (normal serum background,
    37 °C): γ depends on the charge only, so one row per charge.
    """
    s = speciate_serum(total_ca_mg_dl, phosphate_mg_dl, ph=ph)
    examples = {1: "Na⁺, H₂PO₄⁻", 2: "Ca²⁺, HPO₄²⁻", 3: "PO₄³⁻"}
    rows = [[f"Davies A at {s.temperature_c:g} °C", f"{davies_a(s.temperature_c):.3f}", "(L/mol)^½"],
            ["ionic strength I", f"{float(s.ionic_strength_mol_l):.3f}", "mol/L"]]
    rows += [[f"γ for charge ±{z} ({examples[z]})", f"{float(s.activity_coefficients[z]):.3f}", "–"]
             for z in (1, 2, 3)]
    return Table.build(f"Activities in serum (Ca {total_ca_mg_dl:.2f}, P {phosphate_mg_dl:.2f} mg/dL, "
                       f"pH {ph:.2f})", ["quantity", "value", "unit"], rows)


@accepts(total_ca_mg_dl=_SERUM["total_ca_mg_dl"], phosphate_mg_dl=_SERUM["phosphate_mg_dl"])
def albumin_sweep_table(albumin_values_g_l: tuple[float, ...] = (40.0, 30.0, 20.0), *,
                        total_ca_mg_dl: float = 9.42, phosphate_mg_dl: float = 3.72) -> Table:
    """Ionized calcium of one serum as albumin falls, at constant total calcium.

    One row per albumin, each a :func:`calcify_lib.chemistry.speciate_serum`
    at pH 7.4; ``albumin_values_g_l`` are checked by that function.
    """
    rows = []
    for albumin in albumin_values_g_l:
        s = speciate_serum(total_ca_mg_dl, phosphate_mg_dl, albumin_g_l=albumin)
        rows.append([f"{albumin:.0f}", f"{float(s.free_ca_mmol_l):.2f}",
                     f"{100 * float(s.ionized_fraction):.0f}"])
    return Table.build(f"Ionized calcium at a total calcium of {total_ca_mg_dl:.2f} mg/dL, pH 7.40",
                       ["albumin (g/L)", "free Ca²⁺ (mmol/L)", "ionized (% of total)"], rows)


@accepts(total_ca_mg_dl=_SERUM["total_ca_mg_dl"],
         albumin_g_dl=albumin_corrected_calcium_mg_dl.__accepts__["albumin_g_dl"],
         phosphate_mg_dl=_SERUM["phosphate_mg_dl"])
def albumin_correction_table(total_ca_mg_dl: float, albumin_g_dl: float, *,
                             phosphate_mg_dl: float = 3.72) -> Table:
    """A low-albumin serum: the two albumin corrections against the speciation model.

    Rows: the corrected calcium with Payne's coefficient (1.0) and the common
    one (0.8) (:func:`calcify_lib.chemistry.albumin_corrected_calcium_mg_dl`);
    the model's ionized calcium of the serum and of normal serum (9.42 and
    3.72 mg/dL, albumin 40 g/L); and the total calcium that carries the same
    ionized calcium at the reference albumin, read off a scan of total
    calcium 0-30 mg/dL (0.01 mg/dL steps) at pH 7.4.

    Raises
    ------
    ValueError
        If no total calcium within 0-30 mg/dL carries that ionized calcium at
        the reference albumin.
    """
    reference_g_dl = REFERENCE_ALBUMIN_G_DL.value
    correct = albumin_corrected_calcium_mg_dl
    rows = [[f"corrected calcium, k = {k.value:.1f} ({name})",
             f"{correct(total_ca_mg_dl, albumin_g_dl, coefficient_mg_dl_per_g_dl=k.value):.1f}", "mg/dL"]
            for name, k in (("Payne", PAYNE_1973_COEFFICIENT_MG_DL_PER_G_DL),
                            ("common", COMMON_CORRECTION_COEFFICIENT_MG_DL_PER_G_DL))]
    patient = speciate_serum(total_ca_mg_dl, phosphate_mg_dl, albumin_g_l=10.0 * albumin_g_dl)
    free = float(patient.free_ca_mmol_l)
    normal = speciate_serum(9.42, 3.72)
    totals = np.linspace(0.0, 30.0, 3001)
    free_at_reference = speciate_serum(totals, phosphate_mg_dl,
                                       albumin_g_l=10.0 * reference_g_dl).free_ca_mmol_l
    if not free_at_reference[0] <= free <= free_at_reference[-1]:
        raise ValueError(f"no total calcium within 0-30 mg/dL carries a free calcium of {free:.3f} "
                         f"mmol/L at albumin {reference_g_dl:g} g/dL")
    equivalent = float(np.interp(free, free_at_reference, totals))
    rows += [
        ["model: ionized calcium of this serum",
         f"{free:.2f} ({100 * float(patient.ionized_fraction):.0f} % of total)", "mmol/L"],
        ["model: ionized calcium of normal serum", f"{float(normal.free_ca_mmol_l):.2f}", "mmol/L"],
        [f"model: total calcium with that ionized calcium at albumin {10 * reference_g_dl:g} g/L",
         f"{equivalent:.1f}", "mg/dL"],
    ]
    return Table.build(f"Total calcium {total_ca_mg_dl:g} mg/dL at albumin {albumin_g_dl:g} g/dL "
                       f"({10 * albumin_g_dl:g} g/L), pH 7.40", ["", "value", "unit"], rows)


@accepts(total_ca_mg_dl=_SERUM["total_ca_mg_dl"], phosphate_mg_dl=_SERUM["phosphate_mg_dl"],
         ph=_SERUM["ph"])
def serum_phosphate_table(total_ca_mg_dl: float = 9.42, phosphate_mg_dl: float = 3.72, *,
                          ph: float = 7.4) -> Table:
    """Phosphate in an ideal solution and in serum at the same pH, side by side.

    The ideal column is :func:`calcify_lib.chemistry.phosphate_fractions`
    (no ion pairs, γ = 1); the serum column is
    :func:`calcify_lib.chemistry.speciate_serum`.  Rows: the ratio of
    HPO₄²⁻ to H₂PO₄⁻ and the apparent pKa2 it implies (pH - log10 of the
    ratio), the share of phosphate present as PO₄³⁻ by concentration and as
    activity, and the share in ion pairs.
    """
    s = speciate_serum(total_ca_mg_dl, phosphate_mg_dl, ph=ph)
    ideal = phosphate_fractions(ph, temperature_c=s.temperature_c)
    c = {k: float(v) for k, v in s.species_mmol_l.items()}
    total = float(s.phosphate_mmol_l)
    ratio_ideal, ratio_serum = float(ideal.hpo4 / ideal.h2po4), c["HPO4-2"] / c["H2PO4-"]
    po4_serum = c["PO4-3"] / total
    rows = [
        ["HPO₄²⁻ / H₂PO₄⁻", f"{ratio_ideal:.2f}", f"{ratio_serum:.2f}"],
        ["apparent pKa2", f"{ph - np.log10(ratio_ideal):.2f}", f"{ph - np.log10(ratio_serum):.2f}"],
        ["PO₄³⁻, share by concentration", f"{float(ideal.po4):.1e}", f"{po4_serum:.1e}"],
        ["PO₄³⁻, share as activity", f"{float(ideal.po4):.1e}",
         f"{float(s.activity_coefficients[3]) * po4_serum:.1e}"],
        ["in ion pairs (% of phosphate)", "0", f"{100 * sum(c[k] for k in _PHOSPHATE_PAIRS) / total:.0f}"],
    ]
    return Table.build(f"Phosphate at pH {ph:.2f}: ideal solution and serum (Ca {total_ca_mg_dl:.2f}, "
                       f"P {phosphate_mg_dl:.2f} mg/dL)", ["", "ideal solution", "serum"], rows)


@accepts(total_ca_mg_dl=_SERUM["total_ca_mg_dl"], phosphate_mg_dl=_SERUM["phosphate_mg_dl"],
         ph=_SERUM["ph"])
def phase_si_table(total_ca_mg_dl: float = 9.42, phosphate_mg_dl: float = 3.72, *,
                   phases: tuple[str, ...] = PHASES, ph: float = 7.4) -> Table:
    """Saturation index, IAP/Ksp and SI per ion of each phase, for one serum.

    SI from :func:`calcify_lib.chemistry.speciate_serum`; the number of ions
    is the sum of the counts in the phase's ion activity product
    (:data:`calcify_lib.thermodynamics.LOG_KSP`).

    Raises
    ------
    ValueError
        For a phase not in :data:`calcify_lib.chemistry.PHASES`.
    """
    unknown = [p for p in phases if p not in PHASES]
    if unknown or not phases:
        raise ValueError(f"phases must be one or more of {PHASES}; got {tuple(phases)!r}")
    s = speciate_serum(total_ca_mg_dl, phosphate_mg_dl, ph=ph)
    rows = []
    for phase in phases:
        si, n = float(s.saturation_index(phase)), sum(LOG_KSP[phase].ions.values())
        rows.append([PHASE_LABELS[phase], f"{si:+.2f}", f"{10 ** si:.3g}", n, f"{si / n:+.2f}"])
    return Table.build(f"Saturation of serum (Ca {total_ca_mg_dl:.2f}, P {phosphate_mg_dl:.2f} mg/dL, "
                       f"pH {ph:.2f}) for each phase",
                       ["phase", "SI", "IAP/Ksp", "ions in IAP", "SI per ion"], rows)


@accepts(ca_mmol_l=speciate.__accepts__["ca_mmol_l"],
         phosphate_mmol_l=speciate.__accepts__["phosphate_mmol_l"], ph=speciate.__accepts__["ph"])
def magnesium_table(mg_values_mmol_l: tuple[float, ...] = (0.0, 0.85, 1.5), *,
                    ca_mmol_l: float = 2.35, phosphate_mmol_l: float = 1.2,
                    ph: float = 7.4) -> Table:
    """The saturation indices of hydroxyapatite and ACP as serum magnesium changes.

    Each row is :func:`calcify_lib.chemistry.speciate` with the rest of
    :data:`calcify_lib.chemistry.NORMAL_SERUM` and one magnesium
    (``mg_values_mmol_l``, checked by that function).
    """
    background = {k: c.value for k, c in NORMAL_SERUM.items() if k not in ("ph", "mg_mmol_l")}
    phases = ("hydroxyapatite", "amorphous_calcium_phosphate")
    rows = []
    for mg in mg_values_mmol_l:
        s = speciate(ca_mmol_l, phosphate_mmol_l, ph, mg_mmol_l=mg, **background)
        rows.append([f"{mg:.2f}"] + [f"{float(s.saturation_index(p)):+.2f}" for p in phases])
    return Table.build(f"Magnesium and saturation (Ca {ca_mmol_l:g}, P {phosphate_mmol_l:g} mmol/L, "
                       f"pH {ph:.2f})", ["Mg (mmol/L)"] + [f"SI {_PHASE_SHORT[p]}" for p in phases],
                       rows)


@accepts(temperature_c=ion_pair_log_k.__accepts__["temperature_c"])
def disputed_constants_table(temperature_c: float = 37.0) -> Table:
    """The constants whose published values disagree, with the library's own notes on them.

    The CaH₂PO₄⁺ and CaPO₄⁻ association constants
    (:func:`calcify_lib.thermodynamics.ion_pair_log_k`) and the solubility
    product of octacalcium phosphate
    (:func:`calcify_lib.thermodynamics.log_ksp`), at ``temperature_c``.
    """
    rows = [[_SPECIES_NAMES[pair], f"K = {10 ** ion_pair_log_k(pair, temperature_c):.3g} L/mol",
             ION_PAIRS[pair].log_k.note] for pair in ("CaH2PO4+", "CaPO4-")]
    rows.append(["octacalcium phosphate",
                 f"log10 Ksp = {log_ksp('octacalcium_phosphate', temperature_c):.2f}",
                 LOG_KSP["octacalcium_phosphate"].data[0].note])
    return Table.build(f"Disputed constants, at {temperature_c:g} °C, with the library's notes",
                       ["constant", "value", "note"], rows)


@accepts(first_ca_mg_dl=_SERUM["total_ca_mg_dl"], first_phosphate_mg_dl=_SERUM["phosphate_mg_dl"],
         second_ca_mg_dl=_SERUM["total_ca_mg_dl"], second_phosphate_mg_dl=_SERUM["phosphate_mg_dl"])
def compare_sera_table(first_ca_mg_dl: float = 9.42, first_phosphate_mg_dl: float = 3.72,
                       second_ca_mg_dl: float = 9.2, second_phosphate_mg_dl: float = 6.2, *,
                       names: tuple[str, str] = ("normal", "dialysis")) -> Table:
    """Two sera at pH 7.4 in the simple and the honest picture, and how the second differs.

    Columns: each serum, then the second against the first (a ratio, or for
    the SI of hydroxyapatite a difference with the IAP ratio it means, in
    total and per ion, nine ions per Ca₅(PO₄)₃OH).  From
    :func:`calcify_lib.chemistry.speciate_serum`.
    """
    sera = [speciate_serum(first_ca_mg_dl, first_phosphate_mg_dl),
            speciate_serum(second_ca_mg_dl, second_phosphate_mg_dl)]
    n_ions = sum(LOG_KSP["hydroxyapatite"].ions.values())
    ca = (first_ca_mg_dl, second_ca_mg_dl)
    p = (first_phosphate_mg_dl, second_phosphate_mg_dl)
    product = (ca[0] * p[0], ca[1] * p[1])
    si = [float(s.saturation_index("hydroxyapatite")) for s in sera]
    free = [float(s.free_ca_mmol_l) for s in sera]
    paired = [100 * float(s.species_mmol_l["CaHPO4"] / s.ca_mmol_l) for s in sera]
    gain = si[1] - si[0]
    rows = [
        ["total Ca (mg/dL)", f"{ca[0]:.2f}", f"{ca[1]:.2f}", f"×{ca[1] / ca[0]:.2f}"],
        ["phosphate (mg/dL)", f"{p[0]:.2f}", f"{p[1]:.2f}", f"×{p[1] / p[0]:.2f}"],
        ["Ca × P (mg²/dL²)", f"{product[0]:.1f}", f"{product[1]:.1f}",
         f"×{product[1] / product[0]:.2f}"],
        ["SI of hydroxyapatite", f"{si[0]:+.2f}", f"{si[1]:+.2f}",
         f"{gain:+.2f}: IAP ×{10 ** gain:.1f}, ×{10 ** (gain / n_ions):.2f} per ion"],
        ["free Ca²⁺ (mmol/L)", f"{free[0]:.2f}", f"{free[1]:.2f}", f"×{free[1] / free[0]:.2f}"],
        ["CaHPO₄⁰ (% of calcium)", f"{paired[0]:.1f}", f"{paired[1]:.1f}",
         f"×{paired[1] / paired[0]:.2f}"],
    ]
    return Table.build(f"Two sera at pH 7.40: {names[0]} and {names[1]}",
                       ["", names[0], names[1], f"{names[1]} against {names[0]}"], rows)


# -- self-checks (calcify_lib.selfcheck): every number from the models ----------------------------
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


def self_check_undersaturated_phase(total_ca_mg_dl: float = 9.42, phosphate_mg_dl: float = 3.72) -> MultipleChoice:
    """Multiple-choice self-check: which phase is undersaturated in normal serum at pH 7.4."""
    serum = speciate_serum(total_ca_mg_dl, phosphate_mg_dl)
    si = {phase: float(serum.saturation_index(phase)) for phase in PHASES}
    names = {"hydroxyapatite": "Hydroxyapatite", "octacalcium_phosphate": "Octacalcium phosphate",
             "beta_tricalcium_phosphate": "β-tricalcium phosphate", "brushite": "Brushite"}
    options = []
    for phase, name in names.items():
        if si[phase] < 0:
            feedback = f"The model gives SI = {si[phase]:+.2f}: below zero, so it would dissolve."
        else:
            feedback = f"The model gives SI = {si[phase]:+.2f}: above zero, so it is supersaturated."
        options.append(Option(name, si[phase] < 0, feedback))
    return MultipleChoice(
        question="In normal serum at pH 7.4, which of these calcium phosphates is undersaturated (SI below 0)?",
        options=tuple(options),
        explanation=("The phases built from PO₄³⁻ (hydroxyapatite, OCP, β-TCP) are supersaturated; brushite, "
                     "CaHPO₄·2H₂O, is built from HPO₄²⁻ and is not."),
    )
