// bounds.cpp — floors, ceilings and the candidate rule (bounds.h).
#include "core/diagnostic/bounds.h"

#include <algorithm>  // std::sort
#include <numeric>    // std::iota

namespace px {

namespace {
// The least (or, with `greatest`, the greatest) weighted mean: values at their low (high), and a
// threshold k in the order of values: the k first items (the lowest, or the highest) weigh
// their most, the others their least.
double extreme_mean(const std::vector<MeanItem>& items, bool greatest, std::vector<double>* weights) {
    const size_t n = items.size();
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), size_t{0});
    auto val = [&](size_t i) { return greatest ? items[i].value.high : items[i].value.low; };
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return greatest ? val(a) > val(b) : val(a) < val(b);
    });
    // Start with every weight at its least, then give the most to one more item at a time.
    double sw = 0, swv = 0;
    for (size_t i = 0; i < n; ++i) {
        sw += items[i].wlow;
        swv += items[i].wlow * val(i);
    }
    double best = swv / sw;
    size_t best_k = 0;
    for (size_t k = 0; k < n; ++k) {
        const size_t i = order[k];
        sw += items[i].whigh - items[i].wlow;
        swv += (items[i].whigh - items[i].wlow) * val(i);
        const double m = swv / sw;
        if (greatest ? m > best : m < best) {
            best = m;
            best_k = k + 1;
        }
    }
    if (weights) {
        weights->assign(n, 0);
        for (size_t k = 0; k < n; ++k) (*weights)[order[k]] = k < best_k ? items[order[k]].whigh : items[order[k]].wlow;
    }
    return best;
}
}  // namespace

MeanBounds weighted_mean_bounds(const std::vector<MeanItem>& items) {
    MeanBounds m;
    if (items.empty()) return m;
    m.low = extreme_mean(items, false, &m.wfloor);
    m.high = extreme_mean(items, true, nullptr);
    return m;
}

Bounds service_bounds(const AxisBounds& v, const AxisWeights& w) {
    double sw = 0, lo = 0, hi = 0;
    for (size_t a = 0; a < kBoundsAxes; ++a) {
        if (w[a] <= 0) continue;
        sw += w[a];
        lo += w[a] * v[a].low;
        hi += w[a] * v[a].high;
    }
    if (sw <= 0) return {};
    return {lo / sw, hi / sw};
}

Verdict compare_candidate(const AxisBounds& now, const AxisBounds& cand, const AxisWeights& w) {
    Verdict d;
    double sw = 0;
    for (double x : w) sw += x > 0 ? x : 0;
    if (sw <= 0) return d;
    double best_axis_gain = 0;
    for (size_t a = 0; a < kBoundsAxes; ++a) {
        if (w[a] <= 0) continue;
        const Bounds& n = now[a];
        const Bounds& c = cand[a];
        if (c.high < n.low) d.worse_axes = static_cast<uint8_t>(d.worse_axes | (1u << a));
        if (c.low > n.high) d.better_axes = static_cast<uint8_t>(d.better_axes | (1u << a));
        const double floor = c.low - n.low;
        d.gain_floor += w[a] * floor;
        d.gain_sure += w[a] * (floor > 0 ? c.low - n.high : floor);
        d.gain_max += w[a] * (c.high - n.low);
        // What to check: the candidate's unknown where the current service is known (its facts decide
        // whether it is better there), the current service's unknown where the candidate's floor is
        // above the current one (your own answer decides). Where both are unknown they cancel out.
        if (!c.known() && n.known() && c.high > n.low) d.check_candidate = static_cast<uint8_t>(d.check_candidate | (1u << a));
        if (!n.known() && c.low > n.low) d.check_current = static_cast<uint8_t>(d.check_current | (1u << a));
        if (w[a] * floor > best_axis_gain) {
            best_axis_gain = w[a] * floor;
            d.main_axis = static_cast<int>(a);
        }
    }
    d.gain_floor /= sw;
    d.gain_sure /= sw;
    d.gain_max /= sw;
    if (d.worse_axes) d.kind = Verdict::Refused;
    else if (d.gain_sure >= kMinGainPoints) d.kind = Verdict::Better;
    else if (d.better_axes && d.gain_max >= kMinGainPoints) d.kind = Verdict::ToCheck;
    if (d.kind == Verdict::Better) d.check_candidate = d.check_current = 0;
    return d;
}

}  // namespace px
