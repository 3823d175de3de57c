package release

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/bosmanhq/bosman/contracts/snapbuild"
)

// Result is what an update did.
type Result struct {
	Release   *Release // the release now in the cache (Previous when Unchanged)
	Previous  *Release // the release before the update; nil on the first
	Unchanged bool     // the source has nothing new: the cache was left as it was
	Files     []Fetch  // what happened to each file, players.csv.gz first
	// Changes compares the players of Previous and Release; nil when
	// Unchanged, on the first update, or when players.csv.gz is the same.
	Changes  *Changes
	Warnings []string // things the caller should say, e.g. a table no longer published
}

// Fetch is what happened to one file in an update.
type Fetch struct {
	Name    string
	URL     string
	Outcome Outcome
	Bytes   int64 // bytes downloaded
}

// Outcome is what an update found at the source for one file.
type Outcome int

const (
	Downloaded  Outcome = iota + 1 // new content was downloaded
	NotModified                    // the source answered 304 Not Modified: nothing was downloaded
	Same                           // downloaded, but byte for byte the cached copy
	Absent                         // the source does not publish it (404; lookup tables only)
)

func (o Outcome) String() string {
	switch o {
	case Downloaded:
		return "downloaded"
	case NotModified:
		return "not modified"
	case Same:
		return "unchanged"
	case Absent:
		return "not published"
	}
	return "Outcome(" + strconv.Itoa(int(o)) + ")"
}

// Update fetches the release from opt.From into the cache, checks it and,
// when every check passed, makes it the cached release. A source that has
// nothing new (a 304 to the conditional request made from the stored ETag
// and Last-Modified) costs no download and leaves the cache as it was.
//
// The cache directory holds release.json (the metadata of the release in
// use, written last: it is the commit point of an update), the directory
// release-N it names (players.csv.gz and, where the source has them,
// clubs.csv.gz and competitions.csv.gz, byte for byte as fetched, and the
// snapshot form of its current players, see Release.Snapshot), the
// release before it, kept so that a command still reading it is not cut
// short, and update.lock while an update runs. An update writes the new
// files into a temporary directory beside them (.tmp-*), syncs them,
// renames the directory to release-N+1, then replaces release.json by a
// synced temporary copy. Nothing not checked is ever named by release.json.
//
// On any failure the cached release is left untouched, nothing fetched is
// kept, and the error is an *Error that says what happened and what to do;
// errors.Is finds context.Canceled after an interrupt and
// os.ErrDeadlineExceeded after a timeout. Only one update runs at a time
// per cache directory: another one fails at once.
func Update(ctx context.Context, opt Options) (*Result, error) {
	o, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return nil, &Error{Msg: fmt.Sprintf("cannot create the cache directory: %v", err),
			Hint: "check that the parent directory is writable, or set XDG_CACHE_HOME", Err: err}
	}
	unlock, err := lock(&o)
	if err != nil {
		return nil, err
	}
	defer unlock()
	u := &updater{o: &o}
	u.prev, _ = readMeta(o.Dir) // a damaged release.json is replaced like a missing one
	res, err := u.run(ctx)
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			e = &Error{Msg: err.Error(), Err: err}
		}
		e.Kept = "nothing was cached"
		if u.prev != nil {
			e.Kept = "the cached release is unchanged"
			if !u.prev.Scraped.IsZero() {
				e.Kept = fmt.Sprintf("the cached release of %s is unchanged", u.prev.Scraped)
			}
		}
		return nil, e
	}
	return res, nil
}

// updater is the state of one update.
type updater struct {
	o     *Options
	prev  *Release // the cached release, nil when none
	src   *source
	stage string // the directory the new release is written into
}

