// errors.cpp — the error table's ids and catalog messages (errors.h), and the "FILE:LINE:COL: message" form.
#include "core/errors.h"

#include <cstddef>  // size_t

#include "core/config.h"  // PX_ASSERT

namespace px {

namespace {
struct ErrorText {
    const char* id;
    Msg text;
};
constexpr ErrorText kErrorTexts[] = {
#define PX_ERR_TEXT(id) {#id, Msg::ERR_##id},
    PX_ERROR_TABLE(PX_ERR_TEXT)
#undef PX_ERR_TEXT
};
static_assert(sizeof(kErrorTexts) / sizeof(kErrorTexts[0]) == static_cast<size_t>(Err::COUNT),
              "one text per error id");

const ErrorText& entry(Err code) {
    const int i = static_cast<int>(code);
    PX_ASSERT(i >= 0 && i < static_cast<int>(Err::COUNT) && "error code out of range");
    return kErrorTexts[i];
}
}  // namespace

const char* error_id(Err code) { return entry(code).id; }

const char* error_text(Err code, Lang lang) {
    return tr(entry(code).text, lang);
}

std::string error_message(const Error& e, Lang lang) {
    std::string text = error_text(e.code, lang);
    const size_t at = text.find("%s");
    if (at != std::string::npos) text.replace(at, 2, e.detail_word != Msg::COUNT ? tr(e.detail_word, lang) : e.detail);
    if (!e.json_pointer.empty()) {
        text += tr(Msg::UI_CHAMP, lang);
        text += e.json_pointer;
        text += ')';
    }
    return text;
}

std::string format_error(const Error& e, Lang lang) {
    std::string out;
    const Location& w = e.where;
    if (!w.file.empty()) {
        out = w.file;
        if (w.has_byte_offset) {
            out += ":@" + std::to_string(w.byte_offset);
        } else if (w.line > 0) {
            out += ':' + std::to_string(w.line);
            if (w.col > 0) out += ':' + std::to_string(w.col);
        }
        out += ": ";
    }
    return out + error_message(e, lang);
}

}  // namespace px
