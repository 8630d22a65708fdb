// config.h — compile-time switches and the assert macro shared by every Proxinum module.
// Programmer mistakes trip PX_ASSERT(cond && "what the caller did wrong"); bad *user data* never
// does: it comes back as an error value (see errors.h).
#pragma once

#include <cassert>  // assert

#ifndef PX_ASSERT
#define PX_ASSERT(cond) assert(cond)
#endif
