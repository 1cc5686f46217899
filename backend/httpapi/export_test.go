package httpapi

// RequestFingerprintForTest exposes how an idempotent request is identified,
// for tests that set up a key as a died request left it.
var RequestFingerprintForTest = requestFingerprint
