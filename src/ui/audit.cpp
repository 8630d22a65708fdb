// audit.cpp — the Web audit lens: how to save a HAR, the file picker and its progress, the
// options (DOM count, green hosting, the site's own domains), then the results: Ecoindex badge,
// CO2 per visit, requests and bytes, companies by jurisdiction, the pages, and the sortable,
// filterable table of third parties with each one's company, country and advice.
// It reads the Audit the caller computed (core/audit/audit.h) and sets Intents for the caller to
// open a file, cancel a reading or audit again with new options.
// Does NOT read files or compute anything: the caller and src/core do.
// Index: [SECTION] Helpers · Inputs · Results
#include <imgui.h>

#include <algorithm>  // std::sort
#include <cstdio>     // std::snprintf
#include <cstring>    // std::strlen
#include <string>     // std::string
#include <vector>     // std::vector

#include "core/audit/audit.h"
#include "core/catalog.h"      // px::country_name
#include "core/map_overlay.h"  // px::jurisdiction_label, px::jurisdiction_rgba
#include "core/scoring.h"      // px::Report (is the organisation placed?)
#include "core/text.h"         // px::fold_for_search
#include "ui/ui_internal.h"

namespace px::ui {

// [SECTION] Helpers ------------------------------------------------------------------------------
namespace {

// "12,3 Mo" / "12.3 MB"; "850 ko" / "850 kB".
std::string format_bytes(uint64_t bytes, Lang lang) {
    char buf[48];
    const double kb = static_cast<double>(bytes) / 1000.0;
    if (kb < 1000) std::snprintf(buf, sizeof buf, "%.0f %s", kb, tr(Msg::UNIT_KB, lang));
    else std::snprintf(buf, sizeof buf, "%.1f %s", kb / 1000.0, tr(Msg::UNIT_MB, lang));
    std::string s = buf;
    if (lang == Lang::Fr) {
        for (char& c : s) c = c == '.' ? ',' : c;
    }
    return s;
}

std::string decimal(double v, int digits, Lang lang) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    std::string s = buf;
    if (lang == Lang::Fr) {
        for (char& c : s) c = c == '.' ? ',' : c;
    }
    return s;
}

const char* category_label(const std::string& c, Lang lang) {
    struct Row { const char* code; Msg label; };
    static const Row kRows[] = {
        {"ad", Msg::AUDIT_CAT_AD},         {"analytics", Msg::AUDIT_CAT_ANALYTICS}, {"social", Msg::AUDIT_CAT_SOCIAL},
        {"video", Msg::AUDIT_CAT_VIDEO},   {"utility", Msg::AUDIT_CAT_UTILITY},     {"hosting", Msg::AUDIT_CAT_HOSTING},
        {"marketing", Msg::AUDIT_CAT_MARKETING}, {"customer-success", Msg::AUDIT_CAT_CUSTOMER_SUCCESS},
        {"content", Msg::AUDIT_CAT_CONTENT}, {"cdn", Msg::AUDIT_CAT_CDN}, {"tag-manager", Msg::AUDIT_CAT_TAG_MANAGER},
        {"consent-provider", Msg::AUDIT_CAT_CONSENT}, {"other", Msg::AUDIT_CAT_OTHER}};
    for (const Row& r : kRows) {
        if (c == r.code) return tr(r.label, lang);
    }
    return tr(Msg::AUDIT_CAT_UNKNOWN, lang);
}

ImU32 from_rgba(uint32_t rgba) {
    return IM_COL32((rgba >> 24) & 0xFF, (rgba >> 16) & 0xFF, (rgba >> 8) & 0xFF, 255);
}

// The Ecoindex badge: the grade's colour with its letter, and the score beside it.
void eco_badge(const UiState& s, const Ecoindex& e, const char* caption) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float em = ImGui::GetFontSize();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = em * 2.6f, w = em * 3.2f;
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), grade_colour(e.grade), em * 0.2f);
    const char letter[2] = {e.grade, 0};
    ImGui::PushFont(heading_font());
    const ImVec2 ts = ImGui::CalcTextSize(letter);
    dl->AddText(ImVec2(p.x + (w - ts.x) * 0.5f, p.y + (h - ts.y) * 0.5f), IM_COL32_WHITE, letter);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(w, h));
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::TextWrapped("Ecoindex %s / 100 (%s %c)", decimal(e.score, 1, s.lang).c_str(), T(s, Msg::AUDIT_NOTE), e.grade);
    ImGui::TextWrapped("%s", caption);
    ImGui::TextWrapped(T(s, Msg::AUDIT_G_CO2E_CL_EAU_VISITE),
                       decimal(e.ghg, 2, s.lang).c_str(), decimal(e.water, 2, s.lang).c_str());
    ImGui::EndGroup();
}

}  // namespace

