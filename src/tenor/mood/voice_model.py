"""Mood from the voice: tenor's own speech emotion model, run in numpy on the listening stage's encoder states.

The model (trained by ``training/train_voice_mood.py`` on RAVDESS actors 1-16; card in
``models/voice_mood/CARD.md``) reads the Whisper tiny.en encoder states that the listener already computed
for the utterance (the middle of the encoder, after blocks 2 and 3 of 4: they carry more of how a thing is
said than the last layer, which is trained towards the words; ``tenor.listen.encoder``): a logistic
regression over their mean and spread, mixed with the average of a few small convolutional
attentive-pooling networks over the states in time (``voice_net``), which err differently. Once a
conversation has given enough utterances of the voice, the linear part reads the features relative to that
voice's own mean. The heads run in numpy in a few milliseconds (no onnxruntime session or torch); the Praat
pitch analysis the arousal head below reads takes ~25 ms per 3 s clip.

The eight voice classes map onto the shared mood vocabulary by ``VOICE_TO_MOOD``; valence and arousal come
from the eight classes directly, because calm and neutral share a label but not an arousal. Once the voice
is known, arousal also hears how strongly it is voiced: a ridge head over Praat pitch and loudness statistics
taken relative to the voice's own mean (``training/train_voice_arousal.py``) takes a share of it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from tenor.audio.io import SAMPLE_RATE_HZ
from tenor.config import Config
from tenor.errors import BackendUnavailable
from tenor.events import MoodEstimate
from tenor.mood.base import SpeakerProfile, clamp, make_estimate
from tenor.mood.voice_features import (
    PROSODY_COLUMNS,
    PROSODY_NAMES,
    pool_states,
    praat_features,
    prosody_features,
)
from tenor.mood.voice_net import ensemble_probs
from tenor.vocab import MoodLabel

VOICE_CLASSES: Final = ("neutral", "calm", "happy", "sad", "angry", "fearful", "disgust", "surprised")

# RAVDESS's eight classes on the shared (Ekman + neutral) vocabulary. Calm is a low-arousal neutral in
# RAVDESS's own definition (Livingstone & Russo 2018), so it maps to neutral; the rest are one to one.
VOICE_TO_MOOD: Final[dict[str, MoodLabel]] = {
    "neutral": "neutral",
    "calm": "neutral",
    "happy": "joy",
    "sad": "sadness",
    "angry": "anger",
    "fearful": "fear",
    "disgust": "disgust",
    "surprised": "surprise",
}

# (valence, arousal) of each voice class on [-1, 1]: the text placements (mood.base.CIRCUMPLEX) for the
# shared labels; calm sits lower in arousal and a little above neutral in valence (Russell 1980).
VOICE_CIRCUMPLEX: Final[dict[str, tuple[float, float]]] = {
    "neutral": (0.0, -0.15),
    "calm": (0.25, -0.55),
    "happy": (0.80, 0.45),
    "sad": (-0.70, -0.40),
    "angry": (-0.65, 0.70),
    "fearful": (-0.65, 0.60),
    "disgust": (-0.65, 0.30),
    "surprised": (0.20, 0.65),
}

# Utterances of a voice heard before its speaker profile is used: with fewer, the profile's mean is too
# noisy to help (cross-validated on RAVDESS actors 1-16: 5 utterances gain nothing, 10 gain 5 points UA-8).
MIN_PROFILE: Final = 8

# Shortest utterance the model reads; below it the voice says too little and the estimate is withheld.
MIN_SECONDS: Final = 0.5


def model_dir() -> Path:
    return Path(__file__).parent / "models" / "voice_mood"


@dataclass(frozen=True)
class VoiceScores:
    """The model's calibrated probabilities over VOICE_CLASSES and the time it took."""

    probs: tuple[float, ...]
    ms: float
    # Earlier utterances of this voice the estimate was judged against; 0 when heard cold.
    profile_n: int = 0
    # Arousal from pitch and loudness relative to the voice's own mean, on [-1, 1]; None when heard cold (or
    # without the arousal head): absolute pitch and loudness say as much about the voice and the microphone.
    prosody_arousal: float | None = None
    # The share of the estimate's arousal that ``prosody_arousal`` takes (chosen in training).
    prosody_weight: float = 0.0

    def top(self) -> str:
        return VOICE_CLASSES[int(np.argmax(self.probs))]


