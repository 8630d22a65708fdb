// csv_test.cpp — the CSV reader (core/csv.h): delimiters, RFC 4180 quoting, line ends, encodings,
// every bad row reported at its line and column, limits, and French/English decimals.
#include <doctest/doctest.h>

#include <cmath>   // std::isnan
#include <string>  // std::string
#include <vector>  // std::vector

#include "core/csv.h"

using px::Err;

namespace {
using Fields = std::vector<std::string>;

px::CsvResult parse(const std::string& bytes, const px::CsvDesc& desc = {}) {
    return px::parse_csv(bytes, "t.csv", desc);
}

// The only error of r, checked at line:col.
void check_error_at(const px::CsvResult& r, Err code, uint64_t line, uint64_t col) {
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == code);
    CHECK(r.errors[0].where.file == "t.csv");
    CHECK_FALSE(r.errors[0].where.has_byte_offset);
    CHECK(r.errors[0].where.line == line);
    CHECK(r.errors[0].where.col == col);
}

// The only error of r, checked at a byte offset.
void check_error_at_byte(const px::CsvResult& r, Err code, uint64_t byte_offset) {
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == code);
    CHECK(r.errors[0].where.file == "t.csv");
    CHECK(r.errors[0].where.has_byte_offset);
    CHECK(r.errors[0].where.byte_offset == byte_offset);
}
}  // namespace

TEST_CASE("the delimiter is found in the header line, outside quotes") {
    px::CsvResult r = parse("nom;siren;prix\nAtelier;123;4,5\n");
    REQUIRE(r.ok());
    CHECK(r.table.delimiter == ';');
    CHECK(r.table.header == Fields{"nom", "siren", "prix"});
    REQUIRE(r.table.rows.size() == 1);
    CHECK(r.table.rows[0].fields == Fields{"Atelier", "123", "4,5"});
    CHECK(r.table.rows[0].line == 2);

    r = parse("name,price\nA,4.5\n");
    REQUIRE(r.ok());
    CHECK(r.table.delimiter == ',');
    CHECK(r.table.rows[0].fields == Fields{"A", "4.5"});

    r = parse("a\tb\tc\n1\t2,5\t3;4\n");
    REQUIRE(r.ok());
    CHECK(r.table.delimiter == '\t');
    CHECK(r.table.rows[0].fields == Fields{"1", "2,5", "3;4"});

    CHECK(parse("\"a,b,c\";d\n").table.delimiter == ';');  // commas in quotes do not count
    CHECK(parse("a;b,c\n").table.delimiter == ';');        // tie
    CHECK(parse("a,b\tc\n").table.delimiter == ',');       // tie without ';'
    CHECK(parse("nom\nNiort\n").table.delimiter == ';');   // one column
    CHECK(parse("nom\nNiort\n").table.rows[0].fields == Fields{"Niort"});

    px::CsvDesc desc;
    desc.delimiter = '|';
    r = parse("a|b\n1;2|3\n", desc);
    REQUIRE(r.ok());
    CHECK(r.table.delimiter == '|');
    CHECK(r.table.rows[0].fields == Fields{"1;2", "3"});
}

TEST_CASE("quoted fields hold the delimiter, quotes and line ends") {
    const px::CsvResult r =
        parse("a;b;c\n\"x;y\";\"il dit \"\"oui\"\"\";\"l1\nl2\"\n\"\";;\"\"\"\"\n");
    REQUIRE(r.ok());
    REQUIRE(r.table.rows.size() == 2);
    CHECK(r.table.rows[0].fields == Fields{"x;y", "il dit \"oui\"", "l1\nl2"});
    CHECK(r.table.rows[1].fields == Fields{"", "", "\""});
    CHECK(r.table.rows[1].line == 4);
}

TEST_CASE("header names are trimmed, data fields are kept as they are") {
    const px::CsvResult r = parse(" nom ;\"prix \"\n  Atelier ; 4,5 \nab\"c;d\n");
    REQUIRE(r.ok());
    CHECK(r.table.header == Fields{"nom", "prix"});
    CHECK(r.table.rows[0].fields == Fields{"  Atelier ", " 4,5 "});
    CHECK(r.table.rows[1].fields == Fields{"ab\"c", "d"});  // a quote inside an unquoted field
}

