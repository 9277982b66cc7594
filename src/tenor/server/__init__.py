"""``tenor serve``: the page, the WebSocket protocol and live sessions with barge-in (see docs/protocol.md)."""
