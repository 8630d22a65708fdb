// territory_test.cpp — the territory lens's core: the grid, the scoring, the footprint arithmetic
// against hand-computed values, summaries (nothing personal in them) and the observatory's
// aggregation, masking and refusals.
#include <doctest/doctest.h>

#include <string>  // std::string

#include <nlohmann/json.hpp>

#include "core/atlas.h"
#include "core/atlas_embedded.h"
#include "core/report_doc.h"
#include "core/scoring.h"
#include "core/territory/assessment.h"
#include "core/territory/footprint.h"
#include "core/territory/grid.h"
#include "core/territory/summary.h"
#include "core/workspace.h"

namespace {

using Json = nlohmann::json;

const px::Atlas& atlas() {
    static px::Atlas a;
    static bool loaded = false;
    if (!loaded) {
        px::Result<px::Atlas> r = px::decode_atlas(px::embedded_atlas_data(), px::embedded_atlas_size(), "atlas");
        REQUIRE(r.get(a) == px::Err::OK);
        loaded = true;
    }
    return a;
}

std::string uid_n(int n) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%032x", n);
    return buf;
}

px::Summary summary_at(const std::string& insee, int n, double score) {
    px::Summary s;
    s.uid = uid_n(n);
    s.year = 2026;
    s.insee = insee;
    s.kind = px::OrgKind::Commune;
    s.has_diagnostic = true;
    s.diagnostic_score_known = true;
    s.diagnostic_score = score;
    s.services = 4;
    s.jurisdictions = {1, 1, 2, 0, 0};
    return s;
}

}  // namespace

TEST_CASE("the grid holds the manifesto's 3 ambitions, 9 commitments and 45 sub-commitments") {
    const px::Grid& g = px::territory_grid();
    REQUIRE(g.ambitions.size() == 3);
    REQUIRE(g.commitments.size() == 9);
    REQUIRE(g.subs.size() == 45);
    CHECK(g.source_title == "Manifeste pour des territoires numériques responsables");
    CHECK(g.scale[0].fr == "Non engagé");
    CHECK(g.scale[4].en == "Evaluated, shared and exemplary");
    size_t per[9] = {};
    for (const px::GridSub& s : g.subs) {
        ++per[s.commitment];
        for (const px::Text2& l : s.levels) CHECK((!l.fr.empty() && !l.en.empty()));
    }
    const size_t want[9] = {3, 6, 5, 5, 6, 6, 5, 5, 4};  // ../shared/research/scoring-and-data.md §8
    for (size_t c = 0; c < 9; ++c) CHECK(per[c] == want[c]);
    CHECK(g.find_sub("5.2") == 3 + 6 + 5 + 5 + 1);
    CHECK(g.find_sub("9.5") == -1);
    REQUIRE(g.find_indicator("refurbished_share") != nullptr);
    CHECK(g.find_indicator("refurbished_share")->unit == "%");
    const Json j = Json::parse(px::grid_json(g, px::Lang::Fr));
    CHECK(j["ambitions"].size() == 3);
    CHECK(j["ambitions"][1]["commitments"][1]["id"] == "5");
    CHECK(j["ambitions"][0]["title"] == g.ambitions[0].title.fr);
}

