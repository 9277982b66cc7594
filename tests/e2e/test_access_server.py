"""Access control over a real socket: the Origin and Host checks on loopback, the token when one is required
(header and login cookie), and the token file (made once, stored hashed, rotated). Each test fails without
the check it names."""

from __future__ import annotations

import asyncio
import json
import stat
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets
from websockets.exceptions import InvalidStatus

from tenor.config import Config, ServerConfig
from tenor.server import access as a
from tenor.server.app import create_app
from tenor.server.testing import fake_services, serve_in_thread

TOKEN = "correct-horse-battery-staple-0123456789"


async def _ready(url: str, **headers: str) -> dict[str, Any]:
    async with websockets.connect(url, additional_headers=headers or None) as ws:
        return dict(json.loads(await ws.recv()))


async def _rebound(url: str, port: int) -> None:
    origin = url.replace("ws://", "http://").removesuffix("/ws")
    async with websockets.connect(url, host="127.0.0.1", port=port, origin=origin):  # type: ignore[arg-type]
        pass


def _refused(url: str, **headers: str) -> int:
    with pytest.raises(InvalidStatus) as info:
        asyncio.run(_ready(url, **headers))
    return int(info.value.response.status_code)


@pytest.fixture(scope="module")
def loopback() -> Any:
    with serve_in_thread(create_app(fake_services)) as url:
        yield url


@pytest.fixture(scope="module")
def locked() -> Any:
    gate = a.AccessOptions(token_hash=a.hash_token(TOKEN), loopback=False)
    with serve_in_thread(create_app(fake_services, access=gate)) as url:
        yield url


def test_loopback_refuses_other_sites_pages_and_rebound_hosts(loopback: str) -> None:
    ws = f"ws://{loopback}/ws"
    assert asyncio.run(_ready(ws))["type"] == "ready"  # a script (no Origin)
    assert asyncio.run(_ready(ws, Origin=f"http://{loopback}"))["type"] == "ready"  # the page itself
    assert _refused(ws, Origin="https://evil.example") == 403  # another site open in the same browser
    assert _refused(ws, Origin=f"http://{loopback}.evil.example") == 403
    # DNS rebinding: evil.example resolves to 127.0.0.1, so its page's Origin matches the Host it asked for.
    port = int(loopback.rsplit(":", 1)[1])
    with pytest.raises(InvalidStatus) as info:
        asyncio.run(_rebound(f"ws://evil.example:{port}/ws", port))
    assert info.value.response.status_code == 403
    assert httpx.get(f"http://{loopback}/", headers={"Host": "evil.example"}).status_code == 403
    assert httpx.get(f"http://{loopback}/").status_code == 200  # no token asked on loopback


def test_allowed_origins_setting_lets_a_named_origin_in() -> None:
    config = Config(server=ServerConfig(allowed_origins="https://tenor.example, http://10.0.0.5:8765"))
    gate = a.AccessOptions.from_config(config, None)
    assert a.origin_ok(gate, "https://tenor.example", "127.0.0.1:8765")
    assert a.origin_ok(gate, "HTTP://10.0.0.5:8765/", "127.0.0.1:8765")
    assert not a.origin_ok(gate, "https://evil.example", "127.0.0.1:8765")


def test_token_is_required_off_loopback_by_header_or_cookie(locked: str) -> None:
    ws = f"ws://{locked}/ws"
    assert _refused(ws) == 403
    assert _refused(ws, Authorization="Bearer wrong-token") == 403
    assert _refused(ws, Cookie=f"{a.COOKIE}=wrong-token") == 403
    assert asyncio.run(_ready(ws, Authorization=f"Bearer {TOKEN}"))["type"] == "ready"
    assert asyncio.run(_ready(ws, Cookie=f"{a.COOKIE}={TOKEN}", Origin=f"http://{locked}"))["type"] == "ready"
    # The right token from another site's page is still refused (the Origin check stands on its own).
    assert _refused(ws, Authorization=f"Bearer {TOKEN}", Origin="https://evil.example") == 403


def test_page_login_sets_an_httponly_samesite_strict_cookie(locked: str) -> None:
    base = f"http://{locked}"
    page = httpx.get(f"{base}/")
    assert page.status_code == 401 and 'action="/login"' in page.text and "Start talking" not in page.text
    assert httpx.post(f"{base}/login", data={"token": "nope"}).status_code == 401
    ok = httpx.post(f"{base}/login", data={"token": TOKEN})
    assert ok.status_code == 303
    cookie = ok.headers["set-cookie"]
    assert f"{a.COOKIE}={TOKEN}" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Secure" not in cookie  # plain HTTP: a Secure cookie would never come back
    with httpx.Client(base_url=base) as client:
        client.cookies.set(a.COOKIE, TOKEN)
        assert "Start talking" in client.get("/").text
    link = httpx.get(f"{base}/?token={TOKEN}")  # the printed link logs in and drops the token from the URL
    assert link.status_code == 303 and link.headers["location"] == "/"


def test_behind_tls_the_cookie_is_secure() -> None:
    gate = a.AccessOptions(token_hash=a.hash_token(TOKEN), loopback=False, secure_cookie=True)
    with serve_in_thread(create_app(fake_services, access=gate)) as url:
        cookie = httpx.post(f"http://{url}/login", data={"token": TOKEN}).headers["set-cookie"]
    assert "Secure" in cookie


def test_token_file_is_made_once_stored_hashed_private_and_rotated(tmp_path: Path) -> None:
    path = tmp_path / "home" / a.TOKEN_FILE
    digest, shown = a.ensure_token(path)
    assert shown is not None and len(shown) >= 40
    text = path.read_text()
    assert shown not in text and a.hash_token(shown) in text  # only the hash is kept
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again, not_shown = a.ensure_token(path)
    assert again == digest and not_shown is None  # shown once only
    rotated = a.new_token(path)
    assert a.load_token_hash(path) == a.hash_token(rotated) != digest  # the old token no longer works


def test_a_non_loopback_host_requires_the_token() -> None:
    assert a.AccessOptions.needs_token(Config(server=ServerConfig(host="0.0.0.0")))
    assert a.AccessOptions.needs_token(Config(server=ServerConfig(require_token=True)))
    assert not a.AccessOptions.needs_token(Config())
    with pytest.raises(Exception, match="access token"):
        a.AccessOptions.from_config(Config(server=ServerConfig(host="192.168.1.4")), None)
    gate = a.AccessOptions.from_config(Config(server=ServerConfig(host="192.168.1.4")), a.hash_token(TOKEN))
    assert gate.token_required and not gate.loopback
    assert a.check(gate, {"host": "192.168.1.4:8765"}, {}) is not None
    assert a.check(gate, {"host": "192.168.1.4:8765", "authorization": f"Bearer {TOKEN}"}, {}) is None
