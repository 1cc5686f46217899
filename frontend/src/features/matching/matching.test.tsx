import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import type { Match } from '../../api/matching';
import { jsonResponse, renderWith } from '../../test/render';
import { MatchExplain } from './MatchExplain';
import { move, RankList } from './RankList';
import { SkillPicker } from '../../components/SkillPicker';
import { foldSkillText, suggestionsOf } from '../../components/skills';

const skills = {
  pytorch: { slug: 'pytorch', label: 'PyTorch', domain: 'frameworks', domain_label: 'ML frameworks', matched: 'PyTorch' },
  'computer-vision': { slug: 'computer-vision', label: 'Computer vision', domain: 'computer-vision', domain_label: 'Computer vision', matched: 'コンピュータビジョン' },
  nlp: { slug: 'nlp', label: 'प्राकृतिक भाषा प्रसंस्करण', domain: 'nlp', domain_label: 'NLP', matched: 'NLP' },
};
const asked: string[] = [];

beforeEach(() => {
  asked.length = 0;
  vi.stubGlobal('fetch', async (req: Request) => {
    const url = new URL(req.url);
    if (url.pathname === '/api/v1/skills') {
      const q = url.searchParams.get('q') ?? '';
      asked.push(q);
      const items = Object.values(skills).filter((s) => s.slug === q || foldSkillText(s.matched).startsWith(foldSkillText(q)) || foldSkillText(s.label).startsWith(foldSkillText(q)));
      return jsonResponse(200, { items });
    }
    return jsonResponse(401, { type: 't', title: 'x', status: 401, detail: 'Please sign in.', code: 'unauthenticated' }, 'application/problem+json');
  });
});
afterEach(() => vi.unstubAllGlobals());

function Picker({ initial = '', suggestions }: { initial?: string; suggestions?: string[] }) {
  const [slug, setSlug] = useState(initial);
  return (
    <>
      <SkillPicker name="skills[0].skill" label="Skill 1" value={slug} onChange={setSlug} suggestions={suggestions} error={suggestions ? 'Unknown skill' : undefined} />
      <output data-testid="slug">{slug}</output>
    </>
  );
}

describe('SkillPicker', () => {
  it('finds a skill typed in Japanese, picks it with the keyboard and shows its label', async () => {
    await renderWith(<Picker />);
    const box = screen.getByRole('combobox', { name: 'Skill 1' });
    fireEvent.change(box, { target: { value: 'コンピュータ' } });
    const option = await screen.findByRole('option', { name: /Computer vision/ });
    expect(option.textContent).toContain('コンピュータビジョン');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toBe(option.id);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(screen.getByTestId('slug').textContent).toBe('computer-vision');
    expect((box as HTMLInputElement).value).toBe('Computer vision');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(asked).toContain('コンピュータ');
  });

  it('shows a saved slug by its label in the reader’s language', async () => {
    await renderWith(<Picker initial="nlp" />, { lang: 'hi' });
    const box = screen.getByRole('combobox');
    await waitFor(() => expect((box as HTMLInputElement).value).toBe('प्राकृतिक भाषा प्रसंस्करण'));
    expect(screen.getByText('कोई कौशल अंग्रेज़ी, जापानी या हिंदी में लिखें और सूची से चुनें।')).toBeTruthy();
  });

  it('offers the API’s suggestions for an unknown skill, by label, and takes one', async () => {
    await renderWith(<Picker initial="pytorh" suggestions={['pytorch']} />);
    const button = await screen.findByRole('button', { name: 'PyTorch' });
    expect(screen.getByText('Did you mean:')).toBeTruthy();
    expect(screen.getByRole('combobox').getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(button);
    expect(screen.getByTestId('slug').textContent).toBe('pytorch');
    expect(screen.queryByText('Did you mean:')).toBeNull();
  });
});

describe('skills helpers', () => {
  it('fold case, width, katakana and separators', () => {
    expect(foldSkillText('Ｐｙ-Torch')).toBe('pytorch');
    expect(foldSkillText('コンピュータ・ビジョン')).toBe(foldSkillText('こんぴゅーたびじょん'));
  });
  it('collect unknown_skill suggestions by field path', () => {
    const e = new ApiError(400, {
      type: 't',
      title: 'x',
      status: 400,
      detail: 'd',
      code: 'validation_failed',
      errors: [
        { field: 'skills[2].skill', code: 'unknown_skill', message: 'm', suggestions: ['tensorflow'] },
        { field: 'name', code: 'required', message: 'm' },
      ],
    });
    expect(suggestionsOf(e)).toEqual({ 'skills[2].skill': ['tensorflow'] });
    expect(suggestionsOf(new Error('x'))).toEqual({});
  });
});

const blocked: Match = {
  score: 79,
  eligible: false,
  blockers: [{ code: 'match.japanese.below_required', text: 'JLPT N4 is below the required JLPT N3' }],
  components: [
    { name: 'skills_required', points: 30.6, weight: 33.3, reasons: [{ code: 'match.skills.required_partial', text: '2 of 3 required skills at the wanted level' }] },
    { name: 'salary', points: 11.1, weight: 11.1, reasons: [] },
  ],
};

describe('MatchExplain', () => {
  it('says plainly why a pair is not eligible, and explains each component', async () => {
    await renderWith(<MatchExplain match={blocked} open />);
    expect(screen.getByText('Not eligible because:')).toBeTruthy();
    expect(screen.getByText('JLPT N4 is below the required JLPT N3')).toBeTruthy();
    expect(screen.getByText('Required skills')).toBeTruthy();
    expect(screen.getByText('30.6 of 33.3 points')).toBeTruthy();
    expect(screen.getByText('2 of 3 required skills at the wanted level')).toBeTruthy();
    expect(screen.getByText('79')).toBeTruthy();
  });

  it('speaks Japanese, and words eligibility for the organisation', async () => {
    await renderWith(<MatchExplain match={{ ...blocked, eligible: true, blockers: [] }} open forOrganization />, { lang: 'ja' });
    expect(screen.queryByText('応募条件を満たしていない理由：')).toBeNull();
    expect(screen.getByText('この候補者は必須条件を満たしています')).toBeTruthy();
    expect(screen.getByText('必須スキル', { exact: false })).toBeTruthy();
    expect(screen.getByText('33.3点中30.6点')).toBeTruthy();
  });
});

function Ranking() {
  const [items, setItems] = useState(['Vision Engineer', 'LLM Researcher', 'MLOps Intern']);
  return <RankList items={items} keyOf={(s) => s} nameOf={(s) => s} render={(s) => s} onChange={setItems} label="Your ranking" />;
}

describe('RankList', () => {
  it('moves items with buttons, keeps focus with the moved item and announces the new place', async () => {
    await renderWith(<Ranking />);
    const up = screen.getByRole('button', { name: 'Move MLOps Intern up' });
    up.focus();
    await act(async () => {
      fireEvent.click(up);
    });
    const rows = () => screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(rows()[1]).toContain('MLOps Intern');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move MLOps Intern up');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Move MLOps Intern up' }));
    });
    expect(rows()[0]).toContain('MLOps Intern');
    // At the top "up" is disabled: focus goes to "down".
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move MLOps Intern down');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('MLOps Intern is now number 1 of 3'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Remove Vision Engineer' }));
    });
    expect(rows()).toHaveLength(2);
  });

  it('move returns a reordered copy and ignores moves out of range', () => {
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
  });
});
