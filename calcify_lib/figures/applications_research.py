"""Figures of the chapter "Applications II: research frontiers" (the T50 test and the inhibitors).

Every number drawn or tabulated here comes from :mod:`calcify_lib.calciprotein`
(the model of the T50 test, which speciates the assay with
:mod:`calcify_lib.chemistry`) or from its cited data (published cohort means,
trial results).  The Ca × P products come from :mod:`calcify_lib.units`.
"""

from __future__ import annotations

import html
import math

import numpy as np

from .. import calciprotein as cp
from .. import style, units
from .._validation import Range, accepts
from ..explorer import Explorer, Marker, Slider, View, figure_fraction, figure_png
from ..selfcheck import MultipleChoice, NumericEntry, Option
from ..tables import Table

__all__ = [
    "SERUM_KEYS", "serum_values", "sera_table", "calibration_table", "transformation_curves",
    "DETERMINANTS", "determinant_rows", "determinants_table", "determinants_chart", "treatments_table",
    "model_treatments_table", "t50_verdict", "propensity_readout_html", "propensity_explorer",
    "EXPLORER_PHOSPHATE_MMOL_L", "EXPLORER_MAGNESIUM_MMOL_L", "EXPLORER_FETUIN_A_G_L",
    "EXPLORER_PYROPHOSPHATE_UMOL_L",
    "t50_comparison_table", "self_check_halved_fetuin", "self_check_largest_determinant",
]

#: The chapter's sera, in display order (keys of :data:`calcify_lib.calciprotein.SERA`).
SERUM_KEYS = tuple(cp.SERA)
#: The published cohort mean and SD beside each serum (``None``: no verified cohort mean).
_PUBLISHED = {"healthy": cp.HEALTHY_T50_MINUTES, "ckd_3_4": None, "haemodialysis": cp.DIALYSIS_T50_MINUTES}
_COHORT = {"healthy": "PREVEND, n = 6231", "ckd_3_4": "no verified cohort mean",
           "haemodialysis": "ISAR, n = 188"}
_CURVE_MINUTES = np.linspace(0.0, 900.0, 451)
_X_MAX_MINUTES = 900.0


def serum_values(key: str) -> dict[str, float]:
    """The keyword arguments of :func:`calcify_lib.calciprotein.t50_minutes` for one of :data:`SERUM_KEYS`."""
    if key not in cp.SERA:
        raise ValueError(f"key must be one of {', '.join(map(repr, cp.SERA))}; got {key!r}")
    return {name: constant.value for name, constant in cp.SERA[key].items()}


def _published(key: str) -> str:
    c = _PUBLISHED[key]
    return "-" if c is None else f"{c.value:.0f} ± {c.uncertainty:.0f}"


def sera_table() -> Table:
    """The three sera: what the laboratory reports, Ca × P, the SI of serum and of the assay well, and T50."""
    rows = []
    for key in SERUM_KEYS:
        values = serum_values(key)
        well = cp.assay_speciation(**values)
        ca_mg_dl = units.ca_mmol_l_to_mg_dl(well.serum_total_ca_mmol_l)
        p_mg_dl = units.phosphate_mmol_l_to_mg_dl(values["phosphate_mmol_l"])
        rows.append([
            cp.SERUM_LABELS[key], f"{values['phosphate_mmol_l']:.2f}", f"{values['magnesium_mmol_l']:.2f}",
            f"{values['fetuin_a_g_l']:.2f}", f"{values['pyrophosphate_umol_l']:.2f}",
            f"{ca_mg_dl * p_mg_dl:.0f}", f"{well.serum_saturation_index:+.2f}", f"{well.saturation_index:+.2f}",
            f"{cp.t50_minutes(**values):.0f}", _published(key), _COHORT[key],
        ])
    return Table.build(
        "Three sera in the T50 model (calcify_lib.calciprotein): serum values, Ca × P, SI of hydroxyapatite "
        "in the serum and in the assay well, and T50 beside the published cohort mean ± SD",
        ["serum", "phosphate (mmol/L)", "Mg (mmol/L)", "fetuin-A (g/L)", "PPi (µmol/L)", "Ca × P (mg²/dL²)",
         "SI serum", "SI well", "model T50 (min)", "published T50 (min)", "cohort"],
        rows,
    )


