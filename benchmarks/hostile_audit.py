"""Hostile-input audit: every command on a corpus of hostile inputs, each outcome classified.

Run with ``python benchmarks/hostile_audit.py [--only SUBSTRING] [--jobs N] [--src DIR]``
(``--src /work/main/src`` audits another checkout's package with the same corpus). It lives in
``benchmarks/`` and not in ``tests/`` because it is a measurement, not a gate: it runs some
two hundred child processes (a few minutes on two cores), prints a table of outcomes and the
counts by class, and is rerun to compare a branch with ``main``; each class it finds failing
gets its own fast test in ``tests/`` when it is fixed.

Each case runs ``python -m movemap ...`` in a child process whose CPU time and address space
the kernel bounds (``setrlimit``), in a fresh folder, and is classified as one of:

- ``clean``: a refusal as the promise says: a non-zero exit, no traceback, the first line of
  stderr a movemap error line (``movemap: error: ...`` or ``FILE:LINE:COL: error: ...``), no
  output file left and an existing one unchanged;
- ``handled``: accepted, and the case's own check of what was written passes (an injection
  string escaped in the HTML, KML, SVG, GeoJSON; a date kept; a value not silently changed);
- ``traceback``: a Python traceback on stderr;
- ``hang/oversize``: stopped by the CPU or memory bound, a MemoryError, or past the wall-clock
  guard;
- ``silent-wrong``: exit 0 where the input must be refused, or the case's check fails, or a
  refusal with no movemap error line, or control characters or a Python warning (``...Warning:``
  with a source path) on the user's terminal;
- ``damaged-output``: an existing output changed or removed by a failed run, a partial or
  temporary file left behind, or the input file overwritten.

HTML outputs of the injection cases are also opened in Debian's headless Chromium (as the
browser tests do) and fail their check if any script runs, a dialog opens or the page asks
for anything but itself.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parent.parent
HOSTILE = ROOT / "tests" / "data" / "hostile"
MEMORY_BYTES = 2048 * 2**20
CPU_SECONDS = 40
WALL_SECONDS = 120
CHROMIUM = "/usr/bin/chromium"


def _chromium() -> str | None:
    """Debian's Chromium, or another on the PATH; None when there is none."""
    return CHROMIUM if Path(CHROMIUM).is_file() else shutil.which("chromium")