// [SECTION] Inputs -------------------------------------------------------------------------------
void audit_inputs_panel(UiState& s, Intents& in) {
    if (s.audit_busy) {
        ImGui::TextWrapped(T(s, Msg::AUDIT_LECTURE), s.audit_file.c_str());
        char pct[32];
        std::snprintf(pct, sizeof pct, "%.0f %%", s.audit_progress * 100.0);
        ImGui::ProgressBar(static_cast<float>(s.audit_progress), ImVec2(-1, 0), pct);
        if (ImGui::Button(T(s, Msg::UI_ANNULER))) in.audit_cancel = true;
        return;
    }
    if (primary_button(T(s, Msg::AUDIT_OUVRIR_FICHIER_HAR))) in.open_har = true;
    ImGui::TextWrapped("%s", T(s, Msg::AUDIT_DEPOSEZ_CARTE_FICHIER_EST_LU));
    outcome_box(s, "##harmsg", s.audit_title, s.audit_errors, 20);
    if (ImGui::CollapsingHeader(T(s, Msg::AUDIT_COMMENT_ENREGISTRER_FICHIER_HAR),
                                s.audit ? 0 : ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::TextWrapped("%s", T(s, Msg::AUDIT_FIREFOX_CHROME_EDGE));
        ImGui::TextWrapped("%s", T(s, Msg::AUDIT_1_OUVREZ_PAGE_PUIS_OUTILS));
        ImGui::TextWrapped("%s", T(s, Msg::AUDIT_2_RECHARGEZ_PAGE_F5_ATTENDEZ));
        ImGui::TextWrapped("%s", T(s, Msg::AUDIT_3_CLIC_DROIT_LISTE_REQUETES));
    }
    ImGui::Separator();
    ImGui::TextUnformatted(T(s, Msg::AUDIT_REGLAGES_AUDIT));
    bool changed = false;
    ImGui::TextWrapped("%s", T(s, Msg::AUDIT_ELEMENTS_DOM_PAGE_0_COMPTES));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::InputInt("##dom", &s.audit_dom, 100, 1000)) {
        if (s.audit_dom < 0) s.audit_dom = 0;
        changed = true;
    }
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", T(s, Msg::AUDIT_NOMBRE_ELEMENTS_PAGE_DOCUMENT_GETELEMENTSBYTAGNAME));
    }
    if (ImGui::Checkbox(T(s, Msg::AUDIT_HEBERGEMENT_VERT_DECLARE), &s.audit_green)) changed = true;
    ImGui::TextWrapped("%s", T(s, Msg::AUDIT_DOMAINES_SITE_LUI_MEME_JAMAIS));
    int remove = -1;
    for (size_t i = 0; i < s.audit_ours.size(); ++i) {
        ImGui::PushID(static_cast<int>(i) + 500);
        if (ImGui::SmallButton(T(s, Msg::DIAG_RETIRER))) remove = static_cast<int>(i);
        ImGui::SameLine();
        ImGui::TextUnformatted(s.audit_ours[i].c_str());
        ImGui::PopID();
    }
    if (remove >= 0) {
        s.audit_ours.erase(s.audit_ours.begin() + remove);
        changed = true;
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
    const bool entered = ImGui::InputTextWithHint("##ours", "api.mairie.fr", s.ours_input, sizeof s.ours_input,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button(T(s, Msg::AUDIT_AJOUTER)) || entered) && std::strlen(s.ours_input) > 0) {
        s.audit_ours.emplace_back(s.ours_input);
        s.ours_input[0] = 0;
        changed = true;
    }
    if (changed) in.audit_options_changed = true;
}

