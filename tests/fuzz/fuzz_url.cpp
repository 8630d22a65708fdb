// fuzz_url.cpp — libFuzzer target: what the web audit does with each URL of a HAR: the host, its
// registrable domain (Public Suffix List), third-party-web's getEntity rule and the self-hosted
// tools' paths.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/audit/audit.h"
#include "core/audit/audit_data.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const px::AuditData d = [] {
        px::AuditData a;
        if (px::decode_audit_data(px::embedded_audit_blob(), px::embedded_audit_blob_size(), "audit.bin", a).code !=
            px::Err::OK) {
            __builtin_trap();
        }
        return a;
    }();
    const std::string_view url(reinterpret_cast<const char*>(data), size);
    const std::string host = px::url_host(url);
    const std::string site = d.psl.registrable_domain(host);
    if (site.size() > host.size() + 1) __builtin_trap();  // a suffix of the host (a trailing dot dropped)
    const px::TpwDomains t = px::tpw_parse_domains(url);
    if (t.root.size() > t.domain.size()) __builtin_trap();
    (void)d.entities.get_entity(url);
    (void)d.self_hosted_tool(url);
    return 0;
}
