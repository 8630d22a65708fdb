// summary.cpp — anonymous summaries, their strict reader, and the observatory's aggregation with
// small-count masking (summary.h).
#include "core/territory/summary.h"

#include <algorithm>  // std::min_element, std::sort
#include <cmath>      // std::fabs, std::isfinite, std::round
#include <cstdio>     // std::snprintf
#include <random>     // std::random_device

#include "core/csv.h"                   // px::csv_cell, px::csv_number
#include "core/json_read.h"             // px::parse_json, px::JsonFields
#include "core/scoring.h"               // px::Report
#include "core/territory/assessment.h"  // px::score_assessment
#include "core/territory/footprint.h"   // px::compute_footprint
#include "core/territory/grid.h"        // px::territory_grid

namespace px {

using Json = nlohmann::json;

bool is_uid(std::string_view s) {
    if (s.size() != 32) return false;
    for (const char c : s) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

std::string random_uid() {
    std::random_device rd;
    static const char* const kHex = "0123456789abcdef";
    std::string uid;
    for (int i = 0; i < 8; ++i) {
        const uint32_t v = rd();
        for (int k = 0; k < 4; ++k) uid += kHex[(v >> (k * 4)) & 15];
    }
    return uid;
}

Summary make_summary(const Workspace& ws, const Report* report, const std::string& uid, int year) {
    const Grid& g = territory_grid();
    Summary s;
    s.uid = uid;
    s.year = year;
    s.insee = ws.organisation.insee;
    s.kind = ws.organisation.kind;
    if (report && !ws.services.empty()) {
        s.has_diagnostic = true;
        s.diagnostic_score_known = report->score_known;
        s.diagnostic_score = std::round(report->score * 10) / 10;
        s.services = static_cast<uint32_t>(report->services.size());
        for (const ServiceSummary& sv : report->services) ++s.jurisdictions[static_cast<size_t>(sv.jurisdiction)];
    }
    const Assessment* latest = nullptr;
    for (const Assessment& a : ws.assessments) {
        if (a.year <= year && (!latest || a.year > latest->year)) latest = &a;
    }
    if (latest) {
        s.has_territory = true;
        s.levels = latest->levels;
        s.levels.resize(g.subs.size(), -1);
        const TerritoryScore ts = score_assessment(g, *latest);
        s.territory_known = ts.overall.known;
        s.territory_overall = ts.overall.score;
    }
    if (!ws.fleet.items.empty()) {
        const FootprintResult fr = compute_footprint(ws.fleet);
        s.has_footprint = true;
        s.devices = fr.devices;
        s.footprint_kg = std::round(fr.total_kg * 100) / 100;
    }
    return s;
}

std::string write_summary_json(const Summary& s) {
    Json doc = {{"format", "proxinum-summary"}, {"version", 1},      {"uid", s.uid},
                {"year", s.year},               {"insee", s.insee}, {"kind", org_kind_code(s.kind)}};
    if (s.has_diagnostic) {
        Json j = Json::object();
        for (size_t i = 0; i < kJurisdictionCount; ++i) j[jurisdiction_code(static_cast<Jurisdiction>(i))] = s.jurisdictions[i];
        doc["diagnostic"] = {{"score", s.diagnostic_score_known ? Json(s.diagnostic_score) : Json(nullptr)},
                             {"services", s.services},
                             {"jurisdictions", j}};
    } else {
        doc["diagnostic"] = nullptr;
    }
    if (s.has_territory) {
        Json levels = Json::array();
        for (const int8_t l : s.levels) levels.push_back(l < 0 ? Json(nullptr) : Json(l));
        doc["territory"] = {{"levels", levels},
                            {"overall", s.territory_known ? Json(std::round(s.territory_overall * 100) / 100) : Json(nullptr)}};
    } else {
        doc["territory"] = nullptr;
    }
    doc["footprint"] = s.has_footprint ? Json{{"devices", s.devices}, {"kg_per_year", s.footprint_kg}} : Json(nullptr);
    return doc.dump();
}

namespace {
// The summary reader is a SAX handler over the fixed schema: no DOM is built (100,000 summaries
// must aggregate in well under a second), every member is checked as it comes, and the first
// problem stops the reading with its JSON Pointer. Unknown members, duplicated members and
// values of the wrong type are refused here; ranges and totals are checked after.
enum class Ctx : uint8_t { Root, Diagnostic, Jurisdictions, Territory, Levels, Footprint };
enum Key : uint8_t {
    kFormat, kVersion, kUid, kYear, kInsee, kKind, kDiagnostic, kTerritory, kFootprint,  // Root
    kScore, kServices, kJurisdictions,                                                 // Diagnostic
    kFr, kEu, kUs, kOther, kUnknown,                                                   // Jurisdictions
    kLevels, kOverall,                                                                 // Territory
    kDevices, kKg,                                                                     // Footprint
    kKeyCount, kNoKey = 255
};
constexpr const char* kKeyNames[kKeyCount] = {
    "format", "version", "uid", "year", "insee", "kind", "diagnostic", "territory", "footprint", "score", "services",
    "jurisdictions", "fr", "eu", "us", "other", "unknown", "levels", "overall", "devices", "kg_per_year"};
constexpr std::pair<uint8_t, uint8_t> kKeyRange[] = {{kFormat, kFootprint + 1}, {kScore, kJurisdictions + 1},
                                                     {kFr, kUnknown + 1},       {kLevels, kOverall + 1},
                                                     {0, 0},                    {kDevices, kKg + 1}};
const char* const kCtxPath[] = {"", "/diagnostic", "/diagnostic/jurisdictions", "/territory", "/territory/levels",
                                "/footprint"};

struct Raw {
    std::string format, uid, insee, kind;
    std::array<bool, kKeyCount> seen{};   // member present (null included)
    std::array<bool, kKeyCount> null{};   // member present and null
    std::array<double, kKeyCount> num{};  // numeric members
    std::vector<int8_t> levels;
};

// A member name as a JSON Pointer token (RFC 6901: "~" is "~0", "/" is "~1").
std::string pointer_token(const std::string& key) {
    std::string out;
    for (const char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out.size() > 200 ? out.substr(0, 200) : out;
}

// Accepts every event: only whether the text is JSON, and where it stops being JSON.
struct SyntaxOnly final : SaxSink {
    bool syntax = false;
    size_t at = 0;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(Json::number_integer_t) override { return true; }
    bool number_unsigned(Json::number_unsigned_t) override { return true; }
    bool number_float(Json::number_float_t, const Json::string_t&) override { return true; }
    bool string(Json::string_t&) override { return true; }
    bool binary(Json::binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(Json::string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) override {
        syntax = true;
        at = position;
        return false;
    }
};

class SummarySax final : public SaxSink {
public:
    explicit SummarySax(Raw& raw) : raw_(raw) {}
    Err code = Err::OK;
    std::string pointer;
    Detail detail;
    bool syntax = false;
    size_t syntax_at = 0;

    bool null() {
        if (ctx() == Ctx::Levels) return level(-1);
        if (!value_ok()) return false;
        if (key_ <= kFootprint && key_ >= kDiagnostic) return set_null();
        if (key_ == kScore || key_ == kOverall) return set_null();
        return type_error();
    }
    bool boolean(bool) { return ctx() == Ctx::Levels ? level_type_error() : (value_ok() && type_error()); }
    bool number_integer(Json::number_integer_t v) { return number(static_cast<double>(v), true); }
    bool number_unsigned(Json::number_unsigned_t v) { return number(static_cast<double>(v), true); }
    bool number_float(Json::number_float_t v, const Json::string_t&) { return number(v, false); }
    bool string(Json::string_t& v) {
        if (ctx() == Ctx::Levels) return level_type_error();
        if (!value_ok()) return false;
        std::string* out = key_ == kFormat ? &raw_.format : key_ == kUid ? &raw_.uid : key_ == kInsee ? &raw_.insee
                         : key_ == kKind ? &raw_.kind : nullptr;
        if (!out) return type_error();
        if (v.size() > 64) return fail(Err::FIELD_VALUE, here(), v.substr(0, 64) + "…");
        *out = std::move(v);
        raw_.seen[key_] = true;
        key_ = kNoKey;
        return true;
    }
    bool binary(Json::binary_t&) { return fail(Err::FIELD_TYPE, here(), "JSON"); }
    bool start_object(std::size_t) {
        if (stack_n_ == 0) return push(Ctx::Root);
        if (ctx() == Ctx::Levels) return level_type_error();
        if (!value_ok()) return false;
        const Ctx next = key_ == kDiagnostic ? Ctx::Diagnostic : key_ == kTerritory ? Ctx::Territory
                       : key_ == kFootprint ? Ctx::Footprint : key_ == kJurisdictions ? Ctx::Jurisdictions : Ctx::Root;
        if (next == Ctx::Root) return type_error();
        raw_.seen[key_] = true;
        return push(next);
    }
    bool key(Json::string_t& k) {
        const auto [from, to] = kKeyRange[static_cast<size_t>(ctx())];
        for (uint8_t i = from; i < to; ++i) {
            if (k == kKeyNames[i]) {
                if (raw_.seen[i]) return fail(Err::FIELD_VALUE, path() + "/" + pointer_token(k), Msg::DETAIL_DUPLICATE_KEY);
                key_ = static_cast<Key>(i);
                return true;
            }
        }
        return fail(Err::SUMMARY_FIELD, path() + "/" + pointer_token(k), k.size() > 64 ? k.substr(0, 64) + "…" : k);
    }
    bool end_object() {
        --stack_n_;
        key_ = kNoKey;
        return true;
    }
    bool start_array(std::size_t) {
        if (stack_n_ == 0) return fail(Err::FIELD_TYPE, "", Msg::TYPE_OBJECT);
        if (ctx() == Ctx::Levels) return level_type_error();
        if (!value_ok()) return false;
        if (key_ != kLevels) return type_error();
        raw_.seen[kLevels] = true;
        return push(Ctx::Levels);
    }
    bool end_array() {
        --stack_n_;
        key_ = kNoKey;
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
        if (code == Err::OK) {
            syntax = true;
            syntax_at = position;
        }
        return false;
    }

private:
    Ctx ctx() const { return stack_n_ > 0 ? stack_[stack_n_ - 1] : Ctx::Root; }
    std::string path() const { return kCtxPath[static_cast<size_t>(ctx())]; }
    std::string here() const {
        if (ctx() == Ctx::Levels) return path() + "/" + std::to_string(raw_.levels.size());
        return key_ == kNoKey ? path() : path() + "/" + kKeyNames[key_];
    }
    bool fail(Err c, std::string p, Detail d) {
        code = c;
        pointer = std::move(p);
        detail = std::move(d);
        return false;
    }
    bool push(Ctx c) {
        if (stack_n_ >= 4) return fail(Err::FIELD_TYPE, here(), Msg::TYPE_VALUE);
        stack_[stack_n_++] = c;
        key_ = kNoKey;
        return true;
    }
    // A value where a member's value is expected (the root itself must be an object).
    bool value_ok() {
        if (stack_n_ == 0) return fail(Err::FIELD_TYPE, "", Msg::TYPE_OBJECT);
        return true;
    }
    bool type_error() {
        const Key k = key_;
        const Msg want = k == kFormat || k == kUid || k == kInsee || k == kKind ? Msg::TYPE_TEXT
                         : k == kDiagnostic || k == kTerritory || k == kFootprint || k == kJurisdictions ? Msg::TYPE_OBJECT
                         : k == kLevels ? Msg::TYPE_LIST : Msg::TYPE_NUMBER;
        return fail(Err::FIELD_TYPE, here(), want);
    }
    bool set_null() {
        raw_.seen[key_] = raw_.null[key_] = true;
        key_ = kNoKey;
        return true;
    }
    bool number(double v, bool integral) {
        if (ctx() == Ctx::Levels) {
            if (!integral) return level_type_error();
            if (v < 0 || v > 4) return fail(Err::FIELD_VALUE, here(), "0–4");
            return level(static_cast<int8_t>(v));
        }
        if (!value_ok()) return false;
        if (key_ == kNoKey || key_ == kFormat || key_ == kUid || key_ == kInsee || key_ == kKind ||
            key_ == kDiagnostic || key_ == kTerritory || key_ == kFootprint || key_ == kJurisdictions ||
            key_ == kLevels) {
            return type_error();
        }
        raw_.num[key_] = v;
        raw_.seen[key_] = true;
        key_ = kNoKey;
        return true;
    }
    bool level(int8_t v) {
        if (raw_.levels.size() >= 256) return fail(Err::TOO_MANY, "/territory/levels", "256");
        raw_.levels.push_back(v);
        return true;
    }
    bool level_type_error() { return fail(Err::FIELD_TYPE, here(), "0–4 / null"); }

    Raw& raw_;
    Ctx stack_[4] = {};
    size_t stack_n_ = 0;
    Key key_ = kNoKey;
};

bool is_whole(double v) { return v == std::floor(v); }
std::string num_text(double v) {
    return std::isfinite(v) && is_whole(v) && std::fabs(v) < 1e15 ? std::to_string(static_cast<long long>(v)) : Json(v).dump();
}
}  // namespace

Result<Summary> parse_summary_json(std::string_view text, const std::string& file) {
    if (text.size() > kSummaryMaxBytes) {
        return make_error(Err::FILE_TOO_BIG, {file}, "", std::to_string(kSummaryMaxBytes));
    }
    Raw raw;
    SummarySax sax(raw);
    const bool ok = sax_parse(text.data(), text.data() + text.size(), sax);
    JsonFields f(text, file);
    if (sax.code != Err::OK) {
        // The reader stopped at its first problem: if the text is not even JSON further on, that
        // is the error to report (and a JSON Pointer could not be placed in it).
        SyntaxOnly check;
        if (!sax_parse(text.data(), text.data() + text.size(), check) || check.syntax) {
            sax.syntax = true;
            sax.syntax_at = check.at;
        } else {
            f.fail(sax.code, sax.pointer, sax.detail);
            return f.error;
        }
    }
    if (sax.syntax || (!ok && sax.code == Err::OK)) {
        Location where;
        where.file = file;
        line_col(text, sax.syntax_at > 0 ? sax.syntax_at - 1 : 0, where.line, where.col);
        return make_error(Err::JSON_SYNTAX, where);
    }
    auto missing = [&](Key k, const char* at) {
        if (raw.seen[k] && !raw.null[k]) return false;
        f.fail(Err::FIELD_MISSING, std::string(at) + "/" + kKeyNames[k]);
        return true;
    };
    auto whole_in = [&](Key k, const char* at, double min, double max) {
        if (missing(k, at)) return false;
        const double v = raw.num[k];
        if (!std::isfinite(v) || v < min || v > max || !is_whole(v)) {
            return f.fail(Err::FIELD_WHOLE, std::string(at) + "/" + kKeyNames[k], num_text(min) + "–" + num_text(max));
        }
        return true;
    };
    const Grid& g = territory_grid();
    Summary s;
    if (missing(kFormat, "")) return f.error;
    if (raw.format != "proxinum-summary") {
        f.fail(Err::FIELD_VALUE, "/format", "proxinum-summary");
        return f.error;
    }
    if (missing(kVersion, "")) return f.error;
    if (raw.num[kVersion] != 1) {
        f.fail(Err::SUMMARY_VERSION, "/version", num_text(raw.num[kVersion]));
        return f.error;
    }
    if (missing(kUid, "") || missing(kInsee, "") || missing(kKind, "")) return f.error;
    if (!is_uid(raw.uid)) {
        f.fail(Err::FIELD_VALUE, "/uid", Msg::DETAIL_UID_HEX);
        return f.error;
    }
    if (!whole_in(kYear, "", kYearMin, kYearMax)) return f.error;
    if (raw.insee.size() != 5) {
        f.fail(Err::FIELD_VALUE, "/insee", Msg::DETAIL_INSEE_CODE);
        return f.error;
    }
    if (!org_kind_from_code(raw.kind, s.kind)) {
        f.fail(Err::FIELD_VALUE, "/kind", "tpe, association, commune, epci, departement, other");
        return f.error;
    }
    s.uid = std::move(raw.uid);
    s.insee = std::move(raw.insee);
    s.year = static_cast<int>(raw.num[kYear]);
    if (raw.seen[kDiagnostic] && !raw.null[kDiagnostic]) {
        const auto max_services = static_cast<double>(kWorkspaceMaxServices);
        if (!whole_in(kServices, "/diagnostic", 0, max_services)) return f.error;
        if (!raw.seen[kJurisdictions] || raw.null[kJurisdictions]) {
            f.fail(Err::FIELD_MISSING, "/diagnostic/jurisdictions");
            return f.error;
        }
        double sum = 0;
        for (size_t i = 0; i < kJurisdictionCount; ++i) {
            if (!whole_in(static_cast<Key>(kFr + i), "/diagnostic/jurisdictions", 0, max_services)) return f.error;
            s.jurisdictions[i] = static_cast<uint32_t>(raw.num[kFr + i]);
            sum += raw.num[kFr + i];
        }
        const double services = raw.num[kServices];
        if (sum != services) {
            f.fail(Err::SUMMARY_TOTALS, "/diagnostic/services",
                   std::to_string(static_cast<long long>(sum)) + " ≠ " + std::to_string(static_cast<long long>(services)));
            return f.error;
        }
        const bool score = raw.seen[kScore] && !raw.null[kScore];
        if (score && (!std::isfinite(raw.num[kScore]) || raw.num[kScore] < 0 || raw.num[kScore] > 100)) {
            f.fail(Err::FIELD_VALUE, "/diagnostic/score", "0–100");
            return f.error;
        }
        if (services == 0 && score) {
            f.fail(Err::SUMMARY_TOTALS, "/diagnostic/score", "services = 0");
            return f.error;
        }
        s.has_diagnostic = true;
        s.diagnostic_score_known = score;
        s.diagnostic_score = score ? raw.num[kScore] : 0;
        s.services = static_cast<uint32_t>(services);
    }
    if (raw.seen[kTerritory] && !raw.null[kTerritory]) {
        if (!raw.seen[kLevels]) {
            f.fail(Err::FIELD_MISSING, "/territory/levels");
            return f.error;
        }
        if (raw.levels.size() != g.subs.size()) {
            f.fail(Err::FIELD_COUNT, "/territory/levels", std::to_string(g.subs.size()));
            return f.error;
        }
        const bool overall = raw.seen[kOverall] && !raw.null[kOverall];
        double computed = 0;
        const bool known = overall_score(g, raw.levels.data(), computed);
        if (known != overall || (overall && !(std::fabs(raw.num[kOverall] - computed) <= 0.051))) {
            f.fail(Err::SUMMARY_TOTALS, "/territory/overall",
                   (overall ? Json(raw.num[kOverall]).dump() : "null") + " ≠ " +
                       (known ? Json(std::round(computed * 100) / 100).dump() : "null"));
            return f.error;
        }
        s.has_territory = true;
        s.levels = std::move(raw.levels);
        s.territory_known = known;
        s.territory_overall = computed;
    }
    if (raw.seen[kFootprint] && !raw.null[kFootprint]) {
        if (missing(kDevices, "/footprint") || missing(kKg, "/footprint")) return f.error;
        const double devices = raw.num[kDevices], kg = raw.num[kKg];
        if (!std::isfinite(devices) || devices < 0 || devices > kFleetMaxCount * static_cast<double>(kFleetMaxItems)) {
            f.fail(Err::FIELD_VALUE, "/footprint/devices", "0–2e8");
            return f.error;
        }
        if (!std::isfinite(kg) || kg < 0 || kg > 1e10) {
            f.fail(Err::FIELD_VALUE, "/footprint/kg_per_year", "0–1e10");
            return f.error;
        }
        if (devices == 0 && kg > 0) {
            f.fail(Err::SUMMARY_TOTALS, "/footprint/kg_per_year", "devices = 0");
            return f.error;
        }
        s.has_footprint = true;
        s.devices = devices;
        s.footprint_kg = kg;
    }
    return s;
}

const char* area_level_code(AreaLevel l) {
    switch (l) {
        case AreaLevel::All: return "all";
        case AreaLevel::Departement: return "departement";
        case AreaLevel::Epci: return "epci";
        case AreaLevel::Commune: return "commune";
    }
    return "all";
}

Error Aggregator::add(std::string_view text, const std::string& file) {
    if (rows_.size() >= kAggregateMaxFiles) {
        return make_error(Err::TOO_MANY, {file}, "", std::to_string(kAggregateMaxFiles));
    }
    Result<Summary> r = parse_summary_json(text, file);
    Summary s;
    if (r.get(s) != Err::OK) return r.error();
    const Atlas::Commune* c = atlas_.find_commune(s.insee);
    if (!c) {
        JsonFields f(text, file);
        f.fail(Err::COMMUNE_UNKNOWN, "/insee", s.insee);
        return f.error;
    }
    const auto [it, fresh] = uid_files_.emplace(s.uid, file);
    if (!fresh) {
        JsonFields f(text, file);
        f.fail(Err::SUMMARY_DUPLICATE, "/uid", it->second);
        return f.error;
    }
    rows_.push_back(Row{static_cast<uint32_t>(c - atlas_.communes.data()), std::move(s)});
    return Error{};
}

namespace {
void accumulate(AreaStats& a, const Summary& s) {
    ++a.count;
    if (s.has_diagnostic) {
        if (s.diagnostic_score_known) {
            ++a.diagnostic_count;
            a.diagnostic_sum += s.diagnostic_score;
        }
        a.services += s.services;
        for (size_t i = 0; i < kJurisdictionCount; ++i) a.jurisdictions[i] += s.jurisdictions[i];
    }
    if (s.has_territory) {
        if (s.territory_known) {
            ++a.territory_count;
            a.territory_sum += s.territory_overall;
        }
        for (const int8_t l : s.levels) {
            if (l >= 0) a.levels[static_cast<size_t>(l)] += 1;
        }
    }
    if (s.has_footprint) {
        ++a.footprint_count;
        a.footprint_kg += s.footprint_kg;
        a.devices += s.devices;
    }
}

struct Node {
    AreaStats stats;
    bool shown = false, secondary = false;
};
}  // namespace

Aggregate Aggregator::finish(int threshold) const {
    Aggregate out;
    out.threshold = threshold;
    out.contributions = static_cast<uint32_t>(rows_.size());
    const auto k = static_cast<uint32_t>(threshold);
    Node all;
    std::vector<Node> epcis(atlas_.epcis.size());
    std::unordered_map<uint32_t, Node> communes;
    for (const Row& r : rows_) {
        accumulate(all.stats, r.s);
        accumulate(communes[r.commune].stats, r.s);
        const int32_t e = atlas_.communes[r.commune].epci;
        if (e >= 0) accumulate(epcis[static_cast<size_t>(e)].stats, r.s);
    }
    all.shown = all.stats.count >= k;
    for (Node& e : epcis) e.shown = e.stats.count >= k;
    // Communes in a deterministic order (by atlas index), grouped by EPCI (-1: none).
    std::vector<uint32_t> order;
    order.reserve(communes.size());
    for (auto& [idx, node] : communes) {
        node.shown = node.stats.count >= k;
        order.push_back(idx);
    }
    std::sort(order.begin(), order.end());
    std::unordered_map<int32_t, std::vector<uint32_t>> by_epci;
    for (const uint32_t c : order) by_epci[atlas_.communes[c].epci].push_back(c);
    // 1. Inside each EPCI: the contributions not covered by its shown communes are 0 or ≥ k.
    for (auto& [e, members] : by_epci) {
        if (e < 0) continue;
        const uint32_t total = epcis[static_cast<size_t>(e)].stats.count;
        for (;;) {
            uint32_t covered = 0;
            Node* smallest = nullptr;
            for (const uint32_t c : members) {
                Node& n = communes[c];
                if (!n.shown) continue;
                covered += n.stats.count;
                if (!smallest || n.stats.count < smallest->stats.count) smallest = &n;
            }
            const uint32_t residual = total - covered;
            if (residual == 0 || residual >= k || !smallest) break;
            smallest->shown = false;
            smallest->secondary = true;
        }
    }
    // 2. For the whole: the maximal shown areas (shown EPCI, shown communes of masked EPCI or of
    //    none) must leave 0 or ≥ k contributions uncovered; mask the smallest, with all below it.
    for (;;) {
        uint32_t covered = 0;
        uint32_t smallest_count = 0;
        int32_t smallest_epci = -2;  // -2 none, -1 a commune, ≥ 0 an EPCI
        uint32_t smallest_commune = 0;
        for (auto& [e, members] : by_epci) {
            if (e >= 0 && epcis[static_cast<size_t>(e)].shown) {
                const uint32_t n = epcis[static_cast<size_t>(e)].stats.count;
                covered += n;
                if (smallest_epci == -2 || n < smallest_count) {
                    smallest_count = n;
                    smallest_epci = e;
                }
                continue;
            }
            for (const uint32_t c : members) {
                const Node& n = communes[c];
                if (!n.shown) continue;
                covered += n.stats.count;
                if (smallest_epci == -2 || n.stats.count < smallest_count) {
                    smallest_count = n.stats.count;
                    smallest_epci = -1;
                    smallest_commune = c;
                }
            }
        }
        const uint32_t residual = all.stats.count - covered;
        if (residual == 0 || residual >= k || smallest_epci == -2) break;
        if (smallest_epci >= 0) {
            epcis[static_cast<size_t>(smallest_epci)].shown = false;
            epcis[static_cast<size_t>(smallest_epci)].secondary = true;
            for (const uint32_t c : by_epci[smallest_epci]) {
                Node& n = communes[c];
                if (n.shown) n.secondary = true;
                n.shown = false;
            }
        } else {
            communes[smallest_commune].shown = false;
            communes[smallest_commune].secondary = true;
        }
    }
    // 3. The shown areas, with positions that reveal nothing: an EPCI's is the mean of ALL its
    //    member communes' positions, not of the contributing ones.
    if (all.shown) {
        Area a;
        a.level = AreaLevel::All;
        a.stats = all.stats;
        out.areas.push_back(a);
    } else if (all.stats.count > 0) {
        ++out.masked_areas[static_cast<size_t>(AreaLevel::All)];
    }
    std::vector<int32_t> epci_area(epcis.size(), -1);
    std::vector<double> epci_lon(epcis.size(), 0), epci_lat(epcis.size(), 0);
    std::vector<uint32_t> epci_placed(epcis.size(), 0);
    for (const Atlas::Commune& c : atlas_.communes) {
        if (c.epci >= 0 && c.placed() && epcis[static_cast<size_t>(c.epci)].shown) {
            epci_lon[static_cast<size_t>(c.epci)] += c.pos.lon_deg;
            epci_lat[static_cast<size_t>(c.epci)] += c.pos.lat_deg;
            ++epci_placed[static_cast<size_t>(c.epci)];
        }
    }
    for (size_t e = 0; e < epcis.size(); ++e) {
        if (epcis[e].stats.count == 0) continue;
        if (!epcis[e].shown) {
            ++out.masked_areas[static_cast<size_t>(AreaLevel::Epci)];
            out.masked_secondary += epcis[e].secondary;
            continue;
        }
        Area a;
        a.level = AreaLevel::Epci;
        a.code = atlas_.epcis[e].siren;
        a.name = atlas_.epcis[e].name;
        if (epci_placed[e] > 0) {
            a.placed = true;
            a.pos = {epci_lon[e] / epci_placed[e], epci_lat[e] / epci_placed[e]};
        }
        a.stats = epcis[e].stats;
        epci_area[e] = static_cast<int32_t>(out.areas.size());
        out.areas.push_back(a);
    }
    out.commune_area.assign(atlas_.communes.size(), -1);
    for (const uint32_t c : order) {
        const Node& n = communes.at(c);
        const Atlas::Commune& ac = atlas_.communes[c];
        if (!n.shown) {
            ++out.masked_areas[static_cast<size_t>(AreaLevel::Commune)];
            out.masked_secondary += n.secondary;
            if (ac.epci >= 0) out.commune_area[c] = epci_area[static_cast<size_t>(ac.epci)];
            continue;
        }
        Area a;
        a.level = AreaLevel::Commune;
        a.code = ac.code;
        a.name = std::string(atlas_.name(ac));
        a.placed = ac.placed();
        a.pos = ac.pos;
        a.stats = n.stats;
        out.commune_area[c] = static_cast<int32_t>(out.areas.size());
        out.areas.push_back(a);
    }
    return out;
}

namespace {
double round_to(double v, double unit) { return std::round(v / unit) * unit; }

Json stats_json(const AreaStats& s) {
    Json o = {{"count", s.count}};
    Json shares = Json::object();
    for (size_t i = 0; i < kJurisdictionCount; ++i) {
        shares[jurisdiction_code(static_cast<Jurisdiction>(i))] =
            s.services > 0 ? Json(round_to(s.jurisdictions[i] / s.services, 0.001)) : Json(nullptr);
    }
    o["diagnostic"] = {{"count", s.diagnostic_count},
                       {"mean_score", s.diagnostic_count ? Json(round_to(s.diagnostic_sum / s.diagnostic_count, 0.1)) : Json(nullptr)},
                       {"services", s.services},
                       {"jurisdiction_shares", shares}};
    double answered = 0;
    for (const double n : s.levels) answered += n;
    Json dist = Json::array();
    for (const double n : s.levels) dist.push_back(answered > 0 ? Json(round_to(n / answered, 0.001)) : Json(nullptr));
    o["territory"] = {{"count", s.territory_count},
                      {"mean_overall", s.territory_count ? Json(round_to(s.territory_sum / s.territory_count, 0.1)) : Json(nullptr)},
                      {"answers", answered},
                      {"level_shares", dist}};
    o["footprint"] = {{"count", s.footprint_count},
                      {"kg_per_year", round_to(s.footprint_kg, 0.01)},
                      {"devices", s.devices}};
    return o;
}
}  // namespace

std::string aggregate_json(const Aggregate& a, const std::vector<std::pair<std::string, Error>>& refused, Lang lang) {
    Json areas = Json::array();
    for (const Area& ar : a.areas) {
        Json o = {{"level", area_level_code(ar.level)}, {"code", ar.code}, {"name", ar.name}};
        o["position"] = ar.placed ? Json::array({Json(round_to(ar.pos.lon_deg, 1e-4)), Json(round_to(ar.pos.lat_deg, 1e-4))}) : Json(nullptr);
        o.update(stats_json(ar.stats));
        areas.push_back(o);
    }
    Json bad = Json::array();
    for (const auto& [file, e] : refused) bad.push_back({{"file", file}, {"error", format_error(e, lang)}});
    return Json{{"format", "proxinum-aggregate"},
                {"version", 1},
                {"threshold", a.threshold},
                {"contributions", a.contributions},
                {"refused", bad},
                {"masked", {{"all", a.masked_areas[0]}, {"epci", a.masked_areas[2]}, {"communes", a.masked_areas[3]},
                            {"secondary", a.masked_secondary}}},
                {"areas", areas}}
        .dump(2, ' ', false, Json::error_handler_t::replace);
}

std::string aggregate_csv(const Aggregate& a) {
    std::string out = "\xEF\xBB\xBF";  // UTF-8 BOM: spreadsheets then read the accents right
    out += "niveau;code;nom;contributions;diagnostics;score_moyen;part_services_fr;part_services_ue;"
           "part_services_us;part_services_autre;part_services_inconnue;autoevaluations;maturite_moyenne;"
           "niveau_0;niveau_1;niveau_2;niveau_3;niveau_4;empreintes;kgco2e_an;equipements\r\n";
    for (const Area& ar : a.areas) {
        const AreaStats& s = ar.stats;
        out += csv_cell(area_level_code(ar.level)) + ";" + csv_cell(ar.code) + ";" + csv_cell(ar.name) + ";" +
               std::to_string(s.count) + ";" + std::to_string(s.diagnostic_count) + ";" +
               (s.diagnostic_count ? csv_number(s.diagnostic_sum / s.diagnostic_count, 1) : "");
        for (size_t i = 0; i < kJurisdictionCount; ++i) {
            out += ";" + (s.services > 0 ? csv_number(s.jurisdictions[i] / s.services, 3) : "");
        }
        out += ";" + std::to_string(s.territory_count) + ";" +
               (s.territory_count ? csv_number(s.territory_sum / s.territory_count, 1) : "");
        double answered = 0;
        for (const double n : s.levels) answered += n;
        for (const double n : s.levels) out += ";" + (answered > 0 ? csv_number(n / answered, 3) : "");
        out += ";" + std::to_string(s.footprint_count) + ";" + csv_number(s.footprint_kg, 2) + ";" +
               csv_number(s.devices, 0) + "\r\n";
    }
    return out;
}

std::string aggregate_geojson(const Aggregate& a) {
    Json features = Json::array();
    for (const Area& ar : a.areas) {
        if (ar.level == AreaLevel::All || !ar.placed) continue;
        Json props = {{"level", area_level_code(ar.level)}, {"code", ar.code}, {"name", ar.name}};
        const AreaStats& s = ar.stats;
        props["contributions"] = s.count;
        props["score_moyen"] = s.diagnostic_count ? Json(round_to(s.diagnostic_sum / s.diagnostic_count, 0.1)) : Json(nullptr);
        for (size_t i = 0; i < kJurisdictionCount; ++i) {
            props[std::string("part_") + jurisdiction_code(static_cast<Jurisdiction>(i))] =
                s.services > 0 ? Json(round_to(s.jurisdictions[i] / s.services, 0.001)) : Json(nullptr);
        }
        props["maturite_moyenne"] = s.territory_count ? Json(round_to(s.territory_sum / s.territory_count, 0.1)) : Json(nullptr);
        props["kgco2e_an"] = round_to(s.footprint_kg, 0.01);
        features.push_back({{"type", "Feature"},
                            {"geometry", {{"type", "Point"},
                                          {"coordinates", Json::array({Json(round_to(ar.pos.lon_deg, 1e-5)), Json(round_to(ar.pos.lat_deg, 1e-5))})}}},
                            {"properties", props}});
    }
    return Json{{"type", "FeatureCollection"}, {"features", features}}.dump(1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace px
