"""``tenor serve``: the page at http://127.0.0.1:8765/ and the conversation WebSocket (microphone in, voice
out, barge-in, live mood view). Binds to loopback unless told otherwise; on any other address (or with
server.require_token) every client must present the access token, made on the first such run and shown once."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from tenor.cli.common import add_config_flags, config_from_args, err, open_store
from tenor.config import notices


def register(sub: Any) -> None:
    p = sub.add_parser("serve", help="the web page and realtime voice WebSocket", description=__doc__)
    p.add_argument("--host", help="address to bind (default 127.0.0.1; server.host)")
    p.add_argument("--port", type=int, help="TCP port (default 8765; server.port)")
    p.add_argument("--no-store", action="store_true", help="keep no conversation on disk")
    p.add_argument("--no-warm-up", action="store_true", help="load models on first use instead of at start-up")
    p.add_argument("--new-token", action="store_true", help="replace the access token with a new one, shown once")
    add_config_flags(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn
    except ImportError:
        err("the server needs its extra: pip install 'tenor[server]'")
        return 3
    from tenor.errors import ConfigError
    from tenor.server.access import AccessOptions, ensure_token, hash_token, new_token, token_path
    from tenor.server.app import TRANSPORT_MAX_BYTES, build_services, create_app

    config = config_from_args(args)
    flags = {"server.host": args.host, "server.port": args.port}
    if any(v is not None for v in flags.values()):
        server = dataclasses.replace(config.server, **{k.split(".")[1]: v for k, v in flags.items() if v is not None})
        config = dataclasses.replace(config, server=server)
    host, port = config.server.host, config.server.port
    shown: str | None = None
    digest: str | None = None
    try:
        if args.new_token:
            shown = new_token(token_path())
            digest = hash_token(shown)
        elif AccessOptions.needs_token(config):
            digest, shown = ensure_token(token_path())
        access = AccessOptions.from_config(config, digest)
    except (ConfigError, OSError) as e:
        err(str(e))
        return 2
    if shown is not None:
        # Shown once: only its hash is kept. The page's login form (or ?token=) sets an HttpOnly cookie.
        print(f"tenor: access token (shown once, keep it safe): {shown}", flush=True)
        print(f"tenor: log in at http://{host}:{port}/ with it, or send 'Authorization: Bearer TOKEN'", flush=True)
    if not access.token_required:
        print("tenor: no access token needed on loopback (server.require_token asks for one)", flush=True)
    for notice in notices(config):
        print(f"tenor: note: {notice}", flush=True)
    store = None if args.no_store else open_store(config)
    app = create_app(lambda: build_services(config, store), warm=not args.no_warm_up, access=access)
    print(f"tenor: serving on http://{host}:{port}/ (Ctrl-C stops)", flush=True)
    try:
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_level="warning",
            ws="websockets-sansio",
            ws_max_size=TRANSPORT_MAX_BYTES,
            ws_per_message_deflate=False,
        )
    finally:
        if store is not None:
            store.close()
    return 0
