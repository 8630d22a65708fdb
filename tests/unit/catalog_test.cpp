// catalog_test.cpp — catalogs in every form users keep (core/catalog.h, core/catalog_import.h) and
// the workspace file (core/workspace.h): round trips, every error with its place, all or nothing,
// limits; and the JSON Pointer locator under them (core/json_read.h).
#include <doctest/doctest.h>

#include <string>  // std::string

#include "core/atlas.h"
#include "core/atlas_embedded.h"
#include "core/catalog.h"
#include "core/catalog_import.h"
#include "core/json_read.h"
#include "core/workspace.h"

using px::Err;

namespace {
const px::Atlas& atlas() {
    static px::Atlas a = [] {
        px::Atlas out;
        px::Result<px::Atlas> r = px::decode_atlas(px::embedded_atlas_data(), px::embedded_atlas_size(), "atlas");
        REQUIRE(r.get(out) == Err::OK);
        return out;
    }();
    return a;
}
const char* kGood = R"({"format": "proxinum-catalog", "version": 1, "name": "Prestataires du Niortais",
  "source": "Agglo", "date": "2026-11-01", "example": true, "providers": [
  {"id": "atelier", "name": "Atelier numérique", "country": "FR", "hq": {"city": "Niort", "insee": "79191"},
   "parent": {"name": "Atelier", "country": "FR"}, "exposure": [], "secnumcloud": false, "hosting": ["FR"],
   "categories": ["email", "website"], "labels": ["ess", "chatons"], "website": "https://atelier.example",
   "products": [{"name": "Messagerie Atelier", "category": "email", "open_source": true}],
   "sources": [{"about": ["hq"], "url": "https://atelier.example/mentions", "checked": "2026-11-01"}]},
  {"id": "cafe", "name": "Café numérique", "kind": "mediation", "hq": {"lon": -0.46, "lat": 46.32}}]})";
}  // namespace

TEST_CASE("a catalog is read whole and written back the same") {
    px::Catalog c;
    REQUIRE(px::parse_catalog_json(kGood, "c.json").get(c) == Err::OK);
    REQUIRE(c.providers.size() == 2);
    const px::Provider& p = c.providers[0];
    CHECK(p.offers(px::Category::Email));
    CHECK_FALSE(p.offers(px::Category::Video));
    CHECK(p.labels == (px::kLabelEss | px::kLabelChatons));
    CHECK(p.exposure_known);
    CHECK(p.exposure == 0);
    CHECK(p.secnumcloud == false);
    CHECK(p.products[0].open_source == true);
    CHECK_FALSE(p.products[0].export_data.has_value());  // unknown stays unknown
    CHECK(p.source_for("hq") != nullptr);
    CHECK(p.source_for("parent") == nullptr);
    CHECK(c.providers[1].kind == "mediation");
    CHECK_FALSE(c.providers[1].exposure_known);
    CHECK(c.example);
    px::Catalog again;
    REQUIRE(px::parse_catalog_json(px::write_catalog_json(c), "again.json").get(again) == Err::OK);
    CHECK(px::write_catalog_json(again) == px::write_catalog_json(c));
}

