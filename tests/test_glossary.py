"""The glossary and the notation page: every term is used, and the chapters link their terms.

The glossary (book/glossary.md) is one ``{glossary}`` directive: each entry is
one or more term lines (a term and its aliases: ``ACP`` and ``amorphous
calcium phosphate``) followed by an indented definition.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
GLOSSARY = BOOK / "glossary.md"
NOTATION = BOOK / "notation.md"

#: Terms of chapters not written yet, by the stems their notebook may have
#: (book/<stem>.ipynb).  Once one of those notebooks exists, its terms must be
#: used somewhere in the book like every other term.  Remove a group when its
#: chapter lands; fix the stem if the chapter took another name.
PENDING = {
    ("transdifferentiation",): (
        "atheroma", "Moens–Korteweg equation", "Mönckeberg's medial calcification", "PiT-1",
        "pulse pressure", "pulse wave velocity", "RUNX2", "transdifferentiation", "VSMC",
        "Young's modulus", "matrix Gla protein", "osteogenic",
    ),
    ("seeing",): (
        "Alizarin red S", "basophilic", "Beer–Lambert law", "birefringence", "calcium oxalate",
        "crossed polarisers", "H&E", "interference colour", "retardation", "Scherrer equation",
        "von Kossa stain", "X-ray diffraction",
    ),
    ("applications_clinic", "clinic", "diagnosis", "applications_1", "applications_i"): (
        "CKD-MBD", "eGFR", "dialysis",
    ),
    ("applications_research", "research", "applications_2", "applications_ii", "t50"): (
        "nephelometry", "calcifediol",
    ),
}

#: The chapters whose key terms must be linked with {term} at their first use in
#: the prose.  The lead adds the links to the first three chapters and then lists
#: them here; a new chapter is listed as soon as it links its terms.
KEY_TERMS: dict[str, tuple[str, ...]] = {
    "applications_clinic": (
        "PTH", "primary hyperparathyroidism", "calcitriol", "25-OH-D", "vitamin D intoxication",
        "sarcoidosis", "granuloma", "eGFR", "CKD-MBD", "dialysis", "calciphylaxis",
        "bone destruction", "ionized calcium", "corrected calcium", "bisphosphonate",
        "cinacalcet", "phosphate binder", "von Kossa stain", "steady state",
    ),
    "applications_research": (
        "T50", "nephelometry", "calciprotein particle", "CPP", "fetuin-A", "pyrophosphate",
        "PPi", "matrix Gla protein", "MGP", "saturation index", "hydroxyapatite",
        "amorphous calcium phosphate", "CKD", "dialysis", "TNAP", "calciphylaxis",
        "pulse wave velocity", "ion activity product", "solubility product",
    ),
    "two_faces": (
        "dystrophic calcification", "metastatic calcification", "nucleation", "supersaturation",
        "critical nucleus", "nucleation barrier", "matrix vesicle", "psammoma body",
        "calciphylaxis", "classical nucleation theory", "critical radius", "growth unit",
        "interfacial energy", "saturation index", "hydroxyapatite", "homogeneous nucleation",
        "heterogeneous nucleation", "contact angle", "induction time", "phosphatidylserine",
        "pyrophosphate", "alkaline phosphatase",
    ),
    "location": (
        "metastatic calcification", "saturation index", "SI", "hydroxyapatite", "brushite",
        "amorphous calcium phosphate", "ion activity product", "Henderson–Hasselbalch equation",
        "ventilation–perfusion ratio", "V̇/Q̇", "alkaline tide", "parietal cell",
        "nephrocalcinosis", "Randall's plaque", "nucleation", "supersaturation",
    ),
    "chemistry": (
        "solubility product", "Ca × P product", "supersaturation", "nucleation", "speciation",
        "saturation index", "ionized calcium", "albumin-corrected calcium", "brushite",
        "dystrophic calcification", "metastatic calcification", "KDOQI", "KDIGO", "CKD-MBD",
        "dialysis", "primary hyperparathyroidism", "hydroxyapatite", "fetuin-A", "pyrophosphate",
        "activity coefficient", "ionic strength", "Davies equation", "ion activity product",
        "ion pair", "OCP", "ACP", "β-TCP", "Ostwald's rule of stages",
        "classical nucleation theory", "calciprotein particle", "T50", "PHREEQC",
    ),
    "suspects": (
        "supersaturated", "hydroxyapatite", "saturation index", "metastatic calcification",
        "primary hyperparathyroidism", "vitamin D intoxication", "sarcoidosis",
        "chronic kidney disease", "bone destruction", "PTH", "calcitriol", "FGF23",
        "Ca × P product", "osteoclast", "osteoblast", "ionized calcium",
        "calcium-sensing receptor", "calcifediol", "bisphosphonate", "steady state",
        "speciation", "dialysis", "phosphate binder", "reference range", "nephrocalcinosis",
        "KDOQI", "hypercalciuria", "calcimimetic", "ion activity product", "granuloma",
        "CKD-MBD", "KDIGO", "GFR", "ion pair", "fetuin-A", "pyrophosphate",
        "calciprotein particle", "T50",
    ),
    "seeing": (
        "solubility product", "X-ray diffraction", "H&E", "Alizarin red S", "crossed polarisers",
        "interference colour", "calcium oxalate", "hydroxyapatite", "basophilic", "Beer–Lambert law",
        "birefringence", "retardation", "Scherrer equation",
    ),
    "transdifferentiation": (
        "supersaturated", "chronic kidney disease", "smooth muscle cell", "transdifferentiation",
        "osteoblast", "pulse wave velocity", "RUNX2", "matrix vesicle", "atheroma", "Mönckeberg",
        "osteogenic", "Moens–Korteweg equation", "PiT-1", "alkaline phosphatase", "pyrophosphate",
        "matrix Gla protein", "fetuin-A", "dialysis", "pulse pressure", "hydroxyapatite",
        "growth unit", "phosphate binder", "osteoclast", "Young's modulus", "KDOQI",
    ),
}


def glossary_entries(text: str | None = None) -> list[tuple[str, ...]]:
    """The glossary's entries, each the tuple of its terms (the first is the main one)."""
    text = GLOSSARY.read_text(encoding="utf-8") if text is None else text
    body = re.search(r"```\{glossary\}\n(.*?)\n```", text, re.S)
    assert body, "book/glossary.md must hold one {glossary} directive"
    entries, terms = [], []
    for line in body.group(1).splitlines():
        if not line.strip() or line.startswith(":"):
            continue
        if line.startswith((" ", "\t")):
            if terms:
                entries.append(tuple(terms))
                terms = []
        else:
            terms.append(line.strip())
    assert not terms, f"terms without a definition at the end of the glossary: {terms}"
    return entries


