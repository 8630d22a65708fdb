// main.cpp — the browser app: a WebGL2 canvas that fills the window, ImGui through Emscripten's
// GLFW emulation, the main loop, HiDPI and resizes, and the page API's C side (api.js is the JS
// side). This folder is the only place that includes emscripten.h.
//
// HiDPI: Emscripten 3.1.6's GLFW ignores devicePixelRatio, so each frame this file sizes the
// canvas backing store to its CSS size × devicePixelRatio and runs ImGui in framebuffer pixels
// (mouse positions from GLFW are already in canvas pixels); fonts and style are scaled instead.
// Does NOT hold any lens logic: that is src/ui (drawing) and src/core (everything else).
#include <GLES3/gl3.h>  // glViewport, glClear
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>  // emscripten_get_device_pixel_ratio, canvas sizing
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>  // std::sort
#include <ctime>      // std::time, std::localtime
#include <array>      // std::array
#include <memory>     // std::unique_ptr
#include <cmath>      // std::lround, std::log2, std::isfinite
#include <string>     // std::string
#include <string_view>  // std::string_view
#include <unordered_map>  // std::unordered_map
#include <vector>     // std::vector

#include <nlohmann/json.hpp>

#include "core/atlas.h"
#include "core/atlas_embedded.h"
#include "core/audit/audit.h"
#include "core/audit/audit_data.h"
#include "core/audit/har.h"
#include "core/catalog_import.h"
#include "core/facts.h"
#include "core/scoring.h"
#include "core/territory/assessment.h"
#include "core/territory/footprint.h"
#include "core/territory/grid.h"
#include "core/territory/summary.h"
#include "core/workspace.h"
#include "core/choropleth.h"
#include "core/map_overlay.h"
#include "core/json_read.h"
#include "core/places.h"
#include "core/report_doc.h"
#include "core/version.h"
#include "render/map_renderer.h"
#include "ui/ui.h"

// JS side (src/web/api.js): window.proxinum and the loading / error messages of the page.
EM_JS(void, px_js_started, (const char* version), { Module.pxStarted(UTF8ToString(version)); });
EM_JS(void, px_js_ready, (), { Module.pxReady(); });
EM_JS(void, px_js_state, (const char* lens, const char* lang),
      { Module.pxState(UTF8ToString(lens), UTF8ToString(lang)); });
EM_JS(void, px_js_fatal, (const char* reason), { Module.pxFatal(UTF8ToString(reason)); });
// The browser's file picker for a catalog; the chosen file comes back through proxinum.importFile.
EM_JS(void, px_js_open_catalog, (), { Module.pxOpenCatalog(); });
// The browser's file picker for a HAR; api.js streams the chosen file in (px_har_*).
EM_JS(void, px_js_open_har, (), { Module.pxOpenHar(); });
// The browser's file picker for anonymous summaries (several files); they come back through
// proxinum.importSummaries.
EM_JS(void, px_js_open_summaries, (), { Module.pxOpenSummaries(); });
// A download of text made here (a Blob and an <a download>: nothing leaves the machine).
EM_JS(void, px_js_download, (const char* name, const char* mime, const char* text),
      { Module.pxDownload(UTF8ToString(name), UTF8ToString(mime), UTF8ToString(text)); });
// The browser's file picker for a workspace file; api.js loads it through proxinum.loadWorkspace.
EM_JS(void, px_js_open_workspace, (), { Module.pxOpenWorkspace(); });
// The workspace changed: api.js saves it in the browser's storage a moment later (autosave).
EM_JS(void, px_js_changed, (), { Module.pxChanged(); });
// "Imprimer le rapport" and "Exporter": api.js fetches the territory's words first when the report
// needs them, then prints (a hidden frame) or downloads px_report_document(kind).
EM_JS(void, px_js_report, (int kind), { Module.pxReport(kind); });
// The accessible mirror: the results as HTML text beside the canvas, in an ARIA live region.
EM_JS(void, px_js_mirror, (const char* html), { Module.pxMirror(UTF8ToString(html)); });
// The theme or the text size changed: api.js remembers them in this browser (proxinum.affichage).
EM_JS(void, px_js_display, (const char* theme, double text_size), { Module.pxDisplay(UTF8ToString(theme), text_size); });
// The named workspaces (api.js keeps them in this browser): "open" or "remove" an index, "create"
// or "rename" with a name.
EM_JS(void, px_js_workspace_op, (const char* op, const char* arg), { Module.pxWorkspaceOp(UTF8ToString(op), UTF8ToString(arg)); });
// 1 when the page is embed.html (data-proxinum-embed on <html>): minimal chrome, no welcome card.
EM_JS(int, px_js_embed, (), { return document.documentElement.hasAttribute('data-proxinum-embed') ? 1 : 0; });
// A performance mark for the startup benchmark (tests/bench/startup.mjs reads them).
EM_JS(void, px_js_mark, (const char* name), { if (self.performance && performance.mark) performance.mark(UTF8ToString(name)); });

extern const char* const px_text_boutique_plateformes_json;  // generated: docs/samples (CMakeLists.txt)

namespace {
constexpr const char* kCanvas = "#canvas";

struct App {
    GLFWwindow* window = nullptr;
    px::Atlas atlas;
    px::Places places;
    px::MapRenderer map;
    px::MapOverlay overlay;
    px::Choropleth choropleth;
    px::ui::UiState ui;
    px::Catalogs facts;       // the provider facts shipped with Proxinum, parsed on first use
    bool facts_loaded = false;
    px::Workspace workspace;  // the user's diagnostic (issue 7 will autosave it)
    px::Report report;        // scored from workspace whenever it changes
    std::string mirror;       // the accessible mirror's HTML last given to the page
    bool mirror_dirty = true;  // results, lens, language or selection changed: make it again
    int mirror_selected = -1;
    int mirror_tab = 0;  // the territory tab the mirror was made for
    // The web audit: its data (fetched by api.js the first time), the HAR being read, the last
    // HAR read and its audit. A refused or cancelled file leaves the last audit as it was.
    px::AuditData audit_data;
    bool audit_data_loaded = false;
    std::unique_ptr<px::HarReader> har_reader;
    bool har_cancel = false;
    px::Har har;
    bool har_loaded = false;
    px::Audit audit;
    px::MapOverlay audit_overlay;
    // The territory lens: the scores of the assessment shown, the comparison with the one before
    // it, the footprint, and the observatory (summaries read so far and their indicators).
    px::TerritoryScore territory_score;
    px::Comparison territory_comparison;
    px::FootprintResult footprint;
    std::unique_ptr<px::Aggregator> aggregator;
    px::Aggregate aggregate;
    double busy_drawn_at = 0;  // emscripten_get_now() of the last frame drawn while busy
    int fb_w = 0, fb_h = 0;
    float dpr = 0.0f;
    px::ui::Theme theme = px::ui::Theme::Light;  // the theme the style was last built with
    int frames = 0;
    // CPU time of the last frames (ms), for proxinum.stats(): a fixed ring, nothing allocated.
    std::array<float, 600> frame_ms{};
    size_t frame_ms_count = 0;
};
App g_app;

// Keeps the canvas backing store at CSS size × devicePixelRatio. Returns true when the ratio, the
// user's text size or the theme changed: the fonts and style were rebuilt (new font texture).
bool fit_canvas(App& app) {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
    const float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
    const int fb_w = static_cast<int>(std::lround(css_w * dpr));
    const int fb_h = static_cast<int>(std::lround(css_h * dpr));
    if (fb_w != app.fb_w || fb_h != app.fb_h) {
        emscripten_set_canvas_element_size(kCanvas, fb_w > 0 ? fb_w : 1, fb_h > 0 ? fb_h : 1);
        app.fb_w = fb_w;
        app.fb_h = fb_h;
    }
    const float scale = dpr * app.ui.text_size;
    if (dpr == app.dpr && scale == app.ui.scale && app.ui.theme == app.theme) return false;
    app.dpr = dpr;
    app.theme = app.ui.theme;
    app.ui.scale = scale;
    app.ui.pixel_ratio = dpr;
    px::ui::load_fonts(app.ui.scale);
    px::ui::apply_theme(app.ui.scale, app.ui.theme);
    return true;
}

// Mouse wheel, as imgui_impl_glfw's Emscripten handler does (Emscripten_HandleWheel in SDL), but
// listening on the canvas: the backend listens on the document, where Chromium makes wheel
// listeners passive and logs an error for every preventDefault.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* ev, void*) {
    const float step = ev->deltaMode == DOM_DELTA_PIXEL  ? 1.0f / 100.0f  // 100 pixels a step
                       : ev->deltaMode == DOM_DELTA_LINE ? 1.0f / 3.0f    // 3 lines a step
                                                         : 80.0f;         // a page, 80 steps
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(ev->deltaX) * -step,
                                      static_cast<float>(ev->deltaY) * -step);
    return EM_TRUE;
}

