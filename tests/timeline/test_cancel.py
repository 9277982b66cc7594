"""Cancellation through the scope, on a scripted slow model."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tenor.events import Interrupted, ReplySentence, TurnEnded
from tenor.store.sqlite import Store
from tenor.testing import ScriptedReply, conversation


def test_cancel_mid_reply_keeps_only_what_was_delivered(tmp_path: Path) -> None:
    async def scenario() -> list[object]:
        store = Store(tmp_path / "t.db")
        reply = ScriptedReply(("One. ", "Two. ", "Three. ", "Four. ", "Five."), delay_s=0.02)
        conv = conversation(reply, store=store, session="s")
        seen: list[object] = []
        async for ev in conv.turn("count for me"):
            seen.append(ev)
            if isinstance(ev, ReplySentence) and ev.text == "Two.":
                conv.cancel("barge-in")
        assert conv.session.history[-1].reply == "One. Two."
        assert conv.session.history[-1].interrupted
        turn = store.turns(conv.session.row.id)[-1]  # type: ignore[union-attr]
        assert turn.status == "interrupted" and turn.reply_text == "One. Two."
        # The next turn runs normally and the model is told about the interruption.
        result = await conv.run("go on")
        assert result.status == "complete"
        assert "[the user interrupted here]" in reply.calls[-1][-3].content
        return seen

    seen = asyncio.run(scenario())
    assert [e.text for e in seen if isinstance(e, ReplySentence)] == ["One.", "Two."]
    assert isinstance(seen[-2], Interrupted) and seen[-2].reason == "barge-in"
    assert isinstance(seen[-1], TurnEnded) and seen[-1].status == "interrupted"


def test_task_cancellation_marks_the_turn_interrupted(tmp_path: Path) -> None:
    async def scenario() -> None:
        store = Store(tmp_path / "t.db")
        conv = conversation(ScriptedReply(("a. ", "b. ", "c."), delay_s=0.05), store=store, session="s")

        async def consume() -> None:
            async for _ in conv.turn("hello"):
                pass

        task = asyncio.create_task(consume())
        await asyncio.sleep(0.07)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
        turn = store.turns(conv.session.row.id)[-1]  # type: ignore[union-attr]
        assert turn.status == "interrupted"

    asyncio.run(scenario())
