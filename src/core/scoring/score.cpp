// score.cpp — puts the five axis rules together (scoring.h): per-service values and intervals,
// contributions, axes with their floor and ceiling, the label from the floor, the job of each
// service, alternatives by core/diagnostic/bounds.h's rule, and the JSON report.
// Index: [SECTION] Helpers · Context · Jobs · Scoring · Alternatives · Report JSON · Map overlay
#include <algorithm>  // std::sort, std::min
#include <cmath>      // std::round
#include <cstdio>     // std::snprintf

#include "core/diagnostic/bounds.h"  // weighted_mean_bounds, compare_candidate
#include "core/scoring/rules.h"

namespace px {

const char* provenance_label(Provenance p, Lang lang) {
    switch (p) {
        case Provenance::Declared: return tr(Msg::SCORE_DECLARE, lang);
        case Provenance::Catalog: return tr(Msg::SCORE_FICHE_FOURNISSEUR, lang);
        case Provenance::Default: return tr(Msg::SCORE_VALEUR_DEFAUT, lang);
        default: return tr(Msg::DIAG_INCONNU, lang);
    }
}

char grade_for(double score) {
    const double bands[] = {80, 70, 60, 50, 40, 30};
    for (int i = 0; i < 6; ++i) {
        if (score >= bands[i]) return static_cast<char>('A' + i);
    }
    return 'G';
}

uint32_t grade_rgb(char grade) {
    static const uint32_t kColours[] = {0x00853F, 0x33A847, 0x8DC23E, 0xFFCC00, 0xFBA11B, 0xEC6623, 0xE20613};
    return grade >= 'A' && grade <= 'G' ? kColours[grade - 'A'] : 0x969696;
}

namespace scoring {

// [SECTION] Helpers ------------------------------------------------------------------------------
std::optional<bool> fact(const std::optional<bool>& declared, const std::optional<bool>* catalog, Provenance& prov) {
    if (declared) {
        prov = Provenance::Declared;
        return declared;
    }
    if (catalog && *catalog) {
        prov = Provenance::Catalog;
        return *catalog;
    }
    prov = Provenance::Unknown;
    return std::nullopt;
}

std::string provider_title(const ServiceContext& c) {
    if (!c.provider) return tr(Msg::SCORE_PROVIDER_NOT_IN_CATALOG, c.lang);
    const Provider& p = *c.provider;
    std::string out = p.name;
    std::string place = p.hq.city;
    if (place.empty() && c.provider_commune) place = std::string(c.atlas->name(*c.provider_commune));
    const std::string& country = !p.hq.country.empty() ? p.hq.country : p.country;
    if (!place.empty()) out += ", " + place;
    if (!country.empty()) out += std::string(" (") + country_name(country, c.lang) + ")";
    return out;
}

void set_known(AxisValue& v, double value) {
    v.known = true;
    v.value = v.low = v.high = value;
}

void set_bounds(AxisValue& v, double low, double high) {
    v.low = low;
    v.high = high;
    v.known = low == high;
    v.value = low;
}

std::string range_text(const AxisValue& v, Lang lang) {
    if (v.known) return {};
    return format_msg(Msg::SCORE_RANGE, lang, format_number(v.low, 0, lang).c_str(), format_number(v.high, 0, lang).c_str());
}

std::string source_url(const Provider* p, const char* field) {
    if (!p) return {};
    const Source* s = p->source_for(field);
    return s ? s->url : std::string();
}

}  // namespace scoring

// [SECTION] Context ------------------------------------------------------------------------------
namespace {
using scoring::AxisValue;
using scoring::ServiceContext;

void place_provider(const Provider* p, const Atlas* atlas, const Atlas::Commune*& commune, std::optional<geo::LonLat>& pos) {
    commune = nullptr;
    pos.reset();
    if (!p) return;
    if (atlas && !p->hq.insee.empty()) commune = atlas->find_commune(p->hq.insee);
    if (commune && commune->placed()) pos = commune->pos;
    else if (p->hq.pos) pos = p->hq.pos;
}

Jurisdiction jurisdiction_of(const Provider* p) {
    if (!p) return Jurisdiction::Unknown;
    const std::string& c = !p->parent_country.empty() ? p->parent_country : p->country;
    if (c.empty()) return Jurisdiction::Unknown;
    if (c == "FR") return Jurisdiction::France;
    if (country_in_eea(c)) return Jurisdiction::EU;
    if (c == "US") return Jurisdiction::US;
    return Jurisdiction::Other;
}

using AxisValues = std::array<AxisValue, kAxisCount>;

AxisValues evaluate(const ServiceContext& c) {
    return {scoring::proximity(c), scoring::sovereignty(c), scoring::openness(c), scoring::sobriety(c),
            scoring::accessibility(c)};
}

std::string service_title(const Service& s, const Provider* p, Lang lang) {
    std::string out = category_label(s.category, lang);
    out += tr(Msg::PUNCT_COLON, lang);
    if (!s.product.empty()) out += s.product;
    const std::string who = p ? p->name : s.provider_name;
    if (!who.empty()) out += s.product.empty() ? who : " (" + who + ")";
    if (s.product.empty() && who.empty()) out += tr(Msg::SCORE_NON_RENSEIGNE, lang);
    return out;
}
}  // namespace

Jurisdiction provider_jurisdiction(const Provider* p) { return jurisdiction_of(p); }

std::optional<geo::LonLat> provider_position(const Provider* p, const Atlas* atlas) {
    const Atlas::Commune* commune = nullptr;
    std::optional<geo::LonLat> pos;
    place_provider(p, atlas, commune, pos);
    return pos;
}

static_assert(kBoundsAxes == kAxisCount, "bounds.h and workspace.h count the same axes");
// [SECTION] Jobs ---------------------------------------------------------------------------------
int32_t service_job(const Service& s, const Provider* p, JobFrom* from) {
    auto done = [&](int32_t job, JobFrom f) {
        if (from) *from = f;
        return job;
    };
    size_t j = 0;
    if (!s.job.empty() && job_from_code(s.job, j)) return done(static_cast<int32_t>(j), JobFrom::Declared);
    if (!p) return done(-1, JobFrom::None);
    // The first job in the service's category, else the first at all.
    auto pick = [&](uint64_t jobs, bool any) -> int32_t {
        for (size_t k = 0; k < kJobCount; ++k) {
            if ((jobs & job_bit(k)) && (any || kJobs[k].category == s.category)) return static_cast<int32_t>(k);
        }
        return -1;
    };
    if (const Product* prod = p->product(s.product); prod && prod->jobs) {
        const int32_t in_cat = pick(prod->jobs, false);
        return done(in_cat >= 0 ? in_cat : pick(prod->jobs, true), JobFrom::Product);
    }
    // A provider's job counts only when it is the only one in the service's category.
    int32_t found = -1;
    for (size_t k = 0; k < kJobCount; ++k) {
        if (!(p->all_jobs() & job_bit(k)) || kJobs[k].category != s.category) continue;
        if (found >= 0) return done(-1, JobFrom::None);
        found = static_cast<int32_t>(k);
    }
    if (found < 0) {  // none in the category: its only job at all, if it has just one
        const uint64_t all = p->all_jobs();
        if (all && !(all & (all - 1))) {
            for (size_t k = 0; k < kJobCount; ++k) {
                if (all & job_bit(k)) found = static_cast<int32_t>(k);
            }
        }
    }
    return done(found, found >= 0 ? JobFrom::Provider : JobFrom::None);
}

namespace {
uint8_t serves_bit(OrgKind k) {
    switch (k) {
        case OrgKind::Tpe: return kServesTpe;
        case OrgKind::Association: return kServesAssociation;
        case OrgKind::Commune: case OrgKind::Epci: case OrgKind::Departement: return kServesPublic;
        default: return kServesAll;  // "other": only what serves everyone
    }
}

// The proximity weight of a service: its use, 1 + log2(users) from 1 to 7 (64 users or more);
// not given: anywhere from 1 to 7.
MeanItem use_item(const Service& s, const Bounds& value) {
    MeanItem m{value, 1, 7};
    if (s.users) {
        const double u = std::min(64.0, std::max(1.0, *s.users));
        m.wlow = m.whigh = 1.0 + std::log2(u);
    }
    return m;
}

// The laws reaching data wherever they are stored that a provider answers to: bit 0 the US ones
// (CLOUD Act), bit 1 China's; from its list, else from its group's country.
unsigned extraterritorial(const Provider* p) {
    if (!p) return 0;
    if (p->exposure_known) return (p->exposed_to(Law::UsCloudAct) ? 1u : 0u) | (p->exposed_to(Law::CnNil2017) ? 2u : 0u);
    return p->parent_country == "US" ? 1u : p->parent_country == "CN" ? 2u : 0u;
}

AxisBounds bounds_of(const AxisValues& v) {
    AxisBounds b;
    for (size_t a = 0; a < kAxisCount; ++a) b[a] = Bounds{v[a].low, v[a].high};
    return b;
}
}  // namespace

// [SECTION] Scoring ------------------------------------------------------------------------------
Report score_workspace(const Workspace& ws, const Catalogs& catalogs, const Atlas* atlas, Lang lang, bool alternatives) {
    Report r;
    double wsum_all = 0;
    for (double w : ws.weights) wsum_all += w;
    for (size_t a = 0; a < kAxisCount; ++a) r.axes[a].weight = wsum_all > 0 ? 100.0 * ws.weights[a] / wsum_all : 0;

    const Atlas::Commune* org_commune = nullptr;
    std::optional<geo::LonLat> org_pos;
    if (atlas && !ws.organisation.insee.empty()) org_commune = atlas->find_commune(ws.organisation.insee);
    if (org_commune && org_commune->placed()) org_pos = org_commune->pos;
    r.organisation_placed = org_pos.has_value();
    if (org_pos) r.organisation_pos = *org_pos;

    const size_t n = ws.services.size();
    std::vector<AxisValues> values(n);
    for (size_t i = 0; i < n; ++i) {
        const Service& s = ws.services[i];
        const Provider* p = find_provider(catalogs, ws.catalogs, s.provider);
        ServiceContext c{s, p, p ? p->product(s.product) : nullptr, atlas, org_commune, nullptr, org_pos, std::nullopt, lang};
        place_provider(p, atlas, c.provider_commune, c.provider_pos);
        values[i] = evaluate(c);

        ServiceSummary sum;
        sum.title = service_title(s, p, lang);
        const Bounds b = service_bounds(bounds_of(values[i]), ws.weights);
        sum.value_known = wsum_all > 0;
        sum.value = b.low;
        sum.value_max = b.high;
        sum.job = service_job(s, p, &sum.job_from);
        sum.jurisdiction = jurisdiction_of(p);
        if (c.provider_pos) {
            sum.placed = true;
            sum.pos = *c.provider_pos;
            if (org_pos) {
                sum.distance_known = true;
                sum.distance_km = geo::distance_m_unchecked(*org_pos, *c.provider_pos) / 1000.0;
            }
        }
        r.services.push_back(std::move(sum));
    }

    // Axes: floor and ceiling of the weighted mean of the services' intervals.
    double known_w = 0, all_w = 0;
    for (size_t a = 0; a < kAxisCount; ++a) {
        const bool by_use = static_cast<Axis>(a) == Axis::Proximity;
        std::vector<MeanItem> items(n);
        for (size_t i = 0; i < n; ++i) {
            const Bounds v{values[i][a].low, values[i][a].high};
            items[i] = by_use ? use_item(ws.services[i], v) : MeanItem{v, 1, 1};
        }
        const MeanBounds m = weighted_mean_bounds(items);
        AxisResult& ax = r.axes[a];
        ax.known = n > 0;
        ax.score = n > 0 ? m.low : 0;
        ax.ceiling = n > 0 ? m.high : 0;
        double wf = 0;
        for (size_t i = 0; i < n; ++i) wf += m.wfloor[i];
        for (size_t i = 0; i < n; ++i) {
            const AxisValue& v = values[i][a];
            Contribution c;
            c.axis = static_cast<Axis>(a);
            c.service = static_cast<int32_t>(i);
            c.known = v.known;
            c.value = v.value;
            c.low = v.low;
            c.high = v.high;
            c.weight = m.wfloor[i];
            c.points = -c.weight * (100.0 - v.low) / wf;
            c.provenance = v.provenance;
            c.source = v.source;
            c.reason = r.services[i].title + " — " + v.reason;
            if (by_use) {
                const Service& s = ws.services[i];
                c.reason += s.users ? format_msg(Msg::SCORE_USE_WEIGHT, lang, format_number(c.weight, 1, lang).c_str(),
                                                 format_number(*s.users, 0, lang).c_str())
                                    : std::string(tr(Msg::SCORE_USE_UNKNOWN, lang));
            }
            if (v.known) ++ax.services_known;
            known_w += v.known ? ws.weights[a] : 0;
            all_w += ws.weights[a];
            r.contributions.push_back(std::move(c));
        }
        ax.complete = n > 0 && ax.services_known == n;
    }
    double lo = 0, hi = 0, wsum = 0;
    for (size_t a = 0; a < kAxisCount; ++a) {
        if (ws.weights[a] <= 0) continue;
        lo += ws.weights[a] * r.axes[a].score;
        hi += ws.weights[a] * r.axes[a].ceiling;
        wsum += ws.weights[a];
    }
    r.score_known = n > 0 && wsum > 0;
    r.score = r.score_known ? lo / wsum : 0;
    r.score_max = r.score_known ? hi / wsum : 0;
    r.grade = r.score_known ? grade_for(r.score) : '?';
    r.known_share = all_w > 0 ? known_w / all_w : 0;

    // [SECTION] Alternatives ---------------------------------------------------------------------
    if (!alternatives) return r;
    const uint8_t kind = serves_bit(ws.organisation.kind);
    for (size_t i = 0; i < n; ++i) {
        const Service& s = ws.services[i];
        const int32_t job = r.services[i].job;
        if (job < 0) continue;  // what it does is not known: no alternative can be said to do the same
        // The comparison takes personal data as present on both sides when the service does not say
        // (it belongs to the use, not to the provider), so that an unknown there widens neither.
        Service base = s;
        if (!base.personal_data) base.personal_data = true;
        const Provider* current = find_provider(catalogs, ws.catalogs, s.provider);
        ServiceContext cc{base, current, current ? current->product(s.product) : nullptr, atlas, org_commune, nullptr, org_pos, std::nullopt, lang};
        place_provider(current, atlas, cc.provider_commune, cc.provider_pos);
        const AxisBounds now = bounds_of(evaluate(cc));
        const unsigned current_laws = extraterritorial(current);
        std::vector<Alternative> sure, to_check;
        std::vector<std::string> seen;
        auto consider = [&](const Catalog& cat) {
            for (const Provider& p : cat.providers) {
                if (p.kind != "provider" || p.id == s.provider || !(p.all_jobs() & job_bit(static_cast<size_t>(job)))) continue;
                // Never one platform under a law that reaches data anywhere for another under the same.
                if (current_laws & extraterritorial(&p)) continue;
                if (std::find(seen.begin(), seen.end(), p.id) != seen.end()) continue;  // the first catalog wins
                seen.push_back(p.id);
                const Product* prod = nullptr;
                for (const Product& pr : p.products) {
                    if (pr.jobs & job_bit(static_cast<size_t>(job))) {
                        prod = &pr;
                        break;
                    }
                }
                const uint8_t serves = prod && prod->serves ? prod->serves : p.serves ? p.serves : kJobs[job].serves;
                if ((serves & kind) != kind) continue;
                Service cand;
                cand.category = s.category;
                cand.provider = p.id;
                cand.product = prod ? prod->name : std::string();
                cand.job = kJobs[job].id;
                cand.personal_data = base.personal_data;
                cand.users = s.users;
                ServiceContext c{cand, &p, prod, atlas, org_commune, nullptr, org_pos, std::nullopt, lang};
                place_provider(&p, atlas, c.provider_commune, c.provider_pos);
                Alternative alt;
                alt.service = static_cast<int32_t>(i);
                alt.provider = p.id;
                alt.name = p.name;
                alt.product = cand.product;
                alt.catalog = cat.name;
                alt.job = job;
                if (c.provider_pos) {
                    alt.placed = true;
                    alt.pos = *c.provider_pos;
                    if (org_pos) {
                        alt.distance_known = true;
                        alt.distance_km = geo::distance_m_unchecked(*org_pos, *c.provider_pos) / 1000.0;
                    }
                }
                if (ws.alternatives_km > 0 && (!alt.distance_known || alt.distance_km > ws.alternatives_km)) continue;
                const AxisValues cv = evaluate(c);
                // Sobriety and accessibility are facts about a service that catalogs do not carry:
                // a candidate with nothing known there is taken as equal to the current service
                // (neither better nor worse), and they are listed to check.
                AxisBounds cb_axes = bounds_of(cv);
                uint8_t neutral = 0;
                for (const Axis ax : {Axis::Sobriety, Axis::Accessibility}) {
                    const size_t a = static_cast<size_t>(ax);
                    if (cb_axes[a].low == 0 && cb_axes[a].high == 100 && now[a].known()) {
                        cb_axes[a] = now[a];
                        neutral = static_cast<uint8_t>(neutral | (1u << a));
                    }
                }
                Verdict d = compare_candidate(now, cb_axes, ws.weights);
                if (d.kind == Verdict::Refused) continue;
                const Bounds cb = service_bounds(bounds_of(cv), ws.weights);
                alt.value = cb.low;
                alt.value_max = cb.high;
                alt.to_check = d.kind == Verdict::ToCheck;
                alt.gain = alt.to_check ? d.gain_floor : d.gain_sure;  // what is shown and ranked
                alt.gain_sure = d.gain_sure;
                alt.gain_max = d.gain_max;
                alt.main_axis = d.main_axis;
                alt.check_candidate = static_cast<uint8_t>(d.check_candidate | neutral);
                alt.check_current = d.check_current;
                // What the reason line may say, from the facts alone.
                const std::string& country = !p.hq.country.empty() ? p.hq.country : p.country;
                if (country == "FR") alt.facts |= kAltHqFrance;
                if (!p.hosting.empty()) {
                    const bool fr = std::all_of(p.hosting.begin(), p.hosting.end(), [](const std::string& h) { return h == "FR"; });
                    const bool eu = std::all_of(p.hosting.begin(), p.hosting.end(), [](const std::string& h) { return country_in_eea(h); });
                    if (fr) alt.facts |= kAltHostedFr;
                    else if (eu) alt.facts |= kAltHostedEu;
                }
                if (cv[static_cast<size_t>(Axis::Sovereignty)].known && p.exposure_known && p.exposure == 0) alt.facts |= kAltNoExtraEuLaw;
                if (prod && prod->open_source.value_or(false)) alt.facts |= kAltOpenSource;
                if (p.labels & kLabelChatons) alt.facts |= kAltChatons;
                if (p.labels & kLabelEss) alt.facts |= kAltEss;
                if (prod && prod->software) alt.facts |= kAltSoftware;
                const unsigned laws = extraterritorial(&p);
                if (laws & 1u) alt.facts |= kAltUsLaw;
                if (laws & 2u) alt.facts |= kAltCnLaw;
                (alt.to_check ? to_check : sure).push_back(std::move(alt));
            }
        };
        for (const Catalog& cat : catalogs.list()) consider(cat);
        for (const Catalog& cat : ws.catalogs) consider(cat);
        // Ranked by gain in 5-point steps, then by distance (unknown last), then by id.
        auto rank = [](const Alternative& a, const Alternative& b) {
            const double ga = std::floor(a.gain / 5.0), gb = std::floor(b.gain / 5.0);
            if (ga != gb) return ga > gb;
            const double da = a.distance_known ? a.distance_km : 1e12;
            const double db = b.distance_known ? b.distance_km : 1e12;
            if (da != db) return da < db;
            return a.provider < b.provider;
        };
        std::sort(sure.begin(), sure.end(), rank);
        std::sort(to_check.begin(), to_check.end(), rank);
        if (sure.size() > kAlternativesPerService) sure.resize(kAlternativesPerService);
        if (to_check.size() > kAlternativesPerService) to_check.resize(kAlternativesPerService);
        for (Alternative& a : sure) r.alternatives.push_back(std::move(a));
        for (Alternative& a : to_check) r.alternatives.push_back(std::move(a));
    }
    return r;
}

// [SECTION] Alternative reasons ------------------------------------------------------------------
namespace {
Msg axis_short(int a) {
    static const Msg k[] = {Msg::AXIS_SHORT_PROXIMITY, Msg::AXIS_SHORT_SOVEREIGNTY, Msg::AXIS_SHORT_OPENNESS,
                            Msg::AXIS_SHORT_SOBRIETY, Msg::AXIS_SHORT_ACCESSIBILITY};
    return k[a];
}
// "Messagerie et agenda" → "messagerie et agenda" inside a sentence (ASCII, and É as job words use it).
std::string lower_first(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    else if (s.size() > 1 && s[0] == '\xC3' && s[1] == '\x89') s[1] = '\xA9';
    return s;
}
std::string axes_to_check(uint8_t bits, Lang lang) {
    static const Msg k[] = {Msg::ALT_CHECK_PROXIMITY, Msg::ALT_CHECK_SOVEREIGNTY, Msg::ALT_CHECK_OPENNESS,
                            Msg::ALT_CHECK_SOBRIETY, Msg::ALT_CHECK_ACCESSIBILITY};
    std::string out;
    for (size_t a = 0; a < kAxisCount; ++a) {
        if (!(bits & (1u << a))) continue;
        if (!out.empty()) out += ", ";
        out += tr(k[a], lang);
    }
    return out;
}
}  // namespace

std::string alternative_reason(const Alternative& a, Lang lang) {
    std::vector<std::string> parts;
    if (a.job >= 0) parts.push_back(format_msg(Msg::ALT_SAME_JOB, lang, lower_first(job_label(static_cast<size_t>(a.job), lang)).c_str()));
    if (a.distance_known) parts.push_back(format_msg(Msg::ALT_DISTANCE, lang, format_number(a.distance_km, 0, lang).c_str()));
    else if (a.facts & kAltHqFrance) parts.push_back(tr(Msg::ALT_FACT_HQ_FRANCE, lang));
    if (a.facts & kAltHostedFr) parts.push_back(tr(Msg::ALT_FACT_HOSTED_FR, lang));
    else if (a.facts & kAltHostedEu) parts.push_back(tr(Msg::ALT_FACT_HOSTED_EU, lang));
    if (a.facts & kAltNoExtraEuLaw) parts.push_back(tr(Msg::ALT_FACT_NO_EXTRA_EU_LAW, lang));
    if (a.facts & kAltUsLaw) parts.push_back(tr(Msg::ALT_FACT_US_LAW, lang));
    if (a.facts & kAltCnLaw) parts.push_back(tr(Msg::ALT_FACT_CN_LAW, lang));
    if (a.facts & kAltSoftware) parts.push_back(tr(Msg::ALT_FACT_SOFTWARE, lang));
    if (a.facts & kAltOpenSource) parts.push_back(tr(Msg::ALT_FACT_OPEN_SOURCE, lang));
    if (a.facts & kAltChatons) parts.push_back(tr(Msg::ALT_FACT_CHATONS, lang));
    if (a.facts & kAltEss) parts.push_back(tr(Msg::ALT_FACT_ESS, lang));
    const std::string gain = format_number(a.gain, 0, lang);
    if (a.to_check) {
        if (a.check_candidate) parts.push_back(format_msg(Msg::ALT_CHECK_CANDIDATE, lang, a.name.c_str(), axes_to_check(a.check_candidate, lang).c_str()));
        if (a.check_current) parts.push_back(format_msg(Msg::ALT_CHECK_CURRENT, lang, axes_to_check(a.check_current, lang).c_str()));
    } else if (a.main_axis >= 0) {
        parts.push_back(format_msg(Msg::ALT_GAIN, lang, gain.c_str(), tr(axis_short(a.main_axis), lang)));
    } else {
        parts.push_back(format_msg(Msg::ALT_GAIN_PLAIN, lang, gain.c_str()));
    }
    if (a.job >= 0 && *kJobs[a.job].migration) parts.push_back(format_msg(Msg::ALT_MIGRATION, lang, kJobs[a.job].migration));
    std::string out;
    for (const std::string& p : parts) {
        if (!out.empty()) out += tr(Msg::PUNCT_SEMICOLON, lang);
        out += p;
    }
    if (!out.empty()) {
        // Sentence case: the first letter up (ASCII or the two-byte é/à of the job words).
        if (out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    }
    return out;
}

// [SECTION] Report JSON --------------------------------------------------------------------------
namespace {
using Json = nlohmann::ordered_json;  // keys in the documented order
Json rounded(double v) { return std::round(v * 10.0) / 10.0; }
const char* provenance_code(Provenance p) {
    switch (p) {
        case Provenance::Declared: return "declared";
        case Provenance::Catalog: return "catalog";
        case Provenance::Default: return "default";
        default: return "unknown";
    }
}
const char* job_from_code(JobFrom f) {
    switch (f) {
        case JobFrom::Declared: return "declared";
        case JobFrom::Product: return "product";
        case JobFrom::Provider: return "provider";
        default: return "unknown";
    }
}
Json axis_list(uint8_t bits) {
    Json out = Json::array();
    for (size_t a = 0; a < kAxisCount; ++a) {
        if (bits & (1u << a)) out.push_back(axis_code(static_cast<Axis>(a)));
    }
    return out;
}
}  // namespace

std::string report_json(const Report& r, const Workspace& ws, Lang lang) {
    Json doc = Json::object();
    doc["method"] = kMethodVersion;
    Json axes = Json::object(), axes_max = Json::object(), weights = Json::object();
    for (size_t a = 0; a < kAxisCount; ++a) {
        axes[axis_code(static_cast<Axis>(a))] = r.axes[a].known ? rounded(r.axes[a].score) : Json(nullptr);
        axes_max[axis_code(static_cast<Axis>(a))] = r.axes[a].known ? rounded(r.axes[a].ceiling) : Json(nullptr);
        weights[axis_code(static_cast<Axis>(a))] = rounded(r.axes[a].weight);
    }
    doc["axes"] = axes;
    doc["axes_max"] = axes_max;
    doc["weights"] = weights;
    doc["score"] = r.score_known ? rounded(r.score) : Json(nullptr);
    doc["score_max"] = r.score_known ? rounded(r.score_max) : Json(nullptr);
    doc["grade"] = r.score_known ? Json(std::string(1, r.grade)) : Json(nullptr);
    doc["known_share"] = std::round(r.known_share * 100.0) / 100.0;
    doc["organisation"] = {{"name", ws.organisation.name},
                           {"kind", org_kind_code(ws.organisation.kind)},
                           {"insee", ws.organisation.insee},
                           {"placed", r.organisation_placed}};
    Json services = Json::array();
    for (const ServiceSummary& s : r.services) {
        services.push_back({{"title", s.title},
                            {"job", s.job >= 0 ? Json(job_code(static_cast<size_t>(s.job))) : Json(nullptr)},
                            {"job_from", job_from_code(s.job_from)},
                            {"value", s.value_known ? rounded(s.value) : Json(nullptr)},
                            {"value_max", s.value_known ? rounded(s.value_max) : Json(nullptr)},
                            {"jurisdiction", jurisdiction_code(s.jurisdiction)},
                            {"distance_km", s.distance_known ? rounded(s.distance_km) : Json(nullptr)}});
    }
    doc["services"] = services;
    Json contributions = Json::array();
    for (const Contribution& c : r.contributions) {
        Json o = {{"axis", axis_code(c.axis)},
                  {"service", c.service >= 0 ? Json(c.service) : Json(nullptr)},
                  {"known", c.known},
                  {"value", c.known ? rounded(c.value) : Json(nullptr)},
                  {"low", rounded(c.low)},
                  {"high", rounded(c.high)},
                  {"weight", rounded(c.weight)},
                  {"points", rounded(c.points)},
                  {"provenance", provenance_code(c.provenance)},
                  {"reason", c.reason}};
        if (!c.source.empty()) o["source"] = c.source;
        contributions.push_back(o);
    }
    doc["contributions"] = contributions;
    Json alternatives = Json::array();
    for (const Alternative& a : r.alternatives) {
        Json o = {{"service", a.service},
                  {"provider", a.provider},
                  {"name", a.name},
                  {"product", a.product.empty() ? Json(nullptr) : Json(a.product)},
                  {"catalog", a.catalog},
                  {"job", a.job >= 0 ? Json(job_code(static_cast<size_t>(a.job))) : Json(nullptr)},
                  {"to_check", a.to_check},
                  {"distance_km", a.distance_known ? rounded(a.distance_km) : Json(nullptr)},
                  {"gain", rounded(a.gain)},
                  {"gain_sure", rounded(a.gain_sure)},
                  {"gain_max", rounded(a.gain_max)},
                  {"gain_max", rounded(a.gain_max)},
                  {"value", rounded(a.value)},
                  {"value_max", rounded(a.value_max)},
                  {"check_candidate", axis_list(a.check_candidate)},
                  {"check_current", axis_list(a.check_current)},
                  {"reason", alternative_reason(a, lang)}};
        alternatives.push_back(o);
    }
    doc["alternatives"] = alternatives;
    return doc.dump(2, ' ', false, Json::error_handler_t::replace);
}

// [SECTION] Map overlay --------------------------------------------------------------------------
MapOverlay report_overlay(const Report& r) {
    MapOverlay o;
    if (!r.organisation_placed) return o;
    for (const ServiceSummary& s : r.services) {
        if (!s.placed) continue;
        MapFlow f;
        f.from = r.organisation_pos;
        f.to = s.pos;
        f.jurisdiction = s.jurisdiction;
        f.label = s.title;
        o.flows.push_back(std::move(f));
    }
    for (const Alternative& a : r.alternatives) {
        if (!a.placed) continue;
        o.markers.push_back({a.pos, a.name});
    }
    return o;
}

void add_catalog_markers(const Workspace& ws, const Atlas* atlas, MapOverlay& overlay) {
    for (const Catalog& c : ws.catalogs) {
        for (const Provider& p : c.providers) {
            const std::optional<geo::LonLat> pos = provider_position(&p, atlas);
            if (!pos) continue;
            const bool shown = std::any_of(overlay.markers.begin(), overlay.markers.end(), [&](const MapMarker& m) {
                return m.label == p.name && m.pos.lon_deg == pos->lon_deg && m.pos.lat_deg == pos->lat_deg;
            });
            if (!shown && overlay.markers.size() < kOverlayMaxMarkers) overlay.markers.push_back({*pos, p.name});
        }
    }
}

}  // namespace px
