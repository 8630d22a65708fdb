// main.cpp — the `proxinum` command line, over the same core as the web app.
//
// Contract every command keeps (tests/CMakeLists.txt checks it):
//   --help and --version print text; every other command prints JSON on stdout;
//   errors go to stderr as `proxinum: FILE:LINE:COL: message` (or `FILE:@BYTE`, or no location);
//   exit 0 on success, 1 for bad input, 2 for bad usage (unknown command or option), 3 for a
//   partial success (`aggregate`: the indicators of the files it accepted on stdout, one line
//   per refused file on stderr).
// Messages are French unless LC_ALL / LC_MESSAGES / LANG starts with "en".
// Does NOT hold any logic of its own: parse arguments, call core, print.
#include <cerrno>   // errno
#include <clocale>  // std::setlocale
#include <cmath>    // std::round, std::isfinite
#include <cstdio>   // std::fputs, std::printf
#include <cstdlib>  // std::getenv, std::strtod
#include <cstring>  // std::strcmp
#include <ctime>    // std::time, std::localtime
#include <initializer_list>  // option lists
#include <fstream>  // std::ifstream
#include <map>      // std::map
#include <sstream>  // std::stringstream
#include <string>   // std::string
#include <vector>   // std::vector

#include <nlohmann/json.hpp>

#include "cli/cli_messages.h"
#include "core/atlas.h"
#include "core/atlas_embedded.h"
#include "core/audit/audit.h"
#include "core/audit/audit_data.h"
#include "core/audit/ecoindex.h"
#include "core/audit/har.h"
#include "core/catalog.h"
#include "core/catalog_import.h"
#include "core/facts.h"
#include "core/credits.h"
#include "core/errors.h"
#include "core/geo.h"
#include "core/i18n.h"
#include "core/numbers.h"
#include "core/places.h"
#include "core/report_doc.h"
#include "core/scoring.h"
#include "core/territory/assessment.h"
#include "core/territory/footprint.h"
#include "core/territory/grid.h"
#include "core/territory/summary.h"
#include "core/text.h"
#include "core/version.h"
#include "core/workspace.h"

namespace {

enum Exit : int { EXIT_OK = 0, EXIT_BAD_INPUT = 1, EXIT_BAD_USAGE = 2, EXIT_PARTIAL = 3 };

px::Lang cli_lang() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(var);
        if (v != nullptr && v[0] != '\0') return px::lang_from_code(v);
    }
    return px::Lang::Fr;
}

const char* usage_text(px::Lang lang) { return px::tr(px::CliMsg::CLI_HELP, lang); }

int fail(const px::Error& e, px::Lang lang, int code) {
    std::fprintf(stderr, "proxinum: %s\n", px::format_error(e, lang).c_str());
    return code;
}

// Bad usage: the error, then the whole usage for an unknown or missing command, else a hint.
int bad_usage(const px::Error& e, px::Lang lang) {
    fail(e, lang, EXIT_BAD_USAGE);
    if (e.code == px::Err::CLI_UNKNOWN_COMMAND ||
        (e.code == px::Err::CLI_MISSING_ARGUMENT && e.detail == px::tr(px::CliMsg::CLI_ARG_COMMAND, lang))) {
        std::fputs(usage_text(lang), stderr);
    } else {
        std::fputs(px::tr(px::CliMsg::CLI_SEE_HELP, lang), stderr);
    }
    return EXIT_BAD_USAGE;
}

// Arguments of one command: positional values and --name value options, in any order. A value
// that starts with '-' followed by a digit or '.' is a (negative) number, not an option.
struct Args {
    std::vector<std::string> positional;
    std::vector<int> positional_argv;       // argv index of each positional, for error locations
    std::map<std::string, std::string> options;  // "--crs" → "EPSG:2154"
    std::map<std::string, int> option_argv;       // "--crs" → argv index of its value
};

bool looks_like_option(const char* a) {
    return a[0] == '-' && !(a[1] >= '0' && a[1] <= '9') && a[1] != '.';
}

// Parses argv[first..] accepting the options named in `known` (each takes one value); returns
// false (after printing) on bad usage.
bool parse_args(int argc, char** argv, int first, std::initializer_list<const char*> known,
                Args& out, px::Lang lang, int& exit_code) {
    for (int i = first; i < argc; ++i) {
        const std::string a = argv[i];
        bool is_known = false;
        for (const char* k : known) is_known = is_known || a == k;
        if (is_known) {
            if (i + 1 >= argc) {
                exit_code = bad_usage(px::make_error(px::Err::CLI_MISSING_ARGUMENT, {}, {}, a), lang);
                return false;
            }
            out.options[a] = argv[++i];
            out.option_argv[a] = i;
        } else if (looks_like_option(argv[i])) {
            exit_code = bad_usage(px::make_error(px::Err::CLI_UNKNOWN_OPTION, {}, {}, a), lang);
            return false;
        } else {
            out.positional.push_back(a);
            out.positional_argv.push_back(i);
        }
    }
    return true;
}

px::Location arg_location(int argv_index) {
    px::Location where;
    where.file = "argument " + std::to_string(argv_index);  // the same word in both languages
    return where;
}

// A finite decimal number, the whole argument, with '.' as the decimal separator.
bool parse_number(const std::string& text, double& out) { return px::parse_number_arg(text, out); }

