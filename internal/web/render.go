package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/i18n"
	"rathaus/internal/org"
)

//go:embed templates
var templateFS embed.FS

// templateSet is one page template parsed with the layout and partials.
type templateSet struct{ t *template.Template }

// parseTemplates parses every templates/pages/*.html together with the
// layout and partials, keyed by the page's file name without extension.
func (s *Server) parseTemplates() (map[string]*templateSet, error) {
	pages, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	sets := map[string]*templateSet{}
	for _, p := range pages {
		t, err := template.New("layout.html").Funcs(s.funcs()).ParseFS(templateFS,
			"templates/layout.html", "templates/partials/*.html", p)
		if err != nil {
			return nil, err
		}
		if t.Lookup("content") == nil {
			return nil, fmt.Errorf("%s: no {{define \"content\"}}", p)
		}
		sets[strings.TrimSuffix(path.Base(p), ".html")] = &templateSet{t}
	}
	return sets, nil
}

// funcs are the template functions; translation is a method of Page, so
// it knows the language.
func (s *Server) funcs() template.FuncMap {
	return template.FuncMap{
		"asset":  s.assets.url,
		"treeOf": treeOf,
	}
}

// Page is the data every page template gets; page data structs embed it:
//
//	type thingPage struct {
//		Page
//		Thing *things.Thing
//	}
type Page struct {
	Lang     string
	Title    string // translated; the <title> and usually the <h1>
	Path     string // the current path and query, for the language switch
	User     *account.User
	Flash    *Flash
	Form     *Form // never nil; empty unless a form came back with errors
	Demo     bool
	City     City
	Accounts []DemoAccount // demo accounts, in demo mode
	Admin    bool          // the user may enter the admin area
	Editor   bool          // the user may edit the service catalogue
	Staff    bool          // the user works at some office (appointments)
	Ideas    bool          // the user answers or moderates participation spaces
	Workshop bool          // the user may open the process workshop
	Writer   bool          // the user holds a role: writes for the city (plain-language check)
	Figures  bool          // the user may see the staff dashboards (/amt/kennzahlen)
	Defects  bool          // the user works defect reports (/amt/meldungen)

	tr *i18n.Catalog
}

// page returns the base page for r with the translated title.
func (s *Server) page(r *http.Request, titleKey string) Page {
	st := state(r)
	return Page{
		Lang:     st.lang,
		Title:    s.tr.T(st.lang, titleKey),
		Path:     r.URL.RequestURI(),
		User:     st.user,
		Flash:    st.flash,
		Form:     s.newForm(r, nil),
		Demo:     s.opts.Demo,
		City:     s.opts.City,
		Accounts: s.opts.DemoAccounts,
		Admin:    s.isAdmin(r, st.user),
		Editor:   s.isEditor(r, st.user),
		Staff:    s.isOfficeStaff(r, st.user),
		Ideas:    s.isParticipationStaff(r, st.user),
		Workshop: s.mayUseWorkshop(r, st.user),
		Writer:   s.isWriter(r, st.user),
		Figures:  s.isDashboardStaff(r, st.user),
		Defects:  s.isReportStaff(r, st.user),
		tr:       s.tr,
	}
}

// isWriter reports whether u holds a role, for the navigation link to
// the plain-language check; an error only hides the link.
func (s *Server) isWriter(r *http.Request, u *account.User) bool {
	ok, _ := s.hasAnyRole(r, u)
	return ok
}

// isAdmin reports whether u may enter the admin area: platform admins and
// organisation admins. An error only hides the link; the area checks again.
func (s *Server) isAdmin(r *http.Request, u *account.User) bool {
	ok, _ := s.adminAccess(r, u)
	return ok
}

// adminAccess decides once per request whether u may enter the admin area,
// for the gate (requireStaff) and the navigation link alike.
func (s *Server) adminAccess(r *http.Request, u *account.User) (bool, error) {
	st := state(r)
	if st.admin != nil {
		return *st.admin, nil
	}
	ok := u != nil && u.PlatformAdmin
	if u != nil && !ok && s.opts.Orgs != nil {
		var err error
		if ok, err = s.opts.Orgs.IsOrgAdmin(r.Context(), u.ID); err != nil {
			return false, err
		}
	}
	st.admin = &ok
	return ok, nil
}

// treeLevel is one level of the organisation tree for the "org-tree" partial.
type treeLevel struct {
	Page  Page
	Nodes []*org.Tree
}

func treeOf(p Page, nodes []*org.Tree) treeLevel { return treeLevel{p, nodes} }

// T translates key into the page's language.
func (p Page) T(key string, args ...any) string { return p.tr.T(p.Lang, key, args...) }

// LangLinks are the language switch entries: every language but the
// current one, each a plain GET link that sets the lang cookie.
func (p Page) LangLinks() []LangLink {
	var links []LangLink
	for _, l := range i18n.Langs {
		if l != p.Lang {
			q := url.Values{"to": {l}, "back": {p.Path}}
			links = append(links, LangLink{Lang: l, Name: p.tr.T(l, "lang.name"), URL: "/lang?" + q.Encode()})
		}
	}
	return links
}

// LangLink is one entry of the language switch.
type LangLink struct{ Lang, Name, URL string }

// Current reports whether path is the current page, for aria-current.
func (p Page) Current(path string) bool {
	cur, _, _ := strings.Cut(p.Path, "?")
	return cur == path
}

// Date formats t in the page's language.
func (p Page) Date(t time.Time) string {
	if p.Lang == "en" {
		return t.Format("2 January 2006")
	}
	return fmt.Sprintf("%d. %s %d", t.Day(), p.T("month."+strings.ToLower(t.Month().String())), t.Year())
}

// render executes the page template name with data and status 200.
func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, data any) error {
	return s.renderStatus(w, r, http.StatusOK, name, data)
}

// renderStatus executes the page template name into a buffer, so that a
// template error becomes a clean 500 instead of half a page, then writes
// it with status.
func (s *Server) renderStatus(w http.ResponseWriter, r *http.Request, status int, name string, data any) error {
	set, ok := s.templates[name]
	if !ok {
		return fmt.Errorf("render: no template %q", name)
	}
	var buf bytes.Buffer
	if err := set.t.ExecuteTemplate(&buf, "layout.html", data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Language", langOf(r))
	h.Add("Vary", "Accept-Language, Cookie")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes()) // a failed write means the client left
	return nil
}

// conflictAlert is the data of the "conflict-alert" partial.
type conflictAlert struct{ Message, URL, Title, Reload string }

// ConflictAlert builds a staff page's conflict alert: msg ("" for none),
// the page to reload, and the translation keys of title and link.
func (p Page) ConflictAlert(msg, url, titleKey, reloadKey string) conflictAlert {
	return conflictAlert{Message: msg, URL: url, Title: p.T(titleKey), Reload: p.T(reloadKey)}
}
