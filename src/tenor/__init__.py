"""tenor: a self-hosted, safety-first voice assistant that hears how a person feels and answers in a
fitting tone. The public API is listed in ``__all__`` and guarded by a test."""

from tenor.cancel import CancelScope, CancelToken
from tenor.config import Config, load_config
from tenor.errors import (
    BackendUnavailable,
    ConfigError,
    InputError,
    ReplyError,
    StoreError,
    TenorError,
)
from tenor.events import (
    AudioChunk,
    Event,
    Interrupted,
    MoodEstimate,
    ReplyDone,
    ReplySentence,
    SafetyVerdict,
    SpeechAudio,
    SpeechEnded,
    SpeechStarted,
    StageError,
    TonePlan,
    Transcript,
    TurnEnded,
    TurnStarted,
)
from tenor.pipeline import Components, Conversation, TurnResult, compose
from tenor.stage import EventStage, Stage
from tenor.store.sqlite import Store

__version__ = "0.1.0"

__all__ = [
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
]
