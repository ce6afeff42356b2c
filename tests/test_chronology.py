"""Ordering by what is known: intervals, a source's narrative, explicit ``after``, never 1 January."""
import datetime as dt

import pytest

from lifemap.chronology import Timing, chronology
from lifemap.dates import DateSpan
from lifemap.errors import DataError
from lifemap.events import load_events, read_events
from lifemap.route import stops

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is not installed (it is in the test extras)")
from hypothesis import given, settings, strategies as st  # noqa: E402

D = dt.date


def t(eid, start, end=None, precision=None, qualifier="", calendar="gregorian", source="", offset=-1, after=""):
    return Timing.of(eid, DateSpan.parse(start, end, precision, qualifier, calendar), source, offset, after)


def ids(timings):
    return [timings[i].id for i, _ in chronology(timings)]


def test_a_bare_year_does_not_sort_to_the_first_of_january():
    arrest = t("arrest", "1908-03", calendar="julian", source="other.txt", offset=10)
    year = t("exile", "1908", source="bio.txt", offset=5)
    assert ids([year, arrest]) == ["arrest", "exile"]
    (_, day), = [x for x in chronology([year, arrest]) if x[0] == 0]
    assert day == D(1908, 7, 1)  # the middle of the year, for want of anything better


def test_a_source_tells_the_order_where_its_dates_overlap():
    escape = t("escape", "1912-09", source="bio.txt", offset=400)
    trip = t("tiflis", "1912", source="bio.txt", offset=500)  # told after the escape: it came after it
    krakow = t("krakow", "1912", "1912", "year", "late", source="bio.txt", offset=600)
    assert ids([krakow, trip, escape]) == ["escape", "tiflis", "krakow"]


def test_a_source_looking_back_does_not_move_an_event_out_of_its_years():
    dacha = t("dacha", "1924", "1932", source="bio.txt", offset=900)  # told in a late chapter
    death = t("death", "1932-11", source="bio.txt", offset=100)
    lectures = t("lectures", "1924", source="bio.txt", offset=50)
    assert ids([dacha, death, lectures]) == ["lectures", "dacha", "death"]


def test_a_stay_comes_before_what_happens_during_it():
    kureika = t("kureika", "1914-03", "1916-12", source="a.txt", offset=1)
    child = t("child", "1914-12", source="b.txt", offset=1)
    assert ids([child, kureika]) == ["kureika", "child"]


def test_an_explicit_after_orders_what_the_dates_cannot():
    station = t("station", "1917-03-25", source="service.txt", offset=12881)
    pravda = t("pravda", "1917-03", source="wiki.txt", offset=19056)
    assert ids([pravda, station]) == ["pravda", "station"]  # the month's middle is before the 25th
    pravda = t("pravda", "1917-03", source="wiki.txt", offset=19056, after="station")
    assert ids([pravda, station]) == ["station", "pravda"]


def test_an_after_overrides_the_sources_order_of_the_two():
    work = t("smolny", "1917-11", "1918-03", calendar="julian", source="wiki.txt", offset=100,
             after="helsinki")  # began before the trip, but the route returns to it after
    trip = t("helsinki", "1917-11", calendar="julian", source="wiki.txt", offset=200)
    kremlin = t("kremlin", "1918-03", source="wiki.txt", offset=300)
    assert ids([work, trip, kremlin]) == ["helsinki", "smolny", "kremlin"]
    assert ids([t("smolny", "1917-11", "1918-03", calendar="julian", source="wiki.txt", offset=100), trip, kremlin]) \
        == ["smolny", "helsinki", "kremlin"]


def test_evidence_against_the_dates_gives_way():
    early = t("early", "1900", after="late")  # claims to follow an event that begins after it ends
    late = t("late", "1905")
    assert ids([early, late]) == ["early", "late"]
    a = t("a", "1910", source="x.txt", offset=2, after="b")
    b = t("b", "1910", source="x.txt", offset=1, after="a")  # a circle: the file order decides
    assert sorted(ids([a, b])) == ["a", "b"]


def test_ties_keep_the_input_order():
    a, b = t("a", "1920-05"), t("b", "1920-05")
    assert ids([a, b]) == ["a", "b"] and ids([b, a]) == ["b", "a"]


def test_the_stop_order_of_a_part_is_the_order_of_the_whole():
    events = load_events()
    whole = list(stops(events)["id"])
    part = events[events["kind"] != "arrest"]
    assert list(stops(part)["id"]) == [i for i in whole if i in set(part["id"])]


def test_after_must_name_another_event(tmp_path, mini_events, mini_gazetteer):
    header, *rows = mini_events.read_text(encoding="utf-8").splitlines()
    for after, message in (("1999-nothing", "no event with id"), ("1878-birth-gori", "cannot follow itself")):
        path = tmp_path / "events.csv"
        path.write_text("\n".join([header + ",after", rows[0] + f",{after}", *(r + "," for r in rows[1:])]) + "\n",
                        encoding="utf-8")
        with pytest.raises(DataError, match=message) as err:
            read_events(path, mini_gazetteer)
        assert err.value.line == 2 and err.value.field == "after"


# Properties --------------------------------------------------------------------------------------
@st.composite
def timings(draw):
    out = []
    n = draw(st.integers(1, 14))
    for k in range(n):
        start = draw(st.dates(D(1900, 1, 1), D(1905, 12, 31)))
        precision = draw(st.sampled_from(["day", "month", "year"]))
        cut = {"day": 10, "month": 7, "year": 4}[precision]
        end = start + dt.timedelta(days=draw(st.sampled_from([0, 0, 40, 400])))
        span = DateSpan(start.isoformat()[:cut], end.isoformat()[:cut], precision,
                        draw(st.sampled_from(["", "late"])) if precision != "day" else "",
                        draw(st.sampled_from(["gregorian", "julian"])))
        after = f"e{draw(st.integers(0, n - 1))}" if draw(st.booleans()) and n > 1 else ""
        out.append(Timing.of(f"e{k}", span, draw(st.sampled_from(["a.txt", "b.txt", ""])),
                             draw(st.integers(0, 50)), after if after != f"e{k}" else ""))
    return out


@settings(max_examples=300, deadline=None)
@given(timings())
def test_the_order_keeps_every_interval_in_its_place(items):
    ranked = chronology(items)
    assert sorted(i for i, _ in ranked) == list(range(len(items)))
    for k, (i, day) in enumerate(ranked):
        assert items[i].first <= day <= items[i].last
        if k:
            assert ranked[k - 1][1] <= day
        for j, _ in ranked[k + 1:]:
            assert not items[j].last < items[i].first, f"{items[j].id} ends before {items[i].id} begins"
    assert chronology(items) == ranked  # the same input, the same order


@settings(max_examples=200, deadline=None)
@given(timings())
def test_an_after_the_dates_allow_is_kept(items):
    # no other evidence (a source's order could close a circle with it, and then the dates decide)
    items = [Timing(x.id, x.first, x.last, x.begins) for x in items]
    if len(items) < 2:
        return
    a, b = items[0], items[-1]
    if b.last < a.first:
        return  # the dates put b first whatever it says
    items[-1] = Timing(b.id, b.first, b.last, b.begins, "", -1, a.id)
    position = {items[i].id: k for k, (i, _) in enumerate(chronology(items))}
    assert position[a.id] < position[b.id]
