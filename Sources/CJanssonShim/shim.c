#include "CJanssonShim.h"

int podium_json_type(const json_t *value) { return value ? (int)json_typeof(value) : -1; }

json_t *podium_json_boolean(int flag) { return json_boolean(flag); }

const char *podium_json_error_text(const json_error_t *error) { return error->text; }

json_t *podium_pack_error_response(json_t *id, json_int_t code, const char *message) {
  if (id == NULL) id = json_null();
  return json_pack("{s:s, s:o, s:{s:I, s:s}}", "jsonrpc", "2.0", "id", id, "error", "code",
                   code, "message", message);
}

size_t podium_dump_flags(int pretty) {
  size_t flags = JSON_ENCODE_ANY | JSON_REAL_PRECISION(15);
  return pretty ? flags | JSON_INDENT(2) : flags | JSON_COMPACT;
}

void podium_object_foreach(json_t *object, void *context, podium_object_visitor visit) {
  const char *key;
  json_t *value;
  json_object_foreach(object, key, value) {
    if (visit(context, key, json_object_iter_key_len(json_object_key_to_iter(key)), value)) return;
  }
}
