// score.cpp — puts the five axis rules together (scoring.h): per-service values, contributions,
// axes, the weighted score and grade, the spend share, alternatives, and the JSON report.
// Index: [SECTION] Helpers · Context · Scoring · Alternatives · Report JSON · Map overlay
#include <algorithm>  // std::sort, std::min
#include <cmath>      // std::round
#include <cstdio>     // std::snprintf

#include "core/scoring/rules.h"

namespace px {

const char* provenance_label(Provenance p, Lang lang) {
    switch (p) {
        case Provenance::Declared: return tr(Msg::SCORE_DECLARE, lang);
        case Provenance::Catalog: return tr(Msg::SCORE_FICHE_FOURNISSEUR, lang);
        case Provenance::Default: return tr(Msg::SCORE_VALEUR_DEFAUT, lang);
        default: return tr(Msg::DIAG_INCONNU, lang);
    }
}

char grade_for(double score) {
    const double bands[] = {80, 70, 60, 50, 40, 30};
    for (int i = 0; i < 6; ++i) {
        if (score >= bands[i]) return static_cast<char>('A' + i);
    }
    return 'G';
}

uint32_t grade_rgb(char grade) {
    static const uint32_t kColours[] = {0x00853F, 0x33A847, 0x8DC23E, 0xFFCC00, 0xFBA11B, 0xEC6623, 0xE20613};
    return grade >= 'A' && grade <= 'G' ? kColours[grade - 'A'] : 0x969696;
}

namespace scoring {

// [SECTION] Helpers ------------------------------------------------------------------------------
std::optional<bool> fact(const std::optional<bool>& declared, const std::optional<bool>* catalog, Provenance& prov) {
    if (declared) {
        prov = Provenance::Declared;
        return declared;
    }
    if (catalog && *catalog) {
        prov = Provenance::Catalog;
        return *catalog;
    }
    prov = Provenance::Unknown;
    return std::nullopt;
}

std::string provider_title(const ServiceContext& c) {
    if (!c.provider) return tr(Msg::SCORE_PROVIDER_NOT_IN_CATALOG, c.lang);
    const Provider& p = *c.provider;
    std::string out = p.name;
    std::string place = p.hq.city;
    if (place.empty() && c.provider_commune) place = std::string(c.atlas->name(*c.provider_commune));
    const std::string& country = !p.hq.country.empty() ? p.hq.country : p.country;
    if (!place.empty()) out += ", " + place;
    if (!country.empty()) out += std::string(" (") + country_name(country, c.lang) + ")";
    return out;
}

std::string source_url(const Provider* p, const char* field) {
    if (!p) return {};
    const Source* s = p->source_for(field);
    return s ? s->url : std::string();
}

}  // namespace scoring

// [SECTION] Context ------------------------------------------------------------------------------
namespace {
using scoring::AxisValue;
using scoring::ServiceContext;

void place_provider(const Provider* p, const Atlas* atlas, const Atlas::Commune*& commune, std::optional<geo::LonLat>& pos) {
    commune = nullptr;
    pos.reset();
    if (!p) return;
    if (atlas && !p->hq.insee.empty()) commune = atlas->find_commune(p->hq.insee);
    if (commune && commune->placed()) pos = commune->pos;
    else if (p->hq.pos) pos = p->hq.pos;
}

Jurisdiction jurisdiction_of(const Provider* p) {
    if (!p) return Jurisdiction::Unknown;
    const std::string& c = !p->parent_country.empty() ? p->parent_country : p->country;
    if (c.empty()) return Jurisdiction::Unknown;
    if (c == "FR") return Jurisdiction::France;
    if (country_in_eea(c)) return Jurisdiction::EU;
    if (c == "US") return Jurisdiction::US;
    return Jurisdiction::Other;
}

using AxisValues = std::array<AxisValue, kAxisCount>;

AxisValues evaluate(const ServiceContext& c) {
    return {scoring::proximity(c), scoring::sovereignty(c), scoring::openness(c), scoring::sobriety(c),
            scoring::accessibility(c)};
}

// The weighted mean of a service's known axis values; `mask` limits the axes considered.
bool service_value(const AxisValues& v, const std::array<double, kAxisCount>& w, double& out, unsigned mask = 31) {
    double sum = 0, wsum = 0;
    for (size_t a = 0; a < kAxisCount; ++a) {
        if (!v[a].known || !((mask >> a) & 1u)) continue;
        sum += w[a] * v[a].value;
        wsum += w[a];
    }
    if (wsum <= 0) return false;
    out = sum / wsum;
    return true;
}

std::string service_title(const Service& s, const Provider* p, Lang lang) {
    std::string out = category_label(s.category, lang);
    out += tr(Msg::PUNCT_COLON, lang);
    if (!s.product.empty()) out += s.product;
    const std::string who = p ? p->name : s.provider_name;
    if (!who.empty()) out += s.product.empty() ? who : " (" + who + ")";
    if (s.product.empty() && who.empty()) out += tr(Msg::SCORE_NON_RENSEIGNE, lang);
    return out;
}
}  // namespace

Jurisdiction provider_jurisdiction(const Provider* p) { return jurisdiction_of(p); }

std::optional<geo::LonLat> provider_position(const Provider* p, const Atlas* atlas) {
    const Atlas::Commune* commune = nullptr;
    std::optional<geo::LonLat> pos;
    place_provider(p, atlas, commune, pos);
    return pos;
}

// [SECTION] Scoring ------------------------------------------------------------------------------
Report score_workspace(const Workspace& ws, const Catalogs& catalogs, const Atlas* atlas, Lang lang) {
    Report r;
    double wsum_all = 0;
    for (double w : ws.weights) wsum_all += w;
    for (size_t a = 0; a < kAxisCount; ++a) r.axes[a].weight = wsum_all > 0 ? 100.0 * ws.weights[a] / wsum_all : 0;

    const Atlas::Commune* org_commune = nullptr;
    std::optional<geo::LonLat> org_pos;
    if (atlas && !ws.organisation.insee.empty()) org_commune = atlas->find_commune(ws.organisation.insee);
    if (org_commune && org_commune->placed()) org_pos = org_commune->pos;
    r.organisation_placed = org_pos.has_value();
    if (org_pos) r.organisation_pos = *org_pos;

    const size_t n = ws.services.size();
    std::vector<AxisValues> values(n);
    std::vector<double> weight(n);
    std::vector<const Provider*> providers(n);
    for (size_t i = 0; i < n; ++i) {
        const Service& s = ws.services[i];
        const Provider* p = find_provider(catalogs, ws.catalogs, s.provider);
        providers[i] = p;
        ServiceContext c{s, p, p ? p->product(s.product) : nullptr, atlas, org_commune, nullptr, org_pos, std::nullopt, lang};
        place_provider(p, atlas, c.provider_commune, c.provider_pos);
        values[i] = evaluate(c);
        weight[i] = s.personal_data.value_or(false) ? 2.0 : 1.0;

        ServiceSummary sum;
        sum.title = service_title(s, p, lang);
        sum.value_known = service_value(values[i], ws.weights, sum.value);
        sum.jurisdiction = jurisdiction_of(p);
        if (c.provider_pos) {
            sum.placed = true;
            sum.pos = *c.provider_pos;
            if (org_pos) {
                sum.distance_known = true;
                sum.distance_km = geo::distance_m_unchecked(*org_pos, *c.provider_pos) / 1000.0;
            }
        }
        r.services.push_back(std::move(sum));
    }

    // Axes and contributions.
    size_t known_pairs = 0;
    for (size_t a = 0; a < kAxisCount; ++a) {
        double wk = 0;
        for (size_t i = 0; i < n; ++i) {
            if (values[i][a].known) wk += weight[i];
        }
        // Proximity: the spend share takes 30 % of the axis when yearly costs are known.
        double spend_known = 0, spend_local = 0;
        if (static_cast<Axis>(a) == Axis::Proximity) {
            for (size_t i = 0; i < n; ++i) {
                const Service& s = ws.services[i];
                if (!values[i][a].known || !s.yearly_cost_eur || *s.yearly_cost_eur <= 0) continue;
                spend_known += *s.yearly_cost_eur;
                if (values[i][a].value >= 70) spend_local += *s.yearly_cost_eur;
            }
        }
        const double service_share = spend_known > 0 ? 0.7 : 1.0;
        AxisResult& ax = r.axes[a];
        double weighted = 0;  // Σ w·s over the known services: the axis is computed from it
        for (size_t i = 0; i < n; ++i) {
            const AxisValue& v = values[i][a];
            Contribution c;
            c.axis = static_cast<Axis>(a);
            c.service = static_cast<int32_t>(i);
            c.known = v.known;
            c.value = v.value;
            c.provenance = v.provenance;
            c.source = v.source;
            c.reason = r.services[i].title + " — " + v.reason;
            if (v.known) {
                ++ax.services_known;
                ++known_pairs;
                c.points = -service_share * weight[i] * (100.0 - v.value) / wk;
                weighted += weight[i] * v.value;
                if (ws.services[i].personal_data.value_or(false)) {
                    c.reason += tr(Msg::SCORE_DONNEES_PERSONNELLES_POIDS_DOUBLE, lang);
                }
            }
            r.contributions.push_back(std::move(c));
        }
        ax.known = ax.services_known > 0;
        ax.score = ax.known ? service_share * weighted / wk : 0;  // = 100 + Σ points, without rounding drift
        if (spend_known > 0 && ax.known) {
            const double share = spend_local / spend_known;
            Contribution c;
            c.axis = Axis::Proximity;
            c.known = true;
            c.value = 100.0 * share;
            c.points = -0.3 * (100.0 - 100.0 * share);
            c.provenance = Provenance::Declared;
            c.reason = std::string(tr(Msg::SCORE_PART_DEPENSES_ANNUELLES_CHEZ_FOURNISSEURS, lang)) +
                       format_number(100.0 * share, 0, lang) + tr(Msg::PERCENT_SIGN, lang);
            ax.score += 0.3 * 100.0 * share;
            r.contributions.push_back(std::move(c));
        }
    }
    double sum = 0, wsum = 0;
    for (size_t a = 0; a < kAxisCount; ++a) {
        if (!r.axes[a].known) continue;
        sum += ws.weights[a] * r.axes[a].score;
        wsum += ws.weights[a];
    }
    r.score_known = wsum > 0;
    r.score = r.score_known ? sum / wsum : 0;
    r.grade = r.score_known ? grade_for(r.score) : '?';
    r.confidence = n > 0 ? static_cast<double>(known_pairs) / static_cast<double>(n * kAxisCount) : 0;

    // [SECTION] Alternatives ---------------------------------------------------------------------
    for (size_t i = 0; i < n; ++i) {
        const Service& s = ws.services[i];
        std::vector<Alternative> found;
        auto consider = [&](const Catalog& cat) {
            for (const Provider& p : cat.providers) {
                if (p.kind != "provider" || !p.offers(s.category) || p.id == s.provider) continue;
                Service cand;
                cand.category = s.category;
                cand.provider = p.id;
                cand.personal_data = s.personal_data;
                cand.users = s.users;
                cand.sobriety = s.sobriety;
                for (const Product& pr : p.products) {
                    if (pr.category == s.category) {
                        cand.product = pr.name;
                        break;
                    }
                }
                ServiceContext c{cand, &p, p.product(cand.product), atlas, org_commune, nullptr, org_pos, std::nullopt, lang};
                place_provider(&p, atlas, c.provider_commune, c.provider_pos);
                Alternative alt;
                alt.service = static_cast<int32_t>(i);
                alt.provider = p.id;
                alt.name = p.name;
                alt.catalog = cat.name;
                if (c.provider_pos) {
                    alt.placed = true;
                    alt.pos = *c.provider_pos;
                    if (org_pos) {
                        alt.distance_known = true;
                        alt.distance_km = geo::distance_m_unchecked(*org_pos, *c.provider_pos) / 1000.0;
                    }
                }
                if (ws.alternatives_km > 0 && (!alt.distance_known || alt.distance_km > ws.alternatives_km)) continue;
                const AxisValues cv = evaluate(c);
                service_value(cv, ws.weights, alt.value);
                unsigned both = 0;
                for (size_t a = 0; a < kAxisCount; ++a) {
                    if (cv[a].known && values[i][a].known) both |= 1u << a;
                }
                double now = 0, then = 0;
                if (both && service_value(values[i], ws.weights, now, both) && service_value(cv, ws.weights, then, both)) {
                    alt.gain_known = true;
                    alt.gain = then - now;
                }
                if (alt.gain_known && alt.gain <= 0) continue;  // not an improvement
                found.push_back(std::move(alt));
            }
        };
        for (const Catalog& cat : catalogs.list()) consider(cat);
        for (const Catalog& cat : ws.catalogs) consider(cat);
        // Ranked by gain in 5-point steps (unknown gains last), then by distance (unknown last).
        std::sort(found.begin(), found.end(), [](const Alternative& a, const Alternative& b) {
            const double ga = a.gain_known ? std::floor(a.gain / 5.0) : -1e9;
            const double gb = b.gain_known ? std::floor(b.gain / 5.0) : -1e9;
            if (ga != gb) return ga > gb;
            const double da = a.distance_known ? a.distance_km : 1e12;
            const double db = b.distance_known ? b.distance_km : 1e12;
            if (da != db) return da < db;
            return a.provider < b.provider;
        });
        if (found.size() > kAlternativesPerService) found.resize(kAlternativesPerService);
        for (Alternative& a : found) r.alternatives.push_back(std::move(a));
    }
    return r;
}

// [SECTION] Report JSON --------------------------------------------------------------------------
namespace {
using Json = nlohmann::ordered_json;  // keys in the documented order
Json rounded(double v) { return std::round(v * 10.0) / 10.0; }
const char* provenance_code(Provenance p) {
    switch (p) {
        case Provenance::Declared: return "declared";
        case Provenance::Catalog: return "catalog";
        case Provenance::Default: return "default";
        default: return "unknown";
    }
}
}  // namespace

std::string report_json(const Report& r, const Workspace& ws) {
    Json doc = Json::object();
    doc["method"] = kMethodVersion;
    Json axes = Json::object(), weights = Json::object();
    for (size_t a = 0; a < kAxisCount; ++a) {
        axes[axis_code(static_cast<Axis>(a))] = r.axes[a].known ? rounded(r.axes[a].score) : Json(nullptr);
        weights[axis_code(static_cast<Axis>(a))] = rounded(r.axes[a].weight);
    }
    doc["axes"] = axes;
    doc["weights"] = weights;
    doc["score"] = r.score_known ? rounded(r.score) : Json(nullptr);
    doc["grade"] = r.score_known ? Json(std::string(1, r.grade)) : Json(nullptr);
    doc["confidence"] = std::round(r.confidence * 100.0) / 100.0;
    doc["organisation"] = {{"name", ws.organisation.name},
                           {"insee", ws.organisation.insee},
                           {"placed", r.organisation_placed}};
    Json services = Json::array();
    for (const ServiceSummary& s : r.services) {
        services.push_back({{"title", s.title},
                            {"value", s.value_known ? rounded(s.value) : Json(nullptr)},
                            {"jurisdiction", jurisdiction_code(s.jurisdiction)},
                            {"distance_km", s.distance_known ? rounded(s.distance_km) : Json(nullptr)}});
    }
    doc["services"] = services;
    Json contributions = Json::array();
    for (const Contribution& c : r.contributions) {
        Json o = {{"axis", axis_code(c.axis)},
                  {"service", c.service >= 0 ? Json(c.service) : Json(nullptr)},
                  {"known", c.known},
                  {"value", c.known ? rounded(c.value) : Json(nullptr)},
                  {"points", c.known ? rounded(c.points) : Json(nullptr)},
                  {"provenance", provenance_code(c.provenance)},
                  {"reason", c.reason}};
        if (!c.source.empty()) o["source"] = c.source;
        contributions.push_back(o);
    }
    doc["contributions"] = contributions;
    Json alternatives = Json::array();
    for (const Alternative& a : r.alternatives) {
        alternatives.push_back({{"service", a.service},
                                {"provider", a.provider},
                                {"name", a.name},
                                {"catalog", a.catalog},
                                {"distance_km", a.distance_known ? rounded(a.distance_km) : Json(nullptr)},
                                {"gain", a.gain_known ? rounded(a.gain) : Json(nullptr)},
                                {"value", rounded(a.value)}});
    }
    doc["alternatives"] = alternatives;
    return doc.dump(2, ' ', false, Json::error_handler_t::replace);
}

// [SECTION] Map overlay --------------------------------------------------------------------------
MapOverlay report_overlay(const Report& r) {
    MapOverlay o;
    if (!r.organisation_placed) return o;
    for (const ServiceSummary& s : r.services) {
        if (!s.placed) continue;
        MapFlow f;
        f.from = r.organisation_pos;
        f.to = s.pos;
        f.jurisdiction = s.jurisdiction;
        f.label = s.title;
        o.flows.push_back(std::move(f));
    }
    for (const Alternative& a : r.alternatives) {
        if (!a.placed) continue;
        o.markers.push_back({a.pos, a.name});
    }
    return o;
}

void add_catalog_markers(const Workspace& ws, const Atlas* atlas, MapOverlay& overlay) {
    for (const Catalog& c : ws.catalogs) {
        for (const Provider& p : c.providers) {
            const std::optional<geo::LonLat> pos = provider_position(&p, atlas);
            if (!pos) continue;
            const bool shown = std::any_of(overlay.markers.begin(), overlay.markers.end(), [&](const MapMarker& m) {
                return m.label == p.name && m.pos.lon_deg == pos->lon_deg && m.pos.lat_deg == pos->lat_deg;
            });
            if (!shown && overlay.markers.size() < kOverlayMaxMarkers) overlay.markers.push_back({*pos, p.name});
        }
    }
}

}  // namespace px
