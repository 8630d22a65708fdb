// psl.cpp — see psl.h.
#include "core/audit/psl.h"

#include <vector>  // std::vector

namespace px {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

}  // namespace

bool is_ipv4(std::string_view host) {
    int parts = 0;
    size_t i = 0;
    while (i <= host.size()) {
        size_t digits = 0;
        unsigned value = 0;
        while (i < host.size() && host[i] >= '0' && host[i] <= '9' && digits < 4) {
            value = value * 10 + static_cast<unsigned>(host[i] - '0');
            ++i;
            ++digits;
        }
        if (digits == 0 || digits > 3 || value > 255) return false;
        ++parts;
        if (i == host.size()) break;
        if (host[i] != '.') return false;
        ++i;
    }
    return parts == 4;
}

size_t PublicSuffixList::load(std::string_view text) {
    size_t count = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        // The list's rule is the first whitespace-delimited token of the line.
        const size_t stop = line.find_first_of(" \t\r");
        if (stop != std::string_view::npos) line = line.substr(0, stop);
        if (line.empty() || line.substr(0, 2) == "//") continue;
        Kind kind = Normal;
        if (line[0] == '!') {
            kind = Exception;
            line.remove_prefix(1);
        } else if (line.substr(0, 2) == "*.") {
            kind = Wildcard;
            line.remove_prefix(2);
        }
        rules_[lower(line)] |= kind;
        ++count;
    }
    return count;
}

std::string PublicSuffixList::public_suffix(std::string_view host_in) const {
    std::string host = lower(host_in);
    if (!host.empty() && host.back() == '.') host.pop_back();  // a fully qualified name
    if (host.empty()) return {};
    // Label starts, left to right: candidates "a.b.c", "b.c", "c".
    std::vector<size_t> starts{0};
    for (size_t i = 0; i < host.size(); ++i) {
        if (host[i] == '.') starts.push_back(i + 1);
    }
    const size_t n = starts.size();
    // Walk from the longest candidate: the first that matches is the longest rule.
    for (size_t k = 0; k < n; ++k) {
        const std::string suffix = host.substr(starts[k]);
        const auto it = rules_.find(suffix);
        const unsigned char kind = it == rules_.end() ? 0 : it->second;
        if (kind & Exception) {
            // "!www.ck": the public suffix is the rule minus its leftmost label.
            return k + 1 < n ? host.substr(starts[k + 1]) : std::string();
        }
        // A wildcard on the parent ("*.ck" for "foo.ck") makes this label a public suffix,
        // unless an exception rule names it (checked above).
        if (k + 1 < n) {
            const auto parent = rules_.find(host.substr(starts[k + 1]));
            if (parent != rules_.end() && (parent->second & Wildcard)) {
                const auto exact = rules_.find(suffix);
                if (exact == rules_.end() || !(exact->second & Exception)) return suffix;
            }
        }
        if (kind & Normal) return suffix;
    }
    // No rule: the prevailing rule is "*", the last label.
    return host.substr(starts[n - 1]);
}

std::string PublicSuffixList::registrable_domain(std::string_view host_in) const {
    std::string host = lower(host_in);
    if (!host.empty() && host.back() == '.') host.pop_back();
    if (host.empty() || host[0] == '.') return {};
    if (host[0] == '[' || is_ipv4(host)) return host;
    if (host.find("..") != std::string::npos) return {};
    const std::string suffix = public_suffix(host);
    if (suffix.size() >= host.size()) return {};
    // One more label to the left of the suffix.
    const size_t dot = host.size() - suffix.size() - 1;  // the '.' before the suffix
    const size_t start = host.rfind('.', dot == 0 ? 0 : dot - 1);
    return start == std::string::npos || start >= dot ? host : host.substr(start + 1);
}

}  // namespace px
