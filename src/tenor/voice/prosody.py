"""Prosody after synthesis, with Praat (``praat-parselmouth``): pitch level and range through the pitch tier
(PSOLA resynthesis), loudness by gain, and measurement of what was realised.

Piper has no pitch control, so pitch is shaped afterwards: every point of the pitch tier moves to
``reference * level * (f0 / reference) ** range``, which multiplies the median by ``level`` and the spread in
semitones by ``range`` around the voice's own reference pitch. Tempo is set at synthesis (Piper's
``length_scale``), which keeps the voice's own phoneme timing instead of stretching the waveform.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from tenor.errors import BackendUnavailable

# Pitch search range for Praat, in Hz: wide enough for low male and high female voices.
PITCH_FLOOR_HZ: Final = 50.0
PITCH_CEILING_HZ: Final = 500.0
# Frames quieter than this (dB below the sentence's loudest) are pauses, not speech.
SILENCE_BELOW_PEAK_DB: Final = 30.0
# Every phrase is played this far below full scale before its tone's gain. Piper normalises each phrase to
# full scale, so any boost clipped its peaks (the upbeat tone's +1.5 dB clipped 315 samples over 15
# sentences); 5 dB holds the loudest built-in tone (+3 dB) with the most that entrainment adds (+2 dB).
HEADROOM_DB: Final = 5.0
# The highest peak a phrase may have after its gain (-0.1 dB full scale: a margin, as mastering leaves one).
CEILING: Final = 10.0 ** (-0.1 / 20.0)


def _praat() -> tuple[Any, Any]:
    try:
        import parselmouth
        from parselmouth.praat import call
    except ImportError:
        raise BackendUnavailable("prosody shaping needs praat-parselmouth: pip install 'tenor[voice]'") from None
    return parselmouth, call


def shape(
    pcm: NDArray[np.int16], rate_hz: int, *, level: float, spread: float, gain_db: float, reference_hz: float
) -> NDArray[np.int16]:
    """Pitch level and range changed around ``reference_hz`` (0: the median of this audio's own pitch),
    loudness by ``gain_db`` (relative to the voice's own level less ``HEADROOM_DB``). A phrase that would still
    exceed full scale (a user's table with a larger boost) is scaled down to fit instead of clipped."""
    if len(pcm) < rate_hz // 20:
        # Too short for a pitch analysis, but as loud as the phrases around it.
        return _gain(pcm.astype(np.float64) / 32768.0, gain_db)
    parselmouth, call = _praat()
    snd = parselmouth.Sound(pcm.astype(np.float64) / 32768.0, sampling_frequency=rate_hz)
    # Every tone, neutral included, goes through the same PSOLA resynthesis: resynthesis alone narrows the
    # measured pitch range (6.75 to 5.58 semitones on a test sentence), so shaping only the other tones
    # would make them all sound flatter than planned against an untouched neutral.
    out = snd
    manipulation = call(snd, "To Manipulation", 0.01, PITCH_FLOOR_HZ, PITCH_CEILING_HZ)
    tier = call(manipulation, "Extract pitch tier")
    n = int(call(tier, "Get number of points"))
    if n:
        if reference_hz > 0:
            ref = reference_hz
        else:
            ref = float(np.median([call(tier, "Get value at index", i) for i in range(1, n + 1)]))
        # One Praat formula over every point: the same values as removing and re-adding each point from Python,
        # ~70 ms sooner on a long phrase (hundreds of calls, each taking and releasing the GIL).
        call(tier, "Formula", f"{ref * level!r} * (self / {ref!r}) ^ {spread!r}")
        call([tier, manipulation], "Replace pitch tier")
        out = call(manipulation, "Get resynthesis (overlap-add)")
    return _gain(np.asarray(out.values[0], dtype=np.float64), gain_db)


def _gain(samples: NDArray[np.float64], gain_db: float) -> NDArray[np.int16]:
    """``samples`` (floats in [-1, 1]) at ``gain_db`` less the headroom, scaled down under ``CEILING`` if need be."""
    out: NDArray[np.float64] = samples * 10.0 ** ((gain_db - HEADROOM_DB) / 20.0)
    peak = float(np.abs(out).max()) if len(out) else 0.0
    if peak > CEILING:
        out = out * (CEILING / peak)
    pcm: NDArray[np.int16] = np.clip(np.round(out * 32768.0), -32768, 32767).astype(np.int16)
    return pcm


@dataclass(frozen=True)
class Measured:
    # Median F0 over voiced frames, Hz.
    f0_median_hz: float
    # 10th to 90th percentile of F0, in semitones.
    f0_range_st: float
    # Seconds of speech, pauses excluded.
    speech_s: float
    # Mean intensity of speech frames, dB.
    intensity_db: float


def measure(pcm: NDArray[np.int16], rate_hz: int) -> Measured:
    """Realised pitch, range, speech time and loudness of a recording."""
    parselmouth, _ = _praat()
    snd = parselmouth.Sound(pcm.astype(np.float64) / 32768.0, sampling_frequency=rate_hz)
    pitch = snd.to_pitch(time_step=0.01, pitch_floor=PITCH_FLOOR_HZ, pitch_ceiling=PITCH_CEILING_HZ)
    f0 = pitch.selected_array["frequency"]
    f0 = f0[f0 > 0]
    intensity = snd.to_intensity(minimum_pitch=PITCH_FLOOR_HZ, time_step=0.01)
    levels = intensity.values[0]
    loud = levels > (levels.max() - SILENCE_BELOW_PEAK_DB) if len(levels) else np.zeros(0, dtype=bool)
    if len(f0) < 3:
        return Measured(0.0, 0.0, float(loud.sum()) * 0.01, float(levels[loud].mean()) if loud.any() else 0.0)
    p10, p50, p90 = np.percentile(f0, [10, 50, 90])
    return Measured(
        f0_median_hz=float(p50),
        f0_range_st=float(12.0 * np.log2(p90 / p10)),
        speech_s=float(loud.sum()) * 0.01,
        intensity_db=float(levels[loud].mean()),
    )
