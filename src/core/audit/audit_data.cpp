// audit_data.cpp — see audit_data.h.
#include "core/audit/audit_data.h"

#include <cstdlib>  // std::strtoull

namespace px {
namespace {

std::vector<std::string_view> split(std::string_view line, char sep) {
    std::vector<std::string_view> out;
    size_t start = 0;
    while (true) {
        const size_t at = line.find(sep, start);
        out.push_back(line.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos) break;
        start = at + 1;
    }
    return out;
}

class LineReader {
public:
    explicit LineReader(std::string_view text) : text_(text) {}
    bool next(std::string_view& line) {
        if (pos_ >= text_.size()) return false;
        const size_t end = text_.find('\n', pos_);
        const size_t stop = end == std::string_view::npos ? text_.size() : end;
        line = text_.substr(pos_, stop - pos_);
        offset_ = pos_;
        pos_ = stop + 1;
        return true;
    }
    size_t offset() const { return offset_; }
    // The block after "[name] N": its N lines as one view.
    bool section(const char* name, size_t& count) {
        std::string_view head;
        if (!next(head)) return false;
        const std::string prefix = std::string("[") + name + "] ";
        if (head.substr(0, prefix.size()) != prefix) return false;
        count = std::strtoull(std::string(head.substr(prefix.size())).c_str(), nullptr, 10);
        return true;
    }

private:
    std::string_view text_;
    size_t pos_ = 0, offset_ = 0;
};

}  // namespace

const Hint* AuditData::hint_for(const Entity& e) const {
    for (const Hint& h : hints) {
        if (h.entity == e.name) return &h;
    }
    for (const Hint& h : hints) {
        if (h.entity.empty() && h.category == e.category) return &h;
    }
    return nullptr;
}

const SelfHostedTool* AuditData::self_hosted_tool(std::string_view url) const {
    // The path: after the host, before ? or #.
    const size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return nullptr;
    const size_t slash = url.find('/', scheme + 3);
    if (slash == std::string_view::npos) return nullptr;
    std::string_view path = url.substr(slash);
    const size_t q = path.find_first_of("?#");
    if (q != std::string_view::npos) path = path.substr(0, q);
    for (const SelfHostedTool& t : self_hosted) {
        for (const std::string& p : t.paths) {
            if (p.back() == '/') {  // a folder: anywhere in the path
                if (path.find(p) != std::string_view::npos) return &t;
            } else if (path.size() >= p.size() && path.substr(path.size() - p.size()) == p) {
                return &t;
            }
        }
    }
    return nullptr;
}

Error decode_audit_data(const char* data, size_t size, const std::string& file, AuditData& out) {
    AuditData d;
    const std::string_view text(data, size);
    LineReader r(text);
    auto bad = [&](const char* what) {
        Location where;
        where.file = file;
        where.byte_offset = r.offset();
        where.has_byte_offset = true;
        return make_error(Err::FILE_FORMAT, where, {}, what);
    };
    std::string_view line;
    if (!r.next(line) || line != "proxinum-audit 1") return bad("proxinum-audit 1");
    size_t count = 0;
    if (!r.section("psl", count)) return bad("[psl]");
    {
        std::string rules;
        for (size_t i = 0; i < count; ++i) {
            if (!r.next(line)) return bad("[psl]");
            rules.append(line);
            rules.push_back('\n');
        }
        d.psl.load(rules);
    }
    if (!r.section("entities", count)) return bad("[entities]");
    for (size_t i = 0; i < count; ++i) {
        if (!r.next(line)) return bad("[entities]");
        const auto f = split(line, '\t');
        if (f.size() != 6) return bad("[entities]");
        Entity e{std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[3]), false};
        std::vector<std::string> domains;
        for (const std::string_view dom : split(f[5], ' ')) {
            if (!dom.empty()) domains.emplace_back(dom);
        }
        if (!d.entities.add_entity(e, domains, f[4] == "S")) return bad("[entities] domaine en double / duplicate domain");
    }
    if (!r.section("selfhosted", count)) return bad("[selfhosted]");
    for (size_t i = 0; i < count; ++i) {
        if (!r.next(line)) return bad("[selfhosted]");
        const auto f = split(line, '\t');
        if (f.size() != 5) return bad("[selfhosted]");
        SelfHostedTool t{std::string(f[0]), std::string(f[1]), {}, std::string(f[3]), std::string(f[4])};
        for (const std::string_view p : split(f[2], ' ')) {
            if (!p.empty()) t.paths.emplace_back(p);
        }
        d.self_hosted.push_back(std::move(t));
    }
    if (!r.section("hints", count)) return bad("[hints]");
    for (size_t i = 0; i < count; ++i) {
        if (!r.next(line)) return bad("[hints]");
        const auto f = split(line, '\t');
        if (f.size() != 5) return bad("[hints]");
        d.hints.push_back(Hint{std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[3]), std::string(f[4])});
    }
    if (!r.section("companies", count)) return bad("[companies]");
    for (size_t i = 0; i < count; ++i) {
        if (!r.next(line)) return bad("[companies]");
        const auto f = split(line, '\t');
        if (f.size() != 2) return bad("[companies]");
        d.company_provider[std::string(f[0])] = std::string(f[1]);
    }
    d.blob_bytes = size;
    out = std::move(d);
    return {};
}

}  // namespace px
