// json_read.cpp — nlohmann's SAX DOM builder behind a handler that records where a syntax error
// is and refuses documents nested deeper than kJsonMaxDepth (json_read.h).
#include "core/json_read.h"

#include <cstring>  // std::memchr

#include <vector>  // std::vector

namespace px {

void line_col(std::string_view text, size_t byte_offset, uint64_t& line, uint64_t& col) {
    line = 1;
    col = 1;
    const size_t end = byte_offset < text.size() ? byte_offset : text.size();
    for (size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++col;  // count characters, not UTF-8 continuation bytes
        }
    }
}

namespace {
using Json = nlohmann::json;
using DomBuilder = nlohmann::detail::json_sax_dom_parser<Json>;

// Forwards every event to nlohmann's DOM builder; keeps the error position and the depth.
class Handler final : public SaxSink {
public:
    explicit Handler(Json& out) : dom_(out, /*allow_exceptions=*/false) {}
    bool null() { return dom_.null(); }
    bool boolean(bool v) { return dom_.boolean(v); }
    bool number_integer(Json::number_integer_t v) { return dom_.number_integer(v); }
    bool number_unsigned(Json::number_unsigned_t v) { return dom_.number_unsigned(v); }
    bool number_float(Json::number_float_t v, const Json::string_t& s) { return dom_.number_float(v, s); }
    bool string(Json::string_t& v) { return dom_.string(v); }
    bool binary(Json::binary_t& v) { return dom_.binary(v); }
    bool start_object(std::size_t n) { return deeper() && dom_.start_object(n); }
    bool key(Json::string_t& v) { return dom_.key(v); }
    bool end_object() { --depth_; return dom_.end_object(); }
    bool start_array(std::size_t n) { return deeper() && dom_.start_array(n); }
    bool end_array() { --depth_; return dom_.end_array(); }
    bool parse_error(std::size_t position, const std::string& /*last_token*/, const nlohmann::detail::exception&) {
        error_at_ = position;
        syntax_error_ = true;
        return false;
    }
    bool syntax_error() const { return syntax_error_; }
    bool too_deep() const { return too_deep_; }
    size_t error_at() const { return error_at_; }

private:
    bool deeper() {
        if (++depth_ <= kJsonMaxDepth) return true;
        too_deep_ = true;
        return false;
    }
    DomBuilder dom_;
    int depth_ = 0;
    bool syntax_error_ = false, too_deep_ = false;
    size_t error_at_ = 0;
};
}  // namespace

bool sax_parse(const char* begin, const char* end, SaxSink& sink) {
    // nlohmann's lexer takes a NUL byte for the end of the input, so "123\0garbage" would read as
    // 123. JSON text never holds a raw NUL (JSONTestSuite n_multidigit_number_then_00): the text
    // stops there, and whatever was read before it, complete or not, is refused at the NUL.
    const char* nul = static_cast<const char*>(std::memchr(begin, '\0', static_cast<size_t>(end - begin)));
    if (nul == nullptr) return Json::sax_parse(begin, end, &sink, nlohmann::detail::input_format_t::json, true);
    if (!Json::sax_parse(begin, nul, &sink, nlohmann::detail::input_format_t::json, true)) return false;
    const size_t at = static_cast<size_t>(nul - begin) + 1;  // one past, as nlohmann reports
    sink.parse_error(at, "<NUL>", nlohmann::detail::parse_error::create(101, at, "unexpected NUL byte", nullptr));
    return false;
}

Result<nlohmann::json> parse_json(std::string_view text, const std::string& file) {
    Json out;
    Handler h(out);
    const bool ok = sax_parse(text.data(), text.data() + text.size(), h);
    if (ok && !h.syntax_error() && !h.too_deep()) return out;
    Location where;
    where.file = file;
    // nlohmann reports the position one past the offending character.
    const size_t at = h.error_at() > 0 ? h.error_at() - 1 : 0;
    line_col(text, at, where.line, where.col);
    if (h.too_deep()) return make_error(Err::JSON_TOO_DEEP, where, {}, std::to_string(kJsonMaxDepth));
    return make_error(Err::JSON_SYNTAX, where);
}

}  // namespace px

