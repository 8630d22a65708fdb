// jobs.cpp — lookups over the compiled job table (jobs.h).
#include "core/diagnostic/jobs.h"

#include <cassert>  // assert

namespace px {

bool job_from_code(std::string_view code, size_t& out) {
    for (size_t i = 0; i < kJobCount; ++i) {
        if (code == kJobs[i].id) {
            out = i;
            return true;
        }
    }
    return false;
}

const char* job_code(size_t job) {
    assert(job < kJobCount && "job index out of the table");
    return kJobs[job].id;
}

const char* job_label(size_t job, Lang lang) {
    assert(job < kJobCount && "job index out of the table");
    return lang == Lang::En ? kJobs[job].label_en : kJobs[job].label_fr;
}

std::string job_codes(uint64_t mask) {
    std::string out;
    for (size_t i = 0; i < kJobCount; ++i) {
        if (!(mask & job_bit(i))) continue;
        if (!out.empty()) out += ", ";
        out += kJobs[i].id;
    }
    return out;
}

bool serves_from_code(std::string_view code, uint8_t& out) {
    if (code == "all") out = kServesAll;
    else if (code == "tpe") out = kServesTpe;
    else if (code == "association") out = kServesAssociation;
    else if (code == "public") out = kServesPublic;
    else return false;
    return true;
}

}  // namespace px
