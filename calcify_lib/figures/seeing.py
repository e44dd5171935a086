"""Figures of the chapter "Seeing is believing": stains, polarised light and hydroxyapatite's fingerprint.

Every slide comes from :mod:`calcify_lib.histology`, every intensity and
interference colour from :mod:`calcify_lib.optics`, every peak from
:mod:`calcify_lib.crystallography`.  Colours of lines come from
:mod:`calcify_lib.style` (kinds ``"stain"`` and ``"crystal"``); the slides and
colour charts are images, drawn in the colours the models compute.
"""

from __future__ import annotations

import colorsys
import html
import io

import numpy as np

from .. import crystallography, histology, optics, style
from .._validation import Range, accepts
from ..explorer import Choice, Explorer, Marker, Slider, View, figure_fraction, figure_png
from ..selfcheck import MultipleChoice, NumericEntry, Option
from ..tables import Table

__all__ = [
    "STAIN_WORDS", "DEPOSIT_WORDS", "CRYSTAL_WORDS",
    "color_name", "color_hex", "slide_png", "slide_alt",
    "stain_panel_figure", "deconvolution_figure", "polarizer_law_figure", "michel_levy_figure",
    "powder_figure", "stage_rotation_figure",
    "crystal_table", "color_table", "peak_table", "scherrer_table", "deconvolution_table",
    "slide_explorer", "polarizer_explorer", "crystal_transmission", "slide_readout_html",
    "polarizer_readout_html", "self_check_dark_deposit", "self_check_bragg_004",
]

_O = style.OKABE_ITO
_G = style.GREYS

STAIN_WORDS = {
    "h_and_e": "H&E",
    "von_kossa": "von Kossa",
    "alizarin_red": "Alizarin red S",
    "crossed_polarizers": "Crossed polarisers",
}
DEPOSIT_WORDS = {
    "dystrophic": "Dystrophic (necrotic focus)",
    "metastatic": "Metastatic (alveolar walls)",
    "oxalate": "Oxalate crystals with apatite",
}
#: The crystals of the polariser explorer: apatite as tissue has it (a deposit of random nanocrystals).
CRYSTAL_WORDS = {
    "hydroxyapatite_deposit": "Apatite deposit",
    "calcium_pyrophosphate_dihydrate": "CPPD crystal",
    "calcium_oxalate_monohydrate": "Calcium oxalate crystal",
}
_WAVELENGTH_NM = 550.0
_APATITE_CRYSTALLITE_NM = float(crystallography.BONE_CRYSTAL_SIZE_NM.value[0])


# ------------------------------------------------------------------ colours in words


def color_hex(rgb) -> str:
    """``#RRGGBB`` of an sRGB triple (floats 0–1)."""
    r, g, b = (int(round(255 * float(v))) for v in rgb)
    return f"#{r:02X}{g:02X}{b:02X}"


def color_name(rgb) -> str:
    """A plain name for an sRGB colour: black, grey, white, or a hue (with "dark"/"pale").

    >>> color_name((0.0, 0.0, 0.0)), color_name((1.0, 0.99, 0.87))
    ('black', 'white')
    """
    r, g, b = (float(v) for v in rgb)
    hue, lightness, saturation = colorsys.rgb_to_hls(r, g, b)
    value = max(r, g, b)
    chroma = value - min(r, g, b)
    if value < 0.06:
        return "black"
    if chroma < 0.3 * value or chroma < 0.08:
        return "white" if value > 0.8 else ("grey" if value > 0.25 else "dark grey")
    degrees = hue * 360.0
    names = ((15, "red"), (45, "orange"), (70, "yellow"), (165, "green"), (200, "blue-green"),
             (255, "blue"), (290, "purple"), (335, "magenta"), (361, "red"))
    name = next(n for limit, n in names if degrees < limit)
    if chroma < 0.5 * value:
        name = f"{name}-grey"
    if value < 0.35:
        return f"dark {name}"
    if lightness > 0.8:
        return f"pale {name}"
    return name


# ------------------------------------------------------------------ slides


