#include "core/json.h"

#include <catch2/catch.hpp>
#include <limits>

using namespace untm;

TEST_CASE("JSON strings escape quotes, backslashes and every control character", "[core][json]") {
  CHECK(json_string("say \"hi\" \\ now") == R"("say \"hi\" \\ now")");
  CHECK(json_string("a\tb\nc\rd\be\ff") == R"("a\tb\nc\rd\be\ff")");
  CHECK(json_string(std::string("\x01\x1f\x7f", 3)) == "\"\\u0001\\u001f\x7f\"");
  CHECK(json_string(std::string("nul\0", 4)) == R"("nul\u0000")");
}

TEST_CASE("JSON strings keep valid UTF-8 and replace ill-formed bytes", "[core][json]") {
  CHECK(json_string("中文 café") == "\"中文 café\"");
  CHECK(json_string("a\xE4\xB8" "b") == "\"a\xEF\xBF\xBD" "b\"");
  CHECK(json_string("\xFF\xFE") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST_CASE("JSON numbers are fixed-point, and null where JSON has no number", "[core][json]") {
  CHECK(json_number(0.123456, 4) == "0.1235");
  CHECK(json_number(std::numeric_limits<double>::infinity(), 4) == "null");
  CHECK(json_number(std::numeric_limits<double>::quiet_NaN(), 2) == "null");
}

TEST_CASE("the writer puts commas between items and none after keys", "[core][json]") {
  std::string out;
  JsonWriter json(out);
  json.begin_object().key("id").string("A/68/155").key("span").begin_array().number(std::uint64_t{3});
  json.number(std::uint64_t{7}).end_array().key("empty").begin_object().end_object();
  json.key("cost").number(1.5, 2).key("none").null().end_object();
  CHECK(out == R"({"id":"A/68/155","span":[3,7],"empty":{},"cost":1.50,"none":null})");
}

TEST_CASE("the spaced writer separates with a space after commas and colons", "[core][json]") {
  std::string out;
  JsonWriter json(out, JsonWriter::Spacing::spaced);
  json.begin_object().key("documents").begin_array();
  json.begin_object().key("name").string("a").end_object();
  json.begin_object().key("name").string("b").end_object();
  json.end_array().end_object();
  CHECK(out == R"({"documents": [{"name": "a"}, {"name": "b"}]})");
}
