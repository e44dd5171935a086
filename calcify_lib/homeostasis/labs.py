"""What the model reports: :func:`~calcify_lib.homeostasis.steady_state` and :func:`~calcify_lib.homeostasis.simulate`, and the labs they return.

:func:`~calcify_lib.homeostasis.steady_state` returns :class:`~calcify_lib.homeostasis.Labs`;
:func:`~calcify_lib.homeostasis.simulate` returns a :class:`~calcify_lib.homeostasis.Trajectory`
(arrays of the same labs, :meth:`~calcify_lib.homeostasis.Trajectory.labs_at`,
:meth:`~calcify_lib.homeostasis.Trajectory.mass_balance`, which returns a
:class:`~calcify_lib.homeostasis.MassBalance`).
Ionized calcium and the saturation index of hydroxyapatite come from
:mod:`calcify_lib.chemistry` in the model's serum (:mod:`~calcify_lib.homeostasis.serum`); PTH and
calcitriol are converted to the units of the clinical laboratory.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .._validation import Range, accepts
from ..precipitation import ca_x_p_mg2_dl2
from ..units import ca_mmol_l_to_mg_dl, phosphate_mmol_l_to_mg_dl
from . import kidney, model, parathyroid, serum, vitamin_d
from .conditions import SEVERITY, TREATMENTS, build_parameters, check_condition, check_treatments
from .model import State
from .parameters import Parameters

__all__ = ["Labs", "Trajectory", "MassBalance", "steady_state", "simulate"]

_MAX_DAYS = 36_500.0
_POINTS_PER_DAY = 4.0
_MAX_POINTS = 4001
_TIME_RESOLUTION_DAYS = 1e-6  # shorter intervals are not integrated (about 0.1 s)


@dataclass(frozen=True)
class Labs:
    """The laboratory picture at one moment.

    Attributes
    ----------
    total_ca_mg_dl : float
        Total serum calcium.
    ionized_ca_mmol_l : float
        Free Ca²⁺ from :func:`calcify_lib.chemistry.speciate` (serum at pH 7.4).
    phosphate_mg_dl : float
        Serum phosphate, as phosphorus.
    pth_pg_ml : float
        Intact PTH.
    calcitriol_pg_ml : float
        1,25-dihydroxyvitamin D.
    fgf23_relative : float
        FGF23 relative to the normal adult (1).
    ca_x_p_mg2_dl2 : float
        The clinical calcium × phosphate product.
    si_hydroxyapatite : float
        Saturation index of hydroxyapatite (per Ca₅(PO₄)₃OH) in serum.
    urine_ca_mmol_day, urine_phosphate_mmol_day : float
        Daily urinary excretion.
    """

    total_ca_mg_dl: float
    ionized_ca_mmol_l: float
    phosphate_mg_dl: float
    pth_pg_ml: float
    calcitriol_pg_ml: float
    fgf23_relative: float
    ca_x_p_mg2_dl2: float
    si_hydroxyapatite: float
    urine_ca_mmol_day: float
    urine_phosphate_mmol_day: float

    def as_dict(self) -> dict[str, float]:
        """The labs keyed by field name."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class MassBalance:
    """Cumulative flows of calcium or phosphate over a simulation, in mmol.

    :attr:`residual_mmol` is intake − urine − faeces − dialysis − (change
    in the ECF) − (change in bone); zero when mass is conserved.  Dialysis
    is negative for a net gain from the dialysate.
    """

    element: str
    intake_mmol: float
    urine_mmol: float
    faeces_mmol: float
    dialysis_mmol: float
    ecf_change_mmol: float
    bone_change_mmol: float

    @property
    def residual_mmol(self) -> float:
        """What the balance fails to account for, in mmol."""
        return (self.intake_mmol - self.urine_mmol - self.faeces_mmol - self.dialysis_mmol
                - self.ecf_change_mmol - self.bone_change_mmol)


