package rules

// Contract is what the calculation needs to know of a contract.
type Contract struct {
	Association string // FIFA code of the current club's association (ENG)
	League      string // competition id (MLS1); picks a league rule set where one exists
	Signed      Date   // signed or announced; no window opens before it
	Start       Date
	Expires     Date // last day; zero: unknown
	Birth       Date // zero: unknown
	Option      Option
}

// Option is an option to extend the contract to Until, held by "club",
// "player" or "mutual".
type Option struct {
	Until  Date
	Holder string
}

// Query says on which day the question is asked, and for which association's
// clubs (To, a FIFA code; empty when no club in particular is asking).
type Query struct {
	AsOf Date
	To   string
}

// Status is where a contract stands on the as-of date.
type Status string

// The statuses, in the order a contract passes through them.
const (
	UnderContract   Status = "under-contract"
	ForeignOpen     Status = "foreign-precontract-open"
	PrecontractOpen Status = "precontract-open"
	FreeAgent       Status = "free-agent"
	UnknownExpiry   Status = "unknown-expiry"
)

// Step is one computed date and the rule that decides it. A zero Date with
// a Text means there is no such date ("only with the current club's consent").
type Step struct {
	Date       Date
	Rule       *Rule
	Confidence Confidence
	Text       string
}

// Registration is the earliest day a club of the target association may
// register the player.
type Registration struct {
	To     *Set
	From   Date
	Until  Date    // last day of that chance: the period's close or the exception's limit; zero: open-ended
	Period *Period // the period he is registered in, or the one whose close the exception follows
	// Exception: registered outside a period, under FIFA art. 6, because the
	// contract ended before Period closed.
	Exception bool
	Rule      *Rule
}

// Windows is the answer for one contract on one day.
type Windows struct {
	Set      *Set // the rule set applied
	Fallback bool // no rule set for the association: the FIFA baseline was used
	AsOf     Date
	Expires  Date

	FreeAgent    Step          // the day after expiry
	Foreign      Step          // FIFA RSTP art. 18.3, for clubs of another association
	Domestic     Step          // for clubs of the same association
	Registration *Registration // nil when no target association was asked for

	Status Status
	// Stale: the as-of date is past the expiry, so the record may be out of
	// date (a renewal or a move the data does not show).
	Stale bool

	Notes     []Note
	Scenarios []Scenario // other outcomes: option exercised, automatic renewal

	notes [4]Note // Notes' first backing array: most answers have few notes
}

// Note is a remark that belongs with the answer: a duty, a doubt, a
// compensation that may be due, a deadline.
type Note struct {
	Kind string // notice, interpretation, disputed, fallback, compensation, deadline, league, calendar, registration
	Rule *Rule
	Date Date // a date the note is about, if any
	Age  int  // the player's age the note depends on, if any (-1: unknown)
}

// Scenario is another outcome of the same contract.
type Scenario struct {
	Name    string // "option-exercised", "renewed"
	Rule    *Rule  // the renewal rule, or nil for an option
	Windows *Windows
}

// sixMonthsBefore returns the first day D such that D plus six calendar
// months reaches free: the day a contract ending the day before free
// "expires within six months" (FIFA RSTP art. 18.3).
//
// Adding months clamps to the end of the month (31 August + 6 months = the
// last day of February), so when free falls on a day that the month six
// back lacks (free on 31 December: June has no 31st), the month-end is one
// day short and the window opens on the first of the next month.
func sixMonthsBefore(free Date) Date {
	d := free.AddMonths(-6)
	if d.AddMonths(6).Before(free) {
		d = d.AddDays(1)
	}
	return d
}

// Windows computes the windows of c as asked by q.
func (b *Book) Windows(c Contract, q Query) *Windows {
	w := new(Windows)
	b.WindowsInto(w, c, q)
	return w
}

