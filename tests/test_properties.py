"""Property-based tests: name folding, the names format and date spans never crash or invent."""
import datetime as dt
import re

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is not installed (it is in the test extras)")
from hypothesis import given, settings, strategies as st  # noqa: E402

from lifemap.dates import DateSpan  # noqa: E402
from lifemap.errors import DateError, UnknownPlace  # noqa: E402
from lifemap.gazetteer import Gazetteer, Name, fold, parse_names  # noqa: E402

NAME_TEXT = st.text(st.characters(blacklist_characters=";[]", blacklist_categories=("Cs", "Cc")),
                    min_size=1, max_size=30).map(str.strip).filter(lambda t: t and ".." not in t)


@given(st.text(max_size=60))
def test_folding_never_fails_and_is_stable(text):
    once = fold(text)
    assert fold(once) == once
    assert once == once.strip() and "  " not in once


@given(st.text(max_size=40))
def test_resolving_any_text_either_finds_a_place_or_says_unknown(text):
    g = GAZETTEER
    try:
        place = g.resolve(text)
    except UnknownPlace:
        return
    assert fold(text) in {fold(n.text) for n in place.all_names()} | {
        f for n in place.all_names() for f in [fold(n.text.replace("ö", "oe").replace("ü", "ue").replace("ä", "ae"))]}


@st.composite
def dated_names(draw):
    years = sorted(draw(st.lists(st.integers(1000, 2100), min_size=1, max_size=5, unique=True)))
    names = []
    for i, lo in enumerate(years):
        hi = years[i + 1] if i + 1 < len(years) else None
        names.append(Name(draw(NAME_TEXT), dt.date(lo, 1, 1), dt.date(hi, 1, 1) if hi else None))
    names += [Name(t) for t in draw(st.lists(NAME_TEXT, max_size=3))]
    return tuple(names)


@given(dated_names())
def test_the_names_format_round_trips(names):
    assert parse_names("; ".join(map(str, names))) == names


@st.composite
def spans(draw):
    precision = draw(st.sampled_from(["day", "month", "year"]))
    start = draw(st.dates(dt.date(1000, 1, 1), dt.date(2100, 12, 31)))
    end = start + dt.timedelta(days=draw(st.integers(0, 4000)))
    cut = {"day": 10, "month": 7, "year": 4}[precision]
    return DateSpan(start.isoformat()[:cut], end.isoformat()[:cut], precision,
                    draw(st.sampled_from(["", "early", "mid", "late"])) if precision != "day" else "",
                    draw(st.sampled_from(["gregorian", "julian"])))


@settings(max_examples=300)
@given(spans())
def test_a_label_never_shows_more_than_the_span_knows(span):
    label = span.label()
    has_day = bool(re.search(r"(?<![\d])\d{1,2} [A-Z][a-z]{2}", label) or re.search(r"\d{1,2}–\d{1,2} [A-Z]", label))
    assert has_day == (span.precision == "day")
    assert span.first_day <= span.last_day
    written = span.start[:4]  # an Old Style month is labelled as written, though its days may fall in the next year
    assert written in label or written[-2:] in label


@settings(max_examples=300)
@given(spans())
def test_an_old_style_span_covers_the_gregorian_days_of_what_was_written(span):
    from lifemap.dates import julian_to_gregorian

    if span.calendar != "julian" or span.precision == "day" or span.qualifier:
        return
    y, m = int(span.start[:4]), int(span.start[5:7]) if span.precision == "month" else 1
    assert span.first_day == julian_to_gregorian(y, m, 1)
    ey = int(span.end[:4])
    after = (ey + 1, 1) if span.precision == "year" or int(span.end[5:7]) == 12 else (ey, int(span.end[5:7]) + 1)
    assert span.last_day + dt.timedelta(days=1) == julian_to_gregorian(*after, 1)


@given(st.text(alphabet="0123456789-–/ .aX", max_size=12) | st.text(max_size=12),
       st.text(alphabet="0123456789-", max_size=12))
def test_any_pair_of_strings_is_a_span_or_a_date_error(a, b):
    try:
        DateSpan.parse(a, b)
    except DateError:
        pass


from pathlib import Path  # noqa: E402

GAZETTEER = Gazetteer.load(Path(__file__).with_name("data") / "places.csv")


WORDS = st.sampled_from("""in the|that year|the same year|the following year|a year|one year|years later|years after|
    the following spring|that summer|next autumn|the same fall|January|February|March|April|May|June|July|August|
    September|October|November|December|1905|190|19055|he went|,|.""".replace("\n    ", "").split("|"))
# each word as written, in capitals, or in any mix of cases ("yeAr")
CASED = st.tuples(WORDS, st.lists(st.booleans(), min_size=20, max_size=20)).map(
    lambda w: "".join(c.upper() if up else c for c, up in zip(w[0], w[1])) if w[1][-1] else w[0])


@given(st.lists(CASED, max_size=12).map(" ".join))
def test_the_quick_date_test_never_skips_a_sentence_the_full_one_would_read(sentence):
    from lifemap.extract.dating import _DIGIT_OR_MONTH, may_hold_date

    assert may_hold_date(sentence) == bool(_DIGIT_OR_MONTH.search(sentence))


# Pieces of text around quoted titles: title words whole, inside others ("entitled", "titledx"), and
# the spaces, commas and quotes that may or may not stand between them.
TITLE_PIECES = st.sampled_from(["titled", "entitled", "called", "book", "report", "play", "x", "é", "_", "1",
                                " ", "  ", ",", ", ", "\n", '"', "“", "”", "Moscow", "The Fall"])


@given(st.lists(TITLE_PIECES, max_size=30).map("".join))
def test_quoted_titles_are_found_as_the_full_pattern_finds_them(text):
    from lifemap.toponyms import _QUOTED_TITLE, _quoted_titles

    assert [m.span() for m in _quoted_titles(text)] == [m.span() for m in _QUOTED_TITLE.finditer(text)]
