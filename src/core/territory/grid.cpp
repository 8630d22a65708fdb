// grid.cpp — parses the grid's structure compiled into the program (territory_data.h) into
// px::Grid, fills in its words (linked natively, fetched by the web app), and writes it back as
// the CLI's JSON. The compiler checked both; the words are checked against the structure's ids.
#include "core/territory/grid.h"

#include <nlohmann/json.hpp>

#include "core/json_read.h"                 // px::parse_json
#include "core/territory/territory_data.h"  // kTerritoryStructureJson

// The native build links assets/territory_texts.cpp, which defines these; the web build does not,
// and they are null there (weak references).
extern "C" {
extern const char px_territory_texts[] __attribute__((weak));
extern const size_t px_territory_texts_size __attribute__((weak));
}

namespace px {

namespace {
using Json = nlohmann::json;


Grid& mutable_grid() {
    static Grid g = [] {
        Grid grid;
        Json doc;
        if (parse_json(std::string_view(kTerritoryStructureJson, kTerritoryStructureJsonSize), "grid").get(doc) != Err::OK) {
            return grid;  // cannot happen: compile_territory wrote it
        }
        const Json& src = doc["source"];
        grid.source_title = src.value("title", "");
        grid.source_authors = src.value("authors", "");
        grid.source_date = src.value("date", "");
        grid.source_url = src.value("url", "");
        for (const Json& a : doc["ambitions"]) {
            GridAmbition am{a.value("id", ""), {}, {}, {}};
            for (const Json& c : a["commitments"]) {
                GridCommitment cm{c.value("id", ""), {}, {}, grid.ambitions.size(), grid.subs.size(), 0};
                for (const Json& sj : c["subs"]) {
                    GridSub sb;
                    sb.id = sj.value("id", "");
                    if (const auto ind = sj.find("indicator"); ind != sj.end()) {
                        sb.indicator = GridIndicator{ind->value("id", ""), {}, ind->value("unit", ""),
                                                     ind->value("better", "higher") == "higher"};
                    }
                    sb.commitment = grid.commitments.size();
                    grid.subs.push_back(std::move(sb));
                    ++cm.sub_count;
                }
                am.commitments.push_back(grid.commitments.size());
                grid.commitments.push_back(std::move(cm));
            }
            grid.ambitions.push_back(std::move(am));
        }
        return grid;
    }();
    return g;
}

bool g_texts_loaded = false;
}  // namespace

const Grid& territory_grid() {
    Grid& g = mutable_grid();
    if (!g_texts_loaded && &px_territory_texts_size != nullptr) {
        load_territory_texts(std::string_view(px_territory_texts, px_territory_texts_size), "territoire.json");
    }
    return g;
}

bool territory_texts_loaded() {
    territory_grid();
    return g_texts_loaded;
}

namespace {
// Defensive access to the words' document (a fetched file may be damaged): never throws.
const Json* member(const Json& o, const char* key) {
    if (!o.is_object()) return nullptr;
    const auto it = o.find(key);
    return it == o.end() ? nullptr : &*it;
}
bool read_text2(const Json& o, const char* key, Text2& out) {
    const Json* t = member(o, key);
    const Json* fr = t ? member(*t, "fr") : nullptr;
    const Json* en = t ? member(*t, "en") : nullptr;
    if (!fr || !en || !fr->is_string() || !en->is_string()) return false;
    out = Text2{fr->get<std::string>(), en->get<std::string>()};
    return true;
}
const Json* list(const Json& o, const char* key) {
    const Json* l = member(o, key);
    return l && l->is_array() ? l : nullptr;
}
bool same_id(const Json& o, const std::string& id) {
    const Json* v = member(o, "id");
    return v && v->is_string() && v->get<std::string>() == id;
}
}  // namespace

Error load_territory_texts(std::string_view json, const std::string& file) {
    Grid& g = mutable_grid();
    Json doc;
    Result<Json> r = parse_json(json, file);
    if (r.get(doc) != Err::OK) return r.error();
    // Every id must be the structure's, in the same order, with every word: then they are copied in.
    Grid next = g;
    const auto bad = [&](const std::string& pointer) { return make_error(Err::FIELD_VALUE, {file}, pointer, Msg::DETAIL_GRID); };
    const Json* scale = list(doc, "scale");
    if (!scale || scale->size() != kMaturityLevels) return bad("/scale");
    for (size_t l = 0; l < kMaturityLevels; ++l) {
        if (!read_text2((*scale)[l], "title", next.scale[l])) return bad("/scale/" + std::to_string(l));
    }
    const Json* ambitions = list(doc, "ambitions");
    if (!ambitions || ambitions->size() != next.ambitions.size()) return bad("/ambitions");
    size_t c = 0, sb = 0;
    for (size_t am = 0; am < ambitions->size(); ++am) {
        const Json& a = (*ambitions)[am];
        const std::string at = "/ambitions/" + std::to_string(am);
        const Json* cs = list(a, "commitments");
        if (!same_id(a, next.ambitions[am].id) || !read_text2(a, "title", next.ambitions[am].title) ||
            !read_text2(a, "summary", next.ambitions[am].summary) || !cs) {
            return bad(at);
        }
        for (size_t ci = 0; ci < cs->size(); ++ci, ++c) {
            const Json& cj = (*cs)[ci];
            const std::string cat = at + "/commitments/" + std::to_string(ci);
            const Json* subs = list(cj, "subs");
            if (c >= next.commitments.size() || !same_id(cj, next.commitments[c].id) ||
                !read_text2(cj, "title", next.commitments[c].title) || !read_text2(cj, "summary", next.commitments[c].summary) ||
                !subs) {
                return bad(cat);
            }
            for (size_t si = 0; si < subs->size(); ++si, ++sb) {
                const Json& sj = (*subs)[si];
                const std::string sat = cat + "/subs/" + std::to_string(si);
                if (sb >= next.subs.size() || !same_id(sj, next.subs[sb].id)) return bad(sat);
                GridSub& s = next.subs[sb];
                const Json* levels = list(sj, "levels");
                if (!read_text2(sj, "title", s.title) || !read_text2(sj, "evidence", s.evidence) || !levels ||
                    levels->size() != kMaturityLevels) {
                    return bad(sat);
                }
                for (size_t l = 0; l < kMaturityLevels; ++l) {
                    Json wrap = {{"t", (*levels)[l]}};
                    if (!read_text2(wrap, "t", s.levels[l])) return bad(sat + "/levels/" + std::to_string(l));
                }
                const Json* ind = member(sj, "indicator");
                if (s.indicator.has_value() != (ind != nullptr)) return bad(sat + "/indicator");
                if (ind && !read_text2(*ind, "title", s.indicator->title)) return bad(sat + "/indicator");
            }
        }
    }
    if (c != next.commitments.size() || sb != next.subs.size()) return bad("/ambitions");
    g = std::move(next);
    g_texts_loaded = true;
    return Error{};
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
