"""Text normalisation before screening, so that spelling tricks do not dodge the rules.

People (and attacks) write "k1ll mysеlf" with a Cyrillic "е", hide zero-width characters inside words,
space letters out ("k i l l"), or wrap a request in base64. The screens look at every normalised view of
the text and take the strongest verdict.
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from typing import Final

# Characters that render as nothing and are used to split words invisibly.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u206a-\u206f\ufeff\ufe00-\ufe0f]"
)

# Letters from other scripts that look like Latin ones (the common confusables for English words).
_HOMOGLYPHS: Final = str.maketrans(
    "аеорсухіјѕԁɡӏАВЕКМНОРСТУХІЈЅαβεικνορτυχΑΒΕΗΙΚΜΝΟΡΤΥΧΖ",
    "aeopcyxijsdglABEKMHOPCTYXIJSabeiknoptuxABEHIKMNOPTYXZ",
)

# Digits and symbols used as letters inside words ("k1ll", "$uicide", "h@ck").
_LEET: Final = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
_LEET_WORD = re.compile(r"\b(?=[a-z0-9@$]*[a-z])(?=[a-z0-9@$]*[0-9@$])[a-z0-9@$]{3,}\b")

# Characters that end a line (``str.splitlines`` takes the same), all read as "\\n" by ``basic(..., lines=True)``.
_LINE_BREAK: Final = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")

# Letters separated by single spaces, dots or dashes: "k i l l", "k.i.l.l".
_SPACED = re.compile(r"\b(?:[a-z][ .\-_*]){2,}[a-z]\b")

_BASE64 = re.compile(r"(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=])")

# Longest text a screen reads in full; beyond it, the head and tail are read (an attack hides anywhere,
# but regular expressions over a megabyte cost more than the 20 ms budget).
MAX_SCREEN_CHARS: Final = 20_000


def basic(text: str, lines: bool = False) -> str:
    """NFKC, invisible characters removed, confusables folded, lower case, whitespace collapsed: each run of
    whitespace becomes one space, or with ``lines`` one line break where the run holds one (so the two differ
    only in which of the two characters stands at each place)."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    text = text.translate(_HOMOGLYPHS)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn" or ch == "\u0301")
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    if lines:
        text = re.sub(r"\s*\n\s*", "\n", _LINE_BREAK.sub("\n", text))
        return re.sub(r"[^\S\n]+", " ", text).strip()
    return re.sub(r"\s+", " ", text).strip()


def deleet(text: str) -> str:
    """Undo digit-for-letter spelling inside words that also contain letters."""
    return _LEET_WORD.sub(lambda m: m.group(0).translate(_LEET), text)


def despace(text: str) -> str:
    """Join letters spelled out with separators."""
    return _SPACED.sub(lambda m: re.sub(r"[ .\-_*]", "", m.group(0)), text)


def decoded_base64(text: str) -> list[str]:
    """Printable text hidden in base64 runs."""
    found = []
    for match in _BASE64.finditer(text[:MAX_SCREEN_CHARS]):
        blob = match.group(0)
        try:
            raw = base64.b64decode(blob + "=" * (-len(blob) % 4), validate=False)
            decoded = raw.decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            continue
        printable = sum(ch.isprintable() or ch.isspace() for ch in decoded)
        if decoded and printable / len(decoded) > 0.95 and re.search(r"[A-Za-z]{3}", decoded):
            found.append(decoded)
    return found


def clip(text: str) -> str:
    """Head and tail of a very long text."""
    if len(text) <= MAX_SCREEN_CHARS:
        return text
    half = MAX_SCREEN_CHARS // 2
    return text[:half] + " \n " + text[-half:]


def lined(text: str) -> str:
    """``views(text)[0]`` with its line breaks kept, for the classifier to read a line as a sentence: the rules
    read the views, where a line break is a space (a phrase split over two lines is still one phrase to them), but
    a list, a chat log or a message typed line by line often has no full stops, and read as one sentence a line
    in the middle is diluted by the rest."""
    return clip(basic(clip(text), lines=True))


def first_view(text: str) -> str:
    """``views(text)[0]``, the most literal view, alone."""
    # Clipped again once normalised: NFKC makes some characters many (U+FDFA is 18), and every view is read
    # whole.
    return clip(basic(clip(text)))


def views(text: str) -> list[str]:
    """Every normalised view of ``text`` the screens read, most literal first, without repeats."""
    return _views(clip(text), first_view(text))


def views_and_lined(text: str) -> tuple[list[str], str]:
    """``views(text)`` and ``lined(text)`` from one normalising pass: the input screens read both for every
    message, and the two differ only in line breaks."""
    raw = clip(text)
    full = basic(raw, lines=True)
    return _views(raw, clip(full.replace("\n", " "))), clip(full)


def _views(raw: str, base: str) -> list[str]:
    out = [base]
    for candidate in (deleet(base), despace(base), despace(deleet(base))):
        if candidate not in out:
            out.append(candidate)
    for hidden in decoded_base64(raw):
        view = clip(basic(hidden))
        if view not in out:
            out.append(view)
    return out
