// atlas_test.cpp — the embedded atlas decodes to what the open data says, and a damaged atlas
// (truncated, foreign, wrong version, flipped bytes) is an error with a byte offset, never a
// crash (run it under the native-asan preset to prove the "never").
#include <doctest/doctest.h>

#include <cstring>  // std::memcpy, std::memcmp
#include <random>  // std::mt19937_64
#include <string>  // std::string
#include <vector>  // std::vector

#include "core/atlas.h"
#include "core/atlas_embedded.h"
#include "core/bytes.h"

using px::Err;

namespace {
const px::Atlas& atlas() {
    static const px::Atlas a = [] {
        px::Atlas out;
        const Err e = px::decode_atlas(px::embedded_atlas_data(), px::embedded_atlas_size(), "atlas").get(out);
        REQUIRE(e == Err::OK);
        return out;
    }();
    return a;
}
std::vector<uint8_t> bytes() {
    return std::vector<uint8_t>(px::embedded_atlas_data(), px::embedded_atlas_data() + px::embedded_atlas_size());
}
}  // namespace

TEST_CASE("every current commune is there, with its structure") {
    const px::Atlas& a = atlas();
    CHECK(a.communes.size() == 34969);  // COG 2026 (@etalab/decoupage-administratif 6.0.0)
    CHECK(a.regions.size() == 18 + 8);  // 18 régions + 8 collectivités (COM, TAAF, Clipperton)
    CHECK(a.departements.size() == 101 + 8);  // 101 départements + 8 collectivités
    CHECK(a.epcis.size() > 1200);

    const px::Atlas::Commune* c = a.find_commune("86066");
    REQUIRE(c != nullptr);
    CHECK(a.name(*c) == "Châtellerault");
    CHECK(a.departements[c->departement].code == "86");
    CHECK(a.departements[c->departement].name == "Vienne");
    CHECK(a.regions[a.departements[c->departement].region].name == "Nouvelle-Aquitaine");
    CHECK(c->population > 30000);
    REQUIRE(c->epci >= 0);
    CHECK(a.epcis[static_cast<size_t>(c->epci)].name.find("Châtellerault") != std::string::npos);
    REQUIRE(c->postal_count >= 1);
    CHECK(a.postal_codes[c->postal_first] == 86100);
    CHECK(c->source == px::PositionSource::GeoNames);
    CHECK(std::abs(c->pos.lon_deg - 0.5452) < 0.01);
    CHECK(std::abs(c->pos.lat_deg - 46.817) < 0.01);

    const px::Atlas::Commune* ajaccio = a.find_commune("2A004");
    REQUIRE(ajaccio != nullptr);
    CHECK(a.name(*ajaccio) == "Ajaccio");
    const px::Atlas::Commune* basse_terre = a.find_commune("97105");
    REQUIRE(basse_terre != nullptr);
    CHECK(a.name(*basse_terre) == "Basse-Terre");
    CHECK(a.find_commune("00000") == nullptr);
    CHECK(a.find_commune("9999") == nullptr);
}

TEST_CASE("positions: 99.8 % of communes placed, each with its source, none invented") {
    const px::Atlas& a = atlas();
    size_t placed = 0, exact = 0;
    for (const px::Atlas::Commune& c : a.communes) {
        if (!c.placed()) continue;
        ++placed;
        if (px::position_is_exact(c.source)) ++exact;
        CHECK(px::geo::check_lonlat(c.pos).ok());
    }
    CHECK(placed >= 34900);
    CHECK(exact >= 14700);
    // Metropolitan communes lie in metropolitan France's box.
    for (const char* code : {"29019", "67482", "06088", "59350", "64445", "2B033"}) {
        const px::Atlas::Commune* c = a.find_commune(code);
        REQUIRE(c != nullptr);
        CHECK(c->placed());
        CHECK(c->pos.lon_deg > -5.2);
        CHECK(c->pos.lon_deg < 9.6);
        CHECK(c->pos.lat_deg > 41.3);
        CHECK(c->pos.lat_deg < 51.1);
    }
    CHECK(std::string(px::position_source_label(px::PositionSource::Unknown, px::Lang::Fr)) == "position inconnue");
}

TEST_CASE("countries are triangulated and outlined") {
    const px::Atlas& a = atlas();
    CHECK(a.countries.size() > 230);
    const px::Atlas::Country* france = nullptr;
    for (const px::Atlas::Country& c : a.countries) {
        if (c.name == "France") france = &c;
        CHECK(c.index_count % 3 == 0);
        size_t out_of_range = 0;
        for (uint32_t i = 0; i < c.index_count; ++i) out_of_range += a.indices[c.index_first + i] >= a.vertices.size();
        CHECK(out_of_range == 0);
    }
    REQUIRE(france != nullptr);
    CHECK(france->id == "250");
    CHECK(france->index_count > 300);
    CHECK(france->bbox.contains({2.35, 48.85}));  // Paris
    CHECK(france->bbox.contains({-52.3, 4.9}));   // Cayenne: French Guiana belongs to France's shape
    CHECK(a.borders.size() > 1000);
    CHECK(a.attributions.size() >= 4);
    for (const px::Attribution& at : a.attributions) {
        CHECK_FALSE(at.licence.empty());
        CHECK_FALSE(at.holder.empty());
    }
}

