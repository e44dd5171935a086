"""Self-check questions that give feedback on the static site, with no kernel and no network.

A :class:`MultipleChoice` or a :class:`NumericEntry` is a short question
whose every piece of feedback is written when the notebook runs: the
chapter's figures module builds it from the models (the right value, why
each wrong option is wrong, with the model's numbers), so the page never
computes any science.  Displayed in a notebook it offers, like
:class:`calcify_lib.explorer.Explorer`, two renderings:

* ``text/html``: a self-contained form whose few lines of script only show
  the precomputed feedback of the option chosen, or compare the number
  typed with the precomputed answer and its tolerance.  It needs no kernel
  and no network; the book's site shows it.  Without script, a
  ``<details>`` element still reveals the answer and its explanation.
* ``application/vnd.jupyter.widget-view+json`` (in a kernel): the same
  question as ipywidgets, for Jupyter and Binder.

Accessibility: a multiple-choice question is a ``<fieldset>`` whose
``<legend>`` is the question, with one native radio button per option, each
inside its ``<label>``; a numeric question is a labelled text input with
``inputmode="decimal"`` and the unit as visible text.  "Check" is a native
submit button, so Enter works from the input; the feedback appears in an
ARIA live region (``role="status"``) and starts with "Correct" or "Not
quite", so it never rests on colour.

Determinism: element ids derive from a hash of the question's content, so a
notebook executed twice stores byte-identical HTML (nbval compares it).
"""

from __future__ import annotations

import hashlib
import html
import json
import math
from dataclasses import dataclass
from typing import Union

__all__ = ["Option", "MultipleChoice", "NumericEntry", "SelfCheck", "MAX_OPTIONS"]

#: A multiple-choice question has 2 to this many options.
MAX_OPTIONS = 6

_STYLE = """
.calcify-selfcheck{box-sizing:border-box;border:1px solid #c8c8c8;border-left:4px solid #0072b2;border-radius:6px;padding:.75rem;margin:1rem 0;max-width:44rem;overflow-wrap:anywhere}
.calcify-selfcheck fieldset{border:0;margin:0;padding:0;min-width:0}
.calcify-selfcheck legend,.calcify-selfcheck .sc-question{font-weight:600;margin:0 0 .5rem;padding:0;float:none;width:auto}
.calcify-selfcheck .sc-kicker{display:block;font-size:.85em;font-weight:400;text-transform:uppercase;letter-spacing:.04em}
.calcify-selfcheck .sc-option{display:flex;align-items:flex-start;gap:.5rem;min-height:2rem;margin:.25rem 0;cursor:pointer}
.calcify-selfcheck .sc-option input{flex:none;width:1.15rem;height:1.15rem;margin:.2rem 0 0}
.calcify-selfcheck .sc-entry{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem}
.calcify-selfcheck .sc-entry input{min-height:2rem;width:8rem;font:inherit}
.calcify-selfcheck button{min-height:2rem;margin-top:.5rem;padding:.2rem .9rem;font:inherit;cursor:pointer}
.calcify-selfcheck .sc-feedback{margin:.5rem 0 0;line-height:1.5}
.calcify-selfcheck .sc-feedback:empty{display:none}
.calcify-selfcheck details{margin-top:.5rem}
.calcify-selfcheck summary{cursor:pointer;min-height:1.5rem}
"""

_SCRIPT = """
(function () {
  var root = document.getElementById(%(id)s);
  if (!root || root.dataset.ready) { return; }
  root.dataset.ready = "1";
  var data = JSON.parse(root.querySelector("script.sc-data").textContent);
  var form = root.querySelector("form");
  var out = root.querySelector(".sc-feedback");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (data.kind === "choice") {
      var chosen = form.querySelector("input[type=radio]:checked");
      out.innerHTML = chosen ? data.feedback[Number(chosen.value)] : data.empty;
      return;
    }
    var text = form.querySelector("input").value.trim().replace(",", ".");
    var value = text === "" ? NaN : Number(text);
    if (!isFinite(value)) { out.innerHTML = data.empty; return; }
    var key = value < data.low ? "low" : (value > data.high ? "high" : "right");
    out.innerHTML = data.feedback[key];
  });
})();
"""


def _text(value, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name}={value!r} is empty; accepted: a non-empty text")
    return value


