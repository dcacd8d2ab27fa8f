package participation_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/fault"
	"rathaus/internal/i18n"
	"rathaus/internal/mail"
	"rathaus/internal/org"
	"rathaus/internal/participation"
	"rathaus/internal/processlog"
	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
)

var t0 = time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)

type env struct {
	db        *sqlstore.DB
	svc       *participation.Service
	now       time.Time
	space     *participation.Space
	users     []int64 // with pseudonyms
	moderator org.Actor
	answerer  org.Actor
	unit      *org.Org
	mu        sync.Mutex
}

func newEnv(t testing.TB, open storetest.Opener, citizens int) *env {
	t.Helper()
	ctx := context.Background()
	db := open(t)
	e := &env{db: db, now: t0}
	clock := func() time.Time { e.mu.Lock(); defer e.mu.Unlock(); return e.now }
	orgs := &org.Service{Store: db, Audit: db, Now: clock}
	tr, err := i18n.New()
	must(t, err)
	e.svc = &participation.Service{Store: db, Accounts: db, Orgs: orgs, Audit: db, T: tr, Now: clock, BaseURL: "https://rathaus.test"}
	group := &org.Org{Slug: "jena", Name: "Jena", Kind: org.KindGroup}
	must(t, orgs.Create(ctx, group))
	e.unit = &org.Org{Slug: "beteiligung", Name: "Beteiligung", Kind: org.KindOrganisation, ParentID: &group.ID}
	must(t, orgs.Create(ctx, e.unit))
	user := func(i int) int64 {
		u := &account.User{Email: fmt.Sprintf("u%d@example.org", i), DisplayName: fmt.Sprintf("Person %d", i), CreatedAt: t0}
		must(t, db.CreateUser(ctx, u, nil, nil))
		return u.ID
	}
	for i := range citizens {
		id := user(i)
		must(t, e.svc.SetPseudonym(ctx, id, fmt.Sprintf("Buerger %d", i)))
		e.users = append(e.users, id)
	}
	e.moderator, e.answerer = org.Actor{UserID: user(1000)}, org.Actor{UserID: user(1001)}
	must(t, e.svc.SetPseudonym(ctx, e.moderator.UserID, "Moderation"))
	must(t, e.svc.SetPseudonym(ctx, e.answerer.UserID, "Stadt Jena"))
	_, err = orgs.Grant(ctx, nil, e.moderator.UserID, org.RoleModerator, e.unit.ID)
	must(t, err)
	_, err = orgs.Grant(ctx, nil, e.answerer.UserID, org.RoleCaseWorker, e.unit.ID)
	must(t, err)
	e.space = &participation.Space{Slug: "ideen", Title: "Ideen", OrgID: &e.unit.ID, Moderation: participation.PostModeration,
		SupportThreshold: 3, AnswerDays: 14, Categories: []string{"Verkehr", "Digitales"}}
	must(t, e.svc.SaveSpace(ctx, org.Actor{PlatformAdmin: true}, e.space))
	return e
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func (e *env) propose(t testing.TB, by int64, title string) *participation.Idea {
	t.Helper()
	i := &participation.Idea{SpaceID: e.space.ID, Title: title, Body: "Eine ausführliche Begründung dieser Idee für Jena.", Category: "Verkehr"}
	must(t, e.svc.Propose(context.Background(), by, i))
	return i
}

func (e *env) advance(d time.Duration) { e.mu.Lock(); e.now = e.now.Add(d); e.mu.Unlock() }

func eachEngine(t *testing.T, citizens int, fn func(t *testing.T, e *env)) {
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) { fn(t, newEnv(t, open, citizens)) })
	}
}