func (u *updater) run(ctx context.Context) (*Result, error) {
	o := u.o
	clean(o.Dir, u.prev)
	src, err := resolve(o.From)
	if err != nil {
		return nil, err
	}
	u.src = src
	if u.stage, err = os.MkdirTemp(o.Dir, ".tmp-"); err != nil {
		return nil, u.writeErr(o.Dir, err)
	}
	final := ""
	committed := false
	defer func() {
		if !committed {
			os.RemoveAll(u.stage)
			if final != "" {
				os.RemoveAll(final)
			}
		}
	}()

	rel := &Release{Format: 1, From: src.display, root: o.Dir}
	res := &Result{Previous: u.prev, Release: rel}
	outcome, changed, err := u.fetchAll(ctx, rel, res)
	if err != nil {
		return nil, err
	}
	if !changed {
		res.Unchanged, res.Release = true, u.prev
		return res, nil
	}
	if err := u.check(rel, outcome); err != nil {
		return nil, err
	}
	if outcome[Players] == NotModified {
		rel.Players, rel.ScrapedAt = u.prev.Players, u.prev.ScrapedAt
	}
	if !rel.ScrapedAt.IsZero() {
		rel.Scraped = dateOf(rel.ScrapedAt)
	}
	if err := u.writeSnapshot(rel); err != nil {
		return nil, err
	}

	// Commit: the release directory under its final name, then
	// release.json naming it.
	if ctx.Err() != nil {
		return nil, &Error{Msg: "the update was interrupted before the new release was stored",
			Hint: "run 'bosman data update' again", Err: context.Cause(ctx)}
	}
	if err := syncDir(u.stage); err != nil {
		return nil, u.writeErr(u.stage, err)
	}
	rel.Dir = "release-" + strconv.Itoa(u.generation()+1)
	final = filepath.Join(o.Dir, rel.Dir)
	if err := os.Rename(u.stage, final); err != nil {
		final = ""
		return nil, u.writeErr(o.Dir, err)
	}
	rel.Fetched = o.Now().UTC()
	if err := writeMeta(o, rel); err != nil {
		return nil, err
	}
	committed = true
	clean(o.Dir, rel, u.prev)

	if u.prev != nil && outcome[Players] != NotModified && outcome[Players] != Same {
		ch, err := diffFiles(u.prev.Path(Players), rel.Path(Players), o.Top)
		if err != nil {
			res.Warnings = append(res.Warnings, "cannot compare with the previous release: "+err.Error())
		}
		res.Changes = ch
	}
	return res, nil
}

// fetchAll fetches each file of a release into the staging directory,
// adding what it found to rel and res, and reports whether the release
// differs from the cached one.
func (u *updater) fetchAll(ctx context.Context, rel *Release, res *Result) (map[string]Outcome, bool, error) {
	// a release without its snapshot form (cached by an older bosman, or
	// its files damaged) is written again even when the source has nothing
	// new
	changed := u.prev == nil || !u.prev.snapshotIntact()
	outcome := map[string]Outcome{}
	for _, name := range []string{Players, Clubs, Competitions} {
		f, fe, err := u.fetch(ctx, name)
		if err != nil {
			return nil, false, err
		}
		res.Files = append(res.Files, fe)
		outcome[name] = fe.Outcome
		switch fe.Outcome {
		case Absent:
			if u.prev != nil && u.prev.File(name) != nil {
				changed = true
				res.Warnings = append(res.Warnings, fmt.Sprintf("%s is no longer published at %s: the new release has none", name, u.src.display))
			}
			continue
		case Downloaded:
			changed = true
		}
		rel.Files = append(rel.Files, f)
	}
	return outcome, changed, nil
}

// check checks each downloaded file of rel, and copies into the staging
// directory those the source answered were not modified.
func (u *updater) check(rel *Release, outcome map[string]Outcome) error {
	for i := range rel.Files {
		f := &rel.Files[i]
		path := filepath.Join(u.stage, f.Name)
		switch {
		case outcome[f.Name] == NotModified:
			if err := u.carry(f.Name); err != nil {
				return err
			}
		case f.Name == Players:
			c, scraped, err := checkPlayers(path, f.URL, u.o)
			if err != nil {
				return err
			}
			f.Rows, rel.Players, rel.ScrapedAt = c.Rows, c, scraped
		default:
			rows, err := checkTable(path, f.Name, f.URL, u.o)
			if err != nil {
				return err
			}
			f.Rows = rows
		}
	}
	return nil
}

