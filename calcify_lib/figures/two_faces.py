"""Figures of the chapter "The two faces of calcification".

Everything drawn or tabulated here comes from :mod:`calcify_lib.nucleation`
(classical nucleation theory), with the supersaturation of a serum from
:mod:`calcify_lib.chemistry` and the sera of the five causes from
:mod:`calcify_lib.homeostasis`.  Reference ranges come from
:data:`calcify_lib.patients.REFERENCE_RANGES_MG_DL`.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import replace

import numpy as np

from .. import chemistry, homeostasis, nucleation, style
from .._validation import Range, accepts, check_number
from ..homeostasis.conditions import SEVERITY
from ..explorer import Choice, Explorer, Marker, Slider, View, figure_fraction, figure_png
from ..patients import REFERENCE_RANGES_MG_DL
from ..selfcheck import MultipleChoice, NumericEntry, Option
from ..tables import Table
from .chemistry import describe_ca, describe_phosphate
from .suspects import scenario_label

__all__ = [
    "SECONDS_PER_YEAR", "LIFETIME_YEARS", "serum_saturation_ratio", "condition_saturation_ratio",
    "describe_duration", "nucleus_table", "cluster_energy", "surface_table", "wetting",
    "induction_map", "sera_table", "contact_angle_table", "equal_barrier_table",
    "volume_wait_table", "HEALTHY_TISSUE_SURFACES", "verdict", "nucleation_readout_html", "two_faces_explorer",
]

#: Seconds in a Julian year (365.25 days of 86 400 s): a unit conversion, not a model constant.
SECONDS_PER_YEAR = 365.25 * 86400.0
#: The span the chapter calls "a lifetime" when it reads induction times: a round
#: 80 years, a label for the time axis, not a model constant.
LIFETIME_YEARS = 80.0

_PHASE = "hydroxyapatite"
# One serum in clinical units, as speciate_serum accepts it, one number each.
_SERUM = {name: replace(declared, kind="number") for name, declared in chemistry.speciate_serum.__accepts__.items()}
# Colours, linestyles and names of surfaces and conditions: the book's fixed meanings (calcify_lib.style).
_SURFACE_SHORT = {key: style.label("surface", key) for key in nucleation.SURFACES}
_CONDITION_SHORT = {c: style.short_label("condition", c) for c in homeostasis.CONDITIONS}
#: Hour, year and lifetime guide lines of the induction-time plots: (label, years).
_TIME_GUIDES = (("1 hour", 1.0 / (365.25 * 24)), ("1 year", 1.0), (f"{LIFETIME_YEARS:.0f} years", LIFETIME_YEARS))


@accepts(total_ca_mg_dl=_SERUM["total_ca_mg_dl"], phosphate_mg_dl=_SERUM["phosphate_mg_dl"], ph=_SERUM["ph"])
def serum_saturation_ratio(total_ca_mg_dl: float, phosphate_mg_dl: float, *, ph: float = 7.4) -> float:
    """Supersaturation of hydroxyapatite per growth unit, S, of a serum.

    Speciates the serum with :func:`calcify_lib.chemistry.speciate_serum`
    (normal albumin, magnesium and sodium) and converts its saturation index
    with :func:`calcify_lib.nucleation.saturation_ratio_per_growth_unit`.
    """
    si = float(chemistry.speciate_serum(total_ca_mg_dl, phosphate_mg_dl, ph=ph).saturation_index(_PHASE))
    return nucleation.saturation_ratio_per_growth_unit(si, _PHASE)


@accepts(severity=SEVERITY)
def condition_saturation_ratio(condition: str, severity: float = 1.0) -> float:
    """S of hydroxyapatite in the steady-state serum of a condition of :mod:`calcify_lib.homeostasis`."""
    labs = homeostasis.steady_state(condition, severity)
    return nucleation.saturation_ratio_per_growth_unit(labs.si_hydroxyapatite, _PHASE)


def describe_duration(seconds: float) -> str:
    """A waiting time in words, with a unit a reader can picture.

    >>> describe_duration(90.0), describe_duration(3600.0), describe_duration(0.01)
    ('1.5 minutes', '1 hour', 'under a second')
    >>> describe_duration(400 * 86400.0), describe_duration(3e21), describe_duration(math.inf)
    ('1.1 years', 'about 10^14 years', 'never (S ≤ 1)')
    """
    if math.isinf(seconds):
        return "never (S ≤ 1)"
    if seconds < 1.0:
        return "under a second"
    years = seconds / SECONDS_PER_YEAR
    if years >= 1e6:
        return f"about 10^{round(math.log10(years)):.0f} years"
    for limit, unit, size in ((60.0, "second", 1.0), (3600.0, "minute", 60.0), (86400.0, "hour", 3600.0),
                              (SECONDS_PER_YEAR, "day", 86400.0), (math.inf, "year", SECONDS_PER_YEAR)):
        if seconds < limit:
            value = seconds / size
            number = f"{value:,.0f}" if value >= 10 else f"{value:.2g}"
            return f"{number} {unit}" + ("" if number == "1" else "s")
    raise AssertionError("unreachable")  # pragma: no cover


def _surface_label(surface: str) -> str:
    return nucleation.SURFACES[surface].label


def _surface_angle(surface: str) -> float:
    return nucleation.SURFACES[surface].contact_angle_deg.value


def nucleus_table(sera: dict[str, float]) -> Table:
    """Homogeneous nucleation of hydroxyapatite in each serum: S, barrier, critical radius, growth units."""
    rows = []
    for name, s in sera.items():
        radius = nucleation.critical_radius_nm(s)
        units = nucleation.critical_nucleus_growth_units(s)
        rows.append([name, f"{s:.2f}", f"{math.log(s):.2f}", f"{nucleation.nucleation_barrier_kt(s):.1f}",
                     f"{radius:.2f}", f"{units:.0f}"])
    return Table.build(
        "Homogeneous nucleation of hydroxyapatite at 37 °C (calcify_lib.nucleation)",
        ["serum", "S per growth unit", "ln S", "barrier ΔG*/kT", "critical radius r* (nm)",
         "growth units in the nucleus"],
        rows,
    )


@style.styled
@accepts(max_radius_nm=Range(0.0, 100.0, "nm", kind="number", low_inclusive=False))
def cluster_energy(ax, sera: dict[str, float], *, max_radius_nm: float = 1.6) -> None:
    """ΔG(r)/kT of a spherical cluster against its radius, one curve per serum, the barrier marked.

    The sera are named by the caller, so they have no fixed meaning: they
    take the colours of :data:`calcify_lib.style.SEQUENCE` in order (at most
    as many sera as it has colours).
    """
    if len(sera) > len(style.SEQUENCE):
        raise ValueError(f"sera must hold at most {len(style.SEQUENCE)} sera; got {len(sera)}")
    radius = np.linspace(0.0, max_radius_nm, 400)
    for (name, s), color in zip(sera.items(), style.SEQUENCE):
        energy = nucleation.cluster_free_energy_kt(radius, s)
        r_star = nucleation.critical_radius_nm(s)
        barrier = nucleation.nucleation_barrier_kt(s)
        # The barrier's numbers go in the legend: close sera would put two annotations on top of each other.
        ax.plot(radius, energy, color=color, lw=style.LINE_WIDTH,
                label=f"{name} (S = {s:.1f}): r* = {r_star:.2f} nm, ΔG* = {barrier:.0f} kT")
        ax.plot([r_star], [barrier], "o", color=color)
    ax.axhline(0.0, color=style.color("reference", "guide"), lw=0.8)
    ax.set_xlim(0.0, max_radius_nm)
    top = max(nucleation.nucleation_barrier_kt(s) for s in sera.values())
    ax.set_ylim(-top, 1.4 * top)
    ax.set_xlabel("cluster radius r (nm)")
    ax.set_ylabel("free energy of the cluster ΔG/kT")
    ax.legend(loc="lower left")


def surface_table() -> Table:
    """The model's surfaces: contact angle, f(θ), the barrier factor, and where each angle comes from."""
    rows = []
    for key, surface in nucleation.SURFACES.items():
        angle = surface.contact_angle_deg
        status = angle.note.split(". ")[0].split(":")[0].split(" (")[0]
        rows.append([surface.label, f"{angle.value:.0f}°", f"{nucleation.heterogeneous_factor(angle.value):.3f}",
                     status.lower(), angle.citation])
    return Table.build(
        "Surfaces of calcify_lib.nucleation: contact angle θ and the factor f(θ) on the barrier "
        "(the reasoning behind each angle is in its note in calcify_lib.nucleation.SURFACES)",
        ["surface", "θ", "f(θ)", "status", "source"],
        rows,
    )


