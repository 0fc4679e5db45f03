// The zip-bomb limits of ZipPackage (issue #10): a part or a package that
// inflates past its limit, and a package of too many entries, are refused by
// name, whatever the compressed file's size.

#include "read/zip_package.h"

#include <catch2/catch.hpp>

#include <string>

#include "core/error.h"
#include "docx_package.h"

using untm::InputError;
using untm::read::ZipLimits;
using untm::read::ZipPackage;
using untm::read::test::zip_archive;

namespace {

ZipLimits small_limits() {
  ZipLimits limits;
  limits.part_size = 3000;
  limits.package_size = 5000;
  limits.entries = 4;
  return limits;
}

}  // namespace

TEST_CASE("zip package: parts up to the limits are read whole", "[read][zip]") {
  const std::string bytes = zip_archive({{"a.xml", std::string(3000, 'a')}, {"b.xml", std::string(2000, 'b')}});
  const ZipPackage package(bytes, "fits.docx", small_limits());
  CHECK(package.read("a.xml") == std::string(3000, 'a'));
  CHECK(package.read("b.xml") == std::string(2000, 'b'));
  CHECK_FALSE(package.read("c.xml").has_value());
}

TEST_CASE("zip package: a part over its limit is refused by file and part name", "[read][zip]") {
  // 3001 spaces compress to a few bytes: the compressed size says nothing.
  const std::string bytes = zip_archive({{"word/document.xml", std::string(3001, ' ')}});
  CHECK(bytes.size() < 500);
  const ZipPackage package(bytes, "bomb.docx", small_limits());
  CHECK_THROWS_WITH(package.read("word/document.xml"),
                    Catch::Contains("bomb.docx: part word/document.xml of the DOCX package: larger than") &&
                        Catch::Contains("zip bomb"));
}

TEST_CASE("zip package: parts within their limit but over the package's in all are refused", "[read][zip]") {
  const std::string bytes = zip_archive({{"one.xml", std::string(2500, 'x')},
                                         {"two.xml", std::string(2500, 'y')},
                                         {"three.xml", std::string(1, 'z')}});
  const ZipPackage package(bytes, "many.docx", small_limits());
  CHECK(package.read("one.xml")->size() == 2500);
  CHECK(package.read("two.xml")->size() == 2500);
  CHECK_THROWS_WITH(package.read("three.xml"),
                    Catch::Contains("many.docx: part three.xml of the DOCX package: the parts read reach more than"));
}

TEST_CASE("zip package: more entries than the limit are refused when opened", "[read][zip]") {
  const std::string five = zip_archive({{"1", "a"}, {"2", "b"}, {"3", "c"}, {"4", "d"}, {"5", "e"}});
  CHECK_THROWS_AS(ZipPackage(five, "crowd.docx", small_limits()), InputError);
  CHECK_THROWS_WITH(ZipPackage(five, "crowd.docx", small_limits()),
                    Catch::Contains("crowd.docx: a ZIP package of 5 entries, more than the 4"));
  const std::string four = zip_archive({{"1", "a"}, {"2", "b"}, {"3", "c"}, {"4", "d"}});
  CHECK_NOTHROW(ZipPackage(four, "four.docx", small_limits()));
}
