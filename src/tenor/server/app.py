"""The web app: the page at ``/``, its static files, and the conversation WebSocket at ``/ws``.

Each socket is one ``LiveSession``; the models are loaded once per process and shared by all sessions
(``Services``). Needs the ``server`` extra (FastAPI, uvicorn, websockets). A bad message is answered on
the socket and the session goes on; a message larger than the transport's own cap
(``TRANSPORT_MAX_BYTES``, above any sane frame) closes a socket, and so do the session limits that must:
one session too many from a client (told why, then closed with 1013) and an idle session (told, then
closed normally). Access (``access.py``) is checked before a socket is accepted: a refused one gets an HTTP
403 with the reason, never a session.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any, Final

from fastapi import FastAPI, Request, WebSocket, WebSocketDisconnect
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from tenor.config import Config
from tenor.errors import ReplyError
from tenor.events import TonePlan
from tenor.server import access as a
from tenor.server import protocol as p
from tenor.server.limits import CLOSE_IDLE, CLOSE_TRY_LATER, ClientSessions
from tenor.server.live import ListenerFactory, LiveOptions, LiveSession, Services, Transform
from tenor.store.sqlite import Store

log = logging.getLogger(__name__)

# Largest WebSocket message the transport accepts at all, in bytes. Larger than the per-message limit on
# purpose: a 50 MB frame by mistake is read, answered with an error and dropped, and the session survives.
TRANSPORT_MAX_BYTES: Final = 64 * 1024 * 1024


def static_dir() -> Path:
    return Path(str(resources.files("tenor.server") / "static"))


def whisper_listener(config: Config) -> ListenerFactory:
    """Microphone streams through Silero VAD, the endpointer and Whisper (shared by all sessions)."""
    from tenor.listen.listener import Listener, ListenOptions
    from tenor.listen.stt import shared_stt
    from tenor.listen.vad import SileroVad

    stt = shared_stt(config.stt_options())

    def make(on_voice: Callable[[float], None]) -> Transform:
        vad = SileroVad()

        def tap(frame: Any) -> float:
            prob = vad(frame)
            # Barge-in hears Silero alone: a loud noise that only the energy assist calls speech must not
            # stop tenor talking.
            on_voice(vad.last_speech)
            return prob

        return Listener(stt, ListenOptions(), vad=tap)

    return make


def build_services(config: Config, store: Store | None) -> Services:
    """The real models: Whisper, Piper, the configured reply backend, screens, tone and mood."""
    from tenor.pipeline import Components

    return Services(
        config=config,
        components=Components.from_config(config, speak=True, listen=True),
        store=store,
        listener=whisper_listener(config),
        options=LiveOptions.from_config(config),
    )


async def warm_up(services: Services) -> None:
    """Load every model and run each once, so the first person does not wait for loading."""
    import numpy as np

    from tenor.cancel import never_cancelled
    from tenor.listen.stt import shared_stt
    from tenor.reply.base import GenerationOptions, Message
    from tenor.reply.prompts import SYSTEM

    c = services.components

    def blocking() -> None:
        shared_stt(services.config.stt_options()).decode(np.zeros(16_000, dtype=np.float32))
        if c.speaker is not None:
            for _ in c.speaker.speak("Hello.", TonePlan(turn_id=0)):
                pass
        if c.mood_text is not None:
            c.mood_text.estimate("hello")
        if c.mood_voice is not None:
            width = int(getattr(c.mood_voice, "width", 384))
            c.mood_voice.estimate(np.zeros(16_000, dtype=np.float32), np.zeros((50, width), dtype=np.float32))

    await asyncio.to_thread(blocking)
    # With the fixed instructions first, the model has already read them when the first person speaks
    # (llama.cpp keeps the evaluated prefix; prompt evaluation is the slow part on a CPU).
    warm = [Message("system", SYSTEM), Message("user", "Hi")]
    async for _ in c.reply.stream(warm, GenerationOptions(max_tokens=2), never_cancelled()):
        pass


def create_app(
    services: Services | Callable[[], Services], *, warm: bool = False, access: a.AccessOptions | None = None
) -> FastAPI:
    """The ASGI app. ``services`` may be a factory, called at start-up (model loading happens there).
    ``access``: who may connect (default: loopback, no token, same-origin pages only)."""
    holder: dict[str, Services] = {}
    gate = access or a.AccessOptions()
    clients = ClientSessions(0)

    @asynccontextmanager
    async def lifespan(_: Any) -> AsyncIterator[None]:
        holder["services"] = services() if callable(services) else services
        clients.per_client = holder["services"].options.sessions_per_client
        if warm:
            try:
                await warm_up(holder["services"])
            except ReplyError as e:
                # A language model server that is down at start-up is no reason not to serve: each turn says
                # so clearly, and the crisis path does not need it. A traceback here was all a user saw.
                log.warning("warm-up: %s; each turn will try it again", e)
        yield
        await holder["services"].components.reply.aclose()

    app = FastAPI(title="tenor", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")

    def refused(request: Request, *, token: bool = True) -> str | None:
        checked = gate if token else a.AccessOptions(None, gate.allowed_origins, gate.loopback, gate.secure_cookie)
        return a.check(checked, request.headers, request.cookies)

    def logged_in(token: str) -> Response:
        """Back to the page, with the login cookie set (and the token gone from the address bar)."""
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(
            a.COOKIE,
            token,
            max_age=a.COOKIE_MAX_AGE_S,
            httponly=True,
            samesite="strict",
            secure=gate.secure_cookie,
        )
        return response

    def login_page(status: int, note: str = "") -> Response:
        html = (static_dir() / "login.html").read_text().replace("{{note}}", note)
        return Response(html, status_code=status, media_type="text/html", headers={"Cache-Control": "no-store"})

    @app.get("/")
    async def index(request: Request, token: str | None = None) -> Response:
        why = refused(request, token=False)
        if why is not None:
            return JSONResponse({"error": why}, status_code=403)
        if gate.token_required and token is not None:
            if a.token_ok(gate, token):
                return logged_in(token)
            return login_page(401, "That token is not right.")
        if gate.token_required and refused(request) is not None:
            return login_page(401)
        return FileResponse(static_dir() / "index.html", headers={"Cache-Control": "no-store"})

    @app.post("/login")
    async def login(request: Request) -> Response:
        why = refused(request, token=False)
        if why is not None:
            return JSONResponse({"error": why}, status_code=403)
        from urllib.parse import parse_qs

        body = (await request.body())[:4096].decode("utf-8", "replace")
        token = (parse_qs(body).get("token") or [""])[0].strip()
        if not a.token_ok(gate, token):
            return login_page(401, "That token is not right.")
        return logged_in(token)

    @app.get("/healthz")
    async def health() -> JSONResponse:
        return JSONResponse({"ok": True, "protocol": p.PROTOCOL_VERSION})

    @app.websocket("/ws")
    async def socket(ws: WebSocket) -> None:
        why = a.check(gate, ws.headers, ws.cookies)
        if why is not None:
            # Closed before the handshake: the client gets HTTP 403 and no session. (An ASGI denial response
            # with the reason in its body makes uvicorn's sans-io transport log a spurious error.)
            log.warning("socket refused: %s", why)
            await ws.close(code=1008, reason=why[:120])
            return
        client = ws.client.host if ws.client is not None else "?"
        if not clients.acquire(client):
            await ws.accept()
            limit = clients.per_client
            text = f"too many open sessions from your address (at most {limit}); close another tab and reload"
            await ws.send_text(p.dumps(p.limit_error("busy", "sessions_per_client", text)))
            await ws.close(CLOSE_TRY_LATER, "too many sessions")
            return
        try:
            await ws.accept()
            await _converse(holder["services"], ws)
        finally:
            clients.release(client)

    return app


async def _converse(services: Services, ws: WebSocket) -> None:
    """One accepted socket's conversation, until the client leaves or stays idle too long."""
    session = LiveSession(services, ws)
    idle_s = services.options.idle_timeout_s
    try:
        await session.start()
        while True:
            try:
                message = await asyncio.wait_for(ws.receive(), idle_s) if idle_s > 0 else await ws.receive()
            except TimeoutError:
                if session.busy:
                    continue  # the person is listening to a reply
                text = f"closed after {idle_s:g} s without a message (server.idle_timeout_s); reload to go on"
                await session.send(p.limit_error("idle", "idle_timeout_s", text))
                await ws.close(CLOSE_IDLE, "idle")
                break
            if message["type"] == "websocket.disconnect":
                break
            if message.get("bytes") is not None:
                await session.on_bytes(message["bytes"])
            elif message.get("text") is not None:
                await session.on_text(message["text"])
    except (WebSocketDisconnect, RuntimeError):
        pass  # the client went away (RuntimeError: a send raced the close)
    finally:
        await session.close()
