// The few jansson entry points Swift cannot call directly: function-like macros
// (json_typeof, json_boolean, json_object_foreach) and the variadic json_pack/json_unpack.
// Everything else is imported straight from <jansson.h> through CJansson.
#ifndef PODIUM_CJANSSON_SHIM_H
#define PODIUM_CJANSSON_SHIM_H

#include <jansson.h>
#include <stddef.h>

/// json_typeof(value) as a plain int (JSON_OBJECT … JSON_NULL).
int podium_json_type(const json_t *value);

/// json_boolean(flag): a new reference to json_true() or json_false().
json_t *podium_json_boolean(int flag);

/// The error text of a failed load, as a NUL-terminated C string (it lives in `error`).
const char *podium_json_error_text(const json_error_t *error);

/// A JSON-RPC 2.0 error response, packed in one call:
/// {"jsonrpc":"2.0","id":<id>,"error":{"code":<code>,"message":<message>}}.
/// `id` is stolen (pass a new reference, or NULL for null). Returns a new reference.
json_t *podium_pack_error_response(json_t *id, json_int_t code, const char *message);

/// The flags for json_dumpb: compact, any top-level value, and 15 significant digits for reals
/// (so 0.85 prints as 0.85); `pretty` indents by two (JSON_INDENT is a function-like macro).
size_t podium_dump_flags(int pretty);

/// Calls `visit(context, key, key_length, value)` for each member of `object`, in order
/// (the json_object_foreach macro). Stops early when `visit` returns non-zero.
typedef int (*podium_object_visitor)(void *context, const char *key, size_t key_length,
                                     json_t *value);
void podium_object_foreach(json_t *object, void *context, podium_object_visitor visit);

#endif
