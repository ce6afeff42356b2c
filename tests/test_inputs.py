"""Any input, read in bounded memory: devices, pipes and directories are refused before anything is
read, long files are read in pieces, and the user's files are never written over (issue 12)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from lifemap.errors import DataError
from lifemap.extract import DuplicateInput, extract
from lifemap.text import NotUTF8Warning, read_pieces, read_text

TEXT = "In March 1908 Stalin was arrested in Baku.\n\nIn June 1909 he escaped from Solvychegodsk.\n"


def cli(*args, timeout=120, **kw):
    """The command line in a child process; ``timeout`` only guards the suite against a hang."""
    return subprocess.run([sys.executable, "-m", "lifemap.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, **kw)


def one_error_line(done) -> str:
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("lifemap: error: "), done.stderr
    return lines[0]


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


# Devices, pipes, directories -----------------------------------------------------------------
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_before_it_is_read(device):
    with pytest.raises(DataError, match=f"{device}: is a device"):
        read_text(device)
    with pytest.raises(DataError, match="is a device"):
        extract(Path(device), fallback=False)


def test_a_pipe_is_refused_without_waiting_for_a_writer(fifo):
    # opening a FIFO for reading blocks until someone writes: the refusal must come first
    with pytest.raises(DataError, match=r"pipe\.txt: is a pipe \(FIFO\)"):
        read_text(fifo)


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(DataError, match="is a directory"):
        read_text(tmp_path)


@pytest.mark.parametrize("command", [["extract", "-o", "{tmp}/out.csv", "{input}"],
                                     ["build", "-o", "{tmp}/out.html", "{input}"],
                                     ["build", "-o", "{tmp}/out.html", "--events", "{input}"],
                                     ["export", "-f", "csv", "-o", "{tmp}/out.csv", "--places", "{input}"]])
@pytest.mark.parametrize("kind", ["device", "pipe", "directory"])
def test_the_command_line_refuses_them_in_one_line(tmp_path, fifo, command, kind):
    target = {"device": "/dev/zero", "pipe": fifo, "directory": tmp_path}[kind]
    args = [a.format(tmp=tmp_path, input=target) for a in command]
    line = one_error_line(cli(*args, timeout=60))
    assert str(target) in line and {"device": "device", "pipe": "pipe", "directory": "directory"}[kind] in line
    assert not list(tmp_path.glob("out.*"))


# Long files, in pieces ----------------------------------------------------------------------
def test_a_long_file_is_read_in_bounded_pieces_that_make_the_whole(tmp_path, monkeypatch):
    import lifemap.text as text

    monkeypatch.setattr(text, "_BLOCK", 1000)          # many blocks, so pieces straddle them
    body = ("In 1912 he went to Narym.\r\nThen to Vologda, \u00e9migr\u00e9 \u2014 caf\u00e9.\r\n\r\n" * 400)
    path = tmp_path / "long.txt"
    path.write_bytes(body.encode("utf-8"))
    pieces = list(read_pieces(path, size=3000))
    assert len(pieces) > 5 and all(len(p) <= 3000 for _, p in pieces)
    whole = "".join(p for _, p in pieces)
    assert whole == path.read_text(encoding="utf-8") and "\r" not in whole
    assert [o for o, _ in pieces] == [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]


def test_events_of_a_file_read_in_pieces_keep_offsets_into_the_whole(tmp_path):
    from lifemap.extract import ExtractOptions

    path = tmp_path / "book.txt"
    path.write_text(TEXT * 60, encoding="utf-8")
    whole = extract(path, fallback=False)
    pieces = extract(path, fallback=False, options=ExtractOptions(chunk=600))
    assert len(pieces) == len(whole) == 120
    text = read_text(path)
    for row in pieces.to_dict("records"):
        assert text[row["start"]:row["end"]] == row["sentence"]


def test_a_nul_byte_late_in_a_file_still_refuses_it(tmp_path, monkeypatch):
    import lifemap.text as text

    monkeypatch.setattr(text, "_BLOCK", 64)
    path = tmp_path / "mixed.txt"
    path.write_bytes(TEXT.encode() * 10 + b"\x00\x01\x02")
    with pytest.raises(DataError, match="binary"):
        read_text(path)


def test_non_utf8_bytes_after_the_first_block_switch_to_cp1252(tmp_path, monkeypatch):
    import lifemap.text as text

    monkeypatch.setattr(text, "_BLOCK", 50)
    path = tmp_path / "late.txt"
    path.write_bytes(TEXT.encode() * 3 + "caf\u00e9".encode("cp1252"))
    with pytest.warns(NotUTF8Warning, match="cp1252"):
        assert read_text(path) == TEXT * 3 + "caf\u00e9"


# Encodings --------------------------------------------------------------------------------------
@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_with_a_byte_order_mark_is_read(tmp_path, codec):
    path = tmp_path / "word.txt"
    data = TEXT.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    assert read_text(path) == TEXT
    assert extract(path, fallback=False)["place"].tolist() == ["baku", "solvychegodsk"]


def test_utf16_without_its_mark_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "raw.txt"
    path.write_bytes(TEXT.encode("utf-16-le"))
    with pytest.raises(DataError, match="UTF-16.*save it as UTF-8"):
        read_text(path)


# The same file twice ----------------------------------------------------------------------------
def test_a_file_given_twice_is_read_once(tmp_path):
    path = tmp_path / "chapter.txt"
    path.write_text(TEXT, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(path)
    with pytest.warns(DuplicateInput, match="more than once"):
        twice = extract([path, path, tmp_path / "link.txt"], fallback=False)
    assert len(twice) == len(extract(path, fallback=False)) == 2


# Outputs that are inputs ------------------------------------------------------------------------
@pytest.fixture
def chapter(tmp_path):
    path = tmp_path / "chapter.txt"
    path.write_text(TEXT, encoding="utf-8")
    (tmp_path / "link.html").symlink_to(path)
    return path


@pytest.mark.parametrize("command", [
    ["extract", "{text}", "-o", "{text}"],
    ["build", "{text}", "-o", "{text}"],
    ["build", "{text}", "-o", "{link}"],                    # through a symbolic link
    ["build", "{text}", "-o", "{hard}"],                    # or a hard one
    ["build", "--events", "{events}", "-o", "{events}"],
    ["export", "-f", "csv", "--events", "{events}", "-o", "{events}"],
    ["build", "--places", "{places}", "-o", "{places}"],
    ["figure", "--events", "{events}", "-o", "{events}"],
])
def test_an_output_that_is_an_input_is_refused_and_the_input_kept(tmp_path, chapter, mini_events, mini_places,
                                                                    command):
    events, places = tmp_path / "events.csv", tmp_path / "places.csv"
    events.write_bytes(mini_events.read_bytes())
    places.write_bytes(mini_places.read_bytes())
    os.link(chapter, tmp_path / "hard.txt")
    names = {"text": chapter, "link": tmp_path / "link.html", "hard": tmp_path / "hard.txt", "events": events,
             "places": places}
    before = {p: p.read_bytes() for p in (chapter, events, places)}
    env = {**os.environ, "LIFEMAP_PLACES": str(mini_places)}
    line = one_error_line(cli(*[a.format(**names) for a in command], env=env))
    assert "refusing to write" in line and "is the input" in line
    assert {p: p.read_bytes() for p in before} == before
    assert (tmp_path / "link.html").is_symlink()


def test_the_embed_snippet_may_not_overwrite_an_input_either(tmp_path, chapter):
    snippet = tmp_path / "map.embed.html"
    snippet.write_text(TEXT, encoding="utf-8")
    line = one_error_line(cli("build", chapter, snippet, "-o", tmp_path / "map.html", "--embed"))
    assert "map.embed.html" in line
    assert not (tmp_path / "map.html").exists() and snippet.read_text(encoding="utf-8") == TEXT


def test_writing_over_a_device_is_refused(tmp_path):
    line = one_error_line(cli("build", "-o", "/dev/null", "--tiles", "none"))
    assert "/dev/null: it is a device" in line
    assert Path("/dev/null").is_char_device()


# SIGTERM ----------------------------------------------------------------------------------------
SLOW_SYNC = """
import os, sys, time
real = os.fsync
def fsync(fd):                      # the output is written to its temporary file: stop here
    print("syncing", flush=True)
    time.sleep(60)
    real(fd)
os.fsync = fsync
from lifemap.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_sigterm_while_writing_leaves_the_old_file_and_no_temporary_one(tmp_path):
    out = tmp_path / "map.html"
    out.write_text("old map", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", SLOW_SYNC, "build", "--tiles", "none", "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watchdog = threading.Timer(120, proc.kill)
    watchdog.start()
    try:
        assert proc.stdout.readline() == "syncing\n", proc.stderr.read()
        assert len(list(tmp_path.iterdir())) == 2          # the map and its hidden temporary file
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate()
    finally:
        watchdog.cancel()
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert err.strip().splitlines()[-1].startswith("lifemap: terminated")
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]
    assert out.read_text(encoding="utf-8") == "old map"
