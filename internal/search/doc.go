// Package search is the catalogue's full-text search: an immutable,
// in-memory index over published services that understands everyday German.
// It has no SQL and no HTTP, so results are the same on every database
// engine by construction; the catalog service rebuilds the index when the
// catalogue version changes.
//
// The pipeline, applied identically to documents and queries:
//
//  1. Tokenise on anything that is not a letter or digit; hyphenated words
//     are also indexed joined ("Gewerbe-Anmeldung" -> "gewerbeanmeldung").
//
//  2. Fold: lower case, ß -> ss, accents stripped, and umlauts in both
//     spellings merged, as Snowball's "german2" variant does: ä, ae and a
//     become the same letter, so "Führerschein", "Fuehrerschein",
//     "FÜHRERSCHEIN" and "Fuhrerschein" meet.
//
//  3. Drop stop words (German and a few English).
//
//  4. Stem with the Snowball German stemmer (stem.go).
//
//  5. Split compounds against the index's own vocabulary plus a curated
//     list of word parts (compound.go), honouring the linking elements
//     -s-, -es-, -n-, -en-, -e-. Documents index the tails and modifiers of
//     their compounds at a discount, so "Parkausweis" finds
//     "Bewohnerparkausweis"; a query compound unknown to the index is
//     searched as its parts.
//
//  6. Synonyms: curated groups (synonyms.txt) become group terms ("#g12")
//     on both sides, so multi-word entries ("wohnsitz anmelden") work too.
//     The documents' own keywords are a weighted field.
//
//  7. Typo tolerance: a query word unknown to the index is corrected to the
//     nearest known word within Damerau-Levenshtein distance 1 (length >= 4)
//     or 2 (length >= 8); a word found in one document only also matches a
//     frequent neighbour. Candidates come from a deletion index built once
//     (deletes.go: every known word's strings with up to two bytes deleted)
//     and are then measured exactly, so no vocabulary scan is needed.
//
//  8. The last query word also matches as a prefix (type-ahead).
//
//  9. Two or three neighbouring query words are also tried joined
//     ("Taxi Konzession" -> "taxikonzession").
//
// Scoring is BM25F over the fields name > keywords > summary > text
// (precomputed per posting). Each query clause takes its best alternative
// (exact 1.0; compound part 0.9; typo 0.75/0.55; synonym 0.7; compound tail
// 0.6; prefix completion 0.8, or 0.5 for a word that is complete). The sum
// is then scaled by the idf-weighted share of clauses matched, the share
// matched in the name, the share of the name's words the query covers
// (so "Reisepass" beats "... in den neuen Pass" for "neuer Reisepass"), and
// a bonus when the query holds one of the document's keywords word for
// word. Ties are broken by ID, so results are deterministic. Only the
// requested page is selected and sorted; per-query working memory is pooled.
package search
