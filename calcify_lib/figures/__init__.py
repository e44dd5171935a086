"""The book's figures: one module per chapter, named after the chapter.

A chapter's figures, explorers, tables and any helper its notebook needs
live in the module of this package that carries the chapter's name, so a
reader who wants to see how a figure of "The usual suspects" is drawn opens
:mod:`calcify_lib.figures.suspects`.  Notebooks import their chapter's
module and call it; they define no functions of their own.  A chapter
whose module would pass 800 lines is a package of the chapter's name, one
module per part of the chapter, and re-exports everything its notebook
calls (``figures.chemistry``, ``figures.suspects``).

=================================  ===============================================
module                             chapter
=================================  ===============================================
``figures.two_faces``              The two faces of calcification
``figures.chemistry``              The chemistry of precipitation
``figures.suspects``               The usual suspects
``figures.location``               Location, location, location: the alkaline tide
``figures.applications_clinic``    Applications I: diagnosis and treatment
``figures.seeing``                 Seeing is believing: stains, polarised light, diffraction
``figures.transdifferentiation``   Beyond precipitation: when tissues decide to build bone
=================================  ===============================================

Rules for every figures module:

* It draws from the science modules (:mod:`calcify_lib.chemistry`,
  :mod:`calcify_lib.homeostasis`, :mod:`calcify_lib.nucleation`, ...) and
  computes nothing that belongs to a model; the science modules never plot.
* Interactive figures are :class:`calcify_lib.explorer.Explorer` objects:
  sliders for quantities, :class:`calcify_lib.explorer.Choice` for names.
* Every number a figure or readout shows comes from a model call, never
  from a literal typed into the figure.
* Every figure is drawn in the book's one style, :mod:`calcify_lib.style`:

  - a figure is made with :func:`calcify_lib.style.subplots` (the book's
    width, :data:`~calcify_lib.style.FIGURE_WIDTH_IN`; explorer pictures
    may be narrower, never wider), and every function that draws on axes
    is decorated with :func:`calcify_lib.style.styled`;
  - colours come from the Okabe–Ito palette with fixed meanings: ask
    :func:`~calcify_lib.style.color`, :func:`~calcify_lib.style.linestyle`,
    :func:`~calcify_lib.style.marker` and :func:`~calcify_lib.style.label`
    for a phase, condition, surface, tissue, stain or reference band, and
    register a new meaning in :data:`~calcify_lib.style.MEANINGS` (one
    colour per name within its kind) instead of typing a colour; a
    continuous quantity uses :data:`~calcify_lib.style.SEQUENTIAL_CMAP`;
  - text no smaller than :data:`~calcify_lib.style.SMALL_PT` minus one point
    (legible on a 390 px phone), no font size of its own otherwise; the
    background stays opaque white, for the theme's dark mode;
  - ``tests/test_style.py`` draws every public drawing function, figure
    and explorer picture of this package and checks its colours, text
    sizes, width and background; a function whose arguments have no
    defaults needs sample arguments in its ``SAMPLE_ARGS``.

The modules are imported on demand (``from calcify_lib.figures import
suspects``) so that importing one chapter's figures does not build
another chapter's models.
"""
