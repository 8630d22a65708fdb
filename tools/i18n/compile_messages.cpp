// compile_messages.cpp — the interface's message catalog, checked and compiled.
//
//   compile_messages data/i18n/fr.json data/i18n/en.json OUT.inc [CLI_OUT.inc EN_OUT.bin]
//
// Each language is one data file, {"format": "proxinum-messages", "version": 1, "lang": "fr",
// "messages": {"ID": "text", …}}, that a translator can edit alone. This refuses an id that is not
// UPPER_SNAKE_CASE, an id missing from a language or found in one only, an empty text, and a text
// whose printf conversions (%s, %zu, %d, %.1f…) differ from the French one's — a wrong conversion
// would read the wrong argument at run time. It writes OUT.inc, one PX_MSG(ID, "fr", "en") line per
// message in the French file's order, which core/i18n.h turns into the enum and core/i18n.cpp
// into the table. With CLI_OUT.inc, the command line's own texts (ids starting with CLI_: its help)
// go there instead, so that the web app does not carry them. EN_OUT.bin holds OUT.inc's English
// texts alone, which the web app loads when English is chosen (core/i18n.h,
// load_english_messages): "proxinum-messages-en <count> <hash>\n" (the hash, of every id and text,
// is also PX_MESSAGES_HASH in OUT.inc), then each text ending in a NUL byte,
// in OUT.inc's order. Links nothing of Proxinum (px_core depends on its output).
#include <cstdint>    // uint64_t
#include <cstdio>     // std::fprintf, std::rename
#include <cstdlib>    // std::exit
#include <fstream>    // std::ifstream, std::ofstream
#include <sstream>    // std::ostringstream
#include <string>     // std::string
#include <vector>     // std::vector

#include <nlohmann/json.hpp>

#include "tools/common/cpp_literal.h"

namespace {

using Json = nlohmann::ordered_json;

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "compile_messages: %s\n", message.c_str());
    std::exit(1);
}

Json read_catalog(const char* path, const char* lang) {
    std::ifstream in(path, std::ios::binary);
    if (!in) die(std::string(path) + ": illisible");
    std::ostringstream ss;
    ss << in.rdbuf();
    Json doc = Json::parse(ss.str(), nullptr, false);
    if (!doc.is_object() || doc.value("format", "") != "proxinum-messages" || doc.value("version", 0) != 1) {
        die(std::string(path) + ": pas un catalogue proxinum-messages version 1");
    }
    if (doc.value("lang", "") != lang) die(std::string(path) + ": \"lang\" doit valoir \"" + lang + "\"");
    if (!doc.contains("messages") || !doc["messages"].is_object()) die(std::string(path) + ": \"messages\" manquant");
    for (auto it = doc["messages"].begin(); it != doc["messages"].end(); ++it) {
        const std::string& id = it.key();
        bool ok = !id.empty() && id[0] >= 'A' && id[0] <= 'Z';
        for (const char c : id) ok = ok && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
        if (!ok) die(std::string(path) + ": identifiant invalide « " + id + " » (MAJUSCULES_ET_CHIFFRES)");
        if (!it->is_string() || it->get<std::string>().empty()) die(std::string(path) + ": " + id + " : texte vide ou pas un texte");
    }
    return doc["messages"];
}

// The printf conversions of a text, in order: "%s", "%zu", "%.1f"…; "%%" is not one. A '%' that
// starts no conversion ("Poids (%)", a unit) is a literal percent sign, allowed only in a text with
// no conversion at all: such a text is never used as a printf format.
std::vector<std::string> conversions(const std::string& text) {
    std::vector<std::string> out;
    bool literal = false;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') continue;
        if (i + 1 < text.size() && text[i + 1] == '%') {
            ++i;
            continue;
        }
        size_t j = i + 1;
        while (j < text.size() && std::string("-+ #0123456789.*hlzjt").find(text[j]) != std::string::npos) ++j;
        if (j >= text.size() || std::string("diouxXeEfFgGaAcsp").find(text[j]) == std::string::npos) {
            literal = true;
            continue;
        }
        out.push_back(text.substr(i, j - i + 1));
        i = j;
    }
    if (literal && !out.empty()) die("« " + text + " » : un % seul dans un texte qui a des conversions (écrire %%)");
    return out;
}

}  // namespace

// FNV-1a, 64 bits: the catalog's identity, so that the web app never takes English texts made from
// another catalog (a cached messages-en.bin of an older release would shift every text).
uint64_t fnv1a(const std::string& bytes, uint64_t h = 0xcbf29ce484222325ull) {
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ull;
    }
    return h;
}

void write_inc(const std::ostringstream& out, const std::string& path) {
    const std::string tmp = path + ".tmp";
    std::ofstream o(tmp, std::ios::binary);
    o << out.str();
    o.close();
    if (!o || std::rename(tmp.c_str(), path.c_str()) != 0) die(path + ": écriture impossible");
}

int main(int argc, char** argv) {
    if (argc != 4 && argc != 6) die("usage : compile_messages fr.json en.json OUT.inc [CLI_OUT.inc EN_OUT.bin]");
    const bool split = argc == 6;
    const Json fr = read_catalog(argv[1], "fr");
    const Json en = read_catalog(argv[2], "en");
    for (auto it = en.begin(); it != en.end(); ++it) {
        if (!fr.contains(it.key())) die(std::string(argv[2]) + ": " + it.key() + " n'existe pas en français");
    }
    const char* const header = "// Generated by tools/i18n/compile_messages.cpp from data/i18n/*.json: do not edit.\n";
    std::ostringstream app, cli;
    std::string english;  // OUT.inc's English texts, each ending in a NUL byte
    size_t english_count = 0;
    uint64_t identity = fnv1a("proxinum-messages");  // over every id and both texts, in order
    app << header;
    cli << header;
    for (auto it = fr.begin(); it != fr.end(); ++it) {
        const std::string& id = it.key();
        if (!en.contains(id)) die(std::string(argv[2]) + ": " + id + " manque (traduction absente)");
        const std::string f = it->get<std::string>(), e = en[id].get<std::string>();
        if (conversions(f) != conversions(e)) die(id + " : les conversions % diffèrent entre le français et l'anglais");
        identity = fnv1a(e, fnv1a(f, fnv1a(id + '\0', identity)));
        const bool for_cli = split && id.rfind("CLI_", 0) == 0;
        std::ostringstream& out = for_cli ? cli : app;
        if (!for_cli) {
            if (e.find('\0') != std::string::npos) die(id + " : octet nul dans le texte anglais");
            english += e;
            english += '\0';
            ++english_count;
        }
        out << "PX_MSG(" << id << ", ";
        px::tools::write_string_literal(out, f);
        out << ", ";
        px::tools::write_string_literal(out, e);
        out << ")\n";
    }
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(identity));
    app << "#define PX_MESSAGES_HASH \"" << hash << "\"\n";  // the same at every inclusion
    write_inc(app, argv[3]);
    if (split) {
        write_inc(cli, argv[4]);
        std::ostringstream blob;
        blob << "proxinum-messages-en " << english_count << " " << hash << "\n" << english;
        write_inc(blob, argv[5]);
    }
    return 0;
}
