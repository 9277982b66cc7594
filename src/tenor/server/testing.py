"""Fakes for the server's tests (and users' own): a scripted recogniser, an energy VAD, a tone speaker, a
recording wire, and synthetic "speech" (tone bursts) to feed the real listener and the real session."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
from numpy.typing import NDArray

from tenor.config import Config
from tenor.events import TonePlan
from tenor.listen.listener import Listener, ListenOptions
from tenor.listen.stt import SttResult, WhisperSTT
from tenor.pipeline import Components
from tenor.safety.screen import RuleScreen
from tenor.server.live import ListenerFactory, LiveOptions, Services, Transform
from tenor.server.protocol import AUDIO_HEADER
from tenor.store.sqlite import Store
from tenor.testing import ScriptedReply
from tenor.voice.tone import TableTone
from tenor.voice.tts import Speaker

SAMPLE_RATE_HZ = 16_000


@dataclass
class ScriptedStt:
    """Stands in for Whisper: each final decode returns the next scripted text (the last one repeats)."""

    texts: Sequence[str] = ("hello there",)
    # Seconds each decode takes, to exercise the listener's speculation.
    delay_s: float = 0.0
    finals: int = 0

    def decode(
        self, audio: NDArray[np.float32], *, words: bool = False, states: bool = False, offset_s: float = 0.0
    ) -> SttResult:
        if self.delay_s:
            time.sleep(self.delay_s)
        if not words:  # a partial decode
            return SttResult(self.texts[min(self.finals, len(self.texts) - 1)].split()[0])
        text = self.texts[min(self.finals, len(self.texts) - 1)]
        self.finals += 1
        return SttResult(text)


def energy_vad(frame: NDArray[np.int16]) -> float:
    """Speech probability from loudness alone: a tone burst is "speech", near-silence is not."""
    rms = float(np.sqrt(np.mean(frame.astype(np.float64) ** 2))) / 32768.0 if len(frame) else 0.0
    return 1.0 if rms > 0.02 else 0.0


def scripted_listener(stt: ScriptedStt, options: ListenOptions | None = None) -> ListenerFactory:
    """The real listener (endpointing, partials, speculation) on a scripted recogniser and an energy VAD."""

    def make(on_voice: Callable[[float], None]) -> Transform:
        def vad(frame: NDArray[np.int16]) -> float:
            prob = energy_vad(frame)
            on_voice(prob)
            return prob

        return Listener(cast(WhisperSTT, stt), options or ListenOptions(partials=False), vad=vad)

    return make


class ToneSpeaker(Speaker):
    """Speaks every sentence as a quiet tone lasting ``ms_per_char`` per character, one chunk per sentence."""

    def __init__(self, ms_per_char: float = 20.0, rate_hz: int = 16_000) -> None:
        super().__init__(synth=cast(Any, None))
        self.ms_per_char = ms_per_char
        self.rate_hz = rate_hz

    @property
    def sample_rate_hz(self) -> int:
        return self.rate_hz

    def speak(self, sentence: str, plan: TonePlan, *, lead: bool = False) -> Iterator[NDArray[np.int16]]:
        n = int(len(sentence) * self.ms_per_char / 1000 * self.rate_hz)
        t = np.arange(n) / self.rate_hz
        yield (np.sin(2 * np.pi * 220 * t) * 3000).astype(np.int16)


def fake_services(
    reply: ScriptedReply | None = None,
    stt: ScriptedStt | None = None,
    *,
    config: Config | None = None,
    store: Store | None = None,
    options: LiveOptions | None = None,
    speaker: Speaker | None = None,
) -> Services:
    """Services on the real screen, tone table and lexicon mood, with a scripted model, recogniser and voice."""
    from tenor.mood.lexicon import LexiconMood

    config = config or Config()
    components = Components(
        reply=reply or ScriptedReply(),
        screen=RuleScreen(),
        tone=TableTone(),
        mood_text=LexiconMood(),
        speaker=speaker or ToneSpeaker(),
    )
    return Services(
        config=config,
        components=components,
        store=store,
        listener=scripted_listener(stt or ScriptedStt()),
        options=options or LiveOptions(),
    )


def speech(seconds: float, rate_hz: int = SAMPLE_RATE_HZ, level: float = 0.3) -> bytes:
    """A tone burst the energy VAD hears as speech, PCM16."""
    t = np.arange(int(seconds * rate_hz)) / rate_hz
    return (np.sin(2 * np.pi * 180 * t) * level * 32767).astype("<i2").tobytes()


def silence(seconds: float, rate_hz: int = SAMPLE_RATE_HZ) -> bytes:
    return bytes(2 * int(seconds * rate_hz))


@dataclass
class RecordingWire:
    """Keeps every message a session sends, with its time; audio frames as (time, turn id, bytes)."""

    messages: list[tuple[float, dict[str, Any]]] = field(default_factory=list)
    audio: list[tuple[float, int, int]] = field(default_factory=list)
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    async def send_text(self, data: str) -> None:
        self.messages.append((time.monotonic(), json.loads(data)))
        self.changed.set()

    async def send_bytes(self, data: bytes) -> None:
        (turn,) = AUDIO_HEADER.unpack_from(data)
        self.audio.append((time.monotonic(), turn, len(data) - AUDIO_HEADER.size))
        self.changed.set()

    def of(self, kind: str) -> list[dict[str, Any]]:
        return [m for _, m in self.messages if m.get("type") == kind]

    async def wait_for(self, predicate: Callable[[dict[str, Any]], bool], timeout_s: float = 10.0) -> dict[str, Any]:
        """The first message (already sent or still to come) matching ``predicate``."""
        deadline = time.monotonic() + timeout_s
        seen = 0
        while True:
            for _, m in self.messages[seen:]:
                if predicate(m):
                    return m
            seen = len(self.messages)
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no matching message in {timeout_s} s; got {[m for _, m in self.messages]}")
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), left)
            except TimeoutError:
                continue


@contextmanager
def serve_in_thread(app: Any) -> Iterator[str]:
    """Run ``app`` on uvicorn (as ``tenor serve`` does) on a free loopback port in a thread; yields the base URL."""
    import socket
    import threading

    import uvicorn

    from tenor.server.app import TRANSPORT_MAX_BYTES

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            host="127.0.0.1",
            port=port,
            log_level="warning",
            ws="websockets-sansio",
            ws_max_size=TRANSPORT_MAX_BYTES,
            ws_per_message_deflate=False,
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m tenor.server.testing --db PATH --port N``: the real app, store and uvicorn server as ``tenor
    serve`` runs them, with a scripted model and voice (for crash and load tests that must not wait on models)."""
    import argparse

    import uvicorn

    from tenor.server.app import TRANSPORT_MAX_BYTES, create_app

    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("--db", required=True, help="SQLite store file")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--reply-delay-s", type=float, default=0.05, help="seconds before each scripted reply piece")
    args = ap.parse_args(argv)
    store = Store(args.db)
    reply = ScriptedReply(("Thank you for telling me. ", "I hear you, and I am here. ", "Go on."), args.reply_delay_s)
    options = LiveOptions(turns_per_minute=0, sessions_per_client=0)
    app = create_app(lambda: fake_services(reply, store=store, options=options))
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=args.port,
        log_level="warning",
        ws="websockets-sansio",
        ws_max_size=TRANSPORT_MAX_BYTES,
        ws_per_message_deflate=False,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
