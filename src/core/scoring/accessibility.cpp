// accessibility.cpp — axis 5, accessibility and inclusion: can everyone use the service, and is
// there a person to turn to?
// Reference: ../shared/research/scoring-and-data.md §9 scores a collectivité's own site from its
// RGAA audit (0.6 × conformity rate + 0.2 statement + 0.2 multi-year plan). For a service bought
// from a provider the user can only answer two questions, so the method keeps two facts, 50
// points each: an accessibility statement is published (déclaration d'accessibilité, RGAA), and an
// assisted channel exists (a person by phone or on site, not only a form). A fact not answered
// counts 0 in the floor and 50 in the ceiling: answering "no" is never worse than not answering.
#include "core/scoring/rules.h"

namespace px::scoring {

AxisValue accessibility(const ServiceContext& c) {
    AxisValue v;
    const Lang lang = c.lang;
    const std::optional<bool>& st = c.service.accessibility_statement;
    const std::optional<bool>& ch = c.service.assisted_channel;
    auto item = [&](const std::optional<bool>& f, Msg label) {
        std::string out = tr(label, lang);
        out += f ? (*f ? " +50" : std::string(tr(Msg::SCORE_NON, lang))) : std::string(tr(Msg::MARK_UNKNOWN, lang));
        return out;
    };
    v.reason = item(st, Msg::SCORE_ACCESSIBILITY_STATEMENT) + ", " + item(ch, Msg::SCORE_ASSISTED_CHANNEL);
    auto lo = [](const std::optional<bool>& f) { return f && *f ? 50.0 : 0.0; };
    auto hi = [](const std::optional<bool>& f) { return !f || *f ? 50.0 : 0.0; };
    set_bounds(v, lo(st) + lo(ch), hi(st) + hi(ch));
    v.provenance = (st || ch) ? Provenance::Declared : Provenance::Unknown;
    if (!v.known) v.reason += tr(Msg::SCORE_DOCUMENTER, lang);
    v.reason += range_text(v, lang);
    return v;
}

}  // namespace px::scoring
