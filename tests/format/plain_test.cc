#include "format/plain.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "sample_document.h"

using namespace untm;
using namespace untm::format;

namespace {
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}
}  // namespace

TEST_CASE("tsv puts the first input's text first, one pair per line", "[format][tsv]") {
  AlignedDocument document = testing::sample_document();
  document.pairs[0].second.text = "Azer\tbai\njan";
  CleanupCounts counts;
  std::string out;
  CHECK(append_tsv(out, document, {}, counts) == 4);
  const auto lines = lines_of(out);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "阿塞拜疆\tAzer bai jan");
  CHECK(lines[2] == "[原件：英文]\t");
}

TEST_CASE("tsv honours the minimum confidence", "[format][tsv]") {
  CleanupCounts counts;
  std::string out;
  CHECK(append_tsv(out, testing::sample_document(), FormatOptions{PairSelection(PairFilter{.min_confidence = 0.9})}, counts) == 1);
  CHECK(out == "阿塞拜疆\tAzerbaijan\n");
}

TEST_CASE("jsonl holds texts, link, cost, confidence and positions as valid JSON strings", "[format][jsonl]") {
  CleanupCounts counts;
  std::string out;
  append_jsonl(out, testing::sample_document(), {}, counts);
  const auto lines = lines_of(out);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] ==
        "{\"document\":\"A/68/155\",\"link\":\"1-1\",\"cost\":0.2500,\"confidence\":0.9700,\"origin\":\"auto\","
        "\"zh\":\"阿塞拜疆\",\"zh_source\":[0,12],\"zh_sentences\":[0,1],"
        "\"en\":\"Azerbaijan\",\"en_source\":[0,10],\"en_sentences\":[0,1]}");
  CHECK(lines[1].find("\"en\":\"Pursuant to resolution 67/61, \\\"confidence-building\\\" <measures>. R&D & co.\"") !=
        std::string::npos);
}

TEST_CASE("jsonl marks a link a person checked or edited as manual", "[format][jsonl]") {
  AlignedDocument document = testing::sample_document();
  document.pairs[1].origin = LinkOrigin::manual;
  CleanupCounts counts;
  std::string out;
  append_jsonl(out, document, {}, counts);
  const auto lines = lines_of(out);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].find("\"origin\":\"auto\"") != std::string::npos);
  CHECK(lines[1].find("\"origin\":\"manual\"") != std::string::npos);
}

TEST_CASE("jsonl escapes control characters and writes infinite costs as null", "[format][jsonl]") {
  AlignedDocument document = testing::sample_document();
  document.pairs.resize(1);
  document.pairs[0].second.text = "a\\b\nc\x01";
  document.pairs[0].link.cost = 1.0 / 0.0;
  CleanupCounts counts;
  std::string out;
  append_jsonl(out, document, {}, counts);
  CHECK(out.find("\"en\":\"a\\\\b\\nc\"") != std::string::npos);
  CHECK(out.find("\"cost\":null") != std::string::npos);
  CHECK(counts.dropped_characters == 1);
}

TEST_CASE("moses writes line-aligned files, an empty line for the missing side", "[format][moses]") {
  CleanupCounts counts;
  std::string zh, en;
  CHECK(append_moses(zh, en, testing::sample_document(), {}, counts) == 4);
  const auto zh_lines = lines_of(zh);
  const auto en_lines = lines_of(en);
  REQUIRE(zh_lines.size() == 4);
  REQUIRE(en_lines.size() == 4);
  CHECK(zh_lines[3] == "第一句。第二句。");
  CHECK(en_lines[3] == "Both sentences in one.");
  CHECK(en_lines[2].empty());
}
