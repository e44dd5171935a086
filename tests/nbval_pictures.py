"""nbval, extended: every picture a notebook stores must be the one a fresh run draws.

The site publishes the outputs stored in the notebooks (``execute_notebooks: off``),
so the test run must prove that each of them is what the current ``calcify_lib``
computes.  nbval compares text, HTML and JSON outputs, but skips ``image/png``
outputs, and the book's nbval-sanitize.cfg replaces the pictures inlined in an
explorer's HTML by a placeholder.  This plugin closes both gaps: for every cell
nbval checks, it also compares the *pixels* of every PNG, the figures'
``image/png`` outputs and the explorers' ``data:image/png`` frames, in order, by
the SHA-256 of their decoded RGBA pixels and their size.  Pixels and not bytes,
so that a different zlib (PNG compression) could not fail the test while the
picture is the same; any changed pixel fails it.

Loaded by ``tools/run-tests`` with ``-p nbval_pictures`` (``tests/`` on the path).
"""

from __future__ import annotations

import base64
import hashlib
import io
import re

_DATA_URI = re.compile(r"data:image/png;base64,([A-Za-z0-9+/=]+)")


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def picture_fingerprints(outputs) -> list[str]:
    """``"WxH:sha256"`` of the decoded pixels of each PNG in ``outputs``, in order."""
    from PIL import Image

    found = []
    for output in outputs:
        data = output.get("data", {}) if hasattr(output, "get") else {}
        encoded = []
        if "image/png" in data:
            encoded.append(_text(data["image/png"]))
        if "text/html" in data:
            encoded.extend(_DATA_URI.findall(_text(data["text/html"])))
        for item in encoded:
            with Image.open(io.BytesIO(base64.b64decode(item))) as picture:
                rgba = picture.convert("RGBA")
                digest = hashlib.sha256(rgba.tobytes()).hexdigest()[:16]
                found.append(f"{rgba.width}x{rgba.height}:{digest}")
    return found


def pytest_configure(config):
    from nbval.plugin import IPyNbCell

    if getattr(IPyNbCell, "_calcify_pictures", False):
        return
    compare_text = IPyNbCell.compare_outputs

    def compare_outputs(self, test, ref, skip_compare=None):
        same = compare_text(self, test, ref, skip_compare)
        fresh, stored = picture_fingerprints(test), picture_fingerprints(ref)
        if fresh != stored:
            changed = [k + 1 for k, (a, b) in enumerate(zip(fresh, stored)) if a != b]
            self.comparison_traceback.append(
                f"pictures differ from the stored ones: {len(stored)} stored, {len(fresh)} drawn now"
                + (f"; picture(s) {changed[:10]} changed" if changed else "")
                + ". Run tools/refresh_notebooks.py and look at the figures before committing."
            )
            same = False
        return same

    IPyNbCell.compare_outputs = compare_outputs
    IPyNbCell._calcify_pictures = True
