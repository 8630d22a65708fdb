// workspace.h — what a user builds in Proxinum and saves: their organisation, the inventory of the
// digital services it uses, the score weights they chose and the catalogs they imported.
//
//   px::Workspace ws;
//   if (px::parse_workspace_json(text, "atelier.json").get(ws) != px::Err::OK) ... // all-or-nothing
//   ws.services.push_back(px::Service{});              // then score it: scoring.h
//   std::string saved = px::write_workspace_json(ws);  // parse(write(ws)) gives ws back
//
// JSON form (docs/formats.md, "proxinum-workspace" version 1):
//   {"format": "proxinum-workspace", "version": 1,
//    "organisation": {"name": "Boulangerie Martin", "kind": "tpe", "insee": "79191"},
//    "services": [{"category": "email", "product": "Gmail", "provider": "google", "job": "mailbox",
//                  "hosting": "US", "personal_data": true, "users": 3, "yearly_cost_eur": 0,
//                  "open_source": null, "open_formats": null, "export": null, "secnumcloud": null,
//                  "assisted_channel": null, "accessibility_statement": null, "sobriety": null}],
//    "weights": {"proximity": 20, "sovereignty": 20, "openness": 20, "sobriety": 20, "accessibility": 20},
//    "alternatives_km": 50, "catalogs": [ …proxinum-catalog objects the user imported… ],
//    "uid": "…32 hex…", "assessments": [ {"year": 2026, "levels": {…}, …} ],   (since version 2)
//    "fleet": {"items": [ {"kind": "laptop", "count": 40, …} ]}}                (since version 2)
// null or absent means "not known": the score shows it as unknown, never as good or bad.
// Version 1 files are read as version 2 without territory data; they are written as version 2.
// Does NOT score (scoring.h, territory/assessment.h).
#pragma once

#include <array>     // std::array
#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

#include "core/catalog.h"  // px::Category, px::Catalog
#include "core/errors.h"   // px::Result
#include "core/territory/assessment.h"  // px::Assessment
#include "core/territory/footprint.h"   // px::Fleet

namespace px {

constexpr int kWorkspaceVersion = 2;     // 1: no territory (read, and migrated on reading)
constexpr size_t kWorkspaceMaxAssessments = 50;
constexpr size_t kWorkspaceMaxServices = 500;
constexpr size_t kWorkspaceMaxCatalogs = 20;

enum class OrgKind : uint8_t { Tpe, Association, Commune, Epci, Departement, Other, COUNT };
const char* org_kind_code(OrgKind k);               // "tpe"
const char* org_kind_label(OrgKind k, Lang lang);   // "TPE / commerce"
bool org_kind_from_code(std::string_view code, OrgKind& out);

struct Organisation {
    std::string name;
    OrgKind kind = OrgKind::Tpe;
    std::string insee;  // its commune, placed through the atlas; "" unknown
};

struct Service {
    Category category = Category::Other;
    std::string product;      // "Gmail"
    std::string provider;     // a provider id from the loaded catalogs ("google"), or ""
    std::string provider_name;  // free text when the provider is in no catalog
    std::string job;          // what it does, a job code ("mailbox"); "" = from its product (scoring.h)
    std::string hosting;      // country where its data is hosted, ISO alpha-2; "" = ask the catalog
    std::optional<bool> personal_data, open_source, open_formats, export_data, secnumcloud;
    std::optional<bool> assisted_channel, accessibility_statement;
    std::optional<double> users, yearly_cost_eur;
    std::optional<double> sobriety;  // declared 0–100 (e.g. the site's Ecoindex); else the category default
};

enum class Axis : uint8_t { Proximity, Sovereignty, Openness, Sobriety, Accessibility, COUNT };
constexpr size_t kAxisCount = static_cast<size_t>(Axis::COUNT);
const char* axis_code(Axis a);              // "proximity"
const char* axis_label(Axis a, Lang lang);  // "Proximité et économie locale"

struct Workspace {
    Organisation organisation;
    std::vector<Service> services;
    std::array<double, kAxisCount> weights{{20, 20, 20, 20, 20}};  // relative, ≥ 0
    double alternatives_km = 0;       // only alternatives within this distance; 0 = any
    std::vector<Catalog> catalogs;    // imported by the user, saved with the workspace
    // Since version 2: the territory lens.
    std::string uid;                       // 32 random hex digits, made once; "" until a summary needs it
    std::vector<Assessment> assessments;   // self-assessments, one per year, sorted by year
    Fleet fleet;                           // equipment, for the footprint
};

Result<Workspace> parse_workspace_json(std::string_view text, const std::string& file);
std::string write_workspace_json(const Workspace& ws);

// After parsing: every service's provider id is in `catalogs` or the workspace's own catalogs,
// and the organisation's INSEE code is in the atlas (when one is given). `text`/`file` place the
// error (CATALOG_UNKNOWN_PROVIDER at /services/N/provider, COMMUNE_UNKNOWN at /organisation/insee).
struct Atlas;
Error check_references(const Workspace& ws, const Catalogs& catalogs, const Atlas* atlas, std::string_view text,
                       const std::string& file);

}  // namespace px
