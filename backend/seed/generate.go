package seed

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/setubashi/setubashi/backend/talent"
)

// generatedPasswordHash stands in for the password hash of generated
// accounts: talent.CheckPassword rejects it, so nobody can sign in as them.
const generatedPasswordHash = "!seeded"

// maxAttempts bounds the tries for one application before it is skipped
// (when few candidate–role pairs or dates are left).
const maxAttempts = 25

// Summary counts what Generate created.
type Summary struct {
	Users         int // every account: candidates and organisation members
	Candidates    int
	Organizations int
	Roles         int
	Applications  int
	Placements    int
	Arrivals      int // placements whose candidate has arrived in Japan
}

// Generate creates the data opt describes and writes it through l: it builds
// each kind of data in memory, then inserts it in tenths, printing a line
// such as "seed: candidates 4000/10000" to progress after each (progress may
// be nil), and a summary at the end. The same opt gives the same data on an
// empty database. It creates fewer applications than asked when the
// candidates and open roles do not allow that many distinct pairs. Errors
// are the loader's (talent.ErrConflict when the data exist already), or
// invalid options.
func Generate(ctx context.Context, l Loader, opt Options, progress io.Writer) (Summary, error) {
	if err := opt.Validate(); err != nil {
		return Summary{}, err
	}
	if progress == nil {
		progress = io.Discard
	}
	g := &generation{ctx: ctx, l: l, opt: opt, now: opt.Now.UTC().Truncate(time.Second), out: progress}
	for _, phase := range []func() error{g.addCandidates, g.addOrganizations, g.addRoles, g.addApplications} {
		if err := phase(); err != nil {
			return g.sum, err
		}
	}
	s := g.sum
	fmt.Fprintf(progress, "seed: done: %d users, %d candidates, %d organisations, %d roles, %d applications, %d placements (%d arrived)\n",
		s.Users, s.Candidates, s.Organizations, s.Roles, s.Applications, s.Placements, s.Arrivals)
	return s, nil
}

// generation is one run of Generate: its options and what it has inserted.
type generation struct {
	ctx context.Context
	l   Loader
	opt Options
	now time.Time
	out io.Writer
	sum Summary

	users    []talent.User // the candidates' accounts
	profiles []talent.Profile
	orgs     []talent.Organization
	members  [][]int64 // user ids of each organisation's members
	roles    []talent.Role
	roleOrg  []int // index in orgs of each role's organisation
}

// inTenths calls insert for successive tenths of n items and reports progress
// after each.
func (g *generation) inTenths(phase string, n int, insert func(lo, hi int) error) error {
	step := max(1, (n+9)/10)
	for lo := 0; lo < n; lo += step {
		hi := min(lo+step, n)
		if err := g.ctx.Err(); err != nil {
			return err
		}
		if err := insert(lo, hi); err != nil {
			return fmt.Errorf("seed %s: %w", phase, err)
		}
		fmt.Fprintf(g.out, "seed: %s %d/%d\n", phase, hi, n)
	}
	return nil
}

// addCandidates creates candidates with complete profiles, from every state
// when there are at least as many candidates as states.
func (g *generation) addCandidates() error {
	n := g.opt.Candidates
	r := newRNG(g.opt.Seed, streamCandidates)
	g.users, g.profiles = make([]talent.User, n), make([]talent.Profile, n)
	for i, state := range covering(r, n, indianStates, stateTable) {
		g.users[i], g.profiles[i] = newCandidate(r, g.now, state, strconv.Itoa(i+1))
	}
	return g.inTenths("candidates", n, func(lo, hi int) error {
		if err := g.l.InsertUsers(g.ctx, g.users[lo:hi], generatedPasswordHash); err != nil {
			return err
		}
		for i := lo; i < hi; i++ {
			g.profiles[i].UserID = g.users[i].ID
		}
		if err := g.l.InsertProfiles(g.ctx, g.profiles[lo:hi]); err != nil {
			return err
		}
		g.sum.Users += hi - lo
		g.sum.Candidates += hi - lo
		return nil
	})
}

// addOrganizations creates host organisations of every kind with their members;
// at least one is verified.
func (g *generation) addOrganizations() error {
	n := g.opt.Organizations
	r := newRNG(g.opt.Seed, streamOrganizations)
	g.orgs, g.members = make([]talent.Organization, n), make([][]int64, n)
	staff := make([][]talent.User, n)
	namer, next := newOrgNamer(), 1
	for i, kind := range covering(r, n, talent.OrganizationKinds, kindTable) {
		g.orgs[i], staff[i] = newOrganization(r, g.now, kind, namer, next)
		next += len(staff[i])
	}
	if n > 0 && !slices.ContainsFunc(g.orgs, func(o talent.Organization) bool { return o.Verified }) {
		g.orgs[0].Verified, g.orgs[0].VerifiedAt = true, ptr(g.orgs[0].CreatedAt.Add(24*time.Hour))
	}
	return g.inTenths("organisations", n, func(lo, hi int) error {
		users := slices.Concat(staff[lo:hi]...)
		if err := g.l.InsertUsers(g.ctx, users, generatedPasswordHash); err != nil {
			return err
		}
		g.sum.Users += len(users)
		for i := lo; i < hi; i++ {
			for _, u := range users[:len(staff[i])] {
				g.members[i] = append(g.members[i], u.ID)
			}
			users = users[len(staff[i]):]
			g.orgs[i].CreatedBy = g.members[i][0]
		}
		if err := g.l.InsertOrganizations(g.ctx, g.orgs[lo:hi], g.members[lo:hi]); err != nil {
			return err
		}
		g.sum.Organizations += hi - lo
		return nil
	})
}

