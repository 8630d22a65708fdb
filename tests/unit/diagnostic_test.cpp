// diagnostic_test.cpp — core/diagnostic: the job table, the arithmetic of floors and ceilings
// (checked against brute force), the alternatives rule on the worked examples of web/methode.html,
// the properties the method promises, on 10,000 random workspaces over the shipped facts, and
// every shipped product's alternatives (same job, right kind of organisation, none missing).
#include <doctest/doctest.h>

#include <algorithm>  // std::min, std::max
#include <cmath>      // std::abs
#include <random>     // std::mt19937
#include <string>     // std::string
#include <vector>     // std::vector

#include "core/catalog.h"
#include "core/diagnostic/bounds.h"
#include "core/diagnostic/jobs.h"
#include "core/scoring.h"
#include "core/workspace.h"
#include "fixtures.h"

namespace {

const px::Atlas& atlas() { return px::test::embedded_atlas(); }
const px::Catalogs& facts() { return px::test::shipped_facts(); }

const px::AxisWeights kEqual{{20, 20, 20, 20, 20}};
px::Bounds known(double v) { return {v, v}; }
px::Bounds unknown() { return {0, 100}; }

}  // namespace

// [SECTION] Jobs ---------------------------------------------------------------------------------
TEST_CASE("the job table: about forty jobs, unique codes, each in a category, with French and English words") {
    CHECK(px::kJobCount >= 40);
    CHECK(px::kJobCount <= px::kMaxJobs);
    for (size_t j = 0; j < px::kJobCount; ++j) {
        CAPTURE(px::kJobs[j].id);
        size_t back = 0;
        REQUIRE(px::job_from_code(px::kJobs[j].id, back));
        CHECK(back == j);
        CHECK(static_cast<size_t>(px::kJobs[j].category) < static_cast<size_t>(px::Category::COUNT));
        CHECK(std::string(px::job_label(j, px::Lang::Fr)) != px::job_label(j, px::Lang::En));
        CHECK(px::kJobs[j].serves != 0);
    }
    size_t j = 0;
    CHECK_FALSE(px::job_from_code("newsletters", j));
    REQUIRE(px::job_from_code("donations", j));
    CHECK(px::kJobs[j].serves == px::kServesAssociation);
}

TEST_CASE("catalogs read and write jobs and who they serve; an unknown job is refused where it is") {
    px::Catalog c;
    const char* text = R"({"format": "proxinum-catalog", "version": 1, "name": "T", "providers": [
      {"id": "a", "name": "A", "jobs": ["web_hosting"], "serves": ["public"],
       "products": [{"name": "P", "category": "email", "jobs": ["mailbox"], "serves": ["tpe", "association"]}]}]})";
    REQUIRE(px::parse_catalog_json(text, "t.json").get(c) == px::Err::OK);
    const px::Provider& p = c.providers[0];
    size_t hosting = 0, mailbox = 0;
    REQUIRE(px::job_from_code("web_hosting", hosting));
    REQUIRE(px::job_from_code("mailbox", mailbox));
    CHECK(p.jobs == px::job_bit(hosting));
    CHECK(p.all_jobs() == (px::job_bit(hosting) | px::job_bit(mailbox)));
    CHECK(p.offers(px::Category::Hosting));  // a job implies its category
    CHECK(p.serves == px::kServesPublic);
    CHECK(p.products[0].serves == (px::kServesTpe | px::kServesAssociation));
    px::Catalog again;
    REQUIRE(px::parse_catalog_json(px::write_catalog_json(c), "t.json").get(again) == px::Err::OK);
    CHECK(again.providers[0].jobs == p.jobs);
    CHECK(again.providers[0].products[0].jobs == p.products[0].jobs);
    CHECK(again.providers[0].serves == p.serves);
    const px::Result<px::Catalog> bad = px::parse_catalog_json(R"({"format": "proxinum-catalog", "version": 1, "name": "T", "providers": [
      {"id": "a", "name": "A", "jobs": ["mailbox", "mail"]}]})", "t.json");
    CHECK(bad.error().code == px::Err::FIELD_VALUE);
    CHECK(bad.error().json_pointer == "/providers/0/jobs/1");
    CHECK(px::parse_catalog_json(R"({"format": "proxinum-catalog", "version": 1, "name": "T", "providers": [
      {"id": "a", "name": "A", "serves": ["everyone"]}]})", "t.json").error().code == px::Err::FIELD_VALUE);
    const px::Result<px::Workspace> we = px::parse_workspace_json(R"({"format": "proxinum-workspace", "version": 2,
      "organisation": {"name": "x"}, "services": [{"category": "email", "job": "inbox"}]})", "w.json");
    CHECK(we.error().code == px::Err::FIELD_VALUE);
    CHECK(we.error().json_pointer == "/services/0/job");
}

