// ui.h — Proxinum's ImGui interface: the shell (top bar, side panels, status bar, welcome card,
// "À propos / sources") and one panel per lens. It reads core structs and returns intents; it never
// computes a score. The web glue (src/web/main.cpp) and the headless unit test drive it alike:
//
//   px::ui::UiState state;                         // French, welcome card shown
//   px::ui::load_fonts(dpr);  px::ui::apply_theme(dpr);   // after ImGui::CreateContext()
//   each frame: ImGui::NewFrame(); px::ui::Intents in = px::ui::frame(state); ImGui::Render();
//
// ImGui works here in framebuffer pixels: DisplaySize is the canvas size in device pixels and the
// fonts and style are scaled by `scale` (devicePixelRatio × the user's text size).
// Does NOT own a window, a GL context or the main loop.
#pragma once

#include "core/i18n.h"      // px::Lang
#include "core/map_view.h"  // px::MapView, px::MapLayers

#include <cstddef>  // size_t
#include <string>   // std::string
#include <vector>   // std::vector

#include "core/places.h"  // px::Places::Match

namespace px {
struct Atlas;
struct Workspace;
struct Report;
class Catalogs;
struct MapOverlay;
struct Choropleth;
struct Audit;
struct TerritoryScore;
struct Comparison;
struct FootprintResult;
struct Aggregate;
}  // namespace px

namespace px::ui {

enum class Lens : int { Diagnostic, Audit, Territory, Map, COUNT };

const char* lens_code(Lens lens);               // "diagnostic" | "audit" | "territoire" | "carte"
bool lens_from_code(const char* code, Lens& out);  // false for an unknown code

// Light by default; dark; high contrast (white and yellow on black, thick borders).
enum class Theme : int { Light, Dark, Contrast, COUNT };
const char* theme_code(Theme t);                        // "clair" | "sombre" | "contraste"
bool theme_from_code(const char* code, Theme& out);     // false for an unknown code

struct UiState {
    Lang lang = Lang::Fr;
    Theme theme = Theme::Light;
    float text_size = 1.0f;  // the user's text size, 1 to 2 (100 % to 200 %); scale includes it
    Lens lens = Lens::Map;
    bool show_welcome = true;
    bool embed = false;  // embed.html: minimal chrome (no workspace menu, no welcome card)
    bool focus_inputs = false;  // give the keyboard focus to the inputs panel at the next frame
    // Where the keyboard goes on when the widget it was on disappears (a commune picked from the
    // search results, a service added): the next step's first widget.
    enum class FocusNext : int { None, AddService, Editor };
    FocusNext focus_next = FocusNext::None;
    bool show_about = false;
    float scale = 1.0f;  // devicePixelRatio × text size, set by the caller with load_fonts
    float pixel_ratio = 1.0f;  // devicePixelRatio alone (the map's pixels)

    // The map. atlas/places are owned by the caller and may be null (no map drawn then).
    const Atlas* atlas = nullptr;
    const Places* places = nullptr;
    const MapOverlay* overlay = nullptr;  // markers and flows over the map, may be null
    const Choropleth* choropleth = nullptr;  // communes coloured by a value, may be null
    std::string choropleth_title;
    MapView view;
    MapLayers layers;
    bool view_initialised = false;  // fitted on France at the first frame with a layout
    int hovered = -1;   // commune index under the mouse, or -1
    float pick_at[2] = {-1.0f, -1.0f};  // mouse position of the last pick
    double pick_view[3] = {};           // zoom, centre x, centre y of the last pick
    int selected = -1;  // commune index clicked, or -1
    char search[128] = {};
    std::string last_search;                   // what search_results answer
    std::vector<Places::Match> search_results;  // best first
    size_t communes_placed = 0;                // counted once

    // The diagnostic, owned by the caller: the UI edits the workspace (and says so in Intents);
    // the caller scores it into `report`. Null: the diagnostic lens shows nothing to edit.
    Workspace* workspace = nullptr;
    const Report* report = nullptr;
    const Catalogs* catalogs = nullptr;  // the shipped facts (the workspace adds its own)
    int editing = -1;                    // service open in the editor, or -1
    // The last catalog import, shown until dismissed: a success line, or every error (already
    // worded in the UI's language) with "rien n'a été modifié".
    std::string import_title;
    std::vector<std::string> import_errors;
    char commune_query[96] = {};