def _launch(playwright: Any) -> Any:
    """Headless Chromium as the browser tests start it (no sandbox as root, no background
    networking on a closed network)."""
    return playwright.chromium.launch(
        executable_path=_chromium(),
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
SOURCE = ""  # --src: the package folder the children import movemap from

EVIL = ["<script>window.__pwned=1</script>", "</script><script>window.__pwned=2</script>",
        '<img src=x onerror="window.__pwned=3">', "javascript:window.__pwned=4",
        "{{ 7*7 }} ${7*7} {% raw %}", "\"'><svg onload=window.__pwned=5>",
        "]]></description><script>x</script>"]

Check = Callable[[Path, "subprocess.CompletedProcess[str]"], str | None]


@dataclass
class Case:
    """One command on one hostile input."""

    name: str
    group: str  # "issue": the issue's own list; "new": classes no test held
    argv: list[str]  # {d} is the case's folder
    expect: str = "refuse"  # refuse | accept | either
    files: dict[str, str | bytes] = field(default_factory=dict)
    output: str | None = None  # a file the run may write, relative to {d}
    existing: bytes | None = None  # written to the output first: a failed run must keep it
    check: Check | None = None
    chmod: dict[str, int] = field(default_factory=dict)
    interrupt: tuple[int, float] | None = None  # (signal, seconds after start)
    stdin: str | None = None
    # run without CAP_DAC_OVERRIDE: as root, permissions do not stop a write
    unprivileged: bool = False


def dataset(legs: str = "", *, name: str = "audit", title: str = "Audit", units: str = "",
            sources: str = "", stations: str = "", extra: str = "") -> str:
    """A small dataset whose places carry their coordinates (no gazetteer needed)."""
    units = units or "  - {id: u1, name: Unit one}\n"
    sources = sources or "  - {id: s1, publisher: P, grade: B2}\n"
    legs = legs or ("  - {id: l1, unit: u1, from: {name: A, lat: 41.8, lon: 129.8}, "
                    "to: {name: B, lat: 43.1, lon: 131.9}, start: 2024-10-08, "
                    "end: 2024-10-13, mode: air, strength: 100, sources: [s1]}\n")
    text = (f"movemap: 1\nname: {name}\ntitle: {title}\n{extra}sources:\n{sources}"
            f"units:\n{units}legs:\n{legs}")
    if stations:
        text += f"stations:\n{stations}"
    return text


def leg(**fields: str) -> str:
    base = {"id": "l1", "unit": "u1", "from": "{name: A, lat: 41.8, lon: 129.8}",
            "to": "{name: B, lat: 43.1, lon: 131.9}", "start": "2024-10-08",
            "end": "2024-10-13", "mode": "air", "strength": "100", "sources": "[s1]"}
    base.update(fields)
    return "  - {" + ", ".join(f"{k}: {v}" for k, v in base.items()) + "}\n"


# -- checks of what an accepted run wrote -------------------------------------------------

def _evil_raw(text: str) -> str | None:
    for raw in ("<script>window.__pwned", "<img src=x", "<svg onload", "</description><script"):
        if raw in text:
            return f"raw markup {raw!r} in the output"
    return None


def check_kml(d: Path, _r: subprocess.CompletedProcess[str]) -> str | None:
    from lxml import etree

    path = d / "out.kml"
    try:
        root = etree.parse(str(path))
    except Exception as exc:  # any parse failure is the finding
        return f"KML does not parse: {exc}"
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    for element in [*root.iterfind(".//k:description", ns), *root.iterfind(".//k:name", ns)]:
        text = (element.text or "").replace("<br>", "")
        if "<" in text:
            return f"markup in a KML {etree.QName(element).localname}: {text[:80]!r}"
    return None


def check_svg(d: Path, _r: subprocess.CompletedProcess[str]) -> str | None:
    from lxml import etree

    try:
        root = etree.parse(str(d / "out.svg"))
    except Exception as exc:
        return f"SVG does not parse: {exc}"
    scripts = root.findall(".//{http://www.w3.org/2000/svg}script")
    handlers = [a for e in root.iter() for a in e.attrib if str(a).startswith("on")]
    if scripts or handlers:
        return f"SVG carries {len(scripts)} scripts and handlers {handlers[:3]}"
    return None


def check_geojson(d: Path, _r: subprocess.CompletedProcess[str]) -> str | None:
    try:
        data = json.loads((d / "out.geojson").read_text(encoding="utf-8"))
    except Exception as exc:
        return f"GeoJSON does not parse: {exc}"
    text = json.dumps(data, ensure_ascii=False)
    if not any(e in text for e in EVIL[:3]):
        return "the hostile strings are lost from the GeoJSON (they must be kept, as text)"
    return None


def check_csv(d: Path, _r: subprocess.CompletedProcess[str]) -> str | None:
    import csv

    with (d / "out.csv").open(encoding="utf-8", newline="") as file:
        for row in csv.reader(file):
            for cell in row:
                if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not _number(cell):
                    return f"a formula cell: {cell[:60]!r}"
    return None


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def check_html(d: Path, _r: subprocess.CompletedProcess[str]) -> str | None:
    """The written page opened in headless Chromium: no script of the dataset's runs, no
    dialog, no request but the page itself."""
    path = d / "out.html"
    text = path.read_text(encoding="utf-8")
    if "window.__pwned" not in text and "__pwned" not in text:
        return "the hostile strings are missing from the page"
    if _chromium() is None:
        return _evil_raw(text.replace("<\\/", "</"))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = _launch(playwright)
        page = browser.new_page()
        dialogs: list[str] = []
        requests: list[str] = []
        def dialog(opened: Any) -> None:
            dialogs.append(opened.message)
            opened.dismiss()

        page.on("dialog", dialog)
        page.on("request", lambda req: requests.append(req.url))
        page.goto(path.resolve().as_uri())
        try:
            page.wait_for_function("window.movemapReady === true", timeout=20_000)
        except Exception:
            browser.close()
            return "the page never became ready"
        # every popup and tooltip content, opened by the page's own Leaflet objects
        page.evaluate("""() => { for (const k in window) { const m = window[k];
            if (m && m.eachLayer && m.getContainer) { m.eachLayer(l => {
              if (l.openPopup && l.getPopup && l.getPopup()) { try { l.openPopup(); } catch (e) {} }
              if (l.openTooltip && l.getTooltip && l.getTooltip()) {
                try { l.openTooltip(); } catch (e) {} } }); } } }""")
        pwned = page.evaluate("typeof window.__pwned")
        browser.close()
    others = [u for u in requests if not u.startswith("file:")]
    if pwned != "undefined" or dialogs or others:
        return f"script ran ({pwned}), dialogs {dialogs}, requests {others[:3]}"
    return None


def check_stdout_no(pattern: str) -> Check:
    def check(_d: Path, result: subprocess.CompletedProcess[str]) -> str | None:
        if pattern in result.stdout:
            return f"{pattern!r} in the output"
        return None
    return check


def check_stdout_has(pattern: str) -> Check:
    def check(_d: Path, result: subprocess.CompletedProcess[str]) -> str | None:
        if pattern not in result.stdout:
            return f"{pattern!r} missing from the output: {result.stdout[:200]!r}"
        return None
    return check


def check_file_is(relative: str, content: bytes) -> Check:
    def check(d: Path, _r: subprocess.CompletedProcess[str]) -> str | None:
        if (d / relative).read_bytes() != content:
            return f"{relative} was overwritten"
        return None
    return check


# -- the corpus ----------------------------------------------------------------------------

DATASET_COMMANDS: list[tuple[str, list[str], str | None]] = [
    ("validate", ["validate", "{d}/in.yaml"], None),
    ("timeline", ["timeline", "{d}/in.yaml"], None),
    ("status", ["status", "{d}/in.yaml", "--on", "2024-10-10"], None),
    ("render", ["render", "{d}/in.yaml", "-o", "{d}/out.html"], "out.html"),
    ("export-svg", ["export", "{d}/in.yaml", "-o", "{d}/out.svg"], "out.svg"),
    ("export-kml", ["export", "{d}/in.yaml", "-o", "{d}/out.kml"], "out.kml"),
    ("export-geojson", ["export", "{d}/in.yaml", "-o", "{d}/out.geojson"], "out.geojson"),
    ("export-gpkg", ["export", "{d}/in.yaml", "-o", "{d}/out.gpkg"], "out.gpkg"),
    ("export-csv", ["export", "{d}/in.yaml", "-o", "{d}/out.csv"], "out.csv"),
]
QUICK_COMMANDS = [c for c in DATASET_COMMANDS
                  if c[0] in ("validate", "status", "export-kml", "export-csv")]


def every_command(name: str, group: str, text: str | bytes, expect: str = "refuse",
                  commands: list[tuple[str, list[str], str | None]] | None = None,
                  ) -> list[Case]:
    return [Case(f"{name} | {label}", group, argv, expect, {"in.yaml": text}, output,
                 existing=b"previous output\n" if output else None)
            for label, argv, output in (commands or DATASET_COMMANDS)]


def _hostile(name: str) -> str:
    return (HOSTILE / name).read_text(encoding="utf-8")


def issue_cases() -> list[Case]:
    cases: list[Case] = []
    for label, file in [("alias bomb", "01-alias-bomb.yaml"),
                        ("deep nesting", "03-deep-flow-nesting.yaml"),
                        ("10^400 strength", "05-400-digit-strength.yaml")]:
        cases += every_command(label, "issue", _hostile(file))
    for label, file in [("country NO", "09-country-no.yaml"),
                        ("sexagesimal 1:30", "10-sexagesimal-strength.yaml"),
                        ("id on", "11-unit-id-on.yaml"), ("key yes", "12-key-yes.yaml")]:
        cases += every_command(label, "issue", _hostile(file), commands=QUICK_COMMANDS)
    evil = dataset(leg(notes=json.dumps(EVIL[2])),
                   units=f"  - {{id: u1, name: {json.dumps(EVIL[0])}}}\n")
    cases.append(Case("KML injection | export-kml", "issue",
                      ["export", "{d}/in.yaml", "-o", "{d}/out.kml"], "accept",
                      {"in.yaml": evil}, check=check_kml))
    formula = dataset(leg(notes=json.dumps('=HYPERLINK("http://x/?"&A1)')),
                      units="  - {id: u1, name: '@SUM(1+1)'}\n")
    cases.append(Case("CSV injection | export-csv", "issue",
                      ["export", "{d}/in.yaml", "-o", "{d}/out.csv"], "accept",
                      {"in.yaml": formula}, check=check_csv))
    cases.append(Case("--size 100000x100000 | export-png", "issue",
                      ["export", "{d}/in.yaml", "-o", "{d}/out.png", "--size", "100000x100000"],
                      files={"in.yaml": dataset()}, output="out.png"))
    cases.append(Case("read-only folder | export-gpkg", "issue",
                      ["export", "{d}/in.yaml", "-o", "{d}/ro/out.gpkg"],
                      files={"in.yaml": dataset(), "ro/keep": ""}, chmod={"ro": 0o555},
                      unprivileged=True))
    cases.append(Case("--format kml -o x.png | export", "issue",
                      ["export", "{d}/in.yaml", "--format", "kml", "-o", "{d}/out.png"],
                      files={"in.yaml": dataset()}, output="out.png", existing=b"png\n"))
    return cases


def _strings_case(label: str, text: str) -> list[Case]:
    return every_command(label, "new", text, "accept",
                         [c for c in DATASET_COMMANDS if c[0] in ("validate", "export-kml")])


def new_cases() -> list[Case]:
    cases: list[Case] = []
    q = json.dumps
    # names: NUL, control and bidi characters
    cases += every_command("NUL escape in a unit name", "new", dataset(
        units='  - {id: u1, name: "Unit\\0one"}\n'), "either", QUICK_COMMANDS)
    cases += every_command("raw NUL byte in the file", "new",
                           dataset().replace("Unit one", "Unit\x00one").encode(), "refuse",
                           QUICK_COMMANDS[:2])
    cases += every_command("C0 controls in a name", "new", dataset(
        units='  - {id: u1, name: "Unit\\x1b[31mred\\x07"}\n'), "either", QUICK_COMMANDS)
    cases += every_command("bidi override in a name", "new", dataset(
        units='  - {id: u1, name: "Unit \\u202eeno\\u202c"}\n'), "either", QUICK_COMMANDS)
    cases += every_command("control char in an id", "new", dataset(
        leg(id='"l\\x1b[2J1"')), "either", QUICK_COMMANDS[:2])
    # size and encodings
    long_note = "x" * (20 * 2**20)
    cases += every_command("20 MB one-line note", "new",
                           dataset(leg(notes=long_note)), "either", QUICK_COMMANDS[:2])
    one_line = "{movemap: 1, name: a, units: [" + ", ".join(
        f"{{id: u{i}, name: U{i}}}" for i in range(400_000)) + "], legs: []}"
    cases += every_command("20 MB one-line flow file", "new", one_line, "either",
                           QUICK_COMMANDS[:1])
    cases += every_command("UTF-8 BOM", "new", b"\xef\xbb\xbf" + dataset().encode(), "accept",
                           QUICK_COMMANDS[:2])
    cases += every_command("UTF-16 LE with BOM", "new", dataset().encode("utf-16"), "either",
                           QUICK_COMMANDS[:2])
    cases += every_command("UTF-16 BE no BOM", "new", dataset().encode("utf-16-be"), "either",
                           QUICK_COMMANDS[:1])
    # duplicate keys
    cases += every_command("duplicate key in a leg", "new", dataset(
        leg().replace("strength: 100", "strength: 100, strength: 5000")), "refuse",
        QUICK_COMMANDS[:2])
    cases += every_command("duplicate top-level key", "new",
                           dataset() + "legs: []\n", "refuse", QUICK_COMMANDS[:2])
    # tags
    for tag_label, value in [("!!binary", "!!binary aGVsbG8="), ("custom !tag", "!evil x"),
                             ("!!python/name", "!!python/name:os.system ''"),
                             ("!!str on a number", "!!str 12"),
                             ("!!timestamp", "!!timestamp 2024-10-08")]:
        cases += every_command(f"tag {tag_label}", "new", dataset(
            units=f"  - {{id: u1, name: {value}}}\n"), "either", QUICK_COMMANDS[:2])
    # calendar edges
    for date_label, start, end in [("0001-01-01", "0001-01-01", "0001-01-05"),
                                   ("9999-12-31", "9999-12-30", "9999-12-31"),
                                   ("29 Feb non-leap", "2023-02-29", "2023-03-02"),
                                   ("time zone", "2024-10-08T10:00:00+09:00",
                                    "2024-10-13T01:00:00-05:00"),
                                   ("year 10000", "10000-01-01", "10000-01-02"),
                                   ("end before start", "2024-10-13", "2024-10-08")]:
        cases += every_command(f"date {date_label}", "new", dataset(
            leg(start=start, end=end)), "either",
            [c for c in DATASET_COMMANDS if c[0] in ("validate", "timeline", "export-gpkg",
                                                      "export-kml", "render")])
    cases.append(Case("status --on 0001-01-01 | status", "new",
                      ["status", "{d}/in.yaml", "--on", "0001-01-01"], "either",
                      {"in.yaml": dataset()}))
    cases.append(Case("status --on 9999-12-31 | status", "new",
                      ["status", "{d}/in.yaml", "--on", "9999-12-31"], "either",
                      {"in.yaml": dataset()}))
    cases.append(Case("export --on 0001-01-01 | export-png", "new",
                      ["export", "{d}/in.yaml", "--on", "0001-01-01", "-o", "{d}/out.png"],
                      "either", {"in.yaml": dataset()}, "out.png"))
    cases.append(Case("export gif --from 0001-01-01 | export-gif", "new",
                      ["export", "{d}/in.yaml", "--from", "0001-01-01", "--until",
                       "9999-12-31", "-o", "{d}/out.gif"], "refuse",
                      {"in.yaml": dataset()}, "out.gif"))
    # coordinates
    for coord_label, lat in [("string '41.8'", "'41.8'"), ("+inf", ".inf"),
                             ("-inf", "-.inf"), ("nan", ".nan"), ("-0", "-0.0"),
                             ("1e308", "1e308"), ("bool", "true")]:
        cases += every_command(f"lat {coord_label}", "new", dataset(
            leg(**{"from": f"{{name: A, lat: {lat}, lon: 129.8}}"})),
            "either" if coord_label in ("string '41.8'", "-0") else "refuse",
            [c for c in DATASET_COMMANDS if c[0] in ("validate", "export-kml", "export-gpkg")])
    vias = "[" + ", ".join(f"{{name: V{i}, lat: {40 + (i % 5) / 10}, lon: 130}}"
                           for i in range(100_000)) + "]"
    cases += every_command("100,000 via points", "new", dataset(leg(via=vias)), "either",
                           QUICK_COMMANDS[:1] + [c for c in DATASET_COMMANDS
                                                 if c[0] == "export-geojson"])
    # other input formats
    cases += input_format_cases()
    cases += more_cases()
    # outputs
    cases += output_cases()
    # injection everywhere
    cases += injection_cases(q)
    # extract, resolve, route
    cases += text_cases()
    return cases


def more_cases() -> list[Case]:
    """Added after the first look, on both checkouts: paths the OS refuses, an overlay's names,
    a tile provider, merge."""
    data: dict[str, str | bytes] = {"in.yaml": dataset()}
    overlay = "name,lat,lon\nEvil\x1b]0;pwned\x07Town,43.1,131.9\n"
    return [
        Case("-o a 300-character file name | export-kml", "new",
             ["export", "{d}/in.yaml", "-o", "{d}/" + "x" * 300 + ".kml"], "refuse", data),
        Case("-o under a file, not a folder | export-kml", "new",
             ["export", "{d}/in.yaml", "-o", "{d}/in.yaml/out.kml"], "refuse", data),
        Case("-o under a file, not a folder | render", "new",
             ["render", "{d}/in.yaml", "-o", "{d}/in.yaml/out.html"], "refuse", data),
        Case("overlay name with controls | resolve", "new",
             ["resolve", "Evil", "--gazetteer", "{d}/places.csv"], "either",
             {"places.csv": overlay}),
        Case("overlay name with controls | status", "new",
             ["status", "{d}/in.yaml", "--on", "2024-10-10", "--gazetteer", "{d}/places.csv"],
             "either", {"places.csv": overlay, "in.yaml": dataset(leg(to="Evil"))}),
        Case("--tiles with markup | render", "new",
             ["render", "{d}/in.yaml", "-o", "{d}/out.html", "--tiles",
              '"><script>window.__pwned=1</script>'], "refuse", data, "out.html"),
        Case("-o equal to an input | merge", "new",
             ["merge", "{d}/in.yaml", "{d}/b.yaml", "-o", "{d}/in.yaml"], "either",
             {**data, "b.yaml": dataset(name="b")}),
        Case("hostile draft | merge", "new",
             ["merge", "{d}/in.yaml", "{d}/b.yaml", "-o", "{d}/out.yaml"], "refuse",
             {"in.yaml": _hostile("01-alias-bomb.yaml"), "b.yaml": dataset(name="b")},
             "out.yaml"),
        Case("injection in report text | extract-html in Chromium", "new",
             ["extract", "{d}/in.txt", "--format", "html", "-o", "{d}/out.html"], "accept",
             {"in.txt": "Troops of the <script>window.__pwned=1</script> brigade moved from "
                        "Chongjin to Vladivostok on 8 October 2024 <img src=x "
                        "onerror=window.__pwned=2>.\n"}, check=check_html_loaded),
    ]


def check_html_loaded(d: Path, result: subprocess.CompletedProcess[str]) -> str | None:
    """A page with no ``movemapReady`` (the draft page): loaded, then checked the same way."""
    if _chromium() is None:
        return check_html_static(d, result)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = _launch(playwright)
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda req: requests.append(req.url))
        page.goto((d / "out.html").resolve().as_uri(), wait_until="load")
        pwned = page.evaluate("typeof window.__pwned")
        browser.close()
    others = [u for u in requests if not u.startswith(("file:", "data:"))]
    if pwned != "undefined" or others:
        return f"script ran ({pwned}), requests {others[:3]}"
    return None


