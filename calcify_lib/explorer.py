"""Interactive figures that work live in Jupyter and on a static web page.

An :class:`Explorer` is a figure with controls.  The author supplies the
controls, a :class:`Slider` for each quantity (a calcium concentration, a
severity) and a :class:`Choice` for each name (a condition, a treatment),
and a *render* function that turns one setting of the controls into a
:class:`View`: a picture, markers placed on it, alt text, and a readout.
All science happens in the render function, which lives in
:mod:`calcify_lib` like every other model.

Displayed in a notebook, an explorer offers two renderings of itself:

* ``application/vnd.jupyter.widget-view+json``: an ipywidgets panel that
  calls the render function whenever a control changes (Jupyter, Binder):
  a ``SelectionSlider`` for a slider, a ``Dropdown`` for a choice;
* ``text/html``: a self-contained panel with every view precomputed.  Its
  few lines of script only pick the precomputed view that matches the
  controls; they compute nothing.  It needs no kernel and no network, so
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
``aria-valuetext`` in words.  Every choice is a ``<fieldset>`` whose
``<legend>`` names it, holding one native ``<input type="radio">`` per
option, each inside its ``<label>`` (Tab reaches the group, the arrow keys
move within it, and screen readers announce "Condition, group, Sarcoidosis,
radio button, 4 of 6"); a choice with more than :data:`RADIO_LIMIT`
options is a labelled native ``<select>`` instead.  Every view carries alt
text, and the readout is an ARIA live region.  The panel is responsive:
below about 34rem of width (a phone) each control's label, control and
value stack, the picture scales to the panel, and long readouts wrap, so
range tracks keep a usable width and nothing overflows.  Range inputs,
radios and options are at least 24 CSS pixels high (WCAG 2.5.8).

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
from typing import Callable, Sequence, Union

__all__ = ["Slider", "Choice", "Control", "Marker", "View", "Explorer", "figure_png", "view_html", "RADIO_LIMIT"]

#: A choice with at most this many options is shown as radio buttons on the
#: static page; one with more, as a ``<select>`` (radios would fill a phone).
RADIO_LIMIT = 8


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
class Choice:
    """A categorical control of an explorer: pick one of a few named options.

    Use it for names (a condition, a treatment), and a :class:`Slider` for
    quantities: a slider suggests an order and a distance between settings
    that names do not have.

    Attributes
    ----------
    name
        The keyword argument the render function receives.
    label
        Visible label of the group (``"Condition"``).
    options
        ``(value, words)`` pairs, in display order.  ``value`` is the string
        the render function receives (``"chronic_kidney_disease"``);
        ``words`` is what the reader sees and hears
        (``"Chronic kidney disease"``).
    initial
        The starting value; must be one of the options' values.

    Raises
    ------
    ValueError
        If ``name`` is not an identifier, there are fewer than two options,
        the values repeat, or ``initial`` is not one of them.
    TypeError
        If an option is not a pair of strings.

    Examples
    --------
    >>> c = Choice("treatment", "Treatment", (("none", "none"), ("dialysis", "dialysis")), "none")
    >>> c.values, c.describe("dialysis")
    (('none', 'dialysis'), 'dialysis')
    """

    name: str
    label: str
    options: tuple[tuple[str, str], ...]
    initial: str

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.isidentifier():
            raise ValueError(f"name must be a Python identifier; got {self.name!r}")
        try:
            options = tuple(tuple(option) for option in self.options)
        except TypeError:
            raise TypeError(
                f"options of choice {self.name!r} must be a sequence of (value, words) pairs of strings; "
                f"got {self.options!r}"
            ) from None
        for option in options:
            if len(option) != 2 or not all(isinstance(part, str) for part in option):
                raise TypeError(
                    f"each option of choice {self.name!r} must be a (value, words) pair of strings; got {option!r}"
                )
        object.__setattr__(self, "options", options)
        values = self.values
        if len(values) < 2:
            raise ValueError(f"options of choice {self.name!r} must hold at least 2 options; got {options!r}")
        if len(set(values)) != len(values):
            raise ValueError(f"option values of choice {self.name!r} must be distinct; got {values!r}")
        if self.initial not in values:
            raise ValueError(
                f"initial of choice {self.name!r} must be one of its option values {values!r}; got {self.initial!r}"
            )

    @property
    def values(self) -> tuple[str, ...]:
        """The options' values, in display order."""
        return tuple(value for value, _ in self.options)

    @property
    def initial_index(self) -> int:
        return self.values.index(self.initial)

    def describe(self, value: str) -> str:
        """The words shown for ``value``."""
        return dict(self.options)[value]