def calibration_table() -> Table:
    """What the model fixes and what it fits: each constant, its value, its basis and its target."""
    dialysis = serum_values("haemodialysis")
    raised = dict(dialysis, magnesium_mmol_l=dialysis["magnesium_mmol_l"]
                  + cp.BRESSENDORFF_SERUM_MG_RISE_MMOL_L.value)
    rise = cp.t50_minutes(**raised) - cp.t50_minutes(**dialysis)
    rows = [
        ["added calcium / phosphate in the well",
         f"{cp.ASSAY_ADDED_CA_MMOL_L.value:g} / {cp.ASSAY_ADDED_PHOSPHATE_MMOL_L.value:g} mmol/L",
         "fixed (assay)", "Pasch 2012", "-"],
        ["serum share of the well", f"{cp.ASSAY_SERUM_FRACTION.value:g}", "fixed (assay)", "Pasch 2012", "-"],
        ["T50 of the healthy adult", f"{cp.HEALTHY_T50_MINUTES.value:.0f} min", "fixed (anchor)",
         "PREVEND mean", f"{cp.t50_minutes():.0f} min"],
        ["fetuin-A share of the delay", f"{cp.FETUIN_A_SHARE.value:g}", "fixed (literature)",
         "Schäfer 2003: about half", f"T50 without fetuin-A {cp.t50_minutes(fetuin_a_g_l=0.0):.0f} min"],
        ["order in IAP/Ksp", f"{cp.SUPERSATURATION_ORDER.value:g}", "fixed (choice)", "-", "-"],
        ["Avrami exponent", f"{cp.AVRAMI_EXPONENT.value:g}", "fixed (choice)", "-", "-"],
        ["magnesium constant K_Mg", f"{cp.MAGNESIUM_HALF_EFFECT_MMOL_L.value:.3f} mmol/L", "fitted",
         f"Bressendorff 2018: +{cp.BRESSENDORFF_T50_RISE_MINUTES.value:.0f} min for serum Mg "
         f"+{cp.BRESSENDORFF_SERUM_MG_RISE_MMOL_L.value:g} mmol/L", f"+{rise:.0f} min"],
        ["pyrophosphate constant K_PP", f"{cp.PYROPHOSPHATE_HALF_EFFECT_UMOL_L.value:.2f} µmol/L", "fitted",
         f"ISAR haemodialysis mean {cp.DIALYSIS_T50_MINUTES.value:.0f} min",
         f"{cp.t50_minutes(**dialysis):.0f} min"],
        ["CKD stages 3-4", "-", "prediction", "no fit", f"{cp.t50_minutes(**serum_values('ckd_3_4')):.0f} min"],
    ]
    return Table.build("What the T50 model fixes, what it fits, and to what",
                       ["constant", "value", "status", "source or target", "model"], rows)