TEST_CASE("scores: answered sub-commitments only, unknown stays unknown, plan from the weakest") {
    const px::Grid& g = px::territory_grid();
    px::Assessment a;
    a.reset(g);
    a.year = 2026;
    a.levels[static_cast<size_t>(g.find_sub("1.1"))] = 4;
    a.levels[static_cast<size_t>(g.find_sub("1.2"))] = 2;
    for (int k = 1; k <= 5; ++k) a.levels[static_cast<size_t>(g.find_sub("4." + std::to_string(k)))] = 0;
    const px::TerritoryScore s = px::score_assessment(g, a);
    CHECK(s.commitments[0].known);
    CHECK(s.commitments[0].score == doctest::Approx(75));  // (100 + 50) / 2
    CHECK(s.commitments[0].answered == 2);
    CHECK(s.commitments[0].total == 3);
    CHECK_FALSE(s.commitments[1].known);                   // nothing answered: never 0
    CHECK(s.commitments[3].score == doctest::Approx(0));
    CHECK(s.ambitions[0].score == doctest::Approx(75));
    CHECK(s.ambitions[1].score == doctest::Approx(0));
    CHECK_FALSE(s.ambitions[2].known);
    CHECK(s.overall.score == doctest::Approx(37.5));
    CHECK(s.overall.answered == 7);
    CHECK(s.distribution[0] == 5);
    CHECK(s.distribution[2] == 1);
    CHECK(s.distribution[4] == 1);
    REQUIRE(s.strengths.size() == 1);
    CHECK(s.strengths[0] == 0);
    REQUIRE(s.gaps.size() == 1);
    CHECK(s.gaps[0] == 3);
    // Plan: commitment 4 (0) first, its five subs 0 → 1; then commitment 1: 1.3 to assess first,
    // then 1.2 from 2 to 3; 1.1 is at 4 and has nothing left.
    REQUIRE(s.plan.size() == 7);
    CHECK(s.plan[0].commitment == 3);
    CHECK(s.plan[0].to == 1);
    CHECK(s.plan[5].sub == static_cast<size_t>(g.find_sub("1.3")));
    CHECK(s.plan[5].to == -1);
    CHECK(s.plan[6].sub == static_cast<size_t>(g.find_sub("1.2")));
    CHECK(s.plan[6].to == 3);
    const Json j = px::territory_score_to_json(g, a, s, px::Lang::Fr);
    CHECK(j["plan"][6]["action"] == g.subs[static_cast<size_t>(g.find_sub("1.2"))].levels[3].fr);
    CHECK(j["commitments"][1]["score"].is_null());

    px::Assessment before = a;
    before.year = 2025;
    before.levels[static_cast<size_t>(g.find_sub("1.2"))] = 0;
    const px::Comparison c = px::compare_assessments(g, before, a);
    CHECK(c.commitments[0].first.score == doctest::Approx(50));
    CHECK(c.commitments[0].second.score == doctest::Approx(75));
    REQUIRE(c.changes.size() == 1);
    CHECK(c.changes[0].from == 0);
    CHECK(c.changes[0].to == 2);
}

TEST_CASE("assessment files: all or nothing, every field checked") {
    px::Assessment a;
    CHECK(px::parse_assessment_json(R"({"format":"proxinum-assessment","version":1,"year":2026,
        "levels":{"1.1":3,"9.4":0},"indicators":{"refurbished_share":20,"strategy_adopted":true},
        "notes":{"1.1":"délibération du 3 mars"}})", "a.json").get(a) == px::Err::OK);
    CHECK(a.levels[0] == 3);
    CHECK(a.indicators.at("strategy_adopted") == 1);
    CHECK(a.notes.at("1.1") == "délibération du 3 mars");
    const px::Result<px::Assessment> bad_level =
        px::parse_assessment_json(R"({"format":"proxinum-assessment","version":1,"year":2026,"levels":{"1.1":5}})", "a.json");
    CHECK(bad_level.error().code == px::Err::FIELD_VALUE);
    CHECK(bad_level.error().json_pointer == "/levels/1.1");
    CHECK(bad_level.error().where.line == 1);
    const px::Result<px::Assessment> bad_sub =
        px::parse_assessment_json(R"({"format":"proxinum-assessment","version":1,"year":2026,"levels":{"1.9":1}})", "a.json");
    CHECK(bad_sub.error().json_pointer == "/levels/1.9");
    const px::Result<px::Assessment> bad_ind = px::parse_assessment_json(
        R"({"format":"proxinum-assessment","version":1,"year":2026,"indicators":{"refurbished_share":140}})", "a.json");
    CHECK(bad_ind.error().json_pointer == "/indicators/refurbished_share");
    CHECK(px::parse_assessment_json(R"({"format":"proxinum-assessment","version":1})", "a.json").error().code ==
          px::Err::FIELD_MISSING);
    // Round trip.
    px::Assessment b;
    REQUIRE(px::parse_assessment_json(px::write_assessment_json(a), "b.json").get(b) == px::Err::OK);
    CHECK(b.levels == a.levels);
    CHECK(b.indicators == a.indicators);
    CHECK(b.notes == a.notes);
}