// The shipped provider facts, parsed the first time the diagnostic needs them (not at start-up:
// the map must not wait for them). False, with the page told why, if they cannot be read.
bool ensure_facts(App& app) {
    if (app.facts_loaded) return true;
    px::Catalog facts;
    px::Result<px::Catalog> r = px::builtin_catalog();
    if (r.get(facts) != px::Err::OK) {
        px_js_fatal(("faits : " + px::format_error(r.error(), px::Lang::Fr)).c_str());
        return false;
    }
    app.facts.add(std::move(facts));
    app.ui.catalogs = &app.facts;
    app.facts_loaded = true;
    return true;
}

// Forward declaration: the page API's loader, used by "Voir un exemple" too.
px::Error load_workspace(App& app, std::string_view text, const std::string& file);

// The commune search and picking index, built once the first map is on screen (≈ 0.2 s that the
// first picture need not wait for), or earlier if the page API asks for a pick.
void ensure_places(App& app) {
    if (app.places.built()) return;
    app.places.build(app.atlas);
    app.ui.places = &app.places;
    px_js_mark("proxinum-places-built");
}

void show_overlay(App& app);
void publish_state(const App& app);

px::ReportDate today() {
    const std::time_t now = std::time(nullptr);
    const std::tm* t = std::localtime(&now);
    return {t->tm_year + 1900, t->tm_mon + 1, t->tm_mday};
}

// The mirror shows the current lens's results (the map: the selected commune); it is made again
// at the end of a frame where something it shows may have changed, and the page is told only when
// its text did.
void update_mirror(App& app) {
    app.mirror_dirty = false;
    app.mirror_selected = app.ui.selected;
    app.mirror_tab = app.ui.territory_tab;
    const px::Lang lang = app.ui.lang;
    const auto note = [lang](px::Msg m) { return "<p>" + px::html_escape(px::tr(m, lang)) + "</p>"; };  // "nothing yet"
    std::string html;
    switch (app.ui.lens) {
        case px::ui::Lens::Audit:
            html = app.har_loaded ? px::audit_mirror_html(app.audit, lang)
                                  : note(px::Msg::MIRROR_NO_AUDIT);
            break;
        case px::ui::Lens::Territory:
            if (app.ui.territory_tab == 2) {
                html = px::observatory_mirror_html(app.ui.aggregate, app.ui.observatory_title, lang);
                break;
            }
            if (app.ui.territory_tab == 1) {
                html = px::footprint_mirror_html(app.workspace, lang);
                if (html.empty()) html = note(px::Msg::MIRROR_NO_FLEET);
                break;
            }
            if (app.ui.territory_score) {
                for (const px::Assessment& a : app.workspace.assessments) {
                    if (a.year == app.ui.territory_year) html = px::territory_mirror_html(a, app.territory_score, lang);
                }
            }
            if (html.empty()) html = note(px::Msg::MIRROR_NO_ASSESSMENT);
            break;
        case px::ui::Lens::Map:
            html = px::map_mirror_html({&app.atlas, app.ui.selected, &app.overlay, app.ui.choropleth, app.ui.choropleth_title, lang});
            break;
        default:
            html = px::report_mirror_html({&app.workspace, &app.report, &app.atlas, lang, today()});
    }
    if (html == app.mirror) return;
    app.mirror = std::move(html);
    px_js_mirror(app.mirror.c_str());
}

// Scores the workspace again and shows its flows on the map (the UI never scores).
void rescore(App& app) {
    if (!ensure_facts(app)) return;
    app.report = px::score_workspace(app.workspace, app.facts, &app.atlas, app.ui.lang);
    if (!app.workspace.services.empty() || !app.workspace.catalogs.empty()) {
        app.overlay = px::report_overlay(app.report);
        px::add_catalog_markers(app.workspace, &app.atlas, app.overlay);
        show_overlay(app);
    }
    app.mirror_dirty = true;
}

// Audits the last HAR again with the UI's settings and puts its companies on the map.
void run_audit(App& app) {
    if (!app.har_loaded || !app.audit_data_loaded || !ensure_facts(app)) return;
    px::AuditOptions opt;
    if (app.ui.audit_dom > 0) opt.dom = app.ui.audit_dom;
    opt.green = app.ui.audit_green;
    opt.ours = app.ui.audit_ours;
    app.audit = px::audit_har(app.har, app.audit_data, app.facts, &app.atlas, opt);
    app.audit.file = app.ui.audit_file;
    app.ui.audit = &app.audit;
    if (app.ui.audit_selected >= static_cast<int>(app.audit.third_parties.size())) app.ui.audit_selected = -1;
    std::optional<px::geo::LonLat> site;
    if (app.report.organisation_placed) site = app.report.organisation_pos;
    app.audit_overlay = px::audit_overlay(app.audit, site, app.ui.lang);
    app.mirror_dirty = true;
}

// The workspace's anonymous summary for the year shown (its uid made the first time).
px::Summary current_summary(App& app) {
    if (app.workspace.uid.empty()) app.workspace.uid = px::random_uid();
    const int year = app.ui.territory_year > 0 ? app.ui.territory_year : app.ui.current_year;
    return px::make_summary(app.workspace, app.workspace.services.empty() ? nullptr : &app.report, app.workspace.uid, year);
}

