// csv.cpp — parse_csv and parse_decimal (csv.h): the bytes become UTF-8 text first, then one
// pass reads the records with a position that knows its line, so that every error gets
// FILE:LINE:COL (or FILE:@BYTE for the encoding).
//
// [SECTION] Errors    the capped error list, locations
// [SECTION] Encoding  BOMs, NUL, UTF-8 validation, Windows-1252 to UTF-8
// [SECTION] Records   delimiter detection, fields, rows
// [SECTION] Decimal   parse_decimal
#include "core/csv.h"

#include <clocale>  // std::localeconv
#include <cmath>    // std::isfinite
#include <cstdio>   // std::snprintf
#include <cstdlib>  // std::strtod
#include <utility>  // std::move

#include "core/config.h"  // PX_ASSERT

namespace px {

namespace {

constexpr size_t kNone = std::string_view::npos;

unsigned byte_at(std::string_view s, size_t i) { return static_cast<unsigned char>(s[i]); }

// Characters, not bytes: UTF-8 continuation bytes are not counted (as json_read's line_col).
uint64_t count_chars(std::string_view s) {
    uint64_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

// [SECTION] Errors ===============================================================================

Location at_byte(const std::string& file, size_t offset) {
    Location w;
    w.file = file;
    w.byte_offset = offset;
    w.has_byte_offset = true;
    return w;
}

// Collects up to kCsvMaxErrors errors, then one TOO_MANY, then nothing.
class ErrorList {
public:
    explicit ErrorList(std::vector<Error>& out) : out_(out) {}
    // False once the list is full: the reading must stop.
    bool add(Err code, Location where, std::string detail = {}) {
        if (full_) return false;
        if (out_.size() == kCsvMaxErrors) {
            out_.push_back(
                make_error(Err::TOO_MANY, std::move(where), {}, std::to_string(kCsvMaxErrors)));
            full_ = true;
            return false;
        }
        out_.push_back(make_error(code, std::move(where), {}, std::move(detail)));
        return true;
    }

private:
    std::vector<Error>& out_;
    bool full_ = false;
};

CsvDesc with_defaults(const CsvDesc& in) {
    CsvDesc d = in;
    if (d.max_bytes == 0) d.max_bytes = kCsvDefaultMaxBytes;
    if (d.max_rows == 0) d.max_rows = kCsvDefaultMaxRows;
    if (d.max_fields == 0) d.max_fields = kCsvDefaultMaxFields;
    if (d.max_field_bytes == 0) d.max_field_bytes = kCsvDefaultMaxFieldBytes;
    PX_ASSERT(d.delimiter != '"' && d.delimiter != '\r' && d.delimiter != '\n' &&
              "CsvDesc::delimiter cannot be a quote or a line end");
    return d;
}

// [SECTION] Encoding =============================================================================

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Length of the valid UTF-8 sequence at s[i], or 0 when there is none there: overlong forms,
// surrogates and code points past U+10FFFF are invalid.
size_t utf8_sequence(std::string_view s, size_t i) {
    const unsigned b0 = byte_at(s, i);
    if (b0 < 0x80) return 1;
    size_t n = 0;
    unsigned lo = 0x80, hi = 0xBF;  // range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        n = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3;
        if (b0 == 0xE0) lo = 0xA0;  // overlong
        if (b0 == 0xED) hi = 0x9F;  // surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4;
        if (b0 == 0xF0) lo = 0x90;  // overlong
        if (b0 == 0xF4) hi = 0x8F;  // past U+10FFFF
    } else {
        return 0;
    }
    if (n > s.size() - i) return 0;
    const unsigned b1 = byte_at(s, i + 1);
    if (b1 < lo || b1 > hi) return 0;
    for (size_t k = 2; k < n; ++k) {
        if ((byte_at(s, i + k) & 0xC0) != 0x80) return 0;
    }
    return n;
}

size_t first_invalid_utf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const size_t n = utf8_sequence(s, i);
        if (n == 0) return i;
        i += n;
    }
    return kNone;
}

// Windows-1252 bytes 0x80..0x9F; 0 marks the five undefined ones. 0xA0..0xFF are Latin-1.
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80..87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88..8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90..97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98..9F
};

// Code point of a Windows-1252 byte, or 0 when the byte is undefined (NUL is checked before).
uint32_t cp1252_code_point(unsigned b) { return b >= 0x80 && b < 0xA0 ? kCp1252High[b - 0x80] : b; }

