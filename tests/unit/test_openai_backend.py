from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator

import httpx
import pytest

from tenor.cancel import never_cancelled
from tenor.errors import ReplyError
from tenor.reply.base import GenerationOptions, Message
from tenor.reply.openai import OpenAIReply

MESSAGES = [Message("system", "be nice"), Message("user", "hi")]


def _sse(*pieces: str, done: bool = True) -> bytes:
    lines = [
        "data: " + json.dumps({"choices": [{"delta": {"content": p}, "finish_reason": None}]}) + "\n\n" for p in pieces
    ]
    if done:
        lines.append("data: [DONE]\n\n")
    return "".join(lines).encode()


def _collect(backend: OpenAIReply) -> list[str]:
    async def go() -> list[str]:
        try:
            return [p async for p in backend.stream(MESSAGES, GenerationOptions(), never_cancelled())]
        finally:
            await backend.aclose()

    return asyncio.run(go())


def _backend(handler, **kw) -> OpenAIReply:  # type: ignore[no-untyped-def]
    return OpenAIReply("http://llm.test/v1", "m", transport=httpx.MockTransport(handler), **kw)


def test_streams_pieces_and_sends_a_chat_request() -> None:
    seen: list[dict[str, object]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        assert request.url.path == "/v1/chat/completions"
        assert request.headers["authorization"] == "Bearer k"
        return httpx.Response(200, content=_sse("Hel", "lo. ", "Bye."))

    assert _collect(_backend(handler, api_key="k")) == ["Hel", "lo. ", "Bye."]
    assert seen[0]["stream"] is True and seen[0]["model"] == "m"
    assert seen[0]["messages"] == [{"role": "system", "content": "be nice"}, {"role": "user", "content": "hi"}]


def test_retries_server_errors_before_any_text() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(503, text="busy") if len(calls) < 3 else httpx.Response(200, content=_sse("ok"))

    assert _collect(_backend(handler, retries=2)) == ["ok"]
    assert len(calls) == 3


def test_gives_up_after_bounded_retries() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(503, text="busy")

    with pytest.raises(ReplyError, match="HTTP 503"):
        _collect(_backend(handler, retries=1))
    assert len(calls) == 2


def test_auth_errors_are_not_retried_and_say_what_to_check() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(401, json={"error": "bad key"})

    with pytest.raises(ReplyError, match="API key"):
        _collect(_backend(handler))
    assert len(calls) == 1


def test_garbage_is_a_clear_error() -> None:
    with pytest.raises(ReplyError, match="cannot read"):
        _collect(_backend(lambda r: httpx.Response(200, content=b"data: {not json\n\n")))


def test_dead_server_is_a_clear_error_not_a_traceback() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    backend = OpenAIReply(f"http://127.0.0.1:{port}/v1", "m", retries=1)
    with pytest.raises(ReplyError, match="cannot reach"):
        _collect(backend)


class _Breaks(httpx.AsyncByteStream):
    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield _sse("Once upon a time. ", done=False)
        raise httpx.ReadError("connection reset")


def test_failure_after_text_is_not_retried() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(200, stream=_Breaks())

    pieces: list[str] = []

    async def go() -> None:
        backend = _backend(handler)
        async for p in backend.stream(MESSAGES, GenerationOptions(), never_cancelled()):
            pieces.append(p)

    with pytest.raises(ReplyError, match="mid-reply"):
        asyncio.run(go())
    assert pieces == ["Once upon a time. "] and len(calls) == 1