TEST_CASE("a bad catalog is refused with its line, column and field") {
    struct Case {
        const char* text;
        Err code;
        const char* pointer;
        uint64_t line;
    };
    const Case cases[] = {
        {"{\"format\": \"proxinum-catalog\", \"version\": 1, \"name\": \"x\",\n\"providers\": [\n{\"id\": \"a\", \"name\": 3}]}",
         Err::FIELD_TYPE, "/providers/0/name", 3},
        {"{\"format\": \"proxinum-catalog\", \"version\": 1, \"name\": \"x\",\n\"providers\": [{\"id\": \"a\",\n \"name\": \"A\", \"categories\": [\"mail\"]}]}",
         Err::FIELD_VALUE, "/providers/0/categories/0", 3},
        {"{\"format\": \"proxinum-catalog\", \"version\": 1, \"name\": \"x\", \"providers\": [{\"id\": \"a\", \"name\": \"A\", \"country\": \"France\"}]}",
         Err::TOO_MANY, "/providers/0/country", 1},
        {"{\"format\": \"proxinum-catalog\", \"version\": 1, \"name\": \"x\", \"providers\": [{\"id\": \"a\", \"name\": \"A\", \"exposure\": [\"PATRIOT\"]}]}",
         Err::FIELD_VALUE, "/providers/0/exposure/0", 1},
        {"{\"format\": \"proxinum-catalog\", \"version\": 1, \"name\": \"x\", \"providers\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"a\", \"name\": \"B\"}]}",
         Err::DUPLICATE_ID, "/providers/1/id", 1},
        {"{\"format\": \"proxinum-catalog\", \"version\": 1, \"name\": \"x\", \"providers\": [{\"id\": \"A b\", \"name\": \"A\"}]}",
         Err::FIELD_VALUE, "/providers/0/id", 1},
        {"{\"format\": \"proxinum-catalog\", \"version\": 2, \"name\": \"x\", \"providers\": []}", Err::FIELD_VALUE, "/version", 1},
        {"{\"format\": \"geojson\", \"version\": 1}", Err::FIELD_VALUE, "/format", 1},
        {"{\"format\": \"proxinum-catalog\", \"version\": 1, \"name\": \"x\"}", Err::FIELD_MISSING, "/providers", 1},
        {"{\"format\": \"proxinum-catalog\",\n\"version\": 1, \"name\": \"x\", \"providers\": [{\"id\": \"a\", \"name\": \"A\",\n\"hq\": {\"lon\": 1}}]}",
         Err::FIELD_MISSING, "/providers/0/hq/lat", 3},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const px::Result<px::Catalog> r = px::parse_catalog_json(c.text, "bad.json");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == c.code);
        CHECK(r.error().json_pointer == c.pointer);
        CHECK(r.error().where.file == "bad.json");
        CHECK(r.error().where.line == c.line);
    }
}

TEST_CASE("locate_pointer finds where a value starts") {
    const std::string text = "{\"a\": [1, {\"b\": \"x\"}],\n \"c~d\": {\"e/f\": 2}}";
    size_t at = 0;
    REQUIRE(px::locate_pointer(text, "/a/1/b", at));
    CHECK(text.substr(at, 3) == "\"x\"");
    REQUIRE(px::locate_pointer(text, "/c~0d/e~1f", at));
    CHECK(text[at] == '2');
    REQUIRE(px::locate_pointer(text, "/a/1/zz", at));  // missing member: its parent
    CHECK(text[at] == '{');
    REQUIRE(px::locate_pointer(text, "", at));
    CHECK(at == 0);
}

TEST_CASE("locate_pointer on text that stops being JSON never loops (fuzz: summary timeout)") {
    // A reader that stopped early reports a pointer into text that is not JSON further on: the
    // walk once spun through 4·10^8 array indexes on "[}" here.
    size_t at = 0;
    const std::string text = "{\"a\" [} , \"b\": 1";
    px::locate_pointer(text, "/a/400010001", at);
    CHECK(at <= text.size());
    px::locate_pointer("{\"/400010001\"f\r\"\"[\"f\r\"\"[x", "//400010001", at);
    CHECK(at < 40);
}

