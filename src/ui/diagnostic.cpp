// diagnostic.cpp — the Diagnostic lens: the inventory editor (left panel) and the results (right
// panel): the A–G label, the radar of the five axes drawn with ImDrawList, "Pourquoi ?" (every
// contribution with its reason and source) and the ranked alternatives with their distance.
// It edits the Workspace and sets Intents::workspace_changed; the caller scores (core/scoring.h).
// Does NOT compute any score, value or distance: everything shown comes from the Report.
// Index: [SECTION] Helpers · Catalogs · Inventory · Results
#include <imgui.h>

#include <cmath>    // std::cos, std::sin
#include <cstdio>   // std::snprintf
#include <string>   // std::string

#include "core/catalog.h"
#include "core/scoring.h"
#include "core/text.h"
#include "core/workspace.h"
#include "ui/ui_internal.h"

namespace px::ui {

// [SECTION] Helpers ------------------------------------------------------------------------------
// The energy-label colours every French household knows, A dark green → G red (the Ecoindex
// badge of the audit lens uses them too).
ImU32 grade_colour(char g) {
    const uint32_t rgb = grade_rgb(g);
    return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 255);
}

void outcome_box(UiState& s, const char* id, std::string& title, std::vector<std::string>& errors, size_t max_shown) {
    if (title.empty()) return;
    const bool failed = !errors.empty();
    ImGui::PushStyleColor(ImGuiCol_Border, failed ? palette().alert : palette().ok);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 2.0f * s.scale);
    if (ImGui::BeginChild(id, ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY)) {
        ImGui::TextWrapped("%s", title.c_str());
        const size_t shown = errors.size() < max_shown ? errors.size() : max_shown;
        for (size_t i = 0; i < shown; ++i) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", errors[i].c_str());
        }
        if (errors.size() > shown) {
            ImGui::Text(T(s, Msg::DIAG_ZU_AUTRES_ERREURS), errors.size() - shown);
        }
        if (failed) ImGui::TextUnformatted(T(s, Msg::DIAG_RIEN_N_ETE_MODIFIE));
        if (ImGui::SmallButton(T(s, Msg::CLOSE))) {
            title.clear();
            errors.clear();
        }
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

namespace {
// A yes / no / unknown fact as three radio buttons. Returns true when it changed.
bool tri_state(const UiState& s, const char* label, std::optional<bool>& v) {
    bool changed = false;
    ImGui::PushID(label);
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
    int cur = v ? (*v ? 1 : 0) : 2;
    if (ImGui::RadioButton(T(s, Msg::DIAG_OUI), &cur, 1)) changed = true;
    ImGui::SameLine();
    if (ImGui::RadioButton(T(s, Msg::DIAG_NON), &cur, 0)) changed = true;
    ImGui::SameLine();
    if (ImGui::RadioButton(T(s, Msg::DIAG_JE_NE_SAIS_PAS), &cur, 2)) changed = true;
    if (changed) v = cur == 2 ? std::nullopt : std::optional<bool>(cur == 1);
    ImGui::PopID();
    return changed;
}

bool optional_number(const char* label, std::optional<double>& v, double max) {
    double x = v.value_or(0);
    bool on = v.has_value();
    bool changed = false;
    ImGui::PushID(label);
    if (ImGui::Checkbox("##on", &on)) changed = true;
    ImGui::SameLine();
    ImGui::BeginDisabled(!on);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    if (ImGui::InputDouble(label, &x, 0, 0, "%.0f")) changed = true;
    ImGui::EndDisabled();
    ImGui::PopID();
    if (changed) {
        if (x < 0) x = 0;
        if (x > max) x = max;
        v = on ? std::optional<double>(x) : std::nullopt;
    }
    return changed;
}

// Every provider of the shipped facts and of the workspace's catalogs offering a category.
template <typename F>
void for_each_provider(const UiState& s, Category cat, F&& f) {
    if (s.catalogs) {
        for (const Catalog& c : s.catalogs->list()) {
            for (const Provider& p : c.providers) {
                if (p.kind == "provider" && p.offers(cat)) f(c, p);
            }
        }
    }
    for (const Catalog& c : s.workspace->catalogs) {
        for (const Provider& p : c.providers) {
            if (p.kind == "provider" && p.offers(cat)) f(c, p);
        }
    }
}
}  // namespace

