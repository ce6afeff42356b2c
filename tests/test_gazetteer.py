import datetime as dt

import pytest

from lifemap.errors import DataError, UnknownPlace
from lifemap.gazetteer import Gazetteer, fold, parse_names, read_places

D = dt.date


def test_a_name_resolves_to_one_place_whatever_the_date(mini_gazetteer):
    g = mini_gazetteer
    assert g.resolve("Tsaritsyn", D(1918, 6, 1)).id == g.resolve("Stalingrad", D(1942, 9, 1)).id == "volgograd"
    place = g["volgograd"]
    assert place.label_at(D(1918, 6, 1)) == "Tsaritsyn (now Volgograd)"
    assert place.label_at(D(1942, 9, 1)) == "Stalingrad (now Volgograd)"
    assert place.label_at(D(1970, 1, 1)) == "Volgograd"
    spb = g["saint-petersburg"]
    assert [spb.name_at(D(y, 6, 1)) for y in (1905, 1917, 1934, 2000)] == [
        "Saint Petersburg", "Petrograd", "Leningrad", "Saint Petersburg"]
    assert spb.name_at(D(1914, 8, 31)) == "Saint Petersburg" and spb.name_at(D(1914, 9, 1)) == "Petrograd"


@pytest.mark.parametrize("name, pid", [
    ("Kraków", "krakow"), ("Krakow", "krakow"), ("CRACOW", "krakow"), ("Krakau", "krakow"),
    ("Königsberg", "kaliningrad"), ("Koenigsberg", "kaliningrad"), ("Konigsberg", "kaliningrad"),
    ("Tiflis", "tbilisi"), ("tphilisi", "tbilisi"), ("Batum", "batumi"), ("St. Petersburg", "saint-petersburg"),
    ("Tiflis  Spiritual  Seminary", "tiflis-seminary"),
])
def test_case_diacritics_and_spellings_fold(mini_gazetteer, name, pid):
    assert mini_gazetteer.resolve(name).id == pid


def test_folding():
    assert fold("Sol'vychegodsk") == fold("Sol’vychegodsk") == fold("Solvychegodsk")
    assert fold("Mogilëv") == fold("Mogilev") and fold("Lwów") == "lwow"


def test_unknown_names_raise_a_named_error(mini_gazetteer):
    with pytest.raises(UnknownPlace, match="Atlantis"):
        mini_gazetteer.resolve("Atlantis")


def test_further_layers_are_asked_only_for_names_not_curated(mini_gazetteer):
    from lifemap.gazetteer import Place

    asked = []

    class Layer:
        def find(self, name):
            asked.append(name)
            return Place("osm-node-1", name, "village", "RU", 60.0, 90.0)

    g = Gazetteer(mini_gazetteer.places, layers=[Layer()])
    assert g.resolve("Gori").id == "gori" and asked == []
    assert g.resolve("Somewhere").id == "osm-node-1" and asked == ["Somewhere"]


def test_dated_names_must_not_overlap():
    assert [str(n) for n in parse_names("Tsaritsyn [..1925]; Stalingrad [1925..1961]; Batum")] == [
        "Tsaritsyn [..1925]", "Stalingrad [1925..1961]", "Batum"]
    with pytest.raises(Exception, match="overlap"):
        parse_names("A [..1930]; B [1925..1961]")


HEADER = "id,name,kind,country,lat,lon,parent,coord_source,names,note\n"


@pytest.mark.parametrize("rows, line, field", [
    ("gori,Gori,city,GE,41.98,44.11,,,,\ngori,Gori,city,GE,41.98,44.11,,,,\n", 3, "id"),
    ("gori,Gori,city,GE,141.98,44.11,,,,\n", 2, "lat"),
    ("gori,Gori,city,GE,41.98,east,,,,\n", 2, "lon"),
    ("gori,Gori,town,GE,41.98,44.11,,,,\n", 2, "kind"),
    ("gori,Gori,city,Georgia,41.98,44.11,,,,\n", 2, "country"),
    ("tbilisi,Tbilisi,city,GE,41.7,44.8,,,,\nsem,Seminary,site,GE,41.7,44.8,,,,\n", 3, "parent"),
    ("gori,Gori,city,GE,41.98,44.11,,,,\nsem,Seminary,site,GE,41.7,44.8,tbilisi,,,\n", 3, "parent"),
    ("volgograd,Volgograd,city,RU,48.7,44.5,,,Tsaritsyn [..1930]; Stalingrad [1925..1961],\n", 2, "names"),
    ("Volgograd,Volgograd,city,RU,48.7,44.5,,,,\n", 2, "id"),
])
def test_a_malformed_places_file_names_file_line_and_field(tmp_path, rows, line, field):
    path = tmp_path / "places.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_places(path)
    err = info.value
    assert (err.path, err.line, err.field) == (str(path), line, field)
    assert f"places.csv:{line}: {field}:" in str(err)


def test_a_missing_column_is_reported_on_the_header_line(tmp_path):
    path = tmp_path / "places.csv"
    path.write_text("id,name,kind,country,lat,parent,coord_source,names,note\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"places.csv:1: header: missing column\(s\): lon"):
        read_places(path)


def test_a_file_that_is_not_utf8_is_refused_with_its_line(tmp_path):
    path = tmp_path / "places.csv"
    path.write_bytes(HEADER.encode() + "gori,Gori,city,GE,41.98,44.11,,,K\xf6nigsberg,\n".encode("latin-1"))
    with pytest.raises(DataError, match="not UTF-8"):
        read_places(path)


def test_places_as_a_geodataframe(mini_gazetteer):
    frame = mini_gazetteer.to_frame()
    assert frame.crs.to_epsg() == 4326 and len(frame) == len(mini_gazetteer)
    row = frame.set_index("id").loc["volgograd"]
    assert (row.geometry.x, row.geometry.y) == (row["lon"], row["lat"])
    assert "Stalingrad [1925..1961]" in row["names"]
