// facts.cpp — the embedded provider facts as a Catalog (facts.h).
#include "core/facts.h"

namespace px {

Result<Catalog> builtin_catalog() {
    Result<Catalog> r = parse_catalog_json(embedded_facts_json(), "faits-proxinum.json");
    if (!r.ok()) return r;
    Catalog c;
    r.get(c);
    c.builtin = true;
    return c;
}

}  // namespace px
