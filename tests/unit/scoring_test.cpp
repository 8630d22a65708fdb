// scoring_test.cpp — pins the diagnostic method (core/scoring.h, web/methode.html) on hand-computed
// cases: each axis, unknowns, weights, the spend share, grades, alternatives, and the Gmail + Wix +
// Facebook shop against a shop served by local providers. Uses a test catalog, not the shipped
// facts, so that the numbers below only change when the method does.
#include <doctest/doctest.h>

#include <algorithm>  // std::find
#include <cmath>   // std::abs
#include <vector>  // std::vector
#include <string>  // std::string

#include "core/atlas.h"
#include "core/atlas_embedded.h"
#include "core/catalog.h"
#include "core/facts.h"
#include "core/scoring.h"
#include "core/workspace.h"

namespace {

const px::Atlas& atlas() {
    static px::Atlas a = [] {
        px::Atlas out;
        px::Result<px::Atlas> r = px::decode_atlas(px::embedded_atlas_data(), px::embedded_atlas_size(), "atlas");
        REQUIRE(r.get(out) == px::Err::OK);
        return out;
    }();
    return a;
}

// Niort is 79191; Chauray 79081 is in the same EPCI (CA du Niortais); Parthenay 79202 is in the
// Deux-Sèvres; Poitiers 86194 in the same région (Nouvelle-Aquitaine); Roubaix 59512 elsewhere.
const char* kCatalog = R"({"format": "proxinum-catalog", "version": 1, "name": "Test", "providers": [
  {"id": "bigmail", "name": "BigMail", "country": "US", "hq": {"city": "Mountain View", "country": "US"},
   "parent": {"name": "Big Inc.", "country": "US"}, "exposure": ["US_CLOUD_ACT", "US_FISA_702"],
   "categories": ["email"], "products": [{"name": "BigMail", "category": "email", "open_source": false,
   "open_formats": true, "export": true}]},
  {"id": "sitebuilder", "name": "SiteBuilder", "country": "IL", "hq": {"city": "Tel Aviv", "country": "IL"},
   "categories": ["website"]},
  {"id": "socialnet", "name": "SocialNet", "country": "IE", "hq": {"city": "Menlo Park", "country": "US"},
   "parent": {"name": "Social Inc.", "country": "US"}, "categories": ["social"]},
  {"id": "niort-mail", "name": "Atelier Mail", "country": "FR", "hq": {"insee": "79081"},
   "parent": {"name": "Atelier Mail", "country": "FR"}, "exposure": [], "hosting": ["FR"],
   "categories": ["email"], "products": [{"name": "Atelier Mail", "category": "email", "open_source": true,
   "open_formats": true, "export": true}]},
  {"id": "parthenay-web", "name": "Web Gâtine", "country": "FR", "hq": {"insee": "79202"},
   "parent": {"name": "Web Gâtine", "country": "FR"}, "exposure": [], "hosting": ["FR"],
   "categories": ["website", "hosting"]},
  {"id": "poitiers-host", "name": "Hébergeur Poitevin", "country": "FR", "hq": {"insee": "86194"},
   "parent": {"name": "Groupe Poitevin", "country": "DE"}, "hosting": ["DE"], "categories": ["hosting"]},
  {"id": "roubaix-cloud", "name": "Cloud du Nord", "country": "FR", "hq": {"insee": "59512"},
   "hosting": ["FR", "CA"], "exposure": [], "parent": {"name": "Nord", "country": "FR"}, "categories": ["storage"]},
  {"id": "berlin-mail", "name": "Berlin Mail", "country": "DE", "hq": {"country": "DE"},
   "categories": ["email"]},
  {"id": "mediation", "name": "Espace numérique", "kind": "mediation", "hq": {"insee": "79191"},
   "categories": ["email"]}
]})";

px::Catalogs test_catalogs() {
    px::Catalog c;
    REQUIRE(px::parse_catalog_json(kCatalog, "test.json").get(c) == px::Err::OK);
    px::Catalogs cats;
    cats.add(std::move(c));
    return cats;
}

px::Workspace niort_workspace() {
    px::Workspace ws;
    ws.organisation.name = "Boulangerie";
    ws.organisation.insee = "79191";
    return ws;
}

