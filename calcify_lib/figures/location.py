"""Figures of the chapter "Location, location, location": local pH, the alkaline tide, a body map.

Everything drawn or tabulated here comes from :mod:`calcify_lib.tissue`
(local pH), :mod:`calcify_lib.chemistry` (saturation indices) and
:mod:`calcify_lib.homeostasis` (serum calcium and phosphate).  The body map
is a schematic figure drawn from matplotlib patches: no external image.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import numpy as np

from .. import chemistry, homeostasis, style, tissue
from .._validation import accepts
from ..cited import constants_in
from ..homeostasis.conditions import SEVERITY
from ..explorer import Choice, Explorer, Slider, View, figure_png
from ..selfcheck import MultipleChoice, NumericEntry, Option
from ..tables import Table

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "PHASES_SHOWN", "ACID_SECRETION_LABELS", "BODY_MAP_SEVERITIES", "ph_sensitivity_table", "west_table",
    "tissue_table", "comparison_table", "gastric_table", "kidney_table", "assumptions_table",
    "lung_figure", "tissue_ph_si_figure", "body_map", "body_map_figure", "body_map_explorer",
    "si_color_range", "body_map_readout_html",
]

#: The three phases the chapter follows: the stable mineral, the acidic one, the first precipitate.
PHASES_SHOWN = ("hydroxyapatite", "brushite", "amorphous_calcium_phosphate")
#: Words for the two acid-secretion states.
ACID_SECRETION_LABELS = {"fasting": "fasting", "after_meal": "after a meal"}
#: The severities the body-map explorer offers.
BODY_MAP_SEVERITIES = (0.0, 1.0, 2.0)
_CMAP = "cividis"


def _short(phase: str) -> str:
    return style.short_label("phase", phase)


def _si(lc: tissue.LocalChemistry, phase: str) -> str:
    return f"{lc.saturation_index(phase):+.2f}"


def _opt(value: float | None, fmt: str) -> str:
    return "–" if value is None else fmt.format(value)


# ------------------------------------------------------------------ tables

@accepts(severity=SEVERITY)
def ph_sensitivity_table(condition: str = "normal", severity: float = 1.0) -> Table:
    """SI of the three phases in serum at pH 7.3, 7.4 and 7.5, and their change per 0.1 pH unit.

    The serum is :func:`calcify_lib.homeostasis.steady_state` of
    ``condition``; the SIs come from :func:`calcify_lib.chemistry.speciate_serum`
    and the slope from :func:`calcify_lib.tissue.saturation_index_ph_slope`.
    """
    labs = homeostasis.steady_state(condition, severity)
    rows = []
    for phase in PHASES_SHOWN:
        cells = [style.label("phase", phase)]
        for ph in (7.3, 7.4, 7.5):
            s = chemistry.speciate_serum(labs.total_ca_mg_dl, labs.phosphate_mg_dl, ph=ph)
            cells.append(f"{float(s.saturation_index(phase)):+.2f}")
        slope = tissue.saturation_index_ph_slope(phase, condition=condition, severity=severity)
        cells.append(f"{slope:+.2f}")
        rows.append(cells)
    return Table.build(
        f"Saturation index in serum against pH ({style.label('condition', condition).lower()}, "
        f"Ca {labs.total_ca_mg_dl:.1f} mg/dL, P {labs.phosphate_mg_dl:.1f} mg/dL)",
        ["phase", "pH 7.3", "pH 7.4", "pH 7.5", "change per 0.1 pH"], rows)


def west_table() -> Table:
    """The lung model against West's printed apex and base values (PCO₂ and pH)."""
    rows = []
    for name, vq in (("lung_apex", tissue.WEST_APEX_VQ), ("lung_base", tissue.WEST_BASE_VQ)):
        unit = tissue.lung_unit(vq.value)
        west = tissue.WEST_PUBLISHED[name]
        rows.append([style.label("tissue", name), f"{vq.value:g}", f"{west['pco2_mmhg'].value:.0f}",
                     f"{unit.pco2_mmhg:.1f}", f"{west['ph'].value:.2f}", f"{unit.ph:.3f}",
                     f"{unit.po2_mmhg:.0f}"])
    return Table.build("The lung model against West's figure",
                       ["region", "V̇/Q̇", "PCO₂ West", "PCO₂ model", "pH West", "pH model",
                        "PO₂ model (mmHg)"], rows)


