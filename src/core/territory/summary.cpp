// summary.cpp — anonymous summaries, their strict reader, and the observatory's aggregation with
// small-count masking (summary.h).
#include "core/territory/summary.h"

#include <algorithm>  // std::min_element, std::sort
#include <cmath>      // std::fabs, std::isfinite, std::round
#include <cstdio>     // std::snprintf

#include "core/csv.h"                   // px::csv_cell, px::csv_number
#include "core/json_read.h"             // px::parse_json, px::JsonFields
#include "core/scoring.h"               // px::Report
#include "core/territory/assessment.h"  // px::score_assessment
#include "core/territory/footprint.h"   // px::compute_footprint
#include "core/territory/grid.h"        // px::territory_grid

namespace px {

using Json = nlohmann::json;

bool is_uid(std::string_view s) {
    if (s.size() != 32) return false;
    for (const char c : s) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

Summary make_summary(const Workspace& ws, const Report* report, const std::string& uid, int year) {
    const Grid& g = territory_grid();
    Summary s;
    s.uid = uid;
    s.year = year;
    s.insee = ws.organisation.insee;
    s.kind = ws.organisation.kind;
    if (report && !ws.services.empty()) {
        s.has_diagnostic = true;
        s.diagnostic_score_known = report->score_known;
        s.diagnostic_score = std::round(report->score * 10) / 10;
        s.services = static_cast<uint32_t>(report->services.size());
        for (const ServiceSummary& sv : report->services) ++s.jurisdictions[static_cast<size_t>(sv.jurisdiction)];
    }
    const Assessment* latest = nullptr;
    for (const Assessment& a : ws.assessments) {
        if (a.year <= year && (!latest || a.year > latest->year)) latest = &a;
    }
    if (latest) {
        s.has_territory = true;
        s.levels = latest->levels;
        s.levels.resize(g.subs.size(), -1);
        const TerritoryScore ts = score_assessment(g, *latest);
        s.territory_known = ts.overall.known;
        s.territory_overall = ts.overall.score;
    }
    if (!ws.fleet.items.empty()) {
        const FootprintResult fr = compute_footprint(ws.fleet);
        s.has_footprint = true;
        s.devices = fr.devices;
        s.footprint_kg = std::round(fr.total_kg * 100) / 100;
    }
    return s;
}

std::string write_summary_json(const Summary& s) {
    Json doc = {{"format", "proxinum-summary"}, {"version", 1},      {"uid", s.uid},
                {"year", s.year},               {"insee", s.insee}, {"kind", org_kind_code(s.kind)}};
    if (s.has_diagnostic) {
        Json j = Json::object();
        for (size_t i = 0; i < kJurisdictionCount; ++i) j[jurisdiction_code(static_cast<Jurisdiction>(i))] = s.jurisdictions[i];
        doc["diagnostic"] = {{"score", s.diagnostic_score_known ? Json(s.diagnostic_score) : Json(nullptr)},
                             {"services", s.services},
                             {"jurisdictions", j}};
    } else {
        doc["diagnostic"] = nullptr;
    }
    if (s.has_territory) {
        Json levels = Json::array();
        for (const int8_t l : s.levels) levels.push_back(l < 0 ? Json(nullptr) : Json(l));
        doc["territory"] = {{"levels", levels},
                            {"overall", s.territory_known ? Json(std::round(s.territory_overall * 100) / 100) : Json(nullptr)}};
    } else {
        doc["territory"] = nullptr;
    }
    doc["footprint"] = s.has_footprint ? Json{{"devices", s.devices}, {"kg_per_year", s.footprint_kg}} : Json(nullptr);
    return doc.dump();
}

namespace {
// Refuses any member of `v` not in `allowed`.
bool only(JsonFields& f, const Json& v, const std::string& at, std::initializer_list<const char*> allowed) {
    for (auto it = v.begin(); it != v.end(); ++it) {
        bool ok = false;
        for (const char* a : allowed) ok = ok || it.key() == a;
        if (!ok) return f.fail(Err::SUMMARY_FIELD, at + "/" + it.key(), it.key());
    }
    return true;
}

bool whole(JsonFields& f, const Json& obj, const std::string& at, const char* key, double max, double& out) {
    std::optional<double> v;
    if (!f.number(obj, at, key, v, 0, max)) return false;
    if (!v) return f.fail(Err::FIELD_MISSING, at + "/" + key);
    if (*v != std::floor(*v)) return f.fail(Err::FIELD_VALUE, at + "/" + key, "nombre entier / whole number");
    out = *v;
    return true;
}
}  // namespace

Result<Summary> parse_summary_json(std::string_view text, const std::string& file) {
    if (text.size() > kSummaryMaxBytes) {
        return make_error(Err::FILE_TOO_BIG, {file}, "", std::to_string(kSummaryMaxBytes));
    }
    const Result<Json> parsed = parse_json(text, file);
    if (!parsed.ok()) return parsed.error();
    const Json& doc = parsed.value();
    JsonFields f(text, file);
    const Grid& g = territory_grid();
    Summary s;
    std::string format, kind;
    if (!f.object(doc, "") ||
        !only(f, doc, "", {"format", "version", "uid", "year", "insee", "kind", "diagnostic", "territory", "footprint"}) ||
        !f.text(doc, "", "format", format, 40, true)) {
        return f.error;
    }
    if (format != "proxinum-summary") {
        f.fail(Err::FIELD_VALUE, "/format", "proxinum-summary");
        return f.error;
    }
    double version = 0, year = 0;
    if (!whole(f, doc, "", "version", 1e6, version)) return f.error;
    if (version != 1) {
        f.fail(Err::SUMMARY_VERSION, "/version", std::to_string(static_cast<long long>(version)));
        return f.error;
    }
    if (!f.text(doc, "", "uid", s.uid, 32, true) || !whole(f, doc, "", "year", kYearMax, year) ||
        !f.text(doc, "", "insee", s.insee, 5, true) || !f.text(doc, "", "kind", kind, 20, true)) {
        return f.error;
    }
    if (!is_uid(s.uid)) {
        f.fail(Err::FIELD_VALUE, "/uid", "32 chiffres hexadécimaux / 32 hex digits");
        return f.error;
    }
    if (year < kYearMin) {
        f.fail(Err::FIELD_VALUE, "/year", "2000–2100");
        return f.error;
    }
    s.year = static_cast<int>(year);
    if (s.insee.size() != 5) {
        f.fail(Err::FIELD_VALUE, "/insee", "code INSEE / INSEE code: 79191");
        return f.error;
    }
    if (!org_kind_from_code(kind, s.kind)) {
        f.fail(Err::FIELD_VALUE, "/kind", "tpe, association, commune, epci, departement, other");
        return f.error;
    }
    if (const auto d = doc.find("diagnostic"); d != doc.end() && !d->is_null()) {
        const std::string at = "/diagnostic";
        std::optional<double> score;
        double services = 0;
        if (!f.object(*d, at) || !only(f, *d, at, {"score", "services", "jurisdictions"}) ||
            !f.number(*d, at, "score", score, 0, 100) ||
            !whole(f, *d, at, "services", static_cast<double>(kWorkspaceMaxServices), services)) {
            return f.error;
        }
        s.has_diagnostic = true;
        s.diagnostic_score_known = score.has_value();
        s.diagnostic_score = score.value_or(0);
        s.services = static_cast<uint32_t>(services);
        const auto j = d->find("jurisdictions");
        if (j == d->end()) {
            f.fail(Err::FIELD_MISSING, at + "/jurisdictions");
            return f.error;
        }
        if (!f.object(*j, at + "/jurisdictions") ||
            !only(f, *j, at + "/jurisdictions", {"fr", "eu", "us", "other", "unknown"})) {
            return f.error;
        }
        double sum = 0;
        for (size_t i = 0; i < kJurisdictionCount; ++i) {
            double n = 0;
            if (!whole(f, *j, at + "/jurisdictions", jurisdiction_code(static_cast<Jurisdiction>(i)),
                       static_cast<double>(kWorkspaceMaxServices), n)) {
                return f.error;
            }
            s.jurisdictions[i] = static_cast<uint32_t>(n);
            sum += n;
        }
        if (sum != services) {
            f.fail(Err::SUMMARY_TOTALS, at + "/services",
                   std::to_string(static_cast<long long>(sum)) + " ≠ " + std::to_string(static_cast<long long>(services)));
            return f.error;
        }
        if (services == 0 && score) {
            f.fail(Err::SUMMARY_TOTALS, at + "/score", "services = 0");
            return f.error;
        }
    }
    if (const auto t = doc.find("territory"); t != doc.end() && !t->is_null()) {
        const std::string at = "/territory";
        if (!f.object(*t, at) || !only(f, *t, at, {"levels", "overall"})) return f.error;
        const auto ls = t->find("levels");
        if (ls == t->end()) {
            f.fail(Err::FIELD_MISSING, at + "/levels");
            return f.error;
        }
        if (!f.array(*ls, at + "/levels", g.subs.size())) return f.error;
        if (ls->size() != g.subs.size()) {
            f.fail(Err::FIELD_VALUE, at + "/levels", std::to_string(g.subs.size()) + " niveaux / levels");
            return f.error;
        }
        Assessment a;
        a.reset(g);
        for (size_t i = 0; i < ls->size(); ++i) {
            const Json& lv = (*ls)[i];
            if (lv.is_null()) continue;
            if (!lv.is_number_integer() && !lv.is_number_unsigned()) {
                f.fail(Err::FIELD_TYPE, at + "/levels/" + std::to_string(i), "0–4 / null");
                return f.error;
            }
            const auto n = lv.get<int64_t>();
            if (n < 0 || n > 4) {
                f.fail(Err::FIELD_VALUE, at + "/levels/" + std::to_string(i), "0–4");
                return f.error;
            }
            a.levels[i] = static_cast<int8_t>(n);
        }
        std::optional<double> overall;
        if (!f.number(*t, at, "overall", overall, 0, 100)) return f.error;
        const TerritoryScore ts = score_assessment(g, a);
        if (ts.overall.known != overall.has_value() ||
            (overall && std::fabs(*overall - ts.overall.score) > 0.051)) {
            f.fail(Err::SUMMARY_TOTALS, at + "/overall",
                   (overall ? Json(*overall).dump() : "null") + " ≠ " +
                       (ts.overall.known ? Json(std::round(ts.overall.score * 100) / 100).dump() : "null"));
            return f.error;
        }
        s.has_territory = true;
        s.levels = std::move(a.levels);
        s.territory_known = ts.overall.known;
        s.territory_overall = ts.overall.score;
    }
    if (const auto p = doc.find("footprint"); p != doc.end() && !p->is_null()) {
        const std::string at = "/footprint";
        std::optional<double> devices, kg;
        if (!f.object(*p, at) || !only(f, *p, at, {"devices", "kg_per_year"}) ||
            !f.number(*p, at, "devices", devices, 0, kFleetMaxCount * static_cast<double>(kFleetMaxItems)) ||
            !f.number(*p, at, "kg_per_year", kg, 0, 1e10)) {
            return f.error;
        }
        if (!devices || !kg) {
            f.fail(Err::FIELD_MISSING, at + (devices ? "/kg_per_year" : "/devices"));
            return f.error;
        }
        if (*devices == 0 && *kg > 0) {
            f.fail(Err::SUMMARY_TOTALS, at + "/kg_per_year", "devices = 0");
            return f.error;
        }
        s.has_footprint = true;
        s.devices = *devices;
        s.footprint_kg = *kg;
    }
    return s;
}

const char* area_level_code(AreaLevel l) {
    switch (l) {
        case AreaLevel::All: return "all";
        case AreaLevel::Departement: return "departement";
        case AreaLevel::Epci: return "epci";
        case AreaLevel::Commune: return "commune";
    }
    return "all";
}

Error Aggregator::add(std::string_view text, const std::string& file) {
    if (rows_.size() >= kAggregateMaxFiles) {
        return make_error(Err::TOO_MANY, {file}, "", std::to_string(kAggregateMaxFiles));
    }
    Result<Summary> r = parse_summary_json(text, file);
    Summary s;
    if (r.get(s) != Err::OK) return r.error();
    const Atlas::Commune* c = atlas_.find_commune(s.insee);
    if (!c) {
        JsonFields f(text, file);
        f.fail(Err::COMMUNE_UNKNOWN, "/insee", s.insee);
        return f.error;
    }
    const auto [it, fresh] = uid_files_.emplace(s.uid, file);
    if (!fresh) {
        JsonFields f(text, file);
        f.fail(Err::SUMMARY_DUPLICATE, "/uid", it->second);
        return f.error;
    }
    rows_.push_back(Row{static_cast<uint32_t>(c - atlas_.communes.data()), std::move(s)});
    return Error{};
}

namespace {
void accumulate(AreaStats& a, const Summary& s) {
    ++a.count;
    if (s.has_diagnostic) {
        if (s.diagnostic_score_known) {
            ++a.diagnostic_count;
            a.diagnostic_sum += s.diagnostic_score;
        }
        a.services += s.services;
        for (size_t i = 0; i < kJurisdictionCount; ++i) a.jurisdictions[i] += s.jurisdictions[i];
    }
    if (s.has_territory) {
        if (s.territory_known) {
            ++a.territory_count;
            a.territory_sum += s.territory_overall;
        }
        for (const int8_t l : s.levels) {
            if (l >= 0) a.levels[static_cast<size_t>(l)] += 1;
        }
    }
    if (s.has_footprint) {
        ++a.footprint_count;
        a.footprint_kg += s.footprint_kg;
        a.devices += s.devices;
    }
}

struct Node {
    AreaStats stats;
    bool shown = false, secondary = false;
};
}  // namespace

Aggregate Aggregator::finish(int threshold) const {
    Aggregate out;
    out.threshold = threshold;
    out.contributions = static_cast<uint32_t>(rows_.size());
    const auto k = static_cast<uint32_t>(threshold);
    Node all;
    std::vector<Node> epcis(atlas_.epcis.size());
    std::unordered_map<uint32_t, Node> communes;
    for (const Row& r : rows_) {
        accumulate(all.stats, r.s);
        accumulate(communes[r.commune].stats, r.s);
        const int32_t e = atlas_.communes[r.commune].epci;
        if (e >= 0) accumulate(epcis[static_cast<size_t>(e)].stats, r.s);
    }
    all.shown = all.stats.count >= k;
    for (Node& e : epcis) e.shown = e.stats.count >= k;
    // Communes in a deterministic order (by atlas index), grouped by EPCI (-1: none).
    std::vector<uint32_t> order;
    order.reserve(communes.size());
    for (auto& [idx, node] : communes) {
        node.shown = node.stats.count >= k;
        order.push_back(idx);
    }
    std::sort(order.begin(), order.end());
    std::unordered_map<int32_t, std::vector<uint32_t>> by_epci;
    for (const uint32_t c : order) by_epci[atlas_.communes[c].epci].push_back(c);
    // 1. Inside each EPCI: the contributions not covered by its shown communes are 0 or ≥ k.
    for (auto& [e, members] : by_epci) {
        if (e < 0) continue;
        const uint32_t total = epcis[static_cast<size_t>(e)].stats.count;
        for (;;) {
            uint32_t covered = 0;
            Node* smallest = nullptr;
            for (const uint32_t c : members) {
                Node& n = communes[c];
                if (!n.shown) continue;
                covered += n.stats.count;
                if (!smallest || n.stats.count < smallest->stats.count) smallest = &n;
            }
            const uint32_t residual = total - covered;
            if (residual == 0 || residual >= k || !smallest) break;
            smallest->shown = false;
            smallest->secondary = true;
        }
    }
    // 2. For the whole: the maximal shown areas (shown EPCI, shown communes of masked EPCI or of
    //    none) must leave 0 or ≥ k contributions uncovered; mask the smallest, with all below it.
    for (;;) {
        uint32_t covered = 0;
        uint32_t smallest_count = 0;
        int32_t smallest_epci = -2;  // -2 none, -1 a commune, ≥ 0 an EPCI
        uint32_t smallest_commune = 0;
        for (auto& [e, members] : by_epci) {
            if (e >= 0 && epcis[static_cast<size_t>(e)].shown) {
                const uint32_t n = epcis[static_cast<size_t>(e)].stats.count;
                covered += n;
                if (smallest_epci == -2 || n < smallest_count) {
                    smallest_count = n;
                    smallest_epci = e;
                }
                continue;
            }
            for (const uint32_t c : members) {
                const Node& n = communes[c];
                if (!n.shown) continue;
                covered += n.stats.count;
                if (smallest_epci == -2 || n.stats.count < smallest_count) {
                    smallest_count = n.stats.count;
                    smallest_epci = -1;
                    smallest_commune = c;
                }
            }
        }
        const uint32_t residual = all.stats.count - covered;
        if (residual == 0 || residual >= k || smallest_epci == -2) break;
        if (smallest_epci >= 0) {
            epcis[static_cast<size_t>(smallest_epci)].shown = false;
            epcis[static_cast<size_t>(smallest_epci)].secondary = true;
            for (const uint32_t c : by_epci[smallest_epci]) {
                Node& n = communes[c];
                if (n.shown) n.secondary = true;
                n.shown = false;
            }
        } else {
            communes[smallest_commune].shown = false;
            communes[smallest_commune].secondary = true;
        }
    }
    // 3. The shown areas, with positions that reveal nothing: an EPCI's is the mean of ALL its
    //    member communes' positions, not of the contributing ones.
    if (all.shown) {
        Area a;
        a.level = AreaLevel::All;
        a.stats = all.stats;
        out.areas.push_back(a);
    } else if (all.stats.count > 0) {
        ++out.masked_areas[static_cast<size_t>(AreaLevel::All)];
    }
    std::vector<int32_t> epci_area(epcis.size(), -1);
    std::vector<double> epci_lon(epcis.size(), 0), epci_lat(epcis.size(), 0);
    std::vector<uint32_t> epci_placed(epcis.size(), 0);
    for (const Atlas::Commune& c : atlas_.communes) {
        if (c.epci >= 0 && c.placed() && epcis[static_cast<size_t>(c.epci)].shown) {
            epci_lon[static_cast<size_t>(c.epci)] += c.pos.lon_deg;
            epci_lat[static_cast<size_t>(c.epci)] += c.pos.lat_deg;
            ++epci_placed[static_cast<size_t>(c.epci)];
        }
    }
    for (size_t e = 0; e < epcis.size(); ++e) {
        if (epcis[e].stats.count == 0) continue;
        if (!epcis[e].shown) {
            ++out.masked_areas[static_cast<size_t>(AreaLevel::Epci)];
            out.masked_secondary += epcis[e].secondary;
            continue;
        }
        Area a;
        a.level = AreaLevel::Epci;
        a.code = atlas_.epcis[e].siren;
        a.name = atlas_.epcis[e].name;
        if (epci_placed[e] > 0) {
            a.placed = true;
            a.pos = {epci_lon[e] / epci_placed[e], epci_lat[e] / epci_placed[e]};
        }
        a.stats = epcis[e].stats;
        epci_area[e] = static_cast<int32_t>(out.areas.size());
        out.areas.push_back(a);
    }
    out.commune_area.assign(atlas_.communes.size(), -1);
    for (const uint32_t c : order) {
        const Node& n = communes.at(c);
        const Atlas::Commune& ac = atlas_.communes[c];
        if (!n.shown) {
            ++out.masked_areas[static_cast<size_t>(AreaLevel::Commune)];
            out.masked_secondary += n.secondary;
            if (ac.epci >= 0) out.commune_area[c] = epci_area[static_cast<size_t>(ac.epci)];
            continue;
        }
        Area a;
        a.level = AreaLevel::Commune;
        a.code = ac.code;
        a.name = std::string(atlas_.name(ac));
        a.placed = ac.placed();
        a.pos = ac.pos;
        a.stats = n.stats;
        out.commune_area[c] = static_cast<int32_t>(out.areas.size());
        out.areas.push_back(a);
    }
    return out;
}

namespace {
double round_to(double v, double unit) { return std::round(v / unit) * unit; }

Json stats_json(const AreaStats& s) {
    Json o = {{"count", s.count}};
    Json shares = Json::object();
    for (size_t i = 0; i < kJurisdictionCount; ++i) {
        shares[jurisdiction_code(static_cast<Jurisdiction>(i))] =
            s.services > 0 ? Json(round_to(s.jurisdictions[i] / s.services, 0.001)) : Json(nullptr);
    }
    o["diagnostic"] = {{"count", s.diagnostic_count},
                       {"mean_score", s.diagnostic_count ? Json(round_to(s.diagnostic_sum / s.diagnostic_count, 0.1)) : Json(nullptr)},
                       {"services", s.services},
                       {"jurisdiction_shares", shares}};
    double answered = 0;
    for (const double n : s.levels) answered += n;
    Json dist = Json::array();
    for (const double n : s.levels) dist.push_back(answered > 0 ? Json(round_to(n / answered, 0.001)) : Json(nullptr));
    o["territory"] = {{"count", s.territory_count},
                      {"mean_overall", s.territory_count ? Json(round_to(s.territory_sum / s.territory_count, 0.1)) : Json(nullptr)},
                      {"answers", answered},
                      {"level_shares", dist}};
    o["footprint"] = {{"count", s.footprint_count},
                      {"kg_per_year", round_to(s.footprint_kg, 0.01)},
                      {"devices", s.devices}};
    return o;
}
}  // namespace

std::string aggregate_json(const Aggregate& a, const std::vector<std::pair<std::string, Error>>& refused, Lang lang) {
    Json areas = Json::array();
    for (const Area& ar : a.areas) {
        Json o = {{"level", area_level_code(ar.level)}, {"code", ar.code}, {"name", ar.name}};
        o["position"] = ar.placed ? Json::array({Json(round_to(ar.pos.lon_deg, 1e-4)), Json(round_to(ar.pos.lat_deg, 1e-4))}) : Json(nullptr);
        o.update(stats_json(ar.stats));
        areas.push_back(o);
    }
    Json bad = Json::array();
    for (const auto& [file, e] : refused) bad.push_back({{"file", file}, {"error", format_error(e, lang)}});
    return Json{{"format", "proxinum-aggregate"},
                {"version", 1},
                {"threshold", a.threshold},
                {"contributions", a.contributions},
                {"refused", bad},
                {"masked", {{"all", a.masked_areas[0]}, {"epci", a.masked_areas[2]}, {"communes", a.masked_areas[3]},
                            {"secondary", a.masked_secondary}}},
                {"areas", areas}}
        .dump(2, ' ', false, Json::error_handler_t::replace);
}

std::string aggregate_csv(const Aggregate& a) {
    std::string out = "\xEF\xBB\xBF";  // UTF-8 BOM: spreadsheets then read the accents right
    out += "niveau;code;nom;contributions;diagnostics;score_moyen;part_services_fr;part_services_ue;"
           "part_services_us;part_services_autre;part_services_inconnue;autoevaluations;maturite_moyenne;"
           "niveau_0;niveau_1;niveau_2;niveau_3;niveau_4;empreintes;kgco2e_an;equipements\r\n";
    for (const Area& ar : a.areas) {
        const AreaStats& s = ar.stats;
        out += csv_cell(area_level_code(ar.level)) + ";" + csv_cell(ar.code) + ";" + csv_cell(ar.name) + ";" +
               std::to_string(s.count) + ";" + std::to_string(s.diagnostic_count) + ";" +
               (s.diagnostic_count ? csv_number(s.diagnostic_sum / s.diagnostic_count, 1) : "");
        for (size_t i = 0; i < kJurisdictionCount; ++i) {
            out += ";" + (s.services > 0 ? csv_number(s.jurisdictions[i] / s.services, 3) : "");
        }
        out += ";" + std::to_string(s.territory_count) + ";" +
               (s.territory_count ? csv_number(s.territory_sum / s.territory_count, 1) : "");
        double answered = 0;
        for (const double n : s.levels) answered += n;
        for (const double n : s.levels) out += ";" + (answered > 0 ? csv_number(n / answered, 3) : "");
        out += ";" + std::to_string(s.footprint_count) + ";" + csv_number(s.footprint_kg, 2) + ";" +
               csv_number(s.devices, 0) + "\r\n";
    }
    return out;
}

std::string aggregate_geojson(const Aggregate& a) {
    Json features = Json::array();
    for (const Area& ar : a.areas) {
        if (ar.level == AreaLevel::All || !ar.placed) continue;
        Json props = {{"level", area_level_code(ar.level)}, {"code", ar.code}, {"name", ar.name}};
        const AreaStats& s = ar.stats;
        props["contributions"] = s.count;
        props["score_moyen"] = s.diagnostic_count ? Json(round_to(s.diagnostic_sum / s.diagnostic_count, 0.1)) : Json(nullptr);
        for (size_t i = 0; i < kJurisdictionCount; ++i) {
            props[std::string("part_") + jurisdiction_code(static_cast<Jurisdiction>(i))] =
                s.services > 0 ? Json(round_to(s.jurisdictions[i] / s.services, 0.001)) : Json(nullptr);
        }
        props["maturite_moyenne"] = s.territory_count ? Json(round_to(s.territory_sum / s.territory_count, 0.1)) : Json(nullptr);
        props["kgco2e_an"] = round_to(s.footprint_kg, 0.01);
        features.push_back({{"type", "Feature"},
                            {"geometry", {{"type", "Point"},
                                          {"coordinates", Json::array({Json(round_to(ar.pos.lon_deg, 1e-5)), Json(round_to(ar.pos.lat_deg, 1e-5))})}}},
                            {"properties", props}});
    }
    return Json{{"type", "FeatureCollection"}, {"features", features}}.dump(1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace px
