package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/account"
	"rathaus/internal/audit"
	"rathaus/internal/fault"
	"rathaus/internal/jobs"
	"rathaus/internal/mail"
	"rathaus/internal/org"
)

// adminPage is the data of the admin area's pages.
type adminPage struct {
	Page
	Users     []*account.User
	Subject   *account.User
	Roles     []org.RoleView
	Scope     []*org.Org
	Tree      []*org.Tree
	Audit     []*audit.Entry
	Mails     []*mail.Message
	Mail      *mail.Message
	Jobs      []*jobs.Job
	BaseURL   string
	Query     string
	Action    string
	Kinds     []string // kinds of organisation nodes, for the form
	PrevPage  string   // link to the previous page of a list, if any
	NextPage  string   // link to the next page of a list, if any
	Refine    bool     // the list is cut off: search more precisely
	RoleNames []string
}

// Paging of the account list. The store returns at most 1000 rows, so
// the list pages through those; beyond them the page asks for a search.
const (
	userPageSize = 50
	userMaxPage  = 19 // userMaxPage*userPageSize+1 <= the store's limit
)

func actorOf(r *http.Request) org.Actor {
	u := currentUser(r)
	return org.Actor{UserID: u.ID, PlatformAdmin: u.PlatformAdmin}
}

// requireStaff lets platform admins and organisation admins in.
func (s *Server) requireStaff(h handlerFunc) handlerFunc {
	return s.requireUser(func(w http.ResponseWriter, r *http.Request) error {
		ok, err := s.adminAccess(r, currentUser(r))
		if err != nil {
			return err
		}
		if !ok {
			return fault.New(fault.Forbidden, "error.forbidden")
		}
		return h(w, r)
	})
}

func (s *Server) adminPage(r *http.Request, titleKey string) (adminPage, error) {
	p := adminPage{Page: s.page(r, titleKey), RoleNames: org.Roles, BaseURL: s.opts.BaseURL}
	var err error
	p.Scope, err = s.opts.Orgs.Scope(r.Context(), actorOf(r))
	return p, err
}

func (s *Server) handleAdminHome(w http.ResponseWriter, r *http.Request) error {
	p, err := s.adminPage(r, "admin.title")
	if err != nil {
		return err
	}
	return s.render(w, r, "admin_home", p)
}

// handleAdminUsers lists accounts, userPageSize per page. Platform admins
// search freely; an organisation admin finds a person only by their exact
// address, and otherwise sees the staff of their organisations.
func (s *Server) handleAdminUsers(w http.ResponseWriter, r *http.Request) error {
	p, err := s.adminPage(r, "admin.users.title")
	if err != nil {
		return err
	}
	p.Query = strings.TrimSpace(r.URL.Query().Get("q"))
	page := pageNumber(r.URL.Query().Get("page"))
	var users []*account.User
	if currentUser(r).PlatformAdmin {
		users, err = s.opts.Accounts.Store.FindUsers(r.Context(), account.UserFilter{Query: p.Query, Limit: page*userPageSize + 1})
	} else {
		users, err = s.scopedUsers(r.Context(), p.Scope, p.Query)
	}
	if err != nil {
		return err
	}
	p.setUserPage(users, page)
	return s.render(w, r, "admin_users", p)
}

// pageNumber reads a 1-based page number; anything else is page 1.
func pageNumber(v string) int {
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 1
	}
	return min(n, userMaxPage)
}

// setUserPage keeps page of all and sets the links to its neighbours.
func (p *adminPage) setUserPage(all []*account.User, page int) {
	link := func(n int) string {
		q := url.Values{"page": {strconv.Itoa(n)}}
		if p.Query != "" {
			q.Set("q", p.Query)
		}
		return "/admin/users?" + q.Encode()
	}
	from, to := (page-1)*userPageSize, page*userPageSize
	if page > 1 {
		p.PrevPage = link(page - 1)
	}
	if len(all) > to {
		if page < userMaxPage {
			p.NextPage = link(page + 1)
		} else {
			p.Refine = true
		}
	}
	p.Users = all[min(from, len(all)):min(to, len(all))]
}

func (s *Server) scopedUsers(ctx context.Context, scope []*org.Org, q string) ([]*account.User, error) {
	if q != "" {
		u, err := s.opts.Accounts.Store.FindUserByEmail(ctx, account.NormalizeEmail(q))
		if fault.Is(err, fault.NotFound) {
			return nil, nil
		}
		return []*account.User{u}, err
	}
	seen := map[int64]bool{}
	var out []*account.User
	for _, o := range scope {
		grants, err := s.opts.Orgs.Store.FindGrants(ctx, org.GrantFilter{OrgID: &o.ID})
		if err != nil {
			return nil, err
		}
		for _, g := range grants {
			if seen[g.UserID] {
				continue
			}
			seen[g.UserID] = true
			u, err := s.opts.Accounts.Store.FindUserByID(ctx, g.UserID)
			if err != nil {
				return nil, err
			}
			out = append(out, u)
		}
	}
	return out, nil
}
