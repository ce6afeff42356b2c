import datetime as dt

import pytest

from lifemap.dates import DateSpan, gregorian_to_julian, julian_to_gregorian, parse_partial
from lifemap.errors import DateError


@pytest.mark.parametrize("span, label", [
    (("1903-11", "1903-11", "month", "late"), "late Nov 1903"),
    (("1878-12-18", "1878-12-18", "day", "", "julian"), "18 Dec 1878 (6 Dec O.S.)"),
    (("1917-11-07", "1917-11-07", "day", "", "julian"), "7 Nov 1917 (25 Oct O.S.)"),
    (("1916-12", "1917-02", "season"), "winter 1916–17"),
    (("1907-06", "1907-08", "season"), "summer 1907"),
    (("1918", "1921", "year"), "1918–1921"),
    (("1919-01", "1919-03", "month"), "Jan–Mar 1919"),
    (("1930", "1939", "decade"), "1930s"),
    (("1944-02-23", "1944-03", "day"), "23 Feb – Mar 1944"),
    (("1945-02-04", "1945-02-11", "day"), "4–11 Feb 1945"),
    (("1903-10", "1904-01-18", "month"), "Oct 1903 – 18 Jan 1904"),
])
def test_labels_say_what_the_source_says(span, label):
    assert DateSpan(*span).label() == label


def test_qualifiers_narrow_the_days_but_not_the_stored_date():
    late = DateSpan("1903-11", "1903-11", "month", "late")
    assert (late.first_day, late.last_day) == (dt.date(1903, 11, 21), dt.date(1903, 11, 30))
    early = DateSpan("1912", "1912", "year", "early")
    assert (early.first_day, early.last_day) == (dt.date(1912, 1, 1), dt.date(1912, 4, 30))
    assert late.start == "1903-11"


@pytest.mark.parametrize("span, first, last, label", [
    # "late November 1903" in the Old Style: 21-30 November O.S. are 4-13 December
    (("1903-11", "1903-11", "month", "late", "julian"), "1903-12-04", "1903-12-13", "late Nov 1903 (O.S.)"),
    # February 1917 O.S. has 28 days: 14 February to 13 March
    (("1917-02", "1917-02", "month", "", "julian"), "1917-02-14", "1917-03-13", "Feb 1917 (O.S.)"),
    # 1900 is a Julian leap year only: February O.S. runs to the 29th, 14 March
    (("1900-02", "1900-02", "month", "", "julian"), "1900-02-13", "1900-03-13", "Feb 1900 (O.S.)"),
    # a year O.S. starts and ends thirteen days late in the 20th century
    (("1912", "1912", "year", "", "julian"), "1912-01-14", "1913-01-13", "1912 (O.S.)"),
    (("1916-12", "1917-02", "season", "", "julian"), "1916-12-14", "1917-03-13", "winter 1916–17 (O.S.)"),
    # a day is stored converted already, so a span from a day to a month mixes the two on purpose
    (("1917-03-25", "1917-07", "day", "", "julian"), "1917-03-25", "1917-08-13", "25 Mar – Jul 1917 (12 Mar – Jul O.S.)"),
    (("1878-12-18", "1878-12-18", "day", "", "julian"), "1878-12-18", "1878-12-18", "18 Dec 1878 (6 Dec O.S.)"),
])
def test_an_old_style_month_or_year_is_stored_as_written_and_covers_its_gregorian_days(span, first, last, label):
    s = DateSpan(*span)
    assert (s.start, s.end) == span[:2]
    assert (s.first_day.isoformat(), s.last_day.isoformat(), s.label()) == (first, last, label)


def test_a_qualifier_in_a_span_tells_one_end():
    s = DateSpan("1903-11", "1904-01", "month", "late", "julian")
    assert [d.isoformat() for d in s.opens] == ["1903-12-04", "1903-12-13"]
    assert [d.isoformat() for d in s.closes] == ["1904-01-14", "1904-02-13"]  # all of January O.S.
    early = DateSpan("1941-06", "1941-12", "month", "early")
    assert [d.isoformat() for d in early.opens] == ["1941-06-01", "1941-06-30"]
    assert [d.isoformat() for d in early.closes] == ["1941-12-01", "1941-12-10"]


def test_old_style_conversion_follows_the_century_offsets():
    assert julian_to_gregorian(1878, 12, 6) == dt.date(1878, 12, 18)  # 12 days in the 19th century
    assert julian_to_gregorian(1900, 2, 29) == dt.date(1900, 3, 13)  # a Julian-only leap day
    assert julian_to_gregorian(1918, 2, 1) == dt.date(1918, 2, 14)  # the Soviet switch
    assert gregorian_to_julian(dt.date(1917, 3, 12)) == dt.date(1917, 2, 27)
    for ordinal in range(dt.date(1870, 1, 1).toordinal(), dt.date(1920, 1, 1).toordinal(), 97):
        day = dt.date.fromordinal(ordinal)
        j = gregorian_to_julian(day)
        assert julian_to_gregorian(j.year, j.month, j.day) == day


@pytest.mark.parametrize("bad", ["1917-02-31", "1917-13", "19170", "June 1917", "", "1900-02-29"])
def test_impossible_or_unreadable_dates_are_refused(bad):
    with pytest.raises(DateError):
        parse_partial(bad)


def test_a_span_cannot_end_before_it_starts_or_claim_precision_it_lacks():
    with pytest.raises(DateError, match="ends before"):
        DateSpan("1999", "1899", "year")
    with pytest.raises(DateError, match="day precision"):
        DateSpan("1903-11", "1903-11", "day")
    with pytest.raises(DateError, match="precision"):
        DateSpan("1903", "1903", "week")


def test_qualified_decades_narrow_to_part_of_the_decade():
    late = DateSpan("1920", "1929", "decade", "late")
    assert (late.first_day, late.last_day, late.label()) == (dt.date(1927, 1, 1), dt.date(1929, 12, 31), "late 1920s")
    early = DateSpan("1930", "1939", "decade", "early")
    assert (early.first_day, early.last_day) == (dt.date(1930, 1, 1), dt.date(1933, 12, 31))


def test_out_of_range_days_are_date_errors():
    with pytest.raises(DateError):
        parse_partial("0000-11")
    with pytest.raises(DateError):
        julian_to_gregorian(1917, 13, 1)
    with pytest.raises(DateError):
        julian_to_gregorian(9999, 12, 31)
