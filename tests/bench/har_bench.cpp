// har_bench.cpp — HAR reading throughput and memory, natively. Builds a HAR in memory the way a
// browser's "save all as HAR with content" writes one (headers, cookies, timings, bodies inline
// as text or base64), then reads it with px::HarReader in 1 MiB chunks, as the CLI and the web
// app do, and audits it.
//   build/native/tests/har_bench [MEGABYTES=100] [WITH.har [WITHOUT.har]]   (writes the HARs it made)
// Prints MB/s for reading and the audit's time. Peak memory: `/usr/bin/time -v build/native/proxinum
// audit FILE.har` on the written file (the CLI streams it in 1 MiB chunks).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "core/audit/audit.h"
#include "core/audit/audit_data.h"
#include "core/audit/har.h"
#include "core/facts.h"

namespace {

// `bodies`: responses carry their content inline (Chrome's "Save all as HAR with content");
// without, only headers, cookies, timings and sizes (Firefox's default, WebPageTest).
std::string make_har(size_t target_bytes, bool bodies) {
    static const char* const hosts[] = {"www.mairie-exemple.fr", "static.mairie-exemple.fr", "fonts.googleapis.com",
                                        "www.google-analytics.com", "static.axept.io", "cdn.jsdelivr.net",
                                        "www.youtube.com", "connect.facebook.net", "tile.openstreetmap.org"};
    static const char* const mimes[] = {"text/html; charset=utf-8", "application/javascript", "text/css", "image/png",
                                        "font/woff2", "application/json"};
    std::string out;
    out.reserve(target_bytes + (1 << 20));
    out += "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"WebInspector\",\"version\":\"537.36\"},"
           "\"pages\":[{\"startedDateTime\":\"2026-11-24T08:00:00.000Z\",\"id\":\"page_1\",\"title\":\"Accueil\","
           "\"pageTimings\":{\"onContentLoad\":812,\"onLoad\":1630}}],\"entries\":[";
    unsigned seed = 12345;
    auto rnd = [&]() { return seed = seed * 1103515245u + 12345u, (seed >> 8) & 0xFFFFFF; };
    for (size_t i = 0; out.size() < target_bytes; ++i) {
        if (i) out += ',';
        const char* host = i == 0 ? hosts[0] : hosts[rnd() % 9];
        const char* mime = mimes[i == 0 ? 0 : rnd() % 6];
        const size_t body = 500 + rnd() % 60000;
        out += "{\"_initiator\":{\"type\":\"parser\",\"url\":\"https://www.mairie-exemple.fr/\",\"lineNumber\":12},"
               "\"_priority\":\"High\",\"_resourceType\":\"";
        out += i == 0 ? "document" : "script";
        out += "\",\"cache\":{},\"connection\":\"443\",\"pageref\":\"page_1\",\"request\":{\"method\":\"GET\",\"url\":\"https://";
        out += host;
        out += "/assets/file-" + std::to_string(i) + ".js?v=3&utm_source=x\",\"httpVersion\":\"h2\",\"headers\":[";
        for (int h = 0; h < 12; ++h) {
            out += h ? "," : "";
            out += "{\"name\":\"x-header-" + std::to_string(h) + "\",\"value\":\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                   "Chrome/120.0.0.0 Safari/537.36\"}";
        }
        out += ",{\"name\":\"cookie\",\"value\":\"_ga=GA1.1.1234567890.1700000000; session=abcdef0123456789\"}],"
               "\"queryString\":[{\"name\":\"v\",\"value\":\"3\"}],\"cookies\":[{\"name\":\"_ga\",\"value\":\"GA1.1.1234567890\","
               "\"path\":\"/\",\"domain\":\".mairie-exemple.fr\",\"expires\":\"2027-11-24T08:00:00.000Z\",\"httpOnly\":false,"
               "\"secure\":false}],\"headersSize\":-1,\"bodySize\":0},\"response\":{\"status\":200,\"statusText\":\"\","
               "\"httpVersion\":\"h2\",\"headers\":[";
        for (int h = 0; h < 10; ++h) {
            out += h ? "," : "";
            out += "{\"name\":\"x-response-" + std::to_string(h) + "\",\"value\":\"max-age=31536000, public, immutable\"}";
        }
        out += "],\"cookies\":[],\"content\":{\"size\":" + std::to_string(body * 2) + ",\"mimeType\":\"";
        out += mime;
        out += bodies ? "\",\"text\":\"" : "\",\"comment\":\"";
        // A body: HTML for the document, base64-looking text otherwise, with some escapes.
        if (i == 0) {
            for (int k = 0; k < 400; ++k) out += "<div class=\\\"card\\\"><p>Bonjour \\u00e0 tous</p></div>\\n";
        } else if (!bodies) {
            out += "no content saved";
        } else {
            for (size_t k = 0; k < body; ++k) out += static_cast<char>('A' + (rnd() % 26));
            out += "\\n\\t\\\"end\\\"";
        }
        out += "\"},\"redirectURL\":\"\",\"headersSize\":-1,\"bodySize\":-1,\"_transferSize\":" + std::to_string(body + 400) +
               ",\"_error\":null},\"serverIPAddress\":\"[2a01:4f8::1]\",\"startedDateTime\":\"2026-11-24T08:00:00.123Z\","
               "\"time\":123.456,\"timings\":{\"blocked\":1.2,\"dns\":-1,\"ssl\":-1,\"connect\":-1,\"send\":0.1,"
               "\"wait\":40.5,\"receive\":12.3,\"_blocked_queueing\":0.8}}";
    }
    out += "]}}";
    return out;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// Reads `text` as the CLI does (1 MiB chunks), best of 3; returns seconds.
double time_read(const std::string& text, px::Har& har) {
    double best = 1e9;
    for (int run = 0; run < 3; ++run) {
        const auto t0 = std::chrono::steady_clock::now();
        px::HarReader r("bench.har", text.size());
        for (size_t i = 0; i < text.size() && r.ok(); i += 1 << 20) {
            r.feed(text.data() + i, std::min<size_t>(1 << 20, text.size() - i));
        }
        if (!r.ok() || !r.finish()) {
            std::fprintf(stderr, "har_bench: %s\n", px::format_error(r.error(), px::Lang::Fr).c_str());
            std::exit(1);
        }
        har = r.take();
        best = std::min(best, seconds_since(t0));
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    const size_t mb = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100;
    px::AuditData data;
    const px::Error e = px::decode_audit_data(px::embedded_audit_blob(), px::embedded_audit_blob_size(), "audit.bin", data);
    px::Catalog facts_catalog;
    if (e.code != px::Err::OK || px::builtin_catalog().get(facts_catalog) != px::Err::OK) return 1;
    px::Catalogs facts;
    facts.add(std::move(facts_catalog));
    for (const bool bodies : {true, false}) {
        const std::string har_text = make_har(mb << 20, bodies);
        if (argc > (bodies ? 2 : 3)) {
            const char* path = argv[bodies ? 2 : 3];
            std::ofstream(path, std::ios::binary) << har_text;
            std::printf("wrote %s (%zu bytes, %s content)\n", path, har_text.size(), bodies ? "with" : "without");
        }
        px::Har har;
        const double s = time_read(har_text, har);
        const auto t1 = std::chrono::steady_clock::now();
        const px::Audit a = px::audit_har(har, data, facts, nullptr, {});
        const double audit_s = seconds_since(t1);
        const double size_mb = static_cast<double>(har_text.size()) / 1e6;
        std::printf("%s: %.1f MB, %zu requests: read %.3f s = %.0f MB/s; audit %.3f s\n",
                    bodies ? "HAR with content" : "HAR without content", size_mb, a.requests, s, size_mb / s, audit_s);
    }
    return 0;
}
