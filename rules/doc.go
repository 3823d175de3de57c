// Package rules holds the law: each association's rule sets as TOML data
// with their sources and confidence, civil dates, working-day calendars and
// registration periods, and Book.Windows, which gives a contract's
// pre-contract, free-agency and registration dates.
package rules
