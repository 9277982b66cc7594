"""The safety modules' pattern pieces are spliced into longer patterns with f-strings. A piece that offers
alternatives at its top level ("a|b") spliced between other text ("x{PIECE}y") leaves "xa" and "by" as the
branches: three such faults were found in stop 38 ("im sitting on the tracks" fired with no train said; a garage
with no person in it read as someone else's). Every module-level string that holds alternatives is one group."""

from __future__ import annotations

import importlib
import pkgutil

import tenor.safety


def _top_level_alternation(pattern: str) -> bool:
    depth, escaped, in_class = 0, False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


def test_the_checker_tells_a_group_from_a_bare_alternation() -> None:
    assert _top_level_alternation(r"a|b")
    assert not _top_level_alternation(r"(?:a|b)")
    assert not _top_level_alternation(r"(?:a|b)c[|]\|")


def test_no_pattern_piece_offers_bare_alternatives() -> None:
    bare = []
    for info in pkgutil.iter_modules(tenor.safety.__path__):
        module = importlib.import_module(f"tenor.safety.{info.name}")
        for name, value in vars(module).items():
            if name.startswith("__") or not isinstance(value, str):
                continue
            if _top_level_alternation(value):
                bare.append(f"{info.name}.{name}")
    assert bare == []
