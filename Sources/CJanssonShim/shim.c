#include "CJanssonShim.h"

int podium_json_type(const json_t *value) { return value ? (int)json_typeof(value) : -1; }

json_t *podium_json_boolean(int flag) { return json_boolean(flag); }

const char *podium_json_error_text(const json_error_t *error) { return error->text; }

json_t *podium_pack_error_response(json_t *id, json_int_t code, const char *message) {
  if (id == NULL) id = json_null();
  return json_pack("{s:s, s:o, s:{s:I, s:s}}", "jsonrpc", "2.0", "id", id, "error", "code",
                   code, "message", message);
}

int podium_unpack_envelope(json_t *message, json_t **jsonrpc, json_t **method, json_t **id,
                           json_t **params, json_t **result, json_t **error) {
  *jsonrpc = *method = *id = *params = *result = *error = NULL;
  if (!json_is_object(message)) return -1;
  json_error_t err;
  return json_unpack_ex(message, &err, 0, "{s?o, s?o, s?o, s?o, s?o, s?o}", "jsonrpc", jsonrpc,
                        "method", method, "id", id, "params", params, "result", result,
                        "error", error);
}

void podium_object_foreach(json_t *object, void *context, podium_object_visitor visit) {
  const char *key;
  json_t *value;
  json_object_foreach(object, key, value) {
    if (visit(context, key, json_object_iter_key_len(json_object_key_to_iter(key)), value)) return;
  }
}