def input_format_cases() -> list[Case]:
    cases: list[Case] = []
    inputs: list[tuple[str, str, str | bytes, str]] = [
        ("GeoJSON malformed", "in.geojson", '{"type": "FeatureCollection", "features": [',
         "refuse"),
        ("GeoJSON not JSON", "in.geojson", b"\x89PNG\r\n\x1a\n\x00\x00", "refuse"),
        ("GeoJSON features not a list", "in.geojson",
         '{"type": "FeatureCollection", "features": {"a": 1}}', "refuse"),
        ("GeoJSON 1,000,000 features", "in.geojson",
         '{"type": "FeatureCollection", "features": ['
         + ",".join(['{"type":"Feature","geometry":null,"properties":{}}'] * 1_000_000) + "]}",
         "either"),
        ("GeoJSON wrong CRS", "in.geojson", json.dumps({
            "type": "FeatureCollection",
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}},
            "features": [{"type": "Feature", "geometry": {"type": "LineString", "coordinates": [
                [14500000, 5100000], [14680000, 5330000]]},
                "properties": {"kind": "leg", "id": "l1", "unit": "u1", "from": "A",
                               "to": "B", "start": "2024-10-08", "mode": "air"}}]}),
         "refuse"),
        ("GeoJSON NaN literal", "in.geojson", '{"type": "FeatureCollection", "features": '
         '[{"type": "Feature", "geometry": {"type": "Point", "coordinates": [NaN, Infinity]}, '
         '"properties": {"kind": "station", "id": "s", "unit": "u1", "at": "A"}}]}', "refuse"),
        ("CSV ragged rows", "in.csv", "id,unit,from,to,start\nl1,u1,A\nl2,u1,A,B,2024-10-08,x,y\n",
         "refuse"),
        ("CSV binary", "in.csv", bytes(range(256)) * 100, "refuse"),
        ("CSV 200,000 empty rows", "in.csv", "id,unit,from,to,start\n" + ",,,,\n" * 200_000,
         "either"),
        ("CSV NUL in a cell", "in.csv", "id,unit,from,to,start\nl\x001,u1,A,B,2024-10-08\n",
         "refuse"),
        ("KML as a dataset", "in.kml", "<kml><Document/></kml>", "refuse"),
    ]
    for label, name, text, expect in inputs:
        for cmd in ("validate", "export-geojson"):
            argv = (["validate", "--no-places", f"{{d}}/{name}"] if cmd == "validate" else
                    ["export", f"{{d}}/{name}", "-o", "{d}/out.geojson"])
            cases.append(Case(f"{label} | {cmd}", "new", argv, expect, {name: text},
                              None if cmd == "validate" else "out.geojson",
                              existing=None if cmd == "validate" else b"previous\n"))
    return cases


