package promo

// DayFunnel is what one campaign brought on one calendar day: scans of
// its QR code, online applications started by visitors who came with its
// tag, and those submitted (each application counts once, on the day of
// its start and of its submission). Counters only, no personal data.
type DayFunnel struct {
	Day       string // "2006-01-02" in the city's time zone
	Scans     int
	Started   int
	Submitted int
}

// FunnelTotals sums a campaign's days.
type FunnelTotals struct {
	Scans, Started, Submitted int
}

// Total adds the days up.
func Total(days []DayFunnel) FunnelTotals {
	var t FunnelTotals
	for _, d := range days {
		t.Scans += d.Scans
		t.Started += d.Started
		t.Submitted += d.Submitted
	}
	return t
}

// Share is part/whole as a fraction, and false when whole is zero (no
// share to speak of). Shares may exceed 1: someone who scanned on one day
// may apply on a later day, or apply twice.
func Share(part, whole int) (float64, bool) {
	if whole <= 0 {
		return 0, false
	}
	return float64(part) / float64(whole), true
}
