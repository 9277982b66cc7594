"""The one family of typed events that flows between stages.

Every event is a frozen dataclass carrying the ``turn_id`` it belongs to, so that a cancelled turn's late
events can be recognised and dropped (see ``pipeline.CancelScope``). Events are grouped by the pipeline edge
they travel on. No backend type (a llama.cpp chunk, an HTTP response) ever appears inside an event: backends
translate into these at their boundary.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from tenor.vocab import (
    DEFAULT_MOOD,
    DEFAULT_TONE,
    MoodLabel,
    ReplySource,
    SafetyAction,
    SafetyCategory,
    ScreenStage,
    ToneName,
    TurnStatus,
)


def _now() -> float:
    return time.monotonic()


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    # Turn this event belongs to; 0 is used for events outside any turn (session-level notices).
    turn_id: int
    # time.monotonic() seconds when the event was made; used for per-stage timings.
    t: float = field(default_factory=_now)


# --- turn boundaries -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class TurnStarted(Event):
    # Where the words come from: typed text or transcribed speech.
    source: Literal["text", "voice"] = "text"


@dataclass(frozen=True, slots=True, kw_only=True)
class TurnEnded(Event):
    # How the turn ended; a failed turn is still stored, with its error.
    status: TurnStatus
    # Milliseconds spent per stage (stage name -> ms), plus "total".
    timings_ms: Mapping[str, float] = field(default_factory=dict)
    # A short, user-facing reason when status is not "complete".
    error: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Interrupted(Event):
    # Why the turn was cut short (barge-in, user cancel, shutdown).
    reason: str = "cancelled"


@dataclass(frozen=True, slots=True, kw_only=True)
class StageError(Event):
    # Stage that failed, as named in timings.
    stage: str
    # One line a user can act on; never a traceback.
    message: str
    # True when the turn cannot go on; False for a degraded but continuing turn.
    fatal: bool = True


# --- audio in / speech -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class AudioChunk(Event):
    # Little-endian signed 16-bit PCM, mono.
    pcm: bytes
    # Sample rate of ``pcm`` in Hz.
    sample_rate_hz: int


@dataclass(frozen=True, slots=True, kw_only=True)
class SpeechStarted(Event):
    # Stream time of the first voiced frame, in seconds from the start of the audio stream.
    at_s: float = 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class SpeechEnded(Event):
    # Stream time of the end-of-turn decision, in seconds.
    at_s: float = 0.0
    # Stream time just after the last voiced frame, in seconds (at_s minus the silence that ended the turn).
    speech_end_s: float = 0.0
    # Length of the utterance in seconds.
    duration_s: float = 0.0


@dataclass(frozen=True, slots=True)
class Word:
    # The word as recognised, without surrounding spaces.
    text: str
    # Start and end, in seconds from the start of the audio stream.
    start_s: float
    end_s: float
    # Mean probability of its tokens.
    probability: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Transcript(Event):
    # The words, as typed or recognised.
    text: str
    # False for partial transcripts during speech; only a final one starts the reply.
    final: bool = True
    # Word timings, for recognised speech.
    words: tuple[Word, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Utterance(Event):
    # The utterance's audio: little-endian int16 mono PCM.
    pcm: bytes
    # Sample rate of ``pcm`` in Hz (16,000).
    sample_rate_hz: int
    # Where it lies in the stream, in seconds.
    start_s: float
    end_s: float
    # Whisper encoder states over the utterance (steps of 20 ms x 768, float32: the middle layers the voice
    # mood model reads, tenor.listen.encoder), computed once by the listener
    # and reused by later stages (voice mood); None when the recogniser did not keep them.
    encoder_states: Any = None


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class TurnGuess(Event):
    """At the first pause that may end the turn, the listener's early reading of it: the words and the audio
    so far, decoded before the end-of-turn silence has run out. A consumer may start the reply on it and hold
    the reply back: if the pause ends the turn, the final Transcript and Utterance follow with the same words
    and the same ``end_s``; if the person goes on, SpeechResumed follows."""

    # The final transcript this pause would give.
    transcript: Transcript
    # The audio and encoder states this pause would give.
    utterance: Utterance


@dataclass(frozen=True, slots=True, kw_only=True)
class SpeechResumed(Event):
    """The person spoke again after a pause that had a TurnGuess: the guess is void."""


# --- perception ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class MoodEstimate(Event):
    # Most probable mood; ``neutral`` when nothing is known.
    label: MoodLabel = DEFAULT_MOOD
    # Calibrated probabilities over MOOD_LABELS, summing to 1.
    probs: Mapping[MoodLabel, float] = field(default_factory=dict)
    # Pleasantness in [-1, 1]; 0 is neither.
    valence: float = 0.0
    # Activation in [-1, 1]; -1 drowsy/flat, 1 agitated/excited.
    arousal: float = 0.0
    # Probability of ``label`` after calibration, in [0, 1].
    confidence: float = 0.0
    # True when the evidence is weak or mixed: downstream must not act as if the mood were known.
    uncertain: bool = True
    # Short human-readable evidence ("words: 'awful' (sadness)", "vader: -0.65").
    cues: tuple[str, ...] = ()
    # Which estimator produced it: "text", "voice" or "fused", with the backend name.
    source: str = "text"


@dataclass(frozen=True, slots=True, kw_only=True)
class SafetyVerdict(Event):
    # Which screen decided: on the user's words or on a reply sentence.
    stage: ScreenStage
    # What to do.
    action: SafetyAction
    # Categories that fired (empty for a plain allow).
    categories: tuple[SafetyCategory, ...] = ()
    # Per-category score in [0, 1] for the categories considered.
    scores: Mapping[SafetyCategory, float] = field(default_factory=dict)
    # Why, in words fit for an audit log (rule names, matched phrases); no user text beyond a short excerpt.
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class TonePlan(Event):
    # Name from the closed tone vocabulary.
    name: ToneName = DEFAULT_TONE
    # Speaking rate as a ratio to the voice's default (1.0 unchanged, 0.9 ten percent slower).
    rate: float = 1.0
    # Median pitch as a ratio to the voice's own.
    pitch_level: float = 1.0
    # Pitch range (spread) as a ratio to the voice's own; below 1 is flatter, steadier.
    pitch_range: float = 1.0
    # Loudness change in dB relative to the voice's default.
    energy_db: float = 0.0
    # Silence after a sentence, in milliseconds.
    pause_sentence_ms: int = 250
    # Silence at a phrase break (comma, semicolon), in milliseconds.
    pause_phrase_ms: int = 100
    # How to write in this tone, given to the language model.
    style: str = ""
    # Why this tone was chosen, for the audit and the page.
    reason: str = ""


# --- reply -----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ReplySentence(Event):
    # One complete sentence that has passed the output screen and may be spoken or shown.
    text: str
    # Position in the reply, from 0.
    index: int
    # Who wrote it.
    source: ReplySource = "model"


@dataclass(frozen=True, slots=True, kw_only=True)
class ReplyDone(Event):
    # The whole reply as delivered (only screened sentences).
    text: str
    # True when the reply stopped early (cancel, server failure, output screen stop).
    truncated: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class SpeechAudio(Event):
    # Little-endian signed 16-bit PCM, mono, of one reply sentence (or part of it).
    pcm: bytes
    # Sample rate of ``pcm`` in Hz.
    sample_rate_hz: int
    # Index of the ReplySentence this audio speaks.
    sentence_index: int = 0
