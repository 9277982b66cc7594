"""Fusion of the voice and the words, and the mood stage that runs it (fake estimators)."""

from __future__ import annotations

import asyncio
from typing import Any

import numpy as np
import pytest

from tenor.events import MoodEstimate, Transcript, Utterance
from tenor.mood.base import make_estimate
from tenor.mood.fusion import fuse
from tenor.mood.voice_model import VOICE_CLASSES, VoiceScores, to_estimate
from tenor.pipeline import TurnResult
from tenor.stages import MoodStage


def text_says(probs: dict[str, float]) -> MoodEstimate:
    return make_estimate(probs, cues=("words",), source="text:test")  # type: ignore[arg-type]


def voice_says(**probs: float) -> MoodEstimate:
    p = [probs.get(c, 0.0) for c in VOICE_CLASSES]
    total = sum(p)
    return to_estimate(VoiceScores(tuple(x / total for x in p), 1.0))


def test_neutral_words_do_not_wash_out_a_clear_voice() -> None:
    # RAVDESS: "Kids are talking by the door", said in anger.
    words = text_says({"neutral": 0.92, "joy": 0.04, "anger": 0.04})
    voice = voice_says(angry=0.8, disgust=0.1, neutral=0.1)
    fused = fuse(words, voice)
    assert fused.label == "anger"
    assert fused.probs["anger"] > 0.6
    assert not fused.uncertain
    assert fused.source == "fused"


def test_a_sad_sentence_said_flatly_is_not_neutral() -> None:
    words = text_says({"sadness": 0.85, "neutral": 0.1, "fear": 0.05})
    voice = voice_says(neutral=0.6, calm=0.3, sad=0.1)
    fused = fuse(words, voice)
    assert fused.label == "sadness"
    assert fused.valence < 0


def test_strong_disagreement_is_uncertain_and_says_why() -> None:
    # "I'm fine." in the words, sadness in the voice.
    words = text_says({"joy": 0.8, "neutral": 0.2})
    voice = voice_says(sad=0.8, neutral=0.2)
    fused = fuse(words, voice)
    assert fused.uncertain
    assert any("words say joy, voice says sadness" in c for c in fused.cues)


def test_both_weak_is_uncertain() -> None:
    words = text_says({"neutral": 0.3, "joy": 0.25, "sadness": 0.25, "anger": 0.2})
    voice = voice_says(neutral=0.2, calm=0.2, sad=0.2, happy=0.2, angry=0.2)
    assert fuse(words, voice).uncertain


def test_agreement_is_confident() -> None:
    fused = fuse(text_says({"sadness": 0.7, "neutral": 0.3}), voice_says(sad=0.7, calm=0.3))
    assert fused.label == "sadness" and not fused.uncertain


def test_missing_sources() -> None:
    only_text = fuse(text_says({"joy": 0.9, "neutral": 0.1}), None)
    assert only_text.label == "joy" and only_text.source == "fused"
    nothing = fuse(None, None)
    assert nothing.uncertain and nothing.label == "neutral"


def test_calm_and_neutral_share_a_label_but_not_an_arousal() -> None:
    calm, neutral = voice_says(calm=1.0), voice_says(neutral=1.0)
    assert calm.label == neutral.label == "neutral"
    assert calm.arousal < neutral.arousal


class FakeVoice:
    name = "voice"

    def __init__(self) -> None:
        self.seen: list[tuple[int, Any]] = []

    def estimate(self, audio: np.ndarray, states: Any, profile: Any = None) -> MoodEstimate:
        self.seen.append((len(audio), states))
        return voice_says(angry=0.9, neutral=0.1)


class FakeText:
    name = "text"

    def estimate(self, text: str) -> MoodEstimate:
        return text_says({"neutral": 0.95, "joy": 0.05})


async def _run(stage: MoodStage, events: list[Any]) -> list[Any]:
    async def source() -> Any:
        for e in events:
            yield e

    return [e async for e in stage(source())]


def test_mood_stage_fuses_a_spoken_turn_and_keeps_both_sources() -> None:
    voice = FakeVoice()
    stage = MoodStage(FakeText(), voice=voice)
    pcm = (np.zeros(16000, dtype="<i2")).tobytes()
    states = np.zeros((50, 384), dtype=np.float32)
    events = [
        Utterance(turn_id=1, pcm=pcm, sample_rate_hz=16000, start_s=0.0, end_s=1.0, encoder_states=states),
        Transcript(turn_id=1, text="Kids are talking by the door", final=True),
    ]
    out = asyncio.run(_run(stage, events))
    moods = [e for e in out if isinstance(e, MoodEstimate)]
    assert [m.source for m in moods] == ["text:test", "voice", "fused"]
    assert voice.seen == [(16000, states)]
    assert moods[-1].label == "anger"
    result = TurnResult()
    for e in out:
        result.add(e)
    data = result.to_json()
    assert data["mood"]["source"] == "fused"
    assert set(data["mood"]["sources"]) == {"text", "voice"}


@pytest.mark.parametrize("case", ["no voice model", "no encoder states"])
def test_mood_stage_reads_words_only_without_the_voice(case: str) -> None:
    stage = MoodStage(FakeText(), voice=None if case == "no voice model" else FakeVoice())
    events: list[Any] = [Transcript(turn_id=1, text="hello", final=True)]
    if case == "no encoder states":
        events.insert(
            0, Utterance(turn_id=1, pcm=b"\0\0" * 100, sample_rate_hz=16000, start_s=0, end_s=0.1, encoder_states=None)
        )
    out = asyncio.run(_run(stage, events))
    moods = [e for e in out if isinstance(e, MoodEstimate)]
    assert [m.source for m in moods] == ["text:test"]


def test_eu_preset_turns_voice_mood_off_whatever_else_asks() -> None:
    from tenor.config import load_config, notices

    config = load_config(env={}, flags={"privacy.preset": "eu", "mood.voice": "true"})
    assert config.mood.voice is False
    assert config.mood.enabled is True  # words stay, as the user's own choice
    assert any("EU AI Act" in n for n in notices(config))
    assert load_config(env={}).mood.voice is True


def test_unknown_preset_is_a_clear_error() -> None:
    from tenor.config import load_config
    from tenor.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown preset"):
        load_config(env={}, flags={"privacy.preset": "mars"})


def test_speaker_profile_centres_on_the_voice_mean() -> None:
    from tenor.mood.base import SpeakerProfile

    p = SpeakerProfile()
    with pytest.raises(ValueError):
        p.centre(np.zeros(3, dtype=np.float32))
    p.add(np.array([1.0, 2.0, 3.0], dtype=np.float32))
    p.add(np.array([3.0, 2.0, 1.0], dtype=np.float32))
    assert p.n == 2
    assert np.allclose(p.centre(np.array([2.0, 2.0, 2.0], dtype=np.float32)), 0.0)
    p.add(np.zeros(5, dtype=np.float32))  # a different model's features start a new profile
    assert p.n == 1


def test_prosody_arousal_takes_its_share_of_the_voice_estimate() -> None:
    p = [1.0 if c == "neutral" else 0.0 for c in VOICE_CLASSES]
    cold = to_estimate(VoiceScores(tuple(p), 1.0))
    known = to_estimate(VoiceScores(tuple(p), 1.0, profile_n=9, prosody_arousal=0.85, prosody_weight=0.3))
    assert known.arousal == pytest.approx(0.7 * cold.arousal + 0.3 * 0.85, abs=1e-6)
    assert known.probs == cold.probs  # the classes are untouched
    assert any("arousal +0.85" in c for c in known.cues) and not any("habit" in c for c in cold.cues)
