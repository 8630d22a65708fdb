// facts.h — the provider facts Proxinum ships: data/providers/*.json, checked and merged at build
// time by tools/facts/compile_facts.cpp (every fact with its source and the date it was read),
// embedded in the app and the CLI as one catalog named "Faits Proxinum".
//
//   px::Catalog facts;
//   if (px::builtin_catalog().get(facts) == px::Err::OK) catalogs.add(std::move(facts));
//
// Link px_atlas_data (it carries the generated assets/facts_data.cpp).
// Does NOT hold any user data: imported catalogs go through catalog.h / catalog_import.h.
#pragma once

#include <string_view>  // std::string_view

#include "core/catalog.h"  // px::Catalog
#include "core/errors.h"   // px::Result

namespace px {

std::string_view embedded_facts_json();  // defined in the generated assets/facts_data.cpp
Result<Catalog> builtin_catalog();       // parsed, flagged builtin

}  // namespace px
