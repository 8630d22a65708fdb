// credits.h — every dependency and dataset Proxinum uses, with its licence and source, for the
// "À propos / sources" panel and `proxinum sources`. Add an entry in credits.cpp together with
// the code or data that brings the dependency in; remove it when the dependency goes.
//
//   for (const px::Credit& c : px::credits()) printf("%s %s (%s)\n", c.name, c.version, c.licence);
#pragma once

#include <cstddef>  // size_t

#include "core/i18n.h"  // px::Lang, px::Msg, px::tr

namespace px {

enum class CreditKind : int {
    Shipped,  // code, font or data inside the app or the CLI
    Tool,     // used to build or test Proxinum, never shipped
};

struct Credit {
    CreditKind kind;
    const char* name;
    const char* version;  // as installed by tools/setup
    const char* licence;  // SPDX identifier where one exists
    const char* holder;   // author or publisher, as the licence asks to credit
    const char* url;      // where it comes from (shown as text, never fetched)
    Msg role_text;        // what Proxinum uses it for, from the message catalog
    const char* role(Lang lang) const { return tr(role_text, lang); }
};

struct CreditList {
    const Credit* items;
    size_t count;
    const Credit* begin() const { return items; }
    const Credit* end() const { return items + count; }
};

CreditList credits();

}  // namespace px
