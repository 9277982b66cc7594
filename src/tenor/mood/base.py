"""What every mood estimator returns, and the shared rules for valence, arousal and doubt.

Estimators return a ``MoodEstimate`` with ``turn_id=0``; the mood stage stamps the turn. Valence and
arousal are derived from the emotion probabilities with the circumplex placements below (Russell 1980;
values rounded from the mean ratings of the emotion words in Warriner et al. 2013, rescaled to [-1, 1]),
so every estimator, whatever its inputs, speaks the same two-dimensional language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray

from tenor.events import MoodEstimate
from tenor.vocab import MOOD_LABELS, MoodLabel

# (valence, arousal) of each label on [-1, 1].
CIRCUMPLEX: Final[dict[MoodLabel, tuple[float, float]]] = {
    "anger": (-0.65, 0.70),
    "disgust": (-0.65, 0.30),
    "fear": (-0.65, 0.60),
    "joy": (0.80, 0.45),
    "neutral": (0.0, -0.15),
    "sadness": (-0.70, -0.40),
    "surprise": (0.20, 0.65),
}

# Below this probability for the top label, the estimate is uncertain.
UNCERTAIN_BELOW: Final[float] = 0.45
# When the top two labels are closer than this, the evidence is mixed: uncertain.
MIXED_MARGIN: Final[float] = 0.10


@runtime_checkable
class TextMoodEstimator(Protocol):
    """Estimates mood from words."""

    # Registry name, reported in ``MoodEstimate.source``.
    name: str

    def estimate(self, text: str) -> MoodEstimate: ...


class SpeakerProfile:
    """Running mean of one voice's features over the utterances of a conversation.

    Voices differ more from each other than one voice differs across moods; judged against its own habits a
    voice is read far better (speaker normalisation, Busso et al. 2013). The profile lives in memory with the
    conversation and is never stored: it is derived from the voice, as sensitive as the audio."""

    def __init__(self) -> None:
        self.n = 0
        self._sum: NDArray[np.float64] | None = None

    def add(self, features: NDArray[np.float32]) -> None:
        f = np.asarray(features, dtype=np.float64)
        if self._sum is None or self._sum.shape != f.shape:
            self._sum, self.n = np.zeros_like(f), 0
        self._sum += f
        self.n += 1

    def copy(self) -> SpeakerProfile:
        other = SpeakerProfile()
        other.n, other._sum = self.n, None if self._sum is None else self._sum.copy()
        return other

    def centre(self, features: NDArray[np.float32]) -> NDArray[np.float32]:
        """``features`` as deviations from this voice's mean. Only the mean: with the ten or so utterances a
        conversation gives, a spread per dimension is too noisy to divide by (measured in training)."""
        if self._sum is None or self.n == 0:
            raise ValueError("an empty speaker profile has no mean")
        return np.asarray(features - self._sum / self.n, dtype=np.float32)


@runtime_checkable
class VoiceMoodEstimator(Protocol):
    """Estimates mood from how an utterance sounds: its 16 kHz float audio and the listener's encoder states,
    judged against the speaker's earlier utterances when a profile is given (and then added to it)."""

    name: str

    def estimate(
        self, audio: NDArray[np.float32], states: Any, profile: SpeakerProfile | None = None
    ) -> MoodEstimate: ...


def circumplex(probs: Mapping[MoodLabel, float]) -> tuple[float, float]:
    """Expected (valence, arousal) under ``probs``."""
    valence = sum(p * CIRCUMPLEX[label][0] for label, p in probs.items())
    arousal = sum(p * CIRCUMPLEX[label][1] for label, p in probs.items())
    return valence, arousal


def is_uncertain(
    probs: Mapping[MoodLabel, float],
    below: float = UNCERTAIN_BELOW,
    margin: float = MIXED_MARGIN,
) -> bool:
    """Weak (top probability low) or mixed (top two close) evidence."""
    ranked = sorted(probs.values(), reverse=True)
    if not ranked:
        return True
    second = ranked[1] if len(ranked) > 1 else 0.0
    return ranked[0] < below or ranked[0] - second < margin


def clamp(x: float, lo: float = -1.0, hi: float = 1.0) -> float:
    return max(lo, min(hi, x))


def make_estimate(
    probs: Mapping[MoodLabel, float],
    *,
    cues: tuple[str, ...],
    source: str,
    valence: float | None = None,
    arousal: float | None = None,
    uncertain: bool | None = None,
) -> MoodEstimate:
    """A complete estimate from probabilities over MOOD_LABELS (missing labels count as 0)."""
    full: dict[MoodLabel, float] = {label: float(probs.get(label, 0.0)) for label in MOOD_LABELS}
    total = sum(full.values())
    if total <= 0:
        full = {label: (1.0 if label == "neutral" else 0.0) for label in MOOD_LABELS}
        total = 1.0
    full = {label: p / total for label, p in full.items()}
    label = max(full, key=lambda k: full[k])
    v, a = circumplex(full)
    return MoodEstimate(
        turn_id=0,
        label=label,
        probs=full,
        valence=round(clamp(v if valence is None else valence), 4),
        arousal=round(clamp(a if arousal is None else arousal), 4),
        confidence=round(full[label], 4),
        uncertain=is_uncertain(full) if uncertain is None else uncertain,
        cues=cues,
        source=source,
    )