TEST_CASE("lines end with LF, CRLF or CR; the last line end is optional; blank lines are skipped") {
    for (const char* text :
         {"a;b\n1;2\n3;4\n", "a;b\r\n1;2\r\n3;4\r\n", "a;b\r1;2\r3;4\r", "a;b\n1;2\n3;4"}) {
        CAPTURE(text);
        const px::CsvResult r = parse(text);
        REQUIRE(r.ok());
        REQUIRE(r.table.rows.size() == 2);
        CHECK(r.table.rows[1].fields == Fields{"3", "4"});
        CHECK(r.table.rows[1].line == 3);
    }
    const px::CsvResult r = parse("\n\r\na;b\n\n1;2\r\n\r\n\r3;4\n\n");
    REQUIRE(r.ok());
    CHECK(r.table.header == Fields{"a", "b"});
    REQUIRE(r.table.rows.size() == 2);
    CHECK(r.table.rows[0].line == 5);
    CHECK(r.table.rows[1].line == 8);
    // A quoted line end is kept as it is, and counted as one line.
    const px::CsvResult q = parse("a;b\r\n\"x\r\ny\";1\r\n2;3\r\n");
    REQUIRE(q.ok());
    CHECK(q.table.rows[0].fields[0] == "x\r\ny");
    CHECK(q.table.rows[1].line == 4);
    CHECK(parse("a;b;\n1;2;\n").table.rows[0].fields ==
          Fields{"1", "2", ""});  // a last empty field
}

TEST_CASE("lines after a quoted multi-line field are counted right") {
    const px::CsvResult r = parse("a;b\n\"un\ndeux\rtrois\";1\nseul\n4;5\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == Err::CSV_FIELD_COUNT);
    CHECK(r.errors[0].where.line == 5);
    REQUIRE(r.table.rows.size() == 2);
    CHECK(r.table.rows[0].line == 2);
    CHECK(r.table.rows[1].line == 6);
    // Columns after a quoted line end start again from 1.
    check_error_at(parse("a;b\n1;\"x\ny\"z\n"), Err::CSV_AFTER_QUOTE, 3, 3);
}

TEST_CASE("an empty file is refused; a header without rows is not") {
    for (const char* text : {"", "\n\r\n", "\xEF\xBB\xBF", "\xEF\xBB\xBF\r\n"}) {
        CAPTURE(text);
        check_error_at(parse(text), Err::CSV_EMPTY, 1, 1);
    }
    const px::CsvResult r = parse("nom;prix\n");
    REQUIRE(r.ok());
    CHECK(r.table.header.size() == 2);
    CHECK(r.table.rows.empty());
}

TEST_CASE("encodings: UTF-8, UTF-8 with BOM, Windows-1252 transcoded") {
    px::CsvResult r = parse("nom;ville\nCafé;Châtellerault\n");
    REQUIRE(r.ok());
    CHECK(r.table.encoding == px::CsvEncoding::Utf8);
    CHECK(r.table.rows[0].fields == Fields{"Café", "Châtellerault"});

    r = parse("\xEF\xBB\xBFnom;ville\nCafé;Niort\n");
    REQUIRE(r.ok());
    CHECK(r.table.encoding == px::CsvEncoding::Utf8Bom);
    CHECK(r.table.header[0] == "nom");  // the BOM is not part of the first name

    // é = 0xE9, € = 0x80, œ = 0x9C, ’ = 0x92, Ÿ = 0x9F in Windows-1252.
    r = parse("nom;prix\nCaf\xE9;\x80 5\n\x9Cuvre;l\x92\x9F\n");
    REQUIRE(r.ok());
    CHECK(r.table.encoding == px::CsvEncoding::Windows1252);
    REQUIRE(r.table.rows.size() == 2);
    CHECK(r.table.rows[0].fields == Fields{"Café", "€ 5"});
    CHECK(r.table.rows[1].fields == Fields{"œuvre", "l’Ÿ"});

    // Columns count characters of the transcoded text.
    r = parse("a;b\n\xE9\xE9\"x\";\"y\"z\n");
    check_error_at(r, Err::CSV_AFTER_QUOTE, 2, 10);
    CHECK(r.table.encoding == px::CsvEncoding::Windows1252);
}

TEST_CASE("encoding errors carry the byte offset") {
    px::CsvResult r = parse("nom;prix\nCaf\xE9\x81;1\n");
    check_error_at_byte(r, Err::CSV_BAD_BYTE, 13);
    CHECK(r.errors[0].detail == "0x81");
    CHECK(r.table.encoding == px::CsvEncoding::Windows1252);
    r = parse("a\x8D\x8F\x90\x9D\n");  // each undefined byte is reported
    REQUIRE(r.errors.size() == 4);
    CHECK(r.errors[3].code == Err::CSV_BAD_BYTE);
    CHECK(r.errors[3].where.byte_offset == 4);
    CHECK(r.errors[3].detail == "0x9D");

    check_error_at_byte(parse(std::string("\xFF\xFEn\0o\0m\0", 8)), Err::CSV_UTF16, 0);
    check_error_at_byte(parse(std::string("\xFE\xFF\0n\0o\0m", 8)), Err::CSV_UTF16, 0);
    check_error_at_byte(parse(std::string("nom;prix\nA;\0\0\n", 14)), Err::CSV_NUL, 11);
    check_error_at_byte(parse("\xEF\xBB\xBFnom\nCaf\xE9\n"), Err::CSV_BAD_UTF8, 10);
    // Overlong forms and surrogates are not UTF-8: the text is read as Windows-1252.
    CHECK(parse("a\n\xC0\xAF\n").table.encoding == px::CsvEncoding::Windows1252);
    CHECK(parse("a\n\xED\xA0\x80\n").table.encoding == px::CsvEncoding::Windows1252);
    CHECK(parse("a\n\xF0\x9F\x98\x80\n").table.encoding == px::CsvEncoding::Utf8);  // 😀
}

TEST_CASE("quote errors are placed at line:col") {
    // The opening quote of a field never closed: line 3, column 3 ("é" is one character).
    check_error_at(parse("a;b\n1;2\né;\"abc\n4;5\n"), Err::CSV_UNTERMINATED_QUOTE, 3, 3);
    check_error_at(parse("\"a;b\n"), Err::CSV_UNTERMINATED_QUOTE, 1, 1);
    // Text after a closing quote: where the text starts.
    check_error_at(parse("a;b\n\"x\" ;2\n"), Err::CSV_AFTER_QUOTE, 2, 4);
    check_error_at(parse("a;\"b\"c\n1;2\n"), Err::CSV_AFTER_QUOTE, 1, 6);
    // The row is left out, the reading goes on, and the row's other faults are not reported.
    const px::CsvResult r = parse("a;b\n\"x\"y;\"z\"w;3\n5;6\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == Err::CSV_AFTER_QUOTE);
    REQUIRE(r.table.rows.size() == 1);
    CHECK(r.table.rows[0].fields == Fields{"5", "6"});
}

TEST_CASE("every row with a wrong field count is reported, none is kept") {
    const px::CsvResult r = parse("a;b;c\n1;2;3\n1;2\n4;5;6\n1;2;3;4;5\n7;8;9\n");
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].code == Err::CSV_FIELD_COUNT);
    CHECK(r.errors[0].where.line == 3);
    CHECK(r.errors[0].where.col == 1);
    CHECK(r.errors[0].detail == "2/3");
    CHECK(r.errors[1].code == Err::CSV_FIELD_COUNT);
    CHECK(r.errors[1].where.line == 5);
    CHECK(r.errors[1].detail == "5/3");
    REQUIRE(r.table.rows.size() == 3);
    CHECK(r.table.rows[2].line == 6);
    CHECK(px::format_error(r.errors[1], px::Lang::En).rfind("t.csv:5:1: ", 0) == 0);
}

