// entities.cpp — see entities.h. Each function below transcribes one regular expression of
// third-party-web's create-entity-finder-api.js; the comment above it quotes the expression.
#include "core/audit/entities.h"

#include <cstdint>  // uint32_t

namespace px {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum_ci(char c) {  // [a-z0-9] with the i flag
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_domain_char(char c) { return is_alnum_ci(c) || c == '.' || c == '-'; }  // [a-z0-9.-]
bool is_word(char c) { return is_alnum_ci(c) || c == '_'; }                      // \w

// Decodes the UTF-8 code point at s[i] (bad bytes count as one code point each); sets len.
uint32_t decode_utf8(std::string_view s, size_t i, size_t& len) {
    const auto b = static_cast<unsigned char>(s[i]);
    auto cont = [&](size_t k) {
        return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    };
    auto at = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
    if (b < 0x80) { len = 1; return b; }
    if ((b & 0xE0) == 0xC0 && cont(1)) { len = 2; return ((b & 0x1Fu) << 6) | at(1); }
    if ((b & 0xF0) == 0xE0 && cont(1) && cont(2)) { len = 3; return ((b & 0x0Fu) << 12) | (at(1) << 6) | at(2); }
    if ((b & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
        len = 4;
        return ((b & 0x07u) << 18) | (at(1) << 12) | (at(2) << 6) | at(3);
    }
    len = 1;
    return 0xFFFD;
}

// JavaScript's \s: WhiteSpace and LineTerminator code points.
bool is_js_space(uint32_t c) {
    return c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D || c == 0x20 ||
           c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// Length in UTF-16 code units, as JavaScript's String.length counts.
size_t utf16_length(std::string_view s) {
    size_t n = 0;
    for (size_t i = 0; i < s.size();) {
        size_t len = 1;
        const uint32_t c = decode_utf8(s, i, len);
        n += c >= 0x10000 ? 2 : 1;
        i += len;
    }
    return n;
}

// /:\/\/(\S*?)(:\d+)?(\/|$)/ — the capture group, or false.
bool match_domain_in_url(std::string_view s, std::string& out) {
    for (size_t start = s.find("://"); start != std::string_view::npos; start = s.find("://", start + 1)) {
        const size_t from = start + 3;
        size_t k = from;  // end of the lazy \S*? capture
        while (true) {
            // (:\d+)? greedy, then (\/|$); without the port group when that fails.
            if (k < s.size() && s[k] == ':') {
                size_t d = k + 1;
                while (d < s.size() && is_digit(s[d])) ++d;
                if (d > k + 1 && (d == s.size() || s[d] == '/')) {
                    out.assign(s.substr(from, k - from));
                    return true;
                }
            }
            if (k == s.size() || s[k] == '/') {
                out.assign(s.substr(from, k - from));
                return true;
            }
            size_t len = 1;
            if (is_js_space(decode_utf8(s, k, len))) break;  // \S cannot go on
            k += len;
        }
    }
    return false;
}

// /(?:[a-z0-9.-]+\.[a-z0-9]+|localhost)/i — the leftmost match, or false.
bool match_domain_characters(std::string_view s, std::string& out) {
    const size_t n = s.size();
    size_t run_end = 0;   // end of the [a-z0-9.-] run that holds p, once known
    size_t last_dot = 0;  // in that run, the last '.' followed by [a-z0-9] (0: none)
    for (size_t p = 0; p < n; ++p) {
        if (is_domain_char(s[p])) {
            if (run_end <= p) {
                run_end = p;
                last_dot = 0;
                while (run_end < n && is_domain_char(s[run_end])) {
                    if (s[run_end] == '.' && run_end + 1 < n && is_alnum_ci(s[run_end + 1])) last_dot = run_end;
                    ++run_end;
                }
            }
            // First alternative: the greedy first part (at least one character) backtracks to
            // the LAST '.' after p that is followed by [a-z0-9]; then [a-z0-9]+ takes all it can.
            if (last_dot > p) {
                size_t e = last_dot + 1;
                while (e < n && is_alnum_ci(s[e])) ++e;
                out.assign(s.substr(p, e - p));
                return true;
            }
        }
        // Second alternative at the same position.
        if (p + 9 <= n) {
            static constexpr char kLocal[] = "localhost";
            bool same = true;
            for (size_t i = 0; i < 9 && same; ++i) {
                char c = s[p + i];
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
                same = c == kLocal[i];
            }
            if (same) {
                out.assign(s.substr(p, 9));
                return true;
            }
        }
    }
    return false;
}

// /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/
bool match_ip(std::string_view s) {
    size_t i = 0;
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (i >= s.size() || s[i] != '.') return false;
            ++i;
        }
        size_t d = 0;
        while (i < s.size() && is_digit(s[i]) && d < 4) { ++i; ++d; }
        if (d < 1 || d > 3) return false;
    }
    return i == s.size();
}

bool equals_ci(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// /[^.]+\.([^.]+|(gov|com|co|ne)\.\w{2})$/i — the leftmost match, or false.
bool match_root_domain(std::string_view s, std::string& out) {
    // A match starts where a non-empty label starts (a start inside a label meets the same
    // remainder, so the label's start is the leftmost).
    for (size_t p = 0; p < s.size(); ++p) {
        if (s[p] == '.' || (p > 0 && s[p - 1] != '.')) continue;
        const size_t dot = s.find('.', p);
        if (dot == std::string_view::npos) return false;  // [^.]+ then \. impossible from here on
        const std::string_view rest = s.substr(dot + 1);
        bool ok = !rest.empty() && rest.find('.') == std::string_view::npos;
        if (!ok) {
            const size_t d2 = rest.find('.');
            if (d2 != std::string_view::npos && rest.size() == d2 + 3 && is_word(rest[d2 + 1]) &&
                is_word(rest[d2 + 2])) {
                const std::string_view head = rest.substr(0, d2);
                ok = equals_ci(head, "gov") || equals_ci(head, "com") || equals_ci(head, "co") ||
                     equals_ci(head, "ne");
            }
        }
        if (ok) {
            out.assign(s.substr(p));
            return true;
        }
    }
    return false;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

TpwDomains tpw_parse_domains(std::string_view url) {
    if (utf16_length(url) > 10000 || starts_with(url, "data:")) return {};
    std::string domain;
    match_domain_in_url(url, domain);
    std::string chars;
    if (match_domain_characters(url, chars)) domain = chars;
    if (domain.empty()) return {};
    if (match_ip(domain)) return {domain, domain};
    std::string root;
    if (!match_root_domain(domain, root)) root = domain;
    return {root, domain};
}

bool is_tracker_category(std::string_view c) {
    return c == "ad" || c == "analytics" || c == "social" || c == "customer-success" ||
           c == "video" || c == "tag-manager" || c == "marketing";
}

bool EntityDb::add_entity(const Entity& entity_in, const std::vector<std::string>& patterns,
                          bool supplement) {
    Maps& m = supplement ? supplement_ : tpw_;
    for (const std::string& d : patterns) {
        if (m.by_domain.count(d)) return false;
    }
    const size_t index = entities_.size();
    Entity entity = entity_in;
    if (entity.company.empty()) entity.company = entity.name;
    entity.supplement = supplement;
    entities_.push_back(entity);
    for (const std::string& d : patterns) {
        m.by_domain[d] = index;
        const std::string root = tpw_root_domain(d);
        if (starts_with(d, "*.")) {
            const std::string wildcard = d.substr(2);
            if (wildcard == root) m.by_root_domain[root] = index;
            else m.by_sub_domain[wildcard] = index;
        }
    }
    return true;
}

const Entity* EntityDb::lookup(const Maps& m, std::string_view url) const {
    const TpwDomains d = tpw_parse_domains(url);
    if (d.domain.empty() || d.root.empty()) return nullptr;
    if (auto it = m.by_domain.find(d.domain); it != m.by_domain.end()) return &entities_[it->second];
    std::string sub = d.domain;
    while (sub.size() > d.root.size()) {
        if (auto it = m.by_sub_domain.find(sub); it != m.by_sub_domain.end()) return &entities_[it->second];
        // sliceSubdomainFromDomain: split('.').slice(1).join('.') — drops the first label.
        const size_t dot = sub.find('.');
        sub = dot == std::string::npos ? std::string() : sub.substr(dot + 1);
    }
    if (auto it = m.by_root_domain.find(d.root); it != m.by_root_domain.end()) return &entities_[it->second];
    return nullptr;
}

const Entity* EntityDb::get_tpw_entity(std::string_view url) const { return lookup(tpw_, url); }

const Entity* EntityDb::get_entity(std::string_view url) const {
    if (const Entity* e = lookup(tpw_, url)) return e;
    return lookup(supplement_, url);
}

}  // namespace px
