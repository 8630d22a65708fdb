// fixtures.h — what several unit tests load the same way: the embedded atlas and the shipped
// provider facts, each decoded once per test program. New tests use these; older ones still carry
// their own copy.
#pragma once

#include <doctest/doctest.h>

#include "core/atlas.h"
#include "core/atlas_embedded.h"
#include "core/catalog.h"
#include "core/facts.h"

namespace px::test {

inline const Atlas& embedded_atlas() {
    static Atlas a = [] {
        Atlas out;
        REQUIRE(decode_atlas(embedded_atlas_data(), embedded_atlas_size(), "atlas").get(out) == Err::OK);
        return out;
    }();
    return a;
}

// The shipped facts (data/providers), as the only catalog.
inline const Catalogs& shipped_facts() {
    static Catalogs cats = [] {
        Catalog c;
        REQUIRE(builtin_catalog().get(c) == Err::OK);
        Catalogs out;
        out.add(std::move(c));
        return out;
    }();
    return cats;
}

}  // namespace px::test
