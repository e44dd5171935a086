"""The chemistry chapter's honest picture: speciation and saturation index against pH.

What serum really holds (:func:`~calcify_lib.figures.chemistry.phosphate_speciation_vs_ph`,
:func:`~calcify_lib.figures.chemistry.phosphate_fractions_vs_ph`), how saturated it is with each
calcium phosphate as the pH moves (:func:`~calcify_lib.figures.chemistry.saturation_vs_ph`), the
explorer of saturation over pH (:func:`~calcify_lib.figures.chemistry.si_ph_explorer`), and the
self-check on which phase serum does not favour.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ... import style
from ..._validation import Range, accepts
from ...chemistry import NORMAL_SERUM, PHASES, phosphate_fractions, speciate_serum
from ...explorer import Explorer, Marker, Slider, View, figure_fraction, figure_png
from ...patients import CAUSES_OF_METASTATIC_CALCIFICATION, REFERENCE_RANGES_MG_DL, Patient
from ...precipitation import assess
from ...selfcheck import MultipleChoice, Option
from ...tables import Table
from .simple import describe_ca, describe_phosphate

__all__ = [
    "PHASE_LABELS",
    "phosphate_speciation_vs_ph",
    "saturation_vs_ph",
    "saturation_table",
    "simple_versus_honest",
    "si_readout_html",
    "si_ph_explorer",
    "phosphate_fractions_vs_ph",
    "self_check_undersaturated_phase",
]


# One serum in clinical units, as speciate_serum accepts it, one number each; pH grids may be arrays.
_SERUM = {name: replace(declared, kind="number") for name, declared in speciate_serum.__accepts__.items()}
_PH_GRID = replace(speciate_serum.__accepts__["ph"], optional=True)

#: Display names of the five calcium phosphates (the book's legend vocabulary,
#: :mod:`calcify_lib.style`).
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
    :func:`~calcify_lib.figures.chemistry.phosphate_speciation_vs_ph`.
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


#: The arterial blood pH range, shaded on the pH figures (NORMAL_SERUM's pH is its middle).
_BLOOD_PH = (7.35, 7.45)


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


# -- self-checks (calcify_lib.selfcheck): every number from the models ----------------------------

# The question asks about normal serum: it takes calcium and phosphate inside the adult reference ranges.
_NORMAL_CA_MG_DL = Range(*(k.value for k in REFERENCE_RANGES_MG_DL["calcium"]), "mg/dL", kind="number")
_NORMAL_PHOSPHATE_MG_DL = Range(*(k.value for k in REFERENCE_RANGES_MG_DL["phosphate"]), "mg/dL", kind="number")


@accepts(total_ca_mg_dl=_NORMAL_CA_MG_DL, phosphate_mg_dl=_NORMAL_PHOSPHATE_MG_DL)
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
