// atlas.cpp — decoding of the binary atlas (format in atlas.h). Every read is bounds-checked
// through ByteReader; every count is checked against the bytes left before anything is
// allocated; every index is checked against what it points into. The first problem stops the
// decode with ATLAS_* and the byte offset where it was found; the detail names the section and
// the field ("COMM departement") the way the format does, the same in both languages.
//
// Index: [SECTION] Labels · Header · Sections · Topology · decode_atlas
#include "core/atlas.h"

#include <mapbox/earcut.hpp>

#include <algorithm>  // std::lower_bound
#include <array>      // std::array
#include <cmath>      // std::isfinite
#include <cstdio>     // std::snprintf
#include <cstring>    // std::memcmp, std::memcpy

#include "core/bytes.h"

namespace px {

// [SECTION] Labels ------------------------------------------------------------------------------
bool position_is_exact(PositionSource s) { return s == PositionSource::GeoNames; }

const char* position_source_label(PositionSource s, Lang lang) {
    switch (s) {
        case PositionSource::GeoNames: return tr(Msg::POSITION_GEONAMES, lang);
        case PositionSource::BBoxCentre:
        case PositionSource::BBoxUnion: return tr(Msg::POSITION_BBOX, lang);
        case PositionSource::PostalSiblings: return tr(Msg::POSITION_POSTAL, lang);
        case PositionSource::EpciMembers: return tr(Msg::POSITION_EPCI, lang);
        case PositionSource::GeoNamesName:
        case PositionSource::TerritoryPlace: return tr(Msg::POSITION_SAME_NAME, lang);
        case PositionSource::Unknown: break;
    }
    return tr(Msg::POSITION_UNKNOWN, lang);
}

const Atlas::Commune* Atlas::find_commune(std::string_view code) const {
    const auto it = std::lower_bound(communes.begin(), communes.end(), code,
                                     [](const Commune& c, std::string_view k) { return std::string_view(c.code) < k; });
    return it != communes.end() && std::string_view(it->code) == code ? &*it : nullptr;
}

namespace {
// [SECTION] Header ------------------------------------------------------------------------------
struct Section {
    char tag[4];
    uint32_t offset, size;
};

struct Decoder {
    const uint8_t* data;
    size_t size;
    const std::string& file;
    Error error;

