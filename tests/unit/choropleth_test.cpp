// choropleth_test.cpp — quantile classes and colours of communes (core/choropleth.h).
#include <doctest/doctest.h>

#include <string>         // std::string
#include <unordered_map>  // std::unordered_map

#include "core/atlas.h"
#include "core/atlas_embedded.h"
#include "core/choropleth.h"

namespace {
const px::Atlas& atlas() {
    static const px::Atlas a = [] {
        px::Atlas out;
        REQUIRE(px::decode_atlas(px::embedded_atlas_data(), px::embedded_atlas_size(), "atlas").get(out) == px::Err::OK);
        return out;
    }();
    return a;
}
size_t index_of(const char* code) { return static_cast<size_t>(atlas().find_commune(code) - atlas().communes.data()); }
}  // namespace

TEST_CASE("values are cut into quantile classes, light to dark; missing values stay grey") {
    // Ten communes of the Vienne with values 1…10: 5 classes of two values each.
    const char* codes[] = {"86001", "86002", "86003", "86004", "86005", "86006", "86007", "86008", "86009", "86010"};
    std::unordered_map<std::string, double> values;
    for (int i = 0; i < 10; ++i) values[codes[i]] = i + 1;
    values["99999"] = 3.0;  // not a commune
    px::Choropleth ch;
    px::build_choropleth(atlas(), values, 5, ch);
    CHECK(ch.rgba.size() == atlas().communes.size());
    CHECK(ch.with_value == 10);
    REQUIRE(ch.unknown_codes.size() == 1);
    CHECK(ch.unknown_codes[0] == "99999");
    REQUIRE(ch.breaks.size() == 6);
    CHECK(ch.breaks.front() == 1.0);
    CHECK(ch.breaks.back() == 10.0);
    REQUIRE(ch.class_rgba.size() == 5);
    CHECK(ch.rgba[index_of("86001")] == ch.class_rgba[0]);
    CHECK(ch.rgba[index_of("86002")] == ch.class_rgba[0]);
    CHECK(ch.rgba[index_of("86010")] == ch.class_rgba[4]);
    CHECK(ch.rgba[index_of("86066")] == px::kNoValueRgba);
    // Darker with each class (sum of R, G, B decreases).
    const auto lum = [](uint32_t c) { return (c & 0xFF) + ((c >> 8) & 0xFF) + ((c >> 16) & 0xFF); };
    for (size_t k = 1; k < ch.class_rgba.size(); ++k) CHECK(lum(ch.class_rgba[k]) < lum(ch.class_rgba[k - 1]));
    // Every value lies within its class's bounds.
    for (int i = 0; i < 10; ++i) {
        const uint32_t c = ch.rgba[index_of(codes[i])];
        size_t k = 0;
        while (ch.class_rgba[k] != c) ++k;
        CHECK(static_cast<double>(i + 1) >= ch.breaks[k]);
        CHECK(static_cast<double>(i + 1) <= ch.breaks[k + 1]);
    }
}

TEST_CASE("no value, non-finite values, bad class counts") {
    px::Choropleth ch;
    px::build_choropleth(atlas(), {}, 5, ch);
    CHECK(ch.with_value == 0);
    CHECK(ch.breaks.empty());
    std::unordered_map<std::string, double> v = {{"86066", 1.0 / 0.0}, {"79191", 4.0}};
    px::build_choropleth(atlas(), v, 99, ch);  // clamped to 7 classes
    CHECK(ch.with_value == 1);
    CHECK(ch.class_rgba.size() == 7);
    CHECK(ch.rgba[index_of("86066")] == px::kNoValueRgba);
}
