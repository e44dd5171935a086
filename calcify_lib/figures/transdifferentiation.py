"""Figures of the chapter "Beyond precipitation: when tissues decide to build bone".

Every curve, table and readout comes from :mod:`calcify_lib.vascular` (the
osteogenic switch of medial smooth muscle cells, mineral deposition with the
supersaturation of :mod:`calcify_lib.chemistry`, stiffness and pulse wave
velocity).  The two schematics (the cell biology and the spectrum from
passive to active calcification) are drawn here with matplotlib; they carry
words, not numbers.  Colours come from :mod:`calcify_lib.style`
(kinds ``"phosphate_exposure"``, ``"media"`` and ``"inflammation"``).
"""

from __future__ import annotations

import html
import math

import numpy as np

from .. import style, vascular
from .._validation import Range, accepts
from ..cited import CitedConstant
from ..explorer import Explorer, Marker, Slider, View, figure_fraction, figure_png
from ..selfcheck import MultipleChoice, NumericEntry, Option
from ..tables import Table

__all__ = [
    "EXPOSURES", "exposure_trajectories", "cell_schematic", "intima_media", "spectrum",
    "switch_curve", "lowering_runs", "lowering", "years_of_exposure", "years_table", "lowering_table",
    "calibration_table", "draw_cross_section", "artery_readout_html", "artery_explorer",
    "describe_phosphate_mmol_l", "describe_years", "drive_table", "crossing_table", "end_state_table",
    "self_check_stiffer_wall", "self_check_lowering_phosphate",
]

#: The three exposures the chapter follows: key → serum phosphate, mmol/L (cited in calcify_lib.vascular).
EXPOSURES = {key: c.value for key, c in vascular.PHOSPHATE_EXPOSURES_MMOL_L.items()}

_O = style.OKABE_ITO
_G = style.GREYS
_CUTOFF = vascular.PWV_CUTOFF_M_S.value
_NORMAL_LOW, _NORMAL_HIGH = (c.value for c in vascular.NORMAL_PWV_RANGE_M_S)


def exposure_trajectories(years: float = 10.0) -> dict[str, vascular.MediaTrajectory]:
    """One :func:`calcify_lib.vascular.simulate_media` run per exposure of :data:`EXPOSURES`."""
    return {key: vascular.simulate_media(p, years) for key, p in EXPOSURES.items()}


# ------------------------------------------------------------------ schematics

def _box(ax, x, y, w, h, text, *, face=style.WHITE, edge=_O["black"], size=None, weight="normal"):
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(FancyBboxPatch((x, y), w, h, boxstyle="round,pad=0.012,rounding_size=0.02",
                                facecolor=face, edgecolor=edge, linewidth=1.2))
    ax.text(x + w / 2, y + h / 2, text, ha="center", va="center", fontsize=size or style.SMALL_PT,
            weight=weight, wrap=True)


def _arrow(ax, start, end, *, color=_O["black"], text=None, style_="-|>", offset=(0.0, 0.0)):
    ax.annotate("", xy=end, xytext=start, arrowprops={"arrowstyle": style_, "color": color, "lw": 1.6,
                                                      "shrinkA": 2, "shrinkB": 2})
    if text:
        ax.text((start[0] + end[0]) / 2 + offset[0], (start[1] + end[1]) / 2 + offset[1], text,
                ha="center", va="center", fontsize=style.SMALL_PT, color=color)


@style.styled
def cell_schematic(ax) -> None:
    """A labelled schematic of the osteogenic switch of a medial smooth muscle cell.

    Triggers on the left, the cell in the middle (contractile → RUNX2-on),
    its bone program, matrix vesicles and the mineral on the right, and the
    inhibitors that are lost below.  Words only; no model numbers.
    """
    ax.set_xlim(-0.03, 1.03)
    ax.set_ylim(-0.03, 1.0)
    ax.axis("off")
    light_orange = "#E69F00"
    _box(ax, 0.0, 0.60, 0.27, 0.36,
         "Triggers\nphosphate (PiT-1)\ncalcium\ninflammation\nuraemic toxins\ndiabetes",
         face=_G["light_grey"])
    _box(ax, 0.34, 0.74, 0.30, 0.2, "Contractile\nsmooth muscle cell",
         face=style.WHITE, edge=_O["sky_blue"])
    _box(ax, 0.34, 0.42, 0.30, 0.2, "Osteogenic cell\nRUNX2 on", face=style.WHITE, edge=light_orange,
         weight="bold")
    _arrow(ax, (0.49, 0.74), (0.49, 0.62), text="switch", offset=(0.07, 0.0))
    _arrow(ax, (0.27, 0.78), (0.34, 0.56))
    _box(ax, 0.71, 0.60, 0.29, 0.36,
         "Bone program\nalkaline\nphosphatase\n(destroys PPi)\nosteocalcin",
         face=style.WHITE, edge=light_orange)
    _arrow(ax, (0.64, 0.52), (0.71, 0.70))
    _box(ax, 0.71, 0.22, 0.29, 0.26, "Matrix vesicles\nconcentrate\nCa²⁺ and Pi", face=style.WHITE,
         edge=_O["vermillion"])
    _arrow(ax, (0.64, 0.47), (0.71, 0.36))
    _box(ax, 0.36, 0.04, 0.28, 0.2, "Mineral in the\nmedia (apatite)", face=style.WHITE,
         edge=_O["vermillion"], weight="bold")
    _arrow(ax, (0.79, 0.22), (0.64, 0.14))
    _arrow(ax, (0.44, 0.24), (0.44, 0.42), color=_O["vermillion"], text="crystals\nfeed back",
           offset=(-0.10, 0.0))
    _box(ax, 0.0, 0.04, 0.27, 0.44,
         "Inhibitors lost\nmatrix Gla\nprotein\nfetuin-A\npyrophosphate", face=style.WHITE,
         edge=_G["dark_grey"])
    _arrow(ax, (0.27, 0.14), (0.36, 0.14), color=_G["dark_grey"], style_="-[")


