// map.cpp — the map lens's interface: the camera over the centre of the screen (pan by drag or
// arrows, zoom around the cursor by wheel or +/−, France / Monde buttons), hover tooltip and
// selection (through core's Places), the scale bar, the layer panel with its legend and a search
// box, and the selected commune's details. The drawing itself is src/render's.
//
// Index: [SECTION] Helpers · Camera and input · Overlays · Panels
#include <imgui.h>

#include <algorithm>  // std::max
#include <cmath>    // std::pow, std::floor, std::log10
#include <cstdio>   // std::snprintf
#include <string>   // std::string
#include <vector>   // std::vector

#include "core/atlas.h"
#include "core/choropleth.h"
#include "core/map_overlay.h"
#include "core/places.h"
#include "ui/ui.h"
#include "ui/ui_internal.h"

namespace px::ui {

// [SECTION] Helpers -------------------------------------------------------------------------------
namespace {
// Metropolitan France with Corsica (the map opens on it).
const geo::BBox kFranceBox = [] {
    geo::BBox b;
    b.extend(geo::LonLat{-5.2, 41.3});
    b.extend(geo::LonLat{9.6, 51.1});
    return b;
}();
const geo::BBox kWorldBox = [] {
    geo::BBox b;
    b.extend(geo::LonLat{-180.0, -60.0});
    b.extend(geo::LonLat{180.0, 78.0});
    return b;
}();

constexpr float kPickRadiusCssPx = 8.0f;
constexpr float kKeyPanCssPx = 80.0f;

MapView::Rect centre_rect(const Layout& l) {
    return MapView::Rect{l.centre_x(), l.top, l.centre_w(), l.bottom - l.top};
}

bool inside(const MapView::Rect& r, ImVec2 p) {
    return p.x >= r.x && p.y >= r.y && p.x < r.x + r.w && p.y < r.y + r.h;
}

}  // namespace

int pick_commune(const UiState& s, MapView::Vec2 screen) {
    if (s.places == nullptr || !s.places->built()) return -1;
    const geo::LonLat p = MapView::lonlat_of(s.view.world_of_screen(screen));
    geo::PointIndex::Hit hit{};
    const double max_m = kPickRadiusCssPx * s.pixel_ratio * s.view.metres_per_px();
    return s.places->nearest(p, max_m, hit) ? static_cast<int>(hit.index) : -1;
}

namespace {

void commune_lines(const UiState& s, int index, bool full) {
    const Atlas& a = *s.atlas;
    const Atlas::Commune& c = a.communes[static_cast<size_t>(index)];
    const std::string name(a.name(c));
    ImGui::TextUnformatted(name.c_str());
    ImGui::Text("%s : %s", tr(Msg::MAP_FIELD_INSEE, s.lang), c.code);
    ImGui::Text("%s : %s %s", tr(Msg::MAP_FIELD_POPULATION, s.lang), format_count(c.population, s.lang).c_str(),
                tr(Msg::MAP_INHABITANTS, s.lang));
    if (!full) return;
    const Atlas::Departement& d = a.departements[c.departement];
    ImGui::TextWrapped("%s : %s (%s)", tr(Msg::MAP_FIELD_DEPARTEMENT, s.lang), d.name.c_str(), d.code.c_str());
    ImGui::TextWrapped("%s : %s", tr(Msg::MAP_FIELD_REGION, s.lang), a.regions[d.region].name.c_str());
    ImGui::TextWrapped("%s : %s", tr(Msg::MAP_FIELD_EPCI, s.lang),
                       c.epci >= 0 ? a.epcis[static_cast<size_t>(c.epci)].name.c_str() : tr(Msg::MAP_NONE, s.lang));
    std::string postal;
    for (uint32_t k = 0; k < c.postal_count; ++k) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%05u", a.postal_codes[c.postal_first + k]);
        postal += (k ? ", " : "") + std::string(buf);
    }
    ImGui::TextWrapped("%s : %s", tr(Msg::MAP_FIELD_POSTAL, s.lang), postal.c_str());
    ImGui::TextWrapped("%s : %s", tr(Msg::MAP_FIELD_POSITION, s.lang), position_source_label(c.source, s.lang));
}

// [SECTION] Camera and input ----------------------------------------------------------------------
void handle_input(UiState& s, const MapView::Rect& rect, Intents& in) {
    ImGuiIO& io = ImGui::GetIO();
    const MapView before = s.view;
    const bool mouse_on_map = !io.WantCaptureMouse && inside(rect, io.MousePos);
    if (mouse_on_map) {
        const MapView::Vec2 m{io.MousePos.x, io.MousePos.y};
        if (io.MouseWheel != 0.0f) s.view.zoom_around(m, io.MouseWheel * 0.5);
        if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
            s.view.pan_px(io.MouseDelta.x, io.MouseDelta.y);
        }
        // Pick again only when the mouse or the view moved (a pick searches the index).
        if (io.MousePos.x != s.pick_at[0] || io.MousePos.y != s.pick_at[1] || s.view.zoom != s.pick_view[0] ||
            s.view.center.x != s.pick_view[1] || s.view.center.y != s.pick_view[2]) {
            s.hovered = pick_commune(s, m);
            s.pick_at[0] = io.MousePos.x;
            s.pick_at[1] = io.MousePos.y;
            s.pick_view[0] = s.view.zoom;
            s.pick_view[1] = s.view.center.x;
            s.pick_view[2] = s.view.center.y;
        }
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
            ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f).x == 0.0f &&
            ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f).y == 0.0f) {
            s.selected = s.hovered;
        }
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) ImGui::SetWindowFocus(nullptr);
    } else {
        s.hovered = -1;
        s.pick_at[0] = s.pick_at[1] = -1.0f;
    }
    // Keyboard, when no panel has the focus: arrows pan, +/− zoom around the centre.
    if (!io.WantCaptureKeyboard) {
        const double step = kKeyPanCssPx * s.pixel_ratio;
        if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) s.view.pan_px(step, 0);
        if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) s.view.pan_px(-step, 0);
        if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) s.view.pan_px(0, step);
        if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) s.view.pan_px(0, -step);
        const MapView::Vec2 c{rect.x + rect.w / 2.0, rect.y + rect.h / 2.0};
        if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd)) s.view.zoom_around(c, 1.0);
        if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract)) {
            s.view.zoom_around(c, -1.0);
        }
    }
    in.view_changed = in.view_changed || before.zoom != s.view.zoom || before.center.x != s.view.center.x ||
                      before.center.y != s.view.center.y;
}

