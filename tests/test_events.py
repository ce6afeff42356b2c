import pandas as pd
import pytest

from lifemap.errors import DataError, LifemapError
from lifemap.events import between, load_events, read_events, select


@pytest.fixture
def mini(mini_events, mini_gazetteer):
    return load_events(mini_events, mini_gazetteer)


def test_a_period_takes_every_event_that_overlaps_it(mini):
    ids = lambda frame: list(frame["id"])
    # the seminary years 1894-1899 overlap 1898 but do not lie inside it
    assert "1894-education-tiflis-seminary" in ids(between(mini, "1898", "1898"))
    assert "1894-education-tiflis-seminary" not in ids(between(mini, "1898", "1898", contained=True))
    # month-precise edges: a span ending in March 1944 is in a period starting that month
    assert ids(between(mini, "1944-03", None)) == ["1944-deportation-kazakhstan-chechens", "1953-death-moscow"]
    assert ids(between(mini, None, "1878-12-17")) == []
    assert ids(between(mini, None, "1878-12-18")) == ["1878-birth-gori"]


def test_named_periods(mini):
    assert list(between(mini, period="war")["id"]) == ["1944-deportation-kazakhstan-chechens"]
    assert list(between(mini, period="childhood")["id"]) == ["1878-birth-gori", "1894-education-tiflis-seminary"]
    with pytest.raises(LifemapError, match="no period 'wars'; the periods are: childhood"):
        between(mini, period="wars")
    with pytest.raises(LifemapError, match="not both"):
        between(mini, "1917", period="war")


def test_the_curated_exile_at_kureika_is_inside_1915():
    ev = load_events()
    assert "1914-exile-kureika" in set(between(ev, "1915", "1915")["id"])


def test_select_by_kind_actor_layer_and_place(mini):
    assert list(select(mini, kind="exile")["place"]) == ["novaya-uda"]
    assert list(select(mini, actor="Chechens")["kind"]) == ["deportation"]
    assert set(select(mini, layer="life")["kind"]) == {"birth", "education", "travel", "death"}
    assert len(select(mini, kind=["arrest", "escape"], actor="Stalin")) == 2
    with pytest.raises(LifemapError, match="unknown kind"):
        select(mini, kind="holiday")


def test_the_frame_carries_names_then_and_now(mini):
    row = mini.set_index("id").loc["1918-front-volgograd"]
    assert (row["name_then"], row["name_now"], row["place_label"]) == ("Tsaritsyn", "Volgograd", "Tsaritsyn (now Volgograd)")
    assert row["first_day"] == pd.Timestamp("1918-06-01") and row["last_day"] == pd.Timestamp("1918-11-30")


HEADER = "id,date_start,date_end,precision,qualifier,calendar,kind,actor,place,origin,summary,source,start,end\n"
GOOD = "1878-birth-gori,1878-12-18,1878-12-18,day,,julian,birth,Stalin,gori,,Born,x.txt,0,10\n"


@pytest.mark.parametrize("row, field, message", [
    ("e,1917-02-31,1917-02-31,day,,gregorian,other,Stalin,gori,,S,x.txt,0,1\n", "date_start", "no such day"),
    ("e,1999,1899,year,,gregorian,other,Stalin,gori,,S,x.txt,0,1\n", "date_end", "ends before it starts"),
    ("e,1917,1917,day,,gregorian,other,Stalin,gori,,S,x.txt,0,1\n", "date_start", "day precision needs a day"),
    ("e,1917,1917,year,,gregorian,holiday,Stalin,gori,,S,x.txt,0,1\n", "kind", "not one of"),
    ("e,1917,1917,year,,gregorian,other,Stalin,atlantis,,S,x.txt,0,1\n", "place", "unknown place id 'atlantis'"),
    ("e,1917,1917,year,,gregorian,other,Stalin,gori,mu,S,x.txt,0,1\n", "origin", "unknown place id 'mu'"),
    ("e,1917,1917,year,,gregorian,other,Stalin,gori,,S,x.txt,ten,1\n", "start", "whole numbers"),
    ("e,1917,1917,year,,gregorian,other,Stalin,gori,,S,x.txt,5,1\n", "end", "not a span"),
    ("e,1917,1917,year,,lunar,other,Stalin,gori,,S,x.txt,0,1\n", "date_start", "calendar"),
    ("1878-birth-gori,1917,1917,year,,gregorian,other,Stalin,gori,,S,x.txt,0,1\n", "id", "duplicate id"),
    ("e,1917,1917,year,,gregorian,other,,gori,,S,x.txt,0,1\n", "actor", "empty"),
])
def test_a_malformed_events_file_names_file_line_and_field(tmp_path, mini_gazetteer, row, field, message):
    path = tmp_path / "events.csv"
    path.write_text(HEADER + GOOD + row, encoding="utf-8")
    with pytest.raises(DataError, match=message) as info:
        read_events(path, mini_gazetteer)
    assert (info.value.line, info.value.field) == (3, field)
    assert str(info.value).startswith(f"{path}:3: {field}: ")