def _ring(ax, radius, width, color, **kw):
    from matplotlib.patches import Wedge

    ax.add_patch(Wedge((0, 0), radius + width, 0, 360, width=width, facecolor=color, edgecolor="none",
                       **kw))


@style.styled
def intima_media(ax_intimal, ax_medial) -> None:
    """Two artery cross-sections: intimal calcification in a plaque, and medial (Mönckeberg) calcification.

    Left: an eccentric plaque in the intima with a mineralised necrotic core
    (dystrophic).  Right: mineral along the elastic laminae of the media,
    around the whole circumference, lumen open (cell-driven).
    """
    from matplotlib.patches import Circle, Wedge

    for ax in (ax_intimal, ax_medial):
        ax.set_aspect("equal")
        ax.set_xlim(-1.75, 1.75)
        ax.set_ylim(-2.55, 1.75)
        ax.axis("off")
        _ring(ax, 1.6, 0.12, _G["light_grey"])
        _ring(ax, 1.05, 0.55, _O["sky_blue"], alpha=0.35)
        for r in (1.05, 1.23, 1.41, 1.6):
            ax.add_patch(Circle((0, 0), r, fill=False, edgecolor=_G["mid_grey"], linewidth=1.0))
    # Intimal: a plaque bulging into the lumen from one side, with a calcified core.
    ax_intimal.add_patch(Circle((0, 0), 1.05, facecolor=style.WHITE, edgecolor="none"))
    ax_intimal.add_patch(Wedge((0, 0), 1.05, 200, 340, width=0.55, facecolor=_O["reddish_purple"],
                               alpha=0.45, edgecolor=_O["reddish_purple"]))
    ax_intimal.add_patch(Wedge((0, 0), 0.90, 235, 305, width=0.28, facecolor=_O["vermillion"],
                               edgecolor=_O["black"], linewidth=0.6))
    ax_intimal.text(0.0, 0.35, "lumen\nnarrowed", ha="center", va="center")
    ax_intimal.text(0.0, -2.2, "Intimal: atheroma\n(dystrophic)", ha="center", va="center")
    # Medial: mineral along the laminae, all the way round.
    ax_medial.add_patch(Circle((0, 0), 1.05, facecolor=style.WHITE, edgecolor=_O["reddish_purple"],
                               linewidth=1.5))
    for r, start in ((1.23, 10), (1.41, 100)):
        for k in range(6):
            a0 = start + 60 * k
            ax_medial.add_patch(Wedge((0, 0), r + 0.035, a0, a0 + 38, width=0.07, facecolor=_O["vermillion"],
                                      edgecolor="none"))
    ax_medial.text(0.0, 0.0, "lumen\nopen", ha="center", va="center")
    ax_medial.text(0.0, -2.2, "Medial: Mönckeberg\n(cell-driven)", ha="center", va="center")


