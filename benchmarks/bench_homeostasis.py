"""Time calcify_lib.homeostasis against its target: 50 ms median or less per call.

Run from the repository root:

    .venv/bin/python benchmarks/bench_homeostasis.py [--repeats N]

Prints the one-off cost of the first call (it tabulates the serum chemistry
once), then the median and worst of N timed calls of ``steady_state`` and of
``simulate`` over 365 days, for every condition at severity 1, untreated
and with typical treatments, after one untimed warm-up call each.
``steady_state`` is not cached, so every call solves the model afresh.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from calcify_lib import homeostasis  # noqa: E402

TARGET_MS = 50.0

TREATED = {
    "normal": (),
    "primary_hyperparathyroidism": ("cinacalcet",),
    "vitamin_d_intoxication": ("stop_vitamin_d", "glucocorticoid"),
    "sarcoidosis": ("glucocorticoid",),
    "chronic_kidney_disease": ("dialysis", "phosphate_binder"),
    "bone_destruction": ("bisphosphonate",),
}


def _time_ms(call, repeats: int) -> tuple[float, float]:
    call()  # warm-up
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1e3)
    return statistics.median(samples), max(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=21, help="timed calls per case (default 21)")
    args = parser.parse_args()

    start = time.perf_counter()
    homeostasis.steady_state("normal")
    first_ms = (time.perf_counter() - start) * 1e3
    print(f"first call (tabulates the serum chemistry once): {first_ms:.1f} ms")
    print(f"median and worst of {args.repeats} calls after a warm-up; target {TARGET_MS:g} ms median\n")

    rows = []
    for condition in homeostasis.CONDITIONS:
        treated = TREATED[condition]
        cases = [
            ("steady_state", (), lambda c=condition: homeostasis.steady_state(c, 1.0)),
            ("simulate 365 d", (), lambda c=condition: homeostasis.simulate(c, 1.0, 365.0)),
        ]
        if treated:
            cases[1:1] = [("steady_state", treated,
                           lambda c=condition, t=treated: homeostasis.steady_state(c, 1.0, t))]
            cases.append(("simulate 365 d", treated,
                          lambda c=condition, t=treated: homeostasis.simulate(c, 1.0, 365.0, t, 180.0)))
        for what, treatments, call in cases:
            median, worst = _time_ms(call, args.repeats)
            rows.append((what, condition, "+".join(treatments) or "-", median, worst))

    width = max(len(r[1]) for r in rows)
    twidth = max(len(r[2]) for r in rows)
    print(f"{'call':<15} {'condition':<{width}} {'treatments (simulate: from day 180)':<{max(twidth, 36)}} "
          f"{'median ms':>9} {'worst ms':>9}")
    for what, condition, treatments, median, worst in rows:
        print(f"{what:<15} {condition:<{width}} {treatments:<{max(twidth, 36)}} {median:9.2f} {worst:9.2f}")
    slowest = max(r[3] for r in rows)
    verdict = "meets" if slowest <= TARGET_MS else "MISSES"
    print(f"\nslowest median {slowest:.2f} ms: {verdict} the {TARGET_MS:g} ms target")
    return 0 if slowest <= TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
