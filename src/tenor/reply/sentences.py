"""Incremental sentence splitting of a streamed reply, so each sentence can be screened and spoken as soon
as it is complete.

Library splitters (pysbd, NLTK's punkt) work on finished text and punkt needs a data download; a reply
arrives a few characters at a time and a sentence must be released the moment its end is certain. A
boundary is end punctuation followed by whitespace and then a character that can start a sentence, except
after common abbreviations, single initials and numbered-list markers. A sentence that runs on without an
end is cut at a phrase break once it is long, so the voice never waits on a run-on.
"""

from __future__ import annotations

import re
from typing import Final

_ABBREVIATIONS: Final = frozenset(
    "mr mrs ms dr prof sr jr st vs etc eg ie e.g i.e approx dept est fig inc ltd co corp no vol mt ft ave "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k a.m p.m".split()
)
_END = re.compile(r"([.!?…]+[\"')\]]*)(\s+)(?=[\"'(\[]?[A-Z0-9\u00c0-\u024f])|(\n\s*\n)")
# A sentence longer than this (characters) without an end is cut at the last phrase break.
MAX_SENTENCE_CHARS: Final = 240


class SentenceSplitter:
    """Feed text pieces; get back the sentences they complete."""

    def __init__(self, max_chars: int = MAX_SENTENCE_CHARS) -> None:
        self._buf = ""
        self._max = max_chars

    def _is_abbreviation(self, text: str, end: int) -> bool:
        word = re.search(r"(\S+)$", text[:end])
        if word is None:
            return False
        token = word.group(1).rstrip(".!?…\"')]").lower()
        # A number alone at the start of a line is a list marker ("1. First"); elsewhere it ends a sentence.
        before = text[: word.start()].rstrip()
        list_marker = token.isdigit() and len(token) <= 2 and (not before or before.endswith((".", "!", "?", ":")))
        return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or list_marker

    def feed(self, piece: str) -> list[str]:
        self._buf += piece
        out: list[str] = []
        start = 0
        for m in _END.finditer(self._buf):
            if m.group(3) is None and m.group(1).startswith(".") and self._is_abbreviation(self._buf, m.start(1)):
                continue
            sentence = self._buf[start : m.end(1) if m.group(1) else m.start(3)].strip()
            if sentence:
                out.append(sentence)
            start = m.end()
        self._buf = self._buf[start:]
        while len(self._buf) > self._max:
            cut = max(self._buf.rfind(sep, 0, self._max) for sep in (", ", "; ", ": ", " - ", " "))
            cut = cut if cut > self._max // 3 else self._max
            head, self._buf = self._buf[: cut + 1].strip(), self._buf[cut + 1 :].lstrip()
            if head:
                out.append(head)
        return out

    def flush(self) -> list[str]:
        """The unfinished rest, as a last sentence."""
        rest, self._buf = self._buf.strip(), ""
        return [rest] if rest else []


def split(text: str) -> list[str]:
    """All sentences of a finished text."""
    splitter = SentenceSplitter()
    return splitter.feed(text) + splitter.flush()
