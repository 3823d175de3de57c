package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// CardMarkdown writes the card as Markdown for an article: the player as a
// heading, the contract and status, the dates as a table, the notes, the
// contracts in the data and the rules as lists. Every text from the data
// or the rules is escaped (see MarkdownCell); st.Sources adds the rules'
// sources.
func CardMarkdown(out io.Writer, en *Entry, history []contracts.Contract, st Style) error {
	st.Color = false
	c0 := cleanContract(en.Contract)
	c, w := &c0, en.Windows
	md := mdText
	fmt.Fprintf(out, "## %s\n\n", md(c.Player))
	born := strings.TrimPrefix(bornText(c, st.AsOf), ", ")
	if born != "" {
		born = strings.ToUpper(born[:1]) + born[1:] + ". "
	}
	fmt.Fprintf(out, "%s%s.\n", born, md(clubText(c, w)))
	if c.Loan.Club != "" {
		fmt.Fprintf(out, "On loan at %s until %s.\n", md(c.Loan.Club), c.Loan.Until.Human())
	}
	fmt.Fprintf(out, "Data: %s.\n", md(DataSource(en)))
	if wn := DataWarning(en, st.AsOf); wn != "" {
		fmt.Fprintf(out, "**Warning:** %s\n", md(wn))
	}
	if n := InferredNote(en); n != "" {
		fmt.Fprintf(out, "Note: %s.\n", md(n))
	}
	if w.Status == rules.UnknownExpiry {
		fmt.Fprintf(out, "\nContract expiry unknown: the dataset gives no expiry, so no window can be computed.\n")
	} else {
		fmt.Fprintf(out, "\n%s. %s\n\n", md(contractText(c)), md(strings.TrimSuffix(statusSentence(c, w, st), ".")+"."))
		writeMarkdownTable(out, []string{"", "Date", "In", "Rule", "Confidence"}, cardRows(w, st))
	}
	clean := *en
	clean.Contract = c0
	mdList(out, "Notes", cardNotes(&clean, st.Sources))
	mdList(out, "Contracts in the data", historyItems(cleanHistory(history), c))
	var ruleItems []string
	for _, r := range usedRules(w) {
		f := ruleFacts(r)
		item := fmt.Sprintf("%s (%s confidence), %s", ruleName(r), f[0], f[1])
		if f[2] != "" {
			item += "; " + f[2]
		}
		if st.Sources {
			for _, src := range r.Sources {
				item += "\n  - " + md(src)
			}
		}
		ruleItems = append(ruleItems, item)
	}
	mdList(out, "Rules", ruleItems)
	if src, conf, record := sourceParts(c); src != "" || record != "" {
		fmt.Fprintf(out, "\nSource: %s%s. Record: %s.\n", md(orWord(src, "none given")), conf, md(record))
	}
	return nil
}

// writeMarkdownTable writes a GFM table, every cell cleaned and escaped.
func writeMarkdownTable(out io.Writer, header []string, rows [][]string) {
	row := func(cells []string) {
		var b strings.Builder
		b.WriteByte('|')
		for _, c := range cells {
			b.WriteString(" " + mdText(c) + " |")
		}
		fmt.Fprintln(out, b.String())
	}
	row(header)
	fmt.Fprintln(out, "|"+strings.Repeat(" --- |", len(header)))
	for _, r := range rows {
		row(r)
	}
}

// mdList writes items as a Markdown list under a heading, when there are
// any. An item's own sub-list (lines starting "\n  - ") is kept.
func mdList(out io.Writer, heading string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(out, "\n### %s\n\n", heading)
	for _, it := range items {
		head, sub, _ := strings.Cut(it, "\n  - ")
		fmt.Fprintf(out, "- %s\n", mdText(head))
		if sub != "" {
			for _, s := range strings.Split(sub, "\n  - ") {
				fmt.Fprintf(out, "  - %s\n", s) // escaped by the caller
			}
		}
	}
}

// mdText is s cleaned (see Clean) and escaped for Markdown (MarkdownCell),
// its asterisks too: bosman's marks are not emphasis.
func mdText(s string) string {
	// line breaks and tabs are spaces in prose, as in the text forms
	s = spaced(s)
	return strings.ReplaceAll(MarkdownCell(Clean(s)), "*", `\*`)
}
