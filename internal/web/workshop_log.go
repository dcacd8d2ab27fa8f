package web

// workshopLogRoutes are the pages and JSON of event logs and their analyses.
func (s *Server) workshopLogRoutes() []route {
	return nil
}
