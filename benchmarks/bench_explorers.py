"""Time one control move of every explorer in a live Jupyter kernel: target 100 ms median.

Run from the repository root:

    .venv/bin/python benchmarks/bench_explorers.py [--moves N]

Finds every ``*_explorer`` function of ``calcify_lib.figures``'s chapter modules, builds its
live ipywidgets panel (``Explorer.widget()``) in a fresh kernel, as Binder would, and times
N moves of its controls (each control in turn steps to a neighbouring setting): from setting
the widget's value to the end of the Python callback, which runs the render function
(calcify_lib's model and the matplotlib picture) and updates the panel's HTML widget, whose
new state the kernel sends to the front end.  The browser's drawing of that HTML is not
included (the static site's equivalent is about 5 ms).  Prints the median and slowest move
per explorer and overall.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 100.0

_IN_KERNEL = r"""
import importlib, inspect, json, pkgutil, statistics, time
import matplotlib
matplotlib.use("Agg")
import calcify_lib.figures as figures_package
from calcify_lib.explorer import Explorer

results = []
for info in sorted(pkgutil.iter_modules(figures_package.__path__), key=lambda m: m.name):
    module = importlib.import_module(f"calcify_lib.figures.{info.name}")
    for name, function in sorted(inspect.getmembers(module, inspect.isfunction)):
        if not name.endswith("_explorer") or not function.__module__.startswith(module.__name__):
            continue
        explorer = function()
        if not isinstance(explorer, Explorer):
            continue
        panel = explorer.widget()
        controls = list(panel.children[1:-1])
        samples = []
        for move in range(MOVES):
            control = controls[move % len(controls)]
            options = [value for _, value in control.options]
            index = options.index(control.value)
            step = 1 if index + 1 < len(options) else -1
            start = time.perf_counter()
            control.value = options[index + step]  # the observer renders and updates the panel
            samples.append(1000 * (time.perf_counter() - start))
        results.append({"explorer": f"{info.name}.{name}", "median_ms": statistics.median(samples),
                        "max_ms": max(samples), "moves": len(samples)})
print("RESULTS" + json.dumps(results))
"""


def run(moves: int) -> list[dict]:
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3", cwd=str(ROOT / "book"))
    try:
        lines = []

        def keep(message):
            if message["msg_type"] == "stream":
                lines.append(message["content"]["text"])
            elif message["msg_type"] == "error":
                lines.append("\n".join(message["content"]["traceback"]))

        reply = client.execute_interactive(_IN_KERNEL.replace("MOVES", str(moves)), timeout=1800, output_hook=keep)
        text = "".join(lines)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(text)
        return json.loads(text.split("RESULTS", 1)[1])
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=20)
    options = parser.parse_args(arguments)
    results = run(options.moves)
    print(f"{'explorer':50s} {'median':>9s} {'slowest':>9s}   (target: median < {TARGET_MS:.0f} ms)")
    for r in results:
        print(f"{r['explorer']:50s} {r['median_ms']:7.1f} ms {r['max_ms']:7.1f} ms")
    medians = [r["median_ms"] for r in results]
    print(f"{'all explorers: median of medians, slowest move':50s} {statistics.median(medians):7.1f} ms "
          f"{max(r['max_ms'] for r in results):7.1f} ms")
    over = [r["explorer"] for r in results if r["median_ms"] > TARGET_MS]
    print("over the target: " + (", ".join(over) if over else "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
