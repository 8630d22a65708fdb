// map_overlay.cpp — parsing and geometry of map overlays (map_overlay.h).
#include "core/map_overlay.h"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>

#include <cmath>  // std::isfinite, std::remainder, std::round

#include "core/json_read.h"

namespace px {

namespace {
struct JurisdictionInfo {
    const char* code;
    Msg label;
    uint32_t rgba;  // Okabe & Ito (2008) colour-blind-safe palette
    float dash_px;
};
constexpr JurisdictionInfo kJurisdictions[] = {
    {"fr", Msg::JURISDICTION_FR, 0xFFB27200u, 0.0f},                       // blue #0072B2, solid
    {"eu", Msg::JURISDICTION_EU, 0xFF739E00u, 0.0f},     // bluish green #009E73
    {"us", Msg::JURISDICTION_US, 0xFF005ED5u, 14.0f},           // vermillion #D55E00, dashed
    {"other", Msg::JURISDICTION_OTHER, 0xFFA779CCu, 6.0f},         // reddish purple #CC79A7, dotted
    {"unknown", Msg::JURISDICTION_UNKNOWN, 0xFF999999u, 24.0f},              // grey, long dashes
};
static_assert(sizeof(kJurisdictions) / sizeof(kJurisdictions[0]) == static_cast<size_t>(Jurisdiction::COUNT),
              "one entry per jurisdiction");
const JurisdictionInfo& info(Jurisdiction j) { return kJurisdictions[static_cast<size_t>(j)]; }
}  // namespace

const char* jurisdiction_code(Jurisdiction j) { return info(j).code; }
const char* jurisdiction_label(Jurisdiction j, Lang lang) { return tr(info(j).label, lang); }
uint32_t jurisdiction_rgba(Jurisdiction j) { return info(j).rgba; }
float jurisdiction_dash_px(Jurisdiction j) { return info(j).dash_px; }

bool jurisdiction_from_code(std::string_view code, Jurisdiction& out) {
    for (size_t i = 0; i < static_cast<size_t>(Jurisdiction::COUNT); ++i) {
        if (code == kJurisdictions[i].code) {
            out = static_cast<Jurisdiction>(i);
            return true;
        }
    }
    return false;
}

namespace {
using Json = nlohmann::json;

Error field_error(Err code, const std::string& file, const std::string& pointer, Detail detail = {}) {
    Location where;
    where.file = file;
    return make_error(code, where, pointer, std::move(detail));
}

// A number field that must be finite.
bool number(const Json& obj, const char* key, const std::string& at, const std::string& file, double& out,
            Error& err) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        err = field_error(Err::FIELD_MISSING, file, at + "/" + key);
        return false;
    }
    if (!it->is_number() || !std::isfinite(it->get<double>())) {
        err = field_error(Err::FIELD_TYPE, file, at + "/" + key, Msg::TYPE_NUMBER);
        return false;
    }
    out = it->get<double>();
    return true;
}

bool position(const Json& v, const std::string& at, const std::string& file, geo::LonLat& out, Error& err) {
    if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number()) {
        err = field_error(Err::FIELD_TYPE, file, at, "[lon, lat]");
        return false;
    }
    out = {v[0].get<double>(), v[1].get<double>()};
    if (!geo::check_lonlat(out).ok()) {
        err = field_error(Err::GEO_BAD_COORDINATE, file, at, "[" + v[0].dump() + ", " + v[1].dump() + "]");
        return false;
    }
    return true;
}

bool label(const Json& obj, const std::string& at, const std::string& file, std::string& out, Error& err) {
    const auto it = obj.find("label");
    if (it == obj.end()) return true;  // optional
    if (!it->is_string()) {
        err = field_error(Err::FIELD_TYPE, file, at + "/label", Msg::TYPE_TEXT);
        return false;
    }
    out = it->get<std::string>();
    if (out.size() > kOverlayMaxLabel) {
        err = field_error(Err::TOO_MANY, file, at + "/label", std::to_string(kOverlayMaxLabel));
        return false;
    }
    return true;
}
}  // namespace

