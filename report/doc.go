// Package report holds bosman's answers and how they look: the joined answer
// (a contract, its windows and the data's freshness), the selections of
// contracts the commands ask for, and one renderer per form, each writing to
// an io.Writer.
package report