@accepts(severity=SEVERITY)
def tissue_table(condition: str = "normal", severity: float = 1.0, acid_secretion: str = "after_meal") -> Table:
    """Every tissue's local pH, PCO₂, bicarbonate and SIs, with the status of its pH."""
    rows = []
    for name in tissue.TISSUES:
        lc = tissue.local_chemistry(name, condition=condition, severity=severity,
                                    acid_secretion=acid_secretion)
        rows.append([style.label("tissue", name), f"{lc.ph:.2f}", _opt(lc.pco2_mmhg, "{:.0f}"),
                     _opt(lc.hco3_mmol_l, "{:.1f}")] + [_si(lc, p) for p in PHASES_SHOWN] + [lc.status])
    return Table.build(
        f"Local chemistry, {style.label('condition', condition).lower()}"
        f"{'' if condition == 'normal' else f', severity {severity:g}'}, "
        f"{ACID_SECRETION_LABELS[acid_secretion]}",
        ["tissue", "pH", "PCO₂ (mmHg)", "HCO₃⁻ (mmol/L)"] + [f"SI {_short(p)}" for p in PHASES_SHOWN]
        + ["pH is"], rows)


@accepts(severity=SEVERITY)
def comparison_table(condition: str = "chronic_kidney_disease", severity: float = 1.0,
                     acid_secretion: str = "after_meal") -> Table:
    """Each tissue, normal adult against ``condition``: local pH and the three SIs, with status."""
    rows = []
    for name in tissue.TISSUES:
        normal = tissue.local_chemistry(name, acid_secretion=acid_secretion)
        sick = tissue.local_chemistry(name, condition=condition, severity=severity,
                                      acid_secretion=acid_secretion)
        rows.append([style.label("tissue", name), normal.status, f"{normal.ph:.2f}"]
                    + [f"{_si(normal, p)} → {_si(sick, p)}" for p in PHASES_SHOWN])
    short = style.short_label("condition", condition)
    return Table.build(
        f"Normal adult → {short} (severity {severity:g}), {ACID_SECRETION_LABELS[acid_secretion]}: "
        "the local pH is the same in both; the saturation indices rise everywhere",
        ["tissue", "pH is", "pH"] + [f"SI {_short(p)}" for p in PHASES_SHOWN], rows)


def gastric_table() -> Table:
    """The alkaline tide as a mass balance: acid output, assumed blood flow, base added, pH."""
    rows = []
    for state in tissue.ACID_SECRETION_STATES:
        output = (tissue.STIMULATED_ACID_OUTPUT_MMOL_H if state == "after_meal"
                  else tissue.BASAL_ACID_OUTPUT_MMOL_H).value
        flow = tissue.GASTRIC_MUCOSAL_BLOOD_FLOW_ML_MIN[state].value
        systemic = tissue.POSTPRANDIAL_BASE_EXCESS_MMOL_L.value if state == "after_meal" else 0.0
        venous = tissue.gastric_venous_blood(output, flow, base_excess_mmol_l=systemic)
        arterial = tissue.arterial_blood(base_excess_mmol_l=systemic)
        rows.append([ACID_SECRETION_LABELS[state], f"{output:.1f}", f"{flow:.0f} (assumed)",
                     f"{venous.base_excess_mmol_l - systemic:+.2f}", f"{venous.pco2_mmhg:.1f}",
                     f"{venous.ph:.3f}", f"{arterial.ph:.3f}", f"{venous.ph - arterial.ph:+.3f}"])
    return Table.build(
        "The alkaline tide in the blood leaving the secreting mucosa (mass balance)",
        ["state", "acid output (mmol/h)", "mucosal blood flow (mL/min)", "base added (mmol/L)",
         "PCO₂ (mmHg)", "pH", "arterial pH", "difference"], rows)


