// catalog.cpp — provider catalogs: the tables (categories, laws, labels, countries), the JSON
// reader and writer, and the merged set (catalog.h).
// Index: [SECTION] Tables · Countries · Reading JSON · Writing JSON · Catalogs
#include "core/catalog.h"

#include <algorithm>  // std::find_if
#include <cstring>    // std::strcmp

#include "core/json_read.h"  // px::parse_json, px::JsonFields
#include "core/text.h"       // px::fold_for_search

namespace px {

// [SECTION] Tables -------------------------------------------------------------------------------
namespace {
struct CategoryInfo {
    const char* code;
    Msg label;
};
constexpr CategoryInfo kCategories[] = {
#define PX_CAT_INFO(id, code, msg) {code, Msg::msg},
    PX_CATEGORY_TABLE(PX_CAT_INFO)
#undef PX_CAT_INFO
};
static_assert(sizeof(kCategories) / sizeof(kCategories[0]) == static_cast<size_t>(Category::COUNT), "table");

struct LawInfo {
    const char* code;
    Msg label;
};
constexpr LawInfo kLaws[] = {
#define PX_LAW_INFO(id, code, msg) {code, Msg::msg},
    PX_LAW_TABLE(PX_LAW_INFO)
#undef PX_LAW_INFO
};
static_assert(sizeof(kLaws) / sizeof(kLaws[0]) == static_cast<size_t>(Law::COUNT), "table");

struct LabelInfo {
    ProviderLabel label;
    const char* code;
    Msg name;
};
constexpr LabelInfo kLabels[] = {
    {kLabelChatons, "chatons", Msg::LABEL_CHATONS},
    {kLabelEss, "ess", Msg::LABEL_ESS},
    {kLabelOpenSourcePublisher, "open_source_publisher", Msg::LABEL_OPEN_SOURCE_PUBLISHER},
    {kLabelNumeriqueResponsable, "numerique_responsable", Msg::LABEL_NUMERIQUE_RESPONSABLE},
};
}  // namespace

const char* category_code(Category c) { return kCategories[static_cast<size_t>(c)].code; }
const char* category_label(Category c, Lang lang) {
    return tr(kCategories[static_cast<size_t>(c)].label, lang);
}
bool category_from_code(std::string_view code, Category& out) {
    for (size_t i = 0; i < static_cast<size_t>(Category::COUNT); ++i) {
        if (code == kCategories[i].code) {
            out = static_cast<Category>(i);
            return true;
        }
    }
    return false;
}
const char* law_code(Law l) { return kLaws[static_cast<size_t>(l)].code; }
const char* law_label(Law l, Lang lang) {
    return tr(kLaws[static_cast<size_t>(l)].label, lang);
}
const char* label_code(ProviderLabel l) {
    for (const LabelInfo& i : kLabels) {
        if (i.label == l) return i.code;
    }
    return "";
}
const char* label_name(ProviderLabel l, Lang lang) {
    for (const LabelInfo& i : kLabels) {
        if (i.label == l) return tr(i.name, lang);
    }
    return "";
}

const Product* Provider::product(std::string_view wanted) const {
    const std::string key = fold_for_search(wanted);
    if (key.empty()) return nullptr;
    for (const Product& p : products) {
        if (fold_for_search(p.name) == key) return &p;
    }
    return nullptr;
}

uint64_t Provider::all_jobs() const {
    uint64_t all = jobs;
    for (const Product& p : products) all |= p.jobs;
    return all;
}

const Source* Provider::source_for(std::string_view field) const {
    for (const Source& s : sources) {
        for (const std::string& a : s.about) {
            if (a == field) return &s;
        }
    }
    return nullptr;
}

// [SECTION] Countries ----------------------------------------------------------------------------
namespace {
struct CountryInfo {
    const char* iso2;
    Msg name;
    bool eu, eea, adequacy;
};
// EU and EEA: the member states as of 2026. Adequacy: the European Commission's list of
// adequacy decisions under GDPR art. 45 (docs/method.md cites it); the United States' decision
// covers only organisations certified under the Data Privacy Framework, so the method does not
// count it as a country-wide adequacy.
constexpr CountryInfo kCountries[] = {
    {"AT", Msg::COUNTRY_AT, true, true, false},
    {"BE", Msg::COUNTRY_BE, true, true, false},
    {"BG", Msg::COUNTRY_BG, true, true, false},
    {"CY", Msg::COUNTRY_CY, true, true, false},
    {"CZ", Msg::COUNTRY_CZ, true, true, false},
    {"DE", Msg::COUNTRY_DE, true, true, false},
    {"DK", Msg::COUNTRY_DK, true, true, false},
    {"EE", Msg::COUNTRY_EE, true, true, false},
    {"ES", Msg::COUNTRY_ES, true, true, false},
    {"FI", Msg::COUNTRY_FI, true, true, false},
    {"FR", Msg::COUNTRY_FR, true, true, false},
    {"GR", Msg::COUNTRY_GR, true, true, false},
    {"HR", Msg::COUNTRY_HR, true, true, false},
    {"HU", Msg::COUNTRY_HU, true, true, false},
    {"IE", Msg::COUNTRY_IE, true, true, false},
    {"IT", Msg::COUNTRY_IT, true, true, false},
    {"LT", Msg::COUNTRY_LT, true, true, false},
    {"LU", Msg::COUNTRY_LU, true, true, false},
    {"LV", Msg::COUNTRY_LV, true, true, false},
    {"MT", Msg::COUNTRY_MT, true, true, false},
    {"NL", Msg::COUNTRY_NL, true, true, false},
    {"PL", Msg::COUNTRY_PL, true, true, false},
    {"PT", Msg::COUNTRY_PT, true, true, false},
    {"RO", Msg::COUNTRY_RO, true, true, false},
    {"SE", Msg::COUNTRY_SE, true, true, false},
    {"SI", Msg::COUNTRY_SI, true, true, false},
    {"SK", Msg::COUNTRY_SK, true, true, false},
    {"IS", Msg::COUNTRY_IS, false, true, false},
    {"LI", Msg::COUNTRY_LI, false, true, false},
    {"NO", Msg::COUNTRY_NO, false, true, false},
    {"AD", Msg::COUNTRY_AD, false, false, true},
    {"AR", Msg::COUNTRY_AR, false, false, true},
    {"CA", Msg::COUNTRY_CA, false, false, true},
    {"CH", Msg::COUNTRY_CH, false, false, true},
    {"FO", Msg::COUNTRY_FO, false, false, true},
    {"GB", Msg::COUNTRY_GB, false, false, true},
    {"GG", Msg::COUNTRY_GG, false, false, true},
    {"IL", Msg::COUNTRY_IL, false, false, true},
    {"IM", Msg::COUNTRY_IM, false, false, true},
    {"JE", Msg::COUNTRY_JE, false, false, true},
    {"JP", Msg::COUNTRY_JP, false, false, true},
    {"KR", Msg::COUNTRY_KR, false, false, true},
    {"NZ", Msg::COUNTRY_NZ, false, false, true},
    {"UY", Msg::COUNTRY_UY, false, false, true},
    {"US", Msg::COUNTRY_US, false, false, false},
    {"CN", Msg::COUNTRY_CN, false, false, false},
    {"HK", Msg::COUNTRY_HK, false, false, false},
    {"SG", Msg::COUNTRY_SG, false, false, false},
    {"AU", Msg::COUNTRY_AU, false, false, false},
    {"IN", Msg::COUNTRY_IN, false, false, false},
    {"RU", Msg::COUNTRY_RU, false, false, false},
    {"TW", Msg::COUNTRY_TW, false, false, false},
    {"BR", Msg::COUNTRY_BR, false, false, false},
    {"AE", Msg::COUNTRY_AE, false, false, false},
    {"MC", Msg::COUNTRY_MC, false, false, false},
    {"UA", Msg::COUNTRY_UA, false, false, false},
    {"ZA", Msg::COUNTRY_ZA, false, false, false},
    {"MX", Msg::COUNTRY_MX, false, false, false},
    {"TR", Msg::COUNTRY_TR, false, false, false},
};
const CountryInfo* country(std::string_view iso2) {
    for (const CountryInfo& c : kCountries) {
        if (iso2 == c.iso2) return &c;
    }
    return nullptr;
}
}  // namespace

bool country_is_valid(std::string_view iso2) {
    return iso2.size() == 2 && iso2[0] >= 'A' && iso2[0] <= 'Z' && iso2[1] >= 'A' && iso2[1] <= 'Z';
}
bool country_in_eu(std::string_view iso2) {
    const CountryInfo* c = country(iso2);
    return c && c->eu;
}
bool country_in_eea(std::string_view iso2) {
    const CountryInfo* c = country(iso2);
    return c && c->eea;
}
bool country_has_adequacy(std::string_view iso2) {
    const CountryInfo* c = country(iso2);
    return c && c->adequacy;
}
const char* country_name(std::string_view iso2, Lang lang) {
    const CountryInfo* c = country(iso2);
    if (!c) return "?";
    return tr(c->name, lang);
}

// [SECTION] Reading JSON -------------------------------------------------------------------------
namespace {
using Json = nlohmann::json;

bool read_country(JsonFields& f, const Json& obj, const std::string& at, const char* key, std::string& out) {
    std::string v;
    if (!f.text(obj, at, key, v, 2, false)) return false;
    if (!v.empty() && !country_is_valid(v)) return f.fail(Err::FIELD_VALUE, at + "/" + key, "FR, US, DE…");
    out = v;
    return true;
}

bool read_place(JsonFields& f, const Json& obj, const std::string& at, const char* key, Place& out) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return true;
    const std::string here = at + "/" + key;
    if (!f.object(*it, here)) return false;
    if (!f.text(*it, here, "city", out.city, kCatalogMaxText, false)) return false;
    if (!read_country(f, *it, here, "country", out.country)) return false;
    if (!f.text(*it, here, "insee", out.insee, 5, false)) return false;
    if (!out.insee.empty() && out.insee.size() != 5) return f.fail(Err::FIELD_VALUE, here + "/insee", out.insee);
    std::optional<double> lon, lat;
    if (!f.number(*it, here, "lon", lon, -180, 180) || !f.number(*it, here, "lat", lat, -90, 90)) return false;
    if (lon.has_value() != lat.has_value()) return f.fail(Err::FIELD_MISSING, here + (lon ? "/lat" : "/lon"));
    if (lon) out.pos = geo::LonLat{*lon, *lat};
    return true;
}

bool read_strings(JsonFields& f, const Json& obj, const std::string& at, const char* key,
                  std::vector<std::string>& out, size_t max_bytes, bool* present) {
    const auto it = obj.find(key);
    if (present) *present = it != obj.end() && !it->is_null();
    if (it == obj.end() || it->is_null()) return true;
    const std::string here = at + "/" + key;
    if (!f.array(*it, here, kCatalogMaxList)) return false;
    for (size_t i = 0; i < it->size(); ++i) {
        const Json& v = (*it)[i];
        if (!v.is_string()) return f.fail(Err::FIELD_TYPE, here + "/" + std::to_string(i), Msg::TYPE_TEXT);
        if (v.get_ref<const std::string&>().size() > max_bytes) {
            return f.fail(Err::TOO_MANY, here + "/" + std::to_string(i), std::to_string(max_bytes));
        }
        out.push_back(v.get<std::string>());
    }
    return true;
}

// "jobs": codes of the job table; each job also sets its category bit.
bool read_jobs(JsonFields& f, const Json& obj, const std::string& at, uint64_t& jobs, uint32_t& categories) {
    std::vector<std::string> list;
    if (!read_strings(f, obj, at, "jobs", list, 40, nullptr)) return false;
    for (size_t i = 0; i < list.size(); ++i) {
        size_t j = 0;
        if (!job_from_code(list[i], j)) {
            return f.fail(Err::FIELD_VALUE, at + "/jobs/" + std::to_string(i), "mailbox, newsletter, online_shop… (docs/formats.md)");
        }
        jobs |= job_bit(j);
        categories |= 1u << static_cast<unsigned>(kJobs[j].category);
    }
    return true;
}

bool read_serves(JsonFields& f, const Json& obj, const std::string& at, uint8_t& serves) {
    std::vector<std::string> list;
    if (!read_strings(f, obj, at, "serves", list, 40, nullptr)) return false;
    for (size_t i = 0; i < list.size(); ++i) {
        uint8_t bits = 0;
        if (!serves_from_code(list[i], bits)) return f.fail(Err::FIELD_VALUE, at + "/serves/" + std::to_string(i), "all, tpe, association, public");
        serves = static_cast<uint8_t>(serves | bits);
    }
    return true;
}

bool read_provider(JsonFields& f, const Json& v, const std::string& at, Provider& p) {
    if (!f.object(v, at)) return false;
    if (!f.text(v, at, "id", p.id, 100, true) || !f.text(v, at, "name", p.name, kCatalogMaxText, true) ||
        !f.text(v, at, "legal_name", p.legal_name, kCatalogMaxText, false) ||
        !f.text(v, at, "website", p.website, kCatalogMaxUrl, false) ||
        !read_country(f, v, at, "country", p.country) || !read_place(f, v, at, "hq", p.hq)) {
        return false;
    }
    for (char c : p.id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        if (!ok) return f.fail(Err::FIELD_VALUE, at + "/id", "a-z 0-9 - _ .");
    }
    if (!f.text(v, at, "kind", p.kind, 20, false)) return false;
    if (p.kind != "provider" && p.kind != "mediation" && p.kind != "initiative") {
        return f.fail(Err::FIELD_VALUE, at + "/kind", "provider, mediation, initiative");
    }
    if (const auto it = v.find("parent"); it != v.end() && !it->is_null()) {
        if (!f.object(*it, at + "/parent") ||
            !f.text(*it, at + "/parent", "name", p.parent_name, kCatalogMaxText, false) ||
            !read_country(f, *it, at + "/parent", "country", p.parent_country)) {
            return false;
        }
    }
    std::vector<std::string> list;
    bool present = false;
    if (!read_strings(f, v, at, "exposure", list, 40, &present)) return false;
    p.exposure_known = present;
    for (size_t i = 0; i < list.size(); ++i) {
        size_t law = 0;
        while (law < static_cast<size_t>(Law::COUNT) && list[i] != kLaws[law].code) ++law;
        if (law == static_cast<size_t>(Law::COUNT)) {
            return f.fail(Err::FIELD_VALUE, at + "/exposure/" + std::to_string(i),
                          "US_CLOUD_ACT, US_FISA_702, CN_NIL_2017, UK_IPA_2016, RU_SORM");
        }
        p.exposure |= 1u << law;
    }
    if (!f.boolean(v, at, "secnumcloud", p.secnumcloud)) return false;
    if (!read_strings(f, v, at, "hosting", p.hosting, 2, nullptr)) return false;
    for (size_t i = 0; i < p.hosting.size(); ++i) {
        if (!country_is_valid(p.hosting[i])) return f.fail(Err::FIELD_VALUE, at + "/hosting/" + std::to_string(i), "FR, DE…");
    }
    list.clear();
    if (!read_strings(f, v, at, "categories", list, 40, nullptr)) return false;
    for (size_t i = 0; i < list.size(); ++i) {
        Category c;
        if (!category_from_code(list[i], c)) {
            return f.fail(Err::FIELD_VALUE, at + "/categories/" + std::to_string(i), "email, office, storage…");
        }
        p.categories |= 1u << static_cast<unsigned>(c);
    }
    if (!read_jobs(f, v, at, p.jobs, p.categories) || !read_serves(f, v, at, p.serves)) return false;
    list.clear();
    if (!read_strings(f, v, at, "labels", list, 40, nullptr)) return false;
    for (size_t i = 0; i < list.size(); ++i) {
        const auto* l = std::find_if(std::begin(kLabels), std::end(kLabels),
                                     [&](const LabelInfo& li) { return list[i] == li.code; });
        if (l == std::end(kLabels)) {
            return f.fail(Err::FIELD_VALUE, at + "/labels/" + std::to_string(i),
                          "chatons, ess, open_source_publisher, numerique_responsable");
        }
        p.labels |= l->label;
    }
    if (const auto it = v.find("products"); it != v.end() && !it->is_null()) {
        if (!f.array(*it, at + "/products", kCatalogMaxList)) return false;
        for (size_t i = 0; i < it->size(); ++i) {
            const std::string here = at + "/products/" + std::to_string(i);
            const Json& pv = (*it)[i];
            Product prod;
            std::string cat;
            if (!f.object(pv, here) || !f.text(pv, here, "name", prod.name, kCatalogMaxText, true) ||
                !f.text(pv, here, "category", cat, 40, true)) {
                return false;
            }
            if (!category_from_code(cat, prod.category)) return f.fail(Err::FIELD_VALUE, here + "/category", "email, office…");
            if (!read_jobs(f, pv, here, prod.jobs, p.categories) || !read_serves(f, pv, here, prod.serves)) return false;
            std::optional<bool> software;
            if (!f.boolean(pv, here, "software", software)) return false;
            prod.software = software.value_or(false);
            if (!f.boolean(pv, here, "open_source", prod.open_source) ||
                !f.boolean(pv, here, "open_formats", prod.open_formats) ||
                !f.boolean(pv, here, "export", prod.export_data)) {
                return false;
            }
            p.categories |= 1u << static_cast<unsigned>(prod.category);  // a product implies its category
            p.products.push_back(std::move(prod));
        }
    }
    if (const auto it = v.find("sources"); it != v.end() && !it->is_null()) {
        if (!f.array(*it, at + "/sources", kCatalogMaxList)) return false;
        for (size_t i = 0; i < it->size(); ++i) {
            const std::string here = at + "/sources/" + std::to_string(i);
            Source s;
            if (!f.object((*it)[i], here) || !read_strings(f, (*it)[i], here, "about", s.about, 40, nullptr) ||
                !f.text((*it)[i], here, "url", s.url, kCatalogMaxUrl, true) ||
                !f.text((*it)[i], here, "title", s.title, kCatalogMaxText, false) ||
                !f.text((*it)[i], here, "checked", s.checked, 10, false) ||
                !f.text((*it)[i], here, "via", s.via, kCatalogMaxUrl, false)) {
                return false;
            }
            p.sources.push_back(std::move(s));
        }
    }
    return true;
}
}  // namespace

