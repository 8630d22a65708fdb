// openness.cpp — axis 3, openness and reversibility: can the organisation read its data
// elsewhere and leave?
// Reference: ../shared/research/scoring-and-data.md §9, simplified to the three facts a shop
// owner can answer (web/methode.html says why): open-source product 40, open standards and
// formats (IMAP, ODF, CalDAV, WebDAV, CSV…) 30, full export of the data 30. Each fact comes from
// the user (declared) or else from the provider's product in the catalog; a fact that is not
// known counts 0 in the floor and its points in the ceiling.
// A CHATONS member runs its services on free software (its charter, framagit.org/chatons): for a
// CHATONS provider, "open source" is true unless the user or the product says otherwise.
#include "core/scoring/rules.h"

namespace px::scoring {

namespace {
constexpr const char* kChatonsCharter = "https://framagit.org/chatons/CHATONS/-/blame/master/docs/Charter-en.md";
}

AxisValue openness(const ServiceContext& c) {
    AxisValue v;
    const Lang lang = c.lang;
    const Service& s = c.service;
    Provenance p1 = Provenance::Declared, p2 = Provenance::Declared, p3 = Provenance::Declared;
    std::optional<bool> open_source = fact(s.open_source, c.product ? &c.product->open_source : nullptr, p1);
    const bool chatons = !open_source && c.provider && (c.provider->labels & kLabelChatons);
    if (chatons) {
        open_source = true;
        p1 = Provenance::Catalog;
    }
    const std::optional<bool> formats = fact(s.open_formats, c.product ? &c.product->open_formats : nullptr, p2);
    const std::optional<bool> exports = fact(s.export_data, c.product ? &c.product->export_data : nullptr, p3);
    auto item = [&](const std::optional<bool>& f, Msg label, int pts) {
        std::string out = tr(label, lang);
        out += f ? (*f ? " +" + std::to_string(pts) : std::string(tr(Msg::SCORE_NON, lang))) : std::string(tr(Msg::MARK_UNKNOWN, lang));
        return out;
    };
    v.reason = item(open_source, chatons ? Msg::SCORE_CHATONS_FREE_SOFTWARE : Msg::SCORE_OPEN_SOURCE, 40) + ", " +
               item(formats, Msg::SCORE_OPEN_FORMATS, 30) + ", " + item(exports, Msg::SCORE_FULL_EXPORT, 30);
    auto lo = [](const std::optional<bool>& f, double pts) { return f && *f ? pts : 0.0; };
    auto hi = [](const std::optional<bool>& f, double pts) { return !f || *f ? pts : 0.0; };
    set_bounds(v, lo(open_source, 40) + lo(formats, 30) + lo(exports, 30), hi(open_source, 40) + hi(formats, 30) + hi(exports, 30));
    const bool any = open_source || formats || exports;
    v.provenance = !any ? Provenance::Unknown
                        : (p1 == Provenance::Catalog || p2 == Provenance::Catalog || p3 == Provenance::Catalog)
                              ? Provenance::Catalog
                              : Provenance::Declared;
    if (v.provenance == Provenance::Catalog) v.source = chatons ? kChatonsCharter : source_url(c.provider, "products");
    if (!v.known) v.reason += tr(Msg::SCORE_DOCUMENTER, lang);
    v.reason += range_text(v, lang);
    return v;
}

}  // namespace px::scoring