class VoiceMoodModel:
    """The trained voice mood model."""

    name = "voice"

    def __init__(self, path: Path | None = None) -> None:
        path = path or model_dir()
        file = path / "voice_mood.npz"
        if not file.is_file():
            raise BackendUnavailable(f"the voice mood model is missing: {file} (retrain with training/)")
        try:
            with np.load(file) as w:
                self._w: dict[str, NDArray[np.float32]] = {k: np.asarray(w[k], dtype=np.float32) for k in w.files}
            self.width = int(self._w["width"])
            self.uses_praat = bool(self._w["uses_praat"])
            # Models trained before the networks (or with ``--nets 0``) carry the linear head alone.
            self.has_nets = int(self._w.get("net_count", 0)) > 0
            # Inputs of the class heads; anything after them in a feature vector is the arousal head's.
            self._n_class = len(self._w["mean"])
            self._arousal = _load_arousal(path / "voice_arousal.npz")
        except (OSError, ValueError, KeyError) as err:
            raise BackendUnavailable(f"the voice mood model in {path} cannot be read: {err}") from None

    def _states(self, states: NDArray[Any]) -> NDArray[np.float32]:
        x = np.asarray(states, dtype=np.float32)
        if x.ndim != 2 or x.shape[1] != self.width or len(x) == 0:
            raise ValueError(f"encoder states must be (frames x {self.width}), not {x.shape}")
        return x

    def features(self, audio: NDArray[np.float32], states: NDArray[Any]) -> NDArray[np.float32]:
        """The model's input for one utterance: mean and spread of its encoder states (and Praat statistics),
        then the pitch and loudness statistics of the arousal head, if the model has one."""
        parts = [pool_states(self._states(states))]
        praat = praat_features(audio, SAMPLE_RATE_HZ) if self.uses_praat else None
        if praat is not None:
            parts.append(praat)
        if self._arousal is not None:
            # Taken from the full statistics when they were measured: one Praat analysis per utterance, not two.
            parts.append(praat[PROSODY_COLUMNS] if praat is not None else prosody_features(audio, SAMPLE_RATE_HZ))
        return np.concatenate(parts).astype(np.float32)

    def net_probs(self, states: NDArray[Any]) -> NDArray[np.float64] | None:
        """The networks' mean probabilities for one utterance's encoder states (None without networks)."""
        return ensemble_probs(self._states(states), self._w) if self.has_nets else None

    def scores(
        self, audio: NDArray[np.float32], states: NDArray[Any], profile: SpeakerProfile | None = None
    ) -> VoiceScores:
        """Probabilities for one utterance: its 16 kHz float audio and its encoder states (frames x width),
        judged against ``profile`` (the speaker's earlier utterances) once it holds ``MIN_PROFILE`` of them."""
        t0 = time.perf_counter()
        return self.score_features(self.features(audio, states), profile, t0, self.net_probs(states))

    def score_features(
        self,
        f: NDArray[np.float32],
        profile: SpeakerProfile | None = None,
        t0: float | None = None,
        net: NDArray[np.float64] | None = None,
    ) -> VoiceScores:
        """``scores`` from features (and network probabilities) already computed: the evaluation reuses them
        across profiles."""
        t0 = time.perf_counter() if t0 is None else t0
        w = self._w
        adapted = profile is not None and profile.n >= MIN_PROFILE
        key = "s_" if adapted else ""
        prosody = None
        if adapted:
            assert profile is not None
            f = profile.centre(f)
            a = self._arousal
            if a is not None and len(f) == self._n_class + len(a["mean"]):
                z_a = (f[self._n_class :] - a["mean"]) / a["scale"]
                prosody = clamp(float(z_a @ a["coef"] + a["intercept"]))
        z = (f[: self._n_class] - w[key + "mean"]) / w[key + "scale"]
        logits = (z @ w[key + "coef"].T + w[key + "intercept"]).astype(np.float64)
        e = np.exp(logits - logits.max())
        mixed = e / e.sum()
        share = float(w.get(key + "net_weight", 0.0))
        if share and net is not None:
            mixed = share * net + (1.0 - share) * mixed
        # Temperature on the mixture's log (for the linear head alone, the same as on its logits).
        t = np.log(np.clip(mixed, 1e-12, 1.0)) / float(w[key + "temperature"])
        e = np.exp(t - t.max())
        probs = e / e.sum()
        ms = (time.perf_counter() - t0) * 1000.0
        return VoiceScores(
            tuple(round(float(p), 6) for p in probs),
            ms,
            profile.n if adapted and profile else 0,
            prosody,
            float(self._arousal["weight"]) if prosody is not None and self._arousal is not None else 0.0,
        )

    def estimate(
        self, audio: NDArray[np.float32], states: NDArray[Any], profile: SpeakerProfile | None = None
    ) -> MoodEstimate:
        """A MoodEstimate from the voice (``source`` ``voice``), or a withheld one for too short a clip. The
        utterance joins ``profile`` afterwards, so it is never judged against itself."""
        if len(audio) < MIN_SECONDS * SAMPLE_RATE_HZ:
            return make_estimate({}, cues=("voice: too short to read",), source="voice", uncertain=True)
        t0 = time.perf_counter()
        f = self.features(audio, states)
        scores = self.score_features(f, profile, t0, self.net_probs(states))
        if profile is not None:
            profile.add(f)
        return to_estimate(scores)


