import { describe, expect, it } from 'vitest';
import { FakePlatform, problem } from '../test/server';
import { ApiProblem, putJson } from './http';

describe('rule errors', () => {
  it('keepsEachBrokenRule_whenTheServiceListsThemAsSentences', async () => {
    new FakePlatform(null).on('PUT', '/api/things', problem(400, '2 rules are broken', { errors: ['a is missing', 'b is too long'] }));

    const error = (await putJson('/api/things', {}).catch((e: unknown) => e)) as ApiProblem;

    expect(error.errors).toEqual([
      { field: '', message: 'a is missing' },
      { field: '', message: 'b is too long' },
    ]);
  });
});