// writeSnapshot writes the snapshot form of the checked players file (and
// its clubs table, where the release has one) into the staging directory,
// and records it in rel.Snapshot.
func (u *updater) writeSnapshot(rel *Release) error {
	raw, err := os.ReadFile(filepath.Join(u.stage, Players))
	if err != nil {
		return &Error{Msg: fmt.Sprintf("cannot read the downloaded %s: %v", Players, err), Err: err}
	}
	var clubs []byte
	if rel.File(Clubs) != nil {
		if clubs, err = os.ReadFile(filepath.Join(u.stage, Clubs)); err != nil {
			return &Error{Msg: fmt.Sprintf("cannot read the downloaded %s: %v", Clubs, err), Err: err}
		}
	}
	snap, err := snapbuild.BuildWith(raw, clubs, rel.File(Players).URL, snapbuild.Options{SkipInvalid: true, Scraped: rel.Scraped})
	if err != nil {
		return &Error{Msg: fmt.Sprintf("%s from %s: cannot make bosman's snapshot of it: %v", Players, u.src.display, err),
			Hint: "the file passed the checks but bosman cannot read its players: report this, with --from the mirror you used", Err: err}
	}
	rel.Snapshot = nil
	for _, f := range []struct {
		name string
		b    []byte
	}{{SnapshotPlayers, snap.Players}, {SnapshotClubs, snap.Clubs}} {
		path := filepath.Join(u.stage, f.name)
		w, err := u.o.create(path)
		if err != nil {
			return u.writeErr(path, err)
		}
		_, err = w.Write(f.b)
		if err == nil {
			err = w.Sync()
		}
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return u.writeErr(path, err)
		}
		sum := sha256.Sum256(f.b)
		rows := snap.Meta.Rows
		if f.name == SnapshotClubs {
			rows = len(snap.ClubList)
		}
		rel.Snapshot = append(rel.Snapshot, File{Name: f.name, Fetched: u.o.Now().UTC(), Size: int64(len(f.b)), SHA256: hex.EncodeToString(sum[:]), Rows: rows})
	}
	return nil
}

// generation returns the number of the previous release directory, 0 when none.
func (u *updater) generation() int {
	if u.prev == nil {
		return 0
	}
	n, _ := strconv.Atoi(strings.TrimPrefix(u.prev.Dir, "release-"))
	return n
}

// carry copies the previous release's copy of name into the new release.
func (u *updater) carry(name string) error {
	from, to := u.prev.Path(name), filepath.Join(u.stage, name)
	in, err := os.Open(from)
	if err != nil {
		return &Error{Msg: fmt.Sprintf("cannot read the cached %s: %v", name, err), Err: err}
	}
	defer in.Close()
	w, err := u.o.create(to)
	if err != nil {
		return u.writeErr(to, err)
	}
	_, err = io.Copy(w, in)
	if err == nil {
		err = w.Sync()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return u.writeErr(to, err)
	}
	return nil
}

// fetch downloads one file into the staging directory, or finds that the
// cached copy is current.
func (u *updater) fetch(ctx context.Context, name string) (File, Fetch, error) {
	o, src := u.o, u.src
	f := File{Name: name, URL: src.url(name)}
	fe := Fetch{Name: name, URL: f.URL}
	var old *File // the cached copy, when it is still as fetched
	if u.prev != nil && u.prev.File(name) != nil && intact(u.prev, name) {
		old = u.prev.File(name)
	}
	req, conditional, err := u.request(name, f.URL, old)
	if err != nil {
		return f, fe, err
	}

	// One timer bounds every wait: it is reset by each read that brings data.
	stalled := errors.New("stalled")
	rctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	timer := time.AfterFunc(o.Timeout, func() { cancel(stalled) })
	defer timer.Stop()
	fail := func(err error, n, total int64) (File, Fetch, error) {
		return f, fe, u.netErr(ctx, rctx, stalled, name, f.URL, err, n, total)
	}

	resp, err := src.client.Do(req.WithContext(rctx))
	if err != nil {
		return fail(err, -1, -1)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		switch fe.Outcome, err = u.status(resp, name, f.URL, conditional); {
		case err != nil:
			return f, fe, err
		case fe.Outcome == NotModified:
			return *old, fe, nil
		}
		return f, fe, nil // Absent
	}
	total := resp.ContentLength
	if total > o.MaxBytes {
		return f, fe, tooLarge(name, f.URL, fmt.Sprintf("is %s, larger", size(total)), o.MaxBytes)
	}

	n, sum, network, err := u.save(rctx, timer, resp, name, f.URL, &fe)
	if network {
		return fail(err, n, total)
	}
	if err != nil {
		return f, fe, err
	}
	f.ETag, f.LastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	f.Fetched, f.Size, f.SHA256 = o.Now().UTC(), n, sum
	fe.Outcome = Downloaded
	if old != nil && old.SHA256 == f.SHA256 && old.Size == f.Size {
		fe.Outcome = Same
	}
	return f, fe, nil
}