def to_estimate(scores: VoiceScores) -> MoodEstimate:
    probs: dict[MoodLabel, float] = {}
    valence = arousal = 0.0
    for cls, p in zip(VOICE_CLASSES, scores.probs, strict=True):
        probs[VOICE_TO_MOOD[cls]] = probs.get(VOICE_TO_MOOD[cls], 0.0) + p
        valence += p * VOICE_CIRCUMPLEX[cls][0]
        arousal += p * VOICE_CIRCUMPLEX[cls][1]
    ranked = sorted(zip(scores.probs, VOICE_CLASSES, strict=True), reverse=True)
    cues = tuple(f"voice: {cls} {p:.2f}" for p, cls in ranked[:2])
    if scores.profile_n:
        cues += (f"voice: judged against {scores.profile_n} earlier utterances of this voice",)
    if scores.prosody_arousal is not None:
        w = scores.prosody_weight
        arousal = (1.0 - w) * arousal + w * scores.prosody_arousal
        cues += (f"voice: pitch and loudness against its habit, arousal {scores.prosody_arousal:+.2f}",)
    return make_estimate(probs, cues=cues, source="voice", valence=clamp(valence), arousal=clamp(arousal))


def _load_arousal(file: Path) -> dict[str, NDArray[np.float32]] | None:
    """The speaker-relative arousal head, or None for a model trained without it."""
    if not file.is_file():
        return None
    with np.load(file) as a:
        names = tuple(str(n) for n in a["names"])
        head = {k: np.asarray(a[k], dtype=np.float32) for k in ("mean", "scale", "coef", "intercept", "weight")}
    if names != PROSODY_NAMES or not len(names) == len(head["mean"]) == len(head["scale"]) == len(head["coef"]):
        raise ValueError(f"{file.name} reads other features than this version computes ({', '.join(names)})")
    return head


_shared: VoiceMoodModel | None = None


def create(config: Config) -> VoiceMoodModel:
    """Entry point ``tenor.mood_voice: model``; one loaded model per process."""
    global _shared
    path = Path(config.mood.voice_model_path).expanduser() if config.mood.voice_model_path else None
    if path is not None:
        return VoiceMoodModel(path)
    if _shared is None:
        _shared = VoiceMoodModel()
    return _shared
