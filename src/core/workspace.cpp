// workspace.cpp — the workspace's tables (organisation kinds, axes) and its JSON reader and
// writer (workspace.h). Reading is all-or-nothing: the first bad field is the error, with its
// line:col and JSON Pointer, and nothing is returned.
#include "core/workspace.h"

#include <algorithm>  // std::sort
#include <cmath>  // std::isfinite

#include "core/atlas.h"      // px::Atlas::find_commune
#include "core/json_read.h"  // px::parse_json, px::JsonFields
#include "core/territory/summary.h"  // px::is_uid

namespace px {

namespace {
struct KindInfo {
    const char* code;
    Msg label;
};
constexpr KindInfo kKinds[] = {
    {"tpe", Msg::ORG_KIND_TPE},         {"association", Msg::ORG_KIND_ASSOCIATION},
    {"commune", Msg::ORG_KIND_COMMUNE}, {"epci", Msg::ORG_KIND_EPCI},
    {"departement", Msg::ORG_KIND_DEPARTEMENT}, {"other", Msg::ORG_KIND_OTHER},
};
static_assert(sizeof(kKinds) / sizeof(kKinds[0]) == static_cast<size_t>(OrgKind::COUNT), "table");

struct AxisInfo {
    const char* code;
    Msg label;
};
constexpr AxisInfo kAxes[] = {
    {"proximity", Msg::AXIS_PROXIMITY}, {"sovereignty", Msg::AXIS_SOVEREIGNTY}, {"openness", Msg::AXIS_OPENNESS},
    {"sobriety", Msg::AXIS_SOBRIETY},   {"accessibility", Msg::AXIS_ACCESSIBILITY},
};
static_assert(sizeof(kAxes) / sizeof(kAxes[0]) == kAxisCount, "table");
}  // namespace

const char* org_kind_code(OrgKind k) { return kKinds[static_cast<size_t>(k)].code; }
const char* org_kind_label(OrgKind k, Lang lang) {
    return tr(kKinds[static_cast<size_t>(k)].label, lang);
}
bool org_kind_from_code(std::string_view code, OrgKind& out) {
    for (size_t i = 0; i < static_cast<size_t>(OrgKind::COUNT); ++i) {
        if (code == kKinds[i].code) {
            out = static_cast<OrgKind>(i);
            return true;
        }
    }
    return false;
}
const char* axis_code(Axis a) { return kAxes[static_cast<size_t>(a)].code; }
const char* axis_label(Axis a, Lang lang) {
    return tr(kAxes[static_cast<size_t>(a)].label, lang);
}

namespace {
using Json = nlohmann::json;

bool read_service(JsonFields& f, const Json& v, const std::string& at, Service& s) {
    if (!f.object(v, at)) return false;
    std::string cat;
    if (!f.text(v, at, "category", cat, 40, true)) return false;
    if (!category_from_code(cat, s.category)) return f.fail(Err::FIELD_VALUE, at + "/category", "email, office, storage…");
    if (!f.text(v, at, "product", s.product, kCatalogMaxText, false) ||
        !f.text(v, at, "provider", s.provider, 100, false) ||
        !f.text(v, at, "provider_name", s.provider_name, kCatalogMaxText, false) ||
        !f.text(v, at, "hosting", s.hosting, 2, false)) {
        return false;
    }
    if (!s.hosting.empty() && !country_is_valid(s.hosting)) return f.fail(Err::FIELD_VALUE, at + "/hosting", "FR, DE, US…");
    if (!f.text(v, at, "job", s.job, 40, false)) return false;
    size_t job = 0;
    if (!s.job.empty() && !job_from_code(s.job, job)) return f.fail(Err::FIELD_VALUE, at + "/job", "mailbox, newsletter, online_shop… (docs/formats.md)");
    return f.boolean(v, at, "personal_data", s.personal_data) && f.boolean(v, at, "open_source", s.open_source) &&
           f.boolean(v, at, "open_formats", s.open_formats) && f.boolean(v, at, "export", s.export_data) &&
           f.boolean(v, at, "secnumcloud", s.secnumcloud) &&
           f.boolean(v, at, "assisted_channel", s.assisted_channel) &&
           f.boolean(v, at, "accessibility_statement", s.accessibility_statement) &&
           f.number(v, at, "users", s.users, 0, 1e9) && f.number(v, at, "yearly_cost_eur", s.yearly_cost_eur, 0, 1e12) &&
           f.number(v, at, "sobriety", s.sobriety, 0, 100);
}
}  // namespace

Result<Workspace> parse_workspace_json(std::string_view text, const std::string& file) {
    const Result<Json> parsed = parse_json(text, file);
    if (!parsed.ok()) return parsed.error();
    const Json& doc = parsed.value();
    JsonFields f(text, file);
    Workspace ws;
    double version = 0;
    if (!f.header(doc, "proxinum-workspace", version)) return f.error;
    if (version != 1 && version != kWorkspaceVersion) {
        f.fail(Err::WORKSPACE_VERSION, "/version", Json(version).dump());
        return f.error;
    }
    if (const auto o = doc.find("organisation"); o != doc.end() && !o->is_null()) {
        std::string kind;
        if (!f.object(*o, "/organisation") ||
            !f.text(*o, "/organisation", "name", ws.organisation.name, kCatalogMaxText, false) ||
            !f.text(*o, "/organisation", "kind", kind, 40, false) ||
            !f.text(*o, "/organisation", "insee", ws.organisation.insee, 5, false)) {
            return f.error;
        }
        if (!kind.empty() && !org_kind_from_code(kind, ws.organisation.kind)) {
            f.fail(Err::FIELD_VALUE, "/organisation/kind", "tpe, association, commune, epci, departement, other");
            return f.error;
        }
        if (!ws.organisation.insee.empty() && ws.organisation.insee.size() != 5) {
            f.fail(Err::FIELD_VALUE, "/organisation/insee", ws.organisation.insee);
            return f.error;
        }
    }
    if (const auto ss = doc.find("services"); ss != doc.end() && !ss->is_null()) {
        if (!f.array(*ss, "/services", kWorkspaceMaxServices)) return f.error;
        ws.services.resize(ss->size());
        for (size_t i = 0; i < ss->size(); ++i) {
            if (!read_service(f, (*ss)[i], "/services/" + std::to_string(i), ws.services[i])) return f.error;
        }
    }
    if (const auto w = doc.find("weights"); w != doc.end() && !w->is_null()) {
        if (!f.object(*w, "/weights")) return f.error;
        for (size_t a = 0; a < kAxisCount; ++a) {
            std::optional<double> v;
            if (!f.number(*w, "/weights", kAxes[a].code, v, 0, 1000)) return f.error;
            if (v) ws.weights[a] = *v;
        }
    }
    std::optional<double> km;
    if (!f.number(doc, "", "alternatives_km", km, 0, 20000)) return f.error;
    ws.alternatives_km = km.value_or(0);
    if (const auto cs = doc.find("catalogs"); cs != doc.end() && !cs->is_null()) {
        if (!f.array(*cs, "/catalogs", kWorkspaceMaxCatalogs)) return f.error;
        ws.catalogs.resize(cs->size());
        for (size_t i = 0; i < cs->size(); ++i) {
            if (!read_catalog((*cs)[i], "/catalogs/" + std::to_string(i), f, ws.catalogs[i])) return f.error;
        }
    }
    if (version >= 2) {
        if (!f.text(doc, "", "uid", ws.uid, 32, false)) return f.error;
        if (!ws.uid.empty() && !is_uid(ws.uid)) {
            f.fail(Err::FIELD_VALUE, "/uid", Msg::DETAIL_UID_HEX);
            return f.error;
        }
        const Grid& g = territory_grid();
        if (const auto as = doc.find("assessments"); as != doc.end() && !as->is_null()) {
            if (!f.array(*as, "/assessments", kWorkspaceMaxAssessments)) return f.error;
            for (size_t i = 0; i < as->size(); ++i) {
                Assessment a;
                const std::string at = "/assessments/" + std::to_string(i);
                if (!read_assessment(f, (*as)[i], at, g, a)) return f.error;
                for (const Assessment& other : ws.assessments) {
                    if (other.year == a.year) {
                        f.fail(Err::FIELD_VALUE, at + "/year", Msg::DETAIL_ONE_ASSESSMENT_A_YEAR);
                        return f.error;
                    }
                }
                ws.assessments.push_back(std::move(a));
            }
            std::sort(ws.assessments.begin(), ws.assessments.end(),
                      [](const Assessment& x, const Assessment& y) { return x.year < y.year; });
        }
        if (const auto fl = doc.find("fleet"); fl != doc.end() && !fl->is_null()) {
            if (!read_fleet(f, *fl, "/fleet", ws.fleet)) return f.error;
        }
    }
    return ws;
}

namespace {
void put(Json& o, const char* key, const std::optional<bool>& v) { o[key] = v ? Json(*v) : Json(nullptr); }
void put(Json& o, const char* key, const std::optional<double>& v) { o[key] = v ? Json(*v) : Json(nullptr); }
}  // namespace

std::string write_workspace_json(const Workspace& ws) {
    Json doc = {{"format", "proxinum-workspace"}, {"version", kWorkspaceVersion}};
    doc["organisation"] = {{"name", ws.organisation.name},
                           {"kind", org_kind_code(ws.organisation.kind)},
                           {"insee", ws.organisation.insee}};
    Json services = Json::array();
    for (const Service& s : ws.services) {
        Json o = {{"category", category_code(s.category)}, {"product", s.product}, {"provider", s.provider}};
        if (!s.provider_name.empty()) o["provider_name"] = s.provider_name;
        if (!s.job.empty()) o["job"] = s.job;
        o["hosting"] = s.hosting.empty() ? Json(nullptr) : Json(s.hosting);
        put(o, "personal_data", s.personal_data);
        put(o, "users", s.users);
        put(o, "yearly_cost_eur", s.yearly_cost_eur);
        put(o, "open_source", s.open_source);
        put(o, "open_formats", s.open_formats);
        put(o, "export", s.export_data);
        put(o, "secnumcloud", s.secnumcloud);
        put(o, "assisted_channel", s.assisted_channel);
        put(o, "accessibility_statement", s.accessibility_statement);
        put(o, "sobriety", s.sobriety);
        services.push_back(o);
    }
    doc["services"] = services;
    Json weights = Json::object();
    for (size_t a = 0; a < kAxisCount; ++a) weights[kAxes[a].code] = ws.weights[a];
    doc["weights"] = weights;
    doc["alternatives_km"] = ws.alternatives_km;
    Json catalogs = Json::array();
    for (const Catalog& c : ws.catalogs) catalogs.push_back(catalog_to_json(c));
    doc["catalogs"] = catalogs;
    doc["uid"] = ws.uid;
    Json assessments = Json::array();
    for (const Assessment& a : ws.assessments) assessments.push_back(assessment_to_json(a, territory_grid()));
    doc["assessments"] = assessments;
    doc["fleet"] = fleet_to_json(ws.fleet);
    return doc.dump(2, ' ', false, Json::error_handler_t::replace);
}

Error check_references(const Workspace& ws, const Catalogs& catalogs, const Atlas* atlas, std::string_view text,
                       const std::string& file) {
    JsonFields f(text, file);
    if (atlas && !ws.organisation.insee.empty() && !atlas->find_commune(ws.organisation.insee)) {
        f.fail(Err::COMMUNE_UNKNOWN, "/organisation/insee", ws.organisation.insee);
        return f.error;
    }
    for (size_t i = 0; i < ws.services.size(); ++i) {
        const std::string& id = ws.services[i].provider;
        if (!id.empty() && !find_provider(catalogs, ws.catalogs, id)) {
            f.fail(Err::CATALOG_UNKNOWN_PROVIDER, "/services/" + std::to_string(i) + "/provider", id);
            return f.error;
        }
    }
    return Error{};
}

}  // namespace px
