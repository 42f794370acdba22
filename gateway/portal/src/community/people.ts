import type { Thread } from '../api/community';

/**
 * How the community screens name people. The caller is "You"; anyone else goes by the name the screen can read
 * (the name they last wrote under, or a team's member list), and without one by a neutral "Member n", numbered in
 * the order the people appear on that screen, never by their id.
 */
export class PeopleLabels {
  private readonly labels = new Map<string, string>();
  private unnamed = 0;

  constructor(private readonly me: string, private readonly names: ReadonlyMap<string, string>) {}

  label(personId: string): string {
    const known = this.labels.get(personId);
    if (known !== undefined) {
      return known;
    }
    const name = this.names.get(personId);
    const label = personId === this.me ? 'You' : name ? name : `Member ${++this.unnamed}`;
    this.labels.set(personId, label);
    return label;
  }
}

/** The names a discussion's answer gives: its posts' authors and the people they mention. */
export function threadNames(thread: Thread): Map<string, string> {
  const names = new Map<string, string>();
  if (thread.authorName) {
    names.set(thread.authorId, thread.authorName);
  }
  for (const post of thread.posts) {
    if (post.authorName) {
      names.set(post.authorId, post.authorName);
    }
    for (const mention of post.mentioned ?? []) {
      if (mention.name) {
        names.set(mention.personId, mention.name);
      }
    }
  }
  return names;
}

/** Labels for everyone in a discussion, numbered in the order they first write or are mentioned. */
export function threadLabels(thread: Thread, me: string): PeopleLabels {
  const labels = new PeopleLabels(me, threadNames(thread));
  for (const post of thread.posts) {
    labels.label(post.authorId);
    post.mentions.forEach((id) => labels.label(id));
  }
  return labels;
}
