// audit.cpp — see audit.h.
#include "core/audit/audit.h"

#include <algorithm>  // std::sort, std::find
#include <cmath>      // std::round
#include <map>        // std::map

#include <nlohmann/json.hpp>

#include "core/scoring.h"  // px::provider_jurisdiction, px::provider_position

namespace px {
namespace {

using OJson = nlohmann::ordered_json;

double round_to(double v, double step) { return std::round(v / step) * step; }

bool is_ours(const std::string& domain, const std::string& first, const std::vector<std::string>& ours) {
    if (domain == first) return true;
    return std::find(ours.begin(), ours.end(), domain) != ours.end();
}

}  // namespace

std::string url_host(std::string_view url) {
    const size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    std::string_view rest = url.substr(scheme + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    const size_t at = rest.rfind('@');
    if (at != std::string_view::npos) rest = rest.substr(at + 1);
    if (!rest.empty() && rest[0] == '[') {
        const size_t close = rest.find(']');
        rest = rest.substr(0, close == std::string_view::npos ? rest.size() : close + 1);
    } else {
        rest = rest.substr(0, rest.find(':'));
    }
    std::string host(rest);
    for (char& c : host) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return host;
}

// The registrable domain of a URL's host, or the host itself when it has none (an intranet name,
// "localhost", a public suffix).
static std::string site_of(const AuditData& data, std::string_view url) {
    const std::string host = url_host(url);
    std::string domain = data.psl.registrable_domain(host);
    return domain.empty() ? host : domain;
}

Audit audit_har(const Har& har, const AuditData& data, const Catalogs& facts, const Atlas* atlas,
                const AuditOptions& opt) {
    Audit a;
    a.creator = har.creator;
    a.green = opt.green;
    std::vector<std::string> ours;
    for (const std::string& o : opt.ours) {
        const std::string r = data.psl.registrable_domain(o);
        ours.push_back(r.empty() ? o : r);
    }

    // Pages: those the HAR lists, or the whole file as one page.
    std::vector<HarPage> pages = har.pages;
    const bool no_pages = pages.empty();
    if (no_pages) {
        HarPage p;
        p.html = har.html;
        pages.push_back(std::move(p));
    }
    auto page_index = [&](const HarEntry& e) -> size_t {
        if (no_pages) return 0;
        for (size_t i = 0; i < pages.size(); ++i) {
            if (pages[i].id == e.pageref) return i;
        }
        return SIZE_MAX;  // an entry of no listed page: counted in the totals only
    };

    // Each page's main document, then the first party.
    a.pages.resize(pages.size());
    for (size_t i = 0; i < pages.size(); ++i) {
        a.pages[i].id = pages[i].id;
        a.pages[i].title = pages[i].title;
    }
    for (const HarEntry& e : har.entries) {
        const size_t p = page_index(e);
        if (p == SIZE_MAX || !a.pages[p].url.empty()) continue;
        if (e.is_document() && (e.status == 0 || (e.status >= 200 && e.status < 400))) a.pages[p].url = e.url;
    }
    for (PageAudit& p : a.pages) {
        if (p.url.empty()) {
            for (const HarEntry& e : har.entries) {
                if (page_index(e) == static_cast<size_t>(&p - a.pages.data())) {
                    p.url = e.url;
                    break;
                }
            }
        }
        p.first_party = site_of(data, p.url);
    }
    for (const PageAudit& p : a.pages) {
        if (!p.first_party.empty()) {
            a.first_party = p.first_party;
            a.first_url = p.url;
            break;
        }
    }
    if (a.first_party.empty() && !har.entries.empty()) {
        a.first_url = har.entries[0].url;
        a.first_party = site_of(data, a.first_url);
    }

    // Requests.
    std::map<std::pair<std::string, std::string>, size_t> index;  // (domain, entity) → third party
    std::vector<std::vector<bool>> page_has(pages.size());
    std::map<const SelfHostedTool*, size_t> self_hits;
    for (const HarEntry& e : har.entries) {
        const uint64_t bytes = e.bytes();
        const size_t p = page_index(e);
        ++a.requests;
        a.bytes += bytes;
        if (e.is_http()) {
            ++a.http_requests;
            a.http_bytes += bytes;
        }
        if (p != SIZE_MAX) {
            PageAudit& pa = a.pages[p];
            ++pa.requests;
            pa.bytes += bytes;
            if (e.is_http()) {
                ++pa.http_requests;
                pa.http_bytes += bytes;
            }
        }
        const std::string host = url_host(e.url);
        if (host.empty()) continue;  // data:, blob: …
        const std::string domain = site_of(data, e.url);
        if (is_ours(domain, a.first_party, ours)) {
            if (domain == a.first_party) {
                ++a.first_party_requests;
                a.first_party_bytes += bytes;
            } else {
                ++a.ours_requests;
            }
            if (const SelfHostedTool* t = data.self_hosted_tool(e.url)) ++self_hits[t];
            continue;
        }
        const Entity* entity = data.entities.get_entity(e.url);
        const auto key = std::make_pair(domain, entity ? entity->name : std::string());
        auto it = index.find(key);
        if (it == index.end()) {
            ThirdParty t;
            t.domain = domain;
            if (entity) {
                t.entity = entity->name;
                t.company = entity->company;
                t.category = entity->category;
                t.homepage = entity->homepage;
                t.supplement = entity->supplement;
                t.tracker = is_tracker_category(entity->category);
                t.hint = data.hint_for(*entity);
                const auto link = data.company_provider.find(entity->company);
                if (link != data.company_provider.end()) {
                    if (const Provider* pr = facts.find(link->second)) {
                        t.provider_id = pr->id;
                        t.country = pr->country;
                        t.hq_country = pr->hq.country;
                        t.hq_city = pr->hq.city;
                        t.jurisdiction = provider_jurisdiction(pr);
                        t.hq = provider_position(pr, atlas);
                    }
                }
            }
            it = index.emplace(key, a.third_parties.size()).first;
            a.third_parties.push_back(std::move(t));
            for (auto& v : page_has) v.push_back(false);
        }
        ThirdParty& t = a.third_parties[it->second];
        ++t.requests;
        t.bytes += bytes;
        if (e.cookies_sent || e.cookies_set) {
            ++t.cookies;
            ++a.cookie_requests;
        }
        if (t.hosts.size() < 8 && std::find(t.hosts.begin(), t.hosts.end(), host) == t.hosts.end()) t.hosts.push_back(host);
        if (p != SIZE_MAX) page_has[p][it->second] = true;
    }
    for (size_t p = 0; p < pages.size(); ++p) {
        for (size_t k = 0; k < page_has[p].size(); ++k) {
            if (!page_has[p][k]) continue;
            ++a.pages[p].third_parties;
            if (a.third_parties[k].tracker) ++a.pages[p].trackers;
        }
    }
    for (const ThirdParty& t : a.third_parties) a.trackers += t.tracker ? 1 : 0;
    for (const auto& [tool, n] : self_hits) a.self_hosted.push_back(SelfHostedHit{tool, n});

    // Ecoindex and CO2, per page, then for the file.
    double sum = 0;
    size_t scored = 0;
    for (size_t i = 0; i < pages.size(); ++i) {
        PageAudit& p = a.pages[i];
        if (opt.dom) {
            p.dom = *opt.dom;
            p.dom_source = "user";
        } else if (!pages[i].html.empty()) {
            p.dom = static_cast<double>(count_html_elements(pages[i].html));
            p.dom_source = "html";
        }
        if (p.dom) {
            p.ecoindex = ecoindex(*p.dom, static_cast<double>(p.http_requests), static_cast<double>(p.http_bytes) / 1000.0);
            sum += p.ecoindex->score;
            ++scored;
        }
        p.co2 = swd_grams_per_visit(static_cast<double>(p.bytes), opt.green);
    }
    if (a.pages.size() == 1) {
        a.ecoindex = a.pages[0].ecoindex;
        a.ecoindex_basis = "page";
    } else if (scored > 0) {
        const Ecoindex e = ecoindex_from_score(sum / static_cast<double>(scored));
        a.ecoindex = e;
        a.ecoindex_basis = "mean";
    }
    a.co2 = swd_grams_per_visit(static_cast<double>(a.bytes), opt.green);

    // Most bytes first, then most requests, then by domain: a total order, so std::sort is stable
    // enough (and smaller in the web build than std::stable_sort).
    std::sort(a.third_parties.begin(), a.third_parties.end(), [](const ThirdParty& x, const ThirdParty& y) {
        if (x.bytes != y.bytes) return x.bytes > y.bytes;
        if (x.requests != y.requests) return x.requests > y.requests;
        if (x.domain != y.domain) return x.domain < y.domain;
        return x.entity < y.entity;
    });
    return a;
}

namespace {

OJson eco_object(const Ecoindex& e) {
    return OJson{{"score", round_to(e.score, 0.01)},
                 {"grade", std::string(1, e.grade)},
                 {"ghg", round_to(e.ghg, 0.01)},
                 {"water", round_to(e.water, 0.01)}};
}

OJson co2_object(double grams, bool green) {
    return OJson{{"grams", round_to(grams, 1e-6)}, {"rating", swd_rating(grams)}, {"green", green},
                 {"model", "SWD v4"}};
}

OJson or_null(const std::string& s) { return s.empty() ? OJson(nullptr) : OJson(s); }

}  // namespace

std::string ecoindex_json(const Ecoindex& e) { return eco_object(e).dump(); }
std::string co2_json(double grams, bool green) { return co2_object(grams, green).dump(); }

MapOverlay audit_overlay(const Audit& a, const std::optional<geo::LonLat>& site, Lang lang) {
    MapOverlay o;
    std::vector<std::string> done;
    for (const ThirdParty& t : a.third_parties) {
        if (!t.hq || std::find(done.begin(), done.end(), t.company) != done.end()) continue;
        done.push_back(t.company);
        size_t requests = 0;
        for (const ThirdParty& u : a.third_parties) requests += u.company == t.company ? u.requests : 0;
        const std::string label = t.company + " (" + std::to_string(requests) + tr(Msg::AUDIT_REQUETES_2, lang);
        o.markers.push_back({*t.hq, label});
        if (site) o.flows.push_back(MapFlow{*site, *t.hq, t.jurisdiction, label});
    }
    return o;
}

std::string audit_json(const Audit& a, Lang lang) {
    OJson j;
    j["requests"] = a.requests;
    j["bytes"] = a.bytes;
    j["firstParty"] = a.first_party;
    j["firstPartyRequests"] = a.first_party_requests;
    OJson tps = OJson::array();
    for (const ThirdParty& t : a.third_parties) {
        OJson o{{"domain", t.domain},
                {"entity", or_null(t.entity)},
                {"company", or_null(t.company)},
                {"category", or_null(t.category)},
                {"country", or_null(t.country)},
                {"hqCountry", or_null(t.hq_country)},
                {"jurisdiction", jurisdiction_code(t.jurisdiction)},
                {"tracker", t.tracker},
                {"requests", t.requests},
                {"bytes", t.bytes},
                {"cookies", t.cookies}};
        if (t.supplement) o["source"] = "proxinum";
        if (t.hint) o["hint"] = t.hint->text(lang);
        tps.push_back(std::move(o));
    }
    j["thirdParties"] = std::move(tps);
    j["trackers"] = a.trackers;
    if (a.ecoindex) {
        OJson e = eco_object(*a.ecoindex);
        e["basis"] = a.ecoindex_basis;
        if (a.pages.size() == 1) {
            e["dom"] = a.pages[0].dom ? OJson(*a.pages[0].dom) : OJson(nullptr);
            e["domSource"] = a.pages[0].dom_source;
            e["requests"] = a.pages[0].http_requests;
            e["sizeKb"] = round_to(static_cast<double>(a.pages[0].http_bytes) / 1000.0, 0.001);
        }
        j["ecoindex"] = std::move(e);
    } else {
        j["ecoindex"] = nullptr;
    }
    j["co2"] = co2_object(a.co2, a.green);
    OJson pages = OJson::array();
    for (const PageAudit& p : a.pages) {
        OJson o{{"id", p.id}, {"title", p.title}, {"url", p.url}, {"requests", p.requests}, {"bytes", p.bytes},
                {"thirdParties", p.third_parties}, {"trackers", p.trackers}};
        o["dom"] = p.dom ? OJson(*p.dom) : OJson(nullptr);
        o["domSource"] = p.dom_source;
        o["ecoindex"] = p.ecoindex ? eco_object(*p.ecoindex) : OJson(nullptr);
        o["co2"] = round_to(p.co2, 1e-6);
        pages.push_back(std::move(o));
    }
    j["pages"] = std::move(pages);
    OJson self = OJson::array();
    for (const SelfHostedHit& h : a.self_hosted) {
        self.push_back(OJson{{"name", h.tool->name}, {"category", h.tool->category}, {"requests", h.requests}});
    }
    j["selfHosted"] = std::move(self);
    return j.dump();
}

}  // namespace px
