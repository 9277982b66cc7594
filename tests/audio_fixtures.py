"""Audio files made at test time from RAVDESS recordings: other formats, rates, channel counts, damage."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tenor.audio.io import load_file, write_wav
from tests.conftest import SHARED

RAVDESS = SHARED / "data" / "ravdess"
# "Kids are talking by the door", neutral, actor 1 (male) and actor 2 (female).
KIDS = RAVDESS / "flac/Actor_01/03-01-01-01-01-01-01.flac"
DOGS = RAVDESS / "flac/Actor_02/03-01-01-01-02-01-02.flac"


def pcm(path: Path = KIDS) -> np.ndarray:
    return load_file(path)[0]


def encode(path: Path, samples: np.ndarray, rate: int, channels: int, codec: str, fmt: str) -> Path:
    """Write ``samples`` (16 kHz mono int16) resampled to ``rate`` and ``channels`` with PyAV."""
    import av
    import soxr

    data = soxr.resample(samples.astype(np.float32), 16000, rate).astype(np.int16)
    # Packed stereo is interleaved: L R L R ...
    data = np.stack([data, data], axis=1).reshape(1, -1) if channels == 2 else data[None, :]
    with av.open(str(path), "w", format=fmt) as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "stereo" if channels == 2 else "mono"
        frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(data), format="s16", layout=stream.layout.name)
        frame.rate = rate
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def speech_only(samples: np.ndarray) -> np.ndarray:
    """The clip without its leading and trailing silence (20 ms RMS above a fixed level)."""
    win = 320
    rms = np.sqrt(np.convolve(samples.astype(np.float64) ** 2, np.ones(win) / win, mode="same"))
    loud = np.flatnonzero(rms > 400)
    return samples[loud[0] : loud[-1] + 1] if len(loud) else samples


def with_silence(*parts: np.ndarray | float) -> np.ndarray:
    """Concatenate clips and silences (floats are seconds of silence)."""
    out = [np.zeros(int(p * 16000), dtype=np.int16) if isinstance(p, float) else p for p in parts]
    return np.concatenate(out)


def wav(path: Path, samples: np.ndarray, rate: int = 16000) -> Path:
    write_wav(path, samples, rate)
    return path
