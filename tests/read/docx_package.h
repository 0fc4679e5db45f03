#pragma once
// DOCX packages built in memory for the reader's tests: a ZIP (written by
// libzip, as the reader reads it) holding the parts the test gives, plus the
// content types and relationships Word would write for them.

#include <zip.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace untm::read::test {

using Parts = std::vector<std::pair<std::string, std::string>>;

inline std::string zip_archive(const Parts& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw std::runtime_error("zip_open_from_source failed");
  for (const auto& [name, content] : parts) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) throw std::runtime_error("zip_file_add");
  }
  if (zip_close(archive) < 0) throw std::runtime_error("zip_close failed");
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  std::string bytes(static_cast<std::size_t>(zip_source_tell(buffer)), '\0');
  zip_source_seek(buffer, 0, SEEK_SET);
  zip_source_read(buffer, bytes.data(), bytes.size());
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

constexpr std::string_view word_namespace =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
    R"(xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math")";

// `body` is the content of w:body; `related` holds optional parts by
// relationship type ("styles", "numbering", "footnotes", "endnotes"), each the
// content of its root element (w:styles, w:numbering, w:footnotes, w:endnotes).
inline std::string docx(std::string_view body, const Parts& related = {}) {
  const std::string relationship_base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  std::string document_rels = R"(<?xml version="1.0" encoding="UTF-8"?>)"
                              R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  Parts parts{
      {"[Content_Types].xml",
       R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
       R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
       R"(<Default Extension="xml" ContentType="application/xml"/></Types>)"},
      {"_rels/.rels", R"(<?xml version="1.0" encoding="UTF-8"?>)"
                      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
                      R"(<Relationship Id="rId1" Type=")" + relationship_base +
                          R"(officeDocument" Target="word/document.xml"/></Relationships>)"},
      {"word/document.xml", R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document )" +
                                std::string(word_namespace) + "><w:body>" + std::string(body) +
                                "</w:body></w:document>"},
  };
  int id = 1;
  for (const auto& [type, content] : related) {
    const std::string root = "w:" + type;
    parts.emplace_back("word/" + type + ".xml", "<" + root + " " + std::string(word_namespace) + ">" + content +
                                                   "</" + root + ">");
    document_rels += R"(<Relationship Id="rId)" + std::to_string(++id) + R"(" Type=")" + relationship_base + type +
                     R"(" Target=")" + type + R"(.xml"/>)";
  }
  parts.emplace_back("word/_rels/document.xml.rels", document_rels + "</Relationships>");
  return zip_archive(parts);
}

// A paragraph of plain text runs.
inline std::string paragraph(std::string_view text, std::string_view properties = "") {
  return "<w:p><w:pPr>" + std::string(properties) + "</w:pPr><w:r><w:t xml:space=\"preserve\">" + std::string(text) +
         "</w:t></w:r></w:p>";
}

}  // namespace untm::read::test
