// report_doc.h — the workspace's results as documents for people: the printable report (one
// self-contained HTML page, A4, for the council's file), the CSV of every point of the score, and
// the short HTML the page writes beside its canvas for screen readers (the accessible mirror).
//
//   px::ReportDoc doc{&ws, &report, &atlas, px::Lang::Fr, {2026, 11, 24}};
//   std::string page = px::report_html(doc);   // `proxinum report ESPACE.json --format html`
//   std::string csv  = px::report_csv(report);
//
// The page: the organisation, the date, Proxinum's and the method's versions, the A–G label (its
// letter printed on it), the radar as an SVG image with a text alternative and the same figures in
// a table, the services, where the data goes (an SVG map with numbered places, and the table that
// says the same in words), every contribution, the alternatives, then the territory's
// self-assessment and the equipment footprint when the workspace has them, and the sources. It
// loads nothing (inline CSS, no script, no image file), forbids scripts by its own
// Content-Security-Policy, and escapes every string that came from a user or a file (html_escape).
// The CSV: UTF-8 with a BOM, ';' between cells, decimal comma, one row per contribution, and
// cells that a spreadsheet would read as a formula neutralised (csv_cell).
// Does NOT score (scoring.h does) and does NOT format the JSON report (report_json).
#pragma once

#include <string>       // std::string
#include <string_view>  // std::string_view

#include "core/i18n.h"  // px::Lang

namespace px {

struct Workspace;
struct Report;
struct Atlas;

struct ReportDate {
    int year = 1970, month = 1, day = 1;
};

struct ReportDoc {
    const Workspace* ws = nullptr;  // required
    const Report* report = nullptr;  // required: score_workspace(*ws, …)
    const Atlas* atlas = nullptr;    // for the commune's name and the map's outlines; may be null
    Lang lang = Lang::Fr;
    ReportDate date;
};

// & < > " ' as entities: the text is then only text, in an element or in a quoted attribute.
std::string html_escape(std::string_view text);

std::string report_html(const ReportDoc& doc);
std::string report_csv(const Report& r);
// The accessible mirror of the diagnostic: a heading, the label and score, the axes as a list and
// the services as a table, in at most a few kilobytes (the page's own Ecoindex counts its DOM).
std::string report_mirror_html(const ReportDoc& doc);

// The mirror of the other lenses, as lean: the web audit (totals, Ecoindex, CO2, the third parties
// as a table), the territory's self-assessment shown (overall and per commitment, with the grid's
// words when loaded, then the next actions), the equipment footprint (as in the report), and the
// commune selected on the map.
struct Audit;
struct Assessment;
struct TerritoryScore;
std::string audit_mirror_html(const Audit& a, Lang lang);
std::string territory_mirror_html(const Assessment& a, const TerritoryScore& s, Lang lang);
std::string footprint_mirror_html(const Workspace& ws, Lang lang);  // "" without a fleet
// The observatory tab: the last batch's outcome, the contributions, the masked areas and the shown
// areas as a table (as the tab shows them); `a` is null before any summary is imported.
struct Aggregate;
std::string observatory_mirror_html(const Aggregate* a, const std::string& batch, Lang lang);
std::string commune_mirror_html(const Atlas& atlas, size_t commune, Lang lang);

// The mirror of the map: what it draws, in words. The commune selected (or that none is), the flows
// (label, jurisdiction, distance) and the marked places of the overlay, and the choropleth's title
// and classes. Each list stops at 30 rows and says how many more there are.
struct MapOverlay;
struct Choropleth;
struct MapMirror {
    const Atlas* atlas = nullptr;          // required
    long selected = -1;                    // atlas commune index, or -1
    const MapOverlay* overlay = nullptr;   // may be null
    const Choropleth* choropleth = nullptr;  // may be null
    std::string choropleth_title;
    Lang lang = Lang::Fr;
};
std::string map_mirror_html(const MapMirror& m);

}  // namespace px