px::Service service(px::Category cat, const char* provider, const char* product = "") {
    px::Service s;
    s.category = cat;
    s.provider = provider;
    s.product = product;
    return s;
}

const px::Contribution& contribution(const px::Report& r, px::Axis axis, int service) {
    for (const px::Contribution& c : r.contributions) {
        if (c.axis == axis && c.service == service) return c;
    }
    FAIL("no contribution");
    return r.contributions.front();
}

double axis(const px::Report& r, px::Axis a) { return r.axes[static_cast<size_t>(a)].score; }
bool known(const px::Report& r, px::Axis a) { return r.axes[static_cast<size_t>(a)].known; }

}  // namespace

TEST_CASE("proximity follows the administrative ladder, then the country") {
    const px::Catalogs cats = test_catalogs();
    px::Workspace ws = niort_workspace();
    ws.services = {service(px::Category::Email, "niort-mail"), service(px::Category::Website, "parthenay-web"),
                   service(px::Category::Hosting, "poitiers-host"), service(px::Category::Storage, "roubaix-cloud"),
                   service(px::Category::Email, "berlin-mail"), service(px::Category::Email, "bigmail")};
    const px::Report r = px::score_workspace(ws, cats, &atlas(), px::Lang::Fr);
    const double expected[] = {100, 85, 70, 50, 30, 0};
    for (int i = 0; i < 6; ++i) {
        CAPTURE(i);
        const px::Contribution& c = contribution(r, px::Axis::Proximity, i);
        CHECK(c.known);
        CHECK(c.value == expected[i]);
        CHECK(c.points == doctest::Approx(-(100 - expected[i]) / 6.0));  // equal weights, no costs
    }
    CHECK(axis(r, px::Axis::Proximity) == doctest::Approx((100 + 85 + 70 + 50 + 30 + 0) / 6.0));
    CHECK(contribution(r, px::Axis::Proximity, 0).reason.find("même commune ou intercommunalité") != std::string::npos);
    CHECK(r.services[3].distance_known);
    CHECK(r.services[3].distance_km > 500);
}

TEST_CASE("the spend share takes 30 % of proximity when yearly costs are given") {
    const px::Catalogs cats = test_catalogs();
    px::Workspace ws = niort_workspace();
    ws.services = {service(px::Category::Email, "niort-mail"), service(px::Category::Email, "bigmail")};
    ws.services[0].yearly_cost_eur = 300;  // local (same EPCI)
    ws.services[1].yearly_cost_eur = 100;  // far
    const px::Report r = px::score_workspace(ws, cats, &atlas(), px::Lang::Fr);
    // 0.7 × mean(100, 0) + 0.3 × 75 = 35 + 22.5
    CHECK(axis(r, px::Axis::Proximity) == doctest::Approx(57.5));
    double sum = 100;
    for (const px::Contribution& c : r.contributions) {
        if (c.axis == px::Axis::Proximity && c.known) sum += c.points;
    }
    CHECK(sum == doctest::Approx(57.5));  // contributions add up to the axis
}

TEST_CASE("sovereignty: hosting and law, extraterritorial laws, SecNumCloud, unknowns") {
    const px::Catalogs cats = test_catalogs();
    px::Workspace ws = niort_workspace();
    ws.services = {service(px::Category::Email, "niort-mail"), service(px::Category::Hosting, "poitiers-host"),
                   service(px::Category::Storage, "roubaix-cloud"), service(px::Category::Email, "bigmail"),
                   service(px::Category::Social, "socialnet"), service(px::Category::Website, "sitebuilder"),
                   service(px::Category::Email, "berlin-mail")};
    ws.services[6].secnumcloud = true;  // declared on a qualified offer
    const px::Report r = px::score_workspace(ws, cats, &atlas(), px::Lang::En);
    CHECK(contribution(r, px::Axis::Sovereignty, 0).value == 100);  // FR hosting, FR group, no law
    CHECK(contribution(r, px::Axis::Sovereignty, 1).value == 90);   // DE hosting 80, DE group 100
    CHECK(contribution(r, px::Axis::Sovereignty, 2).value == 70);   // FR + CA hosting → CA 40; law 100
    CHECK(contribution(r, px::Axis::Sovereignty, 3).value == 20);   // CLOUD Act: hosting irrelevant
    CHECK(contribution(r, px::Axis::Sovereignty, 4).value == 20);   // US parent, no list: the US laws
    CHECK_FALSE(contribution(r, px::Axis::Sovereignty, 5).known);   // nothing known: unknown, not 0
    CHECK(contribution(r, px::Axis::Sovereignty, 5).points == 0);
    CHECK(contribution(r, px::Axis::Sovereignty, 6).value == 100);  // SecNumCloud
    CHECK(contribution(r, px::Axis::Sovereignty, 6).provenance == px::Provenance::Declared);
    CHECK(axis(r, px::Axis::Sovereignty) == doctest::Approx((100 + 90 + 70 + 20 + 20 + 100) / 6.0));
    CHECK(r.axes[static_cast<size_t>(px::Axis::Sovereignty)].services_known == 6);
}

