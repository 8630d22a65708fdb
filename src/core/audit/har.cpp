// har.cpp — see har.h. Index: [SECTION] Entry · Scanner · Entry parser · Skeleton · HTML
#include "core/audit/har.h"

#include <cstring>   // std::memcmp
#include <string_view>  // std::string_view
#include <utility>   // std::move

#include <nlohmann/json.hpp>

#include "core/json_read.h"  // px::parse_json

namespace px {
namespace {

using Json = nlohmann::json;

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}
bool equals_ci(std::string_view a, std::string_view b) {
    return a.size() == b.size() && starts_with_ci(a, b);
}

// Standard base64 (RFC 4648), whitespace ignored; false on any other byte.
bool decode_base64(const std::string& in, std::string& out) {
    out.clear();
    out.reserve(in.size() / 4 * 3);
    uint32_t acc = 0;
    int bits = 0;
    for (const char c : in) {
        int v;
        if (c >= 'A' && c <= 'Z') v = c - 'A';
        else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
        else if (c >= '0' && c <= '9') v = c - '0' + 52;
        else if (c == '+' || c == '-') v = 62;
        else if (c == '/' || c == '_') v = 63;
        else if (c == '=' || c == '\n' || c == '\r' || c == ' ' || c == '\t') continue;
        else return false;
        acc = (acc << 6) | static_cast<uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((acc >> bits) & 0xFF));
        }
    }
    return true;
}

}  // namespace

// [SECTION] Entry -----------------------------------------------------------------------------

uint64_t HarEntry::bytes() const {
    if (transfer_size >= 0) return static_cast<uint64_t>(transfer_size);
    if (headers_size >= 0 || body_size >= 0) {
        return static_cast<uint64_t>(headers_size > 0 ? headers_size : 0) +
               static_cast<uint64_t>(body_size > 0 ? body_size : 0);
    }
    return content_size > 0 ? static_cast<uint64_t>(content_size) : 0;
}

bool HarEntry::is_http() const {
    return starts_with_ci(url, "http://") || starts_with_ci(url, "https://");
}

bool HarEntry::is_document() const {
    if (!resource_type.empty()) return resource_type == "document";
    return mime.find("html") != std::string::npos;
}

// [SECTION] Entry parser ----------------------------------------------------------------------
namespace {

// Where a SAX event is, relative to the entry object.
enum class Ctx : unsigned char {
    Entry, Request, Response, Content, Timings, Initiator,
    ReqHeaders, RespHeaders, ReqCookies, RespCookies, Skip
};

class EntrySax final : public SaxSink {
public:
    EntrySax(HarEntry& e, std::string& text, std::string& encoding, std::string pointer)
        : e_(e), text_(text), encoding_(encoding), base_(std::move(pointer)) {}

    Err error = Err::OK;
    std::string error_pointer;
    Detail error_detail;
    bool syntax = false;
    size_t syntax_at = 0;
    bool seen_request = false, seen_response = false, seen_url = false;

    bool null() { return scalar(Kind::Null, 0, nullptr); }
    bool boolean(bool) { return scalar(Kind::Bool, 0, nullptr); }
    bool number_integer(Json::number_integer_t v) { return scalar(Kind::Number, static_cast<double>(v), nullptr); }
    bool number_unsigned(Json::number_unsigned_t v) { return scalar(Kind::Number, static_cast<double>(v), nullptr); }
    bool number_float(Json::number_float_t v, const Json::string_t&) { return scalar(Kind::Number, v, nullptr); }
    bool string(Json::string_t& v) { return scalar(Kind::String, 0, &v); }
    bool binary(Json::binary_t&) { return scalar(Kind::Null, 0, nullptr); }
    bool key(Json::string_t& k) {
        key_ = std::move(k);
        return true;
    }
    bool start_object(std::size_t) { return open(true); }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(false); }
    bool end_array() { return close(); }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
        syntax = true;
        syntax_at = position > 0 ? position - 1 : 0;
        return false;
    }

