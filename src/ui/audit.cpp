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
    if (kb < 1000) std::snprintf(buf, sizeof buf, "%.0f %s", kb, lang == Lang::En ? "kB" : "ko");
    else std::snprintf(buf, sizeof buf, "%.1f %s", kb / 1000.0, lang == Lang::En ? "MB" : "Mo");
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
    struct Row { const char *code, *fr, *en; };
    static const Row kRows[] = {
        {"ad", "publicité", "advertising"},         {"analytics", "mesure d'audience", "analytics"},
        {"social", "réseau social", "social"},        {"video", "vidéo", "video"},
        {"utility", "service utilitaire", "utility"}, {"hosting", "hébergement", "hosting"},
        {"marketing", "marketing", "marketing"},      {"customer-success", "relation client", "customer success"},
        {"content", "contenu", "content"},            {"cdn", "CDN", "CDN"},
        {"tag-manager", "gestionnaire de balises", "tag manager"},
        {"consent-provider", "gestion du consentement", "consent management"},
        {"other", "autre", "other"}};
    for (const Row& r : kRows) {
        if (c == r.code) return lang == Lang::En ? r.en : r.fr;
    }
    return lang == Lang::En ? "unknown" : "inconnue";
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
    ImGui::TextWrapped("Ecoindex %s / 100 (%s %c)", decimal(e.score, 1, s.lang).c_str(), L(s, "note", "grade"), e.grade);
    ImGui::TextWrapped("%s", caption);
    ImGui::TextWrapped(L(s, "%s g CO2e et %s cl d'eau par visite", "%s g CO2e and %s cl of water per visit"),
                       decimal(e.ghg, 2, s.lang).c_str(), decimal(e.water, 2, s.lang).c_str());
    ImGui::EndGroup();
}

}  // namespace

