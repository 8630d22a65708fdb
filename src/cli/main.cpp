// main.cpp — the `proxinum` command line, over the same core as the web app.
//
// Contract every command keeps (tests/CMakeLists.txt checks it):
//   --help and --version print text; every other command prints JSON on stdout;
//   errors go to stderr as `proxinum: FILE:LINE:COL: message` (or `FILE:@BYTE`, or no location);
//   exit 0 on success, 1 for bad input, 2 for bad usage (unknown command or option).
// Messages are French unless LC_ALL / LC_MESSAGES / LANG starts with "en".
// Does NOT hold any logic of its own: parse arguments, call core, print.
#include <cstdio>   // std::fputs, std::printf
#include <cstdlib>  // std::getenv
#include <cstring>  // std::strcmp
#include <string>   // std::string

#include <nlohmann/json.hpp>

#include "core/credits.h"
#include "core/errors.h"
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

int bad_usage(const px::Error& e, px::Lang lang) {
    fail(e, lang, EXIT_BAD_USAGE);
    std::fputs(usage_text(lang), stderr);
    return EXIT_BAD_USAGE;
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