@style.styled
def wetting(ax) -> None:
    """f(θ) against the contact angle, with the model's surfaces marked in their colours."""
    theta = np.linspace(0.0, 180.0, 361)
    ax.plot(theta, [nucleation.heterogeneous_factor(t) for t in theta], color=style.OKABE_ITO["black"],
            lw=style.LINE_WIDTH)
    for key, surface in nucleation.SURFACES.items():
        angle = _surface_angle(key)
        f = nucleation.heterogeneous_factor(angle)
        ax.plot([angle], [f], linestyle="none", marker=style.marker("surface", key), ms=10, clip_on=False,
                color=style.color("surface", key), markeredgecolor=style.OKABE_ITO["black"],
                label=f"{surface.label} ({angle:.0f}°)")
    ax.set_xlim(0.0, 180.0)
    ax.set_ylim(-0.02, 1.05)
    ax.set_xticks(range(0, 181, 30))
    ax.set_xlabel("contact angle θ (degrees)")
    ax.set_ylabel("barrier factor f(θ)")
    ax.legend(loc="lower right", fontsize=style.SMALL_PT - 1)


def _causes() -> tuple[str, ...]:
    return tuple(c for c in homeostasis.CONDITIONS if c != "normal")


@style.styled
@accepts(severity=SEVERITY)
def induction_map(ax, *, severity: float = 1.0) -> None:
    """Induction time against S for every surface, with normal serum and the causes marked."""
    s_normal = condition_saturation_ratio("normal")
    marks = {c: condition_saturation_ratio(c, severity) for c in _causes()}
    low, high = 0.9 * s_normal, 1.12 * max(marks.values())
    s = np.linspace(low, high, 300)
    for key, surface in nucleation.SURFACES.items():
        angle = _surface_angle(key)
        years = np.array([nucleation.induction_time_s(x, contact_angle_deg=angle) for x in s]) / SECONDS_PER_YEAR
        ax.semilogy(s, years, **style.line_kw("surface", key, with_label=False), label=surface.label)
    guide = style.color("reference", "guide")
    for label, years in _TIME_GUIDES:
        ax.axhline(years, color=guide, lw=0.8, ls=":")
        ax.annotate(label, (high, years), xytext=(-3, 2), textcoords="offset points", ha="right",
                    fontsize=style.SMALL_PT - 1, color=style.GREYS["dark_grey"])
    # Surfaces own the colours here; the sera are told apart by direct labels (normal in its colour).
    ax.axvline(s_normal, color=style.color("condition", "normal"), lw=1.5)
    ax.annotate("normal", (s_normal, 1.0), xytext=(3, 0), textcoords="offset points", rotation=90,
                fontsize=style.SMALL_PT - 1, va="center", color=style.color("condition", "normal"))
    previous, level = -math.inf, 0
    for condition, x in sorted(marks.items(), key=lambda item: item[1]):
        ax.axvline(x, color=guide, lw=0.8, ls="--")
        level = level + 1 if x - previous < 0.05 * (high - low) else 0  # stagger labels of close lines
        previous = x
        ax.annotate(_CONDITION_SHORT[condition], (x, 1e-5 * 1e4 ** level), xytext=(3, 0), textcoords="offset points",
                    rotation=90, fontsize=style.SMALL_PT - 1, va="bottom", color=style.GREYS["dark_grey"])
    ax.set_xlim(low, high)
    ax.set_ylim(1e-6, 1e16)
    ax.set_xlabel("supersaturation of hydroxyapatite per growth unit, S")
    ax.set_ylabel("induction time (years)")
    ax.legend(loc="upper right", fontsize=style.SMALL_PT - 1)


