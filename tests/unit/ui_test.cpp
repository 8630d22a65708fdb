// ui_test.cpp — every lens of the interface runs 60 headless frames (as imgui's example_null
// does) in both languages, at 1280×800 and 1024×600, at devicePixelRatio 1 and 2: no assert,
// something drawn, and the intents the shell reports.
#include <doctest/doctest.h>

#include <algorithm>  // std::max
#include <cmath>      // std::pow
#include <imgui.h>

#include <fstream>           // std::ifstream
#include <initializer_list>  // range-for over brace lists
#include <iterator>          // std::istreambuf_iterator
#include <string>            // std::string

#include "core/atlas.h"
#include "core/atlas_embedded.h"
#include "core/audit/audit.h"
#include "core/audit/audit_data.h"
#include "core/audit/har.h"
#include "core/places.h"
#include "core/facts.h"
#include "core/scoring.h"
#include "core/territory/assessment.h"
#include "core/territory/footprint.h"
#include "core/territory/grid.h"
#include "core/territory/summary.h"
#include "core/workspace.h"
#include "ui/ui.h"
#include "ui/ui_internal.h"  // px::ui::palette, for the contrast checks

namespace {
struct MapData {
    px::Atlas atlas;
    px::Places places;
    MapData() {
        REQUIRE(px::decode_atlas(px::embedded_atlas_data(), px::embedded_atlas_size(), "atlas").get(atlas) ==
                px::Err::OK);
        places.build(atlas);
    }
};
MapData& map_data() {
    static MapData d;
    return d;
}

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
                    state.pixel_ratio = scale;
                    state.atlas = &map_data().atlas;
                    state.places = &map_data().places;
                    state.selected = 100;  // a commune's details in the results panel
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

TEST_CASE("the map: opens on France, wheel zooms around the cursor, drag pans, keys zoom, hover picks") {
    Headless h(1.0f);
    px::ui::UiState state;
    state.show_welcome = false;
    state.atlas = &map_data().atlas;
    state.places = &map_data().places;
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 display(1280, 800);
    io.AddMousePosEvent(-1, -1);
    for (int f = 0; f < 3; ++f) h.frame(state, display);
    REQUIRE(state.view_initialised);
    const px::geo::LonLat centre = px::MapView::lonlat_of(state.view.center);
    CHECK(centre.lon_deg == doctest::Approx(2.2).epsilon(0.01));  // metropolitan France's box
    CHECK(centre.lat_deg > 45.0);
    CHECK(centre.lat_deg < 48.0);

    // Hover Châtellerault's point: the tooltip commune is 86066.
    const px::Atlas::Commune* ch = map_data().atlas.find_commune("86066");
    REQUIRE(ch != nullptr);
    state.view.set(ch->pos, 10.0);
    h.frame(state, display);
    const px::MapView::Vec2 at = state.view.screen_of(px::MapView::world_of(ch->pos));
    io.AddMousePosEvent(static_cast<float>(at.x), static_cast<float>(at.y));
    h.frame(state, display);
    h.frame(state, display);
    REQUIRE(state.hovered >= 0);
    CHECK(std::string(map_data().atlas.communes[static_cast<size_t>(state.hovered)].code) == "86066");

    // Wheel: one notch zooms in half a level, around the cursor.
    const double z0 = state.view.zoom;
    io.AddMouseWheelEvent(0.0f, 1.0f);
    const px::ui::Intents in = h.frame(state, display);
    CHECK(in.view_changed);
    CHECK(state.view.zoom == doctest::Approx(z0 + 0.5));
    const px::MapView::Vec2 still = state.view.screen_of(px::MapView::world_of(ch->pos));
    CHECK(still.x == doctest::Approx(at.x).epsilon(1e-6));

    // Drag: the map follows the mouse.
    const px::MapView::Vec2 c0 = state.view.center;
    io.AddMouseButtonEvent(0, true);
    h.frame(state, display);
    for (int k = 1; k <= 5; ++k) {
        io.AddMousePosEvent(static_cast<float>(at.x) + 20.0f * static_cast<float>(k), static_cast<float>(at.y));
        h.frame(state, display);
    }
    io.AddMouseButtonEvent(0, false);
    h.frame(state, display);
    CHECK(state.view.center.x < c0.x);  // dragged right: the view moved west
    CHECK(state.selected == -1);        // a drag is not a click

    // Keyboard: '+' zooms in one level when no panel has the focus.
    ImGui::SetWindowFocus(nullptr);
    const double z1 = state.view.zoom;
    io.AddKeyEvent(ImGuiKey_Equal, true);
    h.frame(state, display);
    io.AddKeyEvent(ImGuiKey_Equal, false);
    h.frame(state, display);
    CHECK(state.view.zoom == doctest::Approx(z1 + 1.0));
}

TEST_CASE("the diagnostic lens: 60 frames with the sample workspace, editing reports a change") {
    px::Catalogs facts;
    px::Catalog c;
    REQUIRE(px::builtin_catalog().get(c) == px::Err::OK);
    facts.add(std::move(c));
    px::Workspace ws;
    ws.organisation.insee = "79191";
    px::Service gmail;
    gmail.category = px::Category::Email;
    gmail.product = "Gmail";
    gmail.provider = "google";
    gmail.personal_data = true;
    ws.services.push_back(gmail);
    px::Report report = px::score_workspace(ws, facts, &map_data().atlas, px::Lang::Fr);
    for (float scale : {1.0f, 2.0f}) {
        Headless h(scale);
        for (px::Lang lang : {px::Lang::Fr, px::Lang::En}) {
            px::ui::UiState state;
            state.lang = lang;
            state.lens = px::ui::Lens::Diagnostic;
            state.show_welcome = false;
            state.scale = scale;
            state.pixel_ratio = scale;
            state.atlas = &map_data().atlas;
            state.places = &map_data().places;
            state.workspace = &ws;
            state.report = &report;
            state.catalogs = &facts;
            state.editing = 0;  // the editor open on Gmail
            state.import_title = "Import refusé : p.csv";  // the import box, kept until dismissed
            state.import_errors = {"p.csv:3: commune inconnue : 99999 (code INSEE) (champ code_insee)"};
            bool changed = false;
            for (int f = 0; f < 60; ++f) changed |= h.frame(state, ImVec2(1280 * scale, 800 * scale)).workspace_changed;
            CHECK_FALSE(changed);  // frames alone edit nothing
            const ImDrawData* dd = ImGui::GetDrawData();
            REQUIRE(dd != nullptr);
            CHECK(dd->TotalVtxCount > 3000);
            CHECK(ws.services.size() == 1);
        }
    }
}

TEST_CASE("keyboard: the welcome card's last button asks for the example workspace") {
    Headless h(1.0f);
    px::ui::UiState state;
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 display(1280, 800);
    for (int f = 0; f < 5; ++f) h.frame(state, display);
    px::ui::Intents seen;
    const auto tap = [&](ImGuiKey key) {
        io.AddKeyEvent(key, true);
        px::ui::Intents a = h.frame(state, display);
        io.AddKeyEvent(key, false);
        px::ui::Intents b = h.frame(state, display);
        seen.load_example |= a.load_example || b.load_example;
        seen.lens_changed |= a.lens_changed || b.lens_changed;
    };
    tap(ImGuiKey_Tab);  // makes the focus on the first entry point visible
    for (int i = 0; i < 4; ++i) tap(ImGuiKey_DownArrow);  // past the four lenses
    CHECK_FALSE(seen.load_example);
    tap(ImGuiKey_Enter);
    CHECK(seen.load_example);
    CHECK_FALSE(seen.lens_changed);  // the caller loads the example and switches the lens
    CHECK_FALSE(state.show_welcome);
}

TEST_CASE("the audit lens: 60 frames with an audit, while reading and empty; settings report a change") {
    px::Catalogs facts;
    px::Catalog c;
    REQUIRE(px::builtin_catalog().get(c) == px::Err::OK);
    facts.add(std::move(c));
    px::AuditData data;
    REQUIRE(px::decode_audit_data(px::embedded_audit_blob(), px::embedded_audit_blob_size(), "audit.bin", data).code ==
            px::Err::OK);
    std::ifstream in(std::string(PX_SOURCE_DIR) + "/tests/fixtures/har/mairie.har", std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    px::HarReader reader("mairie.har", text.size());
    REQUIRE(reader.feed(text.data(), text.size()));
    REQUIRE(reader.finish());
    const px::Har har = reader.take();
    const px::Audit audit = px::audit_har(har, data, facts, &map_data().atlas, {});
    for (float scale : {1.0f, 2.0f}) {
        Headless h(scale);
        for (px::Lang lang : {px::Lang::Fr, px::Lang::En}) {
            for (int mode = 0; mode < 3; ++mode) {  // with an audit, while reading, nothing yet
                px::ui::UiState state;
                state.lang = lang;
                state.lens = px::ui::Lens::Audit;
                state.show_welcome = false;
                state.scale = scale;
                state.pixel_ratio = scale;
                state.atlas = &map_data().atlas;
                state.places = &map_data().places;
                state.audit = mode == 0 ? &audit : nullptr;
                state.audit_busy = mode == 1;
                state.audit_progress = 0.42;
                state.audit_file = "site.har";
                state.audit_selected = 0;
                state.audit_title = "Fichier refusé : x.har";
                state.audit_errors = {"x.har:@700: JSON invalide (champ /log/entries/0)"};
                bool changed = false;
                for (int f = 0; f < 60; ++f) changed |= h.frame(state, ImVec2(1024 * scale, 600 * scale)).audit_options_changed;
                CHECK_FALSE(changed);
                const ImDrawData* dd = ImGui::GetDrawData();
                REQUIRE(dd != nullptr);
                CHECK(dd->TotalVtxCount > (mode == 0 ? 3000 : 500));
            }
        }
    }
}

TEST_CASE("the territory lens: its three tabs draw 60 frames with the sample, frames alone edit nothing") {
    std::ifstream in(std::string(PX_SOURCE_DIR) + "/docs/samples/mairie-territoire.json", std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    px::Workspace ws;
    REQUIRE(px::parse_workspace_json(text, "mairie-territoire.json").get(ws) == px::Err::OK);
    const px::Grid& g = px::territory_grid();
    const px::TerritoryScore score = px::score_assessment(g, ws.assessments.back());
    const px::Comparison cmp = px::compare_assessments(g, ws.assessments.front(), ws.assessments.back());
    const px::FootprintResult fp = px::compute_footprint(ws.fleet);
    px::Aggregator agg(map_data().atlas);
    for (const char* f : {"niort-1", "niort-2", "niort-3", "niort-4", "niort-5", "niort-6"}) {
        std::ifstream sf(std::string(PX_SOURCE_DIR) + "/tests/fixtures/summaries/" + f + ".json", std::ios::binary);
        const std::string st((std::istreambuf_iterator<char>(sf)), std::istreambuf_iterator<char>());
        REQUIRE(agg.add(st, f).code == px::Err::OK);
    }
    const px::Aggregate aggregate = agg.finish();
    const std::string before = px::write_workspace_json(ws);
    for (px::Lang lang : {px::Lang::Fr, px::Lang::En}) {
        Headless h(1.0f);
        px::ui::UiState state;
        state.lang = lang;
        state.lens = px::ui::Lens::Territory;
        state.show_welcome = false;
        state.atlas = &map_data().atlas;
        state.places = &map_data().places;
        state.workspace = &ws;
        state.territory_score = &score;
        state.territory_comparison = &cmp;
        state.comparison_year = 2025;
        state.footprint = &fp;
        state.aggregate = &aggregate;
        state.summary_lines = "Commune : Chauray (79081)";
        state.observatory_title = "6 résumés ajoutés, 1 refusé";
        state.observatory_errors = {"x.json:1:5: totaux incohérents : 11 ≠ 12 (fichier modifié ?)"};
        state.territory_sub = 0;  // the details of 1.1 open
        for (int tab = 0; tab < 3; ++tab) {
            state.territory_tab_request = tab;
            bool changed = false;
            for (int f = 0; f < 60; ++f) {
                const px::ui::Intents i = h.frame(state, ImVec2(1280, 800));
                changed |= i.territory_changed || i.export_summary || i.open_summaries || i.observatory_clear ||
                           i.export_observatory != 0;
            }
            CHECK_FALSE(changed);
            CHECK(state.territory_tab == tab);
            const ImDrawData* dd = ImGui::GetDrawData();
            REQUIRE(dd != nullptr);
            CHECK(dd->TotalVtxCount > 3000);
        }
    }
    CHECK(px::write_workspace_json(ws) == before);
}

namespace {
double luminance(const ImVec4& c) {
    const auto lin = [](float v) { return v <= 0.03928f ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * lin(c.x) + 0.7152 * lin(c.y) + 0.0722 * lin(c.z);
}
double contrast(const ImVec4& a, const ImVec4& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
ImVec4 u32(unsigned int c) { return ImGui::ColorConvertU32ToFloat4(c); }
}  // namespace

TEST_CASE("themes: codes round-trip, every text reads at 4.5:1 (7:1 in high contrast), 200 % text draws") {
    for (int t = 0; t < static_cast<int>(px::ui::Theme::COUNT); ++t) {
        const auto theme = static_cast<px::ui::Theme>(t);
        px::ui::Theme back = px::ui::Theme::COUNT;
        REQUIRE(px::ui::theme_from_code(px::ui::theme_code(theme), back));
        CHECK(back == theme);
        CAPTURE(px::ui::theme_code(theme));
        const float scale = 2.0f;  // text at 200 %
        Headless h(scale);
        px::ui::apply_theme(scale, theme);
        const ImVec4* c = ImGui::GetStyle().Colors;
        const px::ui::Palette& p = px::ui::palette();
        const double floor = theme == px::ui::Theme::Contrast ? 7.0 : 4.5;
        CHECK(contrast(c[ImGuiCol_Text], c[ImGuiCol_WindowBg]) >= floor);
        CHECK(contrast(c[ImGuiCol_Text], c[ImGuiCol_Button]) >= floor);
        CHECK(contrast(c[ImGuiCol_Text], c[ImGuiCol_FrameBg]) >= floor);
        CHECK(contrast(c[ImGuiCol_Text], c[ImGuiCol_TabActive]) >= floor);
        CHECK(contrast(c[ImGuiCol_Text], c[ImGuiCol_Header]) >= floor);
        CHECK(contrast(u32(p.muted), c[ImGuiCol_WindowBg]) >= floor);
        CHECK(contrast(u32(p.alert), c[ImGuiCol_WindowBg]) >= floor);
        CHECK(contrast(u32(p.badge_text), u32(p.badge_bg)) >= floor);
        CHECK(contrast(u32(p.primary_text), u32(p.primary_bg)) >= floor);
        CHECK(contrast(u32(p.text), u32(p.status_bg)) >= floor);
        for (int l = 0; l < static_cast<int>(px::ui::Lens::COUNT); ++l) {
            px::ui::UiState state;
            state.theme = theme;
            state.text_size = 2.0f;
            state.lens = static_cast<px::ui::Lens>(l);
            state.scale = scale;
            state.atlas = &map_data().atlas;
            state.places = &map_data().places;
            for (int f = 0; f < 10; ++f) h.frame(state, ImVec2(1024, 600));  // 200 % text in a 1024×600 frame
            CHECK(ImGui::GetDrawData()->Valid);
            CHECK(state.lens == static_cast<px::ui::Lens>(l));
        }
    }
}
