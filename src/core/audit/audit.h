// audit.h — the web audit of a HAR: first party versus third parties (by the Public Suffix List),
// the entity, company, category and country behind each third party, trackers, the Ecoindex and
// the CO2 per visit, per page and for the whole file.
//
//   px::AuditOptions opt;  opt.dom = 812;  opt.green = false;  opt.ours = {"mairie-niort.fr"};
//   px::Audit a = px::audit_har(har, data, facts, atlas, opt);
//   std::string json = px::audit_json(a, px::Lang::Fr);   // the CLI's and the page API's shape
//
// Rules (the method page says the same):
// - the first party is the registrable domain of the first page's main document (else the first
//   request); the "ours" list adds registrable domains the site owns (its API, its CDN);
// - a third party is one (registrable domain, entity) pair; the entity is third-party-web's
//   getEntity (then Proxinum's supplement); its company leads to the facts (legal country, head
//   office, jurisdiction) through data/audit/companies.json;
// - trackers are the third parties in the ad, analytics, social, customer-success, video,
//   tag-manager and marketing categories;
// - bytes: _transferSize, else headers + body sizes, else the content size; the Ecoindex counts
//   http(s) requests and their bytes / 1000 as KB; its DOM count comes from the user (opt.dom),
//   else from each page's main HTML (an estimate), else it is missing and no Ecoindex is given;
// - several pages: a score per page; the whole file's Ecoindex is the mean of the pages' scores;
//   its CO2 is per visit of the whole journey (all its bytes).
// Does NOT read files: har.h does.
#pragma once

#include <cstdint>   // uint64_t
#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

#include "core/atlas.h"
#include "core/audit/audit_data.h"
#include "core/audit/ecoindex.h"
#include "core/audit/har.h"
#include "core/catalog.h"
#include "core/geo.h"
#include "core/map_overlay.h"  // px::Jurisdiction

namespace px {

struct AuditOptions {
    std::optional<double> dom;       // DOM elements, typed in by the user
    bool green = false;              // the site's hosting is declared green
    std::vector<std::string> ours;   // registrable domains the site owns
};

struct ThirdParty {
    std::string domain;              // registrable domain
    std::string entity, company, category, homepage;  // empty when no entity is known
    bool supplement = false;         // entity from Proxinum's supplement
    bool tracker = false;
    std::string provider_id;         // in the facts, when the company is linked
    std::string country;             // the company's legal country (facts), "" unknown
    std::string hq_country, hq_city;
    Jurisdiction jurisdiction = Jurisdiction::Unknown;
    std::optional<geo::LonLat> hq;   // head office on the map
    const Hint* hint = nullptr;
    size_t requests = 0;
    uint64_t bytes = 0;
    size_t cookies = 0;              // requests that sent or set cookies
    std::vector<std::string> hosts;  // up to 8
};

struct PageAudit {
    std::string id, title, url;
    std::string first_party;
    size_t requests = 0;             // all entries of the page
    size_t http_requests = 0;        // the Ecoindex's count
    uint64_t bytes = 0;              // all entries' bytes
    uint64_t http_bytes = 0;
    std::optional<double> dom;
    std::string dom_source;          // "user" | "html" | "" (missing)
    std::optional<Ecoindex> ecoindex;
    double co2 = 0;                  // g CO2e per visit of this page
    size_t third_parties = 0, trackers = 0;
};

struct SelfHostedHit {
    const SelfHostedTool* tool = nullptr;
    size_t requests = 0;
};

struct Audit {
    std::string file, creator;
    std::string first_party;
    std::string first_url;
    size_t requests = 0, http_requests = 0;
    uint64_t bytes = 0, http_bytes = 0;
    size_t first_party_requests = 0, ours_requests = 0;
    uint64_t first_party_bytes = 0;
    std::vector<ThirdParty> third_parties;  // by bytes, most first
    std::vector<PageAudit> pages;
    std::vector<SelfHostedHit> self_hosted;
    std::optional<Ecoindex> ecoindex;       // the page's, or the mean of the pages'
    std::string ecoindex_basis;             // "page" | "mean"
    double co2 = 0;                         // g CO2e per visit (all bytes)
    bool green = false;
    size_t trackers = 0;
    size_t cookie_requests = 0;             // third-party requests with cookies
};

Audit audit_har(const Har& har, const AuditData& data, const Catalogs& facts, const Atlas* atlas,
                const AuditOptions& opt);

// The host of a URL, lower-cased, without user info or port ("" when there is none).
std::string url_host(std::string_view url);

// {"requests","bytes","firstParty","thirdParties":[…],"ecoindex":{…},"co2":{…},"pages":[…],…}
std::string audit_json(const Audit& a, Lang lang);
// The map's overlay: a marker at each placed company's head office and, when the site's place is
// known (the organisation's commune), a flow from it to each, coloured by jurisdiction.
MapOverlay audit_overlay(const Audit& a, const std::optional<geo::LonLat>& site, Lang lang);
std::string ecoindex_json(const Ecoindex& e);
std::string co2_json(double grams, bool green);

}  // namespace px