def kidney_table(acid_secretion: str = "fasting") -> Table:
    """The two renal compartments against arterial blood: what the pH rests on, and the SI."""
    arterial = tissue.local_chemistry("arterial_blood", acid_secretion=acid_secretion)
    rows = []
    for name, basis in (("renal_cortex", "mass balance of proximal reabsorption; PCO₂ assumed"),
                        ("renal_interstitium", "vasa recta blood measured in rats (antidiuresis)")):
        lc = tissue.local_chemistry(name, acid_secretion=acid_secretion)
        rows.append([style.label("tissue", name), basis, f"{lc.ph:.2f}", f"{lc.ph - arterial.ph:+.2f}",
                     _si(lc, "hydroxyapatite"),
                     f"{lc.saturation_index('hydroxyapatite') - arterial.saturation_index('hydroxyapatite'):+.2f}"])
    return Table.build("The kidney: what the textbook claim becomes against mass balance and measurement",
                       ["compartment", "pH rests on", "pH", "vs arterial", "SI HAP", "vs arterial"], rows)


def assumptions_table() -> Table:
    """Every number of :mod:`calcify_lib.tissue` that is a modelling assumption (basis ``'set'``)."""
    rows = []
    for name, constant in constants_in(tissue):
        if constant.basis == "set":
            rows.append([name.split(".")[-1], f"{constant.value:g} {constant.unit}",
                         constant.note.split(":", 1)[-1].strip()])
    return Table.build("The modelling assumptions of the tissue model (basis 'set')",
                       ["constant", "value", "what it is"], rows)


# ------------------------------------------------------------------ the lung

@style.styled
def _lung_axes(ax_ph, ax_si, ratios: np.ndarray) -> None:
    units = [tissue.lung_unit(float(r)) for r in ratios]
    ph = np.array([u.ph for u in units])
    ax_ph.plot(ratios, ph, color=style.color("tissue", "arterial_blood"), lw=style.LINE_WIDTH,
               label="model (end-capillary blood)")
    for name, vq in (("lung_apex", tissue.WEST_APEX_VQ), ("lung_base", tissue.WEST_BASE_VQ)):
        ax_ph.plot([vq.value], [tissue.WEST_PUBLISHED[name]["ph"].value], linestyle="none",
                   marker=style.marker("tissue", name), markersize=10, color=style.color("tissue", name),
                   label=f"West's figure, {style.short_label('tissue', name)}")
    ax_ph.set_ylabel("pH")
    ax_ph.legend(loc="upper left", fontsize=style.SMALL_PT)
    for condition in ("normal", "chronic_kidney_disease"):
        labs = homeostasis.steady_state(condition, 1.0)
        si = chemistry.speciate_serum(labs.total_ca_mg_dl, labs.phosphate_mg_dl, ph=ph).saturation_index(
            "hydroxyapatite")
        ax_si.plot(ratios, si, **style.line_kw("condition", condition))
    ax_si.set_ylabel("SI hydroxyapatite")
    ax_si.legend(loc="lower right", fontsize=style.SMALL_PT)
    from matplotlib.ticker import FixedLocator, NullLocator, ScalarFormatter

    for ax in (ax_ph, ax_si):
        ax.set_xscale("log")
        ax.xaxis.set_major_locator(FixedLocator([0.3, 1.0, 3.0, 10.0]))
        ax.xaxis.set_minor_locator(NullLocator())
        ax.xaxis.set_major_formatter(ScalarFormatter())
        ax.set_xlabel("ventilation–perfusion ratio V̇/Q̇")
        for vq in (tissue.WEST_BASE_VQ.value, tissue.WEST_APEX_VQ.value):
            ax.axvline(vq, **{**style.line_kw("reference", "guide", with_label=False), "linewidth": 1.0})