private:
    enum class Kind { Null, Bool, Number, String };
    struct Frame {
        Ctx ctx;
        bool object;
        std::string key;  // the key this container is the value of
        size_t index = 0; // next element index, for arrays
    };

    std::string pointer_here(const std::string& leaf) const {
        std::string p = base_;
        for (size_t i = 1; i < stack_.size(); ++i) {
            const Frame& parent = stack_[i - 1];
            p += '/';
            p += parent.object ? stack_[i].key : std::to_string(parent.index - 1);
        }
        if (!stack_.empty()) {
            p += '/';
            p += stack_.back().object ? leaf : std::to_string(stack_.back().index);
        }
        return p;
    }
    bool type_error(Detail expected) {
        error = Err::FIELD_TYPE;
        error_pointer = pointer_here(key_);
        error_detail = std::move(expected);
        return false;
    }

    Ctx child(bool object) {
        if (stack_.empty()) return object ? Ctx::Entry : Ctx::Skip;
        const Frame& f = stack_.back();
        const std::string& k = key_;
        switch (f.ctx) {
            case Ctx::Entry:
                if (k == "request") return Ctx::Request;
                if (k == "response") return Ctx::Response;
                if (k == "timings") return Ctx::Timings;
                if (k == "_initiator") return Ctx::Initiator;
                return Ctx::Skip;
            case Ctx::Request:
                if (k == "headers") return Ctx::ReqHeaders;
                if (k == "cookies") return Ctx::ReqCookies;
                return Ctx::Skip;
            case Ctx::Response:
                if (k == "headers") return Ctx::RespHeaders;
                if (k == "cookies") return Ctx::RespCookies;
                if (k == "content") return Ctx::Content;
                return Ctx::Skip;
            default: return Ctx::Skip;
        }
    }

    // Containers whose type we check: the entry, request, response, content, timings must be
    // objects; headers and cookies arrays.
    bool open(bool object) {
        const Ctx c = child(object);
        if (!stack_.empty()) {
            Frame& f = stack_.back();
            if (!f.object) ++f.index;
            if (c == Ctx::Request || c == Ctx::Response || c == Ctx::Content || c == Ctx::Timings) {
                if (!object) return type_error(Msg::TYPE_OBJECT);
            }
            if (c == Ctx::ReqHeaders || c == Ctx::RespHeaders || c == Ctx::ReqCookies || c == Ctx::RespCookies) {
                if (object) return type_error(Msg::TYPE_LIST);  // the scanner only skips arrays
            }
        } else if (!object) {
            error = Err::FIELD_TYPE;
            error_pointer = base_;
            error_detail = Msg::TYPE_OBJECT;
            return false;
        }
        if (c == Ctx::Request) seen_request = true;
        if (c == Ctx::Response) seen_response = true;
        stack_.push_back(Frame{c, object, stack_.empty() ? std::string() : key_, 0});
        return true;
    }
    bool close() {
        stack_.pop_back();
        return true;
    }

    bool want_string(Kind kind, std::string* s, std::string& out) {
        if (kind == Kind::Null) return true;
        if (kind != Kind::String) return type_error(Msg::TYPE_TEXT);
        out = std::move(*s);
        return true;
    }
    bool want_number(Kind kind, double v, double& out) {
        if (kind == Kind::Null) return true;
        if (kind != Kind::Number) return type_error(Msg::TYPE_NUMBER);
        out = v;
        return true;
    }
    bool want_size(Kind kind, double v, int64_t& out) {
        double d = -1;
        if (!want_number(kind, v, d)) return false;
        if (kind == Kind::Number) {
            if (d > 9e15) return type_error(Msg::DETAIL_SANE_SIZE);
            out = d < 0 ? -1 : static_cast<int64_t>(d);
        }
        return true;
    }

    bool scalar(Kind kind, double v, std::string* s) {
        if (stack_.empty()) {
            error = Err::FIELD_TYPE;
            error_pointer = base_;
            error_detail = Msg::TYPE_OBJECT;
            return false;
        }
        Frame& f = stack_.back();
        if (!f.object) ++f.index;
        const std::string& k = key_;
        switch (f.ctx) {
            case Ctx::Entry:
                if (k == "pageref") return want_string(kind, s, e_.pageref);
                if (k == "startedDateTime") return want_string(kind, s, e_.started);
                if (k == "time") return want_number(kind, v, e_.time);
                if (k == "_resourceType") return want_string(kind, s, e_.resource_type);
                // WebPageTest's own field, a number or a string of digits; ignored otherwise.
                if (k == "_bytesIn" && e_.transfer_size < 0) {
                    if (kind == Kind::Number && v >= 0 && v < 9e15) e_.transfer_size = static_cast<int64_t>(v);
                    if (kind == Kind::String && !s->empty() && s->size() < 16 &&
                        s->find_first_not_of("0123456789") == std::string::npos) {
                        e_.transfer_size = static_cast<int64_t>(std::stoll(*s));
                    }
                }
                if (k == "_initiator" && kind == Kind::String) e_.initiator_type = std::move(*s);
                if (k == "request" || k == "response") return type_error(Msg::TYPE_OBJECT);
                return true;
            case Ctx::Request:
                if (k == "method") return want_string(kind, s, e_.method);
                if (k == "url") {
                    seen_url = kind == Kind::String;
                    if (kind != Kind::String) return type_error(Msg::TYPE_TEXT);
                    e_.url = std::move(*s);
                    return true;
                }
                return true;
            case Ctx::Response:
                if (k == "status") {
                    double st = 0;
                    if (!want_number(kind, v, st)) return false;
                    e_.status = st >= 0 && st < 1000 ? static_cast<int>(st) : 0;
                    return true;
                }
                if (k == "headersSize") return want_size(kind, v, e_.headers_size);
                if (k == "bodySize") return want_size(kind, v, e_.body_size);
                if (k == "_transferSize") return want_size(kind, v, e_.transfer_size);  // wins over _bytesIn
                return true;
            case Ctx::Content:
                if (k == "size") return want_size(kind, v, e_.content_size);
                if (k == "mimeType") return want_string(kind, s, e_.mime);
                if (k == "encoding") return want_string(kind, s, encoding_);
                if (k == "text") {
                    if (kind == Kind::String && s->size() <= kHarMaxHtmlBytes) text_ = std::move(*s);
                    else if (kind != Kind::String && kind != Kind::Null) return type_error(Msg::TYPE_TEXT);
                    return true;
                }
                return true;
            case Ctx::Timings: {
                static const char* const kNames[7] = {"blocked", "dns", "connect", "send", "wait", "receive", "ssl"};
                for (int i = 0; i < 7; ++i) {
                    if (k == kNames[i]) return want_number(kind, v, e_.timings[i]);
                }
                return true;
            }
            case Ctx::Initiator:
                if (k == "type" && kind == Kind::String) e_.initiator_type = std::move(*s);
                if (k == "url" && kind == Kind::String) e_.initiator_url = std::move(*s);
                return true;
            default:
                return true;
        }
    }

    HarEntry& e_;
    std::string& text_;
    std::string& encoding_;
    std::string base_;
    std::string key_;
    std::vector<Frame> stack_;
};

}  // namespace

