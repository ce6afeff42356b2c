"""Date expressions found in prose: the forms, what is refused, carried years, problems, the seeds."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from lifemap.dates import DateSpan
from lifemap.errors import DateError
from lifemap.timex import DateMention, DateProblem, find_dates, scan_dates

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def only(text: str, **kw) -> DateMention:
    found = find_dates(text, **kw)
    assert len(found) == 1, found
    return found[0]


def spans(text: str, **kw) -> list[DateSpan]:
    return [m.span for m in find_dates(text, **kw)]


# Every form: (text, the mention's text, start, end, precision, qualifier, calendar) -------------
FORMS = [
    # full dates
    ("5 March 1953", "5 March 1953", "1953-03-05", "1953-03-05", "day", "", "gregorian"),
    ("March 5, 1953", "March 5, 1953", "1953-03-05", "1953-03-05", "day", "", "gregorian"),
    ("on 9 March 1917", "9 March 1917", "1917-03-09", "1917-03-09", "day", "", "gregorian"),
    ("the 5th of March 1953", "5th of March 1953", "1953-03-05", "1953-03-05", "day", "", "gregorian"),
    ("4 Sept. 1917", "4 Sept. 1917", "1917-09-04", "1917-09-04", "day", "", "gregorian"),
    ("1917-11-07", "1917-11-07", "1917-11-07", "1917-11-07", "day", "", "gregorian"),
    # Old Style: the Gregorian date is stored, the calendar says the source counted in O.S.
    ("18 December [O.S. 6 December] 1878", "18 December [O.S. 6 December] 1878",
     "1878-12-18", "1878-12-18", "day", "", "julian"),
    ("7 November [O.S. 25 October] 1917", "7 November [O.S. 25 October] 1917",
     "1917-11-07", "1917-11-07", "day", "", "julian"),
    ("25 October [N.S. 7 November] 1917", "25 October [N.S. 7 November] 1917",
     "1917-11-07", "1917-11-07", "day", "", "julian"),
    ("18 Dec 1878 (6 Dec O.S.)", "18 Dec 1878 (6 Dec O.S.)", "1878-12-18", "1878-12-18", "day", "", "julian"),
    ("October 24 [O.S. October 12] 1886", "October 24 [O.S. October 12] 1886", "1886-10-24", "1886-10-24", "day", "",
     "julian"),
    ("March 8, 1917 [O.S. February 23]", "March 8, 1917 [O.S. February 23]", "1917-03-08", "1917-03-08", "day", "",
     "julian"),
    ("25 October (O.S.) 1917", "25 October (O.S.) 1917", "1917-11-07", "1917-11-07", "day", "", "julian"),
    ("25 October 1917 (O.S.)", "25 October 1917 (O.S.)", "1917-11-07", "1917-11-07", "day", "", "julian"),
    ("29 February 1900 (O.S.)", "29 February 1900 (O.S.)", "1900-03-13", "1900-03-13", "day", "", "julian"),
    ("24–25 October 1917 (O.S.)", "24–25 October 1917 (O.S.)", "1917-11-06", "1917-11-07", "day", "", "julian"),
    ("late November 1903 (O.S.)", "late November 1903 (O.S.)", "1903-11", "1903-11", "month", "late", "julian"),
    ("26 October 1917 by the Old Style reckoning", "26 October 1917 by the Old Style reckoning", "1917-11-08",
     "1917-11-08", "day", "", "julian"),
    ("on 6 December 1878, by the Old Style calendar", "6 December 1878, by the Old Style calendar", "1878-12-18",
     "1878-12-18", "day", "", "julian"),
    # month and year
    ("December 1878", "December 1878", "1878-12", "1878-12", "month", "", "gregorian"),
    ("in April 1902", "April 1902", "1902-04", "1902-04", "month", "", "gregorian"),
    ("Dec. 1878", "Dec. 1878", "1878-12", "1878-12", "month", "", "gregorian"),
    # qualifiers
    ("late November 1903", "late November 1903", "1903-11", "1903-11", "month", "late", "gregorian"),
    ("mid-August 1920", "mid-August 1920", "1920-08", "1920-08", "month", "mid", "gregorian"),
    ("early 1912", "early 1912", "1912", "1912", "year", "early", "gregorian"),
    ("in mid-1903", "mid-1903", "1903", "1903", "year", "mid", "gregorian"),
    ("in the middle of 1907", "middle of 1907", "1907", "1907", "year", "mid", "gregorian"),
    ("by the end of 1919", "end of 1919", "1919", "1919", "year", "late", "gregorian"),
    ("at the beginning of 1923", "beginning of 1923", "1923", "1923", "year", "early", "gregorian"),
    ("Early in 1918", "Early in 1918", "1918", "1918", "year", "early", "gregorian"),
    ("late in the summer of 1917", "late in the summer of 1917", "1917-06", "1917-08", "season", "late", "gregorian"),
    ("toward the end of the year 1774", "end of the year 1774", "1774", "1774", "year", "late", "gregorian"),
    ("in the year 1774", "year 1774", "1774", "1774", "year", "", "gregorian"),
    ("mid-1920s", "mid-1920s", "1920", "1929", "decade", "mid", "gregorian"),
    ("the late 1920s", "late 1920s", "1920", "1929", "decade", "late", "gregorian"),
    ("by the late 1920s", "late 1920s", "1920", "1929", "decade", "late", "gregorian"),
    ("until the end of the 1920s", "end of the 1920s", "1920", "1929", "decade", "late", "gregorian"),
    # seasons (winter is December to February)
    ("the winter of 1916–17", "winter of 1916–17", "1916-12", "1917-02", "season", "", "gregorian"),
    ("winter 1916/17", "winter 1916/17", "1916-12", "1917-02", "season", "", "gregorian"),
    ("the winter of 1919 to 1920", "winter of 1919 to 1920", "1919-12", "1920-02", "season", "", "gregorian"),
    ("winter of 1916-1917", "winter of 1916-1917", "1916-12", "1917-02", "season", "", "gregorian"),
    ("summer of 1907", "summer of 1907", "1907-06", "1907-08", "season", "", "gregorian"),
    ("in the spring of 1918", "spring of 1918", "1918-03", "1918-05", "season", "", "gregorian"),
    ("Spring 1918", "Spring 1918", "1918-03", "1918-05", "season", "", "gregorian"),
    ("autumn 1941", "autumn 1941", "1941-09", "1941-11", "season", "", "gregorian"),
    ("fall of 1941", "fall of 1941", "1941-09", "1941-11", "season", "", "gregorian"),
    # one year named: its January or its December, so the span claims only the year
    ("the winter of 1941", "winter of 1941", "1941-01", "1941-12", "season", "", "gregorian"),
    # year ranges; a short end takes the start's century
    ("1918–1921", "1918–1921", "1918", "1921", "year", "", "gregorian"),
    ("1918-21", "1918-21", "1918", "1921", "year", "", "gregorian"),
    ("1916–17", "1916–17", "1916", "1917", "year", "", "gregorian"),
    ("1930–33", "1930–33", "1930", "1933", "year", "", "gregorian"),
    ("1941—1945", "1941—1945", "1941", "1945", "year", "", "gregorian"),
    ("from 1922 to 1952", "from 1922 to 1952", "1922", "1952", "year", "", "gregorian"),
    ("between 1936 and 1938", "between 1936 and 1938", "1936", "1938", "year", "", "gregorian"),
    ("(1922–1952)", "1922–1952", "1922", "1952", "year", "", "gregorian"),
    # month ranges
    ("between January and March 1919", "between January and March 1919", "1919-01", "1919-03", "month", "", "gregorian"),
    ("January–March 1919", "January–March 1919", "1919-01", "1919-03", "month", "", "gregorian"),
    ("Jan–Mar 1919", "Jan–Mar 1919", "1919-01", "1919-03", "month", "", "gregorian"),
    ("from June to November 1918", "from June to November 1918", "1918-06", "1918-11", "month", "", "gregorian"),
    ("in May–June 1907", "May–June 1907", "1907-05", "1907-06", "month", "", "gregorian"),
    ("between January 1939 and June 1941", "between January 1939 and June 1941", "1939-01", "1941-06", "month", "", "gregorian"),
    ("from November to February 1919", "from November to February 1919", "1918-11", "1919-02", "month", "", "gregorian"),
    # day ranges
    ("23–24 February 1944", "23–24 February 1944", "1944-02-23", "1944-02-24", "day", "", "gregorian"),
    ("4–11 February 1945", "4–11 February 1945", "1945-02-04", "1945-02-11", "day", "", "gregorian"),
    ("28 November – 1 December 1943", "28 November – 1 December 1943", "1943-11-28", "1943-12-01", "day", "", "gregorian"),
    ("24 October – 7 November 1917", "24 October – 7 November 1917", "1917-10-24", "1917-11-07", "day", "", "gregorian"),
    ("28 December – 3 January 1944", "28 December – 3 January 1944", "1943-12-28", "1944-01-03", "day", "", "gregorian"),
    ("23 August 1942 – 2 February 1943", "23 August 1942 – 2 February 1943", "1942-08-23", "1943-02-02", "day", "", "gregorian"),
    ("February 23–24, 1944", "February 23–24, 1944", "1944-02-23", "1944-02-24", "day", "", "gregorian"),
    ("November 28 – December 1, 1943", "November 28 – December 1, 1943", "1943-11-28", "1943-12-01", "day", "", "gregorian"),
    # decades
    ("the 1930s", "1930s", "1930", "1939", "decade", "", "gregorian"),
    ("the 1920s–1930s", "1920s–1930s", "1920", "1939", "decade", "", "gregorian"),
    # bare years
    ("in 1901", "1901", "1901", "1901", "year", "", "gregorian"),
    ("1894", "1894", "1894", "1894", "year", "", "gregorian"),
    ("May Day 1900", "1900", "1900", "1900", "year", "", "gregorian"),
    ("in 1917 soldiers mutinied", "1917", "1917", "1917", "year", "", "gregorian"),
]


@pytest.mark.parametrize("text, said, start, end, precision, qualifier, calendar", FORMS, ids=[f[0] for f in FORMS])
def test_each_form_reads_as_the_span_it_says(text, said, start, end, precision, qualifier, calendar):
    m = only(text)
    assert m.text == said == text[m.start:m.end]
    assert m.span == DateSpan(start, end, precision, qualifier, calendar)
    assert not m.carried


def test_offsets_leave_out_the_lead_in_but_keep_the_range_words():
    text = "He came back on 9 March 1917 and stayed from 1922 to 1952 (by the late 1920s, alone)."
    found = find_dates(text)
    assert [(m.start, m.end, m.text) for m in found] == [
        (16, 28, "9 March 1917"), (40, 57, "from 1922 to 1952"), (66, 76, "late 1920s")]


def test_offsets_of_an_old_style_pair_inside_a_sentence():
    text = "Stalin (b. 18 December [O.S. 6 December] 1878[2] at Gori, d. 5 March 1953)."
    birth, death = find_dates(text)
    assert (birth.start, birth.end) == (11, 45)
    assert birth.span == DateSpan("1878-12-18", "1878-12-18", "day", calendar="julian")
    assert (death.start, death.end, death.text) == (61, 73, "5 March 1953")
    assert death.span == DateSpan("1953-03-05", "1953-03-05", "day")


def test_two_decades_joined_by_and_are_two_mentions():
    found = find_dates("during the 1920s and 1930s")
    assert [(m.text, m.span) for m in found] == [
        ("1920s", DateSpan("1920", "1929", "decade")), ("1930s", DateSpan("1930", "1939", "decade"))]


def test_a_list_of_months_takes_the_year_written_after_it():
    found = find_dates("in the April and May 1940 purges, then the March, April, and May 1913 issues")
    assert [(m.text, m.span.start, m.carried) for m in found] == [
        ("April", "1940-04", True), ("May 1940", "1940-05", False),
        ("March", "1913-03", True), ("April", "1913-04", True), ("May 1913", "1913-05", False)]
    assert {m.span.precision for m in found} == {"month"}


def test_longest_match_wins_and_mentions_do_not_overlap():
    found = find_dates("24 October – 7 November 1917, then 1918–21 and 25 October (O.S.) 1917.")
    assert [m.text for m in found] == ["24 October – 7 November 1917", "1918–21", "25 October (O.S.) 1917"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_a_season_word_makes_a_short_range_a_winter_otherwise_it_is_two_years():
    assert only("the famine of 1932–33").span == DateSpan("1932", "1933", "year")
    assert only("the winter of 1932–33").span == DateSpan("1932-12", "1933-02", "season")


# Not dates -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "at least 700,000 executed",
    "some 1,500 delegates",
    "1,000",
    "the number 12345",
    "a claim.[63]",
    "as cited [1917]",
    "see p. 1905",
    "pp. 1905–1910",
    "Order No. 1917",
    "it was 1917 km away",
    "1500 soldiers",
    "between 1500 and 2000 men",
    "a ratio of 3.1917",
    "$1917",
    "1000 BC",
    "the year 2500",
    "code 19999 and 0999",
    "he may march in august",
    "the October Revolution",
])
def test_numbers_and_words_that_are_not_dates(text):
    assert scan_dates(text, default_year=1917) == ([], [])


def test_a_month_that_names_an_event_or_a_title_is_not_a_date():
    assert find_dates("the December uprising; Lessons of October; the July Days", default_year=1917) == []


# Year-less expressions carry the latest year ---------------------------------------------------
def test_year_less_dates_take_the_latest_year_written_before_them():
    text = ("Exiled in February 1909. In June, he fled. Caught on 9 March, released by late November. "
            "In 1912 he moved; in early August he wrote.")
    found = find_dates(text)
    assert [(m.text, m.span.start, m.span.precision, m.span.qualifier, m.carried) for m in found] == [
        ("February 1909", "1909-02", "month", "", False),
        ("June", "1909-06", "month", "", True),
        ("9 March", "1909-03-09", "day", "", True),
        ("late November", "1909-11", "month", "late", True),
        ("1912", "1912", "year", "", False),
        ("early August", "1912-08", "month", "early", True),
    ]


def test_a_season_of_the_year_in_force_and_the_part_of_a_month_or_season():
    text = ("In 1904 he left school. In the autumn of that year he moved; in the spring of the following year "
            "he left. In the late summer of 1917 he was back; in the first days of October he went on, and in "
            "the last week of November he was home. In late summer he sailed. In summer the river floods.")
    found = find_dates(text)
    assert [(m.text, m.span.start, m.span.end, m.span.precision, m.span.qualifier, m.carried) for m in found] == [
        ("1904", "1904", "1904", "year", "", False),
        ("autumn of that year", "1904-09", "1904-11", "season", "", True),
        ("spring of the following year", "1905-03", "1905-05", "season", "", True),
        ("late summer of 1917", "1917-06", "1917-08", "season", "late", False),
        ("first days of October", "1917-10", "1917-10", "month", "early", True),
        ("last week of November", "1917-11", "1917-11", "month", "late", True),
        ("In late summer", "1917-06", "1917-08", "season", "late", True),
    ]  # "In summer" alone is any summer: no date
    found = find_dates("Arrested in 1908, he moved at the end of the year. Late in the year he went; by the end of "
                       "the years he left.")
    assert [(m.text, m.span.start, m.span.qualifier, m.carried) for m in found] == [
        ("1908", "1908", "", False), ("end of the year", "1908", "late", True),
        ("Late in the year", "1908", "late", True)]  # a part of the year in force; "the years" is none
    # a part of the month in force, which a bare year does not give
    found = find_dates("He was at Yalta in February 1945, and at the end of that month he flew on. In 1946 he "
                       "left; at the end of that month he came back.")
    assert [(m.text, m.span.start, m.span.qualifier, m.carried) for m in found] == [
        ("February 1945", "1945-02", "", False), ("end of that month", "1945-02", "late", True), ("1946", "1946", "", False)]
    assert find_dates("In 1941 it froze. In the winter of that year they fled.")[1].span == DateSpan(
        "1941-01", "1941-12", "season")


def test_from_one_date_until_another_is_one_span():
    found = find_dates("From April 1901 until the summer of 1902 he was held in Kiev.")
    assert [(m.text, m.span.start, m.span.end, m.span.precision) for m in found] == [
        ("April 1901 until the summer of 1902", "1901-04", "1902-08", "month")]
    # without "from" they are two dates; and a span that runs backwards is none
    assert len(find_dates("In April 1901 he left; until the summer of 1902 he stayed.")) == 2
    assert len(find_dates("From the summer of 1905 until March 1903 nothing.")) == 2


def test_without_any_year_a_year_less_date_is_skipped_never_given_today():
    assert find_dates("In June, he escaped; on 9 March he wrote; by late November") == []
    found = find_dates("In June, he escaped; on 9 March he wrote", default_year=1909)
    assert [(m.span.start, m.carried) for m in found] == [("1909-06", True), ("1909-03-09", True)]
    assert find_dates("In 1920 it began. In June it ended.", default_year=1800)[1].span.start == "1920-06"


def test_default_year_must_be_a_year():
    with pytest.raises(DateError, match="default_year"):
        find_dates("In June", default_year=0)


def test_a_bare_month_needs_a_preposition():
    found = find_dates("June was hot. In 1905, July came; by October, frost.")
    assert [(m.text, m.span.start, m.carried) for m in found] == [("1905", "1905", False), ("October", "1905-10", True)]
    assert [m.text for m in find_dates("In 1905. March 5 he left; on March 5 he left")] == ["1905", "March 5"]
    # "That June" opening a sentence is June of the year in force; "said that March was cold" is no date
    found = find_dates("In March 1918 he moved. That June he left. He said that March was cold.")
    assert [(m.text, m.span.start) for m in found] == [("March 1918", "1918-03"), ("June", "1918-06")]
    # after a clause's verb, "that August" ending the clause or before a new subject is a time too
    found = find_dates("In 1941 he left. Gomel fell that August, and he wrote that August brought rain.")
    assert [(m.text, m.span.start) for m in found] == [("1941", "1941"), ("August", "1941-08")]
    # or before an infinitive or a preposition
    found = find_dates("In 1927 he lost. The congress gathered in Moscow that December to hear his report.")
    assert [(m.text, m.span.start) for m in found] == [("1927", "1927"), ("December", "1927-12")]
    assert [m.text for m in find_dates("In 1927 he knew that May to September was the season of floods.")] == ["1927"]


def test_an_old_style_year_less_date_is_converted_with_the_carried_year():
    m = find_dates("In 1917 the coup. On 25 October (O.S.) it began.")[1]
    assert m.span == DateSpan("1917-11-07", "1917-11-07", "day", calendar="julian") and m.carried


def test_a_winter_across_the_new_year_places_a_later_month_in_the_right_year():
    found = find_dates("in the winter of 1916–17 he was called up. In December he set out; in February he arrived")
    assert [m.span.start for m in found] == ["1916-12", "1916-12", "1917-02"]


def test_a_decade_gives_no_year_to_carry():
    found = find_dates("In 1929 it began. During the 1930s it grew. In June it broke; in 1935, in May, it ended.")
    assert [(m.text, m.span.start) for m in found] == [("1929", "1929"), ("1930s", "1930"), ("1935", "1935"), ("May", "1935-05")]


def test_relative_years_count_from_the_latest_year():
    found = find_dates("In 1946 a crisis; the following year a treaty; a year later a bomb; two years earlier, nothing.")
    assert [(m.text, m.span.start, m.carried) for m in found] == [
        ("1946", "1946", False), ("the following year", "1947", True),
        ("a year later", "1948", True), ("two years earlier", "1946", True)]
    assert find_dates("the following year") == []
    # "after" some years is as many years on; a half counts as a whole year begun
    found = find_dates("In 1928 he was jailed. After two and a half years at Lepoglava he was moved; after a year more, freed.")
    assert [(m.text, m.span.start) for m in found] == [
        ("1928", "1928"), ("After two and a half years", "1931"), ("after a year", "1932")]
    # "the year before" and "the year after" standing alone; not the year before something named after them
    found = find_dates("In 1906 he married a woman he had met in Perm the year before.")
    assert [(m.text, m.span.start) for m in found] == [("1906", "1906"), ("the year before", "1905")]
    assert [m.span.start for m in find_dates("In 1932 he went to Riga, and the year after, to Tver.")] == ["1932", "1933"]
    assert [m.text for m in find_dates("In 1930 he went to Omsk, the year before his death.")] == ["1930"]
    assert [m.text for m in find_dates("In 1933 he spent more time in Yalta than the year before.")] == ["1933"]
    # a count of years past ten, in words or figures ("Fifteen years later" after 1919 is 1934); not a word that
    # only ends like one ("the canteen years")
    found = find_dates("In 1919 he was in Munich. Fifteen years later he fled; twenty-five years after that, 15 years "
                       "later, he died. The canteen years later were hard.")
    assert [(m.text, m.span.start) for m in found] == [
        ("1919", "1919"), ("Fifteen years later", "1934"), ("twenty-five years after that", "1959"),
        ("15 years later", "1974")]
    # a relative year right after a year only counts the way to it: the year said stands
    found = find_dates("In 1919 he left. In 1934, fifteen years later, he returned; in May he went to Kiev. In "
                       "1936 (two years later) he died.")
    assert [(m.text, m.span.start) for m in found] == [("1919", "1919"), ("1934", "1934"), ("May", "1934-05"),
                                                       ("1936", "1936")]
    # but one that opens what follows the year counts from it
    for text in ("She settled in Kiev in 1919 – two years later she moved to Paris.",
                 "She settled in Kiev in 1919, two years later moving to Paris."):
        assert [m.span.start for m in find_dates(text)] == ["1919", "1921"], text


# Impossible dates are problems, not mentions ------------------------------------------------------
@pytest.mark.parametrize("text, reason", [
    ("31 February 1917", "no such day"),
    ("29 February 1900", "no such day"),
    ("30–31 February 1944", "no such day"),
    ("1999–1899", "ends before it starts"),
    ("1930–29", "ends before it starts"),
    ("24–23 February 1944", "ends before it starts"),
    ("winter of 1916–18", "two consecutive years"),
    ("summer 1916–17", "within one year"),
    ("30 February 1917 (O.S.)", "no such Old Style day"),
    ("1 January [O.S. 19 December] 1900", "Old Style 1899-12-19 is 1899-12-31"),
])
def test_impossible_dates_are_problems(text, reason):
    mentions, problems = scan_dates(f"It was {text}, they said.")
    assert mentions == []
    [p] = problems
    assert isinstance(p, DateProblem) and p.text == text and reason in p.reason
    assert (p.start, p.end) == (7, 7 + len(text))


def test_a_problem_does_not_stop_the_dates_around_it():
    mentions, problems = scan_dates("On 31 February 1917 nothing; on 5 March 1953 he died.")
    assert [p.text for p in problems] == ["31 February 1917"]
    assert [m.text for m in mentions] == ["5 March 1953"]
    assert find_dates("On 31 February 1917 nothing; on 5 March 1953 he died.") == mentions


# Round trips -----------------------------------------------------------------------------------
@pytest.mark.parametrize("span", [
    DateSpan("1903-11", "1903-11", "month", "late"),
    DateSpan("1878-12-18", "1878-12-18", "day", calendar="julian"),
    DateSpan("1917-11-07", "1917-11-07", "day", calendar="julian"),
    DateSpan("1916-12", "1917-02", "season"),
    DateSpan("1907-06", "1907-08", "season"),
    DateSpan("1918", "1921", "year"),
    DateSpan("1919-01", "1919-03", "month"),
    DateSpan("1930", "1939", "decade"),
    DateSpan("1945-02-04", "1945-02-11", "day"),
    DateSpan("1912", "1912", "year", "early"),
])
def test_the_labels_lifemap_writes_read_back_as_the_same_span(span):
    assert spans(span.label()) == [span]


# The seed texts ---------------------------------------------------------------------------------
def test_known_facts_are_found_in_the_seed_texts(seeds):
    found: dict[str, list[DateMention]] = {}
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        mentions, problems = scan_dates(text)
        assert problems == [], path.name
        assert all(m.text == text[m.start:m.end] for m in mentions)
        assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
        found[path.name] = mentions
    every = [m for ms in found.values() for m in ms]

    def has(span: DateSpan, carried: bool | None = None) -> bool:
        return any(m.span == span and (carried is None or m.carried == carried) for m in every)

    assert has(DateSpan("1878-12-18", "1878-12-18", "day", calendar="julian"), carried=False)  # birth, O.S.
    assert has(DateSpan("1953-03-05", "1953-03-05", "day"), carried=False)  # death
    assert has(DateSpan("1903-11", "1903-11", "month", "late"))  # arrival in Novaya Uda
    assert has(DateSpan("1916-12", "1917-02", "season"))  # the winter he was called up
    assert has(DateSpan("1919-01", "1919-03", "month"))  # back in Moscow
    assert has(DateSpan("1907-05", "1907-06", "month"))  # the London congress
    assert has(DateSpan("1920-08", "1920-08", "month", "mid"))
    assert has(DateSpan("1922", "1952", "year"))  # general secretary
    assert has(DateSpan("1936", "1938", "year"))
    assert has(DateSpan("1920", "1929", "decade", "late"))
    assert has(DateSpan("1920", "1929", "decade", "mid"))
    assert has(DateSpan("1932-12", "1933-02", "season"))  # the famine winter
    assert has(DateSpan("1909-06", "1909-06", "month"), carried=True)  # escape in June, year carried
    assert has(DateSpan("1924-01-21", "1924-01-21", "day"))  # Lenin's death
    # the birth keeps its Old Style pair in the mention's words
    assert any(m.text.startswith("18 December [O.S.") and m.span.calendar == "julian" for m in every)
    assert len(every) > 500


# Properties -------------------------------------------------------------------------------------
try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - hypothesis is a test-only extra
    given = None

DAY_IN = re.compile(r"(?<![0-9])[0-9]{1,2}(?![0-9])")
MONTH_IN = re.compile(r"\b(?:" + "|".join(m[:3] for m in MONTHS) + r")|[0-9]{4}-[0-9]{2}")
SEASON_IN = re.compile(r"(?i)winter|spring|summer|autumn|fall")


def check_mentions(text: str, mentions: list[DateMention], problems: list[DateProblem]) -> None:
    last = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text) and m.text == text[m.start:m.end]
        assert m.start >= last, "mentions are in text order and do not overlap"
        last = m.end
        p = m.span.precision
        # never finer than the words: a day needs a day number, a month a month, a season its word
        if p == "day":
            assert DAY_IN.search(re.sub(r"[0-9]{4}", " ", m.text))
        if p in ("day", "month"):
            assert MONTH_IN.search(m.text)
        if p == "season":
            assert SEASON_IN.search(m.text)
        if p == "decade":
            assert re.search(r"0'?s\b", m.text)
        if not re.search(r"[0-9]{4}", m.text):
            assert m.carried, "a mention without a year in its words must say the year was carried"
    for p in problems:
        assert p.text == text[p.start:p.end] and p.reason


if given is None:
    def test_properties_need_hypothesis():
        pytest.skip("hypothesis is not installed: pip install hypothesis to run the property tests")
else:
    TOKENS = ["in", "on", "by", "the", "between", "and", "from", "to", "–", "-", "/", "of", "late", "early",
              "mid-", "winter", "summer", "fall", "year", "following", "a", "later", "that", "March", "May",
              "June", "December", "Dec.", "Sept", "1917", "1916", "17", "21", "5", "31", "29", "09",
              "February", "(O.S.)", "[O.S.", "]", "O.S.", "1,500", "[63]", "p.", "1930s", "km", ",", ".",
              "1999", "1899", "2100", "0999", "end", "middle", "two", "ten", "years", "earlier", "N.S.", "(",
              "November", "January", "Dec", "[N.S.", "between", "2nd", "1,000"]

    @settings(max_examples=300, deadline=None)
    @given(st.text())
    def test_any_text_scans_without_error(text):
        mentions, problems = scan_dates(text)
        check_mentions(text, mentions, problems)

    @settings(max_examples=500, deadline=None)
    @given(st.lists(st.tuples(st.sampled_from(TOKENS), st.sampled_from([" ", " ", "", "\n", ", "])), max_size=16),
           st.one_of(st.none(), st.integers(min_value=1, max_value=9999)))
    def test_date_like_text_keeps_the_invariants(parts, default_year):
        text = "".join(word + sep for word, sep in parts)
        mentions, problems = scan_dates(text, default_year=default_year)
        check_mentions(text, mentions, problems)
        assert find_dates(text, default_year=default_year) == mentions

    DAYS = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2100, 12, 31))

    @given(DAYS)
    def test_a_rendered_day_round_trips(day):
        iso = day.isoformat()
        for text in (f"{day.day} {MONTHS[day.month - 1]} {day.year}", f"{MONTHS[day.month - 1]} {day.day}, {day.year}"):
            m = only(f"It happened on {text}.")
            assert m.text == text and m.span == DateSpan(iso, iso, "day")

    @given(DAYS)
    def test_a_rendered_month_round_trips(day):
        text = f"{MONTHS[day.month - 1]} {day.year}"
        m = only(f"It happened in {text}.")
        assert m.text == text and m.span == DateSpan(iso := f"{day.year:04d}-{day.month:02d}", iso, "month")

    @given(st.integers(min_value=1000, max_value=2100))
    def test_a_rendered_year_round_trips(year):
        assert only(f"It happened in {year}.").span == DateSpan(str(year), str(year), "year")
        assert only(str(year)).span == DateSpan(str(year), str(year), "year")

    YEARISH = TOKENS + ["1917", "1918", "2020", "1000", "2101", "1910", "#", "s", "'s", "BC", "men", "]", "[",
                        "to", "until", "-", "—", "x1917", "1917x", "12", "1e3"]

    @settings(max_examples=600, deadline=None)
    @given(st.lists(st.tuples(st.sampled_from(YEARISH), st.sampled_from([" ", " ", "", "\n", ",", "  "])), max_size=20),
           st.one_of(st.none(), st.integers(min_value=1, max_value=9999)))
    def test_bare_years_are_read_as_the_grammar_reads_them(parts, default_year):
        """A list of years skips the full grammar (issue 12: it made 1 MB of years six times as slow
        as prose); whatever the text, the shortcut must read what the grammar reads."""
        import lifemap.timex as timex

        text = "".join(word + sep for word, sep in parts)
        fast = scan_dates(text, default_year=default_year)
        real = timex._bare_year
        timex._bare_year = lambda *args: None
        try:
            assert scan_dates(text, default_year=default_year) == fast
        finally:
            timex._bare_year = real

    @settings(max_examples=600, deadline=None)
    @given(st.lists(st.tuples(st.sampled_from(TOKENS), st.sampled_from([" ", " ", "", "\n", ", "])), max_size=16))
    def test_the_openers_hold_every_place_a_date_opens(parts):
        from lifemap.timex import _ANY, _OPENER

        text = "".join(word + sep for word, sep in parts)
        for at in range(len(text)):
            if _ANY.match(text, at):
                assert _OPENER.match(text, at), text[at:]

    @settings(max_examples=600, deadline=None)
    @given(st.lists(st.tuples(st.sampled_from(TOKENS), st.sampled_from([" ", " ", "", "\n", ", "])), max_size=16))
    def test_the_forms_tried_hold_every_form_that_matches(parts):
        _every_form_that_matches_is_tried("".join(word + sep for word, sep in parts))

    def test_a_list_of_years_takes_the_shortcut():
        import lifemap.timex as timex

        text = " ".join(str(y) for y in range(1900, 1950))
        assert timex._bare_year(text, 5, 9, 4) == DateSpan("1901", "1901", "year")
        assert [m.span.start for m in find_dates(text)] == [str(y) for y in range(1900, 1950)]
        for blocked in ("in 1901 1902", "1901-1902", "1901 to 1902", "p. 1901 1902", "1901s 1902", "#1901 1902"):
            start = blocked.index("1901")
            assert timex._bare_year(blocked, start, start + 4, 0) is None, blocked


def test_every_date_opens_where_the_openers_say(seeds):
    """scan_dates tries the grammar only where ``_OPENER`` matches: that must be wherever it can match."""
    from lifemap.timex import _ANY, _OPENER

    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    texts.append("the 5th of March; mid-August 1920; c. 1900; ca. 1900; Sept. 1917; in the autumn; two years "
                 "later; 3 years later; THE FOLLOWING YEAR; End of 1917; the end of the 1930s; ſpring 1917")
    for text in texts:
        for at in range(len(text)):
            if _ANY.match(text, at):
                assert _OPENER.match(text, at), text[at:at + 40]


def _every_form_that_matches_is_tried(text):
    """``_best_at`` tries only the forms whose body can open where it stands (or after a lead-in)."""
    from lifemap.timex import _ALTS, _ANY, _body_openings, _forms_opening

    for at in range(len(text)):
        if _ANY.match(text, at):
            tried = _forms_opening(_body_openings(text, at))
            for alt in _ALTS:
                if alt.regex.match(text, at):
                    assert alt in tried, (alt.kind, text[at:at + 40])


def test_every_form_that_can_match_is_tried(seeds):
    for path in sorted(seeds.glob("*.txt"))[:6]:
        _every_form_that_matches_is_tried(path.read_text(encoding="utf-8"))
    _every_form_that_matches_is_tried(
        "the 5th of March; mid-August 1920; c. 1900; ca. 1900; Sept. 1917; in the autumn; two years later; 3 years "
        "later; THE FOLLOWING YEAR; End of 1917; the end of the 1930s; ſpring 1917; in  the\nwinter of 1916–17; "
        "between 1917 and 1918; From June to November 1918; Between January 1939 and June 1941; 2001-02-03; "
        "during the summer; In The Spring; 1918–21; the 1920s–1930s; Early 1912; By The End Of 1917")


def test_addresses_and_counts_are_not_years():
    assert find_dates("He lived at 1825 Main Street and had 1500 followers.") == []
    assert [d.text for d in find_dates("the 1917 elections")] == ["1917"]



def test_that_winter_is_the_winter_of_the_date_in_force_the_following_one_the_next():
    def winter(text, span):
        (m,), _ = scan_dates(text, default_year=int(span.end[:4]), default_span=span)
        return m.span.start, m.span.end

    assert winter("That winter he fought near Chelyabinsk.", DateSpan("1917", "1917", "year")) == ("1917-12", "1918-02")
    assert winter("That winter was cold.", DateSpan("1918-01", "1918-01", "month")) == ("1917-12", "1918-02")
    assert winter("The following winter he was taken.", DateSpan("1918-06", "1918-08", "season")) == ("1918-12", "1919-02")
    # "in the winter" may be any winter: no date
    assert scan_dates("In the winter the river froze.", default_year=1917)[0] == []


def test_the_next_month_of_a_name_is_its_first_coming_after_the_date_in_force():
    def month(text, span):
        found, _ = scan_dates(text, default_year=int(span.end[:4]), default_span=span)
        return [(m.span.start, m.span.end) for m in found]

    assert month("The next January he went to London.", DateSpan("1935-11", "1935-11", "month")) == [("1936-01", "1936-01")]
    assert month("The following October he was back.", DateSpan("1917-06", "1917-06", "month")) == [("1917-10", "1917-10")]
    # after a bare year which January is meant is not said
    assert month("The next January he went to London.", DateSpan("1935", "1935", "year")) == []


def test_a_span_of_a_few_years_before_a_counts_word_is_a_period_and_a_range_of_counts_no_year():
    # "killed" after a number makes it a count ("1500 killed"), but not after a span of a few years
    assert [(d.span.start, d.span.end) for d in find_dates("The famine of 1946–1947 killed a million.")] == [
        ("1946", "1947")]
    # a range of counts gives no year at all (its first number had been read as one)
    assert find_dates("There were 1500–2000 killed.") == []
    assert find_dates("Some 1200–1250 men held the bridge.") == []
    # a day and a month after the dash make it a lifespan, not a range of counts
    assert [(d.text, d.span.start) for d in find_dates("Anna Ivanova (1872 – 19 August 1929) was a singer.")] == [
        ("1872", "1872"), ("19 August 1929", "1929-08-19")]


def test_a_month_of_that_year_or_of_the_following_one_is_one_date():
    found = find_dates("In February 1944 the Chechens were sent away, and in May of that year the Tatars followed.")
    assert [(d.text, d.span.start) for d in found] == [("February 1944", "1944-02"), ("May of that year", "1944-05")]
    found = find_dates("In 1920 he left; in May of the following year he returned.")
    assert [(d.text, d.span.start) for d in found][-1] == ("May of the following year", "1921-05")