// WindowsInto is Windows writing into w, which it resets first: a caller
// computing many contracts one after another can reuse one Windows.
func (b *Book) WindowsInto(w *Windows, c Contract, q Query) {
	*w = Windows{AsOf: q.AsOf, Expires: c.Expires}
	w.Notes = w.notes[:0]
	w.Set = b.setFor(c.Association, c.League)
	if w.Set == nil {
		w.Set = b.fifa
		w.Fallback = true
		w.Notes = append(w.Notes, Note{Kind: "fallback", Rule: &b.fifa.Foreign.Rule})
	}
	if c.Expires.IsZero() {
		w.Status = UnknownExpiry
		return
	}
	b.compute(w, c, q)
	if !c.Option.Until.IsZero() && c.Option.Until.After(c.Expires) {
		alt := c
		alt.Expires, alt.Option = c.Option.Until, Option{}
		ow := &Windows{AsOf: q.AsOf, Expires: alt.Expires, Set: w.Set, Fallback: w.Fallback}
		b.compute(ow, alt, q)
		w.Scenarios = append(w.Scenarios, Scenario{Name: "option-exercised", Windows: ow})
	}
	if r := w.Set.Renewal; r != nil && r.InForce.Contains(c.Expires) && matchesFreeOn(r.FreeOn, w.FreeAgent.Date) {
		alt := c
		alt.Expires = c.Expires.AddMonths(r.Months)
		rw := &Windows{AsOf: q.AsOf, Expires: alt.Expires, Set: w.Set}
		b.compute(rw, alt, q)
		w.Scenarios = append(w.Scenarios, Scenario{Name: "renewed", Rule: &r.Rule, Windows: rw})
	}
}

// compute fills w, whose rule set WindowsInto has chosen, with the windows
// of c: the steps, the status on the as-of date and the notes that go with
// them.
func (b *Book) compute(w *Windows, c Contract, q Query) {
	free := c.Expires.AddDays(1)
	w.FreeAgent = Step{Date: free, Rule: &b.fifa.Foreign.Rule, Confidence: High}
	signedOrStart := c.Signed
	if signedOrStart.IsZero() {
		signedOrStart = c.Start
	}
	conf := b.foreignStep(w, free, signedOrStart)
	domesticStep(w, &c, free, signedOrStart, conf)
	w.setStatus(q.AsOf, free)
	b.contractNotes(w, &c, free)

	// Compensation that may be due.
	set := w.Set
	age := AgeOn(c.Birth, free)
	b.compensation(w, set, set, q.To, age, c.Birth, free)
	if set != b.fifa { // without a rule set of its own, the set is FIFA's
		b.compensation(w, b.fifa, set, q.To, age, c.Birth, free)
	}

	if q.To != "" {
		if to := b.setFor(q.To, ""); to != nil {
			w.Registration = registration(to, free, q.AsOf)
		}
		if w.Registration == nil {
			w.Notes = append(w.Notes, Note{Kind: "registration", Rule: &b.fifa.Foreign.Rule})
		}
	}
	if set.Calendar == nil || set.Calendar.Holidays == "" {
		w.Notes = append(w.Notes, Note{Kind: "calendar", Rule: calendarRule(set)})
	}
}

// foreignStep sets w.Foreign, the day clubs of another association may
// approach the player (FIFA RSTP art. 18.3), and returns its confidence,
// which caps the domestic step's.
func (b *Book) foreignStep(w *Windows, free, signedOrStart Date) Confidence {
	fr := b.fifa.Foreign
	foreign := sixMonthsBefore(free)
	conf := fr.Confidence
	if free.Day() != 1 {
		// Only month-end expiries are covered by practice; the day count
		// for other days is our reading of "within six months".
		conf = min(conf, Medium)
		w.Notes = append(w.Notes, Note{Kind: "interpretation", Rule: &b.fifa.Foreign.Rule, Date: foreign})
	}
	foreign = MaxDate(foreign, signedOrStart)
	w.Foreign = Step{Date: foreign, Rule: &fr.Rule, Confidence: conf, Text: "after written notice to the current club"}
	return conf
}

