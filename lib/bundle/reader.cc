#include "bundle/reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>
#include <sstream>

#include "bundle/zstd_frames.h"
#include "core/bytes.h"
#include "core/error.h"
#include "format/text_cleanup.h"
#include "format/tmx.h"
#include "format/tmx_reader.h"

namespace untm::bundle {

namespace {

// A marker frame holds one index entry; anything larger is damage.
constexpr std::uint64_t kMaxMarkerSize = 1 << 20;
// The header frame holds a few hundred bytes of XML.
constexpr std::size_t kMaxHeaderSize = 1 << 20;

// Counts "<tu " in a stream of XML pieces. Text never holds a raw '<' (it is
// escaped), so every occurrence opens a unit. The last 3 bytes of each piece
// are kept to find an occurrence split between two pieces.
class UnitCounter {
 public:
  void operator()(std::string_view piece) {
    static constexpr std::string_view kOpening = "<tu ";
    std::string boundary = tail_;
    boundary += piece.substr(0, kOpening.size() - 1);
    count_ += occurrences(boundary, kOpening);
    count_ += occurrences(piece, kOpening);
    constexpr std::size_t kKept = kOpening.size() - 1;
    tail_ += piece.substr(piece.size() > kKept ? piece.size() - kKept : 0);
    if (tail_.size() > kKept) tail_.erase(0, tail_.size() - kKept);
  }
  std::uint64_t count() const noexcept { return count_; }

 private:
  static std::uint64_t occurrences(std::string_view text, std::string_view pattern) {
    std::uint64_t found = 0;
    for (auto at = text.find(pattern); at != std::string_view::npos; at = text.find(pattern, at + 1)) ++found;
    return found;
  }
  std::string tail_;
  std::uint64_t count_ = 0;
};

// The first bytes of a frame's content: enough to tell header, document and
// footer apart and to hold a document's first <tu> start, whose id may be
// 64 KiB escaped up to 6 times, twice.
class ContentPrefix {
 public:
  void operator()(std::string_view piece) {
    if (prefix_.size() < kKept) prefix_ += piece.substr(0, kKept - prefix_.size());
  }
  const std::string& text() const noexcept { return prefix_; }

 private:
  static constexpr std::size_t kKept = 1 << 20;
  std::string prefix_;
};

// The values of `<tuv xml:lang="...">` in a stream of XML pieces. A raw '<'
// never occurs in text, so every occurrence is an attribute; a match split
// between pieces is kept until the next one completes it.
class LanguageCollector {
 public:
  void operator()(std::string_view piece) {
    pending_ += piece;
    std::size_t position = 0;
    while (true) {
      const std::size_t at = pending_.find(kOpening, position);
      if (at == std::string::npos) {
        position = std::max(position, pending_.size() - std::min(pending_.size(), kOpening.size() - 1));
        break;
      }
      const std::size_t value = at + kOpening.size();
      const std::size_t end = pending_.find('"', value);
      if (end == std::string::npos && pending_.size() - value <= kMaxLanguageSize) {
        position = at;
        break;
      }
      // A value this long is not a language code: keep it cut, it matches none.
      add(std::string_view(pending_).substr(value, std::min(end, value + kMaxLanguageSize) - value));
      position = end == std::string::npos ? value : end + 1;
    }
    pending_.erase(0, position);
  }
  const std::set<std::string>& languages() const noexcept { return languages_; }

 private:
  void add(std::string_view language) {
    // Two are expected; a few more already prove a mismatch.
    if (languages_.size() < 4) languages_.emplace(language);
  }
  static constexpr std::string_view kOpening = "<tuv xml:lang=\"";
  static constexpr std::size_t kMaxLanguageSize = 256;
  std::string pending_;
  std::set<std::string> languages_;
};

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

}  // namespace

// What a scan learns from a frame's content as it decompresses.
class BundleReader::FrameContent {
 public:
  void operator()(std::string_view piece) {
    units_(piece);
    prefix_(piece);
    languages_(piece);
  }
  std::uint64_t units() const noexcept { return units_.count(); }
  const std::string& prefix() const noexcept { return prefix_.text(); }
  const std::set<std::string>& languages() const noexcept { return languages_.languages(); }

