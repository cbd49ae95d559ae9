#!/usr/bin/env python3
"""A long scripted `podium lsp` session as one byte stream (LSP framing), for leak checks and
soak runs: initialize, didOpen of every seed transcript, thousands of incremental and full
didChange (🗣, é, CRLF, lone CR, positions past the end), requests, batches, cancellations,
bad frames of every kind, didClose/didOpen cycles, shutdown, exit.

    python3 session.py --messages 12000 --out session.bin --expect session.expect
    podium lsp < session.bin > out.bin
    python3 session.py --check out.bin --expect session.expect

Standard library only (it runs before the test venv exists). Deterministic for a given --seed.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import random
import sys

HERE = pathlib.Path(__file__).resolve().parent
SEEDS_DIR = HERE.parent / "Fixtures" / "seeds"

SNIPPETS = ["🗣", "é", "\r\n", "\r", "\n", "🗣 | Speaker:\r\n", "word ", "", "ü🗣é\n", "\t", "x" * 40]

def _framed(body: bytes, length: int | None = None) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % (len(body) if length is None else length) + body


# Each is answered by exactly one error and leaves the stream in sync.
BAD_FRAMES = [
    b"garbage line\r\n",
    b"Content-Length: -5\r\n\r\n{}",
    b"Content-Length: abc\r\n\r\n{}",
    b"Content-Length: 99999999999999\r\n\r\n{}",
    b"Content-Type: application/vscode-jsonrpc\r\n\r\n{}",
    b"\x00\xff\xfe\r\n",
    _framed(b"{oops}\n"),
    _framed(b'{"jsonrpc":"2.0","id":"x\xff\xfe"}'),
    _framed(b'{"jsonrpc":"2.0","id":5,"method":"x","params":[1,}'),
    _framed(b"[]"),
    _framed(b"[1,2,3]"),
    _framed(b'{"jsonrpc":"2.0","id":1}'),
]


def frame(message) -> bytes:
    body = message if isinstance(message, bytes) else json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def generate(messages: int, seed: int, seeds_dir: pathlib.Path, big_share: float = 0.03,
             edit_share: float = 0.2) -> tuple[bytes, int, int]:
    """Returns (stream, number of messages, number of responses expected)."""
    rng = random.Random(seed)
    out: list[bytes] = []
    count = 0
    responses = 0

    def send(message, answered: int = 0) -> None:
        nonlocal count, responses
        out.append(frame(message))
        count += 1
        responses += answered

    send({"jsonrpc": "2.0", "id": "init", "method": "initialize",
          # The seeds' folder is the workspace: the index is built on background threads meanwhile.
          "params": {"processId": None, "rootUri": seeds_dir.resolve().as_uri(),
                     "capabilities": {"general": {"positionEncodings": ["utf-16"]}}}}, 1)
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})

    docs: dict[str, dict] = {}
    docs_text: dict[str, str] = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        uri = f"file:///seeds/{path.name}"
        text = path.read_text(encoding="utf-8")
        docs[uri] = {"version": 1, "lines": max(1, text.count("\n") + 1)}
        docs_text[uri] = text
        send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
              "params": {"textDocument": {"uri": uri, "languageId": "transcript", "version": 1, "text": text}}})
    seeds = sorted(docs)
    # Most of the churn goes to small documents cut from the seeds: every change re-analyses its
    # document, and under valgrind a 28 KB transcript per message would take most of an hour.
    for index, uri in enumerate(seeds):
        text = "\n".join(docs_text[uri].split("\n")[:30])
        small = f"file:///small/{index}.txt"
        docs[small] = {"version": 1, "lines": text.count("\n") + 1}
        send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
              "params": {"textDocument": {"uri": small, "languageId": "transcript", "version": 1, "text": text}}})
    smalls = sorted(set(docs) - set(seeds))
    next_id = 1

    while count < messages - 2:
        roll = rng.random()
        uri = rng.choice(seeds if rng.random() < big_share else smalls)
        doc = docs[uri]
        if roll < edit_share:  # incremental edits
            doc["version"] += 1
            changes = []
            for _ in range(rng.randint(1, 3)):
                line = rng.randrange(doc["lines"] + 2)
                character = rng.randrange(0, 120)
                end_line = line + rng.choice([0, 0, 0, 1])
                end_character = rng.randrange(0, 120) if end_line != line else character + rng.randrange(0, 8)
                text = "".join(rng.choice(SNIPPETS) for _ in range(rng.randint(0, 3)))
                changes.append({"range": {"start": {"line": line, "character": character},
                                          "end": {"line": end_line, "character": end_character}}, "text": text})
                doc["lines"] += text.count("\n") + text.count("\r") - text.count("\r\n")
            send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                  "params": {"textDocument": {"uri": uri, "version": doc["version"]}, "contentChanges": changes}})
        elif roll < edit_share + 0.01:  # full replacement
            doc["version"] += 1
            text = "".join(rng.choice(SNIPPETS) for _ in range(rng.randint(0, 200)))
            doc["lines"] = max(1, text.count("\n") + text.count("\r") - text.count("\r\n") + 1)
            send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                  "params": {"textDocument": {"uri": uri, "version": doc["version"]}, "contentChanges": [{"text": text}]}})
        elif roll < edit_share + 0.02:  # stale version
            send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                  "params": {"textDocument": {"uri": uri, "version": 1}, "contentChanges": [{"text": "stale"}]}})
        elif roll < edit_share + 0.025:  # close and reopen
            send({"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}})
            text = "🗣 | Reopened:\r\nhello é\rworld\n" * rng.randint(1, 50)
            doc["version"] = 1
            doc["lines"] = text.count("\n") + text.count("\r") - text.count("\r\n") + 1
            send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                  "params": {"textDocument": {"uri": uri, "languageId": "transcript", "version": 1, "text": text}}})
        elif roll < edit_share + 0.035:
            send({"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {"textDocument": {"uri": uri}}})
        elif roll < edit_share + 0.035 + (0.965 - edit_share) * 0.55:  # requests, unknown and real
            method = rng.choice(["conformance/noSuchMethod", "conformance/noSuchMethod", "textDocument/hover",
                                 "textDocument/documentSymbol", "podium/annotations",
                                 "textDocument/references", "textDocument/documentLink"])
            id = next_id if rng.random() < 0.5 else f"s{next_id}"
            next_id += 1
            send({"jsonrpc": "2.0", "id": id, "method": method,
                  "params": {"textDocument": {"uri": uri}, "position": {"line": rng.randrange(50), "character": rng.randrange(80)}}}, 1)
            if rng.random() < 0.2:
                send({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": id}})
        elif roll < edit_share + 0.035 + (0.965 - edit_share) * 0.8:  # batches
            batch = []
            answered = 0
            for _ in range(rng.randint(1, 6)):
                kind = rng.random()
                if kind < 0.5:
                    batch.append({"jsonrpc": "2.0", "id": next_id, "method": "conformance/noSuchMethod"})
                    next_id += 1
                    answered += 1
                elif kind < 0.8:
                    batch.append({"jsonrpc": "2.0", "method": "conformance/notification", "params": [1, 2]})
                else:
                    batch.append(rng.choice([1, "x", None, {"foo": "boo"}, {"jsonrpc": "2.0", "method": 1}]))
                    answered += 1
            send(batch, 1 if answered else 0)
        else:  # bad frames: each answered by one error
            out.append(rng.choice(BAD_FRAMES))
            count += 1
            responses += 1
            # A resynchronisation skips up to the next header: a bad frame right after a bad frame
            # would be skipped silently. A valid request in between keeps the count exact.
            send({"jsonrpc": "2.0", "id": f"after-bad-{next_id}", "method": "conformance/noSuchMethod"}, 1)
            next_id += 1

    send({"jsonrpc": "2.0", "id": "shutdown", "method": "shutdown"}, 1)
    send({"jsonrpc": "2.0", "method": "exit"})
    return b"".join(out), count, responses


def parse_output(data: bytes) -> list:
    messages = []
    position = 0
    while position < len(data):
        end = data.index(b"\r\n\r\n", position)
        headers = data[position:end].decode("ascii").split("\r\n")
        length = next(int(h.split(":", 1)[1]) for h in headers if h.lower().startswith("content-length:"))
        messages.append(json.loads(data[end + 4 : end + 4 + length].decode("utf-8")))
        position = end + 4 + length
    return messages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=12_000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--seeds-dir", type=pathlib.Path, default=SEEDS_DIR)
    parser.add_argument("--edit-share", type=float, default=0.2,
                        help="share of incremental didChange among the messages (the costly ones)")
    parser.add_argument("--big-share", type=float, default=0.03,
                        help="share of the messages aimed at the full seed transcripts (the rest at small ones)")
    parser.add_argument("--out", type=pathlib.Path)
    parser.add_argument("--expect", type=pathlib.Path, help="file with the number of responses expected")
    parser.add_argument("--check", type=pathlib.Path, help="the server's stdout to check against --expect")
    args = parser.parse_args()

    if args.check:
        messages = parse_output(args.check.read_bytes())
        expected = int(args.expect.read_text().split()[0]) if args.expect else None
        # Responses only: server-initiated notifications (publishDiagnostics …) are not counted.
        messages = [m for m in messages if not (isinstance(m, dict) and "method" in m)]
        ids = [m.get("id") for m in messages if isinstance(m, dict)]
        ok = (expected is None or len(messages) == expected) and "init" in ids and ids[-1] == "shutdown"
        print(f"session output: {len(messages)} responses"
              + (f" (expected {expected})" if expected is not None else "")
              + f", last id {ids[-1] if ids else None!r}")
        return 0 if ok else 1

    stream, count, responses = generate(args.messages, args.seed, args.seeds_dir, args.big_share, args.edit_share)
    if args.out:
        args.out.write_bytes(stream)
    else:
        sys.stdout.buffer.write(stream)
    if args.expect:
        args.expect.write_text(f"{responses}\n")
    print(f"session: {count} messages, {len(stream):,} bytes, {responses} responses expected", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