// [SECTION] Overlays ------------------------------------------------------------------------------
// A scale bar of a round length (1, 2 or 5 × 10^n m) about 100 CSS pixels long.
void scale_bar(const UiState& s, const MapView::Rect& rect) {
    const double mpp = s.view.metres_per_px();
    const double target_m = 100.0 * s.pixel_ratio * mpp;
    const double p10 = std::pow(10.0, std::floor(std::log10(target_m)));
    const double nice = target_m / p10 >= 5 ? 5 * p10 : target_m / p10 >= 2 ? 2 * p10 : p10;
    const float len = static_cast<float>(nice / mpp);
    char label[48];
    if (nice >= 1000) {
        std::snprintf(label, sizeof label, "%s km", format_count(static_cast<unsigned long long>(nice / 1000), s.lang).c_str());
    } else {
        std::snprintf(label, sizeof label, "%d m", static_cast<int>(nice));
    }
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const float pad = 12.0f * s.scale, h = 6.0f * s.scale;
    const ImVec2 a(static_cast<float>(rect.x) + pad, static_cast<float>(rect.y + rect.h) - pad);
    const ImVec2 text = ImGui::CalcTextSize(label);
    dl->AddRectFilled(ImVec2(a.x - 4 * s.scale, a.y - h - text.y - 6 * s.scale),
                      ImVec2(a.x + std::max(len, text.x) + 4 * s.scale, a.y + 4 * s.scale), IM_COL32(255, 255, 255, 200),
                      3.0f * s.scale);
    dl->AddRectFilled(ImVec2(a.x, a.y - h), ImVec2(a.x + len, a.y), IM_COL32(0x16, 0x16, 0x16, 0xFF));
    dl->AddRectFilled(ImVec2(a.x + len / 2, a.y - h + 1.5f * s.scale), ImVec2(a.x + len - 1.5f * s.scale, a.y - 1.5f * s.scale),
                      IM_COL32(255, 255, 255, 255));
    dl->AddText(ImVec2(a.x, a.y - h - text.y - 3 * s.scale), IM_COL32(0x16, 0x16, 0x16, 0xFF), label);
}

