// fuzz_atlas.cpp — libFuzzer target: the binary atlas decoder (bounds-checked reader, varints,
// triangles, indexes).
#include <cstddef>
#include <cstdint>

#include "core/atlas.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    px::Atlas a;
    (void)px::decode_atlas(data, size, "fuzz.bin").get(a);
    return 0;
}