// [SECTION] Catalogs -----------------------------------------------------------------------------
namespace {
// The loaded catalogs, the import button (the file itself is read by the page: api.js) and the
// last import's outcome, kept until dismissed.
void catalogs_section(UiState& s, Intents& in) {
    Workspace& ws = *s.workspace;
    ImGui::Separator();
    ImGui::TextUnformatted(T(s, Msg::DIAG_CATALOGUES_FOURNISSEURS));
    if (s.catalogs) {
        for (const Catalog& c : s.catalogs->list()) {
            ImGui::Bullet();
            ImGui::TextWrapped(T(s, Msg::FMT_LABEL_COUNT_UNIT), c.name.c_str(), c.providers.size(),
                               T(s, Msg::DIAG_FOURNISSEURS_LIVRES_AVEC_PROXINUM_FAITS));
        }
    }
    int remove = -1;
    for (size_t i = 0; i < ws.catalogs.size(); ++i) {
        const Catalog& c = ws.catalogs[i];
        ImGui::PushID(static_cast<int>(i) + 1000);
        if (ImGui::SmallButton(T(s, Msg::DIAG_RETIRER))) remove = static_cast<int>(i);
        ImGui::SameLine();
        ImGui::TextWrapped(T(s, Msg::DIAG_ZU_2), c.name.c_str(), c.providers.size(), T(s, Msg::DIAG_FOURNISSEURS),
                           c.example ? T(s, Msg::DIAG_EXEMPLE) : "");
        ImGui::PopID();
    }
    if (remove >= 0) {
        // Services that used one of its providers keep the provider's name, not a dangling id.
        for (const Provider& p : ws.catalogs[static_cast<size_t>(remove)].providers) {
            for (Service& sv : ws.services) {
                if (sv.provider == p.id && !find_provider(*s.catalogs, {}, p.id)) {
                    sv.provider.clear();
                    sv.provider_name = p.name;
                }
            }
        }
        ws.catalogs.erase(ws.catalogs.begin() + remove);
        in.workspace_changed = true;
    }
    if (ImGui::Button(T(s, Msg::DIAG_IMPORTER_CATALOGUE))) in.open_catalog = true;
    ImGui::TextWrapped("%s", T(s, Msg::DIAG_CSV_JSON_GEOJSON_DEPOSEZ_FICHIER));
    outcome_box(s, "##import", s.import_title, s.import_errors, 20);
}
}  // namespace

