// proximity.cpp — axis 1, proximity and local economy: how far is the provider from the
// organisation, on the administrative ladder people use every day.
// Reference: ../shared/research/scoring-and-data.md §9 (scale adopted as is): same commune or
// EPCI 100, same département 85, same région 70, elsewhere in France 50, EU/EEA 30, outside 0.
// The provider's place is its head office (catalog "hq": INSEE code, point, or country). What is
// not known stays an interval: a French head office without its commune, or an organisation
// without its commune, is 50 to 100; no country at all is 0 to 100. A provider of the social and
// solidarity economy (label "ess") gets 10 points more, up to 100: the axis is about the local
// economy, and the ESS is the part of it the seeds name. The distance in km (WGS84 geodesic) is
// shown, not scored. The services weigh by their use (score.cpp), not by their cost.
#include "core/scoring/rules.h"

#include <algorithm>  // std::min

namespace px::scoring {

AxisValue proximity(const ServiceContext& c) {
    AxisValue v;
    const Lang lang = c.lang;
    if (!c.provider) {
        v.reason = tr(Msg::SCORE_FOURNISSEUR_ABSENT_CATALOGUES_LIEU_INCONNU, lang);
        return v;
    }
    const std::string who = provider_title(c);
    v.source = source_url(c.provider, "hq");
    v.provenance = Provenance::Catalog;
    std::string dist;
    if (c.org_pos && c.provider_pos) {
        dist = ", " + format_number(geo::distance_m_unchecked(*c.org_pos, *c.provider_pos) / 1000.0, 0, lang) + " km";
    }
    const std::string& country = !c.provider->hq.country.empty() ? c.provider->hq.country : c.provider->country;
    if (c.org_commune && c.provider_commune) {
        const Atlas::Commune& a = *c.org_commune;
        const Atlas::Commune& b = *c.provider_commune;
        const uint32_t ra = c.atlas->departements[a.departement].region;
        const uint32_t rb = c.atlas->departements[b.departement].region;
        if (&a == &b || (a.epci >= 0 && a.epci == b.epci)) {
            set_known(v, 100);
            v.reason = who + tr(Msg::SCORE_MEME_COMMUNE_INTERCOMMUNALITE, lang);
        } else if (a.departement == b.departement) {
            set_known(v, 85);
            v.reason = who + tr(Msg::SCORE_MEME_DEPARTEMENT, lang);
        } else if (ra == rb) {
            set_known(v, 70);
            v.reason = who + tr(Msg::SCORE_MEME_REGION, lang);
        } else {
            set_known(v, 50);
            v.reason = who + tr(Msg::SCORE_AILLEURS_FRANCE, lang);
        }
    } else if (country.empty()) {
        v.provenance = Provenance::Unknown;
        v.reason = who + tr(Msg::SCORE_SIEGE_INCONNU, lang);
    } else if (country == "FR") {
        // Somewhere in France: at least "elsewhere in France", at most the same commune.
        set_bounds(v, 50, 100);
        v.reason = who + tr(c.org_commune ? Msg::SCORE_FRANCE_COMMUNE_SIEGE_NON_RENSEIGNEE
                                          : Msg::SCORE_FRANCE_MAIS_COMMUNE_ORGANISATION_N, lang);
    } else if (country_in_eea(country)) {
        set_known(v, 30);
        v.reason = who + tr(Msg::SCORE_UNION_EUROPEENNE_EEE, lang);
    } else {
        set_known(v, 0);
        v.reason = who + tr(Msg::SCORE_HORS_UNION_EUROPEENNE, lang);
    }
    if (c.provider->labels & kLabelEss) {
        set_bounds(v, std::min(100.0, v.low + 10), std::min(100.0, v.high + 10));
        v.reason += tr(Msg::SCORE_ESS_BONUS, lang);
    }
    v.reason += dist + range_text(v, lang);
    return v;
}

}  // namespace px::scoring
