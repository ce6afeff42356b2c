import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest


@pytest.mark.parametrize("suffix", ["svg", "png"])
def test_lifemap_figure_writes_a_labelled_route(tmp_path, suffix):
    out = tmp_path / f"route.{suffix}"
    cmd = [sys.executable, "-m", "lifemap.cli", "figure", "-o", str(out), "--from", "1900", "--to", "1917"]
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    if suffix == "png":
        assert data.startswith(b"\x89PNG") and len(data) > 50_000
        return
    texts = {"".join(t.itertext()) for t in ET.fromstring(data).iter("{http://www.w3.org/2000/svg}g")}
    svg = data.decode()
    for label in ("The route of Stalin", "Kureika", "Baku", "exile", "escape"):
        assert label in svg, label
    assert texts
    again = tmp_path / "again.svg"
    subprocess.run(cmd[:5] + [str(again)] + cmd[6:], check=True, capture_output=True)
    assert again.read_bytes() == data  # no dates or random ids: worksheets diff cleanly
