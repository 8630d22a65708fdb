// grid.cpp — parses the grid compiled into the program (territory_data.h) into px::Grid, and
// writes it back as the CLI's JSON. The compiler checked it; this only trusts its shape.
#include "core/territory/grid.h"

#include <nlohmann/json.hpp>

#include "core/territory/territory_data.h"  // kTerritoryGridJson

namespace px {

namespace {
using Json = nlohmann::json;

Text2 text2(const Json& v) { return Text2{v.value("fr", ""), v.value("en", "")}; }

Grid parse_grid() {
    Grid g;
    const Json doc = Json::parse(kTerritoryGridJson, kTerritoryGridJson + kTerritoryGridJsonSize, nullptr, false);
    if (doc.is_discarded()) return g;  // cannot happen: compile_territory wrote it
    const Json& src = doc["source"];
    g.source_title = src.value("title", "");
    g.source_authors = src.value("authors", "");
    g.source_date = src.value("date", "");
    g.source_url = src.value("url", "");
    for (size_t l = 0; l < kMaturityLevels && l < doc["scale"].size(); ++l) g.scale[l] = text2(doc["scale"][l]["title"]);
    for (const Json& a : doc["ambitions"]) {
        GridAmbition am{a.value("id", ""), text2(a["title"]), text2(a["summary"]), {}};
        for (const Json& c : a["commitments"]) {
            GridCommitment cm{c.value("id", ""), text2(c["title"]), text2(c["summary"]), g.ambitions.size(),
                              g.subs.size(), 0};
            for (const Json& s : c["subs"]) {
                GridSub sb;
                sb.id = s.value("id", "");
                sb.title = text2(s["title"]);
                for (size_t l = 0; l < kMaturityLevels; ++l) sb.levels[l] = text2(s["levels"][l]);
                sb.evidence = text2(s["evidence"]);
                if (const auto ind = s.find("indicator"); ind != s.end()) {
                    sb.indicator = GridIndicator{ind->value("id", ""), text2((*ind)["title"]), ind->value("unit", ""),
                                                 ind->value("better", "higher") == "higher"};
                }
                sb.commitment = g.commitments.size();
                g.subs.push_back(std::move(sb));
                ++cm.sub_count;
            }
            am.commitments.push_back(g.commitments.size());
            g.commitments.push_back(std::move(cm));
        }
        g.ambitions.push_back(std::move(am));
    }
    return g;
}
}  // namespace

const Grid& territory_grid() {
    static const Grid grid = parse_grid();
    return grid;
}

int Grid::find_sub(std::string_view id) const {
    for (size_t i = 0; i < subs.size(); ++i) {
        if (subs[i].id == id) return static_cast<int>(i);
    }
    return -1;
}

int Grid::find_commitment(std::string_view id) const {
    for (size_t i = 0; i < commitments.size(); ++i) {
        if (commitments[i].id == id) return static_cast<int>(i);
    }
    return -1;
}

const GridIndicator* Grid::find_indicator(std::string_view id) const {
    for (const GridSub& s : subs) {
        if (s.indicator && s.indicator->id == id) return &*s.indicator;
    }
    return nullptr;
}

std::string grid_json(const Grid& g, Lang lang) {
    Json scale = Json::array();
    for (size_t l = 0; l < kMaturityLevels; ++l) scale.push_back({{"level", l}, {"title", g.scale[l].in(lang)}});
    Json ambitions = Json::array();
    for (const GridAmbition& a : g.ambitions) {
        Json cs = Json::array();
        for (const size_t ci : a.commitments) {
            const GridCommitment& c = g.commitments[ci];
            Json subs = Json::array();
            for (size_t k = 0; k < c.sub_count; ++k) {
                const GridSub& s = g.subs[c.first_sub + k];
                Json levels = Json::array();
                for (const Text2& t : s.levels) levels.push_back(t.in(lang));
                Json o = {{"id", s.id}, {"title", s.title.in(lang)}, {"levels", levels}, {"evidence", s.evidence.in(lang)}};
                if (s.indicator) {
                    o["indicator"] = {{"id", s.indicator->id}, {"title", s.indicator->title.in(lang)},
                                      {"unit", s.indicator->unit}, {"better", s.indicator->higher_is_better ? "higher" : "lower"}};
                }
                subs.push_back(o);
            }
            cs.push_back({{"id", c.id}, {"title", c.title.in(lang)}, {"summary", c.summary.in(lang)}, {"subs", subs}});
        }
        ambitions.push_back({{"id", a.id}, {"title", a.title.in(lang)}, {"summary", a.summary.in(lang)}, {"commitments", cs}});
    }
    Json doc = {{"source", {{"title", g.source_title}, {"authors", g.source_authors}, {"date", g.source_date},
                            {"url", g.source_url}}},
                {"scale", scale},
                {"ambitions", ambitions}};
    return doc.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace px
