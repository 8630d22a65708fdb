// report_test.cpp — the documents for people (core/report_doc.h): the printable report's structure
// (headings, captioned tables with header cells, SVG images with a title and a description), the
// language and date, and that hostile strings from a workspace and its catalog come out as text in
// the report, the mirror and the CSV (tests/fixtures/hostile/espace-hostile.json).
#include <doctest/doctest.h>

#include <algorithm>  // std::transform
#include <fstream>    // std::ifstream
#include <sstream>    // std::stringstream
#include <string>     // std::string
#include <unordered_map>  // std::unordered_map

#include "core/atlas.h"
#include "core/atlas_embedded.h"
#include "core/choropleth.h"
#include "core/map_overlay.h"
#include "core/csv.h"
#include "core/facts.h"
#include "core/report_doc.h"
#include "core/scoring.h"
#include "core/territory/assessment.h"
#include "core/territory/grid.h"
#include "core/workspace.h"
#include "fixtures.h"

namespace {

const px::Atlas& atlas() { return px::test::embedded_atlas(); }
const px::Catalogs& facts() { return px::test::shipped_facts(); }

px::Workspace load(const char* relative) {
    std::ifstream in(std::string(PX_SOURCE_DIR) + "/" + relative, std::ios::binary);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    px::Workspace ws;
    REQUIRE(px::parse_workspace_json(ss.str(), relative).get(ws) == px::Err::OK);
    return ws;
}

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

}  // namespace

TEST_CASE("html_escape leaves only text") {
    CHECK(px::html_escape("a < b & \"c\" > 'd'") == "a &lt; b &amp; &quot;c&quot; &gt; &#39;d&#39;");
    CHECK(px::html_escape("Châtellerault — 1 234") == "Châtellerault — 1 234");
    CHECK(px::html_escape("") == "");
}

TEST_CASE("the report is a structured, self-contained page in the chosen language") {
    const px::Workspace ws = load("docs/samples/boutique-plateformes.json");
    const px::Report r = px::score_workspace(ws, facts(), &atlas(), px::Lang::Fr);
    const std::string fr = px::report_html({&ws, &r, &atlas(), px::Lang::Fr, {2026, 11, 24}});
    CHECK(fr.rfind("<!doctype html>\n<html lang=\"fr\">", 0) == 0);
    CHECK(count(fr, "<h1>") == 1);
    CHECK(fr.find("Établi le 24/11/2026") != std::string::npos);
    CHECK(fr.find("Niort (79191)") != std::string::npos);
    CHECK(fr.find(">G</span>") != std::string::npos);  // the grade's letter printed on its colour
    // Every table has a caption and column headers; every picture is an image with words.
    CHECK(count(fr, "<table>") >= 5);
    CHECK(count(fr, "<table>") == count(fr, "<caption>"));
    CHECK(count(fr, "<table>") == count(fr, "<thead><tr><th scope=\"col\">"));
    CHECK(count(fr, "role=\"img\"") == 2);  // the radar and the map
    CHECK(count(fr, "<title id=") == 2);
    CHECK(count(fr, "<desc id=") == 2);
    CHECK(fr.find("Proximité et économie locale 0 / 100") != std::string::npos);  // the radar's description
    // Nothing to load and nothing to run.
    CHECK(lower(fr).find("<script") == std::string::npos);
    CHECK(fr.find("src=") == std::string::npos);
    CHECK(fr.find("default-src 'none'") != std::string::npos);
    // Where the data goes: the place table says what the map shows.
    CHECK(fr.find("Messagerie : Gmail (Google) · Réseaux sociaux") != std::string::npos);  // 50 km apart: one number

    const px::Report r_en = px::score_workspace(ws, facts(), &atlas(), px::Lang::En);
    const std::string en = px::report_html({&ws, &r_en, &atlas(), px::Lang::En, {2026, 11, 24}});
    CHECK(en.rfind("<!doctype html>\n<html lang=\"en\">", 0) == 0);
    CHECK(en.find("Made on 24 November 2026") != std::string::npos);
    CHECK(en.find("Where your data goes") != std::string::npos);
}

TEST_CASE("the territory and the footprint appear when the workspace has them") {
    const px::Workspace ws = load("docs/samples/mairie-territoire.json");
    const px::Report r = px::score_workspace(ws, facts(), &atlas(), px::Lang::Fr);
    const std::string html = px::report_html({&ws, &r, &atlas(), px::Lang::Fr, {2026, 1, 2}});
    CHECK(html.find("Autoévaluation du territoire") != std::string::npos);
    CHECK(html.find("Empreinte des équipements") != std::string::npos);
    CHECK(html.find("Établi le 02/01/2026") != std::string::npos);
    const px::Workspace shop = load("docs/samples/boutique-plateformes.json");
    const px::Report rs = px::score_workspace(shop, facts(), &atlas(), px::Lang::Fr);
    const std::string none = px::report_html({&shop, &rs, &atlas(), px::Lang::Fr, {2026, 1, 2}});
    CHECK(none.find("Autoévaluation du territoire") == std::string::npos);
    CHECK(none.find("Empreinte des équipements") == std::string::npos);
}

