package storetest

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/report"
)

// testReportNotesFor: the notes of many reports come at once, keyed by
// report, oldest first, internal ones only when asked; a report without
// notes and IDs beyond the first chunk of 1,000 work; no IDs, no notes.
func testReportNotesFor(t *testing.T, s Stores) {
	rs := reportStore(t, s)
	f := newReportFixture(t, s, "notesfor")
	staff := newUser(t, s, "notesfor@example.org")
	first := newDefect(t, rs, f, f.muell, 50.92, 11.58, t0)
	second := newDefect(t, rs, f, f.licht, 50.93, 11.59, t0)
	silent := newDefect(t, rs, f, f.muell, 50.94, 11.60, t0)
	other := newDefect(t, rs, f, f.muell, 50.95, 11.61, t0)
	note := func(r *report.Report, public bool, text string, at time.Time) {
		t.Helper()
		r.UpdatedAt = at
		must(t, rs.UpdateDefectReport(ctx, r, r.Version, report.Change{Notes: []*report.Note{
			{Public: public, Status: r.Status, Text: text, AuthorID: &staff.ID, At: at}}}))
	}
	note(first, true, "später", t0.Add(3*time.Hour))
	note(first, false, "intern", t0.Add(2*time.Hour))
	note(first, true, "zuerst", t0.Add(time.Hour))
	note(second, true, "Lampe bestellt", t0.Add(time.Hour))
	note(other, true, "nicht gefragt", t0.Add(time.Hour))

	texts := func(m map[int64][]*report.Note) map[int64][]string {
		out := map[int64][]string{}
		for id, ns := range m {
			for _, n := range ns {
				if n.ReportID != id {
					t.Errorf("note %d of report %d under %d", n.ID, n.ReportID, id)
				}
				out[id] = append(out[id], n.Text)
			}
		}
		return out
	}
	// The second report's ID comes after 1,500 IDs of no report, so it is
	// read by a later chunk than the first's.
	ids := []int64{first.ID, silent.ID}
	for i := int64(1); i <= 1500; i++ {
		ids = append(ids, 1_000_000_000+i)
	}
	ids = append(ids, second.ID)

	pub, err := rs.FindDefectNotesFor(ctx, ids, true)
	must(t, err)
	want := map[int64][]string{first.ID: {"zuerst", "später"}, second.ID: {"Lampe bestellt"}}
	if diff := cmp.Diff(want, texts(pub)); diff != "" {
		t.Errorf("public notes (-want +got):\n%s", diff)
	}
	all, err := rs.FindDefectNotesFor(ctx, ids, false)
	must(t, err)
	want[first.ID] = []string{"zuerst", "intern", "später"}
	if diff := cmp.Diff(want, texts(all)); diff != "" {
		t.Errorf("all notes (-want +got):\n%s", diff)
	}
	if n := all[first.ID][0]; n.AuthorID == nil || *n.AuthorID != staff.ID || !n.Public ||
		!n.At.Equal(t0.Add(time.Hour).Truncate(time.Microsecond)) {
		t.Errorf("first note = %+v", n)
	}
	one, err := rs.FindDefectNotes(ctx, first.ID, false)
	must(t, err)
	if diff := cmp.Diff(all[first.ID], one); diff != "" {
		t.Errorf("FindDefectNotesFor and FindDefectNotes differ (-for +one):\n%s", diff)
	}
	none, err := rs.FindDefectNotesFor(ctx, nil, true)
	must(t, err)
	if len(none) != 0 {
		t.Errorf("notes for no reports = %v, want none", none)
	}
}
