// scoring.h — the diagnostic's score: five axes from 0 to 100, one weighted score, an A–G label,
// every point explained, unknowns kept apart, and ranked alternatives. The method (rules, scales,
// weights, sources, and what the project changed from ../shared/research) is web/methode.html;
// each axis's rules live in src/core/scoring/<axis>.cpp with their reference on top.
//
//   px::Catalogs cats;  cats.add(px::builtin_catalog());           // + the workspace's catalogs
//   px::Report r = px::score_workspace(ws, cats, &atlas, px::Lang::Fr);
//   if (r.score_known) printf("%.0f–%.0f %c\n", r.score, r.score_max, r.grade);  // "14–62 G"
//   for (const px::Contribution& c : r.contributions) puts(c.reason.c_str());
//   std::string json = px::report_json(r);                          // what `proxinum score` prints
//
// The arithmetic, in one paragraph (method version 2): every service has, on every axis, a value
// or an interval [low, high] where facts are missing. An axis is the weighted mean of its
// services (weight 1, or on proximity the service's use: 1 + log2 of its users, 1 to 7, an
// interval when users are not given); its floor takes every unknown at its pessimistic bound and
// every unknown weight against the organisation (core/diagnostic/bounds.h), its ceiling the
// opposite. The score's floor is Σ W_a·floor_a / Σ W_a over the weighted axes (W: the user's
// weights), and the A–G label comes from the floor, so an unknown never improves a label. Each
// contribution moves the floor by −w·(100 − low)/Σw. known_share = the share of Σ W_a over
// (service, axis) pairs that are known. Grades: A ≥ 80, B ≥ 70, C ≥ 60, D ≥ 50, E ≥ 40,
// F ≥ 30, G below. Alternatives: bounds.h's one rule, among providers that share the service's
// job and serve the organisation's kind.
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

constexpr const char* kMethodVersion = "2";
constexpr size_t kAlternativesPerService = 5;  // sure ones; as many again "à vérifier"

// Where an input came from: the user, a catalog's facts, or the method's default.
enum class Provenance : uint8_t { Declared, Catalog, Default, Unknown };
const char* provenance_label(Provenance p, Lang lang);  // "déclaré", "fiche fournisseur"…

struct Contribution {
    Axis axis = Axis::Proximity;
    int32_t service = -1;   // index into Workspace::services
    bool known = false;     // false: an interval; its floor counts, and it is listed "à documenter"
    double value = 0;       // the service's value on the axis, 0–100 (= low = high when known)
    double low = 0, high = 100;
    double weight = 1;      // the service's weight in the axis's floor (its use, on proximity)
    double points = 0;      // signed change of the axis's floor (≤ 0): −weight·(100 − low)/Σweight
    Provenance provenance = Provenance::Unknown;
    std::string reason;     // "Messagerie : Gmail — Google LLC, Mountain View (États-Unis)…"
    std::string source;     // URL of the fact behind it, or ""
};

struct AxisResult {
    bool known = false;      // true when there is a service to score (score is then the floor)
    bool complete = false;   // every service known on this axis (floor = ceiling)
    double score = 0;        // the floor: unknowns at their pessimistic bound, 0–100
    double ceiling = 0;      // unknowns at their optimistic bound
    double weight = 0;       // the user's weight, normalised to sum 100 over all axes
    size_t services_known = 0;
};

// How the job of a service was found (scoring resolves it; jobs.h lists them).
enum class JobFrom : uint8_t { None, Declared, Product, Provider };

// Facts worth saying about an alternative in its one-line reason.
enum AlternativeFact : uint16_t {
    kAltHostedFr = 1u << 0, kAltHostedEu = 1u << 1, kAltNoExtraEuLaw = 1u << 2, kAltOpenSource = 1u << 3,
    kAltChatons = 1u << 4, kAltEss = 1u << 5, kAltHqFrance = 1u << 6, kAltSoftware = 1u << 7,
    kAltUsLaw = 1u << 8, kAltCnLaw = 1u << 9,
};

struct Alternative {
    int32_t service = -1;   // the service it replaces
    std::string provider, name, product, catalog;
    int32_t job = -1;       // the job it shares with the service (jobs.h index)
    bool to_check = false;  // "à vérifier": its gain rests on unknowns (check_* say which)
    bool distance_known = false;
    double distance_km = 0;
    bool gain_known = true;
    double gain = 0;        // what is shown and ranked: the sure gain, or for one to check the
                            // gain floor against floor
    double gain_sure = 0;   // what holds whatever the current service's unknowns (≥ 10: sure)
    double gain_max = 0;    // the most the change could bring, every unknown in its favour
    double value = 0;       // the candidate's value, floor, 0–100
    double value_max = 0;   // its ceiling
    int main_axis = -1;     // the axis that brings most of the gain, -1 none
    uint8_t check_candidate = 0, check_current = 0;  // axis bits to check (bounds.h)
    uint16_t facts = 0;     // AlternativeFact bits
    bool placed = false;
    geo::LonLat pos;
};
// "Même usage : messagerie et agenda ; hébergé en France ; +18 points, surtout souveraineté".
std::string alternative_reason(const Alternative& a, Lang lang);

struct ServiceSummary {    // one line per service, for the UI and the map
    std::string title;     // "Messagerie : Gmail (Google)"
    bool value_known = false;  // true: value is the floor over the weighted axes
    double value = 0;      // floor, 0–100
    double value_max = 0;  // ceiling
    int32_t job = -1;      // jobs.h index, -1 when it cannot be told (then no alternative)
    JobFrom job_from = JobFrom::None;
    Jurisdiction jurisdiction = Jurisdiction::Unknown;
    bool placed = false;
    geo::LonLat pos;       // the provider's place
    bool distance_known = false;
    double distance_km = 0;
};

struct Report {
    std::array<AxisResult, kAxisCount> axes{};
    bool score_known = false;  // there is at least one service
    double score = 0;          // the floor: Σ W_a floor_a / Σ W; the label comes from it
    double score_max = 0;      // the ceiling
    char grade = '?';          // 'A'…'G' from the floor, '?' when nothing is scored
    double known_share = 0;    // 0–1: the share of the weight whose value is known
    bool organisation_placed = false;
    geo::LonLat organisation_pos;
    std::vector<ServiceSummary> services;
    std::vector<Contribution> contributions;
    std::vector<Alternative> alternatives;  // per service: the sure ones by gain, then those to check
};

// The workspace's own catalogs are searched after `catalogs` (pass the built-in facts there).
// `alternatives` false skips them (property tests score thousands of workspaces).
Report score_workspace(const Workspace& ws, const Catalogs& catalogs, const Atlas* atlas, Lang lang,
                       bool alternatives = true);
// The job a service does: its own "job", else its product's (the one in the service's category
// first), else its provider's only job in that category; -1 when none can be told.
int32_t service_job(const Service& s, const Provider* p, JobFrom* from);
char grade_for(double score);
// The energy-label colour of a grade as 0xRRGGBB, A dark green → G red; grey for '?'. The UI,
// the audit's Ecoindex badge and the printed report use it.
uint32_t grade_rgb(char grade);
std::string report_json(const Report& r, const Workspace& ws, Lang lang);  // the CLI's output
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
