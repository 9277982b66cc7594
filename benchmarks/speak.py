"""Speaking latency and throughput. Prints figures; asserts nothing about absolute time.

1. Time from a complete first sentence to its first audio chunk, through the speaking stage exactly as a
   streamed reply uses it (one ReplySentence in, SpeechAudio chunks out), over typical first sentences of
   replies, in every tone. Baseline from the same run: the same sentences synthesised and shaped whole, as
   a stage that did not split at phrase breaks would; the ratio does not depend on this machine.
2. Real-time factor: seconds of work per second of audio over all sentences.

    python benchmarks/speak.py [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections.abc import AsyncIterator

import numpy as np

from tenor import registry
from tenor.config import Config
from tenor.events import Event, ReplySentence, SpeechAudio, TonePlan, TurnStarted
from tenor.voice import prosody
from tenor.voice.stage import SpeechStage
from tenor.voice.tone import load_table
from tenor.voice.tts import Speaker, _trim_silence

FIRST_SENTENCES = [
    "I'm really sorry to hear that.",
    "That sounds wonderful, congratulations!",
    "Of course, I can help with that.",
    "It sounds like today has been really hard for you.",
    "Good morning, how are you feeling today?",
    "That's a great question.",
    "I hear you, and it makes sense that you're upset.",
    "Sure, let's take it one step at a time.",
]


async def first_chunk_ms(stage: SpeechStage, plan: TonePlan, text: str) -> tuple[float, float, float]:
    async def source() -> AsyncIterator[Event]:
        yield TurnStarted(turn_id=1)
        yield plan
        yield ReplySentence(turn_id=1, text=text, index=0)

    t0 = time.perf_counter()
    first = None
    samples = 0
    rate = 1
    async for ev in stage(source()):
        if isinstance(ev, SpeechAudio):
            if first is None:
                first = (time.perf_counter() - t0) * 1000
            samples += len(ev.pcm) // 2
            rate = ev.sample_rate_hz
    total = time.perf_counter() - t0
    return first or float("nan"), total, samples / rate


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    config = Config()
    speaker = Speaker(registry.create("tts", config.voice.tts, config))
    table = load_table()
    stage = SpeechStage(speaker)
    speaker.speak("Warming up.", table.tones["neutral"]).__next__()
    firsts, baseline, work, audio = [], [], 0.0, 0.0
    for plan in table.tones.values():
        for text in FIRST_SENTENCES:
            ms, total, seconds = asyncio.run(first_chunk_ms(stage, plan, text))
            firsts.append(ms)
            work += total
            audio += seconds
            t0 = time.perf_counter()
            raw = _trim_silence(speaker.synth.synthesise(text, plan.rate), speaker.sample_rate_hz)
            prosody.shape(raw, speaker.sample_rate_hz, level=plan.pitch_level, spread=plan.pitch_range,
                          gain_db=plan.energy_db, reference_hz=0.0)  # fmt: skip
            baseline.append((time.perf_counter() - t0) * 1000)
    p50, p95 = float(np.percentile(firsts, 50)), float(np.percentile(firsts, 95))
    result = {
        "sentences": len(firsts),
        "first_audio_ms_p50": round(p50, 1),
        "first_audio_ms_p95": round(p95, 1),
        "baseline_whole_sentence_ms_p50": round(float(np.percentile(baseline, 50)), 1),
        "ratio_to_baseline_p50": round(p50 / float(np.percentile(baseline, 50)), 3),
        "real_time_factor": round(work / audio, 4),
        "voice": speaker.synth.name,
    }
    print(json.dumps(result, indent=2) if args.json else "\n".join(f"{k:34} {v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
