"""Property tests of the audio decoders: any bytes as a file decode or raise a clear ``InputError``; any
bytes through the PCM converter come out as int16 16 kHz samples. ``benchmarks/fuzz.py`` runs 10,000."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tenor.audio.io import PcmConverter, load_file
from tenor.errors import InputError
from tests.conftest import SHARED

SEED_FILE = SHARED / "data" / "ravdess" / "flac" / "Actor_01" / "03-01-01-01-01-01-01.flac"


def _wav_header(rate: int, channels: int, bits: int, n: int) -> bytes:
    import struct

    block = channels * bits // 8
    fmt = struct.pack("<IHHIIHH", 16, 1, channels, rate, rate * block, block, bits)
    return b"RIFF" + struct.pack("<I", 36 + n) + b"WAVEfmt " + fmt + b"data" + struct.pack("<I", n)


def seeds() -> list[bytes]:
    out = [_wav_header(16_000, 1, 16, 3200) + bytes(3200), _wav_header(48_000, 2, 16, 0)]
    if SEED_FILE.exists():
        out.append(SEED_FILE.read_bytes()[:24_000])
    return out


SEEDS = seeds()


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A real file's bytes (WAV, FLAC), cut and with bytes overwritten: deep into the parsers."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    cut = draw(st.integers(0, len(data)))
    data = data[:cut] if draw(st.booleans()) else data
    for _ in range(draw(st.integers(0, 12))):
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        data[i] = draw(st.integers(0, 255))
    return bytes(data)


files = st.one_of(st.binary(max_size=4096), mutated())


def check_decode(data: bytes, folder: Path) -> None:
    path = folder / "input.audio"
    path.write_bytes(data)
    try:
        pcm, _ = load_file(path, max_seconds=30)
    except InputError as err:
        assert str(err)
        return
    assert pcm.dtype == np.int16 and pcm.ndim == 1


def check_convert(rate: int, channels: int, chunks: list[bytes]) -> None:
    try:
        conv = PcmConverter(rate, channels)
    except InputError:
        return
    for chunk in chunks:
        out = conv.feed(chunk)
        assert out.dtype == np.int16 and out.ndim == 1
    assert conv.flush().dtype == np.int16


FAST = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


@FAST
@given(files)
def test_any_file_bytes_decode_or_raise_a_clear_input_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        check_decode(data, Path(tmp))


@FAST
@given(st.integers(-10, 400_000), st.integers(-1, 10), st.lists(st.binary(max_size=999), max_size=5))
def test_any_pcm_stream_converts(rate: int, channels: int, chunks: list[bytes]) -> None:
    check_convert(rate, channels, chunks)


def test_header_declaring_427_channels_is_a_clear_error(tmp_path: Path) -> None:
    """Found by benchmarks/fuzz.py: the resampler's failure on an impossible layout escaped as a crash."""
    check_decode(_wav_header(16_000, 427, 16, 3200) + bytes(3200), tmp_path)


def test_header_naming_no_known_codec_is_a_clear_error(tmp_path: Path) -> None:
    """Found by benchmarks/fuzz.py: 0x9a10 bits per sample left the stream without a codec."""
    check_decode(_wav_header(16_000, 1, 0x9A10, 3200) + bytes(3200), tmp_path)
