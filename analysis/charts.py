"""Altair charts for the book: one theme, one way to show a chart in HTML and PDF.

Each chart is displayed as a single output with two representations:

* ``text/html``: a ``<div>`` and a call to ``vegaEmbed`` — the Vega, Vega-Lite and
  vega-embed libraries are vendored into the book's static files by the build
  (``analysis.build``), so charts draw with no network access;
* ``image/png``: a static rendering made with vl-convert, which the LaTeX builder
  picks through myst-nb's MIME priority (``nb_mime_priority_overrides`` in
  ``_config.yml``), so the PDF never shows a blank placeholder.

The data behind each chart is written as CSV next to the page and linked below it.
"""

from __future__ import annotations

import base64
import re

import altair as alt
import pandas as pd
import vl_convert as vlc
from IPython.display import display

from analysis import myst

#: Okabe & Ito's colour-blind-safe palette (black last: it is used for text and rules).
PALETTE = [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#56B4E9",
    "#CC79A7",
    "#F0E442",
    "#000000",
]
THEME = "report"
FONT = "FreeSans"
WIDTH = 560
VEGA_LITE_VERSION = "6.4"
#: Most data rows a chart may embed. A chart is drawn from top-N or aggregated rows
#: (the full data goes to its CSV); one row per document or per claim of a large corpus
#: would make an unreadable chart, a page of megabytes and a PNG of tens of megabytes.
MAX_ROWS = 500
#: Bars (or rows of dots) a per-item chart shows before it keeps only the top ones.
TOP_N = 25


@alt.theme.register(THEME, enable=False)
def _theme() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "font": FONT,
            "range": {"category": PALETTE},
            "view": {"stroke": None},
            "axis": {"labelFontSize": 11, "titleFontSize": 12, "grid": True, "gridOpacity": 0.4},
            "legend": {"labelFontSize": 11, "titleFontSize": 12},
            "title": {"fontSize": 14, "anchor": "start", "subtitleColor": "#444444"},
            "background": "white",
        }
    }


#: Kinds of claim: targets (plans, capacities), forecasts (expectations) and facts.
KINDS = ("target", "forecast", "fact")
#: Their colours and shapes, the same in every chart of claims (a shape reads in grey).
#: (orange, reddish purple, blue: told apart in print, unlike orange and vermilion)
KIND_SCALE = alt.Scale(domain=list(KINDS), range=[PALETTE[1], PALETTE[5], PALETTE[0]])
KIND_SHAPES = alt.Scale(domain=list(KINDS), range=["diamond", "triangle-up", "circle"])


#: Log-axis labels in thousands, millions and billions ("1.5 M", "50 bn"): full numbers
#: ("1,000,00010,000,000") run into each other on a printed log axis.
_LOG_LABEL = (
    "datum.value >= 1e9 ? format(datum.value / 1e9, '~g') + ' bn' : "
    "datum.value >= 1e6 ? format(datum.value / 1e6, '~g') + ' M' : "
    "datum.value >= 1e3 ? format(datum.value / 1e3, '~g') + ' k' : format(datum.value, '~g')"
)


def log_axis() -> alt.Axis:
    """A log scale's axis whose labels never overlap (the overlapping ones are dropped)."""
    return alt.Axis(labelExpr=_LOG_LABEL, labelOverlap="greedy", labelSeparation=6)


def kind_color() -> alt.Color:
    """Colour by kind of claim (target, forecast or fact), the same in every chart."""
    return alt.Color("kind:N", title="Kind", scale=KIND_SCALE)


def facet_by_unit(chart: alt.Chart, title: str, order: list[str] | None = None) -> alt.FacetChart:
    """One row per unit with independent axes: values in different units never share an axis."""
    row = alt.Row(
        "unit:N",
        title=None,
        header=alt.Header(
            labelAngle=0, labelAlign="left", labelFontWeight="bold", labelOrient="top"
        ),
    )
    if order is not None:
        row = row.sort(order)
    return chart.facet(row=row, title=title).resolve_scale(x="independent", y="independent")


def setup() -> None:
    """The shared chapter preamble: one chart theme and display settings for every chapter."""
    enable_theme()
    pd.set_option("display.max_colwidth", 120)