@accepts(severity=SEVERITY)
def sera_table(*, severity: float = 1.0) -> Table:
    """For normal serum and each cause: labs, S, and the induction time on every surface."""
    surfaces = tuple(nucleation.SURFACES)
    rows = []
    for condition in homeostasis.CONDITIONS:
        labs = homeostasis.steady_state(condition, 0.0 if condition == "normal" else severity)
        s = nucleation.saturation_ratio_per_growth_unit(labs.si_hydroxyapatite, _PHASE)
        times = [describe_duration(nucleation.induction_time_s(s, contact_angle_deg=_surface_angle(k)))
                 for k in surfaces]
        # Untreated: chronic kidney disease is named "before dialysis" (scenario_label).
        rows.append([scenario_label(condition), f"{labs.total_ca_mg_dl:.1f}", f"{labs.phosphate_mg_dl:.1f}",
                     f"{labs.si_hydroxyapatite:+.2f}", f"{s:.2f}", *times])
    return Table.build(
        f"Waiting time for the first hydroxyapatite nucleus (homeostasis model, severity {severity:g}, untreated)",
        ["serum", "Ca (mg/dL)", "P (mg/dL)", "SI HAP", "S", *(f"wait: {_SURFACE_SHORT[k]}" for k in surfaces)],
        rows,
    )