bool read_catalog(const nlohmann::json& doc, const std::string& at, JsonFields& f, Catalog& c) {
    if (!f.object(doc, at)) return false;
    std::string format;
    if (!f.text(doc, at, "format", format, 40, true)) return false;
    if (format != "proxinum-catalog") return f.fail(Err::FIELD_VALUE, at + "/format", "proxinum-catalog");
    std::optional<double> version;
    if (!f.number(doc, at, "version", version, 1, 1)) return false;
    if (!version) return f.fail(Err::FIELD_MISSING, at + "/version");
    c.file = f.file();
    std::optional<bool> example;
    if (!f.text(doc, at, "name", c.name, kCatalogMaxText, true) ||
        !f.text(doc, at, "source", c.source, kCatalogMaxUrl, false) ||
        !f.text(doc, at, "date", c.date, 10, false) || !f.text(doc, at, "licence", c.licence, 100, false) ||
        !f.boolean(doc, at, "example", example)) {
        return false;
    }
    c.example = example.value_or(false);
    const auto ps = doc.find("providers");
    if (ps == doc.end()) return f.fail(Err::FIELD_MISSING, at + "/providers");
    if (!f.array(*ps, at + "/providers", kCatalogMaxProviders)) return false;
    c.providers.resize(ps->size());
    for (size_t i = 0; i < ps->size(); ++i) {
        const std::string here = at + "/providers/" + std::to_string(i);
        if (!read_provider(f, (*ps)[i], here, c.providers[i])) return false;
        for (size_t j = 0; j < i; ++j) {
            if (c.providers[j].id == c.providers[i].id) {
                return f.fail(Err::DUPLICATE_ID, here + "/id", c.providers[i].id);
            }
        }
    }
    return true;
}