TEST_CASE("personal data doubles a service's weight") {
    const px::Catalogs cats = test_catalogs();
    px::Workspace ws = niort_workspace();
    ws.services = {service(px::Category::Email, "niort-mail"), service(px::Category::Email, "bigmail")};
    ws.services[1].personal_data = true;
    const px::Report r = px::score_workspace(ws, cats, &atlas(), px::Lang::Fr);
    CHECK(axis(r, px::Axis::Sovereignty) == doctest::Approx((100 * 1 + 20 * 2) / 3.0));
    CHECK(contribution(r, px::Axis::Sovereignty, 1).points == doctest::Approx(-2 * 80 / 3.0));
}

TEST_CASE("openness: declared facts win over the catalog's, all three must be known") {
    const px::Catalogs cats = test_catalogs();
    px::Workspace ws = niort_workspace();
    ws.services = {service(px::Category::Email, "bigmail", "BigMail"), service(px::Category::Email, "bigmail", "bigmail"),
                   service(px::Category::Website, "sitebuilder")};
    ws.services[1].open_formats = false;  // the user knows better than the catalog
    ws.services[2].open_source = false;   // two facts missing: unknown
    const px::Report r = px::score_workspace(ws, cats, &atlas(), px::Lang::Fr);
    CHECK(contribution(r, px::Axis::Openness, 0).value == 60);
    CHECK(contribution(r, px::Axis::Openness, 0).provenance == px::Provenance::Catalog);
    CHECK(contribution(r, px::Axis::Openness, 1).value == 30);  // product name matched without case
    CHECK_FALSE(contribution(r, px::Axis::Openness, 2).known);
    CHECK(contribution(r, px::Axis::Openness, 2).reason.find("à documenter") != std::string::npos);
}

TEST_CASE("sobriety defaults per category, refined by a declared value; accessibility needs both facts") {
    const px::Catalogs cats = test_catalogs();
    px::Workspace ws = niort_workspace();
    ws.services = {service(px::Category::Video, ""), service(px::Category::Website, ""), service(px::Category::Other, "")};
    ws.services[1].sobriety = 82;  // its Ecoindex
    ws.services[0].accessibility_statement = true;
    ws.services[0].assisted_channel = false;
    ws.services[1].accessibility_statement = true;
    const px::Report r = px::score_workspace(ws, cats, &atlas(), px::Lang::Fr);
    CHECK(contribution(r, px::Axis::Sobriety, 0).value == 40);
    CHECK(contribution(r, px::Axis::Sobriety, 0).provenance == px::Provenance::Default);
    CHECK(contribution(r, px::Axis::Sobriety, 1).value == 82);
    CHECK_FALSE(contribution(r, px::Axis::Sobriety, 2).known);
    CHECK(contribution(r, px::Axis::Accessibility, 0).value == 50);
    CHECK_FALSE(contribution(r, px::Axis::Accessibility, 1).known);
    CHECK(axis(r, px::Axis::Accessibility) == 50);
    // No provider: proximity and sovereignty are unknown for every service, so the axes are too.
    CHECK_FALSE(known(r, px::Axis::Proximity));
    CHECK_FALSE(known(r, px::Axis::Sovereignty));
    // Score over the known axes only: openness unknown too → (sobriety + accessibility) / 2.
    CHECK(r.score == doctest::Approx((61.0 + 50.0) / 2.0));
    CHECK(r.confidence == doctest::Approx(3.0 / 15.0));
}

