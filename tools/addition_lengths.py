"""Each network addition's drawn length, its documented length (geo/addition_lengths.csv) and
their ratio, and the lengths in km its source and note mention (to fill the table from).

    .venv/bin/python tools/addition_lengths.py [--missing]
"""

from __future__ import annotations

import argparse
import json
import re

from movemap.geodata import geo_path
from movemap.routing.lengths import LENGTHS_FILE, drawn_km, read_lengths

_KM = re.compile(r"(\d[\d,.]*)\s*km")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--missing", action="store_true",
                        help="only the additions with no documented length")
    args = parser.parse_args()
    drawn = {net: drawn_km(geo_path(f"{net}_additions.geojson")) for net in ("rail", "road")}
    documented = read_lengths(geo_path(LENGTHS_FILE), drawn)
    for net in ("rail", "road"):
        data = json.loads(geo_path(f"{net}_additions.geojson").read_text(encoding="utf-8"))
        for feature in data["features"]:
            props = feature["properties"]
            name = props.get("name", "")
            km = documented[net].get(name)
            if args.missing and km is not None:
                continue
            said = _KM.findall(f"{props.get('source', '')} {props.get('note', '')}")
            ratio = f"x{km / drawn[net][name]:.2f}" if km else "-"
            print(f"{net}\t{drawn[net][name]:7.1f}\t{km or '-'!s:>7}\t{ratio:>6}\t{name}\t"
                  f"mentions: {', '.join(said) or '-'}")


if __name__ == "__main__":
    main()