// Reads `count` numbers from the positional arguments; prints the error and returns false on
// bad input or a wrong count.
bool numbers(const Args& args, size_t count, const char* names, std::vector<double>& out,
             px::Lang lang, int& exit_code) {
    if (args.positional.size() != count) {
        exit_code = bad_usage(px::make_error(args.positional.size() < count
                                                 ? px::Err::CLI_MISSING_ARGUMENT
                                                 : px::Err::CLI_UNKNOWN_OPTION,
                                             {}, {},
                                             args.positional.size() < count
                                                 ? std::string(names)
                                                 : args.positional[count]),
                              lang);
        return false;
    }
    out.resize(count);
    for (size_t i = 0; i < count; ++i) {
        if (!parse_number(args.positional[i], out[i])) {
            exit_code = fail(px::make_error(px::Err::CLI_BAD_NUMBER,
                                            arg_location(args.positional_argv[i]), {},
                                            args.positional[i]),
                             lang, EXIT_BAD_INPUT);
            return false;
        }
    }
    return true;
}

// Rounds to 1/per_unit (per_unit = 1000 → millimetres), printing as the shortest decimal.
double round_to(double v, double per_unit) { return std::round(v * per_unit) / per_unit; }

int print_json(const nlohmann::json& j) {
    std::printf("%s\n", j.dump().c_str());
    return EXIT_OK;
}

int geo_fail(const px::Error& e, px::Lang lang) {
    return e.code == px::Err::GEO_UNKNOWN_CRS ? bad_usage(e, lang) : fail(e, lang, EXIT_BAD_INPUT);
}

// project / unproject --crs CRS A B
int cmd_project(int argc, char** argv, bool forward, px::Lang lang) {
    Args args;
    int rc = EXIT_OK;
    if (!parse_args(argc, argv, 2, {"--crs"}, args, lang, rc)) return rc;
    if (args.options.count("--crs") == 0) {
        return bad_usage(px::make_error(px::Err::CLI_MISSING_ARGUMENT, {}, {}, "--crs"), lang);
    }
    px::geo::Crs crs;
    const px::Result<px::geo::Crs> crs_r = px::geo::crs_from_name(args.options["--crs"]);
    if (!crs_r.ok()) return geo_fail(crs_r.error(), lang);
    crs = crs_r.value();
    std::vector<double> v;
    if (!numbers(args, 2, forward ? "LON LAT" : "X Y", v, lang, rc)) return rc;
    if (forward) {
        px::geo::Xy xy;
        const px::Result<px::geo::Xy> r = px::geo::project(crs, {v[0], v[1]});
        if (!r.ok()) return geo_fail(r.error(), lang);
        xy = r.value();
        return print_json({{"x", round_to(xy.x_m, 1e3)}, {"y", round_to(xy.y_m, 1e3)}});
    }
    const px::Result<px::geo::LonLat> r = px::geo::unproject(crs, {v[0], v[1]});
    if (!r.ok()) return geo_fail(r.error(), lang);
    return print_json({{"lon", round_to(r.value().lon_deg, 1e9)},
                       {"lat", round_to(r.value().lat_deg, 1e9)}});
}

// distance LON1 LAT1 LON2 LAT2
int cmd_distance(int argc, char** argv, px::Lang lang) {
    Args args;
    int rc = EXIT_OK;
    if (!parse_args(argc, argv, 2, {}, args, lang, rc)) return rc;
    std::vector<double> v;
    if (!numbers(args, 4, "LON1 LAT1 LON2 LAT2", v, lang, rc)) return rc;
    const px::Result<double> r = px::geo::distance_m({v[0], v[1]}, {v[2], v[3]});
    if (!r.ok()) return geo_fail(r.error(), lang);
    return print_json({{"meters", round_to(r.value(), 1e3)}});
}

// The atlas compiled into the CLI, decoded on first use.
const px::Atlas* atlas_or_fail(px::Lang lang, int& exit_code) {
    static px::Atlas atlas;
    static bool loaded = false;
    if (!loaded) {
        const px::Result<px::Atlas> r =
            px::decode_atlas(px::embedded_atlas_data(), px::embedded_atlas_size(), "atlas");
        if (!r.ok()) {
            exit_code = fail(r.error(), lang, EXIT_BAD_INPUT);
            return nullptr;
        }
        atlas = r.value();
        loaded = true;
    }
    return &atlas;
}

const char* source_key(px::PositionSource s) {
    switch (s) {
        case px::PositionSource::GeoNames: return "geonames";
        case px::PositionSource::BBoxCentre: return "extent-centre";
        case px::PositionSource::BBoxUnion: return "extents-union-centre";
        case px::PositionSource::PostalSiblings: return "postal-code-siblings";
        case px::PositionSource::EpciMembers: return "epci-members";
        case px::PositionSource::GeoNamesName: return "geonames-same-name";
        case px::PositionSource::TerritoryPlace: return "territory-place";
        case px::PositionSource::Unknown: break;
    }
    return nullptr;
}

nlohmann::json commune_json(const px::Atlas& a, const px::Atlas::Commune& c) {
    nlohmann::json j = {{"insee", c.code},
                        {"name", std::string(a.name(c))},
                        {"departement", a.departements[c.departement].code},
                        {"epci", c.epci >= 0 ? nlohmann::json(a.epcis[static_cast<size_t>(c.epci)].siren)
                                             : nlohmann::json(nullptr)},
                        {"population", c.population},
                        {"lon", nullptr},
                        {"lat", nullptr},
                        {"position", nullptr}};
    if (c.placed()) {
        j["lon"] = round_to(c.pos.lon_deg, 1e4);
        j["lat"] = round_to(c.pos.lat_deg, 1e4);
        j["position"] = source_key(c.source);
    }
    return j;
}