    // The web audit, owned by the caller (null until a HAR was read). While a file is read the
    // caller sets audit_busy and audit_progress (0..1); the last refusal stays until dismissed.
    const Audit* audit = nullptr;
    bool audit_busy = false;
    double audit_progress = 0;
    std::string audit_file;
    std::string audit_title;
    std::vector<std::string> audit_errors;
    int audit_dom = 0;          // DOM elements typed in; 0: counted in the HTML
    bool audit_green = false;   // green hosting declared
    std::vector<std::string> audit_ours;  // the site's own domains
    char ours_input[96] = {};
    char audit_filter[64] = {};
    int audit_selected = -1;    // row of the third-party table, or -1

    // The named workspaces kept in this browser (api.js), the open one at workspace_current.
    std::vector<std::string> workspace_names;
    int workspace_current = 0;
    // Autosave (api.js): "Enregistré dans ce navigateur à 14:02", or why not; red when alert.
    std::string storage_status;
    bool storage_alert = false;

    // The territory lens. The UI edits the workspace's assessments and fleet (Intents::
    // territory_changed); the caller scores them into the results below (null: none yet).
    int territory_tab = 0;      // 0 self-assessment, 1 equipment footprint, 2 observatory
    int territory_tab_request = -1;  // a tab the caller wants shown at the next frame, or -1
    int territory_year = 0;     // year of the assessment shown; 0: the latest
    int current_year = 2026;    // set by the caller (the year a new assessment gets)
    int territory_sub = -1;     // sub-commitment open in detail (index into grid.subs), or -1
    const TerritoryScore* territory_score = nullptr;     // of the assessment shown
    const Comparison* territory_comparison = nullptr;    // with the assessment before it
    int comparison_year = 0;                             // that assessment's year
    const FootprintResult* footprint = nullptr;
    const Aggregate* aggregate = nullptr;                // the observatory, null until summaries came
    std::string summary_lines;  // what the anonymous summary holds, worded, one item a line
    std::string observatory_title;                       // the last import's outcome
    std::vector<std::string> observatory_errors;         // every refused file, worded
    int observatory_indicator = 0;  // what colours the communes: 0 contributions, 1 score, 2 share outside the EU, 3 maturity
};

// The documents of the workspace menu; their numbers are the page's (api.js reportDocument).
enum class ReportExport : int { None = 0, Print = 1, Html = 2, Csv = 3, Json = 4, GeoJson = 5 };

// What the user asked for this frame, for the caller to act on (persist, update the URL…).
struct Intents {
    bool lens_changed = false;
    bool lang_changed = false;
    bool view_changed = false;  // the map moved or zoomed
    bool workspace_changed = false;  // the diagnostic's inventory was edited: score it again
    bool load_example = false;       // "Voir un exemple": load the example workspace
    bool open_catalog = false;       // "Importer un catalogue…": open the browser's file picker
    bool open_har = false;           // "Ouvrir un fichier HAR…": open the browser's file picker
    bool audit_cancel = false;       // "Annuler" while a HAR is read
    bool audit_options_changed = false;  // DOM count, green hosting or "ours" changed: audit again
    bool territory_changed = false;      // an assessment, its year or the fleet changed: score again
    bool export_summary = false;         // "Télécharger mon résumé anonyme"
    bool open_summaries = false;         // "Importer des résumés…": the file picker (several files)
    bool observatory_clear = false;      // "Vider l'observatoire"
    bool observatory_indicator_changed = false;  // colour the communes by another indicator
    int export_observatory = 0;          // 1 CSV, 2 GeoJSON, 3 JSON: download the indicators
    bool save_workspace_copy = false;    // "Télécharger une copie de l'espace" (.json)
    bool open_workspace = false;         // "Ouvrir un espace de travail…": the file picker
    bool new_workspace = false;          // "Recommencer", confirmed: an empty workspace
    bool display_changed = false;        // theme or text size: fonts and style to rebuild (load_fonts, apply_theme)
    ReportExport export_report = ReportExport::None;  // print or download the report
    int open_workspace_at = -1;          // open the named workspace at this index of workspace_names
    int remove_workspace_at = -1;        // delete it (confirmed; never the open one)
    std::string create_workspace;        // a new named workspace, opened at once ("" = none)
    std::string rename_workspace;        // the open workspace's new name ("" = none)
};

// (Re)builds the font atlas at 16 px × scale (and headings at 22 px × scale). The caller must
// re-upload the font texture afterwards (ImGui_ImplOpenGL3_CreateFontsTexture on the web).
void load_fonts(float scale);
// The theme's colours and spacing scaled by `scale`; call after load_fonts and whenever the scale
// or the theme changes.
void apply_theme(float scale, Theme theme = Theme::Light);

Intents frame(UiState& state);

// The commune drawn at a screen point (framebuffer pixels), within 8 CSS px; -1 if none.
// The hover tooltip and the page API's map.pick both use it.
int pick_commune(const UiState& state, MapView::Vec2 screen);

}  // namespace px::ui
