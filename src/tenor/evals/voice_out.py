"""``tenor eval voice-out``: does each tone sound as planned, and is it still understood?

Every tone speaks the same fixed sentences (``evals/data/voice_out_sentences.txt``). Praat measures each
rendition: median F0, F0 range (10th to 90th percentile, in semitones), speech time (pauses excluded) and
intensity. Realised ratios are taken against the neutral tone speaking the same sentences in the same run,
which is what the plan's ratios mean ("relative to the voice's own"): F0 and range as the median of the
per-sentence ratios, rate as neutral speech time over the tone's speech time summed over all sentences.
Every rendition is transcribed back with tenor's own recogniser for a word error rate per tone.

tenor's own voice mood model also rates each rendition's arousal, as it would rate a voice it has come to
know in a conversation: against a profile of the neutral tone's renditions (the voice's habit), each tone's
rendition judged on its own (never added to the profile). The same ratings heard cold (no profile) are
reported beside them.
"""

from __future__ import annotations

import time
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import soxr

from tenor.audio.io import SAMPLE_RATE_HZ, to_float
from tenor.errors import InputError
from tenor.evals.stt import normalise, wer
from tenor.listen.stt import WhisperSTT
from tenor.mood.base import SpeakerProfile, VoiceMoodEstimator
from tenor.vocab import TONE_NAMES
from tenor.voice import prosody
from tenor.voice.tone import ToneTable
from tenor.voice.tts import Speaker

# A realised value within this share of the plan meets the target.
TOLERANCE = 0.10


def sentences(path: str | Path | None = None) -> list[str]:
    """The sentences each tone speaks: one per line of ``path`` (lines starting with # skipped), or the
    built-in set. Another set is for choosing a table's values on sentences the report never uses."""
    if path is None:
        text = resources.files("tenor.evals.data").joinpath("voice_out_sentences.txt").read_text("utf-8")
    else:
        try:
            text = Path(path).expanduser().read_text("utf-8")
        except FileNotFoundError:
            raise InputError(f"sentence file not found: {path}") from None
        except (OSError, UnicodeDecodeError) as err:
            raise InputError(f"cannot read sentence file {path}: {err}") from None
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        raise InputError(f"no sentences in {path}")
    return lines


