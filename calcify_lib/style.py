"""The book's one figure style: palette, fixed colour meanings, sizes, background.

Every figure and explorer picture in the book is drawn with this module, so
that the same thing has the same colour in every chapter and every figure
reads on a phone and on the theme's dark page.

Palette
-------
The eight colours of Okabe and Ito's colour-blind-safe palette
(:data:`PALETTE`), plus three neutral greys (:data:`GREYS`) for reference
bands, guide lines and secondary text, and white for backgrounds.  A
continuous quantity is drawn with the colour map :data:`SEQUENTIAL_CMAP`
(cividis).  No other colour appears in a figure; ``tests/test_style.py`` checks every figure the
figures modules draw.  Yellow (``#F0E442``) has a contrast of 1.2 : 1 on
white, so it is never a thin line or text; it is reserved for fills.

Fixed meanings
--------------
:data:`MEANINGS` maps a *kind* of thing (``"phase"``, ``"condition"``,
``"surface"``, ``"reference"``, ``"species"``, ...) and a *name* within it
(``"hydroxyapatite"``, ``"chronic_kidney_disease"``, ...) to its colour,
linestyle, marker and display label.  Ask for them with :func:`color`,
:func:`linestyle`, :func:`marker`, :func:`label` and :func:`line_kw`; an
unknown kind or name raises a ``ValueError`` that lists the known ones.

* Within a kind, no two names share a colour, and the linestyle and marker
  differ as well, so that a figure printed in grey or seen with any colour
  vision deficiency still tells them apart (colour is never the only channel).
* Across kinds colours repeat (hydroxyapatite and bone destruction are both
  vermillion): a figure encodes *one* kind by colour; a second kind in the
  same figure is told by linestyle, marker or direct labels.
* A kind with more members than the eleven colours (eight of the palette and
  three greys) would reuse a colour; it must then differ from every other
  member in linestyle or marker, so that the pair (colour, linestyle, marker)
  stays unique within the kind.  No kind needs this today; the test enforces
  the rule for any kind that grows past eleven.

Other helpers add kinds (``"tissue"``, ``"stain"``, ``"crystal"``, ...) with a
targeted edit of :data:`MEANINGS`; the tests check the rules for every kind.

Sizes
-----
Figures are :data:`FIGURE_WIDTH_IN` (6.4 in) wide.  On a 390 px phone the
book's text column is about 358 CSS px wide, so a figure is shown at
358 / 6.4 = 56 px per inch whatever its dpi, and a font of *p* points shows
at p × 56 / 72 CSS px.  :data:`BASE_PT` (12 pt) shows at 9.3 px and the
smallest text, :data:`SMALL_PT` (11 pt, ticks, legends, annotations), at
8.6 px: legible on a phone, and 15-17 px on a 1280 px desktop page, where a
figure is shown at its natural 640 px.  Explorer pictures are 6.0 in wide at
72 dpi; they scale the same way.  No drawing function sets a font size of its
own except through these constants.

Background
----------
Figures keep an opaque white background (figure, axes and saved PNG).  The
theme's dark mode then shows each figure as a white card: black text on
white keeps its contrast, whereas a transparent PNG would put black tick
labels on a near-black page.

How the style is applied
------------------------
:func:`subplots` creates a figure inside :func:`matplotlib.rc_context` with
:data:`RC` and returns it; no rcParam is changed after the call returns, so
the style leaves no global state behind.  Because matplotlib reads some
rcParams lazily (tick labels are created at draw time, legends and texts
when they are made), :func:`subplots` also pins the tick and label sizes on
each axes, and every drawing function of :mod:`calcify_lib.figures` is
decorated with :func:`styled`, which runs it inside the same
``rc_context`` and pins the style on the axes it is given.  A figure made
with a plain ``plt.subplots`` therefore gets the book's fonts, colours and
background as soon as a figures function draws on it (its size stays
whatever the caller asked for).  Nothing here is random or depends on the
clock: the same code gives the same rcParams and the same text outputs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import matplotlib
from cycler import cycler

__all__ = [
    "PALETTE", "OKABE_ITO", "GREYS", "WHITE", "ALLOWED_COLORS", "MEANINGS", "SEQUENCE", "SEQUENTIAL_CMAP",
    "FIGURE_WIDTH_IN", "BASE_PT", "SMALL_PT", "TITLE_PT", "LINE_WIDTH", "RC",
    "color", "linestyle", "marker", "label", "short_label", "line_kw", "names",
    "context", "subplots", "styled", "pin",
]

#: Okabe & Ito (2008), "Color Universal Design": eight colours that stay
#: distinct for the common colour vision deficiencies, by name.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
#: The palette, in Okabe and Ito's order.
PALETTE: tuple[str, ...] = tuple(OKABE_ITO.values())
#: Neutral greys, for reference bands, guide lines and secondary text:
#: dark (7.0 : 1 on white), mid (2.8 : 1, lines only) and light (bands).
GREYS: dict[str, str] = {"dark_grey": "#595959", "mid_grey": "#999999", "light_grey": "#D9D9D9"}
#: The figure and axes background.
WHITE = "#FFFFFF"
#: Every colour a figure of the book may use.
ALLOWED_COLORS: frozenset[str] = frozenset(PALETTE) | frozenset(GREYS.values()) | {WHITE}

_O = OKABE_ITO
_G = GREYS

#: The colour, linestyle, marker and display label of each thing the book draws,
#: by kind.  ``label`` is the legend text; ``short`` (optional) the text of a
#: tight label (an explorer marker, a crowded axis).
MEANINGS: dict[str, dict[str, dict[str, Any]]] = {
    # The five calcium phosphates of calcify_lib.thermodynamics.PHASES.
    "phase": {
        "hydroxyapatite": {"color": _O["vermillion"], "linestyle": "-", "marker": "o",
                           "label": "hydroxyapatite (HAP)", "short": "HAP"},
        "octacalcium_phosphate": {"color": _O["reddish_purple"], "linestyle": "--", "marker": "s",
                                  "label": "octacalcium phosphate (OCP)", "short": "OCP"},
        "beta_tricalcium_phosphate": {"color": _O["orange"], "linestyle": "-.", "marker": "D",
                                      "label": "β-tricalcium phosphate", "short": "β-TCP"},
        "brushite": {"color": _O["blue"], "linestyle": ":", "marker": "^",
                     "label": "brushite (DCPD)", "short": "DCPD"},
        "amorphous_calcium_phosphate": {"color": _O["bluish_green"], "linestyle": (0, (5, 1, 1, 1)),
                                        "marker": "v", "label": "amorphous calcium phosphate (ACP)",
                                        "short": "ACP"},
    },
    # The six conditions of calcify_lib.homeostasis.CONDITIONS.
    "condition": {
        "normal": {"color": _O["bluish_green"], "linestyle": "-", "marker": "o",
                   "label": "Normal adult", "short": "normal"},
        "primary_hyperparathyroidism": {"color": _O["reddish_purple"], "linestyle": "--", "marker": "s",
                                        "label": "Primary hyperparathyroidism", "short": "PHPT"},
        "vitamin_d_intoxication": {"color": _O["orange"], "linestyle": "-.", "marker": "^",
                                   "label": "Vitamin D intoxication", "short": "vit. D"},
        "sarcoidosis": {"color": _O["sky_blue"], "linestyle": ":", "marker": "v",
                        "label": "Sarcoidosis", "short": "sarcoid."},
        "chronic_kidney_disease": {"color": _O["blue"], "linestyle": (0, (5, 1, 1, 1)), "marker": "D",
                                   "label": "Chronic kidney disease", "short": "CKD"},
        "bone_destruction": {"color": _O["vermillion"], "linestyle": (0, (3, 1, 1, 1, 1, 1)),
                             "marker": "P", "label": "Bone destruction", "short": "bone destr."},
    },
    # The three surfaces of calcify_lib.nucleation.SURFACES.
    "surface": {
        "healthy_endothelium": {"color": _O["blue"], "linestyle": "-", "marker": "o",
                                "label": "healthy endothelium"},
        "collagen": {"color": _O["orange"], "linestyle": "--", "marker": "s",
                     "label": "collagen"},
        "damaged_membranes": {"color": _O["vermillion"], "linestyle": "-.", "marker": "D",
                              "label": "damaged membranes"},
    },
    # What a reader compares a value with.
    "reference": {
        "reference_range": {"color": _G["light_grey"], "linestyle": "-", "marker": "s",
                            "label": "reference range"},
        "threshold": {"color": _O["black"], "linestyle": "--", "marker": "_",
                      "label": "threshold"},
        "second_threshold": {"color": _G["dark_grey"], "linestyle": ":", "marker": "|",
                             "label": "second threshold"},
        "guide": {"color": _G["mid_grey"], "linestyle": "-", "marker": "",
                  "label": "guide line"},
        "supersaturated": {"color": _O["vermillion"], "linestyle": "-", "marker": "^",
                           "label": "supersaturated"},
        "undersaturated": {"color": _O["blue"], "linestyle": "-", "marker": "v",
                           "label": "undersaturated"},
    },
    # Moments marked on a time axis.
    "event": {
        "treatment_start": {"color": _O["black"], "linestyle": ":", "marker": "|",
                            "label": "treatment starts"},
    },
    # The compartments of calcify_lib.tissue.TISSUES.
    "tissue": {
        "arterial_blood": {"color": _O["black"], "linestyle": "-", "marker": "o",
                           "label": "arterial blood", "short": "arteries"},
        "mixed_venous_blood": {"color": _G["dark_grey"], "linestyle": ":", "marker": "X",
                               "label": "mixed venous blood", "short": "veins"},
        "lung_apex": {"color": _O["sky_blue"], "linestyle": "-", "marker": "^",
                      "label": "lung apex", "short": "apex"},
        "lung_base": {"color": _O["blue"], "linestyle": "--", "marker": "v",
                      "label": "lung base", "short": "base"},
        "gastric_mucosa": {"color": _O["orange"], "linestyle": "-.", "marker": "s",
                           "label": "gastric mucosa", "short": "stomach"},
        "renal_cortex": {"color": _O["reddish_purple"], "linestyle": (0, (5, 1, 1, 1)), "marker": "D",
                         "label": "renal cortex", "short": "cortex"},
        "renal_interstitium": {"color": _O["vermillion"], "linestyle": (0, (3, 1, 1, 1, 1, 1)),
                               "marker": "P", "label": "renal papilla", "short": "papilla"},
    },
    # Dissolved forms of phosphate (calcify_lib.chemistry species keys).
    "species": {
        "H2PO4-": {"color": _O["blue"], "linestyle": "-", "marker": "o", "label": "H₂PO₄⁻"},
        "HPO4-2": {"color": _O["orange"], "linestyle": "-", "marker": "s", "label": "HPO₄²⁻"},
        "PO4-3": {"color": _O["vermillion"], "linestyle": "-", "marker": "D", "label": "PO₄³⁻"},
        "H3PO4": {"color": _O["reddish_purple"], "linestyle": "-.", "marker": "P", "label": "H₃PO₄"},
        "CaHPO4": {"color": _O["bluish_green"], "linestyle": "--", "marker": "^", "label": "CaHPO₄⁰"},
        "CaH2PO4+": {"color": _O["sky_blue"], "linestyle": "--", "marker": "v", "label": "CaH₂PO₄⁺"},
        "CaPO4-": {"color": _O["black"], "linestyle": "--", "marker": "<", "label": "CaPO₄⁻"},
        "MgHPO4": {"color": _G["dark_grey"], "linestyle": ":", "marker": ">", "label": "MgHPO₄⁰"},
        "NaHPO4-": {"color": _G["mid_grey"], "linestyle": ":", "marker": "x", "label": "NaHPO₄⁻"},
    },
    # Serum phosphate exposures of the vascular chapter (calcify_lib.figures.transdifferentiation).
    "phosphate_exposure": {
        "normal": {"color": _O["bluish_green"], "linestyle": "-", "marker": "o",
                   "label": "normal phosphate", "short": "normal"},
        "ckd_stage_4": {"color": _O["orange"], "linestyle": "--", "marker": "s",
                        "label": "CKD stage 4 phosphate", "short": "CKD 4"},
        "dialysis": {"color": _O["blue"], "linestyle": "-.", "marker": "D",
                     "label": "dialysis phosphate", "short": "dialysis"},
    },
    # The sera of the T50 chapter (calcify_lib.calciprotein.SERA).
    "serum": {
        "healthy": {"color": _O["bluish_green"], "linestyle": "-", "marker": "o",
                    "label": "healthy adult", "short": "healthy"},
        "ckd_3_4": {"color": _O["orange"], "linestyle": "--", "marker": "s",
                    "label": "CKD stages 3-4", "short": "CKD 3-4"},
        "haemodialysis": {"color": _O["blue"], "linestyle": "-.", "marker": "D",
                          "label": "haemodialysis", "short": "dialysis"},
        "chosen": {"color": _O["black"], "linestyle": ":", "marker": "o",
                   "label": "the chosen serum", "short": "chosen"},
    },
    # Levels of inflammation in the vascular chapter's switch (calcify_lib.vascular).
    "inflammation": {
        "none": {"color": _O["black"], "linestyle": "-", "marker": "o", "label": "no inflammation"},
        "moderate": {"color": _O["reddish_purple"], "linestyle": "--", "marker": "s",
                     "label": "moderate inflammation (0.5)"},
        "severe": {"color": _O["vermillion"], "linestyle": "-.", "marker": "^",
                   "label": "severe inflammation (1)"},
    },
    # What the artery's cross-section shows (calcify_lib.figures.transdifferentiation).
    "media": {
        "contractile_cell": {"color": _O["sky_blue"], "linestyle": "-", "marker": "o",
                             "label": "contractile smooth muscle cell"},
        "osteogenic_cell": {"color": _O["orange"], "linestyle": "--", "marker": "s",
                            "label": "osteogenic (RUNX2-on) cell"},
        "mineral": {"color": _O["vermillion"], "linestyle": "-", "marker": "D",
                    "label": "mineral (hydroxyapatite)"},
        "elastic_lamina": {"color": _G["mid_grey"], "linestyle": ":", "marker": "|",
                           "label": "elastic lamina"},
        "intima": {"color": _O["reddish_purple"], "linestyle": "-.", "marker": "^",
                   "label": "intima"},
        "adventitia": {"color": _G["light_grey"], "linestyle": (0, (1, 1)), "marker": "v",
                       "label": "adventitia"},
    },
    # The stains of calcify_lib.histology.STAINS (chapter "Seeing is believing").
    "stain": {
        "h_and_e": {"color": _O["reddish_purple"], "linestyle": "-", "marker": "o",
                    "label": "haematoxylin and eosin", "short": "H&E"},
        "von_kossa": {"color": _O["black"], "linestyle": "--", "marker": "s",
                      "label": "von Kossa", "short": "von Kossa"},
        "alizarin_red": {"color": _O["vermillion"], "linestyle": "-.", "marker": "D",
                         "label": "Alizarin red S", "short": "Alizarin"},
        "crossed_polarizers": {"color": _O["blue"], "linestyle": ":", "marker": "^",
                               "label": "crossed polarisers", "short": "polarised"},
    },
    # Crystals seen in polarised light (calcify_lib.optics.BIREFRINGENCE).
    "crystal": {
        "hydroxyapatite": {"color": _O["vermillion"], "linestyle": "-", "marker": "o",
                           "label": "hydroxyapatite, single crystal", "short": "HAP crystal"},
        "hydroxyapatite_deposit": {"color": _O["orange"], "linestyle": (0, (1, 1)), "marker": "v",
                                   "label": "hydroxyapatite deposit (random 50 nm crystals)",
                                   "short": "HAP deposit"},
        "calcium_pyrophosphate_dihydrate": {"color": _O["blue"], "linestyle": "--", "marker": "s",
                                            "label": "calcium pyrophosphate dihydrate (CPPD)",
                                            "short": "CPPD"},
        "calcium_oxalate_monohydrate": {"color": _O["bluish_green"], "linestyle": "-.", "marker": "D",
                                        "label": "calcium oxalate monohydrate", "short": "oxalate"},
        "calcite": {"color": _O["reddish_purple"], "linestyle": (0, (5, 1, 1, 1)), "marker": "^",
                    "label": "calcite", "short": "calcite"},
    },
}

#: Colours, in order, for series that have no fixed meaning (sera named by the
#: caller, say): never yellow, never grey, black last.
SEQUENCE: tuple[str, ...] = tuple(_O[k] for k in ("blue", "vermillion", "bluish_green", "reddish_purple",
                                                 "orange", "sky_blue", "black"))

#: The colour map of continuous quantities (a saturation index over a body map, say):
#: cividis, designed to read the same with and without colour vision deficiency and
#: to rise monotonically in lightness.  Its colours are the only ones besides
#: :data:`ALLOWED_COLORS` a figure may draw.
SEQUENTIAL_CMAP = "cividis"

#: Figure width, inches: every figure of the book has it (explorer pictures: 6.0).
FIGURE_WIDTH_IN = 6.4
#: Body text of a figure (axis labels), points.
BASE_PT = 12.0
#: The smallest text of a figure (ticks, legends, annotations), points.
SMALL_PT = 11.0
#: Titles, points.
TITLE_PT = 12.0
#: Width of a data line, points.
LINE_WIDTH = 2.0

#: The rcParams of the style (applied with matplotlib.rc_context, never globally).
RC: dict[str, Any] = {
    "figure.figsize": (FIGURE_WIDTH_IN, 4.0),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.facecolor": WHITE,
    "figure.edgecolor": WHITE,
    "axes.facecolor": WHITE,
    "savefig.facecolor": WHITE,
    "savefig.edgecolor": WHITE,
    "savefig.transparent": False,
    "font.size": BASE_PT,
    "axes.labelsize": BASE_PT,
    "axes.titlesize": TITLE_PT,
    "xtick.labelsize": SMALL_PT,
    "ytick.labelsize": SMALL_PT,
    "legend.fontsize": SMALL_PT,
    "legend.title_fontsize": SMALL_PT,
    "legend.framealpha": 0.9,
    "legend.edgecolor": GREYS["light_grey"],
    "figure.titlesize": TITLE_PT,
    "text.color": _O["black"],
    "axes.labelcolor": _O["black"],
    "axes.edgecolor": _O["black"],
    "xtick.color": _O["black"],
    "ytick.color": _O["black"],
    "grid.color": GREYS["light_grey"],
    "lines.linewidth": LINE_WIDTH,
    "lines.markersize": 8.0,
    "patch.edgecolor": _O["black"],
    "hatch.color": _O["black"],
    "axes.spines.top": False,
    "axes.spines.right": False,
    "image.cmap": SEQUENTIAL_CMAP,
    "axes.prop_cycle": cycler(color=list(SEQUENCE)),
    "svg.hashsalt": "calcify",
}


def _entry(kind: str, name: str) -> dict[str, Any]:
    if not isinstance(kind, str):
        raise TypeError(f"kind must be a str, got {type(kind).__name__} {kind!r}")
    if not isinstance(name, str):
        raise TypeError(f"name must be a str, got {type(name).__name__} {name!r}")
    if kind not in MEANINGS:
        raise ValueError(f"kind = {kind!r} has no fixed meanings; known kinds: {', '.join(sorted(MEANINGS))}")
    if name not in MEANINGS[kind]:
        raise ValueError(f"name = {name!r} has no fixed meaning of kind {kind!r}; "
                         f"known {kind} names: {', '.join(MEANINGS[kind])}")
    return MEANINGS[kind][name]


def names(kind: str) -> tuple[str, ...]:
    """The names that have a fixed meaning of ``kind``, in registry order."""
    if kind not in MEANINGS:
        raise ValueError(f"kind = {kind!r} has no fixed meanings; known kinds: {', '.join(sorted(MEANINGS))}")
    return tuple(MEANINGS[kind])


def color(kind: str, name: str) -> str:
    """The colour (``#RRGGBB``) that means ``name`` of ``kind`` in every chapter.

    >>> color("phase", "hydroxyapatite")
    '#D55E00'
    >>> color("phase", "calcite")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: name = 'calcite' has no fixed meaning of kind 'phase'; known phase names: hydroxyapatite, ...
    """
    return _entry(kind, name)["color"]


def linestyle(kind: str, name: str) -> str | tuple:
    """The linestyle of ``name`` of ``kind``: the second channel besides colour."""
    return _entry(kind, name)["linestyle"]


def marker(kind: str, name: str) -> str:
    """The marker of ``name`` of ``kind``: the second channel for points."""
    return _entry(kind, name)["marker"]


def label(kind: str, name: str) -> str:
    """The legend text of ``name`` of ``kind`` (the book's one legend vocabulary).

    >>> label("condition", "chronic_kidney_disease")
    'Chronic kidney disease'
    """
    return _entry(kind, name)["label"]


def short_label(kind: str, name: str) -> str:
    """A tight label of ``name`` of ``kind`` (explorer markers, crowded axes); the label if none."""
    entry = _entry(kind, name)
    return entry.get("short", entry["label"])


def line_kw(kind: str, name: str, *, with_label: bool = True) -> dict[str, Any]:
    """Keyword arguments for ``ax.plot`` that draw ``name`` of ``kind`` in the book's style.

    >>> sorted(line_kw("surface", "collagen"))
    ['color', 'label', 'linestyle', 'linewidth']
    """
    entry = _entry(kind, name)
    kw: dict[str, Any] = {"color": entry["color"], "linestyle": entry["linestyle"], "linewidth": LINE_WIDTH}
    if with_label:
        kw["label"] = entry["label"]
    return kw


@contextmanager
def context() -> Iterator[None]:
    """The style's rcParams, for the duration of a ``with`` block (restored after)."""
    with matplotlib.rc_context(RC):
        yield


def pin(ax) -> None:
    """Fix the style on one axes, so it holds after the ``rc_context`` is left.

    matplotlib creates tick labels at draw time from the rcParams of that
    moment; this stores the style's sizes and colours on the axes itself,
    and gives the axes and its figure the opaque white background.
    """
    ax.tick_params(axis="both", which="both", labelsize=SMALL_PT, colors=_O["black"],
                   labelcolor=_O["black"])
    ax.xaxis.label.set_fontsize(BASE_PT)
    ax.yaxis.label.set_fontsize(BASE_PT)
    ax.title.set_fontsize(TITLE_PT)
    ax.set_facecolor(WHITE)
    figure = ax.get_figure(root=True)
    if figure is not None:
        figure.set_facecolor(WHITE)
        figure.set_edgecolor(WHITE)


def subplots(nrows: int = 1, ncols: int = 1, *, height_in: float = 4.0,
             width_in: float = FIGURE_WIDTH_IN, **kw):
    """A figure in the book's style: ``FIGURE_WIDTH_IN`` wide, white, legible on a phone.

    Parameters
    ----------
    nrows, ncols : int
        Grid of axes, as in :func:`matplotlib.pyplot.subplots`.
    height_in : float
        Figure height, inches (1 to 12).
    width_in : float
        Figure width, inches; keep the default except for explorer pictures.
    **kw
        Passed on to :func:`matplotlib.pyplot.subplots` (``sharex``, ``dpi``, ...);
        ``layout`` defaults to ``"constrained"``.

    Returns
    -------
    (Figure, Axes or array of Axes)
        As :func:`matplotlib.pyplot.subplots`; the figure is registered with
        pyplot, so a notebook shows it and ``plt.close(fig)`` releases it.
    """
    import matplotlib.pyplot as plt
    import numpy as np

    from ._validation import check_number

    height_in = check_number("height_in", height_in, low=1.0, high=12.0, unit="in")
    width_in = check_number("width_in", width_in, low=2.0, high=12.0, unit="in")
    kw.setdefault("layout", "constrained")
    if "figsize" in kw:
        raise TypeError("subplots() takes width_in and height_in, not figsize")
    with context():
        fig, axes = plt.subplots(nrows, ncols, figsize=(width_in, height_in), **kw)
        for ax in np.atleast_1d(axes).ravel():
            pin(ax)
    return fig, axes


def styled(draw: Callable) -> Callable:
    """Decorate a drawing function: it runs in the style, and the axes it draws on keep it.

    Every artist the function creates (lines, legends, texts) takes the
    style's rcParams; any ``matplotlib.axes.Axes`` among its arguments is
    pinned (:func:`pin`) first.
    """
    from matplotlib.axes import Axes

    @functools.wraps(draw)
    def wrapper(*args, **kwargs):
        with context():
            for arg in (*args, *kwargs.values()):
                if isinstance(arg, Axes):
                    pin(arg)
            return draw(*args, **kwargs)

    return wrapper
