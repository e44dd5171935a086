"""The book's figures: one module per chapter, named after the chapter.

A chapter's figures, explorers, tables and any helper its notebook needs
live in the module of this package that carries the chapter's name, so a
reader who wants to see how a figure of "The usual suspects" is drawn opens
:mod:`calcify_lib.figures.suspects`.  Notebooks import their chapter's
module and call it; they define no functions of their own.

==========================  ===============================================
module                      chapter
==========================  ===============================================
``figures.two_faces``       The two faces of calcification
``figures.chemistry``       The chemistry of precipitation
``figures.suspects``        The usual suspects
==========================  ===============================================

Rules for every figures module:

* It draws from the science modules (:mod:`calcify_lib.chemistry`,
  :mod:`calcify_lib.homeostasis`, :mod:`calcify_lib.nucleation`, ...) and
  computes nothing that belongs to a model; the science modules never plot.
* Interactive figures are :class:`calcify_lib.explorer.Explorer` objects:
  sliders for quantities, :class:`calcify_lib.explorer.Choice` for names.
* Every number a figure or readout shows comes from a model call, never
  from a literal typed into the figure.

The modules are imported on demand (``from calcify_lib.figures import
suspects``) so that importing one chapter's figures does not build
another chapter's models.
"""
