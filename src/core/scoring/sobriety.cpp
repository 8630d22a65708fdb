// sobriety.cpp — axis 4, sobriety: how much energy and equipment the service tends to need.
// Reference: ../shared/research/scoring-and-data.md §9 lists measured inputs (Ecoindex, SWD
// grams per visit, trackers, grid intensity, fleet lifetime). Only a measure counts: the user
// enters one (for a web site, its Ecoindex score from the Audit web lens). Method version 1 used
// a default per category (e-mail 70, video 40, social 30…): a convention that was the same for a
// service and every alternative of it, that made an empty service look good (70 of 100 on this
// axis with nothing known) and that let a measured value lower the score below the default.
// Since version 2 a service without a measure is unknown here: 0 in the floor, 100 in the ceiling.
#include "core/scoring/rules.h"

namespace px::scoring {

AxisValue sobriety(const ServiceContext& c) {
    AxisValue v;
    const Lang lang = c.lang;
    if (c.service.sobriety) {
        set_known(v, *c.service.sobriety);
        v.provenance = Provenance::Declared;
        v.reason = std::string(tr(Msg::SCORE_VALEUR_MESUREE_DECLAREE, lang)) + format_number(v.value, 0, lang);
        return v;
    }
    v.reason = tr(Msg::SCORE_SOBRIETY_UNMEASURED, lang);
    return v;
}

}  // namespace px::scoring