TEST_CASE("a collectivité's CSV: semicolons, Windows-1252, decimal commas, French headers") {
    // "Catégories" and "Médiation" in Windows-1252 (é = 0xE9).
    const std::string csv = "Nom;Cat\xE9gories;Code INSEE;Longitude;Latitude;Type;Pays du groupe\r\n"
                            "Atelier num\xE9rique;messagerie, site web;79191;;;;FR\r\n"
                            "Caf\xE9 du village;;;-0,4594;46,3239;M\xE9" "diation;\r\n"
                            "\"Web, Gâtine\";h\xE9" "bergement;7202;;;;\r\n";
    const px::CatalogImport r = px::import_catalog(csv, "prestataires.csv", &atlas());
    REQUIRE(r.ok());
    CHECK(r.format == px::CatalogFormat::Csv);
    CHECK(r.catalog.name == "prestataires");
    REQUIRE(r.catalog.providers.size() == 3);
    const px::Provider& a = r.catalog.providers[0];
    CHECK(a.name == "Atelier numérique");
    CHECK(a.id == "atelier-numerique");
    CHECK(a.offers(px::Category::Email));
    CHECK(a.offers(px::Category::Website));
    CHECK(a.hq.insee == "79191");
    CHECK(a.parent_country == "FR");
    CHECK(r.catalog.providers[1].kind == "mediation");
    REQUIRE(r.catalog.providers[1].hq.pos.has_value());
    CHECK(r.catalog.providers[1].hq.pos->lon_deg == doctest::Approx(-0.4594));
    CHECK(r.catalog.providers[2].hq.insee == "07202");  // the spreadsheet ate the leading zero
}

TEST_CASE("a broken CSV reports every bad row, and nothing is imported") {
    const std::string csv = "nom,code_insee,categories\n"
                            "Bon,79191,email\n"
                            "Sans lieu,,email\n"
                            "Commune inconnue,99999,email\n"
                            "Catégorie inconnue,79191,blockchain\n";
    const px::CatalogImport r = px::import_catalog(csv, "p.csv", &atlas());
    REQUIRE(r.errors.size() == 3);
    CHECK(r.errors[0].code == Err::FIELD_MISSING);
    CHECK(r.errors[0].where.line == 3);
    CHECK(r.errors[1].code == Err::COMMUNE_UNKNOWN);
    CHECK(r.errors[1].where.line == 4);
    CHECK(r.errors[1].json_pointer == "code_insee");
    CHECK(r.errors[2].code == Err::FIELD_VALUE);
    CHECK(r.errors[2].json_pointer == "categories");
    CHECK(r.catalog.providers.empty());  // all or nothing
    // A missing column.
    const px::CatalogImport m = px::import_catalog("ville;code_insee\nNiort;79191\n", "m.csv", &atlas());
    REQUIRE(m.errors.size() == 1);
    CHECK(m.errors[0].code == Err::FIELD_MISSING);
    CHECK(m.errors[0].where.line == 1);
    // A million rows: a clear limit, not a frozen page.
    std::string big = "nom;code_insee\n";
    for (int i = 0; i < 1'000'000; ++i) big += "P;79191\n";
    const px::CatalogImport b = px::import_catalog(big, "big.csv", &atlas());
    REQUIRE_FALSE(b.ok());
    CHECK(b.errors.back().code == Err::TOO_MANY);
    CHECK(b.errors.back().detail == std::to_string(px::kCatalogMaxProviders));
    // Bad encoding.
    const px::CatalogImport e = px::import_catalog(std::string("nom;code_insee\nA\x81;79191\n"), "e.csv", &atlas());
    REQUIRE_FALSE(e.ok());
    CHECK(e.errors[0].code == Err::CSV_BAD_BYTE);
    CHECK(e.errors[0].where.has_byte_offset);
}

TEST_CASE("GeoJSON points from uMap or QGIS") {
    const char* text = R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-0.46, 46.32]},
       "properties": {"name": "Atelier", "categories": ["email", "website"]}},
      {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-0.5, 46.4]},
       "properties": {"nom": "Café", "type": "médiation"}}]})";
    const px::CatalogImport r = px::import_catalog(text, "carte.geojson", &atlas());
    REQUIRE(r.ok());
    CHECK(r.format == px::CatalogFormat::GeoJson);
    REQUIRE(r.catalog.providers.size() == 2);
    CHECK(r.catalog.providers[0].offers(px::Category::Website));
    CHECK(r.catalog.providers[1].kind == "mediation");
    const char* bad = "{\"type\": \"FeatureCollection\", \"features\": [\n{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [200, 46]}, \"properties\": {\"name\": \"X\"}}]}";
    const px::CatalogImport rb = px::import_catalog(bad, "b.geojson", &atlas());
    REQUIRE(rb.errors.size() == 1);
    CHECK(rb.errors[0].code == Err::GEO_BAD_COORDINATE);
    CHECK(rb.errors[0].where.line == 2);
    CHECK(rb.errors[0].json_pointer == "/features/0/geometry/coordinates");
}

