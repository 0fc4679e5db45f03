#include "read/pdf.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <memory>

#include "core/error.h"
#include "read/pdf_layout.h"

namespace untm::read {

namespace {

// Superscript footnote marks are set this much smaller than their line.
constexpr double kSuperscriptSize = 0.8;
// A PDF ends with %%EOF (ISO 32000-1, 7.5.5); readers look for it within the
// last 1024 bytes.
constexpr std::size_t kEndWindow = 1024;

struct Word {
  std::string text;
  poppler::rectf box;
  double size = 0;
  bool bold = false;
  bool space_after = false;
};

bool bold_face(const std::string& font_name) {
  return font_name.find("Bold") != std::string::npos || font_name.find("Black") != std::string::npos ||
         font_name.find("Heavy") != std::string::npos;
}

std::vector<Word> page_words(const poppler::page& page) {
  std::vector<Word> words;
  for (const auto& box : page.text_list(poppler::page::text_list_include_font)) {
    if (box.rotation() != 0) continue;  // stamps and margin notes set sideways
    const auto utf8 = box.text().to_utf8();
    Word word{std::string(utf8.begin(), utf8.end()), box.bbox(), box.get_font_size(),
              bold_face(box.get_font_name()), box.has_space_after()};
    if (!word.text.empty()) words.push_back(std::move(word));
  }
  return words;
}

// poppler gives a run of Chinese as one word; its first character is the
// unit that could have fitted on the line before.
double first_word_width(const Word& word) {
  const auto first = static_cast<unsigned char>(word.text.front());
  if (first < 0xE0) return word.box.width();  // not a three- or four-byte (East Asian) character
  std::size_t characters = 0;
  for (char byte : word.text) characters += (static_cast<unsigned char>(byte) & 0xC0) != 0x80 ? 1 : 0;
  return word.box.width() / static_cast<double>(characters);
}

bool all_digits(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char byte) { return std::isdigit(static_cast<unsigned char>(byte)) != 0; });
}

// One line from its words: superscript numbers after the first word (footnote
// marks; the footnote itself stays apart) are left out.
PdfLine make_line(const std::vector<Word>& words, std::uint32_t page) {
  PdfLine line;
  line.page = page;
  for (const auto& word : words) line.size = std::max(line.size, word.size);
  line.bold = true;
  const Word* previous = nullptr;
  for (const auto& word : words) {
    const bool mark = previous != nullptr && all_digits(word.text) && word.size < kSuperscriptSize * line.size;
    if (mark) continue;
    if (previous == nullptr) {
      line.left = word.box.left();
      line.top = word.box.top();
      line.bottom = word.box.bottom();
      line.first_word_width = first_word_width(word);
    } else if (previous->space_after) {
      line.text += ' ';
    }
    line.text += word.text;
    line.right = std::max(line.right, word.box.right());
    line.top = std::min(line.top, word.box.top());
    line.bottom = std::max(line.bottom, word.box.bottom());
    line.bold = line.bold && word.bold;
    previous = &word;
  }
  return line;
}

// Words in reading order -> lines: a word starts a new line when it lies
// below the current line or goes back to the left.
std::vector<PdfLine> page_lines(const std::vector<Word>& words, std::uint32_t page) {
  std::vector<PdfLine> lines;
  std::vector<Word> current;
  for (const auto& word : words) {
    if (!current.empty()) {
      const auto& last = current.back();
      const double middle = (word.box.top() + word.box.bottom()) / 2;
      const bool same_line = middle > last.box.top() && middle < last.box.bottom() &&
                             word.box.left() > last.box.left();
      if (!same_line) {
        lines.push_back(make_line(current, page));
        current.clear();
      }
    }
    current.push_back(word);
  }
  if (!current.empty()) lines.push_back(make_line(current, page));
  return lines;
}

std::unique_ptr<poppler::document> open_document(std::string_view bytes, const std::string& source_name) {
  // poppler reports damage on stderr by default; the error we throw says it.
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) throw InputError(source_name, "PDF too large (over 2 GB)");
  // poppler rebuilds a file cut short from what is left, which would quietly
  // lose the pages after the cut (an interrupted download or copy).
  if (bytes.substr(bytes.size() - std::min(bytes.size(), kEndWindow)).find("%%EOF") == std::string_view::npos) {
    throw InputError(source_name,
                     "the PDF is damaged or truncated (it does not end with %%EOF): download or export it again");
  }
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) {
    throw InputError(source_name, "not a readable PDF (damaged or truncated): download or export it again");
  }
  if (document->is_locked()) {
    throw InputError(source_name, "the PDF is encrypted with a password: save an unprotected copy and align that");
  }
  return document;
}

}  // namespace

std::vector<Block> read_pdf(std::string_view bytes, const std::string& source_name) {
  const auto document = open_document(bytes, source_name);
  std::vector<PdfPage> pages;
  bool any_text = false;
  for (int number = 0; number < document->pages(); ++number) {
    const std::unique_ptr<poppler::page> page(document->create_page(number));
    if (!page) throw InputError(source_name, "PDF page " + std::to_string(number + 1) + " is damaged");
    const auto rect = page->page_rect();
    const auto words = page_words(*page);
    any_text = any_text || !words.empty();
    pages.push_back({rect.width(), rect.height(), page_lines(words, static_cast<std::uint32_t>(number + 1))});
  }
  if (!any_text) {
    throw InputError(source_name,
                     "the PDF has no text layer (a scan?): make it searchable with OCR (e.g. ocrmypdf) first");
  }
  return blocks_from_pages(pages);
}

}  // namespace untm::read