def output_cases() -> list[Case]:
    data: dict[str, str | bytes] = {"in.yaml": dataset()}
    cases = [
        Case("-o to a directory | export-kml", "new",
             ["export", "{d}/in.yaml", "-o", "{d}/adir"], "refuse", {**data, "adir/keep": "k"}),
        Case("-o to a directory | render", "new",
             ["render", "{d}/in.yaml", "-o", "{d}/adir"], "refuse", {**data, "adir/keep": "k"}),
        Case("-o /dev/full | export-kml", "new",
             ["export", "{d}/in.yaml", "--format", "kml", "-o", "{d}/full"], "refuse", data),
        Case("-o /dev/full | route", "new",
             ["route", "Chongjin", "Vladivostok", "-o", "{d}/full"], "refuse", {}),
        Case("stdout to /dev/full | export-geojson", "new",
             ["export", "{d}/in.yaml", "--format", "geojson", "-o", "-", ">{d}/full"],
             "refuse", data),
        Case("stdout to /dev/full | status", "new",
             ["status", "{d}/in.yaml", "--on", "2024-10-10", ">{d}/full"], "refuse", data),
        Case("-o equal to the input | render", "new",
             ["render", "{d}/in.yaml", "-o", "{d}/in.yaml"], "refuse",
             data, check=check_file_is("in.yaml", dataset().encode())),
        Case("-o equal to the input | export --force", "new",
             ["export", "{d}/in.yaml", "--format", "geojson", "--force", "-o", "{d}/in.yaml"],
             "refuse", data, check=check_file_is("in.yaml", dataset().encode())),
        Case("-o equal to the input | extract", "new",
             ["extract", "{d}/in.txt", "-o", "{d}/in.txt"], "refuse",
             {"in.txt": "Troops moved from Chongjin to Vladivostok on 8 October 2024.\n"},
             check=check_file_is("in.txt", b"Troops moved from Chongjin to Vladivostok on "
                                          b"8 October 2024.\n")),
        Case("-o through a dangling symlink | export-kml", "new",  # into a missing folder
             ["export", "{d}/in.yaml", "-o", "{d}/link.kml"], "either", data),
        Case("-o into a missing folder | export-kml", "new",
             ["export", "{d}/in.yaml", "-o", "{d}/no/such/out.kml"], "either", data),
        Case("-o onto a read-only file | export-kml", "new",
             ["export", "{d}/in.yaml", "-o", "{d}/out.kml"], "refuse", data, "out.kml",
             existing=b"keep me\n", chmod={"out.kml": 0o444}, unprivileged=True),
        Case("SIGTERM mid-write | export-png", "new",
             ["export", "{d}/in.yaml", "-o", "{d}/out.png"], "either", data, "out.png",
             existing=b"previous png\n", interrupt=(signal.SIGTERM, 3.0)),
        Case("SIGINT mid-write | render", "new",
             ["render", "{d}/in.yaml", "-o", "{d}/out.html"], "either", data, "out.html",
             existing=b"previous html\n", interrupt=(signal.SIGINT, 3.0)),
        Case("SIGINT mid-write | export-gpkg", "new",
             ["export", "{d}/in.yaml", "-o", "{d}/out.gpkg"], "either", data, "out.gpkg",
             existing=b"previous gpkg\n", interrupt=(signal.SIGINT, 2.5)),
    ]
    return cases


