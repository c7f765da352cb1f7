"""``newsdesk serve --workers N``: uvicorn's multi-process mode over one shared listening socket.

uvicorn binds that socket with protocol 0, so asyncio does not turn Nagle's algorithm off on the
connections the workers accept (it only does for sockets whose protocol is TCP): every response then
waits about 40 ms for the client's delayed ACK. Setting TCP_NODELAY on the listening socket fixes it:
accepted sockets inherit it (Linux, macOS).
"""
from __future__ import annotations

import socket
from typing import Any

APP = "newsdesk.server.app:app_from_env"


def serve_workers(host: str, port: int, workers: int, **options: Any) -> None:
    """Run ``workers`` processes of the app built by ``app_from_env`` (settings from NEWSDESK_*)."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(APP, factory=True, host=host, port=port, workers=workers, **options)
    sock = listening_socket(config)
    try:
        Multiprocess(config, sockets=[sock]).run()
    except KeyboardInterrupt:
        pass


def listening_socket(config: Any) -> socket.socket:
    """uvicorn's bound socket for ``config``, with TCP_NODELAY on (inherited by accepted connections)."""
    sock = config.bind_socket()
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock
