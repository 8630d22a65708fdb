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

#include "core/i18n.h"  // px::Lang

namespace px::ui {

enum class Lens : int { Diagnostic, Audit, Territory, Map, COUNT };

const char* lens_code(Lens lens);               // "diagnostic" | "audit" | "territoire" | "carte"
bool lens_from_code(const char* code, Lens& out);  // false for an unknown code

struct UiState {
    Lang lang = Lang::Fr;
    Lens lens = Lens::Map;
    bool show_welcome = true;
    bool show_about = false;
    float scale = 1.0f;  // devicePixelRatio × text size, set by the caller with load_fonts
};

// What the user asked for this frame, for the caller to act on (persist, update the URL…).
struct Intents {
    bool lens_changed = false;
    bool lang_changed = false;
};

// (Re)builds the font atlas at 16 px × scale (and headings at 22 px × scale). The caller must
// re-upload the font texture afterwards (ImGui_ImplOpenGL3_CreateFontsTexture on the web).
void load_fonts(float scale);
// Light theme scaled by `scale`; call after load_fonts and whenever the scale changes.
void apply_theme(float scale);

Intents frame(UiState& state);

}  // namespace px::ui
