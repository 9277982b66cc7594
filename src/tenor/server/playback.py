"""What the person has heard: a model of the client's playback clock, the barge-in trigger, the cut of the
reply text at the point where the person took the floor, and one turn's audio on its way out (``Playout``,
with its latency ``Marks``).

The server paces reply audio to the person's playback (a little ahead, for jitter), so it can tell at any
moment how much of each sentence has been played: a frame sent at ``t`` starts playing at ``max(t, end of the
frame before)`` and plays for its own length. That is what lets a barge-in keep in the history only what the
person heard, without trusting the client to report it.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Final

# Audio left unplayed at the end of a sentence that still counts as the whole sentence heard, in seconds:
# the trailing pause is part of each sentence's audio and carries no words.
TAIL_S: Final = 0.25
# Shortest share of a sentence's audio that counts as having heard some of its words.
MIN_SHARE: Final = 0.1


@dataclass
class _Span:
    start_s: float
    end_s: float
    sentence: int


@dataclass
class PlaybackClock:
    """The client's playback of one turn's reply, as implied by when the server sent each frame."""

    # Scheduled spans of the frames sent so far, in monotonic seconds.
    spans: list[_Span] = field(default_factory=list)
    # When the last frame sent will have finished playing (0 before any frame).
    end_s: float = 0.0
    # Seconds of audio produced per sentence, sent or not yet sent.
    produced_s: dict[int, float] = field(default_factory=dict)

    def produced(self, sentence: int, seconds: float) -> None:
        self.produced_s[sentence] = self.produced_s.get(sentence, 0.0) + seconds

    def sent(self, seconds: float, sentence: int, now: float) -> None:
        start = max(self.end_s, now)
        self.end_s = start + seconds
        self.spans.append(_Span(start, self.end_s, sentence))

    def ahead_s(self, now: float) -> float:
        """Audio sent but not yet played."""
        return max(0.0, self.end_s - now)

    def playing(self, now: float) -> bool:
        return now < self.end_s

    def heard_s(self, now: float) -> dict[int, float]:
        """Seconds played so far, per sentence."""
        out: dict[int, float] = {}
        for s in self.spans:
            played = min(max(0.0, now - s.start_s), s.end_s - s.start_s)
            out[s.sentence] = out.get(s.sentence, 0.0) + played
        return out

    def heard_text(self, sentences: dict[int, str], now: float) -> str:
        """The reply as far as the person heard it at ``now``: whole sentences, then the words of the sentence
        in progress in proportion to its audio played, marked as cut off."""
        heard = self.heard_s(now)
        parts: list[str] = []
        for index in sorted(sentences):
            total = self.produced_s.get(index, 0.0)
            played = heard.get(index, 0.0)
            if total <= 0.0 or played <= 0.0:
                break
            if played >= total - TAIL_S:
                parts.append(sentences[index])
                continue
            share = played / max(total - TAIL_S, 1e-6)
            if share >= MIN_SHARE:
                words = sentences[index].split()
                kept = words[: int(len(words) * share)]
                if kept:
                    parts.append(" ".join(kept) + "...")
            break
        return " ".join(parts)


class BargeInDetector:
    """Fires when the person's voice has been heard for ``frames`` consecutive VAD frames.

    Fed every frame's speech probability from Silero alone while tenor speaks (not the energy assist of
    ``listen.vad.EnergyAssist``), so only Silero's own judgement of speech can take the floor from tenor: a door
    slam alone must not stop it. Silero's probability climbs over several frames at a soft onset (0.23, 0.52,
    0.46, 0.62, 0.74), so the threshold is 0.4, under the endpointer's 0.5: over 240 onsets of RAVDESS actors
    1-16 (room noise before them) two frames in a row were reached p50 52 ms and p90 97 ms after the onset at
    0.4, p90 148 ms at 0.6. Lowering it does not make tenor's own voice any safer or less so: Silero calls
    that speech at every level and threshold, which is why the page asks the browser for echo cancellation.
    """

    def __init__(self, frames: int, threshold: float = 0.4) -> None:
        self.frames = max(1, frames)
        self.threshold = threshold
        self._run = 0

    def push(self, prob: float) -> bool:
        self._run = self._run + 1 if prob >= self.threshold else 0
        return self._run == self.frames

    def reset(self) -> None:
        self._run = 0


@dataclass
class Marks:
    """Monotonic times of a turn's milestones, for the latency breakdown."""

    # Monotonic time the milestones are counted from (the end of the person's speech, or a text's arrival).
    origin: float
    # Milestone name to monotonic time, first mark wins.
    times: dict[str, float] = field(default_factory=dict)

    def mark(self, name: str, t: float | None = None) -> None:
        self.times.setdefault(name, t if t is not None else time.monotonic())

    def to_ms(self) -> dict[str, float]:
        return {k: round((v - self.origin) * 1000.0, 1) for k, v in self.times.items()}


@dataclass
class Playout:
    """One turn's reply audio on its way to the person."""

    turn_id: int
    # Milestones of the turn; the pacer adds the first audio frame sent.
    marks: Marks
    clock: PlaybackClock = field(default_factory=PlaybackClock)
    frames: deque[tuple[bytes, float, int]] = field(default_factory=deque)
    sentences: dict[int, str] = field(default_factory=dict)
    # No more audio will come for this turn.
    closed: bool = False
    # Set once the audio has played out, or was flushed.
    done: asyncio.Event = field(default_factory=asyncio.Event)
    flushed: bool = False
    # What the person heard of the reply when it was cut off (None: not cut off by a player).
    heard: str | None = None
