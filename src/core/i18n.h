// i18n.h — the two languages of Proxinum and the messages of the interface, French first.
//
//   px::Lang lang = px::lang_from_code("en");          // unknown codes give French
//   ImGui::TextUnformatted(px::tr(px::Msg::LENS_MAP, lang));
//
// Messages live in data files, one per language (data/i18n/): the build refuses a missing
// translation or a printf conversion that differs between languages, rather than show a blank
// label. Error messages are the ERR_* messages (errors.h keeps their ids); the CLI's help, the CLI_*
// ones, is compiled apart (src/cli/cli_messages.h).
// Numbers and dates are written the way each language reads them (format_number, format_date).
#pragma once

#include <string>       // std::string
#include <string_view>  // std::string_view

namespace px {

enum class Lang : int { Fr, En };

// The messages: data/i18n/fr.json and en.json, one file per language, checked and compiled by
// tools/i18n/compile_messages.cpp into assets/messages.inc (PX_MSG(ID, "fr", "en") lines).
enum class Msg : int {
#define PX_MSG(id, fr, en) id,
#include "../../assets/messages.inc"
#undef PX_MSG
    COUNT
};

const char* tr(Msg id, Lang lang);
// The web app carries only the French texts (built with PX_ENGLISH_APART) and loads the English
// ones when English is chosen: until then tr(…, En) gives French. The blob is compile_messages's
// messages-en.bin; it is taken whole or not at all (then `error` says why, and nothing changes).
// The native programs have both languages built in, and load_english_messages replaces theirs
// (a second load frees the first one's texts: earlier tr(…, En) pointers must not be kept).
bool load_english_messages(std::string_view blob, std::string& error);
bool english_messages_ready();
// A message used as a printf format: format_msg(Msg::IMPORT_REFUSED, lang, file.c_str()). The
// catalog's compiler has checked that both languages take the same conversions, in order.
std::string format_msg(Msg id, Lang lang, ...);
// 34969 → "34 969" (narrow no-break space, French) or "34,969" (English).
std::string format_count(unsigned long long n, Lang lang);
// 1234.5, 1 → "1 234,5" (narrow no-break space, decimal comma) / "1,234.5".
std::string format_number(double v, int decimals, Lang lang);
// Any measured value, as a legend prints it: whole numbers grouped ("2 104 000"), others with four
// significant digits ("12,35" / "12.35"); a minus sign, not a hyphen.
std::string format_value(double v, Lang lang);
// 2026, 11, 24 → "24/11/2026" / "24 November 2026" (never the ambiguous 11/24).
std::string format_date(int year, int month, int day, Lang lang);
Lang lang_from_code(const char* code);  // "fr", "en", "en-GB"… ; nullptr or unknown → Fr
const char* lang_code(Lang lang);       // "fr" | "en"

}  // namespace px