def _named(name: str, value: object) -> dict:
    """``value`` as a non-empty dict of named entries, or a ``TypeError``/``ValueError`` naming ``name``."""
    if not isinstance(value, dict):
        raise TypeError(f"{name} must be a dict of named entries; got {type(value).__name__}")
    if not value:
        raise ValueError(f"{name} must name at least one entry; got an empty dict")
    return value


_POSITIVE_SATURATION_RATIO = Range(0.0, math.inf, "(dimensionless; 1 is saturation)", kind="number",
                                   low_inclusive=False)


@accepts(saturation_ratio=_POSITIVE_SATURATION_RATIO,
         contact_angles_deg=Range(0.0, 180.0, "°", kind="real"))
def contact_angle_table(saturation_ratio: float, contact_angles_deg) -> Table:
    """The barrier and the rate of one serum against the contact angle, relative to 180°.

    For each angle θ: f(θ), the barrier f(θ) ΔG*/kT, its ratio to the
    homogeneous barrier (θ = 180°), which equals f(θ), and the rate ratio
    J/J(180°) = exp(ΔG*/kT (1 − f(θ))), from :mod:`calcify_lib.nucleation`.
    ``saturation_ratio`` is S per growth unit (> 1 for a finite barrier).
    """
    angles = [float(a) for a in np.atleast_1d(contact_angles_deg)]
    if not angles:
        raise ValueError("contact_angles_deg must hold at least one angle in 0-180°; got none")
    homogeneous = nucleation.nucleation_barrier_kt(saturation_ratio)
    rows = []
    for angle in angles:
        barrier = nucleation.nucleation_barrier_kt(saturation_ratio, contact_angle_deg=angle)
        rows.append([f"{angle:.0f}°", f"{nucleation.heterogeneous_factor(angle):.4f}", f"{barrier:.1f}",
                     f"{barrier / homogeneous:.4f}", f"{math.exp(homogeneous - barrier):.2g}"])
    return Table.build(
        f"The barrier against the contact angle (hydroxyapatite, S = {saturation_ratio:.2f} per growth unit)",
        ["θ", "f(θ)", "barrier ΔG*/kT", "barrier / barrier at 180°", "J / J at 180°"],
        rows,
    )


def equal_barrier_table(settings: dict[str, tuple[float, float]]) -> Table:
    """Named settings (S per growth unit, f(θ)) side by side: ln S, the SI of HAP and the barrier.

    The barrier of a setting is f(θ) ΔG*(S)/kT (:func:`calcify_lib.nucleation.nucleation_barrier_kt`
    at θ = 180° times f); the saturation index it stands for is SI = ν log10 S with
    ν = 9 ions in Ca₅(PO₄)₃OH (:func:`calcify_lib.nucleation.growth_units_per_formula`).
    """
    nu = nucleation.growth_units_per_formula(_PHASE)
    rows = []
    for name, setting in _named("settings", settings).items():
        if not isinstance(setting, tuple) or len(setting) != 2:
            raise TypeError(f"settings[{name!r}] must be a pair (S per growth unit, f); got {setting!r}")
        s, f = setting
        f = check_number(f"settings[{name!r}] f", f, low=0.0, high=1.0, unit="(f(θ), dimensionless)")
        barrier = f * nucleation.nucleation_barrier_kt(s)
        rows.append([name, f"{s:.2f}", f"{math.log(s):.2f}", f"{nu * math.log10(s):+.2f}", f"{f:g}",
                     f"{barrier:.2f}"])
    return Table.build(
        "Equal barriers: supersaturation against a wetting surface (hydroxyapatite, 37 °C)",
        ["setting", "S per growth unit", "ln S", "SI HAP", "f(θ)", "barrier f ΔG*/kT"],
        rows,
    )