// addRoles creates roles of all three types at verified organisations, some
// posting many and some few.
func (g *generation) addRoles() error {
	n := g.opt.Roles
	r := newRNG(g.opt.Seed, streamRoles)
	var hosts []choice[int]
	for i, o := range g.orgs {
		if o.Verified {
			hosts = append(hosts, choice[int]{i, rolesPerKind[o.Kind] * (0.3 + 1.7*r.Float64())})
		}
	}
	g.roles, g.roleOrg = make([]talent.Role, n), make([]int, n)
	if n > 0 {
		hostTable := newTable(hosts...)
		for i := range n {
			oi := hostTable.draw(r)
			typ := roleTypeByKind[g.orgs[oi].Kind].draw(r)
			if i < len(talent.RoleTypes) {
				typ = talent.RoleTypes[i]
			}
			g.roles[i], g.roleOrg[i] = newRole(r, g.now, g.orgs[oi], typ, roleStatusTable.draw(r)), oi
		}
	}
	return g.inTenths("roles", n, func(lo, hi int) error {
		if err := g.l.InsertRoles(g.ctx, g.roles[lo:hi]); err != nil {
			return err
		}
		g.sum.Roles += hi - lo
		return nil
	})
}

// addApplications creates applications from consenting candidates to open and
// closed roles, preferring the role types each candidate wants, through
// every stage (each stage at least once when there are enough), and the
// placements of the placed ones.
func (g *generation) addApplications() error {
	r := newRNG(g.opt.Seed, streamApplications)
	var openings []*opening
	var weights []choice[int]
	for i := range g.roles {
		role := &g.roles[i]
		if role.Status == talent.RoleDraft {
			continue
		}
		w := 0.2 + 2.8*r.Float64()
		if role.Status == talent.RoleClosed {
			w *= 1.2
		}
		weights = append(weights, choice[int]{len(openings), w})
		org := g.roleOrg[i]
		openings = append(openings, &opening{role: role, kind: g.orgs[org].Kind, members: g.members[org]})
	}
	var all []*applicant
	byType := map[string][]*applicant{}
	for i, p := range g.profiles {
		if !p.ConsentShareApplied {
			continue
		}
		c := &applicant{id: g.users[i].ID, created: g.users[i].CreatedAt}
		all = append(all, c)
		for _, t := range p.WantedRoleTypes {
			byType[t] = append(byType[t], c)
		}
	}
	var b batch
	if len(openings) > 0 && len(all) > 0 {
		openingTable, maker := newTable(weights...), newApplicationMaker(g.now)
		for i := range g.opt.Applications {
			for range maxAttempts {
				o := openings[openingTable.draw(r)]
				stage := stageFor(r, o.role.Status)
				if i < len(talent.Stages) {
					stage = talent.Stages[i]
				}
				pool := byType[o.role.Type]
				if len(pool) == 0 {
					pool = all
				}
				m, ok := maker.make(r, o, pick(r, pool), stage)
				if !ok {
					continue
				}
				b.add(m)
				break
			}
		}
	}
	err := g.inTenths("applications", len(b.apps), func(lo, hi int) error {
		if err := g.l.InsertApplications(g.ctx, b.apps[lo:hi]); err != nil {
			return err
		}
		g.sum.Applications += hi - lo
		return nil
	})
	if err != nil {
		return err
	}
	b.link()
	err = g.inTenths("offers", len(b.offers), func(lo, hi int) error {
		return g.l.InsertOffers(g.ctx, b.offers[lo:hi])
	})
	if err != nil {
		return err
	}
	return g.inTenths("placements", len(b.placements), func(lo, hi int) error {
		if err := g.l.InsertPlacements(g.ctx, b.placements[lo:hi]); err != nil {
			return err
		}
		for _, p := range b.placements[lo:hi] {
			g.sum.Placements++
			if p.ArrivedOn != nil {
				g.sum.Arrivals++
			}
		}
		return nil
	})
}

// stageFor draws the stage an application to a role with the given status
// has reached.
func stageFor(r rng, status talent.RoleStatus) talent.Stage {
	if status == talent.RoleClosed {
		return closedRoleStages.draw(r)
	}
	return openRoleStages.draw(r)
}