func TestProposeRules(t *testing.T) {
	eachEngine(t, 2, func(t *testing.T, e *env) {
		ctx := context.Background()
		nobody := &account.User{Email: "nobody@example.org", DisplayName: "N", CreatedAt: t0}
		must(t, e.db.CreateUser(ctx, nobody, nil, nil))
		i := &participation.Idea{SpaceID: e.space.ID, Title: "Eine gute Idee für alle", Body: "Mit einer ausreichend langen Begründung."}
		if err := e.svc.Propose(ctx, nobody.ID, i); !fault.Is(err, fault.Conflict) {
			t.Errorf("without a pseudonym: %v", err)
		}
		bad := &participation.Idea{SpaceID: e.space.ID, Title: "kurz", Body: "zu kurz", Category: "Unbekannt"}
		fe := fault.As(e.svc.Propose(ctx, e.users[0], bad))
		if fe == nil || len(fe.Fields) != 3 {
			t.Fatalf("invalid idea: %v", fe)
		}
		ok := e.propose(t, e.users[0], "Sicherer Radweg am Löbdergraben")
		if ok.Moderation != participation.Published || ok.AuthorName != "Buerger 0" || ok.Status != participation.StatusReceived {
			t.Errorf("proposed %+v", ok)
		}
		if f, _ := e.db.Following(ctx, ok.ID, e.users[0]); !f {
			t.Error("the author does not follow their idea")
		}
		rude := &participation.Idea{SpaceID: e.space.ID, Title: "Der Bürgermeister ist ein Idiot", Body: "Siehe http://a.example http://b.example http://c.example"}
		must(t, e.svc.Propose(ctx, e.users[1], rude))
		if rude.Moderation != participation.Pending {
			t.Errorf("flagged idea is %s, want pending", rude.Moderation)
		}
		reports, _ := e.db.FindReports(ctx, participation.ReportFilter{SpaceID: e.space.ID, Open: true})
		if len(reports) != 2 {
			t.Errorf("%d automatic reports, want offensive and links", len(reports))
		}
		if _, err := e.svc.Idea(ctx, rude.ID); !fault.Is(err, fault.NotFound) {
			t.Errorf("the public sees a pending idea: %v", err)
		}
		if _, err := e.svc.IdeaFor(ctx, &e.users[1], rude.ID); err != nil {
			t.Errorf("the author does not see their pending idea: %v", err)
		}
		for range participation.DefaultIdeasPerDay - 1 {
			e.propose(t, e.users[0], "Noch eine Idee für die Stadt")
		}
		if err := e.svc.Propose(ctx, e.users[0], &participation.Idea{SpaceID: e.space.ID, Title: "Die elfte Idee heute", Body: "Mit einer ausreichend langen Begründung."}); !fault.Is(err, fault.TooMany) {
			t.Errorf("flooding: %v", err)
		}
	})
}

func TestSupportsAndTheAnswerPromise(t *testing.T) {
	eachEngine(t, 5, func(t *testing.T, e *env) {
		ctx := context.Background()
		i := e.propose(t, e.users[0], "Sicherer Radweg am Löbdergraben")
		if _, _, err := e.svc.Support(ctx, e.users[0], i.ID); !fault.Is(err, fault.Conflict) {
			t.Errorf("supporting one's own idea: %v", err)
		}
		for k, u := range []int64{e.users[1], e.users[1], e.users[2]} {
			got, fresh, err := e.svc.Support(ctx, u, i.ID)
			must(t, err)
			if fresh != (k != 1) {
				t.Errorf("support %d new = %v", k, fresh)
			}
			if got.AnswerDue != nil {
				t.Errorf("due date before the threshold")
			}
		}
		e.advance(time.Hour)
		got, _, err := e.svc.Support(ctx, e.users[3], i.ID)
		must(t, err)
		if got.Supports != 3 || got.AnswerDue == nil || !got.AnswerDue.Equal(e.now.AddDate(0, 0, 14)) {
			t.Fatalf("after the third support: %d supports, due %v", got.Supports, got.AnswerDue)
		}
		_, _, err = e.svc.Support(ctx, e.users[4], i.ID)
		must(t, err)
		evs, _ := e.db.FindEvents(ctx, processlog.Filter{Process: participation.Process})
		n := 0
		for _, ev := range evs {
			if ev.Activity == "threshold_reached" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d threshold events, want 1", n)
		}
		got, fresh, err := e.svc.Unsupport(ctx, e.users[4], i.ID)
		if err != nil || !fresh || got.Supports != 3 {
			t.Errorf("unsupport: %d, %v, %v", got.Supports, fresh, err)
		}
	})
}

