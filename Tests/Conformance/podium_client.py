"""A raw stdio client for `podium lsp`, for conformance tests.

It spawns the server, writes arbitrary bytes (well-formed frames or garbage), and reads what
the server writes back, strictly: every byte on stdout must belong to a well-formed frame in the
framing the session uses (LSP `Content-Length` headers, or newline-delimited JSON), so a stray
print or a malformed frame fails the test. Every read has a timeout, so a hung server fails the
test instead of blocking it forever.

    with Server(framing="lsp") as server:
        server.initialize()
        reply = server.call("textDocument/hover", {...})
        server.shutdown_and_exit()          # asserts exit code 0

Nothing here knows about individual LSP features: add helpers for new requests in the tests,
or here when several test files need them.
"""

from __future__ import annotations

import itertools
import json
import os
import pathlib
import re
import subprocess
import threading
import time
from typing import Any, Iterable

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = REPO_ROOT / "Tests" / "Fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))

LSP = "lsp"
NDJSON = "ndjson"
FRAMINGS = (LSP, NDJSON)

#: Seconds to wait for one message. Generous: debug build, 2 cores shared with other builds.
DEFAULT_TIMEOUT = float(os.environ.get("PODIUM_TEST_TIMEOUT", "20"))

#: A request no server implements: it must always be answered with -32601 once initialized.
#: Used to prove the server is alive and in sync.
PING_METHOD = "conformance/noSuchMethod"

# JSON-RPC 2.0 and LSP error codes.
PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
INTERNAL_ERROR = -32603
SERVER_NOT_INITIALIZED = -32002
REQUEST_CANCELLED = -32800


def podium_path() -> str:
    """The server binary: `$PODIUM`, default `.build/debug/podium` from the repo root."""
    path = pathlib.Path(os.environ.get("PODIUM", ".build/debug/podium"))
    if not path.is_absolute():
        path = REPO_ROOT / path
    return str(path)


class ProtocolViolation(AssertionError):
    """The server wrote something on stdout that is not a well-formed frame."""


class ServerTimeout(AssertionError):
    """The server did not answer (or exit) in time."""


def encode(message: Any) -> bytes:
    """A JSON text, compact, UTF-8 (not ASCII-escaped). Bytes pass through unchanged."""
    if isinstance(message, (bytes, bytearray)):
        return bytes(message)
    if isinstance(message, str):
        return message.encode("utf-8")
    return json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def frame(message: Any, framing: str = LSP) -> bytes:
    """One message framed: `Content-Length` headers, or one line of JSON."""
    body = encode(message)
    if framing == LSP:
        return b"Content-Length: %d\r\n\r\n" % len(body) + body
    assert b"\n" not in body, "an NDJSON message must fit on one line"
    return body + b"\n"


def request(method: str, params: Any = None, id: Any = 1) -> dict:
    message = {"jsonrpc": "2.0", "id": id, "method": method}
    if params is not None:
        message["params"] = params
    return message


def notification(method: str, params: Any = None) -> dict:
    message = {"jsonrpc": "2.0", "method": method}
    if params is not None:
        message["params"] = params
    return message


_HEADER = re.compile(rb"^([A-Za-z0-9-]+): ?([^\r\n]*)$")


def parse_frames(data: bytes, framing: str, final: bool = False) -> tuple[list[Any], int]:
    """Parses complete frames from `data`; returns them and the number of bytes consumed.

    Raises ProtocolViolation on anything that is not a well-formed frame. With `final`, bytes
    left over (an incomplete frame) are a violation too.
    """
    messages: list[Any] = []
    position = 0
    while position < len(data):
        if framing == NDJSON:
            end = data.find(b"\n", position)
            if end < 0:
                break
            line = data[position:end]
            messages.append(_parse_body(line, data, position))
            position = end + 1
            continue
        header_end = data.find(b"\r\n\r\n", position)
        if header_end < 0:
            _check_partial_header(data[position:], position)
            break
        length = None
        for line in data[position:header_end].split(b"\r\n"):
            match = _HEADER.match(line)
            if not match:
                raise ProtocolViolation(f"malformed header line {line!r} at byte {position}")
            name, value = match.group(1).lower(), match.group(2)
            if name == b"content-length":
                if not value.isdigit():
                    raise ProtocolViolation(f"bad Content-Length {value!r}")
                length = int(value)
        if length is None:
            raise ProtocolViolation(f"frame without Content-Length at byte {position}")
        body_start = header_end + 4
        if len(data) - body_start < length:
            break
        messages.append(_parse_body(data[body_start : body_start + length], data, position))
        position = body_start + length
    if final and position < len(data):
        raise ProtocolViolation(f"incomplete frame at end of stdout: {data[position:position + 200]!r}")
    return messages, position


