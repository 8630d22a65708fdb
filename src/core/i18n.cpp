// i18n.cpp — lookup in the message table of i18n.h.
#include "core/i18n.h"

#include <cctype>   // std::tolower
#include <cstddef>  // size_t

#include "core/config.h"  // PX_ASSERT

namespace px {

namespace {
struct MsgText {
    const char* fr;
    const char* en;
};
constexpr MsgText kMessages[] = {
#define PX_MSG_TEXT(id, fr, en) {fr, en},
    PX_MESSAGE_TABLE(PX_MSG_TEXT)
#undef PX_MSG_TEXT
};
static_assert(sizeof(kMessages) / sizeof(kMessages[0]) == static_cast<size_t>(Msg::COUNT),
              "one text per message id");
}  // namespace

const char* tr(Msg id, Lang lang) {
    const int i = static_cast<int>(id);
    PX_ASSERT(i >= 0 && i < static_cast<int>(Msg::COUNT) && "message id out of range");
    return lang == Lang::En ? kMessages[i].en : kMessages[i].fr;
}

Lang lang_from_code(const char* code) {
    if (code == nullptr) return Lang::Fr;
    const auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    if (lower(code[0]) == 'e' && lower(code[1]) == 'n' &&
        (code[2] == '\0' || code[2] == '-' || code[2] == '_' || code[2] == '.')) {
        return Lang::En;
    }
    return Lang::Fr;
}

std::string format_count(unsigned long long n, Lang lang) {
    const std::string digits = std::to_string(n);
    const char* sep = lang == Lang::En ? "," : "\u202F";
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += sep;
        out += digits[i];
    }
    return out;
}

const char* lang_code(Lang lang) { return lang == Lang::En ? "en" : "fr"; }

}  // namespace px
