import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../test/render';
import { ApiError, client, serializeQuery, setApiLang, unwrap } from './client';

afterEach(() => {
  vi.unstubAllGlobals();
  setApiLang('en');
});

describe('serializeQuery', () => {
  it('adds the UI language and drops empty values', () => {
    expect(serializeQuery({ q: 'vision', type: undefined, skill: '', remote: false, limit: 20 }, 'ja')).toBe(
      'q=vision&remote=false&limit=20&lang=ja',
    );
    expect(serializeQuery(undefined, 'hi')).toBe('lang=hi');
  });
});

describe('client', () => {
  it('asks every answer in the UI language', async () => {
    const fetch = vi.fn(async (_req: Request) => jsonResponse(200, { items: [], next_cursor: '' }));
    vi.stubGlobal('fetch', fetch);
    setApiLang('hi');
    await unwrap(client.GET('/api/v1/roles', { params: { query: { q: 'nlp' } } }));
    const url = new URL(fetch.mock.calls[0]![0].url);
    expect(url.pathname).toBe('/api/v1/roles');
    expect(url.searchParams.get('lang')).toBe('hi');
    expect(url.searchParams.get('q')).toBe('nlp');
  });
  it('turns a problem document into ApiError with its code and fields', async () => {
    vi.stubGlobal('fetch', async () =>
      jsonResponse(
        409,
        { type: 't', title: 'Conflict', status: 409, detail: 'Already applied.', code: 'already_applied', existing_id: 7 },
        'application/problem+json',
      ),
    );
    const err = await unwrap(client.POST('/api/v1/roles/{id}/applications', { params: { path: { id: 3 } }, body: {} })).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(409);
    expect(err.code).toBe('already_applied');
    expect(err.problem.existing_id).toBe(7);
    expect(err.message).toBe('Already applied.');
  });
  it('reports a network failure as status 0', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const err = await unwrap(client.GET('/api/v1/me')).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(0);
    expect(err.code).toBe('network');
  });
});