@style.styled
def transformation_curves(ax, keys: tuple[str, ...] = ("healthy", "haemodialysis")) -> None:
    """The assay's time course for each serum, T50 marked, the published mean ± SD as a bar at half way."""
    for key in keys:
        curve = cp.transformation(minutes=_CURVE_MINUTES, **serum_values(key))
        ax.plot(curve.minutes, curve.fraction_transformed, **style.line_kw("serum", key, with_label=False),
                label=f"{style.label('serum', key)}: model T50 {curve.t50_minutes:.0f} min")
        ax.plot([curve.t50_minutes], [0.5], marker=style.marker("serum", key), color=style.color("serum", key),
                ms=9, linestyle="none")
        published = _PUBLISHED[key]
        if published is not None:
            level = 0.06 + 0.07 * keys.index(key)
            ax.errorbar([published.value], [level], xerr=[published.uncertainty], fmt=style.marker("serum", key),
                        color=style.color("serum", key), capsize=4, ms=7, mfc=style.WHITE, lw=1.5)
            ax.annotate(f"{_COHORT[key].split(',')[0]} {published.value:.0f} ± {published.uncertainty:.0f}",
                        (published.value + published.uncertainty, level), xytext=(6, -4),
                        textcoords="offset points", fontsize=style.SMALL_PT - 1, color=style.GREYS["dark_grey"])
    ax.axhline(0.5, color=style.color("reference", "guide"), lw=0.8, ls=":")
    ax.set_xlim(0.0, _X_MAX_MINUTES)
    ax.set_ylim(0.0, 1.02)
    ax.set_xlabel("time in the assay (min)")
    ax.set_ylabel("fraction transformed\n(primary → secondary CPPs)")
    ax.legend(loc="upper left", fontsize=style.SMALL_PT - 1)


#: The determinants, each moved alone from the healthy to the haemodialysis value: (label, keyword, note).
DETERMINANTS = (
    ("phosphate", "phosphate_mmol_l", "mmol/L"),
    ("fetuin-A", "fetuin_a_g_l", "g/L"),
    ("pyrophosphate", "pyrophosphate_umol_l", "µmol/L"),
    ("magnesium", "magnesium_mmol_l", "mmol/L"),
)


def determinant_rows() -> list[tuple[str, float, float, float]]:
    """(label, healthy value, dialysis value, T50 with that one value changed) for each of :data:`DETERMINANTS`."""
    healthy, dialysis = serum_values("healthy"), serum_values("haemodialysis")
    return [(label, healthy[key], dialysis[key], cp.t50_minutes(**dict(healthy, **{key: dialysis[key]})))
            for label, key, _ in DETERMINANTS]


def determinants_table() -> Table:
    """Move one determinant at a time from the healthy to the dialysis serum: T50, Ca × P and serum SI."""
    base = cp.t50_minutes()
    healthy_well = cp.assay_speciation()
    ca_mg_dl = units.ca_mmol_l_to_mg_dl(healthy_well.serum_total_ca_mmol_l)
    rows = []
    for (label, key, unit), (_, before, after, t50) in zip(DETERMINANTS, determinant_rows()):
        values = dict(serum_values("healthy"), **{key: after})
        well = cp.assay_speciation(**values)
        cap = ca_mg_dl * units.phosphate_mmol_l_to_mg_dl(values["phosphate_mmol_l"])
        rows.append([label, f"{before:.3g} → {after:.3g} {unit}", f"{t50:.0f}", f"{t50 - base:+.0f}",
                     f"{cap:.0f}", f"{well.serum_saturation_index:+.2f}"])
    return Table.build(
        f"One determinant at a time, from the healthy serum (T50 {base:.0f} min) to its value in "
        "haemodialysis: T50, Ca × P and the SI of hydroxyapatite in the serum",
        ["determinant", "change", "T50 (min)", "ΔT50 (min)", "Ca × P (mg²/dL²)", "SI serum"], rows)


@style.styled
def determinants_chart(ax) -> None:
    """Bars: how much T50 falls when each determinant alone takes its haemodialysis value."""
    base = cp.t50_minutes()
    rows = determinant_rows()
    units_of = {label: unit for label, _, unit in DETERMINANTS}
    labels = [f"{label}\n{before:.3g} → {after:.3g} {units_of[label]}" for label, before, after, _ in rows]
    changes = [t50 - base for *_, t50 in rows]
    y = np.arange(len(rows))[::-1]
    ax.barh(y, changes, color=style.color("serum", "haemodialysis"), height=0.6)
    for yi, change in zip(y, changes):
        ax.annotate(f"{change:+.0f} min", (change, yi), xytext=(-4 if change < 0 else 4, 0),
                    textcoords="offset points", ha="right" if change < 0 else "left", va="center",
                    fontsize=style.SMALL_PT)
    ax.set_yticks(y, labels)
    ax.axvline(0.0, color=style.OKABE_ITO["black"], lw=1.0)
    low = min(changes)
    ax.set_xlim(1.5 * low, max(changes) + 0.6 * abs(low))
    ax.set_xlabel(f"change of T50 from the healthy {base:.0f} min (min)")


