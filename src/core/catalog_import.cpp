// catalog_import.cpp — JSON, CSV and GeoJSON catalogs into one Catalog (catalog_import.h).
// Index: [SECTION] Columns and values · One record · CSV · GeoJSON · Entry point
#include "core/catalog_import.h"

#include <map>  // std::map

#include "core/atlas.h"      // px::Atlas::find_commune
#include "core/csv.h"        // px::parse_csv, px::parse_decimal
#include "core/json_read.h"  // px::parse_json, px::line_col
#include "core/text.h"       // px::fold_for_search

namespace px {

// [SECTION] Columns and values -------------------------------------------------------------------
namespace {

enum class Col { Name, Id, Kind, Categories, Insee, City, Country, Lon, Lat, Website, Parent, ParentCountry,
                 Hosting, SecNumCloud, Labels, Jobs, Unknown };

// A header folded for matching: lower case, no accents, no spaces, '_' or '-'.
std::string fold_key(std::string_view s) {
    std::string out;
    for (char c : fold_for_search(s)) {
        if (c != ' ' && c != '_' && c != '-') out.push_back(c);
    }
    return out;
}

Col column_of(std::string_view header) {
    static const std::map<std::string, Col> kNames = {
        {"nom", Col::Name}, {"name", Col::Name}, {"raisonsociale", Col::Name},
        {"id", Col::Id}, {"identifiant", Col::Id},
        {"type", Col::Kind}, {"kind", Col::Kind},
        {"categories", Col::Categories}, {"categorie", Col::Categories}, {"category", Col::Categories},
        {"codeinsee", Col::Insee}, {"insee", Col::Insee}, {"cog", Col::Insee}, {"codecommune", Col::Insee},
        {"ville", Col::City}, {"city", Col::City}, {"commune", Col::City},
        {"pays", Col::Country}, {"country", Col::Country},
        {"longitude", Col::Lon}, {"lon", Col::Lon}, {"lng", Col::Lon},
        {"latitude", Col::Lat}, {"lat", Col::Lat},
        {"site", Col::Website}, {"siteweb", Col::Website}, {"siteinternet", Col::Website}, {"website", Col::Website}, {"url", Col::Website},
        {"groupe", Col::Parent}, {"parent", Col::Parent},
        {"paysgroupe", Col::ParentCountry}, {"paysdugroupe", Col::ParentCountry}, {"parentcountry", Col::ParentCountry},
        {"hebergement", Col::Hosting}, {"hosting", Col::Hosting}, {"paysdhebergement", Col::Hosting},
        {"secnumcloud", Col::SecNumCloud},
        {"labels", Col::Labels}, {"label", Col::Labels},
        {"usages", Col::Jobs}, {"usage", Col::Jobs}, {"jobs", Col::Jobs},
    };
    const auto it = kNames.find(fold_key(header));
    return it == kNames.end() ? Col::Unknown : it->second;
}

const char* column_name(Col c) {
    static const char* const kDoc[] = {"nom", "id", "type", "categories", "code_insee", "ville", "pays", "longitude",
                                       "latitude", "site", "groupe", "pays_groupe", "hebergement", "secnumcloud",
                                       "labels", "usages", "?"};
    return kDoc[static_cast<size_t>(c)];
}

std::vector<std::string> split_list(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        size_t b = 0, e = cur.size();
        while (b < e && (cur[b] == ' ' || cur[b] == '\t')) ++b;
        while (e > b && (cur[e - 1] == ' ' || cur[e - 1] == '\t')) --e;
        if (e > b) out.push_back(cur.substr(b, e - b));
        cur.clear();
    };
    for (char c : s) {
        if (c == ',' || c == '|' || c == '/' || c == ';') flush();
        else cur.push_back(c);
    }
    flush();
    return out;
}

bool category_from_text(std::string_view text, Category& out) {
    if (category_from_code(text, out)) return true;
    const std::string key = fold_key(text);
    for (size_t i = 0; i < static_cast<size_t>(Category::COUNT); ++i) {
        const Category c = static_cast<Category>(i);
        if (key == fold_key(category_label(c, Lang::Fr)) || key == fold_key(category_label(c, Lang::En))) {
            out = c;
            return true;
        }
    }
    static const std::map<std::string, Category> kAliases = {
        {"mail", Category::Email}, {"courriel", Category::Email}, {"visio", Category::Video},
        {"visioconference", Category::Video}, {"video", Category::Video},
        {"site", Category::Website}, {"siteinternet", Category::Website}, {"boutique", Category::Shop},
        {"boutiqueenligne", Category::Shop}, {"clickandcollect", Category::Shop}, {"ecommerce", Category::Shop},
        {"crm", Category::Crm}, {"eservices", Category::Crm}, {"relationclient", Category::Crm},
        {"sig", Category::Gis}, {"cartographie", Category::Gis}, {"logicielmetier", Category::Business},
        {"stockage", Category::Storage}, {"cloud", Category::Storage}, {"hebergement", Category::Hosting},
        {"reseauxsociaux", Category::Social}, {"telephonie", Category::Telephony},
    };
    const auto it = kAliases.find(key);
    if (it == kAliases.end()) return false;
    out = it->second;
    return true;
}

bool yes_no(std::string_view text, bool& out) {
    const std::string k = fold_key(text);
    if (k == "oui" || k == "yes" || k == "true" || k == "vrai" || k == "1" || k == "o" || k == "y") return out = true, true;
    if (k == "non" || k == "no" || k == "false" || k == "faux" || k == "0" || k == "n") return out = false, true;
    return false;
}

std::string slug(std::string_view name) {
    std::string out;
    for (char c : fold_for_search(name)) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum) out.push_back(c);
        else if (!out.empty() && out.back() != '-') out.push_back('-');
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? std::string("fournisseur") : out;
}

