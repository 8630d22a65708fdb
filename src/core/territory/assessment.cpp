// assessment.cpp — reading, scoring and comparing self-assessments (assessment.h).
#include "core/territory/assessment.h"

#include <algorithm>  // std::stable_sort
#include <cmath>      // std::isfinite

#include "core/json_read.h"  // px::parse_json, px::JsonFields

namespace px {

using Json = nlohmann::json;

bool read_assessment(JsonFields& f, const Json& v, const std::string& at, const Grid& g, Assessment& out) {
    Assessment a;
    a.reset(g);
    if (!f.object(v, at)) return false;
    std::optional<double> year;
    if (!f.number(v, at, "year", year, kYearMin, kYearMax)) return false;
    if (!year) return f.fail(Err::FIELD_MISSING, at + "/year");
    if (*year != static_cast<double>(static_cast<int>(*year))) return f.fail(Err::FIELD_VALUE, at + "/year", "2026");
    a.year = static_cast<int>(*year);
    if (const auto ls = v.find("levels"); ls != v.end() && !ls->is_null()) {
        if (!f.object(*ls, at + "/levels")) return false;
        for (auto it = ls->begin(); it != ls->end(); ++it) {
            const std::string p = at + "/levels/" + it.key();
            const int s = g.find_sub(it.key());
            if (s < 0) return f.fail(Err::FIELD_VALUE, p, "1.1 … 9.4");
            if (it->is_null()) continue;
            if (!it->is_number_integer() && !it->is_number_unsigned()) return f.fail(Err::FIELD_TYPE, p, "0–4");
            const auto lv = it->get<int64_t>();
            if (lv < 0 || lv >= kMaturityLevels) return f.fail(Err::FIELD_VALUE, p, "0–4");
            a.levels[static_cast<size_t>(s)] = static_cast<int8_t>(lv);
        }
    }
    if (const auto is = v.find("indicators"); is != v.end() && !is->is_null()) {
        if (!f.object(*is, at + "/indicators")) return false;
        for (auto it = is->begin(); it != is->end(); ++it) {
            const std::string p = at + "/indicators/" + it.key();
            const GridIndicator* ind = g.find_indicator(it.key());
            if (!ind) return f.fail(Err::FIELD_VALUE, p, "refurbished_share, equipment_lifetime…");
            if (it->is_null()) continue;
            double value = 0;
            if (ind->unit == "bool") {
                if (!it->is_boolean()) return f.fail(Err::FIELD_TYPE, p, "true/false");
                value = it->get<bool>() ? 1 : 0;
            } else {
                if (!it->is_number()) return f.fail(Err::FIELD_TYPE, p, Msg::TYPE_NUMBER);
                value = it->get<double>();
                const double max = ind->unit == "%" ? 100 : ind->unit == "years" ? 50 : 1e9;
                if (!std::isfinite(value) || value < 0 || value > max) {
                    return f.fail(Err::FIELD_VALUE, p, "0–" + Json(max).dump());
                }
            }
            a.indicators[it.key()] = value;
        }
    }
    if (const auto ns = v.find("notes"); ns != v.end() && !ns->is_null()) {
        if (!f.object(*ns, at + "/notes")) return false;
        for (auto it = ns->begin(); it != ns->end(); ++it) {
            if (g.find_sub(it.key()) < 0) return f.fail(Err::FIELD_VALUE, at + "/notes/" + it.key(), "1.1 … 9.4");
            std::string note;
            if (!f.text(*ns, at + "/notes", it.key().c_str(), note, kNoteMaxBytes, false)) return false;
            if (!note.empty()) a.notes[it.key()] = note;
        }
    }
    out = std::move(a);
    return true;
}

Json assessment_to_json(const Assessment& a, const Grid& g) {
    Json levels = Json::object();
    for (size_t i = 0; i < g.subs.size() && i < a.levels.size(); ++i) {
        if (a.levels[i] >= 0) levels[g.subs[i].id] = a.levels[i];
    }
    Json indicators = Json::object();
    for (const auto& [id, value] : a.indicators) {
        const GridIndicator* ind = g.find_indicator(id);
        indicators[id] = ind && ind->unit == "bool" ? Json(value != 0) : Json(value);
    }
    Json notes = Json::object();
    for (const auto& [id, text] : a.notes) notes[id] = text;
    return {{"year", a.year}, {"levels", levels}, {"indicators", indicators}, {"notes", notes}};
}

Result<Assessment> parse_assessment_json(std::string_view text, const std::string& file) {
    const Result<Json> parsed = parse_json(text, file);
    if (!parsed.ok()) return parsed.error();
    const Json& doc = parsed.value();
    JsonFields f(text, file);
    double version = 0;
    if (!f.header(doc, "proxinum-assessment", version)) return f.error;
    if (version != 1) {
        f.fail(Err::FIELD_VALUE, "/version", "1");
        return f.error;
    }
    Assessment a;
    if (!read_assessment(f, doc, "", territory_grid(), a)) return f.error;
    return a;
}

std::string write_assessment_json(const Assessment& a) {
    Json doc = {{"format", "proxinum-assessment"}, {"version", 1}};
    doc.update(assessment_to_json(a, territory_grid()));
    return doc.dump(2, ' ', false, Json::error_handler_t::replace);
}

namespace {
ScorePart mean_of(const std::vector<double>& values, size_t answered, size_t total) {
    ScorePart p;
    p.answered = answered;
    p.total = total;
    if (values.empty()) return p;
    double sum = 0;
    for (const double v : values) sum += v;
    p.known = true;
    p.score = sum / static_cast<double>(values.size());
    return p;
}
}  // namespace

TerritoryScore score_assessment(const Grid& g, const Assessment& a) {
    TerritoryScore s;
    s.commitments.resize(g.commitments.size());
    size_t answered_all = 0;
    for (size_t c = 0; c < g.commitments.size(); ++c) {
        const GridCommitment& cm = g.commitments[c];
        std::vector<double> levels;
        for (size_t k = 0; k < cm.sub_count; ++k) {
            const size_t i = cm.first_sub + k;
            const int lv = i < a.levels.size() ? a.levels[i] : -1;
            if (lv < 0) continue;
            levels.push_back(lv / 4.0 * 100.0);
            ++s.distribution[static_cast<size_t>(lv)];
        }
        s.commitments[c] = mean_of(levels, levels.size(), cm.sub_count);
        answered_all += levels.size();
    }
    std::vector<double> ambition_scores;
    for (const GridAmbition& am : g.ambitions) {
        std::vector<double> cs;
        size_t answered = 0, total = 0;
        for (const size_t c : am.commitments) {
            if (s.commitments[c].known) cs.push_back(s.commitments[c].score);
            answered += s.commitments[c].answered;
            total += s.commitments[c].total;
        }
        s.ambitions.push_back(mean_of(cs, answered, total));
        if (s.ambitions.back().known) ambition_scores.push_back(s.ambitions.back().score);
    }
    s.overall = mean_of(ambition_scores, answered_all, g.subs.size());

    std::vector<size_t> known;
    for (size_t c = 0; c < s.commitments.size(); ++c) {
        if (s.commitments[c].known) known.push_back(c);
    }
    std::stable_sort(known.begin(), known.end(),
                     [&](size_t x, size_t y) { return s.commitments[x].score > s.commitments[y].score; });
    for (const size_t c : known) {
        if (s.strengths.size() < 3 && s.commitments[c].score >= 50) s.strengths.push_back(c);
    }
    std::stable_sort(known.begin(), known.end(),
                     [&](size_t x, size_t y) { return s.commitments[x].score < s.commitments[y].score; });
    for (const size_t c : known) {
        if (s.gaps.size() < 3 && s.commitments[c].score < 50) s.gaps.push_back(c);
    }
    for (size_t n = 0; n < known.size() && n < 3; ++n) {
        const GridCommitment& cm = g.commitments[known[n]];
        std::vector<PlanStep> steps;
        for (size_t k = 0; k < cm.sub_count; ++k) {
            const size_t i = cm.first_sub + k;
            const int lv = i < a.levels.size() ? a.levels[i] : -1;
            if (lv >= kMaturityLevels - 1) continue;
            steps.push_back(PlanStep{known[n], i, lv, lv < 0 ? -1 : lv + 1});
        }
        std::stable_sort(steps.begin(), steps.end(), [](const PlanStep& x, const PlanStep& y) { return x.from < y.from; });
        s.plan.insert(s.plan.end(), steps.begin(), steps.end());
    }
    return s;
}

bool overall_score(const Grid& g, const int8_t* levels, double& out) {
    double ambition_sum = 0;
    size_t ambitions = 0;
    for (const GridAmbition& am : g.ambitions) {
        double commitment_sum = 0;
        size_t commitments = 0;
        for (const size_t c : am.commitments) {
            const GridCommitment& cm = g.commitments[c];
            double sum = 0;
            size_t n = 0;
            for (size_t k = 0; k < cm.sub_count; ++k) {
                const int lv = levels[cm.first_sub + k];
                if (lv < 0) continue;
                sum += lv / 4.0 * 100.0;
                ++n;
            }
            if (n == 0) continue;
            commitment_sum += sum / static_cast<double>(n);
            ++commitments;
        }
        if (commitments == 0) continue;
        ambition_sum += commitment_sum / static_cast<double>(commitments);
        ++ambitions;
    }
    if (ambitions == 0) return false;
    out = ambition_sum / static_cast<double>(ambitions);
    return true;
}

namespace {
Json part_json(const ScorePart& p) {
    Json o = {{"score", p.known ? Json(std::round(p.score * 10) / 10) : Json(nullptr)},
              {"answered", p.answered},
              {"total", p.total}};
    return o;
}
}  // namespace

Json territory_score_to_json(const Grid& g, const Assessment& a, const TerritoryScore& s, Lang lang) {
    Json ambitions = Json::array();
    for (size_t i = 0; i < g.ambitions.size(); ++i) {
        Json o = part_json(s.ambitions[i]);
        o["id"] = g.ambitions[i].id;
        o["title"] = g.ambitions[i].title.in(lang);
        ambitions.push_back(o);
    }
    Json commitments = Json::array();
    for (size_t c = 0; c < g.commitments.size(); ++c) {
        Json o = part_json(s.commitments[c]);
        o["id"] = g.commitments[c].id;
        o["title"] = g.commitments[c].title.in(lang);
        commitments.push_back(o);
    }
    auto ids = [&](const std::vector<size_t>& v) {
        Json out = Json::array();
        for (const size_t c : v) out.push_back(g.commitments[c].id);
        return out;
    };
    Json plan = Json::array();
    for (const PlanStep& p : s.plan) {
        const GridSub& sub = g.subs[p.sub];
        plan.push_back({{"commitment", g.commitments[p.commitment].id},
                        {"sub", sub.id},
                        {"title", sub.title.in(lang)},
                        {"level", p.from < 0 ? Json(nullptr) : Json(p.from)},
                        {"next", p.to < 0 ? Json(nullptr) : Json(p.to)},
                        {"action", p.to < 0 ? Json(tr(Msg::UI_EVALUER_ABORD, lang))
                                            : Json(sub.levels[static_cast<size_t>(p.to)].in(lang))}});
    }
    Json dist = Json::array();
    for (const size_t n : s.distribution) dist.push_back(n);
    Json overall = part_json(s.overall);
    return {{"year", a.year},       {"overall", overall}, {"ambitions", ambitions}, {"commitments", commitments},
            {"strengths", ids(s.strengths)}, {"gaps", ids(s.gaps)}, {"distribution", dist}, {"plan", plan}};
}

Comparison compare_assessments(const Grid& g, const Assessment& before, const Assessment& after) {
    const TerritoryScore b = score_assessment(g, before);
    const TerritoryScore a = score_assessment(g, after);
    Comparison c;
    for (size_t i = 0; i < g.commitments.size(); ++i) c.commitments.emplace_back(b.commitments[i], a.commitments[i]);
    c.overall = {b.overall, a.overall};
    for (size_t i = 0; i < g.subs.size(); ++i) {
        const int x = i < before.levels.size() ? before.levels[i] : -1;
        const int y = i < after.levels.size() ? after.levels[i] : -1;
        if (x != y) c.changes.push_back({i, x, y});
    }
    return c;
}

Json comparison_to_json(const Grid& g, const Assessment& before, const Assessment& after, const Comparison& c,
                        Lang lang) {
    auto delta = [](const ScorePart& x, const ScorePart& y) {
        return x.known && y.known ? Json(std::round((y.score - x.score) * 10) / 10) : Json(nullptr);
    };
    Json commitments = Json::array();
    for (size_t i = 0; i < c.commitments.size(); ++i) {
        commitments.push_back({{"id", g.commitments[i].id},
                               {"title", g.commitments[i].title.in(lang)},
                               {"before", part_json(c.commitments[i].first)},
                               {"after", part_json(c.commitments[i].second)},
                               {"delta", delta(c.commitments[i].first, c.commitments[i].second)}});
    }
    Json changes = Json::array();
    for (const Comparison::Change& ch : c.changes) {
        changes.push_back({{"sub", g.subs[ch.sub].id},
                           {"from", ch.from < 0 ? Json(nullptr) : Json(ch.from)},
                           {"to", ch.to < 0 ? Json(nullptr) : Json(ch.to)}});
    }
    return {{"before", before.year},
            {"after", after.year},
            {"overall", {{"before", part_json(c.overall.first)}, {"after", part_json(c.overall.second)},
                         {"delta", delta(c.overall.first, c.overall.second)}}},
            {"commitments", commitments},
            {"changes", changes}};
}

}  // namespace px
