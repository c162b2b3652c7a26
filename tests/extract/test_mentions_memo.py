"""The extractor's per-gazetteer answers: kept per gazetteer, gone with it."""

from __future__ import annotations

import gc
import weakref

from movemap.extract.mentions import _per_gazetteer


class _Stand:
    """Stands for a gazetteer: any object a weak reference can point to."""


def test_answers_are_kept_per_gazetteer_and_go_with_it() -> None:
    asked: list[str] = []

    @_per_gazetteer
    def is_long(gazetteer: object, word: str) -> bool:
        asked.append(word)
        return len(word) > 4

    first, second = _Stand(), _Stand()
    assert is_long(first, "Avalon") and is_long(first, "Avalon")  # type: ignore[arg-type]
    assert asked == ["Avalon"]  # asked once for this gazetteer
    assert not is_long(second, "Ys") and is_long(second, "Avalon")  # type: ignore[arg-type]
    assert asked == ["Avalon", "Ys", "Avalon"]  # another gazetteer is asked again
    gone = weakref.ref(first)
    del first
    gc.collect()
    assert gone() is None  # the answers do not keep the gazetteer alive