Result<MapOverlay> parse_overlay_json(std::string_view text, const std::string& file) {
    const Result<Json> parsed = parse_json(text, file);
    if (!parsed.ok()) return parsed.error();
    const Json& doc = parsed.value();
    if (!doc.is_object()) return field_error(Err::FIELD_TYPE, file, "", Msg::TYPE_OBJECT);
    MapOverlay o;
    Error err;
    if (const auto ms = doc.find("markers"); ms != doc.end()) {
        if (!ms->is_array()) return field_error(Err::FIELD_TYPE, file, "/markers", Msg::TYPE_LIST);
        if (ms->size() > kOverlayMaxMarkers) {
            return field_error(Err::TOO_MANY, file, "/markers", std::to_string(kOverlayMaxMarkers));
        }
        for (size_t i = 0; i < ms->size(); ++i) {
            const Json& m = (*ms)[i];
            const std::string at = "/markers/" + std::to_string(i);
            if (!m.is_object()) return field_error(Err::FIELD_TYPE, file, at, Msg::TYPE_OBJECT);
            MapMarker mk;
            if (!number(m, "lon", at, file, mk.pos.lon_deg, err) || !number(m, "lat", at, file, mk.pos.lat_deg, err)) {
                return err;
            }
            if (!geo::check_lonlat(mk.pos).ok()) return field_error(Err::GEO_BAD_COORDINATE, file, at, m.dump());
            if (!label(m, at, file, mk.label, err)) return err;
            o.markers.push_back(std::move(mk));
        }
    }
    if (const auto fs = doc.find("flows"); fs != doc.end()) {
        if (!fs->is_array()) return field_error(Err::FIELD_TYPE, file, "/flows", Msg::TYPE_LIST);
        if (fs->size() > kOverlayMaxFlows) {
            return field_error(Err::TOO_MANY, file, "/flows", std::to_string(kOverlayMaxFlows));
        }
        for (size_t i = 0; i < fs->size(); ++i) {
            const Json& f = (*fs)[i];
            const std::string at = "/flows/" + std::to_string(i);
            if (!f.is_object()) return field_error(Err::FIELD_TYPE, file, at, Msg::TYPE_OBJECT);
            MapFlow fl;
            for (const char* key : {"from", "to"}) {
                const auto it = f.find(key);
                if (it == f.end()) return field_error(Err::FIELD_MISSING, file, at + "/" + key);
                if (!position(*it, at + "/" + key, file, key[0] == 'f' ? fl.from : fl.to, err)) return err;
            }
            const auto j = f.find("jurisdiction");
            if (j != f.end()) {
                if (!j->is_string() || !jurisdiction_from_code(j->get<std::string>(), fl.jurisdiction)) {
                    return field_error(Err::FIELD_VALUE, file, at + "/jurisdiction", "fr, eu, us, other, unknown");
                }
            }
            if (!label(f, at, file, fl.label, err)) return err;
            o.flows.push_back(std::move(fl));
        }
    }
    return o;
}

void flow_path(const MapFlow& flow, int samples, std::vector<geo::LonLat>& out) {
    out.clear();
    if (samples < 2) samples = 2;
    const GeographicLib::Geodesic& g = GeographicLib::Geodesic::WGS84();
    const GeographicLib::GeodesicLine line =
        g.InverseLine(flow.from.lat_deg, flow.from.lon_deg, flow.to.lat_deg, flow.to.lon_deg);
    const double length = line.Distance();
    double prev_lon = flow.from.lon_deg;
    for (int i = 0; i < samples; ++i) {
        double lat = 0, lon = 0;
        line.Position(length * i / (samples - 1), lat, lon);
        while (lon - prev_lon > 180.0) lon -= 360.0;  // unwrap across the antimeridian
        while (lon - prev_lon < -180.0) lon += 360.0;
        out.push_back({lon, lat});
        prev_lon = lon;
    }
}

std::string overlay_geojson(const MapOverlay& overlay) {
    const auto coord = [](geo::LonLat p) {
        return Json::array({std::round(p.lon_deg * 1e5) / 1e5, std::round(p.lat_deg * 1e5) / 1e5});
    };
    Json features = Json::array();
    std::vector<geo::LonLat> path;
    for (const MapFlow& f : overlay.flows) {
        flow_path(f, 64, path);
        Json parts = Json::array({Json::array()});
        double last = 0;
        for (size_t i = 0; i < path.size(); ++i) {
            geo::LonLat p = path[i];
            p.lon_deg = std::remainder(p.lon_deg, 360.0);  // back into [-180, 180]
            if (i > 0 && std::abs(p.lon_deg - last) > 180.0) parts.push_back(Json::array());
            parts.back().push_back(coord(p));
            last = p.lon_deg;
        }
        Json geometry = parts.size() == 1 ? Json{{"type", "LineString"}, {"coordinates", parts[0]}}
                                          : Json{{"type", "MultiLineString"}, {"coordinates", parts}};
        features.push_back({{"type", "Feature"},
                            {"geometry", geometry},
                            {"properties", {{"name", f.label},
                                            {"jurisdiction", jurisdiction_code(f.jurisdiction)},
                                            {"juridiction", jurisdiction_label(f.jurisdiction, Lang::Fr)}}}});
    }
    for (const MapMarker& m : overlay.markers) {
        features.push_back({{"type", "Feature"},
                            {"geometry", {{"type", "Point"}, {"coordinates", coord(m.pos)}}},
                            {"properties", {{"name", m.label}}}});
    }
    return Json{{"type", "FeatureCollection"}, {"features", features}}.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace px
