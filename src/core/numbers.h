// numbers.h — numbers typed on the command line: a finite decimal number that is the whole
// argument, with '.' as the decimal separator (the CLI sets LC_NUMERIC to "C").
//
//   double v;  if (!px::parse_number_arg("46.3239", v)) ...   // "1e3" yes; "12 km", "nan", "" no
//
// Does NOT accept a decimal comma: spreadsheets' numbers go through csv.h's parse_decimal.
#pragma once

#include <string_view>  // std::string_view

namespace px {

bool parse_number_arg(std::string_view text, double& out);

}  // namespace px
