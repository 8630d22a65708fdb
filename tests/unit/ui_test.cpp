// ui_test.cpp — every lens of the interface runs 60 headless frames (as imgui's example_null
// does) in both languages, at 1280×800 and 1024×600, at devicePixelRatio 1 and 2: no assert,
// something drawn, and the intents the shell reports.
#include <doctest/doctest.h>
#include <imgui.h>

#include <initializer_list>  // range-for over brace lists

#include "ui/ui.h"

namespace {
struct Headless {
    explicit Headless(float scale) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        px::ui::load_fonts(scale);
        px::ui::apply_theme(scale);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        REQUIRE(pixels != nullptr);
    }
    ~Headless() { ImGui::DestroyContext(); }
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    px::ui::Intents frame(px::ui::UiState& state, ImVec2 display) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        const px::ui::Intents in = px::ui::frame(state);
        ImGui::Render();
        return in;
    }
};
}  // namespace

TEST_CASE("every lens draws 60 frames at two sizes, two scales, two languages") {
    for (float scale : {1.0f, 2.0f}) {
        Headless h(scale);
        for (ImVec2 logical : {ImVec2(1280, 800), ImVec2(1024, 600)}) {
            const ImVec2 display(logical.x * scale, logical.y * scale);
            for (px::Lang lang : {px::Lang::Fr, px::Lang::En}) {
                for (int l = 0; l < static_cast<int>(px::ui::Lens::COUNT); ++l) {
                    px::ui::UiState state;
                    state.lang = lang;
                    state.lens = static_cast<px::ui::Lens>(l);
                    state.scale = scale;
                    state.show_about = (l % 2) == 1;
                    CAPTURE(scale);
                    CAPTURE(l);
                    for (int f = 0; f < 60; ++f) h.frame(state, display);
                    const ImDrawData* dd = ImGui::GetDrawData();
                    REQUIRE(dd != nullptr);
                    CHECK(dd->Valid);
                    CHECK(dd->TotalVtxCount > 1000);
                    CHECK(state.lens == static_cast<px::ui::Lens>(l));  // frames alone change nothing
                }
            }
        }
    }
}

TEST_CASE("lens codes round-trip and unknown codes are refused") {
    for (int l = 0; l < static_cast<int>(px::ui::Lens::COUNT); ++l) {
        const auto lens = static_cast<px::ui::Lens>(l);
        px::ui::Lens back = px::ui::Lens::COUNT;
        CHECK(px::ui::lens_from_code(px::ui::lens_code(lens), back));
        CHECK(back == lens);
    }
    px::ui::Lens out = px::ui::Lens::Map;
    CHECK_FALSE(px::ui::lens_from_code("cartes", out));
    CHECK_FALSE(px::ui::lens_from_code("", out));
    CHECK_FALSE(px::ui::lens_from_code(nullptr, out));
    CHECK(out == px::ui::Lens::Map);
}

TEST_CASE("keyboard: activating a welcome entry point switches the lens") {
    Headless h(1.0f);
    px::ui::UiState state;  // welcome card shown, lens = map
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 display(1280, 800);
    for (int f = 0; f < 5; ++f) h.frame(state, display);
    // The welcome card gives keyboard focus to its first button ("Diagnostiquer…"). As in any
    // ImGui app, the first navigation key (Tab) makes that focus visible without moving it, and
    // Enter opens it.
    const auto tap = [&](ImGuiKey key) {
        io.AddKeyEvent(key, true);
        const bool a = h.frame(state, display).lens_changed;
        io.AddKeyEvent(key, false);
        const bool b = h.frame(state, display).lens_changed;
        return a || b;
    };
    CHECK_FALSE(tap(ImGuiKey_Tab));
    const bool changed = tap(ImGuiKey_Enter);
    CHECK(changed);
    CHECK(state.lens == px::ui::Lens::Diagnostic);
    CHECK_FALSE(state.show_welcome);
}
