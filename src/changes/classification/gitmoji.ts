import type { ChangeKind } from './change-kind.js';

/**
 * Gitmojis (https://gitmoji.dev, `gitmojis.json`) that say what kind of change a PR is.
 * Emojis are written without the variation selector U+FE0F: titles are compared after
 * removing it. Gitmojis not listed (💄 UI, 🗃️ database, 💥 breaking, 🚩 feature flags…) say
 * nothing about fix versus feature, so the title's other signals decide.
 */
const GITMOJI_KINDS: readonly (readonly [emoji: string, code: string, kind: ChangeKind])[] = [
  ['🐛', 'bug', 'fix'],
  ['🚑', 'ambulance', 'fix'],
  ['🔒', 'lock', 'fix'],
  ['✏', 'pencil2', 'fix'],
  ['🩹', 'adhesive_bandage', 'fix'],
  ['🥅', 'goal_net', 'fix'],
  ['✨', 'sparkles', 'feature'],
  ['🎉', 'tada', 'feature'],
  ['🚸', 'children_crossing', 'feature'],
  ['👔', 'necktie', 'feature'],
  ['♻', 'recycle', 'change'],
  ['🎨', 'art', 'change'],
  ['🔧', 'wrench', 'change'],
  ['🔨', 'hammer', 'change'],
  ['⬆', 'arrow_up', 'change'],
  ['⬇', 'arrow_down', 'change'],
  ['📌', 'pushpin', 'change'],
  ['➕', 'heavy_plus_sign', 'change'],
  ['➖', 'heavy_minus_sign', 'change'],
  ['📦', 'package', 'change'],
  ['⚡', 'zap', 'change'],
  ['🔥', 'fire', 'change'],
  ['⚰', 'coffin', 'change'],
  ['🗑', 'wastebasket', 'change'],
  ['📝', 'memo', 'change'],
  ['💡', 'bulb', 'change'],
  ['📄', 'page_facing_up', 'change'],
  ['✅', 'white_check_mark', 'change'],
  ['🧪', 'test_tube', 'change'],
  ['📸', 'camera_flash', 'change'],
  ['🤡', 'clown_face', 'change'],
  ['👷', 'construction_worker', 'change'],
  ['💚', 'green_heart', 'change'],
  ['🚨', 'rotating_light', 'change'],
  ['🚀', 'rocket', 'change'],
  ['🔖', 'bookmark', 'change'],
  ['🚚', 'truck', 'change'],
  ['🏗', 'building_construction', 'change'],
  ['🏷', 'label', 'change'],
  ['🙈', 'see_no_evil', 'change'],
  ['🔊', 'loud_sound', 'change'],
  ['🔇', 'mute', 'change'],
  ['👥', 'busts_in_silhouette', 'change'],
  ['⏪', 'rewind', 'change'],
  ['🔀', 'twisted_rightwards_arrows', 'change'],
  ['🚧', 'construction', 'change'],
  ['⚗', 'alembic', 'change'],
  ['🌱', 'seedling', 'change'],
  ['🧱', 'bricks', 'change'],
  ['🧑‍💻', 'technologist', 'change'],
  ['🔐', 'closed_lock_with_key', 'change'],
  ['👽', 'alien', 'change'],
];

// Longest first, so a multi-code-point emoji (🧑‍💻) is not read as its first code point.
const BY_LENGTH = [...GITMOJI_KINDS].sort((a, b) => b[0].length - a[0].length);
const SHORTCODE = /^:([a-z0-9_+-]+):/;

/** The gitmoji a text starts with (emoji or `:shortcode:`), as written, and its kind; the text must be normalized (no U+FE0F). */
export function leadingGitmoji(text: string): { written: string; kind: ChangeKind } | undefined {
  const code = SHORTCODE.exec(text)?.[1];
  if (code !== undefined) {
    const entry = GITMOJI_KINDS.find(([, name]) => name === code);
    return entry && { written: `:${code}:`, kind: entry[2] };
  }
  const entry = BY_LENGTH.find(([emoji]) => text.startsWith(emoji));
  return entry && { written: entry[0], kind: entry[2] };
}
