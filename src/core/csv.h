// csv.h — reading CSV files (spreadsheet exports of provider catalogs) into rows of UTF-8
// strings, with every bad row reported at its FILE:LINE:COL, and French or English numbers.
//
//   px::CsvResult r = px::parse_csv(bytes, "catalogue.csv");
//   if (!r.ok()) for (const px::Error& e : r.errors) show(px::format_error(e, px::Lang::Fr));
//   for (const px::CsvRow& row : r.table.rows) use(row.line, row.fields);  // [i] ↔ header[i]
//   double price;  if (!px::parse_decimal("1 234,5", price)) ...             // 1234.5
//
// Reads, in this order (each step stops the reading when it fails):
//   - encoding: UTF-8 with or without BOM (the BOM is stripped); bytes that are not valid UTF-8
//     are read as Windows-1252 and transcoded to UTF-8 (CSV_BAD_BYTE for its 5 undefined bytes);
//     a UTF-16 BOM is CSV_UTF16, the first NUL byte CSV_NUL, invalid UTF-8 after a UTF-8 BOM
//     CSV_BAD_UTF8. These errors carry the byte offset in `bytes` (Location::has_byte_offset).
//   - RFC 4180 records: fields in double quotes may hold the delimiter, "" and line ends; lines
//     end with LF, CRLF or a lone CR; the last line end is optional; blank (empty) lines are
//     skipped. The first non-blank line is the header; its names are trimmed of spaces and tabs.
//     Data fields are kept as they are (quotes removed, "" unescaped, no trimming, a quote in the
//     middle of an unquoted field is kept). Errors carry FILE:LINE:COL, columns in characters.
//   - every data row whose field count differs from the header's is reported (CSV_FIELD_COUNT,
//     detail "found/expected", e.g. "5/7") and left out of `rows`; reading goes on. Only the
//     first error of a row is reported. After kCsvMaxErrors errors, a last TOO_MANY ends the list.
//   - limits (CsvDesc) stop the reading with CSV_TOO_BIG, TOO_MANY or CSV_FIELD_TOO_LONG.
// An empty file (nothing but a BOM and blank lines) is CSV_EMPTY; a header without data rows is
// fine here: the caller decides. When !ok(), `table` holds what was read before the stop, for
// diagnostics only: never use it as data.
//
// Does NOT: convert or type fields (parse_decimal is there for the caller), guess whether the
// first line is a header, check header names (empty, duplicates), trim data fields, read UTF-16,
// stream (the whole file is in memory), or print anything.
#pragma once

#include <cstddef>      // size_t
#include <cstdint>      // uint64_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "core/errors.h"  // px::Error

namespace px {

constexpr size_t kCsvMaxErrors = 100;  // errors collected before a last TOO_MANY
constexpr size_t kCsvDefaultMaxBytes = size_t{32} << 20;
constexpr size_t kCsvDefaultMaxRows = 100'000;
constexpr size_t kCsvDefaultMaxFields = 200;
constexpr size_t kCsvDefaultMaxFieldBytes = size_t{64} << 10;

enum class CsvEncoding { Utf8, Utf8Bom, Windows1252 };

// Zero means "the default".
struct CsvDesc {
    size_t max_bytes = 0;        // input size, BOM included: default 32 MiB (CSV_TOO_BIG)
    size_t max_rows = 0;         // data rows, bad ones included: default 100000 (TOO_MANY)
    size_t max_fields = 0;       // fields in any row, header included: default 200 (TOO_MANY)
    size_t max_field_bytes = 0;  // UTF-8 bytes of one field: default 64 KiB (CSV_FIELD_TOO_LONG)
    // 0: the one of ';' ',' '\t' found most often outside quotes in the header line, ties going
    // in that order (none of them, one column: ';'). Never '"', '\r' or '\n'.
    char delimiter = 0;
};

struct CsvRow {
    uint64_t line = 0;  // line of the row's first character, from 1
    std::vector<std::string> fields;  // as many as header names
};

struct CsvTable {
    std::vector<std::string> header;  // trimmed names
    std::vector<CsvRow> rows;         // good data rows only, in file order
    char delimiter = ';';
    CsvEncoding encoding = CsvEncoding::Utf8;  // of the input; fields are always UTF-8
};

struct CsvResult {
    CsvTable table;
    std::vector<Error> errors;  // in file order; at most kCsvMaxErrors + 1
    bool ok() const { return errors.empty(); }
};

CsvResult parse_csv(std::string_view bytes, const std::string& file, const CsvDesc& desc = {});

// A French or English decimal number, UTF-8, trimmed of spaces, tabs, U+00A0 and U+202F:
// [+-] digits [(',' | '.') digits] [(e | E) [+-] digits]. One ',' or one '.' is the decimal mark
// ("1,234" is 1.234); both, or two of them, are refused ("1,234.5", "1,2,3"). A space, U+00A0 or
// U+202F may separate groups of three digits in the integer part ("1 234 567,5"). Refuses
// empty text, "NaN", "inf", and results that are not finite ("1e400"). Does not depend on the
// C locale. `out` is left untouched when false is returned.
bool parse_decimal(std::string_view text, double& out);

// Writing: one cell of a CSV line for spreadsheets. Quoted when it holds the delimiter, a quote
// or a line end; a cell that a spreadsheet would run as a formula (starting with = + - @, a tab
// or a carriage return) gets a leading apostrophe, so "=HYPERLINK(…)" stays text (OWASP's advice
// on CSV injection). Numbers go through csv_number, never through this.
std::string csv_cell(std::string_view text, char delimiter = ';');
// A number for French spreadsheets: decimal comma, at most `decimals` digits, no thousands mark.
std::string csv_number(double value, int decimals);

}  // namespace px
