// report_doc.cpp — the printable report, its CSV and the accessible mirror (report_doc.h).
// Index: [SECTION] Writer · Pieces · Radar · Map · Territory · Report · CSV · Mirror
#include "core/report_doc.h"

#include <algorithm>  // std::min, std::max
#include <cmath>      // std::cos, std::sin, std::round
#include <cstdio>     // std::snprintf
#include <set>        // std::set
#include <vector>     // std::vector

#include "core/atlas.h"
#include "core/choropleth.h"
#include "core/audit/audit.h"
#include "core/credits.h"
#include "core/csv.h"
#include "core/map_overlay.h"
#include "core/scoring.h"
#include "core/territory/assessment.h"
#include "core/territory/footprint.h"
#include "core/territory/grid.h"
#include "core/territory/summary.h"
#include "core/version.h"
#include "core/workspace.h"

namespace px {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

namespace {
// The mirror stays lean (the page's own Ecoindex counts its DOM): each list stops at this many rows.
constexpr size_t kMirrorRows = 30;


// [SECTION] Writer -------------------------------------------------------------------------------
// Markup is appended as is (it is ours); every other string goes through text(), escaped.
struct Html {
    std::string s;
    Lang lang;
    const char* m(Msg id) const { return tr(id, lang); }  // a message of the catalog (core/i18n.h)
    Html& raw(std::string_view markup) {
        s.append(markup);
        return *this;
    }
    Html& text(std::string_view v) {
        s += html_escape(v);
        return *this;
    }
    Html& num(double v, int decimals) { return text(format_number(v, decimals, lang)); }
    Html& fmt(const char* format, double a, double b = 0, double c = 0) {  // SVG coordinates
        char buf[96];
        std::snprintf(buf, sizeof buf, format, a, b, c);
        s += buf;
        return *this;
    }
    Html& cell(std::string_view v) { return raw("<td>").text(v).raw("</td>"); }
    Html& url_cell(std::string_view v) { return raw("<td class=\"u\">").text(v).raw("</td>"); }  // may break anywhere
    Html& num_cell(double v, int decimals) { return raw("<td class=\"n\">").num(v, decimals).raw("</td>"); }
    Html& head(std::initializer_list<const char*> cols) {
        raw("<thead><tr>");
        for (const char* c : cols) raw("<th scope=\"col\">").text(c).raw("</th>");
        return raw("</tr></thead><tbody>");
    }
};

std::string hex_colour(uint32_t rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06X", static_cast<unsigned>(rgb & 0xFFFFFF));
    return buf;
}

std::string jurisdiction_hex(Jurisdiction j) {  // jurisdiction_rgba holds R in its lowest byte
    const uint32_t rgba = jurisdiction_rgba(j);
    return hex_colour(((rgba & 0xFF) << 16) | (rgba & 0xFF00) | ((rgba >> 16) & 0xFF));
}

// [SECTION] Pieces -------------------------------------------------------------------------------
void grade_badge(Html& h, const Report& r) {
    const char g = r.score_known ? r.grade : '?';
    // Dark text on the light middle of the scale, white on its dark ends: contrast ≥ 4.5 either way.
    const bool light_text = g == 'A' || g == 'G';
    h.raw("<span class=\"grade\" style=\"background:").raw(hex_colour(grade_rgb(g)))
        .raw(light_text ? ";color:#fff\">" : ";color:#161616\">").text(std::string(1, g)).raw("</span>");
}

std::string score_sentence(const Report& r, Lang lang) {
    if (!r.score_known) {
        return tr(Msg::REPORT_PAS_ENCORE_SCORE_DECRIVEZ_MOINS, lang);
    }
    const std::string grade(1, r.grade);
    const std::string share = format_number(r.known_share * 100.0, 0, lang) + tr(Msg::PERCENT_SIGN, lang);
    return format_msg(Msg::REPORT_SCORE_SENTENCE, lang, grade.c_str(), format_number(r.score, 0, lang).c_str(),
                      format_number(r.score_max, 0, lang).c_str(), share.c_str());
}

// "32" when known, "32 à 61" when only bounded.
std::string range_cell(double low, double high, Lang lang) {
    if (std::round(low) == std::round(high)) return format_number(low, 0, lang);
    return format_msg(Msg::REPORT_RANGE_CELL, lang, format_number(low, 0, lang).c_str(), format_number(high, 0, lang).c_str());
}

std::string commune_text(const ReportDoc& d) {
    const Organisation& o = d.ws->organisation;
    if (o.insee.empty()) return "";
    if (d.atlas) {
        if (const Atlas::Commune* c = d.atlas->find_commune(o.insee)) {
            return std::string(d.atlas->name(*c)) + " (" + o.insee + ")";
        }
    }
    return o.insee;
}

// [SECTION] Radar --------------------------------------------------------------------------------
void radar_svg(Html& h, const Report& r) {
    constexpr double kCx = 320, kCy = 150, kR = 105;
    const auto at = [&](size_t axis, double value, double& x, double& y) {
        const double a = -M_PI / 2 + 2 * M_PI * static_cast<double>(axis) / kAxisCount;
        x = kCx + std::cos(a) * kR * value / 100.0;
        y = kCy + std::sin(a) * kR * value / 100.0;
    };
    std::string desc;
    for (size_t a = 0; a < kAxisCount; ++a) {
        if (a) desc += " ; ";
        desc += axis_label(static_cast<Axis>(a), h.lang);
        desc += " ";
        desc += r.axes[a].known ? range_cell(r.axes[a].score, r.axes[a].ceiling, h.lang) + " / 100" : h.m(Msg::REPORT_NON_CONNU);
    }
    h.raw("<figure><svg viewBox=\"0 0 640 300\" width=\"640\" height=\"300\" role=\"img\" aria-labelledby=\"radar-t radar-d\">"
          "<title id=\"radar-t\">").text(h.m(Msg::REPORT_RADAR_CINQ_AXES_0_CENTRE))
        .raw("</title><desc id=\"radar-d\">").text(desc).raw("</desc>");
    for (const double ring : {25.0, 50.0, 75.0, 100.0}) {
        h.raw("<polygon fill=\"none\" stroke=\"#bbb\" stroke-width=\"1\" points=\"");
        for (size_t a = 0; a < kAxisCount; ++a) {
            double x = 0, y = 0;
            at(a, ring, x, y);
            h.fmt("%.1f,%.1f ", x, y);
        }
        h.raw("\"/>");
    }
    bool all_known = true;
    for (size_t a = 0; a < kAxisCount; ++a) all_known = all_known && r.axes[a].known;
    if (all_known) {
        // The ceiling, dashed, around the filled floor: the range the unknowns leave.
        h.raw("<polygon fill=\"none\" stroke=\"#000091\" stroke-width=\"1\" stroke-dasharray=\"4 3\" points=\"");
        for (size_t a = 0; a < kAxisCount; ++a) {
            double x = 0, y = 0;
            at(a, r.axes[a].ceiling, x, y);
            h.fmt("%.1f,%.1f ", x, y);
        }
        h.raw("\"/>");
        h.raw("<polygon fill=\"#000091\" fill-opacity=\"0.18\" stroke=\"#000091\" stroke-width=\"2\" points=\"");
        for (size_t a = 0; a < kAxisCount; ++a) {
            double x = 0, y = 0;
            at(a, r.axes[a].score, x, y);
            h.fmt("%.1f,%.1f ", x, y);
        }
        h.raw("\"/>");
    }
    for (size_t a = 0; a < kAxisCount; ++a) {
        double x = 0, y = 0, lx = 0, ly = 0;
        at(a, 100, x, y);
        h.fmt("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" ", kCx, kCy, x).fmt("y2=\"%.1f\" stroke=\"#bbb\"/>", y);
        if (r.axes[a].known) {
            at(a, r.axes[a].score, x, y);
            h.fmt("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#000091\"/>", x, y);
        }
        at(a, 118, lx, ly);
        const char* anchor = lx < kCx - 5 ? "end" : lx > kCx + 5 ? "start" : "middle";
        h.fmt("<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" ", lx, ly + (ly > kCy ? 12 : 0)).raw("text-anchor=\"").raw(anchor)
            .raw("\" fill=\"#161616\">").text(axis_label(static_cast<Axis>(a), h.lang)).raw(" : ")
            .text(r.axes[a].known ? range_cell(r.axes[a].score, r.axes[a].ceiling, h.lang) : "?").raw("</text>");
    }
    h.raw("</svg><figcaption>")
        .text(h.m(Msg::REPORT_RADAR_DIT_MEME_CHOSE_TABLEAU))
        .raw("</figcaption></figure>");
}

// [SECTION] Map ----------------------------------------------------------------------------------
struct Place {
    geo::LonLat pos;
    Jurisdiction jurisdiction = Jurisdiction::Unknown;
    std::vector<size_t> services;
    double distance_km = -1;
};

std::vector<Place> places_of(const Report& r) {
    std::vector<Place> out;
    for (size_t i = 0; i < r.services.size(); ++i) {
        const ServiceSummary& s = r.services[i];
        if (!s.placed) continue;
        // Places closer than 50 km share a number: their labels would overlap on the map.
        auto it = std::find_if(out.begin(), out.end(), [&](const Place& p) {
            return p.jurisdiction == s.jurisdiction && geo::distance_m_unchecked(p.pos, s.pos) < 50e3;
        });
        if (it == out.end()) {
            out.push_back({s.pos, s.jurisdiction, {}, s.distance_known ? s.distance_km : -1});
            it = out.end() - 1;
        }
        it->services.push_back(i);
    }
    return out;
}

void map_svg(Html& h, const ReportDoc& d, const std::vector<Place>& places) {
    const Report& r = *d.report;
    // The extent: the organisation, every place and the geodesics between them, padded.
    std::vector<std::vector<geo::LonLat>> paths;
    geo::BBox box{r.organisation_pos.lon_deg, r.organisation_pos.lat_deg, r.organisation_pos.lon_deg, r.organisation_pos.lat_deg};
    const auto grow = [&](geo::LonLat p) {
        box.min_lon_deg = std::min(box.min_lon_deg, p.lon_deg);
        box.max_lon_deg = std::max(box.max_lon_deg, p.lon_deg);
        box.min_lat_deg = std::min(box.min_lat_deg, p.lat_deg);
        box.max_lat_deg = std::max(box.max_lat_deg, p.lat_deg);
    };
    for (const Place& p : places) {
        MapFlow f;
        f.from = r.organisation_pos;
        f.to = p.pos;
        paths.emplace_back();
        flow_path(f, 32, paths.back());
        for (const geo::LonLat& q : paths.back()) grow(q);
    }
    const double min_span = 6;
    const double cx = (box.min_lon_deg + box.max_lon_deg) / 2;
    const double cy = (box.min_lat_deg + box.max_lat_deg) / 2;
    double span_lon = std::max(box.max_lon_deg - box.min_lon_deg, min_span) * 1.2;
    double span_lat = std::max(box.max_lat_deg - box.min_lat_deg, min_span) * 1.2;
    const double cos_lat = std::max(0.2, std::cos(cy * M_PI / 180.0));
    constexpr double kWidth = 640, kMaxHeight = 420;
    double k = kWidth / (span_lon * cos_lat);
    if (span_lat * k > kMaxHeight) {
        k = kMaxHeight / span_lat;
        span_lon = kWidth / (k * cos_lat);
    }
    const double height = std::max(200.0, span_lat * k);
    span_lat = height / k;
    const double lon0 = cx - span_lon / 2, lat1 = cy + span_lat / 2;
    const auto px_x = [&](double lon) { return (lon - lon0) * cos_lat * k; };
    const auto px_y = [&](double lat) { return (lat1 - lat) * k; };
    const geo::BBox view{lon0, lat1 - span_lat, lon0 + span_lon, lat1};

    h.raw("<svg viewBox=\"0 0 640 ").fmt("%.0f\" width=\"640\" height=\"%.0f\" role=\"img\" aria-labelledby=\"map-t map-d\">", height, height)
        .raw("<title id=\"map-t\">").text(h.m(Msg::REPORT_CARTE_VOTRE_COMMUNE_VERS_LIEUX))
        .raw("</title><desc id=\"map-d\">").text(h.m(Msg::REPORT_LIEUX_NUMEROTES_SONT_DECRITS_DANS))
        .raw("</desc><rect width=\"640\" height=\"").fmt("%.0f\" fill=\"#F1F5F9\"/>", height);
    if (d.atlas) {  // country outlines, thinned to about a pixel
        h.raw("<g fill=\"#E2E2E2\" stroke=\"#FFFFFF\" stroke-width=\"0.8\">");
        for (const Atlas::Country& c : d.atlas->countries) {
            if (c.bbox.max_lon_deg < view.min_lon_deg || c.bbox.min_lon_deg > view.max_lon_deg || c.bbox.max_lat_deg < view.min_lat_deg ||
                c.bbox.min_lat_deg > view.max_lat_deg) {
                continue;
            }
            h.raw("<path d=\"");
            for (uint32_t ri = c.ring_first; ri < c.ring_first + c.ring_count; ++ri) {
                const Atlas::Ring& ring = d.atlas->rings[ri];
                // Whole pixels, relative moves, and only moves of two pixels or more: the outlines
                // stay recognisable at this size for a few kilobytes.
                long last_x = 0, last_y = 0;
                bool first = true;
                for (uint32_t v = ring.first; v < ring.first + ring.count; ++v) {
                    const long x = std::lround(px_x(d.atlas->vertices[v].lon_deg));
                    const long y = std::lround(px_y(d.atlas->vertices[v].lat_deg));
                    if (!first && std::labs(x - last_x) < 2 && std::labs(y - last_y) < 2) continue;
                    char buf[48];
                    std::snprintf(buf, sizeof buf, first ? "M%ld %ld" : "l%ld %ld", first ? x : x - last_x, first ? y : y - last_y);
                    h.raw(buf);
                    first = false;
                    last_x = x;
                    last_y = y;
                }
                if (!first) h.raw("Z");
            }
            h.raw("\"/>");
        }
        h.raw("</g>");
    }
    for (size_t i = 0; i < places.size(); ++i) {
        const Place& p = places[i];
        const float dash = jurisdiction_dash_px(p.jurisdiction);
        h.raw("<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"").raw(jurisdiction_hex(p.jurisdiction)).raw("\"");
        if (dash > 0) h.fmt(" stroke-dasharray=\"%.0f %.0f\"", dash, dash * 0.6);
        h.raw(" points=\"");
        for (const geo::LonLat& q : paths[i]) h.fmt("%.1f,%.1f ", px_x(q.lon_deg), px_y(q.lat_deg));
        h.raw("\"/>");
    }
    h.fmt("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"#161616\"/>", px_x(r.organisation_pos.lon_deg), px_y(r.organisation_pos.lat_deg));
    for (size_t i = 0; i < places.size(); ++i) {
        const double x = px_x(places[i].pos.lon_deg), y = px_y(places[i].pos.lat_deg);
        h.fmt("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"9\" fill=\"#fff\" stroke=\"#161616\"/>", x, y)
            .fmt("<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#161616\">", x, y + 4)
            .fmt("%.0f</text>", static_cast<double>(i + 1));
    }
    h.raw("</svg>");
}

void map_section(Html& h, const ReportDoc& d) {
    const Report& r = *d.report;
    h.raw("<section aria-labelledby=\"s-map\"><h2 id=\"s-map\">").text(h.m(Msg::REPORT_VONT_VOS_DONNEES)).raw("</h2>");
    const std::vector<Place> places = places_of(r);
    if (!r.organisation_placed || places.empty()) {
        h.raw("<p>").text(h.m(Msg::REPORT_PAS_CARTE_IL_FAUT_COMMUNE)).raw("</p></section>");
        return;
    }
    h.raw("<figure>");
    map_svg(h, d, places);
    h.raw("<figcaption><ul class=\"legend\">");
    for (size_t j = 0; j < static_cast<size_t>(Jurisdiction::COUNT); ++j) {
        const auto jur = static_cast<Jurisdiction>(j);
        const bool used = std::any_of(places.begin(), places.end(), [&](const Place& p) { return p.jurisdiction == jur; });
        if (!used) continue;
        const float dash = jurisdiction_dash_px(jur);
        h.raw("<li><svg width=\"36\" height=\"10\" aria-hidden=\"true\"><line x1=\"0\" y1=\"5\" x2=\"36\" y2=\"5\" stroke-width=\"3\" stroke=\"")
            .raw(jurisdiction_hex(jur)).raw("\"");
        if (dash > 0) h.fmt(" stroke-dasharray=\"%.0f %.0f\"", dash, dash * 0.6);
        h.raw("/></svg> ").text(jurisdiction_label(jur, h.lang)).raw("</li>");
    }
    h.raw("</ul>").text(h.m(Msg::REPORT_POINT_NOIR_EST_VOTRE_COMMUNE))
        .raw("</figcaption></figure><table><caption>").text(h.m(Msg::REPORT_LIEUX_CARTE)).raw("</caption>");
    h.head({h.m(Msg::REPORT_NUMBER), h.m(Msg::REPORT_SERVICES), h.m(Msg::AUDIT_JURIDICTION), h.m(Msg::REPORT_DISTANCE_KM)});
    for (size_t i = 0; i < places.size(); ++i) {
        const Place& p = places[i];
        std::string names;
        for (const size_t s : p.services) names += (names.empty() ? "" : " · ") + r.services[s].title;
        h.raw("<tr><th scope=\"row\">").num(static_cast<double>(i + 1), 0).raw("</th>").cell(names).cell(jurisdiction_label(p.jurisdiction, h.lang));
        if (p.distance_km >= 0) h.num_cell(p.distance_km, 0); else h.cell("—");
        h.raw("</tr>");
    }
    h.raw("</tbody></table></section>");
}

// [SECTION] Territory ----------------------------------------------------------------------------
std::string part_text(const ScorePart& p, Lang lang) {
    if (!p.known) return tr(Msg::TERR_NON_EVALUE, lang);
    return format_number(p.score, 0, lang) + " / 100";
}

std::string titled(const Text2& t, const std::string& id, Lang lang) { return t.in(lang).empty() ? id : id + " — " + t.in(lang); }

// The next actions: the weakest commitments' sub-commitments, each with the level to reach.
void plan_table(Html& h, const Grid& g, const TerritoryScore& sc) {
    if (sc.plan.empty()) return;
    h.raw("<h3>").text(h.m(Msg::REPORT_PROCHAINES_ACTIONS)).raw("</h3><table><caption>")
        .text(h.m(Msg::REPORT_ENGAGEMENTS_PLUS_FAIBLES)).raw("</caption>");
    h.head({h.m(Msg::REPORT_SOUS_ENGAGEMENT), h.m(Msg::REPORT_AUJOURD_HUI), h.m(Msg::REPORT_ETAPE_SUIVANTE)});
    for (const PlanStep& p : sc.plan) {
        const GridSub& sub = g.subs[p.sub];
        h.raw("<tr><th scope=\"row\">").text(titled(sub.title, sub.id, h.lang)).raw("</th>")
            .cell(p.from < 0 ? h.m(Msg::REPORT_EVALUER) : g.scale[static_cast<size_t>(p.from)].in(h.lang));
        h.cell(p.to < 0 ? h.m(Msg::REPORT_EVALUER_CE_POINT) : sub.levels[static_cast<size_t>(p.to)].in(h.lang)).raw("</tr>");
    }
    h.raw("</tbody></table>");
}

void territory_section(Html& h, const Workspace& ws) {
    if (ws.assessments.empty()) return;
    const Grid& g = territory_grid();
    const Assessment& a = ws.assessments.back();
    const TerritoryScore sc = score_assessment(g, a);
    h.raw("<section aria-labelledby=\"s-territory\"><h2 id=\"s-territory\">")
        .text(h.m(Msg::REPORT_AUTOEVALUATION_TERRITOIRE)).raw(" ").num(a.year, 0).raw("</h2><p>")
        .text(h.m(Msg::REPORT_SELON_9_ENGAGEMENTS_MANIFESTE_TERRITOIRES))
        .text(part_text(sc.overall, h.lang)).raw(" (").num(static_cast<double>(sc.overall.answered), 0).raw(" / ")
        .num(static_cast<double>(sc.overall.total), 0).text(h.m(Msg::REPORT_SOUS_ENGAGEMENTS_EVALUES)).raw("</p><table><caption>")
        .text(h.m(Msg::REPORT_SCORE_ENGAGEMENT)).raw("</caption>");
    h.head({h.m(Msg::TERR_ENGAGEMENT), h.m(Msg::DIAG_SCORE), h.m(Msg::TERR_EVALUES)});
    for (size_t c = 0; c < g.commitments.size(); ++c) {
        h.raw("<tr><th scope=\"row\">").text(titled(g.commitments[c].title, g.commitments[c].id, h.lang)).raw("</th>")
            .cell(part_text(sc.commitments[c], h.lang)).raw("<td class=\"n\">").num(static_cast<double>(sc.commitments[c].answered), 0)
            .raw(" / ").num(static_cast<double>(sc.commitments[c].total), 0).raw("</td></tr>");
    }
    h.raw("</tbody></table>");
    plan_table(h, g, sc);
    h.raw("</section>");
}

void footprint_section(Html& h, const Workspace& ws) {
    if (ws.fleet.items.empty()) return;
    const FootprintResult f = compute_footprint(ws.fleet);
    h.raw("<section aria-labelledby=\"s-footprint\"><h2 id=\"s-footprint\">").text(h.m(Msg::REPORT_EMPREINTE_EQUIPEMENTS))
        .raw("</h2><p>").text(h.m(Msg::REPORT_TOTAL)).num(f.total_kg, 0).text(h.m(Msg::REPORT_KGCO2E_AN))
        .num(f.devices, 0).text(h.m(Msg::REPORT_EQUIPEMENTS_FACTEURS_ADEME)).raw("</p><table><caption>")
        .text(h.m(Msg::REPORT_TYPE_EQUIPEMENT_AN)).raw("</caption>");
    h.head({h.m(Msg::TERR_EQUIPEMENT), h.m(Msg::TERR_NOMBRE), h.m(Msg::REPORT_DUREE_VIE_ANS),
            h.m(Msg::REPORT_FABRICATION_KGCO2E), h.m(Msg::REPORT_USAGE_KGCO2E)});
    for (const FootprintLine& l : f.lines) {
        h.raw("<tr><th scope=\"row\">").text(h.lang == Lang::En ? l.factor->label_en : l.factor->label_fr).raw("</th>")
            .num_cell(l.count, 0).num_cell(l.lifetime, 1).num_cell(l.embodied_kg, 1);
        if (l.use_known) h.num_cell(l.use_kg, 1); else h.cell(h.m(Msg::REPORT_NON_PUBLIE));
        h.raw("</tr>");
    }
    h.raw("</tbody></table>");
    if (!f.scenarios.empty()) {
        h.raw("<table><caption>").text(h.m(Msg::TERR_WHAT_IF)).raw("</caption>");
        h.head({h.m(Msg::REPORT_SCENARIO), h.m(Msg::REPORT_TOTAL_KGCO2E_AN), h.m(Msg::REPORT_ECONOMIE_KGCO2E_AN)});
        for (const FootprintScenario& s : f.scenarios) {
            h.raw("<tr><th scope=\"row\">").text(scenario_label(s.id, h.lang)).raw("</th>").num_cell(s.total_kg, 0).num_cell(s.saving_kg, 0).raw("</tr>");
        }
        h.raw("</tbody></table>");
    }
    h.raw("</section>");
}

const char* kCss =
    "@page{size:A4;margin:16mm}"
    "body{font:11pt/1.45 \"DejaVu Sans\",Arial,sans-serif;color:#161616;background:#fff;max-width:50em;margin:2em auto;padding:0 1em}"
    "h1{font-size:20pt;margin:0 0 .2em}"
    "h2{font-size:14pt;margin:1.6em 0 .5em;border-bottom:2px solid #000091;padding-bottom:.15em;break-after:avoid}"
    "h3{font-size:12pt;margin:1.2em 0 .4em;break-after:avoid}"
    "table{border-collapse:collapse;width:100%;margin:.5em 0 1em;font-size:10pt}"
    "caption{text-align:left;font-weight:bold;padding:.3em 0}"
    "th,td{border:1px solid #999;padding:.25em .4em;text-align:left;vertical-align:top}td.u{overflow-wrap:anywhere}"
    "thead th{background:#eee}tbody th{font-weight:normal}td.n{text-align:right;white-space:nowrap}tr{break-inside:avoid}"
    ".grade{display:inline-block;min-width:1.4em;padding:0 .25em;font-size:28pt;font-weight:bold;text-align:center;"
    "border-radius:4px;margin-right:.4em;vertical-align:middle}"
    ".meta{color:#3a3a3a}figure{margin:1em 0;break-inside:avoid}figcaption{font-size:10pt}"
    "svg{max-width:100%;height:auto}.legend{list-style:none;padding:0;margin:.4em 0}.legend li{display:inline-block;margin-right:1.2em}"
    "ul.src li{overflow-wrap:anywhere}"
    "@media print{body{margin:0;max-width:none}}";

}  // namespace

// [SECTION] Report -------------------------------------------------------------------------------
std::string report_html(const ReportDoc& d) {
    const Workspace& ws = *d.ws;
    const Report& r = *d.report;
    Html h{std::string(), d.lang};
    const std::string org = ws.organisation.name.empty() ? h.m(Msg::REPORT_ORGANISATION_SANS_NOM) : ws.organisation.name;
    h.raw("<!doctype html>\n<html lang=\"").raw(lang_code(d.lang)).raw("\"><head><meta charset=\"utf-8\">"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
        .text(h.m(Msg::REPORT_RAPPORT_PROXINUM)).text(org).raw("</title><style>").raw(kCss).raw("</style></head><body><header><h1>")
        .text(h.m(Msg::REPORT_DIAGNOSTIC_PROXIMITE_NUMERIQUE)).raw("</h1><p><strong>").text(org).raw("</strong> — ")
        .text(org_kind_label(ws.organisation.kind, d.lang));
    const std::string commune = commune_text(d);
    if (!commune.empty()) h.raw(" — ").text(commune);
    h.raw("</p><p class=\"meta\">").text(h.m(Msg::REPORT_ETABLI)).text(format_date(d.date.year, d.date.month, d.date.day, d.lang))
        .text(h.m(Msg::REPORT_AVEC_PROXINUM)).text(version()).text(h.m(Msg::REPORT_METHODE_SCORE_VERSION))
        .text(kMethodVersion).text(h.m(Msg::REPORT_TOUT_ETE_CALCULE_ORDINATEUR_UTILISATEUR))
        .raw("</p></header><main>");

    // The result.
    h.raw("<section aria-labelledby=\"s-result\"><h2 id=\"s-result\">").text(h.m(Msg::REPORT_RESULTAT)).raw("</h2><p>");
    grade_badge(h, r);
    h.text(score_sentence(r, d.lang)).raw("</p><p>")
        .text(h.m(Msg::REPORT_CINQ_AXES_0_100_PROXIMITE))
        .raw("</p>");
    radar_svg(h, r);
    h.raw("<table><caption>").text(h.m(Msg::REPORT_CINQ_AXES)).raw("</caption>");
    h.head({h.m(Msg::REPORT_AXE), h.m(Msg::REPORT_SCORE_100), h.m(Msg::REPORT_WEIGHT_PCT), h.m(Msg::REPORT_SERVICES_EVALUES)});
    for (size_t a = 0; a < kAxisCount; ++a) {
        h.raw("<tr><th scope=\"row\">").text(axis_label(static_cast<Axis>(a), d.lang)).raw("</th>");
        if (r.axes[a].known) h.cell(range_cell(r.axes[a].score, r.axes[a].ceiling, d.lang)); else h.cell(h.m(Msg::REPORT_NON_CONNU));
        h.num_cell(r.axes[a].weight, 0).num_cell(static_cast<double>(r.axes[a].services_known), 0).raw("</tr>");
    }
    h.raw("</tbody></table></section>");

    // The services.
    h.raw("<section aria-labelledby=\"s-services\"><h2 id=\"s-services\">").text(h.m(Msg::REPORT_VOS_SERVICES_NUMERIQUES)).raw("</h2>");
    if (r.services.empty()) {
        h.raw("<p>").text(h.m(Msg::REPORT_AUCUN_SERVICE_DECRIT)).raw("</p>");
    } else {
        h.raw("<table><caption>").text(h.m(Msg::REPORT_CHAQUE_SERVICE_SA_JURIDICTION_SA)).raw("</caption>");
        h.head({h.m(Msg::REPORT_SERVICE), h.m(Msg::REPORT_USAGE), h.m(Msg::REPORT_VALEUR_100), h.m(Msg::AUDIT_JURIDICTION), h.m(Msg::REPORT_DISTANCE_KM)});
        for (const ServiceSummary& s : r.services) {
            h.raw("<tr><th scope=\"row\">").text(s.title).raw("</th>");
            h.cell(s.job >= 0 ? std::string(job_label(static_cast<size_t>(s.job), d.lang)) : h.m(Msg::REPORT_JOB_UNKNOWN));
            if (s.value_known) h.cell(range_cell(s.value, s.value_max, d.lang)); else h.cell(h.m(Msg::REPORT_DOCUMENTER));
            h.cell(jurisdiction_label(s.jurisdiction, d.lang));
            if (s.distance_known) h.num_cell(s.distance_km, 0); else h.cell("—");
            h.raw("</tr>");
        }
        h.raw("</tbody></table>");
    }
    h.raw("</section>");
    map_section(h, d);

    // Why: every contribution, per axis.
    h.raw("<section aria-labelledby=\"s-why\"><h2 id=\"s-why\">").text(h.m(Msg::REPORT_POURQUOI_CE_SCORE)).raw("</h2><p>")
        .text(h.m(Msg::REPORT_CHAQUE_AXE_PART_100_CHAQUE))
        .raw("</p>");
    for (size_t a = 0; a < kAxisCount; ++a) {
        const Axis axis = static_cast<Axis>(a);
        const bool any = std::any_of(r.contributions.begin(), r.contributions.end(), [&](const Contribution& c) { return c.axis == axis; });
        if (!any) continue;
        h.raw("<table><caption>").text(axis_label(axis, d.lang)).raw("</caption>");
        h.head({h.m(Msg::REPORT_RAISON), h.m(Msg::REPORT_POINTS), h.m(Msg::REPORT_ORIGINE_DONNEE), h.m(Msg::ABOUT_COL_SOURCE)});
        for (const Contribution& c : r.contributions) {
            if (c.axis != axis) continue;
            h.raw("<tr><td>").text(c.reason).raw("</td>");
            h.num_cell(c.points, 1);
            if (!c.known) h.cell(h.m(Msg::REPORT_DOCUMENTER)); else h.cell(provenance_label(c.provenance, d.lang));
            h.url_cell(c.source).raw("</tr>");
        }
        h.raw("</tbody></table>");
    }
    h.raw("</section>");

    // Alternatives.
    h.raw("<section aria-labelledby=\"s-alt\"><h2 id=\"s-alt\">").text(h.m(Msg::REPORT_ALTERNATIVES_PLUS_PROCHES)).raw("</h2>");
    if (r.alternatives.empty()) {
        h.raw("<p>").text(h.m(Msg::REPORT_AUCUNE_ALTERNATIVE_TROUVEE_DANS_CATALOGUES)).raw("</p>");
    } else {
        h.raw("<table><caption>").text(h.m(Msg::REPORT_ALT_CAPTION)).raw("</caption>");
        h.head({h.m(Msg::REPORT_PLACE), h.m(Msg::REPORT_ALTERNATIVE), h.m(Msg::REPORT_ALT_STATUS),
                h.m(Msg::REPORT_DISTANCE_KM), h.m(Msg::REPORT_GAIN_POINTS), h.m(Msg::REPORT_WHY)});
        for (const Alternative& a : r.alternatives) {
            const std::string replaced = a.service >= 0 && static_cast<size_t>(a.service) < r.services.size() ? r.services[static_cast<size_t>(a.service)].title : "";
            const std::string who = a.product.empty() || a.product == a.name ? a.name : a.product + " (" + a.name + ")";
            h.raw("<tr>").cell(replaced).raw("<th scope=\"row\">").text(who).raw("</th>");
            h.cell(h.m(a.to_check ? Msg::REPORT_ALT_TO_CHECK : Msg::REPORT_ALT_SURE));
            if (a.distance_known) h.num_cell(a.distance_km, 0); else h.cell("—");
            h.num_cell(a.gain, 0).cell(alternative_reason(a, d.lang));
            h.raw("</tr>");
        }
        h.raw("</tbody></table>");
    }
    h.raw("</section>");

    territory_section(h, ws);
    footprint_section(h, ws);

    // Sources.
    h.raw("<section aria-labelledby=\"s-sources\"><h2 id=\"s-sources\">").text(h.m(Msg::TERR_SOURCES)).raw("</h2><p>")
        .text(h.m(Msg::REPORT_METHODE_COMPLETE_REGLES_ECHELLES_POIDS))
        .raw("</p><ul class=\"src\">");
    std::set<std::string> seen;
    for (const Contribution& c : r.contributions) {
        if (c.source.empty() || !seen.insert(c.source).second) continue;
        h.raw("<li>").text(c.source).raw("</li>");
    }
    h.raw("</ul><p>").text(h.m(Msg::REPORT_LOGICIELS_DONNEES_OUVERTES_UTILISES)).raw("</p><ul class=\"src\">");
    for (const Credit& c : credits()) {
        if (c.kind != CreditKind::Shipped) continue;
        h.raw("<li>").text(c.name).raw(" ").text(c.version).raw(" — ").text(c.licence).raw(", ").text(c.holder).raw(" — ").text(c.url).raw("</li>");
    }
    h.raw("</ul></section></main><footer><p class=\"meta\">")
        .text(h.m(Msg::REPORT_PROXINUM_EST_LOGICIEL_LIBRE_MPL))
        .raw("</p></footer></body></html>\n");
    return std::move(h.s);
}

// [SECTION] CSV ----------------------------------------------------------------------------------
std::string report_csv(const Report& r) {
    std::string out = "\xEF\xBB\xBF";
    out += "axe;service;connu;valeur;plancher;plafond;points;provenance;raison;source\r\n";
    for (const Contribution& c : r.contributions) {
        const std::string service = c.service >= 0 && static_cast<size_t>(c.service) < r.services.size() ? r.services[static_cast<size_t>(c.service)].title : "";
        out += csv_cell(axis_code(c.axis)) + ";" + csv_cell(service) + ";" + (c.known ? "oui" : "non") + ";" +
               (c.known ? csv_number(c.value, 1) : "") + ";" + csv_number(c.low, 1) + ";" + csv_number(c.high, 1) + ";" +
               csv_number(c.points, 2) + ";" +
               csv_cell(provenance_label(c.provenance, Lang::Fr)) + ";" + csv_cell(c.reason) + ";" + csv_cell(c.source) + "\r\n";
    }
    return out;
}

// [SECTION] Mirror -------------------------------------------------------------------------------
std::string report_mirror_html(const ReportDoc& d) {
    const Report& r = *d.report;
    Html h{std::string(), d.lang};
    h.raw("<h2>").text(h.m(Msg::REPORT_DIAGNOSTIC));
    if (!d.ws->organisation.name.empty()) h.raw(" — ").text(d.ws->organisation.name);
    h.raw("</h2><p>").text(score_sentence(r, d.lang)).raw("</p><ul>");
    for (size_t a = 0; a < kAxisCount; ++a) {
        h.raw("<li>").text(axis_label(static_cast<Axis>(a), d.lang)).raw(" : ")
            .text(r.axes[a].known ? range_cell(r.axes[a].score, r.axes[a].ceiling, d.lang) + " / 100" : h.m(Msg::REPORT_NON_CONNU)).raw("</li>");
    }
    h.raw("</ul>");
    if (!r.services.empty()) {
        h.raw("<table><caption>").text(h.m(Msg::REPORT_VOS_SERVICES)).raw("</caption>");
        h.head({h.m(Msg::REPORT_SERVICE), h.m(Msg::REPORT_USAGE), h.m(Msg::REPORT_VALEUR_100), h.m(Msg::AUDIT_JURIDICTION),
                h.m(Msg::REPORT_DISTANCE_KM)});
        for (size_t i = 0; i < r.services.size() && i < kMirrorRows; ++i) {
            const ServiceSummary& s = r.services[i];
            h.raw("<tr><th scope=\"row\">").text(s.title).raw("</th>");
            h.cell(s.job >= 0 ? std::string(job_label(static_cast<size_t>(s.job), d.lang)) : h.m(Msg::REPORT_JOB_UNKNOWN));
            h.cell(range_cell(s.value, s.value_max, d.lang)).cell(jurisdiction_label(s.jurisdiction, d.lang));
            if (s.distance_known) h.num_cell(s.distance_km, 0); else h.cell("—");
            h.raw("</tr>");
        }
        h.raw("</tbody></table>");
    }
    // The alternatives, each with its one-line why; those to check say so.
    if (!r.alternatives.empty()) {
        h.raw("<table><caption>").text(h.m(Msg::REPORT_ALT_CAPTION)).raw("</caption>");
        h.head({h.m(Msg::REPORT_PLACE), h.m(Msg::REPORT_ALTERNATIVE), h.m(Msg::REPORT_ALT_STATUS), h.m(Msg::REPORT_WHY)});
        for (size_t i = 0; i < r.alternatives.size() && i < kMirrorRows; ++i) {
            const Alternative& a = r.alternatives[i];
            const std::string replaced = a.service >= 0 && static_cast<size_t>(a.service) < r.services.size() ? r.services[static_cast<size_t>(a.service)].title : "";
            h.raw("<tr>").cell(replaced).raw("<th scope=\"row\">").text(a.name).raw("</th>")
                .cell(h.m(a.to_check ? Msg::REPORT_ALT_TO_CHECK : Msg::REPORT_ALT_SURE)).cell(alternative_reason(a, d.lang)).raw("</tr>");
        }
        h.raw("</tbody></table>");
    }
    return std::move(h.s);
}

std::string audit_mirror_html(const Audit& a, Lang lang) {
    Html h{std::string(), lang};
    h.raw("<h2>").text(h.m(Msg::LENS_AUDIT));
    if (!a.first_party.empty()) h.raw(" — ").text(a.first_party);
    h.raw("</h2><p>").num(static_cast<double>(a.requests), 0).text(h.m(Msg::REPORT_REQUETES))
        .num(static_cast<double>(a.bytes) / 1024.0, 0).text(h.m(Msg::REPORT_KO));
    if (a.ecoindex) h.text(h.m(Msg::REPORT_ECOINDEX)).num(a.ecoindex->score, 0).text(" (").text(std::string(1, a.ecoindex->grade)).text(")");
    h.text(h.m(Msg::PUNCT_SEMICOLON)).num(a.co2, 2).text(h.m(Msg::REPORT_G_CO2E_VISITE))
        .num(static_cast<double>(a.third_parties.size()), 0).text(h.m(Msg::REPORT_TIERS_DONT))
        .num(static_cast<double>(a.trackers), 0).text(h.m(Msg::REPORT_TRACEURS)).raw("</p>");
    if (!a.third_parties.empty()) {
        h.raw("<table><caption>").text(h.m(Msg::REPORT_TIERS_PLUS_LOURD_PLUS_LEGER)).raw("</caption>");
        h.head({h.m(Msg::AUDIT_DOMAINE), h.m(Msg::AUDIT_SOCIETE), h.m(Msg::AUDIT_JURIDICTION), h.m(Msg::AUDIT_REQUETES),
                h.m(Msg::REPORT_TRACEUR)});
        for (size_t i = 0; i < a.third_parties.size() && i < kMirrorRows; ++i) {
            const ThirdParty& t = a.third_parties[i];
            h.raw("<tr><th scope=\"row\">").text(t.domain).raw("</th>").cell(t.company.empty() ? h.m(Msg::AUDIT_CAT_UNKNOWN) : t.company)
                .cell(jurisdiction_label(t.jurisdiction, lang)).num_cell(static_cast<double>(t.requests), 0)
                .cell(t.tracker ? h.m(Msg::DIAG_OUI) : h.m(Msg::DIAG_NON)).raw("</tr>");
        }
        h.raw("</tbody></table>");
    }
    return std::move(h.s);
}

std::string territory_mirror_html(const Assessment& a, const TerritoryScore& sc, Lang lang) {
    const Grid& g = territory_grid();
    Html h{std::string(), lang};
    h.raw("<h2>").text(h.m(Msg::REPORT_AUTOEVALUATION_TERRITOIRE_2)).num(a.year, 0).raw("</h2><p>")
        .text(h.m(Msg::REPORT_SCORE_GLOBAL)).text(part_text(sc.overall, lang)).text(" (").num(static_cast<double>(sc.overall.answered), 0)
        .text(" / ").num(static_cast<double>(sc.overall.total), 0).text(h.m(Msg::REPORT_EVALUES)).raw("</p><ul>");
    for (size_t c = 0; c < g.commitments.size() && c < sc.commitments.size(); ++c) {
        const std::string& title = g.commitments[c].title.in(lang);
        h.raw("<li>").text(h.m(Msg::REPORT_ENGAGEMENT)).text(g.commitments[c].id);
        if (!title.empty()) h.raw(" — ").text(title);
        h.raw(" : ").text(part_text(sc.commitments[c], lang)).raw("</li>");
    }
    h.raw("</ul>");
    plan_table(h, g, sc);
    return std::move(h.s);
}

std::string footprint_mirror_html(const Workspace& ws, Lang lang) {
    Html h{std::string(), lang};
    footprint_section(h, ws);
    return std::move(h.s);
}

std::string commune_mirror_html(const Atlas& atlas, size_t commune, Lang lang) {
    Html h{std::string(), lang};
    if (commune >= atlas.communes.size()) return "";
    const Atlas::Commune& c = atlas.communes[commune];
    h.raw("<h2>").text(h.m(Msg::REPORT_CARTE)).text(atlas.name(c)).raw("</h2><p>").text(h.m(Msg::REPORT_CODE_INSEE)).text(c.code)
        .text(h.m(Msg::REPORT_DEPARTEMENT)).text(atlas.departements[c.departement].name);
    if (c.epci >= 0) h.text(h.m(Msg::REPORT_INTERCOMMUNALITE)).text(atlas.epcis[static_cast<size_t>(c.epci)].name);
    h.text(h.m(Msg::PUNCT_SEMICOLON)).num(c.population, 0).text(h.m(Msg::REPORT_HABITANTS)).raw("</p>");
    return std::move(h.s);
}

namespace {
// A mirror list stops at `shown` rows and says how many more there are.
void more_rows(Html& h, size_t shown, size_t total) {
    if (total > shown) h.raw("<p>").text(format_msg(Msg::MIRROR_MORE, h.lang, static_cast<int>(total - shown))).raw("</p>");
}
}  // namespace

std::string map_mirror_html(const MapMirror& m) {
    Html h{std::string(), m.lang};
    if (m.selected >= 0 && static_cast<size_t>(m.selected) < m.atlas->communes.size()) {
        h.raw(commune_mirror_html(*m.atlas, static_cast<size_t>(m.selected), m.lang));
    } else {
        h.raw("<h2>").text(h.m(Msg::LENS_MAP)).raw("</h2><p>").text(h.m(Msg::MIRROR_NO_COMMUNE)).raw("</p>");
    }
    if (m.overlay != nullptr && !m.overlay->flows.empty()) {
        const std::vector<MapFlow>& flows = m.overlay->flows;
        h.raw("<table><caption>").text(h.m(Msg::MIRROR_MAP_FLOWS)).raw("</caption>");
        h.head({h.m(Msg::MIRROR_FLOW), h.m(Msg::AUDIT_JURIDICTION), h.m(Msg::REPORT_DISTANCE_KM)});
        for (size_t i = 0; i < flows.size() && i < kMirrorRows; ++i) {
            const MapFlow& f = flows[i];
            h.raw("<tr><th scope=\"row\">").text(f.label.empty() ? "—" : f.label).raw("</th>")
                .cell(jurisdiction_label(f.jurisdiction, m.lang)).num_cell(geo::distance_m_unchecked(f.from, f.to) / 1000.0, 0)
                .raw("</tr>");
        }
        h.raw("</tbody></table>");
        more_rows(h, kMirrorRows, flows.size());
    }
    if (m.overlay != nullptr && !m.overlay->markers.empty()) {
        const std::vector<MapMarker>& markers = m.overlay->markers;
        h.raw("<h3>").text(h.m(Msg::MIRROR_MAP_MARKERS)).raw("</h3><ul>");
        for (size_t i = 0; i < markers.size() && i < kMirrorRows; ++i) {
            h.raw("<li>").text(markers[i].label.empty() ? "—" : markers[i].label).raw("</li>");
        }
        h.raw("</ul>");
        more_rows(h, kMirrorRows, markers.size());
    }
    if (m.choropleth != nullptr && !m.choropleth->breaks.empty()) {
        const Choropleth& ch = *m.choropleth;
        h.raw("<table><caption>").text(m.choropleth_title).raw("</caption>");
        h.head({h.m(Msg::MIRROR_CLASS), h.m(Msg::MIRROR_FROM), h.m(Msg::MIRROR_TO)});
        for (size_t k = 0; k + 1 < ch.breaks.size(); ++k) {
            h.raw("<tr><th scope=\"row\">").num(static_cast<double>(k + 1), 0).raw("</th>")
                .cell(format_value(ch.breaks[k], m.lang)).cell(format_value(ch.breaks[k + 1], m.lang)).raw("</tr>");
        }
        h.raw("</tbody></table><p>").text(format_msg(Msg::MIRROR_CHOROPLETH_COUNT, m.lang, static_cast<int>(ch.with_value)))
            .raw("</p>");
    }
    return std::move(h.s);
}

std::string observatory_mirror_html(const Aggregate* a, const std::string& batch, Lang lang) {
    Html h{std::string(), lang};
    h.raw("<h2>").text(h.m(Msg::TERR_OBSERVATOIRE)).raw("</h2>");
    if (!batch.empty()) h.raw("<p>").text(batch).raw("</p>");
    if (a == nullptr) {
        h.raw("<p>").text(h.m(Msg::TERR_AUCUN_RESUME_IMPORTE_INDICATEURS_COMMUNE)).raw("</p>");
        return std::move(h.s);
    }
    h.raw("<p>").text(format_msg(Msg::TERR_U_CONTRIBUTIONS, lang, static_cast<unsigned>(a->contributions))).raw("</p>");
    const unsigned masked = a->masked_areas[static_cast<size_t>(AreaLevel::Commune)] +
                            a->masked_areas[static_cast<size_t>(AreaLevel::Epci)] +
                            a->masked_areas[static_cast<size_t>(AreaLevel::All)];
    if (masked > 0) {
        h.raw("<p>").text(format_msg(Msg::TERR_U_ZONES_NE_SONT_PAS, lang, masked, a->threshold,
                                     a->masked_secondary > 0 ? h.m(Msg::TERR_AUCUNE_PETITE_ZONE_NE_SE) : ""))
            .raw("</p>");
    }
    if (a->areas.empty()) {
        h.raw("<p>").text(format_msg(Msg::TERR_RIEN_AFFICHER_IL_FAUT_MOINS, lang, a->threshold)).raw("</p>");
        return std::move(h.s);
    }
    h.raw("<table><caption>").text(h.m(Msg::TERR_OBSERVATOIRE)).raw("</caption>");
    h.head({h.m(Msg::TERR_ZONE), h.m(Msg::TERR_INDICATOR_CONTRIBUTIONS), h.m(Msg::TERR_INDICATOR_SCORE),
            h.m(Msg::TERR_HORS_UE), h.m(Msg::TERR_INDICATOR_MATURITY)});
    for (size_t i = 0; i < a->areas.size() && i < kMirrorRows; ++i) {
        const Area& ar = a->areas[i];
        const AreaStats& st = ar.stats;
        h.raw("<tr><th scope=\"row\">");
        if (ar.level == AreaLevel::All) h.text(h.m(Msg::TERR_ENSEMBLE_2));
        else h.text(ar.name + " (" + (ar.level == AreaLevel::Epci ? std::string("EPCI") : ar.code) + ")");
        h.raw("</th>").num_cell(st.count, 0);
        if (st.diagnostic_count) h.num_cell(st.diagnostic_sum / st.diagnostic_count, 0); else h.cell("—");
        const double outside = st.jurisdictions[static_cast<size_t>(Jurisdiction::US)] +
                               st.jurisdictions[static_cast<size_t>(Jurisdiction::Other)];
        if (st.services > 0) h.raw("<td class=\"n\">").num(outside / st.services * 100, 0).raw(" %</td>"); else h.cell("—");
        if (st.territory_count) h.num_cell(st.territory_sum / st.territory_count, 0); else h.cell("—");
        h.raw("</tr>");
    }
    h.raw("</tbody></table>");
    more_rows(h, kMirrorRows, a->areas.size());
    return std::move(h.s);
}

}  // namespace px

