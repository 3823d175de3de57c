package rules

import (
	"fmt"
	"strings"
)

// Confidence says how sure the research behind a rule is.
type Confidence int

// Confidence levels, from no claim to official text or several agreeing sources.
const (
	Unknown Confidence = iota
	Low
	Medium
	High
)

func (c Confidence) String() string {
	switch c {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	}
	return "unknown"
}

// UnmarshalText reads "high", "medium" or "low".
func (c *Confidence) UnmarshalText(b []byte) error {
	switch strings.ToLower(string(b)) {
	case "high":
		*c = High
	case "medium":
		*c = Medium
	case "low":
		*c = Low
	default:
		return fmt.Errorf("confidence %q: want high, medium or low", b)
	}
	return nil
}

// MarshalText writes the confidence as a word.
func (c Confidence) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// Rule is what every rule in a rule set carries: what it says, where it is
// written, and how sure we are.
type Rule struct {
	ID         string     `toml:"id"`
	Text       string     `toml:"text"`
	Sources    []string   `toml:"sources"`
	Confidence Confidence `toml:"confidence"`
	// Disputed says where sources disagree or are silent; the tool shows it.
	Disputed string `toml:"disputed"`
	// InForce limits the rule to contracts whose expiry falls in the range,
	// so a question about an earlier season gets the rule of its day.
	InForce Span `toml:"in_force"`

	Set  *Set   `toml:"-"` // the rule set it belongs to
	File string `toml:"-"`
	Line int    `toml:"-"`
}

// Span is a range of days, either end open when zero.
type Span struct {
	From  Date `toml:"from"`
	Until Date `toml:"until"`
}

// Contains reports whether d is inside the span.
func (s Span) Contains(d Date) bool {
	return (s.From.IsZero() || !d.Before(s.From)) && (s.Until.IsZero() || !d.After(s.Until))
}

// Domestic rule kinds.
const (
	// KindSixMonths: the FIFA six-month rule applies to domestic moves too,
	// optionally not before a date in the final year (NotBefore).
	KindSixMonths = "six-months"
	// KindApproachAfter: clubs of the association may approach without
	// consent from Opens in the final year, if the player becomes free on
	// FreeOn and meets Condition; otherwise only with consent.
	KindApproachAfter = "approach-after"
	// KindLeagueFreeAgency: a single-entity league; domestic moves go through
	// the league's free agency or re-entry draft, not through pre-contracts.
	KindLeagueFreeAgency = "league-free-agency"
)

// DomesticRule says when a club of the same association may sign the player.
type DomesticRule struct {
	Rule
	Kind      string   `toml:"kind"`
	NotBefore *DaySpec `toml:"not_before"` // six-months: not before this day of the final year
	Opens     *DaySpec `toml:"opens"`      // approach-after: opens on this day of the final year
	FreeOn    *DaySpec `toml:"free_on"`    // approach-after: only for players free on this day
	Condition string   `toml:"condition"`  // approach-after: the player's side of it
	Otherwise string   `toml:"otherwise"`  // what applies when the rule does not
	// league-free-agency
	FreeAgencyAge      int `toml:"free_agency_age"`
	FreeAgencyService  int `toml:"free_agency_service_years"`
	ReEntryAge         int `toml:"re_entry_age"`
	ReEntryServiceYear int `toml:"re_entry_service_years"`
	// Notice: a written notice to the current club is needed first.
	Notice bool `toml:"notice"`
}

// Period is a registration period of an association.
type Period struct {
	Rule
	Name   string `toml:"name"`   // "summer", "winter", "domestic" …
	Season string `toml:"season"` // "2025/26", "2026"
	Opens  Date   `toml:"opens"`
	Closes Date   `toml:"closes"`
	// FreeAgentsUntil overrides the association's free-agent limit for a
	// player whose contract ended before this period closed.
	FreeAgentsUntil Date `toml:"free_agents_until"`
	// Estimated marks a period generated from a Pattern, not published.
	Estimated bool `toml:"-"`
}

// Pattern is the recurring shape of a registration period, used for
// seasons whose dates are not published; the periods it makes are estimated.
type Pattern struct {
	Rule
	Name   string   `toml:"name"`
	Opens  *DaySpec `toml:"opens"`
	Closes *DaySpec `toml:"closes"`
	// Roll moves a closing day that is not a working day: "next-workday".
	Roll string `toml:"roll"`
}

