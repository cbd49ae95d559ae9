"""Every example of JSON-RPC 2.0 §7 (https://www.jsonrpc.org/specification#examples), replayed
over real stdio against `podium lsp` after initialize, in both framings.

Podium does not implement `subtract`, `sum`, `get_data` …, so where the specification shows a
result the answer must be -32601 (method not found) for the same id; everything else must have
exactly the shape the specification shows: ids echoed exactly (number or string, same type),
error codes, a batch answered by an array, nothing at all for notifications.

"Nothing at all" is checked by sending a ping request right after: with in-order processing,
the next message must be the ping's answer.
"""

from __future__ import annotations

import pytest

from podium_client import (
    INVALID_REQUEST,
    METHOD_NOT_FOUND,
    PARSE_ERROR,
    assert_error,
    assert_response_shape,
    frame,
)


def replay(server, text: str):
    """Sends one spec example (raw text, exactly as in the spec) and returns the next message."""
    server.write(frame(text.encode(), server.framing))
    return server.recv()


def replay_expecting_nothing(server, text: str) -> None:
    server.write(frame(text.encode(), server.framing))
    server.ping()  # the very next message must be the ping's answer


# --- rpc call with positional parameters ---------------------------------------------------


@pytest.mark.parametrize(
    "text, id",
    [
        ('{"jsonrpc": "2.0", "method": "subtract", "params": [42, 23], "id": 1}', 1),
        ('{"jsonrpc": "2.0", "method": "subtract", "params": [23, 42], "id": 2}', 2),
    ],
)
def test_call_with_positional_parameters(server, text, id):
    assert_error(replay(server, text), METHOD_NOT_FOUND, id)


# --- rpc call with named parameters ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, id",
    [
        ('{"jsonrpc": "2.0", "method": "subtract", "params": {"subtrahend": 23, "minuend": 42}, "id": 3}', 3),
        ('{"jsonrpc": "2.0", "method": "subtract", "params": {"minuend": 42, "subtrahend": 23}, "id": 4}', 4),
    ],
)
def test_call_with_named_parameters(server, text, id):
    assert_error(replay(server, text), METHOD_NOT_FOUND, id)


# --- a notification ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '{"jsonrpc": "2.0", "method": "update", "params": [1,2,3,4,5]}',
        '{"jsonrpc": "2.0", "method": "foobar"}',
    ],
)
def test_notification_gets_no_response(server, text):
    replay_expecting_nothing(server, text)


# --- rpc call of non-existent method -----------------------------------------------------------


def test_call_of_non_existent_method(server):
    response = replay(server, '{"jsonrpc": "2.0", "method": "foobar", "id": "1"}')
    assert_error(response, METHOD_NOT_FOUND, "1")  # the string "1", not the number 1


# --- rpc call with invalid JSON ------------------------------------------------------------------


def test_call_with_invalid_json(server):
    response = replay(server, '{"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz]')
    assert_error(response, PARSE_ERROR, None)
    server.ping()


# --- rpc call with invalid Request object --------------------------------------------------------


def test_call_with_invalid_request_object(server):
    response = replay(server, '{"jsonrpc": "2.0", "method": 1, "params": "bar"}')
    assert_error(response, INVALID_REQUEST, None)
    server.ping()


# --- rpc call Batch, invalid JSON -----------------------------------------------------------------


def test_batch_with_invalid_json(server):
    text = '[ {"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"}, {"jsonrpc": "2.0", "method" ]'
    response = replay(server, text)
    # One error object, not an array; the id of an element inside the batch is not the id.
    assert_error(response, PARSE_ERROR, None)
    server.ping()


# --- rpc call with an empty Array ----------------------------------------------------------------


def test_empty_array(server):
    response = replay(server, "[]")
    assert isinstance(response, dict), f"an empty batch gets a single response, not an array: {response}"
    assert_error(response, INVALID_REQUEST, None)
    server.ping()


# --- rpc call with an invalid Batch (but not empty) ------------------------------------------------


def test_invalid_batch_of_one(server):
    response = replay(server, "[1]")
    assert isinstance(response, list) and len(response) == 1, response
    assert_error(response[0], INVALID_REQUEST, None)
    server.ping()


# --- rpc call with invalid Batch ----------------------------------------------------------------------


def test_invalid_batch_of_three(server):
    response = replay(server, "[1,2,3]")
    assert isinstance(response, list) and len(response) == 3, response
    for element in response:
        assert_error(element, INVALID_REQUEST, None)
    server.ping()


