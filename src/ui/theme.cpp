// theme.cpp — fonts and the light theme. The look follows ../shared/UI.md: a public service
// people trust at first sight, not a debugging tool: white panels, dark text, "bleu France"
// accents, generous spacing, 16 px base text scaled by devicePixelRatio.
#include <imgui.h>

#include "ui/ui.h"
#include "ui/ui_internal.h"

extern const unsigned char px_ui_font_ttf[];  // generated: DejaVu Sans subset (CMakeLists.txt)
extern const unsigned long px_ui_font_ttf_size;

namespace px::ui {

namespace {
// Must match PX_FONT_UNICODES in CMakeLists.txt (the glyphs kept in the subset font).
const ImWchar kGlyphRanges[] = {
    0x0020, 0x007E, 0x00A0, 0x00FF, 0x0152, 0x0153, 0x0178, 0x0178, 0x2013, 0x2014,
    0x2018, 0x201E, 0x2022, 0x2022, 0x2026, 0x2026, 0x202F, 0x202F, 0x2080, 0x2089,
    0x20AC, 0x20AC, 0x2190, 0x2193, 0x2212, 0x2212, 0,
};
ImFont* g_heading_font = nullptr;

ImVec4 rgb(unsigned hex, float alpha = 1.0f) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f,
                  static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                  static_cast<float>(hex & 0xFF) / 255.0f, alpha);
}
}  // namespace

ImFont* heading_font() { return g_heading_font; }

bool primary_button(const char* label, float width) {
    ImGui::PushStyleColor(ImGuiCol_Button, rgb(0x000091));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, rgb(0x1212FF));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, rgb(0x2323FF));
    ImGui::PushStyleColor(ImGuiCol_Text, rgb(0xFFFFFF));
    const bool pressed = ImGui::Button(label, ImVec2(width, 0));
    ImGui::PopStyleColor(4);
    return pressed;
}

void load_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the TTF is a static array
    cfg.OversampleH = 2;
    cfg.PixelSnapH = false;
    void* data = const_cast<unsigned char*>(px_ui_font_ttf);
    const int size = static_cast<int>(px_ui_font_ttf_size);
    io.Fonts->AddFontFromMemoryTTF(data, size, 16.0f * scale, &cfg, kGlyphRanges);
    g_heading_font = io.Fonts->AddFontFromMemoryTTF(data, size, 22.0f * scale, &cfg, kGlyphRanges);
    io.Fonts->Build();
}

void apply_theme(float scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(16, 14);
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.CellPadding = ImVec2(8, 5);
    style.ScrollbarSize = 14;
    style.WindowRounding = 6;
    style.ChildRounding = 4;
    style.FrameRounding = 4;
    style.PopupRounding = 4;
    style.GrabRounding = 4;
    style.TabRounding = 4;
    style.WindowBorderSize = 1;
    style.FrameBorderSize = 1;
    style.WindowTitleAlign = ImVec2(0.0f, 0.5f);

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = rgb(0x161616);
    c[ImGuiCol_TextDisabled] = rgb(0x666666);
    c[ImGuiCol_WindowBg] = rgb(0xFFFFFF);
    c[ImGuiCol_ChildBg] = rgb(0xFFFFFF, 0.0f);
    c[ImGuiCol_PopupBg] = rgb(0xFFFFFF);
    c[ImGuiCol_Border] = rgb(0xDDDDDD);
    c[ImGuiCol_FrameBg] = rgb(0xF6F6F6);
    c[ImGuiCol_FrameBgHovered] = rgb(0xE8EDFF);
    c[ImGuiCol_FrameBgActive] = rgb(0xDDE5FF);
    c[ImGuiCol_TitleBg] = rgb(0xF6F6F6);
    c[ImGuiCol_TitleBgActive] = rgb(0xEEEEEE);
    c[ImGuiCol_MenuBarBg] = rgb(0xFFFFFF);
    c[ImGuiCol_Button] = rgb(0xE3E3FD);  // dark text on light blue; primary buttons: ui_internal.h
    c[ImGuiCol_ButtonHovered] = rgb(0xCACAFB);
    c[ImGuiCol_ButtonActive] = rgb(0xB8B8F8);
    c[ImGuiCol_Header] = rgb(0xE3E3FD);
    c[ImGuiCol_HeaderHovered] = rgb(0xCACAFB);
    c[ImGuiCol_HeaderActive] = rgb(0xB8B8F8);
    c[ImGuiCol_Tab] = rgb(0xEEEEEE);        // the selected tab must stand out from the others
    c[ImGuiCol_TabHovered] = rgb(0xE3E3FD);
    c[ImGuiCol_TabActive] = rgb(0xCACAFB);
    c[ImGuiCol_CheckMark] = rgb(0x000091);
    c[ImGuiCol_SliderGrab] = rgb(0x000091);
    c[ImGuiCol_SliderGrabActive] = rgb(0x1212FF);
    c[ImGuiCol_Separator] = rgb(0xDDDDDD);
    c[ImGuiCol_TableHeaderBg] = rgb(0xEEEEEE);
    c[ImGuiCol_TableBorderStrong] = rgb(0xCECECE);
    c[ImGuiCol_TableBorderLight] = rgb(0xE5E5E5);
    c[ImGuiCol_TableRowBgAlt] = rgb(0xF6F6F6);
    c[ImGuiCol_NavHighlight] = rgb(0x0A76F6);  // visible keyboard focus
    c[ImGuiCol_ModalWindowDimBg] = rgb(0x161616, 0.35f);
    style.ScaleAllSizes(scale);
}

}  // namespace px::ui
