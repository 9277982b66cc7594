"""The convolutional attentive-pooling part of the voice mood model, run in numpy.

Mean and spread of the encoder states (the linear head) lose how the voice moves over time; this small
network keeps it. Per utterance: the 20 ms encoder states are standardised and averaged in pairs (40 ms
steps), projected to a narrower width, passed through one residual convolution over time (five steps:
200 ms, about a syllable), weighted by a learned attention score per step, and pooled into a weighted mean
and spread, from which a linear layer gives the eight class logits. Trained with torch by
``training/voice_mood_net.py``; the forward pass here must match it, and the shipped file carries a probe
input with torch's logits so a test checks that it does.
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

# Keys of one network in the model file, prefixed ``net{i}_``.
NET_KEYS: Final = ("inp_w", "inp_b", "conv_w", "conv_b", "att1_w", "att1_b", "att2_w", "att2_b", "out_w", "out_b")

_GELU_C: Final = float(np.sqrt(2.0 / np.pi))


def gelu(x: NDArray[np.float32]) -> NDArray[np.float32]:
    """GELU, tanh form (torch's ``approximate="tanh"``, which training uses so numpy needs no erf)."""
    # x * x * x, not x**3: numpy's float power is several times slower, and this runs on every step.
    inner = (_GELU_C * x) * (1.0 + 0.044715 * (x * x))
    return np.asarray(0.5 * x * (1.0 + np.tanh(inner)), dtype=np.float32)


def pair_pool(x: NDArray[np.float32]) -> NDArray[np.float32]:
    """Average consecutive pairs of frames; an odd last frame stays alone."""
    n = len(x) // 2
    pairs = x[: 2 * n].reshape(n, 2, x.shape[1]).mean(axis=1)
    return pairs if len(x) % 2 == 0 else np.concatenate([pairs, x[-1:]])


def prepare(states: NDArray[Any], mean: NDArray[np.float32], scale: NDArray[np.float32]) -> NDArray[np.float32]:
    """The network's input sequence for one utterance: standardised, pair-pooled encoder states."""
    x = (np.asarray(states, dtype=np.float32) - mean) / scale
    return pair_pool(x.astype(np.float32))


def logits(x: NDArray[np.float32], w: dict[str, NDArray[np.float32]], prefix: str) -> NDArray[np.float32]:
    """Class logits of one network for one prepared sequence (steps x width)."""
    h = gelu(x @ w[prefix + "inp_w"].T + w[prefix + "inp_b"])
    conv_w = w[prefix + "conv_w"]  # (out, in, kernel), as torch stores it
    k = conv_w.shape[2]
    padded = np.pad(h, ((k // 2, k // 2), (0, 0)))
    # Each output step sees k consecutive input steps: one matrix product per kernel tap (BLAS), summed.
    conv = w[prefix + "conv_b"] + sum(padded[i : i + len(h)] @ conv_w[:, :, i].T for i in range(k))
    h = gelu(np.asarray(conv, dtype=np.float32)) + h
    score = np.tanh(h @ w[prefix + "att1_w"].T + w[prefix + "att1_b"]) @ w[prefix + "att2_w"].T + w[prefix + "att2_b"]
    a = np.exp(score[:, 0] - score[:, 0].max())
    a = (a / a.sum())[:, None]
    mean = (a * h).sum(axis=0)
    spread = np.sqrt(np.maximum((a * h * h).sum(axis=0) - mean**2, 1e-6))
    pooled = np.concatenate([mean, spread])
    return np.asarray(pooled @ w[prefix + "out_w"].T + w[prefix + "out_b"], dtype=np.float32)


def softmax(z: NDArray[Any]) -> NDArray[np.float64]:
    e = np.exp(np.asarray(z, dtype=np.float64) - np.max(z))
    return np.asarray(e / e.sum(), dtype=np.float64)


def ensemble_probs(states: NDArray[Any], w: dict[str, NDArray[np.float32]]) -> NDArray[np.float64]:
    """Mean class probabilities of the file's networks for one utterance's encoder states."""
    x = prepare(states, w["net_mean"], w["net_scale"])
    count = int(w["net_count"])
    return np.asarray(np.mean([softmax(logits(x, w, f"net{i}_")) for i in range(count)], axis=0), dtype=np.float64)
