"""CSV in and out (issue 12): files saved by a spreadsheet are read, malformed ones are refused with
the file and the line, and no CSV lifemap writes holds a cell a spreadsheet would run."""
from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from lifemap.errors import DataError
from lifemap.events import read_events
from lifemap.gazetteer import read_places

FORMULAS = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://example.org/x","click")', "+1+1", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1"]


def cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "lifemap.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=300, **kw)


def rows_of(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def edited(source, target, edit):
    header, *rows = source.read_text(encoding="utf-8").splitlines()
    header, rows = edit(header, rows)
    target.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return target


# Formulas never leave lifemap as formulas --------------------------------------------------------
def test_export_csv_neutralises_formula_cells_and_keeps_numbers(tmp_path, mini_events, mini_places):
    places = edited(mini_places, tmp_path / "places.csv",
                    lambda h, r: (h, r + ["madrid,Madrid,city,ES,40.4168,-3.7038,,manual:test,,"]))

    def hostile(header, rows):
        out = []
        for i, row in enumerate(rows):
            cells = next(csv.reader([row]))
            cells[10] = FORMULAS[i % len(FORMULAS)]                    # summary
            cells[7] = "@actor" if i == 0 else cells[7]                # actor
            out.append(",".join(f'"{c}"' if any(x in c for x in ',"\t\r') and not c.startswith('"') else c
                                for c in [c.replace('"', '""') if '"' in c else c for c in cells]))
        out.append("1950-travel-madrid,1950,1950,year,,,travel,Stalin,madrid,,A journey,fixture.txt,0,5")
        return header, out

    events = edited(mini_events, tmp_path / "events.csv", hostile)
    out = tmp_path / "out.csv"
    done = cli("export", "-f", "csv", "--events", events, "--places", places, "-o", out)
    assert done.returncode == 0, done.stderr
    rows = rows_of(out)
    cells = [v for row in rows for k, v in row.items()]
    assert not any(v.startswith(("=", "+", "@", "\t", "\r")) for v in cells)
    assert not any(v.startswith("-") and not v.replace("-", "", 1).replace(".", "", 1).isdigit() for v in cells)
    assert {r["summary"] for r in rows} >= {"'" + f.strip() for f in FORMULAS}   # read stripped
    assert "'@actor" in {r["actor"] for r in rows}
    assert [r["lon"] for r in rows if r["place"] == "madrid"] == ["-3.7038"]   # a number stays a number


def test_extract_csv_neutralises_formula_cells(tmp_path):
    text = tmp_path / "chapter.txt"
    text.write_text('=HYPERLINK("http://example.org") In 1907 Stalin moved to Baku.\n'
                    "@SUM(1) In 1908 he was arrested in Baku.\n", encoding="utf-8")
    out = tmp_path / "events.csv"
    done = cli("extract", text, "-o", out, "--no-geonames")
    assert done.returncode == 0, done.stderr
    rows = rows_of(out)
    assert [r["sentence"][:2] for r in rows] == ["'=", "'@"]
    assert all(not v.startswith(("=", "+", "@", "\t", "\r")) for r in rows for v in r.values())
    assert float(rows[0]["lat"]) > 0 and rows[0]["start"] == "0"


# Reading what spreadsheets and careless hands write -------------------------------------------------
def test_a_byte_order_mark_is_read_past(tmp_path, mini_events, mini_places):
    events, places = tmp_path / "events.csv", tmp_path / "places.csv"
    events.write_bytes(b"\xef\xbb\xbf" + mini_events.read_bytes())      # Excel's "CSV UTF-8"
    places.write_bytes(b"\xef\xbb\xbf" + mini_places.read_bytes())
    assert read_events(events) == read_events(mini_events)
    assert read_places(places) == read_places(mini_places)


def test_a_column_named_twice_is_refused(tmp_path, mini_events):
    path = edited(mini_events, tmp_path / "dup.csv", lambda h, r: (h + ",summary", [x + ",dup" for x in r]))
    with pytest.raises(DataError, match=r"dup.csv:1: header: column\(s\) named twice: summary"):
        read_events(path)


def test_a_short_row_says_it_is_short(tmp_path, mini_events):
    path = edited(mini_events, tmp_path / "short.csv", lambda h, r: (h, r[:2] + [r[2].rsplit(",", 5)[0]] + r[3:]))
    with pytest.raises(DataError, match=r"short.csv:4: fewer fields than the header has \(9, not 14\)"):
        read_events(path)


def test_a_field_over_the_csv_limit_names_the_file_and_line(tmp_path, mini_events):
    big = "x" * 200_000
    path = edited(mini_events, tmp_path / "big.csv", lambda h, r: (h, r[:1] + [r[1].replace("Studies", big)] + r[2:]))
    with pytest.raises(DataError, match=r"big.csv:3: .*a field longer than 131,072 characters"):
        read_events(path)


def test_a_line_without_end_is_refused_before_it_fills_memory(tmp_path):
    path = tmp_path / "one-line.csv"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("id,date_start," + "x" * (3 << 20))
    with pytest.raises(DataError, match="one-line.csv:1: a line longer than"):
        read_events(path)


@pytest.mark.parametrize("column, value", [("start", "4_5"), ("end", "\uff14\uff15"), ("date_start", "\uff11\uff19\uff10\uff12")])
def test_numbers_are_ascii_digits_only(tmp_path, mini_events, column, value):
    def edit(header, rows):
        cells = next(csv.reader([rows[0]]))
        cells[header.split(",").index(column)] = value
        return header, [",".join(f'"{c}"' if "," in c else c for c in cells)] + rows[1:]

    path = edited(mini_events, tmp_path / "digits.csv", edit)
    with pytest.raises(DataError, match=f"digits.csv:2: {column}: "):
        read_events(path)


@pytest.mark.parametrize("value", ["4_1.5", "\uff14\uff11", "nan"])
def test_coordinates_are_ascii_numbers_only(tmp_path, mini_places, value):
    path = edited(mini_places, tmp_path / "coords.csv", lambda h, r: (h, [r[0].replace("41.6423", value)] + r[1:]))
    with pytest.raises(DataError, match="coords.csv:2: lat: "):
        read_places(path)


def test_a_header_only_events_file_builds_nothing_over_the_old_map(tmp_path, mini_events):
    events = tmp_path / "events.csv"
    events.write_text(mini_events.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    out = tmp_path / "map.html"
    out.write_text("old map", encoding="utf-8")
    done = cli("build", "--events", events, "-o", out, "--tiles", "none")
    assert done.returncode == 2
    assert done.stderr.strip() == f"lifemap: error: {events}: no events (the file has a header and no rows)"
    assert out.read_text(encoding="utf-8") == "old map"
