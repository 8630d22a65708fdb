// audit_data.h — the web audit's reference data, decoded from the blob tools/audit/compile_audit
// builds: the Public Suffix List, the entities (third-party-web + Proxinum's supplement), the
// self-hosted tools recognised by path, remediation hints, and company → provider links.
//
//   px::AuditData data;
//   if (px::decode_audit_data(blob, size, "audit.bin", data).code != px::Err::OK) ...
//   data.psl.registrable_domain(host);  data.entities.get_entity(url);  data.hint_for(entity)
//
// The native build links the blob in (embedded_audit_blob); the web app fetches audit.bin the
// first time the audit lens needs it (or reads it from the single HTML file), so the page's
// first load does not carry it.
// Does NOT analyse anything: audit.h does.
#pragma once

#include <string>         // std::string
#include <string_view>    // std::string_view
#include <unordered_map>  // std::unordered_map
#include <vector>         // std::vector

#include "core/audit/entities.h"
#include "core/audit/psl.h"
#include "core/errors.h"
#include "core/i18n.h"

namespace px {

struct SelfHostedTool {
    std::string name, category;
    std::vector<std::string> paths;  // "/matomo.js": matched at the end of a first-party URL's path
    std::string fr, en;
};

struct Hint {
    std::string entity, category;  // one of the two
    std::string fr, en, source;
    const std::string& text(Lang lang) const { return lang == Lang::En ? en : fr; }
};

struct AuditData {
    PublicSuffixList psl;
    EntityDb entities;
    std::vector<SelfHostedTool> self_hosted;
    std::vector<Hint> hints;
    std::unordered_map<std::string, std::string> company_provider;  // "Google" → "google"
    size_t blob_bytes = 0;

    // The hint for an entity: its own, else its category's; nullptr when none.
    const Hint* hint_for(const Entity& e) const;
    // The self-hosted tool whose path ends `url`'s path, or nullptr.
    const SelfHostedTool* self_hosted_tool(std::string_view url) const;
};

Error decode_audit_data(const char* data, size_t size, const std::string& file, AuditData& out);

// The blob linked into native builds (assets/audit_blob.cpp); null in the web build.
const char* embedded_audit_blob();
size_t embedded_audit_blob_size();

}  // namespace px
