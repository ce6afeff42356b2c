"""Extraction is linear in the input whatever its shape (issue 12): one line without a stop, a run
of initials, bare years… Each shape is extracted at two sizes, four times apart: linear time
grows about four times, quadratic sixteen; the test allows twice linear. CPU time of this
process, the best of two runs, so other work on the machine hardly counts."""
from __future__ import annotations

import time

import pytest

from lifemap.extract import extract
from lifemap.gazetteer import Gazetteer
from lifemap.text import MAX_SENTENCE, sentences


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


# name -> (text of n characters, the smaller size): sizes where the old quadratic cost showed
SHAPES = {
    "one line, no stops": (lambda n: _repeat("in March 1917 he went to Tiflis and in 1905 to Baku with the party ", n),
                           100_000),
    "initials": (lambda n: _repeat("A. B. C. D. E. F. G. H. ", n), 10_000),
    "bare years": (lambda n: " ".join(str(1800 + i % 200) for i in range(n // 5))[:n], 100_000),
    "place names": (lambda n: _repeat("Moscow Tiflis Baku ", n), 100_000),
}


@pytest.fixture(scope="module")
def gazetteer():
    g = Gazetteer.load()
    extract("In 1917 he went to Moscow.", gazetteer=g, fallback=False)   # warm the name index
    return g


def cpu_seconds(text: str, gazetteer) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        extract(text, gazetteer=gazetteer, fallback=False, progress=False)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("shape", SHAPES)
def test_time_grows_linearly_with_the_input(shape, gazetteer):
    make, n = SHAPES[shape]
    small, large = cpu_seconds(make(n), gazetteer), cpu_seconds(make(4 * n), gazetteer)
    assert large / max(small, 0.02) < 8, f"{shape}: {small:.2f} s at {n:,} characters, {large:.2f} s at {4 * n:,}"


def test_an_overlong_run_is_cut_into_sentences_at_safe_points():
    text = "He went " + "to Baku, then to Tiflis; " * 200 + "and home."
    spans = sentences(text)
    assert len(spans) > 1 and all(b - a <= MAX_SENTENCE for a, b in spans)
    assert all(text[b - 1] in ",;." for a, b in spans)                 # after a comma or a semicolon
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")
    word = "x" * (3 * MAX_SENTENCE)                                     # no safe point at all
    assert [b - a for a, b in sentences(word)] == [MAX_SENTENCE] * 3