// Zoom and framing buttons at the top right of the map.
void controls(UiState& s, const MapView::Rect& rect, Intents& in) {
    const float pad = 10.0f * s.scale;
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(rect.x + rect.w) - pad, static_cast<float>(rect.y) + pad),
                            ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.92f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoFocusOnAppearing;
    if (ImGui::Begin("##map-controls", nullptr, flags)) {
        const MapView::Vec2 c{rect.x + rect.w / 2.0, rect.y + rect.h / 2.0};
        if (ImGui::Button("+")) { s.view.zoom_around(c, 1.0); in.view_changed = true; }
        ImGui::SameLine();
        if (ImGui::Button("\u2212")) { s.view.zoom_around(c, -1.0); in.view_changed = true; }
        ImGui::SameLine();
        if (ImGui::Button(tr(Msg::MAP_FRANCE, s.lang))) { s.view.fit(kFranceBox); in.view_changed = true; }
        ImGui::SameLine();
        if (ImGui::Button(tr(Msg::MAP_WORLD, s.lang))) { s.view.fit(kWorldBox); in.view_changed = true; }
    }
    ImGui::End();
}

// Rings around the hovered and the selected commune (the selection also shows in the results).
void highlight(const UiState& s) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    for (int which : {s.hovered, s.selected}) {
        if (which < 0) continue;
        const Atlas::Commune& c = s.atlas->communes[static_cast<size_t>(which)];
        if (!c.placed()) continue;
        const MapView::Vec2 p = s.view.screen_of(MapView::world_of(c.pos));
        const float r = std::max(0.8f, commune_radius_css(c.population) * static_cast<float>(s.view.point_scale())) +
                        4.0f * s.scale;
        const bool selected = which == s.selected;
        dl->AddCircle(ImVec2(static_cast<float>(p.x), static_cast<float>(p.y)), r,
                      selected ? IM_COL32(0xE1, 0x00, 0x0F, 0xFF) : IM_COL32(0x16, 0x16, 0x16, 0xC0), 0,
                      (selected ? 2.5f : 1.5f) * s.scale);
    }
}

void tooltip(const UiState& s) {
    if (s.hovered < 0 || s.atlas == nullptr) return;
    ImGui::BeginTooltip();
    commune_lines(s, s.hovered, false);
    ImGui::EndTooltip();
}
}  // namespace

void map_frame(UiState& s, const Layout& l, Intents& in) {
    const MapView::Rect rect = centre_rect(l);
    s.view.viewport = rect;
    s.view.pixel_ratio = s.pixel_ratio;
    if (!s.view_initialised && rect.w > 1 && rect.h > 1) {
        s.view.fit(kFranceBox);
        s.view_initialised = true;
    }
    if (s.atlas == nullptr) return;
    handle_input(s, rect, in);
    highlight(s);
    scale_bar(s, rect);
    controls(s, rect, in);
    tooltip(s);
}

namespace {
// Each jurisdiction's colour and dash pattern, as the flows draw them, with its name.
void jurisdiction_legend(const UiState& s) {
    ImGui::TextWrapped("%s", tr(Msg::MAP_JURISDICTION, s.lang));
    for (size_t j = 0; j < static_cast<size_t>(Jurisdiction::COUNT); ++j) {
        const auto jur = static_cast<Jurisdiction>(j);
        const uint32_t c = jurisdiction_rgba(jur);  // R,G,B,A bytes = ImGui's IM_COL32 layout
        const float dash = jurisdiction_dash_px(jur) * s.pixel_ratio;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float w = 40.0f * s.scale, y = p.y + ImGui::GetTextLineHeight() / 2;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        for (float x = 0; x < w; x += dash > 0 ? dash : w) {
            const float end = dash > 0 ? std::min(w, x + dash * 0.6f) : w;
            dl->AddLine(ImVec2(p.x + x, y), ImVec2(p.x + end, y), c, 2.5f * s.pixel_ratio);
        }
        ImGui::Dummy(ImVec2(w, ImGui::GetTextLineHeight()));
        ImGui::SameLine();
        ImGui::TextUnformatted(jurisdiction_label(jur, s.lang));
    }
}
}  // namespace

// The classes of the choropleth: a swatch and its range, in the user's number format.
void choropleth_legend(const UiState& s) {
    const Choropleth& ch = *s.choropleth;
    ImGui::Spacing();
    ImGui::TextWrapped("%s", s.choropleth_title.c_str());
    const auto num = [&](double v) { return format_value(v, s.lang); };
    for (size_t k = 0; k < ch.class_rgba.size(); ++k) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + 2 * h, p.y + h), ch.class_rgba[k]);
        ImGui::GetWindowDrawList()->AddRect(p, ImVec2(p.x + 2 * h, p.y + h), palette().muted);
        ImGui::Dummy(ImVec2(2 * h, h));
        ImGui::SameLine();
        ImGui::Text("%s – %s", num(ch.breaks[k]).c_str(), num(ch.breaks[k + 1]).c_str());
    }
}

