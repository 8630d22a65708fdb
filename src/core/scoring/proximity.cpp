// proximity.cpp — axis 1, proximity and local economy: how far is the provider from the
// organisation, on the administrative ladder people use every day.
// Reference: ../shared/research/scoring-and-data.md §9 (scale adopted as is): same commune or
// EPCI 100, same département 85, same région 70, elsewhere in France 50, EU/EEA 30, outside 0.
// The provider's place is its head office (catalog "hq": INSEE code, point, or country); without a
// commune, only its country counts. The distance in km (WGS84 geodesic) is shown, not scored.
// The spend share (score.cpp) completes the axis when yearly costs are given.
#include "core/scoring/rules.h"

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
    if (c.org_commune && c.provider_commune) {
        const Atlas::Commune& a = *c.org_commune;
        const Atlas::Commune& b = *c.provider_commune;
        const uint32_t ra = c.atlas->departements[a.departement].region;
        const uint32_t rb = c.atlas->departements[b.departement].region;
        v.known = true;
        if (&a == &b || (a.epci >= 0 && a.epci == b.epci)) {
            v.value = 100;
            v.reason = who + tr(Msg::SCORE_MEME_COMMUNE_INTERCOMMUNALITE, lang);
        } else if (a.departement == b.departement) {
            v.value = 85;
            v.reason = who + tr(Msg::SCORE_MEME_DEPARTEMENT, lang);
        } else if (ra == rb) {
            v.value = 70;
            v.reason = who + tr(Msg::SCORE_MEME_REGION, lang);
        } else {
            v.value = 50;
            v.reason = who + tr(Msg::SCORE_AILLEURS_FRANCE, lang);
        }
        v.reason += dist;
        return v;
    }
    const std::string& country = !c.provider->hq.country.empty() ? c.provider->hq.country : c.provider->country;
    if (country.empty()) {
        v.provenance = Provenance::Unknown;
        v.reason = who + tr(Msg::SCORE_SIEGE_INCONNU, lang);
        return v;
    }
    if (country == "FR") {
        if (!c.org_commune) {
            v.reason = who + tr(Msg::SCORE_FRANCE_MAIS_COMMUNE_ORGANISATION_N, lang);
            v.provenance = Provenance::Unknown;
            return v;
        }
        v.known = true;
        v.value = 50;
        v.reason = who + tr(Msg::SCORE_FRANCE_COMMUNE_SIEGE_NON_RENSEIGNEE, lang);
    } else if (country_in_eea(country)) {
        v.known = true;
        v.value = 30;
        v.reason = who + tr(Msg::SCORE_UNION_EUROPEENNE_EEE, lang);
    } else {
        v.known = true;
        v.value = 0;
        v.reason = who + tr(Msg::SCORE_HORS_UNION_EUROPEENNE, lang);
    }
    v.reason += dist;
    return v;
}

}  // namespace px::scoring
