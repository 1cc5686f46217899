package talent

import (
	"context"
	"slices"
	"time"
)

// Consent purposes: what a candidate agrees to, each granted and withdrawn on
// its own (DPDP Act s.6: specific consent, as easy to withdraw as to give).
const (
	// ConsentShareApplied lets the organisations a candidate applies to see
	// the profile (APPI Art. 27, provision to a third party).
	ConsentShareApplied = "share_with_applied"
	// ConsentDiscoverable lets verified organisations find the candidate in
	// recommendations before any application.
	ConsentDiscoverable = "discoverable"
	// ConsentTransferJapan agrees to the profile going to recipients in
	// Japan, after being told the country, its data-protection system and
	// the recipients' safeguards (APPI Art. 28). Every host organisation is
	// in Japan, so the other two purposes take effect only with this one.
	ConsentTransferJapan = "transfer_to_japan"
)

// ConsentPurposes lists the purposes in the order they are shown.
var ConsentPurposes = []string{ConsentShareApplied, ConsentDiscoverable, ConsentTransferJapan}

// Where a consent event came from.
const (
	ConsentSourceConsents = "consents" // POST /api/v1/me/consents
	ConsentSourceProfile  = "profile"  // the consent flags of PUT /api/v1/me/profile
	ConsentSourceSeed     = "seed"     // generated demo data
	ConsentSourceErasure  = "erasure"  // withdrawn when the account was erased
)

// ConsentWording is one version of the text a person reads before granting a
// purpose. The texts live in the message catalogues under
// consent.<purpose>.<version>; a version once shown is never edited, a new
// text is a new version.
type ConsentWording struct {
	Purpose   string
	Version   string
	Effective Date
}

// MessagePrefix returns the catalogue prefix of the wording's texts, e.g.
// "consent.transfer_to_japan.v1" (keys title and text; for the transfer to
// Japan also country, regime and safeguards).
func (w ConsentWording) MessagePrefix() string { return "consent." + w.Purpose + "." + w.Version }

// ConsentWordings lists every wording ever shown, oldest first per purpose;
// the last of a purpose is its current wording.
var ConsentWordings = []ConsentWording{
	{Purpose: ConsentShareApplied, Version: "v1", Effective: NewDate(2026, 7, 1)},
	{Purpose: ConsentDiscoverable, Version: "v1", Effective: NewDate(2026, 7, 1)},
	{Purpose: ConsentTransferJapan, Version: "v1", Effective: NewDate(2026, 7, 1)},
}

// TransferCountry is the ISO 3166-1 code of the country the transfer purpose
// names.
const TransferCountry = "JP"

// CurrentWording returns a purpose's current wording.
func CurrentWording(purpose string) (ConsentWording, bool) {
	var out ConsentWording
	found := false
	for _, w := range ConsentWordings {
		if w.Purpose == purpose {
			out, found = w, true
		}
	}
	return out, found
}

// wordingVersions returns every version of a purpose's wording.
func wordingVersions(purpose string) []string {
	var out []string
	for _, w := range ConsentWordings {
		if w.Purpose == purpose {
			out = append(out, w.Version)
		}
	}
	return out
}

// ConsentEvent is one grant or withdrawal in the ledger.
type ConsentEvent struct {
	ID             int64
	UserID         int64
	Purpose        string
	Granted        bool
	WordingVersion string
	Language       string // the language the wording was shown in
	Source         string
	At             time.Time
}

// ConsentState is what a candidate has granted, by purpose.
type ConsentState map[string]bool

// EffectiveConsent turns granted purposes into what organisations may do:
// see the profile of an application (share), find the candidate (discover).
// Both need the transfer to Japan, where every organisation is. The profile's
// consent flags hold these two values, kept in step with the ledger.
func EffectiveConsent(granted ConsentState) (share, discover bool) {
	transfer := granted[ConsentTransferJapan]
	return granted[ConsentShareApplied] && transfer, granted[ConsentDiscoverable] && transfer
}

// StateOf folds a ledger (oldest first) into the current state.
func StateOf(events []ConsentEvent) ConsentState {
	state := ConsentState{}
	for _, ev := range events {
		state[ev.Purpose] = ev.Granted
	}
	return state
}

// ConsentStore keeps the consent ledger.
type ConsentStore interface {
	// RecordConsent appends events to a user's ledger and sets the profile's
	// consent flags (if the user has a profile) to what the whole ledger then
	// says, in one transaction.
	RecordConsent(ctx context.Context, userID int64, events []ConsentEvent) error
	// ConsentEvents returns a user's ledger, oldest first.
	ConsentEvents(ctx context.Context, userID int64) ([]ConsentEvent, error)
}

// Consents lets candidates grant and withdraw consent per purpose.
type Consents struct {
	store ConsentStore
	now   func() time.Time
}

// newConsents returns the consent service.
func newConsents(store ConsentStore) *Consents {
	return &Consents{store: store, now: time.Now}
}

// PurposeConsent is the state of one purpose for its candidate.
type PurposeConsent struct {
	Purpose string
	Granted bool
	// Effective says whether the grant has effect now (share and discover
	// need the transfer to Japan too).
	Effective bool
	// Version is the wording version of the last grant or withdrawal ("" if
	// never decided); At is when.
	Version string
	At      *time.Time
	// Current is the wording the candidate would agree to now.
	Current ConsentWording
	// Requires lists the purposes this one needs to take effect.
	Requires []string
}

// ConsentOverview is a candidate's consents: each purpose's state and the
// whole ledger, oldest first.
type ConsentOverview struct {
	Purposes []PurposeConsent
	History  []ConsentEvent
}