// save writes the body of resp into the staging directory as name,
// resetting timer at each read that brings data, and returns its size and
// sha256. network is true when err came from reading the body (the
// connection, the timer, an interruption, a body cut short), which
// netErr explains; other errors (too large, a failed write) are final.
func (u *updater) save(rctx context.Context, timer *time.Timer, resp *http.Response, name, url string, fe *Fetch) (n int64, sum string, network bool, err error) {
	o := u.o
	total := resp.ContentLength
	path := filepath.Join(u.stage, name)
	w, err := o.create(path)
	if err != nil {
		return 0, "", false, u.writeErr(path, err)
	}
	defer w.Close()
	h := sha256.New()
	buf := make([]byte, 64<<10)
	o.Progress(name, 0, total)
	for {
		k, rerr := resp.Body.Read(buf)
		if k > 0 {
			timer.Reset(o.Timeout)
			if n+int64(k) > o.MaxBytes {
				return n, "", false, tooLarge(name, url, "is larger", o.MaxBytes)
			}
			if _, err := w.Write(buf[:k]); err != nil {
				return n, "", false, u.writeErr(path, err)
			}
			h.Write(buf[:k])
			n += int64(k)
			fe.Bytes = n
			o.Progress(name, n, total)
		}
		if rctx.Err() != nil {
			return n, "", true, context.Cause(rctx)
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return n, "", true, rerr
		}
	}
	if total >= 0 && n != total {
		return n, "", true, io.ErrUnexpectedEOF
	}
	o.Progress(name, n, n)
	if err := w.Sync(); err != nil {
		return n, "", false, u.writeErr(path, err)
	}
	if err := w.Close(); err != nil {
		return n, "", false, u.writeErr(path, err)
	}
	return n, hex.EncodeToString(h.Sum(nil)), false, nil
}

// request makes the request for name at url: conditional when the cached
// copy, old, came from the same url with a validator.
func (u *updater) request(name, url string, old *File) (*http.Request, bool, error) {
	req, err := http.NewRequest(http.MethodGet, u.src.request(name), nil)
	if err != nil {
		return nil, false, &Error{Msg: fmt.Sprintf("--from %s: %v", u.src.display, err), Err: err}
	}
	req.Header.Set("User-Agent", "bosman (contract windows; +https://github.com/bosmanhq/bosman)")
	conditional := false
	if old != nil && old.URL == url {
		if old.ETag != "" {
			req.Header.Set("If-None-Match", old.ETag)
			conditional = true
		}
		if old.LastModified != "" {
			req.Header.Set("If-Modified-Since", old.LastModified)
			conditional = true
		}
	}
	return req, conditional, nil
}

// status reads an answer other than 200 OK for name at url: the cached
// copy is current (NotModified), a table other than the players is not
// published (Absent), or the error that says what went wrong.
func (u *updater) status(resp *http.Response, name, url string, conditional bool) (Outcome, error) {
	gone := resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone
	switch {
	case resp.StatusCode == http.StatusNotModified && conditional:
		return NotModified, nil
	case resp.StatusCode == http.StatusNotModified:
		return 0, &Error{Msg: fmt.Sprintf("%s: the server answered 304 Not Modified to a request for the whole file", url),
			Hint: "try again; if it persists, a proxy or the server is misbehaving: give --from a mirror or a local copy"}
	case gone && name != Players:
		return Absent, nil
	case gone:
		msg := fmt.Sprintf("%s: not found (%s)", url, resp.Status)
		if u.src.local != "" {
			msg = fmt.Sprintf("%s has no %s", u.src.local, name)
		}
		return 0, &Error{Msg: msg,
			Hint: "--from must name the directory that holds players.csv.gz (default " + DefaultFrom + ")"}
	}
	return 0, &Error{Msg: fmt.Sprintf("%s: the server answered %s", url, resp.Status),
		Hint: "try again later, or give --from a mirror or a local copy"}
}