_PARTIAL_HEADER = re.compile(rb"^[A-Za-z0-9-]*(: ?[^\r\n]*)?\r?$")


def _check_partial_header(rest: bytes, position: int) -> None:
    """`rest` is the start of a header block still being written, or a violation."""
    *complete, partial = rest.split(b"\r\n")
    for line in complete:
        if not _HEADER.match(line):
            raise ProtocolViolation(f"malformed header line {line!r} at byte {position}")
    if not _PARTIAL_HEADER.match(partial):
        raise ProtocolViolation(f"not a header at byte {position}: {rest[:80]!r}")


def _parse_body(body: bytes, data: bytes, position: int) -> Any:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProtocolViolation(f"body at byte {position} is not UTF-8: {error}") from None
    try:
        message = json.loads(text)
    except ValueError as error:
        raise ProtocolViolation(f"body at byte {position} is not JSON ({error}): {body[:200]!r}") from None
    if not isinstance(message, (dict, list)):
        raise ProtocolViolation(f"body at byte {position} is not an object or array: {body[:200]!r}")
    return message


def assert_response_shape(message: Any) -> None:
    """A JSON-RPC 2.0 response: jsonrpc "2.0", an id, exactly one of result and error."""
    assert isinstance(message, dict), message
    assert message.get("jsonrpc") == "2.0", message
    assert "id" in message, message
    assert ("result" in message) != ("error" in message), message
    assert set(message) <= {"jsonrpc", "id", "result", "error"}, message
    if "error" in message:
        error = message["error"]
        assert isinstance(error, dict), message
        assert isinstance(error.get("code"), int) and not isinstance(error["code"], bool), message
        assert isinstance(error.get("message"), str), message
        assert set(error) <= {"code", "message", "data"}, message


def assert_error(message: Any, code: int, id: Any) -> None:
    """`message` is an error response with this code and exactly this id (type included)."""
    assert_response_shape(message)
    assert "error" in message, f"expected error {code}, got {message}"
    assert message["error"]["code"] == code, message
    assert message["id"] == id and type(message["id"]) is type(id), f"id {id!r} not echoed exactly: {message}"