def slide_png(rgb, *, colors: int = 48) -> bytes:
    """A slide image as a small palette PNG (median cut, no dithering, no metadata)."""
    from PIL import Image

    array = np.round(np.clip(np.asarray(rgb, dtype=float), 0.0, 1.0) * 255.0).astype(np.uint8)
    image = Image.fromarray(array, mode="RGB").quantize(colors=colors, method=Image.Quantize.MEDIANCUT,
                                                        dither=Image.Dither.NONE)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def slide_alt(deposit: str, stain: str) -> str:
    """Alt text of a synthetic slide, with the numbers of the models."""
    section = histology.draw_section(deposit)
    field_um = section.shape[0] * float(histology.PIXEL_UM)
    area = 100.0 * section.mineral_area_fraction
    where = {"dystrophic": "granular clumps of calcium phosphate in a necrotic focus (pale, without nuclei)",
             "metastatic": "calcium phosphate along the basement membranes of intact alveolar walls",
             "oxalate": f"{len(section.crystals)} calcium oxalate crystals and small apatite granules "
                        "in a necrotic focus"}[deposit]
    seen = {
        "h_and_e": "nuclei purple, walls pink; the calcium phosphate is deep purple-blue (basophilic)"
                   + ("; the oxalate crystals take no stain and look clear" if deposit == "oxalate" else ""),
        "von_kossa": "the calcium phosphate is black (silver); nuclei red, tissue pale pink",
        "alizarin_red": "the calcium is orange-red; tissue and nuclei pale green-blue",
        "crossed_polarizers": "black field; the apatite stays dark"
                              + ("; the oxalate crystals shine in interference colours"
                                 if deposit == "oxalate" else ", so nothing is visible"),
    }[stain]
    return (f"Synthetic lung section, {field_um:.0f} µm across, {STAIN_WORDS[stain]}: {where}; {seen}. "
            f"Calcium phosphate covers {area:.1f} % of the field.")


def _slide_axes(ax, rgb, *, title: str | None = None) -> None:
    ax.imshow(np.clip(rgb, 0.0, 1.0), interpolation="nearest")
    size = rgb.shape[1]
    bar_px = 50.0 / float(histology.PIXEL_UM)
    dark = float(np.mean(rgb)) < 0.3
    ax.plot([size - 8 - bar_px, size - 8], [size - 8, size - 8], color=_O["black"] if not dark else style.WHITE,
            linewidth=3, solid_capstyle="butt")
    ax.set_axis_off()
    if title:
        ax.set_title(title, fontsize=style.SMALL_PT)


@style.styled
def stain_panel_figure(deposit: str = "oxalate"):
    """The same section under the four stains (2 × 2), with a 50 µm scale bar."""
    section = histology.draw_section(deposit)
    fig, axes = style.subplots(2, 2, height_in=6.6)
    for ax, stain in zip(axes.ravel(), histology.STAINS):
        _slide_axes(ax, histology.render(section, stain), title=STAIN_WORDS[stain])
    return fig


@style.styled
def deconvolution_figure(deposit: str = "dystrophic"):
    """H&E → haematoxylin map by colour deconvolution → the pixels called calcified."""
    section = histology.draw_section(deposit)
    rgb = histology.render(section, "h_and_e")
    haematoxylin, _ = histology.deconvolve(rgb)
    threshold = float(histology.MINERAL_THRESHOLD_OD)
    fig, axes = style.subplots(1, 3, height_in=2.9)
    _slide_axes(axes[0], rgb, title="H&E")
    axes[1].imshow(haematoxylin, cmap=style.SEQUENTIAL_CMAP, vmin=0.0, vmax=1.6, interpolation="nearest")
    axes[1].set_axis_off()
    axes[1].set_title("haematoxylin OD", fontsize=style.SMALL_PT)
    called = np.where((haematoxylin > threshold)[..., None], 0.0, 1.0) * np.ones(3)
    _slide_axes(axes[2], called, title=f"OD > {threshold:.2f}")
    return fig


# ------------------------------------------------------------------ polarised light


_STAGE = Range(-360.0, 360.0, "degrees", kind="number")
_THICKNESS = Range(0.01, 100.0, "µm", kind="number")


@accepts(thickness_um=_THICKNESS, stage_deg=_STAGE)
def crystal_transmission(crystal: str, thickness_um: float, stage_deg: float) -> float:
    """I/I₀ at 550 nm of a crystal of the polariser explorer (the deposit ignores the stage)."""
    if crystal not in CRYSTAL_WORDS:
        raise ValueError(f"crystal must be one of {', '.join(CRYSTAL_WORDS)}; got {crystal!r}")
    thickness_nm = 1000.0 * thickness_um
    if crystal == "hydroxyapatite_deposit":
        return optics.aggregate_transmission(float(optics.BIREFRINGENCE["hydroxyapatite"]), thickness_nm,
                                             _APATITE_CRYSTALLITE_NM, _WAVELENGTH_NM)
    return optics.crossed_polarizer_transmission(45.0 - stage_deg, float(optics.BIREFRINGENCE[crystal]),
                                                 thickness_nm, _WAVELENGTH_NM)