def injection_cases(q: Callable[[Any], str]) -> list[Case]:
    evil_all = " ".join(EVIL)
    text = dataset(
        leg(id=q("l1"), notes=q(evil_all), **{"from": f"{{name: {q(EVIL[1])}, lat: 41.8, "
                                                      "lon: 129.8}"}),
        name="evil", title=q(evil_all),
        units=f"  - {{id: u1, name: {q(evil_all)}, notes: {q(EVIL[4])}}}\n",
        sources=f"  - {{id: s1, publisher: {q(EVIL[2])}, title: {q(EVIL[0])}, "
                f"url: {q(EVIL[3])}, grade: B2}}\n",
        stations=f"  - {{id: st1, unit: u1, at: {{name: {q(EVIL[5])}, lat: 43.1, lon: 131.9}},"
                 f" start: 2024-10-13, notes: {q(EVIL[6])}}}\n",
        extra=f"description: {q(evil_all)}\n")
    checks: list[tuple[str, list[str], Check]] = [
        ("render", ["render", "{d}/in.yaml", "-o", "{d}/out.html"], check_html),
        ("render --title", ["render", "{d}/in.yaml", "-o", "{d}/out.html", "--title",
                            evil_all], check_html),
        ("export-kml", ["export", "{d}/in.yaml", "-o", "{d}/out.kml"], check_kml),
        ("export-svg", ["export", "{d}/in.yaml", "-o", "{d}/out.svg", "--banner", evil_all],
         check_svg),
        ("export-geojson", ["export", "{d}/in.yaml", "-o", "{d}/out.geojson"], check_geojson),
        ("export-csv", ["export", "{d}/in.yaml", "-o", "{d}/out.csv"], check_csv),
    ]
    cases = [Case(f"injection in every string | {label}", "new", argv, "accept",
                  {"in.yaml": text}, check=check) for label, argv, check in checks]
    report = ("Troops of the <script>window.__pwned=1</script> brigade moved from Chongjin to "
              "Vladivostok on 8 October 2024, said {{ 7*7 }} ${7*7} javascript:alert(1).\n")
    cases.append(Case("injection in report text | extract-html", "new",
                      ["extract", "{d}/in.txt", "--format", "html", "-o", "{d}/out.html"],
                      "accept", {"in.txt": report}, check=check_html_static))
    return cases