TEST_CASE("after kCsvMaxErrors errors, a last TOO_MANY ends the list") {
    std::string text = "a;b\n";
    for (int i = 0; i < 150; ++i) text += "1\n";
    px::CsvResult r = parse(text);
    REQUIRE(r.errors.size() == px::kCsvMaxErrors + 1);
    CHECK(r.errors[px::kCsvMaxErrors - 1].code == Err::CSV_FIELD_COUNT);
    CHECK(r.errors[px::kCsvMaxErrors - 1].where.line == px::kCsvMaxErrors + 1);
    CHECK(r.errors.back().code == Err::TOO_MANY);
    CHECK(r.errors.back().where.line == px::kCsvMaxErrors + 2);  // where the next error was
    CHECK(r.errors.back().detail == "100");

    text = "a;b\n";
    for (size_t i = 0; i < px::kCsvMaxErrors; ++i) text += "1\n";
    r = parse(text);  // exactly the cap: no TOO_MANY
    CHECK(r.errors.size() == px::kCsvMaxErrors);
    CHECK(r.errors.back().code == Err::CSV_FIELD_COUNT);

    std::string bytes = "a\n";
    for (int i = 0; i < 150; ++i) bytes += "\x81";
    r = parse(bytes);
    REQUIRE(r.errors.size() == px::kCsvMaxErrors + 1);
    CHECK(r.errors.back().code == Err::TOO_MANY);
    CHECK(r.errors.back().where.has_byte_offset);
    CHECK(r.errors.back().where.byte_offset == 2 + px::kCsvMaxErrors);
}