// Mine returns the signed-in candidate's consents (candidates only).
func (s *Consents) Mine(ctx context.Context, actor Actor) (ConsentOverview, error) {
	if err := requireKind(actor, AccountCandidate); err != nil {
		return ConsentOverview{}, err
	}
	events, err := s.store.ConsentEvents(ctx, actor.UserID)
	if err != nil {
		return ConsentOverview{}, err
	}
	return overview(events), nil
}

func overview(events []ConsentEvent) ConsentOverview {
	state := StateOf(events)
	share, discover := EffectiveConsent(state)
	effective := map[string]bool{ConsentShareApplied: share, ConsentDiscoverable: discover, ConsentTransferJapan: state[ConsentTransferJapan]}
	out := ConsentOverview{History: events}
	if out.History == nil {
		out.History = []ConsentEvent{}
	}
	for _, purpose := range ConsentPurposes {
		pc := PurposeConsent{Purpose: purpose, Granted: state[purpose], Effective: effective[purpose], Requires: []string{}}
		pc.Current, _ = CurrentWording(purpose)
		if purpose != ConsentTransferJapan {
			pc.Requires = []string{ConsentTransferJapan}
		}
		for _, ev := range events {
			if ev.Purpose == purpose {
				at := ev.At
				pc.Version, pc.At = ev.WordingVersion, &at
			}
		}
		out.Purposes = append(out.Purposes, pc)
	}
	return out
}

// ConsentDecision is a candidate granting or withdrawing one purpose, having
// read the given wording version in language. Granted is required (nil is a
// field error, never a withdrawal).
type ConsentDecision struct {
	Purpose        string
	Granted        *bool
	WordingVersion string
	Language       string
}

// Decide records a grant or withdrawal and returns the new overview. It
// takes effect at once: a withdrawal hides the profile from organisations in
// the same transaction. A grant must name the current wording (an older one
// is ErrConflict, consent_wording_outdated: the person read a text that has
// since changed); a withdrawal may name any version, or none. Deciding what
// is already in force records nothing.
func (s *Consents) Decide(ctx context.Context, actor Actor, d ConsentDecision) (ConsentOverview, error) {
	if err := requireKind(actor, AccountCandidate); err != nil {
		return ConsentOverview{}, err
	}
	var v Validator
	v.OneOf("purpose", d.Purpose, ConsentPurposes)
	if d.Granted == nil {
		v.Add("granted", "required")
	}
	granted := d.Granted != nil && *d.Granted
	current, known := CurrentWording(d.Purpose)
	switch {
	case !known:
	case d.WordingVersion == "" && granted:
		v.Add("wording_version", "required")
	case d.WordingVersion != "":
		v.OneOf("wording_version", d.WordingVersion, wordingVersions(d.Purpose))
	}
	if err := v.Err(); err != nil {
		return ConsentOverview{}, err
	}
	if granted && d.WordingVersion != current.Version {
		return ConsentOverview{}, Conflict(CodeConsentWordingOutdated, "Version", current.Version)
	}
	events, err := s.store.ConsentEvents(ctx, actor.UserID)
	if err != nil {
		return ConsentOverview{}, err
	}
	version := d.WordingVersion
	if version == "" {
		version = current.Version
	}
	if last := lastDecision(events, d.Purpose); (last == nil && !granted) ||
		(last != nil && last.Granted == granted && (!granted || last.WordingVersion == version)) {
		return overview(events), nil
	}
	ev := ConsentEvent{UserID: actor.UserID, Purpose: d.Purpose, Granted: granted, WordingVersion: version,
		Language: languageOr(d.Language), Source: ConsentSourceConsents, At: s.now().UTC()}
	if err := s.store.RecordConsent(ctx, actor.UserID, []ConsentEvent{ev}); err != nil {
		return ConsentOverview{}, err
	}
	return overview(append(events, ev)), nil
}

// profileConsentEvents returns the ledger events that make the effective
// consent match what a profile form asked for: turning sharing or discovery
// on grants that purpose and, if not yet granted, the transfer to Japan (the
// form shows the country, its law and its regulator with the choice);
// turning one off withdraws that purpose only (also when granting the
// transfer would otherwise wake a dormant grant of it). A value equal to what
// is in effect records nothing.
func profileConsentEvents(events []ConsentEvent, wantShare, wantDiscover bool, userID int64, lang string, at time.Time) []ConsentEvent {
	state := StateOf(events)
	var out []ConsentEvent
	set := func(purpose string, granted bool) {
		if state[purpose] == granted {
			return
		}
		w, _ := CurrentWording(purpose)
		out = append(out, ConsentEvent{UserID: userID, Purpose: purpose, Granted: granted, WordingVersion: w.Version,
			Language: languageOr(lang), Source: ConsentSourceProfile, At: at})
		state[purpose] = granted
	}
	share, discover := EffectiveConsent(state)
	if wantShare && !share {
		set(ConsentTransferJapan, true)
		set(ConsentShareApplied, true)
	}
	if wantDiscover && !discover {
		set(ConsentTransferJapan, true)
		set(ConsentDiscoverable, true)
	}
	share, discover = EffectiveConsent(state)
	if !wantShare && share {
		set(ConsentShareApplied, false)
	}
	if !wantDiscover && discover {
		set(ConsentDiscoverable, false)
	}
	return out
}

func lastDecision(events []ConsentEvent, purpose string) *ConsentEvent {
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Purpose == purpose {
			return &events[i]
		}
	}
	return nil
}

func languageOr(lang string) string {
	if slices.Contains(Locales, lang) {
		return lang
	}
	return "en"
}
