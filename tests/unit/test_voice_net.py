"""The voice mood networks' numpy forward pass against the logits torch gave at export."""

from __future__ import annotations

import numpy as np

from tenor.mood import voice_net
from tenor.mood.voice_model import VoiceMoodModel, model_dir


def _weights() -> dict[str, np.ndarray]:
    with np.load(model_dir() / "voice_mood.npz") as w:
        return {k: np.asarray(w[k]) for k in w.files}


def test_the_shipped_networks_reproduce_torch_on_the_probe() -> None:
    w = _weights()
    count = int(w["net_count"])
    assert count >= 1 and 0 < float(w["net_weight"]) < 1
    x = voice_net.prepare(w["net_probe"], w["net_mean"], w["net_scale"])
    for i in range(count):
        ours = voice_net.logits(x, w, f"net{i}_")
        assert ours.shape == (8,)
        np.testing.assert_allclose(ours, w[f"net{i}_probe_logits"], atol=1e-4)


def test_pair_pooling_keeps_an_odd_last_frame() -> None:
    x = np.arange(10, dtype=np.float32).reshape(5, 2)
    pooled = voice_net.pair_pool(x)
    np.testing.assert_allclose(pooled, [[1, 2], [5, 6], [8, 9]])


def test_the_networks_change_the_estimate_and_read_any_length() -> None:
    model = VoiceMoodModel()
    rng = np.random.default_rng(3)
    short, long = (rng.normal(size=(n, model.width)).astype(np.float32) for n in (3, 900))
    for states in (short, long):
        net = model.net_probs(states)
        assert net is not None and abs(net.sum() - 1) < 1e-9
    f = model.features(np.zeros(16000, np.float32), long)
    with_net = model.score_features(f, net=model.net_probs(long)).probs
    without = model.score_features(f).probs
    assert not np.allclose(with_net, without)
