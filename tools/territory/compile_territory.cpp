// compile_territory.cpp — the territory lens's data, checked and compiled.
//
//   compile_territory GRID.json FOOTPRINT.json ACV_PACKAGE_DIR OUT_DATA.cpp OUT_TEXTS.json OUT_TEXTS.cpp
//
// OUT_DATA.cpp (both builds): the grid's structure (ids, indicators; no text) and the footprint
// factors. OUT_TEXTS.json: the whole grid, minified — the web app fetches it when it needs the
// words (it is not part of the first load). OUT_TEXTS.cpp: the same text for the native build.
//
// grid.json: the manifesto's 3 ambitions, 9 commitments and their sub-commitments, each with five
// maturity levels, an evidence note and maybe an indicator, in French and English. This refuses a
// grid with a missing translation, an id out of order, a level missing, an indicator id used
// twice or an unknown unit, and writes it minified.
// footprint.json maps each kind of device to a rule of @incubateur-ademe/publicodes-acv-numerique
// (npm, MIT); the figures are read from the package's model at the version footprint.json pins
// (another version installed fails the build), never copied into the repository.
// Links nothing of Proxinum (px_core depends on its output).
#include <cstdio>    // std::fprintf, std::rename
#include <cstdlib>   // std::exit
#include <fstream>   // std::ifstream, std::ofstream
#include <set>       // std::set
#include <sstream>   // std::ostringstream
#include <string>    // std::string

#include <nlohmann/json.hpp>

#include "tools/common/cpp_literal.h"  // px::tools::write_string_literal

namespace {

using Json = nlohmann::json;

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "compile_territory: %s\n", message.c_str());
    std::exit(1);
}

Json read_json(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) die("cannot read " + path);
    Json doc = Json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) die(path + ": JSON invalide");
    return doc;
}

void check_text(const Json& obj, const char* key, const std::string& at, size_t max_chars, bool required = true) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) die(at + "/" + key + ": champ manquant");
        return;
    }
    for (const char* lang : {"fr", "en"}) {
        const auto t = it->find(lang);
        if (t == it->end() || !t->is_string() || t->get<std::string>().empty()) {
            die(at + "/" + key + "/" + lang + ": texte manquant");
        }
        // Count code points, not bytes.
        size_t chars = 0;
        for (const char c : t->get<std::string>()) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        if (chars > max_chars) die(at + "/" + key + "/" + lang + ": plus de " + std::to_string(max_chars) + " caractères");
    }
}

void check_grid(const Json& g) {
    if (g.value("format", "") != "proxinum-territory-grid" || g.value("version", 0) != 1) {
        die("grid.json: format proxinum-territory-grid v1 attendu");
    }
    const Json& src = g.at("source");
    for (const char* k : {"title", "authors", "date", "url"}) {
        if (!src.contains(k) || !src.at(k).is_string()) die(std::string("grid.json/source/") + k + ": manquant");
    }
    const Json& scale = g.at("scale");
    if (!scale.is_array() || scale.size() != 5) die("grid.json/scale: 5 niveaux attendus");
    for (size_t i = 0; i < 5; ++i) check_text(scale[i], "title", "/scale/" + std::to_string(i), 40);
    const Json& ambitions = g.at("ambitions");
    if (!ambitions.is_array() || ambitions.size() != 3) die("grid.json/ambitions: 3 ambitions attendues");
    std::set<std::string> indicators;
    int commitment = 0;
    size_t subs_total = 0;
    for (size_t a = 0; a < 3; ++a) {
        const Json& am = ambitions[a];
        const std::string at = "/ambitions/" + std::to_string(a);
        if (am.value("id", "") != "A" + std::to_string(a + 1)) die(at + "/id: A" + std::to_string(a + 1) + " attendu");
        check_text(am, "title", at, 90);
        check_text(am, "summary", at, 400);
        const Json& cs = am.at("commitments");
        if (!cs.is_array() || cs.size() != 3) die(at + "/commitments: 3 engagements attendus");
        for (size_t c = 0; c < cs.size(); ++c) {
            ++commitment;
            const Json& cm = cs[c];
            const std::string cat = at + "/commitments/" + std::to_string(c);
            if (cm.value("id", "") != std::to_string(commitment)) die(cat + "/id: " + std::to_string(commitment) + " attendu");
            check_text(cm, "title", cat, 90);
            check_text(cm, "summary", cat, 400);
            const Json& ss = cm.at("subs");
            if (!ss.is_array() || ss.empty() || ss.size() > 9) die(cat + "/subs: 1 à 9 sous-engagements");
            for (size_t s = 0; s < ss.size(); ++s) {
                const Json& sb = ss[s];
                const std::string sat = cat + "/subs/" + std::to_string(s);
                const std::string want = std::to_string(commitment) + "." + std::to_string(s + 1);
                if (sb.value("id", "") != want) die(sat + "/id: " + want + " attendu");
                check_text(sb, "title", sat, 100);
                check_text(sb, "evidence", sat, 240);
                const Json& lv = sb.at("levels");
                if (!lv.is_array() || lv.size() != 5) die(sat + "/levels: 5 niveaux (0 à 4) attendus");
                for (size_t l = 0; l < 5; ++l) {
                    Json wrap = {{"t", lv[l]}};
                    check_text(wrap, "t", sat + "/levels/" + std::to_string(l), 200);
                }
                if (const auto ind = sb.find("indicator"); ind != sb.end()) {
                    const std::string id = ind->value("id", "");
                    if (id.empty() || !indicators.insert(id).second) die(sat + "/indicator/id: vide ou déjà utilisé : " + id);
                    check_text(*ind, "title", sat + "/indicator", 100);
                    const std::string unit = ind->value("unit", "");
                    if (unit != "%" && unit != "bool" && unit != "count" && unit != "per10k" && unit != "years") {
                        die(sat + "/indicator/unit: %, bool, count, per10k ou years");
                    }
                    const std::string better = ind->value("better", "");
                    if (better != "higher" && better != "lower") die(sat + "/indicator/better: higher ou lower");
                }
                ++subs_total;
            }
        }
    }
    if (subs_total != 45) die("grid.json: 45 sous-engagements attendus, " + std::to_string(subs_total) + " trouvés");
}

