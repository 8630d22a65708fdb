// theme.cpp — fonts and the three themes. The look follows ../shared/UI.md: a public service
// people trust at first sight, not a debugging tool: white panels, dark text, "bleu France"
// accents, generous spacing, 16 px base text scaled by devicePixelRatio and the user's text size;
// a dark theme; and a high-contrast one (white and yellow on black, thick borders, every text at
// 7:1 or more). The map keeps its own light colours in every theme: it is content, like a photo.
#include <imgui.h>

#include <cstring>  // std::strcmp

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
Palette g_palette{};

ImVec4 rgb(unsigned hex, float alpha = 1.0f) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f,
                  static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                  static_cast<float>(hex & 0xFF) / 255.0f, alpha);
}
}  // namespace

ImFont* heading_font() { return g_heading_font; }
const Palette& palette() { return g_palette; }

const char* theme_code(Theme t) {
    switch (t) {
        case Theme::Dark: return "sombre";
        case Theme::Contrast: return "contraste";
        default: return "clair";
    }
}

bool theme_from_code(const char* code, Theme& out) {
    for (int i = 0; i < static_cast<int>(Theme::COUNT); ++i) {
        if (code && std::strcmp(code, theme_code(static_cast<Theme>(i))) == 0) {
            out = static_cast<Theme>(i);
            return true;
        }
    }
    return false;
}

bool primary_button(const char* label, float width) {
    ImGui::PushStyleColor(ImGuiCol_Button, g_palette.primary_bg);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, g_palette.primary_hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, g_palette.primary_hover);
    ImGui::PushStyleColor(ImGuiCol_Text, g_palette.primary_text);
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

namespace {
ImU32 col(unsigned hex, unsigned alpha = 255) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, alpha);
}

void dark_colours(ImGuiStyle& style) {
    ImGui::StyleColorsDark(&style);
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = rgb(0xEEEEEE);
    c[ImGuiCol_TextDisabled] = rgb(0xA8A8B0);
    c[ImGuiCol_WindowBg] = rgb(0x1E1E22);
    c[ImGuiCol_ChildBg] = rgb(0x1E1E22, 0.0f);
    c[ImGuiCol_PopupBg] = rgb(0x26262B);
    c[ImGuiCol_Border] = rgb(0x4A4A52);
    c[ImGuiCol_FrameBg] = rgb(0x2B2B31);
    c[ImGuiCol_FrameBgHovered] = rgb(0x34345A);
    c[ImGuiCol_FrameBgActive] = rgb(0x3C3C6A);
    c[ImGuiCol_TitleBg] = rgb(0x26262B);
    c[ImGuiCol_TitleBgActive] = rgb(0x2B2B31);
    c[ImGuiCol_MenuBarBg] = rgb(0x1E1E22);
    c[ImGuiCol_Button] = rgb(0x2E2E5C);
    c[ImGuiCol_ButtonHovered] = rgb(0x3D3D7A);
    c[ImGuiCol_ButtonActive] = rgb(0x4A4A90);
    c[ImGuiCol_Header] = rgb(0x2E2E5C);
    c[ImGuiCol_HeaderHovered] = rgb(0x3D3D7A);
    c[ImGuiCol_HeaderActive] = rgb(0x4A4A90);
    c[ImGuiCol_Tab] = rgb(0x2B2B31);
    c[ImGuiCol_TabHovered] = rgb(0x3D3D7A);
    c[ImGuiCol_TabActive] = rgb(0x4A4A90);
    c[ImGuiCol_CheckMark] = rgb(0xA9A9FF);
    c[ImGuiCol_SliderGrab] = rgb(0xA9A9FF);
    c[ImGuiCol_SliderGrabActive] = rgb(0xC8C8FF);
    c[ImGuiCol_Separator] = rgb(0x4A4A52);
    c[ImGuiCol_TableHeaderBg] = rgb(0x2B2B31);
    c[ImGuiCol_TableBorderStrong] = rgb(0x55555E);
    c[ImGuiCol_TableBorderLight] = rgb(0x3A3A42);
    c[ImGuiCol_TableRowBgAlt] = rgb(0x25252A);
    c[ImGuiCol_NavHighlight] = rgb(0x7FB2FF);
    c[ImGuiCol_ModalWindowDimBg] = rgb(0x000000, 0.5f);
    g_palette = {col(0xEEEEEE), col(0xB8B8C2), col(0xFF8A80), col(0x7CD992), col(0xA9A9FF), col(0xA9A9FF, 80),
                 col(0x5A5A64), col(0x17171A), col(0x4A3500), col(0xFFDCA0), col(0xA9A9FF), col(0xC8C8FF), col(0x000000)};
}

