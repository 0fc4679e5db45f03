#include "text/decode.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

using untm::decode_text;
using untm::InputError;

TEST_CASE("decode: UTF-8 byte-order mark is dropped, CRLF and CR become LF", "[text][decode]") {
  const auto decoded = decode_text("\xEF\xBB\xBFone\r\ntwo\rthree\n", "a.txt", false);
  CHECK(decoded.text == "one\ntwo\nthree\n");
  CHECK(decoded.encoding == untm::SourceEncoding::utf8_with_bom);
}

TEST_CASE("decode: UTF-16 with a byte-order mark, both byte orders", "[text][decode]") {
  // "中a\r\n" and U+1F600 (a surrogate pair).
  const std::string little_endian("\xFF\xFE\x2D\x4E" "a\0" "\r\0\n\0" "\x3D\xD8\x00\xDE", 14);
  const std::string big_endian("\xFE\xFF\x4E\x2D" "\0a" "\0\r\0\n" "\xD8\x3D\xDE\x00", 14);
  CHECK(decode_text(little_endian, "le.txt", false).text == "中a\n\xF0\x9F\x98\x80");
  CHECK(decode_text(big_endian, "be.txt", false).text == "中a\n\xF0\x9F\x98\x80");
  CHECK(decode_text(big_endian, "be.txt", false).encoding == untm::SourceEncoding::utf16be);
}

TEST_CASE("decode: invalid UTF-8 names the file and the byte offset", "[text][decode]") {
  const std::string bytes = "good text\n\xE4\xB8 broken";
  try {
    decode_text(bytes, "report.txt", false);
    FAIL("no error");
  } catch (const untm::InvalidUtf8Error& error) {
    CHECK(error.source() == "report.txt");
    CHECK(error.offset() == 10u);
    CHECK(error.message().find("invalid UTF-8") != std::string::npos);
    // The cause only: which front end has a lenient mode, and its flag, is not the library's business.
    CHECK(error.message().find("--") == std::string::npos);
  }
}

