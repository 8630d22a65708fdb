// shell.cpp — the frame of the app: top bar (name, the four lenses, FR/EN, "?"), left panel
// (the lens's inputs), centre (the map's place), right panel (results), status bar, the welcome
// card and "À propos / sources". Panels are placed by the app every frame (ImGui 1.90.1 has no
// docking): no floating debug windows, no title bars with collapse arrows.
// Each lens's own panels live in src/ui/<lens>.cpp as they get built; until then lens_panel()
// says plainly "À venir".
//
// Index: [SECTION] Lenses · Layout · Top bar · Panels · Welcome card · About · Frame
#include <imgui.h>

#include <algorithm>  // std::max
#include <cmath>    // std::abs
#include <cstdio>   // std::snprintf
#include <cstring>  // std::strcmp

#include "core/atlas.h"
#include "core/credits.h"
#include "core/i18n.h"
#include "core/version.h"
#include "ui/ui.h"
#include "ui/ui_internal.h"

namespace px::ui {

// [SECTION] Lenses --------------------------------------------------------------------------------
namespace {
struct LensInfo {
    Lens lens;
    const char* code;
    Msg name;
    Msg entry;
    Msg about;
};
constexpr LensInfo kLenses[] = {
    {Lens::Diagnostic, "diagnostic", Msg::LENS_DIAGNOSTIC, Msg::LENS_DIAGNOSTIC_ENTRY,
     Msg::LENS_DIAGNOSTIC_ABOUT},
    {Lens::Audit, "audit", Msg::LENS_AUDIT, Msg::LENS_AUDIT_ENTRY, Msg::LENS_AUDIT_ABOUT},
    {Lens::Territory, "territoire", Msg::LENS_TERRITORY, Msg::LENS_TERRITORY_ENTRY,
     Msg::LENS_TERRITORY_ABOUT},
    {Lens::Map, "carte", Msg::LENS_MAP, Msg::LENS_MAP_ENTRY, Msg::LENS_MAP_ABOUT},
};
static_assert(sizeof(kLenses) / sizeof(kLenses[0]) == static_cast<size_t>(Lens::COUNT),
              "one entry per lens");

const LensInfo& info(Lens lens) { return kLenses[static_cast<int>(lens)]; }
}  // namespace

const char* lens_code(Lens lens) { return info(lens).code; }

bool lens_from_code(const char* code, Lens& out) {
    if (code == nullptr) return false;
    for (const LensInfo& l : kLenses) {
        if (std::strcmp(code, l.code) == 0) {
            out = l.lens;
            return true;
        }
    }
    return false;
}

// [SECTION] Layout --------------------------------------------------------------------------------
namespace {
constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoCollapse |
                                         ImGuiWindowFlags_NoSavedSettings |
                                         ImGuiWindowFlags_NoBringToFrontOnFocus;

Layout compute_layout(float scale, float menu_h) {
    Layout l;
    l.display_w = ImGui::GetIO().DisplaySize.x;
    l.display_h = ImGui::GetIO().DisplaySize.y;
    const float status_h = ImGui::GetFrameHeight() + 8.0f * scale;
    l.top = menu_h;
    l.bottom = l.display_h - status_h;
    const float logical_w = l.display_w / scale;
    l.narrow = logical_w < 1100.0f;
    l.left_w = (l.narrow ? 320.0f : 340.0f) * scale;
    l.right_w = l.narrow ? 0.0f : 360.0f * scale;
    return l;
}

// A small rounded badge with its text, e.g. "À venir".
void badge(const char* text) {
    const ImVec2 pad(6.0f * ImGui::GetStyle().FramePadding.x / 10.0f,
                     2.0f * ImGui::GetStyle().FramePadding.y / 6.0f);
    const ImVec2 size = ImGui::CalcTextSize(text);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x + 2 * pad.x, p.y + size.y + 2 * pad.y),
                      palette().badge_bg, 4.0f * pad.y);
    dl->AddText(ImVec2(p.x + pad.x, p.y + pad.y), palette().badge_text, text);
    ImGui::Dummy(ImVec2(size.x + 2 * pad.x, size.y + 2 * pad.y));
}

