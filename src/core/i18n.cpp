// i18n.cpp — lookup in the message table of i18n.h.
#include "core/i18n.h"

#include <cctype>   // std::tolower
#include <cmath>    // std::floor, std::abs
#include <cstdarg>  // va_list
#include <cstddef>  // size_t
#include <cstdio>   // std::snprintf
#include <vector>   // std::vector

#include "core/config.h"  // PX_ASSERT
#include "core/errors.h"  // px::format_error (load_english_messages)

namespace px {

namespace {
#if defined(PX_ENGLISH_APART)
// The web app: French only; the English texts come with load_english_messages.
constexpr const char* kFrench[] = {
#define PX_MSG(id, fr, en) fr,
#include "../../assets/messages.inc"
#undef PX_MSG
};
static_assert(sizeof(kFrench) / sizeof(kFrench[0]) == static_cast<size_t>(Msg::COUNT), "one text per message id");
#else
struct MsgText {
    const char* fr;
    const char* en;
};
constexpr MsgText kMessages[] = {
#define PX_MSG(id, fr, en) {fr, en},
#include "../../assets/messages.inc"
#undef PX_MSG
};
static_assert(sizeof(kMessages) / sizeof(kMessages[0]) == static_cast<size_t>(Msg::COUNT),
              "one text per message id");
#endif

// The language's number punctuation: rules of the locale, not texts to translate (and so right even
// before the web app has loaded its English texts).
const char* group_separator(Lang lang) { return lang == Lang::En ? "," : "\u202F"; }  // narrow no-break space
char decimal_mark(Lang lang) { return lang == Lang::En ? '.' : ','; }

std::string g_english_blob;          // the texts load_english_messages took, NUL-terminated
std::vector<const char*> g_english;  // one per Msg, into g_english_blob; empty until then
}  // namespace

const char* tr(Msg id, Lang lang) {
    const int i = static_cast<int>(id);
    PX_ASSERT(i >= 0 && i < static_cast<int>(Msg::COUNT) && "message id out of range");
    if (lang == Lang::En && !g_english.empty()) return g_english[static_cast<size_t>(i)];
#if defined(PX_ENGLISH_APART)
    return kFrench[i];  // English not loaded yet: French rather than nothing
#else
    return lang == Lang::En ? kMessages[i].en : kMessages[i].fr;
#endif
}

bool english_messages_ready() {
#if defined(PX_ENGLISH_APART)
    return !g_english.empty();
#else
    return true;
#endif
}

bool load_english_messages(std::string_view blob, std::string& error) {
    const auto refuse = [&](size_t at, const std::string& detail) {
        Location where;
        where.file = "messages-en.bin";
        where.byte_offset = at;
        where.has_byte_offset = true;
        error = format_error(make_error(Err::FILE_FORMAT, where, {}, detail), Lang::Fr);
        return false;
    };
    static constexpr std::string_view kMagic = "proxinum-messages-en ";
    const size_t eol = blob.find('\n');
    if (blob.substr(0, kMagic.size()) != kMagic || eol == std::string_view::npos) {
        return refuse(0, "proxinum-messages-en");
    }
    // "<count> <hash>": made from this very catalog (a cached file of another release is refused).
    const std::string header(blob.substr(kMagic.size(), eol - kMagic.size()));
    const std::string expected = std::to_string(static_cast<size_t>(Msg::COUNT)) + " " + PX_MESSAGES_HASH;
    if (header != expected) return refuse(kMagic.size(), header + " / " + expected);
    std::string texts(blob.substr(eol + 1));
    std::vector<size_t> starts;
    starts.reserve(static_cast<size_t>(Msg::COUNT));
    size_t at = 0;
    while (at < texts.size()) {
        const size_t end = texts.find('\0', at);
        if (end == std::string::npos) return refuse(eol + 1 + at, "NUL");
        starts.push_back(at);
        at = end + 1;
    }
    if (starts.size() != static_cast<size_t>(Msg::COUNT)) {
        return refuse(blob.size(), std::to_string(starts.size()) + " / " + std::to_string(static_cast<size_t>(Msg::COUNT)));
    }
    g_english_blob = std::move(texts);  // all or nothing: the table changes only now
    g_english.clear();
    for (const size_t s : starts) g_english.push_back(g_english_blob.data() + s);
    return true;
}

std::string format_msg(Msg id, Lang lang, ...) {
    const char* format = tr(id, lang);
    va_list args;
    va_start(args, lang);
    va_list again;
    va_copy(again, args);
    const int n = std::vsnprintf(nullptr, 0, format, args);
    va_end(args);
    std::string out;
    if (n > 0) {
        out.resize(static_cast<size_t>(n) + 1);
        std::vsnprintf(out.data(), out.size(), format, again);
        out.resize(static_cast<size_t>(n));
    }
    va_end(again);
    return out;
}

std::string format_value(double v, Lang lang) {
    if (v == std::floor(v) && std::abs(v) < 1e15) {
        const std::string digits = format_count(static_cast<unsigned long long>(std::abs(v)), lang);
        return v < 0 ? "\u2212" + digits : digits;
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    std::string t = buf;
    for (char& c : t) c = c == '.' ? decimal_mark(lang) : c;
    return t;
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
    const char* sep = group_separator(lang);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += sep;
        out += digits[i];
    }
    return out;
}

std::string format_number(double v, int decimals, Lang lang) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    const std::string s = buf;
    std::string out;
    const size_t dot = s.find('.');
    const size_t int_end = dot == std::string::npos ? s.size() : dot;
    const size_t first_digit = s[0] == '-' ? 1 : 0;
    for (size_t i = 0; i < int_end; ++i) {
        out.push_back(s[i]);
        const size_t left = int_end - i - 1;
        if (i >= first_digit && left > 0 && left % 3 == 0) out += group_separator(lang);
    }
    if (dot != std::string::npos) out += decimal_mark(lang) + s.substr(dot + 1);
    return out;
}

std::string format_date(int year, int month, int day, Lang lang) {
    static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
    char buf[48];
    if (lang == Lang::En && month >= 1 && month <= 12) {
        std::snprintf(buf, sizeof buf, "%d %s %d", day, kMonths[month - 1], year);
    } else {
        std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", day, month, year);
    }
    return buf;
}

const char* lang_code(Lang lang) { return lang == Lang::En ? "en" : "fr"; }  // a code, not a text

}  // namespace px