// [SECTION] Bounds -------------------------------------------------------------------------------
TEST_CASE("weighted_mean_bounds equals brute force over every corner of the weights") {
    std::mt19937 rng(17);
    std::uniform_real_distribution<double> u(0, 100);
    for (int round = 0; round < 2000; ++round) {
        const size_t n = 1 + rng() % 7;
        std::vector<px::MeanItem> items(n);
        for (px::MeanItem& it : items) {
            const double a = u(rng), b = u(rng);
            it.value = rng() % 3 ? px::Bounds{std::min(a, b), std::max(a, b)} : known(a);
            it.wlow = 1 + static_cast<double>(rng() % 3);
            it.whigh = it.wlow + static_cast<double>(rng() % 6);
        }
        double lo = 1e9, hi = -1e9;
        for (unsigned mask = 0; mask < (1u << n); ++mask) {
            double sw = 0, swl = 0, swh = 0;
            for (size_t i = 0; i < n; ++i) {
                const double w = (mask >> i) & 1u ? items[i].whigh : items[i].wlow;
                sw += w;
                swl += w * items[i].value.low;
                swh += w * items[i].value.high;
            }
            lo = std::min(lo, swl / sw);
            hi = std::max(hi, swh / sw);
        }
        const px::MeanBounds m = px::weighted_mean_bounds(items);
        CAPTURE(round);
        CHECK(m.low == doctest::Approx(lo));
        CHECK(m.high == doctest::Approx(hi));
        double sw = 0, swl = 0;
        for (size_t i = 0; i < n; ++i) {
            sw += m.wfloor[i];
            swl += m.wfloor[i] * items[i].value.low;
        }
        CHECK(swl / sw == doctest::Approx(m.low));  // the weights it reports give its floor
    }
    CHECK(px::weighted_mean_bounds({}).low == 0);
    CHECK(px::weighted_mean_bounds({}).high == 100);
}

// The worked examples of web/methode.html, "Alternatives" (five equal weights of 20).
TEST_CASE("method example 1 - a local mailbox against Gmail: a sure gain") {
    // Gmail: proximity 0, sovereignty 20, openness 60 (declared), sobriety and accessibility unknown.
    const px::AxisBounds gmail{known(0), known(20), known(60), unknown(), unknown()};
    // A mailbox in the same intercommunalité, hosted in France by a French firm, free software with
    // open formats and export: 100, 100, 100, unknown, unknown.
    const px::AxisBounds local{known(100), known(100), known(100), unknown(), unknown()};
    const px::Verdict d = px::compare_candidate(gmail, local, kEqual);
    CHECK(d.kind == px::Verdict::Better);
    CHECK(d.gain_floor == doctest::Approx((100 + 80 + 40) / 5.0));  // +44
    CHECK(d.gain_sure == doctest::Approx(44));
    CHECK(d.main_axis == 0);  // mostly proximity
}

TEST_CASE("method example 2 - a French mailbox whose hosting is not known: to check") {
    const px::AxisBounds gmail{known(0), known(20), known(60), unknown(), unknown()};
    // Head office in France, commune unknown: 50 to 100; hosting and laws unknown: 0 to 100;
    // openness unknown.
    const px::AxisBounds fr{px::Bounds{50, 100}, unknown(), unknown(), unknown(), unknown()};
    const px::Verdict d = px::compare_candidate(gmail, fr, kEqual);
    CHECK(d.kind == px::Verdict::ToCheck);
    CHECK(d.gain_floor == doctest::Approx((50 - 20 - 60) / 5.0));              // −6 on the floors
    CHECK(d.gain_max == doctest::Approx((100 + 80 + 40 + 100 + 100) / 5.0));  // +84 at most
    CHECK(d.better_axes == 1u);                                                // surely nearer
    CHECK(d.check_candidate == 7u);  // where in France, which laws and hosting, openness
    CHECK(d.check_current == 0u);  // proximity is known for Gmail; the rest is unknown on both sides
}