# --- rpc call Batch ------------------------------------------------------------------------------------


MIXED_BATCH = (
    "["
    '{"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},'
    '{"jsonrpc": "2.0", "method": "notify_hello", "params": [7]},'
    '{"jsonrpc": "2.0", "method": "subtract", "params": [42,23], "id": "2"},'
    '{"foo": "boo"},'
    '{"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"},'
    '{"jsonrpc": "2.0", "method": "get_data", "id": "9"}'
    "]"
)


def test_mixed_batch(server):
    response = replay(server, MIXED_BATCH)
    assert isinstance(response, list), response
    assert len(response) == 5, f"four requests and one invalid object (the notification gets nothing): {response}"
    for element in response:
        assert_response_shape(element)
    # "The Response objects being returned from a batch call MAY be returned in any order."
    by_id = {repr(element["id"]): element for element in response}
    assert set(by_id) == {"'1'", "'2'", "None", "'5'", "'9'"}, response
    for id in ("1", "2", "5", "9"):
        assert_error(by_id[repr(id)], METHOD_NOT_FOUND, id)
    assert_error(by_id["None"], INVALID_REQUEST, None)
    server.ping()


def test_mixed_batch_keeps_request_order(server):
    """Not required by the spec, but Podium answers a batch in order: worth keeping."""
    response = replay(server, MIXED_BATCH)
    assert [element["id"] for element in response] == ["1", "2", None, "5", "9"]


# --- rpc call Batch (all notifications) ------------------------------------------------------------------


def test_batch_of_notifications_gets_nothing(server):
    replay_expecting_nothing(
        server,
        '[{"jsonrpc": "2.0", "method": "notify_sum", "params": [1,2,4]},'
        '{"jsonrpc": "2.0", "method": "notify_hello", "params": [7]}]',
    )


# --- ids are echoed exactly ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "id_text, id",
    [
        ("0", 0),
        ("-7", -7),
        ("2147483648", 2147483648),
        ("9007199254740993", 9007199254740993),  # not representable as a double
        ("9223372036854775807", 9223372036854775807),
        ('""', ""),
        ('"1"', "1"),
        ('"🗣 é \\" \\\\ \\u0000"', '🗣 é " \\ \x00'),
        ('"a-very-long-id-' + "x" * 300 + '"', "a-very-long-id-" + "x" * 300),
    ],
)
def test_ids_are_echoed_exactly(server, id_text, id):
    response = replay(server, '{"jsonrpc": "2.0", "method": "nope", "id": %s}' % id_text)
    assert_error(response, METHOD_NOT_FOUND, id)


def test_same_ids_in_a_batch_of_requests(server):
    response = replay(
        server,
        '[{"jsonrpc":"2.0","method":"a","id":1},{"jsonrpc":"2.0","method":"b","id":"1"},'
        '{"jsonrpc":"2.0","method":"c","id":1.0}]',
    )
    assert [(element["id"], type(element["id"])) for element in response] == [(1, int), ("1", str), (1.0, float)]


# --- other invalid Request objects -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, id",
    [
        ('{"jsonrpc": "1.0", "method": "x", "id": 11}', 11),  # wrong version: id is known
        ('{"method": "x", "id": 12}', 12),  # no jsonrpc member
        ('{"jsonrpc": "2.0", "id": 13}', 13),  # no method (and not a response)
        ('{"jsonrpc": "2.0", "method": "x", "id": true}', None),  # id of a wrong type: unknown
        ('{"jsonrpc": "2.0", "method": "x", "id": {"a": 1}}', None),
        ('"just a string"', None),
        ("42", None),
        ("null", None),
    ],
)
def test_other_invalid_requests(server, text, id):
    response = replay(server, text)
    assert_error(response, INVALID_REQUEST, id)
    server.ping()


def test_params_must_be_structured(server):
    """§4.2: params MUST be an Array or Object; a scalar is an invalid request (or params)."""
    response = replay(server, '{"jsonrpc": "2.0", "method": "x", "params": 3, "id": 14}')
    assert_response_shape(response)
    assert response["id"] == 14
    assert response["error"]["code"] in (INVALID_REQUEST, -32602), response


def test_parse_error_with_readable_id_answers_that_id(server):
    """Podium's extension of §5.1: a broken text whose id can be read gets the error on that id."""
    response = replay(server, '{"jsonrpc": "2.0", "id": 15, "method": "x", "params": [1,}')
    assert_error(response, PARSE_ERROR, 15)
    server.ping()
