"""`serve --workers N` turns Nagle's algorithm off on the shared listening socket, so the connections the
workers accept answer without waiting for the client's delayed ACK (uvicorn binds with protocol 0, and
asyncio only sets TCP_NODELAY itself on sockets whose protocol is TCP)."""
from __future__ import annotations

import socket

import uvicorn

from newsdesk.server.run import APP, listening_socket


def test_server_workers_socket_has_nodelay_and_so_do_accepted_connections():
    config = uvicorn.Config(APP, factory=True, host="127.0.0.1", port=0, workers=2)
    sock = listening_socket(config)
    try:
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
        sock.listen()  # the workers' server listens on it
        with socket.create_connection(sock.getsockname()[:2], timeout=10):
            accepted, _ = sock.accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
    finally:
        sock.close()
    bare = uvicorn.Config(APP, factory=True, host="127.0.0.1", port=0, workers=2).bind_socket()
    try:  # what uvicorn alone gives: the reason for listening_socket
        assert bare.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0 and bare.proto == 0
    finally:
        bare.close()