def treatments_table() -> Table:
    """Treatments under study with their published results (cited data, not model output)."""
    rows = []
    for trial in cp.TRIALS:
        def cell(c):
            return "-" if c is None else f"{c.value:g} {c.unit.split(' ')[0]}"
        rows.append([trial.treatment, f"{trial.trial}: {trial.population}", trial.outcome, cell(trial.treated),
                     cell(trial.control), trial.finding])
    return Table.build("Treatments under study: published results (cited data, not model output)",
                       ["treatment", "trial and patients", "outcome", "treated", "control", "finding"], rows)


def model_treatments_table() -> Table:
    """What the model says of the treatments it can represent, in the dialysis serum."""
    dialysis = serum_values("haemodialysis")
    base = cp.t50_minutes(**dialysis)
    mg_rise = cp.BRESSENDORFF_SERUM_MG_RISE_MMOL_L.value
    cases = [
        ("dialysate magnesium (serum Mg +{:g} mmol/L)".format(mg_rise),
         dict(dialysis, magnesium_mmol_l=dialysis["magnesium_mmol_l"] + mg_rise),
         f"+{cp.BRESSENDORFF_T50_RISE_MINUTES.value:.0f} min (the fit's target)"),
        ("phosphate lowered to the CKD 3-4 target (1.49 mmol/L)",
         dict(dialysis, phosphate_mmol_l=cp.CKD_3_4_SERUM["phosphate_mmol_l"].value), "no trial T50"),
        ("phosphate lowered to normal (1.2 mmol/L)",
         dict(dialysis, phosphate_mmol_l=cp.HEALTHY_SERUM["phosphate_mmol_l"].value), "no trial T50"),
        ("pyrophosphate restored to normal (3.26 µmol/L)",
         dict(dialysis, pyrophosphate_umol_l=cp.HEALTHY_SERUM["pyrophosphate_umol_l"].value), "no trial T50"),
        ("magnesium and phosphate together", dict(dialysis, magnesium_mmol_l=dialysis["magnesium_mmol_l"] + mg_rise,
                                                  phosphate_mmol_l=cp.HEALTHY_SERUM["phosphate_mmol_l"].value),
         "no trial T50"),
    ]
    rows = [[name, f"{cp.t50_minutes(**values):.0f}", f"{cp.t50_minutes(**values) - base:+.0f}", published]
            for name, values, published in cases]
    return Table.build(f"The model's haemodialysis serum (T50 {base:.0f} min) under treatments it can represent",
                       ["change", "model T50 (min)", "ΔT50 (min)", "published"], rows)


# ------------------------------------------------------------------ the explorer

#: The explorer's settings: serum phosphate, magnesium, fetuin-A and pyrophosphate.
EXPLORER_PHOSPHATE_MMOL_L = (1.0, 1.2, 1.6, 2.0, 2.4, 2.8)
EXPLORER_MAGNESIUM_MMOL_L = (0.6, 0.85, 1.1, 1.35)
EXPLORER_FETUIN_A_G_L = (0.3, 0.5, 0.7, 0.9)
EXPLORER_PYROPHOSPHATE_UMOL_L = (1.5, 2.26, 3.26)
#: Where the chosen serum's dots sit on its curve: fractions transformed (1/2 is T50).
_DOT_FRACTIONS = (0.03, 0.15, 0.35, 0.5, 0.65, 0.85, 0.97)


@accepts(t50_minutes=Range(0.0, math.inf, "min", kind="number", low_inclusive=False))
def t50_verdict(t50_minutes: float) -> str:
    """Where a T50 lies against the published cohorts, in words.

    >>> t50_verdict(340.0)
    'in the healthy range (PREVEND mean 329 ± 58 min)'
    """
    healthy, dialysis = cp.HEALTHY_T50_MINUTES, cp.DIALYSIS_T50_MINUTES
    low_healthy = healthy.value - healthy.uncertainty
    low_dialysis = dialysis.value - dialysis.uncertainty
    if t50_minutes >= low_healthy:
        return f"in the healthy range (PREVEND mean {healthy.value:.0f} ± {healthy.uncertainty:.0f} min)"
    if t50_minutes >= dialysis.value:
        return (f"below the healthy range, above the haemodialysis mean ({dialysis.value:.0f} min): "
                "a raised propensity, as in CKD")
    if t50_minutes >= low_dialysis:
        return f"like a typical haemodialysis patient (ISAR {dialysis.value:.0f} ± {dialysis.uncertainty:.0f} min)"
    return (f"below the haemodialysis range (under {low_dialysis:.0f} min): a very high propensity, "
            "like the lowest third of dialysis cohorts")


_EXPLORER = dict(phosphate_mmol_l=Range(0.3, 4.0, "mmol/L", kind="number"),
                 magnesium_mmol_l=Range(0.2, 3.0, "mmol/L", kind="number"),
                 fetuin_a_g_l=Range(0.0, 2.0, "g/L", kind="number"),
                 pyrophosphate_umol_l=Range(0.0, 20.0, "µmol/L", kind="number"))


@accepts(**_EXPLORER)
def propensity_readout_html(phosphate_mmol_l: float, magnesium_mmol_l: float, fetuin_a_g_l: float,
                            pyrophosphate_umol_l: float) -> str:
    """The explorer's readout: T50, its factors, the SI of the well and the verdict, from the model."""
    curve = cp.transformation(minutes=_CURVE_MINUTES, phosphate_mmol_l=phosphate_mmol_l,
                              magnesium_mmol_l=magnesium_mmol_l, fetuin_a_g_l=fetuin_a_g_l,
                              pyrophosphate_umol_l=pyrophosphate_umol_l)
    f = curve.factors
    return (
        f"T50 = <strong>{curve.t50_minutes:.0f} min</strong>: "
        f"<strong>{html.escape(t50_verdict(curve.t50_minutes))}</strong>.<br>"
        f"Against the healthy {cp.HEALTHY_T50_MINUTES.value:.0f} min: supersaturation ×{f['supersaturation']:.2f} "
        f"(SI of the well {curve.saturation_index:+.2f}), fetuin-A ×{f['fetuin_a']:.2f}, "
        f"magnesium ×{f['magnesium']:.2f}, pyrophosphate ×{f['pyrophosphate']:.2f}."
    )


def _describe(unit: str, digits: int):
    return lambda v: f"{v:.{digits}f} {unit}"