def lung_figure(ratios=None) -> Figure:
    """pH and hydroxyapatite SI of end-capillary blood against V̇/Q̇, base (0.63) to apex (3.3).

    Left: pH from :func:`calcify_lib.tissue.lung_unit`, with West's printed
    apex and base values as markers.  Right: the SI of hydroxyapatite at that
    pH, in the serum of the normal adult and of CKD at severity 1.

    Parameters
    ----------
    ratios : sequence of float, optional
        The V̇/Q̇ values to compute (each 0.01-100); by default 40 values from
        0.3 to 10 on a log scale.
    """
    values = np.geomspace(0.3, 10.0, 40) if ratios is None else np.asarray(ratios, dtype=float)
    if values.ndim != 1 or values.size < 2 or not np.all((values > 0.0) & (values <= 100.0)):
        raise ValueError(f"ratios must be at least two V/Q values in 0.01 to 100; got {ratios!r}")
    fig, (ax_ph, ax_si) = style.subplots(1, 2, height_in=3.6)
    _lung_axes(ax_ph, ax_si, values)
    return fig


@style.styled
def _tissue_scatter(ax, severity: float, acid_secretion: str, grid: np.ndarray, legend: bool) -> None:
    for condition in ("normal", "chronic_kidney_disease"):
        labs = homeostasis.steady_state(condition, severity)
        curve = chemistry.speciate_serum(labs.total_ca_mg_dl, labs.phosphate_mg_dl, ph=grid)
        ax.plot(grid, curve.saturation_index("hydroxyapatite"),
                **{**style.line_kw("condition", condition), "linewidth": 1.5})
        for name in tissue.TISSUES:
            lc = tissue.local_chemistry(name, condition=condition, severity=severity,
                                        acid_secretion=acid_secretion)
            if not grid[0] <= lc.ph <= grid[-1]:
                continue
            ax.plot([lc.ph], [lc.saturation_index("hydroxyapatite")], linestyle="none",
                    marker=style.marker("tissue", name), markersize=9, color=style.color("tissue", name),
                    markeredgecolor=style.OKABE_ITO["black"],
                    label=style.label("tissue", name) if condition == "normal" and legend else None)
    ax.set_xlabel("local pH")


@accepts(severity=SEVERITY)
def tissue_ph_si_figure(severity: float = 1.0, acid_secretion: str = "after_meal") -> Figure:
    """Each tissue's hydroxyapatite SI against its local pH, normal adult and CKD.

    The lines are serum of each condition across pH (:func:`calcify_lib.chemistry.speciate_serum`);
    the markers are :func:`calcify_lib.tissue.local_chemistry` of every tissue.  Left: the whole
    range, papilla included; right: the tissues near pH 7.4, enlarged.
    """
    fig, (whole, near) = style.subplots(1, 2, height_in=4.6, gridspec_kw={"width_ratios": [1.0, 1.2]})
    _tissue_scatter(whole, severity, acid_secretion, np.linspace(6.7, 7.6, 46), legend=True)
    _tissue_scatter(near, severity, acid_secretion, np.linspace(7.36, 7.53, 18), legend=True)
    whole.set_ylabel("SI hydroxyapatite")
    handles = {}
    for ax in (near, whole):
        for handle, text in zip(*ax.get_legend_handles_labels()):
            handles.setdefault(text, handle)
    with style.context():
        fig.legend(list(handles.values()), list(handles), loc="outside lower center", ncols=3,
                   fontsize=style.SMALL_PT - 1)
    return fig


# ------------------------------------------------------------------ the body map

def _all_settings():
    for condition in homeostasis.CONDITIONS:
        for severity in BODY_MAP_SEVERITIES:
            for state in tissue.ACID_SECRETION_STATES:
                yield condition, severity, state


def si_color_range() -> tuple[float, float]:
    """The colour scale of the body map: whole SI units spanning every tissue in every explorer setting."""
    values = [tissue.local_chemistry(name, condition=c, severity=s, acid_secretion=a).saturation_index(
        "hydroxyapatite") for c, s, a in _all_settings() for name in tissue.TISSUES]
    return float(np.floor(min(values))), float(np.ceil(max(values)))


