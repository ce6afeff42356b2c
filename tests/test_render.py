import re
import subprocess
import sys

import pytest

from lifemap.events import LAYERS, load_events
from lifemap.render import render, save


@pytest.fixture
def mini(mini_events, mini_gazetteer):
    return load_events(mini_events, mini_gazetteer)


def html_of(m) -> str:
    return m.get_root().render()


def test_the_page_needs_leaflet_alone(mini):
    page = html_of(render(mini, tiles="none"))
    links = sorted(set(re.findall(r"""(?:src|href)=["'](https?:[^"']+)""", page)))
    assert links == ["https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.css",
                     "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js"]
    assert "jquery" not in page.lower() and "bootstrap" not in page.lower()


def test_text_from_the_data_is_escaped(mini):
    page = html_of(render(mini, tiles="none"))
    assert "<b>east</b>" not in page and '""away""' not in page
    # in the model as JSON, with <, > and & as unicode escapes: no text can close the script
    # (the page puts it into the DOM as text: tests/test_browser.py)
    assert "\\u003cb\\u003eeast\\u003c/b\\u003e" in page


def test_the_same_input_gives_the_same_bytes(mini):
    assert html_of(render(mini, tiles="none")) == html_of(render(mini, tiles="none"))


def test_one_layer_per_kind_present(mini):
    m = render(mini, tiles="none")
    page = html_of(m)
    listed = [c.layer_key for c in m._children.values() if getattr(c, "layer_key", None)]
    for key, label, _, _ in LAYERS:
        present = key in set(mini["layer"]) or (key == "escapes")  # the escape's arc
        assert (key in listed) == present, label
        assert (f".layers[\"{key}\"]" in page) == present, label


def test_save_is_atomic(tmp_path, mini):
    target = tmp_path / "out" / "map.html"
    save(render(mini, tiles="none"), target)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in target.parent.iterdir()] == ["map.html"]


def test_an_interrupted_save_leaves_the_old_map(tmp_path, mini, monkeypatch):
    target = tmp_path / "map.html"
    target.write_text("old map", encoding="utf-8")
    m = render(mini, tiles="none")
    monkeypatch.setattr(type(m.get_root()), "render", lambda self, **kw: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):
        save(m, target)
    assert target.read_text(encoding="utf-8") == "old map"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def run_cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "lifemap.cli", *args], capture_output=True, text=True, env=env)


def test_cli_builds_a_period(tmp_path, mini_events, mini_places):
    import os

    env = {**os.environ, "LIFEMAP_PLACES": str(mini_places)}
    out = tmp_path / "m.html"
    done = run_cli("build", "--events", str(mini_events), "--from", "1900", "--to", "1917", "--tiles", "none",
                   "-o", str(out), env=env)
    assert done.returncode == 0, done.stderr
    assert "4 events" in done.stderr
    page = out.read_text(encoding="utf-8")
    assert "Novaya Uda" in page and "Dies at his dacha" not in page and "Born to" not in page


def test_cli_reports_bad_input_with_file_and_line(tmp_path, mini_events, mini_places):
    import os

    bad = tmp_path / "events.csv"
    lines = mini_events.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",batumi,,", ",atlantis,,")
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = run_cli("build", "--events", str(bad), "-o", str(tmp_path / "m.html"),
                   env={**os.environ, "LIFEMAP_PLACES": str(mini_places)})
    assert done.returncode == 2
    assert f"{bad}:4: place: unknown place id 'atlantis'" in done.stderr
    assert not (tmp_path / "m.html").exists()


def test_cli_refuses_an_impossible_period():
    done = run_cli("build", "--from", "1917-02-31")
    assert done.returncode == 2 and "no such day" in done.stderr


def test_template_syntax_in_the_data_is_never_run(tmp_path, mini_events, mini_gazetteer):
    """branca compiles rendered scripts as Jinja once more: braces from the data must not reach it."""
    header, *rows = mini_events.read_text(encoding="utf-8").splitlines()
    rows[0] = rows[0].replace("Born to a cobbler's family",
                              "{{ 7*7 }}QQ {% for x in range(3) %}{{ x }}{% endfor %}RR {#")
    path = tmp_path / "events.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    events = load_events(path, mini_gazetteer)
    page = html_of(render(events, tiles="none", title="{{ 6*7 }}TT", assets="inline"))
    assert "49QQ" not in page and "012RR" not in page and "42TT" not in page
    assert "&#123;&#123; 6*7 &#125;&#125;TT" in page  # the <title> (HTML)
    assert "\\u007b\\u007b 7*7 \\u007d\\u007dQQ" in page  # the model (JSON)


def test_the_page_script_survives_the_template_pass(mini):
    """The page code is compiled as Jinja by branca: it must come out byte for byte."""
    from lifemap.controls import page_script

    code = page_script()
    assert not any(tag in code for tag in ("{{", "{%", "{#")), "template syntax in static/lifemap.js"
    assert "</script" not in code
    assert code in html_of(render(mini, tiles="none"))


def test_cli_refuses_a_text_file_that_is_not_there(tmp_path):
    """The API reads a string naming no file as the text itself; the command line means files."""
    for command in (["build"], ["extract", "-o", str(tmp_path / "x.csv")]):
        done = run_cli(*command, str(tmp_path / "chapter.txt"))
        assert done.returncode == 2
        assert "chapter.txt: cannot read: No such file or directory" in done.stderr
    assert list(tmp_path.iterdir()) == []
