"""Whether a change to the extractor's mechanics left its drafts byte for byte as they were.

Run with ``python benchmarks/extract_identity.py --save FILE`` before a change and
``python benchmarks/extract_identity.py --check FILE`` after it. Every report of both corpora
(``benchmarks/corpus`` and ``benchmarks/extract_corpus``, development and test parts alike:
only a digest of each draft is kept, nobody reads them) is extracted, and so are three long
texts made of the development reports end to end (0.1 and 1 MB, and the whole development
part as one text); each draft's ``repr`` (every field, floats in full) is hashed with SHA-256,
and so is every candidate of each report's names ranked together, with its score and the
parts of the score (ranking's arithmetic must not change either).
``--check`` names each report whose draft changed (a test report only by their count: the
test part is never read, not even by name) and exits 1 if any did.

Each report is extracted twice, the second time after all the others, so that a cache that
carried one report's context into another would show as a difference too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from datetime import date
from pathlib import Path

from movemap.extract import extract, read_report
from movemap.extract.mentions import find_mentions
from movemap.extract.report import sentences
from movemap.gazetteer import Gazetteer, default_gazetteer

HERE = Path(__file__).parent


def _reports() -> dict[str, tuple[str, date]]:
    split = json.loads((HERE / "extract_corpus" / "split.json").read_text(encoding="utf-8"))
    names = sorted({*split["dev"], *split["test"],
                    *(f"corpus/{p.stem}" for p in (HERE / "corpus").glob("*.txt"))})
    out: dict[str, tuple[str, date]] = {}
    for name in names:
        text, published = read_report(HERE / f"{name}.txt")
        out[name] = (text, published or date(2025, 1, 1))
    development = "\n\n".join(out[name][0] for name in split["dev"])
    day = date(2025, 1, 1)
    out["long/development"] = (development, day)
    for mb in (0.1, 1.0):
        size = int(mb * 1_000_000)
        out[f"long/{mb} MB"] = ((development * (size // len(development) + 1))[:size], day)
    return out


def _ranking(text: str, gazetteer: Gazetteer) -> str:
    """Every candidate of every place name of ``text`` resolved together, with its score and
    the parts of the score, floats in full: ranking's arithmetic, not only its winners."""
    names = list(dict.fromkeys(m.text for m in find_mentions(text, sentences(text), gazetteer)))
    return repr([(r.query, [(c.place.id, c.score, sorted(c.parts.items()), c.method, c.doubt)
                            for c in r.candidates], r.suggestions)
                 for r in gazetteer.resolve_all(names)])


def digests() -> dict[str, str]:
    """Each report's name and the SHA-256 of its draft's ``repr``; for each report of the
    corpora, also that of its names' ranking (``ranking/`` before its name)."""
    gazetteer = default_gazetteer()
    reports = _reports()
    out: dict[str, str] = {}
    for name, (text, published) in reports.items():
        out[name] = hashlib.sha256(repr(extract(text, published, gazetteer)).encode()).hexdigest()
        if not name.startswith("long/"):
            out[f"ranking/{name}"] = hashlib.sha256(
                _ranking(text, gazetteer).encode()).hexdigest()
    for name, (text, published) in reports.items():  # again, after every other report
        again = hashlib.sha256(repr(extract(text, published, gazetteer)).encode()).hexdigest()
        if again != out[name]:
            out[name] = f"{out[name]} then {again}"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the digests to this JSON file")
    group.add_argument("--check", type=Path, help="compare with the digests in this file")
    args = parser.parse_args()
    now = digests()
    if args.save:
        args.save.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{len(now)} drafts hashed into {args.save}")
        return
    before = json.loads(args.check.read_text(encoding="utf-8"))
    changed = sorted(n for n in before.keys() | now.keys() if before.get(n) != now.get(n))
    split = json.loads((HERE / "extract_corpus" / "split.json").read_text(encoding="utf-8"))
    test = {name for report in split["test"] for name in (report, f"ranking/{report}")}
    for name in changed:
        if name not in test:  # a test report is counted, never named
            print(f"changed: {name}")
    print(f"{len(now) - len(changed)} of {len(now)} drafts identical; "
          f"{sum(n in test for n in changed)} of the test part's {len(test)} changed")
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