// domesticStep sets w.Domestic by the association's own rule for c's
// expiry, or by FIFA's, assumed, when it has none; conf is the foreign
// step's confidence.
func domesticStep(w *Windows, c *Contract, free, signedOrStart Date, conf Confidence) {
	dr := w.Set.DomesticFor(c.Expires)
	switch {
	case dr == nil:
		// No rule set (or none of its own for this expiry): the date at home
		// is FIFA's, assumed, never more than low confidence.
		w.Domestic = w.Foreign
		w.Domestic.Confidence = min(w.Domestic.Confidence, Low)
		w.Domestic.Text = "FIFA baseline assumed: no domestic rule of its own is known"
	case dr.Kind == KindSixMonths:
		d := w.Foreign.Date
		if dr.NotBefore.isSet() {
			// The last such day on or before the expiry: Italy's 1 January
			// of the season's final half, never a day after he is free.
			nb := dr.NotBefore.In(c.Expires.Year())
			if nb.After(c.Expires) {
				nb = dr.NotBefore.In(c.Expires.Year() - 1)
			}
			d = MaxDate(d, nb)
		}
		text := ""
		if dr.Notice {
			text = "after written notice to the current club"
		}
		w.Domestic = Step{Date: d, Rule: &dr.Rule, Confidence: min(dr.Confidence, conf), Text: text}
	case dr.Kind == KindApproachAfter:
		if matchesFreeOn(dr.FreeOn, free) {
			d := MaxDate(dr.Opens.In(c.Expires.Year()), signedOrStart)
			w.Domestic = Step{Date: d, Rule: &dr.Rule, Confidence: dr.Confidence, Text: dr.Condition}
		} else {
			w.Domestic = Step{Rule: &dr.Rule, Confidence: min(dr.Confidence, Medium), Text: dr.Otherwise}
		}
	case dr.Kind == KindLeagueFreeAgency:
		w.Domestic = Step{Rule: &dr.Rule, Confidence: dr.Confidence, Text: dr.Otherwise}
		w.Notes = append(w.Notes, Note{Kind: "league", Rule: &dr.Rule, Date: free, Age: AgeOn(c.Birth, free)})
	}
	if dr != nil && dr.Disputed != "" {
		w.Notes = append(w.Notes, Note{Kind: "disputed", Rule: &dr.Rule})
	}
}

// setStatus sets where the contract stands on asOf from the steps already
// computed, marking the record stale once the player is free.
func (w *Windows) setStatus(asOf, free Date) {
	switch {
	case !asOf.Before(free):
		w.Status = FreeAgent
		w.Stale = true
	case !w.Domestic.Date.IsZero() && !asOf.Before(w.Domestic.Date) && !asOf.Before(w.Foreign.Date):
		w.Status = PrecontractOpen
	case !asOf.Before(w.Foreign.Date):
		w.Status = ForeignOpen
	default:
		w.Status = UnderContract
	}
}

// contractNotes adds the notes on c itself: a length over FIFA's limit, and
// the deadlines and automatic renewal of its final year.
func (b *Book) contractNotes(w *Windows, c *Contract, free Date) {
	// Contract length: FIFA RSTP art. 18.2, counted from the first day of
	// the contract (a contract is often signed months before it starts).
	if !c.Start.IsZero() && b.length != nil {
		if max := MaxExpiry(c.Start, c.Birth); c.Expires.After(max) {
			w.Notes = append(w.Notes, Note{Kind: "length", Rule: b.length, Date: max, Age: AgeOn(c.Birth, c.Start)})
		}
	}

	// Deadlines of the final year.
	set := w.Set
	for i := range set.Deadlines {
		dl := &set.Deadlines[i]
		if dl.InForce.Contains(c.Expires) && matchesFreeOn(dl.FreeOn, free) {
			w.Notes = append(w.Notes, Note{Kind: "deadline", Rule: &dl.Rule, Date: dl.Day.In(c.Expires.Year())})
		}
	}
	if r := set.Renewal; r != nil && r.InForce.Contains(c.Expires) && matchesFreeOn(r.FreeOn, free) {
		w.Notes = append(w.Notes, Note{Kind: "renewal", Rule: &r.Rule, Date: r.ClubNotice.In(c.Expires.Year())})
	}
}

func calendarRule(s *Set) *Rule {
	if s.Calendar != nil {
		return &s.Calendar.Rule
	}
	return nil
}

func (b *Book) compensation(w *Windows, from, current *Set, to string, age int, birth, free Date) {
	for i := range from.Compensation {
		cp := &from.Compensation[i]
		if !cp.InForce.Contains(free.AddDays(-1)) {
			continue
		}
		domestic := to != "" && (to == current.Code || to == current.Association())
		switch cp.Scope {
		case "domestic":
			if to != "" && !domestic {
				continue
			}
		case "international":
			if domestic {
				continue
			}
		}
		switch {
		case birth.IsZero():
			w.Notes = append(w.Notes, Note{Kind: "compensation", Rule: &cp.Rule, Age: -1})
		case cp.UnderAge > 0 && age < cp.UnderAge:
			w.Notes = append(w.Notes, Note{Kind: "compensation", Rule: &cp.Rule, Age: age})
		case cp.UntilYearOfBirthday > 0 && free.Year() <= birth.Year()+cp.UntilYearOfBirthday:
			w.Notes = append(w.Notes, Note{Kind: "compensation", Rule: &cp.Rule, Age: age,
				Date: D(birth.Year()+cp.UntilYearOfBirthday, 12, 31)})
		}
	}
}

