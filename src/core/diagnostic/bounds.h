// bounds.h — the diagnostic's arithmetic on what is known and what is not: every value is an
// interval [low, high] (equal when known), every weighted mean has a floor and a ceiling, and one
// rule says whether a candidate is a better way to do the same job. Pure functions of numbers:
// scoring.h feeds them; the method page's worked examples are their tests (diagnostic_test).
//
//   px::Bounds v{20, 20}, u{0, 100};                 // known 20; unknown
//   px::MeanBounds m = px::weighted_mean_bounds(items); // floor: unknowns low, weights against you
//   px::Verdict d = px::compare_candidate(now, cand, weights);
//   if (d.kind == px::Verdict::Better) …             // +d.gain_floor points, sure
//
// The rule (web/methode.html, "Alternatives"), in one place:
//   - compare over every axis with a weight (W_a > 0), each side at its bounds;
//   - refused when the candidate is surely worse on a weighted axis (its ceiling under the
//     current service's floor: both known and lower, or worse whatever the unknowns);
//   - gain_floor = Σ W_a (cand.low − now.low) / Σ W: both sides at their pessimistic bound;
//   - gain_sure  = the same, but where the candidate's floor is above the current floor, against
//     the current service's ceiling: a gain that holds whatever the current service's unknowns;
//   - gain_max   = Σ W_a (cand.high − now.low) / Σ W: the most the change could bring;
//   - Better when gain_sure ≥ 10 (one grade band). ToCheck when not, but the candidate is surely
//     better on at least one weighted axis (its floor above the current ceiling) and gain_max
//     reaches 10: the gain rests on unknowns, named in `check_*`. Else Refused: a candidate
//     better only in hope (nothing known in its favour) is never listed.
//   Ranking (score.cpp): by gain_floor, so a candidate with facts comes before one without.
// Does NOT know services, providers or words.
#pragma once

#include <array>    // std::array
#include <cstddef>  // size_t
#include <cstdint>  // uint8_t
#include <vector>   // std::vector

namespace px {

constexpr size_t kBoundsAxes = 5;         // = kAxisCount (workspace.h), checked there
constexpr double kMinGainPoints = 10.0;   // one grade band

struct Bounds {
    double low = 0, high = 100;  // 0 ≤ low ≤ high ≤ 100
    bool known() const { return low == high; }
};

// One term of a weighted mean: its value's bounds and its weight's bounds (wlow > 0).
struct MeanItem {
    Bounds value;
    double wlow = 1, whigh = 1;
};
struct MeanBounds {
    double low = 0, high = 100;
    std::vector<double> wfloor;  // the weight of each item in the floor's solution
};
// The least and the greatest Σ w v / Σ w over every value and weight within bounds (the floor
// takes each value at its low and gives the high weight to the items under the result: a
// threshold in sorted order, O(n log n)). Empty: {0, 100}.
MeanBounds weighted_mean_bounds(const std::vector<MeanItem>& items);

using AxisBounds = std::array<Bounds, kBoundsAxes>;
using AxisWeights = std::array<double, kBoundsAxes>;

struct Verdict {
    enum Kind : uint8_t { Refused, Better, ToCheck } kind = Refused;
    double gain_floor = 0, gain_sure = 0, gain_max = 0;  // points of the service's 0–100 value
    int main_axis = -1;          // the axis that brings most of gain_floor (> 0), or -1
    uint8_t worse_axes = 0;      // bits: axes where the candidate is surely worse (Refused)
    uint8_t better_axes = 0;     // bits: axes where it is surely better (its floor above the ceiling)
    uint8_t check_candidate = 0; // bits: the candidate's unknowns where the current service is known
    uint8_t check_current = 0;   // bits: the current service's unknowns where the candidate's floor is higher
};
Verdict compare_candidate(const AxisBounds& now, const AxisBounds& cand, const AxisWeights& w);

// The service's value over the weighted axes: Σ W_a bound_a / Σ W (low and high).
Bounds service_bounds(const AxisBounds& v, const AxisWeights& w);

}  // namespace px