TEST_CASE("a truncated atlas is an error at every length") {
    const std::vector<uint8_t> good = bytes();
    std::mt19937_64 rng(1);
    std::vector<size_t> cuts = {0, 1, 7, 8, 11, 12, 15, 16, 27, 28, good.size() - 1};
    for (int i = 0; i < 60; ++i) cuts.push_back(static_cast<size_t>(rng() % good.size()));
    for (size_t n : cuts) {
        CAPTURE(n);
        px::Atlas a;
        const Err e = px::decode_atlas(good.data(), n, "cut.bin").get(a);
        CHECK(e != Err::OK);
        CHECK((e == Err::ATLAS_TRUNCATED || e == Err::ATLAS_CORRUPT || e == Err::ATLAS_BAD_MAGIC ||
               e == Err::ATLAS_BAD_VERSION));
    }
}

TEST_CASE("a foreign file or another version is named as such") {
    px::Atlas a;
    const std::string zip = "PK\x03\x04 this is a zip file, not an atlas";
    const auto r = px::decode_atlas(reinterpret_cast<const uint8_t*>(zip.data()), zip.size(), "carte.zip");
    CHECK(r.error().code == Err::ATLAS_BAD_MAGIC);
    CHECK(px::format_error(r.error(), px::Lang::Fr) == "carte.zip:@0: ce n'est pas un atlas Proxinum");

    std::vector<uint8_t> v2 = bytes();
    v2[8] = 2;
    const auto r2 = px::decode_atlas(v2.data(), v2.size(), "atlas.bin");
    CHECK(r2.error().code == Err::ATLAS_BAD_VERSION);
    CHECK(r2.error().where.byte_offset == 8);
}

TEST_CASE("flipped bytes give an error or a valid atlas, never a crash or an invalid position") {
    const std::vector<uint8_t> good = bytes();
    std::mt19937_64 rng(86066);
    int errors = 0;
    for (int i = 0; i < 40; ++i) {
        std::vector<uint8_t> bad = good;
        for (int k = 0; k < 4; ++k) bad[rng() % bad.size()] ^= static_cast<uint8_t>(1 + rng() % 255);
        px::Atlas a;
        if (px::decode_atlas(bad.data(), bad.size(), "bad.bin").get(a) != Err::OK) {
            ++errors;
            continue;
        }
        size_t bad_positions = 0, bad_indices = 0;
        for (const px::Atlas::Commune& c : a.communes) bad_positions += c.placed() && !px::geo::check_lonlat(c.pos).ok();
        for (uint32_t idx : a.indices) bad_indices += idx >= a.vertices.size();
        CHECK(bad_positions == 0);
        CHECK(bad_indices == 0);
    }
    CHECK(errors > 0);
}

// Regression for fuzz_atlas's timeout (session 3; its input was not kept): the likely cause, a
// tampered TOPO section whose ring repeats a long arc, built a polygon of tens of thousands of
// vertices for earcut. The reader now refuses it before copying the vertices, at once.
TEST_CASE("a ring that repeats a long arc is refused before triangulation") {
    const uint8_t* data = px::embedded_atlas_data();
    const size_t size = px::embedded_atlas_size();
    std::vector<uint8_t> bytes(data, data + size);
    // Header: magic (8), version (4), section count (4), then {tag[4], offset u32, size u32}.
    uint32_t n_sections = 0;
    std::memcpy(&n_sections, bytes.data() + 12, 4);
    size_t entry = 0;
    for (uint32_t i = 0; i < n_sections; ++i) {
        if (std::memcmp(bytes.data() + 16 + 12 * i, "TOPO", 4) == 0) entry = 16 + 12 * i;
    }
    REQUIRE(entry != 0);
    px::ByteWriter w;
    const double transform[4] = {1e-4, 1e-4, 0.0, 0.0};
    w.raw(transform, sizeof transform);
    w.varint(1);     // one arc of 1,000 points along the equator
    w.varint(1000);
    for (int k = 0; k < 1000; ++k) {
        w.zigzag(k == 0 ? 0 : 1);
        w.zigzag(0);
    }
    w.varint(1);  // one country: no id, no name, one polygon of one ring: the arc 20 times
    w.str("");
    w.str("");
    w.varint(1);
    w.varint(1);
    w.varint(20);
    for (int k = 0; k < 20; ++k) w.zigzag(0);
    const auto offset = static_cast<uint32_t>(bytes.size());
    const auto topo_size = static_cast<uint32_t>(w.bytes.size());
    bytes.insert(bytes.end(), w.bytes.begin(), w.bytes.end());
    std::memcpy(bytes.data() + entry + 4, &offset, 4);
    std::memcpy(bytes.data() + entry + 8, &topo_size, 4);
    const px::Result<px::Atlas> r = px::decode_atlas(bytes.data(), bytes.size(), "topo.bin");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == px::Err::ATLAS_CORRUPT);
    CHECK(r.error().detail.find("TOPO ring too long") != std::string::npos);
}
