// A fake platform for unit tests: fetch answers from a list of routes, and every call is recorded.
import { vi } from 'vitest';
import type { SignedIn } from '../api/session';

export interface Call {
  method: string;
  url: string;
  path: string;
  headers: Headers;
  body: unknown;
}

type Responder = (call: Call, match: RegExpMatchArray) => Response | Promise<Response>;
interface Route {
  method: string;
  pattern: RegExp;
  respond: Responder;
}

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req-test', ...init.headers },
  });
}

export function problem(status: number, detail: string, extra: Record<string, unknown> = {},
                        requestId = 'req-problem'): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: 'Problem', status, detail, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'X-Request-Id': requestId },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: { 'X-Request-Id': 'req-test' } });
}

export function signedIn(overrides: Partial<SignedIn> = {}): SignedIn {
  return {
    authenticated: true,
    subject: 'learner-1',
    username: 'learner-ada',
    name: 'Ada Learner',
    roles: ['LEARNER'],
    organisationUnit: 'Platform engineering',
    teamId: 'team-1',
    managedTeams: [],
    expiresAt: '2030-01-01T00:00:00Z',
    ...overrides,
  };
}

function toPattern(path: string | RegExp): RegExp {
  if (path instanceof RegExp) {
    return path;
  }
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '([^/?]+)');
  return new RegExp(`^${escaped}$`);
}

export class FakePlatform {
  readonly calls: Call[] = [];
  private readonly routes: Route[] = [];

  constructor(session: SignedIn | { authenticated: false; loginUrl: string } | null) {
    if (session) {
      this.on('GET', '/session', () => json(session));
    }
    vi.stubGlobal('fetch', vi.fn((input: RequestInfo | URL, init?: RequestInit) => this.handle(input, init)));
  }

  /** Later routes win, so a test can override an earlier answer. */
  on(method: string, path: string | RegExp, respond: Responder | Response | unknown): this {
    const responder: Responder =
      typeof respond === 'function'
        ? (respond as Responder)
        : respond instanceof Response
          ? () => respond.clone()
          : () => json(respond);
    this.routes.unshift({ method, pattern: toPattern(path), respond: responder });
    return this;
  }

  callsTo(method: string, path: string | RegExp): Call[] {
    const pattern = toPattern(path);
    return this.calls.filter((call) => call.method === method && pattern.test(call.path));
  }

  private async handle(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = new URL(url, 'http://portal.test').pathname;
    const raw = init?.body;
    let body: unknown = raw;
    if (typeof raw === 'string') {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const call: Call = { method, url, path, headers: new Headers(init?.headers), body };
    this.calls.push(call);
    for (const route of this.routes) {
      const match = path.match(route.pattern);
      if (route.method === method && match) {
        return route.respond(call, match);
      }
    }
    return problem(404, `No fake answer for ${method} ${path}`);
  }
}
