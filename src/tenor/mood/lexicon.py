"""Mood from words with two lexicons: NRC EmoLex (``nrclex``) and VADER (``vadersentiment``).

Counting lexicon hits and taking the largest is a weak estimator (about 0.28 Ekman-7 macro-F1 on
GoEmotions): it ignores negation, cannot tell "neutral" from "no word in the lexicon", and has no notion
of calibration. This estimator keeps the lexicons as its only knowledge of words but (1) handles negation
and a few dozen conversational cue words the NRC list lacks, and (2) combines the counts with a small
multinomial logistic regression trained on GoEmotions train and temperature-scaled on dev
(``training/train_lexicon_mood.py``; weights and model card in ``mood/models/``). It stays as the
fast first layer and the baseline that trained models are measured against.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from importlib import resources
from typing import Any, Final

from tenor.events import MoodEstimate
from tenor.mood.base import make_estimate
from tenor.vocab import MOOD_LABELS, MoodLabel

NRC_EMOTIONS: Final = (
    "anger",
    "anticipation",
    "disgust",
    "fear",
    "joy",
    "negative",
    "positive",
    "sadness",
    "surprise",
    "trust",
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Conversational cue words that carry a mood but are missing from (or weak in) NRC EmoLex; chosen by
# reading GoEmotions *train* comments, never dev or test.
CUES: Final[dict[MoodLabel, frozenset[str]]] = {
    "joy": _words(
        "lol haha hahaha lmao lmfao rofl yay yess woohoo thanks thank thx ty congrats congratulations "
        "love loved lovely awesome amazing great glad happy cute beautiful nice cool best proud "
    ),
    "sadness": _words(
        "sad sorry miss missed cry crying cried rip depressed lonely heartbroken unfortunately sigh "
        "disappointed disappointing hurts hurt lost alone "
    ),
    "anger": _words(
        "wtf ffs hate hated annoying annoyed stupid idiot idiots dumb fuck fucking pissed furious "
        "ridiculous bullshit shut "
    ),
    "fear": _words(
        "scared afraid terrified scary nervous anxious anxiety worried worry panic frightening creepy fear "
    ),
    "surprise": _words(
        "wow whoa omg woah what huh really wait seriously surprised unexpected shocked didn't realize wonder curious "
    ),
    "disgust": _words("ew eww gross disgusting yuck nasty vile gag revolting creepy sick"),
}

NEGATORS: Final = _words(
    "not no never nothing nobody none neither nor cannot can't cant don't dont doesn't doesnt didn't "
    "didnt isn't isnt wasn't wasnt aren't arent won't wont wouldn't wouldnt shouldn't couldn't "
    "without "
)
# How many tokens after a negator are read as negated.
NEGATION_WINDOW: Final = 3

EMOJI: Final[dict[MoodLabel, str]] = {
    "joy": "😀😃😄😁😆😊🙂😍🥰😘❤💕💖💗😂🤣👍🎉🥳☺😺😻",
    "sadness": "😢😭😞😔😟🙁☹💔😿🥺😥",
    "anger": "😠😡🤬👿💢",
    "fear": "😨😰😱😧😦",
    "surprise": "😮😯😲🤯😳",
    "disgust": "🤢🤮😒🙄",
}

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


@cache
def _nrc() -> dict[str, list[str]]:
    from nrclex import NRCLex  # imported lazily: loading the lexicon costs ~40 ms

    lexicon: dict[str, list[str]] = NRCLex(None).__lexicon__
    return lexicon


@cache
def _vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _lookup(word: str, lexicon: dict[str, list[str]]) -> list[str]:
    """NRC emotions of a word, trying a few inflections since NRC lists lemmas and nrclex's lemmatiser
    needs a corpus download that is not available offline."""
    if word in lexicon:
        return lexicon[word]
    for suffix, repl in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
        ("d", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + repl
            if stem in lexicon:
                return lexicon[stem]
    return []


def feature_names() -> list[str]:
    """Order of the feature vector; stored beside the weights so the two can never drift apart."""
    names = [f"nrc_{e}" for e in NRC_EMOTIONS]
    names += ["neg_positive", "neg_negative"]
    names += [f"cue_{m}" for m in CUES]
    names += [f"emoji_{m}" for m in EMOJI]
    names += ["vader_neg", "vader_neu", "vader_pos", "vader_compound"]
    names += ["exclaim", "question", "caps", "log_len", "no_evidence"]
    return names


def features(text: str) -> tuple[list[float], list[str]]:
    """Feature vector of ``text`` and the cues (matched words) behind it."""
    lexicon = _nrc()
    tokens = _tokens(text)
    nrc = dict.fromkeys(NRC_EMOTIONS, 0.0)
    negated = {"positive": 0.0, "negative": 0.0}
    cue_counts = dict.fromkeys(CUES, 0.0)
    cues: list[str] = []
    negate_left = 0
    for tok in tokens:
        if tok in NEGATORS:
            negate_left = NEGATION_WINDOW
            continue
        emotions = _lookup(tok, lexicon)
        if negate_left > 0:
            negate_left -= 1
            for pol in ("positive", "negative"):
                if pol in emotions:
                    negated[pol] += 1.0
            if emotions:
                cues.append(f"not '{tok}'")
            continue
        for emo in emotions:
            nrc[emo] += 1.0
        for mood, words in CUES.items():
            if tok in words:
                cue_counts[mood] += 1.0
        if emotions or any(tok in words for words in CUES.values()):
            cues.append(f"'{tok}'")
    emoji_counts = {m: float(sum(text.count(ch) for ch in chars)) for m, chars in EMOJI.items()}
    vader = _vader().polarity_scores(text[:2000]) if text.strip() else {"neg": 0, "neu": 1, "pos": 0, "compound": 0}
    caps_words = [w for w in re.findall(r"[A-Za-z]{2,}", text) if w.isupper()]
    n = max(len(tokens), 1)
    evidence = sum(nrc.values()) + sum(cue_counts.values()) + sum(emoji_counts.values())
    # Counts are squashed so that one long rant does not outweigh the classifier's calibration.
    vec = [math.log1p(nrc[e]) for e in NRC_EMOTIONS]
    vec += [math.log1p(negated["positive"]), math.log1p(negated["negative"])]
    vec += [math.log1p(cue_counts[m]) for m in CUES]
    vec += [math.log1p(emoji_counts[m]) for m in EMOJI]
    vec += [float(vader["neg"]), float(vader["neu"]), float(vader["pos"]), float(vader["compound"])]
    vec += [
        min(text.count("!"), 3) / 3.0,
        1.0 if "?" in text else 0.0,
        min(len(caps_words) / n, 1.0),
        math.log1p(n) / 5.0,
        1.0 if evidence == 0 and abs(vader["compound"]) < 0.05 else 0.0,
    ]
    cues.append(f"vader {vader['compound']:+.2f}")
    return vec, cues


class LexiconMood:
    """NRC + VADER features combined by a small calibrated linear model."""

    name = "lexicon"

    def __init__(self, weights: dict[str, Any] | None = None) -> None:
        self._model = weights if weights is not None else load_weights()
        if self._model["features"] != feature_names():
            raise ValueError("lexicon mood weights were trained on other features; retrain them")
        self._labels: list[MoodLabel] = list(self._model["labels"])
        self._coef: list[list[float]] = self._model["coef"]
        self._bias: list[float] = self._model["intercept"]
        self._temperature = float(self._model.get("temperature", 1.0))

    def probabilities(self, text: str) -> tuple[dict[MoodLabel, float], list[str]]:
        vec, cues = features(text)
        logits = [
            (b + sum(w * x for w, x in zip(row, vec, strict=True))) / self._temperature
            for row, b in zip(self._coef, self._bias, strict=True)
        ]
        top = max(logits)
        exps = [math.exp(z - top) for z in logits]
        total = sum(exps)
        return {label: e / total for label, e in zip(self._labels, exps, strict=True)}, cues

    def estimate(self, text: str) -> MoodEstimate:
        probs, cues = self.probabilities(text)
        words = [c for c in cues if not c.startswith("vader")][:6]
        return make_estimate(probs, cues=tuple(f"words: {c}" for c in words) + tuple(cues[-1:]), source="text:lexicon")


def load_weights() -> dict[str, Any]:
    """The committed weights (mood/models/lexicon_ekman.json)."""
    text = resources.files("tenor.mood.models").joinpath("lexicon_ekman.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    if list(data["labels"]) != list(MOOD_LABELS):
        raise ValueError("lexicon mood weights use another label order")
    return data


def create(config: object) -> LexiconMood:
    """Registry factory."""
    return LexiconMood()
