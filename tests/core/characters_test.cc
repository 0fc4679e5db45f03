#include "core/characters.h"

#include <unicode/uscript.h>

#include <catch2/catch.hpp>

using namespace untm;

namespace {

bool icu_script_is(char32_t code_point, std::initializer_list<UScriptCode> scripts) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(code_point), &status);
  for (const UScriptCode wanted : scripts) {
    if (script == wanted) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("white space covers the spaces of UN texts and nothing visible", "[core][characters]") {
  for (const char32_t space : {U' ', U'\t', U'\n', U'\r', U'\f', U'\v', U'\u00A0', U'\u2002', U'\u200B', U'\u2028',
                               U'\u202F', U'\u3000', U'\uFEFF'}) {
    INFO(static_cast<unsigned>(space));
    CHECK(is_white_space(space));
  }
  for (const char32_t visible : {U'a', U'0', U'_', U'\u00AD', U'\u200C', U'中', U'。', U'\u0085'}) {
    INFO(static_cast<unsigned>(visible));
    CHECK_FALSE(is_white_space(visible));
  }
  CHECK(count_visible_code_points(" 中 文\u3000text\t") == 6);
}

TEST_CASE("Han and the CJK scripts match ICU's script property on every code point", "[core][characters]") {
  // Expected values from ICU: the table must say what Scripts.txt says.
  std::size_t han = 0;
  for (char32_t code_point = 0; code_point < 0x40000; ++code_point) {
    const bool icu_han = icu_script_is(code_point, {USCRIPT_HAN});
    const bool icu_cjk = icu_script_is(code_point, {USCRIPT_HAN, USCRIPT_HIRAGANA, USCRIPT_KATAKANA, USCRIPT_BOPOMOFO});
    if (is_han(code_point) != icu_han || is_cjk_script(code_point) != icu_cjk) {
      FAIL("U+" << std::hex << static_cast<unsigned>(code_point) << " differs from ICU");
    }
    han += icu_han ? 1 : 0;
  }
  CHECK(han > 90000);
}

TEST_CASE("CJK punctuation is the punctuation of Chinese text, not Han", "[core][characters]") {
  for (const char32_t mark : {U'。', U'、', U'「', U'，', U'：', U'\u3000'}) CHECK(is_cjk_punctuation(mark));
  for (const char32_t other : {U'.', U',', U'中', U'a'}) CHECK_FALSE(is_cjk_punctuation(other));
  CHECK_FALSE(is_han(U'。'));
}
