"""Print the book's single-page HTML build to _build/pdf/calcify.pdf with the local Chromium.

Run by ``tools/build-pdf`` after ``jupyter-book build . --builder singlehtml``.  Why this
route and not LaTeX: the single page is the website itself (same figures, same explorers'
first views, same MathJax, from the local copy), Playwright and Debian's chromium are
already what the browser tests use, and it needs no TeX Live (about 1 GB).

What the print step does to the page before printing (nothing of it changes the website):

* a cover and a table of contents, one entry per chapter, in the book's order;
* every chapter starts on a new page, with its title as a first-level heading; the pages
  that ``_toc.yml`` nests under a chapter (the API reference's pages) are printed inside it,
  one heading level down, so the whole API reference is the book's last chapter but one;
* an explorer keeps its first view and caption, loses its controls, and gains one line
  saying that it is interactive on the website;
* exercise solutions move out of the text to a "Solutions" section at the end of their
  chapter, and each exercise says so;
* anything wider than the page (a table, a display equation, a code block, a picture) is
  scaled down to fit, and the build fails if anything still overflows.

It prints twice: the first PDF tells, through ``pdftotext``, the page on which each
chapter starts; those numbers go into the table of contents (in space reserved for
them, so nothing moves) and the second print is the PDF.  Page numbers are in the
footer, and the PDF has bookmarks (``outline``) and tags for screen readers.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: A4 less the side margins of the page (15 mm each), in CSS pixels (96 per inch).
PRINTABLE_WIDTH_PX = round((210 - 30) / 25.4 * 96)
MARGINS = {"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"}
INTERACTIVE_NOTE = (
    "This figure is interactive on the book's website and in a live notebook: "
    "move its controls there. Printed here: its first view."
)

#: Rebuilds the single page as a printed book; returns the chapters' titles.
_PREPARE = r"""
([title, author, note, edition]) => {
  const article = document.querySelector("article.bd-article");
  // A chapter's own sections (the API reference's pages, nested under it in _toc.yml) stay
  // inside it, in place: only the root's table of contents makes chapters.
  for (const nested of [...article.querySelectorAll(".toctree-wrapper .toctree-wrapper")]) {
    nested.replaceWith(...nested.querySelectorAll(":scope > span[id^='document-'], :scope > section"));
  }
  const wrappers = [...article.querySelectorAll(".toctree-wrapper")];
  // The chapters: each document the table of contents inlines, in order.
  const chapters = [];
  for (const wrapper of wrappers) {
    for (const child of [...wrapper.children]) {
      if (child.tagName === "SECTION") { chapters.push(child); }
    }
  }
  // The root document (the introduction) without the toctree it holds.
  const root = article.querySelector(":scope > section");
  for (const wrapper of wrappers) { wrapper.remove(); }
  const book = document.createElement("div");
  book.className = "pdf-book";
  const cover = document.createElement("section");
  cover.className = "pdf-cover";
  cover.innerHTML = `<p class="pdf-cover-title"></p><p class="pdf-cover-author"></p><p class="pdf-cover-edition"></p>`;
  cover.querySelector(".pdf-cover-title").textContent = title;
  cover.querySelector(".pdf-cover-author").textContent = author;
  cover.querySelector(".pdf-cover-edition").textContent = edition;
  book.appendChild(cover);
  const contents = document.createElement("nav");
  contents.className = "pdf-contents";
  contents.innerHTML = "<h1>Contents</h1><ol></ol>";
  book.appendChild(contents);
  const all = [root, ...chapters].filter(Boolean);
  const titles = [];
  all.forEach((chapter, number) => {
    chapter.classList.add("pdf-chapter");
    const heading = chapter.querySelector("h1, h2, h3, h4");
    const h1 = document.createElement("h1");
    h1.innerHTML = heading.innerHTML;
    h1.querySelectorAll(".headerlink").forEach(a => a.remove());
    if (number === 0) { h1.textContent = "Introduction"; }
    heading.replaceWith(h1);
    // Sections inside keep their order, one level below the chapter.
    for (const h of chapter.querySelectorAll("h2, h3, h4, h5")) {
      if (h === h1) { continue; }
      let depth = 0;
      for (let p = h.parentElement; p && p !== chapter; p = p.parentElement) {
        if (p.tagName === "SECTION") { depth += 1; }
      }
      const level = Math.min(6, depth + 1);
      if (h.tagName !== "H" + level) {
        const other = document.createElement("h" + level);
        other.innerHTML = h.innerHTML;
        for (const a of h.attributes) { other.setAttribute(a.name, a.value); }
        h.replaceWith(other);
      }
    }
    const name = h1.textContent.trim();
    titles.push(name);
    const item = document.createElement("li");
    item.innerHTML = `<a></a><span class="pdf-page" data-chapter="${number}">000</span>`;
    item.querySelector("a").textContent = name;
    item.querySelector("a").href = "#" + chapter.id;
    contents.querySelector("ol").appendChild(item);
    // Exercise solutions go to the end of the chapter.
    const solutions = [...chapter.querySelectorAll(".solution")];
    if (solutions.length) {
      const end = document.createElement("section");
      end.className = "pdf-solutions";
      end.innerHTML = "<h2>Solutions to the exercises</h2>";
      for (const solution of solutions) {
        solution.classList.remove("dropdown", "toggle-hidden");
        solution.querySelectorAll(".toggle-hidden").forEach(e => e.classList.remove("toggle-hidden"));
        solution.querySelectorAll("button.toggle-button").forEach(b => b.remove());
        end.appendChild(solution);
      }
      chapter.appendChild(end);
      for (const exercise of chapter.querySelectorAll(".exercise")) {
        const pointer = document.createElement("p");
        pointer.className = "pdf-solution-pointer";
        pointer.textContent = "Solution: at the end of this chapter.";
        exercise.appendChild(pointer);
      }
    }
    book.appendChild(chapter);
  });
  // Explorers: first view, caption, and a line saying they are interactive.
  for (const explorer of book.querySelectorAll(".calcify-explorer")) {
    const line = document.createElement("p");
    line.className = "pdf-interactive-note";
    line.textContent = note;
    explorer.appendChild(line);
  }
  // Every other folded block opens (hidden setup cells stay hidden by the print CSS).
  book.querySelectorAll("details").forEach(d => { d.open = true; });
  book.querySelectorAll(".toggle-hidden").forEach(e => e.classList.remove("toggle-hidden"));
  // Links within the book point into this one document.
  for (const a of book.querySelectorAll("a[href]")) {
    const href = a.getAttribute("href");
    const hash = href.indexOf("#");
    if (hash > 0 && !/^[a-z]+:/i.test(href)) { a.setAttribute("href", href.slice(hash)); }
  }
  article.replaceChildren(book);
  return titles;
}
"""

#: Scales anything wider than the page down to fit; returns what still overflows.
_FIT = r"""
(width) => {
  const article = document.querySelector("article.bd-article");
  const left = article.getBoundingClientRect().left;
  const boxes = "mjx-container, table, pre, img, svg, .calcify-explorer, .cell_output, figure, .highlight, p, li, dd";
  const overflowing = () => {
    const out = [];
    for (const el of article.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) { continue; }
      if (el.closest("mjx-assistive-mml")) { continue; }  // clipped: for screen readers only
      if (r.right - left > width + 1 || r.left < left - 1) { out.push(el); }
    }
    return out;
  };
  for (let pass = 0; pass < 4; pass++) {
    const wide = overflowing();
    if (!wide.length) { break; }
    const targets = new Set();
    for (const el of wide) {
      // the whole formula, else the nearest block that can be scaled as one
      let math = el.closest("mjx-container");
      for (let up = math && math.parentElement && math.parentElement.closest("mjx-container"); up; up = up.parentElement && up.parentElement.closest("mjx-container")) { math = up; }
      targets.add(math || el.closest(boxes) || el);
    }
    for (const el of targets) {
      const r = el.getBoundingClientRect();
      const room = width - Math.max(0, r.left - left) - 2;
      const need = Math.max(r.width, el.scrollWidth);
      if (need > room && need > 0) {
        const zoom = (Number(el.style.zoom) || 1) * Math.max(0.35, room / need);
        el.style.zoom = String(zoom);
      }
    }
  }
  return overflowing().slice(0, 20).map(el => {
    const r = el.getBoundingClientRect();
    return `${el.tagName.toLowerCase()}.${el.className} in "${(el.closest("p, li, td, div") || el).textContent.slice(0, 60)}": ${(r.right - left).toFixed(0)} px of ${width}`;
  });
}
"""

_PRINT_CSS = """
#jb-print-docs-body { display: none !important; }
.bd-main .bd-content .bd-article .pdf-book h1 { display: block !important; }
.pdf-cover { break-after: page; text-align: center; padding-top: 70mm; }
.pdf-cover-title { font-size: 2.1em; font-weight: 700; line-height: 1.25; }
.pdf-cover-author { font-size: 1.2em; margin-top: 2em; }
.pdf-cover-edition { margin-top: 3em; color: #444; }
.pdf-contents { break-after: page; }
.pdf-contents ol { list-style: decimal; padding-left: 1.5em; }
.pdf-contents li { display: flex; gap: 0.5em; margin: 0.35em 0; }
.pdf-contents li a { flex: 1 1 auto; }
.pdf-contents .pdf-page { flex: none; min-width: 2.5em; text-align: right; font-variant-numeric: tabular-nums; }
.pdf-chapter { break-before: page; }
.pdf-chapter h1 { font-size: 1.9em; margin-top: 0; }
.pdf-solutions { break-before: page; }
.pdf-solution-pointer { font-style: italic; font-size: 0.9em; margin: 0.25em 0 0; }
.pdf-interactive-note { font-style: italic; font-size: 0.9em; margin: 0.5em 0 0; }
"""


def _serve(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _pages_text(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def chapter_pages(pages: list[str], titles: list[str], first_page: int) -> list[int]:
    """The 1-based page on which each chapter starts: its title in the page's first lines."""
    found, start = [], first_page
    for title in titles:
        want = _normal(title)
        for number in range(start, len(pages) + 1):
            head = _normal(" ".join(line for line in pages[number - 1].splitlines()[:8] if line.strip()))
            if want in head:
                found.append(number)
                start = number + 1
                break
        else:
            tops = "\n".join(f"  page {n}: {_normal(' '.join(pages[n - 1].splitlines()[:8]))[:100]}" for n in range(1, len(pages) + 1))
            raise RuntimeError(f"chapter {title!r} not found at the top of any page after page {start}:\n{tops}")
    return found


def _edition_line() -> str:
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    version = f", commit {commit.stdout.strip()}" if commit.returncode == 0 and commit.stdout.strip() else ""
    return f"PDF edition, printed {time.strftime('%Y-%m-%d')}{version}"


def build(single: Path, out: Path) -> tuple[int, list[str]]:
    from playwright.sync_api import sync_playwright

    import yaml

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    title, author = config.get("title", "Calcify"), config.get("author", "")
    # Sphinx writes the single page's links relative to the build's root folder, although
    # it names the file after the root document (book/intro.html): print a copy at the root.
    root_doc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))["root"]
    source_page = single / f"{root_doc}.html"
    printed = single / "calcify-print.html"
    printed.write_text(source_page.read_text(encoding="utf-8"), encoding="utf-8")
    server = _serve(single)
    url = f"http://127.0.0.1:{server.server_address[1]}/{printed.name}"
    footer = (
        '<div style="width:100%;font-size:8pt;color:#555;text-align:center;">'
        '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
    )
    header = f'<div style="width:100%;font-size:7.5pt;color:#777;text-align:center;">{title}</div>'
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": PRINTABLE_WIDTH_PX, "height": 1000})
            blocked = []

            def only_local(route):
                if route.request.url.startswith(url.rsplit("/", 1)[0] + "/"):
                    route.continue_()
                else:
                    blocked.append(route.request.url)
                    route.abort()

            page.route("**/*", only_local)
            page.emulate_media(media="print")
            page.goto(url, wait_until="load")
            page.wait_for_function("() => !window.MathJax || (MathJax.startup && MathJax.startup.promise)", timeout=60000)
            page.evaluate("() => window.MathJax && MathJax.startup.promise")
            page.add_style_tag(content=_PRINT_CSS)
            titles = page.evaluate(_PREPARE, [title, author, INTERACTIVE_NOTE, _edition_line()])
            page.evaluate("() => window.MathJax && MathJax.startup.promise")
            page.evaluate("() => document.fonts.ready")
            overflow = page.evaluate(_FIT, PRINTABLE_WIDTH_PX)
            if overflow:
                raise RuntimeError("wider than the printed page:\n  " + "\n  ".join(overflow))
            if blocked:
                raise RuntimeError(f"the page asked for outside resources: {blocked[:5]}")
            options = dict(
                format="A4", margin=MARGINS, print_background=True, display_header_footer=True,
                header_template=header, footer_template=footer, outline=True, tagged=True,
            )
            with tempfile.TemporaryDirectory() as tmp:
                draft = Path(tmp) / "draft.pdf"
                page.pdf(path=str(draft), **options)
                pages = _pages_text(draft)
            starts = chapter_pages(pages, titles, first_page=3)
            page.evaluate(
                """(starts) => document.querySelectorAll(".pdf-contents .pdf-page").forEach(
                       (span, i) => { span.textContent = String(starts[i]); })""",
                starts,
            )
            out.parent.mkdir(parents=True, exist_ok=True)
            page.pdf(path=str(out), **options)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    final = _pages_text(out)
    if chapter_pages(final, titles, first_page=3) != starts:
        raise RuntimeError("the chapters moved between the two prints: the table of contents would be wrong")
    return len(final), titles


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--single", type=Path, default=ROOT / "_build" / "singlehtml")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "pdf" / "calcify.pdf")
    options = parser.parse_args(arguments)
    count, titles = build(options.single, options.out)
    print(f"{options.out}: {count} pages, {len(titles)} chapters")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