def _notebook_text(path: Path, *, code: bool = True) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    kinds = ("markdown", "code") if code else ("markdown",)
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] in kinds)


def _pages() -> dict[str, str]:
    """Every page of the book except the glossary and notation pages, by stem."""
    pages = {}
    for path in sorted(BOOK.glob("*.ipynb")):
        pages[path.stem] = _notebook_text(path)
    for path in sorted(BOOK.glob("*.md")):
        if path not in (GLOSSARY, NOTATION):
            pages[path.stem] = path.read_text(encoding="utf-8")
    return pages


def _mentions(term: str, text: str) -> list[re.Match]:
    """Where ``term`` (or its plural) stands as a word in ``text``, case aside.

    Emphasis marks are blanked first (``**heterogeneous** nucleation``), keeping offsets.
    """
    plain = text.replace("*", " ")
    pattern = r"\s+".join(re.escape(word) for word in term.split())
    return list(re.finditer(rf"(?<![\w]){pattern}(?:s|es)?(?![\w])", plain, re.I))


def _pending_terms(existing: set[str]) -> set[str]:
    waiting = set()
    for stems, terms in PENDING.items():
        if not existing & set(stems):
            waiting |= set(terms)
    return waiting


ENTRIES = glossary_entries()
PAGES = _pages()


def test_the_glossary_has_terms_and_no_term_twice():
    terms = [t.casefold() for entry in ENTRIES for t in entry]
    assert len(ENTRIES) >= 90
    duplicates = {t for t in terms if terms.count(t) > 1}
    assert not duplicates, f"terms defined twice: {duplicates}"


def test_the_glossary_is_sorted_and_in_the_table_of_contents():
    text = GLOSSARY.read_text(encoding="utf-8")
    assert ":sorted:" in text
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    assert "book/glossary" in toc and "book/notation" in toc
    assert toc.index("book/glossary") < toc.index("book/references")