@style.styled
def spectrum(ax) -> None:
    """The spectrum of pathologic calcification, from passive to active.

    Three faces along one axis: dystrophic (damaged tissue, normal blood,
    passive), metastatic (healthy tissue, supersaturated blood, passive) and
    osteogenic (living cells that build bone: active), with where each sits
    and what drives it.
    """
    ax.set_xlim(-0.08, 3.08)
    ax.set_ylim(0.0, 1.03)
    ax.axis("off")
    ax.annotate("", xy=(2.98, 0.93), xytext=(0.02, 0.93),
                arrowprops={"arrowstyle": "-|>", "color": _O["black"], "lw": 2.0})
    ax.text(0.02, 0.98, "passive: chemistry decides", ha="left", va="center")
    ax.text(2.98, 0.98, "active: cells decide", ha="right", va="center")
    faces = (
        ("Dystrophic", _G["light_grey"],
         "Where: dead or\ndamaged tissue\n(atheroma core,\nold valves,\nnecrosis)\n\nDriver: a surface\nthat nucleates;\nblood normal"),
        ("Metastatic", _O["sky_blue"],
         "Where: healthy\ntissue (stomach,\nkidney, lung,\nvessels)\n\nDriver: blood\nsupersaturated\n(high Ca or P)"),
        ("Osteogenic", _O["orange"],
         "Where: artery\nmedia, valves\n\nDriver: cells\nswitch to bone\n(RUNX2), make\nvesicles, lose\ninhibitors"),
    )
    for i, (name, colour, text) in enumerate(faces):
        from matplotlib.patches import FancyBboxPatch

        ax.add_patch(FancyBboxPatch((i + 0.04, 0.02), 0.92, 0.82, boxstyle="round,pad=0.0,rounding_size=0.04",
                                    facecolor=colour, alpha=0.35, edgecolor=_O["black"], linewidth=1.0))
        ax.text(i + 0.5, 0.77, name, ha="center", va="center", weight="bold")
        ax.text(i + 0.5, 0.40, text, ha="center", va="center", fontsize=style.SMALL_PT, linespacing=1.15)


# ------------------------------------------------------------------ the switch

@style.styled
@accepts(years=vascular.simulate_media.__accepts__["years"],
         phosphates_mmol_l=Range(0.2, 5.0, "mmol/L", optional=True))
def switch_curve(ax, *, years: float = 1.0, phosphates_mmol_l=None) -> None:
    """Osteogenic fraction after ``years`` at constant phosphate, for three levels of inflammation.

    The vertical line is Jono's 1.4 mmol/L (no mineral at or below it in culture).
    """
    grid = np.linspace(0.6, 2.6, 81) if phosphates_mmol_l is None else np.asarray(phosphates_mmol_l)
    for key, level in (("none", 0.0), ("moderate", 0.5), ("severe", 1.0)):
        fraction = [vascular.simulate_media(float(p), years, inflammation=level, points_per_year=1)
                    .osteogenic_fraction[-1] for p in grid]
        ax.plot(grid, fraction, **style.line_kw("inflammation", key))
    threshold = vascular.JONO_THRESHOLD_PHOSPHATE_MMOL_L.value
    ax.axvline(threshold, **style.line_kw("reference", "threshold", with_label=False))
    ax.annotate(f"{threshold:g} mmol/L:\nno mineral in culture", (threshold, 0.95), xytext=(-6, 0),
                textcoords="offset points", ha="right", va="top", fontsize=style.SMALL_PT)
    ax.set_xlim(grid[0], grid[-1])
    ax.set_ylim(0.0, 1.0)
    ax.set_xlabel("serum phosphate (mmol/L)")
    ax.set_ylabel(f"osteogenic fraction\nafter {years:g} year{'s' if years != 1 else ''}")
    ax.legend(loc="lower right")


@accepts(high_mmol_l=Range(0.2, 5.0, "mmol/L", kind="number", optional=True),
         low_mmol_l=Range(0.2, 5.0, "mmol/L", kind="number", optional=True))
def lowering_runs(*, high_mmol_l: float | None = None, low_mmol_l: float | None = None,
                  switch_year: float = 5.0, years: float = 15.0) -> dict[str, dict[str, np.ndarray]]:
    """Three histories: normal throughout, dialysis throughout, and dialysis lowered to normal at ``switch_year``.

    The third chains two :func:`calcify_lib.vascular.simulate_media` runs,
    the second starting from the state the first ended in.
    """
    high = EXPOSURES["dialysis"] if high_mmol_l is None else high_mmol_l
    low = EXPOSURES["normal"] if low_mmol_l is None else low_mmol_l
    runs = {}
    for name, p in (("normal throughout", low), ("dialysis phosphate throughout", high)):
        t = vascular.simulate_media(p, years)
        runs[name] = {k: np.asarray(getattr(t, k)) for k in ("years", "osteogenic_fraction",
                                                             "mineral_fraction", "pwv_m_s")}
    first = vascular.simulate_media(high, switch_year)
    second = vascular.simulate_media(low, years - switch_year,
                                     initial_osteogenic_fraction=float(first.osteogenic_fraction[-1]),
                                     initial_mineral_fraction=float(first.mineral_fraction[-1]))
    runs[f"lowered to normal at year {switch_year:g}"] = {
        k: np.concatenate([getattr(first, k), (second.years + switch_year if k == "years"
                                                else getattr(second, k))[1:]])
        for k in ("years", "osteogenic_fraction", "mineral_fraction", "pwv_m_s")}
    return runs


_RUN_STYLE = {"normal throughout": ("phosphate_exposure", "normal"),
              "dialysis phosphate throughout": ("phosphate_exposure", "dialysis")}