def check_html_static(d: Path, _r: subprocess.CompletedProcess[str]) -> str | None:
    text = (d / "out.html").read_text(encoding="utf-8")
    return _evil_raw(text)


def text_cases() -> list[Case]:
    cases = [
        Case("extract 20 MB text | extract", "new", ["extract", "{d}/in.txt", "-o",
                                                    "{d}/out.yaml"], "either",
             {"in.txt": ("Troops moved from Chongjin to Vladivostok. " * 470_000)}),
        Case("extract binary | extract", "new", ["extract", "{d}/in.txt", "-o",
                                                "{d}/out.yaml"], "refuse",
             {"in.txt": bytes(range(256)) * 4000}),
        Case("extract a million newlines | extract", "new",
             ["extract", "{d}/in.txt", "-o", "{d}/out.yaml"], "either",
             {"in.txt": "\n" * 1_000_000}),
        Case("extract one 5 MB word | extract", "new",
             ["extract", "{d}/in.txt", "-o", "{d}/out.yaml"], "either",
             {"in.txt": "a" * 5_000_000}),
        Case("extract UTF-16 | extract", "new", ["extract", "{d}/in.txt", "-o",
                                                "{d}/out.yaml"], "either",
             {"in.txt": "Troops moved from Chongjin to Vladivostok.\n".encode("utf-16")}),
        Case("extract NUL in text | extract", "new", ["extract", "{d}/in.txt", "-o",
                                                     "{d}/out.yaml"], "either",
             {"in.txt": "Troops moved from Chong\x00jin to Vladivostok.\n"}),
        Case("resolve 100,000-char name | resolve", "new", ["resolve", "x" * 100_000],
             "refuse"),
        Case("resolve U+0001 in a name | resolve", "new", ["resolve", "Chong\x01jin"], "refuse"),
        Case("resolve --file binary | resolve", "new", ["resolve", "--file", "{d}/in.txt"],
             "refuse", {"in.txt": bytes(range(256)) * 100}),
        Case("resolve --file 200,000 lines | resolve", "new",
             ["resolve", "--file", "{d}/in.txt", "--format", "json"], "either",
             {"in.txt": "Chongjin\n" * 200_000}),
        Case("resolve --near 1e400,5 | resolve", "new",
             ["resolve", "Chongjin", "--near", "1e400,5"], "refuse"),
        Case("resolve --near nan,nan | resolve", "new",  # a name: Nan Airport, Thailand
             ["resolve", "Chongjin", "--near", "nan,nan"], "either"),
        Case("route 10,000 --via | route", "new",
             ["route", "Chongjin", "Vladivostok", "--mode", "air",
              *[a for _ in range(10_000) for a in ("--via", "Chongjin")]], "either"),
        Case("route <script> names | route-geojson", "new",
             ["route", EVIL[0], "Vladivostok", "--format", "geojson"], "refuse"),
        Case("route --rail-lines malformed | route", "new",
             ["route", "Chongjin", "Vladivostok", "--mode", "rail", "--rail-lines",
              "{d}/lines.geojson"], "refuse", {"lines.geojson": '{"type": "Feature'}),
        Case("route --rail-lines 5000-deep | route", "new",
             ["route", "Chongjin", "Vladivostok", "--mode", "rail", "--rail-lines",
              "{d}/lines.geojson"], "refuse", {"lines.geojson": "[" * 5000 + "]" * 5000}),
        Case("gazetteer overlay with NaN | resolve", "new",
             ["resolve", "Foo", "--gazetteer", "{d}/places.csv"], "refuse",
             {"places.csv": "name,lat,lon\nFoo,nan,inf\n"}),
        Case("gazetteer overlay binary | resolve", "new",
             ["resolve", "Foo", "--gazetteer", "{d}/places.csv"], "refuse",
             {"places.csv": bytes(range(256)) * 50}),
    ]
    return cases