// "Commune : Niort (79191)" …: what the summary holds, in words, for the user to see first.
std::string summary_lines(App& app) {
    const px::Lang lang = app.ui.lang;
    const int year = app.ui.territory_year > 0 ? app.ui.territory_year : app.ui.current_year;
    // The same summary as the download, but its uid is made only when it is downloaded.
    const px::Summary sm =
        px::make_summary(app.workspace, app.workspace.services.empty() ? nullptr : &app.report, app.workspace.uid, year);
    const px::Atlas::Commune* c = sm.insee.empty() ? nullptr : app.atlas.find_commune(sm.insee);
    const std::string commune = c ? std::string(app.atlas.name(*c)) + " (" + sm.insee + ")" : "—";
    std::string out = px::format_msg(px::Msg::SUMMARY_LINE_COMMUNE, lang, commune.c_str()) + "\n";
    out += px::format_msg(px::Msg::SUMMARY_LINE_KIND, lang, px::org_kind_label(sm.kind, lang)) + "\n";
    out += px::format_msg(px::Msg::SUMMARY_LINE_YEAR, lang, sm.year) + "\n";
    if (sm.has_diagnostic) {
        const std::string score = sm.diagnostic_score_known ? px::format_number(sm.diagnostic_score, 1, lang) : "?";
        std::string by_jurisdiction;
        for (size_t i = 0; i < px::kJurisdictionCount; ++i) {
            by_jurisdiction += (i ? ", " : "") + std::string(px::jurisdiction_label(static_cast<px::Jurisdiction>(i), lang)) +
                               " " + std::to_string(sm.jurisdictions[i]);
        }
        out += px::format_msg(px::Msg::SUMMARY_LINE_DIAGNOSTIC, lang, score.c_str(), static_cast<int>(sm.services),
                              by_jurisdiction.c_str());
    } else {
        out += px::tr(px::Msg::SUMMARY_LINE_NO_DIAGNOSTIC, lang);
    }
    out += "\n";
    if (sm.has_territory) {
        int answered = 0;
        for (const int8_t l : sm.levels) answered += l >= 0;
        out += px::format_msg(px::Msg::SUMMARY_LINE_ASSESSMENT, lang, answered);
    } else {
        out += px::tr(px::Msg::SUMMARY_LINE_NO_ASSESSMENT, lang);
    }
    out += "\n";
    if (sm.has_footprint) {
        out += px::format_msg(px::Msg::SUMMARY_LINE_FOOTPRINT, lang, px::format_number(sm.devices, 0, lang).c_str(),
                              px::format_number(sm.footprint_kg, 0, lang).c_str());
    } else {
        out += px::tr(px::Msg::SUMMARY_LINE_NO_FOOTPRINT, lang);
    }
    out += "\n";
    out += px::tr(px::Msg::SUMMARY_LINE_UID, lang);
    return out;
}

// Scores the assessment shown, compares it with the one before, and computes the footprint.
void rescore_territory(App& app) {
    const px::Grid& g = px::territory_grid();
    px::ui::UiState& ui = app.ui;
    ui.territory_score = nullptr;
    ui.territory_comparison = nullptr;
    const std::vector<px::Assessment>& as = app.workspace.assessments;
    const px::Assessment* shown = nullptr;
    for (const px::Assessment& a : as) {
        if (a.year == ui.territory_year) shown = &a;
    }
    if (!shown && !as.empty()) shown = &as.back();
    if (shown) {
        ui.territory_year = shown->year;
        app.territory_score = px::score_assessment(g, *shown);
        ui.territory_score = &app.territory_score;
        const px::Assessment* before = nullptr;
        for (const px::Assessment& a : as) {
            if (a.year < shown->year) before = &a;
        }
        if (before) {
            app.territory_comparison = px::compare_assessments(g, *before, *shown);
            ui.territory_comparison = &app.territory_comparison;
            ui.comparison_year = before->year;
        }
    }
    app.footprint = px::compute_footprint(app.workspace.fleet);
    ui.footprint = &app.footprint;
    ui.summary_lines = summary_lines(app);
    app.mirror_dirty = true;
}

// Replaces the workspace (a file loaded, or "Recommencer"), scores it and has it saved.
void set_workspace(App& app, px::Workspace ws) {
    app.workspace = std::move(ws);
    app.ui.editing = -1;
    app.ui.territory_year = 0;
    app.ui.territory_sub = -1;
    rescore(app);
    rescore_territory(app);
    px_js_changed();
}

// The observatory's chosen indicator on the map: each commune with contributions takes the value
// of the smallest shown area holding it (its own, else its EPCI's); masked ones stay grey.
void show_observatory(App& app) {
    if (!app.ui.aggregate) return;
    const px::Aggregate& a = app.aggregate;
    std::unordered_map<std::string, double> values;
    for (size_t c = 0; c < a.commune_area.size(); ++c) {
        if (a.commune_area[c] < 0) continue;
        const px::AreaStats& st = a.areas[static_cast<size_t>(a.commune_area[c])].stats;
        double v = 0;
        bool known = true;
        switch (app.ui.observatory_indicator) {
            case 0: v = st.count; break;
            case 1: known = st.diagnostic_count > 0; v = known ? st.diagnostic_sum / st.diagnostic_count : 0; break;
            case 2:
                known = st.services > 0;
                v = known ? (st.jurisdictions[static_cast<size_t>(px::Jurisdiction::US)] +
                             st.jurisdictions[static_cast<size_t>(px::Jurisdiction::Other)]) / st.services * 100 : 0;
                break;
            default: known = st.territory_count > 0; v = known ? st.territory_sum / st.territory_count : 0; break;
        }
        if (known) values[app.atlas.communes[c].code] = v;
    }
    static const px::Msg kTitles[] = {px::Msg::OBS_INDICATOR_COUNT, px::Msg::OBS_INDICATOR_SCORE,
                                      px::Msg::OBS_INDICATOR_OUTSIDE_EU, px::Msg::OBS_INDICATOR_MATURITY};
    const int i = app.ui.observatory_indicator < 0 || app.ui.observatory_indicator > 3 ? 0 : app.ui.observatory_indicator;
    px::build_choropleth(app.atlas, values, values.size() >= 5 ? 5 : 2, app.choropleth);
    app.mirror_dirty = true;
    if (values.empty()) {
        app.ui.choropleth = nullptr;
        app.map.set_commune_colors({});
        return;
    }
    app.ui.choropleth = &app.choropleth;
    app.ui.choropleth_title = std::string(px::tr(kTitles[i], app.ui.lang)) +
                              px::tr(px::Msg::WEB_ZONES_MASQUEES_VALEUR_LEUR_EPCI, app.ui.lang);
    app.map.set_commune_colors(app.choropleth.rgba);
}

void refresh_observatory(App& app) {
    if (!app.aggregator || app.aggregator->accepted() == 0) {
        app.ui.aggregate = nullptr;
        return;
    }
    app.aggregate = app.aggregator->finish(px::kMaskThreshold);
    app.ui.aggregate = &app.aggregate;
    show_observatory(app);
}

void export_observatory(App& app, int kind) {
    if (!app.ui.aggregate) return;
    if (kind == 1) px_js_download("observatoire.csv", "text/csv;charset=utf-8", px::aggregate_csv(app.aggregate).c_str());
    if (kind == 2) px_js_download("observatoire.geojson", "application/geo+json", px::aggregate_geojson(app.aggregate).c_str());
    if (kind == 3) {
        px_js_download("observatoire.json", "application/json", px::aggregate_json(app.aggregate, {}, app.ui.lang).c_str());
    }
}

// The map shows the lens's own flows: the audit's companies, or the diagnostic's providers.
void show_overlay(App& app) {
    app.mirror_dirty = true;  // the map's mirror says what it draws
    if (app.ui.lens == px::ui::Lens::Audit) app.map.set_overlay(app.audit_overlay);
    else app.map.set_overlay(app.overlay);
}

// Everything worded in the interface's language, worded again: the state the page reads, the
// audit, the map's labels, the score's reasons, the territory, the observatory, and (show_overlay
// marks it) the mirror.
void language_changed(App& app) {
    publish_state(app);
    if (app.har_loaded) run_audit(app);
    show_overlay(app);
    if (app.facts_loaded) rescore(app);
    rescore_territory(app);
    if (app.ui.aggregate) show_observatory(app);
}

void publish_state(const App& app) {
    px_js_state(px::ui::lens_code(app.ui.lens), px::lang_code(app.ui.lang));
}

