"""The LSP lifecycle, driven two ways:

- by pytest-lsp (PyPI; a real LSP client written by others, with the recorded client
  capabilities of VS Code, Neovim and Emacs it ships) through
  initialize → initialized → didOpen → didChange (incremental, 🗣 and CRLF) → shutdown → exit;
- by the raw stdio client, for what a well-behaved client never does: requests before
  initialize, after shutdown, exit without shutdown, end of input, and the command line.
"""

from __future__ import annotations

import asyncio
import subprocess
import time

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from podium_client import (
    answer_registrations,
    INVALID_REQUEST,
    LSP,
    METHOD_NOT_FOUND,
    NDJSON,
    PING_METHOD,
    SEEDS,
    SERVER_NOT_INITIALIZED,
    REQUEST_CANCELLED,
    assert_error,
    frame,
    notification,
    podium_path,
    request,
)

SEED_001 = next(seed for seed in SEEDS if seed.name.startswith("001_"))
STEP = 20  # seconds: no single step of a session may take longer

# The recorded capabilities pytest-lsp ships. Neovim 0.7 is the one packaged here (no
# positionEncodings); Neovim 0.11 and Emacs 29 offer utf-8.
CLIENTS = ["visual-studio-code", "neovim@v0.7.0", "neovim@v0.11.0", "emacs"]


# --- pytest-lsp --------------------------------------------------------------------------------


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[podium_path(), "lsp", "--stdio"]),
    params=CLIENTS,
)
async def client(lsp_client: LanguageClient, request):
    lsp_client.podium_client_spec = request.param
    answer_registrations(lsp_client)
    yield
    # A failed test may leave the server running: pytest-lsp's teardown would wait for it forever.
    server = lsp_client._server
    if server is not None and server.returncode is None:
        server.kill()


async def step(awaitable):
    return await asyncio.wait_for(awaitable, STEP)


async def unknown_request_is_answered(client: LanguageClient) -> None:
    """The server is alive and has processed everything before: -32601 for an unknown method."""
    with pytest.raises(Exception) as failure:
        await step(client.protocol.send_request_async(PING_METHOD, {}))
    assert str(METHOD_NOT_FOUND) in repr(failure.value) or "not found" in str(failure.value).lower(), failure.value


@pytest.mark.parametrize("offer_utf8", [False, True])
async def test_session_with_pytest_lsp(client: LanguageClient, offer_utf8, tmp_path):
    spec = client.podium_client_spec
    capabilities = client_capabilities(spec)
    if offer_utf8:
        capabilities.general = types.GeneralClientCapabilities(
            position_encodings=[types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16]
        )
    folder = tmp_path.as_uri()
    result = await step(
        client.initialize_session(
            types.InitializeParams(
                capabilities=capabilities,
                root_uri=folder,
                workspace_folders=[types.WorkspaceFolder(uri=folder, name="transcripts")],
                client_info=types.ClientInfo(name=f"pytest-lsp as {spec}", version="1.0.1"),
            )
        )
    )
    assert result.server_info is not None and result.server_info.name == "podium"
    assert result.server_info.version
    offered = [getattr(kind, "value", kind) for kind in (capabilities.general.position_encodings or [])] if capabilities.general else []
    expected = "utf-8" if "utf-8" in offered else "utf-32" if offered == ["utf-32"] else "utf-16"
    encoding = result.capabilities.position_encoding
    assert encoding == expected, f"{spec} offers {offered}"
    sync = result.capabilities.text_document_sync
    assert sync.open_close is True and sync.change == types.TextDocumentSyncKind.Incremental

    text = SEED_001.read_text(encoding="utf-8")
    assert "🗣" in text
    uri = (tmp_path / SEED_001.name).as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="transcript", version=1, text=text)
        )
    )

    def encode_position(offset: int) -> types.Position:
        """The position of a code-point offset in the negotiated encoding, as a client computes it."""
        before = text[:offset]
        column = before[before.rfind("\n") + 1 :]
        units = {"utf-8": len(column.encode()), "utf-16": len(column.encode("utf-16-le")) // 2, "utf-32": len(column)}
        return types.Position(line=before.count("\n"), character=units[encoding])

    version = 1
    edits = [
        (text.index("🗣") + 1, 0, " 🗣🗣 "),  # right after an astral character
        (0, 0, "Title line\r\n"),  # a CRLF line at the top
        (text.index("\n", 10) + 1, 0, "🗣 | Moderator:\r\nWelcome.\r\n"),
        (5, 3, ""),  # a deletion
        (len(text), 0, "\r\nthe end 🗣"),  # append at the very end
    ]
    for start, length, new_text in edits:
        version += 1
        change = types.TextDocumentContentChangePartial(
            range=types.Range(start=encode_position(start), end=encode_position(start + length)),
            text=new_text,
        )
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[change],
            )
        )
        text = text[:start] + new_text + text[start + length :]
    version += 1
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    await unknown_request_is_answered(client)
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert client.error is None

    await step(client.shutdown_session())
    assert client._server.returncode == 0


