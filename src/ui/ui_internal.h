// ui_internal.h — helpers shared by the files of src/ui (not part of the UI's API).
#pragma once

struct ImFont;

namespace px::ui {
ImFont* heading_font();  // 22 px × scale; nullptr before load_fonts
bool primary_button(const char* label, float width = 0.0f);  // white on bleu France
}  // namespace px::ui