@dataclass(frozen=True, eq=False)
class Trajectory:
    """The course of the labs over a simulation, from :func:`simulate`.

    ``time_days`` holds about four points a day (at most 4001 points, and
    always the day treatment starts); every other array has one value per
    time.  The lab arrays carry the names and units of :class:`Labs`.
    Extra arrays: ``calcifediol_ng_ml`` (25-OH-D), ``gfr_ml_min`` (after
    any fall caused by hypercalcaemia) and ``bone_ca_mmol_day`` (net
    calcium deposited in bone; negative is loss).  The arrays are read-only.
    """

    condition: str
    severity: float
    treatments: tuple[str, ...]
    treatment_start_day: float
    days: float
    time_days: np.ndarray
    total_ca_mg_dl: np.ndarray
    ionized_ca_mmol_l: np.ndarray
    phosphate_mg_dl: np.ndarray
    pth_pg_ml: np.ndarray
    calcitriol_pg_ml: np.ndarray
    fgf23_relative: np.ndarray
    ca_x_p_mg2_dl2: np.ndarray
    si_hydroxyapatite: np.ndarray
    urine_ca_mmol_day: np.ndarray
    urine_phosphate_mmol_day: np.ndarray
    calcifediol_ng_ml: np.ndarray
    gfr_ml_min: np.ndarray
    bone_ca_mmol_day: np.ndarray
    _states: np.ndarray
    _before: Parameters
    _after: Parameters

    def _model_at(self, day: float) -> Parameters:
        return self._after if day >= self.treatment_start_day else self._before

    @accepts(day=Range(0.0, "self.days", "days", kind="number"))
    def labs_at(self, day: float) -> Labs:
        """The labs on ``day`` (0 to ``days``), integrated to that exact time.

        On the day treatment starts the treatment is already acting.
        """
        t = day
        i = int(np.searchsorted(self.time_days, t, side="right")) - 1
        i = min(max(i, 0), len(self.time_days) - 1)
        t0 = float(self.time_days[i])
        y = self._states[i]
        if t - t0 > _TIME_RESOLUTION_DAYS:
            y = model.integrate(y, np.array([t0, t]), self._model_at(t0))[-1]
        return _labs_from_state(y, self._model_at(t))

    def mass_balance(self, element: str = "Ca") -> MassBalance:
        """Cumulative flows of ``'Ca'`` or ``'P'`` from day 0 to the end of the simulation."""
        if element not in ("Ca", "P"):
            raise ValueError(f"element must be one of 'Ca', 'P'; got {element!r}")
        k = 0 if element == "Ca" else 1
        delta = self._states[-1] - self._states[0]
        return MassBalance(
            element=element,
            intake_mmol=float(delta[model.INTAKE_CUM + k]),
            urine_mmol=float(delta[model.URINE_CUM + k]),
            faeces_mmol=float(delta[model.FAECES_CUM + k]),
            dialysis_mmol=float(delta[model.DIALYSIS_CUM + k]),
            ecf_change_mmol=float(delta[model.CA + k]),
            bone_change_mmol=float(delta[model.BONE_CUM + k]),
        )


def _labs_from_state(y: np.ndarray, m: Parameters) -> Labs:
    c = float(y[model.CA]) / m.volume_l
    p = float(y[model.PI]) / m.volume_l
    fi, fuf = serum.serum_table().fractions(c, p)
    state = State(*(float(v) for v in y[:model.N_STATES]))
    f = model.fluxes(state, model.signals(state, fi, fuf, m), m)
    speciated = serum.speciation(c, p)
    ca_mg_dl = float(ca_mmol_l_to_mg_dl(c))
    p_mg_dl = float(phosphate_mmol_l_to_mg_dl(p))
    return Labs(
        total_ca_mg_dl=ca_mg_dl,
        ionized_ca_mmol_l=float(speciated.free_ca_mmol_l),
        phosphate_mg_dl=p_mg_dl,
        pth_pg_ml=float(f.pth_pmol_l) * parathyroid.PTH_PG_ML_PER_PMOL_L.value,
        calcitriol_pg_ml=float(y[model.D]) * vitamin_d.CALCITRIOL_MOLAR_MASS_G_MOL.value / 1000.0,
        fgf23_relative=float(y[model.F]),
        ca_x_p_mg2_dl2=float(ca_x_p_mg2_dl2(ca_mg_dl, p_mg_dl)),
        si_hydroxyapatite=float(speciated.saturation_index("hydroxyapatite")),
        urine_ca_mmol_day=float(f.urine_ca_mmol_day),
        urine_phosphate_mmol_day=float(f.urine_phosphate_mmol_day),
    )


@accepts(severity=SEVERITY)
def steady_state(condition: str, severity: float = 1.0, treatments=()) -> Labs:
    """The labs once the body has settled with ``condition`` at ``severity`` under ``treatments``.

    Solves for the fixed point of the model (every time derivative zero but
    the skeleton's slow gain or loss) with :func:`scipy.optimize.root`,
    starting from the normal state; deterministic.

    Parameters
    ----------
    condition : str
        One of :data:`CONDITIONS`.
    severity : float
        0 (normal) to 2 (severe); 1 is a typical presentation.  See
        :mod:`calcify_lib.homeostasis.conditions`, or :func:`severity_lever`,
        for what it scales.
    treatments : sequence of str
        Names from :data:`TREATMENTS`, in any order (a single name is
        accepted too).

    Returns
    -------
    Labs

    Raises
    ------
    ValueError, TypeError
        For an unknown condition or treatment, or a severity that is not a
        finite number in 0-2; the message lists the valid choices or range.

    Examples
    --------
    >>> labs = steady_state("normal")
    >>> round(labs.total_ca_mg_dl, 1), round(labs.phosphate_mg_dl, 1), round(labs.pth_pg_ml)
    (9.4, 3.7, 36)
    >>> round(steady_state("primary_hyperparathyroidism").total_ca_mg_dl, 1)
    11.2
    """
    condition = check_condition(condition)
    s = severity
    chosen = check_treatments(treatments)
    y, m = model.steady_vector(condition, s, chosen)
    return _labs_from_state(y, m)


@accepts(severity=SEVERITY, days=Range(0.0, _MAX_DAYS, "days", kind="number", low_inclusive=False),
         treatment_start_day=Range(0.0, "days", "days", kind="number"))
