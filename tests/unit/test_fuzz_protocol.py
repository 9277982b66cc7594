"""Property tests of the WebSocket protocol: any text frame parses to a typed message or a ``ProtocolError``
(never another exception), and any sequence of frames leaves a live session answering. ``benchmarks/fuzz.py``
runs the same checks at 10,000 cases."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tenor.server import protocol as p
from tenor.server.live import LiveOptions, LiveSession
from tenor.server.testing import RecordingWire, ToneSpeaker, fake_services
from tenor.testing import ScriptedReply

TYPES = ("hello", "start", "stop", "text", "settings", "interrupt", "forget", "teleport", "")
FIELDS = ("type", "version", "sample_rate_hz", "encoding", "channels", "text", "mood")
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
messages = st.one_of(
    st.fixed_dictionaries(
        {"type": st.sampled_from(TYPES)},
        optional={f: json_values for f in FIELDS[1:]},
    ),
    st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=6), json_values, max_size=5),
    json_values,
)
text_frames = st.one_of(
    messages.map(lambda m: json.dumps(m, allow_nan=True)),
    st.text(max_size=200),
    st.sampled_from(['{"type": "text", "text": "hi"', "[" * 5000, '{"type":"start","sample_rate_hz":1e400}']),
)
frames = st.one_of(text_frames, st.binary(max_size=2048))
FAST = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


def check_parse(raw: str) -> None:
    """A frame is a typed message or a ProtocolError with a known code and a message."""
    try:
        msg = p.parse_client(raw)
    except p.ProtocolError as err:
        assert err.code in p.ErrorCode.__args__ and err.message  # type: ignore[attr-defined]
        return
    assert isinstance(msg, p.Hello | p.Start | p.Stop | p.Text | p.Settings | p.Interrupt | p.Forget)


def _services() -> Any:
    reply = ScriptedReply(("Okay.",))
    return fake_services(reply, options=LiveOptions(turns_per_minute=0), speaker=ToneSpeaker(ms_per_char=0.5))


async def run_session(sequence: list[str | bytes], services: Any | None = None) -> None:
    """Feed frames to a session; nothing may escape, and the session still answers a hello afterwards."""
    wire = RecordingWire()
    session = LiveSession(services or _services(), wire)
    try:
        await session.start()
        for frame in sequence:
            if isinstance(frame, bytes):
                await session.on_bytes(frame)
            else:
                await session.on_text(frame)
        n = len(wire.of("ready"))
        await session.on_text('{"type": "hello", "version": 1}')
        assert len(wire.of("ready")) == n + 1, "the session stopped answering"
        assert not session.closed
    finally:
        await session.close()
    for m in wire.of("error"):
        assert m["code"] in p.ErrorCode.__args__ and m["message"]  # type: ignore[attr-defined]


def check_session(sequence: list[str | bytes]) -> None:
    asyncio.run(run_session(sequence))


@FAST
@given(text_frames)
def test_any_text_frame_parses_or_is_a_protocol_error(raw: str) -> None:
    check_parse(raw)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(frames, max_size=8))
def test_any_frame_sequence_leaves_the_session_answering(sequence: list[str | bytes]) -> None:
    check_session(sequence)


def test_known_nasty_frames() -> None:
    check_session(
        [
            '{"type": "start", "sample_rate_hz": 16000}',
            b"\x00" * 3,
            b"RIFF" + b"\x00" * 40,
            '{"type": "settings", "mood": "yes"}',
            '{"type": "text", "text": "\\u0000\\u0000"}',
            "[" * 100_000,
            '{"type": "hello", "version": true}',
            # A number past Python's 4,300 digits: json raised ValueError, and the socket dropped.
            '{"type": "start", "sample_rate_hz": ' + "9" * 5000 + "}",
        ]
    )
    with pytest.raises(p.ProtocolError):
        p.parse_client('{"type": "start", "sample_rate_hz": ' + "9" * 5000 + "}")
