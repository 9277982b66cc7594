"""Voice features for the voice-mood model: Praat prosody and voice quality, and pooled encoder states.

Praat statistics are the classic correlates of vocal emotion (Banse & Scherer 1996; Eyben et al. 2016):
pitch level and spread (in semitones, so that a range means the same for low and high voices), pitch
movement, loudness and its spread, jitter, shimmer and harmonics-to-noise ratio (tension, breathiness),
the voiced share and a syllable-rate proxy (tempo). The Whisper encoder states are the listening stage's
own; they are pooled here, never recomputed.
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from tenor.audio.io import SAMPLE_RATE_HZ
from tenor.errors import BackendUnavailable

PITCH_FLOOR_HZ: Final = 60.0
PITCH_CEILING_HZ: Final = 600.0
PRAAT_NAMES: Final = (
    "f0_median_st",
    "f0_p10_st",
    "f0_p90_st",
    "f0_range_st",
    "f0_std_st",
    "f0_slope_st_per_s",
    "f0_delta_abs_st",
    "int_mean_db",
    "int_std_db",
    "int_range_db",
    "int_delta_abs_db",
    "voiced_share",
    "peaks_per_s",
    "jitter_local",
    "shimmer_local",
    "hnr_db",
    "duration_s",
)
# The pitch and loudness part of PRAAT_NAMES (no jitter, shimmer or harmonicity): the speaker-relative arousal
# head reads these; they cost ~15 ms per 3 s clip against ~65 ms for all of PRAAT_NAMES.
VOICE_QUALITY_NAMES: Final = ("jitter_local", "shimmer_local", "hnr_db")
PROSODY_NAMES: Final = tuple(n for n in PRAAT_NAMES if n not in VOICE_QUALITY_NAMES)
# Where they sit in a ``praat_features`` vector (``prosody_features`` gives the same values).
PROSODY_COLUMNS: Final = [PRAAT_NAMES.index(n) for n in PROSODY_NAMES]


def _praat() -> tuple[Any, Any]:
    try:
        import parselmouth
        from parselmouth.praat import call
    except ImportError:
        raise BackendUnavailable("voice mood needs praat-parselmouth: pip install 'tenor[voice]'") from None
    return parselmouth, call


def _st(hz: NDArray[np.float64]) -> NDArray[np.float64]:
    return np.asarray(12.0 * np.log2(hz / 100.0), dtype=np.float64)


def praat_features(audio: NDArray[np.float32], rate_hz: int = SAMPLE_RATE_HZ) -> NDArray[np.float32]:
    """``PRAAT_NAMES`` for one utterance (float audio in [-1, 1]); zeros where a measure is undefined."""
    return _vector(_measure(audio, rate_hz, quality=True), PRAAT_NAMES)


def prosody_features(audio: NDArray[np.float32], rate_hz: int = SAMPLE_RATE_HZ) -> NDArray[np.float32]:
    """``PROSODY_NAMES`` for one utterance: the same values as those columns of ``praat_features``."""
    return _vector(_measure(audio, rate_hz, quality=False), PROSODY_NAMES)


def _vector(feats: dict[str, float], names: tuple[str, ...]) -> NDArray[np.float32]:
    return np.array([feats.get(name, 0.0) for name in names], dtype=np.float32)


def _measure(audio: NDArray[np.float32], rate_hz: int, *, quality: bool) -> dict[str, float]:
    parselmouth, call = _praat()
    if len(audio) < rate_hz // 10:
        return {}
    snd = parselmouth.Sound(audio.astype(np.float64), sampling_frequency=rate_hz)
    pitch = snd.to_pitch(time_step=0.01, pitch_floor=PITCH_FLOOR_HZ, pitch_ceiling=PITCH_CEILING_HZ)
    f0 = np.asarray(pitch.selected_array["frequency"], dtype=np.float64)
    voiced = f0 > 0
    times = np.asarray(pitch.xs(), dtype=np.float64)
    intensity = snd.to_intensity(minimum_pitch=PITCH_FLOOR_HZ, time_step=0.01)
    db = np.asarray(intensity.values[0], dtype=np.float64)
    loud = db[db > db.max() - 50] if len(db) else db
    feats: dict[str, float] = {"duration_s": len(audio) / rate_hz, "voiced_share": float(voiced.mean())}
    if voiced.sum() >= 5:
        st = _st(f0[voiced])
        p10, p50, p90 = np.percentile(st, [10, 50, 90])
        slope = np.polyfit(times[voiced], st, 1)[0] if np.ptp(times[voiced]) > 0 else 0.0
        feats.update(
            f0_median_st=p50,
            f0_p10_st=p10,
            f0_p90_st=p90,
            f0_range_st=p90 - p10,
            f0_std_st=float(st.std()),
            f0_slope_st_per_s=float(slope),
            f0_delta_abs_st=float(np.median(np.abs(np.diff(st)))) if len(st) > 1 else 0.0,
        )
    if quality and voiced.sum() >= 5:
        points = call([snd, pitch], "To PointProcess (cc)")
        feats["jitter_local"] = _finite(call(points, "Get jitter (local)", 0, 0, 0.0001, 0.02, 1.3))
        feats["shimmer_local"] = _finite(call([snd, points], "Get shimmer (local)", 0, 0, 0.0001, 0.02, 1.3, 1.6))
        harm = snd.to_harmonicity_cc(time_step=0.01, minimum_pitch=PITCH_FLOOR_HZ)
        hv = np.asarray(harm.values[0], dtype=np.float64)
        hv = hv[hv > -200]
        feats["hnr_db"] = float(hv.mean()) if len(hv) else 0.0
    if len(loud) >= 3:
        d = np.diff(loud)
        feats.update(
            int_mean_db=float(loud.mean()),
            int_std_db=float(loud.std()),
            int_range_db=float(np.percentile(loud, 95) - np.percentile(loud, 5)),
            int_delta_abs_db=float(np.median(np.abs(d))),
        )
        # Syllable-rate proxy: local loudness peaks above the utterance's mean loudness, per second.
        peaks = np.sum((loud[1:-1] > loud[:-2]) & (loud[1:-1] >= loud[2:]) & (loud[1:-1] > loud.mean()))
        feats["peaks_per_s"] = float(peaks) / max(0.1, feats["duration_s"])
    return feats


def _finite(x: Any) -> float:
    v = float(x)
    return v if np.isfinite(v) else 0.0


def pool_states(states: NDArray[Any]) -> NDArray[np.float32]:
    """Mean and standard deviation over time of the encoder states (frames x width) -> 2 x width."""
    s = np.asarray(states, dtype=np.float32)
    if s.ndim != 2 or len(s) == 0:
        raise ValueError("encoder states must be a non-empty (frames x width) array")
    return np.concatenate([s.mean(axis=0), s.std(axis=0)]).astype(np.float32)