TEST_CASE("each limit stops the reading with a clear error") {
    px::CsvDesc desc;
    desc.max_bytes = 10;
    CHECK(parse("a;b\n1;2\n3;", desc).ok());  // 10 bytes
    px::CsvResult r = parse("a;b\n1;2\n3;4", desc);
    check_error_at_byte(r, Err::CSV_TOO_BIG, 10);
    CHECK(r.errors[0].detail == "10");

    desc = {};
    desc.max_rows = 2;
    CHECK(parse("a\n1\n\n2\n\n", desc).ok());
    r = parse("a\n1\n2\n\n3\n4\n", desc);
    check_error_at(r, Err::TOO_MANY, 5, 1);
    CHECK(r.errors[0].detail == "2");
    CHECK(r.table.rows.size() == 2);  // for diagnostics only: r is not ok

    desc = {};
    desc.max_fields = 3;
    CHECK(parse("a;b;c\n1;2;3\n", desc).ok());
    r = parse("a;b;c\n1;2;3;4;5\n1;2;3;4\n", desc);
    check_error_at(r, Err::TOO_MANY, 2, 7);  // the fourth field
    CHECK(r.errors[0].detail == "3");
    check_error_at(parse("a;b;c;d\n", desc), Err::TOO_MANY, 1, 7);  // the header too

    desc = {};
    desc.max_field_bytes = 4;
    CHECK(parse("abcd\n\"ab\"\"\"\"\"\n\"é\r\n\"\n", desc).ok());  // 4 bytes each, unquoted
    r = parse("a;b\n1;abcde\n", desc);
    check_error_at(r, Err::CSV_FIELD_TOO_LONG, 2, 3);
    CHECK(r.errors[0].detail == "4");
    check_error_at(parse("a;b\n1;\"abcde\"\n", desc), Err::CSV_FIELD_TOO_LONG, 2, 3);
    check_error_at(parse("a;b\n1;\"abc\"\"\"\"\"\n", desc), Err::CSV_FIELD_TOO_LONG, 2, 3);
    check_error_at(parse("a;b\n1;\"abc\r\n\"\n", desc), Err::CSV_FIELD_TOO_LONG, 2, 3);
    check_error_at(parse("abcdé\n", desc), Err::CSV_FIELD_TOO_LONG, 1, 1);  // UTF-8 bytes
    // A quote never closed is said so, even past the length limit.
    check_error_at(parse("a;b\n1;\"abcdefgh\n", desc), Err::CSV_UNTERMINATED_QUOTE, 2, 3);
}

TEST_CASE("parse_decimal reads French and English numbers, nothing ambiguous") {
    struct Good {
        const char* text;
        double value;
    };
    const Good good[] = {
        {"1234", 1234.0},
        {"-12.5", -12.5},
        {"12,5", 12.5},
        {"+3", 3.0},
        {"0,25", 0.25},
        {"1 234,5", 1234.5},
        {"1\xC2\xA0" "234,5", 1234.5},                  // U+00A0
        {"12\xE2\x80\xAF" "345\xE2\x80\xAF" "678", 12345678.0},  // U+202F
        {"1 234.5", 1234.5},
        {"1,234", 1.234},  // one comma is a decimal comma
        {"  7,5 ", 7.5},
        {"\t\xC2\xA0" "8\xE2\x80\xAF", 8.0},
        {"1,5e3", 1500.0},
        {"2E-2", 0.02},
        {"-0", -0.0},
    };
    for (const Good& g : good) {
        CAPTURE(g.text);
        double v = -1.0;
        CHECK(px::parse_decimal(g.text, v));
        CHECK(v == g.value);
    }
    const char* const bad[] = {
        "", "   ", "abc", "1,2,3", "1.2.3", "1,234.5", "1.234,5", "NaN", "nan", "inf", "-inf",
        "1e400", "-1e400", "12 34", "1 2345", "1234 567", " 1  234", "1 ,5",
        "12,", ".5", ",5", "12.", "1e", "1e+", "- 1", "--1", "0x10", "1_000", "12,5 €", "١",
        "1 234,5,6", "e5",
    };
    for (const char* text : bad) {
        CAPTURE(text);
        double v = 42.0;
        CHECK_FALSE(px::parse_decimal(text, v));
        CHECK(v == 42.0);  // untouched
    }
}

TEST_CASE("writing: cells a spreadsheet would run stay text, quoted when needed; numbers the French way") {
    CHECK(px::csv_cell("Niort") == "Niort");
    CHECK(px::csv_cell("=HYPERLINK(\"http://x.invalid\";\"clic\")") == "\"'=HYPERLINK(\"\"http://x.invalid\"\";\"\"clic\"\")\"");
    CHECK(px::csv_cell("+33 5 49") == "'+33 5 49");
    CHECK(px::csv_cell("-2") == "'-2");
    CHECK(px::csv_cell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(px::csv_cell("\ttab") == "'\ttab");
    CHECK(px::csv_cell("a;b") == "\"a;b\"");
    CHECK(px::csv_cell("deux\nlignes") == "\"deux\nlignes\"");
    CHECK(px::csv_cell("a,b", ',') == "\"a,b\"");
    CHECK(px::csv_number(1234.5, 1) == "1234,5");
    CHECK(px::csv_number(0.25, 3) == "0,25");
    CHECK(px::csv_number(58.0, 1) == "58");
    CHECK(px::csv_number(-0.0001, 2) == "0");
    CHECK(px::csv_number(1.0 / 0.0, 2).empty());
}
