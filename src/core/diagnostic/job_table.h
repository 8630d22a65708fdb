// job_table.h — what tools/diagnostic/compile_jobs.cpp writes into assets/jobs_data.cpp at build
// time from data/diagnostic/jobs.json: the jobs (usages) a service does, below the categories.
// Read it through core/diagnostic/jobs.h, which gives lookups by code and the words in a language.
// Does NOT depend on anything of Proxinum but the Category type, forward-declared.
#pragma once

#include <cstddef>  // size_t
#include <cstdint>  // uint8_t

namespace px {

enum class Category : uint8_t;  // core/catalog.h

// Who a job, a provider or a product serves (bits; 0 on a provider or product: as its jobs say).
enum ServesBits : uint8_t {
    kServesTpe = 1u << 0,          // "tpe": very small businesses, shops, crafts
    kServesAssociation = 1u << 1,  // "association"
    kServesPublic = 1u << 2,       // "public": commune, EPCI, département
    kServesAll = kServesTpe | kServesAssociation | kServesPublic,  // "all"
};

struct JobInfo {
    const char* id;          // "mailbox": the code files use
    Category category;       // the category it belongs to (email)
    const char* label_fr;    // "Messagerie et agenda"
    const char* label_en;    // "Mailbox and calendar"
    uint8_t serves;          // ServesBits
    const char* migration;   // "IMAP, CalDAV, CardDAV": the open ways out, "" when none
};
extern const JobInfo kJobs[];
extern const size_t kJobCount;  // at most 64: a provider's jobs are one uint64_t

}  // namespace px
