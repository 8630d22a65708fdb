// ecoindex.cpp — see ecoindex.h.
#include "core/audit/ecoindex.h"

namespace px {

double ecoindex_quantile(const double (&q)[21], double value) {
    for (int i = 1; i < 21; ++i) {
        if (value < q[i]) return (i - 1) + (value - q[i - 1]) / (q[i] - q[i - 1]);
    }
    return 20;
}

Ecoindex ecoindex(double dom, double requests, double size_kb) {
    const EcoindexConstants& k = kEcoindex;
    const double q_dom = ecoindex_quantile(k.dom, dom);
    const double q_req = ecoindex_quantile(k.requests, requests);
    const double q_size = ecoindex_quantile(k.size_kb, size_kb);
    const double weights = k.weight_dom + k.weight_requests + k.weight_size;
    return ecoindex_from_score(100 - 5 * (k.weight_dom * q_dom + k.weight_requests * q_req + k.weight_size * q_size) / weights);
}

Ecoindex ecoindex_from_score(double score) {
    const EcoindexConstants& k = kEcoindex;
    Ecoindex e;
    e.score = score;
    e.grade = k.grades[6];
    for (int i = 0; i < 7; ++i) {
        if (e.score > k.grade_above[i]) {
            e.grade = k.grades[i];
            break;
        }
    }
    e.ghg = k.ghg_at_50 + k.ghg_per_point * (50 - e.score);
    e.water = k.water_at_50 + k.water_per_point * (50 - e.score);
    return e;
}

double swd_grams_per_visit(double bytes, bool green) {
    if (bytes < 1) return 0;
    const SwdConstants& k = kSwd;
    const double gb = bytes / k.bytes_per_gb;
    const double operational = gb * ((green ? 0.0 : k.op_dc) + k.op_net + k.op_dev) * k.grid;
    const double embodied = gb * (k.emb_dc + k.emb_net + k.emb_dev) * k.grid;
    return operational + embodied;
}

const char* swd_rating(double grams) {
    static const char* const kNames[] = {"A+", "A", "B", "C", "D", "E"};
    for (int i = 0; i < 6; ++i) {
        if (grams <= kSwd.rating_at_most[i]) return kNames[i];
    }
    return "F";
}

}  // namespace px
