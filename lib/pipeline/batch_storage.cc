#include "pipeline/batch_storage.h"

namespace untm::pipeline {

SinkStreambuf::int_type SinkStreambuf::overflow(int_type character) {
  if (traits_type::eq_int_type(character, traits_type::eof())) return traits_type::not_eof(character);
  const char byte = traits_type::to_char_type(character);
  sink_.write(std::string_view(&byte, 1));
  return character;
}

std::streamsize SinkStreambuf::xsputn(const char* data, std::streamsize size) {
  sink_.write(std::string_view(data, static_cast<std::size_t>(size)));
  return size;
}

void write_output(BatchStorage& storage, OutputKind kind, const std::string& name, std::string_view bytes) {
  const std::unique_ptr<OutputSink> sink = storage.create(kind, name);
  sink->write(bytes);
  sink->commit();
}

}  // namespace untm::pipeline