# --- encoding negotiation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "general, expected",
    [
        (None, "utf-16"),
        ({}, "utf-16"),
        ({"positionEncodings": []}, "utf-16"),
        ({"positionEncodings": ["utf-16"]}, "utf-16"),
        ({"positionEncodings": ["utf-8"]}, "utf-8"),
        ({"positionEncodings": ["utf-16", "utf-8"]}, "utf-8"),
        ({"positionEncodings": ["utf-32", "utf-16", "utf-8"]}, "utf-8"),
        ({"positionEncodings": ["utf-32"]}, "utf-32"),
        ({"positionEncodings": ["utf-32", "utf-16"]}, "utf-16"),
        ({"positionEncodings": ["utf-7"]}, "utf-16"),
        ({"positionEncodings": ["UTF-8"]}, "utf-16"),  # kinds are case-sensitive strings
    ],
)
def test_position_encoding_negotiation(spawn, general, expected):
    server = spawn(LSP)
    capabilities = {} if general is None else {"general": general}
    result = server.initialize(capabilities)
    assert result["capabilities"]["positionEncoding"] == expected
    assert result["serverInfo"]["name"] == "podium"


def test_initialize_result_shape(spawn, framing):
    server = spawn(framing)
    result = server.initialize()
    assert set(result) >= {"capabilities", "serverInfo"}
    assert isinstance(result["serverInfo"].get("version"), str)
    sync = result["capabilities"]["textDocumentSync"]
    assert sync["openClose"] is True and sync["change"] == 2


# --- requests out of phase ---------------------------------------------------------------------


@pytest.mark.parametrize("method", ["shutdown", "textDocument/hover", PING_METHOD, "initialized"])
def test_requests_before_initialize_get_32002(spawn, framing, method):
    server = spawn(framing)
    server.send(request(method, {}, 41))
    assert_error(server.recv(), SERVER_NOT_INITIALIZED, 41)
    server.send(request(method, {}, "s41"))
    assert_error(server.recv(), SERVER_NOT_INITIALIZED, "s41")
    server.initialize()  # still possible afterwards
    server.ping()


def test_notifications_before_initialize_are_ignored(spawn):
    server = spawn(LSP)
    server.notify("textDocument/didOpen", {"textDocument": {"uri": "file:///a", "languageId": "transcript", "version": 1, "text": "x"}})
    server.notify("initialized", {})
    server.notify("$/setTrace", {"value": "off"})
    server.send(request(PING_METHOD, None, 1))
    assert_error(server.recv(), SERVER_NOT_INITIALIZED, 1)


def test_initialize_twice_is_an_error(spawn, framing):
    server = spawn(framing)
    server.initialize()
    server.send(request("initialize", {"capabilities": {}}, 2))
    reply = server.recv()
    assert_error(reply, INVALID_REQUEST, 2)
    server.ping()


@pytest.mark.parametrize("method", ["shutdown", "initialize", "textDocument/hover", PING_METHOD])
def test_requests_after_shutdown_get_32600(spawn, framing, method):
    server = spawn(framing)
    server.initialize()
    assert server.call("shutdown")["result"] is None
    server.send(request(method, {"capabilities": {}}, 51))
    assert_error(server.recv(), INVALID_REQUEST, 51)
    server.notify("textDocument/didOpen", {"textDocument": {"uri": "file:///a", "languageId": "t", "version": 1, "text": "x"}})
    server.notify("exit")
    assert server.wait() == 0