TEST_CASE("weights change the score, not the axes; grades A to G") {
    const px::Catalogs cats = test_catalogs();
    px::Workspace ws = niort_workspace();
    ws.services = {service(px::Category::Email, "niort-mail", "Atelier Mail")};
    ws.services[0].accessibility_statement = false;
    ws.services[0].assisted_channel = false;
    px::Report r = px::score_workspace(ws, cats, &atlas(), px::Lang::Fr);
    // proximity 100, sovereignty 100, openness 100, sobriety 70, accessibility 0
    CHECK(r.score == doctest::Approx(74.0));
    CHECK(r.grade == 'B');
    ws.weights = {0, 0, 0, 0, 10};
    r = px::score_workspace(ws, cats, &atlas(), px::Lang::Fr);
    CHECK(r.score == 0);
    CHECK(r.grade == 'G');
    CHECK(axis(r, px::Axis::Proximity) == 100);
    CHECK(r.axes[4].weight == 100);
    CHECK(px::grade_for(80) == 'A');
    CHECK(px::grade_for(79.9) == 'B');
    CHECK(px::grade_for(50) == 'D');
    CHECK(px::grade_for(29.9) == 'G');
    px::Workspace empty = niort_workspace();
    r = px::score_workspace(empty, cats, &atlas(), px::Lang::Fr);
    CHECK_FALSE(r.score_known);
    CHECK(r.grade == '?');
}

TEST_CASE("a Gmail + Wix + Facebook shop against a shop served by local providers") {
    const px::Catalogs cats = test_catalogs();
    px::Workspace far = niort_workspace();
    far.services = {service(px::Category::Email, "bigmail", "BigMail"), service(px::Category::Website, "sitebuilder"),
                    service(px::Category::Social, "socialnet")};
    for (px::Service& s : far.services) s.personal_data = true;
    far.services[1].open_source = false;
    far.services[1].open_formats = false;
    far.services[1].export_data = false;
    far.services[2].open_source = false;
    far.services[2].open_formats = false;
    far.services[2].export_data = true;
    px::Workspace near = niort_workspace();
    near.services = {service(px::Category::Email, "niort-mail", "Atelier Mail"), service(px::Category::Website, "parthenay-web")};
    for (px::Service& s : near.services) s.personal_data = true;
    near.services[1].open_source = true;
    near.services[1].open_formats = true;
    near.services[1].export_data = true;
    const px::Report rf = px::score_workspace(far, cats, &atlas(), px::Lang::Fr);
    const px::Report rn = px::score_workspace(near, cats, &atlas(), px::Lang::Fr);
    // Far: proximity 0; sovereignty (20 + 20)/2 (the site builder is unknown); openness
    // (60 + 0 + 30)/3; sobriety (70 + 60 + 30)/3; accessibility unknown.
    CHECK(axis(rf, px::Axis::Proximity) == 0);
    CHECK(axis(rf, px::Axis::Sovereignty) == doctest::Approx(20));
    CHECK(axis(rf, px::Axis::Openness) == doctest::Approx(30));
    CHECK(axis(rf, px::Axis::Sobriety) == doctest::Approx(160.0 / 3.0));
    CHECK(rf.score == doctest::Approx((0 + 20 + 30 + 160.0 / 3.0) / 4.0));
    CHECK(rf.grade == 'G');
    // Near: proximity (100 + 85)/2, sovereignty 100, openness 100, sobriety (70 + 60)/2.
    CHECK(rn.score == doctest::Approx((92.5 + 100 + 100 + 65) / 4.0));
    CHECK(rn.grade == 'A');
    // Alternatives for the far shop's e-mail: the local provider first, with its distance; the
    // mediation place is not a provider; nothing worse than the current service is offered.
    bool first_for_mail = true;
    for (const px::Alternative& a : rf.alternatives) {
        CHECK(a.provider != "mediation");
        if (a.gain_known) CHECK(a.gain > 0);
        if (a.service == 0 && first_for_mail) {
            CHECK(a.provider == "niort-mail");
            CHECK(a.distance_known);
            CHECK(a.distance_km < 10);
            first_for_mail = false;
        }
    }
    CHECK_FALSE(first_for_mail);
    // A radius filter keeps only what is near.
    far.alternatives_km = 30;
    for (const px::Alternative& a : px::score_workspace(far, cats, &atlas(), px::Lang::Fr).alternatives) {
        CHECK(a.distance_known);
        CHECK(a.distance_km <= 30);
    }
    // The map overlay: one flow per placed provider (the site builder has no point), jurisdiction-coloured.
    const px::MapOverlay o = px::report_overlay(rf);
    REQUIRE(o.flows.size() == 0);  // far's providers only have cities abroad, no points
    const px::MapOverlay on = px::report_overlay(rn);
    REQUIRE(on.flows.size() == 2);
    CHECK(on.flows[0].jurisdiction == px::Jurisdiction::France);
}

