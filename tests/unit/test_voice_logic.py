from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import numpy as np
import pytest

from tenor.cancel import CancelScope
from tenor.errors import InputError
from tenor.events import Event, ReplySentence, SpeechAudio, TonePlan, TurnStarted
from tenor.voice import prosody
from tenor.voice.stage import SpeechStage
from tenor.voice.tone import MAX_RATE_SHIFT, entrain, load_table
from tenor.voice.tts import Speaker, check_text, lead_split, phrases

TONES = load_table().tones


def test_phrases_split_at_breaks_and_keep_short_fragments_joined() -> None:
    assert phrases("I'm sorry to hear that, and I'm here for you.") == [
        "I'm sorry to hear that,",
        "and I'm here for you.",
    ]
    assert phrases("Well, that is a surprise; tell me more - please.") == [
        "Well, that is a surprise;",
        "tell me more",
        "please.",
    ]
    long = " ".join(["word"] * 120)
    assert all(len(p) <= 240 for p in phrases(long)) and " ".join(phrases(long)) == long


def test_a_long_first_phrase_gets_a_short_lead_cut_before_a_new_constituent() -> None:
    assert lead_split("It sounds like today has been really hard for you.") == [
        "It sounds",
        "like today has been really hard for you.",
    ]
    # Short phrases, and long ones with no early place to cut, stay whole.
    assert lead_split("I'm really sorry to hear that.") == ["I'm really sorry to hear that."]
    assert lead_split("Of course I can help you with that right now.") == [
        "Of course I can help you with that right now."
    ]


def test_entrainment_is_a_bounded_share_and_never_speeds_up_calm() -> None:
    neutral = TONES["neutral"]
    fast = entrain(neutral, words_per_s=5.0, level_db=None, share=0.25)
    assert fast.rate == pytest.approx(neutral.rate * (1 + MAX_RATE_SHIFT))
    slow = entrain(neutral, words_per_s=2.0, level_db=-4.0, share=0.25)
    assert slow.rate == pytest.approx(neutral.rate * (1 + 0.25 * (2.0 / 2.5 - 1)))
    assert slow.energy_db == pytest.approx(-1.0)
    calm = TONES["calm"]
    assert entrain(calm, words_per_s=5.0, level_db=6.0, share=0.25) is calm
    assert entrain(calm, words_per_s=1.5, level_db=None, share=0.25).rate < calm.rate
    assert entrain(neutral, words_per_s=5.0, level_db=5.0, share=0.0) is neutral


def test_markup_is_stripped_not_spoken() -> None:
    from tenor.voice.tts import strip_markup

    assert strip_markup('<speak><prosody rate="x-slow">Hello there</prosody></speak>') == "Hello there"
    assert strip_markup("3 < 4 and 5 > 2") == "3 < 4 and 5 > 2"  # comparisons are not markup
    assert strip_markup("line<br/>break") == "line break"


def test_check_text() -> None:
    with pytest.raises(InputError, match="empty"):
        check_text("   ")
    assert check_text(" <speak>hi</speak> ") == "<speak>hi</speak>"


class FakeSynth:
    name = "fake"
    sample_rate_hz = 16000

    def __init__(self) -> None:
        self.calls: list[tuple[str, float]] = []

    def synthesise(self, text: str, rate: float) -> np.ndarray:
        self.calls.append((text, rate))
        return (np.sin(np.arange(8000) / 5) * 8000).astype(np.int16)


def test_speech_stage_speaks_each_sentence_in_the_turns_tone_and_stops_when_cancelled() -> None:
    synth = FakeSynth()
    scope = CancelScope()
    token = scope.new_turn()
    stage = SpeechStage(Speaker(synth), scope)
    plan = TonePlan(turn_id=token.turn_id, name="calm", rate=0.86, pitch_level=1.0, pitch_range=1.0,
                    pause_sentence_ms=500, pause_phrase_ms=200)  # fmt: skip

    async def source() -> AsyncIterator[Event]:
        yield TurnStarted(turn_id=token.turn_id)
        yield plan
        yield ReplySentence(turn_id=token.turn_id, text="First part, second part.", index=0)
        scope.cancel("barge-in")
        yield ReplySentence(turn_id=token.turn_id, text="Never spoken.", index=1)

    async def go() -> list[Event]:
        return [e async for e in stage(source())]

    audio = [e for e in asyncio.run(go()) if isinstance(e, SpeechAudio)]
    assert [t for t, _ in synth.calls] == ["First part,", "second part."]
    assert all(rate == 0.86 for _, rate in synth.calls)
    assert {a.sentence_index for a in audio} == {0}
    # phrase pause after the first chunk, sentence pause after the last
    tail = [np.frombuffer(a.pcm, dtype="<i2")[-16000 * 150 // 1000 :] for a in audio]
    assert all(np.abs(t).max() == 0 for t in tail)


def test_a_phrase_too_short_to_shape_still_gets_its_gain_and_the_headroom() -> None:
    short = (np.sin(np.arange(500) / 5.0) * 32767).astype(np.int16)  # 23 ms: no pitch analysis
    quiet = prosody.shape(short, 22050, level=1.0, spread=1.0, gain_db=0.0, reference_hz=0.0)
    assert np.abs(quiet.astype(np.int32)).max() == pytest.approx(32767 * 10 ** (-prosody.HEADROOM_DB / 20), abs=2)
    loud = prosody.shape(short, 22050, level=1.0, spread=1.0, gain_db=12.0, reference_hz=0.0)
    assert 30000 < np.abs(loud.astype(np.int32)).max() < 32767
