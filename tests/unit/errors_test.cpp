// errors_test.cpp — the error table (core/errors.h): ids, wording, locations, Result.
#include <doctest/doctest.h>

#include <fstream>  // std::ifstream
#include <iterator> // std::istreambuf_iterator
#include <set>     // std::set
#include <string>  // std::string

#include "core/errors.h"

using px::Err;

TEST_CASE("every error id has a unique name and French and English texts") {
    std::set<std::string> ids;
    for (int i = 0; i < static_cast<int>(Err::COUNT); ++i) {
        const Err e = static_cast<Err>(i);
        CAPTURE(px::error_id(e));
        CHECK(ids.insert(px::error_id(e)).second);
        CHECK(std::string(px::error_text(e, px::Lang::Fr)).size() > 3);
        CHECK(std::string(px::error_text(e, px::Lang::En)).size() > 3);
        // The same number of %s in both languages, so a detail is never lost in translation.
        const auto count = [](const std::string& s) {
            size_t n = 0;
            for (size_t at = s.find("%s"); at != std::string::npos; at = s.find("%s", at + 2)) ++n;
            return n;
        };
        CHECK(count(px::error_text(e, px::Lang::Fr)) == count(px::error_text(e, px::Lang::En)));
        CHECK(count(px::error_text(e, px::Lang::Fr)) <= 1);
    }
}

TEST_CASE("format_error puts the location first, in the FILE:LINE:COL form") {
    px::Error e = px::make_error(Err::CLI_BAD_NUMBER, {"carte.csv", 12, 7}, "", "1,2,3");
    CHECK(px::format_error(e, px::Lang::Fr) == "carte.csv:12:7: nombre invalide : 1,2,3");
    CHECK(px::format_error(e, px::Lang::En) == "carte.csv:12:7: invalid number: 1,2,3");

    e.where.col = 0;
    CHECK(px::format_error(e, px::Lang::En) == "carte.csv:12: invalid number: 1,2,3");

    px::Location streamed{"page.har", 0, 0, 1048576, true};
    px::Error s = px::make_error(Err::FIELD_VALUE, streamed, "/log/entries/12/response/bodySize", "-2");
    CHECK(px::format_error(s, px::Lang::Fr) ==
          "page.har:@1048576: valeur invalide : -2 (champ /log/entries/12/response/bodySize)");

    // A detail that is a catalog word is written in the reader's language.
    px::Error typed = px::make_error(Err::FIELD_TYPE, {"cat.json", 4, 12}, "/providers/0/name", px::Msg::TYPE_TEXT);
    CHECK(px::format_error(typed, px::Lang::Fr) == "cat.json:4:12: type inattendu : texte attendu (champ /providers/0/name)");
    CHECK(px::format_error(typed, px::Lang::En) == "cat.json:4:12: unexpected type: text expected (field /providers/0/name)");

    px::Error bare = px::make_error(Err::SEARCH_EMPTY);
    CHECK(px::format_error(bare, px::Lang::En) == "empty search: type a name, an INSEE code or a postal code");
}

TEST_CASE("Result holds a value or an error, and get() reports which") {
    px::Result<int> good(42);
    int v = 0;
    CHECK(good.ok());
    CHECK(good.get(v) == Err::OK);
    CHECK(v == 42);

    px::Result<int> bad(px::make_error(Err::JSON_SYNTAX, {"x.json"}));
    v = 7;
    CHECK_FALSE(bad.ok());
    CHECK(bad.get(v) == Err::JSON_SYNTAX);
    CHECK(v == 7);  // untouched on error
    CHECK(bad.error().where.file == "x.json");
}

TEST_CASE("docs/errors.md lists every error id") {
    std::ifstream in(PX_SOURCE_DIR "/docs/errors.md");
    REQUIRE_MESSAGE(in.good(), "cannot read docs/errors.md");
    const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (int i = 0; i < static_cast<int>(Err::COUNT); ++i) {
        const std::string id = std::string("`") + px::error_id(static_cast<Err>(i)) + "`";
        CAPTURE(id);
        CHECK(doc.find(id) != std::string::npos);
    }
}
