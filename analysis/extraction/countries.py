"""Country names, adjectives and demonyms in French, English and Russian.

Names are generated for every ISO 3166 alpha-2 country, not hand-listed: the French and
English territory names from Babel (CLDR), pycountry's name, common name and official
name, Babel's Russian territory names ("Соединенные Штаты", "ОАЭ"), and the English,
French and Russian common and official names and Latin
alternative spellings of ``analysis/data/countries.csv`` (derived from the
mledoze/countries reference data, ODbL; see its header), with accent-free variants
("Etats-Unis"). A name that two countries share ("Congo") names neither. Extra aliases
and historic states (USSR) come from the ``countries`` section of
``analysis/data/actors.yaml``.

Adjectives and demonyms come from the same CSV (English and French demonyms, masculine
and feminine), completed by the curated ``adjectives`` table of the YAML for forms it
lacks ("kazakh", "Kyrgyz") and compound prefixes ("russo-", "sino-" match
"russo-chinoise"); French plurals and English plurals are derived here by regular
morphology ("chinois" -> "chinoise", "chinoises"; "coréen" -> "coréenne"). A generated
form that two countries share ("Congolese") is dropped unless the curated table assigns
it. English forms are matched capitalised only ("Polish", not "polish").

How adjectives count: an adjective or demonym is a mention of the country (it is in
``mentions.csv`` and counts towards the country's mentions and the document's
specificity). It is a *relation participant* only when it does not qualify an
organisation noun or a named actor: "une initiative chinoise ... sur le sol kazakh"
relates China and Kazakhstan, while "le constructeur automobile chinois JAC" or "les
entreprises chinoises" only say where a firm is from (see ``actors.adjective_role``).
"""

from __future__ import annotations

import csv
import functools
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pycountry
from babel import Locale

REFERENCE_PATH = Path(__file__).resolve().parents[1] / "data" / "countries.csv"