// [SECTION] Top bar -------------------------------------------------------------------------------
void top_bar(UiState& s, Intents& in) {
    if (!ImGui::BeginMainMenuBar()) return;
    ImGui::PushFont(heading_font());
    ImGui::TextUnformatted(tr(Msg::APP_NAME, s.lang));
    ImGui::PopFont();
    ImGui::Spacing();
    // Everything in one line when it fits; otherwise (a narrow frame, large text) the lenses go into
    // a "Vues" menu that names the current one, and "À propos" stays in the "?" menu.
    const float gap = ImGui::GetStyle().ItemSpacing.x * 2;
    // The right-hand group (language, Display, ?, and "À propos" when it fits).
    const float about_w = ImGui::CalcTextSize(tr(Msg::ABOUT_TITLE, s.lang)).x;
    const float right_base = ImGui::CalcTextSize("FR  EN  ?  ").x + ImGui::CalcTextSize(T(s, Msg::UI_AFFICHAGE)).x +
                             4 * gap;
    float wanted = ImGui::GetCursorPosX() + ImGui::CalcTextSize(T(s, Msg::UI_ESPACE_TRAVAIL)).x + right_base + about_w;
    for (const LensInfo& l : kLenses) wanted += ImGui::CalcTextSize(tr(l.name, s.lang)).x + gap;
    const bool compact = wanted > ImGui::GetWindowWidth();
    const auto choose = [&](const LensInfo& l) {
        s.lens = l.lens;
        s.show_welcome = false;
        s.focus_inputs = true;
        in.lens_changed = true;
    };
    if (compact) {
        const LensInfo* current = &kLenses[0];
        for (const LensInfo& l : kLenses) current = l.lens == s.lens ? &l : current;
        char label[96];
        std::snprintf(label, sizeof label, "%s : %s###lenses", tr(Msg::MENU_LENSES, s.lang), tr(current->name, s.lang));
        if (ImGui::BeginMenu(label)) {
            for (const LensInfo& l : kLenses) {
                if (ImGui::MenuItem(tr(l.name, s.lang), nullptr, s.lens == l.lens) && s.lens != l.lens) choose(l);
            }
            ImGui::EndMenu();
        }
    } else {
        for (const LensInfo& l : kLenses) {
            const bool selected = s.lens == l.lens;
            ImGui::PushID(l.code);
            if (ImGui::Selectable(tr(l.name, s.lang), selected, ImGuiSelectableFlags_None,
                                  ImVec2(ImGui::CalcTextSize(tr(l.name, s.lang)).x, 0)) &&
                !selected) {
                choose(l);
            }
            ImGui::PopID();
        }
    }
    // The workspace: a copy to keep or share, another one to open, or start again (confirmed).
    bool ask_restart = false;
    static int ask_name = 0;     // 1 new workspace, 2 rename: the name modal
    static int ask_remove = -1;  // the workspace to delete: the confirmation modal
    static char name_buf[81];
    if (!s.embed && ImGui::BeginMenu(T(s, Msg::UI_ESPACE_TRAVAIL))) {
        if (ImGui::MenuItem(T(s, Msg::UI_TELECHARGER_COPIE_JSON))) in.save_workspace_copy = true;
        if (ImGui::MenuItem(T(s, Msg::UI_OUVRIR_ESPACE_TRAVAIL))) in.open_workspace = true;
        // Several named workspaces in this browser: switch, create, rename, delete (confirmed).
        if (!s.workspace_names.empty() && ImGui::BeginMenu(T(s, Msg::UI_MES_ESPACES))) {
            for (size_t i = 0; i < s.workspace_names.size(); ++i) {
                ImGui::PushID(static_cast<int>(i));
                const bool open = static_cast<int>(i) == s.workspace_current;
                if (ImGui::MenuItem(s.workspace_names[i].c_str(), nullptr, open) && !open) in.open_workspace_at = static_cast<int>(i);
                ImGui::PopID();
            }
            ImGui::Separator();
            if (ImGui::MenuItem(T(s, Msg::UI_NOUVEL_ESPACE))) ask_name = 1;
            if (ImGui::MenuItem(T(s, Msg::UI_RENOMMER_CET_ESPACE))) ask_name = 2;
            if (s.workspace_names.size() > 1 && ImGui::BeginMenu(T(s, Msg::UI_SUPPRIMER))) {
                for (size_t i = 1; i < s.workspace_names.size(); ++i) {
                    if (static_cast<int>(i) == s.workspace_current) continue;
                    ImGui::PushID(static_cast<int>(i));
                    if (ImGui::MenuItem(s.workspace_names[i].c_str())) ask_remove = static_cast<int>(i);
                    ImGui::PopID();
                }
                ImGui::EndMenu();
            }
            ImGui::EndMenu();
        }
        ImGui::Separator();
        // The report for the council's file, and the same results in the users' other formats.
        if (ImGui::MenuItem(T(s, Msg::UI_IMPRIMER_RAPPORT))) in.export_report = ReportExport::Print;
        if (ImGui::BeginMenu(T(s, Msg::UI_EXPORTER))) {
            if (ImGui::MenuItem(T(s, Msg::UI_RAPPORT_IMPRIMABLE_HTML))) in.export_report = ReportExport::Html;
            if (ImGui::MenuItem(T(s, Msg::UI_CHAQUE_POINT_SCORE_CSV_TABLEUR))) {
                in.export_report = ReportExport::Csv;
            }
            if (ImGui::MenuItem(T(s, Msg::UI_RESULTATS_COMPLETS_JSON))) in.export_report = ReportExport::Json;
            if (ImGui::MenuItem(T(s, Msg::UI_CARTE_FLUX_GEOJSON_UMAP_QGIS))) {
                in.export_report = ReportExport::GeoJson;
            }
            ImGui::EndMenu();
        }
        ImGui::Separator();
        if (ImGui::MenuItem(T(s, Msg::UI_RECOMMENCER))) ask_restart = true;
        ImGui::EndMenu();
    }
    if (ask_name != 0 && !ImGui::IsPopupOpen("##wsname")) {
        std::snprintf(name_buf, sizeof name_buf, "%s",
                      ask_name == 2 && s.workspace_current < static_cast<int>(s.workspace_names.size())
                          ? s.workspace_names[static_cast<size_t>(s.workspace_current)].c_str() : "");
        ImGui::OpenPopup("##wsname");
    }
    if (ImGui::BeginPopupModal("##wsname", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        ImGui::TextUnformatted(ask_name == 2 ? T(s, Msg::UI_NOUVEAU_NOM_CET_ESPACE)
                                             : T(s, Msg::UI_NOM_NOUVEL_ESPACE_IL_OUVRE));
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
        const bool enter = ImGui::InputText("##name", name_buf, sizeof name_buf, ImGuiInputTextFlags_EnterReturnsTrue);
        if (ImGui::Button(T(s, Msg::UI_ANNULER))) {
            ask_name = 0;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if ((primary_button(ask_name == 2 ? T(s, Msg::UI_RENOMMER) : T(s, Msg::UI_CREER)) || enter) && name_buf[0] != '\0') {
            (ask_name == 2 ? in.rename_workspace : in.create_workspace) = name_buf;
            ask_name = 0;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    if (ask_remove >= 0 && !ImGui::IsPopupOpen("##wsremove")) ImGui::OpenPopup("##wsremove");
    if (ImGui::BeginPopupModal("##wsremove", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        const std::string what = ask_remove < static_cast<int>(s.workspace_names.size()) ? s.workspace_names[static_cast<size_t>(ask_remove)] : "";
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
        ImGui::TextWrapped(T(s, Msg::UI_SUPPRIMER_ESPACE_CE_NAVIGATEUR_TELECHARGEZ),
                           what.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::Button(T(s, Msg::UI_ANNULER))) {
            ask_remove = -1;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (primary_button(T(s, Msg::UI_SUPPRIMER))) {
            in.remove_workspace_at = ask_remove;
            ask_remove = -1;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    if (ask_restart) ImGui::OpenPopup("##restart");
    if (ImGui::BeginPopupModal("##restart", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
        ImGui::TextWrapped("%s", T(s, Msg::UI_TOUT_EFFACER_RECOMMENCER_ESPACE_TRAVAIL));
        ImGui::PopTextWrapPos();
        if (ImGui::Button(T(s, Msg::UI_ANNULER))) ImGui::CloseCurrentPopup();
        ImGui::SameLine();
        if (primary_button(T(s, Msg::UI_TOUT_EFFACER))) {
            in.new_workspace = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    // Right side: language, welcome, about.
    const float right_w = right_base + (compact ? 0.0f : about_w);
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowWidth() - right_w));
    const Lang langs[] = {Lang::Fr, Lang::En};
    const char* names[] = {"FR", "EN"};
    for (int i = 0; i < 2; ++i) {
        if (ImGui::Selectable(names[i], s.lang == langs[i], ImGuiSelectableFlags_None,
                              ImVec2(ImGui::CalcTextSize(names[i]).x, 0)) &&
            s.lang != langs[i]) {
            s.lang = langs[i];
            in.lang_changed = true;
        }
    }
    // Display: the theme and the text size (up to 200 %), remembered by the page.
    if (ImGui::BeginMenu(T(s, Msg::UI_AFFICHAGE))) {
        const char* themes[] = {T(s, Msg::UI_THEME_CLAIR), T(s, Msg::UI_THEME_SOMBRE),
                                T(s, Msg::UI_CONTRASTE_ELEVE)};
        for (int i = 0; i < static_cast<int>(Theme::COUNT); ++i) {
            if (ImGui::MenuItem(themes[i], nullptr, s.theme == static_cast<Theme>(i)) && s.theme != static_cast<Theme>(i)) {
                s.theme = static_cast<Theme>(i);
                in.display_changed = true;
            }
        }
        ImGui::Separator();
        ImGui::TextDisabled("%s", T(s, Msg::UI_TAILLE_TEXTE));
        for (const int pct : {100, 125, 150, 175, 200}) {
            char label[32];
            std::snprintf(label, sizeof label, "%d %%", pct);
            const float size = static_cast<float>(pct) / 100.0f;
            if (ImGui::MenuItem(label, nullptr, std::abs(s.text_size - size) < 0.01f) && std::abs(s.text_size - size) >= 0.01f) {
                s.text_size = size;
                in.display_changed = true;
            }
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr(Msg::MENU_HELP, s.lang))) {
        if (!s.embed && ImGui::MenuItem(tr(Msg::MENU_WELCOME, s.lang))) s.show_welcome = true;
        if (ImGui::MenuItem(tr(Msg::ABOUT_TITLE, s.lang))) s.show_about = true;
        ImGui::EndMenu();
    }
    if (!compact && ImGui::Selectable(tr(Msg::ABOUT_TITLE, s.lang), s.show_about, ImGuiSelectableFlags_None,
                          ImVec2(ImGui::CalcTextSize(tr(Msg::ABOUT_TITLE, s.lang)).x, 0))) {
        s.show_about = !s.show_about;
    }
    ImGui::EndMainMenuBar();
}

// [SECTION] Panels --------------------------------------------------------------------------------
void coming_soon(const UiState& s) {
    badge(tr(Msg::COMING_SOON, s.lang));
    ImGui::TextWrapped("%s", tr(Msg::COMING_SOON_BODY, s.lang));
}

// The lens's inputs (left panel) and results (right panel, or under the inputs when narrow).
void lens_inputs(UiState& s, Intents& in) {
    if (s.lens == Lens::Map) map_inputs_panel(s);
    else if (s.lens == Lens::Diagnostic && s.workspace) diagnostic_inputs_panel(s, in);
    else if (s.lens == Lens::Audit) audit_inputs_panel(s, in);
    else if (s.lens == Lens::Territory && s.workspace) territory_inputs_panel(s, in);
    else coming_soon(s);
}
void lens_results(UiState& s, Intents& in) {
    if (s.lens == Lens::Map) map_results_panel(s);
    else if (s.lens == Lens::Diagnostic && s.workspace) diagnostic_results_panel(s, in);
    else if (s.lens == Lens::Audit) audit_results_panel(s, in);
    else if (s.lens == Lens::Territory && s.workspace) territory_results_panel(s, in);
    else coming_soon(s);
}

void left_panel(UiState& s, const Layout& l, Intents& in) {
    ImGui::SetNextWindowPos(ImVec2(0, l.top));
    ImGui::SetNextWindowSize(ImVec2(l.left_w, l.bottom - l.top));
    if (ImGui::Begin("##inputs", nullptr, kPanelFlags | ImGuiWindowFlags_NoTitleBar)) {
        heading(tr(info(s.lens).name, s.lang));
        ImGui::TextWrapped("%s", tr(info(s.lens).about, s.lang));
        ImGui::Separator();
        if (s.focus_inputs) {  // a lens just chosen: the keyboard goes on at its first field
            ImGui::SetWindowFocus();
            ImGui::SetKeyboardFocusHere();
            s.focus_inputs = false;
        }
        lens_inputs(s, in);
        if (l.narrow) {
            ImGui::Spacing();
            heading(tr(Msg::PANEL_RESULTS, s.lang));
            lens_results(s, in);
        }
    }
    ImGui::End();
}

void right_panel(UiState& s, const Layout& l, Intents& in) {
    if (l.narrow) return;
    ImGui::SetNextWindowPos(ImVec2(l.display_w - l.right_w, l.top));
    ImGui::SetNextWindowSize(ImVec2(l.right_w, l.bottom - l.top));
    if (ImGui::Begin("##results", nullptr, kPanelFlags | ImGuiWindowFlags_NoTitleBar)) {
        heading(tr(Msg::PANEL_RESULTS, s.lang));
        lens_results(s, in);
    }
    ImGui::End();
}

void status_bar(UiState& s, const Layout& l) {
    ImGui::SetNextWindowPos(ImVec2(0, l.bottom));
    ImGui::SetNextWindowSize(ImVec2(l.display_w, l.display_h - l.bottom));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                        ImVec2(ImGui::GetStyle().WindowPadding.x, 4.0f * s.scale));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, palette().status_bg);
    if (ImGui::Begin("##status", nullptr, kPanelFlags | ImGuiWindowFlags_NoDecoration)) {
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%s  ·", tr(Msg::STATUS_OFFLINE, s.lang));
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(Msg::STATUS_SOURCES, s.lang))) s.show_about = true;
        ImGui::SameLine();
        ImGui::Text("·  Proxinum %s", version());
        if (!s.storage_status.empty()) {
            ImGui::SameLine();
            if (s.storage_alert) ImGui::PushStyleColor(ImGuiCol_Text, palette().alert);
            ImGui::Text("·  %s", s.storage_status.c_str());
            if (s.storage_alert) ImGui::PopStyleColor();
            if (ImGui::IsItemHovered()) {  // the whole message, when the bar cuts it
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
                ImGui::TextUnformatted(s.storage_status.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
        if (s.audit_busy) {  // long work: its progress, whatever the lens
            ImGui::SameLine();
            ImGui::Text("·  %s", s.audit_file.c_str());
            ImGui::SameLine();
            ImGui::ProgressBar(static_cast<float>(s.audit_progress), ImVec2(ImGui::GetFontSize() * 8, 0));
        }
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

// [SECTION] Welcome card --------------------------------------------------------------------------
void welcome(UiState& s, const Layout& l, Intents& in) {
    if (!s.show_welcome) return;
    const float centre_w = l.display_w - l.left_w - l.right_w;
    const float w = centre_w - 32.0f * s.scale < 560.0f * s.scale ? centre_w - 32.0f * s.scale
                                                                  : 560.0f * s.scale;
    const float cx = (l.left_w + l.display_w - l.right_w) * 0.5f;
    ImGui::SetNextWindowPos(ImVec2(cx, (l.top + l.bottom) * 0.45f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    if (ImGui::Begin(tr(Msg::WELCOME_TITLE, s.lang), &s.show_welcome,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextWrapped("%s", tr(Msg::APP_TAGLINE, s.lang));
        ImGui::Spacing();
        ImGui::TextUnformatted(tr(Msg::WELCOME_START, s.lang));
        const float bw = ImGui::GetContentRegionAvail().x;
        // Keyboard users start on the first entry point (Enter opens it, arrows move).
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        for (const LensInfo& lens : kLenses) {
            ImGui::PushID(lens.code);
            if (primary_button(tr(lens.entry, s.lang), bw)) {
                s.lens = lens.lens;
                s.show_welcome = false;
                s.focus_inputs = true;  // a keyboard user goes on in the lens's inputs
                in.lens_changed = true;
            }
            ImGui::PopID();
        }
        if (ImGui::Button(tr(Msg::WELCOME_EXAMPLE, s.lang), ImVec2(bw, 0))) {
            s.show_welcome = false;
            in.load_example = true;
        }
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::TextWrapped("%s", tr(Msg::PRIVACY_LINE, s.lang));
        if (ImGui::TreeNode(tr(Msg::PRIVACY_PROOF, s.lang))) {
            ImGui::TextWrapped("%s", tr(Msg::PRIVACY_PROOF_BODY, s.lang));
            ImGui::TreePop();
        }
    }
    ImGui::End();
}

// [SECTION] About ---------------------------------------------------------------------------------
void credit_table(const char* id, CreditKind kind, Lang lang) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(id, 4, flags)) return;
    ImGui::TableSetupColumn(tr(Msg::ABOUT_COL_NAME, lang), ImGuiTableColumnFlags_None, 1.2f);
    ImGui::TableSetupColumn(tr(Msg::ABOUT_COL_ROLE, lang), ImGuiTableColumnFlags_None, 1.6f);
    ImGui::TableSetupColumn(tr(Msg::ABOUT_COL_LICENCE, lang), ImGuiTableColumnFlags_None, 1.0f);
    ImGui::TableSetupColumn(tr(Msg::ABOUT_COL_SOURCE, lang), ImGuiTableColumnFlags_None, 2.2f);
    ImGui::TableHeadersRow();
    for (const Credit& c : credits()) {
        if (c.kind != kind) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s %s", c.name, c.version);
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", c.role(lang));
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", c.licence);
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s — %s", c.holder, c.url);
    }
    ImGui::EndTable();
}

void data_table(const Atlas& atlas, Lang lang) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##data", 4, flags)) return;
    ImGui::TableSetupColumn(tr(Msg::ABOUT_COL_NAME, lang), ImGuiTableColumnFlags_None, 1.6f);
    ImGui::TableSetupColumn(tr(Msg::ABOUT_COL_ROLE, lang), ImGuiTableColumnFlags_None, 1.6f);
    ImGui::TableSetupColumn(tr(Msg::ABOUT_COL_LICENCE, lang), ImGuiTableColumnFlags_None, 1.0f);
    ImGui::TableSetupColumn(tr(Msg::ABOUT_COL_SOURCE, lang), ImGuiTableColumnFlags_None, 1.8f);
    ImGui::TableHeadersRow();
    for (const Attribution& a : atlas.attributions) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", a.name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", (lang == Lang::En ? a.role_en : a.role_fr).c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", a.licence.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s — %s", a.holder.c_str(), a.url.c_str());
    }
    ImGui::EndTable();
}

void about(UiState& s, const Layout& l) {
    if (!s.show_about) return;
    const ImVec2 size(l.display_w * 0.8f, (l.bottom - l.top) * 0.8f);
    ImGui::SetNextWindowPos(ImVec2(l.display_w * 0.5f, (l.top + l.bottom) * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(size);
    if (ImGui::Begin(tr(Msg::ABOUT_TITLE, s.lang), &s.show_about,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::Text("Proxinum %s — %s", version(), tr(Msg::ABOUT_OWN_LICENCE, s.lang));
        ImGui::TextWrapped("%s", tr(Msg::ABOUT_INTRO, s.lang));
        ImGui::Spacing();
        heading(tr(Msg::ABOUT_SOFTWARE, s.lang));
        credit_table("##shipped", CreditKind::Shipped, s.lang);
        if (s.atlas != nullptr) {
            ImGui::Spacing();
            heading(tr(Msg::ABOUT_DATA_HEADING, s.lang));
            data_table(*s.atlas, s.lang);
        }
        ImGui::Spacing();
        heading(tr(Msg::ABOUT_TOOLS, s.lang));
        credit_table("##tools", CreditKind::Tool, s.lang);
        ImGui::Spacing();
        if (primary_button(tr(Msg::CLOSE, s.lang))) s.show_about = false;
    }
    ImGui::End();
}
}  // namespace

void heading(const char* text) {
    ImGui::PushFont(heading_font());
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

// [SECTION] Frame ---------------------------------------------------------------------------------
Intents frame(UiState& s) {
    Intents in;
    top_bar(s, in);
    // The main menu bar's height is known once it has been submitted.
    const float menu_h = ImGui::GetFrameHeight();
    const Layout l = compute_layout(s.scale, menu_h);
    map_frame(s, l, in);
    left_panel(s, l, in);
    right_panel(s, l, in);
    status_bar(s, l);
    welcome(s, l, in);
    about(s, l);
    return in;
}

}  // namespace px::ui
