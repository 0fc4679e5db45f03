#include "read/docx_symbols.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

#include "read/number_format.h"

namespace untm::read {

namespace {

// Adobe's Symbol encoding (the glyph list behind Word's Symbol font): the
// code points documents use, not the whole font.
constexpr std::array<std::pair<unsigned, char32_t>, 40> symbol_font{{
    {0x41, U'Α'}, {0x42, U'Β'}, {0x44, U'Δ'}, {0x46, U'Φ'}, {0x47, U'Γ'}, {0x4C, U'Λ'}, {0x50, U'Π'},
    {0x53, U'Σ'}, {0x57, U'Ω'}, {0x61, U'α'}, {0x62, U'β'}, {0x63, U'χ'}, {0x64, U'δ'}, {0x65, U'ε'},
    {0x67, U'γ'}, {0x6C, U'λ'}, {0x6D, U'μ'}, {0x70, U'π'}, {0x72, U'ρ'}, {0x73, U'σ'}, {0x74, U'τ'},
    {0x77, U'ω'}, {0xA3, U'≤'}, {0xA5, U'∞'}, {0xAB, U'↔'}, {0xAC, U'←'}, {0xAD, U'↑'}, {0xAE, U'→'},
    {0xAF, U'↓'}, {0xB0, U'°'}, {0xB1, U'±'}, {0xB3, U'≥'}, {0xB4, U'×'}, {0xB5, U'∝'}, {0xB7, U'•'},
    {0xB8, U'÷'}, {0xB9, U'≠'}, {0xBB, U'≈'}, {0xD6, U'√'}, {0xE6, U'∑'},
}};
static_assert(std::is_sorted(symbol_font.begin(), symbol_font.end()));

}  // namespace

std::string symbol_text(std::string_view code, std::string_view font) {
  unsigned value = 0;
  const auto [end, error] = std::from_chars(code.data(), code.data() + code.size(), value, 16);
  if (error != std::errc{} || end != code.data() + code.size() || value < 0x20) return {};
  const bool private_use = value >= 0xF000 && value <= 0xF0FF;
  if (!private_use) {
    // Surrogates are not characters; everything else in the BMP is.
    return (value >= 0xD800 && value <= 0xDFFF) || value > 0xFFFF ? std::string() : utf8(value);
  }
  if (font != "Symbol") return {};
  const unsigned glyph = value - 0xF000;
  const auto found = std::lower_bound(symbol_font.begin(), symbol_font.end(), std::pair<unsigned, char32_t>{glyph, 0});
  if (found != symbol_font.end() && found->first == glyph) return utf8(found->second);
  // Symbol's printable ASCII range mostly is ASCII (digits, punctuation).
  return glyph >= 0x20 && glyph < 0x7F ? std::string(1, static_cast<char>(glyph)) : std::string();
}

}  // namespace untm::read
