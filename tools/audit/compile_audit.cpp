// compile_audit.cpp — the web audit's data, checked and compiled at build time.
//
//   compile_audit NODE_MODULES PSL_ASCII.txt DATA_AUDIT_DIR FACTS.json OUT.bin OUT_blob.cpp
//
// Reads:
//   - the Public Suffix List (Debian's publicsuffix, made ASCII by tools/audit/psl_ascii.py);
//   - third-party-web's dist/entities-nostats.json (npm, MIT): name, company, category, homepage
//     and domain patterns of 2,000-odd entities (examples, products and statistics are dropped);
//   - data/audit/supplement.json (the project's French supplement, self-hosted tools, hints);
//   - data/audit/companies.json (third-party-web company → provider id of the facts).
// (data/audit/methods.json, the methods' constants, has its own compiler: compile_methods.cpp.)
// Refuses to build on a schema error, an unsourced supplement entity or constant, a domain taken
// twice, a hint naming no known entity, or a company mapped to a provider the facts lack.
// Writes OUT.bin (the lazily loaded blob: core/audit/audit_data.h reads it) and the same blob as a
// C++ literal for the native build (OUT_blob.cpp).
// Does NOT fetch anything.
#include <cstdio>     // std::fprintf, std::rename
#include <cstdlib>    // std::exit
#include <fstream>    // std::ifstream, std::ofstream
#include <set>        // std::set
#include <sstream>    // std::stringstream
#include <string>     // std::string
#include <vector>     // std::vector

#include <nlohmann/json.hpp>

#include "core/audit/entities.h"
#include "core/json_read.h"
#include "tools/common/cpp_literal.h"

namespace {

using Json = nlohmann::json;

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "compile_audit: %s\n", message.c_str());
    std::exit(1);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) die("cannot read " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Json read_json(const std::string& path) {
    const std::string text = read_file(path);
    Json doc;
    px::Result<Json> r = px::parse_json(text, path);
    if (r.get(doc) != px::Err::OK) die(px::format_error(r.error(), px::Lang::Fr));
    return doc;
}

void write_atomic(const std::string& path, const std::string& bytes) {
    {
        std::ofstream out(path + ".tmp", std::ios::binary);
        out << bytes;
        if (!out) die("cannot write " + path);
    }
    if (std::rename((path + ".tmp").c_str(), path.c_str()) != 0) die("cannot rename " + path);
}

// A field of the blob: no tab, no newline (the blob's separators).
std::string field(const Json& v, const std::string& where, bool required = true) {
    if (v.is_null() && !required) return {};
    if (!v.is_string()) die(where + ": texte attendu");
    std::string s = v.get<std::string>();
    if (s.find_first_of("\t\n\r") != std::string::npos) die(where + ": tabulation ou saut de ligne interdit");
    if (required && s.empty()) die(where + ": vide");
    return s;
}

std::string get(const Json& obj, const char* key, const std::string& where, bool required = true) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) die(where + "/" + key + ": champ manquant");
        return {};
    }
    return field(*it, where + "/" + key, required);
}

bool is_date(const std::string& s) {
    return s.size() == 10 && s[4] == '-' && s[7] == '-';
}