// [SECTION] One record ---------------------------------------------------------------------------
// One row (CSV) or one feature's properties (GeoJSON): values by column, and where it is.
struct Record {
    std::map<Col, std::string> values;
    std::optional<geo::LonLat> point;  // GeoJSON geometry
    Location where;
    std::string pointer_prefix;  // "" for CSV, "/features/3/properties/" for GeoJSON
};

bool record_error(const Record& r, Err code, Col col, Detail detail, std::vector<Error>& errors) {
    errors.push_back(make_error(code, r.where, r.pointer_prefix + column_name(col), std::move(detail)));
    return false;
}

bool provider_from_record(const Record& r, const Atlas* atlas, Provider& p, std::vector<Error>& errors) {
    auto get = [&](Col c) -> const std::string& {
        static const std::string kEmpty;
        const auto it = r.values.find(c);
        return it == r.values.end() ? kEmpty : it->second;
    };
    p.name = get(Col::Name);
    if (p.name.empty()) return record_error(r, Err::FIELD_MISSING, Col::Name, {}, errors);
    if (p.name.size() > kCatalogMaxText) return record_error(r, Err::TOO_MANY, Col::Name, std::to_string(kCatalogMaxText), errors);
    p.id = get(Col::Id).empty() ? slug(p.name) : get(Col::Id);
    const std::string kind = fold_key(get(Col::Kind));
    if (kind.empty() || kind == "prestataire" || kind == "provider" || kind == "fournisseur" || kind == "entreprise") {
        p.kind = "provider";
    } else if (kind == "mediation" || kind == "mediationnumerique" || kind == "lieudemediation") {
        p.kind = "mediation";
    } else if (kind == "initiative") {
        p.kind = "initiative";
    } else {
        return record_error(r, Err::FIELD_VALUE, Col::Kind, get(Col::Kind) + " (prestataire, médiation, initiative)", errors);
    }
    for (const std::string& c : split_list(get(Col::Categories))) {
        Category cat;
        if (!category_from_text(c, cat)) return record_error(r, Err::FIELD_VALUE, Col::Categories, c, errors);
        p.categories |= 1u << static_cast<unsigned>(cat);
    }
    for (const std::string& code : split_list(get(Col::Jobs))) {
        size_t job = 0;
        if (!job_from_code(code, job)) return record_error(r, Err::FIELD_VALUE, Col::Jobs, code, errors);
        p.jobs |= job_bit(job);
        p.categories |= 1u << static_cast<unsigned>(kJobs[job].category);
    }
    p.hq.insee = get(Col::Insee);
    if (!p.hq.insee.empty()) {
        if (p.hq.insee.size() == 4 && p.hq.insee[0] >= '1' && p.hq.insee[0] <= '9') p.hq.insee = "0" + p.hq.insee;  // lost leading zero
        if (atlas && !atlas->find_commune(p.hq.insee)) return record_error(r, Err::COMMUNE_UNKNOWN, Col::Insee, p.hq.insee, errors);
        p.hq.country = "FR";
        p.country = "FR";
    }
    p.hq.city = get(Col::City);
    const std::string& country = get(Col::Country);
    if (!country.empty()) {
        if (!country_is_valid(country)) return record_error(r, Err::FIELD_VALUE, Col::Country, country + " (FR, BE, DE…)", errors);
        p.country = country;
        if (p.hq.country.empty()) p.hq.country = country;
    }
    const std::string& lon = get(Col::Lon);
    const std::string& lat = get(Col::Lat);
    if (!lon.empty() || !lat.empty()) {
        double x = 0, y = 0;
        if (!parse_decimal(lon, x)) return record_error(r, Err::FIELD_VALUE, Col::Lon, lon, errors);
        if (!parse_decimal(lat, y)) return record_error(r, Err::FIELD_VALUE, Col::Lat, lat, errors);
        if (!geo::check_lonlat({x, y}).ok()) return record_error(r, Err::GEO_BAD_COORDINATE, Col::Lon, lon + " " + lat, errors);
        p.hq.pos = geo::LonLat{x, y};
    } else if (r.point) {
        p.hq.pos = r.point;
    }
    if (p.hq.insee.empty() && !p.hq.pos) {
        return record_error(r, Err::FIELD_MISSING, Col::Insee, "code_insee / longitude+latitude", errors);
    }
    p.website = get(Col::Website);
    p.parent_name = get(Col::Parent);
    p.parent_country = get(Col::ParentCountry);
    if (!p.parent_country.empty() && !country_is_valid(p.parent_country)) {
        return record_error(r, Err::FIELD_VALUE, Col::ParentCountry, p.parent_country, errors);
    }
    for (const std::string& h : split_list(get(Col::Hosting))) {
        if (!country_is_valid(h)) return record_error(r, Err::FIELD_VALUE, Col::Hosting, h, errors);
        p.hosting.push_back(h);
    }
    if (!get(Col::SecNumCloud).empty()) {
        bool v = false;
        if (!yes_no(get(Col::SecNumCloud), v)) return record_error(r, Err::FIELD_VALUE, Col::SecNumCloud, get(Col::SecNumCloud) + " (oui/non)", errors);
        p.secnumcloud = v;
    }
    for (const std::string& l : split_list(get(Col::Labels))) {
        bool found = false;
        for (ProviderLabel pl : kAllLabels) {
            if (fold_key(l) == fold_key(label_code(pl))) {
                p.labels |= pl;
                found = true;
            }
        }
        if (!found) return record_error(r, Err::FIELD_VALUE, Col::Labels, l, errors);
    }
    return true;
}