@style.styled
def lowering(ax_switch, ax_mineral, ax_pwv, *, switch_year: float = 5.0, years: float = 15.0) -> None:
    """What lowering phosphate does: osteogenic fraction, mineral and PWV for the three histories."""
    runs = lowering_runs(switch_year=switch_year, years=years)
    for name, run in runs.items():
        kw = (style.line_kw(*_RUN_STYLE[name]) if name in _RUN_STYLE
              else {"color": _O["reddish_purple"], "linestyle": ":", "linewidth": style.LINE_WIDTH + 0.5})
        kw["label"] = name
        ax_switch.plot(run["years"], run["osteogenic_fraction"], **kw)
        ax_mineral.plot(run["years"], 100.0 * run["mineral_fraction"], **kw)
        ax_pwv.plot(run["years"], run["pwv_m_s"], **kw)
    for ax in (ax_switch, ax_mineral, ax_pwv):
        ax.axvline(switch_year, **style.line_kw("event", "treatment_start", with_label=False))
        ax.set_xlim(0.0, years)
    ax_pwv.axhline(_CUTOFF, **style.line_kw("reference", "threshold", with_label=False))
    ax_switch.set_ylim(0.0, 1.0)
    ax_switch.set_ylabel("osteogenic\nfraction")
    ax_mineral.set_ylabel("mineral (% of\nmedia volume)")
    ax_pwv.set_ylabel("PWV (m/s)")
    ax_pwv.set_xlabel("years")
    ax_switch.legend(loc="upper right", fontsize=style.SMALL_PT - 1)


def lowering_table(*, switch_year: float = 5.0, years: float = 15.0) -> Table:
    """The three histories of :func:`lowering_runs` at the switch and at the end."""
    runs = lowering_runs(switch_year=switch_year, years=years)
    rows = []
    for name, run in runs.items():
        for when in (switch_year, years):
            i = int(np.argmin(np.abs(run["years"] - when)))
            rows.append([f"{name}, year {when:g}", f"{run['osteogenic_fraction'][i]:.3f}",
                         f"{100 * run['mineral_fraction'][i]:.2f}", f"{run['pwv_m_s'][i]:.1f}"])
    return Table.build(
        f"Lowering phosphate from {EXPOSURES['dialysis']:.2f} to {EXPOSURES['normal']:.2f} mmol/L at year "
        f"{switch_year:g} (calcify_lib.vascular)",
        ["history", "osteogenic fraction", "mineral (% of media)", "PWV (m/s)"], rows)


# ------------------------------------------------------------------ years of exposure

@style.styled
def years_of_exposure(ax_mineral, ax_pwv, *, years: float = 10.0) -> None:
    """Mineral fraction and PWV against time at normal, CKD stage 4 and dialysis phosphate."""
    for key, t in exposure_trajectories(years).items():
        kw = style.line_kw("phosphate_exposure", key)
        kw["label"] = f"{kw['label']} ({EXPOSURES[key]:.2f} mmol/L)"
        ax_mineral.plot(t.years, 100.0 * t.mineral_fraction, **kw)
        ax_pwv.plot(t.years, t.pwv_m_s, **kw)
    ax_pwv.axhspan(_NORMAL_LOW, _NORMAL_HIGH, color=style.color("reference", "reference_range"), alpha=0.6,
                   label="normal range, 40-49 years")
    ax_pwv.axhline(_CUTOFF, **style.line_kw("reference", "threshold", with_label=False))
    ax_pwv.annotate(f"{_CUTOFF:g} m/s cut-off", (0.2, _CUTOFF), xytext=(0, 3), textcoords="offset points",
                    va="bottom")
    for ax in (ax_mineral, ax_pwv):
        ax.set_xlim(0.0, years)
    ax_mineral.set_ylabel("mineral\n(% of media volume)")
    ax_pwv.set_ylabel("PWV (m/s)")
    ax_pwv.set_xlabel("years of exposure")
    ax_pwv.set_ylim(6.0, max(14.0, float(ax_pwv.get_ylim()[1])))
    ax_mineral.legend(loc="upper left")


def years_table(*, at_years=(1.0, 5.0, 10.0)) -> Table:
    """PWV, mineral, osteogenic fraction and forward pulse pressure at the given years, three exposures."""
    horizon = max(at_years)
    rows = []
    for key, t in exposure_trajectories(horizon).items():
        for year in at_years:
            v = t.at(year)
            rows.append([f"{style.short_label('phosphate_exposure', key)} ({EXPOSURES[key]:.2f} mmol/L)",
                         f"{year:g}", f"{v['osteogenic_fraction']:.3f}", f"{100 * v['mineral_fraction']:.2f}",
                         f"{v['pwv_m_s']:.1f}", f"{v['pulse_pressure_mmhg']:.0f}"])
    return Table.build(
        "The media over years of constant phosphate (calcify_lib.vascular; a teaching model's orders of "
        "magnitude, not a prediction for a patient)",
        ["phosphate", "year", "osteogenic fraction", "mineral (% of media)", "PWV (m/s)",
         "forward pulse pressure (mmHg)"], rows)