// geocode TEXT [--limit N]
int cmd_geocode(int argc, char** argv, px::Lang lang) {
    Args args;
    int rc = EXIT_OK;
    if (!parse_args(argc, argv, 2, {"--limit"}, args, lang, rc)) return rc;
    if (args.positional.empty()) {
        return bad_usage(px::make_error(px::Err::CLI_MISSING_ARGUMENT, {}, {}, px::tr(px::CliMsg::CLI_ARG_TEXT, lang)), lang);
    }
    std::string query;
    for (const std::string& p : args.positional) query += (query.empty() ? "" : " ") + p;
    double limit = 10;
    if (args.options.count("--limit") &&
        (!parse_number(args.options["--limit"], limit) || limit < 1 || limit > 100000 ||
         limit != std::floor(limit))) {
        return fail(px::make_error(px::Err::CLI_BAD_NUMBER, arg_location(args.option_argv["--limit"]),
                                   {}, args.options["--limit"]),
                    lang, EXIT_BAD_INPUT);
    }
    const px::Atlas* a = atlas_or_fail(lang, rc);
    if (a == nullptr) return rc;
    px::Places places;
    places.build(*a);
    std::vector<px::Places::Match> matches;
    places.search(query, static_cast<size_t>(limit), matches);
    if (matches.empty() && px::fold_for_search(query).empty()) {
        return fail(px::make_error(px::Err::SEARCH_EMPTY, {}, {}, query), lang, EXIT_BAD_INPUT);
    }
    nlohmann::json out = nlohmann::json::array();
    for (const px::Places::Match& m : matches) out.push_back(commune_json(*a, a->communes[m.commune]));
    return print_json(out);
}

// near --lon X --lat Y --km R
int cmd_near(int argc, char** argv, px::Lang lang) {
    Args args;
    int rc = EXIT_OK;
    if (!parse_args(argc, argv, 2, {"--lon", "--lat", "--km"}, args, lang, rc)) return rc;
    if (!args.positional.empty()) {
        return bad_usage(px::make_error(px::Err::CLI_UNKNOWN_OPTION, {}, {}, args.positional[0]), lang);
    }
    double v[3] = {};
    const char* names[3] = {"--lon", "--lat", "--km"};
    for (int i = 0; i < 3; ++i) {
        if (args.options.count(names[i]) == 0) {
            return bad_usage(px::make_error(px::Err::CLI_MISSING_ARGUMENT, {}, {}, names[i]), lang);
        }
        if (!parse_number(args.options[names[i]], v[i])) {
            return fail(px::make_error(px::Err::CLI_BAD_NUMBER, arg_location(args.option_argv[names[i]]),
                                       {}, args.options[names[i]]),
                        lang, EXIT_BAD_INPUT);
        }
    }
    const px::Result<px::geo::LonLat> p = px::geo::check_lonlat({v[0], v[1]});
    if (!p.ok()) return fail(p.error(), lang, EXIT_BAD_INPUT);
    if (v[2] < 0 || v[2] > 20040) {  // half the Earth's circumference
        return fail(px::make_error(px::Err::CLI_BAD_NUMBER, arg_location(args.option_argv["--km"]), {},
                                   args.options["--km"]),
                    lang, EXIT_BAD_INPUT);
    }
    const px::Atlas* a = atlas_or_fail(lang, rc);
    if (a == nullptr) return rc;
    px::Places places;
    places.build(*a);
    std::vector<px::geo::PointIndex::Hit> hits;
    places.near(p.value(), v[2] * 1000.0, hits);
    nlohmann::json out = nlohmann::json::array();
    for (const px::geo::PointIndex::Hit& h : hits) {
        nlohmann::json j = commune_json(*a, a->communes[h.index]);
        j["km"] = round_to(h.distance_m / 1000.0, 1e3);
        out.push_back(std::move(j));
    }
    return print_json(out);
}

// layer communes — the communes layer as GeoJSON (RFC 7946), for uMap, QGIS or a comparison.
int cmd_layer(int argc, char** argv, px::Lang lang) {
    if (argc < 3) return bad_usage(px::make_error(px::Err::CLI_MISSING_ARGUMENT, {}, {}, "communes"), lang);
    if (std::string(argv[2]) != "communes" || argc > 3) {
        return bad_usage(px::make_error(px::Err::CLI_UNKNOWN_OPTION, {}, {}, argv[argc > 3 ? 3 : 2]), lang);
    }
    int rc = EXIT_OK;
    const px::Atlas* a = atlas_or_fail(lang, rc);
    if (a == nullptr) return rc;
    nlohmann::json features = nlohmann::json::array();
    for (const px::Atlas::Commune& c : a->communes) {
        if (!c.placed()) continue;
        features.push_back({{"type", "Feature"},
                            {"geometry", {{"type", "Point"},
                                          {"coordinates", {round_to(c.pos.lon_deg, 1e4), round_to(c.pos.lat_deg, 1e4)}}}},
                            {"properties", {{"insee", c.code},
                                            {"name", std::string(a->name(c))},
                                            {"population", c.population},
                                            {"position", source_key(c.source)}}}});
    }
    return print_json({{"type", "FeatureCollection"}, {"features", std::move(features)}});
}

