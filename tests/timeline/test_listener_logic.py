"""The listener's scheduling (partials, speculative finals, gating) with a scripted VAD and recogniser."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator

import numpy as np

from tenor.events import (
    AudioChunk,
    Event,
    SpeechEnded,
    SpeechResumed,
    SpeechStarted,
    Transcript,
    TurnGuess,
    Utterance,
)
from tenor.listen.listener import Listener, ListenOptions
from tenor.listen.stt import SttResult
from tenor.listen.vad import FRAME_SAMPLES


class FakeStt:
    """Text depends on how much audio it gets; counts calls; optionally slow."""

    def __init__(self, text: str = "Kids are talking by the door.", delay_s: float = 0.0) -> None:
        self.calls: list[tuple[int, bool]] = []
        self.text = text
        self.delay_s = delay_s
        self.lock = threading.Lock()

    def decode(self, audio, *, words=False, states=False, offset_s=0.0):  # type: ignore[no-untyped-def]
        import time

        time.sleep(self.delay_s)
        with self.lock:
            self.calls.append((len(audio), words))
        loud = float(np.abs(audio).mean()) > 0.01
        return SttResult(
            self.text if loud else "",
            gated=None if loud else "no words",
            encoder_states=np.zeros((3, 4), dtype=np.float32) if states else None,
        )


def _vad(frame: np.ndarray) -> float:
    return 0.95 if np.abs(frame).mean() > 300 else 0.02


def _audio(pattern: list[tuple[str, float]]) -> list[bytes]:
    """Frames of loud noise ('s') or silence ('_') for the given seconds, as 100 ms chunks."""
    rng = np.random.default_rng(0)
    parts = []
    for kind, seconds in pattern:
        n = int(seconds * 16000)
        parts.append((rng.normal(0, 3000, n) if kind == "s" else np.zeros(n)).astype(np.int16))
    pcm = np.concatenate(parts)
    return [pcm[i : i + 1600].tobytes() for i in range(0, len(pcm), 1600)]


async def _run(listener: Listener, chunks: list[bytes], realtime: bool) -> list[Event]:
    async def source() -> AsyncIterator[Event]:
        for c in chunks:
            yield AudioChunk(turn_id=0, pcm=c, sample_rate_hz=16000)
            if realtime:
                await asyncio.sleep(0.1 * len(c) / 3200)

    return [ev async for ev in listener(source())]


def test_file_mode_emits_start_end_final_and_utterance() -> None:
    stt = FakeStt()
    listener = Listener(stt, ListenOptions(partials=False, speculate=False), vad=_vad)  # type: ignore[arg-type]
    events = asyncio.run(_run(listener, _audio([("_", 0.5), ("s", 1.5), ("_", 1.0)]), realtime=False))
    kinds = [type(e) for e in events]
    assert kinds == [SpeechStarted, SpeechEnded, Transcript, Utterance]
    assert len(stt.calls) == 1 and stt.calls[0][1] is True  # one final decode, with word timings
    utt = events[-1]
    assert isinstance(utt, Utterance) and utt.encoder_states is not None
    # the 0.5 s of lead-in available (the pre-roll is longer) + 1.5 s speech + 0.3 s hangover
    assert 2.2 <= len(utt.pcm) / 2 / 16000 <= 2.4


def test_silence_alone_yields_nothing() -> None:
    listener = Listener(FakeStt(), ListenOptions(partials=False), vad=_vad)  # type: ignore[arg-type]
    assert asyncio.run(_run(listener, _audio([("_", 3.0)]), realtime=False)) == []


def test_live_mode_gives_partials_and_uses_the_speculative_final() -> None:
    stt = FakeStt(delay_s=0.05)
    opts = ListenOptions(partial_every_ms=300)
    listener = Listener(stt, opts, vad=_vad)  # type: ignore[arg-type]
    events = asyncio.run(_run(listener, _audio([("_", 0.3), ("s", 2.0), ("_", 1.2)]), realtime=True))
    partials = [e for e in events if isinstance(e, Transcript) and not e.final]
    finals = [e for e in events if isinstance(e, Transcript) and e.final]
    assert partials and len(finals) == 1
    # The final decode was the speculative one started at the pause: exactly one decode with word timings.
    assert sum(1 for _, words in stt.calls if words) == 1
    order = [type(e).__name__ for e in events if not (isinstance(e, Transcript) and not e.final)]
    assert order == ["SpeechStarted", "TurnGuess", "SpeechEnded", "Transcript", "Utterance"]
    # The guess at the pause is what the end of the turn then gives: the same words, audio and end.
    guess = next(e for e in events if isinstance(e, TurnGuess))
    utt = next(e for e in events if isinstance(e, Utterance))
    assert guess.transcript.text == finals[0].text and guess.transcript.turn_id == finals[0].turn_id
    assert guess.utterance.end_s == utt.end_s and guess.utterance.pcm == utt.pcm
    assert guess.utterance.encoder_states is not None
    # Started 200 ms into the silence, the decode still read the whole span, the hangover's end filled in.
    assert [n for n, words in stt.calls if words] == [len(utt.pcm) // 2]


def test_no_guess_without_the_option_or_for_unfinished_words() -> None:
    chunks = _audio([("_", 0.3), ("s", 1.0), ("_", 2.0)])
    quiet = Listener(FakeStt(), ListenOptions(partials=False, guess=False), vad=_vad)  # type: ignore[arg-type]
    events = asyncio.run(_run(quiet, chunks, realtime=True))
    assert not any(isinstance(e, TurnGuess) for e in events)
    assert any(isinstance(e, Transcript) and e.final for e in events)
    unfinished = Listener(FakeStt(text="I went to the shop and"), ListenOptions(partials=False), vad=_vad)  # type: ignore[arg-type]
    events = asyncio.run(_run(unfinished, chunks, realtime=True))
    assert not any(isinstance(e, TurnGuess) for e in events)


def test_speech_resuming_after_a_pause_discards_the_speculation() -> None:
    stt = FakeStt()
    listener = Listener(stt, ListenOptions(partials=False), vad=_vad)  # type: ignore[arg-type]
    # A pause long enough for the decode started at it to finish, short of the 600 ms that end a turn.
    events = asyncio.run(_run(listener, _audio([("s", 1.0), ("_", 0.5), ("s", 1.0), ("_", 1.0)]), realtime=True))
    finals = [e for e in events if isinstance(e, Transcript) and e.final]
    assert len(finals) == 1  # one turn despite the pause
    final_calls = [n for n, words in stt.calls if words]
    assert len(final_calls) == 2 and final_calls[-1] > final_calls[0]  # re-decoded over the whole turn
    # The guess made at the pause is withdrawn before the turn goes on.
    kinds = [type(e) for e in events]
    assert kinds.index(TurnGuess) < kinds.index(SpeechResumed) < kinds.index(SpeechEnded)


def test_two_turns_separated_by_silence() -> None:
    listener = Listener(FakeStt(), ListenOptions(partials=False, speculate=False), vad=_vad)  # type: ignore[arg-type]
    events = asyncio.run(_run(listener, _audio([("s", 1.0), ("_", 1.5), ("s", 1.0), ("_", 1.0)]), realtime=False))
    finals = [e for e in events if isinstance(e, Transcript)]
    assert [f.turn_id for f in finals] == [1, 2]


def test_other_sample_rates_are_converted() -> None:
    stt = FakeStt()
    listener = Listener(stt, ListenOptions(partials=False, speculate=False), vad=_vad)  # type: ignore[arg-type]
    rng = np.random.default_rng(1)
    pcm48 = np.concatenate([rng.normal(0, 3000, 48000 * 2), np.zeros(48000)]).astype(np.int16).tobytes()

    async def source() -> AsyncIterator[Event]:
        for i in range(0, len(pcm48), 9601):  # odd sizes: half samples carried over
            yield AudioChunk(turn_id=0, pcm=pcm48[i : i + 9601], sample_rate_hz=48000)

    async def go() -> list[Event]:
        return [e async for e in listener(source())]

    events = asyncio.run(go())
    utt = [e for e in events if isinstance(e, Utterance)]
    assert utt and 1.9 <= len(utt[0].pcm) / 2 / 16000 <= 2.6
    assert FRAME_SAMPLES == 512


def test_a_slow_decode_of_unfinished_words_still_holds_the_turn_open() -> None:
    # The words before the pause end in "and": the turn waits the longer silence. The decode that tells
    # the endpointer so takes 0.8 s, longer than the 600 ms end silence, and the audio arrives in a burst
    # (as on a busy server): the listener must wait for it rather than cut the sentence at the pause.
    stt = FakeStt(text="I went to the shop and", delay_s=0.8)
    listener = Listener(stt, ListenOptions(partials=False), vad=_vad)  # type: ignore[arg-type]
    chunks = _audio([("s", 1.0), ("_", 0.9), ("s", 1.0), ("_", 1.6)])
    events = asyncio.run(_run(listener, chunks, realtime=False))
    assert len([e for e in events if isinstance(e, SpeechStarted)]) == 1
    assert len([e for e in events if isinstance(e, Transcript) and e.final]) == 1


def test_a_slow_decode_of_finished_words_ends_the_turn_on_the_usual_silence() -> None:
    stt = FakeStt(text="I went to the shop.", delay_s=0.8)
    listener = Listener(stt, ListenOptions(partials=False), vad=_vad)  # type: ignore[arg-type]
    chunks = _audio([("s", 1.0), ("_", 0.9), ("s", 1.0), ("_", 1.6)])
    events = asyncio.run(_run(listener, chunks, realtime=False))
    assert len([e for e in events if isinstance(e, SpeechStarted)]) == 2
