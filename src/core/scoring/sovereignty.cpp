// sovereignty.cpp — axis 2, data sovereignty: where the data is hosted, and which laws outside
// the EU can compel the provider to hand it over.
// Reference: ../shared/research/scoring-and-data.md §9, adopted with two changes (web/methode.html):
//   value = ½ data location + ½ legal exposure; a service declared on a SecNumCloud-qualified
//   offer (ANSSI) is 100, when the provider's facts say it has such an offer (else the
//   declaration is not taken, and the reason says so).
//   Data location: France 100, EU/EEA 80, a country with an EU adequacy decision (GDPR art. 45)
//   40, elsewhere 0 (several hosting countries: the lowest counts).
//   Legal exposure, from the provider's "exposure" list or else from its ultimate parent's
//   country: a US law (CLOUD Act, FISA 702) 20, a Chinese or Russian law 0, the UK's IPA 40;
//   none of these with an EU/EEA parent 100, a parent in an adequacy country 80, elsewhere 40.
//   A law that reaches data wherever it is stored (the CLOUD Act, 18 U.S.C. § 2713; China's
//   National Intelligence Law, art. 7) makes the hosting place irrelevant: the value is then the
//   legal value alone, and an unknown hosting place does not leave the service unknown.
// Changes from the research: unknowns are not scored 0 but left unknown; UK IPA gets its own
// step; extraterritorial laws override the hosting half (the research averaged them, which gave
// a US provider hosting in the EU 50, as if EU hosting protected from the CLOUD Act).
// What is not known stays an interval: an unknown hosting place is 0 to 100 on its half, unknown
// laws 0 to 100 on theirs; with the laws unknown the floor is 0 whatever the hosting (a law that
// reaches data wherever they are stored may apply), so typing a provider as free text, or a
// provider whose group is not documented, never looks better than a documented exposed one.
// Personal data: a service declared without personal data has half its gap to 100 forgiven
// (v' = 50 + v/2: less is at stake when the data say nothing about people); a service that does not
// say counts as holding some in its floor, and as holding none in its ceiling. Declaring less
// personal data therefore never lowers the axis (scoring_test proves it on random workspaces).
#include "core/scoring/rules.h"

