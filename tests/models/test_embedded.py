"""The embedded backend on the real SmolLM2-135M GGUF (llama.cpp, CPU)."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator

import pytest

from tenor.cancel import CancelScope
from tenor.config import Config
from tenor.errors import ReplyError
from tenor.events import ReplySentence, SafetyVerdict
from tenor.pipeline import Components, Conversation
from tenor.reply.base import GenerationOptions, Message
from tenor.reply.llama import EmbeddedReply, bundled_model_path
from tests.helpers import tenor


@pytest.fixture(scope="module")
def model() -> Iterator[EmbeddedReply]:
    backend = EmbeddedReply(str(bundled_model_path()))
    yield backend
    asyncio.run(backend.aclose())


def test_streams_pieces_from_the_bundled_model(model: EmbeddedReply) -> None:
    async def go() -> list[str]:
        scope = CancelScope()
        msgs = [Message("system", "You are a helpful assistant."), Message("user", "Say hello in one sentence.")]
        return [p async for p in model.stream(msgs, GenerationOptions(max_tokens=30), scope.new_turn())]

    pieces = asyncio.run(go())
    assert len(pieces) > 3
    assert "".join(pieces).strip()
    assert model.count_tokens("hello world") >= 2


def test_the_model_runs_below_listening_and_speaking(monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import threading

    seen: list[tuple[int, int]] = []
    real = os.setpriority

    def record(which: int, who: int, prio: int) -> None:
        real(which, who, prio)
        seen.append((who, os.getpriority(os.PRIO_PROCESS, who)))

    monkeypatch.setattr(os, "setpriority", record)
    mine = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    lower = min(19, mine + 7)
    backend = EmbeddedReply(str(bundled_model_path()), nice=lower)

    async def go() -> list[str]:
        msgs = [Message("system", "You are a helpful assistant."), Message("user", "Say hi.")]
        return [p async for p in backend.stream(msgs, GenerationOptions(max_tokens=4), CancelScope().new_turn())]

    try:
        assert asyncio.run(go())
    finally:
        asyncio.run(backend.aclose())
    # The generating thread (not this one) was lowered; the caller's priority is untouched.
    assert len(seen) == 1 and seen[0][0] != threading.get_native_id() and seen[0][1] == lower
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == mine


def test_cancel_stops_generation_promptly(model: EmbeddedReply) -> None:
    async def go() -> tuple[int, float]:
        scope = CancelScope()
        token = scope.new_turn()
        msgs = [Message("user", "Write a very long story about a dragon, with many chapters.")]
        n = 0
        t_cancel = 0.0
        async for _ in model.stream(msgs, GenerationOptions(max_tokens=400), token):
            n += 1
            if n == 5:
                scope.cancel("test")
                t_cancel = time.perf_counter()
        return n, time.perf_counter() - t_cancel

    n, after_s = asyncio.run(go())
    assert n < 20  # far fewer than the 400 tokens asked for
    assert after_s < 1.0


def test_a_prompt_longer_than_the_context_is_a_clear_error() -> None:
    small = EmbeddedReply(str(bundled_model_path()), context_tokens=256)

    async def go() -> None:
        async for _ in small.stream([Message("user", "word " * 400)], GenerationOptions(), CancelScope().new_turn()):
            pass

    with pytest.raises(ReplyError, match="too long for the language model"):
        asyncio.run(go())
    asyncio.run(small.aclose())


def test_a_full_turn_on_embedded_defaults() -> None:
    config = Config()
    conv = Conversation(config, Components.from_config(config))

    async def go() -> tuple[list[object], object]:
        events = [ev async for ev in conv.turn("I just lost my job and I feel awful")]
        return events, events[-1]

    events, ended = asyncio.run(go())
    asyncio.run(conv.aclose())
    sentences = [e for e in events if isinstance(e, ReplySentence)]
    assert sentences and all(s.source == "model" for s in sentences)
    assert len(sentences) <= config.reply.max_sentences
    # Every sentence the person gets has passed the output screen: any non-allow verdict replaced it.
    for v in (e for e in events if isinstance(e, SafetyVerdict) and e.stage == "output"):
        assert v.action != "allow"
    assert getattr(ended, "status", None) == "complete"


def test_chat_once_json_on_embedded_defaults_fills_every_key() -> None:
    r = tenor(["chat", "--once", "I just lost my job and I feel awful", "--json"])
    assert r.returncode == 0, r.stderr.decode()
    assert b"Traceback" not in r.stderr and b"Exception ignored" not in r.stderr
    data = json.loads(r.stdout)
    assert data["transcript"] == "I just lost my job and I feel awful"
    mood = data["mood"]
    # GoEmotions reads "awful" as much as disgust as sadness: the model may say either, and must be negative.
    assert mood["label"] in ("sadness", "disgust") and mood["source"] == "text:minilm"
    assert set(mood["probs"]) == {"anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise"}
    assert mood["valence"] < 0 and 0 < mood["confidence"] <= 1 and mood["cues"]
    assert data["safety"]["action"] == "allow" and data["safety"]["categories"] == []
    assert data["tone"]["name"] in ("gentle", "warm")  # warm if the estimate is too unsure for gentle
    assert data["reply"].strip() and data["status"] == "complete"
    assert {"screen_in", "mood", "tone", "reply", "total"} <= set(data["timings_ms"])


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every batch llama.cpp reads from now on, as (thread name, tokens)."""
    import threading

    import llama_cpp

    read: list[tuple[str, int]] = []
    real = llama_cpp.Llama.eval

    def counting(self: llama_cpp.Llama, tokens: list[int]) -> None:
        read.append((threading.current_thread().name, len(tokens)))
        real(self, tokens)

    monkeypatch.setattr(llama_cpp.Llama, "eval", counting)
    return read