// registration finds the earliest day on or after both free and asOf that a
// club of to may register the player.
func registration(to *Set, free, asOf Date) *Registration {
	if to.Registration == nil {
		return nil
	}
	start := MaxDate(free, asOf)
	periods := to.PeriodsBetween(free.AddDays(-1), start.AddDays(3*366))
	for _, p := range periods {
		if !start.Before(p.Opens) && !start.After(p.Closes) {
			return &Registration{To: to, From: start, Until: p.Closes, Period: p, Rule: &p.Rule}
		}
	}
	if r := freeAgentException(to, periods, free, start); r != nil {
		return r
	}
	for _, p := range periods {
		if p.Opens.After(start) {
			return &Registration{To: to, From: p.Opens, Until: p.Closes, Period: p, Rule: &p.Rule}
		}
	}
	return nil
}

// freeAgentException applies FIFA art. 6: a player whose contract ended
// before a registration period closed may be registered outside the periods,
// but only until the next period has closed, and within the association's
// own limit (a period's free_agents_until, or the free-agent rule's until).
// The exception belongs to the first period to close after he became free;
// a later period does not renew it. It returns nil when start is outside it.
func freeAgentException(to *Set, periods []*Period, free, start Date) *Registration {
	fa := to.Registration.FreeAgents
	if fa == nil || !fa.Allowed {
		return nil
	}
	for i, p := range periods {
		if free.After(p.Closes) {
			continue // he was still under contract when p closed
		}
		if !p.Closes.Before(start) || !fa.appliesAfter(p.Name) {
			return nil
		}
		var limit Date
		for _, q := range periods[i+1:] {
			if q.Opens.After(p.Closes) {
				limit = q.Closes
				break
			}
		}
		own := p.FreeAgentsUntil
		if own.IsZero() && fa.DaysAfterClose > 0 {
			own = p.Closes.AddDays(fa.DaysAfterClose)
		}
		if own.IsZero() && fa.Until.isSet() {
			own = fa.Until.In(p.Closes.Year())
			if !own.After(p.Closes) {
				own = fa.Until.In(p.Closes.Year() + 1)
			}
		}
		limit = MinDate(limit, own)
		if !limit.IsZero() && start.After(limit) {
			return nil
		}
		return &Registration{To: to, From: start, Until: limit, Period: p, Exception: true, Rule: &fa.Rule}
	}
	return nil
}

func (fa *FreeAgentRule) appliesAfter(name string) bool {
	if len(fa.After) == 0 {
		return true
	}
	for _, n := range fa.After {
		if n == name {
			return true
		}
	}
	return false
}

func matchesFreeOn(spec *DaySpec, free Date) bool {
	return !spec.isSet() || spec.In(free.Year()) == free
}

// MaxExpiry returns the last day a professional contract that starts on
// start may run under FIFA RSTP art. 18.2: five years, or three for a
// player under 18 on that day (a 17-year-old starting on 1 July 2026 may
// sign to 30 June 2029 at most; an adult starting on 1 January 2026 to 31
// December 2030).
func MaxExpiry(start, birth Date) Date {
	years := 5
	if a := AgeOn(birth, start); a >= 0 && a < 18 {
		years = 3
	}
	return start.AddMonths(12 * years).AddDays(-1)
}

// AgeOn returns the age in whole years on day d, or -1 when birth is unknown.
func AgeOn(birth, d Date) int {
	if birth.IsZero() {
		return -1
	}
	by, bm, bd := birth.Civil()
	y, m, dd := d.Civil()
	age := y - by
	if m < bm || (m == bm && dd < bd) {
		age--
	}
	return age
}

// Countdown returns the days and working days from the as-of date to d:
// days is d minus the as-of date; working days counts the working days of
// the association's calendar from the as-of date up to the day before d. ok
// is false when d is not after the as-of date.
func (w *Windows) Countdown(d Date) (days, workdays int, ok bool) {
	if d.IsZero() || !d.After(w.AsOf) {
		return 0, 0, false
	}
	days = d.Sub(w.AsOf)
	workdays = -1
	if cal := w.Set.Calendar; cal != nil && cal.work != nil && inTable(w.AsOf) && inTable(d) {
		// working days are counted within the years of the calendar table
		// only (1900 to 2199), so a far date costs no more than a near one
		workdays = cal.work.Between(w.AsOf.AddDays(1), d)
	}
	return days, workdays, true
}

// Association returns the association a set belongs to: its own code, or
// the code of the set it extends (MLS → USA).
func (s *Set) Association() string {
	if s.Extends != "" && s.parent != nil {
		return s.parent.Association()
	}
	return s.Code
}