TEST_CASE("footprint arithmetic against hand-computed values") {
    const px::DeviceFactor* laptop = px::find_device_factor("laptop");
    REQUIRE(laptop != nullptr);
    // ADEME's figures from @incubateur-ademe/publicodes-acv-numerique 2.1.0 (NégaOctet 2022).
    CHECK(laptop->manufacturing_kg == doctest::Approx(170));
    CHECK(laptop->distribution_kg == doctest::Approx(12.3));
    CHECK(laptop->end_of_life_kg == doctest::Approx(2.79));
    CHECK(laptop->lifetime_years == doctest::Approx(5));
    CHECK(laptop->power_w == doctest::Approx(26.5));
    CHECK(laptop->hours_per_day == doctest::Approx(3));
    CHECK(px::kFootprintSources.electricity_kg_per_kwh == doctest::Approx(0.0519));
    CHECK(std::string(px::kFootprintSources.version) == "2.1.0");

    px::Fleet fleet;
    fleet.items.push_back({"laptop", 40, 6.0, 0.25, {}});
    fleet.items.push_back({"server", 1, {}, {}, {}});
    fleet.items.push_back({"switch", 2, {}, {}, {}});
    const px::FootprintResult r = px::compute_footprint(fleet);
    REQUIRE(r.lines.size() == 3);
    // 40 × (170 + 12.3 + 2.79) / 6 × (1 − 0.25 × 0.43) = 1101.2855
    CHECK(r.lines[0].embodied_kg == doctest::Approx(1101.2855).epsilon(1e-6));
    // 40 × 26.5 W × 3 h × 365 / 1000 = 1160.7 kWh; × 0.0519 = 60.24033 kg
    CHECK(r.lines[0].use_kwh == doctest::Approx(1160.7));
    CHECK(r.lines[0].use_kg == doctest::Approx(60.24033));
    // server: 748 / 5 = 149.6 kg; 400 W × 24 h × 365 / 1000 = 3504 kWh × 0.0519 = 181.8576 kg
    CHECK(r.lines[1].embodied_kg == doctest::Approx(149.6));
    CHECK(r.lines[1].use_kg == doctest::Approx(181.8576));
    // switch: 2 × 367 / 5 = 146.8 kg; no published power, so no use counted (and said so)
    CHECK(r.lines[2].embodied_kg == doctest::Approx(146.8));
    CHECK_FALSE(r.lines[2].use_known);
    CHECK(r.total_kg == doctest::Approx(1101.2855 + 60.24033 + 149.6 + 181.8576 + 146.8));
    REQUIRE(r.scenarios.size() == 4);
    // One more year: laptop 40 × 185.09 / 7 × 0.8925 = 943.9590; server 748 / 6; switch 2 × 367 / 6
    const double lifetime = 40 * 185.09 / 7 * 0.8925 + 60.24033 + 748.0 / 6 + 181.8576 + 2 * 367.0 / 6;
    CHECK(r.scenarios[0].total_kg == doctest::Approx(lifetime));
    CHECK(r.scenarios[0].saving_kg == doctest::Approx(r.total_kg - lifetime));
    // Half refurbished: only the laptop has a published gain.
    const double refurb = 40 * 185.09 / 6 * (1 - 0.5 * 0.43) + 60.24033 + 149.6 + 181.8576 + 146.8;
    CHECK(r.scenarios[1].total_kg == doctest::Approx(refurb));
    CHECK(r.scenarios[2].total_kg == doctest::Approx(r.total_kg * 0.9));
    CHECK(r.scenarios[3].saving_kg > r.scenarios[0].saving_kg);

    px::Fleet back;
    REQUIRE(px::parse_fleet_json(
                R"({"format":"proxinum-fleet","version":1,"items":[{"kind":"laptop","count":40,"lifetime_years":6,"refurbished_share":0.25}]})",
                "f.json")
                .get(back) == px::Err::OK);
    CHECK(back.items[0].refurbished_share.value() == doctest::Approx(0.25));
    const px::Result<px::Fleet> bad =
        px::parse_fleet_json(R"({"format":"proxinum-fleet","version":1,"items":[{"kind":"toaster","count":1}]})", "f.json");
    CHECK(bad.error().json_pointer == "/items/0/kind");
}

