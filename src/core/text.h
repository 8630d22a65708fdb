// text.h — folding of French place names for search: case, accents, ligatures and punctuation
// are ignored, so "chatellerault", "CHÂTELLERAULT" and "Châtellerault" compare equal, and
// "l'ile-d'yeu" finds "L'Île-d'Yeu".
//
//   px::fold_for_search("Saint-Maixent-l'École")  == "saint maixent l ecole"
//
// Covers ASCII, Latin-1 Supplement, Latin Extended-A (œ, Œ, ÿ, ł…) and typographic apostrophes and
// dashes; any other character is kept as is (lower-cased when ASCII). Does NOT transliterate
// other scripts.
#pragma once

#include <string>       // std::string
#include <string_view>  // std::string_view

namespace px {

std::string fold_for_search(std::string_view utf8);

}  // namespace px
