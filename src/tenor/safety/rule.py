"""One safety rule: a regular expression per harm category and the readings that excuse it.

A rule gives a score in [0, 1] to a category when its pattern matches a normalised view of the text and the
match is not excused. Two kinds of exception, scoped so that a harmless phrase cannot mask a harmful one in
the same message ("this commute is killing me. I want to kill myself"): ``unless``, a harmless reading of the
matched words themselves ("kill myself laughing", "bombed my exam"), excuses only a match it overlaps;
``context``, what the message is for (protection, education, fiction, a pet), excuses matches in its own
sentence. The rules themselves are in ``rules.py``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from tenor.vocab import SafetyCategory


@dataclass(frozen=True)
class Rule:
    # Category this rule scores.
    category: SafetyCategory
    # Score given when it fires.
    score: float
    # Pattern searched in each normalised view of the text.
    pattern: re.Pattern[str]
    # Harmless readings of the matched words (figures of speech, benign senses): each excuses a match it overlaps.
    unless: tuple[re.Pattern[str], ...] = ()
    # What a message is for (protection, education, fiction, a pet): each excuses the matches in its sentence.
    context: tuple[re.Pattern[str], ...] = ()
    # Short name for the audit log.
    name: str = ""
    # Which screens use the rule.
    where: frozenset[str] = frozenset({"input", "output"})


def rule(
    category: SafetyCategory,
    score: float,
    name: str,
    pattern: str,
    *unless: str,
    context: tuple[str, ...] = (),
    where: tuple[str, ...] = ("input", "output"),
) -> Rule:
    """A rule from its patterns' text (each compiled once, here)."""
    return Rule(
        category=category,
        score=score,
        pattern=re.compile(pattern),
        unless=tuple(re.compile(u) for u in unless),
        context=tuple(re.compile(c) for c in context),
        name=name,
        where=frozenset(where),
    )


# Where a sentence ends, for the scope of a rule's ``context``.
_SENTENCE_END: Final = re.compile(r"[.!?;\n]")


def fires(rule: Rule, view: str, breaks: Sequence[int] = ()) -> bool:
    """Whether ``rule`` fires on a normalised view: some match of its pattern that no ``unless`` match overlaps
    and no ``context`` pattern meets in the same sentence (``breaks``: more places where one ends, the view's
    line breaks, which normalising made spaces)."""
    # Read once a pattern matches, not per match: a view can be a megabyte long.
    starts: list[int] | None = None
    reach: list[int] = []
    ends: list[int] | None = None
    # Whether a sentence (its span) holds a context, searched once: a long sentence with many matches would
    # otherwise be searched again for each (20,000 characters of one rule's words took seconds).
    excusing: dict[tuple[int, int], bool] = {}
    for m in rule.pattern.finditer(view):
        if starts is None:
            spans = sorted(u.span() for p in rule.unless for u in p.finditer(view))
            starts = [a for a, _ in spans]
            # The furthest end of any excused span starting at or before each one: overlap in one bisection.
            for _, b in spans:
                reach.append(max(b, reach[-1]) if reach else b)
        k = bisect.bisect_left(starts, m.end())
        if k and reach[k - 1] > m.start():
            continue
        if rule.context:
            if ends is None:
                ends = sorted({e.start() for e in _SENTENCE_END.finditer(view)} | set(breaks))
            i = bisect.bisect_left(ends, m.start())
            start = ends[i - 1] + 1 if i else 0
            j = bisect.bisect_left(ends, m.end())
            stop = ends[j] if j < len(ends) else len(view)
            span = (start, stop)
            if span not in excusing:
                excusing[span] = any(c.search(view, start, stop) for c in rule.context)
            if excusing[span]:
                continue
        return True
    return False