TEST_CASE("method example 3 - never a candidate worse where both are known (TikTok for Facebook)") {
    // Facebook: proximity 0, sovereignty 20; TikTok: proximity 30 (its Irish entity), sovereignty 0.
    const px::AxisBounds facebook{known(0), known(20), known(0), unknown(), unknown()};
    const px::AxisBounds tiktok{known(30), known(0), unknown(), unknown(), unknown()};
    const px::Verdict d = px::compare_candidate(facebook, tiktok, kEqual);
    CHECK(d.kind == px::Verdict::Refused);
    CHECK(d.worse_axes == (1u << 1));
    // Nor one that is better only in hope: nothing known in its favour.
    const px::AxisBounds x{known(0), known(20), unknown(), unknown(), unknown()};
    CHECK(px::compare_candidate(facebook, x, kEqual).kind == px::Verdict::Refused);
}

TEST_CASE("method example 4 - less than one grade band is not an alternative") {
    const px::AxisBounds now{known(30), known(60), known(60), known(50), known(50)};
    const px::AxisBounds cand{known(70), known(60), known(60), known(50), known(50)};  // +8
    const px::Verdict d = px::compare_candidate(now, cand, kEqual);
    CHECK(d.gain_sure == doctest::Approx(8));
    CHECK(d.kind == px::Verdict::Refused);
    // A weight of 0 takes an axis out of the comparison, even a worse one.
    const px::AxisBounds worse_sobriety{known(100), known(60), known(60), known(0), known(50)};
    CHECK(px::compare_candidate(now, worse_sobriety, kEqual).kind == px::Verdict::Refused);
    CHECK(px::compare_candidate(now, worse_sobriety, {{20, 20, 20, 0, 20}}).kind == px::Verdict::Better);
}

// [SECTION] Properties ---------------------------------------------------------------------------
namespace {

struct RandomWorkspaces {
    std::mt19937 rng{2026};
    std::vector<const px::Provider*> providers;  // the shipped ones that do something
    RandomWorkspaces() {
        for (const px::Provider& p : facts().list()[0].providers) {
            if (p.all_jobs()) providers.push_back(&p);
        }
        REQUIRE(providers.size() > 50);
    }
    size_t pick(size_t n) { return rng() % n; }
    std::optional<bool> tri() {
        const unsigned v = rng() % 3;
        return v == 0 ? std::nullopt : std::optional<bool>(v == 1);
    }
    px::Service service() {
        px::Service s;
        const px::Provider& p = *providers[pick(providers.size())];
        s.provider = p.id;
        if (!p.products.empty() && rng() % 2) {
            const px::Product& pr = p.products[pick(p.products.size())];
            s.product = pr.name;
            s.category = pr.category;
        } else {
            std::vector<px::Category> cats;
            for (size_t c = 0; c < static_cast<size_t>(px::Category::COUNT); ++c) {
                if (p.offers(static_cast<px::Category>(c))) cats.push_back(static_cast<px::Category>(c));
            }
            s.category = cats.empty() ? px::Category::Other : cats[pick(cats.size())];
        }
        if (rng() % 4 == 0) s.job = px::job_code(pick(px::kJobCount));
        const char* hosting[] = {"", "", "FR", "DE", "US", "CH"};
        s.hosting = hosting[pick(6)];
        s.personal_data = tri();
        s.open_source = tri();
        s.open_formats = tri();
        s.export_data = tri();
        s.secnumcloud = rng() % 8 == 0 ? std::optional<bool>(true) : std::nullopt;
        s.assisted_channel = tri();
        s.accessibility_statement = tri();
        if (rng() % 2) s.users = static_cast<double>(1 + pick(100));
        if (rng() % 3 == 0) s.sobriety = static_cast<double>(pick(101));
        return s;
    }
    px::Workspace workspace() {
        px::Workspace ws;
        const char* insee[] = {"79191", "93066", "75056", "69123", "", "29019"};
        ws.organisation.insee = insee[pick(6)];
        ws.organisation.kind = static_cast<px::OrgKind>(pick(static_cast<size_t>(px::OrgKind::COUNT)));
        const size_t n = 1 + pick(6);
        for (size_t i = 0; i < n; ++i) ws.services.push_back(service());
        for (double& w : ws.weights) w = static_cast<double>(pick(41));
        if (ws.weights[1] == 0) ws.weights[1] = 10;  // never all zero
        return ws;
    }
};

px::Report score(const px::Workspace& ws) { return px::score_workspace(ws, facts(), &atlas(), px::Lang::Fr, false); }

// Makes the fact number `k` (0–11) of a service unknown; false when it was not set, or when
// clearing the user's answer would only bring back the catalog's own fact for it (that is not a
// fact removed but another one used; the free-text property removes the catalog's facts).
bool remove_fact(px::Service& s, unsigned k) {
    const px::Provider* p = facts().find(s.provider);
    const px::Product* pr = p ? p->product(s.product) : nullptr;
    if (k == 0 && p && !p->hosting.empty()) return false;
    if (k == 2 && ((pr && pr->open_source) || (p && (p->labels & px::kLabelChatons)))) return false;
    if (k == 3 && pr && pr->open_formats) return false;
    if (k == 4 && pr && pr->export_data) return false;
    auto clear = [](auto& o) {
        const bool had = o.has_value();
        o.reset();
        return had;
    };
    switch (k) {
        case 0: { const bool had = !s.hosting.empty(); s.hosting.clear(); return had; }
        case 1: return clear(s.personal_data);
        case 2: return clear(s.open_source);
        case 3: return clear(s.open_formats);
        case 4: return clear(s.export_data);
        case 5: return clear(s.secnumcloud);
        case 6: return clear(s.assisted_channel);
        case 7: return clear(s.accessibility_statement);
        case 8: return clear(s.users);
        case 9: return clear(s.sobriety);
        case 10: { const bool had = !s.job.empty(); s.job.clear(); return had; }
        default: { const bool had = !s.product.empty(); s.product.clear(); return had; }
    }
}

}  // namespace