TEST_CASE("a summary carries no name, e-mail, note, product or provider") {
    px::Workspace ws;
    REQUIRE(px::parse_workspace_json(R"({"format":"proxinum-workspace","version":2,
        "organisation":{"name":"Mairie de Jean Dupont <jean.dupont@example.fr>","kind":"commune","insee":"79191"},
        "services":[{"category":"email","product":"Boîte de marie.curie@example.org","provider":"",
                     "provider_name":"Prestataire Martin & Fils","hosting":"US"}],
        "uid":"0123456789abcdef0123456789abcdef",
        "assessments":[{"year":2026,"levels":{"1.1":3},"notes":{"1.1":"Appeler Mme Secret au 06 12 34 56 78"}}],
        "fleet":{"items":[{"kind":"laptop","count":3}]}})", "ws.json").get(ws) == px::Err::OK);
    px::Report report;
    report.services.resize(1);
    report.services[0].jurisdiction = px::Jurisdiction::US;
    report.score_known = true;
    report.score = 31.26;
    const std::string text = px::write_summary_json(px::make_summary(ws, &report, ws.uid, 2026));
    for (const char* secret : {"Dupont", "jean.dupont", "marie.curie", "Martin", "Secret", "06 12", "Boîte", "example"}) {
        CHECK_MESSAGE(text.find(secret) == std::string::npos, secret);
    }
    const Json j = Json::parse(text);
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"diagnostic", "footprint", "format", "insee", "kind", "territory", "uid",
                                           "version", "year"});
    CHECK(j["diagnostic"]["jurisdictions"]["us"] == 1);
    CHECK(j["diagnostic"]["score"] == 31.3);
    CHECK(j["territory"]["levels"][0] == 3);
    CHECK(j["territory"]["overall"] == 75);
    // And it reads back.
    px::Summary s;
    REQUIRE(px::parse_summary_json(text, "s.json").get(s) == px::Err::OK);
    CHECK(s.services == 1);
    // A level out of 0–4 and a wrong count of levels: each its own error, worded per language.
    Json bad = j;
    bad["year"] = 2026.5;
    const px::Result<px::Summary> half = px::parse_summary_json(bad.dump(), "s.json");
    CHECK(half.error().code == px::Err::FIELD_WHOLE);
    CHECK(px::format_error(half.error(), px::Lang::En).find("a whole number from ") != std::string::npos);
    bad = j;
    bad["territory"]["levels"].erase(0);
    const px::Result<px::Summary> short_levels = px::parse_summary_json(bad.dump(), "s.json");
    CHECK(short_levels.error().code == px::Err::FIELD_COUNT);
    CHECK(px::format_error(short_levels.error(), px::Lang::Fr).find("nombre d'éléments inattendu : 45 attendus") != std::string::npos);
}

TEST_CASE("aggregation: sums, means and shares per area") {
    px::Aggregator agg(atlas());
    for (int i = 0; i < 6; ++i) REQUIRE(agg.add(px::write_summary_json(summary_at("79191", i, 40 + i)), "s").code == px::Err::OK);
    const px::Aggregate a = agg.finish();
    CHECK(a.contributions == 6);
    REQUIRE(a.areas.size() == 3);  // all, the CA du Niortais, Niort
    CHECK(a.areas[0].level == px::AreaLevel::All);
    CHECK(a.areas[1].level == px::AreaLevel::Epci);
    CHECK(a.areas[2].code == "79191");
    const px::AreaStats& st = a.areas[2].stats;
    CHECK(st.count == 6);
    CHECK(st.diagnostic_sum / st.diagnostic_count == doctest::Approx(42.5));
    CHECK(st.services == 24);
    CHECK(st.jurisdictions[2] / st.services == doctest::Approx(0.5));
    const Json j = Json::parse(px::aggregate_json(a, {}, px::Lang::Fr));
    CHECK(j["areas"][2]["diagnostic"]["mean_score"] == 42.5);
    CHECK(j["areas"][2]["diagnostic"]["jurisdiction_shares"]["us"] == 0.5);
    const std::string csv = px::aggregate_csv(a);
    CHECK(csv.rfind("\xEF\xBB\xBFniveau;code;nom;", 0) == 0);  // BOM: spreadsheets read UTF-8
    CHECK(csv.find("commune;79191;Niort;6;6;42,5;0,25;0,25;0,5;0;0;") != std::string::npos);
    const Json geo = Json::parse(px::aggregate_geojson(a));
    CHECK(geo["features"].size() == 2);
    // The commune's index points at its own area for the map.
    const px::Atlas::Commune* niort = atlas().find_commune("79191");
    CHECK(a.commune_area[static_cast<size_t>(niort - atlas().communes.data())] == 2);
    // The accessible mirror of the observatory tab says the same as its table.
    const std::string m = px::observatory_mirror_html(&a, "6 résumés ajoutés", px::Lang::Fr);
    CHECK(m.find("<p>6 contributions</p>") != std::string::npos);
    CHECK(m.find("<tr><th scope=\"row\">Niort (79191)</th><td class=\"n\">6</td><td class=\"n\">42</td>") != std::string::npos);  // 42.5, as the tab prints it
    CHECK(m.find("<p>6 résumés ajoutés</p>") != std::string::npos);
    CHECK(px::observatory_mirror_html(nullptr, "", px::Lang::En).find("No summary imported") != std::string::npos);
}