#: A control of an explorer.
Control = Union[Slider, Choice]


@dataclass(frozen=True)
class Marker:
    """A point drawn over the picture.

    ``x`` and ``y`` are fractions of the picture's width and height,
    measured from its left and top edges; ``figure_fraction`` computes
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
.calcify-explorer{box-sizing:border-box;border:1px solid #c8c8c8;border-radius:6px;padding:.75rem;margin:1rem 0;max-width:44rem;min-width:0;overflow-wrap:anywhere}
.calcify-explorer *,.calcify-explorer *::before,.calcify-explorer *::after{box-sizing:border-box}
.calcify-explorer .cx-control{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .75rem;min-width:0;margin:.4rem 0;padding:0;border:0}
.calcify-explorer .cx-control>label,.calcify-explorer .cx-control>legend{flex:0 0 9rem;min-width:0;float:left;width:auto;margin:0;padding:0;font:inherit}
.calcify-explorer .cx-control input[type=range]{flex:1 1 12rem;min-width:min(12rem,100%);height:1.75rem;margin:0}
.calcify-explorer .cx-choice>legend{align-self:flex-start;padding-top:.25rem}
.calcify-explorer .cx-control output{flex:0 1 13rem;min-width:0}
.calcify-explorer .cx-control select{flex:1 1 10rem;min-width:0;max-width:100%;min-height:2rem;font:inherit}
.calcify-explorer .cx-options{display:flex;flex-wrap:wrap;gap:.35rem .5rem;flex:1 1 20rem;min-width:0}
.calcify-explorer .cx-option{display:inline-flex;align-items:center;gap:.4rem;min-height:2rem;max-width:100%;margin:0;padding:.15rem .65rem .15rem .45rem;border:1px solid #c8c8c8;border-radius:1rem;line-height:1.25;cursor:pointer}
.calcify-explorer .cx-option:has(input:checked){border-color:#1f77b4;box-shadow:inset 0 0 0 1px #1f77b4}
.calcify-explorer .cx-option input{flex:none;width:1.15rem;height:1.15rem;margin:0}
.calcify-explorer .cx-stage{position:relative;display:inline-block;max-width:100%;line-height:0}
.calcify-explorer .cx-stage img{display:block;max-width:100%;height:auto}
.calcify-explorer .cx-marker{position:absolute;width:14px;height:14px;margin:-7px 0 0 -7px;border-radius:50%;border:2px solid #fff;box-shadow:0 0 0 1px #000;pointer-events:none}
.calcify-explorer .cx-readout{margin-top:.5rem;line-height:1.5}
"""

