-- The online forms' funnel and the campaigns' conversions, as counters
-- only: nothing here names a person or a draft.
--
-- A draft remembers how far its application got (funnel_reached: the
-- index in the form's pages of the page it stopped at; pages before it
-- have been passed), the month (Europe/Berlin) it was counted as
-- started (funnel_month, '' for drafts that are not counted) and the
-- campaign it came from (campaign, a promo_campaigns code or ''). Saving
-- a draft bumps the counters of the pages it passes for the first time,
-- in the same transaction; submitting it bumps "submitted" of its start
-- month. So every application counts at most once per page.
ALTER TABLE case_drafts ADD COLUMN campaign TEXT NOT NULL DEFAULT '';
ALTER TABLE case_drafts ADD COLUMN funnel_month TEXT NOT NULL DEFAULT '';
ALTER TABLE case_drafts ADD COLUMN funnel_reached INTEGER NOT NULL DEFAULT 0;

-- Applications started and submitted online per month of their start and
-- service; org_id is the service's responsible unit when counting began.
CREATE TABLE form_funnel_totals (
    month TEXT NOT NULL,
    service_id INTEGER NOT NULL,
    org_id INTEGER,
    started INTEGER NOT NULL DEFAULT 0,
    submitted INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, service_id)
);
CREATE INDEX form_funnel_totals_org ON form_funnel_totals (org_id, month);

-- Applications (by month of their start) that got past a form page.
CREATE TABLE form_funnel (
    month TEXT NOT NULL,
    service_id INTEGER NOT NULL,
    page_index INTEGER NOT NULL,
    page_id TEXT NOT NULL,
    org_id INTEGER,
    passed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (service_id, month, page_index, page_id)
);

-- Applications started and submitted per campaign and day, next to the
-- scans of promo_scans.
CREATE TABLE promo_funnel (
    campaign_id INTEGER NOT NULL REFERENCES promo_campaigns (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    started INTEGER NOT NULL DEFAULT 0,
    submitted INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, day)
);
