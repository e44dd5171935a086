"""The state of the body, the right-hand side of the differential equations, and how they are solved.

States and equations
--------------------
Time in days, amounts in mmol, concentrations in mmol/L unless a name says
otherwise.  The states (:class:`State`) are ECF calcium and phosphate;
calcitriol D (pmol/L); FGF23 F (relative); osteoclastic and osteoblastic
activity O_c, O_b (relative); the secretory mass of the normal parathyroid
glands G (relative); the excess X of 25-hydroxyvitamin D over normal
(ng/mL); and the antiresorptive effect R of a bisphosphonate (1 without
one).  Ten more states integrate the flows (bone, intake, urine, faeces,
dialysis, for calcium and for phosphate) so that
:meth:`~calcify_lib.homeostasis.Trajectory.mass_balance` can check that
intake = excretion + change in the pools.

From a state, :func:`signals` computes what every organ senses (the calcium and phosphate
concentrations, ionized calcium, vitamin D receptor activity and PTH); :func:`fluxes` adds up
what each organ moves, one function per process (:mod:`~calcify_lib.homeostasis.gut`,
:mod:`~calcify_lib.homeostasis.bone`, :mod:`~calcify_lib.homeostasis.kidney`); and
:func:`derivatives` gives the time derivative of every state:

.. math::

    \\frac{d\\,\\mathrm{Ca}}{dt} = J_{gut} - J_{urine} - J_{dialysis} - J_{bone},\\qquad
    \\frac{d\\,\\mathrm{P}}{dt} = J^P_{gut} - J^P_{urine} - J^P_{dialysis} - \\tfrac{3}{5} J_{bone},

and for each hormone or cell population a relaxation towards the target its process module
defines (:mod:`~calcify_lib.homeostasis.vitamin_d`, :mod:`~calcify_lib.homeostasis.fgf23`,
:mod:`~calcify_lib.homeostasis.parathyroid`, :mod:`~calcify_lib.homeostasis.bone`).  Each
function works on floats and on numpy arrays alike.

The steady state is a root of dCa/dt, dP/dt and dD/dt, every slower state
placed at its target (:func:`steady_vector`); the course in time is
integrated with LSODA (:func:`integrate`).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
from scipy.integrate import odeint
from scipy.optimize import root

from . import bone, fgf23, gut, kidney, parathyroid, vitamin_d
from .._validation import accepts
from .conditions import SEVERITY, build_parameters, normal_parameters
from .parameters import Parameters
from .serum import SerumTable, serum_table

__all__ = ["State", "Signals", "Fluxes", "signals", "fluxes", "calcium_balance_mmol_day",
           "phosphate_balance_mmol_day", "derivatives", "integrate", "normal_state", "steady_vector"]


class State(NamedTuple):
    """The nine physiological states, floats or arrays of one shape."""

    ca_mmol: float  #: calcium in the ECF
    phosphate_mmol: float  #: phosphate in the ECF
    calcitriol_pmol_l: float  #: D
    fgf23: float  #: F, relative to normal
    osteoclasts: float  #: O_c, relative to normal
    osteoblasts: float  #: O_b, relative to normal
    gland_mass: float  #: G, secretory mass of the normal glands, relative
    excess_calcifediol_ng_ml: float  #: X, 25-OH-D above normal
    antiresorptive: float  #: R, resorption left by a bisphosphonate (1 without one)


class Signals(NamedTuple):
    """What the organs sense, computed once per state by :func:`signals`."""

    total_ca_mmol_l: float
    phosphate_mmol_l: float
    ionized_ca_mmol_l: float
    ultrafilterable_ca_mmol_l: float
    vdr_activity: float  #: v, relative to normal
    pth_pmol_l: float
    pth_relative: float  #: PTH/PTH0


class Fluxes(NamedTuple):
    """What the organs move, in mmol/day, with the PTH and GFR they were computed with."""

    gut_ca_mmol_day: float
    gut_phosphate_mmol_day: float
    urine_ca_mmol_day: float
    urine_phosphate_mmol_day: float
    dialysis_ca_mmol_day: float  #: negative for a net gain from the dialysate
    dialysis_phosphate_mmol_day: float
    bone_ca_mmol_day: float  #: net deposition; negative is loss
    pth_pmol_l: float
    gfr_l_day: float


# The state vector of the integrator: the nine states of State, then the cumulative flows in
# (Ca, P) pairs: bone, intake, urine, faeces, dialysis.
N_STATES = len(State._fields)
CA, PI, D, F = range(4)
GLAND = State._fields.index("gland_mass")
X = State._fields.index("excess_calcifediol_ng_ml")
BONE_CUM, INTAKE_CUM, URINE_CUM, FAECES_CUM, DIALYSIS_CUM = (N_STATES + 2 * k for k in range(5))
N_ALL_STATES = N_STATES + 10


def signals(state: State, fi, fuf, m: Parameters) -> Signals:
    """Concentrations, ionized calcium, vitamin D activity and PTH at ``state``.

    ``fi`` and ``fuf`` are the ionized and ultrafilterable fractions of total
    calcium (:meth:`.serum.SerumTable.fractions`).
    """
    c = state.ca_mmol / m.volume_l
    p = state.phosphate_mmol / m.volume_l
    ica = c * fi
    vdr = vitamin_d.receptor_activity(state.calcitriol_pmol_l, state.excess_calcifediol_ng_ml, m)
    pth = parathyroid.pth_pmol_l(ica, state.gland_mass, m)
    return Signals(c, p, ica, c * fuf, vdr, pth, pth / m.pth0)


def fluxes(state: State, s: Signals, m: Parameters) -> Fluxes:
    """Every flow of calcium and phosphate, one function of its process each."""
    gfr = kidney.gfr_l_day(s, m)
    return Fluxes(  # positional, in the order of the fields (faster in the integrator's inner loop)
        gut.calcium_absorption_mmol_day(s, m),
        gut.phosphate_absorption_mmol_day(s, m),
        kidney.calcium_excretion_mmol_day(s, gfr, m),
        kidney.phosphate_excretion_mmol_day(state, s, gfr, m),
        kidney.dialysis_calcium_mmol_day(s, m),
        kidney.dialysis_phosphate_mmol_day(s, m),
        bone.net_calcium_deposition_mmol_day(state, s, m),
        s.pth_pmol_l,
        gfr,
    )


def calcium_balance_mmol_day(f: Fluxes):
    """dCa/dt: absorbed − excreted − dialysed − deposited in bone."""
    return f.gut_ca_mmol_day - f.urine_ca_mmol_day - f.dialysis_ca_mmol_day - f.bone_ca_mmol_day


def phosphate_balance_mmol_day(f: Fluxes, m: Parameters):
    """dP/dt: as calcium, bone taking phosphate at the P/Ca of hydroxyapatite (:mod:`~calcify_lib.homeostasis.bone`)."""
    return (f.gut_phosphate_mmol_day - f.urine_phosphate_mmol_day - f.dialysis_phosphate_mmol_day
            - m.p_ca * f.bone_ca_mmol_day)


def derivatives(state: State, s: Signals, f: Fluxes, m: Parameters) -> State:
    """The time derivative of every state, per day.

    Calcium and phosphate: the balance of the flows (:func:`calcium_balance_mmol_day`,
    :func:`phosphate_balance_mmol_day`).  Calcitriol: production less elimination
    (:func:`.vitamin_d.calcitriol_rate`).  Every other state relaxes to the target
    its process module defines, dS/dt = k (S* - S), k = ln 2 / t½; the excess
    25-OH-D and the bisphosphonate effect relax to the levers of the condition
    and treatments.
    """
    return State(  # positional, in the order of the fields (the integrator's inner loop)
        calcium_balance_mmol_day(f),
        phosphate_balance_mmol_day(f, m),
        vitamin_d.calcitriol_rate(state, s, m),
        m.k_f * (fgf23.fgf23_target(s.ionized_ca_mmol_l, s.phosphate_mmol_l, s.vdr_activity, m) - state.fgf23),
        m.k_oc * (bone.osteoclast_target(s.pth_pmol_l, s.vdr_activity, m) - state.osteoclasts),
        m.k_ob * (bone.osteoblast_target(state.osteoclasts, state.antiresorptive, m) - state.osteoblasts),
        m.k_g * (parathyroid.gland_target(s.ionized_ca_mmol_l, s.vdr_activity, s.phosphate_mmol_l, m)
                 - state.gland_mass),
        m.k_x * (m.exogenous_ng_ml - state.excess_calcifediol_ng_ml),
        m.k_bis * (m.resorption_factor - state.antiresorptive),
    )


def _rhs(y, t, m: Parameters, table: SerumTable):
    """dy/dt for odeint: the nine physiological states, then the cumulative flows (Ca, P).

    The states are taken as Python floats: the same IEEE-754 double arithmetic
    as on numpy scalars, bit for bit, at a fraction of the cost per operation.
    """
    state = State._make(y[:N_STATES].tolist())
    s = signals(state, *table.fractions(state.ca_mmol / m.volume_l, state.phosphate_mmol / m.volume_l), m)
    f = fluxes(state, s, m)
    bone_ca = f.bone_ca_mmol_day
    return (*derivatives(state, s, f, m),
            bone_ca, m.p_ca * bone_ca,                                    # deposited in bone
            m.ca_intake, m.p_intake,                                      # eaten
            f.urine_ca_mmol_day, f.urine_phosphate_mmol_day,              # urine
            m.ca_intake - f.gut_ca_mmol_day, m.p_intake - f.gut_phosphate_mmol_day,  # faeces
            f.dialysis_ca_mmol_day, f.dialysis_phosphate_mmol_day)        # dialysis


# ------------------------------------------------------------------ solving

_RTOL = 1e-8


def _atol(m: Parameters) -> np.ndarray:
    scale = np.array([m.c0 * m.volume_l, m.p0 * m.volume_l, m.d0, 1.0, 1.0, 1.0, 1.0, m.s0, 1.0]
                     + [m.ca_intake, m.p_intake] * 5)
    return 1e-9 * scale


def integrate(y0: np.ndarray, t: np.ndarray, m: Parameters) -> np.ndarray:
    """Integrate from y0 over the times t with LSODA (switches to BDF when the system is stiff)."""
    out, info = odeint(_rhs, y0, t, args=(m, serum_table()), rtol=_RTOL, atol=_atol(m),
                       mxstep=50_000, full_output=True)
    if info["message"] != "Integration successful.":  # pragma: no cover - defensive
        raise RuntimeError(f"the homeostasis model could not be integrated: {info['message']}")
    return out


def normal_state() -> np.ndarray:
    """The state vector of the normal adult, with every cumulative flow at zero."""
    m = normal_parameters()
    y = np.zeros(N_ALL_STATES)
    y[:N_STATES] = State(m.c0 * m.volume_l, m.p0 * m.volume_l, m.d0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0)
    return y


def _slow_states(c: float, p: float, d_pm: float, m: Parameters):
    """Given calcium, phosphate and calcitriol, every other state at its steady value.

    Returns (F, Oc, Ob, G, X, R) and the two serum fractions.
    """
    fi, fuf = serum_table().fractions(c, p)
    ica = c * fi
    x = m.exogenous_ng_ml
    vdr = vitamin_d.receptor_activity(d_pm, x, m)
    gland = parathyroid.gland_target(ica, vdr, p, m)
    oc = bone.osteoclast_target(parathyroid.pth_pmol_l(ica, gland, m), vdr, m)
    r = m.resorption_factor
    return (fgf23.fgf23_target(ica, p, vdr, m), oc, bone.osteoblast_target(oc, r, m), gland, x, r), fi, fuf


def _fixed_point_residual(u, m: Parameters):
    """Scaled dCa/dt, dP/dt and dD/dt at log-relative calcium, phosphate and calcitriol u."""
    c = m.c0 * math.exp(u[0])
    p = m.p0 * math.exp(u[1])
    d = m.d0 * math.exp(u[2])
    slow, fi, fuf = _slow_states(c, p, d, m)
    state = State(c * m.volume_l, p * m.volume_l, d, *slow)
    s = signals(state, fi, fuf, m)
    f = fluxes(state, s, m)
    # The slower states sit at their targets, so their derivatives are zero by construction.
    return [calcium_balance_mmol_day(f) / m.ca_intake, phosphate_balance_mmol_day(f, m) / m.p_intake,
            vitamin_d.calcitriol_rate(state, s, m) / (m.k_d * m.d0)]


def _solve_fixed_point(m: Parameters, guess) -> list[float] | None:
    sol = root(_fixed_point_residual, guess, args=(m,), method="hybr", tol=1e-13)
    x = [float(v) for v in sol.x]
    if not all(math.isfinite(v) and abs(v) < 5.0 for v in x):
        return None
    if max(abs(v) for v in _fixed_point_residual(x, m)) > 1e-10:
        return None
    return x


@accepts(severity=SEVERITY)
def steady_vector(condition: str, severity: float, treatments: frozenset[str]) -> tuple[np.ndarray, Parameters]:
    """The steady state: root finding from the normal state, with continuation in severity if needed.

    Every state but the skeleton is at rest (the skeleton may keep gaining or
    losing calcium).  Deterministic: the same inputs always take the same path.
    """
    m = build_parameters(condition, severity, treatments)
    u = _solve_fixed_point(m, [0.0, 0.0, 0.0])
    if u is None:  # walk the severity up from the normal state
        u = [0.0, 0.0, 0.0]
        for k in range(1, 9):
            nxt = _solve_fixed_point(build_parameters(condition, severity * k / 8, treatments), u)
            if nxt is None:  # pragma: no cover - not met in the tested ranges; integrate 30 years
                y = integrate(normal_state(), np.array([0.0, 10_950.0]), m)[-1]
                start = [math.log(y[CA] / (m.c0 * m.volume_l)), math.log(y[PI] / (m.p0 * m.volume_l)),
                         math.log(y[D] / m.d0)]
                nxt = _solve_fixed_point(m, start)
                if nxt is None:
                    raise RuntimeError(f"no steady state found for {condition!r} at severity {severity}")
                u = nxt
                break
            u = nxt
    c, p, d = m.c0 * math.exp(u[0]), m.p0 * math.exp(u[1]), m.d0 * math.exp(u[2])
    slow, _, _ = _slow_states(c, p, d, m)
    y = np.zeros(N_ALL_STATES)
    y[:N_STATES] = (c * m.volume_l, p * m.volume_l, d, *slow)
    return y, m