// Every text at 7:1 or more (WCAG AAA): white or yellow on black; selections in dark blue with
// white text; borders white and thick enough to see.
void contrast_colours(ImGuiStyle& style) {
    ImGui::StyleColorsDark(&style);
    ImVec4* c = style.Colors;
    for (int i = 0; i < ImGuiCol_COUNT; ++i) c[i] = rgb(0x000000);
    c[ImGuiCol_Text] = rgb(0xFFFFFF);
    c[ImGuiCol_TextDisabled] = rgb(0xFFFF00);
    c[ImGuiCol_TextSelectedBg] = rgb(0x0000C8);
    c[ImGuiCol_Border] = rgb(0xFFFFFF);
    c[ImGuiCol_FrameBgHovered] = rgb(0x00006E);
    c[ImGuiCol_FrameBgActive] = rgb(0x0000A0);
    c[ImGuiCol_ButtonHovered] = rgb(0x00006E);
    c[ImGuiCol_ButtonActive] = rgb(0x0000A0);
    c[ImGuiCol_Header] = rgb(0x0000A0);
    c[ImGuiCol_HeaderHovered] = rgb(0x00006E);
    c[ImGuiCol_HeaderActive] = rgb(0x0000C8);
    c[ImGuiCol_TabHovered] = rgb(0x00006E);
    c[ImGuiCol_TabActive] = rgb(0x0000A0);
    c[ImGuiCol_CheckMark] = rgb(0xFFFF00);
    c[ImGuiCol_SliderGrab] = rgb(0xFFFF00);
    c[ImGuiCol_SliderGrabActive] = rgb(0xFFFF00);
    c[ImGuiCol_ScrollbarGrab] = rgb(0xFFFFFF);
    c[ImGuiCol_ScrollbarGrabHovered] = rgb(0xFFFF00);
    c[ImGuiCol_ScrollbarGrabActive] = rgb(0xFFFF00);
    c[ImGuiCol_Separator] = rgb(0xFFFFFF);
    c[ImGuiCol_ResizeGrip] = rgb(0xFFFFFF);
    c[ImGuiCol_TableBorderStrong] = rgb(0xFFFFFF);
    c[ImGuiCol_TableBorderLight] = rgb(0xBBBBBB);
    c[ImGuiCol_PlotLines] = rgb(0xFFFF00);
    c[ImGuiCol_PlotHistogram] = rgb(0xFFFF00);
    c[ImGuiCol_NavHighlight] = rgb(0xFFFF00);
    c[ImGuiCol_NavWindowingHighlight] = rgb(0xFFFF00);
    c[ImGuiCol_ModalWindowDimBg] = rgb(0x000000, 0.7f);
    style.FrameBorderSize = 2;
    style.WindowBorderSize = 2;
    style.TabBorderSize = 2;
    g_palette = {col(0xFFFFFF), col(0xFFFFFF), col(0xFFFF00), col(0xFFFFFF), col(0xFFFF00), col(0xFFFF00, 90),
                 col(0xBBBBBB), col(0x000000), col(0x000000), col(0xFFFF00), col(0xFFFF00), col(0xFFFFFF), col(0x000000)};
}
}  // namespace

void apply_theme(float scale, Theme theme) {
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
    g_palette = {col(0x161616), col(0x50505A), col(0xCE0500), col(0x18753C), col(0x000091), col(0x000091, 70),
                 col(0xB4B4BE), col(0xF6F6F6), col(0xFEECC2), col(0x713C00), col(0x000091), col(0x1212FF), col(0xFFFFFF)};
    if (theme == Theme::Dark) dark_colours(style);
    if (theme == Theme::Contrast) contrast_colours(style);
    style.ScaleAllSizes(scale);
}

}  // namespace px::ui
