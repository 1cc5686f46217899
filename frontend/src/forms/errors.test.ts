import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { errorsUnder, fieldErrorsOf, fieldId, normalizePath } from './errors';

const problem = (errors: { field: string; code: string; message: string }[]) =>
  new ApiError(400, {
    type: 'tag:setubashi.dev,2026:problem:validation_failed',
    title: 'Your request has problems',
    status: 400,
    detail: 'Some fields are not valid.',
    code: 'validation_failed',
    errors,
  });

describe('normalizePath', () => {
  it('keeps bracketed paths and turns dotted indexes into brackets', () => {
    expect(normalizePath('education[0].year')).toBe('education[0].year');
    expect(normalizePath('education.0.year')).toBe('education[0].year');
    expect(normalizePath('preferred_prefectures.3')).toBe('preferred_prefectures[3]');
  });
  it('renames validation names that differ from the request', () => {
    const aliases = { papers: 'research.papers', japanese_level: 'japanese.level' };
    expect(normalizePath('papers', aliases)).toBe('research.papers');
    expect(normalizePath('japanese_level', aliases)).toBe('japanese.level');
    expect(normalizePath('papers_total', aliases)).toBe('papers_total');
  });
});

describe('fieldErrorsOf', () => {
  it('maps each field path to its localized messages, every reason once', () => {
    const err = problem([
      { field: 'education[0].year', code: 'out_of_range', message: 'Must be between 1960 and 2034.' },
      { field: 'education[0].year', code: 'required', message: 'Second reason.' },
      { field: 'education[0].year', code: 'out_of_range', message: 'Must be between 1960 and 2034.' },
      { field: 'skills[2].skill', code: 'slug', message: 'Use lowercase letters.' },
      { field: 'patents', code: 'out_of_range', message: 'Must be between 0 and 10000.' },
    ]);
    expect(fieldErrorsOf(err, { patents: 'research.patents' })).toEqual({
      'education[0].year': 'Must be between 1960 and 2034. Second reason.',
      'skills[2].skill': 'Use lowercase letters.',
      'research.patents': 'Must be between 0 and 10000.',
    });
  });
  it('is empty for errors that are not validation problems', () => {
    expect(fieldErrorsOf(new ApiError(0, null))).toEqual({});
    expect(fieldErrorsOf(new Error('boom'))).toEqual({});
  });
});

describe('fieldId and errorsUnder', () => {
  it('makes DOM ids from field paths', () => {
    expect(fieldId('education[0].year')).toBe('field-education-0-year');
    expect(fieldId('title.ja')).toBe('field-title-ja');
    expect(fieldId('salary_max_jpy')).toBe('field-salary_max_jpy');
  });
  it('collects the messages of a field and everything below it', () => {
    const errors = { 'wanted_role_types[1]': 'a', wanted_role_types: 'b', wanted: 'c' };
    expect(errorsUnder(errors, 'wanted_role_types').sort()).toEqual(['a', 'b']);
  });
});