TEST_CASE("masking: fewer than 5 never shown, and never recoverable by subtraction") {
    const px::Atlas::Commune* niort = atlas().find_commune("79191");
    const px::Atlas::Commune* chauray = atlas().find_commune("79081");
    const px::Atlas::Commune* chat = atlas().find_commune("86066");
    REQUIRE((niort && chauray && chat));
    REQUIRE(niort->epci == chauray->epci);
    REQUIRE(niort->epci != chat->epci);
    SUBCASE("a commune of 7 in an EPCI of 9 is masked too, or 9 − 7 would show the other 2") {
        px::Aggregator agg(atlas());
        int n = 0;
        for (int i = 0; i < 7; ++i) agg.add(px::write_summary_json(summary_at("79191", n++, 50)), "s");
        for (int i = 0; i < 2; ++i) agg.add(px::write_summary_json(summary_at("79081", n++, 50)), "s");
        const px::Aggregate a = agg.finish();
        REQUIRE(a.areas.size() == 2);
        CHECK(a.areas[1].level == px::AreaLevel::Epci);
        CHECK(a.areas[1].stats.count == 9);
        CHECK(a.masked_areas[static_cast<size_t>(px::AreaLevel::Commune)] == 2);
        CHECK(a.masked_secondary == 1);
        // Both communes take their EPCI's colour on the map (merged upward).
        CHECK(a.commune_area[static_cast<size_t>(niort - atlas().communes.data())] == 1);
    }
    SUBCASE("an EPCI of 10 beside one of 3: the whole would show the 3, so only the whole is left") {
        px::Aggregator agg(atlas());
        int n = 0;
        for (int i = 0; i < 5; ++i) agg.add(px::write_summary_json(summary_at("79191", n++, 50)), "s");
        for (int i = 0; i < 5; ++i) agg.add(px::write_summary_json(summary_at("79081", n++, 50)), "s");
        for (int i = 0; i < 3; ++i) agg.add(px::write_summary_json(summary_at("86066", n++, 50)), "s");
        const px::Aggregate a = agg.finish();
        REQUIRE(a.areas.size() == 1);
        CHECK(a.areas[0].level == px::AreaLevel::All);
        CHECK(a.areas[0].stats.count == 13);
    }
    SUBCASE("4 contributions in all: nothing is shown") {
        px::Aggregator agg(atlas());
        for (int i = 0; i < 4; ++i) agg.add(px::write_summary_json(summary_at("79191", i, 50)), "s");
        const px::Aggregate a = agg.finish();
        CHECK(a.areas.empty());
        CHECK(a.contributions == 4);
    }
}

