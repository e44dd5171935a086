"""Interactive figures that work live in Jupyter and on a static web page.

An :class:`Explorer` is a figure with sliders.  The author supplies the
sliders (:class:`Slider`) and a *render* function that turns one setting of
the sliders into a :class:`View`: a picture, markers placed on it, alt
text, and a readout.  All science happens in the render function, which
lives in :mod:`calcify_lib` like every other model.

Displayed in a notebook, an explorer offers two renderings of itself:

* ``application/vnd.jupyter.widget-view+json``: an ipywidgets panel that
  calls the render function whenever a slider moves (Jupyter, Binder);
* ``text/html``: a self-contained panel with every view precomputed.  Its
  few lines of script only pick the precomputed view that matches the
  sliders; they compute nothing.  It needs no kernel and no network, so
  it is what the book's static site shows (the book's ``_config.yml``
  tells myst-nb to prefer it for HTML).

Both renderings produce the same HTML for a given view
(:func:`view_html`), so the live and static figures look alike.

Sliders are discrete: the static page can only hold views it has
precomputed, and the live panel uses the same values so that the two
agree exactly.  Identical pictures are stored once, so an explorer whose
picture does not change (only its markers move) costs one image.

Accessibility: every slider is a native ``<input type="range">`` with a
``<label>``, operable with the arrow, Home, End and Page keys, and with an
``aria-valuetext`` in words; every view carries alt text, and the readout
is an ARIA live region.

Determinism: element ids derive from a hash of the explorer's content,
floats are formatted by the caller, and PNGs carry no timestamp, so
executing a notebook twice gives byte-identical output.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import itertools
import json
from dataclasses import dataclass, field
from typing import Callable, Sequence

__all__ = ["Slider", "Marker", "View", "Explorer", "figure_png", "view_html"]


@dataclass(frozen=True)
class Slider:
    """One control of an explorer.

    Attributes
    ----------
    name
        The keyword argument the render function receives.
    label
        Visible label, with its unit (``"Calcium (mg/dL)"``).
    values
        The settings the slider steps through, in order.
    initial
        The starting setting; must be one of ``values``.
    describe
        Turns a value into the words shown beside the slider and read by
        screen readers (``"10.0 mg/dL (2.50 mmol/L)"``).
    """

    name: str
    label: str
    values: tuple[float, ...]
    initial: float
    describe: Callable[[float], str] = field(default=lambda value: f"{value:g}")

    def __post_init__(self) -> None:
        if not self.name.isidentifier():
            raise ValueError(f"name must be a Python identifier; got {self.name!r}")
        if len(self.values) < 2:
            raise ValueError(f"values of slider {self.name!r} must hold at least 2 settings; got {self.values!r}")
        if len(set(self.values)) != len(self.values):
            raise ValueError(f"values of slider {self.name!r} must be distinct; got {self.values!r}")
        if self.initial not in self.values:
            raise ValueError(
                f"initial of slider {self.name!r} must be one of its values "
                f"{self.values[0]!r}..{self.values[-1]!r}; got {self.initial!r}"
            )

    @property
    def initial_index(self) -> int:
        return self.values.index(self.initial)


@dataclass(frozen=True)
class Marker:
    """A point drawn over the picture.

    ``x`` and ``y`` are fractions of the picture's width and height,
    measured from its left and top edges; :func:`figure_fraction` computes
    them from data coordinates.
    """

    x: float
    y: float
    label: str
    color: str = "#d62728"

    def __post_init__(self) -> None:
        for name in ("x", "y"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"marker {name} must lie in 0 to 1 (fraction of the picture); got {value!r}")


@dataclass(frozen=True)
class View:
    """What the reader sees for one setting of the sliders.

    Attributes
    ----------
    png
        The picture, as PNG bytes (see :func:`figure_png`).
    alt
        Alt text describing the picture *and* what the markers show.
    readout_html
        A short HTML fragment with the numbers and the verdict.  It is
        inserted as HTML, so escape any text that is not markup.
    markers
        Points drawn over the picture.
    """

    png: bytes
    alt: str
    readout_html: str
    markers: tuple[Marker, ...] = ()


def figure_png(figure, *, dpi: int = 100, colors: int | None = 128) -> bytes:
    """PNG bytes of a matplotlib figure, free of timestamps and version strings.

    The figure keeps its size (no ``bbox_inches="tight"``), so positions
    computed from the figure's transforms stay valid in the picture.  With
    ``colors`` set, the picture is reduced to a palette of that many colours
    (median cut, no dithering), which makes line art three to four times
    smaller with no visible change; ``None`` keeps full colour.
    """
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    if colors is None:
        return buffer.getvalue()
    from PIL import Image

    buffer.seek(0)
    with Image.open(buffer) as image:
        palette = image.convert("RGB").quantize(
            colors=colors, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
    out = io.BytesIO()
    palette.save(out, format="PNG", optimize=True)
    return out.getvalue()


def figure_fraction(axes, x: float, y: float) -> tuple[float, float]:
    """Where data point (x, y) of ``axes`` falls in the saved picture.

    Returns fractions of the width from the left and of the height from
    the top, as :class:`Marker` expects.  The figure must have been drawn
    (``figure.canvas.draw()``) with its final layout.
    """
    display = axes.transData.transform((x, y))
    fx, fy = axes.figure.transFigure.inverted().transform(display)
    return float(fx), float(1.0 - fy)


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


_STYLE = """
.calcify-explorer{border:1px solid #c8c8c8;border-radius:6px;padding:.75rem;margin:1rem 0;max-width:44rem}
.calcify-explorer .cx-control{display:grid;grid-template-columns:11rem 1fr 13rem;gap:.5rem;align-items:center;margin:.25rem 0}
.calcify-explorer .cx-control input{width:100%}
.calcify-explorer .cx-stage{position:relative;display:inline-block;max-width:100%;line-height:0}
.calcify-explorer .cx-stage img{max-width:100%;height:auto}
.calcify-explorer .cx-marker{position:absolute;width:14px;height:14px;margin:-7px 0 0 -7px;border-radius:50%;border:2px solid #fff;box-shadow:0 0 0 1px #000;pointer-events:none}
.calcify-explorer .cx-readout{margin-top:.5rem;line-height:1.5}
"""

_SCRIPT = """
(function () {
  var root = document.getElementById(%(id)s);
  if (!root || root.dataset.ready) { return; }
  root.dataset.ready = "1";
  var data = JSON.parse(root.querySelector("script.cx-data").textContent);
  var inputs = root.querySelectorAll("input.cx-slider");
  var img = root.querySelector(".cx-stage img");
  function show() {
    var index = 0;
    for (var i = 0; i < inputs.length; i++) {
      var k = Number(inputs[i].value);
      index = index * data.sizes[i] + k;
      inputs[i].setAttribute("aria-valuetext", data.words[i][k]);
      root.querySelector("#" + inputs[i].id + "-out").textContent = data.words[i][k];
    }
    var frame = data.frames[index];
    img.src = data.images[frame.image];
    img.alt = frame.alt;
    var marks = root.querySelectorAll(".cx-marker");
    for (var m = 0; m < marks.length; m++) {
      var mark = frame.markers[m];
      marks[m].style.display = mark ? "block" : "none";
      if (mark) {
        marks[m].style.left = (100 * mark[0]) + "%%";
        marks[m].style.top = (100 * mark[1]) + "%%";
        marks[m].title = mark[2];
        marks[m].style.background = mark[3];
      }
    }
    root.querySelector(".cx-readout").innerHTML = frame.readout;
  }
  for (var i = 0; i < inputs.length; i++) { inputs[i].addEventListener("input", show); }
})();
"""


def _marker_spans(markers: Sequence[Marker], count: int) -> str:
    spans = []
    for index in range(count):
        if index < len(markers):
            m = markers[index]
            style = f"left:{100 * m.x:.3f}%;top:{100 * m.y:.3f}%;background:{m.color}"
            spans.append(
                f'<span class="cx-marker" aria-hidden="true" title="{html.escape(m.label)}" style="{style}"></span>'
            )
        else:
            spans.append('<span class="cx-marker" aria-hidden="true" style="display:none"></span>')
    return "".join(spans)


def view_html(view: View, *, marker_slots: int | None = None, described_by: str | None = None) -> str:
    """The figure and readout of one view, as an HTML fragment."""
    slots = len(view.markers) if marker_slots is None else marker_slots
    describe = f' aria-describedby="{described_by}"' if described_by else ""
    return (
        '<div class="cx-stage">'
        f'<img src="{_data_uri(view.png)}" alt="{html.escape(view.alt)}"{describe}>'
        f"{_marker_spans(view.markers, slots)}"
        "</div>"
        f'<div class="cx-readout" aria-live="polite">{view.readout_html}</div>'
    )


class Explorer:
    """A figure with sliders, for live notebooks and static pages alike.

    Parameters
    ----------
    title
        A heading for the panel.
    description
        Words shown under the heading that hold for every view (what the
        axes are, what stays fixed).  The picture points to it with
        ``aria-describedby``, so per-view alt text can stay short.
    sliders
        The controls, in display order.
    render
        ``render(**{slider.name: value, ...}) -> View``.  It must be a pure
        function of its arguments: the static page stores its result for
        every combination of slider values.
    max_frames
        Refuse explorers with more combinations than this (page weight).

    Notes
    -----
    The number of precomputed views is the product of the sliders' lengths;
    keep it in the hundreds.  Views are computed once, when the explorer
    is first displayed or exported.
    """

    def __init__(
        self,
        title: str,
        description: str,
        sliders: Sequence[Slider],
        render: Callable[..., View],
        *,
        max_frames: int = 1000,
    ) -> None:
        if not sliders:
            raise ValueError("sliders must hold at least one Slider; got none")
        names = [s.name for s in sliders]
        if len(set(names)) != len(names):
            raise ValueError(f"slider names must be distinct; got {names!r}")
        count = 1
        for s in sliders:
            count *= len(s.values)
        if count > max_frames:
            raise ValueError(
                f"the sliders give {count} combinations; at most max_frames={max_frames} "
                "can be precomputed for the static page"
            )
        self.title = title
        self.description = description
        self.sliders = tuple(sliders)
        self.render = render
        self._views: list[View] | None = None

    # -- the precomputed views -------------------------------------------------
    def combinations(self) -> list[dict[str, float]]:
        """Every setting of the sliders, in the static page's order (last slider fastest)."""
        return [
            dict(zip((s.name for s in self.sliders), values))
            for values in itertools.product(*(s.values for s in self.sliders))
        ]

    def views(self) -> list[View]:
        """The view for every combination, computed once."""
        if self._views is None:
            self._views = [self.render(**setting) for setting in self.combinations()]
        return self._views

    def view_at(self, **setting: float) -> View:
        """The view for one setting (each value must be one of its slider's values)."""
        index = 0
        for s in self.sliders:
            if s.name not in setting:
                raise ValueError(f"missing slider {s.name!r}; sliders are {[x.name for x in self.sliders]}")
            value = setting[s.name]
            if value not in s.values:
                raise ValueError(
                    f"{s.name} must be one of the slider's values {s.values[0]!r}..{s.values[-1]!r}; got {value!r}"
                )
            index = index * len(s.values) + s.values.index(value)
        return self.views()[index]

    @property
    def element_id(self) -> str:
        """A stable HTML id derived from the explorer's title and sliders."""
        key = json.dumps([self.title, [[s.name, s.label, list(s.values)] for s in self.sliders]])
        return "cx-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]

    def _marker_slots(self) -> int:
        return max((len(v.markers) for v in self.views()), default=0)

    # -- static rendering ------------------------------------------------------
    def to_html(self) -> str:
        """The self-contained static panel: controls, figure, readout, data and script."""
        views = self.views()
        images: list[str] = []
        image_index: dict[bytes, int] = {}
        frames = []
        for view in views:
            if view.png not in image_index:
                image_index[view.png] = len(images)
                images.append(_data_uri(view.png))
            frames.append(
                {
                    "image": image_index[view.png],
                    "alt": view.alt,
                    "readout": view.readout_html,
                    "markers": [[round(m.x, 5), round(m.y, 5), m.label, m.color] for m in view.markers],
                }
            )
        data = {
            "sizes": [len(s.values) for s in self.sliders],
            "words": [[s.describe(v) for v in s.values] for s in self.sliders],
            "images": images,
            "frames": frames,
        }
        root = self.element_id
        initial = {s.name: s.initial for s in self.sliders}
        first = self.view_at(**initial)
        controls = []
        for number, s in enumerate(self.sliders):
            control_id = f"{root}-{number}"
            words = s.describe(s.initial)
            controls.append(
                '<div class="cx-control">'
                f'<label for="{control_id}">{html.escape(s.label)}</label>'
                f'<input class="cx-slider" type="range" id="{control_id}" min="0" '
                f'max="{len(s.values) - 1}" step="1" value="{s.initial_index}" '
                f'aria-valuetext="{html.escape(words)}">'
                f'<output id="{control_id}-out" for="{control_id}">{html.escape(words)}</output>'
                "</div>"
            )
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        return (
            f'<div class="calcify-explorer" id="{root}" role="group" '
            f'aria-label="{html.escape(self.title)}">'
            f"<style>{_STYLE.strip()}</style>"
            f'<p class="cx-title"><strong>{html.escape(self.title)}</strong></p>'
            f'<p class="cx-description" id="{root}-description">{html.escape(self.description)}</p>'
            + "".join(controls)
            + view_html(first, marker_slots=self._marker_slots(), described_by=f"{root}-description")
            + f'<script type="application/json" class="cx-data">{payload}</script>'
            + f"<script>{_SCRIPT % {'id': json.dumps(root)}}</script>"
            + "</div>"
        )

    # -- live rendering --------------------------------------------------------
    def widget(self):
        """An ipywidgets panel that calls the render function as sliders move."""
        import ipywidgets as widgets

        slots = self._marker_slots()
        controls = []
        for s in self.sliders:
            control = widgets.SelectionSlider(
                options=[(s.describe(v), v) for v in s.values],
                value=s.initial,
                description=s.label,
                continuous_update=False,
                style={"description_width": "11rem"},
                layout=widgets.Layout(width="40rem"),
            )
            controls.append(control)
        display = widgets.HTML(
            value=self._live_html(self.render(**{s.name: s.initial for s in self.sliders}), slots)
        )

        def update(_change=None) -> None:
            setting = {s.name: c.value for s, c in zip(self.sliders, controls)}
            display.value = self._live_html(self.render(**setting), slots)

        for control in controls:
            control.observe(update, names="value")
        title = widgets.HTML(
            value=f"<strong>{html.escape(self.title)}</strong><br>{html.escape(self.description)}"
        )
        return widgets.VBox([title, *controls, display])

    def _live_html(self, view: View, slots: int) -> str:
        return (
            f'<div class="calcify-explorer"><style>{_STYLE.strip()}</style>'
            f"{view_html(view, marker_slots=slots)}</div>"
        )

    def __repr__(self) -> str:
        shape = " × ".join(f"{s.name} ({len(s.values)} settings)" for s in self.sliders)
        return f"<Explorer {self.title!r}: {shape}>"

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundle = {"text/plain": repr(self), "text/html": self.to_html()}
        if _in_kernel():
            view = self.widget()
            bundle.update(view._repr_mimebundle_())
            bundle["text/plain"] = repr(self)
            bundle["text/html"] = self.to_html()
        return bundle


def _in_kernel() -> bool:
    """True inside a Jupyter kernel, where widgets can talk to a front end."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with ipykernel
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None
