"""Benchmarks of calcify_lib.chemistry (run by hand, not in CI: timings are not tests).

    .venv/bin/python benchmarks/bench_chemistry.py

Targets (README): one ``speciate`` under 1 ms median; a 100 x 100
calcium-phosphate grid of saturation indices under 200 ms.  Each case is
warmed up once, then timed ``repeat`` times with ``time.perf_counter``; the
median and the 90th percentile are printed.  Record the numbers in the README
when the chemistry changes.
"""

from __future__ import annotations

import platform
import statistics
import time

import numpy as np

from calcify_lib.chemistry import PHASES, speciate, speciate_grid


def _time(function, repeat: int) -> tuple[float, float]:
    function()  # warm-up
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    samples.sort()
    return statistics.median(samples), samples[int(0.9 * (len(samples) - 1))]


def _all_phases(result):
    return [result.saturation_index(phase) for phase in PHASES]


def main() -> None:
    ca = np.linspace(0.5, 5.0, 100)[:, None]
    p = np.linspace(0.3, 4.0, 100)[None, :]
    cases = [
        ("speciate, protein-free (scalar)", lambda: speciate(2.4, 1.2, 7.4), 2000, 1.0),
        ("speciate, serum with albumin and Mg (scalar)",
         lambda: speciate(2.35, 1.2, 7.4, mg_mmol_l=0.85, albumin_g_l=40.0).saturation_index("hydroxyapatite"),
         2000, 1.0),
        ("100x100 Ca-P grid, SI of hydroxyapatite",
         lambda: speciate_grid(ca, p, 7.4, mg_mmol_l=0.85, albumin_g_l=40.0).saturation_index("hydroxyapatite"),
         30, 200.0),
        ("100x100 Ca-P grid, SI of all five phases",
         lambda: _all_phases(speciate_grid(ca, p, 7.4, mg_mmol_l=0.85, albumin_g_l=40.0)), 30, None),
    ]
    print(f"Python {platform.python_version()}, numpy {np.__version__}, {platform.machine()}")
    print(f"{'case':48s} {'median ms':>10s} {'p90 ms':>8s} {'target ms':>10s}")
    for name, function, repeat, target in cases:
        median, p90 = _time(function, repeat)
        target_text = "" if target is None else f"{target:g}"
        print(f"{name:48s} {1e3 * median:10.3f} {1e3 * p90:8.3f} {target_text:>10s}")


if __name__ == "__main__":
    main()