def calibration_table() -> Table:
    """Every constant of :mod:`calcify_lib.vascular`: value, unit, basis and source."""
    rows = []
    for name in vascular.__all__:
        value = getattr(vascular, name)
        items = value if isinstance(value, tuple) else (value,)
        for i, c in enumerate(items):
            if not isinstance(c, CitedConstant):
                continue
            label = name if len(items) == 1 else f"{name}[{i}]"
            rows.append([label, f"{c.value:.4g}", c.unit, c.basis, c.citation])
    for key, c in vascular.PHOSPHATE_EXPOSURES_MMOL_L.items():
        rows.append([f"PHOSPHATE_EXPOSURES_MMOL_L[{key!r}]", f"{c.value:.4g}", c.unit, c.basis, c.citation])
    return Table.build("The constants of calcify_lib.vascular and how each was obtained (its note says more)",
                       ["constant", "value", "unit", "basis", "source"], rows)


@accepts(phosphates_mmol_l=Range(0.2, 5.0, "mmol/L"))
def drive_table(phosphates_mmol_l=(1.0, 1.2, 1.4, 2.0)) -> Table:
    """The phosphate drive of the switch (:func:`calcify_lib.vascular.phosphate_drive`).

    Without inflammation and with full inflammation (1), at each phosphate.
    """
    rows = [[f"{p:.1f}", f"{vascular.phosphate_drive(p):.4f}",
             f"{vascular.phosphate_drive(p, inflammation=1.0):.3f}"] for p in np.atleast_1d(phosphates_mmol_l)]
    return Table.build("The phosphate drive of the switch (vascular.phosphate_drive)",
                       ["phosphate (mmol/L)", "drive, no inflammation", "drive, inflammation 1"], rows)


@accepts(years=vascular.simulate_media.__accepts__["years"])
def crossing_table(years: float = 30.0) -> Table:
    """When PWV first reaches the 10 m/s cut-off at each exposure of :data:`EXPOSURES`, within ``years``."""
    rows = []
    for key, t in exposure_trajectories(years).items():
        crossing = t.years_to_cross()
        when = f"not within {years:g} years" if math.isinf(crossing) else f"{crossing:.1f}"
        rows.append([f"{style.short_label('phosphate_exposure', key)} ({EXPOSURES[key]:.2f} mmol/L)", when])
    return Table.build(f"Years of constant phosphate until PWV reaches {_CUTOFF:g} m/s (calcify_lib.vascular)",
                       ["phosphate", f"years to {_CUTOFF:g} m/s"], rows)


def end_state_table(caption: str, runs: dict[str, vascular.MediaTrajectory]) -> Table:
    """The state each run of :func:`calcify_lib.vascular.simulate_media` ends in, one row per run.

    Osteogenic fraction, mineral and PWV at the run's last time, and when
    PWV first reached the 10 m/s cut-off.
    """
    if not isinstance(caption, str) or not caption.strip():
        raise ValueError(f"caption must be a non-empty str; got {caption!r}")
    if not runs or not all(isinstance(t, vascular.MediaTrajectory) for t in runs.values()):
        raise TypeError("runs must map labels to one or more calcify_lib.vascular.MediaTrajectory")
    rows = []
    for label, t in runs.items():
        crossing = t.years_to_cross()
        rows.append([str(label), f"{t.osteogenic_fraction[-1]:.3f}", f"{100 * t.mineral_fraction[-1]:.2f}",
                     f"{t.pwv_m_s[-1]:.1f}", "not in the run" if math.isinf(crossing) else f"{crossing:.1f}"])
    return Table.build(f"{caption} (calcify_lib.vascular)",
                       ["run", "osteogenic fraction", "mineral (% of media)", "PWV (m/s)",
                        f"years to {_CUTOFF:g} m/s"], rows)


# ------------------------------------------------------------------ self-checks

