// fuzz_har.cpp — libFuzzer target: the streaming HAR reader, then the audit of what it accepted.
// The first byte picks the chunk size, so chunk boundaries fall everywhere (escapes, keys, bodies).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/audit/audit.h"
#include "core/audit/audit_data.h"
#include "core/audit/har.h"
#include "core/facts.h"

namespace {
struct Data {
    px::AuditData audit;
    px::Catalogs facts;
    Data() {
        if (px::decode_audit_data(px::embedded_audit_blob(), px::embedded_audit_blob_size(), "audit.bin", audit).code !=
            px::Err::OK) {
            __builtin_trap();
        }
        px::Catalog c;
        if (px::builtin_catalog().get(c) != px::Err::OK) __builtin_trap();
        facts.add(std::move(c));
    }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const Data d;
    if (size == 0) return 0;
    const size_t chunk = 1 + data[0] * 7u;
    const char* text = reinterpret_cast<const char*>(data + 1);
    const size_t n = size - 1;
    px::HarReader r("fuzz.har", n);
    for (size_t i = 0; i < n && r.ok(); i += chunk) r.feed(text + i, chunk < n - i ? chunk : n - i);
    if (!r.ok() || !r.finish()) {
        // A refusal always says where, inside the file.
        if (!r.error().where.has_byte_offset || r.error().where.byte_offset > n) __builtin_trap();
        return 0;
    }
    const px::Har har = r.take();
    px::AuditOptions opt;
    opt.ours = {"example.fr"};
    const px::Audit a = px::audit_har(har, d.audit, d.facts, nullptr, opt);
    if (a.requests != har.entries.size()) __builtin_trap();
    (void)px::audit_json(a, px::Lang::Fr);
    return 0;
}