    bool fail(Err code, size_t at, Detail detail = {}) {
        if (error.code == Err::OK) {
            Location where;
            where.file = file;
            where.byte_offset = at;
            where.has_byte_offset = true;
            error = make_error(code, where, {}, std::move(detail));
        }
        return false;
    }
    bool truncated(const ByteReader& r, const char* what) {
        return fail(Err::ATLAS_CORRUPT, r.offset(), what);
    }
};

// [SECTION] Sections ----------------------------------------------------------------------------
bool read_meta(Decoder& d, ByteReader r, Atlas& a) {
    uint64_t n = 0;
    if (!r.varint_max(r.remaining() / 6, n)) return d.truncated(r, "META");
    a.attributions.resize(static_cast<size_t>(n));
    for (Attribution& at : a.attributions) {
        for (std::string* s : {&at.name, &at.licence, &at.holder, &at.url, &at.role_fr, &at.role_en}) {
            if (!r.str(*s)) return d.truncated(r, "META");
        }
    }
    return true;
}

bool read_regions(Decoder& d, ByteReader r, Atlas& a) {
    uint64_t n = 0;
    if (!r.varint_max(r.remaining() / 2, n)) return d.truncated(r, "REGI");
    a.regions.resize(static_cast<size_t>(n));
    for (Atlas::Region& x : a.regions) {
        if (!r.str(x.code) || !r.str(x.name)) return d.truncated(r, "REGI");
    }
    return true;
}

bool read_departements(Decoder& d, ByteReader r, Atlas& a) {
    uint64_t n = 0;
    if (!r.varint_max(r.remaining() / 3, n)) return d.truncated(r, "DEPT");
    a.departements.resize(static_cast<size_t>(n));
    for (Atlas::Departement& x : a.departements) {
        uint64_t region = 0;
        if (!r.str(x.code) || !r.str(x.name) || !r.varint(region)) return d.truncated(r, "DEPT");
        if (region >= a.regions.size()) return d.fail(Err::ATLAS_CORRUPT, r.offset(), "DEPT region");
        x.region = static_cast<uint32_t>(region);
    }
    return true;
}

bool read_epcis(Decoder& d, ByteReader r, Atlas& a) {
    uint64_t n = 0;
    if (!r.varint_max(r.remaining() / 4, n)) return d.truncated(r, "EPCI");
    a.epcis.resize(static_cast<size_t>(n));
    for (Atlas::Epci& x : a.epcis) {
        uint64_t pop = 0;
        if (!r.str(x.siren) || !r.str(x.name) || !r.str(x.type) || !r.varint_max(UINT32_MAX, pop)) {
            return d.truncated(r, "EPCI");
        }
        x.population = static_cast<uint32_t>(pop);
    }
    return true;
}

bool read_communes(Decoder& d, ByteReader r, Atlas& a) {
    uint64_t n64 = 0;
    // Each commune takes at least one byte in each of its 7 columns.
    if (!r.varint_max(r.remaining() / 7, n64)) return d.truncated(r, "COMM");
    const auto n = static_cast<size_t>(n64);
    a.communes.resize(n);
    for (Atlas::Commune& c : a.communes) {
        uint64_t v = 0;
        if (!r.varint(v)) return d.truncated(r, "COMM departements");
        if (v >= a.departements.size()) return d.fail(Err::ATLAS_CORRUPT, r.offset(), "COMM departement");
        c.departement = static_cast<uint32_t>(v);
    }
    // Codes: département code + a number whose delta is stored; always 5 characters, increasing.
    uint64_t suffix = 0;
    for (size_t i = 0; i < n; ++i) {
        Atlas::Commune& c = a.communes[i];
        const std::string& dept = a.departements[c.departement].code;
        if (i == 0 || c.departement != a.communes[i - 1].departement) suffix = 0;
        uint64_t delta = 0;
        if (!r.varint_max(999, delta)) return d.truncated(r, "COMM codes");
        suffix += delta;
        const size_t digits = 5 - std::min<size_t>(dept.size(), 5);
        char buf[8];
        std::snprintf(buf, sizeof buf, "%0*llu", static_cast<int>(digits), static_cast<unsigned long long>(suffix));
        if (dept.size() + std::strlen(buf) != 5) return d.fail(Err::ATLAS_CORRUPT, r.offset(), "COMM code");
        std::memcpy(c.code, dept.data(), dept.size());
        std::memcpy(c.code + dept.size(), buf, digits);
        c.code[5] = '\0';
        if (i > 0 && std::memcmp(a.communes[i - 1].code, c.code, 5) >= 0) {
            return d.fail(Err::ATLAS_CORRUPT, r.offset(), "COMM codes order");
        }
    }
    // Names, front-coded: the length shared with the previous name, then the rest NUL-terminated.
    const uint8_t* shared = nullptr;
    if (!r.bytes(n, shared)) return d.truncated(r, "COMM names");
    for (size_t i = 0; i < n; ++i) {
        Atlas::Commune& c = a.communes[i];
        c.name_offset = static_cast<uint32_t>(a.names.size());
        const uint32_t prev_size = i > 0 ? a.communes[i - 1].name_size : 0;
        if (shared[i] > prev_size) return d.fail(Err::ATLAS_CORRUPT, r.offset(), "COMM names");
        for (uint32_t k = 0; k < shared[i]; ++k) a.names.push_back(a.names[a.communes[i - 1].name_offset + k]);
        uint8_t ch = 0;
        while (r.u8(ch) && ch != 0) a.names.push_back(static_cast<char>(ch));
        if (!r.ok()) return d.truncated(r, "COMM names");
        c.name_size = static_cast<uint32_t>(a.names.size()) - c.name_offset;
    }
    int64_t epci = 0;  // index + 1, delta-coded
    for (Atlas::Commune& c : a.communes) {
        int64_t delta = 0;
        if (!r.zigzag(delta)) return d.truncated(r, "COMM EPCI");
        epci += delta;
        if (epci < 0 || epci > static_cast<int64_t>(a.epcis.size())) {
            return d.fail(Err::ATLAS_CORRUPT, r.offset(), "COMM EPCI");
        }
        c.epci = static_cast<int32_t>(epci) - 1;
    }
    for (Atlas::Commune& c : a.communes) {
        uint64_t v = 0;
        if (!r.varint_max(UINT32_MAX, v)) return d.truncated(r, "COMM population");
        c.population = static_cast<uint32_t>(v);
    }
    for (Atlas::Commune& c : a.communes) {
        uint8_t s = 0;
        if (!r.u8(s)) return d.truncated(r, "COMM sources");
        switch (static_cast<PositionSource>(s)) {
            case PositionSource::Unknown: case PositionSource::GeoNames:
            case PositionSource::BBoxCentre: case PositionSource::BBoxUnion:
            case PositionSource::PostalSiblings: case PositionSource::EpciMembers:
            case PositionSource::GeoNamesName: case PositionSource::TerritoryPlace: break;
            default: return d.fail(Err::ATLAS_CORRUPT, r.offset() - 1, "COMM source");
        }
        c.source = static_cast<PositionSource>(s);
    }
    for (int axis = 0; axis < 2; ++axis) {
        int64_t q = 0;
        for (Atlas::Commune& c : a.communes) {
            if (!c.placed()) continue;
            int64_t delta = 0;
            if (!r.zigzag(delta)) return d.truncated(r, "COMM positions");
            q += delta;
            const double deg = static_cast<double>(q) * kAtlasDegreesPerUnit;
            (axis == 0 ? c.pos.lon_deg : c.pos.lat_deg) = deg;
        }
    }
    for (const Atlas::Commune& c : a.communes) {
        if (c.placed() && !geo::check_lonlat(c.pos).ok()) {
            return d.fail(Err::ATLAS_CORRUPT, r.offset(), std::string("COMM position ") + c.code);
        }
    }
    int64_t prev_first = 0;
    for (Atlas::Commune& c : a.communes) {
        uint64_t count = 0;
        if (!r.varint_max(r.remaining(), count)) return d.truncated(r, "COMM postal codes");
        c.postal_first = static_cast<uint32_t>(a.postal_codes.size());
        c.postal_count = static_cast<uint32_t>(count);
        int64_t code = 0;
        for (uint64_t k = 0; k < count; ++k) {
            int64_t delta = 0;
            if (k == 0) {
                if (!r.zigzag(delta)) return d.truncated(r, "COMM postal codes");
                code = prev_first + delta;
                prev_first = code;
            } else {
                uint64_t step = 0;
                if (!r.varint_max(99999, step)) return d.truncated(r, "COMM postal codes");
                code += static_cast<int64_t>(step);
            }
            if (code < 0 || code > 99999) return d.fail(Err::ATLAS_CORRUPT, r.offset(), "COMM postal code");
            a.postal_codes.push_back(static_cast<uint32_t>(code));
        }
    }
    return true;
}

// [SECTION] Topology ----------------------------------------------------------------------------
bool read_topology(Decoder& d, ByteReader r, Atlas& a) {
    double tf[4] = {};
    for (double& v : tf) {
        const uint8_t* b = nullptr;
        if (!r.bytes(sizeof v, b)) return d.truncated(r, "TOPO transform");
        std::memcpy(&v, b, sizeof v);
        if (!std::isfinite(v)) return d.fail(Err::ATLAS_CORRUPT, r.offset(), "TOPO transform");
    }
    // Arcs: absolute positions rebuilt from the deltas, converted to degrees.
    uint64_t n_arcs = 0;
    if (!r.varint_max(r.remaining(), n_arcs)) return d.truncated(r, "TOPO arcs");
    std::vector<geo::LonLat> arc_points;
    std::vector<Atlas::Ring> arcs(static_cast<size_t>(n_arcs));
    for (Atlas::Ring& arc : arcs) {
        uint64_t np = 0;
        if (!r.varint_max(r.remaining() / 2, np) || np < 2) return d.truncated(r, "TOPO arc");
        arc.first = static_cast<uint32_t>(arc_points.size());
        arc.count = static_cast<uint32_t>(np);
        int64_t x = 0, y = 0;
        for (uint64_t k = 0; k < np; ++k) {
            int64_t dx = 0, dy = 0;
            if (!r.zigzag(dx) || !r.zigzag(dy)) return d.truncated(r, "TOPO arc");
            x += dx;
            y += dy;
            const geo::LonLat p{static_cast<double>(x) * tf[0] + tf[2], static_cast<double>(y) * tf[1] + tf[3]};
            if (!geo::check_lonlat(p).ok()) return d.fail(Err::ATLAS_CORRUPT, r.offset(), "TOPO point");
            arc_points.push_back(p);
        }
    }
    // Countries: polygons of rings of arc references; rings are rebuilt and triangulated.
    uint64_t n_countries = 0;
    if (!r.varint_max(r.remaining() / 3, n_countries)) return d.truncated(r, "TOPO countries");
    a.countries.resize(static_cast<size_t>(n_countries));
    std::vector<std::vector<std::array<double, 2>>> polygon;
    for (Atlas::Country& c : a.countries) {
        uint64_t n_polys = 0;
        if (!r.str(c.id) || !r.str(c.name) || !r.varint_max(r.remaining(), n_polys)) {
            return d.truncated(r, "TOPO country");
        }
        c.ring_first = static_cast<uint32_t>(a.rings.size());
        c.index_first = static_cast<uint32_t>(a.indices.size());
        for (uint64_t p = 0; p < n_polys; ++p) {
            uint64_t n_rings = 0;
            if (!r.varint_max(r.remaining(), n_rings)) return d.truncated(r, "TOPO polygon");
            polygon.assign(static_cast<size_t>(n_rings), {});
            size_t polygon_vertices = 0;
            const auto base = static_cast<uint32_t>(a.vertices.size());
            for (auto& ring : polygon) {
                uint64_t n_refs = 0;
                if (!r.varint_max(r.remaining(), n_refs)) return d.truncated(r, "TOPO ring");
                Atlas::Ring out{static_cast<uint32_t>(a.vertices.size()), 0};
                for (uint64_t k = 0; k < n_refs; ++k) {
                    int64_t ref = 0;
                    if (!r.zigzag(ref)) return d.truncated(r, "TOPO ring");
                    const bool reversed = ref < 0;
                    const uint64_t idx = static_cast<uint64_t>(reversed ? ~ref : ref);
                    if (idx >= arcs.size()) return d.fail(Err::ATLAS_CORRUPT, r.offset(), "TOPO arc index");
                    const Atlas::Ring& arc = arcs[static_cast<size_t>(idx)];
                    // Checked before copying: a tampered ring repeating a long arc must not make a
                    // polygon that takes earcut minutes (or gigabytes) to triangulate.
                    if (ring.size() + arc.count > kAtlasMaxRingVertices || polygon_vertices + arc.count > kAtlasMaxPolygonVertices) {
                        return d.fail(Err::ATLAS_CORRUPT, r.offset(), "TOPO ring too long");
                    }
                    polygon_vertices += arc.count;
                    for (uint32_t j = k == 0 ? 0 : 1; j < arc.count; ++j) {  // arcs share end points
                        const geo::LonLat& pt = arc_points[arc.first + (reversed ? arc.count - 1 - j : j)];
                        a.vertices.push_back(pt);
                        ring.push_back({pt.lon_deg, pt.lat_deg});
                        c.bbox.extend(pt);
                    }
                }
                out.count = static_cast<uint32_t>(a.vertices.size()) - out.first;
                a.rings.push_back(out);
            }
            for (uint32_t i : mapbox::earcut<uint32_t>(polygon)) a.indices.push_back(base + i);
        }
        c.ring_count = static_cast<uint32_t>(a.rings.size()) - c.ring_first;
        c.index_count = static_cast<uint32_t>(a.indices.size()) - c.index_first;
    }
    // Borders: each arc once (shared borders drawn once), appended after the rings' vertices.
    a.borders.reserve(arcs.size());
    for (const Atlas::Ring& arc : arcs) {
        a.borders.push_back({static_cast<uint32_t>(a.vertices.size()), arc.count});
        const geo::LonLat* begin = arc_points.data() + arc.first;
        a.vertices.insert(a.vertices.end(), begin, begin + arc.count);
    }
    return true;
}
}  // namespace

// [SECTION] decode_atlas ------------------------------------------------------------------------
Result<Atlas> decode_atlas(const uint8_t* data, size_t size, const std::string& file) {
    Decoder d{data, size, file, {}};
    ByteReader head(data, size);
    const uint8_t* magic = nullptr;
    uint32_t version = 0, n_sections = 0;
    if (!head.bytes(8, magic) || std::memcmp(magic, "PXATLAS\0", 8) != 0) {
        d.fail(Err::ATLAS_BAD_MAGIC, 0);
        return d.error;
    }
    if (!head.u32le(version) || version != kAtlasVersion) {
        d.fail(Err::ATLAS_BAD_VERSION, 8, std::to_string(version) + " ≠ " + std::to_string(kAtlasVersion));
        return d.error;
    }
    if (!head.u32le(n_sections) || n_sections > 64) {
        d.fail(Err::ATLAS_CORRUPT, 12, "section count");
        return d.error;
    }
    struct Reader {
        const char* tag;
        bool (*read)(Decoder&, ByteReader, Atlas&);
    };
    // In dependency order: departements need regions, communes need both and EPCI.
    const Reader readers[] = {{"META", read_meta}, {"REGI", read_regions}, {"DEPT", read_departements},
                              {"EPCI", read_epcis}, {"COMM", read_communes}, {"TOPO", read_topology}};
    std::vector<Section> sections(n_sections);
    for (Section& s : sections) {
        const uint8_t* tag = nullptr;
        if (!head.bytes(4, tag) || !head.u32le(s.offset) || !head.u32le(s.size)) {
            d.fail(Err::ATLAS_TRUNCATED, head.offset(), "sections");
            return d.error;
        }
        std::memcpy(s.tag, tag, 4);
        if (s.offset > size || s.size > size - s.offset) {
            d.fail(Err::ATLAS_TRUNCATED, size, std::string(s.tag, 4));
            return d.error;
        }
    }
    Atlas atlas;
    for (const Reader& rd : readers) {
        const Section* found = nullptr;
        for (const Section& s : sections) {
            if (std::memcmp(s.tag, rd.tag, 4) == 0) found = &s;
        }
        if (found == nullptr) {
            d.fail(Err::ATLAS_CORRUPT, head.offset(), std::string("missing section ") + rd.tag);
            return d.error;
        }
        if (!rd.read(d, ByteReader(data + found->offset, found->size, found->offset), atlas)) return d.error;
    }
    return atlas;
}

}  // namespace px
