// places.cpp — search and proximity over the atlas's communes (places.h).
#include "core/places.h"

#include <algorithm>  // std::sort, std::min
#include <cstdlib>    // std::strtoul

#include "core/text.h"

namespace px {

void Places::build(const Atlas& atlas) {
    atlas_ = &atlas;
    folded_.clear();
    folded_.reserve(atlas.communes.size());
    placed_.clear();
    std::vector<geo::LonLat> points;
    for (size_t i = 0; i < atlas.communes.size(); ++i) {
        const Atlas::Commune& c = atlas.communes[i];
        folded_.push_back(fold_for_search(atlas.name(c)));
        if (c.placed()) {
            placed_.push_back(i);
            points.push_back(c.pos);
        }
    }
    index_.build(points);
}

namespace {
// "st" → "saint", "ste" → "sainte", word by word.
std::string expand_abbreviations(const std::string& folded) {
    std::string out;
    size_t start = 0;
    while (start <= folded.size()) {
        size_t end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        const std::string word = folded.substr(start, end - start);
        if (!out.empty()) out += ' ';
        out += word == "st" ? "saint" : word == "ste" ? "sainte" : word;
        start = end + 1;
    }
    return out;
}

int name_rank(const std::string& name, const std::string& q) {
    if (name == q) return 3;
    if (name.compare(0, q.size(), q) == 0) return 2;
    const size_t at = name.find(q);
    if (at == std::string::npos) return -1;
    for (size_t p = at; p != std::string::npos; p = name.find(q, p + 1)) {
        if (p > 0 && name[p - 1] == ' ') return 1;
    }
    return 0;
}

bool all_digits(std::string_view s) {
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return !s.empty();
}
}  // namespace

void Places::search(std::string_view query, size_t limit, std::vector<Match>& out) const {
    out.clear();
    if (atlas_ == nullptr || limit == 0) return;
    const Atlas& a = *atlas_;
    const std::string q = expand_abbreviations(fold_for_search(query));
    if (q.empty()) return;

    // INSEE code ("86066", "2a004" → "2A004") and postal code ("86100").
    if (q.size() == 5) {
        std::string code = q;
        for (char& ch : code) ch = (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
        if (const Atlas::Commune* c = a.find_commune(code)) {
            out.push_back({static_cast<size_t>(c - a.communes.data()), 4});
        }
        if (all_digits(q)) {
            const auto postal = static_cast<uint32_t>(std::strtoul(q.c_str(), nullptr, 10));
            for (size_t i = 0; i < a.communes.size(); ++i) {
                const Atlas::Commune& c = a.communes[i];
                for (uint32_t k = 0; k < c.postal_count; ++k) {
                    if (a.postal_codes[c.postal_first + k] == postal) {
                        if (out.empty() || out.front().commune != i) out.push_back({i, 4});
                        break;
                    }
                }
            }
        }
    }
    for (size_t i = 0; i < folded_.size(); ++i) {
        const int r = name_rank(folded_[i], q);
        if (r >= 0) out.push_back({i, r});
    }
    std::sort(out.begin(), out.end(), [&](const Match& x, const Match& y) {
        if (x.rank != y.rank) return x.rank > y.rank;
        const Atlas::Commune& cx = a.communes[x.commune];
        const Atlas::Commune& cy = a.communes[y.commune];
        if (cx.population != cy.population) return cx.population > cy.population;
        return x.commune < y.commune;
    });
    // A commune found by code and by name appears once, at its best rank.
    std::vector<Match> unique;
    std::vector<bool> seen(a.communes.size(), false);
    for (const Match& m : out) {
        if (seen[m.commune]) continue;
        seen[m.commune] = true;
        unique.push_back(m);
        if (unique.size() == limit) break;
    }
    out.swap(unique);
}

void Places::near(geo::LonLat p, double radius_m, std::vector<geo::PointIndex::Hit>& out) const {
    index_.within(p, radius_m, out);
    for (geo::PointIndex::Hit& h : out) h.index = placed_[h.index];
}

bool Places::nearest(geo::LonLat p, double max_m, geo::PointIndex::Hit& out) const {
    std::vector<geo::PointIndex::Hit> hits;
    index_.nearest(p, 1, hits);
    if (hits.empty() || hits[0].distance_m > max_m) return false;
    out = {placed_[hits[0].index], hits[0].distance_m};
    return true;
}

}  // namespace px