TEST_CASE("hostile names, products and catalog fields come out as text") {
    const px::Workspace ws = load("tests/fixtures/hostile/espace-hostile.json");
    const px::Report r = px::score_workspace(ws, facts(), &atlas(), px::Lang::Fr);
    const px::ReportDoc doc{&ws, &r, &atlas(), px::Lang::Fr, {2026, 11, 24}};
    for (const std::string& html : {px::report_html(doc), px::report_mirror_html(doc)}) {
        const std::string l = lower(html);
        CHECK(l.find("<script") == std::string::npos);
        CHECK(l.find("<img") == std::string::npos);
        CHECK(l.find("<b ") == std::string::npos);
        CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
        CHECK(html.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    }
    const std::string report = px::report_html(doc);
    CHECK(report.find("&lt;b onmouseover=alert(1)&gt;Prestataire&lt;/b&gt;") != std::string::npos);  // the catalog's provider

    // The CSV reads back into the same cells: quotes, ';' and line ends are escaped, and a cell
    // that starts like a formula is neutralised.
    const std::string csv = px::report_csv(r);
    const px::CsvResult back = px::parse_csv(csv, "rapport.csv");
    REQUIRE(back.ok());
    REQUIRE(back.table.rows.size() == r.contributions.size());
    for (size_t i = 0; i < back.table.rows.size(); ++i) {
        CHECK(back.table.rows[i].fields[8] == r.contributions[i].reason);
        for (const std::string& cell : back.table.rows[i].fields) {
            const bool formula = !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '@');
            CHECK_FALSE(formula);
        }
    }
    CHECK(px::csv_cell("=HYPERLINK(\"x\")").rfind("'=", 1) != std::string::npos);
}

TEST_CASE("the mirror of the map and the territory: lean, worded, escaped") {
    const px::Atlas::Commune* niort = atlas().find_commune("79191");
    REQUIRE(niort);
    const std::string m = px::commune_mirror_html(atlas(), static_cast<size_t>(niort - atlas().communes.data()), px::Lang::Fr);
    CHECK(m.find("<h2>Carte — Niort</h2>") != std::string::npos);
    CHECK(m.find("Code INSEE 79191") != std::string::npos);
    CHECK(m.find("59\u202F854 habitants") != std::string::npos);
    CHECK(px::commune_mirror_html(atlas(), atlas().communes.size(), px::Lang::Fr).empty());
    const px::Workspace ws = load("docs/samples/mairie-territoire.json");
    REQUIRE_FALSE(ws.assessments.empty());
    const px::TerritoryScore sc = px::score_assessment(px::territory_grid(), ws.assessments.back());
    const std::string t = px::territory_mirror_html(ws.assessments.back(), sc, px::Lang::En);
    CHECK(t.find("<h2>Territory self-assessment ") != std::string::npos);
    CHECK(t.find("Overall score: ") != std::string::npos);
    CHECK(count(t, "<li>Commitment ") == 9);
    CHECK(t.find("<h3>Next actions</h3>") != std::string::npos);
    const std::string f = px::footprint_mirror_html(ws, px::Lang::Fr);
    CHECK(f.find("Empreinte des équipements") != std::string::npos);
    CHECK(f.find("<caption>Et si…</caption>") != std::string::npos);
    CHECK(px::footprint_mirror_html(px::Workspace{}, px::Lang::Fr).empty());
}

TEST_CASE("the mirror of the map says what it draws: the commune, the flows, the places, the classes") {
    px::MapOverlay overlay;
    for (int i = 0; i < 32; ++i) {
        overlay.flows.push_back({{-0.46, 46.32}, {2.35, 48.86}, px::Jurisdiction::France, "Flux <" + std::to_string(i) + ">"});
    }
    overlay.flows[0].jurisdiction = px::Jurisdiction::US;
    overlay.markers.push_back({{-0.46, 46.32}, "Atelier \"numérique\""});
    std::unordered_map<std::string, double> values{{"79191", 1.5}, {"86066", 2}, {"86194", 40000}};
    px::Choropleth ch;
    px::build_choropleth(atlas(), values, 2, ch);
    px::MapMirror m{&atlas(), -1, &overlay, &ch, "Part <b>des</b> services", px::Lang::Fr};
    const std::string fr = px::map_mirror_html(m);
    CHECK(fr.find("aucune commune sélectionnée") != std::string::npos);
    CHECK(fr.find("<caption>Flux de données tracés sur la carte</caption>") != std::string::npos);
    CHECK(count(fr, "<tr><th scope=\"row\">Flux &lt;") == 30);  // 30 rows, escaped
    CHECK(fr.find("<td>États-Unis</td><td class=\"n\">") != std::string::npos);
    // (-0.46, 46.32) to (2.35, 48.86): 352,680.014 m by GeodSolve -i, so 353 km.
    CHECK(fr.find(">353</td>") != std::string::npos);
    CHECK(fr.find("… et 2 de plus.") != std::string::npos);
    CHECK(fr.find("<li>Atelier &quot;numérique&quot;</li>") != std::string::npos);
    CHECK(fr.find("<caption>Part &lt;b&gt;des&lt;/b&gt; services</caption>") != std::string::npos);
    CHECK(fr.find("<td>40\u202F000</td>") != std::string::npos);
    CHECK(fr.find("<td>1,5</td>") != std::string::npos);
    CHECK(fr.find("3 communes ont une valeur") != std::string::npos);
    const px::Atlas::Commune* niort = atlas().find_commune("79191");
    REQUIRE(niort);
    m.selected = static_cast<long>(niort - atlas().communes.data());
    m.overlay = nullptr;
    m.choropleth = nullptr;
    m.lang = px::Lang::En;
    const std::string en = px::map_mirror_html(m);
    CHECK(en.find("<h2>Map — Niort</h2>") != std::string::npos);
    CHECK(en.find("<table") == std::string::npos);
}