def propensity_explorer() -> Explorer:
    """Phosphate × magnesium × fetuin-A × pyrophosphate → the transformation curve and T50.

    One picture for every view: the model's healthy and haemodialysis curves
    for reference.  The chosen serum's curve is drawn by seven dots (the
    middle one at T50), placed as markers, so the page stores a single image.
    """
    import matplotlib.pyplot as plt

    fig, ax = style.subplots(width_in=6.0, height_in=3.4, dpi=72)
    for key in ("healthy", "haemodialysis"):
        curve = cp.transformation(minutes=_CURVE_MINUTES, **serum_values(key))
        ax.plot(curve.minutes, curve.fraction_transformed, **style.line_kw("serum", key, with_label=False),
                label=f"{style.short_label('serum', key)} (T50 {curve.t50_minutes:.0f} min)")
    ax.axhline(0.5, color=style.color("reference", "guide"), lw=0.8, ls=":")
    ax.set_xlim(0.0, _X_MAX_MINUTES)
    ax.set_ylim(0.0, 1.02)
    ax.set_xlabel("time in the assay (min)")
    ax.set_ylabel("fraction transformed")
    ax.legend(loc="lower right", fontsize=style.SMALL_PT - 1)
    fig.canvas.draw()
    png = figure_png(fig, dpi=72, colors=32)
    exponent = 1.0 / cp.AVRAMI_EXPONENT.value

    def place(t: float, x: float) -> tuple[float, float]:
        return figure_fraction(ax, min(t, _X_MAX_MINUTES), x)

    def render(phosphate_mmol_l: float, magnesium_mmol_l: float, fetuin_a_g_l: float,
               pyrophosphate_umol_l: float) -> View:
        t50 = cp.t50_minutes(phosphate_mmol_l=phosphate_mmol_l, magnesium_mmol_l=magnesium_mmol_l,
                             fetuin_a_g_l=fetuin_a_g_l, pyrophosphate_umol_l=pyrophosphate_umol_l)
        markers = []
        for x in _DOT_FRACTIONS:
            t = t50 * (math.log(1.0 / (1.0 - x)) / math.log(2.0)) ** exponent
            color = style.OKABE_ITO["vermillion"] if x == 0.5 else style.OKABE_ITO["black"]
            label = f"T50 = {t50:.0f} min" if x == 0.5 else f"{100 * x:.0f} % transformed at {t:.0f} min"
            markers.append(Marker(*place(t, x), label, color))
        alt = (f"Transformation curves of the model's healthy and haemodialysis sera; dots trace the chosen "
               f"serum (phosphate {phosphate_mmol_l:g} mmol/L, magnesium {magnesium_mmol_l:g} mmol/L, fetuin-A "
               f"{fetuin_a_g_l:g} g/L, pyrophosphate {pyrophosphate_umol_l:g} µmol/L), half transformed at "
               f"{t50:.0f} min.")
        return View(png=png, alt=alt, markers=tuple(markers),
                    readout_html=propensity_readout_html(phosphate_mmol_l, magnesium_mmol_l, fetuin_a_g_l,
                                                         pyrophosphate_umol_l))

    plt.close(fig)
    healthy = serum_values("healthy")
    description = (
        "The fraction of primary calciprotein particles that have ripened into secondary ones against time in "
        "the T50 assay, from calcify_lib.calciprotein. Lines: the model's healthy adult (green) and "
        "haemodialysis patient (blue, dash-dot). Dots: the serum you choose, the orange-red dot at T50, where half "
        "has transformed. Calcium, albumin and pH stay normal. Dots past 900 min sit at the right edge."
    )
    return Explorer(
        "Calcification propensity: ions against inhibitors",
        description,
        [
            Slider("phosphate_mmol_l", "Phosphate", EXPLORER_PHOSPHATE_MMOL_L, healthy["phosphate_mmol_l"],
                   _describe("mmol/L", 1)),
            Slider("magnesium_mmol_l", "Magnesium", EXPLORER_MAGNESIUM_MMOL_L, healthy["magnesium_mmol_l"],
                   _describe("mmol/L", 2)),
            Slider("fetuin_a_g_l", "Fetuin-A", EXPLORER_FETUIN_A_G_L, healthy["fetuin_a_g_l"], _describe("g/L", 1)),
            Slider("pyrophosphate_umol_l", "Pyrophosphate", EXPLORER_PYROPHOSPHATE_UMOL_L,
                   healthy["pyrophosphate_umol_l"], _describe("µmol/L", 2)),
        ],
        render,
    )


