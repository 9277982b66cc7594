"""The public API is a promise: this test fails when it changes by accident."""

from __future__ import annotations

import tenor
from tenor import registry

PUBLIC = {
    "AudioChunk",
    "BackendUnavailable",
    "CancelScope",
    "CancelToken",
    "Components",
    "Config",
    "ConfigError",
    "Conversation",
    "Event",
    "EventStage",
    "InputError",
    "Interrupted",
    "MoodEstimate",
    "ReplyDone",
    "ReplyError",
    "ReplySentence",
    "SafetyVerdict",
    "SpeechAudio",
    "SpeechEnded",
    "SpeechStarted",
    "Stage",
    "StageError",
    "Store",
    "StoreError",
    "TenorError",
    "TonePlan",
    "Transcript",
    "TurnEnded",
    "TurnResult",
    "TurnStarted",
    "__version__",
    "compose",
    "load_config",
}


def test_public_api_is_exactly_what_is_documented() -> None:
    assert set(tenor.__all__) == PUBLIC
    for name in tenor.__all__:
        assert hasattr(tenor, name)


def test_builtin_backends_are_registered_through_entry_points() -> None:
    assert {"embedded", "openai"} <= set(registry.available("reply"))
    assert "lexicon" in registry.available("mood_text")
    assert "rules" in registry.available("screen")
    assert "table" in registry.available("tone")


def test_unknown_backend_is_a_clear_config_error() -> None:
    import pytest

    from tenor.config import Config
    from tenor.errors import ConfigError

    with pytest.raises(ConfigError, match="no reply backend named 'nope'"):
        registry.create("reply", "nope", Config())
