# cmake -DINPUT=FILE -DOUTPUT=FILE.cc -DFUNCTION=NAME -P embed_asset.cmake
# Writes a C++ file whose untm::cli::NAME() returns FILE's bytes, so that a
# page template lives in the repository as the HTML file it is.
file(READ "${INPUT}" content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${content}")
string(LENGTH "${content}" hex_length)
math(EXPR length "${hex_length} / 2")
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by embed_asset.cmake: do not edit.\n"
  "#include <string_view>\n\nnamespace untm::cli {\nnamespace {\n"
  "constexpr unsigned char kBytes[] = {${bytes}};\n}\n\n"
  "std::string_view ${FUNCTION}() {\n"
  "  return {reinterpret_cast<const char*>(kBytes), ${length}};\n}\n\n}  // namespace untm::cli\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