# Label anchors: (tissue, text x, text y, organ point x, organ point y, alignment)
_LABELS = (
    ("lung_apex", 0.2, 10.0, 3.9, 9.2, "left"),
    ("lung_base", 0.2, 8.1, 3.9, 7.7, "left"),
    ("arterial_blood", 9.8, 10.0, 5.25, 9.5, "right"),
    ("mixed_venous_blood", 0.2, 6.3, 4.7, 6.8, "left"),
    ("gastric_mucosa", 9.8, 6.6, 6.4, 6.55, "right"),
    ("renal_cortex", 0.2, 4.4, 3.8, 5.0, "left"),
    ("renal_interstitium", 9.8, 4.4, 6.05, 5.1, "right"),
)


@style.styled
def body_map(ax, si_by_tissue: dict[str, float], *, vmin: float, vmax: float):
    """Draw the schematic body on ``ax``, each modelled tissue filled by its SI; return the mappable.

    ``si_by_tissue`` maps every name of :data:`calcify_lib.tissue.TISSUES`
    to a hydroxyapatite SI; ``vmin``/``vmax`` fix the cividis colour scale.
    """
    from matplotlib import cm, colors
    from matplotlib.patches import Circle, Ellipse, FancyBboxPatch, Rectangle

    missing = set(tissue.TISSUES) - set(si_by_tissue)
    if missing:
        raise ValueError(f"si_by_tissue must give every tissue; missing {sorted(missing)}")
    norm = colors.Normalize(vmin=vmin, vmax=vmax)
    mappable = cm.ScalarMappable(norm=norm, cmap=_CMAP)

    def fill(name: str) -> str:
        return colors.to_hex(mappable.to_rgba(si_by_tissue[name]))

    skin, edge = style.GREYS["light_grey"], style.GREYS["dark_grey"]
    body = dict(facecolor=skin, edgecolor=edge, linewidth=1.2, zorder=1)
    ax.add_patch(Circle((5.0, 11.0), 0.75, **body))
    ax.add_patch(Rectangle((4.65, 10.0), 0.7, 0.4, **body))
    ax.add_patch(FancyBboxPatch((3.4, 4.3), 3.2, 5.8, boxstyle="round,pad=0.05,rounding_size=0.6", **body))
    for x in (2.55, 6.75):
        ax.add_patch(FancyBboxPatch((x, 5.0), 0.7, 4.8, boxstyle="round,pad=0.05,rounding_size=0.3", **body))
    for x in (3.6, 5.2):
        ax.add_patch(FancyBboxPatch((x, 0.3), 1.2, 4.0, boxstyle="round,pad=0.05,rounding_size=0.3", **body))
    organ = dict(edgecolor=style.OKABE_ITO["black"], linewidth=1.0, zorder=3)
    for x in (4.15, 5.85):
        base = Ellipse((x, 8.2), 1.1, 2.6, facecolor=fill("lung_base"), **organ)
        ax.add_patch(base)
        apex = Ellipse((x, 8.2), 1.1, 2.6, facecolor=fill("lung_apex"), **organ)
        ax.add_patch(apex)
        apex.set_clip_path(Rectangle((x - 0.6, 8.6), 1.2, 1.4, transform=ax.transData))
    ax.add_patch(Rectangle((5.1, 5.0), 0.22, 4.6, facecolor=fill("arterial_blood"), **organ))
    ax.add_patch(Rectangle((4.62, 5.0), 0.22, 4.6, facecolor=fill("mixed_venous_blood"), **organ))
    ax.add_patch(Ellipse((6.05, 6.65), 1.2, 0.7, angle=-25.0, facecolor=fill("gastric_mucosa"), **organ))
    for x in (4.0, 6.05):
        ax.add_patch(Ellipse((x, 5.2), 0.6, 1.0, facecolor=fill("renal_cortex"), **organ))
        ax.add_patch(Ellipse((x, 5.2), 0.26, 0.5, facecolor=fill("renal_interstitium"),
                             **{**organ, "zorder": 4}))
    for name, tx, ty, ox, oy, align in _LABELS:
        ax.annotate(f"{style.label('tissue', name)}\n{si_by_tissue[name]:+.2f}", xy=(ox, oy), xytext=(tx, ty), ha=align, va="center",
                    fontsize=style.SMALL_PT, color=style.OKABE_ITO["black"], zorder=5,
                    arrowprops=dict(arrowstyle="-", color=edge, lw=0.8, shrinkA=2, shrinkB=0))
    ax.set_xlim(0.0, 10.0)
    ax.set_ylim(2.2, 12.0)
    ax.set_aspect("equal")
    ax.axis("off")
    return mappable