TEST_CASE("issue #17 - properties of the method on 10,000 random workspaces") {
    RandomWorkspaces gen;
    size_t removed = 0, typed = 0, less_data = 0, moved = 0;
    for (int round = 0; round < 10000; ++round) {
        const px::Workspace ws = gen.workspace();
        const px::Report r = score(ws);
        CAPTURE(round);
        // Bounds are bounds, and the contributions add up to each axis's floor.
        REQUIRE(r.score_known);
        CHECK(r.score <= r.score_max + 1e-9);
        for (size_t a = 0; a < px::kAxisCount; ++a) {
            CHECK(r.axes[a].score >= -1e-9);
            CHECK(r.axes[a].ceiling <= 100 + 1e-9);
            double sum = 100;
            for (const px::Contribution& c : r.contributions) {
                if (static_cast<size_t>(c.axis) == a) sum += c.points;
            }
            CHECK(sum == doctest::Approx(r.axes[a].score));
        }
        const size_t i = gen.pick(ws.services.size());

        // 1. Removing any fact never raises any axis's floor nor the label.
        px::Workspace less = ws;
        if (remove_fact(less.services[i], static_cast<unsigned>(gen.pick(12)))) {
            ++removed;
            const px::Report rl = score(less);
            for (size_t a = 0; a < px::kAxisCount; ++a) CHECK(rl.axes[a].score <= r.axes[a].score + 1e-9);
            CHECK(rl.grade >= r.grade);  // 'A' < 'G'
        }
        // 2. The same provider typed as free text never raises the label.
        if (const px::Provider* p = facts().find(ws.services[i].provider)) {
            ++typed;
            px::Workspace free_text = ws;
            free_text.services[i].provider_name = p->name;
            free_text.services[i].provider.clear();
            const px::Report rt = score(free_text);
            CHECK(rt.score <= r.score + 1e-9);
            CHECK(rt.grade >= r.grade);
        }
        // 3. Declaring less personal data at stake never lowers the sovereignty axis.
        if (ws.services[i].personal_data != std::optional<bool>(false)) {
            ++less_data;
            px::Workspace fewer = ws;
            fewer.services[i].personal_data = false;
            const px::Report rf = score(fewer);
            CHECK(rf.axes[1].score >= r.axes[1].score - 1e-9);
            CHECK(rf.axes[1].ceiling >= r.axes[1].ceiling - 1e-9);
        }
        // 4. Moving a service to a provider better on every axis never lowers the score.
        px::Workspace other = ws;
        other.services[i].provider = gen.providers[gen.pick(gen.providers.size())]->id;
        other.services[i].product.clear();
        const px::Report ro = score(other);
        bool better_everywhere = true;
        for (size_t a = 0; a < px::kAxisCount; ++a) {
            const px::Contribution& before = r.contributions[a * ws.services.size() + i];
            const px::Contribution& after = ro.contributions[a * ws.services.size() + i];
            REQUIRE(before.service == static_cast<int32_t>(i));
            better_everywhere = better_everywhere && after.low >= before.low;
        }
        if (better_everywhere) {
            ++moved;
            CHECK(ro.score >= r.score - 1e-9);
        }
    }
    // Each property was really exercised.
    CHECK(removed > 3000);
    CHECK(typed > 9000);
    CHECK(less_data > 5000);
    CHECK(moved > 1000);
}

