// fuzz_catalog.cpp — libFuzzer target: the catalog import (JSON, CSV in any of its encodings and
// delimiters, GeoJSON), with the atlas checking INSEE codes. The first byte picks the file name's
// extension, which steers the format.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/atlas.h"
#include "core/atlas_embedded.h"
#include "core/catalog_import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const px::Atlas atlas = [] {
        px::Atlas a;
        if (px::decode_atlas(px::embedded_atlas_data(), px::embedded_atlas_size(), "atlas").get(a) != px::Err::OK) {
            __builtin_trap();
        }
        return a;
    }();
    if (size == 0) return 0;
    static const char* const kNames[] = {"f.csv", "f.json", "f.geojson", "f.txt"};
    const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    const px::CatalogImport imp = px::import_catalog(bytes, kNames[data[0] % 4], &atlas);
    if (!imp.ok()) {
        for (const px::Error& e : imp.errors) {
            if (e.code == px::Err::OK) __builtin_trap();  // every error names what went wrong
        }
    }
    return 0;
}