 private:
  UnitCounter units_;
  ContentPrefix prefix_;
  LanguageCollector languages_;
};

BundleReader::BundleReader(std::istream& in, std::string source_name)
    : in_(in), source_name_(std::move(source_name)) {
  in_.clear();
  in_.seekg(0, std::ios::end);
  const std::streamoff end = in_.tellg();
  if (end < 0) throw InputError(source_name_, "cannot seek: a bundle must be a regular file");
  file_size_ = static_cast<std::uint64_t>(end);
  if (file_size_ == 0) throw InputError(source_name_, "empty file: not a bundle");
  if (!load_index()) scan();
}

std::string BundleReader::read_bytes(std::uint64_t offset, std::uint64_t size) {
  if (offset > file_size_ || size > file_size_ - offset) {
    throw InputError(source_name_, "unexpected end of file", file_size_);
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in_.clear();
  in_.seekg(static_cast<std::streamoff>(offset));
  in_.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uint64_t>(in_.gcount()) != size) throw InputError(source_name_, "read error", offset);
  return bytes;
}

bool BundleReader::load_index() {
  const auto rebuild = [&](const std::string& reason) {
    warnings_.push_back(fmt::format("index {}: document list rebuilt by scanning the frames", reason));
    return false;
  };
  if (file_size_ < kIndexTrailerSize + kSkippableHeaderSize) return rebuild("missing (file too short)");
  const std::string trailer = read_bytes(file_size_ - kIndexTrailerSize, kIndexTrailerSize);
  if (std::string_view(trailer).substr(4) != kIndexTrailerSignature) return rebuild("missing (no index trailer at the end)");
  const std::uint64_t frame_size = read_u32_le(trailer);
  if (frame_size > file_size_ || frame_size < kSkippableHeaderSize + kIndexTrailerSize) {
    return rebuild("damaged (impossible size)");
  }
  const std::uint64_t frame_start = file_size_ - frame_size;
  const std::string frame_header = read_bytes(frame_start, kSkippableHeaderSize);
  if (read_u32_le(frame_header) != kIndexMagic) return rebuild("damaged (no index frame where the trailer points)");
  BundleIndex index;
  try {
    index = decode_index(read_bytes(frame_start + kSkippableHeaderSize,
                                    frame_size - kSkippableHeaderSize - kIndexTrailerSize),
                         source_name_);
  } catch (const InputError& error) {
    return rebuild(fmt::format("damaged ({})", error.message()));
  }
  if (!layout_matches(index, frame_start)) {
    return rebuild("damaged (it does not describe this file's frames: two bundles concatenated?)");
  }
  // The trailer and the frame header both give the index frame's size; the
  // index decoded and fits the file exactly, so the trailer's is right and a
  // damaged copy in the header must not make an intact bundle unreadable.
  if (read_u32_le(std::string_view(frame_header).substr(4)) != frame_size - kSkippableHeaderSize) {
    index_frame_problem_ = "the index frame's size field is damaged (the index itself is intact)";
    warnings_.push_back(index_frame_problem_);
  }
  index_ = std::move(index);
  return true;
}

// The index must account for every byte before it: the header frame at 0,
// each document's marker and frame back to back, the footer, then the index.
// Anything else (another bundle's index at the end of a concatenation, a
// damaged offset) is not this file's index.
bool BundleReader::layout_matches(const BundleIndex& index, std::uint64_t index_start) const {
  if (index.header.offset != 0 || index.header.size == 0 || index.header.size > index_start) return false;
  std::uint64_t position = index.header.end();
  for (const IndexEntry& entry : index.documents) {
    if (entry.frame.size == 0 || entry.frame.offset < position ||
        !is_document_marker_size(entry, entry.frame.offset - position) || entry.frame.size > index_start ||
        entry.frame.offset > index_start - entry.frame.size) {
      return false;
    }
    position = entry.frame.end();
  }
  return index.footer.offset == position && index.footer.size > 0 && index.footer.size <= index_start &&
         index.footer.end() == index_start;
}

struct BundleReader::ScanCursor {
  std::uint64_t position = 0;
  std::optional<IndexEntry> marker;  // the document marker just before the frame at `position`
  std::uint64_t marker_offset = 0;
  bool marker_checksummed = false;   // a version 1 marker has no checksum
  bool after_footer = false;         // only the index (and nothing of the documents) may follow

