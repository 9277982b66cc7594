"""The reply backend Protocol: chat messages in, a stream of text pieces out."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

from tenor.cancel import CancelToken

Role = Literal["system", "user", "assistant"]


@dataclass(frozen=True, slots=True)
class Message:
    # Who speaks.
    role: Role
    # What they say.
    content: str


@dataclass(frozen=True)
class GenerationOptions:
    # Most tokens to generate.
    max_tokens: int = 160
    # Sampling temperature.
    temperature: float = 0.3
    # Nucleus sampling cut-off.
    top_p: float = 0.9
    # Penalty on repeated tokens (llama.cpp); small models loop without one.
    repeat_penalty: float = 1.15


@runtime_checkable
class ReplyBackend(Protocol):
    """Writes replies. Implementations raise ``ReplyError`` with a user-facing line on failure."""

    # Registry name.
    name: str
    # Tokens the backend's model can attend to (prompt plus reply).
    context_tokens: int

    def count_tokens(self, text: str) -> int:
        """Tokens ``text`` takes in the model's prompt (an upper estimate where no tokenizer is at hand)."""
        ...

    def stream(
        self, messages: Sequence[Message], options: GenerationOptions, cancel: CancelToken
    ) -> AsyncGenerator[str, None]:
        """Pieces of the reply as they are generated; stops early when ``cancel`` is set or when the caller closes
        it (a generator, so a caller that stops reading early can close it at once)."""
        ...

    async def aclose(self) -> None: ...


@runtime_checkable
class PromptPrefill(Protocol):
    """What a local backend may also do: read the start of the next prompt ahead of the turn (``messages`` ends
    with the fixed start of the next turn's note)."""

    async def prefill(self, messages: Sequence[Message]) -> None: ...


def estimate_tokens(text: str) -> int:
    """Upper estimate of tokens for BPE tokenizers of English (about 3.5 characters per token)."""
    return max(1, int(len(text) / 3.2) + 1)