// A file's bytes, or FILE_UNREADABLE / FILE_TOO_BIG.
bool read_input(const std::string& path, std::string& out, px::Error& err) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        err = px::make_error(px::Err::FILE_UNREADABLE, {}, {}, path);
        return false;
    }
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(0, std::ios::beg);
    if (size < 0 || static_cast<size_t>(size) > px::kImportMaxBytes) {
        px::Location where;
        where.file = path;
        err = px::make_error(size < 0 ? px::Err::FILE_UNREADABLE : px::Err::FILE_TOO_BIG, where, {},
                             size < 0 ? path : std::to_string(px::kImportMaxBytes));
        return false;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

const px::Catalogs* facts_or_fail(px::Lang lang, int& exit_code) {
    static px::Catalogs catalogs;
    static bool loaded = false;
    if (!loaded) {
        px::Result<px::Catalog> r = px::builtin_catalog();
        px::Catalog c;
        if (r.get(c) != px::Err::OK) {
            exit_code = fail(r.error(), lang, EXIT_BAD_INPUT);
            return nullptr;
        }
        catalogs.add(std::move(c));
        loaded = true;
    }
    return &catalogs;
}

// Reads and parses the workspace at `path` (its text in `text_out` when given); false (rc set, error
// printed) when it cannot.
bool load_workspace(const std::string& path, px::Workspace& ws, px::Lang lang, int& rc, std::string* text_out = nullptr) {
    std::string text;
    px::Error err;
    if (!read_input(path, text, err)) {
        rc = fail(err, lang, EXIT_BAD_INPUT);
        return false;
    }
    px::Result<px::Workspace> r = px::parse_workspace_json(text, path);
    if (r.get(ws) != px::Err::OK) {
        rc = fail(r.error(), lang, EXIT_BAD_INPUT);
        return false;
    }
    if (text_out) *text_out = std::move(text);
    return true;
}

// Reads, checks and scores the workspace at `path`; false (rc set, error printed) when it cannot.
bool scored_workspace(const char* path, px::Lang lang, px::Workspace& ws, px::Report& report, const px::Atlas*& atlas, int& rc) {
    std::string text;
    if (!load_workspace(path, ws, lang, rc, &text)) return false;
    atlas = atlas_or_fail(lang, rc);
    const px::Catalogs* facts = atlas ? facts_or_fail(lang, rc) : nullptr;
    if (!facts) return false;
    const px::Error err = px::check_references(ws, *facts, atlas, text, path);
    if (err.code != px::Err::OK) {
        rc = fail(err, lang, EXIT_BAD_INPUT);
        return false;
    }
    report = px::score_workspace(ws, *facts, atlas, lang);
    return true;
}

int cmd_score(int argc, char** argv, px::Lang lang) {
    if (argc < 3) return bad_usage(px::make_error(px::Err::CLI_MISSING_ARGUMENT, {}, {}, px::tr(px::CliMsg::CLI_ARG_WORKSPACE, lang)), lang);
    if (argc > 3) return bad_usage(px::make_error(px::Err::CLI_UNKNOWN_OPTION, {}, {}, argv[3]), lang);
    px::Workspace ws;
    px::Report report;
    const px::Atlas* atlas = nullptr;
    int rc = EXIT_OK;
    if (!scored_workspace(argv[2], lang, ws, report, atlas, rc)) return rc;
    std::printf("%s\n", px::report_json(report, ws, lang).c_str());
    return EXIT_OK;
}

// The report for people: HTML (printable, the default), CSV (every contribution), JSON (= score) or
// GeoJSON (the map's flows and alternatives, for uMap and QGIS).
int cmd_report(int argc, char** argv, px::Lang lang) {
    Args args;
    int rc = EXIT_OK;
    if (!parse_args(argc, argv, 2, {"--format", "--date"}, args, lang, rc)) return rc;
    if (args.positional.size() != 1) {
        return bad_usage(px::make_error(args.positional.empty() ? px::Err::CLI_MISSING_ARGUMENT : px::Err::CLI_UNKNOWN_OPTION, {}, {},
                                        args.positional.empty() ? px::tr(px::CliMsg::CLI_ARG_WORKSPACE, lang)
                                                                : args.positional[1].c_str()),
                         lang);
    }
    const std::string format = args.options.count("--format") ? args.options["--format"] : "html";
    if (format != "html" && format != "csv" && format != "json" && format != "geojson") {
        return bad_usage(px::make_error(px::Err::CLI_UNKNOWN_OPTION, {}, {}, format), lang);
    }
    px::ReportDate date;
    if (args.options.count("--date")) {
        const std::string& d = args.options["--date"];
        char tail = 0;
        if (std::sscanf(d.c_str(), "%4d-%2d-%2d%c", &date.year, &date.month, &date.day, &tail) != 3 || d.size() != 10 ||
            date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) {
            return bad_usage(px::make_error(px::Err::CLI_BAD_DATE, {}, {}, d), lang);
        }
    } else {
        const std::time_t now = std::time(nullptr);
        std::tm local{};
        localtime_r(&now, &local);
        date = {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
    }
    px::Workspace ws;
    px::Report report;
    const px::Atlas* atlas = nullptr;
    if (!scored_workspace(args.positional[0].c_str(), lang, ws, report, atlas, rc)) return rc;
    std::string out;
    if (format == "json") {
        out = px::report_json(report, ws, lang) + "\n";
    } else if (format == "csv") {
        out = px::report_csv(report);
    } else if (format == "geojson") {
        out = px::overlay_geojson(px::report_overlay(report)) + "\n";
    } else {
        out = px::report_html(px::ReportDoc{&ws, &report, atlas, lang, date});
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return EXIT_OK;
}

int cmd_catalog(int argc, char** argv, px::Lang lang) {
    const std::string sub = argc > 2 ? argv[2] : "";
    int rc = EXIT_OK;
    if (sub == "facts" && argc == 3) {
        const px::Catalogs* facts = facts_or_fail(lang, rc);
        if (!facts) return rc;
        std::printf("%s\n", px::write_catalog_json(facts->list().front()).c_str());
        return EXIT_OK;
    }
    if (sub != "validate") {
        return bad_usage(px::make_error(sub.empty() ? px::Err::CLI_MISSING_ARGUMENT : px::Err::CLI_UNKNOWN_COMMAND, {}, {},
                                        sub.empty() ? "validate|facts" : sub), lang);
    }
    if (argc < 4) return bad_usage(px::make_error(px::Err::CLI_MISSING_ARGUMENT, {}, {}, px::tr(px::CliMsg::CLI_ARG_FILE, lang)), lang);
    if (argc > 4) return bad_usage(px::make_error(px::Err::CLI_UNKNOWN_OPTION, {}, {}, argv[4]), lang);
    std::string bytes;
    px::Error err;
    if (!read_input(argv[3], bytes, err)) return fail(err, lang, EXIT_BAD_INPUT);
    const px::Atlas* atlas = atlas_or_fail(lang, rc);
    if (!atlas) return rc;
    const px::CatalogImport imp = px::import_catalog(bytes, argv[3], atlas);
    if (!imp.ok()) {
        for (const px::Error& e : imp.errors) fail(e, lang, EXIT_BAD_INPUT);
        return EXIT_BAD_INPUT;
    }
    static const char* const kFormats[] = {"json", "csv", "geojson"};
    const nlohmann::json out = {{"valid", true},
                                {"format", kFormats[static_cast<int>(imp.format)]},
                                {"name", imp.catalog.name},
                                {"providers", imp.catalog.providers.size()},
                                {"example", imp.catalog.example}};
    return print_json(out);
}

int cmd_sources(px::Lang lang) {
    nlohmann::json out = nlohmann::json::array();
    for (const px::Credit& c : px::credits()) {
        out.push_back({{"name", c.name},
                       {"version", c.version},
                       {"licence", c.licence},
                       {"holder", c.holder},
                       {"source", c.url},
                       {"role", c.role(lang)},
                       {"shipped", c.kind == px::CreditKind::Shipped}});
    }
    int rc = EXIT_OK;
    if (const px::Atlas* a = atlas_or_fail(lang, rc)) {
        for (const px::Attribution& d : a->attributions) {
            out.push_back({{"name", d.name},
                           {"licence", d.licence},
                           {"holder", d.holder},
                           {"source", d.url},
                           {"role", lang == px::Lang::En ? d.role_en : d.role_fr},
                           {"shipped", true},
                           {"data", true}});
        }
    } else {
        return rc;
    }
    std::printf("%s\n", out.dump(2).c_str());
    return EXIT_OK;
}


// [SECTION] Web audit ------------------------------------------------------------------------

// Removes a value-less flag ("--green") from argv; true when it was there.
bool take_flag(int& argc, char** argv, const char* flag) {
    bool found = false;
    int w = 0;
    for (int i = 0; i < argc; ++i) {
        if (i >= 2 && std::strcmp(argv[i], flag) == 0) {
            found = true;
            continue;
        }
        argv[w++] = argv[i];
    }
    argc = w;
    return found;
}

const px::AuditData* audit_data_or_fail(px::Lang lang, int& exit_code) {
    static px::AuditData data;
    static bool loaded = false;
    if (!loaded) {
        const px::Error e = px::decode_audit_data(px::embedded_audit_blob(), px::embedded_audit_blob_size(), "audit.bin", data);
        if (e.code != px::Err::OK) {
            exit_code = fail(e, lang, EXIT_BAD_INPUT);
            return nullptr;
        }
        loaded = true;
    }
    return &data;
}

// A number option: finite, within [min, max]; prints the error and returns false otherwise.
bool number_option(const Args& args, const char* name, double min, double max, double& out, px::Lang lang,
                   int& exit_code, bool required) {
    const auto it = args.options.find(name);
    if (it == args.options.end()) {
        if (required) exit_code = bad_usage(px::make_error(px::Err::CLI_MISSING_ARGUMENT, {}, {}, name), lang);
        return !required;
    }
    if (!parse_number(it->second, out) || out < min || out > max) {
        exit_code = fail(px::make_error(px::Err::CLI_BAD_NUMBER, arg_location(args.option_argv.at(name)), {},
                                        it->second),
                         lang, EXIT_BAD_INPUT);
        return false;
    }
    return true;
}

int cmd_audit(int argc, char** argv, px::Lang lang) {
    px::AuditOptions opt;
    opt.green = take_flag(argc, argv, "--green");
    Args args;
    int rc = EXIT_OK;
    if (!parse_args(argc, argv, 2, {"--dom", "--ours"}, args, lang, rc)) return rc;
    if (args.positional.size() != 1) {
        return bad_usage(px::make_error(args.positional.empty() ? px::Err::CLI_MISSING_ARGUMENT : px::Err::CLI_UNKNOWN_OPTION,
                                        {}, {}, args.positional.empty() ? "FILE.har" : args.positional[1]),
                         lang);
    }
    double dom = 0;
    if (args.options.count("--dom")) {
        if (!number_option(args, "--dom", 0, 1e9, dom, lang, rc, true)) return rc;
        opt.dom = dom;
    }
    if (args.options.count("--ours")) {
        const std::string& list = args.options["--ours"];
        size_t start = 0;
        while (start <= list.size()) {
            const size_t comma = list.find(',', start);
            const std::string d = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (!d.empty()) opt.ours.push_back(d);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    const std::string path = args.positional[0];
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(px::make_error(px::Err::FILE_UNREADABLE, {}, {}, path), lang, EXIT_BAD_INPUT);
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(0, std::ios::beg);
    px::HarReader reader(path, size > 0 ? static_cast<uint64_t>(size) : 0);
    std::vector<char> chunk(1 << 20);
    while (reader.ok() && in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const std::streamsize got = in.gcount();
        if (got <= 0) break;
        reader.feed(chunk.data(), static_cast<size_t>(got));
    }
    if (!reader.ok() || !reader.finish()) return fail(reader.error(), lang, EXIT_BAD_INPUT);
    const px::Har har = reader.take();
    const px::Atlas* atlas = atlas_or_fail(lang, rc);
    const px::Catalogs* facts = atlas ? facts_or_fail(lang, rc) : nullptr;
    const px::AuditData* data = facts ? audit_data_or_fail(lang, rc) : nullptr;
    if (!data) return rc;
    px::Audit audit = px::audit_har(har, *data, *facts, atlas, opt);
    audit.file = path;
    std::printf("%s\n", px::audit_json(audit, lang).c_str());
    return EXIT_OK;
}

int cmd_ecoindex(int argc, char** argv, px::Lang lang) {
    Args args;
    int rc = EXIT_OK;
    if (!parse_args(argc, argv, 2, {"--dom", "--requests", "--size-kb"}, args, lang, rc)) return rc;
    if (!args.positional.empty()) return bad_usage(px::make_error(px::Err::CLI_UNKNOWN_OPTION, {}, {}, args.positional[0]), lang);
    double dom = 0, req = 0, kb = 0;
    if (!number_option(args, "--dom", 0, 1e9, dom, lang, rc, true) ||
        !number_option(args, "--requests", 0, 1e9, req, lang, rc, true) ||
        !number_option(args, "--size-kb", 0, 1e12, kb, lang, rc, true)) {
        return rc;
    }
    std::printf("%s\n", px::ecoindex_json(px::ecoindex(dom, req, kb)).c_str());
    return EXIT_OK;
}

int cmd_co2(int argc, char** argv, px::Lang lang) {
    const bool green = take_flag(argc, argv, "--green");
    Args args;
    int rc = EXIT_OK;
    if (!parse_args(argc, argv, 2, {"--bytes"}, args, lang, rc)) return rc;
    if (!args.positional.empty()) return bad_usage(px::make_error(px::Err::CLI_UNKNOWN_OPTION, {}, {}, args.positional[0]), lang);
    double bytes = 0;
    if (!number_option(args, "--bytes", 0, 1e18, bytes, lang, rc, true)) return rc;
    std::printf("%s\n", px::co2_json(px::swd_grams_per_visit(bytes, green), green).c_str());
    return EXIT_OK;
}

// One URL: one JSON object; several: one object per line.
int cmd_entity(int argc, char** argv, px::Lang lang) {
    if (argc < 3) return bad_usage(px::make_error(px::Err::CLI_MISSING_ARGUMENT, {}, {}, "URL"), lang);
    int rc = EXIT_OK;
    const px::AuditData* data = audit_data_or_fail(lang, rc);
    if (!data) return rc;
    for (int i = 2; i < argc; ++i) {
        const px::Entity* e = data->entities.get_entity(argv[i]);
        nlohmann::ordered_json j;
        if (!e) {
            j["entity"] = nullptr;
        } else {
            j["entity"] = e->name;
            j["company"] = e->company;
            j["category"] = e->category;
            if (e->supplement) j["source"] = "proxinum";
        }
        std::printf("%s\n", j.dump().c_str());
    }
    return EXIT_OK;
}

// A workspace, or a file of the kind `format` names ("proxinum-assessment", "proxinum-fleet"):
// which one it is, from its "format" member (a parse error is reported by the specific reader).
bool is_workspace_text(const std::string& text) {
    const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    return doc.is_object() && doc.value("format", "") == "proxinum-workspace";
}


// An assessment from an assessment file, or a workspace's latest one.
bool load_assessment(const std::string& path, px::Assessment& out, px::Lang lang, int& rc) {
    std::string text;
    px::Error err;
    if (!read_input(path, text, err)) {
        rc = fail(err, lang, EXIT_BAD_INPUT);
        return false;
    }
    if (is_workspace_text(text)) {
        px::Workspace ws;
        if (!load_workspace(path, ws, lang, rc)) return false;
        if (ws.assessments.empty()) {
            px::Location where;
            where.file = path;
            rc = fail(px::make_error(px::Err::FIELD_MISSING, where, "/assessments"), lang, EXIT_BAD_INPUT);
            return false;
        }
        out = ws.assessments.back();
        return true;
    }
    px::Result<px::Assessment> r = px::parse_assessment_json(text, path);
    if (r.get(out) != px::Err::OK) {
        rc = fail(r.error(), lang, EXIT_BAD_INPUT);
        return false;
    }
    return true;
}

int cmd_territory(int argc, char** argv, px::Lang lang) {
    const std::string sub = argc > 2 ? argv[2] : "";
    const px::Grid& g = px::territory_grid();
    if (sub == "grid") {
        if (argc > 3) return bad_usage(px::make_error(px::Err::CLI_UNKNOWN_OPTION, {}, {}, argv[3]), lang);
        std::printf("%s\n", px::grid_json(g, lang).c_str());
        return EXIT_OK;
    }
    if (sub != "score") {
        return bad_usage(px::make_error(sub.empty() ? px::Err::CLI_MISSING_ARGUMENT : px::Err::CLI_UNKNOWN_COMMAND, {}, {},
                                        sub.empty() ? "grid|score" : sub),
                         lang);
    }
    Args args;
    int rc = EXIT_OK;
    if (!parse_args(argc, argv, 3, {"--compare"}, args, lang, rc)) return rc;
    if (args.positional.size() != 1) {
        return bad_usage(px::make_error(args.positional.empty() ? px::Err::CLI_MISSING_ARGUMENT : px::Err::CLI_UNKNOWN_OPTION,
                                        {}, {}, args.positional.empty() ? "FILE" : args.positional[1]),
                         lang);
    }
    px::Assessment a;
    if (!load_assessment(args.positional[0], a, lang, rc)) return rc;
    nlohmann::json out = px::territory_score_to_json(g, a, px::score_assessment(g, a), lang);
    if (args.options.count("--compare")) {
        px::Assessment before;
        if (!load_assessment(args.options["--compare"], before, lang, rc)) return rc;
        out["comparison"] = px::comparison_to_json(g, before, a, px::compare_assessments(g, before, a), lang);
    }
    return print_json(out);
}

int cmd_footprint(int argc, char** argv, px::Lang lang) {
    if (argc < 3) return bad_usage(px::make_error(px::Err::CLI_MISSING_ARGUMENT, {}, {}, px::tr(px::CliMsg::CLI_ARG_FILE, lang)), lang);
    if (argc > 3) return bad_usage(px::make_error(px::Err::CLI_UNKNOWN_OPTION, {}, {}, argv[3]), lang);
    std::string text;
    px::Error err;
    if (!read_input(argv[2], text, err)) return fail(err, lang, EXIT_BAD_INPUT);
    px::Fleet fleet;
    int rc = EXIT_OK;
    if (is_workspace_text(text)) {
        px::Workspace ws;
        if (!load_workspace(argv[2], ws, lang, rc)) return rc;
        fleet = ws.fleet;
    } else {
        px::Result<px::Fleet> r = px::parse_fleet_json(text, argv[2]);
        if (r.get(fleet) != px::Err::OK) return fail(r.error(), lang, EXIT_BAD_INPUT);
    }
    return print_json(px::footprint_to_json(px::compute_footprint(fleet), lang));
}

int cmd_summary(int argc, char** argv, px::Lang lang) {
    const bool new_uid = take_flag(argc, argv, "--new-uid");
    Args args;
    int rc = EXIT_OK;
    if (!parse_args(argc, argv, 2, {"--year"}, args, lang, rc)) return rc;
    if (args.positional.size() != 1) {
        return bad_usage(px::make_error(args.positional.empty() ? px::Err::CLI_MISSING_ARGUMENT : px::Err::CLI_UNKNOWN_OPTION,
                                        {}, {}, args.positional.empty() ? "WORKSPACE.json" : args.positional[1]),
                         lang);
    }
    const std::string path = args.positional[0];
    std::string text;
    px::Error err;
    if (!read_input(path, text, err)) return fail(err, lang, EXIT_BAD_INPUT);
    px::Workspace ws;
    px::Result<px::Workspace> r = px::parse_workspace_json(text, path);
    if (r.get(ws) != px::Err::OK) return fail(r.error(), lang, EXIT_BAD_INPUT);
    const std::time_t now = std::time(nullptr);
    double year = std::localtime(&now)->tm_year + 1900;
    if (!args.options.count("--year") && !ws.assessments.empty()) year = ws.assessments.back().year;
    if (!number_option(args, "--year", px::kYearMin, px::kYearMax, year, lang, rc, false)) return rc;
    const px::Atlas* atlas = atlas_or_fail(lang, rc);
    const px::Catalogs* facts = atlas ? facts_or_fail(lang, rc) : nullptr;
    if (!facts) return rc;
    if (ws.organisation.insee.empty()) {
        px::Location where;
        where.file = path;
        return fail(px::make_error(px::Err::FIELD_MISSING, where, "/organisation/insee"), lang, EXIT_BAD_INPUT);
    }
    err = px::check_references(ws, *facts, atlas, text, path);
    if (err.code != px::Err::OK) return fail(err, lang, EXIT_BAD_INPUT);
    if (ws.uid.empty()) {
        if (!new_uid) {
            px::Location where;
            where.file = path;
            return fail(px::make_error(px::Err::SUMMARY_NO_UID, where, "/uid"), lang, EXIT_BAD_INPUT);
        }
        ws.uid = px::random_uid();
    }
    const px::Report report = px::score_workspace(ws, *facts, atlas, lang);
    const px::Summary s = px::make_summary(ws, &report, ws.uid, static_cast<int>(year));
    std::printf("%s\n", px::write_summary_json(s).c_str());
    return EXIT_OK;
}

int cmd_aggregate(int argc, char** argv, px::Lang lang) {
    Args args;
    int rc = EXIT_OK;
    if (!parse_args(argc, argv, 2, {"--format", "--threshold"}, args, lang, rc)) return rc;
    if (args.positional.empty()) {
        return bad_usage(px::make_error(px::Err::CLI_MISSING_ARGUMENT, {}, {}, px::tr(px::CliMsg::CLI_ARG_SUMMARY, lang)), lang);
    }
    const std::string format = args.options.count("--format") ? args.options["--format"] : "json";
    if (format != "json" && format != "csv" && format != "geojson") {
        return bad_usage(px::make_error(px::Err::CLI_UNKNOWN_OPTION, {}, {}, format), lang);
    }
    double threshold = px::kMaskThreshold;
    if (!number_option(args, "--threshold", px::kMaskThreshold, 1e6, threshold, lang, rc, false)) return rc;
    const px::Atlas* atlas = atlas_or_fail(lang, rc);
    if (!atlas) return rc;
    px::Aggregator agg(*atlas);
    std::vector<std::pair<std::string, px::Error>> refused;
    for (const std::string& path : args.positional) {
        std::string text;
        px::Error err;
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            err = px::make_error(px::Err::FILE_UNREADABLE, {}, {}, path);
        } else {
            in.seekg(0, std::ios::end);
            const std::streamoff size = in.tellg();
            in.seekg(0, std::ios::beg);
            if (size < 0 || static_cast<size_t>(size) > px::kSummaryMaxBytes) {
                px::Location where;
                where.file = path;
                err = px::make_error(px::Err::FILE_TOO_BIG, where, {}, std::to_string(px::kSummaryMaxBytes));
            } else {
                std::stringstream ss;
                ss << in.rdbuf();
                err = agg.add(ss.str(), path);
            }
        }
        if (err.code != px::Err::OK) {
            fail(err, lang, EXIT_BAD_INPUT);
            refused.emplace_back(path, err);
        }
    }
    if (!refused.empty() && agg.accepted() == 0) return EXIT_BAD_INPUT;  // nothing to show: stdout stays empty
    const px::Aggregate a = agg.finish(static_cast<int>(threshold));
    if (format == "csv") {
        const std::string csv = px::aggregate_csv(a);
        std::fwrite(csv.data(), 1, csv.size(), stdout);
    } else if (format == "geojson") {
        std::printf("%s\n", px::aggregate_geojson(a).c_str());
    } else {
        std::printf("%s\n", px::aggregate_json(a, refused, lang).c_str());
    }
    return refused.empty() ? EXIT_OK : EXIT_PARTIAL;
}

}  // namespace

int main(int argc, char** argv) {
    std::setlocale(LC_NUMERIC, "C");  // '.' decimals whatever the user's locale
    const px::Lang lang = cli_lang();
    if (argc < 2) {
        return bad_usage(px::make_error(px::Err::CLI_MISSING_ARGUMENT, {}, {}, px::tr(px::CliMsg::CLI_ARG_COMMAND, lang)), lang);
    }
    const std::string cmd = argv[1];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
        std::fputs(usage_text(lang), stdout);
        return EXIT_OK;
    }
    if (cmd == "--version") {
        std::printf("proxinum %s\n", px::version());
        return EXIT_OK;
    }
    if (cmd == "project" || cmd == "unproject") {
        return cmd_project(argc, argv, cmd == "project", lang);
    }
    if (cmd == "distance") return cmd_distance(argc, argv, lang);
    if (cmd == "geocode") return cmd_geocode(argc, argv, lang);
    if (cmd == "near") return cmd_near(argc, argv, lang);
    if (cmd == "layer") return cmd_layer(argc, argv, lang);
    if (cmd == "score") return cmd_score(argc, argv, lang);
    if (cmd == "report") return cmd_report(argc, argv, lang);
    if (cmd == "catalog") return cmd_catalog(argc, argv, lang);
    if (cmd == "audit") return cmd_audit(argc, argv, lang);
    if (cmd == "ecoindex") return cmd_ecoindex(argc, argv, lang);
    if (cmd == "co2") return cmd_co2(argc, argv, lang);
    if (cmd == "entity") return cmd_entity(argc, argv, lang);
    if (cmd == "territory") return cmd_territory(argc, argv, lang);
    if (cmd == "footprint") return cmd_footprint(argc, argv, lang);
    if (cmd == "summary") return cmd_summary(argc, argv, lang);
    if (cmd == "aggregate") return cmd_aggregate(argc, argv, lang);
    if (cmd == "sources") {
        if (argc > 2) {
            return bad_usage(px::make_error(px::Err::CLI_UNKNOWN_OPTION, {}, {}, argv[2]), lang);
        }
        return cmd_sources(lang);
    }
    const px::Err id = cmd.rfind("-", 0) == 0 ? px::Err::CLI_UNKNOWN_OPTION
                                              : px::Err::CLI_UNKNOWN_COMMAND;
    return bad_usage(px::make_error(id, {}, {}, cmd), lang);
}
