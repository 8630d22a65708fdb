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
#include <string_view>  // std::string_view

#include <nlohmann/json.hpp>

#include "core/errors.h"  // px::Result

namespace px {

constexpr int kJsonMaxDepth = 64;

Result<nlohmann::json> parse_json(std::string_view text, const std::string& file);

// Line and column (from 1) of a byte offset in text.
void line_col(std::string_view text, size_t byte_offset, uint64_t& line, uint64_t& col);

}  // namespace px
