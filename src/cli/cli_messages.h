// cli_messages.h — the command line's own texts (its help, its argument names), French and English.
//
//   std::fputs(px::tr(px::CliMsg::CLI_HELP, lang), stdout);
//
// They are the CLI_* messages of the catalog (data/i18n/*.json), which tools/i18n/compile_messages
// checks like every other message but writes apart, to assets/cli_messages.inc, so that the web
// app does not carry the CLI's help. Everything else comes from core/i18n.h.
#pragma once

#include <cstddef>  // size_t

#include "core/i18n.h"  // px::Lang

namespace px {

enum class CliMsg : int {
#define PX_MSG(id, fr, en) id,
#include "../../assets/cli_messages.inc"
#undef PX_MSG
    COUNT
};

inline const char* tr(CliMsg id, Lang lang) {
    struct Text {
        const char* fr;
        const char* en;
    };
    static constexpr Text kTexts[] = {
#define PX_MSG(id, fr, en) {fr, en},
#include "../../assets/cli_messages.inc"
#undef PX_MSG
    };
    static_assert(sizeof(kTexts) / sizeof(kTexts[0]) == static_cast<size_t>(CliMsg::COUNT), "one text per id");
    const Text& t = kTexts[static_cast<size_t>(id)];
    return lang == Lang::En ? t.en : t.fr;
}

}  // namespace px