HarReader::HarReader(std::string file, uint64_t total_bytes) : file_(std::move(file)), total_(total_bytes) {
    if (total_bytes > kHarMaxBytes) fail(Err::FILE_TOO_BIG, 0, {}, std::to_string(kHarMaxBytes));
}

bool HarReader::fail(Err code, uint64_t at, std::string pointer, Detail detail) {
    if (error_.code != Err::OK) return false;
    Location where;
    where.file = file_;
    where.byte_offset = at;
    where.has_byte_offset = true;
    error_ = make_error(code, where, std::move(pointer), std::move(detail));
    return false;
}

bool HarReader::parse_entry(const char* begin, size_t n) {
    if (har_.entries.size() >= kHarMaxEntries) {
        return fail(Err::TOO_MANY, entry_start_, "/log/entries", std::to_string(kHarMaxEntries));
    }
    const size_t index = har_.entries.size();
    const std::string pointer = "/log/entries/" + std::to_string(index);
    HarEntry e;
    e.offset = entry_start_;
    std::string text, encoding;
    EntrySax sax(e, text, encoding, pointer);
    // const char* iterators: the same instantiation of nlohmann's lexer as every other reader
    // (the web build's size). A field of the wrong type is reported at its entry's byte offset,
    // with the JSON Pointer that names it.
    sax_parse(begin, begin + n, sax);
    if (sax.syntax) return fail(Err::JSON_SYNTAX, entry_start_ + sax.syntax_at);
    if (sax.error != Err::OK) return fail(sax.error, entry_start_, sax.error_pointer, sax.error_detail);
    if (!sax.seen_request) return fail(Err::FIELD_MISSING, entry_start_, pointer + "/request");
    if (!sax.seen_response) return fail(Err::FIELD_MISSING, entry_start_, pointer + "/response");
    if (!sax.seen_url) return fail(Err::FIELD_MISSING, entry_start_, pointer + "/request/url");
    e.cookies_sent = scan_cookies_sent_;  // headers and cookies arrays are read by the scanner only
    e.cookies_set = scan_cookies_set_;
    // The main HTML of its page: the first HTML document answered with 2xx.
    if (!text.empty() && e.status >= 200 && e.status < 300 && e.mime.find("html") != std::string::npos) {
        std::string* slot = nullptr;
        if (e.pageref.empty()) {
            if (har_.html.empty()) slot = &har_.html;
        } else {
            // Pages are read at the end; keep per pageref in a provisional page list.
            bool known = false;
            for (HarPage& p : har_.pages) {
                if (p.id == e.pageref) {
                    known = true;
                    if (p.html.empty()) {
                        slot = &p.html;
                        p.html_entry = index;
                    }
                }
            }
            if (!known) {
                HarPage p;
                p.id = e.pageref;
                p.html_entry = index;
                har_.pages.push_back(std::move(p));
                slot = &har_.pages.back().html;
            }
        }
        if (slot) {
            if (encoding == "base64") {
                std::string decoded;
                if (decode_base64(text, decoded)) *slot = std::move(decoded);
            } else {
                *slot = std::move(text);
            }
        }
    }
    har_.entries.push_back(std::move(e));
    return true;
}

