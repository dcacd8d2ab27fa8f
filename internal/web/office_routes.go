package web

// officeRoutes are the office side of appointments: calendar, check-in,
// walk-in tickets, calling, the waiting-room display, statistics, setup.
func (s *Server) officeRoutes() []route {
	return nil
}
