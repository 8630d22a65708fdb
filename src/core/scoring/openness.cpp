// openness.cpp — axis 3, openness and reversibility: can the organisation read its data
// elsewhere and leave?
// Reference: ../shared/research/scoring-and-data.md §9, simplified to the three facts a shop
// owner can answer (web/methode.html says why): open-source product 40, open standards and
// formats (IMAP, ODF, CalDAV, WebDAV, CSV…) 30, full export of the data 30. Each fact comes from
// the user (declared) or else from the provider's product in the catalog; the service counts only
// when all three are known.
#include "core/scoring/rules.h"

namespace px::scoring {

AxisValue openness(const ServiceContext& c) {
    AxisValue v;
    const Lang lang = c.lang;
    const Service& s = c.service;
    Provenance p1 = Provenance::Declared, p2 = Provenance::Declared, p3 = Provenance::Declared;
    const std::optional<bool> open_source = fact(s.open_source, c.product ? &c.product->open_source : nullptr, p1);
    const std::optional<bool> formats = fact(s.open_formats, c.product ? &c.product->open_formats : nullptr, p2);
    const std::optional<bool> exports = fact(s.export_data, c.product ? &c.product->export_data : nullptr, p3);
    auto item = [&](const std::optional<bool>& f, Msg label, int pts) {
        std::string out = tr(label, lang);
        out += f ? (*f ? " +" + std::to_string(pts) : std::string(tr(Msg::SCORE_NON, lang))) : std::string(tr(Msg::MARK_UNKNOWN, lang));
        return out;
    };
    v.reason = item(open_source, Msg::SCORE_OPEN_SOURCE, 40) + ", " + item(formats, Msg::SCORE_OPEN_FORMATS, 30) + ", " +
               item(exports, Msg::SCORE_FULL_EXPORT, 30);
    if (!open_source || !formats || !exports) {
        v.reason += tr(Msg::SCORE_DOCUMENTER, lang);
        return v;
    }
    v.known = true;
    v.value = (*open_source ? 40 : 0) + (*formats ? 30 : 0) + (*exports ? 30 : 0);
    v.provenance = (p1 == Provenance::Catalog || p2 == Provenance::Catalog || p3 == Provenance::Catalog)
                       ? Provenance::Catalog
                       : Provenance::Declared;
    if (v.provenance == Provenance::Catalog) v.source = source_url(c.provider, "products");
    return v;
}

}  // namespace px::scoring
