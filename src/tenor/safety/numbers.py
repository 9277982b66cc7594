"""Phone numbers in the model's replies: only the vetted ones may be said.

The 135M model invents numbers. To a person who had just swallowed an overdose and asked "what should i do now?",
it answered "You can reach them now with the phone call that has been waiting all these years: 1-23795680"
(``benchmarks/care_note.py``); a made-up helpline, or the right one for another country ("call 999" in the US),
sends a person in crisis nowhere. tenor's own numbers come from ``resources/crisis.toml``, checked against each
service's published pages. So a reply sentence the model writes that gives a number to call, text or dial that is
not one of the configured locale's vetted numbers (or the international entry's) is dropped before it is screened,
like an instruction echoed back: it is never words to speak (the reply stage says the locale's own line in its
place, ``care.number_line``, once a reply).

A number to call is one of two things. A phone-shaped number (seven to fifteen digits in groups: "1-800-273-8255",
"(555) 123-4567", "+44 20 7946 0958", "01.45.39.40.00") in a sentence about calling, or shaped so that it can be
nothing else (a "+", an area code in brackets, three groups or more of two to four digits after the first). Or a
shorter one (three to six digits) said right after a word of calling ("call 999", "text HOME to 741741", "the crisis
line is 3114", "Call Lifeline: 13 11 14"). Not a date, a span of years or hours ("1861-1865", "0800-1800"), a figure
in groups of thousands ("8 336 817"), an amount ("5.00 - 10.00"), a count or a time after the number ("300 calls",
"24/7", "at 10 tonight"), a year ("in 2022"), an address, a flight or a page, a dial or a phone that is a thing
("set the dial to 350", "the phone costs 799").
"""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Final

from tenor.safety.crisis import resource_for

# Digits in groups: single separators (space, dot, dash, en dash) between digits, a leading "+" or area code.
_NUMBER: Final = re.compile(r"(?<![\w#*/-])(?:\+ ?)?(?:\(\d{1,4}\) ?)?\d(?:\d|[ .\-–](?=\d))*")
_SEPARATORS: Final = re.compile(r"[ .\-–()+]+")
# Shapes that are not phone numbers.
_NOT_PHONE: Final = re.compile(
    r"^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d+\.\d{1,2}|\d{4,}\s?[-–]\s?\d{4,}|"
    r"\d{1,2}[.:]\d{2}\s?[-–]\s?\d{1,2}[.:]\d{2}|\d{1,3}(?:\.\d{1,3}){3})$"
)
# A figure in groups of thousands ("8 336 817"), unless it is said to be called ("Samaritans on 116 123").
_THOUSANDS: Final = re.compile(r"^[1-9]\d{0,2}(?: \d{3})+$")
# What follows a count, an amount, a time or an address, not a number to call.
_AFTER: Final = re.compile(
    r"^\s*(?:/|%|,\d|\.\d|[a-z]+s\b|people|per\b|hours?\b|minutes?\b|mins?\b|seconds?\b|days?\b|weeks?\b|months?\b|"
    r"years?\b|times?\b|am\b|pm\b|a\.m|p\.m|o'?clock|noon|midnight|tonight|today|tomorrow|gb\b|mb\b|kb\b|kg\b|km\b|"
    r"cm\b|mm\b|ml\b|mg\b|GB\b|MB\b|KB\b|degrees|°|st\b|nd\b|rd\b|th\b|[A-Z][a-z])"
)
# What comes before a number that is a year, a page, a flight, a size or a thing's setting.
_BEFORE_NOT: Final = re.compile(
    r"\b(?:flight|room|page|pages|chapter|gate|platform|bus|route|size|level|episode|volume|vol\.|no\.|number|"
    r"apartment|apt\.?|suite|unit|floor|exit|highway|interstate|model|version|iphone|windows|dial to|dial at|the "
    r"dial) $",
    re.IGNORECASE,
)
_YEAR_BEFORE: Final = re.compile(r"\b(?:in|since|by|until|till|from|before|after|of|during|around|circa) $", re.I)
# Words of calling, said as a verb; and nouns of a line or a number, said right before it ("the line is 3114").
_CALL: Final = re.compile(
    r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bmy )(?<!\byour )(?<!\bnew )(?<!\boven )(?<!\bthis )\b(?:call|calling|"
    r"calls|ring|ringing|phone|phoning|dial|dialing|dialling|text|texting|message|whatsapp|reach|contact|tel\.?|"
    r"telephone|in touch)\b",
    re.IGNORECASE,
)
_LINE: Final = re.compile(
    r"\b(?:(?:help|hot|life|crisis |prevention |suicide |emergency |phone |telephone |contact |support )(?:line|"
    r"number)|helpline|hotline|lifeline|(?:'s?|’s?|their|its) (?:number|line)|(?:emergency|phone|telephone|contact) "
    r"(?:number|no\.?)|(?:centre|center|service|team|desk))s?(?:[ \w'’]{0,40}?(?:\b(?:is|are|on|at)\b|[:,(—–-]))?"
    r"\s*$",
    re.IGNORECASE,
)
# Anywhere in a sentence: it is about calling.
_ABOUT_CALLING: Final = re.compile(
    r"\b(?:call\w*|ring\w*|phon\w*|dial\w*|text\w*|message|whatsapp|reach|contact|tel|telephone|hotline|helpline|"
    r"lifeline|line|freephone|toll[- ]free)\b",
    re.IGNORECASE,
)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