// [SECTION] Scanner ---------------------------------------------------------------------------

bool HarReader::feed(const char* data, size_t n) {
    if (!ok()) return false;
    if (total_ && pos_ + n > total_) total_ = pos_ + n;  // more bytes than announced: progress caps at 1
    size_t i = 0;
    size_t run_start = 0;  // start of this chunk's bytes not yet copied to the skeleton or the entry
    if (pending_escape_ && n > 0) {  // the byte after a backslash that ended the last chunk
        pending_escape_ = false;
        if (in_entry_) ++str_len_;
        i = 1;
    }
    while (i < n) {
        const char c = data[i];
        if (in_string_) {
            // Fast path: jump to the next quote or backslash.
            const size_t from = i;
            while (i < n && data[i] != '"' && data[i] != '\\') ++i;
            if (string_open_) {
                for (size_t k = from; k < i && string_.size() < 32; ++k) string_.push_back(data[k]);
            }
            if (in_entry_) {
                for (size_t k = from; k < i && head_n_ < sizeof head_; ++k) head_[head_n_++] = data[k];
                str_len_ += i - from;
            }
            if (i == n) break;
            if (data[i] == '\\') {
                if (string_open_ && string_.size() < 32) string_.push_back('\\');
                if (in_entry_ && head_n_ < sizeof head_) head_[head_n_++] = '\\';
                if (i + 1 < n) {
                    if (in_entry_) str_len_ += 2;
                    i += 2;
                    continue;
                }
                if (in_entry_) ++str_len_;
                pending_escape_ = true;  // the escaped byte is in the next chunk
                i = n;
                break;
            }
            in_string_ = false;
            if (string_open_) {
                string_open_ = false;
                string_done_ = true;
            }
            if (in_entry_) {
                if (skip_body()) {
                    // A response or request body that is not HTML: its bytes never reach the
                    // JSON parser (nothing of it is kept); the entry gets an empty string.
                    entry_buf_.resize(body_mark_);
                    run_start = i;  // the closing quote
                }
                if (name_value_) {  // a header's name, inside a headers array being skipped
                    const std::string_view name(head_, head_n_);
                    if (str_len_ == 6 && equals_ci(name, "cookie") && section_ == 1) scan_cookies_sent_ = true;
                    if (str_len_ == 10 && equals_ci(name, "set-cookie") && section_ == 2) scan_cookies_set_ = true;
                }
                closed_key_ = text_value_ || name_value_ ? Key::Other : key_of(std::string_view(head_, head_n_), str_len_);
                text_value_ = name_value_ = false;
            }
            ++i;
            continue;
        }
        switch (c) {
            case '"':
                in_string_ = true;
                if (depth_ <= 2 && !in_entry_) {
                    string_open_ = true;
                    string_.clear();
                }
                if (in_entry_) {
                    // The value of a "text" key (content.text, postData.text): the bulk of a HAR
                    // saved with its content. Everything before it goes to the entry now.
                    text_value_ = !skip_ && after_colon_ && value_key_ == Key::Text;
                    name_value_ = skip_ && skip_kind_ == Key::Headers && after_colon_ && value_key_ == Key::Name;
                    if (text_value_) {
                        entry_buf_.append(data + run_start, i + 1 - run_start);
                        run_start = i + 1;
                        body_mark_ = entry_buf_.size();
                    }
                    str_len_ = 0;
                    head_n_ = 0;
                    after_colon_ = false;
                    closed_key_ = value_key_ = Key::Other;
                }
                break;
            case ':':
                if (string_done_ && depth_ >= 1 && depth_ <= 2) key_[depth_] = string_;
                string_done_ = false;
                if (in_entry_) {
                    value_key_ = closed_key_;
                    after_colon_ = true;
                    closed_key_ = Key::Other;
                }
                break;
            case '{':
            case '[': {
                string_done_ = false;
                if (in_entry_) {
                    const Key k = after_colon_ ? value_key_ : Key::Other;
                    if (skip_) {
                        // A cookie object in a cookies array: cookies were sent or set.
                        if (skip_kind_ == Key::Cookies && c == '{' && depth_ == skip_depth_ + 1) {
                            (section_ == 1 ? scan_cookies_sent_ : scan_cookies_set_) = section_ != 0;
                        }
                    } else if (k == Key::Headers || k == Key::Cookies || k == Key::QueryString || k == Key::Stack) {
                        // Headers, cookies, query strings, initiator stacks: only the scanner
                        // looks inside (for cookies); the parser gets an empty container.
                        skip_ = true;
                        skip_kind_ = k;
                        skip_depth_ = depth_;
                        entry_buf_.append(data + run_start, i + 1 - run_start);
                        run_start = i + 1;
                        skip_mark_ = entry_buf_.size();
                    } else if (depth_ == 4 && c == '{' && (k == Key::Request || k == Key::Response)) {
                        section_ = k == Key::Request ? 1 : 2;
                    }
                }
                after_colon_ = false;
                closed_key_ = value_key_ = Key::Other;
                if (!started_ && c != '{') {
                    return fail(Err::FILE_FORMAT, pos_ + i, {}, Msg::DETAIL_HAR_OBJECT);
                }
                started_ = true;
                const bool object = c == '{';
                if (!in_entry_ && entries_depth_ == 3 && depth_ == 3 && object) {
                    // An entry begins: the skeleton gets a placeholder.
                    outer_.append(data + run_start, i - run_start);
                    outer_ += "{}";
                    in_entry_ = true;
                    entry_start_ = pos_ + i;
                    entry_buf_.clear();
                    run_start = i;
                    skip_ = false;
                    section_ = 0;
                    scan_cookies_sent_ = scan_cookies_set_ = false;
                } else if (!in_entry_ && depth_ == 1 && object && key_[1] == "log") {
                    log_depth_ = 2;
                } else if (!in_entry_ && depth_ == 2 && log_depth_ == 2 && !object && key_[2] == "entries") {
                    entries_depth_ = 3;
                }
                ++depth_;
                if (depth_ > kHarMaxDepth) return fail(Err::JSON_TOO_DEEP, pos_ + i, {}, std::to_string(kHarMaxDepth));
                if (depth_ <= 2) key_[depth_].clear();
                break;
            }
            case '}':
            case ']':
                string_done_ = false;
                after_colon_ = false;
                closed_key_ = value_key_ = Key::Other;
                --depth_;
                if (depth_ < 0) return fail(Err::JSON_SYNTAX, pos_ + i);
                if (skip_ && depth_ == skip_depth_) {  // the skipped container closes here
                    skip_ = false;
                    entry_buf_.resize(skip_mark_);
                    run_start = i;
                }
                if (in_entry_ && depth_ == 4) section_ = 0;
                if (in_entry_ && depth_ == 3) {
                    // The entry ends here.
                    in_entry_ = false;
                    entry_buf_.append(data + run_start, i + 1 - run_start);
                    if (!parse_entry(entry_buf_.data(), entry_buf_.size())) return false;
                    if (entry_buf_.capacity() > (4u << 20)) std::string().swap(entry_buf_);  // a big one: give it back
                    entry_buf_.clear();
                    run_start = i + 1;
                    outer_map_.emplace_back(outer_.size(), pos_ + i + 1);
                } else if (depth_ < 2) {
                    log_depth_ = 0;
                    entries_depth_ = 0;
                } else if (depth_ == 2 && entries_depth_ == 3 && c == ']') {
                    entries_depth_ = 0;
                }
                break;
            default:
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                    string_done_ = false;
                    after_colon_ = false;
                    closed_key_ = value_key_ = Key::Other;
                    if (!started_ && !(pos_ + i < 3 && static_cast<unsigned char>(c) >= 0xBB)) {  // a UTF-8 BOM is allowed
                        return fail(Err::FILE_FORMAT, pos_ + i, {}, Msg::DETAIL_HAR_OBJECT);
                    }
                }
                break;
        }
        ++i;
    }
    // Carry what is left of this chunk.
    if (in_entry_) {
        if (skip_) {
            entry_buf_.resize(skip_mark_);  // a container being skipped: none of it is kept
        } else if (in_string_ && skip_body()) {
            entry_buf_.resize(body_mark_);  // a body being skipped: none of it is kept
        } else {
            if (entry_buf_.size() + (n - run_start) > kHarMaxEntryBytes) {
                return fail(Err::FILE_TOO_BIG, entry_start_, "/log/entries/" + std::to_string(har_.entries.size()),
                            std::to_string(kHarMaxEntryBytes));
            }
            entry_buf_.append(data + run_start, n - run_start);
        }
    } else {
        outer_.append(data + run_start, n - run_start);
        if (outer_.size() > kHarMaxOuterBytes) {
            return fail(Err::FILE_FORMAT, pos_ + n, {},
                        Msg::DETAIL_NOT_A_HAR);
        }
    }
    pos_ += n;
    return true;
}

