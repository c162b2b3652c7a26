"""Give each new report of the extraction corpus its part, development or test, once.

Usage: ``python tools/corpus_split.py`` (adds reports that ``split.json`` lacks).

The rule is fixed: a report ``extract_corpus/STEM`` goes to the test part when the first
eight hex digits of the SHA-256 of that key, read as a number, are 60 or more modulo 100
(about 40 % of the reports), and to the development part otherwise. The first corpus
(``benchmarks/corpus``) is development as a whole: it was written beside the first rules.
A report keeps its part for ever; the test part is never used to tune the extractor.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
SPLIT = BENCH / "extract_corpus" / "split.json"
RULE = ("extract_corpus/STEM is test when int(sha256(key).hexdigest()[:8], 16) % 100 >= 60, "
        "else dev; corpus/* (the first corpus) is dev")


def part_of(key: str) -> str:
    """The part the fixed rule gives a report key (``folder/stem``)."""
    if key.startswith("corpus/"):
        return "dev"
    number = int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16)
    return "test" if number % 100 >= 60 else "dev"


def main() -> None:
    split = (json.loads(SPLIT.read_text(encoding="utf-8")) if SPLIT.exists()
             else {"rule": RULE, "dev": [], "test": []})
    known = set(split["dev"]) | set(split["test"])
    for folder in ("corpus", "extract_corpus"):
        for path in sorted((BENCH / folder).glob("*.txt")):
            key = f"{folder}/{path.stem}"
            if key not in known:
                split[part_of(key)].append(key)
    for part in ("dev", "test"):
        split[part] = sorted(split[part])
    SPLIT.write_text(json.dumps(split, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"dev {len(split['dev'])}, test {len(split['test'])}")


if __name__ == "__main__":
    main()
