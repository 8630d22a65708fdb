// jobs.h — the jobs (usages) a digital service does for an organisation: mailbox, newsletter,
// video conferencing, online shop… (data/diagnostic/jobs.json, compiled at build time). They sit
// below the 15 categories: an alternative must share a job with the service it replaces, never
// merely its category (Gmail is a mailbox; Brevo a newsletter sender: both are "email").
//
//   size_t j;
//   if (px::job_from_code("mailbox", j)) printf("%s\n", px::job_label(j, px::Lang::Fr));
//   uint64_t mask = px::job_bit(j);                     // Provider::jobs, Product::jobs
//   if (px::serves_kind(px::kJobs[j].serves, px::OrgKind::Tpe)) …
//
// Does NOT decide which job a workspace service does (scoring resolves it: the service's own
// "job", else its product's, else its provider's only job in the service's category).
#pragma once

#include <cstddef>      // size_t
#include <cstdint>      // uint8_t, uint64_t
#include <string>       // std::string
#include <string_view>  // std::string_view

#include "core/diagnostic/job_table.h"
#include "core/i18n.h"  // px::Lang

namespace px {

constexpr size_t kMaxJobs = 64;

inline uint64_t job_bit(size_t job) { return uint64_t{1} << job; }
bool job_from_code(std::string_view code, size_t& out);
const char* job_code(size_t job);
const char* job_label(size_t job, Lang lang);
// "mailbox, newsletter…": the codes of a mask, in table order, for error hints and files.
std::string job_codes(uint64_t mask);

// The ServesBits codes: "all", "tpe", "association", "public".
bool serves_from_code(std::string_view code, uint8_t& out);

}  // namespace px
