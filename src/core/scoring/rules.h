// rules.h — what every axis rule sees (one service, its provider and product from the catalogs,
// the organisation's place) and gives back (a value 0–100 or unknown, with its reason).
// Internal to src/core/scoring; the public API is core/scoring.h.
#pragma once

#include <optional>  // std::optional
#include <string>    // std::string

#include "core/atlas.h"
#include "core/catalog.h"
#include "core/scoring.h"
#include "core/workspace.h"

namespace px::scoring {

struct ServiceContext {
    const Service& service;
    const Provider* provider = nullptr;  // null: in no loaded catalog
    const Product* product = nullptr;    // the provider's product of that name, if any
    const Atlas* atlas = nullptr;
    const Atlas::Commune* org_commune = nullptr;
    const Atlas::Commune* provider_commune = nullptr;  // from the provider's hq.insee
    std::optional<geo::LonLat> org_pos, provider_pos;
    Lang lang = Lang::Fr;
};

// A value as far as the facts go: known (low == high) or an interval. A rule never narrows an
// interval without a fact, so a fact removed can only widen it (scoring_test checks it).
struct AxisValue {
    bool known = false;
    double value = 0;  // 0–100, = low = high when known
    double low = 0, high = 100;
    Provenance provenance = Provenance::Unknown;
    std::string reason;  // why this value, or what is missing
    std::string source;  // URL of the main fact used
};

AxisValue proximity(const ServiceContext& c);
AxisValue sovereignty(const ServiceContext& c);
AxisValue openness(const ServiceContext& c);
AxisValue sobriety(const ServiceContext& c);
AxisValue accessibility(const ServiceContext& c);

// Helpers shared by the rules.
void set_known(AxisValue& v, double value);             // low = high = value
void set_bounds(AxisValue& v, double low, double high); // known when equal
// " (entre 30 et 100)": the interval of a value that is not known, for its reason.
std::string range_text(const AxisValue& v, Lang lang);
// A fact's value from the service (declared) or else from the provider's product (catalog).
std::optional<bool> fact(const std::optional<bool>& declared, const std::optional<bool>* catalog, Provenance& prov);
std::string provider_title(const ServiceContext& c);  // "Google LLC, Mountain View (États-Unis)"
std::string source_url(const Provider* p, const char* field);

}  // namespace px::scoring