# -- running and classifying ---------------------------------------------------------------

CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, PR_CAPBSET_DROP = 1, 2, 24


def _limits(unprivileged: bool) -> Callable[[], None]:
    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
        resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
        os.setsid()
        if unprivileged and os.getuid() == 0:
            # root without the capability to override permissions (dropped from the bounding
            # set, so the command it runs has not got it either) obeys a read-only mode
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
                if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
                    raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")
    return limits


# what a terminal acts on (escape sequences, bell, NUL) or reorders (bidi overrides)
TERMINAL_CONTROLS = {chr(c) for c in [*range(0, 9), *range(11, 32), 127, *range(128, 160)]} | {
    chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
ERROR_LINE = ("movemap: error:", ": error:")


def _prepare(case: Case, d: Path) -> list[str]:
    for name, content in case.files.items():
        path = d / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    if case.output and case.existing is not None:
        (d / case.output).write_bytes(case.existing)
    if "dangling symlink" in case.name:
        (d / "link.kml").symlink_to(d / "gone" / "target.kml")
    if "/dev/full" in case.name:  # a node of its own: a run that replaces it harms nothing
        os.mknod(d / "full", 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    for name, mode in case.chmod.items():
        (d / name).chmod(mode)
    return [a.replace("{d}", str(d)) for a in case.argv]


def run_case(case: Case) -> tuple[str, str]:
    """The outcome's class and a short note."""
    with tempfile.TemporaryDirectory(prefix="audit-") as tmp:
        d = Path(tmp)
        try:
            return _run(case, d)
        finally:
            for path in d.rglob("*"):
                if not path.is_symlink():
                    path.chmod(0o755 if path.is_dir() else 0o644)
            d.chmod(0o755)


def _run(case: Case, d: Path) -> tuple[str, str]:
    argv = _prepare(case, d)
    stdout_to: str | None = None
    if argv and argv[-1].startswith(">"):
        stdout_to = argv.pop()[1:]
    before = {p.relative_to(d) for p in d.rglob("*")}
    env = {**os.environ, "MOVEMAP_PROCESSES": "1"}
    if SOURCE:  # another checkout's package (main's, for a before-and-after in one run)
        env["PYTHONPATH"] = SOURCE
    out = open(stdout_to, "w") if stdout_to else subprocess.PIPE  # noqa: SIM115
    try:
        proc = subprocess.Popen([sys.executable, "-m", "movemap", *argv], stdout=out,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
                                preexec_fn=_limits(case.unprivileged), cwd=d, env=env)
        try:
            if case.interrupt:
                sig, after = case.interrupt
                try:
                    proc.wait(timeout=after)
                except subprocess.TimeoutExpired:
                    proc.send_signal(sig)
            stdout, stderr = proc.communicate(timeout=WALL_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            return "hang/oversize", f"past {WALL_SECONDS} s of wall time"
    finally:
        if stdout_to and not isinstance(out, int):
            out.close()
    result = subprocess.CompletedProcess(argv, proc.returncode, stdout or "", stderr or "")
    return classify(case, d, before, result)


def classify(case: Case, d: Path, before: set[Path],
             result: subprocess.CompletedProcess[str]) -> tuple[str, str]:
    code, err = result.returncode, result.stderr
    # the error line: warnings (a network built once, a route approximated) may come first
    lines = [x for x in err.strip().splitlines() if ": warning:" not in x] or [""]
    first = lines[0][:160]
    if code in (-signal.SIGXCPU, -signal.SIGKILL, -signal.SIGSEGV) or "MemoryError" in err:
        return "hang/oversize", f"exit {code}: {first}"
    if "Traceback" in err:
        last = err.strip().splitlines()[-1][:160]
        return "traceback", last
    leftovers = [p for p in d.rglob("*") if p.relative_to(d) not in before
                 and (p.name.endswith(".tmp") or p.name.startswith("."))]
    if leftovers:
        return "damaged-output", f"left behind: {[p.name for p in leftovers][:3]}"
    node = d / "full"
    if "/dev/full" in case.name and not (node.exists() and stat.S_ISCHR(node.stat().st_mode)):
        return "damaged-output", "the device node was replaced by a regular file"
    interrupted = case.interrupt is not None and code != 0
    if code != 0:
        if case.output:
            path = d / case.output
            if case.existing is not None:
                if not path.is_file() or (path.read_bytes() != case.existing
                                          and not (interrupted and _complete(path))):
                    return "damaged-output", f"{case.output} changed by a failed run"
            elif path.exists():
                return "damaged-output", f"{case.output} written by a failed run"
        if case.check and "equal to the input" in case.name:
            problem = case.check(d, result)
            if problem:
                return "damaged-output", problem
        if interrupted:
            return "clean", f"interrupted (exit {code}), output intact"
        if not any(marker in first for marker in ERROR_LINE):
            return "silent-wrong", f"exit {code} without a movemap error line: {first!r}"
        if case.expect == "accept":
            return "silent-wrong", f"refused a valid input: {first}"
        return "clean", first
    if case.check and "equal to the input" in case.name:
        problem = case.check(d, result)
        if problem:
            return "damaged-output", problem
    if case.expect == "refuse":
        return "silent-wrong", f"accepted (exit 0); stderr: {first!r}"
    leaked = re.search(r"\b\w+Warning: .*", err)  # Python's own warnings, with a source path
    if leaked:
        return "silent-wrong", f"a Python warning reached the user: {leaked.group()[:120]}"
    controls = sorted({c for c in result.stdout + err if c in TERMINAL_CONTROLS})
    if controls:
        return "silent-wrong", f"control characters {controls} written to the terminal"
    if case.check:
        problem = case.check(d, result)
        if problem:
            return "damaged-output" if "overwritten" in problem else "silent-wrong", problem
    return "handled", first or "exit 0"


def _complete(path: Path) -> bool:
    """A whole file of its format: a run stopped after its write had ended (the signal came
    between the rename and the exit) leaves the new file, which is as good as the old."""
    data = path.read_bytes()
    if path.suffix == ".png":
        return data.startswith(b"\x89PNG") and data.endswith(b"IEND\xaeB`\x82")
    if path.suffix == ".html":
        return data.rstrip().endswith(b"</html>")
    if path.suffix == ".gpkg":
        import sqlite3

        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
                return bool(db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
        except sqlite3.Error:
            return False
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="run the cases whose name holds this")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, help="write every outcome to this file")
    parser.add_argument("--src", default="", help="run the movemap package of this src "
                        "folder (e.g. /work/main/src) instead of the installed one")
    args = parser.parse_args()
    global SOURCE
    SOURCE = args.src
    cases = [c for c in issue_cases() + new_cases() if args.only in c.name]
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        outcomes = list(pool.map(run_case, cases))
    rows = []
    for case, (outcome, note) in zip(cases, outcomes, strict=True):
        print(f"{outcome:15} {case.group:5} {case.name:55} {note[:150]}")
        rows.append({"case": case.name, "group": case.group, "outcome": outcome,
                     "note": note})
    print()
    for group in ("issue", "new"):
        counts = Counter(o for c, (o, _n) in zip(cases, outcomes, strict=True)
                         if c.group == group)
        print(f"{group:6} " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    total = Counter(o for o, _n in outcomes)
    print("all    " + ", ".join(f"{k} {v}" for k, v in sorted(total.items())),
          f"({len(cases)} cases, {time.monotonic() - started:.0f} s wall)")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n",
                             encoding="utf-8")


if __name__ == "__main__":
    main()
