"""Every error a user can cause is one line, ``lifemap: error: …`` naming what to do, status 2, and
nothing written (issue 12). Full and read-only disks are real: a small tmpfs mounted in a user
and mount namespace of the test's own (``unshare``), gone when the command ends."""
from __future__ import annotations

import shlex
import shutil
import subprocess
import sys

import pytest

LIFEMAP = [sys.executable, "-m", "lifemap.cli"]


def cli(*args, timeout=300):
    return subprocess.run([*LIFEMAP, *map(str, args)], capture_output=True, text=True, timeout=timeout)


def one_error_line(done) -> str:
    assert done.returncode == 2, (done.returncode, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("lifemap: error: "), done.stderr
    assert "Traceback" not in done.stderr
    return lines[0]


def on_small_disk(tmp_path, options: str, *args):
    """Run lifemap with ``tmp_path/disk`` a fresh 64 KB tmpfs mounted with ``options``."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is not installed")
    disk = tmp_path / "disk"
    disk.mkdir()
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    if probe.returncode:
        pytest.skip(f"no user namespaces here: {probe.stderr.decode().strip()}")
    command = " ".join(map(shlex.quote, [*LIFEMAP, *map(str, args)]))
    script = f"mount -t tmpfs -o size=64k,{options} tmpfs {shlex.quote(str(disk))} && {command}; " \
             f"status=$?; ls -A {shlex.quote(str(disk))} >&2; exit $status"
    return subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=300), disk


# Disks --------------------------------------------------------------------------------------------
def test_a_read_only_file_system_is_named_not_hidden_by_the_clean_up(tmp_path):
    done, disk = on_small_disk(tmp_path, "ro", "build", "--tiles", "none", "-o", tmp_path / "disk" / "map.html")
    line = one_error_line(done)
    assert line == f"lifemap: error: cannot write {disk}/map.html: Read-only file system"


@pytest.mark.parametrize("fmt", ["gpkg", "geojson"])
def test_a_full_disk_during_a_gis_export_is_one_line_and_leaves_nothing(tmp_path, fmt):
    done, disk = on_small_disk(tmp_path, "rw", "export", "-f", fmt, "-o", tmp_path / "disk" / f"events.{fmt}")
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    line, *listing = done.stderr.strip().splitlines()
    assert line.startswith(f"lifemap: error: cannot write {disk}/events.{fmt}: GDAL could not write")
    assert listing == []          # `ls -A` of the disk afterwards: no temporary file, no sidecar


# Options ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("tiles", ["OSM", "None", "NONE"])
def test_tile_names_are_read_in_any_case(tmp_path, tiles):
    done = cli("build", "--tiles", tiles, "-o", tmp_path / "map.html")
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("tiles", ["offline", "openstreetmap.org", "https://tiles.example/{z}/{x}.png"])
def test_unknown_tiles_say_what_is_accepted(tmp_path, tiles):
    line = one_error_line(cli("build", "--tiles", tiles, "-o", tmp_path / "map.html"))
    assert "use osm (OpenStreetMap), none (offline country outlines) or a tile URL template" in line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("width", ["-5", "0", "wide"])
def test_a_bad_embed_size_is_refused_before_the_map_is_written(tmp_path, width):
    line = one_error_line(cli("build", "--embed", "--width", width, "-o", tmp_path / "map.html"))
    assert "--width" in line and "positive whole number" in line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["route.txt", "route"])
def test_a_figure_needs_a_suffix_that_names_a_format(tmp_path, name):
    line = one_error_line(cli("figure", "-o", tmp_path / name))
    assert line.endswith("its suffix chooses the format; use .png, .svg or .pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_cache_that_is_a_directory(tmp_path):
    text = tmp_path / "t.txt"
    text.write_text("In 1907 he moved to Baku.\n", encoding="utf-8")
    line = one_error_line(cli("extract", text, "--nominatim", "--cache", tmp_path, "-o", tmp_path / "out.csv"))
    assert "geocoding cache must be a file" in line and "--cache" in line


@pytest.mark.parametrize("args", [["build", "--no-such-option"], ["export"], ["export", "-f", "shp"], ["frobnicate"],
                                  ["build", "--from", "1917-13"]])
def test_usage_mistakes_are_one_line_too(args):
    line = one_error_line(cli(*args))
    assert "--help" in line or "no such" in line or "month" in line


@pytest.mark.parametrize("output", ["", "maps/", "{tmp}/file.txt/map.html", "{tmp}/.."])
def test_an_output_that_names_no_file_is_one_line(tmp_path, output):
    (tmp_path / "file.txt").write_text("not a folder", encoding="utf-8")
    line = one_error_line(cli("build", "--tiles", "none", "-o", output.format(tmp=tmp_path)))
    assert "no file name" in line or "not a folder" in line or "give the name of a file" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]


def test_a_flood_of_warnings_is_cut_short(tmp_path):
    text = tmp_path / "impossible.txt"
    text.write_text(" ".join(f"From 1999 to 1899 he lived in Moscow, said witness {i}." for i in range(60)) + "\n",
                    encoding="utf-8")
    done = cli("extract", text, "--no-geonames", "-o", tmp_path / "events.csv")
    assert done.returncode == 0, done.stderr
    lines = done.stderr.strip().splitlines()
    assert sum("is not a date" in line for line in lines) == 20
    assert lines[-1] == "lifemap: warning: 40 more warning(s) like those above not shown"
    assert all(line.startswith(("lifemap: warning: ", "wrote ")) for line in lines)


def test_the_build_counts_its_events_in_words(tmp_path):
    text = tmp_path / "one.txt"
    text.write_text("In 1920 he went to Moscow.\n", encoding="utf-8")
    done = cli("build", text, "--tiles", "none", "--no-geonames", "-o", tmp_path / "one.html")
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == f"wrote {tmp_path / 'one.html'} (1 event)"
