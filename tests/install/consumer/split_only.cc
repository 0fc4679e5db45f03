#include <cstdio>

#include "split/sentence_splitter.h"

int main() {
  untm::SentenceSplitter splitter(untm::Language::en);
  std::printf("sentences: %zu\n", splitter.split("One. Two. Three.").size());
}
