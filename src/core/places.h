// places.h — finding communes: by name (ignoring case, accents and punctuation), by INSEE code,
// by postal code, and around a point. Built once over a decoded Atlas.
//
//   px::Places places;  places.build(atlas);
//   std::vector<px::Places::Match> m;  places.search("chatellerault", 10, m);   // 86066 first
//   places.search("86100", 10, m);  places.search("86066", 10, m);             // same commune
//   std::vector<px::geo::PointIndex::Hit> hits;
//   places.near({-0.4594, 46.3239}, 30'000.0, hits);   // communes within 30 km of Niort
//
// Ranking: a five-character query equal to an INSEE code or a postal code comes first (a
// number can be both: "86100" is Châtellerault's postal code and Fontaine-le-Comte's INSEE
// code); then exact name, name starting with the query, a word starting with it, containing it.
// Ties go to the larger population, then the INSEE code.
// "st"/"ste" in a query also match "saint"/"sainte". Communes without a position are found by
// search but never by near(). Does NOT own the atlas: it must outlive the Places.
#pragma once

#include <cstddef>      // size_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "core/atlas.h"  // px::Atlas
#include "core/geo.h"    // px::geo::PointIndex

namespace px {

class Places {
public:
    struct Match {
        size_t commune;  // index into atlas.communes
        int rank;  // 4 INSEE or postal code, 3 exact name, 2 name prefix, 1 word prefix, 0 contains
    };

    void build(const Atlas& atlas);
    bool built() const { return atlas_ != nullptr; }

    // Best matches first, at most `limit`. A query that folds to nothing finds nothing.
    void search(std::string_view query, size_t limit, std::vector<Match>& out) const;
    // Placed communes within radius_m of p, nearest first; Hit::index is the commune index.
    void near(geo::LonLat p, double radius_m, std::vector<geo::PointIndex::Hit>& out) const;
    // The placed commune nearest to p (for picking), or false when none is within max_m.
    bool nearest(geo::LonLat p, double max_m, geo::PointIndex::Hit& out) const;

private:
    const Atlas* atlas_ = nullptr;
    std::vector<std::string> folded_;      // folded name per commune
    std::vector<size_t> placed_;           // point index position → commune index
    geo::PointIndex index_;
};

}  // namespace px
