"""Build src/lifemap/data/countries.geojson, the offline basemap shown with ``--tiles none``.

Source: Natural Earth's 1:110m admin-0 countries (public domain), as shipped in pyogrio's wheel.
Simplified to about 0.05° and rounded to 3 decimals, which keeps the file near 150 KB.
usage: python scripts/make_countries.py
"""
import json
from pathlib import Path

import geopandas as gpd
import pyogrio

SOURCE = Path(pyogrio.__file__).parent / "tests" / "fixtures" / "naturalearth_lowres" / "naturalearth_lowres.shp"
TARGET = Path(__file__).resolve().parents[1] / "src" / "lifemap" / "data" / "countries.geojson"


def main():
    world = gpd.read_file(SOURCE)[["name", "geometry"]]
    world["geometry"] = world.geometry.simplify(0.05, preserve_topology=True)
    data = json.loads(world.to_json(drop_id=True))
    for f in data["features"]:
        f["geometry"] = _round(f["geometry"])
    data["attribution"] = "Made with Natural Earth (public domain), 1:110m countries"
    TARGET.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {TARGET} ({TARGET.stat().st_size // 1024} KB, {len(data['features'])} countries)")


def _round(geometry):
    def r(c):
        return [round(c[0], 3), round(c[1], 3)] if isinstance(c[0], float) else [r(x) for x in c]

    return {"type": geometry["type"], "coordinates": r(geometry["coordinates"])}


if __name__ == "__main__":
    main()
