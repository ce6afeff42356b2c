"""Bounded memory whatever the input (issue 12): a text dense with events is written out as it is
read, and a command refuses what it could not hold (the limit is MAX_EVENTS rows)."""
from __future__ import annotations

import tracemalloc

from lifemap import cli
from lifemap.extract import ExtractOptions, extract, extract_pieces, write_csv

SMALL = ExtractOptions(chunk=5_000)             # many pieces of a short text
DENSE = "In 1917 he went to Moscow. "          # an event every 27 characters


def peak_of(run) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_writing_as_it_reads_needs_memory_for_one_piece_only(tmp_path):
    from lifemap.gazetteer import Gazetteer

    gazetteer = Gazetteer.load()
    write_csv(extract_pieces(DENSE * 300, gazetteer=gazetteer, fallback=False, options=SMALL),
              tmp_path / "warm.csv")  # caches
    peaks = {}
    for n in (30_000, 120_000):
        text = (DENSE * (n // len(DENSE) + 1))[:n]
        peaks[n] = peak_of(lambda: write_csv(extract_pieces(text, gazetteer=gazetteer, fallback=False, progress=False,
                                                            options=SMALL), tmp_path / f"{n}.csv"))
    # four times the text, not four times the memory (the whole frame at once: 3.7 times)
    assert peaks[120_000] < 1.5 * peaks[30_000], peaks
    whole = extract((DENSE * 2000)[:30_000], gazetteer=gazetteer, fallback=False, progress=False, options=SMALL)
    write_csv(whole, tmp_path / "whole.csv")
    assert (tmp_path / "whole.csv").read_bytes() == (tmp_path / "30000.csv").read_bytes()


def test_a_data_file_past_the_limit_is_refused_before_it_is_loaded(tmp_path, mini_events, monkeypatch, capsys):
    monkeypatch.setattr(cli, "MAX_EVENTS", 5)
    assert cli.main(["build", "--events", str(mini_events), "-o", str(tmp_path / "m.html")]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"lifemap: error: {mini_events}: more than 5 events, more than lifemap holds in memory at once; split the file"
    assert not (tmp_path / "m.html").exists()


def test_texts_with_more_events_than_a_map_holds_are_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "MAX_EVENTS", 50)
    text = tmp_path / "dense.txt"
    text.write_text(DENSE * 100, encoding="utf-8")
    assert cli.main(["build", str(text), "--no-geonames", "-o", str(tmp_path / "m.html")]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("lifemap: error: the texts hold more than 50 events") and "lifemap extract" in line
    # extract writes them out as they come: no limit there
    assert cli.main(["extract", str(text), "--no-geonames", "-o", str(tmp_path / "events.csv")]) == 0
    assert len((tmp_path / "events.csv").read_text(encoding="utf-8").splitlines()) == 101