_SCRIPT = """
(function () {
  var root = document.getElementById(%(id)s);
  if (!root || root.dataset.ready) { return; }
  root.dataset.ready = "1";
  var data = JSON.parse(root.querySelector("script.cx-data").textContent);
  var controls = root.querySelectorAll(".cx-control");
  var img = root.querySelector(".cx-stage img");
  function setting(control) {
    var field = control.querySelector("input[type=range], select");
    if (field) { return Number(field.value); }
    var checked = control.querySelector("input[type=radio]:checked");
    return checked ? Number(checked.value) : 0;
  }
  function current() {
    var index = 0;
    for (var i = 0; i < controls.length; i++) { index = index * data.sizes[i] + setting(controls[i]); }
    return index;
  }
  function show() {
    for (var i = 0; i < controls.length; i++) {
      var range = controls[i].querySelector("input[type=range]");
      if (range) {
        var words = data.words[i][setting(controls[i])];
        range.setAttribute("aria-valuetext", words);
        controls[i].querySelector("output").textContent = words;
      }
    }
    var frame = data.frames[current()];
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
  root.addEventListener("input", show);
  root.addEventListener("change", show);
  if (current() !== data.initial) { show(); }  /* the browser restored other settings */
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
    """A figure with controls, for live notebooks and static pages alike.

    Parameters
    ----------
    title
        A heading for the panel.
    description
        Words shown under the heading that hold for every view (what the
        axes are, what stays fixed).  The picture points to it with
        ``aria-describedby``, so per-view alt text can stay short.
    controls
        The controls, in display order: :class:`Slider` for quantities,
        :class:`Choice` for names, in any mix.
    render
        ``render(**{control.name: value, ...}) -> View``.  A slider's value
        arrives as its float, a choice's as its option's string value.  It
        must be a pure function of its arguments: the static page stores
        its result for every combination of settings.
    max_frames
        Refuse explorers with more combinations than this (page weight).
    sliders
        The former name of ``controls``, still accepted as a keyword.

    Notes
    -----
    The number of precomputed views is the product of the controls'
    numbers of settings; keep it in the hundreds.  Views are computed once,
    when the explorer is first displayed or exported.
    """

    def __init__(
        self,
        title: str,
        description: str,
        controls: Sequence[Control] | None = None,
        render: Callable[..., View] | None = None,
        *,
        max_frames: int = 1000,
        sliders: Sequence[Control] | None = None,
    ) -> None:
        if controls is not None and sliders is not None:
            raise TypeError("give the controls once: as controls (or positionally) or as sliders=, not both")
        controls = sliders if controls is None else controls
        if not controls:
            raise ValueError("controls must hold at least one Slider or Choice; got none")
        if render is None:
            raise TypeError("render must be a function of the controls' settings that returns a View; got None")
        for control in controls:
            if not isinstance(control, (Slider, Choice)):
                raise TypeError(f"each control must be a Slider or a Choice; got {control!r}")
        names = [c.name for c in controls]
        if len(set(names)) != len(names):
            raise ValueError(f"control names must be distinct; got {names!r}")
        count = 1
        for c in controls:
            count *= len(c.values)
        if count > max_frames:
            raise ValueError(
                f"the controls give {count} combinations; at most max_frames={max_frames} "
                "can be precomputed for the static page"
            )
        self.title = title
        self.description = description
        self.controls: tuple[Control, ...] = tuple(controls)
        self.render = render
        self._views: list[View] | None = None

    @property
    def sliders(self) -> tuple[Control, ...]:
        """The controls (sliders and choices), under their former name."""
        return self.controls

    # -- the precomputed views -------------------------------------------------
    def combinations(self) -> list[dict[str, float | str]]:
        """Every setting of the controls, in the static page's order (last control fastest)."""
        return [
            dict(zip((c.name for c in self.controls), values))
            for values in itertools.product(*(c.values for c in self.controls))
        ]

    def views(self) -> list[View]:
        """The view for every combination, computed once."""
        if self._views is None:
            self._views = [self.render(**setting) for setting in self.combinations()]
        return self._views

    def _index(self, setting: dict) -> int:
        index = 0
        for c in self.controls:
            if c.name not in setting:
                raise ValueError(f"missing control {c.name!r}; controls are {[x.name for x in self.controls]}")
            value = setting[c.name]
            if value not in c.values:
                if isinstance(c, Choice):
                    raise ValueError(f"{c.name} must be one of the choice's values {c.values!r}; got {value!r}")
                raise ValueError(
                    f"{c.name} must be one of the slider's values {c.values[0]!r}..{c.values[-1]!r}; got {value!r}"
                )
            index = index * len(c.values) + c.values.index(value)
        unknown = sorted(set(setting) - {c.name for c in self.controls})
        if unknown:
            raise ValueError(f"unknown control {unknown[0]!r}; controls are {[x.name for x in self.controls]}")
        return index

    def view_at(self, **setting: float | str) -> View:
        """The view for one setting (a slider's value must be one of its values, a choice's one of its options)."""
        return self.views()[self._index(setting)]

    @property
    def element_id(self) -> str:
        """A stable HTML id derived from the explorer's title and controls."""
        parts = []
        for c in self.controls:
            if isinstance(c, Choice):
                parts.append(["choice", c.name, c.label, [list(option) for option in c.options]])
            else:
                parts.append([c.name, c.label, list(c.values)])
        key = json.dumps([self.title, parts])
        return "cx-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]

    def _marker_slots(self) -> int:
        return max((len(v.markers) for v in self.views()), default=0)

    # -- static rendering ------------------------------------------------------
    @staticmethod
    def _slider_html(s: Slider, control_id: str) -> str:
        words = html.escape(s.describe(s.initial))
        return (
            '<div class="cx-control">'
            f'<label for="{control_id}">{html.escape(s.label)}</label>'
            f'<input class="cx-slider" type="range" id="{control_id}" min="0" '
            f'max="{len(s.values) - 1}" step="1" value="{s.initial_index}" '
            f'aria-valuetext="{words}">'
            f'<output id="{control_id}-out" for="{control_id}">{words}</output>'
            "</div>"
        )

    @staticmethod
    def _choice_html(c: Choice, control_id: str) -> str:
        if len(c.options) > RADIO_LIMIT:
            options = "".join(
                f'<option value="{k}"{" selected" if k == c.initial_index else ""}>{html.escape(words)}</option>'
                for k, (_, words) in enumerate(c.options)
            )
            return (
                '<div class="cx-control cx-choice">'
                f'<label for="{control_id}">{html.escape(c.label)}</label>'
                f'<select class="cx-select" id="{control_id}">{options}</select>'
                "</div>"
            )
        radios = "".join(
            f'<label class="cx-option"><input type="radio" name="{control_id}" id="{control_id}-{k}" '
            f'value="{k}"{" checked" if k == c.initial_index else ""}>{html.escape(words)}</label>'
            for k, (_, words) in enumerate(c.options)
        )
        return (
            f'<fieldset class="cx-control cx-choice" id="{control_id}">'
            f"<legend>{html.escape(c.label)}</legend>"
            f'<div class="cx-options">{radios}</div>'
            "</fieldset>"
        )

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
        initial = {c.name: c.initial for c in self.controls}
        data = {
            "sizes": [len(c.values) for c in self.controls],
            "words": [[c.describe(v) for v in c.values] if isinstance(c, Slider) else [] for c in self.controls],
            "initial": self._index(initial),
            "images": images,
            "frames": frames,
        }
        root = self.element_id
        first = self.view_at(**initial)
        controls = [
            (self._choice_html if isinstance(c, Choice) else self._slider_html)(c, f"{root}-{number}")
            for number, c in enumerate(self.controls)
        ]
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
        """An ipywidgets panel that calls the render function as the controls change.

        A :class:`Slider` becomes a ``SelectionSlider``, a :class:`Choice` a
        ``Dropdown``; both list the same settings as the static page.
        """
        import ipywidgets as widgets

        slots = self._marker_slots()
        controls = []
        for c in self.controls:
            common = dict(
                value=c.initial,
                description=c.label,
                style={"description_width": "9rem"},
                layout=widgets.Layout(width="100%", max_width="40rem"),
            )
            if isinstance(c, Choice):
                control = widgets.Dropdown(options=[(words, value) for value, words in c.options], **common)
            else:
                control = widgets.SelectionSlider(
                    options=[(c.describe(v), v) for v in c.values], continuous_update=False, **common
                )
            controls.append(control)
        display = widgets.HTML(
            value=self._live_html(self.render(**{c.name: c.initial for c in self.controls}), slots)
        )

        def update(_change=None) -> None:
            setting = {c.name: w.value for c, w in zip(self.controls, controls)}
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
        shape = " × ".join(f"{c.name} ({len(c.values)} settings)" for c in self.controls)
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
