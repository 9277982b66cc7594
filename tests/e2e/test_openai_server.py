"""The ``openai`` backend against a real OpenAI-compatible server started on loopback: llama.cpp's own
server (``python -m llama_cpp.server``) serving the same GGUF."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

from tenor.cancel import CancelScope
from tenor.config import Config, ReplyConfig
from tenor.events import ReplySentence, StageError, TurnEnded
from tenor.pipeline import Components, Conversation
from tenor.reply.base import GenerationOptions, Message
from tenor.reply.llama import bundled_model_path
from tenor.reply.openai import OpenAIReply
from tenor.store.sqlite import Store
from tests.helpers import llama_server


def _config(base: str) -> Config:
    return Config(
        reply=ReplyConfig(
            backend="openai", base_url=base, model="smollm2", retries=1, first_token_timeout_s=60, read_timeout_s=20
        )
    )


def test_openai_backend_streams_from_a_real_server(tmp_path: Path) -> None:
    with llama_server(bundled_model_path(), tmp_path / "server.log") as (base, _):

        async def pieces() -> list[str]:
            backend = OpenAIReply(base, "smollm2")
            try:
                msgs = [Message("user", "Count from one to ten in words.")]
                token = CancelScope().new_turn()
                return [p async for p in backend.stream(msgs, GenerationOptions(max_tokens=40), token)]
            finally:
                await backend.aclose()

        got = asyncio.run(pieces())
        assert len(got) > 5  # streamed: many pieces, not one body
        config = _config(base)
        store = Store(tmp_path / "t.db")
        conv = Conversation(config, Components.from_config(config), store=store, session="srv")
        result = asyncio.run(conv.run("I got the job today!"))
        assert result.status == "complete" and result.reply
        assert store.turns(conv.session.row.id)[0].status == "complete"  # type: ignore[union-attr]
        asyncio.run(conv.aclose())


def test_server_killed_mid_reply_fails_the_turn_and_loses_nothing_else(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.db")
    with llama_server(bundled_model_path(), tmp_path / "server.log") as (base, proc):
        config = _config(base)
        conv = Conversation(config, Components.from_config(config), store=store, session="kill")
        first = asyncio.run(conv.run("Hello! How are you?"))
        assert first.status == "complete"
        long_config = Config(reply=ReplyConfig(**{**config.reply.__dict__, "max_sentences": 50, "max_tokens": 500}))
        conv = Conversation(long_config, Components.from_config(long_config), store=store, session="kill")

        async def turn() -> list[object]:
            events: list[object] = []
            async for ev in conv.turn("Tell me a very long story about a lighthouse keeper, in many sentences."):
                events.append(ev)
                if isinstance(ev, ReplySentence) and proc.poll() is None:
                    proc.send_signal(signal.SIGKILL)
            return events

        events = asyncio.run(turn())
    errors = [e for e in events if isinstance(e, StageError)]
    assert errors and errors[0].fatal
    message = errors[0].message
    assert "language model server" in message and "Traceback" not in message
    assert isinstance(events[-1], TurnEnded) and events[-1].status == "failed"
    turns = store.turns(conv.session.row.id)  # type: ignore[union-attr]
    assert [t.status for t in turns] == ["complete", "failed"]
    assert turns[0].reply_text == first.reply  # the earlier turn is intact
    heard = " ".join(e.text for e in events if isinstance(e, ReplySentence))
    assert turns[1].reply_text == heard and heard  # what was said before the failure is kept
    assert turns[1].error == message
