// The one way the portal talks to the gateway: same origin, the session cookie, the CSRF header on
// every unsafe method, and RFC 9457 problem details turned into a typed ApiProblem.

export interface FieldError {
  field: string;
  message: string;
}

/** An error answer from the platform, or a failure to reach it (status 0). */
export class ApiProblem extends Error {
  readonly status: number;
  readonly type: string | undefined;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    type?: string | undefined;
    title?: string | undefined;
    detail?: string | undefined;
    errors?: FieldError[];
    requestId?: string | undefined;
  }) {
    super(init.detail ?? init.title ?? `Request failed with status ${init.status}`);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.type = init.type;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.requestId = init.requestId;
  }

  /** The message for one form field, if the platform named it. */
  fieldError(field: string): string | undefined {
    return this.errors.find((error) => error.field === field)?.message;
  }
}

export function isApiProblem(value: unknown): value is ApiProblem {
  return value instanceof ApiProblem;
}

// --- session end -------------------------------------------------------------------------------

type SessionEndListener = () => void;
const sessionEndListeners = new Set<SessionEndListener>();

/** Called when an API answers 401: the gateway session (and its tokens) ended. */
export function onSessionEnded(listener: SessionEndListener): () => void {
  sessionEndListeners.add(listener);
  return () => {
    sessionEndListeners.delete(listener);
  };
}

// --- cookies -----------------------------------------------------------------------------------

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      return decodeURIComponent(rest.join('='));
    }
  }
  return undefined;
}

export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'X-XSRF-TOKEN';

// --- requests ----------------------------------------------------------------------------------

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryParams = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: QueryParams;
  /** A value sent as JSON, or a ready body (FormData, Blob, string) sent as it is. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  headers: Headers;
}

export function withQuery(path: string, query?: QueryParams): string {
  if (!query) {
    return path;
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.append(key, String(value));
    }
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function isReadyBody(body: unknown): body is BodyInit {
  return (
    typeof body === 'string' ||
    body instanceof FormData ||
    body instanceof Blob ||
    body instanceof URLSearchParams ||
    body instanceof ArrayBuffer
  );
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers = new Headers(options.headers);
  if (!headers.has('Accept')) {
    headers.set('Accept', 'application/json, application/problem+json');
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const token = readCookie(XSRF_COOKIE);
    if (token) {
      headers.set(XSRF_HEADER, token);
    }
  }
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (isReadyBody(options.body)) {
      body = options.body;
      if (options.contentType) {
        headers.set('Content-Type', options.contentType);
      }
    } else {
      body = JSON.stringify(options.body);
      headers.set('Content-Type', options.contentType ?? 'application/json');
    }
  }

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body: body ?? null,
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiProblem({
      status: 0,
      title: 'No connection',
      detail: 'The portal could not reach the platform. Check your connection and try again.',
    });
  }

  if (!response.ok) {
    const problem = await toProblem(response);
    if (problem.status === 401) {
      sessionEndListeners.forEach((listener) => listener());
    }
    throw problem;
  }
  return { data: await readBody<T>(response), status: response.status, headers: response.headers };
}

async function readBody<T>(response: Response): Promise<T> {
  if (response.status === 204 || response.status === 205) {
    return undefined as T;
  }
  const text = await response.text();
  if (text === '') {
    return undefined as T;
  }
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    return JSON.parse(text) as T;
  }
  return text as T;
}

/** Reads an error answer; a body that is not a problem detail still gives a status and the request id. */
export async function toProblem(response: Response): Promise<ApiProblem> {
  const requestId = response.headers.get('X-Request-Id') ?? undefined;
  const type = response.headers.get('Content-Type') ?? '';
  let body: Record<string, unknown> = {};
  if (type.includes('json')) {
    try {
      const parsed: unknown = await response.json();
      if (parsed && typeof parsed === 'object') {
        body = parsed as Record<string, unknown>;
      }
    } catch {
      body = {};
    }
  }
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : undefined);
  return new ApiProblem({
    status: typeof body.status === 'number' ? body.status : response.status,
    type: text('type'),
    title: text('title') ?? (response.statusText || undefined),
    detail: text('detail'),
    errors: fieldErrors(body.errors),
    requestId,
  });
}

function fieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.flatMap((item: unknown) => {
    // The frameworks and assessments services list the rules a body breaks as plain sentences.
    if (typeof item === 'string') {
      return item ? [{ field: '', message: item }] : [];
    }
    if (item && typeof item === 'object') {
      const entry = item as Record<string, unknown>;
      const field = typeof entry.field === 'string' ? entry.field : '';
      const message = typeof entry.message === 'string' ? entry.message : '';
      if (field || message) {
        return [{ field, message }];
      }
    }
    return [];
  });
}

export async function getJson<T>(path: string, query?: QueryParams, signal?: AbortSignal): Promise<T> {
  return (await request<T>('GET', path, { query, signal })).data;
}

export interface Page<T> {
  items: T[];
  /** From X-Total-Count when the service sends it. */
  total: number | undefined;
}

export async function getPage<T>(path: string, query?: QueryParams, signal?: AbortSignal): Promise<Page<T>> {
  const response = await request<T[]>('GET', path, { query, signal });
  const header = response.headers.get('X-Total-Count');
  const total = header === null ? undefined : Number.parseInt(header, 10);
  return { items: response.data ?? [], total: Number.isNaN(total) ? undefined : total };
}

export async function postJson<T>(path: string, body?: unknown, query?: QueryParams): Promise<T> {
  return (await request<T>('POST', path, { body, query })).data;
}

export async function putJson<T>(path: string, body?: unknown): Promise<T> {
  return (await request<T>('PUT', path, { body })).data;
}

export async function deleteResource(path: string): Promise<void> {
  await request<void>('DELETE', path);
}

/** Encodes one path segment (ids come from URLs and the APIs). */
export function seg(value: string | number): string {
  return encodeURIComponent(String(value));
}
