// atlas_embedded.h — the atlas compiled into the program (generated assets/atlas_data.cpp, from
// tools/atlas/compile_atlas.cpp). Link px_atlas_data to get it; decode it with decode_atlas().
#pragma once

#include <cstddef>  // size_t
#include <cstdint>  // uint8_t

namespace px {
const uint8_t* embedded_atlas_data();
size_t embedded_atlas_size();
}  // namespace px
