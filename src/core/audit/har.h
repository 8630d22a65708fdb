// har.h — a streaming reader of HAR 1.2 files (the HTTP Archive a browser's developer tools
// export), fed in chunks so that a 100 MB file is read with a progress bar and never held whole.
//
//   px::HarReader r("site.har", file_size);
//   while (more) if (!r.feed(chunk, n)) break;     // r.progress() = bytes read / file size
//   if (!r.ok() || !r.finish()) report(r.error()); // FILE:@BYTE: message (champ /log/entries/3/…)
//   px::Har har = r.take();
//
// How: a byte scanner (strings, escapes, brackets) finds each element of /log/entries and hands
// its bytes to nlohmann/json's SAX parser, which checks the JSON and the types of the fields we
// read; everything outside the entries (pages, creator) is kept as a small skeleton, parsed the
// same way at the end. Nothing builds a DOM of the file. Bodies ("text" values) longer than
// kHarSkipBodyBytes that are not HTML are left out before the parser (they are most of a HAR's
// bytes and nothing of them is kept): the scanner checks their quotes and escapes only.
// Kept per request: URL, method, status, MIME type, sizes, timings, initiator, resource type, page,
// and whether cookies were sent or set. NEVER kept: cookie values, header values, tokens, bodies —
// except the HTML text of each page's main document, to count its elements for the Ecoindex.
// Limits (checked before allocating): kHarMaxBytes per file, kHarMaxEntryBytes per request,
// kHarMaxEntries, kHarMaxDepth nesting levels, kHarMaxOuterBytes outside the entries.
// Does NOT score anything: audit.h does.
#pragma once

#include <cstddef>  // size_t
#include <cstdint>  // uint64_t, int64_t
#include <string>   // std::string
#include <string_view>  // std::string_view
#include <vector>   // std::vector

#include "core/errors.h"  // px::Error

namespace px {

constexpr uint64_t kHarMaxBytes = 1ull << 30;        // 1 GiB
constexpr size_t kHarMaxEntryBytes = 128u << 20;     // 128 MiB for one request (inline bodies)
constexpr size_t kHarMaxEntries = 1'000'000;
constexpr int kHarMaxDepth = 64;
constexpr size_t kHarMaxOuterBytes = 16u << 20;      // pages, creator…: 16 MiB
constexpr size_t kHarMaxHtmlBytes = 16u << 20;       // a page's main HTML kept for the DOM count
constexpr size_t kHarSkipBodyBytes = 1024;           // longer non-HTML bodies never reach the parser

struct HarEntry {
    uint64_t offset = 0;         // byte offset of the entry's '{' in the file
    std::string pageref;
    std::string started;         // startedDateTime
    std::string method;
    std::string url;
    int status = 0;
    std::string mime;            // response.content.mimeType
    std::string resource_type;   // Chrome's _resourceType ("document", "script"…), if any
    std::string initiator_type;  // Chrome's _initiator.type ("parser", "script"…), if any
    std::string initiator_url;
    int64_t transfer_size = -1;  // response._transferSize (Chrome), else WebPageTest's _bytesIn
    int64_t headers_size = -1;   // response.headersSize
    int64_t body_size = -1;      // response.bodySize
    int64_t content_size = -1;   // response.content.size
    double time = 0;             // total, ms
    double timings[7] = {-1, -1, -1, -1, -1, -1, -1};  // blocked dns connect send wait receive ssl
    bool cookies_sent = false;   // request cookies or a Cookie header
    bool cookies_set = false;    // response cookies or a Set-Cookie header

    // Bytes on the wire: _transferSize (or WebPageTest's _bytesIn) when present, else response
    // headers + body sizes when known, else the content size, else 0.
    uint64_t bytes() const;
    bool is_http() const;        // http:// or https:// (what the Ecoindex counts)
    bool is_document() const;    // the resource type says so, or an HTML response
};

struct HarPage {
    std::string id;
    std::string title;
    std::string started;
    std::string html;            // its main document's HTML (decoded), when the HAR holds it
    size_t html_entry = SIZE_MAX;
};

struct Har {
    std::string version;
    std::string creator;         // "Firefox 120.0", "WebInspector 537.36"…
    std::vector<HarPage> pages;
    std::vector<HarEntry> entries;
    std::string html;            // the first main document's HTML, for a HAR without pages
};

class HarReader {
public:
    HarReader(std::string file, uint64_t total_bytes);
    // Reads the next chunk. Returns false once an error is found (then see error()).
    bool feed(const char* data, size_t n);
    // After the last chunk: checks nothing is left open and parses the skeleton.
    bool finish();
    bool ok() const { return error_.code == Err::OK; }
    const Error& error() const { return error_; }
    uint64_t bytes_read() const { return pos_; }
    double progress() const { return total_ ? static_cast<double>(pos_) / static_cast<double>(total_) : 0; }
    Har take() { return std::move(har_); }

private:
    bool fail(Err code, uint64_t at, std::string pointer = {}, Detail detail = {});
    bool end_entry(const char* data, size_t n);
    bool parse_entry(const char* begin, size_t n);
    bool skip_body() const;

    std::string file_;
    uint64_t total_ = 0;
    Error error_;
    Har har_;
    // The scanner's state.
    uint64_t pos_ = 0;
    int depth_ = 0;
    bool in_string_ = false, pending_escape_ = false;
    bool started_ = false;
    std::string string_;          // the last string closed at depth ≤ 2 (first 32 bytes)
    bool string_open_ = false;    // a string at depth ≤ 2 is being read
    bool string_done_ = false;    // string_ just closed (a ':' would make it a key)
    std::string key_[3];          // the last key at depth 1 and 2
    int log_depth_ = 0;           // 2 once inside /log
    int entries_depth_ = 0;       // 3 once inside /log/entries
    bool in_entry_ = false;
    uint64_t entry_start_ = 0;
    std::string entry_buf_;       // the entry being read (bodies that are not HTML left out)
    // Inside an entry: the string being read, and whether it is the value of a "text" key.
    uint64_t str_len_ = 0;
    char head_[16] = {};
    size_t head_n_ = 0;
    // The keys the scanner acts on inside an entry.
    enum class Key : unsigned char { Other, Text, Headers, Cookies, QueryString, Stack, Name, Request, Response };
    static Key key_of(std::string_view head, uint64_t len);
    Key closed_key_ = Key::Other;  // the string just closed, should a ':' follow
    Key value_key_ = Key::Other;   // the key whose value comes next
    bool after_colon_ = false;
    bool text_value_ = false;      // the current string is a "text" value (a body)
    bool name_value_ = false;      // ... or a header's name inside a skipped headers array
    size_t body_mark_ = 0;         // entry_buf_'s size where that body's bytes start
    // Headers, cookies, query strings and initiator stacks never reach the parser: the scanner
    // skips them, noting only whether cookies were sent (request) or set (response).
    bool skip_ = false;
    Key skip_kind_ = Key::Other;
    int skip_depth_ = 0;
    size_t skip_mark_ = 0;
    int section_ = 0;              // 1 inside request, 2 inside response
    bool scan_cookies_sent_ = false, scan_cookies_set_ = false;
    std::string outer_;           // the skeleton: everything but the entries
    std::vector<std::pair<size_t, uint64_t>> outer_map_;  // skeleton offset → file offset
};

// Counts the elements of an HTML document as the Ecoindex does (every element, minus those
// inside an <svg>), from its source text rather than a live DOM: an estimate.
size_t count_html_elements(const std::string& html);

}  // namespace px