def _retardation(crystal: str, thickness_um: float) -> float:
    if crystal == "hydroxyapatite_deposit":
        return optics.aggregate_retardation_nm(float(optics.BIREFRINGENCE["hydroxyapatite"]), 1000.0 * thickness_um,
                                               _APATITE_CRYSTALLITE_NM)
    return optics.retardation_nm(float(optics.BIREFRINGENCE[crystal]), 1000.0 * thickness_um)


def _seen_rgb(crystal: str, thickness_um: float, stage_deg: float):
    """The colour of the crystal in white light at this stage angle (long axis at 45° − stage)."""
    retardation = _retardation(crystal, thickness_um)
    azimuth = 22.5 if crystal == "hydroxyapatite_deposit" else 45.0 - stage_deg
    return optics.interference_color_srgb(retardation, azimuth_deg=azimuth)


@accepts(thickness_um=_THICKNESS)
@style.styled
def polarizer_law_figure(thickness_um: float = 5.0):
    """(a) I/I₀ against stage rotation; (b) I/I₀ at 45° against thickness, log scales."""
    fig, (left, right) = style.subplots(1, 2, height_in=3.6)
    stage = np.linspace(0.0, 180.0, 361)
    for name in ("calcium_oxalate_monohydrate", "calcium_pyrophosphate_dihydrate"):
        values = optics.crossed_polarizer_transmission(45.0 - stage, float(optics.BIREFRINGENCE[name]),
                                                       1000.0 * thickness_um, _WAVELENGTH_NM)
        left.plot(stage, values, **style.line_kw("crystal", name, with_label=False),
                  label=style.short_label("crystal", name))
    deposit = crystal_transmission("hydroxyapatite_deposit", thickness_um, 0.0)
    left.plot(stage, np.full_like(stage, deposit), **style.line_kw("crystal", "hydroxyapatite_deposit",
                                                                  with_label=False),
              label=style.short_label("crystal", "hydroxyapatite_deposit"))
    left.set_xlabel("stage rotation (°)")
    left.set_ylabel(f"I/I₀ at {_WAVELENGTH_NM:.0f} nm")
    left.set_xticks([0, 45, 90, 135, 180])
    left.set_ylim(0.0, 1.0)
    left.legend(loc="center", fontsize=style.SMALL_PT - 1)
    thickness_nm = np.geomspace(20.0, 50000.0, 200)
    for name in ("calcium_oxalate_monohydrate", "calcium_pyrophosphate_dihydrate", "hydroxyapatite"):
        values = [optics.crossed_polarizer_transmission(45.0, float(optics.BIREFRINGENCE[name]), t,
                                                        _WAVELENGTH_NM) for t in thickness_nm]
        right.plot(thickness_nm / 1000.0, values, **style.line_kw("crystal", name, with_label=False),
                   label=style.short_label("crystal", name))
    aggregate = [optics.aggregate_transmission(float(optics.BIREFRINGENCE["hydroxyapatite"]), t,
                                               min(_APATITE_CRYSTALLITE_NM, t), _WAVELENGTH_NM)
                 for t in thickness_nm]
    right.plot(thickness_nm / 1000.0, aggregate, **style.line_kw("crystal", "hydroxyapatite_deposit",
                                                                 with_label=False),
               label=style.short_label("crystal", "hydroxyapatite_deposit"))
    right.set_xscale("log")
    right.set_yscale("log")
    right.set_ylim(1e-7, 2.0)
    right.set_xlabel("thickness (µm)")
    right.set_ylabel("I/I₀ at 45°")
    right.legend(loc="lower right", fontsize=style.SMALL_PT - 1)
    return fig


@accepts(max_retardation_nm=Range(100.0, 5000.0, "nm", kind="number"),
         max_thickness_um=Range(1.0, 100.0, "µm", kind="number"))
