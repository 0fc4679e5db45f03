#include "lexicon/lexicon.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <algorithm>
#include <map>
#include <set>
#include <random>
#include <sstream>

#include "core/error.h"
#include "lexicon/english_words.h"
#include "lexicon/lexical_model.h"

using namespace untm;
using namespace untm::lexicon;

namespace {
std::string read_test_file(const std::string& name) {
  std::ifstream in(std::string(UNTM_TEST_DATA_DIR) + "/lexicon/" + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The message of the InputError that `read` throws.
template <typename Reader>
std::string error_of(Reader read, const std::string& text) {
  try {
    read(text, "dict.txt");
  } catch (const InputError& error) {
    return error.what();
  }
  FAIL("no InputError");
  return {};
}
}  // namespace

TEST_CASE("CC-CEDICT entries pair the simplified headword with each sense's content words", "[lexicon]") {
  const Lexicon lexicon = read_cc_cedict(read_test_file("cedict_sample.u8"), "cedict_sample.u8");
  CHECK(lexicon.strength("传统", "tradition") == 1.0);
  CHECK(lexicon.strength("传统", "traditional") == 1.0);
  CHECK(lexicon.strength("国家", "country") == 1.0);
  CHECK(lexicon.strength("国家", "nation") == 1.0);
  CHECK(lexicon.strength("发展", "develop") == 1.0);  // "to develop", "development" folded
  CHECK(lexicon.strength("张", "sheet") == 1.0);
  // Traditional headwords, parenthesized glosses, CL: and surname senses are not translations.
  CHECK(lexicon.strength("國家", "country") == 0.0);
  CHECK(lexicon.strength("张", "paper") == 0.0);
  CHECK(lexicon.strength("张", "zhang") == 0.0);
  CHECK(lexicon.strength("A", "tw") == 0.0);
  // A sense of more than two content words explains, it does not translate.
  CHECK(lexicon.strength("个", "individual") == 1.0);
  CHECK(lexicon.strength("个", "classifier") == 0.0);
  CHECK(lexicon.strength("个", "people") == 0.0);
}

TEST_CASE("a malformed CC-CEDICT line is reported with its line number and offset", "[lexicon]") {
  const std::string text = read_test_file("cedict_malformed.u8");
  const std::string message = error_of(read_cc_cedict, text);
  CHECK(message == "dict.txt: byte " + std::to_string(text.find("發展")) + ": line 4: expected '[pinyin]' after the headwords");
}

TEST_CASE("hunalign entries pair each content word with the Chinese side", "[lexicon]") {
  const Lexicon lexicon = read_hunalign_dictionary(read_test_file("hunalign_sample.dic"), "hunalign_sample.dic");
  CHECK(lexicon.strength("发展", "development") == 1.0);
  CHECK(lexicon.strength("人权", "human") == 1.0);
  CHECK(lexicon.strength("人权", "right") == 1.0);
  CHECK(lexicon.strength("联合国", "nation") == 1.0);
  CHECK(lexicon.strength("联合国", "the") == 0.0);
  CHECK(lexicon.size() == 5);
}

TEST_CASE("a malformed hunalign line is reported with its line number", "[lexicon]") {
  const std::string message = error_of(read_hunalign_dictionary, read_test_file("hunalign_malformed.dic"));
  CHECK(message.find("line 3: expected 'english words @ chinese'") != std::string::npos);
}

TEST_CASE("read_dictionary tells the two formats apart", "[lexicon]") {
  CHECK(read_dictionary(read_test_file("hunalign_sample.dic"), "a").strength("人权", "right") == 1.0);
  CHECK(read_dictionary(read_test_file("cedict_sample.u8"), "b").strength("国家", normalize_english_word("states")) == 1.0);
  CHECK(error_of(read_dictionary, "# only a comment\n\n") == "dict.txt: the dictionary has no entries");
}

TEST_CASE("a saved lexicon reads back the same entries and strengths", "[lexicon]") {
  Lexicon lexicon;
  lexicon.add("国家", "country", 0.75);
  lexicon.add("发展", "develop");
  lexicon.add("国家", "country", 0.5);  // the stronger strength stays
  const Lexicon reread = read_lexicon(write_lexicon(lexicon), "saved.lex");
  CHECK(reread.size() == 2);
  CHECK(reread.strength("国家", "country") == 0.75);
  CHECK(reread.strength("发展", "develop") == 1.0);
}

TEST_CASE("a saved lexicon is sorted by Chinese then English, strength 1 written as 1", "[lexicon]") {
  Lexicon lexicon;
  lexicon.add("和平", "peace");
  lexicon.add("国家", "state", 0.25);
  lexicon.add("国家", "country", 0.125);
  const std::string header = "# untm lexicon 1\n# chinese<TAB>english (normal form)<TAB>strength in (0, 1]\n";
  CHECK(write_lexicon(lexicon) == header + "和平\tpeace\t1\n国家\tcountry\t0.125\n国家\tstate\t0.25\n");
}

TEST_CASE("a lexicon file without its header or with a bad strength is rejected", "[lexicon]") {
  CHECK(error_of(read_lexicon, "国家\tcountry\t1\n").find("not an untm lexicon") != std::string::npos);
  const std::string bad_strength = "# untm lexicon 1\n国家\tcountry\t0.5\n发展\tdevelop\t1.5\n";
  CHECK(error_of(read_lexicon, bad_strength) ==
        "dict.txt: byte " + std::to_string(bad_strength.find("发展")) + ": line 3: strength '1.5' is not a number in (0, 1]");
  CHECK(error_of(read_lexicon, "# untm lexicon 1\n国家 country 1\n").find("line 2: expected") != std::string::npos);
}

TEST_CASE("a lexicon keeps every pair once, in order, with its largest strength, across table growth", "[lexicon]") {
  // Checked against a std::map over many random pairs: the ids, word arena
  // and open-addressing index grow many times on the way.
  std::mt19937 random(7);
  std::uniform_int_distribution<int> word(0, 59);
  std::map<std::pair<std::string, std::string>, double> expected;
  std::vector<std::pair<std::string, std::string>> first_seen;
  Lexicon lexicon;
  for (int step = 0; step < 3000; ++step) {
    std::string chinese = "词", english = "w";
    chinese += std::to_string(word(random));
    english += std::to_string(word(random));
    const double strength = (1 + step % 10) / 10.0;
    lexicon.add(chinese, english, strength);
    const auto [position, inserted] = expected.try_emplace({chinese, english}, strength);
    if (inserted) first_seen.push_back({chinese, english});
    position->second = std::max(position->second, strength);
  }
  REQUIRE(lexicon.size() == expected.size());
  for (std::size_t index = 0; index < lexicon.size(); ++index) {
    const LexiconEntry entry = lexicon.entry(index);
    CHECK(std::pair<std::string, std::string>(entry.chinese, entry.english) == first_seen[index]);
    CHECK(entry.strength == expected.at(first_seen[index]));
    CHECK(lexicon.strength(entry.chinese, entry.english) == entry.strength);
  }
  CHECK(lexicon.strength("词1", "w999") == 0.0);
  CHECK(lexicon.strength("词999", "w1") == 0.0);
  const Lexicon copy = lexicon;  // words are kept as offsets: a copy reads its own arena
  CHECK(copy.entry(5) == lexicon.entry(5));
}

TEST_CASE("a lexical model lists every pair once from each side, each word's translations sorted by id", "[lexicon]") {
  const std::string han[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸",
                             "子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉"};
  Lexicon lexicon;
  std::set<std::pair<std::string, std::string>> pairs;
  std::mt19937 random(7);
  for (int k = 0; k < 3000; ++k) {
    const std::string chinese = han[random() % 20] + han[random() % 20];
    const std::string english = "term" + std::to_string(random() % 500);  // its own normal form
    lexicon.add(chinese, english);
    pairs.emplace(chinese, english);
  }
  lexicon.add("3C", "gadget");  // no Han character: left out
  const LexicalModel model(lexicon);
  CHECK(model.entry_count() == pairs.size());
  CHECK(model.english_words("gadget").empty());
  const auto by_id = [](const Translation& left, const Translation& right) { return left.word < right.word; };
  std::size_t listed = 0;
  for (const auto& [chinese, english] : pairs) {
    INFO(chinese << " " << english);
    const std::vector<std::uint32_t> chinese_ids = model.chinese_words(chinese);
    const std::vector<std::uint32_t> english_ids = model.english_words(english);
    REQUIRE(chinese_ids.size() == 1);
    REQUIRE(english_ids.size() == 1);
    const auto translations = model.english_translations(chinese_ids[0]);
    const auto back = model.chinese_translations(english_ids[0]);
    CHECK(std::adjacent_find(translations.begin(), translations.end(),
                             [](const Translation& left, const Translation& right) { return left.word >= right.word; }) ==
          translations.end());
    CHECK(std::binary_search(translations.begin(), translations.end(), Translation{english_ids[0], 0.0f}, by_id));
    CHECK(std::is_sorted(back.begin(), back.end(), by_id));
    CHECK(std::binary_search(back.begin(), back.end(), Translation{chinese_ids[0], 0.0f}, by_id));
    ++listed;
  }
  std::size_t total = 0;
  for (std::uint32_t word = 0; word < model.chinese_word_count(); ++word) total += model.english_translations(word).size();
  CHECK(total == listed);
}

TEST_CASE("add_all appends new pairs and tells how many pairs already there it made stronger", "[lexicon]") {
  Lexicon known;
  known.add("会议", "meeting", 1.0);
  known.add("议程", "agenda", 0.4);
  Lexicon learned;
  learned.add("议程", "agenda", 0.6);   // stronger: changes an entry
  learned.add("会议", "meeting", 0.5);  // weaker: leaves it
  learned.add("通过", "adopt", 0.7);    // new: appended
  CHECK(known.add_all(learned) == 1);
  REQUIRE(known.size() == 3);
  CHECK(known.strength("议程", "agenda") == 0.6);
  CHECK(known.strength("会议", "meeting") == 1.0);
  CHECK(known.entry(2) == LexiconEntry{"通过", "adopt", 0.7});
  CHECK(known.add_all(learned) == 0);  // nothing stronger the second time
}

TEST_CASE("a lexical model built in two steps (LexicalModel::Builder) is the model of the whole lexicon", "[lexicon]") {
  const std::string han[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
  std::mt19937 random(11);
  const auto some_pairs = [&](int count) {
    Lexicon lexicon;
    for (int k = 0; k < count; ++k) {
      // One- and two-character words: a learned lexicon adds lone characters
      // to a dictionary's longer words.
      std::string chinese = han[random() % 10];
      if (random() % 2 == 0) chinese += han[random() % 10];
      lexicon.add(chinese, "term" + std::to_string(random() % 300), static_cast<double>(1 + random() % 10) / 10.0);
    }
    return lexicon;
  };
  Lexicon whole = some_pairs(400);
  LexicalModel::Builder builder;
  builder.add(whole);
  // The first step's words already tokenize: the matcher is the model's.
  const std::size_t first_words = builder.matcher().word_count();
  CHECK(first_words > 0);
  const Lexicon more = some_pairs(200);
  Lexicon weaker;  // only new pairs or weaker ones: no entry changes
  for (std::size_t index = 0; index < more.size(); ++index) {
    const LexiconEntry entry = more.entry(index);
    if (whole.strength(entry.chinese, entry.english) == 0.0) weaker.add(entry.chinese, entry.english, entry.strength);
  }
  REQUIRE(whole.add_all(weaker) == 0);
  builder.add(whole);
  CHECK(builder.matcher().word_count() >= first_words);
  const LexicalModel stepwise = std::move(builder).build();
  const LexicalModel at_once(whole);
  REQUIRE(stepwise.entry_count() == at_once.entry_count());
  REQUIRE(stepwise.chinese_word_count() == at_once.chinese_word_count());
  REQUIRE(stepwise.english_word_count() == at_once.english_word_count());
  std::string chinese_text, english_text;
  for (const auto& piece : han) chinese_text += piece + piece + "，";
  for (int word = 0; word < 300; ++word) english_text += "term" + std::to_string(word) + " ";
  CHECK(stepwise.chinese_words(chinese_text) == at_once.chinese_words(chinese_text));
  CHECK(stepwise.english_words(english_text) == at_once.english_words(english_text));
  const auto same = [](std::span<const Translation> left, std::span<const Translation> right) {
    return std::equal(left.begin(), left.end(), right.begin(), right.end(),
                      [](const Translation& a, const Translation& b) { return a.word == b.word && a.strength == b.strength; });
  };
  for (std::uint32_t word = 0; word < at_once.chinese_word_count(); ++word)
    CHECK(same(stepwise.english_translations(word), at_once.english_translations(word)));
  for (std::uint32_t word = 0; word < at_once.english_word_count(); ++word)
    CHECK(same(stepwise.chinese_translations(word), at_once.chinese_translations(word)));
}