HarReader::Key HarReader::key_of(std::string_view head, uint64_t len) {
    if (len != head.size()) return Key::Other;  // longer than the 16 bytes kept: none of ours
    if (head == "text") return Key::Text;
    if (head == "headers") return Key::Headers;
    if (head == "cookies") return Key::Cookies;
    if (head == "queryString") return Key::QueryString;
    if (head == "stack") return Key::Stack;
    if (head == "name") return Key::Name;
    if (head == "request") return Key::Request;
    if (head == "response") return Key::Response;
    return Key::Other;
}

bool HarReader::skip_body() const {
    if (!text_value_ || str_len_ <= kHarSkipBodyBytes) return false;
    // HTML (a page's main document, for the DOM count) is kept: a '<' in its first bytes,
    // written as is or as \u003c.
    const std::string_view head(head_, head_n_);
    return head.find('<') == std::string_view::npos && head.find("u003c") == std::string_view::npos &&
           head.find("u003C") == std::string_view::npos;
}

// [SECTION] Skeleton --------------------------------------------------------------------------
namespace {

// Accepts every event; keeps where a syntax error is.
struct PositionSax final : SaxSink {
    size_t error_at = 0;
    bool syntax = false;
    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(Json::number_integer_t) { return true; }
    bool number_unsigned(Json::number_unsigned_t) { return true; }
    bool number_float(Json::number_float_t, const Json::string_t&) { return true; }
    bool string(Json::string_t&) { return true; }
    bool binary(Json::binary_t&) { return true; }
    bool key(Json::string_t&) { return true; }
    bool start_object(std::size_t) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
        syntax = true;
        error_at = position > 0 ? position - 1 : 0;
        return false;
    }
};

}  // namespace