// [SECTION] Locating a JSON Pointer in the text --------------------------------------------------
namespace px {
namespace {

// A recursive walk over text already accepted by parse_json (so it is valid JSON). Text that is
// not JSON past some point (a streaming reader that stopped at its first problem) gives an
// imprecise place, never a loop: every step must move forward.
class PointerWalker {
public:
    PointerWalker(std::string_view text, std::vector<std::string> tokens) : s_(text), tokens_(std::move(tokens)) {}

    // Finds the value at tokens_ starting at the value beginning at `pos`; `depth` tokens are
    // already matched. Returns the offset of the deepest value reached.
    size_t find(size_t pos, size_t depth) {
        pos = skip_ws(pos);
        if (depth == tokens_.size() || pos >= s_.size()) return pos;
        const size_t start = pos;
        if (s_[pos] == '{') {
            pos = skip_ws(pos + 1);
            while (pos < s_.size() && s_[pos] == '"') {
                std::string key;
                pos = read_string(pos, &key);
                pos = skip_ws(pos);
                if (pos < s_.size() && s_[pos] == ':') pos = skip_ws(pos + 1);
                if (key == tokens_[depth]) return find(pos, depth + 1);
                const size_t next = skip_ws(skip_value(pos));
                if (next == pos) break;  // not JSON here (a reader that stopped early): never loop
                pos = next;
                if (pos < s_.size() && s_[pos] == ',') pos = skip_ws(pos + 1);
            }
        } else if (s_[pos] == '[') {
            size_t wanted = 0;
            for (char c : tokens_[depth]) {
                if (c < '0' || c > '9') return start;
                wanted = wanted * 10 + static_cast<size_t>(c - '0');
            }
            pos = skip_ws(pos + 1);
            for (size_t i = 0; pos < s_.size() && s_[pos] != ']'; ++i) {
                if (i == wanted) return find(pos, depth + 1);
                const size_t next = skip_ws(skip_value(pos));
                if (next == pos) break;  // as above
                pos = next;
                if (pos < s_.size() && s_[pos] == ',') pos = skip_ws(pos + 1);
            }
        }
        return start;  // the member is missing: point at its parent
    }

private:
    size_t skip_ws(size_t pos) const {
        while (pos < s_.size() && (s_[pos] == ' ' || s_[pos] == '\t' || s_[pos] == '\n' || s_[pos] == '\r')) ++pos;
        return pos;
    }
    // Reads the string at pos (on its opening quote); returns the offset after it.
    size_t read_string(size_t pos, std::string* out) const {
        ++pos;
        while (pos < s_.size() && s_[pos] != '"') {
            if (s_[pos] == '\\' && pos + 1 < s_.size()) {
                const char e = s_[pos + 1];
                if (out) {
                    const char* from = "\"\\/bfnrt";
                    const char* to = "\"\\/\b\f\n\r\t";
                    for (int i = 0; from[i]; ++i) {
                        if (from[i] == e) out->push_back(to[i]);
                    }
                    if (e == 'u') out->append(s_.substr(pos, 6));  // rare in keys: compared raw
                }
                pos += e == 'u' ? 6 : 2;
            } else {
                if (out) out->push_back(s_[pos]);
                ++pos;
            }
        }
        return pos + 1;
    }
    size_t skip_value(size_t pos) const {
        if (pos >= s_.size()) return pos;
        if (s_[pos] == '"') return read_string(pos, nullptr);
        if (s_[pos] == '{' || s_[pos] == '[') {
            int depth = 0;
            while (pos < s_.size()) {
                const char c = s_[pos];
                if (c == '"') {
                    pos = read_string(pos, nullptr);
                    continue;
                }
                if (c == '{' || c == '[') ++depth;
                if (c == '}' || c == ']') {
                    if (--depth == 0) return pos + 1;
                }
                ++pos;
            }
            return pos;
        }
        while (pos < s_.size() && s_[pos] != ',' && s_[pos] != '}' && s_[pos] != ']' && s_[pos] != ' ' &&
               s_[pos] != '\n' && s_[pos] != '\r' && s_[pos] != '\t') {
            ++pos;  // number, true, false, null
        }
        return pos;
    }

