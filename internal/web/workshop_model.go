package web

// workshopModelRoutes are the pages and JSON of process models,
// conformance, the digitisation check and the what-if simulation.
func (s *Server) workshopModelRoutes() []route {
	return nil
}
