/**
 * Words the demo titles are built from. Each topic (shared across domains) has adjectives and
 * nouns, each domain has format nouns, so a title such as "Haunted Crypt Chronicles" carries its
 * topic in the text — the language-model methods can learn from titles, SASRec from ids.
 */

/** A latent topic: its genre name and the words that signal it. */
export interface Topic {
  readonly name: string;
  readonly adjectives: readonly string[];
  readonly nouns: readonly string[];
}

export const TOPICS: readonly Topic[] = [
  { name: 'Mystery', adjectives: ['Silent', 'Hidden', 'Veiled', 'Whispering', 'Secret', 'Shadowed'], nouns: ['Harbor', 'Cipher', 'Lantern', 'Manor', 'Riddle', 'Key'] },
  { name: 'Sci-Fi', adjectives: ['Stellar', 'Quantum', 'Orbital', 'Neon', 'Distant', 'Synthetic'], nouns: ['Nebula', 'Signal', 'Colony', 'Reactor', 'Station', 'Horizon'] },
  { name: 'Romance', adjectives: ['Tender', 'Golden', 'Sweet', 'Lovesick', 'Moonlit', 'Gentle'], nouns: ['Heart', 'Promise', 'Letter', 'Garden', 'Waltz', 'Kiss'] },
  { name: 'Historical', adjectives: ['Ancient', 'Imperial', 'Forgotten', 'Medieval', 'Royal', 'Victorian'], nouns: ['Empire', 'Dynasty', 'Throne', 'Crown', 'Citadel', 'Legion'] },
  { name: 'Fantasy', adjectives: ['Enchanted', 'Mythic', 'Arcane', 'Eternal', 'Fabled', 'Crystal'], nouns: ['Dragon', 'Wizard', 'Realm', 'Sword', 'Tower', 'Oracle'] },
  { name: 'Comedy', adjectives: ['Clumsy', 'Wacky', 'Cheerful', 'Silly', 'Jolly', 'Awkward'], nouns: ['Wedding', 'Roommate', 'Picnic', 'Holiday', 'Neighbor', 'Party'] },
  { name: 'Horror', adjectives: ['Haunted', 'Cursed', 'Wicked', 'Pale', 'Hollow', 'Grim'], nouns: ['Crypt', 'Ghost', 'Asylum', 'Ritual', 'Mask', 'Swamp'] },
  { name: 'Sports', adjectives: ['Fearless', 'Rapid', 'Winning', 'Iron', 'Champion', 'Underdog'], nouns: ['Stadium', 'League', 'Racer', 'Goal', 'Match', 'Trophy'] },
  { name: 'Nature', adjectives: ['Wild', 'Green', 'Frozen', 'Coastal', 'Blooming', 'Rugged'], nouns: ['Forest', 'River', 'Mountain', 'Meadow', 'Glacier', 'Reef'] },
  { name: 'Crime', adjectives: ['Crooked', 'Undercover', 'Ruthless', 'Midnight', 'Stolen', 'Dirty'], nouns: ['Heist', 'Syndicate', 'Detective', 'Alibi', 'Witness', 'Cartel'] },
  { name: 'Music', adjectives: ['Electric', 'Acoustic', 'Rhythmic', 'Melodic', 'Loud', 'Soulful'], nouns: ['Guitar', 'Anthem', 'Chorus', 'Ballad', 'Drum', 'Stage'] },
  { name: 'Adventure', adjectives: ['Bold', 'Lost', 'Daring', 'Untamed', 'Roaming', 'Brave'], nouns: ['Expedition', 'Voyage', 'Treasure', 'Island', 'Map', 'Compass'] },
];

/** A domain and the format nouns that end its titles; `prefix` starts its raw item ids. */
export interface Domain {
  readonly name: string;
  readonly prefix: string;
  readonly formats: readonly string[];
}

export const DOMAINS: readonly Domain[] = [
  { name: 'movies', prefix: 'm', formats: ['Chronicles', 'Story', 'Affair', 'Protocol', 'Saga', 'Reckoning', 'Files', 'Returns'] },
  { name: 'books', prefix: 'b', formats: ['Tales', 'Diaries', 'Letters', 'Almanac', 'Novel', 'Memoir', 'Anthology', 'Journal'] },
  { name: 'games', prefix: 'g', formats: ['Quest', 'Arena', 'Tactics', 'Legends', 'Simulator', 'Rush', 'Online', 'Odyssey'] },
];