bool HarReader::finish() {
    if (!ok()) return false;
    if (!started_) return fail(Err::FILE_FORMAT, pos_, {}, Msg::DETAIL_EMPTY_FILE);
    if (in_string_ || depth_ != 0 || in_entry_ || pending_escape_) {
        return fail(Err::JSON_SYNTAX, pos_, in_entry_ ? "/log/entries/" + std::to_string(har_.entries.size()) : std::string(),
                    {});
    }
    // Maps an offset in the skeleton back to the file.
    auto file_offset = [&](size_t o) -> uint64_t {
        uint64_t at = o;
        for (const auto& [skel, file] : outer_map_) {
            if (skel > o) break;
            at = file + (o - skel);
        }
        return at;
    };
    PositionSax check;
    const char* skel = outer_.data();
    if (!sax_parse(skel, skel + outer_.size(), check) || check.syntax) {
        return fail(Err::JSON_SYNTAX, file_offset(check.error_at));
    }
    Json doc;
    if (parse_json(outer_, file_).get(doc) != Err::OK) return fail(Err::JSON_SYNTAX, 0);
    outer_.clear();
    outer_.shrink_to_fit();
    auto field_fail = [&](Err code, const std::string& pointer, Detail detail) {
        // The skeleton was released: report the place of the log object at least.
        return fail(code, 0, pointer, std::move(detail));
    };
    if (!doc.is_object()) return field_fail(Err::FILE_FORMAT, "", Msg::DETAIL_HAR_OBJECT);
    const auto log = doc.find("log");
    if (log == doc.end()) return field_fail(Err::FIELD_MISSING, "/log", {});
    if (!log->is_object()) return field_fail(Err::FIELD_TYPE, "/log", Msg::TYPE_OBJECT);
    const auto entries = log->find("entries");
    if (entries == log->end()) return field_fail(Err::FIELD_MISSING, "/log/entries", {});
    if (!entries->is_array()) return field_fail(Err::FIELD_TYPE, "/log/entries", Msg::TYPE_LIST);
    for (size_t k = 0; k < entries->size(); ++k) {
        if (!(*entries)[k].is_object()) {
            return field_fail(Err::FIELD_TYPE, "/log/entries/" + std::to_string(k), Msg::TYPE_OBJECT);
        }
    }
    if (const auto v = log->find("version"); v != log->end() && v->is_string()) har_.version = v->get<std::string>();
    if (const auto c = log->find("creator"); c != log->end() && c->is_object()) {
        if (const auto n = c->find("name"); n != c->end() && n->is_string()) har_.creator = n->get<std::string>();
        if (const auto v = c->find("version"); v != c->end() && v->is_string()) har_.creator += " " + v->get<std::string>();
    }
    std::vector<HarPage> provisional = std::move(har_.pages);
    har_.pages.clear();
    if (const auto pages = log->find("pages"); pages != log->end()) {
        if (!pages->is_array()) return field_fail(Err::FIELD_TYPE, "/log/pages", Msg::TYPE_LIST);
        for (size_t k = 0; k < pages->size(); ++k) {
            const Json& p = (*pages)[k];
            const std::string at = "/log/pages/" + std::to_string(k);
            if (!p.is_object()) return field_fail(Err::FIELD_TYPE, at, Msg::TYPE_OBJECT);
            HarPage page;
            if (const auto id = p.find("id"); id != p.end()) {
                if (!id->is_string()) return field_fail(Err::FIELD_TYPE, at + "/id", Msg::TYPE_TEXT);
                page.id = id->get<std::string>();
            }
            if (const auto t = p.find("title"); t != p.end() && t->is_string()) page.title = t->get<std::string>();
            if (const auto t = p.find("startedDateTime"); t != p.end() && t->is_string()) page.started = t->get<std::string>();
            har_.pages.push_back(std::move(page));
        }
    }
    // Attach the HTML kept while reading; pages only referenced by entries come last.
    for (HarPage& p : provisional) {
        bool found = false;
        for (HarPage& q : har_.pages) {
            if (q.id == p.id) {
                q.html = std::move(p.html);
                q.html_entry = p.html_entry;
                found = true;
                break;
            }
        }
        if (!found) har_.pages.push_back(std::move(p));
    }
    return true;
}

