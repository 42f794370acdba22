import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isChallenge, isDiscussionPage, isFeed, isLeaderboard, isThread } from '../api/community';
import { FakeEventSource } from '../test/eventSource';
import { FRAMEWORK_ID, frameworkVersion, masteryJson } from '../test/fixtures';
import { summary } from '../authoring/fixtures';
import { fill, renderApp } from '../test/render';
import { FakePlatform, json, noContent, problem, signedIn, type Call } from '../test/server';
import { challenge, discussionPage, feed, leaderboard, moderatedThread, thread } from './fixtures';

const DISCUSSIONS = '/api/community/discussions';

function learnerPlatform() {
  return new FakePlatform(signedIn({ subject: 'learner-1', roles: ['LEARNER'] }))
    .on('GET', `/api/frameworks/${FRAMEWORK_ID}/versions/1`, frameworkVersion)
    .on('GET', '/api/learners/learner-1/mastery/c-test', masteryJson)
    .on('GET', '/api/community/notifications', { ...feed, items: [], unreadCount: 0 })
    .on('GET', DISCUSSIONS, discussionPage)
    .on('GET', `${DISCUSSIONS}/d-2`, thread);
}

describe('community', () => {
  beforeEach(() => FakeEventSource.install());
  afterEach(() => vi.unstubAllGlobals());

  it('acceptsTheServicesShapes_throughTheGuards', () => {
    expect(isDiscussionPage(discussionPage)).toBe(true);
    expect(isThread(thread)).toBe(true);
    expect(isThread(moderatedThread)).toBe(true);
    expect(isChallenge(challenge)).toBe(true);
    expect(isLeaderboard(leaderboard)).toBe(true);
    expect(isFeed(feed)).toBe(true);
    expect(isThread({ ...thread, posts: [{ ...thread.posts[0], edited: 'yes' }] })).toBe(false);
    expect(isChallenge({ ...challenge, contributions: [{ learnerId: 'x' }] })).toBe(false);
  });

  it('listsTheCompetencysDiscussions_onWhyThisLevel_andSearchesAndPages', async () => {
    const platform = learnerPlatform()
      .on('GET', DISCUSSIONS, (call: Call) => json(new URL(call.url, 'http://portal.test').searchParams.get('page') === '1'
        ? { ...discussionPage, items: [{ ...discussionPage.items[1]!, title: 'Older one' }], page: 1, total: 11 }
        : { ...discussionPage, total: 11 }));
    const { user } = renderApp('/me/competencies/c-test');

    const panel = await screen.findByRole('region', { name: 'Discussion' });
    const items = await within(panel).findAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('button').textContent)).toEqual(['How do you test a flaky job?', 'Mocks or fakes?']);
    expect(items[0]).toHaveTextContent('Answered');
    expect(items[0]).toHaveTextContent('2 replies');
    const first = new URL(platform.callsTo('GET', DISCUSSIONS)[0]!.url, 'http://portal.test').searchParams;
    expect(Object.fromEntries(first)).toEqual({ subjectKind: 'COMPETENCY', subjectId: 'c-test', page: '0', size: '10' });

    await user.click(within(panel).getByRole('button', { name: 'Next page' }));
    expect(await within(panel).findByRole('button', { name: 'Older one' })).toBeInTheDocument();
    expect(within(panel).getByText('Page 2 of 2')).toBeInTheDocument();

    await user.type(within(panel).getByLabelText('Search the discussions'), 'seed');
    await user.click(within(panel).getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(platform.callsTo('GET', DISCUSSIONS).at(-1)!.url).toContain('q=seed'));
    expect(platform.callsTo('GET', DISCUSSIONS).at(-1)!.url).toContain('page=0');
  });

  it('opensAThread_rendersTheServersHtml_andPostsAReply', async () => {
    let replied = false;
    const platform = learnerPlatform()
      .on('POST', `${DISCUSSIONS}/d-2/replies`, () => {
        replied = true;
        return json({ discussionId: 'd-2', postId: 'p-4' }, { status: 201 });
      })
      .on('GET', `${DISCUSSIONS}/d-2`, () => json(replied ? {
        ...thread,
        posts: [...thread.posts, { ...thread.posts[2]!, postId: 'p-4', html: '<p>Thanks, <em>that works</em>.</p>', markdown: 'Thanks, *that works*.' }],
      } : thread));
    const { user, router } = renderApp('/me/competencies/c-test');

    const panel = await screen.findByRole('region', { name: 'Discussion' });
    await user.click(await within(panel).findByRole('button', { name: 'How do you test a flaky job?' }));

    expect(await within(panel).findByRole('heading', { level: 3, name: 'How do you test a flaky job?' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?discussion=d-2');
    const opening = within(panel).getByRole('article', { name: 'Post by Grace Learner' });
    expect(within(opening).getByText('one run in ten').tagName).toBe('STRONG');
    expect(opening).toHaveTextContent('(edited');
    expect(within(panel).getByRole('article', { name: 'Reply by Member 1' })).toHaveTextContent('This post was hidden by a moderator.');
    const answer = within(panel).getByRole('article', { name: 'Reply by You' });
    expect(answer).toHaveTextContent('Answer');
    // Not the discussion's author, not a moderator: nobody's post to mark, nothing to hide.
    expect(within(panel).queryByRole('button', { name: 'Mark as answer' })).not.toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Hide' })).not.toBeInTheDocument();

    await fill(user, within(panel).getByLabelText('Your reply'), 'Thanks, *that works*.');
    await user.click(within(panel).getByRole('button', { name: 'Post reply' }));

    expect(await within(panel).findByText('that works')).toBeInTheDocument();
    expect(platform.callsTo('POST', `${DISCUSSIONS}/d-2/replies`)[0]!.body).toEqual({ body: 'Thanks, *that works*.', mentions: [] });
    expect(within(panel).getByLabelText('Your reply')).toHaveValue('');
    expect(within(panel).getByRole('status')).toHaveTextContent('Your reply is posted.');
  });

  it('namesAuthorsAndMentionsByName_youForTheCaller_andMemberNWithoutAName_neverById', async () => {
    learnerPlatform();
    const { user } = renderApp('/me/competencies/c-test');

    const panel = await screen.findByRole('region', { name: 'Discussion' });
    const items = await within(panel).findAllByRole('listitem');
    expect(items[0]).toHaveTextContent('by Grace Learner');
    expect(items[1]).toHaveTextContent('by you');
    await user.click(within(panel).getByRole('button', { name: 'How do you test a flaky job?' }));

    expect(await within(panel).findByRole('article', { name: 'Post by Grace Learner' })).toBeInTheDocument();
    expect(within(panel).getByRole('article', { name: 'Reply by Member 1' })).toBeInTheDocument();
    const mine = within(panel).getByRole('article', { name: 'Reply by You' });
    expect(mine).toHaveTextContent('Mentions: Grace Learner, Member 2');
    expect(panel.textContent).not.toMatch(/learner-\d/);
  });

  it('namesTheCompetencyADiscussionIsAbout_byCodeAndTitle', async () => {
    learnerPlatform()
      .on('GET', '/api/frameworks', [summary()])
      .on('GET', '/api/frameworks/competencies', [
        { frameworkId: FRAMEWORK_ID, version: 1, status: 'PUBLISHED', id: 'c-test', code: 'SE.1', title: 'Automated testing' },
      ]);
    renderApp('/discussions/d-2');

    expect(await screen.findByText(/About SE.1 Automated testing/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'your level and its other discussions' })).toHaveAttribute('href', '/me/competencies/c-test');
  });

  it('namesTheFieldItRefused_whenTheServiceRejectsAReply', async () => {
    learnerPlatform().on('POST', `${DISCUSSIONS}/d-2/replies`, problem(400, 'The request has invalid fields', {
      errors: [{ field: 'body', message: 'size must be between 0 and 20000' }],
    }));
    const { user } = renderApp('/me/competencies/c-test?discussion=d-2');

    const field = await screen.findByLabelText('Your reply');
    await fill(user, field, 'far too long');
    await user.click(screen.getByRole('button', { name: 'Post reply' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your reply was not posted.');
    expect(alert).toHaveTextContent('body: size must be between 0 and 20000');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/size must be between 0 and 20000/);
    expect(field).toHaveValue('far too long');
  });

  it('showsEarlierVersionsAsText_neverAsHtml', async () => {
    learnerPlatform().on('GET', `${DISCUSSIONS}/d-2/posts/p-1/history`, [
      { markdown: 'It fails <img src=x onerror=alert(1)> sometimes', editorId: 'learner-2', replacedAt: '2026-11-30T09:30:00Z' },
    ]);
    const { user } = renderApp('/me/competencies/c-test?discussion=d-2');

    const opening = await screen.findByRole('article', { name: 'Post by Grace Learner' });
    await user.click(within(opening).getByRole('button', { name: 'Show earlier versions' }));

    const history = await within(opening).findByRole('list', { name: 'Earlier versions, oldest first' });
    expect(history).toHaveTextContent('It fails <img src=x onerror=alert(1)> sometimes');
    expect(history.querySelector('img')).toBeNull();
  });

  it('reportsAPost_withTheReasonGiven', async () => {
    const platform = learnerPlatform().on('POST', `${DISCUSSIONS}/d-2/posts/p-1/reports`, noContent());
    const { user } = renderApp('/me/competencies/c-test?discussion=d-2');

    const opening = await screen.findByRole('article', { name: 'Post by Grace Learner' });
    expect(within(screen.getByRole('article', { name: 'Reply by You' })).queryByRole('button', { name: 'Report' })).not.toBeInTheDocument();
    await user.click(within(opening).getByRole('button', { name: 'Report' }));
    await user.type(within(opening).getByLabelText(/Why are you reporting/), 'rude');
    await user.click(within(opening).getByRole('button', { name: 'Send report' }));

    expect(await within(opening).findByRole('status')).toHaveTextContent('the moderators will look at this post');
    expect(platform.callsTo('POST', `${DISCUSSIONS}/d-2/posts/p-1/reports`)[0]!.body).toEqual({ reason: 'rude' });
  });

  it('letsAModeratorHideWithAReason_markAnAnswer_andSeeReports', async () => {
    const platform = new FakePlatform(signedIn({ subject: 'manager-1', roles: ['MANAGER'] }))
      .on('GET', '/api/community/notifications', problem(404, 'No such route'))
      .on('GET', `${DISCUSSIONS}/d-2`, { ...moderatedThread, answerPostId: null })
      .on('POST', `${DISCUSSIONS}/d-2/posts/p-1/hide`, noContent())
      .on('POST', `${DISCUSSIONS}/d-2/answer`, noContent());
    const { user } = renderApp('/discussions/d-2');

    expect(await screen.findByRole('heading', { level: 1, name: 'Discussion' })).toBeInTheDocument();
    const hidden = await screen.findByRole('article', { name: 'Reply by Member 1' });
    expect(hidden).toHaveTextContent('Reason: spam');
    expect(hidden).toHaveTextContent('Buy cheap watches');
    expect(hidden).toHaveTextContent('Reported 3 times.');
    expect(within(hidden).queryByRole('button', { name: 'Mark as answer' })).not.toBeInTheDocument();

    const opening = screen.getByRole('article', { name: 'Post by Grace Learner' });
    await user.click(within(opening).getByRole('button', { name: 'Hide' }));
    const submit = within(opening).getByRole('button', { name: 'Hide post' });
    expect(submit).toBeDisabled();
    await user.type(within(opening).getByLabelText(/Reason for hiding/), 'off topic');
    await user.click(submit);
    await waitFor(() => expect(platform.callsTo('POST', `${DISCUSSIONS}/d-2/posts/p-1/hide`)).toHaveLength(1));
    expect(platform.callsTo('POST', `${DISCUSSIONS}/d-2/posts/p-1/hide`)[0]!.body).toEqual({ reason: 'off topic' });

    const reply = screen.getByRole('article', { name: 'Reply by Ada Learner' });
    await user.click(within(reply).getByRole('button', { name: 'Mark as answer' }));
    await waitFor(() => expect(platform.callsTo('POST', `${DISCUSSIONS}/d-2/answer`)).toHaveLength(1));
    expect(platform.callsTo('POST', `${DISCUSSIONS}/d-2/answer`)[0]!.body).toEqual({ postId: 'p-3' });
  });
});