// [SECTION] Inventory ----------------------------------------------------------------------------
void diagnostic_inputs_panel(UiState& s, Intents& in) {
    if (!s.workspace) return;
    Workspace& ws = *s.workspace;
    ImGui::TextUnformatted(T(s, Msg::DIAG_VOTRE_ORGANISATION));
    char name[160];
    std::snprintf(name, sizeof name, "%s", ws.organisation.name.c_str());
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##orgname", T(s, Msg::DIAG_NOM_FACULTATIF), name, sizeof name)) {
        ws.organisation.name = name;
        in.workspace_changed = true;
    }
    if (ImGui::BeginCombo(T(s, Msg::DIAG_TYPE), org_kind_label(ws.organisation.kind, s.lang))) {
        for (int k = 0; k < static_cast<int>(OrgKind::COUNT); ++k) {
            if (ImGui::Selectable(org_kind_label(static_cast<OrgKind>(k), s.lang), static_cast<int>(ws.organisation.kind) == k)) {
                ws.organisation.kind = static_cast<OrgKind>(k);
                in.workspace_changed = true;
            }
        }
        ImGui::EndCombo();
    }
    // The commune, found by name, INSEE or postal code.
    std::string commune = T(s, Msg::DIAG_COMMUNE_NON_RENSEIGNEE);
    if (s.atlas && !ws.organisation.insee.empty()) {
        if (const Atlas::Commune* c = s.atlas->find_commune(ws.organisation.insee)) {
            commune = std::string(T(s, Msg::DIAG_COMMUNE)) + std::string(s.atlas->name(*c)) + " (" + c->code + ")";
        }
    }
    ImGui::TextUnformatted(commune.c_str());
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##orgcommune", T(s, Msg::DIAG_CHERCHER_COMMUNE_CODE_POSTAL),
                             s.commune_query, sizeof s.commune_query);
    if (s.places && s.commune_query[0] != '\0') {
        std::vector<Places::Match> found;
        s.places->search(s.commune_query, 5, found);
        for (const Places::Match& m : found) {
            const Atlas::Commune& c = s.atlas->communes[m.commune];
            const std::string label = std::string(s.atlas->name(c)) + " (" + c.code + ")";
            if (ImGui::Selectable(label.c_str())) {
                ws.organisation.insee = c.code;
                s.commune_query[0] = '\0';
                s.focus_next = UiState::FocusNext::AddService;  // the result is gone: the keyboard goes on from here
                in.workspace_changed = true;
            }
        }
    }
    ImGui::Separator();
    ImGui::TextUnformatted(T(s, Msg::DIAG_SERVICES_NUMERIQUES_UTILISES));
    if (ws.services.empty()) {
        ImGui::TextWrapped("%s", T(s, Msg::DIAG_AJOUTEZ_OUTILS_VOUS_UTILISEZ_MESSAGERIE));
    }
    int remove = -1;
    for (size_t i = 0; i < ws.services.size(); ++i) {
        Service& sv = ws.services[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string title = s.report && i < s.report->services.size() ? s.report->services[i].title
                                                                            : std::string(category_label(sv.category, s.lang));
        const bool open = s.editing == static_cast<int>(i);
        if (ImGui::Selectable(title.c_str(), open)) s.editing = open ? -1 : static_cast<int>(i);
        if (open) {
            ImGui::Indent();
            if (s.focus_next == UiState::FocusNext::Editor) {  // a service just added: its first field
                ImGui::SetKeyboardFocusHere();
                s.focus_next = UiState::FocusNext::None;
            }
            if (ImGui::BeginCombo(T(s, Msg::DIAG_CATEGORIE), category_label(sv.category, s.lang))) {
                for (int c = 0; c < static_cast<int>(Category::COUNT); ++c) {
                    if (ImGui::Selectable(category_label(static_cast<Category>(c), s.lang), static_cast<int>(sv.category) == c)) {
                        sv.category = static_cast<Category>(c);
                        in.workspace_changed = true;
                    }
                }
                ImGui::EndCombo();
            }
            // Presets: the known products of this category; picking one sets product and provider.
            if (ImGui::BeginCombo(T(s, Msg::DIAG_PRODUIT), sv.product.empty() ? "—" : sv.product.c_str())) {
                for_each_provider(s, sv.category, [&](const Catalog&, const Provider& p) {
                    for (const Product& pr : p.products) {
                        if (pr.category != sv.category) continue;
                        const std::string label = pr.name + " — " + p.name;
                        if (ImGui::Selectable(label.c_str(), sv.product == pr.name && sv.provider == p.id)) {
                            sv.product = pr.name;
                            sv.provider = p.id;
                            in.workspace_changed = true;
                        }
                    }
                });
                ImGui::EndCombo();
            }
            if (ImGui::BeginCombo(T(s, Msg::DIAG_FOURNISSEUR), sv.provider.empty() ? "—" : sv.provider.c_str())) {
                for_each_provider(s, sv.category, [&](const Catalog&, const Provider& p) {
                    if (ImGui::Selectable(p.name.c_str(), sv.provider == p.id)) {
                        sv.provider = p.id;
                        in.workspace_changed = true;
                    }
                });
                ImGui::EndCombo();
            }
            // What the service does (jobs.h): chosen here, else told by the product ("" = from the product).
            {
                const ServiceSummary* sum = s.report && i < s.report->services.size() ? &s.report->services[i] : nullptr;
                const std::string automatic = sum && sum->job >= 0 && sum->job_from != JobFrom::Declared
                                                  ? format_msg(Msg::DIAG_USAGE_AUTO, s.lang, job_label(static_cast<size_t>(sum->job), s.lang))
                                                  : std::string(T(s, Msg::DIAG_USAGE_AUTO_NONE));
                size_t chosen = 0;
                const bool has_job = !sv.job.empty() && job_from_code(sv.job, chosen);
                if (ImGui::BeginCombo(T(s, Msg::DIAG_USAGE), has_job ? job_label(chosen, s.lang) : automatic.c_str())) {
                    if (ImGui::Selectable(automatic.c_str(), !has_job)) {
                        sv.job.clear();
                        in.workspace_changed = true;
                    }
                    for (size_t j = 0; j < kJobCount; ++j) {
                        if (kJobs[j].category != sv.category) continue;
                        if (ImGui::Selectable(job_label(j, s.lang), has_job && chosen == j)) {
                            sv.job = job_code(j);
                            in.workspace_changed = true;
                        }
                    }
                    ImGui::EndCombo();
                }
            }
            in.workspace_changed |= tri_state(s, T(s, Msg::DIAG_DONNEES_PERSONNELLES), sv.personal_data);
            in.workspace_changed |= tri_state(s, T(s, Msg::DIAG_LOGICIEL_LIBRE), sv.open_source);
            in.workspace_changed |= tri_state(s, T(s, Msg::DIAG_FORMATS_OUVERTS), sv.open_formats);
            in.workspace_changed |= tri_state(s, T(s, Msg::DIAG_EXPORT_COMPLET), sv.export_data);
            in.workspace_changed |= tri_state(s, T(s, Msg::DIAG_DECLARATION_ACCESSIBILITE),
                                              sv.accessibility_statement);
            in.workspace_changed |= tri_state(s, T(s, Msg::DIAG_PERSONNE_JOINDRE), sv.assisted_channel);
            in.workspace_changed |= optional_number(T(s, Msg::DIAG_COUT_ANNUEL), sv.yearly_cost_eur, 1e9);
            in.workspace_changed |= optional_number(T(s, Msg::DIAG_UTILISATEURS), sv.users, 1e6);
            in.workspace_changed |= optional_number(T(s, Msg::DIAG_SOBRIETE_MESUREE_0_100), sv.sobriety, 100);
            if (ImGui::Button(T(s, Msg::DIAG_RETIRER_CE_SERVICE))) remove = static_cast<int>(i);
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
    if (remove >= 0) {
        ws.services.erase(ws.services.begin() + remove);
        s.editing = -1;
        in.workspace_changed = true;
    }
    if (s.focus_next == UiState::FocusNext::AddService) {
        ImGui::SetKeyboardFocusHere();
        s.focus_next = UiState::FocusNext::None;
    }
    if (ws.services.size() < kWorkspaceMaxServices && primary_button(T(s, Msg::DIAG_AJOUTER_SERVICE))) {
        ws.services.push_back(Service{});
        ws.services.back().category = Category::Email;
        s.editing = static_cast<int>(ws.services.size() - 1);
        s.focus_next = UiState::FocusNext::Editor;
        in.workspace_changed = true;
    }
    catalogs_section(s, in);
}

// [SECTION] Results ------------------------------------------------------------------------------
void diagnostic_results_panel(UiState& s, Intents& in) {
    if (!s.workspace || !s.report) return;
    const Report& r = *s.report;
    Workspace& ws = *s.workspace;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float em = ImGui::GetFontSize();
    // The label: a coloured arrow with the letter, and the score beside it.
    {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = em * 2.6f, w = em * 4.2f;
        dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), grade_colour(r.grade), em * 0.2f);
        char letter[2] = {r.grade, 0};
        ImGui::PushFont(heading_font());
        const ImVec2 ts = ImGui::CalcTextSize(letter);
        dl->AddText(ImVec2(p.x + (w - ts.x) * 0.5f, p.y + (h - ts.y) * 0.5f), IM_COL32_WHITE, letter);
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(w, h));
        ImGui::SameLine();
        ImGui::BeginGroup();
        if (r.score_known) {
            ImGui::TextWrapped("%s", format_msg(Msg::DIAG_SCORE_RANGE, s.lang, format_number(r.score, 0, s.lang).c_str(),
                                                format_number(r.score_max, 0, s.lang).c_str()).c_str());
        } else {
            ImGui::TextUnformatted(T(s, Msg::DIAG_SCORE_INCONNU_AJOUTEZ_SERVICES));
        }
        const std::string share = format_number(r.known_share * 100.0, 0, s.lang) + T(s, Msg::PERCENT_SIGN);
        ImGui::TextWrapped("%s", format_msg(Msg::DIAG_KNOWN_SHARE, s.lang, share.c_str()).c_str());
        ImGui::EndGroup();
    }
    // The radar of the five axes: the floor filled, the ceiling outlined, each axis labelled with
    // its value or its range (the axes are written as text below too).
    {
        const float size = em * 11;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImVec2 c(p.x + ImGui::GetContentRegionAvail().x * 0.5f, p.y + size * 0.5f);
        const float radius = size * 0.36f;
        ImVec2 pts[kAxisCount];
        for (int ring = 1; ring <= 4; ++ring) {
            for (size_t a = 0; a < kAxisCount; ++a) {
                const float ang = -1.5707963f + 6.2831853f * static_cast<float>(a) / kAxisCount;
                pts[a] = ImVec2(c.x + std::cos(ang) * radius * ring / 4.0f, c.y + std::sin(ang) * radius * ring / 4.0f);
            }
            dl->AddPolyline(pts, static_cast<int>(kAxisCount), palette().grid, ImDrawFlags_Closed, 1.0f);
        }
        for (size_t a = 0; a < kAxisCount; ++a) {
            const float ang = -1.5707963f + 6.2831853f * static_cast<float>(a) / kAxisCount;
            const float v = r.axes[a].known ? static_cast<float>(r.axes[a].score) / 100.0f : 0.0f;
            pts[a] = ImVec2(c.x + std::cos(ang) * radius * v, c.y + std::sin(ang) * radius * v);
            char label[96];
            if (r.axes[a].known && r.axes[a].complete) std::snprintf(label, sizeof label, "%.0f", r.axes[a].score);
            else if (r.axes[a].known) std::snprintf(label, sizeof label, "%.0f–%.0f", r.axes[a].score, r.axes[a].ceiling);
            else std::snprintf(label, sizeof label, "?");
            const ImVec2 lp(c.x + std::cos(ang) * (radius + em * 0.9f), c.y + std::sin(ang) * (radius + em * 0.9f));
            const ImVec2 ts = ImGui::CalcTextSize(label);
            dl->AddText(ImVec2(lp.x - ts.x * 0.5f, lp.y - ts.y * 0.5f), palette().text, label);
        }
        // The ceiling as a thin outline around the filled floor: the range the unknowns leave.
        ImVec2 top[kAxisCount];
        for (size_t a = 0; a < kAxisCount; ++a) {
            const float ang = -1.5707963f + 6.2831853f * static_cast<float>(a) / kAxisCount;
            const float v = r.axes[a].known ? static_cast<float>(r.axes[a].ceiling) / 100.0f : 0.0f;
            top[a] = ImVec2(c.x + std::cos(ang) * radius * v, c.y + std::sin(ang) * radius * v);
        }
        dl->AddPolyline(top, static_cast<int>(kAxisCount), palette().accent, ImDrawFlags_Closed, 1.0f);
        dl->AddConvexPolyFilled(pts, static_cast<int>(kAxisCount), palette().accent_fill);
        dl->AddPolyline(pts, static_cast<int>(kAxisCount), palette().accent, ImDrawFlags_Closed, 2.0f);
        ImGui::Dummy(ImVec2(size, size));
    }
    if (r.score_known) ImGui::TextWrapped("%s", T(s, Msg::DIAG_LABEL_FROM_FLOOR));
    // The axes as text too (the radar never carries information alone), with the weights.
    for (size_t a = 0; a < kAxisCount; ++a) {
        const AxisResult& ax = r.axes[a];
        ImGui::PushID(static_cast<int>(a));
        if (ax.known && !ax.complete) {
            const std::string range = format_number(ax.score, 0, s.lang) + "–" + format_number(ax.ceiling, 0, s.lang);
            ImGui::Text(T(s, Msg::FMT_LABEL_VALUE), axis_label(static_cast<Axis>(a), s.lang), range.c_str());
        } else if (ax.known) ImGui::Text(T(s, Msg::FMT_LABEL_NUMBER), axis_label(static_cast<Axis>(a), s.lang), ax.score);
        else ImGui::Text(T(s, Msg::FMT_LABEL_VALUE), axis_label(static_cast<Axis>(a), s.lang), T(s, Msg::DIAG_INCONNU));
        float w = static_cast<float>(ws.weights[a]);
        ImGui::SetNextItemWidth(em * 8);
        if (ImGui::SliderFloat(T(s, Msg::DIAG_POIDS), &w, 0.0f, 100.0f, "%.0f")) {
            ws.weights[a] = w;
            in.workspace_changed = true;
        }
        ImGui::PopID();
    }
    if (ImGui::CollapsingHeader(T(s, Msg::DIAG_POURQUOI_CHAQUE_POINT_EXPLIQUE))) {
        for (size_t a = 0; a < kAxisCount; ++a) {
            ImGui::TextUnformatted(axis_label(static_cast<Axis>(a), s.lang));
            for (const Contribution& c : r.contributions) {
                if (static_cast<size_t>(c.axis) != a) continue;
                if (c.known) {
                    ImGui::BulletText("%+.1f  %s (%s)", c.points, c.reason.c_str(), provenance_label(c.provenance, s.lang));
                } else {
                    ImGui::BulletText("%+.1f  %s  %s", c.points, T(s, Msg::DIAG_DOCUMENTER), c.reason.c_str());
                }
                if (!c.source.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", c.source.c_str());
            }
        }
    }
    if (ImGui::CollapsingHeader(T(s, Msg::DIAG_ALTERNATIVES), ImGuiTreeNodeFlags_DefaultOpen)) {
        float km = static_cast<float>(ws.alternatives_km);
        ImGui::SetNextItemWidth(em * 10);
        if (ImGui::SliderFloat(T(s, Msg::DIAG_MOINS_KM_0_PARTOUT), &km, 0.0f, 1000.0f, "%.0f")) {
            ws.alternatives_km = km;
            in.workspace_changed = true;
        }
        // Per service: what it does, the sure alternatives, then those to check, each with its why.
        bool any = false;
        for (size_t i = 0; i < r.services.size(); ++i) {
            const ServiceSummary& sum = r.services[i];
            bool header = false;
            bool checking = false;
            for (const Alternative& a : r.alternatives) {
                if (a.service != static_cast<int32_t>(i)) continue;
                if (!header) {
                    ImGui::SeparatorText(sum.title.c_str());
                    header = any = true;
                }
                if (a.to_check && !checking) {
                    ImGui::TextUnformatted(T(s, Msg::DIAG_ALT_TO_CHECK));
                    checking = true;
                }
                const std::string who = a.product.empty() || a.product == a.name ? a.name : a.product + " (" + a.name + ")";
                ImGui::Bullet();
                ImGui::TextWrapped("%s — %s", who.c_str(), alternative_reason(a, s.lang).c_str());
            }
            if (sum.job < 0 || !header) {
                if (!header) ImGui::SeparatorText(sum.title.c_str());
                ImGui::TextWrapped("%s", T(s, sum.job < 0 ? Msg::DIAG_JOB_UNKNOWN : Msg::DIAG_NO_ALT_FOR_SERVICE));
                any = true;
            }
        }
        if (!any) ImGui::TextWrapped("%s", T(s, Msg::DIAG_AUCUNE_ALTERNATIVE_MEILLEURE_DANS_CATALOGUES));
    }
}

}  // namespace px::ui