// [SECTION] Panels --------------------------------------------------------------------------------
void map_inputs_panel(UiState& s) {
    if (s.atlas == nullptr) return;
    const Atlas& a = *s.atlas;
    // Search: name, INSEE code or postal code; a result flies the map there and selects it.
    ImGui::TextUnformatted(tr(Msg::MAP_SEARCH, s.lang));
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##search", tr(Msg::MAP_SEARCH_HINT, s.lang), s.search, sizeof s.search);
    if (s.places != nullptr && s.last_search != s.search) {  // search again only when the text changes
        s.last_search = s.search;
        s.places->search(s.search, 6, s.search_results);
    }
    if (s.search[0] != '\0' && s.search_results.empty()) ImGui::TextDisabled("%s", tr(Msg::MAP_NO_RESULT, s.lang));
    for (const Places::Match& m : s.search_results) {
        const Atlas::Commune& c = a.communes[m.commune];
        char label[160];
        std::snprintf(label, sizeof label, "%.*s (%s)##%s", static_cast<int>(a.name(c).size()), a.name(c).data(),
                      a.departements[c.departement].code.c_str(), c.code);
        if (ImGui::Selectable(label, s.selected == static_cast<int>(m.commune))) {
            s.selected = static_cast<int>(m.commune);
            if (c.placed()) s.view.set(c.pos, 11.0);
        }
    }
    ImGui::Spacing();
    heading(tr(Msg::MAP_LAYERS, s.lang));
    ImGui::Checkbox(tr(Msg::MAP_LAYER_COUNTRIES, s.lang), &s.layers.countries);
    ImGui::Checkbox(tr(Msg::MAP_LAYER_BORDERS, s.lang), &s.layers.borders);
    ImGui::Checkbox(tr(Msg::MAP_LAYER_COMMUNES, s.lang), &s.layers.communes);
    if (s.overlay != nullptr && !s.overlay->flows.empty()) {
        ImGui::Checkbox(tr(Msg::MAP_LAYER_FLOWS, s.lang), &s.layers.flows);
    }
    if (s.overlay != nullptr && !s.overlay->markers.empty()) {
        ImGui::Checkbox(tr(Msg::MAP_LAYER_MARKERS, s.lang), &s.layers.markers);
    }
    if (s.overlay != nullptr && !s.overlay->flows.empty()) jurisdiction_legend(s);
    if (s.choropleth != nullptr && !s.choropleth->breaks.empty()) choropleth_legend(s);

    ImGui::Spacing();
    ImGui::TextWrapped("%s", tr(Msg::MAP_LEGEND, s.lang));
    for (uint32_t pop : {1000u, 10000u, 100000u, 1000000u}) {
        const float r = std::max(0.8f, commune_radius_css(pop) * static_cast<float>(s.view.point_scale()));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float box = std::max(30.0f * s.scale, 2.0f * r + 4.0f * s.scale);
        const float col = std::max(30.0f * s.scale, 2.0f * commune_radius_css(1000000) * static_cast<float>(s.view.point_scale()) + 4.0f * s.scale);
        // As on the map, whose colours stay light in every theme.
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + col, p.y + box), IM_COL32(0xF4, 0xF2, 0xEE, 0xFF), 3.0f * s.scale);
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + col / 2, p.y + box / 2), r, IM_COL32(0, 0, 0x91, 0xD0));
        ImGui::Dummy(ImVec2(col, box));
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%s %s", format_count(pop, s.lang).c_str(), tr(Msg::MAP_INHABITANTS, s.lang));
    }
    if (s.communes_placed == 0) {
        for (const Atlas::Commune& c : a.communes) s.communes_placed += c.placed() ? 1u : 0u;
    }
    const size_t placed = s.communes_placed;
    char coverage[256];
    std::snprintf(coverage, sizeof coverage, tr(Msg::MAP_COVERAGE, s.lang), format_count(placed, s.lang).c_str(),
                  format_count(a.communes.size(), s.lang).c_str(),
                  format_count(a.communes.size() - placed, s.lang).c_str());
    ImGui::Spacing();
    ImGui::TextWrapped("%s", coverage);
    ImGui::TextWrapped("%s", tr(Msg::MAP_KEYS, s.lang));
}

void map_results_panel(UiState& s) {
    if (s.atlas == nullptr) return;
    if (s.selected < 0) {
        ImGui::TextWrapped("%s", tr(Msg::MAP_SELECT_HINT, s.lang));
        return;
    }
    commune_lines(s, s.selected, true);
}

}  // namespace px::ui