namespace px::scoring {

namespace {
double location_value(const std::string& iso2) {
    if (iso2 == "FR") return 100;
    if (country_in_eea(iso2)) return 80;
    if (country_has_adequacy(iso2)) return 40;
    return 0;
}
}  // namespace

namespace {
AxisValue sovereignty_of_data(const ServiceContext& c);
}  // namespace

// The value for the data as such, then what the service's personal data make of it.
AxisValue sovereignty(const ServiceContext& c) {
    AxisValue v = sovereignty_of_data(c);
    const std::optional<bool>& pd = c.service.personal_data;
    if (pd && !*pd) {
        set_bounds(v, 50 + v.low / 2, 50 + v.high / 2);
        v.reason += tr(Msg::SCORE_NO_PERSONAL_DATA, c.lang);
    } else if (!pd && v.high < 100) {
        set_bounds(v, v.low, 50 + v.high / 2);
        v.reason += tr(Msg::SCORE_PERSONAL_DATA_UNKNOWN, c.lang);
    }
    v.reason += range_text(v, c.lang);
    return v;
}

namespace {
AxisValue sovereignty_of_data(const ServiceContext& c) {
    AxisValue v;
    const Lang lang = c.lang;
    const Service& s = c.service;
    // A declared SecNumCloud offer counts only at a provider the facts name as having one: the
    // qualification is a public list, and it excludes any law from outside the EU, so a
    // declaration about a provider without such an offer (or typed as free text) is not taken.
    const bool secnum_listed = c.provider && c.provider->secnumcloud.value_or(false);
    if (s.secnumcloud.value_or(false) && secnum_listed) {
        set_known(v, 100);
        v.provenance = Provenance::Declared;
        v.source = source_url(c.provider, "secnumcloud");
        v.reason = tr(Msg::SCORE_OFFRE_QUALIFIEE_SECNUMCLOUD_DECLARE, lang);
        return v;
    }
    const std::string secnum_note = s.secnumcloud.value_or(false) ? std::string(tr(Msg::SCORE_SECNUMCLOUD_NOT_TAKEN, lang))
                                    : secnum_listed ? std::string(tr(Msg::SCORE_OFFRE_QUALIFIEE_SECNUMCLOUD_EXISTE_CHEZ, lang))
                                                    : std::string();
    // Data location.
    bool location_known = false;
    double location = 0;
    std::string where;
    Provenance prov = Provenance::Catalog;
    if (!s.hosting.empty()) {
        location_known = true;
        location = location_value(s.hosting);
        where = country_name(s.hosting, lang);
        prov = Provenance::Declared;
    } else if (c.provider && !c.provider->hosting.empty()) {
        location_known = true;
        location = 100;
        for (const std::string& h : c.provider->hosting) {
            location = std::min(location, location_value(h));
            if (!where.empty()) where += ", ";
            where += country_name(h, lang);
        }
    }
    // Legal exposure.
    bool legal_known = false;
    double legal = 0;
    std::string law;
    if (c.provider) {
        const Provider& p = *c.provider;
        const std::string& parent = !p.parent_country.empty() ? p.parent_country : std::string();
        if (p.exposure_known && p.exposure != 0) {
            legal_known = true;
            legal = 100;
            for (size_t l = 0; l < static_cast<size_t>(Law::COUNT); ++l) {
                if (!p.exposed_to(static_cast<Law>(l))) continue;
                const Law lw = static_cast<Law>(l);
                const double lv = (lw == Law::UsCloudAct || lw == Law::UsFisa702) ? 20 : (lw == Law::UkIpa2016 ? 40 : 0);
                legal = std::min(legal, lv);
                if (!law.empty()) law += ", ";
                law += law_label(lw, lang);
            }
        } else if (!parent.empty()) {
            legal_known = true;
            if (parent == "US") {
                legal = 20;
                law = tr(Msg::SCORE_GROUPE_AMERICAIN_CLOUD_ACT_FISA, lang);
            } else if (parent == "CN" || parent == "RU") {
                legal = 0;
                law = std::string(tr(Msg::SCORE_GROUPE_ETABLI, lang)) + country_name(parent, lang);
            } else if (parent == "GB") {
                legal = 40;
                law = tr(Msg::SCORE_GROUPE_BRITANNIQUE_INVESTIGATORY_POWERS_ACT, lang);
            } else if (p.exposure_known || country_in_eea(parent)) {
                legal = country_in_eea(parent) ? 100 : (country_has_adequacy(parent) ? 80 : 40);
                law = std::string(tr(Msg::SCORE_GROUPE_ETABLI, lang)) + country_name(parent, lang) +
                      tr(Msg::SCORE_PAS_LOI_EXTRA_EUROPEENNE_CONNUE, lang);
            } else {
                legal = country_has_adequacy(parent) ? 80 : 40;
                law = std::string(tr(Msg::SCORE_GROUPE_ETABLI, lang)) + country_name(parent, lang);
            }
        }
    }
    const std::string who = c.provider ? provider_title(c) : std::string(tr(Msg::SCORE_FOURNISSEUR_HORS_CATALOGUE, lang));
    const bool reaches_abroad = legal_known && c.provider &&
                                (c.provider->exposed_to(Law::UsCloudAct) || c.provider->exposed_to(Law::CnNil2017) ||
                                 (!c.provider->exposure_known &&
                                  (c.provider->parent_country == "US" || c.provider->parent_country == "CN")));
    if (reaches_abroad) {
        set_known(v, legal);
        v.provenance = Provenance::Catalog;
        v.source = source_url(c.provider, "exposure");
        if (v.source.empty()) v.source = source_url(c.provider, "parent");
        v.reason = who + tr(Msg::PUNCT_COLON, lang) + law + " (" + format_number(legal, 0, lang) + ")" +
                   tr(Msg::SCORE_CETTE_LOI_ATTEINT_DONNEES_ELLES, lang);
        if (location_known) v.reason += std::string(tr(Msg::SCORE_HEBERGEMENT, lang)) + where + ")";
        v.reason += secnum_note;
        return v;
    }
    if (!location_known || !legal_known) {
        // Each unknown half between 0 and 100: the value between the extremes the facts allow. With
        // the laws unknown the floor is 0 whatever the hosting: a law that reaches data wherever
        // they are stored (above) may apply, and then the hosting place counts for nothing.
        set_bounds(v, legal_known ? 0.5 * (location_known ? location : 0) + 0.5 * legal : 0,
                   0.5 * (location_known ? location : 100) + 0.5 * (legal_known ? legal : 100));
        v.provenance = (location_known || legal_known) ? prov : Provenance::Unknown;
        v.source = source_url(c.provider, "exposure");
        if (v.source.empty()) v.source = source_url(c.provider, "parent");
        v.reason = who + tr(Msg::PUNCT_COLON, lang);
        if (!location_known) v.reason += tr(Msg::SCORE_LIEU_HEBERGEMENT_INCONNU, lang);
        else v.reason += format_msg(Msg::SCORE_HOSTING_IN, lang, where.c_str(), format_number(location, 0, lang).c_str());
        v.reason += tr(Msg::PUNCT_SEMICOLON, lang);
        if (!legal_known) v.reason += tr(Msg::SCORE_GROUPE_LOIS_APPLICABLES_INCONNUS, lang);
        else v.reason += law + " (" + format_number(legal, 0, lang) + ")";
        v.reason += secnum_note;
        return v;
    }
    set_known(v, 0.5 * location + 0.5 * legal);
    v.provenance = prov;
    v.source = source_url(c.provider, law.empty() ? "parent" : "exposure");
    if (v.source.empty()) v.source = source_url(c.provider, "parent");
    v.reason = who + tr(Msg::SCORE_HEBERGEMENT_2, lang) + where + " (" + format_number(location, 0, lang) + ")" +
               tr(Msg::PUNCT_SEMICOLON, lang) + law + " (" + format_number(legal, 0, lang) + ")";
    v.reason += secnum_note;
    return v;
}

}  // namespace

}  // namespace px::scoring
