"""Mood from words with tenor's trained model: all-MiniLM-L6-v2 fine-tuned on GoEmotions, int8 ONNX.

No torch at run time: onnxruntime runs the network and the ``tokenizers`` library (the same tokenizer.json
the training used) prepares its input. The network gives logits for the 28 GoEmotions labels and an Ekman
head; the committed ``meta.json`` holds what turns them into calibrated probabilities and decisions
(temperatures, the Ekman mix, per-class thresholds, all chosen on GoEmotions dev; see ``training/`` and the
model card ``models/text_mood/CARD.md``).

The estimate says ``uncertain`` when the evidence is weak (top probability low), mixed (top two close, or
both pleasant and unpleasant moods above their thresholds), or out of the model's reach (no letters, or text
that does not look like English).
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from tenor.config import Config
from tenor.errors import BackendUnavailable
from tenor.events import MoodEstimate
from tenor.mood.base import make_estimate
from tenor.vocab import MOOD_LABELS, MoodLabel

# Characters read from one message: moods show early, and tokenising 100,000 characters costs more than
# the model; the tokenizer then keeps the first max_len tokens.
MAX_CHARS: Final = 2000
# A second, opposite-valence mood at least this probable makes the estimate mixed.
MIXED_SECOND: Final = 0.25
_POSITIVE: Final = frozenset({"joy"})
_NEGATIVE: Final = frozenset({"anger", "disgust", "fear", "sadness"})
# Frequent English function words: a message of several words with none of them is probably not English.
_ENGLISH: Final = frozenset(
    "i me my you your we our he she it they them the a an and or but if so to of in on at for with is am are "
    "was were be been do did does not no this that what how why when can could will would just have has had "
    "feel feeling really very all there here about up out get got".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def model_dir() -> Path:
    return Path(str(resources.files("tenor.mood.models").joinpath("text_mood")))


@dataclass(frozen=True)
class TextScores:
    # Calibrated Ekman-7 distribution, in MOOD_LABELS order.
    ekman: NDArray[np.float64]
    # Calibrated independent probabilities of the 28 GoEmotions labels.
    fine: NDArray[np.float64]


def _looks_english(text: str) -> bool:
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return False
    latin = sum(1 for w in words if w.isascii())
    if latin / len(words) < 0.5:
        return False
    if len(words) < 4:
        return True
    return any(w in _ENGLISH for w in words)


class TrainedTextMood:
    """The fine-tuned MiniLM model, on onnxruntime."""

    name = "minilm"

    def __init__(self, directory: Path | None = None, threads: int = 1) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError:
            raise BackendUnavailable(
                "the trained text mood model needs onnxruntime and tokenizers: pip install tenor"
            ) from None
        d = directory or model_dir()
        try:
            meta: dict[str, Any] = json.loads((d / "meta.json").read_text("utf-8"))
            self._tok = Tokenizer.from_file(str(d / "tokenizer.json"))
            opts = ort.SessionOptions()
            # One thread by default: a message is short, and the other core serves speech at the same time.
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            self._sess = ort.InferenceSession(str(d / "model.onnx"), opts, providers=["CPUExecutionProvider"])
        except (OSError, ValueError, RuntimeError) as err:
            raise BackendUnavailable(f"cannot load the text mood model from {d}: {err}") from None
        if list(meta["labels_ekman"]) != list(MOOD_LABELS):
            raise BackendUnavailable("the text mood model uses another Ekman label order")
        self._tok.no_padding()
        self._tok.enable_truncation(max_length=int(meta["max_len"]))
        self.meta = meta
        self.labels28: list[str] = list(meta["labels28"])
        self.thresholds28 = np.asarray(meta["thresholds28"], dtype=np.float64)
        self.thresholds_ekman = np.asarray(meta["thresholds_ekman"], dtype=np.float64)
        self._t28 = float(meta["temperature28"])
        self._t7 = float(meta["temperature_ekman"])
        self._mix_w = float(meta["ekman_mix_weight"])
        self._mix_t = float(meta["ekman_mix_temperature"])
        mapping: dict[str, list[str]] = meta["ekman_mapping"]
        self._groups = [
            [self.labels28.index(m) for m in (mapping.get(e, []) if e != "neutral" else ["neutral"])]
            for e in MOOD_LABELS
        ]
        self._lock = threading.Lock()

    def scores(self, text: str) -> TextScores:
        """Calibrated probabilities for one text."""
        ids = self._tok.encode(text[:MAX_CHARS]).ids
        x = np.asarray([ids], dtype=np.int64)
        with self._lock:  # an InferenceSession is thread-safe, but one core is all it should take
            l28, l7 = self._sess.run(None, {"input_ids": x, "attention_mask": np.ones_like(x)})
        p28 = 1.0 / (1.0 + np.exp(-np.asarray(l28[0], dtype=np.float64) / self._t28))
        z = np.asarray(l7[0], dtype=np.float64) / self._t7
        p7 = np.exp(z - z.max())
        p7 /= p7.sum()
        derived = np.array([1.0 - np.prod(1.0 - p28[g]) for g in self._groups])
        derived /= derived.sum()
        mix = self._mix_w * p7 + (1.0 - self._mix_w) * derived
        mix = mix ** (1.0 / self._mix_t)
        return TextScores(ekman=mix / mix.sum(), fine=p28)

    def estimate(self, text: str) -> MoodEstimate:
        if not _WORD.search(text or ""):
            # Nothing to read (empty, digits, emoji only): neutral, and honest that it is a guess.
            return make_estimate(
                {"neutral": 1.0}, cues=("words: no words to read",), source="text:minilm", uncertain=True
            )
        s = self.scores(text)
        probs: dict[MoodLabel, float] = {m: float(p) for m, p in zip(MOOD_LABELS, s.ekman, strict=True)}
        above = {m for m, p, t in zip(MOOD_LABELS, s.ekman, self.thresholds_ekman, strict=True) if p >= t}
        (first, _), (second, p_second) = sorted(probs.items(), key=lambda kv: -kv[1])[:2]
        top_two = {first, second}
        # Mixed: a pleasant and an unpleasant mood both pass their thresholds, or are the two most likely
        # with the second still strong.
        mixed = (bool(above & _POSITIVE) and bool(above & _NEGATIVE)) or (
            bool(top_two & _POSITIVE) and bool(top_two & _NEGATIVE) and p_second >= MIXED_SECOND
        )
        english = _looks_english(text)
        fine = sorted(
            ((self.labels28[i], float(p)) for i, p in enumerate(s.fine) if p >= self.thresholds28[i]),
            key=lambda kv: -kv[1],
        )
        cues = tuple(f"words: {name} {p:.2f}" for name, p in fine[:3])
        if mixed:
            cues += ("words: mixed feelings",)
        if not english:
            cues += ("words: not English; the model reads English only",)
        estimate = make_estimate(probs, cues=cues, source="text:minilm")
        if mixed or not english:
            return make_estimate(probs, cues=cues, source="text:minilm", uncertain=True)
        return estimate


def create(config: Config) -> TrainedTextMood:
    """Registry factory."""
    return TrainedTextMood()