Result<Catalog> parse_catalog_json(std::string_view text, const std::string& file) {
    const Result<nlohmann::json> parsed = parse_json(text, file);
    if (!parsed.ok()) return parsed.error();
    JsonFields f(text, file);
    Catalog c;
    if (!read_catalog(parsed.value(), "", f, c)) return f.error;
    return c;
}

// [SECTION] Writing JSON -------------------------------------------------------------------------
namespace {
void put_opt(Json& o, const char* key, const std::optional<bool>& v) {
    if (v) o[key] = *v;
}
void put_text(Json& o, const char* key, const std::string& v) {
    if (!v.empty()) o[key] = v;
}
Json job_list(uint64_t jobs) {
    Json a = Json::array();
    for (size_t j = 0; j < kJobCount; ++j) {
        if (jobs & job_bit(j)) a.push_back(job_code(j));
    }
    return a;
}
Json serves_list(uint8_t serves) {
    if ((serves & kServesAll) == kServesAll) return Json::array({"all"});
    Json a = Json::array();
    if (serves & kServesTpe) a.push_back("tpe");
    if (serves & kServesAssociation) a.push_back("association");
    if (serves & kServesPublic) a.push_back("public");
    return a;
}
}  // namespace

nlohmann::json catalog_to_json(const Catalog& c) {
    Json doc = {{"format", "proxinum-catalog"}, {"version", 1}, {"name", c.name}};
    put_text(doc, "source", c.source);
    put_text(doc, "date", c.date);
    put_text(doc, "licence", c.licence);
    if (c.example) doc["example"] = true;
    Json ps = Json::array();
    for (const Provider& p : c.providers) {
        Json o = {{"id", p.id}, {"name", p.name}};
        put_text(o, "legal_name", p.legal_name);
        put_text(o, "country", p.country);
        if (p.kind != "provider") o["kind"] = p.kind;
        Json hq = Json::object();
        put_text(hq, "city", p.hq.city);
        put_text(hq, "country", p.hq.country);
        put_text(hq, "insee", p.hq.insee);
        if (p.hq.pos) {
            hq["lon"] = p.hq.pos->lon_deg;
            hq["lat"] = p.hq.pos->lat_deg;
        }
        if (!hq.empty()) o["hq"] = hq;
        if (!p.parent_name.empty() || !p.parent_country.empty()) {
            Json parent = Json::object();
            put_text(parent, "name", p.parent_name);
            put_text(parent, "country", p.parent_country);
            o["parent"] = parent;
        }
        if (p.exposure_known) {
            Json laws = Json::array();
            for (size_t l = 0; l < static_cast<size_t>(Law::COUNT); ++l) {
                if (p.exposed_to(static_cast<Law>(l))) laws.push_back(kLaws[l].code);
            }
            o["exposure"] = laws;
        }
        put_opt(o, "secnumcloud", p.secnumcloud);
        if (!p.hosting.empty()) o["hosting"] = p.hosting;
        Json cats = Json::array();
        for (size_t k = 0; k < static_cast<size_t>(Category::COUNT); ++k) {
            if (p.offers(static_cast<Category>(k))) cats.push_back(kCategories[k].code);
        }
        if (!cats.empty()) o["categories"] = cats;
        if (p.jobs) o["jobs"] = job_list(p.jobs);
        if (p.serves) o["serves"] = serves_list(p.serves);
        Json labels = Json::array();
        for (const LabelInfo& l : kLabels) {
            if (p.labels & l.label) labels.push_back(l.code);
        }
        if (!labels.empty()) o["labels"] = labels;
        put_text(o, "website", p.website);
        if (!p.products.empty()) {
            Json prods = Json::array();
            for (const Product& pr : p.products) {
                Json po = {{"name", pr.name}, {"category", category_code(pr.category)}};
                if (pr.jobs) po["jobs"] = job_list(pr.jobs);
                if (pr.serves) po["serves"] = serves_list(pr.serves);
                if (pr.software) po["software"] = true;
                put_opt(po, "open_source", pr.open_source);
                put_opt(po, "open_formats", pr.open_formats);
                put_opt(po, "export", pr.export_data);
                prods.push_back(po);
            }
            o["products"] = prods;
        }
        if (!p.sources.empty()) {
            Json srcs = Json::array();
            for (const Source& s : p.sources) {
                Json so = {{"about", s.about}, {"url", s.url}};
                put_text(so, "title", s.title);
                put_text(so, "checked", s.checked);
                put_text(so, "via", s.via);
                srcs.push_back(so);
            }
            o["sources"] = srcs;
        }
        ps.push_back(o);
    }
    doc["providers"] = ps;
    return doc;
}

