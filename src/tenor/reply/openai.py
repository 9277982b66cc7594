"""The ``openai`` reply backend: any OpenAI-compatible chat completions endpoint, streamed over HTTP.

Works with Ollama, llama.cpp's server, vLLM and OpenAI itself: base URL and model name come from the
configuration, the key from the environment variable the configuration names. Failures before the first
piece of text are retried a bounded number of times with backoff; a failure after text has been streamed is
not retried (the person has already heard the start), it ends the reply with a clear message.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import AsyncGenerator, AsyncIterator, Sequence
from typing import Any

import httpx

from tenor.cancel import CancelToken
from tenor.config import Config
from tenor.errors import ReplyError
from tenor.reply.base import GenerationOptions, Message, estimate_tokens

# HTTP statuses worth another try: rate limits and server-side trouble.
_RETRY_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})


class _Retry(Exception):
    """A failure before any text arrived that another attempt may fix."""


class OpenAIReply:
    """Streams chat completions from an OpenAI-compatible server."""

    name = "openai"

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key: str | None = None,
        context_tokens: int = 2048,
        connect_timeout_s: float = 5.0,
        first_token_timeout_s: float = 30.0,
        read_timeout_s: float = 15.0,
        retries: int = 2,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.context_tokens = context_tokens
        self._first_token_timeout_s = first_token_timeout_s
        self._read_timeout_s = read_timeout_s
        self._retries = max(0, retries)
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.AsyncClient(
            headers=headers,
            timeout=httpx.Timeout(connect=connect_timeout_s, read=read_timeout_s, write=10.0, pool=10.0),
            transport=transport,
        )

    def count_tokens(self, text: str) -> int:
        return estimate_tokens(text)

    async def stream(
        self, messages: Sequence[Message], options: GenerationOptions, cancel: CancelToken
    ) -> AsyncGenerator[str, None]:
        body = {
            "model": self.model,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "max_tokens": options.max_tokens,
            "temperature": options.temperature,
            "top_p": options.top_p,
            "stream": True,
        }
        for attempt in range(self._retries + 1):
            started = False
            try:
                async for piece in self._attempt(body, cancel):
                    started = True
                    yield piece
                return
            except _Retry as err:
                if started or attempt == self._retries:
                    raise ReplyError(str(err)) from None
                await asyncio.sleep(min(0.5 * 2**attempt, 4.0))

    async def _attempt(self, body: dict[str, Any], cancel: CancelToken) -> AsyncIterator[str]:
        url = f"{self.base_url}/chat/completions"
        where = f"the language model server at {self.base_url}"
        got_text = False
        try:
            async with self._client.stream("POST", url, json=body) as response:
                if response.status_code != 200:
                    await response.aread()
                    detail = response.text[:200].strip().replace("\n", " ")
                    msg = f"{where} answered HTTP {response.status_code}" + (f": {detail}" if detail else "")
                    if response.status_code in (401, 403):
                        msg += " (check the API key variable named by reply.api_key_env)"
                    if response.status_code in _RETRY_STATUS:
                        raise _Retry(msg)
                    raise ReplyError(msg)
                lines = response.aiter_lines()
                while True:
                    timeout = self._read_timeout_s if got_text else self._first_token_timeout_s
                    try:
                        line = await asyncio.wait_for(anext(lines), timeout)
                    except StopAsyncIteration:
                        if not got_text:
                            raise _Retry(f"{where} closed the stream without a reply") from None
                        return
                    if cancel.cancelled:
                        return
                    piece, done = _parse_sse(line, where)
                    if piece:
                        got_text = True
                        yield piece
                    if done:
                        return
        except TimeoutError:
            if got_text:
                raise ReplyError(
                    f"{where} stopped sending mid-reply (no data for {self._read_timeout_s:g} s)"
                ) from None
            raise _Retry(f"{where} did not answer within {self._first_token_timeout_s:g} s") from None
        except (httpx.ConnectError, httpx.ConnectTimeout) as err:
            raise _Retry(f"cannot reach {where}: {_reason(err)}") from None
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.ReadTimeout) as err:
            if got_text:
                raise ReplyError(f"{where} stopped mid-reply: {_reason(err)}") from None
            raise _Retry(f"{where} dropped the connection: {_reason(err)}") from None
        except httpx.HTTPError as err:
            raise ReplyError(f"{where} failed: {_reason(err)}") from None

    async def aclose(self) -> None:
        await self._client.aclose()


def _reason(err: Exception) -> str:
    text = str(err).strip()
    return text or type(err).__name__


def _parse_sse(line: str, where: str) -> tuple[str, bool]:
    """Text in one server-sent-events line, and whether the stream is over."""
    line = line.strip()
    if not line or line.startswith(":") or not line.startswith("data:"):
        return "", False
    data = line[len("data:") :].strip()
    if data == "[DONE]":
        return "", True
    try:
        obj = json.loads(data)
        choice = obj["choices"][0] if obj.get("choices") else {}
    except (json.JSONDecodeError, TypeError, KeyError, IndexError, AttributeError):
        raise ReplyError(f"{where} sent a reply tenor cannot read: {data[:80]!r}") from None
    if isinstance(obj.get("error"), dict | str):
        raise ReplyError(f"{where} reported an error: {str(obj['error'])[:200]}")
    delta = choice.get("delta") or {}
    piece = delta.get("content") if isinstance(delta, dict) else None
    done = choice.get("finish_reason") not in (None, "")
    return (piece if isinstance(piece, str) else ""), done


def create(config: Config) -> OpenAIReply:
    """Registry factory."""
    r = config.reply
    return OpenAIReply(
        r.base_url,
        r.model,
        api_key=os.environ.get(r.api_key_env) or None,
        context_tokens=r.context_tokens,
        connect_timeout_s=r.connect_timeout_s,
        first_token_timeout_s=r.first_token_timeout_s,
        read_timeout_s=r.read_timeout_s,
        retries=r.retries,
    )