// TestConcurrentSupportsAreExact: 40 people support at once, one person
// 20 times at once; each counts once, on both engines.
func TestConcurrentSupportsAreExact(t *testing.T) {
	eachEngine(t, 41, func(t *testing.T, e *env) {
		ctx := context.Background()
		i := e.propose(t, e.users[0], "Sicherer Radweg am Löbdergraben")
		var wg sync.WaitGroup
		errs := make(chan error, 60)
		for _, u := range e.users[1:] {
			wg.Go(func() {
				if _, _, err := e.svc.Support(ctx, u, i.ID); err != nil {
					errs <- err
				}
			})
		}
		for range 20 {
			wg.Go(func() {
				if _, _, err := e.svc.Support(ctx, e.users[1], i.ID); err != nil {
					errs <- err
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		got, err := e.db.FindIdea(ctx, i.ID)
		must(t, err)
		if got.Supports != 40 {
			t.Errorf("%d supports, want 40", got.Supports)
		}
	})
}

func TestAnswersNotifyFollowersAndLockOptimistically(t *testing.T) {
	eachEngine(t, 3, func(t *testing.T, e *env) {
		ctx := context.Background()
		i := e.propose(t, e.users[0], "Alle Formulare auch online")
		must(t, e.svc.Follow(ctx, e.users[1], i.ID, true))
		if _, err := e.svc.Answer(ctx, e.answerer, i.ID, i.Version, participation.StatusRejected, "", "de"); !fault.Is(err, fault.Invalid) {
			t.Errorf("not possible without a reason: %v", err)
		}
		if _, err := e.svc.Answer(ctx, org.Actor{UserID: e.users[2]}, i.ID, i.Version, participation.StatusPlanned, "Ja.", "de"); !fault.Is(err, fault.Forbidden) {
			t.Errorf("a citizen answering: %v", err)
		}
		got, err := e.svc.Answer(ctx, e.answerer, i.ID, i.Version, participation.StatusPlanned, "Wir setzen das 2027 um.", "de")
		must(t, err)
		if _, err := e.svc.Answer(ctx, e.moderator, i.ID, i.Version, participation.StatusDone, "Erledigt.", "de"); !fault.Is(err, fault.Conflict) {
			t.Errorf("an answer on a stale version: %v", err)
		}
		tl, _ := e.svc.Timeline(ctx, i.ID)
		if len(tl) != 1 || tl[0].To != participation.StatusPlanned || got.Answer != "Wir setzen das 2027 um." {
			t.Errorf("timeline %+v", tl)
		}
		for _, to := range []string{"u0@example.org", "u1@example.org"} {
			if ms, _ := e.db.FindMessages(ctx, mail.Filter{To: to}); len(ms) != 1 {
				t.Errorf("%s got %d mails, want the news", to, len(ms))
			}
		}
	})
}

func TestModerationAndMerge(t *testing.T) {
	eachEngine(t, 4, func(t *testing.T, e *env) {
		ctx := context.Background()
		a := e.propose(t, e.users[0], "Mehr Bäume in der Innenstadt")
		b := e.propose(t, e.users[1], "Bäume für den Marktplatz")
		for _, u := range e.users[1:3] {
			_, _, err := e.svc.Support(ctx, u, a.ID)
			must(t, err)
		}
		for _, u := range []int64{e.users[2], e.users[3]} {
			_, _, err := e.svc.Support(ctx, u, b.ID)
			must(t, err)
		}
		c, err := e.svc.Comment(ctx, org.Actor{UserID: e.users[3]}, a.ID, nil, "Gute Idee!", "de")
		must(t, err)
		reply, err := e.svc.Comment(ctx, org.Actor{UserID: e.users[0]}, a.ID, &c.ID, "Danke!", "de")
		must(t, err)
		must(t, e.svc.Report(ctx, e.users[1], participation.TargetComment, reply.ID, "off_topic", ""))
		if err := e.svc.Moderate(ctx, e.answerer, participation.TargetComment, reply.ID, participation.Hidden, "Kein Bezug"); !fault.Is(err, fault.Forbidden) {
			t.Errorf("a case worker moderating: %v", err)
		}
		if err := e.svc.Moderate(ctx, e.moderator, participation.TargetComment, reply.ID, participation.Hidden, ""); !fault.Is(err, fault.Invalid) {
			t.Errorf("hiding without a reason: %v", err)
		}
		must(t, e.svc.Moderate(ctx, e.moderator, participation.TargetComment, reply.ID, participation.Hidden, "Kein Bezug zur Idee"))
		got, _ := e.db.FindIdea(ctx, a.ID)
		if got.Comments != 1 {
			t.Errorf("comments after hiding one = %d, want 1", got.Comments)
		}
		if open, _ := e.db.FindReports(ctx, participation.ReportFilter{SpaceID: e.space.ID, Open: true}); len(open) != 0 {
			t.Errorf("%d reports still open", len(open))
		}
		must(t, e.svc.Merge(ctx, e.moderator, b.ID, a.ID))
		got, _ = e.db.FindIdea(ctx, a.ID)
		if got.Supports != 3 { // users 1, 2 on a; 2 and 3 on b: 1, 2, 3
			t.Errorf("supports after merging = %d, want 3 distinct", got.Supports)
		}
		gone, _ := e.db.FindIdea(ctx, b.ID)
		if gone.Moderation != participation.Merged || gone.MergedInto == nil || *gone.MergedInto != a.ID {
			t.Errorf("merged idea %+v", gone)
		}
		if _, _, err := e.svc.Support(ctx, e.users[0], b.ID); !fault.Is(err, fault.Conflict) {
			t.Errorf("supporting a merged idea: %v", err)
		}
	})
}

func TestVotesInThePrioritisingPhase(t *testing.T) {
	eachEngine(t, 2, func(t *testing.T, e *env) {
		ctx := context.Background()
		day := 24 * time.Hour
		p := &participation.Space{Slug: "naechste-leistung", Title: "Was soll online gehen?", OrgID: &e.unit.ID,
			Moderation: participation.PostModeration, VotesPerPerson: 2, Phases: []participation.Phase{
				{Kind: participation.PhaseCollecting, From: t0.Add(-day), To: t0.Add(day)},
				{Kind: participation.PhasePrioritising, From: t0.Add(day), To: t0.Add(8 * day)},
				{Kind: participation.PhaseResults, From: t0.Add(8 * day), To: t0.Add(40 * day)},
			}}
		must(t, e.svc.SaveSpace(ctx, e.moderator, p))
		var ideas []*participation.Idea
		for _, title := range []string{"Wohngeld online beantragen", "Kita-Platz online anmelden", "Sperrmüll online bestellen"} {
			i := &participation.Idea{SpaceID: p.ID, Title: title, Body: "Bitte als nächstes digitalisieren, das spart Wege."}
			must(t, e.svc.Propose(ctx, e.users[0], i))
			ideas = append(ideas, i)
		}
		if _, err := e.svc.Vote(ctx, e.users[1], ideas[0].ID, true); !fault.Is(err, fault.Conflict) {
			t.Errorf("voting while collecting: %v", err)
		}
		e.advance(2 * day)
		if err := e.svc.Propose(ctx, e.users[1], &participation.Idea{SpaceID: p.ID, Title: "Zu spät eingereicht", Body: "Diese Idee kommt nach der Sammelphase."}); !fault.Is(err, fault.Conflict) {
			t.Errorf("proposing while prioritising: %v", err)
		}
		for k, i := range ideas {
			ok, err := e.svc.Vote(ctx, e.users[1], i.ID, true)
			if k < 2 && (err != nil || !ok) {
				t.Errorf("vote %d: %v %v", k, ok, err)
			}
			if k == 2 && !fault.Is(err, fault.Conflict) {
				t.Errorf("third vote with two allowed: %v", err)
			}
		}
		if ok, _ := e.svc.Vote(ctx, e.users[1], ideas[0].ID, true); ok {
			t.Error("a second vote for the same idea counted")
		}
		if _, err := e.svc.Vote(ctx, e.users[1], ideas[0].ID, false); err != nil {
			t.Fatal(err)
		}
		if ok, err := e.svc.Vote(ctx, e.users[1], ideas[2].ID, true); err != nil || !ok {
			t.Errorf("vote after taking one back: %v %v", ok, err)
		}
		if ph := participation.CurrentPhase(p, t0.Add(9*day)); ph != participation.PhaseResults {
			t.Errorf("phase after prioritising = %q", ph)
		}
	})
}

func TestSimilarIdeas(t *testing.T) {
	e := newEnv(t, storetest.OpenSQLite, 1)
	e.propose(t, e.users[0], "Sicherer Radweg am Löbdergraben")
	e.propose(t, e.users[0], "Mehr Bäume in der Innenstadt")
	got, err := e.svc.Similar(context.Background(), e.space.ID, "radwege löbdergraben", 5)
	must(t, err)
	if len(got) == 0 || !strings.Contains(got[0].Title, "Radweg") {
		t.Errorf("similar to 'radwege löbdergraben': %+v", got)
	}
}

// fixedRouter suggests one unit for every idea.
type fixedRouter struct{ org int64 }

func (r fixedRouter) Suggest(context.Context, *participation.Idea) (*int64, error) {
	return &r.org, nil
}

func TestRoutingHookSuggestionIsRecorded(t *testing.T) {
	e := newEnv(t, storetest.OpenSQLite, 1)
	e.svc.Router = fixedRouter{org: e.unit.ID}
	i := e.propose(t, e.users[0], "Sicherer Radweg am Löbdergraben")
	evs, _ := e.db.FindEvents(context.Background(), processlog.Filter{Process: participation.Process, CaseID: fmt.Sprintf("idea-%d", i.ID)})
	if len(evs) != 1 || evs[0].Attrs["suggested_org"] != fmt.Sprint(e.unit.ID) {
		t.Errorf("events %+v, want the suggested unit on 'proposed'", evs)
	}
}
