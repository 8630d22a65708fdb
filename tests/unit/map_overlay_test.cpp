// map_overlay_test.cpp — overlay JSON (all or nothing, errors with their place), jurisdictions,
// geodesic flow paths; and the JSON reader under it (core/json_read.h).
#include <doctest/doctest.h>

#include <cmath>   // std::abs
#include <string>  // std::string
#include <vector>  // std::vector

#include "core/json_read.h"
#include "core/map_overlay.h"

using px::Err;

TEST_CASE("a good overlay is read whole") {
    const char* text = R"({"markers": [{"lon": -0.46, "lat": 46.32, "label": "Atelier numérique"}, {"lon": 2, "lat": 48}],
        "flows": [{"from": [-0.46, 46.32], "to": [-122.08, 37.42], "jurisdiction": "us", "label": "Messagerie"},
                  {"from": [-0.46, 46.32], "to": [3.17, 50.69]}]})";
    px::MapOverlay o;
    REQUIRE(px::parse_overlay_json(text, "o.json").get(o) == Err::OK);
    REQUIRE(o.markers.size() == 2);
    CHECK(o.markers[0].label == "Atelier numérique");
    CHECK(o.markers[1].label.empty());
    REQUIRE(o.flows.size() == 2);
    CHECK(o.flows[0].jurisdiction == px::Jurisdiction::US);
    CHECK(o.flows[1].jurisdiction == px::Jurisdiction::Unknown);  // unknown unless said
    CHECK(o.flows[1].to.lat_deg == 50.69);
    px::MapOverlay empty;
    CHECK(px::parse_overlay_json("{}", "e.json").get(empty) == Err::OK);
}

TEST_CASE("a bad overlay is refused with what and where, never half-read") {
    struct Case {
        const char* text;
        Err code;
        const char* pointer;
    };
    const Case cases[] = {
        {R"({"markers": [{"lon": 1, "lat": 2}, {"lon": "x", "lat": 2}]})", Err::FIELD_TYPE, "/markers/1/lon"},
        {R"({"markers": [{"lat": 2}]})", Err::FIELD_MISSING, "/markers/0/lon"},
        {R"({"markers": [{"lon": 200, "lat": 2}]})", Err::GEO_BAD_COORDINATE, "/markers/0"},
        {R"({"flows": [{"from": [0, 0], "to": [1]}]})", Err::FIELD_TYPE, "/flows/0/to"},
        {R"({"flows": [{"from": [0, 0]}]})", Err::FIELD_MISSING, "/flows/0/to"},
        {R"({"flows": [{"from": [0, 0], "to": [1, 1], "jurisdiction": "mars"}]})", Err::FIELD_VALUE,
         "/flows/0/jurisdiction"},
        {R"({"flows": {}})", Err::FIELD_TYPE, "/flows"},
        {R"([1, 2])", Err::FIELD_TYPE, ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const px::Result<px::MapOverlay> r = px::parse_overlay_json(c.text, "o.json");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == c.code);
        CHECK(r.error().json_pointer == c.pointer);
        CHECK(r.error().where.file == "o.json");
    }
    std::string many = R"({"markers": [)";
    for (size_t i = 0; i <= px::kOverlayMaxMarkers; ++i) many += std::string(i ? "," : "") + R"({"lon":1,"lat":1})";
    many += "]}";
    CHECK(px::parse_overlay_json(many, "big.json").error().code == Err::TOO_MANY);
    const std::string long_label = R"({"markers": [{"lon":1,"lat":1,"label":")" + std::string(px::kOverlayMaxLabel + 1, 'a') + "\"}]}";
    CHECK(px::parse_overlay_json(long_label, "l.json").error().code == Err::TOO_MANY);
}

TEST_CASE("JSON syntax errors say line and column; deep nesting is refused") {
    const px::Result<nlohmann::json> r = px::parse_json("{\n  \"a\": 1,\n  \"b\": tru\n}", "x.json");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Err::JSON_SYNTAX);
    CHECK(r.error().where.line == 3);
    CHECK(r.error().where.col >= 8);
    CHECK(px::format_error(r.error(), px::Lang::Fr).rfind("x.json:3:", 0) == 0);

    const std::string deep = std::string(px::kJsonMaxDepth + 1, '[') + std::string(px::kJsonMaxDepth + 1, ']');
    CHECK(px::parse_json(deep, "d.json").error().code == Err::JSON_TOO_DEEP);
    const std::string ok_depth = std::string(px::kJsonMaxDepth, '[') + std::string(px::kJsonMaxDepth, ']');
    CHECK(px::parse_json(ok_depth, "d.json").ok());
    CHECK(px::parse_json("", "e.json").error().code == Err::JSON_SYNTAX);
    CHECK(px::parse_json("{} x", "t.json").error().code == Err::JSON_SYNTAX);  // trailing garbage

    uint64_t line = 0, col = 0;
    px::line_col("é\nab", 4, line, col);  // 'b': line 2, column 2 (é is one character)
    CHECK(line == 2);
    CHECK(col == 2);
}

