"""The notebooks run headless, top to bottom, in a real kernel, and are committed without outputs."""
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def run(path, tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(nb, timeout=180, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    return nb


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebooks_are_committed_without_outputs(path):
    import json

    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, path.name


def test_the_periods_notebook_shows_map_table_and_timeline(tmp_path):
    nb = run(NOTEBOOKS[[p.stem for p in NOTEBOOKS].index("periods")], tmp_path)
    html = "".join(o.get("data", {}).get("text/html", "") for c in nb.cells if c.cell_type == "code"
                   for o in c.outputs)
    side = next(o["data"]["text/html"] for c in nb.cells if c.cell_type == "code" for o in c.outputs
                if "display:flex" in o.get("data", {}).get("text/html", ""))
    assert "<iframe" in side and "<table" in side and "<svg" in side
    assert "Novaya Uda" in side and "Kureika" in side  # the underground period's exiles
    assert "Tehran" not in side.split("<svg")[0].split("<iframe")[0]
    texts = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "events in underground" in texts and "<table" in html


def test_the_own_text_notebook_extracts_reviews_and_saves(tmp_path):
    import csv

    nb = run(NOTEBOOKS[[p.stem for p in NOTEBOOKS].index("own_text")], tmp_path)
    saved = tmp_path / "kept_events.csv"
    rows = list(csv.DictReader(saved.open(encoding="utf-8")))
    places = {r["place"] for r in rows}
    assert {"solvychegodsk", "baku"} <= places
    assert any(r["place"] == "baku" and r["kind"] == "arrest" and r["date_start"] == "1908-03" for r in rows)
    assert any(r["place"] == "solvychegodsk" and r["date_start"].startswith("1909") for r in rows)
    last = nb.cells[-1].outputs[0]["data"]["text/html"]
    assert "<iframe" in last
