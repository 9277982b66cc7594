"""Is this text English? tenor hears (Whisper tiny.en) and screens (English rules, an English classifier)
English only, so text in another language would pass both screens unread: a request in Spanish, or a reply
the small model wrote in Spanish after "I speak Spanish at home". Such text is refused on the way in and
stopped on the way out (``rules``' ``other-language`` reason), with a line that says why.

Language identification is ``py3langid`` (langid.py's model, numpy only, ~0.1 ms a sentence), limited to
widely spoken languages: left open, it called "Ok." Luganda and "Congratulations, well done, Sarah!" Nigerian
Pidgin. A text is judged by the identifier only from ``MIN_WORDS`` words (a shorter one by its letters: mostly of
another script is foreign); a text that is at least ``ENGLISH_SHARE`` English
function words is English whatever the model says (Reddit slang such as "haha not bad my man" read as
Tagalog); otherwise foreign only when the model gives English almost no chance (``MAX_ENGLISH_PROB``). None
of 2,770 EmpatheticDialogues dev situations is judged foreign, nor any of 5,426 GoEmotions dev comments.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
import unicodedata
from typing import Any, Final

import numpy as np

from tenor.errors import BackendUnavailable

# Fewer words than this are not judged: too little to tell ("Namaste, my friend.", "Ok.").
MIN_WORDS: Final = 4
# Letters a text too short to judge by words needs to be judged by its script, and the share of them (of the
# folded view) in a script other than Latin that makes it foreign.
MIN_SCRIPT_LETTERS: Final = 4
OTHER_SCRIPT_SHARE: Final = 0.3
# A text with at least this share of English function words is English.
ENGLISH_SHARE: Final = 0.3
# Foreign only where the identifier gives English at most this probability (among ``LANGUAGES``): English
# slang it misreads keeps 0.002-0.35 ("Oh ok got ya lol" Indonesian, "word word word" Dutch), plain
# Spanish, French, German or Russian sentences under 1e-6.
MAX_ENGLISH_PROB: Final = 0.001
# Characters judged, from the start: enough to tell a language, and the cost stays under ~1 ms.
MAX_CHARS: Final = 1500
# Languages the identifier chooses among (ISO 639-1).
LANGUAGES: Final = (
    "en es fr de it pt nl pl ru uk el tr sv no da fi cs hu ro ar he fa hi ur bn ta zh ja ko vi th id ms tl sw"
).split()
_FUNCTION: Final = frozenset(
    "the a an and or but so to of in on at for with from by about as if than then that this these those is "
    "are was were be been am do does did have has had will would can could should not no i i'm you your me "
    "my we our it it's its he she they them his her their what how why when where who there here just very "
    "don't can't okay ok yes".split()
)
_WORD: Final = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# CJK and other scripts without spaces between words: judged by characters, not words.
_NO_SPACES: Final = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_lock = threading.Lock()
_model: Any = None


def _identifier() -> Any:
    global _model
    with _lock:
        if _model is None:
            try:
                import py3langid
            except ImportError:
                raise BackendUnavailable("language identification needs py3langid: pip install py3langid") from None
            try:
                py3langid.set_languages(list(LANGUAGES))
            except OSError as err:
                # py3langid unpacks its model (68 MB) into a temporary file as it loads.
                # Not tempfile.gettempdir(): with no usable temporary folder, it raises in its turn.
                folder = tempfile.tempdir or os.environ.get("TMPDIR") or "/tmp"
                raise BackendUnavailable(
                    f"cannot load the language identifier: {err.strerror or err} (it unpacks its model into the "
                    f"temporary folder, {folder}: is that disk full?)"
                ) from None
            _model = py3langid
    return _model


def preload() -> None:
    """Load the identifier in the background (~0.8 s), so that the first message does not wait for it."""

    def load() -> None:
        try:
            _identifier()
        except BackendUnavailable:
            pass  # said again, clearly, on first use

    threading.Thread(target=load, name="langid-load", daemon=True).start()


def is_foreign(text: str) -> bool:
    """Whether ``text`` is clearly in a language other than English (too short to tell: False)."""
    text = text[:MAX_CHARS]
    words = _WORD.findall(text.lower())
    long_enough = len(words) >= MIN_WORDS or len(_NO_SPACES.findall(text)) >= 2 * MIN_WORDS
    if not long_enough:
        # Too few words to judge by words, but letters of another script are not English however few ("Привет,
        # как дела?" was read by the classifier as an injection). The view is folded: look-alike letters are
        # already Latin, English dressed in them has none left, and Russian keeps a third or more ("я xoчy yмepeть").
        letters = [ch for ch in text if ch.isalpha()]
        other = sum(1 for ch in letters if not unicodedata.name(ch, "").startswith("LATIN"))
        return len(letters) >= MIN_SCRIPT_LETTERS and other >= max(2, OTHER_SCRIPT_SHARE * len(letters))
    if words and sum(w in _FUNCTION for w in words) >= ENGLISH_SHARE * len(words):
        return False
    ranked = _identifier().rank(text)
    logp = np.array([score for _, score in ranked], dtype=np.float64)
    english = next(score for lang, score in ranked if lang == "en")
    top = float(logp.max())
    p_english = float(np.exp(english - top - np.log(np.exp(logp - top).sum())))
    return p_english < MAX_ENGLISH_PROB