def t50_comparison_table(t50_by_serum: dict[str, float]) -> Table:
    """T50 of a few sera against the first one and against the healthy mean (:data:`calcify_lib.calciprotein.HEALTHY_T50_MINUTES`)."""
    if not t50_by_serum:
        raise ValueError("t50_by_serum must hold at least one serum; got an empty mapping")
    base = next(iter(t50_by_serum.values()))
    healthy = cp.HEALTHY_T50_MINUTES.value
    rows = [(name, f"{t50:.0f}", f"{t50 - base:+.0f}", f"{t50 - healthy:+.0f}") for name, t50 in t50_by_serum.items()]
    return Table.build(f"T50 in the model, against the first serum and the healthy mean ({healthy:.0f} min)",
                       ("serum", "T50 (min)", "Δ first (min)", "Δ healthy (min)"), rows)


# ------------------------------------------------------------------ self-checks

def self_check_halved_fetuin(fraction: float = 0.5) -> NumericEntry:
    """Numeric self-check: T50 of the healthy serum with its fetuin-A scaled by ``fraction`` (model)."""
    healthy = serum_values("healthy")
    fetuin = healthy["fetuin_a_g_l"] * fraction
    t50 = cp.t50_minutes(**dict(healthy, fetuin_a_g_l=fetuin))
    share, base = cp.FETUIN_A_SHARE.value, cp.HEALTHY_T50_MINUTES.value
    return NumericEntry(
        question=(f"In the healthy serum (T50 {base:.0f} min), fetuin-A falls from {healthy['fetuin_a_g_l']:g} to "
                  f"{fetuin:g} g/L and nothing else changes. What T50 does the model give? (whole minutes)"),
        answer=t50, tolerance=1.0, unit="min", decimals=0,
        explanation=(f"Only the fetuin-A factor moves: T50 = {base:.0f} × (1 − {share:g} + {share:g} × "
                     f"{fetuin:g}/{healthy['fetuin_a_g_l']:g}) = {t50:.0f} min. Fetuin-A binds no ion in the "
                     "model, so the well's saturation index stays the same."),
        too_low=(f"Fetuin-A carries only a share of {share:g} of the delay: the factor is 1 − s + s·F/Fₕ, "
                 "not F/Fₕ."),
        too_high="Less fetuin-A shortens T50: the factor 1 − s + s·F/Fₕ falls below one.",
    )


def self_check_largest_determinant() -> MultipleChoice:
    """Multiple-choice self-check: which determinant, alone at its dialysis value, shortens T50 the most."""
    healthy, dialysis = serum_values("healthy"), serum_values("haemodialysis")
    base = cp.t50_minutes(**healthy)
    rows = determinant_rows()
    worst = min(rows, key=lambda row: row[3])[0]
    options = []
    for (label, _, unit), (_, before, after, t50) in zip(DETERMINANTS, rows):
        seen = "Ca × P rises with it" if label == "phosphate" else "Ca × P does not change"
        options.append(Option(f"{label[0].upper()}{label[1:]}, {before:.3g} → {after:.3g} {unit}", label == worst,
                              f"The model gives T50 {t50:.0f} min ({t50 - base:+.0f}); {seen}."))
    inhibitors = cp.t50_minutes(**dict(healthy, fetuin_a_g_l=dialysis["fetuin_a_g_l"],
                                       pyrophosphate_umol_l=dialysis["pyrophosphate_umol_l"]))
    worst_t50 = min(row[3] for row in rows)
    compare = "more" if inhibitors < worst_t50 else "less"
    return MultipleChoice(
        question=(f"Starting from the healthy serum (T50 {base:.0f} min), which single change to its value on "
                  "haemodialysis shortens the model's T50 the most?"),
        options=tuple(options),
        explanation=(f"{worst[0].upper()}{worst[1:]} alone costs the most, {base - worst_t50:.0f} min. Fetuin-A and "
                     f"pyrophosphate together cost {base - inhibitors:.0f} min, {compare} than {worst} does, and "
                     "Ca × P sees neither of them."),
    )