  std::string describe() const {
    return marker ? fmt::format("document {} (frame at byte {})", marker->id, position)
                  : fmt::format("frame at byte {}", position);
  }
};

void BundleReader::scan() {
  index_rebuilt_ = true;
  index_ = BundleIndex{};
  ScanCursor cursor;
  while (cursor.position < file_size_) {
    if (file_size_ - cursor.position < 4) {
      if (cursor.after_footer) {
        warnings_.push_back(fmt::format("{} stray bytes after the footer ignored", file_size_ - cursor.position));
      } else {
        stop_truncated(
            fmt::format("truncated: {} stray bytes at byte {}", file_size_ - cursor.position, cursor.position));
      }
      break;
    }
    const std::uint32_t magic = read_u32_le(read_bytes(cursor.position, 4));
    const bool go_on = is_skippable_magic(magic)    ? scan_skippable_frame(cursor, magic)
                       : magic != kZstdFrameMagic ? skip_unrecognised_bytes(cursor)
                                                  : scan_zstd_frame(cursor);
    if (!go_on) break;
  }
  if (cursor.marker) record_loss(fmt::format("document marker at byte {} ({}) has no frame after it",
                                             cursor.marker_offset, cursor.marker->id));
  if (!cursor.after_footer && !truncated_) stop_truncated("truncated: no footer frame (</body></tmx>)");
}

bool BundleReader::stop_truncated(std::string warning) {
  truncated_ = true;
  warnings_.push_back(std::move(warning));
  return false;
}

void BundleReader::record_loss(std::string problem) {
  warnings_.push_back(problem);
  losses_.push_back(std::move(problem));
}

// The next document marker at or after `from`, if any.
std::optional<std::uint64_t> BundleReader::next_document_marker(std::uint64_t from) {
  constexpr std::uint64_t kChunk = 1 << 20;
  // Both versions' signatures start so.
  constexpr std::string_view kSignaturePrefix = kDocumentMarkerSignature.substr(0, 7);
  static_assert(kDocumentMarkerSignatureV1.starts_with(kSignaturePrefix));
  const std::size_t overlap = kSkippableHeaderSize + kDocumentMarkerSignature.size();
  for (std::uint64_t start = from; start < file_size_; start += kChunk) {
    const std::uint64_t size = std::min<std::uint64_t>(kChunk + overlap, file_size_ - start);
    const std::string chunk = read_bytes(start, size);
    for (auto at = chunk.find(kSignaturePrefix, kSkippableHeaderSize); at != std::string::npos;
         at = chunk.find(kSignaturePrefix, at + 1)) {
      if (read_u32_le(std::string_view(chunk).substr(at - kSkippableHeaderSize)) == kDocumentMarkerMagic) {
        return start + at - kSkippableHeaderSize;
      }
    }
  }
  return std::nullopt;
}

// A skippable frame: a document marker (remembered for the frame after it),
// the index after the footer, or anything else zstd decoders skip. Between
// the header and the footer only markers belong: anything else may hide a
// document, so the scan cannot call its list complete.
bool BundleReader::scan_skippable_frame(ScanCursor& cursor, std::uint32_t magic) {
  const std::uint64_t position = cursor.position;
  const auto ends_inside = [&] {
    if (!cursor.after_footer) {
      return stop_truncated(fmt::format("truncated: the file ends inside the skippable frame at byte {}", position));
    }
    warnings_.push_back(fmt::format("damaged skippable frame at byte {} after the footer ignored", position));
    return false;
  };
  if (file_size_ - position < kSkippableHeaderSize) return ends_inside();
  const std::uint64_t size = read_u32_le(read_bytes(position + 4, 4));
  if (size > file_size_ - position - kSkippableHeaderSize) return ends_inside();
  if (cursor.marker) {
    record_loss(fmt::format("document marker at byte {} ({}) has no frame after it", cursor.marker_offset,
                            cursor.marker->id));
  }
  cursor.marker.reset();
  if (magic == kDocumentMarkerMagic && size <= kMaxMarkerSize && !cursor.after_footer) {
    try {
      cursor.marker = decode_document_marker(read_bytes(position + kSkippableHeaderSize, size), source_name_,
                                             &cursor.marker_checksummed);
      cursor.marker_offset = position;
    } catch (const InputError& error) {
      record_loss(fmt::format("byte {}: {}: a document may be lost", position, error.message()));
    }
  } else if (!cursor.after_footer) {
    record_loss(fmt::format("byte {}: a skippable frame that is not a document marker, before the footer: "
                            "a document may be lost",
                            position));
  } else if (magic != kIndexMagic) {
    warnings_.push_back(fmt::format("skippable frame at byte {} after the footer ignored", position));
  }
  cursor.position += kSkippableHeaderSize + size;
  return true;
}

bool BundleReader::skip_unrecognised_bytes(ScanCursor& cursor) {
  if (cursor.position == 0) throw InputError(source_name_, "not a .tmx.zst bundle: no zstd frame at its start", 0);
  const std::string what = fmt::format("unrecognised bytes at byte {}", cursor.position);
  if (cursor.after_footer) {
    warnings_.push_back(what + " after the footer ignored");
  } else {
    record_loss(what + ": skipped to the next document marker; a document may be lost");
  }
  cursor.marker.reset();
  const auto next = next_document_marker(cursor.position + 1);
  if (!next) return false;
  cursor.position = *next;
  return true;
}

bool BundleReader::scan_zstd_frame(ScanCursor& cursor) {
  const std::uint64_t position = cursor.position;
  FrameContent content;
  const FrameDecodeResult result =
      decode_frame(in_, position, file_size_ - position, [&](std::string_view piece) { content(piece); });
  if (position == 0) {
    if (!result.complete) {
      throw InputError(source_name_,
                       result.truncated ? "truncated inside the header frame"
                                        : fmt::format("damaged header frame: {}", result.problem),
                       0);
    }
    if (!starts_with(content.prefix(), "<?xml")) {
      throw InputError(source_name_, "not a .tmx.zst bundle: its first frame is not a TMX header", 0);
    }
    index_.header = {0, result.consumed};
    cursor.position = result.consumed;
    return true;
  }
  if (result.complete && starts_with(content.prefix(), "<?xml")) {
    // Listing one bundle's documents as if they were all would hide the
    // other's; which one the user meant is theirs to say.
    throw InputError(source_name_,
                     fmt::format("a second bundle starts at byte {} (two bundles concatenated?): split the file "
                                 "there, or combine bundles with 'untm bundle merge'",
                                 position));
  }
  if (result.truncated) return stop_truncated(fmt::format("truncated: the file ends inside {}", cursor.describe()));
  if (!result.complete) return record_damaged_frame(cursor, result.problem);
  record_document_frame(cursor, {position, result.consumed}, content);
  return true;
}

// Lists a frame that does not decode as a damaged document reaching to the
// next document marker, and goes on from there.
bool BundleReader::record_damaged_frame(ScanCursor& cursor, const std::string& problem) {
  const std::uint64_t position = cursor.position;
  const auto next = next_document_marker(position + 1);
  const std::uint64_t end = next.value_or(file_size_);
  record_loss(fmt::format("{} is damaged: {}", cursor.describe(), problem));
  IndexEntry entry = cursor.marker.value_or(IndexEntry{});
  if (!cursor.marker) entry.id = fmt::format("frame-at-byte-{}", position);
  entry.frame = {position, end - position};
  entry.damaged = true;
  index_.documents.push_back(std::move(entry));
  cursor.marker.reset();
  if (!next) return false;
  cursor.position = *next;
  return true;
}

// A frame that decodes: a document named by its marker (when the marker
// agrees with the frame in every field the frame can show), the footer, or a
// document whose name is lost, listed by its offset.
void BundleReader::record_document_frame(ScanCursor& cursor, FrameLocation frame, const FrameContent& content) {
  cursor.position = frame.end();
  if (cursor.after_footer) {
    cursor.marker.reset();
    record_loss(fmt::format("frame at byte {} after the footer: a document may be lost", frame.offset));
    return;
  }
  if (!cursor.marker && content.prefix() == format::tmx_footer()) {
    index_.footer = frame;
    cursor.after_footer = true;
    return;
  }
  IndexEntry entry;
  entry.id = fmt::format("frame-at-byte-{}", frame.offset);
  entry.unit_count = content.units();
  if (cursor.marker) {
    const std::string problem = marker_mismatch(*cursor.marker, frame, content);
    if (problem.empty()) {
      entry = std::move(*cursor.marker);
      if (!cursor.marker_checksummed) {
        warnings_.push_back(fmt::format("document {}: its marker (an older bundle's, without checksum) is the only "
                                        "record of its count of cleaned characters ({}): unverified",
                                        entry.id, entry.cleaned_characters));
      }
    } else {
      record_loss(fmt::format("document marker at byte {} ({}) does not match its frame: {}; the frame is listed as {}",
                              cursor.marker_offset, cursor.marker->id, problem, entry.id));
      entry.first_language = cursor.marker->first_language;
      entry.second_language = cursor.marker->second_language;
    }
  } else {
    record_loss(fmt::format("frame at byte {} has no document marker: its document's name is lost; listed as {}",
                            frame.offset, entry.id));
  }
  entry.frame = frame;
  index_.documents.push_back(std::move(entry));
  cursor.marker.reset();
}

// What a scan may take from a marker must be confirmed by the frame it
// names: its size, units and checksum, and the id and languages written in
// its <tu> elements (the frame's content is covered by its own checksum).
std::string BundleReader::marker_mismatch(const IndexEntry& marker, FrameLocation frame, const FrameContent& content) {
  if (marker.frame.size != frame.size) {
    return fmt::format("the frame is {} bytes, the marker says {}", frame.size, marker.frame.size);
  }
  if (marker.unit_count != content.units()) {
    return fmt::format("the frame has {} units, the marker says {}", content.units(), marker.unit_count);
  }
  if (read_u32_le(read_bytes(frame.end() - 4, 4)) != marker.checksum) return "the frame's checksum differs";
  if (content.units() == 0) return "the frame has no units to confirm the marker's id and languages";
  format::CleanupCounts ignored;
  std::string id;
  format::append_clean(id, marker.id, format::Escaping::xml, ignored);
  if (!starts_with(content.prefix(), "<tu tuid=\"" + id + ":") ||
      content.prefix().find("<prop type=\"x-document\">" + id + "</prop>") == std::string::npos) {
    return "the frame's units name another document";
  }
  std::set<std::string> languages;
  for (const std::string* language : {&marker.first_language, &marker.second_language}) {
    std::string escaped;
    format::append_clean(escaped, *language, format::Escaping::xml, ignored);
    languages.insert(std::move(escaped));
  }
  if (content.languages() != languages) return "the frame's languages differ (or one side has no segment)";
  return {};
}

const IndexEntry* BundleReader::find(std::string_view id) const {
  const auto found = std::find_if(documents().begin(), documents().end(),
                                  [&](const IndexEntry& entry) { return entry.id == id; });
  return found == documents().end() ? nullptr : &*found;
}

std::string BundleReader::header_xml() {
  std::string xml;
  const FrameDecodeResult result =
      decode_frame(in_, index_.header.offset, index_.header.size, [&](std::string_view piece) {
        if (xml.size() + piece.size() > kMaxHeaderSize) throw InputError(source_name_, "header frame too large", 0);
        xml += piece;
      });
  if (!result.complete || result.consumed != index_.header.size) {
    throw InputError(source_name_,
                     fmt::format("damaged header frame: {}", result.problem.empty() ? "wrong size" : result.problem), 0);
  }
  return xml;
}

format::TmxHeader BundleReader::header() { return format::parse_tmx_header(header_xml(), source_name_); }

void BundleReader::fail_document(const IndexEntry& entry, const std::string& problem) const {
  throw InputError(source_name_, fmt::format("document {}: {}", entry.id, problem), entry.frame.offset);
}

void BundleReader::read_document(const IndexEntry& entry, std::ostream& out) {
  if (entry.damaged) fail_document(entry, "frame is damaged");
  const FrameDecodeResult result =
      decode_frame(in_, entry.frame.offset, entry.frame.size, [&](std::string_view piece) {
        out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      });
  if (result.truncated) fail_document(entry, "frame is shorter than the index says (truncated?)");
  if (!result.complete) fail_document(entry, fmt::format("frame is damaged: {}", result.problem));
  if (result.consumed != entry.frame.size) fail_document(entry, "frame size differs from the index");
}

std::string BundleReader::document_xml(const IndexEntry& entry) {
  std::ostringstream xml;
  read_document(entry, xml);
  return std::move(xml).str();
}

AlignedDocument BundleReader::document(const IndexEntry& entry) {
  AlignedDocument result = format::parse_tmx_units(document_xml(entry), fmt::format("{}: document {}", source_name_, entry.id),
                                                   entry.first_language, entry.second_language);
  result.id = entry.id;
  return result;
}

std::string BundleReader::checked_frame_problem(const IndexEntry& entry, std::uint64_t* units_seen) {
  if (entry.damaged) return "frame is damaged";
  UnitCounter units;
  const FrameDecodeResult result = decode_frame(in_, entry.frame.offset, entry.frame.size, std::ref(units));
  if (units_seen != nullptr) *units_seen = units.count();
  if (result.truncated) return "frame is shorter than the index says (truncated?)";
  if (!result.complete) return fmt::format("frame is damaged: {}", result.problem);
  if (result.consumed != entry.frame.size) return "frame size differs from the index";
  const std::uint32_t stored = read_u32_le(read_bytes(entry.frame.end() - 4, 4));
  if (stored != entry.checksum) return "content checksum differs from the index";
  if (units.count() != entry.unit_count) {
    return fmt::format("{} units where the index says {}", units.count(), entry.unit_count);
  }
  return {};
}

std::string BundleReader::marker_problem(const IndexEntry& entry, std::uint64_t marker_offset) {
  // The marker fills the gap between the previous frame and this one; a scan
  // names the document by it, so it must agree with the index.
  if (entry.frame.offset < marker_offset + kSkippableHeaderSize ||
      entry.frame.offset - marker_offset > kSkippableHeaderSize + (1 << 20)) {
    return "no document marker before its frame";
  }
  const std::string marker = read_bytes(marker_offset, entry.frame.offset - marker_offset);
  if (read_u32_le(marker) != kDocumentMarkerMagic ||
      read_u32_le(std::string_view(marker).substr(4)) != marker.size() - kSkippableHeaderSize) {
    return "damaged document marker";
  }
  try {
    IndexEntry recorded = decode_document_marker(std::string_view(marker).substr(kSkippableHeaderSize), source_name_);
    recorded.frame.offset = entry.frame.offset;
    if (!(recorded == entry)) return "document marker differs from the index";
  } catch (const InputError& error) {
    return error.message();
  }
  return {};
}

EncodedDocument BundleReader::encoded_document(const IndexEntry& entry) {
  if (const std::string problem = checked_frame_problem(entry, nullptr); !problem.empty()) {
    fail_document(entry, problem);
  }
  EncodedDocument encoded;
  encoded.id = entry.id;
  encoded.first_language = entry.first_language;
  encoded.second_language = entry.second_language;
  encoded.frame = read_bytes(entry.frame.offset, entry.frame.size);
  encoded.unit_count = entry.unit_count;
  encoded.checksum = entry.checksum;
  encoded.cleaned_characters = entry.cleaned_characters;
  return encoded;
}

VerifyReport BundleReader::verify() {
  VerifyReport report;
  if (index_rebuilt_) report.problems.push_back({"index", file_size_, "index missing or damaged"});
  if (truncated_) report.problems.push_back({"bundle", file_size_, "truncated"});
  for (const std::string& loss : losses_) report.problems.push_back({"bundle", 0, loss});
  if (!index_frame_problem_.empty()) report.problems.push_back({"index", file_size_, index_frame_problem_});

  ++report.frames_checked;
  try {
    header();
  } catch (const InputError& error) {
    report.problems.push_back({"header", 0, error.message()});
  }
  std::uint64_t previous_end = index_.header.end();
  for (const IndexEntry& entry : documents()) {
    ++report.frames_checked;
    if (!index_rebuilt_) {
      if (const std::string problem = marker_problem(entry, previous_end); !problem.empty()) {
        report.problems.push_back({entry.id, previous_end, problem});
      }
    }
    previous_end = entry.frame.end();
    std::uint64_t units = 0;
    const std::string problem = checked_frame_problem(entry, &units);
    report.units_checked += units;
    if (!problem.empty()) report.problems.push_back({entry.id, entry.frame.offset, problem});
  }
  if (index_.footer.size > 0) {
    ++report.frames_checked;
    std::string footer;
    const FrameDecodeResult result = decode_frame(in_, index_.footer.offset, index_.footer.size,
                                                  [&](std::string_view piece) {
                                                    if (footer.size() < 64) footer += piece.substr(0, 64);
                                                  });
    if (!result.complete || result.consumed != index_.footer.size || footer != format::tmx_footer()) {
      report.problems.push_back({"footer", index_.footer.offset, "damaged footer frame"});
    }
  }
  return report;
}

}  // namespace untm::bundle
