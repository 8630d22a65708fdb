// ui_internal.h — helpers shared by the files of src/ui (not part of the UI's API).
#pragma once

#include "ui/ui.h"

struct ImFont;

namespace px::ui {
// A message of the catalog (data/i18n/<lang>.json, core/i18n.h) in the UI's language.
inline const char* T(const UiState& s, Msg id) { return tr(id, s.lang); }
unsigned int grade_colour(char g);  // ImU32: the A–G energy-label colours (diagnostic.cpp)

// The outcome of an import, kept until dismissed: a title, every error (already worded), and
// "Rien n'a été modifié" when there are errors; "Fermer" clears both. Red border on errors.
void outcome_box(UiState& s, const char* id, std::string& title, std::vector<std::string>& errors, size_t max_shown);

// Colours that the widgets' style does not carry, for the current theme (apply_theme). ImU32.
struct Palette {
    unsigned int text, muted, alert, ok, accent, accent_fill, grid, status_bg, badge_bg, badge_text;
    unsigned int primary_bg, primary_hover, primary_text;
};
const Palette& palette();

ImFont* heading_font();  // 22 px × scale; nullptr before load_fonts
bool primary_button(const char* label, float width = 0.0f);  // white on bleu France (per theme)
void heading(const char* text);

// Rectangles of the fixed panels, in framebuffer pixels, computed once per frame by the shell.
struct Layout {
    float display_w = 0, display_h = 0;
    float top = 0, bottom = 0;  // below the menu bar, above the status bar
    float left_w = 0, right_w = 0;
    bool narrow = false;  // results become part of the left panel
    float centre_x() const { return left_w; }
    float centre_w() const { return display_w - left_w - right_w; }
};

// The map lens (map.cpp): camera and input over the centre, and its two panels.
void map_frame(UiState& s, const Layout& l, Intents& in);  // every frame, whatever the lens
void map_inputs_panel(UiState& s);               // left panel content
void map_results_panel(UiState& s);              // right panel content
void choropleth_legend(const UiState& s);         // the classes of s.choropleth (non-null)

// The diagnostic lens (diagnostic.cpp): inventory editor and results.
void diagnostic_inputs_panel(UiState& s, Intents& in);
void diagnostic_results_panel(UiState& s, Intents& in);

// The web audit lens (audit.cpp): HAR file, progress, settings; results and third parties.
void audit_inputs_panel(UiState& s, Intents& in);
void audit_results_panel(UiState& s, Intents& in);

// The territory lens (territory.cpp): self-assessment, equipment footprint, observatory.
void territory_inputs_panel(UiState& s, Intents& in);
void territory_results_panel(UiState& s, Intents& in);
}  // namespace px::ui
