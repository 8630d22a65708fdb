// version.h — Proxinum's version, set once in the top-level CMakeLists.txt (project VERSION).
#pragma once

namespace px {
const char* version();  // "0.1.0"
}  // namespace px