// A number rule of the package's model ("valeur": 77000), or a fallback when absent and allowed.
double rule_number(const Json& model, const std::string& rule, double absent = -2) {
    const auto it = model.find(rule);
    if (it == model.end() || !it->is_object() || !it->contains("valeur") || !it->at("valeur").is_number()) {
        if (absent > -2) return absent;
        die("règle absente ou non numérique dans le modèle ADEME : " + rule);
    }
    return it->at("valeur").get<double>();
}

// The grid without its words: what reading a workspace or a summary needs (ids, indicators).
Json grid_structure(const Json& g) {
    Json out = {{"format", g.at("format")}, {"version", g.at("version")}, {"source", g.at("source")}};
    Json ambitions = Json::array();
    for (const Json& a : g.at("ambitions")) {
        Json cs = Json::array();
        for (const Json& c : a.at("commitments")) {
            Json subs = Json::array();
            for (const Json& sb : c.at("subs")) {
                Json o = {{"id", sb.at("id")}};
                if (sb.contains("indicator")) {
                    const Json& ind = sb.at("indicator");
                    o["indicator"] = {{"id", ind.at("id")}, {"unit", ind.at("unit")}, {"better", ind.at("better")}};
                }
                subs.push_back(o);
            }
            cs.push_back({{"id", c.at("id")}, {"subs", subs}});
        }
        ambitions.push_back({{"id", a.at("id")}, {"commitments", cs}});
    }
    out["ambitions"] = ambitions;
    return out;
}

void write_file(const std::string& out, const std::string& content) {
    {
        std::ofstream o(out + ".tmp", std::ios::binary);
        o << content;
        if (!o) die("cannot write " + out);
    }
    if (std::rename((out + ".tmp").c_str(), out.c_str()) != 0) die("cannot rename " + out);
}

std::string lit(const std::string& s) {
    std::ostringstream o;
    px::tools::write_string_literal(o, s);
    return o.str();
}