@style.styled
def michel_levy_figure(max_retardation_nm: float = 2000.0, max_thickness_um: float = 30.0):
    """The Michel–Lévy chart computed from CIE 1931 and D65, with each crystal's line R = Δn·d."""
    retardations = np.linspace(0.0, max_retardation_nm, 401)
    strip = optics.interference_color_srgb(retardations)
    fig, ax = style.subplots(height_in=4.0)
    ax.imshow(np.repeat(strip[None, :, :], 2, axis=0), extent=(0.0, max_retardation_nm, 0.0, max_thickness_um),
              aspect="auto", interpolation="bilinear", origin="lower")
    thickness = np.linspace(0.0, max_thickness_um, 50)
    for name in ("hydroxyapatite", "calcium_pyrophosphate_dihydrate", "calcium_oxalate_monohydrate"):
        ax.plot(float(optics.BIREFRINGENCE[name]) * thickness * 1000.0, thickness,
                color=_O["black"] if name != "calcium_oxalate_monohydrate" else style.WHITE,
                linestyle=style.linestyle("crystal", name), linewidth=2.5,
                label=f"{style.short_label('crystal', name)} (Δn {float(optics.BIREFRINGENCE[name]):.3f})")
    ax.set_xlim(0.0, max_retardation_nm)
    ax.set_ylim(0.0, max_thickness_um)
    ax.set_xlabel("retardation R = Δn·d (nm)")
    ax.set_ylabel("thickness d (µm)")
    ax.legend(loc="upper right", fontsize=style.SMALL_PT - 1, framealpha=0.95)
    return fig


@accepts(stages_deg=Range(-360.0, 360.0, "degrees"))
@style.styled
def stage_rotation_figure(stages_deg=(0.0, 22.5, 45.0)):
    """The oxalate section between crossed polarisers at three stage angles."""
    section = histology.draw_section("oxalate")
    fig, axes = style.subplots(1, np.atleast_1d(stages_deg).size, height_in=2.6)
    for ax, stage in zip(np.atleast_1d(axes), np.atleast_1d(stages_deg)):
        rgb = histology.render(section, "crossed_polarizers", stage_deg=stage)
        _slide_axes(ax, rgb[30:130, 30:130], title=f"stage {stage:g}°")
    return fig


# ------------------------------------------------------------------ diffraction


def _reference_peaks():
    return crystallography.REFERENCE_PEAKS_ICDD_9_432.value


@accepts(crystallites_nm=Range(1.0, 1.0e5, "nm"))
@style.styled
def powder_figure(crystallites_nm=(10.0, 200.0)):
    """(a) Computed peaks against ICDD 9-432; (b) diffractograms of small and large crystallites."""
    fig, (top, bottom) = style.subplots(2, 1, height_in=6.0, sharex=True)
    peaks = crystallography.powder_pattern(two_theta_min_deg=20.0, two_theta_max_deg=55.0)
    for peak in peaks:
        top.vlines(peak.two_theta_deg, 0.0, peak.relative_intensity, color=_O["vermillion"], linewidth=2)
    top.plot([], [], color=_O["vermillion"], linewidth=2, label="computed")
    ref = _reference_peaks()
    top.plot([p[1] for p in ref], [p[2] for p in ref], linestyle="none", marker="v", markersize=8,
             color=_O["black"], label="ICDD 9-432")
    for hkl, angle, intensity in ref:
        if hkl in ((0, 0, 2), (2, 1, 1), (3, 1, 0), (2, 2, 2), (2, 1, 3)):
            top.annotate("".join(str(i) for i in hkl), (angle, intensity), textcoords="offset points",
                         xytext=(0, 6), ha="center", fontsize=style.SMALL_PT - 1)
    top.set_ylabel("relative intensity")
    top.set_ylim(0.0, 118.0)
    top.legend(loc="upper right", fontsize=style.SMALL_PT - 1)
    grid = np.linspace(20.0, 55.0, 3501)
    for size, line in zip(np.atleast_1d(crystallites_nm), ("-", "--")):
        bottom.plot(grid, crystallography.powder_profile(grid, crystallite_nm=size),
                    color=_O["blue"] if size > 100 else _O["vermillion"], linestyle=line, linewidth=1.5,
                    label=f"crystallites {size:g} nm")
    bottom.set_xlabel("2θ (°), Cu Kα₁")
    bottom.set_ylabel("intensity")
    bottom.legend(loc="upper right", fontsize=style.SMALL_PT - 1)
    return fig


# ------------------------------------------------------------------ tables