def simulate(condition: str, severity: float = 1.0, days: float = 365.0, treatments=(),
             treatment_start_day: float = 0.0) -> Trajectory:
    """The course of the labs from the onset of ``condition`` in a normal adult.

    The disease starts on day 0 from the normal steady state; the
    ``treatments`` start on ``treatment_start_day`` (0: from the onset).
    Integrated with LSODA (:func:`scipy.integrate.odeint`), which switches
    to a stiff (BDF) method when the fast hormones need it.

    Parameters
    ----------
    condition, severity, treatments
        As for :func:`steady_state`.
    days : float
        Length of the simulation: more than 0, at most 36,500 days.
    treatment_start_day : float
        0 to ``days``.

    Returns
    -------
    Trajectory
        Times and the labs as arrays; :meth:`Trajectory.labs_at` gives
        :class:`Labs` on any day, :meth:`Trajectory.mass_balance` the flows.

    Examples
    --------
    >>> course = simulate("vitamin_d_intoxication", days=730, treatments=("stop_vitamin_d",),
    ...                   treatment_start_day=365)
    >>> [round(course.labs_at(day).total_ca_mg_dl, 1) for day in (365, 395, 545, 730)]
    [12.0, 11.3, 10.0, 9.5]
    """
    condition = check_condition(condition)
    s = severity
    chosen = check_treatments(treatments)
    span = days
    start = treatment_start_day
    if start <= _TIME_RESOLUTION_DAYS:
        start = 0.0
    elif span - start <= _TIME_RESOLUTION_DAYS:
        start = span
    before = build_parameters(condition, s, frozenset())
    after = build_parameters(condition, s, chosen)
    n = int(min(max(math.ceil(span * _POINTS_PER_DAY), 2) + 1, _MAX_POINTS))
    times = np.linspace(0.0, span, n)
    y0 = model.normal_state()
    if chosen and 0.0 < start < span:
        times = np.union1d(times[np.abs(times - start) > _TIME_RESOLUTION_DAYS], [start])
        first = model.integrate(y0, times[times <= start], before)
        switch = first[-1].copy()
        if "parathyroidectomy" in chosen:  # hyperplastic glands are taken out with the adenoma
            switch[model.GLAND] = min(switch[model.GLAND], 1.0)
        second = model.integrate(switch, times[times >= start], after)
        states = np.vstack([first, second[1:]])
    else:
        states = model.integrate(y0, times, after if start == 0.0 else before)
    return _trajectory(condition, s, tuple(t for t in TREATMENTS if t in chosen), start, span,
                       times, states, before, after)


def _trajectory(condition, severity, treatments, start, span, times, states, before, after) -> Trajectory:
    treated = times >= start
    c = states[:, model.CA] / before.volume_l
    p = states[:, model.PI] / before.volume_l
    fi, fuf = serum.serum_table().fractions_array(c, p)
    flows = {name: np.empty(len(times)) for name in ("urine_ca_mmol_day", "urine_phosphate_mmol_day",
                                                     "bone_ca_mmol_day", "pth_pmol_l", "gfr_l_day")}
    for parameters, mask in ((before, ~treated), (after, treated)):
        if mask.any():
            state = State(*(states[mask, k] for k in range(model.N_STATES)))
            f = model.fluxes(state, model.signals(state, fi[mask], fuf[mask], parameters), parameters)
            for name, array in flows.items():
                array[mask] = getattr(f, name)
    speciated = serum.speciation_grid(c, p)
    ca_mg_dl = np.asarray(ca_mmol_l_to_mg_dl(c))
    p_mg_dl = np.asarray(phosphate_mmol_l_to_mg_dl(p))
    arrays = {
        "total_ca_mg_dl": ca_mg_dl,
        "ionized_ca_mmol_l": np.asarray(speciated.free_ca_mmol_l),
        "phosphate_mg_dl": p_mg_dl,
        "pth_pg_ml": flows["pth_pmol_l"] * parathyroid.PTH_PG_ML_PER_PMOL_L.value,
        "calcitriol_pg_ml": states[:, model.D] * vitamin_d.CALCITRIOL_MOLAR_MASS_G_MOL.value / 1000.0,
        "fgf23_relative": states[:, model.F].copy(),
        "ca_x_p_mg2_dl2": np.asarray(ca_x_p_mg2_dl2(ca_mg_dl, p_mg_dl)),
        "si_hydroxyapatite": np.asarray(speciated.saturation_index("hydroxyapatite")),
        "urine_ca_mmol_day": flows["urine_ca_mmol_day"],
        "urine_phosphate_mmol_day": flows["urine_phosphate_mmol_day"],
        "calcifediol_ng_ml": before.s0 + states[:, model.X],
        "gfr_ml_min": flows["gfr_l_day"] / kidney.GFR_L_DAY_PER_ML_MIN,
        "bone_ca_mmol_day": flows["bone_ca_mmol_day"],
        "time_days": np.asarray(times, dtype=float),
        "_states": states,
    }
    for array in arrays.values():
        array.setflags(write=False)
    return Trajectory(condition=condition, severity=severity, treatments=treatments,
                      treatment_start_day=start, days=span, _before=before, _after=after, **arrays)