// [SECTION] Inputs -------------------------------------------------------------------------------
void audit_inputs_panel(UiState& s, Intents& in) {
    if (s.audit_busy) {
        ImGui::TextWrapped(L(s, "Lecture de %s…", "Reading %s…"), s.audit_file.c_str());
        char pct[32];
        std::snprintf(pct, sizeof pct, "%.0f %%", s.audit_progress * 100.0);
        ImGui::ProgressBar(static_cast<float>(s.audit_progress), ImVec2(-1, 0), pct);
        if (ImGui::Button(L(s, "Annuler", "Cancel"))) in.audit_cancel = true;
        return;
    }
    if (primary_button(L(s, "Ouvrir un fichier HAR…", "Open a HAR file…"))) in.open_har = true;
    ImGui::TextWrapped("%s", L(s, "ou déposez-le sur la carte. Le fichier est lu sur cet ordinateur : rien n'est envoyé, "
                                  "et ni les cookies ni les jetons qu'il contient ne sont conservés.",
                               "or drop it on the map. The file is read on this computer: nothing is sent, and "
                               "neither the cookies nor the tokens it holds are kept."));
    outcome_box(s, "##harmsg", s.audit_title, s.audit_errors, 20);
    if (ImGui::CollapsingHeader(L(s, "Comment enregistrer un fichier HAR ?", "How to save a HAR file?"),
                                s.audit ? 0 : ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::TextWrapped("%s", L(s, "Firefox, Chrome ou Edge :", "Firefox, Chrome or Edge:"));
        ImGui::TextWrapped("%s", L(s, "1. Ouvrez la page, puis les outils de développement (F12), onglet « Réseau ».",
                                   "1. Open the page, then the developer tools (F12), \"Network\" tab."));
        ImGui::TextWrapped("%s", L(s, "2. Rechargez la page (F5) et attendez la fin du chargement.",
                                   "2. Reload the page (F5) and wait until it has loaded."));
        ImGui::TextWrapped("%s", L(s, "3. Clic droit sur la liste des requêtes : « Tout enregistrer au format HAR » "
                                      "(Firefox) ou « Save all as HAR with content » (Chrome, Edge).",
                                   "3. Right-click the list of requests: \"Save All As HAR\" (Firefox) or "
                                   "\"Save all as HAR with content\" (Chrome, Edge)."));
    }
    ImGui::Separator();
    ImGui::TextUnformatted(L(s, "Réglages de l'audit", "Audit settings"));
    bool changed = false;
    ImGui::TextWrapped("%s", L(s, "Éléments du DOM de la page (0 : comptés dans le HTML du fichier) :",
                               "The page's DOM elements (0: counted in the file's HTML):"));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::InputInt("##dom", &s.audit_dom, 100, 1000)) {
        if (s.audit_dom < 0) s.audit_dom = 0;
        changed = true;
    }
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", L(s, "Le nombre d'éléments de la page (document.getElementsByTagName('*').length dans la "
                                     "console). Sans lui, Proxinum les compte dans le HTML du fichier (une estimation).",
                                  "The number of elements on the page (document.getElementsByTagName('*').length in the "
                                  "console). Without it, Proxinum counts them in the file's HTML (an estimate)."));
    }
    if (ImGui::Checkbox(L(s, "Hébergement vert déclaré", "Green hosting declared"), &s.audit_green)) changed = true;
    ImGui::TextWrapped("%s", L(s, "Domaines du site lui-même (jamais comptés comme tiers) :",
                               "The site's own domains (never counted as third parties):"));
    int remove = -1;
    for (size_t i = 0; i < s.audit_ours.size(); ++i) {
        ImGui::PushID(static_cast<int>(i) + 500);
        if (ImGui::SmallButton(L(s, "Retirer", "Remove"))) remove = static_cast<int>(i);
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
    if ((ImGui::Button(L(s, "Ajouter", "Add")) || entered) && std::strlen(s.ours_input) > 0) {
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
        ImGui::TextWrapped("%s", L(s, "Aucun fichier analysé pour l'instant. Ouvrez un fichier HAR à gauche.",
                                   "No file analysed yet. Open a HAR file on the left."));
        return;
    }
    const Audit& a = *s.audit;
    ImGui::TextWrapped(L(s, "Site : %s", "Site: %s"), a.first_party.empty() ? "?" : a.first_party.c_str());
    if (a.ecoindex) {
        char caption[160];
        if (a.ecoindex_basis == "mean") {
            std::snprintf(caption, sizeof caption, L(s, "moyenne de %zu pages", "mean of %zu pages"), a.pages.size());
        } else {
            const PageAudit& p = a.pages[0];
            std::snprintf(caption, sizeof caption, "%s %s", format_count(static_cast<unsigned long long>(*p.dom), s.lang).c_str(),
                          p.dom_source == "user" ? L(s, "éléments (saisis)", "elements (typed in)")
                                                 : L(s, "éléments (comptés dans le HTML : estimation)",
                                                     "elements (counted in the HTML: an estimate)"));
        }
        eco_badge(s, *a.ecoindex, caption);
    } else {
        ImGui::TextWrapped("%s", L(s, "Ecoindex : il faut le nombre d'éléments de la page (le fichier ne contient pas son "
                                      "HTML). Saisissez-le à gauche.",
                                   "Ecoindex: the page's element count is needed (the file does not hold its HTML). "
                                   "Type it in on the left."));
    }
    ImGui::TextWrapped(L(s, "CO2 par visite : %s g (classe %s, modèle Sustainable Web Design v4%s)",
                  "CO2 per visit: %s g (rating %s, Sustainable Web Design model v4%s)"),
                decimal(a.co2, 3, s.lang).c_str(), swd_rating(a.co2),
                a.green ? L(s, ", hébergement vert", ", green hosting") : "");
    ImGui::TextWrapped(L(s, "%s requêtes, %s transférés", "%s requests, %s transferred"),
                format_count(a.requests, s.lang).c_str(), format_bytes(a.bytes, s.lang).c_str());
    {
        const size_t n = a.third_parties.size(), t = a.trackers, c = a.cookie_requests;
        char line[256];
        if (s.lang == Lang::En) {
            std::snprintf(line, sizeof line, "%zu third part%s, %zu of them tracker%s; %zu third-party request%s with cookies",
                          n, n == 1 ? "y" : "ies", t, t == 1 ? "" : "s", c, c == 1 ? "" : "s");
        } else {
            std::snprintf(line, sizeof line, "%zu tiers, dont %zu traceur%s ; %zu requête%s de tiers avec cookies", n, t,
                          t > 1 ? "s" : "", c, c > 1 ? "s" : "");
        }
        ImGui::TextWrapped("%s", line);
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
        ImGui::TextUnformatted(L(s, "Sociétés par juridiction :", "Companies by jurisdiction:"));
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
        ImGui::TextWrapped("%s", L(s, "Sur la carte : le siège de chaque société. Indiquez la commune de votre organisation "
                                      "(lentille Diagnostic) pour voir aussi les flux depuis le site.",
                                   "On the map: each company's head office. Give your organisation's commune (Diagnostic "
                                   "lens) to see the flows from the site as well."));
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
        std::string line = L(s, "Sociétés par pays : ", "Companies by country: ");
        for (size_t k = 0; k < by_country.size(); ++k) {
            line += (k ? ", " : "");
            line += by_country[k].first.empty() ? L(s, "inconnu", "unknown") : country_name(by_country[k].first, s.lang);
            line += " " + std::to_string(by_country[k].second);
        }
        ImGui::TextWrapped("%s", line.c_str());
    }
    for (const SelfHostedHit& h : a.self_hosted) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", s.lang == Lang::En ? h.tool->en.c_str() : h.tool->fr.c_str());
    }
    if (a.pages.size() > 1 && ImGui::CollapsingHeader(L(s, "Pages", "Pages"))) {
        if (ImGui::BeginTable("##pages", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn(L(s, "Page", "Page"));
            ImGui::TableSetupColumn(L(s, "Requêtes", "Requests"));
            ImGui::TableSetupColumn("Ecoindex");
            ImGui::TableSetupColumn(L(s, "Tiers", "Third parties"));
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
    ImGui::TextUnformatted(L(s, "Tiers", "Third parties"));
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", L(s, "Filtrer (domaine, société, catégorie, pays)",
                                            "Filter (domain, company, category, country)"),
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
        ImGui::TableSetupColumn(L(s, "Domaine", "Domain"), ImGuiTableColumnFlags_DefaultSort);
        ImGui::TableSetupColumn(L(s, "Entité", "Entity"));
        ImGui::TableSetupColumn(L(s, "Société", "Company"));
        ImGui::TableSetupColumn(L(s, "Catégorie", "Category"));
        ImGui::TableSetupColumn(L(s, "Juridiction", "Jurisdiction"));
        ImGui::TableSetupColumn(L(s, "Req.", "Req."), ImGuiTableColumnFlags_PreferSortDescending);
        ImGui::TableSetupColumn(L(s, "Octets", "Bytes"), ImGuiTableColumnFlags_PreferSortDescending);
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
            std::snprintf(label, sizeof label, "%s%s", t.domain.c_str(), t.tracker ? L(s, " · traceur", " · tracker") : "");
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
        ImGui::TextWrapped("%s — %s", t.domain.c_str(), t.entity.empty() ? L(s, "entité inconnue", "unknown entity") : t.entity.c_str());
        if (!t.company.empty()) {
            ImGui::TextWrapped(L(s, "Société : %s ; pays : %s ; siège : %s %s", "Company: %s; country: %s; head office: %s %s"),
                               t.company.c_str(), t.country.empty() ? "?" : country_name(t.country, s.lang),
                               t.hq_city.c_str(), t.hq_country.empty() ? "" : country_name(t.hq_country, s.lang));
        }
        ImGui::TextWrapped(L(s, "%zu requêtes, dont %zu avec cookies ; hôtes : ", "%zu requests, %zu with cookies; hosts: "),
                           t.requests, t.cookies);
        for (const std::string& h : t.hosts) {
            ImGui::SameLine();
            ImGui::TextUnformatted(h.c_str());
        }
        if (t.hint) ImGui::TextWrapped(L(s, "Conseil : %s", "Advice: %s"), t.hint->text(s.lang).c_str());
        ImGui::TextWrapped("%s", t.supplement ? L(s, "Identifié par le complément de Proxinum.", "Identified by Proxinum's supplement.")
                                              : L(s, "Identifié par third-party-web (MIT).", "Identified by third-party-web (MIT)."));
    }
}

}  // namespace px::ui