def _body_map_picture(si_by_tissue: dict[str, float], vmin: float, vmax: float, *,
                      width_in: float = style.FIGURE_WIDTH_IN):
    fig, (ax, cax) = style.subplots(1, 2, width_in=width_in, height_in=5.5 * width_in / 6.0,
                                    gridspec_kw={"width_ratios": [1.0, 0.04]})
    mappable = body_map(ax, si_by_tissue, vmin=vmin, vmax=vmax)
    with style.context():
        bar = fig.colorbar(mappable, cax=cax)
        bar.set_label("SI of hydroxyapatite", fontsize=style.BASE_PT)
        cax.tick_params(labelsize=style.SMALL_PT)
    return fig


@accepts(severity=SEVERITY)
def body_map_figure(condition: str = "normal", severity: float = 1.0,
                    acid_secretion: str = "after_meal") -> Figure:
    """The body map of ``condition`` (static figure): each tissue coloured by its hydroxyapatite SI.

    The colour scale is :func:`si_color_range`, the same in every setting
    and in the explorer.
    """
    vmin, vmax = si_color_range()
    values = {name: tissue.local_chemistry(name, condition=condition, severity=severity,
                                           acid_secretion=acid_secretion).saturation_index("hydroxyapatite")
              for name in tissue.TISSUES}
    return _body_map_picture(values, vmin, vmax)


