// footprint.h — the yearly carbon footprint of an organisation's equipment: manufacturing,
// distribution and end of life spread over the years each device is kept, plus the electricity it
// draws, from ADEME's published figures (territory_data.h: the npm package
// @incubateur-ademe/publicodes-acv-numerique at the version data/territory/footprint.json pins;
// France's electricity from Base Empreinte). Each factor is shown with its source and version.
//
//   px::Fleet fleet;  fleet.items.push_back({"laptop", 40, 6.0, 0.25, {}});
//   px::FootprintResult r = px::compute_footprint(fleet);
//   printf("%.0f kgCO2e/an\n", r.total_kg);
//
// Arithmetic, per line of n devices (f: the kind's factors; L: the lifetime kept, else ADEME's;
// r: the refurbished share; a: the share of a device's yearly impact that buying it refurbished
// avoids, the low end of ADEME's 2022 study, 0 where none is published; h: hours a day):
//   embodied = n · (manufacturing + distribution + end of life) / L · (1 − r·a)   kgCO2e/year
//   use      = n · W · h · 365 / 1000 · electricity                              kgCO2e/year
// Applying a to the embodied part only understates the gain (use is the same either way).
// Scenarios: every lifetime + 1 year; refurbished share raised to 50 % where a gain is published;
// 10 % fewer devices; the three together.
// JSON form ("proxinum-fleet" version 1): {"format": "proxinum-fleet", "version": 1, "items":
//   [{"kind": "laptop", "count": 40, "lifetime_years": 6, "refurbished_share": 0.25, "hours_per_day": null}]}
#pragma once

#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

#include <nlohmann/json.hpp>

#include "core/errors.h"                    // px::Result
#include "core/territory/territory_data.h"  // px::DeviceFactor

namespace px {

class JsonFields;

constexpr size_t kFleetMaxItems = 200;
constexpr double kFleetMaxCount = 1e6;

struct FleetItem {
    std::string kind;  // a DeviceFactor id: "laptop"
    double count = 0;
    std::optional<double> lifetime_years;     // else ADEME's
    std::optional<double> refurbished_share;  // 0–1, else 0
    std::optional<double> hours_per_day;      // else ADEME's profile
};

struct Fleet {
    std::vector<FleetItem> items;
};

const DeviceFactor* find_device_factor(std::string_view kind);

bool read_fleet(JsonFields& f, const nlohmann::json& v, const std::string& at, Fleet& out);
nlohmann::json fleet_to_json(const Fleet& fleet);  // {"items": […]}
Result<Fleet> parse_fleet_json(std::string_view text, const std::string& file);

struct FootprintLine {
    const DeviceFactor* factor = nullptr;
    double count = 0, lifetime = 0, refurbished = 0, hours = 0;
    bool use_known = false;  // false when ADEME gives no power for the kind
    double embodied_kg = 0, use_kwh = 0, use_kg = 0;  // per year, for the whole line
};

struct FootprintScenario {
    const char* id;  // "lifetime", "refurbished", "fewer", "all"
    double total_kg = 0, saving_kg = 0;
};

struct FootprintResult {
    std::vector<FootprintLine> lines;
    double embodied_kg = 0, use_kg = 0, total_kg = 0, devices = 0;
    std::vector<FootprintScenario> scenarios;
};

FootprintResult compute_footprint(const Fleet& fleet);
const char* scenario_label(const char* id, Lang lang);
nlohmann::json footprint_to_json(const FootprintResult& r, Lang lang);

}  // namespace px