@accepts(thickness_um=_THICKNESS)
def crystal_table(thickness_um: float = 5.0) -> Table:
    """Birefringence, sign of elongation, retardation and brightness of each crystal."""
    rows = []
    for name in ("hydroxyapatite", "calcium_pyrophosphate_dihydrate", "calcium_oxalate_monohydrate", "calcite"):
        dn = float(optics.BIREFRINGENCE[name])
        sign = optics.ELONGATION_SIGN.get(name)
        r = optics.retardation_nm(dn, 1000.0 * thickness_um)
        i = optics.crossed_polarizer_transmission(45.0, dn, 1000.0 * thickness_um, _WAVELENGTH_NM)
        rows.append((style.label("crystal", name).split(",")[0], f"{dn:.3f}",
                     {1.0: "positive", -1.0: "negative"}.get(None if sign is None else float(sign), "—"),
                     f"{r:.0f}", f"{i:.2g}", color_name(optics.interference_color_srgb(r))))
    r = optics.aggregate_retardation_nm(float(optics.BIREFRINGENCE["hydroxyapatite"]), 1000.0 * thickness_um,
                                        _APATITE_CRYSTALLITE_NM)
    i = optics.aggregate_transmission(float(optics.BIREFRINGENCE["hydroxyapatite"]), 1000.0 * thickness_um,
                                      _APATITE_CRYSTALLITE_NM, _WAVELENGTH_NM)
    rows.append((f"hydroxyapatite deposit ({_APATITE_CRYSTALLITE_NM:.0f} nm crystals)", "—", "—",
                 f"{r:.1f}", f"{i:.2g}", color_name(optics.interference_color_srgb(r, azimuth_deg=22.5))))
    return Table.build(
        f"Crystals {thickness_um:g} µm thick between crossed polarisers (I/I₀ at 45° and {_WAVELENGTH_NM:.0f} nm)",
        ("crystal", "Δn", "elongation", "R (nm)", "I/I₀", "colour in white light"), rows)


@accepts(retardations_nm=Range(0.0, 1.0e5, "nm"))
def color_table(retardations_nm=(0.0, 100.0, 300.0, 450.0, 550.0, 800.0, 1100.0)) -> Table:
    """Michel–Lévy colours computed from CIE 1931 2° and D65: sRGB, hex and name."""
    rows = []
    for r in np.atleast_1d(retardations_nm):
        rgb = optics.interference_color_srgb(r)
        xyz = optics.interference_color_xyz(r)
        rows.append((f"{r:g}", str(optics.michel_levy_order(r)), f"{xyz[1]:.3f}",
                     ", ".join(f"{v:.2f}" for v in rgb), color_hex(rgb), color_name(rgb)))
    return Table.build("Interference colours between crossed polarisers at 45°, D65 light",
                       ("R (nm)", "order", "Y", "sRGB", "hex", "colour"), rows)


def peak_table() -> Table:
    """Computed powder peaks of hydroxyapatite beside ICDD 9-432."""
    peaks = crystallography.powder_pattern()
    by_hkl = {p.hkl: p for p in peaks}
    rows = []
    for hkl, angle, intensity in _reference_peaks():
        p = by_hkl[hkl]
        rows.append(("".join(str(i) for i in hkl), f"{p.d_angstrom:.3f}", f"{p.two_theta_deg:.2f}", f"{angle:.2f}",
                     f"{p.two_theta_deg - angle:+.2f}", f"{p.relative_intensity:.0f}", f"{intensity:.0f}",
                     str(p.multiplicity)))
    return Table.build("Hydroxyapatite, Cu Kα₁: computed from the structure against ICDD 9-432",
                       ("hkl", "d (Å)", "2θ computed", "2θ ICDD", "Δ2θ", "I computed", "I ICDD", "multiplicity"),
                       rows)


@accepts(crystallites_nm=Range(1.0, 1.0e5, "nm"))
def scherrer_table(crystallites_nm=(10.0, 20.0, 200.0)) -> Table:
    """Scherrer widths of three peaks for bone-sized and large crystallites."""
    sizes = [float(size) for size in np.atleast_1d(crystallites_nm)]
    rows = []
    for hkl, angle, _ in _reference_peaks():
        if hkl not in ((0, 0, 2), (2, 1, 1), (3, 1, 0)):
            continue
        rows.append(("".join(str(i) for i in hkl), f"{angle:.2f}",
                     *(f"{crystallography.scherrer_fwhm_deg(size, angle):.3f}" for size in sizes)))
    return Table.build("Peak width (FWHM, degrees 2θ) from crystallite size alone (Scherrer, K = 0.9)",
                       ("hkl", "2θ", *(f"{size:g} nm" for size in sizes)), rows)


def deconvolution_table() -> Table:
    """Calcified area drawn against the area recovered by colour deconvolution of the H&E slide."""
    rows = []
    for deposit in histology.DEPOSITS:
        section = histology.draw_section(deposit)
        haematoxylin, _ = histology.deconvolve(histology.render(section, "h_and_e"))
        drawn = 100.0 * section.mineral_area_fraction
        found = 100.0 * histology.calcified_area_fraction(haematoxylin)
        rows.append((DEPOSIT_WORDS[deposit], f"{drawn:.2f}", f"{found:.2f}", f"{100.0 * (found - drawn) / drawn:+.0f}"))
    return Table.build("Calcified area (% of the field): drawn, and recovered from H&E by rgb2hed",
                       ("deposit", "drawn", "recovered", "difference (%)"), rows)