// [SECTION] Shipped alternatives -----------------------------------------------------------------
TEST_CASE("issue #17 - every shipped product: alternatives of the same job for the right organisations, none missing") {
    const px::Catalog& shipped = facts().list()[0];
    const px::OrgKind kinds[] = {px::OrgKind::Tpe, px::OrgKind::Association, px::OrgKind::Commune};
    const uint8_t kind_bits[] = {px::kServesTpe, px::kServesAssociation, px::kServesPublic};
    size_t checked = 0, with_option = 0;
    for (const px::Provider& p : shipped.providers) {
        for (const px::Product& pr : p.products) {
            for (size_t k = 0; k < 3; ++k) {
                px::Workspace ws;
                ws.organisation.kind = kinds[k];
                ws.organisation.insee = "79191";
                px::Service s;
                s.category = pr.category;
                s.provider = p.id;
                s.product = pr.name;
                s.personal_data = true;
                s.users = 3;
                ws.services.push_back(s);
                const px::Report r = px::score_workspace(ws, facts(), &atlas(), px::Lang::Fr);
                CAPTURE(p.id);
                CAPTURE(pr.name);
                CAPTURE(k);
                const int32_t job = r.services[0].job;
                REQUIRE(job >= 0);  // every shipped product says what it does
                const uint64_t bit = px::job_bit(static_cast<size_t>(job));
                for (const px::Alternative& a : r.alternatives) {
                    const px::Provider* q = facts().find(a.provider);
                    REQUIRE(q);
                    CHECK((q->all_jobs() & bit) != 0);
                    CHECK(a.job == job);
                    const px::Product* qp = a.product.empty() ? nullptr : q->product(a.product);
                    const uint8_t serves = qp && qp->serves ? qp->serves : q->serves ? q->serves : px::kJobs[job].serves;
                    CHECK((serves & kind_bits[k]) != 0);
                    CHECK((a.to_check ? a.gain_max : a.gain_sure) >= 10);
                }
                ++checked;
                // A French or EU option for this job and this kind of organisation: a product
                // from outside the EU gets at least one alternative.
                // A product from outside the EU: its provider is placed outside the EU (the place of
                // its head office or contracting entity is known). The shipped providers whose place
                // is not documented yet are listed, and the list is checked, so that it shrinks as
                // their facts are written (issue #24).
                const std::string& place = !p.hq.country.empty() ? p.hq.country : p.country;
                static const char* const kUndocumented[] = {"alibaba-cloud", "automattic", "aws", "block-square", "collabora",
                                                    "github", "infomaniak", "nextcloud", "notion", "vimeo"};
                const bool listed = std::any_of(std::begin(kUndocumented), std::end(kUndocumented),
                                                [&](const char* id) { return p.id == id; });
                CHECK(listed == place.empty());
                if (place.empty() || place == "FR" || px::country_in_eea(place)) continue;
                const bool option = std::any_of(shipped.providers.begin(), shipped.providers.end(), [&](const px::Provider& q) {
                    const px::Jurisdiction jq = px::provider_jurisdiction(&q);
                    if (q.id == p.id || q.kind != "provider" || !(q.all_jobs() & bit) ||
                        (jq != px::Jurisdiction::France && jq != px::Jurisdiction::EU)) return false;
                    const px::Product* qp = nullptr;
                    for (const px::Product& x : q.products) {
                        if (x.jobs & bit) { qp = &x; break; }
                    }
                    const uint8_t serves = qp && qp->serves ? qp->serves : q.serves ? q.serves : px::kJobs[job].serves;
                    return (serves & kind_bits[k]) != 0;
                });
                if (!option) continue;
                ++with_option;
                CHECK_FALSE(r.alternatives.empty());
            }
        }
    }
    CHECK(checked >= 200);
    CHECK(with_option >= 60);
}