// FreeAgentRule is the association's reading of FIFA art. 6: a player whose
// contract ended before a period closed may be registered outside it.
type FreeAgentRule struct {
	Rule
	Allowed bool     `toml:"allowed"`
	After   []string `toml:"after"` // names of periods after which it applies; empty: all
	// Until is the last day, the first such day after the period closed;
	// unset: until the next period has closed (FIFA art. 6).
	Until *DaySpec `toml:"until"`
	// DaysAfterClose: the limit is this many days after the period closed
	// (Russia: 30), for seasons whose period gives no free_agents_until.
	DaysAfterClose int `toml:"days_after_close"`
}

// Registrations holds the periods and the free-agent exception.
type Registrations struct {
	Periods    []*Period      `toml:"period"`
	Patterns   []*Pattern     `toml:"pattern"`
	FreeAgents *FreeAgentRule `toml:"free_agents"`
}

// Calendar names the working-day calendar of an association.
type Calendar struct {
	Rule
	Holidays string   `toml:"holidays"` // rickar/cal package: "gb", "es" …; "" for none
	Weekend  []string `toml:"weekend"`  // default saturday, sunday
	// Extra lists fixed public holidays, for an association whose country
	// rickar/cal does not cover (or to add to its list).
	Extra []FixedHoliday `toml:"extra"`

	work *workdays
}

// FixedHoliday is a public holiday on the same day every year.
type FixedHoliday struct {
	Name  string `toml:"name"`
	Month int    `toml:"month"`
	Day   int    `toml:"day"`
}

// Compensation is a compensation note: shown when it may apply, as a note
// with its confidence, never as a verdict.
type Compensation struct {
	Rule
	// Scope: "domestic" (a club of the same association) or "international".
	Scope string `toml:"scope"`
	// UnderAge: applies while the player is younger than this on the day he
	// becomes free.
	UnderAge int `toml:"under_age"`
	// UntilYearOfBirthday: applies until the end of the calendar year of
	// this birthday (FIFA training compensation: 23).
	UntilYearOfBirthday int `toml:"until_year_of_birthday"`
}

// Deadline is a dated step in the final year worth knowing (offer deadlines,
// notice dates), shown as a note.
type Deadline struct {
	Rule
	Day *DaySpec `toml:"day"`
	// FreeOn limits it to players free on this day of the final year.
	FreeOn *DaySpec `toml:"free_on"`
}

// Renewal is an automatic renewal that makes the expiry uncertain
// (Netherlands: an extended contract renews for a year unless notice is given).
type Renewal struct {
	Rule
	Months       int      `toml:"months"`
	ClubNotice   *DaySpec `toml:"club_notice"`
	PlayerNotice *DaySpec `toml:"player_notice"`
	FreeOn       *DaySpec `toml:"free_on"`
}

// Set is the rule set of one association, or of a league on top of its
// association (MLS on USA).
type Set struct {
	Code    string   `toml:"code"`    // FIFA code (ENG) or league set name (MLS)
	Name    string   `toml:"name"`    // England
	Bodies  string   `toml:"bodies"`  // who makes the rules
	Extends string   `toml:"extends"` // a league set: the set it builds on
	Leagues []string `toml:"leagues"` // competition ids this set covers (MLS1)
	// Season describes the season and the usual expiry in words.
	Season      string   `toml:"season"`
	UsualExpiry *DaySpec `toml:"usual_expiry"`

	Foreign      *DomesticRule  `toml:"foreign"` // only in the FIFA baseline
	Domestic     []DomesticRule `toml:"domestic"`
	Calendar     *Calendar      `toml:"calendar"`
	Registration *Registrations `toml:"registration"`
	Compensation []Compensation `toml:"compensation"`
	Deadlines    []Deadline     `toml:"deadline"`
	Renewal      *Renewal       `toml:"renewal"`
	Notes        []Rule         `toml:"note"`

	File string `toml:"-"`

	parent      *Set
	extendsLine int
	periods     periodCache
}

// DomesticFor returns the domestic rule in force for a contract expiring on
// expiry: the first in file order whose in_force holds it, or nil.
func (s *Set) DomesticFor(expiry Date) *DomesticRule {
	for i := range s.Domestic {
		if s.Domestic[i].InForce.Contains(expiry) {
			return &s.Domestic[i]
		}
	}
	return nil
}

// Confidence is the lowest confidence of the set's domestic rule in force
// today-ish: the one without an end date.
func (s *Set) Confidence() Confidence {
	for i := range s.Domestic {
		if s.Domestic[i].InForce.Until.IsZero() {
			return s.Domestic[i].Confidence
		}
	}
	return Unknown
}
