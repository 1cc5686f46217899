package talent

import "context"

// The guards below are the one place each rule of who sees what is decided;
// services call them rather than repeat the checks.

// canSee reports whether actor may see role r: open and closed roles are
// public, a draft only to members of its organisation and administrators.
func (s *Roles) canSee(ctx context.Context, actor Actor, r Role) (bool, error) {
	if r.Status != RoleDraft {
		return true, nil
	}
	return s.isMemberOrAdmin(ctx, actor, r.OrganizationID)
}

// forMember returns role id to members of its organisation and
// administrators, the people who see its applicants; everyone else gets
// ErrNotFound, as if it did not exist.
func (s *Roles) forMember(ctx context.Context, actor Actor, id int64) (Role, error) {
	r, err := s.store.RoleByID(ctx, id)
	if err != nil {
		return Role{}, err
	}
	member, err := s.isMemberOrAdmin(ctx, actor, r.OrganizationID)
	if err != nil {
		return Role{}, err
	}
	if !member {
		return Role{}, NotFound()
	}
	return r, nil
}

// partyTo decides who sees what lies between a candidate and a hiring
// organisation (an application, a placement): the candidate, the
// organisation's members and administrators. It reports whether actor sees
// it for the organisation; anyone else gets ErrNotFound.
func (s *Roles) partyTo(ctx context.Context, actor Actor, candidateID, orgID int64) (member bool, err error) {
	member, err = s.isMemberOrAdmin(ctx, actor, orgID)
	if err != nil {
		return false, err
	}
	if !member && candidateID != actor.UserID {
		return false, NotFound()
	}
	return member, nil
}
