// assessment.h — a collectivité's self-assessment against the manifesto grid (grid.h), its
// scores, strengths, gaps, action plan, and the comparison of two years.
//
//   px::Assessment a;                                   // levels[i] for grid.subs[i]; -1 unanswered
//   px::parse_assessment_json(text, "2026.json").get(a);   // all-or-nothing
//   px::TerritoryScore s = px::score_assessment(px::territory_grid(), a);
//   if (s.known) printf("%.0f / 100\n", s.overall);
//
// Scoring (equal weights, as the manifesto sets no quantitative target):
//   commitment = mean of its ANSWERED sub-commitments' levels / 4 × 100; unknown when none is
//   answered (never counted as 0); ambition = mean of its known commitments; overall = mean of the
//   known ambitions. Coverage (answered / 45) is reported beside every score.
//   Strengths: the (up to 3) best known commitments scoring ≥ 50; gaps: the (up to 3) weakest
//   scoring < 50. Action plan: for the 3 weakest known commitments (ties: grid order), every
//   sub-commitment below level 4, lowest level first, with the text of the next level to reach;
//   their unanswered sub-commitments come first, as "to assess".
// JSON form ("proxinum-assessment" version 1, docs/formats.md):
//   {"format": "proxinum-assessment", "version": 1, "year": 2026,
//    "levels": {"1.1": 2, "5.2": 3}, "indicators": {"refurbished_share": 20}, "notes": {"1.1": "…"}}
// Notes are free text: kept in the workspace, never in an anonymous summary (summary.h).
#pragma once

#include <array>     // std::array
#include <cstdint>   // int8_t
#include <map>       // std::map
#include <string>    // std::string
#include <vector>    // std::vector

#include <nlohmann/json.hpp>

#include "core/errors.h"          // px::Result
#include "core/territory/grid.h"  // px::Grid

namespace px {

class JsonFields;

constexpr int kYearMin = 2000, kYearMax = 2100;
constexpr size_t kNoteMaxBytes = 2000;

struct Assessment {
    int year = 0;
    std::vector<int8_t> levels;                 // one per grid sub, -1 = not answered
    std::map<std::string, double> indicators;   // indicator id → value (bool as 0/1)
    std::map<std::string, std::string> notes;   // sub id → free text
    void reset(const Grid& g) { levels.assign(g.subs.size(), -1); }
};

// Reads the assessment object at `at` (all of it or nothing) into `out`.
bool read_assessment(JsonFields& f, const nlohmann::json& v, const std::string& at, const Grid& g, Assessment& out);
nlohmann::json assessment_to_json(const Assessment& a, const Grid& g);  // without format/version
Result<Assessment> parse_assessment_json(std::string_view text, const std::string& file);
std::string write_assessment_json(const Assessment& a);

struct ScorePart {
    bool known = false;
    double score = 0;  // 0–100
    size_t answered = 0, total = 0;
};

struct PlanStep {
    size_t commitment = 0;  // index into grid.commitments
    size_t sub = 0;         // flat index into grid.subs
    int from = -1;          // current level, -1 unanswered ("to assess")
    int to = 0;             // level to reach, -1 when unanswered (assess it first)
};

struct TerritoryScore {
    std::vector<ScorePart> commitments;  // one per grid commitment
    std::vector<ScorePart> ambitions;    // one per grid ambition
    ScorePart overall;
    std::vector<size_t> strengths, gaps;  // commitment indices
    std::vector<PlanStep> plan;
    std::array<size_t, kMaturityLevels> distribution{};  // answered sub-commitments per level
};

TerritoryScore score_assessment(const Grid& g, const Assessment& a);
// Only the overall score of grid.subs.size() levels (-1 unanswered), without allocating: what a
// summary's reader checks 100,000 times. False when no sub-commitment is answered.
bool overall_score(const Grid& g, const int8_t* levels, double& out);
nlohmann::json territory_score_to_json(const Grid& g, const Assessment& a, const TerritoryScore& s, Lang lang);

struct Comparison {
    std::vector<std::pair<ScorePart, ScorePart>> commitments;  // before, after
    std::pair<ScorePart, ScorePart> overall;
    struct Change {
        size_t sub = 0;
        int from = -1, to = -1;
    };
    std::vector<Change> changes;  // sub-commitments whose level changed
};
Comparison compare_assessments(const Grid& g, const Assessment& before, const Assessment& after);
nlohmann::json comparison_to_json(const Grid& g, const Assessment& before, const Assessment& after,
                                  const Comparison& c, Lang lang);

}  // namespace px
