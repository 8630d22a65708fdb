// scoring.h — the diagnostic's score: five axes from 0 to 100, one weighted score, an A–G label,
// every point explained, unknowns kept apart, and ranked alternatives. The method (rules, scales,
// weights, sources, and what the project changed from ../shared/research) is web/methode.html;
// each axis's rules live in src/core/scoring/<axis>.cpp with their reference on top.
//
//   px::Catalogs cats;  cats.add(px::builtin_catalog());           // + the workspace's catalogs
//   px::Report r = px::score_workspace(ws, cats, &atlas, px::Lang::Fr);
//   if (r.score_known) printf("%.0f %c\n", r.score, r.grade);       // "27 G"
//   for (const px::Contribution& c : r.contributions) puts(c.reason.c_str());
//   std::string json = px::report_json(r);                          // what `proxinum score` prints
//
// The arithmetic, in one paragraph: a service counts on an axis only when every input of that
// axis is known; its value s (0–100) moves the axis by −w·(100 − s)/Σw (w = 2 for a service with
// personal data, else 1; Σw over the services known on that axis), so an axis is 100 plus its
// contributions. The score is Σ W_a·axis_a / Σ W_a over the axes that are known (W: the user's
// weights). Confidence = known (service, axis) pairs / all pairs. Grades: A ≥ 80, B ≥ 70, C ≥ 60,
// D ≥ 50, E ≥ 40, F ≥ 30, G below.
// Does NOT read files and does NOT know the UI: the UI shows a Report, it never computes one.
#pragma once

#include <array>    // std::array
#include <cstdint>  // int32_t
#include <string>   // std::string
#include <vector>   // std::vector

#include "core/atlas.h"      // px::Atlas
#include "core/catalog.h"    // px::Catalogs
#include "core/map_overlay.h"  // px::Jurisdiction, px::MapOverlay
#include "core/workspace.h"  // px::Workspace, px::Axis

namespace px {

constexpr const char* kMethodVersion = "1";
constexpr size_t kAlternativesPerService = 5;

// Where an input came from: the user, a catalog's facts, or the method's default.
enum class Provenance : uint8_t { Declared, Catalog, Default, Unknown };
const char* provenance_label(Provenance p, Lang lang);  // "déclaré", "fiche fournisseur"…

struct Contribution {
    Axis axis = Axis::Proximity;
    int32_t service = -1;   // index into Workspace::services, -1 for the whole organisation
    bool known = false;     // false: listed as "à documenter", moves nothing
    double value = 0;       // the service's value on the axis, 0–100 (when known)
    double points = 0;      // signed change of the axis (≤ 0), when known
    Provenance provenance = Provenance::Unknown;
    std::string reason;     // "Messagerie : Gmail — Google LLC, Mountain View (États-Unis)…"
    std::string source;     // URL of the fact behind it, or ""
};

struct AxisResult {
    bool known = false;
    double score = 0;        // 0–100 when known
    double weight = 0;       // the user's weight, normalised to sum 100 over all axes
    size_t services_known = 0;
};

struct Alternative {
    int32_t service = -1;   // the service it replaces
    std::string provider, name, catalog;
    bool distance_known = false;
    double distance_km = 0;
    bool gain_known = false;
    double gain = 0;        // candidate's service value − current one (weighted over axes)
    double value = 0;       // candidate's service value, 0–100
    bool placed = false;
    geo::LonLat pos;
};

struct ServiceSummary {    // one line per service, for the UI and the map
    std::string title;     // "Messagerie : Gmail (Google)"
    bool value_known = false;
    double value = 0;      // weighted over the axes known for it
    Jurisdiction jurisdiction = Jurisdiction::Unknown;
    bool placed = false;
    geo::LonLat pos;       // the provider's place
    bool distance_known = false;
    double distance_km = 0;
};

struct Report {
    std::array<AxisResult, kAxisCount> axes{};
    bool score_known = false;
    double score = 0;
    char grade = '?';        // 'A'…'G', '?' when no axis is known
    double confidence = 0;   // 0–1
    bool organisation_placed = false;
    geo::LonLat organisation_pos;
    std::vector<ServiceSummary> services;
    std::vector<Contribution> contributions;
    std::vector<Alternative> alternatives;
};

// The workspace's own catalogs are searched after `catalogs` (pass the built-in facts there).
Report score_workspace(const Workspace& ws, const Catalogs& catalogs, const Atlas* atlas, Lang lang);
char grade_for(double score);
// The energy-label colour of a grade as 0xRRGGBB, A dark green → G red; grey for '?'. The UI,
// the audit's Ecoindex badge and the printed report use it.
uint32_t grade_rgb(char grade);
std::string report_json(const Report& r, const Workspace& ws);  // the CLI's output
// Flows from the organisation to each placed provider, coloured by jurisdiction, and the
// alternatives as markers: what the map draws for the diagnostic.
MapOverlay report_overlay(const Report& r);
// Adds a marker for every placed provider, place of mediation or initiative of the workspace's own
// catalogs (a collectivité's actors on the map), unless one with its name is already there.
void add_catalog_markers(const Workspace& ws, const Atlas* atlas, MapOverlay& overlay);

// The jurisdiction a provider answers to (its ultimate parent's country, else its own), and where
// its head office is on the map (its commune, else its GeoNames place); shared with the web audit.
Jurisdiction provider_jurisdiction(const Provider* p);
std::optional<geo::LonLat> provider_position(const Provider* p, const Atlas* atlas);

}  // namespace px
