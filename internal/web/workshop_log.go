package web

// workshopLogRoutes are the pages and JSON of event logs and their analyses.
//
// Pages: the workshop's home with every source (workshop_log_home.go),
// the import of a log (workshop_log_import.go), and per source
// (/amt/prozesse/protokolle/{key}, the key path-escaped: "case:9",
// "log:3") the overview and the analyses, each with the shared filter
// (workshop_log_filter.go) and exports (workshop_log_export.go). Every
// analysis is also JSON under /api/v1/workshop/sources/{key}/…; the
// workshop.Service decides what each user may see.
func (s *Server) workshopLogRoutes() []route {
	base := "/amt/prozesse/protokolle/{key}"
	api := "/api/v1/workshop/sources/{key}"
	page := s.requireUser
	rs := []route{
		{"GET /amt/prozesse", page(s.handleWorkshopHome)},
		{"GET /amt/prozesse/import", page(s.handleWorkshopImportForm)},
		{"POST /amt/prozesse/import", page(s.handleWorkshopImport)},
		{"GET " + base, page(s.handleWorkshopOverview)},
		{"GET " + base + "/dfg", page(s.handleWorkshopDFG)},
		{"GET " + base + "/varianten", page(s.handleWorkshopVariants)},
		{"GET " + base + "/aktivitaeten", page(s.handleWorkshopActivities)},
		{"GET " + base + "/engpaesse", page(s.handleWorkshopBottlenecks)},
		{"GET " + base + "/schleifen", page(s.handleWorkshopRework)},
		{"GET " + base + "/fristen", page(s.handleWorkshopDeadlines)},
		{"GET " + base + "/auslastung", page(s.handleWorkshopWorkload)},
		{"GET " + base + "/loeschen", page(s.handleWorkshopDeleteForm)},
		{"POST " + base + "/loeschen", page(s.handleWorkshopDelete)},

		{"GET /api/v1/workshop/sources", s.requireAPIUser(s.handleAPIWorkshopSources)},
		{"POST " + workshopAPIUpload, s.requireAPIUser(s.handleAPIWorkshopImport)},
		{"DELETE " + api, s.requireAPIUser(s.handleAPIWorkshopDelete)},
		{"GET " + api + "/export", s.requireAPIUser(s.handleAPIWorkshopExport)},
	}
	for _, ex := range workshopExports {
		rs = append(rs, route{"GET " + base + "/export." + ex.Ext, page(s.workshopExportPage(ex))})
	}
	for _, a := range workshopAPIAnalyses() {
		rs = append(rs, route{"GET " + api + "/" + a.name, s.requireAPIUser(s.workshopAPIAnalysis(a.run))})
	}
	return rs
}
