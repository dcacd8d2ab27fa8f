package main

import (
	"time"

	"rathaus/internal/opendata"
)

// openData builds the open-data service from the configuration: the city
// publishes, its e-mail is the contact point.
func (a *app) openData() *opendata.Service {
	c, city := a.cfg.OpenData, a.cfg.City
	return opendata.NewService(a.db, opendata.Settings{
		BaseURL:       a.cfg.BaseURL,
		Publisher:     opendata.Agent{Name: city.Name, URI: c.PublisherURI},
		ContactEmail:  city.Email,
		License:       c.License,
		Attribution:   c.Attribution,
		MinCount:      c.MinCount,
		AGS:           c.AGS,
		ContributorID: c.ContributorID,
	}, time.Now)
}
