"""The book's one figure style: fixed colour meanings, a colour-blind-safe palette, sizes."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from calcify_lib import homeostasis, nucleation, style, thermodynamics  # noqa: E402

OKABE_ITO = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}


def test_the_palette_is_okabe_ito():
    assert set(style.PALETTE) == OKABE_ITO
    assert len(style.PALETTE) == 8


def test_every_meaning_uses_a_palette_colour_or_a_documented_grey():
    for kind, entries in style.MEANINGS.items():
        for name, entry in entries.items():
            assert entry["color"] in style.ALLOWED_COLORS - {style.WHITE}, (kind, name, entry["color"])


@pytest.mark.parametrize("kind", sorted(style.MEANINGS))
def test_no_two_meanings_of_a_kind_share_a_colour(kind):
    entries = style.MEANINGS[kind]
    colours = [e["color"] for e in entries.values()]
    drawable = len(style.ALLOWED_COLORS - {style.WHITE})
    if len(entries) <= drawable:
        assert len(set(colours)) == len(colours), f"{kind}: {colours}"
    # A kind too large for one colour each must tell its members apart by the full triple.
    triples = [(e["color"], str(e["linestyle"]), e["marker"]) for e in entries.values()]
    assert len(set(triples)) == len(triples), kind


@pytest.mark.parametrize("kind", sorted(style.MEANINGS))
def test_every_meaning_has_a_label_a_linestyle_and_a_marker(kind):
    labels = [style.label(kind, n) for n in style.MEANINGS[kind]]
    assert all(isinstance(x, str) and x for x in labels)
    assert len(set(labels)) == len(labels), f"two {kind} names share a legend label"
    for name in style.MEANINGS[kind]:
        assert style.linestyle(kind, name) is not None
        assert isinstance(style.marker(kind, name), str)


def test_thin_lines_never_use_yellow():
    """Yellow has a contrast of 1.2 : 1 on white: it is kept for fills, never a line."""
    for kind, entries in style.MEANINGS.items():
        for name, entry in entries.items():
            assert entry["color"] != style.OKABE_ITO["yellow"], (kind, name)


def test_the_phases_conditions_and_surfaces_of_the_models_all_have_a_colour():
    assert set(style.names("phase")) == set(thermodynamics.PHASES)
    assert set(style.names("condition")) == set(homeostasis.CONDITIONS)
    assert set(style.names("surface")) == set(nucleation.SURFACES)


def test_the_same_phase_has_the_same_colour_everywhere():
    assert style.color("phase", "hydroxyapatite") == "#D55E00"
    assert style.line_kw("phase", "hydroxyapatite")["color"] == style.color("phase", "hydroxyapatite")


@pytest.mark.parametrize("kind, name", [("phase", "calcite"), ("tissue_that_is_not_there", "x"),
                                        ("condition", "Normal"), ("surface", "")])
def test_an_unknown_meaning_is_refused_by_name(kind, name):
    for ask in (style.color, style.linestyle, style.marker, style.label, style.short_label, style.line_kw):
        with pytest.raises(ValueError, match=repr(name) if kind in style.MEANINGS else repr(kind)):
            ask(kind, name)


def test_a_meaning_must_be_asked_for_by_its_name_as_text():
    with pytest.raises(TypeError, match="name"):
        style.color("phase", 3)
    with pytest.raises(TypeError, match="kind"):
        style.color(None, "hydroxyapatite")


def test_a_style_figure_has_the_book_width_fonts_and_white_background():
    fig, ax = style.subplots(height_in=3.5)
    try:
        assert tuple(fig.get_size_inches()) == pytest.approx((style.FIGURE_WIDTH_IN, 3.5))
        assert matplotlib.colors.to_hex(fig.get_facecolor()) == "#ffffff"
        assert matplotlib.colors.to_hex(ax.get_facecolor()) == "#ffffff"
        assert ax.xaxis.label.get_fontsize() == style.BASE_PT
        assert ax.title.get_fontsize() == style.TITLE_PT
        ax.plot([0, 1], [0, 1])
        fig.canvas.draw()  # tick labels are made here, after the rc_context was left
        sizes = {t.get_fontsize() for t in ax.get_xticklabels() + ax.get_yticklabels()}
        assert sizes == {style.SMALL_PT}
        assert matplotlib.colors.to_hex(ax.get_lines()[0].get_color()).upper() in style.PALETTE
    finally:
        plt.close(fig)


def test_a_style_figure_leaves_no_global_state_behind():
    before = dict(matplotlib.rcParams)
    fig, _ = style.subplots(2, 1, height_in=5.0, sharex=True)
    plt.close(fig)
    assert dict(matplotlib.rcParams) == before


def test_the_smallest_text_stays_legible_on_a_phone():
    """A 6.4-in figure in a 358-px phone column: 56 px per inch; ticks and legends >= 8.5 px."""
    px_per_in = 358 / style.FIGURE_WIDTH_IN
    assert style.SMALL_PT / 72 * px_per_in >= 8.5
    assert style.RC["font.size"] == style.BASE_PT >= style.SMALL_PT


def test_a_figure_size_outside_reason_is_refused():
    with pytest.raises(ValueError, match="height_in"):
        style.subplots(height_in=40.0)
    with pytest.raises(TypeError, match="figsize"):
        style.subplots(figsize=(3, 3))


def test_a_styled_drawing_function_styles_a_plain_axes():
    @style.styled
    def draw(ax):
        ax.plot([0, 1], [1, 0], **style.line_kw("condition", "normal"))
        ax.legend()
        ax.text(0.5, 0.5, "note")

    fig, ax = plt.subplots(figsize=(4, 3))
    try:
        draw(ax)
        fig.canvas.draw()
        assert ax.get_legend().get_texts()[0].get_fontsize() == style.SMALL_PT
        assert ax.texts[0].get_fontsize() == style.BASE_PT
        assert {t.get_fontsize() for t in ax.get_xticklabels()} == {style.SMALL_PT}
        assert matplotlib.colors.to_hex(fig.get_facecolor()) == "#ffffff"
    finally:
        plt.close(fig)


# ------------------------------------------------ every figure the figures modules draw uses the style

import importlib  # noqa: E402
import inspect  # noqa: E402
import pkgutil  # noqa: E402

import numpy as np  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.colors import to_hex, to_rgba_array  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import calcify_lib.figures  # noqa: E402
from calcify_lib import explorer as explorer_module  # noqa: E402

#: Arguments for drawing functions that need more than defaults, by module and function.
#: A new drawing function whose arguments have no defaults must be added here.
SAMPLE_ARGS = {
    ("two_faces", "cluster_energy"): lambda: ((), {"sera": {"normal serum": 13.5, "CKD serum": 14.6}}),
    ("suspects", "time_course"): lambda: (
        (), {"trajectory": homeostasis.simulate("sarcoidosis", days=40.0, treatments=("glucocorticoid",),
                                                treatment_start_day=20.0)}),
    ("suspects", "lab_panel"): lambda: ((), {"normal": homeostasis.steady_state("normal")}),
    ("suspects", "time_course_figure"): lambda: (
        (homeostasis.simulate("chronic_kidney_disease", days=30.0),), {}),
    ("suspects", "severity_figure"): lambda: (("bone_destruction", (0.0, 1.0, 2.0)), {}),
    ("location", "body_map"): lambda: ((), {
        "si_by_tissue": {name: float(i) for i, name
                         in enumerate(importlib.import_module("calcify_lib.tissue").TISSUES)},
        "vmin": 0.0, "vmax": 10.0}),
    ("transdifferentiation", "draw_cross_section"): lambda: (
        (), {"osteogenic_fraction": 0.5, "mineral_fraction": 0.06}),
    ("applications_clinic", "course_panels"): lambda: (
        (), {"course": importlib.import_module("calcify_lib.diagnosis").plan_treatment(
            "bone_destruction", ("bisphosphonate",), start_day=20.0, days=60.0)}),
    ("applications_clinic", "course_figure"): lambda: (
        (importlib.import_module("calcify_lib.diagnosis").plan_treatment(
            "bone_destruction", ("bisphosphonate",), start_day=20.0, days=60.0),), {}),
}
#: The smallest text a figure may carry (crowded legends and direct labels), points.
MIN_PT = style.SMALL_PT - 1


def _figures_modules():
    for info in pkgutil.iter_modules(calcify_lib.figures.__path__):
        yield info.name, importlib.import_module(f"calcify_lib.figures.{info.name}")


def _drawing_functions():
    """(module, name, kind) of every public function that draws: on axes, a figure, or an explorer."""
    found = []
    for module_name, module in _figures_modules():
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if not inspect.isfunction(obj):
                continue
            params = list(inspect.signature(obj).parameters)
            hints = str(inspect.signature(obj).return_annotation)
            if params and params[0] in ("ax", "axes"):
                found.append((module_name, name, params[0]))
            elif "Figure" in hints:
                found.append((module_name, name, "figure"))
            elif "Explorer" in hints:
                found.append((module_name, name, "explorer"))
    return found


DRAWING = _drawing_functions()


def _colours(fig: Figure) -> set[str]:
    """Every colour drawn in ``fig`` (lines, markers, patches, collections, texts), as #RRGGBB."""
    seen: list = []
    for ax in fig.axes + [c for a in fig.axes for c in a.child_axes]:
        for line in ax.get_lines():
            seen += [line.get_color(), line.get_markerfacecolor(), line.get_markeredgecolor()]
        for patch in [*ax.patches, ax.patch]:
            seen += [patch.get_facecolor(), patch.get_edgecolor()]
        for coll in ax.collections:
            seen += list(to_rgba_array(coll.get_facecolor())) + list(to_rgba_array(coll.get_edgecolor()))
        for text in ax.texts:
            seen.append(text.get_color())
    seen += [fig.get_facecolor()]
    hexes = set()
    for c in seen:
        if isinstance(c, str) and c.lower() == "none":
            continue
        rgba = to_rgba_array(c)[0]
        if rgba[3] == 0:  # fully transparent: nothing drawn
            continue
        hexes.add(to_hex(rgba, keep_alpha=False).upper())
    return hexes


