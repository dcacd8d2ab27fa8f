package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/mail"
	"rathaus/internal/org"
	"rathaus/internal/participation"
)

// Tests of the staff pages of participation (participation_staff*.go) on
// the fixture of participation_fixture_test.go.

// psVersion reads the version the answer form carries.
func psVersion(t testing.TB, res *response) int {
	t.Helper()
	n := query(res.doc, "#answer-form input[name=version]")
	if n == nil {
		t.Fatalf("no answer form with a version:\n%.3000s", res.body)
	}
	v, err := strconv.Atoi(attrOf(n, "value"))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// psAnswer posts the answer form of an idea.
func (e *participationEnv) psAnswer(c *http.Cookie, id int64, version int, status, answer string) *response {
	e.t.Helper()
	return e.postForm(psIdeaPath(id)+"/antwort", url.Values{"version": {strconv.Itoa(version)}, "status": {status},
		"answer": {answer}}, c)
}

// psIdea reads an idea as stored.
func (e *participationEnv) psIdea(id int64) *participation.Idea {
	e.t.Helper()
	i, err := e.part.Store.FindIdea(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return i
}

// psPublic is what the public sees of an idea: the JSON API's answer and,
// when the citizen pages are there, the idea's page.
func (e *participationEnv) psPublic(id int64) string {
	e.t.Helper()
	res := e.get("/api/v1/ideas/" + strconv.FormatInt(id, 10))
	wantStatus(e.t, res, 200)
	out := res.body
	if page := e.get("/ideen/" + strconv.FormatInt(id, 10)); page.StatusCode == 200 {
		out += text(query(page.doc, "main"))
	}
	return out
}

// psSupporter makes a citizen who supports an idea.
func (e *participationEnv) psSupporter(email string, ids ...int64) *account.User {
	e.t.Helper()
	u := e.user(email, false)
	for _, id := range ids {
		if _, _, err := e.part.Support(context.Background(), u.ID, id); err != nil {
			e.t.Fatal(err)
		}
	}
	return u
}

func psMails(t testing.TB, e *participationEnv, to string) []*mail.Message {
	t.Helper()
	ms, err := e.db.FindMessages(context.Background(), mail.Filter{To: to})
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

func TestPSAnswerPublishedAndFollowersHear(t *testing.T) {
	e := newParticipationEnv(t)
	ctx := context.Background()
	id := e.ideas["radweg"]
	mustDo(t, e.part.Follow(ctx, e.max.ID, id, true))
	c := e.login(e.answerer)
	res := e.get(psIdeaPath(id), c)
	wantStatus(t, res, 200)
	if query(res.doc, "select[name=status] option[value=rejected]") == nil || query(res.doc, "textarea[name=answer]") == nil {
		t.Fatalf("no answer form with status and answer:\n%.3000s", res.body)
	}
	answer := "Wir markieren die Spur im Frühjahr bis zum Holzmarkt."
	res = e.psAnswer(c, id, psVersion(t, res), participation.StatusPlanned, answer)
	wantStatus(t, res, http.StatusSeeOther)

	i := e.psIdea(id)
	if i.Status != participation.StatusPlanned || i.Answer != answer {
		t.Errorf("stored: status %q answer %q", i.Status, i.Answer)
	}
	pub := e.psPublic(id)
	if !strings.Contains(pub, answer) {
		t.Errorf("the public idea does not show the answer:\n%.2000s", pub)
	}
	page := e.get(psIdeaPath(id), c)
	if got := texts(page.doc, "#timeline li"); len(got) != 1 || !strings.Contains(got[0], answer) {
		t.Errorf("staff timeline: %q", got)
	}
	link := "/ideen/" + strconv.FormatInt(id, 10)
	for _, to := range []string{e.erika.Email, e.max.Email} { // the author follows her idea; max chose to
		var ms []*mail.Message
		for _, m := range psMails(t, e, to) {
			if strings.Contains(m.Text, link) {
				ms = append(ms, m)
			}
		}
		if len(ms) != 1 {
			t.Fatalf("%s: %d mails about the idea, want 1", to, len(ms))
		}
		m := ms[0]
		for _, personal := range []string{answer, "Arne", e.answerer.Email, "Kim Muster", "Saalenixe"} {
			if strings.Contains(m.Subject+m.Text, personal) {
				t.Errorf("%s: the mail contains %q:\n%s\n%s", to, personal, m.Subject, m.Text)
			}
		}
	}
	if ms := psMails(t, e, e.answerer.Email); len(ms) != 0 {
		t.Errorf("the answerer got %d mails", len(ms))
	}
}

func TestPSAnswerConflict(t *testing.T) {
	e := newParticipationEnv(t)
	id := e.ideas["formulare"]
	c := e.login(e.answerer)
	res := e.get(psIdeaPath(id), c)
	stale := psVersion(t, res)
	// The moderator answers first.
	wantStatus(t, e.psAnswer(e.login(e.moderator), id, stale, participation.StatusReview, "Wir prüfen das mit der IT."), http.StatusSeeOther)

	mine := "Das geht ab Januar online."
	res = e.psAnswer(c, id, stale, participation.StatusPlanned, mine)
	wantStatus(t, res, http.StatusConflict)
	if query(res.doc, "#conflict a[href='"+psIdeaPath(id)+"']") == nil {
		t.Errorf("no conflict message with a reload link:\n%.3000s", res.body)
	}
	if !strings.Contains(text(query(res.doc, "#conflict")), mine) {
		t.Error("the conflict message does not keep the text the user wrote")
	}
	if psVersion(t, res) != stale+1 {
		t.Errorf("the page after the conflict carries version %d, want %d", psVersion(t, res), stale+1)
	}
	if i := e.psIdea(id); i.Status != participation.StatusReview || i.Answer != "Wir prüfen das mit der IT." {
		t.Errorf("the later answer overwrote the first: %q %q", i.Status, i.Answer)
	}
}

func TestPSRejectedNeedsReason(t *testing.T) {
	e := newParticipationEnv(t)
	id := e.ideas["formulare"]
	c := e.login(e.answerer)
	v := psVersion(t, e.get(psIdeaPath(id), c))
	res := e.psAnswer(c, id, v, participation.StatusRejected, "  ")
	wantStatus(t, res, http.StatusBadRequest)
	if query(res.doc, "#error-summary a[href='#field-answer']") == nil || query(res.doc, "#field-answer-error") == nil {
		t.Errorf("no error at the answer field:\n%.3000s", res.body)
	}
	if n := query(res.doc, "select[name=status] option[selected]"); n == nil || attrOf(n, "value") != participation.StatusRejected {
		t.Error("the chosen status is not kept")
	}
	if i := e.psIdea(id); i.Status != participation.StatusReceived || i.Version != v {
		t.Errorf("the idea changed: %q version %d", i.Status, i.Version)
	}
	res = e.psAnswer(c, id, v, participation.StatusRejected, "Dafür fehlt die Rechtsgrundlage.")
	wantStatus(t, res, http.StatusSeeOther)
}

// psOverviewRow returns the cells of a space's row on the overview.
func psOverviewRow(t testing.TB, res *response, title string) []string {
	t.Helper()
	for _, tr := range queryAll(res.doc, "table tbody tr") {
		if strings.Contains(text(query(tr, "th")), title) {
			return texts(tr, "td")
		}
	}
	t.Fatalf("no row for %q:\n%.3000s", title, res.body)
	return nil
}

func TestPSOverdueAfterClockMoves(t *testing.T) {
	e := newParticipationEnv(t)
	id := e.ideas["radweg"]
	e.psSupporter("lena@example.org", id) // the third support: an answer is due in 14 days
	if i := e.psIdea(id); i.AnswerDue == nil {
		t.Fatal("no answer due after the third support")
	}
	c := e.login(e.answerer)
	cells := psOverviewRow(t, e.get("/amt/beteiligung", c), "Ideen und Wünsche")
	// to answer, due soon, overdue, reports, pending
	if cells[0] != "2" || cells[1] != "0" || cells[2] != "0" {
		t.Errorf("at first: %q", cells)
	}
	e.clock.Set(testNow.Add(12 * 24 * time.Hour))
	if cells := psOverviewRow(t, e.get("/amt/beteiligung", c), "Ideen und Wünsche"); cells[1] != "1" || cells[2] != "0" {
		t.Errorf("two days before: %q", cells)
	}
	e.clock.Set(testNow.Add(15 * 24 * time.Hour))
	res := e.get("/amt/beteiligung", c)
	if cells := psOverviewRow(t, res, "Ideen und Wünsche"); cells[1] != "0" || cells[2] != "1" {
		t.Errorf("a day after: %q", cells)
	}
	if th := texts(res.doc, "table tbody th a"); len(th) == 0 || th[0] != "Ideen und Wünsche" {
		t.Errorf("the space with the overdue answer is not first: %q", th)
	}
	res = e.get("/amt/beteiligung/ideen/antworten?ansicht=ueberfaellig", c)
	wantStatus(t, res, 200)
	if got := texts(res.doc, "table tbody th a"); len(got) != 1 || got[0] != "Sicherer Radweg am Löbdergraben" {
		t.Errorf("overdue list: %q", got)
	}
	if !strings.Contains(text(query(res.doc, "table tbody")), "Überfällig") {
		t.Error("the overdue idea has no overdue badge")
	}
	// The default list: not answered yet, the due one first, then by supports.
	res = e.get("/amt/beteiligung/ideen/antworten", c)
	if got := texts(res.doc, "table tbody th a"); len(got) != 2 || got[0] != "Sicherer Radweg am Löbdergraben" {
		t.Errorf("answer list: %q", got)
	}
	// Answered, it is no longer overdue.
	wantStatus(t, e.psAnswer(c, id, e.psIdea(id).Version, participation.StatusReview, "Wir prüfen die Markierung."), http.StatusSeeOther)
	if cells := psOverviewRow(t, e.get("/amt/beteiligung", c), "Ideen und Wünsche"); cells[2] != "0" {
		t.Errorf("after the answer: %q", cells)
	}
}

func TestPSReportHideWithReason(t *testing.T) {
	e := newParticipationEnv(t)
	ctx := context.Background()
	id := e.ideas["radweg"]
	body := "Der Radweg ist gefährlich, ruft mich an: 0170 1234567, Max aus der Kernbergstraße."
	cm, err := e.part.Comment(ctx, psActor(e.max), id, nil, body, "de")
	mustDo(t, err)
	mustDo(t, e.part.Report(ctx, e.erika.ID, participation.TargetComment, cm.ID, "personal_data", "Telefonnummer"))
	if n := e.psIdea(id).Comments; n != 1 {
		t.Fatalf("comments before: %d", n)
	}
	c := e.login(e.moderator)
	queue := psSpacePath("ideen", "moderation")
	res := e.get(queue, c)
	wantStatus(t, res, 200)
	item := text(query(res.doc, "#reports article"))
	for _, want := range []string{"Der Radweg ist gefährlich", "Persönliche Daten", "Saalenixe", "Telefonnummer"} {
		if !strings.Contains(item, want) {
			t.Errorf("the report does not show %q:\n%s", want, item)
		}
	}
	for _, never := range []string{e.erika.Email, "Kim Muster"} {
		if strings.Contains(res.body, never) {
			t.Errorf("the queue shows the reporter's %q", never)
		}
	}

	form := url.Values{"target": {"comment"}, "item": {strconv.FormatInt(cm.ID, 10)}, "state": {"hidden"}}
	res = e.postForm(queue, form, c)
	wantStatus(t, res, http.StatusBadRequest)
	field := "field-" + psReasonKey("comment", cm.ID)
	if query(res.doc, "#error-summary a[href='#"+field+"']") == nil || query(res.doc, "#"+field+"-error") == nil {
		t.Errorf("hiding without a reason: no error at the reason field:\n%.3000s", res.body)
	}
	form.Set("reason", "Enthielt eine Telefonnummer.")
	wantStatus(t, e.postForm(queue, form, c), http.StatusSeeOther)

	if n := e.psIdea(id).Comments; n != 0 {
		t.Errorf("comments after hiding: %d, want 0", n)
	}
	res = e.get("/api/v1/ideas/" + strconv.FormatInt(id, 10) + "/comments")
	if strings.Contains(res.body, "0170") || !strings.Contains(res.body+e.psPublic(id), "Enthielt eine Telefonnummer.") {
		t.Errorf("the public comments do not show the reason instead of the text:\n%.2000s", res.body)
	}
	res = e.get(queue, c)
	if query(res.doc, "#reports article") != nil {
		t.Error("the report is still open")
	}
}

func TestPSPendingApproved(t *testing.T) {
	e := newParticipationEnv(t)
	ctx := context.Background()
	i := &participation.Idea{SpaceID: e.pre.ID, Title: "Sitzbänke am Westbahnhof", Body: "Am Westbahnhof fehlen Bänke für ältere Menschen."}
	mustDo(t, e.part.Propose(ctx, e.max.ID, i))
	c := e.login(e.moderator)
	queue := psSpacePath("vorab", "moderation")
	res := e.get(queue, c)
	if !strings.Contains(text(query(res.doc, "#pending article")), "Sitzbänke am Westbahnhof") {
		t.Fatalf("the pending idea is not in the queue:\n%.3000s", res.body)
	}
	res = e.postForm(queue, url.Values{"target": {"idea"}, "item": {strconv.FormatInt(i.ID, 10)}, "state": {"published"}}, c)
	wantStatus(t, res, http.StatusSeeOther)
	if got := e.psIdea(i.ID).Moderation; got != participation.Published {
		t.Errorf("moderation after approval: %q", got)
	}
	if query(e.get(queue, c).doc, "#pending article") != nil {
		t.Error("the approved idea is still waiting")
	}

	// A comment in the pre-moderated space waits too, and is approved.
	cm, err := e.part.Comment(ctx, psActor(e.erika), i.ID, nil, "Gute Idee, vor allem für den Winter.", "de")
	mustDo(t, err)
	res = e.get(queue, c)
	if item := text(query(res.doc, "#pending article")); !strings.Contains(item, "Gute Idee, vor allem für den Winter.") || !strings.Contains(item, "Saalenixe") {
		t.Fatalf("the pending comment is not in the queue:\n%s", item)
	}
	res = e.postForm(queue, url.Values{"target": {"comment"}, "item": {strconv.FormatInt(cm.ID, 10)}, "state": {"published"}}, c)
	wantStatus(t, res, http.StatusSeeOther)
	if n := e.psIdea(i.ID).Comments; n != 1 {
		t.Errorf("comments after approval: %d, want 1", n)
	}
}

func TestPSOfficialComment(t *testing.T) {
	e := newParticipationEnv(t)
	id := e.ideas["formulare"] // max proposed it and follows it
	c := e.login(e.answerer)
	body := "Wir sammeln gerade, welche Formulare am häufigsten gebraucht werden."
	res := e.postForm(psIdeaPath(id)+"/kommentar", url.Values{"comment_body": {body}}, c)
	wantStatus(t, res, http.StatusSeeOther)
	res = e.get(psIdeaPath(id), c)
	if item := text(query(res.doc, "#comments-heading")); item == "" {
		t.Fatal("no comments section")
	}
	li := queryAll(res.doc, "li")
	found := false
	for _, n := range li {
		if strings.Contains(text(n), body) && strings.Contains(text(n), "Stadt") {
			found = true
		}
	}
	if !found {
		t.Errorf("the official comment is not listed as the city's:\n%.3000s", res.body)
	}
	if ms := psMails(t, e, e.max.Email); len(ms) != 1 || strings.Contains(ms[0].Text, body) {
		t.Errorf("the follower's mails: %d (without the comment's text)", len(ms))
	}
	res = e.postForm(psIdeaPath(id)+"/kommentar", url.Values{"comment_body": {" "}}, c)
	wantStatus(t, res, http.StatusBadRequest)
	if query(res.doc, "#field-comment_body-error") == nil {
		t.Errorf("an empty comment: no error at the field:\n%.3000s", res.body)
	}
}

func TestPSMergeKeepsDistinctSupports(t *testing.T) {
	e := newParticipationEnv(t)
	ctx := context.Background()
	into := e.ideas["radweg"] // supported by max and the moderator
	dup := &participation.Idea{SpaceID: e.space.ID, Title: "Radspur Löbdergraben durchziehen", Body: "Die Radspur am Löbdergraben hört einfach auf, bitte durchziehen."}
	mustDo(t, e.part.Propose(ctx, e.max.ID, dup))
	for _, u := range []*account.User{e.moderator, e.answerer} {
		_, _, err := e.part.Support(ctx, u.ID, dup.ID)
		mustDo(t, err)
	}
	c := e.login(e.moderator)
	res := e.get(psIdeaPath(dup.ID), c)
	wantStatus(t, res, 200)
	if query(res.doc, "select[name=into] option[value='"+strconv.FormatInt(into, 10)+"']") == nil {
		t.Fatalf("no merge choice for the original:\n%.3000s", res.body)
	}
	res = e.postForm(psIdeaPath(dup.ID)+"/zusammenfuehren", url.Values{"into": {strconv.FormatInt(dup.ID, 10)}}, c)
	wantStatus(t, res, http.StatusBadRequest)
	if query(res.doc, "#field-into-error") == nil {
		t.Error("merging into itself: no error at the field")
	}
	res = e.postForm(psIdeaPath(dup.ID)+"/zusammenfuehren", url.Values{"into": {strconv.FormatInt(into, 10)}}, c)
	wantStatus(t, res, http.StatusSeeOther)
	res = e.get(res.Header.Get("Location"), c)
	wantStatus(t, res, 200)
	if got := text(query(res.doc, "#supports")); got != "3" {
		t.Errorf("supports after the merge: %q, want 3 (max, moderator, answerer)", got)
	}
	if n := query(res.doc, "#merged"); n == nil || !strings.Contains(text(n), "Radspur Löbdergraben") {
		t.Errorf("no merge result on the page:\n%.3000s", res.body)
	}
	if d := e.psIdea(dup.ID); d.Moderation != participation.Merged || d.MergedInto == nil || *d.MergedInto != into {
		t.Errorf("the duplicate: %q into %v", d.Moderation, d.MergedInto)
	}
	// An answerer may not merge.
	res = e.postForm(psIdeaPath(e.ideas["formulare"])+"/zusammenfuehren", url.Values{"into": {strconv.FormatInt(into, 10)}}, e.login(e.answerer))
	wantStatus(t, res, http.StatusForbidden)
}

// psSpaceForm is a valid new space: a process with two phases.
func psSpaceForm(e *participationEnv) url.Values {
	return url.Values{"slug": {"radverkehr"}, "title": {"Radverkehr 2027"}, "title_en": {"Cycling 2027"},
		"description": {"Wo soll die Stadt zuerst bauen?"}, "unit": {strconv.FormatInt(e.unit.ID, 10)},
		"moderation": {"post"}, "categories": {"Radwege\n\nAbstellplätze\nRadwege\n"}, "threshold": {"10"}, "answer_days": {"30"},
		"votes":        {"5"},
		"phase_1_kind": {"collecting"}, "phase_1_from": {"2026-12-01"}, "phase_1_to": {"2026-12-31"}, "phase_1_note": {"Ideen sammeln"},
		"phase_2_kind": {"prioritising"}, "phase_2_from": {"2027-01-01"}, "phase_2_to": {"2027-01-14"},
		"phase_3_kind": {""}, "phase_3_from": {""}, "phase_3_to": {""}, "phase_3_note": {""},
		"phase_4_kind": {""}}
}

func TestPSSpaceCreateWithPhases(t *testing.T) {
	e := newParticipationEnv(t)
	c := e.login(e.moderator)
	res := e.get("/amt/beteiligung/neu", c)
	wantStatus(t, res, 200)
	if n := len(queryAll(res.doc, "#field-phases select")); n != psPhaseRows {
		t.Errorf("%d phase rows, want %d", n, psPhaseRows)
	}
	if opts := queryAll(res.doc, "select[name=unit] option"); len(opts) != 1 || attrOf(opts[0], "value") != strconv.FormatInt(e.unit.ID, 10) {
		t.Errorf("unit choices: %d", len(opts))
	}

	bad := psSpaceForm(e)
	bad.Set("slug", "Rad Verkehr")
	bad.Set("title", " ")
	bad.Set("phase_2_to", "2026-12-20") // ends before it starts
	bad.Set("threshold", "zehn")
	bad.Set("unit", strconv.FormatInt(e.other.ID, 10))
	res = e.postForm("/amt/beteiligung/neu", bad, c)
	wantStatus(t, res, http.StatusBadRequest)
	for _, f := range []string{"threshold", "unit"} {
		if query(res.doc, "#field-"+f+"-error") == nil {
			t.Errorf("no error at %s:\n%.4000s", f, res.body)
		}
	}
	bad = psSpaceForm(e)
	bad.Set("slug", "Rad Verkehr")
	bad.Set("title", " ")
	bad.Set("phase_2_to", "2026-12-20")
	bad.Set("phase_3_from", "2027-02-01") // a row with a date but no kind
	res = e.postForm("/amt/beteiligung/neu", bad, c)
	wantStatus(t, res, http.StatusBadRequest)
	if query(res.doc, "#field-phase_3_kind-error") == nil {
		t.Errorf("a phase without kind: no error at its kind:\n%.4000s", res.body)
	}
	bad.Del("phase_3_from")
	res = e.postForm("/amt/beteiligung/neu", bad, c)
	wantStatus(t, res, http.StatusBadRequest)
	for _, f := range []string{"slug", "title", "phases"} {
		if query(res.doc, "#field-"+f+"-error") == nil || query(res.doc, "#error-summary a[href='#field-"+f+"']") == nil {
			t.Errorf("the domain's error at %s is not shown at the field:\n%.4000s", f, res.body)
		}
	}
	if v := attrOf(query(res.doc, "input[name=phase_1_note]"), "value"); v != "Ideen sammeln" {
		t.Errorf("the form lost what was typed: %q", v)
	}
	if _, err := e.part.Space(context.Background(), "radverkehr"); err == nil {
		t.Fatal("a space was saved despite errors")
	}

	res = e.postForm("/amt/beteiligung/neu", psSpaceForm(e), c)
	wantStatus(t, res, http.StatusSeeOther)
	sp, err := e.part.Space(context.Background(), "radverkehr")
	mustDo(t, err)
	if len(sp.Phases) != 2 || sp.Phases[0].Kind != "collecting" || sp.Phases[0].Note != "Ideen sammeln" {
		t.Fatalf("phases: %+v", sp.Phases)
	}
	berlin := e.srv.opts.Location
	if from, to := sp.Phases[1].From.In(berlin), sp.Phases[1].To.In(berlin); from.Format("2006-01-02 15:04") != "2027-01-01 00:00" ||
		to.Format("2006-01-02 15:04") != "2027-01-15 00:00" {
		t.Errorf("the second phase runs %s to %s", from, to)
	}
	if strings.Join(sp.Categories, "|") != "Radwege|Abstellplätze" || sp.SupportThreshold != 10 || sp.AnswerDays != 30 ||
		sp.VotesPerPerson != 5 || sp.OrgID == nil || *sp.OrgID != e.unit.ID || sp.TitleEN != "Cycling 2027" {
		t.Errorf("saved: %+v", sp)
	}
	// Editing shows the saved settings and keeps them.
	res = e.get("/amt/beteiligung/radverkehr/bearbeiten", c)
	wantStatus(t, res, 200)
	if v := attrOf(query(res.doc, "input[name=phase_2_to]"), "value"); v != "2027-01-14" {
		t.Errorf("the edit form shows the second phase until %q", v)
	}
	v := psSpaceForm(e)
	v.Del("slug")
	v.Set("title", "Radverkehr 2027 – Ihre Ideen")
	wantStatus(t, e.postForm("/amt/beteiligung/radverkehr/bearbeiten", v, c), http.StatusSeeOther)
	sp, err = e.part.Space(context.Background(), "radverkehr")
	mustDo(t, err)
	if sp.Title != "Radverkehr 2027 – Ihre Ideen" || len(sp.Phases) != 2 {
		t.Errorf("after editing: %q, %d phases", sp.Title, len(sp.Phases))
	}
}

func TestPSAccessPerRole(t *testing.T) {
	e := newParticipationEnv(t)
	idea := psIdeaPath(e.ideas["radweg"])
	pages := []string{"/amt/beteiligung", "/amt/beteiligung/ideen/antworten", idea, "/amt/beteiligung/ideen/moderation",
		"/amt/beteiligung/ideen/bearbeiten", "/amt/beteiligung/neu"}
	for _, tc := range []struct {
		name string
		u    *account.User
		want []int // per page
		nav  bool
	}{
		{"citizen", e.erika, []int{403, 403, 403, 403, 403, 403}, false},
		{"staff of another unit", e.outsider, []int{403, 403, 403, 403, 403, 403}, false},
		{"case worker", e.answerer, []int{200, 200, 200, 403, 403, 403}, true},
		{"moderator", e.moderator, []int{200, 200, 200, 200, 200, 200}, true},
	} {
		c := e.login(tc.u)
		for k, p := range pages {
			if res := e.get(p, c); res.StatusCode != tc.want[k] {
				t.Errorf("%s: GET %s = %d, want %d", tc.name, p, res.StatusCode, tc.want[k])
			}
		}
		res := e.get("/", c)
		if got := query(res.doc, "nav a[href='/amt/beteiligung']") != nil; got != tc.nav {
			t.Errorf("%s: navigation link shown %v, want %v", tc.name, got, tc.nav)
		}
	}
	// A case worker may answer but not moderate.
	c := e.login(e.answerer)
	res := e.postForm(psSpacePath("ideen", "moderation"), url.Values{"target": {"idea"}, "item": {strconv.FormatInt(e.ideas["radweg"], 10)},
		"state": {"hidden"}, "reason": {"Test"}}, c)
	wantStatus(t, res, http.StatusForbidden)
	res = e.postForm(idea+"/moderation", url.Values{"target": {"idea"}, "item": {strconv.FormatInt(e.ideas["radweg"], 10)},
		"state": {"hidden"}, "reason": {"Test"}}, c)
	wantStatus(t, res, http.StatusForbidden)
	if e.psIdea(e.ideas["radweg"]).Moderation != participation.Published {
		t.Error("a case worker hid an idea")
	}
	// Staff of another unit cannot answer.
	wantStatus(t, e.psAnswer(e.login(e.outsider), e.ideas["radweg"], 1, participation.StatusPlanned, "Machen wir."), http.StatusForbidden)
	// Anonymous visitors are sent to the login.
	if res := e.get("/amt/beteiligung"); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
		t.Errorf("anonymous: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
}

func TestPSWithoutParticipation(t *testing.T) {
	e := newEnv(t)
	u := e.user("kim@example.org", true)
	if res := e.get("/amt/beteiligung", e.login(u)); res.StatusCode != 404 {
		t.Errorf("without participation: %d, want 404", res.StatusCode)
	}
}

func psActor(u *account.User) org.Actor { return org.Actor{UserID: u.ID} }

func TestPSHideCommentOnIdeaPage(t *testing.T) {
	e := newParticipationEnv(t)
	id := e.ideas["radweg"]
	cm, err := e.part.Comment(context.Background(), psActor(e.max), id, nil, "Das ist doch alles Quatsch hier.", "de")
	mustDo(t, err)
	c := e.login(e.moderator)
	form := url.Values{"target": {"comment"}, "item": {strconv.FormatInt(cm.ID, 10)}, "state": {"hidden"}}
	res := e.postForm(psIdeaPath(id)+"/moderation", form, c)
	wantStatus(t, res, http.StatusBadRequest)
	if query(res.doc, "#field-"+psReasonKey("comment", cm.ID)+"-error") == nil {
		t.Errorf("hiding without a reason: no error at the comment's reason:\n%.3000s", res.body)
	}
	form.Set("reason", "Kein Beitrag zur Sache.")
	wantStatus(t, e.postForm(psIdeaPath(id)+"/moderation", form, c), http.StatusSeeOther)
	res = e.get(psIdeaPath(id), c)
	if item := text(query(res.doc, "#comment-"+strconv.FormatInt(cm.ID, 10))); !strings.Contains(item, "Kein Beitrag zur Sache.") {
		t.Errorf("the hidden comment does not show its reason to staff:\n%s", item)
	}
	// A comment of another idea cannot be moderated through this one.
	form.Set("state", "published")
	wantStatus(t, e.postForm(psIdeaPath(e.ideas["formulare"])+"/moderation", form, c), http.StatusNotFound)
}
