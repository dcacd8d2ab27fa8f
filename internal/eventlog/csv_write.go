package eventlog

import (
	"bufio"
	"encoding/csv"
	"io"
	"time"
)

// csvTimeLayout is RFC 3339 with milliseconds, as WriteCSV writes times.
const csvTimeLayout = "2006-01-02T15:04:05.000Z07:00"

// WriteCSV writes l as CSV, one row per event, in case order. The columns
// are case_id, activity, timestamp (RFC 3339 with milliseconds, UTC),
// resource, then one column "case:<key>" per case attribute and one per
// event attribute. Missing values are empty cells; cases without events
// are left out.
//
// The file starts with a UTF-8 byte order mark: without it Excel reads
// UTF-8 as a legacy code page and garbles umlauts. The separator is a
// comma; Excel with a German locale expects ';' when a file is opened by
// double click, so there the file is best imported via Data > From
// Text/CSV. ReadCSV with DetectCSVMapping reads the file back.
func WriteCSV(w io.Writer, l *Log) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString("\ufeff")
	cw := csv.NewWriter(bw)
	header := []string{"case_id", "activity", "timestamp", "resource"}
	for _, c := range l.CaseAttrs {
		header = append(header, "case:"+c.Key)
	}
	for _, c := range l.EventAttrs {
		header = append(header, c.Key)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(header))
	var buf []byte
	for ci, c := range l.Cases {
		rec[0] = c.ID
		for j, col := range l.CaseAttrs {
			rec[4+j] = l.Value(col.Val[ci])
		}
		for e := c.Start; e < c.End; e++ {
			rec[1] = l.Activities[l.Act[e]]
			rec[2] = ""
			if t := l.Time[e]; t != NoTime {
				buf = time.Unix(0, t).UTC().AppendFormat(buf[:0], csvTimeLayout)
				rec[2] = string(buf)
			}
			rec[3] = l.Value(l.Resource[e])
			for j, col := range l.EventAttrs {
				rec[4+len(l.CaseAttrs)+j] = l.Value(col.Val[e])
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
