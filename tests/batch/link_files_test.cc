#include "batch/link_files.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace untm::batch;

TEST_CASE("a link file name keeps a plain id as it is", "[batch]") {
  CHECK(link_file_name("001") == "001.align");
  CHECK(link_file_name("report v2.final") == "report v2.final.align");
  CHECK(link_file_name("联合国") == "联合国.align");
}

TEST_CASE("a link file name never leaves the folder, makes a subfolder or hides", "[batch]") {
  CHECK(link_file_name("/etc/passwd") == "%2Fetc%2Fpasswd.align");
  CHECK(link_file_name("../x") == "%2E.%2Fx.align");
  CHECK(link_file_name("..") == "%2E..align");
  CHECK(link_file_name("A/68/155") == "A%2F68%2F155.align");
  CHECK(link_file_name(".hidden") == "%2Ehidden.align");
  CHECK(link_file_name("a\\b") == "a%5Cb.align");
  CHECK(link_file_name("tab\there") == "tab%09here.align");
  CHECK(link_file_name("") == "%.align");
}

TEST_CASE("ids that look alike get distinct link file names", "[batch]") {
  const std::set<std::string> ids = {"x", "./x", "x/", "%2Fx", "/x", "x~1", "x%", "", "%", ".", "x.align"};
  std::set<std::string> names;
  for (const auto& id : ids) names.insert(link_file_name(id));
  CHECK(names.size() == ids.size());
  CHECK(link_file_name("%2Fx") == "%252Fx.align");
}

TEST_CASE("a long id is shortened with a hash, still distinct and whole in UTF-8", "[batch]") {
  const std::string base(300, 'a');
  const std::string first = link_file_name(base + "1");
  const std::string second = link_file_name(base + "2");
  CHECK(first != second);
  CHECK(first.size() <= 200 + std::string(".align").size());
  CHECK(first.substr(0, 180) == std::string(180, 'a'));
  CHECK(first[180] == '~');
  // 3-byte characters: the cut lands on a character boundary.
  std::string chinese;
  for (int k = 0; k < 100; ++k) chinese += "中";
  const std::string name = link_file_name(chinese);
  const std::size_t tilde = name.find('~');
  REQUIRE(tilde != std::string::npos);
  CHECK(tilde % 3 == 0);
}