// [SECTION] Results ------------------------------------------------------------------------------
void audit_results_panel(UiState& s, Intents& in) {
    (void)in;
    if (!s.audit) {
        ImGui::TextWrapped("%s", T(s, Msg::AUDIT_AUCUN_FICHIER_ANALYSE_INSTANT_OUVREZ));
        return;
    }
    const Audit& a = *s.audit;
    ImGui::TextWrapped(T(s, Msg::AUDIT_SITE), a.first_party.empty() ? "?" : a.first_party.c_str());
    if (a.ecoindex) {
        char caption[160];
        if (a.ecoindex_basis == "mean") {
            std::snprintf(caption, sizeof caption, T(s, Msg::AUDIT_MOYENNE_ZU_PAGES), a.pages.size());
        } else {
            const PageAudit& p = a.pages[0];
            std::snprintf(caption, sizeof caption, "%s %s", format_count(static_cast<unsigned long long>(*p.dom), s.lang).c_str(),
                          p.dom_source == "user" ? T(s, Msg::AUDIT_ELEMENTS_SAISIS)
                                                 : T(s, Msg::AUDIT_ELEMENTS_COMPTES_DANS_HTML_ESTIMATION));
        }
        eco_badge(s, *a.ecoindex, caption);
    } else {
        ImGui::TextWrapped("%s", T(s, Msg::AUDIT_ECOINDEX_IL_FAUT_NOMBRE_ELEMENTS));
    }
    ImGui::TextWrapped(T(s, Msg::AUDIT_CO2_VISITE_G_CLASSE_MODELE),
                decimal(a.co2, 3, s.lang).c_str(), swd_rating(a.co2),
                a.green ? T(s, Msg::AUDIT_HEBERGEMENT_VERT) : "");
    ImGui::TextWrapped(T(s, Msg::AUDIT_REQUETES_TRANSFERES),
                format_count(a.requests, s.lang).c_str(), format_bytes(a.bytes, s.lang).c_str());
    {
        const size_t n = a.third_parties.size(), t = a.trackers, c = a.cookie_requests;
        ImGui::TextWrapped("%s", format_msg(Msg::AUDIT_THIRD_PARTY_TOTALS, s.lang, n, t, c).c_str());
    }
    // Companies by jurisdiction: a count per jurisdiction, each with its colour swatch and name.
    {
        size_t counts[static_cast<int>(Jurisdiction::COUNT)] = {};
        std::vector<std::string> seen;
        for (const ThirdParty& t : a.third_parties) {
            const std::string who = t.company.empty() ? t.domain : t.company;
            if (std::find(seen.begin(), seen.end(), who) != seen.end()) continue;
            seen.push_back(who);
            ++counts[static_cast<int>(t.jurisdiction)];
        }
        ImGui::TextUnformatted(T(s, Msg::AUDIT_SOCIETES_JURIDICTION));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        for (int j = 0; j < static_cast<int>(Jurisdiction::COUNT); ++j) {
            if (!counts[j]) continue;
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float em = ImGui::GetFontSize();
            dl->AddRectFilled(ImVec2(p.x, p.y + em * 0.2f), ImVec2(p.x + em * 0.8f, p.y + em),
                              from_rgba(jurisdiction_rgba(static_cast<Jurisdiction>(j))));
            ImGui::Dummy(ImVec2(em, em));
            ImGui::SameLine();
            ImGui::Text("%s : %zu", jurisdiction_label(static_cast<Jurisdiction>(j), s.lang), counts[j]);
        }
    }
    if (!s.report || !s.report->organisation_placed) {
        ImGui::TextWrapped("%s", T(s, Msg::AUDIT_CARTE_SIEGE_CHAQUE_SOCIETE_INDIQUEZ));
    }
    // Companies by country (their legal country in the facts; "?" when no fact says).
    {
        std::vector<std::pair<std::string, size_t>> by_country;
        std::vector<std::string> seen;
        for (const ThirdParty& t : a.third_parties) {
            const std::string who = t.company.empty() ? t.domain : t.company;
            if (std::find(seen.begin(), seen.end(), who) != seen.end()) continue;
            seen.push_back(who);
            auto it = std::find_if(by_country.begin(), by_country.end(), [&](const auto& p) { return p.first == t.country; });
            if (it == by_country.end()) by_country.emplace_back(t.country, 1);
            else ++it->second;
        }
        std::string line = T(s, Msg::AUDIT_SOCIETES_PAYS);
        for (size_t k = 0; k < by_country.size(); ++k) {
            line += (k ? ", " : "");
            line += by_country[k].first.empty() ? T(s, Msg::DIAG_INCONNU) : country_name(by_country[k].first, s.lang);
            line += " " + std::to_string(by_country[k].second);
        }
        ImGui::TextWrapped("%s", line.c_str());
    }
    for (const SelfHostedHit& h : a.self_hosted) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", s.lang == Lang::En ? h.tool->en.c_str() : h.tool->fr.c_str());
    }
    if (a.pages.size() > 1 && ImGui::CollapsingHeader(T(s, Msg::AUDIT_PAGES))) {
        if (ImGui::BeginTable("##pages", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn(T(s, Msg::AUDIT_PAGE));
            ImGui::TableSetupColumn(T(s, Msg::AUDIT_REQUETES));
            ImGui::TableSetupColumn("Ecoindex");
            ImGui::TableSetupColumn(T(s, Msg::AUDIT_TIERS));
            ImGui::TableHeadersRow();
            for (const PageAudit& p : a.pages) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", !p.title.empty() ? p.title.c_str() : p.url.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%zu", p.requests);
                ImGui::TableNextColumn();
                if (p.ecoindex) ImGui::Text("%s (%c)", decimal(p.ecoindex->score, 0, s.lang).c_str(), p.ecoindex->grade);
                else ImGui::TextUnformatted("—");
                ImGui::TableNextColumn();
                ImGui::Text("%zu", p.third_parties);
            }
            ImGui::EndTable();
        }
    }
    // The table of third parties: filter, sort by any column, details of the selected row.
    ImGui::Separator();
    ImGui::TextUnformatted(T(s, Msg::AUDIT_TIERS));
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", T(s, Msg::AUDIT_FILTRER_DOMAINE_SOCIETE_CATEGORIE_PAYS),
                             s.audit_filter, sizeof s.audit_filter);
    const std::string needle = fold_for_search(s.audit_filter);
    std::vector<size_t> rows;
    for (size_t i = 0; i < a.third_parties.size(); ++i) {
        const ThirdParty& t = a.third_parties[i];
        if (!needle.empty()) {
            const std::string hay = fold_for_search(t.domain + " " + t.entity + " " + t.company + " " +
                                                    category_label(t.category, s.lang) + " " +
                                                    country_name(t.country, s.lang) + " " +
                                                    jurisdiction_label(t.jurisdiction, s.lang));
            if (hay.find(needle) == std::string::npos) continue;
        }
        rows.push_back(i);
    }
    // Each column as wide as its content; the table scrolls sideways in a narrow panel.
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit |
                                  ImGuiTableFlags_Resizable;
    const float height = ImGui::GetFontSize() * 16;
    if (ImGui::BeginTable("##thirdparties", 7, flags, ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn(T(s, Msg::AUDIT_DOMAINE), ImGuiTableColumnFlags_DefaultSort);
        ImGui::TableSetupColumn(T(s, Msg::AUDIT_ENTITE));
        ImGui::TableSetupColumn(T(s, Msg::AUDIT_SOCIETE));
        ImGui::TableSetupColumn(T(s, Msg::DIAG_CATEGORIE));
        ImGui::TableSetupColumn(T(s, Msg::AUDIT_JURIDICTION));
        ImGui::TableSetupColumn(T(s, Msg::AUDIT_REQ), ImGuiTableColumnFlags_PreferSortDescending);
        ImGui::TableSetupColumn(T(s, Msg::AUDIT_OCTETS), ImGuiTableColumnFlags_PreferSortDescending);
        ImGui::TableHeadersRow();
        if (ImGuiTableSortSpecs* spec = ImGui::TableGetSortSpecs(); spec && spec->SpecsCount > 0) {
            const int col = spec->Specs[0].ColumnIndex;
            const bool asc = spec->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
            auto key = [&](const ThirdParty& t) -> std::string {
                switch (col) {
                    case 1: return t.entity;
                    case 2: return t.company;
                    case 3: return category_label(t.category, s.lang);
                    case 4: return jurisdiction_label(t.jurisdiction, s.lang);
                    default: return t.domain;
                }
            };
            // Ties keep the table's order (its row index breaks them): a total order for std::sort.
            std::sort(rows.begin(), rows.end(), [&](size_t x, size_t y) {
                const ThirdParty &tx = a.third_parties[x], &ty = a.third_parties[y];
                int c = 0;
                if (col == 5) c = tx.requests < ty.requests ? -1 : tx.requests > ty.requests ? 1 : 0;
                else if (col == 6) c = tx.bytes < ty.bytes ? -1 : tx.bytes > ty.bytes ? 1 : 0;
                else c = key(tx).compare(key(ty));
                if (c == 0) return x < y;
                return asc ? c < 0 : c > 0;
            });
        }
        for (const size_t i : rows) {
            const ThirdParty& t = a.third_parties[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(i));
            char label[300];
            std::snprintf(label, sizeof label, "%s%s", t.domain.c_str(), t.tracker ? T(s, Msg::AUDIT_TRACEUR) : "");
            if (ImGui::Selectable(label, s.audit_selected == static_cast<int>(i), ImGuiSelectableFlags_SpanAllColumns)) {
                s.audit_selected = static_cast<int>(i);
            }
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(t.entity.empty() ? "?" : t.entity.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(t.company.empty() ? "?" : t.company.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(category_label(t.category, s.lang));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(jurisdiction_label(t.jurisdiction, s.lang));
            ImGui::TableNextColumn();
            ImGui::Text("%zu", t.requests);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_bytes(t.bytes, s.lang).c_str());
        }
        ImGui::EndTable();
    }
    if (s.audit_selected >= 0 && static_cast<size_t>(s.audit_selected) < a.third_parties.size()) {
        const ThirdParty& t = a.third_parties[static_cast<size_t>(s.audit_selected)];
        ImGui::TextWrapped("%s — %s", t.domain.c_str(), t.entity.empty() ? T(s, Msg::AUDIT_ENTITE_INCONNUE) : t.entity.c_str());
        if (!t.company.empty()) {
            ImGui::TextWrapped(T(s, Msg::AUDIT_SOCIETE_PAYS_SIEGE),
                               t.company.c_str(), t.country.empty() ? "?" : country_name(t.country, s.lang),
                               t.hq_city.c_str(), t.hq_country.empty() ? "" : country_name(t.hq_country, s.lang));
        }
        ImGui::TextWrapped(T(s, Msg::AUDIT_ZU_REQUETES_DONT_ZU_AVEC),
                           t.requests, t.cookies);
        for (const std::string& h : t.hosts) {
            ImGui::SameLine();
            ImGui::TextUnformatted(h.c_str());
        }
        if (t.hint) ImGui::TextWrapped(T(s, Msg::AUDIT_CONSEIL), t.hint->text(s.lang).c_str());
        ImGui::TextWrapped("%s", t.supplement ? T(s, Msg::AUDIT_IDENTIFIE_COMPLEMENT_PROXINUM)
                                              : T(s, Msg::AUDIT_IDENTIFIE_THIRD_PARTY_WEB_MIT));
    }
}

}  // namespace px::ui
