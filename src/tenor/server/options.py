"""What a live session is built from: its options (the limits among them), the services every session shares,
and the wire it talks on. Split from ``live`` to keep that module to the session itself."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Protocol

from tenor.config import Config
from tenor.events import Event
from tenor.pipeline import Components
from tenor.store.sqlite import Store

Transform = Callable[[AsyncIterator[Event]], AsyncIterator[Event]]
# Builds a listener for one microphone stream; it must call the given callback with every VAD frame's speech
# probability from the voice model alone (32 ms frames, no energy assist), which is what barge-in listens to.
ListenerFactory = Callable[[Callable[[float], None]], Transform]


class Wire(Protocol):
    """Where a session's messages go (a WebSocket, or a recorder in tests)."""

    async def send_text(self, data: str) -> None: ...

    async def send_bytes(self, data: bytes) -> None: ...


@dataclass(frozen=True)
class LiveOptions:
    # Reply audio sent ahead of the person's playback, in ms (see server.audio_lead_ms).
    audio_lead_ms: int = 300
    # Consecutive voiced time during tenor's reply that counts as a barge-in, in ms.
    barge_in_ms: int = 64
    # Largest client message, in bytes.
    max_message_bytes: int = 1_048_576
    # Longest spoken turn, in seconds of microphone audio from its first voiced frame (server.max_turn_audio_s).
    max_turn_audio_s: float = 60.0
    # Most turns a session may start per minute; 0: no limit (server.turns_per_minute).
    turns_per_minute: int = 20
    # Most open sessions per client address; 0: no limit (server.sessions_per_client).
    sessions_per_client: int = 4
    # Seconds without a client message, and no turn in flight, before the session is closed; 0: never.
    idle_timeout_s: float = 600.0
    # Start the reply at the person's first pause (server.early_reply).
    early_reply: bool = True

    @classmethod
    def from_config(cls, config: Config) -> LiveOptions:
        s = config.server
        return cls(
            audio_lead_ms=s.audio_lead_ms,
            barge_in_ms=s.barge_in_ms,
            max_message_bytes=s.max_message_bytes,
            max_turn_audio_s=s.max_turn_audio_s,
            turns_per_minute=s.turns_per_minute,
            sessions_per_client=s.sessions_per_client,
            idle_timeout_s=s.idle_timeout_s,
            early_reply=s.early_reply,
        )


@dataclass
class Services:
    """What every session shares: settings, models, the store and the listener factory."""

    # Settings; each session copies them and may change its own (mood on or off).
    config: Config
    # Backends, speaker included; shared, since each holds one model for the whole process.
    components: Components
    # Where turns are kept; None keeps nothing.
    store: Store | None
    # Microphone streams to speech events.
    listener: ListenerFactory
    # Per-session behaviour.
    options: LiveOptions = field(default_factory=LiveOptions)
