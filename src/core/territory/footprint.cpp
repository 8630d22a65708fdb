// footprint.cpp — the equipment footprint (footprint.h).
#include "core/territory/footprint.h"

#include <cmath>    // std::round
#include <cstring>  // std::strcmp

#include "core/json_read.h"  // px::parse_json, px::JsonFields

namespace px {

using Json = nlohmann::json;

const DeviceFactor* find_device_factor(std::string_view kind) {
    for (size_t i = 0; i < kDeviceFactorCount; ++i) {
        if (kind == kDeviceFactors[i].id) return &kDeviceFactors[i];
    }
    return nullptr;
}

bool read_fleet(JsonFields& f, const Json& v, const std::string& at, Fleet& out) {
    Fleet fleet;
    if (!f.object(v, at)) return false;
    if (const auto items = v.find("items"); items != v.end() && !items->is_null()) {
        if (!f.array(*items, at + "/items", kFleetMaxItems)) return false;
        for (size_t i = 0; i < items->size(); ++i) {
            const Json& o = (*items)[i];
            const std::string p = at + "/items/" + std::to_string(i);
            FleetItem it;
            std::optional<double> count;
            if (!f.object(o, p) || !f.text(o, p, "kind", it.kind, 40, true)) return false;
            if (!find_device_factor(it.kind)) {
                return f.fail(Err::FIELD_VALUE, p + "/kind", "desktop, laptop, screen, smartphone, tablet, printer, server…");
            }
            if (!f.number(o, p, "count", count, 0, kFleetMaxCount) ||
                !f.number(o, p, "lifetime_years", it.lifetime_years, 0.5, 50) ||
                !f.number(o, p, "refurbished_share", it.refurbished_share, 0, 1) ||
                !f.number(o, p, "hours_per_day", it.hours_per_day, 0, 24)) {
                return false;
            }
            if (!count) return f.fail(Err::FIELD_MISSING, p + "/count");
            it.count = *count;
            fleet.items.push_back(std::move(it));
        }
    }
    out = std::move(fleet);
    return true;
}

Json fleet_to_json(const Fleet& fleet) {
    Json items = Json::array();
    auto opt = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
    for (const FleetItem& it : fleet.items) {
        items.push_back({{"kind", it.kind},
                         {"count", it.count},
                         {"lifetime_years", opt(it.lifetime_years)},
                         {"refurbished_share", opt(it.refurbished_share)},
                         {"hours_per_day", opt(it.hours_per_day)}});
    }
    return {{"items", items}};
}

Result<Fleet> parse_fleet_json(std::string_view text, const std::string& file) {
    const Result<Json> parsed = parse_json(text, file);
    if (!parsed.ok()) return parsed.error();
    const Json& doc = parsed.value();
    JsonFields f(text, file);
    double version = 0;
    if (!f.header(doc, "proxinum-fleet", version)) return f.error;
    if (version != 1) {
        f.fail(Err::FIELD_VALUE, "/version", "1");
        return f.error;
    }
    Fleet fleet;
    if (!read_fleet(f, doc, "", fleet)) return f.error;
    return fleet;
}

namespace {
struct Tweak {
    double lifetime_plus = 0, refurbished_at_least = 0, count_factor = 1;
};

FootprintResult compute(const Fleet& fleet, const Tweak& t) {
    FootprintResult r;
    for (const FleetItem& it : fleet.items) {
        const DeviceFactor* f = find_device_factor(it.kind);
        if (!f) continue;
        FootprintLine l;
        l.factor = f;
        l.count = it.count * t.count_factor;
        l.lifetime = it.lifetime_years.value_or(f->lifetime_years) + t.lifetime_plus;
        l.refurbished = it.refurbished_share.value_or(0);
        if (f->refurbished_avoided >= 0 && l.refurbished < t.refurbished_at_least) l.refurbished = t.refurbished_at_least;
        const double avoided = f->refurbished_avoided >= 0 ? f->refurbished_avoided : 0;
        l.embodied_kg = l.count * (f->manufacturing_kg + f->distribution_kg + f->end_of_life_kg) / l.lifetime *
                        (1 - l.refurbished * avoided);
        l.use_known = f->power_w >= 0 && f->hours_per_day >= 0;
        l.hours = it.hours_per_day.value_or(f->hours_per_day < 0 ? 0 : f->hours_per_day);
        if (l.use_known) {
            l.use_kwh = l.count * f->power_w * l.hours * 365 / 1000;
            l.use_kg = l.use_kwh * kFootprintSources.electricity_kg_per_kwh;
        }
        r.embodied_kg += l.embodied_kg;
        r.use_kg += l.use_kg;
        r.devices += l.count;
        r.lines.push_back(l);
    }
    r.total_kg = r.embodied_kg + r.use_kg;
    return r;
}
}  // namespace

FootprintResult compute_footprint(const Fleet& fleet) {
    FootprintResult r = compute(fleet, {});
    const FootprintSources& s = kFootprintSources;
    const std::pair<const char*, Tweak> scenarios[] = {
        {"lifetime", Tweak{s.lifetime_plus_years, 0, 1}},
        {"refurbished", Tweak{0, s.refurbished_target_share, 1}},
        {"fewer", Tweak{0, 0, 1 - s.fewer_devices_share}},
        {"all", Tweak{s.lifetime_plus_years, s.refurbished_target_share, 1 - s.fewer_devices_share}},
    };
    for (const auto& [id, tweak] : scenarios) {
        const double total = compute(fleet, tweak).total_kg;
        r.scenarios.push_back({id, total, r.total_kg - total});
    }
    return r;
}

const char* scenario_label(const char* id, Lang lang) {
    if (!std::strcmp(id, "lifetime")) return tr(Msg::SCENARIO_LIFETIME, lang);
    if (!std::strcmp(id, "refurbished")) return tr(Msg::SCENARIO_REFURBISHED, lang);
    if (!std::strcmp(id, "fewer")) return tr(Msg::SCENARIO_FEWER, lang);
    return tr(Msg::SCENARIO_ALL, lang);
}

namespace {
double r2(double v) { return std::round(v * 100) / 100; }
}  // namespace

Json footprint_to_json(const FootprintResult& r, Lang lang) {
    const bool en = lang == Lang::En;
    const FootprintSources& s = kFootprintSources;
    Json lines = Json::array();
    for (const FootprintLine& l : r.lines) {
        const DeviceFactor& f = *l.factor;
        Json factor = {{"manufacturing_kg", f.manufacturing_kg}, {"distribution_kg", f.distribution_kg},
                       {"end_of_life_kg", f.end_of_life_kg},     {"lifetime_years", f.lifetime_years},
                       {"power_w", f.power_w < 0 ? Json(nullptr) : Json(f.power_w)},
                       {"hours_per_day", f.hours_per_day < 0 ? Json(nullptr) : Json(f.hours_per_day)},
                       {"refurbished_avoided", f.refurbished_avoided < 0 ? Json(nullptr) : Json(f.refurbished_avoided)},
                       {"rule", f.rule}};
        Json o = {{"kind", f.id},
                  {"label", en ? f.label_en : f.label_fr},
                  {"count", l.count},
                  {"lifetime_years", l.lifetime},
                  {"refurbished_share", l.refurbished},
                  {"hours_per_day", l.use_known ? Json(l.hours) : Json(nullptr)},
                  {"embodied_kg_per_year", r2(l.embodied_kg)},
                  {"use_kwh_per_year", l.use_known ? Json(r2(l.use_kwh)) : Json(nullptr)},
                  {"use_kg_per_year", l.use_known ? Json(r2(l.use_kg)) : Json(nullptr)},
                  {"factor", factor}};
        if (*(en ? f.note_en : f.note_fr)) o["note"] = en ? f.note_en : f.note_fr;
        lines.push_back(o);
    }
    Json scenarios = Json::array();
    for (const FootprintScenario& sc : r.scenarios) {
        scenarios.push_back({{"id", sc.id}, {"label", scenario_label(sc.id, lang)},
                             {"total_kg_per_year", r2(sc.total_kg)}, {"saving_kg_per_year", r2(sc.saving_kg)}});
    }
    return {{"devices", r.devices},
            {"embodied_kg_per_year", r2(r.embodied_kg)},
            {"use_kg_per_year", r2(r.use_kg)},
            {"total_kg_per_year", r2(r.total_kg)},
            {"lines", lines},
            {"scenarios", scenarios},
            {"sources", {{"package", s.package}, {"version", s.version}, {"licence", s.licence}, {"url", s.url},
                         {"data", s.data}, {"electricity_kg_per_kwh", s.electricity_kg_per_kwh},
                         {"electricity", en ? s.electricity_en : s.electricity_fr},
                         {"refurbished", {{"title", s.refurbished_title}, {"url", s.refurbished_url},
                                          {"checked", s.refurbished_checked}}}}}};
}

}  // namespace px
