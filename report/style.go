package report

import "github.com/bosmanhq/bosman/rules"

// MaxWidth is the widest a form for people is drawn, in columns, whatever
// width it is asked for: a row of a timeline is allocated that wide.
const MaxWidth = 500

// Style is how a form for people is drawn.
type Style struct {
	AsOf  rules.Date // window dates reached by this day are coloured
	Color bool       // ANSI colours, for a terminal
	// Width is the number of columns to fit: tables drop or shorten columns
	// and prose wraps to it. 0 means 100; at most MaxWidth.
	Width int
	// Sources: the card gives every rule's sources and the texts of the
	// sources' disagreements; without it, a line per rule.
	Sources bool
}

// width is the number of columns s fits its forms to.
func (s Style) width() int {
	if s.Width <= 0 {
		return cardWidth
	}
	return min(max(s.Width, 40), MaxWidth)
}

// paint colours s as the status st is coloured, when st.Color.
func (s Style) paint(str string, st rules.Status) string {
	if !s.Color {
		return str
	}
	code := ""
	switch st {
	case rules.UnderContract:
		code = "2" // dim
	case rules.ForeignOpen:
		code = "33" // yellow
	case rules.PrecontractOpen:
		code = "32" // green
	case rules.FreeAgent:
		code = "1;32" // bold green
	case rules.UnknownExpiry:
		code = "35"
	}
	return "\x1b[" + code + "m" + str + "\x1b[0m"
}

// paintDate colours str, the text of a window date d, once d is reached.
func (s Style) paintDate(d rules.Date, str string) string {
	if !s.Color || d.IsZero() || d.After(s.AsOf) {
		return str
	}
	return "\x1b[32m" + str + "\x1b[0m"
}

// statusText is the status in words, for tables.
func statusText(w *rules.Windows) string {
	switch w.Status {
	case rules.UnderContract:
		return "under contract"
	case rules.ForeignOpen:
		return "can sign abroad"
	case rules.PrecontractOpen:
		return "can sign anywhere"
	case rules.FreeAgent:
		if w.Stale {
			return "expired: check"
		}
		return "free agent"
	case rules.UnknownExpiry:
		return "expiry unknown"
	}
	return string(w.Status)
}