void add_unique(Catalog& c, Provider p) {
    const std::string base = p.id;
    for (int n = 2;; ++n) {
        bool taken = false;
        for (const Provider& q : c.providers) taken = taken || q.id == p.id;
        if (!taken) break;
        p.id = base + "-" + std::to_string(n);
    }
    c.providers.push_back(std::move(p));
}

std::string stem(const std::string& file) {
    const size_t slash = file.find_last_of("/\\");
    std::string name = slash == std::string::npos ? file : file.substr(slash + 1);
    const size_t dot = name.rfind('.');
    return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

// [SECTION] CSV ----------------------------------------------------------------------------------
void import_csv(std::string_view bytes, const std::string& file, const Atlas* atlas, CatalogImport& out) {
    CsvDesc desc;
    desc.max_rows = kCatalogMaxProviders;
    desc.max_bytes = kImportMaxBytes;
    CsvResult csv = parse_csv(bytes, file, desc);
    if (!csv.ok()) {
        out.errors = std::move(csv.errors);
        return;
    }
    std::vector<Col> cols;
    bool has_name = false;
    for (const std::string& h : csv.table.header) {
        cols.push_back(column_of(h));
        has_name = has_name || cols.back() == Col::Name;
    }
    if (!has_name) {
        Location where;
        where.file = file;
        where.line = 1;
        where.col = 1;
        out.errors.push_back(make_error(Err::FIELD_MISSING, where, "nom", "nom / name"));
        return;
    }
    for (const CsvRow& row : csv.table.rows) {
        Record r;
        r.where.file = file;
        r.where.line = row.line;
        for (size_t i = 0; i < cols.size() && i < row.fields.size(); ++i) {
            if (cols[i] != Col::Unknown && !row.fields[i].empty()) r.values[cols[i]] = row.fields[i];
        }
        Provider p;
        if (provider_from_record(r, atlas, p, out.errors)) add_unique(out.catalog, std::move(p));
        if (out.errors.size() >= kCsvMaxErrors) {
            out.errors.push_back(make_error(Err::TOO_MANY, r.where, {}, std::to_string(kCsvMaxErrors)));
            return;
        }
    }
}

// [SECTION] GeoJSON ------------------------------------------------------------------------------
void import_geojson(const nlohmann::json& doc, std::string_view text, const std::string& file, const Atlas* atlas,
                    CatalogImport& out) {
    JsonFields f(text, file);
    const auto feats = doc.find("features");
    if (feats == doc.end()) {
        f.fail(Err::FIELD_MISSING, "/features");
        out.errors.push_back(f.error);
        return;
    }
    if (!f.array(*feats, "/features", kCatalogMaxProviders)) {
        out.errors.push_back(f.error);
        return;
    }
    for (size_t i = 0; i < feats->size(); ++i) {
        const nlohmann::json& ft = (*feats)[i];
        const std::string at = "/features/" + std::to_string(i);
        Record r;
        r.pointer_prefix = at + "/properties/";
        size_t offset = 0;
        r.where.file = file;
        if (locate_pointer(text, at, offset)) line_col(text, offset, r.where.line, r.where.col);
        if (!ft.is_object()) {
            f.fail(Err::FIELD_TYPE, at, Msg::TYPE_OBJECT);
            out.errors.push_back(f.error);
            continue;
        }
        const auto g = ft.find("geometry");
        if (g != ft.end() && g->is_object() && g->value("type", "") == "Point") {
            const auto c = g->find("coordinates");
            if (c == g->end() || !c->is_array() || c->size() < 2 || !(*c)[0].is_number() || !(*c)[1].is_number()) {
                f.fail(Err::FIELD_TYPE, at + "/geometry/coordinates", "[lon, lat]");
                out.errors.push_back(f.error);
                continue;
            }
            const geo::LonLat pos{(*c)[0].get<double>(), (*c)[1].get<double>()};
            if (!geo::check_lonlat(pos).ok()) {
                f.fail(Err::GEO_BAD_COORDINATE, at + "/geometry/coordinates", c->dump());
                out.errors.push_back(f.error);
                continue;
            }
            r.point = pos;
        } else if (g != ft.end() && !g->is_null()) {
            f.fail(Err::FIELD_VALUE, at + "/geometry/type", "Point");
            out.errors.push_back(f.error);
            continue;
        }
        const auto props = ft.find("properties");
        if (props != ft.end() && props->is_object()) {
            for (const auto& [key, value] : props->items()) {
                const Col col = column_of(key);
                if (col == Col::Unknown || value.is_null()) continue;
                if (value.is_string()) r.values[col] = value.get<std::string>();
                else if (value.is_number() || value.is_boolean()) r.values[col] = value.dump();
                else if (value.is_array()) {
                    std::string joined;
                    for (const auto& item : value) {
                        if (!item.is_string()) continue;
                        if (!joined.empty()) joined += ",";
                        joined += item.get<std::string>();
                    }
                    r.values[col] = joined;
                }
            }
        }
        Provider p;
        if (provider_from_record(r, atlas, p, out.errors)) add_unique(out.catalog, std::move(p));
        if (out.errors.size() >= kCsvMaxErrors) {
            out.errors.push_back(make_error(Err::TOO_MANY, r.where, {}, std::to_string(kCsvMaxErrors)));
            return;
        }
    }
}

}  // namespace

