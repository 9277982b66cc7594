"""Fakes and helpers for tests, tenor's own and its users': scripted backends that exercise the pipeline's
logic (timelines, cancellation, failures) without a model."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Sequence
from dataclasses import dataclass, field

from tenor.cancel import CancelToken
from tenor.config import Config
from tenor.errors import ReplyError
from tenor.events import MoodEstimate
from tenor.mood.base import make_estimate
from tenor.pipeline import Components, Conversation
from tenor.reply.base import GenerationOptions, Message, estimate_tokens
from tenor.safety.screen import RuleScreen
from tenor.store.sqlite import Store
from tenor.vocab import MoodLabel
from tenor.voice.tone import TableTone


@dataclass
class ScriptedReply:
    """Streams a fixed reply in pieces, optionally slowly, optionally failing after some pieces."""

    # The reply to stream; each string is one piece.
    pieces: Sequence[str] = ("Hello there. ", "How can I help?")
    # Seconds to wait before each piece.
    delay_s: float = 0.0
    # Raise ReplyError after this many pieces (None: never).
    fail_after: int | None = None
    # Messages of every call, for assertions.
    calls: list[list[Message]] = field(default_factory=list)
    name: str = "scripted"
    context_tokens: int = 4096
    # Set by ``aclose``: a closed backend fails as a real one whose client is closed does.
    closed: bool = False

    def count_tokens(self, text: str) -> int:
        return estimate_tokens(text)

    async def stream(
        self, messages: Sequence[Message], options: GenerationOptions, cancel: CancelToken
    ) -> AsyncGenerator[str, None]:
        if self.closed:
            raise ReplyError("the scripted model was closed")
        self.calls.append(list(messages))
        for i, piece in enumerate(self.pieces):
            if self.fail_after is not None and i >= self.fail_after:
                raise ReplyError("the language model server stopped mid-reply (scripted)")
            if self.delay_s:
                await asyncio.sleep(self.delay_s)
            if cancel.cancelled:
                return
            yield piece

    async def aclose(self) -> None:
        self.closed = True


@dataclass
class FixedMood:
    """Always estimates the same mood."""

    label: MoodLabel = "neutral"
    confidence: float = 0.8
    name: str = "fixed"

    def estimate(self, text: str) -> MoodEstimate:
        rest = (1.0 - self.confidence) / 6
        probs = {
            m: (self.confidence if m == self.label else rest)
            for m in ("anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise")
        }
        return make_estimate(probs, cues=("fixed",), source="text:fixed")  # type: ignore[arg-type]


def conversation(
    reply: ScriptedReply | None = None,
    *,
    mood: FixedMood | None = None,
    store: Store | None = None,
    session: str | None = None,
    config: Config | None = None,
) -> Conversation:
    """A conversation on real screens and tone table with a scripted model (and fixed mood if given)."""
    from tenor.mood.lexicon import LexiconMood

    config = config or Config()
    components = Components(
        reply=reply or ScriptedReply(),
        screen=RuleScreen(),
        tone=TableTone(),
        mood_text=mood if mood is not None else (LexiconMood() if config.mood.enabled else None),
    )
    return Conversation(config, components, store=store, session=session)