# ------------------------------------------------------------------ explorers


def slide_readout_html(deposit: str, stain: str) -> str:
    """The slide explorer's readout: what the stain binds, and how much of the field is mineral.

    The mineral area is the drawn section's (:func:`calcify_lib.histology.draw_section`); under
    H&E the readout adds the area that colour deconvolution of the rendered slide recovers
    (:func:`calcify_lib.histology.deconvolve`), so a reader sees how well the stain measures it.
    """
    section = histology.draw_section(deposit)
    binds = {
        "h_and_e": "Haematoxylin binds phosphate groups and calcium salts: calcium is basophilic.",
        "von_kossa": "Silver replaces the calcium of phosphate and carbonate salts and is reduced to black "
                     "metal: it shows the anion, not calcium.",
        "alizarin_red": "Alizarin red S chelates calcium itself: orange-red.",
        "crossed_polarizers": "Only birefringent crystals light up between crossed polarisers.",
    }[stain]
    numbers = f"Calcium phosphate drawn on {100.0 * section.mineral_area_fraction:.1f} % of the field."
    if stain == "h_and_e":
        haematoxylin, _ = histology.deconvolve(histology.render(section, stain))
        numbers += (f" Colour deconvolution recovers {100.0 * histology.calcified_area_fraction(haematoxylin):.1f} %.")
    if stain == "crossed_polarizers":
        intensity = histology.polarized_intensity(section)
        pure = (section.mineral > 0.5) & (section.oxalate == 0.0)
        apatite = float(intensity[pure].max()) if np.any(pure) else 0.0
        numbers += f" Apatite I/I₀ = {apatite:.1e}"
        if section.crystals:
            numbers += f"; brightest oxalate crystal I/I₀ = {float(intensity.max()):.2f} (550 nm)."
        else:
            numbers += " (550 nm)."
    return f"<strong>{html.escape(STAIN_WORDS[stain])}</strong>: {html.escape(binds)} {html.escape(numbers)}"


def slide_explorer() -> Explorer:
    """Stain × deposit → the synthetic slide (12 precomputed views)."""
    from matplotlib.figure import Figure

    def render(stain: str, deposit: str) -> View:
        section = histology.draw_section(deposit)
        # A bare Figure, not registered with pyplot: precomputing views leaves the notebook's figures alone.
        fig = Figure(figsize=(3.6, 3.6), dpi=72)
        with style.context():
            ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
            _slide_axes(ax, histology.render(section, stain))
        png = figure_png(fig, dpi=72, colors=48)
        return View(png=png, alt=slide_alt(deposit, stain), readout_html=slide_readout_html(deposit, stain))

    description = (
        "A synthetic section of lung, 240 µm across (scale bar 50 µm), drawn by calcify_lib.histology and "
        "stained by the Beer–Lambert law with scikit-image's stain vectors. Choose the stain and the deposit."
    )
    return Explorer(
        "Four ways to look at one deposit", description,
        [Choice("stain", "Stain", tuple(STAIN_WORDS.items()), "h_and_e"),
         Choice("deposit", "Deposit", tuple(DEPOSIT_WORDS.items()), "dystrophic")],
        render,
    )


def _describe_stage(value: float) -> str:
    return f"{value:g}°"


def _describe_thickness(value: float) -> str:
    return f"{value:g} µm"


@accepts(thickness_um=_THICKNESS, stage_deg=_STAGE)
def polarizer_readout_html(crystal: str, thickness_um: float, stage_deg: float) -> str:
    """The polariser explorer's readout: transmitted light, retardation, order and the colour seen.

    I/I₀ at 550 nm from :func:`crystal_transmission`, the white-light brightness Y and the colour
    from :func:`calcify_lib.optics.interference_color_xyz` at the crystal's retardation, and the
    Michel–Lévy order (:func:`calcify_lib.optics.michel_levy_order`).
    """
    intensity = crystal_transmission(crystal, thickness_um, stage_deg)
    retardation = _retardation(crystal, thickness_um)
    rgb = _seen_rgb(crystal, thickness_um, stage_deg)
    swatch = (f'<span aria-hidden="true" style="display:inline-block;width:1.4em;height:1.4em;'
              f'vertical-align:middle;border:1px solid #595959;background:{color_hex(rgb)}"></span>')
    note = ("the deposit's random crystals never go extinct and never brighten as the stage turns"
            if crystal == "hydroxyapatite_deposit" else
            ("extinct: an axis lies along a polariser" if intensity < 1e-9 else "brightest at 45° from extinction"))
    azimuth = 22.5 if crystal == "hydroxyapatite_deposit" else 45.0 - stage_deg
    brightness = float(optics.interference_color_xyz(retardation, azimuth_deg=azimuth)[1])
    return (f"I/I₀ = <strong>{intensity:.2g}</strong> at 550 nm; in white light Y = {brightness:.2g}; "
            f"retardation {retardation:.3g} nm "
            f"(order {optics.michel_levy_order(retardation)}); seen in white light: {swatch} "
            f"{html.escape(color_name(rgb))} ({color_hex(rgb)}). {html.escape(note.capitalize())}.")


