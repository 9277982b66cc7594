"""Live sessions on scripted timelines: the real listener, session and pacer, with a scripted recogniser, model
and voice, on real time (short). Barge-in, what the history keeps, bad input, isolation."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Sequence
from pathlib import Path

from tenor.reply.base import Message
from tenor.reply.prompts import NOTE_LEAD, SYSTEM
from tenor.server.live import LiveOptions, LiveSession
from tenor.server.testing import RecordingWire, ScriptedStt, fake_services, silence, speech
from tenor.store.sqlite import Store
from tenor.testing import ScriptedReply

CHUNK_S = 0.02
LONG_REPLY = (
    "The first sentence of the reply is about this long. ",
    "The second sentence is also quite long, you see. ",
    "The third one follows. ",
    "And the fourth closes it.",
)


async def feed(session: LiveSession, pcm: bytes, *, realtime: bool = True) -> float:
    """Send ``pcm`` in 20 ms chunks, paced like a microphone; returns when the first chunk went."""
    step = int(16_000 * CHUNK_S) * 2
    t0 = time.monotonic()
    for i in range(0, len(pcm), step):
        await session.on_bytes(pcm[i : i + step])
        if realtime:
            await asyncio.sleep(max(0.0, t0 + (i // step + 1) * CHUNK_S - time.monotonic()))
        else:
            await asyncio.sleep(0)
    return t0


def test_spoken_turn_streams_transcript_mood_reply_and_paced_audio(tmp_path: Path) -> None:
    async def scenario() -> RecordingWire:
        store = Store(tmp_path / "t.db")
        wire = RecordingWire()
        session = LiveSession(fake_services(stt=ScriptedStt(("I feel great today",)), store=store), wire)
        await session.start()
        await session.on_text(json.dumps({"type": "start", "sample_rate_hz": 16_000}))
        await feed(session, silence(0.3) + speech(0.8) + silence(1.0), realtime=False)
        ended = await wire.wait_for(lambda m: m["type"] == "turn_ended")
        assert ended["status"] == "complete"
        assert {"endpoint", "stt_final", "screen", "first_sentence", "first_audio"} <= set(ended["marks_ms"])
        turns = store.turns(session.conv.session.row.id)  # type: ignore[union-attr]
        assert turns[-1].status == "complete" and turns[-1].source == "voice"
        await session.close()
        return wire

    wire = asyncio.run(scenario())
    assert wire.of("ready")[0]["version"] == 1
    finals = [m for m in wire.of("transcript") if m["final"]]
    assert finals[-1]["text"] == "I feel great today"
    assert wire.of("mood") and wire.of("tone") and wire.of("safety")
    assert [m["text"] for m in wire.of("reply")] == ["Hello there.", "How can I help?"]
    states = [m["state"] for m in wire.of("state")]
    assert states[:3] == ["listening", "thinking", "speaking"] and states[-1] == "listening"
    # Paced: audio goes out about as fast as it plays, not all at once.
    times = [t for t, _, _ in wire.audio]
    played_s = sum(n for _, _, n in wire.audio) / 2 / 16_000
    assert times[-1] - times[0] > played_s - 0.5


def test_barge_in_stops_audio_within_200_ms_and_history_keeps_what_was_heard(tmp_path: Path) -> None:
    async def scenario() -> None:
        store = Store(tmp_path / "t.db")
        reply = ScriptedReply(LONG_REPLY)
        wire = RecordingWire()
        session = LiveSession(fake_services(reply, ScriptedStt(("tell me something", "wait stop")), store=store), wire)
        await session.start()
        await session.on_text(json.dumps({"type": "start", "sample_rate_hz": 16_000}))
        await feed(session, speech(0.6) + silence(0.9), realtime=False)
        await wire.wait_for(lambda m: m["type"] == "state" and m["state"] == "speaking")
        # Keep the microphone live with room noise while tenor speaks, then talk over it 0.7 s in.
        await feed(session, silence(0.7))
        onset = await feed(session, speech(0.3))
        flush = await wire.wait_for(lambda m: m["type"] == "flush")
        flush_at = next(t for t, m in wire.messages if m is flush)
        assert (flush_at - onset) * 1000 <= 200, f"stopped after {(flush_at - onset) * 1000:.0f} ms"
        interrupted_turn = flush["turn"]
        assert not [t for t, turn, _ in wire.audio if turn == interrupted_turn and t > flush_at]
        await feed(session, speech(0.5) + silence(0.9))
        ended = await wire.wait_for(lambda m: m["type"] == "turn_ended" and m["turn"] == interrupted_turn)
        assert ended["status"] == "interrupted"
        # Only what was heard (0.7 s of the first sentence's ~1 s) is kept, and marked as cut off.
        first = session.conv.session.history[0]
        assert first.interrupted and first.reply.endswith("...")
        assert first.reply.startswith("The first") and "second" not in first.reply
        row = store.turns(session.conv.session.row.id)[0]  # type: ignore[union-attr]
        assert row.status == "interrupted" and row.reply_text == first.reply
        # The next turn ran, and the model was told it had been interrupted.
        nxt = await wire.wait_for(lambda m: m["type"] == "turn_ended" and m["turn"] > interrupted_turn)
        assert nxt["status"] == "complete"
        assert "[the user interrupted here]" in reply.calls[-1][-3].content
        await session.close()

    asyncio.run(scenario())


def test_barge_in_after_the_model_finished_still_truncates_to_what_was_heard(tmp_path: Path) -> None:
    async def scenario() -> None:
        wire = RecordingWire()
        session = LiveSession(fake_services(ScriptedReply(LONG_REPLY)), wire)
        await session.start()
        await session.on_text(json.dumps({"type": "text", "text": "tell me something"}))
        await wire.wait_for(lambda m: m["type"] == "reply_done")  # the model and the voice are done
        await asyncio.sleep(1.5)  # ... but the person has heard only the first sentence or so
        await session.on_text(json.dumps({"type": "interrupt"}))
        ended = await wire.wait_for(lambda m: m["type"] == "turn_ended")
        assert ended["status"] == "interrupted"
        heard = session.conv.session.history[-1].reply
        assert heard.startswith("The first sentence of the reply is about this long.")
        assert "fourth" not in heard
        await session.close()

    asyncio.run(scenario())


def test_bad_input_is_answered_and_the_session_goes_on() -> None:
    async def scenario() -> RecordingWire:
        wire = RecordingWire()
        session = LiveSession(fake_services(options=LiveOptions(max_message_bytes=65_536)), wire)
        await session.start()
        await session.on_text("{not json")
        await session.on_text('["a list"]')
        await session.on_text('{"type": "dance"}')
        await session.on_text('{"type": "start", "sample_rate_hz": "fast"}')
        await session.on_text('{"type": "start", "sample_rate_hz": 16000, "encoding": "opus"}')
        await session.on_text('{"type": "text", "text": ""}')
        await session.on_bytes(b"\x00\x01" * 100)  # audio before start
        await session.on_text('{"type": "start", "sample_rate_hz": 16000}')
        await session.on_bytes(b"RIFF" + bytes(100))  # a WAV file, not PCM frames
        await session.on_bytes(b"\x00" * 3)  # half a sample
        await session.on_bytes(bytes(100_000))  # over the limit
        await session.on_text(json.dumps({"type": "text", "text": "x" * 70_000}))
        await session.on_text(json.dumps({"type": "text", "text": "hello"}))
        await wire.wait_for(lambda m: m["type"] == "turn_ended")
        await session.close()
        return wire

    wire = asyncio.run(scenario())
    codes = [m["code"] for m in wire.of("error")]
    assert codes == [
        "bad_json",
        "bad_json",
        "unknown_type",
        "bad_message",
        "bad_audio",
        "input",
        "not_started",
        "bad_audio",
        "bad_audio",
        "too_large",
        "too_large",
    ]
    assert wire.of("turn_ended")[-1]["status"] == "complete"


def test_sessions_are_isolated_and_settings_and_forget_are_per_session(tmp_path: Path) -> None:
    async def scenario() -> tuple[RecordingWire, RecordingWire]:
        store = Store(tmp_path / "t.db")
        services = fake_services(store=store)
        a_wire, b_wire = RecordingWire(), RecordingWire()
        a, b = LiveSession(services, a_wire), LiveSession(services, b_wire)
        await asyncio.gather(a.start(), b.start())
        await a.on_text('{"type": "settings", "mood": false}')
        await asyncio.gather(
            a.on_text('{"type": "text", "text": "I am so happy today"}'),
            b.on_text('{"type": "text", "text": "my cat died and I am sad"}'),
        )
        await asyncio.gather(
            a_wire.wait_for(lambda m: m["type"] == "turn_ended"), b_wire.wait_for(lambda m: m["type"] == "turn_ended")
        )
        assert [e.user for e in a.conv.session.history] == ["I am so happy today"]
        assert [e.user for e in b.conv.session.history] == ["my cat died and I am sad"]
        b_name = b.conv.session.name
        await b.on_text('{"type": "forget"}')
        await b_wire.wait_for(lambda m: m["type"] == "forgotten")
        assert store.find_session(b_name) is None and not b.conv.session.history
        assert store.find_session(a.conv.session.name) is not None
        await asyncio.gather(a.close(), b.close())
        return a_wire, b_wire

    a_wire, b_wire = asyncio.run(scenario())
    assert a_wire.of("settings") == [{"type": "settings", "mood": False}]
    assert not a_wire.of("mood")  # mood off: none computed or sent
    assert b_wire.of("mood")
    assert b_wire.of("forgotten")[0]["turns"] == 1


def test_a_session_that_ends_leaves_the_shared_model_open_for_the_next() -> None:
    # Every session of a server shares one reply backend: the first socket to close closed it, and every later
    # one got "internal error in reply" (an OpenAI-compatible client cannot be reopened).
    async def scenario() -> tuple[RecordingWire, ScriptedReply]:
        reply = ScriptedReply()
        services = fake_services(reply)
        first = LiveSession(services, RecordingWire())
        await first.start()
        await first.close()
        wire = RecordingWire()
        second = LiveSession(services, wire)
        await second.start()
        await second.on_text('{"type": "text", "text": "tell me something"}')
        await wire.wait_for(lambda m: m["type"] == "turn_ended")
        await second.close()
        return wire, reply

    wire, reply = asyncio.run(scenario())
    assert not wire.of("error") and wire.of("turn_ended")[0]["status"] == "complete"
    assert [m["text"] for m in wire.of("reply")] == ["Hello there.", "How can I help?"]
    assert not reply.closed and len(reply.calls) == 1


class ReadingAheadReply(ScriptedReply):
    """A scripted model that also records the prompt starts it is asked to read ahead."""

    def __init__(self) -> None:
        super().__init__()
        self.ahead: list[list[Message]] = []

    async def prefill(self, messages: Sequence[Message]) -> None:
        self.ahead.append(list(messages))


def test_the_session_has_the_model_read_ahead_at_start_and_after_each_turn() -> None:
    async def scenario() -> ReadingAheadReply:
        reply = ReadingAheadReply()
        wire = RecordingWire()
        session = LiveSession(fake_services(reply), wire)
        await session.start()
        await asyncio.sleep(0)
        assert len(reply.ahead) == 1  # the instructions and the note's first line, before anyone speaks
        await session.on_text(json.dumps({"type": "text", "text": "I feel great today"}))
        await wire.wait_for(lambda m: m["type"] == "turn_ended")
        await asyncio.sleep(0)
        await session.close()
        return reply

    reply = asyncio.run(scenario())
    assert len(reply.ahead) == 2
    first, after = reply.ahead
    assert first[0].content == SYSTEM and first[-1] == Message("system", NOTE_LEAD)
    # After the turn: the exchange just had, then the start of the next note, where the next turn's words go.
    assert [m.content for m in after[-3:]] == ["I feel great today", "Hello there. How can I help?", NOTE_LEAD]
