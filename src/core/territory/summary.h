// summary.h — anonymous summaries and the observatory built from them.
//
// An organisation exports a summary of its diagnostic, its self-assessment and its equipment
// footprint; a collectivité imports many and gets indicators per commune, EPCI, département and
// for all, without a server and without personal data.
//
//   px::Summary s = px::make_summary(ws, report, uid, 2026);     // numbers and codes only
//   std::string text = px::write_summary_json(s);
//   px::Aggregator agg(atlas);
//   for (file…) agg.add(text, name);        // each file whole or not at all; the others go on
//   px::Aggregate a = agg.finish(5);        // areas with fewer than 5 contributions masked
//
// What a summary holds, and nothing else (the reader refuses any other field):
//   {"format": "proxinum-summary", "version": 1, "uid": "32 hex digits, random", "year": 2026,
//    "insee": "86066", "kind": "commune",
//    "diagnostic": {"score": 41.5, "services": 9, "jurisdictions": {"fr": 2, "eu": 1, "us": 5,
//                   "other": 0, "unknown": 1}} | null,
//    "territory": {"levels": [45 × 0–4 or null], "overall": 37.5} | null,
//    "footprint": {"devices": 120, "kg_per_year": 3456.78} | null}
// No name, no free text, no provider or product: results at category level, place at commune
// level. The uid is random, made once per workspace, only to spot the same file counted twice.
// Totals are checked on reading: the jurisdictions must add up to the services, the overall must
// be the grid's score of the levels; a file that disagrees was edited and is refused.
//
// Small counts: an area with fewer than k contributions (k = 5) is never shown; its
// contributions count only in the areas above it. So that no masked area can be recovered by
// subtraction, an area's contributions not covered by shown areas below it must be 0 or ≥ k;
// otherwise the smallest shown area below it is masked too (with everything under it), until
// they are. Areas are processed from the smallest up.
#pragma once

#include <array>        // std::array
#include <cstdint>      // uint32_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <unordered_map>  // std::unordered_map
#include <vector>       // std::vector

#include "core/atlas.h"       // px::Atlas
#include "core/errors.h"      // px::Error
#include "core/map_overlay.h"  // px::Jurisdiction
#include "core/workspace.h"   // px::Workspace, px::OrgKind

namespace px {

struct Report;
struct Grid;

constexpr size_t kSummaryMaxBytes = 16 * 1024;
constexpr size_t kAggregateMaxFiles = 1000000;
constexpr int kMaskThreshold = 5;
constexpr size_t kJurisdictionCount = static_cast<size_t>(Jurisdiction::COUNT);

struct Summary {
    std::string uid;  // 32 lowercase hex digits
    int year = 0;
    std::string insee;
    OrgKind kind = OrgKind::Other;
    bool has_diagnostic = false;
    bool diagnostic_score_known = false;
    double diagnostic_score = 0;
    uint32_t services = 0;
    std::array<uint32_t, kJurisdictionCount> jurisdictions{};
    bool has_territory = false;
    std::vector<int8_t> levels;  // one per grid sub, -1 unanswered
    bool territory_known = false;
    double territory_overall = 0;
    bool has_footprint = false;
    double devices = 0, footprint_kg = 0;
};

// The workspace's summary: its latest assessment of `year` or before (none: no territory part),
// its fleet, and the report's services by jurisdiction. `report` may be null (no diagnostic).
Summary make_summary(const Workspace& ws, const Report* report, const std::string& uid, int year);
std::string write_summary_json(const Summary& s);
// Checks everything but the commune (the aggregator checks it against the atlas).
Result<Summary> parse_summary_json(std::string_view text, const std::string& file);
bool is_uid(std::string_view s);
// A new uid: 32 hex digits from std::random_device (crypto.getRandomValues in the browser).
std::string random_uid();

enum class AreaLevel : uint8_t { All, Departement, Epci, Commune };
const char* area_level_code(AreaLevel l);  // "all", "departement", "epci", "commune"

struct AreaStats {
    uint32_t count = 0;
    uint32_t diagnostic_count = 0;  // with a known diagnostic score
    double diagnostic_sum = 0;
    double services = 0;
    std::array<double, kJurisdictionCount> jurisdictions{};
    uint32_t territory_count = 0;   // with a known overall
    double territory_sum = 0;
    std::array<double, 5> levels{};  // answered sub-commitments per maturity level
    uint32_t footprint_count = 0;
    double footprint_kg = 0, devices = 0;
};

struct Area {
    AreaLevel level = AreaLevel::All;
    std::string code, name;  // INSEE, SIREN or département code; "" for All
    geo::LonLat pos;         // mean of its placed communes' positions
    bool placed = false;
    AreaStats stats;
};

struct Aggregate {
    uint32_t contributions = 0;
    int threshold = kMaskThreshold;
    std::vector<Area> areas;  // shown areas only: All first, then départements, EPCI, communes
    std::array<uint32_t, 4> masked_areas{};  // by AreaLevel: areas with contributions not shown
    uint32_t masked_secondary = 0;           // of which masked only to protect another
    // For the map: commune index → index in `areas` of the smallest shown area holding it, or -1.
    std::vector<int32_t> commune_area;
};

class Aggregator {
public:
    explicit Aggregator(const Atlas& atlas) : atlas_(atlas) {}
    // Reads one file; on error nothing of it is kept, and the error names the file.
    Error add(std::string_view text, const std::string& file);
    size_t accepted() const { return rows_.size(); }
    Aggregate finish(int threshold = kMaskThreshold) const;

private:
    struct Row {
        uint32_t commune;
        Summary s;
    };
    const Atlas& atlas_;
    std::vector<Row> rows_;
    std::unordered_map<std::string, std::string> uid_files_;  // uid → the file that brought it
};

std::string aggregate_json(const Aggregate& a, const std::vector<std::pair<std::string, Error>>& refused, Lang lang);
std::string aggregate_csv(const Aggregate& a);
std::string aggregate_geojson(const Aggregate& a);

}  // namespace px
