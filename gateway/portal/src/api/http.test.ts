import { describe, expect, it } from 'vitest';
import { FakePlatform, json, problem } from '../test/server';
import { ApiProblem, getJson, getPage, onSessionEnded, postJson, request } from './http';

describe('http', () => {
  it('sendsTheXsrfCookieAsHeader_whenMethodIsUnsafe', async () => {
    document.cookie = 'XSRF-TOKEN=abc%2F123; path=/';
    const platform = new FakePlatform(null).on('POST', '/api/things', json({ ok: true }));

    await postJson('/api/things', { name: 'x' });

    const call = platform.calls[0]!;
    expect(call.headers.get('X-XSRF-TOKEN')).toBe('abc/123');
    expect(call.headers.get('Content-Type')).toBe('application/json');
    expect(call.body).toEqual({ name: 'x' });
  });

  it('sendsNoXsrfHeader_whenMethodIsGet', async () => {
    document.cookie = 'XSRF-TOKEN=abc; path=/';
    const platform = new FakePlatform(null).on('GET', '/api/things', json([]));

    await getJson('/api/things', { q: 'a b', empty: '', none: undefined });

    expect(platform.calls[0]!.headers.has('X-XSRF-TOKEN')).toBe(false);
    expect(platform.calls[0]!.url).toBe('/api/things?q=a+b');
  });

  it('turnsProblemJsonIntoApiProblem_withFieldErrorsAndRequestId', async () => {
    new FakePlatform(null).on(
      'POST',
      '/api/things',
      problem(400, 'title must not be blank', { errors: [{ field: 'title', message: 'must not be blank' }] }, 'req-42'),
    );

    const error = await postJson('/api/things', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiProblem);
    const apiProblem = error as ApiProblem;
    expect(apiProblem.status).toBe(400);
    expect(apiProblem.detail).toBe('title must not be blank');
    expect(apiProblem.requestId).toBe('req-42');
    expect(apiProblem.fieldError('title')).toBe('must not be blank');
  });

  it('keepsStatusAndRequestId_whenErrorBodyIsNotJson', async () => {
    new FakePlatform(null).on(
      'GET',
      '/api/things',
      new Response('<html>bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html', 'X-Request-Id': 'r-9' } }),
    );

    const error = (await getJson('/api/things').catch((e: unknown) => e)) as ApiProblem;

    expect(error.status).toBe(502);
    expect(error.requestId).toBe('r-9');
    expect(error.detail).toBeUndefined();
  });

  it('reportsTheSessionEnd_whenAnswerIs401', async () => {
    new FakePlatform(null).on('GET', '/api/things', problem(401, 'expired'));
    let ended = 0;
    const stop = onSessionEnded(() => {
      ended += 1;
    });

    await expect(getJson('/api/things')).rejects.toMatchObject({ status: 401 });
    stop();

    expect(ended).toBe(1);
  });

  it('readsTheTotalCount_whenPaging', async () => {
    new FakePlatform(null).on('GET', '/api/items', json([{ id: 1 }], { headers: { 'X-Total-Count': '57' } }));

    const page = await getPage<{ id: number }>('/api/items', { offset: 0, limit: 1 });

    expect(page).toEqual({ items: [{ id: 1 }], total: 57 });
  });

  it('answersNothing_whenStatusIs204', async () => {
    new FakePlatform(null).on('DELETE', '/api/things/1', new Response(null, { status: 204 }));

    const response = await request('DELETE', '/api/things/1');

    expect(response.status).toBe(204);
    expect(response.data).toBeUndefined();
  });
});
