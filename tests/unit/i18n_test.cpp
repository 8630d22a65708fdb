// i18n_test.cpp — the message table and language codes (core/i18n.h).
#include <doctest/doctest.h>

#include <string>  // std::string

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