// intact reports whether the cached copy of name still has the size and
// sha256 it was fetched with, so that a 304 may keep it.
func intact(r *Release, name string) bool {
	rc, err := r.Open(name)
	if err != nil {
		return false
	}
	defer rc.Close()
	_, err = io.Copy(io.Discard, rc)
	return err == nil
}

// tooLarge is the error for a file over Options.MaxBytes.
func tooLarge(name, url, what string, limit int64) error {
	return &Error{Msg: fmt.Sprintf("%s from %s %s than the %s limit: not downloaded", name, url, what, size(limit)),
		Hint: "a complete players.csv.gz is about 4 MB: check --from"}
}

// netErr explains a failed request or body read.
func (u *updater) netErr(parent, rctx context.Context, stalled error, name, url string, err error, n, total int64) error {
	progress := ""
	if n >= 0 {
		progress = fmt.Sprintf(" after %s", size(n))
		if total >= 0 {
			progress += " of " + size(total)
		}
	}
	host := u.src.host
	switch {
	case context.Cause(rctx) == stalled:
		msg := fmt.Sprintf("no answer from %s for %s (%s)", host, u.o.Timeout, name)
		if n >= 0 {
			msg = fmt.Sprintf("the download of %s from %s stalled: no data for %s%s", name, host, u.o.Timeout, progress)
		}
		return &Error{Msg: msg, Hint: "the network or the server is slow: try again, or give --from a mirror or a local copy",
			Err: os.ErrDeadlineExceeded}
	case parent.Err() != nil:
		return &Error{Msg: fmt.Sprintf("the update was interrupted while downloading %s%s", name, progress),
			Hint: "run 'bosman data update' again", Err: context.Cause(parent)}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &Error{Msg: fmt.Sprintf("the download of %s from %s was cut short%s", name, url, progress),
			Hint: "try again; the connection was closed before the end of the file", Err: err}
	}
	var dns *net.DNSError
	var msg string
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		msg = fmt.Sprintf("cannot connect to %s: connection refused", host)
	case errors.As(err, &dns):
		msg = fmt.Sprintf("cannot find %s: %v", dns.Name, dns.Err)
	default:
		msg = fmt.Sprintf("cannot download %s: %v", url, err)
	}
	return &Error{Msg: msg, Hint: "check the network connection (and any proxy), or give --from a mirror or a directory holding a copy",
		Err: err}
}

// writeErr explains a failure to write into the cache.
func (u *updater) writeErr(path string, err error) error {
	if errors.Is(err, syscall.ENOSPC) {
		return &Error{Msg: fmt.Sprintf("cannot write %s: no space left on device", path),
			Hint: fmt.Sprintf("free some space on the disk of %s (a release takes about 5 MB) and run 'bosman data update' again", u.o.Dir), Err: err}
	}
	return &Error{Msg: fmt.Sprintf("cannot write %s: %v", path, err),
		Hint: "check that the cache directory is writable, or set XDG_CACHE_HOME", Err: err}
}

// source is where the files of a release are fetched.
type source struct {
	display string // the base as given to the user: a URL or a directory
	host    string // the server, or the directory of a local copy
	base    string // http(s) base URL ending in "/", or "" for a local copy
	local   string // the directory of a local copy
	client  *http.Client
}

