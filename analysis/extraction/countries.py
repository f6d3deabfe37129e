"""Country names, adjectives and demonyms in French and English.

Names are generated for every ISO 3166 alpha-2 country, not hand-listed: the French and
English territory names from Babel (CLDR) plus pycountry's name, common name and
official name, with accent-free variants ("Etats-Unis"). Extra aliases and historic
states (USSR) come from the ``countries`` section of ``analysis/data/actors.yaml``.

Neither Babel nor pycountry carries adjectives or demonyms, so a small curated table in
the same YAML gives one base form per language; French feminine and plural forms and
English plurals are derived here by regular morphology ("chinois" -> "chinoise",
"chinoises"; "coréen" -> "coréenne"), and compound prefixes ("russo-", "sino-") match
"russo-chinoise" style compounds.

How adjectives count: an adjective or demonym is a mention of the country (it is in
``mentions.csv`` and counts towards the country's mentions and the document's
specificity). It is a *relation participant* only when it does not qualify an
organisation noun or a named actor: "une initiative chinoise ... sur le sol kazakh"
relates China and Kazakhstan, while "le constructeur automobile chinois JAC" or "les
entreprises chinoises" only say where a firm is from (see ``actors.adjective_role``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import pycountry
from babel import Locale


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
        for variant in (name, strip_accents(name)):
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
    entries: list[CountryEntry] = []
    seen: set[str] = set()
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = country.alpha_2
        name = en.get(code) or country.name
        names = [
            en.get(code),
            fr.get(code),
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        ]
        names += list(extra.get(code, {}).get("aliases", []))
        aliases = tuple(a for a in _clean_names(names) if a not in excluded_aliases)
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
    """Expand the curated adjective table into every matchable form."""
    out: list[AdjectiveForm] = []
    for code, spec in sorted(table.items()):
        for base in spec.get("fr", []):
            out += [AdjectiveForm(f, code, "fr") for f in french_adjective_forms(base)]
        for base in spec.get("en", []):
            out += [AdjectiveForm(f, code, "en") for f in english_adjective_forms(base)]
        for prefix in spec.get("prefix", []):
            out.append(AdjectiveForm(prefix, code, "fr", prefix=True))
            out.append(AdjectiveForm(prefix, code, "en", prefix=True))
    return out
