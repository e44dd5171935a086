"""The usual suspects over time and over severity: time courses, and where a condition calcifies.

A scenario's labs over days to years (:func:`~calcify_lib.figures.suspects.time_course`,
:func:`~calcify_lib.figures.suspects.time_course_figure`,
:func:`~calcify_lib.figures.suspects.course_table`), and the calcium × phosphate product and
urinary calcium against severity, with the thresholds they are judged by
(:func:`~calcify_lib.figures.suspects.severity_figure`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ... import homeostasis, style
from ..._validation import Range, accepts
from ...cited import CitedConstant
from ...patients import LAB_REFERENCE_RANGES
from ...tables import Table
from ...units import CALCIUM_MOLAR_MASS_G_MOL
from .panel import TREATMENT_LABELS, _range, scenario_label

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "ONSET_DAYS_HIDDEN",
    "time_course",
    "time_course_figure",
    "COURSE_FIELDS",
    "course_table",
    "HYPERCALCIURIA_WOMEN_MG_DAY",
    "hypercalciuria_thresholds_mmol_day",
    "severity_figure",
]


#: Days after the model's abrupt onset that the chapter's time courses leave out.
#: The model switches a disease on overnight in a normal adult; its first days
#: are the answer to that impossible push (a PTH spike in primary
#: hyperparathyroidism, a fall of calcium in chronic kidney disease before the
#: glands answer), not the disease a patient has.
ONSET_DAYS_HIDDEN = 30.0


#: The longest course :func:`calcify_lib.homeostasis.simulate` computes, for the day arguments here.
_COURSE_DAYS = Range(0.0, 36_500.0, "days", kind="number")


def _window_start(trajectory: homeostasis.Trajectory, from_day: float) -> float:
    """``from_day`` if it leaves part of ``trajectory`` to draw; else a ValueError naming it."""
    if not from_day < trajectory.days:
        raise ValueError(f"from_day must be less than the course's {trajectory.days:g} days; "
                         f"got {from_day:g} days")
    return from_day


@accepts(from_day=_COURSE_DAYS)
@style.styled
def time_course(axes, trajectory: homeostasis.Trajectory, *, from_day: float = 0.0) -> None:
    """Four panels (total calcium, phosphate, PTH, calcitriol) against days, ranges shaded.

    ``axes`` is a sequence of four matplotlib axes.  The course is drawn in
    the colour of its condition (:func:`calcify_lib.style.color`), the
    reference ranges as grey bands; a dotted line marks the day treatment
    starts, when there is a treatment.  Only the days from ``from_day`` (0 to
    less than ``trajectory.days``) are drawn, and the y axes fit those days.
    """
    fields = (("total_ca_mg_dl", "total calcium (mg/dL)"), ("phosphate_mg_dl", "phosphate (mg/dL)"),
              ("pth_pg_ml", "PTH (pg/mL)"), ("calcitriol_pg_ml", "calcitriol (pg/mL)"))
    if len(axes) != len(fields):
        raise ValueError(f"axes must hold {len(fields)} axes; got {len(axes)}")
    start = _window_start(trajectory, from_day)
    shown = trajectory.time_days >= start
    t = trajectory.time_days[shown]
    course = style.line_kw("condition", trajectory.condition, with_label=False)
    course["linestyle"] = "-"  # one condition per figure: its colour names it, a solid line reads best
    for ax in axes:
        style.pin(ax)
    for ax, (field, label) in zip(axes, fields):
        low, high = _range(field)
        if low is not None and high is not None:
            ax.axhspan(low, high, color=style.color("reference", "reference_range"), lw=0,
                       label=style.label("reference", "reference_range"))
        values = getattr(trajectory, field)[shown]
        ax.plot(t, values, **course)
        if trajectory.treatments and trajectory.treatment_start_day >= start:
            ax.axvline(trajectory.treatment_start_day, color=style.color("event", "treatment_start"),
                       ls=style.linestyle("event", "treatment_start"), lw=1.2)
        ax.set_ylabel(label)
        ax.set_xlim(t[0], t[-1])
        top = max(float(np.max(values)), high or 0.0) * 1.15
        ax.set_ylim(0.0, top)
    for ax in axes[-2:]:
        ax.set_xlabel("days after onset")


#: Hypercalciuria in women; the men's limit is ``LAB_REFERENCE_RANGES["urine_ca_mmol_day"]``.
HYPERCALCIURIA_WOMEN_MG_DAY = CitedConstant(
    250.0, "mg/day", None, "walker2018primary",
    "Upper limit of normal urinary calcium in women, 250 mg/day; above it is hypercalciuria "
    "(men: 300 mg/day).",
    basis="guideline",
)


def _lower_first(label: str) -> str:
    return label[:1].lower() + label[1:]


@accepts(from_day=Range(0.0, 36_500.0, "days", kind="number", optional=True))
def time_course_figure(trajectory: homeostasis.Trajectory, *,
                       from_day: float | None = None) -> Figure:
    """The chapter's time-course figure: :func:`~calcify_lib.figures.suspects.time_course` on a 2 × 2 grid, onset left out.

    Parameters
    ----------
    trajectory : calcify_lib.homeostasis.Trajectory
        A course from :func:`calcify_lib.homeostasis.simulate`.
    from_day : float or None
        The first day drawn, 0 to less than ``trajectory.days``.  By default (``None``)
        :data:`~calcify_lib.figures.suspects.course.ONSET_DAYS_HIDDEN` (30 days) for a course
        longer than that, else 0 (the whole course): the model's disease starts overnight in a
        normal adult, and its first days (a spike of PTH, a fall of calcium before the glands
        answer) are the answer to that impossible onset, not the settled disease.  Pass 0 to see
        them.

    Returns
    -------
    matplotlib.figure.Figure
        A figure of the book's width (:data:`calcify_lib.style.FIGURE_WIDTH_IN`)
        and 4.8 inches high (constrained layout, shared day axis) with
        four axes: total calcium, phosphate, PTH and calcitriol against days
        after onset, from ``from_day`` on, adult reference ranges shaded grey,
        and a dotted line on the day treatment starts when there is one.

    Raises
    ------
    TypeError
        If ``trajectory`` is not a :class:`~calcify_lib.homeostasis.Trajectory`.
    ValueError
        If ``from_day`` is outside 0 to ``trajectory.days`` (exclusive).
    """
    if not isinstance(trajectory, homeostasis.Trajectory):
        raise TypeError(f"trajectory must be a calcify_lib.homeostasis.Trajectory; got {type(trajectory).__name__}")
    if from_day is None:
        from_day = ONSET_DAYS_HIDDEN if trajectory.days > ONSET_DAYS_HIDDEN else 0.0
    start = _window_start(trajectory, from_day)
    fig, axes = style.subplots(2, 2, height_in=4.8, sharex=True)
    time_course(axes.ravel(), trajectory, from_day=start)
    return fig


#: The columns :func:`~calcify_lib.figures.suspects.course_table` can show: (Trajectory field,
#: heading, format).
COURSE_FIELDS = {
    "total_ca_mg_dl": ("Ca (mg/dL)", "{:.1f}"),
    "phosphate_mg_dl": ("P (mg/dL)", "{:.1f}"),
    "pth_pg_ml": ("PTH (pg/mL)", "{:.0f}"),
    "calcitriol_pg_ml": ("calcitriol (pg/mL)", "{:.0f}"),
    "calcifediol_ng_ml": ("25-OH-D (ng/mL)", "{:.0f}"),
    "bone_ca_mmol_day": ("bone (mmol Ca/day)", "{:+.2f}"),
    "urine_ca_mmol_day": ("urine Ca (mmol/day)", "{:.1f}"),
}


@accepts(days=Range(0.0, 36_500.0, "days"))
def course_table(trajectory: homeostasis.Trajectory, days, fields=("total_ca_mg_dl", "phosphate_mg_dl",
                                                                   "pth_pg_ml")) -> Table:
    """Chosen labs of a simulated course on chosen days, counted from onset and from treatment.

    Parameters
    ----------
    trajectory : calcify_lib.homeostasis.Trajectory
        From :func:`calcify_lib.homeostasis.simulate`.
    days : sequence of float
        Days after onset, each 0 to ``trajectory.days``.  The labs are
        :meth:`~calcify_lib.homeostasis.Trajectory.labs_at` that day; the
        extra arrays (``calcifediol_ng_ml``, ``bone_ca_mmol_day``) are read
        from the stored course, linearly interpolated.
    fields : sequence of str
        Keys of :data:`~calcify_lib.figures.suspects.course.COURSE_FIELDS`.

    Returns
    -------
    calcify_lib.tables.Table
        One row per day: the day after onset, the day of treatment (when
        there is one) and the chosen labs.
    """
    if not isinstance(trajectory, homeostasis.Trajectory):
        raise TypeError(f"trajectory must be a calcify_lib.homeostasis.Trajectory; got {type(trajectory).__name__}")
    unknown = [f for f in fields if f not in COURSE_FIELDS]
    if unknown or not fields:
        raise ValueError(f"fields must be names from {', '.join(map(repr, COURSE_FIELDS))}; got {fields!r}")
    when = Range(0.0, trajectory.days, "days")
    treated = bool(trajectory.treatments)
    rows = []
    for day in np.atleast_1d(when.check("days", days)):
        day = float(day)
        labs = trajectory.labs_at(day).as_dict()
        cells = [f"{day:g}"]
        if treated:
            cells.append(f"{day - trajectory.treatment_start_day:g}")
        for field in fields:
            value = labs[field] if field in labs else float(np.interp(day, trajectory.time_days,
                                                                      getattr(trajectory, field)))
            cells.append(COURSE_FIELDS[field][1].format(value))
        rows.append(cells)
    treatment = " + ".join(TREATMENT_LABELS[t] for t in trajectory.treatments)
    caption = (f"{scenario_label(trajectory.condition, trajectory.treatments if treated else ())}, "
               f"severity {trajectory.severity:g}"
               + (f": {treatment} from day {trajectory.treatment_start_day:g}" if treated else "")
               + " (simulated course)")
    return Table.build(caption, ["day after onset"] + (["day of treatment"] if treated else [])
                       + [COURSE_FIELDS[f][0] for f in fields], rows)


def hypercalciuria_thresholds_mmol_day() -> tuple[float, float]:
    """The hypercalciuria thresholds (men, women), in mmol of calcium per day.

    Men: the upper limit of ``LAB_REFERENCE_RANGES["urine_ca_mmol_day"]`` (300 mg/day); women:
    :data:`~calcify_lib.figures.suspects.course.HYPERCALCIURIA_WOMEN_MG_DAY` divided by the
    molar mass of calcium, :data:`calcify_lib.units.CALCIUM_MOLAR_MASS_G_MOL`
    :cite:`walker2018primary`.
    """
    men = LAB_REFERENCE_RANGES["urine_ca_mmol_day"][1].value
    women = HYPERCALCIURIA_WOMEN_MG_DAY.value / CALCIUM_MOLAR_MASS_G_MOL.value
    return men, women


def severity_figure(condition: str, severities) -> Figure:
    """Blood and urine against severity, at steady state: where a condition calcifies.

    Left: the plasma calcium × phosphate product, against the KDOQI 2003 limit (dashed).  Right:
    daily urinary calcium, against the hypercalciuria thresholds of
    :func:`~calcify_lib.figures.suspects.hypercalciuria_thresholds_mmol_day` for men (dashed)
    and women (dotted).  Each point is :func:`calcify_lib.homeostasis.steady_state` of
    ``condition`` at one severity, untreated.

    Parameters
    ----------
    condition : str
        One of :data:`calcify_lib.homeostasis.CONDITIONS`.
    severities : sequence of float
        The severities to compute, each 0-2; at least two.

    Returns
    -------
    matplotlib.figure.Figure
        The book's width (:data:`calcify_lib.style.FIGURE_WIDTH_IN`) by 3.2
        inches, two axes sharing the severity axis, the curves in the colour
        of the condition.  The y axes
        run from 0 to 70 mg²/dL² and 0 to 9 mmol/day, or higher if the
        model's values need it.

    Raises
    ------
    ValueError
        If fewer than two severities are given, or from
        :func:`calcify_lib.homeostasis.steady_state` for an unknown
        condition or a severity outside 0-2.
    """
    values = np.asarray(severities, dtype=float)
    if values.ndim != 1 or values.size < 2:
        raise ValueError(f"severities must be a sequence of at least two severities in 0 to 2; got {severities!r}")
    labs = [homeostasis.steady_state(condition, float(s)) for s in values]
    product = [l.ca_x_p_mg2_dl2 for l in labs]
    urine_ca = [l.urine_ca_mmol_day for l in labs]
    limit = LAB_REFERENCE_RANGES["ca_x_p_mg2_dl2"][1].value
    men, women = hypercalciuria_thresholds_mmol_day()
    fig, (blood, urine) = style.subplots(1, 2, height_in=3.2, sharex=True)
    course = {"color": style.color("condition", condition), "lw": style.LINE_WIDTH}
    first = {"color": style.color("reference", "threshold"), "ls": style.linestyle("reference", "threshold"),
             "lw": 1.2}
    second = {"color": style.color("reference", "second_threshold"),
              "ls": style.linestyle("reference", "second_threshold"), "lw": 1.5}
    with style.context():
        blood.plot(values, product, **course)
        blood.axhline(limit, label="KDOQI 2003 limit", **first)
        blood.set_ylim(0.0, max(70.0, 1.1 * max(product)))
        blood.set_ylabel("plasma Ca × P (mg²/dL²)")
        blood.legend(loc="lower right")
        urine.plot(values, urine_ca, **course)
        urine.axhline(men, label="hypercalciuria, men", **first)
        urine.axhline(women, label="hypercalciuria, women", **second)
        urine.set_ylim(0.0, max(9.0, 1.1 * max(urine_ca)))
        urine.set_ylabel("urine calcium (mmol/day)")
        urine.legend(loc="lower right")
        fig.supxlabel(f"severity of {_lower_first(scenario_label(condition))}", fontsize=style.BASE_PT)
    return fig