def test_shutdown_without_params_member_and_with_null(spawn):
    """Neovim sends no params member, Eglot sends "params": null: both are fine."""
    server = spawn(LSP)
    server.initialize()
    server.write(frame(b'{"jsonrpc":"2.0","id":1,"method":"shutdown","params":null}'))
    assert server.recv() == {"jsonrpc": "2.0", "id": 1, "result": None}
    server.notify("exit")
    assert server.wait() == 0


# --- exit codes ---------------------------------------------------------------------------------


def test_shutdown_then_exit_exits_0(spawn, framing):
    server = spawn(framing)
    server.initialize()
    server.shutdown_and_exit(0)


def test_exit_without_shutdown_exits_1(spawn, framing):
    server = spawn(framing)
    server.initialize()
    server.notify("exit")
    assert server.wait() == 1


def test_exit_before_initialize_exits_1(spawn):
    server = spawn(LSP)
    server.notify("exit")
    assert server.wait() == 1


def test_eof_after_shutdown_exits_0_like_eglot(spawn, framing):
    server = spawn(framing)
    server.initialize()
    assert server.call("shutdown")["result"] is None
    server.close_stdin()
    assert server.wait() == 0


def test_eof_without_shutdown_exits_1(spawn, framing):
    server = spawn(framing)
    server.initialize()
    server.close_stdin()
    assert server.wait() == 1


def test_eof_on_empty_input_exits_1(spawn):
    server = spawn(LSP)
    server.close_stdin()
    assert server.wait() == 1
    assert server.stdout == b""


def test_input_after_exit_is_ignored(spawn):
    server = spawn(LSP)
    server.initialize()
    server.call("shutdown")
    server.write(frame(notification("exit")) + frame(request(PING_METHOD, None, 9)))
    assert server.wait() == 0
    assert b'"id":9' not in server.stdout


# --- workspace folders ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"rootUri": None, "workspaceFolders": None},
        {"rootUri": "file:///tmp/podium-ws", "workspaceFolders": None},
        {"rootPath": "/tmp/podium-ws"},
        {"rootUri": "file:///tmp/podium-ws", "workspaceFolders": [{"uri": "file:///tmp/podium-ws", "name": "ws"}]},
        {"workspaceFolders": [{"uri": "file:///a", "name": "a"}, {"uri": "file:///b", "name": "b"}]},
        {"workspaceFolders": []},
    ],
)
def test_initialize_with_and_without_workspace_folders(spawn, params):
    server = spawn(LSP, log_level="info")
    result = server.initialize(**params)
    assert result["serverInfo"]["name"] == "podium"
    server.notify("workspace/didChangeWorkspaceFolders", {"event": {"added": [{"uri": "file:///c", "name": "c"}], "removed": [{"uri": "file:///a", "name": "a"}]}})
    server.notify("textDocument/didOpen", {"textDocument": {"uri": "file:///elsewhere/x.txt", "languageId": "transcript", "version": 1, "text": "🗣 | A:\nhello\n"}})
    server.ping()
    server.shutdown_and_exit()


# --- documents over the raw client ----------------------------------------------------------------


def did_change(uri, version, *changes):
    return notification("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": list(changes)})


def edit(start, end, text):
    return {"range": {"start": {"line": start[0], "character": start[1]}, "end": {"line": end[0], "character": end[1]}}, "text": text}