std::string footprint_cpp(const Json& fp, const Json& model) {
    std::ostringstream o;
    o.precision(17);
    o << "const DeviceFactor kDeviceFactors[] = {\n";
    const Json& avoided = fp.at("refurbished").at("avoided_share");
    size_t n = 0;
    std::set<std::string> ids;
    for (const Json& k : fp.at("kinds")) {
        const std::string id = k.at("id").get<std::string>();
        const std::string rule = k.at("rule").get<std::string>();
        if (!ids.insert(id).second) die("footprint.json: type d'équipement en double : " + id);
        check_text(k, "label", "/kinds/" + id, 60);
        check_text(k, "note", "/kinds/" + id, 200, false);
        double fab, dist, eol, life, power, hours;
        if (rule.rfind("acv . ", 0) == 0) {
            fab = rule_number(model, rule + " . carbone . fabrication") / 1000;
            dist = rule_number(model, rule + " . carbone . distribution") / 1000;
            eol = rule_number(model, rule + " . carbone . fin de vie") / 1000;
            life = rule_number(model, rule + " . durée de vie théorique");
            power = rule_number(model, rule + " . consommation en mode actif");
            hours = rule_number(model, rule + " . profil utilisation théorique");
        } else {  // the data-centre equipment: construction, lifetime, maybe active power
            fab = rule_number(model, rule + " . construction") / 1000;
            dist = eol = 0;
            life = rule_number(model, rule + " . durée de vie");
            power = rule_number(model, rule + " . puissance en mode actif", -1);
            hours = power < 0 ? -1 : k.value("hours_per_day", -1.0);
            if (power >= 0 && hours < 0) die("footprint.json/kinds/" + id + ": hours_per_day manquant");
        }
        if (!(fab > 0) || !(life > 0)) die("footprint.json/kinds/" + id + ": valeurs ADEME incohérentes");
        const double refurb = avoided.contains(id) ? avoided.at(id).get<double>() : -1;
        const Json note = k.value("note", Json{{"fr", ""}, {"en", ""}});
        o << "    {" << lit(id) << ", " << lit(rule) << ", " << lit(k.at("label").at("fr").get<std::string>()) << ", "
          << lit(k.at("label").at("en").get<std::string>()) << ",\n     " << lit(note.at("fr").get<std::string>())
          << ", " << lit(note.at("en").get<std::string>()) << ",\n     " << fab << ", " << dist << ", " << eol << ", "
          << life << ", " << power << ", " << hours << ", " << refurb << "},\n";
        ++n;
    }
    for (auto it = avoided.begin(); it != avoided.end(); ++it) {
        if (!ids.count(it.key())) die("footprint.json/refurbished: type inconnu " + it.key());
    }
    o << "};\nconst size_t kDeviceFactorCount = " << n << ";\n\n";
    const Json& pkg = fp.at("package");
    const Json& el = fp.at("electricity");
    const Json& rs = fp.at("refurbished").at("source");
    const Json& sc = fp.at("scenarios");
    check_text(el, "label", "/electricity", 120);
    o << "const FootprintSources kFootprintSources = {\n    " << lit(pkg.at("name")) << ", " << lit(pkg.at("version"))
      << ", " << lit(pkg.at("licence")) << ",\n    " << lit(pkg.at("url")) << ",\n    " << lit(pkg.at("data")) << ",\n    "
      << rule_number(model, el.at("rule").get<std::string>()) << ", " << lit(el.at("label").at("fr")) << ",\n    "
      << lit(el.at("label").at("en")) << ",\n    " << lit(rs.at("url")) << ",\n    " << lit(rs.at("title")) << ", "
      << lit(rs.at("checked")) << ",\n    " << sc.at("lifetime_plus_years").get<double>() << ", "
      << sc.at("refurbished_target_share").get<double>() << ", " << sc.at("fewer_devices_share").get<double>()
      << "};\n";
    return o.str();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 7) die("usage: compile_territory GRID.json FOOTPRINT.json ACV_PACKAGE_DIR OUT_DATA.cpp OUT_TEXTS.json OUT_TEXTS.cpp");
    const Json grid = read_json(argv[1]);
    const Json fp = read_json(argv[2]);
    const std::string pkg_dir = argv[3];
    const Json pkg = read_json(pkg_dir + "/package.json");
    std::string data_cpp, texts, texts_cpp;
    try {
        check_grid(grid);
        const std::string want = fp.at("package").at("version").get<std::string>();
        if (pkg.value("name", "") != fp.at("package").at("name").get<std::string>() || pkg.value("version", "") != want) {
            die(pkg_dir + ": " + fp.at("package").at("name").get<std::string>() + " " + want +
                " attendu (version épinglée dans data/territory/footprint.json), trouvé " + pkg.value("version", "?"));
        }
        const Json model = read_json(pkg_dir + "/publicodes-acv-numerique.model.json");
        const std::string structure = grid_structure(grid).dump();
        std::ostringstream o;
        o << "// Generated by tools/territory/compile_territory.cpp from data/territory/ and the npm package\n"
             "// @incubateur-ademe/publicodes-acv-numerique. Do not edit.\n"
             "#include \"core/territory/territory_data.h\"\n\nnamespace px {\n\nconst char kTerritoryStructureJson[] =\n";
        px::tools::write_string_literal(o, structure);
        o << ";\nconst size_t kTerritoryStructureJsonSize = " << structure.size() << ";\n\n" << footprint_cpp(fp, model)
          << "\n}  // namespace px\n";
        data_cpp = o.str();
        texts = grid.dump();
        std::ostringstream t;
        t << "// Generated by tools/territory/compile_territory.cpp from data/territory/grid.json. Do not edit.\n"
             "// The grid's words for the native build (the web app fetches territoire.json instead).\n"
             "#include <cstddef>\n\nextern \"C\" {\nextern const char px_territory_texts[];\n"
             "extern const size_t px_territory_texts_size;\nconst char px_territory_texts[] =\n";
        px::tools::write_string_literal(t, texts);
        t << ";\nconst size_t px_territory_texts_size = " << texts.size() << ";\n}\n";
        texts_cpp = t.str();
    } catch (const std::exception& e) {
        die(std::string("données du territoire : ") + e.what());
    }
    write_file(argv[4], data_cpp);
    write_file(argv[5], texts);
    write_file(argv[6], texts_cpp);
    return 0;
}