#: The stage angles and thicknesses of the polariser explorer.
_STAGES_DEG = tuple(float(s) for s in range(0, 181, 15))
_THICKNESSES_UM = (0.5, 2.0, 5.0, 10.0, 20.0)


def polarizer_explorer() -> Explorer:
    """Stage rotation (0–180° in 15° steps) × crystal × thickness (0.5–20 µm) → brightness and colour, with I/I₀."""
    stages_deg, thicknesses_um = _STAGES_DEG, _THICKNESSES_UM
    from matplotlib.figure import Figure

    pictures: dict[tuple[str, float], tuple[bytes, object]] = {}
    fine = np.linspace(0.0, 180.0, 181)

    def picture(crystal: str, thickness_um: float):
        key = (crystal, thickness_um)
        if key not in pictures:
            fig = Figure(figsize=(6.0, 3.3), dpi=72)
            with style.context():
                strip_ax = fig.add_axes((0.13, 0.72, 0.84, 0.18))
                colours = np.array([_seen_rgb(crystal, thickness_um, s) for s in stages_deg])
                strip_ax.imshow(colours[None, :, :], aspect="auto", interpolation="nearest",
                                extent=(stages_deg[0] - 7.5, stages_deg[-1] + 7.5, 0, 1))
                strip_ax.set_yticks([])
                strip_ax.set_xticks([])
                strip_ax.set_title("seen in white light at each stage angle", fontsize=style.SMALL_PT)
                ax = fig.add_axes((0.13, 0.17, 0.84, 0.45))
                values = [crystal_transmission(crystal, thickness_um, s) for s in fine]
                ax.plot(fine, values, **style.line_kw("crystal", crystal, with_label=False))
                ax.set_xlim(stages_deg[0] - 7.5, stages_deg[-1] + 7.5)
                ax.set_ylim(-0.05, 1.05)
                ax.set_xticks([0, 45, 90, 135, 180])
                ax.set_xlabel("stage rotation (°)", fontsize=style.SMALL_PT)
                ax.set_ylabel("I/I₀", fontsize=style.SMALL_PT)
                style.pin(ax)
            fig.canvas.draw()
            pictures[key] = (figure_png(fig, dpi=72, colors=32), ax)
        return pictures[key]

    def render(crystal: str, thickness_um: float, stage_deg: float) -> View:
        png, ax = picture(crystal, thickness_um)
        intensity = crystal_transmission(crystal, thickness_um, stage_deg)
        x, y = figure_fraction(ax, stage_deg, intensity)
        alt = (f"{CRYSTAL_WORDS[crystal]}, {thickness_um:g} µm, between crossed polarisers: a strip of its colour "
               f"at each stage angle and its I/I₀ at 550 nm against stage rotation; the dot marks {stage_deg:g}°, "
               f"I/I₀ = {intensity:.2g}.")
        return View(png=png, alt=alt, readout_html=polarizer_readout_html(crystal, thickness_um, stage_deg),
                    markers=(Marker(x, y, f"I/I0 {intensity:.2g}", _O["black"]),))

    description = (
        "A crystal between crossed polarisers on a rotating stage. Its long axis is at 45° to the polariser "
        "when the stage reads 0°. Top: its colour in white light (D65) at each stage angle; below: I/I₀ at "
        "550 nm. The apatite deposit is a layer of randomly oriented 50 nm crystals, as in tissue."
    )
    return Explorer(
        "Turn the stage", description,
        [Choice("crystal", "Crystal", tuple(CRYSTAL_WORDS.items()), "calcium_oxalate_monohydrate"),
         Slider("thickness_um", "Thickness", tuple(float(t) for t in thicknesses_um), 5.0, _describe_thickness),
         Slider("stage_deg", "Stage rotation", tuple(float(s) for s in stages_deg), 0.0, _describe_stage)],
        render,
    )


# ------------------------------------------------------------------ self-checks


