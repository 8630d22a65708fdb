// territory_data.h — what tools/territory/compile_territory.cpp writes into assets/territory_data.cpp
// at build time: the manifesto grid's structure (ids and indicators of data/territory/grid.json,
// checked; its words are loaded apart, see grid.h) and the equipment footprint factors (ADEME figures read from the pinned npm package
// @incubateur-ademe/publicodes-acv-numerique, mapped by data/territory/footprint.json).
//
//   const px::DeviceFactor& f = px::kDeviceFactors[0];   // "desktop", 203 kg manufacturing…
//   px::territory_grid();                                // grid.h parses the structure once
//
// Does NOT compute anything: grid.h, assessment.h and footprint.h do.
#pragma once

#include <cstddef>  // size_t

namespace px {

extern const char kTerritoryStructureJson[];  // compact JSON: the grid without its words
extern const size_t kTerritoryStructureJsonSize;

struct DeviceFactor {
    const char* id;          // "laptop"
    const char* rule;        // the package's rule it comes from: "acv . ordinateur portable"
    const char* label_fr;
    const char* label_en;
    const char* note_fr;     // "" when none
    const char* note_en;
    double manufacturing_kg, distribution_kg, end_of_life_kg;  // kgCO2e per device
    double lifetime_years;   // the package's lifetime
    double power_w;          // active power; < 0 when the package gives none
    double hours_per_day;    // hours of use a day; < 0 when unknown
    double refurbished_avoided;  // share of the yearly impact avoided when refurbished; < 0 none published
};
extern const DeviceFactor kDeviceFactors[];
extern const size_t kDeviceFactorCount;

struct FootprintSources {
    const char* package;          // "@incubateur-ademe/publicodes-acv-numerique"
    const char* version;          // "2.1.0"
    const char* licence;
    const char* url;
    const char* data;             // "NégaOctet 2022 avec l’ADEME…"
    double electricity_kg_per_kwh;  // France, Base Empreinte
    const char* electricity_fr;
    const char* electricity_en;
    const char* refurbished_url;
    const char* refurbished_title;
    const char* refurbished_checked;
    double lifetime_plus_years, refurbished_target_share, fewer_devices_share;  // scenarios
};
extern const FootprintSources kFootprintSources;

}  // namespace px
