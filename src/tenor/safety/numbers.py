"""Phone numbers in the model's replies: only the vetted ones may be said.

The 135M model invents numbers. To a person who had just swallowed an overdose and asked "what should i do now?",
it answered "You can reach them now with the phone call that has been waiting all these years: 1-23795680"
(``benchmarks/care_note.py``); a made-up helpline, or the right one for another country ("call 999" in the US),
sends a person in crisis nowhere. tenor's own numbers come from ``resources/crisis.toml``, checked against each
service's published pages. So a reply sentence the model writes that gives a phone number, or a number to call,
text or dial, that is not one of the configured locale's vetted numbers (or the international entry's) is dropped
before it is screened, like an instruction echoed back: it is never words to speak.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict
from typing import Final

from tenor.safety.crisis import resource_for

# A number shaped like a phone number: seven digits or more in groups, "+", "(" and ")" allowed; not a date, a
# span of years, a price or a figure with commas ("2024-05-01", "2018-2019", "1,000,000", "$12.50").
_PHONE: Final = re.compile(
    r"(?<![\w$£€.,/-])(?:\+ ?)?(?:\(\d+\) ?)?\d[\d .()-]{5,}\d(?![\w%$£€])(?! ?(?:people|persons|residents|"
    r"inhabitants|dollars|euros|pounds|km|miles|kg|tons|words|years|votes)\b)"
)
_DATE: Final = re.compile(
    r"^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d+\.\d+|(?:19|20)\d\d ?- ?(?:19|20)?\d\d)$"
)
# A number to call, text or dial, however short ("call 988", "text HOME to 741741", "dial 112").
_TO_CALL: Final = re.compile(
    r"\b(?:call|calling|text|texting|dial|dialing|dialling|ring|ringing|phone|phoning|hotline|helpline|"
    r"reach (?:them|it|us) (?:at|on)|contact (?:them|it) (?:at|on))\b(?: [a-z]+){0,3}? (?:at |on |to )?(\+?\d[\d -]*\d)"
    r"(?![\w%:.,]\d)(?![\w%:])(?! ?(?:minutes?|mins?|hours?|hrs?|seconds?|secs?|days?|weeks?|months?|years?|times?|"
    r"am|pm|a\.m|p\.m|o'?clock|percent|people|euros?|dollars?|pounds?|miles?|km)\b)",
    re.IGNORECASE,
)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


class VettedNumbers:
    """Tells a reply sentence that gives a number to call that tenor has not vetted for ``locale``."""

    def __init__(self, locale: str) -> None:
        fields = [*asdict(resource_for(locale)).values(), *asdict(resource_for("international")).values()]
        self._vetted = frozenset(self._numbers(str(f) for f in fields))

    @staticmethod
    def _numbers(texts: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for text in texts:
            out.update(_digits(m.group(0)) for m in _PHONE.finditer(text))
            out.update(_digits(m.group(1)) for m in _TO_CALL.finditer(text))
            # Short numbers said alone ("emergency = 911", "15 or 112", "calling 13 11 14").
            out.update(re.findall(r"\d{2,}", text))
        return out

    def _known(self, digits: str) -> bool:
        if digits in self._vetted:
            return True
        # Written with or without the trunk or country prefix ("800-222-1222" for 1-800-222-1222).
        return len(digits) >= 7 and any(v.endswith(digits) or digits.endswith(v) for v in self._vetted if len(v) >= 7)

    def __call__(self, sentence: str) -> bool:
        """Whether ``sentence`` gives a number to call that is not vetted for this locale."""
        for m in _PHONE.finditer(sentence):
            shown = m.group(0).strip()
            # Decimals are amounts, not phone numbers ("5.00 - 10.00").
            if _DATE.match(shown) or re.search(r"\d\.\d{1,2}(?!\d)", shown) or len(_digits(shown)) < 7:
                continue
            if not self._known(_digits(shown)):
                return True
        return any(
            len(_digits(m.group(1))) >= 2 and not self._known(_digits(m.group(1))) for m in _TO_CALL.finditer(sentence)
        )