size_t utf8_length(uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3; }  // cp < U+10000

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string hex_byte(unsigned b) {
    constexpr char kDigits[] = "0123456789ABCDEF";
    return std::string("0x") + kDigits[(b >> 4) & 0xF] + kDigits[b & 0xF];
}

// Windows-1252 to UTF-8 in one allocation; reports every undefined byte (false if there was one).
bool transcode_cp1252(std::string_view bytes, const std::string& file, ErrorList& errors,
                      std::string& out) {
    size_t length = 0;
    bool ok = true;
    for (size_t i = 0; i < bytes.size(); ++i) {
        const uint32_t cp = cp1252_code_point(byte_at(bytes, i));
        if (cp == 0) {
            ok = false;
            if (!errors.add(Err::CSV_BAD_BYTE, at_byte(file, i), hex_byte(byte_at(bytes, i))))
                return false;
        }
        length += utf8_length(cp);
    }
    if (!ok) return false;
    out.clear();
    out.reserve(length);
    for (const char c : bytes) append_utf8(out, cp1252_code_point(static_cast<unsigned char>(c)));
    return true;
}

// Checks the bytes and sets `text` to the UTF-8 to read: a view of `bytes`, or of `transcoded`.
bool decode(std::string_view bytes, const CsvDesc& desc, const std::string& file, ErrorList& errors,
            CsvEncoding& encoding, std::string& transcoded, std::string_view& text) {
    if (bytes.size() > desc.max_bytes) {
        errors.add(Err::CSV_TOO_BIG, at_byte(file, desc.max_bytes), std::to_string(desc.max_bytes));
        return false;
    }
    if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
        errors.add(Err::CSV_UTF16, at_byte(file, 0));
        return false;
    }
    const size_t nul = bytes.find('\0');
    if (nul != kNone) {  // only the first: a file with one NUL is binary or UTF-16 without BOM
        errors.add(Err::CSV_NUL, at_byte(file, nul));
        return false;
    }
    if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
        encoding = CsvEncoding::Utf8Bom;
        text = bytes.substr(kUtf8Bom.size());
        const size_t bad = first_invalid_utf8(text);
        if (bad == kNone) return true;
        errors.add(Err::CSV_BAD_UTF8, at_byte(file, kUtf8Bom.size() + bad));
        return false;
    }
    if (first_invalid_utf8(bytes) == kNone) {
        encoding = CsvEncoding::Utf8;
        text = bytes;
        return true;
    }
    encoding = CsvEncoding::Windows1252;
    if (!transcode_cp1252(bytes, file, errors, transcoded)) return false;
    text = transcoded;
    return true;
}

// [SECTION] Records ==============================================================================

bool is_line_end(char c) { return c == '\n' || c == '\r'; }

// The most frequent of ';' ',' '\t' outside quotes in the record starting at text[pos].
char detect_delimiter(std::string_view text, size_t pos) {
    size_t semicolons = 0, commas = 0, tabs = 0;
    bool quoted = false;
    for (; pos < text.size(); ++pos) {
        const char c = text[pos];
        if (c == '"') {
            quoted = !quoted;
        } else if (quoted) {
            continue;
        } else if (is_line_end(c)) {
            break;
        } else {
            semicolons += c == ';' ? 1 : 0;
            commas += c == ',' ? 1 : 0;
            tabs += c == '\t' ? 1 : 0;
        }
    }
    if (semicolons >= commas && semicolons >= tabs) return ';';
    return commas >= tabs ? ',' : '\t';
}

std::string trim_spaces(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
    return std::string(s.substr(b, e - b));
}

// Reads records one at a time from UTF-8 text, keeping the line and the line's start.
class RecordReader {
public:
    RecordReader(std::string_view text, const CsvDesc& desc, const std::string& file,
                 ErrorList& errors)
        : text_(text), desc_(desc), file_(file), errors_(errors) {
        stops_[0] = desc.delimiter;
        stops_[1] = '\r';
        stops_[2] = '\n';
    }

    bool at_end() const { return pos_ >= text_.size(); }
    uint64_t line() const { return line_; }
    Location here() const { return location(mark()); }

    void skip_blank_lines() {
        while (!at_end() && is_line_end(text_[pos_])) eat_line_end();
    }

