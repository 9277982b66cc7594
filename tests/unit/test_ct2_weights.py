"""Reading Whisper's encoder weights from a CTranslate2 model file, and refusing a model the graph does not fit."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest

from tenor.errors import BackendUnavailable
from tenor.listen.ct2_weights import encoder_weights
from tenor.listen.encoder import ShapeMismatch, WhisperEncoder


def _string(s: str) -> bytes:
    return struct.pack("<H", len(s) + 1) + s.encode() + b"\0"


def ct2_file(path: Path, tensors: dict[str, np.ndarray], spec: str = "WhisperSpec") -> Path:
    """A model file in CTranslate2's layout (version 6), as ModelSpec._serialize writes it."""
    types = {np.dtype(np.float32): 0, np.dtype(np.int8): 1, np.dtype(np.int16): 2, np.dtype(np.float16): 4}
    out = struct.pack("<I", 6) + _string(spec) + struct.pack("<II", 3, len(tensors))
    for name, value in tensors.items():
        raw = value.tobytes()
        out += _string(name) + struct.pack("<B", value.ndim) + struct.pack(f"<{value.ndim}I", *value.shape)
        out += struct.pack("<BI", types[value.dtype], len(raw)) + raw
    path.write_bytes(out + struct.pack("<I", 0))
    return path


def small_whisper(width: int, blocks: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(0)
    t = {
        "encoder/num_heads": np.array(2, np.int16),
        "encoder/conv1/weight": rng.normal(size=(width, 80, 3)).astype(np.float16),
        "encoder/conv2/bias": np.zeros(width, np.float16),
        "decoder/embeddings/weight": np.zeros((10, width), np.float16),
    }
    for i in range(blocks):
        t[f"encoder/layer_{i}/ffn/linear_0/bias"] = np.zeros(4 * width, np.float16)
    return t


def test_the_encoders_tensors_are_read_with_their_shapes_and_values(tmp_path: Path) -> None:
    tensors = small_whisper(8, 2)
    weights, heads = encoder_weights(ct2_file(tmp_path / "model.bin", tensors))
    assert heads == 2
    assert set(weights) == {k for k in tensors if k.startswith("encoder/") and k != "encoder/num_heads"}
    np.testing.assert_array_equal(weights["encoder/conv1/weight"], tensors["encoder/conv1/weight"])


def test_another_model_or_a_damaged_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BackendUnavailable, match="not a Whisper model"):
        encoder_weights(ct2_file(tmp_path / "t.bin", small_whisper(8, 1), spec="TransformerSpec"))
    with pytest.raises(BackendUnavailable, match="no Whisper encoder"):
        no_heads = {k: v for k, v in small_whisper(8, 1).items() if k != "encoder/num_heads"}
        encoder_weights(ct2_file(tmp_path / "h.bin", no_heads))
    with pytest.raises(BackendUnavailable, match="no Whisper encoder"):
        encoder_weights(ct2_file(tmp_path / "d.bin", {"decoder/x": np.zeros(3, np.float32)}))
    cut = ct2_file(tmp_path / "c.bin", small_whisper(8, 1)).read_bytes()[:300]
    (tmp_path / "c.bin").write_bytes(cut)
    with pytest.raises(BackendUnavailable, match="ends early"):
        encoder_weights(tmp_path / "c.bin")
    with pytest.raises(BackendUnavailable, match="cannot read"):
        encoder_weights(tmp_path / "missing.bin")
    good = ct2_file(tmp_path / "g.bin", small_whisper(8, 1)).read_bytes()
    key = b"encoder/conv2/bias\x00"
    at = good.index(key) + len(key) + 1 + 4  # rank and one dimension: the type id comes next
    for name, patched in (
        ("type", good[:at] + b"\x05" + good[at + 1 :]),
        ("size", good[:at] + b"\x00" + good[at + 1 :]),
    ):
        (tmp_path / f"{name}.bin").write_bytes(patched)
        with pytest.raises(BackendUnavailable, match="conv2/bias"):
            encoder_weights(tmp_path / f"{name}.bin")


def test_a_whisper_of_other_shapes_than_the_graph_is_refused_as_a_mismatch(tmp_path: Path) -> None:
    # The listener catches this one and falls back to CTranslate2's encoder, with voice mood off.
    with pytest.raises(ShapeMismatch, match="384"):
        WhisperEncoder(ct2_file(tmp_path / "model.bin", small_whisper(8, 2)))
