// places_test.cpp — search by name, INSEE code and postal code; communes around a point.
#include <doctest/doctest.h>

#include <string>  // std::string
#include <vector>  // std::vector

#include "core/atlas.h"
#include "core/atlas_embedded.h"
#include "core/places.h"

namespace {
struct Fixture {
    px::Atlas atlas;
    px::Places places;
    Fixture() {
        REQUIRE(px::decode_atlas(px::embedded_atlas_data(), px::embedded_atlas_size(), "atlas").get(atlas) ==
                px::Err::OK);
        places.build(atlas);
    }
    std::string first(const char* query) {
        std::vector<px::Places::Match> m;
        places.search(query, 5, m);
        return m.empty() ? std::string() : std::string(atlas.communes[m[0].commune].code);
    }
    bool finds(const char* query, const char* code) {
        std::vector<px::Places::Match> m;
        places.search(query, 10, m);
        for (const auto& x : m) {
            if (std::string(atlas.communes[x.commune].code) == code) return true;
        }
        return false;
    }
};
Fixture& fx() {
    static Fixture f;
    return f;
}
}  // namespace

TEST_CASE("issue #3 - chatellerault, 86066 and 86100 all find Châtellerault") {
    CHECK(fx().first("chatellerault") == "86066");
    CHECK(fx().first("Châtellerault") == "86066");
    CHECK(fx().first("CHATELLERAULT") == "86066");
    CHECK(fx().first("86066") == "86066");
    CHECK(fx().first("86100") == "86066");  // its postal code; larger than Fontaine-le-Comte (INSEE 86100)
    CHECK(fx().finds("86100", "86100"));
}

TEST_CASE("names: accents, apostrophes, abbreviations, prefixes; larger places first") {
    CHECK(fx().first("saint maixent l ecole") == "79270");
    CHECK(fx().first("st maixent l'école") == "79270");
    CHECK(fx().first("niort") == "79191");
    CHECK(fx().first("paris") == "75056");
    CHECK(fx().first("2a004") == "2A004");
    CHECK(fx().first("ajacc") == "2A004");     // prefix
    CHECK(fx().finds("gartempe", "87014"));    // a word inside the name
    std::vector<px::Places::Match> m;
    fx().places.search("saint", 5, m);
    REQUIRE(m.size() == 5);
    for (size_t i = 1; i < m.size(); ++i) {
        CHECK(m[i - 1].rank >= m[i].rank);
        if (m[i - 1].rank == m[i].rank) {
            CHECK(fx().atlas.communes[m[i - 1].commune].population >= fx().atlas.communes[m[i].commune].population);
        }
    }
}

TEST_CASE("empty and hopeless searches find nothing") {
    std::vector<px::Places::Match> m{{1, 1}};
    fx().places.search("", 10, m);
    CHECK(m.empty());
    fx().places.search(" -- ' ", 10, m);
    CHECK(m.empty());
    fx().places.search("zzzzqqqq", 10, m);
    CHECK(m.empty());
    fx().places.search("niort", 0, m);
    CHECK(m.empty());
}

TEST_CASE("near: communes around Niort, nearest first, with geodesic distances") {
    std::vector<px::geo::PointIndex::Hit> hits;
    fx().places.near({-0.4594, 46.3239}, 10000.0, hits);
    REQUIRE(hits.size() >= 5);
    CHECK(std::string(fx().atlas.communes[hits[0].index].code) == "79191");  // Niort itself
    for (size_t i = 1; i < hits.size(); ++i) CHECK(hits[i - 1].distance_m <= hits[i].distance_m);
    for (const auto& h : hits) CHECK(h.distance_m <= 10000.0);
    px::geo::PointIndex::Hit one{};
    CHECK(fx().places.nearest({-0.46, 46.32}, 5000.0, one));
    CHECK(std::string(fx().atlas.communes[one.index].code) == "79191");
    CHECK_FALSE(fx().places.nearest({-30.0, 40.0}, 5000.0, one));  // mid-Atlantic
}