TEST_CASE("decode: lenient replaces each invalid sequence and counts them", "[text][decode]") {
  const auto decoded = decode_text("a\xFF" "b\xC0\xAF" "c", "x", true);
  CHECK(decoded.text == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD" "c");
  CHECK(decoded.replaced_invalid_sequences == 3);
}

TEST_CASE("decode: NUL bytes and control characters are binary data, not text", "[text][decode]") {
  CHECK_THROWS_WITH(decode_text(std::string("text\0more", 9), "bin", false),
                    Catch::Contains("bin: byte 4: NUL byte"));
  CHECK_THROWS_WITH(decode_text("abc\x01\x02", "bin", true), Catch::Contains("byte 3: control character U+0001"));
  CHECK_THROWS_WITH(decode_text(std::string("a\0b\0c\0d\0", 8), "wide.txt", false),
                    Catch::Contains("UTF-16 without a byte-order mark"));
}

TEST_CASE("decode: form feeds and tabs are text", "[text][decode]") {
  CHECK(decode_text("page 1\fpage\t2", "x", false).text == "page 1\fpage\t2");
}

TEST_CASE("decode: UTF-16 with an unpaired surrogate or an odd length", "[text][decode]") {
  CHECK_THROWS_WITH(decode_text(std::string("\xFF\xFE\x3D\xD8" "a\0", 6), "s.txt", false),
                    Catch::Contains("s.txt: byte 2: invalid UTF-16"));
  CHECK_THROWS_WITH(decode_text(std::string("\xFF\xFE" "a\0b", 5), "s.txt", false), Catch::Contains("byte 4"));
  CHECK(decode_text(std::string("\xFF\xFE" "a\0b", 5), "s.txt", true).replaced_invalid_sequences == 1);
}

TEST_CASE("decode: an input over the size limit is refused by its size, naming the file and the limit",
          "[text][decode]") {
  // Sizes only: no test allocates gigabytes. 2 GiB + 1 wrapped to a negative
  // 32-bit length, 4 GiB + 1 MiB to 1 MiB.
  CHECK_NOTHROW(untm::check_input_size(untm::kMaxInputBytes, "big.txt"));
  for (const std::uint64_t size : {untm::kMaxInputBytes + 1, (std::uint64_t{2} << 30) + 1,
                                   (std::uint64_t{4} << 30) + (1 << 20), ~std::uint64_t{0}}) {
    try {
      untm::check_input_size(size, "big.txt");
      FAIL("no error for " << size << " bytes");
    } catch (const InputError& error) {
      const std::string message = error.what();
      CHECK(message.find("big.txt") != std::string::npos);
      CHECK(message.find("over the limit of 1 GiB") != std::string::npos);
    }
  }
}

TEST_CASE("decode view: text that is its own decoding is viewed, not copied", "[text][decode]") {
  const std::string bytes = "第一行\tone\n\fpage two\n";
  const untm::DecodedView view(bytes, "a.txt", false);
  CHECK(view.text() == bytes);
  CHECK(view.text().data() == bytes.data());
}

TEST_CASE("decode view: anything decoding changes is decoded as decode_text does", "[text][decode]") {
  for (const std::string& bytes : {std::string("\xEF\xBB\xBFone\r\ntwo"), std::string("one\rtwo"),
                                  std::string("\xFF\xFE" "a\0\r\0\n\0", 8)}) {
    const untm::DecodedView view(bytes, "a.txt", false);
    CHECK(view.text() == decode_text(bytes, "a.txt", false).text);
    CHECK(view.text().data() != bytes.data());
  }
  const untm::DecodedView lenient("a\xFF" "b", "x", true);
  CHECK(lenient.text() == "a\xEF\xBF\xBD" "b");
  CHECK(lenient.replaced_invalid_sequences() == 1);
  CHECK_THROWS_AS(untm::DecodedView("a\xFF" "b", "x", false), untm::InvalidUtf8Error);
  CHECK_THROWS_WITH(untm::DecodedView(std::string("a\0b", 3), "bin", false), Catch::Contains("NUL byte"));
  CHECK_THROWS_WITH(untm::DecodedView("a\x7F", "bin", false), Catch::Contains("U+007F"));
}

TEST_CASE("decode view: any byte or sequence at any place of a word-sized run is judged as decode_text judges it",
          "[text][decode]") {
  // The view checks printable ASCII eight bytes at a time and three-byte
  // sequences in place: each byte value and some valid and invalid
  // sequences.
  std::vector<std::string> inserts;
  for (int byte = 0; byte < 256; ++byte) inserts.emplace_back(1, static_cast<char>(byte));
  for (const char* sequence : {"\xE4\xB8\x80", "\xEF\xBF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xED\xA0\x80",
                               "\xE0\x80\x80", "\xE4\xB8", "\xE4\x41\x80", "\xC3\xB4", "\xF0\x9F\x98\x80"}) {
    inserts.emplace_back(sequence);
  }
  // ASCII, and a run of three-byte sequences, which the view takes two at a
  // time: every offset, inside a sequence too.
  for (const std::string base : {"abcdefghijklmnop", "\u4E2D\u6587\u5B57\u4E2D\u6587\u5B57\u3002"}) {
    for (const auto& insert : inserts) {
      for (std::size_t at = 0; at <= base.size(); ++at) {
        std::string bytes = base;
        bytes.insert(at, insert);
        INFO("byte " << static_cast<int>(static_cast<unsigned char>(insert[0])) << " length " << insert.size() << " at "
                     << at << " of " << base);
        std::optional<untm::DecodedText> decoded;
        try {
          decoded = decode_text(bytes, "a.txt", false);
        } catch (const untm::InputError&) {
          CHECK_THROWS_AS(untm::DecodedView(bytes, "a.txt", false), untm::InputError);
          continue;
        }
        const untm::DecodedView view(bytes, "a.txt", false);
        CHECK(view.text() == decoded->text);
        CHECK((view.text().data() == bytes.data()) == (decoded->text == bytes));
      }
    }
  }
}
