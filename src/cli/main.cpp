// main.cpp — the `proxinum` command line, over the same core as the web app.
//
// Contract every command keeps (tests/CMakeLists.txt checks it):
//   --help and --version print text; every other command prints JSON on stdout;
//   errors go to stderr as `proxinum: FILE:LINE:COL: message` (or `FILE:@BYTE`, or no location);
//   exit 0 on success, 1 for bad input, 2 for bad usage (unknown command or option).
// Messages are French unless LC_ALL / LC_MESSAGES / LANG starts with "en".
// Does NOT hold any logic of its own: parse arguments, call core, print.
#include <cerrno>   // errno
#include <clocale>  // std::setlocale
#include <cmath>    // std::round, std::isfinite
#include <cstdio>   // std::fputs, std::printf
#include <cstdlib>  // std::getenv, std::strtod
#include <string>   // std::string
#include <vector>   // std::vector

#include <nlohmann/json.hpp>

#include "core/credits.h"
#include "core/errors.h"
#include "core/geo.h"
#include "core/i18n.h"
#include "core/version.h"

namespace {

enum Exit : int { EXIT_OK = 0, EXIT_BAD_INPUT = 1, EXIT_BAD_USAGE = 2 };

px::Lang cli_lang() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(var);
        if (v != nullptr && v[0] != '\0') return px::lang_from_code(v);
    }
    return px::Lang::Fr;
}

const char* usage_text(px::Lang lang) {
    if (lang == px::Lang::En) {
        return "usage: proxinum COMMAND [ARGUMENTS]\n"
               "\n"
               "Proxinum measures how far an organisation's digital services depend on faraway\n"
               "platforms. Every command prints JSON on stdout; errors go to stderr.\n"
               "\n"
               "Commands:\n"
               "  project --crs EPSG:2154|EPSG:3857 LON LAT    WGS84 degrees to metres\n"
               "  unproject --crs EPSG:2154|EPSG:3857 X Y      metres to WGS84 degrees\n"
               "  distance LON1 LAT1 LON2 LAT2                 geodesic distance (WGS84)\n"
               "  sources        the software and data Proxinum uses, with their licences\n"
               "\n"
               "Options:\n"
               "  --help         this help\n"
               "  --version      the version\n"
               "\n"
               "Exit status: 0 success, 1 bad input, 2 bad usage.\n";
    }
    return "usage : proxinum COMMANDE [ARGUMENTS]\n"
           "\n"
           "Proxinum mesure combien les services numériques d'une organisation dépendent de\n"
           "plateformes lointaines. Chaque commande écrit du JSON sur la sortie standard ; les\n"
           "erreurs vont sur la sortie d'erreur.\n"
           "\n"
           "Commandes :\n"
           "  project --crs EPSG:2154|EPSG:3857 LON LAT    degrés WGS84 vers mètres\n"
           "  unproject --crs EPSG:2154|EPSG:3857 X Y      mètres vers degrés WGS84\n"
           "  distance LON1 LAT1 LON2 LAT2                 distance géodésique (WGS84)\n"
           "  sources        les logiciels et données qu'utilise Proxinum, avec leurs licences\n"
           "\n"
           "Options :\n"
           "  --help         cette aide\n"
           "  --version      la version\n"
           "\n"
           "Code de sortie : 0 succès, 1 entrée invalide, 2 mauvais usage.\n";
}

int fail(const px::Error& e, px::Lang lang, int code) {
    std::fprintf(stderr, "proxinum: %s\n", px::format_error(e, lang).c_str());
    return code;
}

// Bad usage: the error, then the whole usage for an unknown or missing command, else a hint.
int bad_usage(const px::Error& e, px::Lang lang) {
    fail(e, lang, EXIT_BAD_USAGE);
    if (e.code == px::Err::CLI_UNKNOWN_COMMAND ||
        (e.code == px::Err::CLI_MISSING_ARGUMENT && e.detail.rfind("COMMAND", 0) == 0)) {
        std::fputs(usage_text(lang), stderr);
    } else {
        std::fputs(lang == px::Lang::En ? "see: proxinum --help\n" : "voir : proxinum --help\n", stderr);
    }
    return EXIT_BAD_USAGE;
}

// Arguments of one command: positional values and --name value options, in any order. A value
// that starts with '-' followed by a digit or '.' is a (negative) number, not an option.
struct Args {
    std::vector<std::string> positional;
    std::vector<int> positional_argv;  // argv index of each positional, for error locations
    std::string crs;
    bool has_crs = false;
};

bool looks_like_option(const char* a) {
    return a[0] == '-' && !(a[1] >= '0' && a[1] <= '9') && a[1] != '.';
}

// Parses argv[first..]; returns false (after printing) on bad usage.
bool parse_args(int argc, char** argv, int first, bool accepts_crs, Args& out, px::Lang lang,
                int& exit_code) {
    for (int i = first; i < argc; ++i) {
        const std::string a = argv[i];
        if (accepts_crs && a == "--crs") {
            if (i + 1 >= argc) {
                exit_code = bad_usage(px::make_error(px::Err::CLI_MISSING_ARGUMENT, {}, {}, "--crs"), lang);
                return false;
            }
            out.crs = argv[++i];
            out.has_crs = true;
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
bool parse_number(const std::string& text, double& out) {
    if (text.empty()) return false;
    errno = 0;
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return errno == 0 && end == text.c_str() + text.size() && std::isfinite(out);
}

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
    if (!parse_args(argc, argv, 2, true, args, lang, rc)) return rc;
    if (!args.has_crs) {
        return bad_usage(px::make_error(px::Err::CLI_MISSING_ARGUMENT, {}, {}, "--crs"), lang);
    }
    px::geo::Crs crs;
    const px::Result<px::geo::Crs> crs_r = px::geo::crs_from_name(args.crs);
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
    if (!parse_args(argc, argv, 2, false, args, lang, rc)) return rc;
    std::vector<double> v;
    if (!numbers(args, 4, "LON1 LAT1 LON2 LAT2", v, lang, rc)) return rc;
    const px::Result<double> r = px::geo::distance_m({v[0], v[1]}, {v[2], v[3]});
    if (!r.ok()) return geo_fail(r.error(), lang);
    return print_json({{"meters", round_to(r.value(), 1e3)}});
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
    std::printf("%s\n", out.dump(2).c_str());
    return EXIT_OK;
}

}  // namespace

int main(int argc, char** argv) {
    std::setlocale(LC_NUMERIC, "C");  // '.' decimals whatever the user's locale
    const px::Lang lang = cli_lang();
    if (argc < 2) {
        return bad_usage(px::make_error(px::Err::CLI_MISSING_ARGUMENT, {}, {}, lang == px::Lang::En ? "COMMAND" : "COMMANDE"), lang);
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
