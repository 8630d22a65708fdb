// json_read.cpp — nlohmann's SAX DOM builder behind a handler that records where a syntax error
// is and refuses documents nested deeper than kJsonMaxDepth (json_read.h).
#include "core/json_read.h"

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
class Handler {
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

Result<nlohmann::json> parse_json(std::string_view text, const std::string& file) {
    Json out;
    Handler h(out);
    const bool ok = Json::sax_parse(text.begin(), text.end(), &h, nlohmann::detail::input_format_t::json, true);
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
