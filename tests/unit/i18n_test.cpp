// i18n_test.cpp — the message table and language codes (core/i18n.h).
#include <doctest/doctest.h>

#include <fstream>  // std::ifstream
#include <sstream>  // std::stringstream
#include <string>   // std::string
#include <vector>   // std::vector

#include "core/i18n.h"

TEST_CASE("every message has non-empty French and English texts") {
    for (int i = 0; i < static_cast<int>(px::Msg::COUNT); ++i) {
        const auto id = static_cast<px::Msg>(i);
        CAPTURE(i);
        CHECK(std::string(px::tr(id, px::Lang::Fr)).size() > 0);
        CHECK(std::string(px::tr(id, px::Lang::En)).size() > 0);
    }
    CHECK(std::string(px::tr(px::Msg::LENS_AUDIT, px::Lang::Fr)) == "Audit web");
    CHECK(std::string(px::tr(px::Msg::LENS_AUDIT, px::Lang::En)) == "Web audit");
}

TEST_CASE("language codes: French unless English is asked for") {
    CHECK(px::lang_from_code("en") == px::Lang::En);
    CHECK(px::lang_from_code("EN") == px::Lang::En);
    CHECK(px::lang_from_code("en-GB") == px::Lang::En);
    CHECK(px::lang_from_code("en_US.UTF-8") == px::Lang::En);
    CHECK(px::lang_from_code("fr") == px::Lang::Fr);
    CHECK(px::lang_from_code("fr_FR.UTF-8") == px::Lang::Fr);
    CHECK(px::lang_from_code("C") == px::Lang::Fr);
    CHECK(px::lang_from_code("") == px::Lang::Fr);
    CHECK(px::lang_from_code("e") == px::Lang::Fr);
    CHECK(px::lang_from_code("eng") == px::Lang::Fr);  // not a two-letter "en"
    CHECK(px::lang_from_code(nullptr) == px::Lang::Fr);
    CHECK(std::string(px::lang_code(px::Lang::En)) == "en");
    CHECK(std::string(px::lang_code(px::Lang::Fr)) == "fr");
}

TEST_CASE("counts are grouped by thousands as each language writes them") {
    CHECK(px::format_count(0, px::Lang::Fr) == "0");
    CHECK(px::format_count(999, px::Lang::Fr) == "999");
    CHECK(px::format_count(34969, px::Lang::Fr) == "34\u202F969");
    CHECK(px::format_count(2133111, px::Lang::Fr) == "2\u202F133\u202F111");
    CHECK(px::format_count(34969, px::Lang::En) == "34,969");
    CHECK(px::format_count(1000000, px::Lang::En) == "1,000,000");
}

TEST_CASE("decimals and dates are written as each language reads them") {
    CHECK(px::format_number(1234.5, 1, px::Lang::Fr) == "1\u202F234,5");
    CHECK(px::format_number(1234.5, 1, px::Lang::En) == "1,234.5");
    CHECK(px::format_number(-1234567, 0, px::Lang::Fr) == "-1\u202F234\u202F567");
    CHECK(px::format_number(12.346, 2, px::Lang::En) == "12.35");  // rounded, not truncated
    CHECK(px::format_number(999, 0, px::Lang::Fr) == "999");
    CHECK(px::format_date(2026, 11, 24, px::Lang::Fr) == "24/11/2026");
    CHECK(px::format_date(2026, 3, 5, px::Lang::Fr) == "05/03/2026");
    CHECK(px::format_date(2026, 11, 24, px::Lang::En) == "24 November 2026");
}

TEST_CASE("the English texts the web app loads apart are the built-in ones, taken whole or not at all") {
    std::ifstream in(PX_SOURCE_DIR "/assets/messages-en.bin", std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "assets/messages-en.bin is made by the native build");
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string blob = ss.str();
    std::vector<std::string> built_in;
    for (int i = 0; i < static_cast<int>(px::Msg::COUNT); ++i) built_in.emplace_back(px::tr(static_cast<px::Msg>(i), px::Lang::En));
    CHECK(px::english_messages_ready());  // native: built in

    std::string error;
    // Refused, and nothing changes: another file, a wrong count, a last text without its NUL.
    CHECK_FALSE(px::load_english_messages("{\"messages\": {}}", error));
    CHECK(error.find("messages-en.bin:@0: ") == 0);
    std::string wrong_count = blob;
    wrong_count.replace(wrong_count.find(' ') + 1, 1, "9");
    CHECK_FALSE(px::load_english_messages(wrong_count, error));
    std::string other_catalog = blob;  // the same count, from another catalog (a cached older file)
    other_catalog.replace(blob.find('\n') - 16, 16, "0123456789abcdef");
    CHECK_FALSE(px::load_english_messages(other_catalog, error));
    CHECK(error.find(PX_MESSAGES_HASH) != std::string::npos);
    CHECK_FALSE(px::load_english_messages(blob.substr(0, blob.size() - 1), error));
    CHECK(error.find("NUL") != std::string::npos);
    CHECK(std::string(px::tr(px::Msg::LENS_AUDIT, px::Lang::En)) == "Web audit");

    REQUIRE(px::load_english_messages(blob, error));
    for (int i = 0; i < static_cast<int>(px::Msg::COUNT); ++i) {
        CAPTURE(i);
        CHECK(px::tr(static_cast<px::Msg>(i), px::Lang::En) == built_in[static_cast<size_t>(i)]);
    }
    CHECK(std::string(px::tr(px::Msg::LENS_AUDIT, px::Lang::Fr)) == "Audit web");
}