void frame() {
    App& app = g_app;
    const double t0 = emscripten_get_now();
    // While a HAR is read, the picture only changes by its progress bar: drawing 4 times a second
    // leaves the browser's time to the reading (a frame that draws nothing keeps the last one).
    if (app.ui.audit_busy) {
        if (t0 - app.busy_drawn_at < 250.0) return;
        app.busy_drawn_at = t0;
    }
    if (fit_canvas(app)) {  // moved to a screen of another pixel ratio: new font texture
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(app.fb_w), static_cast<float>(app.fb_h));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);

    ImGui::NewFrame();
    const px::ui::Intents in = px::ui::frame(app.ui);
    ImGui::Render();
    if (in.lang_changed) language_changed(app);
    if (in.lens_changed) publish_state(app);
    if (in.display_changed) px_js_display(px::ui::theme_code(app.ui.theme), app.ui.text_size);  // rebuilt next frame
    if (in.open_catalog) px_js_open_catalog();
    if (in.open_har) px_js_open_har();
    if (in.audit_cancel) app.har_cancel = true;
    if (in.audit_options_changed) run_audit(app);
    if (in.lens_changed || in.audit_options_changed || in.workspace_changed) show_overlay(app);
    if (in.load_example) {
        load_workspace(app, px_text_boutique_plateformes_json, "exemple.json");
        app.ui.lens = px::ui::Lens::Diagnostic;
        publish_state(app);
    }
    if (in.workspace_changed ||
        ((app.ui.lens == px::ui::Lens::Diagnostic || app.ui.lens == px::ui::Lens::Territory) && !app.facts_loaded)) {
        rescore(app);
        rescore_territory(app);
    }
    if (in.territory_changed) rescore_territory(app);
    if (in.workspace_changed || in.territory_changed) px_js_changed();
    if (in.export_summary && !app.workspace.organisation.insee.empty()) {
        const px::Summary sm = current_summary(app);
        px_js_changed();  // its uid is kept with the workspace from now on
        const std::string name = "resume-anonyme-" + sm.insee + "-" + std::to_string(sm.year) + ".json";
        px_js_download(name.c_str(), "application/json", px::write_summary_json(sm).c_str());
    }
    if (in.open_summaries) px_js_open_summaries();
    if (in.observatory_clear) {
        app.aggregator.reset();
        app.ui.aggregate = nullptr;
        app.ui.choropleth = nullptr;
        app.mirror_dirty = true;
        app.ui.observatory_title.clear();
        app.ui.observatory_errors.clear();
        app.map.set_commune_colors({});
    }
    if (in.observatory_indicator_changed) show_observatory(app);
    if (in.export_observatory) export_observatory(app, in.export_observatory);
    if (in.save_workspace_copy) {
        const std::time_t now = std::time(nullptr);
        char name[64];
        std::strftime(name, sizeof name, "proxinum-espace-%Y-%m-%d.json", std::localtime(&now));
        px_js_download(name, "application/json", px::write_workspace_json(app.workspace).c_str());
    }
    if (in.open_workspace) px_js_open_workspace();
    if (in.new_workspace) set_workspace(app, px::Workspace{});
    if (in.export_report != px::ui::ReportExport::None) px_js_report(static_cast<int>(in.export_report));
    if (in.open_workspace_at >= 0) px_js_workspace_op("open", std::to_string(in.open_workspace_at).c_str());
    if (in.remove_workspace_at >= 0) px_js_workspace_op("remove", std::to_string(in.remove_workspace_at).c_str());
    if (!in.create_workspace.empty()) px_js_workspace_op("create", in.create_workspace.c_str());
    if (!in.rename_workspace.empty()) px_js_workspace_op("rename", in.rename_workspace.c_str());

    glViewport(0, 0, app.fb_w, app.fb_h);
    glClearColor(0.84f, 0.894f, 0.941f, 1.0f);  // sea
    glClear(GL_COLOR_BUFFER_BIT);
    app.map.draw(app.ui.view, app.ui.layers, app.fb_w, app.fb_h);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    if (in.lens_changed || app.ui.selected != app.mirror_selected || app.ui.territory_tab != app.mirror_tab) {
        app.mirror_dirty = true;
    }
    if (app.mirror_dirty && app.frames >= 2) update_mirror(app);

    // ImGui sizes auto-fitting windows on their first frame and shows them on the second:
    // the picture is complete at the end of frame 2.
    if (++app.frames == 2) px_js_ready();
    if (app.frames == 3) ensure_places(app);
    app.frame_ms[app.frame_ms_count++ % app.frame_ms.size()] = static_cast<float>(emscripten_get_now() - t0);
}
}  // namespace

// Page API entry points (called from api.js through ccall).
namespace {
// The page API's answer to refused input: {"ok": false, "errors": [{message, id, pointer, line, col}]}.
std::string refusal_list(const std::vector<px::Error>& errors) {
    nlohmann::json list = nlohmann::json::array();
    for (const px::Error& e : errors) {
        list.push_back({{"message", px::format_error(e, g_app.ui.lang)},
                        {"id", px::error_id(e.code)},
                        {"pointer", e.json_pointer},
                        {"line", e.where.line},
                        {"col", e.where.col}});
    }
    return nlohmann::json{{"ok", false}, {"errors", list}}.dump();
}

std::string refusal(const px::Error& e) { return refusal_list({e}); }

// Replaces the workspace, all or nothing (core/workspace.h JSON), and scores it.
px::Error load_workspace(App& app, std::string_view text, const std::string& file) {
    px::Workspace ws;
    px::Result<px::Workspace> r = px::parse_workspace_json(text, file);
    if (r.get(ws) != px::Err::OK) return r.error();
    if (!ensure_facts(app)) return px::make_error(px::Err::FILE_UNREADABLE, {}, {}, "faits-proxinum.json");
    const px::Error e = px::check_references(ws, app.facts, &app.atlas, text, file);
    if (e.code != px::Err::OK) return e;
    set_workspace(app, std::move(ws));
    return {};
}

}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE int px_set_lens(const char* code) {
    px::ui::Lens lens;
    if (!px::ui::lens_from_code(code, lens)) return 0;
    g_app.ui.lens = lens;
    g_app.ui.show_welcome = false;
    g_app.mirror_dirty = true;
    publish_state(g_app);
    return 1;
}

// Map controls. Screen positions are CSS pixels from the canvas's top-left corner.
EMSCRIPTEN_KEEPALIVE int px_map_fly_to(double lon, double lat, double zoom) {
    if (!px::geo::check_lonlat({lon, lat}).ok() || !(zoom == zoom)) return 0;
    g_app.ui.view.set({lon, lat}, zoom);
    return 1;
}

// Shows a territory: a commune (INSEE code: selected, centred) or an EPCI (SIREN: its communes
// fitted in view). With set_organisation and a commune, the workspace's organisation is placed
// there when it has no commune yet (embed.html?territoire=…). {"ok", "kind", "code", "name"}.
EMSCRIPTEN_KEEPALIVE const char* px_show_territory(const char* code, int set_organisation) {
    static std::string out;
    App& app = g_app;
    const std::string c = code ? code : "";
    nlohmann::json r = {{"ok", false}, {"code", c}};
    if (const px::Atlas::Commune* commune = c.size() == 5 ? app.atlas.find_commune(c) : nullptr) {
        ensure_places(app);
        app.ui.selected = static_cast<int>(commune - app.atlas.communes.data());
        if (commune->placed()) app.ui.view.set(commune->pos, 11);
        if (set_organisation && app.workspace.organisation.insee.empty()) {
            app.workspace.organisation.insee = c;
            if (app.facts_loaded) rescore(app);
        }
        r = {{"ok", true}, {"kind", "commune"}, {"code", c}, {"name", std::string(app.atlas.name(*commune))}};
    } else {
        for (size_t e = 0; e < app.atlas.epcis.size(); ++e) {
            if (app.atlas.epcis[e].siren != c) continue;
            px::geo::BBox box;
            for (const px::Atlas::Commune& m : app.atlas.communes) {
                if (m.epci == static_cast<int32_t>(e) && m.placed()) box.extend(m.pos);
            }
            if (!box.empty()) app.ui.view.fit(box, 48.0);
            r = {{"ok", true}, {"kind", "epci"}, {"code", c}, {"name", app.atlas.epcis[e].name}};
            break;
        }
    }
    out = r.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return out.c_str();
}