TEST_CASE("jurisdictions: codes round-trip, and none is told by colour alone") {
    for (size_t i = 0; i < static_cast<size_t>(px::Jurisdiction::COUNT); ++i) {
        const auto j = static_cast<px::Jurisdiction>(i);
        px::Jurisdiction back = px::Jurisdiction::COUNT;
        CHECK(px::jurisdiction_from_code(px::jurisdiction_code(j), back));
        CHECK(back == j);
        CHECK(std::string(px::jurisdiction_label(j, px::Lang::Fr)).size() > 0);
        for (size_t k = 0; k < i; ++k) {
            const auto other = static_cast<px::Jurisdiction>(k);
            CHECK(px::jurisdiction_rgba(j) != px::jurisdiction_rgba(other));
        }
    }
    // Solid lines are told apart by colour only between France and the EU; every other pair
    // also differs by its dash pattern.
    CHECK(px::jurisdiction_dash_px(px::Jurisdiction::US) != px::jurisdiction_dash_px(px::Jurisdiction::Other));
    CHECK(px::jurisdiction_dash_px(px::Jurisdiction::US) != px::jurisdiction_dash_px(px::Jurisdiction::Unknown));
    px::Jurisdiction j;
    CHECK_FALSE(px::jurisdiction_from_code("FR", j));
}

TEST_CASE("flow paths follow the geodesic and never jump across the map") {
    std::vector<px::geo::LonLat> path;
    px::MapFlow f{{-0.4594, 46.3239}, {-122.08, 37.42}, px::Jurisdiction::US, ""};
    px::flow_path(f, 64, path);
    REQUIRE(path.size() == 64);
    CHECK(std::abs(path.front().lon_deg - f.from.lon_deg) < 1e-9);
    CHECK(std::abs(path.back().lat_deg - f.to.lat_deg) < 1e-9);
    CHECK(path[32].lat_deg > 60.0);  // Niort → Mountain View goes over Greenland
    // Paris → Nouméa crosses the antimeridian: longitudes stay continuous.
    px::MapFlow g{{2.35, 48.85}, {166.46, -22.27}, px::Jurisdiction::France, ""};
    px::flow_path(g, 64, path);
    for (size_t i = 1; i < path.size(); ++i) CHECK(std::abs(path[i].lon_deg - path[i - 1].lon_deg) < 20.0);
    px::flow_path(f, 1, path);
    CHECK(path.size() == 2);
}

TEST_CASE("the overlay exports as GeoJSON for uMap and QGIS, split at the antimeridian") {
    px::MapOverlay o;
    px::MapFlow niort_to_mtv;
    niort_to_mtv.from = {-0.4586, 46.3253};
    niort_to_mtv.to = {-122.0841, 37.4220};
    niort_to_mtv.jurisdiction = px::Jurisdiction::US;
    niort_to_mtv.label = "Messagerie <Gmail> \"Google\"";
    o.flows.push_back(niort_to_mtv);
    px::MapFlow noumea_to_papeete;  // Nouméa (166.4° E) to Papeete (149.6° W): crosses 180°
    noumea_to_papeete.from = {166.4572, -22.2758};
    noumea_to_papeete.to = {-149.5585, -17.5516};
    noumea_to_papeete.jurisdiction = px::Jurisdiction::France;
    o.flows.push_back(noumea_to_papeete);
    o.markers.push_back({{-0.46, 46.32}, "Atelier"});
    const nlohmann::json g = nlohmann::json::parse(px::overlay_geojson(o));
    REQUIRE(g["type"] == "FeatureCollection");
    REQUIRE(g["features"].size() == 3);
    const nlohmann::json& us = g["features"][0];
    CHECK(us["geometry"]["type"] == "LineString");
    CHECK(us["geometry"]["coordinates"].size() == 64);
    CHECK(us["geometry"]["coordinates"][0][0].get<double>() == doctest::Approx(-0.4586));
    CHECK(us["geometry"]["coordinates"][63][1].get<double>() == doctest::Approx(37.422));
    CHECK(us["properties"]["name"] == "Messagerie <Gmail> \"Google\"");  // JSON-escaped, kept as text
    CHECK(us["properties"]["jurisdiction"] == "us");
    CHECK(us["properties"]["juridiction"] == "États-Unis");
    const nlohmann::json& pacific = g["features"][1]["geometry"];
    CHECK(pacific["type"] == "MultiLineString");
    REQUIRE(pacific["coordinates"].size() == 2);
    for (const auto& part : pacific["coordinates"]) {
        for (const auto& p : part) CHECK(std::abs(p[0].get<double>()) <= 180.0);
    }
    CHECK(g["features"][2]["geometry"]["type"] == "Point");
    CHECK(g["features"][2]["properties"]["name"] == "Atelier");
}
