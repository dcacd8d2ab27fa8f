// Package demo seeds the demo city: the city group of Jena with its
// administration and municipal companies, and one account per role. It
// runs once, on the first start of `rathaus demo`.
package demo

import (
	"context"
	"strings"

	"rathaus/internal/account"
	"rathaus/internal/fault"
	"rathaus/internal/org"
)

// Domain is the reserved domain of demo accounts; `serve` refuses to run
// while any account has it.
const Domain = "@demo.jena.example"

// Password is the password of every demo account. It is printed at start
// and shown on the home page, which is fine only because demo data is fake.
const Password = "Demo-Jena-2026"

// Account is a demo login and what it shows.
type Account struct {
	Email string
	Name  string
	Admin bool
	Role  string // org role, "" for a citizen
	Org   string // org slug of the role
	What  string // translation key describing the account
}

// Accounts are the demo logins, one per role.
var Accounts = []Account{
	{Email: "buergerin" + Domain, Name: "Erika Mustermann", What: "demo.account.citizen"},
	{Email: "firma" + Domain, Name: "Optik Saale GmbH", What: "demo.account.company"},
	{Email: "sachbearbeitung" + Domain, Name: "Jonas Weber", Role: org.RoleCaseWorker, Org: "buergerservice", What: "demo.account.case_worker"},
	{Email: "prozesse" + Domain, Name: "Aylin Demir", Role: org.RoleServiceOwner, Org: "fb-buergerdienste", What: "demo.account.service_owner"},
	{Email: "moderation" + Domain, Name: "Paul Schneider", Role: org.RoleModerator, Org: "stadt-jena", What: "demo.account.moderator"},
	{Email: "orgadmin" + Domain, Name: "Sabine Koch", Role: org.RoleOrgAdmin, Org: "stadtwerke-jena", What: "demo.account.org_admin"},
	{Email: "admin" + Domain, Name: "Platform Admin", Admin: true, What: "demo.account.admin"},
	{Email: "hilfepunkt" + Domain, Name: "Mia Hoffmann", Role: org.RoleHelpPoint, Org: HelpPointOrg, What: "demo.account.help_point"},
}

type node struct {
	slug, name, kind, parent string
}

// tree is the demo city group, parents before children.
var tree = []node{
	{"stadtverbund-jena", "Stadtverbund Jena", org.KindGroup, ""},
	{"stadt-jena", "Stadtverwaltung Jena", org.KindOrganisation, "stadtverbund-jena"},
	{"fb-buergerdienste", "Fachbereich Bürgerdienste", org.KindDepartment, "stadt-jena"},
	{"buergerservice", "Team Bürgerservice", org.KindUnit, "fb-buergerdienste"},
	{"kfz-zulassung", "Team Kfz-Zulassung", org.KindUnit, "fb-buergerdienste"},
	{"standesamt", "Team Standesamt", org.KindUnit, "fb-buergerdienste"},
	{"auslaenderbehoerde", "Team Ausländerbehörde", org.KindUnit, "fb-buergerdienste"},
	{"fb-stadtentwicklung", "Fachbereich Stadtentwicklung", org.KindDepartment, "stadt-jena"},
	{"fd-umweltschutz", "Fachdienst Umweltschutz", org.KindUnit, "fb-stadtentwicklung"},
	{"fd-digitalisierung", "Fachdienst Digitalisierung und IT", org.KindDepartment, "stadt-jena"},
	{"stadtwerke-jena", "Stadtwerke Jena GmbH", org.KindOrganisation, "stadtverbund-jena"},
	{"kommunalservice-jena", "Kommunalservice Jena (KSJ)", org.KindOrganisation, "stadtverbund-jena"},
	{"ksj-strassenreinigung", "Straßenreinigung und Winterdienst", org.KindUnit, "kommunalservice-jena"},
	{"jenawohnen", "jenawohnen GmbH", org.KindOrganisation, "stadtverbund-jena"},
}

// Seed creates the demo city unless it exists. It reports whether it seeded.
func Seed(ctx context.Context, accounts *account.Service, orgs *org.Service) (bool, error) {
	if _, err := orgs.Store.FindOrgBySlug(ctx, tree[0].slug); err == nil {
		return false, nil
	} else if !fault.Is(err, fault.NotFound) {
		return false, err
	}
	ids := map[string]int64{}
	for _, n := range tree {
		o := &org.Org{Slug: n.slug, Name: n.name, Kind: n.kind}
		if n.parent != "" {
			p := ids[n.parent]
			o.ParentID = &p
		}
		if err := orgs.Create(ctx, o); err != nil {
			return false, err
		}
		ids[n.slug] = o.ID
	}
	for _, a := range Accounts {
		u, err := accounts.Create(ctx, nil, account.Registration{Email: a.Email, DisplayName: a.Name, Password: Password, Locale: "de"}, a.Admin)
		if err != nil {
			return false, err
		}
		if a.Role != "" {
			if _, err := orgs.Grant(ctx, nil, u.ID, a.Role, ids[a.Org]); err != nil {
				return false, err
			}
		}
	}
	return true, nil
}

// IsDemoEmail reports whether an address belongs to a demo account.
func IsDemoEmail(email string) bool { return strings.HasSuffix(email, Domain) }
