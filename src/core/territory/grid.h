// grid.h — the self-assessment grid of the "Manifeste pour des territoires numériques
// responsables" (AdCF, France urbaine, Les Interconnectés, 2021): 3 ambitions, 9 commitments,
// 45 sub-commitments, each with five maturity levels (0 not engaged … 4 evaluated, shared and
// exemplary) described concretely, an evidence note and, where one fits, a measurable indicator.
// The text is the project's paraphrase (data/territory/grid.json, French and English), checked
// at build time by tools/territory/compile_territory.cpp.
//
// The structure (ids, indicators) is always there: reading workspaces, assessments and summaries
// needs nothing else. The words (87 KB) are loaded apart: the native build links them
// (assets/territory_texts.cpp) and they load on first use; the web app fetches territoire.json
// after its first picture and hands it to load_territory_texts — they are not part of its first
// load. Until then every text is empty and territory_texts_loaded() is false.
//
//   const px::Grid& g = px::territory_grid();          // parsed once, on first use
//   g.commitments[0].subs[0].levels[3].in(px::Lang::Fr);
//   int s = g.find_sub("5.2");                          // flat index 0–44, or -1
//   std::string json = px::grid_json(g, px::Lang::Fr);  // what `proxinum territory grid` prints
//
// Does NOT score: assessment.h does.
#pragma once

#include <array>        // std::array
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "core/errors.h"  // px::Error
#include "core/i18n.h"    // px::Lang

namespace px {

constexpr int kMaturityLevels = 5;  // 0 to 4

struct Text2 {
    std::string fr, en;
    const std::string& in(Lang lang) const { return lang == Lang::En ? en : fr; }
};

struct GridIndicator {
    std::string id;     // "refurbished_share"
    Text2 title;
    std::string unit;   // "%", "bool", "count", "per10k", "years"
    bool higher_is_better = true;
};

struct GridSub {
    std::string id;  // "5.2"
    Text2 title;
    std::array<Text2, kMaturityLevels> levels;
    Text2 evidence;
    std::optional<GridIndicator> indicator;
    size_t commitment = 0;  // index into Grid::commitments
};

struct GridCommitment {
    std::string id;  // "5"
    Text2 title, summary;
    size_t ambition = 0;           // index into Grid::ambitions
    size_t first_sub = 0, sub_count = 0;  // in Grid::subs
};

struct GridAmbition {
    std::string id;  // "A2"
    Text2 title, summary;
    std::vector<size_t> commitments;
};

struct Grid {
    std::string source_title, source_authors, source_date, source_url;
    std::array<Text2, kMaturityLevels> scale;  // "Non engagé" … "Évalué, partagé et exemplaire"
    std::vector<GridAmbition> ambitions;
    std::vector<GridCommitment> commitments;
    std::vector<GridSub> subs;  // every sub-commitment, in order: the flat index used everywhere
    int find_sub(std::string_view id) const;
    int find_commitment(std::string_view id) const;
    const GridIndicator* find_indicator(std::string_view id) const;
};

const Grid& territory_grid();
bool territory_texts_loaded();
// The whole grid as compile_territory wrote it (territoire.json): its ids must be the
// structure's. All or nothing; the error names `file`.
Error load_territory_texts(std::string_view json, const std::string& file);
std::string grid_json(const Grid& g, Lang lang);

}  // namespace px