// [SECTION] HTML ------------------------------------------------------------------------------

size_t count_html_elements(const std::string& html) {
    const size_t n = html.size();
    size_t count = 0;
    int svg_depth = 0;
    size_t i = 0;
    auto is_alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    auto name_char = [&](char c) { return is_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_'; };
    while (i < n) {
        const size_t lt = html.find('<', i);
        if (lt == std::string::npos) break;
        i = lt + 1;
        if (i >= n) break;
        if (html.compare(i, 3, "!--") == 0) {  // a comment
            const size_t end = html.find("-->", i + 3);
            i = end == std::string::npos ? n : end + 3;
            continue;
        }
        if (html[i] == '!' || html[i] == '?') {  // doctype, processing instruction
            const size_t end = html.find('>', i);
            i = end == std::string::npos ? n : end + 1;
            continue;
        }
        const bool closing = html[i] == '/';
        if (closing) ++i;
        if (i >= n || !is_alpha(html[i])) continue;
        size_t e = i;
        while (e < n && name_char(html[e])) ++e;
        std::string name = html.substr(i, e - i);
        for (char& c : name) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        // The end of the tag, skipping quoted attribute values.
        size_t k = e;
        char quote = 0;
        bool self_closing = false;
        while (k < n) {
            const char c = html[k];
            if (quote) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                self_closing = k > e && html[k - 1] == '/';
                break;
            }
            ++k;
        }
        i = k < n ? k + 1 : n;
        if (closing) {
            if (name == "svg" && svg_depth > 0) --svg_depth;
            continue;
        }
        if (svg_depth == 0) ++count;
        if (name == "svg" && !self_closing) ++svg_depth;
        else if (svg_depth > 0) continue;
        // Raw text elements: their content holds no tags.
        if (name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp") {
            const std::string end_tag = "</" + name;
            size_t m = i;
            while (true) {
                m = html.find("</", m);
                if (m == std::string::npos) {
                    i = n;
                    break;
                }
                bool same = true;
                for (size_t t = 0; t < end_tag.size() && same; ++t) {
                    char c = m + t < n ? html[m + t] : 0;
                    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
                    same = c == end_tag[t];
                }
                if (same) {
                    i = m;
                    break;
                }
                m += 2;
            }
        }
    }
    return count;
}

}  // namespace px
