// ecoindex.h — the Ecoindex of a page (ecoindex.fr) and the Sustainable Web Design v4 estimate of
// CO2 per visit (the default model of CO2.js), from constants the project wrote down with their
// sources in data/audit/methods.json (compiled into assets/audit_methods.cpp at build time).
//
//   px::Ecoindex e = px::ecoindex(600, 40, 1024.0);   // score 60.92, grade 'C', ghg 1.78 g, water 2.67 cl
//   double g = px::swd_grams_per_visit(1'000'000, false);   // 0.1482 g CO2e
//
// Ecoindex: each input's position q in its 20 quantile bands (interpolated), then
// 100 − 5 × (3·q_dom + 2·q_req + q_size) / 6; grades at > 80 / 70 / 55 / 40 / 25 / 10;
// greenhouse gases 2 + 2 × (50 − score) / 100 g CO2e and water 3 + 3 × (50 − score) / 100 cl per
// visit. Results equal the reference JS package's (npm ecoindex 2.0.1, a test oracle only).
// SWD v4: bytes / 1e9 GB × Σ segments' kWh/GB × 494 g/kWh, the data centre's operational part
// dropped for green hosting; per visit = per byte (first visit ratio 1).
// Does NOT round: the UI and the reports format.
#pragma once

#include <cstdint>  // uint64_t
#include <string>   // std::string

namespace px {

struct EcoindexConstants {
    double dom[21], requests[21], size_kb[21];
    double weight_dom, weight_requests, weight_size;
    char grades[7];
    double grade_above[7];
    double ghg_at_50, ghg_per_point, water_at_50, water_per_point;
};
struct SwdConstants {
    double op_dc, op_net, op_dev, emb_dc, emb_net, emb_dev;  // kWh per GB
    double grid;                                              // g CO2e per kWh
    double bytes_per_gb;
    double rating_at_most[6];                                 // A+, A, B, C, D, E; beyond: F
};
extern const EcoindexConstants kEcoindex;  // assets/audit_methods.cpp
extern const SwdConstants kSwd;

struct Ecoindex {
    double score = 0;  // 0..100
    char grade = 'G';
    double ghg = 0;    // g CO2e per visit
    double water = 0;  // cl per visit
};

double ecoindex_quantile(const double (&quantiles)[21], double value);
Ecoindex ecoindex(double dom, double requests, double size_kb);
// Grade, gases and water from a score (the mean of several pages' scores, say).
Ecoindex ecoindex_from_score(double score);
double swd_grams_per_visit(double bytes, bool green);
const char* swd_rating(double grams);  // "A+" .. "F"

}  // namespace px