def test_document_sync_edge_cases_keep_the_server_alive(spawn, framing):
    server = spawn(framing, log_level="info")
    server.initialize()
    uri = "file:///tmp/podium/a.txt"
    text = SEED_001.read_text(encoding="utf-8")
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "transcript", "version": 1, "text": text}})
    for message in [
        did_change(uri, 2, edit((2, 2), (2, 2), "🗣")),  # in the middle of nowhere special
        did_change(uri, 3, edit((2, 1), (2, 1), "x")),  # inside the surrogate pair of 🗣 (utf-16)
        did_change(uri, 4, edit((0, 0), (0, 0), "a\r\nb\rc\n")),  # CRLF and a lone CR
        did_change(uri, 5, edit((1, 0), (2, 0), "")),  # delete across the lone CR
        did_change(uri, 6, edit((3, 500), (3, 900), "past the end of a line")),
        did_change(uri, 7, edit((10_000, 0), (10_001, 5), "past the end of the document")),
        did_change(uri, 8, edit((5, 10), (5, 2), "reversed range")),
        did_change(uri, 9, edit((0, 0), (0, 0), "1"), edit((0, 0), (0, 1), "2"), {"text": "full\r\n🗣 text"}, edit((1, 2), (1, 2), "!")),
        did_change(uri, 9, edit((0, 0), (0, 0), "stale")),  # stale version: ignored, logged
        did_change(uri, 3, {"text": "older still"}),
        did_change("file:///not/open", 2, {"text": "x"}),
        notification("textDocument/didSave", {"textDocument": {"uri": uri}}),
        notification("textDocument/didClose", {"textDocument": {"uri": uri}}),
        notification("textDocument/didClose", {"textDocument": {"uri": uri}}),  # twice
        did_change(uri, 10, {"text": "after close"}),
        notification("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "transcript", "version": 1, "text": ""}}),
        did_change(uri, 2, edit((0, 0), (0, 0), "")),  # empty edit on an empty document
        notification("textDocument/didChange", {"textDocument": {"uri": uri}, "contentChanges": "not an array"}),
        notification("textDocument/didChange", {}),
        notification("textDocument/didOpen", {"textDocument": {"uri": 5}}),
    ]:
        server.send(message)
    server.ping()
    # stderr is read by another thread: give the log line a moment to arrive.
    deadline = time.monotonic() + 5
    while "stale didChange" not in server.stderr and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "stale didChange" in server.stderr
    server.shutdown_and_exit()


def test_cancel_request(spawn, framing):
    """A $/cancelRequest that arrives while its request waits behind others: answered -32800."""
    server = spawn(framing, timeout=60)
    server.initialize()
    backlog = b"".join(frame(request(PING_METHOD, None, id), framing) for id in range(1, 3001))
    target = frame(request(PING_METHOD, None, "cancel-me"), framing)
    cancel = frame(notification("$/cancelRequest", {"id": "cancel-me"}), framing)
    unknown_cancel = frame(notification("$/cancelRequest", {"id": 999_999}), framing)
    server.write(backlog + target + cancel + unknown_cancel, timeout=60)
    replies = server.recv_n(3001, timeout=60)
    assert [reply["id"] for reply in replies[:-1]] == list(range(1, 3001))
    # The worker could in principle reach the request before the reader reads the cancel.
    assert replies[-1]["id"] == "cancel-me"
    assert replies[-1]["error"]["code"] in (REQUEST_CANCELLED, METHOD_NOT_FOUND), replies[-1]
    server.ping()


# --- stdout carries protocol bytes only, whatever the log level ----------------------------------


@pytest.mark.parametrize("level", ["trace", "debug"])
def test_logging_goes_to_stderr_only(spawn, framing, level):
    server = spawn(framing, log_level=level)
    server.initialize()
    server.write(frame(b"{broken", framing))
    server.recv()
    server.ping()
    server.shutdown_and_exit()
    server.assert_stdout_is_protocol()
    assert server.stderr.strip(), "a verbose log level logs something on stderr"


# --- the command line --------------------------------------------------------------------------


def run(*args, input=b""):
    return subprocess.run([podium_path(), *args], input=input, capture_output=True, timeout=STEP)


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip()[0].isdigit(), result.stdout


def test_help():
    result = run("--help")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "lsp" in out and "USAGE" in out.upper()


def test_lsp_help_lists_options():
    result = run("lsp", "--help")
    assert result.returncode == 0
    out = result.stdout.decode()
    for option in ("--stdio", "--max-message-bytes", "--log-level"):
        assert option in out


@pytest.mark.parametrize("args", [["lsp", "--log-level", "loud"], ["lsp", "--no-such-flag"], ["lsp", "--max-message-bytes", "many"], ["frobnicate"]])
def test_bad_command_lines_fail_cleanly(args):
    result = run(*args)
    assert result.returncode != 0
    assert result.stderr.strip()


def test_lsp_stdio_flag_is_accepted(spawn):
    server = spawn(NDJSON)
    server.proc.kill()
    server.wait()
    result = run("lsp", "--stdio", "--log-level", "error", input=frame(request("initialize", {"capabilities": {}}, 1)) + frame(request("shutdown", None, 2)) + frame(notification("exit")))
    assert result.returncode == 0, result.stderr
    assert b'"name":"podium"' in result.stdout