TEST_CASE("bad summaries are refused whole, named, and the others still count") {
    px::Aggregator agg(atlas());
    const std::string good = px::write_summary_json(summary_at("79191", 1, 50));
    REQUIRE(agg.add(good, "bon.json").code == px::Err::OK);
    Json doc = Json::parse(good);
    auto try_bad = [&](const Json& d, px::Err want, const char* pointer) {
        const px::Error e = agg.add(d.dump(), "mauvais.json");
        CHECK(e.code == want);
        CHECK(e.json_pointer == pointer);
        CHECK(e.where.file == "mauvais.json");
        CHECK(agg.accepted() == 1);  // nothing half-merged
    };
    Json d = doc;
    d["uid"] = uid_n(2);
    d["version"] = 2;
    try_bad(d, px::Err::SUMMARY_VERSION, "/version");
    d = doc;
    d["uid"] = uid_n(3);
    d["diagnostic"]["services"] = "4";
    try_bad(d, px::Err::FIELD_TYPE, "/diagnostic/services");
    d = doc;
    d["uid"] = uid_n(4);
    d["diagnostic"]["jurisdictions"]["us"] = 3;  // 5 by jurisdiction for 4 services
    try_bad(d, px::Err::SUMMARY_TOTALS, "/diagnostic/services");
    d = doc;
    d["uid"] = uid_n(5);
    d["territory"] = {{"levels", Json::array()}, {"overall", 50}};
    for (int i = 0; i < 45; ++i) d["territory"]["levels"].push_back(2);
    d["territory"]["overall"] = 90;  // the levels give 50
    try_bad(d, px::Err::SUMMARY_TOTALS, "/territory/overall");
    d = doc;
    d["uid"] = uid_n(6);
    d["name"] = "Boulangerie Martin";
    try_bad(d, px::Err::SUMMARY_FIELD, "/name");
    d = doc;
    d["uid"] = uid_n(7);
    d["insee"] = "99999";
    try_bad(d, px::Err::COMMUNE_UNKNOWN, "/insee");
    try_bad(doc, px::Err::SUMMARY_DUPLICATE, "/uid");
    CHECK(agg.add(std::string(px::kSummaryMaxBytes + 1, ' '), "enorme.json").code == px::Err::FILE_TOO_BIG);
    CHECK(agg.add("{\"format\":", "tronque.json").code == px::Err::JSON_SYNTAX);
    CHECK(agg.accepted() == 1);
    d = doc;
    d["uid"] = uid_n(8);
    CHECK(agg.add(d.dump(), "autre.json").code == px::Err::OK);
    CHECK(agg.finish().contributions == 2);
}

TEST_CASE("workspace version 2 keeps assessments and fleet; version 1 still reads") {
    px::Workspace v1;
    REQUIRE(px::parse_workspace_json(R"({"format":"proxinum-workspace","version":1,"organisation":{"name":"A"}})", "v1.json")
                .get(v1) == px::Err::OK);
    CHECK(v1.assessments.empty());
    px::Workspace ws;
    ws.uid = "0123456789abcdef0123456789abcdef";
    px::Assessment a;
    a.reset(px::territory_grid());
    a.year = 2025;
    a.levels[3] = 2;
    a.notes["1.3"] = "x";
    ws.assessments.push_back(a);
    ws.fleet.items.push_back({"screen", 12, 8.0, {}, 6.0});
    const std::string text = px::write_workspace_json(ws);
    px::Workspace back;
    REQUIRE(px::parse_workspace_json(text, "ws.json").get(back) == px::Err::OK);
    CHECK(px::write_workspace_json(back) == text);
    CHECK(back.assessments[0].levels[3] == 2);
    CHECK(back.fleet.items[0].hours_per_day.value() == 6.0);
    const px::Result<px::Workspace> dup = px::parse_workspace_json(
        R"({"format":"proxinum-workspace","version":2,"assessments":[{"year":2025},{"year":2025}]})", "ws.json");
    CHECK(dup.error().json_pointer == "/assessments/1/year");
}

TEST_CASE("the grid's words load apart, all or nothing, checked against the structure") {
    REQUIRE(px::territory_texts_loaded());  // the native build links them
    const std::string before = px::territory_grid().subs[0].title.fr;
    CHECK(px::load_territory_texts("{}", "t.json").code == px::Err::FIELD_VALUE);
    CHECK(px::load_territory_texts("{\"scale\":[", "t.json").code == px::Err::JSON_SYNTAX);
    Json doc = Json::parse(px::grid_json(px::territory_grid(), px::Lang::Fr));  // ids, but one language only
    doc["ambitions"][0]["commitments"][0]["subs"][0]["id"] = "1.9";
    CHECK(px::load_territory_texts(doc.dump(), "t.json").code == px::Err::FIELD_VALUE);
    CHECK(px::territory_grid().subs[0].title.fr == before);  // nothing half-loaded
}
