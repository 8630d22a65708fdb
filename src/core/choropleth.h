// choropleth.h — colouring the communes by a value (an observatory indicator, a user's column
// joined by INSEE code): values are cut into classes of equal counts (quantiles), each class
// gets a colour of a colour-blind-safe sequential palette, communes without a value stay grey.
//
//   px::Choropleth ch;
//   px::build_choropleth(atlas, values_by_insee, 5, ch);   // ch.rgba[commune], ch.breaks
//
// Quantile classes make every colour equally frequent (readable for skewed data such as
// populations); breaks are printed in the legend, so the classing is never hidden.
// Does NOT draw: MapRenderer::set_commune_colors takes ch.rgba.
#pragma once

#include <cstdint>  // uint32_t
#include <string>   // std::string
#include <unordered_map>  // std::unordered_map
#include <vector>   // std::vector

#include "core/atlas.h"  // px::Atlas

namespace px {

constexpr uint32_t kNoValueRgba = 0x80A0A0A0u;  // grey, half transparent

struct Choropleth {
    std::vector<uint32_t> rgba;   // one per atlas commune
    std::vector<double> breaks;   // classes+1 bounds, ascending: [min, …, max]
    std::vector<uint32_t> class_rgba;
    size_t with_value = 0;        // communes that got a value
    std::vector<std::string> unknown_codes;  // given codes that are not current communes
};

// values: INSEE code → finite number. classes in [2, 7]. Non-finite values are ignored.
void build_choropleth(const Atlas& atlas, const std::unordered_map<std::string, double>& values, int classes,
                      Choropleth& out);

}  // namespace px
