package talent

import "context"

type requestIDKey struct{}

// WithRequestID returns ctx carrying the ID of the request it serves (the
// HTTP API sets it for every request), so that what the request causes
// further down, such as a slow database statement, is logged with it.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestIDFrom returns the ID of the request ctx serves, or "" outside a
// request (a job, a command).
func RequestIDFrom(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}
