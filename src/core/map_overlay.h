// map_overlay.h — what a lens puts over the base map: markers (e.g. a catalog's local providers)
// and flows from one place to many (e.g. from an organisation to each provider it depends on),
// each flow coloured AND dashed by the jurisdiction it leads to.
//
//   px::MapOverlay o;
//   if (px::parse_overlay_json(text, "overlay.json").get(o) != px::Err::OK) ... // all-or-nothing
//   std::vector<px::geo::LonLat> path;  px::flow_path(o.flows[0], 64, path);   // geodesic samples
//
// JSON form (page API proxinum.map.setOverlay, and tests):
//   {"markers": [{"lon": -0.46, "lat": 46.32, "label": "Atelier numérique"}],
//    "flows":   [{"from": [-0.46, 46.32], "to": [-122.08, 37.42], "jurisdiction": "us",
//                 "label": "Messagerie"}]}
// jurisdiction: "fr" | "eu" | "us" | "other" | "unknown". Limits: kOverlayMaxMarkers,
// kOverlayMaxFlows, labels of at most kOverlayMaxLabel bytes.
// Does NOT draw: src/render/map_renderer draws it, src/ui/map.cpp shows its legend.
#pragma once

#include <cstdint>      // uint8_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "core/errors.h"  // px::Result
#include "core/geo.h"     // px::geo::LonLat

namespace px {

constexpr size_t kOverlayMaxMarkers = 20000;
constexpr size_t kOverlayMaxFlows = 2000;
constexpr size_t kOverlayMaxLabel = 200;

enum class Jurisdiction : uint8_t { France, EU, US, Other, Unknown, COUNT };
const char* jurisdiction_code(Jurisdiction j);  // "fr" | "eu" | "us" | "other" | "unknown"
const char* jurisdiction_label(Jurisdiction j, Lang lang);  // "États-Unis"…
bool jurisdiction_from_code(std::string_view code, Jurisdiction& out);
// Okabe–Ito colour (R,G,B,A bytes, little-endian uint32) and dash period in CSS px (0 = solid).
uint32_t jurisdiction_rgba(Jurisdiction j);
float jurisdiction_dash_px(Jurisdiction j);

struct MapMarker {
    geo::LonLat pos;
    std::string label;
};

struct MapFlow {
    geo::LonLat from, to;
    Jurisdiction jurisdiction = Jurisdiction::Unknown;
    std::string label;
};

struct MapOverlay {
    std::vector<MapMarker> markers;
    std::vector<MapFlow> flows;
};

Result<MapOverlay> parse_overlay_json(std::string_view text, const std::string& file);
// `samples` points along the ellipsoidal geodesic from flow.from to flow.to (both included);
// longitudes are unwrapped (may leave [-180, 180]) so that a line never jumps across the map.
void flow_path(const MapFlow& flow, int samples, std::vector<geo::LonLat>& out);
// The overlay as a GeoJSON FeatureCollection for uMap and QGIS: each flow a geodesic LineString
// (a MultiLineString when it crosses the antimeridian) with "name" (its label), "jurisdiction"
// (code) and "juridiction" (French label); each marker a Point with "name".
std::string overlay_geojson(const MapOverlay& overlay);

}  // namespace px
