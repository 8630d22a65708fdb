// territory.cpp — the Territory lens, in three tabs:
//   - Autoévaluation: the manifesto grid (core/territory/grid.h), one row of levels 0–4 (or
//     "not assessed") per sub-commitment, the level's description under it, the details of one
//     sub-commitment (every level, the evidence to keep, its indicator, a note); results: the
//     overall maturity, a radar of the 9 commitments (and the same numbers as text), strengths,
//     gaps, the action plan and the comparison with the year before.
//   - Empreinte: the equipment fleet; results: kgCO2e a year, per kind of device with ADEME's
//     factors and their source, and the scenarios.
//   - Observatoire: what the organisation's anonymous summary holds and its download; summaries
//     of others imported; results: indicators per commune and EPCI, what was masked, exports.
// It edits the workspace's assessments and fleet and sets Intents; the caller scores (never
// this file) and hands back TerritoryScore, Comparison, FootprintResult and Aggregate.
// Index: [SECTION] Helpers · Self-assessment · Footprint · Observatory · Panels
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>  // ImGui::InputTextMultiline on std::string (Dear ImGui's own)

#include <algorithm>  // std::sort
#include <cmath>    // std::cos, std::sin, std::lround
#include <cstdio>   // std::snprintf
#include <string>   // std::string
#include <vector>   // std::vector

#include "core/choropleth.h"  // px::Choropleth (the legend)
#include "core/territory/assessment.h"
#include "core/territory/footprint.h"
#include "core/territory/grid.h"
#include "core/territory/summary.h"
#include "core/workspace.h"
#include "ui/ui_internal.h"

