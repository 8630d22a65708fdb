// catalog.h — providers of digital services and the catalogs that list them: the facts Proxinum
// ships (data/providers/*.json, each fact with its source and the date it was read) and the
// catalogs users import (a collectivité's list of local digital firms, mediation places…).
//
//   px::Catalog c;
//   if (px::parse_catalog_json(text, "catalogue.json").get(c) != px::Err::OK) ... // all-or-nothing
//   px::Catalogs all;  all.add(std::move(c));                 // several catalogs merge
//   const px::Provider* p = all.find("ovhcloud");             // by id, first catalog wins
//   const px::Product* gmail = all.find_product("gmail", &p); // presets: "Gmail" → Google
//
// JSON form (docs/formats.md, "proxinum-catalog" version 1):
//   {"format": "proxinum-catalog", "version": 1, "name": "…", "source": "…", "date": "2026-11-24",
//    "example": false, "providers": [{"id": "ovhcloud", "name": "OVHcloud", "country": "FR",
//      "hq": {"city": "Roubaix", "country": "FR", "insee": "59512"}, "parent": {"name": …, "country": …},
//      "exposure": [], "secnumcloud": true, "hosting": ["FR"], "categories": ["hosting"],
//      "jobs": ["web_hosting"], "serves": ["all"], "labels": [], "website": "…",
//      "products": [{"name": …, "category": …, "jobs": ["mailbox"], "serves": …, "software": …, "open_source": …,
//      "open_formats": …, "export": …}], "sources": [{"about": ["hq"], "url": …, "checked": …, "via": …}]}]}
// "jobs" are the codes of data/diagnostic/jobs.json (core/diagnostic/jobs.h); a job implies its
// category, as a product does.
// Every fact is optional: what a catalog does not say stays unknown (std::optional, empty lists
// flagged by *_known), and the scoring says so instead of guessing.
// Does NOT place providers on the map (scoring.h resolves "insee" through the atlas) and does NOT
// read CSV or GeoJSON (catalog_import.h turns those into the same Catalog).
#pragma once

#include <cstddef>      // size_t
#include <cstdint>      // uint8_t, uint32_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <nlohmann/json.hpp>

#include "core/errors.h"  // px::Result
#include "core/diagnostic/jobs.h"  // job codes, ServesBits
#include "core/geo.h"     // px::geo::LonLat

namespace px {

constexpr size_t kCatalogMaxProviders = 20000;
constexpr size_t kCatalogMaxText = 300;  // bytes in a name, city…
constexpr size_t kCatalogMaxUrl = 2000;
constexpr size_t kCatalogMaxList = 50;   // products, sources, countries… per provider

// The fixed, documented list of service categories (docs/method.md). PX_CAT(id, code, label
// message): the labels are the catalog's CATEGORY_* messages (data/i18n/).
#define PX_CATEGORY_TABLE(PX_CAT)                                      \
    PX_CAT(Email, "email", CATEGORY_EMAIL)                             \
    PX_CAT(Office, "office", CATEGORY_OFFICE)                          \
    PX_CAT(Storage, "storage", CATEGORY_STORAGE)                       \
    PX_CAT(Video, "video", CATEGORY_VIDEO)                             \
    PX_CAT(Website, "website", CATEGORY_WEBSITE)                       \
    PX_CAT(Hosting, "hosting", CATEGORY_HOSTING)                       \
    PX_CAT(Shop, "shop", CATEGORY_SHOP)                                \
    PX_CAT(Payment, "payment", CATEGORY_PAYMENT)                       \
    PX_CAT(Accounting, "accounting", CATEGORY_ACCOUNTING)              \
    PX_CAT(Crm, "crm", CATEGORY_CRM)                                   \
    PX_CAT(Social, "social", CATEGORY_SOCIAL)                          \
    PX_CAT(Business, "business", CATEGORY_BUSINESS)                    \
    PX_CAT(Gis, "gis", CATEGORY_GIS)                                   \
    PX_CAT(Telephony, "telephony", CATEGORY_TELEPHONY)                 \
    PX_CAT(Other, "other", CATEGORY_OTHER)

enum class Category : uint8_t {
#define PX_CAT_ENUM(id, code, msg) id,
    PX_CATEGORY_TABLE(PX_CAT_ENUM)
#undef PX_CAT_ENUM
        COUNT
};
const char* category_code(Category c);              // "email"
const char* category_label(Category c, Lang lang);  // "Messagerie"
bool category_from_code(std::string_view code, Category& out);

// Laws outside the EU that can compel a provider to hand over its customers' data.
#define PX_LAW_TABLE(PX_LAW)                                           \
    PX_LAW(UsCloudAct, "US_CLOUD_ACT", LAW_US_CLOUD_ACT)               \
    PX_LAW(UsFisa702, "US_FISA_702", LAW_US_FISA_702)                  \
    PX_LAW(CnNil2017, "CN_NIL_2017", LAW_CN_NIL_2017)                  \
    PX_LAW(UkIpa2016, "UK_IPA_2016", LAW_UK_IPA_2016)                  \
    PX_LAW(RuSorm, "RU_SORM", LAW_RU_SORM)

enum class Law : uint8_t {
#define PX_LAW_ENUM(id, code, msg) id,
    PX_LAW_TABLE(PX_LAW_ENUM)
#undef PX_LAW_ENUM
        COUNT
};
const char* law_code(Law l);
const char* law_label(Law l, Lang lang);

enum ProviderLabel : uint32_t {
    kLabelChatons = 1u << 0,               // "chatons": member of the CHATONS collective
    kLabelEss = 1u << 1,                   // "ess": économie sociale et solidaire
    kLabelOpenSourcePublisher = 1u << 2,   // "open_source_publisher"
    kLabelNumeriqueResponsable = 1u << 3,  // "numerique_responsable": Label Numérique Responsable
};
const char* label_code(ProviderLabel l);
const char* label_name(ProviderLabel l, Lang lang);
constexpr ProviderLabel kAllLabels[] = {kLabelChatons, kLabelEss, kLabelOpenSourcePublisher, kLabelNumeriqueResponsable};

// A place: a French commune by INSEE code, or a point, or only a city and country.
struct Place {
    std::string city;
    std::string country;  // ISO 3166-1 alpha-2, "" when unknown
    std::string insee;    // INSEE commune code, "" when not given
    std::optional<geo::LonLat> pos;  // explicit point (or filled in by the data compiler)
};

struct Product {
    std::string name;
    Category category = Category::Other;
    uint64_t jobs = 0;    // bit (1 << job index, core/diagnostic/jobs.h): what it does
    uint8_t serves = 0;   // ServesBits; 0: whoever its jobs serve
    bool software = false;  // software to install (an operator must run it), not a service sold
    std::optional<bool> open_source, open_formats, export_data;
};

struct Source {
    std::vector<std::string> about;  // the fact fields this source supports: "hq", "parent"…
    std::string url, title, checked;  // checked: the date the page was read, YYYY-MM-DD
    std::string via;  // the stored copy or mirror it was read through, "" when read at `url` itself
};

struct Provider {
    std::string id, name, legal_name, website;
    std::string country;  // legal seat of the contracting entity, ISO alpha-2, "" unknown
    Place hq;
    std::string parent_name, parent_country;  // ultimate parent, "" unknown
    bool exposure_known = false;              // false: the catalog does not say
    uint32_t exposure = 0;                    // bit (1 << Law)
    std::optional<bool> secnumcloud;
    std::vector<std::string> hosting;  // countries of data hosting, empty = unknown
    uint32_t categories = 0;           // bit (1 << Category)
    uint64_t jobs = 0;                 // bit (1 << job index): what it offers beyond its products
    uint8_t serves = 0;                // ServesBits; 0: whoever its jobs serve
    uint32_t labels = 0;               // ProviderLabel bits
    std::vector<Product> products;
    std::vector<Source> sources;
    std::string kind = "provider";  // "provider" | "mediation" | "initiative"

