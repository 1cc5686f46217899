# syntax=docker/dockerfile:1
# Production image: frontend (if any) -> static Go binary -> distroless, non-root.
# Build: docker build -t setubashi .    Run: see docker-compose.yml.

# --- Stage 1: frontend ------------------------------------------------------------------
# Builds frontend/dist when frontend/package.json exists; otherwise leaves an empty folder so
# the later stages work the same either way.
FROM node:20 AS frontend
WORKDIR /src
COPY . .
RUN if [ -f frontend/package.json ]; then \
        cd frontend && npm ci && npm run build; \
    else \
        echo "no frontend/package.json: skipping frontend build"; \
        mkdir -p frontend/dist; \
    fi

# --- Stage 2: Go binary -----------------------------------------------------------------
FROM golang:1.26 AS build
WORKDIR /src
# The same toolchain as the Makefile (fetched through the Go module proxy).
ENV CGO_ENABLED=0 GOFLAGS=-trimpath GOTOOLCHAIN=go1.27.3
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# Take the built frontend (embedded into the binary by frontend/embed.go).
COPY --from=frontend /src/frontend/dist ./frontend/dist
RUN go build -ldflags="-s -w" -o /out/setubashi ./backend/cmd/setubashi \
 && mkdir -p /out/data

# --- Stage 3: runtime -------------------------------------------------------------------
FROM gcr.io/distroless/static-debian12:nonroot
# /app/data is writable by the non-root user, for the SQLite fallback when DATABASE_URL is unset.
WORKDIR /app
COPY --from=build --chown=65532:65532 /out/data /app/data
COPY --from=build /out/setubashi /usr/local/bin/setubashi
ENV SETUBASHI_ADDR=:8080 \
    SETUBASHI_MODE=production \
    SETUBASHI_LOG_LEVEL=info
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/setubashi"]
CMD ["serve"]
