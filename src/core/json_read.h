// json_read.h — parsing JSON text from outside (files, the page API) into nlohmann::json without
// exceptions, with the place of a syntax error as FILE:LINE:COL, and checked field access that
// names the JSON Pointer of a bad field.
//
//   nlohmann::json doc;
//   if (px::parse_json(text, "overlay.json").get(doc) != px::Err::OK) ...   // JSON_SYNTAX at 3:14
//   double lon;  if (!px::json_number(doc, "/markers/0/lon", lon)) ...
//
// Limits (checked while parsing, before anything big is built): kJsonMaxDepth nesting levels.
// Does NOT know any schema: each reader checks its own fields.
#pragma once

#include <string>       // std::string
#include <optional>     // std::optional
#include <string_view>  // std::string_view
#include <utility>      // std::move

#include <nlohmann/json.hpp>

#include "core/errors.h"  // px::Result

namespace px {

constexpr int kJsonMaxDepth = 64;

Result<nlohmann::json> parse_json(std::string_view text, const std::string& file);

// One SAX interface for every streaming reader (parse_json, the HAR reader, the anonymous
// summaries): nlohmann's parser is a template over the handler type, so each handler type would
// add its own copy of the parser to the web build; behind this base there is only one.
class SaxSink {
public:
    using Json = nlohmann::json;
    virtual ~SaxSink() = default;
    virtual bool null() = 0;
    virtual bool boolean(bool v) = 0;
    virtual bool number_integer(Json::number_integer_t v) = 0;
    virtual bool number_unsigned(Json::number_unsigned_t v) = 0;
    virtual bool number_float(Json::number_float_t v, const Json::string_t& s) = 0;
    virtual bool string(Json::string_t& v) = 0;
    virtual bool binary(Json::binary_t& v) = 0;
    virtual bool start_object(std::size_t n) = 0;
    virtual bool key(Json::string_t& k) = 0;
    virtual bool end_object() = 0;
    virtual bool start_array(std::size_t n) = 0;
    virtual bool end_array() = 0;
    virtual bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& e) = 0;
};
// Strict JSON (no comments, nothing after the value); false on a syntax error or when the sink
// stopped. The sink's parse_error receives the byte position (one past the bad character).
bool sax_parse(const char* begin, const char* end, SaxSink& sink);

// Line and column (from 1) of a byte offset in text.
void line_col(std::string_view text, size_t byte_offset, uint64_t& line, uint64_t& col);

// Byte offset where the value at `json_pointer` ("/providers/3/hq/country") starts in `text`, a
// document parse_json accepted; a pointer to a missing member gives the offset of its parent
// object. False when the pointer leads nowhere in the text. Used to put line:col on field errors.
bool locate_pointer(std::string_view text, std::string_view json_pointer, size_t& byte_offset);

// Checked access to the fields of a parsed document, with errors that carry FILE:LINE:COL and the
// JSON Pointer of the field. Optional fields that are absent or null leave `out` untouched.
//   px::JsonFields f{text, "catalog.json"};
//   std::string name;  if (!f.text(obj, "/providers/0", "name", name, 200, true)) return f.error;
class JsonFields {
public:
    JsonFields(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {}
    Error error;  // the first failure

    bool fail(Err code, const std::string& pointer, Detail detail = {});
    bool object(const nlohmann::json& v, const std::string& at);
    bool array(const nlohmann::json& v, const std::string& at, size_t max_items);
    bool text(const nlohmann::json& obj, const std::string& at, const char* key, std::string& out,
              size_t max_bytes, bool required);
    bool boolean(const nlohmann::json& obj, const std::string& at, const char* key, std::optional<bool>& out);
    bool number(const nlohmann::json& obj, const std::string& at, const char* key, std::optional<double>& out,
                double min, double max);
    // The head every Proxinum file starts with: an object whose "format" is `format` and whose
    // "version" is a number from 1 (put in `version`). Checking which versions are read is the caller's.
    bool header(const nlohmann::json& doc, const char* format, double& version);
    const std::string& file() const { return file_; }

private:
    std::string_view text_;
    std::string file_;
};

}  // namespace px
