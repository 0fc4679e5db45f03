#pragma once
// The one JSON writer of untm (RFC 8259). Every JSON output (JSONL pairs,
// the batch report, eval --json) escapes strings here, so that a name or a
// sentence reads back the same whichever command wrote it.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace untm {

// Appends `text` as a JSON string, quotes included: '"' and '\\' escaped,
// control characters U+0000..U+001F as \b \f \n \r \t or \u00xx (§7), and
// ill-formed UTF-8 replaced by U+FFFD (JSON text is UTF-8, §8.1).
void append_json_string(std::string& out, std::string_view text);
std::string json_string(std::string_view text);

// `value` with `decimals` digits after the point; "null" for NaN and the
// infinities, which JSON cannot represent (§6).
std::string json_number(double value, int decimals);

// Writes objects and arrays with the commas in the right places:
//   JsonWriter json(out);
//   json.begin_object().key("id").string(id).key("pairs").number(12).end_object();
// gives {"id":"A/68/155","pairs":12}. Spacing::spaced writes ", " and ": ".
class JsonWriter {
 public:
  enum class Spacing { compact, spaced };

  explicit JsonWriter(std::string& out, Spacing spacing = Spacing::compact) : out_(out), spacing_(spacing) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& string(std::string_view text);
  JsonWriter& number(std::uint64_t value);
  JsonWriter& number(double value, int decimals);
  JsonWriter& null();
  // A value already written as JSON (e.g. format_first_count's "[3,2]").
  JsonWriter& raw(std::string_view json_value);

 private:
  // Writes the comma before a value or key when it is not the first of its
  // container, and nothing right after a key.
  void separate();
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);

  std::string& out_;
  Spacing spacing_;
  std::vector<bool> container_has_items_;
  bool after_key_ = false;
};

}  // namespace untm
