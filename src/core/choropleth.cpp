// choropleth.cpp — quantile classes and the palette of choropleth.h.
#include "core/choropleth.h"

#include <algorithm>  // std::sort, std::lower_bound
#include <cmath>      // std::isfinite

namespace px {

namespace {
// The 7-class "Blues" sequential scheme of ColorBrewer 2.0 (Cynthia Brewer, Mark Harrower;
// Apache-2.0), light to dark: readable by colour-blind people and in grey print.
// R,G,B,A bytes, little-endian.
// #eff3ff #c6dbef #9ecae1 #6baed6 #4292c6 #2171b5 #084594
constexpr uint32_t kRamp7[] = {0xFFFFF3EFu, 0xFFEFDBC6u, 0xFFE1CA9Eu, 0xFFD6AE6Bu,
                               0xFFC69242u, 0xFFB57121u, 0xFF944508u};
}  // namespace

void build_choropleth(const Atlas& atlas, const std::unordered_map<std::string, double>& values, int classes,
                      Choropleth& out) {
    classes = std::max(2, std::min(7, classes));
    out = Choropleth{};
    out.rgba.assign(atlas.communes.size(), kNoValueRgba);
    std::vector<std::pair<size_t, double>> known;
    for (const auto& [code, v] : values) {
        if (!std::isfinite(v)) continue;
        const Atlas::Commune* c = atlas.find_commune(code);
        if (c == nullptr) {
            out.unknown_codes.push_back(code);
            continue;
        }
        known.push_back({static_cast<size_t>(c - atlas.communes.data()), v});
    }
    std::sort(out.unknown_codes.begin(), out.unknown_codes.end());
    out.with_value = known.size();
    if (known.empty()) return;
    std::vector<double> sorted;
    for (const auto& k : known) sorted.push_back(k.second);
    std::sort(sorted.begin(), sorted.end());
    const auto n = sorted.size();
    out.breaks.push_back(sorted.front());
    for (int k = 1; k < classes; ++k) out.breaks.push_back(sorted[(n - 1) * static_cast<size_t>(k) / static_cast<size_t>(classes)]);
    out.breaks.push_back(sorted.back());
    // Spread the palette over the classes: 5 classes use steps 0, 1.5, 3, 4.5, 6 rounded.
    for (int k = 0; k < classes; ++k) out.class_rgba.push_back(kRamp7[static_cast<size_t>(k * 6 / (classes - 1))]);
    for (const auto& [idx, v] : known) {
        // Class k holds values in (breaks[k], breaks[k+1]]; the minimum goes in class 0.
        const auto it = std::lower_bound(out.breaks.begin() + 1, out.breaks.end() - 1, v);
        const auto k = static_cast<size_t>(it - (out.breaks.begin() + 1));
        out.rgba[idx] = out.class_rgba[std::min(k, out.class_rgba.size() - 1)];
    }
}

}  // namespace px