class VettedNumbers:
    """Tells a reply sentence that gives a number to call that tenor has not vetted for ``locale``."""

    def __init__(self, locale: str) -> None:
        fields = [*asdict(resource_for(locale)).values(), *asdict(resource_for("international")).values()]
        vetted: set[str] = set()
        for text in (str(f) for f in fields):
            # Whole numbers only: "800", a piece of 1-800-222-1222, is no number to call.
            vetted.update(_digits(m.group(0)) for m in _NUMBER.finditer(text))
        self._vetted = frozenset(d for d in vetted if d)

    def _known(self, shown: str) -> bool:
        """Whether ``shown``, or the number it begins with (a vetted one followed by another figure: "988 24"), is
        vetted, written with or without a trunk or country prefix ("800-222-1222" for 1-800-222-1222, "1-888-426-4435"
        for 888-426-4435)."""
        groups = [g for g in re.split(r"\s+", shown.strip()) if g]
        # The whole, then its first few groups (a number is at most a few groups: "0800 111 0 111").
        for end in dict.fromkeys((len(groups), *range(min(len(groups), 6), 0, -1))):
            digits = _digits(" ".join(groups[:end]))
            if digits in self._vetted:
                return True
            for v in self._vetted:
                near = len(v) >= 7 and len(digits) >= 7 and abs(len(v) - len(digits)) <= 2
                if near and (v.endswith(digits) or digits.endswith(v)):
                    return True
        return False

    def __call__(self, sentence: str) -> bool:
        """Whether ``sentence`` gives a number to call that is not vetted for this locale."""
        for m in _NUMBER.finditer(sentence):
            shown = m.group(0).strip()
            digits = _digits(shown)
            before, after = sentence[: m.start()], sentence[m.end() :]
            said = len(digits) <= 6 and self._said_to_call(before)
            if len(digits) < 3 or _NOT_PHONE.match(shown) or (_THOUSANDS.match(shown) and not said):
                continue
            if (len(digits) <= 6 or len(shown.split()) == 1) and _AFTER.match(after):
                continue
            if _BEFORE_NOT.search(before) or (re.fullmatch(r"(?:19|20)\d\d", digits) and _YEAR_BEFORE.search(before)):
                continue
            if self._known(shown):
                continue
            if (
                7 <= len(digits) <= 15
                and self._phone_shaped(shown)
                and (self._unmistakable(shown) or _ABOUT_CALLING.search(sentence))
            ):
                return True
            if said:
                return True
        return False

    @staticmethod
    def _phone_shaped(shown: str) -> bool:
        groups = [g for g in _SEPARATORS.split(shown) if g]
        # Groups of up to five digits, or a trunk or country code before the rest ("1-23795680").
        longest = max((len(g) for g in groups), default=0)
        return len(groups) >= 2 and longest >= 2 and (longest <= 5 or (len(groups) == 2 and len(groups[0]) <= 3))

    @staticmethod
    def _unmistakable(shown: str) -> bool:
        groups = [g for g in _SEPARATORS.split(shown) if g]
        # A "+", an area code in brackets, or three groups or more of two to four digits after the first.
        return shown.startswith(("+", "(")) or (
            len(groups) >= 3 and len(groups[0]) <= 4 and all(2 <= len(g) <= 4 for g in groups[1:])
        )

    @staticmethod
    def _said_to_call(before: str) -> bool:
        """Whether the words right before a short number ask to call, text or dial it: a word of calling at most
        five words back in the same clause, or a line's name just before it."""
        clause = re.split(r"[.!?;]\s", before)[-1]
        if _LINE.search(clause):
            return True
        words = clause.split()
        return _CALL.search(" ".join(words[-7:])) is not None and len(words) > 0
