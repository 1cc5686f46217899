package talent

// ErrorCode is the stable, machine-readable code of a Problem: API clients
// branch on it, and its explanation is the message error.<code> in the
// catalogues (their tests check each code declared here has one).
type ErrorCode string

// Error codes the services and the store raise.
const (
	// Requests and access.
	CodeValidationFailed ErrorCode = "validation_failed"
	CodeMalformedJSON    ErrorCode = "malformed_json"
	CodeNotFound         ErrorCode = "not_found"
	CodeUnauthenticated  ErrorCode = "unauthenticated"
	CodeWrongKind        ErrorCode = "wrong_role" // the caller's account kind may not do this (the wire code keeps its first name)
	CodeDuplicate        ErrorCode = "duplicate"
	CodeVersionChanged   ErrorCode = "version_changed"

	// Accounts, sign-in and the second factor.
	CodeInvalidCredentials     ErrorCode = "invalid_credentials" //nolint:gosec // an error code, not a credential
	CodeEmailTaken             ErrorCode = "email_taken"
	CodeTooManyAttempts        ErrorCode = "too_many_attempts"
	CodeSignInExpired          ErrorCode = "sign_in_expired"
	CodeTOTPAlreadyEnabled     ErrorCode = "totp_already_enabled"
	CodeTOTPNotStarted         ErrorCode = "totp_not_started"
	CodeTOTPNotEnabled         ErrorCode = "totp_not_enabled"
	CodeCannotDisableSelf      ErrorCode = "cannot_disable_self"
	CodeStaffAccount           ErrorCode = "staff_account"
	CodeLastOrganizationMember ErrorCode = "last_organization_member"
	CodeConsentWordingOutdated ErrorCode = "consent_wording_outdated"

	// Organisations and roles.
	CodeOrganizationNotVerified ErrorCode = "organization_not_verified"
	CodeNotAMember              ErrorCode = "not_a_member"
	CodeOrganizationOnly        ErrorCode = "organization_only"
	CodeRoleClosed              ErrorCode = "role_closed"
	CodeRoleNotOpen             ErrorCode = "role_not_open"
	CodeDeadlinePassed          ErrorCode = "deadline_passed"
	CodeTooManySavedSearches    ErrorCode = "too_many_saved_searches"

	// Applications and placements.
	CodeCandidateOnly       ErrorCode = "candidate_only"
	CodeConsentRequired     ErrorCode = "consent_required"
	CodeAlreadyApplied      ErrorCode = "already_applied"
	CodeIllegalTransition   ErrorCode = "illegal_transition"
	CodeStageChanged        ErrorCode = "stage_changed"
	CodeNotAccepted         ErrorCode = "not_accepted"
	CodeAlreadyPlaced       ErrorCode = "already_placed"
	CodeAlreadyArrived      ErrorCode = "already_arrived"
	CodeIdempotencyKeyInUse ErrorCode = "idempotency_key_in_use"
	CodeOfferRevised        ErrorCode = "offer_revised"
	CodeOfferAnswered       ErrorCode = "offer_answered"
	CodeOfferExpired        ErrorCode = "offer_expired"

	// Matching rounds.
	CodeRoundNotDraft           ErrorCode = "round_not_draft"
	CodeRoundNotOpen            ErrorCode = "round_not_open"
	CodeRoundDeadlinePassed     ErrorCode = "round_deadline_passed"
	CodeRoundDeadlineNotReached ErrorCode = "round_deadline_not_reached"
	CodeRoundNotCompleted       ErrorCode = "round_not_completed"
	CodeRoundChanged            ErrorCode = "round_changed"
)