TEST_CASE("several catalogs merge; the first wins an id; re-importing replaces") {
    px::Catalogs all;
    px::Catalog a, b;
    REQUIRE(px::parse_catalog_json(kGood, "a.json").get(a) == Err::OK);
    b = a;
    b.name = "Autre";
    b.providers[0].name = "Autre atelier";
    all.add(a);
    all.add(b);
    CHECK(all.list().size() == 2);
    CHECK(all.find("atelier")->name == "Atelier numérique");
    CHECK(all.provider_count() == 4);
    all.add(a);  // same name: replaced, not doubled
    CHECK(all.list().size() == 2);
    CHECK(all.remove("Autre"));
    CHECK(all.find_product("messagerie atelier", nullptr) != nullptr);
}

TEST_CASE("a workspace round-trips and a bad one is refused whole") {
    const char* text = R"({"format": "proxinum-workspace", "version": 1,
      "organisation": {"name": "Mairie", "kind": "commune", "insee": "79191"},
      "services": [{"category": "email", "product": "Gmail", "provider": "google", "personal_data": true,
                    "users": 12, "yearly_cost_eur": 720.5, "hosting": "IE", "sobriety": null}],
      "weights": {"proximity": 30, "sovereignty": 30, "openness": 20, "sobriety": 10, "accessibility": 10},
      "alternatives_km": 50})";
    px::Workspace ws;
    REQUIRE(px::parse_workspace_json(text, "w.json").get(ws) == Err::OK);
    CHECK(ws.organisation.kind == px::OrgKind::Commune);
    REQUIRE(ws.services.size() == 1);
    CHECK(ws.services[0].personal_data == true);
    CHECK_FALSE(ws.services[0].open_source.has_value());
    CHECK(ws.services[0].yearly_cost_eur == 720.5);
    CHECK(ws.weights[0] == 30);
    CHECK(ws.alternatives_km == 50);
    px::Workspace again;
    REQUIRE(px::parse_workspace_json(px::write_workspace_json(ws), "again.json").get(again) == Err::OK);
    CHECK(px::write_workspace_json(again) == px::write_workspace_json(ws));

    const px::Result<px::Workspace> v = px::parse_workspace_json(R"({"format": "proxinum-workspace", "version": 7})", "v.json");
    CHECK(v.error().code == Err::WORKSPACE_VERSION);
    const px::Result<px::Workspace> s = px::parse_workspace_json(
        "{\"format\": \"proxinum-workspace\", \"version\": 1,\n\"services\": [{\"category\": \"email\",\n \"users\": -3}]}", "s.json");
    CHECK(s.error().code == Err::FIELD_VALUE);
    CHECK(s.error().json_pointer == "/services/0/users");
    CHECK(s.error().where.line == 3);
    // References: an unknown provider id and an unknown commune are errors with their place.
    px::Catalogs none;
    px::Workspace bad = ws;
    bad.services[0].provider = "nobody";
    CHECK(px::check_references(bad, none, &atlas(), {}, "w.json").code == Err::CATALOG_UNKNOWN_PROVIDER);
    bad = ws;
    bad.services[0].provider.clear();
    bad.organisation.insee = "99999";
    const px::Error e = px::check_references(bad, none, &atlas(), {}, "w.json");
    CHECK(e.code == Err::COMMUNE_UNKNOWN);
    CHECK(e.json_pointer == "/organisation/insee");
}
