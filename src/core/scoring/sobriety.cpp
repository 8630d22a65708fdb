// sobriety.cpp — axis 4, sobriety: how much energy and equipment the service tends to need.
// Reference: ../shared/research/scoring-and-data.md §9 lists measured inputs (Ecoindex, SWD
// grams per visit, trackers, grid intensity, fleet lifetime). A shop owner has none of them at
// hand, so the method starts from a default per category and the user refines it with a measured
// value (for a web site, its Ecoindex score from the Audit web lens). The defaults are Proxinum's
// conventions, not measurements, and are labelled "valeur par défaut" wherever they show:
//   text and transactions (e-mail, accounting, CRM, business software, telephony, payment) 70;
//   files, sites, hosting, shops, office suites, GIS 60; video calls 40 (continuous video);
//   social networks 30 (feeds built to keep people scrolling, video-heavy); "other": no default.
#include "core/scoring/rules.h"

namespace px::scoring {

namespace {
bool category_default(Category cat, double& out) {
    switch (cat) {
        case Category::Email: case Category::Accounting: case Category::Crm: case Category::Business:
        case Category::Telephony: case Category::Payment: out = 70; return true;
        case Category::Storage: case Category::Website: case Category::Hosting: case Category::Shop:
        case Category::Office: case Category::Gis: out = 60; return true;
        case Category::Video: out = 40; return true;
        case Category::Social: out = 30; return true;
        default: return false;
    }
}
}  // namespace

AxisValue sobriety(const ServiceContext& c) {
    AxisValue v;
    const Lang lang = c.lang;
    if (c.service.sobriety) {
        v.known = true;
        v.value = *c.service.sobriety;
        v.provenance = Provenance::Declared;
        v.reason = std::string(tr(Msg::SCORE_VALEUR_MESUREE_DECLAREE, lang)) +
                   format_number(v.value, 0, lang);
        return v;
    }
    if (category_default(c.service.category, v.value)) {
        v.known = true;
        v.provenance = Provenance::Default;
        v.reason = std::string(tr(Msg::SCORE_VALEUR_DEFAUT_CATEGORIE, lang)) +
                   format_number(v.value, 0, lang) + tr(Msg::SCORE_AFFINER, lang);
        return v;
    }
    v.reason = tr(Msg::SCORE_PAS_VALEUR_DEFAUT_AUTRE_DOCUMENTER, lang);
    return v;
}

}  // namespace px::scoring
