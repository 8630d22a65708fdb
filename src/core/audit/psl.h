// psl.h — registrable domains by the Public Suffix List (publicsuffix.org), the list Debian's
// publicsuffix package ships, compiled in at build time by tools/audit/compile_audit.cpp.
//
//   px::PublicSuffixList psl;  psl.load(rules_text);            // one rule per line, ASCII (punycode)
//   psl.registrable_domain("a.b.mairie-niort.fr")   // "mairie-niort.fr"
//   psl.registrable_domain("www.service-public.gouv.fr")  // "service-public.gouv.fr" (gouv.fr is listed)
//   psl.registrable_domain("com")                    // "" (a public suffix has no registrable domain)
//
// The algorithm is the list's own (publicsuffix.org/list): the longest matching rule wins, an
// exception rule (!) beats the wildcard (*) it carves out of, and an unlisted TLD counts as the
// rule "*". Hosts are compared in lower case; an IP address is its own "registrable domain".
// Does NOT convert Unicode host names to punycode: URLs in HAR files already carry them as xn--.
#pragma once

#include <string>         // std::string
#include <string_view>    // std::string_view
#include <unordered_map>  // std::unordered_map

namespace px {

class PublicSuffixList {
public:
    // Rules as the .dat file writes them, one per line; lines starting with "//" and blank lines
    // are skipped. Returns the number of rules read.
    size_t load(std::string_view rules_text);
    size_t size() const { return rules_.size(); }

    // The public suffix of `host` ("co.uk", "gouv.fr"), lower-cased; empty for an empty host.
    std::string public_suffix(std::string_view host) const;
    // The public suffix plus one label; empty when the host is itself a public suffix, empty, or
    // malformed (empty label, leading dot). IPv4 and bracketed IPv6 addresses come back as is.
    std::string registrable_domain(std::string_view host) const;

private:
    enum Kind : unsigned char { Normal = 1, Wildcard = 2, Exception = 4 };
    std::unordered_map<std::string, unsigned char> rules_;  // "co.uk" → Normal|Wildcard...
};

bool is_ipv4(std::string_view host);

}  // namespace px
