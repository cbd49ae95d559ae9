"""Shared fixtures for the conformance tests of `podium lsp`.

- `spawn(framing=..., args=..., log_level=...)`: a raw-stdio `Server` (see podium_client.py),
  killed at teardown, after checking that nothing but protocol bytes reached its stdout.
- `framing`: parametrises a test over both framings ("lsp" and "ndjson").
- `server`: an initialized server in the test's framing.
- `podium`: the path of the binary under test (env PODIUM, default .build/debug/podium).
- `figure(name, value)`: records a measured figure, printed in the terminal summary.
"""

from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from podium_client import FRAMINGS, LSP, Server, podium_path  # noqa: E402


@pytest.fixture(scope="session")
def podium() -> str:
    path = podium_path()
    if not os.access(path, os.X_OK):
        pytest.fail(f"no podium binary at {path}: run `swift build --product podium` or set PODIUM")
    return path


@pytest.fixture
def spawn(podium):
    servers: list[Server] = []

    def start(framing: str = LSP, args=(), log_level: str | None = None, **kwargs) -> Server:
        server = Server(framing=framing, args=args, log_level=log_level, command=[podium, "lsp"], **kwargs)
        servers.append(server)
        return server

    yield start
    problems = []
    for server in servers:
        server.kill()
        try:
            server.assert_stdout_is_protocol()
        except AssertionError as error:
            problems.append(str(error))
    assert not problems, "stdout carried non-protocol bytes: " + "; ".join(problems)


@pytest.fixture(params=FRAMINGS)
def framing(request) -> str:
    return request.param


@pytest.fixture
def server(spawn, framing) -> Server:
    server = spawn(framing)
    server.initialize()
    return server


_FIGURES: list[tuple[str, str]] = []


@pytest.fixture(scope="session")
def figure():
    def record(name: str, value) -> None:
        _FIGURES.append((name, str(value)))

    return record


def pytest_terminal_summary(terminalreporter):
    if _FIGURES:
        terminalreporter.section("podium measured figures")
        for name, value in _FIGURES:
            terminalreporter.write_line(f"{name}: {value}")