def _text_sizes(fig: Figure) -> dict[str, float]:
    fig.canvas.draw()
    sizes = {}
    for text in fig.findobj(matplotlib.text.Text):
        if text.get_visible() and text.get_text().strip():
            sizes[text.get_text()] = text.get_fontsize()
    return sizes


_CMAP_LUT = matplotlib.colormaps[style.SEQUENTIAL_CMAP](np.linspace(0.0, 1.0, 1024))[:, :3]


def _in_colour_map(hex_colour: str) -> bool:
    rgb = np.asarray(matplotlib.colors.to_rgb(hex_colour))
    return bool(np.min(np.max(np.abs(_CMAP_LUT - rgb), axis=1)) <= 1.5 / 255)


def _check(fig: Figure, where: str) -> None:
    stray = {c for c in _colours(fig) - style.ALLOWED_COLORS if not _in_colour_map(c)}
    assert not stray, f"{where} draws colours outside the book's palette and greys: {sorted(stray)}"
    assert to_hex(fig.get_facecolor()).upper() == style.WHITE, f"{where}: figure background is not white"
    small = {t: s for t, s in _text_sizes(fig).items() if s < MIN_PT}
    assert not small, f"{where} has text smaller than {MIN_PT} pt: {small}"


def _call(module_name: str, name: str, *first):
    module = importlib.import_module(f"calcify_lib.figures.{module_name}")
    function = getattr(module, name)
    sample = SAMPLE_ARGS.get((module_name, name))
    required = [p.name for p in list(inspect.signature(function).parameters.values())[len(first):]
                if p.default is inspect.Parameter.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    if required and sample is None:
        pytest.fail(f"{module_name}.{name} needs {required}: add sample arguments for it to SAMPLE_ARGS "
                    "in tests/test_style.py, so that the style test can draw it")
    args, kwargs = sample() if sample else ((), {})
    return function(*first, *args, **kwargs)


def test_the_figures_modules_have_drawing_functions_to_check():
    names = {(m, n) for m, n, _ in DRAWING}
    assert {("chemistry", "ca_p_plane"), ("suspects", "time_course_figure"),
            ("two_faces", "two_faces_explorer")} <= names


@pytest.mark.parametrize("module_name, name, kind", [d for d in DRAWING if d[2] in ("ax", "axes")],
                         ids=lambda v: v if isinstance(v, str) else None)
def test_every_drawing_function_draws_in_the_book_style_on_a_plain_figure(module_name, name, kind):
    """Even on axes from a plain plt.subplots, a figures function draws in the style."""
    if kind == "axes":
        fig, axes = plt.subplots(2, 2)
        target = axes.ravel()
    else:
        fig, target = plt.subplots()
    try:
        _call(module_name, name, target)
        _check(fig, f"{module_name}.{name}")
        drawn = [ax for ax in fig.axes if ax.axison]  # a schematic may hide its axes
        ticks = [t for ax in drawn for t in ax.get_xticklabels() + ax.get_yticklabels() if t.get_text()]
        assert {t.get_fontsize() for t in ticks} <= {style.SMALL_PT}
    finally:
        plt.close(fig)


@pytest.mark.parametrize("module_name, name", [d[:2] for d in DRAWING if d[2] == "figure"],
                         ids=lambda v: v)
def test_every_figure_is_the_book_width_and_style(module_name, name):
    fig = _call(module_name, name)
    try:
        assert fig.get_size_inches()[0] == pytest.approx(style.FIGURE_WIDTH_IN)
        _check(fig, f"{module_name}.{name}")
    finally:
        plt.close(fig)


@pytest.mark.parametrize("module_name, name", [d[:2] for d in DRAWING if d[2] == "explorer"],
                         ids=lambda v: v)
def test_every_explorer_picture_is_drawn_in_the_book_style(module_name, name, monkeypatch):
    """Each picture an explorer renders is checked as it is turned into a PNG."""
    module = importlib.import_module(f"calcify_lib.figures.{module_name}")
    checked = []
    original = explorer_module.figure_png

    def checking_png(fig, **kw):
        if len(checked) < 3:  # the pictures of one explorer come from one drawing code: three tell
            _check(fig, f"{module_name}.{name} picture {len(checked)}")
            # Explorer pictures are shown at most at their own size (max-width: 100 %): never wider
            # than the book's figures, so their text never shrinks more than a figure's does.
            assert fig.get_size_inches()[0] <= style.FIGURE_WIDTH_IN + 1e-9
        checked.append(fig)
        return original(fig, **kw)

    monkeypatch.setattr(explorer_module, "figure_png", checking_png)
    # A chapter that is a package draws in its submodules: patch each one that imported figure_png.
    parts = [module] + [importlib.import_module(f"{module.__name__}.{info.name}")
                        for info in pkgutil.iter_modules(getattr(module, "__path__", []))]
    for part in parts:
        if hasattr(part, "figure_png"):
            monkeypatch.setattr(part, "figure_png", checking_png)
    explorer = _call(module_name, name)
    # An explorer may draw its pictures lazily, view by view: render a few settings.
    views = [explorer.render(**setting) for setting in explorer.combinations()[:3]]
    assert checked, f"{module_name}.{name} drew no picture through calcify_lib.explorer.figure_png"
    for view in views:
        for mark in view.markers:
            assert mark.color.upper() in style.ALLOWED_COLORS, (name, mark.color)


def test_a_colour_outside_the_palette_is_caught():
    """The check above can fail: matplotlib's default blue is not the book's."""
    fig, ax = plt.subplots()
    try:
        ax.plot([0, 1], [0, 1], color="#1f77b4")
        with pytest.raises(AssertionError, match="1F77B4"):
            _check(fig, "a default figure")
    finally:
        plt.close(fig)