@accepts(saturation_ratio=_POSITIVE_SATURATION_RATIO)
def volume_wait_table(saturation_ratio: float, volumes_m3: dict[str, float]) -> Table:
    """The wait for the first homogeneous nucleus in each named volume, τ = 1/(J V).

    The last column divides the wait in the first volume by the wait in each:
    τ scales as 1/V (:func:`calcify_lib.nucleation.induction_time_s`).
    """
    waits = {name: nucleation.induction_time_s(saturation_ratio, volume_m3=volume)
             for name, volume in _named("volumes_m3", volumes_m3).items()}
    first = next(iter(waits.values()))
    rows = [[name, f"{volumes_m3[name]:.0e}", describe_duration(wait), f"{first / wait:.2g}"]
            for name, wait in waits.items()]
    return Table.build(
        f"The wait for the first hydroxyapatite nucleus against the volume (S = {saturation_ratio:.2f}, "
        "no surface)",
        ["volume", "V (m³)", "wait for the first nucleus", "shorter than in the first volume by"],
        rows,
    )

def _blood_is_normal(total_ca_mg_dl: float, phosphate_mg_dl: float) -> bool:
    ca_low, ca_high = (k.value for k in REFERENCE_RANGES_MG_DL["calcium"])
    p_low, p_high = (k.value for k in REFERENCE_RANGES_MG_DL["phosphate"])
    return ca_low <= total_ca_mg_dl <= ca_high and p_low <= phosphate_mg_dl <= p_high


#: The surfaces of :data:`calcify_lib.nucleation.SURFACES` that belong to healthy tissue:
#: the lining of the vessels and the collagen of intact extracellular matrix.
HEALTHY_TISSUE_SURFACES = ("healthy_endothelium", "collagen")


@accepts(total_ca_mg_dl=_SERUM["total_ca_mg_dl"], phosphate_mg_dl=_SERUM["phosphate_mg_dl"])
def verdict(total_ca_mg_dl: float, phosphate_mg_dl: float, surface: str) -> str:
    """Which face of calcification a blood and a surface illustrate, in words.

    The blood is normal when total calcium and phosphate both lie in the
    adult reference ranges; the tissue is healthy on the surfaces of
    :data:`HEALTHY_TISSUE_SURFACES`.  Mineral "forms" when the first nucleus
    comes within :data:`LIFETIME_YEARS`.
    """
    s = serum_saturation_ratio(total_ca_mg_dl, phosphate_mg_dl)
    years = nucleation.induction_time_s(s, contact_angle_deg=_surface_angle(surface)) / SECONDS_PER_YEAR
    normal_blood = _blood_is_normal(total_ca_mg_dl, phosphate_mg_dl)
    healthy = surface in HEALTHY_TISSUE_SURFACES
    if years >= LIFETIME_YEARS:
        if normal_blood:
            return "No calcification: normal blood on this surface waits longer than a lifetime."
        return "Abnormal blood, yet on this surface the first crystal still takes longer than a lifetime."
    if normal_blood and not healthy:
        return "Dystrophic: a damaged surface nucleates mineral from normal blood."
    if not normal_blood and healthy:
        return "Metastatic: the blood is supersaturated enough to nucleate on healthy tissue."
    if not normal_blood:
        return "Mixed: abnormal blood on a damaged surface; both faces at once, faster than either alone."
    return ("Borderline: calcium and phosphate are each within their reference ranges, yet together they "
            "nucleate on this healthy surface within a lifetime in the model. Near the top of both ranges the "
            "model's absolute times are least trustworthy: real serum's inhibitors matter most here.")


def _powers_html(text: str) -> str:
    """Escape text for HTML and write "10^15" as a superscript power."""
    return re.sub(r"10\^(\d+)", r"10<sup>\1</sup>", html.escape(text))