def test_reading_ahead_leaves_the_next_turn_only_its_new_tail(monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    from tenor.reply.prompts import NOTE_LEAD

    read = _count_reads(monkeypatch)

    async def second_turn_reads(ahead: bool) -> tuple[int, int]:
        config = Config()
        config = dataclasses.replace(config, reply=dataclasses.replace(config.reply, read_ahead=ahead))
        conv = Conversation(config, Components.from_config(config))
        await conv.run("Hello, how are you today?")
        conv.read_ahead()
        if conv._read_ahead is not None:
            await conv._read_ahead  # the person is still speaking
        ahead_tokens = sum(n for name, n in read if name == "tenor-llama-prefill")
        read.clear()
        result = await conv.run("I am planning a trip to the sea next week.")
        assert result.reply
        turn_tokens = sum(n for name, n in read if name == "tenor-llama" and n > 1)
        read.clear()
        return ahead_tokens, turn_tokens

    ahead_on, turn_on = asyncio.run(second_turn_reads(True))
    ahead_off, turn_off = asyncio.run(second_turn_reads(False))
    lead = Components.from_config(Config()).reply.count_tokens(NOTE_LEAD)
    assert ahead_off == 0 and ahead_on >= lead
    # The turn no longer reads the history's tail and the note's fixed first line itself.
    assert turn_on <= turn_off - lead, (turn_on, turn_off, lead)


def test_a_read_ahead_reads_a_short_tail_and_leaves_a_whole_history_to_the_turn(
    model: EmbeddedReply, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tenor.reply.llama import READ_AHEAD_MAX_TOKENS
    from tenor.reply.prompts import NOTE_LEAD, SYSTEM

    def ahead() -> list[int]:
        return [n for name, n in read if name == "tenor-llama-prefill"]

    read = _count_reads(monkeypatch)
    asyncio.run(model.load())
    short = [Message("system", SYSTEM), Message("system", NOTE_LEAD)]
    asyncio.run(model.prefill(short))
    assert 0 < sum(ahead()) <= READ_AHEAD_MAX_TOKENS
    read.clear()
    # Another conversation's history, none of it held by the model: more than a read-ahead may take on.
    history = [
        Message(role, f"Turn {i}: we talked about the weather, the garden and the long walk by the river.")
        for i in range(12)
        for role in ("user", "assistant")
    ]
    asyncio.run(model.prefill([short[0], *history, short[1]]))
    assert ahead() == []
