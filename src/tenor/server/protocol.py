"""The WebSocket protocol, version 1: typed JSON messages both ways, binary PCM16 audio frames both ways.

Client to server, text frames: one JSON object with a ``type`` (``hello``, ``start``, ``stop``, ``text``,
``settings``, ``interrupt``, ``forget``); binary frames: raw little-endian PCM16 mono microphone audio at the
rate the last ``start`` declared. Server to client, text frames: the messages built below; binary frames: a
4-byte little-endian turn id, then PCM16 mono reply audio at the rate ``ready`` announced. Every client
mistake is answered with an ``error`` message and the session goes on. ``docs/protocol.md`` is the reference.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal

from tenor.config import Config, notices
from tenor.events import (
    Event,
    Interrupted,
    MoodEstimate,
    ReplyDone,
    ReplySentence,
    SafetyVerdict,
    SpeechEnded,
    SpeechStarted,
    StageError,
    TonePlan,
    Transcript,
    TurnEnded,
    TurnStarted,
)

if TYPE_CHECKING:
    from tenor.server.options import LiveOptions

# Bumped on any change a version-1 client could misread; a client that says another version is told so.
PROTOCOL_VERSION: Final = 1
# Prefix of every reply audio frame: the turn id it belongs to, so a client can drop audio of a turn it
# has already flushed even if a frame was in flight when the flush was decided.
AUDIO_HEADER: Final = struct.Struct("<I")
# Microphone rates accepted, Hz: telephone band up to studio rates (browsers use 44.1 or 48 kHz).
MIN_RATE_HZ: Final = 8_000
MAX_RATE_HZ: Final = 96_000
# Longest text message, in characters, before the pipeline's own limit (safety.max_input_chars) applies.
MAX_TEXT_CHARS: Final = 100_000

ErrorCode = Literal[
    "bad_json",  # not JSON, or not an object
    "bad_message",  # a known type with missing or ill-typed fields
    "unknown_type",  # a type this version does not know
    "too_large",  # a message over server.max_message_bytes
    "bad_audio",  # audio that is not PCM16 as declared
    "not_started",  # audio before a start message
    "version",  # a protocol version this server does not speak
    "input",  # text the pipeline cannot use (empty, binary, too long)
    "busy",  # a request that cannot be served now (too many sessions from this client)
    "too_long",  # a spoken turn over server.max_turn_audio_s
    "rate_limited",  # more turns than server.turns_per_minute
    "idle",  # no message for server.idle_timeout_s; the socket is closed after it
    "storage",  # the store cannot save (disk full, read-only); the session goes on
    "internal",  # a server fault; the session goes on
]
State = Literal["idle", "listening", "thinking", "speaking"]


class ProtocolError(Exception):
    """A client message the server cannot act on; becomes an ``error`` message, never a disconnect."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code: ErrorCode = code
        self.message = message


# --- client messages ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hello:
    # Protocol version the client speaks.
    version: int


@dataclass(frozen=True)
class Start:
    # Sample rate of the microphone frames that follow, in Hz.
    sample_rate_hz: int


@dataclass(frozen=True)
class Stop:
    pass


@dataclass(frozen=True)
class Text:
    # What the person typed.
    text: str


@dataclass(frozen=True)
class Settings:
    # Mood inference on or off for this session; None leaves it as it is.
    mood: bool | None = None


@dataclass(frozen=True)
class Interrupt:
    pass


@dataclass(frozen=True)
class Forget:
    pass


ClientMessage = Hello | Start | Stop | Text | Settings | Interrupt | Forget


def _field(obj: dict[str, Any], name: str, kind: type[Any], kind_name: str, *, required: bool = True) -> Any:
    if name not in obj:
        if required:
            raise ProtocolError("bad_message", f"{obj['type']!r} needs a {name!r} field ({kind_name})")
        return None
    value = obj[name]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ProtocolError("bad_message", f"{obj['type']}.{name} must be {kind_name}, not {type(value).__name__}")
    return value


def parse_client(raw: str) -> ClientMessage:
    """One client text frame as a typed message, or a ``ProtocolError`` saying what is wrong."""
    try:
        obj = json.loads(raw)
    except (ValueError, RecursionError):  # ValueError: also a number past Python's 4,300 digits
        raise ProtocolError("bad_json", "the message is not valid JSON") from None
    if not isinstance(obj, dict):
        raise ProtocolError("bad_json", "a message must be a JSON object with a 'type'")
    kind = obj.get("type")
    if not isinstance(kind, str):
        raise ProtocolError("bad_message", "a message needs a 'type' string")
    if kind == "hello":
        version = _field(obj, "version", int, "an integer")
        if version != PROTOCOL_VERSION:
            raise ProtocolError("version", f"this server speaks protocol version {PROTOCOL_VERSION}, not {version}")
        return Hello(version)
    if kind == "start":
        rate = _field(obj, "sample_rate_hz", int, "an integer")
        encoding = obj.get("encoding", "pcm16")
        if encoding != "pcm16":
            raise ProtocolError("bad_audio", f"audio encoding {encoding!r} is not supported; send 'pcm16'")
        if not MIN_RATE_HZ <= rate <= MAX_RATE_HZ:
            raise ProtocolError("bad_audio", f"sample_rate_hz must be {MIN_RATE_HZ}-{MAX_RATE_HZ}, not {rate}")
        channels = obj.get("channels", 1)
        if channels != 1:
            raise ProtocolError("bad_audio", f"send mono audio (channels 1), not channels {channels!r}")
        return Start(rate)
    if kind == "stop":
        return Stop()
    if kind == "text":
        text = _field(obj, "text", str, "a string")
        if len(text) > MAX_TEXT_CHARS:
            raise ProtocolError("too_large", f"text messages are limited to {MAX_TEXT_CHARS:,} characters")
        return Text(text)
    if kind == "settings":
        return Settings(mood=_field(obj, "mood", bool, "true or false", required=False))
    if kind == "interrupt":
        return Interrupt()
    if kind == "forget":
        return Forget()
    shown = kind if len(kind) <= 40 else kind[:40] + "..."
    raise ProtocolError("unknown_type", f"unknown message type {shown!r} (protocol version {PROTOCOL_VERSION})")