namespace px::ui {

// [SECTION] Helpers ------------------------------------------------------------------------------
namespace {

Assessment* shown_assessment(UiState& s) {
    if (!s.workspace || s.workspace->assessments.empty()) return nullptr;
    for (Assessment& a : s.workspace->assessments) {
        if (a.year == s.territory_year) return &a;
    }
    return &s.workspace->assessments.back();
}

std::string score_text(const UiState& s, const ScorePart& p) {
    if (!p.known) return T(s, Msg::TERR_NON_EVALUE);
    return format_number(p.score, 0, s.lang) + " / 100";
}

// [SECTION] Self-assessment ----------------------------------------------------------------------
void year_row(UiState& s, Intents& in) {
    Workspace& ws = *s.workspace;
    Assessment* a = shown_assessment(s);
    if (a) {
        char label[16];
        std::snprintf(label, sizeof label, "%d", a->year);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        if (ImGui::BeginCombo(T(s, Msg::TERR_ANNEE), label)) {
            for (const Assessment& other : ws.assessments) {
                std::snprintf(label, sizeof label, "%d", other.year);
                if (ImGui::Selectable(label, other.year == a->year)) {
                    s.territory_year = other.year;
                    in.territory_changed = true;
                }
            }
            ImGui::EndCombo();
        }
    }
    bool has_current = false;
    for (const Assessment& other : ws.assessments) has_current = has_current || other.year == s.current_year;
    if (!has_current && ws.assessments.size() < kWorkspaceMaxAssessments) {
        if (a) ImGui::SameLine();
        char label[96];
        std::snprintf(label, sizeof label, T(s, Msg::TERR_COMMENCER_AUTOEVALUATION),
                      s.current_year);
        if (a ? ImGui::Button(label) : primary_button(label)) {
            Assessment next;
            if (a) {
                next = *a;  // start from last year's answers: most do not change
            } else {
                next.reset(territory_grid());
            }
            next.year = s.current_year;
            ws.assessments.push_back(next);
            std::sort(ws.assessments.begin(), ws.assessments.end(),
                      [](const Assessment& x, const Assessment& y) { return x.year < y.year; });
            s.territory_year = s.current_year;
            in.territory_changed = true;
        }
        if (a && ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%s", T(s, Msg::TERR_REPREND_REPONSES_ANNEE_AFFICHEE_METTRE));
        }
    }
}

// One sub-commitment: its title, "?" and 0–4 as radio buttons, and the level's description.
void sub_row(UiState& s, Intents& in, Assessment& a, size_t i) {
    const Grid& g = territory_grid();
    const GridSub& sub = g.subs[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TextWrapped("%s  %s", sub.id.c_str(), sub.title.in(s.lang).c_str());
    int level = a.levels[i];
    bool changed = ImGui::RadioButton("?", &level, -1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(s, Msg::TERR_NON_EVALUE_NE_COMPTE_PAS));
    for (int l = 0; l < kMaturityLevels; ++l) {
        ImGui::SameLine();
        char label[4];
        std::snprintf(label, sizeof label, "%d", l);
        changed |= ImGui::RadioButton(label, &level, l);
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%s — %s", g.scale[static_cast<size_t>(l)].in(s.lang).c_str(),
                              sub.levels[static_cast<size_t>(l)].in(s.lang).c_str());
        }
    }
    ImGui::SameLine();
    const bool open = s.territory_sub == static_cast<int>(i);
    if (ImGui::SmallButton(open ? T(s, Msg::CLOSE) : T(s, Msg::TERR_DETAILS))) {
        s.territory_sub = open ? -1 : static_cast<int>(i);
    }
    if (changed) {
        a.levels[i] = static_cast<int8_t>(level);
        in.territory_changed = true;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
    if (level >= 0) {
        ImGui::TextWrapped("%s %d, %s : %s", T(s, Msg::TERR_NIVEAU), level, g.scale[static_cast<size_t>(level)].in(s.lang).c_str(),
                           sub.levels[static_cast<size_t>(level)].in(s.lang).c_str());
    } else {
        ImGui::TextWrapped("%s", T(s, Msg::TERR_NON_EVALUE_2));
    }
    ImGui::PopStyleColor();
    if (open) {
        ImGui::Indent();
        for (int l = 0; l < kMaturityLevels; ++l) {
            ImGui::TextWrapped("%s %d — %s%s", l == level ? "▶" : " ", l, sub.levels[static_cast<size_t>(l)].in(s.lang).c_str(),
                               l == level ? T(s, Msg::TERR_VOTRE_NIVEAU) : "");
        }
        ImGui::TextWrapped("%s %s", T(s, Msg::TERR_PREUVE_GARDER), sub.evidence.in(s.lang).c_str());
        if (sub.indicator) {
            const GridIndicator& ind = *sub.indicator;
            const auto it = a.indicators.find(ind.id);
            ImGui::TextWrapped("%s %s", T(s, Msg::TERR_INDICATEUR), ind.title.in(s.lang).c_str());
            if (ind.unit == "bool") {
                int v = it == a.indicators.end() ? -1 : it->second != 0 ? 1 : 0;
                bool c = ImGui::RadioButton(T(s, Msg::DIAG_OUI), &v, 1);
                ImGui::SameLine();
                c |= ImGui::RadioButton(T(s, Msg::DIAG_NON), &v, 0);
                ImGui::SameLine();
                c |= ImGui::RadioButton(T(s, Msg::DIAG_JE_NE_SAIS_PAS), &v, -1);
                if (c) {
                    if (v < 0) a.indicators.erase(ind.id);
                    else a.indicators[ind.id] = v;
                    in.territory_changed = true;
                }
            } else {
                bool known = it != a.indicators.end();
                double v = known ? it->second : 0;
                if (ImGui::Checkbox(T(s, Msg::TERR_CONNU), &known)) {
                    if (known) a.indicators[ind.id] = 0;
                    else a.indicators.erase(ind.id);
                    in.territory_changed = true;
                }
                if (known) {
                    ImGui::SameLine();
                    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
                    const double max = ind.unit == "%" ? 100 : ind.unit == "years" ? 50 : 1e9;
                    const char* unit = ind.unit == "%" ? "%" : ind.unit == "years" ? T(s, Msg::TERR_ANS)
                                     : ind.unit == "per10k" ? T(s, Msg::TERR_10_000_HAB) : "";
                    if (ImGui::InputDouble(unit, &v, 0, 0, "%.1f")) {
                        a.indicators[ind.id] = v < 0 ? 0 : v > max ? max : v;
                        in.territory_changed = true;
                    }
                }
            }
        }
        std::string note;
        if (const auto n = a.notes.find(sub.id); n != a.notes.end()) note = n->second;
        ImGui::TextUnformatted(T(s, Msg::TERR_NOTE_RESTE_DANS_VOTRE_ESPACE));
        if (ImGui::InputTextMultiline("##note", &note, ImVec2(-1, ImGui::GetTextLineHeight() * 3))) {
            if (note.size() > kNoteMaxBytes) note.resize(kNoteMaxBytes);
            if (note.empty()) a.notes.erase(sub.id);
            else a.notes[sub.id] = note;
            in.territory_changed = true;
        }
        ImGui::Unindent();
    }
    ImGui::Spacing();
    ImGui::PopID();
}

void loading(const UiState& s) {
    ImGui::TextWrapped("%s", T(s, Msg::TERR_CHARGEMENT_GRILLE_MANIFESTE));
}

void assessment_inputs(UiState& s, Intents& in) {
    if (!territory_texts_loaded()) return loading(s);
    const Grid& g = territory_grid();
    year_row(s, in);
    Assessment* a = shown_assessment(s);
    if (!a) {
        ImGui::TextWrapped("%s", T(s, Msg::TERR_GRILLE_SUIT_3_AMBITIONS_9));
        return;
    }
    if (a->levels.size() != g.subs.size()) a->levels.resize(g.subs.size(), -1);
    ImGui::TextWrapped("%s", T(s, Msg::TERR_NIVEAUX_0_NON_ENGAGE_1));
    for (size_t am = 0; am < g.ambitions.size(); ++am) {
        ImGui::SeparatorText(g.ambitions[am].title.in(s.lang).c_str());
        for (const size_t c : g.ambitions[am].commitments) {
            const GridCommitment& cm = g.commitments[c];
            char header[256];
            const std::string score = s.territory_score && c < s.territory_score->commitments.size()
                                          ? score_text(s, s.territory_score->commitments[c])
                                          : std::string();
            std::snprintf(header, sizeof header, "%s. %s — %s###c%zu", cm.id.c_str(), cm.title.in(s.lang).c_str(),
                          score.c_str(), c);
            if (ImGui::CollapsingHeader(header)) {
                ImGui::TextWrapped("%s", cm.summary.in(s.lang).c_str());
                for (size_t k = 0; k < cm.sub_count; ++k) sub_row(s, in, *a, cm.first_sub + k);
            }
        }
    }
    ImGui::Spacing();
    ImGui::TextWrapped("%s %s, %s (%s).", T(s, Msg::TERR_GRILLE_ECRITE_PROXINUM_APRES),
                       g.source_title.c_str(), g.source_authors.c_str(), g.source_date.c_str());
}

// The radar of the 9 commitments: unknown ones drawn at the centre with "?", and the numbers are
// also listed as text right after (the radar never carries information alone).
void radar(const TerritoryScore& ts) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float em = ImGui::GetFontSize();
    const size_t n = ts.commitments.size();
    if (n < 3) return;
    const float size = em * 12;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 c(p.x + ImGui::GetContentRegionAvail().x * 0.5f, p.y + size * 0.5f);
    const float radius = size * 0.38f;
    std::vector<ImVec2> pts(n);
    auto at = [&](size_t i, float r) {
        const float ang = -1.5707963f + 6.2831853f * static_cast<float>(i) / static_cast<float>(n);
        return ImVec2(c.x + std::cos(ang) * r, c.y + std::sin(ang) * r);
    };
    for (int ring = 1; ring <= 4; ++ring) {
        for (size_t i = 0; i < n; ++i) pts[i] = at(i, radius * static_cast<float>(ring) / 4.0f);
        dl->AddPolyline(pts.data(), static_cast<int>(n), palette().grid, ImDrawFlags_Closed, 1.0f);
    }
    for (size_t i = 0; i < n; ++i) {
        const ScorePart& part = ts.commitments[i];
        pts[i] = at(i, part.known ? radius * static_cast<float>(part.score) / 100.0f : 0.0f);
        char label[32];
        if (part.known) std::snprintf(label, sizeof label, "%zu : %.0f", i + 1, part.score);
        else std::snprintf(label, sizeof label, "%zu : ?", i + 1);
        const ImVec2 lp = at(i, radius + em * 1.3f);
        const ImVec2 tsz = ImGui::CalcTextSize(label);
        dl->AddText(ImVec2(lp.x - tsz.x * 0.5f, lp.y - tsz.y * 0.5f), palette().text, label);
    }
    for (size_t i = 0; i < n; ++i) {  // a filled fan, as the outline may be concave
        dl->AddTriangleFilled(c, pts[i], pts[(i + 1) % n], palette().accent_fill);
    }
    dl->AddPolyline(pts.data(), static_cast<int>(n), palette().accent, ImDrawFlags_Closed, 2.0f);
    ImGui::Dummy(ImVec2(size, size));
}

void assessment_results(UiState& s) {
    if (!territory_texts_loaded()) return loading(s);
    const Grid& g = territory_grid();
    Assessment* a = shown_assessment(s);
    if (!a || !s.territory_score) {
        ImGui::TextWrapped("%s", T(s, Msg::TERR_COMMENCEZ_AUTOEVALUATION_GAUCHE_SCORES_RADAR));
        return;
    }
    const TerritoryScore& ts = *s.territory_score;
    ImGui::PushFont(heading_font());
    ImGui::Text("%s %d : %s", T(s, Msg::TERR_MATURITE), a->year, score_text(s, ts.overall).c_str());
    ImGui::PopFont();
    ImGui::Text(T(s, Msg::TERR_ZU_SOUS_ENGAGEMENTS_EVALUES_ZU), ts.overall.answered,
                ts.overall.total);
    radar(ts);
    if (ImGui::BeginTable("##commitments", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(T(s, Msg::TERR_ENGAGEMENT), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(T(s, Msg::DIAG_SCORE), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(T(s, Msg::TERR_EVALUES), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        for (size_t am = 0; am < g.ambitions.size(); ++am) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", g.ambitions[am].title.in(s.lang).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(score_text(s, ts.ambitions[am]).c_str());
            ImGui::TableNextColumn();
            for (const size_t c : g.ambitions[am].commitments) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextWrapped("   %s. %s", g.commitments[c].id.c_str(), g.commitments[c].title.in(s.lang).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(score_text(s, ts.commitments[c]).c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%zu / %zu", ts.commitments[c].answered, ts.commitments[c].total);
            }
        }
        ImGui::EndTable();
    }
    ImGui::SeparatorText(T(s, Msg::TERR_FORCES));
    if (ts.strengths.empty()) ImGui::TextWrapped("%s", T(s, Msg::TERR_AUCUN_ENGAGEMENT_50_PLUS_INSTANT));
    for (const size_t c : ts.strengths) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s. %s (%s)", g.commitments[c].id.c_str(), g.commitments[c].title.in(s.lang).c_str(),
                           score_text(s, ts.commitments[c]).c_str());
    }
    ImGui::SeparatorText(T(s, Msg::TERR_POINTS_FAIBLES));
    if (ts.gaps.empty()) ImGui::TextWrapped("%s", T(s, Msg::TERR_AUCUN_ENGAGEMENT_SOUS_50));
    for (const size_t c : ts.gaps) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s. %s (%s)", g.commitments[c].id.c_str(), g.commitments[c].title.in(s.lang).c_str(),
                           score_text(s, ts.commitments[c]).c_str());
    }
    ImGui::SeparatorText(T(s, Msg::TERR_PLAN_ACTION));
    ImGui::TextWrapped("%s", T(s, Msg::TERR_PROCHAINES_MARCHES_TROIS_ENGAGEMENTS_PLUS));
    for (const PlanStep& p : ts.plan) {
        const GridSub& sub = g.subs[p.sub];
        ImGui::Bullet();
        if (p.to < 0) {
            ImGui::TextWrapped("%s %s — %s", sub.id.c_str(), sub.title.in(s.lang).c_str(), T(s, Msg::TERR_EVALUER_ABORD));
        } else {
            ImGui::TextWrapped("%s %s — %s %d → %d : %s", sub.id.c_str(), sub.title.in(s.lang).c_str(), T(s, Msg::TERR_NIVEAU_2),
                               p.from, p.to, sub.levels[static_cast<size_t>(p.to)].in(s.lang).c_str());
        }
    }
    if (s.territory_comparison) {
        const Comparison& cmp = *s.territory_comparison;
        char title[96];
        std::snprintf(title, sizeof title, T(s, Msg::TERR_EVOLUTION_DEPUIS), s.comparison_year);
        ImGui::SeparatorText(title);
        ImGui::Text(T(s, Msg::TERR_ZU_SOUS_ENGAGEMENTS_ONT_CHANGE), cmp.changes.size());
        if (ImGui::BeginTable("##compare", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
            char y0[8], y1[8];
            std::snprintf(y0, sizeof y0, "%d", s.comparison_year);
            std::snprintf(y1, sizeof y1, "%d", a->year);
            ImGui::TableSetupColumn(T(s, Msg::TERR_ENGAGEMENT), ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn(y0, ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn(y1, ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn(T(s, Msg::TERR_ECART), ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableHeadersRow();
            auto row = [&](const std::string& name, const ScorePart& x, const ScorePart& y) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", name.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(x.known ? format_number(x.score, 0, s.lang).c_str() : "?");
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(y.known ? format_number(y.score, 0, s.lang).c_str() : "?");
                ImGui::TableNextColumn();
                if (x.known && y.known) {
                    const double d = y.score - x.score;
                    ImGui::Text("%s%s", d > 0 ? "+" : "", format_number(d, 0, s.lang).c_str());
                } else {
                    ImGui::TextUnformatted("—");
                }
            };
            row(T(s, Msg::TERR_ENSEMBLE), cmp.overall.first, cmp.overall.second);
            for (size_t c = 0; c < cmp.commitments.size(); ++c) {
                row(g.commitments[c].id + ". " + g.commitments[c].title.in(s.lang), cmp.commitments[c].first,
                    cmp.commitments[c].second);
            }
            ImGui::EndTable();
        }
    }
}

// [SECTION] Footprint ----------------------------------------------------------------------------
const char* device_label(const DeviceFactor& f, Lang lang) { return lang == Lang::En ? f.label_en : f.label_fr; }

void footprint_inputs(UiState& s, Intents& in) {
    Fleet& fleet = s.workspace->fleet;
    ImGui::TextWrapped("%s", T(s, Msg::TERR_VOTRE_PARC_EQUIPEMENTS_COMBIEN_GARDES));
    int remove = -1;
    for (size_t i = 0; i < fleet.items.size(); ++i) {
        FleetItem& it = fleet.items[i];
        const DeviceFactor* f = find_device_factor(it.kind);
        if (!f) continue;
        ImGui::PushID(static_cast<int>(i));
        ImGui::Separator();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
        if (ImGui::BeginCombo(T(s, Msg::TERR_EQUIPEMENT), device_label(*f, s.lang))) {
            for (size_t k = 0; k < kDeviceFactorCount; ++k) {
                if (ImGui::Selectable(device_label(kDeviceFactors[k], s.lang), f == &kDeviceFactors[k])) {
                    it.kind = kDeviceFactors[k].id;
                    in.territory_changed = true;
                }
            }
            ImGui::EndCombo();
        }
        int count = static_cast<int>(it.count);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        if (ImGui::InputInt(T(s, Msg::TERR_NOMBRE), &count)) {
            it.count = count < 0 ? 0 : count > kFleetMaxCount ? kFleetMaxCount : count;
            in.territory_changed = true;
        }
        float life = static_cast<float>(it.lifetime_years.value_or(0));
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        char hint[64];
        std::snprintf(hint, sizeof hint, T(s, Msg::TERR_ADEME_1F), f->lifetime_years);
        if (ImGui::InputFloat(T(s, Msg::TERR_DUREE_ANS), &life, 0, 0, it.lifetime_years ? "%.1f" : hint)) {
            if (life >= 0.5f && life <= 50) it.lifetime_years = life;
            else if (life == 0) it.lifetime_years.reset();
            in.territory_changed = true;
        }
        if (f->refurbished_avoided >= 0) {
            int pct = static_cast<int>(std::lround(it.refurbished_share.value_or(0) * 100));
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
            if (ImGui::SliderInt(T(s, Msg::TERR_RECONDITIONNES), &pct, 0, 100, "%d %%")) {
                it.refurbished_share = pct / 100.0;
                in.territory_changed = true;
            }
        } else {
            ImGui::TextDisabled("%s", T(s, Msg::TERR_RECONDITIONNE_AUCUN_GAIN_PUBLIE_CE));
        }
        if (ImGui::SmallButton(T(s, Msg::DIAG_RETIRER))) remove = static_cast<int>(i);
        ImGui::PopID();
    }
    if (remove >= 0) {
        fleet.items.erase(fleet.items.begin() + remove);
        in.territory_changed = true;
    }
    if (fleet.items.size() < kFleetMaxItems && ImGui::Button(T(s, Msg::TERR_AJOUTER_EQUIPEMENT))) {
        fleet.items.push_back(FleetItem{"laptop", 1, {}, {}, {}});
        in.territory_changed = true;
    }
}

void footprint_results(UiState& s) {
    if (!s.footprint || s.footprint->lines.empty()) {
        ImGui::TextWrapped("%s", T(s, Msg::TERR_AJOUTEZ_VOS_EQUIPEMENTS_GAUCHE_EMPREINTE));
        return;
    }
    const FootprintResult& r = *s.footprint;
    const FootprintSources& src = kFootprintSources;
    ImGui::PushFont(heading_font());
    ImGui::Text("%s kgCO2e %s", format_number(r.total_kg, 0, s.lang).c_str(), T(s, Msg::TERR_PER_YEAR));
    ImGui::PopFont();
    ImGui::TextWrapped(T(s, Msg::TERR_FABRICATION_TRANSPORT_FIN_VIE_REPARTIS),
                       format_number(r.embodied_kg, 0, s.lang).c_str(), format_number(r.use_kg, 0, s.lang).c_str());
    if (ImGui::BeginTable("##fleet", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        const float num_w = ImGui::CalcTextSize(T(s, Msg::TERR_ELECTRICITE)).x;  // the wider header
        ImGui::TableSetupColumn(T(s, Msg::TERR_EQUIPEMENT), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(T(s, Msg::TERR_FABRICATION), ImGuiTableColumnFlags_WidthFixed, num_w);
        ImGui::TableSetupColumn(T(s, Msg::TERR_ELECTRICITE), ImGuiTableColumnFlags_WidthFixed, num_w);
        ImGui::TableHeadersRow();
        for (const FootprintLine& l : r.lines) {
            const DeviceFactor& f = *l.factor;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s × %s", device_label(f, s.lang), format_number(l.count, 0, s.lang).c_str());
            if (ImGui::IsItemHovered()) {
                ImGui::SetTooltip(T(s, Msg::TERR_ADEME_REGLE_FABRICATION_KG_TRANSPORT),
                                  src.package, src.version, f.rule, format_number(f.manufacturing_kg, 1, s.lang).c_str(),
                                  format_number(f.distribution_kg, 2, s.lang).c_str(),
                                  format_number(f.end_of_life_kg, 2, s.lang).c_str(),
                                  format_number(f.lifetime_years, 1, s.lang).c_str());
            }
            if (*(s.lang == Lang::En ? f.note_en : f.note_fr)) {
                ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
                ImGui::TextWrapped("%s", s.lang == Lang::En ? f.note_en : f.note_fr);
                ImGui::PopStyleColor();
            }
            ImGui::TableNextColumn();
            ImGui::Text("%s kg", format_number(l.embodied_kg, 0, s.lang).c_str());
            ImGui::TableNextColumn();
            if (l.use_known) ImGui::Text("%s kg", format_number(l.use_kg, 0, s.lang).c_str());
            else ImGui::TextUnformatted(T(s, Msg::TERR_INCONNUE));
        }
        ImGui::EndTable();
    }
    ImGui::TextWrapped("%s", T(s, Msg::TERR_AN_SURVOLEZ_EQUIPEMENT_VOIR_SES));
    ImGui::SeparatorText(T(s, Msg::TERR_WHAT_IF));
    for (const FootprintScenario& sc : r.scenarios) {
        ImGui::Bullet();
        ImGui::TextWrapped(T(s, Msg::TERR_KGCO2E_AN_KG_MOINS),
                           scenario_label(sc.id, s.lang), format_number(sc.total_kg, 0, s.lang).c_str(),
                           format_number(sc.saving_kg, 0, s.lang).c_str());
    }
    ImGui::SeparatorText(T(s, Msg::TERR_SOURCES));
    ImGui::TextWrapped(T(s, Msg::TERR_FACTEURS_ELECTRICITE_KGCO2E_KWH_GAIN),
                       src.package, src.version, src.licence, src.url, src.data,
                       format_number(src.electricity_kg_per_kwh, 4, s.lang).c_str(),
                       s.lang == Lang::En ? src.electricity_en : src.electricity_fr, src.refurbished_title, src.refurbished_url);
}

// [SECTION] Observatory --------------------------------------------------------------------------
void observatory_inputs(UiState& s, Intents& in) {
    ImGui::SeparatorText(T(s, Msg::TERR_MON_RESUME_ANONYME));
    ImGui::TextWrapped("%s", T(s, Msg::TERR_CONTRIBUER_OBSERVATOIRE_VOTRE_TERRITOIRE_TELECHARGEZ));
    ImGui::Indent();
    ImGui::TextWrapped("%s", s.summary_lines.c_str());
    ImGui::Unindent();
    ImGui::TextWrapped("%s", T(s, Msg::TERR_NI_NOM_NI_NOTE_NI));
    if (s.workspace->organisation.insee.empty()) {
        ImGui::TextWrapped("%s", T(s, Msg::TERR_CHOISISSEZ_ABORD_COMMUNE_ORGANISATION_LENTILLE));
    } else if (primary_button(T(s, Msg::TERR_TELECHARGER_MON_RESUME_ANONYME))) {
        in.export_summary = true;
    }
    ImGui::SeparatorText(T(s, Msg::TERR_AGREGER_RESUMES));
    ImGui::TextWrapped("%s", T(s, Msg::TERR_IMPORTEZ_RESUMES_RECUS_PLUSIEURS_FICHIERS));
    if (ImGui::Button(T(s, Msg::TERR_IMPORTER_RESUMES))) in.open_summaries = true;
    if (s.aggregate) {
        ImGui::SameLine();
        if (ImGui::Button(T(s, Msg::TERR_VIDER_OBSERVATOIRE))) in.observatory_clear = true;
    }
    if (!s.observatory_title.empty()) {
        const bool refused = !s.observatory_errors.empty();
        ImGui::PushStyleColor(ImGuiCol_Border, refused ? palette().alert : palette().ok);
        ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 2.0f * s.scale);
        if (ImGui::BeginChild("##observatory_outcome", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY)) {
            ImGui::TextWrapped("%s", s.observatory_title.c_str());
            const size_t shown = s.observatory_errors.size() < 20 ? s.observatory_errors.size() : 20;
            for (size_t i = 0; i < shown; ++i) {
                ImGui::Bullet();
                ImGui::TextWrapped("%s", s.observatory_errors[i].c_str());
            }
            if (s.observatory_errors.size() > shown) {
                ImGui::Text(T(s, Msg::TERR_ZU_AUTRES_FICHIERS_REFUSES), s.observatory_errors.size() - shown);
            }
            if (ImGui::SmallButton(T(s, Msg::CLOSE))) {
                s.observatory_title.clear();
                s.observatory_errors.clear();
            }
        }
        ImGui::EndChild();
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
    }
    if (s.aggregate) {
        const char* const names[] = {T(s, Msg::TERR_INDICATOR_CONTRIBUTIONS), T(s, Msg::TERR_INDICATOR_SCORE),
                                     T(s, Msg::TERR_INDICATOR_OUTSIDE_EU), T(s, Msg::TERR_INDICATOR_MATURITY)};
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
        if (ImGui::BeginCombo(T(s, Msg::LENS_MAP), names[s.observatory_indicator])) {
            for (int i = 0; i < 4; ++i) {
                if (ImGui::Selectable(names[i], i == s.observatory_indicator)) {
                    s.observatory_indicator = i;
                    in.observatory_indicator_changed = true;
                }
            }
            ImGui::EndCombo();
        }
    }
}

void observatory_results(UiState& s, Intents& in) {
    if (!s.aggregate) {
        ImGui::TextWrapped("%s", T(s, Msg::TERR_AUCUN_RESUME_IMPORTE_INDICATEURS_COMMUNE));
        return;
    }
    const Aggregate& a = *s.aggregate;
    ImGui::PushFont(heading_font());
    ImGui::Text(T(s, Msg::TERR_U_CONTRIBUTIONS), a.contributions);
    ImGui::PopFont();
    const unsigned masked = a.masked_areas[static_cast<size_t>(AreaLevel::Commune)] + a.masked_areas[static_cast<size_t>(AreaLevel::Epci)] +
                            a.masked_areas[static_cast<size_t>(AreaLevel::All)];
    if (masked > 0) {
        ImGui::TextWrapped(T(s, Msg::TERR_U_ZONES_NE_SONT_PAS),
                           masked, a.threshold,
                           a.masked_secondary > 0 ? T(s, Msg::TERR_AUCUNE_PETITE_ZONE_NE_SE)
                                                  : "");
    }
    if (a.areas.empty()) {
        ImGui::TextWrapped(T(s, Msg::TERR_RIEN_AFFICHER_IL_FAUT_MOINS),
                           a.threshold);
    } else if (ImGui::BeginTable("##areas", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                               ImGuiTableFlags_SizingStretchProp,
                                 ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 14))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(T(s, Msg::TERR_ZONE), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(T(s, Msg::TERR_CONTRIB), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(T(s, Msg::DIAG_SCORE), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(T(s, Msg::TERR_HORS_UE), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(T(s, Msg::TERR_MATURITE), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        for (const Area& ar : a.areas) {
            const AreaStats& st = ar.stats;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ar.level == AreaLevel::All) ImGui::TextUnformatted(T(s, Msg::TERR_ENSEMBLE_2));
            else ImGui::TextWrapped("%s (%s)", ar.name.c_str(), ar.level == AreaLevel::Epci ? "EPCI" : ar.code.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%u", st.count);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(st.diagnostic_count ? format_number(st.diagnostic_sum / st.diagnostic_count, 0, s.lang).c_str() : "—");
            ImGui::TableNextColumn();
            const double outside = st.jurisdictions[static_cast<size_t>(Jurisdiction::US)] + st.jurisdictions[static_cast<size_t>(Jurisdiction::Other)];
            ImGui::TextUnformatted(st.services > 0 ? (format_number(outside / st.services * 100, 0, s.lang) + " %").c_str() : "—");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(st.territory_count ? format_number(st.territory_sum / st.territory_count, 0, s.lang).c_str() : "—");
        }
        ImGui::EndTable();
    }
    if (s.choropleth != nullptr && !s.choropleth->breaks.empty()) choropleth_legend(s);  // the map's colours, in words
    ImGui::TextUnformatted(T(s, Msg::TERR_EXPORTER_INDICATEURS));
    if (ImGui::Button("CSV")) in.export_observatory = 1;
    ImGui::SameLine();
    if (ImGui::Button(T(s, Msg::TERR_GEOJSON_UMAP_QGIS))) in.export_observatory = 2;
    ImGui::SameLine();
    if (ImGui::Button("JSON")) in.export_observatory = 3;
}

}  // namespace

// [SECTION] Panels -------------------------------------------------------------------------------
void territory_inputs_panel(UiState& s, Intents& in) {
    if (!s.workspace) return;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x * 0.5f, ImGui::GetStyle().FramePadding.y));
    if (ImGui::BeginTabBar("##territory_tabs")) {
        const char* tabs[3] = {T(s, Msg::TERR_EVALUATION), T(s, Msg::TERR_EMPREINTE),
                               T(s, Msg::TERR_OBSERVATOIRE)};
        for (int t = 0; t < 3; ++t) {
            const ImGuiTabItemFlags flags = t == s.territory_tab_request ? ImGuiTabItemFlags_SetSelected : 0;
            if (ImGui::BeginTabItem(tabs[t], nullptr, flags)) {
                s.territory_tab = t;
                ImGui::EndTabItem();
            }
        }
        s.territory_tab_request = -1;
        ImGui::EndTabBar();
    }
    ImGui::PopStyleVar();
    if (s.territory_tab == 0) assessment_inputs(s, in);
    else if (s.territory_tab == 1) footprint_inputs(s, in);
    else observatory_inputs(s, in);
}

void territory_results_panel(UiState& s, Intents& in) {
    if (!s.workspace) return;
    if (s.territory_tab == 0) assessment_results(s);
    else if (s.territory_tab == 1) footprint_results(s);
    else observatory_results(s, in);
}

}  // namespace px::ui