    // Reads the record at the current position (not at a line end) and its line end. Returns
    // false when the reading must stop (the error is reported); sets `bad` when the record had a
    // syntax error, reported if it was the record's first, after which the reading can go on.
    bool read(std::vector<std::string>& fields, bool& bad) {
        for (;;) {
            const Mark start = mark();
            if (fields.size() == desc_.max_fields) {
                errors_.add(Err::TOO_MANY, location(start), std::to_string(desc_.max_fields));
                return false;
            }
            fields.emplace_back();
            if (!at_end() && text_[pos_] == '"') {
                if (!read_quoted(start, fields.back(), bad)) return false;
            } else {
                size_t end = text_.find_first_of(std::string_view(stops_, 3), pos_);
                if (end == kNone) end = text_.size();
                if (end - pos_ > desc_.max_field_bytes) return too_long(start);
                fields.back().assign(text_.substr(pos_, end - pos_));
                pos_ = end;
            }
            if (at_end()) return true;
            if (text_[pos_] != desc_.delimiter) break;
            ++pos_;
        }
        eat_line_end();
        return true;
    }

private:
    struct Mark {
        size_t pos;
        uint64_t line;
        size_t line_start;
    };
    Mark mark() const { return {pos_, line_, line_start_}; }
    Location location(const Mark& m) const {
        Location w;
        w.file = file_;
        w.line = m.line;
        w.col = 1 + count_chars(text_.substr(m.line_start, m.pos - m.line_start));
        return w;
    }

    // At '\n', '\r' or "\r\n": steps over it to the next line.
    void eat_line_end() {
        PX_ASSERT(!at_end() && is_line_end(text_[pos_]) && "eat_line_end() away from a line end");
        if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
        ++pos_;
        ++line_;
        line_start_ = pos_;
    }

    bool too_long(const Mark& start) {
        errors_.add(Err::CSV_FIELD_TOO_LONG, location(start),
                    std::to_string(desc_.max_field_bytes));
        return false;
    }

    // At the opening quote; leaves the position on what follows the field.
    bool read_quoted(const Mark& start, std::string& field, bool& bad) {
        ++pos_;
        for (;;) {
            const size_t at = text_.find_first_of("\"\r\n", pos_);
            if (at == kNone) {
                errors_.add(Err::CSV_UNTERMINATED_QUOTE, location(start));
                return false;
            }
            if (field.size() + (at - pos_) > desc_.max_field_bytes) {
                // Without a closing quote anywhere after, the quote is the fault, not the length.
                if (text_.find('"', at) != kNone) return too_long(start);
                errors_.add(Err::CSV_UNTERMINATED_QUOTE, location(start));
                return false;
            }
            field.append(text_.substr(pos_, at - pos_));
            pos_ = at;
            if (text_[at] == '"') {
                if (at + 1 < text_.size() && text_[at + 1] == '"') {  // "" is one quote
                    field += '"';
                    pos_ = at + 2;
                } else {
                    pos_ = at + 1;  // the closing quote
                    break;
                }
            } else {
                const size_t from = pos_;
                eat_line_end();  // line ends inside quotes are kept as they are
                field.append(text_.substr(from, pos_ - from));
            }
            if (field.size() > desc_.max_field_bytes) return too_long(start);
        }
        if (at_end() || text_[pos_] == desc_.delimiter || is_line_end(text_[pos_])) return true;
        // Text after the closing quote: reported, then skipped up to the end of the field.
        if (!bad) {
            bad = true;
            if (!errors_.add(Err::CSV_AFTER_QUOTE, here())) return false;
        }
        const size_t end = text_.find_first_of(std::string_view(stops_, 3), pos_);
        pos_ = end == kNone ? text_.size() : end;
        return true;
    }

    std::string_view text_;
    const CsvDesc& desc_;
    const std::string& file_;
    ErrorList& errors_;
    char stops_[3] = {};  // what ends an unquoted field
    size_t pos_ = 0;
    uint64_t line_ = 1;
    size_t line_start_ = 0;
};

void read_table(std::string_view text, CsvDesc desc, const std::string& file, ErrorList& errors,
                CsvTable& table) {
    size_t first = 0;  // the header's first byte
    while (first < text.size() && is_line_end(text[first])) ++first;
    if (first == text.size()) {
        errors.add(Err::CSV_EMPTY, Location{file, 1, 1});
        return;
    }
    if (desc.delimiter == 0) desc.delimiter = detect_delimiter(text, first);
    table.delimiter = desc.delimiter;

    RecordReader reader(text, desc, file, errors);
    reader.skip_blank_lines();
    bool bad = false;
    if (!reader.read(table.header, bad) || bad) return;  // without a header, rows mean nothing
    for (std::string& name : table.header) name = trim_spaces(name);

    size_t rows_read = 0;
    for (;;) {
        reader.skip_blank_lines();
        if (reader.at_end()) return;
        if (rows_read == desc.max_rows) {
            errors.add(Err::TOO_MANY, reader.here(), std::to_string(desc.max_rows));
            return;
        }
        ++rows_read;
        CsvRow row;
        row.line = reader.line();
        row.fields.reserve(table.header.size());
        bad = false;
        if (!reader.read(row.fields, bad)) return;
        if (bad) continue;
        if (row.fields.size() != table.header.size()) {
            const std::string detail =
                std::to_string(row.fields.size()) + "/" + std::to_string(table.header.size());
            if (!errors.add(Err::CSV_FIELD_COUNT, Location{file, row.line, 1}, detail)) return;
            continue;
        }
        table.rows.push_back(std::move(row));
    }
}

