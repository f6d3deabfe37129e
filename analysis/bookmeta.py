"""What the book says about itself: its title, and the study block of its first page.

The study settings (``seeds/study.yaml``, :mod:`analysis.corpus.study`) are read once by
the build. After extraction, when the seeds' countries are known, the staged book
source gets:

- its title in ``_config.yml`` (the HTML's header and the PDF's title page), the
  study's own or a generic one naming the seeds' most mentioned countries;
- ``_generated/study.md``, included by the first page: the title, the subtitle, the
  focus, partner and home countries, and the period, as text (the study file is part
  of the seeds folder, so it is escaped like seed text), and the HTML's download links
  (:mod:`analysis.downloads`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from analysis import myst
from analysis.corpus.study import Study
from analysis.downloads import links_block
from analysis.report.wording import country_name, join_and

#: Where the first page's study block is written, in the book source.
STUDY_PAGE = "_generated/study.md"
#: How many of the seeds' most mentioned countries a generic title names.
TITLE_COUNTRIES = 3


def top_countries(entities: pd.DataFrame, limit: int = TITLE_COUNTRIES) -> list[str]:
    """The seeds' most mentioned countries (English names), most mentioned first."""
    countries = entities[entities["type"] == "country"].copy()
    countries["mentions"] = pd.to_numeric(countries["mentions"], errors="coerce").fillna(0)
    countries = countries.sort_values(["mentions", "entity"], ascending=[False, True])
    return list(countries["entity"].head(limit))


def set_title(source: Path, title: str) -> None:
    """Write ``title`` into the staged ``_config.yml`` (the project's file is untouched)."""
    path = source / "_config.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config["title"] = title
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def study_block(study: Study, title: str, seeds: list[str] = ()) -> str:
    """The first page's Markdown block saying what this book studies. Citing the seeds
    here, in file order, numbers them in that order in the bibliography (its style
    numbers references as they are first cited)."""
    lines = [f"**This book:** {myst.escape(title)}"]
    if study.subtitle:
        lines[0] += f" — {myst.escape(study.subtitle)}"
    focus = join_and([myst.escape(country_name(c)) for c in study.focus_countries])
    lines.append(
        f"**Countries:** focus on {focus}; the partner country is "
        f"{myst.escape(country_name(study.partner_country))} and the home country "
        f"{myst.escape(country_name(study.home_country))}."
    )
    if study.period:
        lines.append(f"**Period studied:** {study.period[0]}–{study.period[1]}.")
    if seeds:
        lines.append(
            f"**Seeds:** {myst.cite_documents(seeds)}, numbered in the order of their files."
        )
    origin = (
        "the seeds folder's `study.yaml`"
        if study.given
        else "the defaults (the seeds folder has no `study.yaml`; the README says how to add one)"
    )
    lines.append(f"These settings come from {origin}.")
    return "\n\n".join(lines) + "\n"


def write_book_meta(
    source: Path,
    study: Study,
    entities: pd.DataFrame,
    with_pdf: bool = True,
    seeds: list[str] = (),
) -> str:
    """Title the staged book and write its study block, with the download links of the
    HTML book (the PDF's only when one is built); returns the title."""
    title = study.book_title(top_countries(entities))
    set_title(source, title)
    page = source / STUDY_PAGE
    page.parent.mkdir(parents=True, exist_ok=True)
    block = study_block(study, title, list(seeds)) + "\n" + links_block(with_pdf)
    page.write_text(block, encoding="utf-8")
    return title
