// version.cpp — the version string comes from CMake (PX_VERSION_STRING).
#include "core/version.h"

#ifndef PX_VERSION_STRING
#error "PX_VERSION_STRING must be defined by the build"
#endif

namespace px {
const char* version() { return PX_VERSION_STRING; }
}  // namespace px