// resolve interprets Options.From.
func resolve(from string) (*source, error) {
	if strings.HasPrefix(from, "http://") || strings.HasPrefix(from, "https://") {
		base, err := url.Parse(from)
		if err != nil || base.Host == "" {
			return nil, &Error{Msg: fmt.Sprintf("--from %s is not a URL I can use", from),
				Hint: "give the base URL of a mirror (e.g. " + DefaultFrom + "), a file:// URL or a directory", Err: err}
		}
		base.Path = strings.TrimSuffix(base.Path, Players)
		if !strings.HasSuffix(base.Path, "/") {
			base.Path += "/"
		}
		base.RawQuery, base.Fragment = "", ""
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.DisableCompression = true // keep the .gz bytes as published
		return &source{display: base.String(), base: base.String(), host: base.Host, client: &http.Client{Transport: t}}, nil
	}
	dir := from
	if strings.HasPrefix(from, "file://") {
		u, err := url.Parse(from)
		if err != nil || (u.Host != "" && u.Host != "localhost") {
			return nil, &Error{Msg: fmt.Sprintf("--from %s is not a file URL I can use", from),
				Hint: "write file:///path/to/dir, or give the directory itself", Err: err}
		}
		dir = filepath.FromSlash(u.Path)
	}
	dir, err := filepath.Abs(dir)
	if err == nil {
		var st fs.FileInfo
		if st, err = os.Stat(dir); err == nil && !st.IsDir() {
			if filepath.Base(dir) == Players {
				dir = filepath.Dir(dir)
			} else {
				err = errors.New("not a directory")
			}
		}
	}
	if err != nil {
		why := err
		if pe, ok := err.(*fs.PathError); ok {
			why = pe.Err
		}
		return nil, &Error{Msg: fmt.Sprintf("--from %s: %v", from, why),
			Hint: "give the directory that holds players.csv.gz, or a URL", Err: err}
	}
	return &source{display: dir, local: dir, host: dir, client: &http.Client{Transport: http.NewFileTransport(http.Dir(dir))}}, nil
}

// url is the address of name as recorded in the metadata.
func (s *source) url(name string) string {
	if s.local != "" {
		return (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(s.local, name))}).String()
	}
	return s.base + name
}

// request is the address of name as requested from the client.
func (s *source) request(name string) string {
	if s.local != "" {
		return "file:///" + name
	}
	return s.base + name
}

// writeMeta writes release.json atomically: a temporary file, synced, renamed.
func writeMeta(o *Options, r *Release) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	tmp := filepath.Join(o.Dir, ".tmp-"+metaName)
	path := filepath.Join(o.Dir, metaName)
	u := &updater{o: o}
	w, err := o.create(tmp)
	if err != nil {
		return u.writeErr(tmp, err)
	}
	_, err = w.Write(append(b, '\n'))
	if err == nil {
		err = w.Sync()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return u.writeErr(path, err)
	}
	syncDir(o.Dir) // committed: a failure to sync the directory only risks durability
	return nil
}

// syncDir makes a directory's entries durable (a no-op where the system
// cannot sync a directory).
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOTSUP) {
		return err
	}
	return nil
}

// clean removes what an update left in dir that is not one of the keep
// releases: temporary files of an update that was killed, and releases
// older than the previous one.
func clean(dir string, keep ...*Release) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, ".tmp-") && !strings.HasPrefix(name, "release-") {
			continue
		}
		kept := false
		for _, r := range keep {
			kept = kept || (r != nil && r.Dir == name)
		}
		if !kept {
			os.RemoveAll(filepath.Join(dir, name))
		}
	}
}

// lock takes the update lock of the cache directory.
func lock(o *Options) (unlock func(), err error) {
	path := filepath.Join(o.Dir, "update.lock")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		b, _ := os.ReadFile(path)
		held := strings.TrimSpace(string(b))
		if held == "" {
			held = "no details"
		}
		return nil, &Error{Msg: fmt.Sprintf("another update of %s is running (%s: %s)", o.Dir, path, held),
			Hint: fmt.Sprintf("wait for it to finish; if none is running (it was killed), remove %s", path),
			Kept: "this update changed nothing", Err: err}
	}
	if err != nil {
		return nil, (&updater{o: o}).writeErr(path, err)
	}
	fmt.Fprintf(f, "process %d, since %s\n", os.Getpid(), o.Now().UTC().Format(time.RFC3339))
	f.Close()
	return func() { os.Remove(path) }, nil
}

// HumanSize writes n bytes for a person: "812 bytes", "3.8 MiB".
func HumanSize(n int64) string { return size(n) }

// size writes n bytes for a person.
func size(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}
