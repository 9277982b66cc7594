"""Audio in: files of any common format, rate and channel count, and PCM chunk streams, as 16 kHz mono.

Files are decoded with PyAV (FFmpeg; it arrives with faster-whisper) frame by frame, so a two-hour file
streams in bounded memory. Live PCM (the server's microphone frames, any rate) is resampled with soxr's
streaming resampler, which keeps filter state between chunks (no clicks at chunk edges).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import wave
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from tenor.errors import InputError

SAMPLE_RATE_HZ: Final = 16_000
# Samples per chunk yielded when streaming a file (0.5 s).
FILE_CHUNK_SAMPLES: Final = 8_000

Pcm = NDArray[np.int16]


@dataclass
class DecodeReport:
    """What decoding a file found, filled in while it streams."""

    # Seconds of 16 kHz audio produced so far.
    seconds: float = 0.0
    # Set when the file ended in damage after some audio was decoded (truncated downloads, cut recordings).
    damaged: str | None = None
    # Source format as FFmpeg names it, with rate and channels.
    source: str = ""


def _av() -> Any:
    try:
        import av
    except ImportError:
        raise InputError("reading audio files needs PyAV: pip install 'tenor[voice]'") from None
    return av


def _check_path(path: Path) -> None:
    if path.is_dir():
        raise InputError(f"{path} is a directory, not an audio file")
    if not path.exists():
        raise InputError(f"audio file not found: {path}")
    if path.stat().st_size == 0:
        raise InputError(f"{path} is empty (0 bytes)")


def stream_file(path: str | Path, report: DecodeReport | None = None) -> Iterator[Pcm]:
    """16 kHz mono int16 chunks of an audio file, decoded as they are read."""
    path = Path(path)
    _check_path(path)
    av = _av()
    report = report if report is not None else DecodeReport()
    try:
        container = av.open(str(path))
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError) as err:
        raise InputError(f"{path.name} is not a readable audio file ({_reason(err)})") from None
    try:
        if not container.streams.audio:
            raise InputError(f"{path.name} has no audio stream")
        stream = container.streams.audio[0]
        if stream.codec_context is None or stream.codec is None:
            # A damaged header can name no known codec (WAV with 18,442 bits per sample); found by fuzzing.
            raise InputError(f"{path.name} uses an audio codec tenor cannot decode")
        report.source = f"{stream.codec_context.name}, {stream.rate} Hz, {stream.channels} channel(s)"
        resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE_HZ)
        pending: list[Pcm] = []
        size = 0
        frames = container.decode(stream)
        while True:
            try:
                frame = next(frames)
            except StopIteration:
                break
            except (av.error.FFmpegError, ValueError) as err:
                if report.seconds == 0 and size == 0:
                    raise InputError(f"{path.name} is not a readable audio file ({_reason(err)})") from None
                report.damaged = (
                    f"the file is damaged or truncated after {report.seconds + size / SAMPLE_RATE_HZ:.1f} s"
                )
                break
            try:
                converted = resampler.resample(frame)
            except (av.error.FFmpegError, ValueError, AttributeError) as err:
                # A damaged header can declare a layout no resampler takes (427 channels); found by fuzzing.
                raise InputError(f"{path.name} has audio tenor cannot convert ({_reason(err)})") from None
            for out in converted:
                pending.append(out.to_ndarray().reshape(-1).astype(np.int16, copy=False))
                size += out.samples
            while size >= FILE_CHUNK_SAMPLES:
                joined = np.concatenate(pending)
                chunk, rest = joined[:FILE_CHUNK_SAMPLES], joined[FILE_CHUNK_SAMPLES:]
                pending, size = [rest], len(rest)
                report.seconds += len(chunk) / SAMPLE_RATE_HZ
                yield chunk
        for out in resampler.resample(None):
            pending.append(out.to_ndarray().reshape(-1).astype(np.int16, copy=False))
        if pending:
            tail = np.concatenate(pending)
            if len(tail):
                report.seconds += len(tail) / SAMPLE_RATE_HZ
                yield tail
    finally:
        container.close()
    if report.seconds == 0 and report.damaged is None:
        raise InputError(f"{path.name} contains no audio samples")


def load_file(path: str | Path, max_seconds: float | None = None) -> tuple[Pcm, DecodeReport]:
    """A whole file as 16 kHz mono int16 (for short files; stream long ones)."""
    report = DecodeReport()
    chunks = []
    for chunk in stream_file(path, report):
        chunks.append(chunk)
        if max_seconds is not None and report.seconds > max_seconds:
            raise InputError(f"{Path(path).name} is longer than {max_seconds:g} s")
    return (np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int16)), report


def _reason(err: BaseException) -> str:
    text = str(err).split(":")[-1].strip() if str(err) else type(err).__name__
    return text or type(err).__name__


def to_float(pcm: Pcm) -> NDArray[np.float32]:
    return (pcm.astype(np.float32) / 32768.0).astype(np.float32)


class PcmConverter:
    """Streams of little-endian 16-bit PCM at any rate and channel count, to 16 kHz mono int16."""

    def __init__(self, sample_rate_hz: int, channels: int = 1) -> None:
        if not 4_000 <= sample_rate_hz <= 192_000:
            raise InputError(f"unsupported sample rate {sample_rate_hz} Hz (expected 4,000 to 192,000)")
        if not 1 <= channels <= 8:
            raise InputError(f"unsupported channel count {channels} (expected 1 to 8)")
        self.rate = sample_rate_hz
        self.channels = channels
        self._carry = b""
        self._resampler: Any = None
        if sample_rate_hz != SAMPLE_RATE_HZ:
            import soxr

            self._resampler = soxr.ResampleStream(sample_rate_hz, SAMPLE_RATE_HZ, 1, dtype="float32")

    def feed(self, data: bytes) -> Pcm:
        """Convert one chunk; an odd trailing byte or partial frame is kept for the next chunk."""
        data = self._carry + data
        frame = 2 * self.channels
        usable = len(data) - len(data) % frame
        self._carry = data[usable:]
        samples = np.frombuffer(data[:usable], dtype="<i2").astype(np.float32)
        if self.channels > 1:
            samples = samples.reshape(-1, self.channels).mean(axis=1)
        if self._resampler is not None:
            samples = self._resampler.resample_chunk(samples, last=False)
        return np.clip(np.round(samples), -32768, 32767).astype(np.int16)

    def flush(self) -> Pcm:
        if self._resampler is None:
            return np.zeros(0, dtype=np.int16)
        out = np.asarray(self._resampler.resample_chunk(np.zeros(0, dtype=np.float32), last=True))
        return np.clip(np.round(out), -32768, 32767).astype(np.int16)


def writes_in_place(path: Path) -> bool:
    """Whether a file written to ``path`` must be written where it is rather than made beside it and renamed:
    a device or pipe (``/dev/stdout``), a symlink or hard link (a rename would replace the link, not write
    through it), or an existing file in a folder this process may not add files to."""
    if path.is_symlink() or str(path.absolute()).startswith(("/dev/", "/proc/")):
        return True
    if not path.exists():
        return False
    return not path.is_file() or path.stat().st_nlink > 1 or not os.access(path.parent, os.W_OK)


@contextmanager
def wav_writer(path: str | Path, sample_rate_hz: int) -> Iterator[Callable[[Pcm], None]]:
    """A mono int16 WAV file written chunk by chunk; yields the function that appends a chunk.

    The audio goes to a hidden file beside ``path`` that takes its name, and an older file's permissions, only
    once whole: a full disk or an error halfway leaves no truncated WAV behind, and an older file of that name
    untouched. Where that cannot be done (``writes_in_place``), the file is written where it is."""
    target = Path(path)
    in_place = writes_in_place(target)
    part = target if in_place else target.with_name(f".{target.name}.part")

    def failed(err: OSError) -> InputError:
        return InputError(f"cannot write {path}: {err.strerror or err}")

    # Open the file first: wave.open on a path that cannot be created leaves a half-made object whose
    # finaliser prints a traceback.
    try:
        fh = part.open("wb")
    except OSError as err:
        raise failed(err) from None
    wf = wave.open(fh, "wb")  # noqa: SIM115 - closed below, where an error closing it can be told apart
    whole = False
    try:
        wf.setnchannels(1)
        wf.setsampwidth(2)
        wf.setframerate(sample_rate_hz)

        def write(chunk: Pcm) -> None:
            try:
                wf.writeframes(np.asarray(chunk, dtype="<i2").tobytes())
            except OSError as err:
                raise failed(err) from None

        yield write
        # Only the closing and the rename are this file's to blame: an OSError from the caller's own work
        # (a synthesiser that could not start) goes out as it is.
        try:
            wf.close()  # writes the header's final sizes: on a full disk, that fails too
            fh.close()
            if not in_place:
                if target.exists():
                    shutil.copymode(target, part)
                os.replace(part, target)
        except OSError as err:
            raise failed(err) from None
        whole = True
    finally:
        if not whole:
            with contextlib.suppress(OSError):
                wf.close()
            with contextlib.suppress(OSError):
                fh.close()
            if not in_place:
                part.unlink(missing_ok=True)


def write_wav(path: str | Path, pcm: Pcm, sample_rate_hz: int) -> None:
    """Write mono int16 samples as a WAV file."""
    with wav_writer(path, sample_rate_hz) as write:
        write(pcm)