    std::string_view s_;
    std::vector<std::string> tokens_;
};

}  // namespace

bool locate_pointer(std::string_view text, std::string_view json_pointer, size_t& byte_offset) {
    std::vector<std::string> tokens;
    if (!json_pointer.empty()) {
        if (json_pointer[0] != '/') return false;
        std::string token;
        for (size_t i = 1; i <= json_pointer.size(); ++i) {
            if (i == json_pointer.size() || json_pointer[i] == '/') {
                tokens.push_back(token);
                token.clear();
            } else if (json_pointer[i] == '~' && i + 1 < json_pointer.size()) {
                token.push_back(json_pointer[i + 1] == '1' ? '/' : '~');
                ++i;
            } else {
                token.push_back(json_pointer[i]);
            }
        }
    }
    PointerWalker walker(text, std::move(tokens));
    byte_offset = walker.find(0, 0);
    return byte_offset < text.size();
}

// [SECTION] Checked fields -----------------------------------------------------------------------
bool JsonFields::fail(Err code, const std::string& pointer, Detail detail) {
    Location where;
    where.file = file_;
    size_t at = 0;
    if (!text_.empty() && locate_pointer(text_, pointer, at)) line_col(text_, at, where.line, where.col);
    error = make_error(code, where, pointer, std::move(detail));
    return false;
}

bool JsonFields::header(const nlohmann::json& doc, const char* format, double& version) {
    std::string got;
    if (!object(doc, "") || !text(doc, "", "format", got, 40, true)) return false;
    if (got != format) return fail(Err::FIELD_VALUE, "/format", format);
    std::optional<double> v;
    if (!number(doc, "", "version", v, 1, 1e6)) return false;
    if (!v) return fail(Err::FIELD_MISSING, "/version");
    version = *v;
    return true;
}

bool JsonFields::object(const nlohmann::json& v, const std::string& at) {
    return v.is_object() || fail(Err::FIELD_TYPE, at, Msg::TYPE_OBJECT);
}

bool JsonFields::array(const nlohmann::json& v, const std::string& at, size_t max_items) {
    if (!v.is_array()) return fail(Err::FIELD_TYPE, at, Msg::TYPE_LIST);
    return v.size() <= max_items || fail(Err::TOO_MANY, at, std::to_string(max_items));
}

bool JsonFields::text(const nlohmann::json& obj, const std::string& at, const char* key, std::string& out,
                      size_t max_bytes, bool required) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return !required || fail(Err::FIELD_MISSING, at + "/" + key);
    if (!it->is_string()) return fail(Err::FIELD_TYPE, at + "/" + key, Msg::TYPE_TEXT);
    const std::string& v = it->get_ref<const std::string&>();
    if (v.size() > max_bytes) return fail(Err::TOO_MANY, at + "/" + key, std::to_string(max_bytes));
    if (required && v.empty()) return fail(Err::FIELD_MISSING, at + "/" + key);
    out = v;
    return true;
}

bool JsonFields::boolean(const nlohmann::json& obj, const std::string& at, const char* key, std::optional<bool>& out) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return true;
    if (!it->is_boolean()) return fail(Err::FIELD_TYPE, at + "/" + key, "true / false");
    out = it->get<bool>();
    return true;
}

bool JsonFields::number(const nlohmann::json& obj, const std::string& at, const char* key, std::optional<double>& out,
                        double min, double max) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return true;
    if (!it->is_number()) return fail(Err::FIELD_TYPE, at + "/" + key, Msg::TYPE_NUMBER);
    const double v = it->get<double>();
    if (!(v >= min && v <= max)) return fail(Err::FIELD_VALUE, at + "/" + key, it->dump());
    out = v;
    return true;
}

}  // namespace px
