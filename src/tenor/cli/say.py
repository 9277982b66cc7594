"""``tenor say "TEXT" --tone calm --out x.wav``: speak text in a tone (or in the tone a mood calls for)."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from tenor.cli.common import add_config_flags, config_from_args, wav_out
from tenor.errors import InputError
from tenor.vocab import MOOD_LABELS, TONE_NAMES, MoodLabel

# Everyday names for moods, onto the closed mood vocabulary.
MOOD_ALIASES = {
    "sad": "sadness",
    "happy": "joy",
    "glad": "joy",
    "angry": "anger",
    "mad": "anger",
    "afraid": "fear",
    "scared": "fear",
    "fearful": "fear",
    "anxious": "fear",
    "disgusted": "disgust",
    "surprised": "surprise",
    "calm": "neutral",
}


def register(sub: Any) -> None:
    p = sub.add_parser("say", help="speak text in a tone", description=__doc__)
    p.add_argument("text", help="what to say ('-' reads it from stdin)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--tone", help=f"one of: {', '.join(TONE_NAMES)}")
    g.add_argument("--mood", help="speak as tenor would to someone in this mood (sad, happy, angry, afraid, ...)")
    p.add_argument("--out", type=wav_out, required=True, help="WAV file to write")
    add_config_flags(p)
    p.set_defaults(run=run)


def plan_for(tone: str | None, mood: str | None) -> Any:
    from tenor.events import SafetyVerdict
    from tenor.mood.base import make_estimate
    from tenor.voice.tone import TableTone

    table = TableTone()
    if tone is not None:
        if tone not in TONE_NAMES:
            raise InputError(f"unknown tone {tone!r} (known: {', '.join(TONE_NAMES)})")
        return table.table.tones[tone]
    label = MOOD_ALIASES.get((mood or "neutral").lower(), (mood or "neutral").lower())
    if label not in MOOD_LABELS:
        raise InputError(f"unknown mood {mood!r} (known: {', '.join(MOOD_LABELS)}, or sad, happy, afraid, ...)")
    probs: dict[MoodLabel, float] = {label: 0.9, "neutral": 0.1} if label != "neutral" else {"neutral": 1.0}
    estimate = make_estimate(probs, cues=(), source="cli")
    return table.select(estimate, SafetyVerdict(turn_id=0, stage="input", action="allow"))


def run(args: argparse.Namespace) -> int:
    from tenor import registry
    from tenor.audio.io import wav_writer
    from tenor.reply.sentences import SentenceSplitter
    from tenor.voice.tts import Speaker, check_text

    text = sys.stdin.read() if args.text == "-" else args.text
    text = check_text(text)
    plan = plan_for(args.tone, args.mood)
    config = config_from_args(args)
    speaker = Speaker(registry.create("tts", config.voice.tts, config))
    splitter = SentenceSplitter()
    t0 = time.perf_counter()
    samples = 0
    with wav_writer(args.out, speaker.sample_rate_hz) as write:
        # Sentence by sentence, written as they are made: a long text never sits in memory as audio.
        step = 2000
        pieces = (text[i : i + step] for i in range(0, len(text), step))
        for sentences in (*(splitter.feed(p) for p in pieces), splitter.flush()):
            for sentence in sentences:
                for chunk in speaker.speak(sentence, plan):
                    write(chunk)
                    samples += len(chunk)
    seconds = samples / speaker.sample_rate_hz
    print(
        f"wrote {args.out}: {seconds:.1f} s in the {plan.name} tone ({time.perf_counter() - t0:.1f} s to make)",
        file=sys.stderr,
    )
    return 0
