// credits_test.cpp — the "À propos / sources" list (core/credits.h) is complete and well formed.
#include <doctest/doctest.h>

#include <set>     // std::set
#include <string>  // std::string

#include "core/credits.h"

TEST_CASE("every credit names its licence, holder and source in both languages") {
    std::set<std::string> names;
    for (const px::Credit& c : px::credits()) {
        CAPTURE(c.name);
        CHECK(names.insert(c.name).second);
        CHECK(std::string(c.version).size() > 0);
        CHECK(std::string(c.licence).size() > 0);
        CHECK(std::string(c.holder).size() > 0);
        CHECK(std::string(c.url).rfind("https://", 0) == 0);
        CHECK(std::string(c.role(px::Lang::Fr)).size() > 0);
        CHECK(std::string(c.role(px::Lang::En)).size() > 0);
    }
}

TEST_CASE("what the app ships is credited") {
    std::set<std::string> shipped;
    for (const px::Credit& c : px::credits()) {
        if (c.kind == px::CreditKind::Shipped) shipped.insert(c.name);
    }
    CHECK(shipped.count("Dear ImGui") == 1);
    CHECK(shipped.count("Emscripten") == 1);
    CHECK(shipped.count("DejaVu Sans") == 1);
}
