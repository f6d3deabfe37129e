"""The optional study settings of a seeds folder (``seeds/study.yaml``).

A folder of articles about Uzbekistan should not get a book titled about Russia. The
folder may say what it is about::

    title: "Uzbekistan's car assembly and its Chinese partners"
    subtitle: "What twelve news articles of 2024 say"
    focus_countries: [UZ, CN, KZ]   # ISO 3166 alpha-2 codes
    partner_country: CN             # the foreign partner whose share the pivot measures
    home_country: UZ                # the country whose foreign links are counted
    period: [2022, 2025]            # the years studied (first, last)

Every key is optional. Without the file, or without a key, the defaults apply (the
focus, partner and home countries below) and the title says what the seeds are about
in generic terms (:func:`generic_title`). A bad value raises :class:`StudyError`, whose
message names the file and the key. The file is no seed: the corpus never reads it as
one (``reader.is_candidate``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pycountry
import yaml

#: The study file's name, in the seeds folder.
STUDY_NAME = "study.yaml"
DEFAULT_FOCUS = ("RU", "CN", "KZ")
DEFAULT_PARTNER = "CN"
DEFAULT_HOME = "RU"
KEYS = ("title", "subtitle", "focus_countries", "partner_country", "home_country", "period")
#: Longest title or subtitle kept (a title is a line, not a paragraph).
MAX_TITLE = 160


class StudyError(ValueError):
    """A study file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Study:
    """What a book is about: read once from the seeds folder, never changed."""

    title: str = ""
    subtitle: str = ""
    focus_countries: tuple[str, ...] = DEFAULT_FOCUS
    partner_country: str = DEFAULT_PARTNER
    home_country: str = DEFAULT_HOME
    period: tuple[int, int] | None = None
    #: Whether the seeds folder had a study file.
    given: bool = False

    def book_title(self, countries: list[str] | None = None) -> str:
        """The title, or a generic one naming the seeds' most mentioned ``countries``."""
        return self.title or generic_title(countries or [])


def generic_title(countries: list[str]) -> str:
    """A title that says what any seeds are about: their most named countries."""
    if not countries:
        return "Actors, partnerships and supply chains in the news: a reading of the seeds"
    named = countries[:3]
    joined = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    return f"{joined} in the news: actors, partnerships and supply chains"


def read_study(seeds_dir: Path) -> Study:
    """The study settings of ``seeds_dir`` (the defaults when it has no study file)."""
    path = seeds_dir / STUDY_NAME
    if not path.is_file():
        return Study()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise StudyError(f"{path}: cannot be read as YAML ({error})") from None
    if data is None:
        return Study(given=True)
    if not isinstance(data, dict):
        raise StudyError(f"{path}: expected keys ({', '.join(KEYS)}), found {type(data).__name__}")
    unknown = sorted(str(k) for k in data if k not in KEYS)
    if unknown:
        raise StudyError(f"{path}: unknown key(s) {', '.join(unknown)}; known: {', '.join(KEYS)}")
    focus = tuple(_country(path, "focus_countries", c) for c in _list(path, data))
    focus = focus or DEFAULT_FOCUS
    partner, home = (
        _country(path, key, data[key]) if key in data else None
        for key in ("partner_country", "home_country")
    )
    return Study(
        title=_text(path, data, "title"),
        subtitle=_text(path, data, "subtitle"),
        focus_countries=focus,
        partner_country=partner or DEFAULT_PARTNER,
        home_country=home or default_home(focus),
        period=_period(path, data.get("period")),
        given=True,
    )


def default_home(focus_countries: tuple[str, ...]) -> str:
    """Russia when it is a focus country (the default study's home), else the first."""
    return DEFAULT_HOME if DEFAULT_HOME in focus_countries else focus_countries[0]


def _text(path: Path, data: dict, key: str) -> str:
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str) or "\n" in value.strip():
        raise StudyError(f"{path}: '{key}' must be one line of text")
    value = " ".join(value.split())
    if len(value) > MAX_TITLE:
        raise StudyError(f"{path}: '{key}' is {len(value)} characters long (at most {MAX_TITLE})")
    return value


def _list(path: Path, data: dict) -> list:
    value = data.get("focus_countries", [])
    if value is None:
        return []
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    if not isinstance(value, list):
        raise StudyError(f"{path}: 'focus_countries' must be a list of country codes")
    return value


def _country(path: Path, key: str, value: object) -> str:
    code = str(value or "").strip().upper()
    if not code or pycountry.countries.get(alpha_2=code) is None:
        raise StudyError(
            f"{path}: '{key}': {value!r} is not an ISO 3166 alpha-2 country code (e.g. RU, CN, UZ)"
        )
    return code


def _period(path: Path, value: object) -> tuple[int, int] | None:
    if value is None:
        return None
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        and 1900 <= value[0] <= value[1] <= 2100
    ):
        return (value[0], value[1])
    raise StudyError(f"{path}: 'period' must be [first year, last year], e.g. [2022, 2025]")