@functools.cache
def reference_table(path: Path = REFERENCE_PATH) -> dict[str, dict[str, list[str]]]:
    """``countries.csv`` by ISO code: lists of names (en, fr, ru) and demonyms."""
    with open(path, encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {
            r["code"]: {k: [v for v in r[k].split("|") if v] for k in r if k != "code"}
            for r in rows
        }


@dataclass(frozen=True)
class CountryEntry:
    code: str
    name: str
    aliases: tuple[str, ...]


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _clean_names(names: list[str | None]) -> list[str]:
    out: list[str] = []
    for name in names:
        # pycountry's inverted names ("Korea, Republic of") are not how text names them.
        if not name or "," in name or "(" in name:
            continue
        # Accent-free variants for Latin script only (й is not an accented и).
        latin = not any("\u0400" <= c <= "\u04ff" for c in name)
        for variant in (name, strip_accents(name)) if latin else (name,):
            if variant not in out:
                out.append(variant)
    return out


def generated_countries(extra: dict[str, dict], excluded_aliases: set[str]) -> list[CountryEntry]:
    """One entry per ISO 3166 country (Babel en name as canonical name), plus ``extra``.

    ``extra`` maps an alpha-2 code to ``{"name": ..., "aliases": [...]}``; a code unknown to
    pycountry (a historic state such as SU) must give its name.
    """
    fr = Locale("fr").territories
    en = Locale("en").territories
    ru = Locale("ru").territories
    reference = reference_table()
    candidates: dict[str, list[str]] = {}
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = country.alpha_2
        ref = reference.get(code, {})
        names = [
            en.get(code),
            fr.get(code),
            ru.get(code),
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
            *ref.get("en", []),
            *ref.get("fr", []),
            *ref.get("ru", []),
        ]
        candidates[code] = _clean_names(names)
    owners = Counter(n.casefold() for names in candidates.values() for n in set(names))
    entries: list[CountryEntry] = []
    seen: set[str] = set()
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = country.alpha_2
        name = en.get(code) or country.name
        names = [n for n in candidates[code] if owners[n.casefold()] == 1]
        names += _clean_names(list(extra.get(code, {}).get("aliases", [])))
        names = list(dict.fromkeys(names))
        aliases = tuple(a for a in names if a not in excluded_aliases)
        entries.append(CountryEntry(code, extra.get(code, {}).get("name", name), aliases))
        seen.add(code)
    for code, spec in sorted(extra.items()):
        if code in seen:
            continue
        if "name" not in spec:
            raise ValueError(f"country {code!r}: not an ISO 3166 country, give its 'name'")
        entries.append(CountryEntry(code, spec["name"], tuple(_clean_names(spec["aliases"]))))
    return entries


def french_adjective_forms(base: str) -> list[str]:
    """Masculine singular French adjective -> its four forms (regular morphology)."""
    if base.endswith("e"):
        forms = [base, base + "s"]
    elif base.endswith("s"):
        forms = [base, base + "e", base + "es"]
    elif base.endswith("en"):
        forms = [base, base + "ne", base + "s", base + "nes"]
    elif base.endswith("c"):
        forms = [base, base[:-1] + "que", base + "s", base[:-1] + "ques"]
    else:
        forms = [base, base + "e", base + "s", base + "es"]
    return forms


def english_adjective_forms(base: str) -> list[str]:
    """English adjective -> adjective and plural demonym where one exists ("Russians")."""
    if base.endswith(("ese", "sh", "ch", "ss")):
        return [base]
    return [base, base + "s"]


@dataclass(frozen=True)
class AdjectiveForm:
    form: str
    code: str
    lang: str
    prefix: bool = False


def adjective_forms(table: dict[str, dict]) -> list[AdjectiveForm]:
    """Every matchable adjective form: the reference demonyms (forms two countries share
    dropped) and the curated ``table``, which wins where they disagree."""
    curated = _expand(table)
    taken = {(a.form.casefold(), a.lang) for a in curated}
    generated = _expand(
        {
            code: {"fr": ref.get("demonyms_fr", []), "en": ref.get("demonyms_en", [])}
            for code, ref in reference_table().items()
        }
    )
    owners: dict[tuple[str, str], set[str]] = {}
    for a in generated:
        owners.setdefault((a.form.casefold(), a.lang), set()).add(a.code)
    unique = [
        a
        for a in generated
        if len(owners[(a.form.casefold(), a.lang)]) == 1
        and (a.form.casefold(), a.lang) not in taken
    ]
    return curated + list({(a.form, a.lang): a for a in unique}.values())


def _expand(table: dict[str, dict]) -> list[AdjectiveForm]:
    out: list[AdjectiveForm] = []
    for code, spec in sorted(table.items()):
        for base in spec.get("fr", []):
            out += [AdjectiveForm(f, code, "fr") for f in french_adjective_forms(base)]
        for base in spec.get("en", []):
            out += [AdjectiveForm(f, code, "en") for f in english_adjective_forms(base)]
        # Russian: the dictionary form only, matched on lemmas (every case and number)
        out += [AdjectiveForm(base, code, "ru") for base in spec.get("ru", [])]
        for prefix in spec.get("prefix", []):
            out.append(AdjectiveForm(prefix, code, "fr", prefix=True))
            out.append(AdjectiveForm(prefix, code, "en", prefix=True))
    return out


#: Languages whose names of the world's regions are read (those of the seeds).
REGION_LANGUAGES = ("fr", "en", "ru")


@functools.cache
def world_regions() -> frozenset[str]:
    """Lower-cased, accent-free names of the world's regions ("Asie centrale", "Central
    Asia", "Europe"; CLDR's UN M.49 regions, from Babel): areas, no actors and no
    countries."""
    return frozenset(
        strip_accents(name).lower().replace("’", "'")
        for lang in REGION_LANGUAGES
        for code, name in Locale(lang).territories.items()
        if code.isdigit()
    )