TEST_CASE("the report JSON has the documented shape") {
    const px::Catalogs cats = test_catalogs();
    px::Workspace ws = niort_workspace();
    ws.services = {service(px::Category::Email, "bigmail", "BigMail")};
    const std::string json = px::report_json(px::score_workspace(ws, cats, &atlas(), px::Lang::Fr), ws);
    const nlohmann::json doc = nlohmann::json::parse(json);
    CHECK(doc["axes"].contains("proximity"));
    CHECK(doc["axes"]["accessibility"].is_null());
    CHECK(doc["grade"].is_string());
    CHECK(doc["contributions"].size() == 5);
    CHECK(doc["contributions"][1]["reason"].get<std::string>().find("CLOUD Act") != std::string::npos);
}

TEST_CASE("the shipped facts load, and every fact in them names its source") {
    px::Catalog facts;
    REQUIRE(px::builtin_catalog().get(facts) == px::Err::OK);
    CHECK(facts.builtin);
    CHECK(facts.providers.size() >= 80);
    for (const px::Provider& p : facts.providers) {
        CAPTURE(p.id);
        if (!p.parent_country.empty()) CHECK(p.source_for("parent") != nullptr);
        if (p.exposure_known) CHECK(p.source_for("exposure") != nullptr);
        for (const px::Source& s : p.sources) CHECK(s.checked.size() == 10);
    }
    px::Catalogs cats;
    cats.add(std::move(facts));
    const px::Provider* google = nullptr;
    REQUIRE(cats.find_product("gmail", &google) != nullptr);
    CHECK(google->id == "google");
    CHECK(google->hq.pos.has_value());  // placed from its GeoNames id at build time
}

TEST_CASE("the workspace's own catalogs put their placed actors on the map, once") {
    px::Workspace ws = niort_workspace();
    px::Catalog c;
    REQUIRE(px::parse_catalog_json(kCatalog, "test.json").get(c) == px::Err::OK);
    ws.catalogs.push_back(c);
    px::MapOverlay o;
    px::add_catalog_markers(ws, &atlas(), o);
    // Every provider with a commune or a known city is placed; "Berlin Mail" has only a country.
    std::vector<std::string> labels;
    for (const px::MapMarker& m : o.markers) labels.push_back(m.label);
    CHECK(std::find(labels.begin(), labels.end(), "Atelier Mail") != labels.end());
    CHECK(std::find(labels.begin(), labels.end(), "Espace numérique") != labels.end());  // a place of mediation too
    CHECK(std::find(labels.begin(), labels.end(), "Berlin Mail") == labels.end());
    const size_t n = o.markers.size();
    px::add_catalog_markers(ws, &atlas(), o);
    CHECK(o.markers.size() == n);  // never twice
    const px::Atlas::Commune* chauray = atlas().find_commune("79081");
    REQUIRE(chauray);
    const auto atelier = std::find_if(o.markers.begin(), o.markers.end(), [](const px::MapMarker& m) { return m.label == "Atelier Mail"; });
    CHECK(atelier->pos.lon_deg == chauray->pos.lon_deg);
    CHECK(atelier->pos.lat_deg == chauray->pos.lat_deg);
}
