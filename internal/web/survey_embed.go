package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// handleSurveyEmbed serves a survey without the site's header, navigation
// and footer, for a link or a frame on another city site. Its form and
// links open on this site (target _top), where the session and the
// double-submit cookie work. Only the origins in Options.EmbedOrigins may
// frame it; without any it is linkable, not frameable.
func (s *Server) handleSurveyEmbed(w http.ResponseWriter, r *http.Request) error {
	sv, err := s.publicSurvey(r)
	if err != nil {
		return err
	}
	p, err := s.surveyAnswerPage(r, sv, nil, nil)
	if err != nil {
		return err
	}
	p.Embed = true
	if origins := surveyEmbedOrigins(s.opts.EmbedOrigins); origins != "" {
		w.Header().Set("Content-Security-Policy", strings.Replace(csp, "frame-ancestors 'none'", "frame-ancestors "+origins, 1))
		w.Header().Del("X-Frame-Options")
	}
	set, ok := s.templates["survey_embed"]
	if !ok {
		return fmt.Errorf("render: no template survey_embed")
	}
	var buf bytes.Buffer
	if err := set.t.ExecuteTemplate(&buf, "survey-embed", p); err != nil {
		return fmt.Errorf("render survey_embed: %w", err)
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Language", langOf(r))
	_, _ = w.Write(buf.Bytes())
	return nil
}

// surveyEmbedOrigins renders the configured origins for frame-ancestors,
// keeping only plain http(s) origins (scheme, host, port).
func surveyEmbedOrigins(list []string) string {
	var out []string
	for _, o := range list {
		u, err := url.Parse(strings.TrimSpace(o))
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" ||
			u.User != nil || strings.Trim(u.Path, "/") != "" || u.RawQuery != "" || strings.ContainsAny(u.Host, " ;,'\"") {
			continue
		}
		out = append(out, u.Scheme+"://"+u.Host)
	}
	return strings.Join(out, " ")
}