@accepts(severity=SEVERITY)
def body_map_readout_html(condition: str = "normal", severity: float = 1.0,
                          acid_secretion: str = "after_meal") -> str:
    """The explorer's readout: a table of each tissue's pH, SI and change from the normal adult."""
    rows = []
    for name in tissue.TISSUES:
        lc = tissue.local_chemistry(name, condition=condition, severity=severity, acid_secretion=acid_secretion)
        normal = tissue.local_chemistry(name, acid_secretion=acid_secretion)
        si = lc.saturation_index("hydroxyapatite")
        gain = si - normal.saturation_index("hydroxyapatite")
        rows.append(f'<tr><th scope="row">{html.escape(style.short_label("tissue", name))}</th>'
                    f'<td style="white-space:nowrap">{lc.ph:.2f}</td>'
                    f'<td style="white-space:nowrap">{si:+.2f}</td>'
                    f'<td style="white-space:nowrap">{gain:+.2f}</td></tr>')
    return ('<table class="calcify-table table"><caption>Local pH and hydroxyapatite SI</caption>'
            '<thead><tr><th scope="col">tissue</th><th scope="col">pH</th><th scope="col">SI</th>'
            '<th scope="col">vs normal</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>")


def body_map_explorer() -> Explorer:
    """Condition × severity × acid secretion → the body map, with every tissue's numbers in the readout.

    Each view is :func:`calcify_lib.tissue.local_chemistry` of every
    tissue; one picture per setting that changes the colours (identical
    pictures are stored once).
    """
    import matplotlib.pyplot as plt

    vmin, vmax = si_color_range()
    pictures: dict[tuple, bytes] = {}

    def render(condition: str, severity: float, acid_secretion: str) -> View:
        results = {name: tissue.local_chemistry(name, condition=condition, severity=severity,
                                                acid_secretion=acid_secretion) for name in tissue.TISSUES}
        values = {name: lc.saturation_index("hydroxyapatite") for name, lc in results.items()}
        key = tuple(round(values[name], 2) for name in tissue.TISSUES)
        if key not in pictures:
            fig = _body_map_picture(values, vmin, vmax, width_in=6.0)  # explorer pictures: 6.0 in
            pictures[key] = figure_png(fig, dpi=72, colors=64)
            plt.close(fig)
        top = max(values, key=values.get)
        bottom = min(values, key=values.get)
        alt = (f"Body map, {style.label('condition', condition).lower()}"
               f"{'' if condition == 'normal' else f', severity {severity:g}'}, "
               f"{ACID_SECRETION_LABELS[acid_secretion]}: hydroxyapatite SI highest in the "
               f"{style.label('tissue', top)} ({values[top]:+.2f}) and lowest in the "
               f"{style.label('tissue', bottom)} ({values[bottom]:+.2f}).")
        return View(png=pictures[key], alt=alt,
                    readout_html=body_map_readout_html(condition, severity, acid_secretion))

    description = (
        "A schematic body: lungs (apex above, base below), aorta (arterial blood) and vena cava (mixed "
        "venous blood), stomach, and both kidneys (cortex outside, papilla inside). Each is filled by the "
        f"saturation index of hydroxyapatite at its local pH (colour scale {vmin:g} to {vmax:g}, "
        "lighter is more supersaturated), with the serum calcium and phosphate of the chosen condition at "
        "steady state. The table gives the numbers and the change from the normal adult."
    )
    return Explorer(
        "Where the mineral goes: a body map",
        description,
        [
            Choice("condition", "Condition",
                   tuple((c, style.label("condition", c)) for c in homeostasis.CONDITIONS), "normal"),
            Slider("severity", "Severity", BODY_MAP_SEVERITIES, 1.0,
                   lambda v: f"{v:g} ({'none' if v == 0 else 'typical' if v == 1 else 'severe'})"),
            Choice("acid_secretion", "Stomach",
                   tuple((a, ACID_SECRETION_LABELS[a]) for a in tissue.ACID_SECRETION_STATES), "after_meal"),
        ],
        render,
    )


# -- self-checks (calcify_lib.selfcheck): every number from the models ----------------------------
def self_check_henderson_hasselbalch(hco3_mmol_l: float = 24.0, pco2_mmhg: float = 40.0) -> NumericEntry:
    """Numeric self-check: arterial pH from bicarbonate and PCO₂ (Henderson–Hasselbalch)."""
    ph = tissue.henderson_hasselbalch_ph(hco3_mmol_l, pco2_mmhg)
    solubility = tissue.co2_solubility_mmol_l_mmhg(37.0)
    pk = tissue.pk_prime(37.0)
    return NumericEntry(
        question=(f"Blood at 37 °C has bicarbonate {hco3_mmol_l:g} mmol/L and PCO₂ {pco2_mmhg:g} mmHg. "
                  "What is its pH? (two decimals)"),
        answer=ph, tolerance=0.01, unit="",
        explanation=(f"pH = pK′ + log10([HCO₃⁻] / (s·PCO₂)) = {pk:.3f} + log10({hco3_mmol_l:g} / "
                     f"({solubility:.4f} × {pco2_mmhg:g})) = {ph:.2f}."),
        too_low=(f"Multiply PCO₂ by the CO₂ solubility, {solubility:.4f} mmol/L per mmHg, before the ratio, "
                 "and put bicarbonate on top."),
        too_high=f"Use pK′ = {pk:.3f} at 37 °C, and the ratio of bicarbonate to dissolved CO₂, not to PCO₂.",
    )


def self_check_most_supersaturated_tissue() -> MultipleChoice:
    """Multiple-choice self-check: the tissue the model finds most supersaturated in the normal adult."""
    names = {"lung_apex": "The lung apex", "arterial_blood": "Arterial blood",
             "lung_base": "The lung base", "renal_interstitium": "The renal papilla"}
    local = {t: tissue.local_chemistry(t) for t in names}
    si = {t: float(lc.saturation_index("hydroxyapatite")) for t, lc in local.items()}
    top = max(si, key=si.get)
    options = tuple(
        Option(name, t == top, f"The model gives pH {local[t].ph:.2f} and a hydroxyapatite SI of {si[t]:.2f} there.")
        for t, name in names.items()
    )
    return MultipleChoice(
        question="In the normal adult, which of these does the model find the most supersaturated with hydroxyapatite?",
        options=options,
        explanation=("Every tissue sees the same serum calcium and phosphate; only the local pH differs, and the "
                     "poorly perfused, well ventilated apex is the most alkaline."),
    )
