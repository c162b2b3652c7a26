"""Patterns whose alternatives share their first characters find what they found before."""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
from pathlib import Path

import pytest

import movemap.extract
from movemap.extract.alternation import grouped


def _found(pattern: re.Pattern[str], text: str
           ) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(("written", "flags", "rewritten"), [
    # the word boundary checked after a few first letters (the engine skips to them)
    (r"\b(will|would|shall|wont)\b", 0, r"(w(?<=\bw)(?:ill|o(?:uld|nt))|s(?<=\bs)hall)\b"),
    (r"\b(?:a|b|c|d|e|f|g|h|i)x", 0, r"\b(?:a|b|c|d|e|f|g|h|i)x"),  # too many letters
    (r"\b(?:ab|cd)?x", 0, r"\b(?:ab|cd)?x"),  # the group may be skipped
    (r"\b(?:ab|[cd]e)", 0, r"\b(?:ab|[cd]e)"),  # a class first
    (r"\b(?:ab|cd)|x", 0, r"\b(?:ab|cd)|x"),  # more than the group
    (r"\b(?:ab|cd)", re.I, r"\b(?:ab|cd)"),  # case-blind: no letters skipped to
    (r"a|ab|b", 0, r"a(?:|b)|b"),  # the shorter first, as written
    (r"(?i:Will|would)", 0, r"(?i:W(?:ill|ould))"),
    (r"Will|would", re.I, r"W(?:ill|ould)"),
    (r"(?-i:Will|will)", re.I, r"(?-i:Will|will)"),  # case matters there
    (r"abc|[xa]z|abd", 0, r"abc|[xa]z|abd"),  # not past a class that may match there
    (r"abc|abd|[xy]z|abe|abf", 0, r"ab(?:c|d)|[xy]z|ab(?:e|f)"),
    (r"(a)b|ac", 0, r"(a)b|ac"),  # a capturing group keeps its place (and number)
    (r"(?P<x>a)b|ac", 0, r"(?P<x>a)b|ac"),
    (r"a?b|ac", 0, r"a?b|ac"),  # a quantified first character
    (r"(?<=ab|ac)x", 0, r"(?<=ab|ac)x"),  # a look-behind stays as written
    (r"(?=ab|ac)a", 0, r"(?=a(?:b|c))a"),
    (r"\bab|\bac", 0, r"\bab|\bac"),  # an escape first
    (r"(a)\1|ab|ac", 0, r"(a)\1|ab|ac"),  # back-references: left as they are
    (r"(?#note)ab|ac", 0, r"(?#note)ab|ac"),
    (r"(?i)ab|ac", 0, r"(?i)ab|ac"),
    (r"ab|ac", re.X, r"ab|ac"),
])
def test_alternatives_that_begin_alike_share_their_start(written: str, flags: int,
                                                         rewritten: str) -> None:
    assert grouped(re.compile(written, flags)).pattern == rewritten


def _texts() -> list[str]:
    corpus = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    texts += [t.lower() for t in texts]
    rng = random.Random(29)
    pieces = ["a", "ab", "abc", "w", "will", "would", "Will", "ſ", "K", " ", ",", "x", "z", "\n",
              "the", "The", "troops", "sailed", "to", "from", "İ", "é", "'s"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(500)]
    return texts


def _patterns() -> dict[str, re.Pattern[str]]:
    """The extractor's patterns (of its modules, and in their lists, tuples and cues)."""
    out: dict[str, re.Pattern[str]] = {}
    for info in pkgutil.iter_modules(movemap.extract.__path__):
        module = importlib.import_module(f"movemap.extract.{info.name}")
        for name, value in vars(module).items():
            items = value if isinstance(value, (list, tuple)) else [value]
            for i, item in enumerate(items):
                for j, part in enumerate(item if isinstance(item, tuple) else [item]):
                    part = getattr(part, "pattern", part) if not isinstance(
                        part, re.Pattern) else part
                    if isinstance(part, re.Pattern) and isinstance(part.pattern, str):
                        out[f"{info.name}.{name}[{i}][{j}]"] = part
    return out


def test_the_extractors_patterns_grouped_find_what_they_find() -> None:
    texts = _texts()
    patterns = _patterns()
    assert len(patterns) > 150
    rewritten = 0
    for name, pattern in patterns.items():
        again = grouped(pattern)
        rewritten += again.pattern != pattern.pattern
        for text in texts:
            assert _found(again, text) == _found(pattern, text), (name, text[:60])
    assert rewritten > 50
