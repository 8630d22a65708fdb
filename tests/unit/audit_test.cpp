// audit_test.cpp — the web audit: Public Suffix List (its own test file), getEntity's quirks,
// Ecoindex and SWD against the reference values, the streaming HAR reader (chunking, limits,
// hostile input, byte offsets), the DOM count, and the audit of a small HAR.
#include <doctest/doctest.h>

#include <cctype>
#include <fstream>
#include <sstream>
#include <string>

#include "core/audit/audit.h"
#include "core/audit/audit_data.h"
#include "core/audit/ecoindex.h"
#include "core/audit/entities.h"
#include "core/audit/har.h"
#include "core/facts.h"

#include <nlohmann/json.hpp>

namespace {

const px::AuditData& data() {
    static px::AuditData d;
    static bool loaded = false;
    if (!loaded) {
        const px::Error e = px::decode_audit_data(px::embedded_audit_blob(), px::embedded_audit_blob_size(), "audit.bin", d);
        REQUIRE(e.code == px::Err::OK);
        loaded = true;
    }
    return d;
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Reads `text` in chunks of `chunk` bytes.
px::HarReader read_har(const std::string& text, size_t chunk, px::Har& out) {
    px::HarReader r("t.har", text.size());
    for (size_t i = 0; i < text.size() && r.ok(); i += chunk) r.feed(text.data() + i, std::min(chunk, text.size() - i));
    if (r.ok()) r.finish();
    if (r.ok()) out = r.take();
    return r;
}

const std::string kFixture = std::string(PX_SOURCE_DIR) + "/tests/fixtures/har/mairie.har";

}  // namespace

TEST_CASE("PSL: publicsuffix.org's test file (ASCII cases)") {
    std::ifstream in("/usr/share/doc/publicsuffix/examples/test_psl.txt");
    REQUIRE(in);
    std::string line;
    int checked = 0, skipped = 0;
    while (std::getline(in, line)) {
        if (line.rfind("checkPublicSuffix(", 0) != 0) continue;
        // checkPublicSuffix('a.b.example.com', 'example.com');  or null
        auto arg = [&](size_t& pos) -> std::string {
            while (line[pos] == ' ' || line[pos] == ',' || line[pos] == '(') ++pos;
            if (line.compare(pos, 4, "null") == 0) {
                pos += 4;
                return "\x01";
            }
            const size_t end = line.find('\'', pos + 1);
            std::string s = line.substr(pos + 1, end - pos - 1);
            pos = end + 1;
            return s;
        };
        size_t pos = std::string("checkPublicSuffix").size();
        const std::string host = arg(pos), want = arg(pos);
        bool ascii = true;
        for (const char c : host) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
        if (host == "\x01" || !ascii) {
            ++skipped;  // null input; Unicode hosts (URLs carry them as punycode)
            continue;
        }
        const std::string got = data().psl.registrable_domain(host);
        CHECK_MESSAGE(got == (want == "\x01" ? std::string() : want), host);
        ++checked;
    }
    CHECK(checked >= 60);
    MESSAGE("PSL cases checked: " << checked << ", skipped: " << skipped);
    CHECK(data().psl.registrable_domain("www.service-public.gouv.fr") == "service-public.gouv.fr");
    CHECK(data().psl.registrable_domain("192.168.0.1") == "192.168.0.1");
}

TEST_CASE("getEntity's own rules, quirks included") {
    CHECK(px::tpw_root_domain("https://www.service-public.gouv.fr/x") == "gouv.fr");  // naive root
    CHECK(px::tpw_root_domain("https://a.b.example.co.uk/") == "example.co.uk");
    CHECK(px::tpw_parse_domains("data:text/html,hello").domain.empty());
    CHECK(px::tpw_parse_domains("https://10.0.0.1:8080/x").root == "10.0.0.1");
    // The first domain-looking run wins, even in the query string of a URL without a host.
    CHECK(px::tpw_parse_domains("about:blank?u=cdn.example.com").domain == "cdn.example.com");
    // Not lower-cased: matching is case-sensitive, as in the package.
    CHECK(data().entities.get_entity("https://WWW.Google-Analytics.com/") == nullptr);
    const px::Entity* ga = data().entities.get_entity("https://www.google-analytics.com/analytics.js");
    REQUIRE(ga);
    CHECK(ga->name == "Google Analytics");
    CHECK(ga->company == "Google");
    CHECK(px::is_tracker_category(ga->category));
    const px::Entity* osm = data().entities.get_entity("https://tile.openstreetmap.org/1/1/1.png");
    REQUIRE(osm);
    CHECK(osm->supplement);
    CHECK(data().entities.get_tpw_entity("https://tile.openstreetmap.org/1/1/1.png") == nullptr);
}

TEST_CASE("Ecoindex: reference values (npm ecoindex 2.0.1)") {
    struct Case { double dom, req, kb, score; char grade; double ghg, water; };
    const Case cases[] = {
        {0, 0, 0, 100.0, 'A', 1.00, 1.50},           {47, 2, 1.37, 95.0, 'A', 1.10, 1.65},
        {100, 10, 100, 90.1569, 'A', 1.20, 1.80},     {240, 20, 500, 82.1185, 'A', 1.36, 2.04},
        {300, 25, 1000, 76.2614, 'B', 1.47, 2.21},    {600, 40, 1024, 60.9172, 'C', 1.78, 2.67},
        {693, 78, 2420, 43.6823, 'D', 2.13, 3.19},    {1000, 100, 2000, 32.7745, 'E', 2.34, 3.52},
        {1500, 150, 4000, 16.3217, 'F', 2.67, 4.01},  {5000, 400, 20000, 4.8885, 'G', 2.90, 4.35},
        {2479, 281, 8037.54, 5.0, 'G', 2.90, 4.35},
    };
    for (const Case& c : cases) {
        const px::Ecoindex e = px::ecoindex(c.dom, c.req, c.kb);
        CHECK(e.score == doctest::Approx(c.score).epsilon(2e-5));  // the table has 4 decimals
        CHECK(e.grade == c.grade);
        CHECK(e.ghg == doctest::Approx(c.ghg).epsilon(0.005));
        CHECK(e.water == doctest::Approx(c.water).epsilon(0.005));
    }
    // Thresholds are strict: 80 is B.
    CHECK(px::ecoindex_from_score(80.0).grade == 'B');
    CHECK(px::ecoindex_from_score(80.0001).grade == 'A');
}

TEST_CASE("CO2: Sustainable Web Design v4 (CO2.js 0.19.0)") {
    CHECK(px::swd_grams_per_visit(100000, false) == doctest::Approx(0.01482).epsilon(1e-9));
    CHECK(px::swd_grams_per_visit(1000000, false) == doctest::Approx(0.1482).epsilon(1e-9));
    CHECK(px::swd_grams_per_visit(1000000, true) == doctest::Approx(0.121030).epsilon(1e-9));
    CHECK(px::swd_grams_per_visit(5000000, false) == doctest::Approx(0.741).epsilon(1e-9));
    CHECK(px::swd_grams_per_visit(0.5, false) == 0);
    CHECK(std::string(px::swd_rating(0.01482)) == "A+");
    CHECK(std::string(px::swd_rating(0.1482)) == "C");
    CHECK(std::string(px::swd_rating(0.741)) == "F");
}

TEST_CASE("DOM count from HTML: elements, minus SVG children, raw text skipped") {
    CHECK(px::count_html_elements("<html><body><p>a</p></body></html>") == 3);
    CHECK(px::count_html_elements("<svg><g><path/></g></svg><p>") == 2);
    CHECK(px::count_html_elements("<script>if (a<b) x='<div>';</script><div title='>'>") == 2);
    CHECK(px::count_html_elements("<!-- <p> --><!DOCTYPE html><P>") == 1);
    CHECK(px::count_html_elements("a < b and 3<4") == 0);
}

TEST_CASE("HAR reader: any chunking gives the same result") {
    const std::string text = read(kFixture);
    px::Har whole, bytewise, odd;
    REQUIRE(read_har(text, text.size(), whole).ok());
    REQUIRE(read_har(text, 1, bytewise).ok());
    REQUIRE(read_har(text, 7, odd).ok());
    REQUIRE(whole.entries.size() == 6);
    for (const px::Har* h : {&bytewise, &odd}) {
        REQUIRE(h->entries.size() == whole.entries.size());
        for (size_t i = 0; i < whole.entries.size(); ++i) {
            CHECK(h->entries[i].url == whole.entries[i].url);
            CHECK(h->entries[i].bytes() == whole.entries[i].bytes());
            CHECK(h->entries[i].offset == whole.entries[i].offset);
        }
        REQUIRE(h->pages.size() == 1);
        CHECK(h->pages[0].html == whole.pages[0].html);
    }
    const px::HarEntry& doc = whole.entries[0];
    CHECK(doc.method == "GET");
    CHECK(doc.status == 200);
    CHECK(doc.transfer_size == 10000);
    CHECK(doc.cookies_sent);   // a Cookie header (its value is not kept)
    CHECK(doc.timings[4] == 50);
    CHECK(doc.resource_type == "document");
    CHECK(text.compare(doc.offset, 1, "{") == 0);
    CHECK(whole.entries[3].cookies_sent);  // request cookies
    CHECK(whole.entries[3].cookies_set);   // a set-cookie header
    CHECK(whole.entries[3].initiator_type == "script");
    CHECK(whole.entries[2].bytes() == 1500);           // _transferSize
    CHECK(whole.entries[1].bytes() == 20200);          // headers + body
    CHECK(whole.entries[5].bytes() == 70);             // content size
    CHECK(whole.pages[0].title == "Mairie de Niort");
    CHECK(whole.creator == "Proxinum test 1");
    // Nothing secret is kept: no field holds the cookie values.
    for (const px::HarEntry& e : whole.entries) {
        CHECK(e.url.find("SECRET") == std::string::npos);
        CHECK(e.initiator_url.find("GA1.1") == std::string::npos);
    }
}

TEST_CASE("HAR reader: bad files get a clear error with a byte offset") {
    auto error_of = [](const std::string& text, size_t chunk = 5) {
        px::Har h;
        const px::HarReader r = read_har(text, chunk, h);
        REQUIRE_FALSE(r.ok());
        return r.error();
    };
    const std::string good = read(kFixture);
    // Truncated in the middle of an entry.
    px::Error e = error_of(good.substr(0, good.size() / 2));
    CHECK(e.code == px::Err::JSON_SYNTAX);
    CHECK(e.where.has_byte_offset);
    CHECK(e.where.byte_offset == good.size() / 2);
    // Not JSON, not an object, not a HAR.
    CHECK(error_of("PK\x03\x04 zip").code == px::Err::FILE_FORMAT);
    CHECK(error_of("[1,2,3]").code == px::Err::FILE_FORMAT);
    CHECK(error_of("{\"type\":\"FeatureCollection\",\"features\":[]}").json_pointer == "/log");
    CHECK(error_of("{\"log\":{\"version\":\"1.2\"}}").json_pointer == "/log/entries");
    CHECK(error_of("").code == px::Err::FILE_FORMAT);
    // A syntax error inside an entry: at its byte.
    const std::string bad = "{\"log\":{\"entries\":[{\"request\":{\"url\":\"x\"},\"response\":{\"status\":2OO}}]}}";
    e = error_of(bad);
    CHECK(e.code == px::Err::JSON_SYNTAX);
    CHECK(e.where.byte_offset == bad.find("2OO") + 1);
    // Wrong types: the field's pointer and a byte offset inside the entry.
    const std::string typed = "{\"log\":{\"entries\":[{\"request\":{\"url\":\"https://a.fr/\"},\"response\":{}},"
                              "{\"request\":{\"url\":\"https://a.fr/\"},\"response\":{\"status\":\"200\"}}]}}";
    e = error_of(typed);
    CHECK(e.code == px::Err::FIELD_TYPE);
    CHECK(e.json_pointer == "/log/entries/1/response/status");
    CHECK(e.where.byte_offset == typed.find("{\"request\"", 20));  // the entry's first byte
    CHECK(error_of("{\"log\":{\"entries\":[{\"request\":\"GET /\",\"response\":{}}]}}").json_pointer == "/log/entries/0/request");
    CHECK(error_of("{\"log\":{\"entries\":[{\"response\":{}}]}}").json_pointer == "/log/entries/0/request");
    CHECK(error_of("{\"log\":{\"entries\":[{\"request\":{},\"response\":{}}]}}").json_pointer == "/log/entries/0/request/url");
    CHECK(error_of("{\"log\":{\"entries\":[1]}}").json_pointer == "/log/entries/0");
    // Deep nesting: refused at the byte that goes too deep, long before any recursion.
    std::string deep = "{\"log\":{\"entries\":[{\"request\":{\"url\":\"u\",\"x\":";
    deep += std::string(100000, '[');
    e = error_of(deep, 4096);
    CHECK(e.code == px::Err::JSON_TOO_DEEP);
    CHECK(e.where.byte_offset == deep.find('[', deep.find("\"x\"")) + (px::kHarMaxDepth - 5));
    // A giant string outside the entries: refused once the skeleton passes its limit.
    std::string giant = "{\"log\":{\"comment\":\"" + std::string(px::kHarMaxOuterBytes + 10, 'a') + "\",\"entries\":[]}}";
    CHECK(error_of(giant, 1 << 20).code == px::Err::FILE_FORMAT);
    // A file larger than announced limit is refused before reading.
    px::HarReader huge("huge.har", px::kHarMaxBytes + 1);
    CHECK(huge.error().code == px::Err::FILE_TOO_BIG);
}

TEST_CASE("HAR reader: a big inline body inside an entry is fine") {
    std::string text = "{\"log\":{\"entries\":[{\"request\":{\"url\":\"https://a.fr/\"},\"response\":{\"status\":200,"
                       "\"content\":{\"mimeType\":\"image/png\",\"text\":\"" +
                       std::string(20u << 20, 'Q') + "\"}}}]}}";
    px::Har h;
    const px::HarReader r = read_har(text, 1 << 16, h);
    REQUIRE(r.ok());
    CHECK(h.entries.size() == 1);
    CHECK(h.html.empty());  // not HTML: not kept
}

TEST_CASE("Audit of a small HAR: parties, entities, companies, Ecoindex, CO2") {
    px::Har har;
    REQUIRE(read_har(read(kFixture), 4096, har).ok());
    px::Catalog facts_catalog;
    REQUIRE(px::builtin_catalog().get(facts_catalog) == px::Err::OK);
    px::Catalogs facts;
    facts.add(std::move(facts_catalog));
    px::AuditOptions opt;
    const px::Audit a = px::audit_har(har, data(), facts, nullptr, opt);
    CHECK(a.requests == 6);
    CHECK(a.bytes == 62320);
    CHECK(a.first_party == "vivre-a-niort.com");
    CHECK(a.first_party_requests == 2);
    REQUIRE(a.third_parties.size() == 3);
    CHECK(a.third_parties[0].entity == "Axeptio");  // most bytes first
    CHECK(a.trackers == 1);
    const px::ThirdParty* ga = nullptr;
    for (const px::ThirdParty& t : a.third_parties) {
        if (t.entity == "Google Analytics") ga = &t;
    }
    REQUIRE(ga);
    CHECK(ga->tracker);
    CHECK(ga->cookies == 1);
    CHECK(ga->provider_id == "google");
    CHECK(ga->jurisdiction == px::Jurisdiction::US);
    CHECK(ga->hint != nullptr);
    REQUIRE(a.self_hosted.size() == 1);
    CHECK(a.self_hosted[0].tool->category == "analytics");  // /matomo.js on the site itself
    REQUIRE(a.ecoindex);
    CHECK(a.pages[0].dom_source == "html");
    CHECK(*a.pages[0].dom == 9);
    CHECK(a.pages[0].http_requests == 5);  // the data: URL is not a request
    CHECK(a.ecoindex->score == doctest::Approx(px::ecoindex(9, 5, 62.25).score));
    CHECK(a.co2 == doctest::Approx(px::swd_grams_per_visit(62320, false)));
    // "Ours": a domain the site owns is not a third party.
    opt.ours = {"www.google-analytics.com"};
    opt.dom = 500;
    opt.green = true;
    const px::Audit b = px::audit_har(har, data(), facts, nullptr, opt);
    CHECK(b.third_parties.size() == 2);
    CHECK(b.trackers == 0);
    CHECK(b.pages[0].dom_source == "user");
    CHECK(b.co2 == doctest::Approx(px::swd_grams_per_visit(62320, true)));
    // The JSON carries no secret either.
    const std::string json = px::audit_json(a, px::Lang::Fr);
    CHECK(json.find("SECRET") == std::string::npos);
    CHECK(json.find("GA1.1.123") == std::string::npos);
}

TEST_CASE("HAR reader: real HARs read the same as a plain DOM of the file, in any chunking") {
    // The scanner leaves bodies, headers, cookies and initiator stacks out of the parser; what it
    // keeps must equal what a DOM of the whole file says (npm test fixtures, see audit_oracles.mjs).
    const std::string nm = std::string(PX_SOURCE_DIR) + "/tools/node_modules/";
    for (const char* f : {"pagexray/test/files/domains/run.sitespeed.io.har", "pagexray/test/files/www.nytimes.com.har",
                          "pagexray/test/files/http/http1.1-firefox.har", "pagexray/test/files/http/http2-chrome.har",
                          "json-caching-proxy/test/test.har"}) {
        const std::string text = read(nm + f);
        const nlohmann::json dom = nlohmann::json::parse(text);
        const nlohmann::json& entries = dom["log"]["entries"];
        for (const size_t chunk : {size_t(1) << 20, size_t(4099)}) {
            px::Har h;
            const px::HarReader r = read_har(text, chunk, h);
            REQUIRE_MESSAGE(r.ok(), f);
            REQUIRE(h.entries.size() == entries.size());
            for (size_t i = 0; i < entries.size(); ++i) {
                const nlohmann::json& e = entries[i];
                const px::HarEntry& g = h.entries[i];
                CHECK(g.url == e["request"]["url"].get<std::string>());
                CHECK(g.status == e["response"]["status"].get<int>());
                CHECK(g.mime == e["response"]["content"].value("mimeType", ""));
                bool sent = !e["request"].value("cookies", nlohmann::json::array()).empty();
                for (const auto& hd : e["request"]["headers"]) {
                    std::string n = hd["name"];
                    for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                    sent = sent || n == "cookie";
                }
                bool set = !e["response"].value("cookies", nlohmann::json::array()).empty();
                for (const auto& hd : e["response"]["headers"]) {
                    std::string n = hd["name"];
                    for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                    set = set || n == "set-cookie";
                }
                CHECK_MESSAGE(g.cookies_sent == sent, f << " entry " << i);
                CHECK_MESSAGE(g.cookies_set == set, f << " entry " << i);
                const nlohmann::json& resp = e["response"];
                if (resp.contains("_transferSize")) CHECK(g.transfer_size == resp["_transferSize"].get<int64_t>());
                CHECK(g.body_size == resp.value("bodySize", int64_t(-1)));
            }
        }
    }
}

TEST_CASE("HAR reader: 3,000 damaged copies of a HAR never crash and always say where") {
    // Truncations, flipped bytes, inserted brackets and quotes: each is read or refused with a
    // byte offset inside the file (the fuzzing of issue 8 goes further).
    const std::string good = read(kFixture);
    unsigned seed = 7;
    auto rnd = [&]() { return seed = seed * 1103515245u + 12345u, (seed >> 8); };
    static const char kBytes[] = "{}[]\",:\\ 0a\x01\xff";
    size_t refused = 0;
    for (int k = 0; k < 3000; ++k) {
        std::string t = good;
        const int edits = 1 + static_cast<int>(rnd() % 4);
        for (int e = 0; e < edits; ++e) {
            const size_t at = rnd() % t.size();
            switch (rnd() % 3) {
                case 0: t[at] = kBytes[rnd() % (sizeof kBytes - 1)]; break;
                case 1: t.insert(at, 1, kBytes[rnd() % (sizeof kBytes - 1)]); break;
                default: t.resize(at); break;
            }
            if (t.empty()) t = "{";
        }
        px::Har h;
        const px::HarReader r = read_har(t, 1 + rnd() % 700, h);
        if (!r.ok()) {
            ++refused;
            CHECK(r.error().where.has_byte_offset);
            CHECK(r.error().where.byte_offset <= t.size());
        }
    }
    CHECK(refused > 1500);
    MESSAGE("damaged copies refused: " << refused << " of 3000");
}
