package config

import (
	"io"
	"testing"
	"time"
)

func TestInquirySettings(t *testing.T) {
	c, _, err := Load("serve", nil, envOf(map[string]string{"RATHAUS_INQUIRY_OFFICE": "servicecenter",
		"RATHAUS_INQUIRY_THRESHOLD": "0.75", "RATHAUS_INQUIRY_RETENTION": "720h"}), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Inquiry{Office: "servicecenter", Threshold: 0.75, Retention: 720 * time.Hour}); c.Inquiry != want {
		t.Errorf("Inquiry = %+v, want %+v", c.Inquiry, want)
	}
	for _, bad := range []map[string]string{{"RATHAUS_INQUIRY_THRESHOLD": "1.5"}, {"RATHAUS_INQUIRY_THRESHOLD": "x"},
		{"RATHAUS_INQUIRY_RETENTION": "-1h"}} {
		if _, _, err := Load("serve", nil, envOf(bad), io.Discard); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}