std::string write_catalog_json(const Catalog& c) {
    return catalog_to_json(c).dump(2, ' ', false, Json::error_handler_t::replace);
}

// [SECTION] Catalogs -----------------------------------------------------------------------------
void Catalogs::add(Catalog c) {
    for (Catalog& existing : list_) {
        if (existing.name == c.name) {
            existing = std::move(c);
            return;
        }
    }
    list_.push_back(std::move(c));
}

bool Catalogs::remove(const std::string& name) {
    for (size_t i = 0; i < list_.size(); ++i) {
        if (list_[i].name == name && !list_[i].builtin) {
            list_.erase(list_.begin() + static_cast<std::ptrdiff_t>(i));
            return true;
        }
    }
    return false;
}

const Provider* Catalogs::find(std::string_view provider_id) const {
    for (const Catalog& c : list_) {
        for (const Provider& p : c.providers) {
            if (p.id == provider_id) return &p;
        }
    }
    return nullptr;
}

const Product* Catalogs::find_product(std::string_view name, const Provider** provider) const {
    for (const Catalog& c : list_) {
        for (const Provider& p : c.providers) {
            if (const Product* pr = p.product(name)) {
                if (provider) *provider = &p;
                return pr;
            }
        }
    }
    return nullptr;
}

const Provider* find_provider(const Catalogs& catalogs, const std::vector<Catalog>& more, std::string_view id) {
    if (id.empty()) return nullptr;
    if (const Provider* p = catalogs.find(id)) return p;
    for (const Catalog& c : more) {
        for (const Provider& p : c.providers) {
            if (p.id == id) return &p;
        }
    }
    return nullptr;
}

size_t Catalogs::provider_count() const {
    size_t n = 0;
    for (const Catalog& c : list_) n += c.providers.size();
    return n;
}

}  // namespace px