@accepts(total_ca_mg_dl=_SERUM["total_ca_mg_dl"], phosphate_mg_dl=_SERUM["phosphate_mg_dl"])
def nucleation_readout_html(total_ca_mg_dl: float, phosphate_mg_dl: float, surface: str) -> str:
    """The explorer's readout: S, barrier, critical radius, waiting time and verdict, from the model."""
    s = serum_saturation_ratio(total_ca_mg_dl, phosphate_mg_dl)
    angle = _surface_angle(surface)
    barrier = nucleation.nucleation_barrier_kt(s, contact_angle_deg=angle)
    radius = nucleation.critical_radius_nm(s)
    wait = describe_duration(nucleation.induction_time_s(s, contact_angle_deg=angle))
    return (
        f"S = <strong>{s:.2f}</strong> per growth unit; barrier <strong>{barrier:.1f} kT</strong> "
        f"(f(θ) = {nucleation.heterogeneous_factor(angle):.3f} at θ = {angle:.0f}°); critical radius "
        f"<strong>{radius:.2f} nm</strong>; first nucleus in <strong>{_powers_html(wait)}</strong>.<br>"
        f'<span class="cx-verdict"><strong>{html.escape(verdict(total_ca_mg_dl, phosphate_mg_dl, surface))}'
        "</strong></span>"
    )


@style.styled
def _induction_curve(ax, grid: np.ndarray, surface: str, right_s: float) -> None:
    """One surface's induction-time curve against S, with the hour, year and lifetime guides."""
    angle = _surface_angle(surface)
    years = np.array([nucleation.induction_time_s(x, contact_angle_deg=angle) for x in grid]) / SECONDS_PER_YEAR
    ax.semilogy(grid, years, color=style.color("surface", surface), lw=style.LINE_WIDTH)
    for label, y in _TIME_GUIDES:
        ax.axhline(y, color=style.color("reference", "guide"), lw=0.8, ls=":")
        ax.annotate(label, (right_s, y), xytext=(-3, 2), textcoords="offset points", ha="right",
                    fontsize=style.SMALL_PT - 1, color=style.GREYS["dark_grey"])


def two_faces_explorer(
    *,
    ca_values_mg_dl: tuple[float, ...] = (8.5, 9.5, 10.5, 11.5, 12.5, 13.5, 14.5),
    phosphate_values_mg_dl: tuple[float, ...] = (2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5),
    initial: tuple[float, float, str] = (9.5, 3.5, "healthy_endothelium"),
) -> Explorer:
    """Blood (calcium, phosphate) × surface → barrier, critical nucleus, waiting time and verdict.

    One picture per surface: its induction-time curve against S.  A dot
    marks the chosen blood's S on the curve.
    """
    import matplotlib.pyplot as plt

    sera = {(c, p): serum_saturation_ratio(c, p) for c in ca_values_mg_dl for p in phosphate_values_mg_dl}
    low, high = 0.95 * min(sera.values()), 1.05 * max(sera.values())
    grid = np.linspace(low, high, 300)
    pictures = {}
    for key, surface in nucleation.SURFACES.items():
        angle = _surface_angle(key)
        fig, ax = style.subplots(width_in=6.0, height_in=3.6, dpi=80)
        _induction_curve(ax, grid, key, high)
        ax.set_xlim(low, high)
        ax.set_ylim(1e-8, 1e18)
        ax.set_title(f"{surface.label} (θ = {angle:.0f}°)")
        ax.set_xlabel("supersaturation of hydroxyapatite per growth unit, S")
        ax.set_ylabel("wait for first nucleus (years)")
        fig.canvas.draw()
        places = {}
        for setting, s in sera.items():
            y = nucleation.induction_time_s(s, contact_angle_deg=angle) / SECONDS_PER_YEAR
            places[setting] = figure_fraction(ax, s, min(max(y, 1e-8), 1e18))
        pictures[key] = (figure_png(fig, dpi=80, colors=32), places)
        plt.close(fig)

    def render(ca_mg_dl: float, phosphate_mg_dl: float, surface: str) -> View:
        png, places = pictures[surface]
        s = sera[(ca_mg_dl, phosphate_mg_dl)]
        wait = describe_duration(nucleation.induction_time_s(s, contact_angle_deg=_surface_angle(surface)))
        alt = (f"Waiting time against S on {_surface_label(surface)}; the dot marks calcium {ca_mg_dl:.1f} and "
               f"phosphate {phosphate_mg_dl:.1f} mg/dL, S {s:.2f}, first nucleus in {wait}.")
        return View(png=png, alt=alt, readout_html=nucleation_readout_html(ca_mg_dl, phosphate_mg_dl, surface),
                    markers=(Marker(*places[(ca_mg_dl, phosphate_mg_dl)], f"S = {s:.2f}", "#000000"),))

    description = (
        "The curve is the expected wait for the first hydroxyapatite nucleus (log scale) against the "
        "supersaturation per growth unit S, on the chosen surface, from classical nucleation theory "
        "(calcify_lib.nucleation). The dot is the chosen blood, speciated at pH 7.4 with normal albumin and "
        "magnesium. Dotted lines mark an hour, a year and a lifetime. Absolute times are uncertain by "
        "orders of magnitude; compare settings with each other."
    )
    surfaces = tuple((key, s.label) for key, s in nucleation.SURFACES.items())
    return Explorer(
        "Two faces: blood against surface",
        description,
        [
            Slider("ca_mg_dl", "Calcium", tuple(float(v) for v in ca_values_mg_dl), float(initial[0]), describe_ca),
            Slider("phosphate_mg_dl", "Phosphate", tuple(float(v) for v in phosphate_values_mg_dl),
                   float(initial[1]), describe_phosphate),
            Choice("surface", "Surface", surfaces, initial[2]),
        ],
        render,
    )


