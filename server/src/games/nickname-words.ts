/**
 * Word lists for generated nicknames ("Brave Otter"): friendly adjectives and animals, each
 * checked for a classroom (no word that is rude alone or next to any other). Two lists of 64
 * give 4 096 names, plenty for a class or a lecture hall; every pair fits in 24 characters.
 */
export const NICKNAME_ADJECTIVES: readonly string[] = [
  'Agile', 'Amber', 'Bold', 'Brave', 'Bright', 'Brisk', 'Bubbly', 'Calm',
  'Cheerful', 'Clever', 'Cosmic', 'Curious', 'Daring', 'Dazzling', 'Eager', 'Epic',
  'Fearless', 'Fluffy', 'Friendly', 'Gentle', 'Giant', 'Glowing', 'Golden', 'Happy',
  'Helpful', 'Honest', 'Humble', 'Jolly', 'Kind', 'Lively', 'Lucky', 'Magic',
  'Mellow', 'Mighty', 'Nimble', 'Noble', 'Patient', 'Peppy', 'Plucky', 'Polite',
  'Proud', 'Quick', 'Quiet', 'Radiant', 'Rapid', 'Shiny', 'Silver', 'Sleepy',
  'Smart', 'Snappy', 'Sparkly', 'Speedy', 'Steady', 'Sunny', 'Super', 'Swift',
  'Tidy', 'Tiny', 'Trusty', 'Upbeat', 'Vivid', 'Wise', 'Witty', 'Zesty',
];

export const NICKNAME_ANIMALS: readonly string[] = [
  'Alpaca', 'Badger', 'Beaver', 'Bison', 'Bunny', 'Camel', 'Cheetah', 'Chipmunk',
  'Condor', 'Coyote', 'Crane', 'Dingo', 'Dolphin', 'Eagle', 'Falcon', 'Ferret',
  'Flamingo', 'Fox', 'Gazelle', 'Gecko', 'Giraffe', 'Goose', 'Hedgehog', 'Heron',
  'Hippo', 'Ibis', 'Iguana', 'Jaguar', 'Kiwi', 'Koala', 'Lemur', 'Leopard',
  'Llama', 'Lynx', 'Manatee', 'Meerkat', 'Moose', 'Narwhal', 'Newt', 'Octopus',
  'Orca', 'Otter', 'Owl', 'Panda', 'Parrot', 'Pelican', 'Penguin', 'Puffin',
  'Quokka', 'Rabbit', 'Raccoon', 'Raven', 'Robin', 'Salmon', 'Seal', 'Sloth',
  'Swan', 'Tapir', 'Tiger', 'Toucan', 'Turtle', 'Walrus', 'Wombat', 'Yak',
];
