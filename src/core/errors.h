// errors.h — every error Proxinum reports, as one table of ids; the wording is in the message catalog.
//
//   px::Error e = px::make_error(px::Err::CLI_BAD_NUMBER, {"args", 0, 2}, "", "abc");
//   std::string text = px::format_error(e, px::Lang::Fr);   // "args:0:2: nombre invalide : abc"
//   px::Result<double> r = parse(...); double v; if (r.get(v) != px::Err::OK) { ... }
//
// Data errors are values, never exceptions (a throw aborts the wasm app). The location is as
// precise as the reader can make it: FILE:LINE:COL for text, FILE:@BYTE for streams and binary,
// plus the JSON Pointer of the field when there is one. docs/errors.md lists every id.
// Does NOT print anything: the CLI and the UI decide where messages go.
#pragma once

#include <cstdint>  // uint64_t
#include <string>   // std::string
#include <utility>  // std::move

#include "core/i18n.h"  // px::Lang

namespace px {

// PX_ERR(ID). Each id's French and English texts are the catalog's ERR_<ID> messages
// (data/i18n/*.json), so a missing translation stops the build. A "%s" in the text receives
// Error::detail.
#define PX_ERROR_TABLE(PX_ERR) \
    PX_ERR(OK) \
    PX_ERR(CLI_UNKNOWN_COMMAND) \
    PX_ERR(CLI_MISSING_ARGUMENT) \
    PX_ERR(CLI_UNKNOWN_OPTION) \
    PX_ERR(CLI_BAD_NUMBER) \
    PX_ERR(CLI_BAD_DATE) \
    PX_ERR(GEO_BAD_COORDINATE) \
    PX_ERR(GEO_OUT_OF_DOMAIN) \
    PX_ERR(GEO_UNKNOWN_CRS) \
    PX_ERR(ATLAS_BAD_MAGIC) \
    PX_ERR(ATLAS_BAD_VERSION) \
    PX_ERR(ATLAS_TRUNCATED) \
    PX_ERR(ATLAS_CORRUPT) \
    PX_ERR(JSON_SYNTAX) \
    PX_ERR(JSON_TOO_DEEP) \
    PX_ERR(FIELD_MISSING) \
    PX_ERR(FIELD_TYPE) \
    PX_ERR(FIELD_VALUE) \
    PX_ERR(FIELD_WHOLE) \
    PX_ERR(FIELD_COUNT) \
    PX_ERR(DUPLICATE_ID) \
    PX_ERR(TOO_MANY) \
    PX_ERR(WORKSPACE_VERSION) \
    PX_ERR(CATALOG_UNKNOWN_PROVIDER) \
    PX_ERR(COMMUNE_UNKNOWN) \
    PX_ERR(FACT_UNSOURCED) \
    PX_ERR(FACT_NO_JOB) \
    PX_ERR(FILE_UNREADABLE) \
    PX_ERR(FILE_TOO_BIG) \
    PX_ERR(FILE_FORMAT) \
    PX_ERR(CSV_EMPTY) \
    PX_ERR(CSV_TOO_BIG) \
    PX_ERR(CSV_UTF16) \
    PX_ERR(CSV_NUL) \
    PX_ERR(CSV_BAD_UTF8) \
    PX_ERR(CSV_BAD_BYTE) \
    PX_ERR(CSV_UNTERMINATED_QUOTE) \
    PX_ERR(CSV_AFTER_QUOTE) \
    PX_ERR(CSV_FIELD_COUNT) \
    PX_ERR(CSV_FIELD_TOO_LONG) \
    PX_ERR(SUMMARY_FIELD) \
    PX_ERR(SUMMARY_TOTALS) \
    PX_ERR(SUMMARY_VERSION) \
    PX_ERR(SUMMARY_NO_UID) \
    PX_ERR(SUMMARY_DUPLICATE) \
    PX_ERR(SEARCH_EMPTY)

enum class Err : int {
#define PX_ERR_ENUM(id) id,
    PX_ERROR_TABLE(PX_ERR_ENUM)
#undef PX_ERR_ENUM
        COUNT
};

// Where in the input an error lies. line/col start at 1; 0 means "unknown".
// byte_offset is used instead of line:col for streamed or binary input (has_byte_offset).
struct Location {
    std::string file;
    uint64_t line = 0;
    uint64_t col = 0;
    uint64_t byte_offset = 0;
    bool has_byte_offset = false;
};

struct Error {
    Err code = Err::OK;
    Location where;
    std::string json_pointer;  // "/log/entries/12/response/bodySize", or empty
    std::string detail;        // substituted for "%s" in the message…
    Msg detail_word = Msg::COUNT;  // …unless this is a catalog word ("objet" / "object"); COUNT: none
};

// The "%s" of an error: a text from the input (a value, a name, a limit), or a word of the message
// catalog, worded in the reader's language when the error is written (Msg::TYPE_OBJECT).
struct Detail {
    std::string text;
    Msg word = Msg::COUNT;
    Detail() = default;
    Detail(std::string t) : text(std::move(t)) {}  // NOLINT: implicit on purpose
    Detail(const char* t) : text(t) {}            // NOLINT
    Detail(Msg m) : word(m) {}                    // NOLINT
};

const char* error_id(Err code);                  // "CLI_BAD_NUMBER"
const char* error_text(Err code, Lang lang);     // the raw catalog text, "%s" included
std::string error_message(const Error& e, Lang lang);  // text with detail and JSON Pointer
// "FILE:LINE:COL: message", "FILE:@BYTE: message" or just "message" without a location.
std::string format_error(const Error& e, Lang lang);

inline Error make_error(Err code, Location where = {}, std::string json_pointer = {}, Detail detail = {}) {
    return Error{code, std::move(where), std::move(json_pointer), std::move(detail.text), detail.word};
}

// A value or an error, without exceptions (simdjson's pattern).
template <typename T>
class Result {
public:
    Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
    Result(Error error) : error_(std::move(error)) {}  // NOLINT
    bool ok() const { return error_.code == Err::OK; }
    const Error& error() const { return error_; }
    // Moves the value into `out` when there is one; returns the error code either way.
    Err get(T& out) {
        if (ok()) out = std::move(value_);
        return error_.code;
    }
    const T& value() const { return value_; }

private:
    T value_{};
    Error error_{};
};

}  // namespace px
