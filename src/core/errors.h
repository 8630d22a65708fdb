// errors.h — every error Proxinum reports, as one table of ids with French and English wording.
//
//   px::Error e = px::make_error(px::Err::CLI_BAD_NUMBER, {"args", 0, 2}, "", "abc");
//   std::string text = px::format_error(e, px::Lang::Fr);   // "args:0:2: nombre invalide : abc"
//   px::Result<double> r = parse(...); double v; if (r.get(v) != px::Err::OK) { ... }
//
// Data errors are values, never exceptions (a throw aborts the wasm app). The location is as
// precise as the reader can make it: FILE:LINE:COL for text, FILE:@BYTE for streams and binary,
// plus the JSON Pointer of the field when there is one. docs/errors.md lists every id.
// Does NOT print anything: the CLI and the UI decide where messages go.
#pragma once

#include <cstdint>  // uint64_t
#include <string>   // std::string
#include <utility>  // std::move

#include "core/i18n.h"  // px::Lang

namespace px {

// PX_ERR(ID, French text, English text). A "%s" in the text receives Error::detail.
#define PX_ERROR_TABLE(PX_ERR)                                                              \
    PX_ERR(OK, "pas d'erreur", "no error")                                                  \
    PX_ERR(CLI_UNKNOWN_COMMAND, "commande inconnue : %s", "unknown command: %s")            \
    PX_ERR(CLI_MISSING_ARGUMENT, "argument manquant : %s", "missing argument: %s")          \
    PX_ERR(CLI_UNKNOWN_OPTION, "option inconnue : %s", "unknown option: %s")                \
    PX_ERR(CLI_BAD_NUMBER, "nombre invalide : %s", "invalid number: %s")                    \
    PX_ERR(CLI_BAD_DATE, "date invalide : %s (attendu AAAA-MM-JJ)", "invalid date: %s (expected YYYY-MM-DD)") \
    PX_ERR(GEO_BAD_COORDINATE, "coordonnée invalide : %s", "invalid coordinate: %s")         \
    PX_ERR(GEO_OUT_OF_DOMAIN, "hors du domaine de la projection : %s",                      \
           "outside the projection's domain: %s")                                            \
    PX_ERR(GEO_UNKNOWN_CRS, "système de coordonnées inconnu : %s (EPSG:2154 ou EPSG:3857)",  \
           "unknown coordinate system: %s (EPSG:2154 or EPSG:3857)")                          \
    PX_ERR(ATLAS_BAD_MAGIC, "ce n'est pas un atlas Proxinum", "not a Proxinum atlas")       \
    PX_ERR(ATLAS_BAD_VERSION, "version d'atlas non prise en charge : %s",                    \
           "unsupported atlas version: %s")                                                  \
    PX_ERR(ATLAS_TRUNCATED, "atlas tronqué (%s)", "truncated atlas (%s)")                    \
    PX_ERR(ATLAS_CORRUPT, "atlas corrompu (%s)", "corrupt atlas (%s)")                       \
    PX_ERR(JSON_SYNTAX, "JSON invalide", "invalid JSON")                                     \
    PX_ERR(JSON_TOO_DEEP, "JSON trop imbriqué (plus de %s niveaux)",                          \
           "JSON nested too deeply (more than %s levels)")                                   \
    PX_ERR(FIELD_MISSING, "champ manquant", "missing field")                                  \
    PX_ERR(FIELD_TYPE, "type inattendu : %s attendu", "unexpected type: %s expected")        \
    PX_ERR(FIELD_VALUE, "valeur invalide : %s", "invalid value: %s")                          \
    PX_ERR(TOO_MANY, "trop d'éléments (au plus %s)", "too many items (at most %s)")           \
    PX_ERR(WORKSPACE_VERSION, "version d'espace de travail non prise en charge : %s (Proxinum lit les versions 1 et 2)", \
           "unsupported workspace version: %s (Proxinum reads versions 1 and 2)")                   \
    PX_ERR(CATALOG_UNKNOWN_PROVIDER, "fournisseur inconnu : %s (absent des catalogues chargés)", \
           "unknown provider: %s (in no loaded catalog)")                                    \
    PX_ERR(COMMUNE_UNKNOWN, "commune inconnue : %s (code INSEE)", "unknown commune: %s (INSEE code)") \
    PX_ERR(FACT_UNSOURCED, "fait sans source : %s", "fact without a source: %s")             \
    PX_ERR(FILE_UNREADABLE, "fichier illisible : %s", "cannot read the file: %s")            \
    PX_ERR(FILE_TOO_BIG, "fichier trop volumineux (au plus %s octets)", "file too large (at most %s bytes)") \
    PX_ERR(FILE_FORMAT, "format de fichier non reconnu : %s", "unrecognised file format: %s") \
    PX_ERR(CSV_EMPTY, "fichier CSV vide", "empty CSV file")                                 \
    PX_ERR(CSV_TOO_BIG, "fichier trop volumineux (au plus %s octets)",                      \
           "file too large (at most %s bytes)")                                             \
    PX_ERR(CSV_UTF16, "fichier en UTF-16 : enregistrez le fichier en UTF-8",                \
           "UTF-16 file: save the file as UTF-8")                                           \
    PX_ERR(CSV_NUL, "octet nul : fichier binaire ou UTF-16 sans BOM",                       \
           "NUL byte: a binary file or UTF-16 without a BOM")                               \
    PX_ERR(CSV_BAD_UTF8, "UTF-8 invalide malgré le BOM UTF-8 du fichier",                   \
           "invalid UTF-8 despite the file's UTF-8 BOM")                                    \
    PX_ERR(CSV_BAD_BYTE, "octet %s non défini en Windows-1252 : enregistrez en UTF-8",      \
           "byte %s undefined in Windows-1252: save as UTF-8")                              \
    PX_ERR(CSV_UNTERMINATED_QUOTE, "guillemet jamais refermé", "quote never closed")        \
    PX_ERR(CSV_AFTER_QUOTE, "texte entre un guillemet fermant et le séparateur",            \
           "text between a closing quote and the delimiter")                                \
    PX_ERR(CSV_FIELD_COUNT, "nombre de champs inattendu : %s (trouvés/attendus)",           \
           "unexpected number of fields: %s (found/expected)")                              \
    PX_ERR(CSV_FIELD_TOO_LONG, "champ trop long (au plus %s octets)",                       \
           "field too long (at most %s bytes)")                                             \
    PX_ERR(SUMMARY_FIELD, "champ non prévu dans un résumé anonyme : %s",                   \
           "field not allowed in an anonymous summary: %s")                                 \
    PX_ERR(SUMMARY_TOTALS, "totaux incohérents : %s (fichier modifié ?)",                   \
           "inconsistent totals: %s (was the file edited?)")                                \
    PX_ERR(SUMMARY_VERSION, "version de résumé non prise en charge : %s (Proxinum lit la version 1)", \
           "unsupported summary version: %s (Proxinum reads version 1)")                    \
    PX_ERR(SUMMARY_NO_UID, "l'espace de travail n'a pas d'identifiant « uid » : ouvrez-le dans Proxinum, ou ajoutez --new-uid (une organisation doit toujours garder le même)", \
           "the workspace has no \"uid\": open it in Proxinum, or add --new-uid (an organisation must always keep the same one)") \
    PX_ERR(SUMMARY_DUPLICATE, "résumé déjà compté : même identifiant que %s",               \
           "summary already counted: same identifier as %s")                                \
    PX_ERR(SEARCH_EMPTY, "recherche vide : saisissez un nom, un code INSEE ou un code postal",  \
           "empty search: type a name, an INSEE code or a postal code")

enum class Err : int {
#define PX_ERR_ENUM(id, fr, en) id,
    PX_ERROR_TABLE(PX_ERR_ENUM)
#undef PX_ERR_ENUM
        COUNT
};

// Where in the input an error lies. line/col start at 1; 0 means "unknown".
// byte_offset is used instead of line:col for streamed or binary input (has_byte_offset).
struct Location {
    std::string file;
    uint64_t line = 0;
    uint64_t col = 0;
    uint64_t byte_offset = 0;
    bool has_byte_offset = false;
};

struct Error {
    Err code = Err::OK;
    Location where;
    std::string json_pointer;  // "/log/entries/12/response/bodySize", or empty
    std::string detail;        // substituted for "%s" in the message
};

const char* error_id(Err code);                  // "CLI_BAD_NUMBER"
const char* error_text(Err code, Lang lang);     // the raw table text, "%s" included
std::string error_message(const Error& e, Lang lang);  // text with detail and JSON Pointer
// "FILE:LINE:COL: message", "FILE:@BYTE: message" or just "message" without a location.
std::string format_error(const Error& e, Lang lang);

inline Error make_error(Err code, Location where = {}, std::string json_pointer = {},
                        std::string detail = {}) {
    return Error{code, std::move(where), std::move(json_pointer), std::move(detail)};
}

// A value or an error, without exceptions (simdjson's pattern).
template <typename T>
class Result {
public:
    Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
    Result(Error error) : error_(std::move(error)) {}  // NOLINT
    bool ok() const { return error_.code == Err::OK; }
    const Error& error() const { return error_; }
    // Moves the value into `out` when there is one; returns the error code either way.
    Err get(T& out) {
        if (ok()) out = std::move(value_);
        return error_.code;
    }
    const T& value() const { return value_; }

private:
    T value_{};
    Error error_{};
};

}  // namespace px
