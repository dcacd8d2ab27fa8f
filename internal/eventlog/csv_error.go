package eventlog

import "fmt"

// Message keys of ImportError. The web layer translates them; Args fill
// the placeholders in the order the English messages below use them.
const (
	KeyEmpty             = "import.empty"               // the file has no content
	KeyCSVSyntax         = "import.csv.syntax"          // Args: parser message
	KeyCSVMappingMissing = "import.csv.mapping_missing" // Args: role ("case", "activity")
	KeyCSVUnknownColumn  = "import.csv.unknown_column"  // Args: column name
	KeyCSVTimeFormat     = "import.csv.time_format"     // Args: column, first value
	KeyOCELSyntax        = "import.ocel.syntax"         // Args: parser message
	KeyOCELVersion       = "import.ocel.version"        // OCEL 1.0 XML input
	KeyOCELTime          = "import.ocel.time"           // Args: value, event or object ID
)

var importMessages = map[string]string{
	KeyEmpty:             "the file is empty",
	KeyCSVSyntax:         "the CSV file cannot be read: %v",
	KeyCSVMappingMissing: "no column is chosen for the %s",
	KeyCSVUnknownColumn:  "the column %q does not exist in the file",
	KeyCSVTimeFormat:     "no timestamp in column %q could be read (first value %q)",
	KeyOCELSyntax:        "the OCEL file cannot be read: %v",
	KeyOCELVersion:       "the file is OCEL 1.0 XML; OCEL 2.0 (XML or JSON) and OCEL 1.0 JSON can be read",
	KeyOCELTime:          "the time %q of %s cannot be read",
}

// ImportError is a problem that stops an import. Key identifies the message
// (one of the Key constants) so that callers can translate it; Args are its
// parameters; Line is the 1-based line in the file, 0 when unknown. Err is
// the underlying cause, if any.
type ImportError struct {
	Key  string
	Args []any
	Line int
	Err  error
}

// Error is the English message.
func (e *ImportError) Error() string {
	format, ok := importMessages[e.Key]
	var msg string
	if ok {
		msg = fmt.Sprintf(format, e.Args...)
	} else {
		msg = fmt.Sprint(append([]any{e.Key + ":"}, e.Args...)...)
	}
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, msg)
	}
	return msg
}

// Unwrap is the underlying cause.
func (e *ImportError) Unwrap() error { return e.Err }

func importErr(key string, line int, args ...any) *ImportError {
	return &ImportError{Key: key, Args: args, Line: line}
}