// [SECTION] Decimal ==============================================================================

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Length of a group separator at s[i] (space, U+00A0, U+202F), or 0.
size_t separator_at(std::string_view s, size_t i) {
    if (s[i] == ' ') return 1;
    if (s.substr(i, 2) == "\xC2\xA0") return 2;
    if (s.substr(i, 3) == "\xE2\x80\xAF") return 3;
    return 0;
}

// Length of a separator or a tab starting s, or 0.
size_t leading_space(std::string_view s) {
    if (s.empty()) return 0;
    return s[0] == '\t' ? 1 : separator_at(s, 0);
}

// Length of a separator or a tab ending s, or 0.
size_t trailing_space(std::string_view s) {
    const size_t n = s.size();
    if (n >= 1 && (s[n - 1] == ' ' || s[n - 1] == '\t')) return 1;
    if (n >= 2 && s.substr(n - 2) == "\xC2\xA0") return 2;
    if (n >= 3 && s.substr(n - 3) == "\xE2\x80\xAF") return 3;
    return 0;
}

// Appends the digits at s[i] to `clean`; returns how many there were.
size_t take_digits(std::string_view s, size_t& i, std::string& clean) {
    const size_t from = i;
    while (i < s.size() && is_digit(s[i])) clean += s[i++];
    return i - from;
}

}  // namespace

CsvResult parse_csv(std::string_view bytes, const std::string& file, const CsvDesc& desc_in) {
    const CsvDesc desc = with_defaults(desc_in);
    CsvResult result;
    ErrorList errors(result.errors);
    std::string transcoded;
    std::string_view text;
    if (decode(bytes, desc, file, errors, result.table.encoding, transcoded, text)) {
        read_table(text, desc, file, errors, result.table);
    }
    return result;
}

bool parse_decimal(std::string_view text, double& out) {
    while (const size_t n = leading_space(text)) text.remove_prefix(n);
    while (const size_t n = trailing_space(text)) text.remove_suffix(n);

    std::string clean;  // sign, digits, the C library's decimal point, exponent
    size_t i = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        if (text[i] == '-') clean += '-';
        ++i;
    }
    size_t group = 0;  // digits in the current group
    bool grouped = false;
    while (i < text.size()) {
        if (is_digit(text[i])) {
            clean += text[i++];
            ++group;
            continue;
        }
        const size_t sep = separator_at(text, i);
        if (sep == 0) break;
        if (group == 0 || group > 3 || (grouped && group != 3)) return false;
        grouped = true;
        group = 0;
        i += sep;
    }
    if (group == 0 || (grouped && group != 3)) return false;
    if (i < text.size() && (text[i] == ',' || text[i] == '.')) {
        ++i;
        // strtod reads the decimal point of the C locale, which a host may have changed.
        const char* point = std::localeconv()->decimal_point;
        clean += point != nullptr && point[0] != '\0' ? point : ".";
        if (take_digits(text, i, clean) == 0) return false;
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        clean += 'e';
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) clean += text[i++];
        if (take_digits(text, i, clean) == 0) return false;
    }
    if (i != text.size()) return false;
    char* end = nullptr;
    const double value = std::strtod(clean.c_str(), &end);
    if (end != clean.c_str() + clean.size() || !std::isfinite(value)) return false;
    out = value;
    return true;
}

std::string csv_cell(std::string_view text, char delimiter) {
    std::string cell;
    if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                          text[0] == '\r')) {
        cell += '\'';
    }
    cell.append(text);
    if (cell.find_first_of(std::string{delimiter, '"', '\n', '\r'}) == std::string::npos) return cell;
    std::string quoted = "\"";
    for (const char c : cell) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string csv_number(double value, int decimals) {
    if (!std::isfinite(value)) return "";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    for (char& c : s) {
        if (c == '.') c = ',';
    }
    if (s == "-0") s = "0";
    return s;
}

}  // namespace px
