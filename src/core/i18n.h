// i18n.h — the two languages of Proxinum and the messages of the interface, French first.
//
//   px::Lang lang = px::lang_from_code("en");          // unknown codes give French
//   ImGui::TextUnformatted(px::tr(px::Msg::LENS_MAP, lang));
//
// Messages live in one x-macro table (PX_MESSAGE_TABLE) so that a missing translation is a
// compile error, not a blank label. Error messages have their own table in errors.h.
// Numbers and dates are written the way each language reads them (format_number, format_date).
#pragma once

#include <string>  // std::string

namespace px {

enum class Lang : int { Fr, En };

// PX_MSG(ID, French, English)
#define PX_MESSAGE_TABLE(PX_MSG)                                                                  \
    PX_MSG(APP_NAME, "Proxinum", "Proxinum")                                                      \
    PX_MSG(APP_TAGLINE, "Voyez de quelles plateformes lointaines dépend votre numérique, et "    \
           "trouvez des alternatives plus proches et plus responsables.",                          \
           "See which faraway platforms your digital life depends on, and find nearer, more "     \
           "responsible alternatives.")                                                           \
    PX_MSG(LENS_DIAGNOSTIC, "Diagnostic", "Diagnostic")                                           \
    PX_MSG(LENS_AUDIT, "Audit web", "Web audit")                                                  \
    PX_MSG(LENS_TERRITORY, "Territoire", "Territory")                                             \
    PX_MSG(LENS_MAP, "Carte", "Map")                                                              \
    PX_MSG(LENS_DIAGNOSTIC_ENTRY, "Diagnostiquer mon organisation", "Assess my organisation")     \
    PX_MSG(LENS_AUDIT_ENTRY, "Analyser un site web", "Analyse a web site")                        \
    PX_MSG(LENS_TERRITORY_ENTRY, "Évaluer mon territoire", "Assess my territory")                 \
    PX_MSG(LENS_MAP_ENTRY, "Explorer la carte", "Explore the map")                                \
    PX_MSG(LENS_DIAGNOSTIC_ABOUT, "L'inventaire de vos services numériques (messagerie, site, "   \
           "bureautique…), un score sur cinq axes expliqué point par point, et des alternatives " \
           "locales classées.",                                                                   \
           "The inventory of your digital services (e-mail, web site, office suite…), a score "   \
           "on five axes explained point by point, and ranked local alternatives.")               \
    PX_MSG(LENS_AUDIT_ABOUT, "Déposez l'export HAR d'une page : tiers, traceurs, entreprises "     \
           "derrière eux, note Ecoindex et CO₂ par visite, sans rien envoyer.",                   \
           "Drop the HAR export of a page: third parties, trackers, the companies behind them, "  \
           "Ecoindex grade and CO₂ per visit, without sending anything.")                         \
    PX_MSG(LENS_TERRITORY_ABOUT, "L'autoévaluation selon les 9 engagements du manifeste pour "    \
           "des territoires numériques responsables, l'empreinte du parc et un observatoire.",     \
           "Self-assessment against the 9 commitments of the manifesto for responsible digital "  \
           "territories, the equipment footprint and an observatory.")                            \
    PX_MSG(LENS_MAP_ABOUT, "La carte de la France et du monde : communes, prestataires, flux de " \
           "données, indicateurs du territoire.",                                                 \
           "The map of France and the world: communes, providers, data flows, territorial "       \
           "indicators.")                                                                          \
    PX_MSG(COMING_SOON, "À venir", "Coming soon")                                                 \
    PX_MSG(COMING_SOON_BODY, "Cette partie de Proxinum est en cours de construction : elle "      \
           "n'est pas encore utilisable.",                                                        \
           "This part of Proxinum is being built: it cannot be used yet.")                        \
    PX_MSG(PRIVACY_LINE, "Rien de ce que vous saisissez ne quitte votre ordinateur.",             \
           "Nothing you type leaves your computer.")                                              \
    PX_MSG(PRIVACY_PROOF, "Comment c'est vérifié", "How this is checked")                         \
    PX_MSG(PRIVACY_PROOF_BODY, "Proxinum fonctionne entièrement dans votre navigateur. Une fois " \
           "la page chargée, elle n'envoie aucune requête à un autre site, ne dépose aucun "      \
           "cookie et ne mesure pas l'audience. Un test automatique, rejoué à chaque version, "   \
           "ouvre l'application dans Chromium et échoue si la moindre requête part vers une "     \
           "autre origine.",                                                                      \
           "Proxinum runs entirely in your browser. Once the page has loaded it sends no "        \
           "request to any other site, sets no cookie and measures no audience. An automatic "    \
           "test, run for every version, opens the app in Chromium and fails if a single "        \
           "request goes to another origin.")                                                     \
    PX_MSG(WELCOME_TITLE, "Bienvenue dans Proxinum", "Welcome to Proxinum")                       \
    PX_MSG(WELCOME_START, "Par où commencer ?", "Where to start?")                                \
    PX_MSG(WELCOME_EXAMPLE, "Voir un exemple (une boutique fictive)", "See an example (a fictitious shop)") \
    PX_MSG(CLOSE, "Fermer", "Close")                                                              \
    PX_MSG(MENU_LENSES, "Vues", "Views")                                                          \
    PX_MSG(MENU_LANGUAGE, "Langue", "Language")                                                   \
    PX_MSG(MENU_HELP, "?", "?")                                                                   \
    PX_MSG(MENU_WELCOME, "Accueil", "Welcome")                                                    \
    PX_MSG(ABOUT_TITLE, "À propos / sources", "About / sources")                                  \
    PX_MSG(ABOUT_INTRO, "Proxinum est un logiciel libre. Il s'appuie sur les logiciels et les "   \
           "données ouvertes suivants, que nous remercions :",                                    \
           "Proxinum is free software. It stands on the following software and open data, "      \
           "with thanks:")                                                                        \
    PX_MSG(ABOUT_COL_NAME, "Nom", "Name")                                                         \
    PX_MSG(ABOUT_COL_ROLE, "Rôle", "Role")                                                        \
    PX_MSG(ABOUT_COL_LICENCE, "Licence", "Licence")                                               \
    PX_MSG(ABOUT_COL_SOURCE, "Source", "Source")                                                  \
    PX_MSG(ABOUT_SOFTWARE, "Logiciels", "Software")                                               \
    PX_MSG(ABOUT_TOOLS, "Outils de construction et de test (non livrés)",                         \
           "Build and test tools (not shipped)")                                                  \
    PX_MSG(ABOUT_OWN_LICENCE, "logiciel libre sous licence MPL-2.0",                              \
           "free software under the MPL-2.0 licence")                                             \
    PX_MSG(ABOUT_VERSION, "Version", "Version")                                                   \
    PX_MSG(STATUS_OFFLINE, "Tout est calculé sur cet ordinateur", "Everything is computed on "    \
           "this computer")                                                                       \
    PX_MSG(STATUS_SOURCES, "Sources et licences", "Sources and licences")                         \
    PX_MSG(PANEL_INPUTS, "Saisie", "Inputs")                                                      \
    PX_MSG(PANEL_RESULTS, "Résultats", "Results")                                                 \
    PX_MSG(ABOUT_DATA_HEADING, "Données ouvertes", "Open data")                                  \
    PX_MSG(MAP_LAYERS, "Couches", "Layers")                                                       \
    PX_MSG(MAP_LAYER_COUNTRIES, "Pays", "Countries")                                              \
    PX_MSG(MAP_LAYER_BORDERS, "Frontières", "Borders")                                            \
    PX_MSG(MAP_LAYER_COMMUNES, "Communes", "Communes")                                            \
    PX_MSG(MAP_LEGEND, "Légende : la taille des points suit la population",                       \
           "Legend: the size of the points follows the population")                               \
    PX_MSG(MAP_INHABITANTS, "hab.", "inhabitants")                                                \
    PX_MSG(MAP_SEARCH, "Rechercher une commune", "Find a commune")                                \
    PX_MSG(MAP_SEARCH_HINT, "nom, code INSEE ou code postal", "name, INSEE code or postal code") \
    PX_MSG(MAP_NO_RESULT, "Aucune commune trouvée.", "No commune found.")                         \
    PX_MSG(MAP_FRANCE, "France", "France")                                                        \
    PX_MSG(MAP_WORLD, "Monde", "World")                                                           \
    PX_MSG(MAP_COVERAGE, "%s communes sur %s ont une position ; %s n'en ont pas encore (aucune "  \
           "position n'est inventée).",                                                           \
           "%s of %s communes have a position; %s have none yet (no position is invented).")     \
    PX_MSG(MAP_KEYS, "Clavier : cliquez sur la carte, puis flèches pour la déplacer, + et − pour " \
           "zoomer.",                                                                             \
           "Keyboard: click the map, then arrows to move it, + and − to zoom.")                   \
    PX_MSG(MAP_SELECT_HINT, "Cliquez sur un point de la carte pour voir la commune.",             \
           "Click a point on the map to see the commune.")                                        \
    PX_MSG(MAP_FIELD_INSEE, "Code INSEE", "INSEE code")                                           \
    PX_MSG(MAP_FIELD_DEPARTEMENT, "Département", "Département")                                   \
    PX_MSG(MAP_FIELD_REGION, "Région", "Region")                                                  \
    PX_MSG(MAP_FIELD_EPCI, "Intercommunalité (EPCI)", "Inter-municipality (EPCI)")                \
    PX_MSG(MAP_FIELD_POPULATION, "Population", "Population")                                      \
    PX_MSG(MAP_FIELD_POSTAL, "Codes postaux", "Postal codes")                                     \
    PX_MSG(MAP_FIELD_POSITION, "Position", "Position")                                            \
    PX_MSG(MAP_NONE, "aucune", "none")                                                            \
    PX_MSG(MAP_LAYER_FLOWS, "Flux de données", "Data flows")                                      \
    PX_MSG(MAP_LAYER_MARKERS, "Acteurs (losanges)", "Providers (diamonds)")                       \
    PX_MSG(MAP_JURISDICTION, "Juridiction (couleur et tracé)", "Jurisdiction (colour and dashes)")

enum class Msg : int {
#define PX_MSG_ENUM(id, fr, en) id,
    PX_MESSAGE_TABLE(PX_MSG_ENUM)
#undef PX_MSG_ENUM
        COUNT
};

const char* tr(Msg id, Lang lang);
// 34969 → "34 969" (narrow no-break space, French) or "34,969" (English).
std::string format_count(unsigned long long n, Lang lang);
// 1234.5, 1 → "1 234,5" (narrow no-break space, decimal comma) / "1,234.5".
std::string format_number(double v, int decimals, Lang lang);
// 2026, 11, 24 → "24/11/2026" / "24 November 2026" (never the ambiguous 11/24).
std::string format_date(int year, int month, int day, Lang lang);
Lang lang_from_code(const char* code);  // "fr", "en", "en-GB"… ; nullptr or unknown → Fr
const char* lang_code(Lang lang);       // "fr" | "en"

}  // namespace px
