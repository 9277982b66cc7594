"""Listening to a file through the same stage as live audio: chunks fed as fast as they decode."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tenor.audio.io import SAMPLE_RATE_HZ, DecodeReport, stream_file
from tenor.events import AudioChunk, Event, SpeechEnded, StageError, Transcript, Utterance
from tenor.listen.listener import Listener, ListenOptions
from tenor.listen.stt import WhisperSTT

# Options for files: no partials and no speculation (nobody is waiting), everything else as live.
FILE_OPTIONS = ListenOptions(partials=False, speculate=False)


async def file_events(path: str | Path, report: DecodeReport) -> AsyncIterator[Event]:
    for chunk in stream_file(path, report):
        yield AudioChunk(turn_id=0, pcm=chunk.astype("<i2").tobytes(), sample_rate_hz=SAMPLE_RATE_HZ)


@dataclass
class FileTranscript:
    """Everything heard in a file."""

    # Final transcripts, one per utterance.
    transcripts: list[Transcript] = field(default_factory=list)
    # The utterances (audio and encoder states), in order.
    utterances: list[Utterance] = field(default_factory=list)
    # Endpoint events.
    ends: list[SpeechEnded] = field(default_factory=list)
    # Errors raised while listening.
    errors: list[str] = field(default_factory=list)
    # Decoding facts (length, damage).
    report: DecodeReport = field(default_factory=DecodeReport)
    # Wall-clock seconds spent.
    seconds: float = 0.0

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.transcripts).strip()

    def to_json(self, path: str) -> dict[str, Any]:
        return {
            "file": path,
            "duration_s": round(self.report.seconds, 3),
            "source": self.report.source,
            "text": self.text,
            "utterances": [
                {
                    "start_s": u.start_s,
                    "end_s": u.end_s,
                    "text": next((t.text for t in self.transcripts if t.turn_id == u.turn_id), ""),
                    "words": [
                        {"word": w.text, "start_s": w.start_s, "end_s": w.end_s, "probability": w.probability}
                        for t in self.transcripts
                        if t.turn_id == u.turn_id
                        for w in t.words
                    ],
                }
                for u in self.utterances
            ],
            "warnings": [self.report.damaged] if self.report.damaged else [],
            "errors": self.errors,
            "real_time_factor": round(self.seconds / self.report.seconds, 4) if self.report.seconds else None,
        }


async def listen_file(
    path: str | Path, stt: WhisperSTT, options: ListenOptions = FILE_OPTIONS, *, keep_audio: bool = False
) -> FileTranscript:
    """Everything heard in a file. Utterance audio and encoder states are kept only with ``keep_audio``
    (one spoken turn); a transcription keeps text and timings alone, so a two-hour file stays small."""
    result = FileTranscript()
    t0 = time.perf_counter()
    listener = Listener(stt, options)
    async for ev in listener(file_events(path, result.report)):
        if isinstance(ev, Transcript) and ev.final:
            result.transcripts.append(ev)
        elif isinstance(ev, Utterance):
            result.utterances.append(ev if keep_audio else replace(ev, pcm=b"", encoder_states=None))
        elif isinstance(ev, SpeechEnded):
            result.ends.append(ev)
        elif isinstance(ev, StageError):
            result.errors.append(ev.message)
    result.seconds = time.perf_counter() - t0
    return result
