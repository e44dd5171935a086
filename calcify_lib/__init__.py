"""calcify_lib: the chemistry and disease models behind the Calcify textbook.

Modules, named after the science they hold:

``units``
    Calcium and phosphate between mg/dL and mmol/L; the Ca×P product in both.
``precipitation``
    The simple picture: the ionic product Q, the saturation ratio Q/Ksp,
    and the clinical Ca×P thresholds that play Ksp in the clinic.
``thermodynamics``
    The data of solution chemistry, one cited set: water, Davies activity
    coefficients, phosphoric acid, ion pairs, solubility products.
``chemistry``
    Speciation of calcium and phosphate (free ions, ion pairs, albumin),
    saturation indices of five calcium phosphates, corrected calcium.
``nucleation``
    Classical nucleation theory for hydroxyapatite: the barrier to the first
    crystal, its critical size, the waiting time, and surfaces that help.
``homeostasis``
    Whole-body calcium and phosphate balance: PTH, calcitriol, FGF23, gut,
    bone and kidney; five diseases and seven treatments.
``patients``
    Representative lab values of the conditions the book discusses, with sources.
``explorer``
    Interactive figures that work live (ipywidgets) and on the static site.
``selfcheck``
    Self-check questions (multiple choice, numeric entry) with feedback from the
    models, live and on the static site.
``figures``
    The book's figures, explorers and tables: one module per chapter.
``cited``
    :class:`~calcify_lib.cited.CitedConstant`, a number with its unit, temperature and source.

Every constant is a :class:`~calcify_lib.cited.CitedConstant` whose
citation key resolves in the repository's ``references.bib``.
"""

from .cited import CitedConstant

__version__ = "0.1.0"

__all__ = ["CitedConstant", "__version__"]