def _finite(value, name: str, *, positive: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    if not math.isfinite(value) or (positive and value <= 0):
        accepted = "a finite number above 0" if positive else "a finite number"
        raise ValueError(f"{name}={value!r} is out of range; accepted: {accepted}")
    return float(value)


def _verdict(correct: bool, body: str) -> str:
    word = "Correct." if correct else "Not quite."
    return f"<strong>{word}</strong> {body}"


@dataclass(frozen=True)
class Option:
    """One option of a multiple-choice question, with the feedback its choice gets."""

    text: str
    correct: bool
    feedback: str

    def __post_init__(self) -> None:
        _text(self.text, "text")
        _text(self.feedback, "feedback")
        if not isinstance(self.correct, bool):
            raise TypeError(f"correct must be a bool, got {type(self.correct).__name__}")


class _Rendered:
    """What both question types share: ids, the HTML frame and the notebook display."""

    question: str
    explanation: str

    def _key(self) -> str:  # pragma: no cover - defined by each question type
        raise NotImplementedError

    @property
    def element_id(self) -> str:
        """A stable id from the question's content (deterministic HTML)."""
        return "sc-" + hashlib.sha256(self._key().encode("utf-8")).hexdigest()[:12]

    def _frame(self, form: str, data: dict, answer_html: str) -> str:
        root = self.element_id
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        return (
            f'<div class="calcify-selfcheck" id="{root}" role="group" aria-label="Check yourself">'
            f"<style>{_STYLE.strip()}</style>"
            f"<form>{form}<button type=\"submit\">Check</button></form>"
            f'<p class="sc-feedback" role="status" aria-live="polite"></p>'
            f"<details><summary>Show the answer</summary><p>{answer_html} "
            f"{html.escape(self.explanation)}</p></details>"
            f'<script type="application/json" class="sc-data">{payload}</script>'
            f"<script>{_SCRIPT % {'id': json.dumps(root)}}</script>"
            "</div>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundle = {"text/plain": repr(self), "text/html": self.to_html()}
        if _in_kernel():
            bundle.update(self.widget()._repr_mimebundle_())
            bundle["text/plain"] = repr(self)
            bundle["text/html"] = self.to_html()
        return bundle


@dataclass(frozen=True)
class MultipleChoice(_Rendered):
    """A question with 2 to :data:`MAX_OPTIONS` options, exactly one of them correct.

    Parameters
    ----------
    question
        The question, as plain text.
    options
        The options in the order shown, each with the feedback that choosing
        it gets (for a wrong option: why it is wrong, with the model's numbers).
    explanation
        Shown after every check and in the "Show the answer" fold.
    """

    question: str
    options: tuple[Option, ...]
    explanation: str

    def __post_init__(self) -> None:
        _text(self.question, "question")
        _text(self.explanation, "explanation")
        if not isinstance(self.options, tuple) or not all(isinstance(o, Option) for o in self.options):
            raise TypeError("options must be a tuple of Option")
        if not 2 <= len(self.options) <= MAX_OPTIONS:
            raise ValueError(f"options has {len(self.options)} entries; accepted: 2 to {MAX_OPTIONS}")
        right = sum(o.correct for o in self.options)
        if right != 1:
            raise ValueError(f"options has {right} correct entries; accepted: exactly 1")

    @property
    def answer(self) -> Option:
        return next(o for o in self.options if o.correct)

    def feedback(self, index: int) -> str:
        """The HTML feedback for choosing option ``index`` (0-based)."""
        if isinstance(index, bool) or not isinstance(index, int):
            raise TypeError(f"index must be an int, got {type(index).__name__}")
        if not 0 <= index < len(self.options):
            raise ValueError(f"index={index} is out of range; accepted: 0 to {len(self.options) - 1}")
        option = self.options[index]
        return _verdict(option.correct, f"{html.escape(option.feedback)} {html.escape(self.explanation)}")

    def _key(self) -> str:
        return json.dumps([self.question, [(o.text, o.correct, o.feedback) for o in self.options], self.explanation])

    def to_html(self) -> str:
        """The self-contained static question."""
        root = self.element_id
        radios = "".join(
            f'<label class="sc-option"><input type="radio" name="{root}-choice" value="{i}">'
            f"<span>{html.escape(o.text)}</span></label>"
            for i, o in enumerate(self.options)
        )
        form = (f'<fieldset><legend><span class="sc-kicker">Check yourself</span>'
                f"{html.escape(self.question)}</legend>{radios}</fieldset>")
        data = {
            "kind": "choice",
            "feedback": [self.feedback(i) for i in range(len(self.options))],
            "empty": "Choose an option first.",
        }
        return self._frame(form, data, f"<strong>{html.escape(self.answer.text)}.</strong>")

    def widget(self):
        """The same question as ipywidgets (a live notebook)."""
        import ipywidgets as widgets

        choice = widgets.RadioButtons(options=[(o.text, i) for i, o in enumerate(self.options)], value=None,
                                      layout=widgets.Layout(width="100%"))
        button = widgets.Button(description="Check")
        out = widgets.HTML()

        def check(_button=None) -> None:
            out.value = "Choose an option first." if choice.value is None else self.feedback(choice.value)

        button.on_click(check)
        title = widgets.HTML(value=f"<strong>Check yourself.</strong> {html.escape(self.question)}")
        return widgets.VBox([title, choice, button, out])

    def __repr__(self) -> str:
        return f"<MultipleChoice {self.question!r}: {len(self.options)} options>"


@dataclass(frozen=True)
class NumericEntry(_Rendered):
    """A question whose answer is a number, right within an absolute tolerance.

    Parameters
    ----------
    question
        The question, as plain text; say the unit and the precision expected.
    answer
        The right value, from the model.
    tolerance
        Absolute tolerance in the answer's unit, above 0: a value within
        ``answer ± tolerance`` is right.
    unit
        Shown beside the input ("" for a pure number).
    explanation
        Shown after every check and in the "Show the answer" fold.
    too_low, too_high
        Hints for a value below or above the accepted range (a common mistake).
    decimals
        Decimals of the answer as shown.
    """

    question: str
    answer: float
    tolerance: float
    unit: str
    explanation: str
    too_low: str
    too_high: str
    decimals: int = 2

    def __post_init__(self) -> None:
        _text(self.question, "question")
        _text(self.explanation, "explanation")
        _text(self.too_low, "too_low")
        _text(self.too_high, "too_high")
        if not isinstance(self.unit, str):
            raise TypeError(f"unit must be a str, got {type(self.unit).__name__}")
        _finite(self.answer, "answer")
        _finite(self.tolerance, "tolerance", positive=True)
        if isinstance(self.decimals, bool) or not isinstance(self.decimals, int):
            raise TypeError(f"decimals must be an int, got {type(self.decimals).__name__}")
        if not 0 <= self.decimals <= 6:
            raise ValueError(f"decimals={self.decimals} is out of range; accepted: 0 to 6")

    @property
    def shown_answer(self) -> str:
        return f"{self.answer:.{self.decimals}f}" + (f" {self.unit}" if self.unit else "")

    def verdict(self, value: float) -> str:
        """``"right"``, ``"low"`` or ``"high"`` for an entered value (what the page's script decides)."""
        value = _finite(value, "value")
        if value < self.answer - self.tolerance:
            return "low"
        if value > self.answer + self.tolerance:
            return "high"
        return "right"

    def feedback(self, verdict: str) -> str:
        """The HTML feedback for a verdict of :meth:`verdict`."""
        hints = {"low": self.too_low, "high": self.too_high}
        if verdict == "right":
            return _verdict(True, f"The model gives {html.escape(self.shown_answer)}. {html.escape(self.explanation)}")
        if verdict not in hints:
            raise ValueError(f"verdict={verdict!r} is not known; accepted: 'right', 'low', 'high'")
        return _verdict(False, f"That is too {verdict}. {html.escape(hints[verdict])}")

    def _key(self) -> str:
        return json.dumps([self.question, self.answer, self.tolerance, self.unit, self.explanation,
                           self.too_low, self.too_high, self.decimals])

    def to_html(self) -> str:
        """The self-contained static question."""
        root = self.element_id
        unit = f'<span aria-hidden="true">{html.escape(self.unit)}</span>' if self.unit else ""
        label_unit = f" ({html.escape(self.unit)})" if self.unit else ""
        form = (
            f'<p class="sc-question" id="{root}-q"><span class="sc-kicker">Check yourself</span>'
            f"{html.escape(self.question)}</p>"
            f'<div class="sc-entry"><label for="{root}-value">Your answer{label_unit}</label>'
            f'<input id="{root}-value" type="text" inputmode="decimal" autocomplete="off" '
            f'aria-describedby="{root}-q">{unit}</div>'
        )
        data = {
            "kind": "number",
            "low": round(self.answer - self.tolerance, 12),
            "high": round(self.answer + self.tolerance, 12),
            "feedback": {v: self.feedback(v) for v in ("low", "right", "high")},
            "empty": "Type a number first (a decimal point or comma is fine).",
        }
        return self._frame(form, data, f"<strong>{html.escape(self.shown_answer)}.</strong>")

    def widget(self):
        """The same question as ipywidgets (a live notebook)."""
        import ipywidgets as widgets

        entry = widgets.Text(placeholder=self.unit or "a number", description="Your answer")
        button = widgets.Button(description="Check")
        out = widgets.HTML()

        def check(_button=None) -> None:
            try:
                value = float(entry.value.strip().replace(",", "."))
                out.value = self.feedback(self.verdict(value))
            except (TypeError, ValueError):
                out.value = "Type a number first (a decimal point or comma is fine)."

        button.on_click(check)
        title = widgets.HTML(value=f"<strong>Check yourself.</strong> {html.escape(self.question)}")
        return widgets.VBox([title, entry, button, out])

    def __repr__(self) -> str:
        return f"<NumericEntry {self.question!r}>"


SelfCheck = Union[MultipleChoice, NumericEntry]


def _in_kernel() -> bool:
    """True inside a Jupyter kernel, where widgets can talk to a front end."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with ipykernel
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None
