"""Who may talk to the server: the access token, the Origin and Host checks, and the login cookie.

On loopback (the default) the socket is open to local processes, but a web page from another site open in
the same browser must not be able to use it: its socket carries that site's ``Origin`` and is refused, and a
``Host`` that is not a loopback name (a DNS-rebinding attack: evil.example resolving to 127.0.0.1) is refused
too. Bound to any other address, every socket must also present the access token: in an
``Authorization: Bearer`` header (scripts), or in the ``tenor_token`` cookie the page gets by logging in
(HttpOnly, so page scripts cannot read it; SameSite=Strict, so other sites' requests do not carry it; Secure
behind TLS). The token is created on the first such run and shown once; only its SHA-256 is stored (a 256-bit
random token needs no slow hash: it cannot be guessed, only stolen, and the hash is useless to a thief).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import os
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from urllib.parse import urlsplit

from tenor.config import Config, data_home
from tenor.errors import ConfigError

# File in the data home holding the token's hash.
TOKEN_FILE: Final = "server-token.json"
# Name of the login cookie.
COOKIE: Final = "tenor_token"
# How long the login cookie lasts, in seconds (30 days): long enough not to nag, short enough to expire.
COOKIE_MAX_AGE_S: Final = 30 * 86400
# Host names that always mean this machine.
LOOPBACK_NAMES: Final = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback(host: str) -> bool:
    """True for a loopback address or name (127.0.0.0/8, ::1, localhost)."""
    name = host.strip().strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def token_path(env: Mapping[str, str] | None = None) -> Path:
    return data_home(env) / TOKEN_FILE


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def new_token(path: Path) -> str:
    """Make a new token, store its hash at ``path`` (replacing any older one) and return the token itself,
    which is never stored and must be shown to the user now."""
    token = secrets.token_urlsafe(32)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump({"sha256": hash_token(token), "created_at": time.time()}, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return token


def load_token_hash(path: Path) -> str | None:
    """The stored hash, or None if no token was made yet."""
    try:
        data = json.loads(path.read_text())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as err:
        fix = "`tenor serve --new-token` replaces it"
        raise ConfigError(f"cannot read the access token file {path}: {err}; {fix}") from None
    digest = data.get("sha256") if isinstance(data, dict) else None
    if not isinstance(digest, str) or len(digest) != 64:
        raise ConfigError(f"the access token file {path} is damaged; `tenor serve --new-token` replaces it") from None
    return digest


def ensure_token(path: Path) -> tuple[str, str | None]:
    """The stored hash, and the new token when one had to be made now (None when it already existed)."""
    digest = load_token_hash(path)
    if digest is not None:
        return digest, None
    token = new_token(path)
    return hash_token(token), token


@dataclass(frozen=True)
class AccessOptions:
    # SHA-256 of the access token; None: no token is asked for (loopback, not required by the settings).
    token_hash: str | None = None
    # Page origins besides the server's own that may open the socket (scheme://host[:port], lower case).
    allowed_origins: frozenset[str] = frozenset()
    # The server is on loopback: a Host header naming anything else is a DNS-rebinding attempt.
    loopback: bool = True
    # Mark the login cookie Secure (behind a TLS proxy); off on plain HTTP, where a Secure cookie is dropped.
    secure_cookie: bool = False

    @property
    def token_required(self) -> bool:
        return self.token_hash is not None

    @staticmethod
    def needs_token(config: Config) -> bool:
        s = config.server
        return s.require_token or not is_loopback(s.host)

    @classmethod
    def from_config(cls, config: Config, token_hash: str | None) -> AccessOptions:
        s = config.server
        if cls.needs_token(config) and token_hash is None:
            raise ConfigError("the server needs an access token here, and none was made")
        origins = frozenset(o.strip().rstrip("/").lower() for o in s.allowed_origins.split(",") if o.strip())
        return cls(
            token_hash=token_hash if cls.needs_token(config) else None,
            allowed_origins=origins,
            loopback=is_loopback(s.host),
            secure_cookie=s.behind_tls,
        )


def token_ok(options: AccessOptions, presented: str | None) -> bool:
    if options.token_hash is None:
        return True
    if not presented:
        return False
    return hmac.compare_digest(hash_token(presented), options.token_hash)


def presented_token(headers: Mapping[str, str], cookies: Mapping[str, str]) -> str | None:
    """The token a request carries: ``Authorization: Bearer``, else the login cookie."""
    auth = headers.get("authorization", "")
    scheme, _, value = auth.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return cookies.get(COOKIE) or None


def _host_name(host: str) -> str:
    """The name part of a Host header (``[::1]:8765`` -> ``::1``)."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    return host.rpartition(":")[0] if host.count(":") == 1 else host


def host_ok(options: AccessOptions, host: str | None) -> bool:
    return not options.loopback or host is None or is_loopback(_host_name(host))


def origin_ok(options: AccessOptions, origin: str | None, host: str | None) -> bool:
    """Same origin as the page the server serves, or one of the allowed ones.

    No ``Origin`` at all is not a browser (browsers always send it on a WebSocket): such a client carries no
    cookie it did not choose to, so the token check alone decides.
    """
    if origin is None:
        return True
    origin = origin.strip().rstrip("/").lower()
    if origin in options.allowed_origins:
        return True
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and host is not None and parts.netloc == host.strip().lower()


def check(options: AccessOptions, headers: Mapping[str, str], cookies: Mapping[str, str]) -> str | None:
    """Why a request must be refused, or None to let it in."""
    host = headers.get("host")
    if not host_ok(options, host):
        return f"this server answers on loopback only, not as {host!r}"
    if not origin_ok(options, headers.get("origin"), host):
        return f"pages from {headers.get('origin')!r} may not use this server (see server.allowed_origins)"
    if not token_ok(options, presented_token(headers, cookies)):
        return "this server needs its access token: log in on the page, or send 'Authorization: Bearer TOKEN'"
    return None
