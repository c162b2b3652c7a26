"""Confidence under thin and mixed context, on the dev part of the gazetteer evaluation set.

Run: ``python benchmarks/gazetteer_stress.py [--list]`` (about a minute warm). The evaluation
set (``gazetteer_eval.py``) resolves each document's mentions together; a report often names
fewer places, or mixes two theatres. This resolves, from the **dev** documents only (the test
part is never read):

- **subsets**: random 2-, 3- and 5-name subsets of each document's mentions (4 of each size);
- **mixes**: 300 lists of 2-4 names from one document followed by 2-4 from another.

Each answer is judged against the mention's gold point as the evaluation does (``is_right``,
``flags_of``), and the run prints, per kind of list, the answers, the right ones, the
confident wrong ones (wrong, not flagged) and the flagged right ones (the cost of the flags).
``--list`` lists the confident wrong answers, most frequent first. The lists are drawn with
fixed seeds, so two runs of two versions compare the same lists.

The dev documents include every development-only batch (``group: r11``, ``r12``, ``r12b``;
r11 with its replaced Great Lakes document): figures from before a batch was added, or from
before that document was replaced, are drawn from other lists and are not comparable with
later ones.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gazetteer_eval as ge

SUBSET_SIZES, SUBSET_REPEATS, SUBSET_SEED = (2, 3, 5), 4, 13
MIXES, MIX_SIZES, MIX_SEED = 300, (2, 3, 4), 7


def subsets(documents: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Random subsets of each document's mentions."""
    rng = random.Random(SUBSET_SEED)
    out = []
    for doc in documents:
        mentions = doc["mentions"]
        for size in SUBSET_SIZES:
            for _ in range(SUBSET_REPEATS):
                if len(mentions) > size:
                    out.append([mentions[i] for i in rng.sample(range(len(mentions)), size)])
    return out


def mixes(documents: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Lists of names from one document followed by names from another."""
    rng = random.Random(MIX_SEED)
    out = []
    for _ in range(MIXES):
        first, second = rng.sample(documents, 2)
        one, two = rng.choice(MIX_SIZES), rng.choice(MIX_SIZES)
        if len(first["mentions"]) >= one and len(second["mentions"]) >= two:
            out.append(rng.sample(first["mentions"], one) + rng.sample(second["mentions"], two))
    return out


def judge(gazetteer: Any, lists: list[list[dict[str, Any]]]) -> tuple[Counter[str], Counter[Any]]:
    """Counts (answers, right, confident wrong, flagged right) and the confident wrong ones."""
    counts: Counter[str] = Counter()
    wrong: Counter[Any] = Counter()
    for mentions in lists:
        doc = {"mentions": mentions}
        for mention, answer in zip(mentions, ge.adapter_resolve(gazetteer, doc), strict=True):
            counts["answers"] += 1
            right = ge.is_right(mention, answer)
            counts["right"] += right
            if right and answer.get("flags"):
                counts["flagged right"] += 1
            elif not right and answer.get("found") and not answer.get("flags"):
                counts["confident wrong"] += 1
                wrong[(mention["surface"], answer["name"], answer["country"])] += 1
    return counts, wrong


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="list the confident wrong answers")
    args = parser.parse_args(argv)
    from movemap.gazetteer import Gazetteer

    documents = [d for d in ge.load_documents() if d["split"] == "dev"]
    gazetteer = Gazetteer()
    groups = sorted({d["group"] for d in documents if "group" in d})
    print(f"{len(documents)} dev documents (development-only batches: {', '.join(groups)}; "
          "not comparable with figures from before round 11)")
    for label, lists in (("subsets", subsets(documents)), ("mixes", mixes(documents))):
        counts, wrong = judge(gazetteer, lists)
        print(f"{label:8} answers {counts['answers']:5}  right {counts['right']:5}  "
              f"confident wrong {counts['confident wrong']:3}  "
              f"flagged right {counts['flagged right']:4}")
        if args.list:
            for (surface, name, country), n in wrong.most_common():
                print(f"    {n} x {surface!r} -> {name} ({country})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
