"""A real newsdesk server for HTTP tests: `newsdesk serve` in a child process on a free loopback port."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

SRC = Path(__file__).resolve().parents[1] / "src"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Served:
    proc: subprocess.Popen
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60.0) -> float:
        """Send ``sig`` and wait for the process to end; returns the seconds it took."""
        t0 = time.monotonic()
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()  # the test fails on the returned time; do not leave the child behind
                self.proc.wait(10)
                return float("inf")
        return time.monotonic() - t0


def serve(db: str, *args: str, env: dict[str, str] | None = None, log: Path | None = None) -> Served:
    """Start `newsdesk --db DB serve --port P ARGS` and wait until it answers."""
    port = free_port()
    child_env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
                 **(env or {})}
    child_env.pop("NEWSDESK_TOKEN", None) if "NEWSDESK_TOKEN" not in (env or {}) else None
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed with the process
    proc = subprocess.Popen([sys.executable, "-m", "newsdesk.cli", "--db", db, "serve", "--port", str(port), *args],
                            env=child_env, stdout=out, stderr=subprocess.STDOUT)
    served = Served(proc, port)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited with {proc.returncode}" + (f"; log: {log.read_text()}" if log else ""))
        try:
            httpx.get(served.url + "/api/stories?limit=1", timeout=2)
            return served
        except httpx.TransportError:
            time.sleep(0.2)
    served.stop(signal.SIGKILL)
    raise AssertionError("server did not start within 90 s")