def check_audio_frame(frame: bytes) -> None:
    """A microphone frame must be PCM16: whole samples, and not an audio file sent as-is."""
    if frame[:4] in (b"RIFF", b"OggS", b"fLaC", b"ID3\x03", b"ID3\x04") or frame[:4] == b"\x1aE\xdf\xa3":
        raise ProtocolError("bad_audio", "send raw PCM16 samples, not an audio file (WAV, Ogg, FLAC, MP3, WebM)")
    if len(frame) % 2:
        raise ProtocolError("bad_audio", f"a PCM16 frame has an even number of bytes, not {len(frame)}")


# --- server messages ---------------------------------------------------------------------------------


def dumps(message: dict[str, Any]) -> str:
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))


def error(code: ErrorCode, message: str) -> dict[str, Any]:
    return {"type": "error", "code": code, "message": message}


def limit_error(code: ErrorCode, limit: str, message: str) -> dict[str, Any]:
    """An error for a limit exceeded; ``limit`` names the setting (``server.<limit>``)."""
    return {"type": "error", "code": code, "limit": limit, "message": message}


def audio_frame(turn_id: int, pcm: bytes) -> bytes:
    return AUDIO_HEADER.pack(turn_id) + pcm


def mood_message(ev: MoodEstimate) -> dict[str, Any]:
    return {
        "type": "mood",
        "turn": ev.turn_id,
        "label": ev.label,
        "confidence": round(ev.confidence, 3),
        "valence": round(ev.valence, 3),
        "arousal": round(ev.arousal, 3),
        "uncertain": ev.uncertain,
        "probs": {k: round(v, 3) for k, v in ev.probs.items()},
        "source": ev.source,
    }


def event_message(ev: Event) -> dict[str, Any] | None:
    """The message for one pipeline or listener event; None for events the page does not see.

    Reply text reaches the page only as ``ReplySentence`` and ``ReplyDone``: sentences that passed the
    output screen. Output-screen reasons are never sent, since they may quote what the screen removed.
    """
    tid = ev.turn_id
    if isinstance(ev, Transcript):
        return {"type": "transcript", "turn": tid, "text": ev.text, "final": ev.final}
    if isinstance(ev, MoodEstimate):
        return mood_message(ev)
    if isinstance(ev, SafetyVerdict):
        return {"type": "safety", "turn": tid, "stage": ev.stage, "action": ev.action, "categories": ev.categories}
    if isinstance(ev, TonePlan):
        return {"type": "tone", "turn": tid, "name": ev.name, "reason": ev.reason}
    if isinstance(ev, ReplySentence):
        return {"type": "reply", "turn": tid, "index": ev.index, "text": ev.text, "source": ev.source}
    if isinstance(ev, ReplyDone):
        return {"type": "reply_done", "turn": tid, "text": ev.text, "truncated": ev.truncated}
    if isinstance(ev, StageError):
        return {"type": "error", "code": "internal", "turn": tid, "stage": ev.stage, "message": ev.message}
    if isinstance(ev, TurnStarted):
        return {"type": "turn_started", "turn": tid, "source": ev.source}
    if isinstance(ev, Interrupted):
        return {"type": "interrupted", "turn": tid, "reason": ev.reason}
    if isinstance(ev, TurnEnded):
        return {"type": "turn_ended", "turn": tid, "status": ev.status, "error": ev.error, "timings_ms": ev.timings_ms}
    if isinstance(ev, SpeechStarted):
        return {"type": "speech", "speaking": True, "at_s": ev.at_s}
    if isinstance(ev, SpeechEnded):
        return {"type": "speech", "speaking": False, "at_s": ev.at_s, "speech_end_s": ev.speech_end_s}
    return None


def ready(config: Config, options: LiveOptions, session: str, audio_out_rate_hz: int | None) -> dict[str, Any]:
    """The ``ready`` message: the protocol, the audio formats, the settings and limits in force."""
    return {
        "type": "ready",
        "version": PROTOCOL_VERSION,
        "session": session,
        "audio_out": {"encoding": "pcm16", "sample_rate_hz": audio_out_rate_hz, "header": "uint32le turn id"},
        "audio_in": {"encoding": "pcm16", "min_rate_hz": MIN_RATE_HZ, "max_rate_hz": MAX_RATE_HZ},
        "settings": {"mood": config.mood.enabled, "voice_mood": config.mood.enabled and config.mood.voice},
        "privacy": {"preset": config.privacy.preset, "keep_audio": config.privacy.keep_audio},
        # What the person must be told about the settings in force (the eu preset, mood off); the page shows
        # each line.
        "notices": notices(config),
        "limits": {
            "max_message_bytes": options.max_message_bytes,
            "max_turn_audio_s": options.max_turn_audio_s,
            "turns_per_minute": options.turns_per_minute,
            "idle_timeout_s": options.idle_timeout_s,
        },
    }
