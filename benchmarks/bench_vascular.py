"""Time calcify_lib.vascular against its target: simulate_media over 10 years in 50 ms median or less.

Run from the repository root:

    .venv/bin/python benchmarks/bench_vascular.py [--repeats N]

Prints the median and worst of N timed calls (after one untimed warm-up) of
``simulate_media`` over 10 years at normal, CKD stage 4 and dialysis
phosphate, of a 30-year run, of a chained run (5 years high, 10 years
normal), and the time to precompute the chapter's explorer once.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from calcify_lib import vascular  # noqa: E402

TARGET_MS = 50.0


def _time_ms(call, repeats: int) -> tuple[float, float]:
    call()  # warm-up
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1e3)
    return statistics.median(samples), max(samples)


def _chained():
    high = vascular.simulate_media(2.0, 5.0)
    return vascular.simulate_media(1.2, 10.0, initial_osteogenic_fraction=float(high.osteogenic_fraction[-1]),
                                   initial_mineral_fraction=float(high.mineral_fraction[-1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=41, help="timed calls per case (default 41)")
    repeats = parser.parse_args().repeats
    cases = {f"simulate_media, 10 years, {key} ({c.value:.2f} mmol/L)":
             (lambda p=c.value: vascular.simulate_media(p, 10.0))
             for key, c in vascular.PHOSPHATE_EXPOSURES_MMOL_L.items()}
    cases["simulate_media, 30 years, dialysis"] = lambda: vascular.simulate_media(2.0, 30.0)
    cases["chained: 5 years dialysis then 10 years normal"] = _chained
    failed = False
    print(f"{'case':<58} {'median':>9} {'worst':>9}")
    for name, call in cases.items():
        median, worst = _time_ms(call, repeats)
        flag = "" if median <= TARGET_MS or not name.startswith("simulate_media, 10") else "  OVER TARGET"
        failed |= bool(flag)
        print(f"{name:<58} {median:7.2f} ms {worst:7.2f} ms{flag}")
    from calcify_lib.figures import transdifferentiation

    start = time.perf_counter()
    explorer = transdifferentiation.artery_explorer()
    html = explorer.to_html()
    seconds = time.perf_counter() - start
    print(f"explorer: {len(explorer.views())} views precomputed in {seconds:.1f} s, "
          f"{len(html.encode('utf-8')) / 1024:.0f} KB of HTML")
    print(f"target: median {TARGET_MS:g} ms or less for 10 years -> {'FAILED' if failed else 'met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