// [SECTION] Entry point --------------------------------------------------------------------------
CatalogImport import_catalog(std::string_view bytes, const std::string& file, const Atlas* atlas) {
    CatalogImport out;
    if (bytes.size() > kImportMaxBytes) {
        Location where;
        where.file = file;
        out.errors.push_back(make_error(Err::FILE_TOO_BIG, where, {}, std::to_string(kImportMaxBytes)));
        return out;
    }
    const size_t bom = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    size_t first = bom;
    while (first < bytes.size() && (bytes[first] == ' ' || bytes[first] == '\n' || bytes[first] == '\r' || bytes[first] == '\t')) ++first;
    const bool looks_json = first < bytes.size() && (bytes[first] == '{' || bytes[first] == '[');
    if (looks_json) {
        const std::string_view text = bytes.substr(bom);
        const Result<nlohmann::json> parsed = parse_json(text, file);
        if (!parsed.ok()) {
            out.errors.push_back(parsed.error());
            return out;
        }
        const nlohmann::json& doc = parsed.value();
        if (doc.is_object() && doc.value("type", "") == "FeatureCollection") {
            out.format = CatalogFormat::GeoJson;
            out.catalog.name = stem(file);
            out.catalog.source = file;
            out.catalog.file = file;
            import_geojson(doc, text, file, atlas, out);
        } else {
            out.format = CatalogFormat::Json;
            JsonFields f(text, file);
            if (!read_catalog(doc, "", f, out.catalog)) {
                out.errors.push_back(f.error);
            } else if (atlas) {
                for (size_t i = 0; i < out.catalog.providers.size(); ++i) {
                    const std::string& insee = out.catalog.providers[i].hq.insee;
                    if (!insee.empty() && !atlas->find_commune(insee)) {
                        f.fail(Err::COMMUNE_UNKNOWN, "/providers/" + std::to_string(i) + "/hq/insee", insee);
                        out.errors.push_back(f.error);
                        break;
                    }
                }
            }
        }
    } else {
        out.format = CatalogFormat::Csv;
        out.catalog.name = stem(file);
        out.catalog.source = file;
        out.catalog.file = file;
        import_csv(bytes, file, atlas, out);
    }
    if (!out.ok()) out.catalog = Catalog{};  // all or nothing
    return out;
}

}  // namespace px