@accepts(thickness_um=_THICKNESS)
def self_check_dark_deposit(thickness_um: float = 4.0) -> MultipleChoice:
    """Multiple-choice self-check: which deposit stays dark between crossed polarisers.

    The right option is the one whose brightest stage angle passes the least
    light at 550 nm (:func:`crystal_transmission` over a full turn of the
    stage); every feedback quotes the model's I/I₀.
    """
    stages = np.linspace(0.0, 180.0, 181)
    brightest = {c: max(crystal_transmission(c, thickness_um, s) for s in stages) for c in CRYSTAL_WORDS}
    darkest = min(brightest, key=brightest.get)
    why = {
        "hydroxyapatite_deposit": f"its {_APATITE_CRYSTALLITE_NM:g} nm crystals point every way, so their "
                                  "retardations add like a random walk and never make it bright",
        "calcium_pyrophosphate_dihydrate": "it is weak, a dim first-order grey, but it still brightens "
                                           "at 45° and goes extinct every 90°",
        "calcium_oxalate_monohydrate": f"Δn = {float(optics.BIREFRINGENCE['calcium_oxalate_monohydrate']):.3f} "
                                       "makes it one of the brightest things on the slide",
    }
    options = tuple(
        Option(CRYSTAL_WORDS[c], c == darkest,
               f"The model gives I/I₀ of at most {brightest[c]:.2g} at 550 nm: {why[c]}.")
        for c in CRYSTAL_WORDS
    ) + (Option("None of them: every calcium salt is birefringent", False,
                "That is the simple statement; the numbers say otherwise for the apatite deposit "
                f"(I/I₀ {brightest['hydroxyapatite_deposit']:.1e})."),)
    return MultipleChoice(
        question=(f"A {thickness_um:g} µm section between crossed polarisers is turned through a full "
                  "rotation of the stage. Which of these stays dark at every angle?"),
        options=options,
        explanation=(f"I/I₀ = sin²(2θ)·sin²(πR/λ): at {thickness_um:g} µm the oxalate crystal retards by "
                     f"{_retardation('calcium_oxalate_monohydrate', thickness_um):.0f} nm, CPPD by "
                     f"{_retardation('calcium_pyrophosphate_dihydrate', thickness_um):.0f} nm, and a "
                     "deposit of random apatite nanocrystals by only "
                     f"{_retardation('hydroxyapatite_deposit', thickness_um):.1f} nm."),
    )


def self_check_bragg_004() -> NumericEntry:
    """Numeric self-check: 2θ of hydroxyapatite's (004) line, Cu Kα₁, from d = c/4 and Bragg's law.

    The answer is :func:`calcify_lib.crystallography.bragg_two_theta_deg` of
    :func:`calcify_lib.crystallography.d_spacing_angstrom` (0, 0, 4); "too low"
    catches the slip of doubling the (002) angle (halving d doubles sin θ,
    not θ).
    """
    wavelength = float(crystallography.CU_K_ALPHA1_ANGSTROM)
    d_002 = crystallography.d_spacing_angstrom(0, 0, 2)
    d_004 = crystallography.d_spacing_angstrom(0, 0, 4)
    angle_002 = crystallography.bragg_two_theta_deg(d_002, wavelength)
    angle_004 = crystallography.bragg_two_theta_deg(d_004, wavelength)
    return NumericEntry(
        question=(f"Hydroxyapatite's (002) line lies at 2θ = {angle_002:.2f}° with Cu Kα₁ "
                  f"(λ = {wavelength:.4f} Å), from planes {d_002:.3f} Å apart. At what 2θ does the "
                  "(004) line appear? (degrees, one decimal)"),
        answer=angle_004, tolerance=0.1, unit="°", decimals=1,
        explanation=(f"d(004) = c/4 = {d_004:.3f} Å, half of d(002). λ = 2d sin θ gives "
                     f"sin θ = {wavelength:.4f} / (2 × {d_004:.3f}) = {wavelength / (2 * d_004):.3f}, "
                     f"so 2θ = {angle_004:.2f}°: a little more than twice {angle_002:.2f}°."),
        too_low=(f"Twice {angle_002:.2f}° is {2 * angle_002:.2f}°, but halving d doubles sin θ, "
                 f"not θ: compute 2θ = 2 arcsin(λ / 2d) with d = {d_004:.3f} Å, and give 2θ, not θ."),
        too_high=(f"Use d(004) = c/4 = {d_004:.3f} Å and copper's λ = {wavelength:.4f} Å in "
                  "2θ = 2 arcsin(λ / 2d), with the arcsine in degrees."),
    )
