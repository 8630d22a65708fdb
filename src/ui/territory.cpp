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
    if (!p.known) return L(s, "non évalué", "not assessed");
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
        if (ImGui::BeginCombo(L(s, "Année", "Year"), label)) {
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
        std::snprintf(label, sizeof label, L(s, "Commencer l'autoévaluation %d", "Start the %d self-assessment"),
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
            ImGui::SetTooltip("%s", L(s, "Reprend les réponses de l'année affichée, à mettre à jour.",
                                      "Starts from the answers of the year shown, to update."));
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
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", L(s, "Non évalué : ne compte pas", "Not assessed: does not count"));
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
    if (ImGui::SmallButton(open ? L(s, "Fermer", "Close") : L(s, "Détails", "Details"))) {
        s.territory_sub = open ? -1 : static_cast<int>(i);
    }
    if (changed) {
        a.levels[i] = static_cast<int8_t>(level);
        in.territory_changed = true;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
    if (level >= 0) {
        ImGui::TextWrapped("%s %d, %s : %s", L(s, "Niveau", "Level"), level, g.scale[static_cast<size_t>(level)].in(s.lang).c_str(),
                           sub.levels[static_cast<size_t>(level)].in(s.lang).c_str());
    } else {
        ImGui::TextWrapped("%s", L(s, "Non évalué.", "Not assessed."));
    }
    ImGui::PopStyleColor();
    if (open) {
        ImGui::Indent();
        for (int l = 0; l < kMaturityLevels; ++l) {
            ImGui::TextWrapped("%s %d — %s%s", l == level ? "▶" : " ", l, sub.levels[static_cast<size_t>(l)].in(s.lang).c_str(),
                               l == level ? L(s, " (votre niveau)", " (your level)") : "");
        }
        ImGui::TextWrapped("%s %s", L(s, "Preuve à garder :", "Evidence to keep:"), sub.evidence.in(s.lang).c_str());
        if (sub.indicator) {
            const GridIndicator& ind = *sub.indicator;
            const auto it = a.indicators.find(ind.id);
            ImGui::TextWrapped("%s %s", L(s, "Indicateur :", "Indicator:"), ind.title.in(s.lang).c_str());
            if (ind.unit == "bool") {
                int v = it == a.indicators.end() ? -1 : it->second != 0 ? 1 : 0;
                bool c = ImGui::RadioButton(L(s, "oui", "yes"), &v, 1);
                ImGui::SameLine();
                c |= ImGui::RadioButton(L(s, "non", "no"), &v, 0);
                ImGui::SameLine();
                c |= ImGui::RadioButton(L(s, "je ne sais pas", "don't know"), &v, -1);
                if (c) {
                    if (v < 0) a.indicators.erase(ind.id);
                    else a.indicators[ind.id] = v;
                    in.territory_changed = true;
                }
            } else {
                bool known = it != a.indicators.end();
                double v = known ? it->second : 0;
                if (ImGui::Checkbox(L(s, "connu", "known"), &known)) {
                    if (known) a.indicators[ind.id] = 0;
                    else a.indicators.erase(ind.id);
                    in.territory_changed = true;
                }
                if (known) {
                    ImGui::SameLine();
                    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
                    const double max = ind.unit == "%" ? 100 : ind.unit == "years" ? 50 : 1e9;
                    const char* unit = ind.unit == "%" ? "%" : ind.unit == "years" ? L(s, "ans", "years")
                                     : ind.unit == "per10k" ? L(s, "pour 10 000 hab.", "per 10,000 inhabitants") : "";
                    if (ImGui::InputDouble(unit, &v, 0, 0, "%.1f")) {
                        a.indicators[ind.id] = v < 0 ? 0 : v > max ? max : v;
                        in.territory_changed = true;
                    }
                }
            }
        }
        std::string note;
        if (const auto n = a.notes.find(sub.id); n != a.notes.end()) note = n->second;
        ImGui::TextUnformatted(L(s, "Note (reste dans votre espace, jamais dans un résumé partagé) :",
                                 "Note (stays in your workspace, never in a shared summary):"));
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
    ImGui::TextWrapped("%s", L(s, "Chargement de la grille du manifeste…", "Loading the manifesto's grid…"));
}

void assessment_inputs(UiState& s, Intents& in) {
    if (!territory_texts_loaded()) return loading(s);
    const Grid& g = territory_grid();
    year_row(s, in);
    Assessment* a = shown_assessment(s);
    if (!a) {
        ImGui::TextWrapped("%s", L(s, "La grille suit les 3 ambitions et 9 engagements du manifeste pour des territoires "
                                      "numériques responsables, en 45 questions. Répondez à ce que vous savez : une question "
                                      "sans réponse reste « non évaluée », elle ne compte jamais pour 0.",
                                   "The grid follows the 3 ambitions and 9 commitments of the manifesto for responsible "
                                   "digital territories, in 45 questions. Answer what you know: a question left blank stays "
                                   "\"not assessed\", it never counts as 0."));
        return;
    }
    if (a->levels.size() != g.subs.size()) a->levels.resize(g.subs.size(), -1);
    ImGui::TextWrapped("%s", L(s, "Niveaux : 0 non engagé, 1 intention, 2 actions ponctuelles, 3 déployé et mesuré, "
                                  "4 évalué, partagé et exemplaire. « ? » : non évalué.",
                               "Levels: 0 not engaged, 1 intention, 2 one-off actions, 3 deployed and measured, "
                               "4 evaluated, shared and exemplary. \"?\": not assessed."));
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
    ImGui::TextWrapped("%s %s, %s (%s).", L(s, "Grille écrite par Proxinum d'après le", "Grid written by Proxinum from the"),
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
        ImGui::TextWrapped("%s", L(s, "Commencez l'autoévaluation à gauche : les scores, le radar et le plan d'action "
                                      "apparaîtront ici.",
                                   "Start the self-assessment on the left: scores, radar and action plan will show here."));
        return;
    }
    const TerritoryScore& ts = *s.territory_score;
    ImGui::PushFont(heading_font());
    ImGui::Text("%s %d : %s", L(s, "Maturité", "Maturity"), a->year, score_text(s, ts.overall).c_str());
    ImGui::PopFont();
    ImGui::Text(L(s, "%zu sous-engagements évalués sur %zu", "%zu of %zu sub-commitments assessed"), ts.overall.answered,
                ts.overall.total);
    radar(ts);
    if (ImGui::BeginTable("##commitments", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(L(s, "Engagement", "Commitment"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(L(s, "Score", "Score"), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(L(s, "Évalués", "Assessed"), ImGuiTableColumnFlags_WidthFixed);
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
    ImGui::SeparatorText(L(s, "Forces", "Strengths"));
    if (ts.strengths.empty()) ImGui::TextWrapped("%s", L(s, "Aucun engagement à 50 ou plus pour l'instant.", "No commitment at 50 or more yet."));
    for (const size_t c : ts.strengths) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s. %s (%s)", g.commitments[c].id.c_str(), g.commitments[c].title.in(s.lang).c_str(),
                           score_text(s, ts.commitments[c]).c_str());
    }
    ImGui::SeparatorText(L(s, "Points faibles", "Gaps"));
    if (ts.gaps.empty()) ImGui::TextWrapped("%s", L(s, "Aucun engagement sous 50.", "No commitment under 50."));
    for (const size_t c : ts.gaps) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s. %s (%s)", g.commitments[c].id.c_str(), g.commitments[c].title.in(s.lang).c_str(),
                           score_text(s, ts.commitments[c]).c_str());
    }
    ImGui::SeparatorText(L(s, "Plan d'action", "Action plan"));
    ImGui::TextWrapped("%s", L(s, "Les prochaines marches des trois engagements les plus faibles :",
                               "The next steps of the three weakest commitments:"));
    for (const PlanStep& p : ts.plan) {
        const GridSub& sub = g.subs[p.sub];
        ImGui::Bullet();
        if (p.to < 0) {
            ImGui::TextWrapped("%s %s — %s", sub.id.c_str(), sub.title.in(s.lang).c_str(), L(s, "à évaluer d'abord", "to assess first"));
        } else {
            ImGui::TextWrapped("%s %s — %s %d → %d : %s", sub.id.c_str(), sub.title.in(s.lang).c_str(), L(s, "niveau", "level"),
                               p.from, p.to, sub.levels[static_cast<size_t>(p.to)].in(s.lang).c_str());
        }
    }
    if (s.territory_comparison) {
        const Comparison& cmp = *s.territory_comparison;
        char title[96];
        std::snprintf(title, sizeof title, L(s, "Évolution depuis %d", "Change since %d"), s.comparison_year);
        ImGui::SeparatorText(title);
        ImGui::Text(L(s, "%zu sous-engagements ont changé de niveau.", "%zu sub-commitments changed level."), cmp.changes.size());
        if (ImGui::BeginTable("##compare", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
            char y0[8], y1[8];
            std::snprintf(y0, sizeof y0, "%d", s.comparison_year);
            std::snprintf(y1, sizeof y1, "%d", a->year);
            ImGui::TableSetupColumn(L(s, "Engagement", "Commitment"), ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn(y0, ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn(y1, ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn(L(s, "Écart", "Change"), ImGuiTableColumnFlags_WidthFixed);
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
            row(L(s, "Ensemble", "Overall"), cmp.overall.first, cmp.overall.second);
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
    ImGui::TextWrapped("%s", L(s, "Votre parc d'équipements : combien, gardés combien d'années, quelle part achetée "
                                  "reconditionnée. Laissez la durée vide pour prendre celle de l'ADEME.",
                               "Your equipment: how many, kept how many years, what share bought refurbished. Leave the "
                               "lifetime empty to use ADEME's."));
    int remove = -1;
    for (size_t i = 0; i < fleet.items.size(); ++i) {
        FleetItem& it = fleet.items[i];
        const DeviceFactor* f = find_device_factor(it.kind);
        if (!f) continue;
        ImGui::PushID(static_cast<int>(i));
        ImGui::Separator();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
        if (ImGui::BeginCombo(L(s, "Équipement", "Device"), device_label(*f, s.lang))) {
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
        if (ImGui::InputInt(L(s, "Nombre", "Count"), &count)) {
            it.count = count < 0 ? 0 : count > kFleetMaxCount ? kFleetMaxCount : count;
            in.territory_changed = true;
        }
        float life = static_cast<float>(it.lifetime_years.value_or(0));
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        char hint[64];
        std::snprintf(hint, sizeof hint, L(s, "ADEME : %.1f", "ADEME: %.1f"), f->lifetime_years);
        if (ImGui::InputFloat(L(s, "Durée (ans)", "Lifetime (years)"), &life, 0, 0, it.lifetime_years ? "%.1f" : hint)) {
            if (life >= 0.5f && life <= 50) it.lifetime_years = life;
            else if (life == 0) it.lifetime_years.reset();
            in.territory_changed = true;
        }
        if (f->refurbished_avoided >= 0) {
            int pct = static_cast<int>(std::lround(it.refurbished_share.value_or(0) * 100));
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
            if (ImGui::SliderInt(L(s, "Reconditionnés", "Refurbished"), &pct, 0, 100, "%d %%")) {
                it.refurbished_share = pct / 100.0;
                in.territory_changed = true;
            }
        } else {
            ImGui::TextDisabled("%s", L(s, "Reconditionné : aucun gain publié pour ce type", "Refurbished: no published gain for this kind"));
        }
        if (ImGui::SmallButton(L(s, "Retirer", "Remove"))) remove = static_cast<int>(i);
        ImGui::PopID();
    }
    if (remove >= 0) {
        fleet.items.erase(fleet.items.begin() + remove);
        in.territory_changed = true;
    }
    if (fleet.items.size() < kFleetMaxItems && ImGui::Button(L(s, "Ajouter un équipement", "Add a device"))) {
        fleet.items.push_back(FleetItem{"laptop", 1, {}, {}, {}});
        in.territory_changed = true;
    }
}

void footprint_results(UiState& s) {
    if (!s.footprint || s.footprint->lines.empty()) {
        ImGui::TextWrapped("%s", L(s, "Ajoutez vos équipements à gauche : l'empreinte annuelle apparaîtra ici.",
                                   "Add your devices on the left: the yearly footprint will show here."));
        return;
    }
    const FootprintResult& r = *s.footprint;
    const FootprintSources& src = kFootprintSources;
    ImGui::PushFont(heading_font());
    ImGui::Text("%s kgCO2e %s", format_number(r.total_kg, 0, s.lang).c_str(), L(s, "par an", "a year"));
    ImGui::PopFont();
    ImGui::TextWrapped(L(s, "Fabrication, transport et fin de vie répartis sur la durée de vie : %s kg ; électricité : %s kg.",
                         "Manufacturing, transport and end of life spread over the lifetime: %s kg; electricity: %s kg."),
                       format_number(r.embodied_kg, 0, s.lang).c_str(), format_number(r.use_kg, 0, s.lang).c_str());
    if (ImGui::BeginTable("##fleet", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        const float num_w = ImGui::CalcTextSize("Électricité").x;
        ImGui::TableSetupColumn(L(s, "Équipement", "Device"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(L(s, "Fabrication", "Embodied"), ImGuiTableColumnFlags_WidthFixed, num_w);
        ImGui::TableSetupColumn(L(s, "Électricité", "Electricity"), ImGuiTableColumnFlags_WidthFixed, num_w);
        ImGui::TableHeadersRow();
        for (const FootprintLine& l : r.lines) {
            const DeviceFactor& f = *l.factor;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s × %s", device_label(f, s.lang), format_number(l.count, 0, s.lang).c_str());
            if (ImGui::IsItemHovered()) {
                ImGui::SetTooltip(L(s, "ADEME (%s %s, règle « %s ») : fabrication %s kg, transport %s kg, fin de vie %s kg, "
                                       "durée %s ans",
                                    "ADEME (%s %s, rule \"%s\"): manufacturing %s kg, transport %s kg, end of life %s kg, "
                                    "lifetime %s years"),
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
            else ImGui::TextUnformatted(L(s, "inconnue", "unknown"));
        }
        ImGui::EndTable();
    }
    ImGui::TextWrapped("%s", L(s, "Par an. Survolez un équipement pour voir ses facteurs ADEME.",
                               "A year. Hover over a device to see its ADEME factors."));
    ImGui::SeparatorText(L(s, "Et si…", "What if…"));
    for (const FootprintScenario& sc : r.scenarios) {
        ImGui::Bullet();
        ImGui::TextWrapped(L(s, "%s : %s kgCO2e par an (%s kg de moins)", "%s: %s kgCO2e a year (%s kg less)"),
                           scenario_label(sc.id, s.lang), format_number(sc.total_kg, 0, s.lang).c_str(),
                           format_number(sc.saving_kg, 0, s.lang).c_str());
    }
    ImGui::SeparatorText(L(s, "Sources", "Sources"));
    ImGui::TextWrapped(L(s, "Facteurs : %s %s (%s, %s), %s. Électricité : %s kgCO2e/kWh, %s. Gain du reconditionné : %s "
                            "(bas de la fourchette publiée), %s.",
                         "Factors: %s %s (%s, %s), %s. Electricity: %s kgCO2e/kWh, %s. Gain of refurbished devices: %s "
                         "(low end of the published range), %s."),
                       src.package, src.version, src.licence, src.url, src.data,
                       format_number(src.electricity_kg_per_kwh, 4, s.lang).c_str(),
                       s.lang == Lang::En ? src.electricity_en : src.electricity_fr, src.refurbished_title, src.refurbished_url);
}

// [SECTION] Observatory --------------------------------------------------------------------------
void observatory_inputs(UiState& s, Intents& in) {
    ImGui::SeparatorText(L(s, "Mon résumé anonyme", "My anonymous summary"));
    ImGui::TextWrapped("%s", L(s, "Pour contribuer à l'observatoire de votre territoire, téléchargez ce résumé et "
                                  "envoyez-le à la collectivité qui le tient. Voici tout ce qu'il contient :",
                               "To contribute to your territory's observatory, download this summary and send it to the "
                               "authority that runs it. Here is everything it holds:"));
    ImGui::Indent();
    ImGui::TextWrapped("%s", s.summary_lines.c_str());
    ImGui::Unindent();
    ImGui::TextWrapped("%s", L(s, "Ni nom, ni note, ni produit, ni fournisseur : seulement des nombres, la commune et le "
                                  "type d'organisation.",
                               "No name, no note, no product, no provider: only numbers, the commune and the kind of "
                               "organisation."));
    if (s.workspace->organisation.insee.empty()) {
        ImGui::TextWrapped("%s", L(s, "Choisissez d'abord la commune de l'organisation (lentille Diagnostic).",
                                   "First choose the organisation's commune (Diagnostic lens)."));
    } else if (primary_button(L(s, "Télécharger mon résumé anonyme", "Download my anonymous summary"))) {
        in.export_summary = true;
    }
    ImGui::SeparatorText(L(s, "Agréger des résumés", "Aggregate summaries"));
    ImGui::TextWrapped("%s", L(s, "Importez les résumés reçus (plusieurs fichiers à la fois, ou déposez-les sur la page). "
                                  "Un fichier refusé l'est en entier et les autres sont comptés. Une zone de moins de 5 "
                                  "contributions n'est jamais affichée seule.",
                               "Import the summaries you received (several files at once, or drop them on the page). A "
                               "refused file is refused whole and the others are counted. An area with fewer than 5 "
                               "contributions is never shown on its own."));
    if (ImGui::Button(L(s, "Importer des résumés…", "Import summaries…"))) in.open_summaries = true;
    if (s.aggregate) {
        ImGui::SameLine();
        if (ImGui::Button(L(s, "Vider l'observatoire", "Clear the observatory"))) in.observatory_clear = true;
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
                ImGui::Text(L(s, "… et %zu autres fichiers refusés", "… and %zu more refused files"), s.observatory_errors.size() - shown);
            }
            if (ImGui::SmallButton(L(s, "Fermer", "Close"))) {
                s.observatory_title.clear();
                s.observatory_errors.clear();
            }
        }
        ImGui::EndChild();
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
    }
    if (s.aggregate) {
        static const char* const kFr[] = {"Contributions", "Score moyen du diagnostic", "Part des services hors UE",
                                          "Maturité moyenne"};
        static const char* const kEn[] = {"Contributions", "Mean diagnostic score", "Share of services outside the EU",
                                          "Mean maturity"};
        const char* const* names = s.lang == Lang::En ? kEn : kFr;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
        if (ImGui::BeginCombo(L(s, "Carte", "Map"), names[s.observatory_indicator])) {
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
        ImGui::TextWrapped("%s", L(s, "Aucun résumé importé. Les indicateurs par commune et par EPCI apparaîtront ici, et "
                                      "sur la carte.",
                                   "No summary imported. Indicators per commune and per EPCI will show here, and on the map."));
        return;
    }
    const Aggregate& a = *s.aggregate;
    ImGui::PushFont(heading_font());
    ImGui::Text(L(s, "%u contributions", "%u contributions"), a.contributions);
    ImGui::PopFont();
    const unsigned masked = a.masked_areas[static_cast<size_t>(AreaLevel::Commune)] + a.masked_areas[static_cast<size_t>(AreaLevel::Epci)] +
                            a.masked_areas[static_cast<size_t>(AreaLevel::All)];
    if (masked > 0) {
        ImGui::TextWrapped(L(s, "%u zones ne sont pas affichées : moins de %d contributions (elles comptent dans l'EPCI ou "
                                "l'ensemble, et prennent leur couleur sur la carte)%s.",
                             "%u areas are not shown: fewer than %d contributions (they count in their EPCI or the whole, "
                             "and take its colour on the map)%s."),
                           masked, a.threshold,
                           a.masked_secondary > 0 ? L(s, ", ou pour qu'aucune petite zone ne se déduise par soustraction",
                                                      ", or so that no small area can be worked out by subtraction")
                                                  : "");
    }
    if (a.areas.empty()) {
        ImGui::TextWrapped(L(s, "Rien à afficher : il faut au moins %d contributions.", "Nothing to show: at least %d contributions are needed."),
                           a.threshold);
    } else if (ImGui::BeginTable("##areas", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                               ImGuiTableFlags_SizingStretchProp,
                                 ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 14))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(L(s, "Zone", "Area"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(L(s, "Contrib.", "Contrib."), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(L(s, "Score", "Score"), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(L(s, "Hors UE", "Outside EU"), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(L(s, "Maturité", "Maturity"), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        for (const Area& ar : a.areas) {
            const AreaStats& st = ar.stats;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ar.level == AreaLevel::All) ImGui::TextUnformatted(L(s, "Ensemble", "All"));
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
    ImGui::TextUnformatted(L(s, "Exporter les indicateurs :", "Export the indicators:"));
    if (ImGui::Button("CSV")) in.export_observatory = 1;
    ImGui::SameLine();
    if (ImGui::Button(L(s, "GeoJSON (uMap, QGIS)", "GeoJSON (uMap, QGIS)"))) in.export_observatory = 2;
    ImGui::SameLine();
    if (ImGui::Button("JSON")) in.export_observatory = 3;
}

}  // namespace

// [SECTION] Panels -------------------------------------------------------------------------------
void territory_inputs_panel(UiState& s, Intents& in) {
    if (!s.workspace) return;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x * 0.5f, ImGui::GetStyle().FramePadding.y));
    if (ImGui::BeginTabBar("##territory_tabs")) {
        const char* tabs[3] = {L(s, "Évaluation", "Assessment"), L(s, "Empreinte", "Footprint"),
                               L(s, "Observatoire", "Observatory")};
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
