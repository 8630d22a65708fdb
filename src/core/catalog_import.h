// catalog_import.h — a catalog file in any of the forms users keep: Proxinum's JSON, a
// spreadsheet export (CSV: ';' or ',', decimal comma, UTF-8 or Windows-1252) or GeoJSON points
// (uMap, QGIS), turned into one Catalog, all or nothing.
//
//   px::CatalogImport r = px::import_catalog(bytes, "prestataires.csv", &atlas);
//   if (!r.ok()) for (const px::Error& e : r.errors) show(e);   // every bad row, with its line
//   else catalogs.add(std::move(r.catalog));                    // nothing changes on failure
//
// CSV and GeoJSON properties use these column names (case, accents, spaces and '_' ignored;
// French first, English accepted) — docs/formats.md has the full table and a sample:
//   nom|name (required) · id · type|kind (prestataire, médiation, initiative) ·
//   categories (codes or French names, separated by ',' '|' or '/') · code_insee|insee ·
//   ville|city · pays|country (ISO alpha-2) · longitude|lon · latitude|lat · site|website ·
//   groupe|parent · pays_groupe|parent_country · hebergement|hosting (ISO codes) ·
//   secnumcloud (oui/non) · labels (chatons, ess, open_source_publisher, numerique_responsable) ·
//   usages|jobs (job codes of data/diagnostic/jobs.json: mailbox, web_hosting…)
// A row needs a name and a place (an INSEE code in the atlas, or a longitude and latitude).
// Does NOT merge (catalog.h's Catalogs does) and does NOT fetch anything.
#pragma once

#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "core/catalog.h"  // px::Catalog
#include "core/errors.h"   // px::Error

namespace px {

constexpr size_t kImportMaxBytes = size_t{32} << 20;  // 32 MiB

struct Atlas;

enum class CatalogFormat { Json, Csv, GeoJson };

struct CatalogImport {
    Catalog catalog;
    CatalogFormat format = CatalogFormat::Json;
    std::vector<Error> errors;  // every bad row (CSV, GeoJSON), or the first error (JSON)
    bool ok() const { return errors.empty(); }
};

// `atlas` (may be null) checks INSEE codes. The catalog is named after the file unless its JSON
// gives a name.
CatalogImport import_catalog(std::string_view bytes, const std::string& file, const Atlas* atlas);

}  // namespace px
