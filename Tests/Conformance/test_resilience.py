"""Seeded fuzzing of the byte stream: random garbage, mutated frames and randomly chunked valid
traffic. After every round a valid request must be answered, every message in between must be a
well-formed JSON-RPC response, and stdout must carry protocol bytes only.

Rounds are bounded (PODIUM_FUZZ_ROUNDS, default 1000 per framing) and seeded
(PODIUM_FUZZ_SEED, default 1), so a failure is reproducible: the test prints the round.

Garbage chunks always end with a line end, and never declare a valid Content-Length whose
body would swallow the following request (that case is tested on its own in test_framing.py).
"""

from __future__ import annotations

import os
import random
import re
import time

import pytest

from podium_client import (
    LSP,
    METHOD_NOT_FOUND,
    NDJSON,
    PING_METHOD,
    assert_error,
    assert_response_shape,
    encode,
    frame,
    request,
)

ROUNDS = int(os.environ.get("PODIUM_FUZZ_ROUNDS", "1000"))
SEED = int(os.environ.get("PODIUM_FUZZ_SEED", "1"))

VALID = [
    request(PING_METHOD, {"text": "🗣 é\r\n"}, 1),
    request("shutdownx", None, "s"),
    [request(PING_METHOD, None, 2), {"jsonrpc": "2.0", "method": "note"}],
    {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 1}},
    {"jsonrpc": "2.0", "method": "textDocument/didOpen",
     "params": {"textDocument": {"uri": "file:///f.txt", "languageId": "transcript", "version": 1, "text": "🗣 | A:\r\nhi\n"}}},
    {"jsonrpc": "2.0", "method": "textDocument/didChange",
     "params": {"textDocument": {"uri": "file:///f.txt", "version": 2},
                "contentChanges": [{"range": {"start": {"line": 0, "character": 1}, "end": {"line": 9, "character": 99}}, "text": "\r🗣"}]}},
]

TOKENS = [b"Content-Length", b":", b" ", b"\r\n", b"\n", b"\r", b"{", b"}", b"[", b"]", b'"', b"\\", b"id",
          b"jsonrpc", b"2.0", b"-1", b"99999999999999999999", b"\xff", b"\xf0\x9f\x97", b"\x00", b"Content-Type"]


# Inputs that trigger known bugs (each has its own xfail test in test_framing.py); the fuzzer
# defuses them so that it keeps looking for new ones. Delete an entry when its bug is fixed.
KNOWN_BUGS: list[tuple[re.Pattern[bytes], bytes]] = [
    # Was: 'Content-Length :' (blank before the colon) looped forever; fixed, kept as a
    # regression test (test_blank_before_the_colon). Add (pattern, replacement) pairs here.
]


# Set to True once a truncated (non-JSON) body that overshoots into the next frame no longer
# loses that frame.
OVERSHOOT_WITH_BROKEN_BODY = True


def defuse(data: bytes) -> bytes:
    for pattern, replacement in KNOWN_BUGS:
        data = pattern.sub(replacement, data)
    return data


def garbage(rng: random.Random, framing: str) -> bytes:
    return defuse(_garbage(rng, framing))


def _garbage(rng: random.Random, framing: str) -> bytes:
    kind = rng.randrange(5)
    if kind == 0:  # random bytes
        data = bytes(rng.randrange(256) for _ in range(rng.randint(1, 300)))
    elif kind == 1:  # a soup of protocol-ish tokens
        data = b"".join(rng.choice(TOKENS) for _ in range(rng.randint(1, 40)))
    elif kind == 2:  # a valid message with its body mutated (length kept right in LSP framing)
        body = bytearray(encode(rng.choice(VALID)))
        for _ in range(rng.randint(1, 5)):
            body[rng.randrange(len(body))] = rng.randrange(256)
        if framing == NDJSON:
            data = bytes(body).replace(b"\n", b" ")
        else:
            data = frame(bytes(body))
    elif kind == 3:  # a header mutated so that it is not a valid length
        body = encode(rng.choice(VALID))
        header = rng.choice([b"Content-Length: x%d", b"Content-Length %d", b"Content-Length: -%d",
                             b"Content-Length: %d%d%d%d%d%d%d%d%d%d%d", b"Content-Lenght: %d", b": %d"])
        data = header.replace(b"%d", b"%d" % len(body)) + b"\r\n\r\n" + body
        if framing == NDJSON:
            data = data.replace(b"\n", b" ")
    elif framing == NDJSON:  # a truncated valid message, then a line end
        whole = encode(rng.choice(VALID))
        data = whole[: rng.randrange(1, len(whole))]
    else:  # a header cut before its value, or a body cut short with the length made to match
        body = encode(rng.choice(VALID))
        if rng.random() < 0.5:
            data = b"Content-Length:"[: rng.randrange(1, 15)]
        else:
            cut = body[: rng.randrange(1, len(body))]
            if rng.random() < 0.5:
                data = frame(cut)  # a short body whose length matches: not JSON
            else:
                # Content-Length overshoots into the next frame, which must still be served.
                # Known bug (xfail test_truncated_body_then_next_frame): when the part sent is
                # not itself JSON, the next frame is lost. Until it is fixed, overshoot only
                # with a complete body.
                sent = cut if OVERSHOOT_WITH_BROKEN_BODY else body
                return b"Content-Length: %d\r\n\r\n" % (len(body) + rng.randint(1, 40)) + sent
    return data + b"\r\n"


@pytest.mark.slow
def test_random_garbage_rounds(spawn, framing):
    rng = random.Random(SEED * 1000 + (framing == NDJSON))
    server = spawn(framing)
    server.initialize()
    for round in range(ROUNDS):
        data = garbage(rng, framing)
        id = f"round-{round}"
        server.write(data + frame(request(PING_METHOD, None, id), framing))
        for _ in range(200):  # a round that floods replies is a failure, not an endless loop
            try:
                reply = server.recv()
            except AssertionError as error:
                raise AssertionError(f"seed {SEED}, round {round}, garbage {data!r}: {error}") from None
            if isinstance(reply, dict) and reply.get("id") == id:
                assert reply.get("error", {}).get("code") == METHOD_NOT_FOUND, (
                    f"seed {SEED}, round {round}, garbage {data!r}: the request after it got {reply}"
                )
                break
            for element in reply if isinstance(reply, list) else [reply]:
                assert_response_shape(element)
        else:
            raise AssertionError(f"seed {SEED}, round {round}, garbage {data!r}: 200 replies and still no answer")
    server.ping()
    server.shutdown_and_exit()


@pytest.mark.slow
def test_valid_traffic_in_random_chunks(spawn, framing):
    """Valid frames cut at random points, with random pauses of up to 150 ms between pieces."""
    rng = random.Random(SEED)
    server = spawn(framing)
    server.initialize()
    count = 200
    data = b"".join(frame(request(PING_METHOD, {"i": id, "t": "🗣" * (id % 7)}, id), framing) for id in range(count))
    position = 0
    while position < len(data):
        size = rng.choice([1, 2, 3, 7, 64, 500, 4096])
        server.write(data[position : position + size])
        position += size
        if rng.random() < 0.02:
            time.sleep(rng.random() * 0.15)
    for id in range(count):
        assert_error(server.recv(), METHOD_NOT_FOUND, id)
    server.ping()
