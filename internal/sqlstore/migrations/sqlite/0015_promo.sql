-- Promotion campaigns: a short code for one service and medium (poster or
-- flyer), printed as a QR code to /q/{code}. Scans are only counted per
-- campaign and calendar day: no cookie, address or device is stored.
-- service_id has no foreign key, like feedback: services are catalogue
-- rows that may be replaced by an import, the counts stay.

CREATE TABLE promo_campaigns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    service_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    medium TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX promo_campaigns_service ON promo_campaigns (service_id, created_at);

CREATE TABLE promo_scans (
    campaign_id INTEGER NOT NULL REFERENCES promo_campaigns (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    scans INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, day)
);