def enable_theme() -> None:
    """Enable the book's single Altair theme (called by ``charts.setup``)."""
    alt.theme.enable(THEME)


def _check_name(name: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9\-]*", name):
        raise ValueError(f"chart names are lower-case slugs, got {name!r}")
    return name


def spec(chart: alt.TopLevelMixin) -> dict:
    """The chart's Vega-Lite specification, without the remote ``$schema`` address."""
    with alt.theme.enable(THEME):
        result = chart.to_dict()
    result.pop("$schema", None)
    return result


def top_note(total: int, shown: int, what: str) -> str:
    """ "The chart shows the 25 seeds with most claims; all 1,000 are in the CSV. " or ""."""
    if total <= shown:
        return ""
    return f"The chart shows the {shown:,} {what}; all {total:,} are in the CSV. "


def data_rows(chart_spec: dict) -> int:
    """How many data rows a Vega-Lite spec embeds (all its inline datasets together)."""
    rows = 0
    for values in (chart_spec.get("datasets") or {}).values():
        rows += len(values) if isinstance(values, list) else 0

    def inline(node: object) -> int:
        if isinstance(node, dict):
            data = node.get("data")
            found = 0
            if isinstance(data, dict) and isinstance(data.get("values"), list):
                found = len(data["values"])
            return found + sum(inline(v) for k, v in node.items() if k != "data")
        if isinstance(node, list):
            return sum(inline(v) for v in node)
        return 0

    return rows + inline({k: v for k, v in chart_spec.items() if k != "datasets"})


def check_size(chart_spec: dict, name: str, max_rows: int = MAX_ROWS) -> None:
    """Refuse a chart that embeds more than ``max_rows`` data rows (see :data:`MAX_ROWS`)."""
    rows = data_rows(chart_spec)
    if rows > max_rows:
        raise ValueError(
            f"chart {name!r} embeds {rows:,} data rows (more than {max_rows:,}): show the "
            "top rows or an aggregate, and put the full data in its CSV"
        )


def png(chart_spec: dict, scale: float = 2.0) -> bytes:
    """A static PNG of a Vega-Lite spec (vl-convert, no browser, no network)."""
    return vlc.vegalite_to_png(chart_spec, vl_version=VEGA_LITE_VERSION, scale=scale)


def html(chart_spec: dict, name: str, title: str) -> str:
    """The HTML that draws the chart with the vendored vega-embed."""
    element = f"chart-{_check_name(name)}"
    options = {"actions": False, "renderer": "svg", "mode": "vega-lite"}
    return (
        f'<div id="{element}" class="report-chart" role="figure" '
        f'aria-label="{_attribute(title)}"></div>\n'
        "<script>\n"
        f'vegaEmbed("#{element}", {myst.json_for_script(chart_spec)}, '
        f"{myst.json_for_script(options)})"
        '.catch(function (error) { console.error("chart ' + element + ':", error); });\n'
        "</script>"
    )


def _attribute(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


def show(
    chart: alt.TopLevelMixin,
    *,
    name: str,
    data: pd.DataFrame,
    caption: str,
    title: str | None = None,
    max_rows: int = MAX_ROWS,
) -> None:
    """Display a chart (HTML + PNG), then its caption and a link to its CSV data.

    ``caption`` is MyST written by the notebook (with ``myst.cite`` roles naming
    its sources); any seed text inside it must already be escaped. ``data`` (the CSV)
    may hold every row; the chart itself must embed at most ``max_rows`` rows
    (:func:`check_size`).
    """
    chart_spec = spec(chart)
    check_size(chart_spec, name, max_rows)
    label = title or _spec_title(chart_spec) or name
    bundle = {
        "text/html": html(chart_spec, name, label),
        "image/png": base64.b64encode(png(chart_spec)).decode("ascii"),
        "text/plain": f"<chart {name}: {label}>",
    }
    display(bundle, raw=True, metadata={"image/png": {"alt": label}})
    csv_path = myst.write_data(data, name)
    myst.show(f"{caption} {myst.download_link(csv_path)}")


def _spec_title(chart_spec: dict) -> str:
    title = chart_spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    if isinstance(title, list):
        title = " ".join(map(str, title))
    return str(title) if title else ""