// The theme ("clair", "sombre", "contraste") and the text size (1 to 2); 0 if either is unknown.
EMSCRIPTEN_KEEPALIVE int px_set_display(const char* theme, double text_size) {
    px::ui::Theme t;
    if (!px::ui::theme_from_code(theme, t) || !(text_size >= 1.0 && text_size <= 2.0)) return 0;
    g_app.ui.theme = t;
    g_app.ui.text_size = static_cast<float>(text_size);
    return 1;  // applied at the next frame (fit_canvas)
}

EMSCRIPTEN_KEEPALIVE const char* px_map_view() {
    static std::string out;
    const px::geo::LonLat c = px::MapView::lonlat_of(g_app.ui.view.center);
    out = nlohmann::json{{"lon", c.lon_deg}, {"lat", c.lat_deg}, {"zoom", g_app.ui.view.zoom}}.dump();
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* px_map_project(double lon, double lat) {
    static std::string out;
    const px::MapView::Vec2 s = g_app.ui.view.screen_of(px::MapView::world_of({lon, lat}));
    const double r = g_app.dpr > 0 ? g_app.dpr : 1.0;
    out = nlohmann::json{{"x", s.x / r}, {"y", s.y / r}}.dump();
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* px_map_pick(double x_css, double y_css) {
    static std::string out;
    const double r = g_app.dpr > 0 ? g_app.dpr : 1.0;
    ensure_places(g_app);
    const int found = px::ui::pick_commune(g_app.ui, {x_css * r, y_css * r});
    if (found < 0) return "null";
    const px::Atlas::Commune& c = g_app.atlas.communes[static_cast<size_t>(found)];
    out = nlohmann::json{{"insee", c.code},
                         {"name", std::string(g_app.atlas.name(c))},
                         {"population", c.population},
                         {"lon", c.pos.lon_deg},
                         {"lat", c.pos.lat_deg}}
              .dump();
    return out.c_str();
}

// Touch (api.js listens and keeps touches from Emscripten's GLFW, which cannot read them): one
// finger is ImGui's mouse — it presses buttons, scrolls panels and drags the map; two fingers
// zoom the map around their midpoint. Positions in CSS pixels of the canvas.
EMSCRIPTEN_KEEPALIVE void px_touch_mouse(int phase, double x_css, double y_css) {  // 0 down, 1 move, 2 up
    ImGuiIO& io = ImGui::GetIO();
    const double r = g_app.dpr > 0 ? g_app.dpr : 1.0;
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(static_cast<float>(x_css * r), static_cast<float>(y_css * r));
    if (phase == 0 || phase == 2) io.AddMouseButtonEvent(ImGuiMouseButton_Left, phase == 0);
}

EMSCRIPTEN_KEEPALIVE void px_touch_pinch(double cx_css, double cy_css, double ratio) {
    if (!(ratio > 0) || !std::isfinite(ratio)) return;
    const double r = g_app.dpr > 0 ? g_app.dpr : 1.0;
    g_app.ui.view.zoom_around({cx_css * r, cy_css * r}, std::log2(ratio));
}

// [SECTION] Diagnostic page API
// Replaces the workspace, all or nothing (core/workspace.h JSON): {"ok": true} or a refusal.
EMSCRIPTEN_KEEPALIVE const char* px_load_workspace(const char* text, const char* name) {
    static std::string out;
    const px::Error e = load_workspace(g_app, text ? text : "", name && *name ? name : "workspace.json");
    out = e.code == px::Err::OK ? R"({"ok":true,"errors":[]})" : refusal(e);
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* px_get_workspace() {
    static std::string out;
    out = px::write_workspace_json(g_app.workspace);
    return out.c_str();
}

// The same JSON as `proxinum score` for the current workspace.
EMSCRIPTEN_KEEPALIVE const char* px_report() {
    static std::string out;
    out = px::report_json(g_app.report, g_app.workspace, g_app.ui.lang);
    return out.c_str();
}

// 1 when the report would name the territory's commitments and their words are not loaded yet.
EMSCRIPTEN_KEEPALIVE int px_report_needs_words() {
    return !g_app.workspace.assessments.empty() && !px::territory_texts_loaded() ? 1 : 0;
}

// The documents of the workspace menu (ui::ReportExport): 1 and 2 the printable HTML report, 3 its
// CSV, 4 the JSON of `proxinum score`, 5 the map's flows as GeoJSON; "" for another number.
EMSCRIPTEN_KEEPALIVE const char* px_report_document(int kind) {
    static std::string out;
    App& app = g_app;
    if (!app.facts_loaded) rescore(app);
    switch (kind) {
        case 1:
        case 2: out = px::report_html({&app.workspace, &app.report, &app.atlas, app.ui.lang, today()}); break;
        case 3: out = px::report_csv(app.report); break;
        case 4: out = px::report_json(app.report, app.workspace, app.ui.lang); break;
        case 5: out = px::overlay_geojson(px::report_overlay(app.report)); break;
        default: out.clear();
    }
    return out.c_str();
}

// A catalog file (JSON, CSV or GeoJSON bytes) added to the workspace, all or nothing:
// {"ok": true, "format", "name", "providers"} or {"ok": false, "errors": [every bad row]}.
EMSCRIPTEN_KEEPALIVE const char* px_import_file(const char* name, const uint8_t* bytes, int size) {
    static std::string out;
    const std::string file = name ? name : "fichier";
    const px::CatalogImport imp =
        px::import_catalog(std::string_view(reinterpret_cast<const char*>(bytes), size > 0 ? static_cast<size_t>(size) : 0),
                           file, &g_app.atlas);
    px::ui::UiState& ui = g_app.ui;
    ui.import_errors.clear();
    if (!imp.ok()) {
        ui.import_title = px::format_msg(px::Msg::IMPORT_REFUSED, ui.lang, file.c_str());
        for (const px::Error& e : imp.errors) ui.import_errors.push_back(px::format_error(e, ui.lang));
        out = refusal_list(imp.errors);
        return out.c_str();
    }
    if (g_app.workspace.catalogs.size() >= px::kWorkspaceMaxCatalogs) {
        out = refusal(px::make_error(px::Err::TOO_MANY, {}, "/catalogs", std::to_string(px::kWorkspaceMaxCatalogs)));
        return out.c_str();
    }
    static const char* const kFormats[] = {"json", "csv", "geojson"};
    bool replaced = false;
    for (px::Catalog& c : g_app.workspace.catalogs) {
        if (c.name == imp.catalog.name) {
            c = imp.catalog;
            replaced = true;
        }
    }
    if (!replaced) g_app.workspace.catalogs.push_back(imp.catalog);
    rescore(g_app);
    px_js_changed();
    ui.import_title = px::format_msg(px::Msg::IMPORT_CATALOG_DONE, ui.lang, imp.catalog.name.c_str(),
                                     static_cast<int>(imp.catalog.providers.size()));
    out = nlohmann::json{{"ok", true}, {"errors", nlohmann::json::array()}, {"format", kFormats[static_cast<int>(imp.format)]},
                         {"name", imp.catalog.name}, {"providers", imp.catalog.providers.size()}}
              .dump();
    return out.c_str();
}

// [SECTION] Autosave
// The page's own texts (api.js: autosave, restore, refusals), in the interface's language, from the
// same catalog: api.js names them; only these names are known, so the table stays small.
EMSCRIPTEN_KEEPALIVE const char* px_page_text(const char* name, const char* a, const char* b) {
    static const struct {
        const char* name;
        px::Msg msg;
    } kPageTexts[] = {
        {"saved_at", px::Msg::PAGE_SAVED_AT},           {"not_saved", px::Msg::PAGE_NOT_SAVED},
        {"saved_workspace", px::Msg::PAGE_SAVED_WORKSPACE}, {"restored", px::Msg::PAGE_RESTORED},
        {"unreadable", px::Msg::PAGE_UNREADABLE},       {"my_workspace", px::Msg::PAGE_MY_WORKSPACE},
        {"catalog_other_site", px::Msg::PAGE_CATALOG_OTHER_SITE}, {"har_busy", px::Msg::PAGE_HAR_BUSY},
        {"print_frame", px::Msg::PAGE_PRINT_FRAME},     {"summary_file", px::Msg::PAGE_SUMMARY_FILE},
        {"catalog_file", px::Msg::PAGE_CATALOG_FILE},
    };
    static std::string out;
    out.clear();
    for (const auto& t : kPageTexts) {
        if (std::strcmp(t.name, name ? name : "") == 0) {
            out = px::format_msg(t.msg, g_app.ui.lang, a ? a : "", b ? b : "");
            break;
        }
    }
    return out.c_str();
}

// A workspace (catalog = 0) or an embed page's catalog (1) that was refused: said in the
// diagnostic's import box, which is then shown.
EMSCRIPTEN_KEEPALIVE void px_import_refused(int catalog, const char* name, const char* message) {
    px::ui::UiState& ui = g_app.ui;
    ui.import_title = px::format_msg(catalog ? px::Msg::IMPORT_CATALOG_REFUSED : px::Msg::IMPORT_WORKSPACE_REFUSED, ui.lang,
                                     name ? name : "");
    ui.import_errors = {message ? message : ""};
    ui.lens = px::ui::Lens::Diagnostic;
    ui.show_welcome = false;
    publish_state(g_app);
}

// The named workspaces api.js keeps: {"list": [{"id", "name"}], "current": id}, for the menu.
EMSCRIPTEN_KEEPALIVE void px_workspaces(const char* json) {
    px::ui::UiState& ui = g_app.ui;
    const nlohmann::json doc = nlohmann::json::parse(json ? json : "", nullptr, false);
    if (!doc.is_object() || !doc.contains("list") || !doc["list"].is_array() || !doc.contains("current") || !doc["current"].is_string()) return;
    ui.workspace_names.clear();
    ui.workspace_current = 0;
    for (const nlohmann::json& w : doc["list"]) {
        if (!w.is_object() || !w.contains("name") || !w["name"].is_string() || !w.contains("id") || !w["id"].is_string()) continue;
        if (w["id"] == doc["current"]) ui.workspace_current = static_cast<int>(ui.workspace_names.size());
        ui.workspace_names.push_back(w["name"].get<std::string>());
    }
}

// An empty workspace, before api.js reads another named one from its slots.
EMSCRIPTEN_KEEPALIVE void px_new_workspace() { set_workspace(g_app, px::Workspace{}); }

// What api.js says about the browser's storage (saved, restored, set aside, full), shown in the
// status bar; "" clears it. `alert` (1) keeps it in red until the next message.
EMSCRIPTEN_KEEPALIVE void px_storage_status(const char* text, int alert) {
    g_app.ui.storage_status = text ? text : "";
    g_app.ui.storage_alert = alert != 0;
}

// [SECTION] Territory page API
// api.js hands over the grid's words (territoire.json) once, after the first picture.
EMSCRIPTEN_KEEPALIVE const char* px_territory_words(const uint8_t* bytes, int size) {
    static std::string out;
    const px::Error e = px::load_territory_texts(
        std::string_view(reinterpret_cast<const char*>(bytes), size > 0 ? static_cast<size_t>(size) : 0), "territoire.json");
    out = e.code == px::Err::OK ? std::string() : px::format_error(e, g_app.ui.lang);
    return out.c_str();
}

// The English texts (messages-en.bin), loaded by api.js when English is chosen: "" or the error.
EMSCRIPTEN_KEEPALIVE const char* px_messages_en(const uint8_t* bytes, int size) {
    static std::string out;
    out.clear();
    if (px::load_english_messages(
            std::string_view(reinterpret_cast<const char*>(bytes), size > 0 ? static_cast<size_t>(size) : 0), out) &&
        g_app.ui.lang == px::Lang::En) {
        language_changed(g_app);  // everything worded in French for want of English, again, now
    }
    return out.c_str();
}

// The assessment shown, scored as `proxinum territory score` prints it (with its comparison to
// the year before, as with --compare), or null when there is none.
EMSCRIPTEN_KEEPALIVE const char* px_territory_score() {
    static std::string out;
    App& app = g_app;
    rescore_territory(app);
    if (!app.ui.territory_score) return "null";
    const px::Grid& g = px::territory_grid();
    const px::Assessment* shown = nullptr;
    const px::Assessment* before = nullptr;  // the one rescore_territory compared it with
    for (const px::Assessment& a : app.workspace.assessments) {
        if (a.year == app.ui.territory_year) shown = &a;
        if (app.ui.territory_comparison && a.year == app.ui.comparison_year) before = &a;
    }
    if (!shown) return "null";
    nlohmann::json j = px::territory_score_to_json(g, *shown, app.territory_score, app.ui.lang);
    if (before) j["comparison"] = px::comparison_to_json(g, *before, *shown, app.territory_comparison, app.ui.lang);
    out = j.dump();
    return out.c_str();
}

// The footprint of the workspace's fleet, as `proxinum footprint` prints it.
EMSCRIPTEN_KEEPALIVE const char* px_footprint() {
    static std::string out;
    rescore_territory(g_app);
    out = px::footprint_to_json(g_app.footprint, g_app.ui.lang).dump();
    return out.c_str();
}

// The anonymous summary of the workspace (its uid made the first time), as `proxinum summary`.
EMSCRIPTEN_KEEPALIVE const char* px_summary() {
    static std::string out;
    if (g_app.workspace.organisation.insee.empty()) {
        out = refusal(px::make_error(px::Err::FIELD_MISSING, {}, "/organisation/insee"));
        return out.c_str();
    }
    ensure_facts(g_app);
    out = px::write_summary_json(current_summary(g_app));
    return out.c_str();
}

// One summary file into the observatory, whole or not at all: {"ok": true} or a refusal naming it.
// api.js calls px_summaries_done() after a batch (the indicators are computed once).
EMSCRIPTEN_KEEPALIVE const char* px_summary_add(const char* name, const uint8_t* bytes, int size) {
    static std::string out;
    App& app = g_app;
    if (!app.aggregator) app.aggregator = std::make_unique<px::Aggregator>(app.atlas);
    const std::string file = name ? name : px::tr(px::Msg::PAGE_SUMMARY_FILE, app.ui.lang);
    const std::string_view text(reinterpret_cast<const char*>(bytes), size > 0 ? static_cast<size_t>(size) : 0);
    const px::Error e = text.size() > px::kSummaryMaxBytes
                            ? px::make_error(px::Err::FILE_TOO_BIG, {file}, "", std::to_string(px::kSummaryMaxBytes))
                            : app.aggregator->add(text, file);
    if (e.code != px::Err::OK) {
        app.ui.observatory_errors.push_back(px::format_error(e, app.ui.lang));
        out = refusal(e);
    } else {
        out = R"({"ok":true,"errors":[]})";
    }
    return out.c_str();
}

// After a batch of px_summary_add: the indicators again, the map, and the outcome line.
// accepted/refused: this batch's counts.
EMSCRIPTEN_KEEPALIVE const char* px_summaries_done(int accepted, int refused) {
    static std::string out;
    App& app = g_app;
    app.ui.observatory_title = px::format_msg(px::Msg::OBS_SUMMARIES_DONE, app.ui.lang, accepted, refused);
    if (refused == 0) app.ui.observatory_errors.clear();
    refresh_observatory(app);
    if (app.ui.lens != px::ui::Lens::Territory) {
        app.ui.lens = px::ui::Lens::Territory;
        publish_state(app);
    }
    app.ui.territory_tab_request = 2;
    if (app.ui.aggregate && accepted > 0) {  // show where the contributions are
        px::geo::BBox box;
        for (size_t c = 0; c < app.aggregate.commune_area.size(); ++c) {
            if (app.aggregate.commune_area[c] >= 0 && app.atlas.communes[c].placed()) box.extend(app.atlas.communes[c].pos);
        }
        if (!box.empty()) {
            box.extend(px::geo::LonLat{box.min_lon_deg - 0.3, box.min_lat_deg - 0.2});
            box.extend(px::geo::LonLat{box.max_lon_deg + 0.3, box.max_lat_deg + 0.2});
            app.ui.view.fit(box);
        }
    }
    out = app.ui.aggregate ? px::aggregate_json(app.aggregate, {}, app.ui.lang) : std::string("null");
    return out.c_str();
}

// The observatory's indicators: format "json" (as `proxinum aggregate`), "csv" or "geojson".
EMSCRIPTEN_KEEPALIVE const char* px_observatory(const char* format) {
    static std::string out;
    const std::string f = format ? format : "json";
    if (!g_app.ui.aggregate) return "null";
    out = f == "csv" ? px::aggregate_csv(g_app.aggregate)
        : f == "geojson" ? px::aggregate_geojson(g_app.aggregate)
                         : px::aggregate_json(g_app.aggregate, {}, g_app.ui.lang);
    return out.c_str();
}

// [SECTION] Web audit --------------------------------------------------------------------------
// api.js fetches audit.bin (or reads it from proxinum.html) and hands it over once.
EMSCRIPTEN_KEEPALIVE const char* px_audit_data(const uint8_t* bytes, int size) {
    static std::string out;
    if (g_app.audit_data_loaded) return "";
    const px::Error e = px::decode_audit_data(reinterpret_cast<const char*>(bytes), size > 0 ? static_cast<size_t>(size) : 0,
                                              "audit.bin", g_app.audit_data);
    g_app.audit_data_loaded = e.code == px::Err::OK;
    out = g_app.audit_data_loaded ? std::string() : px::format_error(e, g_app.ui.lang);
    return out.c_str();
}

// A HAR file is streamed in: begin, feed chunk after chunk (the page draws frames in between),
// finish. feed returns 1 to go on, 0 on a refusal (see finish's answer), -1 when the user
// pressed "Annuler".
EMSCRIPTEN_KEEPALIVE int px_har_begin(const char* name, double total_bytes) {
    App& app = g_app;
    app.har_reader = std::make_unique<px::HarReader>(name ? name : "fichier.har",
                                                     total_bytes > 0 ? static_cast<uint64_t>(total_bytes) : 0);
    app.har_cancel = false;
    app.ui.audit_busy = true;
    app.ui.audit_progress = 0;
    app.ui.audit_file = name ? name : "fichier.har";
    app.ui.audit_title.clear();
    app.ui.audit_errors.clear();
    if (app.ui.lens != px::ui::Lens::Audit) {
        app.ui.lens = px::ui::Lens::Audit;
        publish_state(app);
        show_overlay(app);
    }
    return app.har_reader->ok() ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int px_har_feed(const uint8_t* bytes, int size) {
    App& app = g_app;
    if (!app.har_reader) return 0;
    if (app.har_cancel) {
        app.har_reader.reset();
        app.ui.audit_busy = false;
        app.ui.audit_title = px::format_msg(px::Msg::AUDIT_READING_CANCELLED, app.ui.lang, app.ui.audit_file.c_str());
        return -1;
    }
    const bool ok = app.har_reader->feed(reinterpret_cast<const char*>(bytes), size > 0 ? static_cast<size_t>(size) : 0);
    app.ui.audit_progress = app.har_reader->progress();
    return ok ? 1 : 0;
}

// {"ok": true, "audit": {…the CLI's JSON…}} or {"ok": false, "errors": […]}; a refusal leaves
// the last audit as it was.
EMSCRIPTEN_KEEPALIVE const char* px_har_finish() {
    static std::string out;
    App& app = g_app;
    app.ui.audit_busy = false;
    if (!app.har_reader) {
        out = refusal(px::make_error(px::Err::FILE_UNREADABLE, {}, {}, app.ui.audit_file));
        return out.c_str();
    }
    std::unique_ptr<px::HarReader> reader = std::move(app.har_reader);
    if (!reader->ok() || !reader->finish()) {
        app.ui.audit_title = px::format_msg(px::Msg::AUDIT_FILE_REFUSED, app.ui.lang, app.ui.audit_file.c_str());
        app.ui.audit_errors = {px::format_error(reader->error(), app.ui.lang)};
        out = refusal(reader->error());
        return out.c_str();
    }
    if (!app.audit_data_loaded) {
        out = refusal(px::make_error(px::Err::FILE_UNREADABLE, {}, {}, "audit.bin"));
        return out.c_str();
    }
    app.har = reader->take();
    app.har_loaded = true;
    app.ui.audit_selected = -1;
    run_audit(app);
    show_overlay(app);
    out = R"({"ok":true,"errors":[],"audit":)" + px::audit_json(app.audit, app.ui.lang) + "}";
    return out.c_str();
}

// Stops the HAR being read at its next chunk (the "Annuler" button does the same).
EMSCRIPTEN_KEEPALIVE void px_har_cancel() {
    if (g_app.har_reader) g_app.har_cancel = true;
}

// The last audit as the CLI prints it, or null.
EMSCRIPTEN_KEEPALIVE const char* px_audit_report() {
    static std::string out;
    out = g_app.har_loaded ? px::audit_json(g_app.audit, g_app.ui.lang) : std::string("null");
    return out.c_str();
}

// Audit settings from the page: {"dom": N, "green": bool, "ours": ["domain", …]}; audits again.
EMSCRIPTEN_KEEPALIVE const char* px_audit_options(const char* text) {
    static std::string out;
    nlohmann::json j;
    px::Result<nlohmann::json> r = px::parse_json(text ? text : "", "options");
    if (r.get(j) != px::Err::OK || !j.is_object()) {
        out = refusal(r.ok() ? px::make_error(px::Err::FIELD_TYPE, {}, "", px::Msg::TYPE_OBJECT) : r.error());
        return out.c_str();
    }
    px::ui::UiState& ui = g_app.ui;
    if (const auto d = j.find("dom"); d != j.end() && d->is_number() && *d >= 0 && *d < 1e9) ui.audit_dom = d->get<int>();
    if (const auto g = j.find("green"); g != j.end() && g->is_boolean()) ui.audit_green = g->get<bool>();
    if (const auto o = j.find("ours"); o != j.end() && o->is_array()) {
        ui.audit_ours.clear();
        for (const auto& d : *o) {
            if (d.is_string() && ui.audit_ours.size() < 100) ui.audit_ours.push_back(d.get<std::string>().substr(0, 253));
        }
    }
    run_audit(g_app);
    show_overlay(g_app);
    out = R"({"ok":true,"errors":[]})";
    return out.c_str();
}

// Replaces the markers and flows over the map (JSON form in core/map_overlay.h), all or nothing:
// {"ok": true} or {"ok": false, "errors": [{"message", "pointer", "line", "col"}]}.
EMSCRIPTEN_KEEPALIVE const char* px_map_set_overlay(const char* text) {
    static std::string out;
    const px::Result<px::MapOverlay> r = px::parse_overlay_json(text ? text : "", "overlay");
    if (!r.ok()) {
        out = refusal(r.error());
        return out.c_str();
    }
    g_app.overlay = r.value();
    g_app.map.set_overlay(g_app.overlay);
    g_app.mirror_dirty = true;  // the map's mirror says what it draws
    out = R"({"ok":true,"errors":[]})";
    return out.c_str();
}

// Colours the communes by value: text is {"title": "…", "classes": 5, "values": {"86066": 12.5, …}}
// or {} to clear. → {"ok", "errors", "withValue", "unknownCodes"}. All or nothing.
EMSCRIPTEN_KEEPALIVE const char* px_map_set_values(const char* text) {
    static std::string out;
    const std::string_view t = text ? text : "";
    const px::Result<nlohmann::json> parsed = px::parse_json(t, "values");
    bool ok = parsed.ok();
    px::Error err = parsed.error();
    const nlohmann::json& doc = parsed.value();
    std::unordered_map<std::string, double> values;
    int classes = 5;
    std::string title;
    if (ok && !doc.is_object()) {
        ok = false;
        err = px::make_error(px::Err::FIELD_TYPE, {"values"}, "", px::Msg::TYPE_OBJECT);
    }
    if (ok && doc.contains("classes")) {
        ok = doc["classes"].is_number_integer() && doc["classes"].get<int>() >= 2 && doc["classes"].get<int>() <= 7;
        if (!ok) err = px::make_error(px::Err::FIELD_VALUE, {"values"}, "/classes", "2…7");
        else classes = doc["classes"].get<int>();
    }
    if (ok && doc.contains("title")) {
        ok = doc["title"].is_string() && doc["title"].get<std::string>().size() <= 200;
        if (!ok) err = px::make_error(px::Err::FIELD_TYPE, {"values"}, "/title", px::Msg::TYPE_TEXT);
        else title = doc["title"].get<std::string>();
    }
    if (ok && doc.contains("values")) {
        ok = doc["values"].is_object();
        if (!ok) err = px::make_error(px::Err::FIELD_TYPE, {"values"}, "/values", px::Msg::TYPE_OBJECT);
        for (auto it = doc["values"].begin(); ok && it != doc["values"].end(); ++it) {  // NOLINT
            ok = it->is_number();
            if (!ok) err = px::make_error(px::Err::FIELD_TYPE, {"values"}, "/values/" + it.key(), px::Msg::TYPE_NUMBER);
            else values[it.key()] = it->get<double>();
        }
    }
    if (!ok) {
        out = refusal(err);
        return out.c_str();
    }
    px::build_choropleth(g_app.atlas, values, classes, g_app.choropleth);
    g_app.mirror_dirty = true;
    if (values.empty()) {
        g_app.ui.choropleth = nullptr;
        g_app.map.set_commune_colors({});  // back to the default colour
    } else {
        g_app.ui.choropleth = &g_app.choropleth;
        g_app.ui.choropleth_title = title;
        g_app.map.set_commune_colors(g_app.choropleth.rgba);
    }
    out = nlohmann::json{{"ok", true},
                         {"errors", nlohmann::json::array()},
                         {"withValue", g_app.choropleth.with_value},
                         {"unknownCodes", g_app.choropleth.unknown_codes}}
              .dump();
    return out.c_str();
}

// CPU time per frame over the last (up to) 600 frames: {frames, median_ms, p95_ms, max_ms}.
EMSCRIPTEN_KEEPALIVE const char* px_frame_stats() {
    static std::string out;
    const size_t n = std::min(g_app.frame_ms_count, g_app.frame_ms.size());
    std::vector<float> v(g_app.frame_ms.begin(), g_app.frame_ms.begin() + static_cast<long>(n));
    std::sort(v.begin(), v.end());
    const auto at = [&](double q) { return n ? v[static_cast<size_t>(q * static_cast<double>(n - 1))] : 0.0f; };
    out = nlohmann::json{{"frames", n}, {"median_ms", at(0.5)}, {"p95_ms", at(0.95)}, {"max_ms", n ? v.back() : 0.0f}}
              .dump();
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE int px_set_lang(const char* code) {
    if (code == nullptr || (code[0] != 'f' && code[0] != 'e')) return 0;
    g_app.ui.lang = px::lang_from_code(code);
    language_changed(g_app);
    return 1;
}
}

int main() {
    px_js_started(px::version());
    px_js_mark("proxinum-main");
    // 1. The WebGL2 context, ImGui and the shaders: compiled by the GPU process while step 2 runs.
    if (!glfwInit()) {
        px_js_fatal("glfw");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
    g_app.window = glfwCreateWindow(css_w > 1 ? static_cast<int>(css_w) : 1280,
                                    css_h > 1 ? static_cast<int>(css_h) : 800, "Proxinum",
                                    nullptr, nullptr);
    if (g_app.window == nullptr) {
        px_js_fatal("webgl2");  // no WebGL2 context: the page explains what to do
        return 1;
    }
    glfwMakeContextCurrent(g_app.window);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing written behind the user's back
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(g_app.window, true);
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
    emscripten_set_wheel_callback(kCanvas, nullptr, false, on_wheel);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    fit_canvas(g_app);                         // canvas size, fonts and theme
    ImGui_ImplOpenGL3_CreateDeviceObjects();   // ImGui's shader and font texture
    g_app.map.begin_init();
    px_js_mark("proxinum-gl-started");

    // 2. The atlas (CPU). The place index waits for the first picture (ensure_places).
    const px::Result<px::Atlas> atlas =
        px::decode_atlas(px::embedded_atlas_data(), px::embedded_atlas_size(), "atlas");
    if (!atlas.ok()) {
        px_js_fatal(("atlas: " + px::format_error(atlas.error(), px::Lang::Fr)).c_str());
        return 1;
    }
    g_app.atlas = atlas.value();
    px_js_mark("proxinum-atlas-decoded");
    g_app.ui.atlas = &g_app.atlas;
    g_app.ui.overlay = &g_app.overlay;
    g_app.ui.workspace = &g_app.workspace;
    {
        const std::time_t now = std::time(nullptr);
        g_app.ui.current_year = std::localtime(&now)->tm_year + 1900;
    }
    g_app.ui.report = &g_app.report;  // empty until the diagnostic is first used (ensure_facts)
    g_app.ui.embed = px_js_embed() != 0;
    g_app.ui.show_welcome = !g_app.ui.embed;

    // 3. The map's buffers.
    if (!g_app.map.finish_init()) {
        px_js_fatal("shaders");
        return 1;
    }
    g_app.map.set_atlas(g_app.atlas);
    px_js_mark("proxinum-gpu-buffers");
    publish_state(g_app);

    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