def test_every_definition_is_one_or_two_sentences():
    text = GLOSSARY.read_text(encoding="utf-8")
    body = re.search(r"```\{glossary\}\n(.*?)\n```", text, re.S).group(1)
    definitions = [line.strip() for line in body.splitlines() if line.startswith("  ")]
    assert len(definitions) == len(ENTRIES)
    for definition in definitions:
        sentences = re.findall(r"[.;:!?](?:\s|$)", definition)
        assert 1 <= len(sentences) <= 3, definition  # a colon or semicolon may join two clauses
        assert definition.endswith("."), definition


def test_every_term_in_the_glossary_is_used_in_the_book():
    """A term no page uses is a stray definition (unless its chapter is still to come)."""
    text = "\n".join(PAGES.values())
    waiting = {t.casefold() for t in _pending_terms(set(PAGES))}
    unused = [entry[0] for entry in ENTRIES
              if entry[0].casefold() not in waiting and not any(_mentions(t, text) for t in entry)]
    assert not unused, f"glossary terms that no chapter or page uses: {unused}"


def test_the_pending_terms_are_all_in_the_glossary():
    terms = {t.casefold() for entry in ENTRIES for t in entry}
    missing = [t for group in PENDING.values() for t in group if t.casefold() not in terms]
    assert not missing, missing


def _term_targets(text: str) -> list[str]:
    """The glossary terms a text links with {term}`...` or {term}`text <target>`."""
    targets = []
    for content in re.findall(r"\{term\}`([^`]+)`", text):
        m = re.match(r".*<([^<>]+)>\s*$", content, re.S)
        targets.append((m.group(1) if m else content).strip())
    return targets


def test_every_term_link_in_the_book_points_at_a_defined_term():
    terms = {t.casefold() for entry in ENTRIES for t in entry}
    for stem, text in PAGES.items():
        broken = [t for t in _term_targets(text) if t.casefold() not in terms]
        assert not broken, f"{stem} links terms the glossary does not define: {broken}"


def _first_use_is_linked(term: str, prose: str) -> bool:
    """True if the term's first mention in the prose (headings aside) is inside a {term} link."""
    lines = [line for line in prose.splitlines() if not line.lstrip().startswith("#")]
    text = "\n".join(lines)
    links = [(m.start(), m.end()) for m in re.finditer(r"\{term\}`[^`]+`", text)]
    for mention in _mentions(term, text):
        return any(start <= mention.start() < end for start, end in links)
    return False


def test_the_first_use_check_tells_a_linked_term_from_a_bare_one():
    assert _first_use_is_linked("saturation index", "# Saturation index\nThe {term}`saturation index` is...")
    assert _first_use_is_linked("SI", "The {term}`index <SI>` ... SI again")
    assert not _first_use_is_linked("saturation index", "The saturation index, {term}`saturation index`.")
    assert not _first_use_is_linked("PTH", "No mention at all.")


@pytest.mark.parametrize("chapter", sorted(KEY_TERMS))
def test_each_chapter_links_its_key_terms_at_first_use(chapter):
    prose = _notebook_text(BOOK / f"{chapter}.ipynb", code=False)
    glossary = {t.casefold() for entry in ENTRIES for t in entry}
    for term in KEY_TERMS[chapter]:
        assert term.casefold() in glossary, f"{term!r} is not in the glossary"
        assert _first_use_is_linked(term, prose), f"{chapter}: first use of {term!r} is not a {{term}} link"


# ------------------------------------------------------------------ notation

def _notation_rows() -> list[list[str]]:
    rows = []
    for line in NOTATION.read_text(encoding="utf-8").splitlines():
        if line.startswith("|") and not re.match(r"\|\s*-", line):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    return rows[1:] if rows else rows


def test_the_notation_page_gives_each_symbol_a_meaning_a_unit_and_a_first_chapter():
    rows = [r for r in _notation_rows() if r[0].lower() != "symbol"]
    assert len(rows) >= 40
    chapters = set(PAGES) | {s for stems in PENDING for s in stems}
    for row in rows:
        assert len(row) == 4 and all(row), row
        first = re.search(r"\{doc\}`([^`<]*<)?([\w/]+)>?`", row[3])
        assert first or row[3].endswith("(to come)"), f"first chapter of {row[0]!r} is not a link: {row[3]}"
        if first:
            assert first.group(2).split("/")[-1] in chapters, row


def test_the_two_gammas_and_the_two_thetas_are_told_apart():
    text = NOTATION.read_text(encoding="utf-8")
    assert "activity coefficient" in text and "interfacial energy" in text
    assert "contact angle" in text and "azimuth" in text
