// Package open311 is the Open311 GeoReport v2 wire format: the documents a
// server sends (discovery, service list, service definition, service
// requests, POST responses, token lookups, errors and the FixMyStreet
// servicerequestupdates feed), their encoders for XML and JSON, and the
// parsing and validation of what clients send (POST /requests and the GET
// /requests filters). It has no HTTP handlers, no store and no dependency
// beyond the standard library; internal/web wires it to the reports domain.
//
// Conventions, following wiki.open311.org/GeoReport_v2:
//
//   - XML is mandatory and JSON supported; both are UTF-8. XML documents start
//     with <?xml version="1.0" encoding="utf-8"?> and use the standard's root
//     and element names (<services><service>, <service_definition>,
//     <service_requests><request>, <errors><error>, <discovery>,
//     <service_request_updates><request_update>).
//   - JSON lists are top-level arrays (a service definition and the
//     discovery are objects, as in the standard's examples); every id
//     (service_code, service_request_id, token, account_id, update_id, a
//     value's key) is a string; empty optional values are null.
//   - Date-times are ISO 8601 with the time-zone offset, written in the
//     city's zone (Europe/Berlin), e.g. 2026-04-14T06:37:38+02:00.
//   - Errors are a list of code and description; Error.Status is the HTTP
//     status (400, 403 or 404) and the code equals it, as in the standard's
//     example. Descriptions are English: the API is machine-facing.
//
// Decisions where the standard leaves room:
//
//   - description: at most 4,000 characters; text that contains an HTML tag
//     (something like <b>, </p>, <!-- or <?) is rejected with 400 rather than
//     silently stripped, so nothing the client sent is changed behind its
//     back. A lone "<" as in "a < b" is fine.
//   - bbox is lon1,lat1,lon2,lat2 (WGS 84; longitude first), the order
//     Mark-a-Spot's GeoReport server reads (bbox[0] and bbox[2] longitudes,
//     bbox[1] and bbox[3] latitudes) and the OpenLayers order FixMyStreet's
//     map uses; the corners may come in either order.
//   - service_request_id on GET /requests overrides every other filter, as the
//     standard says; the other parameters are then not applied.
//   - start_date/end_date: the range may span at most 90 days; without either,
//     the last 90 days; with one, 90 days from or up to it.
//   - Paging: page (from 1) with page_size, or limit with offset (not
//     mixed); at most 1,000 results per call, which is also the default.
//   - Attributes a service definition does not know are dropped, not
//     rejected: clients like FixMyStreet send extra ones (easting,
//     fixmystreet_id, report_url …).
//   - Location: exactly one of lat+long, address_string and address_id, as
//     issue 10 asks. The standard only requires one of them, and FixMyStreet
//     sends lat, long and address_string together; PostOptions.CombinedLocation
//     accepts that (the point is the location, the address kept beside it).
package open311
