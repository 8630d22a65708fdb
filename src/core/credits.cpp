// credits.cpp — the list behind credits.h. Versions are those tools/setup installs.
#include "core/credits.h"

namespace px {

namespace {
constexpr Credit kCredits[] = {
    {CreditKind::Shipped, "Dear ImGui", "1.90.1", "MIT", "Omar Cornut",
     "https://github.com/ocornut/imgui (paquet source Debian imgui)",
     "Interface graphique", "User interface"},
    {CreditKind::Shipped, "Emscripten", "3.1.6", "MIT OR NCSA", "Emscripten authors",
     "https://emscripten.org (paquet Debian emscripten)",
     "Compilation vers WebAssembly, émulation GLFW et WebGL2",
     "Compilation to WebAssembly, GLFW and WebGL2 emulation"},
    {CreditKind::Shipped, "DejaVu Sans", "2.37", "Bitstream-Vera AND LicenseRef-Arev-Fonts",
     "DejaVu fonts team, Bitstream, Tavmjong Bah",
     "https://dejavu-fonts.github.io (paquet Debian fonts-dejavu-core)",
     "Police de caractères (sous-ensemble latin)", "Typeface (Latin subset)"},
    {CreditKind::Shipped, "JSON for Modern C++", "3.11.2", "MIT", "Niels Lohmann",
     "https://github.com/nlohmann/json (paquet Debian nlohmann-json3-dev)",
     "Lecture et écriture JSON", "JSON reading and writing"},
    {CreditKind::Shipped, "GeographicLib", "2.1.2", "MIT", "Charles Karney",
     "https://geographiclib.sourceforge.io (paquet source Debian geographiclib)",
     "Géodésiques WGS84, projection conique conforme de Lambert",
     "WGS84 geodesics, Lambert conformal conic projection"},
    {CreditKind::Shipped, "earcut.hpp", "1.0.1 (mapbox)", "ISC", "Mapbox",
     "https://github.com/mapbox/earcut.hpp (paquet source Debian python-mapbox-earcut)",
     "Triangulation des pays", "Triangulation of countries"},
    {CreditKind::Tool, "PROJ (cs2cs), GeographicLib (GeodSolve)", "9.1.1, 2.1.2", "MIT", "PROJ contributors, Charles Karney",
     "https://proj.org (paquets Debian proj-bin, geographiclib-tools)",
     "Oracles des tests de projection et de distance", "Oracles of the projection and distance tests"},
    {CreditKind::Tool, "fontTools (pyftsubset)", "4.38", "MIT", "fontTools authors",
     "https://github.com/fonttools/fonttools (paquet Debian fonttools)",
     "Réduction de la police à la construction", "Font subsetting at build time"},
    {CreditKind::Tool, "doctest", "2.4.9", "MIT", "Viktor Kirilov",
     "https://github.com/doctest/doctest (paquet Debian doctest-dev)",
     "Tests unitaires", "Unit tests"},
    {CreditKind::Tool, "Chromium", "Debian", "BSD-3-Clause", "The Chromium Authors",
     "https://www.chromium.org (paquet Debian chromium)",
     "Tests de bout en bout", "End-to-end tests"},
    {CreditKind::Tool, "Playwright (playwright-core)", "1.64.1", "Apache-2.0", "Microsoft",
     "https://playwright.dev (paquet npm playwright-core)",
     "Pilotage du navigateur dans les tests", "Browser automation in tests"},
};
}  // namespace

CreditList credits() { return CreditList{kCredits, sizeof(kCredits) / sizeof(kCredits[0])}; }

}  // namespace px