    bool offers(Category c) const { return (categories >> static_cast<unsigned>(c)) & 1u; }
    // Every job it does: its own list and its products'.
    uint64_t all_jobs() const;
    // Its product of that name, case and accents ignored, or null.
    const Product* product(std::string_view name) const;
    bool exposed_to(Law l) const { return (exposure >> static_cast<unsigned>(l)) & 1u; }
    // The source that backs a fact field ("hq"…), or null.
    const Source* source_for(std::string_view field) const;
};

struct Catalog {
    std::string name, source, date, licence, file;
    bool example = false;  // a sample, labelled plainly as such in the UI
    bool builtin = false;  // the facts shipped with Proxinum
    std::vector<Provider> providers;
};

Result<Catalog> parse_catalog_json(std::string_view text, const std::string& file);
// The catalog as JSON text in the same format (round trip: parse(write(c)) == c).
std::string write_catalog_json(const Catalog& c);
// The same, inside another document (a workspace keeps its imported catalogs): `at` is the JSON
// Pointer of the catalog object, for error places.
class JsonFields;
bool read_catalog(const nlohmann::json& doc, const std::string& at, JsonFields& fields, Catalog& out);
nlohmann::json catalog_to_json(const Catalog& c);

// Every loaded catalog. Merging keeps each catalog whole; a provider id found in two catalogs
// resolves to the first added (the built-in facts come first).
class Catalogs {
public:
    // Adds a catalog; an earlier one with the same name is replaced (re-importing a file).
    void add(Catalog c);
    bool remove(const std::string& name);
    const std::vector<Catalog>& list() const { return list_; }
    const Provider* find(std::string_view provider_id) const;
    // A product by name, case and accents ignored; `provider` receives its provider.
    const Product* find_product(std::string_view name, const Provider** provider) const;
    size_t provider_count() const;

private:
    std::vector<Catalog> list_;
};

// A provider by id in `catalogs`, then in `more` (a workspace's own catalogs), or null.
const Provider* find_provider(const Catalogs& catalogs, const std::vector<Catalog>& more, std::string_view id);

// ISO alpha-2 country groups used by the method (docs/method.md gives their sources).
bool country_is_valid(std::string_view iso2);  // two capital letters
bool country_in_eu(std::string_view iso2);     // the 27 member states
bool country_in_eea(std::string_view iso2);    // EU + Iceland, Liechtenstein, Norway
bool country_has_adequacy(std::string_view iso2);  // EU adequacy decision (GDPR art. 45)
const char* country_name(std::string_view iso2, Lang lang);  // "États-Unis", or the code

}  // namespace px
