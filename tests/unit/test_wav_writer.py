"""Writing WAV files: whole or not at all, through links, keeping an older file's permissions."""

from __future__ import annotations

import os
import wave
from pathlib import Path

import numpy as np
import pytest

from tenor.audio.io import wav_writer, write_wav

TONE = (np.sin(np.arange(1600) / 5.0) * 8000).astype(np.int16)


def _frames(path: Path) -> int:
    with wave.open(str(path)) as wf:
        return wf.getnframes()


def test_an_error_halfway_leaves_no_file_and_keeps_an_older_one(tmp_path: Path) -> None:
    out = tmp_path / "reply.wav"
    out.write_bytes(b"older")
    with pytest.raises(RuntimeError, match="the synthesiser"), wav_writer(out, 16000) as write:
        write(TONE)
        raise RuntimeError("the synthesiser stopped")
    assert out.read_bytes() == b"older"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reply.wav"]


def test_the_callers_own_os_error_is_not_blamed_on_the_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="espeak-ng"), wav_writer(tmp_path / "x.wav", 16000):
        raise FileNotFoundError("espeak-ng")
    assert list(tmp_path.iterdir()) == []


def test_an_older_files_permissions_and_links_are_kept(tmp_path: Path) -> None:
    private = tmp_path / "private.wav"
    private.write_bytes(b"")
    private.chmod(0o600)
    write_wav(private, TONE, 16000)
    assert private.stat().st_mode & 0o777 == 0o600 and _frames(private) == len(TONE)
    # Written through a symlink and a hard link, not replacing them.
    real = tmp_path / "real.wav"
    real.write_bytes(b"")
    (tmp_path / "link.wav").symlink_to(real)
    write_wav(tmp_path / "link.wav", TONE, 16000)
    assert (tmp_path / "link.wav").is_symlink() and _frames(real) == len(TONE)
    os.link(real, tmp_path / "hard.wav")
    write_wav(tmp_path / "hard.wav", TONE[:800], 16000)
    assert _frames(real) == 800
