package web

// appointmentRoutes are the citizen's booking pages and API.
func (s *Server) appointmentRoutes() []route {
	return nil
}