class Server:
    """One `podium lsp` process on pipes."""

    _ids = itertools.count(1_000_000)

    def __init__(
        self,
        framing: str = LSP,
        args: Iterable[str] = (),
        log_level: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        command: list[str] | None = None,
    ):
        assert framing in FRAMINGS
        self.framing = framing
        self.timeout = timeout
        argv = command or [podium_path(), "lsp"]
        argv = [*argv, *args]
        if log_level:
            argv += ["--log-level", log_level]
        self.argv = argv
        self.proc = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0
        )
        self.stdout = bytearray()  # every byte the server wrote on stdout
        self._stderr = bytearray()
        self._consumed = 0  # bytes of self.stdout already parsed into messages
        self._queue: list[Any] = []
        self.notifications: list[dict] = []  # server-initiated notifications, in order
        self.server_requests: list[dict] = []  # server-to-client requests, in order
        self._eof = False
        self._cond = threading.Condition()
        self.returncode: int | None = None
        self.max_rss_kib: int | None = None
        self._readers = [
            threading.Thread(target=self._pump, args=(self.proc.stdout, self.stdout, True), daemon=True),
            threading.Thread(target=self._pump, args=(self.proc.stderr, self._stderr, False), daemon=True),
        ]
        for reader in self._readers:
            reader.start()

    # Context manager: always reap the process.
    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc) -> None:
        self.kill()

    def _pump(self, pipe, sink: bytearray, is_stdout: bool) -> None:
        fd = pipe.fileno()
        while True:
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:
                chunk = b""
            with self._cond:
                if chunk:
                    sink.extend(chunk)
                elif is_stdout:
                    self._eof = True
                self._cond.notify_all()
            if not chunk:
                return

    @property
    def stderr(self) -> str:
        with self._cond:
            return self._stderr.decode("utf-8", "replace")

    # MARK: Writing

    def write(self, data: bytes, timeout: float | None = None) -> None:
        """Writes raw bytes; fails (and kills the server) if it stops reading for `timeout`."""
        failure: list[BaseException] = []

        def send() -> None:
            try:
                self.proc.stdin.write(data)
                self.proc.stdin.flush()
            except BaseException as error:  # BrokenPipe when the server has exited
                failure.append(error)

        writer = threading.Thread(target=send, daemon=True)
        writer.start()
        writer.join(timeout or max(self.timeout, len(data) / 1e6 * 5))
        if writer.is_alive():
            self.kill()
            raise ServerTimeout(f"server stopped reading its input ({len(data)} bytes to write)")
        if failure:
            raise failure[0]

    def send(self, message: Any, framing: str | None = None) -> None:
        self.write(frame(message, framing or self.framing))

    def notify(self, method: str, params: Any = None) -> None:
        self.send(notification(method, params))

    def request(self, method: str, params: Any = None, id: Any = None) -> Any:
        """Sends a request; returns its id (a fresh integer unless given)."""
        if id is None:
            id = next(self._ids)
        self.send(request(method, params, id))
        return id

    def close_stdin(self) -> None:
        try:
            self.proc.stdin.close()
        except OSError:
            pass

    # MARK: Reading

    def recv_any(self, timeout: float | None = None) -> Any:
        """The next message of any kind the server wrote (response, batch, notification, request)."""
        deadline = time.monotonic() + (timeout if timeout is not None else self.timeout)
        with self._cond:
            while True:
                if self._queue:
                    return self._queue.pop(0)
                messages, used = parse_frames(bytes(self.stdout[self._consumed :]), self.framing)
                self._consumed += used
                if messages:
                    self._queue.extend(messages)
                    continue
                if self._eof:
                    parse_frames(bytes(self.stdout[self._consumed :]), self.framing, final=True)
                    raise ServerTimeout(f"server closed stdout (exit {self.poll()}); stderr:\n{self.stderr_tail()}")
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise ServerTimeout(f"no message within the timeout; stderr:\n{self.stderr_tail()}")
                self._cond.wait(min(remaining, 0.5))

    def recv(self, timeout: float | None = None) -> Any:
        """The next response (an object without "method", or a batch array).

        Server-initiated notifications (publishDiagnostics …) are kept in `self.notifications`;
        server-to-client requests in `self.server_requests`, answered at once by
        `self.answer_server_request` (null, or a list of nulls for workspace/configuration).
        """
        deadline = time.monotonic() + (timeout if timeout is not None else self.timeout)
        while True:
            message = self.recv_any(max(0.0, deadline - time.monotonic()))
            if isinstance(message, dict) and "method" in message:
                if "id" in message:
                    self.server_requests.append(message)
                    reply = self.answer_server_request(message)
                    if reply is not None:
                        self.send(reply)
                else:
                    self.notifications.append(message)
                continue
            return message

    def answer_server_request(self, message: dict) -> Any:
        """The reply to a server-to-client request (override or replace per test); None: no reply."""
        result = None
        if message["method"] == "workspace/configuration":
            result = [None] * len((message.get("params") or {}).get("items") or [])
        return {"jsonrpc": "2.0", "id": message["id"], "result": result}

    def recv_n(self, count: int, timeout: float | None = None) -> list[Any]:
        return [self.recv(timeout) for _ in range(count)]

    def recv_all_available(self, quiet: float = 0.3) -> list[Any]:
        """Every message that arrives until the server is quiet for `quiet` seconds."""
        messages = []
        while True:
            try:
                messages.append(self.recv(quiet))
            except ServerTimeout:
                return messages

    def expect_nothing(self, seconds: float = 0.3) -> None:
        """No response arrives within `seconds` (server-initiated messages are set aside)."""
        try:
            message = self.recv(seconds)
        except ServerTimeout:
            return
        raise AssertionError(f"expected no message, got {message}")

    def call(self, method: str, params: Any = None, id: Any = None, timeout: float | None = None) -> dict:
        """Sends a request and returns its response (which must be the next message)."""
        id = self.request(method, params, id)
        response = self.recv(timeout)
        assert_response_shape(response)
        assert response["id"] == id, f"expected the response to {id!r}, got {response}"
        return response

    def result(self, method: str, params: Any = None, timeout: float | None = None) -> Any:
        response = self.call(method, params, timeout=timeout)
        assert "result" in response, response
        return response["result"]

    def ping(self, timeout: float | None = None) -> None:
        """Proves the server is alive and in sync: an unknown request answered with -32601."""
        id = next(self._ids)
        self.send(request(PING_METHOD, {"probe": id}, id))
        response = self.recv(timeout)
        assert_error(response, METHOD_NOT_FOUND, id)

    # MARK: Lifecycle

    def initialize(self, capabilities: dict | None = None, initialized: bool = True, **params: Any) -> dict:
        """initialize (+ initialized); returns the InitializeResult."""
        body = {"processId": os.getpid(), "rootUri": None, "capabilities": capabilities or {}}
        body.update(params)
        result = self.result("initialize", body)
        if initialized:
            self.notify("initialized", {})
        return result

    def shutdown_and_exit(self, expect_code: int = 0) -> None:
        response = self.call("shutdown")
        assert response.get("result", "missing") is None, response
        self.notify("exit")
        assert self.wait() == expect_code, self.stderr_tail()

    def poll(self) -> int | None:
        """The exit code if the process has exited (reaping it and recording its peak RSS)."""
        if self.returncode is None:
            try:
                pid, status, usage = os.wait4(self.proc.pid, os.WNOHANG)
            except ChildProcessError:  # reaped elsewhere
                self.returncode = self.proc.returncode if self.proc.returncode is not None else -1
                return self.returncode
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
                self.proc.returncode = self.returncode
                self.max_rss_kib = usage.ru_maxrss
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Waits for the process to exit; returns its exit code and records its peak RSS (KiB)."""
        deadline = time.monotonic() + (timeout if timeout is not None else self.timeout)
        while self.poll() is None:
            if time.monotonic() > deadline:
                self.kill()
                raise ServerTimeout(f"server did not exit; stderr:\n{self.stderr_tail()}")
            time.sleep(0.01)
        for reader in self._readers:
            reader.join(5)
        return self.returncode

    def peak_rss_kib(self) -> int:
        """The server's peak resident set so far (VmHWM), while it runs.

        Prefer this to `max_rss_kib` (from wait4): Linux carries the parent's high-water mark
        across fork+exec, so a child of a big pytest process reports at least its size.
        """
        with open(f"/proc/{self.proc.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        raise AssertionError("no VmHWM in /proc/<pid>/status")

    def alive(self) -> bool:
        return self.poll() is None

    def kill(self) -> None:
        if self.returncode is None:
            try:
                self.proc.kill()
            except OSError:
                pass
            try:
                self.wait(10)
            except ServerTimeout:
                pass
        for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                pipe.close()
            except OSError:
                pass

    # MARK: Checks

    def assert_stdout_is_protocol(self) -> None:
        """Every byte written to stdout so far is part of a well-formed frame."""
        with self._cond:
            data = bytes(self.stdout)
            eof = self._eof
        _, used = parse_frames(data, self.framing, final=eof)
        if not eof:
            # The tail may be a frame still being written; it must at least start like one.
            parse_frames(data[used:], self.framing)

    def stderr_tail(self, lines: int = 30) -> str:
        return "\n".join(self.stderr.splitlines()[-lines:])



def answer_registrations(client) -> None:
    """Lets a pytest-lsp client accept `client/registerCapability` as real editors do (Podium
    asks to watch `.podium/topics.json`); the test client has no handler of its own."""

    @client.feature("client/registerCapability")
    def register(params):  # noqa: ARG001
        return None

    @client.feature("client/unregisterCapability")
    def unregister(params):  # noqa: ARG001
        return None