const std::set<std::string> kCategories = {"ad", "analytics", "social", "video", "utility", "hosting",
                                           "marketing", "customer-success", "content", "cdn",
                                           "tag-manager", "consent-provider", "other"};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 7) die("usage: compile_audit NODE_MODULES PSL_ASCII DATA_AUDIT_DIR FACTS.json OUT.bin OUT_blob.cpp");
    const std::string node_modules = argv[1], psl_path = argv[2], dir = argv[3];
    std::ostringstream blob;
    blob << "proxinum-audit 1\n";

    // 1. The Public Suffix List.
    {
        const std::string psl = read_file(psl_path);
        size_t lines = 0;
        for (const char c : psl) {
            if (static_cast<unsigned char>(c) >= 0x80 || c == '\t') die(psl_path + ": octet non ASCII");
            lines += c == '\n';
        }
        if (lines < 5000) die(psl_path + ": liste trop courte");
        blob << "[psl] " << lines << '\n' << psl;
    }

    // 2. Entities: third-party-web, then the supplement (checked against each other by EntityDb).
    px::EntityDb db;
    std::set<std::string> names;
    std::ostringstream ents;
    size_t n_entities = 0;
    auto add = [&](const Json& e, const std::string& where, bool supplement) {
        px::Entity entity;
        entity.name = get(e, "name", where);
        entity.company = get(e, "company", where, false);
        entity.category = get(e, "category", where);
        entity.homepage = get(e, "homepage", where, false);
        if (!kCategories.count(entity.category)) die(where + "/category: catégorie inconnue " + entity.category);
        if (!names.insert(entity.name).second) die(where + "/name: nom déjà pris " + entity.name);
        std::vector<std::string> domains;
        for (const Json& d : e.at("domains")) {
            domains.push_back(field(d, where + "/domains"));
            if (domains.back().find(' ') != std::string::npos) die(where + "/domains: espace interdit");
        }
        if (supplement) {
            // The supplement must not shadow third-party-web: each of its domains unknown there.
            for (const std::string& d : domains) {
                const std::string host = d.rfind("*.", 0) == 0 ? d.substr(2) : d;
                if (const px::Entity* known = db.get_tpw_entity("https://" + host + "/")) {
                    die(where + "/domains: " + d + " est déjà chez third-party-web (" + known->name + ")");
                }
            }
            get(e, "source", where);
            if (!is_date(get(e, "checked", where))) die(where + "/checked: date AAAA-MM-JJ");
        }
        if (!db.add_entity(entity, domains, supplement)) die(where + "/domains: domaine déjà pris");
        ents << entity.name << '\t' << entity.company << '\t' << entity.category << '\t' << entity.homepage << '\t'
             << (supplement ? 'S' : 'T') << '\t';
        for (size_t i = 0; i < domains.size(); ++i) ents << (i ? " " : "") << domains[i];
        ents << '\n';
        ++n_entities;
    };
    const Json tpw = read_json(node_modules + "/third-party-web/dist/entities-nostats.json");
    for (size_t i = 0; i < tpw.size(); ++i) add(tpw[i], "third-party-web/" + std::to_string(i), false);
    const Json sup = read_json(dir + "/supplement.json");
    if (sup.value("format", "") != "proxinum-thirdparties" || sup.value("version", 0) != 1) {
        die("supplement.json: format proxinum-thirdparties v1 attendu");
    }
    const Json& sents = sup.at("entities");
    for (size_t i = 0; i < sents.size(); ++i) add(sents[i], "supplement.json/entities/" + std::to_string(i), true);
    blob << "[entities] " << n_entities << '\n' << ents.str();

    // 3. Self-hosted tools.
    const Json& self = sup.at("selfHosted");
    blob << "[selfhosted] " << self.size() << '\n';
    for (size_t i = 0; i < self.size(); ++i) {
        const std::string at = "supplement.json/selfHosted/" + std::to_string(i);
        const Json& s = self[i];
        blob << get(s, "name", at) << '\t' << get(s, "category", at) << '\t';
        const Json& paths = s.at("paths");
        for (size_t k = 0; k < paths.size(); ++k) {
            const std::string p = field(paths[k], at + "/paths");
            if (p[0] != '/' || p.find(' ') != std::string::npos) die(at + "/paths: chemin commençant par /");
            blob << (k ? " " : "") << p;
        }
        blob << '\t' << get(s, "fr", at) << '\t' << get(s, "en", at) << '\n';
    }

    // 4. Hints.
    const Json& hints = sup.at("hints");
    blob << "[hints] " << hints.size() << '\n';
    for (size_t i = 0; i < hints.size(); ++i) {
        const std::string at = "supplement.json/hints/" + std::to_string(i);
        const Json& h = hints[i];
        const std::string entity = get(h, "entity", at, false), category = get(h, "category", at, false);
        if (entity.empty() == category.empty()) die(at + ": entity OU category");
        if (!entity.empty() && !names.count(entity)) die(at + "/entity: entité inconnue " + entity);
        if (!category.empty() && !kCategories.count(category)) die(at + "/category: catégorie inconnue " + category);
        blob << entity << '\t' << category << '\t' << get(h, "fr", at) << '\t' << get(h, "en", at) << '\t'
             << get(h, "source", at) << '\n';
    }

    // 5. Companies → providers of the facts.
    const Json facts = read_json(argv[4]);
    std::set<std::string> provider_ids;
    for (const Json& p : facts.at("providers")) provider_ids.insert(p.at("id").get<std::string>());
    std::set<std::string> companies;
    for (size_t i = 0; i < db.size(); ++i) companies.insert(db.entity(i).company);
    const Json comp = read_json(dir + "/companies.json");
    const Json& list = comp.at("companies");
    blob << "[companies] " << list.size() << '\n';
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string at = "companies.json/companies/" + std::to_string(i);
        const std::string company = get(list[i], "company", at), provider = get(list[i], "provider", at);
        if (!companies.count(company)) die(at + "/company: société inconnue de third-party-web " + company);
        if (!provider_ids.count(provider)) die(at + "/provider: fournisseur absent des faits " + provider);
        blob << company << '\t' << provider << '\n';
    }

    const std::string bytes = blob.str();
    write_atomic(argv[5], bytes);
    std::ostringstream cpp;
    cpp << "// Generated by tools/audit/compile_audit.cpp. Do not edit.\n#include \"core/audit/audit_data.h\"\n\n"
           "namespace px {\nnamespace {\nconst char kAuditBlob[] =\n";
    px::tools::write_string_literal(cpp, bytes);
    cpp << ";\n}  // namespace\nconst char* embedded_audit_blob() { return kAuditBlob; }\n"
           "size_t embedded_audit_blob_size() { return " << bytes.size() << "; }\n}  // namespace px\n";
    write_atomic(argv[6], cpp.str());
    std::printf("compile_audit: %zu entities, %zu hints, %zu companies, %zu bytes\n", n_entities, hints.size(),
                list.size(), bytes.size());
    return 0;
}
