// entities.h — who is behind a URL: the npm package third-party-web's entities (MIT, compiled in
// at build time by tools/audit/compile_audit.cpp), matched exactly as its own getEntity() does,
// quirks included, plus Proxinum's French supplement (data/audit/supplement.json) consulted only
// when third-party-web knows nothing.
//
//   px::EntityDb db;  db.add_entity({...}, {"*.hotjar.com", "hotjar.com"});
//   const px::Entity* e = db.get_entity("https://static.hotjar.com/c/hotjar.js");   // "Hotjar"
//   px::tpw_root_domain("www.service-public.gouv.fr")   // "gouv.fr" — third-party-web's own rule
//
// getEntity's rule (third-party-web lib/create-entity-finder-api.js, 0.30.0): the host is the
// first run of the URL that looks like a domain (not lower-cased: matching is case-sensitive),
// its "root" is a naive regex (last two labels, or three after gov/com/co/ne + two letters); the
// exact host is looked up, then each parent down to the root against "*.sub" patterns, then the
// root against "*.root" patterns. First party versus third party is NOT decided here but by the
// Public Suffix List (psl.h).
// Does NOT match third-party-web's "products" (7 entities have some; we only need the entity).
#pragma once

#include <string>         // std::string
#include <string_view>    // std::string_view
#include <unordered_map>  // std::unordered_map
#include <vector>         // std::vector

namespace px {

struct Entity {
    std::string name;
    std::string company;   // third-party-web defaults it to the name
    std::string category;  // ad, analytics, social, video, utility, hosting, marketing,
                           // customer-success, content, cdn, tag-manager, consent-provider, other
    std::string homepage;
    bool supplement = false;  // from Proxinum's supplement, not from third-party-web
};

// getEntity's parseDomains(): {root, domain}; both empty when the URL has none (or is data:, or
// longer than 10,000 UTF-16 code units).
struct TpwDomains {
    std::string root;
    std::string domain;
};
TpwDomains tpw_parse_domains(std::string_view url);
inline std::string tpw_root_domain(std::string_view url) { return tpw_parse_domains(url).root; }

// Trackers, in the audit's sense: categories whose purpose is to follow or profile visitors or
// that load content from a platform that does (video, social).
bool is_tracker_category(std::string_view category);

class EntityDb {
public:
    // Adds an entity and its domain patterns (exact hosts or "*.suffix"). Returns false (and adds
    // nothing) when a pattern is already taken, as third-party-web's loader throws then.
    bool add_entity(const Entity& entity, const std::vector<std::string>& patterns, bool supplement);
    size_t size() const { return entities_.size(); }
    const Entity& entity(size_t i) const { return entities_[i]; }

    // third-party-web's getEntity(url), then the supplement (same rule) when it gives nothing.
    const Entity* get_entity(std::string_view url) const;
    // third-party-web only: exactly getEntity(url).
    const Entity* get_tpw_entity(std::string_view url) const;

private:
    struct Maps {
        std::unordered_map<std::string, size_t> by_domain, by_sub_domain, by_root_domain;
    };
    const Entity* lookup(const Maps& m, std::string_view url) const;
    std::vector<Entity> entities_;
    Maps tpw_, supplement_;
};

}  // namespace px