@accepts(modulus_factor=Range(1.01, 10.0, "(ratio of Young's moduli)", kind="number"))
def self_check_stiffer_wall(modulus_factor: float = 2.0) -> NumericEntry:
    """Numeric self-check: PWV of the model's aorta when the wall's Young's modulus is multiplied.

    The answer is :func:`calcify_lib.vascular.moens_korteweg_pwv_m_s` with the
    model's aortic geometry, blood density and the normal wall's modulus times
    ``modulus_factor``.
    """
    e0_kpa = vascular.NORMAL_MEDIA_YOUNG_MODULUS_KPA.value
    h_mm, r_mm = vascular.AORTIC_WALL_THICKNESS_MM.value, vascular.AORTIC_LUMEN_RADIUS_MM.value
    rho = vascular.BLOOD_DENSITY_KG_M3.value
    c0 = vascular.moens_korteweg_pwv_m_s(e0_kpa, h_mm, r_mm, blood_density_kg_m3=rho)
    c = vascular.moens_korteweg_pwv_m_s(modulus_factor * e0_kpa, h_mm, r_mm, blood_density_kg_m3=rho)
    return NumericEntry(
        question=(f"The model's aorta has PWV {c0:.1f} m/s with a wall modulus of {e0_kpa:.0f} kPa. Mineral "
                  f"multiplies the modulus by {modulus_factor:g}; wall thickness and radius stay the same. "
                  "What is the new PWV? (m/s, one decimal)"),
        answer=c, tolerance=0.1, unit="m/s", decimals=1,
        explanation=(f"Moens–Korteweg: c = √(E h / (2 r ρ)), so c grows with √E: {c0:.2f} × √{modulus_factor:g} "
                     f"= {c:.2f} m/s. That is why the modulus must almost double for PWV to pass 10 m/s."),
        too_low="PWV does grow with the modulus, as its square root: c = √(E h / (2 r ρ)).",
        too_high=(f"PWV grows with the square root of E, not in proportion: multiplying E by {modulus_factor:g} "
                  f"multiplies PWV by √{modulus_factor:g} = {math.sqrt(modulus_factor):.2f}."),
    )


def self_check_lowering_phosphate(*, switch_year: float = 5.0, years: float = 15.0) -> MultipleChoice:
    """Multiple-choice self-check: what lowering dialysis phosphate to normal at ``switch_year`` undoes.

    Which option is right is decided by :func:`lowering_runs`: the osteogenic
    fraction and the mineral at the switch and at the end of the run.
    """
    runs = lowering_runs(switch_year=switch_year, years=years)
    lowered = runs[f"lowered to normal at year {switch_year:g}"]
    dialysis, normal = runs["dialysis phosphate throughout"], runs["normal throughout"]
    i = int(np.argmin(np.abs(lowered["years"] - switch_year)))
    x0, x1 = float(lowered["osteogenic_fraction"][i]), float(lowered["osteogenic_fraction"][-1])
    m0, m1 = 100 * float(lowered["mineral_fraction"][i]), 100 * float(lowered["mineral_fraction"][-1])
    c0, c1 = float(lowered["pwv_m_s"][i]), float(lowered["pwv_m_s"][-1])
    cells_back, mineral_stays = x1 < 0.5 * x0, m1 >= m0
    numbers = (f"In the model the osteogenic fraction goes from {x0:.2f} at year {switch_year:g} to {x1:.2f} "
               f"at year {years:g}, the mineral from {m0:.1f} % to {m1:.1f} % of the media, and PWV from "
               f"{c0:.1f} to {c1:.1f} m/s.")
    options = (
        Option("Most switched cells turn back, but the mineral stays and PWV does not come down",
               bool(cells_back and mineral_stays and c1 >= c0), numbers),
        Option("The mineral dissolves and PWV returns to normal",
               m1 < m0 and c1 <= float(normal["pwv_m_s"][-1]) + 0.1,
               f"The media has no osteoclasts and the model no term that removes mineral. {numbers}"),
        Option("Nothing changes: the cells stay switched as at dialysis phosphate",
               not cells_back,
               (f"At dialysis phosphate throughout the fraction stays at "
                f"{float(dialysis['osteogenic_fraction'][-1]):.2f}; lowered, it falls to {x1:.2f}. {numbers}")),
        Option("The artery returns to the state of one never exposed",
               abs(c1 - float(normal["pwv_m_s"][-1])) < 0.1,
               (f"Never exposed, the aorta has PWV {float(normal['pwv_m_s'][-1]):.1f} m/s at year {years:g}; "
                f"the lowered one {c1:.1f} m/s. {numbers}")),
    )
    return MultipleChoice(
        question=(f"A dialysis patient's phosphate ({EXPOSURES['dialysis']:.1f} mmol/L) is lowered to normal "
                  f"({EXPOSURES['normal']:.1f} mmol/L) after {switch_year:g} years, as a transplant might. "
                  f"What does the model's media look like at year {years:g}?"),
        options=options,
        explanation=("The memory lives in the mineral: undriven cells drift back to the contractile state, but "
                     "hydroxyapatite in the media is not resorbed, and the crystals keep driving some cells."),
    )


# ------------------------------------------------------------------ the explorer

#: Cells drawn in the media of the cross-section, and the mineral fraction that the drawing shows as
#: laminae fully covered (a drawing scale, stated in the explorer's description).
_CELLS = 18
_SEGMENTS = 8
_FULL_DRAWING_MINERAL = 0.12


