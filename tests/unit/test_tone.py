from __future__ import annotations

from pathlib import Path

import pytest

from tenor.errors import ConfigError
from tenor.events import SafetyVerdict
from tenor.mood.base import make_estimate
from tenor.voice.tone import TableTone, load_table

TONE = TableTone()


def _verdict(action: str) -> SafetyVerdict:
    return SafetyVerdict(turn_id=0, stage="input", action=action)  # type: ignore[arg-type]


def test_crisis_always_takes_the_calmest_tone() -> None:
    happy = make_estimate({"joy": 0.95, "neutral": 0.05}, cues=(), source="t")
    plan = TONE.select(happy, _verdict("crisis"))
    assert plan.name == "calm"
    tones = load_table().tones
    assert plan.rate == min(t.rate for t in tones.values())
    assert plan.pitch_range == min(t.pitch_range for t in tones.values())


@pytest.mark.parametrize(
    ("label", "tone"), [("sadness", "gentle"), ("joy", "upbeat"), ("anger", "calm"), ("fear", "calm")]
)
def test_confident_moods_map_to_their_tone(label: str, tone: str) -> None:
    mood = make_estimate({label: 0.9, "neutral": 0.1}, cues=(), source="t")  # type: ignore[dict-item]
    assert TONE.select(mood, _verdict("allow")).name == tone


def test_uncertain_and_absent_moods_take_recessive_tones() -> None:
    mixed_negative = make_estimate({"sadness": 0.35, "anger": 0.33, "neutral": 0.32}, cues=(), source="t")
    assert mixed_negative.uncertain
    assert TONE.select(mixed_negative, _verdict("allow")).name == "warm"
    assert TONE.select(None, _verdict("allow")).name == "neutral"
    assert TONE.select(None, _verdict("refuse")).name == "serious"


def test_bad_table_is_a_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "t.toml"
    bad.write_text("[tone.neutral]\nrate = 1\n")
    with pytest.raises(ConfigError):
        load_table(bad)
    with pytest.raises(ConfigError, match="not found"):
        load_table(tmp_path / "missing.toml")