# -- self-checks (calcify_lib.selfcheck): every number from the models ----------------------------
def _normal_serum_si() -> float:
    return float(chemistry.speciate_serum(9.42, 3.72).saturation_index("hydroxyapatite"))


def self_check_supersaturation() -> NumericEntry:
    """Numeric self-check: the supersaturation per growth unit of normal serum, S = 10^(SI/9)."""
    si = _normal_serum_si()
    s = nucleation.saturation_ratio_per_growth_unit(si, "hydroxyapatite")
    return NumericEntry(
        question=(f"Normal serum's hydroxyapatite saturation index is {si:+.2f} per Ca₅(PO₄)₃OH, whose nine ions "
                  "make one growth unit. What is the supersaturation ratio S per growth unit? (one decimal)"),
        answer=s, tolerance=0.15, unit="", decimals=1,
        explanation=(f"S = 10^(SI/9) = 10^({si:.2f}/9) ≈ {s:.1f}: each growth unit is about {s:.0f}-fold "
                     "supersaturated, far less dramatic than the 10^{si:.0f} of the whole formula unit."),
        too_low=(f"SI/9 = {si / 9:.2f} is the logarithm of S, not S: take 10 to that power."),
        too_high=(f"10^SI ≈ {10 ** si:.1e} is the ratio for the whole formula unit of nine ions; "
                  "per growth unit take its ninth root."),
    )


def self_check_wetting() -> MultipleChoice:
    """Multiple-choice self-check: halving the barrier (θ = 90°) multiplies the rate by exp(ΔG*/2kT)."""
    s = nucleation.saturation_ratio_per_growth_unit(_normal_serum_si(), "hydroxyapatite")
    barrier = nucleation.nucleation_barrier_kt(s)
    gain = math.exp(barrier - nucleation.nucleation_barrier_kt(s, contact_angle_deg=90.0))
    mantissa, exponent = f"{gain:.1e}".split("e")
    return MultipleChoice(
        question=("A surface with a contact angle of 90° halves the nucleation barrier (f = 0.5). "
                  "In normal serum, what happens to the nucleation rate J?"),
        options=(
            Option("It doubles", False, "The barrier sits in an exponent: halving it does far more than double J."),
            Option(f"It grows by a factor of about 10^{int(exponent)}", True,
                   f"The model gives {mantissa} × 10^{int(exponent)}."),
            Option("It halves", False, "A lower barrier makes nuclei form faster, not slower."),
            Option("It does not change, because the critical radius stays the same", False,
                   "The critical radius of curvature indeed stays the same, but the barrier, and so J, does not."),
        ),
        explanation=(f"J = A exp(−f ΔG*/kT). Normal serum's barrier is {barrier:.0f} kT, so halving it "
                     f"multiplies J by exp({barrier / 2:.1f}) ≈ {mantissa} × 10^{int(exponent)}."),
    )