def _cell_positions():
    """Deterministic places for the media's cells: three rows between the laminae, evenly spaced."""
    places = []
    for row, radius in enumerate((1.14, 1.32, 1.50)):
        for k in range(_CELLS // 3):
            angle = 2 * math.pi * (k + 0.5 * row) / (_CELLS // 3)
            places.append((radius, angle))
    # Switch order: spread the first switched cells round the wall (golden-angle order).
    order = sorted(range(_CELLS), key=lambda i: (i * 0.6180339887) % 1.0)
    return [places[i] for i in order]


def draw_cross_section(ax, osteogenic_fraction: float, mineral_fraction: float, *,
                       antialiased: bool = True) -> tuple[int, int]:
    """Draw the artery in cross-section: lumen, intima, media with its cells and mineral, adventitia.

    ``round(osteogenic_fraction × 18)`` of the 18 cells are drawn osteogenic;
    mineral covers the laminae in 8 segments, in proportion to the mineral
    fraction, fully at 12 % (a drawing scale).  Returns the numbers of
    osteogenic cells and mineral segments drawn.  ``antialiased=False`` draws
    the shapes in exact colours (small, palette-friendly explorer pictures).
    """
    from matplotlib.patches import Circle, Ellipse, Wedge

    for name, value in (("osteogenic_fraction", osteogenic_fraction), ("mineral_fraction", mineral_fraction)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
            raise ValueError(f"{name} must lie in 0 to 1; got {value!r}")
    ax.set_aspect("equal")
    ax.set_xlim(-1.8, 1.8)
    ax.set_ylim(-1.8, 1.8)
    ax.axis("off")
    aa = {"antialiased": antialiased}
    _ring(ax, 1.62, 0.14, style.color("media", "adventitia"), **aa)
    ax.add_patch(Circle((0, 0), 1.05, facecolor=style.WHITE, edgecolor=style.color("media", "intima"),
                        linewidth=2.0, **aa))
    for r in (1.05, 1.23, 1.41, 1.6):
        ax.add_patch(Circle((0, 0), r, fill=False, edgecolor=style.color("media", "elastic_lamina"),
                            linewidth=1.0, **aa))
    switched = int(round(osteogenic_fraction * _CELLS))
    for i, (radius, angle) in enumerate(_cell_positions()):
        colour = style.color("media", "osteogenic_cell" if i < switched else "contractile_cell")
        ax.add_patch(Ellipse((radius * math.cos(angle), radius * math.sin(angle)), 0.3, 0.12,
                             angle=math.degrees(angle) + 90.0, facecolor=colour, edgecolor=_O["black"],
                             linewidth=0.6, **aa))
    segments = int(round(min(mineral_fraction / _FULL_DRAWING_MINERAL, 1.0) * _SEGMENTS))
    span = 360.0 / (_SEGMENTS / 2)  # the segments tile the two middle laminae
    for k in range(segments):
        radius = (1.23, 1.41)[k % 2]
        start = (k // 2) * span + (k % 2) * span / 2
        ax.add_patch(Wedge((0, 0), radius + 0.045, start, start + span - 4.0, width=0.09,
                           facecolor=style.color("media", "mineral"), edgecolor="none", **aa))
    ax.text(0.0, 0.0, "lumen", ha="center", va="center", fontsize=style.SMALL_PT, color=_G["dark_grey"])
    return switched, segments


@accepts(phosphate_mmol_l=Range(0.0, 10.0, "mmol/L", kind="number"))
def describe_phosphate_mmol_l(phosphate_mmol_l: float) -> str:
    """Slider words for a phosphate, both units: ``"1.20 mmol/L (3.7 mg/dL)"``."""
    from ..units import phosphate_mmol_l_to_mg_dl

    return f"{phosphate_mmol_l:.2f} mmol/L ({phosphate_mmol_l_to_mg_dl(phosphate_mmol_l):.1f} mg/dL)"


def describe_years(years: float) -> str:
    """Slider words for a duration: ``"1 year"``, ``"10 years"``."""
    return f"{years:g} year" + ("" if years == 1 else "s")


def artery_readout_html(trajectory: vascular.MediaTrajectory, years: float) -> str:
    """The explorer's readout at ``years`` of a run: PWV, osteogenic fraction, mineral, pulse pressure, verdict."""
    v = trajectory.at(years)
    pwv = v["pwv_m_s"]
    if pwv >= _CUTOFF:
        verdict = f"above the {_CUTOFF:g} m/s cut-off: a stiff aorta"
    elif pwv > _NORMAL_HIGH:
        verdict = f"above the normal range for 40-49 years (up to {_NORMAL_HIGH:g} m/s)"
    else:
        verdict = f"within the normal range for 40-49 years ({_NORMAL_LOW:g}-{_NORMAL_HIGH:g} m/s)"
    return (f"PWV <strong>{pwv:.1f} m/s</strong> ({html.escape(verdict)}); osteogenic fraction "
            f"<strong>{v['osteogenic_fraction']:.2f}</strong>; mineral <strong>{100 * v['mineral_fraction']:.2f} %"
            f"</strong> of the media; forward pulse pressure {v['pulse_pressure_mmhg']:.0f} mmHg.")


def artery_explorer(
    *,
    phosphate_values_mmol_l: tuple[float, ...] = (1.0, 1.2, 1.4, 1.5, 1.6, 1.8, 2.0, 2.4),
    year_values: tuple[float, ...] = (1.0, 2.0, 3.0, 5.0, 7.0, 10.0, 15.0, 20.0),
    initial: tuple[float, float] = (1.2, 5.0),
) -> Explorer:
    """Phosphate × years → the artery in cross-section with its mineral, and PWV and osteogenic fraction.

    One model run per phosphate (:func:`calcify_lib.vascular.simulate_media`
    over the longest duration), read at each duration.  The picture shows
    the cross-section and a PWV scale; a dot marks the PWV on the scale.
    Pictures that come out the same (same cells switched, same mineral
    segments) are stored once.
    """
    import matplotlib.pyplot as plt

    horizon = max(year_values)
    runs = {p: vascular.simulate_media(p, horizon) for p in phosphate_values_mmol_l}
    scale = (5.0, 16.0)
    pictures: dict[tuple[int, int], tuple[bytes, object]] = {}

    def picture(x: float, m: float):
        switched = int(round(x * _CELLS))
        segments = int(round(min(m / _FULL_DRAWING_MINERAL, 1.0) * _SEGMENTS))
        key = (switched, segments)
        if key not in pictures:
            fig = plt.figure(figsize=(3.2, 3.6), dpi=72)
            with style.context():
                ax = fig.add_axes((0.02, 0.25, 0.96, 0.74))
                draw_cross_section(ax, switched / _CELLS, segments / _SEGMENTS * _FULL_DRAWING_MINERAL,
                                   antialiased=False)
                bar = fig.add_axes((0.08, 0.15, 0.84, 0.05))
                bar.set_xlim(*scale)
                bar.set_ylim(0.0, 1.0)
                bar.axvspan(_NORMAL_LOW, _NORMAL_HIGH, color=style.color("reference", "reference_range"))
                bar.axvline(_CUTOFF, color=_O["black"], linestyle="--", linewidth=1.5)
                bar.set_yticks([])
                for side in ("left", "right", "top"):
                    bar.spines[side].set_visible(False)
                bar.set_xticks([6, 8, 10, 12, 14, 16])
                bar.tick_params(labelsize=style.SMALL_PT)
                bar.set_xlabel("PWV (m/s)", fontsize=style.SMALL_PT, labelpad=1)
            fig.canvas.draw()
            pictures[key] = (figure_png(fig, dpi=72, colors=16), bar)
            plt.close(fig)
        return key

    def render(phosphate_mmol_l: float, years: float) -> View:
        trajectory = runs[phosphate_mmol_l]
        v = trajectory.at(years)
        key = picture(v["osteogenic_fraction"], v["mineral_fraction"])
        png, bar = pictures[key]
        pwv = min(max(v["pwv_m_s"], scale[0]), scale[1])
        x, y = figure_fraction(bar, pwv, 0.5)
        alt = (f"Artery cross-section after {describe_years(years)} at phosphate {phosphate_mmol_l:.2f} mmol/L: "
               f"{key[0]} of {_CELLS} medial cells osteogenic, mineral drawn on {key[1]} of {_SEGMENTS} lamina "
               f"segments; the dot on the PWV scale is at {v['pwv_m_s']:.1f} m/s.")
        return View(png=png, alt=alt, readout_html=artery_readout_html(trajectory, years),
                    markers=(Marker(x, y, f"PWV {v['pwv_m_s']:.1f} m/s", _O["black"]),))

    description = (
        "The aortic media in cross-section after the chosen years at a constant serum phosphate "
        "(calcify_lib.vascular, no inflammation, normal inhibitors). Blue cells are contractile smooth muscle "
        "cells, orange cells have switched on RUNX2; red arcs on the grey elastic laminae are mineral, drawn "
        "in proportion to the mineral fraction (laminae fully covered at 12 % of the media). Below, the PWV "
        "scale: grey band the normal range at 40-49 years, dashed line the 10 m/s cut-off, the dot this "
        "setting. A teaching model's orders of magnitude, not a prediction for a patient."
    )
    return Explorer(
        "The artery over the years",
        description,
        [Slider("phosphate_mmol_l", "Serum phosphate", tuple(float(p) for p in phosphate_values_mmol_l),
                float(initial[0]), describe_phosphate_mmol_l),
         Slider("years", "Years of exposure", tuple(float(y) for y in year_values), float(initial[1]),
                describe_years)],
        render,
    )
