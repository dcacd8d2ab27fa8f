package dldb

import (
	"io"
	"slices"
	"strconv"
	"strings"

	"rathaus/internal/catalog"
)

type rawLocation struct {
	ID               text                     `json:"id"`
	Name             text                     `json:"name"`
	DisplayName      text                     `json:"displayName"`
	Organization     text                     `json:"organization"`
	OrganizationUnit text                     `json:"organizationUnit"`
	Address          object[rawAddress]       `json:"address"`
	Geo              object[rawGeo]           `json:"geo"`
	Contact          object[rawContact]       `json:"contact"`
	Services         list[rawLocationService] `json:"services"`
}

type rawAddress struct {
	Street      text `json:"street"`
	HouseNumber text `json:"house_number"`
	PostalCode  text `json:"postal_code"`
	City        text `json:"city"`
	Hint        text `json:"hint"`
}

type rawGeo struct {
	Lat text `json:"lat"`
	Lon text `json:"lon"`
}

type rawContact struct {
	Email   text `json:"email"`
	Phone   text `json:"phone"`
	Webinfo text `json:"webinfo"`
}

type rawLocationService struct {
	Service          text                   `json:"service"`
	OnlineProcessing object[rawAppointment] `json:"onlineprocessing"`
}

// officeIndex holds the offices of a locations export and, per service
// id, the locations' "onlineprocessing" links.
type officeIndex struct {
	list       []catalog.BundleOffice
	keys       map[string]bool
	processing map[string][]string
}

func (x officeIndex) has(key string) bool { return x.keys[key] }

func readLocations(r io.Reader) (officeIndex, error) {
	var raw []rawLocation
	if err := readData(r, &raw); err != nil {
		return officeIndex{}, err
	}
	x := officeIndex{keys: map[string]bool{}, processing: map[string][]string{}}
	for _, l := range raw {
		o, ok := convertLocation(l)
		if !ok || x.keys[o.Key] {
			continue
		}
		x.keys[o.Key] = true
		x.list = append(x.list, o)
		for _, s := range l.Services {
			id, link := s.Service.String(), s.OnlineProcessing.V.Link.String()
			if link != "" && !slices.Contains(x.processing[id], link) {
				x.processing[id] = append(x.processing[id], link)
			}
		}
	}
	return x, nil
}

// convertLocation maps one DLDB location; false when it has no id or name
// ("public" is the appointment system's flag, as for services). The DLDB name carries the internal unit code
// ("Gewerbeamt (KVR-III/21)"), which tells apart offices that share a
// display name; it is kept. Opening hours are not in the export.
func convertLocation(l rawLocation) (catalog.BundleOffice, bool) {
	o := catalog.BundleOffice{Key: l.ID.String(), Name: oneLine(l.Name.String())}
	if o.Name == "" {
		o.Name = oneLine(l.DisplayName.String())
	}
	if o.Key == "" || o.Name == "" {
		return o, false
	}
	o.Authority = oneLine(l.OrganizationUnit.String())
	if o.Authority == "" {
		o.Authority = oneLine(l.Organization.String())
	}
	a := l.Address.V
	o.Address = catalog.Address{
		Street:     oneLine(a.Street.String()),
		HouseNo:    oneLine(a.HouseNumber.String()),
		PostalCode: oneLine(a.PostalCode.String()),
		City:       oneLine(a.City.String()),
		Hint:       oneLine(a.Hint.String()),
	}
	o.Lat, o.Lon = coordinates(l.Geo.V)
	c := l.Contact.V
	o.Phone = oneLine(c.Phone.String())
	if e := strings.TrimSpace(c.Email.String()); strings.Contains(e, "@") && !strings.ContainsAny(e, " ,;") {
		o.Email = e
	}
	o.Website = cleanURL(c.Webinfo.String())
	return o, true
}

// coordinates reads WGS84 latitude and longitude; nil for both when
// either is missing, out of range or the 0,0 placeholder.
func coordinates(g rawGeo) (*float64, *float64) {
	lat, err1 := strconv.ParseFloat(strings.ReplaceAll(g.Lat.String(), ",", "."), 64)
	lon, err2 := strconv.ParseFloat(strings.ReplaceAll(g.Lon.String(), ",", "."), 64)
	if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 || (lat == 0 && lon == 0) {
		return nil, nil
	}
	return &lat, &lon
}