def evaluate(
    speaker: Speaker,
    table: ToneTable,
    stt: WhisperSTT,
    repeats: int = 1,
    listener: VoiceMoodEstimator | None = None,
    texts: list[str] | None = None,
) -> dict[str, Any]:
    """``listener``, tenor's own voice mood model, also rates each rendition's arousal, to check that the
    tones differ in the way a listener hears (``upbeat`` above ``calm``), not only on the meter. ``texts``:
    the sentences (``sentences()`` by default)."""
    texts = texts or sentences()
    rate_hz = speaker.sample_rate_hz
    measured: dict[str, list[prosody.Measured]] = {}
    hyps: dict[str, list[str]] = {}
    heard_by_tone: dict[str, list[tuple[np.ndarray, Any]]] = {}
    cold: dict[str, list[float]] = {}
    synth_s = 0.0
    audio_s = 0.0
    for tone in TONE_NAMES:
        plan = table.tones[tone]
        measured[tone], hyps[tone], heard_by_tone[tone], cold[tone] = [], [], [], []
        for _ in range(repeats):
            for text in texts:
                t0 = time.perf_counter()
                pcm = np.concatenate(list(speaker.speak(text, plan)))
                synth_s += time.perf_counter() - t0
                audio_s += len(pcm) / rate_hz
                measured[tone].append(prosody.measure(pcm, rate_hz))
                # Heard as a person would hear it: in a quiet room, with silence before and after.
                audio16 = soxr.resample(to_float(pcm), rate_hz, SAMPLE_RATE_HZ).astype(np.float32)
                quiet = np.zeros(SAMPLE_RATE_HZ // 2, dtype=np.float32)
                heard = np.concatenate([quiet, audio16, quiet])
                decoded = stt.decode(heard, states=listener is not None)
                hyps[tone].append(normalise(decoded.text))
                if listener is not None and decoded.encoder_states is not None:
                    heard_by_tone[tone].append((heard, decoded.encoder_states))
                    cold[tone].append(listener.estimate(heard, decoded.encoder_states).arousal)
    arousal = heard_arousal(listener, heard_by_tone) if listener is not None else {}
    refs = [normalise(t) for t in texts] * repeats
    neutral = measured["neutral"]
    out: dict[str, Any] = {}
    for tone in TONE_NAMES:
        plan = table.tones[tone]
        m = measured[tone]
        f0 = float(np.median([a.f0_median_hz / b.f0_median_hz for a, b in zip(m, neutral, strict=True)]))
        rng = float(np.median([a.f0_range_st / b.f0_range_st for a, b in zip(m, neutral, strict=True)]))
        rate = sum(b.speech_s for b in neutral) / max(1e-6, sum(a.speech_s for a in m))
        energy = float(np.mean([a.intensity_db - b.intensity_db for a, b in zip(m, neutral, strict=True)]))
        row = {
            "f0_ratio_planned": plan.pitch_level,
            "f0_ratio_realized": round(f0, 3),
            "range_ratio_planned": plan.pitch_range,
            "range_ratio_realized": round(rng, 3),
            "rate_ratio_planned": plan.rate,
            "rate_ratio_realized": round(rate, 3),
            "energy_db_planned": plan.energy_db,
            "energy_db_realized": round(energy, 2),
            "f0_median_hz": round(float(np.median([a.f0_median_hz for a in m])), 1),
            "wer": round(wer(refs, hyps[tone]), 4),
        }
        if arousal.get(tone):
            row["arousal_heard"] = round(float(np.mean(arousal[tone])), 3)
            row["arousal_heard_cold"] = round(float(np.mean(cold[tone])), 3)
        row["within_10pct"] = all(
            abs(row[f"{k}_realized"] / row[f"{k}_planned"] - 1) <= TOLERANCE
            for k in ("f0_ratio", "range_ratio", "rate_ratio")
        )
        out[tone] = row
    return {
        "upbeat_above_calm_arousal": share_above(arousal, "upbeat", "calm"),
        "upbeat_above_calm_arousal_cold": share_above(cold, "upbeat", "calm"),
        "arousal_pairs": len(arousal.get("upbeat", [])),
        "arousal_profile_utterances": len(arousal.get("neutral", [])),
        "sentences": len(texts),
        "repeats": repeats,
        "voice": speaker.synth.name,
        "tones": out,
        "real_time_factor": round(synth_s / audio_s, 4) if audio_s else None,
    }


def heard_arousal(
    listener: VoiceMoodEstimator, heard: dict[str, list[tuple[np.ndarray, Any]]]
) -> dict[str, list[float]]:
    """Each rendition's arousal as the listener hears it against the voice's habit (a profile of the neutral
    renditions; each rendition judged against a copy, so none joins it)."""
    profile = SpeakerProfile()
    for audio, states in heard.get("neutral", []):
        listener.estimate(audio, states, profile)
    return {t: [listener.estimate(a, s, profile.copy()).arousal for a, s in r] for t, r in heard.items()}


def share_above(arousal: dict[str, list[float]], high: str, low: str) -> float | None:
    """Share of sentence pairs whose ``high`` rendition is heard above its ``low`` rendition."""
    pairs = list(zip(arousal.get(high, []), arousal.get(low, []), strict=False))
    return round(sum(h > lo for h, lo in pairs) / len(pairs), 3) if pairs else None


def format_report(result: dict[str, Any]) -> str:
    lines = [
        f"{result['sentences']} sentences x {result['repeats']}, voice {result['voice']}, "
        f"synthesis real-time factor {result['real_time_factor']}",
        f"{'tone':10}{'F0 plan/real':>16}{'range plan/real':>18}{'rate plan/real':>17}{'dB plan/real':>15}"
        f"{'WER':>7}  ok",
    ]
    for tone, r in result["tones"].items():
        lines.append(
            f"{tone:10}{r['f0_ratio_planned']:>8.2f}/{r['f0_ratio_realized']:<7.2f}"
            f"{r['range_ratio_planned']:>10.2f}/{r['range_ratio_realized']:<7.2f}"
            f"{r['rate_ratio_planned']:>9.2f}/{r['rate_ratio_realized']:<7.2f}"
            f"{r['energy_db_planned']:>7.1f}/{r['energy_db_realized']:<7.1f}{r['wer'] * 100:>6.1f}%  "
            + ("yes" if r["within_10pct"] else "NO")
        )
    if result.get("upbeat_above_calm_arousal") is not None:
        lines.append(
            f"upbeat heard above calm in arousal: {result['upbeat_above_calm_arousal']:.0%} of sentence pairs "
            f"against the voice's neutral renditions ({result['arousal_profile_utterances']}), "
            f"{result['upbeat_above_calm_arousal_cold']:.0%} heard cold"
        )
    return "\n".join(lines)
