// Package participation holds citizens' ideas and wishes for the city —
// what to improve and what to digitise next —, their supports, comments
// and followers, the public answers of the responsible staff with a
// timeline and the promise to answer popular ideas in time, moderation
// (reports, automatic flags, hiding with a public reason, merging
// duplicates) and participation processes with phases and a limited
// number of votes per person. It is pure domain code: no HTTP, no SQL.
//
// People appear under a public pseudonym (Profile); who is behind an
// account stays with the platform and is shown to staff only where the
// law allows (the domain never returns it to the public).
package participation
